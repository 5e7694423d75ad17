// CuPy's "Basics of CuPy" tutorial in C++: make an array on the device, its L2 norm, move arrays
// between host and device, and the tutorial's CPU/GPU-agnostic softplus, run on every executor.
#include "tutorial_support.hpp"

#include <iostream>

// softplus(x) = max(0, x) + log1p(exp(-|x|)), written once for any executor.
// (With the ufuncs of the "every NumPy ufunc" work, the second term reads gpu::log1p(gpu::exp(-gpu::abs(x))).)
template <class E>
auto softplus(const E& x) {
    return gpu::maximum(0, x) + gpu::log(1 + gpu::exp(-gpu::abs(x)));
}

int main() {
    std::vector<std::vector<float>> results;
    for (gpu::executor ex : tutorial::executors()) {
        gpu::executor_scope scope(ex);
        // x_gpu = cp.array([1, 2, 3]); l2_gpu = cp.linalg.norm(x_gpu)
        const gpu::ndarray<float> x = gpu::asarray(std::vector<float>{1, 2, 3});
        const gpu::ndarray<float> l2 = gpu::sqrt(gpu::sum(x * x));  // (gpu::square(x) with the new ufuncs)
        // x_cpu = cp.asnumpy(x_gpu); back again with cp.asarray
        const gpu::host_array<float> x_cpu = gpu::asnumpy(x);
        const gpu::ndarray<float> again = gpu::asarray(std::vector<float>(x_cpu.begin(), x_cpu.end()));
        // Element-wise math, a reduction along an axis, and a boolean mask.
        const gpu::ndarray<float> m = gpu::arange<float>(12).reshape({3, 4});
        const gpu::ndarray<float> sp = softplus(m - 5.f);
        const auto row_sums = gpu::sum(m * m, 1);
        const gpu::ndarray<float> big = m[m > 6.f];
        std::cout << "[" << gpu::to_string(ex) << "] norm = " << l2.item() << ", softplus row 0 = "
                  << gpu::asnumpy(sp(0)) << ", sum(m*m, 1) = " << gpu::asnumpy(row_sums)
                  << ", m[m > 6] = " << gpu::asnumpy(big) << "\n";
        std::vector<float> r{l2.item(), again(2).item()};
        for (float v : tutorial::to_vector(sp)) r.push_back(v);
        for (float v : tutorial::to_vector(row_sums)) r.push_back(v);
        for (float v : tutorial::to_vector(big)) r.push_back(v);
        results.push_back(r);
    }
    const float expected_norm = std::sqrt(14.f);
    if (std::fabs(results[0][0] - expected_norm) > 1e-6f) return 1;
    for (const auto& r : results)
        if (!tutorial::agree(r, results.back())) return 1;
    std::cout << "every executor agrees\n";
    return 0;
}
