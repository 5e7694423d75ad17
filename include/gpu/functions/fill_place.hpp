#pragma once
// NumPy's in-place fills by position and by mask, and np.resize:
//   gpu::fill_diagonal(a, val, wrap = false)   a.flat[::ncols + 1] = val (2-D; wrap continues past
//                                              the first square block), or the main diagonal of an
//                                              array whose axes are all equal; val a scalar or an
//                                              array (repeated, as NumPy's flat assignment)
//   gpu::putmask(a, mask, values)              a.flat[n] = values.flat[n % values.size] where mask
//   gpu::place(arr, mask, vals)                the k-th true position gets vals[k % vals.size]
//   gpu::resize(a, new_shape)                  a's elements repeated (C order) to fill new_shape
// Each is a gather or scatter of the indexing family (one kernel) and fused expressions.
#include <algorithm>
#include <cstdint>

#include "gpu/creation/ranges.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/indexing/advanced.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/put.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {

namespace detail {
// The flat positions NumPy's fill_diagonal writes.
template <class T>
ndarray<std::int64_t> diagonal_positions(const ndarray<T>& a, bool wrap) {
    if (a.ndim() < 2) throw value_error("array must be at least 2-d");
    std::int64_t step = 0, end = a.size();
    if (a.ndim() == 2) {
        step = a.shape()[1] + 1;
        if (!wrap) end = std::min(end, a.shape()[1] * a.shape()[1]);
    } else {
        std::int64_t stride = 1;
        for (int d = 0; d < a.ndim(); ++d) {
            if (a.shape()[d] != a.shape()[0]) throw value_error("All dimensions of input must be of equal length");
            if (d < a.ndim() - 1) stride *= a.shape()[d], step += stride;
        }
        step += 1;
    }
    const executor_scope on(a.where());  // the positions live where a does
    return gpu::arange<std::int64_t>(0, end, step);
}
}  // namespace detail

// np.fill_diagonal(a, val, wrap=False)
template <class T, class V>
void fill_diagonal(const ndarray<T>& a, const V& val, bool wrap = false) {
    const ndarray<std::int64_t> pos = detail::diagonal_positions(a, wrap);
    if constexpr (is_ndarray_v<V>) gpu::put(a, pos, val);
    else gpu::put(a, pos, static_cast<T>(val));
}

// np.putmask(a, mask, values)
template <class T, class M, class U>
void putmask(const ndarray<T>& a, const ndarray<M>& mask, const ndarray<U>& values) {
    detail::check_same_executor("putmask", a.where(), mask.where());
    detail::check_same_executor("putmask", a.where(), values.where());
    if (mask.shape() != a.shape()) throw value_error("putmask: mask and data must be the same size");
    if (values.size() == 0 || a.size() == 0) return;  // NumPy: nothing to put
    const executor_scope on(a.where());
    const ndarray<std::int64_t> n = gpu::eval(detail::index_leaf(a.shape()) % values.size());
    const ndarray<U> v = gpu::take(values, n);  // values.flat[n % size], a's shape
    ndarray<T>(a).assign(gpu::where(mask, v.template astype<T>(), a));
}
template <class T, class M, class S>
    requires is_cpp_scalar_v<S>
void putmask(const ndarray<T>& a, const ndarray<M>& mask, S value) {
    detail::check_same_executor("putmask", a.where(), mask.where());
    if (mask.shape() != a.shape()) throw value_error("putmask: mask and data must be the same size");
    ndarray<T>(a).assign(gpu::where(mask, static_cast<T>(value), a));
}

// np.place(arr, mask, vals)
template <class T, class M, class U>
void place(const ndarray<T>& arr, const ndarray<M>& mask, const ndarray<U>& vals) {
    detail::check_same_executor("place", arr.where(), mask.where());
    if (mask.size() != arr.size()) throw value_error("place: mask and data must be the same size");
    const ndarray<std::int64_t> pos = gpu::flatnonzero(mask);
    if (pos.size() == 0) return;
    if (vals.size() == 0) throw value_error("Cannot insert from an empty array!");
    const executor_scope on(arr.where());
    const ndarray<std::int64_t> k = gpu::eval(gpu::arange<std::int64_t>(pos.size()) % vals.size());
    gpu::put(arr, pos, gpu::take(vals, k));
}

// np.resize(a, new_shape): a new array of new_shape holding a's elements (C order) repeated; an
// empty a gives zeros.
template <class T>
ndarray<T> resize(const ndarray<T>& a, const shape_t& new_shape) {
    for (std::int64_t e : new_shape)
        if (e < 0) throw value_error("all elements of `new_shape` must be non-negative");
    ndarray<T> out(new_shape, a.where());
    if (out.size() == 0) return out;
    if (a.size() == 0) {
        out.assign(T(0));
        return out;
    }
    const executor_scope on(a.where());
    out.assign(gpu::take(a, gpu::eval(detail::index_leaf(new_shape) % a.size())));
    return out;
}

}  // namespace gpu
