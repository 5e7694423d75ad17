#pragma once
// The public element-wise API: C++ operators and NumPy-named functions. Each builds a node; none
// computes anything until the expression is assigned or passed to gpu::eval. C++ scalars are
// weak, like Python scalars under NEP 50: they take the other operand's dtype when their kind
// allows it, and an integer that does not fit that dtype is an error.
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "gpu/core/error.hpp"
#include "gpu/expr/nodes.hpp"

namespace gpu {
namespace detail {

template <class T, class S>
bool fits_in(S v) {
    if constexpr (std::is_same_v<S, bool>) {
        return true;
    } else if constexpr (std::is_signed_v<S>) {
        return static_cast<long double>(v) >= static_cast<long double>(std::numeric_limits<T>::lowest()) &&
               static_cast<long double>(v) <= static_cast<long double>(std::numeric_limits<T>::max());
    } else {
        return static_cast<unsigned long long>(v) <= static_cast<unsigned long long>(std::numeric_limits<T>::max());
    }
}

template <class S>
std::string integer_text(S v) {
    return std::to_string(v);
}

// A weak C++ scalar meeting an operand of dtype D, converted to the dtype NumPy would use.
template <dtype D, class S>
auto weak_scalar(S v) {
    constexpr dtype target = promote_weak(D, scalar_kind_v<S>);
    using T = type_of_t<target>;
    if constexpr (scalar_kind_v<S> == scalar_kind::integer && is_integer(target)) {
        if (!fits_in<T>(v))
            throw overflow_error("Python integer " + integer_text(v) + " out of bounds for " +
                                 std::string(name_of(target)));
    }
    return scalar_leaf<T>(static_cast<T>(v));
}

// A scalar with no array beside it takes NumPy's default dtype for its kind.
template <class S>
auto strong_scalar(S v) {
    if constexpr (scalar_kind_v<S> == scalar_kind::boolean) return scalar_leaf<bool>(v);
    else if constexpr (scalar_kind_v<S> == scalar_kind::integer) return scalar_leaf<std::int64_t>(static_cast<std::int64_t>(v));
    else if constexpr (scalar_kind_v<S> == scalar_kind::complex)
        return scalar_leaf<std::complex<double>>(static_cast<std::complex<double>>(v));
    else return scalar_leaf<double>(static_cast<double>(v));
}

// The node for a scalar operand next to an operand of dtype D under operation Op.
template <class Op, dtype D, class S>
auto scalar_operand(S v) {
    // NumPy 2 compares integers with any Python integer exactly, even out of the dtype's range.
    if constexpr (std::is_same_v<typename Op::rule, rule_comparison> && is_integer(D) &&
                  scalar_kind_v<S> == scalar_kind::integer) {
        if constexpr (std::is_signed_v<S>) return scalar_leaf<std::int64_t>(static_cast<std::int64_t>(v));
        else return scalar_leaf<std::uint64_t>(static_cast<std::uint64_t>(v));
    } else {
        return weak_scalar<D>(v);
    }
}

template <class X>
using dtype_value = std::integral_constant<dtype, dtype_of_v<typename X::value_type>>;

template <class Op, class L, class R>
auto make_binary(const L& l, const R& r) {
    if constexpr (is_cpp_scalar_v<L>) {
        auto rn = as_node(r);
        auto ln = scalar_operand<Op, dtype_value<decltype(rn)>::value>(l);
        return binary_node<Op, decltype(ln), decltype(rn)>(std::move(ln), std::move(rn));
    } else if constexpr (is_cpp_scalar_v<R>) {
        auto ln = as_node(l);
        auto rn = scalar_operand<Op, dtype_value<decltype(ln)>::value>(r);
        return binary_node<Op, decltype(ln), decltype(rn)>(std::move(ln), std::move(rn));
    } else {
        return binary_node<Op, node_t<L>, node_t<R>>(as_node(l), as_node(r));
    }
}

template <class Op, class E>
auto make_unary(const E& e) {
    return unary_node<Op, node_t<E>>(as_node(e));
}

template <class L, class R>
concept binary_operands = operand<L> && operand<R> && (is_expression_v<L> || is_expression_v<R>);

}  // namespace detail

#define GPU_ND_BINARY_FUNCTION(FN, OP)                                      \
    template <class L, class R>                                             \
        requires detail::binary_operands<L, R>                              \
    auto FN(const L& l, const R& r) {                                       \
        return detail::make_binary<detail::gnd::OP>(l, r);                  \
    }
#define GPU_ND_BINARY_OPERATOR(SYM, OP) GPU_ND_BINARY_FUNCTION(operator SYM, OP)
#define GPU_ND_UNARY_FUNCTION(FN, OP)                                       \
    template <expression E>                                                 \
    auto FN(const E& e) {                                                   \
        return detail::make_unary<detail::gnd::OP>(e);                      \
    }

GPU_ND_BINARY_OPERATOR(+, add)
GPU_ND_BINARY_OPERATOR(-, subtract)
GPU_ND_BINARY_OPERATOR(*, multiply)
GPU_ND_BINARY_OPERATOR(/, true_divide)
GPU_ND_BINARY_OPERATOR(%, remainder)
GPU_ND_BINARY_OPERATOR(==, equal)
GPU_ND_BINARY_OPERATOR(!=, not_equal)
GPU_ND_BINARY_OPERATOR(<, less)
GPU_ND_BINARY_OPERATOR(<=, less_equal)
GPU_ND_BINARY_OPERATOR(>, greater)
GPU_ND_BINARY_OPERATOR(>=, greater_equal)
GPU_ND_BINARY_OPERATOR(&&, logical_and)
GPU_ND_BINARY_OPERATOR(||, logical_or)
GPU_ND_BINARY_OPERATOR(&, bitwise_and)
GPU_ND_BINARY_OPERATOR(|, bitwise_or)
GPU_ND_BINARY_OPERATOR(^, bitwise_xor)
GPU_ND_BINARY_OPERATOR(<<, left_shift)
GPU_ND_BINARY_OPERATOR(>>, right_shift)

GPU_ND_BINARY_FUNCTION(add, add)
GPU_ND_BINARY_FUNCTION(subtract, subtract)
GPU_ND_BINARY_FUNCTION(multiply, multiply)
GPU_ND_BINARY_FUNCTION(divide, true_divide)
GPU_ND_BINARY_FUNCTION(true_divide, true_divide)
GPU_ND_BINARY_FUNCTION(floor_divide, floor_divide)
GPU_ND_BINARY_FUNCTION(remainder, remainder)
GPU_ND_BINARY_FUNCTION(mod, remainder)
GPU_ND_BINARY_FUNCTION(maximum, maximum)
GPU_ND_BINARY_FUNCTION(minimum, minimum)
GPU_ND_BINARY_FUNCTION(equal, equal)
GPU_ND_BINARY_FUNCTION(not_equal, not_equal)
GPU_ND_BINARY_FUNCTION(less, less)
GPU_ND_BINARY_FUNCTION(less_equal, less_equal)
GPU_ND_BINARY_FUNCTION(greater, greater)
GPU_ND_BINARY_FUNCTION(greater_equal, greater_equal)
GPU_ND_BINARY_FUNCTION(logical_and, logical_and)
GPU_ND_BINARY_FUNCTION(logical_or, logical_or)
GPU_ND_BINARY_FUNCTION(bitwise_and, bitwise_and)
GPU_ND_BINARY_FUNCTION(bitwise_or, bitwise_or)
GPU_ND_BINARY_FUNCTION(bitwise_xor, bitwise_xor)
GPU_ND_BINARY_FUNCTION(left_shift, left_shift)
GPU_ND_BINARY_FUNCTION(right_shift, right_shift)

namespace detail {
// The hook of power's check of an integer exponent array: the check takes a reduction and a
// read-back, which build on expressions, so the layer that has them (reductions/power_check.hpp,
// in the umbrella header) supplies check_integer_exponents(power_exponents, e), found by
// argument-dependent lookup when power is instantiated.
struct power_exponents {};
}  // namespace detail

// power: NumPy refuses negative integer powers of integers. A scalar exponent is checked here; a
// signed integer array exponent of an integer power is checked before the node is made (one
// any(e < 0) reduction and a read-back, as NumPy's loop raises), except inside gpu::capture.
template <class L, class R>
    requires detail::binary_operands<L, R>
auto power(const L& l, const R& r) {
    if constexpr (is_cpp_scalar_v<R> && std::is_signed_v<R> && std::is_integral_v<R>) {
        if (is_integer(promote_weak(dtype_of_v<typename detail::node_t<L>::value_type>, scalar_kind::integer)) && r < 0)
            throw value_error("Integers to negative integer powers are not allowed.");
        return detail::make_binary<detail::gnd::power>(l, r);
    } else {
        auto node = detail::make_binary<detail::gnd::power>(l, r);
        if constexpr (!is_cpp_scalar_v<R>) {
            using E = typename detail::node_t<R>::value_type;
            using V = typename decltype(node)::value_type;
            if constexpr (std::is_integral_v<V> && !std::is_same_v<V, bool> && std::is_signed_v<E> &&
                          std::is_integral_v<E>)
                check_integer_exponents(detail::power_exponents{}, r);
        }
        return node;
    }
}

GPU_ND_UNARY_FUNCTION(operator-, negative)
GPU_ND_UNARY_FUNCTION(operator+, positive)
GPU_ND_UNARY_FUNCTION(operator~, invert)
GPU_ND_UNARY_FUNCTION(operator!, logical_not)
GPU_ND_UNARY_FUNCTION(negative, negative)
GPU_ND_UNARY_FUNCTION(positive, positive)
GPU_ND_UNARY_FUNCTION(invert, invert)
GPU_ND_UNARY_FUNCTION(bitwise_not, invert)
GPU_ND_UNARY_FUNCTION(logical_not, logical_not)
GPU_ND_UNARY_FUNCTION(abs, absolute)
GPU_ND_UNARY_FUNCTION(absolute, absolute)
GPU_ND_UNARY_FUNCTION(sqrt, sqrt_)
GPU_ND_UNARY_FUNCTION(exp, exp_)
GPU_ND_UNARY_FUNCTION(log, log_)
GPU_ND_UNARY_FUNCTION(sin, sin_)
GPU_ND_UNARY_FUNCTION(cos, cos_)
GPU_ND_UNARY_FUNCTION(tan, tan_)
GPU_ND_UNARY_FUNCTION(tanh, tanh_)
GPU_ND_UNARY_FUNCTION(floor, floor_)
GPU_ND_UNARY_FUNCTION(ceil, ceil_)

// The rest of NumPy's real ufuncs (expr/ops.hpp), with NumPy 2's array-API aliases.
GPU_ND_UNARY_FUNCTION(fabs, fabs_)
GPU_ND_UNARY_FUNCTION(sign, sign_)
GPU_ND_UNARY_FUNCTION(reciprocal, reciprocal)
GPU_ND_UNARY_FUNCTION(square, square)
GPU_ND_UNARY_FUNCTION(cbrt, cbrt_)
GPU_ND_UNARY_FUNCTION(exp2, exp2_)
GPU_ND_UNARY_FUNCTION(expm1, expm1_)
GPU_ND_UNARY_FUNCTION(log2, log2_)
GPU_ND_UNARY_FUNCTION(log10, log10_)
GPU_ND_UNARY_FUNCTION(log1p, log1p_)
GPU_ND_BINARY_FUNCTION(logaddexp, logaddexp)
GPU_ND_BINARY_FUNCTION(logaddexp2, logaddexp2)
GPU_ND_BINARY_FUNCTION(float_power, float_power)
GPU_ND_BINARY_FUNCTION(fmod, fmod_)
GPU_ND_UNARY_FUNCTION(arcsin, arcsin_)
GPU_ND_UNARY_FUNCTION(arccos, arccos_)
GPU_ND_UNARY_FUNCTION(arctan, arctan_)
GPU_ND_UNARY_FUNCTION(asin, arcsin_)
GPU_ND_UNARY_FUNCTION(acos, arccos_)
GPU_ND_UNARY_FUNCTION(atan, arctan_)
GPU_ND_UNARY_FUNCTION(sinh, sinh_)
GPU_ND_UNARY_FUNCTION(cosh, cosh_)
GPU_ND_UNARY_FUNCTION(arcsinh, arcsinh_)
GPU_ND_UNARY_FUNCTION(arccosh, arccosh_)
GPU_ND_UNARY_FUNCTION(arctanh, arctanh_)
GPU_ND_UNARY_FUNCTION(asinh, arcsinh_)
GPU_ND_UNARY_FUNCTION(acosh, arccosh_)
GPU_ND_UNARY_FUNCTION(atanh, arctanh_)
GPU_ND_BINARY_FUNCTION(arctan2, arctan2_)
GPU_ND_BINARY_FUNCTION(atan2, arctan2_)
GPU_ND_BINARY_FUNCTION(hypot, hypot_)
GPU_ND_UNARY_FUNCTION(degrees, degrees_)
GPU_ND_UNARY_FUNCTION(rad2deg, degrees_)
GPU_ND_UNARY_FUNCTION(radians, radians_)
GPU_ND_UNARY_FUNCTION(deg2rad, radians_)
GPU_ND_UNARY_FUNCTION(trunc, trunc_)
GPU_ND_UNARY_FUNCTION(fix, trunc_)  // np.fix rounds toward zero, keeping integer dtypes
GPU_ND_UNARY_FUNCTION(rint, rint_)
GPU_ND_UNARY_FUNCTION(isnan, isnan_)
GPU_ND_UNARY_FUNCTION(isinf, isinf_)
GPU_ND_UNARY_FUNCTION(isfinite, isfinite_)
GPU_ND_UNARY_FUNCTION(isposinf, isposinf_)
GPU_ND_UNARY_FUNCTION(isneginf, isneginf_)
GPU_ND_UNARY_FUNCTION(signbit, signbit_)
GPU_ND_BINARY_FUNCTION(copysign, copysign_)
GPU_ND_BINARY_FUNCTION(nextafter, nextafter_)
GPU_ND_UNARY_FUNCTION(spacing, spacing_)
GPU_ND_BINARY_FUNCTION(fmax, fmax_)
GPU_ND_BINARY_FUNCTION(fmin, fmin_)
GPU_ND_BINARY_FUNCTION(logical_xor, logical_xor)
GPU_ND_UNARY_FUNCTION(bitwise_invert, invert)
GPU_ND_UNARY_FUNCTION(bitwise_count, bitwise_count_)
GPU_ND_UNARY_FUNCTION(i0, i0_)
GPU_ND_BINARY_FUNCTION(bitwise_left_shift, left_shift)
GPU_ND_BINARY_FUNCTION(bitwise_right_shift, right_shift)
GPU_ND_BINARY_FUNCTION(gcd, gcd_)
GPU_ND_BINARY_FUNCTION(lcm, lcm_)
GPU_ND_BINARY_FUNCTION(heaviside, heaviside_)

// Complex numbers: np.conj / np.conjugate (a ufunc), np.angle, np.real and np.imag.
GPU_ND_UNARY_FUNCTION(conj, conjugate)
GPU_ND_UNARY_FUNCTION(conjugate, conjugate)
GPU_ND_UNARY_FUNCTION(angle, angle_)

namespace detail {
// The part (0: real, 1: imaginary) of a complex array as a strided view of its buffer.
template <class F>
ndarray<F> complex_part_view(const ndarray<std::complex<F>>& a, int part) {
    strides_t s = a.strides();
    for (int d = 0; d < s.size(); ++d) s[d] *= 2;
    return ndarray<F>(a.buffer(), a.shape(), s, 2 * a.offset() + part);
}
}  // namespace detail

// np.real(e): of an ndarray, a view (writable, as NumPy's a.real); of an expression, a lazy node.
template <expression E>
auto real(const E& e) {
    if constexpr (is_ndarray_v<E> && is_complex(dtype_of_v<typename E::value_type>))
        return detail::complex_part_view(e, 0);
    else if constexpr (is_ndarray_v<E>)
        return e;
    else
        return detail::make_unary<detail::gnd::real_>(e);
}
// np.imag(e): of a complex ndarray, a writable view; of a real ndarray, new zeros (NumPy: a
// read-only array of zeros); of an expression, a lazy node.
template <expression E>
auto imag(const E& e) {
    if constexpr (is_ndarray_v<E> && is_complex(dtype_of_v<typename E::value_type>))
        return detail::complex_part_view(e, 1);
    else if constexpr (is_ndarray_v<E>)
        return ndarray<typename E::value_type>(detail::make_unary<detail::gnd::imag_>(e));
    else
        return detail::make_unary<detail::gnd::imag_>(e);
}

// np.iscomplex / np.isreal: whether each element has a non-zero (zero) imaginary part;
// np.iscomplexobj / np.isrealobj: whether the dtype is complex (false / true for real dtypes).
template <expression E>
auto iscomplex(const E& e) {
    return gpu::imag(e) != 0;
}
template <expression E>
auto isreal(const E& e) {
    return gpu::imag(e) == 0;
}
template <expression E>
constexpr bool iscomplexobj(const E&) {
    return is_complex(dtype_of_v<typename E::value_type>);
}
template <expression E>
constexpr bool isrealobj(const E& e) {
    return !iscomplexobj(e);
}

template <class V>
auto ndarray<V>::real() const {
    return gpu::real(*this);
}
template <class V>
auto ndarray<V>::imag() const {
    return gpu::imag(*this);
}
template <class V>
auto ndarray<V>::conj() const {
    return gpu::conj(*this);
}

#undef GPU_ND_BINARY_FUNCTION
#undef GPU_ND_BINARY_OPERATOR
#undef GPU_ND_UNARY_FUNCTION

// np.ldexp(x, i) = x * 2**i; a C++ integer exponent is an int64 (NumPy's int loop), not x's dtype.
template <class L, class R>
    requires detail::binary_operands<L, R>
auto ldexp(const L& x, const R& i) {
    if constexpr (is_cpp_scalar_v<R> && std::is_integral_v<R>)
        return detail::make_binary<detail::gnd::ldexp_>(x, detail::scalar_leaf<std::int64_t>(static_cast<std::int64_t>(i)));
    else
        return detail::make_binary<detail::gnd::ldexp_>(x, i);
}

// np.pow (NumPy 2's alias of power).
template <class L, class R>
    requires detail::binary_operands<L, R>
auto pow(const L& l, const R& r) {
    return power(l, r);
}

// np.round(x, decimals=0) / np.around: half to even, at `decimals` digits after the point (before
// it when negative); integers change only for negative decimals; the dtype is kept.
template <expression E>
auto round(const E& e, std::int64_t decimals = 0) {
    return detail::make_binary<detail::gnd::round_>(e, detail::scalar_leaf<std::int64_t>(decimals));
}
template <expression E>
auto around(const E& e, std::int64_t decimals = 0) {
    return gpu::round(e, decimals);
}

// np.where(cond, a, b); a and b may be arrays, expressions or scalars.
template <expression C, operand A, operand B>
auto where(const C& cond, const A& a, const B& b) {
    using namespace detail;
    auto c = as_node(cond);
    if constexpr (is_cpp_scalar_v<A> && is_cpp_scalar_v<B>) {
        auto an = strong_scalar(a);
        auto bn = strong_scalar(b);
        return where_node<decltype(c), decltype(an), decltype(bn)>(std::move(c), an, bn);
    } else if constexpr (is_cpp_scalar_v<A>) {
        auto bn = as_node(b);
        auto an = weak_scalar<dtype_value<decltype(bn)>::value>(a);
        return where_node<decltype(c), decltype(an), decltype(bn)>(std::move(c), an, std::move(bn));
    } else if constexpr (is_cpp_scalar_v<B>) {
        auto an = as_node(a);
        auto bn = weak_scalar<dtype_value<decltype(an)>::value>(b);
        return where_node<decltype(c), decltype(an), decltype(bn)>(std::move(c), std::move(an), bn);
    } else {
        return where_node<decltype(c), node_t<A>, node_t<B>>(std::move(c), as_node(a), as_node(b));
    }
}

namespace detail {

// np.clip accepts integer bounds outside the array's range (they clip nothing); bring such a
// bound to the range so the weak-scalar rule does not reject it.
template <dtype D, class S>
auto clip_bound(S v) {
    if constexpr (is_integer(D) && scalar_kind_v<S> == scalar_kind::integer) {
        using T = type_of_t<D>;
        if (!fits_in<T>(v)) {
            const bool below = std::is_signed_v<S> && v < 0;
            return scalar_leaf<T>(below ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max());
        }
        return scalar_leaf<T>(static_cast<T>(v));
    } else {
        return v;
    }
}

}  // namespace detail

// np.clip(a, lo, hi) = minimum(maximum(a, lo), hi), NaN-propagating like NumPy.
template <expression E, operand Lo, operand Hi>
auto clip(const E& a, const Lo& lo, const Hi& hi) {
    constexpr dtype d = dtype_of_v<typename detail::node_t<E>::value_type>;
    return minimum(maximum(a, detail::clip_bound<d>(lo)), detail::clip_bound<d>(hi));
}

template <class U, expression E>
auto astype(const E& e) {
    return detail::as_node(e).template astype<U>();
}

}  // namespace gpu
