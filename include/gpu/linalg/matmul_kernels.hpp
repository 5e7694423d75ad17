#pragma once
// The library's own product kernel, for the dtypes cuBLAS has no exact product for (integers and
// bool: NumPy's integer matmul is exact, wrapping on overflow; bool's is or-of-ands), and its
// host loop (which also serves float products on the host executor when no BLAS was found).
//
// matmul_tiled<R, TM, BK>: one block of 256 threads computes a 16 TM x 16 TM tile of one product
// of the batch, stepping BK along k through shared memory; each thread holds TM x TM outputs in
// registers (matmul_per_thread). Operands
// are read through their row and column strides (any view), batches through the broadcast batch
// strides (offset_of over the batch shape); the output is C-contiguous. The multiply-add is the
// shared mm_fma, so both executors give the same bits.
#include <cstdint>
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/shared.hpp"

GPU_ND_SHARED(matmul_ops_source,
/* acc + x * y in the result dtype R, as NumPy's matmul loop: bool is or-of-ands, integers wrap. */
template <class R> GND_FN R mm_fma(R acc, R x, R y) {
    if constexpr (is_bool<R>) return acc || (x && y);
    else if constexpr (is_float<R>) return acc + x * y;
    else return wrap_add(acc, wrap_mul(x, y));
}
)

namespace gpu::detail {

// Rows (and columns) per thread and k per shared-memory step: 8 x 8 outputs per thread (a 128 x 128
// tile) for elements of up to 4 bytes; 4 x 4 (64 x 64) for 8-byte ones, whose accumulators take
// twice the registers.
template <class R>
inline constexpr int matmul_per_thread = sizeof(R) <= 4 ? 8 : 4;
template <class R>
inline constexpr int matmul_step = sizeof(R) <= 4 ? 8 : 16;
template <class R>
inline constexpr int matmul_tile = 16 * matmul_per_thread<R>;

inline constexpr const char matmul_kernels_source[] = R"(
namespace gnd {
/* One block: a (16 TM) x (16 TM) tile of one product; thread (tx, ty) owns rows ty + 16 i and
   columns tx + 16 j (i, j < TM), so a warp's shared-memory reads are broadcasts or consecutive. */
template <class R, int TM, int BK>
__global__ void __launch_bounds__(256) matmul_tiled(const R* a, const R* b, R* c, long long n, long long k,
                                                    long long m, long long a_rs, long long a_cs, long long b_rs,
                                                    long long b_cs, long long batches, int nb,
                                                    dims<long long, 16> bshape, dims<long long, 16> a_bs,
                                                    dims<long long, 16> b_bs) {
  constexpr int T = 16 * TM;
  __shared__ R as[BK][T + 1];  /* as[kk][row] */
  __shared__ R bs[BK][T + 1];  /* bs[kk][col] */
  const int tx = threadIdx.x % 16, ty = threadIdx.x / 16;
  const long long row0 = (long long)blockIdx.y * T, col0 = (long long)blockIdx.x * T;
  for (long long z = blockIdx.z; z < batches; z += gridDim.z) {
    const R* ap = a + offset_of(z, nb, bshape, a_bs);
    const R* bp = b + offset_of(z, nb, bshape, b_bs);
    R acc[TM][TM];
#pragma unroll
    for (int i = 0; i < TM; ++i)
#pragma unroll
      for (int j = 0; j < TM; ++j) acc[i][j] = R(0);
    for (long long k0 = 0; k0 < k; k0 += BK) {
      for (int e = threadIdx.x; e < T * BK; e += 256) {
        const int r = e / BK, kk = e % BK;  /* neighbours read along k: coalesced when a_cs == 1 */
        const long long gr = row0 + r, gk = k0 + kk;
        as[kk][r] = (gr < n && gk < k) ? ap[gr * a_rs + gk * a_cs] : R(0);
      }
      for (int e = threadIdx.x; e < T * BK; e += 256) {
        const int kk = e / T, cc = e % T;  /* neighbours read along m: coalesced when b_cs == 1 */
        const long long gk = k0 + kk, gc = col0 + cc;
        bs[kk][cc] = (gk < k && gc < m) ? bp[gk * b_rs + gc * b_cs] : R(0);
      }
      __syncthreads();
#pragma unroll
      for (int kk = 0; kk < BK; ++kk) {
        R x[TM], y[TM];
#pragma unroll
        for (int i = 0; i < TM; ++i) x[i] = as[kk][ty + 16 * i];
#pragma unroll
        for (int j = 0; j < TM; ++j) y[j] = bs[kk][tx + 16 * j];
#pragma unroll
        for (int i = 0; i < TM; ++i)
#pragma unroll
          for (int j = 0; j < TM; ++j) acc[i][j] = mm_fma(acc[i][j], x[i], y[j]);
      }
      __syncthreads();
    }
    R* cp = c + z * n * m;
#pragma unroll
    for (int i = 0; i < TM; ++i) {
      const long long r = row0 + ty + 16 * i;
      if (r >= n) continue;
#pragma unroll
      for (int j = 0; j < TM; ++j) {
        const long long col = col0 + tx + 16 * j;
        if (col < m) cp[r * m + col] = acc[i][j];
      }
    }
  }
}
}  /* namespace gnd */
)";

// Key type of the tiled kernel's slot.
template <class R>
struct matmul_tiled_kernel {
    static kernel_source source() {
        return kernel_source{kernel_unit({matmul_ops_source}, matmul_kernels_source),
                             std::string("gnd::matmul_tiled<") + cuda_type_name<R>() + ", " +
                                 std::to_string(matmul_per_thread<R>) + ", " + std::to_string(matmul_step<R>) + ">",
                             true,
                             {}, "the matmul kernel"};
    }
};

// The host executor's loop: the same mm_fma, batch by batch (offsets as offset_of computes them).
template <class R>
void matmul_on_host_loop(const R* a, const R* b, R* c, std::int64_t n, std::int64_t k, std::int64_t m,
                         std::int64_t a_rs, std::int64_t a_cs, std::int64_t b_rs, std::int64_t b_cs,
                         const shape_t& bshape, const strides_t& a_bs, const strides_t& b_bs) {
    const std::int64_t batches = size_of(bshape);
    for (std::int64_t z = 0; z < batches; ++z) {
        std::int64_t ao = 0, bo = 0, g = z;
        for (int d = bshape.size() - 1; d >= 0; --d) {
            const std::int64_t i = g % bshape[d];
            g /= bshape[d];
            ao += i * a_bs[d];
            bo += i * b_bs[d];
        }
        const R* ap = a + ao;
        const R* bp = b + bo;
        R* cp = c + z * n * m;
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t j = 0; j < m; ++j) {
                R acc = R(0);
                for (std::int64_t l = 0; l < k; ++l) {
                    const R x = ap[i * a_rs + l * a_cs], y = bp[l * b_rs + j * b_cs];
                    if constexpr (gnd::is_complex<R>) acc += x * y;  // std::complex on the host: no BLAS found
                    else acc = gnd::mm_fma(acc, x, y);
                }
                cp[i * m + j] = acc;
            }
    }
}

}  // namespace gpu::detail
