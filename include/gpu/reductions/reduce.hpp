#pragma once
// The reductions: gpu::sum, prod, min, max, any, all, argmin, argmax (stats.hpp adds mean, var,
// std, norm and count_nonzero along axes), as free functions and ndarray members, and
// ndarray::item(). The argument may be any element-wise expression; it is evaluated inside the
// reduction's kernel (gpu::sum(x * y) reads x and y once and writes only the result). Axis
// arguments as NumPy's: none (all axes, a 0-d result), one axis, or several (gpu::dims{0, 2}),
// negative counting from the end; keepdims keeps reduced axes as length 1. Result dtypes as
// NumPy's: sum/prod of bool and signed integers in int64, of unsigned in uint64, floats keep
// theirs; min/max keep the dtype; any/all give bool; argmin/argmax int64.
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/reductions/cuda_reduce.hpp"
#include "gpu/reductions/host_reduce.hpp"
#include "gpu/reductions/plan.hpp"
#include "gpu/reductions/reduce_ops.hpp"

namespace gpu::detail {

// ---- the driver --------------------------------------------------------------------------------

// What an empty reduction does: give the identity (sum), raise NumPy's "no identity" error when
// the result is not empty (max), or always raise (argmax).
enum class empty_rule { identity, no_identity, arg };

struct reduce_options {
    const char* name = "";  // NumPy's name in the empty-input error ("maximum", "argmax")
    empty_rule empty = empty_rule::identity;
    bool divides = false;      // divide by the reduced count less ddof (mean, var, std)
    std::int64_t ddof = 0;
    bool passes_ddof = false;  // the accumulator counts its elements and gets ddof (nanmean, nanvar)
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
    // NumPy raises even when the result is empty (np.zeros((0, 0)).max(1)).
    if (m == 0 && opt.empty == empty_rule::no_identity)
        throw value_error(std::string("zero-size array to reduction operation ") + opt.name + " which has no identity");
    if (out.size() == 0) return out;
    const auto plan = make_reduce_plan(out, node, reduced, keepdims);
    const double divisor = opt.passes_ddof ? static_cast<double>(opt.ddof)
                           : opt.divides  ? static_cast<double>(std::max<std::int64_t>(m - opt.ddof, 0))
                                          : 1.0;
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
#undef GPU_ND_REDUCTION_MEMBER
#undef GPU_ND_REDUCTION_MEMBER_DIMS

// The same members on expressions: (x * x).sum(1) fuses x * x into the reduction's kernel.
#define GPU_ND_NODE_REDUCTION_MEMBER(NAME)                                                         \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME() const {                                                     \
        return gpu::NAME(self());                                                                  \
    }                                                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(std::int64_t axis, bool keepdims) const {                     \
        return gpu::NAME(self(), axis, keepdims);                                                  \
    }                                                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(none_t n, bool keepdims) const {                              \
        return gpu::NAME(self(), n, keepdims);                                                     \
    }
#define GPU_ND_NODE_REDUCTION_MEMBER_DIMS(NAME)                                                    \
    GPU_ND_NODE_REDUCTION_MEMBER(NAME)                                                             \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(const dims& axes, bool keepdims) const {                      \
        return gpu::NAME(self(), axes, keepdims);                                                  \
    }
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(sum)
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(prod)
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(min)
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(max)
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(any)
GPU_ND_NODE_REDUCTION_MEMBER_DIMS(all)
GPU_ND_NODE_REDUCTION_MEMBER(argmax)
GPU_ND_NODE_REDUCTION_MEMBER(argmin)

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
