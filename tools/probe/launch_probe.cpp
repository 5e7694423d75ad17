// Experiment behind runtime/launch.hpp: host time per launch of the n=1000 add kernel through
// each launch path. Build and run on a GPU machine:
//   g++ -std=c++20 -O2 -Iinclude -I/usr/local/cuda/include tools/probe/launch_probe.cpp -o /tmp/probe \
//       -L/usr/local/cuda/lib64 -lcudart -lnvrtc && /tmp/probe
#include <gpu/ndarray.hpp>
#include <cuda.h>
#include <chrono>
#include <cstdio>
#include <vector>

using clk = std::chrono::steady_clock;
template <class F>
double per_call_us(F&& f, int iters = 20000) {
    for (int i = 0; i < 1000; ++i) { f(); if (i % 256 == 0) cudaDeviceSynchronize(); }
    cudaDeviceSynchronize();
    double total = 0;
    for (int r = 0; r < iters / 256; ++r) {
        auto t0 = clk::now();
        for (int i = 0; i < 256; ++i) f();
        total += std::chrono::duration<double, std::micro>(clk::now() - t0).count();
        cudaDeviceSynchronize();
    }
    return total / (iters / 256 * 256);
}

int main() {
    std::vector<float> h(1000, 1.f);
    auto x = gpu::asarray(h), y = gpu::asarray(h);
    gpu::ndarray<float> z({1000});
    gpu::eval(x + y, z);
    cudaDeviceSynchronize();
    using E = decltype(gpu::detail::as_node(x + y));
    gpu::detail::kernel_variant v; v.vec = 4;
    cudaKernel_t k = gpu::detail::get_kernel<E>(v);
    float* out = z.data(); const void* p0 = x.data(); const void* p1 = y.data(); int n = 1000;
    void* args[] = {&out, &p0, &p1, &n};
    cudaStream_t own; cudaStreamCreateWithFlags(&own, cudaStreamNonBlocking);
    cudaStream_t blocking; cudaStreamCreate(&blocking);

    std::printf("eval(x+y, z)                         %.2f us\n", per_call_us([&] { gpu::eval(x + y, z); }));
    std::printf("z = x + y (alloc)                    %.2f us\n", per_call_us([&] { gpu::ndarray<float> w = x + y; }));
    std::printf("cudaLaunchKernel legacy              %.2f us\n", per_call_us([&] { cudaLaunchKernel((const void*)k, dim3(1), dim3(256), args, 0, cudaStreamLegacy); }));
    std::printf("cudaLaunchKernel per-thread          %.2f us\n", per_call_us([&] { cudaLaunchKernel((const void*)k, dim3(1), dim3(256), args, 0, cudaStreamPerThread); }));
    std::printf("cudaLaunchKernel own non-blocking    %.2f us\n", per_call_us([&] { cudaLaunchKernel((const void*)k, dim3(1), dim3(256), args, 0, own); }));
    std::printf("cudaLaunchKernel own blocking        %.2f us\n", per_call_us([&] { cudaLaunchKernel((const void*)k, dim3(1), dim3(256), args, 0, blocking); }));

    void* fn = nullptr; cudaDriverEntryPointQueryResult q;
    cudaGetDriverEntryPointByVersion("cuLaunchKernel", &fn, 12000, cudaEnableDefault, &q);
    void* fn2 = nullptr;
    cudaGetDriverEntryPointByVersion("cuKernelGetFunction", &fn2, 12000, cudaEnableDefault, &q);
    auto launch = reinterpret_cast<CUresult (*)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, CUstream, void**, void**)>(fn);
    auto getfn = reinterpret_cast<CUresult (*)(CUfunction*, CUkernel)>(fn2);
    CUfunction f; CUresult rc = getfn(&f, (CUkernel)k);
    std::printf("cuKernelGetFunction rc=%d\n", (int)rc);
    std::printf("cuLaunchKernel legacy (CU_STREAM_LEGACY) %.2f us\n", per_call_us([&] { launch(f, 1, 1, 1, 256, 1, 1, 0, CU_STREAM_LEGACY, args, nullptr); }));
    std::printf("cuLaunchKernel null stream 0           %.2f us\n", per_call_us([&] { launch(f, 1, 1, 1, 256, 1, 1, 0, nullptr, args, nullptr); }));
    std::printf("cuLaunchKernel own non-blocking        %.2f us\n", per_call_us([&] { launch(f, 1, 1, 1, 256, 1, 1, 0, (CUstream)own, args, nullptr); }));
    std::printf("cuLaunchKernel CUkernel as CUfunction  %.2f us\n", per_call_us([&] { launch((CUfunction)k, 1, 1, 1, 256, 1, 1, 0, (CUstream)own, args, nullptr); }));
    std::printf("eval(x+y, z) again                     %.2f us\n", per_call_us([&] { gpu::eval(x + y, z); }));
    cudaDeviceSynchronize();
    std::printf("last error: %s\n", cudaGetErrorString(cudaGetLastError()));
}
