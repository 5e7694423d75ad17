#pragma once
// numpy.fft's transforms, with NumPy 2's semantics:
//
//   fft ifft rfft irfft hfft ihfft          one axis (`axis`, default -1), `n` crops or zero-pads
//   fft2 ifft2 rfft2 irfft2                 axes (-2, -1) unless given
//   fftn ifftn rfftn irfftn                 `s` and `axes` as NumPy's _cook_nd_args
//
// `norm` is "backward" (the default), "ortho" or "forward". Any array or expression is accepted:
// an expression is evaluated into the transform's input buffer in the same pass that converts,
// pads and scales it (gpu::fft::fft(x * window) is one element-wise kernel and one transform).
// Result dtypes are NumPy's (args.hpp: complex_t, real_t). A repeated axis is transformed again,
// as NumPy does; rfft of a complex array is a compile error (NumPy's TypeError).
#include <complex>
#include <cstdint>
#include <optional>
#include <string_view>

#include "gpu/fft/args.hpp"
#include "gpu/fft/transform.hpp"

namespace gpu::fft {

namespace detail {

inline bool has_repeats(const dims& axes) {
    for (int i = 0; i < axes.size(); ++i)
        for (int j = 0; j < i; ++j)
            if (axes[i] == axes[j]) return true;
    return false;
}

// The shape after resizing the transformed axes to s, and the norm factor for them (computed in
// NumPy's dtype for it). NumPy checks the lengths from the last axis.
struct resized {
    shape_t shape;
    double fct = 1.0;
};
template <class T>
resized resize(shape_t shape, const dims& axes, const dims& s, norm_mode mode, bool forward) {
    for (int i = s.size() - 1; i >= 0; --i) check_points(s[i]);
    resized r{std::move(shape)};
    for (int i = 0; i < axes.size(); ++i) {
        r.shape[axes[i]] = s[i];
        r.fct *= norm_factor<real_t<T>>(mode, s[i], forward);
    }
    return r;
}

// c2c over unique axes with lengths s: one preparation pass, one transform.
template <class E>
auto c2c_nd(const E& a, const dims& axes, const dims& s, bool forward, norm_mode mode) {
    using C = complex_t<value_t<E>>;
    const resized r = resize<value_t<E>>(as_node(a).shape(), axes, s, mode, forward);
    prepared<C> in = prepare<C>(a, r.shape, r.fct, false);
    if (in.fresh) {
        c2c(in.a, in.a, axes, forward);
        return in.a;
    }
    ndarray<C> out(r.shape, in.a.where());
    c2c(in.a, out, axes, forward);
    return out;
}

template <class E>
auto r2c_nd(const E& a, const dims& axes, const dims& s, norm_mode mode) {
    using T = value_t<E>;
    static_assert(!is_complex(dtype_of_v<T>),
                  "rfft of a complex array: NumPy raises TypeError (ufunc 'rfft_n_even' did not contain a loop with "
                  "signature matching types); transform the real part, or use fft");
    using C = complex_t<T>;
    const resized r = resize<T>(as_node(a).shape(), axes, s, mode, true);
    prepared<typename C::value_type> in = prepare<typename C::value_type>(a, r.shape, r.fct, false);
    shape_t osh = r.shape;
    osh[axes[axes.size() - 1]] = s[s.size() - 1] / 2 + 1;
    ndarray<C> out(osh, in.a.where());
    r2c(in.a, out, axes);
    return out;
}

template <class E>
auto c2r_nd(const E& a, const dims& axes, const dims& s, norm_mode mode) {
    using T = value_t<E>;
    using C = complex_t<T>;
    const resized r = resize<T>(as_node(a).shape(), axes, s, mode, false);
    shape_t want = r.shape;
    want[axes[axes.size() - 1]] = s[s.size() - 1] / 2 + 1;
    prepared<C> in = prepare<C>(a, want, r.fct, true);
    ndarray<typename C::value_type> out(r.shape, in.a.where());
    c2r(in.a, out, axes);
    return gpu::detail::as_dtype<real_t<T>>(out);  // float16 input: NumPy's float16 result
}

// The one-axis functions' axis and length: n, else the input's length along the axis (for c2r,
// the real length 2 * (m - 1) that m half-spectrum terms stand for).
struct axis_length {
    dims axis, n;
};
template <class E>
axis_length one_axis(const E& a, std::optional<std::int64_t> n, std::int64_t axis, bool c2r) {
    const shape_t sh = as_node(a).shape();  // a copy: an expression's node is a temporary
    const int ax = gpu::detail::normalize_axis(axis, sh.size());
    return {dims{ax}, dims{n.value_or(c2r ? (sh[ax] - 1) * 2 : sh[ax])}};
}

// fftn / ifftn: one transform over unique axes; NumPy's loop (the last axis first) otherwise.
template <class E>
auto c2c_n(const E& a, const std::optional<dims>& s, const std::optional<dims>& axes, std::string_view norm,
           bool forward) {
    const norm_mode m = parse_norm(norm);
    const nd_args args = cook_nd_args(as_node(a).shape(), s, axes, false);
    if (!has_repeats(args.axes)) return c2c_nd(a, args.axes, args.s, forward, m);
    auto r = c2c_nd(a, dims{}, dims{}, forward, m);
    for (int i = args.axes.size() - 1; i >= 0; --i) r = c2c_nd(r, dims{args.axes[i]}, dims{args.s[i]}, forward, m);
    return r;
}

}  // namespace detail

// np.fft.fft(a, n=None, axis=-1, norm=None)
template <expression E>
auto fft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
         std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const auto [ax, len] = detail::one_axis(a, n, axis, false);
    return detail::c2c_nd(a, ax, len, true, m);
}

// np.fft.ifft(a, n=None, axis=-1, norm=None)
template <expression E>
auto ifft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
          std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const auto [ax, len] = detail::one_axis(a, n, axis, false);
    return detail::c2c_nd(a, ax, len, false, m);
}

// np.fft.rfft(a, n=None, axis=-1, norm=None): n // 2 + 1 terms.
template <expression E>
auto rfft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
          std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const auto [ax, len] = detail::one_axis(a, n, axis, false);
    return detail::r2c_nd(a, ax, len, m);
}

// np.fft.irfft(a, n=None, axis=-1, norm=None): n real points (default 2 * (m - 1)) from the
// first n // 2 + 1 terms.
template <expression E>
auto irfft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
           std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const auto [ax, len] = detail::one_axis(a, n, axis, true);
    return detail::c2r_nd(a, ax, len, m);
}

// np.fft.hfft(a, n=None, axis=-1, norm=None): irfft(conj(a)) with the opposite norm.
template <expression E>
auto hfft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
          std::string_view norm = "backward") {
    const detail::norm_mode m = detail::swap_direction(detail::parse_norm(norm));
    const auto [ax, len] = detail::one_axis(a, n, axis, true);
    return detail::c2r_nd(gpu::conj(a), ax, len, m);
}

// np.fft.ihfft(a, n=None, axis=-1, norm=None): conj(rfft(a)) with the opposite norm.
template <expression E>
auto ihfft(const E& a, std::optional<std::int64_t> n = std::nullopt, std::int64_t axis = -1,
           std::string_view norm = "backward") {
    const detail::norm_mode m = detail::swap_direction(detail::parse_norm(norm));
    const auto [ax, len] = detail::one_axis(a, n, axis, false);
    auto out = detail::r2c_nd(a, ax, len, m);
    out.assign(gpu::conj(out));
    return out;
}

// np.fft.fftn(a, s=None, axes=None, norm=None)
template <expression E>
auto fftn(const E& a, const std::optional<dims>& s = std::nullopt, const std::optional<dims>& axes = std::nullopt,
          std::string_view norm = "backward") {
    return detail::c2c_n(a, s, axes, norm, true);
}

// np.fft.ifftn(a, s=None, axes=None, norm=None)
template <expression E>
auto ifftn(const E& a, const std::optional<dims>& s = std::nullopt, const std::optional<dims>& axes = std::nullopt,
           std::string_view norm = "backward") {
    return detail::c2c_n(a, s, axes, norm, false);
}

// np.fft.rfftn(a, s=None, axes=None, norm=None): rfft over the last axis, fft over the others.
template <expression E>
auto rfftn(const E& a, const std::optional<dims>& s = std::nullopt, const std::optional<dims>& axes = std::nullopt,
           std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const detail::nd_args args = detail::cook_nd_args(detail::as_node(a).shape(), s, axes, false);
    if (args.axes.empty()) throw index_error("list index out of range");  // NumPy: s[-1] of an empty list
    const int k = args.axes.size();
    if (!detail::has_repeats(args.axes)) return detail::r2c_nd(a, args.axes, args.s, m);
    auto r = detail::r2c_nd(a, dims{args.axes[k - 1]}, dims{args.s[k - 1]}, m);
    for (int i = k - 2; i >= 0; --i) r = detail::c2c_nd(r, dims{args.axes[i]}, dims{args.s[i]}, true, m);
    return r;
}

// np.fft.irfftn(a, s=None, axes=None, norm=None): ifft over all axes but the last, irfft over it.
template <expression E>
auto irfftn(const E& a, const std::optional<dims>& s = std::nullopt, const std::optional<dims>& axes = std::nullopt,
            std::string_view norm = "backward") {
    const detail::norm_mode m = detail::parse_norm(norm);
    const detail::nd_args args = detail::cook_nd_args(detail::as_node(a).shape(), s, axes, true);
    if (args.axes.empty()) throw index_error("list index out of range");
    const int k = args.axes.size();
    if (!detail::has_repeats(args.axes)) return detail::c2r_nd(a, args.axes, args.s, m);
    auto r = detail::c2c_nd(a, dims{}, dims{}, false, m);
    for (int i = 0; i + 1 < k; ++i) r = detail::c2c_nd(r, dims{args.axes[i]}, dims{args.s[i]}, false, m);
    return detail::c2r_nd(r, dims{args.axes[k - 1]}, dims{args.s[k - 1]}, m);
}

// np.fft.fft2 / ifft2 / rfft2 / irfft2: the n-dimensional functions over axes (-2, -1).
template <expression E>
auto fft2(const E& a, const std::optional<dims>& s = std::nullopt, const dims& axes = dims{-2, -1},
          std::string_view norm = "backward") {
    return fftn(a, s, axes, norm);
}
template <expression E>
auto ifft2(const E& a, const std::optional<dims>& s = std::nullopt, const dims& axes = dims{-2, -1},
           std::string_view norm = "backward") {
    return ifftn(a, s, axes, norm);
}
template <expression E>
auto rfft2(const E& a, const std::optional<dims>& s = std::nullopt, const dims& axes = dims{-2, -1},
           std::string_view norm = "backward") {
    return rfftn(a, s, axes, norm);
}
template <expression E>
auto irfft2(const E& a, const std::optional<dims>& s = std::nullopt, const dims& axes = dims{-2, -1},
            std::string_view norm = "backward") {
    return irfftn(a, s, axes, norm);
}

}  // namespace gpu::fft
