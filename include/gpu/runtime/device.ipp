#pragma once
// Definitions for runtime/device.hpp (see core/inline.hpp).
#include <string>

#include "gpu/runtime/device.hpp"

namespace gpu {

GPU_ND_INLINE int device_count() {
    int n = 0;
    if (cudaGetDeviceCount(&n) != cudaSuccess) {
        cudaGetLastError();  // clear the failed probe's status
        return 0;
    }
    return n;
}

namespace detail {

GPU_ND_INLINE void throw_mixed_devices(int a, int b) {
    throw device_error("operands live on different devices (cuda:" + std::to_string(a) + " and cuda:" + std::to_string(b) +
                       "); copy one with gpu::to_device first");
}

GPU_ND_INLINE void check_device_id(int id, const char* what) {
    const int n = device_count();
    if (id >= 0 && id < n) return;
    std::string msg = std::string(what) + ": invalid device ordinal " + std::to_string(id) + ": ";
    if (n == 0) msg += "no CUDA device is usable (" + (device().why_not.empty() ? std::string("none found") : device().why_not) + ")";
    else msg += "this machine has " + std::to_string(n) + " CUDA device" + (n == 1 ? "" : "s") + " (0 to " + std::to_string(n - 1) + ")";
    throw device_error(msg);
}

}  // namespace detail
}  // namespace gpu
