#pragma once
// Whole-array comparisons that answer one host bool, as NumPy's return a Python bool:
// gpu::allclose, gpu::array_equal, gpu::array_equiv. Each is one all() reduction with the
// comparison fused in, and a read-back.
#include "gpu/core/shape.hpp"
#include "gpu/expr/composite.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu {

// np.allclose(a, b, rtol, atol, equal_nan): all(isclose(a, b, ...)); shapes must broadcast.
template <operand A, operand B>
    requires detail::binary_operands<A, B>
bool allclose(const A& a, const B& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) {
    return gpu::all(isclose(a, b, rtol, atol, equal_nan)).item();
}

// np.array_equal(a1, a2, equal_nan): same shape and equal elements (NaN equal to NaN only with
// equal_nan); different shapes give false.
template <expression A, expression B>
bool array_equal(const A& a1, const B& a2, bool equal_nan = false) {
    const auto x = detail::as_node(a1);
    const auto y = detail::as_node(a2);
    if (!(x.shape() == y.shape())) return false;
    if (size_of(x.shape()) == 0) return true;
    using TX = typename decltype(x)::value_type;
    using TY = typename decltype(y)::value_type;
    if constexpr (is_inexact(dtype_of_v<TX>) || is_inexact(dtype_of_v<TY>)) {
        if (equal_nan) return gpu::all((x == y) | (isnan(x) & isnan(y))).item();
    }
    return gpu::all(x == y).item();
}

// np.array_equiv(a1, a2): shapes broadcast to each other and all elements are equal.
template <expression A, expression B>
bool array_equiv(const A& a1, const B& a2) {
    const auto x = detail::as_node(a1);
    const auto y = detail::as_node(a2);
    try {
        (void)broadcast_shapes(x.shape(), y.shape());
    } catch (const value_error&) {
        return false;
    }
    if (size_of(broadcast_shapes(x.shape(), y.shape())) == 0) return true;
    return gpu::all(x == y).item();
}

}  // namespace gpu
