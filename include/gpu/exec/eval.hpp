#pragma once
// Running expressions: gpu::eval, assignment into arrays and the in-place operators. This is
// where an expression meets an executor: all its arrays must live on one, and the result is
// made there.
#include <optional>
#include <string>
#include <utility>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/exec/cuda_executor.hpp"
#include "gpu/exec/host_executor.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/runtime/device.hpp"

namespace gpu {
namespace detail {

// "operands live on different executors (...)", "cannot write an expression evaluated on ...".
[[noreturn]] GPU_ND_INLINE void throw_mixed_executors(executor a, executor b);
[[noreturn]] GPU_ND_INLINE void throw_write_across_executors(executor from, executor to);

// The executor an expression's arrays live on (none for scalars and indices only); mixing two
// executors, or two CUDA devices, is an error.
template <class E>
std::optional<executor> arrays_executor(const E& e) {
    std::optional<executor> where;
    int device = -1;
    e.visit_arrays([&](const auto& a) {
        if constexpr (!is_index_operand_v<decltype(a)>) {
            if (where && a.where() != *where) throw_mixed_executors(*where, a.where());
            if (where) check_same_device(device, a.device());
            where = a.where();
            device = a.device();
        }
    });
    return where;
}

// Where a new result of `e` is made: with its arrays, else (creation functions) on the current
// executor.
template <class E>
executor executor_of(const E& e) {
    return arrays_executor(e).value_or(current_executor());
}

// The bytes an array's elements span: [lo, hi).
template <class A>
std::pair<const char*, const char*> byte_span(const A& a) {
    std::int64_t below = 0, above = 0;
    for (int i = 0; i < a.ndim(); ++i) {
        const std::int64_t reach = a.strides()[i] * (a.shape()[i] - 1);
        (reach < 0 ? below : above) += reach;
    }
    const auto* p = reinterpret_cast<const char*>(a.data());
    constexpr std::int64_t item = sizeof(typename A::value_type);
    return {p + below * item, p + (above + 1) * item};
}

// True when writing `e` into `out` element by element could read an element after another
// thread (or an earlier iteration) has overwritten it: an operand shares out's memory in a
// different layout (`a(gpu::slice(1, gpu::none)) = a(gpu::slice(gpu::none, -1))`, `a += a.T()`).
// An operand in exactly out's layout is safe, since each element is read before it is written
// by the same thread. Checked by address ranges, so disjoint views of one buffer stay direct.
template <class T, class E>
bool overlaps_differently(const ndarray<T>& out, const E& e) {
    if (out.size() == 0) return false;
    bool overlap = false;
    e.visit_arrays([&](const auto& a) {
        if (overlap || a.buffer() != out.buffer() || a.size() == 0) return;
        using A = std::remove_cvref_t<decltype(a)>;
        if (sizeof(typename A::value_type) == sizeof(T) &&
            static_cast<const void*>(a.data()) == static_cast<const void*>(out.data())) {
            const strides_t st = broadcast_strides(out.shape(), a.shape(), a.strides());
            bool same = true;
            for (int i = 0; i < out.ndim() && same; ++i) same = out.shape()[i] == 1 || st[i] == out.strides()[i];
            if (same) return;
        }
        const auto [alo, ahi] = byte_span(a);
        const auto [olo, ohi] = byte_span(out);
        overlap = alo < ohi && olo < ahi;
    });
    return overlap;
}

// Writes node `e` (already broadcastable to out's shape) into `out`.
template <class T, class E>
void run_into(ndarray<T>& out, const E& e) {
    if (const auto where = arrays_executor(e); where && *where != out.where())
        throw_write_across_executors(*where, out.where());
    if (overlaps_differently(out, e)) {  // NumPy's answer needs the inputs as they were: a temporary
        ndarray<typename E::value_type> tmp(e.shape(), out.where());
        run_into(tmp, e);
        run_into(out, as_node(tmp));
        return;
    }
    if constexpr (std::is_same_v<typename E::value_type, T>) {
        if (out.where() == executor::cuda) run_on_cuda(out, e);
        else run_on_host(out, e);
    } else {
        run_into(out, cast_node<T, E>(e));
    }
}

// The two ways NumPy words a result that does not fit its destination.
enum class write_kind { ufunc_out, assignment };

// Throws NumPy's error unless a result of shape `from` broadcasts to exactly `to`.
GPU_ND_INLINE void check_writable_shape(const shape_t& from, const shape_t& to, write_kind kind);

template <class T, class E>
void check_writable_shape(const ndarray<T>& out, const E& e, write_kind kind) {
    check_writable_shape(e.shape(), out.shape(), kind);
}

// The right-hand side of `a[...] = e` for an array of dtype T. A C++ integer assigned to an
// integer array must fit it, as NumPy 2 demands of a Python int (OverflowError); other scalars
// convert as astype would.
template <class T, class E>
auto assigned_node(const E& e) {
    if constexpr (!is_cpp_scalar_v<E>) return as_node(e);
    else if constexpr (scalar_kind_v<E> == scalar_kind::integer && is_integer(dtype_of_v<T>))
        return weak_scalar<dtype_of_v<T>>(e);
    else return strong_scalar(e);
}

}  // namespace detail

// Runs an expression (or copies an array) into a new array of NumPy's result dtype.
template <expression E>
auto eval(const E& e) {
    auto node = detail::as_node(e);
    using R = typename decltype(node)::value_type;
    ndarray<R> out(node.shape(), detail::executor_of(node));
    detail::run_into(out, node);
    return out;
}

// Runs an expression into a preallocated array, like a ufunc's out= argument: the result
// broadcasts to out's shape and casts to its dtype under NumPy's 'same_kind' rule.
template <expression E, class T>
ndarray<T>& eval(const E& e, ndarray<T>& out) {
    auto node = detail::as_node(e);
    using R = typename decltype(node)::value_type;
    static_assert(can_cast_same_kind(dtype_of_v<R>, dtype_of_v<T>),
                  "Cannot cast ufunc output to the out array's dtype with casting rule 'same_kind' (e.g. float64 "
                  "into int32); convert explicitly with astype or use ndarray::assign");
    detail::check_writable_shape(out, node, detail::write_kind::ufunc_out);
    detail::run_into(out, node);
    return out;
}

template <class V>
template <expression E>
    requires(!is_ndarray_v<E>)
ndarray<V>::ndarray(const E& e) {
    static_assert(std::is_same_v<typename E::value_type, V>,
                  "the expression's dtype (NumPy's result type) differs from this ndarray's: declare the result "
                  "with that type or `auto` and gpu::eval, or convert with .astype<V>()");
    *this = gpu::eval(e);
}

template <class V>
template <operand E>
ndarray<V>& ndarray<V>::assign(const E& e) {
    auto node = detail::assigned_node<V>(e);
    detail::check_writable_shape(*this, node, detail::write_kind::assignment);
    detail::run_into(*this, node);
    return *this;
}

template <class V>
ndarray<V> ndarray<V>::copy() const {
    return gpu::eval(*this);
}

// np.copy(a): a new C-contiguous array with a's values (an expression is evaluated).
template <expression E>
auto copy(const E& a) {
    return gpu::eval(a);
}

// np.copyto(dst, src): src broadcast into dst under NumPy's default 'same_kind' rule (a
// compile-time check: the dtypes are the types); with `where`, only where the mask is true.
template <class T, expression E>
void copyto(ndarray<T>& dst, const E& src) {
    using R = typename decltype(detail::as_node(src))::value_type;
    static_assert(can_cast_same_kind(dtype_of_v<R>, dtype_of_v<T>),
                  "np.copyto: Cannot cast array data to the destination's dtype according to the rule 'same_kind'; "
                  "convert explicitly with astype");
    dst.assign(src);
}
template <class T, expression E, expression M>
void copyto(ndarray<T>& dst, const E& src, const M& mask) {
    using R = typename decltype(detail::as_node(src))::value_type;
    static_assert(can_cast_same_kind(dtype_of_v<R>, dtype_of_v<T>),
                  "np.copyto: Cannot cast array data to the destination's dtype according to the rule 'same_kind'; "
                  "convert explicitly with astype");
    dst.assign(gpu::where(mask, detail::as_node(src).template astype<T>(), dst));
}

// np.shape(a), np.size(a), np.ndim(a).
template <expression E>
shape_t shape(const E& a) {
    return detail::as_node(a).shape();
}
template <expression E>
std::int64_t size(const E& a) {
    return size_of(detail::as_node(a).shape());
}
template <expression E>
int ndim(const E& a) {
    return detail::as_node(a).shape().size();
}

template <class V>
template <class U>
auto ndarray<V>::astype() const {
    return detail::as_node(*this).template astype<U>();
}

#define GPU_ND_COMPOUND(SYM, FN)                                                                   \
    template <class V>                                                                             \
    template <operand E>                                                                           \
    ndarray<V>& ndarray<V>::operator SYM(const E& e) {                                             \
        auto expr = FN(*this, e);                                                                  \
        using R = typename decltype(expr)::value_type;                                             \
        static_assert(can_cast_same_kind(dtype_of_v<R>, dtype_of_v<V>),                            \
                      "Cannot cast ufunc '" #FN "' output to this array's dtype with casting rule "  \
                      "'same_kind' (NumPy raises UFuncTypeError)");                                \
        detail::check_writable_shape(*this, expr, detail::write_kind::ufunc_out);                                    \
        detail::run_into(*this, expr);                                                             \
        return *this;                                                                              \
    }
GPU_ND_COMPOUND(+=, add)
GPU_ND_COMPOUND(-=, subtract)
GPU_ND_COMPOUND(*=, multiply)
GPU_ND_COMPOUND(/=, true_divide)
GPU_ND_COMPOUND(%=, remainder)
GPU_ND_COMPOUND(&=, bitwise_and)
GPU_ND_COMPOUND(|=, bitwise_or)
GPU_ND_COMPOUND(^=, bitwise_xor)
GPU_ND_COMPOUND(<<=, left_shift)
GPU_ND_COMPOUND(>>=, right_shift)
#undef GPU_ND_COMPOUND

namespace detail {
// a as a T array: a itself when it already is one (one conversion kernel otherwise).
template <class T, class U>
ndarray<T> as_dtype(const ndarray<U>& a) {
    if constexpr (std::is_same_v<T, U>) return a;
    else return gpu::eval(a.template astype<T>());
}
}  // namespace detail

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/exec/eval.ipp"
#endif
