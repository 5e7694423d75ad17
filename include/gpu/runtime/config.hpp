#pragma once
// The environment variables the library reads, each parsed once.
#include <cstdlib>
#include <string>
#include <string_view>

namespace gpu::detail {

inline std::string env_string(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

inline bool env_flag(const char* name) {
    const std::string v = env_string(name);
    return !v.empty() && v != "0" && v != "false" && v != "off";
}

// GPU_NDARRAY_SYNC=1: every launch is followed by a synchronization and an error check, so an
// asynchronous fault is reported by the operation that caused it.
inline bool sync_launches() {
    static const bool on = env_flag("GPU_NDARRAY_SYNC");
    return on;
}

}  // namespace gpu::detail
