#pragma once
// np.pad(array, pad_width, mode='constant', constant_values=0) for the modes "constant", "edge",
// "reflect", "symmetric" and "wrap".
//   gpu::pad(a, 2)                         2 before and after on every axis
//   gpu::pad(a, {1, 2})                    1 before, 2 after, every axis
//   gpu::pad(a, {{1, 2}, {0, 3}})          per axis
//   gpu::pad(a, {{1, 2}, {0, 3}}, "reflect")
//   gpu::pad(a, 1, "constant", 9)          constant_values, converted to a's dtype
// How: "constant" fills a new array and writes a into its centre (two kernels). The other modes
// pad one axis at a time (as NumPy does, so corners come from padded axes) with one gather along
// the axis (gpu::take) by an index table computed on the host: edge clamps, wrap is periodic,
// reflect and symmetric are the periodic mirror images NumPy's repeated reflection gives.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gpu/functions/common.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/io/transfer.hpp"

namespace gpu {

// NumPy's pad_width: one int, one (before, after) pair, or a pair per axis.
class pad_width_t {
public:
    pad_width_t(std::int64_t n) : pairs_{{n, n}} {}  // NOLINT(google-explicit-constructor)
    pad_width_t(std::initializer_list<std::int64_t> v) {
        if (v.size() == 1) pairs_ = {{*v.begin(), *v.begin()}};
        else if (v.size() == 2) pairs_ = {{*v.begin(), *(v.begin() + 1)}};
        else throw value_error("pad_width: expected 1 or 2 values, or one (before, after) pair per axis");
    }
    pad_width_t(std::initializer_list<std::pair<std::int64_t, std::int64_t>> v) : pairs_(v) {}
    pad_width_t(std::vector<std::pair<std::int64_t, std::int64_t>> v) : pairs_(std::move(v)) {}  // NOLINT

    // The (before, after) pair of each of ndim axes, as NumPy broadcasts pad_width.
    std::vector<std::pair<std::int64_t, std::int64_t>> for_rank(int ndim) const {
        for (const auto& p : pairs_)
            if (p.first < 0 || p.second < 0) throw value_error("index can't contain negative values");
        if (pairs_.size() == 1) return std::vector<std::pair<std::int64_t, std::int64_t>>(ndim, pairs_[0]);
        if (static_cast<int>(pairs_.size()) != ndim)
            throw value_error("operands could not be broadcast together with remapped shapes [original->remapped]: (" +
                              std::to_string(pairs_.size()) + ",2)  and requested shape (" + std::to_string(ndim) +
                              ",2)");
        return pairs_;
    }

private:
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs_;
};

namespace detail {

enum class pad_mode { constant, edge, reflect, symmetric, wrap };

inline pad_mode parse_pad_mode(std::string_view mode) {
    if (mode == "constant") return pad_mode::constant;
    if (mode == "edge") return pad_mode::edge;
    if (mode == "reflect") return pad_mode::reflect;
    if (mode == "symmetric") return pad_mode::symmetric;
    if (mode == "wrap") return pad_mode::wrap;
    if (mode == "linear_ramp" || mode == "maximum" || mode == "mean" || mode == "median" || mode == "minimum" ||
        mode == "empty")
        throw value_error("mode '" + std::string(mode) + "' is not supported by gpu::pad (constant, edge, reflect, "
                          "symmetric and wrap are)");
    throw value_error("mode '" + std::string(mode) + "' is not supported");
}

inline std::int64_t floor_mod(std::int64_t a, std::int64_t n) {
    const std::int64_t r = a % n;
    return r < 0 ? r + n : r;
}

// The source position along an axis of n elements of padded position t - before.
inline std::int64_t pad_source(pad_mode mode, std::int64_t t, std::int64_t n) {
    switch (mode) {
        case pad_mode::edge: return t < 0 ? 0 : (t >= n ? n - 1 : t);
        case pad_mode::wrap: return floor_mod(t, n);
        case pad_mode::reflect: {
            if (n == 1) return 0;
            const std::int64_t u = floor_mod(t, 2 * (n - 1));
            return u < n ? u : 2 * (n - 1) - u;
        }
        default: {  // symmetric
            const std::int64_t u = floor_mod(t, 2 * n);
            return u < n ? u : 2 * n - 1 - u;
        }
    }
}

}  // namespace detail

// np.pad(a, pad_width, mode, constant_values).
template <class T, class C = int>
ndarray<T> pad(const ndarray<T>& a, const pad_width_t& pad_width, std::string_view mode = "constant",
               C constant_values = 0) {
    const detail::pad_mode m = detail::parse_pad_mode(mode);
    const auto pw = pad_width.for_rank(a.ndim());
    if (m == detail::pad_mode::constant) {
        shape_t s = a.shape();
        for (int d = 0; d < a.ndim(); ++d) s[d] += pw[d].first + pw[d].second;
        ndarray<T> out = detail::filled<T>(s, constant_values, a.where());
        ndarray<T> centre = out;
        for (int d = 0; d < a.ndim(); ++d)
            centre = detail::axis_slice(centre, d, pw[d].first, pw[d].first + a.shape()[d]);
        if (a.size() > 0) centre.assign(a);
        return out;
    }
    for (int d = 0; d < a.ndim(); ++d)
        if (a.shape()[d] == 0 && (pw[d].first > 0 || pw[d].second > 0))
            throw value_error("can't extend empty axis " + std::to_string(d) +
                              " using modes other than 'constant' or 'empty'");
    ndarray<T> cur = a;
    for (int d = 0; d < a.ndim(); ++d) {
        if (pw[d].first == 0 && pw[d].second == 0) continue;
        const std::int64_t n = a.shape()[d], len = n + pw[d].first + pw[d].second;
        std::vector<std::int64_t> idx(static_cast<std::size_t>(len));
        for (std::int64_t k = 0; k < len; ++k) idx[k] = detail::pad_source(m, k - pw[d].first, n);
        ndarray<std::int64_t> table(shape_t{len}, a.where());
        detail::copy_bytes(table.data(), table.where(), idx.data(), executor::host, table.nbytes());
        cur = gpu::take(cur, table, d);
    }
    return cur.is_contiguous() && cur.buffer() != a.buffer() ? cur : cur.copy();
}

}  // namespace gpu
