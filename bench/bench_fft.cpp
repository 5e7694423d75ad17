// FFT on cuFFT (<gpu/fft.hpp>): GPU time per transform (new result arrays each call, as NumPy's
// functions return them). Row names match bench/peers/peers.py's (CuPy and PyTorch on the same
// GPU). GB/s counts one read of the input and one write of the output, the least a transform
// moves (cuFFT's passes re-read the data, so this is not a fraction of copy bandwidth to aim at).
#include "bench_support.hpp"

#include <gpu/fft.hpp>

#include <complex>
#include <cstdint>

namespace {

using namespace bench;
using c64 = std::complex<float>;

gpu::ndarray<c64> random_complex(std::int64_t n, unsigned seed) {
    return gpu::eval(random_array(n, seed) + random_array(n, seed + 1) * std::complex<double>(0, 1));
}

constexpr std::int64_t fft_n = std::int64_t{1} << 24;

void BM_fft_c64_2p24(benchmark::State& state) {
    const auto z = random_complex(fft_n, 1);
    time_gpu(state, 2.0 * 8 * fft_n, [&] { benchmark::DoNotOptimize(gpu::fft::fft(z).data()); });
}

void BM_rfft_f32_4096x16384(benchmark::State& state) {
    const std::int64_t rows = 4096, cols = 16384;
    const auto x = random_array(rows * cols, 3).reshape({rows, cols});
    time_gpu(state, 4.0 * rows * cols + 8.0 * rows * (cols / 2 + 1),
             [&] { benchmark::DoNotOptimize(gpu::fft::rfft(x).data()); });
}

void BM_fft2_c64_8192(benchmark::State& state) {
    const std::int64_t n = 8192;
    const auto z = random_complex(n * n, 4).reshape({n, n});
    time_gpu(state, 2.0 * 8 * n * n, [&] { benchmark::DoNotOptimize(gpu::fft::fft2(z).data()); });
}

// ifft(fft(z) * 0.5): the product and ifft's 1/n are one element-wise pass into ifft's input,
// which ifft transforms in place (CuPy: a product kernel, and a scaling kernel after the ifft).
void BM_ifft_fft_scale_c64_2p24(benchmark::State& state) {
    const auto z = random_complex(fft_n, 5);
    time_gpu(state, 2.0 * 8 * fft_n,
             [&] { benchmark::DoNotOptimize(gpu::fft::ifft(gpu::fft::fft(z) * 0.5f).data()); });
}

// The forms issue 15 wants fused, unfused today: a window applied on the way in (one pass that
// evaluates x * w into the transform's input) and a magnitude on the way out.
void BM_rfft_window_f32_4096x16384(benchmark::State& state) {
    const std::int64_t rows = 4096, cols = 16384;
    const auto x = random_array(rows * cols, 6).reshape({rows, cols});
    const auto w = random_array(cols, 7);
    time_gpu(state, 4.0 * rows * cols + 8.0 * rows * (cols / 2 + 1),
             [&] { benchmark::DoNotOptimize(gpu::fft::rfft(x * w).data()); });
}
void BM_abs_rfft_f32_4096x16384(benchmark::State& state) {
    const std::int64_t rows = 4096, cols = 16384;
    const auto x = random_array(rows * cols, 8).reshape({rows, cols});
    time_gpu(state, 4.0 * rows * cols + 4.0 * rows * (cols / 2 + 1), [&] {
        const gpu::ndarray<float> m = gpu::abs(gpu::fft::rfft(x));
        benchmark::DoNotOptimize(m.data());
    });
}

}  // namespace

#define GPU_ND_FFT_BENCH(name) BENCHMARK(name)->UseManualTime()->Unit(benchmark::kMillisecond)
BENCHMARK(bench::BM_copy_d2d)->UseManualTime()->Unit(benchmark::kMicrosecond);
GPU_ND_FFT_BENCH(BM_fft_c64_2p24);
GPU_ND_FFT_BENCH(BM_rfft_f32_4096x16384);
GPU_ND_FFT_BENCH(BM_fft2_c64_8192);
GPU_ND_FFT_BENCH(BM_ifft_fft_scale_c64_2p24);
GPU_ND_FFT_BENCH(BM_rfft_window_f32_4096x16384);
GPU_ND_FFT_BENCH(BM_abs_rfft_f32_4096x16384);

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_fft"); }
