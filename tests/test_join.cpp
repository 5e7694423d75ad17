// Joining: concatenate (along an axis and with axis=None), stack, hstack, vstack. Values as
// NumPy gives them, for several dtypes, over contiguous, transposed, negative-step, broadcast
// (stride 0), 0-d and empty inputs; NumPy's error messages. Every body runs on every executor.
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
class Join : public ::testing::Test {};
TYPED_TEST_SUITE(Join, gpu_test::sample_dtypes, gpu_test::dtype_names);

TYPED_TEST(Join, ConcatenateAlongEachAxis) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({2, 3}), b = seq<T>({1, 3}, 100), c = seq<T>({2, 2}, 100);
        expect_seq(gpu::concatenate({a, b}), {3, 3}, {0, 1, 2, 3, 4, 5, 100, 101, 102});
        expect_seq(gpu::concatenate({b, a}, 0), {3, 3}, {100, 101, 102, 0, 1, 2, 3, 4, 5});
        expect_seq(gpu::concatenate({a, c}, 1), {2, 5}, {0, 1, 2, 100, 101, 3, 4, 5, 102, 103});
        expect_seq(gpu::concatenate({a, c, a}, -1), {2, 8}, {0, 1, 2, 100, 101, 0, 1, 2, 3, 4, 5, 102, 103, 3, 4, 5});
        // A single input is copied.
        const auto one = gpu::concatenate(std::vector<gpu::ndarray<T>>{a});
        EXPECT_NE(one.buffer(), a.buffer());
        expect_seq(one, {2, 3}, {0, 1, 2, 3, 4, 5});
        const auto r = gpu::concatenate({a, b});
        EXPECT_TRUE(r.is_contiguous());
        EXPECT_EQ(r.where(), ex);
    }
}

TYPED_TEST(Join, ConcatenateViews) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto base = seq<T>({2, 3});
        const auto t = view(base, {3, 2}, {1, 3}, 0);       // base.T: [[0,3],[1,4],[2,5]]
        const auto rev = view(seq<T>({6}, 100), {3, 2}, {-2, 1}, 4);  // [[104,105],[102,103],[100,101]]
        const auto bc = view(seq<T>({2}, 200), {3, 2}, {0, 1}, 0);   // (2,) broadcast to (3,2)
        expect_seq(gpu::concatenate({t, rev, bc}), {9, 2},
                     {0, 3, 1, 4, 2, 5, 104, 105, 102, 103, 100, 101, 200, 201, 200, 201, 200, 201});
        expect_seq(gpu::concatenate({t, rev, bc}, 1), {3, 6},
                     {0, 3, 104, 105, 200, 201, 1, 4, 102, 103, 200, 201, 2, 5, 100, 101, 200, 201});
        // a[::-2] of a 1-D array.
        const auto step = view(seq<T>({5}), {3}, {-2}, 4);
        expect_seq(gpu::concatenate({step, step}), {6}, {4, 2, 0, 4, 2, 0});
    }
}

TYPED_TEST(Join, ConcatenateAxisNoneRavelsFirst) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto base = seq<T>({2, 3});
        const auto t = view(base, {3, 2}, {1, 3}, 0);
        const auto scalar = seq<T>({}, 50);  // 0-d inputs are allowed with axis=None
        const auto col = seq<T>({2, 1}, 100);
        expect_seq(gpu::concatenate({t, scalar, col}, std::nullopt), {9}, {0, 3, 1, 4, 2, 5, 50, 100, 101});
        expect_seq(gpu::concatenate({scalar, scalar}, std::nullopt), {2}, {50, 50});
        expect_seq(gpu::concatenate({seq<T>({0, 3}), base}, std::nullopt), {6}, {0, 1, 2, 3, 4, 5});
    }
}

TYPED_TEST(Join, ConcatenateEmpty) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({2, 3}), e = seq<T>({0, 3});
        expect_seq(gpu::concatenate({e, a, e}), {2, 3}, {0, 1, 2, 3, 4, 5});
        expect_seq(gpu::concatenate({seq<T>({2, 0}), seq<T>({2, 0})}, 1), {2, 0}, {});
        expect_seq(gpu::concatenate({seq<T>({2, 0}), seq<T>({2, 0})}, 0), {4, 0}, {});
        // A default-constructed array (shape (0,), no buffer; it lives on the host executor).
        if (ex == gpu::executor::host) expect_seq(gpu::concatenate({gpu::ndarray<T>(), seq<T>({2})}), {2}, {0, 1});
    }
}

TYPED_TEST(Join, Stack) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = seq<T>({2, 3}), b = seq<T>({2, 3}, 100);
        expect_seq(gpu::stack({a, b}), {2, 2, 3}, {0, 1, 2, 3, 4, 5, 100, 101, 102, 103, 104, 105});
        expect_seq(gpu::stack({a, b}, 1), {2, 2, 3}, {0, 1, 2, 100, 101, 102, 3, 4, 5, 103, 104, 105});
        expect_seq(gpu::stack({a, b}, 2), {2, 3, 2}, {0, 100, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105});
        expect_seq(gpu::stack({a, b}, -1), {2, 3, 2}, {0, 100, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105});
        expect_seq(gpu::stack({a, b}, -3), {2, 2, 3}, {0, 1, 2, 3, 4, 5, 100, 101, 102, 103, 104, 105});
        // Views: transposed, negative step, broadcast.
        const auto t = view(seq<T>({3, 2}), {2, 3}, {1, 2}, 0);   // [[0,2,4],[1,3,5]]
        const auto rev = view(seq<T>({3}, 100), {2, 3}, {0, -1}, 2);  // [[102,101,100]] * 2
        expect_seq(gpu::stack({t, rev}, 1), {2, 2, 3}, {0, 2, 4, 102, 101, 100, 1, 3, 5, 102, 101, 100});
        // 0-d inputs give a 1-D result.
        expect_seq(gpu::stack({seq<T>({}, 7), seq<T>({}, 8), seq<T>({}, 9)}), {3}, {7, 8, 9});
        expect_seq(gpu::stack({seq<T>({}, 7)}, -1), {1}, {7});
        // Empty inputs.
        expect_seq(gpu::stack({seq<T>({0}), seq<T>({0})}), {2, 0}, {});
        expect_seq(gpu::stack({seq<T>({0}), seq<T>({0})}, 1), {0, 2}, {});
    }
}

TYPED_TEST(Join, HstackVstack) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = seq<T>({3}), y = seq<T>({3}, 100);
        expect_seq(gpu::hstack({x, y}), {6}, {0, 1, 2, 100, 101, 102});
        expect_seq(gpu::vstack({x, y}), {2, 3}, {0, 1, 2, 100, 101, 102});
        const auto a = seq<T>({2, 2}), b = seq<T>({2, 1}, 100);
        expect_seq(gpu::hstack({a, b}), {2, 3}, {0, 1, 100, 2, 3, 101});
        expect_seq(gpu::vstack({a, view(b, {1, 2}, {1, 1}, 0)}), {3, 2}, {0, 1, 2, 3, 100, 101});
        // 0-d inputs: atleast_1d makes them (1,), atleast_2d (1, 1).
        const auto s = seq<T>({}, 50);
        expect_seq(gpu::hstack({s, x, s}), {5}, {50, 0, 1, 2, 50});
        expect_seq(gpu::vstack({s, s}), {2, 1}, {50, 50});
        // A 1-D input among 2-D ones in vstack; a negative-step one in hstack.
        expect_seq(gpu::vstack({seq<T>({2, 3}, 100), x}), {3, 3}, {100, 101, 102, 103, 104, 105, 0, 1, 2});
        expect_seq(gpu::hstack({view(x, {3}, {-1}, 2), y}), {6}, {2, 1, 0, 100, 101, 102});
        expect_seq(gpu::vstack(std::vector<gpu::ndarray<T>>{x}), {1, 3}, {0, 1, 2});
    }
}

TEST(JoinInt, ConcatenateResultIsACopy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = gpu_test::make<std::int64_t>({1, 2, 3});
        const auto r = gpu::concatenate({a, a});
        a.assign(std::int64_t{0});
        gpu_test::expect_values<std::int64_t>(values_of(r), {1, 2, 3, 1, 2, 3});
        const auto s = gpu::stack({a, a});
        EXPECT_NE(s.buffer(), a.buffer());
    }
}

TEST(JoinErrors, Concatenate) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        using A = gpu::ndarray<float>;
        const A a = seq<float>({2, 3}), b = seq<float>({2, 2}), v = seq<float>({3}), s = seq<float>({});
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate(std::vector<A>{}); }),
                  "need at least one array to concatenate");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate(std::vector<A>{}, std::nullopt); }),
                  "need at least one array to concatenate");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate({s, s}); }),
                  "zero-dimensional arrays cannot be concatenated");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate({a, b}); }),
                  "all the input array dimensions except for the concatenation axis must match exactly, but along "
                  "dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate({a, a, b}, 0); }),
                  "all the input array dimensions except for the concatenation axis must match exactly, but along "
                  "dimension 1, the array at index 0 has size 3 and the array at index 2 has size 2");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate({a, v}); }),
                  "all the input arrays must have same number of dimensions, but the array at index 0 has 2 "
                  "dimension(s) and the array at index 1 has 1 dimension(s)");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::concatenate({v, s}); }),
                  "all the input arrays must have same number of dimensions, but the array at index 0 has 1 "
                  "dimension(s) and the array at index 1 has 0 dimension(s)");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::concatenate({a, a}, 2); }),
                  "axis 2 is out of bounds for array of dimension 2");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::concatenate({a, a}, -3); }),
                  "axis -3 is out of bounds for array of dimension 2");
    }
}

TEST(JoinErrors, StackHstackVstack) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        using A = gpu::ndarray<std::int32_t>;
        const A a = seq<std::int32_t>({2, 3}), b = seq<std::int32_t>({3, 2}), v = seq<std::int32_t>({3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::stack(std::vector<A>{}); }),
                  "need at least one array to stack");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::stack({a, b}); }),
                  "all input arrays must have the same shape");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::stack({a, a}, 3); }),
                  "axis 3 is out of bounds for array of dimension 3");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { gpu::stack({a, a}, -4); }),
                  "axis -4 is out of bounds for array of dimension 3");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::hstack(std::vector<A>{}); }),
                  "need at least one array to concatenate");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::vstack(std::vector<A>{}); }),
                  "need at least one array to concatenate");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::vstack({v, seq<std::int32_t>({2})}); }),
                  "all the input array dimensions except for the concatenation axis must match exactly, but along "
                  "dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::hstack({a, b}); }),
                  "all the input array dimensions except for the concatenation axis must match exactly, but along "
                  "dimension 0, the array at index 0 has size 2 and the array at index 1 has size 3");
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::hstack({v, a}); }),
                  "all the input arrays must have same number of dimensions, but the array at index 0 has 1 "
                  "dimension(s) and the array at index 1 has 2 dimension(s)");
    }
}

// Arrays on two executors cannot be joined (only where a GPU is present).
TEST(JoinErrors, MixedExecutors) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a GPU";
    gpu::ndarray<float> h, d;
    {
        gpu::executor_scope scope(gpu::executor::host);
        h = seq<float>({3});
    }
    {
        gpu::executor_scope scope(gpu::executor::cuda);
        d = seq<float>({3});
    }
    EXPECT_THROW(gpu::concatenate({h, d}), gpu::device_error);
    EXPECT_THROW(gpu::concatenate({d, h}, std::nullopt), gpu::device_error);
    EXPECT_THROW(gpu::stack({h, d}), gpu::device_error);
    EXPECT_THROW(gpu::vstack({d, h}), gpu::device_error);
    EXPECT_EQ(gpu::concatenate({d, d}).where(), gpu::executor::cuda);
}

}  // namespace
