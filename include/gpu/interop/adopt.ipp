#pragma once
// Definitions for interop/adopt.hpp (see core/inline.hpp).
#include <string>

#include "gpu/interop/adopt.hpp"

namespace gpu::detail {

GPU_ND_INLINE void check_adoptable(const void* p, executor where, const char* who) {
    if (where != executor::cuda) return;  // host executor: host memory, nothing to ask
    cudaPointerAttributes attr{};
    const cudaError_t err = cudaPointerGetAttributes(&attr, p);
    if (err != cudaSuccess) {
        cudaGetLastError();
        throw value_error(std::string(who) + ": CUDA does not know the pointer (" + cudaGetErrorString(err) + ")");
    }
    if (attr.type != cudaMemoryTypeDevice && attr.type != cudaMemoryTypeManaged)
        throw value_error(std::string(who) + ": the pointer is " +
                          (attr.type == cudaMemoryTypeHost ? "pinned host memory" : "host memory") +
                          ", not device memory; arrays on the GPU executor need device memory");
    if (attr.device != current_device_id())
        throw device_error(std::string(who) + ": the memory is on cuda:" + std::to_string(attr.device) +
                           " but the current device is cuda:" + std::to_string(current_device_id()) +
                           " (use gpu::device_scope)");
}

}  // namespace gpu::detail
