#pragma once
// The one launch. Every kernel starts through launch(): the arguments packed in place
// (kernel_args: no heap allocation), the grid, the current stream, the stream-use notes of the
// arrays it touches (so an array dropped while this stream still uses it keeps its memory), and
// the GPU_NDARRAY_SYNC check. Launches go through the driver's cuLaunchKernel, fetched once
// through cudaGetDriverEntryPointByVersion, so a program links only cudart: it is the cheapest
// launch in host time on the default stream (spelled 0). A cudaKernel_t from cudaLibraryGetKernel
// is a CUkernel, which cuLaunchKernel accepts in place of a CUfunction.
#include <cuda.h>
#include <cuda_runtime_api.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/device_info.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu::detail {

// Threads per block of every library kernel.
inline constexpr int block_threads = 256;

// The bytes of a struct, field by field (kernel_args::push_struct).
template <std::size_t Bytes>
struct struct_builder {
    alignas(16) unsigned char bytes[Bytes + 16] = {};
    std::size_t used = 0, align = 1;
    template <class V>
    void add(const V& v) {
        used = (used + alignof(V) - 1) / alignof(V) * alignof(V);
        std::memcpy(bytes + used, &v, sizeof v);
        used += sizeof v;
        align = std::max(align, alignof(V));
    }
};

// Kernel arguments laid out in place: each value is copied into aligned storage and argv
// points at it, which is what cuLaunchKernel takes.
template <std::size_t Bytes, std::size_t Count>
struct kernel_args {
    alignas(16) unsigned char storage[Bytes];
    void* argv[Count];
    std::size_t used = 0, n = 0;

    template <class V>
    void push(const V& v) {
        push_bytes(&v, sizeof v, alignof(V));
    }
    void push_bytes(const void* p, std::size_t size, std::size_t align) {
        used = (used + align - 1) / align * align;
        std::memcpy(storage + used, p, size);
        argv[n++] = storage + used;
        used += size;
    }
    // gnd::dims<I, R> (R = d.size(), or the given R with the rest zero).
    template <class I>
    void push_dims(const dims& d, int R = 0) {
        I tmp[max_ndim] = {};
        for (int i = 0; i < d.size(); ++i) tmp[i] = static_cast<I>(d[i]);
        push_bytes(tmp, sizeof(I) * (R ? R : d.size()), alignof(I));
    }
    // gnd::strides_of<I, R, K>: K dims of R values each, one parameter.
    template <class I, std::size_t K>
    void push_strides(const std::array<strides_t, K>& st, int R) {
        I tmp[K * max_ndim];
        for (std::size_t k = 0; k < K; ++k)
            for (int i = 0; i < R; ++i) tmp[k * R + i] = static_cast<I>(st[k][i]);
        push_bytes(tmp, sizeof(I) * K * R, alignof(I));
    }
    // A struct parameter whose fields are pushed by fill(s) as s.add(field): each field at its
    // natural alignment, the size rounded up to the largest, as the device lays the struct out.
    template <std::size_t FieldBytes, class Fill>
    void push_struct(Fill&& fill) {
        struct_builder<FieldBytes> b;
        fill(b);
        push_bytes(b.bytes, std::max<std::size_t>((b.used + b.align - 1) / b.align * b.align, 1), b.align);
    }
};

// A kernel's grid, block and dynamic shared memory.
struct launch_shape {
    unsigned gx = 1, gy = 1, gz = 1;
    unsigned bx = block_threads, by = 1, bz = 1;
    unsigned smem = 0;
};

inline std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

// Blocks for `items` work items of `per_block` each, at most `cap` (grid-stride kernels loop
// over the rest): 32 blocks of 256 threads per SM keep every SM full.
inline unsigned blocks_for(std::int64_t items, std::int64_t per_block = block_threads, std::int64_t cap = -1) {
    if (cap < 0) cap = std::int64_t{device().sm_count} * 32;
    const std::int64_t blocks = (items + per_block - 1) / per_block;
    return static_cast<unsigned>(std::clamp<std::int64_t>(blocks, 1, cap));
}

// A buffer used on a stream other than its own is freed only after that stream's work.
template <class A>
void note_stream_use(const A& a) {
    if constexpr (requires { a.buffer(); })
        if (const auto& b = a.buffer()) b->note_use();
}

using cu_launch_kernel_fn = CUresult (*)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                                         unsigned, CUstream, void**, void**);

// cuLaunchKernel from the driver, through the runtime (launch.ipp).
GPU_ND_INLINE cu_launch_kernel_fn fetch_driver_launch_kernel();

inline cu_launch_kernel_fn driver_launch_kernel() {
    static const cu_launch_kernel_fn fn = fetch_driver_launch_kernel();
    return fn;
}

// Launches `kernel` on `stream`. `uses`: the arrays it reads or writes. Driver and runtime error
// codes share their values, so the runtime's names describe a failure.
template <class... Uses>
void launch_on(cudaStream_t stream, cudaKernel_t kernel, const launch_shape& s, void** args, const char* what,
               const Uses&... uses) {
    (note_stream_use(uses), ...);
    const CUresult r = driver_launch_kernel()(reinterpret_cast<CUfunction>(kernel), s.gx, s.gy, s.gz, s.bx, s.by, s.bz,
                                              s.smem, reinterpret_cast<CUstream>(stream), args, nullptr);
    if (r != CUDA_SUCCESS) throw_cuda(static_cast<cudaError_t>(r), what);
    if (sync_launches()) cuda_check(cudaStreamSynchronize(stream), what);
}

// The same on the current stream: how every library operation launches.
template <class... Uses>
void launch(cudaKernel_t kernel, const launch_shape& s, void** args, const char* what, const Uses&... uses) {
    launch_on(current_stream(), kernel, s, args, what, uses...);
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/kernel/launch.ipp"
#endif
