#pragma once
// Definitions for interop/dlpack.hpp (see core/inline.hpp).
#include <string>

#include "gpu/interop/dlpack.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu {

GPU_ND_INLINE std::intptr_t dlpack::consumer_stream() {
    const cudaStream_t s = detail::current_stream();
    return s ? reinterpret_cast<std::intptr_t>(s) : 1;  // the legacy default stream is 1
}

namespace detail {

GPU_ND_INLINE void sync_current_stream() {
    cuda_check(cudaStreamSynchronize(current_stream()), "cudaStreamSynchronize");
}

GPU_ND_INLINE void dlpack_sync_consumer(std::intptr_t stream) {
    if (stream == -1) return;
    if (stream == 0) throw value_error("gpu::to_dlpack: stream 0 is ambiguous for CUDA (use 1 or 2 for a default stream)");
    const cudaStream_t consumer = stream == 1 ? cudaStreamLegacy
                                  : stream == 2 ? cudaStreamPerThread
                                                : reinterpret_cast<cudaStream_t>(stream);
    const cudaStream_t producer = current_stream();
    if (consumer == producer) return;
    cudaEvent_t e;
    cuda_check(cudaEventCreateWithFlags(&e, cudaEventDisableTiming), "cudaEventCreateWithFlags");
    const cudaError_t r1 = cudaEventRecord(e, producer);
    const cudaError_t r2 = r1 == cudaSuccess ? cudaStreamWaitEvent(consumer, e, 0) : r1;
    cudaEventDestroy(e);  // released once the wait is satisfied
    cuda_check(r2, "gpu::to_dlpack: ordering the consumer's stream after the array's work");
}

GPU_ND_INLINE void check_dlpack_import(const dlpack::DLManagedTensorVersioned* m, dlpack::DLDataType want,
                                       const char* dtype_name, std::size_t itemsize) {
    if (!m) throw value_error("gpu::from_dlpack: null tensor");
    if (m->version.major != dlpack::major_version)
        throw value_error("gpu::from_dlpack: DLPack version " + std::to_string(m->version.major) + "." +
                          std::to_string(m->version.minor) + " is not supported (1.x is)");
    const auto& t = m->dl_tensor;
    if (t.dtype.code != want.code || t.dtype.bits != want.bits || t.dtype.lanes != want.lanes)
        throw type_error("gpu::from_dlpack: the tensor's DLPack dtype (code " + std::to_string(t.dtype.code) + ", " +
                         std::to_string(t.dtype.bits) + " bits, " + std::to_string(t.dtype.lanes) +
                         " lanes) is not " + dtype_name);
    if (t.ndim < 0 || t.ndim > max_ndim)
        throw value_error("gpu::from_dlpack: " + std::to_string(t.ndim) + " dimensions (at most " + std::to_string(max_ndim) + ")");
    if (t.ndim > 0 && !t.shape) throw value_error("gpu::from_dlpack: the tensor has no shape");
    if (t.byte_offset % itemsize != 0)
        throw value_error("gpu::from_dlpack: byte_offset " + std::to_string(t.byte_offset) + " is not a multiple of the item size");
    const executor where = current_executor();
    const bool device_ok = where == executor::cuda
                               ? (t.device.device_type == dlpack::kDLCUDA || t.device.device_type == dlpack::kDLCUDAManaged) &&
                                     t.device.device_id == current_device_id()
                               : t.device.device_type == dlpack::kDLCPU || t.device.device_type == dlpack::kDLCUDAHost;
    if (!device_ok)
        throw device_error("gpu::from_dlpack: the tensor is on DLPack device (type " + std::to_string(t.device.device_type) +
                           ", id " + std::to_string(t.device.device_id) + "), which the " + to_string(where) +
                           " executor cannot use" + (where == executor::cuda ? " (or not the current device)" : ""));
}

}  // namespace detail
}  // namespace gpu
