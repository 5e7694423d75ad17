#pragma once
// gpu::matmul: NumPy's matmul (the `@` operator), on both executors.
//
//   float32 / float64 on the GPU: cuBLAS. cuBLAS is column-major and the result is C-contiguous
//     row-major, so C = A B is computed as C^T = B^T A^T: a row-major view is its transpose in
//     column-major, and a column-major view (a transposed array) is an op flag. Either way the
//     operand goes as a pointer and a leading dimension, never copied, when one of its two axes
//     has unit stride; only other layouts are copied. A batch whose broadcast batch strides
//     collapse to one axis is one strided-batched call (stride 0 for a broadcast operand), a
//     (batch, n, k) @ (k, m) product of a contiguous stack is one plain product of batch * n rows,
//     a matrix times a vector is gemv. TF32: gpu::linalg::set_allow_tf32 (linalg/tf32.hpp).
//   integers and bool: the library's tiled kernel (linalg/matmul_kernels.hpp), exact and wrapping.
//   host executor: CBLAS for floats when found (host_blas.hpp), else the kernel's host loop.
// Operands of different dtypes are converted to the result dtype (np.result_type) first.
#include <cublas_v2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/geometry.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/linalg/handles.hpp"
#include "gpu/linalg/host_blas.hpp"
#include "gpu/linalg/matmul_kernels.hpp"
#include "gpu/linalg/matmul_plan.hpp"
#include "gpu/linalg/tf32.hpp"

namespace gpu {
namespace detail {

// np.result_type of two array dtypes, as a C++ type.
template <class A, class B>
using product_t = type_of_t<promote(dtype_of_v<A>, dtype_of_v<B>)>;


// Both operands readable by BLAS: an operand whose matrix is neither row- nor column-major with
// a valid leading dimension is copied (C-contiguous), and the plan redone.
template <class R>
void make_blas_readable(ndarray<R>& a, ndarray<R>& b, matmul_plan& p) {
    const bool a_ok = blas_layout_of(p.n, p.k, p.a_rs, p.a_cs).ok, b_ok = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs).ok;
    if (a_ok && b_ok) return;
    if (!a_ok) a = a.copy();
    if (!b_ok) b = b.copy();
    p = plan_matmul(a, b);
}

// Batch offsets of the outer batch axes (all but the innermost after collapsing), by odometer.
struct batch_walk {
    shape_t shape;
    std::array<strides_t, 3> st;  // C, A, B
    std::int64_t outer = 1;

    explicit batch_walk(const matmul_plan& p) : shape(p.batch) {
        strides_t c = c_strides(p.batch);
        for (int d = 0; d < c.size(); ++d) c[d] *= p.n * p.m;
        st = {c, p.a_bs, p.b_bs};
        collapse_axes(shape, st);
        for (int d = 0; d + 1 < shape.size(); ++d) outer *= shape[d];
    }
    std::int64_t inner() const { return shape[shape.size() - 1]; }
    std::int64_t inner_stride(int which) const { return st[which][shape.size() - 1]; }
    // Offsets (elements) of outer batch number `o` for C, A, B.
    std::array<std::int64_t, 3> offsets(std::int64_t o) const {
        std::array<std::int64_t, 3> off{0, 0, 0};
        for (int d = shape.size() - 2; d >= 0; --d) {
            const std::int64_t i = o % shape[d];
            o /= shape[d];
            for (int w = 0; w < 3; ++w) off[w] += i * st[w][d];
        }
        return off;
    }
};

template <class R>
void matmul_host(const ndarray<R>& a, const ndarray<R>& b, ndarray<R>& out, const matmul_plan& p0) {
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
    if constexpr (std::is_floating_point_v<R>) {
        ndarray<R> ar = a, br = b;
        matmul_plan p = p0;
        make_blas_readable(ar, br, p);
        const blas_layout la = blas_layout_of(p.n, p.k, p.a_rs, p.a_cs), lb = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs);
        const batch_walk w(p);
        for (std::int64_t o = 0; o < w.outer; ++o) {
            const auto off = w.offsets(o);
            for (std::int64_t i = 0; i < w.inner(); ++i)
                host_gemm<R>(!la.row_major, !lb.row_major, p.n, p.m, p.k, ar.data() + off[1] + i * w.inner_stride(1),
                             la.ld, br.data() + off[2] + i * w.inner_stride(2), lb.ld,
                             out.data() + off[0] + i * w.inner_stride(0), std::max<std::int64_t>(1, p.m));
        }
        return;
    }
#endif
    matmul_on_host_loop<R>(a.data(), b.data(), out.data(), p0.n, p0.k, p0.m, p0.a_rs, p0.a_cs, p0.b_rs, p0.b_cs, p0.batch,
                           p0.a_bs, p0.b_bs);
}

template <class R>
void matmul_cuda_kernel(const ndarray<R>& a, const ndarray<R>& b, ndarray<R>& out, const matmul_plan& p) {
    shape_t bshape = p.batch;
    strides_t cst = c_strides(p.batch);
    std::array<strides_t, 3> st{cst, p.a_bs, p.b_bs};
    collapse_axes(bshape, st);
    const std::int64_t batches = size_of(bshape);
    const std::int64_t gy = ceil_div(p.n, matmul_tile<R>);
    if (gy > 65535) throw value_error("matmul: integer products of more than " + std::to_string(65535 * matmul_tile<R>) + " rows are not supported on the GPU");
    kernel_args<512, 16> args;
    args.push(a.data());
    args.push(b.data());
    args.push(out.data());
    for (std::int64_t v : {p.n, p.k, p.m, p.a_rs, p.a_cs, p.b_rs, p.b_cs, batches}) args.push(static_cast<long long>(v));
    args.push(static_cast<int>(bshape.size()));
    args.push_dims<long long>(bshape, max_ndim);
    args.push_dims<long long>(st[1], max_ndim);
    args.push_dims<long long>(st[2], max_ndim);
    const cudaKernel_t kernel =
        get_kernel(kernel_slots<matmul_tiled_kernel<R>>::slot[0], [] { return matmul_tiled_kernel<R>::source(); });
    launch_shape s;
    s.gx = static_cast<unsigned>(ceil_div(p.m, matmul_tile<R>));
    s.gy = static_cast<unsigned>(gy);
    s.gz = static_cast<unsigned>(std::min<std::int64_t>(batches, 65535));
    launch(kernel, s, args.argv, "launching the matmul kernel", a, b, out);
}

template <class R>
constexpr cudaDataType_t cuda_data_type() {
    return sizeof(R) == 4 ? CUDA_R_32F : CUDA_R_64F;
}

// The cuBLAS path (float32 / float64), see the top of this file.
template <class R>
void matmul_cublas(ndarray<R> a, ndarray<R> b, ndarray<R>& out, matmul_plan p) {
    make_blas_readable(a, b, p);
    const blas_layout la = blas_layout_of(p.n, p.k, p.a_rs, p.a_cs), lb = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs);
    note_stream_use(a), note_stream_use(b), note_stream_use(out);
    const cublas_call call = cublas_for_call();
    const R one = 1, zero = 0;
    const batch_walk w(p);
    const std::int64_t total = w.outer * w.inner();

    // A matrix times a vector: gemv (a strided vector is its increment).
    if (total == 1 && (p.m == 1 || p.n == 1)) {
        const bool av = p.m == 1;  // A @ x (else x @ B)
        const blas_layout& lm = av ? la : lb;
        const std::int64_t inc = av ? p.b_rs : p.a_cs;
        const std::int64_t rows = av ? p.n : p.m, len = p.k;
        if (inc >= 1 || len <= 1) {
            // The stored column-major matrix: A row-major is A^T (k x n), column-major is A (n x k);
            // B row-major is B^T (m x k), column-major is B (k x m).
            const bool stored_is_transpose = av ? lm.row_major : !lm.row_major;
            const cublasOperation_t op = stored_is_transpose ? CUBLAS_OP_T : CUBLAS_OP_N;
            const std::int64_t sr = stored_is_transpose ? len : rows, sc = stored_is_transpose ? rows : len;
            const R* mat = av ? a.data() : b.data();
            const R* x = av ? b.data() : a.data();
            const std::int64_t incx = std::max<std::int64_t>(inc, 1);
            if constexpr (sizeof(R) == 4)
                cublas_check(cublasSgemv_64(call.handle, op, sr, sc, &one, mat, lm.ld, x, incx, &zero, out.data(), 1),
                             "cublasSgemv");
            else
                cublas_check(cublasDgemv_64(call.handle, op, sr, sc, &one, mat, lm.ld, x, incx, &zero, out.data(), 1),
                             "cublasDgemv");
            return;
        }
    }

    const cudaDataType_t type = cuda_data_type<R>();
    const cublasComputeType_t compute = sizeof(R) == 8        ? CUBLAS_COMPUTE_64F
                                        : linalg::allow_tf32() ? CUBLAS_COMPUTE_32F_FAST_TF32
                                                               : CUBLAS_COMPUTE_32F;
    // cuBLAS's first operand is B (B^T = its stored matrix, or an op T), its second is A.
    const cublasOperation_t op_b = lb.row_major ? CUBLAS_OP_N : CUBLAS_OP_T;
    const cublasOperation_t op_a = la.row_major ? CUBLAS_OP_N : CUBLAS_OP_T;
    std::int64_t rows = p.n, count = w.inner();
    std::int64_t sa = w.inner_stride(1), sb = w.inner_stride(2), sc = w.inner_stride(0);
    // (batch, n, k) row-major stacked rows @ one (k, m): one product of batch * n rows.
    if (w.outer == 1 && count > 1 && sb == 0 && la.row_major && sa == p.n * la.ld && sc == p.n * p.m) {
        rows = p.n * count;
        count = 1;
    }
    const std::int64_t ldc = std::max<std::int64_t>(1, p.m);
    for (std::int64_t o = 0; o < w.outer; ++o) {
        const auto off = w.offsets(o);
        const R* pa = a.data() + off[1];
        const R* pb = b.data() + off[2];
        R* pc = out.data() + off[0];
        if (count == 1)
            cublas_check(cublasGemmEx_64(call.handle, op_b, op_a, p.m, rows, p.k, &one, pb, type, lb.ld, pa, type, la.ld,
                                         &zero, pc, type, ldc, compute, CUBLAS_GEMM_DEFAULT),
                         "cublasGemmEx");
        else
            cublas_check(cublasGemmStridedBatchedEx_64(call.handle, op_b, op_a, p.m, rows, p.k, &one, pb, type, lb.ld, sb,
                                                       pa, type, la.ld, sa, &zero, pc, type, ldc, sc, count, compute,
                                                       CUBLAS_GEMM_DEFAULT),
                         "cublasGemmStridedBatchedEx");
    }
    if (sync_launches()) cuda_check(cudaStreamSynchronize(current_stream()), "matmul (cuBLAS)");
}

template <class R>
void matmul_into(const ndarray<R>& a, const ndarray<R>& b, ndarray<R>& out, const matmul_plan& p) {
    if (out.size() == 0) return;
    if (p.k == 0) {
        out.assign(R(0));
        return;
    }
    if (a.where() == executor::host) return matmul_host(a, b, out, p);
    if constexpr (std::is_floating_point_v<R>) {
        matmul_cublas(a, b, out, p);
    } else {
        matmul_cuda_kernel(a, b, out, p);
    }
}

}  // namespace detail

// np.matmul(a, b): a @ b.
template <class A, class B>
ndarray<detail::product_t<A, B>> matmul(const ndarray<A>& a, const ndarray<B>& b) {
    using R = detail::product_t<A, B>;
    if (a.where() != b.where()) detail::throw_mixed_executors(a.where(), b.where());
    const detail::matmul_plan p0 = detail::plan_matmul(a, b);
    const ndarray<R> ar = detail::as_dtype<R>(a), br = detail::as_dtype<R>(b);
    ndarray<R> out(p0.out_shape, a.where());
    detail::matmul_into(ar, br, out, detail::plan_matmul(ar, br));
    return out;
}

// Expressions are evaluated first.
template <expression A, expression B>
    requires(!is_ndarray_v<A> || !is_ndarray_v<B>)
auto matmul(const A& a, const B& b) {
    return matmul(detail::array_of(a), detail::array_of(b));
}

}  // namespace gpu
