#pragma once
// Order statistics by sorting: np.median, np.quantile and np.percentile of one q, over the
// flattened array (gpu::none) or along one axis, with keepdims:
//   gpu::median(a[, axis | gpu::none][, keepdims])
//   gpu::quantile(a, q[, axis | gpu::none][, method = "linear"][, keepdims])   q in [0, 1]
//   gpu::percentile(a, q, ...)                                               q in [0, 100]
// Methods: NumPy's continuous ones, linear (default), weibull, hazen, median_unbiased,
// normal_unbiased, interpolated_inverted_cdf, and midpoint (their result dtype is always a float:
// float32, float16 and bfloat16 keep theirs and interpolate in it, as NumPy 2.5 with a Python-float
// q; everything else gives float64). A lane holding a NaN gives NaN (NaNs sort last), as NumPy.
// Values are interpolated as NumPy's _lerp does. Complex input: median (and nanmedian) only, in
// NumPy's lexicographic order; quantile and percentile of complex do not compile (NumPy's
// TypeError).
//   gpu::nanmedian / nanquantile / nanpercentile: the same over each lane's non-NaN values (a lane
//   of NaNs only gives NaN).
// Not yet: the discontinuous methods (lower, higher, nearest, ...), several q at once, selection
// instead of a full sort.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "gpu/core/error.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/indexing/indexing.hpp"
#include "gpu/sorting/sort.hpp"
#include "gpu/views/dimensions.hpp"

namespace gpu {
namespace detail {

// The result dtype (NumPy 2.5, q a Python float, so weak): float32, float16, bfloat16 and complex
// (median only) keep their dtype, the others give float64.
template <class T>
using quantile_result_t =
    std::conditional_t<std::is_same_v<T, float> || gpu::is_half(dtype_of_v<T>) || gpu::is_complex(dtype_of_v<T>), T, double>;

// NumPy: TypeError for quantile and percentile (and their nan forms) of complex input.
template <class T>
constexpr void check_real_quantile() {
    static_assert(!gpu::is_complex(dtype_of_v<T>), "a must be an array of real numbers");
}

// NaN of the result dtype: a NaN real part for complex (NumPy's np.nan in a complex array).
template <class R>
R quantile_nan() {
    if constexpr (gpu::is_complex(dtype_of_v<R>)) return R(std::numeric_limits<typename R::value_type>::quiet_NaN(), 0);
    else if constexpr (gpu::is_half(dtype_of_v<R>)) return R(std::numeric_limits<float>::quiet_NaN());
    else return std::numeric_limits<R>::quiet_NaN();
}

// The mean of the two middle values, as np.mean computes it: float16 and bfloat16 in float32,
// rounded once; the others in their dtype (complex: (lo + hi) / 2, NumPy's complex division).
template <class R>
auto middle_mean(const ndarray<R>& lo, const ndarray<R>& hi) {
    if constexpr (gpu::is_half(dtype_of_v<R>))
        return ((lo.template astype<float>() + hi.template astype<float>()) / 2.0f).template astype<R>();
    else return (lo + hi) / R(2);
}

struct quantile_method {
    double alpha = 1, beta = 1;
    bool midpoint = false;

    // NumPy's virtual index, term for term (the rounding of (n - 1) q differs from the general
    // form's in the last bit): linear and midpoint use (n - 1) q, the others
    // n q + (alpha + q (1 - alpha - beta)) - 1. N is a double or an ndarray<double> of counts.
    template <class N>
    auto virtual_index(const N& n, double q) const {
        if (alpha == 1 && beta == 1) return N((n - 1.0) * q);
        return N(n * q + (alpha + q * (1 - alpha - beta)) - 1.0);
    }
};

inline quantile_method quantile_method_of(std::string_view m) {
    if (m == "linear") return {1, 1};
    if (m == "weibull") return {0, 0};
    if (m == "hazen") return {0.5, 0.5};
    if (m == "median_unbiased") return {1.0 / 3, 1.0 / 3};
    if (m == "normal_unbiased") return {3.0 / 8, 3.0 / 8};
    if (m == "interpolated_inverted_cdf") return {0, 1};
    if (m == "midpoint") return {1, 1, true};
    throw value_error("'" + std::string(m) +
                      "' is not a valid method. Use one of: linear, weibull, hazen, median_unbiased, normal_unbiased, "
                      "interpolated_inverted_cdf, midpoint (the others are not implemented)");
}

// The q-quantile along `axis` of `a` (ndim >= 1, axis in [0, ndim)); `median` averages the two
// middle values as np.median does.
template <class T>
auto quantile_along(const ndarray<T>& a, int axis, double q, quantile_method m, bool keepdims, bool median) {
    using R = quantile_result_t<T>;
    const std::int64_t n = a.shape()[axis];
    shape_t kept = a.shape();
    kept[axis] = 1;
    ndarray<R> out(kept, a.where());
    if (n == 0) {  // NumPy: NaN (with a RuntimeWarning) for an empty lane; complex: nan+nanj (0 / 0)
        if constexpr (gpu::is_complex(dtype_of_v<R>))
            out.assign(R(std::numeric_limits<typename R::value_type>::quiet_NaN(),
                         std::numeric_limits<typename R::value_type>::quiet_NaN()));
        else out.assign(quantile_nan<R>());
    } else {
        const ndarray<R> s = gpu::sort(a, axis).template astype<R>();
        // NumPy's virtual index: n q + alpha + q (1 - alpha - beta) - 1, clipped to [0, n - 1].
        double v = median ? (n - 1) * 0.5 : m.virtual_index(double(n), q);
        v = std::clamp(v, 0.0, double(n - 1));
        const std::int64_t i0 = static_cast<std::int64_t>(std::floor(v));
        double g = v - double(i0);
        const std::int64_t i1 = g > 0 ? std::min<std::int64_t>(i0 + 1, n - 1) : i0;
        if (m.midpoint) g = g > 0 ? 0.5 : 0.0;
        auto at = [&](std::int64_t i) {
            ndarray<std::int64_t> idx(shape_t{1}, a.where());
            idx.assign(i);
            return gpu::take(s, idx, axis);
        };
        const ndarray<R> lo = at(i0), hi = at(i1), last = at(n - 1);
        // NumPy's _lerp with t a Python float: 1 - t in double, each factor rounded to R.
        const R gamma = static_cast<R>(g), rest = static_cast<R>(1.0 - g);
        if (median) out.assign(gpu::where(last != last, last, middle_mean(lo, hi)));
        else if (g >= 0.5)  // NumPy's _lerp: b - (b - a) (1 - t) when t >= 0.5
            out.assign(gpu::where(last != last, last, hi - (hi - lo) * rest));
        else
            out.assign(gpu::where(last != last, last, lo + (hi - lo) * gamma));
    }
    return keepdims ? out : out.squeeze(dims{axis});
}

template <class E>
auto quantile_operand(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

inline double check_quantile(double q) {
    if (!(q >= 0 && q <= 1)) throw value_error("Quantiles must be in the range [0, 1]");
    return q;
}

inline double check_percentile(double q) {
    if (!(q >= 0 && q <= 100)) throw value_error("Percentiles must be in the range [0, 100]");
    return q / 100;
}

// The NaN-ignoring forms: every lane (all axes but `axis`) sorted, NaNs last; each lane's own
// virtual index over its count of non-NaN values; values gathered by flat index.
template <class T>
auto nanquantile_along(const ndarray<T>& a, int axis, double q, quantile_method m, bool keepdims, bool median) {
    using R = quantile_result_t<T>;
    const int last = a.ndim() - 1;
    const std::int64_t n = a.shape()[axis];
    shape_t kept = a.shape();
    kept[axis] = 1;
    const std::int64_t lanes = n ? a.size() / n : size_of(kept);
    ndarray<R> out(shape_t{lanes}, a.where());
    if (n == 0) {
        out.assign(quantile_nan<R>());
    } else {
        const ndarray<R> s = gpu::sort(axis == last ? a : a.swapaxes(axis, last).copy(), -1).template astype<R>();
        const ndarray<R> flat = s.reshape(shape_t{lanes * n});
        const ndarray<std::int64_t> cnt = gpu::sum(s == s, -1).reshape(shape_t{lanes});
        const ndarray<double> c = cnt.template astype<double>();
        ndarray<double> v = median ? ndarray<double>((c - 1.0) * 0.5) : m.virtual_index(c, q);
        v = gpu::minimum(gpu::maximum(v, 0.0), gpu::maximum(c - 1.0, 0.0));
        const ndarray<double> f = gpu::floor(v);
        ndarray<double> g = v - f;
        if (m.midpoint) g = gpu::where(g > 0.0, 0.5, 0.0);
        const ndarray<std::int64_t> base = gpu::arange<std::int64_t>(0, lanes) * n;
        const ndarray<std::int64_t> i0 = base + f.template astype<std::int64_t>();
        const ndarray<std::int64_t> i1 = base + gpu::where(g > 0.0, f + 1.0, f).template astype<std::int64_t>();
        const ndarray<R> lo = gpu::take(flat, i0), hi = gpu::take(flat, i1);
        const R nan = quantile_nan<R>();
        if (median) {
            out.assign(gpu::where(cnt == std::int64_t{0}, nan, middle_mean(lo, hi)));
        } else {
            const ndarray<R> gr = g.template astype<R>();
            const ndarray<R> rest = ndarray<double>(1.0 - g).template astype<R>();
            out.assign(gpu::where(cnt == std::int64_t{0}, nan,
                                  gpu::where(g >= 0.5, hi - (hi - lo) * rest, lo + (hi - lo) * gr)));
        }
    }
    shape_t moved = kept;  // lanes in C order of a with `axis` moved last
    if (axis != last) std::swap(moved[axis], moved[last]);
    ndarray<R> r = out.reshape(moved);
    if (axis != last) r = r.swapaxes(axis, last).copy();
    return keepdims ? r : r.squeeze(dims{axis});
}

// Both kinds, flattened or along an axis: Nan picks the NaN-ignoring lanes.
template <bool Nan, class T>
auto quantile_lanes(const ndarray<T>& a, int axis, double q, quantile_method m, bool keepdims, bool median) {
    if constexpr (Nan) return nanquantile_along(a, axis, q, m, keepdims, median);
    else return quantile_along(a, axis, q, m, keepdims, median);
}

template <bool Nan, class T>
auto quantile_flat(const ndarray<T>& a, double q, quantile_method m, bool keepdims, bool median) {
    auto r = quantile_lanes<Nan>(a.reshape(shape_t{a.size()}), 0, q, m, false, median);
    if (!keepdims) return r;
    shape_t ones;
    for (int d = 0; d < a.ndim(); ++d) ones.push_back(1);
    return r.reshape(ones);
}

template <bool Nan, class T>
auto quantile_axis(const ndarray<T>& a, std::int64_t axis, double q, quantile_method m, bool keepdims, bool median) {
    return quantile_lanes<Nan>(a, normalize_axis(axis, a.ndim()), q, m, keepdims, median);
}

}  // namespace detail

// np.median(a): of the flattened array, 0-d.
template <expression E>
auto median(const E& a, none_t = none, bool keepdims = false) {
    return detail::quantile_flat<false>(detail::quantile_operand(a), 0.5, {}, keepdims, true);
}
// np.median(a, axis, keepdims=False).
template <expression E>
auto median(const E& a, std::int64_t axis, bool keepdims = false) {
    return detail::quantile_axis<false>(detail::quantile_operand(a), axis, 0.5, {}, keepdims, true);
}

// np.quantile(a, q, axis=None, method="linear", keepdims=False).
template <expression E>
auto quantile(const E& a, double q, none_t = none, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_flat<false>(detail::quantile_operand(a), detail::check_quantile(q),
                                 detail::quantile_method_of(method), keepdims, false);
}
template <expression E>
auto quantile(const E& a, double q, std::int64_t axis, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_axis<false>(detail::quantile_operand(a), axis, detail::check_quantile(q),
                                 detail::quantile_method_of(method), keepdims, false);
}

// np.percentile(a, q, ...): quantile(a, q / 100, ...).
template <expression E>
auto percentile(const E& a, double q, none_t = none, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_flat<false>(detail::quantile_operand(a), detail::check_percentile(q),
                                 detail::quantile_method_of(method), keepdims, false);
}
template <expression E>
auto percentile(const E& a, double q, std::int64_t axis, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_axis<false>(detail::quantile_operand(a), axis, detail::check_percentile(q),
                                 detail::quantile_method_of(method), keepdims, false);
}


// np.nanmedian(a, axis=None, keepdims=False).
template <expression E>
auto nanmedian(const E& a, none_t = none, bool keepdims = false) {
    return detail::quantile_flat<true>(detail::quantile_operand(a), 0.5, {}, keepdims, true);
}
template <expression E>
auto nanmedian(const E& a, std::int64_t axis, bool keepdims = false) {
    return detail::quantile_axis<true>(detail::quantile_operand(a), axis, 0.5, {}, keepdims, true);
}

// np.nanquantile(a, q, axis=None, method="linear", keepdims=False).
template <expression E>
auto nanquantile(const E& a, double q, none_t = none, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_flat<true>(detail::quantile_operand(a), detail::check_quantile(q),
                                    detail::quantile_method_of(method), keepdims, false);
}
template <expression E>
auto nanquantile(const E& a, double q, std::int64_t axis, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_axis<true>(detail::quantile_operand(a), axis, detail::check_quantile(q),
                                    detail::quantile_method_of(method), keepdims, false);
}

// np.nanpercentile(a, q, ...).
template <expression E>
auto nanpercentile(const E& a, double q, none_t = none, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_flat<true>(detail::quantile_operand(a), detail::check_percentile(q),
                                    detail::quantile_method_of(method), keepdims, false);
}
template <expression E>
auto nanpercentile(const E& a, double q, std::int64_t axis, std::string_view method = "linear", bool keepdims = false) {
    detail::check_real_quantile<typename decltype(detail::quantile_operand(a))::value_type>();
    return detail::quantile_axis<true>(detail::quantile_operand(a), axis, detail::check_percentile(q),
                                    detail::quantile_method_of(method), keepdims, false);
}

}  // namespace gpu
