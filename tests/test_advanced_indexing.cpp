// Advanced indexing, a(idx), a(i, j), a(gpu::colon, idx), masks over leading axes, against NumPy's
// values (tools/numpy_data/gen_functions.py, advanced_indexing()): result shapes and where the
// broadcast axes go, reads and assignments, views (reversed, transposed), 0-d and empty indices,
// and NumPy's error messages, on every executor.
#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::arange;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;
using i64 = std::int64_t;

template <class T>
std::vector<T> vals(std::initializer_list<int> v) {
    return gpu_test::as<T>(v);
}

template <class T>
void expect_result(const gpu::ndarray<T>& r, const gpu::shape_t& shape, std::initializer_list<int> v) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    expect_values(values_of(r), vals<T>(v));
}

template <class T>
class AdvancedIndexing : public ::testing::Test {};
using adv_dtypes = ::testing::Types<std::int8_t, std::int32_t, std::uint16_t, std::int64_t, std::uint64_t, float, double>;
TYPED_TEST_SUITE(AdvancedIndexing, adv_dtypes, gpu_test::dtype_names);

TYPED_TEST(AdvancedIndexing, ShapesAndPlacement) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3, 4});
        expect_result<T>(a(make<i64>({1, 0, 1})), {3, 3, 4},
                         {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0,  1,  2,  3,  4,  5,
                          6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
        expect_result<T>(a(make<i64>({0, 1}), make<std::int32_t>({2, 0})), {2, 4}, {8, 9, 10, 11, 12, 13, 14, 15});
        expect_result<T>(a(gpu::colon, make<i64>({0, 2, 1, 1}, {2, 2})), {2, 2, 2, 4},
                         {0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 4, 5, 6, 7,
                          12, 13, 14, 15, 20, 21, 22, 23, 16, 17, 18, 19, 16, 17, 18, 19});
        // An integer beside an array is advanced: separated by a slice, B goes first.
        expect_result<T>(a(0, gpu::colon, make<i64>({3, 1})), {2, 3}, {3, 7, 11, 1, 5, 9});
        expect_result<T>(a(gpu::colon, 1, make<i64>({3, 1})), {2, 2}, {7, 5, 19, 17});
        expect_result<T>(a(make<i64>({1, 0}), gpu::colon, make<i64>({3, 0})), {2, 3}, {15, 19, 23, 0, 4, 8});
        expect_result<T>(a(gpu::ellipsis, make<i64>({-1})), {2, 3, 1}, {3, 7, 11, 15, 19, 23});
        expect_result<T>(a(gpu::newaxis, make<std::uint8_t>({1, 0})), {1, 2, 3, 4},
                         {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        // Index arrays broadcast together.
        const auto b = arange<T>({3, 4});
        expect_result<T>(b(make<i64>({0, 1}, {2, 1}), make<i64>({0, 1, 2})), {2, 3}, {0, 1, 2, 4, 5, 6});
    }
}

TYPED_TEST(AdvancedIndexing, ViewsZeroDAndEmpty) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3, 4});
        expect_result<T>(a(gpu::slice(gpu::none, gpu::none, -1), make<i64>({2}), gpu::slice(1, 3)), {2, 1, 2},
                         {21, 22, 9, 10});
        expect_result<T>(a.T()(make<i64>({1}), make<i64>({2})), {1, 2}, {9, 21});
        expect_result<T>(a(make<i64>({1}, gpu::shape_t{})), {3, 4},
                         {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
        expect_result<T>(a(make<i64>({})), {0, 3, 4}, {});
        expect_result<T>(a(gpu::colon, make<i64>({}), 1), {2, 0}, {});
    }
}

TYPED_TEST(AdvancedIndexing, BooleanMasks) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3, 4});
        const auto m = gpu_test::make_bool({1, 0, 1, 0, 0, 1}, {2, 3});
        expect_result<T>(a[m], {3, 4}, {0, 1, 2, 3, 8, 9, 10, 11, 20, 21, 22, 23});
        expect_result<T>(a(m, gpu::slice(1, 3)), {3, 2}, {1, 2, 9, 10, 21, 22});
        // X[labels == k] selects rows; assignment broadcasts a row.
        auto x = arange<T>({4, 3});
        const auto labels = make<i64>({0, 1, 0, 1});
        expect_result<T>(x[labels == 0], {2, 3}, {0, 1, 2, 6, 7, 8});
        x[labels == 1] = make<T>(vals<T>({7, 8, 9}));
        expect_result<T>(x, {4, 3}, {0, 1, 2, 7, 8, 9, 6, 7, 8, 7, 8, 9});
        // Chained as NumPy: X[labels == k].mean(0), a(idx).sum().
        expect_values(values_of(gpu::ndarray<T>(x[labels == 1].max(0))), vals<T>({7, 8, 9}));
        expect_values(values_of(x(make<i64>({0, 1})).sum(1)), values_of(gpu::sum(x(gpu::slice(0, 2)), 1)));
        // Proxies assign to each other: x[labels == 0] = x(idx) and back.
        auto y = arange<T>({4, 3});
        y[labels == 0] = y(make<i64>({3, 1}));
        expect_result<T>(y, {4, 3}, {9, 10, 11, 3, 4, 5, 3, 4, 5, 9, 10, 11});
        y(make<i64>({0, 2})) = y[labels == 1];
        expect_result<T>(y, {4, 3}, {3, 4, 5, 3, 4, 5, 9, 10, 11, 9, 10, 11});
        x[labels == 0] = 3;
        expect_result<T>(x, {4, 3}, {3, 3, 3, 7, 8, 9, 3, 3, 3, 7, 8, 9});
    }
}

TYPED_TEST(AdvancedIndexing, Assignment) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto c = arange<T>({3, 4});
        c(make<i64>({0, 2}), make<i64>({1, 3})) = make<T>(vals<T>({5, 6}));
        expect_result<T>(c, {3, 4}, {0, 5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 6});
        c = arange<T>({3, 4});
        c(gpu::colon, make<i64>({0, 3})) = make<T>(vals<T>({10, 20, 30}), {3, 1});
        expect_result<T>(c, {3, 4}, {10, 1, 2, 10, 20, 5, 6, 20, 30, 9, 10, 30});
        c = arange<T>({3, 4});
        c(make<i64>({2, 0})) = 5;
        expect_result<T>(c, {3, 4}, {5, 5, 5, 5, 4, 5, 6, 7, 5, 5, 5, 5});
        c = arange<T>({3, 4});
        c(make<i64>({0, 0, 1})) += 1;  // NumPy: a repeated index is incremented once
        expect_result<T>(c, {3, 4}, {1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11});
        // Into a view: a transposed target, values an expression of the array itself.
        c = arange<T>({3, 4});
        c.T()(make<i64>({1})) = c(gpu::colon, 0) * 2;  // c.T[[1]] = c[:, 0] * 2: column 1
        expect_result<T>(c, {3, 4}, {0, 0, 2, 3, 4, 8, 6, 7, 8, 16, 10, 11});
    }
}

TEST(AdvancedIndexingErrors, NumPyMessages) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({2, 3, 4});
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)a(gpu::colon, make<i64>({5})).eval(); }),
                  "index 5 is out of bounds for axis 1 with size 3");
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)a(make<i64>({-3})).eval(); }),
                  "index -3 is out of bounds for axis 0 with size 2");
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)a(make<i64>({0, 1}), make<i64>({0, 1, 2})); }),
                  "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ");
        EXPECT_EQ(message_of<gpu::index_error>([&] {
                      (void)a(make<i64>({0}), make<i64>({0}), make<i64>({0}), make<i64>({0}));
                  }),
                  "too many indices for array: array is 3-dimensional, but 4 were indexed");
        auto c = arange<std::int32_t>({3, 4});
        EXPECT_EQ(message_of<gpu::value_error>([&] { c(make<i64>({0, 1})) = gpu::ones<std::int32_t>({3}); }),
                  "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,4)");
        const auto x = arange<double>({4, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)x[gpu_test::make_bool({1, 0}, {2})].eval(); }),
                  "boolean index did not match indexed array along axis 0; size of axis is 4 but size of "
                  "corresponding boolean axis is 2");
        // (a(idx) /= 2 on integers does not compile: NumPy's same_kind rule of the in-place operator.)
        // An out-of-bounds assignment writes nothing.
        EXPECT_EQ(message_of<gpu::index_error>([&] { c(make<i64>({0, 3})) = 1; }),
                  "index 3 is out of bounds for axis 0 with size 3");
        expect_result<std::int32_t>(c, {3, 4}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    }
}

}  // namespace
