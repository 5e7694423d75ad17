#pragma once
// gpu::einsum for one or two operands, explicit ("ij,jk->ik") or implicit ("ij,jk": the letters
// seen once, sorted) output, with NumPy's ellipsis ("...ij,...jk->...ik"): each '...' is spelled
// out as fresh letters, its dims broadcast right-aligned across the operands (an extent 1 is
// dropped where the other operand has n), and an explicit output must keep it (NumPy never sums
// it away); the implicit output puts it first. Everything is views plus at most one product:
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
    std::vector<std::string> inputs;  // one letter per axis of each operand, '...' spelled out
    std::string output;
    std::string ellipsis;  // the letters that stand for the broadcast '...' dims (empty if none)
};

// One operand's (or the output's) subscripts: its letters and where its '...' stands, if any.
struct einsum_term {
    std::string letters;
    int ellipsis = -1;  // index into letters before which '...' stands, -1 without one
};

// NumPy's parse of one term: spaces are skipped, but a '.' counts only as part of three adjacent
// dots, once per term ('. ..' and '...i...' are errors, as NumPy's).
inline einsum_term parse_einsum_term(std::string_view s, const std::string& where) {
    einsum_term t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ') continue;
        if (c == '.') {
            if (t.ellipsis != -1 || i + 2 >= s.size() || s[i + 1] != '.' || s[i + 2] != '.')
                throw value_error("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in " + where);
            t.ellipsis = static_cast<int>(t.letters.size());
            i += 2;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            t.letters += c;
        } else {
            throw value_error(std::string("invalid subscript '") + c + "' in einstein sum subscripts string, subscripts must be letters");
        }
    }
    return t;
}

// Parses the subscripts for operands of these ranks. Each '...' becomes letters not used in the
// subscripts, shared and right-aligned as NumPy broadcasts: with E = the most dims any '...'
// stands for, the ellipsis letters are L[0..E-1] and an operand whose '...' is e dims gets
// L[E-e..E-1]. From then on an ellipsis dim is an ordinary letter that is always in the output.
inline einsum_spec parse_einsum(std::string_view s, const std::vector<int>& ndims) {
    const std::size_t arrow = s.find("->");
    const std::string_view lhs = s.substr(0, arrow);
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t comma = lhs.find(',', start);
        parts.push_back(lhs.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    // NumPy's words, though they read backwards: "more" when the string names more operands.
    if (parts.size() > ndims.size())
        throw value_error("more operands provided to einstein sum function than specified in the subscripts string");
    if (parts.size() < ndims.size())
        throw value_error("fewer operands provided to einstein sum function than specified in the subscripts string");
    std::vector<einsum_term> in;
    int ell = 0;  // E: the rank of the broadcast ellipsis
    for (std::size_t k = 0; k < parts.size(); ++k) {
        in.push_back(parse_einsum_term(parts[k], "operand " + std::to_string(k)));
        if (in[k].ellipsis == -1) continue;  // distinct_letters checks the rank of the others
        const int e = ndims[k] - static_cast<int>(in[k].letters.size());
        if (e < 0) throw value_error("einstein sum subscripts string contains too many subscripts for operand " + std::to_string(k));
        ell = std::max(ell, e);
    }
    std::string all;
    for (const auto& t : in) all += t.letters;
    einsum_term out;
    if (arrow != std::string_view::npos) {
        out = parse_einsum_term(s.substr(arrow + 2), "the output");
        for (std::size_t i = 0; i < out.letters.size(); ++i) {
            const char c = out.letters[i];
            if (out.letters.find(c, i + 1) != std::string::npos)
                throw value_error(std::string("einstein sum subscripts string includes output subscript '") + c + "' multiple times");
            if (all.find(c) == std::string::npos)
                throw value_error(std::string("einstein sum subscripts string included output subscript '") + c +
                                  "' which never appeared in an input");
        }
        // NumPy never sums the ellipsis dims away: an explicit output must name them.
        if (out.ellipsis == -1 && ell > 0)
            throw value_error("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis "
                              "provided to broadcast the extra dimensions.");
    } else {
        // NumPy's implicit output: the ellipsis dims, then the letters seen once, sorted (upper case first).
        for (char c : all)
            if (std::count(all.begin(), all.end(), c) == 1) out.letters += c;
        std::sort(out.letters.begin(), out.letters.end());
        out.ellipsis = 0;
    }
    einsum_spec r;
    for (const char* p = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"; *p && static_cast<int>(r.ellipsis.size()) < ell; ++p)
        if (all.find(*p) == std::string::npos) r.ellipsis += *p;
    // Never short: the letters of two operands (at most 2 * max_ndim) plus max_ndim fit in 52.
    if (static_cast<int>(r.ellipsis.size()) < ell) throw value_error("einsum: too many subscripts to spell out the ellipsis");
    auto spelled = [&](const einsum_term& t, int e) {
        std::string l = t.letters;
        if (t.ellipsis != -1) l.insert(static_cast<std::size_t>(t.ellipsis), r.ellipsis.substr(static_cast<std::size_t>(ell - e)));
        return l;
    };
    for (std::size_t k = 0; k < in.size(); ++k)
        r.inputs.push_back(spelled(in[k], in[k].ellipsis == -1 ? 0 : ndims[k] - static_cast<int>(in[k].letters.size())));
    r.output = spelled(out, ell);
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

// a without its axis d (an extent-1 axis: the same elements).
template <class T>
ndarray<T> drop_axis(const ndarray<T>& a, int d) {
    shape_t shape;
    strides_t strides;
    for (int i = 0; i < a.ndim(); ++i)
        if (i != d) {
            shape.push_back(a.shape()[i]);
            strides.push_back(a.strides()[i]);
        }
    return ndarray<T>(a.buffer(), shape, strides, a.offset());
}

// NumPy's error for ellipsis dims that do not broadcast: each operand (after its diagonals) and
// its axes in the order of NumPy's iterator, the output letters and then the others sorted.
[[noreturn]] inline void throw_einsum_broadcast_error(const shape_t& sa, const std::string& la, const shape_t& sb,
                                                      const std::string& lb, const std::string& out) {
    std::string rest;
    for (char c : la + lb)
        if (out.find(c) == std::string::npos && rest.find(c) == std::string::npos) rest += c;
    std::sort(rest.begin(), rest.end());
    const std::string iter = out + rest;
    // NumPy's convert_shape_to_string: leading newaxes are not printed, "(n,)" only for one axis.
    auto remapped = [&](const shape_t& s, const std::string& l) {
        std::string m;
        for (std::size_t i = 0; i < iter.size(); ++i) {
            const std::size_t at = l.find(iter[i]);
            if (at == std::string::npos && m.empty()) continue;
            m += (m.empty() ? "(" : ",") + (at == std::string::npos ? std::string("newaxis") : std::to_string(s[static_cast<int>(at)]));
        }
        return to_string(s) + "->" + (m.empty() ? "()" : m + (iter.size() == 1 ? ",)" : ")")) + " ";
    };
    throw shape_error("operands could not be broadcast together with remapped shapes [original->remapped]: " + remapped(sa, la) +
                      remapped(sb, lb));
}

// Broadcasts the ellipsis dims of two operands as NumPy does: equal extents stay batch axes, and
// an extent 1 against n is dropped from its operand, so that letter is free in the other (the
// same values as a stride-0 broadcast, without making the product copy one).
template <class R>
void broadcast_ellipsis(ndarray<R>& va, std::string& la, ndarray<R>& vb, std::string& lb, const einsum_spec& spec) {
    for (char c : spec.ellipsis) {
        const std::size_t ia = la.find(c), ib = lb.find(c);
        if (ia == std::string::npos || ib == std::string::npos) continue;
        const std::int64_t ea = va.shape()[static_cast<int>(ia)], eb = vb.shape()[static_cast<int>(ib)];
        if (ea != eb && ea != 1 && eb != 1) throw_einsum_broadcast_error(va.shape(), la, vb.shape(), lb, spec.output);
    }
    for (char c : spec.ellipsis) {
        const std::size_t ia = la.find(c), ib = lb.find(c);
        if (ia == std::string::npos || ib == std::string::npos) continue;
        const std::int64_t ea = va.shape()[static_cast<int>(ia)], eb = vb.shape()[static_cast<int>(ib)];
        if (ea == 1 && eb != 1) {
            va = drop_axis(va, static_cast<int>(ia));
            la.erase(ia, 1);
        } else if (eb == 1 && ea != 1) {
            vb = drop_axis(vb, static_cast<int>(ib));
            lb.erase(ib, 1);
        }
    }
}

}  // namespace detail

// np.einsum(subscripts, a).
template <class T>
ndarray<T> einsum(std::string_view subscripts, const ndarray<T>& a) {
    namespace d = detail;
    d::einsum_spec spec = d::parse_einsum(subscripts, {a.ndim()});
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
    d::einsum_spec spec = d::parse_einsum(subscripts, {a.ndim(), b.ndim()});
    std::string la = spec.inputs[0], lb = spec.inputs[1];
    const std::string& out = spec.output;
    ndarray<R> va = d::distinct_letters(d::as_dtype<R>(a), la, 0);
    ndarray<R> vb = d::distinct_letters(d::as_dtype<R>(b), lb, 1);
    d::broadcast_ellipsis(va, la, vb, lb, spec);
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
