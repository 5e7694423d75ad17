#pragma once
// numpy.fft's helpers: fftfreq, rfftfreq (float64 frequencies, one element-wise kernel over the
// index, computed as NumPy does: integer k times val = 1 / (n * d)), fftshift and ifftshift
// (np.roll by half of each axis, any dtype).
#include <cstdint>
#include <optional>
#include <string>

#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/manip/roll.hpp"
#include "gpu/views/reshape.hpp"

namespace gpu::fft {

namespace detail {
inline double freq_scale(std::int64_t n, double d) {
    if (n < 0) throw value_error("negative dimensions are not allowed");
    if (static_cast<double>(n) * d == 0.0) throw value_error("float division by zero");  // Python's ZeroDivisionError
    return 1.0 / (static_cast<double>(n) * d);
}
}  // namespace detail

// np.fft.fftfreq(n, d=1.0): [0, 1, ..., (n-1)//2, -(n//2), ..., -1] / (n * d).
inline ndarray<double> fftfreq(std::int64_t n, double d = 1.0) {
    const double val = detail::freq_scale(n, d);
    const gpu::detail::index_leaf i({n});
    const std::int64_t half = (n - 1) / 2 + 1;
    return gpu::eval(gpu::where(i < half, i, i - n) * val);
}

// np.fft.rfftfreq(n, d=1.0): [0, 1, ..., n//2] / (n * d).
inline ndarray<double> rfftfreq(std::int64_t n, double d = 1.0) {
    const double val = detail::freq_scale(n, d);
    const gpu::detail::index_leaf i({n / 2 + 1});
    return gpu::eval(i * val);
}

namespace detail {
template <class V>
ndarray<V> shift_all(const ndarray<V>& a, bool inverse) {
    dims shifts, axes;
    for (int d = 0; d < a.ndim(); ++d) {
        shifts.push_back(inverse ? -(a.shape()[d] / 2) : a.shape()[d] / 2);
        axes.push_back(d);
    }
    if (a.ndim() == 0) return a.copy();
    return gpu::roll(a, shifts, axes);
}
template <class V>
ndarray<V> shift_axes(const ndarray<V>& a, const dims& axes, bool inverse) {
    dims shifts;
    for (std::int64_t ax : axes) {
        const std::int64_t len = a.shape()[gpu::detail::normalize_axis(ax, a.ndim())];
        shifts.push_back(inverse ? -(len / 2) : len / 2);
    }
    if (axes.empty()) return a.copy();
    return gpu::roll(a, shifts, axes);
}
}  // namespace detail

// np.fft.fftshift(x, axes=None): the zero frequency moved to the middle.
template <expression E>
auto fftshift(const E& x) {
    return detail::shift_all(gpu::detail::array_of(x), false);
}
template <expression E>
auto fftshift(const E& x, std::int64_t axis) {
    return detail::shift_axes(gpu::detail::array_of(x), dims{axis}, false);
}
template <expression E>
auto fftshift(const E& x, const dims& axes) {
    return detail::shift_axes(gpu::detail::array_of(x), axes, false);
}

// np.fft.ifftshift(x, axes=None): the inverse of fftshift (they differ for odd lengths).
template <expression E>
auto ifftshift(const E& x) {
    return detail::shift_all(gpu::detail::array_of(x), true);
}
template <expression E>
auto ifftshift(const E& x, std::int64_t axis) {
    return detail::shift_axes(gpu::detail::array_of(x), dims{axis}, true);
}
template <expression E>
auto ifftshift(const E& x, const dims& axes) {
    return detail::shift_axes(gpu::detail::array_of(x), axes, true);
}

}  // namespace gpu::fft
