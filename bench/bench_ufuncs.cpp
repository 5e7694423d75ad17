// Issue 11's ufuncs on the GPU: an expression mixing new ufuncs, fused into one kernel, as a
// fraction of device-to-device copy bandwidth (target >= 0.90 on the H200), beside the NaN-aware
// reductions and rounding. Rows named as in bench/peers/peers.py (ufunc_mix, divmod).
#include "bench_support.hpp"

namespace {

using namespace bench;

// log1p(abs(x)) * sign(y) + hypot(x, y): reads x and y, writes z (3 x 4 bytes per element).
void BM_ufunc_mix(benchmark::State& state) {
    auto x = random_array(big_n, 11), y = random_array(big_n, 12);
    gpu::ndarray<float> z({big_n});
    time_gpu(state, 3.0 * x.nbytes(),
             [&] { gpu::eval(gpu::log1p(gpu::abs(x)) * gpu::sign(y) + gpu::hypot(x, y), z); });
}

// divmod(x, y): both results from one kernel: two reads, two writes.
void BM_divmod(benchmark::State& state) {
    auto x = random_array(big_n, 18), y = random_array(big_n, 19);
    time_gpu(state, 4.0 * x.nbytes(), [&] {
        auto [q, r] = gpu::divmod(x, y);
        benchmark::DoNotOptimize(q.data());
        benchmark::DoNotOptimize(r.data());
    });
}

// round(x, 2): one read, one write.
void BM_round_decimals(benchmark::State& state) {
    auto x = random_array(big_n, 13);
    gpu::ndarray<float> z({big_n});
    time_gpu(state, 2.0 * x.nbytes(), [&] { gpu::eval(gpu::round(x, 2), z); });
}

// nan_to_num(x): one read, one write.
void BM_nan_to_num(benchmark::State& state) {
    auto x = random_array(big_n, 14);
    gpu::ndarray<float> z({big_n});
    time_gpu(state, 2.0 * x.nbytes(), [&] { gpu::eval(gpu::nan_to_num(x), z); });
}

// nansum / nanmax of 2^26 float32: one read (the result is 4 bytes).
void BM_nansum(benchmark::State& state) {
    auto x = random_array(big_n, 15);
    time_gpu(state, 1.0 * x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::nansum(x).data()); });
}
void BM_nanmax(benchmark::State& state) {
    auto x = random_array(big_n, 16);
    time_gpu(state, 1.0 * x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::nanmax(x).data()); });
}

// (x * x).sum(1) over 8192 x 8192: the expression member, fused into the reduction.
void BM_expr_sum_axis1(benchmark::State& state) {
    auto x = random_array(std::int64_t{8192} * 8192, 17).reshape({8192, 8192});
    time_gpu(state, 1.0 * x.nbytes(), [&] { benchmark::DoNotOptimize((x * x).sum(1).data()); });
}

}  // namespace

BENCHMARK(bench::BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ufunc_mix)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_divmod)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_round_decimals)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_nan_to_num)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_nansum)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_nanmax)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_expr_sum_axis1)->UseManualTime()->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_ufuncs"); }
