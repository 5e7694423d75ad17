#pragma once
// gpu::random's distributions under NumPy's legacy names (np.random.rand, uniform, randn, normal,
// randint, exponential, gamma, poisson, ...), typed by a C++ template argument instead of a dtype= keyword. Each call makes a new
// array on the current executor, reserves its Philox counters and fills it (random/fill.hpp: one
// kernel on the GPU). Streams are not NumPy's: the same seed gives the same numbers on our
// executors, not NumPy's numbers.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/random/fill.hpp"

namespace gpu {
namespace detail {

template <class T>
inline constexpr bool is_random_float_v = std::is_same_v<T, float> || std::is_same_v<T, double> ||
                                          std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>;
template <class T>
inline constexpr bool is_random_half_v = std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>;

// The floats of sampler S with parameters a, b, c; the 2-byte floats are float32 numbers rounded
// (the same bits on both executors).
template <class S, class T>
ndarray<T> random_float_fill(const shape_t& shape, double a, double b = 0, double c = 0) {
    static_assert(is_random_float_v<T>,
                  "gpu::random: the floating distributions take T = float, double, gpu::float16 or gpu::bfloat16");
    if constexpr (is_random_half_v<T>) return random_float_fill<S, float>(shape, a, b, c).template astype<T>();
    else return random_fill<S, T>(shape, static_cast<T>(a), static_cast<T>(b), static_cast<T>(c));
}

// The int64 values of sampler S (parameters in double).
template <class S>
ndarray<std::int64_t> random_int_fill(const shape_t& shape, double a, double b = 0) {
    return random_fill<S, std::int64_t>(shape, a, b);
}

inline void random_require(bool ok, const char* message) {
    if (!ok) throw value_error(message);
}

}  // namespace detail

namespace random {

// np.random.uniform(low, high, size): floats in [low, high) (a value that rounds up to high is
// moved just below it; NumPy may return high). low > high is allowed, as in NumPy.
template <class T = double>
ndarray<T> uniform(double low, double high, const shape_t& shape) {
    static_assert(detail::is_random_float_v<T>,
                  "gpu::random::uniform<T>: T must be float, double, gpu::float16 or gpu::bfloat16");
    // The 2-byte floats: float32 numbers rounded (the same bits on both executors).
    if constexpr (detail::is_random_half_v<T>) return uniform<float>(low, high, shape).template astype<T>();
    else {
    if (!std::isfinite(high - low)) throw overflow_error("Range exceeds valid bounds");
    const T lo = static_cast<T>(low), hi = static_cast<T>(high);
    if (!std::isfinite(static_cast<T>(hi - lo))) throw overflow_error("Range exceeds valid bounds");
    return detail::random_fill<detail::gnd::uniform_sampler, T>(shape, lo, hi);
    }
}

// np.random.rand / random_sample: floats in [0, 1) with 24 (float) or 53 (double) random bits.
template <class T = double>
ndarray<T> rand(const shape_t& shape) {
    static_assert(detail::is_random_float_v<T>,
                  "gpu::random::rand<T>: T must be float, double, gpu::float16 or gpu::bfloat16");
    // The 2-byte floats: float32 numbers rounded (the same bits on both executors).
    if constexpr (detail::is_random_half_v<T>) return rand<float>(shape).template astype<T>();
    else {
    return detail::random_fill<detail::gnd::uniform_sampler, T>(shape, T(0), T(1));
    }
}

// np.random.normal(loc, scale, size). NumPy: "scale < 0" for a negative scale.
template <class T = double>
ndarray<T> normal(double loc, double scale, const shape_t& shape) {
    static_assert(detail::is_random_float_v<T>,
                  "gpu::random::normal<T>: T must be float, double, gpu::float16 or gpu::bfloat16");
    // The 2-byte floats: float32 numbers rounded (the same bits on both executors).
    if constexpr (detail::is_random_half_v<T>) return normal<float>(loc, scale, shape).template astype<T>();
    else {
    if (scale < 0 || std::isnan(scale)) throw value_error("scale < 0");
    return detail::random_fill<detail::gnd::normal_sampler, T>(shape, static_cast<T>(loc), static_cast<T>(scale));
    }
}

// np.random.randn / standard_normal. For std::complex<F>, each part is a standard normal of F:
// the numbers of randn<F> of twice the size, in pairs (the array is that buffer, viewed).
template <class T = double>
ndarray<T> randn(const shape_t& shape) {
    if constexpr (detail::is_std_complex<T>::value) {
        using F = typename T::value_type;
        shape_t pairs = shape;
        pairs.push_back(2);
        const ndarray<F> parts = randn<F>(pairs);
        return ndarray<T>(parts.buffer(), shape, c_strides(shape), 0);
    } else {
    static_assert(detail::is_random_float_v<T>,
                  "gpu::random::randn<T>: T must be float, double, gpu::float16 or gpu::bfloat16");
    // The 2-byte floats: float32 numbers rounded (the same bits on both executors).
    if constexpr (detail::is_random_half_v<T>) return randn<float>(shape).template astype<T>();
    else {
    return detail::random_fill<detail::gnd::normal_sampler, T>(shape, T(0), T(1));
    }
    }
}

// np.random.randint(low, high, size, dtype): integers in [low, high), each value equally likely
// (bias below 2^-32 for ranges up to 2^32, two values per Philox block; below 2^-64 beyond).
// T may be any integer type or bool; the default is int64 (NumPy's int_).
// NumPy's errors: "low >= high" ("high <= 0" when low is 0), "low is out of bounds for int8", "high is out of bounds for int8".
template <class T = std::int64_t>
ndarray<T> randint(std::int64_t low, std::int64_t high, const shape_t& shape) {
    static_assert(std::is_integral_v<T> && is_dtype_v<T>,
                  "gpu::random::randint<T>: T must be bool or a fixed-width integer type");
    using L = std::numeric_limits<T>;
    const std::string name(dtype_name_v<T>);
    if (static_cast<long double>(low) < static_cast<long double>(L::lowest()))
        throw value_error("low is out of bounds for " + name);
    if (static_cast<long double>(high) - 1 > static_cast<long double>(L::max()))
        throw value_error("high is out of bounds for " + name);
    // NumPy (since 1.21) words the single-argument case randint(0) as "high <= 0".
    if (low >= high) throw value_error(low == 0 ? "high <= 0" : "low >= high");
    const auto lo = static_cast<std::uint64_t>(low), range = static_cast<std::uint64_t>(high) - lo;
    if (range <= std::uint64_t{1} << 32)
        return detail::random_fill<detail::gnd::narrow_integer_sampler, T>(shape, lo, range);
    return detail::random_fill<detail::gnd::integer_sampler, T>(shape, lo, range);
}

// np.random.randint(high, size): integers in [0, high).
template <class T = std::int64_t>
ndarray<T> randint(std::int64_t high, const shape_t& shape) {
    return randint<T>(0, high, shape);
}

// ---- NumPy's other legacy distributions (samplers.hpp) -------------------------------------
// Floats are typed by T (float, double, gpu::float16, gpu::bfloat16; the 2-byte floats are
// float32 numbers rounded), the discrete distributions return int64 as NumPy does. Argument
// errors carry NumPy's messages; NaN parameters that NumPy lets through give NaN here too.

// np.random.random / random_sample / ranf / sample: rand with a size.
template <class T = double>
ndarray<T> random_sample(const shape_t& shape) { return rand<T>(shape); }
template <class T = double>
ndarray<T> random(const shape_t& shape) { return rand<T>(shape); }
template <class T = double>
ndarray<T> ranf(const shape_t& shape) { return rand<T>(shape); }
template <class T = double>
ndarray<T> sample(const shape_t& shape) { return rand<T>(shape); }

// np.random.standard_normal(size): randn.
template <class T = double>
ndarray<T> standard_normal(const shape_t& shape) { return randn<T>(shape); }

// np.random.standard_exponential(size), exponential(scale, size): scale * -log(u).
template <class T = double>
ndarray<T> standard_exponential(const shape_t& shape) {
    return detail::random_float_fill<detail::gnd::exponential_sampler, T>(shape, 1);
}
template <class T = double>
ndarray<T> exponential(double scale, const shape_t& shape) {
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::exponential_sampler, T>(shape, scale);
}

// np.random.lognormal(mean, sigma, size): exp of normal(mean, sigma).
template <class T = double>
ndarray<T> lognormal(double mean, double sigma, const shape_t& shape) {
    detail::random_require(!(sigma < 0), "sigma < 0");
    return detail::random_float_fill<detail::gnd::lognormal_sampler, T>(shape, mean, sigma);
}

// np.random.laplace / logistic / gumbel(loc, scale, size).
template <class T = double>
ndarray<T> laplace(double loc, double scale, const shape_t& shape) {
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::laplace_sampler, T>(shape, loc, scale);
}
template <class T = double>
ndarray<T> logistic(double loc, double scale, const shape_t& shape) {
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::logistic_sampler, T>(shape, loc, scale);
}
template <class T = double>
ndarray<T> gumbel(double loc, double scale, const shape_t& shape) {
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::gumbel_sampler, T>(shape, loc, scale);
}

// np.random.rayleigh(scale, size).
template <class T = double>
ndarray<T> rayleigh(double scale, const shape_t& shape) {
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::rayleigh_sampler, T>(shape, scale);
}

// np.random.weibull(a, size), pareto(a, size) (Lomax: pareto II shifted to 0), power(a, size).
template <class T = double>
ndarray<T> weibull(double a, const shape_t& shape) {
    detail::random_require(!(a < 0), "a < 0");
    return detail::random_float_fill<detail::gnd::weibull_sampler, T>(shape, a);
}
template <class T = double>
ndarray<T> pareto(double a, const shape_t& shape) {
    detail::random_require(!(a <= 0), "a <= 0");
    return detail::random_float_fill<detail::gnd::pareto_sampler, T>(shape, a);
}
template <class T = double>
ndarray<T> power(double a, const shape_t& shape) {
    detail::random_require(!(a <= 0), "a <= 0");
    return detail::random_float_fill<detail::gnd::power_sampler, T>(shape, a);
}

// np.random.standard_cauchy(size).
template <class T = double>
ndarray<T> standard_cauchy(const shape_t& shape) {
    return detail::random_float_fill<detail::gnd::cauchy_sampler, T>(shape, 0);
}

// np.random.triangular(left, mode, right, size).
template <class T = double>
ndarray<T> triangular(double left, double mode, double right, const shape_t& shape) {
    detail::random_require(!(left > mode), "left > mode");
    detail::random_require(!(mode > right), "mode > right");
    detail::random_require(!(left == right), "left == right");
    return detail::random_float_fill<detail::gnd::triangular_sampler, T>(shape, left, mode, right);
}

// np.random.geometric(p, size): trials to the first success, int64 >= 1.
inline ndarray<std::int64_t> geometric(double p, const shape_t& shape) {
    detail::random_require(p > 0 && p <= 1, "p <= 0, p > 1 or p contains NaNs");
    return detail::random_int_fill<detail::gnd::geometric_sampler>(shape, -std::log1p(-p));
}

// np.random.standard_gamma(shape, size), gamma(shape, scale, size) (Marsaglia-Tsang).
template <class T = double>
ndarray<T> standard_gamma(double k, const shape_t& shape) {
    detail::random_require(!(k < 0), "shape < 0");
    return detail::random_float_fill<detail::gnd::gamma_sampler, T>(shape, k, 1);
}
template <class T = double>
ndarray<T> gamma(double k, double scale, const shape_t& shape) {
    detail::random_require(!(k < 0), "shape < 0");
    detail::random_require(!(scale < 0), "scale < 0");
    return detail::random_float_fill<detail::gnd::gamma_sampler, T>(shape, k, scale);
}

// np.random.beta(a, b, size).
template <class T = double>
ndarray<T> beta(double a, double b, const shape_t& shape) {
    detail::random_require(!(a <= 0), "a <= 0");
    detail::random_require(!(b <= 0), "b <= 0");
    return detail::random_float_fill<detail::gnd::beta_sampler, T>(shape, a, b);
}

// np.random.chisquare(df, size): 2 Gamma(df / 2) (the gamma kernel).
template <class T = double>
ndarray<T> chisquare(double df, const shape_t& shape) {
    detail::random_require(!(df <= 0), "df <= 0");
    return detail::random_float_fill<detail::gnd::gamma_sampler, T>(shape, df / 2, 2);
}

// np.random.f(dfnum, dfden, size).
template <class T = double>
ndarray<T> f(double dfnum, double dfden, const shape_t& shape) {
    detail::random_require(!(dfnum <= 0), "dfnum <= 0");
    detail::random_require(!(dfden <= 0), "dfden <= 0");
    return detail::random_float_fill<detail::gnd::f_sampler, T>(shape, dfnum / 2, dfden / 2);
}

// np.random.standard_t(df, size).
template <class T = double>
ndarray<T> standard_t(double df, const shape_t& shape) {
    detail::random_require(!(df <= 0), "df <= 0");
    return detail::random_float_fill<detail::gnd::t_sampler, T>(shape, df / 2);
}

// np.random.poisson(lam, size): int64.
inline ndarray<std::int64_t> poisson(double lam, const shape_t& shape) {
    detail::random_require(lam >= 0, "lam < 0 or lam is NaN");
    // NumPy's bound: the int64 maximum less 10 standard deviations.
    detail::random_require(lam <= 9.2233720064847708e18, "lam value too large");
    return detail::random_int_fill<detail::gnd::poisson_sampler>(shape, lam);
}

// np.random.binomial(n, p, size): int64.
inline ndarray<std::int64_t> binomial(std::int64_t n, double p, const shape_t& shape) {
    detail::random_require(n >= 0, "n < 0");
    detail::random_require(p >= 0 && p <= 1, "p < 0, p > 1 or p is NaN");
    return detail::random_int_fill<detail::gnd::binomial_sampler>(shape, static_cast<double>(n), p);
}

// np.random.negative_binomial(n, p, size): failures before the n-th success, int64 (Poisson of a
// gamma mean, as NumPy; n may be fractional).
inline ndarray<std::int64_t> negative_binomial(double n, double p, const shape_t& shape) {
    detail::random_require(n > 0, "n <= 0");
    detail::random_require(p >= 0 && p <= 1, "p < 0, p > 1 or p is NaN");
    return detail::random_int_fill<detail::gnd::negative_binomial_sampler>(shape, n, (1 - p) / p);
}

// np.random.wald(mean, scale, size): the inverse Gaussian law.
template <class T = double>
ndarray<T> wald(double mean, double scale, const shape_t& shape) {
    detail::random_require(!(mean <= 0), "mean <= 0");
    detail::random_require(!(scale <= 0), "scale <= 0");
    return detail::random_float_fill<detail::gnd::wald_sampler, T>(shape, mean, scale);
}

// np.random.noncentral_chisquare(df, nonc, size), noncentral_f(dfnum, dfden, nonc, size).
template <class T = double>
ndarray<T> noncentral_chisquare(double df, double nonc, const shape_t& shape) {
    detail::random_require(!(df <= 0), "df <= 0");
    detail::random_require(!(nonc < 0), "nonc < 0");
    return detail::random_float_fill<detail::gnd::noncentral_chisquare_sampler, T>(shape, df, nonc);
}
template <class T = double>
ndarray<T> noncentral_f(double dfnum, double dfden, double nonc, const shape_t& shape) {
    detail::random_require(!(dfnum <= 0), "dfnum <= 0");
    detail::random_require(!(dfden <= 0), "dfden <= 0");
    detail::random_require(!(nonc < 0), "nonc < 0");
    return detail::random_float_fill<detail::gnd::noncentral_f_sampler, T>(shape, dfnum, dfden, nonc);
}

// np.random.zipf(a, size): int64 >= 1.
inline ndarray<std::int64_t> zipf(double a, const shape_t& shape) {
    detail::random_require(a > 1, "a <= 1 or a is NaN");
    return detail::random_int_fill<detail::gnd::zipf_sampler>(shape, a);
}

// np.random.logseries(p, size): int64 >= 1.
inline ndarray<std::int64_t> logseries(double p, const shape_t& shape) {
    detail::random_require(p >= 0 && p < 1, "p < 0, p >= 1 or p is NaN");
    return detail::random_int_fill<detail::gnd::logseries_sampler>(shape, std::log1p(-p), p);
}

// np.random.vonmises(mu, kappa, size): angles in [-pi, pi].
template <class T = double>
ndarray<T> vonmises(double mu, double kappa, const shape_t& shape) {
    detail::random_require(!(kappa < 0), "kappa < 0");
    return detail::random_float_fill<detail::gnd::vonmises_sampler, T>(shape, mu, kappa);
}

// np.random.hypergeometric(ngood, nbad, nsample, size): good items among nsample drawn without
// replacement; int64.
inline ndarray<std::int64_t> hypergeometric(std::int64_t ngood, std::int64_t nbad, std::int64_t nsample,
                                            const shape_t& shape) {
    detail::random_require(ngood >= 0, "ngood < 0");
    detail::random_require(nbad >= 0, "nbad < 0");
    detail::random_require(nsample >= 1, "nsample < 1 or nsample is NaN");
    detail::random_require(ngood + nbad >= nsample, "ngood + nbad < nsample");
    return detail::random_fill<detail::gnd::hypergeometric_sampler, std::int64_t>(
        shape, static_cast<double>(ngood), static_cast<double>(nbad), static_cast<double>(nsample));
}

// np.random.random_integers(low, high, size) (deprecated in NumPy): integers in [low, high];
// random_integers(high, size): in [1, high].
inline ndarray<std::int64_t> random_integers(std::int64_t low, std::int64_t high, const shape_t& shape) {
    if (high == std::numeric_limits<std::int64_t>::max()) throw value_error("high is out of bounds for int64");
    return randint<std::int64_t>(low, high + 1, shape);
}
inline ndarray<std::int64_t> random_integers(std::int64_t high, const shape_t& shape) {
    return random_integers(1, high, shape);
}

}  // namespace random
}  // namespace gpu
