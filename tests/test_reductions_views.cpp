// Reductions over views without copies (transposed, sliced with negative steps, broadcast),
// over fused expressions (gpu::sum(x * y)), and NaN propagation as NumPy's, on every executor.
#include "support.hpp"

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

TEST(ReduceViews, Transposed) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<double>({2, 3});  // [[0,1,2],[3,4,5]]
        const auto t = x.T();                             // [[0,3],[1,4],[2,5]]
        expect_values<double>(values_of(gpu::sum(t, 0)), {3, 12});
        expect_values<double>(values_of(gpu::sum(t, 1)), {3, 5, 7});
        expect_values<std::int64_t>(values_of(gpu::argmax(t)), {5});  // flat index of t, not of x
        expect_values<std::int64_t>(values_of(gpu::argmin(t, 1)), {0, 0, 0});
        // t.ravel() == [0,3,1,4,2,5]: the first maximum of t - (t == 4) * 10 ... argmax over C order
        const auto u = make<double>({5, 1, 5, 0, 2, 2}, {2, 3}).T();  // [[5,0],[1,2],[5,2]]
        expect_values<std::int64_t>(values_of(gpu::argmax(u)), {0});
        expect_values<std::int64_t>(values_of(gpu::argmax(u, 0)), {0, 1});  // ties: the first
        expect_values<std::int64_t>(values_of(gpu::argmin(u)), {1});
    }
}

TEST(ReduceViews, SlicedAndReversed) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<std::int32_t>({4, 5});
        const auto v = x(gpu::slice(1, 4), gpu::slice(gpu::none, gpu::none, -2));  // rows 1..3, cols 4,2,0
        // [[9,7,5],[14,12,10],[19,17,15]]
        expect_values<std::int64_t>(values_of(gpu::sum(v, 0)), {42, 36, 30});
        expect_values<std::int64_t>(values_of(gpu::sum(v, 1)), {21, 36, 51});
        expect_values<std::int64_t>(values_of(gpu::sum(v)), {108});
        expect_values<std::int64_t>(values_of(gpu::argmin(v)), {2});
        expect_values<std::int64_t>(values_of(gpu::argmax(v, 1)), {0, 0, 0});
        expect_values<std::int32_t>(values_of(gpu::max(v, 0)), {19, 17, 15});
        const auto col = x(gpu::slice(), 3);  // [3, 8, 13, 18]
        expect_values<std::int64_t>(values_of(gpu::prod(col)), {3 * 8 * 13 * 18});
    }
}

TEST(ReduceViews, BroadcastAndFused) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<float>({1, 2, 3});
        const auto b = make<float>({10, 20}, {2, 1});
        // a * b == [[10,20,30],[20,40,60]]
        expect_values<float>(values_of(gpu::sum(a * b)), {180});
        expect_values<float>(values_of(gpu::sum(a * b, 0)), {30, 60, 90});
        expect_values<float>(values_of(gpu::sum(a * b, 1)), {60, 120});
        expect_values<float>(values_of(gpu::max(a + b, gpu::dims{0, 1})), {23});
        expect_values<std::int64_t>(values_of(gpu::argmax(a * b, 0)), {1, 1, 1});
        const auto x = make<float>({1, 2, 3, 4});
        const auto y = make<float>({2, 2, 2, 2});
        expect_values<float>(values_of(gpu::sum(x * y)), {20});  // the dot product
        expect_values<float>(values_of(gpu::sum(x * y + 1.5f)), {26});
        expect_values<float>(values_of(gpu::sum(x * 0.5)), {5});  // weak scalar: float32 stays
        expect_values<bool>(values_of(gpu::any(x > 3.5f)), {true});
        expect_values<bool>(values_of(gpu::all(x > 1.5f)), {false});
        expect_values<std::int64_t>(values_of(gpu::sum(x > 1.5f)), {3});  // bool sums count
        // a stride-0 view: np.broadcast_to(a, (4, 3)).sum(0) == [4, 8, 12]
        const auto bc = gpu_test::view(a, {4, 3}, {0, 1}, 0);
        expect_values<float>(values_of(gpu::sum(bc, 0)), {4, 8, 12});
        expect_values<float>(values_of(gpu::sum(bc, 1)), {6, 6, 6, 6});
    }
}

TEST(ReduceViews, NaNPropagation) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const float nan = std::nanf("");
        const auto x = make<float>({1, nan, 3, nan, 0, 2}, {2, 3});  // [[1,nan,3],[nan,0,2]]
        expect_values<float>(values_of(gpu::max(x)), {nan});
        expect_values<float>(values_of(gpu::min(x, 1)), {nan, nan});
        expect_values<float>(values_of(gpu::max(x, 0)), {nan, nan, 3});
        expect_values<float>(values_of(gpu::sum(x, 0)), {nan, nan, 5});
        expect_values<std::int64_t>(values_of(gpu::argmax(x)), {1});  // the first NaN
        expect_values<std::int64_t>(values_of(gpu::argmin(x)), {1});
        expect_values<std::int64_t>(values_of(gpu::argmax(x, 0)), {1, 0, 0});
        expect_values<std::int64_t>(values_of(gpu::argmin(x, 1)), {1, 0});
        expect_values<bool>(values_of(gpu::all(x, 1)), {true, false});  // NaN is truthy, 0 not
        const float inf = std::numeric_limits<float>::infinity();
        const auto y = make<float>({-inf, -inf});
        expect_values<float>(values_of(gpu::max(y)), {-inf});
        expect_values<std::int64_t>(values_of(gpu::argmax(y)), {0});
        const auto z = make<double>({inf, -inf});
        expect_values<double>(values_of(gpu::sum(z)), {std::nan("")});
    }
}

}  // namespace
