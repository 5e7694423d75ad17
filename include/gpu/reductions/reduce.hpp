#pragma once
// The reductions: gpu::sum, prod, min, max, any, all, argmin, argmax (stats.hpp adds mean, var,
// std, norm and count_nonzero along axes), as free functions and ndarray members, and
// ndarray::item(). The argument may be any element-wise expression; it is evaluated inside the
// reduction's kernel (gpu::sum(x * y) reads x and y once and writes only the result). Axis
// arguments as NumPy's: none (all axes, a 0-d result), one axis, or several (gpu::dims{0, 2}),
// negative counting from the end; keepdims keeps reduced axes as length 1. Result dtypes as
// NumPy's: sum/prod of bool and signed integers in int64, of unsigned in uint64, floats keep
// theirs; min/max keep the dtype; any/all give bool; argmin/argmax int64.
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

// ---- the host executor -------------------------------------------------------------------------

// Plain loops over the same plan. Elements are folded in blocks of 1024 whose results are then
// combined, which keeps float sums about as accurate as the GPU's tree.
template <class Red, class E, int N>
void run_reduce_host(const E& e, const reduce_plan<N>& p, double divisor) {
    using Op = typename Red::op;
    using A = typename Red::acc;
    using R = typename Red::result;
    std::array<const void*, N> ptrs;
    for (int k = 0; k < N; ++k) ptrs[k] = p.ptrs[k + 1];
    std::array<std::int64_t, N> offs{};
    std::array<std::int64_t, N + 1> kb{}, rb{};
    R* dst = static_cast<R*>(const_cast<void*>(p.ptrs[0]));
    const auto& K = p.kept;
    const auto& D = p.reduced;
    shape_t ki = dims::filled(K.rank(), 0), ri = dims::filled(D.rank(), 0);
    for (std::int64_t row = 0; row < p.rows; ++row) {
        rb.fill(0);
        A total = Op::identity(), blk = Op::identity();
        int count = 0;
        for (std::int64_t j = 0; j < p.m; ++j) {
            for (int k = 0; k < N; ++k) offs[k] = kb[k + 1] + rb[k + 1];
            blk = Op::combine(blk, Op::make(e.template at<0>(ptrs.data(), offs.data()), rb[0]));
            if (++count == 1024) total = Op::combine(total, blk), blk = Op::identity(), count = 0;
            for (int d = D.rank() - 1; d >= 0; --d) {  // odometer over the reduced axes
                for (int k = 0; k <= N; ++k) rb[k] += D.strides[k][d];
                if (++ri[d] < D.shape[d]) break;
                for (int k = 0; k <= N; ++k) rb[k] -= D.shape[d] * D.strides[k][d];
                ri[d] = 0;
            }
        }
        total = Op::combine(total, blk);
        dst[kb[0]] = Op::template finalize<R>(total, divisor);
        for (int d = K.rank() - 1; d >= 0; --d) {  // odometer over the kept axes
            for (int k = 0; k <= N; ++k) kb[k] += K.strides[k][d];
            if (++ki[d] < K.shape[d]) break;
            for (int k = 0; k <= N; ++k) kb[k] -= K.shape[d] * K.strides[k][d];
            ki[d] = 0;
        }
    }
}

// ---- the driver --------------------------------------------------------------------------------

// What an empty reduction does: give the identity (sum), raise NumPy's "no identity" error when
// the result is not empty (max), or always raise (argmax).
enum class empty_rule { identity, no_identity, arg };

struct reduce_options {
    const char* name = "";  // NumPy's name in the empty-input error ("maximum", "argmax")
    empty_rule empty = empty_rule::identity;
    bool divides = false;      // divide by the reduced count less ddof (mean, var, std)
    std::int64_t ddof = 0;
};

template <class Red, class Node>
ndarray<typename Red::result> reduce_node(const Node& node, const axes_arg& axes, bool keepdims,
                                          const reduce_options& opt = {}) {
    using R = typename Red::result;
    const shape_t& shape = node.shape();
    const auto reduced = axes.mask(shape.size());
    std::int64_t m = 1;
    for (int i = 0; i < shape.size(); ++i)
        if (reduced[i]) m *= shape[i];
    ndarray<R> out(reduced_shape(shape, reduced, keepdims), executor_of(node));
    if (m == 0 && opt.empty == empty_rule::arg)
        throw value_error(std::string("attempt to get ") + opt.name + " of an empty sequence");
    if (m == 0 && opt.empty == empty_rule::no_identity && out.size() > 0)
        throw value_error(std::string("zero-size array to reduction operation ") + opt.name + " which has no identity");
    if (out.size() == 0) return out;
    const auto plan = make_reduce_plan(out, node, reduced, keepdims);
    const double divisor = opt.divides ? static_cast<double>(std::max<std::int64_t>(m - opt.ddof, 0)) : 1.0;
    if (out.where() == executor::cuda) run_reduce_cuda<Red>(node, plan, divisor);
    else run_reduce_host<Red>(node, plan, divisor);
    return out;
}

// Reduction `RedOf<T>` of expression `e` whose value type is T.
template <template <class> class RedOf, class E>
auto reduce_expr(const E& e, const axes_arg& axes, bool keepdims, const reduce_options& opt = {}) {
    auto node = as_node(e);
    using T = typename decltype(node)::value_type;
    return reduce_node<RedOf<T>>(node, axes, keepdims, opt);
}

}  // namespace gpu::detail

namespace gpu {

// Each reduction takes (e), (e, axis, keepdims), (e, gpu::dims{...}, keepdims) and
// (e, gpu::none, keepdims): NumPy's axis=None, an int, a tuple, and None again with keepdims.
#define GPU_ND_REDUCTION(NAME, RED, ...)                                                           \
    template <expression E>                                                                        \
    auto NAME(const E& e) {                                                                        \
        return detail::reduce_expr<RED>(e, detail::axes_arg{}, false, __VA_ARGS__);               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, std::int64_t axis, bool keepdims = false) {                              \
        return detail::reduce_expr<RED>(e, detail::axes_arg(axis), keepdims, __VA_ARGS__);        \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, const dims& axes, bool keepdims = false) {                               \
        return detail::reduce_expr<RED>(e, detail::axes_arg(axes), keepdims, __VA_ARGS__);        \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, none_t, bool keepdims = false) {                                         \
        return detail::reduce_expr<RED>(e, detail::axes_arg{}, keepdims, __VA_ARGS__);            \
    }

GPU_ND_REDUCTION(sum, detail::sum_reducer, detail::reduce_options{})
GPU_ND_REDUCTION(prod, detail::prod_reducer, detail::reduce_options{})
GPU_ND_REDUCTION(max, detail::max_reducer, detail::reduce_options{"maximum", detail::empty_rule::no_identity})
GPU_ND_REDUCTION(min, detail::min_reducer, detail::reduce_options{"minimum", detail::empty_rule::no_identity})
GPU_ND_REDUCTION(amax, detail::max_reducer, detail::reduce_options{"maximum", detail::empty_rule::no_identity})
GPU_ND_REDUCTION(amin, detail::min_reducer, detail::reduce_options{"minimum", detail::empty_rule::no_identity})
GPU_ND_REDUCTION(any, detail::any_reducer, detail::reduce_options{})
GPU_ND_REDUCTION(all, detail::all_reducer, detail::reduce_options{})
#undef GPU_ND_REDUCTION

// argmax / argmin: the flat (row-major) index of the first maximum (minimum) over all axes, or
// the index along one axis; a NaN counts as the extreme, as in NumPy.
#define GPU_ND_ARG_REDUCTION(NAME, RED)                                                            \
    template <expression E>                                                                        \
    ndarray<std::int64_t> NAME(const E& e) {                                                       \
        return detail::reduce_expr<RED>(e, detail::axes_arg{}, false,                              \
                                        detail::reduce_options{#NAME, detail::empty_rule::arg});   \
    }                                                                                              \
    template <expression E>                                                                        \
    ndarray<std::int64_t> NAME(const E& e, std::int64_t axis, bool keepdims = false) {                \
        return detail::reduce_expr<RED>(e, detail::axes_arg(axis), keepdims,                       \
                                        detail::reduce_options{#NAME, detail::empty_rule::arg});   \
    }                                                                                              \
    template <expression E>                                                                        \
    ndarray<std::int64_t> NAME(const E& e, none_t, bool keepdims = false) {                          \
        return detail::reduce_expr<RED>(e, detail::axes_arg{}, keepdims,                           \
                                        detail::reduce_options{#NAME, detail::empty_rule::arg});   \
    }

GPU_ND_ARG_REDUCTION(argmax, detail::argmax_reducer)
GPU_ND_ARG_REDUCTION(argmin, detail::argmin_reducer)
#undef GPU_ND_ARG_REDUCTION

// ---- members -----------------------------------------------------------------------------------

#define GPU_ND_REDUCTION_MEMBER(NAME)                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME() const {                                                                \
        return gpu::NAME(*this);                                                                   \
    }                                                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(std::int64_t axis, bool keepdims) const {                                \
        return gpu::NAME(*this, axis, keepdims);                                                   \
    }                                                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(none_t n, bool keepdims) const {                                         \
        return gpu::NAME(*this, n, keepdims);                                                      \
    }
#define GPU_ND_REDUCTION_MEMBER_DIMS(NAME)                                                         \
    GPU_ND_REDUCTION_MEMBER(NAME)                                                                  \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(const dims& axes, bool keepdims) const {                                 \
        return gpu::NAME(*this, axes, keepdims);                                                   \
    }
GPU_ND_REDUCTION_MEMBER_DIMS(sum)
GPU_ND_REDUCTION_MEMBER_DIMS(prod)
GPU_ND_REDUCTION_MEMBER_DIMS(min)
GPU_ND_REDUCTION_MEMBER_DIMS(max)
GPU_ND_REDUCTION_MEMBER_DIMS(any)
GPU_ND_REDUCTION_MEMBER_DIMS(all)
GPU_ND_REDUCTION_MEMBER(argmax)
GPU_ND_REDUCTION_MEMBER(argmin)

// a.item(): the element of a size-1 array as a host scalar (NumPy's ValueError otherwise).
template <class V>
V ndarray<V>::item() const {
    if (size() != 1) throw value_error("can only convert an array of size 1 to a Python scalar");
    V v;
    if (where() == executor::cuda) {
        const cudaStream_t s = detail::current_stream();
        if (buffer_) buffer_->note_use();
        detail::cuda_check(cudaMemcpyAsync(&v, data(), sizeof(V), cudaMemcpyDeviceToHost, s), "cudaMemcpyAsync (item)");
        detail::cuda_check(cudaStreamSynchronize(s), "cudaStreamSynchronize (item)");
    } else {
        v = *data();
    }
    return v;
}

}  // namespace gpu
