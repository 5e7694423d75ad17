// Large reductions, GPU against the host executor (float sums within a tolerance: the two sum in
// different orders): 10^6-element full reductions (the split, last-block-combine path), 1000 x
// 1000 along each axis, few long rows and many short ones, transposed and 3-D cases. On a machine
// without a GPU these run on the host only.
#include "support.hpp"

namespace {

using gpu_test::expect_same_on_both_executors;
using gpu_test::make;
using gpu_test::tolerance;

template <class T>
gpu::ndarray<T> pseudo_random(const gpu::shape_t& shape, std::uint32_t seed) {
    std::vector<T> v(static_cast<std::size_t>(gpu::size_of(shape)));
    std::uint32_t s = seed;
    for (auto& x : v) {
        s = s * 1664525u + 1013904223u;
        if constexpr (std::is_floating_point_v<T>) x = static_cast<T>((s >> 8) * (1.0 / 16777216.0));  // [0, 1)
        else x = static_cast<T>((s >> 16) % 201) - T(100);
    }
    return make<T>(v, shape);
}

constexpr tolerance float_sum{1e-4, 1e-3};

TEST(ReduceLarge, FullReductions) {
    const auto x = pseudo_random<float>({1000000}, 1), y = pseudo_random<float>({1000000}, 2);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::sum(a); }, x);
    expect_same_on_both_executors(float_sum, [](const auto& a, const auto& b) { return gpu::sum(a * b); }, x, y);
    expect_same_on_both_executors([](const auto& a) { return gpu::max(a); }, x);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a); }, x);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmin(a - 0.5f); }, x);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::mean(a); }, x);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::std(a); }, x);
    const auto i = pseudo_random<std::int32_t>({1000003}, 3);  // odd length: the scalar tail
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::min(a); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::any(a > 99); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::all(a > -101); }, i);
    const auto d = pseudo_random<double>({999999}, 4);
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a(gpu::slice(gpu::none, gpu::none, -3))); }, d);
}

TEST(ReduceLarge, MatrixAxes) {
    const auto x = pseudo_random<float>({1000, 1000}, 5);
    for (int axis = 0; axis < 2; ++axis) {
        SCOPED_TRACE("axis " + std::to_string(axis));
        expect_same_on_both_executors(float_sum, [axis](const auto& a) { return gpu::sum(a, axis); }, x);
        expect_same_on_both_executors(float_sum, [axis](const auto& a) { return gpu::sum(a.T(), axis); }, x);
        expect_same_on_both_executors([axis](const auto& a) { return gpu::max(a, axis, true); }, x);
        expect_same_on_both_executors([axis](const auto& a) { return gpu::argmax(a, axis); }, x);
        expect_same_on_both_executors([axis](const auto& a) { return gpu::argmin(a.T(), axis); }, x);
        expect_same_on_both_executors(float_sum, [axis](const auto& a) { return gpu::var(a, axis); }, x);
    }
    const auto i = pseudo_random<std::int16_t>({1000, 1000}, 6);
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a, 0); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::prod(a(gpu::slice(0, 3)), 0); }, i);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a, 1); }, i);
}

TEST(ReduceLarge, ShapesOfWork) {
    // few long rows (blocks with split rows), many short rows, tall and narrow, 3-D
    const auto few = pseudo_random<float>({3, 400000}, 7);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::sum(a, 1); }, few);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a, 1); }, few);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::sum(a, 0); }, few);
    const auto tall = pseudo_random<double>({300000, 3}, 8);
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a, 0); }, tall);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmin(a, 0); }, tall);
    expect_same_on_both_executors([](const auto& a) { return gpu::max(a, 1); }, tall);
    const auto narrow = pseudo_random<std::int32_t>({5000, 64}, 9);
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a, 1); }, narrow);
    expect_same_on_both_executors([](const auto& a) { return gpu::sum(a, 0); }, narrow);
    const auto cube = pseudo_random<float>({40, 50, 60}, 10);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::sum(a, gpu::dims{0, 2}); }, cube);
    expect_same_on_both_executors(float_sum, [](const auto& a) { return gpu::sum(a, 1, true); }, cube);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a, 0); }, cube);
    expect_same_on_both_executors([](const auto& a) { return gpu::argmax(a.transpose(gpu::dims{2, 0, 1})); }, cube);
    const auto row = pseudo_random<float>({1, 60}, 11);
    expect_same_on_both_executors(float_sum, [](const auto& a, const auto& b) { return gpu::sum(a * b, 0); }, row, cube(0));
}

// Repeated split reductions reuse the per-stream counters: they must come back to zero.
TEST(ReduceLarge, RepeatedCallsAgree) {
    gpu_test::for_each_executor([] {
        const auto x = pseudo_random<std::int32_t>({2000000}, 12);
        const auto first = gpu::sum(x).item();
        for (int i = 0; i < 5; ++i) EXPECT_EQ(gpu::sum(x).item(), first);
        const auto m = pseudo_random<std::int32_t>({4, 500000}, 13);
        const auto a = gpu_test::values_of(gpu::sum(m, 1));
        for (int i = 0; i < 3; ++i) EXPECT_EQ(gpu_test::values_of(gpu::sum(m, 1)), a);
        const auto c = gpu_test::values_of(gpu::sum(m.T(), 0));
        EXPECT_EQ(c, a);
    });
}

}  // namespace
