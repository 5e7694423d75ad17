// Reduction benchmarks on the GPU, as a fraction of device-to-device copy bandwidth measured in
// the same binary (bytes: what the reduction must read, plus its result): full reductions of
// 2^26 float32 (sum, fused sum(x * y), max, argmax), sum along each axis of 8192 x 8192 float32,
// and the first call of a new reduction kernel (empty cache, disk-cache hit).
#include "bench_support.hpp"

#include <filesystem>
#include <string>

namespace {

using namespace bench;


void BM_sum(benchmark::State& state) {
    auto x = random_array(big_n, 2);
    time_gpu(state, x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::sum(x).data()); });
}

void BM_sum_x_times_y(benchmark::State& state) {
    auto x = random_array(big_n, 3), y = random_array(big_n, 4);
    time_gpu(state, 2.0 * x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::sum(x * y).data()); });
}

void BM_max(benchmark::State& state) {
    auto x = random_array(big_n, 5);
    time_gpu(state, x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::max(x).data()); });
}

void BM_argmax(benchmark::State& state) {
    auto x = random_array(big_n, 6);
    time_gpu(state, x.nbytes(), [&] { benchmark::DoNotOptimize(gpu::argmax(x).data()); });
}

void BM_sum_axis(benchmark::State& state) {
    const int axis = static_cast<int>(state.range(0));
    auto x = random_array(std::int64_t{8192} * 8192, 7).reshape({8192, 8192});
    time_gpu(state, x.nbytes() + 8192.0 * 4, [&] { benchmark::DoNotOptimize(gpu::sum(x, axis).data()); });
}

// A reduction type no other benchmark uses, so its kernel is new.
using first_call_expr = decltype(gpu::detail::as_node(gpu::tanh(std::declval<gpu::ndarray<float>>()) * 3 + 1));
using first_call_red = gpu::detail::sum_reducer<float>;

gpu::detail::reduce_variant first_call_variant() {
    gpu::detail::reduce_variant v;
    v.kind = gpu::detail::reduce_variant::inner_block;
    v.vec = true;
    v.width = 4;
    return v;
}

void BM_first_call_sum_empty_cache(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        auto src = gpu::detail::reduction_kernel_source<first_call_red, first_call_expr>(first_call_variant());
        src.code += "// " + std::to_string(salt++);
        benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compile_cubin(src, t)));
    }
}

void BM_first_call_sum_disk_hit(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gpu_ndarray_bench_reduce_cache";
    gpu::detail::disk_cache cache(dir);
    const auto v = first_call_variant();
    const auto make = [&] { return gpu::detail::reduction_kernel_source<first_call_red, first_call_expr>(v); };
    (void)gpu::detail::compiled_for(make(), t, cache);  // stores the entry
    const long compiled = gpu::detail::jit_counters().compiled;
    for (auto _ : state) benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compiled_for(make(), t, cache)));
    if (gpu::detail::jit_counters().compiled != compiled) state.SkipWithError("disk cache miss");
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum_x_times_y)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_max)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_argmax)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum_axis)->Arg(0)->Arg(1)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_call_sum_empty_cache)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(BM_first_call_sum_disk_hit)->Unit(benchmark::kMillisecond)->Iterations(50);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_reductions"); }
