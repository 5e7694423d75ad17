// The classic CuPy tutorial in C++: random arrays on the host, moved to the GPU, added there
// in one generated kernel, and brought back.
#include <gpu/ndarray.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <vector>

int main() {
    std::mt19937 rng(0);
    std::uniform_real_distribution<float> u(0.f, 1.f);
    std::vector<float> x_cpu(1000), y_cpu(1000);
    for (auto& v : x_cpu) v = u(rng);
    for (auto& v : y_cpu) v = u(rng);

    gpu::ndarray<float> x = gpu::asarray(x_cpu);  // host -> device
    gpu::ndarray<float> y = gpu::asarray(y_cpu);
    gpu::ndarray<float> z = x + y;                // one kernel, generated and compiled at run time
    gpu::host_array<float> r = gpu::asnumpy(z);   // device -> host

    std::cout << "executor: " << gpu::to_string(z.where()) << "\n";
    std::cout << "z = x + y, shape " << gpu::to_string(r.shape()) << ":\n" << r << "\n";

    // Check every element against the same sum computed on the host.
    for (std::int64_t i = 0; i < r.size(); ++i) {
        if (r[i] != x_cpu[i] + y_cpu[i]) {
            std::fprintf(stderr, "mismatch at %lld: %g != %g\n", static_cast<long long>(i), r[i], x_cpu[i] + y_cpu[i]);
            return 1;
        }
    }
    std::cout << "all " << r.size() << " elements match\n";
    return 0;
}
