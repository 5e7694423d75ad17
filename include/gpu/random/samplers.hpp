#pragma once
// The distributions beyond uniform and normal, as shared code (GPU_ND_SHARED): the fill kernel
// and the host loop call the same sampler, so a seed gives the same numbers on both executors.
// Two kinds (random/fill.hpp runs both):
//  - transforms: each value is a function of one uniform (or normal) value, G = 4 per Philox
//    block for float32, 2 for float64, stored as one vector like rand's;
//  - rejection samplers (gamma, beta, F, t, Poisson, binomial, negative binomial): one value per
//    element (G = 1), drawing as many blocks of the element's own stream (rng_stream) as its loop
//    needs.
// The rounding rules of philox.hpp hold here: no product feeds an addition except as an explicit
// fma operand (a product that a caller may add is returned as fma(a, b, 0), which no compiler
// fuses further), and exp and log are our own (rng_exp, rng_log), so the bits depend neither on
// the math library nor on a host compiler's fp-contract setting. Parameter-only constants that need accuracy (log1p(-p) of geometric) are computed
// once on the host and passed in.
#include "gpu/random/philox.hpp"

namespace gpu::detail::gnd {
using std::fmax;
using std::fmin;
using std::ldexp;
}  // namespace gpu::detail::gnd

GPU_ND_SHARED(random_math_source,
template <class T> GND_FN T rng_inf() {
    if constexpr (sizeof(T) == 4) { union { unsigned int i; float f; } b; b.i = 0x7f800000u; return b.f; }
    else { union { unsigned long long i; double f; } b; b.i = 0x7ff0000000000000ull; return b.f; }
}

/* e^x: x = k log 2 + r with |r| <= log(2) / 2 (log 2 in two parts, fdlibm's split), e^r by its
   Taylor series truncated below half an ulp, then scaled by 2^k (exact). Within 2 ulp. */
template <class T> GND_FN T rng_exp(T x) {
    if (x != x) return x;
    if (sizeof(T) == 4 ? x > T(88.72283) : x > T(709.782712893384)) return rng_inf<T>();
    if (sizeof(T) == 4 ? x < T(-103.97208) : x < T(-745.1332191019412)) return T(0);
    const T k = floor(fma(x, T(1.4426950408889634), T(0.5)));
    T r, p;
    if constexpr (sizeof(T) == 4) {
        r = fma(-k, T(0.693145751953125), x);
        r = fma(-k, T(1.428606765330187045e-06), r);
        p = T(1.0 / 5040);
        p = fma(p, r, T(1.0 / 720));
        p = fma(p, r, T(1.0 / 120));
    } else {
        r = fma(-k, T(6.93147180369123816490e-01), x);
        r = fma(-k, T(1.90821492927058770002e-10), r);
        p = T(1.0 / 6227020800);
        p = fma(p, r, T(1.0 / 479001600));
        p = fma(p, r, T(1.0 / 39916800));
        p = fma(p, r, T(1.0 / 3628800));
        p = fma(p, r, T(1.0 / 362880));
        p = fma(p, r, T(1.0 / 40320));
        p = fma(p, r, T(1.0 / 5040));
        p = fma(p, r, T(1.0 / 720));
        p = fma(p, r, T(1.0 / 120));
    }
    p = fma(p, r, T(1.0 / 24));
    p = fma(p, r, T(1.0 / 6));
    p = fma(p, r, T(0.5));
    p = fma(p, r, T(1));
    p = fma(p, r, T(1));
    return ldexp(p, (int)k);
}

/* e^x - 1 without the cancellation near 0: its Taylor series for |x| < log(2) / 2. */
template <class T> GND_FN T rng_expm1(T x) {
    if (!(fabs(x) < T(0.34657359027997264))) return rng_exp(x) - T(1);
    T p;
    if constexpr (sizeof(T) == 4) {
        p = T(1.0 / 40320);
    } else {
        p = T(1.0 / 6227020800);
        p = fma(p, x, T(1.0 / 479001600));
        p = fma(p, x, T(1.0 / 39916800));
        p = fma(p, x, T(1.0 / 3628800));
        p = fma(p, x, T(1.0 / 362880));
        p = fma(p, x, T(1.0 / 40320));
    }
    p = fma(p, x, T(1.0 / 5040));
    p = fma(p, x, T(1.0 / 720));
    p = fma(p, x, T(1.0 / 120));
    p = fma(p, x, T(1.0 / 24));
    p = fma(p, x, T(1.0 / 6));
    p = fma(p, x, T(0.5));
    return fma(p * x, x, x);
}

/* log(x!) of an integer-valued x >= 0 (NumPy's random_loggam): Stirling's series at x + n >= 7,
   then the n logs of the steps down. */
GND_FN double rng_log_factorial(double k) {
    const double x = k + 1.0;
    if (x == 1.0 || x == 2.0) return 0.0;
    const int n = x < 7.0 ? (int)(7.0 - x) : 0;
    double x0 = x + n;
    const double x2 = 1.0 / (x0 * x0);
    double g = -1.39243221690590e+00;
    g = fma(g, x2, 1.796443723688307e-01);
    g = fma(g, x2, -2.955065359477124e-02);
    g = fma(g, x2, 6.410256410256410e-03);
    g = fma(g, x2, -1.917526917526918e-03);
    g = fma(g, x2, 8.417508417508418e-04);
    g = fma(g, x2, -5.952380952380952e-04);
    g = fma(g, x2, 7.936507936507937e-04);
    g = fma(g, x2, -2.777777777777778e-03);
    g = fma(g, x2, 8.333333333333333e-02);
    /* g / x0 + log(2 pi) / 2 + (x0 - 1/2) log(x0) - x0 */
    double r = fma(x0 - 0.5, rng_log(x0), (g / x0 + 0.9189385332046728) - x0);
    for (int i = 0; i < n; ++i) {
        x0 -= 1.0;
        r -= rng_log(x0);
    }
    return r;
}

/* acos(w), w in [-1, 1], through asin's Taylor series at |x| <= 1/2 (28 terms, below half an
   ulp): acos w = pi/2 - asin w there, 2 asin(sqrt((1 - w) / 2)) above, pi minus that below. */
GND_FN double rng_asin_half(double x) {
    const double z = x * x;
    double term = x, sum = x;
    for (int n = 1; n <= 28; ++n) {
        term = term * z * ((2.0 * n - 1) * (2.0 * n - 1)) / ((2.0 * n) * (2.0 * n + 1));
        sum = sum + term;
    }
    return sum;
}
GND_FN double rng_acos(double w) {
    if (fabs(w) <= 0.5) return 1.5707963267948966 - rng_asin_half(w);
    if (w > 0) return 2.0 * rng_asin_half(sqrt((1.0 - w) * 0.5)); /* doubling is exact */
    return fma(-2.0, rng_asin_half(sqrt((1.0 + w) * 0.5)), 3.141592653589793);
}

/* Loader's stirlerr: log(x!) - ((x + 1/2) log x - x + log(2 pi) / 2) for an integer-valued x >= 1
   (its series past 15). */
GND_FN double rng_stirlerr(double x) {
    if (x <= 15.0) return rng_log_factorial(x) - fma(x + 0.5, rng_log(x), 0.9189385332046728 - x);
    const double r = 1.0 / x, r2 = r * r;
    return fma(r, fma(-r2, fma(-r2, fma(-r2, fma(-r2, 1.0 / 1188, 1.0 / 1680), 1.0 / 1260), 1.0 / 360), 1.0 / 12), 0.0);
}

/* Loader's bd0(x, m) = x log(x / m) + m - x, by its series in (x - m) / (x + m) when x is near m,
   where the direct form cancels. */
GND_FN double rng_bd0(double x, double m) {
    if (fabs(x - m) < 0.1 * (x + m)) {
        double v = (x - m) / (x + m);
        double sum = fma(x - m, v, 0.0);
        double ej = 2.0 * x * v;
        v = v * v;
        for (int j = 1; j < 100; ++j) {
            ej = ej * v;
            const double next = sum + ej / (2 * j + 1);
            if (next == sum) break;
            sum = next;
        }
        return sum;
    }
    return fma(x, rng_log(x / m), m - x);
}

/* log P(k) of Poisson(lam) (Loader's form, accurate at any lam: the log-likelihood terms of size
   k log lam never meet). */
GND_FN double rng_poisson_log_pmf(double k, double lam) {
    if (k == 0.0) return -lam;
    return -(rng_stirlerr(k) + rng_bd0(k, lam)) - fma(0.5, rng_log(k), 0.9189385332046728);
}

/* log P(k) of Binomial(n, p) with q = 1 - p (Loader's dbinom_raw). */
GND_FN double rng_binomial_log_pmf(double k, double n, double p, double q) {
    if (k == 0.0) return fma(n, rng_log(q), 0.0);
    if (k == n) return fma(n, rng_log(p), 0.0);
    const double lc = (rng_stirlerr(n) - rng_stirlerr(k)) - rng_stirlerr(n - k);
    const double dev = rng_bd0(k, fma(n, p, 0.0)) + rng_bd0(n - k, fma(n, q, 0.0));
    return fma(0.5, rng_log(n / (6.283185307179586 * k * (n - k))), lc - dev);
}

/* u in (0, 1]: float from a whole word ((w + 1/2) 2^-32, rounded), double from 53 bits of two,
   so -log(u) reaches 22.9 (float) and 36.7 (double). */
template <class T> GND_FN T rng_unit_left_open(rng_stream& s) {
    if constexpr (sizeof(T) == 4) {
        return fma(T(s.word()), T(2.3283064365386963e-10), T(1.1641532182693481e-10));
    } else {
        const unsigned int lo = s.word();
        const unsigned int hi = s.word();
        return T((rng_join(lo, hi) >> 11) + 1u) * T(1.1102230246251565e-16);
    }
}

/* u in (0, 1) with 1 - u exact: (k + 1/2) 2^-23 (float) or 2^-52 (double). */
template <class T> GND_FN T rng_unit_open(rng_stream& s) {
    if constexpr (sizeof(T) == 4) {
        return fma(T(s.word() >> 9), T(1.1920928955078125e-07), T(5.9604644775390625e-08));
    } else {
        const unsigned int lo = s.word();
        const unsigned int hi = s.word();
        return fma(T(rng_join(lo, hi) >> 12), T(2.220446049250313e-16), T(1.1102230246251565e-16));
    }
}

/* A random sign (the low bit, returned as +-1) and u in (0, 1] from the other bits. */
template <class T> GND_FN T rng_signed_unit(rng_stream& s, T* sign) {
    if constexpr (sizeof(T) == 4) {
        const unsigned int w = s.word();
        *sign = (w & 1u) != 0u ? T(-1) : T(1);
        return fma(T(w >> 1), T(4.656612873077393e-10), T(2.3283064365386963e-10));
    } else {
        const unsigned int lo = s.word();
        const unsigned int hi = s.word();
        *sign = (lo & 1u) != 0u ? T(-1) : T(1);
        return T((rng_join(lo, hi) >> 11) + 1u) * T(1.1102230246251565e-16);
    }
}

/* A standard exponential value: -log u, u in (0, 1]. */
template <class T> GND_FN T rng_exponential(rng_stream& s) { return -rng_log(rng_unit_left_open<T>(s)); }

/* One standard normal value (Box-Muller's cosine; the sine is dropped). */
template <class T> GND_FN T rng_std_normal(rng_stream& s) {
    T v[2];
    if constexpr (sizeof(T) == 4) {
        const unsigned int a = s.word();
        const unsigned int b = s.word();
        rng_normal_pair32(a, b, T(0), T(1), v);
    } else {
        rng_words w;
        w.x = s.word();
        w.y = s.word();
        w.z = s.word();
        w.w = s.word();
        rng_normal_block<T>(w, T(0), T(1), v);
    }
    return v[0];
}

/* Marsaglia and Tsang, "A simple method for generating gamma variables" (2000): for shape >= 1,
   d = shape - 1/3, c = 1 / sqrt(9 d), accept d (1 + c x)^3 (x normal) with the squeeze or the log
   test; shape < 1 draws Gamma(shape + 1) times u^(1 / shape). NaN shapes give NaN. */
template <class T> GND_FN T rng_standard_gamma(rng_stream& s, T shape) {
    if (shape != shape) return shape;
    if (shape <= T(0)) return T(0);
    T boost = T(1);
    if (shape < T(1)) {
        boost = rng_exp(rng_log(rng_unit_left_open<T>(s)) / shape);
        shape = shape + T(1);
    }
    const T d = shape - T(1.0 / 3);
    const T c = T(1) / sqrt(T(9) * d);
    for (;;) {
        T x, v;
        do {
            x = rng_std_normal<T>(s);
            v = fma(c, x, T(1));
        } while (v <= T(0));
        const T v2 = v * v;
        const T v3 = v2 * v;
        const T u = rng_unit_left_open<T>(s);
        const T x2 = x * x;
        /* the result d v^3 boost is rounded by an fma with 0, so no caller's sum can fuse it */
        if (u < fma(T(-0.0331) * x2, x2, T(1))) return fma(d * v3, boost, T(0));
        /* log u < x^2 / 2 + d (1 - v^3 + log v^3) */
        if (rng_log(u) < fma(T(0.5) * x, x, d * (fma(-v2, v, T(1)) + rng_log(v3)))) return fma(d * v3, boost, T(0));
    }
}

/* A chi-square value with df degrees of freedom: 2 Gamma(df / 2). */
template <class T> GND_FN T rng_chisquare(rng_stream& s, T df) { return T(2) * rng_standard_gamma<T>(s, df / T(2)); }

/* Poisson(lam), lam >= 0 finite, in double: lam < 10 by multiplying uniforms until the product
   falls below e^-lam (about lam + 1 draws); lam >= 10 by Hormann's PTRS ("The transformed
   rejection method for generating Poisson random variables", 1993), NumPy's constants, with the
   log-probability in Loader's form (NumPy's k log lam - lam - log k! loses the variance's
   accuracy past lam ~ 1e13). */
GND_FN long long rng_poisson(rng_stream& s, double lam) {
    if (lam == 0.0) return 0;
    if (lam < 10.0) {
        const double limit = rng_exp(-lam);
        long long x = 0;
        double prod = 1.0;
        for (;;) {
            prod = prod * rng_unit_left_open<double>(s);
            if (prod > limit) ++x;
            else return x;
        }
    }
    const double slam = sqrt(lam);
    const double b = fma(2.53, slam, 0.931);
    const double a = fma(0.02483, b, -0.059);
    const double log_invalpha = rng_log(1.1239 + 1.1328 / (b - 3.4));
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = rng_unit_open<double>(s) - 0.5;
        const double v = rng_unit_left_open<double>(s);
        const double us = 0.5 - fabs(u);
        const double k = floor(fma(2.0 * a / us + b, u, lam + 0.43));
        if (us >= 0.07 && v <= vr) return (long long)k;
        if (k < 0.0 || (us < 0.013 && v > us)) continue;
        const double lhs = (rng_log(v) + log_invalpha) - rng_log(a / (us * us) + b);
        if (lhs <= rng_poisson_log_pmf(k, lam)) return (long long)k;
    }
}

/* Binomial(n, p) for 0 < p <= 1/2, in double: n p < 10 by inversion (NumPy's, restarting past
   n p + 10 sd); otherwise Hormann's BTRS ("The generation of binomial random variates", 1993),
   its log-probabilities in Loader's form (accurate for any n). */
GND_FN long long rng_binomial_low(rng_stream& s, double n, double p) {
    const double q = 1.0 - p, np = n * p;
    if (np < 10.0) {
        const double qn = rng_exp(n * rng_log(q));
        const double bound = fmin(n, fma(10.0, sqrt(fma(np, q, 1.0)), np));
        for (;;) {
            double x = 0.0, px = qn, u = rng_unit_open<double>(s);
            while (u > px) {
                x += 1.0;
                if (x > bound) break;
                u -= px;
                px = ((n - x + 1.0) * p * px) / (x * q);
            }
            if (x <= bound) return (long long)x;
        }
    }
    const double spq = sqrt(np * q);
    const double b = fma(2.53, spq, 1.15);
    const double a = fma(0.0248, b, fma(0.01, p, -0.0873));
    const double c = fma(n, p, 0.5);
    const double vr = 0.92 - 4.2 / b;
    const double alpha = (2.83 + 5.1 / b) * spq;
    const double m = floor((n + 1.0) * p);
    const double h = rng_binomial_log_pmf(m, n, p, q);
    for (;;) {
        const double u = rng_unit_open<double>(s) - 0.5;
        const double v = rng_unit_left_open<double>(s);
        const double us = 0.5 - fabs(u);
        const double k = floor(fma(2.0 * a / us + b, u, c));
        if (k < 0.0 || k > n) continue;
        if (us >= 0.07 && v <= vr) return (long long)k;
        const double lhs = rng_log(v * alpha / (a / (us * us) + b));
        if (lhs <= rng_binomial_log_pmf(k, n, p, q) - h) return (long long)k;
    }
}
)

GPU_ND_SHARED(random_distributions_source,
/* NumPy's noncentral chi-square: df > 1: chi2(df - 1) + (N + sqrt(nonc))^2; else chi2(df + 2 i)
   with i Poisson(nonc / 2). NaN nonc gives NaN. */
template <class T> GND_FN T rng_noncentral_chisquare(rng_stream& s, T df, T nonc) {
    if (nonc != nonc) return nonc;
    if (nonc == T(0)) return rng_chisquare<T>(s, df);
    if (df > T(1)) {
        const T c = rng_chisquare<T>(s, df - T(1));
        const T n = rng_std_normal<T>(s) + sqrt(nonc);
        return fma(n, n, c);
    }
    const long long i = rng_poisson(s, (double)nonc / 2.0);
    return rng_chisquare<T>(s, fma(T(2), T(i), df));
}

/* Transforms: G values, each of one uniform of the stream (block 0 holds them all). */
template <class T> struct rng_per_block { static constexpr int value = sizeof(T) == 4 ? 4 : 2; };

/* a * E: exponential(scale = a). */
struct exponential_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) v[k] = a * rng_exponential<T>(s);
    }
};
/* e^N(a, b): lognormal(mean = a, sigma = b), from one normal block. */
struct lognormal_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        rng_normal_block<T>(s.block(), a, b, v);
        for (int k = 0; k < per_block<T>; ++k) v[k] = rng_exp(v[k]);
    }
};
/* a +- b E: laplace(loc = a, scale = b). */
struct laplace_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) {
            T sign;
            const T u = rng_signed_unit<T>(s, &sign);
            v[k] = fma(sign * b, -rng_log(u), a);
        }
    }
};
/* a + b log(w / (1 - w)), w uniform: the sign from one bit, |log| = -log(u / (2 - u)) for u in
   (0, 1] (w = u / 2), so neither end is ever infinite. logistic(loc = a, scale = b). */
struct logistic_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) {
            T sign;
            const T u = rng_signed_unit<T>(s, &sign);
            v[k] = fma(sign * b, -rng_log(u / (T(2) - u)), a);
        }
    }
};
/* a - b log(-log u), u in (0, 1): gumbel(loc = a, scale = b). */
struct gumbel_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) v[k] = fma(-b, rng_log(-rng_log(rng_unit_open<T>(s))), a);
    }
};
/* a sqrt(2 E): rayleigh(scale = a). */
struct rayleigh_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) v[k] = a * sqrt(T(2) * rng_exponential<T>(s));
    }
};
/* E^(1/a): weibull(a); 0 for a = 0 (NumPy's). */
struct weibull_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) {
            const T e = rng_exponential<T>(s);
            v[k] = a == T(0) || e == T(0) ? T(0) : rng_exp(rng_log(e) / a);
        }
    }
};
/* e^(E/a) - 1: pareto(a) (Lomax, as NumPy). */
struct pareto_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) v[k] = rng_exp(rng_exponential<T>(s) / a) - T(1);
    }
};
/* u^(1/a), u in (0, 1]: power(a). */
struct power_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) v[k] = rng_exp(rng_log(rng_unit_left_open<T>(s)) / a);
    }
};
/* cot(pi u), u in (0, 1): standard_cauchy. With t = u / 2 turns = q / 4 + f (q = round(2 u),
   |f| <= 1/8, exact), the sine is never 0 (f != 0 for even q; the cosine of f for odd q). */
struct cauchy_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P, P, P, T* v) {
        for (int k = 0; k < per_block<T>; ++k) {
            const T u = rng_unit_open<T>(s);
            const T q = floor(fma(T(2), u, T(0.5)));
            const rng_pair<T> sc = rng_sincos_turns((u - T(0.5) * q) * T(0.5));
            v[k] = q == T(1) ? -sc.sin / sc.cos : sc.cos / sc.sin;
        }
    }
};
/* NumPy's inverse CDF: triangular(left = a, mode = b, right = c). */
struct triangular_sampler {
    template <class T> static constexpr int per_block = rng_per_block<T>::value;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P c, T* v) {
        const T base = c - a, leftbase = b - a;
        const T ratio = leftbase / base, leftprod = leftbase * base, rightprod = (c - b) * base;
        for (int k = 0; k < per_block<T>; ++k) {
            const T u = rng_unit_open<T>(s);
            v[k] = u <= ratio ? a + sqrt(u * leftprod) : c - sqrt((T(1) - u) * rightprod);
        }
    }
};
/* max(1, ceil(E / a)) with a = -log1p(-p) (the host's): geometric(p); int64 (two per block). */
struct geometric_sampler {
    template <class T> static constexpr int per_block = 2;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        for (int k = 0; k < 2; ++k) {
            const double x = ceil(rng_exponential<double>(s) / a);
            v[k] = x < 1.0 ? T(1) : x >= 9.2233720368547758e18 ? T(9223372036854775807ll) : T(x);
        }
    }
};

/* Rejection samplers: one value per element, from its own stream. */
/* b Gamma(a): gamma(shape = a, scale = b); also standard_gamma (b = 1) and chisquare (a = df / 2,
   b = 2). */
struct gamma_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        v[0] = b * rng_standard_gamma<T>(s, a);
    }
};
/* beta(a, b): Johnk's algorithm (in logs) when both are at most 1, else X / (X + Y) of two gammas. */
struct beta_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        if (a != a || b != b) { v[0] = a + b; return; }
        if (a <= T(1) && b <= T(1)) {
            for (;;) {
                const T lx = rng_log(rng_unit_left_open<T>(s)) / a;
                const T ly = rng_log(rng_unit_left_open<T>(s)) / b;
                const T x = rng_exp(lx), y = rng_exp(ly);
                if (x + y > T(1)) continue;
                if (x + y > T(0)) { v[0] = x / (x + y); return; }
                /* both underflow: x / (x + y) = 1 / (1 + e^(ly - lx)) */
                v[0] = T(1) / (T(1) + rng_exp(ly - lx));
                return;
            }
        }
        const T x = rng_standard_gamma<T>(s, a);
        const T y = rng_standard_gamma<T>(s, b);
        v[0] = x / (x + y);
    }
};
/* (Gamma(a) b) / (Gamma(b) a) with a = dfnum / 2, b = dfden / 2: f(dfnum, dfden). */
struct f_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        const T x = rng_standard_gamma<T>(s, a);
        const T y = rng_standard_gamma<T>(s, b);
        v[0] = (x * b) / (y * a);
    }
};
/* sqrt(a) N / sqrt(Gamma(a)) with a = df / 2: standard_t(df) (NumPy's). */
struct t_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        const T n = rng_std_normal<T>(s);
        const T g = rng_standard_gamma<T>(s, a);
        v[0] = sqrt(a) * n / sqrt(g);
    }
};
/* wald(mean = a, scale = b), NumPy's: from a normal and a uniform. */
struct wald_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        const T n = rng_std_normal<T>(s);
        const T y = fma(a * n, n, T(0));  /* rounded here: y also feeds a subtraction */
        const T x = fma(a / (T(2) * b), y - sqrt(fma(T(4) * b, y, y * y)), a);
        const T u = rng_unit_left_open<T>(s);
        v[0] = u <= a / (a + x) ? x : a * a / x;
    }
};
/* noncentral_chisquare(df = a, nonc = b). */
struct noncentral_chisquare_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        v[0] = rng_noncentral_chisquare<T>(s, a, b);
    }
};
/* noncentral_f(dfnum = a, dfden = b, nonc = c): (chi2'(a, c) b) / (chi2(b) a). */
struct noncentral_f_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P c, T* v) {
        const T t = rng_noncentral_chisquare<T>(s, a, c) * b;
        v[0] = t / (rng_chisquare<T>(s, b) * a);
    }
};
/* zipf(a), NumPy's rejection (a > 1, in double); int64. */
struct zipf_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) {
        const double am1 = a - 1.0, b = rng_exp(am1 * 0.6931471805599453);
        for (;;) {
            const double u = rng_unit_left_open<double>(s);
            const double w = rng_unit_left_open<double>(s);
            const double x = floor(rng_exp(rng_log(u) * (-1.0 / am1)));
            if (!(x >= 1.0 && x < 9.2233720368547758e18)) continue;
            const double t = rng_exp(rng_log(1.0 + 1.0 / x) * am1);
            if (w * x * (t - 1.0) / (b - 1.0) <= t / b) {
                v[0] = (T)x;
                return;
            }
        }
    }
};
/* logseries(p) with a = log1p(-p) (the host's), NumPy's (Kemp's) algorithm; int64. */
struct logseries_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        for (;;) {
            const double w = rng_unit_left_open<double>(s);
            if (w >= b) { v[0] = 1; return; }
            const double q = -rng_expm1(a * rng_unit_left_open<double>(s));
            if (w <= q * q) {
                const double r = floor(1.0 + rng_log(w) / rng_log(q));
                if (r < 1.0) continue;
                v[0] = r < 9.2233720368547758e18 ? (T)r : T(9223372036854775807ll);
                return;
            }
            v[0] = w >= q ? 1 : 2;
            return;
        }
    }
};
/* hypergeometric(ngood = a, nbad = b, nsample = c), NumPy's legacy algorithms (in double): HYP
   (one uniform per draw) for nsample <= 10, else Stadlober's HRUA; int64. */
struct hypergeometric_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P good, P bad, P sample, T* v) {
        if (sample <= 10.0) {
            const double d1 = bad + good - sample, d2 = fmin(bad, good);
            double y = d2, k = sample;
            while (y > 0.0) {
                y -= floor(rng_unit_open<double>(s) + y / (d1 + k));
                k -= 1.0;
                if (k == 0.0) break;
            }
            const double z = d2 - y;
            v[0] = (T)(good > bad ? sample - z : z);
            return;
        }
        const double mingb = fmin(good, bad), maxgb = fmax(good, bad), pop = good + bad;
        const double m = fmin(sample, pop - sample);
        const double d4 = mingb / pop, d5 = 1.0 - d4;
        const double d6 = fma(m, d4, 0.5);
        const double d7 = sqrt((pop - m) * sample * d4 * d5 / (pop - 1.0) + 0.5);
        const double d8 = fma(1.7155277699214135, d7, 0.8989161620588988);
        const double d9 = floor((m + 1.0) * (mingb + 1.0) / (pop + 2.0));
        const double d10 = (rng_log_factorial(d9) + rng_log_factorial(mingb - d9)) +
                           (rng_log_factorial(m - d9) + rng_log_factorial(maxgb - m + d9));
        const double d11 = fmin(fmin(m, mingb) + 1.0, floor(fma(16.0, d7, d6)));
        double z;
        for (;;) {
            const double x = rng_unit_left_open<double>(s);
            const double y = rng_unit_open<double>(s);
            const double w = d6 + d8 * (y - 0.5) / x;
            if (w < 0.0 || w >= d11) continue;
            z = floor(w);
            const double t = d10 - ((rng_log_factorial(z) + rng_log_factorial(mingb - z)) +
                                    (rng_log_factorial(m - z) + rng_log_factorial(maxgb - m + z)));
            if (fma(x, 4.0 - x, -3.0) <= t) break;
            if (x * (x - t) >= 1.0) continue;
            if (2.0 * rng_log(x) <= t) break;
        }
        if (good > bad) z = m - z;
        if (m < sample) z = good - z;
        v[0] = (T)z;
    }
};
/* vonmises(mu = a, kappa = b), NumPy's legacy algorithm (Best and Fisher) in double: uniform on
   (-pi, pi) below kappa = 1e-8, a wrapped normal above 1e6. */
struct vonmises_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        const double mu = a, kappa = b, pi = 3.141592653589793;
        if (kappa != kappa) { v[0] = (T)kappa; return; }
        if (kappa < 1e-8) { v[0] = (T)(pi * fma(2.0, rng_unit_open<double>(s), -1.0)); return; }
        if (kappa > 1e6) {
            double r = fma(sqrt(1.0 / kappa), rng_std_normal<double>(s), mu);
            if (r < -pi) r += 2 * pi;
            if (r > pi) r -= 2 * pi;
            v[0] = (T)r;
            return;
        }
        double sk;
        if (kappa < 1e-5) sk = 1.0 / kappa + kappa;
        else {
            const double r = 1.0 + sqrt(fma(4.0 * kappa, kappa, 1.0));
            const double rho = (r - sqrt(2.0 * r)) / (2.0 * kappa);
            sk = fma(rho, rho, 1.0) / (2.0 * rho);
        }
        double w;
        for (;;) {
            /* z = cos(pi u) as in cauchy_sampler: u / 2 turns = q / 4 + f */
            const double u = rng_unit_open<double>(s);
            const double q = floor(fma(2.0, u, 0.5));
            const rng_pair<double> sc = rng_sincos_turns((u - 0.5 * q) * 0.5);
            const double z = q == 0.0 ? sc.cos : q == 1.0 ? -sc.sin : -sc.cos;
            w = fma(sk, z, 1.0) / (sk + z);
            const double y = fma(kappa, sk - w, 0.0);
            const double vv = rng_unit_left_open<double>(s);
            if (fma(y, 2.0 - y, -vv) >= 0.0 || (rng_log(y / vv) + 1.0) - y >= 0.0) break;
        }
        double r = rng_acos(fmin(1.0, fmax(-1.0, w)));
        if (rng_unit_open<double>(s) < 0.5) r = -r;
        r += mu;
        const bool neg = r < 0.0;
        double mod = fmod(fabs(r) + pi, 2.0 * pi) - pi;
        if (neg) mod = -mod;
        v[0] = (T)mod;
    }
};
/* poisson(lam = a); int64. */
struct poisson_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P, P, T* v) { v[0] = (T)rng_poisson(s, a); }
};
/* binomial(n = a, p = b); int64. p > 1/2 counts the failures. */
struct binomial_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        if (a == 0.0 || b == 0.0) v[0] = 0;
        else if (b == 1.0) v[0] = (T)a;
        else if (b <= 0.5) v[0] = (T)rng_binomial_low(s, a, b);
        else v[0] = (T)a - (T)rng_binomial_low(s, a, 1.0 - b);
    }
};
/* Poisson(Gamma(a) b) with b = (1 - p) / p: negative_binomial(n = a, p) (NumPy's); int64, and
   NumPy's INT64_MIN where the mean is not finite (p = 0). */
struct negative_binomial_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) {
        const double lam = fma(rng_standard_gamma<double>(s, a), b, 0.0);  /* rounded: PTRS adds to lam */
        v[0] = lam < 9.2233720064847708e18 ? (T)rng_poisson(s, lam) : (T)(-9223372036854775807ll - 1);
    }
};
)
