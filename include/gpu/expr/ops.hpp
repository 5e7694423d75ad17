#pragma once
// Every scalar operation, defined once. GPU_ND_BINARY_OP / GPU_ND_UNARY_OP make a struct with
// the type rule (expr/type_rules.hpp), a host `apply`, and the same body as text for kernels.
// To change an operation, change its one line here. Operands arrive already converted to the
// rule's loop dtypes; R is the result dtype.
#include "gpu/kernel/head.hpp"
#include "gpu/expr/type_rules.hpp"

#define GPU_ND_BINARY_OP(NAME, RULE, ...)                                                              \
    namespace gpu::detail::gnd {                                                                       \
    struct NAME {                                                                                      \
        using rule = ::gpu::detail::RULE;                                                              \
        static constexpr const char* name = #NAME;                                                     \
        static constexpr const char* source =                                                          \
            "struct " #NAME " { template <class R, class A, class B> static GND_FN R apply(A a, B b) { " \
            #__VA_ARGS__ " } };";                                                                      \
        template <class R, class A, class B>                                                           \
        static GND_FN R apply(A a, B b) { __VA_ARGS__ }                                                \
    };                                                                                                 \
    }

#define GPU_ND_UNARY_OP(NAME, RULE, ...)                                                                 \
    namespace gpu::detail::gnd {                                                                         \
    struct NAME {                                                                                        \
        using rule = ::gpu::detail::RULE;                                                                \
        static constexpr const char* name = #NAME;                                                       \
        static constexpr const char* source =                                                            \
            "struct " #NAME " { template <class R, class A> static GND_FN R apply(A x) { " #__VA_ARGS__ \
            " } };";                                                                                     \
        template <class R, class A>                                                                      \
        static GND_FN R apply(A x) { __VA_ARGS__ }                                                       \
    };                                                                                                   \
    }

// Arithmetic. Bools add as "or" and multiply as "and", as NumPy's bool loops do.
GPU_ND_BINARY_OP(add, rule_arithmetic,
    if constexpr (is_bool<R>) return a || b; else if constexpr (is_float<R>) return a + b; else return wrap_add(a, b);)
GPU_ND_BINARY_OP(subtract, rule_subtract,
    if constexpr (is_float<R>) return a - b; else return wrap_sub(a, b);)
GPU_ND_BINARY_OP(multiply, rule_arithmetic,
    if constexpr (is_bool<R>) return a && b; else if constexpr (is_float<R>) return a * b; else return wrap_mul(a, b);)
GPU_ND_BINARY_OP(true_divide, rule_true_divide, return a / b;)

// Python's floor division: rounds toward -inf; integer division by zero gives 0 (NumPy warns),
// and MIN // -1 wraps instead of trapping.
GPU_ND_BINARY_OP(floor_divide, rule_integer_arithmetic,
    if constexpr (is_float<R>) {
        if (b == R(0)) return a / b;
        R mod = fmod(a, b);
        R div = (a - mod) / b;
        if (mod != R(0) && ((b < R(0)) != (mod < R(0)))) div -= R(1);
        if (div == R(0)) return copysign(R(0), a / b);
        R fl = floor(div);
        return div - fl > R(0.5) ? fl + R(1) : fl;
    } else {
        if (b == R(0)) return R(0);
        if constexpr (is_signed_int<R>) { if (b == R(-1)) return wrap_neg(a); }
        R q = R(a / b);
        return (a % b != R(0) && ((a < R(0)) != (b < R(0)))) ? R(q - R(1)) : q;
    })

// Python's modulo: the result takes the divisor's sign; x % 0 is 0 for integers, nan for floats.
GPU_ND_BINARY_OP(remainder, rule_integer_arithmetic,
    if constexpr (is_float<R>) {
        if (b == R(0)) return fmod(a, b);
        R mod = fmod(a, b);
        if (mod == R(0)) return copysign(R(0), b);
        return ((b < R(0)) != (mod < R(0))) ? mod + b : mod;
    } else {
        if (b == R(0)) return R(0);
        if constexpr (is_signed_int<R>) { if (b == R(-1)) return R(0); }
        R r = R(a % b);
        return (r != R(0) && ((r < R(0)) != (b < R(0)))) ? R(r + b) : r;
    })

// Integer powers by squaring, wrapping like NumPy. A negative integer exponent is an error in
// NumPy; scalar exponents are checked on the host, array exponents give 0 (see README).
GPU_ND_BINARY_OP(power, rule_integer_arithmetic,
    if constexpr (is_float<R>) {
        return pow(a, b);
    } else {
        if constexpr (is_signed_int<R>) { if (b < R(0)) return R(0); }
        R result = R(1), base = a;
        for (R e = b; e != R(0); e = R(e >> 1)) {
            if (e & R(1)) result = wrap_mul(result, base);
            base = wrap_mul(base, base);
        }
        return result;
    })

// NaN propagates, as in np.maximum / np.minimum.
GPU_ND_BINARY_OP(maximum, rule_arithmetic,
    if constexpr (is_float<R>) { if (a != a) return a; if (b != b) return b; }
    return a > b ? a : b;)
GPU_ND_BINARY_OP(minimum, rule_arithmetic,
    if constexpr (is_float<R>) { if (a != a) return a; if (b != b) return b; }
    return a < b ? a : b;)

// Comparisons.
GPU_ND_BINARY_OP(equal, rule_comparison, return cmp_equal(a, b);)
GPU_ND_BINARY_OP(not_equal, rule_comparison, return !cmp_equal(a, b);)
GPU_ND_BINARY_OP(less, rule_comparison, return cmp_less(a, b);)
GPU_ND_BINARY_OP(less_equal, rule_comparison, return cmp_less(a, b) || cmp_equal(a, b);)
GPU_ND_BINARY_OP(greater, rule_comparison, return cmp_less(b, a);)
GPU_ND_BINARY_OP(greater_equal, rule_comparison, return cmp_less(b, a) || cmp_equal(a, b);)

// Logic on truth values.
GPU_ND_BINARY_OP(logical_and, rule_logical, return a != A(0) && b != B(0);)
GPU_ND_BINARY_OP(logical_or, rule_logical, return a != A(0) || b != B(0);)

// Bits. Shifts by a negative count or by the width or more give what NumPy gives (0, or -1 for
// a negative value shifted right) instead of C++'s undefined behaviour.
GPU_ND_BINARY_OP(bitwise_and, rule_bitwise, return R(a & b);)
GPU_ND_BINARY_OP(bitwise_or, rule_bitwise, return R(a | b);)
GPU_ND_BINARY_OP(bitwise_xor, rule_bitwise, return R(a ^ b);)
GPU_ND_BINARY_OP(left_shift, rule_shift,
    if (b < R(0) || b >= R(8 * sizeof(R))) return R(0);
    return R(wide_uint<R>(a) << b);)
GPU_ND_BINARY_OP(right_shift, rule_shift,
    if (b < R(0) || b >= R(8 * sizeof(R))) return a < R(0) ? R(-1) : R(0);
    return R(a >> b);)

// Unary operations.
GPU_ND_UNARY_OP(negative, rule_negative, if constexpr (is_float<R>) return -x; else return wrap_neg(x);)
GPU_ND_UNARY_OP(positive, rule_positive, return x;)
GPU_ND_UNARY_OP(absolute, rule_same,
    if constexpr (is_float<R>) return fabs(x);
    else if constexpr (is_signed_int<R>) return x < R(0) ? wrap_neg(x) : x;
    else return x;)
GPU_ND_UNARY_OP(sqrt_, rule_float_math, return sqrt(x);)
GPU_ND_UNARY_OP(exp_, rule_float_math, return exp(x);)
GPU_ND_UNARY_OP(log_, rule_float_math, return log(x);)
GPU_ND_UNARY_OP(sin_, rule_float_math, return sin(x);)
GPU_ND_UNARY_OP(cos_, rule_float_math, return cos(x);)
GPU_ND_UNARY_OP(tan_, rule_float_math, return tan(x);)
GPU_ND_UNARY_OP(tanh_, rule_float_math, return tanh(x);)
GPU_ND_UNARY_OP(floor_, rule_same, if constexpr (is_float<R>) return floor(x); else return x;)
GPU_ND_UNARY_OP(ceil_, rule_same, if constexpr (is_float<R>) return ceil(x); else return x;)
GPU_ND_UNARY_OP(invert, rule_invert, if constexpr (is_bool<R>) return !x; else return R(~x);)
GPU_ND_UNARY_OP(logical_not, rule_logical_not, return !(x != A(0));)
