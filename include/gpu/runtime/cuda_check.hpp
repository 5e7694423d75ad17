#pragma once
// Turning CUDA runtime and NVRTC status codes into gpu::error exceptions.
#include <cuda_runtime_api.h>
#include <nvrtc.h>

#include <string>

#include "gpu/core/error.hpp"

namespace gpu::detail {

[[noreturn]] inline void throw_cuda(cudaError_t err, const char* what) {
    throw cuda_error(std::string(what) + ": " + cudaGetErrorName(err) + " (" + cudaGetErrorString(err) + ")",
                     static_cast<int>(err));
}

inline void cuda_check(cudaError_t err, const char* what) {
    if (err != cudaSuccess) throw_cuda(err, what);
}

inline void nvrtc_check(nvrtcResult res, const char* what) {
    if (res != NVRTC_SUCCESS) throw error(std::string(what) + ": " + nvrtcGetErrorString(res));
}

}  // namespace gpu::detail
