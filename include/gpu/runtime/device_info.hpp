#pragma once
// What the CUDA device of this process is: probed once (compute capability, SM count), with the
// reason when there is none. The stream-ordered pool is configured here, once.
#include <cuda_runtime_api.h>

#include <string>

#include "gpu/core/inline.hpp"
#include "gpu/runtime/cuda_check.hpp"

namespace gpu::detail {

struct device_info {
    bool available = false;
    std::string why_not;  // why there is no usable device, when there is none
    int device = 0;
    int cc_major = 0, cc_minor = 0;
    int sm_count = 0;
};

GPU_ND_INLINE device_info probe_device();

inline const device_info& device() {
    static const device_info info = probe_device();
    return info;
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/device_info.ipp"
#endif
