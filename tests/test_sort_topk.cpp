// gpu::topk: largest and smallest k along each axis, ties, NaN (the largest), k = 0 and k = n,
// errors; a large case compared with the host executor on the GPU.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using i64 = std::int64_t;

TEST(Topk, AxesAndOrder) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<float>{3, 1, 4, 1, 5, 9}, {2, 3});
        auto t = gpu::topk(a, 2);
        EXPECT_EQ(gpu::to_string(t.values.shape()), gpu::to_string(gpu::shape_t{2, 2}));
        expect_values(values_of(t.values), std::vector<float>{4, 3, 9, 5});
        expect_values(values_of(t.indices), std::vector<i64>{2, 0, 2, 1});
        auto s = gpu::topk(a, 1, 0, false);
        expect_values(values_of(s.values), std::vector<float>{1, 1, 4});
        expect_values(values_of(s.indices), std::vector<i64>{1, 0, 0});
        auto ties = gpu::topk(make(std::vector<int>{2, 7, 2, 7}), 3, -1, false);
        expect_values(values_of(ties.indices), std::vector<i64>{0, 2, 1});
        auto n = gpu::topk(make(std::vector<float>{1, nan, 2}), 2);
        expect_values(values_of(n.values), std::vector<float>{nan, 2});
        expect_values(values_of(n.indices), std::vector<i64>{1, 2});
        EXPECT_EQ(gpu::topk(a, 0).values.size(), 0);
        expect_values(values_of(gpu::topk(a, 3, 1, false).values), std::vector<float>{1, 3, 4, 1, 5, 9});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::topk(a, 4); }, "selected index k out of range");
    }
}

TEST(Topk, LargeSameOnEveryExecutor) {
    std::mt19937 g(4);
    std::uniform_int_distribution<int> d(-500, 500);
    std::vector<int> v(60000);
    for (auto& x : v) x = d(g);
    gpu_test::same_on_every_executor([&] {
        const auto t = gpu::topk(make(v, {300, 200}), 17, 0);
        return std::make_tuple(values_of(t.values), values_of(t.indices));
    });
}

}  // namespace
