// Result dtypes of element-wise operations against NumPy 2.5.2 (tools/numpy_facts.txt, made by
// tools/numpy_facts.py): the 11x11 np.result_type table through gpu::promote and through real
// expressions, each ufunc family's exceptions to it, NEP 50 weak C++ scalars, unary result dtypes,
// np.can_cast(..., "same_kind"), and the run-time errors NumPy raises for out-of-range Python
// integers and negative integer powers. Most checks are static_asserts: a wrong dtype fails
// the build and the compiler names the pair of types.
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "support.hpp"

namespace {

using gpu::dtype;
using gpu_test::make;
using gpu_test::message_of;
using gpu_test::values_of;

constexpr dtype b_ = dtype::bool_, i8 = dtype::int8, i16 = dtype::int16, i32 = dtype::int32, i64 = dtype::int64,
                u8 = dtype::uint8, u16 = dtype::uint16, u32 = dtype::uint32, u64 = dtype::uint64,
                f32 = dtype::float32, f64 = dtype::float64;

// NumPy 2.5.2: np.result_type(row, column), rows and columns in the order of gpu::dtype
// (bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64).
constexpr dtype k_result_type[11][11] = {
    /* bool    */ {b_, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64},
    /* int8    */ {i8, i8, i16, i32, i64, i16, i32, i64, f64, f32, f64},
    /* int16   */ {i16, i16, i16, i32, i64, i16, i32, i64, f64, f32, f64},
    /* int32   */ {i32, i32, i32, i32, i64, i32, i32, i64, f64, f64, f64},
    /* int64   */ {i64, i64, i64, i64, i64, i64, i64, i64, f64, f64, f64},
    /* uint8   */ {u8, i16, i16, i32, i64, u8, u16, u32, u64, f32, f64},
    /* uint16  */ {u16, i32, i32, i32, i64, u16, u16, u32, u64, f32, f64},
    /* uint32  */ {u32, i64, i64, i64, i64, u32, u32, u32, u64, f64, f64},
    /* uint64  */ {u64, f64, f64, f64, f64, u64, u64, u64, u64, f64, f64},
    /* float32 */ {f32, f32, f32, f64, f64, f32, f32, f64, f64, f32, f64},
    /* float64 */ {f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64},
};

// NumPy 2.5.2: np.can_cast(row, column, casting="same_kind").
constexpr bool Y = true, _ = false;
constexpr bool k_can_cast_same_kind[11][11] = {
    /* bool    */ {Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y},
    /* int8    */ {_, Y, Y, Y, Y, _, _, _, _, Y, Y},
    /* int16   */ {_, Y, Y, Y, Y, _, _, _, _, Y, Y},
    /* int32   */ {_, Y, Y, Y, Y, _, _, _, _, Y, Y},
    /* int64   */ {_, Y, Y, Y, Y, _, _, _, _, Y, Y},
    /* uint8   */ {_, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y},
    /* uint16  */ {_, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y},
    /* uint32  */ {_, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y},
    /* uint64  */ {_, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y},
    /* float32 */ {_, _, _, _, _, _, _, _, _, Y, Y},
    /* float64 */ {_, _, _, _, _, _, _, _, _, Y, Y},
};

constexpr int idx(dtype d) { return static_cast<int>(d); }

// The full tables, through the constexpr functions.
constexpr bool promote_matches_numpy() {
    for (int i = 0; i < 11; ++i)
        for (int j = 0; j < 11; ++j)
            if (gpu::promote(dtype(i), dtype(j)) != k_result_type[i][j]) return false;
    return true;
}
static_assert(promote_matches_numpy(), "gpu::promote differs from NumPy 2.5.2's np.result_type table");

constexpr bool can_cast_matches_numpy() {
    for (int i = 0; i < 11; ++i)
        for (int j = 0; j < 11; ++j)
            if (gpu::can_cast_same_kind(dtype(i), dtype(j)) != k_can_cast_same_kind[i][j]) return false;
    return true;
}
static_assert(can_cast_matches_numpy(), "gpu::can_cast_same_kind differs from NumPy 2.5.2's same_kind table");

// ---- through expressions -------------------------------------------------------------------------

// Operands for decltype only; never called.
template <class T>
const gpu::ndarray<T>& arr();
template <class E>
using vt = typename E::value_type;
#define VT(...) vt<decltype(__VA_ARGS__)>

template <dtype D>
using T_of = gpu::type_of_t<D>;

// Every binary operation on arrays of dtypes A and B has NumPy 2.5.2's result dtype: the
// result_type table, with the exceptions listed in the facts' "binary array-array" section.
template <class A, class B>
constexpr bool check_binary_pair() {
    constexpr dtype da = gpu::dtype_of_v<A>, db = gpu::dtype_of_v<B>;
    constexpr dtype rt = k_result_type[idx(da)][idx(db)];
    using RT = T_of<rt>;
    constexpr bool both_bool = da == b_ && db == b_;
    constexpr bool any_float = gpu::is_float(da) || gpu::is_float(db);

    static_assert(std::is_same_v<VT(arr<A>() + arr<B>()), RT>, "a + b");
    static_assert(std::is_same_v<VT(gpu::add(arr<A>(), arr<B>())), RT>, "add");
    static_assert(std::is_same_v<VT(arr<A>() * arr<B>()), RT>, "a * b");
    static_assert(std::is_same_v<VT(gpu::maximum(arr<A>(), arr<B>())), RT>, "maximum");
    static_assert(std::is_same_v<VT(gpu::minimum(arr<A>(), arr<B>())), RT>, "minimum");
    if constexpr (!both_bool) static_assert(std::is_same_v<VT(arr<A>() - arr<B>()), RT>, "a - b");
    // true_divide: float64 unless the result type is already a float.
    static_assert(std::is_same_v<VT(arr<A>() / arr<B>()), T_of<gpu::is_float(rt) ? rt : f64>>, "a / b");
    // floor_divide, remainder, power: bool with bool computes in int8.
    using RI = T_of<both_bool ? i8 : rt>;
    static_assert(std::is_same_v<VT(gpu::floor_divide(arr<A>(), arr<B>())), RI>, "floor_divide");
    static_assert(std::is_same_v<VT(arr<A>() % arr<B>()), RI>, "a % b");
    static_assert(std::is_same_v<VT(gpu::power(arr<A>(), arr<B>())), RI>, "power");
    // Comparisons and logic give bool.
    static_assert(std::is_same_v<VT(arr<A>() == arr<B>()), bool>, "a == b");
    static_assert(std::is_same_v<VT(arr<A>() != arr<B>()), bool>, "a != b");
    static_assert(std::is_same_v<VT(arr<A>() < arr<B>()), bool>, "a < b");
    static_assert(std::is_same_v<VT(arr<A>() <= arr<B>()), bool>, "a <= b");
    static_assert(std::is_same_v<VT(arr<A>() > arr<B>()), bool>, "a > b");
    static_assert(std::is_same_v<VT(arr<A>() >= arr<B>()), bool>, "a >= b");
    static_assert(std::is_same_v<VT(arr<A>() && arr<B>()), bool>, "a && b");
    static_assert(std::is_same_v<VT(arr<A>() || arr<B>()), bool>, "a || b");
    // Bitwise operations exist for integers and bools that share an integer type (NumPy raises
    // TypeError for floats and for a signed integer with uint64); shifts of two bools are int8.
    if constexpr (!any_float && !gpu::is_float(rt)) {
        static_assert(std::is_same_v<VT(arr<A>() & arr<B>()), RT>, "a & b");
        static_assert(std::is_same_v<VT(arr<A>() | arr<B>()), RT>, "a | b");
        static_assert(std::is_same_v<VT(arr<A>() ^ arr<B>()), RT>, "a ^ b");
        static_assert(std::is_same_v<VT(arr<A>() << arr<B>()), RI>, "a << b");
        static_assert(std::is_same_v<VT(arr<A>() >> arr<B>()), RI>, "a >> b");
    }
    // np.where(cond, a, b) has result_type(a, b).
    static_assert(std::is_same_v<VT(gpu::where(arr<bool>(), arr<A>(), arr<B>())), RT>, "where");
    return true;
}

using all_types_tuple = std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                   std::uint16_t, std::uint32_t, std::uint64_t, float, double>;

template <class A, std::size_t... J>
constexpr bool check_binary_row(std::index_sequence<J...>) {
    return (check_binary_pair<A, std::tuple_element_t<J, all_types_tuple>>() && ...);
}

// NEP 50: C++ scalars are weak like Python scalars. NumPy 2.5.2's results for an array of
// dtype A with the Python scalars True, 3 and 2.5, on either side (the facts' "binary with weak
// python scalars" section; ERR entries are compile errors here and are left out).
template <class A>
constexpr bool check_weak_scalars() {
    constexpr dtype da = gpu::dtype_of_v<A>;
    constexpr bool is_b = da == b_, is_f = gpu::is_float(da);
    using TrueT = A;                        // with True: the array's dtype ...
    using IntT = T_of<is_b ? i64 : da>;     // with 3: int64 for bool arrays
    using FloatT = T_of<is_f ? da : f64>;   // with 2.5: float64 unless already a float
    using DivT = T_of<is_f ? da : f64>;     // true_divide never gives an integer
    using IntOpTrueT = T_of<is_b ? i8 : da>;  // floor_divide / power / left_shift of bool with True

    // add
    static_assert(std::is_same_v<VT(arr<A>() + true), TrueT>);
    static_assert(std::is_same_v<VT(arr<A>() + 3), IntT>);
    static_assert(std::is_same_v<VT(arr<A>() + 2.5), FloatT>);
    static_assert(std::is_same_v<VT(true + arr<A>()), TrueT>);
    static_assert(std::is_same_v<VT(3 + arr<A>()), IntT>);
    static_assert(std::is_same_v<VT(2.5 + arr<A>()), FloatT>);
    // true_divide
    static_assert(std::is_same_v<VT(arr<A>() / true), DivT>);
    static_assert(std::is_same_v<VT(arr<A>() / 3), DivT>);
    static_assert(std::is_same_v<VT(arr<A>() / 2.5), DivT>);
    static_assert(std::is_same_v<VT(true / arr<A>()), DivT>);
    static_assert(std::is_same_v<VT(3 / arr<A>()), DivT>);
    static_assert(std::is_same_v<VT(2.5 / arr<A>()), DivT>);
    // power
    static_assert(std::is_same_v<VT(gpu::power(arr<A>(), true)), IntOpTrueT>);
    static_assert(std::is_same_v<VT(gpu::power(arr<A>(), 3)), IntT>);
    static_assert(std::is_same_v<VT(gpu::power(arr<A>(), 2.5)), FloatT>);
    static_assert(std::is_same_v<VT(gpu::power(true, arr<A>())), IntOpTrueT>);
    static_assert(std::is_same_v<VT(gpu::power(3, arr<A>())), IntT>);
    static_assert(std::is_same_v<VT(gpu::power(2.5, arr<A>())), FloatT>);
    // floor_divide
    static_assert(std::is_same_v<VT(gpu::floor_divide(arr<A>(), true)), IntOpTrueT>);
    static_assert(std::is_same_v<VT(gpu::floor_divide(arr<A>(), 3)), IntT>);
    static_assert(std::is_same_v<VT(gpu::floor_divide(arr<A>(), 2.5)), FloatT>);
    static_assert(std::is_same_v<VT(gpu::floor_divide(true, arr<A>())), IntOpTrueT>);
    static_assert(std::is_same_v<VT(gpu::floor_divide(3, arr<A>())), IntT>);
    static_assert(std::is_same_v<VT(gpu::floor_divide(2.5, arr<A>())), FloatT>);
    // equal
    static_assert(std::is_same_v<VT(arr<A>() == true), bool>);
    static_assert(std::is_same_v<VT(arr<A>() == 3), bool>);
    static_assert(std::is_same_v<VT(arr<A>() == 2.5), bool>);
    static_assert(std::is_same_v<VT(true == arr<A>()), bool>);
    static_assert(std::is_same_v<VT(3 == arr<A>()), bool>);
    static_assert(std::is_same_v<VT(2.5 == arr<A>()), bool>);
    if constexpr (!is_f) {
        // left_shift and bitwise_and (with 2.5 NumPy raises TypeError)
        static_assert(std::is_same_v<VT(arr<A>() << true), IntOpTrueT>);
        static_assert(std::is_same_v<VT(arr<A>() << 3), IntT>);
        static_assert(std::is_same_v<VT(true << arr<A>()), IntOpTrueT>);
        static_assert(std::is_same_v<VT(3 << arr<A>()), IntT>);
        static_assert(std::is_same_v<VT(arr<A>() & true), TrueT>);
        static_assert(std::is_same_v<VT(arr<A>() & 3), IntT>);
        static_assert(std::is_same_v<VT(true & arr<A>()), TrueT>);
        static_assert(std::is_same_v<VT(3 & arr<A>()), IntT>);
    }
    // Every C++ integer type is a weak integer and every C++ floating type a weak float
    // (the library's rule, as NEP 50 treats Python scalars), whatever its width.
    static_assert(std::is_same_v<VT(arr<A>() + std::int8_t(3)), IntT>);
    static_assert(std::is_same_v<VT(arr<A>() + 3ull), IntT>);
    static_assert(std::is_same_v<VT(arr<A>() + std::int64_t(3)), IntT>);
    static_assert(std::is_same_v<VT(arr<A>() + 2.5f), FloatT>);
    return true;
}

// NumPy 2.5.2's unary result dtypes (the facts' "unary" section; float16 results and ERR entries
// are compile errors here and are left out).
template <class A>
constexpr bool check_unary() {
    constexpr dtype da = gpu::dtype_of_v<A>;
    static_assert(std::is_same_v<VT(gpu::abs(arr<A>())), A>, "absolute keeps the dtype");
    static_assert(std::is_same_v<VT(gpu::floor(arr<A>())), A>, "floor keeps the dtype");
    static_assert(std::is_same_v<VT(gpu::ceil(arr<A>())), A>, "ceil keeps the dtype");
    static_assert(std::is_same_v<VT(!arr<A>()), bool>, "logical_not gives bool");
    static_assert(std::is_same_v<VT(gpu::logical_not(arr<A>())), bool>, "logical_not gives bool");
    if constexpr (da != b_) {
        static_assert(std::is_same_v<VT(-arr<A>()), A>, "negative keeps the dtype");
        static_assert(std::is_same_v<VT(+arr<A>()), A>, "positive keeps the dtype");
    }
    if constexpr (!gpu::is_float(da)) static_assert(std::is_same_v<VT(~arr<A>()), A>, "invert keeps the dtype");
    if constexpr (gpu::itemsize(da) > 1 || gpu::is_float(da)) {
        // int16/uint16 -> float32; wider integers -> float64; floats keep theirs.
        using F = T_of<gpu::is_float(da) ? da : gpu::itemsize(da) == 2 ? f32 : f64>;
        static_assert(std::is_same_v<VT(gpu::sqrt(arr<A>())), F>, "sqrt");
        static_assert(std::is_same_v<VT(gpu::exp(arr<A>())), F>, "exp");
        static_assert(std::is_same_v<VT(gpu::log(arr<A>())), F>, "log");
        static_assert(std::is_same_v<VT(gpu::sin(arr<A>())), F>, "sin");
        static_assert(std::is_same_v<VT(gpu::cos(arr<A>())), F>, "cos");
        static_assert(std::is_same_v<VT(gpu::tan(arr<A>())), F>, "tan");
        static_assert(std::is_same_v<VT(gpu::tanh(arr<A>())), F>, "tanh");
    }
    return true;
}

template <class T>
class Promotion : public ::testing::Test {};
TYPED_TEST_SUITE(Promotion, gpu_test::all_dtypes, gpu_test::dtype_names);

}  // namespace

// ---- compile-time tables -------------------------------------------------------------------------

TEST(PromotionTable, ResultTypeAndCanCastMatchNumPy) {
    // The static_asserts above did the work; this spells out a few cells for the reader.
    static_assert(gpu::promote(i8, u8) == i16);
    static_assert(gpu::promote(i64, u64) == f64);
    static_assert(gpu::promote(u32, f32) == f64);
    static_assert(gpu::promote(i16, f32) == f32);
    static_assert(gpu::promote(b_, u16) == u16);
    static_assert(gpu::can_cast_same_kind(u8, i8));
    static_assert(!gpu::can_cast_same_kind(i8, u8));
    static_assert(!gpu::can_cast_same_kind(f32, i64));
    static_assert(!gpu::can_cast_same_kind(i8, b_));
    for (int i = 0; i < 11; ++i)
        for (int j = 0; j < 11; ++j) {
            EXPECT_EQ(gpu::promote(dtype(i), dtype(j)), k_result_type[i][j])
                << gpu::name_of(dtype(i)) << ", " << gpu::name_of(dtype(j));
            EXPECT_EQ(gpu::can_cast_same_kind(dtype(i), dtype(j)), k_can_cast_same_kind[i][j])
                << gpu::name_of(dtype(i)) << " -> " << gpu::name_of(dtype(j));
        }
}

TYPED_TEST(Promotion, BinaryExpressionsHaveNumPyDtypes) {
    static_assert(check_binary_row<TypeParam>(std::make_index_sequence<11>{}));
}

TYPED_TEST(Promotion, WeakScalarsFollowNep50) {
    static_assert(check_weak_scalars<TypeParam>());
}

TYPED_TEST(Promotion, UnaryResultDtypes) {
    static_assert(check_unary<TypeParam>());
}

TEST(PromotionTable, NamedCases) {
    // NumPy 2.5.2: int8 / int8 -> float64, bool / bool -> float64.
    static_assert(std::is_same_v<VT(arr<std::int8_t>() / arr<std::int8_t>()), double>);
    static_assert(std::is_same_v<VT(arr<bool>() / arr<bool>()), double>);
    static_assert(std::is_same_v<VT(arr<std::int32_t>() / 2), double>);
    static_assert(std::is_same_v<VT(arr<float>() / 2), float>);
    // sqrt: int16 -> float32, int32 -> float64.
    static_assert(std::is_same_v<VT(gpu::sqrt(arr<std::int16_t>())), float>);
    static_assert(std::is_same_v<VT(gpu::sqrt(arr<std::int32_t>())), double>);
    // floor/ceil keep integer dtypes.
    static_assert(std::is_same_v<VT(gpu::floor(arr<std::int32_t>())), std::int32_t>);
    static_assert(std::is_same_v<VT(gpu::ceil(arr<std::uint8_t>())), std::uint8_t>);
    // NEP 50: float32 * 2.5 stays float32; int32 * 2.5 becomes float64.
    static_assert(std::is_same_v<VT(arr<float>() * 2.5), float>);
    static_assert(std::is_same_v<VT(arr<std::int32_t>() * 2.5), double>);
    // Nested expressions promote step by step: (int8 + uint8) -> int16, * float32 -> float32.
    static_assert(std::is_same_v<VT((arr<std::int8_t>() + arr<std::uint8_t>()) * arr<float>()), float>);
    static_assert(std::is_same_v<VT(gpu::sqrt(arr<std::int8_t>() + arr<std::uint8_t>())), float>);
    // astype gives exactly the requested dtype.
    static_assert(std::is_same_v<VT(arr<double>().astype<std::uint8_t>()), std::uint8_t>);
    static_assert(std::is_same_v<VT((arr<double>() + 1).astype<bool>()), bool>);
    // NumPy 2.5.2: np.where(cond, int8, 2.5) -> float64; np.where(cond, 1, 2.5) -> float64.
    static_assert(std::is_same_v<VT(gpu::where(arr<bool>(), arr<std::int8_t>(), 2.5)), double>);
    static_assert(std::is_same_v<VT(gpu::where(arr<bool>(), 1, 2.5)), double>);
    static_assert(std::is_same_v<VT(gpu::where(arr<bool>(), arr<float>(), 1)), float>);
    // NumPy 2.5.2: np.clip(int8, 0, 300) -> int8; np.clip(int32, 0.5, 2) -> float64;
    // np.clip(float32, 0, 2) -> float32.
    static_assert(std::is_same_v<VT(gpu::clip(arr<std::int8_t>(), 0, 300)), std::int8_t>);
    static_assert(std::is_same_v<VT(gpu::clip(arr<std::int32_t>(), 0.5, 2)), double>);
    static_assert(std::is_same_v<VT(gpu::clip(arr<float>(), 0, 2)), float>);
    // Comparisons with out-of-range Python integers still give bool (NumPy 2.5.2).
    static_assert(std::is_same_v<VT(arr<std::int8_t>() < 300), bool>);
    static_assert(std::is_same_v<VT(arr<std::uint64_t>() < -1), bool>);
}

// ---- run time: values of weakly-typed results, on every executor ---------------------------------
// (Each evaluated expression type costs about 0.6-0.8 s of -O3 compile time, so the run-time checks
// are few and the comparison checks share one table expression.)

TYPED_TEST(Promotion, WeakScalarResultsEvaluate) {
    using T = TypeParam;
    using IntT = std::conditional_t<std::is_same_v<T, bool>, std::int64_t, T>;
    using FloatT = std::conditional_t<std::is_floating_point_v<T>, T, double>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>({T(1), T(0)}, {2});  // the facts' test array [1, 0]
        // 3 + a has a's dtype (int64 for bool); times 2.5 it is float64 (a float stays itself).
        static_assert(std::is_same_v<VT(3 + a), IntT>);
        auto r = gpu::eval((3 + a) * 2.5);
        static_assert(std::is_same_v<typename decltype(r)::value_type, FloatT>);
        EXPECT_EQ(values_of(r), (std::vector<FloatT>{FloatT(10), FloatT(7.5)}));
    }
}

// ---- run time: out-of-range Python integers ------------------------------------------------------

namespace {

template <class F>
void expect_overflow(F&& f, const std::string& message) {
    try {
        f();
        ADD_FAILURE() << "expected gpu::overflow_error \"" << message << "\"";
    } catch (const gpu::overflow_error& e) {
        EXPECT_EQ(std::string(e.what()), message);
    }
}

}  // namespace

TEST(PromotionErrors, OutOfRangeIntegerScalarThrowsOverflowError) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i8a = make<std::int8_t>({1, 0});
        const auto u8a = make<std::uint8_t>({1, 0});
        const auto u64a = make<std::uint64_t>({1, 0});
        // NumPy 2.5.2: OverflowError: Python integer 300 out of bounds for int8 (and so on).
        expect_overflow([&] { (void)(i8a + 300); }, "Python integer 300 out of bounds for int8");
        expect_overflow([&] { (void)(300 + i8a); }, "Python integer 300 out of bounds for int8");
        expect_overflow([&] { (void)(u8a + 300); }, "Python integer 300 out of bounds for uint8");
        expect_overflow([&] { (void)(u8a + (-1)); }, "Python integer -1 out of bounds for uint8");
        expect_overflow([&] { (void)(u64a + (-1)); }, "Python integer -1 out of bounds for uint64");
        expect_overflow([&] { (void)(i8a * -129); }, "Python integer -129 out of bounds for int8");
        expect_overflow([&] { (void)gpu::where(make<bool>({true}), make<std::int8_t>({1}), 300); },
                        "Python integer 300 out of bounds for int8");
        // A value outside int64 but inside uint64 is out of bounds for int64 too (NumPy raises
        // OverflowError; only the type is checked here).
        EXPECT_THROW((void)(make<std::int64_t>({1}) + std::numeric_limits<std::uint64_t>::max()), gpu::overflow_error);
        // The error is a gpu::error.
        EXPECT_THROW((void)(i8a - 1000), gpu::error);
    }
}

TEST(PromotionErrors, InRangeIntegerScalarsDoNotThrow) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy 2.5.2: int8 + (-1) -> int8; int64 + 300, int64 + (-1) -> int64; uint64 + 300 ->
        // uint64; float32 + 300, float32 + (-1) -> float32. The array [1, 0] as in the facts.
        const auto i8a = make<std::int8_t>({1, 0});
        EXPECT_EQ(values_of(i8a + (-1)), (std::vector<std::int8_t>{0, -1}));
        EXPECT_EQ(values_of(i8a + 127), (std::vector<std::int8_t>{-128, 127}));  // in range; the sum wraps
        EXPECT_EQ(values_of(i8a + (-128)), (std::vector<std::int8_t>{-127, -128}));
        EXPECT_EQ(values_of(make<std::uint8_t>({1, 0}) + 255), (std::vector<std::uint8_t>{0, 255}));
        EXPECT_EQ(values_of(make<std::int64_t>({1, 0}) + 300), (std::vector<std::int64_t>{301, 300}));
        EXPECT_EQ(values_of(make<std::int64_t>({1, 0}) + (-1)), (std::vector<std::int64_t>{0, -1}));
        EXPECT_EQ(values_of(make<std::uint64_t>({1, 0}) + 300), (std::vector<std::uint64_t>{301, 300}));
        EXPECT_EQ(values_of(make<float>({1, 0}) + 300), (std::vector<float>{301, 300}));
        EXPECT_EQ(values_of(make<float>({1, 0}) + (-1)), (std::vector<float>{0, -1}));
    }
}

namespace {

constexpr const char* k_out_of_range_comparisons[] = {
    "int8 < -1",  "uint8 < -1",  "int64 < -1",   "uint64 < -1",  "int8 < 300",    "uint8 < 300",
    "300 > int8", "-1 < uint8",  "uint8 >= -1",  "int8 == 300",  "int8 != 300",   "int8 <= -129",
    "uint64 == -1", "int64 < 2**64 - 1", "uint64 max == -1"};
constexpr int k_n_out_of_range = static_cast<int>(std::size(k_out_of_range_comparisons));

// Row k of the result is comparison k, each on the facts' array [1, 0] of its dtype.
auto out_of_range_comparisons(const gpu::ndarray<std::int32_t>& s, const gpu::ndarray<std::int8_t>& i8a,
                              const gpu::ndarray<std::uint8_t>& u8a, const gpu::ndarray<std::int64_t>& i64a,
                              const gpu::ndarray<std::uint64_t>& u64a, const gpu::ndarray<std::uint64_t>& u64max) {
    using gpu::where;
    return where(s == 0, i8a < -1, where(s == 1, u8a < -1, where(s == 2, i64a < -1, where(s == 3, u64a < -1,
           where(s == 4, i8a < 300, where(s == 5, u8a < 300, where(s == 6, 300 > i8a, where(s == 7, -1 < u8a,
           where(s == 8, u8a >= -1, where(s == 9, i8a == 300, where(s == 10, i8a != 300, where(s == 11, i8a <= -129,
           where(s == 12, u64a == -1, where(s == 13, i64a < std::numeric_limits<std::uint64_t>::max(),
                 u64max == -1))))))))))))));
}

}  // namespace

TEST(PromotionErrors, ComparisonsWithOutOfRangeIntegersGiveNumPysAnswer) {
    // NumPy 2.5.2: (a < -1).tolist() == [False, False] for int8, uint8, int64 and uint64 arrays
    // a = [1, 0], and a < 300 gives bool without an error; NumPy 2 compares a Python integer
    // with an integer array exactly, so the other rows follow from arithmetic.
    const bool F = false, T = true;
    const std::vector<std::vector<bool>> expected = {{F, F}, {F, F}, {F, F}, {F, F}, {T, T}, {T, T}, {T, T}, {T, T},
                                                     {T, T}, {F, F}, {T, T}, {F, F}, {F, F}, {T, T}, {F, F}};
    ASSERT_EQ(static_cast<int>(expected.size()), k_n_out_of_range);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        std::vector<std::int32_t> rows(k_n_out_of_range);
        for (int r = 0; r < k_n_out_of_range; ++r) rows[r] = r;
        const auto max = std::numeric_limits<std::uint64_t>::max();
        auto result = out_of_range_comparisons(make<std::int32_t>(rows, {k_n_out_of_range, 1}),
                                               make<std::int8_t>({1, 0}), make<std::uint8_t>({1, 0}),
                                               make<std::int64_t>({1, 0}), make<std::uint64_t>({1, 0}),
                                               make<std::uint64_t>({max, max}));
        static_assert(std::is_same_v<typename decltype(result)::value_type, bool>);
        const std::vector<bool> got = values_of(result);
        ASSERT_EQ(got.size(), 2 * expected.size());
        for (int r = 0; r < k_n_out_of_range; ++r)
            EXPECT_EQ((std::vector<bool>{got[2 * r], got[2 * r + 1]}), expected[r]) << k_out_of_range_comparisons[r];
    }
}

// ---- run time: negative integer powers -----------------------------------------------------------

template <class T>
class NegativePower : public ::testing::Test {};
using signed_int_dtypes = ::testing::Types<std::int8_t, std::int16_t, std::int32_t, std::int64_t>;
TYPED_TEST_SUITE(NegativePower, signed_int_dtypes, gpu_test::dtype_names);

TYPED_TEST(NegativePower, ScalarExponentThrowsValueError) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>({2, 3});
        // NumPy 2.5.2: ValueError: Integers to negative integer powers are not allowed.
        try {
            (void)gpu::power(a, -1);
            ADD_FAILURE() << "expected gpu::value_error";
        } catch (const gpu::value_error& e) {
            EXPECT_EQ(std::string(e.what()), "Integers to negative integer powers are not allowed.");
        }
        EXPECT_THROW((void)gpu::power(a + 1, -2), gpu::value_error);
        EXPECT_THROW((void)gpu::power(a, std::int8_t(-3)), gpu::value_error);
        // Zero and positive powers, float exponents and float bases are fine.
        EXPECT_NO_THROW((void)gpu::power(a, 0));
        EXPECT_NO_THROW((void)gpu::power(a, 2));
        EXPECT_NO_THROW((void)gpu::power(a, -1.0));
        EXPECT_NO_THROW((void)gpu::power(make<float>({2}), -1));
    }
}

TYPED_TEST(NegativePower, ArrayExponentThrowsValueError) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>({2, 3, 4});
        // NumPy 2.5.2: np.power(int [2, 3, 4], int [1, -1, 2]) raises the scalar case's ValueError.
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::power(a, make<T>({1, -1, 2})); }),
                  "Integers to negative integer powers are not allowed.");
        EXPECT_THROW((void)gpu::power(a, make<T>({3}) - 4), gpu::value_error);  // an expression exponent
        EXPECT_THROW((void)gpu::power(2, make<T>({0, -2})), gpu::value_error);  // a scalar base
        EXPECT_THROW((void)gpu::power(a, make<T>({1, 2, -1})(gpu::slice(2, 3))), gpu::value_error);  // a view
        // Non-negative exponents give the powers; a float base or an empty exponent is not checked.
        EXPECT_EQ(values_of(gpu::power(a, make<T>({0, 2, 1}))), (std::vector<T>{1, 9, 4}));
        const auto e = make<T>({1, 2, -1});
        EXPECT_EQ(values_of(gpu::power(a(gpu::slice(0, 2)), e(gpu::slice(0, 2)))), (std::vector<T>{2, 9}));
        EXPECT_NO_THROW((void)gpu::power(make<float>({2}), make<T>({-1})));
        // Inside a capture nothing can be read back, so the check is skipped (README).
        const auto negative = make<T>({1, -1, 2});
        gpu::ndarray<T> z(gpu::shape_t{3});
        EXPECT_NO_THROW({ const gpu::graph g = gpu::capture([&] { gpu::eval(gpu::power(a, negative), z); }); });
        EXPECT_EQ(values_of(gpu::power(make<T>(std::vector<T>{}), make<T>(std::vector<T>{}))).size(), 0u);
    }
}

// NumPy 2.5.2 computes bool ** <int> in int64 (power bool with 3 -> int64), and its int64 power
// loop raises "ValueError: Integers to negative integer powers are not allowed." for a negative
// exponent.
TEST(PromotionErrors, BoolArrayToNegativeIntegerPowerThrowsValueError) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto b = make<bool>({true, false});
        EXPECT_THROW((void)gpu::power(b, -1), gpu::value_error);
    }
}

TEST(PromotionEval, EvalReturnsNumPyDtype) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto s = gpu::eval(make<std::int8_t>({-1, 2}) + make<std::uint8_t>({255, 3}));
        static_assert(std::is_same_v<decltype(s), gpu::ndarray<std::int16_t>>);  // int8 + uint8 -> int16
        EXPECT_EQ(values_of(s), (std::vector<std::int16_t>{254, 5}));
        EXPECT_EQ(s.dtype(), dtype::int16);
        auto m = gpu::eval(make<std::int64_t>({-1}) + make<std::uint64_t>({1}));
        static_assert(std::is_same_v<decltype(m), gpu::ndarray<double>>);  // int64 + uint64 -> float64
        EXPECT_EQ(values_of(m), (std::vector<double>{0.0}));
        auto c = gpu::eval(make<float>({1, 2}) < make<std::int64_t>({2, 2}));
        static_assert(std::is_same_v<decltype(c), gpu::ndarray<bool>>);
        EXPECT_EQ(values_of(c), (std::vector<bool>{true, false}));
        // NumPy 2.5.2's unary table: sqrt of int16 is float32; integers convert exactly.
        auto r = gpu::eval(gpu::sqrt(make<std::int16_t>({0, 4, 9, 10000})));
        static_assert(std::is_same_v<decltype(r), gpu::ndarray<float>>);
        EXPECT_EQ(values_of(r), (std::vector<float>{0, 2, 3, 100}));
        EXPECT_EQ(r.dtype(), dtype::float32);
        // NumPy 2.5.2: np.clip(int32, 0.5, 2) is float64.
        auto k = gpu::eval(gpu::clip(make<std::int32_t>({1, 0, 3}), 0.5, 2));
        static_assert(std::is_same_v<decltype(k), gpu::ndarray<double>>);
        EXPECT_EQ(values_of(k), (std::vector<double>{1.0, 0.5, 2.0}));
    }
}
