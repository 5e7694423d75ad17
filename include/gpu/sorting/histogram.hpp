#pragma once
// Counting by sorting and searching (both executors run the same library operations; the host
// executor sums weights in a plain loop, in NumPy's order):
//   gpu::bincount(x[, minlength])            int64 counts of each value of a non-negative integer array
//   gpu::bincount(x, weights[, minlength])   float64 sums of the weights of each value
//   gpu::digitize(x, bins, right = false)    int64 bin numbers (bins increasing or decreasing)
//   gpu::histogram_bin_edges(a, bins = 10[, range])
//   gpu::histogram(a, bins = 10[, range][, density]) / histogram(a, edges[, density])
//   gpu::histogram(a, bins, range, density, weights) / histogram(a, edges, density, weights)
//       -> {hist, hist_float, bin_edges}: hist int64, or hist_float (float64) with density or
//          weights (float64 weights, a's size); edges of a's dtype for float32, float16
//          and bfloat16 input, else float64. A value equal to the last edge counts in the last bin; values outside
//          the range and NaNs are not counted (NumPy's rules).
//   gpu::histogram2d(x, y, bins = 10[, range_x, range_y][, density]) -> {hist (nx, ny), xedges, yedges}
// On the GPU bincount is a sort and unique's counts; weighted sums are differences of a float64
// running sum (rounding may differ from NumPy's sequential sums in the last bits).
// Not yet: histogram2d's weights, histogramdd, string bin rules ("auto", ...).
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "gpu/creation/fill.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/indexing/indexing.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/sorting/searchsorted.hpp"
#include "gpu/sorting/unique.hpp"

namespace gpu {

template <class R>
struct histogram_result {
    ndarray<double> hist_float;  // filled when density or weights (NumPy's float64 hist)
    ndarray<std::int64_t> hist;  // filled otherwise
    ndarray<R> bin_edges;
};

namespace detail {

// The bincount's length; NumPy's errors for a negative value or minlength.
template <class T>
std::int64_t bincount_length(const ndarray<T>& x, std::int64_t minlength) {
    static_assert(std::is_integral_v<T>, "np.bincount takes an array of integers (non-negative)");
    if (minlength < 0) throw value_error("'minlength' must not be negative");
    if (x.size() == 0) return minlength;
    if constexpr (std::is_signed_v<T>)
        if (x.min().item() < 0) throw value_error("'list' argument must have no negative elements");
    return std::max<std::int64_t>(static_cast<std::int64_t>(x.max().item()) + 1, minlength);
}

}  // namespace detail

// np.bincount(x, minlength=0): int64 counts.
template <class T>
ndarray<std::int64_t> bincount(const ndarray<T>& x0, std::int64_t minlength = 0) {
    const ndarray<T> x = x0.reshape(shape_t{x0.size()});
    const std::int64_t len = detail::bincount_length(x, minlength);
    ndarray<std::int64_t> out = gpu::zeros<std::int64_t>(shape_t{len});
    if (x.size() == 0) return out;
    const auto u = gpu::unique_counts(x);
    gpu::put(out, u.values, u.counts);
    return out;
}

// np.bincount(x, weights, minlength=0): float64 sums of the weights of each value.
template <class T, class W>
ndarray<double> bincount(const ndarray<T>& x0, const ndarray<W>& w0, std::int64_t minlength = 0) {
    const ndarray<T> x = x0.reshape(shape_t{x0.size()});
    if (w0.size() != x.size()) throw value_error("The weights and list don't have the same length.");
    const std::int64_t len = detail::bincount_length(x, minlength);
    ndarray<double> out = gpu::zeros<double>(shape_t{len});
    if (x.size() == 0) return out;
    const ndarray<double> w = w0.reshape(shape_t{w0.size()}).template astype<double>();
    if (x.where() == executor::host) {
        const ndarray<T> xc = x.is_contiguous() ? x : x.copy();
        const ndarray<double> wc = w.is_contiguous() ? w : w.copy();
        for (std::int64_t i = 0; i < x.size(); ++i) out.data()[xc.data()[i]] += wc.data()[i];
        return out;
    }
    // Sorted by value: segment sums are differences of the running sum at segment ends.
    const auto r = gpu::unique(x, true, false, true);
    const ndarray<std::int64_t> perm = gpu::argsort(x);
    const ndarray<double> running = gpu::cumsum(gpu::take(w, perm));
    const ndarray<std::int64_t> ends = gpu::cumsum(r.counts) - std::int64_t{1};
    const ndarray<double> at_end = gpu::take(running, ends);
    const std::int64_t k = at_end.size();
    ndarray<double> sums(shape_t{k});
    sums(gpu::slice(0, 1)) = at_end(gpu::slice(0, 1));
    if (k > 1) sums(gpu::slice(1, k)) = at_end(gpu::slice(1, k)) - at_end(gpu::slice(0, k - 1));
    gpu::put(out, r.values, sums);
    return out;
}

// np.digitize(x, bins, right=False): int64, x's shape.
template <class T, class B>
ndarray<std::int64_t> digitize(const ndarray<T>& x, const ndarray<B>& bins, bool right = false) {
    static_assert(!gpu::is_complex(dtype_of_v<T>), "x may not be complex");  // NumPy's TypeError
    if (bins.ndim() != 1) throw value_error("object too deep for desired array");
    const std::int64_t n = bins.size();
    bool increasing = true;
    if (n > 1) {
        const ndarray<B> hi = bins(gpu::slice(1, n)), lo = bins(gpu::slice(0, n - 1));
        const bool any_down = gpu::count_nonzero(hi < lo) > 0, any_up = gpu::count_nonzero(hi > lo) > 0;
        if (any_down && any_up) throw value_error("bins must be monotonically increasing or decreasing");
        increasing = !any_down;
    }
    const char* side = right ? "left" : "right";
    if (increasing) return gpu::searchsorted(bins, x, side);
    ndarray<std::int64_t> r = gpu::searchsorted(gpu::flip(bins), x, side);
    ndarray<std::int64_t> out = std::int64_t{n} - r;
    return out;
}

template <class R>
struct histogram2d_result {
    ndarray<double> hist_float;  // filled when density
    ndarray<std::int64_t> hist;    // filled otherwise, shape (nx, ny)
    ndarray<R> xedges, yedges;
};

namespace detail {

// NumPy 2's bin-edge dtype: the input's for float32, float16 and bfloat16 (Python-float range
// ends are weak), float64 otherwise.
template <class T>
using histogram_edge_t = std::conditional_t<std::is_same_v<T, float> || gpu::is_half(dtype_of_v<T>), T, double>;

template <class T>
constexpr void check_histogram_real() {
    static_assert(!gpu::is_complex(dtype_of_v<T>),
                  "gpu_ndarray: histograms of complex numbers are not supported (NumPy bins them by their "
                  "lexicographic order)");
}

template <class T>
std::pair<double, double> histogram_range(const ndarray<T>& a, std::optional<std::pair<double, double>> range) {
    double first = 0, last = 1;
    if (range) {
        first = range->first, last = range->second;
        if (first > last) throw value_error("max must be larger than min in range parameter.");
        if (!std::isfinite(first) || !std::isfinite(last))
            throw value_error("supplied range of [" + std::to_string(first) + ", " + std::to_string(last) +
                              "] is not finite");
    } else if (a.size() > 0) {
        first = static_cast<double>(a.min().item()), last = static_cast<double>(a.max().item());
        if (!std::isfinite(first) || !std::isfinite(last))
            throw value_error("autodetected range of [" + std::to_string(first) + ", " + std::to_string(last) +
                              "] is not finite");
    }
    if (first == last) first -= 0.5, last += 0.5;
    return {first, last};
}

}  // namespace detail

// np.histogram_bin_edges(a, bins=10, range=None).
template <class T>
auto histogram_bin_edges(const ndarray<T>& a, std::int64_t bins = 10,
                         std::optional<std::pair<double, double>> range = std::nullopt) {
    detail::check_histogram_real<T>();
    if (bins < 1) throw value_error("`bins` must be positive, when an integer");
    const auto [first, last] = detail::histogram_range(a, range);
    return gpu::linspace<detail::histogram_edge_t<T>>(first, last, bins + 1);
}

// np.histogram(a, bins=edges, density=False): edges increasing.
template <class T, class R>
histogram_result<R> histogram(const ndarray<T>& a0, const ndarray<R>& edges, bool density = false,
                              const ndarray<double>* weights = nullptr) {
    detail::check_histogram_real<T>();
    detail::check_histogram_real<R>();
    const std::int64_t ne = edges.size();
    if (edges.ndim() != 1 || ne < 2) throw value_error("`bins` must be 1d, when an array");
    if (gpu::count_nonzero(edges(gpu::slice(1, ne)) < edges(gpu::slice(0, ne - 1))) > 0)
        throw value_error("`bins` must increase monotonically, when an array");
    const std::int64_t nb = ne - 1;
    const ndarray<T> a = a0.reshape(shape_t{a0.size()});
    histogram_result<R> r;
    r.bin_edges = edges;
    // Bin of each value: the last edge <= it, the last bin closed; values outside and NaNs dropped.
    const R first = edges(gpu::slice(0, 1)).item(), last = edges(gpu::slice(ne - 1, ne)).item();
    ndarray<std::int64_t> bin = gpu::minimum(gpu::searchsorted(edges, a, "right") - std::int64_t{1}, nb - 1);
    const ndarray<bool> inside = (a >= first) && (a <= last);
    const ndarray<std::int64_t> kept = bin[inside];
    if (weights) {
        if (weights->size() != a.size()) throw value_error("weights should have the same shape as a.");
        const ndarray<double> w = weights->reshape(shape_t{weights->size()});
        r.hist_float = gpu::bincount(kept, ndarray<double>(w[inside]), nb);
    } else if (density) {
        r.hist_float = gpu::bincount(kept, nb).template astype<double>();
    } else {
        r.hist = gpu::bincount(kept, nb);
    }
    if (density) {
        const double total = gpu::sum(r.hist_float).item();
        const ndarray<double> widths =
            (edges(gpu::slice(1, ne)) - edges(gpu::slice(0, ne - 1))).template astype<double>();
        r.hist_float = gpu::eval(r.hist_float / (widths * total));
    }
    return r;
}

// np.histogram(a, bins=edges, density, weights): float64 sums of the weights in each bin.
template <class T, class R>
histogram_result<R> histogram(const ndarray<T>& a, const ndarray<R>& edges, bool density, const ndarray<double>& weights) {
    return gpu::histogram(a, edges, density, &weights);
}

// np.histogram(a, bins, range, density, weights).
template <class T>
auto histogram(const ndarray<T>& a, std::int64_t bins, std::optional<std::pair<double, double>> range, bool density,
               const ndarray<double>& weights) {
    return gpu::histogram(a, gpu::histogram_bin_edges(a, bins, range), density, &weights);
}

// np.histogram(a, bins=10, range=None, density=False).
template <class T>
auto histogram(const ndarray<T>& a, std::int64_t bins = 10, std::optional<std::pair<double, double>> range = std::nullopt,
               bool density = false) {
    return gpu::histogram(a, gpu::histogram_bin_edges(a, bins, range), density);
}

namespace detail {

// The bin of each value of `a` in `edges` (increasing), -1 when outside or NaN; the last bin closed.
template <class T, class R>
ndarray<std::int64_t> bin_numbers(const ndarray<T>& a, const ndarray<R>& edges) {
    const std::int64_t ne = edges.size();
    const R first = edges(gpu::slice(0, 1)).item(), last = edges(gpu::slice(ne - 1, ne)).item();
    ndarray<std::int64_t> bin = gpu::minimum(gpu::searchsorted(edges, a, "right") - std::int64_t{1}, ne - 2);
    ndarray<std::int64_t> out = gpu::where((a >= first) && (a <= last), bin, std::int64_t{-1});
    return out;
}

}  // namespace detail

// np.histogram2d(x, y, bins=10, range=None, density=False): bins as one count for both axes.
template <class T>
auto histogram2d(const ndarray<T>& x0, const ndarray<T>& y0, std::int64_t bins = 10,
                 std::optional<std::pair<double, double>> range_x = std::nullopt,
                 std::optional<std::pair<double, double>> range_y = std::nullopt, bool density = false) {
    using R = detail::histogram_edge_t<T>;
    if (x0.size() != y0.size()) throw value_error("x and y must have the same length.");
    const ndarray<T> x = x0.reshape(shape_t{x0.size()}), y = y0.reshape(shape_t{y0.size()});
    histogram2d_result<R> r;
    r.xedges = gpu::histogram_bin_edges(x, bins, range_x);
    r.yedges = gpu::histogram_bin_edges(y, bins, range_y);
    const ndarray<std::int64_t> bx = detail::bin_numbers(x, r.xedges), by = detail::bin_numbers(y, r.yedges);
    const ndarray<bool> inside = (bx >= std::int64_t{0}) && (by >= std::int64_t{0});
    const ndarray<std::int64_t> cell = bx * bins + by;
    const ndarray<std::int64_t> kept = cell[inside];
    r.hist = gpu::bincount(kept, bins * bins).reshape(shape_t{bins, bins});
    if (density) {
        const double total = static_cast<double>(kept.size());
        const ndarray<double> wx = (r.xedges(gpu::slice(1, bins + 1)) - r.xedges(gpu::slice(0, bins))).template astype<double>();
        const ndarray<double> wy = (r.yedges(gpu::slice(1, bins + 1)) - r.yedges(gpu::slice(0, bins))).template astype<double>();
        r.hist_float = gpu::eval(r.hist.template astype<double>() /
                                   (wx.reshape(shape_t{bins, 1}) * wy.reshape(shape_t{1, bins}) * total));
        r.hist = ndarray<std::int64_t>();
    }
    return r;
}

}  // namespace gpu
