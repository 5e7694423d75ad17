#pragma once
// The one axis collapse and the one index-width decision, shared by element-wise kernels,
// reductions and scans (and by the host executor's loops, which walk the same collapsed axes).
// A walk over K operands of one shape is reordered so its innermost axis is the one the caller
// weighs lightest, size-1 axes are dropped and neighbours merged wherever every operand steps
// over the inner axis exactly (same offsets, fewer divisions).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <utility>

#include "gpu/core/shape.hpp"

namespace gpu::detail {

// Strides of an operand of shape `s` and strides `st`, broadcast to `out` (0 on stretched axes).
inline strides_t broadcast_strides(const shape_t& out, const shape_t& s, const strides_t& st) {
    strides_t r = dims::filled(out.size(), 0);
    const int shift = out.size() - s.size();
    for (int i = 0; i < s.size(); ++i) r[shift + i] = (s[i] == 1) ? 0 : st[i];
    return r;
}

// Stable insertion sort of the axes by descending weight(i): the lightest axis becomes innermost.
template <std::size_t K, class Weight>
void order_axes(shape_t& shape, std::array<strides_t, K>& st, Weight&& weight) {
    for (int i = 1; i < shape.size(); ++i)
        for (int j = i; j > 0 && weight(j - 1) < weight(j); --j) {
            std::swap(shape[j - 1], shape[j]);
            for (auto& s : st) std::swap(s[j - 1], s[j]);
        }
}

// Drops size-1 axes and merges axis i into the one before where every operand allows (never
// across an empty axis). At least one axis remains: a single element is shape (1,), strides 1.
template <std::size_t K>
void collapse_axes(shape_t& shape, std::array<strides_t, K>& st) {
    const shape_t full = shape;
    const std::array<strides_t, K> full_st = st;
    shape = shape_t{};
    for (auto& s : st) s = strides_t{};
    for (int i = 0; i < full.size(); ++i) {
        if (full[i] == 1) continue;
        const int last = shape.size() - 1;
        bool merge = last >= 0 && full[i] != 0 && shape[last] != 0;
        for (std::size_t k = 0; merge && k < K; ++k) merge = st[k][last] == full_st[k][i] * full[i];
        if (merge) {
            shape[last] *= full[i];
            for (std::size_t k = 0; k < K; ++k) st[k][last] = full_st[k][i];
        } else {
            shape.push_back(full[i]);
            for (std::size_t k = 0; k < K; ++k) st[k].push_back(full_st[k][i]);
        }
    }
    if (shape.size() == 0) {
        shape.push_back(1);
        for (auto& s : st) s.push_back(1);
    }
}

// How far an operand's offsets reach from its first element, in elements.
inline std::int64_t reach(const shape_t& shape, const strides_t& st) {
    std::int64_t r = 0;
    for (int d = 0; d < shape.size(); ++d) r += std::llabs(st[d]) * (shape[d] - 1);
    return r;
}

// 32-bit index arithmetic is safe when every count and reach fits, with headroom for the
// kernels' unrolled block-tile steps.
inline bool needs_64bit_index(std::initializer_list<std::int64_t> counts) {
    constexpr std::int64_t limit = std::numeric_limits<std::int32_t>::max() - (std::int64_t{1} << 22);
    for (std::int64_t c : counts)
        if (c > limit) return true;
    return false;
}

}  // namespace gpu::detail
