#pragma once
// NumPy's arange, linspace and logspace, each ONE element-wise kernel over the element index
// (detail::index_leaf): nothing is computed element by element on the host, nothing uploaded.
//
//   gpu::arange(stop), arange(start, stop, step = 1)
//       dtype as NumPy infers it from Python scalars: all arguments integers (or bools) ->
//       int64, any floating-point argument -> float64. Length ceil((stop - start) / step),
//       computed as Python computes it. Values as NumPy's fill computes them: element 0 is
//       start, element 1 is start + step (both converted to the dtype), and element i >= 2 is
//       start + i * delta in the dtype, where delta = element 1 - element 0.
//   gpu::arange<T>(...)  the same with dtype T (NumPy's dtype=): arange<std::int64_t>(-3, 3, 0.5)
//       is NumPy's documented [-3, -2, ..., 8]; integer dtypes wrap past their range as NumPy's
//       do; an integer start (or start + step) outside T's range throws gpu::overflow_error;
//       bool allows at most 2 elements (gpu::type_error otherwise, as NumPy).
//   gpu::linspace<T = double>(start, stop, num = 50, endpoint = true)
//       computed in float64 as NumPy does (step = (stop - start) / div, y = i * step + start,
//       the last element exactly stop when endpoint and num > 1), then floored for integer T
//       and converted to T.
//   gpu::logspace<T = double>(start, stop, num = 50, endpoint = true, base = 10.0)
//       base ** linspace(start, stop, num, endpoint), converted to T (not floored, as NumPy).
//
// Errors, with NumPy's messages: a zero step is Python's ZeroDivisionError ("division by zero",
// "float division by zero" when a float takes part), thrown here as gpu::value_error (the
// library has no ZeroDivisionError); a NaN length is value_error("arange: cannot compute
// length"); a length beyond int64 is overflow_error("arange: overflow while computing length");
// a negative num is value_error("Number of samples, -1, must be non-negative.").
//
// The floating-point formulas divide a product by a run-time 1 before adding start: that keeps
// the GPU compiler from contracting `i * delta + start` into one fma, so the GPU rounds twice,
// as NumPy does.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/nodes.hpp"
#include "gpu/expr/operators.hpp"

namespace gpu {
namespace detail {

// ---- arange --------------------------------------------------------------------------------------

// np.arange's length, as NumPy's _calc_length computes it with Python arithmetic:
// (stop - start) / step in true division, ceil.
template <class Start, class Stop, class Step>
std::int64_t arange_length(Start start, Stop stop, Step step) {
    constexpr bool ints = std::is_integral_v<Start> && std::is_integral_v<Stop> && std::is_integral_v<Step>;
    long double q;
    bool diff_nonzero;
    if constexpr (ints) {
        if (step == 0) throw value_error("division by zero");
        // Exact for any two int64 or uint64 values (a 64-bit mantissa on x86-64).
        const long double diff = static_cast<long double>(stop) - static_cast<long double>(start);
        diff_nonzero = diff != 0;
        q = diff / static_cast<long double>(step);
    } else {
        // Python: int - int is exact, else float - float; then a float division.
        double diff;
        if constexpr (std::is_integral_v<Start> && std::is_integral_v<Stop>)
            diff = static_cast<double>(static_cast<long double>(stop) - static_cast<long double>(start));
        else
            diff = static_cast<double>(stop) - static_cast<double>(start);
        if (static_cast<double>(step) == 0) throw value_error("float division by zero");
        diff_nonzero = diff != 0;
        q = diff / static_cast<double>(step);
    }
    if (std::isnan(q)) throw value_error("arange: cannot compute length");
    if (q == 0 && diff_nonzero) return std::signbit(q) ? 0 : 1;  // NumPy's underflow rule
    const long double c = std::ceil(q);
    if (!(c >= -9223372036854775808.0L && c < 9223372036854775808.0L))
        throw overflow_error("arange: overflow while computing length");
    return c > 0 ? static_cast<std::int64_t>(c) : 0;
}

// A value np.arange stores itself (start, start + step): a Python int must fit an integer
// dtype (NumPy 2's OverflowError); anything else converts as astype does.
template <class T, class S>
T arange_store(S v) {
    if constexpr (std::is_integral_v<S> && !std::is_same_v<S, bool> && is_integer(dtype_of_v<T>)) {
        if (!fits_in<T>(v))
            throw overflow_error("Python integer " + std::to_string(v) + " out of bounds for " +
                                 std::string(dtype_name_v<T>));
        return static_cast<T>(v);
    } else {
        return gnd::cast<T>(v);
    }
}

// start + step as Python computes it: exact (here: wrapping) for two integers, else in float64.
template <class Start, class Step>
auto python_next(Start start, Step step) {
    if constexpr (std::is_integral_v<Start> && std::is_integral_v<Step>)
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(static_cast<std::int64_t>(start)) +
                                         static_cast<std::uint64_t>(static_cast<std::int64_t>(step)));
    else
        return static_cast<double>(start) + static_cast<double>(step);
}

// Element i of np.arange in dtype T, given its elements 0 and 1 (NumPy's T_fill).
template <class T>
auto arange_expr(std::int64_t length, T first, T second) {
    const index_leaf i({length});
    if constexpr (std::is_same_v<T, bool>) {
        return where_node<decltype(i == 0), scalar_leaf<bool>, scalar_leaf<bool>>(i == 0, scalar_leaf<bool>(first),
                                                                                    scalar_leaf<bool>(second));
    } else if constexpr (is_integer(dtype_of_v<T>)) {
        // In int64, whose wrap-around agrees with T's modulo T's width.
        const auto start = static_cast<std::int64_t>(first);
        const auto delta = static_cast<std::int64_t>(static_cast<std::uint64_t>(static_cast<std::int64_t>(second)) -
                                                     static_cast<std::uint64_t>(start));
        return (i * delta + start).template astype<T>();
    } else if constexpr (is_half(dtype_of_v<T>)) {
        // NumPy's HALF_fill: start + i * delta in float32 (delta = second - first in float32),
        // rounded once to the 2-byte float.
        const float f0 = static_cast<float>(first), delta = static_cast<float>(second) - f0;
        auto body = ((i.astype<float>() * delta) / 1.0f + f0).template astype<T>();
        using B = decltype(body);
        using head = where_node<decltype(i == 0), scalar_leaf<T>, scalar_leaf<T>>;
        return where_node<decltype(i < 2), head, B>(i < 2, head(i == 0, scalar_leaf<T>(first), scalar_leaf<T>(second)),
                                                    std::move(body));
    } else {
        const T delta = second - first;
        auto body = (i.astype<T>() * delta) / T(1) + first;  // two roundings, as NumPy (see top)
        using B = decltype(body);
        using head = where_node<decltype(i == 0), scalar_leaf<T>, scalar_leaf<T>>;
        return where_node<decltype(i < 2), head, B>(i < 2, head(i == 0, scalar_leaf<T>(first), scalar_leaf<T>(second)),
                                                    std::move(body));
    }
}

template <class T, class Start, class Stop, class Step>
auto arange_impl(Start start, Stop stop, Step step) {
    constexpr bool ints = std::is_integral_v<Start> && std::is_integral_v<Stop> && std::is_integral_v<Step>;
    using R = std::conditional_t<std::is_void_v<T>, std::conditional_t<ints, std::int64_t, double>, T>;
    const std::int64_t length = arange_length(start, stop, step);
    if constexpr (std::is_same_v<R, bool>) {
        if (length > 2)
            throw type_error("arange() is only supported for booleans when the result has at most length 2.");
    }
    if (length == 0) return ndarray<R>(shape_t{0});
    const R first = arange_store<R>(start);
    const R second = length > 1 ? arange_store<R>(python_next(start, step)) : first;
    return gpu::eval(arange_expr<R>(length, first, second));
}

// ---- linspace ------------------------------------------------------------------------------------

// NumPy's linspace in float64 before the final conversion: y = (i / q) * p, then + start, and
// stop at index `last`. NumPy's three cases are (q, p) = (1, step) normally, (div, delta) when
// the step underflows to 0, (1, delta) when div <= 0.
struct linspace_plan {
    std::int64_t num;
    double q, p, start, stop;
    std::int64_t last;  // -1: no element is replaced by stop
};

inline linspace_plan plan_linspace(double start, double stop, std::int64_t num, bool endpoint) {
    if (num < 0) throw value_error("Number of samples, " + std::to_string(num) + ", must be non-negative.");
    const std::int64_t div = endpoint ? num - 1 : num;
    const double delta = stop - start;
    linspace_plan p{num, 1.0, delta, start, stop, endpoint && num > 1 ? num - 1 : -1};
    if (div > 0) {
        const double step = delta / static_cast<double>(div);
        if (step == 0) p.q = static_cast<double>(div);  // denormal deltas (NumPy's gh-5437 rule)
        else p.p = step;
    }
    return p;
}

inline auto linspace_float64(const linspace_plan& p) {
    const index_leaf i({p.num});
    auto y = ((i.astype<double>() / p.q) * p.p) / 1.0 + p.start;
    return where_node<decltype(i == 0), scalar_leaf<double>, decltype(y)>(i == p.last, scalar_leaf<double>(p.stop),
                                                                          std::move(y));
}

template <class T>
auto linspace_expr(const linspace_plan& p) {
    auto y = linspace_float64(p);
    if constexpr (is_integer(dtype_of_v<T>)) return gpu::floor(y).template astype<T>();
    else return y.template astype<T>();
}

template <class T>
auto logspace_expr(const linspace_plan& p, double base) {
    return gpu::power(base, linspace_float64(p)).template astype<T>();
}

}  // namespace detail

// np.arange(stop): [0, stop) in steps of 1. T = void: NumPy's dtype for the argument's kind.
template <class T = void, class Stop>
    requires is_cpp_scalar_v<Stop>
auto arange(Stop stop) {
    return detail::arange_impl<T>(0, stop, 1);
}

// np.arange(start, stop, step).
template <class T = void, class Start, class Stop, class Step = int>
    requires(is_cpp_scalar_v<Start> && is_cpp_scalar_v<Stop> && is_cpp_scalar_v<Step>)
auto arange(Start start, Stop stop, Step step = 1) {
    return detail::arange_impl<T>(start, stop, step);
}

// np.linspace(start, stop, num, endpoint, dtype=T).
template <class T = double>
ndarray<T> linspace(double start, double stop, std::int64_t num = 50, bool endpoint = true) {
    return gpu::eval(detail::linspace_expr<T>(detail::plan_linspace(start, stop, num, endpoint)));
}

// np.logspace(start, stop, num, endpoint, base, dtype=T).
template <class T = double>
ndarray<T> logspace(double start, double stop, std::int64_t num = 50, bool endpoint = true, double base = 10.0) {
    return gpu::eval(detail::logspace_expr<T>(detail::plan_linspace(start, stop, num, endpoint), base));
}

}  // namespace gpu
