#pragma once
// NumPy's axis permutations: transpose (a.T), swapaxes and moveaxis. Each is a view: the same
// elements with shape and strides permuted, so a.T() can be read in expressions and written
// through (`a.T() = b` writes a).
#include <concepts>
#include <cstdint>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/views/reshape.hpp"

namespace gpu {
namespace detail {

// normalize_axis with NumPy's argument-name prefix: "axis1: axis 5 is out of bounds for array of
// dimension 2" (check_and_adjust_axis_msg). The string is built only on the error path.
inline int normalize_axis_named(std::int64_t axis, int ndim, const char* name) {
    try {
        return normalize_axis(axis, ndim);
    } catch (const axis_error& e) {
        throw axis_error(std::string(name) + ": " + e.what());
    }
}

// NumPy's normalize_axis_tuple(axes, ndim, argname), as moveaxis calls it.
inline dims normalize_axes_named(const dims& axes, int ndim, const char* name) {
    dims r;
    for (std::int64_t a : axes) {
        const int n = normalize_axis_named(a, ndim, name);
        for (std::int64_t seen : r)
            if (seen == n) throw value_error(std::string("repeated axis in `") + name + "` argument");
        r.push_back(n);
    }
    return r;
}

// The view of a with its axes in the order `perm` (already normalized, a permutation).
template <class V>
ndarray<V> permuted(const ndarray<V>& a, const dims& perm) {
    shape_t s;
    strides_t st;
    for (std::int64_t ax : perm) {
        s.push_back(a.shape()[static_cast<int>(ax)]);
        st.push_back(a.strides()[static_cast<int>(ax)]);
    }
    return view_of(a, s, st, a.offset());
}

}  // namespace detail

template <class V>
ndarray<V> ndarray<V>::transpose() const {
    dims perm;
    for (int i = ndim() - 1; i >= 0; --i) perm.push_back(i);
    return detail::permuted(*this, perm);
}

// axes must be a permutation of the axes (negative ones count from the end), as in NumPy.
template <class V>
ndarray<V> ndarray<V>::transpose(const dims& axes) const {
    if (axes.size() != ndim()) throw value_error("axes don't match array");
    dims perm;
    bool seen[max_ndim] = {};
    for (std::int64_t a : axes) {
        const int ax = detail::normalize_axis(a, ndim());
        if (seen[ax]) throw value_error("repeated axis in transpose");
        seen[ax] = true;
        perm.push_back(ax);
    }
    return detail::permuted(*this, perm);
}

template <class V>
ndarray<V> ndarray<V>::swapaxes(int axis1, int axis2) const {
    const int a1 = detail::normalize_axis_named(axis1, ndim(), "axis1");
    const int a2 = detail::normalize_axis_named(axis2, ndim(), "axis2");
    dims perm;
    for (int i = 0; i < ndim(); ++i) perm.push_back(i == a1 ? a2 : i == a2 ? a1 : i);
    return detail::permuted(*this, perm);
}

// np.transpose(a): axes reversed.
template <expression E>
auto transpose(const E& a) {
    return detail::array_of(a).transpose();
}

// np.transpose(a, axes).
template <expression E>
auto transpose(const E& a, const dims& axes) {
    return detail::array_of(a).transpose(axes);
}

// np.swapaxes(a, axis1, axis2).
template <expression E>
auto swapaxes(const E& a, int axis1, int axis2) {
    return detail::array_of(a).swapaxes(axis1, axis2);
}

// np.moveaxis(a, source, destination): the axes in `source` move to the positions in
// `destination`; the other axes keep their relative order.
template <expression E>
auto moveaxis(const E& a, const dims& source, const dims& destination) {
    auto arr = detail::array_of(a);
    const int n = arr.ndim();
    const dims src = detail::normalize_axes_named(source, n, "source");
    const dims dst = detail::normalize_axes_named(destination, n, "destination");
    if (src.size() != dst.size())
        throw value_error("`source` and `destination` arguments must have the same number of elements");
    // NumPy: order = [axes not in source]; then insert src at dest, in increasing dest order.
    dims order;
    order.resize(n);
    bool taken[max_ndim] = {}, placed[max_ndim] = {};
    for (int k = 0; k < src.size(); ++k) {
        order[static_cast<int>(dst[k])] = src[k];
        placed[dst[k]] = true;
        taken[src[k]] = true;
    }
    int next = 0;
    for (int i = 0; i < n; ++i) {
        if (placed[i]) continue;
        while (taken[next]) ++next;
        order[i] = next++;
    }
    return detail::permuted(arr, order);
}

// np.rollaxis(a, axis, start=0): axis moved to just before position `start` (NumPy keeps it
// for old code; moveaxis is the clearer spelling).
template <expression E>
auto rollaxis(const E& a, std::int64_t axis, std::int64_t start = 0) {
    auto arr = detail::array_of(a);
    const int n = arr.ndim();
    const int ax = detail::normalize_axis(axis, n);
    if (start < 0) start += n;
    if (start < 0 || start > n)  // NumPy's message, with start as adjusted
        throw axis_error("'start' arg requires " + std::to_string(-n) + " <= start < " + std::to_string(n + 1) +
                         ", but " + std::to_string(start) + " was passed in");
    if (ax < start) --start;  // the axis leaves its place first
    dims order;
    for (int d = 0; d < n; ++d)
        if (d != ax) order.push_back(d);
    dims perm;
    for (int i = 0; i < order.size(); ++i) {
        if (i == start) perm.push_back(ax);
        perm.push_back(order[i]);
    }
    if (perm.size() < n) perm.push_back(ax);
    return detail::permuted(arr, perm);
}

// np.permute_dims(a, axes) (the array API's transpose) and np.matrix_transpose(x): the last two
// axes swapped.
template <expression E>
auto permute_dims(const E& a, const dims& axes) {
    return gpu::transpose(a, axes);
}
template <expression E>
auto matrix_transpose(const E& x) {
    auto arr = detail::array_of(x);
    if (arr.ndim() < 2)
        throw value_error("Input array must be at least 2-dimensional, but it is " + std::to_string(arr.ndim()));
    return arr.swapaxes(-1, -2);
}

// np.moveaxis(a, source, destination) for one axis.
template <expression E, std::integral I, std::integral J>
auto moveaxis(const E& a, I source, J destination) {
    return gpu::moveaxis(a, dims{static_cast<std::int64_t>(source)}, dims{static_cast<std::int64_t>(destination)});
}

}  // namespace gpu
