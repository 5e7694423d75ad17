#pragma once
// Turning CUDA runtime status codes into gpu::error exceptions.
#include <cuda_runtime_api.h>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"

namespace gpu::detail {

[[noreturn]] GPU_ND_INLINE void throw_cuda(cudaError_t err, const char* what);

inline void cuda_check(cudaError_t err, const char* what) {
    if (err != cudaSuccess) throw_cuda(err, what);
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/cuda_check.ipp"
#endif
