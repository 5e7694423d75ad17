#pragma once
// What every gpu::linalg function does first: NumPy's dtype (integers and bool computed in
// float64, float32 and complex kept), NumPy's rank and squareness checks, the stack of matrices as one
// contiguous (batch, rows, cols) array for LAPACK / cuSOLVER (converted and copied in one pass;
// transposed when the routine needs the column-major matrix itself), and broadcasting views.
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/kernel/geometry.hpp"
#include "gpu/linalg/blas_types.hpp"
#include "gpu/linalg/error.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu::detail {

// NumPy's linalg computes float32, complex64 and complex128 in their own dtype and everything else
// (integers, bool, float64) in float64. float16 (and ml_dtypes' bfloat16) NumPy refuses with
// TypeError "array type float16 is unsupported in linalg": here a compile error with its words.
template <class T>
struct linalg_float {
    static_assert(!std::is_same_v<T, float16>, "array type float16 is unsupported in linalg");
    static_assert(!std::is_same_v<T, bfloat16>, "array type bfloat16 is unsupported in linalg");
    using type = double;
};
template <>
struct linalg_float<float> {
    using type = float;
};
template <class F>
struct linalg_float<std::complex<F>> {
    using type = std::complex<typename linalg_float<F>::type>;
};
template <class T>
using linalg_float_t = typename linalg_float<T>::type;

// Of two operands (NumPy's _commonType: float32 only when both are float32 or complex64; complex
// when either is complex).
template <class A, class B>
using linalg_common_t = linalg_float_t<type_of_t<promote(dtype_of_v<linalg_float_t<A>>, dtype_of_v<linalg_float_t<B>>)>>;

// The real type of a linalg dtype: singular values, Hermitian eigenvalues, log|det|, norms.
template <class T>
using linalg_real_t = real_part_t<linalg_float_t<T>>;

template <class T>
void check_matrix_stack(const ndarray<T>& a) {
    if (a.ndim() < 2)
        throw linalg_error(std::to_string(a.ndim()) + "-dimensional array given. Array must be at least two-dimensional");
}

template <class T>
void check_square_stack(const ndarray<T>& a) {
    check_matrix_stack(a);
    if (a.shape()[a.ndim() - 1] != a.shape()[a.ndim() - 2])
        throw linalg_error("Last 2 dimensions of the array must be square");
}

// The leading (batch) axes of a stack of matrices.
template <class T>
shape_t batch_shape(const ndarray<T>& a, int core = 2) {
    shape_t s;
    for (int d = 0; d + core < a.ndim(); ++d) s.push_back(a.shape()[d]);
    return s;
}

inline shape_t join_shape(shape_t s, std::initializer_list<std::int64_t> tail) {
    for (std::int64_t x : tail) s.push_back(x);
    return s;
}

// a as (batch, rows, cols), a view when the batch axes merge, else a copy.
template <class T>
ndarray<T> as_stack(const ndarray<T>& a) {
    const std::int64_t rows = a.shape()[a.ndim() - 2], cols = a.shape()[a.ndim() - 1];
    return a.reshape(shape_t{size_of(batch_shape(a)), rows, cols});
}

// A new contiguous (batch, rows, cols) stack of a's matrices in F, or of their transposes
// (batch, cols, rows): the column-major storage of each matrix, as LAPACK reads it.
template <class F, class T>
ndarray<F> stack_copy(const ndarray<T>& a, bool transpose) {
    ndarray<T> s = as_stack(a);
    if (transpose) s = s.transpose(dims{0, 2, 1});
    return gpu::eval(s.template astype<F>());
}

// a broadcast to `shape` (a view with stride 0 on stretched axes).
template <class T>
ndarray<T> broadcast_view(const ndarray<T>& a, const shape_t& shape) {
    return ndarray<T>(a.buffer(), shape, broadcast_strides(shape, a.shape(), a.strides()), a.offset());
}

// The diagonals of a contiguous (batch, n, n) stack, as a (batch, n) view.
template <class T>
ndarray<T> stack_diagonals(const ndarray<T>& s) {
    const std::int64_t n = s.shape()[1];
    return ndarray<T>(s.buffer(), shape_t{s.shape()[0], n}, strides_t{n * n, n + 1}, s.offset());
}

}  // namespace gpu::detail
