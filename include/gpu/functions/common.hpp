#pragma once
// What the function headers share: axis views, scalars as arrays, and the float dtype NumPy
// computes in. Every function here is written with views, expressions, reductions and the
// indexing gathers, so each runs on both executors with no kernel of its own.
#include <cstdint>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/manip/split.hpp"

namespace gpu::detail {

// a[..., start:stop, ...] on `axis`, clamped so an empty range stays inside the buffer.
template <class T>
ndarray<T> axis_slice(const ndarray<T>& a, int axis, std::int64_t start, std::int64_t stop) {
    const std::int64_t n = a.shape()[axis];
    start = start < 0 ? 0 : (start > n ? n : start);
    stop = stop < start ? start : (stop > n ? n : stop);
    if (stop == start) {
        shape_t s = a.shape();
        s[axis] = 0;
        return ndarray<T>(s, a.where());
    }
    return axis_range_view(a, axis, start, stop);
}

// The dtype NumPy gives a C++ scalar made an array (np.asarray(python_int) is int64, a Python
// float is float64; float stays float32 and bool stays bool).
template <class S>
using scalar_array_t = std::conditional_t<std::is_same_v<S, bool>, bool,
                                          std::conditional_t<std::is_integral_v<S>, std::int64_t, S>>;

// The element type of an array argument, or scalar_array_t of a scalar one.
template <class X> struct elem_of { using type = scalar_array_t<X>; };
template <class U> struct elem_of<ndarray<U>> { using type = U; };
template <class X>
using elem_of_t = typename elem_of<std::remove_cvref_t<X>>::type;

// The dtype of computations NumPy does in floats: inexact dtypes (floats, half types, complex)
// stay, integers and bool become float64.
template <class T>
using float_of_t = std::conditional_t<is_inexact(dtype_of_v<T>), T, double>;

// An array of `shape` filled with v (converted to T), on `where`.
template <class T, class S>
ndarray<T> filled(const shape_t& shape, S v, executor where) {
    ndarray<T> r(shape, where);
    if (r.size() > 0) r.assign(static_cast<T>(v));
    return r;
}


}  // namespace gpu::detail
