#pragma once
// Definitions for io/transfer.hpp (see core/inline.hpp).
#include <cstring>
#include <string>

#include "gpu/io/pinned.ipp"
#include "gpu/io/staging.hpp"
#include "gpu/io/transfer.hpp"

namespace gpu::detail {

GPU_ND_INLINE void copy_bytes(void* dst, executor dst_where, const void* src, executor src_where, std::size_t bytes) {
    if (bytes == 0) return;
    check_not_capturing(dst_where == executor::host ? "asnumpy (a copy to the host)" : "asarray (a copy from the host)");
    if (dst_where == executor::host && src_where == executor::host) {
        std::memcpy(dst, src, bytes);
        return;
    }
    const cudaMemcpyKind kind = dst_where == executor::host ? cudaMemcpyDeviceToHost
                                : src_where == executor::host ? cudaMemcpyHostToDevice
                                                              : cudaMemcpyDeviceToDevice;
    // On the current stream, after the work already enqueued there; the host waits for it.
    const cudaStream_t s = current_stream();
    if (kind != cudaMemcpyDeviceToDevice && bytes >= staging_pool::instance().threshold() &&
        !is_pinned(kind == cudaMemcpyHostToDevice ? src : dst)) {
        if (kind == cudaMemcpyHostToDevice)
            staged_host_to_device(static_cast<std::byte*>(dst), static_cast<const std::byte*>(src), bytes, s);
        else
            staged_device_to_host(static_cast<std::byte*>(dst), static_cast<const std::byte*>(src), bytes, s);
        return;
    }
    cuda_check(cudaMemcpyAsync(dst, src, bytes, kind, s), "cudaMemcpyAsync");
    cuda_check(cudaStreamSynchronize(s), "cudaStreamSynchronize");
}

GPU_ND_INLINE void copy_bytes_async(void* dst, executor dst_where, const void* src, executor src_where,
                                    std::size_t bytes, const char* who) {
    if (bytes == 0) return;
    if (dst_where == executor::host && src_where == executor::host) {
        std::memcpy(dst, src, bytes);
        return;
    }
    const bool to_device = src_where == executor::host;
    if (!is_pinned(to_device ? src : dst))
        throw value_error(std::string(who) + ": the host memory is not pinned (allocate it with gpu::pinned_vector or "
                          "gpu::pinned_allocator, or use the synchronous " + (to_device ? "gpu::asarray" : "gpu::asnumpy") + ")");
    cuda_check(cudaMemcpyAsync(dst, src, bytes, to_device ? cudaMemcpyHostToDevice : cudaMemcpyDeviceToHost, current_stream()),
               "cudaMemcpyAsync");
}

GPU_ND_INLINE void throw_count_mismatch(std::size_t have, const shape_t& shape) {
    throw value_error("cannot reshape array of size " + std::to_string(have) + " into shape " + to_string(shape));
}

}  // namespace gpu::detail
