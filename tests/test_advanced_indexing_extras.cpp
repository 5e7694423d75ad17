// Item 4's other parts: joins of different dtypes promote as NumPy; shape functions NumPy also has
// as methods are members; multi-result functions unpack with structured bindings. NumPy's values:
// tools/numpy_data/gen_functions.py (advanced_indexing()).
#include "support.hpp"

#include <cstdint>
#include <tuple>
#include <vector>

namespace {

using gpu_test::arange;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using i64 = std::int64_t;

template <class T>
void expect_result(const gpu::ndarray<T>& r, const gpu::shape_t& shape, std::initializer_list<int> v) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    expect_values(values_of(r), gpu_test::as<T>(v));
}

}  // namespace

namespace {

// Joins of different dtypes promote as NumPy (np.result_type of the inputs).
TEST(JoinPromotion, MixedDtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i = make<std::int32_t>({1, 2});
        const auto f = make<float>({0.5f});
        const auto c = gpu::concatenate(std::tuple{i, f});
        static_assert(std::is_same_v<decltype(c), const gpu::ndarray<double>>);
        expect_values(values_of(c), {1.0, 2.0, 0.5});
        const auto s = gpu::stack(std::tuple{make<std::int8_t>({1, 2}), make<std::uint8_t>({3, 4})});
        static_assert(std::is_same_v<decltype(s), const gpu::ndarray<std::int16_t>>);
        EXPECT_EQ(s.shape(), (gpu::shape_t{2, 2}));
        expect_values(values_of(s), {1, 2, 3, 4});
        const auto v = gpu::vstack(std::tuple{gpu_test::make_bool({1, 0}, {2}), make<std::int16_t>({3, 4})});
        static_assert(std::is_same_v<decltype(v), const gpu::ndarray<std::int16_t>>);
        expect_values(values_of(v), {1, 0, 3, 4});
        const auto h = gpu::hstack(std::tuple{i, make<double>({7.0})});
        expect_values(values_of(h), {1.0, 2.0, 7.0});
        // One dtype in a tuple stays itself.
        const auto same = gpu::concatenate(std::tuple{i, i}, std::nullopt);
        static_assert(std::is_same_v<decltype(same), const gpu::ndarray<std::int32_t>>);
        expect_values(values_of(same), {1, 2, 1, 2});
    }
}

}  // namespace

namespace {

// Shape functions NumPy also has as methods are members here (each its free function).
TEST(ArrayMethods, ForwardToFreeFunctions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<std::int32_t>({3, 4});
        expect_result<std::int32_t>(a.diagonal(), {3}, {0, 5, 10});
        expect_result<std::int32_t>(a.diagonal(1), {3}, {1, 6, 11});
        expect_result<std::int32_t>(a.swapaxes(0, 1), {4, 3}, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
        const auto t = a.trace();
        static_assert(std::is_same_v<typename decltype(t)::value_type, std::int64_t>);
        expect_values(values_of(t), std::vector<std::int64_t>{15});
        expect_values(values_of(a.trace(-1)), std::vector<std::int64_t>{4 + 9});
        expect_result<std::int32_t>(a.take(make<i64>({3, 0}), 1), {3, 2}, {3, 0, 7, 4, 11, 8});
        expect_result<std::int32_t>(a.repeat(2, 0), {6, 4},
                                    {0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7, 8, 9, 10, 11, 8, 9, 10, 11});
        const auto nz = a.nonzero();
        ASSERT_EQ(nz.size(), 2u);
        EXPECT_EQ(nz[0].size(), 11);
        expect_result<std::int32_t>(gpu::eval(a.clip(2, 5)), {3, 4}, {2, 2, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5});
        expect_values(values_of(a.cumsum(1)), std::vector<std::int64_t>{0, 1, 3, 6, 4, 9, 15, 22, 8, 17, 27, 38});
        expect_values(values_of(a.ptp(0)), std::vector<std::int32_t>{8, 8, 8, 8});
        expect_values(values_of(a.ptp()), std::vector<std::int32_t>{11});
        const auto u = make<std::uint8_t>({5, 200, 3});
        expect_values(values_of(u.ptp()), std::vector<std::uint8_t>{197});
        auto f = arange<float>({2, 2});
        f.fill(1.5);
        expect_values(values_of(f), std::vector<float>{1.5f, 1.5f, 1.5f, 1.5f});
        f(1).fill(0);
        expect_values(values_of(f), std::vector<float>{1.5f, 1.5f, 0.f, 0.f});
        f.put(make<i64>({0}), make<float>({9.f}));
        expect_values(values_of(f), std::vector<float>{9.f, 1.5f, 0.f, 0.f});
    }
}

}  // namespace

namespace {

// Multi-result functions unpack with structured bindings.
TEST(MultiResult, MeshgridStructuredBinding) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<double>({1, 2, 3});
        const auto y = make<double>({4, 5});
        const auto [X, Y] = gpu::meshgrid(x, y);
        EXPECT_EQ(X.shape(), (gpu::shape_t{2, 3}));
        expect_values(values_of(X), {1.0, 2.0, 3.0, 1.0, 2.0, 3.0});
        expect_values(values_of(Y), {4.0, 4.0, 4.0, 5.0, 5.0, 5.0});
        // Mixed dtypes: each output keeps its input's dtype (np.meshgrid does not promote).
        const auto [I, J] = gpu::meshgrid(gpu::meshgrid_indexing::ij, make<std::int32_t>({7, 8}), y);
        static_assert(std::is_same_v<typename std::remove_cvref_t<decltype(I)>::value_type, std::int32_t>);
        EXPECT_EQ(I.shape(), (gpu::shape_t{2, 2}));
        expect_values(values_of(I), std::vector<std::int32_t>{7, 7, 8, 8});
        expect_values(values_of(J), {4.0, 5.0, 4.0, 5.0});
    }
}

}  // namespace
