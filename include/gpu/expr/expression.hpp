#pragma once
// What counts as an expression: gpu::ndarray and the node types of expr/nodes.hpp. Forward
// declarations only, so containers and nodes can refer to each other.
#include <type_traits>

#include "gpu/core/dtype.hpp"

namespace gpu {

template <class T>
class ndarray;

// Base of every expression node. It lives in namespace gpu so that argument-dependent lookup
// finds gpu's operators and functions for nodes too: `gpu::sin(x) * y` needs no using-directive.
struct expression_base {};

namespace detail {

template <class T> struct is_ndarray : std::false_type {};
template <class T> struct is_ndarray<ndarray<T>> : std::true_type {};

}  // namespace detail

template <class E>
inline constexpr bool is_ndarray_v = detail::is_ndarray<std::remove_cvref_t<E>>::value;

// True for ndarrays and unevaluated expressions.
template <class E>
inline constexpr bool is_expression_v =
    is_ndarray_v<E> || std::is_base_of_v<expression_base, std::remove_cvref_t<E>>;

template <class E>
concept expression = is_expression_v<E>;

// An operand of an operator or function: an expression or a C++ arithmetic scalar.
template <class X>
concept operand = is_expression_v<X> || is_cpp_scalar_v<std::remove_cvref_t<X>>;

}  // namespace gpu
