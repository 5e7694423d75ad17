// Built by the package_consumer test against an installed copy of gpu_ndarray, with a plain host
// compiler. Exits non-zero unless x + x is computed correctly.
#include <gpu/ndarray.hpp>

#include <cstdio>
#include <vector>

int main() {
    auto x = gpu::asarray(std::vector<float>{1, 2, 3});
    gpu::ndarray<float> z = x + x;
    auto r = gpu::asnumpy(z);
    if (r.size() != 3 || r[0] != 2.0f || r[1] != 4.0f || r[2] != 6.0f) {
        std::fprintf(stderr, "package_consumer: x + x gave the wrong result\n");
        return 1;
    }
    std::printf("package_consumer: x + x = [%g, %g, %g]\n", double(r[0]), double(r[1]), double(r[2]));
    return 0;
}
