#pragma once
// Page-locked ("pinned") host memory: gpu::pinned_allocator<T> and gpu::pinned_vector<T>, which
// the GPU's copy engines read and write directly at the link's full speed and which
// gpu::asarray_async / gpu::asnumpy_async need; gpu::is_pinned(p). Also the process-wide pool of
// pinned staging buffers through which large transfers from ordinary (pageable) memory are
// pipelined (io/transfer.hpp). Without a usable GPU, "pinned" memory is plain aligned memory,
// so code written for the GPU still runs on the host executor.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {
namespace detail {

inline void* pinned_alloc(std::size_t bytes) {
    bytes = std::max<std::size_t>(bytes, 1);
    if (cuda_available()) {
        void* p = nullptr;
        // Portable: pinned for every device and context of the process, not just the current one.
        if (cudaHostAlloc(&p, bytes, cudaHostAllocPortable) != cudaSuccess) {
            cudaGetLastError();  // not sticky, but clear it so that later checks do not see it
            throw std::bad_alloc();
        }
        return p;
    }
    void* p = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (!p) throw std::bad_alloc();
    return p;
}

inline void pinned_free(void* p) noexcept {
    if (!p) return;
    if (cuda_available()) cudaFreeHost(p);  // may fail harmlessly at exit, after CUDA shut down
    else std::free(p);
}

}  // namespace detail

// Allocates page-locked host memory (cudaHostAlloc); with no usable GPU, 64-byte aligned memory.
template <class T>
struct pinned_allocator {
    using value_type = T;

    pinned_allocator() noexcept = default;
    template <class U>
    pinned_allocator(const pinned_allocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(detail::pinned_alloc(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t) noexcept { detail::pinned_free(p); }
};

// Any pinned_allocator can free what another allocated.
template <class T, class U>
bool operator==(const pinned_allocator<T>&, const pinned_allocator<U>&) noexcept {
    return true;
}

// A std::vector in pinned memory. (pinned_vector<bool> is std::vector's packed bit vector, with
// no data(): use pinned_vector<std::uint8_t> and reinterpret as bool for bool transfers.)
template <class T>
using pinned_vector = std::vector<T, pinned_allocator<T>>;

// True when `p` points into page-locked host memory that CUDA knows (cudaHostAlloc or
// cudaHostRegister). Always false without a usable GPU.
inline bool is_pinned(const void* p) {
    if (!p || !cuda_available()) return false;
    cudaPointerAttributes attr{};
    if (cudaPointerGetAttributes(&attr, p) != cudaSuccess) {
        cudaGetLastError();
        return false;
    }
    return attr.type == cudaMemoryTypeHost;
}

namespace detail {

// How large pageable transfers are pipelined through pinned staging buffers. Defaults from
// bench_transfers on an H100 host with 16 cores (2026-11-24): 8 threads beat 4 by ~1.5x; 12
// threads with 6 buffers of 8 MiB gave 30-34 GB/s up and 48-49 down at 64 MiB, 41-47 and 45-52
// at 256 MiB, against 29-35 / 33-50 and 28-48 / 26-47 for 8 threads and 4 buffers; fewer cores
// clamp the threads. Read once from the environment (GPU_NDARRAY_TRANSFER_CHUNK, _BUFFERS,
// _THREADS, _THRESHOLD), changeable with set_transfer_settings (the benchmark tunes with it).
struct transfer_settings {
    std::size_t chunk_bytes = std::size_t{8} << 20;  // one staging buffer
    int buffers = 6;                                 // staging buffers in the pipeline
    int threads = 12;                                // host threads copying into / out of staging
    std::size_t threshold = std::size_t{4} << 20;    // smaller transfers go straight to the driver
    std::size_t bytes_per_thread = std::size_t{4} << 20;  // a transfer uses at most bytes / this threads
};

inline transfer_settings transfer_settings_from_env() {
    transfer_settings s;
    if (const std::int64_t v = env_bytes("GPU_NDARRAY_TRANSFER_CHUNK")) s.chunk_bytes = static_cast<std::size_t>(v);
    if (const std::int64_t v = env_bytes("GPU_NDARRAY_TRANSFER_BUFFERS")) s.buffers = static_cast<int>(v);
    if (const std::int64_t v = env_bytes("GPU_NDARRAY_TRANSFER_THREADS")) s.threads = static_cast<int>(v);
    if (const std::int64_t v = env_bytes("GPU_NDARRAY_TRANSFER_THRESHOLD")) s.threshold = static_cast<std::size_t>(v);
    return s;
}

// The staging buffers and, per buffer, an event recorded after the last copy that used it, so
// that the next use waits only for that copy. One transfer holds the whole pool (one lock per
// transfer); buffers are allocated on the first large transfer and kept for the process.
class staging_pool {
public:
    static staging_pool& instance() {
        // Never destroyed: freeing pinned memory and events after CUDA has shut down at exit
        // fails, and the process's memory goes back to the system anyway.
        static staging_pool* pool = new staging_pool();
        return *pool;
    }

    // Takes the pool for one transfer; (re)allocates the buffers to the current settings.
    std::unique_lock<std::mutex> acquire() {
        std::unique_lock<std::mutex> lock(mutex_);
        const std::size_t chunk = (std::max<std::size_t>(settings_.chunk_bytes, 4096) + 4095) / 4096 * 4096;
        const int n = std::clamp(settings_.buffers, 2, 16);
        if (chunk != chunk_ || static_cast<int>(buffers_.size()) != n) {
            release_buffers();
            chunk_ = 0;  // until every buffer and event exists: a failure here retries next time
            buffers_.reserve(n);
            events_.reserve(n);
            for (int i = 0; i < n; ++i) {
                buffers_.push_back(static_cast<std::byte*>(pinned_alloc(chunk)));
                cudaEvent_t e = nullptr;
                cuda_check(cudaEventCreateWithFlags(&e, cudaEventDisableTiming), "cudaEventCreateWithFlags");
                events_.push_back(e);
            }
            chunk_ = chunk;
        }
        return lock;
    }

    // With the pool held:
    std::size_t chunk_bytes() const noexcept { return chunk_; }
    int size() const noexcept { return static_cast<int>(buffers_.size()); }
    std::byte* buffer(int i) const noexcept { return buffers_[i]; }
    cudaEvent_t event(int i) const noexcept { return events_[i]; }
    const transfer_settings& settings() const noexcept { return settings_; }

    transfer_settings get_settings() {
        std::lock_guard<std::mutex> lock(mutex_);
        return settings_;
    }
    void set_settings(const transfer_settings& s) {
        std::lock_guard<std::mutex> lock(mutex_);
        settings_ = s;
        threshold_.store(s.threshold, std::memory_order_relaxed);
    }
    // Read without the lock by every transfer, to decide whether to stage at all.
    std::size_t threshold() const noexcept { return threshold_.load(std::memory_order_relaxed); }

private:
    staging_pool() : settings_(transfer_settings_from_env()), threshold_(settings_.threshold) {}

    void release_buffers() {
        for (cudaEvent_t e : events_) cudaEventSynchronize(e);  // a copy may still read a buffer
        for (cudaEvent_t e : events_) cudaEventDestroy(e);
        for (std::byte* b : buffers_) pinned_free(b);
        events_.clear();
        buffers_.clear();
    }

    std::mutex mutex_;
    transfer_settings settings_;
    std::atomic<std::size_t> threshold_;
    std::size_t chunk_ = 0;
    std::vector<std::byte*> buffers_;
    std::vector<cudaEvent_t> events_;
};

inline transfer_settings get_transfer_settings() { return staging_pool::instance().get_settings(); }
inline void set_transfer_settings(const transfer_settings& s) { staging_pool::instance().set_settings(s); }

}  // namespace detail
}  // namespace gpu
