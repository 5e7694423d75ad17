// What the tutorial examples share: run a computation on every executor this machine has (the
// GPU when there is one, and the host executor always) and check that they agree.
#pragma once
#include <gpu/ndarray.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

namespace tutorial {

inline std::vector<gpu::executor> executors() {
    std::vector<gpu::executor> v{gpu::executor::host};
    if (gpu::cuda_available()) v.insert(v.begin(), gpu::executor::cuda);
    return v;
}

// Whether two host results agree within rtol (the GPU may contract a*b+c into one fma).
template <class T>
bool agree(const std::vector<T>& a, const std::vector<T>& b, double rtol = 1e-5) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double x = static_cast<double>(a[i]), y = static_cast<double>(b[i]);
        if (std::fabs(x - y) > rtol * (1 + std::fabs(x) + std::fabs(y))) {
            std::fprintf(stderr, "element %zu: %g != %g\n", i, x, y);
            return false;
        }
    }
    return true;
}

template <class T>
std::vector<T> to_vector(const gpu::ndarray<T>& a) {
    const auto h = gpu::asnumpy(a);
    return std::vector<T>(h.begin(), h.end());
}

}  // namespace tutorial
