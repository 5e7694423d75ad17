#pragma once
// A monotonic clock in nanoseconds (what std::chrono::steady_clock reads on Linux), without
// <chrono>, whose C++20 calendar and time-zone parts are costly for every includer to compile.
#include <time.h>

#include <cstdint>

namespace gpu::detail {

inline std::int64_t monotonic_ns() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

}  // namespace gpu::detail
