// gpu::median, quantile and percentile: NumPy's values (tools/numpy_data/gen_sort.py prints
// them) for each implemented method, axes, keepdims, NaN lanes, integer and float32 inputs
// (result dtypes), empty and 0-d inputs, NumPy's errors; GPU results against the host's.
// float16 / bfloat16 (NumPy 2.5: computed and returned in the half dtype) and complex medians.
#include "sort_support.hpp"

#include <gpu/sorting.hpp>

#include <cmath>
#include <complex>
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

namespace {

using c64 = std::complex<float>;
static_assert(std::is_same_v<decltype(gpu::median(std::declval<gpu::ndarray<gpu::float16>>())), gpu::ndarray<gpu::float16>>);
static_assert(std::is_same_v<decltype(gpu::quantile(std::declval<gpu::ndarray<gpu::bfloat16>>(), 0.5)),
                             gpu::ndarray<gpu::bfloat16>>);
static_assert(std::is_same_v<decltype(gpu::median(std::declval<gpu::ndarray<c64>>())), gpu::ndarray<c64>>);
// quantile / percentile of complex input do not compile: NumPy's TypeError "a must be an array of
// real numbers".

using gpu_test::floats_of;

// NumPy 2.5 (q a Python float): the virtual index in float64, then _lerp in the half dtype, each
// operation rounded (b - a, (b - a) * t, a + ...; 1 - t in float64). The values were emulated with
// NumPy 1.24's float16 (and a bfloat16 rounding in Python), since 1.24 returns float64 here:
// 0.37 -> 0.76615234375 in float64 against 0.76611328125 in float16.
TEST(QuantileHalf, ComputedInTheHalfDtype) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto h = make(std::vector<gpu::float16>{0.1, 2.9, 0.7, 1.3});
        expect_values(floats_of(gpu::quantile(h, 0.37)), std::vector<float>{0.76611328125f}, 0);
        expect_values(floats_of(gpu::quantile(h, 0.7)), std::vector<float>{1.4599609375f}, 0);
        expect_values(floats_of(gpu::percentile(h, 50.0)), std::vector<float>{1.0f}, 0);
        const auto b = make(std::vector<gpu::bfloat16>{0.1, 2.9, 0.7, 1.3});
        expect_values(floats_of(gpu::quantile(b, 0.37)), std::vector<float>{0.765625f}, 0);
        expect_values(floats_of(gpu::quantile(b, 0.7)), std::vector<float>{1.4609375f}, 0);
        expect_values(floats_of(gpu::quantile(b, 0.5)), std::vector<float>{1.0f}, 0);
        // median: np.mean's float32 sum for float16, rounded once (a float16 sum would overflow).
        expect_values(floats_of(gpu::median(make(std::vector<gpu::float16>{65504, 65504}))), std::vector<float>{65504}, 0);
        expect_values(floats_of(gpu::median(make(std::vector<gpu::float16>{1, 2.5, 3, 4}))), std::vector<float>{2.75f}, 0);
        // NaN lanes, axes, the nan forms, empty.
        const float nan = NAN;
        const auto m = make(std::vector<gpu::float16>{3, nan, 1, 4, 2, 9}, {2, 3});
        expect_values(floats_of(gpu::median(m, 1)), std::vector<float>{nan, 4});
        expect_values(floats_of(gpu::nanmedian(m, 1)), std::vector<float>{2, 4});
        expect_values(floats_of(gpu::nanquantile(m, 0.25, 0)), std::vector<float>{3.25f, 2, 3});
        expect_values(floats_of(gpu::median(make(std::vector<gpu::bfloat16>{}))), std::vector<float>{nan});
    }
}

// Complex medians: sorted lexicographically, the mean of the middle two; a lane with a NaN gives
// its last value (NumPy 2.5's _median_nancheck copies it: nan+1j below; NumPy 1.24 gave nan+0j).
TEST(QuantileComplex, Median) {
    const float nan = NAN;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto c = make(std::vector<c64>{{nan, 1}, {1, 1}, {2, 0}, {3, -1}, {1, 2}, {1, 1}}, {2, 3});
        gpu_test::expect_complex(values_of(gpu::median(c, 1)), {{nan, 1}, {1, 2}});
        gpu_test::expect_complex(values_of(gpu::median(make(std::vector<c64>{{1, 2}, {3, 0}, {2, -1}, {0, 0}}))), {{1.5f, 0.5f}});
        const auto n = make(std::vector<c64>{{nan, 1}, {1, 1}, {2, 0}, {4, 4}, {1, nan}, {nan, nan}, {nan, 0}, {nan, 2}},
                            {2, 4});
        gpu_test::expect_complex(values_of(gpu::nanmedian(n, 1)), {{2, 0}, {nan, 0}});  // an all-NaN lane: nan+0j
        gpu_test::expect_complex(values_of(gpu::median(c.T(), 0, true)), {{nan, 1}, {1, 2}});
        gpu_test::expect_complex(values_of(gpu::median(make(std::vector<c64>{}))), {{nan, nan}});
    }
}

}  // namespace
