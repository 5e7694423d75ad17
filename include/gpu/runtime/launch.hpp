#pragma once
// Kernel launches through the driver's cuLaunchKernel, fetched once through
// cudaGetDriverEntryPointByVersion, so a program still links only cudart (DESIGN.md, 2).
// Measured on the H100 (tools/probe/launch_probe.cpp): 2.9 us of host time per launch on the
// default stream, against 4.4 us for cudaLaunchKernel on cudaStreamLegacy. A cudaKernel_t from
// cudaLibraryGetKernel is a CUkernel, which cuLaunchKernel accepts in place of a CUfunction.
#include <cuda.h>
#include <cuda_runtime_api.h>

#include "gpu/core/error.hpp"
#include "gpu/runtime/cuda_check.hpp"

namespace gpu::detail {

using cu_launch_kernel_fn = CUresult (*)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                                         unsigned, CUstream, void**, void**);

inline cu_launch_kernel_fn driver_launch_kernel() {
    static const cu_launch_kernel_fn fn = [] {
        void* p = nullptr;
        cudaDriverEntryPointQueryResult found{};
        cuda_check(cudaGetDriverEntryPointByVersion("cuLaunchKernel", &p, 12000, cudaEnableDefault, &found),
                   "cudaGetDriverEntryPointByVersion(cuLaunchKernel)");
        if (found != cudaDriverEntryPointSuccess || p == nullptr)
            throw cuda_error("the CUDA driver does not provide cuLaunchKernel", 0);
        return reinterpret_cast<cu_launch_kernel_fn>(p);
    }();
    return fn;
}

// Launches a 1-D grid. Driver and runtime error codes share their values, so the runtime's
// names describe a failure.
inline void launch_kernel(cudaKernel_t kernel, unsigned blocks, unsigned threads, void** args, cudaStream_t stream,
                          const char* what) {
    const CUresult r = driver_launch_kernel()(reinterpret_cast<CUfunction>(kernel), blocks, 1, 1, threads, 1, 1, 0,
                                              reinterpret_cast<CUstream>(stream), args, nullptr);
    if (r != CUDA_SUCCESS) throw_cuda(static_cast<cudaError_t>(r), what);
}

}  // namespace gpu::detail
