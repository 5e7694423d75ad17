// gpu::linalg.norm (every ord, vectors and matrices, axes, keepdims), cond, matrix_rank, pinv
// and lstsq against NumPy's values, float32 and float64.
#include "linalg_support.hpp"

#include <limits>

namespace {

using linalg_test::expect_near;
using linalg_test::in;
namespace L = gpu::linalg;

template <class T>
class LinalgNorms : public ::testing::Test {};
TYPED_TEST_SUITE(LinalgNorms, gpu_test::float_dtypes, gpu_test::dtype_names);

constexpr double inf = std::numeric_limits<double>::infinity();

template <class T>
gpu::ndarray<T> one(const gpu::ndarray<T>& a) {
    return a.reshape({1});
}

// Norms that need no factorization run on every executor.
TYPED_TEST(LinalgNorms, VectorNorms) {
    using T = TypeParam;
    gpu_test::for_each_executor([] {
        const auto V = in<T>(LINALG_DATA(V));
        expect_near(one(L::norm(V)), LINALG_DATA(norm_V_none));
        expect_near(one(L::norm(V, inf)), LINALG_DATA(norm_V_inf));
        expect_near(one(L::norm(V, -inf)), LINALG_DATA(norm_V_minf));
        expect_near(one(L::norm(V, 1)), LINALG_DATA(norm_V_1));
        expect_near(one(L::norm(V, -1)), LINALG_DATA(norm_V_m1));
        expect_near(one(L::norm(V, 2)), LINALG_DATA(norm_V_2));
        expect_near(one(L::norm(V, 3)), LINALG_DATA(norm_V_3));
        expect_near(one(L::norm(V, -3)), LINALG_DATA(norm_V_m3));
        expect_near(one(L::norm(in<T>(LINALG_DATA(V0)), 0)), LINALG_DATA(norm_V0_0));
        const auto A = in<T>(LINALG_DATA(A));
        expect_near(L::norm(A, {}, -1), LINALG_DATA(norm_A_rows));
        expect_near(one(L::norm(A)), LINALG_DATA(norm_A_all));
        EXPECT_EQ(gpu::to_string(L::norm(A, {}, -1, true).shape()), "(2,3,1)");
        static_assert(std::is_same_v<typename decltype(L::norm(gpu::ones<std::int32_t>({3})))::value_type, double>);
    });
}

TYPED_TEST(LinalgNorms, MatrixNorms) {
    using T = TypeParam;
    gpu_test::for_each_executor([] {
        const auto A = in<T>(LINALG_DATA(A));
        const auto A0 = A(0);
        expect_near(one(L::norm(A0, "fro")), LINALG_DATA(norm_A0_fro));
        expect_near(one(L::norm(A0, inf)), LINALG_DATA(norm_A0_inf));
        expect_near(one(L::norm(A0, -inf)), LINALG_DATA(norm_A0_minf));
        expect_near(one(L::norm(A0, 1)), LINALG_DATA(norm_A0_1));
        expect_near(one(L::norm(A0, -1)), LINALG_DATA(norm_A0_m1));
        expect_near(L::norm(A, "fro", gpu::dims{1, 2}), LINALG_DATA(norm_A_fro_12));
        expect_near(L::norm(A, 1, gpu::dims{1, 2}), LINALG_DATA(norm_A_1_12));
        EXPECT_EQ(gpu::to_string(L::norm(A, 1, gpu::dims{1, 2}, true).shape()), "(2,1,1)");
        gpu_test::expect_error<gpu::value_error>([&] { L::norm(A0, 3); }, "Invalid norm order for matrices.");
        gpu_test::expect_error<gpu::value_error>([&] { L::norm(A, 2); }, "Improper number of dimensions to norm.");
    });
    linalg_test::for_each_linalg_executor([] {
        const auto A = in<T>(LINALG_DATA(A));
        const auto A0 = A(0);
        expect_near(one(L::norm(A0, "nuc")), LINALG_DATA(norm_A0_nuc));
        expect_near(one(L::norm(A0, 2)), LINALG_DATA(norm_A0_2));
        expect_near(one(L::norm(A0, -2)), LINALG_DATA(norm_A0_m2));
        expect_near(L::norm(A, 2, gpu::dims{2, 1}), LINALG_DATA(norm_A_2_21));
    });
}

TYPED_TEST(LinalgNorms, CondRank) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto A = in<T>(LINALG_DATA(A));
        const auto A0 = A(0);
        expect_near(one(L::cond(A0)), LINALG_DATA(cond_A0_none));
        expect_near(one(L::cond(A0, "fro")), LINALG_DATA(cond_A0_fro));
        expect_near(one(L::cond(A0, 1)), LINALG_DATA(cond_A0_1));
        expect_near(one(L::cond(A0, inf)), LINALG_DATA(cond_A0_inf));
        expect_near(one(L::cond(A0, -2)), LINALG_DATA(cond_A0_m2));
        expect_near(L::cond(A), LINALG_DATA(cond_A));
        gpu_test::expect_values(gpu_test::values_of(L::matrix_rank(in<T>(LINALG_DATA(R)))), std::vector<std::int64_t>{3});
        gpu_test::expect_values(gpu_test::values_of(L::matrix_rank(in<T>(LINALG_DATA(SING)))), linalg_data::rank_SING);
        const auto stack = gpu::stack(std::vector<gpu::ndarray<T>>{in<T>(LINALG_DATA(SING)), A0});
        gpu_test::expect_values(gpu_test::values_of(L::matrix_rank(stack)), linalg_data::rank_stack);
        gpu_test::expect_values(gpu_test::values_of(L::matrix_rank(gpu::zeros<T>({4}))), std::vector<std::int64_t>{0});
    });
}

TYPED_TEST(LinalgNorms, PinvLstsq) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        expect_near(L::pinv(in<T>(LINALG_DATA(R))), LINALG_DATA(pinv_R));
        expect_near(L::pinv(in<T>(LINALG_DATA(W))), LINALG_DATA(pinv_W));
        // A singular matrix: its zero singular value is ~1e-7 in float32, above rcond = 1e-15 (NumPy too).
        if constexpr (std::is_same_v<T, double>) expect_near(L::pinv(in<T>(LINALG_DATA(SING))), LINALG_DATA(pinv_SING));
        expect_near(L::pinv(in<T>(LINALG_DATA(SING)), 1e-5), LINALG_DATA(pinv_SING));
        const auto R = in<T>(LINALG_DATA(R)), y = in<T>(LINALG_DATA(y));
        const auto r = L::lstsq(R, y);
        expect_near(r.x, LINALG_DATA(lstsq_x));
        expect_near(r.residuals, LINALG_DATA(lstsq_res));
        expect_near(r.s, LINALG_DATA(lstsq_s));
        EXPECT_EQ(r.rank, linalg_data::lstsq_rank);
        const auto Y = gpu::eval(gpu::stack(std::vector<gpu::ndarray<T>>{y, gpu::eval(y * T(2) - T(1))}, 1));
        const auto r2 = L::lstsq(R, Y);
        expect_near(r2.x, LINALG_DATA(lstsq_x2));
        expect_near(r2.residuals, LINALG_DATA(lstsq_res2));
        // Under-determined: no residuals, rank < n.
        const auto r3 = L::lstsq(in<T>(LINALG_DATA(W)), gpu::ones<T>({3}));
        EXPECT_EQ(r3.residuals.size(), 0);
        gpu_test::expect_error<gpu::linalg_error>([&] { L::lstsq(R, gpu::ones<T>({3})); }, "Incompatible dimensions");
    });
}

}  // namespace
