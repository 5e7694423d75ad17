#pragma once
// The reduction kernels: two templates over an expression functor (expr/codegen.hpp) and an
// accumulator (reductions/reduce_ops.hpp), compiled once per (reduction, expression type,
// variant). The expression's element is computed in registers and folded into the accumulator,
// so a fused input (sum(x * y)) is read once and nothing else is written.
//   reduce_inner  a group of G threads (32: a warp, 256: the block) per output; the reduced axes
//                 are innermost in memory (a full reduction, sum(axis=1) of a row-major matrix).
//                 A long reduction over few outputs is split over several groups (`splits`);
//                 each writes a partial, and the last to finish (atomic counter after
//                 __threadfence) combines them: one launch, no host synchronization.
//   reduce_outer  a thread per output column: a kept axis is innermost (sum(axis=0)); a warp's
//                 threads take adjacent outputs and loop over the reduced rows, a block's
//                 row-lanes (`cw` columns, blockDim.x / cw lanes) split the rows of narrow
//                 outputs, and blockIdx.y splits the rows over blocks with the same last-block
//                 combine.
// Each thread issues reduce_unroll loads (vectors with VEC) before folding any, so that many
// bytes are in flight. With VEC, arrays contiguous along the axis a thread walks (bit k of
// `mask`) move in vectors of W elements; the others are broadcast along it (stride 0).
// Results go through Out: gnd::out_array<R> stores OP's finalize as R; a user reduction kernel
// (user_kernels/reduction_kernel.hpp) has its own, which writes several outputs. Operand 0 of the
// kept strides is the output; operand 0 of the reduced strides is the logical flat index
// (argmin/argmax); operand k + 1 is the functor's array k.
#include <string>

#include "gpu/core/shape.hpp"
#include "gpu/expr/codegen.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/reductions/reduce_ops.hpp"

namespace gpu::detail {

// Which kernel a reduction needs. Shapes, strides, splits and the divisor are arguments, so a
// new shape never compiles anything.
struct reduce_variant {
    enum kind_t { inner_warp = 0, inner_block = 1, outer = 2 };
    int kind = inner_warp;
    bool vec = false;    // vector loads (inner: along the reduced axis; outer: along the kept one)
    bool idx64 = false;  // 64-bit index arithmetic
    int krank = 1, rrank = 1;  // collapsed kept and reduced ranks
    int width = 1;             // elements per vector (16 bytes of the widest array); fixed per expression

    int slot() const {
        return (((kind * 2 + (vec ? 1 : 0)) * 2 + (idx64 ? 1 : 0)) * max_ndim + (krank - 1)) * max_ndim + (rrank - 1);
    }
    static constexpr int n_slots = 3 * 2 * 2 * max_ndim * max_ndim;

    // The template instantiation for functor `gnd_expr`, accumulator `op` ("gnd::red_sum<float>")
    // and result sink `out` ("gnd::out_array<float>").
    std::string name_expression(const std::string& op, const std::string& out) const {
        std::string s = kind == outer ? "gnd::reduce_outer<" : "gnd::reduce_inner<";
        s += "gnd_expr, " + op + ", " + out + ", " + (idx64 ? "long long" : "int") + ", " + std::to_string(krank) + ", " +
             std::to_string(rrank) + ", ";
        if (kind != outer) s += kind == inner_block ? "256, " : "32, ";
        return s + (vec ? "true, " : "false, ") + std::to_string(width) + ">";
    }
};

// Loads (vectors or elements) each thread issues before folding them in.
inline constexpr int reduce_unroll = 4;

inline constexpr const char reduce_kernels_source[] = R"(
namespace gnd {
/* Shuffles (without the padding words) and L2 loads of the (value, index) accumulators, beside
   the head's. */
template <class T> GND_FN arg_pair<T> shfl_down(arg_pair<T> a, int d) { a.v = shfl_down(a.v, d); a.i = shfl_down(a.i, d); return a; }
template <class T> GND_FN arg_pair<T> load_cg(const arg_pair<T>* p) { arg_pair<T> a; a.v = load_cg(&p->v); a.i = load_cg(&p->i); return a; }
template <class T> GND_FN complex<T> load_cg(const complex<T>* p) { return complex<T>(load_cg(&p->re), load_cg(&p->im)); }

/* The results of a library reduction: element o of an array of R. */
template <class R> struct out_array {
  R* p;
  template <class OP, class I, class A> GND_FN void put(I o, const A& a, double d) const { p[o] = OP::template finalize<R>(a, d); }
};

/* b[k] = offset of operand k (< K) at the kept element with linear index `idx`. */
template <int K, class I, int R, int N>
GND_FN void kept_offsets(I* b, I idx, const dims<I, R>& shape, const strides_of<I, R, N>& st) {
#pragma unroll
  for (int k = 0; k < K; ++k) b[k] = 0;
  I rem = idx;
#pragma unroll
  for (int d = R - 1; d >= 0; --d) {
    const I c = d ? rem % shape.v[d] : rem;
    if (d) rem /= shape.v[d];
#pragma unroll
    for (int k = 0; k < K; ++k) b[k] += c * st.v[k].v[d];
  }
}

/* o[k] = b[k + 1] + the offset of array k at reduced index j; l = its logical flat index when
   the accumulator uses one (else 0). */
template <bool IX, class I, int R, int N>
GND_FN void element_offsets(I* o, long long& l, const I* b, I j, const dims<I, R>& shape, const strides_of<I, R, N>& st) {
  l = 0;
  if constexpr (R == 1) {
#pragma unroll
    for (int k = 0; k + 1 < N; ++k) o[k] = j * st.v[k + 1].v[0];
    if (IX) l = (long long)j * st.v[0].v[0];
  } else {
#pragma unroll
    for (int k = 0; k + 1 < N; ++k) o[k] = 0;
    I rem = j;
#pragma unroll
    for (int d = R - 1; d >= 0; --d) {
      const I c = d ? rem % shape.v[d] : rem;
      if (d) rem /= shape.v[d];
#pragma unroll
      for (int k = 0; k + 1 < N; ++k) o[k] += c * st.v[k + 1].v[d];
      if (IX) l += (long long)c * st.v[0].v[d];
    }
  }
#pragma unroll
  for (int k = 0; k + 1 < N; ++k) o[k] += b[k + 1];
}

/* Loads U steps of V elements (reduced indices j + u * step) into registers, all before any is
   folded, then folds them: the V elements of a step are V reduced indices into acc[0] (inner),
   or with LANES one element of V adjacent outputs, each into its acc[q] (outer). */
template <int U, int V, bool LANES, class OP, class E, class I, int R, int N>
GND_FN void load_fold(typename OP::acc* acc, const E& e, const I* b, I j, I step, const dims<I, R>& shape,
                      const strides_of<I, R, N>& st, unsigned mask) {
  typename E::template regs<V> r[U];
  long long ix[U];
#pragma unroll
  for (int u = 0; u < U; ++u) {
    I o[N];
    element_offsets<OP::indexed>(o, ix[u], b, (I)(j + u * step), shape, st);
    e.load(r[u], o, mask);
  }
#pragma unroll
  for (int u = 0; u < U; ++u)
#pragma unroll
    for (int q = 0; q < V; ++q) {
      if constexpr (LANES) acc[q] = OP::combine(acc[q], OP::make(e.eval(r[u], q), ix[u]));
      else acc[0] = OP::combine(acc[0], OP::make(e.eval(r[u], q), ix[u] + q * st.v[0].v[0]));
    }
}

/* The arrays that move as vectors. With vectors some array is contiguous, so a lone one always
   is: a constant leaves no broadcast path in the loops. */
template <class E>
GND_FN unsigned vector_mask(unsigned mask) { return E::n == 1 ? 1u : mask; }

/* Folds the element at reduced index j into acc. */
template <class OP, class E, class I, int R, int N>
GND_FN void fold_one(typename OP::acc& acc, const E& e, const I* b, I j, const dims<I, R>& shape,
                     const strides_of<I, R, N>& st) {
  I o[N];
  long long l;
  element_offsets<OP::indexed>(o, l, b, j, shape, st);
  acc = OP::combine(acc, OP::make(e.at(o), l));
}

/* acc combined over a group of G threads (32 or 256); the group's thread 0 gets the result. */
template <class OP, int G, class A>
GND_FN A group_reduce(A acc) {
#pragma unroll
  for (int d = 16; d > 0; d >>= 1) acc = OP::combine(acc, shfl_down(acc, d));
  if constexpr (G > 32) {
    __shared__ A sh[G / 32];
    if ((threadIdx.x & 31) == 0) sh[threadIdx.x >> 5] = acc;
    __syncthreads();
    if (threadIdx.x < 32) {
      acc = threadIdx.x < G / 32 ? sh[threadIdx.x] : OP::identity();
#pragma unroll
      for (int d = 16; d > 0; d >>= 1) acc = OP::combine(acc, shfl_down(acc, d));
    }
    __syncthreads();
  }
  return acc;
}

template <class E, class OP, class Out, class I, int KR, int RR, int G, bool VEC, int W>
__global__ void __launch_bounds__(256) reduce_inner(const Out out, const E e, const strides_of<I, KR, E::n + 1> ks,
    const strides_of<I, RR, E::n + 1> rs, const dims<I, KR> kshape, const dims<I, RR> rshape, const I rows, const I m,
    const I splits, const I chunk, typename OP::acc* partials, unsigned* counters, const double divisor,
    const unsigned mask) {
  typedef typename OP::acc ACC;
  constexpr int U = 4;  /* reduce_unroll */
  const int gl = threadIdx.x % G;
  const I per_block = blockDim.x / G, groups = (I)gridDim.x * per_block;
  for (I item = (I)blockIdx.x * per_block + threadIdx.x / G; item < rows * splits; item += groups) {
    const I row = item / splits, split = item - row * splits;
    I b[E::n + 1];
    kept_offsets<E::n + 1>(b, row, kshape, ks);
    ACC acc = OP::identity();
    const I lo = split * chunk, hi = lo + chunk < m ? lo + chunk : m;
    if constexpr (VEC) {
      const unsigned vmask = vector_mask<E>(mask);
      const I hv = lo + (hi - lo) / W * W;
      I j = lo + gl * W;
      for (; j + (U - 1) * G * W + W <= hv; j += U * G * W) load_fold<U, W, false, OP>(&acc, e, b, j, (I)(G * W), rshape, rs, vmask);
      for (; j + W <= hv; j += G * W) load_fold<1, W, false, OP>(&acc, e, b, j, (I)(G * W), rshape, rs, vmask);
      for (I jt = hv + gl; jt < hi; jt += G) fold_one<OP>(acc, e, b, jt, rshape, rs);
    } else {
      I j = lo + gl;
      for (; j + (U - 1) * G < hi; j += U * G) load_fold<U, 1, false, OP>(&acc, e, b, j, (I)G, rshape, rs, ~0u);
      for (; j < hi; j += G) fold_one<OP>(acc, e, b, j, rshape, rs);
    }
    acc = group_reduce<OP, G>(acc);
    if (splits == 1) {
      if (gl == 0) out.template put<OP>(b[0], acc, divisor);
      continue;
    }
    int last = 0;
    if (gl == 0) {
      partials[item] = acc;
      __threadfence();
      last = atomicAdd(counters + row, 1u) == (unsigned)(splits - 1);
    }
    if constexpr (G == 32) {
      last = __shfl_sync(0xffffffffu, last, 0);
    } else {
      __shared__ int shlast;
      if (threadIdx.x == 0) shlast = last;
      __syncthreads();
      last = shlast;
      __syncthreads();
    }
    if (last) {
      __threadfence();
      ACC a = OP::identity();
      for (I q = gl; q < splits; q += G) a = OP::combine(a, load_cg(partials + row * splits + q));
      a = group_reduce<OP, G>(a);
      if (gl == 0) {
        out.template put<OP>(b[0], a, divisor);
        counters[row] = 0;
      }
    }
  }
}

template <class E, class OP, class Out, class I, int KR, int RR, bool VEC, int W>
__global__ void __launch_bounds__(256) reduce_outer(const Out out, const E e, const strides_of<I, KR, E::n + 1> ks,
    const strides_of<I, RR, E::n + 1> rs, const dims<I, KR> kshape, const dims<I, RR> rshape, const I rows, const I m,
    const I splits, const I chunk, typename OP::acc* partials, unsigned* counters, const double divisor,
    const unsigned mask, const int cw) {
  typedef typename OP::acc ACC;
  constexpr int U = 4;  /* reduce_unroll */
  constexpr int V = VEC ? W : 1;
  __shared__ ACC sh[256];
  __shared__ int shlast;
  const int tx = threadIdx.x % cw, ty = threadIdx.x / cw, rw = blockDim.x / cw;
  const I items = rows / V, col_blocks = (items + cw - 1) / cw;
  const I lo = (I)blockIdx.y * chunk, hi = lo + chunk < m ? lo + chunk : m;
  for (I cb = blockIdx.x; cb < col_blocks; cb += gridDim.x) {
    const I it = cb * cw + tx;
    const bool live = it < items;
    ACC acc[V];
#pragma unroll
    for (int q = 0; q < V; ++q) acc[q] = OP::identity();
    I b[E::n + 1];
    kept_offsets<E::n + 1>(b, it * V, kshape, ks);
    if (live) {
      const unsigned vmask = VEC ? vector_mask<E>(mask) : ~0u;
      I j = lo + ty;
      for (; j + (U - 1) * rw < hi; j += U * rw) load_fold<U, V, true, OP>(acc, e, b, j, (I)rw, rshape, rs, vmask);
      for (; j < hi; j += rw) load_fold<1, V, true, OP>(acc, e, b, j, (I)rw, rshape, rs, vmask);
    }
    /* The row-lanes of one column meet in shared memory. */
    if (rw > 1) {
#pragma unroll
      for (int q = 0; q < V; ++q) {
        sh[threadIdx.x] = acc[q];
        __syncthreads();
        for (int h = rw / 2; h > 0; h >>= 1) {
          if (ty < h) sh[threadIdx.x] = OP::combine(sh[threadIdx.x], sh[threadIdx.x + h * cw]);
          __syncthreads();
        }
        if (ty == 0) acc[q] = sh[threadIdx.x];
        __syncthreads();
      }
    }
    if (ty == 0 && live) {
      if (gridDim.y == 1) {
#pragma unroll
        for (int q = 0; q < V; ++q) out.template put<OP>(b[0] + q * ks.v[0].v[KR - 1], acc[q], divisor);
      } else {
#pragma unroll
        for (int q = 0; q < V; ++q) partials[((I)blockIdx.y * items + it) * V + q] = acc[q];
      }
    }
  }
  /* The last block of each column group combines the row splits. */
  if (gridDim.y == 1) return;
  __threadfence();
  __syncthreads();
  if (threadIdx.x == 0) shlast = atomicAdd(counters + blockIdx.x, 1u) == gridDim.y - 1;
  __syncthreads();
  if (!shlast) return;
  __threadfence();
  for (I cb = blockIdx.x; cb < col_blocks; cb += gridDim.x) {
    for (I q = threadIdx.x; q < (I)cw * V; q += blockDim.x) {
      const I it = cb * cw + q / V;
      const int lane = (int)(q % V);
      if (it >= items) continue;
      ACC a = OP::identity();
#pragma unroll 8
      for (I y = 0; y < (I)gridDim.y; ++y) a = OP::combine(a, load_cg(partials + (y * items + it) * V + lane));
      I o[1];
      kept_offsets<1>(o, it * V, kshape, ks);
      out.template put<OP>(o[0] + lane * ks.v[0].v[KR - 1], a, divisor);
    }
  }
  if (threadIdx.x == 0) counters[blockIdx.x] = 0;
}
}  // namespace gnd
)";

// The translation unit of reduction Red over expression E (one variant is instantiated).
template <class Red, class E>
kernel_source reduction_kernel_source(const reduce_variant& v) {
    const expression_text t = expression_source<E>();
    const std::string op = std::string("gnd::") + Red::name + "<" + cuda_type_name<typename Red::param>() + ">";
    return {kernel_unit({t.ops, reduce_ops_source}, t.functor + reduce_kernels_source),
            v.name_expression(op, std::string("gnd::out_array<") + cuda_type_name<typename Red::result>() + ">"), true, {},
            "a reduction kernel"};
}

}  // namespace gpu::detail
