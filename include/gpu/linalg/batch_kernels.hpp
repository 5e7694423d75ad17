#pragma once
// cuBLAS's batched routines (getrfBatched, getriBatched) take device arrays of matrix pointers.
// batch_pointers writes them on the stream, so building them needs no host copy and works
// inside a graph capture.
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"

namespace gpu::detail {

inline constexpr const char batch_pointer_kernel_source[] = R"(
namespace gnd {
/* out[i] = base + i * stride, for i < count. */
template <class T>
__global__ void __launch_bounds__(256) batch_pointers(T** out, T* base, long long stride, long long count) {
  const long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) out[i] = base + i * stride;
}
}  /* namespace gnd */
)";

template <class T>
struct batch_pointers_kernel {
    static kernel_source source() {
        return kernel_source{kernel_unit({}, batch_pointer_kernel_source),
                             std::string("gnd::batch_pointers<") + cuda_type_name<T>() + ">", true, {},
                             "the batch pointer kernel"};
    }
};

}  // namespace gpu::detail
