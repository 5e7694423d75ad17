#pragma once
// Cumulative sums and products, as NumPy's cumsum / cumprod:
//   gpu::cumsum(a)          // of the flattened array (C order): shape (a.size(),)
//   gpu::cumsum(a, axis)    // along one axis (negative counts from the end): a's shape
//   gpu::cumprod(a), gpu::cumprod(a, axis)
//   gpu::cumulative_sum(x, axis, include_initial), gpu::cumulative_prod(...)   NumPy 2.1's array-API
//                           forms: axis may be omitted only for 1-D x; include_initial puts the
//                           identity (0 or 1) first, so the axis grows by one
// Result dtypes as NumPy's: bool and signed integers give int64, unsigned integers uint64,
// float32 and float64 keep theirs (float32 accumulates in float32). Integer overflow wraps. A 0-d
// input is taken as shape (1,), as NumPy does. The argument may be an array, any view of one
// (read in place, whatever its strides), or an element-wise expression, which is evaluated into a
// temporary array first (the scan does not fuse it). On the GPU a scan is one kernel (a
// single-pass scan with decoupled look-back, scans/scan_kernels.hpp) plus a small memset; float
// results may differ from a sequential sum by rounding, since the GPU adds in a different order.
#include <complex>
#include <optional>

#include "gpu/core/axis.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/manip/split.hpp"
#include "gpu/scans/scan_launch.hpp"

namespace gpu {
namespace detail {

// An expression's values as an array; an array (or view) stays itself.
template <class E>
auto scan_operand(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

// float16 and bfloat16 scan in float32 and round each result (NumPy rounds every partial sum
// to float16, so long half-precision scans here are the more accurate, and may differ from
// NumPy's in the last bits).
// Complex: cumsum adds the parts separately (two real scans, the same sums); cumprod runs the
// scan kernels on complex accumulators.
template <class Op, class T>
ndarray<scan_result_t<T>> scan_flat(const ndarray<T>& a);
template <class Op, class T>
ndarray<scan_result_t<T>> scan_axis(const ndarray<T>& a, std::int64_t axis);

// cumsum of a complex array: the real scans of its parts.
template <class F, class Scan>
ndarray<std::complex<F>> scan_complex_sum(const ndarray<std::complex<F>>& a, Scan scan) {
    const ndarray<F> re = scan(real(a)), im = scan(imag(a));
    ndarray<std::complex<F>> out(re.shape(), a.where());
    out.real().assign(re);
    out.imag().assign(im);
    return out;
}

template <class Op, class T>
ndarray<scan_result_t<T>> scan_flat(const ndarray<T>& a) {
    if constexpr (is_half(dtype_of_v<T>)) {
        return scan_flat<Op>(ndarray<float>(a.template astype<float>())).template astype<T>();
    } else if constexpr (is_complex(dtype_of_v<T>) && std::is_same_v<Op, gnd::scan_sum>) {
        return scan_complex_sum(a, [](const auto& x) { return scan_flat<Op>(x); });
    } else {
        ndarray<scan_result_t<T>> out(shape_t{a.size()}, a.where());
        run_scan<Op>(a, out, 0, true);
        return out;
    }
}

template <class Op, class T>
ndarray<scan_result_t<T>> scan_axis(const ndarray<T>& a, std::int64_t axis) {
    if (a.ndim() == 0) {  // NumPy ravels a 0-d input first, then checks the axis against ndim 1
        normalize_axis(axis, 1);
        return scan_flat<Op>(a);
    }
    if constexpr (is_half(dtype_of_v<T>)) {
        return scan_axis<Op>(ndarray<float>(a.template astype<float>()), axis).template astype<T>();
    } else if constexpr (is_complex(dtype_of_v<T>) && std::is_same_v<Op, gnd::scan_sum>) {
        return scan_complex_sum(a, [axis](const auto& x) { return scan_axis<Op>(x, axis); });
    } else {
        const int ax = normalize_axis(axis, a.ndim());
        ndarray<scan_result_t<T>> out(a.shape(), a.where());
        run_scan<Op>(a, out, ax, false);
        return out;
    }
}

}  // namespace detail

// np.cumsum(a): the running sums of the flattened array, shape (a.size(),).
template <expression E>
auto cumsum(const E& a) {
    return detail::scan_flat<detail::gnd::scan_sum>(detail::scan_operand(a));
}

// np.cumsum(a, axis): the running sums along `axis`, a's shape.
template <expression E>
auto cumsum(const E& a, std::int64_t axis) {
    return detail::scan_axis<detail::gnd::scan_sum>(detail::scan_operand(a), axis);
}

// np.cumprod(a): the running products of the flattened array, shape (a.size(),).
template <expression E>
auto cumprod(const E& a) {
    return detail::scan_flat<detail::gnd::scan_prod>(detail::scan_operand(a));
}

// np.cumprod(a, axis): the running products along `axis`, a's shape.
template <expression E>
auto cumprod(const E& a, std::int64_t axis) {
    return detail::scan_axis<detail::gnd::scan_prod>(detail::scan_operand(a), axis);
}

namespace detail {
template <class Op, class E>
auto cumulative(const E& x, std::optional<std::int64_t> axis, bool include_initial, int identity) {
    auto a = scan_operand(x);
    if (!axis) {
        if (a.ndim() > 1)
            throw value_error("For arrays which have more than one dimension ``axis`` argument is required.");
        axis = 0;
    }
    const int ax = normalize_axis(*axis, a.ndim());
    auto scanned = scan_axis<Op>(a, ax);
    if (!include_initial) return scanned;
    shape_t shape = scanned.shape();
    shape[ax] += 1;
    decltype(scanned) out(shape, scanned.where());
    axis_range_view(out, ax, 0, 1).assign(identity);
    axis_range_view(out, ax, 1, shape[ax]).assign(scanned);
    return out;
}
}  // namespace detail

// np.cumulative_sum(x, axis=None, include_initial=False) and np.cumulative_prod.
template <expression E>
auto cumulative_sum(const E& x, std::optional<std::int64_t> axis = std::nullopt, bool include_initial = false) {
    return detail::cumulative<detail::gnd::scan_sum>(x, axis, include_initial, 0);
}
template <expression E>
auto cumulative_prod(const E& x, std::optional<std::int64_t> axis = std::nullopt, bool include_initial = false) {
    return detail::cumulative<detail::gnd::scan_prod>(x, axis, include_initial, 1);
}

}  // namespace gpu
