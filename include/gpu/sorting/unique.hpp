#pragma once
// np.unique of the flattened array and NumPy 2's array-API forms:
//   gpu::unique(a)                                   sorted distinct values, 1-D
//   gpu::unique(a, return_index, return_inverse, return_counts[, equal_nan = true])
//       -> gpu::unique_result<T>{values, indices, inverse, counts} (the members asked for are
//          filled; the others are empty); inverse has a's shape (NumPy 2)
//   gpu::unique_values(a), unique_counts(a) -> {values, counts}, unique_inverse(a) ->
//       {values, inverse_indices}, unique_all(a) -> {values, indices, inverse_indices, counts}
//       (equal_nan = false, as NumPy's array-API functions: every NaN is its own value)
// With equal_nan, all NaNs are one value (NumPy's default for np.unique; complex values with a
// NaN part are all one value, the first of them in sorted order, as NumPy 2). indices are the first
// occurrences (the sort is stable). Built from the library's stable sort / argsort and its
// element-wise, mask, take, put and cumsum operations, so both executors run the same steps; on
// the GPU nothing is copied to the host but the number of distinct values (the result's size).
//   gpu::unique(a, axis, return_index, return_inverse, return_counts): the distinct subarrays
//   along `axis` (compared element by element, first element first: a lexsort), in sorted order;
//   inverse and counts have one entry per index along the axis.
#include <cstdint>
#include <vector>

#include "gpu/creation/fill.hpp"
#include "gpu/indexing/indexing.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/sorting/partition.hpp"
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
        if constexpr (gpu::is_inexact(dtype_of_v<T>)) {  // a complex value holding a NaN counts as a NaN
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

// unique along `axis` (in [0, ndim)).
template <class T>
unique_result<T> unique_axis_impl(const ndarray<T>& a, int axis, bool want_index, bool want_inverse, bool want_counts) {
    const executor where = a.where();
    const int nd = a.ndim();
    const std::int64_t m = a.shape()[axis];
    dims order;  // axis first, the others in order
    order.push_back(axis);
    for (int d = 0; d < nd; ++d)
        if (d != axis) order.push_back(d);
    const ndarray<T> moved = a.transpose(order).copy();
    const std::int64_t rest = m ? moved.size() / m : 0;
    const ndarray<T> rows = moved.reshape(shape_t{m, rest});
    ndarray<std::int64_t> perm;
    if (rest == 0 || m == 0) {
        perm = gpu::arange<std::int64_t>(0, m);
    } else {
        std::vector<ndarray<T>> keys;  // lexsort: the last key is the primary one
        for (std::int64_t j = rest - 1; j >= 0; --j) keys.push_back(rows(gpu::slice(0, m), j));
        perm = gpu::lexsort(keys);
    }
    const ndarray<T> s = gpu::take(rows, perm, 0);
    unique_result<T> r;
    ndarray<bool> flags(shape_t{m}, where);
    if (m > 0) flags(gpu::slice(0, 1)) = true;
    if (m > 1) {
        if (rest > 0) flags(gpu::slice(1, m)) = gpu::any(s(gpu::slice(1, m)) != s(gpu::slice(0, m - 1)), 1);
        else flags(gpu::slice(1, m)) = false;
    }
    const ndarray<std::int64_t> starts = gpu::flatnonzero(flags);
    const std::int64_t k = starts.size();
    shape_t out_shape = moved.shape();
    out_shape[0] = k;
    const ndarray<T> picked = gpu::take(s, starts, 0).reshape(out_shape);
    dims back = dims::filled(nd, 0);
    for (int d = 0; d < nd; ++d) back[static_cast<int>(order[d])] = d;
    r.values = picked.transpose(back).copy();
    if (want_index) r.indices = gpu::take(perm, starts);
    if (want_counts) {
        r.counts = ndarray<std::int64_t>(shape_t{k}, where);
        if (k > 1) r.counts(gpu::slice(0, k - 1)) = starts(gpu::slice(1, k)) - starts(gpu::slice(0, k - 1));
        if (k > 0) r.counts(gpu::slice(k - 1, k)) = std::int64_t{m} - starts(gpu::slice(k - 1, k));
    }
    if (want_inverse) {
        ndarray<std::int64_t> inv(shape_t{m}, where);
        if (m > 0) gpu::put(inv, perm, ndarray<std::int64_t>(gpu::cumsum(flags) - std::int64_t{1}));
        r.inverse = inv;
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

// np.unique(a, axis=axis, return_index, return_inverse, return_counts). The axis is an int, so
// that unique(a, 0, true) is this form and unique(a, true, true, true) the flattened one.
template <expression E>
auto unique(const E& e, int axis, bool return_index = false, bool return_inverse = false,
            bool return_counts = false) {
    const auto a = detail::unique_operand(e);
    return detail::unique_axis_impl(a, detail::normalize_axis(axis, a.ndim()), return_index, return_inverse,
                                    return_counts);
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
