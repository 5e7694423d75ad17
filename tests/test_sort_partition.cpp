// gpu::partition, argpartition (the partition property for each kth, NumPy's kth error) and
// gpu::lexsort (NumPy's values, ties through every key).
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using i64 = std::int64_t;

TEST(Partition, KthHolds) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{7, 1, 5, 3, 9, 2, 8});
        const std::vector<int> sorted{1, 2, 3, 5, 7, 8, 9};
        for (i64 k : {0, 3, 6, -1}) {
            const auto p = values_of(gpu::partition(a, k));
            const i64 kk = k < 0 ? k + 7 : k;
            EXPECT_EQ(p[kk], sorted[kk]);
            for (i64 i = 0; i < kk; ++i) EXPECT_LE(p[i], p[kk]);
            for (i64 i = kk + 1; i < 7; ++i) EXPECT_GE(p[i], p[kk]);
            const auto ip = values_of(gpu::argpartition(a, k));
            EXPECT_EQ(values_of(a)[ip[kk]], sorted[kk]);
        }
        const auto two = values_of(gpu::partition(a, std::vector<i64>{1, 4}));
        EXPECT_EQ(two[1], 2);
        EXPECT_EQ(two[4], 7);
        const auto m = make(std::vector<int>{3, 1, 2, 9, 7, 8}, {2, 3});
        expect_values(values_of(gpu::partition(m, 1, 0)), std::vector<int>{3, 1, 2, 9, 7, 8});
        EXPECT_EQ(values_of(gpu::partition(m, 1))[1], 2);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::partition(a, 7); }, "kth(=7) out of bounds (7)");
    }
}

TEST(Lexsort, LastKeyFirst) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // np.lexsort((b, a)): sort by a, then by b.
        const auto a = make(std::vector<int>{1, 5, 1, 4, 3, 4, 4});
        const auto b = make(std::vector<int>{9, 4, 0, 4, 0, 2, 1});
        expect_values(values_of(gpu::lexsort(std::vector<gpu::ndarray<int>>{b, a})), std::vector<i64>{2, 0, 4, 6, 5, 3, 1});
        expect_values(values_of(gpu::lexsort(std::vector<gpu::ndarray<int>>{a})), std::vector<i64>{0, 2, 4, 3, 5, 6, 1});
    }
}

}  // namespace
