#pragma once
// NumPy's meshgrid (copy=True, sparse=False): coordinate arrays from coordinate vectors.
//
//   gpu::meshgrid({x, y, ...}, indexing = gpu::meshgrid_indexing::xy)
//   gpu::meshgrid({x, y, ...}, "ij")           indexing as NumPy's string ("xy" or "ij")
//   gpu::meshgrid(x, y, ...)                   "xy"; a std::array (or std::tuple for mixed
//                                              dtypes): auto [X, Y] = gpu::meshgrid(x, y);
//   gpu::meshgrid(gpu::meshgrid_indexing::ij, x, y, ...)
//   gpu::meshgrid(std::vector<ndarray<T>>, indexing or string)
//
// For N inputs of sizes s0, s1, ..., each output has shape (s0, s1, ...) with "ij" and
// (s1, s0, s2, ...) with "xy" (the Cartesian convention), and output k holds input k along its
// axis. Inputs of any rank are flattened first, as NumPy's reshape(-1) does. The outputs are new
// arrays (NumPy copies by default), each written by one kernel, on its input's executor. All
// list and vector forms take one dtype and give a std::vector (no inputs: an empty vector).
// An indexing string other than "xy" or "ij" throws gpu::value_error with NumPy's message.
#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
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

// The axis along which input k of nd varies: its own, except that "xy" swaps the first two.
inline int meshgrid_axis(int k, int nd, meshgrid_indexing indexing) {
    return indexing == meshgrid_indexing::xy && nd > 1 && k < 2 ? 1 - k : k;
}

// Output k: the flattened input k as a broadcast view of out_shape's rank (its extent and
// stride on its axis), copied into a new array.
template <class T>
ndarray<T> meshgrid_output(const ndarray<T>& x, int k, const shape_t& out_shape, meshgrid_indexing indexing) {
    const int nd = out_shape.size();
    const ndarray<T> flat = x.ndim() == 1 ? x : x.ravel();
    shape_t vs = dims::filled(nd, 1);
    strides_t vst = dims::filled(nd, 0);
    vs[meshgrid_axis(k, nd, indexing)] = flat.shape()[0];
    vst[meshgrid_axis(k, nd, indexing)] = flat.strides()[0];
    const ndarray<T> v(flat.buffer(), vs, vst, flat.offset());
    ndarray<T> r(out_shape, flat.where());
    r.assign(v);
    return r;
}

// The outputs' shape for inputs of these sizes.
inline shape_t meshgrid_shape(const std::vector<std::int64_t>& sizes, meshgrid_indexing indexing) {
    const int nd = static_cast<int>(sizes.size());
    shape_t out_shape = dims::filled(nd, 1);
    for (int k = 0; k < nd; ++k) out_shape[meshgrid_axis(k, nd, indexing)] = sizes[k];
    return out_shape;
}

template <class T>
std::vector<ndarray<T>> meshgrid_impl(const ndarray<T>* xs, std::size_t count, meshgrid_indexing indexing) {
    std::vector<std::int64_t> sizes;
    for (std::size_t i = 0; i < count; ++i) sizes.push_back(xs[i].size());
    const shape_t out_shape = meshgrid_shape(sizes, indexing);
    std::vector<ndarray<T>> out;
    out.reserve(count);
    for (std::size_t k = 0; k < count; ++k) out.push_back(meshgrid_output(xs[k], static_cast<int>(k), out_shape, indexing));
    return out;
}

// The arrays' outputs as a std::array (one dtype) or a std::tuple (several), for structured
// bindings: auto [X, Y] = gpu::meshgrid(x, y).
template <class... Ts>
auto meshgrid_pack(meshgrid_indexing indexing, const ndarray<Ts>&... xs) {
    const shape_t out_shape = meshgrid_shape({xs.size()...}, indexing);
    int k = 0;
    auto one = [&](const auto& x) { return meshgrid_output(x, k++, out_shape, indexing); };
    using T0 = std::tuple_element_t<0, std::tuple<Ts...>>;
    if constexpr ((std::is_same_v<T0, Ts> && ...)) return std::array<ndarray<T0>, sizeof...(Ts)>{one(xs)...};
    else return std::tuple<ndarray<Ts>...>{one(xs)...};
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

// gpu::meshgrid(x, y, ...): "xy"; a std::array of the outputs when the inputs share a dtype, else
// a std::tuple (each output keeps its input's dtype, as in NumPy): auto [X, Y] = gpu::meshgrid(x, y).
template <class T, class... Rest>
    requires(is_ndarray_v<Rest> && ...)
auto meshgrid(const ndarray<T>& x, const Rest&... rest) {
    return detail::meshgrid_pack(meshgrid_indexing::xy, x, rest...);
}

// gpu::meshgrid(gpu::meshgrid_indexing::ij, x, y, ...): NumPy's indexing='ij' (or 'xy').
template <class T, class... Rest>
    requires(is_ndarray_v<Rest> && ...)
auto meshgrid(meshgrid_indexing indexing, const ndarray<T>& x, const Rest&... rest) {
    return detail::meshgrid_pack(indexing, x, rest...);
}

}  // namespace gpu
