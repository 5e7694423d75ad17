// gpu::searchsorted: NumPy's values (tools/numpy_data/gen_sort.py prints them): sides, ties, NaNs,
// mixed dtypes (compared in the common dtype), sorter, v of any shape (0-d, 2-D, a view), empty,
// NumPy's errors; a large case compared with the host executor on the GPU; NVRTC compile of the
// kernel. float16 and complex (NumPy's order: complex values with a NaN part last).
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

TEST(SearchSorted, SidesAndTies) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{1, 2, 2, 3, 5});
        const auto v = make(std::vector<int>{0, 2, 4, 6, 1});
        expect_values(values_of(gpu::searchsorted(a, v)), std::vector<i64>{0, 1, 4, 5, 0});
        expect_values(values_of(gpu::searchsorted(a, v, "right")), std::vector<i64>{0, 3, 4, 5, 1});
        // Mixed dtypes: compared as float64.
        const auto f = make(std::vector<double>{1.5, 2.0, -1e300});
        expect_values(values_of(gpu::searchsorted(a, f)), std::vector<i64>{1, 1, 0});
        expect_values(values_of(gpu::searchsorted(a, f, "right")), std::vector<i64>{1, 3, 0});
        // uint64 against int64: float64 (NumPy 2).
        const auto u = make(std::vector<std::uint64_t>{1, 2});
        expect_values(values_of(gpu::searchsorted(make(std::vector<i64>{-5, 1, 2}), u)), std::vector<i64>{1, 2});
    }
}

TEST(SearchSorted, Nan) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<float>{1, 2, nan, nan});
        const auto v = make(std::vector<float>{nan, 3, 0, 2});
        expect_values(values_of(gpu::searchsorted(a, v)), std::vector<i64>{2, 2, 0, 1});
        expect_values(values_of(gpu::searchsorted(a, v, "right")), std::vector<i64>{4, 2, 0, 2});
    }
}

TEST(SearchSorted, Sorter) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<float>{3, 1, 2, 2});
        const auto s = gpu::argsort(a);  // [1, 2, 3, 0]
        const auto v = make(std::vector<float>{2, 0, 4});
        expect_values(values_of(gpu::searchsorted(a, v, "left", s)), std::vector<i64>{1, 0, 4});
        expect_values(values_of(gpu::searchsorted(a, v, "right", s)), std::vector<i64>{3, 0, 4});
        gpu_test::expect_error<gpu::value_error>(
            [&] { (void)gpu::searchsorted(a, v, "left", make(std::vector<i64>{0, 1})); }, "sorter.size must equal a.size");
        gpu_test::expect_error<gpu::value_error>(
            [&] { (void)gpu::searchsorted(a, v, "left", make(std::vector<i64>{0, 1, 2, 4})); },
            "Sorter index out of range.");
    }
}

TEST(SearchSorted, Shapes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{10, 20, 30});
        const auto v = make(std::vector<int>{5, 25, 35, 20}, {2, 2});
        auto r = gpu::searchsorted(a, v);
        EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(gpu::shape_t{2, 2}));
        expect_values(values_of(r), std::vector<i64>{0, 2, 3, 1});
        expect_values(values_of(gpu::searchsorted(a, v.T())), std::vector<i64>{0, 3, 2, 1});
        gpu::ndarray<int> z(gpu::shape_t{}, ex);
        z.assign(25);
        auto r0 = gpu::searchsorted(a, z);
        EXPECT_EQ(r0.ndim(), 0);
        expect_values(values_of(r0), std::vector<i64>{2});
        expect_values(values_of(gpu::searchsorted(make(std::vector<int>{}), v)), std::vector<i64>{0, 0, 0, 0});
        EXPECT_EQ(gpu::searchsorted(a, make(std::vector<int>{})).size(), 0);
        // A reversed view of a descending array is ascending.
        const auto d = gpu_test::view(make(std::vector<int>{30, 20, 10}), {3}, {-1}, 2);
        expect_values(values_of(gpu::searchsorted(d, make(std::vector<int>{15}))), std::vector<i64>{1});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::searchsorted(a, v, "middle"); },
                                                  "search side must be 'left' or 'right' (got 'middle')");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::searchsorted(v, a); },
                                                  "object too deep for desired array");
    }
}

TEST(SearchSorted, LargeSameOnEveryExecutor) {
    std::mt19937 g(7);
    std::uniform_int_distribution<int> d(-1000, 1000);
    std::vector<int> a(100000), q(50000);
    for (auto& x : a) x = d(g);
    for (auto& x : q) x = d(g);
    std::sort(a.begin(), a.end());
    for (const char* side : {"left", "right"})
        gpu_test::same_on_every_executor([&] { return values_of(gpu::searchsorted(make(a), make(q), side)); });
}

TEST(SearchSorted, KernelCompiles) {
    namespace d = gpu::detail;
    for (const auto& src : {d::searchsorted_kernel<float, float>::source(), d::searchsorted_kernel<int, double>::source(),
                            d::searchsorted_kernel<std::int64_t, std::uint64_t>::source(),
                            d::searchsorted_kernel<bool, std::int8_t>::source(),
                            d::searchsorted_kernel<gpu::float16, gpu::float16>::source(),
                            d::searchsorted_kernel<std::complex<float>, std::complex<double>>::source()}) {
        try {
            EXPECT_FALSE(d::compile_cubin(src, d::compile_target{9, 0}).cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << e.what() << "\n" << e.log();
        }
    }
}

}  // namespace

namespace {

TEST(SearchSorted, HalfAndComplex) {
    const double nan = std::nan("");
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(gpu_test::of_doubles<gpu::float16>({1, 2, 2, 3, nan}));
        const auto v = make(gpu_test::of_doubles<gpu::float16>({nan, 2, 0, 2.5, 3}));
        expect_values(values_of(gpu::searchsorted(a, v)), std::vector<i64>{4, 1, 0, 3, 3});
        expect_values(values_of(gpu::searchsorted(a, v, "right")), std::vector<i64>{5, 3, 0, 3, 4});
        using c128 = std::complex<double>;
        const auto s = make(std::vector<c128>{{1, 1}, {1, 2}, {2, -1}, {1, nan}, {nan, 0}});
        const auto q = make(std::vector<c128>{{1, 1.5}, {1, nan}, {nan, 0}, {0, 0}, {2, -1}});
        expect_values(values_of(gpu::searchsorted(s, q)), std::vector<i64>{1, 3, 4, 0, 2});
        expect_values(values_of(gpu::searchsorted(s, q, "right")), std::vector<i64>{1, 4, 5, 0, 3});
    }
}

}  // namespace
