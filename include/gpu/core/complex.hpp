#pragma once
// The complex type operations compute in, on the host and in kernels: gnd::complex<T>, laid out
// as std::complex<T> (which is what ndarray<std::complex<float>> stores), written once with
// GPU_ND_SHARED. NumPy's algorithms: the textbook product, Smith's quotient (NumPy's
// complex division), lexicographic order with NaNs as NumPy's CLT/CLE, and the elementary
// functions by their standard formulas (NumPy calls the C library's cexp, clog, ...; these agree
// within a few ulp and are identical on both executors). The functions are hidden friends, found
// by argument-dependent lookup only, so they never hide the real overloads of sqrt, exp, ...
// (<cuda/std/complex> costs about 1 s of NVRTC per kernel; this costs nothing until used.)
#include <cmath>

#include "gpu/core/half.hpp"
#include "gpu/kernel/shared.hpp"

namespace gpu::detail::gnd {
using std::atan2;
using std::cosh;
using std::hypot;
using std::log1p;
using std::sinh;
}  // namespace gpu::detail::gnd

GPU_ND_SHARED(complex_source,
template <class T> struct complex {
    typedef T value_type;
    T re, im;
    complex() = default;
    GND_FN complex(T r, T i = T(0)) : re(r), im(i) {}
    GND_FN T real() const { return re; }
    GND_FN T imag() const { return im; }
    /* For user kernels' bodies (z += x), as std::complex has them. */
    GND_FN complex& operator+=(complex b) { return *this = *this + b; }
    GND_FN complex& operator-=(complex b) { return *this = *this - b; }
    GND_FN complex& operator*=(complex b) { return *this = *this * b; }
    GND_FN complex& operator/=(complex b) { return *this = *this / b; }

    friend GND_FN complex operator+(complex a, complex b) { return complex(a.re + b.re, a.im + b.im); }
    friend GND_FN complex operator-(complex a, complex b) { return complex(a.re - b.re, a.im - b.im); }
    friend GND_FN complex operator-(complex a) { return complex(-a.re, -a.im); }
    friend GND_FN complex operator*(complex a, complex b) {
        return complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
    }
    /* Smith's algorithm, as NumPy's complex divide (a zero divisor gives inf or nan parts). */
    friend GND_FN complex operator/(complex a, complex b) {
        const T ar = fabs(b.re), ai = fabs(b.im);
        if (ar >= ai) {
            if (ar == T(0) && ai == T(0)) return complex(a.re / ar, a.im / ar);
            const T rat = b.im / b.re, scl = T(1) / (b.re + b.im * rat);
            return complex((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl);
        }
        const T rat = b.re / b.im, scl = T(1) / (b.im + b.re * rat);
        return complex((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl);
    }
    friend GND_FN bool operator==(complex a, complex b) { return a.re == b.re && a.im == b.im; }
    friend GND_FN bool operator!=(complex a, complex b) { return !(a == b); }
    /* NumPy's lexicographic order; a NaN part makes a comparison false. */
    friend GND_FN bool operator<(complex a, complex b) {
        return (a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im < b.im);
    }
    friend GND_FN bool operator<=(complex a, complex b) {
        return (a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im <= b.im);
    }
    friend GND_FN bool operator>(complex a, complex b) { return b < a; }
    friend GND_FN bool operator>=(complex a, complex b) { return b <= a; }

    friend GND_FN T abs(complex z) { return hypot(z.re, z.im); }
    friend GND_FN T arg(complex z) { return atan2(z.im, z.re); }
    friend GND_FN complex conj(complex z) { return complex(z.re, -z.im); }
    friend GND_FN complex exp(complex z) {
        if (z.im == T(0)) return complex(exp(z.re), z.im);
        const T e = exp(z.re);
        return complex(e * cos(z.im), e * sin(z.im));
    }
    /* log|z| near |z| = 1 through log1p, where log(hypot) would cancel. */
    friend GND_FN complex log(complex z) {
        const T h = hypot(z.re, z.im);
        const T r = (h > T(0.5) && h < T(2)) ? T(0.5) * log1p((z.re - T(1)) * (z.re + T(1)) + z.im * z.im) : log(h);
        return complex(r, atan2(z.im, z.re));
    }
    friend GND_FN complex log10(complex z) {
        const complex l = log(z);
        const T k = T(0.434294481903251827651128918916605082);
        return complex(l.re * k, l.im * k);
    }
    /* The principal root without cancellation: t = sqrt((|x| + |z|) / 2). */
    friend GND_FN complex sqrt(complex z) {
        if (z.re == T(0) && z.im == T(0)) return complex(T(0), z.im);
        if (z.im - z.im != T(0) && z.im == z.im) return complex(fabs(z.im), z.im);  /* infinite imaginary part */
        const T t = sqrt((fabs(z.re) + hypot(z.re, z.im)) * T(0.5));
        if (z.re >= T(0)) return complex(t, z.im / (T(2) * t));
        return complex(fabs(z.im) / (T(2) * t), copysign(t, z.im));
    }
    friend GND_FN complex sinh(complex z) { return complex(sinh(z.re) * cos(z.im), cosh(z.re) * sin(z.im)); }
    friend GND_FN complex cosh(complex z) { return complex(cosh(z.re) * cos(z.im), sinh(z.re) * sin(z.im)); }
    /* Kahan's formula; for large |x| the real part is +-1 and the imaginary part decays. */
    friend GND_FN complex tanh(complex z) {
        if (fabs(z.re) > T(22)) {
            const T e = exp(T(-2) * fabs(z.re));
            return complex(copysign(T(1), z.re), T(4) * sin(z.im) * cos(z.im) * e);
        }
        const T t = tan(z.im), b = T(1) + t * t, s = sinh(z.re), rho = sqrt(T(1) + s * s), d = T(1) + b * s * s;
        return complex(b * s * rho / d, t / d);
    }
    friend GND_FN complex sin(complex z) { return complex(sin(z.re) * cosh(z.im), cos(z.re) * sinh(z.im)); }
    friend GND_FN complex cos(complex z) { return complex(cos(z.re) * cosh(z.im), -(sin(z.re) * sinh(z.im))); }
    /* tan z = -i tanh(i z). */
    friend GND_FN complex tan(complex z) {
        const complex w = tanh(complex(-z.im, z.re));
        return complex(w.im, -w.re);
    }
    /* The inverse functions by their logarithmic formulas. Real constants are added to the real
       part only, so the sign of a zero imaginary part picks the side of a branch cut as C99 does. */
    /* asinh z = log(z + sqrt(z^2 + 1)), computed in the right half plane and reflected (odd). */
    friend GND_FN complex asinh(complex z) {
        const bool neg = z.re < T(0) || (z.re == T(0) && z.im < T(0));
        const complex w = neg ? -z : z, ww = w * w;
        const complex r = log(w + sqrt(complex(ww.re + T(1), ww.im)));
        return neg ? -r : r;
    }
    /* asin z = -i asinh(i z); atan z = -i atanh(i z). */
    friend GND_FN complex asin(complex z) {
        const complex w = asinh(complex(-z.im, z.re));
        return complex(w.im, -w.re);
    }
    friend GND_FN complex acos(complex z) {
        const complex a = asin(z);
        return complex(T(1.57079632679489661923132169163975144) - a.re, -a.im);
    }
    /* acosh z = log(z + sqrt(z + 1) sqrt(z - 1)). */
    friend GND_FN complex acosh(complex z) {
        return log(z + sqrt(complex(z.re + T(1), z.im)) * sqrt(complex(z.re - T(1), z.im)));
    }
    /* atanh z = (log(1 + z) - log(1 - z)) / 2. */
    friend GND_FN complex atanh(complex z) {
        const complex d = log(complex(T(1) + z.re, z.im)) - log(complex(T(1) - z.re, -z.im));
        return complex(d.re * T(0.5), d.im * T(0.5));
    }
    friend GND_FN complex atan(complex z) {
        const complex w = atanh(complex(-z.im, z.re));
        return complex(w.im, -w.re);
    }
    /* NumPy's power: 0 and 1 exponents exactly, small integer exponents by repeated squaring,
       the rest as exp(b log a). */
    friend GND_FN complex pow(complex a, complex b) {
        if (b.re == T(0) && b.im == T(0)) return complex(T(1));
        if (a.re == T(0) && a.im == T(0)) {
            if (b.re > T(0) && b.im == T(0)) return complex(T(0));
            const T nan = T(0) / T(0);
            return complex(nan, nan);
        }
        if (b.im == T(0) && b.re == T((long long)b.re) && b.re > T(-100) && b.re < T(100)) {
            long long n = (long long)b.re;
            if (n == 1) return a;
            if (n == 2) return a * a;
            if (n == 3) return a * a * a;
            const bool inv = n < 0;
            if (inv) n = -n;
            complex r(T(1)), p = a;
            for (long long mask = 1; mask <= n; mask <<= 1) {
                if (n & mask) r = r * p;
                p = p * p;
            }
            return inv ? complex(T(1)) / r : r;
        }
        return exp(b * log(a));
    }
};
)
