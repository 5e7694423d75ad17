#pragma once
// Data types: the dtype enumeration, the C++ type behind each one, and NumPy 2's promotion
// rules, all decided at compile time so an expression's result type costs nothing at run time.
#include <array>
#include <complex>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "gpu/core/complex.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/half.hpp"

namespace gpu {

enum class dtype : std::uint8_t {
    bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64,
    float16, bfloat16, complex64, complex128
};

namespace detail {

template <class T> struct dtype_of_impl { static constexpr bool supported = false; };
#define GPU_ND_DTYPE(T, D, NAME, CUDA_NAME)                                   \
    template <> struct dtype_of_impl<T> {                                     \
        static constexpr bool supported = true;                               \
        static constexpr dtype value = dtype::D;                              \
        static constexpr std::string_view name = NAME;                        \
        static constexpr std::string_view cuda_name = CUDA_NAME;              \
    };
GPU_ND_DTYPE(bool, bool_, "bool", "bool")
GPU_ND_DTYPE(std::int8_t, int8, "int8", "signed char")
GPU_ND_DTYPE(std::int16_t, int16, "int16", "short")
GPU_ND_DTYPE(std::int32_t, int32, "int32", "int")
GPU_ND_DTYPE(std::int64_t, int64, "int64", "long long")
GPU_ND_DTYPE(std::uint8_t, uint8, "uint8", "unsigned char")
GPU_ND_DTYPE(std::uint16_t, uint16, "uint16", "unsigned short")
GPU_ND_DTYPE(std::uint32_t, uint32, "uint32", "unsigned int")
GPU_ND_DTYPE(std::uint64_t, uint64, "uint64", "unsigned long long")
GPU_ND_DTYPE(float, float32, "float32", "float")
GPU_ND_DTYPE(double, float64, "float64", "double")
GPU_ND_DTYPE(float16, float16, "float16", "gnd::float16")
GPU_ND_DTYPE(bfloat16, bfloat16, "bfloat16", "gnd::bfloat16")
GPU_ND_DTYPE(std::complex<float>, complex64, "complex64", "gnd::complex<float>")
GPU_ND_DTYPE(std::complex<double>, complex128, "complex128", "gnd::complex<double>")
#undef GPU_ND_DTYPE

// The C++ spelling of T in kernel source.
template <class T>
inline const char* cuda_type_name() {
    if constexpr (std::is_same_v<T, gnd::complex<float>>) return "gnd::complex<float>";
    else if constexpr (std::is_same_v<T, gnd::complex<double>>) return "gnd::complex<double>";
    else return dtype_of_impl<T>::cuda_name.data();
}

// The type scalar operations and accumulators compute in for values of dtype T: float for the
// 2-byte floats (NumPy's float16 loops compute in float32 and round each result), T otherwise.
template <class T> struct compute_of { using type = T; };
template <> struct compute_of<float16> { using type = float; };
template <> struct compute_of<bfloat16> { using type = float; };
template <class F> struct compute_of<std::complex<F>> { using type = gnd::complex<F>; };
template <class T> using compute_t = typename compute_of<T>::type;
template <class T>
const char* compute_name() {
    if constexpr (std::is_same_v<compute_t<T>, float>) return "float";
    else return cuda_type_name<T>();
}

template <dtype D> struct type_of_impl;
template <> struct type_of_impl<dtype::bool_> { using type = bool; };
template <> struct type_of_impl<dtype::int8> { using type = std::int8_t; };
template <> struct type_of_impl<dtype::int16> { using type = std::int16_t; };
template <> struct type_of_impl<dtype::int32> { using type = std::int32_t; };
template <> struct type_of_impl<dtype::int64> { using type = std::int64_t; };
template <> struct type_of_impl<dtype::uint8> { using type = std::uint8_t; };
template <> struct type_of_impl<dtype::uint16> { using type = std::uint16_t; };
template <> struct type_of_impl<dtype::uint32> { using type = std::uint32_t; };
template <> struct type_of_impl<dtype::uint64> { using type = std::uint64_t; };
template <> struct type_of_impl<dtype::float32> { using type = float; };
template <> struct type_of_impl<dtype::float64> { using type = double; };
template <> struct type_of_impl<dtype::float16> { using type = float16; };
template <> struct type_of_impl<dtype::bfloat16> { using type = bfloat16; };
template <> struct type_of_impl<dtype::complex64> { using type = std::complex<float>; };
template <> struct type_of_impl<dtype::complex128> { using type = std::complex<double>; };

}  // namespace detail

// True for the element types gpu::ndarray<T> accepts.
template <class T>
inline constexpr bool is_dtype_v = detail::dtype_of_impl<std::remove_cv_t<T>>::supported;

template <class T>
inline constexpr dtype dtype_of_v = detail::dtype_of_impl<T>::value;

template <dtype D>
using type_of_t = typename detail::type_of_impl<D>::type;

// The number of dtypes: the enumerators are 0 .. n_dtypes - 1.
inline constexpr int n_dtypes = static_cast<int>(dtype::complex128) + 1;

namespace detail {

template <class F, int... I>
void visit_dtype_impl(dtype d, F& f, std::integer_sequence<int, I...>) {
    (void)((static_cast<int>(d) == I && (f(std::type_identity<type_of_t<static_cast<dtype>(I)>>{}), true)) || ...);
}
// f(std::type_identity<T>{}) for T, the C++ type of a dtype known at run time.
template <class F>
void visit_dtype(dtype d, F&& f) {
    visit_dtype_impl(d, f, std::make_integer_sequence<int, n_dtypes>{});
}

// The C++ spelling of a dtype known at run time in kernel source: the table's cuda_name.
constexpr std::string_view cuda_name_of(dtype d) {
    constexpr auto names = []<int... I>(std::integer_sequence<int, I...>) {
        return std::array<std::string_view, n_dtypes>{dtype_of_impl<type_of_t<static_cast<dtype>(I)>>::cuda_name...};
    }(std::make_integer_sequence<int, n_dtypes>{});
    return names[static_cast<int>(d)];
}

}  // namespace detail

// NumPy's name ("float32"), as in error messages and printing.
template <class T>
inline constexpr std::string_view dtype_name_v = detail::dtype_of_impl<T>::name;

constexpr bool is_bool(dtype d) { return d == dtype::bool_; }
// Real floating-point dtypes (NumPy's kind 'f'; bfloat16 counts as one, as in ml_dtypes).
constexpr bool is_float(dtype d) {
    return d == dtype::float32 || d == dtype::float64 || d == dtype::float16 || d == dtype::bfloat16;
}
constexpr bool is_complex(dtype d) { return d == dtype::complex64 || d == dtype::complex128; }
// 2-byte floats: stored as such, computed in float32 and rounded after every operation.
constexpr bool is_half(dtype d) { return d == dtype::float16 || d == dtype::bfloat16; }
// Floats and complex: NumPy's "inexact" kinds.
constexpr bool is_inexact(dtype d) { return is_float(d) || is_complex(d); }
constexpr bool is_unsigned(dtype d) { return d >= dtype::uint8 && d <= dtype::uint64; }
constexpr bool is_signed_int(dtype d) { return d >= dtype::int8 && d <= dtype::int64; }
constexpr bool is_integer(dtype d) { return is_signed_int(d) || is_unsigned(d); }

constexpr int itemsize(dtype d) {
    switch (d) {
        case dtype::bool_: case dtype::int8: case dtype::uint8: return 1;
        case dtype::int16: case dtype::uint16: case dtype::float16: case dtype::bfloat16: return 2;
        case dtype::int32: case dtype::uint32: case dtype::float32: return 4;
        case dtype::complex128: return 16;
        default: return 8;
    }
}

constexpr std::string_view name_of(dtype d) {
    constexpr std::string_view names[] = {"bool",  "int8",   "int16",  "int32",   "int64",  "uint8",
                                          "uint16", "uint32", "uint64", "float32", "float64", "float16",
                                          "bfloat16", "complex64", "complex128"};
    return names[static_cast<int>(d)];
}

namespace detail {

constexpr dtype signed_of_size(int bytes) {
    return bytes == 1 ? dtype::int8 : bytes == 2 ? dtype::int16 : bytes == 4 ? dtype::int32 : dtype::int64;
}

}  // namespace detail

namespace detail {

// The float dtype that holds every value of the real dtype d (float16 for bool and 8-bit
// integers, float32 for 16-bit ones, float64 above), as NumPy's safe casts say.
constexpr dtype float_holding(dtype d) {
    if (is_inexact(d)) return d;
    return itemsize(d) == 1 ? dtype::float16 : itemsize(d) == 2 ? dtype::float32 : dtype::float64;
}
constexpr int float_rank(dtype f) {
    return f == dtype::float16 ? 1 : f == dtype::float32 ? 2 : f == dtype::float64 ? 3 : 0;
}

// np.result_type of two real float-or-integer dtypes, at least one of them a float.
constexpr dtype promote_real_float(dtype a, dtype b) {
    // bfloat16 (ml_dtypes): bool, int8 and uint8 cast to it safely; anything else meets it as
    // float32 would, so an int16 or float16 operand is never rounded to bfloat16's 8 bits.
    if (a == dtype::bfloat16 || b == dtype::bfloat16) {
        const dtype o = a == dtype::bfloat16 ? b : a;
        if (o == dtype::bfloat16 || is_bool(o) || o == dtype::int8 || o == dtype::uint8) return dtype::bfloat16;
        return promote_real_float(dtype::float32, o);
    }
    const dtype fa = float_holding(a), fb = float_holding(b);
    return float_rank(fa) >= float_rank(fb) ? fa : fb;
}

// The complex dtype of a real float's precision (float32 and below: complex64).
constexpr dtype complex_of(dtype f) { return f == dtype::float64 ? dtype::complex128 : dtype::complex64; }
// The real dtype of a complex dtype's parts.
constexpr dtype real_of(dtype c) {
    return c == dtype::complex128 ? dtype::float64 : c == dtype::complex64 ? dtype::float32 : c;
}

}  // namespace detail

// np.result_type for two array dtypes (NumPy 2, no value-based casting; bfloat16 as ml_dtypes).
constexpr dtype promote(dtype a, dtype b) {
    if (a == b) return a;
    if (is_bool(a)) return b;
    if (is_bool(b)) return a;
    if (is_complex(a) || is_complex(b)) {
        // The parts' dtype is the promotion of the real dtypes (complex64 + int16 -> complex64,
        // complex64 + int32 or float64 -> complex128).
        const dtype ra = detail::real_of(a), rb = detail::real_of(b);
        const dtype r = (is_complex(a) && is_complex(b)) ? (itemsize(a) > itemsize(b) ? ra : rb)
                                                          : detail::promote_real_float(is_complex(a) ? ra : a,
                                                                                       is_complex(a) ? b : rb);
        return detail::complex_of(r);
    }
    if (is_float(a) || is_float(b)) return detail::promote_real_float(a, b);
    if (is_unsigned(a) == is_unsigned(b)) return itemsize(a) > itemsize(b) ? a : b;
    const dtype s = is_unsigned(a) ? b : a, u = is_unsigned(a) ? a : b;
    if (itemsize(s) > itemsize(u)) return s;
    if (itemsize(u) == 8) return dtype::float64;  // no integer holds both int64 and uint64
    return detail::signed_of_size(2 * itemsize(u));
}

// The kinds of C++ scalars. They are "weak" like Python scalars (NEP 50): the array's dtype
// wins unless the scalar is of a higher kind.
// std::complex is Python's complex, one kind above floating.
enum class scalar_kind : std::uint8_t { boolean, integer, floating, complex };

namespace detail {
template <class S> struct is_std_complex : std::false_type {};
template <class F> struct is_std_complex<std::complex<F>> : std::true_type {};
}  // namespace detail

// C++ scalars: arithmetic types, gpu::float16 / gpu::bfloat16 (weak floats, like a Python float)
// and std::complex (weak complex, like a Python complex).
template <class S>
inline constexpr bool is_cpp_scalar_v =
    (std::is_arithmetic_v<S> && !std::is_same_v<S, char> && !std::is_same_v<S, wchar_t> &&
     !std::is_same_v<S, char8_t> && !std::is_same_v<S, char16_t> && !std::is_same_v<S, char32_t>) ||
    detail::is_std_complex<S>::value || std::is_same_v<S, float16> || std::is_same_v<S, bfloat16>;

template <class S>
inline constexpr scalar_kind scalar_kind_v = std::is_same_v<S, bool>          ? scalar_kind::boolean
                                             : std::is_integral_v<S>         ? scalar_kind::integer
                                             : detail::is_std_complex<S>::value ? scalar_kind::complex
                                                                              : scalar_kind::floating;

// np.result_type(array_of_dtype_a, python_scalar_of_kind_k).
constexpr dtype promote_weak(dtype a, scalar_kind k) {
    switch (k) {
        case scalar_kind::boolean: return a;
        case scalar_kind::integer: return is_bool(a) ? dtype::int64 : a;
        case scalar_kind::floating: return is_inexact(a) ? a : dtype::float64;
        default: return is_complex(a) ? a : is_float(a) ? detail::complex_of(a) : dtype::complex128;
    }
}

// np.can_cast(from, to, casting="same_kind"): the rule for in-place operators and out=.
constexpr bool can_cast_same_kind(dtype from, dtype to) {
    if (is_bool(from) || from == to) return true;
    if (is_bool(to)) return false;
    if (is_complex(from)) return is_complex(to);
    if (is_inexact(to)) return true;
    if (is_float(from)) return false;
    if (is_unsigned(from)) return true;  // unsigned to any integer is within the kind
    return is_signed_int(to);
}

// np.promote_types(a, b): the smallest dtype both cast to safely (the promotion above).
constexpr dtype promote_types(dtype a, dtype b) { return promote(a, b); }

// np.result_type of arrays' dtypes (or of dtypes): their promotion, left to right.
template <class... D>
    requires(sizeof...(D) > 0 && (std::is_same_v<D, dtype> && ...))
constexpr dtype result_type(dtype first, D... rest) {
    ((first = promote(first, rest)), ...);
    return first;
}

// np.can_cast(from, to, casting="safe"). 'safe' is NumPy's rule that every value converts
// exactly: promote(from, to) == to (bfloat16 as ml_dtypes: bool and 8-bit integers cast to it).
// Another rule name is NumPy's ValueError.
constexpr bool can_cast(dtype from, dtype to, std::string_view casting = "safe") {
    if (casting == "no" || casting == "equiv") return from == to;  // one byte order: equiv is no
    if (casting == "safe") return promote(from, to) == to;
    if (casting == "same_kind") return can_cast_same_kind(from, to);
    if (casting == "unsafe") return true;
    throw value_error("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '" +
                                std::string(casting) + "')");
}

// np.isdtype(dtype, kind): kind a dtype, or one of NumPy's kind names "bool", "signed integer",
// "unsigned integer", "integral", "real floating" (bfloat16 counts), "complex floating", "numeric".
constexpr bool isdtype(dtype d, dtype kind) { return d == kind; }
inline bool isdtype(dtype d, std::string_view kind) {
    if (kind == "bool") return is_bool(d);
    if (kind == "signed integer") return is_signed_int(d);
    if (kind == "unsigned integer") return is_unsigned(d);
    if (kind == "integral") return is_integer(d);
    if (kind == "real floating") return is_float(d);
    if (kind == "complex floating") return is_complex(d);
    if (kind == "numeric") return !is_bool(d);
    throw value_error("kind argument is a string, but '" + std::string(kind) + "' is not a known kind name.");
}

// np.common_type(arrays...): the float (or complex) dtype of the highest precision among the
// arrays, integers counting as float64. Bool and bfloat16 arrays have none (NumPy's TypeError).
template <class... A>
constexpr dtype common_type(const A&...) {
    static_assert(sizeof...(A) > 0, "common_type takes array inputs");
    constexpr dtype ds[] = {dtype_of_v<typename A::value_type>...};
    int precision = 0;  // 0 half, 1 single, 2 double
    bool complex = false;
    for (dtype d : ds) {
        if (is_bool(d) || d == dtype::bfloat16) throw type_error("can't get common type for non-numeric array");
        complex = complex || is_complex(d);
        const int p = is_integer(d) || d == dtype::float64 || d == dtype::complex128 ? 2 : d == dtype::float16 ? 0 : 1;
        precision = p > precision ? p : precision;
    }
    if (complex) return precision == 2 ? dtype::complex128 : dtype::complex64;
    return precision == 2 ? dtype::float64 : precision == 1 ? dtype::float32 : dtype::float16;
}

// np.isscalar(x): a C++ scalar is, an array (even 0-d) or expression is not.
template <class T>
constexpr bool isscalar(const T&) {
    return is_cpp_scalar_v<T>;
}

}  // namespace gpu
