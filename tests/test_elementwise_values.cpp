// Values of element-wise operations against NumPy 2.5.2 (tools/numpy_facts.txt, made by
// tools/numpy_facts.py) and against plain arithmetic: + - * / % // ** unary -, abs, comparisons,
// && || !, & | ^ ~ << >>, the float functions, minimum/maximum, where, clip, astype, a fused
// expression against a hand loop, gpu::eval's result dtype and expressions that own their
// operands. Every check runs on every executor of gpu_test::test_executors().
//
// Compile time: each distinct expression type that is evaluated costs 0.6 s or more of -O3 host
// compile time (its kernel-source generator, host loop and launcher are instantiated), so the
// checks of many operations are packed into a few "operation table" expressions: a selector
// column of shape (rows, 1) picks operation k for row k through nested gpu::where, and the
// operands of shape (n,) broadcast over the rows. The NumPy edge cases reuse the same table types
// with a selector of shape (1,) that picks one operation, so they cost no extra compile time.
// (This file: about 45 s with g++ 12 -O3 on a 2-core machine.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "support.hpp"

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

using i8 = std::int8_t;
using i32 = std::int32_t;
using i64 = std::int64_t;
using u8 = std::uint8_t;
using u64 = std::uint64_t;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();

// A selector array: shape (rows.size(), 1) to give row r operation rows[r], or shape (1,) for one
// operation over the whole operand.
gpu::ndarray<i32> selector_column(const std::vector<i32>& rows) {
    return make<i32>(rows, {static_cast<std::int64_t>(rows.size()), 1});
}
gpu::ndarray<i32> selector_one(int which) { return make<i32>({which}, {1}); }

std::vector<i32> all_rows(int n) {
    std::vector<i32> v(n);
    for (int i = 0; i < n; ++i) v[i] = i;
    return v;
}

// Checks row r of a (rows x n) result against expected[r], naming the operation on failure.
template <class T>
void expect_rows(const std::vector<T>& got, const std::vector<std::vector<T>>& expected, const char* const* names,
                 double rtol = gpu_test::default_rtol<T>()) {
    const std::size_t n = expected.empty() ? 0 : expected[0].size();
    ASSERT_EQ(got.size(), expected.size() * n);
    for (std::size_t r = 0; r < expected.size(); ++r) {
        SCOPED_TRACE(std::string("operation ") + names[r]);
        expect_values<T>(std::vector<T>(got.begin() + r * n, got.begin() + (r + 1) * n), expected[r], rtol);
    }
}

// ---- the arithmetic table: operations whose result has the operands' dtype T ----------------------

namespace op {
constexpr int add = 0, sub = 1, mul = 2, truediv2 = 3, floordiv = 4, mod = 5, pow = 6, max = 7, min = 8, neg = 9,
              abs = 10, scalars = 11, clip = 12, count = 13;
}
constexpr const char* op_names[] = {
    "a + b",         "a - b",         "a * b",         "(a / b * 2).astype<T>()", "floor_divide(a, b)",
    "a % b",         "power(a, b)",   "maximum(a, c)", "minimum(a, c)",           "-a",
    "abs(b - a)",    "1 + a * 2 - b", "clip(a, lo, hi)"};
static_assert(std::size(op_names) == op::count);

template <class T>
auto arithmetic_table(const gpu::ndarray<i32>& s, const gpu::ndarray<T>& a, const gpu::ndarray<T>& b,
                      const gpu::ndarray<T>& c, long long lo, long long hi) {
    using gpu::where;
    return where(s == op::add, a + b,
           where(s == op::sub, a - b,
           where(s == op::mul, a * b,
           where(s == op::truediv2, (a / b * 2).template astype<T>(),
           where(s == op::floordiv, gpu::floor_divide(a, b),
           where(s == op::mod, a % b,
           where(s == op::pow, gpu::power(a, where(s == op::pow, b, 0)),  // NumPy checks every exponent
           where(s == op::max, gpu::maximum(a, c),
           where(s == op::min, gpu::minimum(a, c),
           where(s == op::neg, -a,
           where(s == op::abs, gpu::abs(b - a),
           where(s == op::scalars, 1 + a * 2 - b,
                 gpu::clip(a, lo, hi)))))))))))));
}

// One operation of the table over whole operands (b and c default to a).
template <class T>
std::vector<T> arith(int which, const std::vector<T>& a, std::vector<T> b = {}, std::vector<T> c = {},
                     long long lo = 0, long long hi = 0) {
    if (b.empty()) b = a;
    if (c.empty()) c = a;
    return values_of(arithmetic_table<T>(selector_one(which), make<T>(a), make<T>(b), make<T>(c), lo, hi));
}

template <class T>
class ArithmeticTable : public ::testing::Test {};
TYPED_TEST_SUITE(ArithmeticTable, gpu_test::numeric_dtypes, gpu_test::dtype_names);

// Small non-negative values valid for every dtype (a >= b, so a - b fits unsigned types; no
// result exceeds 127). Expected values are plain arithmetic in long long, converted to T the way
// NumPy wraps (modulo 2^bits) or exactly for floats.
TYPED_TEST(ArithmeticTable, EveryOperationOnEveryDtype) {
    using T = TypeParam;
    const std::vector<long long> a{1, 3, 5, 7, 9, 12}, b{1, 2, 2, 2, 2, 1}, c{1, 5, 4, 9, 9, 12};
    const long long lo = 2, hi = 6;
    const std::size_t n = a.size();
    std::vector<std::vector<T>> expected(op::count, std::vector<T>(n));
    for (std::size_t i = 0; i < n; ++i) {
        long long p = 1;
        for (long long k = 0; k < b[i]; ++k) p *= a[i];
        const long long e[op::count] = {
            a[i] + b[i],
            a[i] - b[i],
            a[i] * b[i],
            a[i] * 2 / b[i],  // exact for these values
            a[i] / b[i],
            a[i] % b[i],
            p,
            std::max(a[i], c[i]),
            std::min(a[i], c[i]),
            -a[i],
            std::is_unsigned_v<T> ? b[i] - a[i] : a[i] - b[i],  // unsigned: b - a wraps, abs keeps it
            1 + a[i] * 2 - b[i],
            std::min(std::max(a[i], lo), hi)};
        for (int r = 0; r < op::count; ++r) expected[r][i] = static_cast<T>(e[r]);
    }
    auto to_t = [](const std::vector<long long>& v) {
        std::vector<T> out;
        for (long long x : v) out.push_back(static_cast<T>(x));
        return out;
    };
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto result = arithmetic_table<T>(selector_column(all_rows(op::count)), make<T>(to_t(a)), make<T>(to_t(b)),
                                          make<T>(to_t(c)), lo, hi);
        static_assert(std::is_same_v<typename decltype(result)::value_type, T>);
        ASSERT_EQ(result.shape(), (gpu::shape_t{op::count, static_cast<std::int64_t>(n)}));
        expect_rows<T>(values_of(result), expected, op_names);
    }
}

// ---- NumPy 2.5.2 edge values, through the same tables ---------------------------------------------

TEST(ElementwiseValues, IntegerFloorDivideAndRemainder) {
    // NumPy 2.5.2, int32: i // j and i % j (x // 0 and x % 0 give 0; MIN // -1 wraps).
    const std::vector<i32> i{-7, 7, -7, 7, 0, 5, INT32_MIN, INT32_MIN}, j{3, -3, -3, 3, 3, 0, -1, 1};
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(arith<i32>(op::floordiv, i, j), (std::vector<i32>{-3, -3, 2, 2, 0, 0, INT32_MIN, INT32_MIN}));
        EXPECT_EQ(arith<i32>(op::mod, i, j), (std::vector<i32>{2, -2, -1, 1, 0, 0, 0, 0}));
    }
}

TEST(ElementwiseValues, FloatFloorDivideAndRemainder) {
    // NumPy 2.5.2, float64: fx // fy and fx % fy, including the signs of zero results.
    const std::vector<double> fx{-7.5, 7.5, -7.5, 7.5, 0.0, 5.0, -0.0, k_inf, 1.0},
        fy{2.0, -2.0, -2.0, 2.0, -3.0, 0.0, 2.0, 2.0, k_inf};
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto fd = arith<double>(op::floordiv, fx, fy);
        expect_values(fd, {-4.0, -4.0, 3.0, 3.0, -0.0, k_inf, -0.0, k_nan, 0.0});
        EXPECT_TRUE(std::signbit(fd[4])) << "0.0 // -3.0 is -0.0";
        EXPECT_TRUE(std::signbit(fd[6])) << "-0.0 // 2.0 is -0.0";
        EXPECT_FALSE(std::signbit(fd[8])) << "1.0 // inf is 0.0";
        const auto md = arith<double>(op::mod, fx, fy);
        expect_values(md, {0.5, -0.5, -1.5, 1.5, -0.0, k_nan, 0.0, k_nan, 1.0});
        // NumPy 2.5.2's signs of the results (np.copysign(1, r)); NaN signs are left out.
        const double signs[] = {1, -1, -1, 1, -1, 0, 1, 0, 1};
        for (int k = 0; k < 9; ++k)
            if (signs[k] != 0) {
                EXPECT_EQ(std::signbit(md[k]), signs[k] < 0) << "element " << k;
            }
    }
}

TEST(ElementwiseValues, IntegerPowerWraps) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: int32 [2, 3, -2] ** [31, 21, 3].
        EXPECT_EQ(arith<i32>(op::pow, {2, 3, -2}, {31, 21, 3}), (std::vector<i32>{INT32_MIN, 1870418611, -8}));
        EXPECT_EQ(arith<i32>(op::pow, {0, 5, -1, -1}, {0, 0, 2, 3}), (std::vector<i32>{1, 1, 1, -1}));
        EXPECT_EQ(arith<u8>(op::pow, {2, 3}, {8, 5}), (std::vector<u8>{0, 243}));
    }
}

TEST(ElementwiseValues, WrapAround) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: int8 127 + 1 -> -128; int32 (2**31 - 1) * 2 -> -2.
        EXPECT_EQ(arith<i8>(op::add, {127}, {1}), (std::vector<i8>{-128}));
        EXPECT_EQ(arith<i32>(op::mul, {INT32_MAX}, {2}), (std::vector<i32>{-2}));
        // NumPy 2.5.2: abs(int8 -128) -> -128 (row computes abs(b - a) with a = 0);
        // negative(uint8 [1, 0]) -> [255, 0].
        EXPECT_EQ(arith<i8>(op::abs, {0}, {-128}), (std::vector<i8>{-128}));
        EXPECT_EQ(arith<u8>(op::neg, {1, 0}), (std::vector<u8>{255, 0}));
        // Plain modular arithmetic.
        EXPECT_EQ(arith<u8>(op::sub, {0, 1}, {1, 255}), (std::vector<u8>{255, 2}));
        EXPECT_EQ(arith<i64>(op::add, {INT64_MAX}, {1}), (std::vector<i64>{INT64_MIN}));
        EXPECT_EQ(arith<u64>(op::mul, {UINT64_MAX}, {UINT64_MAX}), (std::vector<u64>{1}));
        EXPECT_EQ(arith<i8>(op::neg, {-128, 127}), (std::vector<i8>{-128, -127}));
    }
}

TEST(ElementwiseValues, MaximumMinimumPropagateNaN) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: maximum([nan, 1], [1, nan]) and minimum(...) are [nan, nan].
        expect_values(arith<double>(op::max, {k_nan, 1.0}, {}, {1.0, k_nan}), {k_nan, k_nan});
        expect_values(arith<double>(op::min, {k_nan, 1.0}, {}, {1.0, k_nan}), {k_nan, k_nan});
        expect_values(arith<float>(op::max, {-0.5f, 2.0f}, {}, {1.0f, -3.0f}), {1.0f, 2.0f});
        expect_values(arith<float>(op::min, {-0.5f, 2.0f}, {}, {1.0f, -3.0f}), {-0.5f, -3.0f});
    }
}

TEST(ElementwiseValues, Clip) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: clip(int32 [1, 5, 9], 2, 6) -> [2, 5, 6]; clip([1, 5, 9], 6, 2) -> [2, 2, 2];
        // clip(int8 [1, 5], 0, 300) keeps int8 and clips nothing; clip(float32 [1], 0, 2) -> [1].
        EXPECT_EQ(arith<i32>(op::clip, {1, 5, 9}, {}, {}, 2, 6), (std::vector<i32>{2, 5, 6}));
        EXPECT_EQ(arith<i64>(op::clip, {1, 5, 9}, {}, {}, 6, 2), (std::vector<i64>{2, 2, 2}));
        EXPECT_EQ(arith<i8>(op::clip, {1, 5}, {}, {}, 0, 300), (std::vector<i8>{1, 5}));
        EXPECT_EQ(arith<i8>(op::clip, {-128, 0, 127}, {}, {}, -1000, 1000), (std::vector<i8>{-128, 0, 127}));
        EXPECT_EQ(arith<float>(op::clip, {1}, {}, {}, 0, 2), (std::vector<float>{1}));
    }
}

// ---- bits ---------------------------------------------------------------------------------------
// One table for three dtypes: rows 0-5 apply the six operations to int8 operands, rows 6-11 to
// uint8 and rows 12-17 to int32 (the result is int32, which holds every int8 and uint8 value
// exactly), so the typed test below instantiates a single expression type.

namespace bit {
constexpr int and_ = 0, or_ = 1, xor_ = 2, invert = 3, lshift = 4, rshift = 5, count = 6;
}
constexpr const char* bit_names[] = {"a & b", "a | b", "a ^ b", "~a", "a << b", "a >> b"};
static_assert(std::size(bit_names) == bit::count);

template <class T>
auto bit_rows(const gpu::ndarray<i32>& s, int base, const gpu::ndarray<T>& a, const gpu::ndarray<T>& b) {
    using gpu::where;
    return where(s == base + bit::and_, a & b,
           where(s == base + bit::or_, a | b,
           where(s == base + bit::xor_, a ^ b,
           where(s == base + bit::invert, ~a,
           where(s == base + bit::lshift, a << b, a >> b)))));
}

// Operands of the three dtypes; a dtype's operands are used only by its rows.
struct bit_operands {
    gpu::ndarray<i8> a8, b8;
    gpu::ndarray<u8> au, bu;
    gpu::ndarray<i32> a32, b32;
};

auto bitwise_table(const gpu::ndarray<i32>& s, const bit_operands& o) {
    return gpu::where(s < bit::count, bit_rows(s, 0, o.a8, o.b8),
                      gpu::where(s < 2 * bit::count, bit_rows(s, bit::count, o.au, o.bu),
                                 bit_rows(s, 2 * bit::count, o.a32, o.b32)));
}

template <class T>
constexpr int bit_base = std::is_same_v<T, i8> ? 0 : std::is_same_v<T, u8> ? bit::count : 2 * bit::count;

// Operands with T's slots holding a and b and the other dtypes' slots holding zeros.
template <class T>
bit_operands bit_inputs(const std::vector<T>& a, const std::vector<T>& b) {
    const std::size_t n = a.size();
    bit_operands o{make<i8>(std::vector<i8>(n)),  make<i8>(std::vector<i8>(n)),   make<u8>(std::vector<u8>(n)),
                   make<u8>(std::vector<u8>(n)),  make<i32>(std::vector<i32>(n)), make<i32>(std::vector<i32>(n))};
    if constexpr (std::is_same_v<T, i8>) o.a8 = make<T>(a), o.b8 = make<T>(b);
    if constexpr (std::is_same_v<T, u8>) o.au = make<T>(a), o.bu = make<T>(b);
    if constexpr (std::is_same_v<T, i32>) o.a32 = make<T>(a), o.b32 = make<T>(b);
    return o;
}

template <class T>
std::vector<T> to_dtype(const std::vector<i32>& v) {
    std::vector<T> out;
    for (i32 x : v) out.push_back(static_cast<T>(x));
    return out;
}

// One operation on dtype T.
template <class T>
std::vector<T> bits(int which, const std::vector<T>& a, const std::vector<T>& b) {
    return to_dtype<T>(values_of(bitwise_table(selector_one(bit_base<T> + which), bit_inputs<T>(a, b))));
}

template <class T>
class BitwiseTable : public ::testing::Test {};
using bitwise_dtypes = ::testing::Types<i8, u8, i32>;
TYPED_TEST_SUITE(BitwiseTable, bitwise_dtypes, gpu_test::dtype_names);

TYPED_TEST(BitwiseTable, EveryOperation) {
    using T = TypeParam;
    const std::vector<long long> a{0, 1, 5, 12, 7, 3}, b{0, 1, 3, 2, 2, 5};
    const std::size_t n = a.size();
    std::vector<std::vector<T>> expected(bit::count, std::vector<T>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const long long e[bit::count] = {a[i] & b[i], a[i] | b[i], a[i] ^ b[i], ~a[i], a[i] << b[i], a[i] >> b[i]};
        for (int r = 0; r < bit::count; ++r) expected[r][i] = static_cast<T>(e[r]);
    }
    std::vector<T> ta, tb;
    for (std::size_t i = 0; i < n; ++i) ta.push_back(static_cast<T>(a[i])), tb.push_back(static_cast<T>(b[i]));
    std::vector<i32> rows;
    for (int r = 0; r < bit::count; ++r) rows.push_back(bit_base<T> + r);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto result = bitwise_table(selector_column(rows), bit_inputs<T>(ta, tb));
        expect_rows<T>(to_dtype<T>(values_of(result)), expected, bit_names);
    }
}

TEST(ElementwiseValues, ShiftsBeyondTheWidth) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: int32 1 << [0, 31, 32, 40, -1] -> [1, -2147483648, 0, 0, 0];
        // int32 -8 >> [1, 31, 32, 40] -> [-4, -1, -1, -1]; uint8 255 << 9 -> 0; int8 -1 >> 100 -> -1.
        EXPECT_EQ(bits<i32>(bit::lshift, {1, 1, 1, 1, 1}, {0, 31, 32, 40, -1}), (std::vector<i32>{1, INT32_MIN, 0, 0, 0}));
        EXPECT_EQ(bits<i32>(bit::rshift, {-8, -8, -8, -8}, {1, 31, 32, 40}), (std::vector<i32>{-4, -1, -1, -1}));
        EXPECT_EQ(bits<u8>(bit::lshift, {255}, {9}), (std::vector<u8>{0}));
        EXPECT_EQ(bits<i8>(bit::rshift, {-1}, {100}), (std::vector<i8>{-1}));
        // Shifts inside the width: bits shifted out are lost, right shifts of negatives round down.
        EXPECT_EQ(bits<u8>(bit::lshift, {255, 1}, {1, 7}), (std::vector<u8>{254, 128}));
        EXPECT_EQ(bits<i8>(bit::lshift, {1, 64}, {7, 1}), (std::vector<i8>{-128, -128}));
        EXPECT_EQ(bits<i8>(bit::rshift, {-128, -7}, {7, 1}), (std::vector<i8>{-1, -4}));
        EXPECT_EQ(bits<u8>(bit::invert, {0, 255}, {0, 0}), (std::vector<u8>{255, 0}));
        EXPECT_EQ(bits<i32>(bit::xor_, {-1, INT32_MIN}, {INT32_MAX, -1}), (std::vector<i32>{INT32_MIN, INT32_MAX}));
    }
}

// ---- comparisons and logic ------------------------------------------------------------------------
// One table for two pairs of dtypes that mix signedness: rows 0-5 compare int8 with uint8, rows
// 6-11 int64 with uint64.

namespace cmp {
constexpr int lt = 0, le = 1, gt = 2, ge = 3, eq = 4, ne = 5, count = 6;
}
constexpr const char* cmp_names[] = {"x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y"};
static_assert(std::size(cmp_names) == cmp::count);

template <class A, class B>
auto cmp_rows(const gpu::ndarray<i32>& s, int base, const gpu::ndarray<A>& x, const gpu::ndarray<B>& y) {
    using gpu::where;
    return where(s == base + cmp::lt, x < y,
           where(s == base + cmp::le, x <= y,
           where(s == base + cmp::gt, x > y,
           where(s == base + cmp::ge, x >= y,
           where(s == base + cmp::eq, x == y, x != y)))));
}

struct cmp_operands {
    gpu::ndarray<i8> x8;
    gpu::ndarray<u8> y8;
    gpu::ndarray<i64> x64;
    gpu::ndarray<u64> y64;
};

auto comparison_table(const gpu::ndarray<i32>& s, const cmp_operands& o) {
    return gpu::where(s < cmp::count, cmp_rows(s, 0, o.x8, o.y8), cmp_rows(s, cmp::count, o.x64, o.y64));
}

template <class A>
constexpr int cmp_base = std::is_same_v<A, i8> ? 0 : cmp::count;

template <class A, class B>
cmp_operands cmp_inputs(const std::vector<A>& x, const std::vector<B>& y) {
    const std::size_t n = x.size();
    cmp_operands o{make<i8>(std::vector<i8>(n)), make<u8>(std::vector<u8>(n)), make<i64>(std::vector<i64>(n)),
                   make<u64>(std::vector<u64>(n))};
    if constexpr (std::is_same_v<A, i8>) o.x8 = make<A>(x), o.y8 = make<B>(y);
    else o.x64 = make<A>(x), o.y64 = make<B>(y);
    return o;
}

template <class A, class B>
std::vector<bool> compare(int which, const std::vector<A>& x, const std::vector<B>& y) {
    return values_of(comparison_table(selector_one(cmp_base<A> + which), cmp_inputs<A, B>(x, y)));
}

template <class P>
class ComparisonTable : public ::testing::Test {};
template <class A, class B>
struct dtype_pair {
    using first = A;
    using second = B;
};
struct pair_names {
    template <class P>
    static std::string GetName(int) {
        return std::string(gpu::dtype_name_v<typename P::first>) + "_" +
               std::string(gpu::dtype_name_v<typename P::second>);
    }
};
using comparison_pairs = ::testing::Types<dtype_pair<i8, u8>, dtype_pair<i64, u64>>;
TYPED_TEST_SUITE(ComparisonTable, comparison_pairs, pair_names);

TYPED_TEST(ComparisonTable, EveryComparison) {
    using A = typename TypeParam::first;
    using B = typename TypeParam::second;
    const std::vector<long long> x{1, 2, 3, 0, 5}, y{2, 2, 1, 0, 7};
    const std::size_t n = x.size();
    std::vector<std::vector<bool>> expected(cmp::count, std::vector<bool>(n));
    std::vector<A> xa;
    std::vector<B> yb;
    for (std::size_t i = 0; i < n; ++i) {
        const bool e[cmp::count] = {x[i] < y[i], x[i] <= y[i], x[i] > y[i], x[i] >= y[i], x[i] == y[i], x[i] != y[i]};
        for (int r = 0; r < cmp::count; ++r) expected[r][i] = e[r];
        xa.push_back(static_cast<A>(x[i]));
        yb.push_back(static_cast<B>(y[i]));
    }
    std::vector<i32> rows;
    for (int r = 0; r < cmp::count; ++r) rows.push_back(cmp_base<A> + r);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto result = comparison_table(selector_column(rows), cmp_inputs<A, B>(xa, yb));
        static_assert(std::is_same_v<typename decltype(result)::value_type, bool>);
        expect_rows<bool>(values_of(result), expected, cmp_names);
    }
}

TEST(ElementwiseValues, Int64AgainstUint64ComparesExactly) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: int64 [-1] < uint64 [2**64 - 1] -> [True]; uint64 [2**63] == int64 [-2**63] -> [False].
        EXPECT_EQ((compare<i64, u64>(cmp::lt, {-1}, {UINT64_MAX})), (std::vector<bool>{true}));
        EXPECT_EQ((compare<i64, u64>(cmp::eq, {INT64_MIN}, {u64(1) << 63})), (std::vector<bool>{false}));
        // The rest follows: -1 is below every uint64; equal bit patterns are not equal values.
        EXPECT_EQ((compare<i64, u64>(cmp::gt, {-1, INT64_MAX}, {0, u64(INT64_MAX) + 1})), (std::vector<bool>{false, false}));
        EXPECT_EQ((compare<i64, u64>(cmp::ne, {-1, INT64_MAX}, {UINT64_MAX, u64(INT64_MAX)})), (std::vector<bool>{true, false}));
        EXPECT_EQ((compare<i64, u64>(cmp::ge, {INT64_MIN, 0}, {0, 0})), (std::vector<bool>{false, true}));
        // int8 against uint8 compares values, not bit patterns.
        EXPECT_EQ((compare<i8, u8>(cmp::lt, {-1, -128}, {255, 128})), (std::vector<bool>{true, true}));
        EXPECT_EQ((compare<i8, u8>(cmp::eq, {-1}, {255})), (std::vector<bool>{false}));
    }
}

TEST(ElementwiseValues, Float32EqualsWeakPythonFloat) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: float32 [0.1] == 0.1 -> [True]: the weak scalar becomes float32 first.
        auto r = gpu::eval(make<float>({0.1f, 0.2f}) == 0.1);
        static_assert(std::is_same_v<typename decltype(r)::value_type, bool>);
        EXPECT_EQ(values_of(r), (std::vector<bool>{true, false}));
    }
}

namespace lg {
constexpr int b_add = 0, b_mul = 1, b_invert = 2, b_and = 3, b_or = 4, b_xor = 5, l_and = 6, l_or = 7, l_not = 8,
              count = 9;
}
constexpr const char* bool_names[] = {"a + b", "a * b", "~a", "a & b", "a | b", "a ^ b", "a && b", "a || b", "!a"};
static_assert(std::size(bool_names) == lg::count);
static_assert(lg::l_not == lg::count - 1, "the last row is the table's fallback branch");

TEST(ElementwiseValues, BoolOperations) {
    // NumPy 2.5.2: bool + bool is "or", bool * bool is "and", ~bool is "not" (facts: [T, F] + [T, F]
    // -> [T, F], [T, F] * [T, F] -> [T, F], ~[T, F] -> [F, T]); the rest is Boolean algebra.
    const std::vector<std::vector<bool>> expected = {
        {true, true, true, false},   {true, false, false, false}, {false, false, true, true},
        {true, false, false, false}, {true, true, true, false},   {false, true, true, false},
        {true, false, false, false}, {true, true, true, false},   {false, false, true, true}};
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<bool>({true, true, false, false});
        const auto b = make<bool>({true, false, true, false});
        const auto s = selector_column(all_rows(lg::count));
        using gpu::where;
        auto result = where(s == lg::b_add, a + b,
                      where(s == lg::b_mul, a * b,
                      where(s == lg::b_invert, ~a,
                      where(s == lg::b_and, a & b,
                      where(s == lg::b_or, a | b,
                      where(s == lg::b_xor, a ^ b,
                      where(s == lg::l_and, a && b,
                      where(s == lg::l_or, a || b, !a))))))));
        static_assert(std::is_same_v<typename decltype(result)::value_type, bool>);
        expect_rows<bool>(values_of(result), expected, bool_names);
    }
}

TEST(ElementwiseValues, LogicalOperatorsOnNumbers) {
    // logical_and / logical_or / logical_not use truth values: non-zero is True, NaN is True.
    const char* names[] = {"x && y", "x || y", "!x", "!y"};
    const std::vector<std::vector<bool>> expected = {
        {false, false, false, true}, {false, true, true, true}, {true, false, true, false}, {true, true, false, false}};
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<i32>({0, 2, 0, -3});
        const auto y = make<double>({0.0, 0.0, 0.5, k_nan});
        const auto s = selector_column({0, 1, 2, 3});
        using gpu::where;
        auto result = where(s == 0, x && y, where(s == 1, x || y, where(s == 2, !x, !y)));
        static_assert(std::is_same_v<typename decltype(result)::value_type, bool>);
        expect_rows<bool>(values_of(result), expected, names);
    }
}

// ---- float functions ----------------------------------------------------------------------------
// One table for both float dtypes: rows 0-8 apply the functions to float32 operands, rows 9-17 to
// float64 (float32 results widen exactly to the float64 result).

constexpr const char* math_names[] = {"sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "floor", "ceil"};
constexpr int n_math = 9;

template <class F>
auto math_rows(const gpu::ndarray<i32>& s, int base, const gpu::ndarray<F>& x) {
    using gpu::where;
    return where(s == base + 0, gpu::sqrt(x),
           where(s == base + 1, gpu::exp(x),
           where(s == base + 2, gpu::log(x),
           where(s == base + 3, gpu::sin(x),
           where(s == base + 4, gpu::cos(x),
           where(s == base + 5, gpu::tan(x),
           where(s == base + 6, gpu::tanh(x),
           where(s == base + 7, gpu::floor(x), gpu::ceil(x)))))))));
}

auto math_table(const gpu::ndarray<i32>& s, const gpu::ndarray<float>& xf, const gpu::ndarray<double>& xd) {
    return gpu::where(s < n_math, math_rows(s, 0, xf), math_rows(s, n_math, xd));
}

template <class F>
class MathTable : public ::testing::Test {};
TYPED_TEST_SUITE(MathTable, gpu_test::float_dtypes, gpu_test::dtype_names);

// Against the C++ standard library's functions of the same precision (the host executor calls
// them; a GPU may differ by a few ulp). sqrt and log of a negative number and log(0) follow IEEE
// (nan, nan, -inf), as NumPy's do (with a warning).
TYPED_TEST(MathTable, EveryFunction) {
    using F = TypeParam;
    constexpr int base = std::is_same_v<F, float> ? 0 : n_math;
    const std::vector<F> x{F(0.25), F(1), F(2.5), F(0), F(-1.75)};
    std::vector<std::vector<double>> expected(n_math);
    for (F v : x) {
        const F e[n_math] = {std::sqrt(v), std::exp(v), std::log(v), std::sin(v), std::cos(v),
                             std::tan(v),  std::tanh(v), std::floor(v), std::ceil(v)};
        for (int r = 0; r < n_math; ++r) expected[r].push_back(e[r]);
    }
    // Exact values everyone agrees on.
    EXPECT_EQ(expected[0][0], 0.5);
    EXPECT_EQ(expected[1][3], 1.0);
    EXPECT_EQ(expected[2][1], 0.0);
    EXPECT_EQ(expected[7][4], -2.0);
    EXPECT_EQ(expected[8][4], -1.0);
    const std::size_t n = x.size();
    std::vector<i32> rows;
    for (int r = 0; r < n_math; ++r) rows.push_back(base + r);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto xf = std::is_same_v<F, float> ? make<float>(std::vector<float>(x.begin(), x.end()))
                                                 : make<float>(std::vector<float>(n));
        const auto xd = std::is_same_v<F, double> ? make<double>(std::vector<double>(x.begin(), x.end()))
                                                  : make<double>(std::vector<double>(n));
        auto result = math_table(selector_column(rows), xf, xd);
        static_assert(std::is_same_v<typename decltype(result)::value_type, double>);
        expect_rows<double>(values_of(result), expected, math_names, gpu_test::default_rtol<F>());
    }
    // And the GPU agrees with the host executor (only the host here when there is no GPU), within
    // float32 precision since the table holds float32 results too.
    const std::vector<F> more{F(0.1), F(0.7), F(1.3), F(3), F(-2.2), F(40)};
    std::vector<i32> all(2 * n_math);
    for (int r = 0; r < 2 * n_math; ++r) all[r] = r;
    gpu_test::expect_same_on_both_executors(
        gpu_test::tolerance{1e-6, 1e-6},
        [](const auto& s, const auto& f, const auto& d) { return math_table(s, f, d); },
        gpu::asarray(all, {2 * n_math, 1}), gpu::asarray(std::vector<float>(more.begin(), more.end())),
        gpu::asarray(std::vector<double>(more.begin(), more.end())));
}

// ---- where and astype ---------------------------------------------------------------------------

TEST(ElementwiseValues, Where) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto cond = make<bool>({true, false, true});
        // NumPy 2.5.2: where(cond, int8 array, 2.5) is float64 (test_promotion.cpp checks the
        // dtypes of the other where cases).
        auto w1 = gpu::eval(gpu::where(cond, make<i8>({1, 2, -3}), 2.5));
        static_assert(std::is_same_v<typename decltype(w1)::value_type, double>);
        EXPECT_EQ(values_of(w1), (std::vector<double>{1.0, 2.5, -3.0}));
        // A numeric condition is its truth value; operands broadcast against it.
        auto w3 = gpu::eval(gpu::where(make<double>({0.0, k_nan, -1.0}, {3, 1}), make<i8>({1, 2}, {1, 2}), make<u8>({200})));
        static_assert(std::is_same_v<typename decltype(w3)::value_type, std::int16_t>);
        EXPECT_EQ(w3.shape(), (gpu::shape_t{3, 2}));
        EXPECT_EQ(values_of(w3), (std::vector<std::int16_t>{200, 200, 1, 2, 1, 2}));
    }
}

TEST(ElementwiseValues, Astype) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: float64 [-1.7, 2.9, 300.5, -0.5] -> int32 [-1, 2, 300, 0] (truncation);
        // int32 [-1, 256, 3] -> uint8 [255, 0, 3] (wrap); float64 [0, 0.3, nan] -> bool [F, T, T].
        EXPECT_EQ(values_of(make<double>({-1.7, 2.9, 300.5, -0.5}).astype<i32>()), (std::vector<i32>{-1, 2, 300, 0}));
        EXPECT_EQ(values_of(make<i32>({-1, 256, 3}).astype<u8>()), (std::vector<u8>{255, 0, 3}));
        EXPECT_EQ(values_of(make<double>({0.0, 0.3, k_nan}).astype<bool>()), (std::vector<bool>{false, true, true}));
        // gpu::astype<U>(expr) is the same conversion, fused into the expression.
        EXPECT_EQ(values_of(gpu::astype<i32>(make<double>({-1.7, 2.9}))), (std::vector<i32>{-1, 2}));
    }
}

// Values no integer holds: NumPy warns "invalid value encountered in cast" and gives what x86-64
// gives (NumPy 1.24 and 2.x there, from float64 and float32 alike); both executors give the same.
TEST(ElementwiseValues, AstypeOutOfRangeAsNumPyOnX86) {
    const double big = 9223372036854775808.0;  // 2^63
    const std::vector<double> in{k_nan, INFINITY, -INFINITY, 1e30, -1e30, 3e9, 300.5, -1.5, big, 1.8e19};
    constexpr i64 min64 = std::numeric_limits<i64>::min();
    constexpr i32 min32 = std::numeric_limits<i32>::min();
    constexpr std::uint64_t b63 = std::uint64_t{1} << 63;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (bool f32 : {false, true}) {
            SCOPED_TRACE(f32 ? "from float32" : "from float64");
            auto check = [&](auto zero, const auto& expected) {
                using T = decltype(zero);
                const auto got = f32 ? values_of(gpu::asarray(std::vector<float>(in.begin(), in.end())).astype<T>())
                                     : values_of(gpu::asarray(in).astype<T>());
                EXPECT_EQ(got, expected) << gpu::dtype_name_v<T>;
            };
            check(i8{}, std::vector<i8>{0, 0, 0, 0, 0, 0, 44, -1, 0, 0});
            check(u8{}, std::vector<u8>{0, 0, 0, 0, 0, 0, 44, 255, 0, 0});
            check(std::int16_t{}, std::vector<std::int16_t>{0, 0, 0, 0, 0, 0, 300, -1, 0, 0});
            check(std::uint16_t{}, std::vector<std::uint16_t>{0, 0, 0, 0, 0, 0, 300, 65535, 0, 0});
            check(i32{}, std::vector<i32>{min32, min32, min32, min32, min32, min32, 300, -1, min32, min32});
            check(std::uint32_t{}, std::vector<std::uint32_t>{2147483648u, 0, 2147483648u, 0, 2147483648u, 3000000000u,
                                                               300, 4294967295u, 0, 0});
            check(i64{}, std::vector<i64>{min64, min64, min64, min64, min64, 3000000000, 300, -1, min64, min64});
            check(std::uint64_t{}, std::vector<std::uint64_t>{b63, 0, b63, 0, b63, 3000000000, 300, ~std::uint64_t{0}, b63,
                                                               f32 ? 18000000404716257280ull : 18000000000000000000ull});
        }
    }
}

// ---- fusion, eval's dtype, ownership ------------------------------------------------------------

TEST(ElementwiseValues, FusedExpressionMatchesHandLoop) {
    const std::vector<float> xs{0.5f, -1.25f, 2.0f, 3.75f, -4.5f, 10.0f, 0.0f};
    const std::vector<float> ys{1.5f, 2.25f, -3.0f, 0.125f, 6.0f, -0.5f, 7.0f};
    std::vector<float> expected;
    for (std::size_t i = 0; i < xs.size(); ++i) expected.push_back(2.0f * xs[i] + ys[i] / 3.0f - xs[i] * ys[i]);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>(xs), y = make<float>(ys);
        auto e = 2 * x + y / 3 - x * y;  // weak scalars on both sides keep float32
        auto r = gpu::eval(e);
        static_assert(std::is_same_v<decltype(r), gpu::ndarray<float>>);
        // A GPU may contract a*b+c into one fma: allow float32 rounding.
        expect_values(values_of(r), expected, 1e-6, 1e-6);
    }
    // Mixed dtypes: int32 and float64 operands promote to float64 (2 * xi stays int32).
    const std::vector<i32> xi{1, -2, 3, 40000, -5};
    const std::vector<double> yd{0.5, 1.5, -2.25, 3.0, 1e-3};
    std::vector<double> expected_d;
    for (std::size_t i = 0; i < xi.size(); ++i)
        expected_d.push_back(double(2 * xi[i]) + yd[i] / 3.0 - double(xi[i]) * yd[i]);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto r = gpu::eval(2 * make<i32>(xi) + make<double>(yd) / 3 - make<i32>(xi) * make<double>(yd));
        static_assert(std::is_same_v<decltype(r), gpu::ndarray<double>>);
        expect_values(values_of(r), expected_d, 1e-12, 1e-12);
    }
    // And the GPU gives what the host executor gives.
    gpu_test::expect_same_on_both_executors([](const auto& x, const auto& y) { return 2 * x + y / 3 - x * y; },
                                            gpu::asarray(xs), gpu::asarray(ys));
}

TEST(ElementwiseValues, ExpressionsOwnTheirOperands) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto x = make<float>({1, 2, 3});
        auto e = [&] {
            const auto y = make<float>({3, 6, 9});
            return 2 * x + y / 3 - x * y;  // y dies here; the expression holds its own handle
        }();
        x = make<float>({-100, -100, -100});  // rebinding x does not change what e holds
        auto r = gpu::eval(e);
        static_assert(std::is_same_v<decltype(r), gpu::ndarray<float>>);
        EXPECT_EQ(values_of(r), (std::vector<float>{0, -6, -18}));
        EXPECT_EQ(values_of(e), (std::vector<float>{0, -6, -18}));  // evaluating twice is fine
    }
}

}  // namespace
