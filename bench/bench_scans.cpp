// Scan benchmarks on the GPU: gpu::cumsum as a fraction of device-to-device copy bandwidth
// measured in the same binary (bytes counted: the input read once + the output written once),
// flat over 2^26 elements and along each axis of 8192x8192 float32; and the cold NVRTC compile
// of one scan kernel. Run on a machine with a GPU.
#include "bench_support.hpp"

#include <cstdio>
#include <string>

namespace {

using namespace bench;

constexpr std::int64_t side = 8192;


void BM_cumsum_flat_f32(benchmark::State& state) {
    auto x = random_array(big_n, 2);
    time_gpu(state, 2.0 * x.nbytes(), [&] {
        auto r = gpu::cumsum(x);
        benchmark::DoNotOptimize(r.data());
    });
}

// int32 in, int64 out (NumPy's promotion): 4 + 8 bytes per element.
void BM_cumsum_flat_i32(benchmark::State& state) {
    gpu::ndarray<std::int32_t> x = gpu::eval(random_array(big_n, 3) * 100).astype<std::int32_t>();
    time_gpu(state, 12.0 * big_n, [&] {
        auto r = gpu::cumsum(x);
        benchmark::DoNotOptimize(r.data());
    });
}

void BM_cumsum_flat_f64(benchmark::State& state) {
    gpu::ndarray<double> x = gpu::eval(random_array(big_n / 2, 4).astype<double>());
    time_gpu(state, 2.0 * x.nbytes(), [&] {
        auto r = gpu::cumsum(x);
        benchmark::DoNotOptimize(r.data());
    });
}

void BM_cumsum_axis1_8192(benchmark::State& state) {
    auto x = random_array(side * side, 5).reshape({side, side});
    time_gpu(state, 2.0 * x.nbytes(), [&] {
        auto r = gpu::cumsum(x, 1);
        benchmark::DoNotOptimize(r.data());
    });
}

void BM_cumsum_axis0_8192(benchmark::State& state) {
    auto x = random_array(side * side, 6).reshape({side, side});
    time_gpu(state, 2.0 * x.nbytes(), [&] {
        auto r = gpu::cumsum(x, 0);
        benchmark::DoNotOptimize(r.data());
    });
}

// The flat scan of a transposed view (read in place through its strides).
void BM_cumsum_flat_transposed_8192(benchmark::State& state) {
    auto x = random_array(side * side, 7).reshape({side, side}).T();
    time_gpu(state, 2.0 * x.nbytes(), [&] {
        auto r = gpu::cumsum(x);
        benchmark::DoNotOptimize(r.data());
    });
}

// Cold NVRTC compile and load of the flat float32 cumsum kernel (a fresh source each iteration).
void BM_scan_kernel_compile(benchmark::State& state) {
    namespace d = gpu::detail;
    const auto t = d::current_target();
    int salt = 0;
    for (auto _ : state) {
        d::kernel_source src = d::scan_tile_source<float, d::gnd::scan_sum>(true, true);
        src.code += "// " + std::to_string(salt++);
        benchmark::DoNotOptimize(d::load_kernel(d::compile_cubin(src, t)));
    }
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_flat_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_flat_i32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_flat_f64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_axis1_8192)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_axis0_8192)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cumsum_flat_transposed_8192)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_scan_kernel_compile)->Unit(benchmark::kMillisecond)->Iterations(5);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_scans"); }
