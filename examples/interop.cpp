// Interop: memory and streams of other GPU code, and DLPack.
//   - gpu::adopt wraps device memory allocated elsewhere (here a cudaMalloc), zero-copy, with an
//     owner that frees it after the last array using it is gone;
//   - gpu::stream::borrow runs the library's work on another library's stream;
//   - gpu::to_dlpack / gpu::from_dlpack exchange arrays with PyTorch, CuPy, JAX, NumPy (here
//     with ourselves: a round trip that shares the memory).
#include <gpu/interop.hpp>
#include <gpu/ndarray.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

int main() {
    if (!gpu::cuda_available()) {
        std::printf("example_interop: no GPU; the host executor adopts host memory the same way\n");
    }
    const bool gpu_mode = gpu::current_executor() == gpu::executor::cuda;
    const std::size_t n = 12;
    float* p = nullptr;
    if (gpu_mode) cudaMalloc(reinterpret_cast<void**>(&p), n * sizeof(float));
    else p = static_cast<float*>(std::malloc(n * sizeof(float)));
    std::shared_ptr<void> owner(p, [gpu_mode](void* q) {
        std::printf("owner: memory released\n");
        if (gpu_mode) cudaFree(q);
        else std::free(q);
    });

    cudaStream_t theirs = nullptr;
    if (gpu_mode) cudaStreamCreateWithFlags(&theirs, cudaStreamNonBlocking);
    {
        gpu::stream s = gpu::stream::borrow(theirs);
        gpu::stream_scope on(s);  // the library's work below is ordered with theirs
        auto a = gpu::adopt(p, {3, 4}, std::move(owner));
        a.assign(gpu::arange<float>(12).reshape({3, 4}));
        std::printf("adopted %s, data %p, strides in bytes (%lld, %lld)\n", gpu::to_string(a.shape()).c_str(),
                    static_cast<void*>(a.data()), static_cast<long long>(a.strides_bytes()[0]),
                    static_cast<long long>(a.strides_bytes()[1]));

        gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(a.T());  // what __dlpack__ hands out
        gpu::ndarray<float> b = gpu::from_dlpack<float>(m);                  // what a consumer makes of it
        std::printf("DLPack round trip shares memory: %s; b = a.T:\n", b.data() == a.data() ? "yes" : "no");
        std::cout << b << '\n';
        if (gpu_mode) s.synchronize();
    }
    if (gpu_mode) cudaStreamDestroy(theirs);
    return 0;
}
