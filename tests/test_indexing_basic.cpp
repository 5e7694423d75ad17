// Basic indexing, a(1, gpu::slice(0, 10, 2), gpu::newaxis, gpu::ellipsis) for NumPy's
// a[1, 0:10:2, None, ...]: shapes, strides and offsets (in elements) and values of the views as
// NumPy 2.x gives them, over 1-D..4-D, negative steps, newaxis, the ellipsis in every position,
// 0-d results, empty slices, views of views, transposed and broadcast sources; views as operands
// and as destinations; every error message. Each body runs once per executor.
//
// Source arrays are gpu_test::arange (np.arange(n).reshape(shape)), holding arange_value<T>(i) at
// flat position i, so an expected view is written as the list of flat positions NumPy's a[...]
// selects, row-major.
#include "support.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace {

using gpu::ellipsis;
using gpu::newaxis;
using gpu::none;
using gpu::slice;
using gpu_test::arange;
using gpu_test::arange_value;
using gpu_test::expect_error;
using gpu_test::view;
using pos = std::vector<std::int64_t>;

// The elements of gpu_test::arange at the given flat positions.
template <class T>
std::vector<T> vals(const pos& positions) {
    std::vector<T> v;
    for (auto p : positions) v.push_back(arange_value<T>(p));
    return v;
}

// Checks a view against NumPy's: shape, strides and offset (in elements), the same buffer, the
// elements at the given flat positions of the source, and a copy made by the executor's own
// strided kernel.
template <class T>
void check_view(const gpu::ndarray<T>& got, const gpu::ndarray<T>& source, const gpu::shape_t& shape,
                const gpu::strides_t& strides, std::int64_t offset, const pos& positions) {
    EXPECT_EQ(gpu::to_string(got.shape()), gpu::to_string(shape));
    EXPECT_EQ(gpu::to_string(got.strides()), gpu::to_string(strides));
    EXPECT_EQ(got.offset(), offset);
    EXPECT_TRUE(gpu_test::shares(got, source)) << "basic indexing must give a view";
    EXPECT_EQ(got.where(), source.where());
    gpu_test::expect_values(gpu_test::values_of(got), vals<T>(positions));
    const gpu::ndarray<T> copied = got.copy();
    EXPECT_EQ(gpu::to_string(copied.shape()), gpu::to_string(shape));
    gpu_test::expect_values(gpu_test::values_of(copied), vals<T>(positions));
}

template <class T>
class IndexingBasic : public ::testing::Test {};
using indexing_dtypes =
    ::testing::Types<bool, std::int8_t, std::uint16_t, std::int32_t, std::int64_t, float, double>;
TYPED_TEST_SUITE(IndexingBasic, indexing_dtypes, gpu_test::dtype_names);

TYPED_TEST(IndexingBasic, OneDimensional) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({10});
        check_view(a(3), a, {}, {}, 3, {3});
        check_view(a(-1), a, {}, {}, 9, {9});
        check_view(a(std::uint8_t{4}), a, {}, {}, 4, {4});
        check_view(a(slice(2, 8, 2)), a, {3}, {2}, 2, {2, 4, 6});
        check_view(a(slice(none, none, -1)), a, {10}, {-1}, 9, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
        check_view(a(slice(8, 2, -2)), a, {3}, {-2}, 8, {8, 6, 4});
        check_view(a(slice(-3, none)), a, {3}, {1}, 7, {7, 8, 9});
        check_view(a(slice(3)), a, {3}, {1}, 0, {0, 1, 2});                      // a[:3]
        check_view(a(slice(-100, 100)), a, {10}, {1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(a(slice(100, none, -3)), a, {4}, {-3}, 9, {9, 6, 3, 0});     // start clips to 9
        check_view(a(slice(5, -100, -4)), a, {2}, {-4}, 5, {5, 1});
        check_view(a(slice(1, none, 100)), a, {1}, {100}, 1, {1});
        check_view(a(gpu::colon), a, {10}, {1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(a(), a, {10}, {1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(a(ellipsis), a, {10}, {1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(a(newaxis), a, {1, 10}, {0, 1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});  // NumPy: stride 0
        check_view(a(slice(none, 4), newaxis), a, {4, 1}, {1, 0}, 0, {0, 1, 2, 3});
        check_view(a(ellipsis, slice(1, 3), newaxis), a, {2, 1}, {1, 0}, 1, {1, 2});
    }
}

TYPED_TEST(IndexingBasic, TwoDimensional) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto b = arange<T>({3, 4});  // strides (4, 1)
        check_view(b(1), b, {4}, {1}, 4, {4, 5, 6, 7});
        check_view(b(gpu::colon, 2), b, {3}, {4}, 2, {2, 6, 10});
        check_view(b(-1, -1), b, {}, {}, 11, {11});
        check_view(b(std::size_t{2}, short{-4}), b, {}, {}, 8, {8});
        check_view(b(slice(none, none, -1), slice(1, none, 2)), b, {3, 2}, {-4, 2}, 9, {9, 11, 5, 7, 1, 3});
        check_view(b(slice(none, none, 2), slice(none, none, -1)), b, {2, 4}, {8, -1}, 3, {3, 2, 1, 0, 11, 10, 9, 8});
        check_view(b(newaxis, slice(1, 3), newaxis, 1), b, {1, 2, 1}, {0, 4, 0}, 5, {5, 9});
        check_view(b(slice(-2, none), newaxis), b, {2, 1, 4}, {4, 0, 1}, 4, {4, 5, 6, 7, 8, 9, 10, 11});
        // The ellipsis first, between, last, standing for 0, 1 or 2 axes.
        check_view(b(ellipsis, 1), b, {3}, {4}, 1, {1, 5, 9});
        check_view(b(1, ellipsis), b, {4}, {1}, 4, {4, 5, 6, 7});
        check_view(b(ellipsis, 1, 2), b, {}, {}, 6, {6});
        check_view(b(1, ellipsis, 2), b, {}, {}, 6, {6});
        check_view(b(1, 2, ellipsis), b, {}, {}, 6, {6});
        check_view(b(ellipsis, newaxis), b, {3, 4, 1}, {4, 1, 0}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        check_view(b(newaxis, ellipsis, slice(none, none, -3)), b, {1, 3, 2}, {0, 4, -3}, 3, {3, 0, 7, 4, 11, 8});
    }
}

TYPED_TEST(IndexingBasic, ThreeAndFourDimensional) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto c = arange<T>({2, 3, 4});  // strides (12, 4, 1)
        check_view(c(ellipsis, slice(none, none, -2)), c, {2, 3, 2}, {12, 4, -2}, 3,
                   {3, 1, 7, 5, 11, 9, 15, 13, 19, 17, 23, 21});
        check_view(c(1, ellipsis), c, {3, 4}, {4, 1}, 12, {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
        check_view(c(gpu::colon, ellipsis, 0), c, {2, 3}, {12, 4}, 0, {0, 4, 8, 12, 16, 20});
        check_view(c(-1, newaxis, ellipsis, slice(1, 3)), c, {1, 3, 2}, {0, 4, 1}, 13, {13, 14, 17, 18, 21, 22});
        check_view(c(0, 1), c, {4}, {1}, 4, {4, 5, 6, 7});  // the missing trailing index is `...`
        check_view(c(slice(none, none, -1), 2, slice(none, none, -1)), c, {2, 4}, {-12, -1}, 23,
                   {23, 22, 21, 20, 11, 10, 9, 8});

        const auto d = arange<T>({2, 3, 4, 5});  // strides (60, 20, 5, 1)
        check_view(d(1, ellipsis, 2), d, {3, 4}, {20, 5}, 62,
                   {62, 67, 72, 77, 82, 87, 92, 97, 102, 107, 112, 117});
        check_view(d(gpu::colon, -1, slice(none, none, 3), slice(1, 4, 2)), d, {2, 2, 2}, {60, 15, 2}, 41,
                   {41, 43, 56, 58, 101, 103, 116, 118});
        check_view(d(1, 2, 3, 4), d, {}, {}, 119, {119});
        check_view(d(-1, slice(none, none, -1), newaxis, 0, slice(none, none, -4)), d, {3, 1, 2}, {-20, 0, -4}, 104,
                   {104, 100, 84, 80, 64, 60});
        const auto e = d(newaxis, ellipsis, newaxis);
        EXPECT_EQ(gpu::to_string(e.shape()), "(1,2,3,4,5,1)");
        EXPECT_EQ(gpu::to_string(e.strides()), "(0,60,20,5,1,0)");
        EXPECT_EQ(e.offset(), 0);
    }
}

TYPED_TEST(IndexingBasic, ViewsOfViews) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({10});
        const auto tail = a(slice(1, none));
        check_view(tail, a, {9}, {1}, 1, {1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(tail(slice(none, none, -2)), a, {5}, {-2}, 9, {9, 7, 5, 3, 1});
        check_view(a(slice(none, none, -1))(slice(none, none, -1)), a, {10}, {1}, 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        check_view(a(slice(none, none, 3))(slice(1, none, 2)), a, {2}, {6}, 3, {3, 9});

        const auto b = arange<T>({3, 4});
        check_view(b(slice(none, none, -1))(slice(1, none), slice(none, none, -1)), b, {2, 4}, {-4, -1}, 7,
                   {7, 6, 5, 4, 3, 2, 1, 0});
        const auto c = arange<T>({2, 3, 4});
        check_view(c(1)(slice(none, none, 2), -1), c, {2}, {8}, 15, {15, 23});
        check_view(c(newaxis)(0, ellipsis, 1)(slice(1, none), newaxis), c, {1, 1, 3}, {12, 0, 4}, 13, {13, 17, 21});
    }
}

// Transposed and broadcast sources, made with the view constructor.
TYPED_TEST(IndexingBasic, TransposedAndBroadcastSources) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto b = arange<T>({3, 4});
        const auto bt = view(b, {4, 3}, {1, 4}, 0);  // b.T: bt[i, j] = 4 j + i
        check_view(bt(1), b, {3}, {4}, 1, {1, 5, 9});
        check_view(bt(slice(none, none, -1), slice(0, 2)), b, {4, 2}, {-1, 4}, 3, {3, 7, 2, 6, 1, 5, 0, 4});
        check_view(bt(ellipsis, 2), b, {4}, {1}, 8, {8, 9, 10, 11});

        const auto c = arange<T>({2, 3, 4});
        const auto ct = view(c, {4, 3, 2}, {1, 4, 12}, 0);  // c.T
        check_view(ct(1, slice(none, none, -1)), c, {3, 2}, {-4, 12}, 9, {9, 21, 5, 17, 1, 13});
        check_view(ct(slice(1, 3), newaxis, -1, ellipsis), c, {2, 1, 2}, {1, 0, 12}, 9, {9, 21, 10, 22});

        const auto a = arange<T>({10});
        const auto rows = view(a, {3, 10}, {0, 1}, 0);  // np.broadcast_to(a, (3, 10))
        check_view(rows(slice(none, none, -1), 4), a, {3}, {0}, 4, {4, 4, 4});
        check_view(rows(slice(1, none), slice(8, none)), a, {2, 2}, {0, 1}, 8, {8, 9, 8, 9});
    }
}

TYPED_TEST(IndexingBasic, ZeroDimensional) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto z = gpu_test::make<T>({arange_value<T>(6)}, gpu::shape_t{});
        check_view(z(), z, {}, {}, 0, {6});
        check_view(z(ellipsis), z, {}, {}, 0, {6});
        check_view(z(newaxis), z, {1}, {0}, 0, {6});
        check_view(z(ellipsis, newaxis, newaxis), z, {1, 1}, {0, 0}, 0, {6});
        const auto a = arange<T>({10});
        check_view(a(7)(), a, {}, {}, 7, {7});
        check_view(a(7)(newaxis), a, {1}, {0}, 7, {7});
    }
}

// Empty results are allowed; where NumPy's start lies outside the axis, the view's offset is
// the nearest element instead (NumPy's a[10:] of 10 elements points one past the end), so no
// view ever points outside its buffer. Shape and strides are NumPy's.
TYPED_TEST(IndexingBasic, EmptySlices) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({10});
        check_view(a(slice(5, 5)), a, {0}, {1}, 5, {});
        check_view(a(slice(7, 2)), a, {0}, {1}, 7, {});
        check_view(a(slice(2, 7, -1)), a, {0}, {-1}, 2, {});
        check_view(a(slice(10, none)), a, {0}, {1}, 9, {});            // NumPy's offset: 10
        check_view(a(slice(100, 200, 3)), a, {0}, {3}, 9, {});         // NumPy's offset: 10
        check_view(a(slice(-20, -15, -1)), a, {0}, {-1}, 0, {});       // NumPy's offset: -1
        check_view(a(slice(none, 9, -1))(slice(none, none, -1)), a, {0}, {1}, 9, {});
        const auto b = arange<T>({3, 4});
        check_view(b(slice(1, 1), gpu::colon), b, {0, 4}, {4, 1}, 4, {});
        check_view(b(gpu::colon, slice(4, none)), b, {3, 0}, {4, 1}, 3, {});   // NumPy's offset: 4
        check_view(b(slice(2, 0), 1), b, {0}, {4}, 9, {});
        check_view(b(slice(5, none))(slice(none, none, -1), newaxis), b, {0, 1, 4}, {-4, 0, 1}, 8, {});

        const auto e = gpu_test::make<T>({}, {0, 3});
        check_view(e(gpu::colon, 1), e, {0}, {3}, 1, {});
        check_view(e(slice(none, none, -1)), e, {0, 3}, {-3, 1}, 0, {});
        check_view(e(newaxis, ellipsis, -1), e, {1, 0}, {0, 3}, 2, {});
    }
    // A default-constructed array, shape (0,), has no buffer at all.
    const gpu::ndarray<T> none_yet;
    EXPECT_EQ(gpu::to_string(none_yet(gpu::colon).shape()), "(0,)");
    EXPECT_EQ(gpu::to_string(none_yet(newaxis, slice(none, none, -1)).shape()), "(1,0)");
}

// Views as operands of expressions.
template <class T>
class IndexingOperands : public ::testing::Test {};
using operand_dtypes = ::testing::Types<std::int8_t, std::uint16_t, std::int32_t, std::int64_t, float, double>;
TYPED_TEST_SUITE(IndexingOperands, operand_dtypes, gpu_test::dtype_names);

TYPED_TEST(IndexingOperands, ViewsInExpressions) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make<T>({1, 4, 9, 16, 25});
        const auto diff = gpu::eval(a(slice(1, none)) - a(slice(none, -1)));  // np.diff
        EXPECT_EQ(gpu::to_string(diff.shape()), "(4,)");
        gpu_test::expect_values(gpu_test::values_of(diff), std::vector<T>{3, 5, 7, 9});
        const auto sym = gpu::eval(a(slice(none, none, -1)) + a);
        gpu_test::expect_values(gpu_test::values_of(sym), std::vector<T>{26, 20, 18, 20, 26});

        const auto b = gpu_test::make<T>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
        const auto bt = view(b, {4, 3}, {1, 4}, 0);
        // b[::-1, 1:3].T - b[0, 1:3][:, None]: (2,3) - (2,1)
        const auto d = gpu::eval(bt(slice(1, 3), slice(none, none, -1)) - b(0, slice(1, 3), newaxis));
        EXPECT_EQ(gpu::to_string(d.shape()), "(2,3)");
        gpu_test::expect_values(gpu_test::values_of(d), std::vector<T>{8, 4, 0, 8, 4, 0});
    }
}

// Views as destinations: assignment to the temporary view writes into the indexed array.
TYPED_TEST(IndexingBasic, ViewsAsDestinations) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        {
            auto a = gpu_test::make<T>(std::vector<T>(12, T(0)));
            const auto b = arange<T>({10});
            a(slice(0, 10)) = b * 2;
            std::vector<T> want(12, T(0));
            for (int i = 0; i < 10; ++i) want[i] = static_cast<T>(2 * static_cast<int>(arange_value<T>(i)));
            gpu_test::expect_values(gpu_test::values_of(a), want);
        }
        {
            const auto m = arange<T>({3, 4});
            m(gpu::colon, 0) = 7;  // writes through a const handle, as NumPy's m[:, 0] = 7
            auto want = vals<T>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            want[0] = want[4] = want[8] = T(7);
            gpu_test::expect_values(gpu_test::values_of(m), want);
        }
        {
            auto m = gpu_test::make<T>(std::vector<T>(20, T(0)), {4, 5});
            const auto row = gpu_test::make<T>(vals<T>({1, 2, 3}));
            m(slice(1, none, 2), slice(1, 4)) = row;  // broadcast (3,) into the (2,3) view
            std::vector<T> want(20, T(0));
            for (int r : {1, 3})
                for (int k = 0; k < 3; ++k) want[r * 5 + 1 + k] = arange_value<T>(k + 1);
            gpu_test::expect_values(gpu_test::values_of(m), want);
        }
        {
            auto v = gpu_test::make<T>(std::vector<T>(6, T(0)));
            v(slice(none, none, -1)) = gpu_test::make<T>(vals<T>({10, 20, 30, 40, 50, 60}));
            gpu_test::expect_values(gpu_test::values_of(v), vals<T>({60, 50, 40, 30, 20, 10}));
        }
        {
            auto m = gpu_test::make<T>(std::vector<T>(12, T(0)), {3, 4});
            m(slice(none, none, -1), slice(none, none, -2)) = arange<T>({3, 2}) + gpu_test::make<T>({T(1)});
            // m[::-1, ::-2] = arange(6).reshape(3, 2) + 1  (for bool: or True)
            const T z = T(0);
            const auto one = [](int i) { return std::is_same_v<T, bool> ? T(1) : static_cast<T>(i); };
            gpu_test::expect_values(gpu_test::values_of(m),
                                    std::vector<T>{z, one(6), z, one(5), z, one(4), z, one(3), z, one(2), z, one(1)});
        }
        {
            const auto b = arange<T>({3, 4});
            const auto bt = view(b, {4, 3}, {1, 4}, 0);
            bt(0) = arange_value<T>(9);   // b.T[0] = 9 is b[:, 0] = 9
            b(1, 2) = arange_value<T>(5);  // a 0-d view
            b(2, newaxis, slice(1, 3)) = gpu_test::make<T>(vals<T>({4, 3}), {1, 2});
            auto want = vals<T>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            want[0] = want[4] = want[8] = arange_value<T>(9);
            want[6] = arange_value<T>(5);
            want[9] = arange_value<T>(4);
            want[10] = arange_value<T>(3);
            gpu_test::expect_values(gpu_test::values_of(b), want);
        }
        {
            // NumPy's a[1:] = a[:-1] reads all of a[:-1] before writing (overlap).
            const auto a = arange<T>({5});
            a(slice(1, none)) = a(slice(none, -1));
            gpu_test::expect_values(gpu_test::values_of(a), vals<T>({0, 0, 1, 2, 3}));
        }
    }
}

// ---- errors, with NumPy's messages ---------------------------------------------------------

TEST(IndexingErrors, Messages) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<float>({3});
        const auto b = arange<std::int32_t>({3, 4});
        const auto z = gpu_test::make<double>({1.5}, gpu::shape_t{});
        const auto e = gpu_test::make<float>({}, {0});
        using gpu::index_error;
        expect_error<index_error>([&] { a(5); }, "index 5 is out of bounds for axis 0 with size 3");
        expect_error<index_error>([&] { a(3); }, "index 3 is out of bounds for axis 0 with size 3");
        expect_error<index_error>([&] { a(-4); }, "index -4 is out of bounds for axis 0 with size 3");
        expect_error<index_error>([&] { a(std::int8_t{-100}); }, "index -100 is out of bounds for axis 0 with size 3");
        expect_error<index_error>([&] { a(std::numeric_limits<std::uint64_t>::max()); },
                                  "index 18446744073709551615 is out of bounds for axis 0 with size 3");
        expect_error<index_error>([&] { e(0); }, "index 0 is out of bounds for axis 0 with size 0");
        expect_error<index_error>([&] { b(0, 4); }, "index 4 is out of bounds for axis 1 with size 4");
        // The axis named is the indexed array's, whatever newaxis or the ellipsis did before it.
        expect_error<index_error>([&] { b(newaxis, 0, -5); }, "index -5 is out of bounds for axis 1 with size 4");
        expect_error<index_error>([&] { b(ellipsis, 7); }, "index 7 is out of bounds for axis 1 with size 4");
        expect_error<index_error>([&] { b(slice(1, 2), newaxis, 9); },
                                  "index 9 is out of bounds for axis 1 with size 4");
        expect_error<index_error>([&] { b(3)(0); }, "index 3 is out of bounds for axis 0 with size 3");

        expect_error<index_error>([&] { b(0, 0, 0); },
                                  "too many indices for array: array is 2-dimensional, but 3 were indexed");
        expect_error<index_error>([&] { b(0, newaxis, slice(1, 2), ellipsis, gpu::colon); },
                                  "too many indices for array: array is 2-dimensional, but 3 were indexed");
        expect_error<index_error>([&] { z(0); },
                                  "too many indices for array: array is 0-dimensional, but 1 were indexed");
        expect_error<index_error>([&] { a(gpu::colon, 0)(0); },
                                  "too many indices for array: array is 1-dimensional, but 2 were indexed");
        // Counted before any index is checked: b[9, 9, 9] is "too many", not "out of bounds".
        expect_error<index_error>([&] { b(9, 9, 9); },
                                  "too many indices for array: array is 2-dimensional, but 3 were indexed");

        expect_error<index_error>([&] { b(ellipsis, ellipsis); }, "an index can only have a single ellipsis ('...')");
        expect_error<index_error>([&] { z(ellipsis, newaxis, ellipsis); },
                                  "an index can only have a single ellipsis ('...')");
        // The ellipsis is rejected while parsing, before the count.
        expect_error<index_error>([&] { a(ellipsis, 0, 0, ellipsis); },
                                  "an index can only have a single ellipsis ('...')");

        expect_error<gpu::value_error>([&] { a(slice(0, 3, 0)); }, "slice step cannot be zero");
        expect_error<gpu::value_error>([&] { e(slice(none, none, 0)); }, "slice step cannot be zero");
        expect_error<gpu::value_error>([&] { b(1, slice(none, none, std::uint8_t{0})); }, "slice step cannot be zero");
    }
}

// Python's slice(start, stop, step).indices(n), and the length len(range(*indices)).
TEST(IndexingSliceIndices, MatchesPython) {
    struct row {
        gpu::slice s;
        std::int64_t n, start, step, length;
    };
    constexpr auto min = std::numeric_limits<std::int64_t>::min();
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    const row rows[] = {
        {slice(), 5, 0, 1, 5},
        {slice(none, none, -1), 5, 4, -1, 5},
        {slice(-100, 100), 5, 0, 1, 5},
        {slice(100, none, -3), 10, 9, -3, 4},
        {slice(2, none), 0, 0, 1, 0},
        {slice(none, none, -1), 0, -1, -1, 0},
        {slice(3, 1), 5, 3, 1, 0},
        {slice(-2, none, 2), 5, 3, 2, 1},
        {slice(none, none, min), 5, 4, -max, 1},
        {slice(none, none, max), 5, 0, max, 1},
        {slice(min, max), 5, 0, 1, 5},
        {slice(max, min, -1), 5, 4, -1, 5},
        {slice(std::numeric_limits<std::uint64_t>::max()), 5, 0, 1, 5},
        {slice(-1, -6, -2), 5, 4, -2, 3},
        {slice(1, -1), 2, 1, 1, 0},
    };
    for (const row& r : rows) {
        const auto got = gpu::detail::slice_indices(r.s, r.n);
        SCOPED_TRACE("row with n=" + std::to_string(r.n) + " start=" + std::to_string(r.start));
        EXPECT_EQ(got.start, r.start);
        EXPECT_EQ(got.step, r.step);
        EXPECT_EQ(got.length, r.length);
    }
}

TEST(IndexingTokens, Spelling) {
    static_assert(!gpu::colon.start().given() && !gpu::colon.stop().given() && !gpu::colon.step().given());
    static_assert(!slice(3).start().given() && slice(3).stop().value() == 3);
    static_assert(slice(2, none).start().value() == 2 && !slice(2, none).stop().given());
    static_assert(slice(none, none, -1).step().value() == -1);
    static_assert(slice(1, 9, std::size_t{2}).step().value() == 2);
    static_assert(std::is_same_v<decltype(gpu::newaxis), decltype(gpu::none)>, "np.newaxis is None");
    SUCCEED();
}

}  // namespace
