#pragma once
// The text of the reduction kernels. One kernel per (reduction, expression type, variant); the
// expression's element is computed in registers and folded into the accumulator, so a fused
// input (sum(x * y)) is read once and nothing else is written. Three bodies:
//   inner (a warp or a block per output): the reduced axes are innermost in memory (a full
//     reduction, sum(axis=1) of a row-major matrix). A long reduction over few outputs is split
//     over several blocks (`splits`); each writes a partial, and the last to finish (atomic
//     counter after __threadfence) combines them: one launch, no host synchronization.
//   outer (a thread per output column): a kept axis is innermost (sum(axis=0)); a warp's threads
//     take adjacent outputs and loop over the reduced rows, a block's row-lanes split the rows
//     of narrow outputs, and blockIdx.y splits the rows over blocks with the same last-block
//     combine.
// With vec, arrays that are contiguous along the axis a thread walks (bit k of `mask`) move in
// 16-byte vectors; the other arrays are broadcast along it (stride 0).
#include <string>
#include <vector>

#include "gpu/core/shape.hpp"
#include "gpu/expr/shared_source.hpp"
#include "gpu/jit/kernel_variant.hpp"
#include "gpu/reductions/reduce_ops.hpp"

namespace gpu::detail {

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
};

// Vectors (or elements) each thread loads before folding them in: enough bytes in flight.
inline constexpr int reduce_unroll = 4;

// What the kernel text needs from the expression and the reduction.
struct reduce_text {
    std::vector<std::string> arrays;   // element type of each array operand
    std::vector<bool> index;           // operands that are index_leafs: the offset is the value
    std::vector<std::string> scalars;  // type of each scalar operand
    std::vector<const char*> op_sources;
    std::string expr;   // the expression over v<k> and c<j>
    std::string x_t;    // the expression's value type
    std::string op;     // e.g. "gnd::red_sum<long long>"
    std::string out_t;  // the result's element type
    bool arg = false;   // the accumulator needs each element's logical flat index
};

namespace reduce_gen {

inline std::string num(long long v) { return std::to_string(v); }

// Array k's element at offset `off`: a load, or for an index_leaf the offset itself.
inline std::string element(const reduce_text& t, std::size_t k, const std::string& off) {
    return t.index[k] ? "(long long)(" + off + ")" : "p" + std::to_string(k) + "[" + off + "]";
}

// `o` (output offset) and `b<k>` (array k's offset) of the kept element with linear index `var`.
inline std::string kept_offsets(const reduce_text& t, const reduce_variant& v, const std::string& var, bool arrays) {
    std::string s = "I o = 0";
    const std::size_t n = arrays ? t.arrays.size() : 0;
    for (std::size_t k = 0; k < n; ++k) s += ", b" + num(k) + " = 0";
    s += ";\n { I rem = " + var + ";\n #pragma unroll\n for (int d = " + num(v.krank - 1) +
         "; d >= 0; --d) { const I c = d ? rem % kshape.v[d] : rem; if (d) rem /= kshape.v[d]; o += c * so.v[d];";
    for (std::size_t k = 0; k < n; ++k) s += " b" + num(k) + " += c * k" + num(k) + ".v[d];";
    return s + " } }\n";
}

// `e<k>` (array k's offset along the reduced axes) and `l` (logical index) of reduced index `var`.
inline std::string reduced_offsets(const reduce_text& t, const reduce_variant& v, const std::string& var) {
    const std::size_t n = t.arrays.size();
    std::string s;
    if (v.rrank == 1) {
        for (std::size_t k = 0; k < n; ++k) s += "const I e" + num(k) + " = " + var + " * r" + num(k) + ".v[0]; ";
        if (t.arg) s += "const long long l = (long long)(" + var + ") * li.v[0]; ";
        return s + "\n";
    }
    s += "I ";
    for (std::size_t k = 0; k < n; ++k) s += (k ? ", e" : "e") + num(k) + " = 0";
    s += "; long long l = 0; { I rem = " + var + ";\n #pragma unroll\n for (int d = " + num(v.rrank - 1) +
         "; d >= 0; --d) { const I c = d ? rem % rshape.v[d] : rem; if (d) rem /= rshape.v[d];";
    for (std::size_t k = 0; k < n; ++k) s += " e" + num(k) + " += c * r" + num(k) + ".v[d];";
    if (t.arg) s += " l += (long long)c * li.v[d];";
    return s + " } }\n";
}

// Folds the element whose array values are `src(k)` into `acc`, at logical index `index`.
template <class F>
std::string fold(const reduce_text& t, const std::string& acc, F&& src, const std::string& index) {
    std::string s = "{ ";
    for (std::size_t k = 0; k < t.arrays.size(); ++k) s += "const " + t.arrays[k] + " v" + num(k) + " = " + src(k) + "; ";
    s += "const " + t.x_t + " x = (" + t.expr + "); " + acc + " = OP::combine(" + acc + ", OP::make(x, " +
         (t.arg ? index : std::string("0LL")) + ")); }\n";
    return s;
}

// Reduces `acc` over a group of G threads (32: a warp, 256: the block); thread 0 gets the result.
inline std::string group_reduce(const std::string& acc, int G) {
    std::string s = "#pragma unroll\n for (int d = 16; d > 0; d >>= 1) " + acc + " = OP::combine(" + acc +
                    ", gnd::shfl_down(" + acc + ", d));\n";
    if (G == 32) return s;
    s += "if ((threadIdx.x & 31) == 0) sh[threadIdx.x >> 5] = " + acc + ";\n __syncthreads();\n";
    s += "if (threadIdx.x < 32) { " + acc + " = threadIdx.x < " + num(G / 32) + " ? sh[threadIdx.x] : OP::identity();\n";
    s += "#pragma unroll\n for (int d = 16; d > 0; d >>= 1) " + acc + " = OP::combine(" + acc + ", gnd::shfl_down(" + acc +
         ", d)); }\n __syncthreads();\n";
    return s;
}

inline std::string vec_t(const reduce_text& t, std::size_t k, const reduce_variant& v) {
    return "gnd::vec<" + t.arrays[k] + ", " + num(v.width) + ">";
}

// Loads of U elements (or vectors) into a<k>[u]: each array's offset is `base(k)` + the reduced
// offset of index `j(u)`.
inline std::string unrolled_loads(const reduce_text& t, const reduce_variant& v, int U, bool vec,
                                  const std::string& jexpr) {
    std::string s;
    const std::size_t n = t.arrays.size();
    for (std::size_t k = 0; k < n; ++k)
        s += (vec ? vec_t(t, k, v) : t.arrays[k]) + " a" + num(k) + "[" + num(U) + "]; ";
    if (t.arg) s += "long long ix[" + num(U) + "]; ";
    s += "\n #pragma unroll\n for (int u = 0; u < " + num(U) + "; ++u) { const I jj = " + jexpr + ";\n ";
    s += reduced_offsets(t, v, "jj");
    for (std::size_t k = 0; k < n; ++k) {
        const std::string ks = num(k);
        if (!vec) {
            s += " a" + ks + "[u] = " + element(t, k, "b" + ks + " + e" + ks) + ";\n";
        } else if (t.index[k]) {
            s += " {\n #pragma unroll\n for (int q = 0; q < " + num(v.width) + "; ++q) a" + ks + "[u].v[q] = (long long)(b" + ks +
                 " + e" + ks + ") + ((mask & " + num(1ll << k) + "u) ? q : 0); }\n";
        } else {
            s += " if (mask & " + num(1ll << k) + "u) a" + ks + "[u] = *reinterpret_cast<const " + vec_t(t, k, v) + "*>(p" +
                 ks + " + b" + ks + " + e" + ks + "); else { const " + t.arrays[k] + " sc = p" + ks + "[b" + ks + " + e" +
                 ks + "];\n #pragma unroll\n for (int q = 0; q < " + num(v.width) + "; ++q) a" + ks + "[u].v[q] = sc; }\n";
        }
    }
    if (t.arg) s += " ix[u] = l;";
    return s + " }\n";
}

inline std::string header(const reduce_text& t, const reduce_variant& v) {
    const std::string I = v.idx64 ? "long long" : "int";
    const std::string KD = "gnd::dims<" + I + ", " + num(v.krank) + ">", RD = "gnd::dims<" + I + ", " + num(v.rrank) + ">";
    std::string s;
    s.reserve(16384);
    s += "// generated by gpu_ndarray (reduction)\n#define GND_FN __device__ __forceinline__\nnamespace gnd {\n";
    s += prelude_source;
    s += "\n";
    for (const char* op : t.op_sources) (s += op) += "\n";
    s += reduce_ops_source;
    s += "\ntemplate <class T, int N> struct alignas(sizeof(T) * N) vec { T v[N]; };\n";
    s += "template <class I, int R> struct dims { I v[R]; };\n";
    // Shuffles and L2 loads of any accumulator (bit copies through a union).
    s += R"(template <class T> GND_FN T shfl_down(T x, int d) {
  if constexpr (sizeof(T) == 8) { union { T t; unsigned long long u; } c; c.t = x; c.u = __shfl_down_sync(0xffffffffu, c.u, d); return c.t; }
  else { union { T t; unsigned u; } c; c.u = 0; c.t = x; c.u = __shfl_down_sync(0xffffffffu, c.u, d); return c.t; }
}
template <class T> GND_FN arg_pair<T> shfl_down(arg_pair<T> a, int d) { a.v = shfl_down(a.v, d); a.i = shfl_down(a.i, d); return a; }
template <class T> GND_FN T load_cg(const T* p) {
  if constexpr (sizeof(T) == 8) { union { T t; unsigned long long u; } c; c.u = __ldcg((const unsigned long long*)p); return c.t; }
  else if constexpr (sizeof(T) == 4) { union { T t; unsigned u; } c; c.u = __ldcg((const unsigned*)p); return c.t; }
  else if constexpr (sizeof(T) == 2) { union { T t; unsigned short u; } c; c.u = __ldcg((const unsigned short*)p); return c.t; }
  else { union { T t; unsigned char u; } c; c.u = __ldcg((const unsigned char*)p); return c.t; }
}
template <class T> GND_FN arg_pair<T> load_cg(const arg_pair<T>* p) { arg_pair<T> a; a.v = load_cg(&p->v); a.i = load_cg(&p->i); return a; }
}
)";
    s += "extern \"C\" __global__ void __launch_bounds__(" + num(block_threads) + ") gnd_kernel(";
    s += t.out_t + "* out, " + KD + " so";
    for (std::size_t k = 0; k < t.arrays.size(); ++k)
        s += ", const " + t.arrays[k] + "* p" + num(k) + ", " + KD + " k" + num(k) + ", " + RD + " r" + num(k);
    for (std::size_t j = 0; j < t.scalars.size(); ++j) s += ", const " + t.scalars[j] + " c" + num(j);
    s += ", " + KD + " kshape, " + RD + " rshape, " + RD + " li, const " + I + " rows, const " + I + " m, const " + I +
         " splits, const " + I + " chunk, void* partials_, unsigned* counters, const double divisor, const unsigned mask, "
         "const int cw) {\n";
    s += "typedef " + I + " I;\ntypedef " + t.op + " OP;\ntypedef typename OP::acc ACC;\nACC* partials = (ACC*)partials_;\n";
    return s;
}

inline void inner_body(std::string& s, const reduce_text& t, const reduce_variant& v) {
    const int G = v.kind == reduce_variant::inner_block ? block_threads : 32;
    const int U = reduce_unroll, W = v.width;
    const std::string Gs = num(G), Ws = num(W), Us = num(U);
    if (G > 32) s += "__shared__ ACC sh[" + num(G / 32) + "]; __shared__ int shlast;\n";
    s += "const int gl = threadIdx.x % " + Gs + ";\n";
    s += "const I per_block = blockDim.x / " + Gs + ", groups = (I)gridDim.x * per_block;\n";
    s += "for (I item = (I)blockIdx.x * per_block + threadIdx.x / " + Gs + "; item < rows * splits; item += groups) {\n";
    s += "const I row = item / splits, split = item - row * splits;\n";
    s += kept_offsets(t, v, "row", true);
    s += "ACC acc = OP::identity();\nconst I lo = split * chunk, hi = lo + chunk < m ? lo + chunk : m;\n";
    if (v.vec) {
        s += "const I hv = lo + (hi - lo) / " + Ws + " * " + Ws + ";\nI j = lo + gl * " + Ws + ";\n";
        for (int pass = 0; pass < 2; ++pass) {
            const int u = pass == 0 ? U : 1;
            const std::string step = num(u) + " * " + Gs + " * " + Ws;
            s += "for (; j + (" + num(u - 1) + ") * " + Gs + " * " + Ws + " + " + Ws + " <= hv; j += " + step + ") {\n";
            s += unrolled_loads(t, v, u, true, "j + u * " + Gs + " * " + Ws);
            s += "#pragma unroll\n for (int u = 0; u < " + num(u) + "; ++u) {\n#pragma unroll\n for (int q = 0; q < " + Ws +
                 "; ++q) ";
            s += fold(t, "acc", [](std::size_t k) { return "a" + num(k) + "[u].v[q]"; }, "ix[u] + q * li.v[0]");
            s += "}\n}\n";
        }
        s += "for (I jt = hv + gl; jt < hi; jt += " + Gs + ") {\n" + reduced_offsets(t, v, "jt");
        s += fold(t, "acc", [&](std::size_t k) { return element(t, k, "b" + num(k) + " + e" + num(k)); }, "l");
        s += "}\n";
    } else {
        s += "I j = lo + gl;\n";
        s += "for (; j + (" + num(U - 1) + ") * " + Gs + " < hi; j += " + Us + " * " + Gs + ") {\n";
        s += unrolled_loads(t, v, U, false, "j + u * " + Gs);
        s += "#pragma unroll\n for (int u = 0; u < " + Us + "; ++u) ";
        s += fold(t, "acc", [](std::size_t k) { return "a" + num(k) + "[u]"; }, "ix[u]");
        s += "}\nfor (; j < hi; j += " + Gs + ") {\n" + reduced_offsets(t, v, "j");
        s += fold(t, "acc", [&](std::size_t k) { return element(t, k, "b" + num(k) + " + e" + num(k)); }, "l");
        s += "}\n";
    }
    s += group_reduce("acc", G);
    s += "if (splits == 1) { if (gl == 0) out[o] = OP::template finalize<" + t.out_t + ">(acc, divisor); continue; }\n";
    s += "int last = 0;\nif (gl == 0) { partials[item] = acc; __threadfence(); last = atomicAdd(counters + row, 1u) == "
         "(unsigned)(splits - 1); }\n";
    if (G == 32) s += "last = __shfl_sync(0xffffffffu, last, 0);\n";
    else s += "if (threadIdx.x == 0) shlast = last;\n __syncthreads();\n last = shlast;\n __syncthreads();\n";
    s += "if (last) {\n __threadfence();\n ACC a = OP::identity();\n for (I q = gl; q < splits; q += " + Gs +
         ") a = OP::combine(a, gnd::load_cg(partials + row * splits + q));\n";
    s += group_reduce("a", G);
    s += "if (gl == 0) { out[o] = OP::template finalize<" + t.out_t + ">(a, divisor); counters[row] = 0; }\n}\n}\n}\n";
}

inline void outer_body(std::string& s, const reduce_text& t, const reduce_variant& v) {
    const int U = reduce_unroll, W = v.vec ? v.width : 1;
    const std::string Ws = num(W), Us = num(U), last_k = num(v.krank - 1);
    s += "__shared__ ACC sh[" + num(block_threads) + "]; __shared__ int shlast;\n";
    s += "const int tx = threadIdx.x % cw, ty = threadIdx.x / cw, rw = blockDim.x / cw;\n";
    s += "const I items = rows / " + Ws + ", col_blocks = (items + cw - 1) / cw;\n";
    s += "const I lo = (I)blockIdx.y * chunk, hi = lo + chunk < m ? lo + chunk : m;\n";
    s += "for (I cb = blockIdx.x; cb < col_blocks; cb += gridDim.x) {\n";
    s += "const I it = cb * cw + tx;\nconst bool live = it < items;\nACC acc[" + Ws + "];\n";
    s += "#pragma unroll\n for (int q = 0; q < " + Ws + "; ++q) acc[q] = OP::identity();\n";
    s += kept_offsets(t, v, "it * " + Ws, true) + "if (live) {\n";
    for (int pass = 0; pass < 2; ++pass) {
        const int u = pass == 0 ? U : 1;
        if (pass == 0) s += "I j = lo + ty;\nfor (; j + (" + num(u - 1) + ") * rw < hi; j += " + num(u) + " * rw) {\n";
        else s += "for (; j < hi; j += rw) {\n";
        s += unrolled_loads(t, v, u, v.vec, "j + u * rw");
        s += "#pragma unroll\n for (int u = 0; u < " + num(u) + "; ++u) {\n";
        if (v.vec) {
            s += "#pragma unroll\n for (int q = 0; q < " + Ws + "; ++q) ";
            s += fold(t, "acc[q]", [](std::size_t k) { return "a" + num(k) + "[u].v[q]"; }, "ix[u]");
        } else {
            s += fold(t, "acc[0]", [](std::size_t k) { return "a" + num(k) + "[u]"; }, "ix[u]");
        }
        s += "}\n}\n";
    }
    s += "}\n";
    // Row-lanes of one column meet in shared memory.
    s += "if (rw > 1) {\n#pragma unroll\n for (int q = 0; q < " + Ws + "; ++q) {\n sh[threadIdx.x] = acc[q];\n __syncthreads();\n";
    s += " for (int h = rw / 2; h > 0; h >>= 1) { if (ty < h) sh[threadIdx.x] = OP::combine(sh[threadIdx.x], sh[threadIdx.x + h * "
         "cw]); __syncthreads(); }\n";
    s += " if (ty == 0) acc[q] = sh[threadIdx.x];\n __syncthreads();\n }\n}\n";
    s += "if (ty == 0 && live) {\n if (gridDim.y == 1) {\n#pragma unroll\n for (int q = 0; q < " + Ws + "; ++q) out[o + q * so.v[" +
         last_k + "]] = OP::template finalize<" + t.out_t + ">(acc[q], divisor);\n } else {\n#pragma unroll\n for (int q = 0; q < " +
         Ws + "; ++q) partials[((I)blockIdx.y * items + it) * " + Ws + " + q] = acc[q];\n }\n}\n}\n";
    // The last block of each column group combines the row splits.
    s += "if (gridDim.y == 1) return;\n__threadfence();\n__syncthreads();\n";
    s += "if (threadIdx.x == 0) shlast = atomicAdd(counters + blockIdx.x, 1u) == gridDim.y - 1;\n__syncthreads();\n";
    s += "if (!shlast) return;\n__threadfence();\n";
    s += "for (I cb = blockIdx.x; cb < col_blocks; cb += gridDim.x) {\n";
    s += " for (I q = threadIdx.x; q < (I)cw * " + Ws + "; q += blockDim.x) {\n";
    s += "  const I it = cb * cw + q / " + Ws + "; const int e = (int)(q % " + Ws + ");\n  if (it >= items) continue;\n";
    s += "  ACC a = OP::identity();\n#pragma unroll 8\n  for (I y = 0; y < (I)gridDim.y; ++y) a = OP::combine(a, gnd::load_cg(partials + (y * "
         "items + it) * " + Ws + " + e));\n";
    s += "  " + kept_offsets(t, v, "it * " + Ws, false);
    s += "  out[o + e * so.v[" + last_k + "]] = OP::template finalize<" + t.out_t + ">(a, divisor);\n }\n}\n";
    s += "if (threadIdx.x == 0) counters[blockIdx.x] = 0;\n}\n";
}

}  // namespace reduce_gen

inline std::string assemble_reduction(const reduce_text& t, const reduce_variant& v) {
    std::string s = reduce_gen::header(t, v);
    if (v.kind == reduce_variant::outer) reduce_gen::outer_body(s, t, v);
    else {
        reduce_gen::inner_body(s, t, v);
    }
    return s;
}

}  // namespace gpu::detail
