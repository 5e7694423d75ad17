#pragma once
// The run-time shape of one evaluation: every operand's strides broadcast to the output shape,
// then adjacent axes merged wherever all operands allow it (kernel/geometry.hpp), so most work
// runs as a flat loop. Both executors start from this; its signature picks the kernel variant.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <utility>

#include "gpu/core/shape.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/geometry.hpp"

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

    bool needs_64bit_index() const {
        bool wide = detail::needs_64bit_index({size});
        for (int k = 0; k < n_operands && !wide; ++k) wide = detail::needs_64bit_index({reach(shape, strides[k])});
        return wide;
    }
};

// What an evaluation writes: an array (its data() pointer is the kernel's sink), or an Out with
// sink() and visit(f): the two new arrays of a two-result ufunc (expr/multi_output.hpp), which
// share one layout (one shape, C-contiguous) and take the elements of a gnd::two functor.
template <class Out>
auto output_sink(Out& out) {
    if constexpr (requires { out.sink(); }) return out.sink();
    else return out.data();
}
template <class Out, class F>
void visit_outputs(Out& out, F&& f) {
    if constexpr (requires { out.visit(f); }) out.visit(f);
    else f(out);
}
// Element i of the output's layout receives value v.
template <class T, class V>
void store_output(T* p, std::int64_t i, const V& v) {
    p[i] = gnd::cast<T>(v);
}
template <class A, class B, class V>
void store_output(const gnd::two_out<A, B>& p, std::int64_t i, const V& v) {
    p.first[i] = v.first;
    p.second[i] = v.second;
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
    // The output's strides descend: the innermost loop (and a warp's neighbouring threads) walk
    // the output in memory order, whatever view it is. Element-wise work may visit in any order.
    order_axes(l.shape, l.strides, [&](int i) { return std::llabs(l.strides[0][i]); });
    collapse_axes(l.shape, l.strides);
    return l;
}

}  // namespace gpu::detail
