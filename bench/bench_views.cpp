// Views and joins on the GPU, each as a fraction of device-to-device copy bandwidth measured in
// the same binary: a row broadcast, a transposed operand (the tiled kernel), a stepped slice,
// and concatenate. Bandwidth counts the fewest bytes each operation must move.
#include "bench_support.hpp"

namespace {

using namespace bench;


// (4096, 16384) + (16384,): the row is read once per row of the matrix, from cache.
void BM_broadcast_row_add(benchmark::State& state) {
    auto m = random_array(4096 * 16384, 2).reshape({4096, 16384});
    auto row = random_array(16384, 3);
    gpu::ndarray<float> z({4096, 16384});
    time_gpu(state, 2.0 * m.nbytes() + row.nbytes(), [&] { gpu::eval(m + row, z); });
}

// X.T() + Y, 8192 x 8192: X is read through shared-memory tiles.
void BM_transpose_add(benchmark::State& state) {
    auto x = random_array(8192 * 8192, 4).reshape({8192, 8192});
    auto y = random_array(8192 * 8192, 5).reshape({8192, 8192});
    gpu::ndarray<float> z({8192, 8192});
    time_gpu(state, 3.0 * x.nbytes(), [&] { gpu::eval(x.T() + y, z); });
}

// x[::2] + y, 2^25 elements: the stepped read touches every sector of x, so at most 3/4 of the
// bytes moved count.
void BM_stepped_slice_add(benchmark::State& state) {
    auto x = random_array(big_n, 6);
    auto y = random_array(big_n / 2, 7);
    gpu::ndarray<float> z({big_n / 2});
    time_gpu(state, 3.0 * y.nbytes(), [&] { gpu::eval(x(gpu::slice(gpu::none, gpu::none, 2)) + y, z); });
}

// concatenate of two 2^25 arrays.
void BM_concatenate(benchmark::State& state) {
    auto a = random_array(big_n / 2, 8), b = random_array(big_n / 2, 9);
    time_gpu(state, 2.0 * (a.nbytes() + b.nbytes()), [&] { benchmark::DoNotOptimize(gpu::concatenate({a, b}).data()); });
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_broadcast_row_add)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_transpose_add)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_stepped_slice_add)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_concatenate)->UseManualTime()->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_views"); }
