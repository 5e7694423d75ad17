// Two everyday uses of numpy.fft, as a NumPy user would write them:
//
//   w = np.hanning(n)                                     # a windowed power spectrum
//   p = np.abs(np.fft.rfft(x * w)) ** 2 / np.sum(w ** 2)
//   f = np.fft.rfftfreq(n, 1 / fs)
//
//   m = len(a) + len(b) - 1                               # a convolution through the FFT
//   c = np.fft.irfft(np.fft.rfft(a, nfft) * np.fft.rfft(b, nfft), nfft)[:m]
//
// and checks the spectrum's two peaks against the tones the signal was made of, and the FFT
// convolution against the direct one (np.convolve). x * w is evaluated straight into the
// transform's input (one pass), and the spectrum's product into irfft's.
#include <gpu/fft.hpp>
#include <gpu/functions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

int main() {
    std::printf("executor: %s\n", gpu::to_string(gpu::current_executor()));
    int failures = 0;

    // 1. Tones of 50 Hz and 120 Hz (amplitudes 1 and 0.5) sampled at 1 kHz, plus a small ripple.
    const std::int64_t n = 4096;
    const double fs = 1000.0, pi = std::numbers::pi;
    const auto t = gpu::arange<double>(n) / fs;
    const gpu::ndarray<double> x =
        gpu::sin(t * (2 * pi * 50.0)) + gpu::sin(t * (2 * pi * 120.0)) * 0.5 + gpu::sin(t * 7919.0) * 1e-3;
    const auto k = gpu::arange<double>(n);
    const gpu::ndarray<double> w = 0.5 - gpu::cos(k * (2 * pi / (n - 1))) * 0.5;  // np.hanning(n)
    const gpu::ndarray<double> spectrum = gpu::square(gpu::abs(gpu::fft::rfft(x * w))) / gpu::sum(w * w).item();
    const auto freqs = gpu::asnumpy(gpu::fft::rfftfreq(n, 1.0 / fs));
    auto p = gpu::asnumpy(spectrum);
    double peaks[2];
    for (double& peak : peaks) {  // the largest bin, then the largest away from it
        std::size_t best = 0;
        for (std::size_t i = 1; i < p.size(); ++i)
            if (p[i] > p[best]) best = i;
        peak = freqs[best];
        for (std::size_t i = best > 8 ? best - 8 : 0; i < std::min<std::size_t>(p.size(), best + 9); ++i) p[i] = 0;
    }
    std::printf("spectrum peaks: %.2f Hz and %.2f Hz (bins of %.3f Hz)\n", peaks[0], peaks[1], fs / n);
    const double bin = fs / n;
    if (std::abs(peaks[0] - 50.0) > bin || std::abs(peaks[1] - 120.0) > bin) {
        std::printf("FAIL: the peaks should be at 50 Hz and 120 Hz\n");
        ++failures;
    }

    // 2. A 1000-point signal convolved with a 64-tap filter, through transforms of 2048 points.
    const auto a = gpu::sin(gpu::arange<double>(1000) * 0.05) + gpu::cos(gpu::arange<double>(1000) * 0.31);
    const gpu::ndarray<double> b = gpu::exp(gpu::arange<double>(64) * -0.1) * 0.2;
    const gpu::ndarray<double> av = a;
    const std::int64_t m = 1000 + 64 - 1, nfft = 2048;
    const gpu::ndarray<double> via_fft =
        gpu::fft::irfft(gpu::fft::rfft(av, nfft) * gpu::fft::rfft(b, nfft), nfft)(gpu::slice(0, m));
    const gpu::ndarray<double> direct = gpu::convolve(av, b);
    const double err = gpu::max(gpu::abs(via_fft - direct)).item();
    std::printf("FFT convolution vs direct: %lld points, max difference %.3g\n", static_cast<long long>(m), err);
    if (!(err < 1e-12)) {
        std::printf("FAIL: the FFT convolution should match the direct one to 1e-12\n");
        ++failures;
    }
    std::printf(failures ? "FAILED\n" : "ok\n");
    return failures ? 1 : 0;
}
