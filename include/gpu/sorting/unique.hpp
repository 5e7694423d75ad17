#pragma once
// np.unique of the flattened array and NumPy 2's array-API forms:
//   gpu::unique(a)                                   sorted distinct values, 1-D
//   gpu::unique(a, return_index, return_inverse, return_counts[, equal_nan = true])
//       -> gpu::unique_result<T>{values, indices, inverse, counts} (the members asked for are
//          filled; the others are empty); inverse has a's shape (NumPy 2)
//   gpu::unique_values(a), unique_counts(a) -> {values, counts}, unique_inverse(a) ->
//       {values, inverse_indices}, unique_all(a) -> {values, indices, inverse_indices, counts}
//       (equal_nan = false, as NumPy's array-API functions: every NaN is its own value)
// With equal_nan, all NaNs are one value (NumPy's default for np.unique). indices are the first
// occurrences (the sort is stable). Built from the library's stable sort / argsort and its
// element-wise, mask, take, put and cumsum operations, so both executors run the same steps; on
// the GPU nothing is copied to the host but the number of distinct values (the result's size).
// Not yet: unique along an axis.
#include <cstdint>

#include "gpu/creation/fill.hpp"
#include "gpu/indexing/indexing.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/sorting/sort.hpp"
#include "gpu/views/index.hpp"

namespace gpu {

template <class T>
struct unique_result {
    ndarray<T> values;
    ndarray<std::int64_t> indices, inverse, counts;
};

template <class T>
struct unique_counts_result {
    ndarray<T> values;
    ndarray<std::int64_t> counts;
};

template <class T>
struct unique_inverse_result {
    ndarray<T> values;
    ndarray<std::int64_t> inverse_indices;
};

template <class T>
struct unique_all_result {
    ndarray<T> values;
    ndarray<std::int64_t> indices, inverse_indices, counts;
};

namespace detail {

template <class T>
unique_result<T> unique_impl(const ndarray<T>& a, bool want_index, bool want_inverse, bool want_counts,
                             bool equal_nan) {
    const std::int64_t n = a.size();
    const executor where = a.where();
    const ndarray<T> flat = a.reshape(shape_t{n});
    unique_result<T> r;
    ndarray<std::int64_t> perm;
    ndarray<T> s;
    if (want_index || want_inverse) {
        perm = gpu::argsort(flat);
        s = gpu::take(flat, perm);
    } else {
        s = gpu::sort(flat);
    }
    if (n == 0) {
        r.values = s;
        if (want_index) r.indices = ndarray<std::int64_t>(shape_t{0}, where);
        if (want_inverse) r.inverse = ndarray<std::int64_t>(a.shape(), where);
        if (want_counts) r.counts = ndarray<std::int64_t>(shape_t{0}, where);
        return r;
    }
    // flags[i]: s[i] starts a new value.
    ndarray<bool> flags(shape_t{n}, where);
    flags(gpu::slice(0, 1)) = true;
    if (n > 1) {
        const ndarray<T> b = s(gpu::slice(1, n)), p = s(gpu::slice(0, n - 1));
        if constexpr (std::is_floating_point_v<T>) {
            if (equal_nan) flags(gpu::slice(1, n)) = (b != p) && !((b != b) && (p != p));
            else flags(gpu::slice(1, n)) = b != p;
        } else {
            flags(gpu::slice(1, n)) = b != p;
        }
    }
    r.values = s[flags];
    if (want_index || want_counts) {
        const ndarray<std::int64_t> starts = gpu::flatnonzero(flags);
        const std::int64_t k = starts.size();
        if (want_index) r.indices = gpu::take(perm, starts);
        if (want_counts) {
            r.counts = ndarray<std::int64_t>(shape_t{k}, where);
            if (k > 1) r.counts(gpu::slice(0, k - 1)) = starts(gpu::slice(1, k)) - starts(gpu::slice(0, k - 1));
            r.counts(gpu::slice(k - 1, k)) = std::int64_t{n} - starts(gpu::slice(k - 1, k));
        }
    }
    if (want_inverse) {
        ndarray<std::int64_t> rank = gpu::cumsum(flags);  // 1-based value number of each sorted element
        ndarray<std::int64_t> inv(shape_t{n}, where);
        gpu::put(inv, perm, ndarray<std::int64_t>(rank - std::int64_t{1}));
        r.inverse = inv.reshape(a.shape());
    }
    return r;
}

template <class E>
auto unique_operand(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

}  // namespace detail

// np.unique(a): the sorted distinct values of the flattened array (NaNs as one).
template <expression E>
auto unique(const E& a) {
    return detail::unique_impl(detail::unique_operand(a), false, false, false, true).values;
}

// np.unique(a, return_index, return_inverse, return_counts, equal_nan=True).
template <expression E>
auto unique(const E& a, bool return_index, bool return_inverse, bool return_counts, bool equal_nan = true) {
    return detail::unique_impl(detail::unique_operand(a), return_index, return_inverse, return_counts, equal_nan);
}

// np.unique_values(x) (NaNs distinct).
template <expression E>
auto unique_values(const E& a) {
    return detail::unique_impl(detail::unique_operand(a), false, false, false, false).values;
}

// np.unique_counts(x) -> {values, counts}.
template <expression E>
auto unique_counts(const E& a) {
    auto r = detail::unique_impl(detail::unique_operand(a), false, false, true, false);
    return unique_counts_result<typename decltype(r.values)::value_type>{r.values, r.counts};
}

// np.unique_inverse(x) -> {values, inverse_indices} (inverse_indices has x's shape).
template <expression E>
auto unique_inverse(const E& a) {
    auto r = detail::unique_impl(detail::unique_operand(a), false, true, false, false);
    return unique_inverse_result<typename decltype(r.values)::value_type>{r.values, r.inverse};
}

// np.unique_all(x) -> {values, indices, inverse_indices, counts}.
template <expression E>
auto unique_all(const E& a) {
    auto r = detail::unique_impl(detail::unique_operand(a), true, true, true, false);
    return unique_all_result<typename decltype(r.values)::value_type>{r.values, r.indices, r.inverse, r.counts};
}

}  // namespace gpu
