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
#include <vector>

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

// Freed small device blocks, kept per thread and size class and handed out again in stream
// order. cudaMallocAsync + cudaFreeAsync cost about a microsecond per operation even when the
// pool has the memory; a small array's whole operation costs a few. Blocks are reused only on
// the stream they were freed on, so reuse is ordered after every earlier use of the block.
class small_block_cache {
public:
    static constexpr std::size_t min_block = 512;            // class 0
    static constexpr std::size_t max_block = std::size_t{1} << 20;  // larger requests bypass the cache
    static constexpr int n_classes = 12;                      // 512 B ... 1 MiB, powers of two
    static constexpr std::size_t max_bytes = std::size_t{64} << 20;  // per thread

    // The size class of a request, or -1 when it is not cached.
    static int size_class(std::size_t bytes) noexcept {
        if (bytes > max_block) return -1;
        int c = 0;
        while ((min_block << c) < bytes) ++c;
        return c;
    }
    static std::size_t class_bytes(int c) noexcept { return min_block << c; }

    void* take(int c, cudaStream_t s) noexcept {
        if (s != stream_ || lists_[c].empty()) return nullptr;
        void* p = lists_[c].back();
        lists_[c].pop_back();
        bytes_ -= class_bytes(c);
        return p;
    }
    // Keeps the block if there is room, else returns false and the caller frees it.
    bool give(void* p, int c, cudaStream_t s) noexcept {
        if (s != stream_ || bytes_ + class_bytes(c) > max_bytes) return false;
        try {
            lists_[c].push_back(p);  // allocates only while the lists grow to their working size
        } catch (...) {
            return false;
        }
        bytes_ += class_bytes(c);
        return true;
    }
    // Returns every cached block to the pool (before trimming it, and at thread exit).
    void release() noexcept {
        for (auto& list : lists_) {
            for (void* p : list) cudaFreeAsync(p, stream_);
            list.clear();
        }
        bytes_ = 0;
    }
    ~small_block_cache() { release(); }

private:
    cudaStream_t stream_ = current_stream();
    std::vector<void*> lists_[n_classes];
    std::size_t bytes_ = 0;
};

inline small_block_cache& block_cache() {
    thread_local small_block_cache cache;
    return cache;
}

inline void* device_allocate(std::size_t bytes) {
    cudaStream_t s = current_stream();
    const int c = small_block_cache::size_class(bytes);
    if (c >= 0) {
        if (void* p = block_cache().take(c, s)) return p;
        bytes = small_block_cache::class_bytes(c);  // so that the block fits any request of its class
    }
    void* p = nullptr;
    cudaError_t err = cudaMallocAsync(&p, bytes, s);
    if (err == cudaErrorMemoryAllocation) {
        // Give cached blocks back to the driver and try once more before failing.
        cudaGetLastError();
        block_cache().release();
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

inline void device_free(void* p, std::size_t bytes) noexcept {
    cudaStream_t s = current_stream();
    const int c = small_block_cache::size_class(bytes);
    if (c >= 0 && block_cache().give(p, c, s)) return;
    cudaFreeAsync(p, s);  // errors here cannot be reported from a destructor
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
            device_free(ptr_, bytes_);
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
