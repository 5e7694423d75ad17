// Every family past 2^31 elements (64-bit index arithmetic, grids that must loop, offsets that do
// not fit int32): creation and fills, reductions with and without axes, a scan, take, put,
// boolean masks and nonzero, random fills, and sort and unique past 2^32 keys. Values are checked
// at both ends and across the 2^31 boundary. int8 / uint8 / bool arrays keep it within ~45 GB of
// device memory (the sort; the rest needs ~20 GB). Runs only in the GPU run (a CUDA device and
// GPU_NDARRAY_DEVICE=cuda), and each test skips when the device has too little free memory.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace {

using gpu_test::values_of;

constexpr std::int64_t two31 = std::int64_t{1} << 31;
constexpr std::int64_t n = two31 + 4100;  // divisible by 4
constexpr std::int64_t planted_max = two31 + 5, planted_min = n - 1;

// x[i] = (i * 7919) % 251 - 125 (period 251, each period sums to 0), with 127 planted at
// 2^31 + 5 and -128 at the last element: unique extremes on both sides of the boundary.
std::int64_t value(std::int64_t i) {
    if (i == planted_max) return 127;
    if (i == planted_min) return -128;
    return (i * 7919) % 251 - 125;
}
// sum of value(i) for i in [a, b).
std::int64_t range_sum(std::int64_t a, std::int64_t b) {
    std::int64_t s = 0;
    const std::int64_t full_start = (a + 250) / 251 * 251, full_end = b / 251 * 251;
    if (full_start >= full_end) {
        for (std::int64_t i = a; i < b; ++i) s += (i * 7919) % 251 - 125;
    } else {
        for (std::int64_t i = a; i < full_start; ++i) s += (i * 7919) % 251 - 125;
        for (std::int64_t i = full_end; i < b; ++i) s += (i * 7919) % 251 - 125;
    }
    for (std::int64_t p : {planted_max, planted_min})
        if (p >= a && p < b) s += value(p) - ((p * 7919) % 251 - 125);
    return s;
}

// Positions checked in every test: both ends and both sides of 2^31.
const std::vector<std::int64_t> probes{0, 1, two31 - 2, two31 - 1, two31, two31 + 1, two31 + 5, n - 2, n - 1};

bool gpu_run(std::int64_t bytes_needed, std::string* why) {
    const char* dev = std::getenv("GPU_NDARRAY_DEVICE");
    if (!gpu::cuda_available() || !dev || std::string(dev) != "cuda") {
        *why = "needs the GPU run (GPU_NDARRAY_DEVICE=cuda)";
        return false;
    }
    gpu::memory::release_cached();
    std::size_t free = 0, total = 0;
    if (cudaMemGetInfo(&free, &total) != cudaSuccess || static_cast<std::int64_t>(free) < bytes_needed + (std::int64_t{1} << 30)) {
        *why = "needs " + std::to_string(bytes_needed >> 30) + " GiB of free device memory, has " + std::to_string(free >> 30);
        return false;
    }
    return true;
}
#define HUGE_SKIP_UNLESS(bytes)                          \
    do {                                                 \
        std::string why_;                               \
        if (!gpu_run(bytes, &why_)) GTEST_SKIP() << why_; \
    } while (0)

gpu::ndarray<std::int8_t> make_x() {
    gpu::ndarray<std::int8_t> x;
    {
        const auto i = gpu::arange<std::int64_t>(0, n);  // 16 GiB, dropped before the tests run
        x = gpu::eval(((i * std::int64_t{7919}) % std::int64_t{251} - std::int64_t{125}).astype<std::int8_t>());
    }
    x(gpu::slice(planted_max, planted_max + 1)).assign(std::int8_t{127});
    x(gpu::slice(planted_min, planted_min + 1)).assign(std::int8_t{-128});
    return x;
}

std::int8_t at(const gpu::ndarray<std::int8_t>& a, std::int64_t i) { return a(gpu::slice(i, i + 1)).item(); }

class Huge : public ::testing::Test {
protected:
    void SetUp() override { gpu_scope_.emplace(gpu::cuda_available() ? gpu::executor::cuda : gpu::executor::host); }
    std::optional<gpu::executor_scope> gpu_scope_;
};

TEST_F(Huge, CreationAndFills) {
    HUGE_SKIP_UNLESS(20 * (std::int64_t{1} << 30));
    const auto x = make_x();  // arange and a fused expression: 64-bit element indices
    for (std::int64_t i : probes) EXPECT_EQ(at(x, i), value(i)) << "element " << i;
    gpu::ndarray<std::int8_t> f = gpu::full<std::int8_t>({n}, -7);
    for (std::int64_t i : probes) EXPECT_EQ(at(f, i), -7) << "element " << i;
    f.assign(std::int8_t{9});
    f(gpu::slice(two31 - 1, two31 + 2)).assign(std::int8_t{1});
    EXPECT_EQ(values_of(f(gpu::slice(two31 - 2, two31 + 3))), (std::vector<std::int8_t>{9, 1, 1, 1, 9}));
    EXPECT_EQ(at(f, n - 1), 9);
    const auto z = gpu::zeros<bool>({n});
    EXPECT_EQ(gpu::count_nonzero(z), 0);
}

TEST_F(Huge, ReductionsWithAndWithoutAxes) {
    HUGE_SKIP_UNLESS(20 * (std::int64_t{1} << 30));
    const auto x = make_x();
    EXPECT_EQ(gpu::sum(x).item(), range_sum(0, n));
    EXPECT_EQ(gpu::max(x).item(), 127);
    EXPECT_EQ(gpu::min(x).item(), -128);
    EXPECT_EQ(gpu::argmax(x).item(), planted_max);
    EXPECT_EQ(gpu::argmin(x).item(), planted_min);
    EXPECT_TRUE(gpu::any(x == std::int8_t{127}).item());
    EXPECT_FALSE(gpu::all(x > std::int8_t{-128}).item());

    // Four rows of n/4: row sums read offsets past 2^31, column sums have n/4 outputs.
    const std::int64_t q = n / 4;
    const auto rows = x.reshape({4, q});
    const auto row_sums = values_of(gpu::sum(rows, 1));
    for (std::int64_t r = 0; r < 4; ++r) EXPECT_EQ(row_sums[r], range_sum(r * q, (r + 1) * q)) << "row " << r;
    const auto col_sums = gpu::sum(rows, 0);
    for (std::int64_t j : {std::int64_t{0}, std::int64_t{5}, q - 1, planted_max - 3 * q}) {
        std::int64_t expected = 0;
        for (std::int64_t r = 0; r < 4; ++r) expected += value(r * q + j);
        EXPECT_EQ(col_sums(gpu::slice(j, j + 1)).item(), expected) << "column " << j;
    }
    const auto row_max = values_of(gpu::argmax(rows, 1));
    EXPECT_EQ(row_max[3], planted_max - 3 * q);  // 3q <= 2^31 + 5 < 4q: the planted maximum is in row 3
}

TEST_F(Huge, Scan) {
    HUGE_SKIP_UNLESS(24 * (std::int64_t{1} << 30));
    const auto x = make_x();
    const gpu::ndarray<std::int64_t> c = gpu::cumsum(x);  // int64: 17 GB
    ASSERT_EQ(c.size(), n);
    for (std::int64_t i : probes) EXPECT_EQ(c(gpu::slice(i, i + 1)).item(), range_sum(0, i + 1)) << "element " << i;
}

TEST_F(Huge, TakeAndPut) {
    HUGE_SKIP_UNLESS(8 * (std::int64_t{1} << 30));
    auto x = make_x();
    const auto idx = gpu::asarray(probes);
    std::vector<std::int8_t> expected;
    for (std::int64_t i : probes) expected.push_back(static_cast<std::int8_t>(value(i)));
    EXPECT_EQ(values_of(gpu::take(x, idx)), expected);
    // Along the long axis of a (4, n/4) view: elements at row 3 lie past 2^31.
    const std::int64_t q = n / 4;
    const auto cols = gpu::asarray(std::vector<std::int64_t>{0, q - 1, -1, planted_max - 3 * q});
    const auto t = values_of(gpu::take(x.reshape({4, q}), cols, 1));
    EXPECT_EQ(t[4 * 3 + 3], 127);       // row 3 (3q <= 2^31 + 5 < 4q), column planted_max - 3q
    EXPECT_EQ(t[4 * 3 + 1], -128);      // row 3, column q - 1: the last element
    EXPECT_EQ(t[4 * 3 + 2], -128);      // column -1: the same
    EXPECT_EQ(t[4 * 3 + 0], value(3 * q));

    gpu::put(x, idx, gpu::asarray(std::vector<std::int8_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(values_of(gpu::take(x, idx)), (std::vector<std::int8_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(at(x, two31 + 2), value(two31 + 2));  // neighbours untouched
    EXPECT_EQ(at(x, two31 - 3), value(two31 - 3));
}

TEST_F(Huge, MasksAndNonzero) {
    HUGE_SKIP_UNLESS(12 * (std::int64_t{1} << 30));
    const auto x = make_x();
    const gpu::ndarray<bool> top = x == std::int8_t{127};
    EXPECT_EQ(gpu::count_nonzero(top), 1);
    EXPECT_EQ(values_of(gpu::flatnonzero(top)), (std::vector<std::int64_t>{planted_max}));
    EXPECT_EQ(values_of(gpu::flatnonzero(x < std::int8_t{-125})), (std::vector<std::int64_t>{planted_min}));
    EXPECT_EQ(values_of(gpu::ndarray<std::int8_t>(x[top])), (std::vector<std::int8_t>{127}));
    // Many selected: every value above 120 (5 of each 251), in order.
    const gpu::ndarray<std::int8_t> high = x[x > std::int8_t{120}];
    std::int64_t count = 0;
    for (std::int64_t t = 0; t < 251; ++t)
        if ((t * 7919) % 251 - 125 > 120) count += (n - 1 - t) / 251 + 1;
    count += 1;  // the planted 127 replaced a value of (planted_max * 7919) % 251 - 125
    if ((planted_max * 7919) % 251 - 125 > 120) count -= 1;
    if ((planted_min * 7919) % 251 - 125 > 120) count -= 1;
    EXPECT_EQ(high.size(), count);
    EXPECT_EQ(gpu::min(high).item(), 121);
    EXPECT_EQ(gpu::max(high).item(), 127);
    // Writing through a mask past the boundary.
    auto y = x.copy();
    y[x == std::int8_t{127}] = std::int8_t{0};
    EXPECT_EQ(at(y, planted_max), 0);
    EXPECT_EQ(at(y, planted_max + 1), value(planted_max + 1));
}

TEST_F(Huge, RandomFills) {
    HUGE_SKIP_UNLESS(8 * (std::int64_t{1} << 30));
    gpu::random::seed(1234);
    const auto r = gpu::random::randint<std::int8_t>(-100, 101, {n});
    EXPECT_GE(gpu::min(r).item(), -100);
    EXPECT_LE(gpu::max(r).item(), 100);
    // The mean of 2^31 uniform draws from [-100, 100]: 0 within 6 standard deviations.
    const double mean = gpu::mean(r).item();
    EXPECT_NEAR(mean, 0.0, 6 * 58.0 / 46340.0);
    // Past 2^31 the stream continues, it does not repeat the first elements (a 32-bit counter would).
    EXPECT_NE(values_of(r(gpu::slice(0, 1000))), values_of(r(gpu::slice(two31, two31 + 1000))));
    EXPECT_GT(gpu::count_nonzero(r(gpu::slice(n - 100000, n))), 90000);
    // The same seed gives the same numbers again.
    gpu::random::seed(1234);
    const auto again = gpu::random::randint<std::int8_t>(-100, 101, {n});
    EXPECT_EQ(values_of(again(gpu::slice(two31 - 3, two31 + 3))), values_of(r(gpu::slice(two31 - 3, two31 + 3))));
    EXPECT_EQ(gpu::count_nonzero(again != r), 0);
}

// Sort and unique of more than 2^32 keys (64-bit offsets, 17 portions of the onesweep passes):
// uint8 keys (i * 7919) % 251, whose counts are known; ~45 GB.
TEST_F(Huge, SortAndUniquePast2p32Keys) {
    HUGE_SKIP_UNLESS(46 * (std::int64_t{1} << 30));
    const std::int64_t m = (std::int64_t{1} << 32) + 1000;
    gpu::ndarray<std::uint8_t> x;
    {
        const auto i = gpu::arange<std::int64_t>(0, m);
        x = gpu::eval(((i * std::int64_t{7919}) % std::int64_t{251}).astype<std::uint8_t>());
    }
    std::vector<std::int64_t> expected(251, 0);
    for (std::int64_t t = 0; t < 251; ++t) expected[(t * 7919) % 251] = (m - 1 - t) / 251 + 1;
    // The sorted value at position p: the one whose run of equal keys covers p.
    auto sorted_at = [&](std::int64_t p) {
        int v = 0;
        for (std::int64_t start = 0; start + expected[v] <= p; start += expected[v]) ++v;
        return static_cast<std::uint8_t>(v);
    };
    {
        const auto s = gpu::sort(x);
        ASSERT_EQ(s.size(), m);
        EXPECT_EQ(gpu::count_nonzero(s(gpu::slice(1, m)) < s(gpu::slice(0, m - 1))), 0);
        for (std::int64_t p : {std::int64_t{0}, two31 - 1, two31, (std::int64_t{1} << 32) - 1, std::int64_t{1} << 32, m - 1})
            EXPECT_EQ(s(gpu::slice(p, p + 1)).item(), sorted_at(p)) << "position " << p;
    }
    const auto u = gpu::unique_counts(x);
    ASSERT_EQ(u.values.size(), 251);
    const auto counts = values_of(u.counts);
    for (int v = 0; v < 251; ++v) EXPECT_EQ(counts[v], expected[v]) << "value " << v;
}

}  // namespace
