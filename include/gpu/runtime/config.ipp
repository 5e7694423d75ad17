#pragma once
// Definitions for runtime/config.hpp (see core/inline.hpp).
#include <cstdlib>
#include <exception>
#include <string>

#include "gpu/runtime/config.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string env_string(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

GPU_ND_INLINE bool env_flag(const char* name) {
    const std::string v = env_string(name);
    return !v.empty() && v != "0" && v != "false" && v != "off";
}

GPU_ND_INLINE std::int64_t env_bytes(const char* name) {
    const std::string v = env_string(name);
    if (v.empty()) return 0;
    std::size_t used = 0;
    long double n = 0;
    try {
        n = std::stold(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    int shift = 0;
    if (used + 1 == v.size()) {
        switch (v.back()) {
            case 'K': case 'k': shift = 10; break;
            case 'M': case 'm': shift = 20; break;
            case 'G': case 'g': shift = 30; break;
            case 'T': case 't': shift = 40; break;
            default: used = 0;
        }
        if (used) ++used;
    }
    if (used != v.size() || n < 0)
        throw value_error(std::string(name) + " must be a byte count such as 1073741824, 512M or 8G, not '" + v + "'");
    return static_cast<std::int64_t>(n * static_cast<long double>(std::int64_t{1} << shift));
}

}  // namespace gpu::detail
