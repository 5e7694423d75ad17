#pragma once
// How a reduction walks its input: the expression's broadcast shape split into kept axes (one
// output element per combination) and reduced axes, each list reordered so its innermost axis
// is the one the arrays walk with the smallest strides, and adjacent axes merged wherever every
// operand allows. Both executors start from this; its shape picks the GPU kernel.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <type_traits>

#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/kernel/geometry.hpp"

namespace gpu::detail {

// The axes a reduction runs over: all of them (axis=None), one, or several.
struct axes_arg {
    enum kind_t { all, one, several } kind = all;
    std::int64_t axis = 0;
    dims axes;

    axes_arg() = default;
    axes_arg(none_t) {}  // NOLINT(google-explicit-constructor)
    axes_arg(std::int64_t a) : kind(one), axis(a) {}  // NOLINT(google-explicit-constructor)
    axes_arg(const dims& d) : kind(several), axes(d) {}  // NOLINT(google-explicit-constructor)

    // reduced[i] for each axis of a rank-`ndim` shape; NumPy's AxisError / "repeated axis".
    std::array<bool, max_ndim> mask(int ndim) const {
        std::array<bool, max_ndim> r{};
        if (kind == all) {
            for (int i = 0; i < ndim; ++i) r[i] = true;
        } else if (kind == one) {
            r[normalize_axis(axis, ndim)] = true;
        } else {
            for (std::int64_t a : normalize_axes(axes, ndim)) r[a] = true;
        }
        return r;
    }
};

// One list of axes (kept or reduced) with every operand's strides. Operand 0 is the output for
// the kept list and the logical flat index (row-major over the reduced axes, for argmax) for the
// reduced list; operands 1..N are the expression's arrays.
template <int N>
struct axis_list {
    shape_t shape;
    std::array<strides_t, N + 1> strides;

    int rank() const { return shape.size(); }
    std::int64_t size() const { return size_of(shape); }

    void push(std::int64_t extent, const std::array<std::int64_t, N + 1>& st) {
        shape.push_back(extent);
        for (int k = 0; k <= N; ++k) strides[k].push_back(st[k]);
    }

    // Bytes the arrays step per unit of axis i: the ordering key (outermost = largest).
    std::int64_t weight(int i, const std::array<int, N + 1>& itemsizes) const {
        std::int64_t w = 0;
        for (int k = 1; k <= N; ++k) w += std::llabs(strides[k][i]) * itemsizes[k];
        return w;
    }

    // Orders the axes so the innermost is the one the arrays step over least, then drops size-1
    // axes and merges neighbours (kernel/geometry.hpp). An empty list becomes one axis of extent 1.
    void order_and_collapse(const std::array<int, N + 1>& itemsizes) {
        order_axes(shape, strides, [&](int i) { return weight(i, itemsizes); });
        collapse_axes(shape, strides);
    }
};

template <int N>
struct reduce_plan {
    shape_t out_shape;  // the result's shape (keepdims applied)
    axis_list<N> kept, reduced;
    std::array<const void*, N + 1> ptrs{};  // ptrs[0] is the output
    std::array<int, N + 1> itemsizes{};
    std::int64_t rows = 1;  // output elements
    std::int64_t m = 1;     // elements reduced into each

    // Whether some count or some operand's reach over both lists needs 64-bit indices.
    bool needs_64bit_index() const {
        if (detail::needs_64bit_index({rows, m, rows * m})) return true;
        for (int k = 0; k <= N; ++k)
            if (detail::needs_64bit_index({reach(kept.shape, kept.strides[k]) + reach(reduced.shape, reduced.strides[k])}))
                return true;
        return false;
    }
};

// The result shape of reducing `shape` over `reduced` (NumPy's keepdims keeps them as 1s).
inline shape_t reduced_shape(const shape_t& shape, const std::array<bool, max_ndim>& reduced, bool keepdims) {
    shape_t out;
    for (int i = 0; i < shape.size(); ++i) {
        if (!reduced[i]) out.push_back(shape[i]);
        else if (keepdims) out.push_back(1);
    }
    return out;
}

// The plan for reducing node `e` over `reduced` into `out` (a new contiguous array of
// reduced_shape(e.shape(), reduced, keepdims)).
template <class Out, class E>
reduce_plan<E::n_arrays> make_reduce_plan(const Out& out, const E& e, const std::array<bool, max_ndim>& reduced,
                                          bool keepdims) {
    constexpr int N = E::n_arrays;
    reduce_plan<N> p;
    const shape_t& shape = e.shape();
    const int r = shape.size();
    p.out_shape = out.shape();
    p.ptrs[0] = out.data();
    p.itemsizes[0] = sizeof(typename Out::value_type);

    std::array<strides_t, N + 1> st;  // operand strides over the full shape
    int k = 1;
    e.visit_arrays([&](const auto& a) {
        st[k] = broadcast_strides(shape, a.shape(), a.strides());
        p.ptrs[k] = a.data();
        p.itemsizes[k] = sizeof(typename std::remove_cvref_t<decltype(a)>::value_type);
        ++k;
    });
    // The output's stride per kept axis, and the logical index's per reduced axis.
    st[0] = dims::filled(r, 0);
    {
        int o = 0;
        for (int i = 0; i < r; ++i) {
            if (!reduced[i]) st[0][i] = out.strides()[o++];
            else if (keepdims) ++o;
        }
        std::int64_t li = 1;
        for (int i = r - 1; i >= 0; --i)
            if (reduced[i]) st[0][i] = li, li *= shape[i];
    }
    for (int i = 0; i < r; ++i) {
        std::array<std::int64_t, N + 1> s;
        for (int j = 0; j <= N; ++j) s[j] = st[j][i];
        (reduced[i] ? p.reduced : p.kept).push(shape[i], s);
        (reduced[i] ? p.m : p.rows) *= shape[i];
    }
    p.kept.order_and_collapse(p.itemsizes);
    p.reduced.order_and_collapse(p.itemsizes);
    return p;
}

}  // namespace gpu::detail
