#pragma once
// Basic indexing, NumPy's a[1, 0:10:2, None, ...] spelled a(1, gpu::slice(0, 10, 2), gpu::newaxis,
// gpu::ellipsis): the definition of ndarray::operator()(const Index&...). The result is always a
// view of the same buffer (where NumPy returns a scalar for a full integer index, this returns a
// 0-d view). Resolution is one left-to-right fold over the pack into fixed-capacity shape and
// strides: no heap allocation, and strings are built only on the error paths.
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/views/slice.hpp"

namespace gpu::detail {

enum class index_kind { integer, slice, newaxis, ellipsis, boolean, unsupported };

template <class I>
constexpr index_kind index_kind_of() {
    using T = std::remove_cvref_t<I>;
    if constexpr (std::same_as<T, bool>) return index_kind::boolean;
    else if constexpr (std::integral<T>) return index_kind::integer;
    else if constexpr (std::same_as<T, gpu::slice>) return index_kind::slice;
    else if constexpr (std::same_as<T, none_t>) return index_kind::newaxis;
    else if constexpr (std::same_as<T, ellipsis_t>) return index_kind::ellipsis;
    else return index_kind::unsupported;
}

// Integers and slices each take one axis of the array; newaxis and the ellipsis take none.
template <class... I>
inline constexpr int consumed_axes_v =
    (0 + ... + int(index_kind_of<I>() == index_kind::integer || index_kind_of<I>() == index_kind::slice));
template <class... I>
inline constexpr int ellipsis_count_v = (0 + ... + int(index_kind_of<I>() == index_kind::ellipsis));

[[noreturn]] inline void throw_too_many_indices(int ndim, int indexed) {
    throw index_error("too many indices for array: array is " + std::to_string(ndim) + "-dimensional, but " +
                      std::to_string(indexed) + " were indexed");
}
[[noreturn]] inline void throw_multiple_ellipsis() {
    throw index_error("an index can only have a single ellipsis ('...')");
}
[[noreturn]] inline void throw_zero_step() { throw value_error("slice step cannot be zero"); }
[[noreturn]] inline void throw_out_of_bounds(const std::string& index, int axis, std::int64_t size) {
    throw index_error("index " + index + " is out of bounds for axis " + std::to_string(axis) + " with size " +
                      std::to_string(size));
}

// An integer index into an axis of length n, negative counting from the end; NumPy's IndexError
// (naming the axis of the indexed array) when out of range. Compared in I's own type first so an
// unsigned index above int64's range is reported as written.
template <std::integral I>
std::int64_t normalize_index(I i, int axis, std::int64_t n) {
    if constexpr (std::is_unsigned_v<I>) {
        if (static_cast<std::uint64_t>(i) >= static_cast<std::uint64_t>(n)) throw_out_of_bounds(std::to_string(i), axis, n);
        return static_cast<std::int64_t>(i);
    } else {
        const auto v = static_cast<std::int64_t>(i);
        if (v < -n || v >= n) throw_out_of_bounds(std::to_string(v), axis, n);
        return v < 0 ? v + n : v;
    }
}

// Python's slice.indices(n) with the resulting length: start, step and how many elements.
struct slice_range {
    std::int64_t start, step, length;
};

inline slice_range slice_indices(const gpu::slice& s, std::int64_t n) {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::int64_t step = s.step().given() ? s.step().value() : 1;
    if (step == 0) throw_zero_step();
    if (step < -max) step = -max;  // so -step cannot overflow; any |step| >= n selects the same
    const std::int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? n - 1 : n;
    auto clip = [&](const gpu::slice::bound& b, std::int64_t omitted) {
        if (!b.given()) return omitted;
        std::int64_t v = b.value();
        if (v < 0) {
            v += n;
            if (v < lower) v = lower;
        } else if (v > upper) {
            v = upper;
        }
        return v;
    };
    const std::int64_t start = clip(s.start(), step < 0 ? upper : lower);
    const std::int64_t stop = clip(s.stop(), step < 0 ? lower : upper);
    std::int64_t length = 0;
    if (step < 0 && stop < start) length = (start - stop - 1) / -step + 1;
    else if (step > 0 && start < stop) length = (stop - start - 1) / step + 1;
    return {start, step, length};
}

// The view being built while the fold walks the indices.
struct index_state {
    const shape_t& shape;
    const strides_t& strides;
    int ellipsis_axes;  // how many axes `...` (written or implied at the end) stands for
    int axis = 0;       // the next axis of the indexed array
    shape_t out_shape{};
    strides_t out_strides{};
    std::int64_t offset = 0;

    void keep_axes(int count) {
        for (int k = 0; k < count; ++k, ++axis) {
            out_shape.push_back(shape[axis]);
            out_strides.push_back(strides[axis]);
        }
    }
};

template <class I>
void apply_index(index_state& st, const I& index) {
    constexpr index_kind kind = index_kind_of<I>();
    if constexpr (kind == index_kind::integer) {
        st.offset += normalize_index(index, st.axis, st.shape[st.axis]) * st.strides[st.axis];
        ++st.axis;
    } else if constexpr (kind == index_kind::slice) {
        const std::int64_t n = st.shape[st.axis], stride = st.strides[st.axis];
        const slice_range r = slice_indices(index, n);
        // An empty result keeps NumPy's start where that is an element, else the nearest one, so
        // the view's first-element pointer never leaves the buffer (NumPy's may: a[5:] of 3
        // elements points one past the end, a[-9:-8:-1] one before the start).
        std::int64_t start = r.start;
        if (r.length == 0) start = start < 0 ? 0 : (start >= n ? (n > 0 ? n - 1 : 0) : start);
        st.offset += start * stride;
        st.out_shape.push_back(r.length);
        st.out_strides.push_back(r.step * stride);
        ++st.axis;
    } else if constexpr (kind == index_kind::newaxis) {
        st.out_shape.push_back(1);
        st.out_strides.push_back(0);  // as NumPy: a new axis has stride 0
    } else if constexpr (kind == index_kind::ellipsis) {
        st.keep_axes(st.ellipsis_axes);
    }
}

}  // namespace gpu::detail

namespace gpu {

template <class V>
template <class... Index>
    requires(!detail::any_array_index_v<Index...>)
ndarray<V> ndarray<V>::operator()(const Index&... index) const {
    static_assert(((detail::index_kind_of<Index>() != detail::index_kind::boolean) && ...),
                  "gpu::ndarray::operator(): a bool index is not an integer here: NumPy reads a[True] as a boolean "
                  "mask (a copy with a new axis), which basic indexing does not do; index with an integer type");
    static_assert(((detail::index_kind_of<Index>() != detail::index_kind::unsupported) && ...),
                  "gpu::ndarray::operator(): each index must be an integer, gpu::slice(...), gpu::colon, "
                  "gpu::newaxis (gpu::none) or gpu::ellipsis, or an integer or boolean gpu::ndarray (advanced "
                  "indexing, <gpu/indexing/advanced.hpp>)");
    constexpr int consumed = detail::consumed_axes_v<Index...>;
    constexpr int ellipses = detail::ellipsis_count_v<Index...>;
    // NumPy's order of checks: the ellipsis while parsing, then the count, then each index.
    if constexpr (ellipses > 1) detail::throw_multiple_ellipsis();
    const int nd = ndim();
    if (consumed > nd) detail::throw_too_many_indices(nd, consumed);

    detail::index_state st{shape_, strides_, nd - consumed};
    st.offset = offset_;
    (detail::apply_index(st, index), ...);
    if constexpr (ellipses == 0) st.keep_axes(nd - consumed);  // a missing trailing index is `...`

    // Built member-wise rather than with the view constructor: a default-constructed array has
    // no buffer to ask where it lives.
    ndarray r;
    r.buffer_ = buffer_;
    r.shape_ = st.out_shape;
    r.strides_ = st.out_strides;
    r.offset_ = st.offset;
    r.where_ = where_;
    return r;
}

}  // namespace gpu
