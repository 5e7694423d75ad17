#pragma once
// np.nancumsum / np.nancumprod: cumsum / cumprod with NaN taken as 0 (1 for the product), as
// NumPy defines them; the NaN replacement is an expression, evaluated before the scan as
// cumsum evaluates any expression. Integer and bool inputs give cumsum / cumprod.
#include <cstdint>
#include <type_traits>

#include "gpu/expr/operators.hpp"
#include "gpu/scans/scan.hpp"

namespace gpu {
namespace detail {

template <class E>
auto nan_replaced(const E& a, int with) {
    auto node = as_node(a);
    using T = typename decltype(node)::value_type;
    if constexpr (std::is_floating_point_v<T>) return gpu::eval(where(isnan(node), static_cast<T>(with), node));
    else return a;
}

}  // namespace detail

template <expression E>
auto nancumsum(const E& a) {
    return gpu::cumsum(detail::nan_replaced(a, 0));
}
template <expression E>
auto nancumsum(const E& a, std::int64_t axis) {
    return gpu::cumsum(detail::nan_replaced(a, 0), axis);
}
template <expression E>
auto nancumprod(const E& a) {
    return gpu::cumprod(detail::nan_replaced(a, 1));
}
template <expression E>
auto nancumprod(const E& a, std::int64_t axis) {
    return gpu::cumprod(detail::nan_replaced(a, 1), axis);
}

}  // namespace gpu
