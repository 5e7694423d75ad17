// User kernels, the three kinds: an element-wise kernel defined once for both executors
// (GPU_ND_ELEMENTWISE_KERNEL; one of them on complex64 with a complex scalar), a CuPy-style
// element-wise kernel from CUDA text, and a raw kernel template from a module, launched with shared
// memory. Each GPU result is checked against the host. Without a GPU only the first kind runs (on
// the host executor).
#include <gpu/ndarray.hpp>
#include <gpu/user_kernels/elementwise_kernel.hpp>
#include <gpu/user_kernels/raw_kernel.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <iostream>
#include <vector>

// Hermite smooth step of x between lo and hi, written once: CUDA text and host C++.
GPU_ND_ELEMENTWISE_KERNEL(smooth_step, (T x, T lo, T hi), (T y),
                          T t = min(max((x - lo) / (hi - lo), T(0)), T(1));
                          y = t * t * (3 - 2 * t));

// Points z rotated and scaled by w, and their distance from the origin: complex64 arithmetic
// (NumPy's product) on both executors.
GPU_ND_ELEMENTWISE_KERNEL(rotate, (complex64 w, complex64 z), (complex64 r, float32 d), r = w * z; d = abs(r));

static bool near(double a, double b) { return std::fabs(a - b) <= 1e-5 * std::max(1.0, std::fabs(b)); }

int main() {
    std::vector<float> xs(16);
    for (int k = 0; k < 16; ++k) xs[k] = 0.125f * static_cast<float>(k) - 0.25f;

    // 1. One definition, on the host executor.
    gpu::host_array<float> on_host;
    {
        gpu::executor_scope host(gpu::executor::host);
        on_host = gpu::asnumpy(smooth_step.call<float>(gpu::asarray(xs), 0.0f, 1.0f));
    }
    std::cout << "smooth_step on the host executor:\n" << on_host << "\n";
    using c64 = std::complex<float>;
    const std::vector<c64> points{{1, 0}, {0, 1}, {-1, 0.5f}, {3, -4}};
    const std::complex<double> w(0, 2);  // a quarter turn, twice as far
    auto rotated = [&] {
        gpu::ndarray<c64> r({4});
        gpu::ndarray<float> dist({4});
        rotate(w, gpu::asarray(points), r, dist);
        return gpu::asnumpy(r);
    };
    gpu::host_array<c64> rotated_on_host;
    {
        gpu::executor_scope host(gpu::executor::host);
        rotated_on_host = rotated();
    }
    std::cout << "rotate by 2j on the host executor:\n" << rotated_on_host << "\n";
    if (!gpu::cuda_available()) {
        std::cout << "no CUDA device: the CUDA-only kernels (elementwise_kernel, raw_kernel) are not run\n";
        return 0;
    }
    gpu::executor_scope cuda(gpu::executor::cuda);
    int failures = 0;

    // ... and the same definition on the GPU.
    const auto on_gpu = gpu::asnumpy(smooth_step.call<float>(gpu::asarray(xs), 0.0f, 1.0f));
    for (int k = 0; k < 16; ++k) failures += !near(on_gpu[k], on_host[k]);
    std::cout << "smooth_step on the GPU:\n" << on_gpu << "\n";
    const auto rotated_on_gpu = rotated();
    for (int k = 0; k < 4; ++k)
        failures += !near(rotated_on_gpu[k].real(), rotated_on_host[k].real()) ||
                    !near(rotated_on_gpu[k].imag(), rotated_on_host[k].imag());

    // 2. CuPy's ElementwiseKernel: squared distances of a column against a row (broadcasting).
    gpu::elementwise_kernel squared_diff("T x, T y", "T d", "d = (x - y) * (x - y)", "squared_diff");
    const std::vector<double> col{0, 1, 2, 3}, row{0.5, 1.5, 2.5, 3.5, 4.5};
    const auto d = gpu::asnumpy(squared_diff.call<double>(gpu::asarray(col, {4, 1}), gpu::asarray(row, {5})));
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 5; ++c) failures += !near(d(r, c), (col[r] - row[c]) * (col[r] - row[c]));
    std::cout << "squared_diff(column, row):\n" << d << "\n";

    // 3. CuPy's RawModule: a block-sum template, instantiated by name, with shared memory.
    gpu::raw_module module(R"(
template <class T, int B>
__global__ void block_sum(T* sums, const T* x, int n) {
    extern __shared__ unsigned char smem[];
    T* s = reinterpret_cast<T*>(smem);
    const int i = blockIdx.x * B + threadIdx.x;
    s[threadIdx.x] = i < n ? x[i] * SCALE : T(0);
    __syncthreads();
    for (int w = B / 2; w > 0; w /= 2) {
        if (threadIdx.x < w) s[threadIdx.x] += s[threadIdx.x + w];
        __syncthreads();
    }
    if (threadIdx.x == 0) sums[blockIdx.x] = s[0];
})", {"-DSCALE=2"});
    const int n = 1000, block = 128, blocks = (n + block - 1) / block;
    std::vector<float> values(n);
    for (int k = 0; k < n; ++k) values[k] = static_cast<float>(k % 7);
    auto x = gpu::asarray(values);
    gpu::ndarray<float> sums({blocks});
    auto block_sum = module.get_function("block_sum<float, 128>");
    block_sum({.grid = dim3(blocks), .block = dim3(block), .shared_mem = block * sizeof(float)}, sums, x, n);
    const auto s = gpu::asnumpy(sums);
    for (int b = 0; b < blocks; ++b) {
        double expect = 0;
        for (int k = b * block; k < std::min(n, (b + 1) * block); ++k) expect += 2.0 * values[k];
        failures += !near(s[b], expect);
    }
    std::cout << "block_sum<float, 128> of 2 * x:\n" << s << "\n";

    if (failures) {
        std::fprintf(stderr, "%d results differ from the host\n", failures);
        return 1;
    }
    std::cout << "every GPU result matches the host\n";
    return 0;
}
