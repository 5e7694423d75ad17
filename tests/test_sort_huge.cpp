// Sort and unique of more than 2^32 keys on the GPU (64-bit offsets, 17 portions of the onesweep
// passes): uint8 keys (i * 7919) % 251, whose counts are known; ~45 GB of device memory. Runs only
// on a CUDA device with GPU_NDARRAY_DEVICE=cuda (the GPU run); skipped elsewhere.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

TEST(SortHuge, MoreThan2p32Keys) {
    const char* dev = std::getenv("GPU_NDARRAY_DEVICE");
    if (!gpu::cuda_available() || !dev || std::string(dev) != "cuda") GTEST_SKIP() << "needs the GPU run";
    gpu::executor_scope on_gpu(gpu::executor::cuda);
    const std::int64_t n = (std::int64_t{1} << 32) + 1000;
    gpu::ndarray<std::uint8_t> x;
    {
        const auto i = gpu::arange<std::int64_t>(0, n);
        x = gpu::eval(((i * std::int64_t{7919}) % std::int64_t{251}).astype<std::uint8_t>());
    }
    {
        const auto s = gpu::sort(x);
        ASSERT_EQ(s.size(), n);
        EXPECT_EQ(gpu::count_nonzero(s(gpu::slice(1, n)) < s(gpu::slice(0, n - 1))), 0);
        EXPECT_EQ(s(gpu::slice(0, 1)).item(), 0);
        EXPECT_EQ(s(gpu::slice(n - 1, n)).item(), 250);
    }
    std::vector<std::int64_t> expected(251, 0);
    for (std::int64_t t = 0; t < 251; ++t) expected[(t * 7919) % 251] = (n - 1 - t) / 251 + 1;
    const auto u = gpu::unique_counts(x);
    ASSERT_EQ(u.values.size(), 251);
    const auto counts = gpu_test::values_of(u.counts);
    for (int v = 0; v < 251; ++v) EXPECT_EQ(counts[v], expected[v]) << "value " << v;
}

}  // namespace
