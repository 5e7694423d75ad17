#pragma once
// Definitions for kernel/launch.hpp (see core/inline.hpp).
#include "gpu/kernel/launch.hpp"

namespace gpu::detail {

GPU_ND_INLINE cu_launch_kernel_fn fetch_driver_launch_kernel() {
    void* p = nullptr;
    cudaDriverEntryPointQueryResult found{};
    cuda_check(cudaGetDriverEntryPointByVersion("cuLaunchKernel", &p, 12000, cudaEnableDefault, &found),
               "cudaGetDriverEntryPointByVersion(cuLaunchKernel)");
    if (found != cudaDriverEntryPointSuccess || p == nullptr)
        throw cuda_error("the CUDA driver does not provide cuLaunchKernel", 0);
    return reinterpret_cast<cu_launch_kernel_fn>(p);
}

}  // namespace gpu::detail
