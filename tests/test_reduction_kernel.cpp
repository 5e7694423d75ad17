// gpu::reduction_kernel (CuPy's ReductionKernel). Without a GPU: the sources of every variant
// compile with NVRTC (complex128, complex64 and float16 included), a body that does not compile
// is a compile_error, and bad parameters, argument counts and dtypes are gpu:: errors with
// NumPy-style messages. With a GPU: values against the library's own reductions.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>
#include <gpu/user_kernels/reduction_kernel.hpp>

#include <cmath>
#include <complex>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "support.hpp"

namespace {

namespace d = gpu::detail;
using gpu_test::message_of;

gpu::reduction_kernel sum_of_squares() { return {"T x", "T y", "x * x", "a + b", "y = a", "0", "sum_sq"}; }

using c64 = std::complex<float>;
using c128 = std::complex<double>;

// |z|^2 summed as a real, and the complex sum with it in one pass.
gpu::reduction_kernel abs2_sum() {
    return {"complex128 z", "float64 y", "z.real() * z.real() + z.imag() * z.imag()", "a + b", "y = a", "0",
            "abs2_sum"};
}
gpu::reduction_kernel complex_sum() { return {"T z", "T s", "z", "a + b", "s = a", "0", "complex_sum"}; }
gpu::reduction_kernel sum_and_abs2() {
    return {"T z",      "T s, float64 q", "z, z.real() * z.real() + z.imag() * z.imag()", "a.s + b.s, a.q + b.q",
            "s = a.s; q = a.q", "0, 0", "sum_and_abs2", "T s, float64 q"};
}

gpu::reduction_kernel mean_var() {
    return {"T x",  "T mean, T var", "x, x * x", "a.s + b.s, a.ss + b.ss", "mean = a.s / _n; var = a.ss / _n - mean * mean",
            "0, 0", "mean_var",      "T s, T ss"};
}

// Every variant of the reduction templates for a kernel called with arguments of types Args
// (inputs, then the outputs as arrays); with `ranks` 1, only those of one kept and one reduced
// axis (each body and load path, a third of the NVRTC time).
template <class... Args>
void compile_all(const gpu::reduction_kernel& k, const std::string& what, int n_ranks = 3) {
    SCOPED_TRACE(what);
    for (int kind = 0; kind < 3; ++kind)
        for (int vec = 0; vec < 2; ++vec)
            for (int ranks = 0; ranks < n_ranks; ++ranks) {
                d::reduce_variant v;
                v.kind = kind;
                v.vec = vec == 1;
                v.idx64 = ranks == 1;
                v.krank = ranks == 2 ? 3 : 1;
                v.rrank = ranks == 0 ? 1 : 2;
                v.width = 2;
                const d::kernel_source src = d::user_reduction_source<Args...>(k, v);
                ASSERT_EQ(src.entry.rfind(kind == d::reduce_variant::outer ? "gnd::reduce_outer<gnd_expr, gnd_op, gnd_out, "
                                                                            : "gnd::reduce_inner<gnd_expr, gnd_op, gnd_out, ",
                                          0),
                          0u)
                    << src.entry;
                try {
                    const auto c = d::compile_cubin(src, d::compile_target{9, 0});
                    EXPECT_GT(c.cubin.size(), 0u);
                    EXPECT_FALSE(c.symbol.empty());
                } catch (const gpu::compile_error& e) {
                    ADD_FAILURE() << "kind " << kind << " vec " << vec << " ranks " << ranks << "\n" << e.what();
                    return;
                }
            }
}

TEST(ReductionKernelCompile, OneOutput) {
    compile_all<gpu::ndarray<float>, gpu::ndarray<float>>(sum_of_squares(), "sum of squares float32");
    const gpu::reduction_kernel l2("T x", "T y", "x * x", "a + b", "y = sqrt(a)", "0", "l2norm");
    compile_all<gpu::ndarray<double>, gpu::ndarray<double>>(l2, "l2 norm float64");
    const gpu::reduction_kernel mx("T x", "T y", "x", "max(a, b)", "y = a", "__int_as_float(0xff800000)", "maximum");
    compile_all<gpu::ndarray<float>, gpu::ndarray<float>>(mx, "max float32");
    // Two arrays and a scalar; an int64 accumulator for int32 inputs; an empty post_map_expr.
    const gpu::reduction_kernel dot("T x, T y, float64 w", "int64 z", "w * x * y", "a + b", "", "0", "wdot");
    compile_all<gpu::ndarray<std::int32_t>, gpu::ndarray<std::int32_t>, double, gpu::ndarray<std::int64_t>>(dot, "weighted dot");
    const gpu::reduction_kernel cnt("T x", "int64 n", "x != 0", "a + b", "n = a", "0", "count", "int64");
    compile_all<gpu::ndarray<bool>, gpu::ndarray<std::int64_t>>(cnt, "count bool");
}

TEST(ReductionKernelCompile, SeveralOutputs) {
    compile_all<gpu::ndarray<double>, gpu::ndarray<double>, gpu::ndarray<double>>(mean_var(), "mean and var float64");
    // Fields of different sizes (16-byte accumulator with padding): the sum and the count.
    const gpu::reduction_kernel sc("T x", "T s, int64 c", "x, 1", "a.s + b.s, a.c + b.c", "s = a.s; c = a.c", "0, 0",
                                   "sum_count", "float32 s, int64 c");
    compile_all<gpu::ndarray<float>, gpu::ndarray<float>, gpu::ndarray<std::int64_t>>(sc, "sum and count");
}

TEST(ReductionKernelCompile, ComplexAndHalf) {
    using Z = gpu::ndarray<c128>;
    // Every variant for the 16-byte complex accumulator; one rank pair for the rest.
    compile_all<Z, Z>(complex_sum(), "sum complex128");
    compile_all<Z, gpu::ndarray<double>>(abs2_sum(), "|z|^2 complex128", 1);
    // A complex field beside a real one (shuffled and loaded part by part), and a complex scalar.
    compile_all<Z, Z, gpu::ndarray<double>>(sum_and_abs2(), "sum and |z|^2 complex128", 1);
    const gpu::reduction_kernel scaled("T z, complex64 w", "T s", "w * z", "a + b", "s = a / _n", "0", "scaled_mean");
    compile_all<gpu::ndarray<c64>, c128, gpu::ndarray<c64>>(scaled, "scaled mean complex64", 1);
    // float16: rounded per combine, or accumulated in float32 through reduce_type.
    using H = gpu::ndarray<gpu::float16>;
    compile_all<H, H>(sum_of_squares(), "sum of squares float16", 1);
    const gpu::reduction_kernel wide("T x", "T y", "float32(x) * float32(x)", "a + b", "y = T(a)", "0", "wide_sq",
                                     "float32");
    compile_all<gpu::ndarray<gpu::bfloat16>, gpu::ndarray<gpu::bfloat16>>(wide, "float32 accumulator bfloat16", 1);
}

TEST(ReductionKernelErrors, BodyThatDoesNotCompile) {
    const gpu::reduction_kernel k("T x", "T y", "x +* 2", "a + b", "y = a", "0", "broken");
    d::reduce_variant v;
    const d::kernel_source src = d::user_reduction_source<gpu::ndarray<float>, gpu::ndarray<float>>(k, v);
    try {
        (void)d::compile_cubin(src, d::compile_target{9, 0});
        ADD_FAILURE() << "compiled";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(std::string(e.what()).find("reduction kernel 'broken'"), std::string::npos) << e.what();
        EXPECT_NE(e.log().find("broken map_expr"), std::string::npos) << e.log();
        EXPECT_NE(e.source().find("x +* 2"), std::string::npos);
    }
    const gpu::reduction_kernel r("T x", "T y", "x", "a + undefined_name", "y = a", "0", "broken_reduce");
    try {
        (void)d::compile_cubin(d::user_reduction_source<gpu::ndarray<float>, gpu::ndarray<float>>(r, v),
                               d::compile_target{9, 0});
        ADD_FAILURE() << "compiled";
    } catch (const gpu::compile_error& e) {
        EXPECT_NE(e.log().find("broken_reduce reduce_expr"), std::string::npos) << e.log();
        EXPECT_NE(e.log().find("undefined_name"), std::string::npos) << e.log();
    }
}

TEST(ReductionKernelErrors, BadDefinitions) {
    auto bad = [](auto&&... a) {
        return message_of<gpu::value_error>([&] { gpu::reduction_kernel k(a...); });
    };
    EXPECT_EQ(bad("T x", "", "x", "a + b", "", "0", "k"), "k: a reduction kernel needs at least one output parameter");
    EXPECT_EQ(bad("", "T y", "1", "a + b", "y = a", "0", "k"), "k: a reduction kernel needs at least one input parameter");
    EXPECT_EQ(bad("T a", "T y", "a", "a + b", "y = a", "0", "k"),
              "k: parameter 'T a': 'a', 'b' (the values reduce_expr combines) and '_n' are reserved");
    EXPECT_EQ(bad("T x", "T y", "x", "a + b", "y = a", "0", "k", "complex32"),
              "k: unknown reduce_type 'complex32': use a dtype name or a type placeholder");
    EXPECT_EQ(bad("T x", "T y", "x", "a + b", "y = a", "0", "k", "T s, half h"),
              "k reduce_type: unknown type in parameter 'half h': use a dtype name (bool, int8, int16, int32, int64, "
              "uint8, uint16, uint32, uint64, float32, float64, float16, bfloat16, complex64, complex128) or one letter "
              "as a type placeholder");
    EXPECT_NO_THROW(gpu::reduction_kernel("T x", "T y", "x", "a + b", "y = a", "0", "k", "complex64"));
    EXPECT_EQ(bad("T x", "T y", "x", "a + b", "y = a", "0", "k", "U"), "k: reduce_type placeholder U is not the type of any parameter");
    EXPECT_EQ(bad("T x", "T m, T v", "x", "a.s + b.s, a.ss + b.ss", "m = a.s; v = a.ss", "0, 0", "k", "T s, T ss"),
              "k: map_expr has 1 comma-separated expressions, but reduce_type has 2 fields");
    EXPECT_EQ(bad("T x", "T y", "", "a + b", "y = a", "0", "k"), "k: map_expr is empty");
    EXPECT_EQ(bad("T x", "T y, T z", "x", "a + b", "", "0", "k"), "k: post_map_expr is empty: it must set the outputs from a");
    EXPECT_EQ(bad("T x", "T y", "x", "a + b", "y = a", "0", "gnd_k"),
              "reduction kernel name 'gnd_k' must be a C++ identifier not starting with 'gnd'");
    EXPECT_NE(bad("T x y", "T y", "x", "a + b", "y = a", "0", "k").find("k: "), std::string::npos);
    // A comma inside a call does not split the expressions.
    EXPECT_NO_THROW(gpu::reduction_kernel("T x", "T m, T v", "max(x, T(0)), x", "a.s + b.s, a.ss + b.ss", "m = a.s; v = a.ss",
                                          "0, 0", "k", "T s, T ss"));
}

TEST(ReductionKernelErrors, Arguments) {
    gpu::executor_scope host(gpu::executor::host);
    const auto k = sum_of_squares();
    const auto x = gpu_test::make<float>({1, 2, 3});
    const auto i = gpu_test::make<std::int32_t>({1, 2, 3});
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)k.call<float>(x, x); }), "sum_sq() takes 1 input argument but 2 were given");
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)k.call<float, float>(x); }),
              "sum_sq.call<...>() names 2 output types but the kernel has 1 output parameter");
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)k.call<float>(i); }),
              "sum_sq: type placeholder T is float32 (from 'T y') but 'T x' got an array of dtype int32");
    const gpu::reduction_kernel f32("float32 x", "float32 y", "x", "a + b", "y = a", "0", "fixed");
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)f32.call<float>(i); }),
              "fixed: type mismatch: parameter 'float32 x' got an array of dtype int32");
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)f32.call<double>(x); }),
              "fixed: type mismatch: parameter 'float32 y' got an array of dtype float64");
    // Valid arguments on the host executor: the kernel is CUDA source only.
    EXPECT_EQ(message_of<gpu::device_error>([&] { (void)k.call<float>(x); }),
              "reduction kernel 'sum_sq' is CUDA source only: it runs on arrays of the CUDA executor");
    EXPECT_EQ(message_of<gpu::device_error>([&] { (void)k.call<float>(x, gpu::reduce_axes{0}); }),
              "reduction kernel 'sum_sq' is CUDA source only: it runs on arrays of the CUDA executor");
    // Complex and half arguments are validated like the others.
    const auto z = gpu_test::make<c64>({{1, 2}, {3, 4}});
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)abs2_sum().call<double>(z); }),
              "abs2_sum: type mismatch: parameter 'complex128 z' got an array of dtype complex64");
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)complex_sum().call<c128>(z); }),
              "complex_sum: type placeholder T is complex128 (from 'T s') but 'T z' got an array of dtype complex64");
    EXPECT_EQ(message_of<gpu::device_error>([&] { (void)complex_sum().call<c64>(z); }),
              "reduction kernel 'complex_sum' is CUDA source only: it runs on arrays of the CUDA executor");
    const auto h = gpu_test::make<gpu::float16>({gpu::float16(1.0f)});
    EXPECT_EQ(message_of<gpu::device_error>([&] { (void)k.call<gpu::float16>(h); }),
              "reduction kernel 'sum_sq' is CUDA source only: it runs on arrays of the CUDA executor");
}

// ---- values on the GPU ---------------------------------------------------------------------------

template <class T>
gpu::ndarray<T> random_array(const gpu::shape_t& shape, std::uint64_t seed) {
    std::vector<T> v(static_cast<std::size_t>(gpu::size_of(shape)));
    std::uint64_t s = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    for (auto& x : v) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        x = static_cast<T>(static_cast<double>(s >> 11) / 9007199254740992.0 * 2.0 - 0.5);
    }
    return gpu_test::make<T>(v, shape);
}

template <class T>
void expect_close(const gpu::ndarray<T>& a, const gpu::ndarray<T>& b, double rtol) {
    ASSERT_EQ(a.shape(), b.shape());
    gpu_test::expect_values(gpu_test::values_of(a), gpu_test::values_of(b), rtol, rtol);
}

TEST(ReductionKernelValues, SumOfSquares) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device";
    gpu::executor_scope cuda(gpu::executor::cuda);
    const auto k = sum_of_squares();
    // Shapes that take each body: warp and block groups, split rows, columns, vectors or not.
    for (const gpu::shape_t& shape : {gpu::shape_t{1000}, gpu::shape_t{1 << 22}, gpu::shape_t{3, 100003},
                                      gpu::shape_t{4096, 1024}, gpu::shape_t{37, 5, 64}}) {
        SCOPED_TRACE(gpu::to_string(shape));
        const auto x = random_array<double>(shape, 1);
        expect_close(k.call<double>(x), gpu::sum(x * x), 1e-12);
        expect_close(k.call<double>(x, gpu::reduce_axes{0}), gpu::sum(x * x, 0), 1e-12);
        expect_close(k.call<double>(x, gpu::reduce_axes{-1, true}), gpu::sum(x * x, -1, true), 1e-12);
        if (shape.size() == 3) expect_close(k.call<double>(x, gpu::reduce_axes{gpu::dims{0, 2}}), gpu::sum(x * x, gpu::dims{0, 2}), 1e-12);
        const auto f = random_array<float>(shape, 2);
        expect_close(k.call<float>(f, gpu::reduce_axes{gpu::none, true}), gpu::sum(f * f, gpu::none, true), 1e-4);
    }
    // A transposed view and a broadcast input.
    const auto m = random_array<double>({300, 200}, 3);
    expect_close(k.call<double>(m.T(), gpu::reduce_axes{1}), gpu::sum(m.T() * m.T(), 1), 1e-12);
}

TEST(ReductionKernelValues, MaxAndWeightedDot) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device";
    gpu::executor_scope cuda(gpu::executor::cuda);
    const gpu::reduction_kernel mx("T x", "T y", "x", "max(a, b)", "y = a", "__int_as_float(0xff800000)", "maximum");
    const auto x = random_array<float>({513, 1025}, 4);
    expect_close(mx.call<float>(x), gpu::max(x), 0);
    expect_close(mx.call<float>(x, gpu::reduce_axes{0}), gpu::max(x, 0), 0);
    expect_close(mx.call<float>(x, gpu::reduce_axes{1}), gpu::max(x, 1), 0);
    const gpu::reduction_kernel dot("T x, T y, float64 w", "T z", "w * x * y", "a + b", "", "0", "wdot");
    const auto y = random_array<double>({1, 1025}, 5), z = random_array<double>({513, 1025}, 6);
    expect_close(dot.call<double>(z, y, 2.5, gpu::reduce_axes{1}), gpu::sum(z * y * 2.5, 1), 1e-12);
}

TEST(ReductionKernelValues, ComplexAndHalf) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device";
    gpu::executor_scope cuda(gpu::executor::cuda);
    // Exact values: |1+2j|^2 + |3-4j|^2 + |-0.5+0.5j|^2 = 5 + 25 + 0.5, and the sum of the rows.
    const auto small = gpu_test::make<c128>({{1, 2}, {3, -4}, {-0.5, 0.5}, {0, 0}}, {2, 2});
    gpu_test::expect_values(gpu_test::values_of(abs2_sum().call<double>(small)), {30.5});
    gpu_test::expect_values(gpu_test::values_of(complex_sum().call<c128>(small, gpu::reduce_axes{1})),
                            {{4, -2}, {-0.5, 0.5}});
    for (const gpu::shape_t& shape : {gpu::shape_t{100003}, gpu::shape_t{2048, 700}, gpu::shape_t{9, 2, 33}}) {
        SCOPED_TRACE(gpu::to_string(shape));
        const auto z = gpu::eval(random_array<double>(shape, 9) + random_array<double>(shape, 10) * c128(0, 1));
        const auto abs2 = gpu::eval(gpu::real(z * gpu::conj(z)));
        expect_close(abs2_sum().call<double>(z), gpu::sum(abs2), 1e-12);
        expect_close(abs2_sum().call<double>(z, gpu::reduce_axes{0}), gpu::sum(abs2, 0), 1e-12);
        expect_close(complex_sum().call<c128>(z), gpu::sum(z), 1e-12);
        expect_close(complex_sum().call<c128>(z, gpu::reduce_axes{-1, true}), gpu::sum(z, -1, true), 1e-12);
        // The complex and real fields in one pass, split over blocks for the long shapes.
        const auto [s, q] = sum_and_abs2().call<c128, double>(z);
        expect_close(s, gpu::sum(z), 1e-12);
        expect_close(q, gpu::sum(abs2), 1e-12);
        const auto z64 = gpu::eval(z.astype<c64>());
        const gpu::reduction_kernel scaled("T z, complex64 w", "T s", "w * z", "a + b", "s = a / _n", "0",
                                           "scaled_mean");
        expect_close(scaled.call<c64>(z64, c128(0.5, -1), gpu::reduce_axes{0}), gpu::mean(z64 * c64(0.5f, -1), 0),
                     1e-4);
    }
    // bfloat16 squares accumulated in float32, rounded once into the bfloat16 output.
    const gpu::reduction_kernel wide("T x", "T y", "float32(x) * float32(x)", "a + b", "y = T(a)", "0", "wide_sq",
                                     "float32");
    const auto f = random_array<float>({4096, 33}, 11);
    const auto b = gpu::eval(f.astype<gpu::bfloat16>());
    const auto got = gpu::eval(wide.call<gpu::bfloat16>(b, gpu::reduce_axes{0}).astype<float>());
    const auto bf = gpu::eval(b.astype<float>());
    expect_close(got, gpu::eval(gpu::sum(bf * bf, 0)), 1e-2);
}

TEST(ReductionKernelValues, MeanAndVarInOnePass) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device";
    gpu::executor_scope cuda(gpu::executor::cuda);
    const auto k = mean_var();
    for (const gpu::shape_t& shape : {gpu::shape_t{100003}, gpu::shape_t{2048, 700}, gpu::shape_t{9, 2, 33}}) {
        SCOPED_TRACE(gpu::to_string(shape));
        const auto x = random_array<double>(shape, 7);
        const auto [m, v] = k.call<double, double>(x);
        expect_close(m, gpu::mean(x), 1e-9);
        expect_close(v, gpu::var(x), 1e-9);
        const auto [m0, v0] = k.call<double, double>(x, gpu::reduce_axes{0, true});
        expect_close(m0, gpu::mean(x, 0, true), 1e-9);
        expect_close(v0, gpu::var(x, 0, true), 1e-9);
    }
    // Fields of two sizes: the float32 sum and the int64 count, split over blocks.
    const gpu::reduction_kernel sc("T x", "T s, int64 c", "x, 1", "a.s + b.s, a.c + b.c", "s = a.s; c = a.c", "0, 0",
                                   "sum_count", "float64 s, int64 c");
    const auto f = random_array<float>({1 << 21}, 8);
    const auto [s, c] = sc.call<float, std::int64_t>(f);
    expect_close(s, gpu::sum(f), 1e-4);
    EXPECT_EQ(c.item(), std::int64_t{1} << 21);
}

}  // namespace
