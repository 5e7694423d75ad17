#pragma once
// NumPy's discrete differences: diff, ediff1d, gradient.
//   gpu::diff(a, n = 1, axis = -1)                    a[1:] - a[:-1] along axis, n times (bool: !=)
//   gpu::diff(a, n, axis, prepend, append)            arrays or scalars joined first (gpu::none: no
//                                                     such edge); the dtype promotes as NumPy's
//                                                     concatenate does (a scalar int is int64)
//   gpu::ediff1d(ary, to_end = none, to_begin = none) diff of the flattened array, a's dtype
//   gpu::gradient(f, spacing = 1.0, edge_order = 1)   central differences inside, one-sided at the
//                                                     edges, per axis: a std::vector of ndim arrays
//   gpu::gradient(f, spacing, edge_order, axes)       along the given axes only
//   gpu::gradient(f, {dx, dy, ...}, edge_order, axes) one spacing per axis
//   gpu::trapezoid(y, dx = 1.0, axis = -1)            sum(d * (y[1:] + y[:-1]) / 2.0): one fused
//   gpu::trapezoid(y, x, axis = -1)                   reduction (d: dx, or diff(x))
//   gpu::unwrap(p, discont, axis, period = 2 pi)      jumps larger than discont folded by period
// Each difference step is one fused element-wise kernel over two views of the input.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/views/reshape.hpp"

namespace gpu {
namespace detail {

template <class T>
ndarray<T> diff_once(const ndarray<T>& a, int ax) {
    const std::int64_t n = a.shape()[ax];
    const ndarray<T> hi = axis_slice(a, ax, 1, n), lo = axis_slice(a, ax, 0, n - 1);
    if constexpr (std::is_same_v<T, bool>) return gpu::eval(hi != lo);  // NumPy: not_equal for bools
    else return gpu::eval(hi - lo);
}

template <class T>
ndarray<T> diff_n(ndarray<T> a, std::int64_t n, std::int64_t axis) {
    if (n < 0) throw value_error("order must be non-negative but got " + std::to_string(n));
    if (a.ndim() == 0) throw value_error("diff requires input that is at least one dimensional");
    const int ax = normalize_axis(axis, a.ndim());
    for (std::int64_t k = 0; k < n; ++k) a = diff_once(a, ax);
    return a;
}

// A prepend/append value as NumPy makes it: a scalar (or 0-d array) broadcast to a's shape with
// size 1 along the axis; an array as it is.
template <class T, class X>
auto diff_edge(const ndarray<T>& a, int ax, const X& x) {
    shape_t s = a.shape();
    s[ax] = 1;
    if constexpr (is_ndarray_v<X>) {
        using U = typename X::value_type;
        if (x.ndim() > 0) return x;
        ndarray<U> r(s, a.where());
        r.assign(x);
        return r;
    } else {
        return filled<scalar_array_t<X>>(s, x, a.where());
    }
}

template <class T, class P, class A>
auto diff_joined(const ndarray<T>& a, int ax, const P& prepend, const A& append) {
    constexpr bool has_p = !std::is_same_v<P, none_t>, has_a = !std::is_same_v<A, none_t>;
    if constexpr (has_p && has_a)
        return concatenate(std::tuple{diff_edge(a, ax, prepend), a, diff_edge(a, ax, append)}, ax);
    else if constexpr (has_p) return concatenate(std::tuple{diff_edge(a, ax, prepend), a}, ax);
    else if constexpr (has_a) return concatenate(std::tuple{a, diff_edge(a, ax, append)}, ax);
    else return a;
}

}  // namespace detail

// np.diff(a, n=1, axis=-1).
template <expression E>
auto diff(const E& a, std::int64_t n = 1, std::int64_t axis = -1) {
    return detail::diff_n(gpu::eval(a), n, axis);
}

// np.diff(a, n, axis, prepend, append): each a scalar, an array, or gpu::none.
template <expression E, class P, class A>
auto diff(const E& a, std::int64_t n, std::int64_t axis, const P& prepend, const A& append) {
    const auto arr = gpu::eval(a);
    if (arr.ndim() == 0) throw value_error("diff requires input that is at least one dimensional");
    const int ax = detail::normalize_axis(axis, arr.ndim());
    return detail::diff_n(detail::diff_joined(arr, ax, prepend, append), n, ax);
}

// np.ediff1d(ary, to_end=None, to_begin=None): to_end and to_begin (scalars, arrays, gpu::none)
// are flattened and must cast to ary's dtype under 'same_kind' (NumPy's TypeError otherwise).
template <expression E, class End = none_t, class Begin = none_t>
auto ediff1d(const E& ary, const End& to_end = none, const Begin& to_begin = none) {
    const auto a = gpu::eval(ary);
    using T = typename decltype(a)::value_type;
    const ndarray<T> flat = a.ravel();
    auto edge = [&](const auto& x, const char* name) {
        using X = std::remove_cvref_t<decltype(x)>;
        if constexpr (std::is_same_v<X, none_t>) {
            return ndarray<T>(shape_t{0}, flat.where());
        } else {
            using U = detail::elem_of_t<X>;
            if constexpr (is_ndarray_v<X> || !std::is_integral_v<X>) {
                if (!can_cast_same_kind(dtype_of_v<U>, dtype_of_v<T>))
                    throw type_error(std::string("dtype of `") + name +
                                     "` must be compatible with input `ary` under the `same_kind` rule.");
            }
            if constexpr (is_ndarray_v<X>) return detail::as_dtype<T>(x.ravel());
            else return detail::filled<T>(shape_t{1}, x, flat.where());
        }
    };
    const ndarray<T> b = edge(to_begin, "to_begin"), e = edge(to_end, "to_end");
    const ndarray<T> d = flat.size() > 0 ? detail::diff_once(flat, 0) : ndarray<T>(shape_t{0}, flat.where());
    if (b.size() == 0 && e.size() == 0) return d;
    return concatenate({b, d, e});
}

namespace detail {

// The gradient along one axis of a float array with uniform spacing h.
template <class R>
ndarray<R> gradient_axis(const ndarray<R>& f, int ax, double h, int edge_order) {
    const std::int64_t n = f.shape()[ax];
    if (n < edge_order + 1)
        throw value_error("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) "
                          "elements are required.");
    ndarray<R> out(f.shape(), f.where());
    const R two_h = static_cast<R>(2.0 * h), hr = static_cast<R>(h);
    auto s = [&](const ndarray<R>& x, std::int64_t b, std::int64_t e) { return axis_slice(x, ax, b, e); };
    if (n > 2) s(out, 1, n - 1).assign((s(f, 2, n) - s(f, 0, n - 2)) / two_h);
    if (edge_order == 1) {
        s(out, 0, 1).assign((s(f, 1, 2) - s(f, 0, 1)) / hr);
        s(out, n - 1, n).assign((s(f, n - 1, n) - s(f, n - 2, n - 1)) / hr);
    } else {
        s(out, 0, 1).assign((R(-1.5) * s(f, 0, 1) + R(2) * s(f, 1, 2) - R(0.5) * s(f, 2, 3)) / hr);
        s(out, n - 1, n).assign((R(0.5) * s(f, n - 3, n - 2) - R(2) * s(f, n - 2, n - 1) + R(1.5) * s(f, n - 1, n)) / hr);
    }
    return out;
}

}  // namespace detail

// np.gradient(f, spacing, edge_order=edge_order, axis=axes): one array per axis (all axes when
// axes is empty). Integer and bool inputs give float64, as in NumPy.
template <expression E>
auto gradient(const E& f, double spacing = 1.0, int edge_order = 1, const dims& axes = {}) {
    const auto a = gpu::eval(f);
    using R = detail::float_of_t<typename decltype(a)::value_type>;
    if (edge_order != 1 && edge_order != 2) throw value_error("'edge_order' greater than 2 not supported");
    const ndarray<R> fr = detail::as_dtype<R>(a);
    dims ax = axes;
    if (ax.empty())
        for (int d = 0; d < a.ndim(); ++d) ax.push_back(d);
    else
        ax = detail::normalize_axes(ax, a.ndim());
    std::vector<ndarray<R>> out;
    for (auto d : ax) out.push_back(detail::gradient_axis(fr, static_cast<int>(d), spacing, edge_order));
    return out;
}

// np.gradient(f, dx, dy, ...): one spacing per axis (of the given axes when there are any).
template <expression E>
auto gradient(const E& f, const std::vector<double>& spacings, int edge_order = 1, const dims& axes = {}) {
    const auto a = gpu::eval(f);
    using R = detail::float_of_t<typename decltype(a)::value_type>;
    if (edge_order != 1 && edge_order != 2) throw value_error("'edge_order' greater than 2 not supported");
    dims ax = axes;
    if (ax.empty())
        for (int d = 0; d < a.ndim(); ++d) ax.push_back(d);
    else
        ax = detail::normalize_axes(ax, a.ndim());
    if (static_cast<int>(spacings.size()) != ax.size()) throw type_error("invalid number of arguments");
    const ndarray<R> fr = detail::as_dtype<R>(a);
    std::vector<ndarray<R>> out;
    for (int k = 0; k < ax.size(); ++k)
        out.push_back(detail::gradient_axis(fr, static_cast<int>(ax[k]), spacings[k], edge_order));
    return out;
}

// np.trapezoid(y, dx=1.0, axis=-1): the trapezoidal rule with uniform spacing.
template <expression E>
auto trapezoid(const E& y, double dx = 1.0, std::int64_t axis = -1) {
    const auto a = gpu::eval(y);
    const int ax = detail::normalize_axis(axis, a.ndim());
    const std::int64_t n = a.shape()[ax];
    const auto hi = detail::axis_slice(a, ax, 1, n), lo = detail::axis_slice(a, ax, 0, n - 1);
    return gpu::sum(dx * (hi + lo) / 2.0, ax);
}

// np.trapezoid(y, x, axis=-1): spacing diff(x); a 1-D x runs along the axis.
template <expression E, class X>
auto trapezoid(const E& y, const ndarray<X>& x, std::int64_t axis = -1) {
    const auto a = gpu::eval(y);
    const int ax = detail::normalize_axis(axis, a.ndim());
    const std::int64_t n = a.shape()[ax];
    const auto hi = detail::axis_slice(a, ax, 1, n), lo = detail::axis_slice(a, ax, 0, n - 1);
    auto d = x.ndim() == 1 ? gpu::diff(x) : gpu::diff(x, 1, axis);
    if (x.ndim() == 1) {
        shape_t s = dims::filled(a.ndim(), 1);
        s[ax] = d.shape()[0];
        d = d.reshape(s);
    }
    return gpu::sum(d * (hi + lo) / 2.0, ax);
}

// np.unwrap(p, discont=None, axis=-1, period=2*pi): where consecutive values differ by more than
// max(discont, period / 2), add multiples of period so they do not. Float math (an integer p
// gives float64), as NumPy's float path.
template <expression E>
auto unwrap(const E& p, std::optional<double> discont = std::nullopt, std::int64_t axis = -1,
            double period = 6.283185307179586) {
    const auto a = gpu::eval(p);
    using T = typename decltype(a)::value_type;
    using R = std::conditional_t<is_inexact(dtype_of_v<T>), T, double>;
    const int ax = detail::normalize_axis(axis, a.ndim());
    const std::int64_t n = a.shape()[ax];
    const double dis = discont.value_or(period / 2), high = period / 2;
    ndarray<R> up = gpu::eval(a.template astype<R>());
    if (n < 2) return up;
    const auto lo = detail::axis_slice(up, ax, 0, n - 1), rest = detail::axis_slice(up, ax, 1, n);
    const ndarray<R> dd = gpu::eval(rest - lo);
    const auto ddmod0 = gpu::mod(dd + high, period) - high;
    const auto ddmod = where((ddmod0 == -high) & (dd > 0), high, ddmod0);
    const ndarray<R> correct = gpu::eval(where(abs(dd) < dis, 0.0, ddmod - dd));
    ndarray<R> tail = detail::axis_slice(up, ax, 1, n);
    tail += gpu::cumsum(correct, ax);
    return up;
}

}  // namespace gpu
