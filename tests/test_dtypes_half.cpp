// float16 and bfloat16: conversions, promotion, NumPy's per-operation rounding inside fused
// expressions, reductions in float32, layouts, creation, transfers, joins, indexing, random
// numbers and printing, on every executor. Expected bit patterns are the lines of
// tools/numpy_data/gen_dtypes.py (NumPy 2.5 + ml_dtypes on the GPU machine; struct here).
#include "support.hpp"

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace {

using gpu::bfloat16;
using gpu::float16;
using gpu_test::make;
using gpu_test::values_of;

template <class H>
std::vector<std::uint16_t> bits_of(const std::vector<H>& v) {
    std::vector<std::uint16_t> out;
    for (H h : v) out.push_back(h.bits);
    return out;
}
template <class H, class E>
std::vector<std::uint16_t> bits_of_expr(const E& e) {
    return bits_of(values_of(gpu::ndarray<H>(e)));
}
template <class H>
std::vector<H> from_doubles(const std::vector<double>& v) {
    std::vector<H> out;
    for (double x : v) out.push_back(H(x));
    return out;
}
template <class H>
std::vector<H> from_bits(const std::vector<std::uint16_t>& v) {
    std::vector<H> out;
    for (std::uint16_t b : v) out.push_back(H::from_bits(b));
    return out;
}

const std::vector<double> a16 = {1.0, 2.5, 0.1, 3.0, -7.25, 1000.0, 0.000123, 65504.0};
const std::vector<double> b16 = {3.0, 0.3, 0.7, -1.5, 2.0, 3.0, 7.0, 2.0};

TEST(Float16, ConversionsRoundToNearestEven) {
    // gen_dtypes "f16 from double": one rounding from double (1 + 2^-11 + 2^-40 is above the
    // halfway point; through float it would tie to 1.0).
    const std::vector<double> x = {0.1, 1.0 / 3, 65519.0, 65520.0, 0x1p-25, 0x1p-25 + 0x1p-60, 1 + 0x1p-11 + 0x1p-40,
                                   -0x1p-24, 6.1e-5};
    EXPECT_EQ(bits_of(from_doubles<float16>(x)),
              (std::vector<std::uint16_t>{0x2e66, 0x3555, 0x7bff, 0x7c00, 0x0000, 0x0001, 0x3c01, 0x8001, 0x03ff}));
    // From float the same where float is exact, and back to float exactly (subnormals too).
    EXPECT_EQ(float16(0.1f).bits, 0x2e66);
    EXPECT_EQ(float16(1 + 0x1p-11f).bits, 0x3c00);  // a tie: to even
    EXPECT_EQ(float16(-0.0f).bits, 0x8000);
    EXPECT_EQ(static_cast<float>(float16::from_bits(0x0001)), 0x1p-24f);
    EXPECT_EQ(static_cast<float>(float16::from_bits(0x7bff)), 65504.0f);
    EXPECT_EQ(static_cast<double>(float16::from_bits(0x3555)), 0.333251953125);
    EXPECT_TRUE(std::isnan(static_cast<float>(float16(std::nanf("")))));
    EXPECT_EQ(static_cast<int>(float16(-7.75)), -7);
    EXPECT_EQ(float16(300).bits, 0x5cb0);
    // bfloat16 from double goes through float, as ml_dtypes (gen_dtypes "bf16 from double").
    EXPECT_EQ(bits_of(from_doubles<bfloat16>({0.1, 1.0 / 3, 1 + 0x1p-8 + 0x1p-30, 3.0e38, 257.0})),
              (std::vector<std::uint16_t>{0x3dcd, 0x3eab, 0x3f80, 0x7f62, 0x4380}));
    EXPECT_EQ(static_cast<float>(bfloat16::from_bits(0x3f80)), 1.0f);
#if defined(__STDCPP_FLOAT16_T__)
    const std::float16_t s = static_cast<std::float16_t>(float16(0.1));
    EXPECT_EQ(float16(s).bits, 0x2e66);
#endif
#if defined(__STDCPP_BFLOAT16_T__)
    EXPECT_EQ(bfloat16(static_cast<std::bfloat16_t>(bfloat16(0.1))).bits, 0x3dcd);
#endif
}

TEST(Float16, Promotion) {
    using gpu::dtype;
    static_assert(gpu::promote(dtype::float16, dtype::int8) == dtype::float16);
    static_assert(gpu::promote(dtype::float16, dtype::uint8) == dtype::float16);
    static_assert(gpu::promote(dtype::float16, dtype::int16) == dtype::float32);
    static_assert(gpu::promote(dtype::float16, dtype::int32) == dtype::float64);
    static_assert(gpu::promote(dtype::float16, dtype::float32) == dtype::float32);
    // bfloat16 as ml_dtypes: bool, int8 and uint8 cast to it safely; nothing else is rounded to it.
    static_assert(gpu::promote(dtype::bfloat16, dtype::bool_) == dtype::bfloat16);
    static_assert(gpu::promote(dtype::bfloat16, dtype::int8) == dtype::bfloat16);
    static_assert(gpu::promote(dtype::bfloat16, dtype::uint8) == dtype::bfloat16);
    static_assert(gpu::promote(dtype::bfloat16, dtype::int16) == dtype::float32);
    static_assert(gpu::promote(dtype::bfloat16, dtype::int32) == dtype::float64);
    static_assert(gpu::promote(dtype::bfloat16, dtype::float16) == dtype::float32);
    static_assert(gpu::promote(dtype::bfloat16, dtype::float64) == dtype::float64);
    // Weak scalars keep the half dtype; functions of bool, int8 and uint8 give float16.
    using gpu::ndarray;
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<float16>>() * 2.5)), ndarray<float16>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<bfloat16>>() + 1)), ndarray<bfloat16>>);
    static_assert(std::is_same_v<decltype(gpu::eval(gpu::sqrt(std::declval<ndarray<std::int8_t>>()))), ndarray<float16>>);
    static_assert(std::is_same_v<decltype(gpu::eval(gpu::sin(std::declval<ndarray<bool>>()))), ndarray<float16>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<float16>>() + std::declval<ndarray<std::int16_t>>())),
                                 ndarray<float>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<float16>>() / std::declval<ndarray<float16>>())),
                                 ndarray<float16>>);
    static_assert(std::is_same_v<decltype(gpu::sum(std::declval<ndarray<float16>>())), ndarray<float16>>);
    static_assert(std::is_same_v<decltype(gpu::mean(std::declval<ndarray<bfloat16>>())), ndarray<bfloat16>>);
}

TEST(Float16, ArithmeticBitIdenticalToNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(from_doubles<float16>(a16)), b = make(from_doubles<float16>(b16));
        using V = std::vector<std::uint16_t>;
        EXPECT_EQ(bits_of_expr<float16>(a + b), (V{0x4400, 0x419a, 0x3a67, 0x3e00, 0xc540, 0x63d6, 0x4700, 0x7bff}));
        EXPECT_EQ(bits_of_expr<float16>(a - b), (V{0xc000, 0x4066, 0xb8cd, 0x4480, 0xc8a0, 0x63ca, 0xc700, 0x7bff}));
        EXPECT_EQ(bits_of_expr<float16>(a * b), (V{0x4200, 0x3a00, 0x2c7b, 0xc480, 0xcb40, 0x69dc, 0x130e, 0x7c00}));
        EXPECT_EQ(bits_of_expr<float16>(a / b), (V{0x3555, 0x482a, 0x3092, 0xc000, 0xc340, 0x5d35, 0x0127, 0x77ff}));
        EXPECT_EQ(bits_of_expr<float16>(gpu::sqrt(gpu::abs(a))),
                  (V{0x3c00, 0x3e53, 0x350f, 0x3eee, 0x4163, 0x4fe8, 0x21ae, 0x5bff}));
        // One fused kernel, rounded to float16 after every operation as NumPy's three ufuncs.
        EXPECT_EQ(bits_of_expr<float16>((a * b + a) / b),
                  (V{0x3d55, 0x496a, 0x33c4, 0x3c00, 0xc970, 0x6535, 0x089b, 0x7c00}));
        EXPECT_EQ(bits_of_expr<float16>(a * 2.5), (V{0x4100, 0x4640, 0x3400, 0x4780, 0xcc88, 0x68e2, 0x0d0a, 0x7c00}));
        // Functions of int8 compute in float16 (gen_dtypes "sqrt int8").
        EXPECT_EQ(bits_of_expr<float16>(gpu::sqrt(make<std::int8_t>({1, 2, 3, 100}))),
                  (V{0x3c00, 0x3da8, 0x3eee, 0x4900}));
        // Comparisons and predicates.
        EXPECT_EQ(values_of(a < b), (std::vector<bool>{true, false, true, false, true, false, true, false}));
        EXPECT_EQ(values_of(gpu::isinf(a * b)), (std::vector<bool>{false, false, false, false, false, false, false, true}));
    }
}

TEST(Float16, BFloat16Arithmetic) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(from_doubles<bfloat16>({1.0, 2.5, 0.1, 3.0, -7.25, 1000.0}));
        const auto b = make(from_doubles<bfloat16>({3.0, 0.3, 0.7, -1.5, 2.0, 3.0}));
        using V = std::vector<std::uint16_t>;
        EXPECT_EQ(bits_of_expr<bfloat16>(a + b), (V{0x4080, 0x4033, 0x3f4d, 0x3fc0, 0xc0a8, 0x447b}));
        EXPECT_EQ(bits_of_expr<bfloat16>(a * b), (V{0x4040, 0x3f40, 0x3d8f, 0xc090, 0xc168, 0x453c}));
        EXPECT_EQ(bits_of_expr<bfloat16>(a / b), (V{0x3eab, 0x4105, 0x3e13, 0xc000, 0xc068, 0x43a7}));
        // int16 with bfloat16 is float32: 257 stays 257.
        const gpu::ndarray<float> c = a(gpu::slice(0, 1)) * make<std::int16_t>({257});
        EXPECT_EQ(values_of(c), (std::vector<float>{257.0f}));
    }
}

TEST(Float16, ReductionsAccumulateInFloat32) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // 4096 x float16(0.1): NumPy gives 409.5 (a float16 accumulator would stop at 256).
        const auto x = gpu::full<float16>({4096}, float16(0.1));
        EXPECT_EQ(x.sum().item().bits, 0x5e66);
        EXPECT_EQ(x.mean().item().bits, 0x2e66);
        const auto a = make(from_doubles<float16>(a16), {2, 4});
        EXPECT_EQ(gpu::max(a).item().bits, 0x7bff);
        EXPECT_EQ(gpu::min(a).item().bits, float16(-7.25).bits);
        EXPECT_EQ(gpu::argmax(a).item(), 7);
        EXPECT_EQ(bits_of(values_of(gpu::sum(a, 0))), bits_of(from_doubles<float16>({1.0 - 7.25, 1002.5, 0.1 + 0.000123, 65507.0})));
        EXPECT_EQ(bits_of(values_of(gpu::cumsum(make(from_doubles<float16>({0.5, 0.25, 0.125}))))),
                  bits_of(from_doubles<float16>({0.5, 0.75, 0.875})));
        const auto bf = gpu::full<bfloat16>({1000}, bfloat16(1.0));
        EXPECT_EQ(static_cast<float>(bf.sum().item()), 1000.0f);  // bfloat16 steps by 4 at 1000
        EXPECT_TRUE(gpu::any(a > 1000.5).item());
    }
}

TEST(Float16, LayoutsCreationAndTransfers) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(from_doubles<float16>({0, 1, 2, 3, 4, 5}), {2, 3});
        // transposed, sliced, broadcast, 0-d and empty operands
        EXPECT_EQ(bits_of_expr<float16>(a.T() + 1), bits_of(from_doubles<float16>({1, 4, 2, 5, 3, 6})));
        EXPECT_EQ(bits_of_expr<float16>(a(gpu::colon, gpu::slice(gpu::none, gpu::none, -2)) * 0.5),
                  bits_of(from_doubles<float16>({1, 0, 2.5, 1.5})));
        EXPECT_EQ(bits_of_expr<float16>(a + make(from_doubles<float16>({10, 20, 30}))),
                  bits_of(from_doubles<float16>({10, 21, 32, 13, 24, 35})));
        const auto z = make(from_doubles<float16>({2.5}), {});
        EXPECT_EQ(gpu::ndarray<float16>(z * z).item().bits, float16(6.25).bits);
        EXPECT_EQ(gpu::ndarray<float16>(a(gpu::slice(0, 0)) * 2).size(), 0);
        // creation
        EXPECT_EQ(bits_of(values_of(gpu::zeros<float16>({2}))), (std::vector<std::uint16_t>{0, 0}));
        EXPECT_EQ(bits_of(values_of(gpu::ones<bfloat16>({2}))), (std::vector<std::uint16_t>{0x3f80, 0x3f80}));
        EXPECT_EQ(bits_of(values_of(gpu::arange<float16>(0.0, 1.0, 0.25))),
                  bits_of(from_doubles<float16>({0, 0.25, 0.5, 0.75})));
        EXPECT_EQ(bits_of(values_of(gpu::linspace<float16>(0.0, 1.0, 3))), bits_of(from_doubles<float16>({0, 0.5, 1})));
        // astype both ways, item(), asnumpy
        const gpu::ndarray<float> f = a.astype<float>();
        EXPECT_EQ(values_of(f), (std::vector<float>{0, 1, 2, 3, 4, 5}));
        EXPECT_EQ(bits_of(values_of(make<double>({0.1, 70000.0}).astype<float16>())),
                  (std::vector<std::uint16_t>{0x2e66, 0x7c00}));
        EXPECT_EQ(values_of(make(from_doubles<float16>({-2.5, 300})).astype<std::int8_t>()),
                  (std::vector<std::int8_t>{-2, 44}));
        EXPECT_EQ(bits_of(values_of(a.astype<bfloat16>())), bits_of(from_doubles<bfloat16>({0, 1, 2, 3, 4, 5})));
        EXPECT_EQ(a(1, 2).item().bits, float16(5).bits);
        const auto h = gpu::asnumpy(a);
        EXPECT_EQ(h.data()[4].bits, float16(4).bits);
        // joins and indexing
        const auto c = gpu::concatenate({a, a});
        EXPECT_EQ(c.shape(), (gpu::shape_t{4, 3}));
        EXPECT_EQ(bits_of(values_of(gpu::ndarray<float16>(a[a > 2]))), bits_of(from_doubles<float16>({3, 4, 5})));
        EXPECT_EQ(bits_of(values_of(gpu::take(a, make<std::int64_t>({5, 0})))), bits_of(from_doubles<float16>({5, 0})));
        EXPECT_EQ(bits_of(values_of(gpu::where(a > 2, a, float16(-1)))),
                  bits_of(from_doubles<float16>({-1, -1, -1, 3, 4, 5})));
        auto w = a.copy();
        w(0, 0) = 7.5;
        EXPECT_EQ(w(0, 0).item().bits, float16(7.5).bits);
    }
}

TEST(Float16, Random) {
    // Generated in float32 and rounded: the same seed gives the float32 numbers rounded.
    for (gpu::executor e : gpu_test::test_executors()) {
        gpu::executor_scope s(e);
        gpu::random::seed(5);
        const auto f = values_of(gpu::random::randn<float>({64}));
        gpu::random::seed(5);
        const auto h = values_of(gpu::random::randn<float16>({64}));
        gpu::random::seed(5);
        const auto u = values_of(gpu::random::uniform<bfloat16>(-1.0, 1.0, {64}));
        gpu::random::seed(5);
        const auto uf = values_of(gpu::random::uniform<float>(-1.0, 1.0, {64}));
        for (int i = 0; i < 64; ++i) {
            EXPECT_EQ(h[i].bits, float16(f[i]).bits);
            EXPECT_EQ(u[i].bits, bfloat16(uf[i]).bits);
        }
    }
}

TEST(Float16, Printing) {
    gpu::executor_scope s(gpu::executor::host);
    auto str = [](const auto& a) {
        std::ostringstream os;
        os << a;
        return os.str();
    };
    const auto a = make(from_doubles<float16>({1.0, 2.5, 0.1, 3.0}));
    EXPECT_EQ(str(a), "[1.  2.5 0.1 3. ]");
    EXPECT_EQ(str(gpu::ndarray<float16>(a * 1000.0)), "[1.0e+03 2.5e+03 1.0e+02 3.0e+03]");
    EXPECT_EQ(str(make(from_doubles<float16>({1.0 / 3}), {})), "0.3333");
    EXPECT_EQ(str(make(from_doubles<float16>({65504.0, -1e-3, 1.0 / 3}))), "[ 6.550e+04 -1.000e-03  3.333e-01]");
    EXPECT_EQ(str(make(from_doubles<bfloat16>({0.1, 1.5, 3.0, 1e10}))), "[0.100098 1.5 3 9.99922e+09]");
}

}  // namespace

namespace {

namespace d = gpu::detail;

template <class T>
using leaf = d::array_leaf<T>;

// The device code of the 2-byte floats compiles with NVRTC (no GPU needed): a fused expression
// in every element-wise variant, and a sum, a max and an argmax of one.
template <class H>
void half_kernels_compile() {
    using mul = d::binary_node<d::gnd::multiply, leaf<H>, leaf<H>>;
    using axpy = d::binary_node<d::gnd::add, mul, leaf<H>>;
    using E = d::unary_node<d::gnd::sqrt_, axpy>;
    constexpr bool f16 = std::is_same_v<H, float16>;  // bfloat16: the same code, fewer variants (CI time)
    gpu_test::expect_kernel_variants_compile<E>(std::string(gpu::dtype_name_v<H>) + " sqrt(a*x+y)", f16);
    for (int kind = 0; kind < (f16 ? 3 : 1); ++kind) {
        d::reduce_variant v;
        v.kind = kind;
        v.vec = true;
        v.width = 4;
        try {
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<d::sum_reducer<H>, axpy>(v), d::compile_target{9, 0})
                             .cubin.empty());
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<d::max_reducer<H>, leaf<H>>(v), d::compile_target{9, 0})
                             .cubin.empty());
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<d::argmax_reducer<H>, leaf<H>>(v),
                                          d::compile_target{9, 0})
                             .cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << gpu::dtype_name_v<H> << " reduction kind " << kind << "\n" << e.what();
        }
    }
}

TEST(Float16Kernels, CompileWithNvrtc) {
    half_kernels_compile<float16>();
    half_kernels_compile<bfloat16>();
}

}  // namespace
