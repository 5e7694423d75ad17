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
        constexpr dtype p = is_float(promote(A, B)) ? promote(A, B) : dtype::float64;
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

// bitwise and/or/xor: integers and bools only; int64 with uint64 has no common integer type.
struct rule_bitwise {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        static_assert(!is_float(A) && !is_float(B),
                      "ufunc 'bitwise' is not supported for floating-point inputs (NumPy raises TypeError)");
        static_assert(!is_float(promote(A, B)),
                      "bitwise operations between a signed integer and uint64 are not supported: NumPy finds no "
                      "common integer type (TypeError); cast one operand with astype");
        constexpr dtype p = promote(A, B);
        return {p, p, p};
    }
};

// left_shift / right_shift: as bitwise, but bools shift as int8.
struct rule_shift {
    template <dtype A, dtype B>
    static constexpr loop_types types() {
        constexpr loop_types t = rule_bitwise::types<A, B>();
        constexpr dtype p = t.result == dtype::bool_ ? dtype::int8 : t.result;
        return {p, p, p};
    }
};

// Unary rules take the input dtype as both A and B.

// sqrt, exp, sin, ...: floats keep their dtype; integers go to the smallest float that holds
// them. NumPy gives float16 for bool, int8 and uint8, which this library does not have yet.
struct rule_float_math {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(itemsize(A) > 1 || is_float(A),
                      "NumPy computes this function of bool, int8 and uint8 in float16, which gpu_ndarray does "
                      "not support yet: convert first, e.g. x.astype<float>()");
        constexpr dtype f = is_float(A) ? A : itemsize(A) == 2 ? dtype::float32 : dtype::float64;
        return {f, f, f};
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

struct rule_invert {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        static_assert(!is_float(A), "ufunc 'invert' is not supported for floating-point inputs (NumPy raises TypeError)");
        return {A, A, A};
    }
};

struct rule_logical_not {
    template <dtype A, dtype B = A>
    static constexpr loop_types types() {
        return {A, A, dtype::bool_};
    }
};

}  // namespace gpu::detail
