#pragma once
// np.average and np.ptp (ptp and trace are also methods: manip/methods.hpp).
//   gpu::average(a)                          a.mean()
//   gpu::average(a, axis)                    a.mean(axis)
//   gpu::average(a, gpu::none, weights)      sum(a * w) / sum(w), weights of a's shape
//   gpu::average(a, axis, weights)           weights of a's shape, or of shape (a.shape[axis],)
//   gpu::average(a, axis, weights, gpu::returned)   also the sum of weights (broadcast to the
//                                            average's shape): auto [avg, wsum] = ...
// With weights the dtype is np.result_type(a, w), and at least float64 for integer or bool a.
// Weights summing to zero are NumPy's ZeroDivisionError, raised here as gpu::value_error with its
// message (one read-back of any(sum == 0)).
#include <cstdint>
#include <type_traits>
#include <utility>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/manip/methods.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/reductions/stats.hpp"

namespace gpu {

// The tag asking average for the sum of weights too (NumPy's returned=True).
struct returned_t {
    explicit constexpr returned_t() = default;
};
inline constexpr returned_t returned{};

namespace detail {

template <class T, class W>
using average_t = std::conditional_t<std::is_floating_point_v<T>, type_of_t<promote(dtype_of_v<T>, dtype_of_v<W>)>,
                                     type_of_t<promote(promote(dtype_of_v<T>, dtype_of_v<W>), dtype::float64)>>;

// The weights as an array broadcasting against a (1-D weights along `axis` get size-1 axes).
template <class T, class W>
ndarray<W> average_weights(const ndarray<T>& a, const ndarray<W>& w, const std::optional<std::int64_t>& axis) {
    check_same_executor("average", a.where(), w.where());
    const int ax = axis ? normalize_axis(*axis, a.ndim()) : 0;  // NumPy normalizes the axis first
    if (a.shape() == w.shape()) return w;
    if (!axis) throw type_error("Axis must be specified when shapes of a and weights differ.");
    // NumPy 2: weights of another shape must be (a.shape[axis],), else ValueError (NumPy 1's
    // TypeError "1D weights expected ..." and "Length of weights not compatible ..." are gone).
    if (w.ndim() != 1 || w.shape()[0] != a.shape()[ax])
        throw value_error("Shape of weights must be consistent with shape of a along specified axis.");
    shape_t s = dims::filled(a.ndim(), 1);
    strides_t st = dims::filled(a.ndim(), 0);
    s[ax] = w.shape()[0];
    st[ax] = w.strides()[0];
    return ndarray<W>(w.buffer(), s, st, w.offset());
}

template <class T, class W>
auto average_impl(const ndarray<T>& a, const std::optional<std::int64_t>& axis, const ndarray<W>& weights) {
    using R = average_t<T, W>;
    const ndarray<W> w = average_weights(a, weights, axis);
    const auto wr = w.template astype<R>();
    const ndarray<R> avg_num = axis ? gpu::sum(a.template astype<R>() * wr, *axis) : gpu::sum(a.template astype<R>() * wr);
    // The weights' sum over the axis (size-1 axes where 1-D weights were), then broadcast to the
    // average's shape as NumPy returns it.
    const ndarray<R> wsum = axis ? gpu::sum(wr, *axis) : gpu::sum(wr);
    if (gpu::any(wsum == R(0)).item()) throw value_error("Weights sum to zero, can't be normalized");
    ndarray<R> scl(avg_num.shape(), a.where());
    scl.assign(wsum);
    return std::pair<ndarray<R>, ndarray<R>>{gpu::eval(avg_num / scl), scl};
}

}  // namespace detail

template <expression E>
auto average(const E& a) {
    return gpu::mean(a);
}
template <expression E>
auto average(const E& a, std::int64_t axis) {
    return gpu::mean(a, axis);
}
template <expression E, class W>
auto average(const E& a, std::int64_t axis, const ndarray<W>& weights) {
    return detail::average_impl(gpu::eval(a), std::optional<std::int64_t>(axis), weights).first;
}
template <expression E, class W>
auto average(const E& a, none_t, const ndarray<W>& weights) {
    return detail::average_impl(gpu::eval(a), std::nullopt, weights).first;
}
template <expression E, class W>
auto average(const E& a, std::int64_t axis, const ndarray<W>& weights, returned_t) {
    return detail::average_impl(gpu::eval(a), std::optional<std::int64_t>(axis), weights);
}
template <expression E, class W>
auto average(const E& a, none_t, const ndarray<W>& weights, returned_t) {
    return detail::average_impl(gpu::eval(a), std::nullopt, weights);
}

}  // namespace gpu
