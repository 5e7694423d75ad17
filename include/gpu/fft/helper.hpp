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
// np.roll by half of each axis (every axis when none is given); ifftshift rolls the other way.
template <class V>
ndarray<V> shift(const ndarray<V>& a, std::optional<dims> axes, bool inverse) {
    if (!axes) {
        axes.emplace();
        for (int d = 0; d < a.ndim(); ++d) axes->push_back(d);
    }
    if (axes->empty()) return a.copy();
    dims shifts;
    for (std::int64_t ax : *axes) {
        const std::int64_t half = a.shape()[gpu::detail::normalize_axis(ax, a.ndim())] / 2;
        shifts.push_back(inverse ? -half : half);
    }
    return gpu::roll(a, shifts, *axes);
}
}  // namespace detail

// np.fft.fftshift(x, axes=None): the zero frequency moved to the middle.
template <expression E>
auto fftshift(const E& x, const std::optional<dims>& axes = std::nullopt) {
    return detail::shift(gpu::detail::array_of(x), axes, false);
}
template <expression E>
auto fftshift(const E& x, std::int64_t axis) {
    return fftshift(x, dims{axis});
}

// np.fft.ifftshift(x, axes=None): the inverse of fftshift (they differ for odd lengths).
template <expression E>
auto ifftshift(const E& x, const std::optional<dims>& axes = std::nullopt) {
    return detail::shift(gpu::detail::array_of(x), axes, true);
}
template <expression E>
auto ifftshift(const E& x, std::int64_t axis) {
    return ifftshift(x, dims{axis});
}

}  // namespace gpu::fft
