#pragma once
// The bodies of the generated kernels, one function per variant. Each appends the code that
// follows the parameter list assemble_kernel (jit/codegen.hpp) declares: `out`, array k as `p<k>`
// with strides `s<k>` (output: `so`), `shape`, the element count `n` and, where a variant uses
// one, the per-array bit `mask`. Each body defines `v<k>`, the element of array k that `expr`
// reads, before evaluating it.
#include <string>
#include <vector>

#include "gpu/jit/kernel_variant.hpp"

namespace gpu::detail {

struct kernel_text {
    const std::vector<std::string>& arrays;  // element type of each array operand
    const std::vector<bool>& index;          // arrays that are index_leafs: their offset is the value
    const std::string& expr;                 // the expression over v<k> and the scalars c<j>
    const std::string& out_t;                // the output element type
    const kernel_variant& v;

    std::string store(const std::string& where) const { return "out[" + where + "] = gnd::cast<" + out_t + ">(" + expr + ");"; }
    std::string bit(std::size_t k) const { return "(mask & " + std::to_string(1u << k) + "u)"; }
    // Array k's element at offset `off`: a load, or for an index_leaf the offset itself.
    std::string element(std::size_t k, const std::string& off) const {
        const std::string ks = std::to_string(k);
        return index[k] ? "(long long)(" + off + ")" : "p" + ks + "[" + off + "]";
    }
};

// Contiguous operands: each thread moves vectors_per_thread vectors of `vec` elements, strided
// by the block so a warp's accesses are contiguous; all loads are issued before any use.
inline void flat_body(std::string& s, const kernel_text& t) {
    const std::string V = std::to_string(t.v.vec), U = std::to_string(vectors_per_thread);
    s += "  const I step = (I)blockDim.x * " + V + ";\n";
    s += "  const I base = (I)blockIdx.x * step * " + U + " + (I)threadIdx.x * " + V + ";\n";
    s += "  if (base + step * (" + U + " - 1) + " + V + " <= n) {\n";
    for (std::size_t k = 0; k < t.arrays.size(); ++k) {
        if (t.index[k]) continue;
        const std::string ks = std::to_string(k), vt = "gnd::vec<" + t.arrays[k] + ", " + V + ">";
        s += "    " + vt + " a" + ks + "[" + U + "];\n";
        s += "    #pragma unroll\n    for (int u = 0; u < " + U + "; ++u) a" + ks + "[u] = *reinterpret_cast<const " + vt +
             "*>(p" + ks + " + base + u * step);\n";
    }
    s += "    #pragma unroll\n    for (int u = 0; u < " + U + "; ++u) {\n";
    s += "      gnd::vec<" + t.out_t + ", " + V + "> r;\n";
    s += "      #pragma unroll\n      for (int j = 0; j < " + V + "; ++j) { ";
    for (std::size_t k = 0; k < t.arrays.size(); ++k)
        s += "const " + t.arrays[k] + " v" + std::to_string(k) + " = " +
             (t.index[k] ? t.element(k, "base + u * step + j") : "a" + std::to_string(k) + "[u].v[j]") + "; ";
    s += "r.v[j] = gnd::cast<" + t.out_t + ">(" + t.expr + "); }\n";
    s += "      *reinterpret_cast<gnd::vec<" + t.out_t + ", " + V + ">*>(out + base + u * step) = r;\n    }\n";
    s += "  } else {\n";
    s += "    for (int u = 0; u < " + U + "; ++u)\n      for (int j = 0; j < " + V + "; ++j) {\n";
    s += "        const I i = base + u * step + j;\n        if (i < n) { ";
    for (std::size_t k = 0; k < t.arrays.size(); ++k)
        s += "const " + t.arrays[k] + " v" + std::to_string(k) + " = " + t.element(k, "i") + "; ";
    s += t.store("i") + " }\n      }\n  }\n}\n";
}

// Any strides: a grid-stride loop whose coordinates come from the index by division. With
// vec > 1 each step covers `vec` elements along the innermost axis, where the output and the
// arrays in `mask` are contiguous and the others are broadcast (stride 0): rows broadcast
// against a matrix move in 16-byte accesses.
inline void strided_body(std::string& s, const kernel_text& t) {
    const std::string R = std::to_string(t.v.rank), V = std::to_string(t.v.vec);
    const bool vec = t.v.vec > 1;
    const std::size_t n = t.arrays.size();
    s += "  typedef unsigned " + std::string(t.v.idx64 ? "long long" : "int") + " U;\n";
    s += "  const I inner = shape.v[" + R + " - 1] / " + V + ";\n";
    s += "  for (I i = (I)blockIdx.x * blockDim.x + threadIdx.x; i < n / " + V + "; i += (I)gridDim.x * blockDim.x) {\n";
    s += "    U rem = (U)i / (U)inner; I o = 0";
    for (std::size_t k = 0; k < n; ++k) s += ", o" + std::to_string(k) + " = 0";
    s += ";\n    { const I c = (I)((U)i % (U)inner) * " + V + "; o += c * so.v[" + R + " - 1];";
    for (std::size_t k = 0; k < n; ++k) s += " o" + std::to_string(k) + " += c * s" + std::to_string(k) + ".v[" + R + " - 1];";
    s += " }\n    #pragma unroll\n    for (int d = " + R + " - 2; d >= 0; --d) {\n";
    s += "      const I c = d ? (I)(rem % (U)shape.v[d]) : (I)rem; if (d) rem /= (U)shape.v[d];\n      o += c * so.v[d];";
    for (std::size_t k = 0; k < n; ++k) s += " o" + std::to_string(k) + " += c * s" + std::to_string(k) + ".v[d];";
    s += "\n    }\n";
    if (!vec) {
        for (std::size_t k = 0; k < n; ++k)
            s += "    const " + t.arrays[k] + " v" + std::to_string(k) + " = " + t.element(k, "o" + std::to_string(k)) + ";\n";
        s += "    " + t.store("o") + "\n  }\n}\n";
        return;
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::string ks = std::to_string(k), vt = "gnd::vec<" + t.arrays[k] + ", " + V + ">";
        if (t.index[k]) {  // contiguous inner axis: consecutive indices; broadcast: one index
            s += "    " + vt + " a" + ks + "; for (int j = 0; j < " + V + "; ++j) a" + ks + ".v[j] = o" + ks + " + (" +
                 t.bit(k) + " ? j : 0);\n";
            continue;
        }
        s += "    " + vt + " a" + ks + ";\n    if " + t.bit(k) + " a" + ks + " = *reinterpret_cast<const " + vt + "*>(p" + ks +
             " + o" + ks + ");\n    else { const " + t.arrays[k] + " x = p" + ks + "[o" + ks + "]; for (int j = 0; j < " + V +
             "; ++j) a" + ks + ".v[j] = x; }\n";
    }
    s += "    gnd::vec<" + t.out_t + ", " + V + "> r;\n    #pragma unroll\n    for (int j = 0; j < " + V + "; ++j) { ";
    for (std::size_t k = 0; k < n; ++k)
        s += "const " + t.arrays[k] + " v" + std::to_string(k) + " = a" + std::to_string(k) + ".v[j]; ";
    s += "r.v[j] = gnd::cast<" + t.out_t + ">(" + t.expr + "); }\n";
    s += "    *reinterpret_cast<gnd::vec<" + t.out_t + ", " + V + ">*>(out + o) = r;\n  }\n}\n";
}

// Rank 2, output contiguous along axis 1. Arrays in `mask` are contiguous along axis 0 instead
// (transposed): each tile of them is read with threads walking axis 0, staged in shared memory
// and read back transposed, so every global access is coalesced. The other arrays are loaded
// into registers before the barrier, so all of a tile's loads are in flight together.
inline void tiled_body(std::string& s, const kernel_text& t) {
    const std::string E = std::to_string(tile_edge), RW = std::to_string(tile_rows);
    const std::string P = std::to_string(tile_edge / tile_rows);  // passes per tile
    const std::size_t n = t.arrays.size();
    for (std::size_t k = 0; k < n; ++k)
        s += "  __shared__ " + t.arrays[k] + " t" + std::to_string(k) + "[" + E + "][" + E + " + 1];\n";
    s += "  const int tx = threadIdx.x % " + E + ", ty = threadIdx.x / " + E + ";\n";
    s += "  const I n0 = shape.v[0], n1 = shape.v[1], tiles1 = (n1 + " + E + " - 1) / " + E + ";\n";
    s += "  const I tiles = (n0 + " + E + " - 1) / " + E + " * tiles1;\n";
    s += "  for (I tile = blockIdx.x; tile < tiles; tile += gridDim.x) {\n";
    s += "    const I r0 = tile / tiles1 * " + E + ", c0 = tile % tiles1 * " + E + ";\n";
    for (std::size_t k = 0; k < n; ++k) {
        const std::string ks = std::to_string(k);
        s += "    " + t.arrays[k] + " a" + ks + "[" + P + "];\n";
        s += "    #pragma unroll\n    for (int u = 0; u < " + P + "; ++u) {\n      const int m = ty + u * " + RW + ";\n";
        s += "      if " + t.bit(k) + " { const I i = r0 + tx, j = c0 + m; if (i < n0 && j < n1) t" + ks + "[m][tx] = " +
             t.element(k, "i * s" + ks + ".v[0] + j * s" + ks + ".v[1]") + "; }\n";
        s += "      else { const I i = r0 + m, j = c0 + tx; if (i < n0 && j < n1) a" + ks + "[u] = " +
             t.element(k, "i * s" + ks + ".v[0] + j * s" + ks + ".v[1]") + "; }\n    }\n";
    }
    s += "    __syncthreads();\n";
    s += "    #pragma unroll\n    for (int u = 0; u < " + P + "; ++u) {\n      const int m = ty + u * " + RW + ";\n";
    s += "      const I i = r0 + m, j = c0 + tx;\n      if (i < n0 && j < n1) {\n";
    for (std::size_t k = 0; k < n; ++k) {
        const std::string ks = std::to_string(k);
        s += "        const " + t.arrays[k] + " v" + ks + " = " + t.bit(k) + " ? t" + ks + "[tx][m] : a" + ks + "[u];\n";
    }
    s += "        " + t.store("i * so.v[0] + j * so.v[1]") + "\n      }\n    }\n";
    s += "    __syncthreads();\n  }\n}\n";
}

}  // namespace gpu::detail
