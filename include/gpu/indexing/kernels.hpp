#pragma once
// CUDA source of the indexing kernels (library kernels, jit/library_kernel.hpp): gather (take),
// scatter (put), and a two-pass stream compaction for boolean masks and nonzero. Each kernel type
// below names one source as a function of its dtypes. Gathers and scatters only move bytes, so
// they are keyed on an unsigned type of the element's size: float and int32 share a kernel.
// All index arithmetic is 64-bit (correct above 2^31 elements; these kernels are memory-bound).
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/core/shape.hpp"
#include "gpu/expr/nodes.hpp"
#include "gpu/jit/codegen.hpp"

namespace gpu::detail {

// The unsigned type of an element's size: what gathers and scatters copy.
template <std::size_t Bytes> struct storage_of;
template <> struct storage_of<1> { using type = std::uint8_t; };
template <> struct storage_of<2> { using type = std::uint16_t; };
template <> struct storage_of<4> { using type = std::uint32_t; };
template <> struct storage_of<8> { using type = std::uint64_t; };
template <class T>
using storage_t = typename storage_of<sizeof(T)>::type;

// The type whose `!= 0` is NumPy's truth of a T: a bool is read as its byte; floats stay floats
// (-0.0 is false, NaN is true).
template <class T>
using truth_t = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

// Elements one block handles at least, in the compaction passes; blocks own contiguous chunks.
inline constexpr std::int64_t min_chunk = 4096;

// A shape passed by value to a kernel (struct gnd_shape in the source).
struct kernel_shape {
    std::int64_t v[max_ndim];
};

inline std::string library_kernel_head() {
    return "// gpu_ndarray library kernel\nstruct gnd_shape { long long v[" + std::to_string(max_ndim) +
           "]; };\nextern \"C\" __global__ void __launch_bounds__(" + std::to_string(block_threads) + ") gnd_kernel(";
}

// out[o, j, k] = a[o, idx[j], k] over a contiguous (outer, n, inner) view of a; a bad index
// records its position j (the lowest one wins), and the host raises NumPy's IndexError.
inline std::string gather_source(const char* S, const char* I) {
    std::string s = library_kernel_head();
    s += std::string(S) + "* out, const " + S + "* a, const " + I +
         "* idx, long long m, long long n, long long inner, long long total, unsigned long long* bad) {\n"
         "  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total;\n"
         "       i += (long long)gridDim.x * blockDim.x) {\n"
         "    const long long k = i % inner, r = i / inner, j = r % m, o = r / m;\n"
         "    long long x = (long long)idx[j];\n"
         "    if (x < 0) x += n;\n"
         "    if (x < 0 || x >= n) { atomicMin(bad, (unsigned long long)j); continue; }\n"
         "    out[i] = a[(o * n + x) * inner + k];\n"
         "  }\n}\n";
    return s;
}

// a[idx[j]] = vals[j % nv] (NumPy's put, values cycled); bad indices as in gather.
inline std::string put_source(const char* S, const char* I) {
    std::string s = library_kernel_head();
    s += std::string(S) + "* a, long long n, const " + I + "* idx, long long ni, const " + S +
         "* vals, long long nv, unsigned long long* bad) {\n"
         "  for (long long j = (long long)blockIdx.x * blockDim.x + threadIdx.x; j < ni;\n"
         "       j += (long long)gridDim.x * blockDim.x) {\n"
         "    long long x = (long long)idx[j];\n"
         "    if (x < 0) x += n;\n"
         "    if (x < 0 || x >= n) { atomicMin(bad, (unsigned long long)j); continue; }\n"
         "    a[x] = vals[j % nv];\n"
         "  }\n}\n";
    return s;
}

// Pass 1 of the compaction: block b counts the true elements of mask[b * chunk, (b + 1) * chunk).
inline std::string count_source(const char* M) {
    std::string s = library_kernel_head();
    s += std::string("const ") + M +
         "* mask, long long n, long long chunk, long long* counts) {\n"
         "  __shared__ unsigned long long total;\n"
         "  if (threadIdx.x == 0) total = 0;\n"
         "  __syncthreads();\n"
         "  const long long start = (long long)blockIdx.x * chunk;\n"
         "  const long long end = start + chunk < n ? start + chunk : n;\n"
         "  unsigned long long c = 0;\n"
         "  for (long long i = start + threadIdx.x; i < end; i += blockDim.x) c += mask[i] != (" + M + ")0;\n"
         "  for (int off = 16; off > 0; off >>= 1) c += __shfl_down_sync(0xffffffffu, c, off);\n"
         "  if ((threadIdx.x & 31) == 0) atomicAdd(&total, c);\n"
         "  __syncthreads();\n"
         "  if (threadIdx.x == 0) counts[blockIdx.x] = (long long)total;\n}\n";
    return s;
}

// Pass 2 of the compaction: block b walks its chunk in tiles of blockDim.x elements, in order;
// within a tile a warp ballot and the per-warp counts give each true element its position p
// among the true elements (offsets[b] is the count before the block, from the host's scan).
// `action` runs for every true element with its flat index i and position p.
inline std::string compaction_source(const char* M, const std::string& params, const std::string& action) {
    std::string s = library_kernel_head();
    s += std::string("const ") + M + "* mask, " + params +
         ", const long long* offsets, long long n, long long chunk) {\n"
         "  __shared__ int warp_counts[32];\n"
         "  const long long start = (long long)blockIdx.x * chunk;\n"
         "  const long long end = start + chunk < n ? start + chunk : n;\n"
         "  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, n_warps = blockDim.x >> 5;\n"
         "  long long base = offsets[blockIdx.x];\n"
         "  for (long long t = start; t < end; t += blockDim.x) {\n"
         "    const long long i = t + threadIdx.x;\n"
         "    const bool f = i < end && mask[i] != (" + M + ")0;\n"
         "    const unsigned ballot = __ballot_sync(0xffffffffu, f);\n"
         "    if (lane == 0) warp_counts[warp] = __popc(ballot);\n"
         "    __syncthreads();\n"
         "    int before = 0, tile_total = 0;\n"
         "    for (int w = 0; w < n_warps; ++w) { const int c = warp_counts[w]; if (w < warp) before += c; tile_total += c; }\n"
         "    if (f) {\n"
         "      const long long p = base + before + __popc(ballot & ((1u << lane) - 1u));\n"
         "      " + action + "\n"
         "    }\n"
         "    base += tile_total;\n"
         "    __syncthreads();  // warp_counts is rewritten by the next tile\n"
         "  }\n}\n";
    return s;
}

// dst[p] = src[i]: a[mask].
inline std::string select_source(const char* S) {
    return compaction_source("unsigned char", std::string("const ") + S + "* src, " + S + "* dst", "dst[p] = src[i];");
}

// dst[i] = src[p]: a[mask] = values.
inline std::string scatter_masked_source(const char* S) {
    return compaction_source("unsigned char", std::string(S) + "* dst, const " + S + "* src", "dst[i] = src[p];");
}

// The coordinates of the p-th true element: dst[p, d] (argwhere, per_axis == 0) or dst[d, p]
// (nonzero: one contiguous row per axis, per_axis != 0), from the flat index i and the shape.
inline std::string coords_source(const char* M) {
    return compaction_source(M, "long long* dst, long long count, int ndim, gnd_shape shape, int per_axis",
                             "long long r = i;\n"
                             "      for (int d = ndim - 1; d >= 0; --d) {\n"
                             "        const long long e = shape.v[d], c = r % e; r /= e;\n"
                             "        dst[per_axis ? d * count + p : p * ndim + d] = c;\n"
                             "      }");
}

// The kernel types (keys of get_library_kernel).
template <class S, class I>
struct gather_kernel {
    static std::string source() { return gather_source(cuda_type_name<S>(), cuda_type_name<I>()); }
};
template <class S, class I>
struct put_kernel {
    static std::string source() { return put_source(cuda_type_name<S>(), cuda_type_name<I>()); }
};
template <class M>
struct count_kernel {
    static std::string source() { return count_source(cuda_type_name<M>()); }
};
template <class S>
struct select_kernel {
    static std::string source() { return select_source(cuda_type_name<S>()); }
};
template <class S>
struct scatter_masked_kernel {
    static std::string source() { return scatter_masked_source(cuda_type_name<S>()); }
};
template <class M>
struct coords_kernel {
    static std::string source() { return coords_source(cuda_type_name<M>()); }
};

}  // namespace gpu::detail
