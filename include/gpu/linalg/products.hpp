#pragma once
// NumPy's other products, each written on matmul (one cuBLAS or kernel call after views and at
// most one copy per operand) or, for outer and kron, on one broadcast multiply:
// dot, vdot, inner, outer, tensordot, kron, linalg.multi_dot.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/linalg/matmul.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {
namespace detail {

inline int norm_axis(std::int64_t axis, int nd) {
    if (axis < -nd || axis >= nd)
        throw axis_error("axis " + std::to_string(axis) + " is out of bounds for array of dimension " + std::to_string(nd));
    return static_cast<int>(axis < 0 ? axis + nd : axis);
}

[[noreturn]] inline void throw_not_aligned(const shape_t& a, const shape_t& b, int da, int db) {
    throw value_error("shapes " + to_string(a) + " and " + to_string(b) + " not aligned: " + std::to_string(a[da]) +
                      " (dim " + std::to_string(da) + ") != " + std::to_string(b[db]) + " (dim " + std::to_string(db) + ")");
}

// tensordot over the (normalized, distinct) axes pairs.
template <class A, class B>
ndarray<product_t<A, B>> tensordot_axes(const ndarray<A>& a, const ndarray<B>& b, std::vector<int> ax_a,
                                        std::vector<int> ax_b) {
    if (ax_a.size() != ax_b.size()) throw value_error("shape-mismatch for sum");
    std::int64_t kk = 1;
    for (std::size_t i = 0; i < ax_a.size(); ++i) {
        if (a.shape()[ax_a[i]] != b.shape()[ax_b[i]]) throw value_error("shape-mismatch for sum");
        kk *= a.shape()[ax_a[i]];
    }
    auto member = [](const std::vector<int>& v, int d) {
        for (int x : v)
            if (x == d) return true;
        return false;
    };
    dims perm_a, perm_b;
    shape_t out_shape;
    std::int64_t na = 1, nb = 1;
    for (int d = 0; d < a.ndim(); ++d)
        if (!member(ax_a, d)) perm_a.push_back(d), out_shape.push_back(a.shape()[d]), na *= a.shape()[d];
    for (int d : ax_a) perm_a.push_back(d);
    for (int d : ax_b) perm_b.push_back(d);
    for (int d = 0; d < b.ndim(); ++d)
        if (!member(ax_b, d)) perm_b.push_back(d), out_shape.push_back(b.shape()[d]), nb *= b.shape()[d];
    const ndarray<A> a2 = a.transpose(perm_a).reshape(shape_t{na, kk});
    const ndarray<B> b2 = b.transpose(perm_b).reshape(shape_t{kk, nb});
    return matmul(a2, b2).reshape(out_shape);
}

}  // namespace detail

// np.tensordot(a, b, axes): the last `axes` axes of a against the first `axes` of b.
template <class A, class B>
ndarray<detail::product_t<A, B>> tensordot(const ndarray<A>& a, const ndarray<B>& b, std::int64_t axes = 2) {
    if (axes < 0 || axes > a.ndim() || axes > b.ndim()) throw value_error("shape-mismatch for sum");
    std::vector<int> ax_a, ax_b;
    for (int i = 0; i < axes; ++i) ax_a.push_back(a.ndim() - static_cast<int>(axes) + i), ax_b.push_back(i);
    return detail::tensordot_axes(a, b, ax_a, ax_b);
}

// np.tensordot(a, b, axes=(axes_a, axes_b)).
template <class A, class B>
ndarray<detail::product_t<A, B>> tensordot(const ndarray<A>& a, const ndarray<B>& b, const dims& axes_a,
                                           const dims& axes_b) {
    std::vector<int> ax_a, ax_b;
    for (int i = 0; i < axes_a.size(); ++i) ax_a.push_back(detail::norm_axis(axes_a[i], a.ndim()));
    for (int i = 0; i < axes_b.size(); ++i) ax_b.push_back(detail::norm_axis(axes_b[i], b.ndim()));
    return detail::tensordot_axes(a, b, ax_a, ax_b);
}

// np.dot(a, b).
template <class A, class B>
ndarray<detail::product_t<A, B>> dot(const ndarray<A>& a, const ndarray<B>& b) {
    using R = detail::product_t<A, B>;
    if (a.ndim() == 0 || b.ndim() == 0) return ndarray<R>(gpu::eval(a.template astype<R>() * b.template astype<R>()));
    const int da = a.ndim() - 1, db = b.ndim() == 1 ? 0 : b.ndim() - 2;
    if (a.shape()[da] != b.shape()[db]) detail::throw_not_aligned(a.shape(), b.shape(), da, db);
    if (b.ndim() <= 2) return matmul(a, b);  // same as matmul when b has no batch axes
    return detail::tensordot_axes(a, b, {da}, {db});
}

// np.vdot(a, b): the flattened arrays' inner product, the first conjugated (complex dtypes):
// one product with the first operand's op C, no conjugated copy.
template <class A, class B>
ndarray<detail::product_t<A, B>> vdot(const ndarray<A>& a, const ndarray<B>& b) {
    using R = detail::product_t<A, B>;
    if (a.size() != b.size()) throw value_error("vdot: vectors have different lengths (" + std::to_string(a.size()) +
                                                " and " + std::to_string(b.size()) + ")");
    if constexpr (detail::is_complex_v<R>) {
        if (a.where() != b.where()) detail::throw_mixed_executors(a.where(), b.where());
        const ndarray<R> ar = detail::as_dtype<R>(a.ravel()), br = detail::as_dtype<R>(b.ravel());
        ndarray<R> out(shape_t{}, a.where());
        detail::matmul_into(ar, br, out, detail::plan_matmul(ar, br), true);
        return out;
    } else {
        return matmul(a.ravel(), b.ravel());
    }
}

// np.inner(a, b): sums over the last axes of both.
template <class A, class B>
ndarray<detail::product_t<A, B>> inner(const ndarray<A>& a, const ndarray<B>& b) {
    using R = detail::product_t<A, B>;
    if (a.ndim() == 0 || b.ndim() == 0) return ndarray<R>(gpu::eval(a.template astype<R>() * b.template astype<R>()));
    const int da = a.ndim() - 1, db = b.ndim() - 1;
    if (a.shape()[da] != b.shape()[db]) detail::throw_not_aligned(a.shape(), b.shape(), da, db);
    return detail::tensordot_axes(a, b, {da}, {db});
}

// np.outer(a, b): a.ravel()[:, None] * b.ravel()[None, :].
template <class A, class B>
auto outer(const ndarray<A>& a, const ndarray<B>& b) {
    return gpu::eval(a.reshape(shape_t{a.size(), 1}) * b.reshape(shape_t{1, b.size()}));
}

// np.kron(a, b): the block product; shapes padded with leading 1s to the same rank.
template <class A, class B>
auto kron(const ndarray<A>& a, const ndarray<B>& b) {
    const int nd = std::max(a.ndim(), b.ndim());
    shape_t sa, sb, ea, eb, out;
    for (int d = 0; d < nd; ++d) {
        const int ia = d - (nd - a.ndim()), ib = d - (nd - b.ndim());
        sa.push_back(ia >= 0 ? a.shape()[ia] : 1);
        sb.push_back(ib >= 0 ? b.shape()[ib] : 1);
    }
    for (int d = 0; d < nd; ++d) {
        ea.push_back(sa[d]), ea.push_back(1);
        eb.push_back(1), eb.push_back(sb[d]);
        out.push_back(sa[d] * sb[d]);
    }
    return gpu::eval(a.reshape(ea) * b.reshape(eb)).reshape(out);
}

namespace linalg {

// np.linalg.multi_dot(arrays): the chained product in the cheapest order (NumPy's dynamic
// programme over the matrix-chain costs); a 1-D first array is a row, a 1-D last a column, and
// those axes are dropped from the result.
template <class T>
ndarray<T> multi_dot(const std::vector<ndarray<T>>& arrays) {
    const std::size_t n = arrays.size();
    if (n < 2) throw value_error("Expecting at least two arrays.");
    if (n == 2) return dot(arrays[0], arrays[1]);
    std::vector<ndarray<T>> m = arrays;
    const bool first_1d = m[0].ndim() == 1, last_1d = m[n - 1].ndim() == 1;
    if (first_1d) m[0] = m[0].reshape(shape_t{1, m[0].size()});
    if (last_1d) m[n - 1] = m[n - 1].reshape(shape_t{m[n - 1].size(), 1});
    for (std::size_t i = 0; i < n; ++i)
        if (m[i].ndim() != 2)
            throw value_error(std::to_string(m[i].ndim()) + "-dimensional array given. Array must be two-dimensional");
    std::vector<std::int64_t> p(n + 1);
    for (std::size_t i = 0; i < n; ++i) p[i] = m[i].shape()[0];
    p[n] = m[n - 1].shape()[1];
    std::vector<std::vector<double>> cost(n, std::vector<double>(n, 0));
    std::vector<std::vector<std::size_t>> split(n, std::vector<std::size_t>(n, 0));
    for (std::size_t len = 1; len < n; ++len)
        for (std::size_t i = 0; i + len < n; ++i) {
            const std::size_t j = i + len;
            cost[i][j] = std::numeric_limits<double>::infinity();
            for (std::size_t k = i; k < j; ++k) {
                const double c = cost[i][k] + cost[k + 1][j] + double(p[i]) * double(p[k + 1]) * double(p[j + 1]);
                if (c < cost[i][j]) cost[i][j] = c, split[i][j] = k;
            }
        }
    auto chain = [&](auto& self, std::size_t i, std::size_t j) -> ndarray<T> {
        if (i == j) return m[i];
        return matmul(self(self, i, split[i][j]), self(self, split[i][j] + 1, j));
    };
    ndarray<T> r = chain(chain, 0, n - 1);
    if (first_1d && last_1d) return r.reshape(shape_t{});
    if (first_1d) return r.reshape(shape_t{r.shape()[1]});
    if (last_1d) return r.reshape(shape_t{r.shape()[0]});
    return r;
}

}  // namespace linalg
}  // namespace gpu
