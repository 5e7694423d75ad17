// gpu::random: the Philox4x32-10 generator (Random123's known answers), determinism (same seed,
// same numbers; different seeds and consecutive calls differ), the same bits on every executor,
// each element's value against the documented block layout, ranges, permutation / shuffle, and
// NumPy's error messages. Statistics are in test_random_stats.cpp.
#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace {

namespace rnd = gpu::random;
namespace gnd = gpu::detail::gnd;
using gpu_test::values_of;

// The bit patterns of values, so comparisons are exact (-0.0 != 0.0, NaN == NaN).
template <class T>
std::vector<std::uint64_t> bits_of(const std::vector<T>& v) {
    std::vector<std::uint64_t> out;
    for (const T& x : v) {
        std::uint64_t b = 0;
        std::memcpy(&b, &x, sizeof(T));
        out.push_back(b);
    }
    return out;
}

template <class T>
std::vector<std::uint64_t> bits_of(const gpu::ndarray<T>& a) {
    return bits_of(values_of(a));
}

gnd::rng_words block(std::uint64_t counter, std::uint64_t key) { return gnd::rng_block(counter, key); }

// Random123's tests/kat_vectors, the three "philox4x32 10" lines.
TEST(Philox, KnownAnswers) {
    auto run = [](gnd::rng_words c, unsigned k0, unsigned k1) {
        const gnd::rng_words r = gnd::philox4x32_10(c, k0, k1);
        return std::vector<unsigned>{r.x, r.y, r.z, r.w};
    };
    EXPECT_EQ(run({0, 0, 0, 0}, 0, 0), (std::vector<unsigned>{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
    EXPECT_EQ(run({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, 0xffffffff, 0xffffffff),
              (std::vector<unsigned>{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
    EXPECT_EQ(run({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0),
              (std::vector<unsigned>{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

// The shared log and sincos against the C library (long double), over their whole domains:
// log, sin and cos within 2 ulp (the generator's own functions; both executors
// compute exactly these, so this is accuracy, not agreement).
TEST(Philox, MathAccuracy) {
    double worst_log_f = 0, worst_log_d = 0, worst_trig_f = 0, worst_trig_d = 0;
    for (int i = 0; i <= 200000; ++i) {
        const double x = std::ldexp(1.0 + (i % 1000) / 1000.0, -(i % 34)) / 2;  // (2^-34, 1]
        if (x > 1) continue;
        const long double ref = std::log(static_cast<long double>(x));
        const float xf = static_cast<float>(x);
        const long double reff = std::log(static_cast<long double>(xf));
        if (reff != 0)
            worst_log_f = std::max<double>(worst_log_f, std::fabs((gnd::rng_log(xf) - reff) / reff) / 0x1p-24);
        if (ref != 0) worst_log_d = std::max<double>(worst_log_d, std::fabs((gnd::rng_log(x) - ref) / ref) / 0x1p-53);
        const double f = (i - 100000) / 800000.0;  // [-1/8, 1/8]
        const long double a = 2 * 3.14159265358979323846264338327950288L * f;
        const auto pf = gnd::rng_sincos_turns(static_cast<float>(f));
        const auto pd = gnd::rng_sincos_turns(f);
        // errors in ulps of 1 (values are at most 1; near 0 the sine is checked relatively below)
        worst_trig_f = (double)std::max<long double>({(long double)worst_trig_f, std::fabs(pf.cos - std::cos(a)) / 0x1p-24,
                                         std::fabs(pf.sin - std::sin(a)) / 0x1p-24});
        worst_trig_d = (double)std::max<long double>({(long double)worst_trig_d, std::fabs(pd.cos - std::cos(a)) / 0x1p-53,
                                         std::fabs(pd.sin - std::sin(a)) / 0x1p-53});
        if (f != 0) EXPECT_LT(std::fabs((pd.sin - std::sin(a)) / std::sin(a)), 4e-16) << f;
    }
    EXPECT_LT(worst_log_f, 2.0);  // relative error in units of 2^-24 / 2^-53
    EXPECT_LT(worst_log_d, 2.0);
    EXPECT_LT(worst_trig_f, 2.0);
    EXPECT_LT(worst_trig_d, 2.0);
}

TEST(Random, SameSeedSameValues) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(42);
        const auto a = bits_of(rnd::rand<double>({1000}));
        const auto b = bits_of(rnd::randn<float>({999}));
        const auto c = values_of(rnd::randint(0, 1000, {1000}));
        rnd::seed(42);
        EXPECT_EQ(bits_of(rnd::rand<double>({1000})), a);
        EXPECT_EQ(bits_of(rnd::randn<float>({999})), b);
        EXPECT_EQ(values_of(rnd::randint(0, 1000, {1000})), c);
        // consecutive calls differ, and so do other seeds
        EXPECT_NE(bits_of(rnd::rand<double>({1000})), a);
        rnd::seed(43);
        EXPECT_NE(bits_of(rnd::rand<double>({1000})), a);
        rnd::seed(42);
        const auto x = bits_of(rnd::rand<float>({16}));
        const auto y = bits_of(rnd::rand<float>({16}));
        EXPECT_NE(x, y);
        std::set<std::uint64_t> distinct(x.begin(), x.end());
        EXPECT_EQ(distinct.size(), x.size());
    }
}

// Every function gives the same bits on every executor (the GPU's kernels and the host loop run
// the same shared code): sizes with a partial last block, several shapes.
TEST(Random, SameBitsOnEveryExecutor) {
    for (std::int64_t n : {1, 3, 4, 5, 1001, 100003}) {
        SCOPED_TRACE(n);
        gpu_test::same_on_every_executor([&] {
            rnd::seed(2024);
            std::vector<std::vector<std::uint64_t>> r;
            r.push_back(bits_of(rnd::rand<float>({n})));
            r.push_back(bits_of(rnd::rand<double>({n})));
            r.push_back(bits_of(rnd::uniform<float>(-3.5, 7.25, {n})));
            r.push_back(bits_of(rnd::uniform<double>(1e-3, 2e-3, {n})));
            r.push_back(bits_of(rnd::randn<float>({n})));
            r.push_back(bits_of(rnd::randn<double>({n})));
            r.push_back(bits_of(rnd::normal<float>(10, 0.5, {n})));
            r.push_back(bits_of(rnd::normal<double>(-1, 3, {n})));
            r.push_back(bits_of(rnd::randint(-5, 1000000007, {n})));
            r.push_back(bits_of(rnd::randint<std::uint8_t>(0, 256, {n})));
            r.push_back(bits_of(rnd::randint<bool>(0, 2, {n})));
            r.push_back(bits_of(rnd::randint<std::int32_t>(-7, 7, {n})));
            r.push_back(bits_of(rnd::permutation(n)));
            return r;
        });
    }
    gpu_test::same_on_every_executor([] {
        rnd::seed(5);
        return std::vector<std::vector<std::uint64_t>>{bits_of(rnd::randn<float>({3, 5, 7})),
                                                       bits_of(rnd::rand<double>({2, 0, 3})),
                                                       bits_of(rnd::randint(0, 3, {}))};
    });
}

// Element i is value i % G of the block of counter offset + i / G under key = seed, offsets
// advancing by the blocks each call used.
TEST(Random, ValuesFollowTheBlockLayout) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::uint64_t key = 0x0123456789abcdefull;
        rnd::seed(key);
        const auto f = values_of(rnd::rand<float>({10}));  // blocks 0..2
        const auto d = values_of(rnd::rand<double>({3}));  // blocks 3..4
        const auto k = values_of(rnd::randint(10, 20, {3}));  // blocks 5..6, two values each
        const auto wide = values_of(rnd::randint(INT64_MIN, INT64_MAX, {2}));  // blocks 7..8, one each
        for (int i = 0; i < 10; ++i) {
            const gnd::rng_words w = block(i / 4, key);
            const unsigned word[] = {w.x, w.y, w.z, w.w};
            EXPECT_EQ(f[i], static_cast<float>(word[i % 4] >> 8) * 0x1p-24f) << i;
        }
        for (int i = 0; i < 3; ++i) {
            const gnd::rng_words w = block(3 + i / 2, key);
            const std::uint64_t x = i % 2 ? (std::uint64_t{w.w} << 32 | w.z) : (std::uint64_t{w.y} << 32 | w.x);
            EXPECT_EQ(d[i], static_cast<double>(x >> 11) * 0x1p-53) << i;
        }
        for (int i = 0; i < 3; ++i) {
            const gnd::rng_words w = block(5 + i / 2, key);
            // floor(X * 10 / 2^64) with X = (y, x) for the first value of a block, (w, z) for the second
            const std::uint64_t x = i % 2 ? (std::uint64_t{w.w} << 32 | w.z) : (std::uint64_t{w.y} << 32 | w.x);
            EXPECT_EQ(k[i], static_cast<std::int64_t>(((unsigned __int128)x * 10) >> 64) + 10) << i;
        }
        for (int i = 0; i < 2; ++i) {
            const gnd::rng_words w = block(7 + i, key);
            // floor(X * range / 2^128) with X = (w, z, y, x) and range = 2^64 - 1: the top bits decide
            const std::uint64_t range = ~std::uint64_t{0};
            const unsigned __int128 hi = (unsigned __int128)(std::uint64_t{w.w} << 32 | w.z) * range;
            const unsigned __int128 lo = (unsigned __int128)(std::uint64_t{w.y} << 32 | w.x) * range;
            const auto expect = static_cast<std::uint64_t>((hi + (lo >> 64)) >> 64) + static_cast<std::uint64_t>(INT64_MIN);
            EXPECT_EQ(static_cast<std::uint64_t>(wide[i]), expect) << i;
        }
    }
}

// Box-Muller against the C library: the same words through std::log, std::sqrt, std::cos.
TEST(Random, NormalMatchesBoxMuller) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::uint64_t key = 99;
        rnd::seed(key);
        const auto f = values_of(rnd::randn<float>({4000}));
        const auto d = values_of(rnd::normal<double>(1, 2, {2000}));
        const long double two_pi = 6.28318530717958647692528676655900577L;
        for (int i = 0; i < 4000; ++i) {
            const gnd::rng_words w = block(i / 4, key);
            const bool second = i % 4 >= 2;
            const unsigned a = second ? w.z : w.x, b = (second ? w.w : w.y) >> 8;
            const long double u1 = std::fma(static_cast<float>(a), 0x1p-32f, 0x1p-33f);
            const long double r = std::sqrt(-2 * std::log(u1)), t = two_pi * b * 0x1p-24L;
            const long double z = r * (i % 2 ? std::sin(t) : std::cos(t));
            ASSERT_NEAR(f[i], z, 6e-7 * (1 + r)) << i;
        }
        for (int i = 0; i < 2000; ++i) {
            const gnd::rng_words w = block(1000 + i / 2, key);
            const long double u1 = static_cast<long double>(((std::uint64_t{w.y} << 32 | w.x) >> 11) + 1) * 0x1p-53L;
            const long double t = two_pi * static_cast<long double>((std::uint64_t{w.w} << 32 | w.z) >> 11) * 0x1p-53L;
            const long double r = std::sqrt(-2 * std::log(u1));
            const long double z = 1 + 2 * r * (i % 2 ? std::sin(t) : std::cos(t));
            ASSERT_NEAR(d[i], z, 2e-15 * (1 + 2 * r)) << i;
        }
    }
}

TEST(Random, Ranges) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(7);
        for (float x : values_of(rnd::uniform<float>(-2, 3, {100000}))) ASSERT_TRUE(x >= -2 && x < 3) << x;
        for (double x : values_of(rnd::uniform<double>(10, 10.5, {100000}))) ASSERT_TRUE(x >= 10 && x < 10.5) << x;
        for (float x : values_of(rnd::rand<float>({100000}))) ASSERT_TRUE(x >= 0 && x < 1) << x;
        // a range one float ulp wide: every value is low (high would be the rounding-up result)
        for (float x : values_of(rnd::uniform<float>(1, 1.00000011920928955, {1000}))) ASSERT_EQ(x, 1.0f);
        for (double x : values_of(rnd::uniform<double>(5, 5, {10}))) ASSERT_EQ(x, 5.0);  // low == high
        for (double x : values_of(rnd::uniform<double>(3, 1, {1000}))) ASSERT_TRUE(x > 1 && x <= 3) << x;

        const auto small = values_of(rnd::randint(-3, 4, {10000}));
        EXPECT_EQ(std::set<std::int64_t>(small.begin(), small.end()), (std::set<std::int64_t>{-3, -2, -1, 0, 1, 2, 3}));
        const auto i8 = values_of(rnd::randint<std::int8_t>(-128, 128, {100000}));
        EXPECT_EQ(std::set<std::int8_t>(i8.begin(), i8.end()).size(), 256u);
        const auto u8 = values_of(rnd::randint<std::uint8_t>(250, 256, {1000}));
        EXPECT_EQ(std::set<std::uint8_t>(u8.begin(), u8.end()), (std::set<std::uint8_t>{250, 251, 252, 253, 254, 255}));
        const auto b = values_of(rnd::randint<bool>(0, 2, {1000}));
        EXPECT_EQ(std::count(b.begin(), b.end(), true) > 400, true);
        EXPECT_EQ(std::count(b.begin(), b.end(), false) > 400, true);
        const auto one = values_of(rnd::randint<std::uint16_t>(9, 10, {50}));
        EXPECT_EQ(one, std::vector<std::uint16_t>(50, 9));
        const auto h = values_of(rnd::randint(10, {1000}));  // randint(high)
        EXPECT_EQ(*std::min_element(h.begin(), h.end()), 0);
        EXPECT_EQ(*std::max_element(h.begin(), h.end()), 9);
        // the whole int64 range, and ranges near it: values spread over both halves
        const auto wide = values_of(rnd::randint(INT64_MIN, INT64_MAX, {1000}));
        EXPECT_GT(std::count_if(wide.begin(), wide.end(), [](std::int64_t v) { return v < 0; }), 400);
        EXPECT_GT(std::count_if(wide.begin(), wide.end(), [](std::int64_t v) { return v > 0; }), 400);
        const auto big = values_of(rnd::randint<std::uint64_t>(0, INT64_MAX, {1000}));
        EXPECT_GT(std::count_if(big.begin(), big.end(), [](std::uint64_t v) { return v > (1ull << 62); }), 400);
    }
}

TEST(Random, ShapesAndExecutors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = rnd::randn<float>({2, 3, 4});
        EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(gpu::shape_t{2, 3, 4}));
        EXPECT_EQ(a.where(), ex);
        EXPECT_TRUE(a.is_contiguous());
        const auto z = rnd::rand<double>({});  // 0-d: one value
        EXPECT_EQ(z.ndim(), 0);
        EXPECT_EQ(values_of(z).size(), 1u);
        EXPECT_EQ(rnd::randint(0, 5, {0, 7}).size(), 0);
        EXPECT_EQ(rnd::normal<double>(0, 0, {3}).size(), 3);
        EXPECT_EQ(values_of(rnd::normal<double>(2.5, 0, {3})), (std::vector<double>{2.5, 2.5, 2.5}));
    }
}

TEST(Permutation, IsAPermutation) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(11);
        for (std::int64_t n : {0, 1, 2, 10, 1000}) {
            const auto p = rnd::permutation(n);
            EXPECT_EQ(p.where(), ex);
            auto v = values_of(p);
            std::vector<std::int64_t> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            std::vector<std::int64_t> iota(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) iota[static_cast<std::size_t>(i)] = i;
            EXPECT_EQ(sorted, iota);
            if (n >= 10) EXPECT_NE(v, iota);
        }
        EXPECT_EQ(rnd::permutation(-3).size(), 0);  // np.arange(-3) is empty
        // each position takes each value about equally often (n = 4, 24000 draws)
        std::vector<int> count(16, 0);
        for (int t = 0; t < 4000; ++t) {
            const auto v = values_of(rnd::permutation(4));
            for (int i = 0; i < 4; ++i) ++count[static_cast<std::size_t>(i * 4 + v[static_cast<std::size_t>(i)])];
        }
        for (int c : count) EXPECT_NEAR(c, 1000, 150);
    }
}

TEST(Permutation, ArraysAlongAxis0) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(3);
        std::vector<std::int32_t> vals;
        for (int i = 0; i < 24; ++i) vals.push_back(i);
        const auto a = gpu_test::make<std::int32_t>(vals, {8, 3});
        const auto p = rnd::permutation(a);
        EXPECT_EQ(gpu::to_string(p.shape()), gpu::to_string(gpu::shape_t{8, 3}));
        const auto pv = values_of(p);
        std::vector<int> rows;
        for (int r = 0; r < 8; ++r) {
            const int first = pv[static_cast<std::size_t>(r * 3)];
            EXPECT_EQ(first % 3, 0);
            EXPECT_EQ(pv[static_cast<std::size_t>(r * 3 + 1)], first + 1);  // rows stay whole
            EXPECT_EQ(pv[static_cast<std::size_t>(r * 3 + 2)], first + 2);
            rows.push_back(first / 3);
        }
        std::sort(rows.begin(), rows.end());
        EXPECT_EQ(rows, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        EXPECT_EQ(values_of(a), vals);  // the input is untouched

        // shuffle: in place, the same multiset
        auto b = gpu_test::make<double>({1.5, -2, 3, 3, 7, 0.25, 9, 10, 11, 12});
        const auto before = values_of(b);
        rnd::shuffle(b);
        auto after = values_of(b);
        EXPECT_NE(after, before);
        std::sort(after.begin(), after.end());
        auto sorted_before = before;
        std::sort(sorted_before.begin(), sorted_before.end());
        EXPECT_EQ(after, sorted_before);

        // shuffling a view permutes only what it sees: every other element, reversed
        std::vector<std::int64_t> c_vals;
        for (int i = 0; i < 20; ++i) c_vals.push_back(i);
        auto c = gpu_test::make<std::int64_t>(c_vals);
        rnd::shuffle(c(gpu::slice(gpu::none, gpu::none, -2)));
        const auto cv = values_of(c);
        std::vector<std::int64_t> odd;
        for (int i = 0; i < 20; ++i) {
            if (i % 2 == 0) EXPECT_EQ(cv[static_cast<std::size_t>(i)], i);
            else odd.push_back(cv[static_cast<std::size_t>(i)]);
        }
        std::sort(odd.begin(), odd.end());
        EXPECT_EQ(odd, (std::vector<std::int64_t>{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}));

        auto flags = gpu_test::make_bool({1, 0, 0, 0, 0, 0, 1}, {7});
        rnd::shuffle(flags);
        const auto fv = values_of(flags);
        EXPECT_EQ(std::count(fv.begin(), fv.end(), true), 2);
        auto one = gpu_test::make<float>({4.f});
        rnd::shuffle(one);
        EXPECT_EQ(values_of(one), std::vector<float>{4.f});
    }
}

TEST(Random, Errors) {
    using gpu_test::expect_error;
    expect_error<gpu::value_error>([] { rnd::randint(5, 5, {3}); }, "low >= high");
    expect_error<gpu::value_error>([] { rnd::randint(6, 5, {3}); }, "low >= high");
    expect_error<gpu::value_error>([] { rnd::randint(0, {3}); }, "high <= 0");
    expect_error<gpu::value_error>([] { rnd::randint(0, -4, {3}); }, "high <= 0");
    expect_error<gpu::value_error>([] { rnd::randint<std::int8_t>(-129, 5, {3}); }, "low is out of bounds for int8");
    expect_error<gpu::value_error>([] { rnd::randint<std::int8_t>(0, 129, {3}); }, "high is out of bounds for int8");
    expect_error<gpu::value_error>([] { rnd::randint<std::uint8_t>(-1, 5, {3}); }, "low is out of bounds for uint8");
    expect_error<gpu::value_error>([] { rnd::randint<bool>(0, 3, {3}); }, "high is out of bounds for bool");
    EXPECT_EQ(rnd::randint<std::int8_t>(0, 128, {3}).size(), 3);  // high = max + 1 is fine
    expect_error<gpu::value_error>([] { rnd::normal<double>(0, -1, {3}); }, "scale < 0");
    expect_error<gpu::overflow_error>([] { rnd::uniform<double>(-1e308, 1e308, {3}); }, "Range exceeds valid bounds");
    expect_error<gpu::overflow_error>([] { rnd::uniform<float>(-3e38, 3e38, {3}); }, "Range exceeds valid bounds");
    expect_error<gpu::value_error>([] { rnd::rand<float>({2, -1}); }, "negative dimensions are not allowed");
    const auto scalar = gpu::ndarray<float>(gpu::shape_t{});
    expect_error<gpu::index_error>([&] { rnd::permutation(scalar); }, "x must be an integer or at least 1-dimensional");
    expect_error<gpu::type_error>([&] { rnd::shuffle(scalar); }, "len() of unsized object");
}

// The fill kernels compile with NVRTC (no GPU needed): every instantiation the distributions
// launch (uniform and normal for float and double; both integer samplers for every integer dtype
// and bool).
template <class K>
void expect_compiles(const std::string& what) {
    try {
        const gpu::detail::kernel_source src = K::source();
        ASSERT_TRUE(src.name_expression) << what;
        const auto k = gpu::detail::compile_cubin(src, gpu::detail::compile_target{9, 0});
        EXPECT_FALSE(k.cubin.empty()) << what;
        EXPECT_FALSE(k.symbol.empty()) << what;
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << what << ": " << e.what();
    }
}

template <class T>
void integer_kernels_compile() {
    using namespace gpu::detail;
    const std::string t(gpu::dtype_name_v<T>);
    expect_compiles<random_fill_kernel<gnd::integer_sampler, T, std::uint64_t>>("integer " + t);
    expect_compiles<random_fill_kernel<gnd::narrow_integer_sampler, T, std::uint64_t>>("narrow integer " + t);
}

TEST(Random, KernelsCompile) {
    using namespace gpu::detail;
    expect_compiles<random_fill_kernel<gnd::uniform_sampler, float, float>>("uniform float");
    expect_compiles<random_fill_kernel<gnd::uniform_sampler, double, double>>("uniform double");
    expect_compiles<random_fill_kernel<gnd::normal_sampler, float, float>>("normal float");
    expect_compiles<random_fill_kernel<gnd::normal_sampler, double, double>>("normal double");
    integer_kernels_compile<bool>();
    integer_kernels_compile<std::int8_t>();
    integer_kernels_compile<std::int16_t>();
    integer_kernels_compile<std::int32_t>();
    integer_kernels_compile<std::int64_t>();
    integer_kernels_compile<std::uint8_t>();
    integer_kernels_compile<std::uint16_t>();
    integer_kernels_compile<std::uint32_t>();
    integer_kernels_compile<std::uint64_t>();
}

}  // namespace
