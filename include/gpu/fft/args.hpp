#pragma once
// What numpy.fft does with its arguments before transforming: the result dtypes, `norm` and its
// factor, `n` (NumPy's "Invalid number of FFT data points" check), and `s` / `axes` of the
// n-dimensional functions (_cook_nd_args). Messages are NumPy's.
#include <cmath>
#include <complex>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gpu/core/axis.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/half.hpp"
#include "gpu/core/shape.hpp"

namespace gpu::fft {

// NumPy 2: the complex result of a transform of dtype T is np.result_type(T, 1j): float32 and
// float16 give complex64, float64, integers and bool complex128, complex dtypes stay.
template <class T>
using complex_t = type_of_t<promote_weak(dtype_of_v<T>, scalar_kind::complex)>;
// The real result of irfft / hfft: np.result_type(a.real.dtype, 1.0) (float16 stays float16).
template <class T>
using real_t = type_of_t<promote_weak(gpu::detail::real_of(dtype_of_v<T>), scalar_kind::floating)>;

namespace detail {

// The precision a transform computes in: float for complex64, double for complex128.
template <class T>
using compute_t = typename complex_t<T>::value_type;

enum class norm_mode { backward, ortho, forward };

inline norm_mode parse_norm(std::string_view norm) {
    if (norm == "backward") return norm_mode::backward;
    if (norm == "ortho") return norm_mode::ortho;
    if (norm == "forward") return norm_mode::forward;
    throw value_error("Invalid norm value " + std::string(norm) + R"(; should be "backward", "ortho" or "forward".)");
}

// hfft / ihfft run irfft / rfft with the norm of the other direction.
inline norm_mode swap_direction(norm_mode m) {
    return m == norm_mode::backward ? norm_mode::forward : m == norm_mode::forward ? norm_mode::backward : m;
}

inline void check_points(std::int64_t n) {
    if (n < 1) throw value_error("Invalid number of FFT data points (" + std::to_string(n) + ") specified.");
}

// NumPy's factor of a transform of n points: 1, 1/sqrt(n) or 1/n after swapping the inverse's
// norm, computed as NumPy computes it, in the input's real dtype RT (reciprocal(sqrt(n, dtype=RT))):
// so float16 input has a float16 factor and float32 a float32 one.
template <class RT>
double norm_factor(norm_mode m, std::int64_t n, bool forward) {
    if (!forward) m = swap_direction(m);
    if (m == norm_mode::backward) return 1.0;
    if constexpr (std::is_same_v<RT, double>) {
        return m == norm_mode::ortho ? 1.0 / std::sqrt(static_cast<double>(n)) : 1.0 / static_cast<double>(n);
    } else if constexpr (std::is_same_v<RT, float>) {
        return m == norm_mode::ortho ? 1.0f / std::sqrt(static_cast<float>(n)) : 1.0f / static_cast<float>(n);
    } else {  // float16 / bfloat16: each NumPy step rounds to the half type
        const RT nn(static_cast<float>(n));
        const RT d = m == norm_mode::ortho ? RT(std::sqrt(static_cast<float>(nn))) : nn;
        return static_cast<float>(RT(1.0f / static_cast<float>(d)));
    }
}

// _cook_nd_args: s and axes of fftn & co. With axes absent, the last len(s) axes (or all);
// with s absent, the axes' lengths (the last one (len - 1) * 2 for irfftn); -1 in s means the
// whole axis. Axes are normalized (AxisError); repeats are kept, as NumPy transforms a repeated
// axis again.
struct nd_args {
    dims s, axes;
};

inline nd_args cook_nd_args(const shape_t& shape, const std::optional<dims>& s, const std::optional<dims>& axes,
                            bool inverse_real) {
    const int ndim = shape.size();
    nd_args r;
    if (axes) {
        for (std::int64_t a : *axes) r.axes.push_back(gpu::detail::normalize_axis(a, ndim));
    } else {
        const int k = s ? s->size() : ndim;
        if (k > ndim)  // NumPy: take(a.shape, range(-k, 0)) fails on the first axis out of range
            throw axis_error("axis " + std::to_string(-k) + " is out of bounds for array of dimension " + std::to_string(ndim));
        for (int i = ndim - k; i < ndim; ++i) r.axes.push_back(i);
    }
    if (s) {
        if (s->size() != r.axes.size()) throw value_error("Shape and axes have different lengths.");
        for (int i = 0; i < s->size(); ++i) r.s.push_back((*s)[i] == -1 ? shape[r.axes[i]] : (*s)[i]);
    } else {
        for (std::int64_t a : r.axes) r.s.push_back(shape[a]);
        if (inverse_real && !r.axes.empty()) r.s[r.s.size() - 1] = (shape[r.axes.back()] - 1) * 2;
    }
    return r;
}

}  // namespace detail
}  // namespace gpu::fft
