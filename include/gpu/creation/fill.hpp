#pragma once
// NumPy's empty, zeros, ones, full and their _like forms. Filling is one element-wise kernel (a
// scalar expression assigned to the new array), on the executor the array is made on.
//
//   gpu::empty<T = double>(shape)      uninitialized
//   gpu::zeros<T = double>(shape)      0 (false for bool)
//   gpu::ones<T = double>(shape)       1 (true for bool)
//   gpu::full<T>(shape, value)         value converted to T as NumPy's copyto(casting='unsafe'):
//                                      2.7 into int32 is 2; an integer out of T's range throws
//                                      gpu::overflow_error, as NumPy 2 does for a Python int
//   gpu::full(shape, value)            dtype from the C++ scalar as from a Python scalar: bool ->
//                                      bool, any integer -> int64, float or double -> float64
//   gpu::empty_like(a), zeros_like(a), ones_like(a), full_like(a, value)
//                                      a's dtype and shape (and memory order: NumPy's order='K',
//                                      so zeros_like(a.T()) is Fortran-ordered), on a's executor
//                                      (the array API's rule: the device of the prototype)
//   gpu::zeros_like<U>(a), ...         the same with dtype U
//
// Arrays without a prototype are made on gpu::current_executor(). A negative extent throws
// gpu::value_error("negative dimensions are not allowed").
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/runtime/buffer.hpp"

namespace gpu {
namespace detail {

// The dtype NumPy gives a Python scalar of the C++ scalar's kind (bool, int64, float64).
template <class S>
using default_dtype_t = std::conditional_t<std::is_same_v<S, bool>, bool,
                                           std::conditional_t<std::is_integral_v<S>, std::int64_t, double>>;

// U, or V when U is void (the _like functions' "same dtype as the prototype").
template <class U, class V>
using like_dtype_t = std::conditional_t<std::is_void_v<U>, V, U>;

inline bool is_f_contiguous(const shape_t& shape, const strides_t& strides) {
    std::int64_t expect = 1;
    for (int i = 0; i < shape.size(); ++i) {
        if (shape[i] == 0) return true;
        if (shape[i] != 1 && strides[i] != expect) return false;
        expect *= shape[i];
    }
    return true;
}

inline bool is_c_contiguous(const shape_t& shape, const strides_t& strides) {
    std::int64_t expect = 1;
    for (int i = shape.size() - 1; i >= 0; --i) {
        if (shape[i] == 0) return true;
        if (shape[i] != 1 && strides[i] != expect) return false;
        expect *= shape[i];
    }
    return true;
}

// NumPy's order='K' for a new array like a prototype: C order when the prototype is C-contiguous
// (or 1-D), Fortran order when it is Fortran-contiguous, else the prototype's axes ordered by
// decreasing |stride| (ties in axis order), so an operation between the two walks both alike.
inline strides_t keep_order_strides(const shape_t& shape, const strides_t& strides) {
    const int nd = shape.size();
    if (nd <= 1 || is_c_contiguous(shape, strides)) return c_strides(shape);
    dims perm = dims::filled(nd, 0);
    for (int i = 0; i < nd; ++i) perm[i] = i;
    if (!is_f_contiguous(shape, strides))
        std::stable_sort(perm.begin(), perm.end(), [&](std::int64_t a, std::int64_t b) {
            return std::llabs(strides[static_cast<int>(a)]) > std::llabs(strides[static_cast<int>(b)]);
        });
    else
        std::reverse(perm.begin(), perm.end());  // Fortran: axis 0 varies fastest
    strides_t out = dims::filled(nd, 0);
    std::int64_t stride = 1;
    for (int i = nd - 1; i >= 0; --i) {
        const int axis = static_cast<int>(perm[i]);
        out[axis] = stride;
        stride *= std::max<std::int64_t>(shape[axis], 1);
    }
    return out;
}

// An uninitialized array of dtype U with a's shape and memory order, on a's executor.
template <class U, class V>
ndarray<U> new_like(const ndarray<V>& a) {
    const strides_t strides = keep_order_strides(a.shape(), a.strides());
    if (strides == c_strides(a.shape())) return ndarray<U>(a.shape(), a.where());
    auto buf = make_buffer(static_cast<std::size_t>(a.size()) * sizeof(U), a.where());
    return ndarray<U>(std::move(buf), a.shape(), strides, 0);
}

}  // namespace detail

// np.empty(shape, dtype=T): uninitialized, on the current executor.
template <class T = double>
ndarray<T> empty(const shape_t& shape) {
    return ndarray<T>(shape);
}

// np.zeros(shape, dtype=T).
template <class T = double>
ndarray<T> zeros(const shape_t& shape) {
    ndarray<T> a(shape);
    a.assign(T(0));
    return a;
}

// np.ones(shape, dtype=T).
template <class T = double>
ndarray<T> ones(const shape_t& shape) {
    ndarray<T> a(shape);
    a.assign(T(1));
    return a;
}

// np.full(shape, value, dtype=T); with T omitted (void), the dtype NumPy gives a Python scalar of
// the value's kind (see the top of this header).
template <class T = void, class S>
    requires is_cpp_scalar_v<S>
auto full(const shape_t& shape, S value) {
    using R = detail::like_dtype_t<T, detail::default_dtype_t<S>>;
    ndarray<R> a(shape);
    a.assign(value);
    return a;
}

// np.empty_like(a, dtype=U): a's shape and memory order, on a's executor.
template <class U = void, class V>
auto empty_like(const ndarray<V>& a) {
    return detail::new_like<detail::like_dtype_t<U, V>>(a);
}

// np.zeros_like(a, dtype=U).
template <class U = void, class V>
auto zeros_like(const ndarray<V>& a) {
    using R = detail::like_dtype_t<U, V>;
    auto r = detail::new_like<R>(a);
    r.assign(R(0));
    return r;
}

// np.ones_like(a, dtype=U).
template <class U = void, class V>
auto ones_like(const ndarray<V>& a) {
    using R = detail::like_dtype_t<U, V>;
    auto r = detail::new_like<R>(a);
    r.assign(R(1));
    return r;
}

// np.full_like(a, value, dtype=U): value converted to the dtype as in full<T>.
template <class U = void, class V, class S>
    requires is_cpp_scalar_v<S>
auto full_like(const ndarray<V>& a, S value) {
    auto r = detail::new_like<detail::like_dtype_t<U, V>>(a);
    r.assign(value);
    return r;
}

}  // namespace gpu
