#pragma once
// gpu::topk(a, k, axis = -1, largest = true) -> {values, indices}: the k largest (or smallest)
// elements along `axis`, in order (largest first when largest), and their int64 positions along
// the axis; the other axes keep their sizes. Beyond NumPy (as torch.topk). NaNs count as the
// largest values (they sort last). Equal values: smallest k keeps their order; largest k gives
// the later position first. Today a stable sort and argsort of the whole axis.
#include <cstdint>

#include "gpu/core/error.hpp"
#include "gpu/sorting/sort.hpp"
#include "gpu/views/flip.hpp"
#include "gpu/views/index.hpp"

namespace gpu {

template <class T>
struct topk_result {
    ndarray<T> values;
    ndarray<std::int64_t> indices;
};

template <expression E>
auto topk(const E& e, std::int64_t k, std::int64_t axis = -1, bool largest = true) {
    const auto a = detail::sort_input(e);
    using T = typename decltype(a)::value_type;
    const int ax = detail::normalize_axis(axis, a.ndim());
    const std::int64_t n = a.shape()[ax];
    if (k < 0 || k > n) throw value_error("selected index k out of range");
    const int last = a.ndim() - 1;
    const ndarray<T> moved = ax == last ? a : a.swapaxes(ax, last);
    const ndarray<T> s = gpu::sort(moved, -1);
    const ndarray<std::int64_t> i = gpu::argsort(moved, -1);
    const gpu::slice part = largest ? gpu::slice(n - k, n) : gpu::slice(0, k);
    ndarray<T> v = s(gpu::ellipsis, part);
    ndarray<std::int64_t> p = i(gpu::ellipsis, part);
    if (largest) v = gpu::flip(v, last), p = gpu::flip(p, last);
    topk_result<T> r;
    r.values = (ax == last ? v : v.swapaxes(ax, last)).copy();
    r.indices = (ax == last ? p : p.swapaxes(ax, last)).copy();
    return r;
}

}  // namespace gpu
