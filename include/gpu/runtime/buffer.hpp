#pragma once
// Refcounted memory behind arrays. Device memory comes from the stream-ordered pool
// (cudaMallocAsync); host memory (the host executor) from aligned_alloc. Array handles share a
// buffer through std::shared_ptr, so copies are cheap and expressions can own their operands.
#include <cuda_runtime_api.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu::detail {

inline std::string pool_state() {
    cudaMemPool_t pool;
    if (cudaDeviceGetDefaultMemPool(&pool, device().device) != cudaSuccess) return "pool state unknown";
    unsigned long long reserved = 0, used = 0;
    cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemCurrent, &reserved);
    cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent, &used);
    return "pool holds " + std::to_string(reserved) + " bytes, " + std::to_string(used) + " in use";
}

inline void* device_allocate(std::size_t bytes) {
    void* p = nullptr;
    cudaStream_t s = current_stream();
    cudaError_t err = cudaMallocAsync(&p, bytes, s);
    if (err == cudaErrorMemoryAllocation) {
        // Give cached blocks back to the driver and try once more before failing.
        cudaGetLastError();
        cudaMemPool_t pool;
        cuda_check(cudaDeviceGetDefaultMemPool(&pool, device().device), "cudaDeviceGetDefaultMemPool");
        cuda_check(cudaStreamSynchronize(s), "cudaStreamSynchronize");
        cuda_check(cudaMemPoolTrimTo(pool, 0), "cudaMemPoolTrimTo");
        err = cudaMallocAsync(&p, bytes, s);
        if (err == cudaErrorMemoryAllocation) {
            cudaGetLastError();
            throw out_of_memory("out of memory allocating " + std::to_string(bytes) + " bytes on cuda:" +
                                std::to_string(device().device) + " (" + pool_state() + ")");
        }
    }
    cuda_check(err, "cudaMallocAsync");
    return p;
}

class buffer {
public:
    buffer(std::size_t bytes, executor where) : bytes_(bytes), where_(where) {
        if (bytes == 0) return;
        if (where == executor::cuda) {
            ptr_ = device_allocate(bytes);
        } else {
            ptr_ = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
            if (!ptr_) throw out_of_memory("out of host memory allocating " + std::to_string(bytes) + " bytes");
        }
    }
    ~buffer() {
        if (!ptr_) return;
        if (where_ == executor::cuda)
            cudaFreeAsync(ptr_, current_stream());  // errors here cannot be reported from a destructor
        else
            std::free(ptr_);
    }
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;

    void* data() const noexcept { return ptr_; }
    std::size_t bytes() const noexcept { return bytes_; }
    executor where() const noexcept { return where_; }

private:
    void* ptr_ = nullptr;
    std::size_t bytes_;
    executor where_;
};

inline std::shared_ptr<buffer> make_buffer(std::size_t bytes, executor where) {
    return std::make_shared<buffer>(bytes, where);
}

}  // namespace gpu::detail
