#pragma once
// The run-time shape of one evaluation: every operand's strides broadcast to the output shape,
// then adjacent axes merged wherever all operands allow it, so most work runs as a flat loop.
// Both executors start from this; its signature picks the kernel variant on the GPU.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <utility>

#include "gpu/core/shape.hpp"

namespace gpu::detail {

// Operand 0 is the output; operands 1..N are the expression's arrays, in visit order.
template <int N>
struct layout {
    static constexpr int n_operands = N + 1;
    shape_t shape;                                 // collapsed extents, rank >= 1
    std::array<strides_t, N + 1> strides;          // collapsed strides, in elements
    std::array<const void*, N + 1> ptrs{};         // first element of each operand
    std::array<int, N + 1> itemsizes{};
    std::int64_t size = 0;

    int rank() const { return shape.size(); }

    // Every operand walks memory in order with unit stride: one flat loop.
    bool contiguous() const {
        if (rank() != 1) return false;
        for (int k = 0; k < n_operands; ++k)
            if (strides[k][0] != 1 && shape[0] != 1) return false;
        return true;
    }

    // 32-bit index arithmetic is safe when the element count and every operand's reach fit,
    // with headroom for the block-tile arithmetic in the kernels.
    bool needs_64bit_index() const {
        constexpr std::int64_t limit = std::numeric_limits<std::int32_t>::max() - (std::int64_t{1} << 22);
        if (size > limit) return true;
        for (int k = 0; k < n_operands; ++k) {
            std::int64_t reach = 0;
            for (int d = 0; d < rank(); ++d) reach += std::llabs(strides[k][d]) * (shape[d] - 1);
            if (reach > limit) return true;
        }
        return false;
    }
};

// Strides of an operand of shape `s` and strides `st`, broadcast to `out` (0 on stretched axes).
inline strides_t broadcast_strides(const shape_t& out, const shape_t& s, const strides_t& st) {
    strides_t r = dims::filled(out.size(), 0);
    const int shift = out.size() - s.size();
    for (int i = 0; i < s.size(); ++i) r[shift + i] = (s[i] == 1) ? 0 : st[i];
    return r;
}

// Drops size-1 axes and merges axis i into i+1 where every operand's strides are compatible.
template <int N>
void collapse(layout<N>& l) {
    const shape_t full = l.shape;
    const auto full_strides = l.strides;
    l.shape = shape_t{};
    for (auto& s : l.strides) s = strides_t{};
    for (int i = 0; i < full.size(); ++i) {
        if (full[i] == 1) continue;
        bool merge = l.shape.size() > 0;
        for (int k = 0; merge && k < l.n_operands; ++k)
            merge = l.strides[k][l.shape.size() - 1] == full_strides[k][i] * full[i];
        if (merge) {
            const int last = l.shape.size() - 1;
            l.shape[last] *= full[i];
            for (int k = 0; k < l.n_operands; ++k) l.strides[k][last] = full_strides[k][i];
        } else {
            l.shape.push_back(full[i]);
            for (int k = 0; k < l.n_operands; ++k) l.strides[k].push_back(full_strides[k][i]);
        }
    }
    if (l.shape.empty()) {  // a single element
        l.shape.push_back(1);
        for (auto& s : l.strides) s.push_back(1);
    }
}

// Reorders the axes so the output's strides descend: the innermost loop (and a warp's
// neighbouring threads) then walk the output in memory order, whatever view it is, and
// operands laid out like it merge into fewer axes. Element-wise work may visit in any order.
template <int N>
void order_axes_by_output(layout<N>& l) {
    const int r = l.rank();
    for (int i = 1; i < r; ++i)
        for (int j = i; j > 0 && std::llabs(l.strides[0][j - 1]) < std::llabs(l.strides[0][j]); --j) {
            std::swap(l.shape[j - 1], l.shape[j]);
            for (auto& st : l.strides) std::swap(st[j - 1], st[j]);
        }
}

// Builds the collapsed layout for writing expression `e` into array `out`.
template <class Out, class E>
auto make_layout(const Out& out, const E& e) {
    layout<E::n_arrays> l;
    l.shape = out.shape();
    l.size = out.size();
    l.strides[0] = out.strides();
    l.ptrs[0] = out.data();
    l.itemsizes[0] = sizeof(typename Out::value_type);
    int k = 1;
    e.visit_arrays([&](const auto& a) {
        l.strides[k] = broadcast_strides(out.shape(), a.shape(), a.strides());
        l.ptrs[k] = a.data();
        l.itemsizes[k] = sizeof(typename std::remove_cvref_t<decltype(a)>::value_type);
        ++k;
    });
    order_axes_by_output(l);
    collapse(l);
    return l;
}

}  // namespace gpu::detail
