#pragma once
// Definitions for runtime/buffer.hpp (see core/inline.hpp).
#include <string>

#include "gpu/runtime/buffer.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string pool_state() {
    cudaMemPool_t pool;
    if (cudaDeviceGetDefaultMemPool(&pool, device().device) != cudaSuccess) return "pool state unknown";
    unsigned long long reserved = 0, used = 0;
    cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemCurrent, &reserved);
    cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent, &used);
    std::string r = "pool holds " + std::to_string(reserved) + " bytes, " + std::to_string(used) + " in use";
    if (const std::int64_t limit = memory_counters().limit.load()) r += ", limit " + std::to_string(limit) + " bytes";
    return r;
}

GPU_ND_INLINE void small_block_cache::release() noexcept {
    for (auto& list : lists_) {
        for (void* p : list) cudaFreeAsync(p, stream_);
        list.clear();
    }
    bytes_ = 0;
}

GPU_ND_INLINE void throw_out_of_memory(std::size_t bytes, const char* why) {
    throw out_of_memory(std::string(why) + " allocating " + std::to_string(bytes) + " bytes on cuda:" +
                        std::to_string(device().device) + " (" + pool_state() + ")");
}

GPU_ND_INLINE void release_cached_blocks(cudaStream_t s) {
    block_cache().release();
    cudaMemPool_t pool;
    cuda_check(cudaDeviceGetDefaultMemPool(&pool, device().device), "cudaDeviceGetDefaultMemPool");
    cuda_check(cudaStreamSynchronize(s), "cudaStreamSynchronize");
    cuda_check(cudaMemPoolTrimTo(pool, 0), "cudaMemPoolTrimTo");
}

GPU_ND_INLINE void* pool_allocate(std::size_t bytes, cudaStream_t s) {
    void* p = nullptr;
    cudaError_t err = cudaMallocAsync(&p, bytes, s);
    if (err == cudaErrorMemoryAllocation) {
        // Give cached blocks back to the driver and try once more before failing.
        cudaGetLastError();
        release_cached_blocks(s);
        err = cudaMallocAsync(&p, bytes, s);
        if (err == cudaErrorMemoryAllocation) {
            cudaGetLastError();
            throw_out_of_memory(bytes, "out of memory");
        }
    }
    cuda_check(err, "cudaMallocAsync");
    return p;
}

GPU_ND_INLINE void buffer::wait_for_other_streams(cudaStream_t s) noexcept {
    if (other_streams_overflow_) cudaDeviceSynchronize();
    for (const auto& other : other_streams_) {
        if (!other) break;
        cudaEvent_t done;
        if (cudaEventCreateWithFlags(&done, cudaEventDisableTiming) != cudaSuccess) {
            cudaDeviceSynchronize();
            break;
        }
        cudaEventRecord(done, other->handle);
        cudaStreamWaitEvent(s, done, 0);
        cudaEventDestroy(done);  // released once the wait is satisfied
    }
}

GPU_ND_INLINE void buffer::free_on_own_device(int current, cudaStream_t s) noexcept {
    cudaSetDevice(device_);
    device_free(ptr_, bytes_, s, device_ == detail::device().device);  // errors here cannot be reported from a destructor
    cudaSetDevice(current);
}

// Memory allocated inside gpu::capture is an address reserved by the graph's allocation node:
// it is backed only while an instantiated graph runs, and belongs to the graph. Dropped while
// its capture still records, it is freed with cudaFreeAsync on the capturing stream, which
// records a free node (the graph's temporaries). Dropped after the capture, it belongs to a graph
// that gpu::capture refused to instantiate (an allocation that outlives the capture throws), so
// it was never backed and there is nothing to release: cudaFreeAsync (or cudaFree) of it returns
// cudaErrorInvalidValue. (A graph that was launched would release it with cudaFreeAsync after
// the launch; gpu::capture never makes one.)
GPU_ND_INLINE bool buffer::still_capturing(cudaStream_t s) noexcept {
    cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
    if (!s || cudaStreamIsCapturing(s, &status) != cudaSuccess) {
        cudaGetLastError();
        return false;
    }
    return status == cudaStreamCaptureStatusActive;
}

GPU_ND_INLINE void buffer::throw_out_of_host_memory(std::size_t bytes) {
    throw out_of_memory("out of host memory allocating " + std::to_string(bytes) + " bytes");
}

}  // namespace gpu::detail
