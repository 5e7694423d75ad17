// Matrix products and linear algebra on the GPU (cuBLAS, cuSOLVER, the library's integer
// product kernel): TFLOP/s counters for products (2 m n k per product), GB/s and the fraction of
// copy bandwidth for the bandwidth-bound matrix-vector products, GPU time for factorizations.
// Row names match bench/peers/peers.py's (CuPy and PyTorch on the same GPU).
#include "bench_support.hpp"

#include <gpu/linalg.hpp>

#include <complex>
#include <cstdint>
#include <vector>

namespace {

using namespace bench;

template <class T>
gpu::ndarray<T> rand_matrix(const gpu::shape_t& shape, unsigned seed) {
    return gpu::eval(random_array(gpu::size_of(shape), seed).reshape(shape).astype<T>());
}

// GPU time per call and TFLOP/s (flops per call).
template <class F>
void time_flops(benchmark::State& state, double flops, F&& f) {
    const double total = time_gpu_iterations(state, f);
    if (flops > 0) state.counters["TFLOP/s"] = flops * state.iterations() / total / 1e12;
}

template <class T>
void matmul_square(benchmark::State& state, std::int64_t n) {
    const auto a = rand_matrix<T>({n, n}, 1), b = rand_matrix<T>({n, n}, 2);
    time_flops(state, 2.0 * n * n * n, [&] { benchmark::DoNotOptimize(gpu::matmul(a, b).data()); });
}

void BM_matmul_f32_8192(benchmark::State& state) { matmul_square<float>(state, 8192); }
void BM_matmul_f64_4096(benchmark::State& state) { matmul_square<double>(state, 4096); }
void BM_matmul_tf32_8192(benchmark::State& state) {
    gpu::linalg::set_allow_tf32(true);
    matmul_square<float>(state, 8192);
    gpu::linalg::set_allow_tf32(false);
}
// complex64: 8 real flops per complex multiply-add (cuBLAS GemmEx, CUDA_C_32F); float16 in
// float32 compute, rounded once (NumPy's float16 result, on tensor cores).
void BM_matmul_c64_2048(benchmark::State& state) {
    const std::int64_t n = 2048;
    const gpu::ndarray<std::complex<float>> a = gpu::eval(rand_matrix<float>({n, n}, 11) + std::complex<double>(0, 1) * rand_matrix<float>({n, n}, 12));
    const gpu::ndarray<std::complex<float>> b = gpu::eval(rand_matrix<float>({n, n}, 13) + std::complex<double>(0, 1) * rand_matrix<float>({n, n}, 14));
    time_flops(state, 8.0 * n * n * n, [&] { benchmark::DoNotOptimize(gpu::matmul(a, b).data()); });
}
void BM_matmul_f16_2048(benchmark::State& state) { matmul_square<gpu::float16>(state, 2048); }
void BM_matmul_i32_2048(benchmark::State& state) {
    const std::int64_t n = 2048;
    const gpu::ndarray<std::int32_t> a = gpu::eval(gpu::astype<std::int32_t>(random_array(n * n, 3).reshape({n, n}) * 50));
    const gpu::ndarray<std::int32_t> b = gpu::eval(gpu::astype<std::int32_t>(random_array(n * n, 4).reshape({n, n}) * 50));
    time_flops(state, 2.0 * n * n * n, [&] { benchmark::DoNotOptimize(gpu::matmul(a, b).data()); });
}

// 256 products of 256 x 256 x 256: one strided-batched call, contiguous and with the second
// operand a transposed view (an op flag, no copy).
void BM_matmul_batched_256(benchmark::State& state) {
    const auto a = rand_matrix<float>({256, 256, 256}, 5), b = rand_matrix<float>({256, 256, 256}, 6);
    time_flops(state, 2.0 * 256 * 256 * 256 * 256, [&] { benchmark::DoNotOptimize(gpu::matmul(a, b).data()); });
}
void BM_matmul_batched_256_transposed(benchmark::State& state) {
    const auto a = rand_matrix<float>({256, 256, 256}, 5), b = rand_matrix<float>({256, 256, 256}, 6);
    const auto bt = b.transpose(gpu::dims{0, 2, 1});
    time_flops(state, 2.0 * 256 * 256 * 256 * 256, [&] { benchmark::DoNotOptimize(gpu::matmul(a, bt).data()); });
}
// einsum("bij,bkj->bik"): the second operand transposed per batch, one strided-batched product.
void BM_einsum_bij_bkj_256(benchmark::State& state) {
    const auto a = rand_matrix<float>({256, 256, 256}, 5), b = rand_matrix<float>({256, 256, 256}, 6);
    time_flops(state, 2.0 * 256 * 256 * 256 * 256,
               [&] { benchmark::DoNotOptimize(gpu::einsum("bij,bkj->bik", a, b).data()); });
}
// (64, 1024, 1024) @ (1024, 1024): one product of 65536 rows.
void BM_matmul_broadcast_f32(benchmark::State& state) {
    const auto a = rand_matrix<float>({64, 1024, 1024}, 7), b = rand_matrix<float>({1024, 1024}, 8);
    time_flops(state, 2.0 * 64 * 1024 * 1024 * 1024, [&] { benchmark::DoNotOptimize(gpu::matmul(a, b).data()); });
}

// Matrix-vector, 16384^2 float32: bandwidth-bound (bytes: the matrix, the vector, the result).
void BM_matvec_16384(benchmark::State& state) {
    const std::int64_t n = 16384;
    const auto a = rand_matrix<float>({n, n}, 9), v = rand_matrix<float>({n}, 10);
    time_gpu(state, 4.0 * (n * n + 2 * n), [&] { benchmark::DoNotOptimize(gpu::matmul(a, v).data()); });
}
void BM_matvec_t_16384(benchmark::State& state) {
    const std::int64_t n = 16384;
    const auto a = rand_matrix<float>({n, n}, 9), v = rand_matrix<float>({n}, 10);
    const auto at = a.T();
    time_gpu(state, 4.0 * (n * n + 2 * n), [&] { benchmark::DoNotOptimize(gpu::matmul(at, v).data()); });
}

// A well-conditioned (diagonally dominant) and a symmetric positive definite float32 matrix.
gpu::ndarray<float> general(std::int64_t n, unsigned seed) {
    return gpu::eval(rand_matrix<float>({n, n}, seed) + gpu::eye<float>(n) * float(n));
}
gpu::ndarray<float> spd(std::int64_t n, unsigned seed) {
    const auto g = rand_matrix<float>({n, n}, seed);
    return gpu::eval(g + g.T() + gpu::eye<float>(n) * float(4 * n));
}

void BM_solve_f32_4096(benchmark::State& state) {
    const auto a = general(4096, 11), b = rand_matrix<float>({4096}, 12);
    time_flops(state, 2.0 / 3.0 * 4096.0 * 4096 * 4096, [&] { benchmark::DoNotOptimize(gpu::linalg::solve(a, b).data()); });
}
void BM_cholesky_f32_4096(benchmark::State& state) {
    const auto a = spd(4096, 13);
    time_flops(state, 1.0 / 3.0 * 4096.0 * 4096 * 4096, [&] { benchmark::DoNotOptimize(gpu::linalg::cholesky(a).data()); });
}
void BM_qr_f32_4096(benchmark::State& state) {
    const auto a = general(4096, 14);
    time_flops(state, 0, [&] { benchmark::DoNotOptimize(gpu::linalg::qr(a).Q.data()); });
}
void BM_eigh_f32_4096(benchmark::State& state) {
    const auto a = spd(4096, 15);
    time_flops(state, 0, [&] { benchmark::DoNotOptimize(gpu::linalg::eigh(a).eigenvectors.data()); });
}
void BM_svd_f32_2048(benchmark::State& state) {
    const auto a = general(2048, 16);
    time_flops(state, 0, [&] { benchmark::DoNotOptimize(gpu::linalg::svd(a).U.data()); });
}
// 4096 inverses of 32 x 32: cuBLAS's batched LU and inverse.
void BM_inv_batched_4096x32(benchmark::State& state) {
    const auto a = gpu::eval(rand_matrix<float>({4096, 32, 32}, 17) + gpu::eye<float>(32) * 32.0f);
    time_flops(state, 0, [&] { benchmark::DoNotOptimize(gpu::linalg::inv(a).data()); });
}

}  // namespace

#define GPU_ND_LINALG_BENCH(name) BENCHMARK(name)->UseManualTime()->Unit(benchmark::kMillisecond)
BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
GPU_ND_LINALG_BENCH(BM_matmul_f32_8192);
GPU_ND_LINALG_BENCH(BM_matmul_tf32_8192);
GPU_ND_LINALG_BENCH(BM_matmul_f64_4096);
GPU_ND_LINALG_BENCH(BM_matmul_c64_2048);
GPU_ND_LINALG_BENCH(BM_matmul_f16_2048);
GPU_ND_LINALG_BENCH(BM_matmul_i32_2048);
GPU_ND_LINALG_BENCH(BM_matmul_batched_256);
GPU_ND_LINALG_BENCH(BM_matmul_batched_256_transposed);
GPU_ND_LINALG_BENCH(BM_matmul_broadcast_f32);
GPU_ND_LINALG_BENCH(BM_einsum_bij_bkj_256);
BENCHMARK(BM_matvec_16384)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_matvec_t_16384)->UseManualTime()->Unit(benchmark::kMicrosecond);
GPU_ND_LINALG_BENCH(BM_solve_f32_4096);
GPU_ND_LINALG_BENCH(BM_cholesky_f32_4096);
GPU_ND_LINALG_BENCH(BM_qr_f32_4096);
GPU_ND_LINALG_BENCH(BM_eigh_f32_4096);
GPU_ND_LINALG_BENCH(BM_svd_f32_2048);
GPU_ND_LINALG_BENCH(BM_inv_batched_4096x32);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_linalg"); }
