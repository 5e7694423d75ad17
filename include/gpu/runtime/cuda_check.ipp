#pragma once
// Definitions for runtime/cuda_check.hpp (see core/inline.hpp).
#include <string>

#include "gpu/runtime/cuda_check.hpp"

namespace gpu::detail {

GPU_ND_INLINE void throw_cuda(cudaError_t err, const char* what) {
    throw cuda_error(std::string(what) + ": " + cudaGetErrorName(err) + " (" + cudaGetErrorString(err) + ")",
                     static_cast<int>(err));
}

}  // namespace gpu::detail
