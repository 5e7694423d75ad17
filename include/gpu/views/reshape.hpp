#pragma once
// NumPy's reshape, ravel and flatten. reshape returns a view whenever NumPy's no-copy rule finds
// strides that walk the same elements in row-major order (also for many non-contiguous inputs,
// such as a[:, ::2].reshape(-1) or a.T reshaped along untouched axes), else a contiguous copy.
// Also the two helpers the other views/ headers share: detail::view_of and detail::array_of.
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/exec/eval.hpp"

namespace gpu {
namespace detail {

// A view of a's buffer. A default-constructed (empty) array has no buffer; any view of it is
// empty too, so a fresh empty array stands in.
template <class V>
ndarray<V> view_of(const ndarray<V>& a, const shape_t& shape, const strides_t& strides, std::int64_t offset) {
    if (!a.buffer()) return ndarray<V>(shape, a.where());
    return ndarray<V>(a.buffer(), shape, strides, offset);
}

// The free shape functions take arrays, and expressions evaluated into one first.
template <expression E>
auto array_of(const E& e) {
    if constexpr (is_ndarray_v<E>) return std::remove_cvref_t<E>(e);
    else return gpu::eval(e);
}

// NumPy's spelling of a requested shape in reshape's message (convert_shape_to_string): leading
// unknown extents are left out and later ones read "newaxis", so (2,-1,3) is "(2,newaxis,3)" and
// (-1,2,3) is "(2,3)"; the trailing comma appears only for a one-element request.
inline std::string requested_shape_string(const shape_t& s) {
    int i = 0;
    while (i < s.size() && s[i] < 0) ++i;
    if (i == s.size()) return "()";
    std::string r = "(" + std::to_string(s[i++]);
    for (; i < s.size(); ++i) r += s[i] < 0 ? std::string(",newaxis") : "," + std::to_string(s[i]);
    return r + (s.size() == 1 ? ",)" : ")");
}

[[noreturn]] inline void throw_reshape_mismatch(std::int64_t size, const shape_t& requested) {
    throw value_error("cannot reshape array of size " + std::to_string(size) + " into shape " +
                      requested_shape_string(requested));
}

// NumPy's _fix_unknown_dimension: fills in the one unknown (negative) extent and checks that the
// element count is unchanged. NumPy takes any negative extent as the unknown one; so does this.
inline shape_t resolve_reshape(const shape_t& requested, std::int64_t size) {
    shape_t s = requested;
    int unknown = -1;
    std::int64_t known = 1;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] < 0) {
            if (unknown >= 0) throw value_error("can only specify one unknown dimension");
            unknown = i;
        } else {
            if (s[i] != 0 && known > std::numeric_limits<std::int64_t>::max() / s[i])
                throw_reshape_mismatch(size, requested);
            known *= s[i];
        }
    }
    if (unknown >= 0) {
        if (known == 0 || size % known != 0) throw_reshape_mismatch(size, requested);
        s[unknown] = size / known;
    } else if (known != size) {
        throw_reshape_mismatch(size, requested);
    }
    return s;
}

// NumPy's _attempt_nocopy_reshape for C order: strides under which new_shape walks the elements
// of (shape, strides) in the same row-major order, or false when there are none. Size-1 axes are
// dropped first (their strides do not matter); each group of old axes that merges into a group
// of new axes must be contiguous within itself. Called only for non-empty inputs.
inline bool nocopy_strides(const shape_t& shape, const strides_t& strides, const shape_t& new_shape,
                           strides_t& new_strides) {
    std::int64_t od[max_ndim], os[max_ndim];
    int on = 0;
    for (int i = 0; i < shape.size(); ++i)
        if (shape[i] != 1) {
            od[on] = shape[i];
            os[on++] = strides[i];
        }
    const int nn = new_shape.size();
    new_strides = dims::filled(nn, 0);
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < nn && oi < on) {
        std::int64_t np = new_shape[ni], op = od[oi];
        while (np != op) {
            if (np < op) np *= new_shape[nj++];  // trailing 1s are handled below
            else op *= od[oj++];
        }
        for (int ok = oi; ok < oj - 1; ++ok)
            if (os[ok] != od[ok + 1] * os[ok + 1]) return false;  // not contiguous enough
        new_strides[nj - 1] = os[oj - 1];
        for (int nk = nj - 1; nk > ni; --nk) new_strides[nk - 1] = new_strides[nk] * new_shape[nk];
        ni = nj++;
        oi = oj++;
    }
    const std::int64_t last = ni >= 1 ? new_strides[ni - 1] : 1;
    for (int nk = ni; nk < nn; ++nk) new_strides[nk] = last;
    return true;
}

}  // namespace detail

// NumPy's order of decisions: an unchanged shape is a view with the same strides; a contiguous
// array gets row-major strides; otherwise the no-copy rule, and a copy only when it fails.
template <class V>
ndarray<V> ndarray<V>::reshape(const shape_t& shape) const {
    if (shape == shape_) return detail::view_of(*this, shape_, strides_, offset_);
    const shape_t s = detail::resolve_reshape(shape, size());
    if (is_contiguous()) return detail::view_of(*this, s, c_strides(s), offset_);
    strides_t st;
    if (detail::nocopy_strides(shape_, strides_, s, st)) return detail::view_of(*this, s, st, offset_);
    const ndarray c = copy();
    return detail::view_of(c, s, c_strides(s), c.offset());
}

// NumPy's ravel (order 'C') is a view only of a contiguous array; a strided 1-D array is copied
// too (reshape(-1) would give it a view).
template <class V>
ndarray<V> ndarray<V>::ravel() const {
    return is_contiguous() ? reshape(shape_t{-1}) : flatten();
}

template <class V>
ndarray<V> ndarray<V>::flatten() const {
    const ndarray c = copy();
    return detail::view_of(c, shape_t{size()}, strides_t{1}, c.offset());
}

// np.reshape(a, shape): one extent may be -1, inferred from the others.
template <expression E>
auto reshape(const E& a, const shape_t& shape) {
    return detail::array_of(a).reshape(shape);
}

// np.ravel(a): a view when a is contiguous, else a copy.
template <expression E>
auto ravel(const E& a) {
    return detail::array_of(a).ravel();
}

}  // namespace gpu
