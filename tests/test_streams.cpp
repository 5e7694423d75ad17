// Streams, events and the memory pool: results read on another stream after an event are right,
// an array dropped while another stream still reads it stays valid, pool statistics and the
// limit behave, and everything still works (eagerly) on the host executor.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using gpu_test::values_of;

// On the GPU, enough work that a missing dependency between streams shows as wrong values; the
// host executor runs eagerly and needs no more than a few elements.
std::int64_t work_size(gpu::executor ex) { return ex == gpu::executor::cuda ? std::int64_t{1} << 24 : 4096; }

gpu::ndarray<float> filled(std::int64_t n, float v) {
    gpu::ndarray<float> a({n});
    a.assign(v);
    return a;
}

// A slow element-wise chain with a known result: sqrt(|x|) squared, |x| up to rounding.
template <class E>
auto slow(const E& x) {
    return gpu::sqrt(gpu::exp(gpu::log(gpu::abs(x) + 1.0f)) - 1.0f) * gpu::sqrt(gpu::exp(gpu::log(gpu::abs(x) + 1.0f)) - 1.0f);
}

TEST(Streams, ResultReadOnAnotherStreamAfterEvent) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::stream producer, consumer;
        gpu::event ready;
        gpu::ndarray<float> z;
        {
            gpu::stream_scope on(producer);
            const auto x = filled(work_size(ex), 3.0f);
            z = slow(x);
            ready.record();
        }
        gpu::stream_scope on(consumer);
        consumer.wait(ready);
        const auto got = gpu::asnumpy(z(gpu::slice(gpu::none, gpu::none, 64)));
        for (float v : got) EXPECT_NEAR(v, 3.0f, 1e-3f);
        consumer.synchronize();
        EXPECT_TRUE(consumer.query());
        EXPECT_TRUE(ready.query());
    }
}

// `a` is allocated on stream s1, read by a long kernel on s2, and dropped while that kernel may
// still run. Its memory must not be handed out again on s1 before s2 is done with it.
TEST(Streams, ArrayFreedWhileAnotherStreamReadsIt) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::stream s1, s2;
        gpu::ndarray<float> b;
        {
            gpu::ndarray<float> a;
            {
                gpu::stream_scope on(s1);
                a = filled(work_size(ex), 2.0f);
                s1.synchronize();
            }
            gpu::stream_scope on(s2);
            b = slow(a) + slow(a);  // 2 * |a| = 4
        }  // the last handle on `a` goes here, with s1 current nowhere and s2 maybe still running
        {
            gpu::stream_scope on(s1);
            for (int i = 0; i < 4; ++i) {
                auto junk = filled(work_size(ex), -1000.0f);  // would reuse a's memory if freed too early
                s1.synchronize();
            }
        }
        s2.synchronize();
        const auto got = gpu::asnumpy(b(gpu::slice(gpu::none, gpu::none, 64)));
        for (float v : got) EXPECT_NEAR(v, 4.0f, 1e-3f);
    }
}

// The same for the library kernels (scan, boolean mask, take): `a` is read on s2 behind slow
// work there, after its last handle has gone.
TEST(Streams, ArrayFreedWhileALibraryKernelReadsIt) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::int64_t n = work_size(ex);
        gpu::stream s1, s2;
        gpu::ndarray<float> scanned, selected, taken;
        const gpu::ndarray<std::int64_t> idx = gpu::arange<std::int64_t>(0, n, 64);
        {
            gpu::ndarray<float> a;
            gpu::ndarray<bool> mask;
            {
                gpu::stream_scope on(s1);
                a = filled(n, 2.0f);
                mask = gpu::arange<std::int64_t>(n) % 2 == 0;
                s1.synchronize();
            }
            gpu::stream_scope on(s2);
            auto delay = filled(n, 1.0f);
            for (int i = 0; i < 4; ++i) delay = slow(delay);  // keeps s2 busy
            scanned = gpu::cumsum(a);
            taken = gpu::take(a, idx);
            selected = a[mask];
        }  // the last handles on `a` and `mask` go here
        {
            gpu::stream_scope on(s1);
            for (int i = 0; i < 4; ++i) {
                auto junk = filled(n, -1000.0f);  // would reuse their memory if freed too early
                s1.synchronize();
            }
        }
        s2.synchronize();
        const auto got = gpu::asnumpy(scanned(gpu::slice(gpu::none, gpu::none, 4096)));
        for (std::size_t i = 0; i < got.size(); ++i) EXPECT_FLOAT_EQ(got[i], 2.0f * static_cast<float>(i * 4096 + 1)) << i;
        EXPECT_EQ(selected.size(), n / 2);
        for (float v : gpu::asnumpy(selected(gpu::slice(gpu::none, gpu::none, 64)))) EXPECT_EQ(v, 2.0f);
        for (float v : gpu::asnumpy(taken)) EXPECT_EQ(v, 2.0f);
    }
}

TEST(Streams, ElementwiseOnAStreamMatchesDefault) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu::asarray<int>({1, 2, 3, 4});
        gpu::stream s;
        gpu::stream_scope on(s);
        const gpu::ndarray<int> y = x * 10 + 1;
        EXPECT_EQ(values_of(y), (std::vector<int>{11, 21, 31, 41}));
    }
}

TEST(Events, ElapsedTimeIsMeasured) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::event start, stop;
        start.record();
        const auto x = filled(work_size(ex), 1.0f);
        const gpu::ndarray<float> y = slow(x);
        stop.record();
        stop.synchronize();
        EXPECT_GE(elapsed_ms(start, stop), 0.0f);
        EXPECT_TRUE(stop.query());
        gpu::synchronize();
    }
}

TEST(Memory, StatsTrackLiveArrays) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "the device pool needs a GPU";
    gpu::executor_scope on(gpu::executor::cuda);
    const auto before = gpu::memory::stats();
    {
        gpu::ndarray<float> a({std::int64_t{1} << 24});  // 64 MiB
        const auto during = gpu::memory::stats();
        EXPECT_EQ(during.used_bytes - before.used_bytes, std::int64_t{64} << 20);
        EXPECT_GE(during.peak_bytes, during.used_bytes);
    }
    const auto after = gpu::memory::stats();
    EXPECT_EQ(after.used_bytes, before.used_bytes);
    EXPECT_GE(after.cached_bytes, std::int64_t{64} << 20);  // kept in the pool for reuse
    gpu::memory::release_cached();
    EXPECT_LT(gpu::memory::stats().cached_bytes, std::int64_t{64} << 20);
}

TEST(Memory, LimitThrowsAndThePoolStillWorks) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "the device pool needs a GPU";
    gpu::executor_scope on(gpu::executor::cuda);
    const std::int64_t used = gpu::memory::stats().used_bytes;
    gpu::memory::set_limit(used + (std::int64_t{1} << 20));
    EXPECT_EQ(gpu::memory::limit(), used + (std::int64_t{1} << 20));
    try {
        gpu::ndarray<float> a({std::int64_t{1} << 20});  // 4 MiB > 1 MiB of headroom
        ADD_FAILURE() << "no exception over the limit";
    } catch (const gpu::out_of_memory& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("4194304 bytes"), std::string::npos) << what;
        EXPECT_NE(what.find("limit"), std::string::npos) << what;
    }
    gpu::ndarray<float> small({1000});  // within the limit
    gpu::memory::set_limit(0);
    gpu::ndarray<float> a({std::int64_t{1} << 20});
    a.assign(1.5f);
    EXPECT_EQ(values_of(a(gpu::slice(0, 2))), (std::vector<float>{1.5f, 1.5f}));
    EXPECT_THROW(gpu::memory::set_limit(-1), gpu::value_error);
}

// A request the device cannot satisfy at all is an out_of_memory naming it, and afterwards the
// pool serves ordinary requests.
TEST(Memory, DeviceOutOfMemory) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a GPU";
    gpu::executor_scope on(gpu::executor::cuda);
    try {
        gpu::ndarray<float> huge({std::int64_t{1} << 40});  // 4 TiB
        ADD_FAILURE() << "no exception";
    } catch (const gpu::out_of_memory& e) {
        EXPECT_NE(std::string(e.what()).find("4398046511104 bytes"), std::string::npos) << e.what();
    }
    const gpu::ndarray<int> fine = gpu::asarray<int>({1, 2}) + 1;
    EXPECT_EQ(values_of(fine), (std::vector<int>{2, 3}));
}

// Runs op() under memory limits from no headroom upwards, so that its allocations fail one after
// another wherever they are (the result, a temporary, a workspace), until it succeeds. Every
// failure must be a gpu::out_of_memory that leaves the pool as it was: no bytes still charged,
// no refused frees, no pending CUDA error. Returns op's result.
template <class F>
auto under_growing_limits(F&& op) {
    const auto before = gpu::memory::stats();
    int failures = 0;
    for (std::int64_t headroom = 0;; headroom = headroom ? headroom + headroom / 2 : 256) {
        gpu::memory::set_limit(before.used_bytes + headroom);
        try {
            auto r = op();
            gpu::memory::set_limit(0);
            EXPECT_GT(failures, 0) << "the operation never ran out of memory";
            EXPECT_EQ(gpu::memory::stats().free_errors, before.free_errors);
            return r;
        } catch (const gpu::out_of_memory&) {
            ++failures;
            gpu::synchronize();
            const auto after = gpu::memory::stats();
            EXPECT_EQ(after.used_bytes, before.used_bytes) << "leaked after a failure with " << headroom << " bytes of headroom";
            EXPECT_EQ(after.free_errors, before.free_errors);
            EXPECT_EQ(cudaGetLastError(), cudaSuccess);
        } catch (...) {
            gpu::memory::set_limit(0);
            throw;
        }
        if (headroom > (std::int64_t{1} << 32)) {
            gpu::memory::set_limit(0);
            ADD_FAILURE() << "still out of memory with 4 GiB of headroom";
            return decltype(op()){};
        }
    }
}

// Allocation failures in the middle of a fused expression (an overlapping assignment goes through
// a temporary), a reduction along an axis (partial results) and a sort (keys and CUB's temporary
// storage): the pool stays usable, nothing leaks, and the operation then gives the right values.
TEST(Memory, AllocationFailureInsideOperationsLeaksNothing) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "the memory limit applies to the device pool";
    gpu::executor_scope on(gpu::executor::cuda);
    const std::int64_t n = 1 << 20;
    const gpu::ndarray<std::int64_t> i = gpu::arange<std::int64_t>(n);
    const gpu::ndarray<float> x = gpu::eval((i % 1000).astype<float>());

    const auto shifted = under_growing_limits([&] {
        gpu::ndarray<float> a = x.copy();
        a(gpu::slice(1, gpu::none)) = a(gpu::slice(gpu::none, -1)) * 2.0f + x(gpu::slice(1, gpu::none));
        return gpu_test::values_of(a(gpu::slice(0, 4)));
    });
    EXPECT_EQ(shifted, (std::vector<float>{0, 1, 4, 7}));

    const auto sums = under_growing_limits([&] {
        return gpu_test::values_of(gpu::sum(x.reshape({1024, 1024}) * 2.0f, 0).astype<double>());
    });
    ASSERT_EQ(sums.size(), 1024u);
    double column0 = 0;  // x.reshape(1024, 1024)[:, 0] * 2, summed: integers, exact in float32
    for (std::int64_t r = 0; r < 1024; ++r) column0 += 2.0 * ((r * 1024) % 1000);
    EXPECT_EQ(sums[0], column0);

    const auto sorted = under_growing_limits([&] {
        const gpu::ndarray<float> s = gpu::sort(x);
        return std::vector<float>{s(gpu::slice(0, 1)).item(), s(gpu::slice(n - 1, n)).item(),
                                  static_cast<float>(gpu::count_nonzero(s(gpu::slice(1, n)) < s(gpu::slice(0, n - 1))))};
    });
    EXPECT_EQ(sorted, (std::vector<float>{0.0f, 999.0f, 0.0f}));

    // And the pool serves ordinary work afterwards.
    const gpu::ndarray<float> fine = x(gpu::slice(0, 3)) + 1.0f;
    EXPECT_EQ(gpu_test::values_of(fine), (std::vector<float>{1, 2, 3}));
}

TEST(Memory, LimitFromTheEnvironmentParses) {
    setenv("GPU_NDARRAY_TEST_BYTES", "512M", 1);
    EXPECT_EQ(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), std::int64_t{512} << 20);
    setenv("GPU_NDARRAY_TEST_BYTES", "8G", 1);
    EXPECT_EQ(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), std::int64_t{8} << 30);
    setenv("GPU_NDARRAY_TEST_BYTES", "12345", 1);
    EXPECT_EQ(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), 12345);
    setenv("GPU_NDARRAY_TEST_BYTES", "lots", 1);
    EXPECT_THROW(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), gpu::value_error);
    setenv("GPU_NDARRAY_TEST_BYTES", "4GB", 1);
    EXPECT_THROW(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), gpu::value_error);
    unsetenv("GPU_NDARRAY_TEST_BYTES");
    EXPECT_EQ(gpu::detail::env_bytes("GPU_NDARRAY_TEST_BYTES"), 0);
}

}  // namespace
