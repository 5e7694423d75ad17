#pragma once
// NumPy's ufuncs with two results: gpu::divmod, gpu::modf, gpu::frexp. Each returns a
// std::pair of arrays (`auto [q, r] = gpu::divmod(a, b);`), computed as two fused element-wise
// kernels over the same inputs (the element-wise executor writes one output per kernel).
#include <cstdint>
#include <utility>

#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"

namespace gpu {

// np.divmod(a, b): (floor_divide(a, b), remainder(a, b)).
template <class L, class R>
    requires detail::binary_operands<L, R>
auto divmod(const L& a, const R& b) {
    auto q = gpu::eval(floor_divide(a, b));
    auto r = gpu::eval(remainder(a, b));
    return std::pair<decltype(q), decltype(r)>(std::move(q), std::move(r));
}

// np.modf(x): (fractional part, integral part), both with x's sign, in x's float dtype.
template <expression E>
auto modf(const E& x) {
    auto f = gpu::eval(detail::make_unary<detail::gnd::modf_fraction>(x));
    auto i = gpu::eval(detail::make_unary<detail::gnd::modf_integral>(x));
    return std::pair<decltype(f), decltype(i)>(std::move(f), std::move(i));
}

// np.frexp(x): (mantissa in [0.5, 1) with x's sign, int32 exponent), x == m * 2**e.
template <expression E>
auto frexp(const E& x) {
    auto m = gpu::eval(detail::make_unary<detail::gnd::frexp_mantissa>(x));
    auto e = gpu::eval(detail::make_unary<detail::gnd::frexp_exponent>(x));
    return std::pair<decltype(m), decltype(e)>(std::move(m), std::move(e));
}

}  // namespace gpu
