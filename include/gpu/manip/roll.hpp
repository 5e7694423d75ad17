#pragma once
// NumPy's roll: elements shifted cyclically along axes, into a new array. Rolling one axis by k
// is two block copies (the last k elements to the front, the rest after them); rolling m axes
// is one assign per combination of blocks, 2^m in all, as NumPy does it.
#include <cstdint>
#include <optional>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/manip/split.hpp"

namespace gpu {
namespace detail {

// Python's shift % n (never negative); 0 for an empty axis, where nothing moves.
inline std::int64_t roll_offset(std::int64_t shift, std::int64_t n) {
    if (n == 0) return 0;
    const std::int64_t r = shift % n;
    return r < 0 ? r + n : r;
}

// a rolled by offsets[d] (already in [0, shape[d])) along every axis d.
template <class V>
ndarray<V> roll_by(const ndarray<V>& a, const dims& offsets) {
    ndarray<V> out(a.shape(), a.where());
    if (out.size() == 0) return out;
    int rolled[max_ndim];
    int m = 0;
    for (int d = 0; d < a.ndim(); ++d)
        if (offsets[d] != 0) rolled[m++] = d;
    for (std::uint32_t combo = 0; combo < (std::uint32_t{1} << m); ++combo) {
        ndarray<V> src = a, dst = out;
        for (int j = 0; j < m; ++j) {
            const int d = rolled[j];
            const std::int64_t n = a.shape()[d], k = offsets[d];
            if (combo >> j & 1) {  // the last k elements go to the front
                src = axis_range_view(src, d, n - k, n);
                dst = axis_range_view(dst, d, 0, k);
            } else {  // the first n - k elements go after them
                src = axis_range_view(src, d, 0, n - k);
                dst = axis_range_view(dst, d, k, n);
            }
        }
        dst.assign(src);
    }
    return out;
}

}  // namespace detail

// np.roll(a, shift, axis=None). With axis = std::nullopt (NumPy's None) the raveled array is
// rolled and the result has a's shape; a non-contiguous a is copied to ravel it. A negative
// shift rolls backwards; any shift is taken modulo the length.
template <class V>
ndarray<V> roll(const ndarray<V>& a, std::int64_t shift, std::optional<std::int64_t> axis = std::nullopt) {
    if (axis) {
        dims offsets = dims::filled(a.ndim(), 0);
        const int ax = detail::normalize_axis(*axis, a.ndim());
        offsets[ax] = detail::roll_offset(shift, a.shape()[ax]);
        return detail::roll_by(a, offsets);
    }
    const std::int64_t n = a.size(), k = detail::roll_offset(shift, n);
    if (k == 0) return a.copy();
    ndarray<V> out(a.shape(), a.where());
    const ndarray<V> flat_out = detail::manip_view(out, shape_t{n}, strides_t{1}, 0);
    const ndarray<V> flat_in = detail::raveled_view(a);
    detail::axis_range_view(flat_out, 0, k, n).assign(detail::axis_range_view(flat_in, 0, 0, n - k));
    detail::axis_range_view(flat_out, 0, 0, k).assign(detail::axis_range_view(flat_in, 0, n - k, n));
    return out;
}

// np.roll(a, shifts, axes): shifts and axes pair up (a single shift or axis applies to all of
// the other's entries, as NumPy broadcasts them); shifts of a repeated axis add up.
template <class V>
ndarray<V> roll(const ndarray<V>& a, const dims& shifts, const dims& axes) {
    dims norm;
    for (std::int64_t ax : axes) norm.push_back(detail::normalize_axis(ax, a.ndim()));
    const int ns = shifts.size(), na = norm.size();
    if (ns != na && ns != 1 && na != 1)
        throw shape_error("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 "
                          "with shape (" + std::to_string(ns) + ",) and arg 1 with shape (" + std::to_string(na) +
                          ",).");
    const int count = ns == 1 ? na : ns;
    dims offsets = dims::filled(a.ndim(), 0);
    for (int i = 0; i < count; ++i) {
        const int ax = static_cast<int>(norm[na == 1 ? 0 : i]);
        const std::int64_t n = a.shape()[ax];
        offsets[ax] = detail::roll_offset(offsets[ax] + detail::roll_offset(shifts[ns == 1 ? 0 : i], n), n);
    }
    return detail::roll_by(a, offsets);
}
template <class V>
ndarray<V> roll(const ndarray<V>& a, std::int64_t shift, const dims& axes) {
    return roll(a, dims{shift}, axes);
}

}  // namespace gpu
