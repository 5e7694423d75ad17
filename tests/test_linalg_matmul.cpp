// gpu::matmul: NumPy's shapes (1-D promotion and removal, broadcast batches), result dtypes,
// views (transposed, sliced, broadcast, negative strides), empty operands and NumPy's errors,
// against a reference product computed here from the operands' values (exact: the inputs are
// small integers, or complex numbers with small integer parts, so float products are exact too;
// half types accumulate in float32 and round once, as NumPy), on every executor.
#include "support.hpp"

#include <gpu/linalg.hpp>

#include <complex>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::make;
using gpu_test::values_of;

// Small integer values of both signs (bool: a pattern), as T.
template <class T>
gpu::ndarray<T> ints(const gpu::shape_t& shape, int base = 0) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < gpu::size_of(shape); ++i) {
        const int x = static_cast<int>((i * 7 + base * 3) % 11) - 4;
        if constexpr (std::is_same_v<T, bool>) v.push_back(x > 0);
        else if constexpr (gpu::detail::is_complex_v<T>) v.push_back(T(x, static_cast<int>((i * 5 + base) % 7) - 3));
        else if constexpr (std::is_unsigned_v<T>) v.push_back(static_cast<T>(x + 4));
        else v.push_back(static_cast<T>(x));
    }
    return make<T>(v, shape);
}

template <class R>
R mm_add(R acc, R x, R y) {
    if constexpr (std::is_same_v<R, bool>) return acc || (x && y);
    else if constexpr (std::is_floating_point_v<R> || gpu::detail::is_complex_v<R>) return acc + x * y;
    else {
        using U = std::make_unsigned_t<std::conditional_t<(sizeof(R) < 4), int, R>>;
        return static_cast<R>(static_cast<U>(acc) + static_cast<U>(x) * static_cast<U>(y));
    }
}

// NumPy's matmul, by definition, on host vectors (row-major, already in the result dtype).
template <class R>
std::vector<R> reference(const std::vector<R>& a, gpu::shape_t sa, const std::vector<R>& b, gpu::shape_t sb,
                         gpu::shape_t& out_shape) {
    const bool a1 = sa.size() == 1, b1 = sb.size() == 1;
    if (a1) sa = gpu::shape_t{1, sa[0]};
    if (b1) sb = gpu::shape_t{sb[0], 1};
    const std::int64_t n = sa[sa.size() - 2], k = sa[sa.size() - 1], m = sb[sb.size() - 1];
    gpu::shape_t ba, bb;
    for (int d = 0; d + 2 < sa.size(); ++d) ba.push_back(sa[d]);
    for (int d = 0; d + 2 < sb.size(); ++d) bb.push_back(sb[d]);
    const gpu::shape_t batch = gpu::broadcast_shapes(ba, bb);
    out_shape = batch;
    if (!a1) out_shape.push_back(n);
    if (!b1) out_shape.push_back(m);
    std::vector<R> out;
    const std::int64_t nb = gpu::size_of(batch);
    for (std::int64_t z = 0; z < nb; ++z) {
        // batch index -> offsets in a and b (broadcast)
        std::int64_t rest = z, oa = 0, ob = 0, step_a = n * k, step_b = k * m;
        for (int d = batch.size() - 1; d >= 0; --d) {
            const std::int64_t i = rest % batch[d];
            rest /= batch[d];
            const int da = d - (batch.size() - ba.size()), db = d - (batch.size() - bb.size());
            if (da >= 0) {
                if (ba[da] != 1) oa += i * step_a;
                step_a *= ba[da];
            }
            if (db >= 0) {
                if (bb[db] != 1) ob += i * step_b;
                step_b *= bb[db];
            }
        }
        // Half types: float32 sums, one rounding (NumPy's float16 loop).
        using Acc = std::conditional_t<gpu::detail::blas_type<R>::half, float, R>;
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t j = 0; j < m; ++j) {
                Acc acc = Acc(0);
                for (std::int64_t l = 0; l < k; ++l)
                    acc = mm_add<Acc>(acc, static_cast<Acc>(a[oa + i * k + l]), static_cast<Acc>(b[ob + l * m + j]));
                out.push_back(R(acc));
            }
    }
    return out;
}

// Element-wise equality (complex: both parts; half types: as float).
template <class T>
void expect_same(const std::vector<T>& got, const std::vector<T>& expected) {
    if constexpr (gpu::detail::is_complex_v<T>) {
        using F = typename T::value_type;
        std::vector<F> gr, gi, er, ei;
        for (const T& z : got) gr.push_back(z.real()), gi.push_back(z.imag());
        for (const T& z : expected) er.push_back(z.real()), ei.push_back(z.imag());
        gpu_test::expect_values(gr, er);
        gpu_test::expect_values(gi, ei);
    } else if constexpr (gpu::detail::blas_type<T>::half) {
        std::vector<float> g, e;
        for (T x : got) g.push_back(static_cast<float>(x));
        for (T x : expected) e.push_back(static_cast<float>(x));
        gpu_test::expect_values(g, e, 0.0);
    } else {
        gpu_test::expect_values(got, expected);
    }
}

template <class R, class A, class B>
void check(const gpu::ndarray<A>& a, const gpu::ndarray<B>& b) {
    const auto c = gpu::matmul(a, b);
    static_assert(std::is_same_v<typename decltype(c)::value_type, R>);
    std::vector<R> av, bv;
    for (A x : values_of(a)) av.push_back(static_cast<R>(x));
    for (B x : values_of(b)) bv.push_back(static_cast<R>(x));
    gpu::shape_t expected_shape;
    const std::vector<R> expected = reference<R>(av, a.shape(), bv, b.shape(), expected_shape);
    EXPECT_EQ(gpu::to_string(c.shape()), gpu::to_string(expected_shape));
    EXPECT_TRUE(c.is_contiguous());
    expect_same(values_of(c), expected);
}

template <class T>
class Matmul : public ::testing::Test {};
using matmul_dtypes = ::testing::Types<float, double, std::int32_t, std::int64_t, std::uint8_t, std::int8_t, bool,
                                       std::complex<float>, std::complex<double>, gpu::float16, gpu::bfloat16>;
TYPED_TEST_SUITE(Matmul, matmul_dtypes, gpu_test::dtype_names);

TYPED_TEST(Matmul, Shapes) {
    using T = TypeParam;
    gpu_test::for_each_executor([] {
        check<T>(ints<T>({3, 4}), ints<T>({4, 5}, 1));              // 2-D @ 2-D
        check<T>(ints<T>({70, 33}), ints<T>({33, 67}, 2));          // more than one tile
        check<T>(ints<T>({4}), ints<T>({4, 5}, 1));                 // 1-D @ 2-D -> (5,)
        check<T>(ints<T>({3, 4}), ints<T>({4}, 1));                 // 2-D @ 1-D -> (3,)
        check<T>(ints<T>({6}), ints<T>({6}, 1));                    // 1-D @ 1-D -> ()
        check<T>(ints<T>({2, 3, 4}), ints<T>({2, 4, 5}, 1));        // batched
        check<T>(ints<T>({2, 1, 3, 4}), ints<T>({5, 4, 2}, 1));     // broadcast batches -> (2,5,3,2)
        check<T>(ints<T>({4, 3, 4}), ints<T>({4, 5}, 1));           // stack @ matrix
        check<T>(ints<T>({3, 4}), ints<T>({2, 4, 5}, 1));           // matrix @ stack
        check<T>(ints<T>({4}), ints<T>({2, 4, 5}, 1));              // vector @ stack -> (2,5)
        check<T>(ints<T>({2, 3, 4}), ints<T>({4}, 1));              // stack @ vector -> (2,3)
        check<T>(ints<T>({1, 1}), ints<T>({1, 1}, 1));
    });
}

TYPED_TEST(Matmul, Views) {
    using T = TypeParam;
    gpu_test::for_each_executor([] {
        const auto a = ints<T>({5, 4}), b = ints<T>({6, 5}, 1);
        check<T>(a.T(), b.T());                                           // both transposed: op flags
        check<T>(b, a);
        check<T>(gpu_test::view(b, {3, 5}, {10, 1}, 0), a);                // every other row: leading dim 10
        check<T>(gpu_test::view(b, {6, 2}, {5, 2}, 1), a(gpu::slice(0, 2)));  // strided columns: copied
        check<T>(gpu_test::view(a, {4, 5}, {1, 4}, 0), gpu_test::view(b, {5, 6}, {1, 5}, 0));
        check<T>(gpu_test::view(a, {5, 4}, {-4, 1}, 16), a.T());           // negative strides: copied
        const auto s = ints<T>({3, 4, 5}, 2);
        check<T>(s.transpose({0, 2, 1}), s);                               // transposed batch: op flag, strided batched
        check<T>(s, ints<T>({3, 2, 5}, 3).transpose({0, 2, 1}));        // transposed second operand
        check<T>(gpu_test::view(s, {3, 4, 5}, {0, 5, 1}, 0), a);           // broadcast batch (stride 0)
        check<T>(gpu_test::view(a, {5}, {4}, 1), gpu_test::view(b, {5}, {-5}, 29));  // strided vectors
        check<T>(a, gpu_test::view(b, {4}, {5}, 2));                       // matrix @ strided column
        check<T>(gpu_test::view(b, {5}, {5}, 0), a.T().T());
        // Larger: several tiles, batches of transposed and sliced operands.
        const auto big = ints<T>({3, 70, 130}, 4), rhs = ints<T>({90, 70}, 5);
        check<T>(big.transpose({0, 2, 1}), rhs.T());                             // (3,130,70) @ (70,90)
        check<T>(big(gpu::slice(), gpu::slice(0, 65), gpu::slice(1, 101)).transpose({0, 2, 1}),
                 rhs(gpu::slice(0, 40), gpu::slice(0, 65)).T());               // sliced + transposed
        check<T>(rhs, big(1));                                                 // (90,70) @ (70,130)
    });
}

TYPED_TEST(Matmul, Empty) {
    using T = TypeParam;
    gpu_test::for_each_executor([] {
        check<T>(ints<T>({0, 4}), ints<T>({4, 5}));
        check<T>(ints<T>({3, 0}), ints<T>({0, 5}));  // k = 0: zeros
        check<T>(ints<T>({0}), ints<T>({0}));        // () of 0
        check<T>(ints<T>({2, 0, 3}), ints<T>({3, 2}));
        check<T>(ints<T>({0, 2, 3}), ints<T>({1, 3, 2}));
    });
}

TEST(MatmulDtypes, Promotion) {
    gpu_test::for_each_executor([] {
        check<double>(ints<std::int32_t>({3, 4}), ints<float>({4, 2}));
        check<float>(ints<std::int16_t>({3, 4}), ints<float>({4, 2}));
        check<std::int64_t>(ints<std::int64_t>({3, 4}), ints<std::uint8_t>({4, 2}));
        check<std::int16_t>(ints<std::uint8_t>({3, 4}), ints<std::int8_t>({4, 2}));
        check<std::int32_t>(ints<bool>({3, 4}), ints<std::int32_t>({4, 2}));
        check<double>(ints<float>({3, 4}), ints<double>({4, 2}));
        // np.result_type: half types meet float32 as float32, bfloat16 meets float16 as float32
        // (ml_dtypes), int8 keeps float16; complex parts promote as the reals.
        check<float>(ints<gpu::float16>({3, 4}), ints<float>({4, 2}));
        check<gpu::float16>(ints<gpu::float16>({3, 4}), ints<std::int8_t>({4, 2}));
        check<float>(ints<gpu::bfloat16>({3, 4}), ints<gpu::float16>({4, 2}));
        check<double>(ints<gpu::bfloat16>({3, 4}), ints<std::int32_t>({4, 2}));
        check<std::complex<float>>(ints<float>({3, 4}), ints<std::complex<float>>({4, 2}));
        check<std::complex<double>>(ints<std::complex<float>>({3, 4}), ints<double>({4, 2}));
        check<std::complex<double>>(ints<std::int64_t>({3, 4}), ints<std::complex<float>>({4, 2}));
        check<std::complex<float>>(ints<gpu::float16>({2, 3, 4}), ints<std::complex<float>>({4}));
    });
}

// Half products accumulate in float32 and round once (NumPy): 4096 products of 0.1 * 1 sum to
// 409.5 in float16, where a float16 accumulator would stop at 256.
TEST(MatmulDtypes, HalfAccumulatesInFloat) {
    gpu_test::for_each_executor([] {
        const auto a = gpu::full<gpu::float16>({1, 4096}, gpu::float16(0.1f));
        const auto b = gpu::ones<gpu::float16>({4096});
        const auto c = gpu::matmul(a, b);
        static_assert(std::is_same_v<typename decltype(c)::value_type, gpu::float16>);
        EXPECT_EQ(static_cast<float>(values_of(c)[0]), 409.5f);
        const auto bc = gpu::matmul(gpu::full<gpu::bfloat16>({4096}, gpu::bfloat16(0.5f)), gpu::ones<gpu::bfloat16>({4096, 2}));
        static_assert(std::is_same_v<typename decltype(bc)::value_type, gpu::bfloat16>);
        EXPECT_EQ(static_cast<float>(values_of(bc)[1]), 2048.0f);
    });
}

TEST(MatmulDtypes, IntegerWraps) {
    gpu_test::for_each_executor([] {
        const auto a = make<std::int8_t>({100, 100}, {1, 2});
        const auto b = make<std::int8_t>({2, 1}, {2, 1});
        gpu_test::expect_values(values_of(gpu::matmul(a, b)), std::vector<std::int8_t>{44});  // 300 wraps to 44, as NumPy
    });
}

TEST(MatmulErrors, NumPyMessages) {
    const auto a = gpu::ones<float>({2, 4}), b = gpu::ones<float>({3, 5}), s = gpu::ones<float>({});
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::matmul(a, b); },
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) "
        "(size 3 is different from 4)");
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::matmul(s, b); },
        "matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature "
        "(n?,k),(k,m?)->(n?,m?) requires 1)");
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::matmul(b, s); },
        "matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature "
        "(n?,k),(k,m?)->(n?,m?) requires 1)");
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::matmul(gpu::ones<float>({2, 3, 4}), gpu::ones<float>({3, 4, 5})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: "
        "(2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)");
}

TEST(MatmulExpressions, EvaluatedFirst) {
    gpu_test::for_each_executor([] {
        const auto a = ints<float>({3, 4}), b = ints<float>({4, 2}, 1);
        const auto c = gpu::matmul(a * 2.0f, b);
        const auto d = gpu::matmul(gpu::eval(a * 2.0f), b);
        gpu_test::expect_values(values_of(c), values_of(d));
    });
}

TEST(MatmulTf32, Switch) {
    const bool before = gpu::linalg::allow_tf32();
    gpu::linalg::set_allow_tf32(true);
    EXPECT_TRUE(gpu::linalg::allow_tf32());
    gpu::linalg::set_allow_tf32(false);
    EXPECT_FALSE(gpu::linalg::allow_tf32());
    gpu::linalg::set_allow_tf32(before);
}

}  // namespace

namespace {

// Products inside gpu::capture: cuBLAS (gemm, gemv) and the integer kernel are recorded with a
// workspace that is the graph's own memory, and replays recompute from the inputs' contents.
TEST(MatmulCapture, ReplaysRecompute) {
    gpu_test::for_each_executor([] {
        const auto a = ints<float>({3, 4}), v = ints<float>({4}, 2);
        auto b = ints<float>({4, 5}, 1);
        const auto ia = ints<std::int32_t>({3, 4}), ib = ints<std::int32_t>({4, 5}, 1);
        gpu::ndarray<float> c = gpu::zeros<float>({3, 5}), y = gpu::zeros<float>({3});
        gpu::ndarray<std::int32_t> ic = gpu::zeros<std::int32_t>({3, 5});
        const gpu::graph g = gpu::capture([&] {
            c.assign(gpu::matmul(a, b));
            y.assign(gpu::matmul(a, v));
            ic.assign(gpu::matmul(ia, ib));
        });
        g.replay();
        gpu_test::expect_values(values_of(c), values_of(gpu::matmul(a, b)));
        gpu_test::expect_values(values_of(y), values_of(gpu::matmul(a, v)));
        gpu_test::expect_values(values_of(ic), values_of(gpu::matmul(ia, ib)));
        b.assign(gpu::eval(b * 2.0f));
        g.replay();
        gpu_test::expect_values(values_of(c), values_of(gpu::matmul(a, b)));
    });
}

// A factorization inside a capture (cuSOLVER on the capture's stream; the info check, which
// reads back, is skipped while capturing).
TEST(MatmulCapture, SolveInsideCapture) {
    if (!gpu::linalg::host_lapack_available() && !gpu::cuda_available()) GTEST_SKIP() << "no LAPACK on the host executor";
    gpu_test::for_each_executor([](gpu::executor e) {
        if (e == gpu::executor::host && !gpu::linalg::host_lapack_available()) return;
        const auto A = gpu::eval(gpu::eye<double>(3) * 2.0 + 1.0), b = ints<double>({3});
        gpu::ndarray<double> x = gpu::zeros<double>({3});
        const gpu::graph g = gpu::capture([&] { x.assign(gpu::linalg::solve(A, b)); });
        g.replay();
        gpu_test::expect_values(values_of(gpu::matmul(A, x)), values_of(b), 1e-12, 1e-12);
    });
}

}  // namespace
