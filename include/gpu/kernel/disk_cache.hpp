#pragma once
// The on-disk kernel cache. An entry is named by a hash of its full key (library version, NVRTC
// version, options and architecture, generated source), stores that key and a checksum of the
// cubin, and is written to a temporary file then renamed, so readers never see half an entry.
// A missing, corrupt, truncated or foreign entry is a miss; an unusable directory turns the
// cache off for the process with one warning. It can slow nothing down and serve nothing stale.
// The file handling is in kernel/disk_cache.ipp (<filesystem> and <fstream> stay there).
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gpu/core/inline.hpp"

namespace gpu::detail {

class disk_cache {
public:
    // GPU_NDARRAY_CACHE_DIR, else $XDG_CACHE_HOME/gpu_ndarray, else ~/.cache/gpu_ndarray.
    // GPU_NDARRAY_DISK_CACHE=0 keeps kernels in memory only.
    GPU_ND_INLINE static std::string default_dir();

    GPU_ND_INLINE static disk_cache& instance();

    // An empty directory disables the cache.
    explicit disk_cache(std::string dir) : dir_(std::move(dir)), enabled_(!dir_.empty()) {}

    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    const std::string& dir() const { return dir_; }

    // The file of `key`'s entry: dir/<128-bit hash>.cubin.
    GPU_ND_INLINE std::string entry_path(const std::string& key) const;

    GPU_ND_INLINE std::optional<std::vector<char>> load(const std::string& key) const;

    GPU_ND_INLINE void store(const std::string& key, const std::vector<char>& cubin);

private:
    static constexpr char magic[8] = {'G', 'N', 'D', 'K', 'C', '0', '0', '2'};
    struct header {
        char magic[8];
        std::uint64_t key_size, payload_size, checksum;
    };

    GPU_ND_INLINE void disable(const std::string& why, const std::string& tmp);

    std::string dir_;
    std::atomic<bool> enabled_;
};

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/kernel/disk_cache.ipp"
#endif
