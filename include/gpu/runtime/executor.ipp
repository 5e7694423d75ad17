#pragma once
// Definitions for runtime/executor.hpp (see core/inline.hpp).
#include <cstdio>
#include <string>

#include "gpu/runtime/executor.hpp"

namespace gpu::detail {

GPU_ND_INLINE executor choose_default_executor() {
    const std::string want = env_string("GPU_NDARRAY_DEVICE");
    if (want == "cpu" || want == "host") return executor::host;
    if (want == "cuda") {
        if (!device().available)
            throw device_error("GPU_NDARRAY_DEVICE=cuda but no CUDA device is usable: " + device().why_not);
        return executor::cuda;
    }
    if (!want.empty())
        throw value_error("GPU_NDARRAY_DEVICE must be 'cuda' or 'cpu', not '" + want + "'");
    if (device().available) return executor::cuda;
    std::fprintf(stderr, "gpu_ndarray: no CUDA device (%s); running on the host executor\n", device().why_not.c_str());
    return executor::host;
}

}  // namespace gpu::detail
