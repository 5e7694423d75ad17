// Shape helpers (atleast_3d, column_stack, dstack, h/v/dsplit, fliplr/flipud, rollaxis,
// matrix_transpose, broadcast_arrays), dtype functions (can_cast, promote_types, result_type),
// copyto, take/put_along_axis, compress, extract, window functions, sinc, polynomials, trapezoid,
// unwrap, cumulative_sum/prod and trim_zeros against NumPy's values
// (tools/numpy_data/gen_functions.py, more_functions()), on every executor.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

using gpu_test::as;
using gpu_test::expect_error;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;
using i64 = std::int64_t;

template <class T, class V>
void expect_result(const gpu::ndarray<T>& r, const gpu::shape_t& shape, const std::vector<V>& v) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    expect_values(values_of(r), std::vector<T>(v.begin(), v.end()));
}

gpu::ndarray<i64> arange(std::int64_t n, const gpu::shape_t& shape) {
    return gpu::eval(gpu::arange<i64>(n).reshape(shape));
}

TEST(ShapeHelpers, ViewsAsNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange(24, {2, 3, 4});
        EXPECT_EQ(gpu::rollaxis(a, 2, 0).shape(), (gpu::shape_t{4, 2, 3}));
        EXPECT_EQ(gpu::rollaxis(a, 0, 2).shape(), (gpu::shape_t{3, 2, 4}));
        EXPECT_EQ(gpu::rollaxis(a, 0, 3).shape(), (gpu::shape_t{3, 4, 2}));
        EXPECT_EQ(gpu::rollaxis(a, -1, -3).shape(), (gpu::shape_t{4, 2, 3}));
        expect_values(values_of(gpu::rollaxis(a, 2, 0)), values_of(gpu::moveaxis(a, 2, 0)));
        expect_error<gpu::axis_error>([&] { (void)gpu::rollaxis(a, 0, 4); },
                                      "'start' arg requires -3 <= start < 4, but 4 was passed in");
        EXPECT_EQ(gpu::atleast_3d(arange(3, {3})).shape(), (gpu::shape_t{1, 3, 1}));
        EXPECT_EQ(gpu::atleast_3d(arange(6, {2, 3})).shape(), (gpu::shape_t{2, 3, 1}));
        EXPECT_EQ(gpu::atleast_2d(arange(3, {3})).shape(), (gpu::shape_t{1, 3}));
        EXPECT_EQ(gpu::atleast_1d(gpu::zeros<float>({})).shape(), (gpu::shape_t{1}));
        EXPECT_EQ(gpu::matrix_transpose(a).shape(), (gpu::shape_t{2, 4, 3}));
        expect_error<gpu::value_error>([&] { (void)gpu::matrix_transpose(arange(3, {3})); },
                                       "Input array must be at least 2-dimensional, but it is 1");
        EXPECT_EQ(gpu::permute_dims(a, {2, 0, 1}).shape(), (gpu::shape_t{4, 2, 3}));
        const auto m = arange(6, {2, 3});
        expect_result(gpu::fliplr(m), {2, 3}, std::vector<int>{2, 1, 0, 5, 4, 3});
        expect_result(gpu::flipud(m), {2, 3}, std::vector<int>{3, 4, 5, 0, 1, 2});
        expect_error<gpu::value_error>([&] { (void)gpu::fliplr(arange(3, {3})); }, "Input must be >= 2-d.");
        const auto [x, y] = gpu::broadcast_arrays(arange(3, {3}), gpu::eval(arange(2, {2, 1}).astype<float>()));
        EXPECT_EQ(x.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(y.shape(), (gpu::shape_t{2, 3}));
        expect_values(values_of(y), std::vector<float>{0, 0, 0, 1, 1, 1});
        EXPECT_EQ(gpu::shape(a), (gpu::shape_t{2, 3, 4}));
        EXPECT_EQ(gpu::size(a * 2), 24);
        EXPECT_EQ(gpu::ndim(a), 3);
    }
}

TEST(ShapeHelpers, JoinsAndSplits) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto u = arange(3, {3});
        const auto v = gpu::eval(u + 3);
        expect_result(gpu::column_stack({u, v}), {3, 2}, std::vector<int>{0, 3, 1, 4, 2, 5});
        expect_result(gpu::dstack({u, v}), {1, 3, 2}, std::vector<int>{0, 3, 1, 4, 2, 5});
        expect_result(gpu::concat({u, v}), {6}, std::vector<int>{0, 1, 2, 3, 4, 5});
        // A transposed input joins as its values (no layout assumption).
        const auto t = arange(6, {2, 3}).T();
        expect_result(gpu::column_stack({t, u}), {3, 3}, std::vector<int>{0, 3, 0, 1, 4, 1, 2, 5, 2});
        expect_result(gpu::hsplit(arange(6, {6}), 3)[1], {2}, std::vector<int>{2, 3});
        expect_result(gpu::hsplit(arange(12, {3, 4}), {1, 3})[1], {3, 2}, std::vector<int>{1, 2, 5, 6, 9, 10});
        expect_result(gpu::dsplit(arange(8, {1, 2, 4}), 2)[1], {1, 2, 2}, std::vector<int>{2, 3, 6, 7});
        expect_error<gpu::value_error>([&] { (void)gpu::vsplit(u, 2); }, "vsplit only works on arrays of 2 or more dimensions");
        expect_error<gpu::value_error>([&] { (void)gpu::hsplit(u, 2); }, "array split does not result in an equal division");
    }
}

TEST(DtypeFunctions, CanCastPromoteResultType) {
    using gpu::dtype;
    // NumPy: can_cast(int64, float64), (float64, float32), same_kind, (int8, uint8, same_kind),
    // (uint8, int16), (uint64, int64), (float16, complex64).
    EXPECT_TRUE(gpu::can_cast(dtype::int64, dtype::float64));
    EXPECT_FALSE(gpu::can_cast(dtype::float64, dtype::float32));
    EXPECT_TRUE(gpu::can_cast(dtype::float64, dtype::float32, "same_kind"));
    EXPECT_FALSE(gpu::can_cast(dtype::int8, dtype::uint8, "same_kind"));
    EXPECT_TRUE(gpu::can_cast(dtype::uint8, dtype::int16));
    EXPECT_FALSE(gpu::can_cast(dtype::uint64, dtype::int64));
    EXPECT_TRUE(gpu::can_cast(dtype::float16, dtype::complex64));
    EXPECT_TRUE(gpu::can_cast(dtype::float64, dtype::int8, "unsafe"));
    EXPECT_FALSE(gpu::can_cast(dtype::int32, dtype::int64, "no"));
    static_assert(gpu::can_cast(dtype::int8, dtype::bfloat16));  // ml_dtypes: 8-bit integers fit
    expect_error<gpu::value_error>([] { (void)gpu::can_cast(dtype::int8, dtype::uint8, "bogus"); },
                                   "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'bogus')");
    static_assert(gpu::promote_types(dtype::int8, dtype::uint8) == dtype::int16);
    static_assert(gpu::result_type(dtype::int8, dtype::float16, dtype::uint16) == dtype::float32);
    static_assert(gpu::isscalar(1.5));
    EXPECT_FALSE(gpu::isscalar(gpu::ndarray<float>()));
}

TEST(Copyto, SameKindBroadcastAndWhere) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto dst = gpu::zeros<double>({2, 3});
        gpu::copyto(dst, arange(3, {3}));  // int64 -> float64 is 'same_kind'
        expect_values(values_of(dst), std::vector<double>{0, 1, 2, 0, 1, 2});
        gpu::copyto(dst, gpu::full<double>({1}, 9.0), gpu::eval(arange(3, {3}) > 0));
        expect_values(values_of(dst), std::vector<double>{0, 9, 9, 0, 9, 9});
        EXPECT_EQ(values_of(gpu::copy(dst.T())), values_of(dst.T()));
    }
}

TEST(AlongAxis, TakePutCompressExtract) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto b = arange(12, {3, 4});
        const auto idx = make<i64>({3, 0, 1, -1, 2, 2}, {3, 2});
        expect_result(gpu::take_along_axis(b, idx, 1), {3, 2}, std::vector<int>{3, 0, 5, 7, 10, 10});
        expect_result(gpu::take_along_axis(b, make<std::int32_t>({2, 0, 1, 1}, {1, 4}), 0), {1, 4},
                      std::vector<int>{8, 1, 6, 7});
        // A transposed source: the same elements as NumPy's b.T.
        expect_result(gpu::take_along_axis(b.T(), make<i64>({2, 0, 1, 1}, {4, 1}), 1), {4, 1},
                      std::vector<int>{8, 1, 6, 7});
        expect_error<gpu::index_error>([&] { (void)gpu::take_along_axis(b, make<i64>({5}, {1, 1}), 1); },
                                       "index 5 is out of bounds for axis 1 with size 4");
        expect_error<gpu::value_error>([&] { (void)gpu::take_along_axis(b, make<i64>({1}), 1); },
                                       "`indices` and `arr` must have the same number of dimensions");
        auto c = gpu::eval(b);
        gpu::put_along_axis(c, idx, -7, 1);
        expect_result(c, {3, 4}, std::vector<int>{-7, 1, 2, -7, 4, -7, 6, -7, 8, 9, -7, 11});
        const auto m = arange(6, {2, 3});
        expect_result(gpu::compress(make<i64>({1, 0, 2}), m, 1), {2, 2}, std::vector<int>{0, 2, 3, 5});
        expect_result(gpu::compress(make<bool>({false, true, true}), m), {2}, std::vector<int>{1, 2});
        expect_error<gpu::index_error>(
            [&] { (void)gpu::compress(make<bool>({true, false, true, true}), gpu::zeros<double>({3})); },
            "index 3 is out of bounds for axis 0 with size 3");
        expect_result(gpu::extract(gpu::eval(m % 2 == 0), gpu::eval(m * 10)), {3}, std::vector<int>{0, 20, 40});
    }
}

TEST(Windows, AsNumPyFormulas) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_values(values_of(gpu::hamming(7)), std::vector<double>{0.08000000000000002, 0.31000000000000016,
                                                                       0.7700000000000001, 1.0, 0.7700000000000001,
                                                                       0.31000000000000016, 0.08000000000000002});
        expect_values(values_of(gpu::hanning(7)),
                      std::vector<double>{0.0, 0.2500000000000001, 0.75, 1.0, 0.75, 0.2500000000000001, 0.0});
        expect_values(values_of(gpu::blackman(7)),
                      std::vector<double>{-1.3877787807814457e-17, 0.1300000000000001, 0.6300000000000001,
                                          0.9999999999999999, 0.6300000000000001, 0.1300000000000001,
                                          -1.3877787807814457e-17},
                      1e-15, 1e-15);
        expect_values(values_of(gpu::bartlett(7)), std::vector<double>{0.0, 0.33333333333333337, 0.6666666666666667, 1.0,
                                                                        0.6666666666666667, 0.33333333333333337, 0.0});
        expect_values(values_of(gpu::hamming(1)), std::vector<double>{1.0});
        EXPECT_EQ(gpu::bartlett(0).size(), 0);
    }
}

TEST(Sinc, FloatsKeepTheirDtype) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_values(values_of(gpu::sinc(make<double>({-1.5, 0.0, 0.25, 3.0}))),
                      std::vector<double>{-0.2122065907891938, 1.0, 0.9003163161571062, 3.8981718325193755e-17}, 1e-15,
                      1e-15);
        const auto f = gpu::eval(gpu::sinc(make<float>({-1.5f, 0.0f, 0.25f})));
        static_assert(std::is_same_v<typename decltype(f)::value_type, float>);
        expect_values(values_of(f), std::vector<float>{-0.21220658719539642f, 1.0f, 0.9003162980079651f});
        static_assert(std::is_same_v<typename decltype(gpu::eval(gpu::sinc(make<i64>({1}))))::value_type, double>);
    }
}

TEST(Polynomials, HornerAndCoefficientArithmetic) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_values(values_of(gpu::polyval(make<double>({3.0, 0.0, -2.0, 1.5}), make<double>({-1.0, 0.5, 2.0}))),
                      std::vector<double>{0.5, 0.875, 21.5});
        expect_result(gpu::polyval(make<i64>({2, -1, 3}), make<i64>({1, 2, 3})), {3}, std::vector<int>{4, 9, 18});
        expect_result(gpu::polyadd(make<i64>({1, 2}), make<i64>({1, 2, 3})), {3}, std::vector<int>{1, 3, 5});
        const auto s = gpu::polysub(make<i64>({1, 2}), make<double>({1.0, 2.0, 3.0}));
        static_assert(std::is_same_v<typename decltype(s)::value_type, double>);
        expect_result(s, {3}, std::vector<int>{-1, -1, -1});
        expect_result(gpu::polymul(make<i64>({1, 2}), make<i64>({1, 2, 3})), {4}, std::vector<int>{1, 4, 7, 6});
        const auto v = gpu::vander(make<std::int32_t>({1, 2, 3, 5}));
        static_assert(std::is_same_v<typename decltype(v)::value_type, i64>);
        expect_result(v, {4, 4}, std::vector<int>{1, 1, 1, 1, 8, 4, 2, 1, 27, 9, 3, 1, 125, 25, 5, 1});
        expect_result(gpu::vander(make<double>({1.5, -2.0}), 3, true), {2, 3}, std::vector<double>{1.0, 1.5, 2.25, 1.0, -2.0, 4.0});
        expect_error<gpu::value_error>([] { (void)gpu::vander(gpu::zeros<double>({2, 2})); },
                                       "x must be a one-dimensional array or sequence.");
    }
}

TEST(Integration, TrapezoidUnwrapCumulative) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(gpu::trapezoid(make<double>({1.0, 2.0, 4.0, 7.0}), 0.5).item(), 5.0);
        const auto y = make<i64>({1, 2, 4, 0, 1, 0}, {2, 3});
        expect_values(values_of(gpu::trapezoid(y, make<double>({0.0, 1.0, 3.0}))), std::vector<double>{7.5, 1.5});
        expect_values(values_of(gpu::trapezoid(y, 1.0, 0)), std::vector<double>{0.5, 1.5, 2.0});
        expect_values(values_of(gpu::unwrap(make<double>({0.0, 3.0, 6.5, -3.0, 12.0, 0.5}))),
                      std::vector<double>{0.0, 3.0, 0.21681469282041377, 3.2831853071795862, 5.716814692820414,
                                          6.783185307179586},
                      1e-15, 1e-15);
        expect_values(values_of(gpu::unwrap(make<float>({0.0f, 3.0f, 6.5f, -3.0f}))),
                      std::vector<float>{0.0f, 3.0f, 0.21681499481201172f, 3.2831859588623047f});
        expect_values(values_of(gpu::unwrap(make<double>({0.0, 4.0, 9.0, 1.0}), std::nullopt, -1, 5.0)),
                      std::vector<double>{0.0, -1.0, -1.0, 1.0});
        const auto m = arange(6, {2, 3});
        expect_result(gpu::cumulative_sum(m, 1, true), {2, 4}, std::vector<int>{0, 0, 1, 3, 0, 3, 7, 12});
        expect_result(gpu::cumulative_prod(gpu::eval(m + 1), 0), {2, 3}, std::vector<int>{1, 2, 3, 4, 10, 18});
        expect_result(gpu::cumulative_sum(arange(4, {4})), {4}, std::vector<int>{0, 1, 3, 6});
        expect_error<gpu::value_error>([&] { (void)gpu::cumulative_sum(m); },
                                       "For arrays which have more than one dimension ``axis`` argument is required.");
        const auto z = make<i64>({0, 0, 1, 0, 2, 0});
        expect_result(gpu::trim_zeros(z), {3}, std::vector<int>{1, 0, 2});
        expect_result(gpu::trim_zeros(z, "f"), {4}, std::vector<int>{1, 0, 2, 0});
        EXPECT_EQ(gpu::trim_zeros(make<i64>({0, 0})).size(), 0);
    }
}

// Complex inputs where NumPy treats them specially: correlate conjugates v, gradient and interp
// keep the imaginary part (interp: complex128), float16 gradients stay float16.
TEST(ComplexFunctions, CorrelateGradientInterp) {
    using C = std::complex<double>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto c = make<C>({{1, 2}, {3, -1}, {0, 1}, {2, 2}});
        const auto v = make<C>({{1, 1}, {0, -2}});
        expect_values(values_of(gpu::correlate(c, v)), std::vector<C>{{5, 7}, {0, -4}, {-3, 5}});
        expect_values(values_of(gpu::correlate(c, v, "full")), std::vector<C>{{-4, 2}, {5, 7}, {0, -4}, {-3, 5}, {4, 0}});
        expect_values(values_of(gpu::convolve(c, v)), std::vector<C>{{-1, 3}, {8, 0}, {-3, -5}, {2, 4}, {4, -4}});
        expect_values(values_of(gpu::gradient(c)[0]), std::vector<C>{{2, -3}, {-0.5, -0.5}, {-0.5, 1.5}, {2, 1}});
        const auto cf = gpu::asarray(std::vector<std::complex<float>>{{1, 2}, {3, -1}, {0, 1}, {2, 2}});
        const auto ip = gpu::interp(make<double>({0.5, 1.5, 9.0}), make<double>({0, 1, 2, 3}), cf, std::nullopt, 7.0);
        static_assert(std::is_same_v<typename decltype(ip)::value_type, C>);
        expect_values(values_of(ip), std::vector<C>{{2, 0.5}, {1.5, 0}, {7, 0}});
        const auto g = gpu::gradient(gpu::asarray(std::vector<gpu::float16>{gpu::float16(1.0f), gpu::float16(2.5f),
                                                                            gpu::float16(-1.0f)}))[0];
        static_assert(std::is_same_v<typename decltype(g)::value_type, gpu::float16>);
        EXPECT_EQ(static_cast<float>(values_of(g)[1]), -1.0f);
    }
}

// NumPy 2's complex sign (z / |z| with its special cases, numpy/_core/src/umath/loops.c.src) and
// the NaN-aware mean and variance of complex numbers (a NaN in either part is absent; nanvar is
// real, the mean of |x - mean|^2).
TEST(ComplexFunctions, SignNanmeanNanvar) {
    using C = std::complex<double>;
    const double inf = INFINITY, nan = NAN;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto z = make<C>({{3, 4}, {0, 0}, {inf, 2}, {nan, 1}, {2, -inf}, {inf, inf}, {-1e-300, 0}, {inf, nan}});
        expect_values(values_of(gpu::sign(z)),
                      std::vector<C>{{0.6, 0.8}, {0, 0}, {1, 0}, {nan, nan}, {0, -1}, {nan, nan}, {-1, 0}, {1, 0}});
        // NumPy 1.24 and 2.x: nanmean (0.5+1.5j), nanvar 0.5, nanstd sqrt(0.5).
        const auto c = make<C>({{1, 2}, {nan, -1}, {0, 1}, {2, nan}});
        expect_values(values_of(gpu::nanmean(c)), std::vector<C>{{0.5, 1.5}});
        const auto v = gpu::nanvar(c);
        static_assert(std::is_same_v<typename decltype(v)::value_type, double>);
        expect_values(values_of(v), std::vector<double>{0.5});
        expect_values(values_of(gpu::nanstd(c)), std::vector<double>{0.7071067811865476});
    }
}

// exp2 expm1 log2 log1p rint round float_power of complex numbers, NumPy's formulas (values of
// NumPy 1.24, whose complex loops are those of 2.x), within a few ulp.
TEST(ComplexFunctions, ExpLogRoundingPower) {
    using C = std::complex<double>;
    const double inf = INFINITY;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto z = make<C>({{1, 2}, {-0.5, 0.25}, {3, -1}, {0, 0}});
        const double tol = 1e-14;
        expect_values(values_of(gpu::exp2(z)),
                      std::vector<C>{{0.36691394948660344, 1.9660554808224875}, {0.6965167091827812, 0.12191994844646645},
                                     {6.153911210911775, -5.111690210509077}, {1.0, 0.0}},
                      tol, tol);
        expect_values(values_of(gpu::expm1(z)),
                      std::vector<C>{{-2.1312043837568133, 2.4717266720048188}, {-0.4123249096560773, 0.15005808662216327},
                                     {9.852261914197959, -16.901396535150095}, {0.0, 0.0}},
                      tol, tol);
        expect_values(values_of(gpu::log2(z)),
                      std::vector<C>{{1.1609640474436813, 1.5972779646881086}, {-0.8390359525563188, 3.8634580356017056},
                                     {1.6609640474436813, -0.46418792923131036}, {-inf, 0.0}},
                      tol, tol);
        expect_values(values_of(gpu::log1p(z)),
                      std::vector<C>{{1.039720770839918, 0.7853981633974483}, {-0.5815754049028404, 0.4636476090008061},
                                     {1.416606672028108, -0.24497866312686414}, {0.0, 0.0}},
                      tol, tol);
        expect_values(values_of(gpu::rint(z)), std::vector<C>{{1, 2}, {-0.0, 0}, {3, -1}, {0, 0}});
        expect_values(values_of(gpu::round(make<C>({{1.26, 2.5}, {-0.55, 0.349}}), 1)), std::vector<C>{{1.3, 2.5}, {-0.6, 0.3}});
        const auto p = gpu::eval(gpu::float_power(gpu::asarray(std::vector<std::complex<float>>{{1, 2}, {2, 0}}), 2));
        static_assert(std::is_same_v<typename decltype(p)::value_type, C>);
        expect_values(values_of(p), std::vector<C>{{-3, 4}, {4, 0}}, tol, tol);
        // nan_to_num part by part (NumPy: [0+1.797e308j, -1.797e308+1j, 2+0j]; with nan=1.5,
        // posinf=9, neginf=-9: [1.5+9j, -9+1j, 2+1.5j]).
        const double nan = NAN, big = std::numeric_limits<double>::max();
        const auto w = make<C>({{nan, inf}, {-inf, 1}, {2, nan}});
        expect_values(values_of(gpu::nan_to_num(w)), std::vector<C>{{0, big}, {-big, 1}, {2, 0}});
        expect_values(values_of(gpu::nan_to_num(w, true, 1.5, 9.0, -9.0)), std::vector<C>{{1.5, 9}, {-9, 1}, {2, 1.5}});
        // vander of complex64 is complex128 (NumPy: promote_types(complex64, int64)).
        const auto v = gpu::vander(gpu::asarray(std::vector<std::complex<float>>{{1, 1}, {0, 2}}), 4);
        static_assert(std::is_same_v<typename decltype(v)::value_type, C>);
        expect_values(values_of(v), std::vector<C>{{-2, 2}, {0, 2}, {1, 1}, {1, 0}, {0, -8}, {-4, 0}, {0, 2}, {1, 0}});
    }
}

// The new element-wise kernels NVRTC-compile (no GPU needed): sinc in float32, a window over the
// index, unwrap's correction.
TEST(FunctionsMoreKernels, Compile) {
    namespace d = gpu::detail;
    gpu::executor_scope host(gpu::executor::host);
    const auto x = make<float>({1.0f});
    auto s = d::as_node(gpu::sinc(x));
    gpu_test::expect_kernel_variants_compile<decltype(s)>("sinc float32");
    const d::index_leaf i({7});
    const auto n = (1 - std::int64_t{7}) + 2 * i;
    auto w = d::as_node(gpu::where(n <= 0, 1 + n / std::int64_t{6}, 1 - n / std::int64_t{6}));
    gpu_test::expect_kernel_variants_compile<decltype(w)>("bartlett");
    const auto dd = make<double>({1.0});
    const auto m0 = gpu::mod(dd + 3.0, 6.0) - 3.0;
    auto c = d::as_node(gpu::where(gpu::abs(dd) < 3.0, 0.0, gpu::where((m0 == -3.0) & (dd > 0), 3.0, m0) - dd));
    gpu_test::expect_kernel_variants_compile<decltype(c)>("unwrap correction");
    auto sg = d::as_node(gpu::sign(gpu::asarray(std::vector<std::complex<float>>{{1, 1}})));
    gpu_test::expect_kernel_variants_compile<decltype(sg)>("complex64 sign");
    const auto z = gpu::asarray(std::vector<std::complex<float>>{{1, 1}});
    auto el = d::as_node(gpu::exp2(z) + gpu::expm1(z) + gpu::log2(z) + gpu::log1p(z) + gpu::rint(z) + gpu::round(z, 2) +
                         gpu::nan_to_num(z));
    gpu_test::expect_kernel_variants_compile<decltype(el)>("complex64 exp2 expm1 log2 log1p rint round nan_to_num");
}

}  // namespace

namespace {

using gpu_test::expect_error;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

// fill_diagonal, putmask, place, resize, asarray_chkfinite, may_share_memory (NumPy's values:
// gen_functions.py, more_functions()).
TEST(FillPlace, AsNumPy) {
    using i64 = std::int64_t;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = gpu::zeros<i64>({4, 3});
        gpu::fill_diagonal(a, 5);
        EXPECT_EQ(values_of(a), (std::vector<i64>{5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0}));
        auto w = gpu::zeros<i64>({5, 2});
        gpu::fill_diagonal(w, 5, true);
        EXPECT_EQ(values_of(w), (std::vector<i64>{5, 0, 0, 5, 0, 0, 5, 0, 0, 5}));
        auto c = gpu::zeros<i64>({3, 3, 3});
        gpu::fill_diagonal(c, make<i64>({7, 8}));
        std::vector<i64> want(27, 0);
        want[0] = 7, want[13] = 8, want[26] = 7;
        EXPECT_EQ(values_of(c), want);
        // A transposed target: its diagonal in its own (logical) order.
        auto t = gpu::zeros<i64>({3, 4});
        gpu::fill_diagonal(t.T(), 1);
        EXPECT_EQ(values_of(t), (std::vector<i64>{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}));
        expect_error<gpu::value_error>([] { gpu::fill_diagonal(gpu::zeros<double>({2, 3, 3}), 1.0); },
                                       "All dimensions of input must be of equal length");
        expect_error<gpu::value_error>([] { gpu::fill_diagonal(gpu::zeros<double>({3}), 1.0); }, "array must be at least 2-d");
        auto p = gpu::eval(gpu::arange<i64>(6));
        gpu::putmask(p, gpu::eval(p % 2 == 1), make<i64>({10, 20, 30, 40}));
        EXPECT_EQ(values_of(p), (std::vector<i64>{0, 20, 2, 40, 4, 20}));
        auto q = gpu::eval(gpu::arange<i64>(6));
        gpu::place(q, gpu::eval(q % 2 == 1), make<i64>({10, 20}));
        EXPECT_EQ(values_of(q), (std::vector<i64>{0, 10, 2, 20, 4, 10}));
        expect_error<gpu::value_error>(
            [] { gpu::place(gpu::eval(gpu::arange<i64>(3)), make<bool>({true, false, true}), gpu::ndarray<i64>(gpu::shape_t{0})); },
            "Cannot insert from an empty array!");
        const auto r = gpu::resize(gpu::eval(gpu::arange<i64>(3)), {2, 4});
        EXPECT_EQ(r.shape(), (gpu::shape_t{2, 4}));
        EXPECT_EQ(values_of(r), (std::vector<i64>{0, 1, 2, 0, 1, 2, 0, 1}));
        expect_error<gpu::value_error>([] { (void)gpu::asarray_chkfinite(make<double>({1.0, INFINITY})); },
                                       "array must not contain infs or NaNs");
        const auto x = gpu::eval(gpu::arange<i64>(10));
        using gpu::slice;
        EXPECT_TRUE(gpu::may_share_memory(x(slice(gpu::none, gpu::none, 2)), x(slice(1, gpu::none, 2))));
        EXPECT_FALSE(gpu::may_share_memory(x(slice(gpu::none, 5)), x(slice(5, gpu::none))));
        EXPECT_TRUE(gpu::may_share_memory(x, gpu::flip(x)));
    }
}

TEST(Bits, PackUnpackAndDigits) {
    using u8 = std::uint8_t;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(values_of(gpu::packbits(make<u8>({1, 0, 1, 1, 0, 0, 0, 1, 1}))), (std::vector<u8>{177, 128}));
        const auto m = make<std::int64_t>({1, 0, 1, 0, 1, 1}, {2, 3});
        const auto p1 = gpu::packbits(m, 1);
        EXPECT_EQ(p1.shape(), (gpu::shape_t{2, 1}));
        EXPECT_EQ(values_of(p1), (std::vector<u8>{160, 96}));
        const auto p0 = gpu::packbits(m, 0);
        EXPECT_EQ(p0.shape(), (gpu::shape_t{1, 3}));
        EXPECT_EQ(values_of(p0), (std::vector<u8>{128, 64, 192}));
        EXPECT_EQ(values_of(gpu::packbits(make<bool>({true, true, false}), std::nullopt, "little")), (std::vector<u8>{3}));
        EXPECT_EQ(values_of(gpu::unpackbits(make<u8>({161, 3}))),
                  (std::vector<u8>{1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1}));
        const auto u = gpu::unpackbits(make<u8>({5, 200}, {2, 1}), 1, 4);
        EXPECT_EQ(u.shape(), (gpu::shape_t{2, 4}));
        EXPECT_EQ(values_of(u), (std::vector<u8>{0, 0, 0, 0, 1, 1, 0, 0}));
        EXPECT_EQ(values_of(gpu::unpackbits(make<u8>({5}), std::nullopt, std::nullopt, "little")),
                  (std::vector<u8>{1, 0, 1, 0, 0, 0, 0, 0}));
        EXPECT_EQ(values_of(gpu::unpackbits(make<u8>({161}), std::nullopt, -3)), (std::vector<u8>{1, 0, 1, 0, 0}));
        EXPECT_EQ(values_of(gpu::unpackbits(make<u8>({161}), std::nullopt, 10)), (std::vector<u8>{1, 0, 1, 0, 0, 0, 0, 1, 0, 0}));
        expect_error<gpu::value_error>([] { (void)gpu::packbits(make<u8>({1}), std::nullopt, "middle"); },
                                       "'order' must be either 'little' or 'big'");
        // bitwise_count (NumPy 2): the bits of |x|, uint8.
        const auto bc = gpu::eval(gpu::bitwise_count(make<std::int8_t>({-128, -1, 0, 7, 127})));
        static_assert(std::is_same_v<typename decltype(bc)::value_type, u8>);
        EXPECT_EQ(values_of(bc), (std::vector<u8>{1, 1, 0, 3, 7}));
        EXPECT_EQ(values_of(gpu::bitwise_count(make<std::uint64_t>({~std::uint64_t{0}, 1ull << 63}))), (std::vector<u8>{64, 1}));
    }
    EXPECT_EQ(gpu::binary_repr(10), "1010");
    EXPECT_EQ(gpu::binary_repr(-3), "-11");
    EXPECT_EQ(gpu::binary_repr(-3, 8), "11111101");
    EXPECT_EQ(gpu::binary_repr(-4, 4), "1100");
    EXPECT_EQ(gpu::binary_repr(0, 3), "000");
    EXPECT_EQ(gpu::binary_repr(-1, 1), "1");
    EXPECT_EQ(gpu::binary_repr(std::numeric_limits<std::int64_t>::min(), 64), "1" + std::string(63, '0'));
    EXPECT_EQ(gpu::base_repr(255, 16), "FF");
    EXPECT_EQ(gpu::base_repr(-10, 3, 2), "-00101");
    EXPECT_EQ(gpu::base_repr(0, 5), "0");
    EXPECT_EQ(gpu::base_repr(0, 5, 3), "000");
    expect_error<gpu::value_error>([] { (void)gpu::base_repr(3, 37); }, "Bases greater than 36 not handled in base_repr.");
}

TEST(FromfunctionAndDtypes, AsNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto f = gpu::fromfunction([](const auto& i, const auto& j) { return i * 3 + j; }, {2, 3});
        static_assert(std::is_same_v<typename decltype(f)::value_type, double>);
        EXPECT_EQ(values_of(f), (std::vector<double>{0, 1, 2, 3, 4, 5}));
        const auto g = gpu::fromfunction<std::int64_t>([](const auto& i, const auto&) { return i; }, {2, 3});
        EXPECT_EQ(g.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(values_of(g), (std::vector<std::int64_t>{0, 0, 0, 1, 1, 1}));
    }
    using gpu::dtype;
    EXPECT_EQ(gpu::common_type(gpu::ndarray<std::int8_t>(), gpu::ndarray<float>()), dtype::float64);
    EXPECT_EQ(gpu::common_type(gpu::ndarray<gpu::float16>()), dtype::float16);
    EXPECT_EQ(gpu::common_type(gpu::ndarray<float>(), gpu::ndarray<std::complex<float>>()), dtype::complex64);
    expect_error<gpu::type_error>([] { (void)gpu::common_type(gpu::ndarray<bool>()); },
                                  "can't get common type for non-numeric array");
    EXPECT_TRUE(gpu::isdtype(dtype::bfloat16, "real floating"));
    EXPECT_TRUE(gpu::isdtype(dtype::uint8, "integral"));
    EXPECT_FALSE(gpu::isdtype(dtype::bool_, "numeric"));
    EXPECT_TRUE(gpu::isdtype(dtype::complex64, dtype::complex64));
    expect_error<gpu::value_error>([] { (void)gpu::isdtype(dtype::int8, "integer"); },
                                   "kind argument is a string, but 'integer' is not a known kind name.");
}

// i0 (Cephes' series, as NumPy) and the Kaiser window (NumPy 1.24 values; unchanged in 2.x).
TEST(BesselKaiser, AsNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const double nan = NAN;
        expect_values(values_of(gpu::i0(make<double>({0.0, 1.0, 7.5, 8.0, 8.5, 30.0, -2.0, INFINITY, nan}))),
                      std::vector<double>{1.0, 1.2660658777520082, 268.1613115151893, 427.56411572180474, 683.1619269901155,
                                          781672297823.9775, 2.279585302336067, nan, nan},
                      1e-14);
        const auto f = gpu::eval(gpu::i0(make<float>({1.0f, 9.0f})));
        static_assert(std::is_same_v<typename decltype(f)::value_type, float>);
        expect_values(values_of(f), std::vector<float>{1.266066074371338f, 1093.58837890625f}, 1e-6);
        static_assert(std::is_same_v<typename decltype(gpu::eval(gpu::i0(make<std::int64_t>({3}))))::value_type, double>);
        expect_values(values_of(gpu::kaiser(6, 14)),
                      std::vector<double>{7.726866835270368e-06, 0.06815374319396057, 0.7615093990873935, 0.7615093990873935,
                                          0.06815374319396057, 7.726866835270368e-06},
                      1e-13);
        EXPECT_EQ(values_of(gpu::kaiser(1, 2.0)), std::vector<double>{1.0});
        EXPECT_EQ(gpu::kaiser(0, 2.0).size(), 0);
    }
}

TEST(BitsKernels, Compile) {
    namespace d = gpu::detail;
    gpu::executor_scope host(gpu::executor::host);
    auto bc = d::as_node(gpu::bitwise_count(make<std::int32_t>({1})));
    gpu_test::expect_kernel_variants_compile<decltype(bc)>("bitwise_count int32");
    const d::index_leaf j(gpu::shape_t{8});
    const auto shift = (std::int64_t{7} + std::int64_t{-1} * j).astype<std::uint8_t>();
    auto un = d::as_node(gpu::right_shift(make<std::uint8_t>({1}, {1, 1}), shift) & std::uint8_t{1});
    gpu_test::expect_kernel_variants_compile<decltype(un)>("unpackbits");
    auto i0f = d::as_node(gpu::i0(make<float>({1.0f})));
    gpu_test::expect_kernel_variants_compile<decltype(i0f)>("i0 float32");
}

}  // namespace
