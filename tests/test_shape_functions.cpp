// Shape functions, part 1: reshape, ravel, flatten, transpose, swapaxes, moveaxis. Expected
// shapes, strides (in elements), values and view-or-copy are NumPy 2.x's: a view shares
// a.buffer(), a copy does not. Inputs cover contiguous, transposed, sliced (with negative steps),
// broadcast (stride 0), 0-d and empty arrays; the results are used as operands and as
// assignment destinations. Part 2 (squeeze ... diagonal) is test_shape_functions_dims.cpp.
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
class ShapeFunctions : public ::testing::Test {};
TYPED_TEST_SUITE(ShapeFunctions, gpu_test::sample_dtypes, gpu_test::dtype_names);

// ---- every dtype --------------------------------------------------------------------------------

TYPED_TEST(ShapeFunctions, ReshapeViewsAndCopies) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3});
        const auto r = a.reshape({3, -1});
        EXPECT_EQ(r.shape(), (shape_t{3, 2}));
        EXPECT_EQ(r.strides(), (strides_t{2, 1}));
        EXPECT_TRUE(shares(r, a));
        expect_arange(r, {0, 1, 2, 3, 4, 5});
        // a.T is (3,2) with strides (1,3): no strides walk it row-major as (6,), so a copy.
        const auto f = a.T().reshape({6});
        EXPECT_FALSE(shares(f, a));
        EXPECT_TRUE(f.is_contiguous());
        expect_arange(f, {0, 3, 1, 4, 2, 5});
        expect_arange(gpu::reshape(a.T(), {2, 3}), {0, 3, 1, 4, 2, 5});
    }
}

TYPED_TEST(ShapeFunctions, RavelAndFlatten) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3});
        const auto r = a.ravel();
        EXPECT_TRUE(shares(r, a));
        EXPECT_EQ(r.shape(), (shape_t{6}));
        expect_arange(r, {0, 1, 2, 3, 4, 5});
        const auto rt = gpu::ravel(a.T());
        EXPECT_FALSE(shares(rt, a));
        expect_arange(rt, {0, 3, 1, 4, 2, 5});
        const auto f = a.flatten();  // a copy even of a contiguous array
        EXPECT_FALSE(shares(f, a));
        EXPECT_EQ(f.shape(), (shape_t{6}));
        expect_arange(f, {0, 1, 2, 3, 4, 5});
        expect_arange(a.T().flatten(), {0, 3, 1, 4, 2, 5});
    }
}

TYPED_TEST(ShapeFunctions, TransposeAndSwapaxes) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3, 4});
        const auto t = a.T();
        EXPECT_TRUE(shares(t, a));
        EXPECT_EQ(t.shape(), (shape_t{4, 3, 2}));
        EXPECT_EQ(t.strides(), (strides_t{1, 4, 12}));
        expect_arange(t, {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23});
        const auto p = a.transpose({1, 0, 2});
        EXPECT_EQ(p.shape(), (shape_t{3, 2, 4}));
        EXPECT_EQ(p.strides(), (strides_t{4, 12, 1}));
        expect_arange(p, {0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10, 11, 20, 21, 22, 23});
        const auto s = a.swapaxes(0, 2);
        EXPECT_EQ(s.shape(), (shape_t{4, 3, 2}));
        EXPECT_EQ(s.strides(), (strides_t{1, 4, 12}));
        expect_arange(s, {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23});
    }
}

// ---- reshape's no-copy rule (NumPy's _attempt_nocopy_reshape) -----------------------------------

TEST(Reshape, NonContiguousInputsThatStillGiveViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({2, 3, 4});
        const auto b = view(a, {2, 3, 2}, {12, 4, 2}, 0);  // a[:, :, ::2]
        const auto r1 = b.reshape({6, 2});
        EXPECT_TRUE(shares(r1, a));
        EXPECT_EQ(r1.strides(), (strides_t{4, 2}));
        expect_arange(r1, {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22});
        const auto r2 = b.reshape({-1});  // a view with stride 2, where ravel copies
        EXPECT_TRUE(shares(r2, a));
        EXPECT_EQ(r2.shape(), (shape_t{12}));
        EXPECT_EQ(r2.strides(), (strides_t{2}));
        const auto r3 = b.reshape({3, 4});
        EXPECT_EQ(r3.strides(), (strides_t{8, 2}));
        expect_arange(r3, {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22});
        const auto rv = b.ravel();
        EXPECT_FALSE(shares(rv, a));
        expect_arange(rv, {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22});

        // Transposed: splitting an axis is a view, merging the swapped axes is not.
        const auto t = arange<std::int32_t>({3, 4}).T();  // (4,3), strides (1,4)
        const auto tv = t.reshape({2, 2, 3});
        EXPECT_TRUE(shares(tv, t));
        EXPECT_EQ(tv.strides(), (strides_t{2, 1, 4}));
        expect_arange(tv, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
        const auto tc = t.reshape({12});
        EXPECT_FALSE(shares(tc, t));
        expect_arange(tc, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    }
}

TEST(Reshape, SlicedNegativeAndBroadcastInputs) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({3, 4});
        const auto cols = view(a, {3, 3}, {4, 1}, 0);  // a[:, :3]
        const auto same = cols.reshape({3, 3});  // unchanged shape: the same strides
        EXPECT_TRUE(shares(same, a));
        EXPECT_EQ(same.strides(), (strides_t{4, 1}));
        const auto ones = cols.reshape({3, 3, 1});  // trailing 1: the last stride
        EXPECT_TRUE(shares(ones, a));
        EXPECT_EQ(ones.strides(), (strides_t{4, 1, 1}));
        const auto flat = cols.reshape({9});
        EXPECT_FALSE(shares(flat, a));
        expect_arange(flat, {0, 1, 2, 4, 5, 6, 8, 9, 10});

        const auto rows_reversed = view(a, {3, 4}, {-4, 1}, 8);  // a[::-1]
        const auto rr = rows_reversed.reshape({3, 2, 2});
        EXPECT_TRUE(shares(rr, a));
        EXPECT_EQ(rr.strides(), (strides_t{-4, 2, 1}));
        EXPECT_EQ(rr.offset(), 8);
        expect_arange(rr, {8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3});
        const auto rf = rows_reversed.reshape({-1});
        EXPECT_FALSE(shares(rf, a));
        expect_arange(rf, {8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3});

        const auto line = arange<std::int32_t>({6});
        const auto back = view(line, {6}, {-1}, 5);  // line[::-1]
        const auto b23 = back.reshape({2, 3});
        EXPECT_TRUE(shares(b23, line));
        EXPECT_EQ(b23.strides(), (strides_t{-3, -1}));
        expect_arange(b23, {5, 4, 3, 2, 1, 0});

        const auto row = arange<std::int32_t>({3});
        const auto z = view(row, {4, 3}, {0, 1}, 0);  // np.broadcast_to(row, (4, 3))
        const auto z3 = z.reshape({2, 2, 3});
        EXPECT_TRUE(shares(z3, row));
        EXPECT_EQ(z3.strides(), (strides_t{0, 0, 1}));
        expect_arange(z3, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        const auto zf = z.reshape({12});
        EXPECT_FALSE(shares(zf, row));
        expect_arange(zf, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
    }
}

TEST(Reshape, ZeroDimensionalAndEmpty) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto s = gpu_test::make<double>({7.5}, shape_t{});
        const auto s11 = s.reshape({1, 1});
        EXPECT_TRUE(shares(s11, s));
        EXPECT_EQ(s11.shape(), (shape_t{1, 1}));
        EXPECT_EQ(s.reshape({-1}).shape(), (shape_t{1}));
        EXPECT_EQ(s11.reshape({}).shape(), shape_t{});
        EXPECT_EQ(values_of(s11.reshape({})), std::vector<double>{7.5});
        EXPECT_EQ(s.ravel().shape(), (shape_t{1}));
        EXPECT_TRUE(shares(s.ravel(), s));
        EXPECT_EQ(s.flatten().shape(), (shape_t{1}));
        EXPECT_EQ(values_of(s.flatten()), std::vector<double>{7.5});
        EXPECT_EQ(s.T().shape(), shape_t{});

        const gpu::ndarray<float> e(shape_t{0, 3});
        EXPECT_EQ(e.reshape({3, 0}).shape(), (shape_t{3, 0}));
        EXPECT_EQ(e.reshape({-1}).shape(), (shape_t{0}));
        EXPECT_EQ(e.ravel().shape(), (shape_t{0}));
        EXPECT_EQ(e.flatten().shape(), (shape_t{0}));
        EXPECT_EQ(e.T().shape(), (shape_t{3, 0}));
        EXPECT_EQ(gpu::ndarray<float>().reshape({0, 2}).shape(), (shape_t{0, 2}));  // no buffer at all
    }
}

TEST(Reshape, Errors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({6});
        expect_error<gpu::value_error>([&] { a.reshape({4}); }, "cannot reshape array of size 6 into shape (4,)");
        expect_error<gpu::value_error>([&] { a.reshape({4, -1}); },
                                       "cannot reshape array of size 6 into shape (4,newaxis)");
        // NumPy leaves leading unknowns out of the message (and then drops the 1-tuple comma).
        expect_error<gpu::value_error>([&] { a.reshape({-1, 4}); }, "cannot reshape array of size 6 into shape (4)");
        expect_error<gpu::value_error>([&] { a.T().reshape({2, -1, 4}); },
                                       "cannot reshape array of size 6 into shape (2,newaxis,4)");
        expect_error<gpu::value_error>([&] { a.reshape({-1, -1}); }, "can only specify one unknown dimension");
        expect_error<gpu::value_error>([&] { gpu::reshape(a, {2, 2, 2}); },
                                       "cannot reshape array of size 6 into shape (2,2,2)");
        const gpu::ndarray<float> e(shape_t{0, 3});
        expect_error<gpu::value_error>([&] { e.reshape({0, -1}); },
                                       "cannot reshape array of size 0 into shape (0,newaxis)");
        expect_error<gpu::value_error>([&] { e.reshape({-1, 0}); }, "cannot reshape array of size 0 into shape (0)");
        // With a zero among the known extents, NumPy refuses to infer the unknown one.
        expect_error<gpu::value_error>([&] { e.reshape({3, -1, 0}); },
                                       "cannot reshape array of size 0 into shape (3,newaxis,0)");
    }
}

// ---- transpose, swapaxes, moveaxis ------------------------------------------------------------

TEST(Transpose, ViewsOfViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({3, 4});
        const auto r = view(a, {3, 4}, {-4, 1}, 8);  // a[::-1]
        const auto rt = r.T();
        EXPECT_TRUE(shares(rt, a));
        EXPECT_EQ(rt.strides(), (strides_t{1, -4}));
        EXPECT_EQ(rt.offset(), 8);
        expect_arange(rt, {8, 4, 0, 9, 5, 1, 10, 6, 2, 11, 7, 3});
        const auto a3 = arange<std::int32_t>({2, 3, 4});
        EXPECT_EQ(gpu::transpose(a3, {-1, 0, 1}).strides(), (strides_t{1, 12, 4}));
        EXPECT_EQ(gpu::transpose(a3).shape(), (shape_t{4, 3, 2}));
        EXPECT_EQ(gpu::swapaxes(a3, -1, 0).strides(), (strides_t{1, 4, 12}));
        EXPECT_EQ(a3.swapaxes(1, 1).strides(), (strides_t{12, 4, 1}));
        const auto one = arange<std::int32_t>({5});
        EXPECT_EQ(one.T().shape(), (shape_t{5}));
        EXPECT_TRUE(shares(one.T(), one));
    }
}

TEST(Transpose, Errors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({2, 3, 4});
        expect_error<gpu::value_error>([&] { a.transpose({0, 1}); }, "axes don't match array");
        expect_error<gpu::axis_error>([&] { a.transpose({0, 1, 3}); },
                                      "axis 3 is out of bounds for array of dimension 3");
        expect_error<gpu::axis_error>([&] { gpu::transpose(a, {0, -4, 1}); },
                                      "axis -4 is out of bounds for array of dimension 3");
        expect_error<gpu::value_error>([&] { a.transpose({0, 2, -1}); }, "repeated axis in transpose");
        expect_error<gpu::axis_error>([&] { a.swapaxes(0, 3); }, "axis2: axis 3 is out of bounds for array of dimension 3");
        expect_error<gpu::axis_error>([&] { gpu::swapaxes(a, -4, 0); },
                                      "axis1: axis -4 is out of bounds for array of dimension 3");
    }
}

TEST(Moveaxis, ShapesStridesAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const gpu::ndarray<float> x(shape_t{3, 4, 5});  // NumPy's documentation example
        EXPECT_EQ(gpu::moveaxis(x, 0, -1).shape(), (shape_t{4, 5, 3}));
        EXPECT_EQ(gpu::moveaxis(x, 0, -1).strides(), (strides_t{5, 1, 20}));
        EXPECT_EQ(gpu::moveaxis(x, -1, 0).shape(), (shape_t{5, 3, 4}));
        EXPECT_EQ(gpu::moveaxis(x, {0, 1}, {-1, -2}).shape(), (shape_t{5, 4, 3}));
        EXPECT_EQ(gpu::moveaxis(x, {0, 1, 2}, {-1, -2, -3}).shape(), (shape_t{5, 4, 3}));
        EXPECT_EQ(gpu::moveaxis(x, {2, 0}, {0, 1}).strides(), (strides_t{1, 20, 5}));
        EXPECT_TRUE(shares(gpu::moveaxis(x, 1, 0), x));

        const auto a = arange<std::int32_t>({2, 3});
        expect_arange(gpu::moveaxis(a, 0, 1), {0, 3, 1, 4, 2, 5});

        expect_error<gpu::axis_error>([&] { gpu::moveaxis(x, 3, 0); },
                                      "source: axis 3 is out of bounds for array of dimension 3");
        expect_error<gpu::axis_error>([&] { gpu::moveaxis(x, 0, -4); },
                                      "destination: axis -4 is out of bounds for array of dimension 3");
        expect_error<gpu::value_error>([&] { gpu::moveaxis(x, {0, -3}, {1, 2}); },
                                       "repeated axis in `source` argument");
        expect_error<gpu::value_error>([&] { gpu::moveaxis(x, {0, 1}, {2, 2}); },
                                       "repeated axis in `destination` argument");
        expect_error<gpu::value_error>([&] { gpu::moveaxis(x, {0, 1}, {2}); },
                                       "`source` and `destination` arguments must have the same number of elements");
    }
}

// ---- results as operands and as destinations ---------------------------------------------------

TEST(ShapeViews, AsOperandsAndDestinations) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = arange<std::int32_t>({2, 3});
        const auto b = gpu_test::make<std::int32_t>({10, 20, 30, 40, 50, 60}, {3, 2});
        EXPECT_EQ(values_of(gpu::eval(a.T() + b)), (std::vector<std::int32_t>{10, 23, 31, 44, 52, 65}));
        EXPECT_EQ(values_of(gpu::eval(a.reshape({3, 2}) * 2)), (std::vector<std::int32_t>{0, 2, 4, 6, 8, 10}));
        // An expression argument is evaluated first.
        EXPECT_EQ(values_of(gpu::reshape(a + a, {6})), (std::vector<std::int32_t>{0, 2, 4, 6, 8, 10}));
        EXPECT_EQ(values_of(gpu::transpose(a * 1)), (std::vector<std::int32_t>{0, 3, 1, 4, 2, 5}));

        a.T() = b;  // writes a through the view
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>{10, 30, 50, 20, 40, 60}));
        a.reshape({3, 2}) = b;
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>{10, 20, 30, 40, 50, 60}));
        a.ravel() = 0;
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>(6, 0)));
        a.flatten() = 5;  // a copy: a is unchanged
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>(6, 0)));
        gpu::moveaxis(a, 0, 1) = b;
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>{10, 30, 50, 20, 40, 60}));
        a.swapaxes(0, 1) += b;
        EXPECT_EQ(values_of(a), (std::vector<std::int32_t>{20, 60, 100, 40, 80, 120}));

        // In-place through a transposed view of itself (NumPy reads the operand as it was).
        auto sq = arange<float>({2, 2});
        sq += sq.T();
        EXPECT_EQ(values_of(sq), (std::vector<float>{0, 3, 3, 6}));
    }
}

}  // namespace
