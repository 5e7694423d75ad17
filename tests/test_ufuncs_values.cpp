// Values and result dtypes of the ufuncs of issue 11 against NumPy (tests/ufuncs_expected.inc,
// written by tools/numpy_data/gen_ufuncs.py), for every real dtype, on every executor.
//
// Compile time: each evaluated expression type costs about a second, so the operations a dtype
// takes go into one "operation table" per dtype (as test_elementwise_values.cpp does): a selector
// column of shape (rows, 1) picks operation k for row k through nested gpu::where, each converted
// to float64; the operands of shape (n,) broadcast over the rows. Result dtypes are checked from
// the expressions' types, without evaluating them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "support.hpp"

namespace {

struct expected_case {
    const char* dtype;
    const char* op;
    const char* result;  // NumPy's result dtype, "error" (NumPy rejects it) or "float16"
    std::vector<double> values;
};

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
#include "ufuncs_expected.inc"

const expected_case* find_case(const std::string& dtype, const std::string& op) {
    for (const auto& c : ufuncs_expected)
        if (dtype == c.dtype && op == c.op) return &c;
    return nullptr;
}

// NumPy before 2.3 gave floats for trunc / fix of integers and bools; the library follows 2.3+.
bool numpy_keeps_integer_trunc() {
    int major = 0, minor = 0;
    std::sscanf(ufuncs_numpy_version, "%d.%d", &major, &minor);
    return major > 2 || (major == 2 && minor >= 3);
}

// The same inputs as the generator's.
template <class T>
std::pair<std::vector<T>, std::vector<T>> inputs() {
    if constexpr (std::is_same_v<T, bool>) {
        return {{1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0}, {1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1}};
    } else if constexpr (std::is_floating_point_v<T>) {
        return {{-2.5, -1.0, -0.0, 0.0, 0.3, 0.5, 1.0, 7.0, T(nan), T(inf), T(-inf)},
                {1.5, -2.0, 0.0, -0.0, 0.3, T(-inf), 3.0, 2.0, 1.0, T(nan), -1.0}};
    } else if constexpr (std::is_unsigned_v<T>) {
        return {{7, 1, 0, 0, 3, 5, 1, 7, 100, 200, 2}, {2, 2, 3, 1, 3, 4, 5, 2, 7, 6, 0}};
    } else {
        return {{T(-7), T(-1), 0, 0, 3, 5, 1, 7, 100, T(-100), 2}, {2, T(-2), 3, T(-1), 3, 4, T(-5), 2, 7, 6, 0}};
    }
}

// where(s == k, f_k().astype<double>(), where(s == k + 1, ...)).
template <class F, class... Fs>
auto table(const gpu::ndarray<std::int32_t>& s, int k, const F& f, const Fs&... fs) {
    auto v = gpu::astype<double>(f());
    if constexpr (sizeof...(Fs) == 0) return v;
    else return gpu::where(s == k, v, table(s, k + 1, fs...));
}

template <class T>
struct op_row {
    std::string name, dtype;
};

// Rows: NAME, the expression of a and b. Each category is the set of dtypes that take it.
#define UF_ANY(X)                                                                                            \
    X(isnan, gpu::isnan(a)) X(isinf, gpu::isinf(a)) X(isfinite, gpu::isfinite(a)) X(isposinf, gpu::isposinf(a)) \
    X(isneginf, gpu::isneginf(a)) X(signbit, gpu::signbit(a)) X(trunc, gpu::trunc(a)) X(fix, gpu::fix(a))     \
    X(fmax, gpu::fmax(a, b)) X(fmin, gpu::fmin(a, b)) X(logical_xor, gpu::logical_xor(a, b))                 \
    X(float_power, gpu::float_power(a, b)) X(nan_to_num, gpu::nan_to_num(a)) X(isclose, gpu::isclose(a, b))  \
    X(square, gpu::square(a)) X(reciprocal, gpu::reciprocal(a)) X(fmod, gpu::fmod(a, b))
#define UF_NOT_BOOL(X) X(sign, gpu::sign(a)) X(round, gpu::round(a)) X(round1, gpu::round(a, 1)) X(round_m1, gpu::around(a, -1))
#define UF_FLOAT(X)                                                                                           \
    X(fabs, gpu::fabs(a)) X(cbrt, gpu::cbrt(a)) X(exp2, gpu::exp2(a)) X(expm1, gpu::expm1(a)) X(log2, gpu::log2(a)) \
    X(log10, gpu::log10(a)) X(log1p, gpu::log1p(a)) X(arcsin, gpu::arcsin(a)) X(arccos, gpu::arccos(a))       \
    X(arctan, gpu::arctan(a)) X(sinh, gpu::sinh(a)) X(cosh, gpu::cosh(a)) X(arcsinh, gpu::arcsinh(a))         \
    X(arccosh, gpu::arccosh(a)) X(arctanh, gpu::arctanh(a)) X(degrees, gpu::degrees(a))                       \
    X(radians, gpu::radians(a)) X(rint, gpu::rint(a)) X(spacing, gpu::spacing(a))                             \
    X(modf0, d::make_unary<g::modf_fraction>(a)) X(modf1, d::make_unary<g::modf_integral>(a))                 \
    X(frexp0, d::make_unary<g::frexp_mantissa>(a)) X(frexp1, d::make_unary<g::frexp_exponent>(a))             \
    X(logaddexp, gpu::logaddexp(a, b)) X(logaddexp2, gpu::logaddexp2(a, b)) X(arctan2, gpu::arctan2(a, b))     \
    X(hypot, gpu::hypot(a, b)) X(copysign, gpu::copysign(a, b)) X(nextafter, gpu::nextafter(a, b))            \
    X(heaviside, gpu::heaviside(a, b)) X(ldexp, gpu::ldexp(a, 3))
#define UF_INT(X) X(gcd, gpu::gcd(a, b)) X(lcm, gpu::lcm(a, b))

#define UF_LAMBDA(NAME, EXPR) , [&] { return EXPR; }
#define UF_NAME(NAME, EXPR) rows.push_back({#NAME, std::string(gpu::dtype_name_v<typename decltype(d::as_node(EXPR))::value_type>)});

namespace d = gpu::detail;
namespace g = gpu::detail::gnd;

template <class T>
void check_table(const std::vector<op_row<T>>& rows, const std::vector<double>& got, std::size_t n) {
    ASSERT_EQ(got.size(), rows.size() * n);
    const std::string dt(gpu::dtype_name_v<T>);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        SCOPED_TRACE(dt + " " + rows[r].name);
        const expected_case* c = find_case(dt, rows[r].name);
        ASSERT_NE(c, nullptr) << "no NumPy value: re-run tools/numpy_data/gen_ufuncs.py";
        const bool old_trunc = (rows[r].name == "trunc" || rows[r].name == "fix") && !numpy_keeps_integer_trunc();
        if (old_trunc && std::string(c->result) == "float16") continue;
        EXPECT_NE(std::string(c->result), "error") << "NumPy rejects this operation";
        if (!old_trunc) EXPECT_EQ(rows[r].dtype, std::string(c->result)) << "result dtype";
        if (c->values.size() != n) continue;
        const double rtol = std::is_same_v<T, float> || rows[r].dtype == "float32" ? 2e-6 : 1e-13;
        gpu_test::expect_values<double>(std::vector<double>(got.begin() + r * n, got.begin() + (r + 1) * n), c->values,
                                        rtol, 1e-30);
    }
}

template <class T>
class UfuncValues : public ::testing::Test {};
TYPED_TEST_SUITE(UfuncValues, gpu_test::all_dtypes, gpu_test::dtype_names);

TYPED_TEST(UfuncValues, AgainstNumPy) {
    using T = TypeParam;
    constexpr bool is_bool = std::is_same_v<T, bool>, is_float = std::is_floating_point_v<T>;
    constexpr bool float_ok = is_float || (sizeof(T) > 1 && !is_bool);
    const auto in = inputs<T>();
    const std::size_t n = in.first.size();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make<T>(in.first);
        const auto b = gpu_test::make<T>(in.second);
        std::vector<op_row<T>> rows;
        UF_ANY(UF_NAME)
        if constexpr (!is_bool) { UF_NOT_BOOL(UF_NAME) }
        if constexpr (float_ok) { UF_FLOAT(UF_NAME) }
        if constexpr (!is_float && !is_bool) { UF_INT(UF_NAME) }
        std::vector<std::int32_t> sel(rows.size());
        for (std::size_t i = 0; i < sel.size(); ++i) sel[i] = static_cast<std::int32_t>(i);
        const auto s = gpu_test::make<std::int32_t>(sel, {static_cast<std::int64_t>(sel.size()), 1});
        std::vector<double> got;
        if constexpr (is_bool) got = gpu_test::values_of(table(s, 0 UF_ANY(UF_LAMBDA)));
        else if constexpr (is_float) got = gpu_test::values_of(table(s, 0 UF_ANY(UF_LAMBDA) UF_NOT_BOOL(UF_LAMBDA) UF_FLOAT(UF_LAMBDA)));
        else if constexpr (float_ok)
            got = gpu_test::values_of(table(s, 0 UF_ANY(UF_LAMBDA) UF_NOT_BOOL(UF_LAMBDA) UF_FLOAT(UF_LAMBDA) UF_INT(UF_LAMBDA)));
        else got = gpu_test::values_of(table(s, 0 UF_ANY(UF_LAMBDA) UF_NOT_BOOL(UF_LAMBDA) UF_INT(UF_LAMBDA)));
        check_table<T>(rows, got, n);
    }
}

// NumPy 2's result dtypes for mixed operands and weak C++ scalars, checked at compile time.
template <class E>
using vt = typename decltype(gpu::detail::as_node(std::declval<E>()))::value_type;
template <class T>
const gpu::ndarray<T>& arr();
static_assert(std::is_same_v<vt<decltype(gpu::hypot(arr<std::int16_t>(), arr<std::int16_t>()))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::hypot(arr<std::int32_t>(), arr<float>()))>, double>);
static_assert(std::is_same_v<vt<decltype(gpu::logaddexp(arr<std::uint16_t>(), arr<std::int16_t>()))>, double>);
static_assert(std::is_same_v<vt<decltype(gpu::float_power(arr<float>(), arr<float>()))>, double>);
static_assert(std::is_same_v<vt<decltype(gpu::fmod(arr<bool>(), arr<bool>()))>, std::int8_t>);
static_assert(std::is_same_v<vt<decltype(gpu::square(arr<bool>()))>, std::int8_t>);
static_assert(std::is_same_v<vt<decltype(gpu::ldexp(arr<float>(), arr<std::int64_t>()))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::ldexp(arr<std::int16_t>(), 3))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::gcd(arr<std::int8_t>(), arr<std::uint8_t>()))>, std::int16_t>);
static_assert(std::is_same_v<vt<decltype(gpu::copysign(arr<std::uint64_t>(), arr<std::int64_t>()))>, double>);
static_assert(std::is_same_v<vt<decltype(gpu::heaviside(arr<float>(), 0.5))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::arctan2(arr<float>(), 2))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::round(arr<std::int8_t>(), -1))>, std::int8_t>);
static_assert(std::is_same_v<vt<decltype(gpu::nan_to_num(arr<float>()))>, float>);
static_assert(std::is_same_v<vt<decltype(gpu::isclose(arr<std::int32_t>(), arr<float>()))>, bool>);
static_assert(std::is_same_v<vt<decltype(gpu::signbit(arr<std::uint8_t>()))>, bool>);
static_assert(std::is_same_v<vt<decltype(gpu::fmax(arr<bool>(), arr<double>()))>, double>);
static_assert(std::is_same_v<vt<decltype(gpu::logical_xor(arr<float>(), arr<std::int8_t>()))>, bool>);
static_assert(std::is_same_v<vt<decltype(gpu::trunc(arr<std::int32_t>()))>, std::int32_t>);
static_assert(std::is_same_v<vt<decltype(gpu::sign(arr<std::uint8_t>()))>, std::uint8_t>);

// The two-output ufuncs through their public API: std::pair of arrays, structured bindings.
TEST(UfuncPairs, DivmodModfFrexp) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i = gpu_test::make<std::int32_t>({-7, 7, 9, 0}, {4});
        auto [q, r] = gpu::divmod(i, 4);
        static_assert(std::is_same_v<decltype(q), gpu::ndarray<std::int32_t>>);
        gpu_test::expect_values<std::int32_t>(gpu_test::values_of(q), {-2, 1, 2, 0});
        gpu_test::expect_values<std::int32_t>(gpu_test::values_of(r), {1, 3, 1, 0});
        const auto x = gpu_test::make<double>({-2.5, 0.75, 8.0}, {3});
        auto [f, w] = gpu::modf(x);
        gpu_test::expect_values<double>(gpu_test::values_of(f), {-0.5, 0.75, 0.0});
        gpu_test::expect_values<double>(gpu_test::values_of(w), {-2.0, 0.0, 8.0});
        auto [m, e] = gpu::frexp(x.astype<float>());
        static_assert(std::is_same_v<decltype(e), gpu::ndarray<std::int32_t>>);
        gpu_test::expect_values<float>(gpu_test::values_of(m), {-0.625f, 0.75f, 0.5f});
        gpu_test::expect_values<std::int32_t>(gpu_test::values_of(e), {2, 0, 4});
    }
}

// The two results come from one kernel in every layout: equal to the one-result ufuncs (pinned
// against NumPy above and in the generated tables) for broadcast, transposed, sliced, 0-d and
// empty operands, mixed and half dtypes; fused operands are evaluated inside that kernel.
TEST(UfuncPairs, OneKernelInEveryLayout) {
    using gpu_test::values_of;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto m = gpu_test::make<std::int64_t>({-9, -4, -1, 0, 3, 8, 13, 21, -30, 5, 7, -2}, {3, 4});
        const auto d = gpu_test::make<std::int32_t>({3, -5, 4, 7}, {4});
        for (const auto& [x, y] : {std::pair{m, d}, std::pair{m.T().copy().T(), d}}) {
            auto [q, r] = gpu::divmod(x, d);  // broadcast row, then a transposed (F-ordered) operand
            EXPECT_EQ(values_of(q), values_of(gpu::eval(gpu::floor_divide(x, y))));
            EXPECT_EQ(values_of(r), values_of(gpu::eval(gpu::remainder(x, y))));
        }
        const auto mt = m.T();  // a transposed view: the strided (or tiled) kernel
        auto [qt, rt] = gpu::divmod(mt, std::int64_t{-4});
        EXPECT_EQ(qt.shape(), (gpu::shape_t{4, 3}));
        EXPECT_EQ(values_of(qt), values_of(gpu::eval(gpu::floor_divide(mt, std::int64_t{-4}))));
        EXPECT_EQ(values_of(rt), values_of(gpu::eval(gpu::remainder(mt, std::int64_t{-4}))));
        const auto x = gpu_test::make<double>({-2.5, 0.75, 8.0, -0.0, 1e300, -7.125, 3.5, 0.1}, {8});
        const auto xs = x(gpu::slice(1, gpu::none, 2));  // a sliced view, fused with a product
        auto [f, w] = gpu::modf(xs * 3.0);
        EXPECT_EQ(values_of(f), values_of(gpu::eval(gpu::detail::make_unary<gpu::detail::gnd::modf_fraction>(xs * 3.0))));
        EXPECT_EQ(values_of(w), values_of(gpu::eval(gpu::detail::make_unary<gpu::detail::gnd::modf_integral>(xs * 3.0))));
        const auto h = gpu::eval(x.astype<gpu::float16>());
        auto [mh, eh] = gpu::frexp(h);
        static_assert(std::is_same_v<decltype(mh), gpu::ndarray<gpu::float16>>);
        EXPECT_EQ(values_of(mh), values_of(gpu::eval(gpu::detail::make_unary<gpu::detail::gnd::frexp_mantissa>(h))));
        EXPECT_EQ(values_of(eh), values_of(gpu::eval(gpu::detail::make_unary<gpu::detail::gnd::frexp_exponent>(h))));
        const auto z = gpu_test::make<float>({-6.5f}, {});
        auto [qz, rz] = gpu::divmod(z, 4.0f);  // 0-d
        EXPECT_EQ(qz.ndim(), 0);
        EXPECT_EQ(qz.item(), -2.0f);
        EXPECT_EQ(rz.item(), 1.5f);
        auto [qe, re] = gpu::divmod(gpu::zeros<std::int8_t>({0, 3}), std::int8_t{2});  // empty
        EXPECT_EQ(qe.shape(), (gpu::shape_t{0, 3}));
        EXPECT_EQ(re.size(), 0);
        auto [qb, rb] = gpu::divmod(gpu_test::make_bool({1, 0, 1}, {3}), true);  // bools divide in int8
        static_assert(std::is_same_v<decltype(qb), gpu::ndarray<std::int8_t>>);
        EXPECT_EQ(values_of(qb), (std::vector<std::int8_t>{1, 0, 1}));
        EXPECT_EQ(values_of(rb), (std::vector<std::int8_t>{0, 0, 0}));
        auto [fl, wl] = gpu::modf(gpu::eval(gpu::arange<float>(0.0f, 40000.0f, 0.25f)));  // many blocks, vectors
        EXPECT_EQ(fl.size(), 160000);
        EXPECT_EQ(values_of(fl)[159999], 0.75f);
        EXPECT_EQ(values_of(wl)[159999], 39999.0f);
    }
}

// 0-d, empty, broadcast, transposed and sliced operands of a fused mix of new ufuncs, against
// the same formula computed here element by element.
TEST(UfuncLayouts, FusedMix) {
    auto f = [](float x, float y) { return std::log1p(std::fabs(x)) * (y > 0 ? 1.f : y < 0 ? -1.f : 0.f) + std::hypot(x, y); };
    auto mix = [](const auto& x, const auto& y) { return gpu::log1p(gpu::abs(x)) * gpu::sign(y) + gpu::hypot(x, y); };
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto m = gpu_test::make<float>({-3, -1, 0, 2, 5, 7}, {2, 3});
        const auto zero_d = gpu_test::make<float>({-2.f}, {});
        auto r0 = gpu::eval(mix(zero_d, zero_d));
        EXPECT_EQ(r0.ndim(), 0);
        gpu_test::expect_values<float>(gpu_test::values_of(r0), {f(-2, -2)});
        EXPECT_EQ(gpu::eval(mix(gpu::ndarray<float>({0, 3}), m(0))).shape(), (gpu::shape_t{0, 3}));
        // broadcast: a column against a row
        const auto col = gpu_test::make<float>({-1, 2}, {2, 1});
        const auto row = gpu_test::make<float>({3, -4, 0}, {3});
        std::vector<float> want;
        for (float x : {-1.f, 2.f}) for (float y : {3.f, -4.f, 0.f}) want.push_back(f(x, y));
        gpu_test::expect_values<float>(gpu_test::values_of(mix(col, row)), want);
        // transposed and sliced (every other column)
        const auto t = m.T();
        want.clear();
        const float mv[2][3] = {{-3, -1, 0}, {2, 5, 7}};
        for (int i = 0; i < 3; ++i) for (int j = 0; j < 2; ++j) want.push_back(f(mv[j][i], mv[j][i]));
        gpu_test::expect_values<float>(gpu_test::values_of(mix(t, t)), want);
        const auto sl = m(gpu::colon, gpu::slice(0, 3, 2));
        want.clear();
        for (int i = 0; i < 2; ++i) for (int j = 0; j < 3; j += 2) want.push_back(f(mv[i][j], 1.f));
        gpu_test::expect_values<float>(gpu_test::values_of(mix(sl, gpu::ones_like(sl))), want);
    }
}

// nan_to_num with its arguments, isclose's options, allclose / array_equal / array_equiv.
TEST(UfuncComposites, NanToNumAndCloseness) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::make<double>({nan, inf, -inf, 1.5}, {4});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nan_to_num(x, true, 9.0, 1e3, -1e3)), {9, 1e3, -1e3, 1.5});
        const auto xf = x.astype<float>();
        gpu_test::expect_values<float>(gpu_test::values_of(gpu::nan_to_num(xf)),
                                       {0.f, std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(), 1.5f});
        const auto y = gpu_test::make<double>({nan, inf, -inf, 1.5000001}, {4});
        gpu_test::expect_values<bool>(gpu_test::values_of(gpu::isclose(x, y)), {false, true, true, true});
        gpu_test::expect_values<bool>(gpu_test::values_of(gpu::isclose(x, y, 0.0, 0.0, true)), {true, true, true, false});
        EXPECT_FALSE(gpu::allclose(x, y));
        EXPECT_TRUE(gpu::allclose(x, y, 1e-5, 1e-8, true));
        EXPECT_TRUE(gpu::array_equal(x, x, true));
        EXPECT_FALSE(gpu::array_equal(x, x));
        EXPECT_FALSE(gpu::array_equal(x, gpu_test::make<double>({1, 2}, {2})));
        const auto r = gpu_test::make<std::int32_t>({1, 2}, {2});
        const auto rr = gpu_test::make<std::int32_t>({1, 2, 1, 2}, {2, 2});
        EXPECT_TRUE(gpu::array_equiv(r, rr));
        EXPECT_FALSE(gpu::array_equal(r, rr));
        EXPECT_FALSE(gpu::array_equiv(r, gpu_test::make<std::int32_t>({1, 2, 3}, {3})));
    }
}

}  // namespace
