#pragma once
// np.append, np.insert, np.delete (spelled gpu::delete_: delete is a C++ keyword), np.trim_zeros.
//   gpu::append(arr, values, axis = std::nullopt)   joined (raveled first without an axis); the
//                                                   dtype promotes as concatenate's
//   gpu::insert(arr, obj, values, axis = nullopt)   obj an index (values form one block there,
//                                                   NumPy's moveaxis rule) or an integer array (one
//                                                   slab before each index); arr's dtype
//   gpu::delete_(arr, obj, axis = nullopt)          obj an index, an integer or boolean array, or a
//                                                   gpu::slice
// insert and delete_ compute the index table on the host (obj is read back when it is a device
// array) and gather once with gpu::take.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "gpu/functions/common.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/views/index.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {
namespace detail {

inline ndarray<std::int64_t> index_table(const std::vector<std::int64_t>& v, executor where) {
    ndarray<std::int64_t> t(shape_t{static_cast<std::int64_t>(v.size())}, where);
    if (!v.empty()) copy_bytes(t.data(), where, v.data(), executor::host, t.nbytes());
    return t;
}

template <class I>
std::vector<std::int64_t> host_indices(const ndarray<I>& obj) {
    std::vector<std::int64_t> out;
    for (const I v : gpu::asnumpy(obj)) out.push_back(static_cast<std::int64_t>(v));
    return out;
}

// arr and axis as NumPy's insert/delete see them: raveled without an axis.
template <class T>
std::pair<ndarray<T>, int> edit_target(const ndarray<T>& arr, std::optional<std::int64_t> axis) {
    if (!axis) return {arr.ravel(), 0};
    return {arr, normalize_axis(*axis, arr.ndim())};
}

// Inserts the slabs of `block` (arr's shape, numnew along ax) before the positions `at` (sorted
// by NumPy's stable rule, each in [0, n]).
template <class T>
ndarray<T> insert_slabs(const ndarray<T>& a, int ax, const ndarray<T>& block, std::vector<std::int64_t> at) {
    const std::int64_t n = a.shape()[ax], numnew = static_cast<std::int64_t>(at.size());
    std::vector<std::int64_t> order(at.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return at[x] < at[y]; });
    // Output position of new slab order[r] is at[order[r]] + r; every other position takes the
    // next old slab.
    std::vector<std::int64_t> table(static_cast<std::size_t>(n + numnew), -1);
    for (std::int64_t r = 0; r < numnew; ++r) table[at[order[r]] + r] = n + order[r];
    std::int64_t next = 0;
    for (auto& t : table)
        if (t < 0) t = next++;
    const ndarray<T> joined = concatenate({a, block}, ax);
    return gpu::take(joined, index_table(table, a.where()), ax);
}

template <class T, class V>
ndarray<T> values_block(const ndarray<T>& a, int ax, const V& values, std::int64_t numnew) {
    shape_t s = a.shape();
    s[ax] = numnew;
    ndarray<T> block(s, a.where());
    if (block.size() > 0) block.assign(values);
    return block;
}

}  // namespace detail

template <class T, class U>
auto append(const ndarray<T>& arr, const ndarray<U>& values, std::optional<std::int64_t> axis = std::nullopt) {
    if (!axis) return concatenate(std::tuple{arr.ravel(), values.ravel()}, 0);
    return concatenate(std::tuple{arr, values}, axis);
}

// np.append(arr, scalar): the scalar as np.asarray makes it (a C++ int is int64), appended.
template <class T, class S>
    requires is_cpp_scalar_v<S>
auto append(const ndarray<T>& arr, S value) {
    return append(arr, detail::filled<detail::scalar_array_t<S>>(shape_t{1}, value, arr.where()));
}

// np.insert(arr, index, values, axis): values (a scalar or an array) form one block before index.
template <class T, class V>
ndarray<T> insert(const ndarray<T>& arr, std::int64_t index, const V& values, std::optional<std::int64_t> axis = std::nullopt) {
    const auto [a, ax] = detail::edit_target(arr, axis);
    const std::int64_t n = a.shape()[ax];
    if (index < -n || index > n)
        throw index_error("index " + std::to_string(index) + " is out of bounds for axis " + std::to_string(ax) +
                          " with size " + std::to_string(n));
    if (index < 0) index += n;
    // NumPy: values = array(values, ndmin=arr.ndim), then its axis 0 moved to `axis`.
    ndarray<T> v;
    if constexpr (is_ndarray_v<V>) v = detail::as_dtype<T>(values);
    else v = detail::filled<T>(shape_t{}, values, a.where());
    shape_t s = dims::filled(a.ndim() - std::min(v.ndim(), a.ndim()), 1);
    for (auto e : v.shape()) s.push_back(e);
    v = gpu::moveaxis(v.reshape(s), 0, ax);
    const std::int64_t numnew = v.shape()[ax];
    return detail::insert_slabs(a, ax, detail::values_block(a, ax, v, numnew),
                                std::vector<std::int64_t>(static_cast<std::size_t>(numnew), index));
}

// np.insert(arr, indices, values, axis): one slab before each index; values broadcast to them.
template <class T, class I, class V>
ndarray<T> insert(const ndarray<T>& arr, const ndarray<I>& indices, const V& values,
                  std::optional<std::int64_t> axis = std::nullopt) {
    static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>, "gpu::insert: indices must be integers");
    const auto [a, ax] = detail::edit_target(arr, axis);
    const std::int64_t n = a.shape()[ax];
    std::vector<std::int64_t> at = detail::host_indices(indices);
    for (auto& i : at) {
        if (i < -n || i > n)
            throw index_error("index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(ax) +
                              " with size " + std::to_string(n));
        if (i < 0) i += n;
    }
    const auto numnew = static_cast<std::int64_t>(at.size());
    return detail::insert_slabs(a, ax, detail::values_block(a, ax, values, numnew), at);
}

namespace detail {

template <class T>
ndarray<T> delete_keep(const ndarray<T>& a, int ax, const std::vector<bool>& drop) {
    std::vector<std::int64_t> keep;
    for (std::size_t i = 0; i < drop.size(); ++i)
        if (!drop[i]) keep.push_back(static_cast<std::int64_t>(i));
    return gpu::take(a, index_table(keep, a.where()), ax);
}

}  // namespace detail

// np.delete(arr, index, axis).
template <class T>
ndarray<T> delete_(const ndarray<T>& arr, std::int64_t index, std::optional<std::int64_t> axis = std::nullopt) {
    const auto [a, ax] = detail::edit_target(arr, axis);
    const std::int64_t n = a.shape()[ax];
    if (index < -n || index >= n)
        throw index_error("index " + std::to_string(index) + " is out of bounds for axis " + std::to_string(ax) +
                          " with size " + std::to_string(n));
    std::vector<bool> drop(static_cast<std::size_t>(n), false);
    drop[index < 0 ? index + n : index] = true;
    return detail::delete_keep(a, ax, drop);
}

// np.delete(arr, indices, axis): integer indices (repeats allowed) or a boolean mask of the axis.
template <class T, class I>
ndarray<T> delete_(const ndarray<T>& arr, const ndarray<I>& obj, std::optional<std::int64_t> axis = std::nullopt) {
    const auto [a, ax] = detail::edit_target(arr, axis);
    const std::int64_t n = a.shape()[ax];
    std::vector<bool> drop(static_cast<std::size_t>(n), false);
    if constexpr (std::is_same_v<I, bool>) {
        if (obj.ndim() != 1 || obj.size() != n)
            throw value_error("boolean array argument obj to delete must be one dimensional and match the axis "
                              "length of " + std::to_string(n));
        const auto h = gpu::asnumpy(obj);
        std::int64_t i = 0;
        for (const bool b : h) drop[i++] = b;
    } else {
        for (std::int64_t i : detail::host_indices(obj)) {
            if (i < -n || i >= n)
                throw index_error("index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(ax) +
                                  " with size " + std::to_string(n));
            drop[i < 0 ? i + n : i] = true;
        }
    }
    return detail::delete_keep(a, ax, drop);
}

// np.delete(arr, slice, axis).
template <class T>
ndarray<T> delete_(const ndarray<T>& arr, const gpu::slice& s, std::optional<std::int64_t> axis = std::nullopt) {
    const auto [a, ax] = detail::edit_target(arr, axis);
    const std::int64_t n = a.shape()[ax];
    const detail::slice_range r = detail::slice_indices(s, n);
    std::vector<bool> drop(static_cast<std::size_t>(n), false);
    for (std::int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step) drop[i] = true;
    return detail::delete_keep(a, ax, drop);
}

// np.trim_zeros(filt, trim="fb"): the view of 1-D filt without its leading ("f") and/or
// trailing ("b") zeros (one nonzero pass and two element reads).
template <class T>
ndarray<T> trim_zeros(const ndarray<T>& filt, std::string_view trim = "fb") {
    bool front = false, back = false;
    for (char c : trim) {
        if (c == 'f' || c == 'F') front = true;
        else if (c == 'b' || c == 'B') back = true;
        else throw value_error("unexpected character(s) in `trim`: '" + std::string(trim) + "'");
    }
    if (filt.ndim() != 1) throw value_error("trim_zeros: filt must be 1-D");
    const std::int64_t n = filt.size();
    const ndarray<std::int64_t> nz = gpu::flatnonzero(filt);
    std::int64_t first = front ? n : 0, last = back ? 0 : n;
    if (nz.size() > 0) {
        if (front) first = nz(0).item();
        if (back) last = nz(nz.size() - 1).item() + 1;
    }
    return detail::axis_range_view(filt, 0, first, std::max(first, last));
}

}  // namespace gpu
