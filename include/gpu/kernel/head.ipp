#pragma once
// Definitions for kernel/head.hpp (see core/inline.hpp).
#include <string>

#include "gpu/kernel/head.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string kernel_unit(std::initializer_list<std::string_view> shared, std::string_view device) {
    std::string s = "// gpu_ndarray kernel\n#define GND_FN __device__ __forceinline__\nnamespace gnd {\n";
    s += half_device_source;
    s += half_source;
    s += complex_source;
    s += head_source;
    s += device_head_source;
    for (std::string_view part : shared) (s += part) += '\n';
    s += "}\n";
    s += device;
    return s;
}

}  // namespace gpu::detail
