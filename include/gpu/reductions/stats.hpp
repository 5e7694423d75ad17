#pragma once
// Statistics over axes, with NumPy's dtypes (float inputs keep theirs, the rest give float64):
// gpu::mean; gpu::var and gpu::std with ddof (two passes, as NumPy: the mean, then the mean
// squared deviation, each one kernel with the expression fused in); gpu::norm for vectors
// (ord 2 by default, also 1, inf, -inf and 0); gpu::count_nonzero along axes (int64). NumPy
// returns NaN (with a RuntimeWarning) for the mean of nothing and inf/NaN when ddof >= n; so do
// these, without the warning.
#include <cmath>
#include <cstdint>
#include <limits>

#include "gpu/expr/operators.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu::detail {

template <class E>
auto mean_impl(const E& e, const axes_arg& axes, bool keepdims) {
    return reduce_expr<mean_reducer>(e, axes, keepdims, reduce_options{"", empty_rule::identity, true, 0});
}

// The squared deviation var and nanvar average: dev * dev, or for complex |dev|^2 as NumPy
// computes it, the real part of dev * conj(dev).
template <class D>
auto squared_deviation(const D& dev) {
    using T = typename D::value_type;
    if constexpr (is_complex(dtype_of_v<T>)) return as_node(gpu::real(dev * gpu::conj(dev)));
    else return as_node(dev * dev);
}

// var (root = false) or std (root = true): mean((e - mean(e))**2) over the axes, divided by
// n - ddof instead of n.
template <class E>
auto var_impl(const E& e, const axes_arg& axes, bool keepdims, std::int64_t ddof, bool root) {
    auto node = as_node(e);
    using T = typename decltype(node)::value_type;
    const auto mu = reduce_node<mean_reducer<T>>(node, axes, true, reduce_options{"", empty_rule::identity, true, 0});
    auto sq = squared_deviation(as_node(node - mu));
    using S = typename decltype(sq)::value_type;
    const reduce_options opt{"", empty_rule::identity, true, ddof};
    if (root) return reduce_node<root_mean_reducer<S>>(sq, axes, keepdims, opt);
    return reduce_node<mean_reducer<S>>(sq, axes, keepdims, opt);
}

template <class E>
auto norm_impl(const E& e, double ord, const axes_arg& axes, bool keepdims) {
    auto node = as_node(e);
    using T = typename decltype(node)::value_type;
    using F = mean_type_t<T>;  // NumPy converts non-float input to float64 first
    auto x = [&] {
        if constexpr (std::is_same_v<T, F>) return node;
        else return cast_node<F, decltype(node)>(node);
    }();
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (ord == 2) return reduce_node<root_mean_reducer<F>>(as_node(x * x), axes, keepdims);
    if (ord == 1) return reduce_node<sum_reducer<F>>(as_node(gpu::abs(x)), axes, keepdims);
    if (ord == inf)
        return reduce_node<max_reducer<F>>(as_node(gpu::abs(x)), axes, keepdims,
                                           reduce_options{"maximum", empty_rule::no_identity});
    if (ord == -inf)
        return reduce_node<min_reducer<F>>(as_node(gpu::abs(x)), axes, keepdims,
                                           reduce_options{"minimum", empty_rule::no_identity});
    if (ord == 0) return reduce_node<sum_reducer<F>>(as_node((x != F(0)).template astype<F>()), axes, keepdims);
    throw value_error("gpu::norm supports the vector norms ord = 0, 1, 2, inf and -inf");
}

}  // namespace gpu::detail

namespace gpu {

#define GPU_ND_STAT(NAME, CALL)                                                                    \
    template <expression E>                                                                        \
    auto NAME(const E& e) {                                                                        \
        const detail::axes_arg axes{};                                                             \
        const bool keepdims = false;                                                               \
        const std::int64_t ddof = 0;                                                               \
        return CALL;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, std::int64_t axis, bool keepdims = false, std::int64_t ddof = 0) {       \
        const detail::axes_arg axes(axis);                                                         \
        return CALL;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, const dims& axis_list, bool keepdims = false, std::int64_t ddof = 0) {   \
        const detail::axes_arg axes(axis_list);                                                    \
        return CALL;                                                                               \
    }                                                                                              \
    template <expression E>                                                                        \
    auto NAME(const E& e, none_t, bool keepdims = false, std::int64_t ddof = 0) {                  \
        const detail::axes_arg axes{};                                                             \
        return CALL;                                                                               \
    }

// var(e, axis, keepdims, ddof) and std(...): NumPy's var / std (ddof last here).
GPU_ND_STAT(var, ((void)ddof, detail::var_impl(e, axes, keepdims, ddof, false)))
GPU_ND_STAT(std, ((void)ddof, detail::var_impl(e, axes, keepdims, ddof, true)))
#undef GPU_ND_STAT

// mean(e[, axis | dims | none][, keepdims]).
template <expression E>
auto mean(const E& e) {
    return detail::mean_impl(e, detail::axes_arg{}, false);
}
template <expression E>
auto mean(const E& e, std::int64_t axis, bool keepdims = false) {
    return detail::mean_impl(e, detail::axes_arg(axis), keepdims);
}
template <expression E>
auto mean(const E& e, const dims& axes, bool keepdims = false) {
    return detail::mean_impl(e, detail::axes_arg(axes), keepdims);
}
template <expression E>
auto mean(const E& e, none_t, bool keepdims = false) {
    return detail::mean_impl(e, detail::axes_arg{}, keepdims);
}

// np.linalg.norm for vectors: norm(x) is the 2-norm of all elements (NumPy's ord=None);
// norm(x, ord) needs a 1-D input; norm(x, ord, axis, keepdims) takes vectors along one axis.
template <expression E>
auto norm(const E& e) {
    return detail::norm_impl(e, 2, detail::axes_arg{}, false);
}
template <expression E>
auto norm(const E& e, double ord) {
    const auto node = detail::as_node(e);
    if (node.shape().size() != 1)
        throw value_error("gpu::norm(x, ord) takes a 1-D x (matrix norms are not supported); give an axis");
    return detail::norm_impl(node, ord, detail::axes_arg{}, false);
}
template <expression E>
auto norm(const E& e, double ord, std::int64_t axis, bool keepdims = false) {
    return detail::norm_impl(e, ord, detail::axes_arg(axis), keepdims);
}

// np.count_nonzero(a, axis, keepdims): int64 counts along axes (NaN counts, -0.0 does not).
// gpu::count_nonzero(a) without an axis (indexing/nonzero.hpp) returns a host int64.
template <expression E>
ndarray<std::int64_t> count_nonzero(const E& e, std::int64_t axis, bool keepdims = false) {
    auto node = detail::as_node(e);
    return detail::reduce_node<detail::sum_reducer<bool>>(node.template astype<bool>(), detail::axes_arg(axis), keepdims);
}
template <expression E>
ndarray<std::int64_t> count_nonzero(const E& e, const dims& axes, bool keepdims = false) {
    auto node = detail::as_node(e);
    return detail::reduce_node<detail::sum_reducer<bool>>(node.template astype<bool>(), detail::axes_arg(axes), keepdims);
}

// ---- members -----------------------------------------------------------------------------------

template <class V> auto ndarray<V>::mean() const { return gpu::mean(*this); }
template <class V> auto ndarray<V>::mean(std::int64_t axis, bool keepdims) const { return gpu::mean(*this, axis, keepdims); }
template <class V> auto ndarray<V>::mean(const dims& axes, bool keepdims) const { return gpu::mean(*this, axes, keepdims); }
template <class V> auto ndarray<V>::mean(none_t n, bool keepdims) const { return gpu::mean(*this, n, keepdims); }

#define GPU_ND_STAT_MEMBER(NAME)                                                                   \
    template <class V>                                                                             \
    auto ndarray<V>::NAME() const {                                                                \
        return gpu::NAME(*this);                                                                   \
    }                                                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(std::int64_t axis, bool keepdims, std::int64_t ddof) const {             \
        return gpu::NAME(*this, axis, keepdims, ddof);                                             \
    }                                                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(const dims& axes, bool keepdims, std::int64_t ddof) const {              \
        return gpu::NAME(*this, axes, keepdims, ddof);                                             \
    }                                                                                              \
    template <class V>                                                                             \
    auto ndarray<V>::NAME(none_t n, bool keepdims, std::int64_t ddof) const {                      \
        return gpu::NAME(*this, n, keepdims, ddof);                                                \
    }
GPU_ND_STAT_MEMBER(var)
GPU_ND_STAT_MEMBER(std)
#undef GPU_ND_STAT_MEMBER

// The same members on expressions (fused into the reductions' kernels).
template <class D> auto detail::node_mixin<D>::mean() const { return gpu::mean(self()); }
template <class D> auto detail::node_mixin<D>::mean(std::int64_t axis, bool keepdims) const { return gpu::mean(self(), axis, keepdims); }
template <class D> auto detail::node_mixin<D>::mean(const dims& axes, bool keepdims) const { return gpu::mean(self(), axes, keepdims); }
template <class D> auto detail::node_mixin<D>::mean(none_t n, bool keepdims) const { return gpu::mean(self(), n, keepdims); }
#define GPU_ND_NODE_STAT_MEMBER(NAME)                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME() const {                                                     \
        return gpu::NAME(self());                                                                  \
    }                                                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(std::int64_t axis, bool keepdims, std::int64_t ddof) const {  \
        return gpu::NAME(self(), axis, keepdims, ddof);                                            \
    }                                                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(const dims& axes, bool keepdims, std::int64_t ddof) const {   \
        return gpu::NAME(self(), axes, keepdims, ddof);                                            \
    }                                                                                              \
    template <class D>                                                                             \
    auto detail::node_mixin<D>::NAME(none_t n, bool keepdims, std::int64_t ddof) const {           \
        return gpu::NAME(self(), n, keepdims, ddof);                                               \
    }
GPU_ND_NODE_STAT_MEMBER(var)
GPU_ND_NODE_STAT_MEMBER(std)
#undef GPU_ND_NODE_STAT_MEMBER

// np.ptp(a, axis=None, keepdims=False): max - min in the input dtype (integers wrap, as NumPy);
// three kernels (max, min, the difference). An empty axis raises as max does; bools are
// rejected at compile time, as NumPy rejects their subtraction.
// (max first, so an empty axis raises max's message, as NumPy's does)
template <expression E>
auto ptp(const E& e) {
    const auto hi = gpu::max(e);
    return gpu::eval(hi - gpu::min(e));
}
template <expression E>
auto ptp(const E& e, std::int64_t axis, bool keepdims = false) {
    const auto hi = gpu::max(e, axis, keepdims);
    return gpu::eval(hi - gpu::min(e, axis, keepdims));
}
template <expression E>
auto ptp(const E& e, const dims& axes, bool keepdims = false) {
    const auto hi = gpu::max(e, axes, keepdims);
    return gpu::eval(hi - gpu::min(e, axes, keepdims));
}
template <expression E>
auto ptp(const E& e, none_t n, bool keepdims = false) {
    const auto hi = gpu::max(e, n, keepdims);
    return gpu::eval(hi - gpu::min(e, n, keepdims));
}

}  // namespace gpu
