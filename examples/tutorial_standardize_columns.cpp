// Standardizing the columns of a data matrix, NumPy style:
//   Z = (X - X.mean(axis=0)) / X.std(axis=0)
// then checking each column has mean 0 and standard deviation 1.
#include "tutorial_support.hpp"

#include <iostream>
#include <random>

int main() {
    const std::int64_t n = 1000, d = 4;
    std::mt19937 rng(2);
    std::vector<float> data(static_cast<std::size_t>(n * d));
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = std::normal_distribution<float>(float(i % d), 1.f + float(i % d))(rng);

    std::vector<std::vector<float>> results;
    for (gpu::executor ex : tutorial::executors()) {
        gpu::executor_scope scope(ex);
        const gpu::ndarray<float> X = gpu::asarray(data, {n, d});
        const gpu::ndarray<float> mu = X.mean(0), sigma = X.std(0);
        const gpu::ndarray<float> Z = (X - mu) / sigma;  // broadcasts (n, d) against (d,): one kernel
        const gpu::ndarray<float> zm = Z.mean(0), zs = Z.std(0);
        std::cout << "[" << gpu::to_string(ex) << "] column means " << gpu::asnumpy(mu) << " -> " << gpu::asnumpy(zm)
                  << ", stds " << gpu::asnumpy(sigma) << " -> " << gpu::asnumpy(zs) << "\n";
        for (float v : tutorial::to_vector(zm))
            if (std::fabs(v) > 1e-4f) return 1;
        for (float v : tutorial::to_vector(zs))
            if (std::fabs(v - 1) > 1e-4f) return 1;
        results.push_back(tutorial::to_vector(Z));
    }
    for (const auto& r : results)
        if (!tutorial::agree(r, results.back(), 1e-4)) return 1;
    std::cout << "every executor agrees\n";
    return 0;
}
