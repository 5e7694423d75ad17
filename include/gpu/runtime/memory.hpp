#pragma once
// What the device memory pool holds, and control over it: gpu::memory::stats(), a limit
// (GPU_NDARRAY_MEMORY_LIMIT, or set_limit), and release_cached(). A request over the limit, or
// one the device cannot satisfy after the cache is released, throws gpu::out_of_memory naming
// the request and the pool's state; the pool keeps working afterwards.
#include <cuda_runtime_api.h>

#include <cstdint>

#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu::memory {

struct memory_stats {
    std::int64_t used_bytes = 0;    // held by live arrays
    std::int64_t peak_bytes = 0;    // the most used_bytes has been (since reset_peak)
    std::int64_t cached_bytes = 0;  // reserved from the device but not in use, ready for reuse
    std::int64_t limit_bytes = 0;   // 0: no limit
    std::int64_t free_errors = 0;   // frees the driver refused (0 unless the library has a bug)
};

inline memory_stats stats() {
    auto& c = detail::memory_counters();
    memory_stats s;
    s.used_bytes = c.used.load();
    s.peak_bytes = c.peak.load();
    s.limit_bytes = c.limit.load();
    s.free_errors = c.free_errors.load();
    if (cuda_available()) {
        cudaMemPool_t pool;
        detail::cuda_check(cudaDeviceGetDefaultMemPool(&pool, detail::device().device), "cudaDeviceGetDefaultMemPool");
        unsigned long long reserved = 0;
        detail::cuda_check(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemCurrent, &reserved),
                           "cudaMemPoolGetAttribute");
        s.cached_bytes = static_cast<std::int64_t>(reserved) - s.used_bytes;
        if (s.cached_bytes < 0) s.cached_bytes = 0;
    }
    return s;
}

// Device bytes live arrays may hold together; 0 removes the limit.
inline void set_limit(std::int64_t bytes) {
    if (bytes < 0) throw value_error("the memory limit must be >= 0 bytes (0: no limit)");
    detail::memory_counters().limit.store(bytes);
}
inline std::int64_t limit() { return detail::memory_counters().limit.load(); }

inline void reset_peak() {
    auto& c = detail::memory_counters();
    c.peak.store(c.used.load());
}

// Returns cached memory to the device: this thread's small-block cache and the pool's unused
// reservation (after the current stream's work, which may still free blocks).
inline void release_cached() {
    if (cuda_available()) detail::release_cached_blocks(detail::current_stream());
}

}  // namespace gpu::memory
