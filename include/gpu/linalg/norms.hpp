#pragma once
// gpu::linalg on the SVD and reductions: norm (every ord NumPy accepts, vectors and matrices),
// cond, matrix_rank, pinv, lstsq. Complex input: norms are of the magnitudes (real), singular
// values real, and U^H, Vh^H are conjugate transposes. float16 / bfloat16: norms that need no
// SVD are computed in the half dtype (NumPy's norm keeps float16), the others raise NumPy's
// TypeError as gpu::type_error.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "gpu/core/axis.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/linalg/decompositions.hpp"
#include "gpu/linalg/matmul.hpp"
#include "gpu/linalg/products.hpp"
#include "gpu/linalg/solve.hpp"
#include "gpu/linalg/stack.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/reductions/stats.hpp"
#include "gpu/views/dimensions.hpp"

namespace gpu::linalg {

// NumPy's `ord` argument of norm and cond: None, a number (inf and -inf included), "fro" or "nuc".
struct norm_ord {
    enum kind_t { none, number, fro, nuc } kind = none;
    double p = 0;
    norm_ord() = default;
    norm_ord(none_t) {}                                          // NOLINT(google-explicit-constructor)
    norm_ord(double v) : kind(number), p(v) {}                   // NOLINT(google-explicit-constructor)
    norm_ord(int v) : kind(number), p(v) {}                      // NOLINT(google-explicit-constructor)
    norm_ord(const char* s) : norm_ord(std::string(s)) {}        // NOLINT(google-explicit-constructor)
    norm_ord(const std::string& s) {                             // NOLINT(google-explicit-constructor)
        if (s == "fro") kind = fro;
        else if (s == "nuc") kind = nuc;
        else throw value_error("Invalid norm order '" + s + "' for matrices");
    }
};

namespace detail {

inline constexpr double inf = std::numeric_limits<double>::infinity();

// norm's computation dtype (NumPy: inexact kept, the rest float64) and its real result dtype.
template <class T, bool = gpu::detail::blas_type<T>::half>
struct norm_types {
    using input = gpu::detail::linalg_float_t<T>;
    using result = gpu::detail::linalg_real_t<T>;
};
template <class T>
struct norm_types<T, true> {
    using input = T;
    using result = T;
};
template <class T>
using norm_input_t = typename norm_types<T>::input;
template <class T>
using norm_result_t = typename norm_types<T>::result;

template <class T>
[[noreturn]] void throw_unsupported_half() {
    throw type_error("array type " + std::string(dtype_name_v<T>) + " is unsupported in linalg");
}

// The magnitudes of x in its real dtype (x itself when real): what every non-SVD norm reduces.
template <class X>
auto magnitudes(const ndarray<X>& x) {
    if constexpr (gpu::detail::is_complex_v<X>) return ndarray<gpu::detail::real_part_t<X>>(gpu::eval(gpu::abs(x)));
    else return x;
}

template <class F, class E>
ndarray<F> vector_norm(const E& x, const norm_ord& ord, const gpu::dims& axes, bool keepdims) {
    const auto a = gpu::abs(x);
    if (ord.kind == norm_ord::none || (ord.kind == norm_ord::number && ord.p == 2))
        return gpu::sqrt(gpu::sum(x * x, axes, keepdims));
    if (ord.kind != norm_ord::number) throw value_error("Invalid norm order '" + std::string(ord.kind == norm_ord::fro ? "fro" : "nuc") + "' for vectors");
    const double p = ord.p;
    if (p == inf) return gpu::max(a, axes, keepdims);
    if (p == -inf) return gpu::min(a, axes, keepdims);
    if (p == 0) return gpu::eval(gpu::astype<F>(gpu::sum(gpu::not_equal(x, F(0)), axes, keepdims)));
    if (p == 1) return gpu::sum(a, axes, keepdims);
    const ndarray<F> s = gpu::sum(gpu::power(a, static_cast<F>(p)), axes, keepdims);
    return gpu::eval(gpu::power(s, static_cast<F>(1.0 / p)));
}

// Moves axes r and c to the end (r then c).
template <class F>
ndarray<F> last_two(const ndarray<F>& x, int r, int c) {
    gpu::dims perm;
    for (int d = 0; d < x.ndim(); ++d)
        if (d != r && d != c) perm.push_back(d);
    perm.push_back(r), perm.push_back(c);
    return x.transpose(perm);
}

// Puts back size-1 axes at r and c (keepdims) into a result over the other axes.
template <class F>
ndarray<F> keep_two(const ndarray<F>& res, const shape_t& in, int r, int c) {
    shape_t s = in;
    s[r] = 1, s[c] = 1;
    return res.reshape(s);
}

// x: the magnitudes (real); xs: the array whose singular values the 2-norms and "nuc" take.
template <class F, class X>
ndarray<F> matrix_norm(const ndarray<F>& x, const ndarray<X>& xs, const norm_ord& ord, int r, int c, bool keepdims) {
    ndarray<F> res;
    if (ord.kind == norm_ord::none || ord.kind == norm_ord::fro) {
        return gpu::sqrt(gpu::sum(x * x, gpu::dims{r, c}, keepdims));
    } else if (ord.kind == norm_ord::nuc || (ord.kind == norm_ord::number && std::fabs(ord.p) == 2)) {
        ndarray<F> s;
        if constexpr (gpu::detail::blas_type<X>::half) throw_unsupported_half<X>();
        else s = svdvals(last_two(xs, r, c));
        if (ord.kind == norm_ord::nuc) res = gpu::sum(s, -1);
        else if (ord.p > 0) res = gpu::max(s, -1);
        else res = gpu::min(s, -1);
    } else if (ord.kind == norm_ord::number && (std::fabs(ord.p) == 1 || std::fabs(ord.p) == inf)) {
        // 1: max column sum (sum over rows); inf: max row sum.
        const bool cols = std::fabs(ord.p) == 1;
        const int sum_axis = cols ? r : c, keep_axis = cols ? c : r;
        const ndarray<F> sums = gpu::sum(gpu::abs(x), static_cast<std::int64_t>(sum_axis), true);
        res = ord.p > 0 ? gpu::max(sums, static_cast<std::int64_t>(keep_axis), true)
                        : gpu::min(sums, static_cast<std::int64_t>(keep_axis), true);
        if (keepdims) return res;
        return res.squeeze(gpu::dims{r, c});
    } else {
        throw value_error("Invalid norm order for matrices.");
    }
    return keepdims ? keep_two(res, x.shape(), r, c) : res;
}

}  // namespace detail

// np.linalg.norm(x, ord=None, axis=None, keepdims=False). axis: one axis (vector norms) or two
// (matrix norms); without axis, x must be 1-D or 2-D unless ord is None (then the 2-norm of all).
template <class T>
ndarray<detail::norm_result_t<T>> norm(const ndarray<T>& x, norm_ord ord, const gpu::dims& axis, bool keepdims = false) {
    using X = detail::norm_input_t<T>;
    using F = detail::norm_result_t<T>;
    const ndarray<X> xf = gpu::detail::as_dtype<X>(x);
    const ndarray<F> mag = detail::magnitudes(xf);
    gpu::dims ax;
    for (int i = 0; i < axis.size(); ++i) ax.push_back(gpu::detail::norm_axis(axis[i], x.ndim()));
    if (ax.size() == 1) return detail::vector_norm<F>(mag, ord, ax, keepdims);
    if (ax.size() == 2) {
        if (ax[0] == ax[1]) throw value_error("Duplicate axes given.");
        return detail::matrix_norm<F>(mag, xf, ord, static_cast<int>(ax[0]), static_cast<int>(ax[1]), keepdims);
    }
    throw value_error("Improper number of dimensions to norm.");
}

template <class T>
ndarray<detail::norm_result_t<T>> norm(const ndarray<T>& x, norm_ord ord = {}, none_t = none, bool keepdims = false) {
    using F = detail::norm_result_t<T>;
    if (ord.kind == norm_ord::none) {
        const ndarray<F> xf = detail::magnitudes(gpu::detail::as_dtype<detail::norm_input_t<T>>(x));
        gpu::dims all;
        for (int d = 0; d < x.ndim(); ++d) all.push_back(d);
        if (x.ndim() == 0) return gpu::eval(gpu::abs(xf));
        return gpu::sqrt(gpu::sum(xf * xf, all, keepdims));
    }
    if (x.ndim() == 1) return norm(x, ord, gpu::dims{0}, keepdims);
    if (x.ndim() == 2) return norm(x, ord, gpu::dims{0, 1}, keepdims);
    throw value_error("Improper number of dimensions to norm.");
}

template <class T>
ndarray<detail::norm_result_t<T>> norm(const ndarray<T>& x, norm_ord ord, std::int64_t axis, bool keepdims = false) {
    return norm(x, ord, gpu::dims{axis}, keepdims);
}

// np.linalg.cond(x, p=None): the ratio of the extreme singular values, or
// norm(x, p) * norm(inv(x), p) for the other orders.
template <class T>
ndarray<gpu::detail::linalg_real_t<T>> cond(const ndarray<T>& x, norm_ord p = {}) {
    using F = gpu::detail::linalg_real_t<T>;
    namespace d = gpu::detail;
    d::check_matrix_stack(x);
    if (p.kind == norm_ord::none || (p.kind == norm_ord::number && std::fabs(p.p) == 2)) {
        const ndarray<F> s = svdvals(x);
        const std::int64_t k = s.shape()[s.ndim() - 1];
        const ndarray<F> first = s(gpu::ellipsis, 0), last = s(gpu::ellipsis, k - 1);
        if (p.kind == norm_ord::number && p.p < 0) return gpu::eval(last / first);
        return gpu::eval(first / last);
    }
    d::check_square_stack(x);
    const gpu::dims ax{-2, -1};
    return gpu::eval(norm(x, p, ax) * norm(inv(x), p, ax));
}

// np.linalg.matrix_rank(A, tol=None): singular values above tol (default S.max() * max(M, N) *
// eps); a 1-D or 0-d A has rank 1 unless all zero.
template <class T>
ndarray<std::int64_t> matrix_rank(const ndarray<T>& A, std::optional<double> tol = std::nullopt) {
    using F = gpu::detail::linalg_real_t<T>;
    if (A.ndim() < 2) return gpu::eval(gpu::astype<std::int64_t>(gpu::any(gpu::not_equal(A, 0))));
    const ndarray<F> s = svdvals(A);
    const std::int64_t m = A.shape()[A.ndim() - 2], n = A.shape()[A.ndim() - 1];
    if (tol) return gpu::count_nonzero(gpu::greater(s, static_cast<F>(*tol)), -1);
    const F rtol = static_cast<F>(std::max(m, n)) * std::numeric_limits<F>::epsilon();
    const ndarray<F> cut = gpu::eval(gpu::max(s, -1, true) * rtol);
    return gpu::count_nonzero(gpu::greater(s, cut), -1);
}

// np.linalg.pinv(a, rcond=1e-15): V diag(1/s where s > rcond * s.max()) U^H, computed as NumPy
// does: from the SVD of conj(a), whose U and Vh transpose without conjugates.
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> pinv(const ndarray<T>& a, double rcond = 1e-15) {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    d::check_matrix_stack(a);
    const std::int64_t m = a.shape()[a.ndim() - 2], n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) return ndarray<F>(d::join_shape(d::batch_shape(a), {n, m}), a.where());
    svd_result<F> r;
    if constexpr (d::is_complex_v<T>) r = svd(gpu::eval(gpu::conj(a)), false, true);
    else r = svd(a, false, true);
    const ndarray<Re> cut = gpu::eval(gpu::max(r.S, -1, true) * static_cast<Re>(rcond));
    const ndarray<Re> sinv = gpu::eval(gpu::where(r.S > cut, Re(1) / r.S, Re(0)));
    // V (S^-1 U^T): scale U^T's rows, one fused pass, then one product.
    const int nd = r.U.ndim();
    const ndarray<F> ut = r.U.swapaxes(nd - 2, nd - 1);
    shape_t col = sinv.shape();
    col.push_back(1);
    const ndarray<F> scaled = gpu::eval(sinv.reshape(col) * ut);
    return matmul(r.Vh.swapaxes(nd - 2, nd - 1), scaled);
}

template <class F>
struct lstsq_result {
    ndarray<F> x;
    ndarray<gpu::detail::real_part_t<F>> residuals;  // real: sums of |residual|^2
    std::int64_t rank = 0;
    ndarray<gpu::detail::real_part_t<F>> s;
};

// np.linalg.lstsq(a, b, rcond=None): the least-squares solution through the SVD (NumPy's gelsd
// cut: singular values <= rcond * s.max() are zero; rcond < 0 or the default: eps * max(M, N)).
template <class A, class B>
lstsq_result<gpu::detail::linalg_common_t<A, B>> lstsq(const ndarray<A>& a, const ndarray<B>& b,
                                                                                 std::optional<double> rcond = std::nullopt) {
    using F = gpu::detail::linalg_common_t<A, B>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    if (a.ndim() != 2) throw linalg_error(std::to_string(a.ndim()) + "-dimensional array given. Array must be two-dimensional");
    if (b.ndim() != 1 && b.ndim() != 2)
        throw linalg_error(std::to_string(b.ndim()) + "-dimensional array given. Array must be one or two-dimensional");
    const std::int64_t m = a.shape()[0], n = a.shape()[1];
    if (b.shape()[0] != m) throw linalg_error("Incompatible dimensions");
    const bool vec = b.ndim() == 1;
    const std::int64_t nrhs = vec ? 1 : b.shape()[1];
    const double rc = (!rcond || *rcond < 0) ? std::numeric_limits<Re>::epsilon() * static_cast<double>(std::max(m, n)) : *rcond;
    const ndarray<F> af = d::as_dtype<F>(a);
    const ndarray<F> bf = d::as_dtype<F>(vec ? b.reshape(shape_t{m, 1}) : b);
    lstsq_result<F> r;
    const std::int64_t k = std::min(m, n);
    if (k == 0) {
        r.x = gpu::zeros<F>(vec ? shape_t{n} : shape_t{n, nrhs});
        r.s = ndarray<Re>(shape_t{0}, a.where());
        const ndarray<Re> bm = detail::magnitudes(bf);
        r.residuals = m > 0 && n == 0 ? gpu::sum(bm * bm, 0) : ndarray<Re>(shape_t{0}, a.where());
        return r;
    }
    svd_result<F> f = svd(af, false, true);
    const ndarray<Re> cut = gpu::eval(gpu::max(f.S, -1, true) * static_cast<Re>(rc));
    const ndarray<Re> keep = gpu::eval(gpu::astype<Re>(f.S > cut));
    const ndarray<Re> sinv = gpu::eval(gpu::where(f.S > cut, Re(1) / f.S, Re(0)));
    r.rank = gpu::count_nonzero(keep);
    // x = Vh^H diag(sinv) U^H b (complex: conjugate transposes).
    ndarray<F> uh = f.U.T(), v = f.Vh.T();
    if constexpr (d::is_complex_v<F>) uh = gpu::eval(gpu::conj(uh)), v = gpu::eval(gpu::conj(v));
    const ndarray<F> utb = matmul(uh, bf);                               // (k, nrhs)
    const ndarray<F> scaled = gpu::eval(sinv.reshape(shape_t{k, 1}) * utb);
    ndarray<F> x = matmul(v, scaled);                                     // (n, nrhs)
    if (r.rank == n && m > n) {
        const ndarray<Re> res = detail::magnitudes(ndarray<F>(gpu::eval(matmul(af, x) - bf)));
        r.residuals = gpu::sum(res * res, 0);
    } else {
        r.residuals = ndarray<Re>(shape_t{0}, a.where());
    }
    r.x = vec ? x.reshape(shape_t{n}) : x;
    r.s = f.S;
    return r;
}

}  // namespace gpu::linalg
