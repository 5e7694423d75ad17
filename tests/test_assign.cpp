// Writing into existing arrays: ndarray::assign (NumPy's a[...] = e), gpu::eval(e, out) (a
// ufunc's out=), the in-place operators under NumPy's 'same_kind' rule, aliasing, rebinding with
// `z = x + y`, and expressions that own their operands. Expected values follow NumPy 2.x; each
// body runs once per available executor (host always, cuda when present), and every executor
// must give what the host executor gives.
#include "support.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::host_values;
using gpu_test::same_on_every_executor;

// ---- NumPy's element operations, written out for the reference ----------------------------------

template <class T>
T np_add(T x, T y) {
    if constexpr (std::is_same_v<T, bool>) return x || y;
    else if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<std::uint64_t>(x) + static_cast<std::uint64_t>(y));
    else return x + y;
}
template <class T>
T np_sub(T x, T y) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<std::uint64_t>(x) - static_cast<std::uint64_t>(y));
    else return x - y;
}
template <class T>
T np_mul(T x, T y) {
    if constexpr (std::is_same_v<T, bool>) return x && y;
    else if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<std::uint64_t>(x) * static_cast<std::uint64_t>(y));
    else return x * y;
}
// Python's %: the result takes the divisor's sign.
template <class T>
T np_mod(T x, T y) {
    if constexpr (std::is_floating_point_v<T>) {
        T m = std::fmod(x, y);
        if (m == T(0)) return std::copysign(T(0), y);
        return ((y < T(0)) != (m < T(0))) ? m + y : m;
    } else if constexpr (std::is_signed_v<T>) {
        T r = static_cast<T>(x % y);
        return (r != 0 && ((r < 0) != (y < 0))) ? static_cast<T>(r + y) : r;
    } else {
        return static_cast<T>(x % y);
    }
}
template <class T>
T np_shl(T x, T y) {
    return static_cast<T>(static_cast<std::uint64_t>(x) << y);
}
template <class T>
T np_shr(T x, T y) {
    return static_cast<T>(x >> y);
}

// Values that keep every operation defined: a's are small and of both signs, divisors are
// non-zero, shift counts lie in [0, 8).
template <class T>
std::vector<T> lhs_values() {
    if constexpr (std::is_same_v<T, bool>) return {true, false, true, false, true, true};
    else if constexpr (std::is_floating_point_v<T>) return {T(7.5), T(-3.25), T(0), T(100), T(-0.5), T(12)};
    else if constexpr (std::is_signed_v<T>) return {T(7), T(-13), T(0), T(100), T(-1), T(-128 + 2 * (sizeof(T) == 1))};
    else return {T(7), T(13), T(0), T(200), T(1), T(255)};
}
template <class T>
std::vector<T> rhs_values() {
    if constexpr (std::is_same_v<T, bool>) return {true, true, false, false, false, true};
    else if constexpr (std::is_floating_point_v<T>) return {T(2), T(0.5), T(-4), T(-7.25), T(3), T(0.125)};
    else if constexpr (std::is_signed_v<T>) return {T(2), T(5), T(-3), T(-7), T(3), T(4)};
    else return {T(2), T(5), T(3), T(7), T(3), T(4)};
}
template <class T>
std::vector<T> shift_values() {
    return {T(0), T(1), T(2), T(3), T(7), T(5)};
}

template <class T, class F>
std::vector<T> elementwise(const std::vector<T>& a, const std::vector<T>& b, F f) {
    std::vector<T> out;
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(f(a[i], b[i]));
    return out;
}
template <class T, class F>
std::vector<T> with_scalar(const std::vector<T>& a, T s, F f) {
    std::vector<T> out;
    for (T x : a) out.push_back(f(x, s));
    return out;
}

// The in-place checks go through function pointers, so each dtype instantiates the checking
// code once and every operator adds only its own expression (small translation unit).
template <class T>
using apply_fn = void (*)(gpu::ndarray<T>&, const gpu::ndarray<T>&);
template <class T>
using scalar_apply_fn = void (*)(gpu::ndarray<T>&);
template <class T>
using ref_fn = T (*)(T, T);

// x (values a) op= y (values rhs), on a handle that shares x's buffer: the other handle must see
// the result (the write is in place) and x must not be rebound.
template <class T>
void check_inplace(const char* name, apply_fn<T> apply, ref_fn<T> ref, const std::vector<T>& a,
                   const std::vector<T>& rhs, const gpu::shape_t& shape) {
    SCOPED_TRACE(name);
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> x = gpu::asarray(a, shape);
        const gpu::ndarray<T> alias = x;
        const auto y = gpu::asarray(rhs, shape);
        const auto* buffer = x.buffer().get();
        apply(x, y);
        EXPECT_EQ(x.buffer().get(), buffer) << "an in-place operator must not rebind";
        EXPECT_EQ(x.shape(), shape);
        return host_values(alias);
    });
    EXPECT_EQ(got, elementwise(a, rhs, ref));
}

template <class T>
void check_inplace_scalar(const char* name, scalar_apply_fn<T> apply, ref_fn<T> ref, const std::vector<T>& a, T s,
                          const gpu::shape_t& shape) {
    SCOPED_TRACE(std::string(name) + " scalar");
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> x = gpu::asarray(a, shape);
        const gpu::ndarray<T> alias = x;
        apply(x);
        return host_values(alias);
    });
    EXPECT_EQ(got, with_scalar(a, s, ref));
}

// Every distinct expression type costs about 0.6 s of -O3 compile time (host loop, kernel
// generation and launch code), so the operators run on one dtype of each kind that behaves
// differently: bool; int8, the narrowest signed integer, where wrap-around shows; uint64, the
// widest unsigned; float32. test_layouts covers every dtype's fill, copy and arithmetic.
template <class T>
class InPlace : public ::testing::Test {};
using inplace_types = ::testing::Types<bool, std::int8_t, std::uint64_t, float>;
TYPED_TEST_SUITE(InPlace, inplace_types);

}  // namespace

// ---- in-place operators -------------------------------------------------------------------------

// Every operator that applies to the dtype, with an array operand and with a C++ scalar (weak,
// as a Python scalar), on a handle that shares its buffer with another: the other handle must
// see the result (the write is in place). NumPy refuses the rest under 'same_kind' (static_assert
// here): bool -= and %=, integer /=, float bitwise and shifts.
TYPED_TEST(InPlace, Operators) {
    using T = TypeParam;
    constexpr bool is_bool = std::is_same_v<T, bool>;
    constexpr bool is_int = std::is_integral_v<T> && !is_bool;
    constexpr bool is_float = std::is_floating_point_v<T>;
    const auto a = lhs_values<T>(), b = rhs_values<T>(), sh = shift_values<T>();
    const gpu::shape_t shape{2, 3};

    auto check = [&](const char* name, apply_fn<T> apply, ref_fn<T> ref, const std::vector<T>& rhs) {
        check_inplace<T>(name, apply, ref, a, rhs, shape);
    };
    auto check_scalar = [&](const char* name, scalar_apply_fn<T> apply, ref_fn<T> ref, T s) {
        check_inplace_scalar<T>(name, apply, ref, a, s, shape);
    };

    constexpr bool is_uint = std::is_unsigned_v<T> && is_int;  // uint64: only what differs from int8
    check("+=", [](auto& x, const auto& y) { x += y; }, &np_add<T>, b);
    if constexpr (!is_uint) check("*=", [](auto& x, const auto& y) { x *= y; }, &np_mul<T>, b);
    if constexpr (is_bool) {
        check("&=", [](auto& x, const auto& y) { x &= y; }, [](T p, T q) -> T { return p && q; }, b);
        check("|=", [](auto& x, const auto& y) { x |= y; }, [](T p, T q) -> T { return p || q; }, b);
        check("^=", [](auto& x, const auto& y) { x ^= y; }, [](T p, T q) -> T { return p != q; }, b);
        check_scalar("^=", [](auto& x) { x ^= true; }, [](T p, T q) -> T { return p != q; }, true);
        check_scalar("+=", [](auto& x) { x += true; }, &np_add<T>, true);
    } else {
        check("-=", [](auto& x, const auto& y) { x -= y; }, &np_sub<T>, b);
        check("%=", [](auto& x, const auto& y) { x %= y; }, &np_mod<T>, b);
        check_scalar("-=", [](auto& x) { x -= 5; }, &np_sub<T>, T(5));  // unsigned values wrap
    }
    if constexpr (is_int && !is_uint) {
        check("&=", [](auto& x, const auto& y) { x &= y; }, [](T p, T q) { return T(p & q); }, b);
        check("|=", [](auto& x, const auto& y) { x |= y; }, [](T p, T q) { return T(p | q); }, b);
        check("^=", [](auto& x, const auto& y) { x ^= y; }, [](T p, T q) { return T(p ^ q); }, b);
    }
    if constexpr (is_int) {
        check("<<=", [](auto& x, const auto& y) { x <<= y; }, &np_shl<T>, sh);
        check(">>=", [](auto& x, const auto& y) { x >>= y; }, &np_shr<T>, sh);
    }
    if constexpr (std::is_signed_v<T> && is_int) {
        check_scalar("%= -3", [](auto& x) { x %= -3; }, &np_mod<T>, T(-3));
        check_scalar("<<=", [](auto& x) { x <<= 2; }, &np_shl<T>, T(2));
    }
    if constexpr (is_float) {
        check("/=", [](auto& x, const auto& y) { x /= y; }, [](T p, T q) { return p / q; }, b);
        check_scalar("/=", [](auto& x) { x /= 4; }, [](T p, T q) { return p / q; }, T(4));
        check_scalar("+= 2.5", [](auto& x) { x += 2.5; }, &np_add<T>, T(2.5));  // stays T (weak scalar)
        check_scalar("%= -3", [](auto& x) { x %= -3; }, &np_mod<T>, T(-3));
    }
}

// In-place operators broadcast their operand over the destination and work on views.
TYPED_TEST(InPlace, AddBroadcastAndViews) {
    using T = TypeParam;
    const auto a = lhs_values<T>();
    const std::vector<T> row{rhs_values<T>()[0], rhs_values<T>()[1], rhs_values<T>()[2]};
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> x = gpu::asarray(a, {2, 3});
        x += gpu::asarray(row, {3});  // (2,3) += (3,)
        std::vector<T> first = host_values(x);
        // Into the transpose of a fresh copy: (3,2) view += (3,1) column.
        gpu::ndarray<T> base = gpu::asarray(a, {2, 3});
        gpu::ndarray<T> t(base.buffer(), {3, 2}, {1, 3}, 0);
        t += gpu::asarray(row, {3, 1});
        std::vector<T> second = host_values(base);
        return std::pair{first, second};
    });
    std::vector<T> e1, e2(a);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) e1.push_back(np_add(a[3 * i + j], row[j]));
    // base[i][j] is t[j][i], which received row[j].
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) e2[3 * i + j] = np_add(a[3 * i + j], row[j]);
    EXPECT_EQ(got.first, e1);
    EXPECT_EQ(got.second, e2);
}

// ---- assign ---------------------------------------------------------------------------------------

TEST(Assign, WritesInPlace) {
    const auto got = same_on_every_executor([] {
        auto x = gpu::asarray<int>({1, 2, 3, 4});
        auto y = gpu::asarray<int>({10, 20, 30, 40});
        gpu::ndarray<int> a(gpu::shape_t{4});
        const gpu::ndarray<int> other = a;  // shares a's buffer
        const auto* buffer = a.buffer().get();
        gpu::ndarray<int>& ret = a.assign(x + y);
        EXPECT_EQ(&ret, &a);
        EXPECT_EQ(a.buffer().get(), buffer);
        EXPECT_EQ(host_values(a), (std::vector<int>{11, 22, 33, 44}));
        a.assign(x);  // from an array: copies the values
        EXPECT_EQ(host_values(other), (std::vector<int>{1, 2, 3, 4}));
        x.assign(0);
        EXPECT_EQ(host_values(a), (std::vector<int>{1, 2, 3, 4}));  // a does not share x
        return host_values(other);
    });
    EXPECT_EQ(got, (std::vector<int>{1, 2, 3, 4}));
}

TEST(Assign, BroadcastsIntoDestination) {
    const auto got = same_on_every_executor([] {
        std::vector<std::vector<int>> out;
        gpu::ndarray<int> a(gpu::shape_t{2, 3});
        a.assign(gpu::asarray<int>({1, 2, 3}));  // row
        out.push_back(host_values(a));
        a.assign(gpu::asarray<int>({{7}, {8}}));  // column
        out.push_back(host_values(a));
        a.assign(gpu::asarray(std::vector<int>{5}, {}));  // 0-d
        out.push_back(host_values(a));
        a.assign(gpu::asarray<int>({{1, 2, 3}}) * gpu::asarray<int>({{10}, {100}}));  // (1,3)*(2,1)
        out.push_back(host_values(a));
        gpu::ndarray<int> b(gpu::shape_t{2, 1, 3});
        b.assign(gpu::asarray<int>({{4, 5, 6}}));  // (1,3) into (2,1,3)
        out.push_back(host_values(b));
        return out;
    });
    ASSERT_EQ(got.size(), 5u);
    EXPECT_EQ(got[0], (std::vector<int>{1, 2, 3, 1, 2, 3}));
    EXPECT_EQ(got[1], (std::vector<int>{7, 7, 7, 8, 8, 8}));
    EXPECT_EQ(got[2], (std::vector<int>(6, 5)));
    EXPECT_EQ(got[3], (std::vector<int>{10, 20, 30, 100, 200, 300}));
    EXPECT_EQ(got[4], (std::vector<int>{4, 5, 6, 4, 5, 6}));
}

// assign converts as astype does (NumPy's setitem casts 'unsafe'). An out-of-range C++ integer
// scalar is an error in NumPy 2: see Errors.AssignOutOfRangeIntegerScalar in test_errors.cpp.
TEST(Assign, ConvertsDtype) {
    same_on_every_executor([] {
        const auto f = gpu::asarray<double>({1.7, -1.7, 2.5, -0.5});
        gpu::ndarray<int> i(gpu::shape_t{4});
        i.assign(f);
        EXPECT_EQ(host_values(i), (std::vector<int>{1, -1, 2, 0}));  // truncation toward zero
        i.assign(f + 0.5);
        EXPECT_EQ(host_values(i), (std::vector<int>{2, -1, 3, 0}));
        i.assign(2.7);
        EXPECT_EQ(host_values(i), (std::vector<int>(4, 2)));
        gpu::ndarray<std::uint8_t> u(gpu::shape_t{3});
        u.assign(gpu::asarray<std::int64_t>({-1, 256, 300}));
        EXPECT_EQ(host_values(u), (std::vector<std::uint8_t>{255, 0, 44}));  // as astype: wraps
        gpu::ndarray<bool> b(gpu::shape_t{3});
        b.assign(gpu::asarray<double>({0.0, 0.5, -2.0}));
        EXPECT_EQ(host_values(b), (std::vector<bool>{false, true, true}));
        gpu::ndarray<float> g(gpu::shape_t{3});
        g.assign(gpu::asarray<std::int32_t>({1, -2, 16777217}));
        EXPECT_EQ(host_values(g), (std::vector<float>{1.0f, -2.0f, 16777216.0f}));
        g.assign(gpu::asarray<bool>({true, false, true}));
        EXPECT_EQ(host_values(g), (std::vector<float>{1, 0, 1}));
        // The same conversion as astype.
        gpu::ndarray<int> via_astype = gpu::eval(f.astype<int>());
        EXPECT_EQ(host_values(via_astype), (std::vector<int>{1, -1, 2, 0}));
        return 0;
    });
}

TEST(Assign, IntoStridedDestinations) {
    const auto got = same_on_every_executor([] {
        std::vector<std::vector<int>> out;
        // base[::2] = [1, 2, 3]
        auto base = gpu::asarray<int>({0, 0, 0, 0, 0, 0});
        gpu::ndarray<int>(base.buffer(), {3}, {2}, 0).assign(gpu::asarray<int>({1, 2, 3}));
        out.push_back(host_values(base));
        // base[::-1] = arange(6)
        gpu::ndarray<int>(base.buffer(), {6}, {-1}, 5).assign(gpu::asarray<int>({0, 1, 2, 3, 4, 5}));
        out.push_back(host_values(base));
        // m.T = [[1, 2], [3, 4], [5, 6]] for m of shape (2,3)
        auto m = gpu::asarray<int>({{0, 0, 0}, {0, 0, 0}});
        gpu::ndarray<int>(m.buffer(), {3, 2}, {1, 3}, 0).assign(gpu::asarray<int>({{1, 2}, {3, 4}, {5, 6}}));
        out.push_back(host_values(m));
        // m[:, 1] = 9 and m[1, 1:] += 100
        gpu::ndarray<int>(m.buffer(), {2}, {3}, 1).assign(9);
        gpu::ndarray<int> tail(m.buffer(), {2}, {1}, 4);
        tail += 100;
        out.push_back(host_values(m));
        // eval into a stepped view
        auto dst = gpu::asarray<int>({-1, -1, -1, -1, -1});
        gpu::ndarray<int> odd(dst.buffer(), {2}, {2}, 1);
        gpu::eval(gpu::asarray<int>({4, 5}) * 2, odd);
        out.push_back(host_values(dst));
        return out;
    });
    ASSERT_EQ(got.size(), 5u);
    EXPECT_EQ(got[0], (std::vector<int>{1, 0, 2, 0, 3, 0}));
    EXPECT_EQ(got[1], (std::vector<int>{5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(got[2], (std::vector<int>{1, 3, 5, 2, 4, 6}));
    EXPECT_EQ(got[3], (std::vector<int>{1, 9, 5, 2, 109, 106}));
    EXPECT_EQ(got[4], (std::vector<int>{-1, 8, -1, 10, -1}));
}

// ---- eval into a preallocated array ---------------------------------------------------------------

TEST(EvalInto, PreallocatedOutput) {
    same_on_every_executor([] {
        const auto x = gpu::asarray<double>({0.5, 1.5, 2.5});
        gpu::ndarray<double> out(gpu::shape_t{3});
        const auto* buffer = out.buffer().get();
        gpu::ndarray<double>& r = gpu::eval(x + 0.5, out);
        EXPECT_EQ(&r, &out);
        EXPECT_EQ(out.buffer().get(), buffer);
        EXPECT_EQ(host_values(out), (std::vector<double>{1, 2, 3}));
        // float64 into float32 is 'same_kind'.
        gpu::ndarray<float> f32(gpu::shape_t{3});
        gpu::eval(x + 0.5, f32);
        EXPECT_EQ(host_values(f32), (std::vector<float>{1.0f, 2.0f, 3.0f}));
        // int8 into int64, uint8 into int16, int into float64, bool into int: all same_kind.
        gpu::ndarray<std::int64_t> i64(gpu::shape_t{2});
        gpu::eval(gpu::asarray<std::int8_t>({-5, 100}) + gpu::asarray<std::int8_t>({1, 100}), i64);
        EXPECT_EQ(host_values(i64), (std::vector<std::int64_t>{-4, -56}));  // wraps in int8 first
        gpu::ndarray<std::int16_t> i16(gpu::shape_t{2});
        gpu::eval(gpu::asarray<std::uint8_t>({200, 7}), i16);
        EXPECT_EQ(host_values(i16), (std::vector<std::int16_t>{200, 7}));
        gpu::ndarray<double> d(gpu::shape_t{2});
        gpu::eval(gpu::asarray<int>({3, 4}) * 2, d);
        EXPECT_EQ(host_values(d), (std::vector<double>{6, 8}));
        gpu::ndarray<int> i(gpu::shape_t{2});
        gpu::eval(gpu::asarray<bool>({true, false}), i);
        EXPECT_EQ(host_values(i), (std::vector<int>{1, 0}));
        // The result broadcasts to out's shape.
        gpu::ndarray<double> big(gpu::shape_t{2, 3});
        gpu::eval(x + 0.5, big);
        EXPECT_EQ(host_values(big), (std::vector<double>{1, 2, 3, 1, 2, 3}));
        // out may be one of the inputs (the same elements: safe).
        gpu::ndarray<double> y = gpu::asarray<double>({1, 2, 3});
        gpu::eval(y + 0.5, y);
        EXPECT_EQ(host_values(y), (std::vector<double>{1.5, 2.5, 3.5}));
        return 0;
    });
}

// ---- mixed dtypes in place (same_kind) -----------------------------------------------------------

TEST(InPlaceMixed, SameKindCasts) {
    same_on_every_executor([] {
        gpu::ndarray<float> f = gpu::asarray<float>({1.0f, 2.0f});
        f += gpu::asarray<double>({0.5, 0.25});  // float64 result into float32
        EXPECT_EQ(host_values(f), (std::vector<float>{1.5f, 2.25f}));
        gpu::ndarray<std::int8_t> i8 = gpu::asarray<std::int8_t>({100, -100});
        i8 += gpu::asarray<std::int32_t>({100, -100});  // int32 result wraps into int8
        EXPECT_EQ(host_values(i8), (std::vector<std::int8_t>{-56, 56}));
        gpu::ndarray<std::int32_t> i32 = gpu::asarray<std::int32_t>({1, 2});
        i32 += gpu::asarray<bool>({true, false});
        EXPECT_EQ(host_values(i32), (std::vector<std::int32_t>{2, 2}));
        i32 -= gpu::asarray<std::uint8_t>({10, 1});  // uint8 -> int32
        EXPECT_EQ(host_values(i32), (std::vector<std::int32_t>{-8, 1}));
        gpu::ndarray<std::uint8_t> u8 = gpu::asarray<std::uint8_t>({250, 3});
        u8 += 10;  // wraps
        EXPECT_EQ(host_values(u8), (std::vector<std::uint8_t>{4, 13}));
        gpu::ndarray<double> d = gpu::asarray<double>({1, 2});
        d /= gpu::asarray<int>({4, 8});
        EXPECT_EQ(host_values(d), (std::vector<double>{0.25, 0.25}));
        return 0;
    });
}

// ---- aliasing ------------------------------------------------------------------------------------

TEST(Aliasing, SameElements) {
    const auto got = same_on_every_executor([] {
        std::vector<std::vector<int>> out;
        auto a = gpu::asarray<int>({1, 2, 3});
        a += a;
        out.push_back(host_values(a));
        a *= a;
        out.push_back(host_values(a));
        a.assign(a - 1);
        out.push_back(host_values(a));
        a.assign(a);
        out.push_back(host_values(a));
        auto b = a;  // another handle on the same buffer
        a -= b;
        out.push_back(host_values(b));
        return out;
    });
    ASSERT_EQ(got.size(), 5u);
    EXPECT_EQ(got[0], (std::vector<int>{2, 4, 6}));
    EXPECT_EQ(got[1], (std::vector<int>{4, 16, 36}));
    EXPECT_EQ(got[2], (std::vector<int>{3, 15, 35}));
    EXPECT_EQ(got[3], (std::vector<int>{3, 15, 35}));
    EXPECT_EQ(got[4], (std::vector<int>{0, 0, 0}));
}

// NumPy gives the result as if the right-hand side were read before anything is written when
// input and output overlap partially:
//   >>> a = np.arange(5); a[1:] = a[:-1]; a        -> [0 0 1 2 3]
//   >>> a = np.arange(5); a[...] = a[::-1]; a      -> [4 3 2 1 0]
//   >>> a = np.arange(9).reshape(3, 3); a[...] = a.T; a   -> the transpose
//   >>> a = np.arange(9).reshape(3, 3); a += a.T; a       -> a + a.T, symmetric
// detail::run_into detects the overlap and evaluates through a temporary; an operand in exactly
// the destination's layout (`a += a`) and disjoint views of one buffer stay direct.
TEST(Aliasing, PartialOverlap) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = gpu::asarray<int>({0, 1, 2, 3, 4});
        gpu::ndarray<int>(a.buffer(), {4}, {1}, 1).assign(gpu::ndarray<int>(a.buffer(), {4}, {1}, 0));
        EXPECT_EQ(host_values(a), (std::vector<int>{0, 0, 1, 2, 3})) << "a[1:] = a[:-1]";

        auto b = gpu::asarray<int>({0, 1, 2, 3, 4});
        gpu::ndarray<int>(b.buffer(), {4}, {1}, 0).assign(gpu::ndarray<int>(b.buffer(), {4}, {1}, 1) * 10);
        EXPECT_EQ(host_values(b), (std::vector<int>{10, 20, 30, 40, 4})) << "a[:-1] = a[1:] * 10";

        auto c = gpu::asarray<int>({0, 1, 2, 3, 4});
        c.assign(gpu::ndarray<int>(c.buffer(), {5}, {-1}, 4));
        EXPECT_EQ(host_values(c), (std::vector<int>{4, 3, 2, 1, 0})) << "a[...] = a[::-1]";

        auto d = gpu::asarray<int>({{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
        d.assign(gpu::ndarray<int>(d.buffer(), {3, 3}, {1, 3}, 0));
        EXPECT_EQ(host_values(d), (std::vector<int>{0, 3, 6, 1, 4, 7, 2, 5, 8})) << "a[...] = a.T";

        auto e = gpu::asarray<int>({{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
        e += gpu::ndarray<int>(e.buffer(), {3, 3}, {1, 3}, 0);
        EXPECT_EQ(host_values(e), (std::vector<int>{0, 4, 8, 4, 8, 12, 8, 12, 16})) << "a += a.T";
    }
}

// The same overlaps on 2^22 elements, where the GPU's blocks run in no fixed order: a block
// that reads elements another block has already written gives a wrong result there too.
TEST(Aliasing, PartialOverlapLarge) {
    const std::int64_t n = std::int64_t{1} << 22;
    std::vector<std::int32_t> iota(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) iota[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i);
    auto count_wrong = [](const std::vector<std::int32_t>& got, auto expect) {
        std::int64_t wrong = 0;
        for (std::size_t i = 0; i < got.size(); ++i) wrong += got[i] != expect(static_cast<std::int64_t>(i));
        return wrong;
    };
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = gpu::asarray(iota);
        gpu::ndarray<std::int32_t>(a.buffer(), {n - 1}, {1}, 1).assign(gpu::ndarray<std::int32_t>(a.buffer(), {n - 1}, {1}, 0));
        EXPECT_EQ(count_wrong(host_values(a), [](std::int64_t i) { return i == 0 ? 0 : i - 1; }), 0) << "a[1:] = a[:-1]";
        auto c = gpu::asarray(iota);
        c.assign(gpu::ndarray<std::int32_t>(c.buffer(), {n}, {-1}, n - 1));
        EXPECT_EQ(count_wrong(host_values(c), [n](std::int64_t i) { return n - 1 - i; }), 0) << "a[...] = a[::-1]";
    }
}

// ---- rebinding and ownership -----------------------------------------------------------------------

// `z = x + y` binds z to a new result, like Python's name binding: another handle on z's old
// buffer keeps the old values.
TEST(Rebinding, AssignmentOperatorRebinds) {
    same_on_every_executor([] {
        const auto x = gpu::asarray<int>({1, 2, 3});
        const auto y = gpu::asarray<int>({10, 20, 30});
        gpu::ndarray<int> z = gpu::asarray<int>({7, 7, 7});
        const gpu::ndarray<int> old = z;
        z = x + y;
        EXPECT_NE(z.buffer(), old.buffer());
        EXPECT_EQ(host_values(z), (std::vector<int>{11, 22, 33}));
        EXPECT_EQ(host_values(old), (std::vector<int>{7, 7, 7}));
        // Rebinding to an expression of z itself reads the old z.
        z = z * 2;
        EXPECT_EQ(host_values(z), (std::vector<int>{22, 44, 66}));
        // Copying a handle shares; assigning a handle rebinds without touching the old buffer.
        gpu::ndarray<int> w = old;
        w = x;
        EXPECT_EQ(w.buffer(), x.buffer());
        EXPECT_EQ(host_values(old), (std::vector<int>{7, 7, 7}));
        // A result may also change shape on rebinding.
        z = x + gpu::asarray<int>({{0}, {100}});
        EXPECT_EQ(z.shape(), (gpu::shape_t{2, 3}));
        return 0;
    });
}

// `auto e = a + b;` holds a and b by value: it outlives the arrays it was built from.
TEST(Ownership, ExpressionOwnsOperands) {
    const auto got = same_on_every_executor([] {
        std::optional<gpu::ndarray<float>> a, b;
        a = gpu::asarray<float>({1, 2, 3});
        b = gpu::asarray<float>({0.5f, 0.25f, 0.125f});
        auto e = *a + *b;
        std::weak_ptr<gpu::detail::buffer> a_buffer = a->buffer();
        a.reset();
        b.reset();
        EXPECT_FALSE(a_buffer.expired()) << "the expression should keep a's buffer alive";
        gpu::ndarray<float> r = e;
        auto r2 = gpu::eval(e);  // evaluating twice gives the same
        EXPECT_EQ(host_values(r2), host_values(r));
        // Built from temporaries only.
        auto t = gpu::asarray<int>({1, 2}) + gpu::asarray<int>({{10}, {20}});
        EXPECT_EQ(host_values(gpu::eval(t)), (std::vector<int>{11, 12, 21, 22}));
        return host_values(r);
    });
    EXPECT_EQ(got, (std::vector<float>{1.5f, 2.25f, 3.125f}));
}

// An expression shares its arrays' buffers: it reads their values when it runs, not when built.
TEST(Ownership, ExpressionIsLazy) {
    same_on_every_executor([] {
        auto a = gpu::asarray<int>({1, 2, 3});
        auto e = a + 1;
        a.assign(10);
        EXPECT_EQ(host_values(gpu::eval(e)), (std::vector<int>{11, 11, 11}));
        a = gpu::asarray<int>({5, 5, 5});  // rebinding a does not change what e holds
        EXPECT_EQ(host_values(gpu::eval(e)), (std::vector<int>{11, 11, 11}));
        return 0;
    });
}
