#pragma once
// Matrix products and linear algebra (NumPy's matmul, dot, vdot, inner, outer, tensordot, kron
// and numpy.linalg, and np.cov / np.corrcoef): cuBLAS and cuSOLVER on the GPU, OpenBLAS / LAPACKE
// on the host executor.
// Not part of <gpu/ndarray.hpp> (compile time); include it where products are used. The CMake
// target gpu::ndarray links CUDA::cublas, CUDA::cublasLt and CUDA::cusolver.
#include "gpu/ndarray.hpp"

#include "gpu/linalg/array_api.hpp"
#include "gpu/linalg/decompositions.hpp"
#include "gpu/linalg/einsum.hpp"
#include "gpu/linalg/error.hpp"
#include "gpu/linalg/matmul.hpp"
#include "gpu/linalg/norms.hpp"
#include "gpu/linalg/products.hpp"
#include "gpu/linalg/solve.hpp"
#include "gpu/linalg/statistics.hpp"
#include "gpu/linalg/tf32.hpp"
