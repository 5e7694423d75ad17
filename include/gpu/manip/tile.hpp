#pragma once
// NumPy's tile and repeat. Both write a broadcast view of the input into a view of the new
// output, so a repetition costs no copy of its own: repeat of (n,) by r views the output as
// (n, r) and the input as (n, r) with stride 0 on the second axis. tile and a scalar repeat are
// one assign (one kernel); repeat with per-element counts is one assign per run of equal counts.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/axis.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/manip/split.hpp"

namespace gpu {
namespace detail {

// A copy of input elements into output elements, described axis by axis (extent, output stride,
// input stride; input stride 0 where the input repeats). Axes are added outermost first; size-1
// axes are dropped and an axis that continues the one before it in both operands is merged into
// it, so the views mostly fit max_ndim even where tile doubles the rank.
class repeat_plan {
public:
    void add(std::int64_t extent, std::int64_t out_stride, std::int64_t in_stride) {
        if (extent == 1) return;
        if (n_ > 0 && out_stride_[n_ - 1] == out_stride * extent && in_stride_[n_ - 1] == in_stride * extent) {
            extent_[n_ - 1] *= extent;
            out_stride_[n_ - 1] = out_stride;
            in_stride_[n_ - 1] = in_stride;
            return;
        }
        extent_[n_] = extent;
        out_stride_[n_] = out_stride;
        in_stride_[n_] = in_stride;
        ++n_;
    }

    // out's elements from out_offset on receive in's from in_offset on: one assign when the
    // axes fit max_ndim, else one per index of the outermost axes that do not (only when nearly
    // every axis of an input of rank > 8 repeats).
    template <class V>
    void run(const ndarray<V>& out, std::int64_t out_offset, const ndarray<V>& in, std::int64_t in_offset,
             int first = 0) const {
        if (n_ - first > max_ndim) {
            for (std::int64_t i = 0; i < extent_[first]; ++i)
                run(out, out_offset + i * out_stride_[first], in, in_offset + i * in_stride_[first], first + 1);
            return;
        }
        const shape_t shape(extent_ + first, extent_ + n_);
        manip_view(out, shape, strides_t(out_stride_ + first, out_stride_ + n_), out_offset)
            .assign(manip_view(in, shape, strides_t(in_stride_ + first, in_stride_ + n_), in_offset));
    }

private:
    static constexpr int capacity = 2 * max_ndim + 1;
    std::int64_t extent_[capacity] = {}, out_stride_[capacity] = {}, in_stride_[capacity] = {};
    int n_ = 0;
};

inline void check_repeats(std::int64_t r) {
    if (r < 0) throw value_error("repeats may not contain negative values.");
}

// repeat with one count per element along axis `ax` of `a`; counts.size() == a.shape()[ax].
template <class V>
ndarray<V> repeat_each(const ndarray<V>& a, std::span<const std::int64_t> counts, int ax) {
    std::int64_t total = 0;
    for (std::int64_t c : counts) total += c;
    shape_t shape = a.shape();
    shape[ax] = total;
    ndarray<V> out(shape, a.where());
    if (out.size() == 0) return out;
    const strides_t os = out.strides();
    const std::int64_t n = a.shape()[ax];
    std::int64_t at = 0;  // output position along ax
    for (std::int64_t i = 0; i < n;) {
        // A run [i, j) of elements repeated c times each is one assign.
        const std::int64_t c = counts[static_cast<std::size_t>(i)];
        std::int64_t j = i + 1;
        while (j < n && counts[static_cast<std::size_t>(j)] == c) ++j;
        if (c > 0) {
            repeat_plan p;
            for (int d = 0; d < a.ndim(); ++d) {
                if (d != ax) p.add(a.shape()[d], os[d], a.strides()[d]);
                else p.add(j - i, os[d] * c, a.strides()[d]), p.add(c, os[d], 0);
            }
            p.run(out, at * os[ax], a, a.offset() + i * a.strides()[ax]);
        }
        at += (j - i) * c;
        i = j;
    }
    return out;
}

}  // namespace detail

// np.tile(a, reps): a repeated reps[d] times along each axis d. The shorter of a.shape and reps
// is padded with leading 1s, so the result has max(a.ndim(), reps.size()) dimensions.
template <class V>
ndarray<V> tile(const ndarray<V>& a, const dims& reps) {
    for (std::int64_t r : reps) detail::check_repeats(r);
    const int nd = std::max(a.ndim(), reps.size());
    const int pad_a = nd - a.ndim(), pad_r = nd - reps.size();
    shape_t shape;
    for (int d = 0; d < nd; ++d)
        shape.push_back((d < pad_a ? 1 : a.shape()[d - pad_a]) * (d < pad_r ? 1 : reps[d - pad_r]));
    ndarray<V> out(shape, a.where());
    if (out.size() == 0) return out;
    // Output axis d of extent r * e is viewed as two axes (r, e); the input repeats on the first.
    const strides_t os = out.strides();
    detail::repeat_plan p;
    for (int d = 0; d < nd; ++d) {
        const std::int64_t e = d < pad_a ? 1 : a.shape()[d - pad_a];
        const std::int64_t r = d < pad_r ? 1 : reps[d - pad_r];
        p.add(r, os[d] * e, 0);
        p.add(e, os[d], d < pad_a ? 0 : a.strides()[d - pad_a]);
    }
    p.run(out, 0, a, a.offset());
    return out;
}
template <class V>
ndarray<V> tile(const ndarray<V>& a, std::int64_t reps) {
    return tile(a, dims{reps});
}

// np.repeat(a, repeats, axis=None): every element repeated `repeats` times along `axis`; with
// axis = std::nullopt (NumPy's None) over the raveled array, giving a 1-D result.
template <class V>
ndarray<V> repeat(const ndarray<V>& a, std::int64_t repeats, std::optional<std::int64_t> axis = std::nullopt) {
    const int ax = axis ? detail::normalize_axis(*axis, a.ndim()) : -1;
    detail::check_repeats(repeats);
    detail::repeat_plan p;
    if (!axis) {
        // The 1-D result viewed as a.shape + (repeats,): no raveled copy of a is needed.
        ndarray<V> out(shape_t{a.size() * repeats}, a.where());
        if (out.size() == 0) return out;
        const strides_t cs = c_strides(a.shape());
        for (int d = 0; d < a.ndim(); ++d) p.add(a.shape()[d], cs[d] * repeats, a.strides()[d]);
        p.add(repeats, 1, 0);
        p.run(out, 0, a, a.offset());
        return out;
    }
    shape_t shape = a.shape();
    shape[ax] *= repeats;
    ndarray<V> out(shape, a.where());
    if (out.size() == 0) return out;
    const strides_t os = out.strides();
    for (int d = 0; d < a.ndim(); ++d) {
        if (d != ax) p.add(a.shape()[d], os[d], a.strides()[d]);
        else p.add(a.shape()[d], os[d] * repeats, a.strides()[d]), p.add(repeats, os[d], 0);
    }
    p.run(out, 0, a, a.offset());
    return out;
}

// np.repeat(a, [r0, r1, ...], axis=None): element i along axis repeated r_i times (a single
// count applies to every element, as NumPy broadcasts it).
template <class V>
ndarray<V> repeat(const ndarray<V>& a, std::span<const std::int64_t> repeats,
                  std::optional<std::int64_t> axis = std::nullopt) {
    const int ax = axis ? detail::normalize_axis(*axis, a.ndim()) : 0;
    if (repeats.size() == 1) return repeat(a, repeats[0], axis);
    const std::int64_t n = axis ? a.shape()[ax] : a.size();
    if (static_cast<std::int64_t>(repeats.size()) != n)
        throw shape_error("operands could not be broadcast together with shape (" + std::to_string(n) + ",) (" +
                          std::to_string(repeats.size()) + ",)");
    for (std::int64_t r : repeats) detail::check_repeats(r);
    return detail::repeat_each(axis ? a : detail::raveled_view(a), repeats, ax);
}
template <class V>
ndarray<V> repeat(const ndarray<V>& a, std::initializer_list<std::int64_t> repeats,
                  std::optional<std::int64_t> axis = std::nullopt) {
    return repeat(a, std::span<const std::int64_t>(repeats.begin(), repeats.size()), axis);
}

}  // namespace gpu
