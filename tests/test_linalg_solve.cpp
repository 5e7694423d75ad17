// gpu::linalg.solve, inv, det, slogdet, matrix_power against NumPy's values (float32 and
// float64, batched and broadcast, views), the batched-inverse path, singular inputs and NumPy's
// errors.
#include "linalg_support.hpp"

namespace {

using linalg_test::expect_near;
using linalg_test::in;
namespace L = gpu::linalg;

template <class T>
class LinalgSolve : public ::testing::Test {};
TYPED_TEST_SUITE(LinalgSolve, gpu_test::float_dtypes, gpu_test::dtype_names);

TYPED_TEST(LinalgSolve, Solve) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto A = in<T>(LINALG_DATA(A)), B = in<T>(LINALG_DATA(B)), b = in<T>(LINALG_DATA(b));
        expect_near(L::solve(A, B), LINALG_DATA(solve_AB));
        expect_near(L::solve(A(0), b), LINALG_DATA(solve_A0b));
        expect_near(L::solve(A, b), LINALG_DATA(solve_Ab));  // a 1-D b broadcast over the stack
        // Views: a transposed stack of transposes, a right-hand side given transposed.
        const auto At = gpu::eval(A.transpose(gpu::dims{0, 2, 1})).transpose(gpu::dims{0, 2, 1});
        const auto Bt = gpu::eval(B.transpose(gpu::dims{0, 2, 1})).transpose(gpu::dims{0, 2, 1});
        expect_near(L::solve(At, Bt), LINALG_DATA(solve_AB));
        // Broadcast: one matrix against a stack of right-hand sides.
        const auto x = L::solve(A(0), B);
        EXPECT_EQ(gpu::to_string(x.shape()), "(2,3,2)");
        static_assert(std::is_same_v<typename decltype(L::solve(A, gpu::ones<std::int32_t>({3})))::value_type, double>);
        static_assert(std::is_same_v<typename decltype(L::solve(A, gpu::ones<std::int16_t>({3})))::value_type, double>);
    });
}

TYPED_TEST(LinalgSolve, InvDetSlogdet) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto A = in<T>(LINALG_DATA(A));
        expect_near(L::inv(A), LINALG_DATA(inv_A));
        expect_near(L::inv(A(1)), std::vector<double>(linalg_data::inv_A.begin() + 9, linalg_data::inv_A.end()), {3, 3});
        expect_near(L::det(A), LINALG_DATA(det_A));
        const auto s = L::slogdet(A);
        expect_near(s.sign, LINALG_DATA(slogdet_A_sign));
        expect_near(s.logabsdet, LINALG_DATA(slogdet_A_log));
        expect_near(L::det(in<T>(LINALG_DATA(SING))).reshape({1}), LINALG_DATA(det_SING));
        const auto ss = L::slogdet(in<T>(LINALG_DATA(SING)));
        EXPECT_EQ(gpu_test::values_of(ss.sign)[0], T(0));
        EXPECT_TRUE(std::isinf(gpu_test::values_of(ss.logabsdet)[0]));
        expect_near(L::matrix_power(A(0), 3), LINALG_DATA(matrix_power_A0_3));
        expect_near(L::matrix_power(A(0), -2), LINALG_DATA(matrix_power_A0_m2));
    });
}

TEST(LinalgSolveInts, IntegersComputeInFloat64) {
    linalg_test::for_each_linalg_executor([] {
        const auto I = gpu_test::make<std::int64_t>(linalg_data::I3, linalg_data::I3_shape);
        const auto d = L::det(I);
        static_assert(std::is_same_v<decltype(d)::value_type, double>);
        expect_near(d.reshape({1}), LINALG_DATA(det_I3));
    });
    gpu_test::for_each_executor([] {
        const auto I = gpu_test::make<std::int64_t>(linalg_data::I3, linalg_data::I3_shape);
        gpu_test::expect_values(gpu_test::values_of(L::matrix_power(I, 5)), linalg_data::matrix_power_I3_5);
        gpu_test::expect_values(gpu_test::values_of(L::matrix_power(I, 0)),
                                std::vector<std::int64_t>{1, 0, 0, 0, 1, 0, 0, 0, 1});
    });
}

// A large stack of small matrices takes cuBLAS's batched LU and inverse on the GPU: A @ inv(A) = I.
TYPED_TEST(LinalgSolve, BatchedInverse) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const std::int64_t batch = 300, n = 8;
        const auto eye = gpu::eye<T>(n);
        const auto noise = gpu::eval(gpu::sin(gpu::astype<T>(gpu::arange<std::int64_t>(batch * n * n))) * T(0.1));
        const auto A = gpu::eval(noise.reshape({batch, n, n}) + eye);
        const auto P = gpu::matmul(A, L::inv(A));
        const auto err = gpu::max(gpu::abs(P - eye)).item();
        EXPECT_LT(err, (std::is_same_v<T, float> ? 1e-4 : 1e-12));
    });
}

TEST(LinalgSolveErrors, NumPyMessages) {
    linalg_test::for_each_linalg_executor([] {
        const auto sing = in<double>(LINALG_DATA(SING));
        gpu_test::expect_error<gpu::linalg_error>([&] { L::inv(sing); }, "Singular matrix");
        gpu_test::expect_error<gpu::linalg_error>([&] { L::solve(sing, gpu::ones<double>({3})); }, "Singular matrix");
        const auto stack = gpu::eval(gpu::stack({gpu::eye<double>(3), sing}));
        gpu_test::expect_error<gpu::linalg_error>([&] { L::inv(stack); }, "Singular matrix");
        gpu_test::expect_error<gpu::value_error>(
            [&] { L::solve(gpu::eye<double>(2), gpu::ones<double>({3})); },
            "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) "
            "(size 3 is different from 2)");
    });
    gpu_test::expect_error<gpu::linalg_error>([] { L::inv(gpu::ones<double>({2, 3})); },
                                              "Last 2 dimensions of the array must be square");
    gpu_test::expect_error<gpu::linalg_error>([] { L::det(gpu::ones<double>({3})); },
                                              "1-dimensional array given. Array must be at least two-dimensional");
    gpu_test::expect_error<gpu::linalg_error>([] { L::matrix_power(gpu::ones<double>({2, 3}), 2); },
                                              "Last 2 dimensions of the array must be square");
}

TEST(LinalgSolveEmpty, Shapes) {
    linalg_test::for_each_linalg_executor([] {
        EXPECT_EQ(gpu::to_string(L::inv(gpu::ones<float>({0, 3, 3})).shape()), "(0,3,3)");
        EXPECT_EQ(gpu::to_string(L::inv(gpu::ones<float>({0, 0})).shape()), "(0,0)");
        EXPECT_EQ(gpu::to_string(L::solve(gpu::ones<float>({0, 0}), gpu::ones<float>({0})).shape()), "(0,)");
        gpu_test::expect_values(gpu_test::values_of(L::det(gpu::ones<double>({2, 0, 0}))), std::vector<double>{1, 1});
    });
}

}  // namespace
