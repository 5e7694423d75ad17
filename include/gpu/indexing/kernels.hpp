#pragma once
// The indexing kernels: gather (take), put, and a two-pass stream compaction for boolean masks
// and nonzero (count_true: true elements per block; compact: each true element's position,
// handed to an action functor). The per-element rules (index wrap and bounds, the element moves,
// the truth of a value, the actions) are written once in indexing_source, which the host
// executor runs too. Gathers and scatters only move bytes, so they are instantiated on an
// unsigned type of the element's size: float and int32 share a kernel. All index arithmetic is
// 64-bit (correct above 2^31 elements; these kernels are memory-bound).
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include "gpu/core/dtype.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"

GPU_ND_SHARED(indexing_source,
/* Index raw of an axis of n elements, normalized into [0, n) as x; false when out of bounds.
   Any integer dtype goes through int64, as NumPy casts indices to intp. (A flag and an out
   parameter rather than -1 for a bad index: the kernels then branch once, on the check itself.) */
template <class I> GND_FN bool wrap_index(I raw, long long n, long long& x) {
    x = (long long)raw;
    if (x < 0) x += n;
    return x >= 0 && x < n;
}

/* take: element i of out, shape (outer, m, inner), is a[o, idx[j], k] of a, shape
   (outer, n, inner); false, with nothing written, when idx[j] is out of bounds. */
template <class S, class I>
GND_FN bool gather_element(S* out, const S* a, const I* idx, long long i, long long m, long long n, long long inner,
                           long long& j) {
    const long long k = i % inner, r = i / inner;
    j = r % m;
    const long long o = r / m;
    long long x;
    if (!wrap_index(idx[j], n, x)) return false;
    out[i] = a[(o * n + x) * inner + k];
    return true;
}

/* put: a[idx[j]] = vals[j % nv] (values cycle); false when idx[j] is out of bounds. */
template <class S, class I>
GND_FN bool put_element(S* a, long long n, const I* idx, long long j, const S* vals, long long nv) {
    long long x;
    if (!wrap_index(idx[j], n, x)) return false;
    a[x] = vals[j % nv];
    return true;
}

/* Advanced (integer-array) indexing. The result, C order, has rank ndim; its axis bax is the
   flattened broadcast of the index arrays, whose element j lies at off[j] from the indexed view's
   first element; every other axis d moves stride[d] there. Gather reads, scatter writes. */
struct fancy_geometry {
    dims<long long, 16> shape, stride;
    int ndim, bax;
    GND_FN long long source(long long i, const long long* off) const {
        long long s = 0;
        for (int d = ndim - 1; d >= 0; --d) {
            const long long e = shape.v[d], c = i % e;
            i /= e;
            s += d == bax ? off[c] : c * stride.v[d];
        }
        return s;
    }
};
template <class S>
GND_FN void fancy_gather_element(S* out, const S* a, const long long* off, const fancy_geometry& g, long long i) {
    out[i] = a[g.source(i, off)];
}
template <class S>
GND_FN void fancy_scatter_element(S* a, const S* vals, const long long* off, const fancy_geometry& g, long long i) {
    a[g.source(i, off)] = vals[i];
}

/* NumPy's truth of a mask element. M is truth_t of the dtype: a bool is read as its byte;
   floats stay floats (-0.0 is false, NaN is true). */
template <class M> GND_FN bool truth(M x) { return x != M(0); }

/* The true elements among mask[begin], mask[begin + step], ... below end. */
template <class M> GND_FN unsigned long long count_true_in(const M* mask, long long begin, long long end, long long step) {
    unsigned long long c = 0;
    for (long long i = begin; i < end; i += step) c += truth(mask[i]);
    return c;
}

/* The compaction's actions, called as act(i, p) for the true element of flat index i, the p-th
   in C order. They are kernel arguments, so host and device lay them out alike. */
/* a[mask]: dst[p] = src[i]. */
template <class S> struct select_action {
    const S* src;
    S* dst;
    GND_FN void operator()(long long i, long long p) const { dst[p] = src[i]; }
};
/* a[mask] = values: dst[i] = src[p]. */
template <class S> struct assign_action {
    S* dst;
    const S* src;
    GND_FN void operator()(long long i, long long p) const { dst[i] = src[p]; }
};
/* nonzero and argwhere: the coordinates of i within shape, written as row p of dst (count, ndim),
   or as column p of dst (ndim, count) when per_axis. X is the host's or the device's int64. */
template <class X> struct coords_action {
    X* dst;
    long long count;
    int ndim, per_axis;
    dims<long long, 16> shape;
    GND_FN void operator()(long long i, long long p) const {
        for (int d = ndim - 1; d >= 0; --d) {
            const long long e = shape.v[d], c = i % e;
            i /= e;
            dst[per_axis ? d * count + p : p * ndim + d] = c;
        }
    }
};
)

namespace gpu::detail {

static_assert(max_ndim == 16, "coords_action's shape is dims<long long, max_ndim>");

// The kernel templates. Every block has 256 threads (block_threads).
//   gather      a grid-stride loop over the output; a bad index records its position j (the
//               lowest wins) in *bad, and the host raises NumPy's IndexError.
//   put         a grid-stride loop over the indices; bad indices as in gather.
//   fancy_gather, fancy_scatter
//               grid-stride loops over an advanced-indexing result (fancy_geometry); the indices
//               were checked and turned into offsets before the launch.
//   count_true  compaction pass 1: block b counts the true elements of its chunk
//               mask[b * chunk, (b + 1) * chunk).
//   compact     compaction pass 2: block b walks its chunk in tiles of blockDim.x elements, in
//               order; within a tile a warp ballot and the per-warp counts give each true element
//               its position p among the true elements (offsets[b], from the host's scan of the
//               counts, is the count before the block), then act(i, p) runs.
inline constexpr const char indexing_kernels_source[] = R"(
namespace gnd {
template <class S, class I>
__global__ void __launch_bounds__(256) gather(S* out, const S* a, const I* idx, long long m, long long n,
                                              long long inner, long long total, unsigned long long* bad) {
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total; i += (long long)gridDim.x * blockDim.x) {
    long long j;
    if (!gather_element(out, a, idx, i, m, n, inner, j)) atomicMin(bad, (unsigned long long)j);
  }
}

template <class S, class I>
__global__ void __launch_bounds__(256) put(S* a, long long n, const I* idx, long long ni, const S* vals, long long nv,
                                           unsigned long long* bad) {
  for (long long j = (long long)blockIdx.x * blockDim.x + threadIdx.x; j < ni; j += (long long)gridDim.x * blockDim.x)
    if (!put_element(a, n, idx, j, vals, nv)) atomicMin(bad, (unsigned long long)j);
}

template <class S>
__global__ void __launch_bounds__(256) fancy_gather(S* out, const S* a, const long long* off, const fancy_geometry g,
                                                    long long total) {
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total; i += (long long)gridDim.x * blockDim.x)
    fancy_gather_element(out, a, off, g, i);
}

template <class S>
__global__ void __launch_bounds__(256) fancy_scatter(S* a, const S* vals, const long long* off, const fancy_geometry g,
                                                     long long total) {
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total; i += (long long)gridDim.x * blockDim.x)
    fancy_scatter_element(a, vals, off, g, i);
}

template <class M>
__global__ void __launch_bounds__(256) count_true(const M* mask, long long n, long long chunk, long long* counts) {
  __shared__ unsigned long long total;
  if (threadIdx.x == 0) total = 0;
  __syncthreads();
  const long long start = (long long)blockIdx.x * chunk;
  const long long end = start + chunk < n ? start + chunk : n;
  unsigned long long c = count_true_in(mask, start + threadIdx.x, end, (long long)blockDim.x);
  for (int off = 16; off > 0; off >>= 1) c += shfl_down(c, off);
  if ((threadIdx.x & 31) == 0) atomicAdd(&total, c);
  __syncthreads();
  if (threadIdx.x == 0) counts[blockIdx.x] = (long long)total;
}

template <class M, class A>
__global__ void __launch_bounds__(256) compact(const M* mask, const A act, const long long* offsets, long long n,
                                               long long chunk) {
  __shared__ int warp_counts[32];
  const long long start = (long long)blockIdx.x * chunk;
  const long long end = start + chunk < n ? start + chunk : n;
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, n_warps = blockDim.x >> 5;
  long long base = offsets[blockIdx.x];
  for (long long t = start; t < end; t += blockDim.x) {
    const long long i = t + threadIdx.x;
    const bool f = i < end && truth(mask[i]);
    const unsigned ballot = __ballot_sync(0xffffffffu, f);
    if (lane == 0) warp_counts[warp] = __popc(ballot);
    __syncthreads();
    int before = 0, tile_total = 0;
    for (int w = 0; w < n_warps; ++w) { const int c = warp_counts[w]; if (w < warp) before += c; tile_total += c; }
    if (f) act(i, base + before + __popc(ballot & ((1u << lane) - 1u)));
    base += tile_total;
    __syncthreads();  /* warp_counts is rewritten by the next tile */
  }
}
}  // namespace gnd
)";

// The unsigned type of an element's size: what gathers and scatters move.
template <std::size_t Bytes> struct storage_of;
template <> struct storage_of<1> { using type = std::uint8_t; };
template <> struct storage_of<2> { using type = std::uint16_t; };
template <> struct storage_of<4> { using type = std::uint32_t; };
template <> struct storage_of<8> { using type = std::uint64_t; };
template <> struct storage_of<16> { using type = std::complex<double>; };  // complex128, moved whole
template <class T>
using storage_t = typename storage_of<sizeof(T)>::type;

// The type whose gnd::truth is NumPy's truth of a T: a bool is read as its byte.
template <class T>
using truth_t = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

// Elements one block handles at least, in the compaction passes; blocks own contiguous chunks.
inline constexpr std::int64_t min_chunk = 4096;

// The translation unit of every indexing kernel, instantiated as `entry` (runs on a miss only).
inline kernel_source indexing_kernel_source(std::string entry, const char* what) {
    std::string code = kernel_unit({indexing_source}, indexing_kernels_source, entry);
    return {std::move(code), std::move(entry), true, {}, what};
}

// The device spelling of a compaction action (its name-expression argument).
template <class A> struct action_name;
template <class S> struct action_name<gnd::select_action<S>> {
    static std::string get() { return std::string("gnd::select_action<") + cuda_type_name<S>() + ">"; }
};
template <class S> struct action_name<gnd::assign_action<S>> {
    static std::string get() { return std::string("gnd::assign_action<") + cuda_type_name<S>() + ">"; }
};
template <> struct action_name<gnd::coords_action<long long>> {
    static std::string get() { return "gnd::coords_action<long long>"; }
};

// The kernel types: each names one instantiation, keys its slot in the one cache
// (kernel_slots<K>::slot[0]) and gives its source on a miss.
template <class S, class I>
struct gather_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::gather<") + cuda_type_name<S>() + ", " + cuda_type_name<I>() + ">",
                                      "the take kernel");
    }
};
template <class S, class I>
struct put_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::put<") + cuda_type_name<S>() + ", " + cuda_type_name<I>() + ">",
                                      "the put kernel");
    }
};
// Advanced indexing: gather (a(idx) read) and scatter (a(idx) = v), on S = storage_t<T>.
template <class S>
struct fancy_gather_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::fancy_gather<") + cuda_type_name<S>() + ">",
                                      "the advanced-indexing gather kernel");
    }
};
template <class S>
struct fancy_scatter_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::fancy_scatter<") + cuda_type_name<S>() + ">",
                                      "the advanced-indexing scatter kernel");
    }
};
template <class M>
struct count_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::count_true<") + cuda_type_name<M>() + ">",
                                      "the count kernel of a compaction");
    }
};
template <class M, class A>
struct compact_kernel {
    static kernel_source source() {
        return indexing_kernel_source(std::string("gnd::compact<") + cuda_type_name<M>() + ", " + action_name<A>::get() + ">",
                                      "a compaction kernel");
    }
};

}  // namespace gpu::detail
