#pragma once
// NumPy's polynomial helpers on 1-D coefficient arrays, highest power first:
//   gpu::polyval(p, x)              Horner's rule, p[0] x^(n-1) + ... + p[n-1]: one fused kernel
//                                   per coefficient (y = y * x + c), dtype np.result_type(x, p)
//   gpu::polyadd(a, b), polysub     the shorter padded with leading zeros
//   gpu::polymul(a, b)              np.convolve(a, b)
//   gpu::vander(x, N, increasing)   columns x^(N-1) ... x^0 (or increasing), built as NumPy does by
//                                   a running product along the rows (dtype: x's promoted with int64)
#include <complex>
#include <cstdint>
#include <optional>
#include <vector>

#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/functions/convolve.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/manip/split.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/views/flip.hpp"

namespace gpu {

// np.polyval(p, x): p's coefficients are read to the host once (they are few).
template <class P, expression E>
auto polyval(const ndarray<P>& p, const E& x) {
    auto xn = detail::as_node(x);
    using X = typename decltype(xn)::value_type;
    using R = type_of_t<promote(dtype_of_v<X>, dtype_of_v<P>)>;
    ndarray<R> y(xn.shape(), detail::executor_of(xn));
    y.assign(R(0));
    const ndarray<R> xr = gpu::eval(xn.template astype<R>());
    for (const P c : gpu::asnumpy(p.ndim() == 0 ? p.reshape(shape_t{1}) : p)) y.assign(y * xr + static_cast<R>(c));
    return y;
}

namespace detail {
template <class T>
void check_poly(const ndarray<T>& a, const char* name) {
    if (a.ndim() > 1) throw value_error(std::string(name) + ": the coefficients must be a 1-D array (NumPy's poly1d is not supported)");
}
template <bool Add, class T, class U>
auto poly_sum(const ndarray<T>& a, const ndarray<U>& b) {
    check_poly(a, Add ? "polyadd" : "polysub");
    check_poly(b, Add ? "polyadd" : "polysub");
    using R = type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>;
    const ndarray<T> a1 = atleast_1d(a);
    const ndarray<U> b1 = atleast_1d(b);
    const std::int64_t n = std::max(a1.size(), b1.size());
    ndarray<R> out(shape_t{n}, a1.where());
    // NumPy pads the shorter with leading zeros, then adds (or subtracts) the two.
    if (a1.size() >= b1.size()) {
        out.assign(a1);
        ndarray<R> tail = axis_range_view(out, 0, n - b1.size(), n);
        if constexpr (Add) tail += b1; else tail -= b1;
    } else {
        if constexpr (Add) out.assign(b1); else out.assign(-b1.template astype<R>());
        ndarray<R> tail = axis_range_view(out, 0, n - a1.size(), n);
        tail += a1;
    }
    return out;
}
}  // namespace detail

// np.polyadd(a1, a2), np.polysub(a1, a2)
template <class T, class U>
auto polyadd(const ndarray<T>& a, const ndarray<U>& b) {
    return detail::poly_sum<true>(a, b);
}
template <class T, class U>
auto polysub(const ndarray<T>& a, const ndarray<U>& b) {
    return detail::poly_sum<false>(a, b);
}

// np.polymul(a1, a2)
template <class T, class U>
auto polymul(const ndarray<T>& a, const ndarray<U>& b) {
    detail::check_poly(a, "polymul");
    detail::check_poly(b, "polymul");
    return gpu::convolve(atleast_1d(a), atleast_1d(b));
}

// np.vander(x, N=None, increasing=False)
template <class T>
auto vander(const ndarray<T>& x, std::optional<std::int64_t> N = std::nullopt, bool increasing = false) {
    using R = type_of_t<promote(dtype_of_v<T>, dtype::int64)>;
    if (x.ndim() != 1) throw value_error("x must be a one-dimensional array or sequence.");
    const std::int64_t cols = N.value_or(x.size());
    if (cols < 0) throw value_error("negative dimensions are not allowed");
    ndarray<R> v(shape_t{x.size(), cols}, x.where());
    if (v.size() == 0) return v;
    const ndarray<R> tmp = increasing ? v : gpu::flip(v, 1);
    detail::axis_range_view(tmp, 1, 0, 1).assign(R(1));
    if (cols > 1) {
        ndarray<R> rest = detail::axis_range_view(tmp, 1, 1, cols);
        rest.assign(x.reshape(shape_t{x.size(), 1}));
        if constexpr (std::is_same_v<R, std::complex<double>>) {
            // complex128 has no cumprod kernel yet: the running product one column at a time.
            for (std::int64_t j = 2; j < cols; ++j)
                detail::axis_range_view(tmp, 1, j, j + 1).assign(detail::axis_range_view(tmp, 1, j - 1, j) * x.reshape(shape_t{x.size(), 1}));
        } else {
            rest.assign(gpu::cumprod(rest, 1));
        }
    }
    return v;
}

}  // namespace gpu
