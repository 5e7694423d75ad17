// gpu::sort and gpu::argsort: NumPy's values (tools/numpy_data/gen_sort.py prints them) for every
// dtype, NaNs, -0.0, ties (stability pinned), axes, flattened, transposed and sliced views, empty
// and 0-d inputs; larger inputs (many tiles of the onesweep kernels, several rows) compared with
// the host executor on the GPU. float16 / bfloat16 / complex (NaN groups) and gpu::sort_complex.
#include "sort_support.hpp"

#include <gpu/sorting.hpp>

#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using gpu_test::view;
using i64 = std::int64_t;

template <class A>
void expect_shape(const A& a, const gpu::shape_t& s) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(s));
}

static_assert(std::is_same_v<decltype(gpu::sort(std::declval<gpu::ndarray<std::int8_t>>())), gpu::ndarray<std::int8_t>>);
static_assert(std::is_same_v<decltype(gpu::argsort(std::declval<gpu::ndarray<float>>())), gpu::ndarray<i64>>);

template <class T>
class SortDtypes : public ::testing::Test {};
TYPED_TEST_SUITE(SortDtypes, gpu_test::all_dtypes, gpu_test::dtype_names);

// np.sort / np.argsort(kind="stable") of [3, 1, 2, 1, 0, 2] as each dtype (bool: [1, 1, 1, 1, 0, 1]).
TYPED_TEST(SortDtypes, SmallWithTies) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(gpu_test::as<T>({3, 1, 2, 1, 0, 2}));
        if constexpr (std::is_same_v<T, bool>) {
            expect_values(values_of(gpu::sort(a)), gpu_test::as<T>({0, 1, 1, 1, 1, 1}));
            expect_values(values_of(gpu::argsort(a)), std::vector<i64>{4, 0, 1, 2, 3, 5});
        } else {
            expect_values(values_of(gpu::sort(a)), gpu_test::as<T>({0, 1, 1, 2, 2, 3}));
            expect_values(values_of(gpu::argsort(a)), std::vector<i64>{4, 1, 3, 2, 5, 0});
        }
    }
}

// The extremes of each dtype, both signs.
TYPED_TEST(SortDtypes, Extremes) {
    using T = TypeParam;
    if constexpr (!std::is_same_v<T, bool>) {
        using L = std::numeric_limits<T>;
        GPU_TEST_FOR_EACH_EXECUTOR(ex) {
            const T lo = L::lowest(), hi = L::max(), one = T(1), zero = T(0);
            const auto a = make(std::vector<T>{hi, zero, lo, one, hi, lo});
            if constexpr (std::is_signed_v<T>) {
                expect_values(values_of(gpu::sort(a)), std::vector<T>{lo, lo, zero, one, hi, hi});
                expect_values(values_of(gpu::argsort(a)), std::vector<i64>{2, 5, 1, 3, 0, 4});
            } else {  // lowest() is 0
                expect_values(values_of(gpu::sort(a)), std::vector<T>{zero, zero, zero, one, hi, hi});
                expect_values(values_of(gpu::argsort(a)), std::vector<i64>{1, 2, 5, 3, 0, 4});
            }
        }
    }
}

template <class T>
class SortSigned : public ::testing::Test {};
using signed_dtypes = ::testing::Types<std::int8_t, std::int16_t, std::int32_t, std::int64_t, float, double>;
TYPED_TEST_SUITE(SortSigned, signed_dtypes, gpu_test::dtype_names);

TYPED_TEST(SortSigned, Negatives) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<T>{T(5), T(-1), T(-100), T(100), T(0), T(-1)});
        expect_values(values_of(gpu::sort(a)), std::vector<T>{T(-100), T(-1), T(-1), T(0), T(5), T(100)});
        expect_values(values_of(gpu::argsort(a)), std::vector<i64>{2, 1, 5, 4, 0, 3});
    }
}

template <class T>
class SortFloats : public ::testing::Test {};
TYPED_TEST_SUITE(SortFloats, gpu_test::float_dtypes, gpu_test::dtype_names);

// NaNs last (in their order), -0.0 == 0.0 (in their order), infinities.
TYPED_TEST(SortFloats, NanAndSignedZero) {
    using T = TypeParam;
    const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<T>{nan, T(1.5), T(-0.0), -inf, T(0.0), -nan, inf, T(-2), T(0.0)});
        const auto s = values_of(gpu::sort(a));
        expect_values(s, std::vector<T>{-inf, T(-2), T(-0.0), T(0.0), T(0.0), T(1.5), inf, nan, nan});
        EXPECT_TRUE(std::signbit(s[2]));
        EXPECT_FALSE(std::signbit(s[3]));
        EXPECT_FALSE(std::signbit(s[4]));
        // The host keeps each NaN's sign bit (NumPy moves values); the GPU's radix keys clear it
        // so that every NaN sorts last (README, sorting).
        EXPECT_FALSE(std::signbit(s[7]));
        EXPECT_EQ(std::signbit(s[8]), ex == gpu::executor::host);
        expect_values(values_of(gpu::argsort(a)), std::vector<i64>{3, 7, 2, 4, 8, 1, 6, 0, 5});
        // -0.0 after 0.0 keeps its place after it.
        const auto z = make(std::vector<T>{T(0.0), T(-0.0), T(-1), T(0.0)});
        expect_values(values_of(gpu::argsort(z)), std::vector<i64>{2, 0, 1, 3});
    }
}

TEST(Sort, Axes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{3, 1, 2, 0, 5, 4}, {2, 3});
        auto s = gpu::sort(a);
        expect_shape(s, {2, 3});
        expect_values(values_of(s), std::vector<int>{1, 2, 3, 0, 4, 5});
        expect_values(values_of(gpu::sort(a, 0)), std::vector<int>{0, 1, 2, 3, 5, 4});
        expect_values(values_of(gpu::sort(a, -2)), std::vector<int>{0, 1, 2, 3, 5, 4});
        auto f = gpu::sort(a, gpu::none);
        expect_shape(f, {6});
        expect_values(values_of(f), std::vector<int>{0, 1, 2, 3, 4, 5});
        expect_values(values_of(gpu::argsort(a)), std::vector<i64>{1, 2, 0, 0, 2, 1});
        expect_values(values_of(gpu::argsort(a, 0)), std::vector<i64>{1, 0, 0, 0, 1, 1});
        expect_values(values_of(gpu::argsort(a, gpu::none)), std::vector<i64>{3, 1, 2, 0, 5, 4});
        // 3-D, the middle axis.
        const auto b = make(std::vector<int>{4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3}, {2, 3, 2});
        expect_values(values_of(gpu::sort(b, 1)), std::vector<int>{0, 1, 2, 3, 4, 9, 4, 3, 6, 5, 8, 7});
        expect_values(values_of(gpu::argsort(b, 1)), std::vector<i64>{2, 1, 1, 0, 0, 2, 2, 2, 1, 1, 0, 0});
    }
}

TEST(Sort, Views) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<int>{3, 1, 2, 0, 5, 4}, {2, 3});
        const auto t = a.T();  // [[3, 0], [1, 5], [2, 4]]
        auto s = gpu::sort(t);
        expect_shape(s, {3, 2});
        expect_values(values_of(s), std::vector<int>{0, 3, 1, 5, 2, 4});
        expect_values(values_of(gpu::argsort(t)), std::vector<i64>{1, 0, 0, 1, 0, 1});
        expect_values(values_of(gpu::sort(t, 0)), std::vector<int>{1, 0, 2, 4, 3, 5});
        expect_values(values_of(gpu::argsort(t, gpu::none)), std::vector<i64>{1, 2, 4, 0, 5, 3});
        const auto v = view(make(std::vector<float>{5, 4, 3, 2, 1, 0}), {3}, {2}, 0);  // [5, 3, 1]
        expect_values(values_of(gpu::sort(v)), std::vector<float>{1, 3, 5});
        expect_values(values_of(gpu::argsort(v)), std::vector<i64>{2, 1, 0});
        const auto r = view(make(std::vector<float>{5, 4, 3, 2, 1, 0}), {3}, {-1}, 4);  // [1, 2, 3]
        expect_values(values_of(gpu::argsort(r)), std::vector<i64>{0, 1, 2});
        // An expression is evaluated first.
        expect_values(values_of(gpu::sort(make(std::vector<int>{1, 3, 2}) * -1)), std::vector<int>{-3, -2, -1});
    }
}

TEST(Sort, EmptyAndZeroD) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto e = make(std::vector<float>{});
        expect_shape(gpu::sort(e), {0});
        expect_shape(gpu::argsort(e), {0});
        const gpu::ndarray<int> e2(gpu::shape_t{2, 0}, ex);
        expect_shape(gpu::sort(e2, 0), {2, 0});
        expect_shape(gpu::argsort(e2, 1), {2, 0});
        expect_shape(gpu::sort(e2, gpu::none), {0});
        gpu::ndarray<int> z(gpu::shape_t{}, ex);
        z.assign(7);
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::sort(z); },
                                                 "axis -1 is out of bounds for array of dimension 0");
        auto f = gpu::sort(z, gpu::none);
        expect_shape(f, {1});
        expect_values(values_of(f), std::vector<int>{7});
        auto i = gpu::argsort(z);
        expect_shape(i, {1});
        expect_values(values_of(i), std::vector<i64>{0});
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::sort(make(std::vector<int>{1, 2}, {1, 2}), 2); },
                                                 "axis 2 is out of bounds for array of dimension 2");
    }
}

// Larger inputs: several onesweep tiles and portions of work, few distinct keys (ties: the
// stable order is pinned by argsort), rows and columns. GPU results must equal the host's.
template <class T>
std::vector<T> random_values(std::size_t n, int distinct, unsigned seed) {
    std::mt19937 g(seed);
    std::uniform_int_distribution<int> d(-distinct / 2, distinct / 2);
    std::vector<T> v(n);
    for (auto& x : v) x = static_cast<T>(d(g));
    return v;
}

template <class T>
void same_everywhere(const std::vector<T>& values, const gpu::shape_t& shape) {
    for (int axis : {-1, 0}) {
        gpu_test::same_on_every_executor([&] { return values_of(gpu::sort(make(values, shape), axis)); });
        gpu_test::same_on_every_executor([&] { return values_of(gpu::argsort(make(values, shape), axis)); });
    }
    gpu_test::same_on_every_executor([&] { return values_of(gpu::argsort(make(values, shape), gpu::none)); });
}

TEST(Sort, LargeSameOnEveryExecutor) {
    same_everywhere(random_values<float>(300001, 1000, 1), {300001});
    same_everywhere(random_values<std::int64_t>(200000, 50, 2), {200000});
    same_everywhere(random_values<std::uint16_t>(100000, 7, 3), {1000, 100});
    same_everywhere(random_values<double>(50000, 20, 4), {5, 10000});
    same_everywhere(random_values<std::int8_t>(70000, 200, 5), {70, 1000});
    std::vector<bool> b(40000);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = (i * 7919) % 3 == 0;
    gpu_test::same_on_every_executor([&] { return values_of(gpu::argsort(gpu::asarray(b, gpu::shape_t{200, 200}))); });
}

// ---- float16, bfloat16, complex ----------------------------------------------------------------

using c64 = std::complex<float>;
using c128 = std::complex<double>;
using half_dtypes = ::testing::Types<gpu::float16, gpu::bfloat16>;
using complex_dtypes = ::testing::Types<c64, c128>;

using gpu_test::canonical_bits;
using gpu_test::expect_complex;
using gpu_test::floats_of;

template <class T>
class SortHalf : public ::testing::Test {};
TYPED_TEST_SUITE(SortHalf, half_dtypes, gpu_test::dtype_names);

// NaNs last, -0.0 == 0.0 in their order, infinities, subnormal-free extremes exact in both types.
TYPED_TEST(SortHalf, NanZerosInfinities) {
    using H = TypeParam;
    const double nan = std::nan(""), inf = INFINITY;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(gpu_test::of_doubles<H>({nan, 1.5, -0.0, -inf, 0.0, -nan, inf, -2, 0.0, 1024, 0x1p-14, -1024, 1.5}));
        const auto s = floats_of(gpu::sort(a));
        gpu_test::expect_values(s, std::vector<float>{-INFINITY, -1024, -2, -0.0f, 0, 0, 0x1p-14f, 1.5f, 1.5f, 1024,
                                                      INFINITY, NAN, NAN});
        EXPECT_TRUE(std::signbit(s[3]));
        EXPECT_FALSE(std::signbit(s[4]));
        EXPECT_FALSE(std::signbit(s[5]));
        expect_values(values_of(gpu::argsort(a)), std::vector<i64>{3, 11, 7, 2, 4, 8, 10, 1, 12, 9, 6, 0, 5});
        expect_values(values_of(gpu::argsort(make(gpu_test::of_doubles<H>({0.0, -0.0, -1, 0.0})))), std::vector<i64>{2, 0, 1, 3});
        // Axis 0, a transposed view, the flattened array.
        const auto m = make(gpu_test::of_doubles<H>({3, nan, -1, 0.5, -0.0, 0.0}), {2, 3});
        gpu_test::expect_values(floats_of(gpu::sort(m, 0)), std::vector<float>{0.5f, -0.0f, -1, 3, NAN, 0});
        expect_values(values_of(gpu::argsort(m, 0)), std::vector<i64>{1, 1, 0, 0, 0, 1});
        expect_values(values_of(gpu::argsort(m.T())), std::vector<i64>{1, 0, 1, 0, 0, 1});
        gpu_test::expect_values(floats_of(gpu::sort(m, gpu::none)), std::vector<float>{-1, -0.0f, 0, 0.5f, 3, NAN});
        // Empty, 0-d, a strided view.
        expect_shape(gpu::sort(make(std::vector<H>{})), {0});
        gpu::ndarray<H> z(gpu::shape_t{}, ex);
        z.assign(2.5);
        gpu_test::expect_values(floats_of(gpu::sort(z, gpu::none)), std::vector<float>{2.5f});
        expect_values(values_of(gpu::argsort(z)), std::vector<i64>{0});
        const auto v = view(make(gpu_test::of_doubles<H>({5, 4, 3, 2, 1, 0})), {3}, {2}, 0);  // [5, 3, 1]
        gpu_test::expect_values(floats_of(gpu::sort(v)), std::vector<float>{1, 3, 5});
    }
}

// The GPU's radix key of a 2-byte float (long rows), for every bit pattern: its top 16 bits order
// as NumPy's sort order (sort_less; equal values, -0.0 and 0.0, every NaN, equal keys), its low
// 16 bits are the value.
TYPED_TEST(SortHalf, RadixKeyOrderEveryValue) {
    using H = TypeParam;
    namespace g = gpu::detail::gnd;
    std::vector<H> all;
    for (unsigned b = 0; b < 65536; ++b) all.push_back(H::from_bits(static_cast<unsigned short>(b)));
    auto key = [](H x) { return g::half_radix_key(x) >> gpu::detail::half_key_begin_bit; };
    std::stable_sort(all.begin(), all.end(), [&](H x, H y) { return key(x) < key(y); });
    int bad = 0;
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const H x = all[i], y = all[i + 1];
        const bool less = key(x) < key(y);
        if (less != g::sort_less(x, y) || g::sort_less(y, x) || (g::half_radix_key(x) & 0xffffu) != x.bits) ++bad;
    }
    EXPECT_EQ(bad, 0);
}

template <class T>
class SortComplex : public ::testing::Test {};
TYPED_TEST_SUITE(SortComplex, complex_dtypes, gpu_test::dtype_names);

// NumPy's order: [R + Rj, R + nanj, nan + Rj, nan + nanj], each group by its non-NaN part.
TYPED_TEST(SortComplex, LexicographicNanGroups) {
    using C = TypeParam;
    const double nan = std::nan(""), inf = INFINITY;
    const std::vector<c128> values{{nan, 1}, {1, nan}, {2, 2},    {1, 1}, {nan, nan}, {nan, 0},  {0, nan},
                                   {1, -1},  {-0.0, 1}, {1, 1}, {0, 1},  {-inf, 5},  {1, -inf}};
    std::vector<C> in;
    for (c128 x : values) in.push_back(C(x));
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(in);
        const std::vector<i64> order{11, 8, 10, 12, 7, 3, 9, 2, 6, 1, 5, 0, 4};
        expect_values(values_of(gpu::argsort(a)), order);
        std::vector<c128> sorted;
        for (i64 i : order) sorted.push_back(values[i]);
        const auto s = values_of(gpu::sort(a));
        expect_complex(s, sorted);
        EXPECT_TRUE(std::signbit(s[1].real()));  // -0.0 + 1j before 0 + 1j: equal, in their order
        // Along axis 0 and of a transposed view: (3, 4) of the first 12.
        const auto m = make(std::vector<C>(in.begin(), in.begin() + 12), {3, 4});
        expect_values(values_of(gpu::argsort(m, 0)), std::vector<i64>{2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 1, 0});
        expect_values(values_of(gpu::argsort(m.T())), std::vector<i64>{2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 0});
        expect_values(values_of(gpu::argsort(m, gpu::none)), std::vector<i64>{11, 8, 10, 7, 3, 9, 2, 6, 1, 5, 0, 4});
        // Empty and 0-d.
        expect_shape(gpu::sort(gpu::ndarray<C>(gpu::shape_t{2, 0}, ex)), {2, 0});
        gpu::ndarray<C> z(gpu::shape_t{}, ex);
        z.assign(C(1, 2));
        expect_complex(values_of(gpu::sort(z, gpu::none)), {{1, 2}});
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::sort(z); },
                                                 "axis -1 is out of bounds for array of dimension 0");
    }
}

// The CUDA path's order (three stable real argsorts, detail::complex_row_order) run on the host
// executor equals the comparison sort's, rows of every NaN group with many ties.
TYPED_TEST(SortComplex, RowOrderOfTheGpuPathOnTheHost) {
    using C = TypeParam;
    using F = typename C::value_type;
    gpu::executor_scope host(gpu::executor::host);
    std::mt19937 g(7);
    std::uniform_int_distribution<int> d(0, 5);
    auto part = [&] {
        const int k = d(g);
        return k == 5 ? F(NAN) : k == 4 ? F(-0.0) : F(k - 2);
    };
    std::vector<C> v(6 * 50);
    for (auto& x : v) x = C(part(), part());
    const auto m = make(v, {6, 50});
    const auto order = gpu::detail::complex_row_order(m);
    expect_values(values_of(order), values_of(gpu::argsort(m)));
    EXPECT_EQ(canonical_bits(values_of(gpu::detail::take_along_rows(m, order))), canonical_bits(values_of(gpu::sort(m))));
}

TEST(SortComplexFunction, NumpyResultDtypes) {
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<std::int16_t>>())),
                                 gpu::ndarray<c64>>);
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<std::uint8_t>>())),
                                 gpu::ndarray<c64>>);
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<float>>())),
                                 gpu::ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<gpu::float16>>())),
                                 gpu::ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<std::int64_t>>())),
                                 gpu::ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::sort_complex(std::declval<gpu::ndarray<c64>>())), gpu::ndarray<c64>>);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_complex(values_of(gpu::sort_complex(make(std::vector<std::int16_t>{3, 1, 2}))), {{1, 0}, {2, 0}, {3, 0}});
        expect_complex(values_of(gpu::sort_complex(make(std::vector<float>{3, -1, 2, NAN}, {2, 2}))),
                       {{-1, 0}, {3, 0}, {2, 0}, {std::nan(""), 0}});
        expect_complex(values_of(gpu::sort_complex(make(std::vector<c128>{{1, 1}, {1, -1}, {0, 5}}))),
                       {{0, 5}, {1, -1}, {1, 1}});
    }
}

// Larger inputs on every executor: both GPU paths (block per row, whole-array onesweep), ties,
// NaNs and signed zeros, along both axes.
template <class T>
void same_bits_everywhere(const std::vector<T>& values, const gpu::shape_t& shape) {
    for (int axis : {-1, 0}) {
        gpu_test::same_on_every_executor([&] { return canonical_bits(values_of(gpu::sort(make(values, shape), axis))); });
        gpu_test::same_on_every_executor([&] { return values_of(gpu::argsort(make(values, shape), axis)); });
    }
}

TEST(SortNewDtypes, LargeSameOnEveryExecutor) {
    std::mt19937 g(11);
    std::uniform_int_distribution<int> d(-40, 40);
    auto value = [&] {
        const int k = d(g);
        return k == 40 ? std::nan("") : k == -40 ? -0.0 : k * 0.25;
    };
    std::vector<gpu::float16> h(3 * 3000);
    for (auto& x : h) x = gpu::float16(value());
    same_bits_everywhere(h, {3, 3000});
    same_bits_everywhere(std::vector<gpu::float16>(h.begin(), h.begin() + 5000), {5000});  // flat: keys, pairs
    std::vector<gpu::bfloat16> b(300 * 20);
    for (auto& x : b) x = gpu::bfloat16(value());
    same_bits_everywhere(b, {300, 20});
    std::vector<c64> c(2 * 2500);
    for (auto& x : c) x = c64(float(value()), float(value()));
    same_bits_everywhere(c, {2, 2500});
    std::vector<c128> z(40 * 30);
    for (auto& x : z) x = c128(value(), value());
    same_bits_everywhere(z, {40, 30});
}

// The family built on sort / argsort: partition, argpartition, lexsort, topk.
TEST(SortNewDtypes, PartitionLexsortTopk) {
    const double nan = std::nan("");
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_complex(values_of(gpu::partition(make(std::vector<c128>{{3, 0}, {0, 1}, {2, 0}, {nan, 0}}), 1)),
                       {{0, 1}, {2, 0}, {3, 0}, {nan, 0}});
        const auto h = make(gpu_test::of_doubles<gpu::float16>({3, 1, nan, 2, 5}));
        expect_values(values_of(gpu::argpartition(h, 2)), std::vector<i64>{1, 3, 0, 4, 2});
        const auto t = gpu::topk(h, 2);
        gpu_test::expect_values(floats_of(t.values), std::vector<float>{NAN, 5});
        expect_values(values_of(t.indices), std::vector<i64>{2, 4});
        const auto k = gpu::topk(make(std::vector<c64>{{1, 1}, {1, -1}, {0, 0}, {1, 1}}), 2, -1, false);
        expect_complex(values_of(k.values), {{0, 0}, {1, -1}});
        expect_values(values_of(gpu::lexsort(std::vector<gpu::ndarray<c64>>{
                          make(std::vector<c64>{{1, 1}, {1, -1}, {0, 0}, {1, 1}}), make(std::vector<c64>{{2, 0}, {1, 0}, {1, 0}, {1, 0}})})),
                      std::vector<i64>{2, 1, 3, 0});
    }
}

}  // namespace
