#pragma once
// Definitions for runtime/device_info.hpp (see core/inline.hpp).
#include "gpu/runtime/device_info.hpp"

namespace gpu::detail {

GPU_ND_INLINE device_info probe_device() {
    device_info info;
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess || count == 0) {
        info.why_not = err != cudaSuccess ? cudaGetErrorString(err) : "no CUDA device found";
        cudaGetLastError();  // clear the sticky status of the failed probe
        return info;
    }
    cuda_check(cudaGetDevice(&info.device), "cudaGetDevice");
    cuda_check(cudaDeviceGetAttribute(&info.cc_major, cudaDevAttrComputeCapabilityMajor, info.device), "cudaDeviceGetAttribute");
    cuda_check(cudaDeviceGetAttribute(&info.cc_minor, cudaDevAttrComputeCapabilityMinor, info.device), "cudaDeviceGetAttribute");
    cuda_check(cudaDeviceGetAttribute(&info.sm_count, cudaDevAttrMultiProcessorCount, info.device), "cudaDeviceGetAttribute");
    // Keep freed blocks in the stream-ordered pool instead of returning them to the driver at
    // every synchronization: that is what makes allocation per operation cheap.
    cudaMemPool_t pool;
    cuda_check(cudaDeviceGetDefaultMemPool(&pool, info.device), "cudaDeviceGetDefaultMemPool");
    unsigned long long threshold = ~0ull;
    cuda_check(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold), "cudaMemPoolSetAttribute");
    info.available = true;
    return info;
}

}  // namespace gpu::detail
