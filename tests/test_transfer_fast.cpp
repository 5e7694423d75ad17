// Large and pipelined transfers: round trips of pageable (std::vector) and pinned
// (gpu::pinned_vector) memory above the staging threshold, with sizes that are not a multiple
// of the staging chunk, exact values, several dtypes; the pipeline with small chunks, few
// buffers and several threads; non-contiguous arrays (transposed, negative strides, broadcast);
// gpu::asarray_async / gpu::asnumpy_async with a stream and an event; the pinned allocator.
// Every body runs once per executor (host always, cuda when present).
#include "support.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::view;

// Host storage of T: bytes for bool (std::vector<bool> has no data()).
template <class T>
using stored_t = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

// A value per index that differs between neighbours and between chunks, exact in every dtype.
template <class T>
stored_t<T> pattern(std::size_t i) {
    if constexpr (std::is_same_v<T, bool>) return static_cast<std::uint8_t>((i * 2654435761u >> 7) & 1);
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(static_cast<std::int64_t>(i % 1000003) - 500000) * T(0.5);
    else return static_cast<T>(i * 2654435761u + (i >> 13));
}

template <class T, class V>
void fill_pattern(V& v) {
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = pattern<T>(i);
}

// Index of the first element that differs, or -1.
template <class A, class B>
std::int64_t first_difference(const A& a, const B& b) {
    if (a.size() != b.size()) return 0;
    if (std::memcmp(a.data(), b.data(), a.size() * sizeof(a[0])) == 0) return -1;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::memcmp(&a[i], &b[i], sizeof(a[0])) != 0) return static_cast<std::int64_t>(i);
    return -1;
}

// Round trip through the synchronous API: host memory of n elements in storage V.
template <class T, class V>
void round_trip(std::size_t n) {
    V src(n), back(n);
    fill_pattern<T>(src);
    const auto* p = reinterpret_cast<const T*>(src.data());
    const gpu::ndarray<T> a = gpu::asarray(p, gpu::shape_t{static_cast<std::int64_t>(n)});
    ASSERT_EQ(a.size(), static_cast<std::int64_t>(n));
    EXPECT_EQ(a.where(), gpu::current_executor());
    gpu::asnumpy(a, std::span<T>(reinterpret_cast<T*>(back.data()), n));
    EXPECT_EQ(first_difference(src, back), -1) << n << " elements";
}

// Restores the pipeline settings at the end of a test.
struct settings_guard {
    gpu::detail::transfer_settings saved = gpu::detail::get_transfer_settings();
    ~settings_guard() { gpu::detail::set_transfer_settings(saved); }
};

constexpr std::size_t mib = std::size_t{1} << 20;

template <class T>
class TransferFast : public ::testing::Test {};
TYPED_TEST_SUITE(TransferFast, gpu_test::sample_dtypes, gpu_test::dtype_names);

}  // namespace

// 24 MiB and an odd tail: three default chunks and a partial one, above the threshold.
TYPED_TEST(TransferFast, PageableRoundTripOddSize) {
    using T = TypeParam;
    const std::size_t n = 24 * mib / sizeof(T) + 12347;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) { round_trip<T, std::vector<stored_t<T>>>(n); }
}

TYPED_TEST(TransferFast, PinnedRoundTripOddSize) {
    using T = TypeParam;
    const std::size_t n = 24 * mib / sizeof(T) + 12347;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) { round_trip<T, gpu::pinned_vector<stored_t<T>>>(n); }
}

// Below the threshold: the direct path, also empty and one element.
TYPED_TEST(TransferFast, SmallRoundTrips) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{300001}}) {
            round_trip<T, std::vector<stored_t<T>>>(n);
            round_trip<T, gpu::pinned_vector<stored_t<T>>>(n);
        }
    }
}

// 100 MiB and one element, pageable and pinned.
TEST(TransferFastLarge, HundredMiBFloat32) {
    const std::size_t n = 100 * mib / sizeof(float) + 1;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        round_trip<float, std::vector<float>>(n);
        round_trip<float, gpu::pinned_vector<float>>(n);
    }
}

TEST(TransferFastLarge, HundredMiBUint8) {
    const std::size_t n = 100 * mib + 4097;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        round_trip<std::uint8_t, std::vector<std::uint8_t>>(n);
        round_trip<std::uint8_t, gpu::pinned_vector<std::uint8_t>>(n);
    }
}

// More than 4 GiB each way (byte counts past 32 bits), and a strided view of it (every
// 4097th element, gathered on the GPU first). GPU only: the host executor would need 8 GiB
// more host memory than CI has.
TEST(TransferFastLarge, MoreThanFourGiB) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a GPU";
    gpu::executor_scope on(gpu::executor::cuda);
    const std::size_t n = (std::size_t{4} << 30) + 12345;
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 24);
    const auto a = gpu::asarray(v);
    std::vector<std::uint8_t> back(n, 0);
    gpu::asnumpy(a, std::span<std::uint8_t>(back));
    EXPECT_TRUE(back == v);
    const std::int64_t step = 4097;
    const auto strided = gpu::asnumpy(a(gpu::slice(gpu::none, gpu::none, step)));
    ASSERT_EQ(static_cast<std::size_t>(strided.size()), (n + step - 1) / step);
    bool same = true;
    for (std::int64_t i = 0; i < strided.size() && same; ++i) same = strided[i] == v[static_cast<std::size_t>(i * step)];
    EXPECT_TRUE(same);
}

// The std::vector and host_array overloads of asarray / asnumpy take the same path.
TEST(TransferFastLarge, VectorAndHostArrayOverloads) {
    const std::size_t n = 40 * mib / sizeof(double) + 3;
    std::vector<double> v(n);
    fill_pattern<double>(v);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::asarray(v, {static_cast<std::int64_t>(n)});
        const gpu::host_array<double> h = gpu::asnumpy(a);
        EXPECT_EQ(std::memcmp(h.data(), v.data(), n * sizeof(double)), 0);
        const auto b = gpu::asarray(h);
        const gpu::host_array<double> h2 = gpu::asnumpy(b);
        EXPECT_EQ(std::memcmp(h2.data(), v.data(), n * sizeof(double)), 0);
    }
}

// The pipeline with odd chunks, two buffers and three threads: many chunks, slices that are
// not whole pages, sizes around chunk boundaries.
TEST(TransferFastPipeline, SmallChunksManyThreads) {
    settings_guard guard;
    gpu::detail::transfer_settings s;
    s.chunk_bytes = 3 * 65536 + 4096;  // 200 KiB
    s.buffers = 2;
    s.threads = 3;
    s.threshold = 65536;
    s.bytes_per_thread = 65536;
    gpu::detail::set_transfer_settings(s);
    const std::size_t c = s.chunk_bytes;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (std::size_t bytes : {std::size_t{65536}, c - 1, c, c + 1, 3 * c, 3 * c + 5, 17 * c + 777}) {
            SCOPED_TRACE(std::to_string(bytes) + " bytes");
            round_trip<std::uint8_t, std::vector<std::uint8_t>>(bytes);
            round_trip<std::int32_t, std::vector<std::int32_t>>(bytes / 4);
        }
    }
    // More buffers than chunks, one thread.
    s.buffers = 8;
    s.threads = 1;
    gpu::detail::set_transfer_settings(s);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) { round_trip<double, std::vector<double>>(5 * c / 8 + 1); }
}

// One run of the pipeline on `threads` threads, checked: every slice of chunk k is copied before
// step(k) runs, step runs once per phase in order, slices cover each chunk.
void check_pipeline(int threads) {
    const std::int64_t n_chunks = 300;
    const std::size_t len = 3 * 4096 + 123;
    std::vector<std::vector<std::uint8_t>> done(n_chunks, std::vector<std::uint8_t>(len, 0));
    std::vector<std::int64_t> steps;
    bool ordered = true;
    auto copy = [&](std::int64_t k, int t, int w) {
        const auto [lo, hi] = gpu::detail::slice_of(len, t, w);
        for (std::size_t i = lo; i < hi; ++i) ++done[k][i];
    };
    auto step = [&](std::int64_t k) {
        if (k >= 0)
            for (std::uint8_t d : done[k]) ordered = ordered && d == 1;
        steps.push_back(k);
    };
    gpu::detail::run_pipeline(n_chunks, threads, copy, step);
    EXPECT_TRUE(ordered) << threads << " threads";
    ASSERT_EQ(steps.size(), static_cast<std::size_t>(n_chunks + 1));
    for (std::int64_t k = 0; k <= n_chunks; ++k) EXPECT_EQ(steps[k], k - 1);
}

// The pipeline's threads and barrier on their own (no GPU needed). The worker threads persist:
// later runs reuse them, with fewer or more active.
TEST(TransferFastPipeline, PhasesAndSlices) {
    for (int threads : {1, 2, 5, 3, 1, 6}) check_pipeline(threads);
}

// Pipelines started from several host threads at once take turns on the shared workers.
TEST(TransferFastPipeline, ConcurrentCallers) {
    std::vector<std::thread> callers;
    for (int c = 0; c < 4; ++c) callers.emplace_back([c] { check_pipeline(2 + c); });
    for (auto& t : callers) t.join();
}

// Pieces: about 16 per transfer, whole MiB, at least 2 MiB, at most a staging buffer.
TEST(TransferFastPipeline, PieceSizes) {
    constexpr std::size_t mib = std::size_t{1} << 20;
    EXPECT_EQ(gpu::detail::piece_bytes(64 * mib, 8 * mib), 4 * mib);
    EXPECT_EQ(gpu::detail::piece_bytes(256 * mib, 8 * mib), 8 * mib);
    EXPECT_EQ(gpu::detail::piece_bytes(8 * mib, 8 * mib), 2 * mib);
    EXPECT_EQ(gpu::detail::piece_bytes(40 * mib, 8 * mib), 3 * mib);  // 2.5 MiB rounded up
    EXPECT_EQ(gpu::detail::piece_bytes(64 * mib, 200 * 1024), std::size_t{200 * 1024});
}

// Non-contiguous arrays go through a contiguous copy, then the large path.
TEST(TransferFastViews, TransposedNegativeStridesBroadcast) {
    const std::int64_t r = 1536, c = 2048;  // 12 MiB of float32
    std::vector<float> v(static_cast<std::size_t>(r * c));
    fill_pattern<float>(v);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::asarray(v, {r, c});
        // a.T: (c, r) with strides (1, c).
        const auto t = view(a, {c, r}, {1, c}, 0);
        std::vector<float> got(static_cast<std::size_t>(r * c));
        gpu::asnumpy(t, std::span<float>(got));
        std::int64_t bad = -1;
        for (std::int64_t i = 0; i < c && bad < 0; ++i)
            for (std::int64_t j = 0; j < r; ++j)
                if (got[i * r + j] != v[j * c + i]) {
                    bad = i * r + j;
                    break;
                }
        EXPECT_EQ(bad, -1) << "transposed";

        // a[::-1, ::-2]: (r, c/2), strides (-c, -2), starting at the last element.
        const auto rev = view(a, {r, c / 2}, {-c, -2}, r * c - 1);
        gpu::pinned_vector<float> got2(static_cast<std::size_t>(r * c / 2));
        gpu::asnumpy(rev, std::span<float>(got2.data(), got2.size()));
        bad = -1;
        for (std::int64_t i = 0; i < r && bad < 0; ++i)
            for (std::int64_t j = 0; j < c / 2; ++j)
                if (got2[i * (c / 2) + j] != v[(r - 1 - i) * c + (c - 1 - 2 * j)]) {
                    bad = i * (c / 2) + j;
                    break;
                }
        EXPECT_EQ(bad, -1) << "negative strides";

        // Row 7 broadcast to (4096, c): stride 0 along the first axis.
        const auto b = view(a, {4096, c}, {0, 1}, 7 * c);
        const auto h = gpu::asnumpy(b);
        bad = -1;
        for (std::int64_t i = 0; i < 4096 && bad < 0; ++i)
            if (std::memcmp(h.data() + i * c, v.data() + 7 * c, static_cast<std::size_t>(c) * sizeof(float)) != 0) bad = i;
        EXPECT_EQ(bad, -1) << "broadcast";
    }
}

// Upload on one stream, compute there, download, all without waiting; an event says when the
// host memory holds the result. Then a second stream reads the array after an event.
TEST(TransferFastAsync, RoundTripWithStreamAndEvent) {
    const std::size_t n = 12 * mib / sizeof(std::int32_t) + 5;
    gpu::pinned_vector<std::int32_t> src(n), out(n, -1), out2(n, -1);
    for (std::size_t i = 0; i < n; ++i) src[i] = static_cast<std::int32_t>(i % 200003) - 100000;  // no overflow below
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        std::fill(out.begin(), out.end(), -1);
        std::fill(out2.begin(), out2.end(), -1);
        gpu::stream s1, s2;
        gpu::event uploaded, done;
        gpu::ndarray<std::int32_t> a;
        {
            gpu::stream_scope on(s1);
            a = gpu::asarray_async(src);
            uploaded.record();
            const gpu::ndarray<std::int32_t> b = a * 3 + 1;  // ordered after the upload on s1
            gpu::asnumpy_async(b, out);
            done.record();
        }
        {
            gpu::stream_scope on(s2);
            s2.wait(uploaded);
            gpu::asnumpy_async(a, std::span<std::int32_t>(out2.data(), out2.size()));
        }
        done.synchronize();
        s2.synchronize();
        std::int64_t bad = -1;
        for (std::size_t i = 0; i < n; ++i)
            if (out[i] != src[i] * 3 + 1) {
                bad = static_cast<std::int64_t>(i);
                break;
            }
        EXPECT_EQ(bad, -1);
        EXPECT_EQ(first_difference(src, out2), -1);
    }
}

TEST(TransferFastAsync, ShapesViewsAndEmpty) {
    gpu::pinned_vector<double> src(24);
    for (std::size_t i = 0; i < src.size(); ++i) src[i] = static_cast<double>(i) - 3.5;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::stream s;
        gpu::stream_scope on(s);
        const auto a = gpu::asarray_async(src, {2, 3, 4});
        EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3, 4}));
        // a[:, ::-1, 1] : (2, 3), non-contiguous.
        const auto v = view(a, {2, 3}, {12, -4}, 9);
        gpu::pinned_vector<double> out(6);
        gpu::asnumpy_async(v, out);
        const auto e = gpu::asarray_async(std::span<const double>(src.data(), 0), {0, 5});
        EXPECT_EQ(e.shape(), (gpu::shape_t{0, 5}));
        gpu::pinned_vector<double> none;
        gpu::asnumpy_async(e, none);
        const auto z = gpu::asarray_async(src.data() + 5, gpu::shape_t{});  // 0-d
        gpu::pinned_vector<double> one(1);
        gpu::asnumpy_async(z, one);
        s.synchronize();
        EXPECT_EQ(std::vector<double>(out.begin(), out.end()), (std::vector<double>{5.5, 1.5, -2.5, 17.5, 13.5, 9.5}));
        EXPECT_EQ(one[0], 1.5);
    }
}

TEST(TransferFastAsync, Errors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::pinned_vector<float> p(10);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::asarray_async(p, {3, 4}); },
                                                 "cannot reshape array of size 10 into shape (3,4)");
        const auto a = gpu::asarray_async(p);
        gpu::pinned_vector<float> small(9);
        gpu_test::expect_error<gpu::value_error>([&] { gpu::asnumpy_async(a, small); },
                                                 "asnumpy_async: the output has 9 elements but the array has 10");
        if (ex == gpu::executor::cuda) {
            // Pageable memory cannot be copied asynchronously.
            std::vector<float> pageable(10);
            const std::string m = gpu_test::message_of<gpu::value_error>(
                [&] { (void)gpu::asarray_async(std::span<const float>(pageable), {10}); });
            EXPECT_NE(m.find("asarray_async: the host memory is not pinned"), std::string::npos) << m;
            const std::string m2 = gpu_test::message_of<gpu::value_error>(
                [&] { gpu::asnumpy_async(a, std::span<float>(pageable)); });
            EXPECT_NE(m2.find("asnumpy_async: the host memory is not pinned"), std::string::npos) << m2;
        }
    }
}

TEST(Pinned, AllocatorAndDetection) {
    gpu::pinned_vector<double> p(1000, 2.5);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p.data()) % 64, 0u);
    EXPECT_EQ(p[999], 2.5);
    std::vector<double> pageable(1000);
    EXPECT_EQ(gpu::is_pinned(p.data()), gpu::cuda_available());
    EXPECT_EQ(gpu::is_pinned(p.data() + 500), gpu::cuda_available());
    EXPECT_FALSE(gpu::is_pinned(pageable.data()));
    EXPECT_FALSE(gpu::is_pinned(nullptr));
    p.resize(100000, 1.0);  // reallocates through the allocator
    EXPECT_EQ(p[0], 2.5);
    EXPECT_EQ(p[99999], 1.0);
    gpu::pinned_allocator<int> ai;
    gpu::pinned_allocator<double> ad(ai);
    EXPECT_TRUE(ai == ad);
}
