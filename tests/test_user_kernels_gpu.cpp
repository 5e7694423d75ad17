// User kernels on the GPU (every test is skipped without one): element-wise kernels on contiguous,
// strided, broadcast, empty and 0-d operands against the host executor; call<T>, scalars and the
// index i; float16 and bfloat16 (bit for bit: each operation rounds) and complex (complex scalars,
// placeholders, strided operands); 64-bit indexing; raw kernels with grid, block, shared memory,
// streams, options and template name expressions; argument checks and compile errors at launch; and
// the caches: repeated calls compile nothing, and a second process loads user kernels from the disk
// cache without NVRTC.
#include "support.hpp"
#include "user_kernel_sources.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpu/user_kernels/elementwise_kernel.hpp>
#include <gpu/user_kernels/raw_kernel.hpp>

#include <complex>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

GPU_ND_ELEMENTWISE_KERNEL(ukg_axpy, (float32 a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(ukg_index, (T x), (T z, int64 idx), z = x * x - 3; idx = i);
GPU_ND_ELEMENTWISE_KERNEL(ukg_mixed, (int32 n, T x, U y), (float64 z, bool big), z = sqrt(float64(x)) + y * n; big = z > 10);
GPU_ND_ELEMENTWISE_KERNEL(ukg_axpy_same, (T a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(ukg_conj_mul, (complex64 s, complex64 x), (complex64 z, float32 mag),
                          z = s * x + conj(x); mag = abs(z));

namespace {

using gpu_test::expect_error;
using gpu_test::expect_values;
using gpu_test::values_of;

#define UKG_REQUIRE_GPU() \
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device"

long kernels_built() {
    auto& c = gpu::detail::jit_counters();
    return c.compiled.load() + c.disk_hits.load();
}

template <class T>
std::vector<T> ramp(std::int64_t n, double scale = 0.25, double offset = -3) {
    std::vector<T> v(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) v[k] = static_cast<T>(static_cast<double>(k % 1000) * scale + offset);
    return v;
}

// fn(make) on each executor, where make(values, shape) makes an array there; the values of the
// array fn returns, compared with the host executor's (float results within an ulp or two: the
// GPU may contract a * x + y into one fma).
template <class F>
void expect_same_as_host(F&& fn) {
    auto run = [&](gpu::executor e) {
        gpu::executor_scope scope(e);
        auto make = [](const auto& values, const gpu::shape_t& shape) { return gpu::asarray(values, shape); };
        const auto r = fn(make);
        return std::make_pair(values_of(r), r.shape());
    };
    const auto host = run(gpu::executor::host);
    const auto cuda = run(gpu::executor::cuda);
    EXPECT_EQ(cuda.second, host.second);
    using R = typename decltype(host.first)::value_type;
    expect_values<R>(cuda.first, host.first, std::is_same_v<R, float> ? 1e-6 : 1e-12, 1e-6);
}

TEST(UserKernelsGpu, ContiguousStridedBroadcastEmptyAndZeroDim) {
    UKG_REQUIRE_GPU();
    const std::int64_t n = 100003;  // not a multiple of a block's 1024 elements: the tail path
    const auto xs = ramp<float>(n), ys = ramp<float>(n, -0.5, 7);
    expect_same_as_host([&](auto make) { return ukg_axpy.call<float>(1.75f, make(xs, {n}), make(ys, {n})); });
    // Transposed and sliced (strided kernel), and broadcast rows and columns.
    const auto ms = ramp<double>(300 * 517, 0.125, -20);
    expect_same_as_host([&](auto make) {
        auto m = make(ms, {300, 517});
        return ukg_axpy.call<double>(-2, m.T(), m(gpu::slice(0, 1)).T());
    });
    expect_same_as_host([&](auto make) {
        auto m = make(ms, {300, 517});
        return ukg_axpy.call<double>(3, m(gpu::slice(1, gpu::none, 3), gpu::slice(gpu::none, gpu::none, -2)), 1.5);
    });
    const auto row = ramp<std::int32_t>(517, 3, -500), col = ramp<std::int32_t>(300, 7, -1000);
    expect_same_as_host([&](auto make) { return ukg_axpy.call<std::int32_t>(2, make(row, {517}), make(col, {300, 1})); });
    // Into a strided output.
    expect_same_as_host([&](auto make) {
        auto out = make(std::vector<double>(600 * 517, 0.0), {600, 517});
        auto view = out(gpu::slice(gpu::none, gpu::none, 2));
        ukg_axpy(0.5, make(ms, {300, 517}), make(ms, {300, 517}).T().T(), view);
        return out;
    });
    expect_same_as_host([&](auto make) { return ukg_axpy.call<float>(2, make(std::vector<float>{}, {0, 4}), 1.0f); });
    expect_same_as_host([&](auto make) { return ukg_axpy.call<float>(2, make(std::vector<float>{2.5f}, {}), 1.0f); });
    // Several outputs, two placeholders, a fixed dtype, a bool output.
    const auto u8 = ramp<std::uint8_t>(4000, 0.25, 0);
    const auto ds = ramp<double>(4000, 0.01, 0);
    for (int which = 0; which < 2; ++which)
        expect_same_as_host([&](auto make) {
            gpu::ndarray<double> z({4000});
            gpu::ndarray<bool> big({4000});
            ukg_mixed(3, make(u8, {4000}), make(ds, {4000}), z, big);
            return which ? gpu::eval(big.astype<double>()) : z;
        });
}

// fn() on the host executor and on the GPU: the values of the array it returns, for the caller
// to compare.
template <class F>
auto on_both(F&& fn) {
    std::pair<decltype(values_of(fn())), decltype(values_of(fn()))> r;
    {
        gpu::executor_scope host(gpu::executor::host);
        r.first = values_of(fn());
    }
    gpu::executor_scope cuda(gpu::executor::cuda);
    r.second = values_of(fn());
    return r;
}

template <class H>
std::vector<std::uint16_t> bits(const std::vector<H>& v) {
    std::vector<std::uint16_t> b;
    for (H h : v) b.push_back(h.bits);
    return b;
}

TEST(UserKernelsGpu, HalfAndComplexMatchTheHost) {
    UKG_REQUIRE_GPU();
    using c64 = std::complex<float>;
    using c128 = std::complex<double>;
    const std::int64_t n = 100003;
    // float16 and bfloat16: each operation is rounded, so nothing can be contracted: bit for bit.
    std::vector<gpu::float16> ha, hx, hy;
    std::vector<gpu::bfloat16> ba, bx, by;
    for (std::int64_t k = 0; k < n; ++k) {
        const double t = static_cast<double>(k % 977);
        ha.emplace_back(0.013 * t - 3), hx.emplace_back(1.7 - 0.0031 * t), hy.emplace_back(0.5 * t);
        ba.emplace_back(0.013 * t - 3), bx.emplace_back(1.7 - 0.0031 * t), by.emplace_back(0.5 * t);
    }
    const auto h = on_both([&] {
        return ukg_axpy_same.call<gpu::float16>(gpu::asarray(ha, {n}), gpu::asarray(hx, {n}), gpu::asarray(hy, {n}));
    });
    EXPECT_EQ(bits(h.second), bits(h.first));
    const auto hs = on_both([&] {  // a float16 scalar, strided operands
        auto x = gpu::asarray(hx, {n});
        return ukg_axpy_same.call<gpu::float16>(gpu::float16(-0.375f), x(gpu::slice(gpu::none, gpu::none, -3)),
                                                x(gpu::slice(0, gpu::none, 3)));
    });
    EXPECT_EQ(bits(hs.second), bits(hs.first));
    const auto b = on_both([&] {
        return ukg_axpy_same.call<gpu::bfloat16>(gpu::asarray(ba, {n}), gpu::asarray(bx, {n}), gpu::asarray(by, {n}));
    });
    EXPECT_EQ(bits(b.second), bits(b.first));
    // complex64 with a complex scalar (the GPU may contract a part's products into an fma).
    std::vector<c64> zs;
    for (std::int64_t k = 0; k < n; ++k)
        zs.emplace_back(0.01f * static_cast<float>(k % 1001) - 5, 3 - 0.007f * static_cast<float>(k % 313));
    const auto z = on_both([&] {
        gpu::ndarray<c64> out({n});
        gpu::ndarray<float> mag({n});
        ukg_conj_mul(c128(0.25, -1.5), gpu::asarray(zs, {n}), out, mag);
        return out;
    });
    expect_values(z.second, z.first, 1e-5, 1e-5);
    // complex128 bound to a placeholder, transposed and broadcast.
    std::vector<c128> ws;
    for (int k = 0; k < 300 * 517; ++k) ws.emplace_back(0.125 * (k % 777) - 20, 0.5 - 0.0625 * (k % 91));
    const auto w = on_both([&] {
        auto m = gpu::asarray(ws, {300, 517});
        return ukg_axpy.call<c128>(-2, m.T(), m(gpu::slice(0, 1)).T());
    });
    expect_values(w.second, w.first, 1e-12, 1e-12);
}

TEST(UserKernelsGpu, IndexAndCall) {
    UKG_REQUIRE_GPU();
    const auto xs = ramp<std::int16_t>(37 * 41, 0.2, -100);
    for (int which = 0; which < 2; ++which)
        expect_same_as_host([&](auto make) {
            gpu::ndarray<std::int16_t> z({41, 37});
            gpu::ndarray<std::int64_t> idx({41, 37});
            auto zt = z.T();
            auto it = idx.T();  // transposed outputs: i is still the C-order index of the view
            ukg_index(make(xs, {37, 41}), zt, it);
            return which ? gpu::eval(idx.astype<double>()) : gpu::eval(z.astype<double>());
        });
    gpu::executor_scope cuda(gpu::executor::cuda);
    gpu::ndarray<std::int64_t> idx({5, 7});
    gpu::ndarray<float> z({5, 7});
    ukg_index(gpu::zeros<float>({7}), z, idx);
    std::vector<std::int64_t> expected(35);
    for (int k = 0; k < 35; ++k) expected[k] = k;
    expect_values(values_of(idx), expected);
}

TEST(UserKernelsGpu, StringKernelMatchesTheDefinitionOnTheHost) {
    UKG_REQUIRE_GPU();
    gpu::elementwise_kernel k("float32 a, T x, T y", "T z", "z = a * x + y", "string_axpy");
    const auto xs = ramp<float>(5000), ys = ramp<float>(5000, 2, 1);
    std::vector<float> host, cuda;
    {
        gpu::executor_scope s(gpu::executor::host);
        host = values_of(ukg_axpy.call<float>(0.75f, gpu::asarray(xs, {5000}), gpu::asarray(ys, {5000})));
    }
    {
        gpu::executor_scope s(gpu::executor::cuda);
        cuda = values_of(k.call<float>(0.75f, gpu::asarray(xs, {5000}), gpu::asarray(ys, {5000})));
        // On a stream, and into a preallocated output.
        gpu::stream st;
        gpu::stream_scope on(st);
        gpu::ndarray<float> z({5000});
        k(0.75f, gpu::asarray(xs, {5000}), gpu::asarray(ys, {5000}), z);
        st.synchronize();
        expect_values(values_of(z), cuda);
    }
    expect_values(cuda, host, 1e-6, 1e-6);
}

TEST(UserKernelsGpu, RepeatedCallsCompileNothing) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    gpu::elementwise_kernel k("T x, float64 s", "T z", "z = x * s", "repeat_kernel");
    auto x = gpu::asarray(ramp<float>(1000), {1000});
    (void)k.call<float>(x, 2.0);
    const long before = kernels_built();
    for (double s : {1.0, -3.0, 0.5}) {
        for (std::int64_t n : {10, 1000, 999}) {
            auto r = k.call<float>(x(gpu::slice(0, n)), s);
            EXPECT_EQ(r.size(), n);
        }
    }
    EXPECT_EQ(kernels_built(), before);
    // Another dtype is another kernel; a copy of the object shares the table.
    gpu::elementwise_kernel copy = k;
    (void)copy.call<double>(gpu::asarray(ramp<double>(10), {10}), 2.0);
    EXPECT_EQ(kernels_built(), before + 1);
    (void)k.call<double>(gpu::asarray(ramp<double>(10), {10}), 2.0);
    EXPECT_EQ(kernels_built(), before + 1);
}

TEST(UserKernelsGpu, ConcurrentFirstCallsCompileOnce) {
    UKG_REQUIRE_GPU();
    gpu::elementwise_kernel k("T x", "T z", "z = x * x + 0.125", "concurrent_kernel");
    const long before = kernels_built();
    std::vector<std::thread> threads;
    std::vector<int> ok(8, 0);
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            gpu::executor_scope cuda(gpu::executor::cuda);
            auto r = k.call<double>(gpu::asarray(std::vector<double>{1.0 * t, 2.0}, {2}));
            const auto v = values_of(r);
            ok[t] = v[0] == t * t + 0.125 && v[1] == 4.125;
        });
    for (auto& th : threads) th.join();
    for (int t = 0; t < 8; ++t) EXPECT_TRUE(ok[t]) << t;
    EXPECT_EQ(kernels_built() - before, 1);
}

TEST(UserKernelsGpu, SixtyFourBitIndexing) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    // A view whose offsets reach past 2^31 elements: the 64-bit strided kernel.
    const std::int64_t step = std::int64_t{1} << 30;
    gpu::ndarray<std::uint8_t> big({3 * step});
    gpu::ndarray<std::uint8_t> view(big.buffer(), {3}, {step}, 1);
    gpu::elementwise_kernel fill("uint8 base", "uint8 z", "z = base + i", "wide_fill");
    fill(7, view);
    gpu::elementwise_kernel read("uint8 x", "uint8 z", "z = x", "wide_read");
    expect_values(values_of(read.call<std::uint8_t>(view)), {7, 8, 9});
}

TEST(UserKernelsGpu, ErrorsOnTheGpu) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    gpu::elementwise_kernel broken("T x", "T z", "z = x * nope", "broken_gpu");
    auto x = gpu::asarray(std::vector<float>{1, 2}, {2});
    try {
        (void)broken.call<float>(x);
        ADD_FAILURE() << "no compile_error";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(e.log().find("nope"), std::string::npos) << e.log();
    }
    // A later good call works, and a host array among CUDA ones is a device_error.
    expect_values(values_of(ukg_axpy.call<float>(2, x, x)), {3, 6});
    std::vector<float> hv{1, 2};
    gpu::ndarray<float> on_host;
    {
        gpu::executor_scope host(gpu::executor::host);
        on_host = gpu::asarray(hv, {2});
    }
    gpu::ndarray<float> z({2});
    expect_error<gpu::device_error>([&] { ukg_axpy(1, x, on_host, z); },
                                    "operands live on different executors (cuda and host); move them with "
                                    "gpu::asnumpy / gpu::asarray first");
}

const char* const raw_source = R"(
extern "C" __global__ void scale(float* y, const float* x, float a, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] * N;
}
namespace lib {
/* Reverses each block's slice through dynamic shared memory, times K. */
template <class T, int K>
__global__ void reverse_tile(T* y, const T* x, int n) {
    extern __shared__ unsigned char smem[];
    T* tile = reinterpret_cast<T*>(smem);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x] = i < n ? x[i] : T(0);
    __syncthreads();
    int j = blockIdx.x * blockDim.x + (blockDim.x - 1 - threadIdx.x);
    if (j < n) y[j] = tile[threadIdx.x] * K;
}
}
extern "C" __global__ void big_smem(int* y) {
    extern __shared__ int s[];
    const int words = 64 * 1024 / 4;
    for (int k = threadIdx.x; k < words; k += blockDim.x) s[k] = k;
    __syncthreads();
    if (threadIdx.x == 0) y[0] = s[words - 1];
}
)";

TEST(UserKernelsGpu, RawKernels) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    const int n = 1000;
    std::vector<float> xs(n);
    for (int k = 0; k < n; ++k) xs[k] = 0.5f * k;
    auto x = gpu::asarray(xs, {n});
    gpu::ndarray<float> y({n});
    gpu::raw_module m(raw_source, {"-DN=4", "--use_fast_math"});
    auto scale = m.get_function("scale");
    scale((n + 255) / 256, 256, y, x, 2.0f, n);
    std::vector<float> expected(n);
    for (int k = 0; k < n; ++k) expected[k] = 8 * xs[k];
    expect_values(values_of(y), expected);
    EXPECT_EQ(scale.num_params(), 4);

    // A template by name expression, dynamic shared memory, on a stream.
    auto rev = m.get_function("lib::reverse_tile<float, 3>");
    gpu::stream s;
    gpu::ndarray<float> r({n});
    rev({.grid = dim3((n + 127) / 128), .block = dim3(128), .shared_mem = 128 * sizeof(float), .stream = &s}, r, x, n);
    s.synchronize();
    for (int k = 0; k < n; ++k) {
        const int block = k / 128, lane = k % 128, from = block * 128 + 127 - lane;
        expected[k] = from < n ? 3 * xs[from] : 0;
    }
    // Elements whose source is past the end stay unwritten in the last block; compare the rest.
    const auto got = values_of(r);
    for (int k = 0; k < n; ++k) {
        const int block = k / 128, lane = k % 128, from = block * 128 + 127 - lane;
        if (from < n) EXPECT_EQ(got[k], expected[k]) << k;
    }
    // Over 48 KiB of dynamic shared memory: the opt-in is made for the launch.
    gpu::ndarray<std::int32_t> one({1});
    m.get_function("big_smem")({.grid = dim3(1), .block = dim3(256), .shared_mem = 64 * 1024}, one);
    expect_values(values_of(one), {64 * 1024 / 4 - 1});

    // Arguments checked against the kernel's parameters.
    expect_error<gpu::type_error>([&] { scale(1, 256, y, x); }, "raw kernel 'scale' takes 4 arguments but 2 were given");
    expect_error<gpu::type_error>([&] { scale(1, 256, y, x, 2.0, n); },
                                  "raw kernel 'scale': argument 2 is float64 (8 bytes) but the kernel's parameter 2 "
                                  "takes 4 bytes");
    // A compile error at the first launch, then nothing is broken.
    gpu::raw_kernel bad("extern \"C\" __global__ void f(float* y) { y[0] = undefined_thing; }", "f");
    try {
        bad(1, 1, y);
        ADD_FAILURE() << "no compile_error";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(e.log().find("undefined_thing"), std::string::npos) << e.log();
    }
    scale(4, 256, y, x, 1.0f, n);
    EXPECT_EQ(values_of(y)[10], 4 * xs[10]);
}

TEST(UserKernelsGpu, RawKernelsOfHalfAndComplexArrays) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    using c64 = std::complex<float>;
    gpu::raw_module m(gpu_test::raw_half_complex_source);
    // Exact values: (0.5 - 2j) x + conj(x), as test_user_kernels' host definition computes them.
    auto x = gpu::asarray(std::vector<c64>{{1, 2}, {-3, 0.5f}, {0.25f, -4}, {0, 0}}, {4});
    gpu::ndarray<c64> y({4});
    m.get_function("cscale")(1, 32, y, x, c64(0.5f, -2), 4);
    expect_values(values_of(y), {{5.5f, -3}, {-3.5f, 5.75f}, {-7.625f, 1.5f}, {0, 0}});
    m.get_function("own_struct")(1, 32, y, x, 4);
    expect_values(values_of(y), {{2, -2}, {-2, -0.5f}, {1.25f, 4}, {1, 0}});
    // y += a * x in float16, each operation rounded: 1 + 0.5 * 3 = 2.5; 2048 + 0.5 rounds back to 2048.
    auto hx = gpu::asarray(std::vector<gpu::float16>{gpu::float16(3.0f), gpu::float16(1.0f)}, {2});
    auto hy = gpu::asarray(std::vector<gpu::float16>{gpu::float16(1.0f), gpu::float16(2048.0f)}, {2});
    m.get_function("haxpy")(1, 32, hy, hx, gpu::float16(0.5f), 2);
    const auto h = values_of(hy);
    EXPECT_EQ(static_cast<float>(h[0]), 2.5f);
    EXPECT_EQ(static_cast<float>(h[1]), 2048.0f);
}

TEST(UserKernelsGpu, ToolkitHeadersAndStreamScope) {
    UKG_REQUIRE_GPU();
    if (gpu::detail::toolkit_include_option().empty()) GTEST_SKIP() << "no CUDA toolkit headers found";
    gpu::executor_scope cuda(gpu::executor::cuda);
    gpu::raw_kernel k(R"(#include <cuda_fp16.h>
extern "C" __global__ void roundtrip(float* y, const float* x) { y[threadIdx.x] = __half2float(__float2half(x[threadIdx.x])); })",
                      "roundtrip");
    auto x = gpu::asarray(std::vector<float>{0.5f, 1.25f, -2}, {3});
    gpu::ndarray<float> y({3});
    gpu::stream s;
    {
        gpu::stream_scope on(s);
        k(1, 3, y, x);
    }
    s.synchronize();
    expect_values(values_of(y), {0.5f, 1.25f, -2});
}

TEST(UserKernelsGpu, TwoModulesShareOneCompiledKernel) {
    UKG_REQUIRE_GPU();
    gpu::executor_scope cuda(gpu::executor::cuda);
    auto x = gpu::asarray(std::vector<double>{1, 2, 3, 4}, {4});
    gpu::ndarray<double> y({4});
    gpu::raw_module first(raw_source, {"-DN=2"});
    first.get_function("lib::reverse_tile<double, 2>")({.grid = dim3(1), .block = dim3(4), .shared_mem = 32}, y, x, 4);
    const long compiled = gpu::detail::jit_counters().compiled, hits = gpu::detail::jit_counters().disk_hits;
    gpu::raw_module second(raw_source, {"-DN=2"});
    second.get_function("lib::reverse_tile<double, 2>")({.grid = dim3(1), .block = dim3(4), .shared_mem = 32}, y, x, 4);
    EXPECT_EQ(gpu::detail::jit_counters().compiled, compiled);
    EXPECT_EQ(gpu::detail::jit_counters().disk_hits, hits);
    expect_values(values_of(y), {8, 6, 4, 2});
}

// Run in a child process by DiskCacheAcrossProcesses: a raw template kernel and an element-wise
// kernel, their NVRTC runs and disk hits compared with what GND_UK_CHILD expects.
TEST(UserKernelsGpuChild, LoadsUserKernels) {
    const char* mode = std::getenv("GND_UK_CHILD");
    if (!mode) GTEST_SKIP() << "run by UserKernelsGpu.DiskCacheAcrossProcesses";
    gpu::executor_scope cuda(gpu::executor::cuda);
    auto x = gpu::asarray(std::vector<float>{1, 2, 3, 4}, {4});
    gpu::ndarray<float> y({4}), z({4});
    gpu::raw_module m(raw_source, {"-DN=2", "-DCHILD_ONLY"});
    gpu::elementwise_kernel k("T x", "T z", "z = x * 10 + CHILD_ONLY", "child_kernel", "", {"-DCHILD_ONLY=5"});
    auto& c = gpu::detail::jit_counters();
    const long compiled = c.compiled, hits = c.disk_hits;
    m.get_function("lib::reverse_tile<float, 2>")({.grid = dim3(1), .block = dim3(4), .shared_mem = 16}, y, x, 4);
    k(x, z);
    const long new_compiled = c.compiled - compiled, new_hits = c.disk_hits - hits;
    expect_values(values_of(y), {8, 6, 4, 2});
    expect_values(values_of(z), {15, 25, 35, 45});
    if (std::string(mode) == "compile") {
        EXPECT_EQ(new_compiled, 2);
        EXPECT_EQ(new_hits, 0);
    } else {
        EXPECT_EQ(new_compiled, 0);
        EXPECT_EQ(new_hits, 2);
    }
}

int run_child(const std::string& mode, const std::filesystem::path& cache_dir) {
    std::vector<std::string> env{"GND_UK_CHILD=" + mode, "GPU_NDARRAY_CACHE_DIR=" + cache_dir.string()};
    for (char** e = environ; *e; ++e) {
        const std::string v(*e);
        if (v.rfind("GND_UK_CHILD=", 0) != 0 && v.rfind("GPU_NDARRAY_CACHE_DIR=", 0) != 0 &&
            v.rfind("GPU_NDARRAY_DISK_CACHE=", 0) != 0)
            env.push_back(v);
    }
    std::vector<char*> envp;
    for (auto& v : env) envp.push_back(v.data());
    envp.push_back(nullptr);
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").string(), filter = "--gtest_filter=UserKernelsGpuChild.*";
    char* argv[] = {exe.data(), filter.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv, envp.data()) != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(UserKernelsGpu, DiskCacheAcrossProcesses) {
    UKG_REQUIRE_GPU();
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("gpu_ndarray_test_uk_processes_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    EXPECT_EQ(run_child("compile", dir), 0) << "the first process compiles both kernels";
    EXPECT_EQ(run_child("disk", dir), 0) << "the second loads both from the disk cache, lowered names included";
    fs::remove_all(dir);
}

}  // namespace
