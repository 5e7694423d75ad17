// pad, diag, diagflat, tril/triu/diag indices and rot90 against NumPy's values
// (tools/numpy_data/gen_functions.py, pad_diag()), on every executor.
#include <gpu/functions.hpp>
#include <gpu/manip/rot90.hpp>

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

template <class T>
void expect_result(const gpu::ndarray<T>& r, const gpu::shape_t& shape, std::initializer_list<int> v) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    expect_values(values_of(r), as<T>(v));
}

template <class T>
class Pad : public ::testing::Test {};
using pad_dtypes = ::testing::Types<std::int8_t, std::uint16_t, std::int32_t, float, double>;
TYPED_TEST_SUITE(Pad, pad_dtypes, gpu_test::dtype_names);

TYPED_TEST(Pad, Modes) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>(as<T>({1, 2, 3, 4, 5, 6}), {2, 3});
        expect_result<T>(gpu::pad(a, 1), {4, 5}, {0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0});
        expect_result<T>(gpu::pad(a, {{1, 0}, {0, 2}}, "constant", 9), {3, 5},
                         {9, 9, 9, 9, 9, 1, 2, 3, 9, 9, 4, 5, 6, 9, 9});
        const gpu::pad_width_t w{{1, 2}, {2, 1}};
        expect_result<T>(gpu::pad(a, w, "edge"), {5, 6}, {1, 1, 1, 2, 3, 3, 1, 1, 1, 2, 3, 3, 4, 4, 4, 5, 6, 6,
                                                          4, 4, 4, 5, 6, 6, 4, 4, 4, 5, 6, 6});
        expect_result<T>(gpu::pad(a, w, "reflect"), {5, 6}, {6, 5, 4, 5, 6, 5, 3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5,
                                                             3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5});
        expect_result<T>(gpu::pad(a, w, "symmetric"), {5, 6}, {2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 5, 4, 4, 5, 6, 6,
                                                               5, 4, 4, 5, 6, 6, 2, 1, 1, 2, 3, 3});
        expect_result<T>(gpu::pad(a, w, "wrap"), {5, 6}, {5, 6, 4, 5, 6, 4, 2, 3, 1, 2, 3, 1, 5, 6, 4, 5, 6, 4,
                                                          2, 3, 1, 2, 3, 1, 5, 6, 4, 5, 6, 4});
        // Pads wider than the axis, a transposed input.
        const auto v = make<T>(as<T>({1, 2, 3}));
        expect_result<T>(gpu::pad(v, {7, 8}, "reflect"), {18}, {2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3});
        expect_result<T>(gpu::pad(v, {7, 8}, "symmetric"), {18}, {1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2});
        expect_result<T>(gpu::pad(v, {7, 8}, "wrap"), {18}, {3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2});
        expect_result<T>(gpu::pad(make<T>(as<T>({5})), {2, 3}, "reflect"), {6}, {5, 5, 5, 5, 5, 5});
        expect_result<T>(gpu::pad(a.T(), {1, 1}, "edge"), {5, 4}, {1, 1, 4, 4, 1, 1, 4, 4, 2, 2, 5, 5, 3, 3, 6, 6, 3, 3, 6, 6});
    }
}

TEST(Pad, EdgeCasesAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_result<i64>(gpu::pad(make<i64>({7}, gpu::shape_t{}), 3), {}, {7});
        expect_result<double>(gpu::pad(gpu::zeros<double>({0, 2}), 1), {2, 4}, {0, 0, 0, 0, 0, 0, 0, 0});
        const auto a = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::pad(gpu::zeros<double>({0, 2}), 1, "edge"); }),
                  "can't extend empty axis 0 using modes other than 'constant' or 'empty'");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::pad(a, -1); }), "index can't contain negative values");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::pad(a, 1, "foo"); }), "mode 'foo' is not supported");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::pad(a, {{1, 2}, {1, 2}, {1, 1}}); }),
                  "operands could not be broadcast together with remapped shapes [original->remapped]: (3,2)  and "
                  "requested shape (2,2)");
    }
}

TEST(Diag, BuildAndExtract) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_result<i64>(gpu::diag(make<i64>({1, 2}), 1), {3, 3}, {0, 1, 0, 0, 0, 2, 0, 0, 0});
        expect_result<i64>(gpu::diag(make<i64>({1, 2}), -1), {3, 3}, {0, 0, 0, 1, 0, 0, 0, 2, 0});
        const auto a = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        expect_result<std::int32_t>(gpu::diag(a, 1), {2}, {2, 6});
        expect_result<std::int32_t>(gpu::diagflat(a), {6, 6},
                                    {1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 4, 0, 0,
                                     0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 6});
        expect_result<float>(gpu::diag(make<float>({})), {0, 0}, {});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::diag(gpu::zeros<double>({2, 2, 2})); }),
                  "Input must be 1- or 2-d.");
    }
}

TEST(Diag, TriangleAndDiagonalIndices) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto [r, c] = gpu::tril_indices(3);
        expect_result<i64>(r, {6}, {0, 1, 1, 2, 2, 2});
        expect_result<i64>(c, {6}, {0, 0, 1, 0, 1, 2});
        const auto [ur, uc] = gpu::triu_indices(3, 1, 4);
        expect_result<i64>(ur, {6}, {0, 0, 0, 1, 1, 2});
        expect_result<i64>(uc, {6}, {1, 2, 3, 2, 3, 3});
        const auto [r2, c2] = gpu::tril_indices(3, -1, 2);
        expect_result<i64>(r2, {3}, {1, 2, 2});
        expect_result<i64>(c2, {3}, {0, 0, 1});
        const auto from = gpu::triu_indices_from(gpu::zeros<float>({2, 3}));
        expect_result<i64>(from[1], {5}, {0, 1, 2, 1, 2});
        const auto d = gpu::diag_indices(3, 3);
        ASSERT_EQ(d.size(), 3u);
        expect_result<i64>(d[2], {3}, {0, 1, 2});
        // a[tril_indices] through advanced indexing.
        auto m = gpu::ones<double>({3, 3});
        m(r, c) = 0;
        expect_result<double>(m, {3, 3}, {0, 1, 1, 0, 0, 1, 0, 0, 0});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::diag_indices_from(gpu::zeros<float>({2, 3})); }),
                  "All dimensions of input must be of equal length");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::tril_indices_from(gpu::zeros<float>({3})); }),
                  "input array must be 2-d");
    }
}

TEST(Rot90, ViewsAndErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        const gpu::ndarray<std::int32_t> r1 = gpu::rot90(a);
        EXPECT_TRUE(gpu_test::shares(r1, a));
        expect_result<std::int32_t>(r1, {3, 2}, {3, 6, 2, 5, 1, 4});
        expect_result<std::int32_t>(gpu::rot90(a, 2), {2, 3}, {6, 5, 4, 3, 2, 1});
        expect_result<std::int32_t>(gpu::rot90(a, 3), {3, 2}, {4, 1, 5, 2, 6, 3});
        expect_result<std::int32_t>(gpu::rot90(a, -1), {3, 2}, {4, 1, 5, 2, 6, 3});
        expect_result<std::int32_t>(gpu::rot90(a, 4), {2, 3}, {1, 2, 3, 4, 5, 6});
        expect_result<i64>(gpu::rot90(make<i64>({0, 1, 2, 3, 4, 5, 6, 7}, {2, 2, 2}), 1, {1, 2}), {2, 2, 2},
                           {1, 3, 0, 2, 5, 7, 4, 6});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::rot90(a, 1, {0, 0}); }), "Axes must be different.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::rot90(a, 1, {0, 5}); }),
                  "Axes=(0, 5) out of range for array of ndim=2.");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::rot90(a, 1, {0, 1, 2}); }), "len(axes) must be 2.");
    }
}

}  // namespace
