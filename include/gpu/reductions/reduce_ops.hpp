#pragma once
// The accumulators of the reductions, defined once: GPU_ND_SHARED (kernel/shared.hpp) compiles
// them here for the host executor and keeps their text for the reduction kernels, as
// expr/ops.hpp does for element-wise operations. Each accumulator is a struct template over its
// accumulation type with
//   acc                   the accumulator's type,
//   indexed               whether make() uses the element's index (kernels compute it only then),
//   identity()            the value of an empty reduction (or the start of a min/max),
//   make(x, i)            element x (at logical flat index i, used by argmin/argmax) as an acc,
//   combine(a, b)         associative and commutative, so any order of partial results gives
//                         the same answer (up to float rounding),
//   finalize<R>(a, d)     the result: a cast to R, divided by d (mean, var) or its square root.
// Also NumPy's result dtypes of each reduction.
#include <cstdint>
#include <type_traits>

#include "gpu/core/dtype.hpp"
#include "gpu/kernel/head.hpp"

GPU_ND_SHARED(reduce_ops_source,
template <class T> GND_FN T inf_of() { T zero = T(0); return T(1) / zero; }
/* The smallest and largest values of T: the starts of max and min. */
template <class T> GND_FN T lowest_of() {
    if constexpr (is_complex<T>) return T(lowest_of<typename T::value_type>(), lowest_of<typename T::value_type>());
    else if constexpr (is_float<T>) return -inf_of<T>();
    else if constexpr (is_bool<T>) return false;
    else if constexpr (is_signed_int<T>) return T(wide_uint<T>(1) << (8 * sizeof(T) - 1));
    else return T(0);
}
template <class T> GND_FN T highest_of() {
    if constexpr (is_complex<T>) return T(highest_of<typename T::value_type>(), highest_of<typename T::value_type>());
    else if constexpr (is_float<T>) return inf_of<T>();
    else if constexpr (is_bool<T>) return true;
    else if constexpr (is_signed_int<T>) return T(~lowest_of<T>());
    else return T(~wide_uint<T>(0));
}
template <class A> GND_FN A add_acc(A a, A b) {
    if constexpr (is_inexact<A>) return a + b; else return wrap_add(a, b);
}

/* sum, and mean / var / std / norm, which divide the sum by d and (std, norm) take its root. */
template <class A> struct red_sum {
    typedef A acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return A(0); }
    template <class X> static GND_FN acc make(X x, long long) { return cast<A>(x); }
    static GND_FN acc combine(acc a, acc b) { return add_acc(a, b); }
    template <class R> static GND_FN R finalize(acc a, double) { return cast<R>(a); }
};
template <class A> struct red_mean : red_sum<A> {
    template <class R> static GND_FN R finalize(A a, double d) { return cast<R>(a / A(d)); }
};
template <class A> struct red_root_mean : red_sum<A> {
    template <class R> static GND_FN R finalize(A a, double d) { return cast<R>(sqrt(a / A(d))); }
};
template <class A> struct red_prod {
    typedef A acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return A(1); }
    template <class X> static GND_FN acc make(X x, long long) { return cast<A>(x); }
    static GND_FN acc combine(acc a, acc b) {
        if constexpr (is_inexact<A>) return a * b; else return wrap_mul(a, b);
    }
    template <class R> static GND_FN R finalize(acc a, double) { return cast<R>(a); }
};
/* max and min propagate NaN, as np.max and np.min do. Both NaN tests are made before either is
   acted on: with `if (a != a) return a;` first, NVRTC folded a complex max to its identity. */
template <class A> struct red_max {
    typedef A acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return lowest_of<A>(); }
    template <class X> static GND_FN acc make(X x, long long) { return cast<A>(x); }
    static GND_FN acc combine(acc a, acc b) {
        if constexpr (is_inexact<A>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? a : b; }
        return a < b ? b : a;
    }
    template <class R> static GND_FN R finalize(acc a, double) { return cast<R>(a); }
};
template <class A> struct red_min {
    typedef A acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return highest_of<A>(); }
    template <class X> static GND_FN acc make(X x, long long) { return cast<A>(x); }
    static GND_FN acc combine(acc a, acc b) {
        if constexpr (is_inexact<A>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? a : b; }
        return b < a ? b : a;
    }
    template <class R> static GND_FN R finalize(acc a, double) { return cast<R>(a); }
};
template <class A> struct red_any {
    typedef bool acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return false; }
    template <class X> static GND_FN acc make(X x, long long) { return cast<bool>(x); }
    static GND_FN acc combine(acc a, acc b) { return a || b; }
    template <class R> static GND_FN R finalize(acc a, double) { return a; }
};
template <class A> struct red_all {
    typedef bool acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { return true; }
    template <class X> static GND_FN acc make(X x, long long) { return cast<bool>(x); }
    static GND_FN acc combine(acc a, acc b) { return a && b; }
    template <class R> static GND_FN R finalize(acc a, double) { return a; }
};

/* argmax / argmin carry (value, index); i < 0 marks the identity. A NaN wins (the first NaN, as
   NumPy), then the larger (smaller) value, then the lower index, so the result does not depend
   on the order in which partial results meet. */
template <class T> struct arg_pair { T v; long long i; };
template <class T, bool Max> GND_FN arg_pair<T> arg_combine(arg_pair<T> a, arg_pair<T> b) {
    if (b.i < 0) return a;
    if (a.i < 0) return b;
    if constexpr (is_inexact<T>) {
        const bool an = a.v != a.v, bn = b.v != b.v;
        if (an || bn) { if (an && bn) return a.i < b.i ? a : b; return an ? a : b; }
    }
    if (Max ? b.v < a.v : a.v < b.v) return a;
    if (Max ? a.v < b.v : b.v < a.v) return b;
    return a.i < b.i ? a : b;
}
template <class T> struct red_argmax {
    typedef arg_pair<T> acc;
    static constexpr bool indexed = true;
    static GND_FN acc identity() { acc a; a.v = T(0); a.i = -1; return a; }
    template <class X> static GND_FN acc make(X x, long long i) { acc a; a.v = cast<T>(x); a.i = i; return a; }
    static GND_FN acc combine(acc a, acc b) { return arg_combine<T, true>(a, b); }
    template <class R> static GND_FN R finalize(acc a, double) { return R(a.i); }
};
template <class T> struct red_argmin {
    typedef arg_pair<T> acc;
    static constexpr bool indexed = true;
    static GND_FN acc identity() { acc a; a.v = T(0); a.i = -1; return a; }
    template <class X> static GND_FN acc make(X x, long long i) { acc a; a.v = cast<T>(x); a.i = i; return a; }
    static GND_FN acc combine(acc a, acc b) { return arg_combine<T, false>(a, b); }
    template <class R> static GND_FN R finalize(acc a, double) { return R(a.i); }
};

/* The NaN-aware reductions (np.nansum, nanmax, nanargmax, nanmean, ...): a NaN counts as absent.
   nansum / nanprod give NaN the identity's value; nanmax / nanmin start from NaN and keep it only
   when every element is NaN; nanargmax / nanargmin leave i = -1 then (the caller raises). */
template <class T> GND_FN bool is_nan_value(T x) { if constexpr (is_inexact<T>) return x != x; else return false; }
template <class A> struct red_nansum : red_sum<A> {
    template <class X> static GND_FN A make(X x, long long) { const A v = cast<A>(x); return is_nan_value(v) ? A(0) : v; }
};
template <class A> struct red_nanprod : red_prod<A> {
    template <class X> static GND_FN A make(X x, long long) { const A v = cast<A>(x); return is_nan_value(v) ? A(1) : v; }
};
template <class A> GND_FN A nan_start() { if constexpr (is_inexact<A>) { A zero = A(0); return zero / zero; } else return A(0); }
template <class A> struct red_nanmax : red_max<A> {
    static GND_FN A identity() { if constexpr (is_inexact<A>) return nan_start<A>(); else return lowest_of<A>(); }
    static GND_FN A combine(A a, A b) {
        if constexpr (is_inexact<A>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? b : a; }
        return a < b ? b : a;
    }
};
template <class A> struct red_nanmin : red_min<A> {
    static GND_FN A identity() { if constexpr (is_inexact<A>) return nan_start<A>(); else return highest_of<A>(); }
    static GND_FN A combine(A a, A b) {
        if constexpr (is_inexact<A>) { const bool an = a != a, bn = b != b; if (an || bn) return an ? b : a; }
        return b < a ? b : a;
    }
};
template <class T> struct red_nanargmax : red_argmax<T> {
    template <class X> static GND_FN arg_pair<T> make(X x, long long i) {
        arg_pair<T> a; a.v = cast<T>(x); a.i = is_nan_value(a.v) ? -1 : i; if (a.i < 0) a.v = T(0); return a;
    }
};
template <class T> struct red_nanargmin : red_argmin<T> {
    template <class X> static GND_FN arg_pair<T> make(X x, long long i) {
        arg_pair<T> a; a.v = cast<T>(x); a.i = is_nan_value(a.v) ? -1 : i; if (a.i < 0) a.v = T(0); return a;
    }
};
/* nanmean and nanvar's second pass: (sum, count) of the non-NaN elements in an arg_pair (v, i);
   finalize divides by count - d, d being ddof (0 for the mean), in double as NumPy divides. */
template <class A> struct red_nanmean {
    typedef arg_pair<A> acc;
    static constexpr bool indexed = false;
    static GND_FN acc identity() { acc a; a.v = A(0); a.i = 0; return a; }
    template <class X> static GND_FN acc make(X x, long long) {
        acc a; a.v = cast<A>(x); a.i = 1; if (is_nan_value(a.v)) { a.v = A(0); a.i = 0; } return a;
    }
    static GND_FN acc combine(acc a, acc b) { a.v = add_acc(a.v, b.v); a.i += b.i; return a; }
    /* The divisor: NaN when count - ddof <= 0, as NumPy's nanvar (and 0 / 0 for an all-NaN mean). */
    static GND_FN double divisor(acc a, double d) {
        const double dof = double(a.i) - d, zero = 0.0;
        return dof <= 0.0 ? zero / zero : dof;
    }
    static GND_FN double quotient(acc a, double d) { return double(a.v) / divisor(a, d); }
    template <class R> static GND_FN R finalize(acc a, double d) {
        if constexpr (is_complex<A>) {  /* each part divided by the count, as NumPy's sum / count */
            typedef typename A::value_type F;  /* dependent: kernels without complex types never see it */
            const double q = divisor(a, d);
            return cast<R>(A(F(double(a.v.real()) / q), F(double(a.v.imag()) / q)));
        } else {
            return cast<R>(quotient(a, d));
        }
    }
};
template <class A> struct red_nanroot_mean : red_nanmean<A> {
    template <class R> static GND_FN R finalize(arg_pair<A> a, double d) { return cast<R>(sqrt(red_nanmean<A>::quotient(a, d))); }
};
)

namespace gpu::detail {

// NumPy's dtype of sum and prod: bool and signed integers in int64, unsigned in uint64, floats
// and complex keep theirs (float16 and bfloat16 accumulate in float32: see reducer).
template <class T>
using sum_type_t = std::conditional_t<is_inexact(dtype_of_v<T>), T,
                                      std::conditional_t<std::is_unsigned_v<T> && !std::is_same_v<T, bool>,
                                                         std::uint64_t, std::int64_t>>;
// NumPy's dtype of mean, var and std (and of norm): floats keep theirs, the rest float64.
template <class T>
using mean_type_t = std::conditional_t<is_inexact(dtype_of_v<T>), T, double>;

// One reduction: the accumulator template's name in the kernel text, its parameter P (the
// compute type of the dtype given: float for the 2-byte floats, which NumPy also sums in
// float32), the accumulator type on the host and the result type R.
template <template <class> class Op, const char* Name, class P_, class R>
struct reducer {
    using P = compute_t<P_>;
    using op = Op<P>;
    using param = P;
    using result = R;
    using acc = typename op::acc;
    static constexpr const char* name = Name;
};

inline constexpr char red_sum_name[] = "red_sum", red_mean_name[] = "red_mean",
                      red_root_mean_name[] = "red_root_mean", red_prod_name[] = "red_prod",
                      red_max_name[] = "red_max", red_min_name[] = "red_min", red_any_name[] = "red_any",
                      red_all_name[] = "red_all", red_argmax_name[] = "red_argmax", red_argmin_name[] = "red_argmin",
                      red_nansum_name[] = "red_nansum", red_nanprod_name[] = "red_nanprod",
                      red_nanmax_name[] = "red_nanmax", red_nanmin_name[] = "red_nanmin",
                      red_nanargmax_name[] = "red_nanargmax", red_nanargmin_name[] = "red_nanargmin",
                      red_nanmean_name[] = "red_nanmean", red_nanroot_mean_name[] = "red_nanroot_mean";

// The reducer of each public reduction for an input of dtype T.
template <class T> using sum_reducer = reducer<gnd::red_sum, red_sum_name, sum_type_t<T>, sum_type_t<T>>;
template <class T> using prod_reducer = reducer<gnd::red_prod, red_prod_name, sum_type_t<T>, sum_type_t<T>>;
template <class T> using max_reducer = reducer<gnd::red_max, red_max_name, T, T>;
template <class T> using min_reducer = reducer<gnd::red_min, red_min_name, T, T>;
template <class T> using any_reducer = reducer<gnd::red_any, red_any_name, T, bool>;
template <class T> using all_reducer = reducer<gnd::red_all, red_all_name, T, bool>;
template <class T> using argmax_reducer = reducer<gnd::red_argmax, red_argmax_name, T, std::int64_t>;
template <class T> using argmin_reducer = reducer<gnd::red_argmin, red_argmin_name, T, std::int64_t>;
// The sum divided by the run-time divisor (mean, var), or the root of that (std, norm).
template <class T> using mean_reducer = reducer<gnd::red_mean, red_mean_name, mean_type_t<T>, mean_type_t<T>>;
template <class T>
using root_mean_reducer = reducer<gnd::red_root_mean, red_root_mean_name, mean_type_t<T>, mean_type_t<T>>;

// The NaN-aware reducers (reductions/nan_reduce.hpp): the dtypes of sum, max, argmax and mean.
template <class T> using nansum_reducer = reducer<gnd::red_nansum, red_nansum_name, sum_type_t<T>, sum_type_t<T>>;
template <class T> using nanprod_reducer = reducer<gnd::red_nanprod, red_nanprod_name, sum_type_t<T>, sum_type_t<T>>;
template <class T> using nanmax_reducer = reducer<gnd::red_nanmax, red_nanmax_name, T, T>;
template <class T> using nanmin_reducer = reducer<gnd::red_nanmin, red_nanmin_name, T, T>;
template <class T> using nanargmax_reducer = reducer<gnd::red_nanargmax, red_nanargmax_name, T, std::int64_t>;
template <class T> using nanargmin_reducer = reducer<gnd::red_nanargmin, red_nanargmin_name, T, std::int64_t>;
template <class T> using nanmean_reducer = reducer<gnd::red_nanmean, red_nanmean_name, mean_type_t<T>, mean_type_t<T>>;
template <class T>
using nanroot_mean_reducer = reducer<gnd::red_nanroot_mean, red_nanroot_mean_name, mean_type_t<T>, mean_type_t<T>>;

}  // namespace gpu::detail
