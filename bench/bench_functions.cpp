// NumPy's common functions and advanced indexing on the GPU, each as a fraction of
// device-to-device copy bandwidth (bytes: the fewest each operation must move): diff, pad,
// convolve, a boolean mask over rows (X[labels == k]) and an integer-array row gather (X[idx]).
// The row names are bench/peers/peers.py's, so the peer run shows CuPy and PyTorch beside them.
#include <gpu/functions.hpp>

#include "bench_support.hpp"

namespace {

using namespace bench;

constexpr std::int64_t side = 8192, rows = std::int64_t{1} << 20, cols = 16, conv_n = std::int64_t{1} << 22, taps = 64;

// np.diff of 2^26 float32: one fused kernel over two views.
void BM_diff(benchmark::State& state) {
    auto x = random_array(big_n, 11);
    time_gpu(state, 2.0 * x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::diff(x).data()); });
}

// np.pad(x, 16, mode='edge') of an 8192 x 8192 float32 matrix.
void BM_pad_edge_8192(benchmark::State& state) {
    auto x = random_array(side * side, 12).reshape({side, side});
    const double out = 4.0 * (side + 32) * (side + 32);
    time_gpu(state, x.nbytes() + out, [&] { benchmark::DoNotOptimize(gpu::pad(x, 16, "edge").data()); });
}

// np.convolve(x, v) of 2^22 float32 with 64 taps (bytes: x read and the result written).
void BM_convolve_k64(benchmark::State& state) {
    auto x = random_array(conv_n, 13), v = random_array(taps, 14);
    time_gpu(state, 2.0 * x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::convolve(x, v).data()); });
}

// X[labels == 0] of a (2^20, 16) float32 matrix, labels in [0, 4): about a quarter of the rows.
void BM_mask_rows(benchmark::State& state) {
    auto x = random_array(rows * cols, 15).reshape({rows, cols});
    const gpu::ndarray<std::int64_t> labels = gpu::random::randint(0, 4, {rows});
    const double bytes = 8.0 * rows + x.nbytes() + x.nbytes() / 4.0;
    time_gpu(state, bytes, [&] { benchmark::DoNotOptimize(gpu::ndarray<float>(x[labels == 0]).data()); });
}

// X[idx] of a (2^20, 16) float32 matrix with 2^20 random row indices (int64).
void BM_fancy_gather_rows(benchmark::State& state) {
    auto x = random_array(rows * cols, 16).reshape({rows, cols});
    const gpu::ndarray<std::int64_t> idx = gpu::random::randint(0, rows, {rows});
    const double bytes = 8.0 * rows + 2.0 * x.nbytes();
    time_gpu(state, bytes, [&] { benchmark::DoNotOptimize(gpu::ndarray<float>(x(idx)).data()); });
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_diff)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_pad_edge_8192)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_convolve_k64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_mask_rows)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_fancy_gather_rows)->UseManualTime()->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_functions"); }
