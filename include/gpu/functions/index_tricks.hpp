#pragma once
// NumPy's index tricks:
//   gpu::indices<T = int64>({d0, d1, ...})    shape (N, d0, d1, ...): grid[i] varies along axis i
//   gpu::ix_(a, b, ...)                        open-mesh views, input k reshaped to put its
//                                              elements on axis k (bool inputs: their nonzero());
//                                              auto [i, j] = gpu::ix_(rows, cols); x(i, j) ...
//   gpu::unravel_index(indices, shape, order = "C")        one int64 array per axis
//   gpu::ravel_multi_index(multi_index, dims, mode = "raise", order = "C")   flat int64 indices
//   gpu::fromfunction<T = double>(f, shape)    f called with one index expression per axis (of
//                                              dtype T, as NumPy's indices); its expression is
//                                              evaluated in one kernel (1 to 4 axes)
// Out-of-range indices raise NumPy's ValueError (one reduction and read-back on the GPU).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "gpu/creation/ranges.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/functions/common.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/reductions/reduce.hpp"

namespace gpu {

template <class T = std::int64_t>
ndarray<T> indices(const shape_t& dimensions) {
    const int n = dimensions.size();
    shape_t s{static_cast<std::int64_t>(n)};
    for (auto d : dimensions) s.push_back(d);
    ndarray<T> out(s);
    if (out.size() == 0) return out;
    for (int i = 0; i < n; ++i) {
        const ndarray<T> r = gpu::arange<T>(dimensions[i]);
        strides_t st = dims::filled(n, 0);
        st[i] = 1;
        out(i).assign(ndarray<T>(r.buffer(), dimensions, st, r.offset()));
    }
    return out;
}

// np.fromfunction(function, shape, dtype=float)
template <class T = double, class F>
auto fromfunction(F&& f, const shape_t& shape) {
    check_shape(shape);
    const int n = shape.size();
    auto axis = [&](int k) {  // the index along axis k, broadcast over the others
        shape_t s = dims::filled(n, 1);
        s[k] = shape[k];
        return detail::as_node(detail::index_leaf(s)).template astype<T>();
    };
    using I = decltype(axis(0));
    static_assert(std::is_invocable_v<F, I> || std::is_invocable_v<F, I, I> || std::is_invocable_v<F, I, I, I> ||
                      std::is_invocable_v<F, I, I, I, I>,
                  "gpu::fromfunction: f must take 1 to 4 index expressions");
    // NumPy's indices are dense grids; these broadcast, so a result missing an axis is spread.
    auto run = [&](auto&& e) {
        auto r = gpu::eval(e);
        return r.shape() == shape ? r : gpu::eval(gpu::broadcast_to(r, shape));
    };
    if constexpr (std::is_invocable_v<F, I>) {
        if (n == 1) return run(f(axis(0)));
    }
    if constexpr (std::is_invocable_v<F, I, I>) {
        if (n == 2) return run(f(axis(0), axis(1)));
    }
    if constexpr (std::is_invocable_v<F, I, I, I>) {
        if (n == 3) return run(f(axis(0), axis(1), axis(2)));
    }
    if constexpr (std::is_invocable_v<F, I, I, I, I>) {
        if (n == 4) return run(f(axis(0), axis(1), axis(2), axis(3)));
    }
    throw value_error("fromfunction: the function takes no " + std::to_string(n) + " index arguments");
}

namespace detail {

template <class T>
using ix_t = std::conditional_t<std::is_same_v<T, bool>, std::int64_t, T>;

template <class T>
ndarray<ix_t<T>> ix_one(const ndarray<T>& a, int k, int n) {
    if (a.ndim() != 1) throw value_error("Cross index must be 1 dimensional");
    ndarray<ix_t<T>> v;
    if constexpr (std::is_same_v<T, bool>) v = gpu::nonzero(a)[0];
    else v = a;
    shape_t s = dims::filled(n, 1);
    strides_t st = dims::filled(n, 0);
    s[k] = v.shape()[0];
    st[k] = v.strides()[0];
    return ndarray<ix_t<T>>(v.buffer(), s, st, v.offset());
}

inline void check_order(std::string_view order) {
    if (order != "C" && order != "F") throw value_error("only 'C' or 'F' order is permitted");
}

// Element strides of a C- or F-ordered array of shape `dims`.
inline strides_t order_strides(const shape_t& d, std::string_view order) {
    strides_t st = dims::filled(d.size(), 1);
    if (order == "C")
        for (int i = d.size() - 2; i >= 0; --i) st[i] = st[i + 1] * d[i + 1];
    else
        for (int i = 1; i < d.size(); ++i) st[i] = st[i - 1] * d[i - 1];
    return st;
}

}  // namespace detail

// np.ix_(*args): a std::array of views (one dtype) or a std::tuple.
template <class... Ts>
auto ix_(const ndarray<Ts>&... args) {
    constexpr int n = sizeof...(Ts);
    int k = 0;
    auto one = [&](const auto& a) { return detail::ix_one(a, k++, n); };
    using T0 = std::tuple_element_t<0, std::tuple<Ts...>>;
    if constexpr ((std::is_same_v<detail::ix_t<T0>, detail::ix_t<Ts>> && ...))
        return std::array<ndarray<detail::ix_t<T0>>, n>{one(args)...};
    else
        return std::tuple<ndarray<detail::ix_t<Ts>>...>{one(args)...};
}

template <class I>
std::vector<ndarray<std::int64_t>> unravel_index(const ndarray<I>& indices, const shape_t& shape,
                                                 std::string_view order = "C") {
    static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>,
                  "gpu::unravel_index: only int indices permitted (NumPy's TypeError)");
    detail::check_order(order);
    const ndarray<std::int64_t> idx = detail::as_dtype<std::int64_t>(indices);
    const std::int64_t size = size_of(shape);
    if (idx.size() > 0 && gpu::any((idx < 0) | (idx >= size)).item()) {
        for (const std::int64_t v : gpu::asnumpy(idx))
            if (v < 0 || v >= size)
                throw value_error("index " + std::to_string(v) + " is out of bounds for array with size " +
                                  std::to_string(size));
    }
    const strides_t st = detail::order_strides(shape, order);
    std::vector<ndarray<std::int64_t>> out;
    for (int d = 0; d < shape.size(); ++d) out.push_back(gpu::eval(gpu::floor_divide(idx, st[d]) % shape[d]));
    return out;
}

template <class I>
ndarray<std::int64_t> ravel_multi_index(const std::vector<ndarray<I>>& multi_index, const shape_t& d,
                                        std::string_view mode = "raise", std::string_view order = "C") {
    static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>, "gpu::ravel_multi_index: integer indices");
    detail::check_order(order);
    if (mode != "raise" && mode != "wrap" && mode != "clip")
        throw value_error("clipmode must be one of 'clip', 'raise', or 'wrap' (got '" + std::string(mode) + "')");
    if (static_cast<int>(multi_index.size()) != d.size())
        throw value_error("parameter multi_index must be a sequence of length " + std::to_string(d.size()));
    if (multi_index.empty()) throw value_error("parameter multi_index must be a sequence of length 0");
    const strides_t st = detail::order_strides(d, order);
    shape_t shape;
    for (const auto& m : multi_index) shape = broadcast_shapes(shape, m.shape());
    ndarray<std::int64_t> out = detail::filled<std::int64_t>(shape, 0, multi_index[0].where());
    for (int k = 0; k < d.size(); ++k) {
        ndarray<std::int64_t> ix = detail::as_dtype<std::int64_t>(multi_index[k]);
        if (mode == "raise") {
            if (ix.size() > 0 && gpu::any((ix < 0) | (ix >= d[k])).item())
                throw value_error("invalid entry in coordinates array");
        } else if (mode == "wrap") {
            ix = gpu::eval(ix % d[k]);
        } else {
            ix = gpu::eval(gpu::clip(ix, 0, d[k] - 1));
        }
        if (out.size() > 0) out += ix * st[k];
    }
    return out;
}

}  // namespace gpu
