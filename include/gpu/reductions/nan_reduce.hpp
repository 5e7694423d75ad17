#pragma once
// NumPy's NaN-aware reductions: gpu::nansum, nanprod, nanmin, nanmax, nanargmin, nanargmax,
// nanmean, nanvar, nanstd. A NaN counts as absent; integer and bool inputs (which hold no NaN)
// give what sum, max, argmax, mean, var and std give. Each is one reduction kernel with the
// expression fused in (nanvar / nanstd: two, like var); the accumulators are in reduce_ops.hpp.
// As NumPy: an all-NaN slice gives NaN for nanmin / nanmax / nanmean / nanvar (NumPy also warns)
// and raises for nanargmin / nanargmax ("All-NaN slice encountered", found by one extra
// any(result < 0) reduction and a read-back); an empty axis raises for nanmin / nanmax / the
// arg forms.
#include <cstdint>

#include "gpu/expr/operators.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/reductions/stats.hpp"

namespace gpu::detail {

template <template <class> class RedOf, class E>
auto nan_arg_reduce(const E& e, const axes_arg& axes, bool keepdims, const char* name) {
    auto node = as_node(e);
    using T = typename decltype(node)::value_type;
    auto r = reduce_node<RedOf<T>>(node, axes, keepdims, reduce_options{name, empty_rule::arg});
    if constexpr (is_inexact(dtype_of_v<T>)) {
        if (r.size() > 0 && gpu::any(r < std::int64_t{0}).item()) throw value_error("All-NaN slice encountered");
    }
    return r;
}

// nanvar / nanstd: the NaN-free mean (kept axes), then the mean squared deviation of the
// non-NaN elements, divided by their count less ddof.
template <class E>
auto nanvar_impl(const E& e, const axes_arg& axes, bool keepdims, std::int64_t ddof, bool root) {
    auto node = as_node(e);
    using T = typename decltype(node)::value_type;
    reduce_options mean_opt{"", empty_rule::identity, false, 0, true};
    const auto mu = reduce_node<nanmean_reducer<T>>(node, axes, true, mean_opt);
    auto sq = squared_deviation(as_node(node - mu));
    using S = typename decltype(sq)::value_type;
    const reduce_options opt{"", empty_rule::identity, false, ddof, true};
    if (root) return reduce_node<nanroot_mean_reducer<S>>(sq, axes, keepdims, opt);
    return reduce_node<nanmean_reducer<S>>(sq, axes, keepdims, opt);
}

}  // namespace gpu::detail

namespace gpu {

// Each takes (e), (e, axis, keepdims), (e, gpu::dims{...}, keepdims), (e, gpu::none, keepdims).
#define GPU_ND_NAN_REDUCTION(NAME, BODY)                                                           \
    template <expression E>                                                                        \
    auto NAME(const E& e) {                                                                        \
        const detail::axes_arg axes{};                                                             \
        const bool keepdims = false;                                                               \
        return BODY;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, std::int64_t axis, bool keepdims = false) {                              \
        const detail::axes_arg axes(axis);                                                         \
        return BODY;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, const dims& axis_list, bool keepdims = false) {                          \
        const detail::axes_arg axes(axis_list);                                                    \
        return BODY;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, none_t, bool keepdims = false) {                                         \
        const detail::axes_arg axes{};                                                             \
        return BODY;                                                                               \
    }

GPU_ND_NAN_REDUCTION(nansum, detail::reduce_expr<detail::nansum_reducer>(e, axes, keepdims))
GPU_ND_NAN_REDUCTION(nanprod, detail::reduce_expr<detail::nanprod_reducer>(e, axes, keepdims))
GPU_ND_NAN_REDUCTION(nanmax, detail::reduce_expr<detail::nanmax_reducer>(
                                 e, axes, keepdims, detail::reduce_options{"fmax", detail::empty_rule::no_identity}))
GPU_ND_NAN_REDUCTION(nanmin, detail::reduce_expr<detail::nanmin_reducer>(
                                 e, axes, keepdims, detail::reduce_options{"fmin", detail::empty_rule::no_identity}))
GPU_ND_NAN_REDUCTION(nanmean, detail::reduce_expr<detail::nanmean_reducer>(
                                  e, axes, keepdims, detail::reduce_options{"", detail::empty_rule::identity, false, 0, true}))
#undef GPU_ND_NAN_REDUCTION

// nanargmax / nanargmin: (e) over all axes (flat index), or (e, axis, keepdims).
template <expression E>
auto nanargmax(const E& e) {
    return detail::nan_arg_reduce<detail::nanargmax_reducer>(e, detail::axes_arg{}, false, "argmax");
}
template <expression E>
auto nanargmax(const E& e, std::int64_t axis, bool keepdims = false) {
    return detail::nan_arg_reduce<detail::nanargmax_reducer>(e, detail::axes_arg(axis), keepdims, "argmax");
}
template <expression E>
auto nanargmin(const E& e) {
    return detail::nan_arg_reduce<detail::nanargmin_reducer>(e, detail::axes_arg{}, false, "argmin");
}
template <expression E>
auto nanargmin(const E& e, std::int64_t axis, bool keepdims = false) {
    return detail::nan_arg_reduce<detail::nanargmin_reducer>(e, detail::axes_arg(axis), keepdims, "argmin");
}

// nanvar / nanstd (e[, axis | dims | none][, keepdims][, ddof]), ddof last as var's.
#define GPU_ND_NAN_STAT(NAME, ROOT)                                                                \
    template <expression E>                                                                        \
    auto NAME(const E& e) {                                                                        \
        return detail::nanvar_impl(e, detail::axes_arg{}, false, 0, ROOT);                         \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, std::int64_t axis, bool keepdims = false, std::int64_t ddof = 0) {       \
        return detail::nanvar_impl(e, detail::axes_arg(axis), keepdims, ddof, ROOT);               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, const dims& axes, bool keepdims = false, std::int64_t ddof = 0) {        \
        return detail::nanvar_impl(e, detail::axes_arg(axes), keepdims, ddof, ROOT);               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, none_t, bool keepdims = false, std::int64_t ddof = 0) {                  \
        return detail::nanvar_impl(e, detail::axes_arg{}, keepdims, ddof, ROOT);                   \
    }
GPU_ND_NAN_STAT(nanvar, false)
GPU_ND_NAN_STAT(nanstd, true)
#undef GPU_ND_NAN_STAT

}  // namespace gpu
