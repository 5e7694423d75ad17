// detail::index_leaf, the C-order element index that creation functions and random numbers are
// built from: its values on both executors, in every kernel variant (flat, strided with and
// without inner vectors, tiled), broadcast, and written into views of any layout.
#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu::detail::index_leaf;
using gpu_test::values_of;

std::vector<std::int64_t> iota(std::int64_t n) {
    std::vector<std::int64_t> v;
    for (std::int64_t i = 0; i < n; ++i) v.push_back(i);
    return v;
}

TEST(IndexLeaf, FlatIsArange) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(values_of(gpu::eval(index_leaf({5}))), iota(5));
        EXPECT_EQ(values_of(gpu::eval(index_leaf({100003}))), iota(100003));  // vector body and tail
        const auto e = gpu::eval(index_leaf({0}));
        EXPECT_EQ(e.size(), 0);
        EXPECT_EQ(e.where(), ex);  // no arrays: made on the current executor
    }
}

// Row numbers (n,1) and column numbers (m,) broadcast to (n,m): i * 1000 + j.
TEST(IndexLeaf, RowsAndColumnsBroadcast) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (std::int64_t m : {7, 64}) {  // 64: the strided kernel's inner vectors
            const std::int64_t n = 37;
            const auto r = gpu::eval(index_leaf({n, 1}) * 1000 + index_leaf({m}));
            std::vector<std::int64_t> expect;
            for (std::int64_t i = 0; i < n; ++i)
                for (std::int64_t j = 0; j < m; ++j) expect.push_back(i * 1000 + j);
            EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(gpu::shape_t{n, m}));
            EXPECT_EQ(values_of(r), expect);
        }
    }
}

// The index is that of the destination's shape, whatever its memory layout: writing into a
// transposed view (the tiled kernel on the GPU) or a reversed view numbers elements as the view
// sees them.
TEST(IndexLeaf, IntoViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::ndarray<std::int64_t> a({40, 50});
        a.T() = index_leaf({50, 40});  // a.T()[i, j] = i * 40 + j, so a[j, i] = i * 40 + j
        std::vector<std::int64_t> expect;
        for (std::int64_t j = 0; j < 40; ++j)
            for (std::int64_t i = 0; i < 50; ++i) expect.push_back(i * 40 + j);
        EXPECT_EQ(values_of(a), expect);

        gpu::ndarray<float> b({10});
        b(gpu::slice(gpu::none, gpu::none, -1)) = index_leaf({10}).astype<float>();
        EXPECT_EQ(values_of(b), (std::vector<float>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    }
}

TEST(IndexLeaf, KernelsCompile) {
    using E = decltype(gpu::detail::as_node(index_leaf({4}) * 2 + gpu::ndarray<float>()));
    gpu_test::expect_kernel_variants_compile<E>("index_leaf * 2 + float array", /*all_variants=*/true);
}

}  // namespace
