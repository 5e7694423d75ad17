// One k-means (Lloyd) step after another, NumPy style:
//   d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1); labels = d.argmin(1)
//   C[k] = X[labels == k].mean(0)   (a boolean mask over the rows)
#include "tutorial_support.hpp"

#include <iostream>
#include <random>

int main() {
    const std::int64_t per = 100, k = 3, n = per * k;
    std::mt19937 rng(3);
    std::normal_distribution<double> g(0, 0.5);
    const double centres[3][2] = {{0, 0}, {5, 5}, {-5, 4}};
    std::vector<double> pts;
    for (int c = 0; c < k; ++c)
        for (int i = 0; i < per; ++i) pts.push_back(centres[c][0] + g(rng)), pts.push_back(centres[c][1] + g(rng));

    std::vector<std::vector<double>> results;
    for (gpu::executor ex : tutorial::executors()) {
        gpu::executor_scope scope(ex);
        const gpu::ndarray<double> X = gpu::asarray(pts, {n, 2});
        // Initial centres: three data points, picked with an integer index array.
        gpu::ndarray<double> C = X(gpu::asarray(std::vector<std::int64_t>{0, per, 2 * per}));
        gpu::ndarray<std::int64_t> labels;
        for (int step = 0; step < 5; ++step) {
            const auto diff = X(gpu::colon, gpu::newaxis, gpu::colon) - C(gpu::newaxis, gpu::colon, gpu::colon);
            labels = gpu::argmin(gpu::sum(diff * diff, -1), 1);
            for (std::int64_t c = 0; c < k; ++c)
                if (gpu::count_nonzero(labels == c) > 0) C(c) = X[labels == c].mean(0);  // the rows of cluster c
        }
        std::cout << "[" << gpu::to_string(ex) << "] centres:\n" << gpu::asnumpy(C) << "\n";
        results.push_back(tutorial::to_vector(C));
    }
    for (int c = 0; c < k; ++c)
        if (std::fabs(results[0][2 * c] - centres[c][0]) > 0.2 || std::fabs(results[0][2 * c + 1] - centres[c][1]) > 0.2)
            return 1;
    for (const auto& r : results)
        if (!tutorial::agree(r, results.back(), 1e-9)) return 1;
    std::cout << "every executor agrees\n";
    return 0;
}
