// gpu::fft against direct DFT sums computed here in long double (exact enough to judge both
// precisions), on every executor: every function on 1-D to 3-D, batched, padded, cropped,
// strided and transposed inputs, all norms, float32 and float64, NumPy's dtypes and errors.
// When tests/fft_numpy_data.hpp exists (tools/numpy_data/gen_fft.py, run with NumPy), the
// values NumPy gives are checked too.
#include <gtest/gtest.h>

#include <cufft.h>
#include <gpu/fft.hpp>

#include <cmath>
#include <complex>
#include <cstdint>
#include <numbers>
#include <string>
#include <type_traits>
#include <vector>

#include "support.hpp"

namespace {

using gpu::dims;
using gpu::shape_t;
using cld = std::complex<long double>;
using c64 = std::complex<float>;
using c128 = std::complex<double>;
namespace F = gpu::fft;

// ---- the reference: NumPy's definitions, term by term ---------------------------------------

struct tensor {
    shape_t shape;
    std::vector<cld> v;
};

std::int64_t count(const shape_t& s) {
    std::int64_t n = 1;
    for (auto x : s) n *= x;
    return n;
}

// Element strides of a C-order shape.
std::vector<std::int64_t> ref_strides(const shape_t& s) {
    std::vector<std::int64_t> st(static_cast<std::size_t>(s.size()), 1);
    for (int d = s.size() - 2; d >= 0; --d) st[d] = st[d + 1] * s[d + 1];
    return st;
}

// Calls fn(in_offset_of_line, out_offset_of_line) for every line along axis.
template <class Fn>
void lines(const shape_t& in, const shape_t& out, int axis, Fn fn) {
    const auto si = ref_strides(in), so = ref_strides(out);
    shape_t rest = in;
    rest[axis] = 1;
    for (std::int64_t i = 0; i < count(rest); ++i) {
        std::int64_t r = i, oi = 0, oo = 0;
        for (int d = rest.size() - 1; d >= 0; --d) {
            const std::int64_t k = r % rest[d];
            r /= rest[d];
            oi += k * si[d], oo += k * so[d];
        }
        fn(oi, oo, si[axis], so[axis]);
    }
}

tensor resized(const tensor& t, int axis, std::int64_t n) {
    tensor r{t.shape, {}};
    r.shape[axis] = n;
    r.v.assign(static_cast<std::size_t>(count(r.shape)), cld{});
    lines(t.shape, r.shape, axis, [&](auto oi, auto oo, auto si, auto so) {
        for (std::int64_t j = 0; j < std::min(n, t.shape[axis]); ++j) r.v[oo + j * so] = t.v[oi + j * si];
    });
    return r;
}

long double factor(const std::string& norm, std::int64_t n, bool forward) {
    std::string m = norm;
    if (!forward) m = m == "backward" ? "forward" : m == "forward" ? "backward" : m;
    return m == "backward" ? 1.0L : m == "ortho" ? 1.0L / std::sqrt(static_cast<long double>(n)) : 1.0L / n;
}

// The DFT of length t.shape[axis] along axis, times fct.
tensor dft(const tensor& t, int axis, bool forward, long double fct) {
    tensor r{t.shape, std::vector<cld>(t.v.size())};
    const std::int64_t n = t.shape[axis];
    const long double sign = forward ? -1.0L : 1.0L;
    std::vector<cld> root(static_cast<std::size_t>(n));
    for (std::int64_t e = 0; e < n; ++e) {
        const long double a = sign * 2.0L * std::numbers::pi_v<long double> * e / n;
        root[e] = cld(std::cos(a), std::sin(a));
    }
    lines(t.shape, t.shape, axis, [&](auto oi, auto oo, auto si, auto so) {
        for (std::int64_t k = 0; k < n; ++k) {
            cld s = 0;
            for (std::int64_t j = 0; j < n; ++j) s += t.v[oi + j * si] * root[(j * k) % n];
            r.v[oo + k * so] = s * fct;
        }
    });
    return r;
}

tensor ref_fft(const tensor& t, int axis, std::int64_t n, bool forward, const std::string& norm = "backward") {
    return dft(resized(t, axis, n), axis, forward, factor(norm, n, forward));
}
tensor ref_rfft(const tensor& t, int axis, std::int64_t n, const std::string& norm = "backward") {
    return resized(ref_fft(t, axis, n, true, norm), axis, n / 2 + 1);
}
// NumPy's irfft: the first n//2+1 terms, the imaginary parts of the 0 and (n even) n/2 terms
// ignored, completed to a Hermitian sequence, inverse transformed: real output.
tensor ref_irfft(const tensor& t, int axis, std::int64_t n, const std::string& norm = "backward") {
    const tensor h = resized(t, axis, n / 2 + 1);
    tensor full{h.shape, {}};
    full.shape[axis] = n;
    full.v.assign(static_cast<std::size_t>(count(full.shape)), cld{});
    lines(h.shape, full.shape, axis, [&](auto oi, auto oo, auto si, auto so) {
        full.v[oo] = h.v[oi].real();
        for (std::int64_t j = 1; j <= n / 2; ++j) {
            const cld x = h.v[oi + j * si];
            if (2 * j == n) {
                full.v[oo + j * so] = x.real();
            } else {
                full.v[oo + j * so] = x;
                full.v[oo + (n - j) * so] = std::conj(x);
            }
        }
    });
    tensor r = dft(full, axis, false, factor(norm, n, false));
    for (auto& x : r.v) x = x.real();
    return r;
}
tensor conj(tensor t) {
    for (auto& x : t.v) x = std::conj(x);
    return t;
}

// Deterministic values in [-1, 1) with 12 significant bits (exact in every dtype tested).
std::vector<double> noise(std::int64_t n, unsigned seed) {
    std::vector<double> v(static_cast<std::size_t>(n));
    std::uint32_t s = seed * 2654435761u + 12345u;
    for (auto& x : v) {
        s = s * 1664525u + 1013904223u;
        x = static_cast<double>(static_cast<int>(s >> 20) - 2048) / 2048.0;
    }
    return v;
}

template <class T>
std::vector<T> values_as(const std::vector<double>& re, const std::vector<double>& im) {
    std::vector<T> out;
    for (std::size_t i = 0; i < re.size(); ++i) {
        if constexpr (gpu::detail::is_std_complex<T>::value)
            out.push_back(T(static_cast<typename T::value_type>(re[i]), static_cast<typename T::value_type>(im[i])));
        else
            out.push_back(static_cast<T>(re[i]));
    }
    return out;
}

// An input of dtype T (complex: both parts noise) and its reference tensor.
template <class T>
struct input {
    gpu::ndarray<T> a;
    tensor t;
};
template <class T>
input<T> make_input(const shape_t& shape, unsigned seed) {
    const auto re = noise(count(shape), seed), im = noise(count(shape), seed + 101);
    input<T> in{gpu_test::make(values_as<T>(re, im), shape), {shape, {}}};
    for (std::size_t i = 0; i < re.size(); ++i)
        in.t.v.push_back(gpu::detail::is_std_complex<T>::value ? cld(re[i], im[i]) : cld(re[i], 0));
    return in;
}

// The elements of a view in the order of its own indices, as a tensor (for strided inputs).
template <class T>
tensor tensor_of(const gpu::ndarray<T>& a) {
    tensor t{a.shape(), {}};
    for (const T& x : gpu_test::values_of(a)) {
        if constexpr (gpu::detail::is_std_complex<T>::value) t.v.push_back(cld(x.real(), x.imag()));
        else t.v.push_back(cld(static_cast<long double>(x), 0));
    }
    return t;
}

template <class V>
constexpr double tol() {
    using R = typename F::detail::real_part<V>::type;
    return std::is_same_v<R, double> ? 1e-12 : 2e-6;
}

template <class V>
void expect_close(const gpu::ndarray<V>& got, const tensor& ref, double rtol = tol<V>()) {
    ASSERT_EQ(got.shape(), ref.shape);
    const auto vals = gpu_test::values_of(got);
    long double scale = 1;
    for (const cld& x : ref.v) scale = std::max(scale, std::abs(x));
    int bad = 0;
    for (std::size_t i = 0; i < vals.size(); ++i) {
        cld g;
        if constexpr (gpu::detail::is_std_complex<V>::value) g = cld(vals[i].real(), vals[i].imag());
        else g = cld(static_cast<long double>(static_cast<double>(vals[i])), 0);
        if (std::abs(g - ref.v[i]) > rtol * scale && bad++ < 5)
            ADD_FAILURE() << "element " << i << ": got (" << static_cast<double>(g.real()) << ", "
                          << static_cast<double>(g.imag()) << "), want (" << static_cast<double>(ref.v[i].real()) << ", "
                          << static_cast<double>(ref.v[i].imag()) << ")";
    }
}

const char* const norms[] = {"backward", "ortho", "forward"};

// ---- the host FFT against direct sums, every length to 130 and some Bluestein lengths ---------

TEST(FftHost, EveryLengthMatchesTheDirectSum) {
    gpu::executor_scope host(gpu::executor::host);
    std::vector<std::int64_t> ns;
    for (std::int64_t n = 1; n <= 130; ++n) ns.push_back(n);
    for (std::int64_t n : {127, 131, 257, 1009, 2 * 67, 3 * 71, 4096, 1000}) ns.push_back(n);
    for (std::int64_t n : ns) {
        SCOPED_TRACE("n = " + std::to_string(n));
        const auto x = make_input<c128>({n}, static_cast<unsigned>(n));
        expect_close(F::fft(x.a), ref_fft(x.t, 0, n, true), 2e-14);
        expect_close(F::ifft(x.a), ref_fft(x.t, 0, n, false), 2e-14);
    }
}

// ---- fft / ifft ------------------------------------------------------------------------------

template <class T>
class FftTyped : public ::testing::Test {};
using complex_dtypes = ::testing::Types<c64, c128>;
TYPED_TEST_SUITE(FftTyped, complex_dtypes);

TYPED_TEST(FftTyped, OneAxisEveryNorm) {
    using C = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (std::int64_t n : {1, 2, 5, 8, 12, 67, 100, 243}) {
            SCOPED_TRACE("n = " + std::to_string(n));
            const auto x = make_input<C>({n}, 7);
            for (const char* norm : norms) {
                SCOPED_TRACE(norm);
                expect_close(F::fft(x.a, std::nullopt, -1, norm), ref_fft(x.t, 0, n, true, norm));
                expect_close(F::ifft(x.a, std::nullopt, -1, norm), ref_fft(x.t, 0, n, false, norm));
            }
        }
    }
}

TYPED_TEST(FftTyped, PaddedAndCropped) {
    using C = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<C>({3, 10}, 3);
        for (std::int64_t n : {1, 4, 10, 16, 25}) {
            SCOPED_TRACE("n = " + std::to_string(n));
            expect_close(F::fft(x.a, n), ref_fft(x.t, 1, n, true));
            expect_close(F::ifft(x.a, n, 1, "ortho"), ref_fft(x.t, 1, n, false, "ortho"));
            expect_close(F::fft(x.a, n, 0), ref_fft(x.t, 0, n, true));
        }
    }
}

TYPED_TEST(FftTyped, AxesOfThreeDimensionsBatched) {
    using C = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<C>({4, 6, 10}, 11);
        for (int axis = -3; axis < 3; ++axis) {
            SCOPED_TRACE("axis " + std::to_string(axis));
            const int ax = (axis + 3) % 3;
            expect_close(F::fft(x.a, std::nullopt, axis), ref_fft(x.t, ax, x.t.shape[ax], true));
            expect_close(F::ifft(x.a, 9, axis, "forward"), ref_fft(x.t, ax, 9, false, "forward"));
        }
    }
}

TYPED_TEST(FftTyped, StridedTransposedAndReversedInputs) {
    using C = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<C>({6, 16}, 5);
        const gpu::ndarray<C> strided = x.a(gpu::slice(gpu::none, gpu::none, 2), gpu::slice(1, gpu::none, 3));
        const gpu::ndarray<C> transposed = x.a.T();
        const gpu::ndarray<C> reversed = x.a(gpu::colon, gpu::slice(gpu::none, gpu::none, -1));
        for (const auto* v : {&strided, &transposed, &reversed}) {
            const tensor t = tensor_of(*v);
            for (int axis : {0, 1}) {
                SCOPED_TRACE("axis " + std::to_string(axis));
                expect_close(F::fft(*v, std::nullopt, axis), ref_fft(t, axis, t.shape[axis], true));
                expect_close(F::ifft(*v, 7, axis), ref_fft(t, axis, 7, false));
                expect_close(F::fft2(*v), ref_fft(ref_fft(t, 1, t.shape[1], true), 0, t.shape[0], true));
            }
        }
    }
}

// ---- rfft / irfft / hfft / ihfft -------------------------------------------------------------

template <class T>
class RfftTyped : public ::testing::Test {};
using real_dtypes = ::testing::Types<float, double>;
TYPED_TEST_SUITE(RfftTyped, real_dtypes);

TYPED_TEST(RfftTyped, RealTransformsEveryNormEvenAndOdd) {
    using R = TypeParam;
    using C = std::complex<R>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<R>({3, 12}, 21);
        const auto z = make_input<C>({3, 7}, 22);
        for (const char* norm : norms) {
            SCOPED_TRACE(norm);
            for (std::int64_t n : {1, 2, 7, 12, 15, 20}) {
                SCOPED_TRACE("n = " + std::to_string(n));
                const gpu::ndarray<C> r = F::rfft(x.a, n, -1, norm);
                expect_close(r, ref_rfft(x.t, 1, n, norm));
                expect_close(F::rfft(x.a(gpu::colon, gpu::slice(0, 4)), n, 0, norm),
                             ref_rfft(resized(x.t, 1, 4), 0, n, norm));
                const gpu::ndarray<R> back = F::irfft(z.a, n, -1, norm);
                expect_close(back, ref_irfft(z.t, 1, n, norm));
                expect_close(F::irfft(z.a, n, 0, norm), ref_irfft(z.t, 0, n, norm));
                expect_close(F::hfft(z.a, n, -1, norm), ref_irfft(conj(z.t), 1, n, norm == std::string("backward") ? "forward" : norm == std::string("forward") ? "backward" : "ortho"));
                expect_close(F::ihfft(x.a, n, -1, norm),
                             conj(ref_rfft(x.t, 1, n, norm == std::string("backward") ? "forward" : norm == std::string("forward") ? "backward" : "ortho")));
            }
            expect_close(F::irfft(z.a, std::nullopt, -1, norm), ref_irfft(z.t, 1, 12, norm));  // 2 * (7 - 1)
            expect_close(F::hfft(z.a), ref_irfft(conj(z.t), 1, 12, "forward"));
        }
    }
}

TYPED_TEST(RfftTyped, RoundTrips) {
    using R = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (std::int64_t n : {9, 16, 30}) {
            const auto x = make_input<R>({2, n}, 31);
            expect_close(F::irfft(F::rfft(x.a), n), x.t);
            expect_close(F::irfftn(F::rfftn(x.a), dims{2, n}), x.t);
        }
    }
}

// ---- the n-dimensional functions ---------------------------------------------------------------

TYPED_TEST(FftTyped, FftnAndFft2) {
    using C = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<C>({3, 5, 8}, 41);
        const tensor& t = x.t;
        for (const char* norm : norms) {
            SCOPED_TRACE(norm);
            expect_close(F::fftn(x.a, std::nullopt, std::nullopt, norm),
                         ref_fft(ref_fft(ref_fft(t, 2, 8, true, norm), 1, 5, true, norm), 0, 3, true, norm));
            expect_close(F::ifftn(x.a, std::nullopt, std::nullopt, norm),
                         ref_fft(ref_fft(ref_fft(t, 2, 8, false, norm), 1, 5, false, norm), 0, 3, false, norm));
            expect_close(F::fft2(x.a, std::nullopt, dims{-2, -1}, norm),
                         ref_fft(ref_fft(t, 2, 8, true, norm), 1, 5, true, norm));
            expect_close(F::ifft2(x.a, std::nullopt, dims{-2, -1}, norm),
                         ref_fft(ref_fft(t, 2, 8, false, norm), 1, 5, false, norm));
        }
        // s pads and crops; axes in any order, non-trailing; s without axes is the last axes.
        expect_close(F::fftn(x.a, dims{4, 6}, dims{0, 2}), ref_fft(ref_fft(t, 2, 6, true), 0, 4, true));
        expect_close(F::fftn(x.a, dims{6, 2}, dims{2, 0}), ref_fft(ref_fft(t, 0, 2, true), 2, 6, true));
        expect_close(F::fftn(x.a, dims{3, -1}), ref_fft(ref_fft(t, 2, 8, true), 1, 3, true));
        expect_close(F::ifftn(x.a, std::nullopt, dims{1}), ref_fft(t, 1, 5, false));
        expect_close(F::fft2(x.a, dims{2, 9}, dims{0, 1}), ref_fft(ref_fft(t, 1, 9, true), 0, 2, true));
        // A repeated axis is transformed again, the last entry first (NumPy).
        expect_close(F::fftn(x.a, dims{4, 6}, dims{1, 1}), ref_fft(ref_fft(t, 1, 6, true), 1, 4, true));
        // Four axes (more than one cuFFT plan takes).
        const auto y = make_input<C>({2, 3, 4, 5}, 42);
        expect_close(F::fftn(y.a), ref_fft(ref_fft(ref_fft(ref_fft(y.t, 3, 5, true), 2, 4, true), 1, 3, true), 0, 2, true));
    }
}

TYPED_TEST(RfftTyped, RfftnAndIrfftn) {
    using R = TypeParam;
    using C = std::complex<R>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<R>({3, 4, 10}, 51);
        const auto z = make_input<C>({3, 4, 6}, 52);
        for (const char* norm : norms) {
            SCOPED_TRACE(norm);
            expect_close(F::rfftn(x.a, std::nullopt, std::nullopt, norm),
                         ref_fft(ref_fft(ref_rfft(x.t, 2, 10, norm), 1, 4, true, norm), 0, 3, true, norm));
            expect_close(F::rfft2(x.a, std::nullopt, dims{-2, -1}, norm),
                         ref_fft(ref_rfft(x.t, 2, 10, norm), 1, 4, true, norm));
            expect_close(F::irfftn(z.a, std::nullopt, std::nullopt, norm),
                         ref_irfft(ref_fft(ref_fft(z.t, 0, 3, false, norm), 1, 4, false, norm), 2, 10, norm));
            expect_close(F::irfft2(z.a, std::nullopt, dims{-2, -1}, norm),
                         ref_irfft(ref_fft(z.t, 1, 4, false, norm), 2, 10, norm));
        }
        // s, axes, odd last length, the halved axis not the last one of the array.
        expect_close(F::rfftn(x.a, dims{5, 7}, dims{2, 0}), ref_fft(ref_rfft(x.t, 0, 7), 2, 5, true));
        expect_close(F::irfftn(z.a, dims{5, 7}, dims{0, 2}), ref_irfft(ref_fft(z.t, 0, 5, false), 2, 7));
        expect_close(F::irfftn(z.a, dims{2, 5}, dims{2, 1}), ref_irfft(ref_fft(z.t, 2, 2, false), 1, 5));
        expect_close(F::rfft2(x.a.T()), ref_fft(ref_rfft(tensor_of(gpu::ndarray<R>(x.a.T())), 2, 3), 1, 4, true));
    }
}

// ---- dtypes, expressions, helpers, errors -----------------------------------------------------

TEST(Fft, NumpyDtypes) {
    static_assert(std::is_same_v<F::complex_t<float>, c64>);
    static_assert(std::is_same_v<F::complex_t<gpu::float16>, c64>);
    static_assert(std::is_same_v<F::complex_t<double>, c128>);
    static_assert(std::is_same_v<F::complex_t<std::int32_t>, c128>);
    static_assert(std::is_same_v<F::complex_t<std::int8_t>, c128>);
    static_assert(std::is_same_v<F::complex_t<bool>, c128>);
    static_assert(std::is_same_v<F::complex_t<c64>, c64>);
    static_assert(std::is_same_v<F::real_t<c64>, float>);
    static_assert(std::is_same_v<F::real_t<c128>, double>);
    static_assert(std::is_same_v<F::real_t<std::int64_t>, double>);
    static_assert(std::is_same_v<F::real_t<gpu::float16>, gpu::float16>);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i = gpu_test::make<std::int32_t>({1, -2, 3, 4, 0});
        const tensor ti{{5}, {1, -2, 3, 4, 0}};
        const gpu::ndarray<c128> fi = F::fft(i);
        expect_close(fi, ref_fft(ti, 0, 5, true));
        const gpu::ndarray<c128> ri = F::rfft(i);
        expect_close(ri, ref_rfft(ti, 0, 5));
        const gpu::ndarray<double> ii = F::irfft(i, 6);
        expect_close(ii, ref_irfft(ti, 0, 6));
        const auto b = gpu_test::make_bool({1, 0, 1, 1}, {4});
        const gpu::ndarray<c128> fb = F::fft(b);
        expect_close(fb, ref_fft(tensor{{4}, {1, 0, 1, 1}}, 0, 4, true));
        const auto h = gpu_test::make<gpu::float16>({gpu::float16(1.5f), gpu::float16(-2.0f), gpu::float16(0.25f)});
        const gpu::ndarray<c64> fh = F::fft(h, std::nullopt, -1, "ortho");
        // NumPy computes the float16 input's factor in float16: 1/sqrt(3) rounds to 0.5771.
        const tensor th{{3}, {1.5L, -2.0L, 0.25L}};
        tensor want = ref_fft(th, 0, 3, true);
        for (auto& v : want.v) v *= static_cast<long double>(static_cast<float>(gpu::float16(1.0f / static_cast<float>(gpu::float16(std::sqrt(3.0f))))));
        expect_close(fh, want);
        const gpu::ndarray<gpu::float16> ih = F::irfft(h, 4);
        EXPECT_EQ(ih.shape(), shape_t{4});
    }
}

TEST(Fft, ExpressionsAreEvaluatedIntoTheInput) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<float>({64}, 61);
        const auto w = make_input<float>({64}, 62);
        tensor prod = x.t;
        for (std::size_t i = 0; i < prod.v.size(); ++i) prod.v[i] *= w.t.v[i];
        expect_close(F::fft(x.a * w.a), ref_fft(prod, 0, 64, true));
        expect_close(F::rfft(x.a * w.a, 40), ref_rfft(prod, 0, 40));
        expect_close(F::rfft(x.a * w.a, 100), ref_rfft(prod, 0, 100));
        // ifft(fft(z) * h): a convolution; gpu::abs(rfft(x)): a spectrum.
        const auto z = make_input<c64>({64}, 63);
        const gpu::ndarray<c64> zz = F::ifft(F::fft(z.a) * 0.5f);
        tensor half = z.t;
        for (auto& v : half.v) v *= 0.5L;
        expect_close(zz, half);
        const gpu::ndarray<float> mag = gpu::abs(F::rfft(x.a));
        tensor m = ref_rfft(x.t, 0, 64);
        for (auto& v : m.v) v = std::abs(v);
        expect_close(mag, m);
    }
}

TEST(Fft, FreqAndShift) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(gpu_test::values_of(F::fftfreq(5)), (std::vector<double>{0.0, 0.2, 0.4, -0.4, -0.2}));
        EXPECT_EQ(gpu_test::values_of(F::fftfreq(4, 0.5)), (std::vector<double>{0.0, 0.5, -1.0, -0.5}));
        EXPECT_EQ(gpu_test::values_of(F::rfftfreq(5)), (std::vector<double>{0.0, 0.2, 0.4}));
        EXPECT_EQ(gpu_test::values_of(F::rfftfreq(6, 0.1)), (std::vector<double>{0.0, 1.0 / (6 * 0.1), 2 * (1.0 / (6 * 0.1)), 3 * (1.0 / (6 * 0.1))}));
        const auto a = gpu_test::make<std::int32_t>({0, 1, 2, 3, 4});
        EXPECT_EQ(gpu_test::values_of(F::fftshift(a)), (std::vector<std::int32_t>{3, 4, 0, 1, 2}));
        EXPECT_EQ(gpu_test::values_of(F::ifftshift(a)), (std::vector<std::int32_t>{2, 3, 4, 0, 1}));
        const auto m = gpu_test::make<std::int32_t>({0, 1, 2, 3, 4, 5}, {2, 3});
        EXPECT_EQ(gpu_test::values_of(F::fftshift(m)), (std::vector<std::int32_t>{5, 3, 4, 2, 0, 1}));
        EXPECT_EQ(gpu_test::values_of(F::fftshift(m, 1)), (std::vector<std::int32_t>{2, 0, 1, 5, 3, 4}));
        EXPECT_EQ(gpu_test::values_of(F::ifftshift(m, dims{0, 1})), (std::vector<std::int32_t>{4, 5, 3, 1, 2, 0}));
        EXPECT_EQ(gpu_test::values_of(F::ifftshift(F::fftshift(m))), gpu_test::values_of(m));
    }
}

TEST(Fft, ErrorsAsNumpy) {
    gpu::executor_scope host(gpu::executor::host);
    const auto x = make_input<float>({2, 4}, 71);
    const auto c = make_input<c64>({2, 1}, 72);
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fft(x.a, 0); }, "Invalid number of FFT data points (0) specified.");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::ifft(x.a, -3); }, "Invalid number of FFT data points (-3) specified.");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::irfft(c.a); }, "Invalid number of FFT data points (0) specified.");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fftn(x.a, dims{4, 0}); }, "Invalid number of FFT data points (0) specified.");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fft(x.a, std::nullopt, -1, "bogus"); },
                                             R"(Invalid norm value bogus; should be "backward", "ortho" or "forward".)");
    gpu_test::expect_error<gpu::axis_error>([&] { (void)F::fft(x.a, std::nullopt, 2); }, "axis 2 is out of bounds for array of dimension 2");
    gpu_test::expect_error<gpu::axis_error>([&] { (void)F::rfftn(x.a, std::nullopt, dims{0, -3}); }, "axis -3 is out of bounds for array of dimension 2");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fftn(x.a, dims{4}, dims{0, 1}); }, "Shape and axes have different lengths.");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fftfreq(0); }, "float division by zero");
    gpu_test::expect_error<gpu::value_error>([&] { (void)F::fftfreq(-1); }, "negative dimensions are not allowed");
}

TEST(Fft, EmptyBatchesAndZeroLengthInputs) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto e = make_input<c128>({0, 4}, 1);
        EXPECT_EQ(F::fft(e.a).shape(), (shape_t{0, 4}));
        EXPECT_EQ(F::rfft(gpu::zeros<double>({3, 0}), 6).shape(), (shape_t{3, 4}));
        expect_close(F::fft(gpu::zeros<c64>({2, 0}), 3), tensor{{2, 3}, std::vector<cld>(6)});
    }
}

TEST(Fft, InsideCaptureAndPlanCache) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_input<c64>({8, 32}, 81);
        gpu::ndarray<c64> out = gpu::zeros<c64>({8, 32});
        const auto body = [&] { out.assign(F::ifft(F::fft(x.a) * 2.0f)); };
        if (ex == gpu::executor::cuda) {  // no plan cached: a clear error, not cuFFT's
            F::plan_cache_clear();
            gpu_test::expect_error<gpu::error>([&] { (void)gpu::capture(body); },
                                              "fft inside gpu::capture: cuFFT cannot make a plan while a stream captures; run "
                                              "the same transform (same shape and dtype) once before the capture, so that its "
                                              "plan is cached");
            body();  // the plans are cached now
        }
        gpu::graph g = gpu::capture(body);
        g.replay();
        tensor twice = x.t;
        for (auto& v : twice.v) v *= 2.0L;
        expect_close(out, twice);
    }
    const std::size_t old = F::plan_cache_size();
    F::set_plan_cache_size(2);
    EXPECT_EQ(F::plan_cache_size(), 2u);
    F::plan_cache_clear();
    if (gpu::cuda_available()) {
        gpu::executor_scope cuda(gpu::executor::cuda);
        const auto x = make_input<c64>({4, 16}, 82);
        for (std::int64_t n : {16, 17, 18, 19}) (void)F::fft(x.a, n);
        EXPECT_LE(F::plan_cache_count(), 2u);
        F::plan_cache_clear();
        (void)F::fft(x.a);
        EXPECT_EQ(F::plan_cache_count(), 1u);
    }
    F::set_plan_cache_size(old);
}

// ---- NumPy's own values (tools/numpy_data/gen_fft.py) -------------------------------------------

#if __has_include("fft_numpy_data.hpp")
#include "fft_numpy_data.hpp"

template <class T>
gpu::ndarray<T> case_input(const fft_data::fft_case& c) {
    const gpu::ndarray<T> a = gpu_test::make(values_as<T>(c.re, c.im), shape_t(c.shape));
    if (std::string(c.view) == "T") return a.T();
    if (std::string(c.view) == "step") return a(gpu::slice(gpu::none, gpu::none, 2), gpu::slice(gpu::none, gpu::none, -1));
    return a;
}

template <class V>
void check_case(const gpu::ndarray<V>& got, const fft_data::fft_case& c) {
    EXPECT_EQ(std::string(gpu::dtype_name_v<V>), c.out_dtype);
    tensor want{shape_t(c.out_shape), {}};
    for (std::size_t i = 0; i < c.out_re.size(); ++i) want.v.push_back(cld(c.out_re[i], c.out_im[i]));
    // NumPy's float32 transforms round in float32 (pocketfft), ours in double or cuFFT's float32.
    expect_close(got, want, std::string(c.out_dtype) == "complex64" || std::string(c.out_dtype) == "float32" ? 1e-5 : 1e-12);
}

template <class T>
void run_case(const fft_data::fft_case& c) {
    const gpu::ndarray<T> x = case_input<T>(c);
    const std::string f = c.func;
    const std::optional<std::int64_t> n = c.has_n ? std::optional<std::int64_t>(c.n) : std::nullopt;
    const std::optional<dims> s = c.has_s ? std::optional<dims>(dims(c.s)) : std::nullopt;
    const std::optional<dims> axes = c.has_axes ? std::optional<dims>(dims(c.axes)) : std::nullopt;
    const dims two = axes.value_or(dims{-2, -1});
    if (f == "fft") check_case(F::fft(x, n, c.axis, c.norm), c);
    else if (f == "ifft") check_case(F::ifft(x, n, c.axis, c.norm), c);
    else if (f == "irfft") check_case(F::irfft(x, n, c.axis, c.norm), c);
    else if (f == "hfft") check_case(F::hfft(x, n, c.axis, c.norm), c);
    else if (f == "fftn") check_case(F::fftn(x, s, axes, c.norm), c);
    else if (f == "ifftn") check_case(F::ifftn(x, s, axes, c.norm), c);
    else if (f == "irfftn") check_case(F::irfftn(x, s, axes, c.norm), c);
    else if (f == "fft2") check_case(F::fft2(x, s, two, c.norm), c);
    else if (f == "ifft2") check_case(F::ifft2(x, s, two, c.norm), c);
    else if (f == "irfft2") check_case(F::irfft2(x, s, two, c.norm), c);
    else if constexpr (!gpu::detail::is_std_complex<T>::value) {
        if (f == "rfft") check_case(F::rfft(x, n, c.axis, c.norm), c);
        else if (f == "ihfft") check_case(F::ihfft(x, n, c.axis, c.norm), c);
        else if (f == "rfftn") check_case(F::rfftn(x, s, axes, c.norm), c);
        else if (f == "rfft2") check_case(F::rfft2(x, s, two, c.norm), c);
        else ADD_FAILURE() << "unknown function " << f;
    } else {
        ADD_FAILURE() << "unknown function " << f << " for complex input";
    }
}

TEST(NumpyData, EveryCase) {
    ASSERT_GT(fft_data::cases.size(), 100u);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (const auto& c : fft_data::cases) {
            SCOPED_TRACE(std::string(c.func) + " " + c.dtype + " " + c.view + " norm=" + c.norm);
            const std::string dt = c.dtype;
            if (dt == "float32") run_case<float>(c);
            else if (dt == "float64") run_case<double>(c);
            else if (dt == "complex64") run_case<c64>(c);
            else if (dt == "complex128") run_case<c128>(c);
            else if (dt == "int64") run_case<std::int64_t>(c);
            else ADD_FAILURE() << "unknown dtype " << dt;
        }
    }
}
#endif

// The cuFFT path is compiled and linked into every program that includes <gpu/fft.hpp> (no nvcc).
TEST(Fft, CufftLinks) {
    int version = 0;
    ASSERT_EQ(cufftGetVersion(&version), CUFFT_SUCCESS);
    EXPECT_GE(version, 11000);
}

}  // namespace
