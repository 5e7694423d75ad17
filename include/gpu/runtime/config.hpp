#pragma once
// The environment variables the library reads, each parsed once.
#include <cstdint>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string env_string(const char* name);

GPU_ND_INLINE bool env_flag(const char* name);

// A byte count from the environment: digits with an optional K, M, G or T suffix (powers of
// 1024), e.g. GPU_NDARRAY_MEMORY_LIMIT=8G. Unset or empty is 0.
GPU_ND_INLINE std::int64_t env_bytes(const char* name);

// GPU_NDARRAY_SYNC=1: every launch is followed by a synchronization and an error check, so an
// asynchronous fault is reported by the operation that caused it.
inline bool sync_launches() {
    static const bool on = env_flag("GPU_NDARRAY_SYNC");
    return on;
}

// GPU_NDARRAY_LOG_COMPILES=1: each NVRTC compile (a kernel-cache miss that the disk cache did not
// serve) is reported on stderr with its time, to find what a cold first call spends.
inline bool log_compiles() {
    static const bool on = env_flag("GPU_NDARRAY_LOG_COMPILES");
    return on;
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/config.ipp"
#endif
