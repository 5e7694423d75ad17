// Shape functions, part 2: squeeze, expand_dims, broadcast_to, ascontiguousarray, flip and
// diagonal. Expected shapes, strides (in elements), values and view-or-copy are NumPy 2.x's: a
// view shares a.buffer(), a copy does not. Part 1 (reshape ... moveaxis) is
// test_shape_functions.cpp.
#include "support.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace {

using gpu::shape_t;
using gpu::strides_t;
using gpu_test::arange;
using gpu_test::expect_arange;
using gpu_test::expect_error;
using gpu_test::shares;
using gpu_test::values_of;
using gpu_test::view;

template <class T>
class DimensionFunctions : public ::testing::Test {};
TYPED_TEST_SUITE(DimensionFunctions, gpu_test::sample_dtypes, gpu_test::dtype_names);

// ---- every dtype --------------------------------------------------------------------------------

TYPED_TEST(DimensionFunctions, SqueezeExpandBroadcast) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({1, 3, 1});
        const auto s = a.squeeze();
        EXPECT_TRUE(shares(s, a));
        EXPECT_EQ(s.shape(), (shape_t{3}));
        expect_arange(s, {0, 1, 2});
        const auto e = gpu::expand_dims(s, {0, 2});
        EXPECT_TRUE(shares(e, a));
        EXPECT_EQ(e.shape(), (shape_t{1, 3, 1}));
        expect_arange(e, {0, 1, 2});
        const auto b = gpu::broadcast_to(s, {2, 3});
        EXPECT_TRUE(shares(b, a));
        EXPECT_EQ(b.strides(), (strides_t{0, 1}));
        expect_arange(b, {0, 1, 2, 0, 1, 2});
    }
}

TYPED_TEST(DimensionFunctions, FlipDiagonalContiguous) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({3, 3});
        const auto f = gpu::flip(a);
        EXPECT_TRUE(shares(f, a));
        EXPECT_EQ(f.strides(), (strides_t{-3, -1}));
        EXPECT_EQ(f.offset(), 8);
        expect_arange(f, {8, 7, 6, 5, 4, 3, 2, 1, 0});
        expect_arange(gpu::flip(a, 0), {6, 7, 8, 3, 4, 5, 0, 1, 2});
        const auto d = gpu::diagonal(a);
        EXPECT_TRUE(shares(d, a));
        EXPECT_EQ(d.strides(), (strides_t{4}));
        expect_arange(d, {0, 4, 8});
        expect_arange(gpu::diagonal(f), {8, 4, 0});
        const auto t = a.T();
        const auto c = gpu::ascontiguousarray(t);
        EXPECT_FALSE(shares(c, a));
        EXPECT_TRUE(c.is_contiguous());
        expect_arange(c, {0, 3, 6, 1, 4, 7, 2, 5, 8});
        EXPECT_TRUE(shares(gpu::ascontiguousarray(a), a));
    }
}

// ---- squeeze and expand_dims --------------------------------------------------------------------

TEST(Squeeze, AxesViewsAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({1, 3, 1});
        EXPECT_EQ(a.squeeze({0}).shape(), (shape_t{3, 1}));
        EXPECT_EQ(gpu::squeeze(a, 2).shape(), (shape_t{1, 3}));
        EXPECT_EQ(gpu::squeeze(a, -1).shape(), (shape_t{1, 3}));
        EXPECT_EQ(gpu::squeeze(a, {0, -1}).shape(), (shape_t{3}));
        EXPECT_EQ(gpu::squeeze(a).shape(), (shape_t{3}));
        EXPECT_EQ(a.squeeze({}).shape(), (shape_t{1, 3, 1}));
        EXPECT_EQ(gpu::squeeze(a, {}).shape(), (shape_t{1, 3, 1}));  // no axes, not axis 0
        EXPECT_EQ(gpu::squeeze(a, {2}).shape(), (shape_t{1, 3}));

        const auto m = arange<std::int32_t>({3, 4});
        const auto col = view(m, {3, 1}, {4, 1}, 1);  // m[:, 1:2]
        const auto sc = col.squeeze();
        EXPECT_TRUE(shares(sc, m));
        EXPECT_EQ(sc.strides(), (strides_t{4}));
        EXPECT_EQ(sc.offset(), 1);
        expect_arange(sc, {1, 5, 9});

        const auto one = arange<std::int32_t>({1, 1});
        EXPECT_EQ(one.squeeze().shape(), shape_t{});
        const auto scalar = gpu_test::make<float>({2.5f}, shape_t{});
        EXPECT_EQ(scalar.squeeze().shape(), shape_t{});
        EXPECT_EQ(values_of(scalar.squeeze()), std::vector<float>{2.5f});
        const gpu::ndarray<float> empty(shape_t{0, 1, 2});
        EXPECT_EQ(empty.squeeze().shape(), (shape_t{0, 2}));

        expect_error<gpu::value_error>([&] { a.squeeze({1}); },
                                       "cannot select an axis to squeeze out which has size not equal to one");
        expect_error<gpu::value_error>([&] { gpu::squeeze(empty, 0); },
                                       "cannot select an axis to squeeze out which has size not equal to one");
        expect_error<gpu::axis_error>([&] { a.squeeze({3}); }, "axis 3 is out of bounds for array of dimension 3");
        expect_error<gpu::value_error>([&] { a.squeeze({0, -3}); }, "duplicate value in 'axis'");
    }
}

TEST(ExpandDims, PositionsStridesAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = arange<std::int32_t>({2, 3});
        EXPECT_EQ(gpu::expand_dims(x, 0).shape(), (shape_t{1, 2, 3}));
        EXPECT_EQ(gpu::expand_dims(x, 1).shape(), (shape_t{2, 1, 3}));
        EXPECT_EQ(gpu::expand_dims(x, -1).shape(), (shape_t{2, 3, 1}));
        EXPECT_EQ(gpu::expand_dims(x, {0, 1}).shape(), (shape_t{1, 1, 2, 3}));
        EXPECT_EQ(gpu::expand_dims(x, {2, 0}).shape(), (shape_t{1, 2, 1, 3}));
        EXPECT_EQ(gpu::expand_dims(x, {-1, 0}).shape(), (shape_t{1, 2, 3, 1}));
        EXPECT_TRUE(shares(gpu::expand_dims(x, 1), x));

        // A transposed input stays a view; the strides are those NumPy's reshape gives.
        const auto t = x.T();  // (3,2), strides (1,3)
        const auto et = gpu::expand_dims(t, 1);
        EXPECT_TRUE(shares(et, x));
        EXPECT_EQ(et.shape(), (shape_t{3, 1, 2}));
        EXPECT_EQ(et.strides(), (strides_t{1, 6, 3}));
        expect_arange(et, {0, 3, 1, 4, 2, 5});

        const auto s = gpu_test::make<double>({4.0}, shape_t{});
        EXPECT_EQ(gpu::expand_dims(s, 0).shape(), (shape_t{1}));
        const gpu::ndarray<float> e(shape_t{0});
        EXPECT_EQ(gpu::expand_dims(e, {0, 2}).shape(), (shape_t{1, 0, 1}));
        EXPECT_EQ(values_of(gpu::expand_dims(x + 1, 0)), (std::vector<std::int32_t>{1, 2, 3, 4, 5, 6}));

        expect_error<gpu::axis_error>([&] { gpu::expand_dims(x, 3); },
                                      "axis 3 is out of bounds for array of dimension 3");
        expect_error<gpu::axis_error>([&] { gpu::expand_dims(x, {0, -5}); },
                                      "axis -5 is out of bounds for array of dimension 4");
        expect_error<gpu::value_error>([&] { gpu::expand_dims(x, {0, 0}); }, "repeated axis");
    }
}

// ---- broadcast_to and ascontiguousarray --------------------------------------------------------

TEST(BroadcastTo, StridesErrorsAndWrites) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto col = arange<std::int32_t>({3, 1});
        const auto b = gpu::broadcast_to(col, {2, 3, 4});
        EXPECT_TRUE(shares(b, col));
        EXPECT_EQ(b.strides(), (strides_t{0, 1, 0}));
        expect_arange(b, {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2});
        const auto row = arange<std::int32_t>({4});
        const auto rev = view(row, {4}, {-1}, 3);  // row[::-1]
        const auto br = gpu::broadcast_to(rev, {2, 4});
        EXPECT_EQ(br.strides(), (strides_t{0, -1}));
        EXPECT_EQ(br.offset(), 3);
        expect_arange(br, {3, 2, 1, 0, 3, 2, 1, 0});
        EXPECT_EQ(gpu::broadcast_to(row, {4}).strides(), (strides_t{1}));
        const auto s = gpu_test::make<float>({1.5f}, shape_t{});
        EXPECT_EQ(gpu::broadcast_to(s, {2, 2}).strides(), (strides_t{0, 0}));
        EXPECT_EQ(values_of(gpu::broadcast_to(s, {2, 2})), (std::vector<float>(4, 1.5f)));
        EXPECT_EQ(gpu::broadcast_to(arange<std::int32_t>({1}), {0}).shape(), (shape_t{0}));
        EXPECT_EQ(gpu::broadcast_to(s, {}).shape(), shape_t{});

        // As an operand, and (see views/dimensions.hpp) as a destination that writes shared elements.
        const auto y = gpu_test::make<std::int32_t>({10, 20, 30, 40, 50, 60}, {2, 3});
        const auto r3 = arange<std::int32_t>({3});
        EXPECT_EQ(values_of(gpu::eval(gpu::broadcast_to(r3, {2, 3}) + y)),
                  (std::vector<std::int32_t>{10, 21, 32, 40, 51, 62}));
        gpu::broadcast_to(r3, {2, 3}) = 7;
        EXPECT_EQ(values_of(r3), (std::vector<std::int32_t>{7, 7, 7}));

        const auto x = arange<std::int32_t>({3});
        expect_error<gpu::value_error>(
            [&] { gpu::broadcast_to(x, {4}); },
            "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and "
            "requested shape (4,)");
        expect_error<gpu::value_error>(
            [&] { gpu::broadcast_to(x, {3, 1}); },
            "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and "
            "requested shape (3,1)");
        expect_error<gpu::value_error>(
            [&] { gpu::broadcast_to(arange<std::int32_t>({2, 3}), {3}); },
            "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)  and "
            "requested shape (3,)");
        expect_error<gpu::value_error>([&] { gpu::broadcast_to(x, {}); },
                                       "cannot broadcast a non-scalar to a scalar array");
        expect_error<gpu::value_error>([&] { gpu::broadcast_to(x, {-1, 3}); },
                                       "all elements of broadcast shape must be non-negative");
    }
}

TEST(Ascontiguousarray, SameArrayOrCopy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({3, 4});
        const auto tail = view(a, {2, 4}, {4, 1}, 4);  // a[1:]: contiguous, with an offset
        const auto c1 = gpu::ascontiguousarray(tail);
        EXPECT_TRUE(shares(c1, a));
        EXPECT_EQ(c1.offset(), 4);
        const auto every_other = view(a, {3, 2}, {4, 2}, 0);  // a[:, ::2]
        const auto c2 = gpu::ascontiguousarray(every_other);
        EXPECT_FALSE(shares(c2, a));
        EXPECT_EQ(c2.strides(), (strides_t{2, 1}));
        expect_arange(c2, {0, 2, 4, 6, 8, 10});
        const auto c3 = gpu::ascontiguousarray(gpu::flip(a, 1));
        EXPECT_FALSE(shares(c3, a));
        expect_arange(c3, {3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8});
        const auto z = gpu::broadcast_to(arange<std::int32_t>({2}), {2, 2});
        expect_arange(gpu::ascontiguousarray(z), {0, 1, 0, 1});
        // NumPy's result has at least one axis.
        const auto s = gpu_test::make<double>({3.0}, shape_t{});
        const auto cs = gpu::ascontiguousarray(s);
        EXPECT_EQ(cs.shape(), (shape_t{1}));
        EXPECT_TRUE(shares(cs, s));
        const gpu::ndarray<float> e(shape_t{0, 3});
        EXPECT_TRUE(shares(gpu::ascontiguousarray(e.T()), e));  // NumPy calls every empty array contiguous
        EXPECT_EQ(values_of(gpu::ascontiguousarray(a * 2)).size(), 12u);
    }
}

// ---- flip and diagonal --------------------------------------------------------------------------

TEST(Flip, AxesViewsAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto x = arange<std::int32_t>({2, 3});
        const auto f1 = gpu::flip(x, 1);
        EXPECT_EQ(f1.strides(), (strides_t{3, -1}));
        EXPECT_EQ(f1.offset(), 2);
        expect_arange(f1, {2, 1, 0, 5, 4, 3});
        expect_arange(gpu::flip(x, -1), {2, 1, 0, 5, 4, 3});
        expect_arange(gpu::flip(x, {0, 1}), {5, 4, 3, 2, 1, 0});
        expect_arange(gpu::flip(x, {}), {0, 1, 2, 3, 4, 5});
        const auto back = gpu::flip(gpu::flip(x));
        EXPECT_EQ(back.strides(), x.strides());
        EXPECT_EQ(back.offset(), 0);
        // On a transposed and a broadcast input.
        expect_arange(gpu::flip(x.T(), 0), {2, 5, 1, 4, 0, 3});
        const auto z = gpu::flip(gpu::broadcast_to(arange<std::int32_t>({3}), {2, 3}));
        EXPECT_EQ(z.strides(), (strides_t{0, -1}));
        expect_arange(z, {2, 1, 0, 2, 1, 0});

        const auto s = gpu_test::make<float>({1.0f}, shape_t{});
        EXPECT_EQ(gpu::flip(s).shape(), shape_t{});
        const gpu::ndarray<float> e(shape_t{0, 3});
        const auto fe = gpu::flip(e, 0);
        EXPECT_EQ(fe.shape(), (shape_t{0, 3}));
        EXPECT_EQ(fe.offset(), 0);

        EXPECT_EQ(values_of(gpu::eval(gpu::flip(x) + x)), (std::vector<std::int32_t>(6, 5)));
        EXPECT_EQ(values_of(gpu::flip(x * 10, 0)), (std::vector<std::int32_t>{30, 40, 50, 0, 10, 20}));
        gpu::flip(x, 1) = gpu_test::make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        EXPECT_EQ(values_of(x), (std::vector<std::int32_t>{3, 2, 1, 6, 5, 4}));
        x += gpu::flip(x);  // overlapping views: NumPy reads x as it was
        EXPECT_EQ(values_of(x), (std::vector<std::int32_t>{7, 7, 7, 7, 7, 7}));

        expect_error<gpu::axis_error>([&] { gpu::flip(x, 2); }, "axis 2 is out of bounds for array of dimension 2");
        expect_error<gpu::value_error>([&] { gpu::flip(x, {0, -2}); }, "repeated axis");
    }
}

TEST(Diagonal, OffsetsAxesAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({3, 4});
        expect_arange(gpu::diagonal(a), {0, 5, 10});
        expect_arange(gpu::diagonal(a, 1), {1, 6, 11});
        expect_arange(gpu::diagonal(a, 3), {3});
        expect_arange(gpu::diagonal(a, -1), {4, 9});
        expect_arange(gpu::diagonal(a, -2), {8});
        EXPECT_EQ(gpu::diagonal(a, 4).shape(), (shape_t{0}));
        EXPECT_EQ(gpu::diagonal(a, -3).shape(), (shape_t{0}));
        EXPECT_EQ(gpu::diagonal(a, -1000000).shape(), (shape_t{0}));
        const auto d1 = gpu::diagonal(a, 1);
        EXPECT_EQ(d1.offset(), 1);
        EXPECT_EQ(d1.strides(), (strides_t{5}));
        expect_arange(gpu::diagonal(a, 0, 1, 0), {0, 5, 10});
        expect_arange(gpu::diagonal(a, 1, 1, 0), {4, 9});  // a.T's diagonal above the main one
        expect_arange(gpu::diagonal(a, 0, -1, -2), {0, 5, 10});

        // NumPy's documentation example: a = np.arange(8).reshape(2,2,2); a.diagonal(0, 0, 1).
        const auto c = arange<std::int32_t>({2, 2, 2});
        const auto dc = gpu::diagonal(c, 0, 0, 1);
        EXPECT_EQ(dc.shape(), (shape_t{2, 2}));
        EXPECT_EQ(dc.strides(), (strides_t{1, 6}));
        expect_arange(dc, {0, 6, 1, 7});
        expect_arange(gpu::diagonal(c, 0, 1, 2), {0, 3, 4, 7});

        // Strided and expression inputs; a writable view.
        expect_arange(gpu::diagonal(view(a, {3, 2}, {4, 2}, 0)), {0, 6});  // a[:, ::2]
        EXPECT_EQ(values_of(gpu::diagonal(a + a)), (std::vector<std::int32_t>{0, 10, 20}));
        const auto sq = arange<std::int32_t>({3, 3});
        gpu::diagonal(sq) = 0;
        EXPECT_EQ(values_of(sq), (std::vector<std::int32_t>{0, 1, 2, 3, 0, 5, 6, 7, 0}));
        const gpu::ndarray<float> e(shape_t{0, 3});
        EXPECT_EQ(gpu::diagonal(e).shape(), (shape_t{0}));

        expect_error<gpu::value_error>([&] { gpu::diagonal(arange<std::int32_t>({3})); },
                                       "diag requires an array of at least two dimensions");
        expect_error<gpu::value_error>([&] { gpu::diagonal(a, 0, 1, -1); }, "axis1 and axis2 cannot be the same");
        expect_error<gpu::axis_error>([&] { gpu::diagonal(a, 0, 0, 2); },
                                      "axis2: axis 2 is out of bounds for array of dimension 2");
        expect_error<gpu::axis_error>([&] { gpu::diagonal(a, 0, -3, 1); },
                                      "axis1: axis -3 is out of bounds for array of dimension 2");
    }
}

}  // namespace
