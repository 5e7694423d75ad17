// The Mandelbrot set with real arithmetic (z = zr + i zi), NumPy style: a grid from meshgrid,
// then a fixed number of whole-array iterations that count, per point, the steps before |z| > 2.
#include "tutorial_support.hpp"

#include <iostream>

int main() {
    const std::int64_t w = 72, h = 28, iterations = 40;
    std::vector<std::vector<std::int32_t>> results;
    for (gpu::executor ex : tutorial::executors()) {
        gpu::executor_scope scope(ex);
        const auto [cr, ci] = gpu::meshgrid(gpu::linspace(-2.2, 0.8, w), gpu::linspace(-1.2, 1.2, h));
        gpu::ndarray<double> zr = gpu::zeros<double>({h, w}), zi = gpu::zeros<double>({h, w});
        gpu::ndarray<std::int32_t> count = gpu::zeros<std::int32_t>({h, w});
        for (int k = 0; k < iterations; ++k) {
            const auto inside = zr * zr + zi * zi <= 4.0;
            const gpu::ndarray<double> zr2 = gpu::where(inside, zr * zr - zi * zi + cr, zr);
            zi = gpu::where(inside, 2.0 * zr * zi + ci, zi);
            zr = zr2;
            count += gpu::where(zr * zr + zi * zi <= 4.0, 1, 0);
        }
        results.push_back(tutorial::to_vector(count));
        if (results.size() == 1) {
            const auto c = results.back();
            for (std::int64_t y = 0; y < h; ++y) {
                for (std::int64_t x = 0; x < w; ++x) {
                    const std::int32_t v = c[y * w + x];
                    std::cout << (v >= iterations ? '#' : v > 8 ? '+' : v > 3 ? '.' : ' ');
                }
                std::cout << "\n";
            }
        }
    }
    // The centre of the main cardioid never escapes; a far corner escapes at once.
    const auto& c = results[0];
    const std::int64_t cx = 51, cy = h / 2;  // c = -0.045 + 0.044i
    if (c[cy * w + cx] != iterations || c[0] != 0) return 1;
    for (const auto& r : results)
        if (r != results.back()) return 1;
    std::cout << "every executor agrees\n";
    return 0;
}
