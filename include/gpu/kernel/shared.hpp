#pragma once
// Code that the host executor compiles and that NVRTC compiles into kernels, from one text:
// GPU_ND_SHARED both defines its argument as C++ here and keeps it as a string for the kernel
// source. The kernel head (kernel/head.hpp), scalar operations (expr/ops.hpp), accumulators and
// scan operations are written this way, so host and GPU cannot drift (docs/architecture.md).
#include <cmath>

// On the host the shared code is ordinary inline C++; in a kernel GND_FN means __device__.
#define GND_FN inline

// Defines the code in namespace gpu::detail::gnd and stores its text in NAME for kernels.
#define GPU_ND_SHARED(NAME, ...)                                      \
    namespace gpu::detail::gnd {                                      \
    __VA_ARGS__                                                       \
    }                                                                 \
    namespace gpu::detail {                                           \
    inline constexpr const char NAME[] = #__VA_ARGS__;                \
    }

// The host needs the standard math overloads under the unqualified names kernels use.
namespace gpu::detail::gnd {
using std::ceil;
using std::copysign;
using std::cos;
using std::exp;
using std::fabs;
using std::floor;
using std::fmod;
using std::log;
using std::pow;
using std::sin;
using std::sqrt;
using std::tan;
using std::tanh;
}  // namespace gpu::detail::gnd
