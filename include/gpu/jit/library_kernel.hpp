#pragma once
// Fixed library kernels: CUDA source that is a function of C++ template parameters only (the
// dtypes), for operations that cannot be element-wise expressions (gathers, scatters, stream
// compaction). K names one kernel: a type with `static std::string source()` returning a
// translation unit that defines `extern "C" __global__ void gnd_kernel(...)`.
//
// Cached like jit/kernel_cache.hpp's get_kernel: one static atomic slot per K, so a hit builds no
// string and takes no lock; a miss takes the process-wide compile lock, builds the source, looks
// it up in the disk cache, else runs NVRTC, and loads the cubin.
#include <cuda_runtime_api.h>

#include <atomic>
#include <mutex>

#include "gpu/jit/kernel_cache.hpp"

namespace gpu::detail {

template <class K>
struct library_kernel_slot {
    static inline std::atomic<cudaKernel_t> kernel{nullptr};
};

template <class K>
cudaKernel_t get_library_kernel() {
    std::atomic<cudaKernel_t>& slot = library_kernel_slot<K>::kernel;
    if (cudaKernel_t k = slot.load(std::memory_order_acquire)) return k;
    std::lock_guard<std::mutex> lock(compile_mutex());
    if (cudaKernel_t k = slot.load(std::memory_order_relaxed)) return k;
    const cudaKernel_t k = load_kernel(cubin_for(K::source(), current_target()));
    slot.store(k, std::memory_order_release);
    return k;
}

}  // namespace gpu::detail
