// gpu::random on the GPU: filling 2^26 values (randn, rand, randint, exponential, and the
// rejection samplers gamma and poisson, one value per thread) as a fraction of the
// device-to-device copy bandwidth measured in the same binary, counting the bytes written (the
// output; nothing is read). Each call makes a new array from the pool and launches one kernel.
// Also the first-call cost of the randn float32 kernel (NVRTC compile from an empty cache).
#include "bench_support.hpp"

#include <cstdio>
#include <string>

namespace {

using namespace bench;
namespace rnd = gpu::random;

template <class F>
void fill(benchmark::State& state, double bytes, F&& make) {
    rnd::seed(1);
    time_gpu(state, bytes, [&] { benchmark::DoNotOptimize(make().data()); });
}


void BM_randn_f32(benchmark::State& state) { fill(state, 4.0 * big_n, [] { return rnd::randn<float>({big_n}); }); }
void BM_rand_f32(benchmark::State& state) { fill(state, 4.0 * big_n, [] { return rnd::rand<float>({big_n}); }); }
void BM_normal_f32(benchmark::State& state) {
    fill(state, 4.0 * big_n, [] { return rnd::normal<float>(3, 2, {big_n}); });
}
void BM_randn_f64(benchmark::State& state) { fill(state, 8.0 * big_n, [] { return rnd::randn<double>({big_n}); }); }
void BM_rand_f64(benchmark::State& state) { fill(state, 8.0 * big_n, [] { return rnd::rand<double>({big_n}); }); }
void BM_randint_i64(benchmark::State& state) {
    fill(state, 8.0 * big_n, [] { return rnd::randint(0, 1000, {big_n}); });
}
void BM_randint_i32(benchmark::State& state) {
    fill(state, 4.0 * big_n, [] { return rnd::randint<std::int32_t>(0, 1000, {big_n}); });
}
void BM_exponential_f32(benchmark::State& state) {
    fill(state, 4.0 * big_n, [] { return rnd::exponential<float>(2, {big_n}); });
}
// Marsaglia-Tsang: about 1.03 tries of a normal and a uniform per value at shape 2.
void BM_gamma_f32(benchmark::State& state) {
    fill(state, 4.0 * big_n, [] { return rnd::gamma<float>(2, 1, {big_n}); });
}
// lam = 4: the multiplication method, about 5 uniforms per value (int64 out, as NumPy).
void BM_poisson_i64(benchmark::State& state) { fill(state, 8.0 * big_n, [] { return rnd::poisson(4, {big_n}); }); }

// First call of the randn float32 kernel with an empty cache: its kernel_source (the name
// expression of the template), NVRTC, load.
void BM_first_call_randn_empty_cache(benchmark::State& state) {
    using K = gpu::detail::random_fill_kernel<gpu::detail::gnd::normal_sampler, float, float>;
    const auto t = gpu::detail::current_target();
    int salt = 0;
    for (auto _ : state) {
        gpu::detail::kernel_source src = K::source();
        src.code += "// " + std::to_string(salt++) + "\n";
        benchmark::DoNotOptimize(gpu::detail::load_kernel(gpu::detail::compile_cubin(src, t)));
    }
}

}  // namespace

BENCHMARK(BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_randn_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_rand_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_normal_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_randn_f64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_rand_f64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_randint_i64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_randint_i32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_exponential_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_gamma_f32)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_poisson_i64)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_call_randn_empty_cache)->Unit(benchmark::kMillisecond)->Iterations(5);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_random"); }
