#pragma once
// The in-memory kernel cache: per expression type, a static table of slots indexed by the
// kernel variant. A hit is one atomic load: no string, no lock. A miss takes one process-wide
// lock, so concurrent first uses compile once; it generates the source, tries the disk cache,
// else runs NVRTC, and loads the cubin through the runtime's library API (no driver API link).
#include <cuda_runtime_api.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "gpu/core/version.hpp"
#include "gpu/jit/codegen.hpp"
#include "gpu/jit/compiler.hpp"
#include "gpu/jit/disk_cache.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu::detail {

// Counters for tests and benchmarks: how often the slow path ran.
struct jit_stats {
    std::atomic<long> compiled{0};   // NVRTC runs
    std::atomic<long> disk_hits{0};  // cubins read from the disk cache
};
inline jit_stats& jit_counters() {
    static jit_stats s;
    return s;
}

inline std::mutex& compile_mutex() {
    static std::mutex m;
    return m;
}

// The full disk-cache key of a source for a target.
inline std::string cache_key(const std::string& source, const compile_target& t) {
    std::string key = "gpu_ndarray " GPU_NDARRAY_VERSION_STRING "\nnvrtc " + nvrtc_version() + "\n";
    for (const auto& o : nvrtc_options(t)) (key += o) += ' ';
    return (key += '\n') += source;
}

inline std::vector<char> cubin_for(const std::string& source, const compile_target& t) {
    const std::string key = cache_key(source, t);
    disk_cache& disk = disk_cache::instance();
    if (auto hit = disk.load(key)) {
        jit_counters().disk_hits.fetch_add(1, std::memory_order_relaxed);
        return std::move(*hit);
    }
    std::vector<char> cubin = compile_cubin(source, t);
    jit_counters().compiled.fetch_add(1, std::memory_order_relaxed);
    disk.store(key, cubin);
    return cubin;
}

inline compile_target current_target() {
    return {device().cc_major, device().cc_minor};
}

inline cudaKernel_t load_kernel(const std::vector<char>& cubin) {
    cudaLibrary_t lib;
    cuda_check(cudaLibraryLoadData(&lib, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0), "cudaLibraryLoadData");
    cudaKernel_t kernel;
    cuda_check(cudaLibraryGetKernel(&kernel, lib, "gnd_kernel"), "cudaLibraryGetKernel");
    return kernel;  // the library stays loaded for the life of the process, like the cache
}

template <class E>
struct kernel_slots {
    static inline std::atomic<cudaKernel_t> slots[kernel_variant::n_slots] = {};
};

template <class E>
cudaKernel_t get_kernel(const kernel_variant& v) {
    std::atomic<cudaKernel_t>& slot = kernel_slots<E>::slots[v.slot()];
    if (cudaKernel_t k = slot.load(std::memory_order_acquire)) return k;
    std::lock_guard<std::mutex> lock(compile_mutex());
    if (cudaKernel_t k = slot.load(std::memory_order_relaxed)) return k;
    const cudaKernel_t k = load_kernel(cubin_for(kernel_source<E>(v), current_target()));
    slot.store(k, std::memory_order_release);
    return k;
}

}  // namespace gpu::detail
