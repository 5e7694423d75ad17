// Element-wise benchmarks on the GPU: fused expressions as a fraction of device-to-device copy
// bandwidth measured in the same binary, host time per small operation, and the first-call
// cost of a new expression (empty cache and disk-cache hit). Run on a machine with a GPU.
#include "bench_support.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <vector>

namespace {

using namespace bench;


void BM_axpy(benchmark::State& state) {
    auto x = random_array(big_n, 2), y = random_array(big_n, 3);
    gpu::ndarray<float> z({big_n});
    const float a = 1.75f;
    time_gpu(state, 3.0 * x.nbytes(), [&] { gpu::eval(a * x + y, z); });
}

void BM_mixed(benchmark::State& state) {
    auto x = random_array(big_n, 4), y = random_array(big_n, 5);
    gpu::ndarray<float> z({big_n});
    time_gpu(state, 3.0 * x.nbytes(),
             [&] { gpu::eval(gpu::sin(x) * gpu::exp(-y) + gpu::sqrt(gpu::abs(x * y)) / (1 + x * x), z); });
}

// Host time per `z = x + y` at n = 1000: allocation from the pool, kernel-cache hit, argument
// packing and launch. The GPU runs behind; its queue is drained outside the timed loop.
void BM_small_add_host_time(benchmark::State& state) {
    auto x = random_array(1000, 6), y = random_array(1000, 7);
    { gpu::ndarray<float> warm = x + y; }
    check(cudaDeviceSynchronize());
    std::int64_t since_sync = 0;
    for (auto _ : state) {
        gpu::ndarray<float> z = x + y;
        benchmark::DoNotOptimize(z.data());
        if (++since_sync == 512) {  // keep the launch queue from filling up and blocking
            state.PauseTiming();
            check(cudaDeviceSynchronize());
            since_sync = 0;
            state.ResumeTiming();
        }
    }
    check(cudaDeviceSynchronize());
}

// The two halves of that host time: launching into a preallocated array (kernel-cache hit,
// argument packing, cudaLaunchKernel), and making and dropping a 1000-element array.
void BM_small_add_into_host_time(benchmark::State& state) {
    auto x = random_array(1000, 6), y = random_array(1000, 7);
    gpu::ndarray<float> z({1000});
    gpu::eval(x + y, z);
    check(cudaDeviceSynchronize());
    std::int64_t since_sync = 0;
    for (auto _ : state) {
        gpu::eval(x + y, z);
        if (++since_sync == 512) {
            state.PauseTiming();
            check(cudaDeviceSynchronize());
            since_sync = 0;
            state.ResumeTiming();
        }
    }
    check(cudaDeviceSynchronize());
}

void BM_small_alloc_host_time(benchmark::State& state) {
    for (auto _ : state) {
        gpu::ndarray<float> z({1000});
        benchmark::DoNotOptimize(z.data());
    }
    check(cudaDeviceSynchronize());
}

// First call of a new expression: generate its source, compile it with NVRTC (empty cache) or
// read the cubin from the disk cache, and load it. Each iteration uses a fresh key, so the
// in-memory cache never answers.
using first_call_expr = decltype(gpu::detail::as_node(gpu::tanh(std::declval<gpu::ndarray<float>>()) * 3 + 1));

void BM_first_call_empty_cache(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        gpu::detail::kernel_variant v;
        v.vec = 4;
        auto src = gpu::detail::elementwise_kernel_source<first_call_expr>(v);
        src.code += "// " + std::to_string(salt++);
        benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compile_cubin(src, t)));
    }
}

void BM_first_call_disk_hit(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gpu_ndarray_bench_cache";
    gpu::detail::disk_cache cache(dir);
    gpu::detail::kernel_variant v;
    v.vec = 4;
    const auto make = [&] { return gpu::detail::elementwise_kernel_source<first_call_expr>(v); };
    (void)gpu::detail::compiled_for(make(), t, cache);  // stores the entry
    const long compiled = gpu::detail::jit_counters().compiled;
    for (auto _ : state) benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compiled_for(make(), t, cache)));
    if (gpu::detail::jit_counters().compiled != compiled) state.SkipWithError("disk cache miss");
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_axpy)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_mixed)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_small_add_host_time)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_small_add_into_host_time)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_small_alloc_host_time)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_call_empty_cache)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(BM_first_call_disk_hit)->Unit(benchmark::kMillisecond)->Iterations(50);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_elementwise"); }
