#pragma once
// NumPy's meshgrid (copy=True, sparse=False): coordinate arrays from coordinate vectors.
//
//   gpu::meshgrid({x, y, ...}, indexing = gpu::meshgrid_indexing::xy)
//   gpu::meshgrid({x, y, ...}, "ij")           indexing as NumPy's string ("xy" or "ij")
//   gpu::meshgrid(x, y, ...)                   "xy"
//   gpu::meshgrid(std::vector<ndarray<T>>, indexing or string)
//
// For N inputs of sizes s0, s1, ..., each output has shape (s0, s1, ...) with "ij" and
// (s1, s0, s2, ...) with "xy" (the Cartesian convention), and output k holds input k along its
// axis. Inputs of any rank are flattened first, as NumPy's reshape(-1) does. The outputs are new
// arrays (NumPy copies by default), each written by one kernel, on its input's executor. All
// inputs share one dtype here, so the result is a std::vector; no inputs give an empty vector.
// An indexing string other than "xy" or "ij" throws gpu::value_error with NumPy's message.
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/views/reshape.hpp"

namespace gpu {

// NumPy's indexing= argument of meshgrid.
enum class meshgrid_indexing { xy, ij };

namespace detail {

inline meshgrid_indexing parse_meshgrid_indexing(std::string_view s) {
    if (s == "xy") return meshgrid_indexing::xy;
    if (s == "ij") return meshgrid_indexing::ij;
    throw value_error("Valid values for `indexing` are 'xy' and 'ij'.");
}

template <class T>
std::vector<ndarray<T>> meshgrid_impl(const ndarray<T>* xs, std::size_t count, meshgrid_indexing indexing) {
    const int nd = static_cast<int>(count);
    std::vector<ndarray<T>> flat;
    flat.reserve(count);
    for (std::size_t i = 0; i < count; ++i) flat.push_back(xs[i].ndim() == 1 ? xs[i] : xs[i].ravel());
    // The axis along which input k varies: its own, except that "xy" swaps the first two.
    auto axis_of = [&](int k) { return indexing == meshgrid_indexing::xy && nd > 1 && k < 2 ? 1 - k : k; };
    shape_t out_shape = dims::filled(nd, 1);
    for (int k = 0; k < nd; ++k) out_shape[axis_of(k)] = flat[k].shape()[0];
    std::vector<ndarray<T>> out;
    out.reserve(count);
    for (int k = 0; k < nd; ++k) {
        // Input k as a broadcast view of out_shape's rank: its extent and stride on its axis.
        shape_t vs = dims::filled(nd, 1);
        strides_t vst = dims::filled(nd, 0);
        vs[axis_of(k)] = flat[k].shape()[0];
        vst[axis_of(k)] = flat[k].strides()[0];
        const ndarray<T> v(flat[k].buffer(), vs, vst, flat[k].offset());
        ndarray<T> r(out_shape, flat[k].where());
        r.assign(v);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace detail

template <class T>
std::vector<ndarray<T>> meshgrid(const std::vector<ndarray<T>>& xs,
                                 meshgrid_indexing indexing = meshgrid_indexing::xy) {
    return detail::meshgrid_impl(xs.data(), xs.size(), indexing);
}

template <class T>
std::vector<ndarray<T>> meshgrid(const std::vector<ndarray<T>>& xs, std::string_view indexing) {
    return meshgrid(xs, detail::parse_meshgrid_indexing(indexing));
}

template <class T>
std::vector<ndarray<T>> meshgrid(std::initializer_list<ndarray<T>> xs,
                                 meshgrid_indexing indexing = meshgrid_indexing::xy) {
    return detail::meshgrid_impl(xs.begin(), xs.size(), indexing);
}

template <class T>
std::vector<ndarray<T>> meshgrid(std::initializer_list<ndarray<T>> xs, std::string_view indexing) {
    return meshgrid(xs, detail::parse_meshgrid_indexing(indexing));
}

template <class T, class... Rest>
    requires(std::is_same_v<Rest, ndarray<T>> && ...)
std::vector<ndarray<T>> meshgrid(const ndarray<T>& x, const Rest&... rest) {
    return meshgrid({x, rest...}, meshgrid_indexing::xy);
}

}  // namespace gpu
