// User element-wise kernels on the host executor: one-definition kernels (GPU_ND_ELEMENTWISE_KERNEL)
// against hand-computed values with NumPy's broadcasting, 0-d, empty, transposed, sliced and
// reversed operands, scalars and the index i; float16 / bfloat16 rounded per operation as NumPy
// (bits from NumPy 1.24, and for bfloat16 from float32 arithmetic rounded to nearest even) and
// complex64 / complex128 with complex scalars (exact values); and every error of
// elementwise_kernel, the definitions and raw_kernel, with its message. Needs no GPU.
#include "support.hpp"

#include <complex>

#include <gpu/user_kernels/elementwise_kernel.hpp>
#include <gpu/user_kernels/raw_kernel.hpp>

#include <cstdint>
#include <string>
#include <vector>

GPU_ND_ELEMENTWISE_KERNEL(uk_axpy, (float32 a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(uk_square_index, (T x), (T z, int64 idx), z = x * x; idx = i);
GPU_ND_ELEMENTWISE_KERNEL(uk_accumulate, (T x), (T z), z += x);
GPU_ND_ELEMENTWISE_KERNEL(uk_mixed, (int32 n, T x, U y), (float64 z, bool big), z = sqrt(float64(x)) + y * n; big = z > 10);
GPU_ND_ELEMENTWISE_KERNEL(uk_clip, (T x, T lo, T hi), (T z), z = min(max(x, lo), hi));
GPU_ND_ELEMENTWISE_KERNEL(uk_two_pass, (T x), (T z), T t = x; for (int k = 0; k < 3; ++k) t = t * 2; if (t > 20) { z = -t; return; } z = t);
GPU_ND_ELEMENTWISE_KERNEL(uk_axpy_same, (T a, T x, T y), (T z), z = a * x + y);
GPU_ND_ELEMENTWISE_KERNEL(uk_conj_mul, (complex64 s, complex64 x), (complex64 z, float32 mag),
                          z = s * x + conj(x); mag = abs(z));
GPU_ND_ELEMENTWISE_KERNEL(uk_half_parts, (float16 h, complex128 w), (float32 f, complex128 z),
                          f = float32(h) * 2; z = w * complex128(float64(h), -1) / 2 + sqrt(w));

namespace {

using gpu_test::expect_error;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

class UserKernelsHost : public ::testing::Test {
protected:
    gpu::executor_scope host{gpu::executor::host};
};

TEST_F(UserKernelsHost, BroadcastsInputsToTheOutput) {
    auto x = make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
    auto y = make<float>({10, 20, 30}, {3});
    gpu::ndarray<float> z({2, 3});
    uk_axpy(2.0f, x, y, z);
    expect_values(values_of(z), {12, 24, 36, 18, 30, 42});
    // A (2, 1) column against a (3,) row: both stretched.
    auto col = make<float>({1, 2}, {2, 1});
    uk_axpy(0.5, col, y, z);
    expect_values(values_of(z), {10.5f, 20.5f, 30.5f, 11, 21, 31});
}

TEST_F(UserKernelsHost, CallMakesTheOutputWithTheBroadcastShape) {
    auto x = make<double>({1, 2, 3}, {3, 1});
    auto y = make<double>({1, 10}, {2});
    const gpu::ndarray<double> z = uk_axpy.call<double>(3, x, y);
    EXPECT_EQ(z.shape(), (gpu::shape_t{3, 2}));
    EXPECT_EQ(z.where(), gpu::executor::host);
    expect_values(values_of(z), {4, 13, 7, 16, 10, 19});
}

TEST_F(UserKernelsHost, IndexIsTheCOrderIndexOfTheOutput) {
    auto x = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
    gpu::ndarray<std::int32_t> z({2, 3});
    gpu::ndarray<std::int64_t> idx({2, 3});
    uk_square_index(x, z, idx);
    expect_values(values_of(z), {1, 4, 9, 16, 25, 36});
    expect_values(values_of(idx), {0, 1, 2, 3, 4, 5});
    // Outputs that are transposed views: i still counts the view's elements in C order.
    gpu::ndarray<std::int32_t> zt_base({3, 2});
    gpu::ndarray<std::int64_t> it_base({3, 2});
    auto zt = zt_base.T();
    auto it = it_base.T();
    uk_square_index(x, zt, it);
    expect_values(values_of(it), {0, 1, 2, 3, 4, 5});
    expect_values(values_of(it_base), {0, 3, 1, 4, 2, 5});
    expect_values(values_of(zt_base), {1, 16, 4, 25, 9, 36});
}

TEST_F(UserKernelsHost, ZeroDimensionalAndEmpty) {
    auto x = make<float>({3}, gpu::shape_t{});
    gpu::ndarray<float> z(gpu::shape_t{});
    uk_axpy(2, x, x, z);
    EXPECT_EQ(z.ndim(), 0);
    expect_values(values_of(z), {9});

    auto e = make<float>({}, {0, 3});
    auto row = make<float>({1, 2, 3}, {3});
    gpu::ndarray<float> ez({0, 3});
    uk_axpy(2, e, row, ez);  // nothing to do, and no error
    const auto r = uk_axpy.call<float>(2, e, row);
    EXPECT_EQ(r.shape(), (gpu::shape_t{0, 3}));
    // A 0-d input broadcast over a matrix.
    const auto b = uk_axpy.call<float>(1, x, row);
    expect_values(values_of(b), {4, 5, 6});
}

TEST_F(UserKernelsHost, TransposedSlicedAndReversedInputs) {
    std::vector<std::int64_t> v(12);
    for (int k = 0; k < 12; ++k) v[k] = k;
    auto a = make<std::int64_t>(v, {3, 4});
    // a.T: (4, 3); a[:, ::2]: (3, 2); a[::-1, 1]: (3,)
    const auto t = uk_axpy.call<std::int64_t>(1, a.T(), gpu::zeros<std::int64_t>({4, 3}));
    expect_values(values_of(t), {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    const auto s = uk_axpy.call<std::int64_t>(10, a(gpu::slice(), gpu::slice(gpu::none, gpu::none, 2)),
                                              a(gpu::slice(), gpu::slice(1, gpu::none, 2)));
    expect_values(values_of(s), {1, 23, 45, 67, 89, 111});
    const auto r = uk_axpy.call<std::int64_t>(1, a(gpu::slice(gpu::none, gpu::none, -1), 1), a(gpu::slice(), 0));
    expect_values(values_of(r), {9, 9, 9});
    // Into a strided output: every other element of a row.
    gpu::ndarray<std::int64_t> out = gpu::zeros<std::int64_t>({6});
    auto every_other = out(gpu::slice(gpu::none, gpu::none, 2));
    uk_axpy(2, a(0, gpu::slice(0, 3)), a(1, gpu::slice(0, 3)), every_other);
    expect_values(values_of(out), {4, 0, 7, 0, 10, 0});
}

TEST_F(UserKernelsHost, OutputsAreReferencesToTheirElements) {
    auto x = make<std::int16_t>({1, 2, 3}, {3});
    auto z = make<std::int16_t>({100, 200, 300}, {3});
    uk_accumulate(x, z);
    uk_accumulate(x, z);
    expect_values(values_of(z), {102, 204, 306});
    // In place, the output also an input.
    uk_accumulate(z, z);
    expect_values(values_of(z), {204, 408, 612});
}

TEST_F(UserKernelsHost, ScalarsConvertToTheirParameterType) {
    // T is bound by the arrays (int32); a, a float32, takes 2.5 as given; z = int32(2.5 * x + y).
    auto x = make<std::int32_t>({1, 2, 3}, {3});
    auto y = make<std::int32_t>({1, 1, 1}, {3});
    const auto z = uk_axpy.call<std::int32_t>(2.5, x, y);
    expect_values(values_of(z), {3, 6, 8});
    // A placeholder bound by scalars only: T of uk_clip from the array x, lo and hi converted.
    auto f = make<float>({-3, 0.5f, 7}, {3});
    expect_values(values_of(uk_clip.call<float>(f, 0, 1)), {0, 0.5f, 1});
    // Two placeholders and a fixed dtype: n int32, x uint8, y float64.
    auto u8 = make<std::uint8_t>({4, 9, 100}, {3});
    auto d = make<double>({0.5, 1, 2}, {3});
    gpu::ndarray<double> out({3});
    gpu::ndarray<bool> big({3});
    uk_mixed(3, u8, d, out, big);
    expect_values(values_of(out), {3.5, 6, 16});
    expect_values(values_of(big), {false, false, true});
}

TEST_F(UserKernelsHost, StatementsLoopsAndReturn) {
    auto x = make<float>({1, 2, 3, 4}, {4});
    expect_values(values_of(uk_two_pass.call<float>(x)), {8, 16, -24, -32});
}

TEST_F(UserKernelsHost, DefinitionAtBlockScope) {
    GPU_ND_ELEMENTWISE_KERNEL(local_poly, (T x, float64 c), (float64 z), z = c * x * x - x);
    auto x = make<std::int8_t>({-2, 0, 3}, {3});
    expect_values(values_of(local_poly.call<double>(x, 0.5)), {4, 0, 1.5});
    EXPECT_EQ(local_poly.name(), "local_poly");
    EXPECT_EQ(local_poly.kernel().operation(), "z = c * x * x - x");
    EXPECT_EQ(local_poly.kernel().in_params(), "T x, float64 c");
    EXPECT_EQ(local_poly.kernel().nin(), 2);
    EXPECT_EQ(local_poly.kernel().nout(), 1);
}

// ---- float16, bfloat16 and complex ------------------------------------------------------------

template <class H>
std::vector<H> from_bits(const std::vector<std::uint16_t>& bits) {
    std::vector<H> v;
    for (std::uint16_t b : bits) v.push_back(H::from_bits(b));
    return v;
}
template <class H>
std::vector<std::uint16_t> bits_of(const gpu::ndarray<H>& a) {
    std::vector<std::uint16_t> b;
    for (H h : values_of(a)) b.push_back(h.bits);
    return b;
}
using c64 = std::complex<float>;
using c128 = std::complex<double>;

TEST_F(UserKernelsHost, Float16RoundsEveryOperationAsNumPy) {
    // np.float16 arrays: a * x + y rounds the product, then the sum (element 3: 0x1800, where one
    // rounding of the float32 result would give 0x1400), 65500 + 1 -> 65504.
    auto a = make<gpu::float16>(from_bits<gpu::float16>({0x2e66, 0x3e00, 0xc080, 0x4200, 0x3554, 0x63d0}), {6});
    auto x = make<gpu::float16>(from_bits<gpu::float16>({0x34cd, 0x3c01, 0x4780, 0x3c01, 0x4200, 0x5418}), {6});
    auto y = make<gpu::float16>(from_bits<gpu::float16>({0x399a, 0x1000, 0xb800, 0xc201, 0x1400, 0x3c00}), {6});
    const auto z = uk_axpy_same.call<gpu::float16>(a, x, y);
    EXPECT_EQ(bits_of(z), (std::vector<std::uint16_t>{0x39d7, 0x3e02, 0xcc58, 0x1800, 0x3c00, 0x7bff}));
    // A gpu::float16 scalar binds nothing (T comes from the arrays) and is passed as itself.
    const auto s = uk_axpy_same.call<gpu::float16>(gpu::float16(0.5f), x, y);
    EXPECT_EQ(bits_of(s)[1], gpu::float16(0.5f * 1.0009765625f + 0x1p-11f).bits);
    // bfloat16 likewise (0.1 * 1.0078125 rounds to 0x3dce, then + -0.1 to 0x3a80; one rounding
    // would give 0x3a4d), and a 0-d output.
    auto ba = make<gpu::bfloat16>(from_bits<gpu::bfloat16>({0x3dcd, 0x4040, 0xbfc0}), {3});
    auto bx = make<gpu::bfloat16>(from_bits<gpu::bfloat16>({0x3f81, 0x3ea9, 0x4380}), {3});
    auto by = make<gpu::bfloat16>(from_bits<gpu::bfloat16>({0xbdcd, 0x3f80, 0x3f80}), {3});
    EXPECT_EQ(bits_of(uk_axpy_same.call<gpu::bfloat16>(ba, bx, by)),
              (std::vector<std::uint16_t>{0x3a80, 0x3fff, 0xc3c0}));
    gpu::ndarray<gpu::bfloat16> b0(gpu::shape_t{});
    uk_axpy_same(ba(0), bx(0), by(0), b0);
    EXPECT_EQ(bits_of(b0), (std::vector<std::uint16_t>{0x3a80}));
}

TEST_F(UserKernelsHost, Complex64WithAComplexScalar) {
    // np.complex64(0.5-2j) * x + np.conj(x), |z| as float32; the std::complex<double> scalar
    // converts to complex64. Exact values (no rounding in the products).
    auto x = make<c64>({{1, 2}, {-3, 0.5f}, {0.25f, -4}, {0, 0}}, {2, 2});
    gpu::ndarray<c64> z({2, 2});
    gpu::ndarray<float> mag({2, 2});
    uk_conj_mul(c128(0.5, -2), x, z, mag);
    expect_values(values_of(z), {{5.5f, -3}, {-3.5f, 5.75f}, {-7.625f, 1.5f}, {0, 0}});
    expect_values(values_of(mag), {std::hypot(5.5f, -3.0f), std::hypot(-3.5f, 5.75f), std::hypot(-7.625f, 1.5f), 0});
    // A real scalar for the complex parameter: (2 + 0j) * x + conj(x) = 3 re + 1 im j.
    uk_conj_mul(2, x, z, mag);
    expect_values(values_of(z), {{3, 2}, {-9, 0.5f}, {0.75f, -4}, {0, 0}});
    // A complex scalar for a float16 parameter keeps the real part (NumPy's astype), and a
    // complex128 one passes through: f = 2 h; z = w (h - 1j) / 2 + sqrt(w).
    auto w = make<c128>({{4, 0}, {-4, 0}, {3, 4}}, {3});
    gpu::ndarray<float> f({3});
    gpu::ndarray<c128> zz({3});
    uk_half_parts(c128(1.5, 7), w, f, zz);
    expect_values(values_of(f), {3, 3, 3});
    expect_values(values_of(zz), {{3 + 2, -2}, {-3, 2 + 2}, {(4.5 + 4) / 2 + 2, (6 - 3) / 2.0 + 1}});
}

TEST_F(UserKernelsHost, PlaceholdersBindComplexArrays) {
    // uk_axpy's T from complex128 arrays; a, a float32, converts to complex in a * x.
    auto x = make<c128>({{1, -1}, {0.5, 2}, {-3, 0}}, {3});
    auto y = make<c128>({{0, 1}, {1, 1}, {0.25, -0.25}}, {3});
    const auto z = uk_axpy.call<c128>(2.5, x, y);
    expect_values(values_of(z), {{2.5, -1.5}, {2.25, 6}, {-7.25, -0.25}});
    // Broadcast against a (2, 1) column of complex64, into a complex64 output.
    auto col = make<c64>({{1, 0}, {0, 1}}, {2, 1});
    auto row = make<c64>({{1, 1}, {2, -2}, {0, 0}}, {3});
    gpu::ndarray<c64> out({2, 3});
    uk_axpy(-1, col, row, out);
    expect_values(values_of(out), {{0, 1}, {1, -2}, {-1, 0}, {1, 0}, {2, -3}, {0, -1}});
    // The operation's own complex arithmetic: z += x in place.
    auto acc = make<c128>({{1, 1}, {2, 2}, {3, 3}}, {3});
    uk_accumulate(x, acc);
    expect_values(values_of(acc), {{2, 0}, {2.5, 4}, {0, 3}});
}

TEST_F(UserKernelsHost, ComplexAndHalfTypeErrors) {
    auto c = make<c64>({{1, 0}, {2, 0}}, {2});
    auto f = make<float>({1, 2}, {2});
    auto h = make<gpu::float16>({gpu::float16(1.0f), gpu::float16(2.0f)}, {2});
    gpu::ndarray<c64> z({2});
    expect_error<gpu::type_error>([&] { uk_axpy(1, c, f, z); },
                                  "uk_axpy: type placeholder T is complex64 (from 'T z') but 'T y' got an array of dtype "
                                  "float32");
    expect_error<gpu::type_error>([&] { (void)uk_conj_mul.call<c128>(1, c); },
                                  "uk_conj_mul: call<T>() makes one output, but the kernel has 2 output parameters; pass "
                                  "the outputs as arrays");
    gpu::ndarray<float> mag({2});
    expect_error<gpu::type_error>([&] { uk_conj_mul(1, h, z, mag); },
                                  "uk_conj_mul: type mismatch: parameter 'complex64 x' got an array of dtype float16");
    expect_error<gpu::type_error>([&] { uk_accumulate(h, c128(1, 1)); },
                                  "uk_accumulate: output parameter 'T z' needs a gpu::ndarray, got a complex128 scalar");
    // A scalar is converted, not matched: a bfloat16 for T = complex64 is (1 + 0j).
    uk_accumulate(gpu::bfloat16(1.0f), c);
    expect_values(values_of(c), {{2, 0}, {3, 0}});
}

// ---- errors ---------------------------------------------------------------------------------

TEST_F(UserKernelsHost, WrongNumberOfArguments) {
    auto x = make<float>({1, 2}, {2});
    gpu::ndarray<float> z({2});
    expect_error<gpu::type_error>([&] { uk_axpy(x, x, z); },
                                  "uk_axpy() takes 4 arguments (3 inputs, 1 output) but 3 were given");
    expect_error<gpu::type_error>([&] { uk_axpy(1, x, x, z, z); },
                                  "uk_axpy() takes 4 arguments (3 inputs, 1 output) but 5 were given");
    expect_error<gpu::type_error>([&] { (void)uk_axpy.call<float>(x, x); },
                                  "uk_axpy.call() takes 3 input arguments but 2 were given");
    expect_error<gpu::type_error>([&] { (void)uk_square_index.call<float>(x); },
                                  "uk_square_index: call<T>() makes one output, but the kernel has 2 output "
                                  "parameters; pass the outputs as arrays");
}

TEST_F(UserKernelsHost, WrongDtypes) {
    auto f32 = make<float>({1, 2}, {2});
    auto i32 = make<std::int32_t>({1, 2}, {2});
    auto f64 = make<double>({1, 2}, {2});
    gpu::ndarray<float> z({2});
    expect_error<gpu::type_error>([&] { uk_axpy(1, f32, i32, z); },
                                  "uk_axpy: type placeholder T is float32 (from 'T z') but 'T y' got an array of dtype "
                                  "int32");
    expect_error<gpu::type_error>([&] { (void)uk_axpy.call<double>(1, f32, f32); },
                                  "uk_axpy: type placeholder T is float64 (from 'T z') but 'T x' got an array of dtype "
                                  "float32");
    gpu::ndarray<float> wrong_out({2});
    gpu::ndarray<bool> big({2});
    expect_error<gpu::type_error>([&] { uk_mixed(1, i32, f64, wrong_out, big); },
                                  "uk_mixed: type mismatch: parameter 'float64 z' got an array of dtype float32");
    expect_error<gpu::type_error>([&] { uk_accumulate(f32, 2.0f); },
                                  "uk_accumulate: output parameter 'T z' needs a gpu::ndarray, got a float32 scalar");
    // The failed signature is not remembered: a good call after it runs.
    uk_axpy(1, f32, f32, z);
    expect_values(values_of(z), {2, 4});
}

TEST_F(UserKernelsHost, ShapesThatDoNotBroadcast) {
    auto a = make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
    auto b = make<float>({1, 2}, {2});
    gpu::ndarray<float> z({2, 3});
    expect_error<gpu::shape_error>([&] { uk_axpy(1, a, b, z); },
                                   "operands could not be broadcast together with shapes (2,3) (2,)");
    gpu::ndarray<float> small({3});
    expect_error<gpu::shape_error>([&] { uk_axpy(1, a, a, small); },
                                   "uk_axpy: non-broadcastable output operand with shape (3,) doesn't match the "
                                   "broadcast shape (2,3)");
}

TEST(UserKernelsErrors, BadParameterLists) {
    auto bad = [](const char* in, const char* out, const char* name = "k") {
        return gpu_test::message_of<gpu::value_error>([&] { gpu::elementwise_kernel(in, out, "z = x", name); });
    };
    EXPECT_EQ(bad("float x", "float32 z"),
              "k: unknown type in parameter 'float x': use a dtype name (bool, int8, int16, int32, int64, uint8, "
              "uint16, uint32, uint64, float32, float64, float16, bfloat16, complex64, complex128) or one letter as a "
              "type placeholder");
    EXPECT_EQ(bad("T x", "complex32 z"),
              "k: unknown type in parameter 'complex32 z': use a dtype name (bool, int8, int16, int32, int64, uint8, "
              "uint16, uint32, uint64, float32, float64, float16, bfloat16, complex64, complex128) or one letter as a "
              "type placeholder");
    EXPECT_EQ(bad("float32", "float32 z"), "k: syntax error in parameter 'float32': expected 'type name'");
    EXPECT_EQ(bad("float32 x,", "float32 z"), "k: syntax error in parameter '': expected 'type name'");
    EXPECT_EQ(bad("raw T x", "T z"),
              "k: 'raw' parameters are not supported ('raw T x'); index arrays freely in a gpu::raw_kernel");
    EXPECT_EQ(bad("const T x", "T z"), "k: unknown keyword in parameter 'const T x'");
    EXPECT_EQ(bad("T 1x", "T z"), "k: parameter 'T 1x' does not end with a C++ identifier");
    EXPECT_EQ(bad("T i", "T z"),
              "k: parameter 'T i': 'i' (the element index) and names starting with 'gnd_' are reserved");
    EXPECT_EQ(bad("T x, T x", "T z"), "k: duplicate parameter name 'x'");
    EXPECT_EQ(bad("T x", "T x"), "k: duplicate parameter name 'x'");
    EXPECT_EQ(bad("T x", ""), "k: an element-wise kernel needs at least one output parameter");
    EXPECT_EQ(bad("T x, float32 T", "T z"), "k: parameter name 'T' is also used as a type placeholder");
    EXPECT_EQ(bad("T x", "T z", "my kernel"),
              "elementwise kernel name 'my kernel' must be a C++ identifier not starting with 'gnd'");
    // Good ones: any spacing, no inputs, dtype names of every kind.
    EXPECT_NO_THROW(gpu::elementwise_kernel("  bool a ,int8 b,  uint64   c ", "\tfloat64 z\n", "z = c"));
    EXPECT_NO_THROW(gpu::elementwise_kernel("", "int64 z", "z = i"));
    EXPECT_NO_THROW(gpu::elementwise_kernel("float16 a, bfloat16 b, complex64 c", "complex128 z", "z = c"));
}

TEST(UserKernelsErrors, CudaSourceOnlyKernelsRefuseHostArrays) {
    gpu::executor_scope host(gpu::executor::host);
    gpu::elementwise_kernel k("float32 x, float32 y", "float32 z", "z = x * y + 1", "my_kernel");
    auto x = make<float>({1, 2}, {2});
    gpu::ndarray<float> z({2});
    const std::string why =
        "elementwise kernel 'my_kernel' is CUDA source only; define it with GPU_ND_ELEMENTWISE_KERNEL to run it on the "
        "host executor";
    expect_error<gpu::device_error>([&] { k(x, x, z); }, why);
    expect_error<gpu::device_error>([&] { (void)k.call<float>(x, x); }, why);
    expect_error<gpu::device_error>([&] { (void)k.call<float>(1, 2); }, why);  // no arrays: the current executor
    // Type errors come first, as for every call.
    expect_error<gpu::type_error>([&] { k(x, make<double>({1, 2}), z); },
                                  "my_kernel: type mismatch: parameter 'float32 y' got an array of dtype float64");
}

TEST(UserKernelsErrors, RawKernelsRefuseHostArrays) {
    gpu::executor_scope host(gpu::executor::host);
    gpu::raw_kernel k(R"(extern "C" __global__ void twice(float* y, const float* x, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) y[i] = 2 * x[i];
    })", "twice");
    auto x = make<float>({1, 2}, {2});
    gpu::ndarray<float> y({2});
    expect_error<gpu::device_error>(
        [&] { k(1, 32, y, x, 2); },
        "raw kernel 'twice' is CUDA source only: argument 0 is an array on the host executor (move it with "
        "gpu::asarray inside gpu::executor_scope(gpu::executor::cuda), or define the operation with "
        "GPU_ND_ELEMENTWISE_KERNEL to run it on the host executor)");
    if (!gpu::cuda_available()) {
        const std::string msg = gpu_test::message_of<gpu::device_error>([&] { k(1, 32, 1.0f); });
        EXPECT_EQ(msg.rfind("raw kernel 'twice' needs a CUDA device", 0), 0u) << msg;
    }
    EXPECT_EQ(k.name(), "twice");
    gpu::raw_module m("__global__ void a() {}", {"-DN=1"});
    EXPECT_EQ(m.get_function("a").name(), "a");
    EXPECT_EQ(m.get_function("a").options(), std::vector<std::string>{"-DN=1"});
}

}  // namespace
