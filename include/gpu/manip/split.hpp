#pragma once
// NumPy's split and array_split: an array cut into pieces along one axis. The pieces are views
// of the input (NumPy returns views too), so nothing is copied and no kernel runs.
// Also the view helpers the other manip/ headers share: views of a range along one axis.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"

namespace gpu {
namespace detail {

// A view of a's buffer. A default-constructed ndarray (shape (0,)) has no buffer to view; any
// view of it is empty, so a fresh empty array stands in.
template <class V>
ndarray<V> manip_view(const ndarray<V>& a, const shape_t& shape, const strides_t& strides, std::int64_t offset) {
    if (!a.buffer()) return ndarray<V>(shape, a.where());
    return ndarray<V>(a.buffer(), shape, strides, offset);
}

// a[..., start:stop, ...] on `axis` (0 <= start <= stop <= a.shape()[axis]), as a view.
template <class V>
ndarray<V> axis_range_view(const ndarray<V>& a, int axis, std::int64_t start, std::int64_t stop) {
    shape_t shape = a.shape();
    shape[axis] = stop - start;
    return manip_view(a, shape, a.strides(), a.offset() + start * a.strides()[axis]);
}

// a raveled: a view when a is contiguous, else a contiguous copy.
template <class V>
ndarray<V> raveled_view(const ndarray<V>& a) {
    const shape_t shape{a.size()};
    if (a.is_contiguous()) return manip_view(a, shape, strides_t{1}, a.offset());
    const ndarray<V> c = a.copy();
    return manip_view(c, shape, strides_t{1}, c.offset());
}

// Python's rule for a slice bound: negative counts from the end, then clamp to [0, n].
inline std::int64_t split_point(std::int64_t i, std::int64_t n) {
    if (i < 0) i += n;
    return std::clamp<std::int64_t>(i, 0, n);
}

// NumPy's array_split with explicit division points: a[p0:p1] for consecutive points of
// [0, indices..., n] (Python slicing: a decreasing pair gives an empty piece).
template <class V>
std::vector<ndarray<V>> split_at(const ndarray<V>& a, std::span<const std::int64_t> indices, int axis) {
    const std::int64_t n = a.shape()[axis];
    std::vector<ndarray<V>> parts;
    parts.reserve(indices.size() + 1);
    std::int64_t prev = 0;
    for (std::size_t i = 0; i <= indices.size(); ++i) {
        const std::int64_t start = split_point(prev, n);
        const std::int64_t stop = i < indices.size() ? split_point(indices[i], n) : n;
        parts.push_back(axis_range_view(a, axis, start, std::max(start, stop)));
        if (i < indices.size()) prev = indices[i];
    }
    return parts;
}

// NumPy's array_split into `sections` pieces: the first n % sections pieces get one extra.
template <class V>
std::vector<ndarray<V>> split_sections(const ndarray<V>& a, std::int64_t sections, int axis) {
    const std::int64_t n = a.shape()[axis];
    const std::int64_t each = n / sections, extras = n % sections;
    std::vector<ndarray<V>> parts;
    parts.reserve(static_cast<std::size_t>(sections));
    std::int64_t start = 0;
    for (std::int64_t i = 0; i < sections; ++i) {
        const std::int64_t len = each + (i < extras ? 1 : 0);
        parts.push_back(axis_range_view(a, axis, start, start + len));
        start += len;
    }
    return parts;
}

inline void check_sections(std::int64_t sections) {
    if (sections <= 0) throw value_error("number sections must be larger than 0.");
}

}  // namespace detail

// np.array_split(a, sections, axis): `sections` nearly equal views (the first ones one longer).
// (NumPy raises IndexError "tuple index out of range" for a bad axis here; we raise AxisError.)
template <class V>
std::vector<ndarray<V>> array_split(const ndarray<V>& a, std::int64_t sections, std::int64_t axis = 0) {
    const int ax = detail::normalize_axis(axis, a.ndim());
    detail::check_sections(sections);
    return detail::split_sections(a, sections, ax);
}

// np.array_split(a, [i0, i1, ...], axis): views a[:i0], a[i0:i1], ..., a[ik:] along axis.
template <class V>
std::vector<ndarray<V>> array_split(const ndarray<V>& a, std::span<const std::int64_t> indices,
                                    std::int64_t axis = 0) {
    return detail::split_at(a, indices, detail::normalize_axis(axis, a.ndim()));
}
template <class V>
std::vector<ndarray<V>> array_split(const ndarray<V>& a, std::initializer_list<std::int64_t> indices,
                                    std::int64_t axis = 0) {
    return array_split(a, std::span<const std::int64_t>(indices.begin(), indices.size()), axis);
}

// np.split(a, sections, axis): like array_split, but the sections must divide the axis evenly.
// (sections == 0 is NumPy's ZeroDivisionError; we raise array_split's ValueError instead.)
template <class V>
std::vector<ndarray<V>> split(const ndarray<V>& a, std::int64_t sections, std::int64_t axis = 0) {
    const int ax = detail::normalize_axis(axis, a.ndim());
    detail::check_sections(sections);
    if (a.shape()[ax] % sections != 0) throw value_error("array split does not result in an equal division");
    return detail::split_sections(a, sections, ax);
}

// np.split(a, [i0, i1, ...], axis): the same as array_split with indices.
template <class V>
std::vector<ndarray<V>> split(const ndarray<V>& a, std::span<const std::int64_t> indices, std::int64_t axis = 0) {
    return array_split(a, indices, axis);
}
template <class V>
std::vector<ndarray<V>> split(const ndarray<V>& a, std::initializer_list<std::int64_t> indices,
                              std::int64_t axis = 0) {
    return array_split(a, indices, axis);
}

// np.hsplit (axis 1, or 0 for 1-D), np.vsplit (axis 0, at least 2-D), np.dsplit (axis 2, at
// least 3-D): split along that axis; `s` is a section count or a list of indices, as for split.
namespace detail {
inline std::int64_t split_axis(int ndim, int min_ndim, const char* name, std::int64_t axis) {
    if (ndim < min_ndim)
        throw value_error(std::string(name) + " only works on arrays of " + std::to_string(min_ndim) + " or more dimensions");
    return axis;
}
}  // namespace detail
template <class V, class S>
std::vector<ndarray<V>> hsplit(const ndarray<V>& a, const S& s) {
    return gpu::split(a, s, detail::split_axis(a.ndim(), 1, "hsplit", a.ndim() > 1 ? 1 : 0));
}
template <class V, class S>
std::vector<ndarray<V>> vsplit(const ndarray<V>& a, const S& s) {
    return gpu::split(a, s, detail::split_axis(a.ndim(), 2, "vsplit", 0));
}
template <class V, class S>
std::vector<ndarray<V>> dsplit(const ndarray<V>& a, const S& s) {
    return gpu::split(a, s, detail::split_axis(a.ndim(), 3, "dsplit", 2));
}
template <class V>
std::vector<ndarray<V>> hsplit(const ndarray<V>& a, std::initializer_list<std::int64_t> indices) {
    return gpu::split(a, indices, detail::split_axis(a.ndim(), 1, "hsplit", a.ndim() > 1 ? 1 : 0));
}
template <class V>
std::vector<ndarray<V>> vsplit(const ndarray<V>& a, std::initializer_list<std::int64_t> indices) {
    return gpu::split(a, indices, detail::split_axis(a.ndim(), 2, "vsplit", 0));
}
template <class V>
std::vector<ndarray<V>> dsplit(const ndarray<V>& a, std::initializer_list<std::int64_t> indices) {
    return gpu::split(a, indices, detail::split_axis(a.ndim(), 3, "dsplit", 2));
}

}  // namespace gpu
