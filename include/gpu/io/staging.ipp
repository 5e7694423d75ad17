#pragma once
// Definitions for io/staging.hpp (see core/inline.hpp): the pipeline's threads and barrier.
#include <algorithm>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "gpu/io/pinned.ipp"
#include "gpu/io/staging.hpp"
#include "gpu/runtime/clock.hpp"
#include "gpu/runtime/cuda_check.hpp"

namespace gpu::detail {

// A spin-wait hint: lets the core's sibling run and saves power while polling.
inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// The pipeline's barrier: the last thread to arrive runs `step` (enqueue a chunk's DMA, wait for
// the next staging buffer) while the others wait, then all go on to the next chunk. Waiters spin
// up to a millisecond before sleeping: a phase lasts 100-300 us, and a thread put to sleep can
// take a futex wake-up and a trip through the scheduler (long on a virtual machine) to come back.
// The number of threads is set once they exist (set_count, before the setter's first arrival).
class phase_barrier {
public:
    void set_count(int n) {
        std::lock_guard<std::mutex> lock(m_);
        count_ = n;
    }
    template <class F>
    void arrive_and_wait(F& step) {
        std::unique_lock<std::mutex> lock(m_);
        const std::uint64_t gen = gen_.load(std::memory_order_relaxed);
        if (++arrived_ == count_) {
            arrived_ = 0;
            step();
            gen_.store(gen + 1, std::memory_order_release);
            lock.unlock();
            cv_.notify_all();
            return;
        }
        lock.unlock();
        const std::int64_t give_up = monotonic_ns() + 1000000;  // 1 ms
        for (int i = 1;; ++i) {
            if (gen_.load(std::memory_order_acquire) != gen) return;
            cpu_relax();
            if (i % 256 == 0 && monotonic_ns() > give_up) break;
        }
        lock.lock();
        cv_.wait(lock, [&] { return gen_.load(std::memory_order_acquire) != gen; });
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    int count_ = INT_MAX;
    int arrived_ = 0;
    std::atomic<std::uint64_t> gen_{0};
};

// Host threads kept for the copies of the pipeline, started on first use and grown on demand:
// starting threads on every transfer (and binding each to the device) cost a fixed fraction of a
// millisecond, a sizeable part of a 64 MiB transfer. run(n, job) calls job(t) on the caller
// (t = 0) and on n - 1 workers, and returns when all are done. Transfers hold the staging pool,
// so one job runs at a time; run_mutex_ makes that so for any other caller too.
class copy_workers {
public:
    static copy_workers& instance() {
        // Never destroyed: idle workers wait on a condition variable until the process ends.
        static copy_workers* w = new copy_workers();
        return *w;
    }

    // Returns the number of threads that ran the job (fewer than n if threads could not start).
    template <class Job>
    int run(int n, Job& job) {
        const std::lock_guard<std::mutex> one_job(run_mutex_);
        std::unique_lock<std::mutex> lock(m_);
        while (static_cast<int>(threads_.size()) < n - 1) {
            try {
                threads_.emplace_back([this, t = static_cast<int>(threads_.size()) + 1] { loop(t); });
            } catch (...) {
                break;  // fewer threads, same result
            }
        }
        active_ = std::min(n, static_cast<int>(threads_.size()) + 1);
        job_ = [](void* j, int t, int n_threads) { (*static_cast<Job*>(j))(t, n_threads); };
        ctx_ = &job;
        pending_ = active_ - 1;
        ++generation_;
        lock.unlock();
        wake_.notify_all();
        job(0, active_);
        lock.lock();
        done_.wait(lock, [&] { return pending_ == 0; });
        return active_;
    }

private:
    copy_workers() = default;

    void loop(int t) {
        std::uint64_t seen = 0;
        std::unique_lock<std::mutex> lock(m_);
        for (;;) {
            wake_.wait(lock, [&] { return generation_ != seen; });
            seen = generation_;
            if (t >= active_) continue;
            void (*job)(void*, int, int) = job_;
            void* ctx = ctx_;
            const int n = active_;
            lock.unlock();
            job(ctx, t, n);
            lock.lock();
            if (--pending_ == 0) done_.notify_all();
        }
    }

    std::mutex run_mutex_, m_;
    std::condition_variable wake_, done_;
    std::vector<std::thread> threads_;
    std::uint64_t generation_ = 0;
    int active_ = 0, pending_ = 0;
    void (*job_)(void*, int, int) = nullptr;
    void* ctx_ = nullptr;
};

GPU_ND_INLINE void run_pipeline_erased(std::int64_t n_chunks, int want_threads, void* copy,
                                       void (*copy_fn)(void*, std::int64_t, int, int), void* step,
                                       void (*step_fn)(void*, std::int64_t)) {
    phase_barrier barrier;
    std::int64_t phase = -1;
    auto between = [&] { step_fn(step, phase++); };
    const int device_id = cuda_available() ? current_device_id() : -1;  // the caller's device
    auto body = [&](int t, int workers_total) {
        if (t == 0) barrier.set_count(workers_total);  // before this thread's first arrival
        if (t > 0 && device_id >= 0 && thread_device_slot() != device_id) {  // step may run here, calling CUDA
            cudaSetDevice(device_id);
            thread_device_slot() = device_id;
        }
        barrier.arrive_and_wait(between);
        for (std::int64_t k = 0; k < n_chunks; ++k) {
            copy_fn(copy, k, t, workers_total);
            barrier.arrive_and_wait(between);
        }
    };
    copy_workers::instance().run(want_threads, body);
}

GPU_ND_INLINE std::size_t piece_bytes(std::size_t bytes, std::size_t buffer_bytes) {
    const std::size_t want = (bytes / 16 + (std::size_t{1} << 20) - 1) >> 20 << 20;
    return std::min(buffer_bytes, std::max(want, std::size_t{2} << 20));
}

GPU_ND_INLINE std::pair<std::size_t, std::size_t> slice_of(std::size_t len, int t, int n) {
    const std::size_t per = ((len + n - 1) / n + 4095) / 4096 * 4096;
    const std::size_t lo = std::min(len, per * static_cast<std::size_t>(t));
    return {lo, std::min(len, lo + per)};
}

GPU_ND_INLINE int staging_threads(std::size_t bytes, const transfer_settings& s) {
    const auto hw = static_cast<std::size_t>(std::max(1u, std::thread::hardware_concurrency()));
    const std::size_t by_size = bytes / std::max<std::size_t>(s.bytes_per_thread, 1);
    return static_cast<int>(std::clamp<std::size_t>(std::min({static_cast<std::size_t>(std::max(s.threads, 1)), hw, by_size}), 1, 64));
}

GPU_ND_INLINE void staged_host_to_device(std::byte* dst, const std::byte* src, std::size_t bytes, cudaStream_t s) {
    staging_pool& pool = staging_pool::instance();
    const std::unique_lock<std::mutex> held = pool.acquire();
    const std::size_t chunk = piece_bytes(bytes, pool.chunk_bytes());
    const int nb = pool.size();
    const auto n = static_cast<std::int64_t>((bytes + chunk - 1) / chunk);
    auto len = [&](std::int64_t k) { return std::min(chunk, bytes - static_cast<std::size_t>(k) * chunk); };
    cudaError_t status = cudaSuccess;  // written by step, read by copy after the barrier
    const char* what = "";
    auto copy = [&](std::int64_t k, int t, int w) {
        if (status != cudaSuccess) return;
        const auto [lo, hi] = slice_of(len(k), t, w);
        std::memcpy(pool.buffer(static_cast<int>(k % nb)) + lo, src + static_cast<std::size_t>(k) * chunk + lo, hi - lo);
    };
    auto check = [&](cudaError_t e, const char* w) {
        if (e != cudaSuccess && status == cudaSuccess) status = e, what = w;
        return status == cudaSuccess;
    };
    auto step = [&](std::int64_t k) {
        if (status != cudaSuccess) return;
        if (k >= 0) {
            const int b = static_cast<int>(k % nb);
            if (!check(cudaMemcpyAsync(dst + static_cast<std::size_t>(k) * chunk, pool.buffer(b), len(k),
                                       cudaMemcpyHostToDevice, s), "cudaMemcpyAsync") ||
                !check(cudaEventRecord(pool.event(b), s), "cudaEventRecord"))
                return;
        }
        // The next chunk's buffer is free once the copy that last read it is done.
        if (k + 1 < n) check(cudaEventSynchronize(pool.event(static_cast<int>((k + 1) % nb))), "cudaEventSynchronize");
    };
    run_pipeline(n, staging_threads(bytes, pool.settings()), copy, step);
    if (status == cudaSuccess) check(cudaStreamSynchronize(s), "cudaStreamSynchronize");
    if (status != cudaSuccess) throw_cuda(status, what);
}

GPU_ND_INLINE void staged_device_to_host(std::byte* dst, const std::byte* src, std::size_t bytes, cudaStream_t s) {
    staging_pool& pool = staging_pool::instance();
    const std::unique_lock<std::mutex> held = pool.acquire();
    const std::size_t chunk = piece_bytes(bytes, pool.chunk_bytes());
    const int nb = pool.size();
    const auto n = static_cast<std::int64_t>((bytes + chunk - 1) / chunk);
    auto len = [&](std::int64_t k) { return std::min(chunk, bytes - static_cast<std::size_t>(k) * chunk); };
    cudaError_t status = cudaSuccess;
    const char* what = "";
    auto check = [&](cudaError_t e, const char* w) {
        if (e != cudaSuccess && status == cudaSuccess) status = e, what = w;
        return status == cudaSuccess;
    };
    auto fill = [&](std::int64_t k) {  // enqueue chunk k into its buffer
        const int b = static_cast<int>(k % nb);
        return check(cudaMemcpyAsync(pool.buffer(b), src + static_cast<std::size_t>(k) * chunk, len(k),
                                     cudaMemcpyDeviceToHost, s), "cudaMemcpyAsync") &&
               check(cudaEventRecord(pool.event(b), s), "cudaEventRecord");
    };
    // An earlier transfer, maybe on another stream, may still read a buffer.
    for (int b = 0; b < nb; ++b) check(cudaEventSynchronize(pool.event(b)), "cudaEventSynchronize");
    for (std::int64_t k = 0; k < std::min<std::int64_t>(nb, n) && status == cudaSuccess; ++k) fill(k);
    auto copy = [&](std::int64_t k, int t, int w) {
        if (status != cudaSuccess) return;
        const auto [lo, hi] = slice_of(len(k), t, w);
        std::memcpy(dst + static_cast<std::size_t>(k) * chunk + lo, pool.buffer(static_cast<int>(k % nb)) + lo, hi - lo);
    };
    auto step = [&](std::int64_t k) {
        if (status != cudaSuccess) return;
        if (k >= 0 && k + nb < n && !fill(k + nb)) return;  // buffer k % nb has been copied out
        if (k + 1 < n) check(cudaEventSynchronize(pool.event(static_cast<int>((k + 1) % nb))), "cudaEventSynchronize");
    };
    run_pipeline(n, staging_threads(bytes, pool.settings()), copy, step);
    if (status != cudaSuccess) throw_cuda(status, what);
}

}  // namespace gpu::detail
