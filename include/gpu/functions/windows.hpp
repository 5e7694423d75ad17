#pragma once
// NumPy's window functions, float64, each one element-wise kernel over n = arange(1-M, M, 2) as
// NumPy writes them (so the values match NumPy's formulas term for term):
//   gpu::hamming(M)    0.54 + 0.46 cos(pi n / (M-1))
//   gpu::hanning(M)    0.5 + 0.5 cos(pi n / (M-1))
//   gpu::blackman(M)   0.42 + 0.5 cos(pi n / (M-1)) + 0.08 cos(2 pi n / (M-1))
//   gpu::bartlett(M)   1 + n / (M-1) for n <= 0, else 1 - n / (M-1)
//   gpu::kaiser(M, beta) i0(beta sqrt(1 - ((n - alpha) / alpha)^2)) / i0(beta), n = 0 .. M-1,
//                      alpha = (M - 1) / 2
// M < 1 gives an empty array, M == 1 [1.0].
#include <cstdint>

#include "gpu/creation/fill.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"

namespace gpu {
namespace detail {

inline constexpr double window_pi = 3.141592653589793;

// f(n, M - 1) over NumPy's n, with its edge cases.
template <class F>
ndarray<double> window(std::int64_t M, F&& f) {
    if (M < 1) return ndarray<double>(shape_t{0});
    if (M == 1) return gpu::ones<double>({1});
    const index_leaf i({M});
    const auto n = (1 - M) + 2 * i;  // int64, as NumPy's arange(1-M, M, 2)
    return gpu::eval(f(n, M - 1));
}

}  // namespace detail

// np.hamming(M)
inline ndarray<double> hamming(std::int64_t M) {
    return detail::window(M, [](const auto& n, std::int64_t m) { return 0.54 + 0.46 * cos(detail::window_pi * n / m); });
}
// np.hanning(M)
inline ndarray<double> hanning(std::int64_t M) {
    return detail::window(M, [](const auto& n, std::int64_t m) { return 0.5 + 0.5 * cos(detail::window_pi * n / m); });
}
// np.blackman(M)
inline ndarray<double> blackman(std::int64_t M) {
    return detail::window(M, [](const auto& n, std::int64_t m) {
        return 0.42 + 0.5 * cos(detail::window_pi * n / m) + 0.08 * cos(2.0 * detail::window_pi * n / m);
    });
}
// np.bartlett(M)
inline ndarray<double> bartlett(std::int64_t M) {
    return detail::window(M, [](const auto& n, std::int64_t m) { return where(n <= 0, 1 + n / m, 1 - n / m); });
}

// np.kaiser(M, beta)
inline ndarray<double> kaiser(std::int64_t M, double beta) {
    if (M < 1) return ndarray<double>(shape_t{0});
    if (M == 1) return gpu::ones<double>({1});
    const detail::index_leaf n({M});
    const double alpha = static_cast<double>(M - 1) / 2.0;
    const double denom = detail::gnd::i0_::apply<double, double>(beta);  // NumPy's i0(float(beta))
    return gpu::eval(i0(beta * sqrt(1.0 - square((n - alpha) / alpha))) / denom);
}

}  // namespace gpu
