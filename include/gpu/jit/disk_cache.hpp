#pragma once
// The on-disk kernel cache. An entry is named by a hash of its full key (library version, NVRTC
// version, options and architecture, generated source), stores that key and a checksum of the
// cubin, and is written to a temporary file then renamed, so readers never see half an entry.
// A missing, corrupt, truncated or foreign entry is a miss; an unusable directory turns the
// cache off for the process with one warning. It can slow nothing down and serve nothing stale.
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "gpu/jit/hash.hpp"
#include "gpu/runtime/config.hpp"

namespace gpu::detail {

class disk_cache {
public:
    // GPU_NDARRAY_CACHE_DIR, else $XDG_CACHE_HOME/gpu_ndarray, else ~/.cache/gpu_ndarray.
    // GPU_NDARRAY_DISK_CACHE=0 keeps kernels in memory only.
    static std::filesystem::path default_dir() {
        if (auto d = env_string("GPU_NDARRAY_CACHE_DIR"); !d.empty()) return d;
        if (auto x = env_string("XDG_CACHE_HOME"); !x.empty()) return std::filesystem::path(x) / "gpu_ndarray";
        if (auto h = env_string("HOME"); !h.empty()) return std::filesystem::path(h) / ".cache" / "gpu_ndarray";
        return {};
    }

    static disk_cache& instance() {
        static disk_cache cache(env_string("GPU_NDARRAY_DISK_CACHE") == "0" ? std::filesystem::path() : default_dir());
        return cache;
    }

    explicit disk_cache(std::filesystem::path dir) : dir_(std::move(dir)), enabled_(!dir_.empty()) {}

    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    const std::filesystem::path& dir() const { return dir_; }

    std::filesystem::path entry_path(const std::string& key) const {
        char name[48];
        std::snprintf(name, sizeof name, "%016llx%016llx.cubin", static_cast<unsigned long long>(fnv1a(key)),
                      static_cast<unsigned long long>(fnv1a(key, 0x84222325cbf29ce4ull)));
        return dir_ / name;
    }

    std::optional<std::vector<char>> load(const std::string& key) const {
        if (!enabled()) return std::nullopt;
        std::ifstream in(entry_path(key), std::ios::binary);
        if (!in) return std::nullopt;
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        header h;
        if (bytes.size() < sizeof h) return std::nullopt;
        std::memcpy(&h, bytes.data(), sizeof h);
        if (std::memcmp(h.magic, magic, sizeof h.magic) != 0 ||
            bytes.size() != sizeof h + h.key_size + h.payload_size || h.key_size != key.size() ||
            bytes.compare(sizeof h, key.size(), key) != 0)
            return std::nullopt;
        const std::string_view payload(bytes.data() + sizeof h + h.key_size, h.payload_size);
        if (fnv1a(payload) != h.checksum) return std::nullopt;
        return std::vector<char>(payload.begin(), payload.end());
    }

    void store(const std::string& key, const std::vector<char>& cubin) {
        if (!enabled()) return;
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);
        const std::filesystem::path final_path = entry_path(key);
        static std::atomic<unsigned> counter{0};
        const std::filesystem::path tmp =
            final_path.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
        header h{};
        std::memcpy(h.magic, magic, sizeof h.magic);
        h.key_size = key.size();
        h.payload_size = cubin.size();
        h.checksum = fnv1a(std::string_view(cubin.data(), cubin.size()));
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(&h), sizeof h);
            out.write(key.data(), static_cast<std::streamsize>(key.size()));
            out.write(cubin.data(), static_cast<std::streamsize>(cubin.size()));
            out.close();
            if (!out) return disable(ec ? ec.message() : "cannot write " + tmp.string(), tmp);
        }
        std::filesystem::rename(tmp, final_path, ec);
        if (ec) disable(ec.message(), tmp);
    }

private:
    static constexpr char magic[8] = {'G', 'N', 'D', 'K', 'C', '0', '0', '1'};
    struct header {
        char magic[8];
        std::uint64_t key_size, payload_size, checksum;
    };

    void disable(const std::string& why, const std::filesystem::path& tmp) {
        std::error_code ignore;
        std::filesystem::remove(tmp, ignore);
        if (enabled_.exchange(false))
            std::fprintf(stderr, "gpu_ndarray: kernel cache directory %s is not usable (%s); caching kernels in memory only\n",
                         dir_.string().c_str(), why.c_str());
    }

    std::filesystem::path dir_;
    std::atomic<bool> enabled_;
};

}  // namespace gpu::detail
