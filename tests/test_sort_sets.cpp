// gpu::isin, union1d, intersect1d, setdiff1d, setxor1d: NumPy's values (tools/numpy_data/
// gen_sort.py prints them), duplicates, NaNs, mixed dtypes (isin), shapes, empty inputs; a large
// case compared with the host executor on the GPU; float16 and complex (NumPy's order).
#include "sort_support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

TEST(SetOps, Isin) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{0, 2, 4, 6, 2, 9}, {2, 3});
        const auto t = make(std::vector<int>{2, 9, 9, 100});
        auto r = gpu::isin(a, t);
        EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(gpu::shape_t{2, 3}));
        expect_values(values_of(r), std::vector<bool>{false, true, false, false, true, true});
        expect_values(values_of(gpu::isin(a, t, true)), std::vector<bool>{true, false, true, true, false, false});
        expect_values(values_of(gpu::isin(a, make(std::vector<int>{}))), std::vector<bool>(6, false));
        expect_values(values_of(gpu::isin(make(std::vector<double>{2.0, 2.5}), t)), std::vector<bool>{true, false});
        expect_values(values_of(gpu::isin(make(std::vector<float>{nan, 1}), make(std::vector<float>{nan, 1}))),
                      std::vector<bool>{false, true});
    }
}

TEST(SetOps, UnionIntersectDiffXor) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{5, 1, 3, 3, 7});
        const auto b = make(std::vector<int>{3, 9, 5, 5, 0}, {5});
        expect_values(values_of(gpu::union1d(a, b)), std::vector<int>{0, 1, 3, 5, 7, 9});
        expect_values(values_of(gpu::intersect1d(a, b)), std::vector<int>{3, 5});
        expect_values(values_of(gpu::setdiff1d(a, b)), std::vector<int>{1, 7});
        expect_values(values_of(gpu::setxor1d(a, b)), std::vector<int>{0, 1, 7, 9});
        const auto ri = gpu::intersect1d(a, b, true);
        expect_values(values_of(ri.values), std::vector<int>{3, 5});
        expect_values(values_of(ri.indices1), std::vector<std::int64_t>{2, 0});
        expect_values(values_of(ri.indices2), std::vector<std::int64_t>{0, 2});
        const auto e = make(std::vector<int>{});
        EXPECT_EQ(gpu::intersect1d(a, e, true).indices1.size(), 0);
        expect_values(values_of(gpu::union1d(e, e)), std::vector<int>{});
        expect_values(values_of(gpu::intersect1d(a, e)), std::vector<int>{});
        expect_values(values_of(gpu::setdiff1d(a, e)), std::vector<int>{1, 3, 5, 7});
        expect_values(values_of(gpu::setxor1d(e, b)), std::vector<int>{0, 3, 5, 9});
        expect_values(values_of(gpu::setxor1d(make(std::vector<int>{4}), e)), std::vector<int>{4});
    }
}

TEST(SetOps, LargeSameOnEveryExecutor) {
    std::mt19937 g(3);
    std::uniform_int_distribution<int> d(0, 20000);
    std::vector<int> a(60000), b(40000);
    for (auto& x : a) x = d(g);
    for (auto& x : b) x = d(g);
    gpu_test::same_on_every_executor([&] {
        return std::make_tuple(values_of(gpu::isin(make(a), make(b))), values_of(gpu::intersect1d(make(a), make(b))),
                               values_of(gpu::setxor1d(make(a), make(b))), values_of(gpu::setdiff1d(make(a), make(b))));
    });
}

}  // namespace

namespace {

TEST(SetOps, HalfAndComplex) {
    using c128 = std::complex<double>;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto c = make(std::vector<c128>{{1, 1}, {2, 0}, {nan, 0}});
        expect_values(values_of(gpu::isin(c, make(std::vector<c128>{{2, 0}, {1, 1}, {nan, 0}}))),
                      std::vector<bool>{true, true, false});
        const auto h = make(gpu_test::of_doubles<gpu::float16>({1, 2.5, nan}));
        expect_values(values_of(gpu::isin(h, make(gpu_test::of_doubles<gpu::float16>({2.5, nan})))),
                      std::vector<bool>{false, true, false});
        const auto x = make(std::vector<c128>{{1, 1}, {2, 0}, {0, 3}});
        const auto y = make(std::vector<c128>{{0, 3}, {4, 0}, {1, 1}});
        gpu_test::expect_complex(values_of(gpu::intersect1d(x, y)), {{0, 3}, {1, 1}});
        gpu_test::expect_complex(values_of(gpu::setdiff1d(x, y)), {{2, 0}});
        gpu_test::expect_complex(values_of(gpu::union1d(x, y)), {{0, 3}, {1, 1}, {2, 0}, {4, 0}});
        gpu_test::expect_complex(values_of(gpu::setxor1d(x, y)), {{2, 0}, {4, 0}});
    }
}

}  // namespace
