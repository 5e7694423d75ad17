#pragma once
// gpu::matmul: NumPy's matmul (the `@` operator), on both executors.
//
//   float32 / float64 / complex64 / complex128 / float16 / bfloat16 on the GPU: cuBLAS (types
//     from linalg/blas_types.hpp; half types computed in float32 and rounded once, as NumPy's
//     float16 loop and ml_dtypes' bfloat16 dot). cuBLAS is column-major and the result is
//     C-contiguous row-major, so C = A B is computed as C^T = B^T A^T: a row-major view is its
//     transpose in column-major, and a column-major view (a transposed array) is an op flag: op T,
//     never op C (only vdot conjugates, its first operand, by op C). Either way the operand goes
//     as a pointer and a leading dimension, never copied, when one of its two axes has unit
//     stride; only other layouts are copied. A batch whose broadcast batch strides collapse to one
//     axis is one strided-batched call (stride 0 for a broadcast operand), a (batch, n, k) @ (k, m)
//     product of a contiguous stack is one plain product of batch * n rows, a real matrix times a
//     vector is gemv. TF32 (float32, complex64): gpu::linalg::set_allow_tf32 (linalg/tf32.hpp).
//   integers and bool: the library's tiled kernel (linalg/matmul_kernels.hpp), exact and wrapping.
//   host executor: CBLAS for float32/64 and complex when found (host_blas.hpp), else the kernel's
//     host loop; half types convert to float32, multiply, and round once.
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
#include "gpu/expr/operators.hpp"
#include "gpu/linalg/blas_types.hpp"
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


// A's layout. conj_a (vdot: A is one row, n == 1) reads it as column-major (element j at j * ld)
// for any positive stride, so that its op is C (conjugate transpose) where a row-major A has none.
inline blas_layout a_layout_of(const matmul_plan& p, bool conj_a) {
    if (!conj_a) return blas_layout_of(p.n, p.k, p.a_rs, p.a_cs);
    if (p.k > 1 && p.a_cs < 1) return {};
    return {true, false, std::max<std::int64_t>(1, p.a_cs)};
}

// The op of an operand: N for row-major (cuBLAS reads it as its transpose, CBLAS as it is), else
// T, or C for vdot's conjugated first operand.
inline char blas_op(const blas_layout& l, bool conj) { return l.row_major ? 'N' : conj ? 'C' : 'T'; }

// Both operands readable by BLAS: an operand whose matrix is neither row- nor column-major with
// a valid leading dimension is copied (C-contiguous), and the plan redone.
template <class R>
void make_blas_readable(ndarray<R>& a, ndarray<R>& b, matmul_plan& p, bool conj_a = false) {
    const bool a_ok = a_layout_of(p, conj_a).ok, b_ok = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs).ok;
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
void matmul_host(const ndarray<R>& a, const ndarray<R>& b, ndarray<R>& out, const matmul_plan& p0, bool conj_a) {
#if defined(GPU_NDARRAY_HAVE_LAPACKE)
    if constexpr (has_blas_v<R> && !blas_type<R>::half) {
        ndarray<R> ar = a, br = b;
        matmul_plan p = p0;
        make_blas_readable(ar, br, p, conj_a);
        const blas_layout la = a_layout_of(p, conj_a), lb = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs);
        const batch_walk w(p);
        for (std::int64_t o = 0; o < w.outer; ++o) {
            const auto off = w.offsets(o);
            for (std::int64_t i = 0; i < w.inner(); ++i)
                host_gemm<R>(blas_op(la, conj_a), blas_op(lb, false), p.n, p.m, p.k,
                             ar.data() + off[1] + i * w.inner_stride(1), la.ld,
                             br.data() + off[2] + i * w.inner_stride(2), lb.ld,
                             out.data() + off[0] + i * w.inner_stride(0), std::max<std::int64_t>(1, p.m));
        }
        return;
    }
#endif
    if (conj_a) {  // the loop has no conjugating read: conjugate A first
        const ndarray<R> ac = gpu::eval(gpu::conj(a));
        return matmul_host(ac, b, out, plan_matmul(ac, b), false);
    }
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

inline cublasOperation_t cublas_op(char op) { return op == 'N' ? CUBLAS_OP_N : op == 'T' ? CUBLAS_OP_T : CUBLAS_OP_C; }

// The cuBLAS path (every type of linalg/blas_types.hpp), see the top of this file.
template <class R>
void matmul_cublas(ndarray<R> a, ndarray<R> b, ndarray<R>& out, matmul_plan p, bool conj_a) {
    make_blas_readable(a, b, p, conj_a);
    const blas_layout la = a_layout_of(p, conj_a), lb = blas_layout_of(p.k, p.m, p.b_rs, p.b_cs);
    note_stream_use(a), note_stream_use(b), note_stream_use(out);
    const cublas_call call = cublas_for_call();
    using S = typename blas_type<R>::scale;
    const S one = S(1), zero = S(0);
    const batch_walk w(p);
    const std::int64_t total = w.outer * w.inner();

    // A real matrix times a vector: gemv (a strided vector is its increment). Other types take
    // GemmEx, which reads a strided vector as a one-column matrix with that leading dimension.
    if constexpr (std::is_floating_point_v<R>) {
        if (total == 1 && (p.m == 1 || p.n == 1) && !conj_a) {
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
    }

    const cudaDataType_t type = blas_type<R>::cuda;
    const cublasComputeType_t compute = gemm_compute_type<R>(linalg::allow_tf32());
    // cuBLAS's first operand is B (B^T = its stored matrix, or an op T), its second is A (op C
    // for vdot: the stored row read as a column-major 1 x k matrix, conjugate-transposed).
    const cublasOperation_t op_b = cublas_op(blas_op(lb, false));
    const cublasOperation_t op_a = cublas_op(blas_op(la, conj_a));
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

// out = a @ b (conj_a: conj(a) @ b, for vdot; a is then one row).
template <class R>
void matmul_into(const ndarray<R>& a, const ndarray<R>& b, ndarray<R>& out, const matmul_plan& p, bool conj_a = false) {
    if (out.size() == 0) return;
    if (p.k == 0) {
        out.assign(R(0));
        return;
    }
    if (a.where() == executor::host) {
        if constexpr (blas_type<R>::half) {
            // In float32, rounded once at the end (NumPy's float16 loop accumulates in float).
            const ndarray<float> af = gpu::eval(a.template astype<float>()), bf = gpu::eval(b.template astype<float>());
            ndarray<float> of(out.shape(), executor::host);
            matmul_host(af, bf, of, plan_matmul(af, bf), false);
            out.assign(gpu::astype<R>(of));
            return;
        } else {
            return matmul_host(a, b, out, p, conj_a);
        }
    }
    if constexpr (has_blas_v<R>) {
        matmul_cublas(a, b, out, p, conj_a);
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
