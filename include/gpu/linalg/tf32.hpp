#pragma once
// TF32 tensor cores for float32 and complex64 products: off by default (NumPy fidelity: float32
// products keep float32's 24-bit mantissa), on through gpu::linalg::set_allow_tf32(true) or the
// environment variable GPU_NDARRAY_ALLOW_TF32=1 (read once), as PyTorch's
// torch.backends.cuda.matmul.allow_tf32.
// TF32 rounds the inputs to a 10-bit mantissa: about 1e-3 relative error, ~8x the throughput.
#include <atomic>

#include "gpu/runtime/config.hpp"

namespace gpu::linalg {

namespace detail {
inline std::atomic<bool>& tf32_flag() {
    static std::atomic<bool> on{gpu::detail::env_flag("GPU_NDARRAY_ALLOW_TF32")};
    return on;
}
}  // namespace detail

// Whether float32 products may use TF32 tensor cores (process-wide).
inline bool allow_tf32() { return detail::tf32_flag().load(std::memory_order_relaxed); }
inline void set_allow_tf32(bool on) { detail::tf32_flag().store(on, std::memory_order_relaxed); }

}  // namespace gpu::linalg
