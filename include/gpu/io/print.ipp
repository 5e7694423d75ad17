#pragma once
// Definitions for io/print.hpp (see core/inline.hpp): NumPy's float, integer and bool formats
// and its _formatArray. Separately compiled, format_array is instantiated here for every dtype.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/core/dtype.hpp"
#include "gpu/io/print.hpp"

namespace gpu {
namespace detail {

// Where float16 values are computed for printing: float, exactly.
template <class F> using print_float_t = std::conditional_t<std::is_same_v<F, float16>, float, F>;

// NumPy's default print options (np.get_printoptions()).
inline constexpr int print_precision = 8;
inline constexpr std::int64_t print_threshold = 1000;
inline constexpr std::int64_t print_edgeitems = 3;
inline constexpr std::size_t print_linewidth = 75;

// std::to_chars into a string. The buffer fits any fixed-notation double, which can run to
// 300+ digits before the point.
template <class F, class... Args>
std::string chars_of(F x, Args... args) {
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, args...);
    return std::string(buf, r.ptr);
}

// float16 (NumPy's Dragon4 in half precision): the shortest digits that round-trip in float16,
// as the double those digits spell, whose own shortest digits are the same; cut to a precision,
// the exact value rounds, as Dragon4 rounds it.
inline double shortest_half_value(float16 x) {
    const double d = static_cast<double>(x);
    if (d == 0 || d != d || d - d != 0) return d;
    for (int p = 0; p < 17; ++p) {
        const std::string s = chars_of(d, std::chars_format::scientific, p);
        double back = 0;
        std::from_chars(s.data(), s.data() + s.size(), back);
        if (float16(back).bits == x.bits) return back;
    }
    return d;
}
inline std::string chars_of(float16 x, std::chars_format f) { return chars_of(shortest_half_value(x), f); }
inline std::string chars_of(float16 x, std::chars_format f, int precision) {
    return chars_of(static_cast<double>(x), f, precision);
}

// The float operations the formats use, for float, double and float16 alike.
template <class F> print_float_t<F> real_value(F x) { return static_cast<print_float_t<F>>(x); }
template <class F> bool is_nan_(F x) { return std::isnan(real_value(x)); }
template <class F> bool is_inf_(F x) { return std::isinf(real_value(x)); }
template <class F> bool is_finite_(F x) { return std::isfinite(real_value(x)); }
template <class F> F abs_(F x) { return F(std::fabs(real_value(x))); }

inline void strip_trailing_zeros(std::string& s) {
    if (s.find('.') == std::string::npos) return;
    while (s.back() == '0') s.pop_back();
}

// Dragon4 "unique" positional digits: the shortest string that round-trips in F (so float32
// keeps float32 precision), cut to max_frac digits after the point (rounded) when that is
// shorter; max_frac < 0 means no cut. Always has a point: "1.", "-0.", "2.25".
template <class F>
std::string positional_digits(F x, int max_frac) {
    std::string s = chars_of(x, std::chars_format::fixed);
    const auto dot = s.find('.');
    if (max_frac >= 0 && dot != std::string::npos && static_cast<int>(s.size() - dot - 1) > max_frac) {
        s = chars_of(x, std::chars_format::fixed, max_frac);
        strip_trailing_zeros(s);
    }
    if (s.find('.') == std::string::npos) s += '.';
    return s;
}

// The same in scientific notation, split into mantissa ("1.5", "1.") and exponent ("+05").
template <class F>
std::pair<std::string, std::string> scientific_digits(F x, int max_frac) {
    std::string s = chars_of(x, std::chars_format::scientific);
    auto e = s.find('e');
    const auto dot = s.find('.');
    if (max_frac >= 0 && dot != std::string::npos && static_cast<int>(e - dot - 1) > max_frac) {
        s = chars_of(x, std::chars_format::scientific, max_frac);
        e = s.find('e');
    }
    std::string mantissa = s.substr(0, e);
    strip_trailing_zeros(mantissa);
    if (mantissa.find('.') == std::string::npos) mantissa += '.';
    return {mantissa, s.substr(e + 1)};
}

inline std::string pad_left(std::string s, std::size_t width) {
    return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// str() of a NumPy float scalar, which is what a 0-d array prints: all the unique digits, with
// scientific notation outside [1e-4, 1e16) (float32: [1e-4, 1e6)). NumPy compares in long double.
template <class F>
std::string format_float_scalar(F x) {
    if (is_nan_(x)) return "nan";
    if (is_inf_(x)) return real_value(x) < 0 ? "-inf" : "inf";
    const long double a = std::fabs(static_cast<long double>(real_value(x)));
    const long double max_positional = std::is_same_v<F, float16> ? 1e3L : std::is_same_v<F, float> ? 1e6L : 1e16L;
    if (real_value(x) == 0 || (a < max_positional && a >= 1e-4L)) {
        std::string s = positional_digits(x, -1);
        return s.back() == '.' ? s + '0' : s;
    }
    auto [mantissa, exponent] = scientific_digits(x, -1);
    if (mantissa.back() == '.') mantissa.pop_back();
    return mantissa + 'e' + exponent;
}

// NumPy's FloatingFormat (floatmode 'maxprec', sign '-', suppress False): one layout shared by
// all printed elements so that the decimal points line up.
template <class F>
class float_format {
public:
    // plus: NumPy's sign='+' (a '+' before non-negative values), used for imaginary parts.
    explicit float_format(const std::vector<F>& values, bool plus = false) : plus_(plus) {
        std::vector<F> finite;
        bool non_finite = false, neg_inf = false;
        for (F x : values) {
            if (is_finite_(x)) finite.push_back(x);
            else non_finite = true, neg_inf = neg_inf || (is_inf_(x) && real_value(x) < 0);
        }
        // Scientific notation is chosen from the non-zero finite magnitudes; NumPy compares
        // in F, so these constants are rounded to F as NumPy rounds its Python floats.
        F max_abs = F(0), min_abs = F(std::numeric_limits<float>::infinity());
        for (F x : finite)
            if (real_value(x) != 0) max_abs = std::max(max_abs, abs_(x)), min_abs = std::min(min_abs, abs_(x));
        if (real_value(max_abs) > 0) {
            // 10 ** min(8, finfo(F).precision): float32 switches at 1e6 (NumPy >= 2.3), float16
            // at 1e3. The ratio is computed in F (float16 division rounds to float16).
            const F cutoff = std::is_same_v<F, float16> ? F(1e3) : std::is_same_v<F, float> ? F(1e6) : F(1e8);
            exp_ = !(max_abs < cutoff) || min_abs < F(0.0001) || F(1000) < max_abs / min_abs;
        }
        for (F x : finite) {
            const int sign = plus_ && !std::signbit(real_value(x)) ? 1 : 0;
            if (exp_) {
                const auto [mantissa, exponent] = scientific_digits(x, print_precision);
                const auto dot = mantissa.find('.');
                pad_left_ = std::max(pad_left_, static_cast<int>(dot) + sign);
                precision_ = std::max(precision_, static_cast<int>(mantissa.size() - dot - 1));
                exp_size_ = std::max(exp_size_, static_cast<int>(exponent.size()) - 1);
            } else {
                const std::string s = positional_digits(x, print_precision);
                const auto dot = s.find('.');
                pad_left_ = std::max(pad_left_, static_cast<int>(dot) + sign);
                pad_right_ = std::max(pad_right_, static_cast<int>(s.size() - dot - 1));
            }
        }
        if (exp_) pad_right_ = exp_size_ + 2 + precision_;  // only used to size nan/inf
        // nan and inf are right-aligned in the full field, which they may widen.
        if (non_finite) {
            const int offset = pad_right_ + 1;
            pad_left_ = std::max({pad_left_, 3 - offset, 3 + (neg_inf || plus_ ? 1 : 0) - offset});
        }
    }

    std::string operator()(F x) const {
        if (!is_finite_(x)) {
            const char* word = is_nan_(x) ? (plus_ ? "+nan" : "nan") : real_value(x) < 0 ? "-inf" : plus_ ? "+inf" : "inf";
            return pad_left(word, static_cast<std::size_t>(pad_left_ + pad_right_ + 1));
        }
        std::string s;
        if (exp_) {
            // Every element gets the same number of digits; extra ones are the value's own.
            std::string m = chars_of(x, std::chars_format::scientific, precision_);
            const auto e = m.find('e');
            std::string exponent = m.substr(e + 2);
            if (static_cast<int>(exponent.size()) < exp_size_)
                exponent.insert(0, static_cast<std::size_t>(exp_size_) - exponent.size(), '0');
            s = m.substr(0, e);
            if (precision_ == 0) s += '.';
            s += 'e' + m.substr(e + 1, 1) + exponent;
        } else {
            s = positional_digits(x, print_precision);
            s.append(static_cast<std::size_t>(pad_right_) - (s.size() - s.find('.') - 1), ' ');
        }
        if (plus_ && !std::signbit(real_value(x))) s.insert(0, 1, '+');
        const int int_len = static_cast<int>(s.find('.'));
        return int_len < pad_left_ ? std::string(static_cast<std::size_t>(pad_left_ - int_len), ' ') + s : s;
    }

private:
    bool plus_ = false;
    bool exp_ = false;
    int pad_left_ = 0, pad_right_ = 0, precision_ = 0, exp_size_ = -1;
};

// NumPy's IntegerFormat: right-aligned to the widest of the largest and smallest value.
template <class I>
class int_format {
public:
    explicit int_format(const std::vector<I>& values) {
        if (values.empty()) return;
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        width_ = std::max(to_str(*lo).size(), to_str(*hi).size());
    }
    std::string operator()(I x) const { return pad_left(to_str(x), width_); }
    // Through a 64-bit type so int8/uint8 print as numbers, not characters.
    static std::string to_str(I x) {
        if constexpr (std::is_signed_v<I>) return std::to_string(static_cast<long long>(x));
        else return std::to_string(static_cast<unsigned long long>(x));
    }

private:
    std::size_t width_ = 0;
};

// NumPy's BoolFormat: " True" so that it lines up with "False".
struct bool_format {
    explicit bool_format(const std::vector<bool>&) {}
    std::string operator()(bool x) const { return x ? " True" : "False"; }
};

template <class T> struct real_type { using type = T; };
template <class F> struct real_type<std::complex<F>> { using type = F; };

// ml_dtypes' bfloat16 is not a NumPy float: NumPy prints each element with the scalar's str(),
// which ml_dtypes writes as C++'s `ostream << float` (6 significant digits), without padding.
inline std::string bfloat16_str(bfloat16 x) {
    const float f = static_cast<float>(x);
    if (f != f) return "nan";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", f);
    return buf;
}
struct bfloat16_format {
    explicit bfloat16_format(const std::vector<bfloat16>&) {}
    std::string operator()(bfloat16 x) const { return bfloat16_str(x); }
};

// NumPy's ComplexFloatingFormat: the real parts formatted together, the imaginary parts together
// with a sign, and 'j' before the imaginary part's padding.
template <class F>
class complex_format {
public:
    explicit complex_format(const std::vector<std::complex<F>>& values)
        : re_(parts(values, 0), false), im_(parts(values, 1), true) {}
    std::string operator()(std::complex<F> z) const {
        std::string i = im_(z.imag());
        const std::size_t end = i.find_last_not_of(' ') + 1;
        i.insert(end, 1, 'j');
        return re_(z.real()) + i;
    }

private:
    static std::vector<F> parts(const std::vector<std::complex<F>>& v, int k) {
        std::vector<F> out;
        for (const auto& z : v) out.push_back(k == 0 ? z.real() : z.imag());
        return out;
    }
    float_format<F> re_, im_;
};

// str() of a NumPy complex scalar: "2j" when the real part is +0, else "(1+2j)"; each part as the
// float scalar, without a trailing ".0".
template <class F>
std::string format_complex_scalar(std::complex<F> z) {
    auto part = [](F x, bool plus) {
        std::string s = format_float_scalar(x);
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        if (plus && !std::signbit(x)) s.insert(0, 1, '+');
        return s;
    };
    if (z.real() == 0 && !std::signbit(z.real())) return part(z.imag(), false) + "j";
    return "(" + part(z.real(), false) + part(z.imag(), true) + "j)";
}

template <class T>
inline constexpr bool printed_as_float_v = std::is_floating_point_v<T> || std::is_same_v<T, float16>;

template <class T>
using element_format_t = std::conditional_t<
    std::is_same_v<T, bool>, bool_format,
    std::conditional_t<printed_as_float_v<T>, float_format<T>,
                       std::conditional_t<std::is_same_v<T, bfloat16>, bfloat16_format,
                                          std::conditional_t<is_complex(dtype_of_v<T>), complex_format<typename real_type<T>::type>,
                                                             int_format<T>>>>>;

// NumPy's _formatArray: nested brackets, "..." in place of the middle of each axis longer than
// 2 * edgeitems when the array is summarized, and rows wrapped at the line width.
template <class T>
class array_printer {
public:
    array_printer(const T* data, const shape_t& shape)
        : data_(data), shape_(shape), strides_(c_strides(shape)), summarize_(size_of(shape) > print_threshold),
          format_(shown_values()) {}

    std::string print() const { return recurse(0, 0, " ", print_linewidth); }

private:
    bool summarized(int axis) const { return summarize_ && 2 * print_edgeitems < shape_[axis]; }

    // The layout depends only on the elements that are shown, as in NumPy.
    std::vector<T> shown_values() const {
        std::vector<T> out;
        collect(0, 0, out);
        return out;
    }
    void collect(int axis, std::int64_t offset, std::vector<T>& out) const {
        if (axis == shape_.size()) return out.push_back(data_[offset]);
        const std::int64_t n = shape_[axis];
        for (std::int64_t i = 0; i < n; ++i) {
            if (summarized(axis) && i == print_edgeitems) i = n - print_edgeitems;
            collect(axis + 1, offset + i * strides_[axis], out);
        }
    }

    // indent: the hanging indent (one space per enclosing '['); width: the line width left
    // after the closing brackets of the enclosing axes.
    std::string recurse(int axis, std::int64_t offset, const std::string& indent, std::size_t width) const {
        if (axis == shape_.size()) return format_(data_[offset]);
        const std::int64_t n = shape_[axis];
        const bool summary = summarized(axis);
        const std::int64_t lead = summary ? print_edgeitems : 0, trail = summary ? print_edgeitems : n;
        const std::string next_indent = indent + ' ';
        auto item = [&](std::int64_t i) {
            return recurse(axis + 1, offset + i * strides_[axis], next_indent, width - 1);
        };

        std::string s;
        if (axis == shape_.size() - 1) {
            const std::size_t elem_width = width - 1;  // leave room for this row's ']'
            std::string line = indent;
            // Wrap before a word that would overflow, unless the line holds nothing yet.
            auto extend = [&](const std::string& word) {
                if (line.size() + word.size() > elem_width && line.size() > indent.size()) {
                    line.erase(line.find_last_not_of(' ') + 1);
                    s += line + '\n';
                    line = indent;
                }
                line += word;
            };
            for (std::int64_t i = 0; i < lead; ++i) extend(item(i)), line += ' ';
            if (summary) extend("..."), line += ' ';
            for (std::int64_t i = n - trail; i < n - 1; ++i) extend(item(i)), line += ' ';
            extend(item(n - 1));
            s += line;
        } else {
            // Sub-arrays are separated by one newline, plus one blank line per extra axis.
            const std::string sep(static_cast<std::size_t>(shape_.size() - 1 - axis), '\n');
            for (std::int64_t i = 0; i < lead; ++i) s += indent + item(i) + sep;
            if (summary) s += indent + "..." + sep;
            for (std::int64_t i = n - trail; i < n - 1; ++i) s += indent + item(i) + sep;
            s += indent + item(n - 1);
        }
        return '[' + s.substr(indent.size()) + ']';
    }

    const T* data_;
    const shape_t& shape_;
    strides_t strides_;
    bool summarize_;
    element_format_t<T> format_;
};

template <class T>
std::string format_array(const T* data, const shape_t& shape) {
    static_assert(is_dtype_v<T>, "gpu::detail::format_array: T must be a gpu dtype");
    if (shape.empty()) {  // a 0-d array prints as its scalar
        if constexpr (std::is_same_v<T, bool>) return data[0] ? "True" : "False";
        else if constexpr (printed_as_float_v<T>) return format_float_scalar(data[0]);
        else if constexpr (std::is_same_v<T, bfloat16>) return bfloat16_str(data[0]);
        else if constexpr (is_complex(dtype_of_v<T>)) return format_complex_scalar(data[0]);
        else return int_format<T>::to_str(data[0]);
    }
    if (size_of(shape) == 0) return "[]";
    return array_printer<T>(data, shape).print();
}

#if defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#define GPU_ND_INSTANTIATE_FORMAT(T) template std::string format_array<T>(const T*, const shape_t&);
GPU_ND_PRINTED_DTYPES(GPU_ND_INSTANTIATE_FORMAT)
#undef GPU_ND_INSTANTIATE_FORMAT
#endif

}  // namespace detail
}  // namespace gpu
