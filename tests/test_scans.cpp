// gpu::cumsum and gpu::cumprod: NumPy's values and dtypes (hand-derived), flat and along axes,
// over views (transposed, sliced, negative steps, broadcast), empty and 0-d inputs, integer
// wrap-around, expressions; large inputs (several tiles / chunks / look-back rounds) GPU vs host;
// and an NVRTC compile test of every scan kernel source (no GPU needed).
#include "support.hpp"

#include <complex>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using gpu_test::view;
using i64 = std::int64_t;
using u64 = std::uint64_t;

template <class A>
void expect_shape(const A& a, const gpu::shape_t& s) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(s));
}

// ---- result dtypes -------------------------------------------------------------------------------

static_assert(std::is_same_v<decltype(gpu::cumsum(std::declval<gpu::ndarray<bool>>())), gpu::ndarray<i64>>);
static_assert(std::is_same_v<decltype(gpu::cumsum(std::declval<gpu::ndarray<std::int8_t>>())), gpu::ndarray<i64>>);
static_assert(std::is_same_v<decltype(gpu::cumsum(std::declval<gpu::ndarray<std::int32_t>>(), 0)), gpu::ndarray<i64>>);
static_assert(std::is_same_v<decltype(gpu::cumprod(std::declval<gpu::ndarray<std::uint8_t>>())), gpu::ndarray<u64>>);
static_assert(std::is_same_v<decltype(gpu::cumprod(std::declval<gpu::ndarray<std::uint32_t>>(), 0)), gpu::ndarray<u64>>);
static_assert(std::is_same_v<decltype(gpu::cumsum(std::declval<gpu::ndarray<float>>())), gpu::ndarray<float>>);
static_assert(std::is_same_v<decltype(gpu::cumprod(std::declval<gpu::ndarray<double>>(), 1)), gpu::ndarray<double>>);

// ---- each dtype family, 1-D ----------------------------------------------------------------------

TEST(Scans, Bool) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make_bool({1, 0, 1, 1}, {4});
        expect_values(values_of(gpu::cumsum(a)), std::vector<i64>{1, 1, 2, 3});
        expect_values(values_of(gpu::cumprod(a)), std::vector<i64>{1, 0, 0, 0});
        expect_values(values_of(gpu::cumprod(gpu_test::make_bool({1, 1, 0, 1}, {4}), 0)), std::vector<i64>{1, 1, 0, 0});
    }
}

TEST(Scans, SignedIntegers) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // int8 promotes to int64 before adding: 100 + 100 is 200, not -56.
        expect_values(values_of(gpu::cumsum(make<std::int8_t>({100, 100}))), std::vector<i64>{100, 200});
        expect_values(values_of(gpu::cumsum(make<std::int8_t>({-3, 5, -2}))), std::vector<i64>{-3, 2, 0});
        expect_values(values_of(gpu::cumprod(make<std::int8_t>({-3, 5, -2}))), std::vector<i64>{-3, -15, 30});
        expect_values(values_of(gpu::cumprod(make<std::int8_t>({100, 100, 100}))), std::vector<i64>{100, 10000, 1000000});
        expect_values(values_of(gpu::cumsum(make<std::int16_t>({30000, 30000, -7}))), std::vector<i64>{30000, 60000, 59993});
        expect_values(values_of(gpu::cumsum(make<std::int32_t>({1, 2, 3, 4}))), std::vector<i64>{1, 3, 6, 10});
        expect_values(values_of(gpu::cumprod(make<i64>({-1, 2, -3, 4}))), std::vector<i64>{-1, -2, 6, 24});
    }
}

TEST(Scans, UnsignedIntegers) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_values(values_of(gpu::cumsum(make<std::uint8_t>({200, 100, 255}))), std::vector<u64>{200, 300, 555});
        expect_values(values_of(gpu::cumprod(make<std::uint16_t>({300, 300}))), std::vector<u64>{300, 90000});
        expect_values(values_of(gpu::cumsum(make<std::uint32_t>({4000000000u, 4000000000u}))),
                      std::vector<u64>{4000000000u, 8000000000u});
    }
}

TEST(Scans, Floats) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_values(values_of(gpu::cumsum(make<float>({0.5f, 1.5f, -2.f, 0.25f}))),
                      std::vector<float>{0.5f, 2.f, 0.f, 0.25f});
        expect_values(values_of(gpu::cumprod(make<float>({0.5f, 1.5f, -2.f}))), std::vector<float>{0.5f, 0.75f, -1.5f});
        expect_values(values_of(gpu::cumsum(make<double>({1e300, 1e300, -1.5}))), std::vector<double>{1e300, 2e300, 2e300});
        const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
        expect_values(values_of(gpu::cumsum(make<double>({1.0, inf, -inf, 2.0}))), std::vector<double>{1.0, inf, nan, nan});
        expect_values(values_of(gpu::cumprod(make<double>({2.0, 0.5, 3.0}))), std::vector<double>{2.0, 1.0, 3.0});
        // float32 accumulates in float32 (NumPy): 2^24 + 1 is 2^24 again.
        expect_values(values_of(gpu::cumsum(make<float>({16777216.f, 1.f}))), std::vector<float>{16777216.f, 16777216.f},
                      0.0);
    }
}

// Integer overflow wraps (NumPy's int64 / uint64 arithmetic).
TEST(Scans, OverflowWraps) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const i64 big = std::numeric_limits<i64>::max(), low = std::numeric_limits<i64>::min();
        expect_values(values_of(gpu::cumsum(make<i64>({big, 1, 1}))), std::vector<i64>{big, low, low + 1});
        expect_values(values_of(gpu::cumsum(make<u64>({std::numeric_limits<u64>::max(), 2}))),
                      std::vector<u64>{std::numeric_limits<u64>::max(), 1});
        expect_values(values_of(gpu::cumprod(make<i64>({i64{1} << 62, 4, 5}))), std::vector<i64>{i64{1} << 62, 0, 0});
        expect_values(values_of(gpu::cumprod(make<i64>({i64{1} << 62, 2, -1}))), std::vector<i64>{i64{1} << 62, low, low});
    }
}

// ---- axes ----------------------------------------------------------------------------------------

TEST(Scans, TwoDimensionalAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>({0, 1, 2, 3, 4, 5}, {2, 3});
        const auto flat = gpu::cumsum(a);
        expect_shape(flat, {6});
        expect_values(values_of(flat), std::vector<i64>{0, 1, 3, 6, 10, 15});
        const auto a0 = gpu::cumsum(a, 0);
        expect_shape(a0, {2, 3});
        expect_values(values_of(a0), std::vector<i64>{0, 1, 2, 3, 5, 7});
        expect_values(values_of(gpu::cumsum(a, 1)), std::vector<i64>{0, 1, 3, 3, 7, 12});
        expect_values(values_of(gpu::cumsum(a, -1)), std::vector<i64>{0, 1, 3, 3, 7, 12});
        expect_values(values_of(gpu::cumsum(a, -2)), std::vector<i64>{0, 1, 2, 3, 5, 7});
        const auto b = make<double>({1, 2, 3, 4, 5, 6}, {2, 3});
        expect_values(values_of(gpu::cumprod(b)), std::vector<double>{1, 2, 6, 24, 120, 720});
        expect_values(values_of(gpu::cumprod(b, 0)), std::vector<double>{1, 2, 3, 4, 10, 18});
        expect_values(values_of(gpu::cumprod(b, 1)), std::vector<double>{1, 2, 6, 4, 20, 120});
    }
}

// arange(24).reshape(2, 3, 4): element (i, j, k) is 12 i + 4 j + k.
TEST(Scans, ThreeDimensionalAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<float>({2, 3, 4});
        std::vector<float> e0, e1, e2, flat;
        for (i64 i = 0; i < 2; ++i)
            for (i64 j = 0; j < 3; ++j)
                for (i64 k = 0; k < 4; ++k) {
                    const i64 x = 12 * i + 4 * j + k;
                    e0.push_back(static_cast<float>(i == 0 ? x : 2 * x - 12));             // a[0] + a[1] = 2x - 12
                    e1.push_back(static_cast<float>((j + 1) * (12 * i + k) + 2 * j * (j + 1)));  // sum over j' <= j
                    e2.push_back(static_cast<float>((k + 1) * (12 * i + 4 * j) + k * (k + 1) / 2));
                    flat.push_back(static_cast<float>(x * (x + 1) / 2));
                }
        expect_values(values_of(gpu::cumsum(a, 0)), e0);
        expect_values(values_of(gpu::cumsum(a, 1)), e1);
        expect_values(values_of(gpu::cumsum(a, 2)), e2);
        expect_values(values_of(gpu::cumsum(a, -1)), e2);
        expect_values(values_of(gpu::cumsum(a, -3)), e0);
        const auto f = gpu::cumsum(a);
        expect_shape(f, {24});
        expect_values(values_of(f), flat);
        // cumprod along the middle axis of ones and twos: (1, 2) per line.
        const auto b = make<std::uint8_t>({1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2}, {2, 3, 2});
        expect_values(values_of(gpu::cumprod(b, 1)), std::vector<u64>{1, 2, 1, 4, 1, 8, 1, 2, 1, 4, 1, 8});
    }
}

// ---- views, read in place ------------------------------------------------------------------------

TEST(Scans, TransposedView) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<std::int32_t>({0, 1, 2, 3, 4, 5}, {2, 3});
        const auto t = view(a, {3, 2}, {1, 3}, 0);  // a.T: [[0, 3], [1, 4], [2, 5]]
        expect_values(values_of(gpu::cumsum(t)), std::vector<i64>{0, 3, 4, 8, 10, 15});
        expect_values(values_of(gpu::cumsum(t, 0)), std::vector<i64>{0, 3, 1, 7, 3, 12});
        expect_values(values_of(gpu::cumsum(t, 1)), std::vector<i64>{0, 3, 1, 5, 2, 7});
        expect_values(values_of(gpu::cumsum(a.T(), -1)), std::vector<i64>{0, 3, 1, 5, 2, 7});
        const auto f = make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
        expect_values(values_of(gpu::cumprod(view(f, {3, 2}, {1, 3}, 0))), std::vector<float>{1, 4, 8, 40, 120, 720});
    }
}

TEST(Scans, SlicedAndNegativeSteps) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto r = gpu_test::arange<std::int16_t>({10});
        const auto rev = view(r, {5}, {-2}, 9);  // r[::-2] = [9, 7, 5, 3, 1]
        expect_values(values_of(gpu::cumsum(rev)), std::vector<i64>{9, 16, 21, 24, 25});
        expect_values(values_of(gpu::cumsum(rev, 0)), std::vector<i64>{9, 16, 21, 24, 25});
        const auto a = gpu_test::arange<double>({4, 5});
        const auto s = view(a, {2, 3}, {5, 2}, 5);  // a[1:3, ::2] = [[5, 7, 9], [10, 12, 14]]
        expect_values(values_of(gpu::cumsum(s)), std::vector<double>{5, 12, 21, 31, 43, 57});
        expect_values(values_of(gpu::cumsum(s, 0)), std::vector<double>{5, 7, 9, 15, 19, 23});
        expect_values(values_of(gpu::cumsum(s, 1)), std::vector<double>{5, 12, 21, 10, 22, 36});
        const auto back = view(a, {2, 3}, {-5, -2}, 14);  // a[2:0:-1, 4::-2] = [[14, 12, 10], [9, 7, 5]]
        expect_values(values_of(gpu::cumsum(back, 0)), std::vector<double>{14, 12, 10, 23, 19, 15});
        expect_values(values_of(gpu::cumsum(back, 1)), std::vector<double>{14, 26, 36, 9, 16, 21});
        expect_values(values_of(gpu::cumsum(a(gpu::slice(1, 3), 2))), std::vector<double>{7, 19});
    }
}

TEST(Scans, BroadcastView) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto v = make<std::uint32_t>({1, 2, 3});
        const auto b = view(v, {2, 3}, {0, 1}, 0);  // [[1, 2, 3], [1, 2, 3]]
        expect_values(values_of(gpu::cumsum(b)), std::vector<u64>{1, 3, 6, 7, 9, 12});
        expect_values(values_of(gpu::cumsum(b, 0)), std::vector<u64>{1, 2, 3, 2, 4, 6});
        expect_values(values_of(gpu::cumprod(b, 1)), std::vector<u64>{1, 2, 6, 1, 2, 6});
    }
}

// ---- empty and 0-d -------------------------------------------------------------------------------

TEST(Scans, Empty) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const gpu::ndarray<float> e0(gpu::shape_t{0});
        expect_shape(gpu::cumsum(e0), {0});
        const gpu::ndarray<std::int32_t> e(gpu::shape_t{2, 0, 3});
        expect_shape(gpu::cumsum(e), {0});
        expect_shape(gpu::cumsum(e, 0), {2, 0, 3});
        expect_shape(gpu::cumprod(e, 1), {2, 0, 3});
        expect_shape(gpu::cumprod(e, -1), {2, 0, 3});
        EXPECT_EQ(gpu::cumsum(e, 2).dtype(), gpu::dtype::int64);
    }
}

TEST(Scans, ZeroDimensional) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto s = make<std::int32_t>({7}, gpu::shape_t{});
        const auto f = gpu::cumsum(s);
        expect_shape(f, {1});
        expect_values(values_of(f), std::vector<i64>{7});
        // NumPy ravels a 0-d input before checking the axis: axis 0 and -1 give (1,).
        expect_values(values_of(gpu::cumprod(s, 0)), std::vector<i64>{7});
        expect_shape(gpu::cumsum(s, -1), {1});
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::cumsum(s, 1); },
                                                "axis 1 is out of bounds for array of dimension 1");
    }
}

TEST(Scans, AxisErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::cumsum(a, 2); },
                                                "axis 2 is out of bounds for array of dimension 2");
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::cumprod(a, -3); },
                                                "axis -3 is out of bounds for array of dimension 2");
    }
}

// ---- expressions (evaluated into a temporary, then scanned) --------------------------------------

TEST(Scans, Expressions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<std::int32_t>({1, 2, 3});
        expect_values(values_of(gpu::cumsum(x * 2)), std::vector<i64>{2, 6, 12});
        expect_values(values_of(gpu::cumsum(x > 1)), std::vector<i64>{0, 1, 2});  // bool -> int64
        expect_values(values_of(gpu::cumprod(x + 0.5)), std::vector<double>{1.5, 3.75, 13.125});
        const auto m = make<float>({1, 2, 3, 4}, {2, 2});
        expect_values(values_of(gpu::cumsum(m * m, 0)), std::vector<float>{1, 4, 10, 20});
    }
}

// ---- large inputs: GPU against the host executor -------------------------------------------------

using gpu_test::expect_same_on_both_executors;
using gpu_test::tolerance;

template <class T, class F>
std::vector<T> generated(i64 n, F&& f) {
    std::vector<T> v(static_cast<std::size_t>(n));
    for (i64 i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = static_cast<T>(f(i));
    return v;
}

constexpr i64 big = 1000001;

// Flat scans over many tiles: exact for integers, and for floats holding small integers (sums
// stay below 2^24); a looser tolerance where float rounding differs by the order of additions.
TEST(ScansLarge, Flat) {
    const auto ints = make<std::int32_t>(generated<std::int32_t>(big, [](i64 i) { return (i * 7919) % 2001 - 1000; }));
    const auto h = expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a); }, ints);
    i64 expect_last = 0;
    for (i64 i = 0; i < big; ++i) expect_last += (i * 7919) % 2001 - 1000;
    EXPECT_EQ(h.back(), expect_last);
    const auto i8 = make<std::int8_t>(generated<std::int8_t>(big, [](i64 i) { return 100 - i % 7; }));
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a); }, i8);
    const auto small = make<float>(generated<float>(big, [](i64 i) { return i % 8; }));
    expect_same_on_both_executors(tolerance{0, 0}, [](const auto& a) { return gpu::cumsum(a); }, small);
    const auto frac = make<double>(generated<double>(big, [](i64 i) { return 0.1 * (i % 13) - 0.55; }));
    expect_same_on_both_executors(tolerance{1e-9, 1e-6}, [](const auto& a) { return gpu::cumsum(a); }, frac);
    const auto u = make<std::uint64_t>(generated<std::uint64_t>(big, [](i64 i) { return u64(i) * 0x9e3779b97f4a7c15ull; }));
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a); }, u);  // wraps often
    const auto b = make<bool>(generated<bool>(big, [](i64 i) { return i % 3 == 0; }));
    const auto hb = expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a); }, b);
    EXPECT_EQ(hb.back(), (big + 2) / 3);
}

TEST(ScansLarge, FlatProducts) {
    // Signs: a product of +-1 stays exact whatever the order.
    const auto s = make<std::int16_t>(generated<std::int16_t>(big, [](i64 i) { return (i * 31) % 7 == 3 ? -1 : 1; }));
    expect_same_on_both_executors([](const auto& a) { return gpu::cumprod(a); }, s);
    // Odd factors: the uint64 product wraps (exact modulo 2^64 in any order).
    const auto odd = make<std::uint32_t>(generated<std::uint32_t>(big, [](i64 i) { return 2 * (i % 50) + 1; }));
    expect_same_on_both_executors([](const auto& a) { return gpu::cumprod(a); }, odd);
    const auto near1 = make<double>(generated<double>(big, [](i64 i) { return 1.0 + 1e-7 * ((i % 11) - 5); }));
    expect_same_on_both_executors(tolerance{1e-9, 0}, [](const auto& a) { return gpu::cumprod(a); }, near1);
}

// Axis scans: a strided axis (lines kernel, many chunks), short rows, long rows (tiles per row),
// views of them, flat scans of strided views.
TEST(ScansLarge, Axes) {
    const auto m = make<std::int32_t>(generated<std::int32_t>(1001 * 1003, [](i64 i) { return i % 19 - 9; }), {1001, 1003});
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a, 0); }, m);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a, 1); }, m);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a.T(), 0); }, m);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a.T(), -1); }, m);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a.T()); }, m);
    expect_same_on_both_executors(
        [](const auto& a) { return gpu::cumsum(a(gpu::slice(gpu::none, gpu::none, -3), gpu::slice(7, 900)), 0); }, m);
    const auto wide = make<float>(generated<float>(3 * 333334, [](i64 i) { return i % 5; }), {3, 333334});
    expect_same_on_both_executors(tolerance{0, 0}, [](const auto& a) { return gpu::cumsum(a, 1); }, wide);
    expect_same_on_both_executors(tolerance{0, 0}, [](const auto& a) { return gpu::cumsum(a.T(), 0); }, wide);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a, 0); }, wide);
    const auto wide16 = make<std::int16_t>(generated<std::int16_t>(2 * 300001, [](i64 i) { return i % 301 - 150; }), {2, 300001});
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a, -1); }, wide16);
    const auto tall = make<std::int8_t>(generated<std::int8_t>(333334 * 3, [](i64 i) { return 120 - i % 9; }), {333334, 3});
    expect_same_on_both_executors([](const auto& a) { return gpu::cumsum(a, 0); }, tall);
    expect_same_on_both_executors([](const auto& a) { return gpu::cumprod(a, 1); }, tall);
    const auto cube = make<double>(generated<double>(50 * 101 * 203, [](i64 i) { return i % 4; }), {50, 101, 203});
    for (int axis = -3; axis < 3; ++axis)
        expect_same_on_both_executors(tolerance{0, 0}, [axis](const auto& a) { return gpu::cumsum(a, axis); }, cube);
    expect_same_on_both_executors(tolerance{0, 0}, [](const auto& a) { return gpu::cumsum(a.transpose({2, 0, 1}), 1); },
                                  cube);
}

// ---- NVRTC compiles every scan kernel (no GPU needed) --------------------------------------------

namespace d = gpu::detail;

// The kernel_source a cache miss would compile: the name expression instantiates `kernel`, and
// NVRTC resolves it to that template's lowered name.
void compiles(const d::kernel_source& src, const std::string& kernel, const std::string& what) {
    SCOPED_TRACE(what + ": " + src.entry);
    ASSERT_TRUE(src.name_expression);
    ASSERT_EQ(src.entry.rfind("gnd::" + kernel + "<", 0), 0u);
    try {
        const d::compiled_kernel k = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(k.cubin.size(), 0u);
        EXPECT_NE(k.symbol.find(kernel), std::string::npos);
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

template <class T, class Op>
void scan_kernels_compile_one(const std::string& what) {
    const std::string n = what + " " + std::string(gpu::dtype_name_v<T>);
    compiles(d::scan_tile_source<T, Op>(true, true), "scan_tile", n + " tile contiguous large");
    compiles(d::scan_tile_source<T, Op>(true, false), "scan_tile", n + " tile contiguous small");
    compiles(d::scan_tile_source<T, Op>(false, true), "scan_tile", n + " tile strided large");
    compiles(d::scan_tile_source<T, Op>(false, false), "scan_tile", n + " tile strided small");
    compiles(d::scan_lines_source<T, Op>(), "scan_lines", n + " lines");
}

template <class... Ts>
void scan_kernels_compile() {
    (scan_kernels_compile_one<Ts, d::gnd::scan_sum>("cumsum"), ...);
    (scan_kernels_compile_one<Ts, d::gnd::scan_prod>("cumprod"), ...);
}

TEST(ScanKernels, CompileBoolAndSigned) { scan_kernels_compile<bool, std::int8_t, std::int16_t, std::int32_t, i64>(); }
TEST(ScanKernels, CompileUnsigned) { scan_kernels_compile<std::uint8_t, std::uint16_t, std::uint32_t, u64>(); }
TEST(ScanKernels, CompileFloats) { scan_kernels_compile<float, double>(); }
// complex64 and float16 (their warp shuffles move any value word by word; bfloat16 takes float16's path).
TEST(ScanKernels, CompileComplexAndHalf) {
    scan_kernels_compile<std::complex<float>, gpu::float16>();
}
// complex128 cumprod: 16-byte values in four look-back words (its cumsum scans the parts).
TEST(ScanKernels, CompileComplex128Product) {
    scan_kernels_compile_one<std::complex<double>, d::gnd::scan_prod>("cumprod");
}

}  // namespace
