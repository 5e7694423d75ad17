#pragma once
// Page-locked ("pinned") host memory: gpu::pinned_allocator<T> and gpu::pinned_vector<T>, which
// the GPU's copy engines read and write directly at the link's full speed and which
// gpu::asarray_async / gpu::asnumpy_async need; gpu::is_pinned(p). Also the settings of the
// process-wide pool of pinned staging buffers (io/pinned.ipp) through which large transfers from
// ordinary (pageable) memory are pipelined (io/transfer.hpp). Without a usable GPU, "pinned"
// memory is plain aligned memory, so code written for the GPU still runs on the host executor.
#include <cuda_runtime_api.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include "gpu/core/inline.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {
namespace detail {

// Page-locked host memory (cudaHostAlloc, portable), or 64-byte aligned memory without a GPU.
GPU_ND_INLINE void* pinned_alloc(std::size_t bytes);
GPU_ND_INLINE void pinned_free(void* p) noexcept;

}  // namespace detail

// Allocates page-locked host memory (cudaHostAlloc); with no usable GPU, 64-byte aligned memory.
template <class T>
struct pinned_allocator {
    using value_type = T;

    pinned_allocator() noexcept = default;
    template <class U>
    pinned_allocator(const pinned_allocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(detail::pinned_alloc(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t) noexcept { detail::pinned_free(p); }
};

// Any pinned_allocator can free what another allocated.
template <class T, class U>
bool operator==(const pinned_allocator<T>&, const pinned_allocator<U>&) noexcept {
    return true;
}

// A std::vector in pinned memory. (pinned_vector<bool> is std::vector's packed bit vector, with
// no data(): use pinned_vector<std::uint8_t> and reinterpret as bool for bool transfers.)
template <class T>
using pinned_vector = std::vector<T, pinned_allocator<T>>;

// True when `p` points into page-locked host memory that CUDA knows (cudaHostAlloc or
// cudaHostRegister). Always false without a usable GPU.
GPU_ND_INLINE bool is_pinned(const void* p);

namespace detail {

// How large pageable transfers are pipelined through pinned staging buffers. The defaults are
// the best of bench_transfers' sweep on a 16-core GPU host (bench/README.md); fewer cores clamp
// the threads. Read once from the environment (GPU_NDARRAY_TRANSFER_CHUNK, _BUFFERS,
// _THREADS, _THRESHOLD), changeable with set_transfer_settings (the benchmark tunes with it).
struct transfer_settings {
    std::size_t chunk_bytes = std::size_t{8} << 20;  // one staging buffer
    int buffers = 6;                                 // staging buffers in the pipeline
    int threads = 12;                                // host threads copying into / out of staging
    std::size_t threshold = std::size_t{4} << 20;    // smaller transfers go straight to the driver
    std::size_t bytes_per_thread = std::size_t{4} << 20;  // a transfer uses at most bytes / this threads
};

GPU_ND_INLINE transfer_settings transfer_settings_from_env();

// The settings of the staging pool (io/pinned.ipp), which large pageable transfers use.
GPU_ND_INLINE transfer_settings get_transfer_settings();
GPU_ND_INLINE void set_transfer_settings(const transfer_settings& s);

}  // namespace detail
}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/pinned.ipp"
#endif
