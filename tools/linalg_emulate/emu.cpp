// CPU emulation of the library's CUDA kernels: one std::thread per CUDA thread, a barrier for
// __syncthreads, shared memory as statics (blocks run one after another).
#include <barrier>
#include <cstdio>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>
#include <random>
#include <gpu/linalg/matmul_kernels.hpp>   // host loop + shared mm_fma (gpu::detail::gnd)
struct uint3_ { unsigned x = 0, y = 0, z = 0; };
thread_local uint3_ threadIdx;
uint3_ blockIdx, gridDim, blockDim{256, 1, 1};
std::barrier<>* bar;
#define __global__
#define __launch_bounds__(...)
#define __shared__ static
#define __syncthreads() bar->arrive_and_wait()
namespace gnd {
using namespace gpu::detail::gnd;
template <class I, int R> struct dims { I v[R]; };
template <class I, int R> long long offset_of(long long g, int ndim, const dims<I, R>& shape, const dims<I, R>& strides) {
  long long off = 0;
  for (int d = ndim - 1; d > 0; --d) { const long long e = shape.v[d], q = g / e; off += (g - q * e) * strides.v[d]; g = q; }
  return ndim > 0 ? off + g * strides.v[0] : 0;
}
}
#include "kernels.inc"

template <class F>
void run_grid(unsigned gx, unsigned gy, unsigned gz, F kernel) {
    gridDim = {gx, gy, gz};
    for (unsigned z = 0; z < gz; ++z) for (unsigned y = 0; y < gy; ++y) for (unsigned x = 0; x < gx; ++x) {
        blockIdx = {x, y, z};
        std::barrier<> b(256);
        bar = &b;
        std::vector<std::thread> ts;
        for (unsigned t = 0; t < 256; ++t) ts.emplace_back([&, t] { threadIdx.x = t; kernel(); });
        for (auto& th : ts) th.join();
    }
}

template <class R>
int check(long long n, long long k, long long m, long long a_rs, long long a_cs, long long b_rs, long long b_cs,
          std::vector<long long> bshape, std::vector<long long> abs_, std::vector<long long> bbs, long long asize, long long bsize, unsigned gz_cap) {
    std::mt19937 rng(1);
    std::vector<R> a(asize), b(bsize);
    for (auto& x : a) x = R(int(rng() % 11) - 5);
    for (auto& x : b) x = R(int(rng() % 11) - 5);
    long long batches = 1;
    for (auto e : bshape) batches *= e;
    std::vector<R> c(batches * n * m, R(7)), ref(batches * n * m);
    gpu::shape_t bs; gpu::strides_t as_, bs_;
    for (auto e : bshape) bs.push_back(e);
    for (auto e : abs_) as_.push_back(e);
    for (auto e : bbs) bs_.push_back(e);
    gpu::detail::matmul_on_host_loop<R>(a.data(), b.data(), ref.data(), n, k, m, a_rs, a_cs, b_rs, b_cs, bs, as_, bs_);
    gnd::dims<long long, 16> sh{}, sa{}, sb{};
    for (size_t i = 0; i < bshape.size(); ++i) sh.v[i] = bshape[i], sa.v[i] = abs_[i], sb.v[i] = bbs[i];
    constexpr int TM = gpu::detail::matmul_per_thread<R>, BK = gpu::detail::matmul_step<R>, T = 16 * TM;
    const unsigned gx = (m + T - 1) / T, gy = (n + T - 1) / T, gz = std::min<long long>(batches, gz_cap);
    run_grid(gx, gy, gz, [&] { gnd::matmul_tiled<R, TM, BK>(a.data(), b.data(), c.data(), n, k, m, a_rs, a_cs, b_rs, b_cs, batches, (int)bshape.size(), sh, sa, sb); });
    int bad = 0;
    for (size_t i = 0; i < c.size(); ++i) if (!(c[i] == ref[i])) ++bad;
    std::printf("n=%lld k=%lld m=%lld batches=%lld gz=%u: %d mismatches of %zu\n", n, k, m, batches, gz, bad, c.size());
    return bad;
}

int main() {
    int bad = 0;
    bad += check<int>(70, 33, 67, 33, 1, 67, 1, {}, {}, {}, 70 * 33, 33 * 67, 65535);
    bad += check<int>(5, 100, 130, 1, 5, 1, 100, {}, {}, {}, 500, 13000, 65535);   // transposed operands
    bad += check<long long>(65, 17, 3, 17, 1, 3, 1, {3, 2}, {0, 65 * 17}, {6, 51}, 2 * 65 * 17, 3 * 51, 65535);  // broadcast batch
    bad += check<unsigned char>(64, 16, 64, 16, 1, 64, 1, {4}, {64 * 16}, {0}, 4 * 64 * 16, 1024, 3);  // grid-stride z
    bad += check<signed char>(9, 40, 11, 40, 1, 11, 1, {2}, {360}, {440}, 720, 880, 65535);
    bad += check<double>(3, 0, 4, 1, 1, 4, 1, {}, {}, {}, 1, 1, 65535);  // k = 0
    bad += check<int>(200, 45, 270, 45, 1, 1, 45, {}, {}, {}, 200 * 45, 270 * 45, 65535);  // 2 x 3 tiles, b transposed
    bad += check<unsigned>(129, 9, 130, 1, 129, 130, 1, {2}, {129 * 9}, {9 * 130}, 2 * 129 * 9, 2 * 9 * 130, 65535);
    bad += check<long long>(70, 20, 66, 20, 1, 66, 1, {}, {}, {}, 1400, 1320, 65535);
    bad += check<short>(128, 8, 128, 8, 1, 128, 1, {}, {}, {}, 1024, 1024, 65535);  // exactly one tile, one step
    // batch pointers
    std::vector<float> base(10);
    std::vector<float*> out(300);
    run_grid(2, 1, 1, [&] { gnd::batch_pointers<float>(out.data(), base.data(), 5, 300); });
    for (int i = 0; i < 300; ++i) if (out[i] != base.data() + 5 * i) ++bad;
    std::printf("%s\n", bad ? "FAILED" : "all match");
    return bad != 0;
}
