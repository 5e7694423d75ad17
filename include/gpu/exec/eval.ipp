#pragma once
// Definitions for exec/eval.hpp (see core/inline.hpp).
#include <string>

#include "gpu/exec/eval.hpp"

namespace gpu::detail {

GPU_ND_INLINE void throw_mixed_executors(executor a, executor b) {
    throw device_error(std::string("operands live on different executors (") + to_string(a) + " and " + to_string(b) +
                       "); move them with gpu::asnumpy / gpu::asarray first");
}

GPU_ND_INLINE void throw_write_across_executors(executor from, executor to) {
    throw device_error(std::string("cannot write an expression evaluated on ") + to_string(from) + " into an array on " +
                       to_string(to));
}

GPU_ND_INLINE void check_writable_shape(const shape_t& from, const shape_t& to, write_kind kind) {
    bool fits = false;
    try {
        fits = broadcast_shapes(from, to) == to;
    } catch (const shape_error&) {
    }
    if (!fits) {
        if (kind == write_kind::assignment)
            throw shape_error("could not broadcast input array from shape " + to_string(from) + " into shape " +
                              to_string(to));
        throw shape_error("non-broadcastable output operand with shape " + to_string(to) +
                          " doesn't match the broadcast shape " + to_string(broadcast_shapes(from, to)));
    }
}

}  // namespace gpu::detail
