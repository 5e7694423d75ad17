#pragma once
// np.rot90(m, k=1, axes=(0, 1)): a view rotated by 90 degrees k times in the plane of two axes,
// from the first towards the second (a flip and a swap of axes, no copy).
#include <cstdint>
#include <string>

#include "gpu/core/axis.hpp"
#include "gpu/views/flip.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {

template <expression E>
auto rot90(const E& m, std::int64_t k = 1, const dims& axes = {0, 1}) {
    auto a = detail::array_of(m);
    if (axes.size() != 2) throw value_error("len(axes) must be 2.");
    const int n = a.ndim();
    if (axes[0] >= n || axes[0] < -n || axes[1] >= n || axes[1] < -n)
        throw value_error("Axes=(" + std::to_string(axes[0]) + ", " + std::to_string(axes[1]) +
                          ") out of range for array of ndim=" + std::to_string(n) + ".");
    const int a0 = static_cast<int>(axes[0] < 0 ? axes[0] + n : axes[0]);
    const int a1 = static_cast<int>(axes[1] < 0 ? axes[1] + n : axes[1]);
    if (a0 == a1) throw value_error("Axes must be different.");
    k = ((k % 4) + 4) % 4;
    if (k == 0) return a;
    if (k == 2) return gpu::flip(gpu::flip(a, a0), a1);
    if (k == 1) return gpu::flip(a, a1).swapaxes(a0, a1);
    return gpu::flip(a.swapaxes(a0, a1), a1);  // k == 3
}

}  // namespace gpu
