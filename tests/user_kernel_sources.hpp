#pragma once
// Kernel sources shared by the user-kernel compile tests (NVRTC, no GPU) and GPU tests, so both
// check the same text.

namespace gpu_test {

// Raw kernels over complex64 and float16 arrays, declared three ways: the library's gnd types,
// CUDA's float2 and a struct of the user's own, all laid out as std::complex.
inline constexpr const char raw_half_complex_source[] = R"(
struct my_complex { float re, im; };
extern "C" __global__ void cscale(gnd::complex<float>* y, const gnd::complex<float>* x, gnd::complex<float> s, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = s * x[i] + conj(x[i]);
}
extern "C" __global__ void own_struct(my_complex* y, const float2* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) { y[i].re = x[i].x + 1; y[i].im = -x[i].y; }
}
extern "C" __global__ void haxpy(gnd::float16* y, const gnd::float16* x, gnd::float16 a, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] += a * x[i];
}
)";

}  // namespace gpu_test
