#pragma once
// gpu::linalg on LU: solve, inv, det, slogdet, and matrix_power (which needs inv for n < 0).
// Batched over leading axes as NumPy (solve broadcasts them). Layout: a C-contiguous matrix is
// the column-major storage of its transpose, so the LU is of A^T and getrs solves with op T
// (A x = b); inv(A^T)^T = inv(A) and det(A^T) = det(A), so inv and det need no transpose.
// Complex stacks take the same path (transposes, never conjugates); slogdet's sign is then the
// product of the pivots' phases, as NumPy's.
#include <cublas_v2.h>

#include <cstdint>
#include <type_traits>
#include <vector>

#include "gpu/creation/fill.hpp"
#include "gpu/creation/matrices.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/linalg/batch_kernels.hpp"
#include "gpu/linalg/lapack.hpp"
#include "gpu/linalg/matmul.hpp"
#include "gpu/linalg/stack.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu {
namespace detail {

// The LU of a stack of A, with pivots and info. A is copied in column-major order, as NumPy
// hands it to LAPACK: factoring A^T instead gives other rounding, so a matrix NumPy finds exactly
// singular (a zero pivot, "Singular matrix", det 0) could come out merely ill-conditioned.
template <class F>
struct lu_stack {
    ndarray<F> lu;
    ndarray<std::int64_t> ipiv;
    ndarray<int> info;
    std::int64_t n = 0;
};

// Stacks this small (n <= 64, several matrices) take cuBLAS's batched LU on the GPU: one call
// for the whole stack instead of one cuSOLVER call per matrix.
inline bool use_batched_lu(executor where, std::int64_t batch, std::int64_t n) {
    return where == executor::cuda && batch >= 2 && n <= 64;
}

// Device array of `count` pointers base + i * stride (written by the batch_pointers kernel).
// The kernel steps in bytes (one instantiation, unsigned char), so any element type works: the
// kernels do not see gnd::complex's definition through a name expression alone.
template <class F>
F** batch_pointer_array(ndarray<std::uint64_t>& ptrs, std::int64_t at, F* base, std::int64_t stride, std::int64_t count) {
    using byte = unsigned char;
    F** out = reinterpret_cast<F**>(ptrs.data()) + at;
    const cudaKernel_t k = get_kernel(kernel_slots<batch_pointers_kernel<byte>>::slot[0],
                                      [] { return batch_pointers_kernel<byte>::source(); });
    kernel_args<64, 4> args;
    args.push(reinterpret_cast<byte**>(out));
    args.push(reinterpret_cast<byte*>(base));
    args.push(static_cast<long long>(stride * static_cast<std::int64_t>(sizeof(F))));
    args.push(static_cast<long long>(count));
    launch(k, {.gx = static_cast<unsigned>(ceil_div(count, block_threads))}, args.argv, "building batch pointers", ptrs);
    return out;
}

// cuBLAS's batched LU of a contiguous (batch, n, n) stack in place; int32 pivots into piv.
template <class F>
void getrf_batched_cublas(ndarray<F>& s, ndarray<int>& piv, ndarray<int>& info, ndarray<std::uint64_t>& ptrs) {
    const std::int64_t batch = s.shape()[0], n = s.shape()[1];
    F** a_ptrs = batch_pointer_array<F>(ptrs, 0, s.data(), n * n, batch);
    note_stream_use(s), note_stream_use(piv), note_stream_use(info);
    const cublas_call call = cublas_for_call();
    const int in = static_cast<int>(n), ib = static_cast<int>(batch);
    using T = F;  // GPU_ND_CUDA_TYPED picks by T
    auto* const* ap = reinterpret_cast<typename blas_type<F>::cu* const*>(a_ptrs);
    cublas_check(GPU_ND_CUDA_TYPED(cublas, getrfBatched, getrfBatched, call.handle, in, ap, in, piv.data(), info.data(), ib),
                 "cublas<t>getrfBatched");
}

template <class F, class T>
lu_stack<F> lu_of(const ndarray<T>& a) {
    lu_stack<F> r;
    r.n = a.shape()[a.ndim() - 1];
    r.lu = stack_copy<F>(a, true);
    const std::int64_t batch = r.lu.shape()[0];
    r.info = ndarray<int>(shape_t{batch}, a.where());
    if (batch > 0 && r.n > 0 && use_batched_lu(a.where(), batch, r.n)) {
        ndarray<int> piv(shape_t{batch, r.n}, executor::cuda);
        ndarray<std::uint64_t> ptrs(shape_t{batch}, executor::cuda);
        getrf_batched_cublas(r.lu, piv, r.info, ptrs);
        r.ipiv = gpu::eval(piv.template astype<std::int64_t>());
        return r;
    }
    r.ipiv = ndarray<std::int64_t>(shape_t{batch, r.n}, a.where());
    if (batch > 0 && r.n > 0) lapack<F>::getrf(r.lu, r.n, r.ipiv, r.info);
    return r;
}

// Row interchanges of each LU: odd counts flip the determinant's sign. (batch,) of +-1 in F.
template <class F>
ndarray<F> permutation_sign(const lu_stack<F>& f) {
    const auto swaps = gpu::sum(gpu::not_equal(f.ipiv, gpu::arange<std::int64_t>(1, f.n + 1)), -1);
    return gpu::eval(gpu::astype<F>(1 - 2 * (swaps % 2)));
}

// Inverses of a stack of small matrices through cuBLAS's batched LU and inverse (one call each
// for the whole stack, rather than a cuSOLVER call per matrix).
template <class F>
ndarray<F> inv_batched_cublas(ndarray<F>& s, ndarray<int>& info) {
    const std::int64_t batch = s.shape()[0], n = s.shape()[1];
    ndarray<F> out(s.shape(), executor::cuda);
    ndarray<std::uint64_t> ptrs(shape_t{2 * batch}, executor::cuda);
    ndarray<int> piv(shape_t{batch, n}, executor::cuda);
    getrf_batched_cublas(s, piv, info, ptrs);  // pointers to s at [0, batch)
    F** a_ptrs = reinterpret_cast<F**>(ptrs.data());
    F** c_ptrs = batch_pointer_array<F>(ptrs, batch, out.data(), n * n, batch);
    note_stream_use(out);
    const cublas_call call = cublas_for_call();
    const int in = static_cast<int>(n), ib = static_cast<int>(batch);
    using T = F;  // GPU_ND_CUDA_TYPED picks by T
    using C = typename blas_type<F>::cu;
    cublas_check(GPU_ND_CUDA_TYPED(cublas, getriBatched, getriBatched, call.handle, in,
                                   reinterpret_cast<const C* const*>(a_ptrs), in, piv.data(),
                                   reinterpret_cast<C* const*>(c_ptrs), in, info.data(), ib),
                 "cublas<t>getriBatched");
    return out;
}

}  // namespace detail

namespace linalg {

// np.linalg.solve(a, b): a (..., M, M); b (M,) (one vector) or (..., M, K), batch axes broadcast.
template <class A, class B>
ndarray<gpu::detail::linalg_common_t<A, B>> solve(const ndarray<A>& a, const ndarray<B>& b) {
    using F = gpu::detail::linalg_common_t<A, B>;
    namespace d = gpu::detail;
    if (a.where() != b.where()) d::throw_mixed_executors(a.where(), b.where());
    d::check_square_stack(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    const bool vector = b.ndim() == 1;
    if (b.ndim() == 0) throw value_error("solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)");
    const std::int64_t bn = vector ? b.shape()[0] : b.shape()[b.ndim() - 2];
    if (bn != n)
        throw value_error(std::string(vector ? "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)"
                                             : "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)") +
                          " (size " + std::to_string(bn) + " is different from " + std::to_string(n) + ")");
    const std::int64_t nrhs = vector ? 1 : b.shape()[b.ndim() - 1];
    const shape_t batch = broadcast_shapes(d::batch_shape(a), vector ? shape_t{} : d::batch_shape(b));
    const shape_t out_shape = vector ? d::join_shape(batch, {n}) : d::join_shape(batch, {n, nrhs});
    if (size_of(out_shape) == 0 || n == 0) return ndarray<F>(out_shape, a.where());
    const ndarray<A> ab = d::broadcast_view(a, d::join_shape(batch, {n, n}));
    d::lu_stack<F> f = d::lu_of<F>(ab);
    d::check_info(f.info, "Singular matrix");
    // Right-hand sides in column-major: (batch, nrhs, n).
    ndarray<F> x = vector ? gpu::eval(d::broadcast_view(b, d::join_shape(batch, {n})).template astype<F>())
                                .reshape(shape_t{f.lu.shape()[0], 1, n})
                          : d::stack_copy<F>(d::broadcast_view(b, d::join_shape(batch, {n, nrhs})), true);
    d::lapack<F>::getrs(f.lu, f.ipiv, x, n, nrhs, false, f.info);
    if (vector) return x.reshape(out_shape);
    return gpu::eval(x.transpose(dims{0, 2, 1})).reshape(out_shape);
}

// np.linalg.inv(a).
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> inv(const ndarray<T>& a) {
    using F = gpu::detail::linalg_float_t<T>;
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (a.size() == 0) return ndarray<F>(a.shape(), a.where());
    const std::int64_t batch = a.size() / (n * n);
    if (d::use_batched_lu(a.where(), batch, n)) {
        ndarray<F> s = d::stack_copy<F>(a, true);
        ndarray<int> info(shape_t{batch}, executor::cuda);
        const ndarray<F> r = d::inv_batched_cublas(s, info);  // inv(A) in column-major
        d::check_info(info, "Singular matrix");
        return gpu::eval(r.transpose(dims{0, 2, 1})).reshape(a.shape());
    }
    d::lu_stack<F> f = d::lu_of<F>(a);
    d::check_info(f.info, "Singular matrix");
    ndarray<F> x = gpu::eval(d::broadcast_view(gpu::eye<F>(n), shape_t{batch, n, n}));
    d::lapack<F>::getrs(f.lu, f.ipiv, x, n, n, true, f.info);  // inv(A^T) in column-major is inv(A) in row-major
    return x.reshape(a.shape());
}

// np.linalg.det(a).
template <class T>
ndarray<gpu::detail::linalg_float_t<T>> det(const ndarray<T>& a) {
    using F = gpu::detail::linalg_float_t<T>;
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (size_of(batch) == 0) return ndarray<F>(batch, a.where());
    if (n == 0) return gpu::ones<F>(batch);
    const d::lu_stack<F> f = d::lu_of<F>(a);
    const ndarray<F> p = gpu::prod(d::stack_diagonals(f.lu), -1);
    return gpu::eval(p * d::permutation_sign(f)).reshape(batch);
}

// sign has the dtype of the computation (complex for complex input: a unit phase), logabsdet
// its real type.
template <class F>
struct slogdet_result {
    ndarray<F> sign;
    ndarray<gpu::detail::real_part_t<F>> logabsdet;
};

// np.linalg.slogdet(a): (sign, log|det|); a singular matrix gives (0, -inf).
template <class T>
slogdet_result<gpu::detail::linalg_float_t<T>> slogdet(const ndarray<T>& a) {
    using F = gpu::detail::linalg_float_t<T>;
    using Re = gpu::detail::real_part_t<F>;
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const shape_t batch = d::batch_shape(a);
    const std::int64_t n = a.shape()[a.ndim() - 1];
    if (size_of(batch) == 0) return {ndarray<F>(batch, a.where()), ndarray<Re>(batch, a.where())};
    if (n == 0) return {gpu::ones<F>(batch), gpu::zeros<Re>(batch)};
    const d::lu_stack<F> f = d::lu_of<F>(a);
    const ndarray<F> diag = d::stack_diagonals(f.lu);
    const ndarray<Re> mag = gpu::eval(gpu::abs(diag));
    ndarray<F> signs;
    if constexpr (d::is_complex_v<F>) signs = gpu::eval(gpu::where(mag == Re(0), F(0), diag / mag));  // the pivots' phases
    else signs = gpu::eval(gpu::astype<F>(gpu::where(diag > F(0), 1, gpu::where(diag < F(0), -1, 0))));
    const ndarray<F> sign = gpu::eval(gpu::prod(signs, -1) * d::permutation_sign(f));
    const ndarray<Re> logabs = gpu::sum(gpu::log(mag), -1);
    return {sign.reshape(batch), logabs.reshape(batch)};
}

// np.linalg.matrix_power(a, n): repeated squaring by matmul; n < 0 inverts first (floats).
template <class T>
ndarray<T> matrix_power(const ndarray<T>& a, std::int64_t n) {
    namespace d = gpu::detail;
    d::check_square_stack(a);
    const std::int64_t m = a.shape()[a.ndim() - 1];
    if (n == 0) return gpu::eval(d::broadcast_view(gpu::eye<T>(m), a.shape()));
    ndarray<T> base = a;
    if (n < 0) {
        if constexpr (d::blas_type<T>::half) throw type_error(std::string("array type ") + std::string(dtype_name_v<T>) + " is unsupported in linalg");
        else if constexpr (d::gnd::is_inexact<T>) base = inv(a);
        else throw type_error("matrix_power: integer matrices cannot be raised to negative powers");
        n = -n;
    }
    ndarray<T> result;
    bool have = false;
    while (true) {
        if (n & 1) result = have ? matmul(result, base) : base, have = true;
        n >>= 1;
        if (!n) break;
        base = matmul(base, base);
    }
    return result.buffer() == a.buffer() ? result.copy() : result;
}

}  // namespace linalg
}  // namespace gpu
