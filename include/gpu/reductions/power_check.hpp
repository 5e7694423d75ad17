#pragma once
// gpu::power's check of a signed integer exponent array, the hook expr/operators.hpp calls (a
// reduction, so it lives here): NumPy raises "Integers to negative integer powers are not
// allowed." when any exponent of an integer power is negative; the kernel alone would give 0.
#include "gpu/core/error.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu::detail {

template <class E>
void check_integer_exponents(power_exponents, const E& e) {
    // A capture cannot read the answer back: there the kernel's 0 stands (README).
    if (capturing_now()) return;
    if (gpu::any(as_node(e) < 0).item()) throw value_error("Integers to negative integer powers are not allowed.");
}

}  // namespace gpu::detail
