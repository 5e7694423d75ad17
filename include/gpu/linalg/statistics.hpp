#pragma once
// np.cov and np.corrcoef (in namespace gpu, as in NumPy's; here because they are matrix products):
//   gpu::cov(m, rowvar = true, bias = false, ddof = none)   rows are variables (columns with
//                                                            rowvar = false); X - mean times its
//                                                            conjugate transpose over n - ddof
//   gpu::cov(m, y, ...)                                      y's variables appended to m's
//   gpu::corrcoef(x[, y], rowvar = true)                     cov scaled by the standard deviations
//                                                            and clipped to [-1, 1]
// The dtype is np.result_type(m, float64): float64 or complex128. One mean (a reduction), one
// centring (element-wise) and one product (cuBLAS on the GPU). Weights are not supported.
#include <cstdint>
#include <optional>

#include "gpu/creation/matrices.hpp"
#include "gpu/linalg/matmul.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/reductions/stats.hpp"
#include "gpu/views/flip.hpp"

namespace gpu {
namespace detail {

template <class T>
using cov_t = type_of_t<promote(dtype_of_v<T>, dtype::float64)>;

// m as NumPy's cov sees it: 2-D (a 1-D m is one variable), variables along axis 0, dtype R.
template <class R, class T>
ndarray<R> cov_variables(const ndarray<T>& m, bool rowvar) {
    if (m.ndim() > 2) throw value_error("m has more than 2 dimensions");
    ndarray<T> x = m.ndim() < 2 ? gpu::atleast_2d(m) : m;
    if (!rowvar && x.shape()[0] != 1) x = x.T();
    return gpu::eval(x.template astype<R>());
}

template <class R>
ndarray<R> cov_of(const ndarray<R>& x, bool bias, std::optional<std::int64_t> ddof) {
    const std::int64_t n = x.shape()[1];
    const std::int64_t d = ddof ? *ddof : (bias ? 0 : 1);
    const double fact = n - d > 0 ? static_cast<double>(n - d) : 0.0;  // NumPy warns and divides by 0
    const ndarray<R> centred = gpu::eval(x - gpu::mean(x, 1, true));
    ndarray<R> c = gpu::matmul(centred, gpu::eval(gpu::conj(centred.T())));
    c.assign(c * (1.0 / fact));
    return c.shape()[0] == 1 ? c.reshape(shape_t{}) : c;  // NumPy's squeeze of one variable
}

}  // namespace detail

// np.cov(m, y=None, rowvar=True, bias=False, ddof=None)
template <class T>
ndarray<detail::cov_t<T>> cov(const ndarray<T>& m, bool rowvar = true, bool bias = false,
                              std::optional<std::int64_t> ddof = std::nullopt) {
    using R = detail::cov_t<T>;
    return detail::cov_of(detail::cov_variables<R>(m, rowvar), bias, ddof);
}
template <class T, class U>
ndarray<detail::cov_t<type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>>> cov(const ndarray<T>& m, const ndarray<U>& y,
                                                                              bool rowvar = true, bool bias = false,
                                                                              std::optional<std::int64_t> ddof = std::nullopt) {
    using R = detail::cov_t<type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>>;
    return detail::cov_of(gpu::concatenate({detail::cov_variables<R>(m, rowvar), detail::cov_variables<R>(y, rowvar)}, 0),
                          bias, ddof);
}

namespace detail {
template <class R>
ndarray<R> corrcoef_of(ndarray<R> c) {
    if (c.ndim() == 0) return gpu::eval(c / c);  // one variable: NaN, or 1
    const auto sd = gpu::eval(gpu::sqrt(gpu::real(gpu::diagonal(c))));
    const shape_t col{sd.size(), 1}, row{1, sd.size()};
    c.assign(c / sd.reshape(col) / sd.reshape(row));
    // Rounding can push a coefficient past 1 in magnitude; NumPy clips each part.
    if constexpr (is_complex(dtype_of_v<R>)) {
        gpu::real(c).assign(gpu::clip(gpu::real(c), -1.0, 1.0));
        gpu::imag(c).assign(gpu::clip(gpu::imag(c), -1.0, 1.0));
    } else {
        c.assign(gpu::clip(c, -1.0, 1.0));
    }
    return c;
}
}  // namespace detail

// np.corrcoef(x, y=None, rowvar=True)
template <class T>
auto corrcoef(const ndarray<T>& x, bool rowvar = true) {
    return detail::corrcoef_of(gpu::cov(x, rowvar));
}
template <class T, class U>
auto corrcoef(const ndarray<T>& x, const ndarray<U>& y, bool rowvar = true) {
    return detail::corrcoef_of(gpu::cov(x, y, rowvar));
}

}  // namespace gpu
