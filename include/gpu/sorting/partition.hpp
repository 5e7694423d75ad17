#pragma once
// np.partition / np.argpartition (kth: one index or several) and np.lexsort of 1-D keys.
// partition's contract: the element at each kth is the one a sort puts there, smaller ones (in
// NumPy's order, NaNs last) before it, the others after; the order within the parts is not
// specified, as in NumPy. Today the parts come out sorted (a stable sort satisfies every kth).
// lexsort: indices that sort by the last key, then the one before, ... (stable argsorts).
#include <cstdint>
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/indexing/indexing.hpp"
#include "gpu/sorting/sort.hpp"

namespace gpu {
namespace detail {

inline void check_kth(const std::vector<std::int64_t>& kth, std::int64_t n) {
    for (std::int64_t k : kth)
        if (k < -n || k >= n) throw value_error("kth(=" + std::to_string(k) + ") out of bounds (" + std::to_string(n) + ")");
}

template <class A>
std::int64_t partition_length(const A& a, std::int64_t axis) {
    if (a.ndim() == 0) throw axis_error("axis " + std::to_string(axis) + " is out of bounds for array of dimension 0");
    return a.shape()[normalize_axis(axis, a.ndim())];
}

}  // namespace detail

// np.partition(a, kth, axis=-1).
template <expression E>
auto partition(const E& e, const std::vector<std::int64_t>& kth, std::int64_t axis = -1) {
    const auto a = detail::sort_input(e);
    detail::check_kth(kth, detail::partition_length(a, axis));
    return gpu::sort(a, axis);
}
template <expression E>
auto partition(const E& e, std::int64_t kth, std::int64_t axis = -1) {
    return gpu::partition(e, std::vector<std::int64_t>{kth}, axis);
}

// np.argpartition(a, kth, axis=-1).
template <expression E>
ndarray<std::int64_t> argpartition(const E& e, const std::vector<std::int64_t>& kth, std::int64_t axis = -1) {
    const auto a = detail::sort_input(e);
    detail::check_kth(kth, detail::partition_length(a, axis));
    return gpu::argsort(a, axis);
}
template <expression E>
ndarray<std::int64_t> argpartition(const E& e, std::int64_t kth, std::int64_t axis = -1) {
    return gpu::argpartition(e, std::vector<std::int64_t>{kth}, axis);
}

// np.lexsort(keys): 1-D keys of one length; the last key is the primary one.
template <class T>
ndarray<std::int64_t> lexsort(const std::vector<ndarray<T>>& keys) {
    if (keys.empty()) throw type_error("need sequence of keys with len > 0 in lexsort");
    const std::int64_t n = keys[0].size();
    for (const auto& k : keys) {
        if (k.ndim() != 1) throw value_error("gpu::lexsort takes 1-D keys");
        if (k.size() != n) throw value_error("all keys need to be the same shape");
    }
    ndarray<std::int64_t> perm = gpu::argsort(keys[0]);
    for (std::size_t j = 1; j < keys.size(); ++j) {
        const ndarray<std::int64_t> step = gpu::argsort(gpu::take(keys[j], perm));
        perm = gpu::take(perm, step);
    }
    return perm;
}

}  // namespace gpu
