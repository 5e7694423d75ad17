#pragma once
// Short rows (at most 2048 keys, and any sort of at most 2048 keys): one block per row, sorted in
// registers and shared memory by CUB's block-level radix sort (cub::BlockRadixSort, compiled by
// NVRTC), one kernel for the whole array. Blocks stride over the rows.
//   - keys are loaded in the blocked arrangement (thread t holds row positions t * Items ...), the
//     order BlockRadixSort keeps for equal keys, so the sort is stable; each key carries its
//     position in the row;
//   - a NaN is made positive (NaNs last whatever their sign); positions past the row's end hold
//     the largest key in radix order, after every real key (ties go by position);
//   - results come out striped: position i * Threads + t, coalesced stores.
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/sorting/radix_kernels.hpp"

namespace gpu::detail {

inline constexpr const char row_sort_source[] = R"(
#include <cub/block/block_radix_sort.cuh>
static_assert(CCCL_VERSION == GND_CCCL_VERSION, "the CCCL headers differ from the version in the cache key");
namespace gnd {
/* The largest key in radix order: a positive NaN with every payload bit set for floats, the
   largest value for integers. */
template <class K> GND_FN K row_sort_pad() {
  using U = typename uint_of<sizeof(K)>::type;
  union { K k; U u; } c;
  if constexpr (is_float<K> || is_signed_int<K>) c.u = U(~U(0)) >> 1;
  else c.u = U(~U(0));
  return c.k;
}
template <class K> GND_FN K row_sort_key(K x) {
  if constexpr (is_float<K>) {
    if (x != x) {
      using U = typename uint_of<sizeof(K)>::type;
      union { K k; U u; } c;
      c.k = x;
      c.u &= ~(U(1) << (sizeof(K) * 8 - 1));
      return c.k;
    }
  }
  return x;
}
template <class K, int Threads, int Items>
__global__ void __launch_bounds__(Threads) sort_rows_block(const K* keys, K* keys_out, long long* idx_out, long long rows,
                                                           int cols) {
  using Sort = cub::BlockRadixSort<K, Threads, Items, int>;
  __shared__ typename Sort::TempStorage tmp;
  for (long long r = blockIdx.x; r < rows; r += gridDim.x) {
    const K* row = keys + r * cols;
    K k[Items];
    int v[Items];
#pragma unroll
    for (int i = 0; i < Items; ++i) {
      const int j = threadIdx.x * Items + i;
      k[i] = j < cols ? row_sort_key(row[j]) : row_sort_pad<K>();
      v[i] = j;
    }
    Sort(tmp).SortBlockedToStriped(k, v);
#pragma unroll
    for (int i = 0; i < Items; ++i) {
      const int j = i * Threads + threadIdx.x;
      if (j < cols) {
        if (keys_out) keys_out[r * cols + j] = k[i];
        if (idx_out) idx_out[r * cols + j] = v[i];
      }
    }
    __syncthreads();  /* tmp is reused by the next row */
  }
}
}  // namespace gnd
)";

// The longest row the block path sorts.
inline constexpr int row_sort_max_cols = 2048;

// Threads x items of the smallest tile holding `cols` keys (tier 0..5).
struct row_sort_tier {
    int threads, items;
};
inline constexpr row_sort_tier row_sort_tiers[] = {{32, 2}, {32, 4}, {64, 4}, {128, 4}, {128, 8}, {256, 8}};
inline constexpr int row_sort_tier_count = 6;

inline int row_sort_tier_for(std::int64_t cols) {
    int t = 0;
    while (t < row_sort_tier_count - 1 && row_sort_tiers[t].threads * row_sort_tiers[t].items < cols) ++t;
    return t;
}

// Kernel-cache key: one slot per tier.
template <class K>
struct row_sort_kernel {
    static kernel_source source(int tier) {
        const row_sort_tier t = row_sort_tiers[tier];
        return {kernel_unit({}, "#define GND_CCCL_VERSION " + std::to_string(cccl_version()) + "\n" + row_sort_source),
                std::string("gnd::sort_rows_block<") + cuda_type_name<K>() + ", " + std::to_string(t.threads) + ", " +
                    std::to_string(t.items) + ">",
                true, cub_options(), "a block radix sort kernel (CUB)", false};
    }
};

}  // namespace gpu::detail
