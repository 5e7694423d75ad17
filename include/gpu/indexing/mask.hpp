#pragma once
// Boolean-mask indexing, NumPy's a[mask] and a[mask] = values, where mask has a's shape.
// a[mask] returns gpu::masked<T>, a proxy holding the array and the mask (handles, by value):
//   gpu::ndarray<float> s = a[mask];   // the selected elements, a new 1-D array in C order
//   a[mask] = 0;                       // a scalar (weak, as in NumPy: 300 into int8 throws)
//   a[mask] = v;                       // v 0-d, of size 1, or 1-D with one value per true element
//   a[a > 0] = b * 2;                  // an expression is evaluated first
// Selecting, and assigning a 1-D array, need the number of true elements: one read-back to the
// host (a synchronization on the GPU). A scalar or one value is one fused where(mask, v, a)
// kernel instead, with no read-back.
// A mask over the leading axes only (X[labels == k], shape (k, ...) selected rows) is NumPy's
// X[mask.nonzero()]: it goes through advanced indexing (indexing/advanced.hpp), and values
// assigned broadcast to the selection's shape (count, rest...).
#include <cstdint>
#include <string>
#include <type_traits>

#include "gpu/indexing/advanced.hpp"
#include "gpu/indexing/launch.hpp"

namespace gpu {
namespace detail {

// NumPy's checks for a boolean index over a's leading axes (a mask of lower rank selects whole
// subarrays: X[labels == k] selects rows).
template <class T>
void check_mask(const ndarray<T>& a, const ndarray<bool>& mask) {
    if (mask.ndim() > a.ndim())
        throw index_error("too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                          std::to_string(mask.ndim()) + " were indexed");
    for (int d = 0; d < mask.ndim(); ++d)
        if (mask.shape()[d] != a.shape()[d])
            throw index_error("boolean index did not match indexed array along axis " + std::to_string(d) +
                              "; size of axis is " + std::to_string(a.shape()[d]) +
                              " but size of corresponding boolean axis is " + std::to_string(mask.shape()[d]));
    check_same_executor("boolean indexing", a.where(), mask.where());
}

inline const std::uint8_t* mask_bytes(const ndarray<bool>& m) { return reinterpret_cast<const std::uint8_t*>(m.data()); }

// a[mask]: the selected elements in C order.
template <class T>
ndarray<T> select(const ndarray<T>& a, const ndarray<bool>& mask) {
    check_mask(a, mask);
    const ndarray<T> src = contiguous(a);
    const ndarray<bool> m = contiguous(mask);
    const std::int64_t n = a.size();
    using S = storage_t<T>;
    if (a.where() == executor::host) {
        ndarray<T> out(shape_t{count_true_host(mask_bytes(m), n)}, executor::host);
        compact_host(mask_bytes(m), n, gnd::select_action<T>{src.data(), out.data()});
        return out;
    }
    const compaction_plan p = plan_compaction(mask_bytes(m), n, true, m);
    ndarray<T> out(shape_t{p.count}, executor::cuda);
    if (p.count == 0) return out;
    run_compaction(mask_bytes(m),
                   gnd::select_action<S>{reinterpret_cast<const S*>(src.data()), reinterpret_cast<S*>(out.data())}, p,
                   "launching the boolean-mask selection kernel", m, src, out);
    return out;
}

// a[mask] = values, values 1-D of a size other than 1 (size 1 goes through masked_fill).
template <class T, class U>
void scatter_masked(const ndarray<T>& a, const ndarray<bool>& mask, const ndarray<U>& values) {
    const ndarray<bool> m = contiguous(mask);
    const std::int64_t n = a.size(), k = values.shape()[0];
    compaction_plan p;
    const bool host = a.where() == executor::host;
    const std::int64_t count =
        host ? count_true_host(mask_bytes(m), n) : (p = plan_compaction(mask_bytes(m), n, true, m)).count;
    if (k != count)
        throw value_error("NumPy boolean array indexing assignment cannot assign " + std::to_string(k) +
                          " input values to the " + std::to_string(count) + " output values where the mask is true");
    if (count == 0) return;
    // The values as T, contiguous, and in memory of their own (they may be a view of a).
    ndarray<T> vals;
    if constexpr (std::is_same_v<T, U>)
        vals = values.is_contiguous() && values.buffer() != a.buffer() ? values : values.copy();
    else
        vals = gpu::eval(values.template astype<T>());
    ndarray<T> dst = a.is_contiguous() ? a : a.copy();  // written back below when a copy
    if (host) {
        compact_host(mask_bytes(m), n, gnd::assign_action<T>{dst.data(), vals.data()});
    } else {
        using S = storage_t<T>;
        run_compaction(mask_bytes(m),
                       gnd::assign_action<S>{reinterpret_cast<S*>(dst.data()), reinterpret_cast<const S*>(vals.data())},
                       p, "launching the boolean-mask assignment kernel", m, dst, vals);
    }
    if (dst.buffer() != a.buffer()) ndarray<T>(a).assign(dst);
}

// a[mask] = v for a value that broadcasts to every true element (a 0-d or one-element array, or
// an expression of shape ()), as one fused element-wise kernel: a = where(mask, v, a).
template <class T, class E>
void masked_fill(const ndarray<T>& a, const ndarray<bool>& mask, const E& v) {
    ndarray<T> out(a);
    out.assign(gpu::where(mask, v, a));
}

}  // namespace detail

// The proxy of a[mask] (see the top of this file). Converting it to ndarray<T>, or eval(), selects;
// assigning to it writes the selected elements of the array.
template <class T>
class masked {
public:
    masked(ndarray<T> array, ndarray<bool> mask) : array_(std::move(array)), mask_(std::move(mask)) {
        detail::check_mask(array_, mask_);
    }
    masked(const masked&) = default;

    // The selection: a new 1-D array of the elements where the mask is true, in C order.
    ndarray<T> eval() const { return leading() ? rows().eval() : detail::select(array_, mask_); }
    operator ndarray<T>() const { return eval(); }  // NOLINT(google-explicit-constructor): `ndarray<T> s = a[m];`
    GPU_ND_SELECTION_METHODS

    // a[mask] = scalar (a weak scalar, as in NumPy: it must fit T when both are integers).
    template <class S>
        requires is_cpp_scalar_v<S>
    masked& operator=(S value) {
        if (leading()) rows() = value;
        else detail::masked_fill(array_, mask_, value);
        return *this;
    }

    // a[mask] = values: values of shape (), (1,) or (number of true elements,), converted to T as
    // astype would (NumPy's casting for assignment); any other rank is NumPy's TypeError.
    template <class U>
    masked& operator=(const ndarray<U>& values) {
        detail::check_same_executor("boolean-mask assignment", array_.where(), values.where());
        if (leading()) {
            rows() = values;
            return *this;
        }
        if (values.ndim() > 1)
            throw type_error("NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has " +
                             std::to_string(values.ndim()) + " dimensions");
        if (values.ndim() == 0 || values.shape()[0] == 1) {
            const ndarray<U> one(values.buffer(), shape_t{}, strides_t{}, values.offset());  // 0-d view
            if constexpr (std::is_same_v<T, U>) detail::masked_fill(array_, mask_, one);
            else detail::masked_fill(array_, mask_, one.template astype<T>());
        } else {
            detail::scatter_masked(array_, mask_, values);
        }
        return *this;
    }

    // a[mask] = expression: evaluated into an array of its dtype first.
    template <expression E>
        requires(!is_ndarray_v<E>)
    masked& operator=(const E& e) {
        return *this = gpu::eval(e);
    }

    // a[mask] = b[other_mask] writes b's selection (a proxy copy would only rebind).
    masked& operator=(const masked& other) { return *this = other.eval(); }
    template <class U>
    masked& operator=(const masked<U>& other) {
        return *this = other.eval();
    }
    template <class U>
    masked& operator=(const indexed<U>& other) {
        return *this = other.eval();
    }

    const ndarray<T>& array() const noexcept { return array_; }
    const ndarray<bool>& mask() const noexcept { return mask_; }

private:
    // A mask over the leading axes only: advanced indexing by its nonzero() arrays.
    bool leading() const noexcept { return mask_.ndim() < array_.ndim(); }
    indexed<T> rows() const { return array_(mask_); }

    ndarray<T> array_;
    ndarray<bool> mask_;
};

template <class V>
masked<V> ndarray<V>::operator[](const ndarray<bool>& mask) const {
    return masked<V>(*this, mask);
}

}  // namespace gpu

#undef GPU_ND_SELECTION_METHODS
