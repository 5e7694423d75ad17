#pragma once
// Definitions for io/pinned.hpp (see core/inline.hpp), and the staging pool that io/staging.ipp
// and io/transfer.ipp use.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>

#include "gpu/io/pinned.hpp"

namespace gpu {
namespace detail {

GPU_ND_INLINE void* pinned_alloc(std::size_t bytes) {
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

GPU_ND_INLINE void pinned_free(void* p) noexcept {
    if (!p) return;
    if (cuda_available()) cudaFreeHost(p);  // may fail harmlessly at exit, after CUDA shut down
    else std::free(p);
}

}  // namespace detail

GPU_ND_INLINE bool is_pinned(const void* p) {
    if (!p || !cuda_available()) return false;
    cudaPointerAttributes attr{};
    if (cudaPointerGetAttributes(&attr, p) != cudaSuccess) {
        cudaGetLastError();
        return false;
    }
    return attr.type == cudaMemoryTypeHost;
}

namespace detail {

GPU_ND_INLINE transfer_settings transfer_settings_from_env() {
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

GPU_ND_INLINE transfer_settings get_transfer_settings() { return staging_pool::instance().get_settings(); }
GPU_ND_INLINE void set_transfer_settings(const transfer_settings& s) { staging_pool::instance().set_settings(s); }

}  // namespace detail
}  // namespace gpu
