// gpu::linalg.cholesky, qr, eigh, eigvalsh, svd, svdvals against NumPy's values (float32 and
// float64, batched, transposed views). Vectors are unique only up to sign: they are compared
// by absolute value (the inputs have distinct eigenvalues and singular values) and through
// reconstruction and orthogonality.
#include "linalg_support.hpp"

#include <algorithm>

namespace {

using linalg_test::expect_near;
using linalg_test::in;
namespace L = gpu::linalg;

template <class T>
class LinalgDecompositions : public ::testing::Test {};
TYPED_TEST_SUITE(LinalgDecompositions, gpu_test::float_dtypes, gpu_test::dtype_names);

// max |x - y| over all elements.
template <class T>
double max_diff(const gpu::ndarray<T>& x, const gpu::ndarray<T>& y) {
    return gpu::max(gpu::abs(x - y)).item();
}

template <class T>
double loose() {
    return std::is_same_v<T, float> ? 1e-4 : 1e-11;
}

TYPED_TEST(LinalgDecompositions, Cholesky) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto S = in<T>(LINALG_DATA(S));
        const auto Lc = L::cholesky(S);
        expect_near(Lc, LINALG_DATA(cholesky_S));
        const auto U = L::cholesky(S, true);
        expect_near(gpu::eval(U.transpose(gpu::dims{0, 2, 1})), LINALG_DATA(cholesky_S));
        expect_near(L::cholesky(S.transpose(gpu::dims{0, 2, 1})), LINALG_DATA(cholesky_S));  // symmetric: same
        gpu_test::expect_error<gpu::linalg_error>([] { L::cholesky(gpu::eval(-gpu::eye<T>(3))); },
                                                  "Matrix is not positive definite");
    });
}

TYPED_TEST(LinalgDecompositions, QR) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        for (int wide = 0; wide < 2; ++wide) {
            SCOPED_TRACE(wide ? "wide" : "tall");
            const auto X = wide ? in<T>(LINALG_DATA(W)) : in<T>(LINALG_DATA(R));
            const auto f = L::qr(X);
            if (wide) expect_near(f.R, LINALG_DATA(qr_W_R_abs), true);
            else expect_near(f.R, LINALG_DATA(qr_R_R_abs), true);
            EXPECT_LT(max_diff(gpu::matmul(f.Q, f.R), X), loose<T>());
            const std::int64_t k = f.Q.shape()[1];
            EXPECT_LT(max_diff(gpu::matmul(f.Q.T(), f.Q), gpu::eye<T>(k)), loose<T>());
            const auto c = L::qr(X, "complete");
            const std::int64_t m = X.shape()[0];
            EXPECT_EQ(gpu::to_string(c.Q.shape()), gpu::to_string(gpu::shape_t{m, m}));
            EXPECT_EQ(gpu::to_string(c.R.shape()), gpu::to_string(X.shape()));
            EXPECT_LT(max_diff(gpu::matmul(c.Q, c.R), X), loose<T>());
            EXPECT_LT(max_diff(gpu::matmul(c.Q.T(), c.Q), gpu::eye<T>(m)), loose<T>());
            const auto r = L::qr(X, "r");
            EXPECT_LT(max_diff(r.R, f.R), loose<T>());
        }
        // A batch of transposed views.
        const auto R0 = in<T>(LINALG_DATA(R));
        const auto Rs = gpu::stack(std::vector<gpu::ndarray<T>>{R0, gpu::eval(R0 * T(2))});
        const auto Xt = gpu::eval(Rs.transpose(gpu::dims{0, 2, 1})).transpose(gpu::dims{0, 2, 1});
        const auto fb = L::qr(Xt);
        EXPECT_EQ(gpu::to_string(fb.Q.shape()), "(2,4,3)");
        EXPECT_LT(max_diff(gpu::matmul(fb.Q, fb.R), Rs), 2 * loose<T>());
    });
}

TYPED_TEST(LinalgDecompositions, Eigh) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto S = in<T>(LINALG_DATA(S));
        const auto e = L::eigh(S);
        expect_near(e.eigenvalues, LINALG_DATA(eigh_S_w));
        expect_near(e.eigenvectors, LINALG_DATA(eigh_S_v_abs), true);
        expect_near(L::eigvalsh(S), LINALG_DATA(eigh_S_w));
        // Only one triangle is read: garbage in the other changes nothing.
        const auto lower_only = gpu::tril(S), upper_only = gpu::triu(S);
        expect_near(L::eigvalsh(lower_only), LINALG_DATA(eigh_S_w));
        expect_near(L::eigvalsh(upper_only, "U"), LINALG_DATA(eigh_S_U_w));
        // S V = V diag(w).
        const auto Vw = gpu::eval(e.eigenvectors * e.eigenvalues.reshape({2, 1, 3}));
        EXPECT_LT(max_diff(gpu::matmul(S, e.eigenvectors), Vw), 100 * loose<T>());
        gpu_test::expect_error<gpu::value_error>([&] { L::eigh(S, "X"); }, "UPLO argument must be 'L' or 'U'");
    });
}

TYPED_TEST(LinalgDecompositions, Svd) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        for (int wide = 0; wide < 2; ++wide) {
            SCOPED_TRACE(wide ? "wide" : "tall");
            const auto X = wide ? in<T>(LINALG_DATA(W)) : in<T>(LINALG_DATA(R));
            const auto f = L::svd(X, false);
            if (wide) {
                expect_near(f.S, LINALG_DATA(svd_W_s));
                expect_near(f.U, LINALG_DATA(svd_W_u_abs), true);
                expect_near(f.Vh, LINALG_DATA(svd_W_vh_abs), true);
                expect_near(L::svdvals(X), LINALG_DATA(svd_W_s));
            } else {
                expect_near(f.S, LINALG_DATA(svd_R_s));
                expect_near(f.U, LINALG_DATA(svd_R_u_abs), true);
                expect_near(f.Vh, LINALG_DATA(svd_R_vh_abs), true);
                expect_near(L::svdvals(X.T()), LINALG_DATA(svd_R_s));
            }
            const auto us = gpu::eval(f.U * f.S.reshape({1, f.S.size()}));
            EXPECT_LT(max_diff(gpu::matmul(us, f.Vh), X), 10 * loose<T>());
            const auto full = L::svd(X);
            const std::int64_t m = X.shape()[0], n = X.shape()[1];
            EXPECT_EQ(gpu::to_string(full.U.shape()), gpu::to_string(gpu::shape_t{m, m}));
            EXPECT_EQ(gpu::to_string(full.Vh.shape()), gpu::to_string(gpu::shape_t{n, n}));
            EXPECT_LT(max_diff(gpu::matmul(full.U.T(), full.U), gpu::eye<T>(m)), 10 * loose<T>());
            EXPECT_LT(max_diff(gpu::matmul(full.Vh, full.Vh.T()), gpu::eye<T>(n)), 10 * loose<T>());
        }
        // Batched: a symmetric positive definite matrix's singular values are its eigenvalues, descending.
        const auto sv = L::svdvals(in<T>(LINALG_DATA(S)));
        std::vector<double> w = linalg_data::eigh_S_w;
        std::reverse(w.begin(), w.begin() + 3);
        std::reverse(w.begin() + 3, w.end());
        expect_near(sv, w, {2, 3});
    });
}

// General matrices with real eigenvalues: NumPy's eigenvalues (compared sorted: the order is
// LAPACK's), A V = V diag(w), unit eigenvectors; complex eigenvalues raise type_error (the
// complex result: eig_complex, tests/test_linalg_complex.cpp).
TYPED_TEST(LinalgDecompositions, Eig) {
    using T = TypeParam;
    linalg_test::for_each_linalg_executor([] {
        const auto E = in<T>(LINALG_DATA(E2));
        const auto e = L::eig(E);
        std::vector<T> w = gpu_test::values_of(e.eigenvalues);
        ASSERT_EQ(w.size(), 6u);
        std::sort(w.begin(), w.begin() + 3);
        std::sort(w.begin() + 3, w.end());
        expect_near(gpu::asarray(w, gpu::shape_t{2, 3}), LINALG_DATA(eigvals_E2_sorted));
        const auto Vw = gpu::eval(e.eigenvectors * e.eigenvalues.reshape({2, 1, 3}));
        EXPECT_LT(max_diff(gpu::matmul(E, e.eigenvectors), Vw), 100 * loose<T>());
        expect_near(L::norm(e.eigenvectors, {}, -2), std::vector<double>(6, 1.0), {2, 3});
        std::vector<T> v = gpu_test::values_of(L::eigvals(E));
        std::sort(v.begin(), v.begin() + 3);
        std::sort(v.begin() + 3, v.end());
        expect_near(gpu::asarray(v, gpu::shape_t{2, 3}), LINALG_DATA(eigvals_E2_sorted));
        const auto rot = gpu::asarray(std::vector<T>{0, -1, 1, 0}, gpu::shape_t{2, 2});
        gpu_test::expect_error<gpu::type_error>(
            [&] { L::eigvals(rot); },
            "eigvals: the matrix has complex eigenvalues, so NumPy's result is complex: call gpu::linalg::eigvals_complex");
    });
}

TEST(LinalgDecompositionsEmpty, Shapes) {
    linalg_test::for_each_linalg_executor([] {
        EXPECT_EQ(gpu::to_string(L::svd(gpu::ones<double>({0, 4, 3})).U.shape()), "(0,4,4)");
        EXPECT_EQ(gpu::to_string(L::svd(gpu::ones<double>({4, 0}), false).U.shape()), "(4,0)");
        EXPECT_EQ(gpu::to_string(L::qr(gpu::ones<double>({0, 3})).R.shape()), "(0,3)");
        EXPECT_EQ(gpu::to_string(L::eigvalsh(gpu::ones<double>({0, 0})).shape()), "(0,)");
        EXPECT_EQ(gpu::to_string(L::cholesky(gpu::ones<double>({2, 0, 0})).shape()), "(2,0,0)");
    });
}

}  // namespace
