#pragma once
// NumPy's functions that add or remove axes: squeeze, expand_dims, broadcast_to, and
// ascontiguousarray. All but ascontiguousarray of a non-contiguous array are views.
//
// broadcast_to returns a view with stride 0 along the stretched axes, so many of its elements
// are one element in memory. NumPy makes that view read-only; here it is writable, and writing
// into it writes the shared elements (on the GPU, several threads write one element: which value
// wins is unspecified). Use it as an operand, or gpu::eval / .copy() it before writing.
#include <concepts>
#include <cstdint>
#include <string>
#include <tuple>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/views/reshape.hpp"

namespace gpu {
namespace detail {

// The view of a without the axes flagged in `drop` (each of extent 1).
template <class V>
ndarray<V> without_axes(const ndarray<V>& a, const bool* drop) {
    shape_t s;
    strides_t st;
    for (int i = 0; i < a.ndim(); ++i)
        if (!drop[i]) {
            s.push_back(a.shape()[i]);
            st.push_back(a.strides()[i]);
        }
    return view_of(a, s, st, a.offset());
}

}  // namespace detail

template <class V>
ndarray<V> ndarray<V>::squeeze() const {
    bool drop[max_ndim] = {};
    for (int i = 0; i < ndim(); ++i) drop[i] = shape_[i] == 1;
    return detail::without_axes(*this, drop);
}

// NumPy checks every axis (range, then duplicates) before the extents.
template <class V>
ndarray<V> ndarray<V>::squeeze(const dims& axes) const {
    bool drop[max_ndim] = {};
    for (std::int64_t a : axes) {
        const int ax = detail::normalize_axis(a, ndim());
        if (drop[ax]) throw value_error("duplicate value in 'axis'");
        drop[ax] = true;
    }
    for (int i = 0; i < ndim(); ++i)
        if (drop[i] && shape_[i] != 1)
            throw value_error("cannot select an axis to squeeze out which has size not equal to one");
    return detail::without_axes(*this, drop);
}

// np.squeeze(a): every axis of extent 1 removed.
template <expression E>
auto squeeze(const E& a) {
    return detail::array_of(a).squeeze();
}

// np.squeeze(a, axis=axes): the named axes, each of extent 1, removed.
template <expression E>
auto squeeze(const E& a, const dims& axes) {
    return detail::array_of(a).squeeze(axes);
}

// One axis. (An integral template, so that a braced list, even `{}`, always means a list of axes.)
template <expression E, std::integral I>
auto squeeze(const E& a, I axis) {
    return detail::array_of(a).squeeze(dims{static_cast<std::int64_t>(axis)});
}

// np.expand_dims(a, axes): axes of extent 1 inserted at the given positions of the result
// (negative ones count from the result's end). A view, as NumPy's reshape gives it.
template <expression E>
auto expand_dims(const E& a, const dims& axes) {
    auto arr = detail::array_of(a);
    const int out_ndim = arr.ndim() + axes.size();
    const dims ax = detail::normalize_axes(axes, out_ndim);
    bool inserted[2 * max_ndim] = {};
    for (std::int64_t i : ax) inserted[i] = true;
    shape_t s;
    for (int i = 0, k = 0; i < out_ndim; ++i) s.push_back(inserted[i] ? 1 : arr.shape()[k++]);
    return arr.reshape(s);
}

template <expression E, std::integral I>
auto expand_dims(const E& a, I axis) {
    return gpu::expand_dims(a, dims{static_cast<std::int64_t>(axis)});
}

// np.broadcast_to(a, shape): a view of `shape` whose stretched and new axes have stride 0 (see
// the note at the top: writing into it writes shared elements). Axes of extent 1 get stride 0,
// as NumPy's nditer gives them.
template <expression E>
auto broadcast_to(const E& a, const shape_t& shape) {
    auto arr = detail::array_of(a);
    if (shape.empty() && arr.ndim() > 0) throw value_error("cannot broadcast a non-scalar to a scalar array");
    for (std::int64_t e : shape)
        if (e < 0) throw value_error("all elements of broadcast shape must be non-negative");
    const int lead = shape.size() - arr.ndim();
    bool fits = lead >= 0;
    strides_t st = dims::filled(shape.size(), 0);
    for (int i = 0; fits && i < arr.ndim(); ++i) {
        const std::int64_t have = arr.shape()[i], want = shape[lead + i];
        if (have != want && have != 1) fits = false;
        else if (have != 1 && want != 1) st[lead + i] = arr.strides()[i];
    }
    if (!fits)
        throw shape_error("operands could not be broadcast together with remapped shapes [original->remapped]: " +
                          to_string(arr.shape()) + "  and requested shape " + to_string(shape));
    return detail::view_of(arr, shape, st, arr.offset());
}

// np.atleast_1d / atleast_2d / atleast_3d: views with size-1 axes added where NumPy adds them
// (0-d: (1,), (1, 1), (1, 1, 1); (n,): (1, n) and (1, n, 1); (m, n): (m, n, 1) for 3-D).
template <expression E>
auto atleast_1d(const E& a) {
    auto arr = detail::array_of(a);
    return arr.ndim() >= 1 ? arr : arr.reshape(shape_t{1});
}
template <expression E>
auto atleast_2d(const E& a) {
    auto arr = detail::array_of(a);
    if (arr.ndim() >= 2) return arr;
    return arr.ndim() == 0 ? arr.reshape(shape_t{1, 1}) : gpu::expand_dims(arr, 0);
}
template <expression E>
auto atleast_3d(const E& a) {
    auto arr = detail::array_of(a);
    if (arr.ndim() >= 3) return arr;
    if (arr.ndim() == 0) return arr.reshape(shape_t{1, 1, 1});
    if (arr.ndim() == 1) return gpu::expand_dims(arr, dims{0, 2});
    return gpu::expand_dims(arr, 2);
}

// np.broadcast_arrays(a, b, ...): each array as a view of the shape they broadcast to (a tuple,
// so the arrays may differ in dtype).
template <class... Vs>
auto broadcast_arrays(const ndarray<Vs>&... arrays) {
    shape_t shape;
    ((shape = broadcast_shapes(shape, arrays.shape())), ...);
    return std::tuple<ndarray<Vs>...>(gpu::broadcast_to(arrays, shape)...);
}

// np.ascontiguousarray(a): a itself (sharing its buffer) when already row-major contiguous, else
// a contiguous copy. As in NumPy, the result has at least one axis: a 0-d array becomes shape (1,).
template <expression E>
auto ascontiguousarray(const E& a) {
    auto arr = detail::array_of(a);
    if (arr.ndim() == 0) return arr.reshape(shape_t{1});
    if (arr.is_contiguous()) return arr;
    return arr.copy();
}

}  // namespace gpu
