#pragma once
// NumPy's 1-D discrete convolution and cross-correlation, modes "full", "same" and "valid":
//   gpu::convolve(a, v, mode = "full")     (a * v)[k] = sum_j a[j] v[k - j]
//   gpu::correlate(a, v, mode = "valid")   c[k] = sum_j a[k + j] v[j]
// The result has the promoted dtype of a and v (int32 stays int32, as NumPy's dot products).
// How: a is copied once into a zero-padded buffer; the windows of that buffer are an overlapping
// (K, m) view (strides (1, 1)), so every output is one row of one fused multiply-and-sum
// reduction. O(n m) work, the direct method NumPy uses too.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/views/flip.hpp"

namespace gpu {
namespace detail {

enum class conv_mode { full, same, valid };

inline conv_mode parse_conv_mode(std::string_view mode) {
    if (mode == "full") return conv_mode::full;
    if (mode == "same") return conv_mode::same;
    if (mode == "valid") return conv_mode::valid;
    throw value_error("mode must be one of 'valid', 'same', or 'full' (got '" + std::string(mode) + "')");
}

// The full correlation c[k] = sum_j a[k + j - (m - 1)] v[j], rows [start, start + len) of it.
template <class T, class U>
auto correlate_rows(const ndarray<T>& a, const ndarray<U>& v, std::int64_t start, std::int64_t len) {
    using R = type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>;
    const std::int64_t n = a.size(), m = v.size();
    ndarray<T> padded = filled<T>(shape_t{n + 2 * (m - 1)}, 0, a.where());
    axis_range_view(padded, 0, m - 1, m - 1 + n).assign(a);
    const ndarray<T> windows(padded.buffer(), shape_t{len, m}, strides_t{1, 1}, padded.offset() + start);
    if constexpr (std::is_same_v<R, bool>) return gpu::eval(gpu::any(windows * v, 1));
    else return gpu::eval(gpu::sum(windows * v, 1).template astype<R>());
}

template <class T, class U>
auto correlate_impl(const ndarray<T>& a0, const ndarray<U>& v0, conv_mode mode, bool convolve) {
    check_same_executor(convolve ? "convolve" : "correlate", a0.where(), v0.where());
    if (a0.ndim() > 1 || v0.ndim() > 1) throw value_error("object too deep for desired array");
    const ndarray<T> a = a0.ndim() == 0 ? a0.reshape({1}) : a0;
    const ndarray<U> v1 = v0.ndim() == 0 ? v0.reshape({1}) : v0;
    if (a.size() == 0) throw value_error(convolve ? "a cannot be empty" : "a cannot be empty");
    if (v1.size() == 0) throw value_error("v cannot be empty");
    // NumPy's correlate conjugates v (c[k] = sum_n a[n + k] conj(v[n])); convolve does not.
    ndarray<U> v = convolve ? gpu::flip(v1) : v1;
    if constexpr (is_complex(dtype_of_v<U>))
        if (!convolve) v = gpu::eval(gpu::conj(v1));
    const std::int64_t n = a.size(), m = v.size(), big = n > m ? n : m, small = n > m ? m : n;
    std::int64_t start = 0, len = n + m - 1;
    if (mode == conv_mode::valid) {
        start = small - 1, len = big - small + 1;
    } else if (mode == conv_mode::same) {
        len = big;
        // NumPy centres the window; correlate of a shorter a is the mirror of correlate(v, a).
        start = (convolve || n >= m) ? (small - 1) / 2 : small - 1 - (small - 1) / 2;
    }
    return correlate_rows(a, v, start, len);
}

}  // namespace detail

// np.convolve(a, v, mode='full'): 1-D inputs (0-d count as one element).
template <class T, class U>
auto convolve(const ndarray<T>& a, const ndarray<U>& v, std::string_view mode = "full") {
    return detail::correlate_impl(a, v, detail::parse_conv_mode(mode), true);
}

// np.correlate(a, v, mode='valid').
template <class T, class U>
auto correlate(const ndarray<T>& a, const ndarray<U>& v, std::string_view mode = "valid") {
    return detail::correlate_impl(a, v, detail::parse_conv_mode(mode), false);
}

}  // namespace gpu
