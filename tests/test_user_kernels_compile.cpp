// User kernels' sources, compiled by NVRTC for sm_90 through the kernel_source the runtime builds
// (no GPU needed): element-wise kernels for every dtype in each variant (float16, bfloat16 and
// complex included, whose definitions enter only the kernels that name them), one-definition
// kernels' CUDA side, raw kernels by plain name, C++ name and template name expression, with
// float16 and complex pointers, NVRTC options and the toolkit's headers; compile errors carry
// NVRTC's log and the source; and a raw module's template kernel comes back from the disk cache
// with its lowered name, not compiled again.
#include "support.hpp"
#include "user_kernel_sources.hpp"

#include <unistd.h>

#include <gpu/user_kernels/elementwise_kernel.hpp>
#include <gpu/user_kernels/raw_kernel.hpp>

#include <complex>
#include <filesystem>
#include <string>
#include <tuple>

GPU_ND_ELEMENTWISE_KERNEL(ukc_clip, (T x, T lo, T hi), (T z), z = min(max(x, lo), hi));
GPU_ND_ELEMENTWISE_KERNEL(ukc_mixed, (int32 n, T x, U y), (float64 z, bool big), z = sqrt(float64(x)) + y * n; big = z > 10);
// As test_user_kernels.cpp's, for float16, bfloat16 and complex.
GPU_ND_ELEMENTWISE_KERNEL(ukc_axpy, (float32 a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(ukc_axpy_same, (T a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(ukc_accumulate, (T x), (T z), z += x);
GPU_ND_ELEMENTWISE_KERNEL(ukc_conj_mul, (complex64 s, complex64 x), (complex64 z, float32 mag),
                          z = s * x + conj(x); mag = abs(z));
GPU_ND_ELEMENTWISE_KERNEL(ukc_half_parts, (float16 h, complex128 w), (float32 f, complex128 z),
                          f = float32(h) * 2; z = w * complex128(float64(h), -1) / 2 + sqrt(w));

namespace {

namespace gd = gpu::detail;
constexpr gd::compile_target sm90{9, 0};

template <class... Args>
void expect_compiles(const gpu::elementwise_kernel& k, const gd::uk_variant& v, const std::string& what) {
    SCOPED_TRACE(what + " " + v.name_expression(k.name()));
    const gd::kernel_source src = gd::elementwise_kernel_source<Args...>(k, v);
    try {
        const auto c = gd::compile_cubin(src, sm90);
        EXPECT_FALSE(c.cubin.empty());
        EXPECT_EQ(c.symbol.rfind("_ZN3gnd", 0), 0u) << c.symbol;  // a lowered template name
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

gd::uk_variant variant(bool strided, bool idx64, int rank = 1) {
    gd::uk_variant v;
    v.strided = strided;
    v.idx64 = idx64;
    v.rank = rank;
    return v;
}

template <class T>
void typed_kernel_compiles() {
    // Arithmetic every dtype has, a scalar of another type and the index.
    gpu::elementwise_kernel k("T x, T y, float64 s", "T z, int64 where", "z = x * y + (T)s; where = i", "typed");
    using A = gpu::ndarray<T>;
    const std::string what(gpu::dtype_name_v<T>);
    expect_compiles<A, A, double, A, gpu::ndarray<std::int64_t>>(k, variant(false, false), what);
    expect_compiles<A, A, int, A, gpu::ndarray<std::int64_t>>(k, variant(true, true, 3), what);
}

TEST(UserKernelsCompile, ElementwiseForEveryDtype) {
    std::apply([](auto... t) { (typed_kernel_compiles<decltype(t)>(), ...); },
               std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                          std::uint32_t, std::uint64_t, float, double, gpu::float16, gpu::bfloat16, std::complex<float>,
                          std::complex<double>>{});
}

TEST(UserKernelsCompile, HalfAndComplexDefinitionsOnlyWhereNamed) {
    // The definitions of gnd::float16 and gnd::complex enter a kernel only when its dtypes or its
    // text name them (a float32 kernel compiles what it compiled before they existed).
    const auto v = variant(false, false);
    gpu::elementwise_kernel k("T x", "T z", "z = x * 2", "plain");
    using F = gpu::ndarray<float>;
    const std::string f32 = gd::elementwise_kernel_source<F, F>(k, v).code;
    EXPECT_EQ(f32.find("struct float16 {"), std::string::npos);
    EXPECT_EQ(f32.find("struct complex {"), std::string::npos);
    using H = gpu::ndarray<gpu::float16>;
    const std::string f16 = gd::elementwise_kernel_source<H, H>(k, v).code;
    EXPECT_NE(f16.find("struct float16 {"), std::string::npos);
    EXPECT_NE(f16.find("typedef gnd::float16 float16;"), std::string::npos);
    EXPECT_EQ(f16.find("struct complex {"), std::string::npos);
    // A float32 kernel whose operation names complex64 gets it.
    gpu::elementwise_kernel c("float32 x", "float32 z", "z = abs(complex64(x, 1))", "named_complex");
    const auto src = gd::elementwise_kernel_source<F, F>(c, v);
    EXPECT_NE(src.code.find("typedef gnd::complex<float> complex64;"), std::string::npos);
    expect_compiles<F, F>(c, v, "complex64 named in a float32 kernel");
}

TEST(UserKernelsCompile, ElementwiseEveryVariant) {
    gpu::elementwise_kernel k("float32 x, float32 y", "float32 z", "z = x * y + 1", "my_kernel");
    using F = gpu::ndarray<float>;
    for (bool idx64 : {false, true}) {
        expect_compiles<F, F, F>(k, variant(false, idx64), "flat");
        for (int rank : {1, 2, 5, gpu::max_ndim}) expect_compiles<F, F, F>(k, variant(true, idx64, rank), "strided");
    }
    // Scalars for array parameters, and a preamble with a device function and NVRTC options.
    expect_compiles<float, F, F>(k, variant(false, false), "scalar x");
    // -D macros named like the head's template parameters (N, K) reach only the user's code.
    gpu::elementwise_kernel p("T x", "T z", "z = TWICE(cube(x)) * N + K", "with_preamble",
                              "template <class V> __device__ V cube(V v) { return v * v * v; }",
                              {"-DN=3", "-D", "TWICE(v)=(2*(v))", "--use_fast_math", "-DK"});
    expect_compiles<gpu::ndarray<double>, gpu::ndarray<double>>(p, variant(true, false, 2), "preamble");
}

TEST(UserKernelsCompile, DefinitionsCompileForTheDevice) {
    // The same text the host compiled as C++: math functions and the dtype names as types.
    using F = gpu::ndarray<float>;
    using D = gpu::ndarray<double>;
    using I = gpu::ndarray<std::int32_t>;
    expect_compiles<F, F, F, F>(ukc_clip.kernel(), variant(false, false), "clip float32");
    expect_compiles<D, double, double, D>(ukc_clip.kernel(), variant(true, false, 2), "clip float64");
    expect_compiles<I, I, I, I>(ukc_clip.kernel(), variant(false, false), "clip int32");
    expect_compiles<int, gpu::ndarray<std::uint8_t>, D, D, gpu::ndarray<bool>>(ukc_mixed.kernel(), variant(false, false),
                                                                               "mixed");
    // float16, bfloat16, complex: the kernels test_user_kernels.cpp runs on the host.
    using H = gpu::ndarray<gpu::float16>;
    using B = gpu::ndarray<gpu::bfloat16>;
    using C64 = gpu::ndarray<std::complex<float>>;
    using C128 = gpu::ndarray<std::complex<double>>;
    expect_compiles<H, H, H, H>(ukc_axpy_same.kernel(), variant(false, false), "axpy float16");
    expect_compiles<gpu::float16, H, H, H>(ukc_axpy_same.kernel(), variant(true, true, 2), "axpy float16 scalar");
    expect_compiles<B, B, B, B>(ukc_axpy_same.kernel(), variant(true, false, 1), "axpy bfloat16");
    expect_compiles<double, C128, C128, C128>(ukc_axpy.kernel(), variant(false, false), "axpy complex128");
    expect_compiles<int, C64, C64, C64>(ukc_axpy.kernel(), variant(true, false, 2), "axpy complex64");
    expect_compiles<std::complex<double>, C64, C64, F>(ukc_conj_mul.kernel(), variant(false, false), "conj_mul");
    expect_compiles<std::complex<double>, C128, F, C128>(ukc_half_parts.kernel(), variant(false, false), "half_parts");
    expect_compiles<H, H>(ukc_accumulate.kernel(), variant(false, false), "accumulate float16");
    expect_compiles<gpu::bfloat16, C64>(ukc_accumulate.kernel(), variant(false, false), "accumulate complex64");
}

TEST(UserKernelsCompile, OperationErrorsCarryTheLogAndSource) {
    gpu::elementwise_kernel k("T x", "T z", "z = x * undefined_name", "broken");
    const auto src = gd::elementwise_kernel_source<gpu::ndarray<float>, gpu::ndarray<float>>(k, variant(false, false));
    try {
        (void)gd::compile_cubin(src, sm90);
        ADD_FAILURE() << "no compile_error";
    } catch (const gpu::compile_error& e) {
        // The operation's own line, named after the kernel.
        EXPECT_NE(e.log().find("broken operation(1)"), std::string::npos) << e.log();
        EXPECT_NE(e.log().find("undefined_name"), std::string::npos) << e.log();
        EXPECT_NE(e.source().find("z = x * undefined_name"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("elementwise kernel 'broken'"), std::string::npos) << e.what();
    }
}

const char* const raw_source = R"(
extern "C" __global__ void scale(float* y, const float* x, float a, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] * N;
}
__global__ void cxx_name(double* y) { y[threadIdx.x] = 1.0; }
namespace lib {
template <class T, int K>
__global__ void my_tmpl(T* y, const T* x, int n) {
    extern __shared__ unsigned char smem[];
    T* tile = reinterpret_cast<T*>(smem);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x] = i < n ? x[i] : T(0);
    __syncthreads();
    if (i < n) y[i] = tile[blockDim.x - 1 - threadIdx.x] * K;
}
}
)";

gd::compiled_kernel compile(const gpu::raw_kernel& k) { return gd::compile_cubin(raw_kernel_source(k), sm90); }

TEST(UserKernelsCompile, RawKernelsByNameAndNameExpression) {
    gpu::raw_module m(raw_source, {"-DN=4", "--use_fast_math"});
    EXPECT_EQ(compile(m.get_function("scale")).symbol, "scale");
    EXPECT_EQ(compile(m.get_function("cxx_name")).symbol, "_Z8cxx_namePd");
    EXPECT_EQ(compile(m.get_function("lib::my_tmpl<float, 4>")).symbol, "_ZN3lib7my_tmplIfLi4EEEvPT_PKS1_i");
    EXPECT_EQ(compile(m.get_function("lib::my_tmpl<double, 2>")).symbol, "_ZN3lib7my_tmplIdLi2EEEvPT_PKS1_i");
    gpu::raw_kernel k(raw_source, "scale", {"-DN=1"});
    EXPECT_FALSE(compile(k).cubin.empty());
    // The user's options come first, then the toolkit's include directory when there is one.
    const auto src = raw_kernel_source(k);
    ASSERT_GE(src.options.size(), 1u);
    EXPECT_EQ(src.options[0], "-DN=1");
    EXPECT_TRUE(src.name_expression);
}

TEST(UserKernelsCompile, RawKernelsOfHalfAndComplexArrays) {
    // An ndarray<std::complex<float>> is a pointer to (re, im) pairs: gnd::complex<float>, float2
    // or the user's own struct; an ndarray<gpu::float16> a pointer to gnd::float16.
    gpu::raw_module m(gpu_test::raw_half_complex_source);
    EXPECT_EQ(compile(m.get_function("cscale")).symbol, "cscale");
    EXPECT_EQ(compile(m.get_function("own_struct")).symbol, "own_struct");
    EXPECT_EQ(compile(m.get_function("haxpy")).symbol, "haxpy");
    // A template whose source names no library type, instantiated with them by name expression:
    // the name brings their definitions in.
    gpu::raw_module t(R"(template <class T> __global__ void twice(T* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = y[i] + y[i];
})");
    EXPECT_FALSE(compile(t.get_function("twice<gnd::complex<double>>")).cubin.empty());
    EXPECT_FALSE(compile(t.get_function("twice<gnd::bfloat16>")).cubin.empty());
}

TEST(UserKernelsCompile, ToolkitHeaders) {
    if (gd::toolkit_include_option().empty()) GTEST_SKIP() << "no CUDA toolkit headers found";
    gpu::raw_kernel k(R"(#include <cuda_fp16.h>
extern "C" __global__ void halve(__half* y, const float* x) { y[threadIdx.x] = __float2half(x[threadIdx.x] * 0.5f); })",
                      "halve");
    EXPECT_EQ(compile(k).symbol, "halve");
}

TEST(UserKernelsCompile, RawCompileErrorsAndMissingNames) {
    gpu::raw_kernel bad(R"(extern "C" __global__ void f(float* y) {
    y[0] = nope;
})", "f");
    try {
        (void)compile(bad);
        ADD_FAILURE() << "no compile_error";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(e.log().find("user_source(2)"), std::string::npos) << e.log();  // the user's line numbers
        EXPECT_NE(e.source().find("y[0] = nope;"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("raw kernel 'f'"), std::string::npos) << e.what();
    }
    gpu::raw_module m(raw_source, {"-DN=4"});
    try {
        (void)compile(m.get_function("not_there"));
        ADD_FAILURE() << "no compile_error";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(e.log().find("not_there"), std::string::npos) << e.log();
    }
}

TEST(UserKernelsCompile, DiskCacheKeepsTheLoweredName) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("gpu_ndarray_test_user_kernels_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    gd::disk_cache cache(dir);
    auto& counters = gd::jit_counters();
    // Two modules of the same source and options: one cache entry, the second a disk hit that
    // gives the lowered name without NVRTC (as a later process gets it).
    gpu::raw_module first(raw_source, {"-DN=4"}), second(raw_source, {"-DN=4"});
    const long compiled = counters.compiled, hits = counters.disk_hits;
    const auto a = gd::compiled_for(raw_kernel_source(first.get_function("lib::my_tmpl<float, 4>")), sm90, cache);
    EXPECT_EQ(counters.compiled - compiled, 1);
    EXPECT_EQ(counters.disk_hits - hits, 0);
    const auto b = gd::compiled_for(raw_kernel_source(second.get_function("lib::my_tmpl<float, 4>")), sm90, cache);
    EXPECT_EQ(counters.compiled - compiled, 1);
    EXPECT_EQ(counters.disk_hits - hits, 1);
    EXPECT_EQ(b.symbol, "_ZN3lib7my_tmplIfLi4EEEvPT_PKS1_i");
    EXPECT_EQ(a.symbol, b.symbol);
    EXPECT_EQ(a.cubin, b.cubin);
    // Other options are another entry.
    gpu::raw_module other(raw_source, {"-DN=5"});
    (void)gd::compiled_for(raw_kernel_source(other.get_function("lib::my_tmpl<float, 4>")), sm90, cache);
    EXPECT_EQ(counters.compiled - compiled, 2);
    fs::remove_all(dir);
}

}  // namespace
