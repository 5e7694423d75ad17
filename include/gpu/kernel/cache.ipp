#pragma once
// Definitions for kernel/cache.hpp (see core/inline.hpp): everything a kernel-cache miss runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gpu/core/version.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/runtime/config.hpp"

namespace gpu::detail {

GPU_ND_INLINE jit_stats& jit_counters() {
    static jit_stats s;
    return s;
}

GPU_ND_INLINE std::mutex& compile_mutex() {
    static std::mutex m;
    return m;
}

GPU_ND_INLINE kernel_slot& slot_for(const std::string& key) {
    static std::mutex m;
    static std::map<std::string, std::unique_ptr<kernel_slot>> slots;
    std::lock_guard<std::mutex> lock(m);
    auto& s = slots[key];
    if (!s) s = std::make_unique<kernel_slot>(nullptr);
    return *s;
}

GPU_ND_INLINE std::string cache_key(const kernel_source& src, const compile_target& t) {
    std::string key = "gpu_ndarray " GPU_NDARRAY_VERSION_STRING "\ncuda " + std::to_string(CUDART_VERSION) + "\nnvrtc " +
                      nvrtc_version() + "\n";
    for (const auto& o : nvrtc_options(t, src)) (key += o) += ' ';
    ((key += "\nentry ") += src.entry) += '\n';
    return key += src.code;
}

GPU_ND_INLINE compiled_kernel compiled_for(const kernel_source& src, const compile_target& t, disk_cache& disk) {
    const std::string key = cache_key(src, t);
    if (auto hit = disk.load(key)) {
        const auto nul = std::find(hit->begin(), hit->end(), '\0');
        if (nul != hit->end()) {
            jit_counters().disk_hits.fetch_add(1, std::memory_order_relaxed);
            return {std::vector<char>(nul + 1, hit->end()), std::string(hit->begin(), nul)};
        }
    }
    // Logged before and after, so that a compile that never ends is named too.
    if (log_compiles()) std::fprintf(stderr, "gpu_ndarray: NVRTC compiling %s: %s\n", src.what.c_str(), src.entry.c_str());
    const auto start = std::chrono::steady_clock::now();
    compiled_kernel k = compile_cubin(src, t);
    jit_counters().compiled.fetch_add(1, std::memory_order_relaxed);
    if (log_compiles()) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "gpu_ndarray: NVRTC compiled %s in %.0f ms (%zu bytes of source)\n", src.what.c_str(), ms,
                     src.code.size());
    }
    std::vector<char> payload(k.symbol.begin(), k.symbol.end());
    payload.push_back('\0');
    payload.insert(payload.end(), k.cubin.begin(), k.cubin.end());
    disk.store(key, payload);
    return k;
}

GPU_ND_INLINE compile_target current_target() {
    return {device().cc_major, device().cc_minor};
}

GPU_ND_INLINE cudaKernel_t load_kernel(const compiled_kernel& k) {
    cudaLibrary_t lib;
    cuda_check(cudaLibraryLoadData(&lib, k.cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0), "cudaLibraryLoadData");
    cudaKernel_t kernel;
    cuda_check(cudaLibraryGetKernel(&kernel, lib, k.symbol.c_str()), "cudaLibraryGetKernel");
    return kernel;  // the library stays loaded for the life of the process, like the cache
}

GPU_ND_INLINE cudaKernel_t build_kernel(const kernel_source& src) {
    return load_kernel(compiled_for(src, current_target()));
}

}  // namespace gpu::detail
