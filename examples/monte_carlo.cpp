// Random numbers and reductions: a Monte Carlo estimate of pi, and standardizing the columns of
// a matrix, as a NumPy user would write them:
//
//   x, y = rng.random(n), rng.random(n);  pi = 4 * np.count_nonzero(x*x + y*y <= 1) / n
//   z = (m - m.mean(axis=0)) / m.std(axis=0)
//
// Both are checked against plain loops over the same numbers brought back to the host.
#include <gpu/ndarray.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

int main() {
    gpu::random::seed(2026);
    int failures = 0;
    auto check = [&](bool ok, const char* what) {
        std::printf("%-52s %s\n", what, ok ? "ok" : "MISMATCH");
        failures += ok ? 0 : 1;
    };

    // pi from 2^22 points in the unit square; the hit test and the count are one fused pass.
    const std::int64_t n = std::int64_t{1} << 22;
    const auto x = gpu::random::rand<float>({n});
    const auto y = gpu::random::rand<float>({n});
    std::cout << "executor: " << gpu::to_string(x.where()) << "\n";
    const std::int64_t inside = gpu::count_nonzero(x * x + y * y <= 1.0f);
    const double pi = 4.0 * static_cast<double>(inside) / static_cast<double>(n);
    std::printf("pi ~ %.6f from %lld points\n", pi, static_cast<long long>(n));
    {
        const auto hx = gpu::asnumpy(x), hy = gpu::asnumpy(y);
        std::int64_t expect = 0;
        for (std::int64_t i = 0; i < n; ++i) expect += hx[i] * hx[i] + hy[i] * hy[i] <= 1.0f;
        check(inside == expect, "count of points inside the quarter circle");
        check(std::fabs(pi - 3.14159265358979) < 0.01, "estimate within 0.01 of pi");
    }

    // Standardize the columns of a 1000 x 8 matrix of normal samples: mean(axis=0) and
    // std(axis=0) are (8,) rows that broadcast against the matrix.
    const std::int64_t rows = 1000, cols = 8;
    const auto m = gpu::random::normal<double>(5.0, 2.0, {rows, cols});
    const gpu::ndarray<double> z = (m - gpu::mean(m, 0)) / gpu::std(m, 0);
    {
        const auto hm = gpu::asnumpy(m), hz = gpu::asnumpy(z);
        bool ok = true;
        for (std::int64_t c = 0; c < cols; ++c) {
            double mean = 0, var = 0;
            for (std::int64_t r = 0; r < rows; ++r) mean += hm(r, c);
            mean /= rows;
            for (std::int64_t r = 0; r < rows; ++r) var += (hm(r, c) - mean) * (hm(r, c) - mean);
            const double sd = std::sqrt(var / rows);
            for (std::int64_t r = 0; r < rows && ok; ++r) ok = std::fabs(hz(r, c) - (hm(r, c) - mean) / sd) < 1e-9;
        }
        check(ok, "standardized columns match a loop");
        const double mean_z = gpu::mean(gpu::abs(gpu::mean(z, 0))).item();
        const double std_z = gpu::mean(gpu::std(z, 0)).item();
        std::printf("columns of z: mean |mean| %.2e, mean std %.6f\n", mean_z, std_z);
        check(mean_z < 1e-12 && std::fabs(std_z - 1.0) < 1e-12, "columns of z have mean 0 and std 1");
    }

    if (failures) {
        std::fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    std::cout << "all checks passed\n";
    return 0;
}
