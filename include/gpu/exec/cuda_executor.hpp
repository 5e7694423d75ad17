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

// Elements per 16-byte access of the widest operand.
template <int N>
int full_vector(const layout<N>& l) {
    int widest = 1;
    for (int k = 0; k < l.n_operands; ++k) widest = std::max(widest, l.itemsizes[k]);
    return 16 / widest;
}

template <int N>
bool aligned(const layout<N>& l, int k, int vec) {
    return reinterpret_cast<std::uintptr_t>(l.ptrs[k]) % (static_cast<std::uintptr_t>(vec) * l.itemsizes[k]) == 0;
}

// Elements per vector access of the flat kernel: a full vector if every pointer is aligned.
template <int N>
int vector_width(const layout<N>& l) {
    const int vec = full_vector(l);
    for (int k = 0; k < l.n_operands; ++k)
        if (!aligned(l, k, vec)) return 1;
    return vec;
}

// The strided kernel moves whole vectors along the innermost axis when the output and every
// array are contiguous (stride 1) or broadcast (stride 0) there, the axis divides into vectors
// and each contiguous row starts aligned. Returns the bit mask of contiguous arrays, or -1.
template <int N>
long long inner_vector_arrays(const layout<N>& l, int vec) {
    const int last = l.rank() - 1;
    if (l.rank() < 2 || vec == 1 || l.shape[last] % vec != 0 || N > 32) return -1;
    unsigned mask = 0;
    for (int k = 0; k < l.n_operands; ++k) {
        const std::int64_t inner = l.strides[k][last];
        if (inner == 0 && k > 0) continue;
        if (inner != 1 || !aligned(l, k, vec)) return -1;
        for (int d = 0; d < last; ++d)
            if (l.strides[k][d] % vec != 0) return -1;
        if (k > 0) mask |= 1u << (k - 1);
    }
    return mask;
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

// A buffer used on a stream other than its own is freed only after that stream's work.
template <class A>
void note_stream_use(const A& a) {
    if constexpr (!is_index_operand_v<A>)
        if (const auto& b = a.buffer()) b->note_use();
}

template <class I, class Out, class E, int N>
void launch(Out& out, const E& e, const layout<N>& l, const kernel_variant& v, unsigned mask) {
    constexpr std::size_t n_params = 2 * (N + 1) + E::n_scalars + 3;
    constexpr std::size_t n_bytes = (N + 1) * (8 + 8 * max_ndim) + 8 * E::n_scalars + 8 * max_ndim + 64;
    kernel_args<n_bytes, n_params> args;
    const bool indexed = v.strided || v.tiled;
    args.push(out.data());
    if (indexed) args.template push_dims<I>(l.strides[0]);
    note_stream_use(out);
    int k = 1;
    e.visit_arrays([&](const auto& a) {
        note_stream_use(a);
        args.push(static_cast<const void*>(a.data()));
        if (indexed) args.template push_dims<I>(l.strides[k]);
        ++k;
    });
    e.visit_scalars([&](const auto& s) { args.push(s); });
    if (indexed) args.template push_dims<I>(l.shape);
    args.push(static_cast<I>(l.size));
    if (v.tiled || (v.strided && v.vec > 1)) args.push(mask);

    const cudaKernel_t kernel = get_kernel<E>(v);
    std::int64_t blocks;
    if (v.tiled) {
        const std::int64_t tiles = (l.shape[0] + tile_edge - 1) / tile_edge * ((l.shape[1] + tile_edge - 1) / tile_edge);
        blocks = std::min<std::int64_t>(tiles, std::int64_t{device().sm_count} * 32);
    } else if (!v.strided) {
        const std::int64_t per_block = std::int64_t{block_threads} * vectors_per_thread * v.vec;
        blocks = (l.size + per_block - 1) / per_block;
    } else {
        const std::int64_t steps = l.size / v.vec;
        blocks = std::min<std::int64_t>((steps + block_threads - 1) / block_threads, std::int64_t{device().sm_count} * 32);
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
    unsigned mask = transposed_operands(l);
    v.tiled = mask != 0;
    v.strided = !v.tiled && !l.contiguous();
    v.idx64 = l.needs_64bit_index();
    v.rank = l.rank();
    if (!v.strided && !v.tiled) {
        v.vec = vector_width(l);
    } else if (v.strided) {
        const long long inner = inner_vector_arrays(l, full_vector(l));
        if (inner >= 0) v.vec = full_vector(l), mask = static_cast<unsigned>(inner);
    }
    if (v.idx64)
        launch<long long>(out, e, l, v, mask);
    else
        launch<int>(out, e, l, v, mask);
}

}  // namespace gpu::detail
