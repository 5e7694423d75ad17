#pragma once
// CUDA source of the scan kernels (cumsum, cumprod): fixed library kernels
// (jit/library_kernel.hpp), one source per input dtype, operation and addressing mode.
//
// Both kernels are single-pass scans with decoupled look-back (Merrill & Garland): a block scans
// its piece, publishes the piece's aggregate with a status flag (1: aggregate, 2: inclusive
// prefix) in a small device array of status words, then sums its predecessors' values back to
// the nearest inclusive prefix. Blocks take their piece from an atomic counter, so a block only
// waits on pieces already taken by running blocks (no deadlock, whatever the scheduling order).
//   - tile kernel: rows of n contiguous output elements (the flat scan is one row), each row cut
//     into tiles of `tile` elements; one block per tile, the look-back stays inside the row.
//     Input read through its C-order flat index: contiguous, or any strides (a view).
//   - lines kernel: a scanned axis that is not the innermost (or rows shorter than half a small
//     tile): thread t owns line t (all other axes, C order: consecutive threads write
//     consecutive outputs) and walks `chunk` elements of it; block (c, g) owns chunk c of lines
//     [256 g, 256 g + 256). Each thread looks back along its own line.
// Accumulators: float and double stay themselves (float32 sums in float32, as NumPy); every
// integer and bool result is computed in unsigned long long (wrapping, as NumPy's int64/uint64),
// written as the same bits.
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/core/shape.hpp"
#include "gpu/expr/nodes.hpp"
#include "gpu/jit/kernel_variant.hpp"

namespace gpu::detail {

enum class scan_op { sum, prod };

// NumPy's result dtype of cumsum / cumprod: bool and signed integers -> int64, unsigned ->
// uint64, floats keep theirs.
template <class T>
using scan_result_t = std::conditional_t<
    std::is_floating_point_v<T>, T,
    std::conditional_t<std::is_unsigned_v<T> && !std::is_same_v<T, bool>, std::uint64_t, std::int64_t>>;

// The type the kernels add or multiply in: integers in uint64 (defined wrap-around).
template <class T>
using scan_acc_t = std::conditional_t<std::is_floating_point_v<T>, T, std::uint64_t>;

// Tiles: 256 threads times `items` elements each. Large tiles amortize the look-back best (flat
// scans, long rows); short rows take small tiles, since a tile never spans two rows. A tuning
// sweep on the H100 (flat float32 2^26: 16 items 0.73 of copy bandwidth, 24 items 0.80; float64:
// 8 items 0.78, 12 items 0.85; rows of 8192 float32: 16 items 0.88).
template <class A>
inline constexpr int scan_items_large = sizeof(A) == 8 ? 12 : 24;
template <class A>
inline constexpr int scan_items_small = sizeof(A) == 8 ? 8 : 16;
// Elements per thread of a line chunk (registers). H100, cumsum(axis=0) of 8192x8192 float32:
// 16 elements 0.27 of copy bandwidth, 32: 0.46, 64: 0.55-0.57, 96: 0.56, 128: 0.50 (spills);
// 8-byte accumulators take the same 256 bytes per thread.
template <class A>
inline constexpr int scan_chunk = sizeof(A) == 8 ? 32 : 64;

// Chunks of a line the lines kernel's look-back reads per round trip.
inline constexpr int scan_lookback_window = 8;

// Bytes of one look-back status word: a value and its flag.
template <class A>
inline constexpr std::size_t scan_status_word = sizeof(A) == 4 ? 8 : 16;

// Launch-bound occupancy (blocks of 256 threads per SM the registers must allow): the tile kernel
// fits 64 registers; the lines kernel keeps a chunk in registers (4 blocks made it spill and run
// slower on the H100).
inline constexpr int scan_tile_min_blocks = 4;
inline constexpr int scan_lines_min_blocks = 2;

// The head every scan kernel shares: types, the operation, the conversion of an input element
// to the accumulator, and the look-back status words. A status word packs a value with its flag
// (0: not yet, 1: aggregate, 2: inclusive prefix) and is written and read in single-copy atomic
// 8-byte accesses (relaxed, gpu scope), so no fence is needed between value and flag. A 4-byte
// value is one word with its flag; an 8-byte value is two words, each half beside the flag, and
// valid when both words carry the same non-zero flag. (One 16-byte vector access, CUB's way, is
// not atomic in the PTX memory model, and tore here on the H100: wrong sums.)
template <class T, scan_op Op>
std::string scan_prelude() {
    using A = scan_acc_t<T>;
    std::string s = "// gpu_ndarray library kernel (scan)\n";
    s += "struct gnd_shape { long long v[" + std::to_string(max_ndim) + "]; };\n";
    s += std::string("typedef ") + (std::is_same_v<T, bool> ? "unsigned char" : cuda_type_name<T>()) + " in_t;\n";
    s += std::string("typedef ") + cuda_type_name<A>() + " acc_t;\n";
    s += Op == scan_op::sum ? "#define GND_OP(a, b) ((a) + (b))\n#define GND_ID ((acc_t)0)\n"
                            : "#define GND_OP(a, b) ((a) * (b))\n#define GND_ID ((acc_t)1)\n";
    if constexpr (std::is_same_v<T, bool>) s += "#define GND_LOAD(x) ((acc_t)((x) != 0))\n";
    else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) s += "#define GND_LOAD(x) ((acc_t)(long long)(x))\n";
    else s += "#define GND_LOAD(x) ((acc_t)(x))\n";
    s += "#define GND_FULL 0xffffffffu\n"
         "#define BACKOFF 0\n"
         "#if BACKOFF > 0\n#define GND_WAIT() __nanosleep(BACKOFF)\n#else\n#define GND_WAIT()\n#endif\n";
    s += "__device__ __forceinline__ void gnd_st(unsigned long long* p, unsigned long long w) {\n"
         "  asm volatile(\"st.relaxed.gpu.global.u64 [%0], %1;\" :: \"l\"(p), \"l\"(w) : \"memory\");\n}\n"
         "__device__ __forceinline__ unsigned long long gnd_ld(const unsigned long long* p) {\n"
         "  unsigned long long w;\n"
         "  asm volatile(\"ld.relaxed.gpu.global.u64 %0, [%1];\" : \"=l\"(w) : \"l\"(p) : \"memory\");\n"
         "  return w;\n}\n";
    if constexpr (sizeof(A) == 4) {  // float
        s += "typedef unsigned long long gnd_word;\n"
             "__device__ __forceinline__ gnd_word gnd_pack(acc_t v, int f) {\n"
             "  return ((unsigned long long)f << 32) | __float_as_uint(v);\n}\n"
             "__device__ __forceinline__ int gnd_flag(gnd_word w) { return (int)(w >> 32); }\n"
             "__device__ __forceinline__ acc_t gnd_value(gnd_word w) { return __uint_as_float((unsigned)w); }\n"
             "__device__ __forceinline__ void gnd_store(gnd_word* p, gnd_word w) { gnd_st(p, w); }\n"
             "__device__ __forceinline__ gnd_word gnd_read(const gnd_word* p) { return gnd_ld(p); }\n";
    } else {
        s += std::string("__device__ __forceinline__ unsigned long long gnd_bits(acc_t v) { return ") +
             (std::is_same_v<A, double> ? "(unsigned long long)__double_as_longlong(v)" : "v") +
             "; }\n"
             "__device__ __forceinline__ acc_t gnd_from_bits(unsigned long long b) { return " +
             (std::is_same_v<A, double> ? "__longlong_as_double((long long)b)" : "b") +
             "; }\n"
             "struct __align__(16) gnd_word { unsigned long long lo, hi; };  // (flag << 32) | half\n"
             "__device__ __forceinline__ gnd_word gnd_pack(acc_t v, int f) {\n"
             "  const unsigned long long b = gnd_bits(v), tag = (unsigned long long)f << 32;\n"
             "  gnd_word w;\n"
             "  w.lo = tag | (b & 0xffffffffull);\n"
             "  w.hi = tag | (b >> 32);\n"
             "  return w;\n}\n"
             "__device__ __forceinline__ int gnd_flag(gnd_word w) {\n"
             "  return (w.lo >> 32) == (w.hi >> 32) ? (int)(w.lo >> 32) : 0;  // halves of one write\n}\n"
             "__device__ __forceinline__ acc_t gnd_value(gnd_word w) {\n"
             "  return gnd_from_bits((w.lo & 0xffffffffull) | (w.hi << 32));\n}\n"
             "__device__ __forceinline__ void gnd_store(gnd_word* p, gnd_word w) {\n"
             "  gnd_st(&p->lo, w.lo);\n"
             "  gnd_st(&p->hi, w.hi);\n}\n"
             "__device__ __forceinline__ gnd_word gnd_read(const gnd_word* p) {\n"
             "  gnd_word w;\n"
             "  w.lo = gnd_ld(&p->lo);\n"
             "  w.hi = gnd_ld(&p->hi);\n"
             "  return w;\n}\n";
    }
    return s;
}

// Offset, in elements, of the element with C-order index g in an array of `shape`/`strides`.
inline const char* scan_offset_source() {
    return "__device__ __forceinline__ long long gnd_offset(long long g, int ndim, const gnd_shape& shape,\n"
           "                                                const gnd_shape& strides) {\n"
           "  long long off = 0;\n"
           "  for (int d = ndim - 1; d > 0; --d) {\n"
           "    const long long e = shape.v[d], q = g / e;\n"
           "    off += (g - q * e) * strides.v[d];\n"
           "    g = q;\n"
           "  }\n"
           "  return ndim > 0 ? off + g * strides.v[0] : 0;\n"
           "}\n";
}

// The tile kernel (see the top of this file). Parameters: in, out, n (row length), tiles per
// row, ndim/shape/strides of the input (the strided variant reads through them), the tile
// counter and the status words (one per tile).
template <class T, scan_op Op, bool Contiguous, int Items>
std::string scan_tile_source() {
    std::string s = scan_prelude<T, Op>();
    s += scan_offset_source();
    s += "#define MIN_BLOCKS " + std::to_string(scan_tile_min_blocks) + "\n";
    s += "#define ITEMS " + std::to_string(Items) + "\n#define THREADS " + std::to_string(block_threads) +
         "\n#define TILE (ITEMS * THREADS)\n#define NW (THREADS / 32)\n"
         // One padding element per 128 bytes: the blocked reads (stride ITEMS) hit distinct banks.
         "#define PAD(p) ((p) + (p) / (128 / (int)sizeof(acc_t)))\n";
    s += std::string("#define LOAD_AT(p) src[") + (Contiguous ? "(p)" : "gnd_offset(begin + (p), ndim, shape, strides)") + "]\n";
    s += "extern \"C\" __global__ void __launch_bounds__(THREADS, MIN_BLOCKS) gnd_kernel(const in_t* in, acc_t* out,\n"
         "    long long n, long long tiles_per_row, int ndim, gnd_shape shape, gnd_shape strides,\n"
         "    unsigned long long* counter, gnd_word* status) {\n"
         "  __shared__ acc_t tile[PAD(TILE)];\n"
         "  __shared__ acc_t warp_total[NW];\n"
         "  __shared__ acc_t block_prefix;\n"
         "  __shared__ long long tile_id;\n"
         "  const int t = threadIdx.x, lane = t & 31, warp = t >> 5;\n"
         "  if (t == 0) tile_id = (long long)atomicAdd(counter, 1ull);\n"
         "  __syncthreads();\n"
         "  const long long id = tile_id, row = id / tiles_per_row, ti = id - row * tiles_per_row;\n"
         "  const long long begin = row * n + ti * TILE;  // C-order index of the tile's first element\n"
         "  const long long left = n - ti * TILE;\n"
         "  const int count = left < TILE ? (int)left : TILE;\n"
         + std::string(Contiguous ? "  const in_t* src = in + begin;\n" : "  const in_t* src = in;\n") +
         "  acc_t* dst = out + begin;\n"
         "  // Coalesced loads (striped), then each thread takes ITEMS consecutive elements.\n"
         "  if (count == TILE) {\n"
         "    acc_t x[ITEMS];\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < ITEMS; ++j) x[j] = GND_LOAD(LOAD_AT(j * THREADS + t));\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < ITEMS; ++j) tile[PAD(j * THREADS + t)] = x[j];\n"
         "  } else {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < ITEMS; ++j) {\n"
         "      const int p = j * THREADS + t;\n"
         "      tile[PAD(p)] = p < count ? GND_LOAD(LOAD_AT(p)) : GND_ID;\n"
         "    }\n"
         "  }\n"
         "  __syncthreads();\n"
         "  acc_t v[ITEMS];\n"
         "#pragma unroll\n"
         "  for (int j = 0; j < ITEMS; ++j) v[j] = tile[PAD(t * ITEMS + j)];\n"
         "#pragma unroll\n"
         "  for (int j = 1; j < ITEMS; ++j) v[j] = GND_OP(v[j - 1], v[j]);\n"
         "  // Block scan of the thread totals: warps by shuffles, then the warp totals by warp 0.\n"
         "  acc_t x = v[ITEMS - 1];\n"
         "#pragma unroll\n"
         "  for (int o = 1; o < 32; o <<= 1) {\n"
         "    const acc_t y = __shfl_up_sync(GND_FULL, x, o);\n"
         "    if (lane >= o) x = GND_OP(y, x);\n"
         "  }\n"
         "  acc_t excl = __shfl_up_sync(GND_FULL, x, 1);\n"
         "  if (lane == 0) excl = GND_ID;\n"
         "  if (lane == 31) warp_total[warp] = x;\n"
         "  __syncthreads();\n"
         "  if (warp == 0) {\n"
         "    acc_t w = lane < NW ? warp_total[lane] : GND_ID;\n"
         "#pragma unroll\n"
         "    for (int o = 1; o < NW; o <<= 1) {\n"
         "      const acc_t y = __shfl_up_sync(GND_FULL, w, o);\n"
         "      if (lane >= o) w = GND_OP(y, w);\n"
         "    }\n"
         "    const acc_t total = __shfl_sync(GND_FULL, w, NW - 1);\n"
         "    if (lane < NW) warp_total[lane] = w;  // inclusive\n"
         "    // Look-back: warp 0 reads 32 predecessors of the row at a time, nearest in lane 0, and\n"
         "    // sums them up to the nearest one with an inclusive prefix.\n"
         "    acc_t prefix = GND_ID;\n"
         "    if (ti == 0) {\n"
         "      if (lane == 0) gnd_store(status + id, gnd_pack(total, 2));\n"
         "    } else {\n"
         "      if (lane == 0) gnd_store(status + id, gnd_pack(total, 1));\n"
         "      long long p = id - 1;\n"
         "      const long long first = id - ti;  // the row's first tile\n"
         "      while (true) {\n"
         "        const long long q = p - lane;\n"
         "        int f = 2;\n"
         "        acc_t val = GND_ID;\n"
         "        if (q >= first) {\n"
         "          gnd_word sw = gnd_read(status + q);\n"
         "          while (gnd_flag(sw) == 0) { GND_WAIT(); sw = gnd_read(status + q); }\n"
         "          f = gnd_flag(sw);\n"
         "          val = gnd_value(sw);\n"
         "        }\n"
         "        const unsigned done = __ballot_sync(GND_FULL, f == 2);\n"
         "        const int last = done ? __ffs(done) - 1 : 31;\n"
         "        if (lane > last) val = GND_ID;\n"
         "#pragma unroll\n"
         "        for (int o = 16; o > 0; o >>= 1) val = GND_OP(val, __shfl_xor_sync(GND_FULL, val, o));\n"
         "        prefix = GND_OP(val, prefix);\n"
         "        if (done) break;\n"
         "        p -= 32;\n"
         "      }\n"
         "      if (lane == 0) gnd_store(status + id, gnd_pack(GND_OP(prefix, total), 2));\n"
         "    }\n"
         "    if (lane == 0) block_prefix = prefix;\n"
         "  }\n"
         "  __syncthreads();\n"
         "  acc_t run = GND_OP(block_prefix, warp > 0 ? GND_OP(warp_total[warp - 1], excl) : excl);\n"
         "#pragma unroll\n"
         "  for (int j = 0; j < ITEMS; ++j) tile[PAD(t * ITEMS + j)] = GND_OP(run, v[j]);\n"
         "  __syncthreads();\n"
         "  if (count == TILE) {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < ITEMS; ++j) dst[j * THREADS + t] = tile[PAD(j * THREADS + t)];\n"
         "  } else {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < ITEMS; ++j) {\n"
         "      const int p = j * THREADS + t;\n"
         "      if (p < count) dst[p] = tile[PAD(p)];\n"
         "    }\n"
         "  }\n"
         "}\n";
    return s;
}

// The lines kernel (see the top of this file). Parameters: in, out, lines, n (axis length),
// inner (output stride of the axis), the input's axis stride, ndim/shape/strides of the input's
// other axes, groups of 256 lines, the chunk counter and the status words (one per chunk but the
// last, and line: index c * lines + t).
template <class T, scan_op Op>
std::string scan_lines_source() {
    using A = scan_acc_t<T>;
    std::string s = scan_prelude<T, Op>();
    s += scan_offset_source();
    s += "#define MIN_BLOCKS " + std::to_string(scan_lines_min_blocks) + "\n";
    s += "#define CHUNK " + std::to_string(scan_chunk<A>) + "\n#define WINDOW " +
         std::to_string(scan_lookback_window) + "\n";
    s += "extern \"C\" __global__ void __launch_bounds__(" + std::to_string(block_threads) +
         ", MIN_BLOCKS) gnd_kernel(const in_t* in, acc_t* out,\n"
         "    long long lines, long long n, long long inner, long long axis_stride, int ndim, gnd_shape shape,\n"
         "    gnd_shape strides, long long groups, unsigned long long* counter, gnd_word* status) {\n"
         "  __shared__ long long chunk_id;\n"
         "  if (threadIdx.x == 0) chunk_id = (long long)atomicAdd(counter, 1ull);\n"
         "  __syncthreads();\n"
         "  const long long id = chunk_id, c = id / groups, g = id - c * groups;\n"
         "  const long long t = g * blockDim.x + threadIdx.x;\n"
         "  if (t >= lines) return;\n"
         "  const long long o = t / inner, i = t - o * inner;\n"
         "  const long long k0 = c * CHUNK;\n"
         "  const in_t* src = in + gnd_offset(t, ndim, shape, strides) + k0 * axis_stride;\n"
         "  acc_t* dst = out + (o * n + k0) * inner + i;\n"
         "  const long long left = n - k0;\n"
         "  const int count = left < CHUNK ? (int)left : CHUNK;\n"
         "  acc_t v[CHUNK];\n"
         "  if (count == CHUNK) {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < CHUNK; ++j) v[j] = GND_LOAD(src[j * axis_stride]);\n"
         "  } else {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < CHUNK; ++j) v[j] = j < count ? GND_LOAD(src[j * axis_stride]) : GND_ID;\n"
         "  }\n"
         "#pragma unroll\n"
         "  for (int j = 1; j < CHUNK; ++j) v[j] = GND_OP(v[j - 1], v[j]);\n"
         "  acc_t prefix = GND_ID;\n"
         "  const bool last_chunk = k0 + CHUNK >= n;  // nobody reads its status\n"
         "  if (c == 0) {\n"
         "    if (!last_chunk) gnd_store(status + t, gnd_pack(v[CHUNK - 1], 2));\n"
         "  } else {\n"
         "    if (!last_chunk) gnd_store(status + c * lines + t, gnd_pack(v[CHUNK - 1], 1));\n"
         "    // Look-back along the line, WINDOW chunks per round trip (chunk 0 is always inclusive).\n"
         "    long long p = c - 1;\n"
         "    while (true) {\n"
         "      gnd_word w[WINDOW];\n"
         "#pragma unroll\n"
         "      for (int j = 0; j < WINDOW; ++j)\n"
         "        w[j] = p - j >= 0 ? gnd_read(status + (p - j) * lines + t) : gnd_pack(GND_ID, 2);\n"
         "      int state = 0, used = 0;  // state 1: an entry not published yet; 2: reached an inclusive prefix\n"
         "#pragma unroll\n"
         "      for (int j = 0; j < WINDOW; ++j) {\n"
         "        if (state == 0) {\n"
         "          const int f = gnd_flag(w[j]);\n"
         "          if (f == 0) state = 1;\n"
         "          else { prefix = GND_OP(gnd_value(w[j]), prefix); if (f == 2) state = 2; else ++used; }\n"
         "        }\n"
         "      }\n"
         "      if (state == 2) break;\n"
         "      p -= used;\n"
         "      if (state == 1) {  // wait on that entry alone, then read a new window from it\n"
         "        const gnd_word* q = status + p * lines + t;\n"
         "        while (gnd_flag(gnd_read(q)) == 0) GND_WAIT();\n"
         "      }\n"
         "    }\n"
         "    if (!last_chunk) gnd_store(status + c * lines + t, gnd_pack(GND_OP(prefix, v[CHUNK - 1]), 2));\n"
         "  }\n"
         "  if (count == CHUNK) {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < CHUNK; ++j) dst[j * inner] = GND_OP(prefix, v[j]);\n"
         "  } else {\n"
         "#pragma unroll\n"
         "    for (int j = 0; j < CHUNK; ++j)\n"
         "      if (j < count) dst[j * inner] = GND_OP(prefix, v[j]);\n"
         "  }\n"
         "}\n";
    return s;
}

// The kernel types (keys of get_library_kernel).
template <class T, scan_op Op, bool Contiguous, int Items>
struct scan_tile_kernel {
    static std::string source() { return scan_tile_source<T, Op, Contiguous, Items>(); }
};
template <class T, scan_op Op>
struct scan_lines_kernel {
    static std::string source() { return scan_lines_source<T, Op>(); }
};

}  // namespace gpu::detail
