// gpu::unique and NumPy 2's unique_values / unique_counts / unique_inverse / unique_all: NumPy's
// values (tools/numpy_data/gen_sort.py prints them), NaNs (one value with equal_nan, each its own
// without), bool, 2-D (inverse keeps the shape), views, empty and 0-d; a large case compared with
// the host executor on the GPU. float16 (-0.0 first, NaNs one) and complex (every value with a NaN
// part one value with equal_nan, as NumPy 2).
#include "sort_support.hpp"

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
using i64 = std::int64_t;

TEST(Unique, IntegersAllOutputs) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{3, 1, 2, 1, 3, 3}, {2, 3});
        expect_values(values_of(gpu::unique(a)), std::vector<int>{1, 2, 3});
        const auto r = gpu::unique(a, true, true, true);
        expect_values(values_of(r.values), std::vector<int>{1, 2, 3});
        expect_values(values_of(r.indices), std::vector<i64>{1, 2, 0});
        EXPECT_EQ(gpu::to_string(r.inverse.shape()), gpu::to_string(gpu::shape_t{2, 3}));
        expect_values(values_of(r.inverse), std::vector<i64>{2, 0, 1, 0, 2, 2});
        expect_values(values_of(r.counts), std::vector<i64>{2, 1, 3});
        const auto all = gpu::unique_all(a);
        expect_values(values_of(all.indices), std::vector<i64>{1, 2, 0});
        expect_values(values_of(all.inverse_indices), std::vector<i64>{2, 0, 1, 0, 2, 2});
        expect_values(values_of(all.counts), std::vector<i64>{2, 1, 3});
        const auto c = gpu::unique_counts(a.T());  // [3, 1, 1, 3, 2, 3]
        expect_values(values_of(c.values), std::vector<int>{1, 2, 3});
        expect_values(values_of(c.counts), std::vector<i64>{2, 1, 3});
        const auto inv = gpu::unique_inverse(a.T());
        expect_values(values_of(inv.inverse_indices), std::vector<i64>{2, 0, 0, 2, 1, 2});
    }
}

TEST(Unique, NanAndBool) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<double>{nan, 1, nan, 1, 0, -0.0});
        const auto r = gpu::unique(a, true, false, true);
        expect_values(values_of(r.values), std::vector<double>{0, 1, nan});
        expect_values(values_of(r.indices), std::vector<i64>{4, 1, 0});
        expect_values(values_of(r.counts), std::vector<i64>{2, 2, 2});
        // NumPy 2.5.2 printed [-0.0, 1.0, nan, nan]: unique_values of floats takes the first of
        // each run after an unstable ar.sort(), so which zero survives depends on NumPy's sort
        // kernel (SIMD or not); unique_values promises no order either. A zero of either sign
        // passes here (same_value compares -0.0 == 0.0).
        expect_values(values_of(gpu::unique_values(a)), std::vector<double>{0, 1, nan, nan});
        expect_values(values_of(gpu::unique_counts(a).counts), std::vector<i64>{2, 2, 1, 1});
        const auto b = gpu::unique_counts(make(std::vector<bool>{true, false, true}));
        expect_values(values_of(b.values), std::vector<bool>{false, true});
        expect_values(values_of(b.counts), std::vector<i64>{1, 2});
    }
}

TEST(Unique, EmptyAndZeroD) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto r = gpu::unique(make(std::vector<float>{}), true, true, true);
        EXPECT_EQ(r.values.size(), 0);
        EXPECT_EQ(r.indices.size(), 0);
        EXPECT_EQ(r.inverse.size(), 0);
        EXPECT_EQ(r.counts.size(), 0);
        gpu::ndarray<std::int16_t> z(gpu::shape_t{}, ex);
        z.assign(5);
        const auto a = gpu::unique_all(z);
        expect_values(values_of(a.values), std::vector<std::int16_t>{5});
        EXPECT_EQ(a.inverse_indices.ndim(), 0);
        expect_values(values_of(a.inverse_indices), std::vector<i64>{0});
        expect_values(values_of(a.counts), std::vector<i64>{1});
    }
}

TEST(Unique, LargeSameOnEveryExecutor) {
    std::mt19937 g(11);
    std::uniform_int_distribution<int> d(0, 5000);
    std::vector<int> v(200000);
    for (auto& x : v) x = d(g);
    gpu_test::same_on_every_executor([&] {
        const auto r = gpu::unique(make(v), true, true, true);
        return std::make_tuple(values_of(r.values), values_of(r.indices), values_of(r.inverse), values_of(r.counts));
    });
}

}  // namespace

namespace {

TEST(Unique, Axis) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{1, 0, 0, 1, 0, 0, 2, 3, 4}, {3, 3});
        const auto r = gpu::unique(a, 0, true, true, true);
        EXPECT_EQ(gpu::to_string(r.values.shape()), gpu::to_string(gpu::shape_t{2, 3}));
        expect_values(values_of(r.values), std::vector<int>{1, 0, 0, 2, 3, 4});
        expect_values(values_of(r.indices), std::vector<i64>{0, 2});
        expect_values(values_of(r.inverse), std::vector<i64>{0, 0, 1});
        expect_values(values_of(r.counts), std::vector<i64>{2, 1});
        const auto c = gpu::unique(a, 1);
        expect_values(values_of(c.values), std::vector<int>{0, 0, 1, 0, 0, 1, 3, 4, 2});
        EXPECT_EQ(gpu::to_string(c.values.shape()), gpu::to_string(gpu::shape_t{3, 3}));
    }
}

}  // namespace

namespace {

TEST(Unique, HalfAndComplex) {
    const double nan = std::nan("");
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto h = make(gpu_test::of_doubles<gpu::float16>({2, nan, 1, 2, -0.0, 0.0, nan, 1}));
        const auto r = gpu::unique(h, true, true, true);
        const auto v = gpu_test::floats_of(r.values);
        expect_values(v, std::vector<float>{-0.0f, 1, 2, NAN});
        EXPECT_TRUE(std::signbit(v[0]));  // the first of -0.0, 0.0 in the stable order
        expect_values(values_of(r.indices), std::vector<i64>{4, 2, 0, 1});
        expect_values(values_of(r.inverse), std::vector<i64>{2, 3, 1, 2, 0, 0, 3, 1});
        expect_values(values_of(r.counts), std::vector<i64>{2, 2, 2, 2});
        expect_values(gpu_test::floats_of(gpu::unique_values(h)), std::vector<float>{-0.0f, 1, 2, NAN, NAN});
        using c64 = std::complex<float>;
        const float fn = NAN;
        const auto c = make(std::vector<c64>{{1, 1}, {fn, 1}, {1, -1}, {1, fn}, {1, 1}, {fn, 1}, {0, 0}});
        const auto u = gpu::unique(c, true, true, true);
        gpu_test::expect_complex(values_of(u.values), {{0, 0}, {1, -1}, {1, 1}, {1, nan}});
        expect_values(values_of(u.indices), std::vector<i64>{6, 2, 0, 3});
        expect_values(values_of(u.inverse), std::vector<i64>{2, 3, 1, 3, 2, 3, 0});
        expect_values(values_of(u.counts), std::vector<i64>{1, 1, 2, 3});
        gpu_test::expect_complex(values_of(gpu::unique_values(c)),
                                 {{0, 0}, {1, -1}, {1, 1}, {1, nan}, {nan, 1}, {nan, 1}});
        // Rows, compared lexicographically in NumPy's complex order.
        const auto rows = make(std::vector<c64>{{1, 1}, {2, 0}, {0, 0}, {0, 1}, {1, 1}, {2, 0}, {1, 1}, {1, 0}}, {4, 2});
        const auto a = gpu::unique(rows, 0, true, true, true);
        gpu_test::expect_complex(values_of(a.values), {{0, 0}, {0, 1}, {1, 1}, {1, 0}, {1, 1}, {2, 0}});
        expect_values(values_of(a.indices), std::vector<i64>{1, 3, 0});
        expect_values(values_of(a.inverse), std::vector<i64>{2, 0, 2, 1});
        expect_values(values_of(a.counts), std::vector<i64>{1, 1, 2});
    }
}

}  // namespace
