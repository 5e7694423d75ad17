// gpu::median, quantile and percentile: NumPy's values (tools/numpy_data/gen_sort.py prints
// them) for each implemented method, axes, keepdims, NaN lanes, integer and float32 inputs
// (result dtypes), empty and 0-d inputs, NumPy's errors; GPU results against the host's.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

static_assert(std::is_same_v<decltype(gpu::median(std::declval<gpu::ndarray<int>>())), gpu::ndarray<double>>);
static_assert(std::is_same_v<decltype(gpu::median(std::declval<gpu::ndarray<float>>())), gpu::ndarray<float>>);

template <class A>
std::string shape_of(const A& a) {
    return gpu::to_string(a.shape());
}

TEST(Quantile, Methods) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<double>{3, 1, 4, 1, 5, 9, 2, 6});
        auto m = gpu::median(a);
        EXPECT_EQ(m.ndim(), 0);
        expect_values(values_of(m), std::vector<double>{3.5});
        expect_values(values_of(gpu::quantile(a, 0.25)), std::vector<double>{1.75});
        // NumPy 2.5.2, to the bit: the virtual index is (n - 1) q, not n q + (1 - q) - 1.
        EXPECT_EQ(values_of(gpu::percentile(a, 90.0)), std::vector<double>{6.8999999999999995});
        expect_values(values_of(gpu::quantile(a, 0.25, gpu::none, "hazen")), std::vector<double>{1.5});
        expect_values(values_of(gpu::quantile(a, 0.25, gpu::none, "midpoint")), std::vector<double>{1.5});
        expect_values(values_of(gpu::quantile(a, 0.25, gpu::none, "weibull")), std::vector<double>{1.25});
        expect_values(values_of(gpu::quantile(a, 0.0)), std::vector<double>{1});
        expect_values(values_of(gpu::quantile(a, 1.0)), std::vector<double>{9});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::quantile(a, 1.5); },
                                                  "Quantiles must be in the range [0, 1]");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::percentile(a, -1.0); },
                                                  "Percentiles must be in the range [0, 100]");
    }
}

TEST(Quantile, AxesKeepdimsDtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{1, 2, 3, 6, 5, 4}, {2, 3});
        expect_values(values_of(gpu::median(a, 0)), std::vector<double>{3.5, 3.5, 3.5});
        expect_values(values_of(gpu::median(a, 1)), std::vector<double>{2, 5});
        auto k = gpu::median(a, 1, true);
        EXPECT_EQ(shape_of(k), gpu::to_string(gpu::shape_t{2, 1}));
        auto f = gpu::median(a, gpu::none, true);
        EXPECT_EQ(shape_of(f), gpu::to_string(gpu::shape_t{1, 1}));
        expect_values(values_of(f), std::vector<double>{3.5});
        expect_values(values_of(gpu::quantile(a.T(), 0.5, 1)), std::vector<double>{3.5, 3.5, 3.5});
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const auto x = make(std::vector<float>{1, nan, 3, 2, 1, 0}, {2, 3});
        expect_values(values_of(gpu::median(x, 1)), std::vector<float>{nan, 1});
        expect_values(values_of(gpu::median(x)), std::vector<float>{nan});
        expect_values(values_of(gpu::median(make(std::vector<float>{}))), std::vector<float>{nan});
    }
}

TEST(Quantile, LargeSameOnEveryExecutor) {
    std::mt19937 g(5);
    std::normal_distribution<float> d;
    std::vector<float> v(100000);
    for (auto& x : v) x = d(g);
    gpu_test::same_on_every_executor([&] { return values_of(gpu::median(make(v))); });
    gpu_test::same_on_every_executor([&] { return values_of(gpu::quantile(make(v, {1000, 100}), 0.3, 0)); });
}

}  // namespace

namespace {

TEST(Quantile, NanForms) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<double>{3, nan, 1, 4, nan, nan, 2, 9, 5}, {3, 3});
        auto m = gpu::nanmedian(a);
        EXPECT_EQ(m.ndim(), 0);
        expect_values(values_of(m), std::vector<double>{3.5});
        expect_values(values_of(gpu::nanmedian(a, 1)), std::vector<double>{2, 4, 5});
        expect_values(values_of(gpu::nanmedian(a, 0)), std::vector<double>{3, 9, 3});
        expect_values(values_of(gpu::nanquantile(a, 0.25, 0)), std::vector<double>{2.5, 9, 2});
        expect_values(values_of(gpu::nanpercentile(a, 75.0, 1, "linear", true)), std::vector<double>{2.5, 4, 7});
        const auto allnan = make(std::vector<float>{std::numeric_limits<float>::quiet_NaN(), 1, 2, 3}, {2, 2});
        expect_values(values_of(gpu::nanmedian(allnan, 0)), std::vector<float>{2, 2});
    }
}

}  // namespace
