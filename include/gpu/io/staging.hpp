#pragma once
// Pipelined copies between pageable host memory and the device: a few host threads copy chunk k
// into a pinned staging buffer (io/pinned.hpp) while the copy engine moves chunk k-1, so the
// host copies and the DMA overlap. io/transfer.hpp sends large pageable transfers here. The
// threads, the barrier and the copies are in io/staging.ipp.
#include <cuda_runtime_api.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "gpu/core/inline.hpp"
#include "gpu/io/pinned.hpp"

namespace gpu::detail {

// run_pipeline with its callables behind function pointers (one indirect call per phase and
// thread), so that the threads and the barrier are compiled once.
GPU_ND_INLINE void run_pipeline_erased(std::int64_t n_chunks, int want_threads, void* copy,
                                       void (*copy_fn)(void*, std::int64_t, int, int), void* step,
                                       void (*step_fn)(void*, std::int64_t));

// Runs n_chunks phases on up to `want_threads` threads (the caller's included): in phase k each
// thread t of W calls copy(k, t, W); between phases, and once before the first, one thread calls
// step(k) for k = -1 .. n_chunks-1. Neither may throw (they record errors instead).
template <class Copy, class Step>
void run_pipeline(std::int64_t n_chunks, int want_threads, Copy& copy, Step& step) {
    run_pipeline_erased(
        n_chunks, want_threads, &copy, [](void* c, std::int64_t k, int t, int w) { (*static_cast<Copy*>(c))(k, t, w); },
        &step, [](void* st, std::int64_t k) { (*static_cast<Step*>(st))(k); });
}

// The size of the pieces a transfer of `bytes` moves per phase: the staging buffer's size, but
// small enough that the pipeline has about 16 phases (its first and last phases do not overlap
// copy and DMA), and at least 2 MiB (a phase costs a barrier, some microseconds).
GPU_ND_INLINE std::size_t piece_bytes(std::size_t bytes, std::size_t buffer_bytes);

// Thread t's share [lo, hi) of a chunk of `len` bytes split among n threads, in whole pages.
GPU_ND_INLINE std::pair<std::size_t, std::size_t> slice_of(std::size_t len, int t, int n);

// Pageable host -> device through the staging buffers: the threads copy chunk k into buffer
// k % N while the copy engine moves chunk k-1 (and earlier ones) on stream s.
GPU_ND_INLINE void staged_host_to_device(std::byte* dst, const std::byte* src, std::size_t bytes, cudaStream_t s);

// Device -> pageable host through the staging buffers: the copy engine fills up to N buffers
// ahead while the threads copy chunk k out of buffer k % N.
GPU_ND_INLINE void staged_device_to_host(std::byte* dst, const std::byte* src, std::size_t bytes, cudaStream_t s);

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/staging.ipp"
#endif
