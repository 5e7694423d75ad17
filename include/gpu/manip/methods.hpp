#pragma once
// NumPy's ndarray methods that forward to free functions (declared in containers/ndarray.hpp):
// diagonal, trace, take, put, repeat, nonzero, fill, clip, cumsum, cumprod, ptp. Each does what
// its free function does; trace and ptp are defined here, as NumPy defines them:
//   np.trace(a, offset, axis1, axis2) = sum of the diagonal (the sum's dtype: int32 gives int64);
//   np.ptp(a, axis, keepdims)          = max - min in a's dtype (wrapping for integers, as NumPy).
#include <cstdint>
#include <optional>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/put.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/manip/tile.hpp"
#include "gpu/reductions/stats.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/views/flip.hpp"

namespace gpu {

template <class V>
ndarray<V> ndarray<V>::diagonal(std::int64_t offset, int axis1, int axis2) const {
    return gpu::diagonal(*this, offset, axis1, axis2);
}

template <class V>
auto ndarray<V>::trace(std::int64_t offset, int axis1, int axis2) const {
    return gpu::sum(gpu::diagonal(*this, offset, axis1, axis2), -1);
}

template <class V>
template <class I>
ndarray<V> ndarray<V>::take(const ndarray<I>& indices) const {
    return gpu::take(*this, indices);
}
template <class V>
template <class I>
ndarray<V> ndarray<V>::take(const ndarray<I>& indices, std::int64_t axis) const {
    return gpu::take(*this, indices, axis);
}

template <class V>
template <class I, class U>
void ndarray<V>::put(const ndarray<I>& indices, const U& values) const {
    gpu::put(*this, indices, values);
}

template <class V>
ndarray<V> ndarray<V>::repeat(std::int64_t repeats, std::optional<std::int64_t> axis) const {
    return gpu::repeat(*this, repeats, axis);
}

template <class V>
std::vector<ndarray<std::int64_t>> ndarray<V>::nonzero() const {
    return gpu::nonzero(*this);
}

template <class V>
template <class S>
void ndarray<V>::fill(S value) const {
    ndarray<V>(*this).assign(value);
}

template <class V>
template <class Lo, class Hi>
auto ndarray<V>::clip(const Lo& lo, const Hi& hi) const {
    return gpu::clip(*this, lo, hi);
}

template <class V>
auto ndarray<V>::cumsum() const {
    return gpu::cumsum(*this);
}
template <class V>
auto ndarray<V>::cumsum(std::int64_t axis) const {
    return gpu::cumsum(*this, axis);
}
template <class V>
auto ndarray<V>::cumprod() const {
    return gpu::cumprod(*this);
}
template <class V>
auto ndarray<V>::cumprod(std::int64_t axis) const {
    return gpu::cumprod(*this, axis);
}

// ptp is reductions/stats.hpp's.
template <class V>
auto ndarray<V>::ptp() const {
    return gpu::ptp(*this);
}
template <class V>
auto ndarray<V>::ptp(std::int64_t axis, bool keepdims) const {
    return gpu::ptp(*this, axis, keepdims);
}

// np.trace(a, offset=0, axis1=0, axis2=1).
template <class V>
auto trace(const ndarray<V>& a, std::int64_t offset = 0, int axis1 = 0, int axis2 = 1) {
    return a.trace(offset, axis1, axis2);
}

}  // namespace gpu
