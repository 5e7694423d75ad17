#pragma once
// Which of the generated kernels a launch needs, and the launch geometry constants they share.
// Everything else varies per call and is a kernel argument, so a new shape or scalar value never
// compiles anything.
#include "gpu/core/shape.hpp"

namespace gpu::detail {

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
};

// Threads per block and vector accesses per thread of the flat kernel.
inline constexpr int block_threads = 256;
inline constexpr int vectors_per_thread = 4;
// The tiled kernel's square tile edge; a block of block_threads covers it in tile / rows passes.
inline constexpr int tile_edge = 32;
inline constexpr int tile_rows = block_threads / tile_edge;
// Static shared memory the tiled kernel may use: one padded tile per array operand.
inline constexpr int tile_smem_limit = 48 * 1024;
inline constexpr int tile_bytes_per_item = tile_edge * (tile_edge + 1);

}  // namespace gpu::detail
