#pragma once
// NumPy's joining routines: concatenate, stack, hstack, vstack. Each makes a new array and
// writes every input into a view of it with one assign (one kernel per non-empty input): no
// kernels of their own. Inputs of one dtype come as a braced list or a std::vector; inputs of
// different dtypes as a std::tuple, and the result has NumPy's promoted dtype
// (gpu::concatenate(std::tuple{i32, f32}) is float64), each input converted by its assign. They
// must live on one executor, where the result is made.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/manip/split.hpp"
#include "gpu/views/dimensions.hpp"

namespace gpu {
namespace detail {

// The executor every array lives on (arrays is not empty).
template <class V>
executor joined_executor(std::span<const ndarray<V>> arrays) {
    const executor where = arrays[0].where();
    for (const auto& a : arrays)
        if (a.where() != where)
            throw device_error(std::string("operands live on different executors (") + to_string(where) + " and " +
                               to_string(a.where()) + "); move them with gpu::asnumpy / gpu::asarray first");
    return where;
}

// concatenate(arrays, axis=None): each input, raveled, fills the next range of a 1-D result.
// The range of the contiguous result is viewed with the input's shape, so no input is copied
// to be flattened first.
template <class V>
ndarray<V> concatenate_flat(std::span<const ndarray<V>> arrays) {
    std::int64_t total = 0;
    for (const auto& a : arrays) total += a.size();
    ndarray<V> out(shape_t{total}, joined_executor(arrays));
    std::int64_t at = 0;
    for (const auto& a : arrays) {
        if (a.size() > 0) manip_view(out, a.shape(), c_strides(a.shape()), at).assign(a);
        at += a.size();
    }
    return out;
}

template <class V>
ndarray<V> concatenate_impl(std::span<const ndarray<V>> arrays, std::optional<std::int64_t> axis) {
    if (arrays.empty()) throw value_error("need at least one array to concatenate");
    if (!axis) return concatenate_flat(arrays);
    const int nd = arrays[0].ndim();
    if (nd == 0) throw value_error("zero-dimensional arrays cannot be concatenated");
    const int ax = normalize_axis(*axis, nd);
    shape_t shape = arrays[0].shape();
    for (std::size_t i = 1; i < arrays.size(); ++i) {
        const shape_t& s = arrays[i].shape();
        if (s.size() != nd)
            throw value_error("all the input arrays must have same number of dimensions, but the array at index 0 "
                              "has " + std::to_string(nd) + " dimension(s) and the array at index " +
                              std::to_string(i) + " has " + std::to_string(s.size()) + " dimension(s)");
        for (int d = 0; d < nd; ++d) {
            if (d == ax) shape[d] += s[d];
            else if (s[d] != shape[d])
                throw value_error(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along "
                    "dimension " + std::to_string(d) + ", the array at index 0 has size " + std::to_string(shape[d]) +
                    " and the array at index " + std::to_string(i) + " has size " + std::to_string(s[d]));
        }
    }
    ndarray<V> out(shape, joined_executor(arrays));
    std::int64_t at = 0;
    for (const auto& a : arrays) {
        const std::int64_t n = a.shape()[ax];
        if (a.size() > 0) axis_range_view(out, ax, at, at + n).assign(a);
        at += n;
    }
    return out;
}

template <class V>
ndarray<V> stack_impl(std::span<const ndarray<V>> arrays, std::int64_t axis) {
    if (arrays.empty()) throw value_error("need at least one array to stack");
    const shape_t& in_shape = arrays[0].shape();
    for (const auto& a : arrays)
        if (a.shape() != in_shape) throw value_error("all input arrays must have the same shape");
    const int nd = in_shape.size();
    const int ax = normalize_axis(axis, nd + 1);
    shape_t shape;
    for (int d = 0; d <= nd; ++d)
        shape.push_back(d < ax ? in_shape[d] : d == ax ? static_cast<std::int64_t>(arrays.size()) : in_shape[d - 1]);
    ndarray<V> out(shape, joined_executor(arrays));
    // out[..., i, ...] (index i on axis ax) is a view with the input's shape.
    strides_t strides;
    for (int d = 0; d <= nd; ++d)
        if (d != ax) strides.push_back(out.strides()[d]);
    if (out.size() > 0)
        for (std::size_t i = 0; i < arrays.size(); ++i)
            manip_view(out, in_shape, strides, std::int64_t(i) * out.strides()[ax]).assign(arrays[i]);
    return out;
}

// np.atleast_1d / np.atleast_2d as views: leading size-1 axes until a has `ndim` dimensions.
template <class V>
ndarray<V> at_least_view(const ndarray<V>& a, int ndim) {
    if (a.ndim() >= ndim) return a;
    shape_t shape = dims::filled(ndim - a.ndim(), 1);
    strides_t strides = dims::filled(ndim - a.ndim(), 0);
    for (int d = 0; d < a.ndim(); ++d) shape.push_back(a.shape()[d]), strides.push_back(a.strides()[d]);
    return manip_view(a, shape, strides, a.offset());
}

// Joins at_least_view(a, ndim) of every input along `axis`, or along `axis_1d` when the first
// promoted input is 1-D (hstack's special case).
template <class V>
ndarray<V> stack_promoted(std::span<const ndarray<V>> arrays, int ndim, std::int64_t axis_1d, std::int64_t axis) {
    bool promote = false;
    for (const auto& a : arrays) promote = promote || a.ndim() < ndim;
    std::vector<ndarray<V>> promoted;  // only when some input is promoted
    if (promote) {
        promoted.reserve(arrays.size());
        for (const auto& a : arrays) promoted.push_back(at_least_view(a, ndim));
        arrays = promoted;
    }
    const bool one_d = !arrays.empty() && arrays[0].ndim() == 1;
    return concatenate_impl(arrays, std::optional<std::int64_t>(one_d ? axis_1d : axis));
}

}  // namespace detail

// np.concatenate(arrays, axis=0). axis = std::nullopt is NumPy's axis=None: every input is
// raveled first (0-d inputs are allowed then) and the result is 1-D.
template <class V>
ndarray<V> concatenate(const std::vector<ndarray<V>>& arrays, std::optional<std::int64_t> axis = 0) {
    return detail::concatenate_impl(std::span<const ndarray<V>>(arrays), axis);
}
template <class V>
ndarray<V> concatenate(std::initializer_list<ndarray<V>> arrays, std::optional<std::int64_t> axis = 0) {
    return detail::concatenate_impl(std::span<const ndarray<V>>(arrays.begin(), arrays.size()), axis);
}

// np.stack(arrays, axis=0): equal-shaped inputs joined along a new axis (0-d inputs give 1-D).
template <class V>
ndarray<V> stack(const std::vector<ndarray<V>>& arrays, std::int64_t axis = 0) {
    return detail::stack_impl(std::span<const ndarray<V>>(arrays), axis);
}
template <class V>
ndarray<V> stack(std::initializer_list<ndarray<V>> arrays, std::int64_t axis = 0) {
    return detail::stack_impl(std::span<const ndarray<V>>(arrays.begin(), arrays.size()), axis);
}

// np.hstack: inputs made at least 1-D, joined along axis 1 (along axis 0 when they are 1-D).
template <class V>
ndarray<V> hstack(const std::vector<ndarray<V>>& arrays) {
    return detail::stack_promoted(std::span<const ndarray<V>>(arrays), 1, 0, 1);
}
template <class V>
ndarray<V> hstack(std::initializer_list<ndarray<V>> arrays) {
    return detail::stack_promoted(std::span<const ndarray<V>>(arrays.begin(), arrays.size()), 1, 0, 1);
}

// np.vstack: inputs made at least 2-D ((n,) becomes (1, n)), joined along axis 0.
template <class V>
ndarray<V> vstack(const std::vector<ndarray<V>>& arrays) {
    return detail::stack_promoted(std::span<const ndarray<V>>(arrays), 2, 0, 0);
}
template <class V>
ndarray<V> vstack(std::initializer_list<ndarray<V>> arrays) {
    return detail::stack_promoted(std::span<const ndarray<V>>(arrays.begin(), arrays.size()), 2, 0, 0);
}

namespace detail {
// Every input as `shaped` makes it, then joined along `axis` (column_stack, dstack).
template <class V, class F>
ndarray<V> join_reshaped(std::span<const ndarray<V>> arrays, F&& shaped, std::int64_t axis) {
    std::vector<ndarray<V>> v;
    v.reserve(arrays.size());
    for (const auto& a : arrays) v.push_back(shaped(a));
    return concatenate_impl(std::span<const ndarray<V>>(v), std::optional<std::int64_t>(axis));
}
// column_stack's columns: a 0-d or 1-D input as a column (n, 1); 2-D and more as they are.
template <class V>
ndarray<V> as_column(const ndarray<V>& a) {
    if (a.ndim() >= 2) return a;
    return a.ndim() == 0 ? manip_view(a, shape_t{1, 1}, strides_t{0, 0}, a.offset())
                         : manip_view(a, shape_t{a.shape()[0], 1}, strides_t{a.strides()[0], 0}, a.offset());
}
}  // namespace detail

// np.column_stack: 1-D inputs as columns, joined along axis 1.
template <class V>
ndarray<V> column_stack(const std::vector<ndarray<V>>& arrays) {
    return detail::join_reshaped(std::span<const ndarray<V>>(arrays), detail::as_column<V>, 1);
}
template <class V>
ndarray<V> column_stack(std::initializer_list<ndarray<V>> arrays) {
    return column_stack(std::vector<ndarray<V>>(arrays));
}

// np.dstack: inputs made at least 3-D (np.atleast_3d), joined along axis 2.
template <class V>
ndarray<V> dstack(const std::vector<ndarray<V>>& arrays) {
    return detail::join_reshaped(std::span<const ndarray<V>>(arrays), [](const ndarray<V>& a) { return gpu::atleast_3d(a); }, 2);
}
template <class V>
ndarray<V> dstack(std::initializer_list<ndarray<V>> arrays) {
    return dstack(std::vector<ndarray<V>>(arrays));
}

// np.concat: the array API's name for concatenate.
template <class V>
ndarray<V> concat(const std::vector<ndarray<V>>& arrays, std::optional<std::int64_t> axis = 0) {
    return gpu::concatenate(arrays, axis);
}
template <class V>
ndarray<V> concat(std::initializer_list<ndarray<V>> arrays, std::optional<std::int64_t> axis = 0) {
    return gpu::concatenate(arrays, axis);
}

// ---- inputs of different dtypes: a std::tuple of arrays, NumPy's promoted result dtype ----------

namespace detail {

// np.result_type of the arrays' dtypes.
template <class V0, class... Vs>
constexpr dtype joined_dtype() {
    dtype d = dtype_of_v<V0>;
    ((d = promote(d, dtype_of_v<Vs>)), ...);
    return d;
}
template <class... Vs>
using joined_t = type_of_t<joined_dtype<Vs...>()>;

// The inputs as arrays of dtype R: an input of another dtype is converted first (one element-wise
// kernel; the joins themselves are written over one dtype).
template <class R, class... Vs>
std::vector<ndarray<R>> converted(const std::tuple<ndarray<Vs>...>& arrays) {
    std::vector<ndarray<R>> out;
    out.reserve(sizeof...(Vs));
    std::apply(
        [&](const auto&... a) {
            auto one = [&](const auto& x) {
                using X = typename std::remove_cvref_t<decltype(x)>::value_type;
                if constexpr (std::is_same_v<X, R>) out.push_back(x);
                else out.push_back(gpu::eval(x.template astype<R>()));
            };
            (one(a), ...);
        },
        arrays);
    return out;
}

}  // namespace detail

// np.concatenate((a, b, ...), axis=0) of arrays of different dtypes.
template <class... Vs>
    requires(sizeof...(Vs) > 0)
ndarray<detail::joined_t<Vs...>> concatenate(const std::tuple<ndarray<Vs>...>& arrays, std::optional<std::int64_t> axis = 0) {
    const auto v = detail::converted<detail::joined_t<Vs...>>(arrays);
    return detail::concatenate_impl(std::span(v.data(), v.size()), axis);
}
template <class... Vs>
    requires(sizeof...(Vs) > 0)
ndarray<detail::joined_t<Vs...>> stack(const std::tuple<ndarray<Vs>...>& arrays, std::int64_t axis = 0) {
    const auto v = detail::converted<detail::joined_t<Vs...>>(arrays);
    return detail::stack_impl(std::span(v.data(), v.size()), axis);
}
template <class... Vs>
    requires(sizeof...(Vs) > 0)
ndarray<detail::joined_t<Vs...>> hstack(const std::tuple<ndarray<Vs>...>& arrays) {
    const auto v = detail::converted<detail::joined_t<Vs...>>(arrays);
    return detail::stack_promoted(std::span(v.data(), v.size()), 1, 0, 1);
}
template <class... Vs>
    requires(sizeof...(Vs) > 0)
ndarray<detail::joined_t<Vs...>> vstack(const std::tuple<ndarray<Vs>...>& arrays) {
    const auto v = detail::converted<detail::joined_t<Vs...>>(arrays);
    return detail::stack_promoted(std::span(v.data(), v.size()), 2, 0, 0);
}

}  // namespace gpu
