#pragma once
// Element-wise NumPy functions that are compositions of ufuncs, fused like any expression:
// gpu::nan_to_num, gpu::isclose and gpu::sinc.
#include <cmath>
#include <limits>
#include <optional>

#include "gpu/expr/operators.hpp"

namespace gpu {

// np.nan_to_num(x, copy, nan, posinf, neginf): NaN -> nan, +inf -> posinf (default the dtype's
// largest value), -inf -> neginf (default its lowest); integers and bools are returned as they
// are; complex numbers part by part. `copy` is accepted for NumPy's argument order; the result
// is always a new expression.
template <expression E>
auto nan_to_num(const E& x, bool copy = true, double nan = 0.0, std::optional<double> posinf = std::nullopt,
                std::optional<double> neginf = std::nullopt) {
    (void)copy;
    auto node = detail::as_node(x);
    using T = typename decltype(node)::value_type;
    if constexpr (is_complex(dtype_of_v<T>)) {
        return detail::make_binary<detail::gnd::complex_from_parts>(
            nan_to_num(detail::make_unary<detail::gnd::real_>(node), copy, nan, posinf, neginf),
            nan_to_num(detail::make_unary<detail::gnd::imag_>(node), copy, nan, posinf, neginf));
    } else if constexpr (is_float(dtype_of_v<T>)) {
        // The largest finite value of T (float16: 65504, bfloat16: about 3.39e38).
        const double top = std::is_same_v<T, float16>    ? 65504.0
                           : std::is_same_v<T, bfloat16> ? 3.3895313892515355e38
                                                         : static_cast<double>(std::numeric_limits<detail::compute_t<T>>::max());
        const double hi = posinf ? *posinf : top;
        const double lo = neginf ? *neginf : -top;
        return where(isnan(node), nan, where(isposinf(node), hi, where(isneginf(node), lo, node)));
    } else {
        return node;
    }
}

// np.sinc(x) = sin(pi x) / (pi x), 1 at 0, computed as NumPy does (0 replaced by 1e-20 first);
// integers and bools give float64, floats keep their dtype.
template <expression E>
auto sinc(const E& x) {
    auto node = detail::as_node(x);
    auto y = 3.141592653589793 * where(node == 0, 1.0e-20, node);
    return sin(y) / y;
}

namespace detail {

// isclose's second operand as NumPy 2 takes it: converted to a float dtype (result_type(b, 1.0)).
template <class B>
auto isclose_float(const B& b) {
    if constexpr (is_cpp_scalar_v<B>) {
        return static_cast<double>(b);
    } else {
        auto n = as_node(b);
        using T = typename decltype(n)::value_type;
        if constexpr (is_inexact(dtype_of_v<T>)) return n;
        else return n.template astype<double>();
    }
}

}  // namespace detail

// np.isclose(a, b, rtol, atol, equal_nan): |a - b| <= atol + rtol * |b| for finite b, or a == b
// (equal infinities); NaNs are close to each other only with equal_nan.
template <operand A, operand B>
    requires detail::binary_operands<A, B>
auto isclose(const A& a, const B& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) {
    auto y = detail::isclose_float(b);
    auto x = [&] {
        if constexpr (is_cpp_scalar_v<A>) return static_cast<double>(a);
        else return detail::as_node(a);
    }();
    if constexpr (is_cpp_scalar_v<decltype(x)>) {
        return ((abs(x - y) <= atol + rtol * abs(y)) & isfinite(y)) | (x == y) | (isnan(y) & (equal_nan && x != x));
    } else if constexpr (is_cpp_scalar_v<decltype(y)>) {
        const bool fin = std::isfinite(y);
        return ((abs(x - y) <= atol + rtol * std::abs(y)) & fin) | (x == y) | (isnan(x) & (equal_nan && y != y));
    } else {
        return ((abs(x - y) <= atol + rtol * abs(y)) & isfinite(y)) | (x == y) | ((isnan(x) & isnan(y)) & equal_nan);
    }
}

}  // namespace gpu
