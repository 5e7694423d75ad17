#pragma once
// The CUDA executor: picks the kernel variant from the layout, fetches the kernel from the one
// cache and launches it with the one launch (kernel/), arguments packed on the stack.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "gpu/exec/layout.hpp"
#include "gpu/exec/elementwise_kernels.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/kernel/launch.hpp"

namespace gpu::detail {

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
template <class E, int N>
unsigned transposed_operands(const layout<N>& l) {
    if constexpr (!tile_fits<E> || N > 32) {
        return 0;
    } else {
        if (l.rank() != 2 || l.shape[0] < tile_edge / 2 || l.shape[1] < tile_edge / 2) return 0;
        unsigned mask = 0;
        for (int k = 1; k <= N; ++k) {
            const std::int64_t s0 = std::llabs(l.strides[k][0]), s1 = std::llabs(l.strides[k][1]);
            if (s0 != 0 && s0 < s1) mask |= 1u << (k - 1);
        }
        return mask;
    }
}

// One element-wise launch. Parameters, as the templates of exec/elementwise_kernels.hpp take
// them: out, the functor (array pointers, then scalars), then for the strided and tiled variants
// the strides of every operand and the shape, the element count (not tiled) and the mask.
template <class I, class Out, class E, int N>
void launch_elementwise(Out& out, const E& e, const layout<N>& l, const kernel_variant& v, unsigned mask) {
    constexpr std::size_t functor_bytes = 8 * N + 8 * E::n_scalars;
    kernel_args<functor_bytes + (N + 2) * 8 * max_ndim + 64, 6> args;
    const bool indexed = v.strided || v.tiled;
    args.push(output_sink(out));
    visit_outputs(out, [](const auto& a) { note_stream_use(a); });
    args.template push_struct<functor_bytes>([&](auto& f) {
        e.visit_arrays([&](const auto& a) {
            note_stream_use(a);  // the arrays are visited once, for both
            f.add(static_cast<const void*>(a.data()));
        });
        e.visit_scalars([&](const auto& s) { f.add(s); });
    });
    if (indexed) {
        args.template push_strides<I>(l.strides, l.rank());
        args.template push_dims<I>(l.shape);
    }
    if (!v.tiled) args.push(static_cast<I>(l.size));
    if (indexed) args.push(mask);

    const cudaKernel_t kernel = get_kernel(kernel_slots<E, kernel_variant::n_slots>::slot[v.slot()],
                                           [&] { return elementwise_kernel_source<E>(v); });
    unsigned blocks;
    if (v.tiled) blocks = blocks_for(ceil_div(l.shape[0], tile_edge) * ceil_div(l.shape[1], tile_edge), 1);
    else if (!v.strided) blocks = blocks_for(l.size, std::int64_t{block_threads} * vectors_per_thread * v.vec, INT32_MAX);
    else blocks = blocks_for(l.size / v.vec);
    launch(kernel, {.gx = blocks}, args.argv, "element-wise kernel");
}

template <class Out, class E>
void run_on_cuda(Out& out, const E& e) {
    const auto l = make_layout(out, e);
    if (l.size == 0) return;
    kernel_variant v;
    unsigned mask = transposed_operands<E>(l);
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
        launch_elementwise<long long>(out, e, l, v, mask);
    else
        launch_elementwise<int>(out, e, l, v, mask);
}

}  // namespace gpu::detail
