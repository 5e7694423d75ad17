#pragma once
// Helpers of the sorting tests for float16 / bfloat16 and complex values (tests/support.hpp
// compares real dtypes): half values read as floats, complex values compared part by part.
#include "support.hpp"

#include <complex>
#include <cstdint>
#include <cstring>
#include <vector>

namespace gpu_test {

// Half values as floats (exact).
template <class H>
std::vector<float> floats_of(const gpu::ndarray<H>& a) {
    std::vector<float> out;
    for (H x : values_of(a)) out.push_back(static_cast<float>(x));
    return out;
}

// A vector of T made from doubles (T(x): rounded as NumPy's astype).
template <class T>
std::vector<T> of_doubles(const std::vector<double>& v) {
    std::vector<T> out;
    for (double x : v) out.push_back(T(x));
    return out;
}

// Complex values: parts compared as expect_values compares floats (NaN equals NaN).
template <class C>
void expect_complex(const std::vector<C>& got, const std::vector<std::complex<double>>& want) {
    ASSERT_EQ(got.size(), want.size()) << "element counts differ";
    using F = typename C::value_type;
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_TRUE(same_value<F>(got[i].real(), F(want[i].real())) && same_value<F>(got[i].imag(), F(want[i].imag())))
            << "element " << i << ": got " << got[i] << ", expected " << want[i];
}

// Bits of each value (each part of a complex one), every NaN one pattern: the GPU sorts halves
// as float32 and rounds back, which keeps a NaN but not its payload.
template <class T>
std::vector<std::uint64_t> canonical_bits(const std::vector<T>& v) {
    std::vector<std::uint64_t> out;
    auto put = [&](auto x) {
        if (x != x) return out.push_back(~std::uint64_t{0});
        std::uint64_t b = 0;
        std::memcpy(&b, &x, sizeof x);
        out.push_back(b);
    };
    for (const T& x : v) {
        if constexpr (gpu::is_complex(gpu::dtype_of_v<T>)) put(x.real()), put(x.imag());
        else put(static_cast<float>(x));
    }
    return out;
}

}  // namespace gpu_test
