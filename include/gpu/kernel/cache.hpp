#pragma once
// The one kernel cache. Every kernel, the library's and the user's, is fetched by get_kernel():
//   - in memory, a slot (an atomic kernel handle) that the caller names: a static slot per C++
//     type (kernel_slots<Key, N>, where the key type and a small variant number say everything
//     about the source), or a slot made once per run-time key (slot_for, for user kernels whose
//     source is known only at run time). A hit is one atomic load: no string, no lock.
//   - on a miss, under one process-wide lock (concurrent first uses compile once), the source is
//     made, looked up in the disk cache, else compiled by NVRTC and stored there, and the cubin is
//     loaded through the runtime's library API (no driver API link).
// The disk key is the library, CUDA and NVRTC versions, the options, the architecture and the
// whole source; the entry keeps the kernel's lowered name, so a templated kernel is neither
// recompiled nor re-resolved by a later process.
#include <cuda_runtime_api.h>

#include <atomic>
#include <mutex>
#include <string>

#include "gpu/core/inline.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/disk_cache.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/device_info.hpp"

namespace gpu::detail {

// Counters for tests and benchmarks: how often the slow path ran.
struct jit_stats {
    std::atomic<long> compiled{0};   // NVRTC runs
    std::atomic<long> disk_hits{0};  // cubins read from the disk cache
};
GPU_ND_INLINE jit_stats& jit_counters();

// Held while a miss makes, compiles and loads a kernel.
GPU_ND_INLINE std::mutex& compile_mutex();

using kernel_slot = std::atomic<cudaKernel_t>;

// N slots per key type (N variants of one kernel).
template <class Key, int N = 1>
struct kernel_slots {
    static inline kernel_slot slot[N] = {};
};

// The slot of a run-time key; slots live as long as the process (as the loaded kernels do).
GPU_ND_INLINE kernel_slot& slot_for(const std::string& key);

// The full disk-cache key of a source for a target.
GPU_ND_INLINE std::string cache_key(const kernel_source& src, const compile_target& t);

// The cubin and the symbol to load, from the disk cache or NVRTC. A disk entry's payload is the
// symbol, a NUL, then the cubin.
GPU_ND_INLINE compiled_kernel compiled_for(const kernel_source& src, const compile_target& t,
                                           disk_cache& disk = disk_cache::instance());

// The architecture of the device probed at startup.
GPU_ND_INLINE compile_target current_target();

// Loads a cubin through the runtime's library API; the library stays loaded for the process.
GPU_ND_INLINE cudaKernel_t load_kernel(const compiled_kernel& k);

// The miss path of get_kernel, with compile_mutex held: source -> cubin -> kernel.
GPU_ND_INLINE cudaKernel_t build_kernel(const kernel_source& src);

// The kernel in `slot`; on a miss, make() gives its kernel_source.
template <class Make>
cudaKernel_t get_kernel(kernel_slot& slot, Make&& make) {
    if (cudaKernel_t k = slot.load(std::memory_order_acquire)) return k;
    std::lock_guard<std::mutex> lock(compile_mutex());
    if (cudaKernel_t k = slot.load(std::memory_order_relaxed)) return k;
    const cudaKernel_t k = build_kernel(make());
    slot.store(k, std::memory_order_release);
    return k;
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/kernel/cache.ipp"
#endif
