#pragma once
// Shapes and strides: a fixed-capacity vector of extents (no heap allocation on the hot path),
// NumPy's broadcasting rule, and NumPy's spelling of shapes in messages.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"

namespace gpu {

namespace detail {
// The errors of dims and broadcast_shapes (shape.ipp), out of the inline paths.
[[noreturn]] GPU_ND_INLINE void throw_rank_error(int n);
}  // namespace detail

// The largest rank an array may have.
inline constexpr int max_ndim = 16;

// A list of up to max_ndim signed 64-bit extents or strides, stored inline.
class dims {
public:
    using value_type = std::int64_t;

    constexpr dims() = default;
    dims(std::initializer_list<std::int64_t> v) { assign(v.begin(), v.end()); }
    explicit dims(const std::vector<std::int64_t>& v) { assign(v.begin(), v.end()); }
    template <class It>
    dims(It first, It last) { assign(first, last); }
    static dims filled(int n, std::int64_t value) {
        dims d;
        d.resize(n);
        std::fill(d.begin(), d.end(), value);
        return d;
    }

    int size() const noexcept { return n_; }
    bool empty() const noexcept { return n_ == 0; }
    std::int64_t& operator[](int i) noexcept { return v_[i]; }
    const std::int64_t& operator[](int i) const noexcept { return v_[i]; }
    std::int64_t* begin() noexcept { return v_; }
    std::int64_t* end() noexcept { return v_ + n_; }
    const std::int64_t* begin() const noexcept { return v_; }
    const std::int64_t* end() const noexcept { return v_ + n_; }
    const std::int64_t* data() const noexcept { return v_; }
    std::int64_t back() const noexcept { return v_[n_ - 1]; }

    void resize(int n) {
        check_rank(n);
        for (int i = n_; i < n; ++i) v_[i] = 0;
        n_ = n;
    }
    void push_back(std::int64_t x) {
        check_rank(n_ + 1);
        v_[n_++] = x;
    }
    std::vector<std::int64_t> to_vector() const { return {begin(), end()}; }

    friend bool operator==(const dims& a, const dims& b) noexcept {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    template <class It>
    void assign(It first, It last) {
        n_ = 0;
        for (; first != last; ++first) push_back(static_cast<std::int64_t>(*first));
    }
    static void check_rank(int n) {
        if (n > max_ndim) detail::throw_rank_error(n);
    }

    std::int64_t v_[max_ndim] = {};
    int n_ = 0;
};

using shape_t = dims;
using strides_t = dims;

// Product of the extents (1 for a 0-d shape).
inline std::int64_t size_of(const shape_t& shape) {
    std::int64_t n = 1;
    for (auto e : shape) n *= e;
    return n;
}

// Row-major strides, in elements.
inline strides_t c_strides(const shape_t& shape) {
    strides_t s = dims::filled(shape.size(), 1);
    for (int i = shape.size() - 2; i >= 0; --i) s[i] = s[i + 1] * std::max<std::int64_t>(shape[i + 1], 1);
    return s;
}

// NumPy's spelling: "(3,4)", "(5,)", "()".
GPU_ND_INLINE std::string to_string(const shape_t& shape);

namespace detail {
[[noreturn]] GPU_ND_INLINE void throw_broadcast_error(const shape_t& a, const shape_t& b);
}  // namespace detail

inline void check_shape(const shape_t& shape) {
    for (auto e : shape)
        if (e < 0) throw value_error("negative dimensions are not allowed");
}

// np.broadcast_shapes for two shapes; NumPy's message when they do not fit.
inline shape_t broadcast_shapes(const shape_t& a, const shape_t& b) {
    const int n = std::max(a.size(), b.size());
    shape_t out = dims::filled(n, 1);
    for (int i = 0; i < n; ++i) {
        const int ia = a.size() - n + i, ib = b.size() - n + i;
        const std::int64_t ea = ia >= 0 ? a[ia] : 1, eb = ib >= 0 ? b[ib] : 1;
        if (ea != eb && ea != 1 && eb != 1) detail::throw_broadcast_error(a, b);
        out[i] = ea == 1 ? eb : ea;
    }
    return out;
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/core/shape.ipp"
#endif
