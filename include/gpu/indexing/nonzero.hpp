#pragma once
// Where an array is non-zero, as NumPy computes it: gpu::nonzero (one int64 array per axis),
// gpu::argwhere (shape (count, ndim)), gpu::flatnonzero (flat C-order indices),
// gpu::count_nonzero (an int64) and one-argument gpu::where(cond) (== nonzero). Each takes an
// array or an expression (evaluated first: gpu::nonzero(a > 0)). The output size depends on the
// data, so each call reads a count back from the GPU (one synchronization, as in CuPy).
#include <cstdint>
#include <vector>

#include "gpu/indexing/launch.hpp"

namespace gpu {
namespace detail {

// An expression's values as an array (an array stays itself).
template <class E>
auto as_array(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

template <class T>
std::int64_t count_nonzero_of(const ndarray<T>& a) {
    const ndarray<T> c = contiguous(a);
    const auto* p = reinterpret_cast<const truth_t<T>*>(c.data());
    if (a.where() == executor::host) return count_true_host(p, c.size());
    return plan_compaction(p, c.size(), false, c).count;
}

// The action writing the coordinates of true elements within `shape` into out (X: the int64
// type of the executor that runs it).
template <class X>
gnd::coords_action<X> coords_into(ndarray<std::int64_t>& out, std::int64_t count, const shape_t& shape, bool per_axis) {
    gnd::coords_action<X> act{reinterpret_cast<X*>(out.data()), count, static_cast<int>(shape.size()), per_axis ? 1 : 0, {}};
    for (int d = 0; d < act.ndim; ++d) act.shape.v[d] = shape[d];
    return act;
}

// The coordinates of a's non-zero elements within `shape` (a's shape, or (size,) for flat
// indices): rows of (count, ndim) when per_axis is false, else (ndim, count).
template <class T>
ndarray<std::int64_t> coordinates(const ndarray<T>& a, const shape_t& shape, bool per_axis) {
    const ndarray<T> c = contiguous(a);
    const auto* p = reinterpret_cast<const truth_t<T>*>(c.data());
    const std::int64_t n = c.size();
    const int nd = shape.size();
    if (a.where() == executor::host) {
        const std::int64_t count = count_true_host(p, n);
        ndarray<std::int64_t> out(per_axis ? shape_t{nd, count} : shape_t{count, nd}, executor::host);
        if (nd > 0) compact_host(p, n, coords_into<std::int64_t>(out, count, shape, per_axis));
        return out;
    }
    const compaction_plan plan = plan_compaction(p, n, true, c);
    ndarray<std::int64_t> out(per_axis ? shape_t{nd, plan.count} : shape_t{plan.count, nd}, executor::cuda);
    if (plan.count == 0 || nd == 0) return out;
    run_compaction(p, coords_into<long long>(out, plan.count, shape, per_axis), plan, "launching the nonzero kernel",
                   c, out);
    return out;
}

}  // namespace detail

// np.count_nonzero(a): the number of non-zero elements (NaN counts, -0.0 does not).
template <expression E>
std::int64_t count_nonzero(const E& a) {
    return detail::count_nonzero_of(detail::as_array(a));
}

// np.nonzero(a): for each axis, the indices of the non-zero elements along it, in C order. The
// arrays are contiguous rows of one (ndim, count) buffer. A 0-d input is NumPy's ValueError.
template <expression E>
std::vector<ndarray<std::int64_t>> nonzero(const E& e) {
    const auto a = detail::as_array(e);
    if (a.ndim() == 0)
        throw value_error("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. "
                          "If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
    const ndarray<std::int64_t> all = detail::coordinates(a, a.shape(), true);
    const std::int64_t count = all.shape()[1];
    std::vector<ndarray<std::int64_t>> out;
    out.reserve(static_cast<std::size_t>(a.ndim()));
    for (int d = 0; d < a.ndim(); ++d)
        out.emplace_back(all.buffer(), shape_t{count}, strides_t{1}, all.offset() + d * count);
    return out;
}

// np.where(cond) with one argument: np.nonzero(cond).
template <expression E>
std::vector<ndarray<std::int64_t>> where(const E& cond) {
    return gpu::nonzero(cond);
}

// np.argwhere(a): shape (count, ndim), one row of coordinates per non-zero element in C order.
// As in NumPy, a 0-d input gives shape (count, 0).
template <expression E>
ndarray<std::int64_t> argwhere(const E& e) {
    const auto a = detail::as_array(e);
    if (a.ndim() == 0) return ndarray<std::int64_t>(shape_t{detail::count_nonzero_of(a), 0}, a.where());
    return detail::coordinates(a, a.shape(), false);
}

// np.flatnonzero(a): indices of the non-zero elements of the flattened array.
template <expression E>
ndarray<std::int64_t> flatnonzero(const E& e) {
    const auto a = detail::as_array(e);
    const ndarray<std::int64_t> rows = detail::coordinates(a, shape_t{a.size()}, false);
    return ndarray<std::int64_t>(rows.buffer(), shape_t{rows.shape()[0]}, strides_t{1}, rows.offset());
}

}  // namespace gpu
