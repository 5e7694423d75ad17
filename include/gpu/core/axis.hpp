#pragma once
// Axis arguments as NumPy takes them: negative values count from the end, and an out-of-range
// axis is an AxisError with NumPy's message. Also Python's None, which is both axis=None (every
// axis, in reductions) and np.newaxis (in indexing).
#include <cstdint>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"

namespace gpu {

// Python's None: axis=None, an omitted slice bound, or (as an index) a new axis of length 1.
struct none_t {
    explicit constexpr none_t() = default;
};
inline constexpr none_t none{};
using newaxis_t = none_t;
inline constexpr newaxis_t newaxis{};

}  // namespace gpu

namespace gpu::detail {

// Maps axis in [-ndim, ndim) to [0, ndim).
inline int normalize_axis(std::int64_t axis, int ndim) {
    if (axis < -ndim || axis >= ndim)
        throw axis_error("axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                         std::to_string(ndim));
    return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

// Normalizes a list of axes; a repeated axis is NumPy's "repeated axis" ValueError.
inline dims normalize_axes(const dims& axes, int ndim) {
    dims r;
    for (std::int64_t a : axes) {
        const int n = normalize_axis(a, ndim);
        for (std::int64_t seen : r)
            if (seen == n) throw value_error("repeated axis");
        r.push_back(n);
    }
    return r;
}

}  // namespace gpu::detail
