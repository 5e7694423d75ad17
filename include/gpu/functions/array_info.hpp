#pragma once
// Questions about arrays:
//   gpu::may_share_memory(a, b)     whether the byte ranges a and b span in one buffer overlap
//                                   (NumPy's bounds check: interleaved views may answer true)
//   gpu::asarray_chkfinite(a)       a itself, after checking it holds no NaN or infinity (one
//                                   reduction and read-back)
#include <cstdint>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu {
namespace detail {
struct byte_range {
    std::int64_t lo, hi;  // [lo, hi)
};
template <class T>
byte_range bytes_spanned(const ndarray<T>& a) {
    std::int64_t lo = a.offset(), hi = a.offset();
    for (int d = 0; d < a.ndim(); ++d) {
        const std::int64_t reach = (a.shape()[d] - 1) * a.strides()[d];
        (reach < 0 ? lo : hi) += reach;
    }
    const auto item = static_cast<std::int64_t>(sizeof(T));
    return {lo * item, (hi + 1) * item};
}
}  // namespace detail

// np.may_share_memory(a, b)
template <class T, class U>
bool may_share_memory(const ndarray<T>& a, const ndarray<U>& b) {
    if (a.size() == 0 || b.size() == 0 || !a.buffer() || a.buffer() != b.buffer()) return false;
    const detail::byte_range x = detail::bytes_spanned(a), y = detail::bytes_spanned(b);
    return x.lo < y.hi && y.lo < x.hi;
}

// np.asarray_chkfinite(a)
template <class T>
const ndarray<T>& asarray_chkfinite(const ndarray<T>& a) {
    if constexpr (is_inexact(dtype_of_v<T>))
        if (a.size() > 0 && !gpu::all(gpu::isfinite(a)).item()) throw value_error("array must not contain infs or NaNs");
    return a;
}

}  // namespace gpu
