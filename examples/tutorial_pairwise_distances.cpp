// Pairwise Euclidean distances, the NumPy broadcasting classic:
//   D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
// The difference, square and sum are one fused reduction kernel; no (n, n, d) array is made.
#include "tutorial_support.hpp"

#include <iostream>
#include <random>

int main() {
    const std::int64_t n = 200, d = 3;
    std::mt19937 rng(1);
    std::normal_distribution<double> g;
    std::vector<double> pts(static_cast<std::size_t>(n * d));
    for (auto& v : pts) v = g(rng);

    std::vector<std::vector<double>> results;
    for (gpu::executor ex : tutorial::executors()) {
        gpu::executor_scope scope(ex);
        const gpu::ndarray<double> X = gpu::asarray(pts, {n, d});
        const auto diff = X(gpu::colon, gpu::newaxis, gpu::colon) - X(gpu::newaxis, gpu::colon, gpu::colon);
        const gpu::ndarray<double> D = gpu::sqrt(gpu::sum(diff * diff, -1));  // (gpu::square(diff) with the new ufuncs)
        // The nearest other point of each point: the diagonal set to +inf first (advanced indexing).
        gpu::ndarray<double> masked = D.copy();
        const auto [r, c] = gpu::meshgrid(gpu::meshgrid_indexing::ij, gpu::arange<std::int64_t>(n), gpu::arange<std::int64_t>(n));
        masked[r == c] = std::numeric_limits<double>::infinity();
        const gpu::ndarray<std::int64_t> nearest = gpu::argmin(masked, 1);
        std::cout << "[" << gpu::to_string(ex) << "] D is " << gpu::to_string(D.shape()) << ", D[0, :4] = "
                  << gpu::asnumpy(D(0, gpu::slice(0, 4))) << ", nearest[:5] = "
                  << gpu::asnumpy(nearest(gpu::slice(0, 5))) << "\n";
        results.push_back(tutorial::to_vector(D));
    }
    // Check one distance against the host loop.
    double s = 0;
    for (int k = 0; k < d; ++k) s += (pts[k] - pts[d + k]) * (pts[k] - pts[d + k]);
    if (std::fabs(results[0][1] - std::sqrt(s)) > 1e-12) return 1;
    for (const auto& r : results)
        if (!tutorial::agree(r, results.back(), 1e-12)) return 1;
    std::cout << "every executor agrees\n";
    return 0;
}
