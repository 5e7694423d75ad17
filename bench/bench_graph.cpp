// CUDA graphs: 100 small element-wise operations (n = 1000) replayed as one graph, beside the same
// 100 operations launched one by one. Host time is what the calling thread spends enqueuing the
// work (measured with an empty launch queue: the GPU is drained between iterations, outside the
// timing); gpu_us is the GPU time of the 100 operations, from events. Run on a machine with a GPU.
#include "bench_support.hpp"

#include <chrono>
#include <cstdio>

namespace {

using namespace bench;

constexpr int n_ops = 100;
constexpr std::int64_t n = 1000;

struct small_arrays {
    gpu::ndarray<float> a = random_array(n, 11), b = random_array(n, 12), c = random_array(n, 13);

    // The 100 operations: four kinds of fused element-wise kernels into existing arrays.
    void run() {
        for (int i = 0; i < n_ops; i += 4) {
            a += b;
            b.assign(a * 0.5f);
            c.assign(a - b * c);
            a *= 0.999f;
        }
    }
};

// Times `enqueue` on the host (manual time), draining the GPU after each call, and reports host
// time per operation and the GPU time of one call.
template <class F>
void time_host(benchmark::State& state, F&& enqueue) {
    enqueue();  // warm-up: kernels compiled and loaded, graph uploaded
    check(cudaDeviceSynchronize());
    double host_total = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        enqueue();
        const auto t1 = std::chrono::steady_clock::now();
        check(cudaDeviceSynchronize());
        const double s = std::chrono::duration<double>(t1 - t0).count();
        state.SetIterationTime(s);
        host_total += s;
    }
    state.counters["host_us_per_op"] = host_total / static_cast<double>(state.iterations()) / n_ops * 1e6;
    double gpu = 0;
    for (int i = 0; i < 20; ++i) gpu += gpu_seconds(enqueue);
    state.counters["gpu_us"] = gpu / 20 * 1e6;
}

void BM_graph_replay_100_ops(benchmark::State& state) {
    small_arrays s;
    const gpu::graph g = gpu::capture([&] { s.run(); });
    if (g.size() != n_ops) state.SkipWithError("the graph does not hold 100 kernels");
    time_host(state, [&] { g.replay(); });
}

void BM_direct_100_ops(benchmark::State& state) {
    small_arrays s;
    time_host(state, [&] { s.run(); });
}

// The one-time cost: capture (the operations' host work, no launches) plus cudaGraphInstantiate.
void BM_capture_100_ops(benchmark::State& state) {
    small_arrays s;
    { const gpu::graph warm = gpu::capture([&] { s.run(); }); }
    for (auto _ : state) {
        const gpu::graph g = gpu::capture([&] { s.run(); });
        benchmark::DoNotOptimize(g.size());
    }
    check(cudaDeviceSynchronize());
}

}  // namespace

// Fixed iteration counts: manual time counts only the host's part, so the library's own choice
// would run ~200k iterations of ~150 us of GPU work each (H100, 2026-11-24: ~40 s).
BENCHMARK(BM_graph_replay_100_ops)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(5000);
BENCHMARK(BM_direct_100_ops)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(BM_capture_100_ops)->Unit(benchmark::kMicrosecond)->Iterations(200);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_graph", /*print_copy=*/false); }
