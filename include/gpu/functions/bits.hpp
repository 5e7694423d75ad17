#pragma once
// Bits and digits, as NumPy's:
//   gpu::packbits(a, axis = none, bitorder = "big")    8 truth values per uint8 along the axis
//                                                      (the flattened array without one), the last
//                                                      byte padded with zeros
//   gpu::unpackbits(a, axis = none, count = none, bitorder = "big")   the inverse, uint8 input;
//                                                      count > 0 keeps that many bits (zero-padded
//                                                      past the end), count < 0 drops bits at the end
//   gpu::binary_repr(num, width = none)                a host string (two's complement with width)
//   gpu::base_repr(number, base = 2, padding = 0)      a host string
// packbits is one copy (the zero-padded input) and one fused reduction; unpackbits one fused
// kernel over a broadcast shift.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/manip/split.hpp"
#include "gpu/reductions/reduce.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {
namespace detail {

inline bool parse_bitorder(std::string_view order) {
    if (order == "big") return true;
    if (order == "little") return false;
    throw value_error("'order' must be either 'little' or 'big'");
}

// packbits along the last axis of a (any dtype NumPy takes: integers and bool).
template <class T>
ndarray<std::uint8_t> pack_last(const ndarray<T>& a, bool big) {
    shape_t padded = a.shape();
    const std::int64_t n = padded.back(), bytes = (n + 7) / 8;
    padded[padded.size() - 1] = bytes * 8;
    ndarray<bool> bits(padded, a.where());
    bits.assign(false);
    if (n > 0) axis_range_view(bits, bits.ndim() - 1, 0, n).assign(a != T(0));
    shape_t grouped = a.shape();
    grouped[grouped.size() - 1] = bytes;
    grouped.push_back(8);
    const executor_scope on(a.where());
    const index_leaf j(shape_t{8});  // bit position within a byte: shift 7 - j (big) or j (little)
    const auto weight = gpu::left_shift(std::int64_t{1}, std::int64_t{big ? 7 : 0} + std::int64_t{big ? -1 : 1} * j);
    return gpu::eval(gpu::sum(bits.reshape(grouped) * weight, -1).template astype<std::uint8_t>());
}

// unpackbits along the last axis of a (uint8), count bits kept.
inline ndarray<std::uint8_t> unpack_last(const ndarray<std::uint8_t>& a, std::optional<std::int64_t> count, bool big) {
    const std::int64_t n = a.shape().back(), bits = 8 * n;
    std::int64_t keep = bits;
    if (count) keep = *count >= 0 ? *count : std::max<std::int64_t>(0, bits + *count);
    const executor_scope on(a.where());
    const index_leaf j(shape_t{8});
    shape_t expanded = a.shape();
    expanded.push_back(1);
    const auto shift = (std::int64_t{big ? 7 : 0} + std::int64_t{big ? -1 : 1} * j).template astype<std::uint8_t>();
    const auto unpacked = gpu::right_shift(a.reshape(expanded), shift) & std::uint8_t{1};
    shape_t flat = a.shape();
    flat[flat.size() - 1] = bits;
    const ndarray<std::uint8_t> all = gpu::eval(unpacked).reshape(flat);
    shape_t out_shape = a.shape();
    out_shape[out_shape.size() - 1] = keep;
    ndarray<std::uint8_t> out(out_shape, a.where());
    if (keep > bits) out.assign(std::uint8_t{0});
    const std::int64_t common = keep < bits ? keep : bits;
    if (out.size() > 0 && common > 0)
        axis_range_view(out, out.ndim() - 1, 0, common).assign(axis_range_view(all, all.ndim() - 1, 0, common));
    return out;
}

}  // namespace detail

// np.packbits(a, axis=None, bitorder='big')
template <class T>
ndarray<std::uint8_t> packbits(const ndarray<T>& a, std::optional<std::int64_t> axis = std::nullopt,
                               std::string_view bitorder = "big") {
    static_assert(std::is_integral_v<T>, "Expected an input array of integer or boolean data type");
    const bool big = detail::parse_bitorder(bitorder);
    if (!axis) return detail::pack_last(a.ndim() == 1 ? a : gpu::eval(a).reshape(shape_t{a.size()}), big);
    const int ax = detail::normalize_axis(*axis, a.ndim());
    return gpu::eval(gpu::moveaxis(detail::pack_last(gpu::moveaxis(a, ax, -1), big), -1, ax));
}

// np.unpackbits(a, axis=None, count=None, bitorder='big')
template <class T>
ndarray<std::uint8_t> unpackbits(const ndarray<T>& a, std::optional<std::int64_t> axis = std::nullopt,
                                 std::optional<std::int64_t> count = std::nullopt, std::string_view bitorder = "big") {
    static_assert(std::is_same_v<T, std::uint8_t>, "Expected an input array of unsigned byte data type");
    const bool big = detail::parse_bitorder(bitorder);
    if (!axis) return detail::unpack_last(a.ndim() == 1 ? a : gpu::eval(a).reshape(shape_t{a.size()}), count, big);
    const int ax = detail::normalize_axis(*axis, a.ndim());
    return gpu::eval(gpu::moveaxis(detail::unpack_last(gpu::moveaxis(a, ax, -1), count, big), -1, ax));
}

// np.binary_repr(num, width=None): the binary digits; a negative num with a width is its two's
// complement in that many bits (more when they do not suffice, as NumPy, which warns then).
inline std::string binary_repr(std::int64_t num, std::optional<int> width = std::nullopt) {
    auto bin = [](std::uint64_t v) {
        std::string s;
        for (; v; v >>= 1) s.insert(s.begin(), char('0' + (v & 1)));
        return s;
    };
    auto pad = [](std::string s, std::size_t w, char c) { return s.size() >= w ? s : std::string(w - s.size(), c) + s; };
    if (num == 0) return std::string(width ? static_cast<std::size_t>(std::max(*width, 1)) : 1, '0');
    if (num > 0) return pad(bin(static_cast<std::uint64_t>(num)), width ? static_cast<std::size_t>(*width) : 0, '0');
    const std::uint64_t mag = std::uint64_t{0} - static_cast<std::uint64_t>(num);
    if (!width) return "-" + bin(mag);
    // The fewest bits holding num in two's complement, then sign-extended to width.
    std::size_t bits = bin(mag).size();
    if ((mag & (mag - 1)) == 0) --bits;  // -2^k needs k + 1 bits, not k + 2
    const std::string twos = bits >= 63 ? bin(mag) : bin((std::uint64_t{1} << (bits + 1)) - mag);  // int64's minimum: itself
    return pad(twos, static_cast<std::size_t>(*width), '1');
}

// np.base_repr(number, base=2, padding=0)
inline std::string base_repr(std::int64_t number, int base = 2, int padding = 0) {
    if (base > 36) throw value_error("Bases greater than 36 not handled in base_repr.");
    if (base < 2) throw value_error("Bases less than 2 not handled in base_repr.");
    constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::uint64_t v = number < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(number) : static_cast<std::uint64_t>(number);
    std::string s;
    for (; v; v /= static_cast<std::uint64_t>(base)) s.insert(s.begin(), digits[v % static_cast<std::uint64_t>(base)]);
    if (padding > 0) s.insert(0, static_cast<std::size_t>(padding), '0');
    if (s.empty()) s = "0";
    return number < 0 ? "-" + s : s;
}

}  // namespace gpu
