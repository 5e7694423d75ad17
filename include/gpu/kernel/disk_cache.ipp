#pragma once
// Definitions for kernel/disk_cache.hpp (see core/inline.hpp).
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "gpu/kernel/disk_cache.hpp"
#include "gpu/kernel/hash.hpp"
#include "gpu/runtime/config.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string disk_cache::default_dir() {
    if (auto d = env_string("GPU_NDARRAY_CACHE_DIR"); !d.empty()) return d;
    if (auto x = env_string("XDG_CACHE_HOME"); !x.empty()) return (std::filesystem::path(x) / "gpu_ndarray").string();
    if (auto h = env_string("HOME"); !h.empty()) return (std::filesystem::path(h) / ".cache" / "gpu_ndarray").string();
    return {};
}

GPU_ND_INLINE disk_cache& disk_cache::instance() {
    static disk_cache cache(env_string("GPU_NDARRAY_DISK_CACHE") == "0" ? std::string() : default_dir());
    return cache;
}

GPU_ND_INLINE std::string disk_cache::entry_path(const std::string& key) const {
    char name[48];
    const fnv1a_pair h = fnv1a2(key, 0xcbf29ce484222325ull, 0x84222325cbf29ce4ull);  // fnv1a(key), fnv1a(key, ...)
    std::snprintf(name, sizeof name, "%016llx%016llx.cubin", static_cast<unsigned long long>(h.a),
                  static_cast<unsigned long long>(h.b));
    return (std::filesystem::path(dir_) / name).string();
}

GPU_ND_INLINE std::optional<std::vector<char>> disk_cache::load(const std::string& key) const {
    if (!enabled()) return std::nullopt;
    // One read of the whole file (an istreambuf_iterator loop costs as much as the hashing).
    std::FILE* f = std::fopen(entry_path(key).c_str(), "rb");
    if (!f) return std::nullopt;
    std::string bytes;
    char chunk[1 << 16];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) bytes.append(chunk, n);
    std::fclose(f);
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

GPU_ND_INLINE void disk_cache::store(const std::string& key, const std::vector<char>& cubin) {
    if (!enabled()) return;
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    const std::string final_path = entry_path(key);
    static std::atomic<unsigned> counter{0};
    const std::string tmp = final_path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
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
        if (!out) return disable(ec ? ec.message() : "cannot write " + tmp, tmp);
    }
    std::filesystem::rename(tmp, final_path, ec);
    if (ec) disable(ec.message(), tmp);
}

GPU_ND_INLINE void disk_cache::disable(const std::string& why, const std::string& tmp) {
    std::error_code ignore;
    std::filesystem::remove(tmp, ignore);
    if (enabled_.exchange(false))
        std::fprintf(stderr, "gpu_ndarray: kernel cache directory %s is not usable (%s); caching kernels in memory only\n",
                     dir_.c_str(), why.c_str());
}

}  // namespace gpu::detail
