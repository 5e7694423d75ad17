#pragma once
// gpu::put(a, indices, values): NumPy's put, mode 'raise'. Flat (C-order) indices into a,
// negative ones counting from the end; values cycle when shorter than indices and are converted
// to a's dtype as astype would. An index out of range is NumPy's IndexError.
// Differences from NumPy, on the GPU only: with repeated indices, which value lands is
// unspecified (NumPy: the last; CuPy and cuNumeric say the same); and on an IndexError every
// in-range index has been written (NumPy stops at the bad one). The host executor is exact.
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/indexing/launch.hpp"

namespace gpu {
namespace detail {

template <class T, class I>
void scatter_flat(const ndarray<T>& dst, const ndarray<I>& idx, const ndarray<T>& vals) {
    const std::int64_t n = dst.size(), ni = idx.size(), nv = vals.size();
    if (dst.where() == executor::host) {
        for (std::int64_t j = 0; j < ni; ++j)
            if (!gnd::put_element(dst.data(), n, idx.data(), j, vals.data(), nv))
                throw_index_out_of_bounds(static_cast<std::int64_t>(idx.data()[j]), 0, n);
        return;
    }
    using S = storage_t<T>;
    using K = put_kernel<S, I>;
    bad_index_flag bad;
    kernel_args<96, 7> args;
    args.push(reinterpret_cast<S*>(dst.data()));
    args.push(static_cast<long long>(n));
    args.push(static_cast<const I*>(idx.data()));
    args.push(static_cast<long long>(ni));
    args.push(reinterpret_cast<const S*>(vals.data()));
    args.push(static_cast<long long>(nv));
    args.push(bad.ptr());
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = blocks_for(ni)}, args.argv,
           "launching the put kernel", dst, idx, vals);
    bad.check(idx.data(), 0, n);
}

template <class T, class I, class U>
void put_impl(const ndarray<T>& a, const ndarray<I>& indices, const ndarray<U>& values) {
    static_assert(is_index_dtype_v<I>, "gpu::put: indices must be an integer array");
    static_assert(!std::is_same_v<I, std::uint64_t>,
                  "gpu::put: Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule "
                  "'safe' (NumPy's TypeError); convert the indices with astype<std::int64_t>()");
    check_same_executor("put", a.where(), indices.where());
    check_same_executor("put", a.where(), values.where());
    if (indices.size() > 0 && a.size() == 0) throw index_error("cannot replace elements of an empty array");
    if (indices.size() == 0 || values.size() == 0) return;  // NumPy does nothing for empty values
    // Inputs contiguous and in memory of their own (they may be views of a).
    ndarray<I> idx = indices;
    if (!idx.is_contiguous() || idx.buffer() == a.buffer()) idx = indices.copy();
    ndarray<T> vals;
    if constexpr (std::is_same_v<T, U>)
        vals = values.is_contiguous() && values.buffer() != a.buffer() ? values : values.copy();
    else
        vals = gpu::eval(values.template astype<T>());
    if (a.is_contiguous()) {
        scatter_flat(a, idx, vals);
    } else {
        const ndarray<T> tmp = a.copy();
        scatter_flat(tmp, idx, vals);
        ndarray<T>(a).assign(tmp);
    }
}

}  // namespace detail

// np.put(a, indices, values): writes into a's elements (a may be a view).
template <class T, class I, class U>
void put(const ndarray<T>& a, const ndarray<I>& indices, const ndarray<U>& values) {
    detail::put_impl(a, indices, values);
}

// np.put(a, indices, scalar): the scalar converted to T (an integer that does not fit an integer
// T is NumPy's OverflowError).
template <class T, class I, class S>
    requires is_cpp_scalar_v<S>
void put(const ndarray<T>& a, const ndarray<I>& indices, S value) {
    const auto leaf = detail::weak_scalar<dtype_of_v<T>>(value);  // NumPy's range check
    ndarray<T> one(shape_t{1}, a.where());
    one.assign(detail::gnd::cast<T>(leaf.value));
    detail::put_impl(a, indices, one);
}

}  // namespace gpu
