#pragma once
// Code that the host executor compiles and that NVRTC compiles into every kernel, from one text:
// GPU_ND_SHARED both defines its argument as C++ here and keeps it as a string for the kernel
// source. Scalar operations (expr/ops.hpp) are written this way, so host and GPU cannot drift.
#include <cmath>

// On the host the shared code is ordinary inline C++; in a kernel GND_FN means __device__.
#define GND_FN inline

// Defines the code in namespace gpu::detail::gnd and stores its text in NAME for kernels.
#define GPU_ND_SHARED(NAME, ...)                                      \
    namespace gpu::detail::gnd {                                      \
    __VA_ARGS__                                                       \
    }                                                                 \
    namespace gpu::detail {                                           \
    inline constexpr const char NAME[] = #__VA_ARGS__;                \
    }

// The host needs the standard math overloads under the unqualified names kernels use.
namespace gpu::detail::gnd {
using std::ceil;
using std::copysign;
using std::cos;
using std::exp;
using std::fabs;
using std::floor;
using std::fmod;
using std::log;
using std::pow;
using std::sin;
using std::sqrt;
using std::tan;
using std::tanh;
}  // namespace gpu::detail::gnd

// Type traits and NumPy-exact conversions and integer arithmetic. Kernels have no <type_traits>
// (including it would slow every compile), so the few traits needed are spelled out.
GPU_ND_SHARED(prelude_source,
template <class T> struct is_float_t { static constexpr bool value = false; };
template <> struct is_float_t<float> { static constexpr bool value = true; };
template <> struct is_float_t<double> { static constexpr bool value = true; };
template <class T> struct is_bool_t { static constexpr bool value = false; };
template <> struct is_bool_t<bool> { static constexpr bool value = true; };
template <class T> constexpr bool is_float = is_float_t<T>::value;
template <class T> constexpr bool is_bool = is_bool_t<T>::value;
template <class T> constexpr bool is_int = !is_float<T> && !is_bool<T>;
template <class T> constexpr bool is_signed_int = is_int<T> && T(-1) < T(0);

template <int Bytes> struct uint_of;
template <> struct uint_of<1> { using type = unsigned char; };
template <> struct uint_of<2> { using type = unsigned short; };
template <> struct uint_of<4> { using type = unsigned int; };
template <> struct uint_of<8> { using type = unsigned long long; };
/* At least as wide as unsigned int, so that small types do not promote to signed int. */
template <class T> using wide_uint = typename uint_of<(sizeof(T) < 4 ? 4 : sizeof(T))>::type;

/* NumPy's astype: to bool is "non-zero"; float to integer goes through int64 and wraps, as
   NumPy does on x86-64, so the host and the GPU agree for every in-range value. */
template <class To, class From> GND_FN To cast(From x) {
    if constexpr (is_bool<To>) {
        return x != From(0);
    } else if constexpr (is_float<From> && is_int<To>) {
        if constexpr (sizeof(To) == 8 && !is_signed_int<To>)
            return x < From(0) ? To((long long)x) : To(x);
        else
            return To((long long)x);
    } else {
        return To(x);
    }
}

/* Integer + - * wrap around as in NumPy; unsigned arithmetic keeps that defined in C++. */
template <class T> GND_FN T wrap_add(T a, T b) { return T(wide_uint<T>(a) + wide_uint<T>(b)); }
template <class T> GND_FN T wrap_sub(T a, T b) { return T(wide_uint<T>(a) - wide_uint<T>(b)); }
template <class T> GND_FN T wrap_mul(T a, T b) { return T(wide_uint<T>(a) * wide_uint<T>(b)); }
template <class T> GND_FN T wrap_neg(T a) { return T(wide_uint<T>(0) - wide_uint<T>(a)); }

/* Exact comparisons of integers of any signedness (NumPy 2 compares int64 with uint64 exactly). */
template <class A, class B> GND_FN bool cmp_less(A a, B b) {
    if constexpr (is_signed_int<A> && !is_signed_int<B> && is_int<B>)
        return a < A(0) || (unsigned long long)a < (unsigned long long)b;
    else if constexpr (!is_signed_int<A> && is_int<A> && is_signed_int<B>)
        return b >= B(0) && (unsigned long long)a < (unsigned long long)b;
    else
        return a < b;
}
template <class A, class B> GND_FN bool cmp_equal(A a, B b) {
    if constexpr ((is_signed_int<A> && !is_signed_int<B> && is_int<B>) ||
                  (is_signed_int<B> && !is_signed_int<A> && is_int<A>))
        return !cmp_less(a, b) && !cmp_less(b, a);
    else
        return a == b;
}
)
