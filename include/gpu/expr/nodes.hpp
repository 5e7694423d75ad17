#pragma once
// The node types of fused element-wise expressions. A node owns its operands by value (array
// handles are cheap and share buffers), so `auto e = a + b;` never dangles. Each node knows,
// from its type alone, the kernel text it generates (emit) and, from its value, the run-time
// arguments it passes (visit_arrays / visit_scalars, in the same left-to-right order), and how
// to compute one element on the host (at).
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/core/reduction_members.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/expr/expression.hpp"
#include "gpu/expr/ops.hpp"

namespace gpu::detail {

// Appends the parts: emit()'s text around its operands (kernel text, built on a cache miss).
GPU_ND_INLINE void emit_text(std::string& out, std::initializer_list<const char*> parts);

inline const shape_t& scalar_shape() {
    static const shape_t s;
    return s;
}

template <class...>
inline constexpr bool always_false_v = false;

// Members every node shares with ndarray: conversion, the reductions (fused: the expression is
// evaluated inside the reduction's kernel, as gpu::sum(e) is) and the shape methods (which
// evaluate the expression into a new array first, then act as the ndarray method does).
template <class Derived>
struct node_mixin : expression_base {
    // Lazy conversion, fused into the expression (NumPy's astype, without the copy).
    template <class U>
    auto astype() const;

    // Reductions, defined in reductions/reduce.hpp and reductions/stats.hpp; as ndarray's.
    GPU_ND_REDUCTION_MEMBERS

    // The expression's values as a new array (gpu::eval), then ndarray's shape method.
    auto eval() const { return ndarray<typename Derived::value_type>(self()); }
    template <class D = Derived> auto reshape(const shape_t& shape) const { return eval().reshape(shape); }
    template <class D = Derived> auto ravel() const { return eval().ravel(); }
    template <class D = Derived> auto flatten() const { return eval().flatten(); }
    template <class D = Derived> auto transpose() const { return eval().transpose(); }
    template <class D = Derived> auto transpose(const dims& axes) const { return eval().transpose(axes); }
    template <class D = Derived> auto T() const { return eval().transpose(); }
    template <class D = Derived> auto swapaxes(int axis1, int axis2) const { return eval().swapaxes(axis1, axis2); }
    template <class D = Derived> auto squeeze() const { return eval().squeeze(); }
    template <class D = Derived> auto squeeze(const dims& axes) const { return eval().squeeze(axes); }
    template <class D = Derived> auto copy() const { return eval(); }

    // An expression is a recipe, not an array: it has no elements to index or to assign.
    template <class... I>
    void operator()(const I&...) const {
        static_assert(always_false_v<I...>,
                      "gpu: cannot index an expression; make it an array first (gpu::eval(e) or gpu::ndarray<T> a = e)");
    }
    template <class I>
    void operator[](const I&) const {
        static_assert(always_false_v<I>,
                      "gpu: cannot index an expression; make it an array first (gpu::eval(e) or gpu::ndarray<T> a = e)");
    }
    template <class X>
    void operator=(const X&) const {
        static_assert(always_false_v<X>,
                      "gpu: cannot assign into an expression (it is not an array); assign to a gpu::ndarray or a view");
    }
#define GPU_ND_NODE_NO_COMPOUND(SYM)                                                                            \
    template <class X>                                                                                          \
    void operator SYM(const X&) const {                                                                         \
        static_assert(always_false_v<X>,                                                                        \
                      "gpu: cannot assign into an expression (it is not an array); assign to a gpu::ndarray or a view"); \
    }
    GPU_ND_NODE_NO_COMPOUND(+=)
    GPU_ND_NODE_NO_COMPOUND(-=)
    GPU_ND_NODE_NO_COMPOUND(*=)
    GPU_ND_NODE_NO_COMPOUND(/=)
#undef GPU_ND_NODE_NO_COMPOUND

protected:
    const Derived& self() const { return static_cast<const Derived&>(*this); }
};

// Every node brings node_mixin's operator= beside its own copy assignment, so that assigning
// anything else into an expression gives node_mixin's one-sentence error.
#define GPU_ND_NODE_ASSIGN(...) using node_mixin<__VA_ARGS__>::operator=;

template <class T>
struct array_leaf : node_mixin<array_leaf<T>> {
    GPU_ND_NODE_ASSIGN(array_leaf<T>)
    using value_type = T;
    static constexpr int n_arrays = 1, n_scalars = 0;
    static constexpr int tile_item_bytes = sizeof(T);
    ndarray<T> array;

    explicit array_leaf(ndarray<T> a) : array(std::move(a)) {}
    const shape_t& shape() const { return array.shape(); }
    template <class F> void visit_arrays(F&& f) const { f(array); }
    template <class F> void visit_scalars(F&&) const {}
    template <int I>
    T at(const void* const* ptrs, const std::int64_t* offs) const {
        return static_cast<const T*>(ptrs[I])[offs[I]];
    }
    template <class G> static void emit(G& g, std::string& out) { out += g.add_array(cuda_type_name<T>()); }
};

template <class T>
struct scalar_leaf : node_mixin<scalar_leaf<T>> {
    GPU_ND_NODE_ASSIGN(scalar_leaf<T>)
    using value_type = T;
    static constexpr int n_arrays = 0, n_scalars = 1;
    static constexpr int tile_item_bytes = 0;
    T value;

    explicit scalar_leaf(T v) : value(v) {}
    const shape_t& shape() const { return scalar_shape(); }
    template <class F> void visit_arrays(F&&) const {}
    template <class F> void visit_scalars(F&& f) const { f(value); }
    template <int I>
    T at(const void* const*, const std::int64_t*) const { return value; }
    template <class G> static void emit(G& g, std::string& out) { out += g.add_scalar(cuda_type_name<T>()); }
};

// The operand behind index_leaf: no memory, and C-order strides over the leaf's shape, so the
// offset both executors compute for it at an element is that element's C-order index within the
// leaf's shape (broadcast like any operand). Creation functions and random numbers use it.
struct index_operand {
    using value_type = unsigned char;  // its itemsize in layouts: 1, so it never narrows vectors
    shape_t shape_;
    strides_t strides_;

    explicit index_operand(const shape_t& s) : shape_(s), strides_(c_strides(s)) {}
    const shape_t& shape() const { return shape_; }
    const strides_t& strides() const { return strides_; }
    int ndim() const { return shape_.size(); }
    std::int64_t size() const { return size_of(shape_); }
    const void* data() const { return nullptr; }
    std::shared_ptr<detail::buffer> buffer() const { return {}; }
};

template <class A>
inline constexpr bool is_index_operand_v = std::is_same_v<std::remove_cvref_t<A>, index_operand>;

// The C-order index (int64) of each element within `shape`, broadcast to the expression's shape:
// index_leaf({n}) is arange(n); index_leaf({n, 1}) and index_leaf({m}) are row and column numbers.
struct index_leaf : node_mixin<index_leaf> {
    GPU_ND_NODE_ASSIGN(index_leaf)
    using value_type = std::int64_t;
    static constexpr int n_arrays = 1, n_scalars = 0;
    static constexpr int tile_item_bytes = sizeof(std::int64_t);  // kernels hold it as long long
    index_operand operand;

    explicit index_leaf(const shape_t& s) : operand(s) {}
    const shape_t& shape() const { return operand.shape(); }
    template <class F> void visit_arrays(F&& f) const { f(operand); }
    template <class F> void visit_scalars(F&&) const {}
    template <int I>
    std::int64_t at(const void* const*, const std::int64_t* offs) const { return offs[I]; }
    template <class G> static void emit(G& g, std::string& out) { out += g.add_index(); }
};

// Kernel text: `inner` rounded to R when R's operations compute in another type.
template <class R>
void emit_round_open(std::string& out) {
    if constexpr (!std::is_same_v<compute_t<R>, R>) emit_text(out, {"gnd::cast<", cuda_type_name<R>(), ">("});
}
template <class R>
void emit_round_close(std::string& out) {
    if constexpr (!std::is_same_v<compute_t<R>, R>) out += ")";
}

template <class Op, class L, class R>
struct binary_node : node_mixin<binary_node<Op, L, R>> {
    GPU_ND_NODE_ASSIGN(binary_node<Op, L, R>)
    static constexpr loop_types types =
        Op::rule::template types<dtype_of_v<typename L::value_type>, dtype_of_v<typename R::value_type>>();
    using value_type = type_of_t<types.result>;
    using a_type = compute_t<type_of_t<types.a>>;
    using b_type = compute_t<type_of_t<types.b>>;
    using r_type = compute_t<value_type>;
    static constexpr int n_arrays = L::n_arrays + R::n_arrays, n_scalars = L::n_scalars + R::n_scalars;
    static constexpr int tile_item_bytes = L::tile_item_bytes + R::tile_item_bytes;
    L l;
    R r;
    shape_t shape_;

    binary_node(L l_, R r_) : l(std::move(l_)), r(std::move(r_)), shape_(broadcast_shapes(l.shape(), r.shape())) {}
    const shape_t& shape() const { return shape_; }
    template <class F> void visit_arrays(F&& f) const { l.visit_arrays(f); r.visit_arrays(f); }
    template <class F> void visit_scalars(F&& f) const { l.visit_scalars(f); r.visit_scalars(f); }
    template <int I>
    value_type at(const void* const* ptrs, const std::int64_t* offs) const {
        return gnd::cast<value_type>(Op::template apply<r_type, a_type, b_type>(
            gnd::cast<a_type>(l.template at<I>(ptrs, offs)),
            gnd::cast<b_type>(r.template at<I + L::n_arrays>(ptrs, offs))));
    }
    template <class G> static void emit(G& g, std::string& out) {
        g.use_op(Op::source);
        const char *a = compute_name<type_of_t<types.a>>(), *b = compute_name<type_of_t<types.b>>();
        emit_round_open<value_type>(out);
        emit_text(out, {"gnd::", Op::name, "::apply<", compute_name<value_type>(), ", ", a, ", ", b, ">(gnd::cast<", a, ">("});
        L::emit(g, out);
        emit_text(out, {"), gnd::cast<", b, ">("});
        R::emit(g, out);
        out += "))";
        emit_round_close<value_type>(out);
    }
};

template <class Op, class E>
struct unary_node : node_mixin<unary_node<Op, E>> {
    GPU_ND_NODE_ASSIGN(unary_node<Op, E>)
    static constexpr loop_types types = Op::rule::template types<dtype_of_v<typename E::value_type>>();
    using value_type = type_of_t<types.result>;
    using a_type = compute_t<type_of_t<types.a>>;
    using r_type = compute_t<value_type>;
    static constexpr int n_arrays = E::n_arrays, n_scalars = E::n_scalars;
    static constexpr int tile_item_bytes = E::tile_item_bytes;
    E e;

    explicit unary_node(E e_) : e(std::move(e_)) {}
    const shape_t& shape() const { return e.shape(); }
    template <class F> void visit_arrays(F&& f) const { e.visit_arrays(f); }
    template <class F> void visit_scalars(F&& f) const { e.visit_scalars(f); }
    template <int I>
    value_type at(const void* const* ptrs, const std::int64_t* offs) const {
        return gnd::cast<value_type>(Op::template apply<r_type, a_type>(gnd::cast<a_type>(e.template at<I>(ptrs, offs))));
    }
    template <class G> static void emit(G& g, std::string& out) {
        g.use_op(Op::source);
        const char* a = compute_name<type_of_t<types.a>>();
        emit_round_open<value_type>(out);
        emit_text(out, {"gnd::", Op::name, "::apply<", compute_name<value_type>(), ", ", a, ">(gnd::cast<", a, ">("});
        E::emit(g, out);
        out += "))";
        emit_round_close<value_type>(out);
    }
};

// NumPy's astype conversion of an expression's values.
template <class U, class E>
struct cast_node : node_mixin<cast_node<U, E>> {
    GPU_ND_NODE_ASSIGN(cast_node<U, E>)
    using value_type = U;
    static constexpr int n_arrays = E::n_arrays, n_scalars = E::n_scalars;
    static constexpr int tile_item_bytes = E::tile_item_bytes;
    E e;

    explicit cast_node(E e_) : e(std::move(e_)) {}
    const shape_t& shape() const { return e.shape(); }
    template <class F> void visit_arrays(F&& f) const { e.visit_arrays(f); }
    template <class F> void visit_scalars(F&& f) const { e.visit_scalars(f); }
    template <int I>
    U at(const void* const* ptrs, const std::int64_t* offs) const { return gnd::cast<U>(e.template at<I>(ptrs, offs)); }
    template <class G> static void emit(G& g, std::string& out) {
        emit_text(out, {"gnd::cast<", cuda_type_name<U>(), ">("});
        E::emit(g, out);
        out += ")";
    }
};

// np.where(cond, a, b): the condition's truth value picks from a and b, both converted to R.
template <class C, class A, class B>
struct where_node : node_mixin<where_node<C, A, B>> {
    GPU_ND_NODE_ASSIGN(where_node<C, A, B>)
    using value_type = type_of_t<promote(dtype_of_v<typename A::value_type>, dtype_of_v<typename B::value_type>)>;
    static constexpr int n_arrays = C::n_arrays + A::n_arrays + B::n_arrays;
    static constexpr int n_scalars = C::n_scalars + A::n_scalars + B::n_scalars;
    static constexpr int tile_item_bytes = C::tile_item_bytes + A::tile_item_bytes + B::tile_item_bytes;
    C c;
    A a;
    B b;
    shape_t shape_;

    where_node(C c_, A a_, B b_)
        : c(std::move(c_)), a(std::move(a_)), b(std::move(b_)),
          shape_(broadcast_shapes(broadcast_shapes(c.shape(), a.shape()), b.shape())) {}
    const shape_t& shape() const { return shape_; }
    template <class F> void visit_arrays(F&& f) const { c.visit_arrays(f); a.visit_arrays(f); b.visit_arrays(f); }
    template <class F> void visit_scalars(F&& f) const { c.visit_scalars(f); a.visit_scalars(f); b.visit_scalars(f); }
    template <int I>
    value_type at(const void* const* ptrs, const std::int64_t* offs) const {
        return gnd::cast<bool>(c.template at<I>(ptrs, offs))
                   ? gnd::cast<value_type>(a.template at<I + C::n_arrays>(ptrs, offs))
                   : gnd::cast<value_type>(b.template at<I + C::n_arrays + A::n_arrays>(ptrs, offs));
    }
    template <class G> static void emit(G& g, std::string& out) {
        const char* r = cuda_type_name<value_type>();
        out += "(gnd::cast<bool>(";
        C::emit(g, out);
        emit_text(out, {") ? gnd::cast<", r, ">("});
        A::emit(g, out);
        emit_text(out, {") : gnd::cast<", r, ">("});
        B::emit(g, out);
        out += "))";
    }
};

// Turns an operand into a node: arrays become leaves, nodes stay as they are.
template <class X>
auto as_node(const X& x) {
    if constexpr (is_ndarray_v<X>)
        return array_leaf<typename X::value_type>(x);
    else
        return x;
}

template <class E>
using node_t = decltype(as_node(std::declval<const E&>()));

template <class Derived>
template <class U>
auto node_mixin<Derived>::astype() const {
    static_assert(is_dtype_v<U>,
                  "astype<U>: U must be bool, a fixed-width integer type, float, double, gpu::float16, "
                  "gpu::bfloat16, std::complex<float> or std::complex<double>");
    return cast_node<U, Derived>(static_cast<const Derived&>(*this));
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/expr/nodes.ipp"
#endif
