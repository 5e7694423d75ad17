// Issue 11's reductions: the NaN-aware reductions against NumPy (tests/ufuncs_expected.inc, from
// tools/numpy_data/gen_ufuncs.py), reductions without identity over an empty axis (NumPy's
// ValueError even when the result is empty), ptp, the reduction and shape members of
// expressions, and the lazy-expression rule (an expression reads its arrays when it runs).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

struct expected_case {
    const char* dtype;
    const char* op;
    const char* result;
    std::vector<double> values;
};
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
#include "ufuncs_expected.inc"

// The case `name` of input dtype `dt` (NumPy's value and result dtype) against `got`.
template <class T>
void expect_case(const std::string& dt, const std::string& name, const gpu::ndarray<T>& got) {
    SCOPED_TRACE(dt + " " + name);
    const expected_case* c = nullptr;
    for (const auto& e : nan_reductions_expected)
        if (name == e.op && dt == e.dtype) c = &e;
    ASSERT_NE(c, nullptr) << "no NumPy value: re-run tools/numpy_data/gen_ufuncs.py";
    EXPECT_EQ(std::string(gpu::dtype_name_v<T>), std::string(c->result));
    std::vector<double> v;
    for (T x : gpu_test::values_of(got)) v.push_back(static_cast<double>(x));
    gpu_test::expect_values<double>(v, c->values, std::is_same_v<T, float> ? 2e-6 : 1e-12, 1e-30);
}

template <class T>
void nan_reductions(const gpu::ndarray<T>& x) {
    const std::string dt(gpu::dtype_name_v<T>);
    expect_case(dt, "nansum_None", gpu::nansum(x));
    expect_case(dt, "nansum_0", gpu::nansum(x, 0));
    expect_case(dt, "nansum_1", gpu::nansum(x, 1));
    expect_case(dt, "nanprod_None", gpu::nanprod(x));
    expect_case(dt, "nanprod_1", gpu::nanprod(x, 1));
    expect_case(dt, "nanmin_None", gpu::nanmin(x));
    expect_case(dt, "nanmin_0", gpu::nanmin(x, 0));
    expect_case(dt, "nanmin_1", gpu::nanmin(x, 1));
    expect_case(dt, "nanmax_None", gpu::nanmax(x));
    expect_case(dt, "nanmax_1", gpu::nanmax(x, 1));
    expect_case(dt, "nanmean_None", gpu::nanmean(x));
    expect_case(dt, "nanmean_0", gpu::nanmean(x, 0));
    expect_case(dt, "nanmean_1", gpu::nanmean(x, 1));
    expect_case(dt, "nanvar_None", gpu::nanvar(x));
    expect_case(dt, "nanvar_1", gpu::nanvar(x, 1));
    expect_case(dt, "nanvar_ddof1_1", gpu::nanvar(x, 1, false, 1));
    expect_case(dt, "nanstd_0", gpu::nanstd(x, 0));
    expect_case(dt, "nanstd_1", gpu::nanstd(x, 1));
    expect_case(dt, "nanargmin_None", gpu::nanargmin(x));
    expect_case(dt, "nanargmin_0", gpu::nanargmin(x, 0));
    expect_case(dt, "nanargmax_None", gpu::nanargmax(x));
    expect_case(dt, "nanargmax_0", gpu::nanargmax(x, 0));
    expect_case(dt, "nancumsum_None", gpu::nancumsum(x));
    expect_case(dt, "nancumsum_1", gpu::nancumsum(x, 1));
    expect_case(dt, "nancumprod_None", gpu::nancumprod(x));
    expect_case(dt, "nancumprod_1", gpu::nancumprod(x, 1));
}

TEST(NanReductions, AgainstNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::vector<double> v{1.0, nan, 3.0, -2.0, nan, nan, nan, nan, 0.5, 4.0, nan, -1.5};
        const auto x = gpu_test::make<double>(v, {3, 4});
        nan_reductions(x);
        nan_reductions(gpu::eval(x.astype<float>()));
        nan_reductions(gpu_test::make<std::int32_t>({1, 7, 3, -2, 4, 0, 5, 9, 2, 4, -6, -1}, {3, 4}));
        // A transposed view and a fused expression read the same way.
        expect_case("float64", "nansum_1", gpu::nansum(x.T(), 0));
        expect_case("float64", "nanmax_1", gpu::nanmax(x * 1.0, 1));
    }
}

TEST(NanReductions, AllNaNAndEmpty) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::make<double>({nan, nan, 1.0, 2.0}, {2, 2});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::nanargmax(x, 1); }, "All-NaN slice encountered");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::nanargmin(x, 1); }, "All-NaN slice encountered");
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of(gpu::nanargmax(x, 0)), {1, 1});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nanmax(x, 1)), {nan, 2.0});
        const auto e = gpu::zeros<double>({0, 0});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::nanmax(e, 1); },
                                                 "zero-size array to reduction operation fmax which has no identity");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::nanargmin(e, 1); }, "attempt to get argmin of an empty sequence");
        EXPECT_EQ(gpu::nansum(e, 1).shape(), (gpu::shape_t{0}));
        // 0-d and sliced inputs.
        const auto z = gpu_test::make<double>({nan}, {});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nansum(z)), {0.0});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nanmean(z)), {nan});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nanmax(x(gpu::colon, gpu::slice(1, 2)), 0)), {2.0});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::nancumprod(x(gpu::slice(0, 2), 0))), {1.0, 1.0});
    }
}

// Issue 11 item 7: NumPy raises for a reduction without identity over an empty axis, even when
// the result has no elements.
TEST(NoIdentity, EmptyAxisRaisesEvenForAnEmptyResult) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto e = gpu::zeros<double>({0, 0});
        const char* maxmsg = "zero-size array to reduction operation maximum which has no identity";
        const char* minmsg = "zero-size array to reduction operation minimum which has no identity";
        gpu_test::expect_error<gpu::value_error>([&] { (void)e.max(1); }, maxmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::amax(e, 0); }, maxmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)e.min(1); }, minmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::amin(e, gpu::dims{0, 1}); }, minmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::ptp(e, 1); }, maxmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)e.argmax(1); }, "attempt to get argmax of an empty sequence");
        gpu_test::expect_error<gpu::value_error>([&] { (void)e.argmin(0); }, "attempt to get argmin of an empty sequence");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::norm(e, std::numeric_limits<double>::infinity(), 1); }, maxmsg);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::zeros<float>({0, 3}).max(0); }, maxmsg);
        // A non-empty reduced axis with an empty result is fine, as in NumPy.
        EXPECT_EQ(gpu::zeros<float>({3, 0}).max(0).shape(), (gpu::shape_t{0}));
        EXPECT_EQ(gpu::zeros<float>({3, 0}).argmax(0).shape(), (gpu::shape_t{0}));
        // Reductions with an identity still give it.
        EXPECT_EQ(e.sum(1).shape(), (gpu::shape_t{0}));
    }
}

TEST(Ptp, ValuesAndDtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make<std::int8_t>({-100, 100, 3, 5}, {2, 2});
        auto p = gpu::ptp(a);
        static_assert(std::is_same_v<decltype(p), gpu::ndarray<std::int8_t>>);
        gpu_test::expect_values<std::int8_t>(gpu_test::values_of(p), {static_cast<std::int8_t>(-56)});  // wraps as NumPy
        gpu_test::expect_values<std::int8_t>(gpu_test::values_of(gpu::ptp(a, 0)), {103, 95});
        const auto f = gpu_test::make<double>({1.0, nan, 2.0, 5.0}, {2, 2});
        gpu_test::expect_values<double>(gpu_test::values_of(gpu::ptp(f, 1, true)), {nan, 3.0});
        EXPECT_EQ(gpu::ptp(f, 1, true).shape(), (gpu::shape_t{2, 1}));
    }
}

// Issue 11 item 3: reductions and shape methods on expressions, as on arrays.
TEST(ExpressionMethods, ReductionsAndShapes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
        const auto y = gpu_test::make<float>({1, 1, 1, 2, 2, 2}, {2, 3});
        gpu_test::expect_values<float>(gpu_test::values_of((x * x).sum(1)), {14, 77});
        gpu_test::expect_values<float>(gpu_test::values_of((x - y).mean()), {2.0f});
        auto m = (x + 1).max(0, true);
        EXPECT_EQ(m.shape(), (gpu::shape_t{1, 3}));
        gpu_test::expect_values<float>(gpu_test::values_of(m), {5, 6, 7});
        gpu_test::expect_values<float>(gpu_test::values_of((x * 2).min(gpu::dims{0, 1})), {2});
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of((-x).argmax()), {0});
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of((x * y).argmin(1)), {0, 0});
        gpu_test::expect_values<float>(gpu_test::values_of((x - 1).var(gpu::none, false, 1)), {3.5f});
        gpu_test::expect_values<float>(gpu_test::values_of((x + 0).std(1)), {0.81649658f, 0.81649658f});
        gpu_test::expect_values<bool>(gpu_test::values_of((x > 5).any(0)), {false, false, true});
        gpu_test::expect_values<bool>(gpu_test::values_of((x > 0).all()), {true});
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of((x > 2).sum()), {4});
        gpu_test::expect_values<float>(gpu_test::values_of((x * 10).prod(0)), {400, 1000, 1800});
        // Shape methods evaluate, then act as ndarray's.
        EXPECT_EQ((x + y).reshape({3, 2}).shape(), (gpu::shape_t{3, 2}));
        gpu_test::expect_values<float>(gpu_test::values_of((x + y).T()), {2, 6, 3, 7, 4, 8});
        gpu_test::expect_values<float>(gpu_test::values_of((x * 1).ravel()), {1, 2, 3, 4, 5, 6});
        EXPECT_EQ((x * 1).reshape({1, 6}).squeeze().shape(), (gpu::shape_t{6}));
        EXPECT_EQ((x * 1).swapaxes(0, 1).shape(), (gpu::shape_t{3, 2}));
        EXPECT_EQ((x * 1).flatten().shape(), (gpu::shape_t{6}));
    }
}

// Issue 11 item 5: an expression is a recipe; it reads its arrays when it runs (README, Pitfalls).
TEST(LazyExpressions, SeeLaterWritesToTheirArrays) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = gpu_test::make<std::int64_t>({1, 2, 3}, {3});
        auto d = a * 2;
        a(0) = 100;
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of(d), {200, 4, 6});
        // Taking the value when it is written: assign to an ndarray (or gpu::eval).
        auto b = gpu_test::make<std::int64_t>({1, 2, 3}, {3});
        gpu::ndarray<std::int64_t> v = b * 2;
        b(0) = 100;
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of(v), {2, 4, 6});
        // Rebinding the name does not change the expression: it holds the old buffer.
        auto c = gpu_test::make<std::int64_t>({1, 2, 3}, {3});
        auto e = c + 1;
        c = gpu_test::make<std::int64_t>({7, 7, 7}, {3});
        gpu_test::expect_values<std::int64_t>(gpu_test::values_of(e), {2, 3, 4});
    }
}

}  // namespace
