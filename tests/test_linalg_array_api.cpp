// numpy.linalg's array-API names: matmul, outer, tensordot, matrix_transpose, diagonal, trace,
// vecdot, vector_norm, matrix_norm, cross, tensorinv, tensorsolve, against NumPy's values.
#include "linalg_support.hpp"

namespace {

using linalg_test::expect_near;
using linalg_test::in;
namespace L = gpu::linalg;

TEST(LinalgArrayApi, ViewsAndTrace) {
    gpu_test::for_each_executor([] {
        const auto X3 = in<double>(LINALG_DATA(X3));
        expect_near(L::diagonal(X3), LINALG_DATA(diagonal_X3));
        expect_near(L::diagonal(X3, 1), LINALG_DATA(diagonal_X3_1));
        expect_near(L::diagonal(X3, -1), LINALG_DATA(diagonal_X3_m1));
        EXPECT_EQ(gpu::to_string(L::diagonal(X3, 7).shape()), "(2,0)");
        const auto T = L::matrix_transpose(X3);
        EXPECT_EQ(gpu::to_string(T.shape()), "(2,4,3)");
        EXPECT_TRUE(gpu_test::shares(T, X3));
        const auto T1 = gpu_test::make<std::int64_t>(LINALG_DATA(T1));
        gpu_test::expect_values(gpu_test::values_of(L::trace(T1)), linalg_data::trace_T1);
        const gpu::ndarray<std::int32_t> T1i = gpu::astype<std::int32_t>(T1);
        static_assert(std::is_same_v<typename decltype(L::trace(T1i))::value_type, std::int64_t>);  // NumPy's sum dtype
        gpu_test::expect_error<gpu::value_error>([] { L::matrix_transpose(gpu::ones<float>({3})); },
                                                 "Input array must be at least 2-dimensional, but it is 1");
    });
}

TEST(LinalgArrayApi, VecdotCrossOuter) {
    gpu_test::for_each_executor([] {
        const auto A = in<double>(LINALG_DATA(A)), b = in<double>(LINALG_DATA(b));
        expect_near(L::vecdot(A, b), LINALG_DATA(vecdot_A_b));
        const auto T1 = gpu_test::make<std::int64_t>(LINALG_DATA(T1));
        gpu_test::expect_values(gpu_test::values_of(L::vecdot(T1, T1, 0)), linalg_data::vecdot_T1_T1_0);
        expect_near(L::cross(in<double>(LINALG_DATA(C1)), in<double>(LINALG_DATA(C2))), LINALG_DATA(cross_C1_C2));
        expect_near(L::outer(b, in<double>(LINALG_DATA(V))), LINALG_DATA(outer_b_V));
        gpu_test::expect_error<gpu::value_error>([&] { L::outer(A, b); },
                                                 "Input arrays must be one-dimensional, but they are x1.ndim=3 and x2.ndim=1.");
        gpu_test::expect_error<gpu::value_error>(
            [&] { L::cross(b, gpu::ones<double>({2})); },
            "Both input arrays must be (arrays of) 3-dimensional vectors, but they are 3 and 2 dimensional instead.");
        const auto T2 = gpu_test::make<std::int64_t>(LINALG_DATA(T2));
        gpu_test::expect_values(gpu_test::values_of(L::tensordot(T1, T2, 1)), linalg_data::tensordot_T1_T2_1);
        gpu_test::expect_values(gpu_test::values_of(L::matmul(T1, T2)), linalg_data::dot_T1_T2);
    });
}

TEST(LinalgArrayApi, Norms) {
    gpu_test::for_each_executor([] {
        const auto X3 = in<double>(LINALG_DATA(X3));
        expect_near(L::vector_norm(X3, std::nullopt, false, 3), LINALG_DATA(vector_norm_X3_3));
        expect_near(L::vector_norm(X3, gpu::dims{1, 2}), LINALG_DATA(vector_norm_X3_ax12));
        expect_near(L::matrix_norm(in<double>(LINALG_DATA(A)), false, 1), LINALG_DATA(matrix_norm_A_1));
    });
}

TEST(LinalgArrayApi, TensorinvTensorsolve) {
    linalg_test::for_each_linalg_executor([] {
        const auto T4 = in<double>(LINALG_DATA(T4));
        expect_near(L::tensorinv(T4.reshape({6, 2, 3}), 1), LINALG_DATA(tensorinv_T4_2));
        expect_near(L::tensorsolve(T4, in<double>(LINALG_DATA(TB))), LINALG_DATA(tensorsolve_T4r));
    });
}

}  // namespace
