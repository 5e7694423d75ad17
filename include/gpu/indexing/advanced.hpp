#pragma once
// Advanced indexing, NumPy's a[idx], a[i, j], a[:, idx], a[1:, idx, None], a[mask2d] spelled
// a(idx), a(i, j), a(gpu::colon, idx), a(gpu::slice(1, gpu::none), idx, gpu::newaxis),
// a(mask2d): any index of a(...) may be an integer ndarray (or a boolean ndarray, read as its
// nonzero() arrays) beside integers, slices, gpu::newaxis and gpu::ellipsis. The result is
// gpu::indexed<T>, a proxy holding handles:
//   gpu::ndarray<float> r = a(idx);   // gathers into a new array (also r = a(idx).eval())
//   a(i, j) = 0;  a(gpu::colon, idx) = b;  a(idx) += 1;   // scatter into a's elements
// Shapes follow NumPy: the index arrays broadcast together to B; the result is B where the
// advanced indices are adjacent in the tuple (integers count as advanced beside arrays), placed
// where the first of them was, else B first. Values assigned broadcast to the result's shape and
// are converted as astype would. Indices are checked (NumPy's IndexError) before any element
// moves: one reduction and read-back per index array on the GPU. Repeated indices in an
// assignment: the last value wins on the host; on the GPU which one lands is unspecified
// (as in CuPy).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/indexing/launch.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/kernel/geometry.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/views/index.hpp"

namespace gpu {
namespace detail {

// One integer-array index of a resolved tuple: its indices as int64, the axis of the indexed
// array it walks (for messages), and that axis's extent and stride.
struct array_index {
    ndarray<std::int64_t> idx;
    int axis;
    std::int64_t n, stride;
    bool checked = false;  // in range by construction (a mask's nonzero()): no bounds check
};

// An index tuple resolved against an array: the first element of the indexed view (buffer and
// element offset), the result's plain (sliced, kept, new) axes, and the index arrays, whose
// broadcast shape goes before plain axis `bpos`.
template <class T>
struct fancy_plan {
    std::shared_ptr<buffer> buf;
    executor where = executor::host;
    std::int64_t offset = 0;
    shape_t plain_shape, bshape;
    strides_t plain_strides;
    int bpos = 0;
    std::vector<array_index> arrays;
    std::optional<ndarray<T>> rows;  // set when the read is gpu::take(*rows, arrays[0].idx, 0)

    shape_t result_shape() const {
        shape_t s;
        for (int d = 0; d < bpos; ++d) s.push_back(plain_shape[d]);
        for (auto e : bshape) s.push_back(e);
        for (int d = bpos; d < plain_shape.size(); ++d) s.push_back(plain_shape[d]);
        return s;
    }
    T* first() const { return static_cast<T*>(buf->data()) + offset; }
};

template <class I> struct is_int_array : std::false_type {};
template <class U>
struct is_int_array<ndarray<U>> : std::bool_constant<!std::is_same_v<U, bool>> {};
template <class I>
inline constexpr bool is_int_array_v = is_int_array<std::remove_cvref_t<I>>::value;
template <class I>
inline constexpr bool is_bool_array_v = std::is_same_v<std::remove_cvref_t<I>, ndarray<bool>>;

// Axes an index takes: one for an integer, slice or integer array, the mask's rank for a mask.
template <class I>
int taken_axes(const I& index) {
    if constexpr (is_bool_array_v<I>) return index.ndim();
    else if constexpr (is_int_array_v<I>) return 1;
    else {
        constexpr index_kind k = index_kind_of<I>();
        return k == index_kind::integer || k == index_kind::slice ? 1 : 0;
    }
}

// The walk over the tuple (left to right), as views/index.hpp's, keeping the axes arrays index.
template <class T>
struct fancy_walk {
    const ndarray<T>& a;
    fancy_plan<T>& p;
    int ellipsis_axes;
    int axis = 0;                        // next axis of a
    int pos = 0;                         // position in the tuple
    int first_adv = -1, last_adv = -1, n_adv = 0;

    void advanced_here() {
        if (first_adv < 0) {
            first_adv = pos;
            p.bpos = p.plain_shape.size();
        }
        last_adv = pos;
        ++n_adv;
    }
    void add_array(const ndarray<std::int64_t>& idx, bool checked = false) {
        p.arrays.push_back({idx, axis, a.shape()[axis], a.strides()[axis], checked});
        ++axis;
    }

    template <class I>
    void operator()(const I& index) {
        if constexpr (is_bool_array_v<I>) {
            check_same_executor("boolean indexing", a.where(), index.where());
            if (index.ndim() == 0)
                throw index_error("gpu::ndarray: a 0-d boolean index inside a(...) is not supported");
            for (int d = 0; d < index.ndim(); ++d)
                if (index.shape()[d] != a.shape()[axis + d])
                    throw index_error("boolean index did not match indexed array along axis " +
                                      std::to_string(axis + d) + "; size of axis is " +
                                      std::to_string(a.shape()[axis + d]) +
                                      " but size of corresponding boolean axis is " + std::to_string(index.shape()[d]));
            advanced_here();
            for (const auto& ix : gpu::nonzero(index)) add_array(ix, true);
        } else if constexpr (is_int_array_v<I>) {
            using U = typename std::remove_cvref_t<I>::value_type;
            static_assert(std::is_integral_v<U>,
                          "arrays used as indices must be of integer (or boolean) type (NumPy's IndexError)");
            check_same_executor("advanced indexing", a.where(), index.where());
            advanced_here();
            if constexpr (std::is_same_v<U, std::int64_t>) add_array(index);
            else add_array(gpu::eval(index.template astype<std::int64_t>()));
        } else {
            constexpr index_kind kind = index_kind_of<I>();
            if constexpr (kind == index_kind::integer) {
                advanced_here();  // beside arrays an integer is an advanced index (NumPy)
                p.offset += normalize_index(index, axis, a.shape()[axis]) * a.strides()[axis];
                ++axis;
            } else if constexpr (kind == index_kind::slice) {
                const std::int64_t n = a.shape()[axis], stride = a.strides()[axis];
                const slice_range r = slice_indices(index, n);
                if (r.length > 0) p.offset += r.start * stride;
                p.plain_shape.push_back(r.length);
                p.plain_strides.push_back(r.step * stride);
                ++axis;
            } else if constexpr (kind == index_kind::newaxis) {
                p.plain_shape.push_back(1);
                p.plain_strides.push_back(0);
            } else if constexpr (kind == index_kind::ellipsis) {
                keep(ellipsis_axes);
            }
        }
        ++pos;
    }
    void keep(int count) {
        for (int k = 0; k < count; ++k, ++axis) {
            p.plain_shape.push_back(a.shape()[axis]);
            p.plain_strides.push_back(a.strides()[axis]);
        }
    }
};

// NumPy's IndexError when the index arrays do not broadcast together.
inline shape_t broadcast_index_shapes(const std::vector<array_index>& arrays) {
    shape_t b;
    for (const auto& x : arrays) {
        try {
            b = broadcast_shapes(b, x.idx.shape());
        } catch (const value_error&) {
            std::string shapes;
            for (const auto& y : arrays) shapes += to_string(y.idx.shape()) + " ";
            throw index_error("shape mismatch: indexing arrays could not be broadcast together with shapes " + shapes);
        }
    }
    return b;
}

// Whether the tuple is one index array over the leading axis of a C-contiguous, non-empty array
// (x[idx], x[labels == k]): then gpu::take(x, idx, 0) is the same gather, with its bounds check
// inside the kernel instead of a reduction first.
template <class T>
bool whole_rows(const fancy_plan<T>& p, const shape_t& shape, const strides_t& strides, std::int64_t offset) {
    if (p.arrays.size() != 1 || p.arrays[0].axis != 0 || p.bpos != 0 || p.offset != offset) return false;
    if (shape.size() == 0 || shape[0] == 0 || p.plain_shape.size() != shape.size() - 1) return false;
    for (int d = 1; d < shape.size(); ++d)
        if (p.plain_shape[d - 1] != shape[d] || p.plain_strides[d - 1] != strides[d]) return false;
    return ndarray<T>(p.buf, shape, strides, offset).is_contiguous();
}

template <class T, class... Index>
fancy_plan<T> resolve_fancy(const ndarray<T>& a, const Index&... index) {
    static_assert(((index_kind_of<Index>() != index_kind::boolean) && ...),
                  "gpu::ndarray::operator(): a bool scalar index is not supported; index with an integer type");
    static_assert(((is_int_array_v<Index> || is_bool_array_v<Index> ||
                    index_kind_of<Index>() != index_kind::unsupported) && ...),
                  "gpu::ndarray::operator(): each index must be an integer, gpu::slice(...), gpu::colon, gpu::newaxis, "
                  "gpu::ellipsis or an integer or boolean gpu::ndarray");
    constexpr int ellipses = ellipsis_count_v<Index...>;
    if constexpr (ellipses > 1) throw_multiple_ellipsis();
    const int taken = (0 + ... + taken_axes(index));
    if (taken > a.ndim()) throw_too_many_indices(a.ndim(), taken);
    fancy_plan<T> p;
    p.buf = a.buffer();
    p.where = a.where();
    p.offset = a.offset();
    fancy_walk<T> w{a, p, a.ndim() - taken};
    (w(index), ...);
    if constexpr (ellipses == 0) w.keep(a.ndim() - taken);
    if (w.last_adv - w.first_adv + 1 != w.n_adv) p.bpos = 0;  // separated: broadcast axes first
    p.bshape = broadcast_index_shapes(p.arrays);
    if (whole_rows(p, a.shape(), a.strides(), a.offset())) p.rows = a;
    return p;
}

// The first index of x outside [-n, n), as NumPy's IndexError (read back on the error path only).
inline void check_index_array(const array_index& x) {
    if (x.idx.size() == 0 || x.checked) return;
    bool bad;
    if (x.idx.where() == executor::host) {
        const ndarray<std::int64_t> c = contiguous(x.idx);
        bad = false;
        for (std::int64_t k = 0; k < c.size() && !bad; ++k) bad = c.data()[k] < -x.n || c.data()[k] >= x.n;
    } else {
        bad = gpu::any((x.idx < -x.n) | (x.idx >= x.n)).item();
    }
    if (!bad) return;
    const auto h = gpu::asnumpy(x.idx);
    for (const std::int64_t v : h)
        if (v < -x.n || v >= x.n) throw_index_out_of_bounds(v, x.axis, x.n);
}

// Offsets of the broadcast index tuples from the view's first element: sum_k idx_k * stride_k,
// negative indices wrapped; one fused element-wise kernel per index array.
template <class T>
ndarray<std::int64_t> fancy_offsets(const fancy_plan<T>& p) {
    ndarray<std::int64_t> off(p.bshape, p.where);
    if (off.size() == 0) return off;
    bool first = true;
    for (const auto& x : p.arrays) {
        check_index_array(x);
        const auto term = gpu::where(x.idx < 0, x.idx + x.n, x.idx) * x.stride;
        if (first) off.assign(term), first = false;
        else off += term;
    }
    if (first) off.assign(0);
    return off;
}

// The kernel's geometry: the result with the broadcast axes flattened into axis bpos.
template <class T>
gnd::fancy_geometry fancy_geometry_of(const fancy_plan<T>& p, std::int64_t nb) {
    gnd::fancy_geometry g{};
    int d = 0;
    auto put = [&](std::int64_t e, std::int64_t s) {
        if (d >= max_ndim) throw_rank_error(d + 1);
        g.shape.v[d] = e, g.stride.v[d] = s, ++d;
    };
    shape_t shape;
    std::array<strides_t, 2> st;  // the source's strides, and a marker of the broadcast axis
    auto add = [&](std::int64_t e, std::int64_t s, std::int64_t mark) {
        shape.push_back(e), st[0].push_back(s), st[1].push_back(mark);
    };
    for (int k = 0; k < p.bpos; ++k) add(p.plain_shape[k], p.plain_strides[k], 0);
    add(nb, 0, 1);
    for (int k = p.bpos; k < p.plain_shape.size(); ++k) add(p.plain_shape[k], p.plain_strides[k], 0);
    // Plain axes the source walks as one merge (the marker keeps the broadcast axis apart; a
    // broadcast axis of one element would be dropped, so that case is left as it is).
    int bax = p.bpos;
    if (nb > 1) {
        collapse_axes(shape, st);
        for (int k = 0; k < shape.size(); ++k)
            if (st[1][k] == 1) bax = k;
    }
    for (int k = 0; k < shape.size(); ++k) put(shape[k], st[0][k]);
    g.ndim = d;
    g.bax = bax;
    return g;
}

// The offsets as the kernels' long long (int64_t is long on LP64 hosts).
inline const long long* offsets_ptr(const ndarray<std::int64_t>& off) {
    static_assert(sizeof(long long) == sizeof(std::int64_t));
    return reinterpret_cast<const long long*>(off.data());
}

// a(...) read: a new array of the result's shape.
template <class T>
ndarray<T> fancy_gather(const fancy_plan<T>& p) {
    if (p.rows) return gpu::take(*p.rows, p.arrays[0].idx, 0);
    ndarray<T> out(p.result_shape(), p.where);
    const ndarray<std::int64_t> off = fancy_offsets(p);
    if (out.size() == 0) return out;
    const gnd::fancy_geometry g = fancy_geometry_of(p, off.size());
    const std::int64_t total = out.size();
    if (p.where == executor::host) {
        for (long long i = 0; i < total; ++i) gnd::fancy_gather_element(out.data(), p.first(), offsets_ptr(off), g, i);
        return out;
    }
    using S = storage_t<T>;
    using K = fancy_gather_kernel<S>;
    kernel_args<320, 5> args;
    args.push(reinterpret_cast<S*>(out.data()));
    args.push(reinterpret_cast<const S*>(p.first()));
    args.push(offsets_ptr(off));
    args.push(g);
    args.push(static_cast<long long>(total));
    const ndarray<T> src(p.buf, shape_t{}, strides_t{}, p.offset);
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = blocks_for(total)}, args.argv,
           "launching the advanced-indexing gather kernel", src, off, out);
    return out;
}

// a(...) = vals, vals already of the result's shape, contiguous, in memory of their own.
template <class T>
void fancy_scatter(const fancy_plan<T>& p, const ndarray<T>& vals) {
    const ndarray<std::int64_t> off = fancy_offsets(p);
    if (vals.size() == 0) return;
    const gnd::fancy_geometry g = fancy_geometry_of(p, off.size());
    const std::int64_t total = vals.size();
    if (p.where == executor::host) {
        for (long long i = 0; i < total; ++i) gnd::fancy_scatter_element(p.first(), vals.data(), offsets_ptr(off), g, i);
        return;
    }
    using S = storage_t<T>;
    using K = fancy_scatter_kernel<S>;
    kernel_args<320, 5> args;
    args.push(reinterpret_cast<S*>(p.first()));
    args.push(reinterpret_cast<const S*>(vals.data()));
    args.push(offsets_ptr(off));
    args.push(g);
    args.push(static_cast<long long>(total));
    const ndarray<T> dst(p.buf, shape_t{}, strides_t{}, p.offset);
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = blocks_for(total)}, args.argv,
           "launching the advanced-indexing scatter kernel", dst, off, vals);
}

// NumPy's ValueError when values do not broadcast to the indexing result.
inline void check_values_shape(const shape_t& values, const shape_t& result) {
    bool ok = values.size() <= result.size();
    for (int d = 1; ok && d <= values.size(); ++d) {
        const std::int64_t v = values[values.size() - d], r = result[result.size() - d];
        ok = v == r || v == 1;
    }
    if (!ok)
        throw value_error("shape mismatch: value array of shape " + to_string(values) +
                          " could not be broadcast to indexing result of shape " + to_string(result));
}

}  // namespace detail

// The reductions and a few methods of the selection, as NumPy chains them (X[labels == k].mean(0)):
// each gathers first, then calls the ndarray member of the same name.
#define GPU_ND_SELECTION_METHODS                                                             \
    template <class... A> auto sum(const A&... a) const { return eval().sum(a...); }         \
    template <class... A> auto prod(const A&... a) const { return eval().prod(a...); }       \
    template <class... A> auto min(const A&... a) const { return eval().min(a...); }         \
    template <class... A> auto max(const A&... a) const { return eval().max(a...); }         \
    template <class... A> auto mean(const A&... a) const { return eval().mean(a...); }       \
    template <class... A> auto var(const A&... a) const { return eval().var(a...); }         \
    template <class... A> auto std(const A&... a) const { return eval().std(a...); }         \
    template <class... A> auto any(const A&... a) const { return eval().any(a...); }         \
    template <class... A> auto all(const A&... a) const { return eval().all(a...); }         \
    template <class... A> auto argmin(const A&... a) const { return eval().argmin(a...); }   \
    template <class... A> auto argmax(const A&... a) const { return eval().argmax(a...); }   \
    template <class U> auto astype() const { return gpu::eval(eval().template astype<U>()); }

// The proxy of a(...) with array indices (see the top of this file).
template <class T>
class indexed {
public:
    explicit indexed(detail::fancy_plan<T> plan) : plan_(std::move(plan)) {}
    indexed(const indexed&) = default;

    // The selection: a new array of NumPy's result shape.
    ndarray<T> eval() const { return detail::fancy_gather(plan_); }
    operator ndarray<T>() const { return eval(); }  // NOLINT(google-explicit-constructor): `ndarray<T> r = a(idx);`
    shape_t shape() const { return plan_.result_shape(); }
    GPU_ND_SELECTION_METHODS

    // a(...) = value: a scalar, an array or an expression broadcasting to the result's shape.
    template <operand E>
    indexed& operator=(const E& values) {
        const shape_t rs = plan_.result_shape();
        ndarray<T> vals(rs, plan_.where);
        if constexpr (is_cpp_scalar_v<std::remove_cvref_t<E>>) {
            vals.assign(values);
        } else {
            const auto v = gpu::eval(values);
            detail::check_same_executor("advanced-indexing assignment", plan_.where, v.where());
            detail::check_values_shape(v.shape(), rs);
            vals.assign(v);  // a fresh array: values may be views of the indexed array
        }
        detail::fancy_scatter(plan_, vals);
        return *this;
    }
    indexed& operator=(const indexed& other) { return *this = other.eval(); }
    template <class U>
    indexed& operator=(const indexed<U>& other) {
        return *this = other.eval();
    }
    template <class U>
    indexed& operator=(const masked<U>& other) {
        return *this = other.eval();
    }

    // a(idx) op= v is a(idx) = a(idx) op v, as in NumPy (a repeated index is written once); the
    // in-place operator on the gathered copy applies NumPy's 'same_kind' rule.
    template <operand E> indexed& operator+=(const E& v) { return update([&](ndarray<T>& t) { t += v; }); }
    template <operand E> indexed& operator-=(const E& v) { return update([&](ndarray<T>& t) { t -= v; }); }
    template <operand E> indexed& operator*=(const E& v) { return update([&](ndarray<T>& t) { t *= v; }); }
    template <operand E> indexed& operator/=(const E& v) { return update([&](ndarray<T>& t) { t /= v; }); }

    const detail::fancy_plan<T>& plan() const noexcept { return plan_; }

private:
    template <class F>
    indexed& update(F&& op) {
        ndarray<T> t = eval();
        op(t);
        return *this = t;
    }

    detail::fancy_plan<T> plan_;
};

template <class V>
template <class... Index>
    requires(detail::any_array_index_v<Index...>)
indexed<V> ndarray<V>::operator()(const Index&... index) const {
    return indexed<V>(detail::resolve_fancy(*this, index...));
}

}  // namespace gpu
