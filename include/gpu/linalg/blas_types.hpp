#pragma once
// One table from an element type to what the BLAS libraries call it, so that each product and
// factorization is written once for float32, float64, complex64 and complex128 (and products for
// float16 and bfloat16): cuBLAS's and cuSOLVER's cudaDataType_t, the type of a product's scale
// factors (alpha, beta), the real type of singular values and eigenvalues, and the pointer types
// cuBLAS's typed routines and LAPACKE take (cuComplex, lapack_complex_float: both laid out as
// std::complex, so the arrays' memory is passed as it is).
#include <cuComplex.h>
#include <cublas_v2.h>
#include <library_types.h>

#include <complex>
#include <type_traits>

#include "gpu/core/half.hpp"

namespace gpu::detail {

template <class T>
struct blas_type {
    static constexpr bool ok = false, complex = false, half = false;  // integers and bool: the library's kernel
};
template <>
struct blas_type<float> {
    static constexpr bool ok = true, complex = false, half = false;
    static constexpr cudaDataType_t cuda = CUDA_R_32F;
    using real = float;
    using scale = float;
    using cu = float;
};
template <>
struct blas_type<double> {
    static constexpr bool ok = true, complex = false, half = false;
    static constexpr cudaDataType_t cuda = CUDA_R_64F;
    using real = double;
    using scale = double;
    using cu = double;
};
template <>
struct blas_type<std::complex<float>> {
    static constexpr bool ok = true, complex = true, half = false;
    static constexpr cudaDataType_t cuda = CUDA_C_32F;
    using real = float;
    using scale = std::complex<float>;
    using cu = cuComplex;
};
template <>
struct blas_type<std::complex<double>> {
    static constexpr bool ok = true, complex = true, half = false;
    static constexpr cudaDataType_t cuda = CUDA_C_64F;
    using real = double;
    using scale = std::complex<double>;
    using cu = cuDoubleComplex;
};
// Products only (cuBLAS has no half factorization, NumPy none either): stored in the half type,
// computed in float32 (CUBLAS_COMPUTE_32F, float scale factors), rounded once.
template <>
struct blas_type<float16> {
    static constexpr bool ok = true, complex = false, half = true;
    static constexpr cudaDataType_t cuda = CUDA_R_16F;
    using real = float16;
    using scale = float;
};
template <>
struct blas_type<bfloat16> {
    static constexpr bool ok = true, complex = false, half = true;
    static constexpr cudaDataType_t cuda = CUDA_R_16BF;
    using real = bfloat16;
    using scale = float;
};

template <class T>
inline constexpr bool has_blas_v = blas_type<T>::ok;
template <class T>
inline constexpr bool is_complex_v = false;
template <class T>
inline constexpr bool is_complex_v<std::complex<T>> = true;

// The real type of T's singular values, eigenvalues of Hermitian matrices and norms.
template <class T>
using real_part_t = typename blas_type<T>::real;

// T's memory as cuBLAS's / cuSOLVER's typed routines take it (cuComplex for complex64, ...).
template <class T>
auto* cu_ptr(T* p) {
    using C = typename blas_type<std::remove_const_t<T>>::cu;
    if constexpr (std::is_const_v<T>) return reinterpret_cast<const C*>(p);
    else return reinterpret_cast<C*>(p);
}

// The compute type of a product: float64 for float64 and complex128, float32 (TF32 when allowed)
// for float32 and complex64, float32 for the half types (NumPy accumulates float16 in float).
template <class T>
cublasComputeType_t gemm_compute_type(bool allow_tf32) {
    if constexpr (std::is_same_v<typename blas_type<T>::real, double>) return CUBLAS_COMPUTE_64F;
    else if constexpr (blas_type<T>::half) return CUBLAS_COMPUTE_32F;
    else return allow_tf32 ? CUBLAS_COMPUTE_32F_FAST_TF32 : CUBLAS_COMPUTE_32F;
}

}  // namespace gpu::detail
