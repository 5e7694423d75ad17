// float16, bfloat16 and complex64 on the GPU (issue 12): a*x + y in the 2-byte floats and the
// mixed expression in float16 (each operation rounded to float16, as NumPy), complex64 a*b + a,
// each as a fraction of the device-to-device copy measured in the same binary; and the cold
// NVRTC compile of a float16 and a complex64 kernel beside the same float32 kernel (no cache:
// each iteration compiles a fresh source). Run on a machine with a GPU.
#include "bench_support.hpp"

#include <complex>
#include <string>

namespace {

using namespace bench;
using c64 = std::complex<float>;

template <class T>
gpu::ndarray<T> random_of(std::int64_t n, unsigned seed) {
    gpu::random::seed(seed);
    if constexpr (std::is_same_v<T, c64>) return gpu::random::randn<c64>({n});
    else return gpu::random::rand<T>({n});
}

template <class H>
void axpy_half(benchmark::State& state) {
    auto x = random_of<H>(big_n, 2), y = random_of<H>(big_n, 3);
    gpu::ndarray<H> z({big_n});
    const H a(1.75f);
    time_gpu(state, 3.0 * x.nbytes(), [&] { gpu::eval(a * x + y, z); });
}
void BM_axpy_f16(benchmark::State& state) { axpy_half<gpu::float16>(state); }
void BM_axpy_bf16(benchmark::State& state) { axpy_half<gpu::bfloat16>(state); }

void BM_mixed_f16(benchmark::State& state) {
    auto x = random_of<gpu::float16>(big_n, 4), y = random_of<gpu::float16>(big_n, 5);
    gpu::ndarray<gpu::float16> z({big_n});
    time_gpu(state, 3.0 * x.nbytes(),
             [&] { gpu::eval(gpu::sin(x) * gpu::exp(-y) + gpu::sqrt(gpu::abs(x * y)) / (1 + x * x), z); });
}

void BM_complex_ab_plus_a(benchmark::State& state) {
    auto a = random_of<c64>(big_n / 2, 6), b = random_of<c64>(big_n / 2, 7);  // 256 MiB each, as float32 2^26
    gpu::ndarray<c64> z({big_n / 2});
    time_gpu(state, 3.0 * a.nbytes(), [&] { gpu::eval(a * b + a, z); });
}

// Copy of a 2-byte array (the reference of the half-precision rows: 2^26 elements move half the
// bytes of the float32 copy).
void BM_copy_d2d_f16(benchmark::State& state) {
    auto a = random_of<gpu::float16>(big_n, 1);
    gpu::ndarray<gpu::float16> b({big_n});
    time_gpu(state, 2.0 * a.nbytes(), [&] {
        check(cudaMemcpyAsync(b.data(), a.data(), a.nbytes(), cudaMemcpyDeviceToDevice, cudaStreamLegacy));
    });
}

// Cold compile of a*x + y (flat, vectorized) in T: source generation and NVRTC, no cache.
template <class T>
void cold_compile(benchmark::State& state) {
    using leaf = gpu::detail::array_leaf<T>;
    using E = gpu::detail::binary_node<gpu::detail::gnd::add, gpu::detail::binary_node<gpu::detail::gnd::multiply, leaf, leaf>,
                                       leaf>;
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        gpu::detail::kernel_variant v;
        v.vec = 4;
        auto src = gpu::detail::elementwise_kernel_source<E>(v);
        src.code += "// " + std::to_string(salt++);
        benchmark::DoNotOptimize(gpu::detail::compile_cubin(src, t).cubin.size());
    }
}
void BM_cold_compile_f32(benchmark::State& state) { cold_compile<float>(state); }
void BM_cold_compile_f16(benchmark::State& state) { cold_compile<gpu::float16>(state); }
void BM_cold_compile_c64(benchmark::State& state) { cold_compile<c64>(state); }

}  // namespace

BENCHMARK(bench::BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_copy_d2d_f16)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_axpy_f16)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_axpy_bf16)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_mixed_f16)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_complex_ab_plus_a)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cold_compile_f32)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(BM_cold_compile_f16)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(BM_cold_compile_c64)->Unit(benchmark::kMillisecond)->Iterations(10);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_dtypes"); }
