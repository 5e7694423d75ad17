// Host <-> device transfers through gpu::asarray / gpu::asnumpy, as wall-clock GB/s (the call
// until the data is where it goes): from pinned memory (gpu::pinned_vector) and from ordinary
// pageable memory (std::vector, pipelined through the pinned staging buffers), against the raw
// link (cudaMemcpyAsync between a pinned buffer and the device, measured in the same binary) and
// against one plain cudaMemcpyAsync from pageable memory (what the driver alone does, as CuPy).
// The *_tuned benchmarks sweep the staging pipeline: chunk MiB, buffers, threads.
#include "bench_support.hpp"

#include <algorithm>
#include <chrono>
#include <span>
#include <vector>

namespace {

using namespace bench;

constexpr std::size_t mib = std::size_t{1} << 20;
constexpr std::size_t max_bytes = 256 * mib;
constexpr std::int64_t max_n = static_cast<std::int64_t>(max_bytes / sizeof(float));

// Host and device memory of max_bytes, made (and touched) once.
gpu::pinned_vector<float>& pinned_host() {
    static gpu::pinned_vector<float> v(static_cast<std::size_t>(max_n), 1.5f);
    return v;
}
std::vector<float>& pageable_host() {
    static std::vector<float> v(static_cast<std::size_t>(max_n), 2.5f);
    return v;
}
gpu::ndarray<float>& device_array() {
    static gpu::ndarray<float> a = gpu::asarray(pinned_host().data(), gpu::shape_t{max_n});
    return a;
}
gpu::ndarray<float> device_prefix(std::int64_t n) { return gpu::ndarray<float>(device_array().buffer(), {n}, {1}, 0); }

// Link bandwidth: cudaMemcpyAsync of max_bytes between the pinned buffer and the device, timed
// with events, median of 15.
double link_bandwidth(bool to_device) {
    auto measure = [](bool h2d) {
        float* host = pinned_host().data();
        float* dev = device_array().data();
        std::vector<double> t;
        for (int i = 0; i < 15; ++i)
            t.push_back(gpu_seconds([&] {
                check(h2d ? cudaMemcpyAsync(dev, host, max_bytes, cudaMemcpyHostToDevice, cudaStreamLegacy)
                          : cudaMemcpyAsync(host, dev, max_bytes, cudaMemcpyDeviceToHost, cudaStreamLegacy));
            }));
        std::sort(t.begin(), t.end());
        return static_cast<double>(max_bytes) / t[t.size() / 2];
    };
    static const double h2d = measure(true), d2h = measure(false);
    return to_device ? h2d : d2h;
}

// Times f (a whole transfer, which returns when done) by the wall clock, and reports GB/s of the
// median iteration (as bench/peers/peers.py times the peers: one slow iteration, the host
// scheduler's, does not move it) and the fraction of the link's bandwidth in that direction.
template <class F>
void time_transfer(benchmark::State& state, std::size_t bytes, bool to_device, F&& f) {
    f();  // warm-up: staging buffers, pool memory, threads' first touch
    check(cudaDeviceSynchronize());
    std::vector<double> times;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        check(cudaDeviceSynchronize());
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        state.SetIterationTime(s);
        times.push_back(s);
    }
    std::sort(times.begin(), times.end());
    const double gbs = times.empty() ? 0.0 : static_cast<double>(bytes) / times[times.size() / 2] / 1e9;
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
    state.counters["GB/s"] = gbs;
    state.counters["link_GB/s"] = link_bandwidth(to_device) / 1e9;
    state.counters["frac_of_link"] = gbs * 1e9 / link_bandwidth(to_device);
}

std::int64_t elements(const benchmark::State& state) { return state.range(0) * static_cast<std::int64_t>(mib / sizeof(float)); }

// ---- the raw link ----------------------------------------------------------------------------

void BM_link_h2d(benchmark::State& state) {
    time_transfer(state, max_bytes, true, [] {
        check(cudaMemcpyAsync(device_array().data(), pinned_host().data(), max_bytes, cudaMemcpyHostToDevice, cudaStreamLegacy));
    });
}
void BM_link_d2h(benchmark::State& state) {
    time_transfer(state, max_bytes, false, [] {
        check(cudaMemcpyAsync(pinned_host().data(), device_array().data(), max_bytes, cudaMemcpyDeviceToHost, cudaStreamLegacy));
    });
}

// ---- gpu::asarray / gpu::asnumpy (range(0): MiB) ---------------------------------------------

void BM_h2d_pinned(benchmark::State& state) {
    const std::int64_t n = elements(state);
    time_transfer(state, n * sizeof(float), true, [&] {
        benchmark::DoNotOptimize(gpu::asarray(pinned_host().data(), gpu::shape_t{n}).data());
    });
}
void BM_d2h_pinned(benchmark::State& state) {
    const std::int64_t n = elements(state);
    const auto a = device_prefix(n);
    time_transfer(state, n * sizeof(float), false, [&] {
        gpu::asnumpy(a, std::span<float>(pinned_host().data(), static_cast<std::size_t>(n)));
    });
}
void BM_h2d_pageable(benchmark::State& state) {
    const std::int64_t n = elements(state);
    time_transfer(state, n * sizeof(float), true, [&] {
        benchmark::DoNotOptimize(gpu::asarray(pageable_host().data(), gpu::shape_t{n}).data());
    });
}
void BM_d2h_pageable(benchmark::State& state) {
    const std::int64_t n = elements(state);
    const auto a = device_prefix(n);
    time_transfer(state, n * sizeof(float), false, [&] {
        gpu::asnumpy(a, std::span<float>(pageable_host().data(), static_cast<std::size_t>(n)));
    });
}
// asnumpy(a) -> a new host_array: its allocation and zero-filling count too.
void BM_d2h_new_host_array(benchmark::State& state) {
    const std::int64_t n = elements(state);
    const auto a = device_prefix(n);
    time_transfer(state, n * sizeof(float), false, [&] { benchmark::DoNotOptimize(gpu::asnumpy(a).data()); });
}

// ---- the driver alone from pageable memory (the old path; CuPy's) ----------------------------

void BM_h2d_pageable_driver(benchmark::State& state) {
    const std::int64_t n = elements(state);
    time_transfer(state, n * sizeof(float), true, [&] {
        check(cudaMemcpyAsync(device_array().data(), pageable_host().data(), n * sizeof(float), cudaMemcpyHostToDevice, nullptr));
        check(cudaStreamSynchronize(nullptr));
    });
}
void BM_d2h_pageable_driver(benchmark::State& state) {
    const std::int64_t n = elements(state);
    time_transfer(state, n * sizeof(float), false, [&] {
        check(cudaMemcpyAsync(pageable_host().data(), device_array().data(), n * sizeof(float), cudaMemcpyDeviceToHost, nullptr));
        check(cudaStreamSynchronize(nullptr));
    });
}

// ---- the staging pipeline's settings: chunk MiB, buffers, threads; 256 MiB pageable ----------

gpu::detail::transfer_settings defaults;

void tune(const benchmark::State& state) {
    gpu::detail::transfer_settings s = defaults;
    s.chunk_bytes = static_cast<std::size_t>(state.range(0)) * mib;
    s.buffers = static_cast<int>(state.range(1));
    s.threads = static_cast<int>(state.range(2));
    gpu::detail::set_transfer_settings(s);
}

void BM_h2d_pageable_tuned(benchmark::State& state) {
    tune(state);
    time_transfer(state, max_bytes, true, [&] {
        benchmark::DoNotOptimize(gpu::asarray(pageable_host().data(), gpu::shape_t{max_n}).data());
    });
    gpu::detail::set_transfer_settings(defaults);
}
void BM_d2h_pageable_tuned(benchmark::State& state) {
    tune(state);
    const auto a = device_prefix(max_n);
    time_transfer(state, max_bytes, false, [&] {
        gpu::asnumpy(a, std::span<float>(pageable_host().data(), static_cast<std::size_t>(max_n)));
    });
    gpu::detail::set_transfer_settings(defaults);
}

}  // namespace

#define GPU_ND_TRANSFER_BENCH(name) BENCHMARK(name)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(20)

GPU_ND_TRANSFER_BENCH(BM_link_h2d);
GPU_ND_TRANSFER_BENCH(BM_link_d2h);
GPU_ND_TRANSFER_BENCH(BM_h2d_pinned)->Arg(64)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_d2h_pinned)->Arg(64)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_h2d_pageable)->Arg(8)->Arg(64)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_d2h_pageable)->Arg(8)->Arg(64)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_d2h_new_host_array)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_h2d_pageable_driver)->Arg(64)->Arg(256);
GPU_ND_TRANSFER_BENCH(BM_d2h_pageable_driver)->Arg(64)->Arg(256);

// The tuning sweep (24 settings each way) runs only when asked: GPU_NDARRAY_BENCH_TUNE=1.
void register_sweep() {
    if (!gpu::detail::env_flag("GPU_NDARRAY_BENCH_TUNE")) return;
    benchmark::RegisterBenchmark("BM_h2d_pageable_tuned", BM_h2d_pageable_tuned)->UseManualTime()
        ->Unit(benchmark::kMillisecond)->Iterations(8)->ArgsProduct({{4, 8, 16}, {4, 6}, {4, 8, 12, 16}});
    benchmark::RegisterBenchmark("BM_d2h_pageable_tuned", BM_d2h_pageable_tuned)->UseManualTime()
        ->Unit(benchmark::kMillisecond)->Iterations(8)->ArgsProduct({{4, 8, 16}, {4, 6}, {4, 8, 12, 16}});
}

int main(int argc, char** argv) {
    if (!gpu::cuda_available()) {
        std::fprintf(stderr, "bench_transfers needs a CUDA device\n");
        return 1;
    }
    defaults = gpu::detail::get_transfer_settings();
    register_sweep();
    benchmark::Initialize(&argc, argv);
    std::printf("link, pinned cudaMemcpyAsync of %zu MiB: host to device %.1f GB/s, device to host %.1f GB/s\n",
                max_bytes / mib, link_bandwidth(true) / 1e9, link_bandwidth(false) / 1e9);
    std::printf("staging defaults: chunk %zu MiB, %d buffers, %d threads, threshold %zu MiB\n", defaults.chunk_bytes / mib,
                defaults.buffers, defaults.threads, defaults.threshold / mib);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
