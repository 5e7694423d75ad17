// convolve, correlate, interp, average, ptp against NumPy's values
// (tools/numpy_data/gen_functions.py, numeric()): modes, dtypes, views, errors, on every executor.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;
using i32 = std::int32_t;

TEST(Convolve, ModesAndSwaps) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<i32>({1, 2, 3, 4, 5});
        const auto v = make<i32>({2, 0, -1});
        const auto full = gpu::convolve(a, v);
        static_assert(std::is_same_v<typename decltype(full)::value_type, i32>);
        expect_values(values_of(full), std::vector<i32>{2, 4, 5, 6, 7, -4, -5});
        expect_values(values_of(gpu::convolve(a, v, "same")), std::vector<i32>{4, 5, 6, 7, -4});
        expect_values(values_of(gpu::convolve(a, v, "valid")), std::vector<i32>{5, 6, 7});
        expect_values(values_of(gpu::convolve(v, a, "same")), std::vector<i32>{4, 5, 6, 7, -4});
        expect_values(values_of(gpu::convolve(v, a, "valid")), std::vector<i32>{5, 6, 7});
        expect_values(values_of(gpu::correlate(a, v, "full")), std::vector<i32>{-1, -2, -1, 0, 1, 8, 10});
        expect_values(values_of(gpu::correlate(a, v, "same")), std::vector<i32>{-2, -1, 0, 1, 8});
        expect_values(values_of(gpu::correlate(a, v)), std::vector<i32>{-1, 0, 1});
        expect_values(values_of(gpu::correlate(v, a, "full")), std::vector<i32>{10, 8, 1, 0, -1, -2, -1});
        expect_values(values_of(gpu::correlate(v, a, "same")), std::vector<i32>{8, 1, 0, -1, -2});
        expect_values(values_of(gpu::correlate(v, a, "valid")), std::vector<i32>{1, 0, -1});
        // Promotion: int32 with float32 is float64; float32 with int8 stays float32.
        const auto p = gpu::convolve(a, make<float>({0.5f}));
        static_assert(std::is_same_v<typename decltype(p)::value_type, double>);
        expect_values(values_of(p), std::vector<double>{0.5, 1, 1.5, 2, 2.5});
        const auto q = gpu::convolve(make<float>({1, 2, 3}), make<std::int8_t>({1, 1}));
        static_assert(std::is_same_v<typename decltype(q)::value_type, float>);
        expect_values(values_of(q), std::vector<float>{1, 3, 5, 3});
        expect_values(values_of(gpu::convolve(gpu_test::make_bool({1, 0, 1}, {3}), gpu_test::make_bool({1, 1}, {2}))),
                      std::vector<bool>{true, true, true, true});
        expect_values(values_of(gpu::convolve(make<i32>({3}, gpu::shape_t{}), make<i32>({1, 2}))), std::vector<i32>{3, 6});
        // Strided views: x[::3] and x[1:3] of arange(10.).
        const auto x = make<double>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        expect_values(values_of(gpu::convolve(x(gpu::slice(gpu::none, gpu::none, 3)), x(gpu::slice(1, 3)))),
                      std::vector<double>{0, 3, 12, 21, 18});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::convolve(a, make<i32>({})); }), "v cannot be empty");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::convolve(make<i32>({}), v); }), "a cannot be empty");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::convolve(a, v, "circular"); }),
                  "mode must be one of 'valid', 'same', or 'full' (got 'circular')");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::convolve(a.reshape({5, 1}), v); }),
                  "object too deep for desired array");
    }
}

TEST(Interp, RulesAndEdges) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto xp = make<double>({1, 2, 3});
        const auto fp = make<i32>({3, 2, 0});
        expect_values(values_of(gpu::interp(make<double>({0, 1, 1.5, 2.5, 3, 4, nan}), xp, fp)),
                      {3.0, 3.0, 2.5, 1.0, 0.0, 0.0, nan});
        const auto lr = gpu::interp(make<float>({0, 1.5f, 5}), xp, fp, -1.0, 9.0);
        static_assert(std::is_same_v<typename decltype(lr)::value_type, double>);  // float64, as NumPy
        expect_values(values_of(lr), {-1.0, 2.5, 9.0});
        const auto one = gpu::interp(make<double>({0.5, 1, 2, 3}, {2, 2}), make<double>({1}), make<double>({7}));
        EXPECT_EQ(one.shape(), (gpu::shape_t{2, 2}));
        expect_values(values_of(one), {7.0, 7.0, 7.0, 7.0});
        expect_values(values_of(gpu::interp(make<double>({1.5, 2}), make<i32>({1, 2, 2, 3}), make<double>({0, 1, 5, 6}))),
                      {0.5, 5.0});
        EXPECT_EQ(gpu::interp(make<double>({}), xp, fp).shape(), (gpu::shape_t{0}));
        EXPECT_DOUBLE_EQ(gpu::interp(2.5, xp, fp), 1.0);  // a scalar x gives a scalar
        EXPECT_EQ(gpu::interp(make<double>({2.5}, gpu::shape_t{}), xp, fp).shape(), (gpu::shape_t{}));
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::interp(make<double>({1}), xp, make<i32>({1})); }),
                  "fp and xp are not of the same length.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::interp(make<double>({1}), make<double>({}), make<double>({})); }),
                  "array of sample points is empty");
    }
}

TEST(Average, WeightsAxesAndReturned) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<i32>({1, 2, 3, 4, 5, 6}, {2, 3});
        const auto w = make<float>({3, 1, 0});
        expect_values(values_of(gpu::average(a)), std::vector<double>{3.5});
        expect_values(values_of(gpu::average(a, 0)), std::vector<double>{2.5, 3.5, 4.5});
        const auto r = gpu::average(a, 1, w);
        static_assert(std::is_same_v<typename decltype(r)::value_type, double>);
        expect_values(values_of(r), std::vector<double>{1.25, 4.25});
        const auto [avg, wsum] = gpu::average(a, 1, w, gpu::returned);
        expect_values(values_of(avg), std::vector<double>{1.25, 4.25});
        expect_values(values_of(wsum), std::vector<double>{4, 4});
        expect_values(values_of(gpu::average(a, gpu::none, make<double>({1, 0, 1, 2, 2, 0}, {2, 3}))),
                      std::vector<double>{3.6666666666666665});
        expect_values(values_of(gpu::average(a.T(), 0, make<double>({1, 3, 0}))), std::vector<double>{1.75, 4.75});
        const auto f = gpu::average(make<float>({1, 2, 4}), gpu::none, make<float>({1, 1, 2}));
        static_assert(std::is_same_v<typename decltype(f)::value_type, float>);
        expect_values(values_of(f), std::vector<float>{2.75f});
        EXPECT_EQ(message_of<gpu::type_error>([&] { (void)gpu::average(a, gpu::none, w); }),
                  "Axis must be specified when shapes of a and weights differ.");
        // NumPy 2: a ValueError for both (NumPy 1 had TypeError "1D weights expected ..." and
        // "Length of weights not compatible with specified axis.").
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::average(a, 1, gpu::ones<double>({1, 3})); }),
                  "Shape of weights must be consistent with shape of a along specified axis.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::average(a, 0, w); }),
                  "Shape of weights must be consistent with shape of a along specified axis.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::average(a, 1, make<double>({1, -1, 0})); }),
                  "Weights sum to zero, can't be normalized");
    }
}

TEST(Ptp, ValuesAndWrap) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<i32>({1, 2, 3, 4, 5, 6}, {2, 3});
        expect_values(values_of(gpu::ptp(a)), std::vector<i32>{5});
        expect_values(values_of(gpu::ptp(a, 0)), std::vector<i32>{3, 3, 3});
        expect_values(values_of(gpu::ptp(a * 2, 1, true)), std::vector<i32>{4, 4});
        EXPECT_EQ(gpu::ptp(a, 1, true).shape(), (gpu::shape_t{2, 1}));
        expect_values(values_of(gpu::ptp(make<std::uint8_t>({5, 200, 3}))), std::vector<std::uint8_t>{197});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::ptp(make<double>({})); }),
                  "zero-size array to reduction operation maximum which has no identity");
    }
}

}  // namespace
