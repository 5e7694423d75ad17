#pragma once
// NumPy's flip and diagonal, both views. flip negates strides (a[::-1] along each chosen axis);
// diagonal walks two axes together with stride s1 + s2. NumPy makes diagonal's view read-only;
// here it is writable (writing it writes a's diagonal).
#include <algorithm>
#include <concepts>
#include <cstdint>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {
namespace detail {

// The view of a reversed along the axes flagged in `which`.
template <class V>
ndarray<V> flipped(const ndarray<V>& a, const bool* which) {
    strides_t st = a.strides();
    std::int64_t offset = a.offset();
    for (int i = 0; i < a.ndim(); ++i) {
        if (!which[i]) continue;
        if (a.shape()[i] > 0) offset += (a.shape()[i] - 1) * st[i];
        st[i] = -st[i];
    }
    return view_of(a, a.shape(), st, offset);
}

}  // namespace detail

// np.flip(a): reversed along every axis.
template <expression E>
auto flip(const E& a) {
    auto arr = detail::array_of(a);
    bool which[max_ndim];
    for (bool& w : which) w = true;
    return detail::flipped(arr, which);
}

// np.flip(a, axis=axes).
template <expression E>
auto flip(const E& a, const dims& axes) {
    auto arr = detail::array_of(a);
    bool which[max_ndim] = {};
    for (std::int64_t ax : detail::normalize_axes(axes, arr.ndim())) which[ax] = true;
    return detail::flipped(arr, which);
}

// One axis. (An integral template, so that a braced list, even `{}`, always means a list of axes.)
template <expression E, std::integral I>
auto flip(const E& a, I axis) {
    return gpu::flip(a, dims{static_cast<std::int64_t>(axis)});
}

// np.fliplr(a): a[:, ::-1] (at least 2-D); np.flipud(a): a[::-1] (at least 1-D).
template <expression E>
auto fliplr(const E& a) {
    auto arr = detail::array_of(a);
    if (arr.ndim() < 2) throw value_error("Input must be >= 2-d.");
    return gpu::flip(arr, 1);
}
template <expression E>
auto flipud(const E& a) {
    auto arr = detail::array_of(a);
    if (arr.ndim() < 1) throw value_error("Input must be >= 1-d.");
    return gpu::flip(arr, 0);
}

// np.diagonal(a, offset, axis1, axis2): the axes axis1 and axis2 are removed and one axis, the
// diagonal, appended last. offset > 0 takes a diagonal above the main one (along axis2),
// offset < 0 below it (along axis1).
template <expression E>
auto diagonal(const E& a, std::int64_t offset = 0, int axis1 = 0, int axis2 = 1) {
    auto arr = detail::array_of(a);
    const int n = arr.ndim();
    if (n < 2) throw value_error("diag requires an array of at least two dimensions");
    const int a1 = detail::normalize_axis_named(axis1, n, "axis1");
    const int a2 = detail::normalize_axis_named(axis2, n, "axis2");
    if (a1 == a2) throw value_error("axis1 and axis2 cannot be the same");
    const std::int64_t d1 = arr.shape()[a1], d2 = arr.shape()[a2];
    const std::int64_t s1 = arr.strides()[a1], s2 = arr.strides()[a2];
    // Compared, not subtracted, so an offset of any size cannot overflow.
    std::int64_t length = 0, start = arr.offset();
    if (offset >= 0 ? offset < d2 : -(offset + 1) < d1 - 1) {
        length = offset >= 0 ? std::min(d1, d2 - offset) : std::min(d1 + offset, d2);
        start += offset >= 0 ? offset * s2 : -offset * s1;
    }
    shape_t s;
    strides_t st;
    for (int i = 0; i < n; ++i)
        if (i != a1 && i != a2) {
            s.push_back(arr.shape()[i]);
            st.push_back(arr.strides()[i]);
        }
    s.push_back(length);
    st.push_back(s1 + s2);
    return detail::view_of(arr, s, st, length > 0 ? start : arr.offset());
}

}  // namespace gpu
