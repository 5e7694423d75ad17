#pragma once
// The counter-based generator behind gpu::random: Philox4x32-10 (Salmon et al., "Parallel random
// numbers: as easy as 1, 2, 3", SC'11) and the conversions of its 32-bit words into values. Written
// once inside GPU_ND_SHARED, so the host executor compiles this code and every random kernel gets
// the same text: the same seed gives the same bits on both executors.
//
// Bit equality needs the same rounding on both sides. NVRTC contracts a*b + c into an fma by
// default and a host compiler may do so where the target has fma, so every inexact product
// here either is an explicit fma operand or feeds no addition; log, sin and cos are our own
// polynomials (the CUDA and C math libraries differ by an ulp or two); division and sqrt are
// correctly rounded on both sides (NVRTC's defaults: --prec-div, --prec-sqrt, no ftz).
//
// A call that fills n elements uses counters offset .. offset + ceil(n / G) - 1 under key (seed):
// element i is value i % G of the block of counter offset + i / G, where one Philox call (a
// block, 128 bits) gives G values: 4 for float32 uniform and normal, 2 for float64, 1 for
// integers. A rejection sampler (G = 1) draws as many further blocks of its element's counter
// as it needs, through the third counter word (rng_stream): the values depend on the element
// index only, never on the launch shape or the executor.
#include <cmath>

#include "gpu/kernel/head.hpp"

namespace gpu::detail::gnd {
using std::fma;
using std::nextafter;

// The high word of a 32x32-bit product: the one function spelled twice, because written
// portably (a 64-bit product shifted) NVVM widens the whole Philox round to 64-bit operations;
// the kernel text (rng_mulhi32_source) uses the __umulhi instruction. Both are exact.
inline unsigned int rng_mulhi32(unsigned int a, unsigned int b) {
    return static_cast<unsigned int>((static_cast<unsigned long long>(a) * b) >> 32);
}
}  // namespace gpu::detail::gnd

namespace gpu::detail {
inline constexpr const char rng_mulhi32_source[] =
    "GND_FN unsigned int rng_mulhi32(unsigned int a, unsigned int b) { return __umulhi(a, b); }";
}  // namespace gpu::detail

GPU_ND_SHARED(random_source,
struct rng_words { unsigned int x, y, z, w; };

/* One Philox4x32 round: two 32x32->64 multiplies, their halves mixed with the other words. */
GND_FN rng_words rng_round(rng_words c, unsigned int k0, unsigned int k1) {
    return rng_words{rng_mulhi32(0xCD9E8D57u, c.z) ^ c.y ^ k0, 0xCD9E8D57u * c.z,
                     rng_mulhi32(0xD2511F53u, c.x) ^ c.w ^ k1, 0xD2511F53u * c.x};
}

/* Philox4x32-10: ten rounds, the key bumped by the Weyl constants between them (unrolled by hand
   so no compiler has to decide to). */
GND_FN rng_words philox4x32_10(rng_words c, unsigned int k0, unsigned int k1) {
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    c = rng_round(c, k0, k1); k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
    return rng_round(c, k0, k1);
}

/* The 128 random bits of a 64-bit counter under a 64-bit key. */
GND_FN rng_words rng_block(unsigned long long counter, unsigned long long key) {
    return philox4x32_10(rng_words{(unsigned int)counter, (unsigned int)(counter >> 32), 0u, 0u}, (unsigned int)key,
                         (unsigned int)(key >> 32));
}

GND_FN unsigned long long rng_join(unsigned int lo, unsigned int hi) { return (unsigned long long)hi << 32 | lo; }

/* The Philox stream of one counter: its blocks are those of counter words (counter, draw) for
   draw = 0, 1, 2, ... (the third counter word, 0 in every rng_block), so block 0 is
   rng_block(counter, key) and a sampler that needs a variable number of values (a rejection
   loop) draws more blocks of its own counter, which no other element or call uses. word()
   hands out the words of successive blocks in the order x, y, z, w. */
struct rng_stream {
    unsigned long long counter, key;
    unsigned int draw, left;
    rng_words buf;
    GND_FN rng_words block() {
        return philox4x32_10(rng_words{(unsigned int)counter, (unsigned int)(counter >> 32), draw++, 0u},
                             (unsigned int)key, (unsigned int)(key >> 32));
    }
    GND_FN unsigned int word() {
        if (left == 0u) { buf = block(); left = 4u; }
        const unsigned int r = buf.x;
        buf.x = buf.y; buf.y = buf.z; buf.z = buf.w;
        --left;
        return r;
    }
};

GND_FN rng_stream rng_stream_at(unsigned long long counter, unsigned long long key) {
    return rng_stream{counter, key, 0u, 0u, rng_words{0u, 0u, 0u, 0u}};
}

/* The high 64 bits of a 64x64-bit product, from 32-bit halves (no __int128 or __umul64hi). */
GND_FN unsigned long long rng_mulhi64(unsigned long long a, unsigned long long b) {
    const unsigned long long a0 = a & 0xffffffffull, a1 = a >> 32, b0 = b & 0xffffffffull, b1 = b >> 32;
    const unsigned long long p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const unsigned long long mid = (p00 >> 32) + (p01 & 0xffffffffull) + (p10 & 0xffffffffull);
    return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* Natural log of a positive normal x (tests cover 2^-64 .. 2^180): x = 2^e * m with m in
   [sqrt(1/2), sqrt(2)), log m = 2 atanh(s) with s = (m - 1) / (m + 1), a series in s^2
   (|s| < 0.172) truncated below half an ulp. The bits come apart through a union (defined behaviour in GCC, Clang and NVRTC). */
template <class T> GND_FN T rng_log(T x) {
    T m;
    int e;
    if constexpr (sizeof(T) == 4) {
        union { float f; int i; } b;
        b.f = x;
        const int ix = b.i - 0x3f3504f3;
        e = ix >> 23;
        b.i = (ix & 0x7fffff) + 0x3f3504f3;
        m = b.f;
    } else {
        union { double f; long long i; } b;
        b.f = x;
        const long long ix = b.i - 0x3fe6a09e667f3bcdll;
        e = (int)(ix >> 52);
        b.i = (ix & 0xfffffffffffffll) + 0x3fe6a09e667f3bcdll;
        m = b.f;
    }
    /* With f = m - 1 (exact) and s = f / (2 + f): log m = 2s + s R, R = 2s^2/3 + 2s^4/5 + ..., and
       2s = f - s f, so log m = f - s (f - R): the large term f is exact (fdlibm's arrangement). */
    const T f = m - T(1);
    const T s = f / (m + T(1));
    const T z = s * s;
    T q;
    if constexpr (sizeof(T) == 4) {
        q = T(2.0 / 9);
    } else {
        q = T(2.0 / 21);
        q = fma(q, z, T(2.0 / 19));
        q = fma(q, z, T(2.0 / 17));
        q = fma(q, z, T(2.0 / 15));
        q = fma(q, z, T(2.0 / 13));
        q = fma(q, z, T(2.0 / 11));
        q = fma(q, z, T(2.0 / 9));
    }
    q = fma(q, z, T(2.0 / 7));
    q = fma(q, z, T(2.0 / 5));
    q = fma(q, z, T(2.0 / 3));
    const T lm = fma(-s, fma(-z, q, f), f);
    const T fe = T(e);
    /* e * log(2) in two parts (fdlibm's split), so the sum keeps log m's accuracy. */
    if constexpr (sizeof(T) == 4)
        return fma(fe, T(0.693145751953125), fma(fe, T(1.428606765330187045e-06), lm));
    else
        return fma(fe, T(6.93147180369123816490e-01), fma(fe, T(1.90821492927058770002e-10), lm));
}

template <class T> struct rng_pair { T sin, cos; };

/* sin and cos of 2*pi*f for |f| <= 1/8: Taylor series of sin(2 pi f) / f and cos(2 pi f) in f^2
   (|2 pi f| <= pi/4), truncated below half an ulp. */
template <class T> GND_FN rng_pair<T> rng_sincos_turns(T f) {
    const T z = f * f;
    T s, c;
    if constexpr (sizeof(T) == 4) {
        s = T(42.058693944897655);
        c = T(-26.4262567833744);
        c = fma(c, z, T(60.24464137187666));
    } else {
        s = T(0.10422916220813984);
        s = fma(s, z, T(-0.7181223017785006));
        s = fma(s, z, T(3.819952584848282));
        s = fma(s, z, T(-15.09464257682299));
        s = fma(s, z, T(42.058693944897655));
        c = T(0.28200596845579123);
        c = fma(c, z, T(-1.714390711088672));
        c = fma(c, z, T(7.903536371318469));
        c = fma(c, z, T(-26.4262567833744));
        c = fma(c, z, T(60.24464137187666));
    }
    s = fma(s, z, T(-76.70585975306139));
    s = fma(s, z, T(81.60524927607506));
    s = fma(s, z, T(-41.34170224039976));
    s = fma(s, z, T(6.283185307179586));
    c = fma(c, z, T(-85.45681720669373));
    c = fma(c, z, T(64.9393940226683));
    c = fma(c, z, T(-19.739208802178716));
    c = fma(c, z, T(1));
    /* the sine rounded by an fma with 0 (the same value as f * s): a caller may add it */
    return rng_pair<T>{fma(f, s, T(0)), c};
}

/* low + (high - low) * u with one rounding, for u in [0, 1): [low, high) (or low when low ==
   high); a result rounded up to high moves just below it. low = 0, high = 1 gives u itself. */
template <class T> GND_FN T rng_affine(T u, T low, T high) {
    T r = fma(high - low, u, low);
    if (r >= high && low < high) r = nextafter(high, low);
    return r;
}

/* Uniform values from one block: float takes the top 24 bits of each word (4 values), double
   the top 53 bits of each 64-bit half (2 values). */
template <class T> GND_FN void rng_uniform_block(rng_words w, T low, T high, T* v) {
    if constexpr (sizeof(T) == 4) {
        v[0] = rng_affine(T(w.x >> 8) * T(5.9604644775390625e-08), low, high);
        v[1] = rng_affine(T(w.y >> 8) * T(5.9604644775390625e-08), low, high);
        v[2] = rng_affine(T(w.z >> 8) * T(5.9604644775390625e-08), low, high);
        v[3] = rng_affine(T(w.w >> 8) * T(5.9604644775390625e-08), low, high);
    } else {
        v[0] = rng_affine(T(rng_join(w.x, w.y) >> 11) * T(1.1102230246251565e-16), low, high);
        v[1] = rng_affine(T(rng_join(w.z, w.w) >> 11) * T(1.1102230246251565e-16), low, high);
    }
}

/* Box-Muller: the radius sqrt(-2 log u1), u1 in (0, 1], and the angle 2 pi (q / 4 + f), q a
   quarter turn, |f| <= 1/8 (reduced exactly, in integers, by the caller); v[0] takes the
   cosine, v[1] the sine, scaled to loc + scale * z with one rounding. */
template <class T> GND_FN void rng_box_muller(T u1, unsigned int q, T f, T loc, T scale, T* v) {
    const T r = sqrt(T(-2) * rng_log(u1));
    const rng_pair<T> sc = rng_sincos_turns(f);
    T c = (q & 1u) != 0u ? sc.sin : sc.cos, s = (q & 1u) != 0u ? sc.cos : sc.sin;
    if (((q + 1u) & 2u) != 0u) c = -c;
    if ((q & 2u) != 0u) s = -s;
    v[0] = fma(scale, r * c, loc);
    v[1] = fma(scale, r * s, loc);
}

/* Normal values from one block. float: two pairs (u1 from a whole word, so the tail reaches 6.7
   sigma; the angle from the top 24 bits of the next word), 4 values; double: one pair from the
   two 64-bit halves (53 bits each), 2 values. */
template <class T> GND_FN void rng_normal_pair32(unsigned int a, unsigned int b, T loc, T scale, T* v) {
    const unsigned int k = b >> 8, q = (k + 0x200000u) >> 22;
    rng_box_muller(fma(T(a), T(2.3283064365386963e-10), T(1.1641532182693481e-10)), q,
                   T((int)k - (int)(q << 22)) * T(5.9604644775390625e-08), loc, scale, v);
}

template <class T> GND_FN void rng_normal_block(rng_words w, T loc, T scale, T* v) {
    if constexpr (sizeof(T) == 4) {
        rng_normal_pair32(w.x, w.y, loc, scale, v);
        rng_normal_pair32(w.z, w.w, loc, scale, v + 2);
    } else {
        const unsigned long long k = rng_join(w.z, w.w) >> 11;
        const unsigned int q = (unsigned int)((k + (1ull << 50)) >> 51);
        rng_box_muller(T((rng_join(w.x, w.y) >> 11) + 1u) * T(1.1102230246251565e-16), q,
                       T((long long)k - (long long)((unsigned long long)q << 51)) * T(1.1102230246251565e-16), loc,
                       scale, v);
    }
}

/* An integer in [low, low + range) from one block: floor(X * range / 2^128) for its 128 bits X,
   a bias below 2^-64 with no rejection loop. Arithmetic wraps in 64 bits and the result
   converts to T (bool: non-zero). */
template <class T> GND_FN void rng_integer_block(rng_words w, unsigned long long low, unsigned long long range, T* v) {
    const unsigned long long lo = rng_join(w.x, w.y), hi = rng_join(w.z, w.w);
    const unsigned long long t = rng_mulhi64(lo, range), p = hi * range;
    const unsigned long long x = low + rng_mulhi64(hi, range) + ((p + t < p) ? 1u : 0u);
    if constexpr (is_bool<T>) v[0] = x != 0u;
    else v[0] = (T)x;
}

/* Two integers in [low, low + range) for a range of at most 2^32 from one block:
   floor(X * range / 2^64) for each 64-bit half X, a bias below range / 2^64 <= 2^-32. Half the
   Philox work per value of rng_integer_block, for the ranges nearly every caller uses. */
template <class T> GND_FN void rng_integer_pair(rng_words w, unsigned long long low, unsigned long long range, T* v) {
    const unsigned long long a = low + rng_mulhi64(rng_join(w.x, w.y), range);
    const unsigned long long b = low + rng_mulhi64(rng_join(w.z, w.w), range);
    if constexpr (is_bool<T>) {
        v[0] = a != 0u;
        v[1] = b != 0u;
    } else {
        v[0] = (T)a;
        v[1] = (T)b;
    }
}
)
