// complex64 and complex128: promotion (weak complex scalars), arithmetic with NumPy's algorithms
// (textbook product, Smith's quotient), the elementary functions, parts as writable views,
// ordering, reductions (var real), scans, creation, transfers, indexing and printing, on every
// executor; and the NVRTC compile of complex kernels. Expected values are the lines of
// tools/numpy_data/gen_dtypes.py.
#include <gpu/npy.hpp>

#include "support.hpp"

#include <complex>
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace {

using c64 = std::complex<float>;
using c128 = std::complex<double>;
using gpu_test::make;
using gpu_test::values_of;

const std::vector<c128> za = {{1, 2}, {-3, 0.5}, {0, -1}, {2.5, -4}};
const std::vector<c128> zb = {{3, -1}, {0.25, 2}, {-2, 0}, {0.5, 3}};

// Within rtol of |expected| (both parts), for the functions NumPy leaves to the C library.
void expect_near(const std::vector<c128>& got, const std::vector<c128>& want, double rtol) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        const double tol = rtol * std::max(1.0, std::abs(want[i]));
        EXPECT_NEAR(got[i].real(), want[i].real(), tol) << "element " << i;
        EXPECT_NEAR(got[i].imag(), want[i].imag(), tol) << "element " << i;
    }
}

TEST(Complex, Promotion) {
    using gpu::dtype;
    static_assert(gpu::promote(dtype::float32, dtype::complex64) == dtype::complex64);
    static_assert(gpu::promote(dtype::float64, dtype::complex64) == dtype::complex128);
    static_assert(gpu::promote(dtype::int64, dtype::complex64) == dtype::complex128);
    static_assert(gpu::promote(dtype::int16, dtype::complex64) == dtype::complex64);
    static_assert(gpu::promote(dtype::float16, dtype::complex64) == dtype::complex64);
    static_assert(gpu::promote(dtype::complex64, dtype::complex128) == dtype::complex128);
    using gpu::ndarray;
    // A std::complex scalar is weak, like Python's complex: f32 array * 1j is complex64.
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<float>>() * c128(0, 1))), ndarray<c64>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<std::int32_t>>() * c128(0, 1))), ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<c64>>() * 2.5)), ndarray<c64>>);
    static_assert(std::is_same_v<decltype(gpu::eval(gpu::abs(std::declval<ndarray<c64>>()))), ndarray<float>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<c64>>() / std::declval<ndarray<double>>())),
                                 ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::var(std::declval<ndarray<c64>>())), ndarray<float>>);
    static_assert(std::is_same_v<decltype(gpu::mean(std::declval<ndarray<c128>>())), ndarray<c128>>);
    static_assert(std::is_same_v<decltype(gpu::eval(std::declval<ndarray<c64>>() == std::declval<ndarray<c64>>())),
                                 ndarray<bool>>);
}

TEST(Complex, ArithmeticAsNumPy) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(za), b = make(zb);
        EXPECT_EQ(values_of(a + b), (std::vector<c128>{{4, 1}, {-2.75, 2.5}, {-2, -1}, {3, -1}}));
        EXPECT_EQ(values_of(a * b), (std::vector<c128>{{5, 5}, {-1.75, -5.875}, {0, 2}, {13.25, 5.5}}));
        // Smith's algorithm, as NumPy: bit for bit.
        const auto q = values_of(a / b);
        EXPECT_EQ(q[0], c128(0.1, 0.7000000000000001));
        EXPECT_EQ(q[1], c128(0.06153846153846154, 1.5076923076923077));
        EXPECT_EQ(q[2], c128(-0.0, 0.5));
        EXPECT_EQ(q[3], c128(-1.162162162162162, -1.0270270270270268));  // 1/denom, then products
        EXPECT_EQ(values_of(gpu::conj(a)), (std::vector<c128>{{1, -2}, {-3, -0.5}, {0, 1}, {2.5, 4}}));
        EXPECT_EQ(values_of(gpu::maximum(a, b)), (std::vector<c128>{{3, -1}, {0.25, 2}, {0, -1}, {2.5, -4}}));
        EXPECT_EQ(values_of(a == b), (std::vector<bool>{false, false, false, false}));
        EXPECT_EQ(values_of(a < b), (std::vector<bool>{true, true, false, false}));
        const std::vector<double> abs = values_of(gpu::abs(a));
        EXPECT_DOUBLE_EQ(abs[0], 2.23606797749979);
        EXPECT_DOUBLE_EQ(abs[3], 4.716990566028302);
        const std::vector<double> ang = values_of(gpu::angle(a));
        EXPECT_DOUBLE_EQ(ang[1], 2.976443976175166);
        EXPECT_EQ(values_of(gpu::real(a * 2.0)), (std::vector<double>{2, -6, 0, 5}));
        EXPECT_EQ(values_of(gpu::imag(a + c128(0, 1))), (std::vector<double>{3, 1.5, 0, -3}));
        // f32 * 1j is complex64; int * complex is complex128.
        EXPECT_EQ(values_of(make<float>({1.5f, -2}) * c128(0, 1)), (std::vector<c64>{{0, 1.5f}, {0, -2}}));
        EXPECT_EQ(values_of(make<std::int32_t>({3}) + c128(0.5, 1)), (std::vector<c128>{{3.5, 1}}));
        EXPECT_EQ(values_of(gpu::isnan(make<c64>({{0, NAN}, {1, 2}}))), (std::vector<bool>{true, false}));
        EXPECT_EQ(values_of(gpu::isinf(make<c64>({{0, INFINITY}, {1, 2}}))), (std::vector<bool>{true, false}));
        EXPECT_EQ(values_of(gpu::isfinite(make<c64>({{0, INFINITY}, {1, 2}}))), (std::vector<bool>{false, true}));
        // Integer powers by repeated multiplication, as NumPy.
        EXPECT_EQ(values_of(gpu::power(a, 2)), (std::vector<c128>{{-3, 4}, {8.75, -3}, {-1, -0.0}, {-9.75, -20}}));
    }
}

TEST(Complex, Functions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(za), b = make(zb);
        expect_near(values_of(gpu::exp(a)), {{-1.1312043837568135, 2.4717266720048188}, {0.04369226300728118, 0.02386919206778745},
                                             {0.5403023058681398, -0.8414709848078965}, {-7.963009463623303, 9.219741828534154}},
                    4e-16);
        expect_near(values_of(gpu::log(a)), {{0.8047189562170503, 1.1071487177940904}, {1.1123117757621668, 2.976443976175166},
                                             {0.0, -1.5707963267948966}, {1.5511710043061246, -1.0121970114513341}},
                    4e-16);
        expect_near(values_of(gpu::sqrt(a)), {{1.272019649514069, 0.7861513777574233}, {0.14384238796180673, 1.738013415533538},
                                              {0.7071067811865476, -0.7071067811865475}, {1.899603980574412, -1.0528510260308201}},
                    4e-16);
        expect_near(values_of(gpu::sin(a)), {{3.165778513216168, 1.9596010414216063}, {-0.15913058529843999, -0.5158804424525267},
                                             {0.0, -1.1752011936438014}, {16.343216657060857, 21.863142931283367}},
                    4e-16);
        expect_near(values_of(gpu::tanh(a)), {{1.16673625724092, -0.24345820118572534}, {-0.997316365283202, 0.00416042659289383},
                                              {0.0, -1.5574077246549023}, {1.0018735316286926, -0.013358072149067333}},
                    4e-16);
        expect_near(values_of(gpu::power(a, b)),
                    {{-27.43638199160605, 19.789310365010714}, {-0.003380184550468284, 0.000590182249475885}, {-1.0, -0.0},
                     {-24.225956971718663, -38.217253840161554}},
                    1e-14);
        // The inverse functions undo the functions.
        expect_near(values_of(gpu::arcsin(gpu::sin(a * 0.25))), values_of(a * 0.25), 1e-14);
        // (the principal values of arccos and arccosh have a real part >= 0)
        expect_near(values_of(gpu::arccos(gpu::cos(a * 0.25))), values_of(gpu::where(gpu::real(a) < 0, -a, a) * 0.25), 1e-14);
        expect_near(values_of(gpu::arctan(gpu::tan(a * 0.25))), values_of(a * 0.25), 1e-14);
        expect_near(values_of(gpu::arcsinh(gpu::sinh(a * 0.25))), values_of(a * 0.25), 1e-14);
        expect_near(values_of(gpu::arccosh(gpu::cosh(a * 0.25))), values_of(gpu::where(gpu::real(a) < 0, -a, a) * 0.25), 1e-14);
        expect_near(values_of(gpu::arctanh(gpu::tanh(a * 0.25))), values_of(a * 0.25), 1e-14);
        expect_near(values_of(gpu::log10(a)), values_of(gpu::log(a) / std::log(10.0)), 1e-15);
        // complex64 within a few float ulps of the complex128 values.
        const auto a32 = make(std::vector<c64>(za.begin(), za.end()));
        std::vector<c128> e32;
        for (c64 z : values_of(gpu::exp(a32))) e32.push_back(z);
        expect_near(e32, values_of(gpu::exp(a)), 4e-7);
    }
}

TEST(Complex, PartsAreWritableViews) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make(std::vector<c64>{{1, 2}, {3, 4}, {5, 6}, {7, 8}}, {2, 2});
        EXPECT_EQ(values_of(a.real()), (std::vector<float>{1, 3, 5, 7}));
        EXPECT_EQ(values_of(a.imag()), (std::vector<float>{2, 4, 6, 8}));
        EXPECT_EQ(a.real().strides(), (gpu::strides_t{4, 2}));
        a.imag()(gpu::colon, 1) = 0.5f;  // NumPy: a.imag[:, 1] = 0.5
        a.real().assign(a.real() * 10);
        EXPECT_EQ(values_of(a), (std::vector<c64>{{10, 2}, {30, 0.5f}, {50, 6}, {70, 0.5f}}));
        // Parts of a transposed view.
        EXPECT_EQ(values_of(a.T().imag()), (std::vector<float>{2, 6, 0.5f, 0.5f}));
        // A real array's real part is itself; its imaginary part zeros.
        const auto r = make<double>({1.5, 2});
        EXPECT_TRUE(gpu_test::shares(r.real(), r));
        EXPECT_EQ(values_of(r.imag()), (std::vector<double>{0, 0}));
        EXPECT_EQ(values_of(gpu::iscomplex(make(std::vector<c64>{{1, 0}, {1, 1}}))), (std::vector<bool>{false, true}));
        EXPECT_EQ(values_of(gpu::isreal(r)), (std::vector<bool>{true, true}));
        EXPECT_TRUE(gpu::iscomplexobj(gpu::ndarray<c64>()) && gpu::isrealobj(r));
    }
}

TEST(Complex, ReductionsAndScans) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(za);
        EXPECT_EQ(a.sum().item(), c128(0.5, -2.5));
        EXPECT_EQ(a.prod().item(), c128(2.25, 32));
        EXPECT_EQ(a.mean().item(), c128(0.125, -0.625));
        EXPECT_DOUBLE_EQ(a.var().item(), 8.96875);
        EXPECT_DOUBLE_EQ(a.std().item(), std::sqrt(8.96875));
        EXPECT_EQ(gpu::argmax(a).item(), 3);
        EXPECT_EQ(gpu::argmin(a).item(), 1);
        EXPECT_EQ(gpu::max(a).item(), c128(2.5, -4));
        EXPECT_EQ(values_of(gpu::cumsum(a)), (std::vector<c128>{{1, 2}, {-2, 2.5}, {-2, 1.5}, {0.5, -2.5}}));
        const auto a32 = make(std::vector<c64>{{1, 1}, {0, 2}, {0.5, 0}});
        EXPECT_EQ(values_of(gpu::cumprod(a32)), (std::vector<c64>{{1, 1}, {-2, 2}, {-1, 1}}));
        const auto m = make(std::vector<c64>{{1, 1}, {2, 0}, {0, 3}, {-1, -1}}, {2, 2});
        EXPECT_EQ(values_of(gpu::sum(m, 0)), (std::vector<c64>{{1, 4}, {1, -1}}));
        EXPECT_EQ(values_of(gpu::cumsum(m, 1)), (std::vector<c64>{{1, 1}, {3, 1}, {0, 3}, {-1, 2}}));
        EXPECT_EQ(gpu::sum(make(std::vector<c64>{})).item(), c64(0, 0));
        EXPECT_TRUE(gpu::any(m).item());
    }
}

// cumprod of both complex dtypes over many look-back tiles (flat), along a strided axis (the
// lines kernel) and along rows. The factors are i^k, (1 + i) and (1 - i) / 2, whose running
// products have power-of-two parts: exact in any order, so every executor matches exactly.
template <class C>
void expect_cumprod_exact() {
    using R = typename C::value_type;
    const C factors[] = {C(0, 1), C(-1, 0), C(1, 1), C(R(0.5), R(-0.5)), C(0, -1), C(1, 0)};
    std::vector<C> v;
    int depth = 0;  // (1 + i) factors less (1 - i) / 2 ones: the product's magnitude is 2^(depth / 2)
    for (int i = 0; i < 21000; ++i) {
        int f = (i * 7 + i / 13) % 6;
        if ((f == 2 && depth >= 40) || (f == 3 && depth <= -40)) f = 5 - f;
        depth += f == 2 ? 1 : f == 3 ? -1 : 0;
        v.push_back(factors[f]);
    }
    auto running = [](const std::vector<C>& x, std::size_t start, std::size_t count, std::size_t step) {
        std::vector<C> r;
        C p(1, 0);
        for (std::size_t k = 0; k < count; ++k) r.push_back(p *= x[start + k * step]);
        return r;
    };
    EXPECT_EQ(values_of(gpu::cumprod(make(v))), running(v, 0, v.size(), 1));
    const auto m = make(v, {300, 70});
    const auto down = values_of(gpu::cumprod(m, 0)), across = values_of(gpu::cumprod(m.T(), 1));
    for (std::size_t j = 0; j < 70; ++j) {
        const auto col = running(v, j, 300, 70);
        for (std::size_t i = 0; i < 300; ++i) {
            ASSERT_EQ(down[i * 70 + j], col[i]) << "axis 0, column " << j << ", row " << i;
            ASSERT_EQ(across[j * 300 + i], col[i]) << "transposed, axis 1, row " << j << ", column " << i;
        }
    }
}

TEST(Complex, CumprodExactInEveryLayout) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_cumprod_exact<c64>();
        expect_cumprod_exact<c128>();
    }
}

// max / min in NumPy's lexicographic order, in each kernel layout: whole arrays small and large
// (one warp, blocks, split rows), along either axis, both precisions.
template <class C>
void expect_max_min_layouts() {
    using R = typename C::value_type;
    std::vector<C> v;
    for (int i = 0; i < 3000; ++i) v.push_back(C(R((i * 37) % 101) - R(50), R((i * 11) % 7) - R(3)));
    v[1234] = C(R(51), R(-9));  // the largest real part, once
    v[77] = C(R(-51), R(9));    // the smallest
    for (std::size_t n : {std::size_t{1}, std::size_t{4}, std::size_t{33}, std::size_t{3000}}) {
        SCOPED_TRACE(n);
        const std::vector<C> w(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n));
        C mx = w[0], mn = w[0];
        for (const C& z : w) {
            if (z.real() > mx.real() || (z.real() == mx.real() && z.imag() > mx.imag())) mx = z;
            if (z.real() < mn.real() || (z.real() == mn.real() && z.imag() < mn.imag())) mn = z;
        }
        const auto a = make(w);
        EXPECT_EQ(gpu::max(a).item(), mx);
        EXPECT_EQ(gpu::min(a).item(), mn);
    }
    const auto m = make(v, {60, 50});
    const auto cols = values_of(gpu::max(m, 0)), rows = values_of(gpu::min(m, 1));
    for (int j = 0; j < 50; ++j) {
        C best = v[j];
        for (int i = 0; i < 60; ++i) {
            const C z = v[i * 50 + j];
            if (z.real() > best.real() || (z.real() == best.real() && z.imag() > best.imag())) best = z;
        }
        EXPECT_EQ(cols[j], best) << "column " << j;
    }
    for (int i = 0; i < 60; ++i) {
        C least = v[i * 50];
        for (int j = 0; j < 50; ++j) {
            const C z = v[i * 50 + j];
            if (z.real() < least.real() || (z.real() == least.real() && z.imag() < least.imag())) least = z;
        }
        EXPECT_EQ(rows[i], least) << "row " << i;
    }
}

TEST(Complex, MaxMinInEveryLayout) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        expect_max_min_layouts<c64>();
        expect_max_min_layouts<c128>();
    }
}

TEST(Complex, LayoutsCreationTransfersIndexing) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make(std::vector<c64>{{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}}, {2, 3});
        EXPECT_EQ(values_of(a.T() + c64(1, 0)), (std::vector<c64>{{1, 1}, {4, 1}, {2, 1}, {5, 1}, {3, 1}, {6, 1}}));
        EXPECT_EQ(values_of(a(gpu::colon, gpu::slice(gpu::none, gpu::none, -2)) * 2.0f),
                  (std::vector<c64>{{4, 2}, {0, 2}, {10, 2}, {6, 2}}));
        EXPECT_EQ(values_of(a + make(std::vector<c64>{{0, 1}, {0, 2}, {0, 3}})),
                  (std::vector<c64>{{0, 2}, {1, 3}, {2, 4}, {3, 2}, {4, 3}, {5, 4}}));
        const auto z = make(std::vector<c128>{{1, -1}}, {});
        EXPECT_EQ(gpu::ndarray<c128>(z * z).item(), c128(0, -2));
        EXPECT_EQ(gpu::ndarray<c64>(a(gpu::slice(0, 0)) * 2.0f).size(), 0);
        EXPECT_EQ(values_of(gpu::zeros<c64>({2})), (std::vector<c64>{0, 0}));
        EXPECT_EQ(values_of(gpu::ones<c128>({1})), (std::vector<c128>{1}));
        EXPECT_EQ(values_of(gpu::full<c64>({2}, c64(1, 2))), (std::vector<c64>{{1, 2}, {1, 2}}));
        EXPECT_EQ(values_of(make<double>({1.5, -2}).astype<c64>()), (std::vector<c64>{1.5f, -2}));
        EXPECT_EQ(values_of(a.astype<float>()), (std::vector<float>{0, 1, 2, 3, 4, 5}));
        EXPECT_EQ(values_of(make(std::vector<c64>{{0, 0}, {0, 1}}).astype<bool>()), (std::vector<bool>{false, true}));
        EXPECT_EQ(values_of(a.astype<c128>())[5], c128(5, 1));
        EXPECT_EQ(a(1, 2).item(), c64(5, 1));
        EXPECT_EQ(gpu::asnumpy(a).data()[4], c64(4, 1));
        EXPECT_EQ(gpu::concatenate({a, a}).shape(), (gpu::shape_t{4, 3}));
        EXPECT_EQ(values_of(gpu::ndarray<c64>(a[gpu::real(a) > 3.0f])), (std::vector<c64>{{4, 1}, {5, 1}}));
        EXPECT_EQ(values_of(gpu::take(a, make<std::int64_t>({5, 0}))), (std::vector<c64>{{5, 1}, {0, 1}}));
        EXPECT_EQ(values_of(gpu::where(gpu::real(a) > 3.0f, a, c64(0, -1)))[5], c64(5, 1));
        auto w = a.copy();
        w(0, 0) = c64(7, 7);
        EXPECT_EQ(w(0, 0).item(), c64(7, 7));
    }
}

TEST(Complex, Random) {
    // randn of a complex dtype: each part a standard normal, the same numbers as the float randn
    // of twice the size, taken in pairs.
    for (gpu::executor e : gpu_test::test_executors()) {
        gpu::executor_scope s(e);
        gpu::random::seed(9);
        const auto f = values_of(gpu::random::randn<float>({8}));
        gpu::random::seed(9);
        const auto z = values_of(gpu::random::randn<c64>({4}));
        for (int i = 0; i < 4; ++i) EXPECT_EQ(z[i], c64(f[2 * i], f[2 * i + 1]));
    }
}

TEST(Complex, Printing) {
    gpu::executor_scope s(gpu::executor::host);
    auto str = [](const auto& a) {
        std::ostringstream os;
        os << a;
        return os.str();
    };
    EXPECT_EQ(str(make(za)), "[ 1. +2.j  -3. +0.5j  0. -1.j   2.5-4.j ]");
    EXPECT_EQ(str(make(std::vector<c64>{{1, 2}}, {})), "(1+2j)");
    EXPECT_EQ(str(make(std::vector<c64>{{0, 2.5f}}, {})), "2.5j");
}

// .npy files of the new dtypes, as gen_npy.py writes them with NumPy (and ml_dtypes): element
// i is (i - 2) * 0.375 (+ 0.5j * i for complex), shape (2, 3), both byte orders.
std::filesystem::path npy_dir() { return std::filesystem::path(__FILE__).parent_path() / "data" / "npy"; }

template <class T>
std::vector<T> npy_values() {
    std::vector<T> v;
    for (int i = 0; i < 6; ++i) {
        if constexpr (gpu::is_complex(gpu::dtype_of_v<T>)) v.push_back(T((i - 2) * 0.375, 0.5 * i));
        else v.push_back(T((i - 2) * 0.375));
    }
    return v;
}

template <class T>
void npy_round_trip(const std::string& name) {
    SCOPED_TRACE(name);
    auto same = [](const gpu::ndarray<T>& a, const std::vector<T>& want) {
        const auto got = values_of(a);
        ASSERT_EQ(got.size(), want.size());
        EXPECT_EQ(std::memcmp(got.data(), want.data(), want.size() * sizeof(T)), 0);
    };
    const auto a = gpu::load<T>(npy_dir() / (name + ".npy"));
    EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3}));
    same(a, npy_values<T>());
    if (!std::is_same_v<T, gpu::bfloat16>) same(gpu::load<T>(npy_dir() / (name + "_be.npy")), npy_values<T>());
    // Saved as np.save writes it (byte for byte), and loaded back, also from a transposed view.
    const auto tmp = std::filesystem::temp_directory_path() / ("gpu_nd_dtypes_" + name + ".npy");
    gpu::save(tmp, a);
    std::ifstream w(tmp, std::ios::binary), n(npy_dir() / (name + ".npy"), std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(w), {}), std::string(std::istreambuf_iterator<char>(n), {}));
    gpu::save(tmp, a.T());
    same(gpu::load<T>(tmp), values_of(gpu::ndarray<T>(a.T().copy())));
    std::filesystem::remove(tmp);
}

TEST(DtypesNpy, ReadWhatNumPyWroteAndRoundTrip) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        npy_round_trip<gpu::float16>("float16");
        npy_round_trip<gpu::bfloat16>("bfloat16");
        npy_round_trip<c64>("complex64");
        npy_round_trip<c128>("complex128");
        EXPECT_EQ(gpu::load_any(npy_dir() / "complex64.npy").dtype(), gpu::dtype::complex64);
        EXPECT_EQ(gpu::load_any(npy_dir() / "float16_be.npy").dtype(), gpu::dtype::float16);
        // '<V2' does not say bfloat16: only a typed load reads it.
        const std::string bf = gpu_test::message_of<gpu::type_error>([] { gpu::load_any(npy_dir() / "bfloat16.npy"); });
        EXPECT_NE(bf.find("bfloat16.npy holds 2-byte void data ('V2'), which is how NumPy saves an ml_dtypes bfloat16 "
                          "array, but the file does not say which dtype it is: load it with gpu::load<gpu::bfloat16>"),
                  std::string::npos)
            << bf;
        const std::string c = gpu_test::message_of<gpu::type_error>([] { gpu::load<float>(npy_dir() / "complex64.npy"); });
        EXPECT_NE(c.find("complex64.npy holds complex64, not float32"), std::string::npos) << c;
    }
}

namespace d = gpu::detail;

// The complex device code compiles with NVRTC (no GPU needed).
template <class C>
void complex_kernels_compile() {
    using leaf = d::array_leaf<C>;
    using E = d::binary_node<d::gnd::add, d::binary_node<d::gnd::multiply, leaf, leaf>, leaf>;
    // (three complex128 tiles exceed 48 KiB of shared memory: the executor never tiles them)
    gpu_test::expect_kernel_variants_compile<E>(std::string(gpu::dtype_name_v<C>) + " a*b+a", sizeof(C) == 8);
    using F = d::unary_node<d::gnd::absolute,
                            d::binary_node<d::gnd::true_divide, d::unary_node<d::gnd::arctanh_, leaf>,
                                           d::binary_node<d::gnd::power, d::unary_node<d::gnd::sqrt_, leaf>, leaf>>>;
    if (sizeof(C) == 8) gpu_test::expect_kernel_variants_compile<F>(std::string(gpu::dtype_name_v<C>) + " functions");
    for (int kind = 0; kind < (sizeof(C) == 8 ? 3 : 1); ++kind) {
        d::reduce_variant v;
        v.kind = kind;
        v.vec = true;
        v.width = 4;
        try {
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<d::sum_reducer<C>, E>(v), d::compile_target{9, 0})
                             .cubin.empty());
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<d::argmax_reducer<C>, leaf>(v), d::compile_target{9, 0})
                             .cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << gpu::dtype_name_v<C> << " reduction kind " << kind << "\n" << e.what();
        }
    }
}

TEST(ComplexKernels, CompileWithNvrtc) {
    complex_kernels_compile<c64>();
    complex_kernels_compile<c128>();
}

}  // namespace
