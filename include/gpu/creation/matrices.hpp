#pragma once
// NumPy's eye, identity, tri, tril and triu, each ONE element-wise kernel over row and column
// numbers (detail::index_leaf({n, 1}) and index_leaf({m}) broadcast to (n, m)).
//
//   gpu::eye<T = double>(n, m = n, k = 0)    ones on the k-th diagonal (k > 0 above the main one);
//                                            m is std::optional, NumPy's M=None: eye(3, {}, 1)
//   gpu::identity<T = double>(n)             eye(n)
//   gpu::tri<T = double>(n, m = n, k = 0)    ones at and below the k-th diagonal
//   gpu::tril(a, k = 0), gpu::triu(a, k = 0) a copy of a with the elements above (tril) or below
//                                            (triu) the k-th diagonal zeroed, over the last two
//                                            axes (a stack of matrices for rank > 2). Like NumPy,
//                                            a 1-D a of length m gives an (m, m) result (a
//                                            broadcast against the (m, m) mask); a 0-d a throws
//                                            gpu::type_error as NumPy does. a may be any
//                                            expression (tril(x * 2) is one kernel) and keeps its
//                                            dtype; the result is on a's executor.
//
// eye, identity and tri are made on gpu::current_executor(); a negative n or m throws
// gpu::value_error("negative dimensions are not allowed").
#include <cstdint>
#include <optional>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/nodes.hpp"
#include "gpu/expr/operators.hpp"

namespace gpu {
namespace detail {

// Column minus row number of each element of an (n, m) result: the diagonal it lies on.
inline auto diagonal_number(std::int64_t n, std::int64_t m) { return index_leaf({m}) - index_leaf({n, 1}); }

template <class T>
auto eye_expr(std::int64_t n, std::int64_t m, std::int64_t k) {
    return (diagonal_number(n, m) == k).template astype<T>();
}

template <class T>
auto tri_expr(std::int64_t n, std::int64_t m, std::int64_t k) {
    return (diagonal_number(n, m) <= k).template astype<T>();
}

// tril / triu of an expression node: NumPy's where(mask, a, 0) with the mask of tri over a's last
// two axes (both the last axis for 1-D a).
template <bool Lower, class N>
auto triangle_expr(const N& a, std::int64_t k) {
    using V = typename N::value_type;
    const shape_t& s = a.shape();
    if (s.size() == 0) throw type_error("tri() missing 1 required positional argument: 'N'");
    const std::int64_t m = s[s.size() - 1], n = s.size() >= 2 ? s[s.size() - 2] : m;
    auto d = diagonal_number(n, m);
    if constexpr (Lower) {
        using C = decltype(d <= k);
        return where_node<C, N, scalar_leaf<V>>(d <= k, a, scalar_leaf<V>(V(0)));
    } else {
        using C = decltype(d >= k);
        return where_node<C, N, scalar_leaf<V>>(d >= k, a, scalar_leaf<V>(V(0)));
    }
}

inline std::int64_t checked_columns(std::int64_t n, std::optional<std::int64_t> m) {
    const std::int64_t cols = m.value_or(n);
    check_shape(shape_t{n, cols});
    return cols;
}

}  // namespace detail

// np.eye(N, M, k, dtype=T).
template <class T = double>
ndarray<T> eye(std::int64_t n, std::optional<std::int64_t> m = std::nullopt, std::int64_t k = 0) {
    const std::int64_t cols = detail::checked_columns(n, m);
    return gpu::eval(detail::eye_expr<T>(n, cols, k));
}

// np.identity(n, dtype=T).
template <class T = double>
ndarray<T> identity(std::int64_t n) {
    return eye<T>(n);
}

// np.tri(N, M, k, dtype=T).
template <class T = double>
ndarray<T> tri(std::int64_t n, std::optional<std::int64_t> m = std::nullopt, std::int64_t k = 0) {
    const std::int64_t cols = detail::checked_columns(n, m);
    return gpu::eval(detail::tri_expr<T>(n, cols, k));
}

// np.tril(a, k): zero above the k-th diagonal.
template <expression E>
auto tril(const E& a, std::int64_t k = 0) {
    return gpu::eval(detail::triangle_expr<true>(detail::as_node(a), k));
}

// np.triu(a, k): zero below the k-th diagonal.
template <expression E>
auto triu(const E& a, std::int64_t k = 0) {
    return gpu::eval(detail::triangle_expr<false>(detail::as_node(a), k));
}

}  // namespace gpu
