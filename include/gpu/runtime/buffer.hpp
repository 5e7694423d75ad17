#pragma once
// Refcounted memory behind arrays. Device memory comes from the stream-ordered pool
// (cudaMallocAsync); host memory (the host executor) from aligned_alloc. Array handles share a
// buffer through std::shared_ptr, so copies are cheap and expressions can own their operands.
#include <cuda_runtime_api.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu::detail {

// Bytes of device memory held by live buffers, their high-water mark, and the limit
// (GPU_NDARRAY_MEMORY_LIMIT or gpu::memory::set_limit; 0 = none). Updated once per allocation.
struct device_memory_counters {
    std::atomic<std::int64_t> used{0}, peak{0}, limit{env_bytes("GPU_NDARRAY_MEMORY_LIMIT")};

    void add(std::int64_t bytes) noexcept {
        const std::int64_t now = used.fetch_add(bytes, std::memory_order_relaxed) + bytes;
        std::int64_t p = peak.load(std::memory_order_relaxed);
        while (now > p && !peak.compare_exchange_weak(p, now, std::memory_order_relaxed)) {
        }
    }
    void remove(std::int64_t bytes) noexcept { used.fetch_sub(bytes, std::memory_order_relaxed); }
    // Frees the driver refused (a destructor cannot throw): 0 unless the library has a bug.
    std::atomic<std::int64_t> free_errors{0};
};
inline device_memory_counters& memory_counters() {
    static device_memory_counters c;
    return c;
}

// The pool's reservation and use, for out-of-memory messages.
GPU_ND_INLINE std::string pool_state();

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
    GPU_ND_INLINE void release() noexcept;
    ~small_block_cache() { release(); }

private:
    // Only the default stream's blocks are kept: a user stream's handle may be reused by a new
    // stream after it is destroyed, and a block must never be reused out of order.
    static constexpr cudaStream_t stream_ = nullptr;
    std::vector<void*> lists_[n_classes];
    std::size_t bytes_ = 0;
};

inline small_block_cache& block_cache() {
    thread_local small_block_cache cache;
    return cache;
}

[[noreturn]] GPU_ND_INLINE void throw_out_of_memory(std::size_t bytes, const char* why);

// Gives cached blocks back: this thread's small blocks, then the pool's unused memory.
GPU_ND_INLINE void release_cached_blocks(cudaStream_t s);

// A new block from the stream-ordered pool; on failure the caches are released and it is tried
// once more before out_of_memory.
GPU_ND_INLINE void* pool_allocate(std::size_t bytes, cudaStream_t s);

// `cached`: the small-block cache holds blocks of the device probed at startup only.
inline void* device_allocate(std::size_t bytes, cudaStream_t s, bool cached = true) {
    const std::int64_t limit = memory_counters().limit.load(std::memory_order_relaxed);
    if (limit > 0 && memory_counters().used.load(std::memory_order_relaxed) + static_cast<std::int64_t>(bytes) > limit)
        throw_out_of_memory(bytes, "the memory limit would be exceeded");
    const int c = cached ? small_block_cache::size_class(bytes) : -1;
    if (c >= 0) {
        if (void* p = block_cache().take(c, s)) return p;
        bytes = small_block_cache::class_bytes(c);  // so that the block fits any request of its class
    }
    return pool_allocate(bytes, s);
}

inline void device_free(void* p, std::size_t bytes, cudaStream_t s, bool cached = true) noexcept {
    const int c = cached ? small_block_cache::size_class(bytes) : -1;
    if (c >= 0 && block_cache().give(p, c, s)) return;
    if (cudaFreeAsync(p, s) != cudaSuccess) {  // cannot be thrown from a destructor: counted instead
        cudaGetLastError();
        memory_counters().free_errors.fetch_add(1, std::memory_order_relaxed);
    }
}

// Memory of one array. A device buffer belongs to the stream it was allocated on and is freed
// in that stream's order; if it was used on other streams (note_use), the free first waits for
// their work, so an array dropped while another stream still reads it stays valid until then.
class buffer {
public:
    buffer(std::size_t bytes, executor where) : bytes_(bytes), where_(where) {
        if (where == executor::cuda) device_ = current_device_id();
        if (bytes == 0) return;
        if (where == executor::cuda) {
            stream_ = current_stream_state();
            graph_owned_ = in_graph();  // a captured cudaMallocAsync: an address the graph owns
            ptr_ = device_allocate(bytes, stream(), device_ == detail::device().device);
            charged_ = static_cast<std::int64_t>(bytes);
            memory_counters().add(charged_);
        } else {
            ptr_ = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
            if (!ptr_) throw_out_of_host_memory(bytes);
        }
    }
    // Memory the library did not allocate (gpu::adopt, gpu::from_dlpack): `owner` keeps it alive
    // and releases it when the last array using it is gone; the buffer frees nothing itself.
    buffer(void* p, std::size_t bytes, executor where, int device, std::shared_ptr<void> owner)
        : ptr_(p), bytes_(bytes), where_(where), device_(device), owner_(std::move(owner)), external_(true) {}
    ~buffer() {
        if (!ptr_ || external_) return;
        if (where_ != executor::cuda) {
            std::free(ptr_);
            return;
        }
        const cudaStream_t s = stream();
        memory_counters().remove(charged_);
        if (graph_owned_ && !still_capturing(s)) return;  // see release_graph_owned in buffer.ipp
        if (other_streams_[0] || other_streams_overflow_) wait_for_other_streams(s);
        const int current = current_device_id();  // free in the stream order of the buffer's own device
        if (current != device_) {
            free_on_own_device(current, s);
            return;
        }
        device_free(ptr_, bytes_, s, device_ == detail::device().device);  // errors here cannot be reported from a destructor
    }
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;

    void* data() const noexcept { return ptr_; }
    std::size_t bytes() const noexcept { return bytes_; }
    executor where() const noexcept { return where_; }
    // The CUDA device the memory is on (current at allocation), -1 for host memory.
    int device() const noexcept { return device_; }
    cudaStream_t stream() const noexcept { return stream_ ? stream_->handle : nullptr; }

    // Records that work on the current stream uses this buffer (a no-op on its own stream).
    void note_use() {
        const auto& cur = current_stream_state();
        if (cur == stream_) return;
        note_use_slow(cur);
    }

private:
    // The cold parts of the destructor (buffer.ipp).
    GPU_ND_INLINE void wait_for_other_streams(cudaStream_t s) noexcept;
    GPU_ND_INLINE void free_on_own_device(int current, cudaStream_t s) noexcept;
    [[noreturn]] GPU_ND_INLINE static void throw_out_of_host_memory(std::size_t bytes);
    GPU_ND_INLINE static bool still_capturing(cudaStream_t s) noexcept;

    void note_use_slow(const std::shared_ptr<stream_state>& cur) {
        const std::shared_ptr<stream_state> as_used = cur ? cur : default_stream_marker();
        for (auto& other : other_streams_) {
            if (other == as_used) return;
            if (!other) {
                other = as_used;
                return;
            }
        }
        other_streams_overflow_ = true;  // too many streams to track: the free synchronizes
    }
    // The default stream, as an entry of other_streams_ (its handle is 0).
    static const std::shared_ptr<stream_state>& default_stream_marker() {
        static const std::shared_ptr<stream_state> s = std::make_shared<stream_state>();
        return s;
    }

    void* ptr_ = nullptr;
    std::size_t bytes_;
    std::int64_t charged_ = 0;
    executor where_;
    int device_ = -1;
    std::shared_ptr<stream_state> stream_;
    std::array<std::shared_ptr<stream_state>, 3> other_streams_{};
    bool other_streams_overflow_ = false;
    bool graph_owned_ = false;  // allocated inside gpu::capture
    std::shared_ptr<void> owner_;  // of external memory
    bool external_ = false;
};

inline std::shared_ptr<buffer> make_buffer(std::size_t bytes, executor where) {
    return std::make_shared<buffer>(bytes, where);
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/buffer.ipp"
#endif
