// User kernels on the GPU: an element-wise kernel's bandwidth on 2^26 float32 (z = a * x + y),
// contiguous and with a broadcast row, beside the library's own fused expression and a raw kernel
// doing the same, and on 2^25 complex64 with a complex scalar (the same bytes); host time per call
// of a small user kernel (the per-object signature table: no string, no lock); and the first call
// of a new user kernel with an empty cache (NVRTC) and with a disk-cache hit. Run on a machine with
// a GPU.
#include "bench_support.hpp"

#include <gpu/user_kernels/elementwise_kernel.hpp>
#include <gpu/user_kernels/raw_kernel.hpp>

#include <complex>
#include <filesystem>
#include <string>

GPU_ND_ELEMENTWISE_KERNEL(bench_axpy_definition, (float32 a, T x, T y), (T z), z = a * x + y);

namespace {

using namespace bench;

const gpu::elementwise_kernel& axpy_kernel() {
    static const gpu::elementwise_kernel k("float32 a, T x, T y", "T z", "z = a * x + y", "user_axpy");
    return k;
}

void BM_user_axpy(benchmark::State& state) {
    auto x = random_array(big_n, 2), y = random_array(big_n, 3);
    gpu::ndarray<float> z({big_n});
    const float a = 1.75f;
    time_gpu(state, 3.0 * x.nbytes(), [&] { axpy_kernel()(a, x, y, z); });
}

// complex64 arrays and a complex64 scalar: 2^25 elements, the bytes of the float32 rows.
void BM_user_axpy_c64(benchmark::State& state) {
    using c64 = std::complex<float>;
    static const gpu::elementwise_kernel k("complex64 a, T x, T y", "T z", "z = a * x + y", "user_axpy_c64");
    const std::int64_t n = big_n / 2;
    auto x = gpu::eval(random_array(n, 2) + random_array(n, 4) * c64(0, 1));
    auto y = gpu::eval(random_array(n, 3) + random_array(n, 5) * c64(0, 1));
    gpu::ndarray<c64> z({n});
    time_gpu(state, 3.0 * x.nbytes(), [&] { k(c64(1.75f, -0.5f), x, y, z); });
}

void BM_user_axpy_definition(benchmark::State& state) {
    auto x = random_array(big_n, 2), y = random_array(big_n, 3);
    gpu::ndarray<float> z({big_n});
    time_gpu(state, 3.0 * x.nbytes(), [&] { bench_axpy_definition(1.75f, x, y, z); });
}

// y a row of 8192 broadcast over 8192 rows: the strided kernel (rank 2).
void BM_user_axpy_broadcast_row(benchmark::State& state) {
    auto x = random_array(big_n, 2).reshape({8192, 8192});
    auto y = random_array(8192, 3);
    gpu::ndarray<float> z({8192, 8192});
    time_gpu(state, 2.0 * x.nbytes(), [&] { axpy_kernel()(1.75f, x, y, z); });
}

void BM_library_axpy(benchmark::State& state) {
    auto x = random_array(big_n, 2), y = random_array(big_n, 3);
    gpu::ndarray<float> z({big_n});
    const float a = 1.75f;
    time_gpu(state, 3.0 * x.nbytes(), [&] { gpu::eval(a * x + y, z); });
}

const char* const raw_axpy_source = R"(
extern "C" __global__ void raw_axpy(float* z, const float* x, const float* y, float a, long long n) {
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
        z[i] = a * x[i] + y[i];
}
)";

void BM_raw_axpy(benchmark::State& state) {
    auto x = random_array(big_n, 2), y = random_array(big_n, 3);
    gpu::ndarray<float> z({big_n});
    gpu::raw_kernel k(raw_axpy_source, "raw_axpy");
    const unsigned blocks = static_cast<unsigned>(gpu::detail::device().sm_count) * 8;
    time_gpu(state, 3.0 * x.nbytes(), [&] { k(blocks, 256, z, x, y, 1.75f, big_n); });
}

// Host time per call at n = 1000 into a preallocated output: signature lookup, geometry, argument
// packing and launch. The GPU runs behind; its queue is drained outside the timed loop.
void BM_user_small_call_host_time(benchmark::State& state) {
    auto x = random_array(1000, 6), y = random_array(1000, 7);
    gpu::ndarray<float> z({1000});
    axpy_kernel()(2.0f, x, y, z);
    check(cudaDeviceSynchronize());
    std::int64_t since_sync = 0;
    for (auto _ : state) {
        axpy_kernel()(2.0f, x, y, z);
        if (++since_sync == 512) {
            state.PauseTiming();
            check(cudaDeviceSynchronize());
            since_sync = 0;
            state.ResumeTiming();
        }
    }
    check(cudaDeviceSynchronize());
}

// The source a first call of the user kernel compiles (float32 arrays, contiguous variant).
gpu::detail::kernel_source first_call_source() {
    using F = gpu::ndarray<float>;
    return gpu::detail::elementwise_kernel_source<float, F, F, F>(axpy_kernel(), gpu::detail::uk_variant{});
}

// First call of a new user kernel: NVRTC and load. Each iteration's source differs, so neither
// cache answers.
void BM_first_call_empty_cache(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        auto src = first_call_source();
        src.code += "// " + std::to_string(salt++);
        benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compile_cubin(src, t)));
    }
}

// The same from a private disk cache: read, check and load the cubin, with its lowered name.
void BM_first_call_disk_hit(benchmark::State& state) {
    const auto t = gpu::detail::current_target();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gpu_ndarray_bench_user_kernels_cache";
    gpu::detail::disk_cache cache(dir);
    const auto src = first_call_source();
    (void)gpu::detail::compiled_for(src, t, cache);  // stores the entry
    const long compiled = gpu::detail::jit_counters().compiled;
    for (auto _ : state) benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compiled_for(src, t, cache)));
    if (gpu::detail::jit_counters().compiled != compiled) state.SkipWithError("disk cache miss");
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_user_axpy)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_user_axpy_c64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_user_axpy_definition)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_user_axpy_broadcast_row)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_library_axpy)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_raw_axpy)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_user_small_call_host_time)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_call_empty_cache)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(BM_first_call_disk_hit)->Unit(benchmark::kMillisecond)->Iterations(50);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_user_kernels"); }
