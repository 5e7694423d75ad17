#pragma once
// Definitions for core/shape.hpp (see core/inline.hpp).
#include <string>

#include "gpu/core/shape.hpp"

namespace gpu {

GPU_ND_INLINE std::string to_string(const shape_t& shape) {
    std::string s = "(";
    for (int i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

namespace detail {

GPU_ND_INLINE void throw_rank_error(int n) {
    throw value_error("maximum supported dimension for an ndarray is " + std::to_string(max_ndim) + ", found " +
                      std::to_string(n));
}

GPU_ND_INLINE void throw_broadcast_error(const shape_t& a, const shape_t& b) {
    throw shape_error("operands could not be broadcast together with shapes " + to_string(a) + " " + to_string(b));
}

}  // namespace detail
}  // namespace gpu
