#pragma once
// NumPy's diagonal helpers:
//   gpu::diag(v, k = 0)              1-D v: a 2-D array with v on diagonal k; 2-D v: its diagonal k
//                                    (a view, as gpu::diagonal)
//   gpu::diagflat(v, k = 0)          diag of the flattened input
//   gpu::tril_indices(n, k = 0, m = n), gpu::triu_indices(n, k = 0, m = n)
//                                    the (rows, cols) of the lower/upper triangle, C order:
//                                    auto [r, c] = gpu::tril_indices(4);
//   gpu::tril_indices_from(a, k), gpu::triu_indices_from(a, k)
//   gpu::diag_indices(n, ndim = 2), gpu::diag_indices_from(a)   ndim copies of arange(n)
// The triangle indices are gpu::nonzero of the triangle's mask (one count and one compaction).
#include <array>
#include <cstdint>
#include <vector>

#include "gpu/creation/matrices.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/views/flip.hpp"

namespace gpu {

template <class T>
ndarray<T> diag(const ndarray<T>& v, std::int64_t k = 0) {
    if (v.ndim() == 2) return gpu::diagonal(v, k);
    if (v.ndim() != 1) throw value_error("Input must be 1- or 2-d.");
    const std::int64_t n = v.size() + (k < 0 ? -k : k);
    ndarray<T> out = detail::filled<T>(shape_t{n, n}, 0, v.where());
    if (v.size() > 0) gpu::diagonal(out, k).assign(v);
    return out;
}

template <class T>
ndarray<T> diagflat(const ndarray<T>& v, std::int64_t k = 0) {
    return diag(v.ravel(), k);
}

namespace detail {

template <class E>
std::array<ndarray<std::int64_t>, 2> pair_of(const E& mask) {
    auto nz = gpu::nonzero(mask);
    return {nz[0], nz[1]};
}

}  // namespace detail

// np.tril_indices(n, k=0, m=None).
inline std::array<ndarray<std::int64_t>, 2> tril_indices(std::int64_t n, std::int64_t k = 0,
                                                         std::optional<std::int64_t> m = std::nullopt) {
    const std::int64_t cols = detail::checked_columns(n, m);
    return detail::pair_of(detail::diagonal_number(n, cols) <= k);
}

// np.triu_indices(n, k=0, m=None).
inline std::array<ndarray<std::int64_t>, 2> triu_indices(std::int64_t n, std::int64_t k = 0,
                                                         std::optional<std::int64_t> m = std::nullopt) {
    const std::int64_t cols = detail::checked_columns(n, m);
    return detail::pair_of(detail::diagonal_number(n, cols) >= k);
}

template <class T>
std::array<ndarray<std::int64_t>, 2> tril_indices_from(const ndarray<T>& a, std::int64_t k = 0) {
    if (a.ndim() != 2) throw value_error("input array must be 2-d");
    executor_scope scope(a.where());
    return tril_indices(a.shape()[0], k, a.shape()[1]);
}

template <class T>
std::array<ndarray<std::int64_t>, 2> triu_indices_from(const ndarray<T>& a, std::int64_t k = 0) {
    if (a.ndim() != 2) throw value_error("input array must be 2-d");
    executor_scope scope(a.where());
    return triu_indices(a.shape()[0], k, a.shape()[1]);
}

// np.diag_indices(n, ndim=2): ndim references to one arange(n), as NumPy returns.
inline std::vector<ndarray<std::int64_t>> diag_indices(std::int64_t n, int ndim = 2) {
    const ndarray<std::int64_t> idx = gpu::arange<std::int64_t>(n);
    return std::vector<ndarray<std::int64_t>>(static_cast<std::size_t>(ndim), idx);
}

template <class T>
std::vector<ndarray<std::int64_t>> diag_indices_from(const ndarray<T>& a) {
    if (a.ndim() < 2) throw value_error("input array must be at least 2-d");
    for (int d = 1; d < a.ndim(); ++d)
        if (a.shape()[d] != a.shape()[0]) throw value_error("All dimensions of input must be of equal length");
    executor_scope scope(a.where());
    return diag_indices(a.shape()[0], a.ndim());
}

}  // namespace gpu
