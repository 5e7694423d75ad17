#pragma once
// np.interp(x, xp, fp, left=None, right=None): piecewise-linear interpolation of the points
// (xp, fp), xp increasing, at x (any shape); float64, as NumPy (complex128 for complex fp).
//   gpu::interp(x, xp, fp)                  left = fp[0], right = fp[-1]
//   gpu::interp(x, xp, fp, left, right)     std::optional<double>s (std::nullopt: the default)
// How: the interval of each x is the count of xp <= x, one fused comparison-and-sum reduction
// over (x.size, xp.size) (O(n m): fine for the short tables interp is used with; a binary search
// would be O(n log m)); four gathers take its ends; one fused expression applies NumPy's rules
// (exact hits, NaN x, and NumPy's fallback when the slope formula gives NaN).
#include <complex>
#include <cstdint>
#include <optional>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/views/index.hpp"

namespace gpu {

namespace detail {
template <expression X, class P, class F>
ndarray<double> interp_real(const X& x, const ndarray<P>& xp, const ndarray<F>& fp, std::optional<double> left,
                            std::optional<double> right) {
    const ndarray<double> xd = detail::as_dtype<double>(gpu::eval(x));
    detail::check_same_executor("interp", xd.where(), xp.where());
    detail::check_same_executor("interp", xd.where(), fp.where());
    if (xp.ndim() != 1 || fp.ndim() != 1) throw value_error("object too deep for desired array");
    const std::int64_t m = xp.size();
    if (fp.size() != m) throw value_error("fp and xp are not of the same length.");
    if (m == 0) throw value_error("array of sample points is empty");
    const ndarray<double> xpd = detail::as_dtype<double>(xp), fpd = detail::as_dtype<double>(fp);
    const ndarray<double> x_last = xpd(m - 1), f_first = fpd(0), f_last = fpd(m - 1);  // 0-d views
    ndarray<double> out(xd.shape(), xd.where());
    if (out.size() == 0) return out;
    // left and right as 0-d arrays, so one expression serves both kinds.
    const ndarray<double> lv = left ? detail::filled<double>(shape_t{}, *left, xd.where()) : f_first;
    const ndarray<double> rv = right ? detail::filled<double>(shape_t{}, *right, xd.where()) : f_last;
    if (m == 1) {
        const ndarray<double> x0 = xpd(0);
        out.assign(gpu::where(xd != xd, xd, gpu::where(xd < x0, lv, gpu::where(xd > x0, rv, f_first))));
        return out;
    }
    // count of xp <= x: the interval [xp[j], xp[j + 1]) holds x for j = count - 1.
    const ndarray<std::int64_t> count = gpu::sum(xd(gpu::ellipsis, gpu::newaxis) >= xpd, -1);
    const ndarray<std::int64_t> j = gpu::clip(count - 1, 0, m - 2);
    const ndarray<std::int64_t> j1 = j + 1;
    const ndarray<double> x0 = gpu::take(xpd, j), x1 = gpu::take(xpd, j1), f0 = gpu::take(fpd, j), f1 = gpu::take(fpd, j1);
    const auto slope = (f1 - f0) / (x1 - x0);
    const ndarray<double> lin = slope * (xd - x0) + f0;
    const ndarray<double> alt = slope * (xd - x1) + f1;  // NumPy's retry when lin is NaN
    const auto inside = gpu::where(xd == x0, f0, gpu::where(lin != lin, gpu::where((alt != alt) & (f0 == f1), f0, alt), lin));
    const auto at_end = gpu::where(xd == x_last, f_last, gpu::where(xd > x_last, rv, inside));
    out.assign(gpu::where(xd != xd, xd, gpu::where(count == 0, lv, at_end)));  // a NaN x gives NaN
    return out;
}
}  // namespace detail

template <expression X, class P, class F>
auto interp(const X& x, const ndarray<P>& xp, const ndarray<F>& fp, std::optional<double> left = std::nullopt,
            std::optional<double> right = std::nullopt) {
    if constexpr (is_complex(dtype_of_v<F>)) {
        // NumPy's complex fp: complex128, the real and imaginary parts interpolated apart (a real
        // left / right is a value with no imaginary part).
        const ndarray<double> re = detail::interp_real(x, xp, gpu::eval(gpu::real(fp)), left, right);
        const ndarray<double> im = detail::interp_real(x, xp, gpu::eval(gpu::imag(fp)), left ? std::optional<double>(0.0) : std::nullopt,
                                               right ? std::optional<double>(0.0) : std::nullopt);
        ndarray<std::complex<double>> out(re.shape(), re.where());
        gpu::real(out).assign(re);
        gpu::imag(out).assign(im);
        return out;
    } else {
        return detail::interp_real(x, xp, fp, left, right);
    }
}

// np.interp of one point: a host double (complex for complex fp; one read-back).
template <class S, class P, class F>
    requires is_cpp_scalar_v<S>
auto interp(S x, const ndarray<P>& xp, const ndarray<F>& fp, std::optional<double> left = std::nullopt,
            std::optional<double> right = std::nullopt) {
    ndarray<double> x0(shape_t{}, xp.where());
    x0.assign(static_cast<double>(x));
    return gpu::interp(x0, xp, fp, left, right).item();
}

}  // namespace gpu
