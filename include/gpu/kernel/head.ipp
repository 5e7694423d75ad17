#pragma once
// Definitions for kernel/head.hpp (see core/inline.hpp).
#include <string>

#include "gpu/kernel/head.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string kernel_unit(std::initializer_list<std::string_view> shared, std::string_view device,
                                      std::string_view names) {
    auto named = [&](std::string_view what) {
        if (device.find(what) != std::string_view::npos || names.find(what) != std::string_view::npos) return true;
        for (std::string_view part : shared)
            if (part.find(what) != std::string_view::npos) return true;
        return false;
    };
    std::string s = "// gpu_ndarray kernel\n#define GND_FN __device__ __forceinline__\nnamespace gnd {\n";
    s += scalar_kinds_source;
    s += head_source;
    if (named("float16") || named("bfloat16")) (s += half_device_source) += half_source;
    if (named("gnd::complex<")) s += complex_source;
    s += device_head_source;
    for (std::string_view part : shared) (s += part) += '\n';
    s += "}\n";
    s += device;
    return s;
}

}  // namespace gpu::detail
