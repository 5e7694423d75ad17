#pragma once
// NumPy's ufuncs with two results: gpu::divmod, gpu::modf, gpu::frexp. Each returns a
// std::pair of arrays (`auto [q, r] = gpu::divmod(a, b);`) computed in one element-wise kernel:
// a two_node pairs the expressions of both results, its functor's value is a gnd::two, and the
// kernels store its halves into two new arrays at the same offsets (exec/layout.hpp).
#include <cstdint>
#include <string>
#include <utility>

#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"

namespace gpu {
namespace detail {

// Two expressions of one shape evaluated together; the value is both results. Each keeps its own
// arrays (an operand both use is passed twice; the second read hits the cache).
template <class E1, class E2>
struct two_node {
    using first_type = typename E1::value_type;
    using second_type = typename E2::value_type;
    using value_type = gnd::two<first_type, second_type>;
    static constexpr int n_arrays = E1::n_arrays + E2::n_arrays, n_scalars = E1::n_scalars + E2::n_scalars;
    static constexpr int tile_item_bytes = E1::tile_item_bytes + E2::tile_item_bytes;
    E1 a;
    E2 b;

    const shape_t& shape() const { return a.shape(); }
    template <class F> void visit_arrays(F&& f) const { a.visit_arrays(f); b.visit_arrays(f); }
    template <class F> void visit_scalars(F&& f) const { a.visit_scalars(f); b.visit_scalars(f); }
    template <int I>
    value_type at(const void* const* ptrs, const std::int64_t* offs) const {
        return {a.template at<I>(ptrs, offs), b.template at<I + E1::n_arrays>(ptrs, offs)};
    }
    template <class G> static void emit(G& g, std::string& out) {
        const char *f = cuda_type_name<first_type>(), *s = cuda_type_name<second_type>();
        emit_text(out, {"gnd::two<", f, ", ", s, ">{gnd::cast<", f, ">("});
        E1::emit(g, out);
        emit_text(out, {"), gnd::cast<", s, ">("});
        E2::emit(g, out);
        out += ")}";
    }
    // The functor's out_t (expr/codegen.hpp).
    static const char* out_name() {
        static const std::string name =
            std::string("gnd::two<") + cuda_type_name<first_type>() + ", " + cuda_type_name<second_type>() + ">";
        return name.c_str();
    }
};

// The two new arrays a two_node is written into: one shape, C-contiguous, so one layout (the
// first's) serves both.
template <class A, class B>
struct two_arrays {
    using value_type = gnd::two<A, B>;
    ndarray<A> first;
    ndarray<B> second;

    const shape_t& shape() const { return first.shape(); }
    std::int64_t size() const { return first.size(); }
    const strides_t& strides() const { return first.strides(); }
    const A* data() const { return first.data(); }
    gnd::two_out<A, B> sink() { return {first.data(), second.data()}; }
    template <class F> void visit(F&& f) const { f(first); f(second); }
};

template <class X, class Y>
auto eval_two(const X& x, const Y& y) {
    using N = two_node<decltype(as_node(x)), decltype(as_node(y))>;
    const N node{as_node(x), as_node(y)};
    const executor where = executor_of(node);
    two_arrays<typename N::first_type, typename N::second_type> out{
        ndarray<typename N::first_type>(node.shape(), where), ndarray<typename N::second_type>(node.shape(), where)};
    if (where == executor::cuda) run_on_cuda(out, node);
    else run_on_host(out, node);
    return std::pair(std::move(out.first), std::move(out.second));
}

}  // namespace detail

// np.divmod(a, b): (floor_divide(a, b), remainder(a, b)).
template <class L, class R>
    requires detail::binary_operands<L, R>
auto divmod(const L& a, const R& b) {
    return detail::eval_two(floor_divide(a, b), remainder(a, b));
}

// np.modf(x): (fractional part, integral part), both with x's sign, in x's float dtype.
template <expression E>
auto modf(const E& x) {
    return detail::eval_two(detail::make_unary<detail::gnd::modf_fraction>(x),
                            detail::make_unary<detail::gnd::modf_integral>(x));
}

// np.frexp(x): (mantissa in [0.5, 1) with x's sign, int32 exponent), x == m * 2**e.
template <expression E>
auto frexp(const E& x) {
    return detail::eval_two(detail::make_unary<detail::gnd::frexp_mantissa>(x),
                            detail::make_unary<detail::gnd::frexp_exponent>(x));
}

}  // namespace gpu
