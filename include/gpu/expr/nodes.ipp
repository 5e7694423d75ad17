#pragma once
// Definitions for expr/nodes.hpp (see core/inline.hpp).
#include <string>

#include "gpu/expr/nodes.hpp"

namespace gpu::detail {

GPU_ND_INLINE void emit_text(std::string& out, std::initializer_list<const char*> parts) {
    for (const char* p : parts) out += p;
}

}  // namespace gpu::detail
