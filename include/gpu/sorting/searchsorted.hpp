#pragma once
// np.searchsorted(a, v, side="left", sorter=None): for each element of v, the index in the 1-D
// array `a` (sorted ascending, NaNs last; or sorted through the permutation `sorter`) where it
// would be inserted to keep the order: the first such index ("left") or the last ("right").
// Result: int64, v's shape (0-d for a 0-d v). Values are compared in the common dtype of a and v.
// If `a` is not sorted the result is unspecified, as in NumPy. One thread per query on the GPU.
#include <cstdint>
#include <string_view>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/sorting/search_kernels.hpp"

namespace gpu {
namespace detail {

inline bool search_side_right(std::string_view side) {
    if (side == "left") return false;
    if (side == "right") return true;
    throw value_error("search side must be 'left' or 'right' (got '" + std::string(side) + "')");
}

template <class T>
ndarray<T> search_contiguous(const ndarray<T>& a) {
    return a.is_contiguous() ? a : a.copy();
}

template <class T, class U>
ndarray<std::int64_t> searchsorted_impl(const ndarray<T>& a0, const ndarray<U>& v0, bool right,
                                        const ndarray<std::int64_t>* sorter0) {
    if (a0.ndim() != 1) throw value_error("object too deep for desired array");
    const ndarray<T> a = search_contiguous(a0);
    const ndarray<U> v = search_contiguous(v0);
    ndarray<std::int64_t> sorter;
    if (sorter0) {
        if (sorter0->size() != a.size()) throw value_error("sorter.size must equal a.size");
        sorter = search_contiguous(sorter0->ndim() == 1 ? *sorter0 : sorter0->reshape(shape_t{sorter0->size()}));
        if (a.size() > 0) {
            const std::int64_t lo = sorter.min().item(), hi = sorter.max().item();
            if (lo < 0 || hi >= a.size()) throw value_error("Sorter index out of range.");
        }
    }
    using C = search_common_t<T, U>;
    ndarray<std::int64_t> out(v.shape(), v.where());
    const std::int64_t m = v.size(), n = a.size();
    if (m == 0) return out;
    const long long* s = sorter0 ? reinterpret_cast<const long long*>(sorter.data()) : nullptr;
    if (v.where() == executor::host) {
        std::int64_t* o = out.data();
        for (std::int64_t i = 0; i < m; ++i) o[i] = gnd::search_one<C>(a.data(), s, n, gnd::cast<C>(v.data()[i]), right);
        return out;
    }
    const cudaKernel_t k = get_kernel(kernel_slots<searchsorted_kernel<T, U>>::slot[0],
                                      [] { return searchsorted_kernel<T, U>::source(); });
    kernel_args<64, 7> args;
    args.push(a.data());
    args.push(s);
    args.push(static_cast<long long>(n));
    args.push(v.data());
    args.push(reinterpret_cast<long long*>(out.data()));
    args.push(static_cast<long long>(m));
    args.push(right);
    launch(k, {.gx = blocks_for(m)}, args.argv, "launching searchsorted", a, v, out);
    return out;
}

template <class E>
auto search_operand(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

}  // namespace detail

// np.searchsorted(a, v, side="left").
template <expression A, expression V>
ndarray<std::int64_t> searchsorted(const A& a, const V& v, std::string_view side = "left") {
    return detail::searchsorted_impl(detail::search_operand(a), detail::search_operand(v),
                                     detail::search_side_right(side), nullptr);
}

// np.searchsorted(a, v, side, sorter): `a` taken in the order of the int64 permutation `sorter`.
template <expression A, expression V>
ndarray<std::int64_t> searchsorted(const A& a, const V& v, std::string_view side, const ndarray<std::int64_t>& sorter) {
    return detail::searchsorted_impl(detail::search_operand(a), detail::search_operand(v),
                                     detail::search_side_right(side), &sorter);
}

}  // namespace gpu
