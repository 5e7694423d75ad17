#pragma once
// gpu::random's distributions under NumPy's legacy names (np.random.rand, uniform, randn, normal,
// randint), typed by a C++ template argument instead of a dtype= keyword. Each call makes a new
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

}  // namespace random
}  // namespace gpu
