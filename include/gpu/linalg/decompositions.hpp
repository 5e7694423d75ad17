#pragma once
// gpu::linalg's factorizations: cholesky, qr, eigh, eigvalsh, svd, svdvals, eig, eigvals (batched over leading
// axes). Each copies the stack once in the layout its routine wants (see linalg/lapack.hpp) and
// reads the routine's column-major results as row-major transposes where that is what NumPy
// returns, copying only where it is not. Complex stacks take the same paths (the copy is A^T,
// not A^H), with a conjugate where the Hermitian algebra needs one: cholesky(upper) and eigh's
// eigenvectors (see there). Singular values and Hermitian eigenvalues are real.
#include <complex>
#include <cstdint>
#include <string>

#include "gpu/creation/fill.hpp"
#include "gpu/creation/matrices.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/linalg/lapack.hpp"
#include "gpu/linalg/stack.hpp"
#include "gpu/views/slice.hpp"

namespace gpu::linalg {

// np.linalg.cholesky(a, upper=False): L with a = L L^H (or U = L^H with upper).
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> cholesky(const ndarray<T>& a, bool upper = false) {
    using F = gpu::detail::linalg_float_t<T>;
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) return ndarray<F>(a.shape(), a.where());
    // The copy is A^T column-major (A's lower triangle is its upper one, as potrf 'U' reads it):
    // A^T = U^H U there, so A = U^T conj(U), and U^T is L: the column-major U read row-major.
    // The untouched strictly lower part of the column-major copy (the strictly upper part
    // row-major) holds input values and is zeroed.
    ndarray<F> s = d::stack_copy<F>(a, false);
    ndarray<int> info(shape_t{s.shape()[0]}, a.where());
    d::lapack<F>::potrf_upper(s, n, info);
    d::check_info(info, "Matrix is not positive definite");
    if constexpr (gpu::detail::is_complex_v<F>) {
        if (upper) return gpu::triu(gpu::eval(gpu::conj(s.transpose(dims{0, 2, 1})))).reshape(a.shape());  // L^H
    } else {
        if (upper) return gpu::triu(s.transpose(dims{0, 2, 1})).reshape(a.shape());
    }
    return gpu::tril(s).reshape(a.shape());
}

template <class F>
struct qr_result {
    ndarray<F> Q;
    ndarray<F> R;
};

// np.linalg.qr(a, mode): mode "reduced" (Q (..., M, K), R (..., K, N)), "complete"
// (Q (..., M, M), R (..., M, N)) or "r" (R only, Q left empty); K = min(M, N).
template <class T>
qr_result<gpu::detail::linalg_float_t<T>> qr(const ndarray<T>& a, const std::string& mode = "reduced") {
    using F = gpu::detail::linalg_float_t<T>;
    namespace d = gpu::detail;
    if (mode != "reduced" && mode != "complete" && mode != "r" && mode != "raw")
        throw value_error("Unrecognized mode '" + mode + "'");
    if (mode == "raw") throw value_error("qr: mode 'raw' is not supported");
    d::check_matrix_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t m = a.shape()[a.ndim() - 2], n = a.shape()[a.ndim() - 1], k = std::min(m, n);
    const std::int64_t nb = size_of(batch);
    const bool complete = mode == "complete";
    const std::int64_t qcols = complete ? m : k, rrows = complete ? m : k;
    qr_result<F> r;
    if (nb == 0 || k == 0) {
        r.R = gpu::zeros<F>(d::join_shape(batch, {rrows, n}));
        if (mode != "r")
            r.Q = complete ? gpu::eval(d::broadcast_view(gpu::eye<F>(m), d::join_shape(batch, {m, m})))
                           : ndarray<F>(d::join_shape(batch, {m, k}), a.where());
        return r;
    }
    ndarray<F> s = d::stack_copy<F>(a, true);  // (nb, n, m): A in column-major
    ndarray<F> tau(shape_t{nb, k}, a.where());
    ndarray<int> info(shape_t{nb}, a.where());
    d::lapack<F>::geqrf(s, m, n, tau, info);
    // R: the upper triangle of the first rrows rows of the factored A (row-major view of s^T).
    const ndarray<F> top(s.buffer(), shape_t{nb, rrows, n}, strides_t{n * m, 1, m}, s.offset());
    r.R = gpu::triu(top).reshape(d::join_shape(batch, {rrows, n}));
    if (mode == "r") return r;
    // Q from the reflectors: the first qcols columns (column-major) of an m x qcols buffer.
    ndarray<F> q;
    if (qcols <= n) {
        q = gpu::eval(ndarray<F>(s.buffer(), shape_t{nb, qcols, m}, strides_t{n * m, m, 1}, s.offset()));
    } else {
        q = gpu::zeros<F>(shape_t{nb, qcols, m});
        q(gpu::slice(), gpu::slice(0, n)).assign(s);
    }
    d::lapack<F>::orgqr(q, m, qcols, k, tau, info);
    r.Q = gpu::eval(q.transpose(dims{0, 2, 1})).reshape(d::join_shape(batch, {m, qcols}));
    return r;
}

template <class F>
struct eigh_result {
    ndarray<gpu::detail::real_part_t<F>> eigenvalues;  // real, ascending
    ndarray<F> eigenvectors;
};

namespace detail {

inline bool lower_from_uplo(const std::string& uplo) {
    if (uplo != "L" && uplo != "U") throw value_error("UPLO argument must be 'L' or 'U'");
    return uplo == "L";
}

}  // namespace detail

// np.linalg.eigh(a, UPLO="L"): ascending eigenvalues and the eigenvectors as columns.
template <class T>
eigh_result<gpu::detail::linalg_float_t<T>> eigh(const ndarray<T>& a, const std::string& UPLO = "L") {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    const bool lower = detail::lower_from_uplo(UPLO);
    d::check_square_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) return {ndarray<Re>(d::join_shape(batch, {n}), a.where()), ndarray<F>(a.shape(), a.where())};
    // The copy is A^T in column-major: A's lower triangle is its upper one. For a Hermitian A,
    // A^T = conj(A): same eigenvalues, conjugate eigenvectors (conjugated back, in the one copy
    // that transposes them).
    ndarray<F> s = d::stack_copy<F>(a, false);
    ndarray<Re> w(shape_t{s.shape()[0], n}, a.where());
    ndarray<int> info(shape_t{s.shape()[0]}, a.where());
    d::lapack<F>::syevd(s, n, lower, true, w, info);
    d::check_info(info, "Eigenvalues did not converge");
    ndarray<F> v;
    if constexpr (d::is_complex_v<F>) v = gpu::eval(gpu::conj(s.transpose(dims{0, 2, 1})));
    else v = gpu::eval(s.transpose(dims{0, 2, 1}));
    return {w.reshape(d::join_shape(batch, {n})), v.reshape(a.shape())};
}

// np.linalg.eigvalsh(a, UPLO="L"): real, ascending.
template <class T>
ndarray<gpu::detail::linalg_real_t<T>> eigvalsh(const ndarray<T>& a, const std::string& UPLO = "L") {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    const bool lower = detail::lower_from_uplo(UPLO);
    d::check_square_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) return ndarray<Re>(d::join_shape(batch, {n}), a.where());
    ndarray<F> s = d::stack_copy<F>(a, false);
    ndarray<Re> w(shape_t{s.shape()[0], n}, a.where());
    ndarray<int> info(shape_t{s.shape()[0]}, a.where());
    d::lapack<F>::syevd(s, n, lower, false, w, info);
    d::check_info(info, "Eigenvalues did not converge");
    return w.reshape(d::join_shape(batch, {n}));
}

template <class F>
struct svd_result {
    ndarray<F> U;
    ndarray<gpu::detail::real_part_t<F>> S;  // real, descending
    ndarray<F> Vh;
};

// np.linalg.svd(a, full_matrices=True, compute_uv=True): a = U diag(S) Vh, S descending.
// Without compute_uv only S is set.
template <class T>
svd_result<gpu::detail::linalg_float_t<T>> svd(const ndarray<T>& a, bool full_matrices = true, bool compute_uv = true) {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    d::check_matrix_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t m = a.shape()[a.ndim() - 2], n = a.shape()[a.ndim() - 1], k = std::min(m, n);
    const std::int64_t nb = size_of(batch);
    svd_result<F> r;
    if (nb == 0 || k == 0) {
        r.S = ndarray<Re>(d::join_shape(batch, {k}), a.where());
        if (compute_uv) {
            if (full_matrices) {
                r.U = gpu::eval(d::broadcast_view(gpu::eye<F>(m), d::join_shape(batch, {m, m})));
                r.Vh = gpu::eval(d::broadcast_view(gpu::eye<F>(n), d::join_shape(batch, {n, n})));
            } else {
                r.U = ndarray<F>(d::join_shape(batch, {m, k}), a.where());
                r.Vh = ndarray<F>(d::join_shape(batch, {k, n}), a.where());
            }
        }
        return r;
    }
    const char job = !compute_uv ? 'N' : full_matrices ? 'A' : 'S';
    // The routine wants rows >= cols: A^T (the copy as it is) when n >= m, else A (transposed copy).
    // Complex too: A^T = U' S V'^H gives A = conj(V') S U'^T, so U = VT'^T and Vh = U'^T, plain
    // transposes (VT' = V'^H is what the routine returns).
    const bool wide = n >= m;
    const std::int64_t rows = wide ? n : m, cols = wide ? m : n;
    ndarray<F> s = d::stack_copy<F>(a, !wide);
    const std::int64_t ucols = job == 'A' ? rows : job == 'S' ? k : 0, vrows = job == 'A' ? cols : job == 'S' ? k : 0;
    ndarray<Re> sv(shape_t{nb, k}, a.where());
    ndarray<F> u(shape_t{nb, ucols, rows}, a.where()), vt(shape_t{nb, cols, vrows}, a.where());
    ndarray<int> info(shape_t{nb}, a.where());
    d::lapack<F>::gesvd(s, rows, cols, job, sv, u, vt, info);
    d::check_info(info, "SVD did not converge");
    r.S = sv.reshape(d::join_shape(batch, {k}));
    if (!compute_uv) return r;
    if (wide) {
        // A^T = U' S VT': NumPy's U is VT'^T (vt read row-major), its Vh is U'^T (u read row-major).
        r.U = vt.reshape(d::join_shape(batch, {cols, vrows}));
        r.Vh = u.reshape(d::join_shape(batch, {ucols, rows}));
    } else {
        r.U = gpu::eval(u.transpose(dims{0, 2, 1})).reshape(d::join_shape(batch, {rows, ucols}));
        r.Vh = gpu::eval(vt.transpose(dims{0, 2, 1})).reshape(d::join_shape(batch, {vrows, cols}));
    }
    return r;
}

// np.linalg.svdvals(x): the singular values, descending (real).
template <class T>
ndarray<gpu::detail::linalg_real_t<T>> svdvals(const ndarray<T>& a) {
    return svd(a, false, false).S;
}

template <class F>
struct eig_result {
    ndarray<F> eigenvalues;
    ndarray<F> eigenvectors;
};

namespace detail {

// The eigenvalues (and right eigenvectors, as columns) of a general square stack, complex: of a
// complex stack from the complex routine; of a real one from the real routine (NumPy's path),
// whose complex pairs come packed (w = WR then WI; a pair's vectors are v = V[:, j] + i V[:, j+1]
// and its conjugate) and are unpacked here, as NumPy does.
template <class T>
eig_result<std::complex<gpu::detail::real_part_t<gpu::detail::linalg_float_t<T>>>> eig_complex_impl(
    const ndarray<T>& a, bool vectors, bool* real_spectrum = nullptr) {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    using C = std::complex<Re>;
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) {
        if (real_spectrum) *real_spectrum = true;
        return {ndarray<C>(d::join_shape(batch, {n}), a.where()), ndarray<C>(a.shape(), a.where())};
    }
    ndarray<F> s = d::stack_copy<F>(a, true);  // A in column-major
    const std::int64_t nb = s.shape()[0];
    ndarray<F> w(shape_t{nb, d::is_complex_v<F> ? n : 2 * n}, a.where());
    ndarray<F> vr(vectors ? shape_t{nb, n, n} : shape_t{1}, a.where());
    ndarray<int> info(shape_t{nb}, a.where());
    d::lapack<F>::geev(s, n, vectors, w, vr, info);
    d::check_info(info, "Eigenvalues did not converge");
    eig_result<C> r;
    if constexpr (d::is_complex_v<F>) {
        if (real_spectrum) *real_spectrum = false;
        r.eigenvalues = w.reshape(d::join_shape(batch, {n}));
        // vr holds each matrix's eigenvectors as rows (column-major columns): transposed to columns.
        if (vectors) r.eigenvectors = gpu::eval(vr.transpose(dims{0, 2, 1})).reshape(a.shape());
        return r;
    } else {
        const ndarray<F> re(w.buffer(), shape_t{nb, n}, strides_t{2 * n, 1}, w.offset());
        const ndarray<F> im(w.buffer(), shape_t{nb, n}, strides_t{2 * n, 1}, w.offset() + n);
        if (real_spectrum) *real_spectrum = !gpu::any(gpu::not_equal(im, F(0))).item();
        ndarray<C> wc(shape_t{nb, n}, a.where());
        wc.real().assign(re);
        wc.imag().assign(im);
        r.eigenvalues = wc.reshape(d::join_shape(batch, {n}));
        if (!vectors) return r;
        // Row j of vr is column j of V. A pair (j, j + 1) has im[j] > 0: v_j = V_j + i V_{j+1},
        // v_{j+1} = V_j - i V_{j+1}. So the real part of v_j is V_{j-1} where im[j] < 0, else V_j;
        // the imaginary part V_{j+1} where im[j] > 0, -V_j where im[j] < 0, else 0.
        ndarray<F> prev = gpu::zeros<F>(shape_t{nb, n, n}), next = gpu::zeros<F>(shape_t{nb, n, n});
        if (n > 1) {
            prev(gpu::slice(), gpu::slice(1, n)).assign(vr(gpu::slice(), gpu::slice(0, n - 1)));
            next(gpu::slice(), gpu::slice(0, n - 1)).assign(vr(gpu::slice(), gpu::slice(1, n)));
        }
        const ndarray<F> imc = im.reshape(shape_t{nb, n, 1});
        ndarray<C> vc(shape_t{nb, n, n}, a.where());
        vc.real().assign(gpu::where(imc < F(0), prev, vr));
        vc.imag().assign(gpu::where(imc > F(0), next, gpu::where(imc < F(0), -vr, F(0))));
        r.eigenvectors = gpu::eval(vc.transpose(dims{0, 2, 1})).reshape(a.shape());
        return r;
    }
}

}  // namespace detail

// np.linalg.eig(a) of a complex stack: complex eigenvalues (in LAPACK's order, not sorted) and
// unit right eigenvectors as columns.
template <class T>
    requires gpu::detail::is_complex_v<T>
eig_result<gpu::detail::linalg_float_t<T>> eig(const ndarray<T>& a) {
    return detail::eig_complex_impl(a, true);
}

// np.linalg.eig(a) of a real stack. NumPy's result is real when every eigenvalue is real and
// complex otherwise, a dtype known only from the values; a C++ result needs it up front, so
// this one is real and a complex spectrum raises gpu::type_error naming eig_complex, which
// returns NumPy's complex result (the same routine, the pairs unpacked as NumPy does).
template <class T>
    requires(!gpu::detail::is_complex_v<T>)
eig_result<gpu::detail::linalg_float_t<T>> eig(const ndarray<T>& a) {
    using F = gpu::detail::linalg_float_t<T>;
    bool real = true;
    const auto c = detail::eig_complex_impl(a, true, &real);
    if (!real)
        throw type_error("eig: the matrix has complex eigenvalues, so NumPy's result is complex: call "
                         "gpu::linalg::eig_complex");
    return {gpu::eval(gpu::real(c.eigenvalues)), gpu::eval(gpu::real(c.eigenvectors))};
}

// np.linalg.eig(a) with a complex result whatever the spectrum (what NumPy returns for a complex
// spectrum; for a real one NumPy returns these values with real dtypes).
template <class T>
eig_result<std::complex<gpu::detail::linalg_real_t<T>>> eig_complex(const ndarray<T>& a) {
    return detail::eig_complex_impl(a, true);
}

// np.linalg.eigvals(a): as eig, without the eigenvectors.
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> eigvals(const ndarray<T>& a) {
    if constexpr (gpu::detail::is_complex_v<T>) {
        return detail::eig_complex_impl(a, false).eigenvalues;
    } else {
        bool real = true;
        const auto c = detail::eig_complex_impl(a, false, &real);
        if (!real)
            throw type_error("eigvals: the matrix has complex eigenvalues, so NumPy's result is complex: call "
                             "gpu::linalg::eigvals_complex");
        return gpu::eval(gpu::real(c.eigenvalues));
    }
}

template <class T>
ndarray<std::complex<gpu::detail::linalg_real_t<T>>> eigvals_complex(const ndarray<T>& a) {
    return detail::eig_complex_impl(a, false).eigenvalues;
}

}  // namespace gpu::linalg
