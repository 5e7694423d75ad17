#pragma once
// NumPy's numpy.linalg.LinAlgError (a ValueError there, a value_error here): a factorization
// that cannot complete ("Singular matrix", "Matrix is not positive definite", "SVD did not
// converge"), and the status checks of cuBLAS and cuSOLVER calls.
#include <cublas_v2.h>
#include <cusolverDn.h>

#include <string>

#include "gpu/core/error.hpp"

namespace gpu {

struct linalg_error : value_error {
    using value_error::value_error;
};

namespace detail {

inline void cublas_check(cublasStatus_t s, const char* what) {
    if (s != CUBLAS_STATUS_SUCCESS)
        throw cuda_error(std::string(what) + " failed: " + cublasGetStatusName(s) + " (" + cublasGetStatusString(s) + ")",
                         static_cast<int>(s));
}

inline void cusolver_check(cusolverStatus_t s, const char* what) {
    if (s != CUSOLVER_STATUS_SUCCESS)
        throw cuda_error(std::string(what) + " failed: cusolverStatus_t " + std::to_string(static_cast<int>(s)),
                         static_cast<int>(s));
}

}  // namespace detail
}  // namespace gpu
