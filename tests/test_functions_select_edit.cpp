// select, choose, clip with array bounds, indices, ix_, unravel_index, ravel_multi_index, append,
// insert, delete_ and cross against NumPy's values (tools/numpy_data/gen_functions.py,
// select_edit()), on every executor.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::as;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;
using i64 = std::int64_t;
using i32 = std::int32_t;

template <class T>
void expect_result(const gpu::ndarray<T>& r, const gpu::shape_t& shape, std::initializer_list<int> v) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    expect_values(values_of(r), as<T>(v));
}

TEST(Select, FirstTrueWinsAndBroadcasts) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<i32>({0, 1, 2, 3, 4, 5});
        const auto r = gpu::select({gpu::eval(x < 2), gpu::eval(x > 3)}, {x, gpu::eval(x * x)}, 42);
        static_assert(std::is_same_v<typename decltype(r)::value_type, i32>);  // the default is a weak scalar
        expect_result<i32>(r, {6}, {0, 1, 42, 42, 16, 25});
        const auto h = gpu::select({gpu::eval(x < 2)}, {x}, 0.5);
        static_assert(std::is_same_v<typename decltype(h)::value_type, double>);
        expect_values(values_of(h), std::vector<double>{0, 1, 0.5, 0.5, 0.5, 0.5});
        // NumPy 2.5: no OverflowError; the default is cast to int8 as np.full does (300 -> 44).
        const auto o = gpu::select({gpu::eval(x < 2)}, {make<std::int8_t>({1, 2, 3, 4, 5, 6})}, 300);
        static_assert(std::is_same_v<typename decltype(o)::value_type, std::int8_t>);
        expect_result<std::int8_t>(o, {6}, {1, 2, 44, 44, 44, 44});
        const auto b = gpu::select({gpu_test::make_bool({1, 0}, {2, 1}), gpu_test::make_bool({0, 1, 0}, {3})},
                                   {make<i64>({1, 2, 3}), make<i64>({10, 20}, {2, 1})});
        expect_result<i64>(b, {2, 3}, {1, 2, 3, 0, 20, 0});
        const auto f = gpu::select({gpu::eval(x < 2)}, {gpu::eval(x.astype<float>())}, 0.5f);
        static_assert(std::is_same_v<typename decltype(f)::value_type, float>);
        expect_values(values_of(f), std::vector<float>{0, 1, 0.5f, 0.5f, 0.5f, 0.5f});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::select({gpu::eval(x < 2)}, {x, x}); }),
                  "list of cases must be same length as list of conditions");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::select(std::vector<gpu::ndarray<bool>>{}, std::vector<gpu::ndarray<i32>>{}); }),
                  "select with an empty condition list is not possible");
    }
}

TEST(Choose, ModesAndBroadcast) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::vector<gpu::ndarray<i64>> c{make<i64>({0, 1, 2, 3}), make<i64>({10, 11, 12, 13}), make<i64>({20, 21, 22, 23})};
        expect_result<i64>(gpu::choose(make<i32>({2, 0, 1, 0}), c), {4}, {20, 1, 12, 3});
        expect_result<i64>(gpu::choose(make<i32>({3, -1, 4, 0}), c, "wrap"), {4}, {0, 21, 12, 3});
        expect_result<i64>(gpu::choose(make<i32>({3, -1, 4, 0}), c, "clip"), {4}, {20, 1, 22, 3});
        expect_result<i64>(gpu::choose(make<i64>({0, 1}, {2, 1}), {make<i64>({1, 2, 3}), make<i64>({-5}, gpu::shape_t{})}),
                           {2, 3}, {1, 2, 3, -5, -5, -5});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::choose(make<i32>({3}), c); }),
                  "invalid entry in choice array");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::choose(make<i32>({0}), c, "foo"); }),
                  "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'foo')");
        // clip with array bounds (broadcast).
        expect_result<i32>(gpu::eval(gpu::clip(make<i32>({1, 5, 9, 2}, {2, 2}), make<i32>({2, 3}), make<i32>({4}, gpu::shape_t{}))),
                           {2, 2}, {2, 4, 4, 3});
    }
}

TEST(IndexTricks, IndicesIxUnravelRavel) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_result<i64>(gpu::indices({2, 3}), {2, 2, 3}, {0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2});
        const auto [i, j] = gpu::ix_(make<i64>({0, 2}), gpu_test::make_bool({1, 0, 1, 1}, {4}));
        expect_result<i64>(i, {2, 1}, {0, 2});
        expect_result<i64>(j, {1, 3}, {0, 2, 3});
        const auto x = make<i32>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
        expect_result<i32>(x(i, j), {2, 3}, {0, 2, 3, 8, 10, 11});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::ix_(gpu::zeros<i64>({2, 2})); }),
                  "Cross index must be 1 dimensional");
        const auto u = gpu::unravel_index(make<i64>({22, 41, 37}), {7, 6});
        expect_result<i64>(u[0], {3}, {3, 6, 6});
        expect_result<i64>(u[1], {3}, {4, 5, 1});
        const auto uf = gpu::unravel_index(make<i32>({31, 41, 13}), {7, 6}, "F");
        expect_result<i64>(uf[0], {3}, {3, 6, 6});
        expect_result<i64>(uf[1], {3}, {4, 5, 1});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::unravel_index(make<i64>({42}), {7, 6}); }),
                  "index 42 is out of bounds for array with size 42");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::unravel_index(make<i64>({-1}), {7, 6}); }),
                  "index -1 is out of bounds for array with size 42");
        const std::vector<gpu::ndarray<i64>> mi{make<i64>({3, 6, 6}), make<i64>({4, 5, 1})};
        expect_result<i64>(gpu::ravel_multi_index(mi, {7, 6}), {3}, {22, 41, 37});
        expect_result<i64>(gpu::ravel_multi_index(mi, {7, 6}, "raise", "F"), {3}, {31, 41, 13});
        const std::vector<gpu::ndarray<i64>> bad{make<i64>({3, 9, -1}), make<i64>({4, 5, 1})};
        expect_result<i64>(gpu::ravel_multi_index(bad, {7, 6}, "clip"), {3}, {22, 41, 1});
        expect_result<i64>(gpu::ravel_multi_index(bad, {7, 6}, "wrap"), {3}, {22, 17, 37});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::ravel_multi_index(bad, {7, 6}); }),
                  "invalid entry in coordinates array");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::ravel_multi_index(std::vector{make<i64>({3})}, {7, 6}); }),
                  "parameter multi_index must be a sequence of length 2");
    }
}

TEST(Edit, AppendInsertDelete) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<i32>({1, 2, 3, 4}, {2, 2});
        const auto ap = gpu::append(a, make<double>({5.5, 6}));
        static_assert(std::is_same_v<typename decltype(ap)::value_type, double>);
        expect_values(values_of(ap), {1.0, 2.0, 3.0, 4.0, 5.5, 6.0});
        expect_result<i32>(gpu::append(a, make<i32>({5, 6}, {1, 2}), 0), {3, 2}, {1, 2, 3, 4, 5, 6});
        const auto s = gpu::append(a, 5);  // np.append(int32, 5): int64, as np.asarray(5)
        static_assert(std::is_same_v<typename decltype(s)::value_type, i64>);
        expect_result<i64>(s, {5}, {1, 2, 3, 4, 5});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::append(a, make<i32>({5, 6}), 0); }),
                  "all the input arrays must have same number of dimensions, but the array at index 0 has 2 "
                  "dimension(s) and the array at index 1 has 1 dimension(s)");
        const auto v = make<i64>({1, 2, 3});
        expect_result<i64>(gpu::insert(v, 1, make<i64>({7, 8})), {5}, {1, 7, 8, 2, 3});
        expect_result<i64>(gpu::insert(v, make<i64>({2, 0, 2}), make<i64>({7, 8, 9})), {6}, {8, 1, 2, 7, 9, 3});
        expect_result<i32>(gpu::insert(a, 1, 5, 1), {2, 3}, {1, 5, 2, 3, 5, 4});
        expect_result<i32>(gpu::insert(a, 1, make<i32>({8, 9}), 1), {2, 3}, {1, 8, 2, 3, 9, 4});
        expect_result<i64>(gpu::insert(v, 3, 9), {4}, {1, 2, 3, 9});
        expect_result<i32>(gpu::insert(a, 2, 9), {5}, {1, 2, 9, 3, 4});
        expect_result<i64>(gpu::insert(v, 1, 2.7), {4}, {1, 2, 2, 3});
        expect_result<i32>(gpu::insert(a, make<i64>({0, 2}), make<i32>({7, 8}, {2, 1}), 0), {4, 2}, {7, 7, 1, 2, 3, 4, 8, 8});
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)gpu::insert(v, 5, 9); }),
                  "index 5 is out of bounds for axis 0 with size 3");
        const auto d = make<i64>({1, 2, 3, 4, 5});
        expect_result<i64>(gpu::delete_(d, 1), {4}, {1, 3, 4, 5});
        expect_result<i64>(gpu::delete_(d, make<i64>({0, -1, 0})), {3}, {2, 3, 4});
        expect_result<i32>(gpu::delete_(a, 0, 1), {2, 1}, {2, 4});
        expect_result<i32>(gpu::delete_(a, make<i32>({1, 2})), {2}, {1, 4});
        expect_result<i64>(gpu::delete_(v, gpu_test::make_bool({1, 0, 1}, {3})), {1}, {2});
        expect_result<i64>(gpu::delete_(d, gpu::slice(gpu::none, gpu::none, 2)), {2}, {2, 4});
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)gpu::delete_(v, 5); }),
                  "index 5 is out of bounds for axis 0 with size 3");
        EXPECT_EQ(message_of<gpu::index_error>([&] { (void)gpu::delete_(v, make<i64>({0, 5})); }),
                  "index 5 is out of bounds for axis 0 with size 3");
    }
}

TEST(Cross, ComponentsBroadcastAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_result<i64>(gpu::cross(make<i64>({1, 2, 3}), make<i64>({4, 5, 6})), {3}, {-3, 6, -3});
        const auto b = gpu::cross(make<i64>({1, 0, 0, 0, 1, 0}, {2, 3}), make<double>({0, 0, 1.5}));
        static_assert(std::is_same_v<typename decltype(b)::value_type, double>);
        EXPECT_EQ(b.shape(), (gpu::shape_t{2, 3}));
        expect_values(values_of(b), {0.0, -1.5, 0.0, 1.5, 0.0, 0.0});
        expect_result<i64>(gpu::cross(make<i64>({1, 4, 2, 5, 3, 6}, {3, 2}), make<i64>({4, 1, 5, 2, 6, 3}, {3, 2}), 0),
                           {3, 2}, {-3, 3, 6, -6, -3, 3});
        // NumPy 2.5 removed the 2-component vectors (deprecated in 2.0): both must have 3.
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::cross(make<i64>({1, 2}), make<i64>({4, 5, 6})); }),
                  "Both input arrays must be (arrays of) 3-dimensional vectors, but they are 2 and 3 dimensional instead.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::cross(make<i32>({1, 2}), make<i32>({4, 5})); }),
                  "Both input arrays must be (arrays of) 3-dimensional vectors, but they are 2 and 2 dimensional instead.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::cross(make<i64>({1, 2, 3, 4}), make<i64>({1, 2, 3})); }),
                  "Both input arrays must be (arrays of) 3-dimensional vectors, but they are 4 and 3 dimensional instead.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::cross(make<i64>({1}, gpu::shape_t{}), make<i64>({1, 2, 3})); }),
                  "At least one array has zero dimension");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { (void)gpu::cross(make<i64>({1, 2, 3}), make<i64>({1, 2, 3}), 1); }),
                  "axisa: axis 1 is out of bounds for array of dimension 1");
    }
}

}  // namespace
