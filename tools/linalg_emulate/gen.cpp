// Prints the linalg kernel templates (CUDA source) for emu.cpp to compile as C++.
#include <gpu/linalg.hpp>
#include <cstdio>
int main() { std::fputs(gpu::detail::matmul_kernels_source, stdout); std::fputs("\n//BATCH\n", stdout); std::fputs(gpu::detail::batch_pointer_kernel_source, stdout); }
