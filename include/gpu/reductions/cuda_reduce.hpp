#pragma once
// The CUDA side of a reduction: the kernel source per (reduction, expression type) and its
// cache slots (a hit is one atomic load), the per-thread device scratch of split reductions,
// and the launch geometry. reduce.hpp drives it.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/cuda_executor.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/jit/codegen.hpp"
#include "gpu/jit/kernel_cache.hpp"
#include "gpu/reductions/kernels.hpp"
#include "gpu/reductions/plan.hpp"
#include "gpu/reductions/reduce_ops.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/launch.hpp"
#include "gpu/views/slice.hpp"

namespace gpu::detail {

// ---- kernel source and cache -------------------------------------------------------------------

template <class Red, class E>
std::string reduction_source(const reduce_variant& v) {
    source_builder g;
    reduce_text t;
    E::emit(g, t.expr);
    t.arrays = g.array_types;
    t.index = g.index_arrays;
    t.scalars = g.scalar_types;
    t.op_sources = g.op_sources;
    t.x_t = cuda_type_name<typename E::value_type>();
    t.op = std::string("gnd::") + Red::name + "<" + cuda_type_name<typename Red::param>() + ">";
    t.out_t = cuda_type_name<typename Red::result>();
    t.arg = Red::arg;
    return assemble_reduction(t, v);
}

// One slot per (reduction, expression type, variant), as jit/kernel_cache.hpp's get_kernel: a
// hit is one atomic load.
template <class Red, class E>
struct reduce_slots {
    static inline std::atomic<cudaKernel_t> slots[reduce_variant::n_slots] = {};
};

template <class Red, class E>
cudaKernel_t get_reduce_kernel(const reduce_variant& v) {
    std::atomic<cudaKernel_t>& slot = reduce_slots<Red, E>::slots[v.slot()];
    if (cudaKernel_t k = slot.load(std::memory_order_acquire)) return k;
    std::lock_guard<std::mutex> lock(compile_mutex());
    if (cudaKernel_t k = slot.load(std::memory_order_relaxed)) return k;
    const cudaKernel_t k = load_kernel(cubin_for(reduction_source<Red, E>(v), current_target()));
    slot.store(k, std::memory_order_release);
    return k;
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
        slot->used = true;
        slot->default_stream = !cur;
        slot->owner = cur;
        slot->handle = current_stream();
        slot->counters = device_allocate(n_counters * sizeof(unsigned), slot->handle);
        cuda_check(cudaMemsetAsync(slot->counters, 0, n_counters * sizeof(unsigned), slot->handle), "cudaMemsetAsync");
        return *slot;
    }

    static void* partials(entry& e, std::size_t bytes) {
        if (bytes > e.partial_bytes) {
            if (e.partials) device_free(e.partials, e.partial_bytes, e.handle);
            e.partial_bytes = std::max<std::size_t>({bytes, 2 * e.partial_bytes, std::size_t{1} << 16});
            e.partials = device_allocate(e.partial_bytes, e.handle);
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

inline std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

// ---- the CUDA launch ---------------------------------------------------------------------------

// Bit k-1 for each array that is contiguous (stride 1) along `axis` of list `l` and can move in
// vectors of w elements; -1 if some array is neither that nor broadcast (stride 0) along it.
template <int N>
long long vector_arrays(const reduce_plan<N>& p, const axis_list<N>& l, int axis, int w) {
    if (w <= 1 || N > 32) return -1;
    unsigned mask = 0;
    for (int k = 1; k <= N; ++k) {
        const std::int64_t s = l.strides[k][axis];
        if (s == 0) continue;
        if (s != 1) return -1;
        if (reinterpret_cast<std::uintptr_t>(p.ptrs[k]) % (static_cast<std::uintptr_t>(w) * p.itemsizes[k]) != 0) return -1;
        for (const auto* other : {&p.kept, &p.reduced})
            for (int d = 0; d < other->rank(); ++d)
                if (!(other == &l && d == axis) && other->strides[k][d] % w != 0) return -1;
        mask |= 1u << (k - 1);
    }
    return mask ? static_cast<long long>(mask) : -1;
}

template <class I, class Red, class E, int N>
void launch_reduction(const E& e, const reduce_plan<N>& p, reduce_variant v, double divisor) {
    const std::int64_t target_blocks = std::int64_t{device().sm_count} * reduce_blocks_per_sm();
    const std::int64_t max_blocks = std::int64_t{device().sm_count} * 32;
    const int W = v.width;
    unsigned mask = 0;
    std::int64_t splits = 1, chunk = p.m, gx = 1, cw = 1, partial_count = 0;
    if (v.kind != reduce_variant::outer) {
        if (p.rows * 2 >= target_blocks * 8 || p.m <= 2048) {
            v.kind = reduce_variant::inner_warp;
        } else {
            v.kind = reduce_variant::inner_block;
            splits = std::clamp<std::int64_t>(ceil_div(target_blocks, p.rows), 1, ceil_div(p.m, 8192));
        }
        const long long vm = v.rrank == 1 ? vector_arrays(p, p.reduced, 0, W) : -1;
        v.vec = vm >= 0;
        if (v.vec) mask = static_cast<unsigned>(vm);
        if (p.m > 0) {
            chunk = ceil_div(p.m, splits);
            if (v.vec) chunk = ceil_div(chunk, W) * W;
            splits = ceil_div(p.m, chunk);
        }
        const std::int64_t groups = p.rows * splits;
        gx = std::min(v.kind == reduce_variant::inner_warp ? ceil_div(groups, block_threads / 32) : groups, max_blocks);
        if (splits > 1) partial_count = groups;
    } else {
        const int ki = v.krank - 1;
        const long long vm = p.kept.shape[ki] % W == 0 ? vector_arrays(p, p.kept, ki, W) : -1;
        v.vec = vm >= 0;
        if (v.vec) mask = static_cast<unsigned>(vm);
        const std::int64_t items = p.rows / (v.vec ? W : 1);
        while (cw < block_threads && cw < items) cw *= 2;
        const std::int64_t rw = block_threads / cw;
        gx = std::min(ceil_div(items, cw), max_blocks);
        // Half the inner target: every split adds partials that the last block combines
        // serially (H100, 8192 x 8192 sum(axis=0): 0.83 of copy bandwidth at 4 blocks per SM,
        // 0.91 at 2, 0.71 at 8).
        const std::int64_t outer_target = std::max<std::int64_t>(device().sm_count, target_blocks / 2);
        splits = std::clamp<std::int64_t>(ceil_div(outer_target, gx), 1, std::max<std::int64_t>(1, p.m / (rw * 16)));
        if (static_cast<std::size_t>(gx) > reduce_scratch::n_counters) splits = 1;
        if (p.m > 0) {
            chunk = ceil_div(p.m, splits);
            splits = ceil_div(p.m, chunk);
        }
        if (splits > 1) partial_count = splits * p.rows;
    }
    if (v.kind != reduce_variant::outer && splits > 1 && static_cast<std::size_t>(p.rows) > reduce_scratch::n_counters)
        throw error("gpu_ndarray internal error: too many split reduction rows");

    void* partials = nullptr;
    void* counters = nullptr;
    if (splits > 1) {
        auto& entry = scratch().for_current_stream();
        counters = entry.counters;
        partials = reduce_scratch::partials(entry, static_cast<std::size_t>(partial_count) * sizeof(typename Red::acc));
    }

    constexpr std::size_t n_params = 3 * N + E::n_scalars + 16;
    constexpr std::size_t n_bytes = (3 * N + 6) * 8 * max_ndim + 8 * N + 8 * E::n_scalars + 128;
    kernel_args<n_bytes, n_params> args;
    args.push(const_cast<void*>(p.ptrs[0]));
    args.template push_dims<I>(p.kept.strides[0]);
    int k = 1;
    e.visit_arrays([&](const auto& a) {
        note_stream_use(a);
        args.push(p.ptrs[k]);
        args.template push_dims<I>(p.kept.strides[k]);
        args.template push_dims<I>(p.reduced.strides[k]);
        ++k;
    });
    e.visit_scalars([&](const auto& s) { args.push(s); });
    args.template push_dims<I>(p.kept.shape);
    args.template push_dims<I>(p.reduced.shape);
    args.template push_dims<I>(p.reduced.strides[0]);
    args.push(static_cast<I>(p.rows));
    args.push(static_cast<I>(p.m));
    args.push(static_cast<I>(splits));
    args.push(static_cast<I>(chunk));
    args.push(partials);
    args.push(counters);
    args.push(divisor);
    args.push(mask);
    args.push(static_cast<int>(cw));

    const cudaKernel_t kernel = get_reduce_kernel<Red, E>(v);
    const cudaStream_t stream = current_stream();
    const unsigned gy = v.kind == reduce_variant::outer ? static_cast<unsigned>(splits) : 1u;
    const CUresult r = driver_launch_kernel()(reinterpret_cast<CUfunction>(kernel), static_cast<unsigned>(gx), gy, 1,
                                              block_threads, 1, 1, 0, reinterpret_cast<CUstream>(stream), args.argv, nullptr);
    if (r != CUDA_SUCCESS) throw_cuda(static_cast<cudaError_t>(r), "launching a reduction kernel");
    if (sync_launches()) cuda_check(cudaStreamSynchronize(stream), "reduction kernel (GPU_NDARRAY_SYNC=1)");
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
