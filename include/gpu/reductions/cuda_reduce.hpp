#pragma once
// The CUDA side of a reduction: the cache slots of its kernels (a hit is one atomic load), the
// per-thread device scratch of split reductions, the variant and the launch geometry (shared
// with user reduction kernels, user_kernels/reduction_kernel.hpp). reduce.hpp drives it.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/reductions/kernels.hpp"
#include "gpu/reductions/plan.hpp"
#include "gpu/reductions/reduce_ops.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu::detail {

// ---- kernel cache ------------------------------------------------------------------------------

// One slot per (reduction, expression type, variant) in the one kernel cache.
template <class Red, class E>
struct reduce_key {};

template <class Red, class E>
cudaKernel_t get_reduce_kernel(const reduce_variant& v) {
    return get_kernel(kernel_slots<reduce_key<Red, E>, reduce_variant::n_slots>::slot[v.slot()],
                      [&] { return reduction_kernel_source<Red, E>(v); });
}

// ---- device scratch ----------------------------------------------------------------------------

// Per thread and stream: the last-block counters (zeroed once; each kernel leaves them zero)
// and the partial results of split reductions (grown on demand). Kept per stream because
// kernels on two streams may run at once; a stream's entry dies with it.
class reduce_scratch {
public:
    static constexpr std::size_t n_counters = std::size_t{1} << 16;

    struct entry {
        std::weak_ptr<stream_state> owner;
        bool used = false, default_stream = false;
        cudaStream_t handle = nullptr;
        void* counters = nullptr;
        void* partials = nullptr;
        std::size_t partial_bytes = 0;
    };

    entry& for_current_stream() {
        const auto& cur = current_stream_state();
        for (auto& e : entries_)
            if (e.used && (cur ? (!e.default_stream && e.owner.lock() == cur) : e.default_stream)) return e;
        entry* slot = nullptr;
        for (auto& e : entries_)
            if (!e.used || (!e.default_stream && e.owner.expired())) {
                slot = &e;
                break;
            }
        if (!slot) slot = &entries_[0];
        release(*slot);
        // Allocated before the entry is marked used: a failed allocation leaves it free.
        void* counters = device_allocate(n_counters * sizeof(unsigned), current_stream());
        cuda_check(cudaMemsetAsync(counters, 0, n_counters * sizeof(unsigned), current_stream()), "cudaMemsetAsync");
        slot->counters = counters;
        slot->used = true;
        slot->default_stream = !cur;
        slot->owner = cur;
        slot->handle = current_stream();
        return *slot;
    }

    static void* partials(entry& e, std::size_t bytes) {
        if (bytes > e.partial_bytes) {
            // The new block first: if it cannot be had, the entry keeps its old one intact.
            const std::size_t grown = std::max<std::size_t>({bytes, 2 * e.partial_bytes, std::size_t{1} << 16});
            void* p = device_allocate(grown, e.handle);
            if (e.partials) device_free(e.partials, e.partial_bytes, e.handle);
            e.partials = p;
            e.partial_bytes = grown;
        }
        return e.partials;
    }

    ~reduce_scratch() {
        for (auto& e : entries_) release(e);
    }

private:
    // An entry whose stream may be gone: cudaFree waits for all work that could use it.
    static void release(entry& e) {
        if (!e.used) return;
        if (e.counters) cudaFree(e.counters);
        if (e.partials) cudaFree(e.partials);
        e = entry{};
    }
    std::array<entry, 4> entries_;
};

inline reduce_scratch& scratch() {
    thread_local reduce_scratch s;
    return s;
}

// Blocks per SM the launch geometry aims at (GPU_NDARRAY_REDUCE_BLOCKS_PER_SM, default 4): a
// tuning knob for benchmarks.
inline int reduce_blocks_per_sm() {
    static const int n = [] {
        const std::string v = env_string("GPU_NDARRAY_REDUCE_BLOCKS_PER_SM");
        const int x = v.empty() ? 4 : std::atoi(v.c_str());
        return std::clamp(x, 1, 32);
    }();
    return n;
}


// ---- the CUDA launch ---------------------------------------------------------------------------

// Bit k-1 for each array that is contiguous (stride 1) along `axis` of list `l` and can move in
// vectors of w elements; -1 if some array is neither that nor broadcast (stride 0) along it, or
// none is contiguous. Axes of extent 1 (a list with no axes left) step nowhere: their strides
// do not count.
template <int N>
long long vector_arrays(const reduce_plan<N>& p, const axis_list<N>& l, int axis, int w) {
    if (w <= 1 || N > 32 || l.shape[axis] == 1) return -1;
    unsigned mask = 0;
    for (int k = 1; k <= N; ++k) {
        const std::int64_t s = l.strides[k][axis];
        if (s == 0) continue;
        if (s != 1) return -1;
        if (reinterpret_cast<std::uintptr_t>(p.ptrs[k]) % (static_cast<std::uintptr_t>(w) * p.itemsizes[k]) != 0) return -1;
        for (const auto* other : {&p.kept, &p.reduced})
            for (int d = 0; d < other->rank(); ++d)
                if (!(other == &l && d == axis) && other->shape[d] != 1 && other->strides[k][d] % w != 0) return -1;
        mask |= 1u << (k - 1);
    }
    return mask ? static_cast<long long>(mask) : -1;
}

// The launch of one reduction: the body (warp, block or column groups) and vector loads of its
// variant, the splits of the reduced range and the grid.
struct reduce_geometry {
    reduce_variant v;
    unsigned mask = 0;  // arrays that move as vectors
    std::int64_t splits = 1, chunk = 1, gx = 1, cw = 1, partial_count = 0;
};

template <int N>
reduce_geometry reduce_geometry_for(const reduce_plan<N>& p, reduce_variant v) {
    const std::int64_t target_blocks = std::int64_t{device().sm_count} * reduce_blocks_per_sm();
    const std::int64_t max_blocks = std::int64_t{device().sm_count} * 32;
    const int W = v.width;
    reduce_geometry g;
    g.chunk = p.m;
    if (v.kind != reduce_variant::outer) {
        if (p.rows * 2 >= target_blocks * 8 || p.m <= 2048) {
            v.kind = reduce_variant::inner_warp;
        } else {
            v.kind = reduce_variant::inner_block;
            g.splits = std::clamp<std::int64_t>(ceil_div(target_blocks, p.rows), 1, ceil_div(p.m, 8192));
        }
        const long long vm = v.rrank == 1 ? vector_arrays(p, p.reduced, 0, W) : -1;
        v.vec = vm >= 0;
        if (v.vec) g.mask = static_cast<unsigned>(vm);
        if (p.m > 0) {
            g.chunk = ceil_div(p.m, g.splits);
            if (v.vec) g.chunk = ceil_div(g.chunk, W) * W;
            g.splits = ceil_div(p.m, g.chunk);
        }
        const std::int64_t groups = p.rows * g.splits;
        g.gx = std::min(v.kind == reduce_variant::inner_warp ? ceil_div(groups, block_threads / 32) : groups, max_blocks);
        if (g.splits > 1) g.partial_count = groups;
        if (g.splits > 1 && static_cast<std::size_t>(p.rows) > reduce_scratch::n_counters)
            throw error("gpu_ndarray internal error: too many split reduction rows");
    } else {
        const int ki = v.krank - 1;
        const long long vm = p.kept.shape[ki] % W == 0 ? vector_arrays(p, p.kept, ki, W) : -1;
        v.vec = vm >= 0;
        if (v.vec) g.mask = static_cast<unsigned>(vm);
        const std::int64_t items = p.rows / (v.vec ? W : 1);
        while (g.cw < block_threads && g.cw < items) g.cw *= 2;
        const std::int64_t rw = block_threads / g.cw;
        g.gx = std::min(ceil_div(items, g.cw), max_blocks);
        // Half the inner target: every split adds partials that the last block combines serially.
        const std::int64_t outer_target = std::max<std::int64_t>(device().sm_count, target_blocks / 2);
        g.splits = std::clamp<std::int64_t>(ceil_div(outer_target, g.gx), 1, std::max<std::int64_t>(1, p.m / (rw * 16)));
        if (static_cast<std::size_t>(g.gx) > reduce_scratch::n_counters) g.splits = 1;
        if (p.m > 0) {
            g.chunk = ceil_div(p.m, g.splits);
            g.splits = ceil_div(p.m, g.chunk);
        }
        if (g.splits > 1) g.partial_count = g.splits * p.rows;
    }
    g.v = v;
    return g;
}

// Kernel-parameter bytes and count of a reduction over N arrays whose sink and functor take
// `sink_bytes` and `functor_bytes` (at most: each field 8 bytes).
constexpr std::size_t reduce_param_bytes(int N, std::size_t sink_bytes, std::size_t functor_bytes) {
    return sink_bytes + functor_bytes + 2 * (N + 2) * 8 * max_ndim + 128;
}
inline constexpr std::size_t reduce_param_count = 16;

// Pushes what every reduction template takes after its sink and functor: kept and reduced strides
// of every operand, both shapes, the counts, the split scratch (taken here when the reduction is
// split, sized for accumulators of `acc_bytes`), the divisor, the vector mask and, for the
// column body, the column width.
template <class I, int N, class Args>
void push_reduce_params(Args& args, const reduce_plan<N>& p, const reduce_geometry& g, std::size_t acc_bytes,
                        double divisor) {
    void* partials = nullptr;
    void* counters = nullptr;
    if (g.splits > 1) {
        auto& entry = scratch().for_current_stream();
        counters = entry.counters;
        partials = reduce_scratch::partials(entry, static_cast<std::size_t>(g.partial_count) * acc_bytes);
    }
    args.template push_strides<I>(p.kept.strides, p.kept.rank());
    args.template push_strides<I>(p.reduced.strides, p.reduced.rank());
    args.template push_dims<I>(p.kept.shape);
    args.template push_dims<I>(p.reduced.shape);
    args.push(static_cast<I>(p.rows));
    args.push(static_cast<I>(p.m));
    args.push(static_cast<I>(g.splits));
    args.push(static_cast<I>(g.chunk));
    args.push(partials);
    args.push(counters);
    args.push(divisor);
    args.push(g.mask);
    if (g.v.kind == reduce_variant::outer) args.push(static_cast<int>(g.cw));
}

inline launch_shape reduce_launch_shape(const reduce_geometry& g) {
    const unsigned gy = g.v.kind == reduce_variant::outer ? static_cast<unsigned>(g.splits) : 1u;
    return {.gx = static_cast<unsigned>(g.gx), .gy = gy};
}

// A library reduction. Parameters as the templates of reductions/kernels.hpp take them: the
// sink (the output pointer), the functor (array pointers in visit order, then scalars), then
// push_reduce_params's.
template <class I, class Red, class E, int N>
void launch_reduction(const E& e, const reduce_plan<N>& p, const reduce_variant& variant, double divisor) {
    const reduce_geometry g = reduce_geometry_for(p, variant);
    constexpr std::size_t functor_bytes = 8 * N + 8 * E::n_scalars;
    kernel_args<reduce_param_bytes(N, 8, functor_bytes), reduce_param_count> args;
    args.push(const_cast<void*>(p.ptrs[0]));
    args.template push_struct<functor_bytes>([&](auto& f) {
        int k = 1;
        e.visit_arrays([&](const auto& a) {
            note_stream_use(a);
            f.add(p.ptrs[k++]);
        });
        e.visit_scalars([&](const auto& s) { f.add(s); });
    });
    push_reduce_params<I>(args, p, g, sizeof(typename Red::acc), divisor);
    launch(get_reduce_kernel<Red, E>(g.v), reduce_launch_shape(g), args.argv, "reduction kernel");
}

// Which kernel body fits the plan (the launch picks warp or block groups for `inner`).
template <int N>
reduce_variant choose_variant(const reduce_plan<N>& p) {
    reduce_variant v;
    v.krank = p.kept.rank();
    v.rrank = p.reduced.rank();
    v.idx64 = p.needs_64bit_index();
    int widest = 1;
    for (int k = 1; k <= N; ++k) widest = std::max(widest, p.itemsizes[k]);
    v.width = 16 / widest;
    bool inner;
    if (p.rows == 1) inner = true;
    else if (p.m <= 32) inner = false;  // short reductions: a thread per output
    else inner = p.reduced.weight(v.rrank - 1, p.itemsizes) <= p.kept.weight(v.krank - 1, p.itemsizes);
    v.kind = inner ? reduce_variant::inner_warp : reduce_variant::outer;
    return v;
}

template <class Red, class E, int N>
void run_reduce_cuda(const E& e, const reduce_plan<N>& p, double divisor) {
    const reduce_variant v = choose_variant(p);
    if (v.idx64) launch_reduction<long long, Red>(e, p, v, divisor);
    else launch_reduction<int, Red>(e, p, v, divisor);
}

}  // namespace gpu::detail
