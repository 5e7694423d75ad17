// Sorting benchmarks on the GPU (H200 targets in the issue, peers in bench/peers/peers.py under
// the same names): gpu::sort of 2^26 float32 and int32 keys, gpu::argsort of 2^26 float32, rows of
// a 2^20 x 64 float32 array sorted along axis 1, gpu::sort of 2^26 float16 and complex64; Gkeys/s counters beside GB/s (keys read once and
// written once; argsort: keys read, int64 indices written). The cold first call of a sort (every
// kernel it launches compiled by NVRTC: CUB's histogram, exclusive-sum and onesweep kernels and
// the NaN-preparing copy) and the same with every cubin from the disk cache; gpu::unique of 2^26
// int32 in [0, 2^20) and gpu::searchsorted of 2^24 queries in 2^26 sorted keys (Gkeys/s: queries).
#include "bench_support.hpp"

#include <gpu/sorting.hpp>

#include <complex>
#include <filesystem>
#include <string>

namespace {

using namespace bench;

// Keys per second of GPU time, from time_gpu's frac_of_copy (bytes per GPU second over copy's).
void keys_rate(benchmark::State& state, double keys, double bytes) {
    const double gpu_bytes_per_s = state.counters["frac_of_copy"].value * copy_bandwidth();
    state.counters["Gkeys/s"] = gpu_bytes_per_s / bytes * keys / 1e9;
}

void BM_sort_f32(benchmark::State& state) {
    auto x = random_array(big_n, 11);
    time_gpu(state, 2.0 * 4 * big_n, [&] {
        auto r = gpu::sort(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 2.0 * 4 * big_n);
}

void BM_sort_i32(benchmark::State& state) {
    gpu::ndarray<std::int32_t> x = gpu::eval(random_array(big_n, 12) * 5e8f).astype<std::int32_t>();
    time_gpu(state, 2.0 * 4 * big_n, [&] {
        auto r = gpu::sort(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 2.0 * 4 * big_n);
}

void BM_argsort_f32(benchmark::State& state) {
    auto x = random_array(big_n, 13);
    time_gpu(state, (4.0 + 8.0) * big_n, [&] {
        auto r = gpu::argsort(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, (4.0 + 8.0) * big_n);
}

// 2^26 float16 keys (2 radix passes of 32-bit keys: docs/dtypes.md) and 2^26 complex64 values
// (three stable argsorts of real keys and their gathers); bytes: keys read once and written once.
void BM_sort_f16(benchmark::State& state) {
    const gpu::ndarray<gpu::float16> x = gpu::eval(random_array(big_n, 19).astype<gpu::float16>());
    time_gpu(state, 2.0 * 2 * big_n, [&] {
        auto r = gpu::sort(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 2.0 * 2 * big_n);
}

void BM_sort_c64(benchmark::State& state) {
    gpu::ndarray<std::complex<float>> x(gpu::shape_t{big_n});
    x.real().assign(random_array(big_n, 20));
    x.imag().assign(random_array(big_n, 21));
    time_gpu(state, 2.0 * 8 * big_n, [&] {
        auto r = gpu::sort(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 2.0 * 8 * big_n);
}

// 2^20 rows of 64 float32, each sorted (axis 1).
void BM_sort_rows_2p20x64(benchmark::State& state) {
    auto x = random_array(big_n, 14).reshape({std::int64_t{1} << 20, 64});
    time_gpu(state, 2.0 * 4 * big_n, [&] {
        auto r = gpu::sort(x, 1);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 2.0 * 4 * big_n);
}

// 2^26 int32 keys in [0, 2^20): sort, then the distinct values.
void BM_unique_i32(benchmark::State& state) {
    gpu::ndarray<std::int32_t> x = gpu::eval((random_array(big_n, 15) + 2.0f) * 262143.9f).astype<std::int32_t>();
    time_gpu(state, 4.0 * big_n, [&] {
        auto r = gpu::unique(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 4.0 * big_n);
}

// 2^24 float32 queries in 2^26 sorted float32 keys (int64 positions).
void BM_searchsorted_2p24_in_2p26(benchmark::State& state) {
    const auto s = gpu::sort(random_array(big_n, 16));
    const auto q = random_array(big_n / 4, 17);
    time_gpu(state, (4.0 + 8.0) * (big_n / 4), [&] {
        auto r = gpu::searchsorted(s, q);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n / 4, (4.0 + 8.0) * (big_n / 4));
}

// np.median of 2^26 float32 (a full sort today; selection is future work).
void BM_median_f32(benchmark::State& state) {
    auto x = random_array(big_n, 18);
    time_gpu(state, 4.0 * big_n, [&] {
        auto r = gpu::median(x);
        benchmark::DoNotOptimize(r.data());
    });
    keys_rate(state, big_n, 4.0 * big_n);
}

// The kernel sources of one float32 sort (keys only, 32-bit offsets).
std::vector<gpu::detail::kernel_source> sort_sources() {
    namespace d = gpu::detail;
    return {d::sort_prepare_kernel<float>::source(), d::radix_histogram_kernel<float, unsigned>::source(),
            d::radix_exclusive_sum_kernel<unsigned>::source(),
            d::radix_onesweep_kernel<float, d::no_values, unsigned>::source()};
}

void BM_first_call_sort_empty_cache(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        for (auto src : sort_sources()) {
            src.code += "// " + std::to_string(salt++);
            benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compile_cubin(src, t)));
        }
    }
}

void BM_first_call_sort_disk_hit(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gpu_ndarray_bench_sort_cache";
    gpu::detail::disk_cache cache(dir);
    for (const auto& src : sort_sources()) (void)gpu::detail::compiled_for(src, t, cache);  // stores the entries
    const long compiled = gpu::detail::jit_counters().compiled;
    for (auto _ : state)
        for (const auto& src : sort_sources())
            benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compiled_for(src, t, cache)));
    if (gpu::detail::jit_counters().compiled != compiled) state.SkipWithError("disk cache miss");
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sort_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sort_i32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_argsort_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sort_f16)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sort_c64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sort_rows_2p20x64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_unique_i32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_searchsorted_2p24_in_2p26)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_median_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_call_sort_empty_cache)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_first_call_sort_disk_hit)->Unit(benchmark::kMillisecond)->Iterations(20);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_sort"); }
