#pragma once
// Definitions for exec/elementwise_kernels.hpp (see core/inline.hpp).
#include <string>

#include "gpu/exec/elementwise_kernels.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string kernel_variant::name_expression() const {
    const std::string I = idx64 ? "long long" : "int", V = std::to_string(vec);
    if (tiled) return "gnd::ew_tiled<gnd_expr, " + I + ">";
    if (!strided) return "gnd::ew_flat<gnd_expr, " + I + ", " + V + ">";
    return "gnd::ew_strided<gnd_expr, " + I + ", " + std::to_string(rank) + ", " + V + ">";
}

GPU_ND_INLINE kernel_source elementwise_kernel_source(const expression_text& t, const kernel_variant& v) {
    return {kernel_unit({t.ops}, t.functor + elementwise_kernels_source), v.name_expression(), true, {},
            "an element-wise kernel"};
}

}  // namespace gpu::detail
