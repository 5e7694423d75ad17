// gpu::take and gpu::put against NumPy's values (worked out by hand from NumPy's definitions),
// on every executor: several dtypes and index dtypes, axes, negative indices, transposed,
// reversed, strided and broadcast (stride 0) inputs built with the view constructor, 0-d and
// empty inputs, and NumPy's error messages.
#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::as;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;
using gpu_test::view;

template <class T>
class TakePut : public ::testing::Test {};
using take_dtypes = ::testing::Types<bool, std::int8_t, std::uint16_t, std::int32_t, float, double>;
TYPED_TEST_SUITE(TakePut, take_dtypes, gpu_test::dtype_names);

TYPED_TEST(TakePut, TakeFlatWithNegativeIndices) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>(as<T>({1, 0, 3, 0, 5, 6}), {2, 3});
        const auto r = gpu::take(a, make<std::int64_t>({0, 5, -1, 2, -6}));
        EXPECT_EQ(r.shape(), (gpu::shape_t{5}));
        EXPECT_EQ(r.where(), ex);
        expect_values(values_of(r), as<T>({1, 6, 6, 3, 1}));
        // The result has the indices' shape.
        const auto r2 = gpu::take(a, make<std::int32_t>({4, 1, 2, 3}, {2, 2}));
        EXPECT_EQ(r2.shape(), (gpu::shape_t{2, 2}));
        expect_values(values_of(r2), as<T>({5, 0, 3, 0}));
    }
}

TYPED_TEST(TakePut, PutCyclesAndCasts) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<T>(as<T>({0, 0, 0, 0, 0, 0}));
        gpu::put(a, make<std::int64_t>({0, 2, -1}), make<T>(as<T>({1, 2, 3})));
        expect_values(values_of(a), as<T>({1, 0, 2, 0, 0, 3}));
        gpu::put(a, make<std::int16_t>({1, 3, 4}), make<T>(as<T>({7, 1})));  // values cycle: 7, 1, 7
        expect_values(values_of(a), as<T>({1, 7, 2, 1, 7, 3}));
        gpu::put(a, make<std::uint8_t>({0, 5}), 1);  // a scalar
        expect_values(values_of(a), as<T>({1, 7, 2, 1, 7, 1}));
    }
}

TEST(Take, IndexDtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int64_t>({10, 20, 30, 40});
        expect_values(values_of(gpu::take(a, make<std::int8_t>({-1, 0}))), {40, 10});
        expect_values(values_of(gpu::take(a, make<std::uint8_t>({3, 1}))), {40, 20});
        expect_values(values_of(gpu::take(a, make<std::int16_t>({2, -4}))), {30, 10});
        expect_values(values_of(gpu::take(a, make<std::uint32_t>({0, 0, 2}))), {10, 10, 30});
        expect_values(values_of(gpu::take(a, make<std::uint64_t>({1}))), {20});
    }
}

TEST(Take, AlongAxes) {
    std::vector<std::int32_t> v(24);
    for (int i = 0; i < 24; ++i) v[i] = i;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>(v, {2, 3, 4});
        const auto r1 = gpu::take(a, make<std::int64_t>({2, 0}), 1);
        EXPECT_EQ(r1.shape(), (gpu::shape_t{2, 2, 4}));
        expect_values(values_of(r1), {8, 9, 10, 11, 0, 1, 2, 3, 20, 21, 22, 23, 12, 13, 14, 15});
        // axis=-1 with 2-D indices: shape a.shape[:2] + (2, 1).
        const auto r2 = gpu::take(a, make<std::int64_t>({3, 0}, {2, 1}), -1);
        EXPECT_EQ(r2.shape(), (gpu::shape_t{2, 3, 2, 1}));
        expect_values(values_of(r2), {3, 0, 7, 4, 11, 8, 15, 12, 19, 16, 23, 20});
        // A 0-d index removes the axis: a[1].
        const auto r3 = gpu::take(a, make<std::int64_t>({-1}, gpu::shape_t{}), 0);
        EXPECT_EQ(r3.shape(), (gpu::shape_t{3, 4}));
        expect_values(values_of(r3), {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
        // Empty indices along an axis.
        const auto r4 = gpu::take(a, make<std::int64_t>({}), 2);
        EXPECT_EQ(r4.shape(), (gpu::shape_t{2, 3, 0}));
    }
}

TEST(Take, ViewsAsInputs) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto base = make<float>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
        // The transpose (4, 3): flattened in its own C order 0 4 8 1 5 9 2 6 10 3 7 11.
        const auto t = view(base, {4, 3}, {1, 4}, 0);
        expect_values(values_of(gpu::take(t, make<std::int64_t>({1, 5, -1}))), {4.f, 9.f, 11.f});
        expect_values(values_of(gpu::take(t, make<std::int64_t>({2, 0}), 1)), {8.f, 0.f, 9.f, 1.f, 10.f, 2.f, 11.f, 3.f});
        // Reversed with a step: base.ravel()[::-2] = 11 9 7 5 3 1.
        const auto rev = view(base, {6}, {-2}, 11);
        expect_values(values_of(gpu::take(rev, make<std::int64_t>({0, 5, -2}))), {11.f, 1.f, 3.f});
        // Indices that are a strided view (every other element) and a broadcast (stride 0).
        const auto raw = make<std::int32_t>({4, 99, 0, 99, 2});
        expect_values(values_of(gpu::take(rev, view(raw, {3}, {2}, 0))), {3.f, 11.f, 7.f});
        expect_values(values_of(gpu::take(rev, view(raw, {3}, {0}, 4))), {7.f, 7.f, 7.f});
        // A 0-d array flattens to one element.
        const auto scalar = make<double>({2.5}, gpu::shape_t{});
        expect_values(values_of(gpu::take(scalar, make<std::int64_t>({0, -1, 0}))), {2.5, 2.5, 2.5});
        // Empty everything.
        EXPECT_EQ(gpu::take(make<double>({}), make<std::int64_t>({})).shape(), (gpu::shape_t{0}));
    }
}

TEST(Take, Errors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(a, make<std::int64_t>({0, 5})); }),
                  "index 5 is out of bounds for axis 0 with size 3");
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(a, make<std::int8_t>({-4})); }),
                  "index -4 is out of bounds for axis 0 with size 3");
        // The first bad index in order is the one named.
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(a, make<std::int64_t>({1, 7, 2, 9, -8})); }),
                  "index 7 is out of bounds for axis 0 with size 3");
        const auto m = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(m, make<std::int64_t>({0, 3}), 1); }),
                  "index 3 is out of bounds for axis 1 with size 3");
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(m, make<std::int64_t>({6})); }),
                  "index 6 is out of bounds for axis 0 with size 6");
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::take(make<float>({}), make<std::int64_t>({0})); }),
                  "cannot do a non-empty take from an empty axes.");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::take(a, make<std::int64_t>({0}), 1); }),
                  "axis 1 is out of bounds for array of dimension 1");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::take(make<int>({1}, gpu::shape_t{}), make<std::int64_t>({0}), 0); }),
                  "axis 0 is out of bounds for array of dimension 0");
    }
}

TEST(Put, ValuesOfOtherDtypesAndShapes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<std::int32_t>({0, 0, 0, 0});
        gpu::put(a, make<std::int64_t>({0, 1}), make<double>({1.5, -2.5}));  // truncated as astype
        expect_values(values_of(a), {1, -2, 0, 0});
        gpu::put(a, make<std::int64_t>({2}), 2.7);
        expect_values(values_of(a), {1, -2, 2, 0});
        // 2-D values are used flattened in C order; here the transpose of [[1,2],[3,4]].
        const auto v = make<std::int64_t>({1, 2, 3, 4}, {2, 2});
        gpu::put(a, make<std::int64_t>({0, 1, 2, 3}), view(v, {2, 2}, {1, 2}, 0));
        expect_values(values_of(a), {1, 3, 2, 4});
        // Repeated indices with equal values are deterministic everywhere.
        gpu::put(a, make<std::int64_t>({3, 3, -1}), 8);
        expect_values(values_of(a), {1, 3, 2, 8});
        // Bools from numbers: non-zero is True.
        auto b = make<bool>({false, false, false});
        gpu::put(b, make<std::int64_t>({0, 2}), make<std::int32_t>({5, 0}));
        expect_values(values_of(b), {true, false, false});
    }
}

TEST(Put, IntoViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto base = make<std::int32_t>({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {3, 4});
        // Flat indices of the transpose (4, 3): 0 -> base[0,0], 1 -> base[1,0], 5 -> base[2,1].
        gpu::put(view(base, {4, 3}, {1, 4}, 0), make<std::int64_t>({0, 1, 5}), make<std::int32_t>({1, 2, 3}));
        expect_values(values_of(base), {1, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0});
        // Reversed view of row 2: index 0 is base[2,3].
        gpu::put(view(base, {4}, {-1}, 11), make<std::int64_t>({0, -1}), make<std::int32_t>({7, 9}));
        expect_values(values_of(base), {1, 0, 0, 0, 2, 0, 0, 0, 9, 3, 0, 7});
        // Values that are a view of the array itself are read before any write (NumPy copies).
        auto a = make<std::int32_t>({1, 2, 3, 4});
        gpu::put(a, make<std::int64_t>({0, 1, 2, 3}), view(a, {4}, {-1}, 3));
        expect_values(values_of(a), {4, 3, 2, 1});
        // A 0-d array.
        auto s = make<double>({1.0}, gpu::shape_t{});
        gpu::put(s, make<std::int64_t>({-1}), 4.5);
        expect_values(values_of(s), {4.5});
    }
}

TEST(Put, EmptyAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<std::int32_t>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::put(a, make<std::int64_t>({5}), make<std::int32_t>({0})); }),
                  "index 5 is out of bounds for axis 0 with size 3");
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::put(a, make<std::int64_t>({-4}), 0); }),
                  "index -4 is out of bounds for axis 0 with size 3");
        auto empty = make<std::int32_t>({});
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::put(empty, make<std::int64_t>({0}), 1); }),
                  "cannot replace elements of an empty array");
        gpu::put(empty, make<std::int64_t>({}), 1);  // nothing to do
        // Empty values: NumPy does nothing, even for an index out of range.
        gpu::put(a, make<std::int64_t>({0, 9}), make<std::int32_t>({}));
        gpu::put(a, make<std::int64_t>({}), make<std::int32_t>({5}));
        expect_values(values_of(a), {1, 2, 3});
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { gpu::put(make<std::int8_t>({0}), make<std::int64_t>({0}), 300); }),
                  "Python integer 300 out of bounds for int8");
    }
}

}  // namespace
