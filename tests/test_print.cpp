// operator<< for host_array (gpu/io/print.hpp) against NumPy 2.x str(arr) output.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "gpu/io/print.hpp"

namespace {

template <class T>
std::string str(const std::vector<T>& values, gpu::shape_t shape) {
    std::ostringstream os;
    os << gpu::host_array<T>(std::move(shape), std::span<const T>(values.data(), values.size()));
    return os.str();
}

// host_array<bool> takes a span<const bool>, which std::vector<bool> cannot give.
std::string str_bool(std::initializer_list<bool> values, gpu::shape_t shape) {
    const std::vector<std::uint8_t> bytes(values.begin(), values.end());
    std::ostringstream os;
    os << gpu::host_array<bool>(std::move(shape),
                                std::span<const bool>(reinterpret_cast<const bool*>(bytes.data()), bytes.size()));
    return os.str();
}

template <class T>
std::vector<T> iota(std::int64_t n) {
    std::vector<T> v(static_cast<std::size_t>(n));
    std::iota(v.begin(), v.end(), T(0));
    return v;
}

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();

}  // namespace

TEST(Print, ZeroDim) {
    EXPECT_EQ(str<float>({3.5f}, {}), "3.5");
    EXPECT_EQ(str_bool({true}, {}), "True");
    EXPECT_EQ(str<double>({-0.0}, {}), "-0.0");
    EXPECT_EQ(str<double>({1e16}, {}), "1e+16");
    EXPECT_EQ(str<double>({1e-5}, {}), "1e-05");
    EXPECT_EQ(str<double>({2.0}, {}), "2.0");
    EXPECT_EQ(str<double>({k_nan}, {}), "nan");
    EXPECT_EQ(str<double>({-k_inf}, {}), "-inf");
    EXPECT_EQ(str<std::int8_t>({-5}, {}), "-5");
    EXPECT_EQ(str<float>({1.0f / 3}, {}), "0.33333334");
}

TEST(Print, Empty) {
    EXPECT_EQ(str<float>({}, {0}), "[]");
    EXPECT_EQ(str<double>({}, {0, 3}), "[]");
    EXPECT_EQ(str<std::int32_t>({}, {1, 0}), "[]");
    std::ostringstream os;
    os << gpu::host_array<double>();
    EXPECT_EQ(os.str(), "[]");
}

TEST(Print, Integers) {
    EXPECT_EQ(str<std::int32_t>({1, 2, 3}, {3}), "[1 2 3]");
    EXPECT_EQ(str<std::uint8_t>({255, 0}, {2}), "[255   0]");
    EXPECT_EQ(str<std::int8_t>({-128, 127, 0}, {3}), "[-128  127    0]");
    using i64_limits = std::numeric_limits<std::int64_t>;
    EXPECT_EQ(str<std::int64_t>({i64_limits::min(), i64_limits::max()}, {2}),
              "[-9223372036854775808  9223372036854775807]");
    EXPECT_EQ(str<std::uint64_t>({std::numeric_limits<std::uint64_t>::max(), 1}, {2}),
              "[18446744073709551615                    1]");
    EXPECT_EQ(str(iota<std::int64_t>(24), {2, 3, 4}),
              "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n"
              " [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]");
}

TEST(Print, Bools) {
    EXPECT_EQ(str_bool({true, false}, {2}), "[ True False]");
    EXPECT_EQ(str_bool({false, false}, {2}), "[False False]");
    EXPECT_EQ(str_bool({true, true}, {2, 1}), "[[ True]\n [ True]]");
}

TEST(Print, Floats) {
    EXPECT_EQ(str<float>({1.5f, 2, 3, 4}, {2, 2}), "[[1.5 2. ]\n [3.  4. ]]");
    EXPECT_EQ(str<double>({1.0, 2.0}, {2}), "[1. 2.]");
    EXPECT_EQ(str<double>({-1.0, 2.25}, {2}), "[-1.    2.25]");
    EXPECT_EQ(str<float>({1.0f / 3, 2.0f / 3}, {2}), "[0.33333334 0.6666667 ]");
    EXPECT_EQ(str<double>({1.0 / 3, 2.0 / 3}, {2}), "[0.33333333 0.66666667]");
    EXPECT_EQ(str<double>({k_nan, k_inf, -k_inf, 1.0}, {4}), "[ nan  inf -inf   1.]");
    EXPECT_EQ(str<double>({0.0, -0.0}, {2}), "[ 0. -0.]");
}

TEST(Print, Scientific) {
    EXPECT_EQ(str<double>({0.1, 1e10, 1}, {3}), "[1.e-01 1.e+10 1.e+00]");
    EXPECT_EQ(str<double>({1e-5, 1.0}, {2}), "[1.e-05 1.e+00]");
    EXPECT_EQ(str<double>({1e8, 1.0}, {2}), "[1.e+08 1.e+00]");
    EXPECT_EQ(str<double>({1e16, 1.0}, {2}), "[1.e+16 1.e+00]");
}

TEST(Print, Summarized) {
    EXPECT_EQ(str(iota<float>(2000), {2000}), "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]");
    EXPECT_EQ(str(iota<std::int64_t>(1200), {40, 30}),
              "[[   0    1    2 ...   27   28   29]\n [  30   31   32 ...   57   58   59]\n"
              " [  60   61   62 ...   87   88   89]\n ...\n [1110 1111 1112 ... 1137 1138 1139]\n"
              " [1140 1141 1142 ... 1167 1168 1169]\n [1170 1171 1172 ... 1197 1198 1199]]");
    EXPECT_EQ(str(iota<std::int64_t>(1001), {1001}), "[   0    1    2 ...  998  999 1000]");
}

// The expected strings below are NumPy 2.5.2's output, except where a comment says otherwise.

TEST(Print, LineWrapping) {
    // Each element reserves room for the row's closing ']', so 24 fit on a line, not 25.
    EXPECT_EQ(str(iota<std::int64_t>(30), {30}),
              "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]");
    EXPECT_EQ(str(iota<std::int64_t>(100), {100}),
              "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
              " 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47\n"
              " 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71\n"
              " 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95\n"
              " 96 97 98 99]");
}

TEST(Print, SummarizedMore) {
    EXPECT_EQ(str(iota<double>(1001), {1001}), "[   0.    1.    2. ...  998.  999. 1000.]");
    EXPECT_EQ(str(iota<std::int64_t>(3000), {1, 3000}), "[[   0    1    2 ... 2997 2998 2999]]");
    EXPECT_EQ(str(iota<std::int64_t>(3000), {3000, 1}), "[[   0]\n [   1]\n [   2]\n ...\n [2997]\n [2998]\n [2999]]");
}

TEST(Print, FloatEdgeCases) {
    // float32 switches to scientific notation at 1e6 (10 ** finfo(float32).precision).
    EXPECT_EQ(str<float>({1e6f, 1}, {2}), "[1.e+06 1.e+00]");
    EXPECT_EQ(str<float>({999999.f, 1}, {2}), "[9.99999e+05 1.00000e+00]");
    EXPECT_EQ(str<double>({12345678.9}, {1}), "[12345678.9]");
    EXPECT_EQ(str<double>({123456789.123}, {1}), "[1.23456789e+08]");
    // Digits beyond the shortest repr are the value's own (float32 0.1 is 0.100000001...).
    EXPECT_EQ(str<float>({0.1f, 1.2345678e-5f}, {2}), "[1.0000000e-01 1.2345678e-05]");
    EXPECT_EQ(str<double>({0.1, 1.23456789e-5}, {2}), "[1.00000000e-01 1.23456789e-05]");
    EXPECT_EQ(str<double>({1e300, 1e-300}, {2}), "[1.e+300 1.e-300]");
    EXPECT_EQ(str<double>({5e-324, 1}, {2}), "[5.e-324 1.e+000]");
    EXPECT_EQ(str<double>({1e100, 1.5}, {2}), "[1.0e+100 1.5e+000]");
    EXPECT_EQ(str<double>({1000.5, 0.5}, {2}), "[1.0005e+03 5.0000e-01]");
    EXPECT_EQ(str<double>({0.1 + 0.2, 1}, {2}), "[0.3 1. ]");
    EXPECT_EQ(str<double>({3.14159265358979, -2.5}, {2}), "[ 3.14159265 -2.5       ]");
    EXPECT_EQ(str<double>({1.000000001, 2}, {2}), "[1. 2.]");
    EXPECT_EQ(str<double>({k_nan, k_inf}, {2}), "[nan inf]");
    EXPECT_EQ(str<double>({k_nan, -k_inf}, {2}), "[ nan -inf]");
    EXPECT_EQ(str<double>({k_inf, 1e20}, {2}), "[   inf 1.e+20]");
    EXPECT_EQ(str<float>({1e-5f, 0.5f, float(k_nan), -float(k_inf)}, {4}), "[1.e-05 5.e-01    nan   -inf]");
    EXPECT_EQ(str<double>({1e-10, 1, k_nan, 3}, {2, 2}), "[[1.e-10 1.e+00]\n [   nan 3.e+00]]");
    EXPECT_EQ(str<double>({-0.0, 0.0}, {2}), "[-0.  0.]");
}

TEST(Print, FloatScalars) {
    // A 0-d array prints like a NumPy scalar: all unique digits, scientific outside
    // [1e-4, 1e16), or [1e-4, 1e6) for float32.
    EXPECT_EQ(str<float>({1e-4f}, {}), "1e-04");
    EXPECT_EQ(str<float>({1e6f}, {}), "1e+06");
    EXPECT_EQ(str<float>({999999.9f}, {}), "999999.9");
    EXPECT_EQ(str<float>({16777216.f}, {}), "1.6777216e+07");
    EXPECT_EQ(str<float>({1.5e-5f}, {}), "1.5e-05");
    EXPECT_EQ(str<float>({0.1f}, {}), "0.1");
    EXPECT_EQ(str<float>({0.0f}, {}), "0.0");
    EXPECT_EQ(str<double>({9.999e15}, {}), "9999000000000000.0");
    EXPECT_EQ(str<double>({1180591620717411303424.0}, {}), "1.1805916207174113e+21");
    EXPECT_EQ(str<double>({1e-300}, {}), "1e-300");
    EXPECT_EQ(str<double>({123.25}, {}), "123.25");
}

// Derived from NumPy's alignment rules (pad to the widest integer and fraction parts).
TEST(Print, FormatArrayDirect) {
    const std::vector<double> v{1.5, -2, 3, 4};
    EXPECT_EQ(gpu::detail::format_array(v.data(), gpu::shape_t{2, 2}), "[[ 1.5 -2. ]\n [ 3.   4. ]]");
}
