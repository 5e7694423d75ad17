// thrust::sort of 2^26 float32 keys on a gpu::ndarray (gpu::thrust::policy(), temporaries from
// the library's pool) against the same call on a thrust::device_vector with thrust::device's
// policy, in the same run. GPU time per sort (events); the keys are refilled before each sort.
#include <benchmark/benchmark.h>
#include <cuda_runtime_api.h>

#include <gpu/ndarray.hpp>
#include <gpu/thrust.hpp>

#include <thrust/copy.h>
#include <thrust/device_vector.h>
#include <thrust/sort.h>

namespace {

constexpr std::int64_t n = std::int64_t{1} << 26;

const gpu::ndarray<float>& source() {
    static const gpu::ndarray<float> s = gpu::random::rand<float>(gpu::shape_t{n});
    return s;
}

template <class Sort>
void timed(benchmark::State& state, Sort&& sort_once) {
    cudaEvent_t start, stop;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    for (auto _ : state) {
        sort_once(start);  // refills, records start, sorts
        cudaEventRecord(stop, gpu::detail::current_stream());
        cudaEventSynchronize(stop);
        float ms = 0;
        cudaEventElapsedTime(&ms, start, stop);
        state.SetIterationTime(ms / 1e3);
    }
    state.counters["Gkeys/s"] = benchmark::Counter(double(n) * state.iterations() / 1e9, benchmark::Counter::kIsRate);
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
}

void BM_thrust_sort_ndarray(benchmark::State& state) {
    gpu::ndarray<float> keys(gpu::shape_t{n});
    timed(state, [&](cudaEvent_t start) {
        keys.assign(source());
        cudaEventRecord(start, gpu::detail::current_stream());
        thrust::sort(gpu::thrust::policy(), begin(keys), end(keys));
    });
}

void BM_thrust_sort_device_vector(benchmark::State& state) {
    thrust::device_vector<float> keys(n);
    timed(state, [&](cudaEvent_t start) {
        thrust::copy(thrust::device, thrust::device_pointer_cast(source().data()),
                     thrust::device_pointer_cast(source().data()) + n, keys.begin());
        cudaEventRecord(start, 0);
        thrust::sort(thrust::device, keys.begin(), keys.end());
    });
}

BENCHMARK(BM_thrust_sort_ndarray)->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_thrust_sort_device_vector)->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
