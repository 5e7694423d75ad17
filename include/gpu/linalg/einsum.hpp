#pragma once
// gpu::einsum for one or two operands, explicit ("ij,jk->ik") or implicit ("ij,jk": the letters
// seen once, sorted) output, without ellipses. Everything is views plus at most one product:
//   - a letter repeated within one operand takes its diagonal (a view with the strides added);
//   - letters of one operand only and not in the output are summed first;
//   - two operands: letters in both and in the output are batch axes, letters in both and not in
//     the output are contracted, the rest are free; the operands are permuted to
//     (batch, free, contracted) and (batch, contracted, free) and multiplied by one batched
//     matmul (cuBLAS on the GPU), then permuted to the output order.
// The result dtype is np.result_type of the operands (sums keep it: int32 stays int32, as NumPy).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "gpu/linalg/matmul.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {
namespace detail {

struct einsum_spec {
    std::vector<std::string> inputs;
    std::string output;
};

inline einsum_spec parse_einsum(std::string_view s, std::size_t operands) {
    einsum_spec r;
    std::string clean;
    for (char c : s)
        if (c != ' ') clean += c;
    if (clean.find("...") != std::string::npos) throw value_error("einsum: ellipsis ('...') is not supported yet");
    const std::size_t arrow = clean.find("->");
    const std::string lhs = clean.substr(0, arrow);
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = lhs.find(',', start);
        r.inputs.push_back(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (r.inputs.size() != operands)
        throw value_error("more operands provided to einstein sum function than specified in the subscripts string");
    for (const auto& in : r.inputs)
        for (char c : in)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                throw value_error(std::string("invalid subscript '") + c + "' in einstein sum subscripts string, subscripts must be letters");
    if (arrow != std::string::npos) {
        r.output = clean.substr(arrow + 2);
        for (std::size_t i = 0; i < r.output.size(); ++i) {
            const char c = r.output[i];
            if (r.output.find(c, i + 1) != std::string::npos)
                throw value_error(std::string("einstein sum subscripts string includes output subscript '") + c + "' multiple times");
            bool seen = false;
            for (const auto& in : r.inputs) seen = seen || in.find(c) != std::string::npos;
            if (!seen)
                throw value_error(std::string("einstein sum subscripts string included output subscript '") + c +
                                  "' which never appeared in an input");
        }
    } else {
        std::string all;
        for (const auto& in : r.inputs) all += in;
        for (char c : all)
            if (std::count(all.begin(), all.end(), c) == 1) r.output += c;
        std::sort(r.output.begin(), r.output.end());  // NumPy's order: upper case, then lower case
    }
    return r;
}

// An operand with one axis per distinct letter: repeated letters become their diagonal (a view).
template <class T>
ndarray<T> distinct_letters(const ndarray<T>& a, std::string& letters, int operand) {
    if (static_cast<int>(letters.size()) > a.ndim())
        throw value_error("einstein sum subscripts string contains too many subscripts for operand " + std::to_string(operand));
    if (static_cast<int>(letters.size()) < a.ndim())
        throw value_error("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    std::string out;
    shape_t shape;
    strides_t strides;
    for (int d = 0; d < a.ndim(); ++d) {
        const std::size_t at = out.find(letters[d]);
        if (at == std::string::npos) {
            out += letters[d];
            shape.push_back(a.shape()[d]);
            strides.push_back(a.strides()[d]);
        } else {
            if (shape[static_cast<int>(at)] != a.shape()[d])
                throw value_error(std::string("dimensions in operand for collapsing index '") + letters[d] + "' don't match (" +
                                  std::to_string(shape[static_cast<int>(at)]) + " != " + std::to_string(a.shape()[d]) + ")");
            strides[static_cast<int>(at)] += a.strides()[d];
        }
    }
    letters = out;
    return ndarray<T>(a.buffer(), shape, strides, a.offset());
}

// Sums the axes whose letters are not in `keep`, keeping the dtype (NumPy's einsum does).
template <class T>
ndarray<T> sum_letters_not_in(const ndarray<T>& a, std::string& letters, const std::string& keep) {
    dims axes;
    std::string rest;
    for (int d = 0; d < static_cast<int>(letters.size()); ++d) {
        if (keep.find(letters[d]) == std::string::npos) axes.push_back(d);
        else rest += letters[d];
    }
    if (axes.size() == 0) return a;
    letters = rest;
    if constexpr (gnd::is_inexact<T>) {
        return gpu::sum(a, axes);  // floats, halves and complex sums keep the dtype
    } else {
        return gpu::eval(gpu::astype<T>(gpu::sum(a, axes)));  // integers wrap to T, bool sums are "or"
    }
}

// a (axes named by `letters`) permuted to the order of `order`, contiguous.
template <class T>
ndarray<T> in_order(const ndarray<T>& a, const std::string& letters, const std::string& order) {
    dims perm;
    bool identity = true;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const int d = static_cast<int>(letters.find(order[i]));
        perm.push_back(d);
        identity = identity && d == static_cast<int>(i);
    }
    if (identity) return a;
    return gpu::eval(a.transpose(perm));
}

inline std::int64_t extent_of(const shape_t& s, const std::string& letters, char c) {
    return s[static_cast<int>(letters.find(c))];
}

}  // namespace detail

// np.einsum(subscripts, a).
template <class T>
ndarray<T> einsum(std::string_view subscripts, const ndarray<T>& a) {
    namespace d = detail;
    d::einsum_spec spec = d::parse_einsum(subscripts, 1);
    std::string letters = spec.inputs[0];
    ndarray<T> v = d::distinct_letters(a, letters, 0);
    v = d::sum_letters_not_in(v, letters, spec.output);
    return d::in_order(v, letters, spec.output);
}

// np.einsum(subscripts, a, b).
template <class A, class B>
ndarray<detail::product_t<A, B>> einsum(std::string_view subscripts, const ndarray<A>& a, const ndarray<B>& b) {
    namespace d = detail;
    using R = d::product_t<A, B>;
    if (a.where() != b.where()) d::throw_mixed_executors(a.where(), b.where());
    d::einsum_spec spec = d::parse_einsum(subscripts, 2);
    std::string la = spec.inputs[0], lb = spec.inputs[1];
    const std::string& out = spec.output;
    ndarray<R> va = d::distinct_letters(d::as_dtype<R>(a), la, 0);
    ndarray<R> vb = d::distinct_letters(d::as_dtype<R>(b), lb, 1);
    // Letters of one operand only and not in the output: summed first.
    va = d::sum_letters_not_in(va, la, out + lb);
    vb = d::sum_letters_not_in(vb, lb, out + la);
    std::string batch, free_a, free_b, contracted;
    for (char c : la) {
        const bool in_b = lb.find(c) != std::string::npos, in_out = out.find(c) != std::string::npos;
        if (in_b && in_out) batch += c;
        else if (in_b) contracted += c;
        else free_a += c;
    }
    for (char c : lb)
        if (la.find(c) == std::string::npos) free_b += c;
    for (char c : batch + contracted)
        if (d::extent_of(va.shape(), la, c) != d::extent_of(vb.shape(), lb, c))
            throw value_error(std::string("einsum: the sizes of subscript '") + c + "' differ between the operands (" +
                              std::to_string(d::extent_of(va.shape(), la, c)) + " and " +
                              std::to_string(d::extent_of(vb.shape(), lb, c)) + ")");
    auto product_of = [](const shape_t& s, const std::string& letters, const std::string& which) {
        std::int64_t p = 1;
        for (char c : which) p *= s[static_cast<int>(letters.find(c))];
        return p;
    };
    const std::int64_t nbatch = product_of(va.shape(), la, batch), na = product_of(va.shape(), la, free_a),
                       nb = product_of(vb.shape(), lb, free_b), nk = product_of(va.shape(), la, contracted);
    dims perm_a, perm_b;
    for (char c : batch + free_a + contracted) perm_a.push_back(static_cast<std::int64_t>(la.find(c)));
    for (char c : batch + contracted + free_b) perm_b.push_back(static_cast<std::int64_t>(lb.find(c)));
    const ndarray<R> a3 = va.transpose(perm_a).reshape(shape_t{nbatch, na, nk});
    const ndarray<R> b3 = vb.transpose(perm_b).reshape(shape_t{nbatch, nk, nb});
    const ndarray<R> c3 = matmul(a3, b3);
    shape_t shape;
    const std::string got = batch + free_a + free_b;
    for (char c : got) {
        const std::size_t ia = la.find(c);
        shape.push_back(ia != std::string::npos ? va.shape()[static_cast<int>(ia)]
                                                : vb.shape()[static_cast<int>(lb.find(c))]);
    }
    return d::in_order(c3.reshape(shape), got, out);
}

}  // namespace gpu
