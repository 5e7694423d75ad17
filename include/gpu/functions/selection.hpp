#pragma once
// np.select and np.choose, each a chain of fused where(...) kernels (one per choice):
//   gpu::select(condlist, choicelist, default = 0)   the choice of the first true condition, else
//                                                    default; everything broadcasts together. The
//                                                    dtype is np.result_type(choices, default) with
//                                                    the default a weak scalar, as NumPy 2 (int32
//                                                    choices and 0 stay int32; 0.5 makes float64);
//                                                    a default out of that dtype's range is cast
//                                                    (wraps), as NumPy's np.full(..., dtype)
//   gpu::choose(a, choices, mode = "raise")          choices[a[i]][i]; "wrap" and "clip" modes
//   gpu::compress(condition, a[, axis])              the slices along axis (flattened a without
//                                                    one) where the 1-D condition is true
//   gpu::extract(condition, arr)                     arr's elements where condition is non-zero
// gpu::clip(a, lo, hi) takes arrays as bounds already (expr/operators.hpp).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu {

template <class T, class D = int>
    requires is_cpp_scalar_v<D>
auto select(const std::vector<ndarray<bool>>& condlist, const std::vector<ndarray<T>>& choicelist, D default_value = 0) {
    using R = type_of_t<promote_weak(dtype_of_v<T>, scalar_kind_v<D>)>;
    // NumPy 2.5 takes the dtype with the default weak, then fills with np.full(shape,
    // np.asarray(default), dtype), an unsafe cast: a default out of range wraps (int8 choices with
    // default 300 fill 44), no OverflowError.
    const R fill = static_cast<R>(default_value);
    if (condlist.size() != choicelist.size())
        throw value_error("list of cases must be same length as list of conditions");
    if (condlist.empty()) throw value_error("select with an empty condition list is not possible");
    shape_t shape;
    const executor where = condlist[0].where();
    for (std::size_t i = 0; i < condlist.size(); ++i) {
        detail::check_same_executor("select", where, condlist[i].where());
        detail::check_same_executor("select", where, choicelist[i].where());
        shape = broadcast_shapes(broadcast_shapes(shape, condlist[i].shape()), choicelist[i].shape());
    }
    ndarray<R> out = detail::filled<R>(shape, fill, where);
    for (std::size_t i = condlist.size(); i-- > 0;)  // the first true condition wins: it is applied last
        out.assign(gpu::where(condlist[i], choicelist[i], out));
    return out;
}

// The braced-list forms: gpu::select({x < 2, x > 3}, {x, x * x}, 42).
template <class T, class D = int>
    requires is_cpp_scalar_v<D>
auto select(std::initializer_list<ndarray<bool>> condlist, std::initializer_list<ndarray<T>> choicelist,
            D default_value = 0) {
    return gpu::select(std::vector<ndarray<bool>>(condlist), std::vector<ndarray<T>>(choicelist), default_value);
}

template <class I, class T>
ndarray<T> choose(const ndarray<I>& a, const std::vector<ndarray<T>>& choices, std::string_view mode = "raise") {
    static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>, "gpu::choose: a must be an integer array");
    if (mode != "raise" && mode != "wrap" && mode != "clip")
        throw value_error("clipmode must be one of 'clip', 'raise', or 'wrap' (got '" + std::string(mode) + "')");
    if (choices.empty()) throw value_error("0-length sequence.");
    const auto n = static_cast<std::int64_t>(choices.size());
    shape_t shape = a.shape();
    for (const auto& c : choices) {
        detail::check_same_executor("choose", a.where(), c.where());
        shape = broadcast_shapes(shape, c.shape());
    }
    ndarray<std::int64_t> idx = detail::as_dtype<std::int64_t>(a);
    if (mode == "raise") {
        if (idx.size() > 0 && gpu::any((idx < 0) | (idx >= n)).item()) throw value_error("invalid entry in choice array");
    } else if (mode == "wrap") {
        idx = gpu::eval(idx % n);  // % follows the divisor's sign, as Python's
    } else {
        idx = gpu::eval(gpu::clip(idx, 0, n - 1));
    }
    ndarray<T> out(shape, a.where());
    if (out.size() == 0) return out;
    out.assign(choices[n - 1]);
    for (std::int64_t k = n - 1; k-- > 0;) out.assign(gpu::where(idx == k, choices[k], out));
    return out;
}

template <class I, class T>
ndarray<T> choose(const ndarray<I>& a, std::initializer_list<ndarray<T>> choices, std::string_view mode = "raise") {
    return gpu::choose(a, std::vector<ndarray<T>>(choices), mode);
}

// np.compress(condition, a, axis): gpu::take of the condition's true positions along axis. A
// condition longer than the axis is allowed while its extra entries are false (NumPy's
// IndexError names the first true one beyond).
template <class C, class T>
ndarray<T> compress(const ndarray<C>& condition, const ndarray<T>& a, std::int64_t axis) {
    if (condition.ndim() != 1) throw value_error("condition must be a 1-d array");
    return gpu::take(a, gpu::flatnonzero(condition), axis);
}
template <class C, class T>
ndarray<T> compress(const ndarray<C>& condition, const ndarray<T>& a) {
    if (condition.ndim() != 1) throw value_error("condition must be a 1-d array");
    return gpu::take(a, gpu::flatnonzero(condition));
}

// np.extract(condition, arr): the elements of arr (flattened) where condition (flattened) is
// non-zero.
template <class C, class T>
ndarray<T> extract(const ndarray<C>& condition, const ndarray<T>& arr) {
    return gpu::take(arr, gpu::flatnonzero(condition));
}

}  // namespace gpu
