#pragma once
// The CUDA executor: picks the kernel variant from the layout, fetches the kernel from the
// cache, packs the arguments into a stack buffer (no heap allocation) and launches it on the
// current stream through the driver (runtime/launch.hpp).
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "gpu/exec/layout.hpp"
#include "gpu/jit/kernel_cache.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/launch.hpp"

namespace gpu::detail {

// Kernel arguments laid out in place: each value is copied into aligned storage and argv
// points at it, which is what cudaLaunchKernel takes.
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
    // gnd::dims<I, rank>: `rank` consecutive indices of type I.
    template <class I>
    void push_dims(const dims& d) {
        I tmp[max_ndim];
        for (int i = 0; i < d.size(); ++i) tmp[i] = static_cast<I>(d[i]);
        push_bytes(tmp, sizeof(I) * d.size(), alignof(I));
    }
};

// Elements per vector access: 16 bytes of the widest operand, if every pointer is aligned.
template <int N>
int vector_width(const layout<N>& l) {
    int widest = 1;
    for (int k = 0; k < l.n_operands; ++k) widest = std::max(widest, l.itemsizes[k]);
    const int vec = 16 / widest;
    for (int k = 0; k < l.n_operands; ++k)
        if (reinterpret_cast<std::uintptr_t>(l.ptrs[k]) % (static_cast<std::uintptr_t>(vec) * l.itemsizes[k]) != 0) return 1;
    return vec;
}

// Operands of a rank-2 layout that walk axis 0 faster than axis 1 (transposed relative to the
// output), as a bit mask over the expression's arrays; 0 when the tiled kernel does not apply.
template <int N>
unsigned transposed_operands(const layout<N>& l) {
    if (l.rank() != 2 || l.shape[0] < tile_edge / 2 || l.shape[1] < tile_edge / 2 || N > 32) return 0;
    int smem = 0;
    unsigned mask = 0;
    for (int k = 1; k <= N; ++k) {
        smem += l.itemsizes[k] * tile_bytes_per_item;
        const std::int64_t s0 = std::llabs(l.strides[k][0]), s1 = std::llabs(l.strides[k][1]);
        if (s0 != 0 && s0 < s1) mask |= 1u << (k - 1);
    }
    return smem <= tile_smem_limit ? mask : 0;
}

template <class I, class Out, class E, int N>
void launch(Out& out, const E& e, const layout<N>& l, const kernel_variant& v, unsigned tmask) {
    constexpr std::size_t n_params = 2 * (N + 1) + E::n_scalars + 3;
    constexpr std::size_t n_bytes = (N + 1) * (8 + 8 * max_ndim) + 8 * E::n_scalars + 8 * max_ndim + 64;
    kernel_args<n_bytes, n_params> args;
    const bool indexed = v.strided || v.tiled;
    args.push(out.data());
    if (indexed) args.template push_dims<I>(l.strides[0]);
    int k = 1;
    e.visit_arrays([&](const auto& a) {
        args.push(static_cast<const void*>(a.data()));
        if (indexed) args.template push_dims<I>(l.strides[k]);
        ++k;
    });
    e.visit_scalars([&](const auto& s) { args.push(s); });
    if (indexed) args.template push_dims<I>(l.shape);
    args.push(static_cast<I>(l.size));
    if (v.tiled) args.push(tmask);

    const cudaKernel_t kernel = get_kernel<E>(v);
    std::int64_t blocks;
    if (v.tiled) {
        const std::int64_t tiles = (l.shape[0] + tile_edge - 1) / tile_edge * ((l.shape[1] + tile_edge - 1) / tile_edge);
        blocks = std::min<std::int64_t>(tiles, std::int64_t{device().sm_count} * 32);
    } else if (!v.strided) {
        const std::int64_t per_block = std::int64_t{block_threads} * vectors_per_thread * v.vec;
        blocks = (l.size + per_block - 1) / per_block;
    } else {
        blocks = std::min<std::int64_t>((l.size + block_threads - 1) / block_threads, std::int64_t{device().sm_count} * 32);
    }
    const cudaStream_t stream = current_stream();
    launch_kernel(kernel, static_cast<unsigned>(blocks), block_threads, args.argv, stream, "launching an element-wise kernel");
    if (sync_launches()) cuda_check(cudaStreamSynchronize(stream), "element-wise kernel (GPU_NDARRAY_SYNC=1)");
}

template <class Out, class E>
void run_on_cuda(Out& out, const E& e) {
    const auto l = make_layout(out, e);
    if (l.size == 0) return;
    kernel_variant v;
    const unsigned tmask = transposed_operands(l);
    v.tiled = tmask != 0;
    v.strided = !v.tiled && !l.contiguous();
    v.idx64 = l.needs_64bit_index();
    v.rank = l.rank();
    v.vec = v.strided || v.tiled ? 1 : vector_width(l);
    if (v.idx64)
        launch<long long>(out, e, l, v, tmask);
    else
        launch<int>(out, e, l, v, tmask);
}

}  // namespace gpu::detail
