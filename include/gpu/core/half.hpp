#pragma once
// gpu::float16 (IEEE binary16) and gpu::bfloat16 (the top half of a float32), 2-byte value types
// for host code and kernels alike. Conversions round to nearest even: from float, from double in
// one rounding for float16 (as NumPy's double -> float16 cast), and from double through float for
// bfloat16 (as ml_dtypes casts). Arithmetic on the host computes in float and rounds the result,
// which is what NumPy's float16 loops do; expressions do the same per operation
// (expr/nodes.hpp). The structs are defined once for both executors with GPU_ND_SHARED; only the
// bit conversions differ: software here, one cvt instruction each in kernels (half_device_source),
// with identical results (IEEE round to nearest even) except for NaN payloads.
#include <cstdint>
#include <cstring>

#include "gpu/kernel/shared.hpp"

// Which types are 2-byte floats and complex numbers, before their definitions: every kernel is
// compiled with this (kernel/head.hpp), while the definitions themselves (half_source,
// complex_source) go only into kernels whose text names the types, so a float32 kernel's cold
// compile does not grow.
GPU_ND_SHARED(scalar_kinds_source,
struct float16;
struct bfloat16;
template <class T> struct complex;
template <class T> struct is_half_t { static constexpr bool value = false; };
template <> struct is_half_t<float16> { static constexpr bool value = true; };
template <> struct is_half_t<bfloat16> { static constexpr bool value = true; };
template <class T> struct is_complex_t { static constexpr bool value = false; };
template <class T> struct is_complex_t<complex<T> > { static constexpr bool value = true; };
)

namespace gpu::detail::gnd {

// Round-to-nearest-even of an IEEE value with MANT explicit mantissa bits and exponent bias BIAS
// (bits: |x| without the sign) to binary16.
template <class U, int MANT, int BIAS>
inline std::uint16_t round_to_half_bits(U a) {
    constexpr int exp_bits = int(sizeof(U) * 8) - 1 - MANT;
    const U exp_all = (U(1) << exp_bits) - 1;
    const int e = int(a >> MANT);
    const U mant = a & ((U(1) << MANT) - 1);
    if (U(e) == exp_all) return mant ? std::uint16_t(0x7e00 | (mant >> (MANT - 10))) : std::uint16_t(0x7c00);
    const int unbiased = e - BIAS;
    if (unbiased >= 16) return 0x7c00;  // >= 65536: infinity
    if (unbiased >= -14) {              // a normal half (or the carry of rounding makes it inf)
        const int s = MANT - 10;
        U h = (U(unbiased + 15) << 10) | (mant >> s);
        const U r = mant & ((U(1) << s) - 1), halfway = U(1) << (s - 1);
        if (r > halfway || (r == halfway && (h & 1))) ++h;
        return std::uint16_t(h);
    }
    // Subnormal: the count of 2^-24 units, rounded to nearest even.
    if (e == 0) return 0;                        // zero or a subnormal source: far below 2^-25
    const int s = MANT - 10 + (-14 - unbiased);  // shift of the full significand
    if (s > MANT + 1) return 0;                  // below 2^-25 (exactly 2^-25 ties to 0 below)
    const U full = mant | (U(1) << MANT);
    U q = full >> s;
    const U r = full & ((U(1) << s) - 1), halfway = U(1) << (s - 1);
    if (r > halfway || (r == halfway && (q & 1))) ++q;
    return std::uint16_t(q);
}

inline std::uint16_t float_to_half_bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    return std::uint16_t(((u >> 16) & 0x8000u) | round_to_half_bits<std::uint32_t, 23, 127>(u & 0x7fffffffu));
}
inline std::uint16_t double_to_half_bits(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    return std::uint16_t(((u >> 48) & 0x8000u) |
                         round_to_half_bits<std::uint64_t, 52, 1023>(u & 0x7fffffffffffffffull));
}
inline float half_bits_to_float(std::uint16_t h) {
    const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    const std::uint32_t e = (h >> 10) & 0x1f, m = h & 0x3ffu;
    std::uint32_t u;
    if (e == 0x1f) u = sign | 0x7f800000u | (m << 13);
    else if (e != 0) u = sign | ((e + 112) << 23) | (m << 13);
    else if (m == 0) u = sign;
    else {  // subnormal: normalize
        int shift = 0;
        std::uint32_t mm = m;
        while (!(mm & 0x400u)) mm <<= 1, ++shift;
        u = sign | (std::uint32_t(113 - shift) << 23) | ((mm & 0x3ffu) << 13);
    }
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}
// bfloat16 keeps float's exponent: rounding drops 16 mantissa bits; NaN stays a quiet NaN.
inline std::uint16_t float_to_bf16_bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    if ((u & 0x7fffffffu) > 0x7f800000u) return std::uint16_t((u >> 16) | 0x40u);
    return std::uint16_t((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}
inline float bf16_bits_to_float(std::uint16_t b) {
    const std::uint32_t u = std::uint32_t(b) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

}  // namespace gpu::detail::gnd

namespace gpu::detail {

// The kernels' conversions: one PTX cvt each (bf16 rounding needs sm_80), so a float16 kernel
// includes no CUDA header and compiles as fast as a float32 one.
inline constexpr const char half_device_source[] = R"(
GND_FN float half_bits_to_float(unsigned short h) { float f; asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h)); return f; }
GND_FN unsigned short float_to_half_bits(float f) { unsigned short h; asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f)); return h; }
GND_FN unsigned short double_to_half_bits(double d) { unsigned short h; asm("cvt.rn.f16.f64 %0, %1;" : "=h"(h) : "d"(d)); return h; }
GND_FN float bf16_bits_to_float(unsigned short b) { return __uint_as_float((unsigned)b << 16); }
GND_FN unsigned short float_to_bf16_bits(float f) { unsigned short h; asm("cvt.rn.bf16.f32 %0, %1;" : "=h"(h) : "f"(f)); return h; }
)";

}  // namespace gpu::detail

// The two types. Any arithmetic type converts in (integers through float, as NumPy and ml_dtypes
// convert them); `explicit operator T` converts out through float, which holds every value
// exactly (so std::float16_t / std::bfloat16_t convert both ways without a second rounding).
GPU_ND_SHARED(half_source,
struct float16 {
    unsigned short bits;
    float16() = default;
    GND_FN float16(float f) : bits(float_to_half_bits(f)) {}
    GND_FN float16(double d) : bits(double_to_half_bits(d)) {}
    template <class T> GND_FN float16(T x) : bits(float_to_half_bits(float(x))) {}
    GND_FN float to_float() const { return half_bits_to_float(bits); }
    template <class T> GND_FN explicit operator T() const { return T(to_float()); }
    static GND_FN float16 from_bits(unsigned short b) { float16 h; h.bits = b; return h; }
};
struct bfloat16 {
    unsigned short bits;
    bfloat16() = default;
    GND_FN bfloat16(float f) : bits(float_to_bf16_bits(f)) {}
    template <class T> GND_FN bfloat16(T x) : bits(float_to_bf16_bits(float(x))) {}
    GND_FN float to_float() const { return bf16_bits_to_float(bits); }
    template <class T> GND_FN explicit operator T() const { return T(to_float()); }
    static GND_FN bfloat16 from_bits(unsigned short b) { bfloat16 h; h.bits = b; return h; }
};
/* NumPy's float16 scalar arithmetic: in float, rounded once. */
template <class H, bool = is_half_t<H>::value> struct half_result;
template <class H> struct half_result<H, true> { typedef H type; };
template <class H> GND_FN typename half_result<H>::type operator+(H a, H b) { return H(a.to_float() + b.to_float()); }
template <class H> GND_FN typename half_result<H>::type operator-(H a, H b) { return H(a.to_float() - b.to_float()); }
template <class H> GND_FN typename half_result<H>::type operator*(H a, H b) { return H(a.to_float() * b.to_float()); }
template <class H> GND_FN typename half_result<H>::type operator/(H a, H b) { return H(a.to_float() / b.to_float()); }
template <class H> GND_FN typename half_result<H>::type operator-(H a) { H r; r.bits = (unsigned short)(a.bits ^ 0x8000u); return r; }
/* For user kernels' bodies (z += x): each the operation, rounded, then stored. */
template <class H> GND_FN typename half_result<H>::type& operator+=(H& a, H b) { return a = a + b; }
template <class H> GND_FN typename half_result<H>::type& operator-=(H& a, H b) { return a = a - b; }
template <class H> GND_FN typename half_result<H>::type& operator*=(H& a, H b) { return a = a * b; }
template <class H> GND_FN typename half_result<H>::type& operator/=(H& a, H b) { return a = a / b; }
template <class H, class = typename half_result<H>::type> GND_FN bool operator==(H a, H b) { return a.to_float() == b.to_float(); }
template <class H, class = typename half_result<H>::type> GND_FN bool operator!=(H a, H b) { return a.to_float() != b.to_float(); }
template <class H, class = typename half_result<H>::type> GND_FN bool operator<(H a, H b) { return a.to_float() < b.to_float(); }
template <class H, class = typename half_result<H>::type> GND_FN bool operator>(H a, H b) { return a.to_float() > b.to_float(); }
template <class H, class = typename half_result<H>::type> GND_FN bool operator<=(H a, H b) { return a.to_float() <= b.to_float(); }
template <class H, class = typename half_result<H>::type> GND_FN bool operator>=(H a, H b) { return a.to_float() >= b.to_float(); }
)

namespace gpu {

using float16 = detail::gnd::float16;
using bfloat16 = detail::gnd::bfloat16;

}  // namespace gpu
