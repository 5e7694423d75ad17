#pragma once
// np.take_along_axis and np.put_along_axis: one index per position along `axis`, the other axes
// matched element by element (broadcast). They are the advanced indexing arr[i0, ..., idx, ...]
// with each i_d the row numbers of axis d, so they run on its plan, bounds check and kernels
// (indexing/advanced.hpp): one gather or scatter kernel.
#include <cstdint>
#include <vector>

#include "gpu/creation/ranges.hpp"
#include "gpu/indexing/advanced.hpp"

namespace gpu {
namespace detail {

// The plan of arr[i_0, ..., indices, ..., i_{n-1}] (i_d: arange(n_d) shaped to axis d).
template <class T, class I>
fancy_plan<T> along_axis_plan(const ndarray<T>& arr, const ndarray<I>& indices, std::int64_t axis) {
    static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>, "`indices` must be an integer array");
    check_same_executor("take_along_axis", arr.where(), indices.where());
    const int ax = normalize_axis(axis, arr.ndim());
    if (indices.ndim() != arr.ndim()) throw value_error("`indices` and `arr` must have the same number of dimensions");
    fancy_plan<T> p;
    p.buf = arr.buffer();
    p.where = arr.where();
    p.offset = arr.offset();
    for (int d = 0; d < arr.ndim(); ++d) {
        if (d == ax) {
            ndarray<std::int64_t> idx;
            if constexpr (std::is_same_v<I, std::int64_t>) idx = indices;
            else idx = gpu::eval(indices.template astype<std::int64_t>());
            p.arrays.push_back({idx, d, arr.shape()[d], arr.strides()[d], false});
        } else {
            shape_t s = dims::filled(arr.ndim(), 1);
            s[d] = arr.shape()[d];
            p.arrays.push_back({gpu::arange<std::int64_t>(arr.shape()[d]).reshape(s), d, arr.shape()[d],
                                arr.strides()[d], true});
        }
    }
    p.bshape = broadcast_index_shapes(p.arrays);
    return p;
}

}  // namespace detail

// np.take_along_axis(arr, indices, axis): out[..., j, ...] = arr[..., indices[..., j, ...], ...].
template <class T, class I>
ndarray<T> take_along_axis(const ndarray<T>& arr, const ndarray<I>& indices, std::int64_t axis) {
    return detail::fancy_gather(detail::along_axis_plan(arr, indices, axis));
}

// np.take_along_axis(arr, indices, axis=None): arr flattened, indices 1-D.
template <class T, class I>
ndarray<T> take_along_axis(const ndarray<T>& arr, const ndarray<I>& indices) {
    if (indices.ndim() != 1)
        throw value_error("when axis=None, `indices` must have a single dimension.");
    return take_along_axis(arr.ndim() == 1 ? arr : gpu::eval(arr).reshape(shape_t{arr.size()}), indices, 0);
}

// np.put_along_axis(arr, indices, values, axis): arr[..., indices[..., j, ...], ...] = values,
// values broadcast to the indices' broadcast shape (the last write of a repeated index wins on
// the host; on the GPU which one lands is unspecified, as for a(idx) = v).
template <class T, class I, operand V>
void put_along_axis(const ndarray<T>& arr, const ndarray<I>& indices, const V& values, std::int64_t axis) {
    indexed<T>(detail::along_axis_plan(arr, indices, axis)) = values;
}

}  // namespace gpu
