#pragma once
// The host executor's BLAS and LAPACK: OpenBLAS (or any CBLAS) and LAPACKE when the build found
// them (GPU_NDARRAY_HAVE_LAPACKE, set by the CMake target). Without them, float products on the
// host run the library's own loop (linalg/matmul_kernels.hpp) and factorizations throw a
// gpu::error that says how to get them.
#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/core/error.hpp"

#if defined(GPU_NDARRAY_HAVE_LAPACKE)
#include <cblas.h>
#include <lapacke.h>
#endif

namespace gpu::linalg {

// Whether the host executor has BLAS / LAPACK (factorizations, solve, svd, ... on the host).
constexpr bool host_lapack_available() {
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
    return true;
#else
    return false;
#endif
}

}  // namespace gpu::linalg

namespace gpu::detail {

inline void require_host_lapack(const char* what) {
    if (!linalg::host_lapack_available())
        throw error(std::string(what) +
                    ": the host executor needs LAPACKE and a BLAS (e.g. Debian's liblapacke-dev and libopenblas-dev) "
                    "found when gpu_ndarray was configured; this build has none. Run it on the GPU or reconfigure with them");
}

#if defined(GPU_NDARRAY_HAVE_LAPACKE)
// C = op(A) op(B), row-major, through CBLAS. op: 'N', 'T' (the stored matrix is the transpose)
// or 'C' (the conjugate transpose: vdot's first operand).
inline CBLAS_TRANSPOSE cblas_op(char op) { return op == 'N' ? CblasNoTrans : op == 'T' ? CblasTrans : CblasConjTrans; }

template <class T>
void host_gemm(char op_a, char op_b, std::int64_t n, std::int64_t m, std::int64_t k, const T* a, std::int64_t lda,
               const T* b, std::int64_t ldb, T* c, std::int64_t ldc) {
    const CBLAS_TRANSPOSE ta = cblas_op(op_a), tb = cblas_op(op_b);
    const T one = T(1), zero = T(0);
    if constexpr (std::is_same_v<T, float>)
        cblas_sgemm(CblasRowMajor, ta, tb, (int)n, (int)m, (int)k, one, a, (int)lda, b, (int)ldb, zero, c, (int)ldc);
    else if constexpr (std::is_same_v<T, double>)
        cblas_dgemm(CblasRowMajor, ta, tb, (int)n, (int)m, (int)k, one, a, (int)lda, b, (int)ldb, zero, c, (int)ldc);
    else if constexpr (std::is_same_v<T, std::complex<float>>)
        cblas_cgemm(CblasRowMajor, ta, tb, (int)n, (int)m, (int)k, &one, a, (int)lda, b, (int)ldb, &zero, c, (int)ldc);
    else
        cblas_zgemm(CblasRowMajor, ta, tb, (int)n, (int)m, (int)k, &one, a, (int)lda, b, (int)ldb, &zero, c, (int)ldc);
}
#endif

}  // namespace gpu::detail
