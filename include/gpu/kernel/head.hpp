#pragma once
// The one device head: what every kernel of the library and of its users is compiled with.
// The part written with GPU_ND_SHARED (type traits, NumPy's conversions and integer arithmetic,
// vectors, dims) is also C++ on the host, so both executors run the same code; the device part
// holds warp and memory-ordering helpers that only exist on a GPU. kernel_unit() assembles a
// translation unit: head, then the shared texts a kernel needs (scalar ops, accumulators, ...),
// then its device templates. See docs/architecture.md.
#include <initializer_list>
#include <string>
#include <string_view>

#include <complex>

#include "gpu/core/complex.hpp"
#include "gpu/core/half.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/kernel/shared.hpp"

// Type traits and NumPy-exact conversions and integer arithmetic. Kernels have no <type_traits>
// (including it would slow every compile), so the few traits needed are spelled out.
GPU_ND_SHARED(head_source,
template <class T> struct is_float_t { static constexpr bool value = false; };
template <> struct is_float_t<float> { static constexpr bool value = true; };
template <> struct is_float_t<double> { static constexpr bool value = true; };
template <> struct is_float_t<float16> { static constexpr bool value = true; };
template <> struct is_float_t<bfloat16> { static constexpr bool value = true; };
template <class T> struct is_bool_t { static constexpr bool value = false; };
template <> struct is_bool_t<bool> { static constexpr bool value = true; };
template <class T> constexpr bool is_float = is_float_t<T>::value;
template <class T> constexpr bool is_bool = is_bool_t<T>::value;
template <class T> constexpr bool is_half = is_half_t<T>::value;
template <class T> constexpr bool is_complex = is_complex_t<T>::value;
template <class T> constexpr bool is_inexact = is_float<T> || is_complex<T>;
template <class T> constexpr bool is_int = !is_float<T> && !is_bool<T> && !is_complex<T>;
template <class T> constexpr bool is_signed_int = is_int<T> && T(-1) < T(0);
template <class A, class B> struct is_same_t { static constexpr bool value = false; };
template <class A> struct is_same_t<A, A> { static constexpr bool value = true; };

template <int Bytes> struct uint_of;
template <> struct uint_of<1> { using type = unsigned char; };
template <> struct uint_of<2> { using type = unsigned short; };
template <> struct uint_of<4> { using type = unsigned int; };
template <> struct uint_of<8> { using type = unsigned long long; };
/* At least as wide as unsigned int, so that small types do not promote to signed int. */
template <class T> using wide_uint = typename uint_of<(sizeof(T) < 4 ? 4 : sizeof(T))>::type;

/* x86-64's truncating conversion to a 32- or 64-bit register: a value outside its range, NaN
   included, becomes the register's minimum (C++ leaves it undefined; the GPU would saturate). */
template <class I, class F> GND_FN I x86_trunc(F x) {
    const F lim = F(sizeof(I) == 4 ? 2147483648.0 : 9223372036854775808.0);  /* exact in every F */
    return x >= -lim && x < lim ? I(x) : I(sizeof(I) == 4 ? -2147483647 - 1 : -9223372036854775807LL - 1);
}

/* NumPy's astype: to bool is "non-zero"; float to integer truncates and wraps as NumPy does on
   x86-64, out-of-range values and NaN included (NumPy warns "invalid value encountered in cast"
   and gives what the hardware gives: int8 to int32 convert through int32, uint32 through int64
   for x >= 0, uint64 above 2^63 by an offset of 2^63), so both executors give NumPy's values. */
template <class To, class From> GND_FN To cast(From x) {
    if constexpr (is_same_t<To, From>::value) {
        return x;
    } else if constexpr (is_half<From>) {
        return cast<To>(x.to_float());  /* exact: every half value is a float */
    } else if constexpr (is_complex<From>) {
        /* To complex: part by part; to bool: either part non-zero; to a real: the real part. */
        if constexpr (is_complex<To>) return To(cast<typename To::value_type>(x.real()), cast<typename To::value_type>(x.imag()));
        else if constexpr (is_bool<To>) return x.real() != 0 || x.imag() != 0;
        else return cast<To>(x.real());
    } else if constexpr (is_complex<To>) {
        return To(cast<typename To::value_type>(x), typename To::value_type(0));
    } else if constexpr (is_half<To>) {
        if constexpr (is_bool<From>) return To(x ? 1.0f : 0.0f); else return To(x);
    } else if constexpr (is_bool<To>) {
        return x != From(0);
    } else if constexpr (is_float<From> && is_int<To>) {
        if constexpr (sizeof(To) < 4 || (sizeof(To) == 4 && is_signed_int<To>)) {
            return To(x86_trunc<int>(x));
        } else if constexpr (sizeof(To) == 4) {
            return x >= From(0) ? To(x86_trunc<long long>(x)) : To(x86_trunc<int>(x));
        } else if constexpr (is_signed_int<To>) {
            return To(x86_trunc<long long>(x));
        } else {
            const From two63 = From(9223372036854775808.0);
            if (x >= two63) return To((unsigned long long)x86_trunc<long long>(x - two63) ^ 0x8000000000000000ULL);
            return To(x86_trunc<long long>(x));
        }
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

/* N elements moved as one aligned access, and R extents or strides passed by value. */
template <class T, int N> struct alignas(sizeof(T) * N) vec { T v[N]; };
/* The value of a two-result ufunc (divmod, modf, frexp): one element of each output; two_out
   points at its two output arrays. */
template <class A, class B> struct two { A first; B second; };
template <class A, class B> struct two_out { A* first; B* second; };
template <class I, int R> struct dims { I v[R]; };
template <class I, int R, int N> struct strides_of { dims<I, R> v[N]; };
)

// On the host, arrays of complex dtypes hold std::complex, converted to gnd::complex to compute.
namespace gpu::detail::gnd {
template <class T> struct is_complex_t<std::complex<T>> { static constexpr bool value = true; };
}  // namespace gpu::detail::gnd

namespace gpu::detail {

// Device-only helpers (inside namespace gnd of every kernel): shuffles and L2 loads of any
// trivially copyable value, and relaxed gpu-scope 64-bit stores and loads (single-copy atomic,
// the look-back status words of the scans).
inline constexpr const char device_head_source[] = R"(
/* Warp shuffles of any trivially copyable value (complex, pairs, half), moved as the 32-bit words
   the hardware shuffles. */
template <class T, class F> GND_FN T shfl_words(const T& x, F f) {
  constexpr int n = (sizeof(T) + 3) / 4;
  unsigned w[n] = {};
  memcpy(w, &x, sizeof(T));
#pragma unroll
  for (int k = 0; k < n; ++k) w[k] = f(w[k]);
  T r;
  memcpy(&r, w, sizeof(T));
  return r;
}
template <class T> GND_FN T shfl_down(const T& x, int d) { return shfl_words(x, [d](unsigned u) { return __shfl_down_sync(0xffffffffu, u, d); }); }
template <class T> GND_FN T shfl_up(const T& x, int d) { return shfl_words(x, [d](unsigned u) { return __shfl_up_sync(0xffffffffu, u, d); }); }
template <class T> GND_FN T shfl_xor(const T& x, int m) { return shfl_words(x, [m](unsigned u) { return __shfl_xor_sync(0xffffffffu, u, m); }); }
template <class T> GND_FN T shfl_idx(const T& x, int lane) { return shfl_words(x, [lane](unsigned u) { return __shfl_sync(0xffffffffu, u, lane); }); }
template <class T> GND_FN T load_cg(const T* p) {
  if constexpr (sizeof(T) == 8) { union { T t; unsigned long long u; } c; c.u = __ldcg((const unsigned long long*)p); return c.t; }
  else if constexpr (sizeof(T) == 4) { union { T t; unsigned u; } c; c.u = __ldcg((const unsigned*)p); return c.t; }
  else if constexpr (sizeof(T) == 2) { union { T t; unsigned short u; } c; c.u = __ldcg((const unsigned short*)p); return c.t; }
  else { union { T t; unsigned char u; } c; c.u = __ldcg((const unsigned char*)p); return c.t; }
}
/* V elements from p: one aligned vector when `whole`, else p[0] broadcast (a stride-0 operand). */
template <class T, int V> GND_FN void load_vec(vec<T, V>& r, const T* p, bool whole) {
  if (whole) r = *reinterpret_cast<const vec<T, V>*>(p);
  else { const T x = *p;
#pragma unroll
    for (int j = 0; j < V; ++j) r.v[j] = x; }
}
/* The values of an index operand: its offsets, consecutive or broadcast. */
template <int V> GND_FN void index_vec(vec<long long, V>& r, long long o, bool whole) {
#pragma unroll
  for (int j = 0; j < V; ++j) r.v[j] = o + (whole ? j : 0);
}
GND_FN void store_relaxed(unsigned long long* p, unsigned long long w) {
  asm volatile("st.relaxed.gpu.global.u64 [%0], %1;" :: "l"(p), "l"(w) : "memory");
}
GND_FN unsigned long long load_relaxed(const unsigned long long* p) {
  unsigned long long w;
  asm volatile("ld.relaxed.gpu.global.u64 %0, [%1];" : "=l"(w) : "l"(p) : "memory");
  return w;
}
/* Offset, in elements, of the element with C-order index g of an array of `shape` / `strides`. */
template <class I, int R> GND_FN long long offset_of(long long g, int ndim, const dims<I, R>& shape, const dims<I, R>& strides) {
  long long off = 0;
  for (int d = ndim - 1; d > 0; --d) {
    const long long e = shape.v[d], q = g / e;
    off += (g - q * e) * strides.v[d];
    g = q;
  }
  return ndim > 0 ? off + g * strides.v[0] : 0;
}
)";

// A translation unit: the head, then `shared` (texts of GPU_ND_SHARED blocks) inside namespace
// gnd, then `device` (a family's kernel templates, or a generated kernel). The definitions of
// gnd::float16 / gnd::bfloat16 and gnd::complex are added when the shared texts, the device text
// or `names` (the name expression of a template instantiated with such a type) name them.
// Runs only on a miss.
GPU_ND_INLINE std::string kernel_unit(std::initializer_list<std::string_view> shared, std::string_view device,
                                      std::string_view names = {});

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/kernel/head.ipp"
#endif
