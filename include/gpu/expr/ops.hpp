#pragma once
// Every scalar operation, defined once. GPU_ND_BINARY_OP / GPU_ND_UNARY_OP make a struct with
// the type rule (expr/type_rules.hpp), a host `apply`, and the same body as text for kernels.
// To change an operation, change its one line here. Operands arrive already converted to the
// rule's loop dtypes; R is the result dtype.
#include "gpu/kernel/head.hpp"
#include "gpu/expr/type_rules.hpp"

// The host's standard math overloads under the unqualified names the bodies use (NVRTC has the
// same names built in for float and double).
namespace gpu::detail::gnd {
using std::acos;
using std::acosh;
using std::asin;
using std::asinh;
using std::atan;
using std::atan2;
using std::atanh;
using std::cbrt;
using std::cosh;
using std::exp2;
using std::expm1;
using std::fmax;
using std::fmin;
using std::frexp;
using std::hypot;
using std::ldexp;
using std::log10;
using std::log1p;
using std::log2;
using std::modf;
using std::nextafter;
using std::rint;
using std::sinh;
using std::trunc;
}  // namespace gpu::detail::gnd

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
    if constexpr (is_bool<R>) return a || b; else if constexpr (is_inexact<R>) return a + b; else return wrap_add(a, b);)
GPU_ND_BINARY_OP(subtract, rule_subtract,
    if constexpr (is_inexact<R>) return a - b; else return wrap_sub(a, b);)
GPU_ND_BINARY_OP(multiply, rule_arithmetic,
    if constexpr (is_bool<R>) return a && b; else if constexpr (is_inexact<R>) return a * b; else return wrap_mul(a, b);)
GPU_ND_BINARY_OP(true_divide, rule_true_divide, return a / b;)

// Python's floor division: rounds toward -inf; integer division by zero gives 0 (NumPy warns),
// and MIN // -1 wraps instead of trapping. The integer cases are selects, not early returns:
// with returns, NVRTC took minutes on an unrolled kernel of int64 `x // c % d`.
GPU_ND_BINARY_OP(floor_divide, rule_floor_divide,
    if constexpr (is_float<R>) {
        if (b == R(0)) return a / b;
        R mod = fmod(a, b);
        R div = (a - mod) / b;
        if (mod != R(0) && ((b < R(0)) != (mod < R(0)))) div -= R(1);
        if (div == R(0)) return copysign(R(0), a / b);
        R fl = floor(div);
        return div - fl > R(0.5) ? fl + R(1) : fl;
    } else {
        const bool zero = b == R(0), neg1 = is_signed_int<R> && b == R(-1);
        const R d = zero || neg1 ? R(1) : R(b);  /* never divides by 0, nor MIN by -1 */
        const R q = R(a / d), r = R(a % d);
        const R floored = (r != R(0) && ((r < R(0)) != (d < R(0)))) ? R(q - R(1)) : q;
        return zero ? R(0) : neg1 ? wrap_neg(R(a)) : floored;
    })

// Python's modulo: the result takes the divisor's sign; x % 0 is 0 for integers, nan for floats.
GPU_ND_BINARY_OP(remainder, rule_remainder,
    if constexpr (is_float<R>) {
        if (b == R(0)) return fmod(a, b);
        R mod = fmod(a, b);
        if (mod == R(0)) return copysign(R(0), b);
        return ((b < R(0)) != (mod < R(0))) ? mod + b : mod;
    } else {
        const bool neg1 = is_signed_int<R> && b == R(-1);
        const R d = b == R(0) || neg1 ? R(1) : R(b);  /* x % 0 and x % -1 are 0 */
        const R r = R(a % d);
        return (r != R(0) && ((r < R(0)) != (d < R(0)))) ? R(r + d) : r;
    })

// Integer powers by squaring, wrapping like NumPy. A negative integer exponent is an error in
// NumPy; scalar exponents are checked on the host, array exponents give 0 (see README).
GPU_ND_BINARY_OP(power, rule_integer_arithmetic,
    if constexpr (is_inexact<R>) {
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

// NaN propagates, as in np.maximum / np.minimum (complex: a NaN in either part; the order is
// lexicographic). Both NaN tests come before either is acted on, as in reductions/reduce_ops.hpp
// (an early `if (a != a) return a;` let NVRTC fold a complex max with a known operand).
GPU_ND_BINARY_OP(maximum, rule_arithmetic,
    if constexpr (is_inexact<R>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? a : b; }
    return a > b ? a : b;)
GPU_ND_BINARY_OP(minimum, rule_arithmetic,
    if constexpr (is_inexact<R>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? a : b; }
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
GPU_ND_BINARY_OP(bitwise_and, rule_bitwise_and, return R(a & b);)
GPU_ND_BINARY_OP(bitwise_or, rule_bitwise_or, return R(a | b);)
GPU_ND_BINARY_OP(bitwise_xor, rule_bitwise_xor, return R(a ^ b);)
GPU_ND_BINARY_OP(left_shift, rule_left_shift,
    if (b < R(0) || b >= R(8 * sizeof(R))) return R(0);
    return R(wide_uint<R>(a) << b);)
GPU_ND_BINARY_OP(right_shift, rule_right_shift,
    if (b < R(0) || b >= R(8 * sizeof(R))) return a < R(0) ? R(-1) : R(0);
    return R(a >> b);)

// Unary operations.
GPU_ND_UNARY_OP(negative, rule_negative, if constexpr (is_inexact<R>) return -x; else return wrap_neg(x);)
GPU_ND_UNARY_OP(positive, rule_positive, return x;)
GPU_ND_UNARY_OP(absolute, rule_absolute,
    if constexpr (is_complex<A>) return abs(x);
    else if constexpr (is_float<R>) return fabs(x);
    else if constexpr (is_signed_int<R>) return x < R(0) ? wrap_neg(x) : x;
    else return x;)
GPU_ND_UNARY_OP(sqrt_, rule_float_math, return sqrt(x);)
GPU_ND_UNARY_OP(exp_, rule_float_math, return exp(x);)
GPU_ND_UNARY_OP(log_, rule_float_math, return log(x);)
GPU_ND_UNARY_OP(sin_, rule_float_math, return sin(x);)
GPU_ND_UNARY_OP(cos_, rule_float_math, return cos(x);)
GPU_ND_UNARY_OP(tan_, rule_float_math, return tan(x);)
GPU_ND_UNARY_OP(tanh_, rule_float_math, return tanh(x);)
GPU_ND_UNARY_OP(floor_, rule_floor, if constexpr (is_float<R>) return floor(x); else return x;)
GPU_ND_UNARY_OP(ceil_, rule_ceil, if constexpr (is_float<R>) return ceil(x); else return x;)
GPU_ND_UNARY_OP(invert, rule_invert, if constexpr (is_bool<R>) return !x; else return R(~x);)
// i0, the modified Bessel function of the first kind of order 0, as NumPy computes it: Cephes'
// Chebyshev series on [0, 8] and (8, inf) (coefficients in R, as NumPy's float32 arithmetic
// rounds them), exp(|x|) times the series (divided by sqrt(|x|) above 8).
GPU_ND_UNARY_OP(i0_, rule_i0,
    const double a[30] = {-4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16, 1.71539128555513303061E-15,
        -1.16853328779934516808E-14, 7.67618549860493561688E-14, -4.85644678311192946090E-13, 2.95505266312963983461E-12,
        -1.72682629144155570723E-11, 9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
        -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7, 1.11738753912010371815E-6,
        -4.41673835845875056359E-6, 1.64484480707288970893E-5, -5.75419501008210370398E-5, 1.88502885095841655729E-4,
        -5.76375574538582365885E-4, 1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
        -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2, 1.71620901522208775349E-1,
        -3.04682672343198398683E-1, 6.76795274409476084995E-1};
    const double b[25] = {-7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17, 3.46122286769746109310E-17,
        -2.82762398051658348494E-16, -3.42548561967721913462E-16, 1.77256013305652638360E-15, 3.81168066935262242075E-15,
        -9.55484669882830764870E-15, -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
        7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11, -3.14991652796324136454E-11,
        1.18891471078464383424E-11, 4.94060238822496958910E-10, 3.39623202570838634515E-9, 2.26666899049817806459E-8,
        2.04891858946906374183E-7, 2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
        8.04490411014108831608E-1};
    const R ax = x < R(0) ? -x : x;
    const bool small = ax <= R(8);
    const double* c = small ? a : b;
    const int n = small ? 30 : 25;
    const R t = small ? ax / R(2) - R(2) : R(32) / ax - R(2);
    R b0 = R(c[0]), b1 = R(0), b2 = R(0);
    for (int i = 1; i < n; ++i) { b2 = b1; b1 = b0; b0 = t * b1 - b2 + R(c[i]); }
    const R s = R(0.5) * (b0 - b2);
    return small ? exp(ax) * s : exp(ax) * s / sqrt(ax);)
// bitwise_count: the 1-bits of |x| (NumPy 2), by the SWAR population count (no intrinsic, so
// the same text compiles for the host and NVRTC).
GPU_ND_UNARY_OP(bitwise_count_, rule_bitwise_count,
    typedef typename uint_of<sizeof(A)>::type U;
    U u = U(x);
    if constexpr (is_signed_int<A>) { if (x < A(0)) u = U(U(0) - u); }
    unsigned long long w = u;
    w = w - ((w >> 1) & 0x5555555555555555ULL);
    w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
    w = (w + (w >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return R((w * 0x0101010101010101ULL) >> 56);)
GPU_ND_UNARY_OP(logical_not, rule_logical_not, return !(x != A(0));)

// ---- the rest of NumPy's real ufuncs (issue 11) ------------------------------------------------

// Powers, logs and exponentials of floats (integers convert as type_rules.hpp says).
GPU_ND_UNARY_OP(fabs_, rule_fabs, return fabs(x);)
GPU_ND_UNARY_OP(cbrt_, rule_cbrt, return cbrt(x);)
// Complex exp2, expm1, log2 and log1p by NumPy's formulas (numpy/_core/src/umath/funcs.inc.src):
// exp(z ln 2); (expm1(x) cos y - 2 sin^2(y/2), e^x sin y); log(z) log2(e); (log|z + 1|, arg(z + 1)).
GPU_ND_UNARY_OP(exp2_, rule_float_math,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        const F ln2 = F(0.693147180559945309417232121458176568);
        return exp(R(x.real() * ln2, x.imag() * ln2));
    } else {
        return exp2(x);
    })
GPU_ND_UNARY_OP(expm1_, rule_float_math,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        const F a = sin(x.imag() / F(2));
        return R(expm1(x.real()) * cos(x.imag()) - F(2) * a * a, exp(x.real()) * sin(x.imag()));
    } else {
        return expm1(x);
    })
GPU_ND_UNARY_OP(log2_, rule_float_math,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        const F log2e = F(1.442695040888963407359924681001892137);
        const R l = log(x);
        return R(l.real() * log2e, l.imag() * log2e);
    } else {
        return log2(x);
    })
GPU_ND_UNARY_OP(log10_, rule_float_math, return log10(x);)
GPU_ND_UNARY_OP(log1p_, rule_float_math,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        const F re1 = x.real() + F(1);
        return R(log(hypot(re1, x.imag())), atan2(x.imag(), re1));
    } else {
        return log1p(x);
    })
GPU_ND_UNARY_OP(square, rule_same_no_bool,
    if constexpr (is_inexact<R>) return x * x; else return wrap_mul(x, x);)
// Integer 1/x as NumPy's loop computes it (1.0 / x converted back): 1/0 is what x86-64 makes of
// inf, INT_MIN for int32 and int64, 0 for the other integer types.
GPU_ND_UNARY_OP(reciprocal, rule_same_no_bool,
    if constexpr (is_inexact<R>) return R(1) / x;
    else {
        if (x == R(0)) { if constexpr (is_signed_int<R> && sizeof(R) >= 4) return R(wide_uint<R>(1) << (8 * sizeof(R) - 1)); else return R(0); }
        return R(R(1) / x);
    })
// sign: -1, 0 or 1 in the input dtype; NaN stays NaN. Complex (NumPy 2): z / |z|, 0 at 0, NaN
// when |z| is NaN or both parts are infinite, the unit along the one infinite part otherwise.
GPU_ND_UNARY_OP(sign_, rule_sign,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        const F re = x.real(), im = x.imag(), m = hypot(re, im), zero = F(0), nan = zero / zero;
        if (m != m) return R(nan, nan);
        if (m - m != zero) {  /* |z| infinite: which parts are? (inf - inf is NaN, not 0) */
            const bool re_inf = re - re != zero && re == re, im_inf = im - im != zero && im == im;
            if (re_inf && im_inf) return R(nan, nan);
            if (re_inf) return R(re > zero ? F(1) : F(-1), zero);
            return R(zero, im > zero ? F(1) : F(-1));
        }
        if (m == zero) return R(zero, zero);
        return R(re / m, im / m);
    } else {
        if constexpr (is_float<R>) { if (x != x) return x; }
        return x > R(0) ? R(1) : x < R(0) ? R(-1) : R(0);
    })
// log(exp(a) + exp(b)) and its base-2 form without overflow, as NumPy computes them.
GPU_ND_BINARY_OP(logaddexp, rule_logaddexp,
    if (a == b) return a + R(0.693147180559945309417232121458176568);
    const R d = a - b;
    if (d > R(0)) return a + log1p(exp(-d));
    if (d <= R(0)) return b + log1p(exp(d));
    return d;)
GPU_ND_BINARY_OP(logaddexp2, rule_logaddexp2,
    if (a == b) return a + R(1);
    const R d = a - b;
    if (d > R(0)) return a + log1p(exp2(-d)) * R(1.442695040888963407359924681001892137);
    if (d <= R(0)) return b + log1p(exp2(d)) * R(1.442695040888963407359924681001892137);
    return d;)
GPU_ND_BINARY_OP(float_power, rule_float_power, return pow(a, b);)
// C's fmod: the result takes the dividend's sign; x fmod 0 is 0 for integers (NumPy warns).
GPU_ND_BINARY_OP(fmod_, rule_fmod,
    if constexpr (is_float<R>) return fmod(a, b);
    else {
        if (b == R(0)) return R(0);
        if constexpr (is_signed_int<R>) { if (b == R(-1)) return R(0); }
        return R(a % b);
    })
GPU_ND_BINARY_OP(ldexp_, rule_ldexp_real,
    return ldexp(a, b > B(2147483647) ? 2147483647 : b < B(-2147483647) ? -2147483647 : int(b));)
// The two results of modf and frexp, one operation each (the host and NVRTC call the C function).
GPU_ND_UNARY_OP(modf_fraction, rule_modf, A i; return modf(x, &i);)
GPU_ND_UNARY_OP(modf_integral, rule_modf, A i; modf(x, &i); return i;)
GPU_ND_UNARY_OP(frexp_mantissa, rule_frexp, int e; return frexp(x, &e);)
GPU_ND_UNARY_OP(frexp_exponent, rule_frexp_exponent_real,
    int e = 0; if (x == x && x - x == A(0)) frexp(x, &e); return e;)

// Complex parts (np.real, np.imag, np.angle, np.conjugate); for real input real is x, imag 0,
// conjugate x and angle arctan2(0, x).
GPU_ND_BINARY_OP(complex_from_parts, rule_complex_from_parts, return R(a, b);)
GPU_ND_UNARY_OP(real_, rule_complex_part, if constexpr (is_complex<A>) return x.re; else return x;)
GPU_ND_UNARY_OP(imag_, rule_complex_part, if constexpr (is_complex<A>) return x.im; else return R(0);)
GPU_ND_UNARY_OP(angle_, rule_angle, if constexpr (is_complex<A>) return arg(x); else return atan2(R(0), x);)
GPU_ND_UNARY_OP(conjugate, rule_same, if constexpr (is_complex<A>) return conj(x); else return x;)

// Trigonometry, hyperbolic functions and angle units.
GPU_ND_UNARY_OP(arcsin_, rule_float_math, return asin(x);)
GPU_ND_UNARY_OP(arccos_, rule_float_math, return acos(x);)
GPU_ND_UNARY_OP(arctan_, rule_float_math, return atan(x);)
GPU_ND_UNARY_OP(sinh_, rule_float_math, return sinh(x);)
GPU_ND_UNARY_OP(cosh_, rule_float_math, return cosh(x);)
GPU_ND_UNARY_OP(arcsinh_, rule_float_math, return asinh(x);)
GPU_ND_UNARY_OP(arccosh_, rule_float_math, return acosh(x);)
GPU_ND_UNARY_OP(arctanh_, rule_float_math, return atanh(x);)
GPU_ND_BINARY_OP(arctan2_, rule_arctan2, return atan2(a, b);)
GPU_ND_BINARY_OP(hypot_, rule_hypot, return hypot(a, b);)
// NumPy multiplies by the constant rounded to the dtype (180.0f / NPY_PIf for float32).
GPU_ND_UNARY_OP(degrees_, rule_degrees, return x * (R(180) / R(3.141592653589793238462643383279502884));)
GPU_ND_UNARY_OP(radians_, rule_radians, return x * (R(3.141592653589793238462643383279502884) / R(180));)

// Rounding. trunc (and fix) keep integer dtypes, as floor and ceil do in NumPy 2.3+.
GPU_ND_UNARY_OP(trunc_, rule_trunc, if constexpr (is_float<R>) return trunc(x); else return x;)
GPU_ND_UNARY_OP(rint_, rule_float_math,
    if constexpr (is_complex<R>) return R(rint(x.real()), rint(x.imag())); else return rint(x);)
// np.round(x, decimals): floats as rint(x * 10**d) / 10**d (or rint(x / 10**-d) * 10**-d), with
// 10**d exact in double and rounded to R; integers with d < 0 the same in float64, converted back;
// otherwise integers and bools are unchanged; complex numbers part by part.
GPU_ND_BINARY_OP(round_, rule_round,
    if constexpr (is_complex<R>) {
        typedef typename R::value_type F;
        return R(round_::template apply<F, F, B>(a.real(), b), round_::template apply<F, F, B>(a.imag(), b));
    } else {
        if constexpr (!is_float<R>) { if (b >= B(0)) return a; }
        double p = 1.0;
        for (B k = b < B(0) ? B(-b) : b; k > B(0) && p - p == 0.0; --k) p *= 10.0;
        if constexpr (is_float<R>) {
            const R f = R(p);
            return b >= B(0) ? rint(a * f) / f : rint(a / f) * f;
        } else {
            return cast<R>(rint(double(a) / p) * p);
        }
    })

// Floating-point classification and bit-level functions.
// Complex: NaN if either part is; infinite if either part is (and neither is NaN... as NumPy:
// either part infinite); finite if both are.
GPU_ND_UNARY_OP(isnan_, rule_predicate,
    if constexpr (is_complex<A>) return x.re != x.re || x.im != x.im;
    else if constexpr (is_float<A>) return x != x; else return false;)
GPU_ND_UNARY_OP(isinf_, rule_predicate,
    if constexpr (is_complex<A>) return (x.re == x.re && x.re - x.re != x.re - x.re) || (x.im == x.im && x.im - x.im != x.im - x.im);
    else if constexpr (is_float<A>) return x == x && x - x != x - x; else return false;)
GPU_ND_UNARY_OP(isfinite_, rule_predicate,
    if constexpr (is_complex<A>) return x.re - x.re == 0 && x.im - x.im == 0;
    else if constexpr (is_float<A>) return x - x == A(0); else return true;)
GPU_ND_UNARY_OP(isposinf_, rule_isposinf,
    if constexpr (is_float<A>) return x > A(0) && x - x != x - x; else return false;)
GPU_ND_UNARY_OP(isneginf_, rule_isneginf,
    if constexpr (is_float<A>) return x < A(0) && x - x != x - x; else return false;)
GPU_ND_UNARY_OP(signbit_, rule_signbit,
    if constexpr (is_float<A>) return copysign(A(1), x) < A(0);
    else if constexpr (is_signed_int<A>) return x < A(0);
    else return false;)
GPU_ND_BINARY_OP(copysign_, rule_copysign, return copysign(a, b);)
GPU_ND_BINARY_OP(nextafter_, rule_nextafter, return nextafter(a, b);)
// The distance to the next float away from zero; NaN for inf and NaN, as NumPy.
GPU_ND_UNARY_OP(spacing_, rule_spacing,
    if (x != x || x - x != x - x) return x - x;
    return nextafter(x, copysign(R(1) / R(0), x)) - x;)

// fmax / fmin ignore a NaN unless both are NaN.
GPU_ND_BINARY_OP(fmax_, rule_arithmetic,
    if constexpr (is_inexact<R>) { const bool an = a != a, bn = b != b; if (an || bn) return bn ? a : b; }
    return a < b ? b : a;)
GPU_ND_BINARY_OP(fmin_, rule_arithmetic,
    if constexpr (is_inexact<R>) { const bool an = a != a, bn = b != b; if (an || bn) return bn ? a : b; }
    return b < a ? b : a;)
GPU_ND_BINARY_OP(logical_xor, rule_logical, return (a != A(0)) != (b != B(0));)

// gcd / lcm: non-negative, as NumPy (lcm(a, 0) is 0; the magnitudes wrap in the dtype).
GPU_ND_BINARY_OP(gcd_, rule_gcd,
    R x = a < R(0) ? wrap_neg(a) : a, y = b < R(0) ? wrap_neg(b) : b;
    while (y != R(0)) { const R t = R(x % y); x = y; y = t; }
    return x;)
GPU_ND_BINARY_OP(lcm_, rule_lcm,
    R x = a < R(0) ? wrap_neg(a) : a, y = b < R(0) ? wrap_neg(b) : b;
    if (x == R(0) || y == R(0)) return R(0);
    R g = x, h = y;
    while (h != R(0)) { const R t = R(g % h); g = h; h = t; }
    return wrap_mul(R(x / g), y);)

// heaviside(x, h0): 0 below zero, 1 above, h0 at zero; NaN stays NaN.
GPU_ND_BINARY_OP(heaviside_, rule_heaviside,
    if (a != a) return a;
    return a < R(0) ? R(0) : a > R(0) ? R(1) : b;)
