#pragma once
// gpu::take(a, indices[, axis]): NumPy's take, mode 'raise'. Without an axis the flattened array
// is indexed; the result has the shape a.shape[:axis] + indices.shape + a.shape[axis + 1:].
// Negative indices count from the end; an index out of range is NumPy's IndexError (on the GPU
// the kernel records it and the host reads the flag back: one synchronization per call).
#include <cstdint>

#include "gpu/core/axis.hpp"
#include "gpu/indexing/launch.hpp"

namespace gpu {
namespace detail {

// Gathers from a contiguous (outer, n, inner) array into out (outer, m, inner).
template <class T, class I>
void gather(const ndarray<T>& a, const ndarray<I>& idx, ndarray<T>& out, std::int64_t n, std::int64_t inner,
            int axis) {
    const std::int64_t m = idx.size(), total = out.size();
    if (total == 0) return;
    if (a.where() == executor::host) {
        const I* ix = idx.data();
        long long x, j;
        for (std::int64_t k = 0; k < m; ++k)  // check first: NumPy raises for the first bad index
            if (!gnd::wrap_index(ix[k], n, x)) throw_index_out_of_bounds(static_cast<std::int64_t>(ix[k]), axis, n);
        for (std::int64_t i = 0; i < total; ++i) gnd::gather_element(out.data(), a.data(), ix, i, m, n, inner, j);
        return;
    }
    using S = storage_t<T>;
    using K = gather_kernel<S, I>;
    bad_index_flag bad;
    kernel_args<96, 8> args;
    args.push(reinterpret_cast<S*>(out.data()));
    args.push(reinterpret_cast<const S*>(a.data()));
    args.push(idx.data());
    args.push(static_cast<long long>(m));
    args.push(static_cast<long long>(n));
    args.push(static_cast<long long>(inner));
    args.push(static_cast<long long>(total));
    args.push(bad.ptr());
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = blocks_for(total)}, args.argv,
           "launching the take kernel", a, idx, out);
    bad.check(idx.data(), axis, n);
}

template <class T, class I>
ndarray<T> take_impl(const ndarray<T>& a, const ndarray<I>& indices, bool has_axis, std::int64_t axis_arg) {
    static_assert(is_index_dtype_v<I>,
                  "gpu::take: indices must be an integer array (NumPy: Cannot cast array data from dtype('float64') to "
                  "dtype('int64') according to the rule 'same_kind')");
    check_same_executor("take", a.where(), indices.where());
    const ndarray<T> src = contiguous(a);
    const ndarray<I> idx = contiguous(indices);
    shape_t out_shape;
    std::int64_t n = a.size(), inner = 1;
    int axis = 0;
    if (!has_axis) {
        out_shape = indices.shape();
    } else {
        axis = normalize_axis(axis_arg, a.ndim());
        n = a.shape()[axis];
        for (int d = 0; d < axis; ++d) out_shape.push_back(a.shape()[d]);
        for (auto e : indices.shape()) out_shape.push_back(e);
        for (int d = axis + 1; d < a.ndim(); ++d) {
            out_shape.push_back(a.shape()[d]);
            inner *= a.shape()[d];
        }
    }
    ndarray<T> out(out_shape, a.where());
    if (n == 0 && out.size() != 0) throw index_error("cannot do a non-empty take from an empty axes.");
    gather(src, idx, out, n, inner, axis);
    return out;
}

}  // namespace detail

// np.take(a, indices): elements of the flattened array; the result has indices' shape.
template <class T, class I>
ndarray<T> take(const ndarray<T>& a, const ndarray<I>& indices) {
    return detail::take_impl(a, indices, false, 0);
}

// np.take(a, indices, axis=axis): subarrays along an axis (negative axes count from the end).
template <class T, class I>
ndarray<T> take(const ndarray<T>& a, const ndarray<I>& indices, std::int64_t axis) {
    return detail::take_impl(a, indices, true, axis);
}

}  // namespace gpu
