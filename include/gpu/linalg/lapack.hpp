#pragma once
// The factorizations gpu::linalg is built on, on stacks of column-major matrices: cuSOLVER on
// the GPU (its 64-bit API, one call per matrix of the stack, device workspaces from the pool
// as temporaries of the call), LAPACKE on the host executor. A stack is a C-contiguous ndarray
// of shape (batch, cols, rows): matrix z starts at z * rows * cols and has leading dimension rows.
// Every routine writes LAPACK's info per matrix into `info` (int32, on the stack's executor);
// check_info turns it into NumPy's LinAlgError.
#include <cusolverDn.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/linalg/error.hpp"
#include "gpu/linalg/handles.hpp"
#include "gpu/linalg/host_blas.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu::detail {

template <class T>
constexpr cudaDataType_t solver_type() {
    return sizeof(T) == 4 ? CUDA_R_32F : CUDA_R_64F;
}

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

#if defined(GPU_NDARRAY_HAVE_LAPACKE)
#define GPU_ND_LAPACKE(S, D, ...) (sizeof(T) == 4 ? LAPACKE_##S(__VA_ARGS__) : LAPACKE_##D(__VA_ARGS__))
#endif

template <class T>
struct lapack {
    using lp_int = std::int64_t;

    // LU with partial pivoting of m x m matrices; ipiv (batch, m) int64, 1-based as LAPACK's.
    static void getrf(ndarray<T>& a, std::int64_t m, ndarray<std::int64_t>& ipiv, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("LU factorization");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            std::vector<lapack_int> piv(static_cast<std::size_t>(std::max<std::int64_t>(m, 1)));
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                int r;
                if constexpr (sizeof(T) == 4) r = LAPACKE_sgetrf(LAPACK_COL_MAJOR, m, m, (float*)p, std::max<lp_int>(1, m), piv.data());
                else r = LAPACKE_dgetrf(LAPACK_COL_MAJOR, m, m, (double*)p, std::max<lp_int>(1, m), piv.data());
                info.data()[z] = r;
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

    // Solves op(A) X = B with A's LU; b (batch, nrhs, m) column-major, overwritten by X.
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
                int r;
                if constexpr (sizeof(T) == 4)
                    r = LAPACKE_sgetrs(LAPACK_COL_MAJOR, trans ? 'T' : 'N', m, nrhs, (const float*)p, std::max<lp_int>(1, m),
                                       piv.data(), (float*)q, std::max<lp_int>(1, m));
                else
                    r = LAPACKE_dgetrs(LAPACK_COL_MAJOR, trans ? 'T' : 'N', m, nrhs, (const double*)p, std::max<lp_int>(1, m),
                                       piv.data(), (double*)q, std::max<lp_int>(1, m));
                info.data()[z] = r;
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

    // Cholesky of m x m matrices from their upper triangle: A = U^T U, U in the upper triangle.
    static void potrf_upper(ndarray<T>& a, std::int64_t m, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("cholesky");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                if constexpr (sizeof(T) == 4) info.data()[z] = LAPACKE_spotrf(LAPACK_COL_MAJOR, 'U', m, (float*)p, std::max<lp_int>(1, m));
                else info.data()[z] = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', m, (double*)p, std::max<lp_int>(1, m));
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
                if constexpr (sizeof(T) == 4) info.data()[z] = LAPACKE_sgeqrf(LAPACK_COL_MAJOR, m, n, (float*)p, std::max<lp_int>(1, m), (float*)t);
                else info.data()[z] = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m, n, (double*)p, std::max<lp_int>(1, m), (double*)t);
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
    // k reflectors. q is (batch, qcols, m).
    static void orgqr(ndarray<T>& q, std::int64_t m, std::int64_t qcols, std::int64_t k, const ndarray<T>& tau,
                      ndarray<int>& info) {
        const std::int64_t batch = q.shape()[0];
        if (q.where() == executor::host) {
            require_host_lapack("qr");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = q.data() + z * m * qcols;
                const T* t = tau.data() + z * k;
                if constexpr (sizeof(T) == 4) info.data()[z] = LAPACKE_sorgqr(LAPACK_COL_MAJOR, m, qcols, k, (float*)p, std::max<lp_int>(1, m), (const float*)t);
                else info.data()[z] = LAPACKE_dorgqr(LAPACK_COL_MAJOR, m, qcols, k, (double*)p, std::max<lp_int>(1, m), (const double*)t);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const int im = static_cast<int>(m), iq = static_cast<int>(qcols), ik = static_cast<int>(k), ld = std::max(1, im);
        int lwork = 0;
        if constexpr (sizeof(T) == 4)
            cusolver_check(cusolverDnSorgqr_bufferSize(s.handle, im, iq, ik, (const float*)q.data(), ld, (const float*)tau.data(), &lwork), "cusolverDnSorgqr_bufferSize");
        else
            cusolver_check(cusolverDnDorgqr_bufferSize(s.handle, im, iq, ik, (const double*)q.data(), ld, (const double*)tau.data(), &lwork), "cusolverDnDorgqr_bufferSize");
        solver_workspace w(static_cast<std::size_t>(std::max(lwork, 1)) * sizeof(T), 0);
        for (std::int64_t z = 0; z < batch; ++z) {
            T* p = q.data() + z * m * qcols;
            const T* t = tau.data() + z * k;
            if constexpr (sizeof(T) == 4)
                cusolver_check(cusolverDnSorgqr(s.handle, im, iq, ik, (float*)p, ld, (const float*)t, (float*)w.dev(), lwork, info.data() + z), "cusolverDnSorgqr");
            else
                cusolver_check(cusolverDnDorgqr(s.handle, im, iq, ik, (double*)p, ld, (const double*)t, (double*)w.dev(), lwork, info.data() + z), "cusolverDnDorgqr");
        }
    }

    // Symmetric eigenproblem of m x m matrices from one triangle (upper: true for the upper
    // triangle of the column-major matrix); ascending eigenvalues in w (batch, m), eigenvectors
    // (columns) over a when vectors.
    static void syevd(ndarray<T>& a, std::int64_t m, bool upper, bool vectors, ndarray<T>& w, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0];
        if (a.where() == executor::host) {
            require_host_lapack("eigh");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                T* e = w.data() + z * m;
                if constexpr (sizeof(T) == 4) info.data()[z] = LAPACKE_ssyevd(LAPACK_COL_MAJOR, vectors ? 'V' : 'N', upper ? 'U' : 'L', m, (float*)p, std::max<lp_int>(1, m), (float*)e);
                else info.data()[z] = LAPACKE_dsyevd(LAPACK_COL_MAJOR, vectors ? 'V' : 'N', upper ? 'U' : 'L', m, (double*)p, std::max<lp_int>(1, m), (double*)e);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const cusolverEigMode_t jobz = vectors ? CUSOLVER_EIG_MODE_VECTOR : CUSOLVER_EIG_MODE_NOVECTOR;
        const cublasFillMode_t uplo = upper ? CUBLAS_FILL_MODE_UPPER : CUBLAS_FILL_MODE_LOWER;
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXsyevd_bufferSize(s.handle, s.params, jobz, uplo, m, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<T>(), w.data(), solver_type<T>(),
                                                   &dev, &host),
                       "cusolverDnXsyevd_bufferSize");
        solver_workspace ws(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXsyevd(s.handle, s.params, jobz, uplo, m, solver_type<T>(), a.data() + z * m * m,
                                            std::max<lp_int>(1, m), solver_type<T>(), w.data() + z * m, solver_type<T>(),
                                            ws.dev(), dev, ws.hst(), host, info.data() + z),
                           "cusolverDnXsyevd");
    }

    // General (non-symmetric) eigenproblem of m x m matrices: w (batch, 2m) holds the real parts
    // then the imaginary parts (LAPACK's WR, WI), vr (batch, m, m) the right eigenvectors
    // (columns, unit norm) when vectors. a is destroyed.
    static void geev(ndarray<T>& a, std::int64_t m, bool vectors, ndarray<T>& w, ndarray<T>& vr, ndarray<int>& info) {
        const std::int64_t batch = a.shape()[0], ld = std::max<std::int64_t>(1, m);
        auto vp = [&](std::int64_t z) { return vectors ? vr.data() + z * m * m : nullptr; };
        if (a.where() == executor::host) {
            require_host_lapack("eig");
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
            for (std::int64_t z = 0; z < batch; ++z) {
                T* p = a.data() + z * m * m;
                T* wr = w.data() + z * 2 * m;
                if constexpr (sizeof(T) == 4)
                    info.data()[z] = LAPACKE_sgeev(LAPACK_COL_MAJOR, 'N', vectors ? 'V' : 'N', m, (float*)p, ld, (float*)wr,
                                                   (float*)wr + m, nullptr, 1, (float*)vp(z), ld);
                else
                    info.data()[z] = LAPACKE_dgeev(LAPACK_COL_MAJOR, 'N', vectors ? 'V' : 'N', m, (double*)p, ld, (double*)wr,
                                                   (double*)wr + m, nullptr, 1, (double*)vp(z), ld);
            }
#endif
            return;
        }
        // All data types real: W holds the real parts then the imaginary parts, as LAPACK's.
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
                                           ld, t, w.data() + z * 2 * m, t, nullptr, 1, t, vp(z), ld, t, ws.dev(), dev,
                                           ws.hst(), host, info.data() + z),
                           "cusolverDnXgeev");
    }

    // SVD of m x n matrices with m >= n (cuSOLVER's gesvd requires it; callers transpose).
    // job: 'N' (values only), 'S' (u: (batch, k, m), vt: (batch, n, k)) or 'A' (u: (batch, m, m),
    // vt: (batch, n, n)); s (batch, k), k = n. a is destroyed.
    static void gesvd(ndarray<T>& a, std::int64_t m, std::int64_t n, char job, ndarray<T>& sv, ndarray<T>& u,
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
                if constexpr (sizeof(T) == 4)
                    info.data()[z] = LAPACKE_sgesdd(LAPACK_COL_MAJOR, job, m, n, (float*)p, std::max<lp_int>(1, m),
                                                    (float*)sv.data() + z * k, (float*)up(z), ldu, (float*)vp(z), ldvt);
                else
                    info.data()[z] = LAPACKE_dgesdd(LAPACK_COL_MAJOR, job, m, n, (double*)p, std::max<lp_int>(1, m),
                                                    (double*)sv.data() + z * k, (double*)up(z), ldu, (double*)vp(z), ldvt);
            }
#endif
            return;
        }
        const cusolver_call s = cusolver_for_call();
        const signed char j = static_cast<signed char>(job);
        std::size_t dev = 0, host = 0;
        cusolver_check(cusolverDnXgesvd_bufferSize(s.handle, s.params, j, j, m, n, solver_type<T>(), a.data(),
                                                   std::max<lp_int>(1, m), solver_type<T>(), sv.data(), solver_type<T>(),
                                                   up(0), ldu, solver_type<T>(), vp(0), ldvt, solver_type<T>(), &dev, &host),
                       "cusolverDnXgesvd_bufferSize");
        solver_workspace ws(dev, host);
        for (std::int64_t z = 0; z < batch; ++z)
            cusolver_check(cusolverDnXgesvd(s.handle, s.params, j, j, m, n, solver_type<T>(), a.data() + z * m * n,
                                            std::max<lp_int>(1, m), solver_type<T>(), sv.data() + z * k, solver_type<T>(),
                                            up(z), ldu, solver_type<T>(), vp(z), ldvt, solver_type<T>(), ws.dev(), dev,
                                            ws.hst(), host, info.data() + z),
                           "cusolverDnXgesvd");
    }
};

}  // namespace gpu::detail
