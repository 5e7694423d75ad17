#pragma once
// The rest of numpy.linalg's names (most from the array API standard), each a few views and one
// call of the functions above: matmul, outer, tensordot, matrix_transpose, diagonal, trace,
// vecdot, vector_norm, matrix_norm, cross, tensorinv, tensorsolve.
#include <cstdint>
#include <string>
#include <vector>

#include "gpu/linalg/matmul.hpp"
#include "gpu/linalg/norms.hpp"
#include "gpu/linalg/products.hpp"
#include "gpu/linalg/solve.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/views/index.hpp"

namespace gpu::linalg {

// np.linalg.matmul, np.linalg.tensordot: the same as gpu::matmul, gpu::tensordot.
using gpu::matmul;
using gpu::tensordot;

// np.linalg.outer(x1, x2): 1-D operands only.
template <class A, class B>
auto outer(const ndarray<A>& a, const ndarray<B>& b) {
    if (a.ndim() != 1 || b.ndim() != 1)
        throw value_error("Input arrays must be one-dimensional, but they are x1.ndim=" + std::to_string(a.ndim()) +
                          " and x2.ndim=" + std::to_string(b.ndim()) + ".");
    return gpu::outer(a, b);
}

// np.linalg.matrix_transpose(x): the last two axes swapped (a view).
template <class T>
ndarray<T> matrix_transpose(const ndarray<T>& x) {
    if (x.ndim() < 2) throw value_error("Input array must be at least 2-dimensional, but it is " + std::to_string(x.ndim()));
    return x.swapaxes(x.ndim() - 2, x.ndim() - 1);
}

// np.linalg.diagonal(x, offset=0): the diagonals of the last two axes (a view).
template <class T>
ndarray<T> diagonal(const ndarray<T>& x, std::int64_t offset = 0) {
    gpu::detail::check_matrix_stack(x);
    const int nd = x.ndim();
    const std::int64_t rows = x.shape()[nd - 2], cols = x.shape()[nd - 1];
    const std::int64_t rs = x.strides()[nd - 2], cs = x.strides()[nd - 1];
    const std::int64_t r0 = offset < 0 ? -offset : 0, c0 = offset > 0 ? offset : 0;
    const std::int64_t len = std::max<std::int64_t>(0, std::min(rows - r0, cols - c0));
    shape_t shape;
    strides_t strides;
    for (int d = 0; d + 2 < nd; ++d) shape.push_back(x.shape()[d]), strides.push_back(x.strides()[d]);
    shape.push_back(len), strides.push_back(rs + cs);
    return ndarray<T>(x.buffer(), shape, strides, x.offset() + (len ? r0 * rs + c0 * cs : 0));
}

// np.linalg.trace(x, offset=0): sums of the diagonals (NumPy's sum dtype: small integers widen).
template <class T>
auto trace(const ndarray<T>& x, std::int64_t offset = 0) {
    return gpu::sum(diagonal(x, offset), -1);
}

// np.linalg.vecdot(x1, x2, axis=-1): dot products along an axis, batch axes broadcast, the
// result dtype np.result_type's (one batched matmul of rows by columns).
template <class A, class B>
ndarray<gpu::detail::product_t<A, B>> vecdot(const ndarray<A>& a, const ndarray<B>& b, std::int64_t axis = -1) {
    namespace d = gpu::detail;
    const int nd = std::max(a.ndim(), b.ndim());
    if (a.ndim() == 0 || b.ndim() == 0) throw value_error("vecdot: Input operands must have at least one dimension");
    const int ax = d::norm_axis(axis, nd);
    auto moved = [&](const auto& x) {  // x padded to nd axes, `ax` moved last
        shape_t s = dims::filled(nd - x.ndim(), 1);
        for (int i = 0; i < x.ndim(); ++i) s.push_back(x.shape()[i]);
        auto v = x.reshape(s);
        dims perm;
        for (int i = 0; i < nd; ++i)
            if (i != ax) perm.push_back(i);
        perm.push_back(ax);
        return v.transpose(perm);
    };
    const auto am = moved(a), bm = moved(b);
    const std::int64_t ka = am.shape()[nd - 1], kb = bm.shape()[nd - 1];
    if (ka != kb)
        throw value_error("vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                          "(n),(n)->() (size " + std::to_string(kb) + " is different from " + std::to_string(ka) + ")");
    shape_t sa = am.shape(), sb = bm.shape();
    sa.push_back(1);
    std::swap(sa[nd - 1], sa[nd]);  // (..., 1, k)
    sb.push_back(1);                // (..., k, 1)
    const auto r = matmul(am.reshape(sa), bm.reshape(sb));
    shape_t out;
    for (int i = 0; i + 2 < r.ndim(); ++i) out.push_back(r.shape()[i]);
    return r.reshape(out);
}

// np.linalg.vector_norm(x, axis=None, keepdims=False, ord=2): over all axes (flattened), one
// axis or several.
template <class T>
ndarray<detail::norm_result_t<T>> vector_norm(const ndarray<T>& x, std::optional<dims> axis = std::nullopt,
                                                    bool keepdims = false, norm_ord ord = 2) {
    using F = detail::norm_result_t<T>;
    if (ord.kind != norm_ord::number && ord.kind != norm_ord::none)
        throw value_error("Invalid norm order for vectors");
    dims ax;
    if (axis) {
        for (int i = 0; i < axis->size(); ++i) ax.push_back(gpu::detail::norm_axis((*axis)[i], x.ndim()));
    } else {
        for (int d = 0; d < x.ndim(); ++d) ax.push_back(d);
    }
    const ndarray<F> xf = detail::magnitudes(gpu::detail::as_dtype<detail::norm_input_t<T>>(x));
    if (x.ndim() == 0) return gpu::eval(gpu::abs(xf));
    return detail::vector_norm<F>(xf, ord, ax, keepdims);
}

// np.linalg.matrix_norm(x, keepdims=False, ord="fro"): over the last two axes.
template <class T>
ndarray<detail::norm_result_t<T>> matrix_norm(const ndarray<T>& x, bool keepdims = false, norm_ord ord = "fro") {
    gpu::detail::check_matrix_stack(x);
    return norm(x, ord, dims{-2, -1}, keepdims);
}

// np.linalg.cross(x1, x2, axis=-1): cross products of 3-vectors along an axis, batch axes broadcast.
template <class A, class B>
auto cross(const ndarray<A>& a, const ndarray<B>& b, std::int64_t axis = -1) {
    namespace d = gpu::detail;
    const int ia = d::norm_axis(axis, a.ndim()), ib = d::norm_axis(axis, b.ndim());
    if (a.shape()[ia] != 3 || b.shape()[ib] != 3)
        throw value_error("Both input arrays must be (arrays of) 3-dimensional vectors, but they are " +
                          std::to_string(a.shape()[ia]) + " and " + std::to_string(b.shape()[ib]) +
                          " dimensional instead.");
    const auto am = a.swapaxes(ia, a.ndim() - 1), bm = b.swapaxes(ib, b.ndim() - 1);
    auto at = [](const auto& v, std::int64_t i) { return v(gpu::ellipsis, i); };
    using R = d::product_t<A, B>;
    std::vector<ndarray<R>> parts;
    for (int i = 0; i < 3; ++i) {
        const int j = (i + 1) % 3, k = (i + 2) % 3;
        parts.push_back(ndarray<R>(gpu::eval(gpu::astype<R>(at(am, j) * at(bm, k) - at(am, k) * at(bm, j)))));
    }
    const ndarray<R> r = gpu::stack(parts, -1);
    const int rd = r.ndim();
    const int out_axis = static_cast<int>(axis < 0 ? axis + rd : axis);
    return out_axis == rd - 1 ? r : gpu::eval(r.swapaxes(out_axis, rd - 1));
}

// np.linalg.tensorinv(a, ind=2): the inverse of a reshaped to a square matrix, reshaped back.
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> tensorinv(const ndarray<T>& a, int ind = 2) {
    if (ind <= 0) throw value_error("Invalid ind argument.");
    std::int64_t rows = 1, cols = 1;
    shape_t out;
    for (int d = ind; d < a.ndim(); ++d) out.push_back(a.shape()[d]), cols *= a.shape()[d];
    for (int d = 0; d < ind && d < a.ndim(); ++d) out.push_back(a.shape()[d]), rows *= a.shape()[d];
    if (rows != cols) throw linalg_error("Last 2 dimensions of the array must be square");
    return inv(a.reshape(shape_t{rows, cols})).reshape(out);
}

// np.linalg.tensorsolve(a, b): x with tensordot(a, x, x.ndim) == b.
template <class A, class B>
ndarray<gpu::detail::linalg_common_t<A, B>> tensorsolve(const ndarray<A>& a, const ndarray<B>& b) {
    shape_t xs;
    std::int64_t rows = b.size(), cols = 1;
    for (int d = b.ndim(); d < a.ndim(); ++d) xs.push_back(a.shape()[d]), cols *= a.shape()[d];
    if (rows != cols || size_of(a.shape()) != rows * cols) throw linalg_error("Last 2 dimensions of the array must be square");
    return solve(a.reshape(shape_t{rows, cols}), b.reshape(shape_t{rows})).reshape(xs);
}

}  // namespace gpu::linalg
