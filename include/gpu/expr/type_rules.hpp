#pragma once
// NumPy's type resolution for each family of ufuncs: which dtype each input is converted to
// before the scalar operation runs (the "loop" dtypes) and which dtype comes out. Decided at
// compile time; an operation NumPy rejects fails to compile with NumPy's reason.
#include "gpu/core/dtype.hpp"

namespace gpu::detail {

struct loop_types {
    dtype a, b, result;
};

// add, multiply, maximum, minimum: the promoted dtype in and out (bool stays bool: or/and).
struct rule_arithmetic {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        constexpr dtype p = promote(A, B);
        return {p, p, p};
    }
};

// subtract: as arithmetic, but NumPy has no boolean subtract.
struct rule_subtract {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        static_assert(!(A == dtype::bool_ && B == dtype::bool_),
                      "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
                      "operator, or the logical_xor function instead");
        constexpr dtype p = promote(A, B);
        return {p, p, p};
    }
};

// floor_divide, remainder, power: two bools compute in int8, as NumPy has no bool loop.
struct rule_integer_arithmetic {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        constexpr dtype p = promote(A, B) == dtype::bool_ ? dtype::int8 : promote(A, B);
        return {p, p, p};
    }
};

// true_divide: integers and bools divide in float64.
struct rule_true_divide {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        constexpr dtype p = is_inexact(promote(A, B)) ? promote(A, B) : dtype::float64;
        return {p, p, p};
    }
};

// Comparisons give bool. Two integers compare exactly without conversion (NumPy 2 compares
// int64 with uint64 exactly); anything else compares in the promoted dtype.
struct rule_comparison {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        if constexpr (is_integer(A) && is_integer(B)) return {A, B, dtype::bool_};
        constexpr dtype p = promote(A, B);
        return {p, p, dtype::bool_};
    }
};

// logical_and / logical_or: truth values of any dtype, bool out.
struct rule_logical {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        return {A, B, dtype::bool_};
    }
};

// NumPy's TypeError sentence for a ufunc with no loop for the operands' dtypes.
#define GPU_ND_NO_LOOP(UFUNC)                                                                                 \
    "ufunc '" UFUNC "' not supported for the input types, and the inputs could not be safely coerced to any " \
    "supported types according to the casting rule ''safe''"

// Integer-only ufuncs (bitwise and/or/xor, shifts, gcd, lcm): floats are rejected, and so is a
// signed integer with uint64 (no common integer type). Two bools stay bool where NumPy has a
// bool loop (and/or/xor), compute in int8 where it has none (shifts) and are rejected by gcd and
// lcm (float64 marks that below).
#define GPU_ND_INTEGER_RULE(RULE, UFUNC, BOOL_RESULT)                                        \
    struct RULE {                                                                            \
        template <dtype A, dtype B = A>                                                      \
        static constexpr loop_types types() {                                                \
            static_assert(!is_inexact(A) && !is_inexact(B) && !is_float(promote(A, B)),      \
                          GPU_ND_NO_LOOP(UFUNC));                                            \
            static_assert(BOOL_RESULT != dtype::float64 || promote(A, B) != dtype::bool_,    \
                          GPU_ND_NO_LOOP(UFUNC));                                            \
            constexpr dtype p = promote(A, B) == dtype::bool_ ? BOOL_RESULT : promote(A, B); \
            return {p, p, p};                                                                \
        }                                                                                    \
    };
GPU_ND_INTEGER_RULE(rule_bitwise_and, "bitwise_and", dtype::bool_)
GPU_ND_INTEGER_RULE(rule_bitwise_or, "bitwise_or", dtype::bool_)
GPU_ND_INTEGER_RULE(rule_bitwise_xor, "bitwise_xor", dtype::bool_)
GPU_ND_INTEGER_RULE(rule_left_shift, "left_shift", dtype::int8)
GPU_ND_INTEGER_RULE(rule_right_shift, "right_shift", dtype::int8)
GPU_ND_INTEGER_RULE(rule_gcd, "gcd", dtype::float64)
GPU_ND_INTEGER_RULE(rule_lcm, "lcm", dtype::float64)
GPU_ND_INTEGER_RULE(rule_invert, "invert", dtype::bool_)
#undef GPU_ND_INTEGER_RULE

// i0: floats keep their dtype, integers and bools give float64; complex is NumPy's TypeError.
struct rule_i0 {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(!is_complex(A), "i0 not supported for complex values");
        constexpr dtype f = is_float(A) ? A : dtype::float64;
        return {f, f, f};
    }
};

// bitwise_count (NumPy 2): integers (bools through int8) in, uint8 out.
struct rule_bitwise_count {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(!is_inexact(A), GPU_ND_NO_LOOP("bitwise_count"));
        constexpr dtype a = A == dtype::bool_ ? dtype::int8 : A;
        return {a, a, dtype::uint8};
    }
};

// Unary rules take the input dtype as both A and B.

// sqrt, exp, sin, ...: floats keep their dtype; integers go to the smallest float that holds
// them (float16 for bool, int8 and uint8, as NumPy).
struct rule_float_math {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype f = float_holding(A);
        return {f, f, f};
    }
};

// absolute: the input dtype, except complex, whose magnitude is real.
struct rule_absolute {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, is_complex(A) ? real_of(A) : A};
    }
};

// real, imag, angle: the parts of a complex dtype are its real dtype; real and imag keep a real
// dtype (imag gives zeros); angle of a real is arctan2(0, x), a float function.
struct rule_complex_part {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, is_complex(A) ? real_of(A) : A};
    }
};
// The complex number of two real parts (used to build complex results part by part).
struct rule_complex_from_parts {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype c = complex_of(promote(A, B));
        return {real_of(c), real_of(c), c};
    }
};
struct rule_angle {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype f = float_holding(A);
        return {f, f, is_complex(f) ? real_of(f) : f};
    }
};

// abs, floor, ceil: the input dtype in and out.
struct rule_same {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, A};
    }
};

struct rule_negative {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(A != dtype::bool_,
                      "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the "
                      "logical_not function instead.");
        return {A, A, A};
    }
};

// positive: the input dtype, except bool, which NumPy 2 has no loop for.
struct rule_positive {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(A != dtype::bool_,
                      "ufunc 'positive' did not contain a loop with signature matching types <class "
                      "'numpy.dtypes.BoolDType'> -> None");
        return {A, A, A};
    }
};

struct rule_logical_not {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, dtype::bool_};
    }
};

// arctan2, hypot, copysign, logaddexp, ...: float loops only; integers convert to the smallest
// float that holds the promoted type (two int8: float16).
struct rule_float_math2 {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        return rule_float_math::types<promote(A, B)>();
    }
};

// float_power: always float64 (NumPy has only the dd->d loop among real types).
struct rule_float64 {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {dtype::float64, dtype::float64, dtype::float64};
    }
};

// float_power: float64, or complex128 when either operand is complex.
struct rule_float_power {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype r = is_complex(A) || is_complex(B) ? dtype::complex128 : dtype::float64;
        return {r, r, r};
    }
};

// square, reciprocal: the input dtype, but bools compute in int8 (no bool loop).
struct rule_same_no_bool {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype p = A == dtype::bool_ ? dtype::int8 : A;
        return {p, p, p};
    }
};

// sign: as above, but NumPy rejects bools.
struct rule_sign {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(A != dtype::bool_, GPU_ND_NO_LOOP("sign"));
        return {A, A, A};
    }
};

// isnan, isinf, isfinite, signbit: any real dtype in, bool out.
struct rule_predicate {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, dtype::bool_};
    }
};

// ldexp(x, i): x as a float function's argument, i an integer (int64 loop); a float or uint64
// exponent has no loop in NumPy.
struct rule_ldexp {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        static_assert(!is_float(B) && B != dtype::uint64, GPU_ND_NO_LOOP("ldexp"));
        constexpr dtype f = rule_float_math::types<A>().result;
        return {f, dtype::int64, f};
    }
};

// frexp's exponent: the float argument's dtype in, int32 out.
struct rule_frexp_exponent {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr dtype f = rule_float_math::types<A>().result;
        return {f, f, dtype::int32};
    }
};

// round(x, decimals): the input dtype out; the decimals arrive as int64. NumPy rounds bools
// through float16.
struct rule_round {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        constexpr dtype p = A == dtype::bool_ ? dtype::float16 : A;
        return {p, dtype::int64, p};
    }
};

// nextafter and spacing step in the operand's own precision, which float32 arithmetic rounded to
// a 2-byte float does not give.
struct rule_float_math2_no_half {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        constexpr loop_types t = rule_float_math::types<promote(A, B)>();
        static_assert(!is_half(t.result),
                      "gpu_ndarray: nextafter and spacing of float16 / bfloat16 are not supported yet: convert "
                      "first, e.g. x.astype<float>()");
        return t;
    }
};

// Ufuncs computed for real dtypes only: a complex operand fails to compile with MESSAGE, NumPy's
// TypeError where NumPy has no complex loop, else that this library has none yet.
#define GPU_ND_REAL_RULE(RULE, BASE, MESSAGE)                                                   \
    struct RULE {                                                                               \
        template <dtype A, dtype B = A>                                                         \
        static constexpr loop_types types() {                                                   \
            static_assert(!is_complex(A) && !is_complex(B), MESSAGE);                           \
            return BASE::template types<A, B>();                                                \
        }                                                                                       \
    };
GPU_ND_REAL_RULE(rule_floor_divide, rule_integer_arithmetic, GPU_ND_NO_LOOP("floor_divide"))
GPU_ND_REAL_RULE(rule_remainder, rule_integer_arithmetic, GPU_ND_NO_LOOP("remainder"))
GPU_ND_REAL_RULE(rule_fmod, rule_integer_arithmetic, GPU_ND_NO_LOOP("fmod"))
GPU_ND_REAL_RULE(rule_floor, rule_same, GPU_ND_NO_LOOP("floor"))
GPU_ND_REAL_RULE(rule_ceil, rule_same, GPU_ND_NO_LOOP("ceil"))
GPU_ND_REAL_RULE(rule_trunc, rule_same, GPU_ND_NO_LOOP("trunc"))
GPU_ND_REAL_RULE(rule_fabs, rule_float_math, GPU_ND_NO_LOOP("fabs"))
GPU_ND_REAL_RULE(rule_cbrt, rule_float_math, GPU_ND_NO_LOOP("cbrt"))
GPU_ND_REAL_RULE(rule_logaddexp, rule_float_math2, GPU_ND_NO_LOOP("logaddexp"))
GPU_ND_REAL_RULE(rule_logaddexp2, rule_float_math2, GPU_ND_NO_LOOP("logaddexp2"))
GPU_ND_REAL_RULE(rule_ldexp_real, rule_ldexp, GPU_ND_NO_LOOP("ldexp"))
GPU_ND_REAL_RULE(rule_modf, rule_float_math, GPU_ND_NO_LOOP("modf"))
GPU_ND_REAL_RULE(rule_frexp, rule_float_math, GPU_ND_NO_LOOP("frexp"))
GPU_ND_REAL_RULE(rule_frexp_exponent_real, rule_frexp_exponent, GPU_ND_NO_LOOP("frexp"))
GPU_ND_REAL_RULE(rule_arctan2, rule_float_math2, GPU_ND_NO_LOOP("arctan2"))
GPU_ND_REAL_RULE(rule_hypot, rule_float_math2, GPU_ND_NO_LOOP("hypot"))
GPU_ND_REAL_RULE(rule_degrees, rule_float_math, GPU_ND_NO_LOOP("degrees"))
GPU_ND_REAL_RULE(rule_radians, rule_float_math, GPU_ND_NO_LOOP("radians"))
GPU_ND_REAL_RULE(rule_signbit, rule_predicate, GPU_ND_NO_LOOP("signbit"))
GPU_ND_REAL_RULE(rule_copysign, rule_float_math2, GPU_ND_NO_LOOP("copysign"))
GPU_ND_REAL_RULE(rule_nextafter, rule_float_math2_no_half, GPU_ND_NO_LOOP("nextafter"))
GPU_ND_REAL_RULE(rule_spacing, rule_float_math2_no_half, GPU_ND_NO_LOOP("spacing"))
GPU_ND_REAL_RULE(rule_heaviside, rule_float_math2, GPU_ND_NO_LOOP("heaviside"))
GPU_ND_REAL_RULE(rule_isposinf, rule_predicate, GPU_ND_NO_LOOP("isposinf"))
GPU_ND_REAL_RULE(rule_isneginf, rule_predicate, GPU_ND_NO_LOOP("isneginf"))
#undef GPU_ND_REAL_RULE

}  // namespace gpu::detail


#undef GPU_ND_NO_LOOP
