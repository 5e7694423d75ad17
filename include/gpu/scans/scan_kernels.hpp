#pragma once
// The scan kernels (cumsum, cumprod): two CUDA templates instantiated per input dtype,
// operation and variant through NVRTC name expressions, fetched from the one kernel cache.
//
// Both are single-pass scans with decoupled look-back (Merrill & Garland): a block scans its
// piece, publishes the piece's aggregate with a status flag (1: aggregate, 2: inclusive prefix)
// in a small device array of status words, then sums its predecessors' values back to the
// nearest inclusive prefix. Blocks take their piece from an atomic counter, so a block only waits
// on pieces already taken by running blocks (no deadlock, whatever the scheduling order).
//   - scan_tile: rows of n contiguous output elements (the flat scan is one row), each row cut
//     into tiles of Items * 256 elements; one block per tile, the look-back stays inside the row.
//     Input read through its C-order flat index: contiguous, or any strides (a view).
//   - scan_lines: a scanned axis that is not the innermost (or rows shorter than half a small
//     tile): thread t owns line t (all other axes, C order: consecutive threads write
//     consecutive outputs) and walks Chunk elements of it; block (c, g) owns chunk c of lines
//     [256 g, 256 g + 256). Each thread looks back along its own line.
// The operations, their identities and the input conversion are shared with the host executor
// (scan_ops_source).
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/core/dtype.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/launch.hpp"

// cumsum and cumprod on accumulators. float and double stay themselves (float32 sums in float32,
// as NumPy); integers and bools accumulate in unsigned long long, where overflow wraps (defined),
// giving NumPy's int64 / uint64 results as the same bits.
GPU_ND_SHARED(scan_ops_source,
struct scan_sum {
    template <class A> static GND_FN A identity() { return A(0); }
    template <class A> static GND_FN A combine(A a, A b) { return a + b; }
};
struct scan_prod {
    template <class A> static GND_FN A identity() { return A(1); }
    template <class A> static GND_FN A combine(A a, A b) { return a * b; }
};
/* An input element as an accumulator: bool as 0 / 1, signed integers sign-extended through
   int64 before they become unsigned. */
template <class A, class In> GND_FN A scan_load(In x) {
    if constexpr (is_complex<A>) return cast<A>(x);
    else if constexpr (is_bool<In>) return A(x ? 1 : 0);
    else if constexpr (is_signed_int<In>) return A((long long)x);
    else return A(x);
}
)

namespace gpu::detail {

// NumPy's result dtype of cumsum / cumprod: bool and signed integers -> int64, unsigned ->
// uint64, floats keep theirs.
template <class T>
using scan_result_t = std::conditional_t<
    is_inexact(dtype_of_v<T>), T,
    std::conditional_t<std::is_unsigned_v<T> && !std::is_same_v<T, bool>, std::uint64_t, std::int64_t>>;

// The type the kernels add or multiply in: integers in uint64 (defined wrap-around). (float16
// and bfloat16 never get here: scans/scan.hpp scans them in float32.)
template <class T>
using scan_acc_t = std::conditional_t<is_inexact(dtype_of_v<T>), compute_t<T>, std::uint64_t>;

template <class Op>
inline constexpr const char* scan_op_name = std::is_same_v<Op, gnd::scan_sum> ? "gnd::scan_sum" : "gnd::scan_prod";

// Elements per thread of a tile. Large tiles amortize the look-back best (flat scans, long
// rows); short rows take small tiles, since a tile never spans two rows. Wider accumulators
// take fewer, for the same registers and shared memory.
template <class A>
inline constexpr int scan_items_large = sizeof(A) == 16 ? 6 : sizeof(A) == 8 ? 12 : 24;
template <class A>
inline constexpr int scan_items_small = sizeof(A) == 16 ? 4 : sizeof(A) == 8 ? 8 : 16;
// Elements per thread of a line chunk, held in registers: 256 bytes per thread (more spills).
template <class A>
inline constexpr int scan_chunk = static_cast<int>(256 / sizeof(A));

// Bytes of one look-back status word (gnd::scan_status<A>::word): 8 per 4 bytes of value.
template <class A>
inline constexpr std::size_t scan_status_word = 2 * sizeof(A);

// Both kernels run 256-thread blocks (block_threads). Launch bounds ask for 4 resident blocks per
// SM of the tile kernel (it fits 64 registers) and 2 of the lines kernel (its chunk lives in
// registers; 4 made it spill and run slower).
inline constexpr const char scan_kernels_source[] = R"(
namespace gnd {
/* A look-back status word: a value with its flag (0: not yet, 1: aggregate, 2: inclusive
   prefix), written and read in single-copy atomic 8-byte accesses (relaxed, gpu scope), so no
   fence is needed between value and flag. A 4-byte value (float) shares one word with its flag;
   a wider value is one word per 4 bytes, each beside the flag, valid when every word carries the
   same non-zero flag (a tile writes each flag once, so equal flags are one write). (One 16-byte
   access is not atomic in the PTX memory model, and tears.) */
template <class A, int Bytes = sizeof(A)> struct scan_status;
template <class A> struct scan_status<A, 4> {
  typedef unsigned long long word;
  static GND_FN word pack(A v, int f) { return ((unsigned long long)f << 32) | __float_as_uint(v); }
  static GND_FN int flag(word w) { return (int)(w >> 32); }
  static GND_FN A value(word w) { return __uint_as_float((unsigned)w); }
  static GND_FN void store(word* p, word w) { store_relaxed(p, w); }
  static GND_FN word read(const word* p) { return load_relaxed(p); }
};
/* (flag << 32) | 4 bytes of the value, W words. */
template <int W> struct __align__(16) scan_words { unsigned long long w[W]; };
template <class A> struct scan_status_words {
  static constexpr int W = sizeof(A) / 4;
  typedef scan_words<W> word;
  static GND_FN word pack(A v, int f) {
    unsigned u[W];
    memcpy(u, &v, sizeof(A));
    word w;
#pragma unroll
    for (int k = 0; k < W; ++k) w.w[k] = ((unsigned long long)f << 32) | u[k];
    return w;
  }
  static GND_FN int flag(word w) {
    const unsigned f = (unsigned)(w.w[0] >> 32);
#pragma unroll
    for (int k = 1; k < W; ++k)
      if ((unsigned)(w.w[k] >> 32) != f) return 0;  /* words of two writes */
    return (int)f;
  }
  static GND_FN A value(word w) {
    unsigned u[W];
#pragma unroll
    for (int k = 0; k < W; ++k) u[k] = (unsigned)w.w[k];
    A v;
    memcpy(&v, u, sizeof(A));
    return v;
  }
  static GND_FN void store(word* p, word w) {
#pragma unroll
    for (int k = 0; k < W; ++k) store_relaxed(&p->w[k], w.w[k]);
  }
  static GND_FN word read(const word* p) {
    word w;
#pragma unroll
    for (int k = 0; k < W; ++k) w.w[k] = load_relaxed(&p->w[k]);
    return w;
  }
};
template <class A> struct scan_status<A, 8> : scan_status_words<A> {};
template <class A> struct scan_status<A, 16> : scan_status_words<A> {};

/* A tile's index in shared memory, one padding element per 128 bytes: the blocked reads
   (stride Items) hit distinct banks. */
template <class A> __host__ __device__ constexpr int scan_pad(int p) { return p + p / (128 / (int)sizeof(A)); }

/* Row r of n elements starts at C-order index r * n; tiles_per_row tiles of it. The counter
   hands out tiles; status holds one word per tile. The strided variant reads element g of the
   input at offset_of(g). */
template <class In, class Acc, class Op, bool Contiguous, int Items>
__global__ void __launch_bounds__(256, 4) scan_tile(const In* in, Acc* out, long long n, long long tiles_per_row,
    int ndim, dims<long long, 16> shape, dims<long long, 16> strides, unsigned long long* counter,
    typename scan_status<Acc>::word* status) {
  typedef scan_status<Acc> S;
  constexpr int threads = 256, tile_n = Items * threads, warps = threads / 32;
  constexpr unsigned full = 0xffffffffu;
  const Acc ident = Op::template identity<Acc>();
  __shared__ Acc tile[scan_pad<Acc>(tile_n)];
  __shared__ Acc warp_total[warps];
  __shared__ Acc block_prefix;
  __shared__ long long tile_id;
  const int t = threadIdx.x, lane = t & 31, warp = t >> 5;
  if (t == 0) tile_id = (long long)atomicAdd(counter, 1ull);
  __syncthreads();
  const long long id = tile_id, row = id / tiles_per_row, ti = id - row * tiles_per_row;
  const long long begin = row * n + ti * tile_n;  /* C-order index of the tile's first element */
  const long long left = n - ti * tile_n;
  const int count = left < tile_n ? (int)left : tile_n;
  const In* src = Contiguous ? in + begin : in;
  auto load = [&](int p) {
    if constexpr (Contiguous) return scan_load<Acc>(src[p]);
    else return scan_load<Acc>(src[offset_of(begin + p, ndim, shape, strides)]);
  };
  Acc* dst = out + begin;
  /* Coalesced loads (striped), then each thread takes Items consecutive elements. */
  if (count == tile_n) {
    Acc x[Items];
#pragma unroll
    for (int j = 0; j < Items; ++j) x[j] = load(j * threads + t);
#pragma unroll
    for (int j = 0; j < Items; ++j) tile[scan_pad<Acc>(j * threads + t)] = x[j];
  } else {
#pragma unroll
    for (int j = 0; j < Items; ++j) {
      const int p = j * threads + t;
      tile[scan_pad<Acc>(p)] = p < count ? load(p) : ident;
    }
  }
  __syncthreads();
  Acc v[Items];
#pragma unroll
  for (int j = 0; j < Items; ++j) v[j] = tile[scan_pad<Acc>(t * Items + j)];
#pragma unroll
  for (int j = 1; j < Items; ++j) v[j] = Op::combine(v[j - 1], v[j]);
  /* Block scan of the thread totals: warps by shuffles, then the warp totals by warp 0. */
  Acc x = v[Items - 1];
#pragma unroll
  for (int o = 1; o < 32; o <<= 1) {
    const Acc y = shfl_up(x, o);
    if (lane >= o) x = Op::combine(y, x);
  }
  Acc excl = shfl_up(x, 1);
  if (lane == 0) excl = ident;
  if (lane == 31) warp_total[warp] = x;
  __syncthreads();
  if (warp == 0) {
    Acc w = lane < warps ? warp_total[lane] : ident;
#pragma unroll
    for (int o = 1; o < warps; o <<= 1) {
      const Acc y = shfl_up(w, o);
      if (lane >= o) w = Op::combine(y, w);
    }
    const Acc total = shfl_idx(w, warps - 1);
    if (lane < warps) warp_total[lane] = w;  /* inclusive */
    /* Look-back: warp 0 reads 32 predecessors of the row at a time, nearest in lane 0, and
       sums them up to the nearest one with an inclusive prefix. */
    Acc prefix = ident;
    if (ti == 0) {
      if (lane == 0) S::store(status + id, S::pack(total, 2));
    } else {
      if (lane == 0) S::store(status + id, S::pack(total, 1));
      long long p = id - 1;
      const long long first = id - ti;  /* the row's first tile */
      while (true) {
        const long long q = p - lane;
        int f = 2;
        Acc val = ident;
        if (q >= first) {
          typename S::word sw = S::read(status + q);
          while (S::flag(sw) == 0) sw = S::read(status + q);
          f = S::flag(sw);
          val = S::value(sw);
        }
        const unsigned done = __ballot_sync(full, f == 2);
        const int last = done ? __ffs(done) - 1 : 31;
        if (lane > last) val = ident;
#pragma unroll
        for (int o = 16; o > 0; o >>= 1) val = Op::combine(val, shfl_xor(val, o));
        prefix = Op::combine(val, prefix);
        if (done) break;
        p -= 32;
      }
      if (lane == 0) S::store(status + id, S::pack(Op::combine(prefix, total), 2));
    }
    if (lane == 0) block_prefix = prefix;
  }
  __syncthreads();
  const Acc run = Op::combine(block_prefix, warp > 0 ? Op::combine(warp_total[warp - 1], excl) : excl);
#pragma unroll
  for (int j = 0; j < Items; ++j) tile[scan_pad<Acc>(t * Items + j)] = Op::combine(run, v[j]);
  __syncthreads();
  if (count == tile_n) {
#pragma unroll
    for (int j = 0; j < Items; ++j) dst[j * threads + t] = tile[scan_pad<Acc>(j * threads + t)];
  } else {
#pragma unroll
    for (int j = 0; j < Items; ++j) {
      const int p = j * threads + t;
      if (p < count) dst[p] = tile[scan_pad<Acc>(p)];
    }
  }
}

/* `lines` lines of n elements; line t starts in the input at offset_of(t) over the other axes
   and steps by axis_stride; its output starts at (t / inner) * n * inner + t % inner and steps
   by inner. groups: blocks of 256 lines. The counter hands out (chunk, group) pairs; status
   holds one word per chunk but the last, and line (index c * lines + t). */
template <class In, class Acc, class Op, int Chunk>
__global__ void __launch_bounds__(256, 2) scan_lines(const In* in, Acc* out, long long lines, long long n,
    long long inner, long long axis_stride, int ndim, dims<long long, 16> shape, dims<long long, 16> strides,
    long long groups, unsigned long long* counter, typename scan_status<Acc>::word* status) {
  typedef scan_status<Acc> S;
  constexpr int window = 8;  /* chunks of the line the look-back reads per round trip */
  const Acc ident = Op::template identity<Acc>();
  __shared__ long long chunk_id;
  if (threadIdx.x == 0) chunk_id = (long long)atomicAdd(counter, 1ull);
  __syncthreads();
  const long long id = chunk_id, c = id / groups, g = id - c * groups;
  const long long t = g * blockDim.x + threadIdx.x;
  if (t >= lines) return;
  const long long o = t / inner, i = t - o * inner;
  const long long k0 = c * Chunk;
  const In* src = in + offset_of(t, ndim, shape, strides) + k0 * axis_stride;
  Acc* dst = out + (o * n + k0) * inner + i;
  const long long left = n - k0;
  const int count = left < Chunk ? (int)left : Chunk;
  Acc v[Chunk];
  if (count == Chunk) {
#pragma unroll
    for (int j = 0; j < Chunk; ++j) v[j] = scan_load<Acc>(src[j * axis_stride]);
  } else {
#pragma unroll
    for (int j = 0; j < Chunk; ++j) v[j] = j < count ? scan_load<Acc>(src[j * axis_stride]) : ident;
  }
#pragma unroll
  for (int j = 1; j < Chunk; ++j) v[j] = Op::combine(v[j - 1], v[j]);
  Acc prefix = ident;
  const bool last_chunk = k0 + Chunk >= n;  /* nobody reads its status */
  if (c == 0) {
    if (!last_chunk) S::store(status + t, S::pack(v[Chunk - 1], 2));
  } else {
    if (!last_chunk) S::store(status + c * lines + t, S::pack(v[Chunk - 1], 1));
    /* Look-back along the line, `window` chunks per round trip (chunk 0 is always inclusive). */
    long long p = c - 1;
    while (true) {
      typename S::word w[window];
#pragma unroll
      for (int j = 0; j < window; ++j)
        w[j] = p - j >= 0 ? S::read(status + (p - j) * lines + t) : S::pack(ident, 2);
      int state = 0, used = 0;  /* state 1: an entry not published yet; 2: reached an inclusive prefix */
#pragma unroll
      for (int j = 0; j < window; ++j) {
        if (state == 0) {
          const int f = S::flag(w[j]);
          if (f == 0) state = 1;
          else { prefix = Op::combine(S::value(w[j]), prefix); if (f == 2) state = 2; else ++used; }
        }
      }
      if (state == 2) break;
      p -= used;
      if (state == 1) {  /* wait on that entry alone, then read a new window from it */
        const typename S::word* q = status + p * lines + t;
        while (S::flag(S::read(q)) == 0) {}
      }
    }
    if (!last_chunk) S::store(status + c * lines + t, S::pack(Op::combine(prefix, v[Chunk - 1]), 2));
  }
  if (count == Chunk) {
#pragma unroll
    for (int j = 0; j < Chunk; ++j) dst[j * inner] = Op::combine(prefix, v[j]);
  } else {
#pragma unroll
    for (int j = 0; j < Chunk; ++j)
      if (j < count) dst[j * inner] = Op::combine(prefix, v[j]);
  }
}
}  // namespace gnd
)";

// Kernel-cache keys: scan_tile_kernels<T, Op> has four slots (2 * contiguous + large).
template <class T, class Op>
struct scan_tile_kernels {};
template <class T, class Op>
struct scan_lines_kernels {};

// What a cache miss compiles (and what the compile tests check).
template <class T, class Op>
kernel_source scan_tile_source(bool contiguous, bool large) {
    using A = scan_acc_t<T>;
    const int items = large ? scan_items_large<A> : scan_items_small<A>;
    std::string entry = std::string("gnd::scan_tile<") + cuda_type_name<T>() + ", " + cuda_type_name<A>() + ", " +
                        scan_op_name<Op> + ", " + (contiguous ? "true" : "false") + ", " + std::to_string(items) + ">";
    std::string code = kernel_unit({scan_ops_source}, scan_kernels_source, entry);
    return {std::move(code), std::move(entry), true, {}, "a scan kernel"};
}

template <class T, class Op>
kernel_source scan_lines_source() {
    using A = scan_acc_t<T>;
    std::string entry = std::string("gnd::scan_lines<") + cuda_type_name<T>() + ", " + cuda_type_name<A>() + ", " +
                        scan_op_name<Op> + ", " + std::to_string(scan_chunk<A>) + ">";
    std::string code = kernel_unit({scan_ops_source}, scan_kernels_source, entry);
    return {std::move(code), std::move(entry), true, {}, "a scan kernel"};
}

}  // namespace gpu::detail
