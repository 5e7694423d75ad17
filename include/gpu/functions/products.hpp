#pragma once
// np.cross(a, b, axis=-1) (NumPy's axis= sets axisa, axisb and axisc together) and np.trace
// (ndarray::trace, manip/methods.hpp). Vectors of 3 components along the axis, as NumPy 2.5: the
// 2-component vectors NumPy 2.0 deprecated are an error ("Both input arrays must be (arrays of)
// 3-dimensional vectors, ..."). The result has the promoted dtype; the components are three fused
// element-wise kernels over views. (np.outer lives with the products of linalg.)
#include <cstdint>
#include <string>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/manip/methods.hpp"
#include "gpu/views/index.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {

template <class T, class U>
auto cross(const ndarray<T>& a0, const ndarray<U>& b0, std::int64_t axis = -1) {
    static_assert(!std::is_same_v<T, bool> && !std::is_same_v<U, bool>,
                  "gpu::cross: numpy boolean subtract, the `-` operator, is not supported");
    using R = type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>;
    detail::check_same_executor("cross", a0.where(), b0.where());
    if (a0.ndim() == 0 || b0.ndim() == 0) throw value_error("At least one array has zero dimension");
    auto axis_of = [axis](const char* name, int ndim) {
        try {
            return detail::normalize_axis(axis, ndim);
        } catch (const axis_error& e) {
            throw axis_error(std::string(name) + ": " + e.what());
        }
    };
    const ndarray<T> a = gpu::moveaxis(a0, axis_of("axisa", a0.ndim()), -1);
    const ndarray<U> b = gpu::moveaxis(b0, axis_of("axisb", b0.ndim()), -1);
    const std::int64_t na = a.shape()[a.ndim() - 1], nb = b.shape()[b.ndim() - 1];
    if (na != 3 || nb != 3)
        throw value_error("Both input arrays must be (arrays of) 3-dimensional vectors, but they are " +
                          std::to_string(na) + " and " + std::to_string(nb) + " dimensional instead.");
    const ndarray<T> ax = a(gpu::ellipsis, 0), ay = a(gpu::ellipsis, 1), az = a(gpu::ellipsis, 2);
    const ndarray<U> bx = b(gpu::ellipsis, 0), by = b(gpu::ellipsis, 1), bz = b(gpu::ellipsis, 2);
    const shape_t s = broadcast_shapes(ax.shape(), bx.shape());
    shape_t os = s;
    os.push_back(3);
    ndarray<R> out(os, a.where());
    if (out.size() > 0) {
        out(gpu::ellipsis, 0).assign(ay * bz - az * by);
        out(gpu::ellipsis, 1).assign(az * bx - ax * bz);
        out(gpu::ellipsis, 2).assign(ax * by - ay * bx);
    }
    const int out_axis = axis_of("axisc", static_cast<int>(os.size()));
    return ndarray<R>(gpu::moveaxis(out, -1, out_axis));
}

}  // namespace gpu
