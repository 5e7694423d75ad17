#pragma once
// The element-wise kernels: three templates over an expression functor (expr/codegen.hpp),
// compiled once per (expression type, variant) and fetched from the one cache.
//   ew_flat     contiguous operands: each thread moves U vectors of V elements, strided by the
//               block so a warp's accesses are contiguous; all loads issue before any use.
//   ew_strided  any strides: a grid-stride loop whose coordinates come from the index by
//               division. With V > 1 each step covers V elements of the innermost axis, where
//               the output and the arrays in `mask` are contiguous and the others broadcast, so
//               rows broadcast against a matrix move in 16-byte accesses.
//   ew_tiled    rank 2, output contiguous along axis 1; arrays in `mask` are contiguous along
//               axis 0 instead (transposed): their tiles are read with threads walking axis 0,
//               staged in shared memory and read back transposed, so every access is coalesced.
//               The other arrays are loaded into registers before the barrier.
// Operand 0 of `st` is the output; operand k + 1 is the functor's array k.
#include <string>

#include "gpu/core/inline.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/expr/codegen.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/launch.hpp"

namespace gpu::detail {

// Which kernel a launch needs. Everything else varies per call and is a kernel argument, so a
// new shape or scalar value never compiles anything.
struct kernel_variant {
    bool strided = false;  // general N-d indexing, else one flat loop
    bool tiled = false;    // rank-2 tiles staged through shared memory (transposed operands)
    bool idx64 = false;    // 64-bit index arithmetic
    int rank = 1;          // collapsed rank (strided; tiled is rank 2)
    int vec = 1;           // elements per vector access (flat; strided along the innermost axis)

    // Dense slot number for the per-expression kernel table.
    int slot() const {
        const int i64 = idx64 ? 1 : 0, v = vec > 1 ? 1 : 0;
        if (tiled) return 4 + 4 * max_ndim + i64;
        if (!strided) return 2 * i64 + v;
        return 4 + 4 * (rank - 1) + 2 * i64 + v;
    }
    static constexpr int n_slots = 6 + 4 * max_ndim;

    // The kernel template's instantiation for functor `gnd_expr`.
    GPU_ND_INLINE std::string name_expression() const;
};

// Vector accesses per thread of the flat kernel.
inline constexpr int vectors_per_thread = 4;
// The tiled kernel's square tile edge; a block covers it in tile_edge / tile_rows passes.
inline constexpr int tile_edge = 32;
inline constexpr int tile_rows = block_threads / tile_edge;
// Static shared memory the tiled kernel may use: one padded tile per array operand.
inline constexpr int tile_smem_limit = 48 * 1024;
inline constexpr int tile_bytes_per_item = tile_edge * (tile_edge + 1);
// Whether expression E's tiles (one per array leaf, each in its kernel type) fit that limit;
// when not, ptxas would reject the tiled kernel, so E never takes it.
template <class E>
inline constexpr bool tile_fits = E::tile_item_bytes * tile_bytes_per_item <= tile_smem_limit;

inline constexpr const char elementwise_kernels_source[] = R"(
namespace gnd {
/* Where results go: an array of out_t, or, for a two-result functor (out_t = two<A, B>), two
   arrays at the same element offsets. */
template <class O> struct sink_of { typedef O* type; };
template <class A, class B> struct sink_of<two<A, B> > { typedef two_out<A, B> type; };
template <class O, class I> GND_FN void store_out(O* out, I i, const O& v) { out[i] = v; }
template <class A, class B, class I> GND_FN void store_out(const two_out<A, B>& out, I i, const two<A, B>& v) {
  out.first[i] = v.first;
  out.second[i] = v.second;
}
template <int V, class O, class I> GND_FN void store_out_vec(O* out, I i, const vec<O, V>& y) {
  *reinterpret_cast<vec<O, V>*>(out + i) = y;
}
template <int V, class A, class B, class I> GND_FN void store_out_vec(const two_out<A, B>& out, I i, const vec<two<A, B>, V>& y) {
  vec<A, V> a;
  vec<B, V> b;
#pragma unroll
  for (int j = 0; j < V; ++j) { a.v[j] = y.v[j].first; b.v[j] = y.v[j].second; }
  *reinterpret_cast<vec<A, V>*>(out.first + i) = a;
  *reinterpret_cast<vec<B, V>*>(out.second + i) = b;
}

template <class E, class I, int V>
__global__ void __launch_bounds__(256) ew_flat(const typename sink_of<typename E::out_t>::type out, const E e, const I n) {
  typedef typename E::out_t O;
  constexpr int U = 4;  /* vectors_per_thread */
  const I step = (I)blockDim.x * V;
  const I base = (I)blockIdx.x * step * U + (I)threadIdx.x * V;
  I o[E::n + 1];
  if (base + step * (U - 1) + V <= n) {
    typename E::template regs<V> r[U];
#pragma unroll
    for (int u = 0; u < U; ++u) {
#pragma unroll
      for (int k = 0; k < E::n; ++k) o[k] = base + u * step;
      e.load(r[u], o, ~0u);
    }
#pragma unroll
    for (int u = 0; u < U; ++u) {
      vec<O, V> y;
#pragma unroll
      for (int j = 0; j < V; ++j) y.v[j] = e.eval(r[u], j);
      store_out_vec<V>(out, base + u * step, y);
    }
  } else {
    for (int u = 0; u < U; ++u)
      for (int j = 0; j < V; ++j) {
        const I i = base + u * step + j;
        if (i < n) {
          for (int k = 0; k < E::n; ++k) o[k] = i;
          store_out(out, i, e.at(o));
        }
      }
  }
}

template <class E, class I, int R, int V>
__global__ void __launch_bounds__(256) ew_strided(const typename sink_of<typename E::out_t>::type out, const E e, const strides_of<I, R, E::n + 1> st,
                                                  const dims<I, R> shape, const I n, const unsigned mask) {
  typedef typename E::out_t O;
  typedef typename uint_of<sizeof(I)>::type U;
  const I inner = shape.v[R - 1] / V;
  for (I i = (I)blockIdx.x * blockDim.x + threadIdx.x; i < n / V; i += (I)gridDim.x * blockDim.x) {
    U rem = (U)i / (U)inner;
    I o[E::n + 1];
    {
      const I c = (I)((U)i % (U)inner) * V;
#pragma unroll
      for (int k = 0; k <= E::n; ++k) o[k] = c * st.v[k].v[R - 1];
    }
#pragma unroll
    for (int d = R - 2; d >= 0; --d) {
      const I c = d ? (I)(rem % (U)shape.v[d]) : (I)rem;
      if (d) rem /= (U)shape.v[d];
#pragma unroll
      for (int k = 0; k <= E::n; ++k) o[k] += c * st.v[k].v[d];
    }
    if constexpr (V == 1) {
      store_out(out, o[0], e.at(o + 1));
    } else {
      typename E::template regs<V> r;
      e.load(r, o + 1, mask);
      vec<O, V> y;
#pragma unroll
      for (int j = 0; j < V; ++j) y.v[j] = e.eval(r, j);
      store_out_vec<V>(out, o[0], y);
    }
  }
}

template <class E, class I>
__global__ void __launch_bounds__(256) ew_tiled(const typename sink_of<typename E::out_t>::type out, const __grid_constant__ E e, const strides_of<I, 2, E::n + 1> st,
                                                const dims<I, 2> shape, const unsigned mask) {
  constexpr int T = 32, RW = 256 / T, P = T / RW;  /* tile_edge, tile_rows, passes per tile */
  __shared__ typename E::template tile<T> t;
  const int tx = threadIdx.x % T, ty = threadIdx.x / T;
  const I n0 = shape.v[0], n1 = shape.v[1], tiles1 = (n1 + T - 1) / T, tiles = (n0 + T - 1) / T * tiles1;
  for (I tile = blockIdx.x; tile < tiles; tile += gridDim.x) {
    const I r0 = tile / tiles1 * T, c0 = tile % tiles1 * T;
    typename E::template regs<1> a[P];
    e.template load_tile<T, P>(t, a, r0, c0, tx, ty, n0, n1, st, mask);
    __syncthreads();
#pragma unroll
    for (int u = 0; u < P; ++u) {
      const int m = ty + u * RW;
      const I i = r0 + m, j = c0 + tx;
      if (i < n0 && j < n1) store_out(out, i * st.v[0].v[0] + j * st.v[0].v[1], e.eval_tiled(t, tx, m, a[u], mask));
    }
    __syncthreads();
  }
}
}  // namespace gnd
)";

// The translation unit of expression E's element-wise kernels (one variant is instantiated).
GPU_ND_INLINE kernel_source elementwise_kernel_source(const expression_text& t, const kernel_variant& v);

template <class E>
kernel_source elementwise_kernel_source(const kernel_variant& v) {
    return elementwise_kernel_source(expression_source<E>(), v);
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/exec/elementwise_kernels.ipp"
#endif
