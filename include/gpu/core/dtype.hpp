#pragma once
// Data types: the dtype enumeration, the C++ type behind each one, and NumPy 2's promotion
// rules, all decided at compile time so an expression's result type costs nothing at run time.
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace gpu {

enum class dtype : std::uint8_t {
    bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64
    // float16, bfloat16 and the complex types slot in here later.
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
#undef GPU_ND_DTYPE

// The C++ spelling of T in kernel source.
template <class T>
inline const char* cuda_type_name() {
    return dtype_of_impl<T>::cuda_name.data();
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

}  // namespace detail

// True for the element types gpu::ndarray<T> accepts.
template <class T>
inline constexpr bool is_dtype_v = detail::dtype_of_impl<std::remove_cv_t<T>>::supported;

template <class T>
inline constexpr dtype dtype_of_v = detail::dtype_of_impl<T>::value;

template <dtype D>
using type_of_t = typename detail::type_of_impl<D>::type;

// NumPy's name ("float32"), as in error messages and printing.
template <class T>
inline constexpr std::string_view dtype_name_v = detail::dtype_of_impl<T>::name;

constexpr bool is_bool(dtype d) { return d == dtype::bool_; }
constexpr bool is_float(dtype d) { return d == dtype::float32 || d == dtype::float64; }
constexpr bool is_unsigned(dtype d) { return d >= dtype::uint8 && d <= dtype::uint64; }
constexpr bool is_signed_int(dtype d) { return d >= dtype::int8 && d <= dtype::int64; }
constexpr bool is_integer(dtype d) { return is_signed_int(d) || is_unsigned(d); }

constexpr int itemsize(dtype d) {
    switch (d) {
        case dtype::bool_: case dtype::int8: case dtype::uint8: return 1;
        case dtype::int16: case dtype::uint16: return 2;
        case dtype::int32: case dtype::uint32: case dtype::float32: return 4;
        default: return 8;
    }
}

constexpr std::string_view name_of(dtype d) {
    constexpr std::string_view names[] = {"bool",  "int8",   "int16",  "int32",   "int64",  "uint8",
                                          "uint16", "uint32", "uint64", "float32", "float64"};
    return names[static_cast<int>(d)];
}

namespace detail {

constexpr dtype signed_of_size(int bytes) {
    return bytes == 1 ? dtype::int8 : bytes == 2 ? dtype::int16 : bytes == 4 ? dtype::int32 : dtype::int64;
}

}  // namespace detail

// np.result_type for two array dtypes (NumPy 2, no value-based casting).
constexpr dtype promote(dtype a, dtype b) {
    if (a == b) return a;
    if (is_bool(a)) return b;
    if (is_bool(b)) return a;
    if (is_float(a) || is_float(b)) {
        if (is_float(a) && is_float(b)) return itemsize(a) > itemsize(b) ? a : b;
        const dtype f = is_float(a) ? a : b, i = is_float(a) ? b : a;
        // float32 holds int8/16 and uint8/16 exactly; wider integers need float64.
        return (f == dtype::float32 && itemsize(i) <= 2) ? dtype::float32 : dtype::float64;
    }
    if (is_unsigned(a) == is_unsigned(b)) return itemsize(a) > itemsize(b) ? a : b;
    const dtype s = is_unsigned(a) ? b : a, u = is_unsigned(a) ? a : b;
    if (itemsize(s) > itemsize(u)) return s;
    if (itemsize(u) == 8) return dtype::float64;  // no integer holds both int64 and uint64
    return detail::signed_of_size(2 * itemsize(u));
}

// The kinds of C++ scalars. They are "weak" like Python scalars (NEP 50): the array's dtype
// wins unless the scalar is of a higher kind.
enum class scalar_kind : std::uint8_t { boolean, integer, floating };

template <class S>
inline constexpr bool is_cpp_scalar_v =
    std::is_arithmetic_v<S> && !std::is_same_v<S, char> && !std::is_same_v<S, wchar_t> &&
    !std::is_same_v<S, char8_t> && !std::is_same_v<S, char16_t> && !std::is_same_v<S, char32_t>;

template <class S>
inline constexpr scalar_kind scalar_kind_v = std::is_same_v<S, bool>  ? scalar_kind::boolean
                                             : std::is_integral_v<S> ? scalar_kind::integer
                                                                      : scalar_kind::floating;

// np.result_type(array_of_dtype_a, python_scalar_of_kind_k).
constexpr dtype promote_weak(dtype a, scalar_kind k) {
    switch (k) {
        case scalar_kind::boolean: return a;
        case scalar_kind::integer: return is_bool(a) ? dtype::int64 : a;
        default: return is_float(a) ? a : dtype::float64;
    }
}

// np.can_cast(from, to, casting="same_kind"): the rule for in-place operators and out=.
constexpr bool can_cast_same_kind(dtype from, dtype to) {
    if (is_bool(from) || from == to) return true;
    if (is_bool(to)) return false;
    if (is_float(from)) return is_float(to);
    if (is_float(to)) return true;
    if (is_unsigned(from)) return true;  // unsigned to any integer is within the kind
    return is_signed_int(to);
}

}  // namespace gpu
