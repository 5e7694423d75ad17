#pragma once
// The factorizations gpu::linalg is built on, on stacks of column-major matrices: cuSOLVER on
// the GPU (its 64-bit API, one call per matrix of the stack, device workspaces from the pool
// as temporaries of the call), LAPACKE on the host executor. A stack is a C-contiguous ndarray
// of shape (batch, cols, rows): matrix z starts at z * rows * cols and has leading dimension rows.
// Every routine writes LAPACK's info per matrix into `info` (int32, on the stack's executor);
// check_info turns it into NumPy's LinAlgError. T is float, double, std::complex<float> or
// std::complex<double>: the types come from linalg/blas_types.hpp, and the typed routines
// (LAPACKE's s/d/c/z, cuSOLVER's legacy orgqr/ungqr) are picked by GPU_ND_LAPACKE and
// GPU_ND_CUDA_TYPED; complex
// symmetric routines are the Hermitian ones (heevd, ungqr), and singular values and Hermitian
// eigenvalues are real (real_part_t<T>).
#include <cusolverDn.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/linalg/blas_types.hpp"
#include "gpu/linalg/error.hpp"
#include "gpu/linalg/handles.hpp"
#include "gpu/linalg/host_blas.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu::detail {

template <class T>
constexpr cudaDataType_t solver_type() {
    return blas_type<T>::cuda;
}

// The routine of T's letter, inside a template on T (only the called branch is compiled):
// GPU_ND_LAPACKE(syevd, heevd, args) calls LAPACKE_ssyevd, LAPACKE_dsyevd, LAPACKE_cheevd or
// LAPACKE_zheevd; GPU_ND_CUDA_TYPED(cusolverDn, orgqr, ungqr, args) cusolverDnSorgqr, ...,
// cusolverDnZungqr (REAL: the real routines' name, CPLX: the complex ones').
#define GPU_ND_TYPED4(S, D, C, Z, ...)                                                  \
    [&] {                                                                               \
        if constexpr (std::is_same_v<T, float>) return S(__VA_ARGS__);                  \
        else if constexpr (std::is_same_v<T, double>) return D(__VA_ARGS__);            \
        else if constexpr (std::is_same_v<T, std::complex<float>>) return C(__VA_ARGS__); \
        else return Z(__VA_ARGS__);                                                     \
    }()
#define GPU_ND_LAPACKE(REAL, CPLX, ...) \
    GPU_ND_TYPED4(LAPACKE_s##REAL, LAPACKE_d##REAL, LAPACKE_c##CPLX, LAPACKE_z##CPLX, __VA_ARGS__)
#define GPU_ND_CUDA_TYPED(PREFIX, REAL, CPLX, ...) \
    GPU_ND_TYPED4(PREFIX##S##REAL, PREFIX##D##REAL, PREFIX##C##CPLX, PREFIX##Z##CPLX, __VA_ARGS__)

#if defined(GPU_NDARRAY_HAVE_LAPACKE)
// T's memory as LAPACKE takes it (lapack_complex_float is C's float _Complex: std::complex's layout).
inline float* lp(float* p) { return p; }
inline double* lp(double* p) { return p; }
inline lapack_complex_float* lp(std::complex<float>* p) { return reinterpret_cast<lapack_complex_float*>(p); }
inline lapack_complex_double* lp(std::complex<double>* p) { return reinterpret_cast<lapack_complex_double*>(p); }
template <class T>
auto lp(const T* p) {
    return lp(const_cast<T*>(p));
}
#endif

// Device and host workspaces of one cuSOLVER routine, sized by its _bufferSize query.
struct solver_workspace {
    std::shared_ptr<buffer> device;
    std::vector<char> host;
    solver_workspace(std::size_t dev_bytes, std::size_t host_bytes)
        : device(make_buffer(std::max<std::size_t>(dev_bytes, 16), executor::cuda)), host(host_bytes) {}
    void* dev() const { return device->data(); }
    void* hst() { return host.empty() ? nullptr : host.data(); }
};

// Raises NumPy's LinAlgError `message` when a matrix's info is > 0. Reading info waits for the
// device; inside a graph capture that cannot happen, so there the check is skipped (documented).
inline void check_info(const ndarray<int>& info, const char* message) {
    if (info.size() == 0) return;
    auto check = [&](const int* v) {
        for (std::int64_t i = 0; i < info.size(); ++i) {
            if (v[i] > 0) throw linalg_error(message);
            if (v[i] < 0) throw error("internal error: LAPACK argument " + std::to_string(-v[i]) + " was invalid");
        }
    };
    if (info.where() == executor::host) return check(info.data());  // host memory, already written
    if (capturing_now()) return;
    const host_array<int> h = asnumpy(info);
    check(h.data());
}

template <class T>
struct lapack {
    using lp_int = std::int64_t;
    using R = real_part_t<T>;
    static_assert(has_blas_v<T> && !blas_type<T>::half, "lapack<T>: float, double, std::complex<float> or std::complex<double>");

    // LU with partial pivoting of m x m matrices; ipiv (batch, m) int64, 1-based as LAPACK's.
    static void getrf(ndarray<T>& a, std::int64_t m, ndarray<std::int64_t>& ipiv, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("LU factorization");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            std::vector<lapack_int> piv(static_cast<std::size_t>(std::max<std::int64_t>(m, 1)));
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                info.data()[z] = GPU_ND_LAPACKE(getrf, getrf, LAPACK_COL_MAJOR, m, m, lp(p), std::max<lp_int>(1, m), piv.data());
                for (std::int64_t i = 0; i < m; ++i) ipiv.data()[z * m + i] = piv[i];
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXgetrf_bufferSize(s.handle, s.params, m, m, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<T>(), &dev, &host),
                       "cusolverDnXgetrf_bufferSize");
        solver_workspace w(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgetrf(s.handle, s.params, m, m, solver_type<T>(), a.data() + z * m * m,
                                            std::max<lp_int>(1, m), ipiv.data() + z * m, solver_type<T>(), w.dev(), dev,
                                            w.hst(), host, info.data() + z),
                           "cusolverDnXgetrf");
    }

    // Solves op(A) X = B with A's LU; b (batch, nrhs, m) column-major, overwritten by X. trans is
    // the plain transpose (complex too: inv uses inv(A^T)^T = inv(A)).
    static void getrs(const ndarray<T>& lu, const ndarray<std::int64_t>& ipiv, ndarray<T>& b, std::int64_t m,
                      std::int64_t nrhs, bool trans, ndarray<int>& info) {
        const std::int64_t batch = lu.shape()[0];
        if (lu.where() == executor::host) {
            require_host_lapack("solve");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            std::vector<lapack_int> piv(static_cast<std::size_t>(std::max<std::int64_t>(m, 1)));
            for (std::int64_t z = 0; z < batch; ++z) {
                for (std::int64_t i = 0; i < m; ++i) piv[i] = static_cast<lapack_int>(ipiv.data()[z * m + i]);
                const T* p = lu.data() + z * m * m;
                T* q = b.data() + z * m * nrhs;
                info.data()[z] = GPU_ND_LAPACKE(getrs, getrs, LAPACK_COL_MAJOR, trans ? 'T' : 'N', m, nrhs, lp(p),
                                              std::max<lp_int>(1, m), piv.data(), lp(q), std::max<lp_int>(1, m));
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgetrs(s.handle, s.params, trans ? CUBLAS_OP_T : CUBLAS_OP_N, m, nrhs,
                                            solver_type<T>(), lu.data() + z * m * m, std::max<lp_int>(1, m),
                                            ipiv.data() + z * m, solver_type<T>(), b.data() + z * m * nrhs,
                                            std::max<lp_int>(1, m), info.data() + z),
                           "cusolverDnXgetrs");
    }

    // Cholesky of m x m matrices from their upper triangle: A = U^H U, U in the upper triangle.
    static void potrf_upper(ndarray<T>& a, std::int64_t m, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("cholesky");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                info.data()[z] = GPU_ND_LAPACKE(potrf, potrf, LAPACK_COL_MAJOR, 'U', m, lp(p), std::max<lp_int>(1, m));
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXpotrf_bufferSize(s.handle, s.params, CUBLAS_FILL_MODE_UPPER, m, solver_type<T>(),
                                                   a.data(), std::max<lp_int>(1, m), solver_type<T>(), &dev, &host),
                       "cusolverDnXpotrf_bufferSize");
        solver_workspace w(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXpotrf(s.handle, s.params, CUBLAS_FILL_MODE_UPPER, m, solver_type<T>(),
                                            a.data() + z * m * m, std::max<lp_int>(1, m), solver_type<T>(), w.dev(), dev,
                                            w.hst(), host, info.data() + z),
                           "cusolverDnXpotrf");
    }

    // QR of m x n matrices (Householder form in a, tau (batch, min(m, n))).
    static void geqrf(ndarray<T>& a, std::int64_t m, std::int64_t n, ndarray<T>& tau, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0], k = std::min(m, n);
        if (a.where() == executor::host) {
            require_host_lapack("qr");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * n;
                T* t = tau.data() + z * k;
                info.data()[z] = GPU_ND_LAPACKE(geqrf, geqrf, LAPACK_COL_MAJOR, m, n, lp(p), std::max<lp_int>(1, m), lp(t));
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXgeqrf_bufferSize(s.handle, s.params, m, n, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<T>(), tau.data(), solver_type<T>(),
                                                   &dev, &host),
                       "cusolverDnXgeqrf_bufferSize");
        solver_workspace w(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgeqrf(s.handle, s.params, m, n, solver_type<T>(), a.data() + z * m * n,
                                            std::max<lp_int>(1, m), solver_type<T>(), tau.data() + z * k, solver_type<T>(),
                                            w.dev(), dev, w.hst(), host, info.data() + z),
                           "cusolverDnXgeqrf");
    }

    // Forms Q (m x qcols, in place over the first qcols columns of the Householder vectors) from
    // k reflectors (orgqr; ungqr for complex). q is (batch, qcols, m).
    static void orgqr(ndarray<T>& q, std::int64_t m, std::int64_t qcols, std::int64_t k, const ndarray<T>& tau,
                      ndarray<int>& info) {
        const std::int64_t batch = q.shape()[0];
        if (q.where() == executor::host) {
            require_host_lapack("qr");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = q.data() + z * m * qcols;
                const T* t = tau.data() + z * k;
                info.data()[z] = GPU_ND_LAPACKE(orgqr, ungqr, LAPACK_COL_MAJOR, m, qcols, k, lp(p), std::max<lp_int>(1, m), lp(t));
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const int im = static_cast<int>(m), iq = static_cast<int>(qcols), ik = static_cast<int>(k), ld = std::max(1, im);
        int lwork = 0;
        cusolver_check(GPU_ND_CUDA_TYPED(cusolverDn, orgqr_bufferSize, ungqr_bufferSize, s.handle, im, iq, ik, cu_ptr(q.data()), ld,
                                    cu_ptr(tau.data()), &lwork),
                       "cusolverDn<t>orgqr_bufferSize");
        solver_workspace w(static_cast<std::size_t>(std::max(lwork, 1)) * sizeof(T), 0);
        for (std::int64_t z = 0; z < batch; ++z) {
            T* p = q.data() + z * m * qcols;
            const T* t = tau.data() + z * k;
            cusolver_check(GPU_ND_CUDA_TYPED(cusolverDn, orgqr, ungqr, s.handle, im, iq, ik, cu_ptr(p), ld, cu_ptr(t),
                                        cu_ptr(static_cast<T*>(w.dev())), lwork, info.data() + z),
                           "cusolverDn<t>orgqr");
        }
    }

    // Symmetric (complex: Hermitian) eigenproblem of m x m matrices from one triangle (upper:
    // true for the upper triangle of the column-major matrix); ascending real eigenvalues in w
    // (batch, m), eigenvectors (columns) over a when vectors.
    static void syevd(ndarray<T>& a, std::int64_t m, bool upper, bool vectors, ndarray<R>& w, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("eigh");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                R* e = w.data() + z * m;
                info.data()[z] = GPU_ND_LAPACKE(syevd, heevd, LAPACK_COL_MAJOR, vectors ? 'V' : 'N', upper ? 'U' : 'L', m,
                                              lp(p), std::max<lp_int>(1, m), e);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const cusolverEigMode_t jobz = vectors ? CUSOLVER_EIG_MODE_VECTOR : CUSOLVER_EIG_MODE_NOVECTOR;
        const cublasFillMode_t uplo = upper ? CUBLAS_FILL_MODE_UPPER : CUBLAS_FILL_MODE_LOWER;
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXsyevd_bufferSize(s.handle, s.params, jobz, uplo, m, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<R>(), w.data(), solver_type<T>(),
                                                   &dev, &host),
                       "cusolverDnXsyevd_bufferSize");
        solver_workspace ws(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXsyevd(s.handle, s.params, jobz, uplo, m, solver_type<T>(), a.data() + z * m * m,
                                            std::max<lp_int>(1, m), solver_type<R>(), w.data() + z * m, solver_type<T>(),
                                            ws.dev(), dev, ws.hst(), host, info.data() + z),
                           "cusolverDnXsyevd");
    }

    // General (non-symmetric) eigenproblem of m x m matrices, right eigenvectors (columns, unit
    // norm) in vr (batch, m, m) when vectors; a is destroyed. Real T: w (batch, 2m) holds the real
    // parts then the imaginary parts (LAPACK's WR, WI; cuSOLVER's all-real option) and a complex
    // pair's vectors are packed in two real columns, as LAPACK's; complex T: w (batch, m).
    static void geev(ndarray<T>& a, std::int64_t m, bool vectors, ndarray<T>& w, ndarray<T>& vr, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0], ld = std::max<std::int64_t>(1, m);
        const std::int64_t wn = blas_type<T>::complex ? m : 2 * m;
        auto vp = [&](std::int64_t z) { return vectors ? vr.data() + z * m * m : nullptr; };
        if (a.where() == executor::host) {
            require_host_lapack("eig");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                T* wz = w.data() + z * wn;
                if constexpr (blas_type<T>::complex)
                    info.data()[z] = GPU_ND_LAPACKE(geev, geev, LAPACK_COL_MAJOR, 'N', vectors ? 'V' : 'N', m, lp(p), ld,
                                                  lp(wz), lp(static_cast<T*>(nullptr)), 1, lp(vp(z)), ld);
                else
                    info.data()[z] = GPU_ND_LAPACKE(geev, geev, LAPACK_COL_MAJOR, 'N', vectors ? 'V' : 'N', m, lp(p), ld,
                                                  lp(wz), lp(wz + m), lp(static_cast<T*>(nullptr)), 1, lp(vp(z)), ld);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const cusolverEigMode_t jobvr = vectors ? CUSOLVER_EIG_MODE_VECTOR : CUSOLVER_EIG_MODE_NOVECTOR;
        const cudaDataType_t t = solver_type<T>();
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXgeev_bufferSize(s.handle, s.params, CUSOLVER_EIG_MODE_NOVECTOR, jobvr, m, t, a.data(), ld,
                                                  t, w.data(), t, nullptr, 1, t, vp(0), ld, t, &dev, &host),
                       "cusolverDnXgeev_bufferSize");
        solver_workspace ws(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgeev(s.handle, s.params, CUSOLVER_EIG_MODE_NOVECTOR, jobvr, m, t, a.data() + z * m * m,
                                           ld, t, w.data() + z * wn, t, nullptr, 1, t, vp(z), ld, t, ws.dev(), dev,
                                           ws.hst(), host, info.data() + z),
                           "cusolverDnXgeev");
    }

    // SVD of m x n matrices with m >= n (cuSOLVER's gesvd requires it; callers transpose).
    // job: 'N' (values only), 'S' (u: (batch, k, m), vt: (batch, n, k)) or 'A' (u: (batch, m, m),
    // vt: (batch, n, n)); s (batch, k), k = n. a is destroyed.
    static void gesvd(ndarray<T>& a, std::int64_t m, std::int64_t n, char job, ndarray<R>& sv, ndarray<T>& u,
                      ndarray<T>& vt, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0], k = std::min(m, n);
        const std::int64_t ucols = job == 'A' ? m : job == 'S' ? k : 0, vrows = job == 'A' ? n : job == 'S' ? k : 0;
        const std::int64_t ldu = std::max<std::int64_t>(1, m), ldvt = std::max<std::int64_t>(1, vrows);
        auto up = [&](std::int64_t z) { return ucols ? u.data() + z * m * ucols : nullptr; };
        auto vp = [&](std::int64_t z) { return vrows ? vt.data() + z * vrows * n : nullptr; };
        if (a.where() == executor::host) {
            require_host_lapack("svd");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * n;
                info.data()[z] = GPU_ND_LAPACKE(gesdd, gesdd, LAPACK_COL_MAJOR, job, m, n, lp(p), std::max<lp_int>(1, m),
                                              sv.data() + z * k, lp(up(z)), ldu, lp(vp(z)), ldvt);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const signed char j = static_cast<signed char>(job);
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXgesvd_bufferSize(s.handle, s.params, j, j, m, n, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<R>(), sv.data(), solver_type<T>(),
                                                   up(0), ldu, solver_type<T>(), vp(0), ldvt, solver_type<T>(), &dev, &host),
                       "cusolverDnXgesvd_bufferSize");
        solver_workspace ws(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgesvd(s.handle, s.params, j, j, m, n, solver_type<T>(), a.data() + z * m * n,
                                            std::max<lp_int>(1, m), solver_type<R>(), sv.data() + z * k, solver_type<T>(),
                                            up(z), ldu, solver_type<T>(), vp(z), ldvt, solver_type<T>(), ws.dev(), dev,
                                            ws.hst(), host, info.data() + z),
                           "cusolverDnXgesvd");
    }
};

}  // namespace gpu::detail
