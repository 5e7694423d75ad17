// gpu::bincount, digitize, histogram_bin_edges, histogram: NumPy's values (tools/numpy_data/
// gen_sort.py prints them), weights, minlength, decreasing bins, range, density, values on edges
// and outside, NaNs, NumPy's errors; a large case compared with the host executor on the GPU.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using i64 = std::int64_t;

TEST(Histogram, Bincount) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make(std::vector<int>{0, 1, 1, 3, 2, 1, 7});
        expect_values(values_of(gpu::bincount(x)), std::vector<i64>{1, 3, 1, 1, 0, 0, 0, 1});
        expect_values(values_of(gpu::bincount(x, 10)), std::vector<i64>{1, 3, 1, 1, 0, 0, 0, 1, 0, 0});
        const auto w = make(std::vector<double>{0.3, 0.5, 0.2, 0.7, 1.0, -0.6, 2.0});
        // NumPy sums in input order (0.5 + 0.2 - 0.6); the GPU's atomic order may differ in the last bit.
        expect_values(values_of(gpu::bincount(x, w)), std::vector<double>{0.3, 0.09999999999999998, 1.0, 0.7, 0, 0, 0, 2.0},
                      1e-12, 1e-12);
        expect_values(values_of(gpu::bincount(make(std::vector<std::uint8_t>{}), 3)), std::vector<i64>{0, 0, 0});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::bincount(make(std::vector<int>{1, -1})); },
                                                  "'list' argument must have no negative elements");
    }
}

TEST(Histogram, Digitize) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make(std::vector<double>{0.2, 6.4, 3.0, 1.6, 1.0});
        const auto bins = make(std::vector<double>{0.0, 1.0, 2.5, 4.0, 10.0});
        expect_values(values_of(gpu::digitize(x, bins)), std::vector<i64>{1, 4, 3, 2, 2});
        expect_values(values_of(gpu::digitize(x, bins, true)), std::vector<i64>{1, 4, 3, 2, 1});
        const auto down = make(std::vector<double>{10.0, 4.0, 2.5, 1.0, 0.0});
        expect_values(values_of(gpu::digitize(x, down)), std::vector<i64>{4, 1, 2, 3, 3});
        expect_values(values_of(gpu::digitize(x, down, true)), std::vector<i64>{4, 1, 2, 3, 4});
        gpu_test::expect_error<gpu::value_error>(
            [&] { (void)gpu::digitize(x, make(std::vector<double>{1, 3, 2})); },
            "bins must be monotonically increasing or decreasing");
    }
}

TEST(Histogram, Histogram) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make(std::vector<int>{1, 2, 1, 4, 2, 3, 5});
        const auto h = gpu::histogram(x, 4);
        expect_values(values_of(h.hist), std::vector<i64>{2, 2, 1, 2});
        expect_values(values_of(h.bin_edges), std::vector<double>{1, 2, 3, 4, 5});
        const auto r = gpu::histogram(x, 2, std::pair<double, double>{0, 4});
        expect_values(values_of(r.hist), std::vector<i64>{2, 4});
        const auto y = make(std::vector<double>{0.5, 1.5, 1.5, 2.0, nan, -1, 3.5});
        const auto e = make(std::vector<double>{0, 1, 3});
        const auto he = gpu::histogram(y, e);
        expect_values(values_of(he.hist), std::vector<i64>{1, 3});
        const auto d = gpu::histogram(y, e, true);
        expect_values(values_of(d.hist_float), std::vector<double>{0.25, 0.375});
        const auto w = make(std::vector<double>{1, 2, 3, 4, 5, 6, 7});
        expect_values(values_of(gpu::histogram(y, e, false, w).hist_float), std::vector<double>{1, 9});
        expect_values(values_of(gpu::histogram(y, e, true, w).hist_float), std::vector<double>{0.1, 0.45});
        expect_values(values_of(gpu::histogram(y, 2, std::pair<double, double>{0, 4}, false, w).hist_float),
                      std::vector<double>{6, 11});
        expect_values(values_of(gpu::histogram_bin_edges(make(std::vector<float>{2, 2}), 2)),
                      std::vector<float>{1.5, 2, 2.5});
        gpu_test::expect_error<gpu::value_error>(
            [&] { (void)gpu::histogram(y, make(std::vector<double>{0, 2, 1})); },
            "`bins` must increase monotonically, when an array");
        gpu_test::expect_error<gpu::value_error>(
            [&] { (void)gpu::histogram(x, 2, std::pair<double, double>{3, 1}); },
            "max must be larger than min in range parameter.");
    }
}

TEST(Histogram, LargeSameOnEveryExecutor) {
    std::mt19937 g(9);
    std::normal_distribution<double> d;
    std::uniform_int_distribution<int> u(0, 3000);
    std::vector<double> v(100000);
    std::vector<int> k(100000);
    for (auto& x : v) x = d(g);
    for (auto& x : k) x = u(g);
    gpu_test::same_on_every_executor([&] { return values_of(gpu::histogram(make(v), 50).hist); });
    gpu_test::same_on_every_executor([&] { return values_of(gpu::bincount(make(k))); });
}

}  // namespace

namespace {

TEST(Histogram, Histogram2d) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make(std::vector<double>{0, 1, 1, 2, 3, 4});
        const auto y = make(std::vector<double>{0, 0, 1, 4, 4, 4});
        const auto h = gpu::histogram2d(x, y, 2);
        EXPECT_EQ(gpu::to_string(h.hist.shape()), gpu::to_string(gpu::shape_t{2, 2}));
        expect_values(values_of(h.hist), std::vector<i64>{3, 0, 0, 3});
        expect_values(values_of(h.xedges), std::vector<double>{0, 2, 4});
        expect_values(values_of(h.yedges), std::vector<double>{0, 2, 4});
        const auto r = gpu::histogram2d(x, y, 2, std::pair<double, double>{0, 2}, std::pair<double, double>{0, 4});
        expect_values(values_of(r.hist), std::vector<i64>{1, 0, 2, 1});
        const auto d = gpu::histogram2d(x, y, 2, std::nullopt, std::nullopt, true);
        expect_values(values_of(d.hist_float), std::vector<double>{0.125, 0, 0, 0.125});
    }
}

}  // namespace

namespace {

// float16: NumPy 2's edges are float16 (computed in float64, rounded once).
TEST(Histogram, Float16) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<gpu::float16>{0, 1, 2.5, 3.25, 10, 0.1});
        const auto h = gpu::histogram(a, 4);
        static_assert(std::is_same_v<decltype(h.bin_edges), gpu::ndarray<gpu::float16>>);
        expect_values(values_of(h.hist), std::vector<i64>{3, 2, 0, 1});
        const auto r = gpu::histogram(a, 3, std::pair<double, double>{0.1, 0.7});
        expect_values(values_of(r.hist), std::vector<i64>{1, 0, 0});
        std::vector<float> edges;
        for (gpu::float16 e : values_of(r.bin_edges)) edges.push_back(static_cast<float>(e));
        expect_values(edges, std::vector<float>{0.0999755859375f, 0.300048828125f, 0.5f, 0.7001953125f});
        expect_values(values_of(gpu::digitize(make(std::vector<gpu::float16>{0.5, 1, 2.4, 7}),
                                              make(std::vector<gpu::float16>{1, 2.5, 5}))),
                      std::vector<i64>{0, 1, 1, 3});
    }
}

}  // namespace
