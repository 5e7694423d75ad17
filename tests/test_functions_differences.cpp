// diff, ediff1d, gradient against NumPy's values (tools/numpy_data/gen_functions.py, differences()):
// axes, orders, prepend/append promotion, bools and unsigned wrap, transposed and sliced inputs,
// empty results, NumPy's errors, on every executor.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;

template <class T>
class Diff : public ::testing::Test {};
using diff_dtypes = ::testing::Types<std::int8_t, std::int32_t, std::int64_t, float, double>;
TYPED_TEST_SUITE(Diff, diff_dtypes, gpu_test::dtype_names);

TYPED_TEST(Diff, AxesOrdersAndViews) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>(gpu_test::as<T>({1, 4, 9, 16, 25, 36}), {2, 3});
        const auto d = gpu::diff(a);
        static_assert(std::is_same_v<typename decltype(d)::value_type, T>);
        EXPECT_EQ(d.shape(), (gpu::shape_t{2, 2}));
        expect_values(values_of(d), gpu_test::as<T>({3, 5, 9, 11}));
        expect_values(values_of(gpu::diff(a, 1, 0)), gpu_test::as<T>({15, 21, 27}));
        expect_values(values_of(gpu::diff(a.ravel(), 2)), gpu_test::as<T>({2, 2, 2, 2}));
        const auto t = gpu::diff(a.T());  // transposed input
        EXPECT_EQ(t.shape(), (gpu::shape_t{3, 1}));
        expect_values(values_of(t), gpu_test::as<T>({15, 21, 27}));
        expect_values(values_of(gpu::diff(a(gpu::colon, gpu::slice(gpu::none, gpu::none, 2)))),
                      gpu_test::as<T>({8, 20}));  // a[:, ::2]
        expect_values(values_of(gpu::diff(a, 0)), values_of(a));
        EXPECT_EQ(gpu::diff(a, 5).shape(), (gpu::shape_t{2, 0}));
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::diff(a, -1); }), "order must be non-negative but got -1");
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::diff(gpu::zeros<T>({})); }),
                  "diff requires input that is at least one dimensional");
        EXPECT_EQ(message_of<gpu::axis_error>([&] { (void)gpu::diff(a, 1, 2); }),
                  "axis 2 is out of bounds for array of dimension 2");
    }
}

TEST(Diff, PrependAppendPromote) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>({1, 4, 9, 16, 25, 36}, {2, 3});
        const auto p = gpu::diff(a, 1, -1, 0, gpu::none);  // a Python int is int64
        static_assert(std::is_same_v<typename decltype(p)::value_type, std::int64_t>);
        expect_values(values_of(p), std::vector<std::int64_t>{1, 3, 5, 16, 9, 11});
        const auto q = gpu::diff(a, 1, 0, gpu::none, make<std::int32_t>({0, 0, 0}, {1, 3}));
        expect_values(values_of(q), std::vector<std::int32_t>{15, 21, 27, -16, -25, -36});
        const auto f = gpu::diff(make<float>({1.5f, 2.f}), 1, -1, 0, gpu::none);  // float32 + int64: float64
        static_assert(std::is_same_v<typename decltype(f)::value_type, double>);
        expect_values(values_of(f), std::vector<double>{1.5, 0.5});
        expect_values(values_of(gpu::diff(make<std::uint8_t>({1, 2, 2, 3}))), std::vector<std::uint8_t>{1, 0, 1});
        expect_values(values_of(gpu::diff(make<std::uint8_t>({3, 1}))), std::vector<std::uint8_t>{254});
        expect_values(values_of(gpu::diff(gpu_test::make_bool({1, 0, 0, 1}, {4}))), std::vector<bool>{true, false, true});
    }
}

TEST(Ediff1d, EdgesAndCasting) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int64_t>({1, 2, 4, 7});
        expect_values(values_of(gpu::ediff1d(a, make<std::int64_t>({88, 99}), -99)),
                      std::vector<std::int64_t>{-99, 1, 2, 3, 88, 99});
        expect_values(values_of(gpu::ediff1d(make<double>({1, 2, 4, 7, 0, 0}, {2, 3}))),
                      std::vector<double>{1, 2, 3, -7, 0});
        EXPECT_EQ(gpu::ediff1d(make<float>({})).shape(), (gpu::shape_t{0}));
        EXPECT_EQ(message_of<gpu::type_error>(
                      [&] { (void)gpu::ediff1d(make<std::int32_t>({1, 2}), gpu::none, 0.5); }),
                  "dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.");
    }
}

TEST(Gradient, EdgeOrdersAndAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto f = make<double>({1, 2, 4, 7, 11, 16});
        expect_values(values_of(gpu::gradient(f)[0]), {1.0, 1.5, 2.5, 3.5, 4.5, 5.0});
        expect_values(values_of(gpu::gradient(f, 2.0)[0]), {0.5, 0.75, 1.25, 1.75, 2.25, 2.5});
        expect_values(values_of(gpu::gradient(f, 1.0, 2)[0]), {0.5, 1.5, 2.5, 3.5, 4.5, 5.5});
        const auto g = make<std::int64_t>({1, 2, 6, 3, 4, 5}, {2, 3});
        const auto gg = gpu::gradient(g);
        ASSERT_EQ(gg.size(), 2u);
        static_assert(std::is_same_v<typename decltype(gg)::value_type::value_type, double>);
        expect_values(values_of(gg[0]), {2.0, 2.0, -1.0, 2.0, 2.0, -1.0});
        expect_values(values_of(gg[1]), {1.0, 2.5, 4.0, 1.0, 1.0, 1.0});
        expect_values(values_of(gpu::gradient(g.T(), 1.0, 1, {0})[0]), {1.0, 1.0, 2.5, 1.0, 4.0, 1.0});
        const auto per_axis = gpu::gradient(g, {2.0, 0.5});  // np.gradient(g, 2.0, 0.5)
        expect_values(values_of(per_axis[0]), {1.0, 1.0, -0.5, 1.0, 1.0, -0.5});
        expect_values(values_of(per_axis[1]), {2.0, 5.0, 8.0, 2.0, 2.0, 2.0});
        EXPECT_EQ(message_of<gpu::type_error>([&] { (void)gpu::gradient(g, {1.0, 2.0, 3.0}); }), "invalid number of arguments");
        const auto f32 = gpu::gradient(make<float>({1, 2, 4, 7}));
        static_assert(std::is_same_v<typename decltype(f32)::value_type::value_type, float>);
        expect_values(values_of(f32[0]), {1.f, 1.5f, 2.5f, 3.f});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::gradient(make<double>({1.0})); }),
                  "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements "
                  "are required.");
    }
}

}  // namespace
