// split / array_split (views), tile, repeat (a scalar count and per-element counts) and roll
// (one axis, several axes, axis=None, negative and large shifts). Values as NumPy gives them, for
// several dtypes, over contiguous, transposed, negative-step, broadcast (stride 0), 0-d and empty
// inputs; NumPy's error messages. Every body runs on every executor.
#include "support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

// Inputs are gpu_test::seq arrays: flat element i holds seq_value(base + i) (seq<T>(shape, 100)
// starts at 100), so the expected results below are lists of these indices.
using gpu_test::expect_seq;
using gpu_test::message_of;
using gpu_test::seq;
using gpu_test::values_of;
using gpu_test::view;

template <class T>
class Manip : public ::testing::Test {};
TYPED_TEST_SUITE(Manip, gpu_test::sample_dtypes, gpu_test::dtype_names);

// ---- split / array_split ---------------------------------------------------------------------

TYPED_TEST(Manip, SplitSections) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({6});
        const auto parts = gpu::split(a, 3);
        ASSERT_EQ(parts.size(), 3u);
        expect_seq(parts[0], {2}, {0, 1});
        expect_seq(parts[1], {2}, {2, 3});
        expect_seq(parts[2], {2}, {4, 5});
        for (const auto& p : parts) EXPECT_EQ(p.buffer(), a.buffer());  // views, as in NumPy
        const auto m = seq<T>({2, 6});
        const auto cols = gpu::split(m, 3, 1);
        ASSERT_EQ(cols.size(), 3u);
        expect_seq(cols[0], {2, 2}, {0, 1, 6, 7});
        expect_seq(cols[1], {2, 2}, {2, 3, 8, 9});
        expect_seq(cols[2], {2, 2}, {4, 5, 10, 11});
        const auto rows = gpu::split(m, 2, -2);
        ASSERT_EQ(rows.size(), 2u);
        expect_seq(rows[1], {1, 6}, {6, 7, 8, 9, 10, 11});
        // Transposed and negative-step inputs.
        const auto t = view(m, {6, 2}, {1, 6}, 0);  // m.T
        const auto tp = gpu::split(t, 3);
        expect_seq(tp[1], {2, 2}, {2, 8, 3, 9});
        const auto rev = view(a, {6}, {-1}, 5);
        const auto rp = gpu::split(rev, 2);
        expect_seq(rp[0], {3}, {5, 4, 3});
        expect_seq(rp[1], {3}, {2, 1, 0});
        // Empty: three empty pieces.
        const auto ep = gpu::split(seq<T>({0, 2}), 3);
        ASSERT_EQ(ep.size(), 3u);
        for (const auto& p : ep) expect_seq(p, {0, 2}, {});
    }
}

TYPED_TEST(Manip, ArraySplitAndIndices) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({7});
        const auto s = gpu::array_split(a, 3);  // [0,1,2] [3,4] [5,6]
        ASSERT_EQ(s.size(), 3u);
        expect_seq(s[0], {3}, {0, 1, 2});
        expect_seq(s[1], {2}, {3, 4});
        expect_seq(s[2], {2}, {5, 6});
        const auto few = gpu::array_split(seq<T>({2}), 3);  // [0] [1] []
        ASSERT_EQ(few.size(), 3u);
        expect_seq(few[2], {0}, {});
        const auto b = seq<T>({10});
        const auto p = gpu::split(b, {3, -2});  // [:3] [3:-2] [-2:]
        ASSERT_EQ(p.size(), 3u);
        expect_seq(p[0], {3}, {0, 1, 2});
        expect_seq(p[1], {5}, {3, 4, 5, 6, 7});
        expect_seq(p[2], {2}, {8, 9});
        const auto q = gpu::array_split(b, {5, 3, 20});  // [:5] [5:3] [3:20] [20:]
        ASSERT_EQ(q.size(), 4u);
        expect_seq(q[0], {5}, {0, 1, 2, 3, 4});
        expect_seq(q[1], {0}, {});
        expect_seq(q[2], {7}, {3, 4, 5, 6, 7, 8, 9});
        expect_seq(q[3], {0}, {});
        const std::vector<std::int64_t> one{2};
        const auto r = gpu::split(seq<T>({2, 3}), one, 1);  // indices, not sections
        ASSERT_EQ(r.size(), 2u);
        expect_seq(r[0], {2, 2}, {0, 1, 3, 4});
        expect_seq(r[1], {2, 1}, {2, 5});
        const auto whole = gpu::split(b, std::vector<std::int64_t>{});
        ASSERT_EQ(whole.size(), 1u);
        expect_seq(whole[0], {10}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }
}

TEST(ManipInt, SplitPiecesAreViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make<std::int32_t>({1, 2, 3, 4});
        auto parts = gpu::split(a, 2);
        parts[1].assign(std::int32_t{9});
        gpu_test::expect_values<std::int32_t>(values_of(a), {1, 2, 9, 9});
    }
}

// ---- tile ------------------------------------------------------------------------------------

TYPED_TEST(Manip, Tile) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({3});
        expect_seq(gpu::tile(a, 2), {6}, {0, 1, 2, 0, 1, 2});
        expect_seq(gpu::tile(a, {2, 2}), {2, 6}, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        expect_seq(gpu::tile(a, {2, 1, 2}), {2, 1, 6}, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        const auto b = seq<T>({2, 2});
        expect_seq(gpu::tile(b, 2), {2, 4}, {0, 1, 0, 1, 2, 3, 2, 3});
        expect_seq(gpu::tile(b, {2, 1}), {4, 2}, {0, 1, 2, 3, 0, 1, 2, 3});
        expect_seq(gpu::tile(b, {1, 1}), {2, 2}, {0, 1, 2, 3});
        expect_seq(gpu::tile(b, {2, 3}), {4, 6},
                     {0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3, 0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3});
        // Transposed, negative-step and broadcast inputs.
        expect_seq(gpu::tile(view(b, {2, 2}, {1, 2}, 0), {1, 2}), {2, 4}, {0, 2, 0, 2, 1, 3, 1, 3});
        expect_seq(gpu::tile(view(a, {3}, {-1}, 2), 2), {6}, {2, 1, 0, 2, 1, 0});
        expect_seq(gpu::tile(view(a, {2, 3}, {0, 1}, 0), {2, 1}), {4, 3}, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        // 0-d and empty.
        const auto s = seq<T>({}, 7);
        expect_seq(gpu::tile(s, 3), {3}, {7, 7, 7});
        expect_seq(gpu::tile(s, gpu::dims{}), {}, {7});
        expect_seq(gpu::tile(s, {2, 2}), {2, 2}, {7, 7, 7, 7});
        expect_seq(gpu::tile(a, 0), {0}, {});
        expect_seq(gpu::tile(seq<T>({0, 2}), {3, 2}), {0, 4}, {});
        const auto c = gpu::tile(a, 1);
        EXPECT_NE(c.buffer(), a.buffer());  // always a copy
    }
}

// A 9-D tile repeating every axis needs 18 view axes, more than max_ndim: it still works (by
// looping over the outermost ones).
TEST(ManipInt, TileHighRank) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const gpu::shape_t shape = gpu::dims::filled(9, 2);
        const auto a = seq<std::int32_t>(shape);
        const auto r = gpu::tile(a, gpu::dims::filled(9, 2));
        ASSERT_EQ(gpu::to_string(r.shape()), gpu::to_string(gpu::dims::filled(9, 4)));
        // Element (i0..i8) of the result is a's element (i0 % 2, ..., i8 % 2).
        std::vector<std::int64_t> expected;
        for (std::int64_t flat = 0; flat < r.size(); ++flat) {
            std::int64_t rest = flat, src = 0, weight = 1;
            for (int d = 8; d >= 0; --d, rest /= 4, weight *= 2) src += (rest % 4 % 2) * weight;
            expected.push_back(src);
        }
        expect_seq(r, r.shape(), expected);
        expect_seq(gpu::repeat(a, 2, 3), {2, 2, 2, 4, 2, 2, 2, 2, 2}, [&] {
            std::vector<std::int64_t> v;  // a's elements, each repeated along axis 3
            for (std::int64_t flat = 0; flat < 1024; ++flat) {
                const std::int64_t lo = flat % 32, hi = flat / 32;  // axes 4..8 | axes 0..3 (axis 3 of extent 4)
                v.push_back((hi / 4 * 2 + hi % 4 / 2) * 32 + lo);
            }
            return v;
        }());
    }
}

// ---- repeat ----------------------------------------------------------------------------------

TYPED_TEST(Manip, RepeatScalar) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({3}), b = seq<T>({2, 2});
        expect_seq(gpu::repeat(a, 2), {6}, {0, 0, 1, 1, 2, 2});
        expect_seq(gpu::repeat(b, 2), {8}, {0, 0, 1, 1, 2, 2, 3, 3});
        expect_seq(gpu::repeat(b, 2, 0), {4, 2}, {0, 1, 0, 1, 2, 3, 2, 3});
        expect_seq(gpu::repeat(b, 2, 1), {2, 4}, {0, 0, 1, 1, 2, 2, 3, 3});
        expect_seq(gpu::repeat(b, 3, -2), {6, 2}, {0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3});
        expect_seq(gpu::repeat(b, 1, 0), {2, 2}, {0, 1, 2, 3});
        // Transposed (axis=None ravels it), negative-step and broadcast inputs.
        const auto t = view(b, {2, 2}, {1, 2}, 0);  // [[0,2],[1,3]]
        expect_seq(gpu::repeat(t, 2), {8}, {0, 0, 2, 2, 1, 1, 3, 3});
        expect_seq(gpu::repeat(t, 2, 1), {2, 4}, {0, 0, 2, 2, 1, 1, 3, 3});
        expect_seq(gpu::repeat(view(a, {3}, {-1}, 2), 2), {6}, {2, 2, 1, 1, 0, 0});
        expect_seq(gpu::repeat(view(a, {2, 3}, {0, 1}, 0), 2, 0), {4, 3}, {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        // 0-d and empty.
        expect_seq(gpu::repeat(seq<T>({}, 7), 3), {3}, {7, 7, 7});
        expect_seq(gpu::repeat(a, 0), {0}, {});
        expect_seq(gpu::repeat(b, 0, 1), {2, 0}, {});
        expect_seq(gpu::repeat(seq<T>({0, 2}), 4, 1), {0, 8}, {});
    }
}

TYPED_TEST(Manip, RepeatPerElement) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({4}), b = seq<T>({2, 2});
        expect_seq(gpu::repeat(a, {0, 2, 2, 1}), {5}, {1, 1, 2, 2, 3});
        expect_seq(gpu::repeat(a, {1, 2, 3, 0}, 0), {6}, {0, 1, 1, 2, 2, 2});
        expect_seq(gpu::repeat(b, {1, 2}, 0), {3, 2}, {0, 1, 2, 3, 2, 3});
        expect_seq(gpu::repeat(b, {1, 2}, 1), {2, 3}, {0, 1, 1, 2, 3, 3});
        expect_seq(gpu::repeat(b, {3}, 1), {2, 6}, {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3});  // one count: broadcast
        // Transposed (raveled as [0,2,1,3] for axis=None), negative step, broadcast.
        const auto t = view(b, {2, 2}, {1, 2}, 0);
        expect_seq(gpu::repeat(t, {1, 0, 0, 3}), {4}, {0, 3, 3, 3});
        expect_seq(gpu::repeat(t, {2, 1}, 0), {3, 2}, {0, 2, 0, 2, 1, 3});
        expect_seq(gpu::repeat(view(a, {4}, {-1}, 3), {1, 2, 1, 2}), {6}, {3, 2, 2, 1, 0, 0});
        expect_seq(gpu::repeat(view(a, {3, 2}, {0, 1}, 0), {2, 0, 1}, 0), {3, 2}, {0, 1, 0, 1, 0, 1});
        const std::vector<std::int64_t> counts{2, 2, 2};
        expect_seq(gpu::repeat(seq<T>({3}), counts), {6}, {0, 0, 1, 1, 2, 2});
        // 0-d and empty.
        expect_seq(gpu::repeat(seq<T>({}, 7), {2}), {2}, {7, 7});
        expect_seq(gpu::repeat(a, {0, 0, 0, 0}), {0}, {});
        expect_seq(gpu::repeat(seq<T>({0}), std::vector<std::int64_t>{}), {0}, {});
    }
}

// ---- roll ------------------------------------------------------------------------------------

TYPED_TEST(Manip, RollFlat) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = seq<T>({10});
        expect_seq(gpu::roll(x, 2), {10}, {8, 9, 0, 1, 2, 3, 4, 5, 6, 7});
        expect_seq(gpu::roll(x, -2), {10}, {2, 3, 4, 5, 6, 7, 8, 9, 0, 1});
        expect_seq(gpu::roll(x, 12), {10}, {8, 9, 0, 1, 2, 3, 4, 5, 6, 7});
        expect_seq(gpu::roll(x, -1002), {10}, {2, 3, 4, 5, 6, 7, 8, 9, 0, 1});
        expect_seq(gpu::roll(x, 0), {10}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        expect_seq(gpu::roll(x, 3, 0), {10}, {7, 8, 9, 0, 1, 2, 3, 4, 5, 6});
        const auto x2 = seq<T>({2, 5});
        expect_seq(gpu::roll(x2, 1), {2, 5}, {9, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        expect_seq(gpu::roll(x2, -1), {2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 0});
        // Transposed (raveled [0,5,1,6,...]), negative step, broadcast.
        const auto t = view(x2, {5, 2}, {1, 5}, 0);
        expect_seq(gpu::roll(t, 1), {5, 2}, {9, 0, 5, 1, 6, 2, 7, 3, 8, 4});
        expect_seq(gpu::roll(view(x, {5}, {-2}, 9), 1), {5}, {1, 9, 7, 5, 3});
        expect_seq(gpu::roll(view(x, {2, 3}, {0, 1}, 0), 1), {2, 3}, {2, 0, 1, 2, 0, 1});
        // 0-d and empty.
        expect_seq(gpu::roll(seq<T>({}, 7), 3), {}, {7});
        expect_seq(gpu::roll(seq<T>({0, 3}), 2), {0, 3}, {});
        expect_seq(gpu::roll(seq<T>({0, 3}), 2, 1), {0, 3}, {});
        EXPECT_NE(gpu::roll(x, 0).buffer(), x.buffer());  // always a copy
    }
}

TYPED_TEST(Manip, RollAxes) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x2 = seq<T>({2, 5});
        expect_seq(gpu::roll(x2, 1, 0), {2, 5}, {5, 6, 7, 8, 9, 0, 1, 2, 3, 4});
        expect_seq(gpu::roll(x2, -1, 0), {2, 5}, {5, 6, 7, 8, 9, 0, 1, 2, 3, 4});
        expect_seq(gpu::roll(x2, 1, 1), {2, 5}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8});
        expect_seq(gpu::roll(x2, -1, -1), {2, 5}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5});
        expect_seq(gpu::roll(x2, {1, 1}, {1, 0}), {2, 5}, {9, 5, 6, 7, 8, 4, 0, 1, 2, 3});
        expect_seq(gpu::roll(x2, {2, 1}, {1, 0}), {2, 5}, {8, 9, 5, 6, 7, 3, 4, 0, 1, 2});
        expect_seq(gpu::roll(x2, 1, {0, 1}), {2, 5}, {9, 5, 6, 7, 8, 4, 0, 1, 2, 3});
        expect_seq(gpu::roll(x2, {1, 2}, {1, 1}), {2, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6});  // shifts add up
        expect_seq(gpu::roll(x2, {7, -13}, {1}), {2, 5}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5});   // 7 - 13 = -6
        expect_seq(gpu::roll(x2, {3, 5}, {0, 1}), {2, 5}, {5, 6, 7, 8, 9, 0, 1, 2, 3, 4});
        expect_seq(gpu::roll(x2, gpu::dims{}, gpu::dims{}), {2, 5}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        // Three axes, each rolled: 8 block copies.
        const auto c = seq<T>({2, 2, 3});
        expect_seq(gpu::roll(c, {1, 1, 1}, {0, 1, 2}), {2, 2, 3}, {11, 9, 10, 8, 6, 7, 5, 3, 4, 2, 0, 1});
        // Transposed, negative-step and broadcast inputs.
        const auto t = view(x2, {5, 2}, {1, 5}, 0);  // [[0,5],[1,6],[2,7],[3,8],[4,9]]
        expect_seq(gpu::roll(t, 2, 0), {5, 2}, {3, 8, 4, 9, 0, 5, 1, 6, 2, 7});
        expect_seq(gpu::roll(t, {1, 1}, {0, 1}), {5, 2}, {9, 4, 5, 0, 6, 1, 7, 2, 8, 3});
        const auto r = view(x2, {2, 5}, {-5, -1}, 9);  // x2[::-1, ::-1]
        expect_seq(gpu::roll(r, 1, 1), {2, 5}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1});
        expect_seq(gpu::roll(view(x2, {3, 5}, {0, 1}, 5), {1, 2}, {0, 1}), {3, 5},
                     {8, 9, 5, 6, 7, 8, 9, 5, 6, 7, 8, 9, 5, 6, 7});
    }
}

// ---- errors ----------------------------------------------------------------------------------

TEST(ManipErrors, Split) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<float>({7}), m = seq<float>({2, 3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::split(a, 3); }),
                  "array split does not result in an equal division");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::split(m, 2, 1); }),
                  "array split does not result in an equal division");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::array_split(a, 0); }),
                  "number sections must be larger than 0.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::array_split(a, -2); }),
                  "number sections must be larger than 0.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::split(a, 0); }), "number sections must be larger than 0.");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::split(m, 2, 2); }),
                  "axis 2 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::array_split(m, {1}, -3); }),
                  "axis -3 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::split(seq<float>({}), 1); }),
                  "axis 0 is out of bounds for array of dimension 0");
    }
}

TEST(ManipErrors, TileRepeatRoll) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<std::int32_t>({4}), m = seq<std::int32_t>({2, 3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::tile(a, -1); }), "repeats may not contain negative values.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::tile(m, {2, -1}); }),
                  "repeats may not contain negative values.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::repeat(a, -1); }),
                  "repeats may not contain negative values.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::repeat(a, {1, -1, 1, 1}); }),
                  "repeats may not contain negative values.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::repeat(m, {-2}, 0); }),
                  "repeats may not contain negative values.");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::repeat(a, {1, 2, 3}); }),
                  "operands could not be broadcast together with shape (4,) (3,)");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::repeat(m, {1, 2, 3}, 0); }),
                  "operands could not be broadcast together with shape (2,) (3,)");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::repeat(m, {1, 2}); }),
                  "operands could not be broadcast together with shape (6,) (2,)");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::repeat(m, 2, 2); }),
                  "axis 2 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::repeat(seq<std::int32_t>({}), 2, 0); }),
                  "axis 0 is out of bounds for array of dimension 0");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::repeat(m, {1, 1}, -3); }),
                  "axis -3 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::roll(m, 1, 2); }),
                  "axis 2 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::roll(m, {1, 1}, {0, -3}); }),
                  "axis -3 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::roll(seq<std::int32_t>({}), 1, 0); }),
                  "axis 0 is out of bounds for array of dimension 0");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::roll(m, {1, 2}, {0, 1, 1}); }),
                  "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with "
                  "shape (2,) and arg 1 with shape (3,).");
    }
}

}  // namespace
