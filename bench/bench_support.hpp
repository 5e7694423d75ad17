#pragma once
// What every benchmark program shares: timing with CUDA events, the device-to-device copy
// bandwidth every result is compared to (measured once per binary), and the counters each
// bandwidth benchmark reports (GB/s, copy_GB/s, frac_of_copy).
#include <benchmark/benchmark.h>
#include <cuda_runtime_api.h>

#include <gpu/ndarray.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace bench {

inline constexpr std::int64_t big_n = std::int64_t{1} << 26;

inline void check(cudaError_t e) {
    if (e != cudaSuccess) {
        std::fprintf(stderr, "CUDA error: %s\n", cudaGetErrorString(e));
        std::exit(1);
    }
}

inline gpu::ndarray<float> random_array(std::int64_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-2.f, 2.f);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (auto& x : v) x = u(rng);
    return gpu::asarray(v);
}

// GPU time of one call of f, in seconds, from events around it.
template <class F>
inline double gpu_seconds(F&& f) {
    cudaEvent_t start, stop;
    check(cudaEventCreate(&start));
    check(cudaEventCreate(&stop));
    check(cudaEventRecord(start, cudaStreamLegacy));
    f();
    check(cudaEventRecord(stop, cudaStreamLegacy));
    check(cudaEventSynchronize(stop));
    float ms = 0;
    check(cudaEventElapsedTime(&ms, start, stop));
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    return ms * 1e-3;
}

// Device-to-device copy bandwidth (bytes read + written per second), the ceiling for the rest.
inline double copy_bandwidth() {
    static const double bw = [] {
        auto a = random_array(big_n, 1);
        gpu::ndarray<float> b({big_n});
        std::vector<double> t;
        for (int i = 0; i < 30; ++i)
            t.push_back(gpu_seconds([&] {
                check(cudaMemcpyAsync(b.data(), a.data(), a.nbytes(), cudaMemcpyDeviceToDevice, cudaStreamLegacy));
            }));
        std::sort(t.begin(), t.end());
        return 2.0 * static_cast<double>(a.nbytes()) / t[t.size() / 2];
    }();
    return bw;
}

inline void report_bandwidth(benchmark::State& state, double bytes) {
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
    state.counters["GB/s"] = benchmark::Counter(bytes * state.iterations(), benchmark::Counter::kIsRate,
                                                benchmark::Counter::kIs1000);
    state.counters["copy_GB/s"] = copy_bandwidth() / 1e9;
}

// Times f on the GPU once per iteration after one warm-up call (compiles or loads the kernel,
// makes handles and workspaces outside the timing); returns the total GPU seconds.
template <class F>
double time_gpu_iterations(benchmark::State& state, F&& f) {
    f();
    check(cudaDeviceSynchronize());
    double total = 0;
    for (auto _ : state) {
        const double s = gpu_seconds(f);
        state.SetIterationTime(s);
        total += s;
    }
    return total;
}

// Reports the fraction of copy bandwidth once the run's GPU times are known.
template <class F>
void time_gpu(benchmark::State& state, double bytes, F&& f) {
    const double total = time_gpu_iterations(state, f);
    report_bandwidth(state, bytes);
    state.counters["frac_of_copy"] = (bytes * state.iterations() / total) / copy_bandwidth();
}

// The reference every bandwidth program reports next to its own results: device-to-device
// cudaMemcpyAsync of 2^26 float32. Register it with BENCHMARK(bench::BM_copy_d2d)->UseManualTime().
inline void BM_copy_d2d(benchmark::State& state) {
    auto a = random_array(big_n, 1);
    gpu::ndarray<float> b({big_n});
    time_gpu(state, 2.0 * a.nbytes(), [&] {
        check(cudaMemcpyAsync(b.data(), a.data(), a.nbytes(), cudaMemcpyDeviceToDevice, cudaStreamLegacy));
    });
}

// The main() of every benchmark program: it needs a GPU; bandwidth programs first print the
// copy bandwidth their fractions refer to.
inline int run_main(int argc, char** argv, const char* program, bool print_copy = true) {
    if (!gpu::cuda_available()) {
        std::fprintf(stderr, "%s needs a CUDA device\n", program);
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    if (print_copy) std::printf("device-to-device copy: %.1f GB/s\n", copy_bandwidth() / 1e9);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace bench
