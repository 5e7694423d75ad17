// complex64 and complex128 in gpu::linalg and the products, against NumPy's values
// (tools/numpy_data/gen_linalg.py, "complex" section): dtypes of every result (complex stays
// complex, singular values, Hermitian eigenvalues, log|det|, norms and residuals are real),
// batched and broadcast stacks, transposed views, empty stacks, singular inputs. Vectors unique
// only up to a phase (eigh, eig, svd, qr) are checked by reconstruction and orthonormality.
// Also: float16 / bfloat16 products and NumPy's "unsupported in linalg" for them.
#include "linalg_support.hpp"

#include <algorithm>
#include <complex>
#include <type_traits>

namespace {

using linalg_test::cin;
using linalg_test::expect_cnear;
using linalg_test::expect_near;
using gpu_test::values_of;
namespace L = gpu::linalg;

template <class C>
class LinalgComplex : public ::testing::Test {};
using complex_dtypes = ::testing::Types<std::complex<float>, std::complex<double>>;
TYPED_TEST_SUITE(LinalgComplex, complex_dtypes, gpu_test::dtype_names);

#define CDATA(name) linalg_data::name, linalg_data::name##_shape

template <class C>
using real_of = typename C::value_type;

template <class A, class E>
void expect_dtype(const gpu::ndarray<A>&) {
    static_assert(std::is_same_v<A, E>);
}

// max |x - y| over all elements.
template <class T>
double max_diff(const gpu::ndarray<T>& x, const gpu::ndarray<T>& y) {
    return gpu::max(gpu::abs(x - y)).item();
}

template <class C>
double loose() {
    return std::is_same_v<C, std::complex<float>> ? 2e-4 : 1e-11;
}

// The conjugate transpose of the last two axes.
template <class C>
gpu::ndarray<C> H(const gpu::ndarray<C>& x) {
    return gpu::eval(gpu::conj(x.swapaxes(x.ndim() - 2, x.ndim() - 1)));
}

// Complex values sorted lexicographically along the last axis (NumPy's np.sort of complex).
template <class C>
std::vector<std::complex<double>> sorted_rows(const gpu::ndarray<C>& a) {
    std::vector<std::complex<double>> v;
    for (const C& z : values_of(a)) v.push_back(std::complex<double>(z));
    const std::size_t n = static_cast<std::size_t>(a.shape()[a.ndim() - 1]);
    for (std::size_t r = 0; r < v.size(); r += n)
        std::sort(v.begin() + r, v.begin() + r + n, [](auto x, auto y) {
            return x.real() < y.real() || (x.real() == y.real() && x.imag() < y.imag());
        });
    return v;
}

template <class C>
void expect_sorted_near(const gpu::ndarray<C>& a, const std::vector<std::complex<double>>& e, const gpu::shape_t& s) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(s));
    const auto got = sorted_rows(a);
    ASSERT_EQ(got.size(), e.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_LE(std::abs(got[i] - e[i]), linalg_test::tol<C>() * std::max(1.0, std::abs(e[i])))
            << "element " << i << ": got " << got[i] << ", NumPy " << e[i];
}

TYPED_TEST(LinalgComplex, Products) {
    using C = TypeParam;
    gpu_test::for_each_executor([] {
        const auto T1 = cin<C>(CDATA(CT1)), T2 = cin<C>(CDATA(CT2));
        const auto R1 = gpu::asarray(std::vector<std::int64_t>(linalg_data::T1.begin(), linalg_data::T1.end()), linalg_data::T1_shape);
        expect_cnear(gpu::dot(T1, T2), CDATA(dot_CT1_CT2));
        expect_cnear(gpu::tensordot(T1, T1, gpu::dims{1, 2}, gpu::dims{1, 2}), CDATA(tensordot_CT1_CT1));
        expect_cnear(gpu::inner(T1, T2.T()), CDATA(inner_CT1_CT2));
        // vdot conjugates its first operand (a transposed view: raveled by a copy; a 1-D strided view: no copy).
        expect_cnear(gpu::vdot(T2, T2), linalg_data::vdot_CT2_CT2, {});
        expect_cnear(gpu::vdot(T2.T().T(), T2), linalg_data::vdot_CT2_CT2, {});
        const auto v = gpu::vdot(T1, R1);  // complex64 with int64: complex128, as np.result_type
        expect_dtype<std::complex<double>, std::complex<double>>(v);
        expect_cnear(v, linalg_data::vdot_CT1_T1, {});
        const auto w = gpu::vdot(R1, T1);  // a real first operand: nothing to conjugate
        expect_dtype<std::complex<double>, std::complex<double>>(w);
        expect_cnear(w, linalg_data::vdot_T1_CT1, {});
        const auto col = T2(gpu::slice(), 1);  // stride 3
        std::complex<double> ref = 0;
        const auto cv = values_of(col);
        for (const C& z : cv) ref += std::conj(std::complex<double>(z)) * std::complex<double>(z);
        expect_cnear(gpu::vdot(col, col), {ref}, {});
        expect_cnear(gpu::vdot(gpu::zeros<C>({0}), gpu::zeros<C>({0})), {0.0}, {});
        expect_cnear(gpu::kron(T2, gpu::asarray(std::vector<std::int64_t>(linalg_data::I3.begin(), linalg_data::I3.end()), {3, 3})),
                     CDATA(kron_CT2_I3));
        expect_cnear(gpu::outer(cin<C>(CDATA(cb)), cin<C>(CDATA(CV))), CDATA(outer_cb_CV));
        expect_cnear(gpu::einsum("ijk,kl->ijl", T1, T2), CDATA(einsum_C_ijk_kl));
        expect_cnear(gpu::einsum("bij,bkj->bik", T1, T1), CDATA(einsum_C_bij_bkj));
        expect_cnear(gpu::einsum("ijk->ik", T1), CDATA(einsum_C_sum_j));
        expect_cnear(L::multi_dot<C>({T2.T(), T2, T2.T()}), [&] {
            std::vector<std::complex<double>> e;
            for (const C& z : values_of(gpu::matmul(gpu::matmul(T2.T(), T2), T2.T()))) e.push_back(std::complex<double>(z));
            return e;
        }(), {3, 4});
    });
}

TYPED_TEST(LinalgComplex, SolveInvDet) {
    using C = TypeParam;
    using Re = real_of<C>;
    linalg_test::for_each_linalg_executor([] {
        const auto A = cin<C>(CDATA(CA)), B = cin<C>(CDATA(CB)), b = cin<C>(CDATA(cb));
        const auto x = L::solve(A, B);
        expect_dtype<C, C>(x);
        expect_cnear(x, CDATA(solve_CACB));
        expect_cnear(L::solve(A(0), b), CDATA(solve_CA0cb));
        // Transposed views, and a real stack with a complex right-hand side (complex result).
        const auto At = gpu::eval(A.transpose(gpu::dims{0, 2, 1})).transpose(gpu::dims{0, 2, 1});
        expect_cnear(L::solve(At, B), CDATA(solve_CACB));
        const auto Ar = linalg_test::in<Re>(LINALG_DATA(A));
        const auto xr = L::solve(Ar, b);
        expect_dtype<C, C>(xr);
        expect_cnear(xr, CDATA(solve_Acb));
        static_assert(std::is_same_v<typename decltype(L::solve(A, gpu::ones<double>({3})))::value_type, std::complex<double>>);
        // One matrix against a stack of right-hand sides (broadcast), and a sliced stack: each as
        // the matrices one at a time.
        const auto xb = L::solve(A(0), B);
        EXPECT_EQ(gpu::to_string(xb.shape()), "(2,3,2)");
        EXPECT_LT(max_diff(xb(1), L::solve(A(0), gpu::eval(B(1)))), loose<C>());
        const auto sub = A(gpu::slice(), gpu::slice(1, 3), gpu::slice(0, 2));  // (2,2,2), strided
        EXPECT_LT(max_diff(L::inv(sub), L::inv(gpu::eval(sub))), loose<C>());
        EXPECT_LT(max_diff(L::det(sub), L::det(gpu::eval(sub))), loose<C>());
        expect_cnear(L::inv(A), CDATA(inv_CA));
        expect_cnear(L::inv(A(1)), std::vector<std::complex<double>>(linalg_data::inv_CA.begin() + 9, linalg_data::inv_CA.end()),
                     {3, 3});
        const auto d = L::det(A);
        expect_dtype<C, C>(d);
        expect_cnear(d, CDATA(det_CA));
        const auto sl = L::slogdet(A);
        expect_dtype<C, C>(sl.sign);
        expect_dtype<Re, Re>(sl.logabsdet);
        expect_cnear(sl.sign, CDATA(slogdet_CA_sign));
        expect_near(sl.logabsdet, CDATA(slogdet_CA_log));
        // Singular: det ~ 0, slogdet (0, -inf), inv raises.
        const auto S = cin<C>(CDATA(CSING));
        EXPECT_LT(std::abs(std::complex<double>(values_of(L::det(S))[0])), 1e-4);
        gpu_test::expect_error<gpu::linalg_error>([] { L::inv(gpu::zeros<C>({2, 2})); }, "Singular matrix");
        const auto z = L::slogdet(gpu::zeros<C>({2, 2}));
        EXPECT_EQ(std::complex<double>(values_of(z.sign)[0]), std::complex<double>(0));
        EXPECT_EQ(values_of(z.logabsdet)[0], -std::numeric_limits<Re>::infinity());
        expect_cnear(L::matrix_power(A(0), 3), CDATA(matrix_power_CA0_3));
        expect_cnear(L::matrix_power(A(0), -2), CDATA(matrix_power_CA0_m2));
        // Empty stacks keep their dtypes.
        expect_dtype<C, C>(L::inv(gpu::zeros<C>({0, 3, 3})));
        EXPECT_EQ(L::det(gpu::zeros<C>({0, 2, 2})).size(), 0);
    });
}

TYPED_TEST(LinalgComplex, CholeskyEighQR) {
    using C = TypeParam;
    using Re = real_of<C>;
    linalg_test::for_each_linalg_executor([] {
        const auto S = cin<C>(CDATA(HS));
        const auto Lc = L::cholesky(S);
        expect_cnear(Lc, CDATA(cholesky_HS));
        EXPECT_LT(max_diff(gpu::matmul(Lc, H(Lc)), S), 1e3 * loose<C>());
        const auto U = L::cholesky(S, true);  // L^H
        EXPECT_LT(max_diff(U, H(Lc)), loose<C>());
        EXPECT_LT(max_diff(gpu::triu(U), U), 0.0 + 1e-30);
        gpu_test::expect_error<gpu::linalg_error>([] { L::cholesky(gpu::eval(-gpu::eye<C>(3))); },
                                                  "Matrix is not positive definite");
        // eigh: real ascending eigenvalues, unitary eigenvectors with A V = V diag(w).
        for (const char* uplo : {"L", "U"}) {
            SCOPED_TRACE(uplo);
            const auto e = L::eigh(S, uplo);
            expect_dtype<Re, Re>(e.eigenvalues);
            expect_dtype<C, C>(e.eigenvectors);
            expect_near(e.eigenvalues, std::string(uplo) == "L" ? linalg_data::eigh_HS_w : linalg_data::eigh_HS_U_w, {2, 3});
            const auto wv = gpu::eval(e.eigenvectors * e.eigenvalues.reshape({2, 1, 3}));
            EXPECT_LT(max_diff(gpu::matmul(S, e.eigenvectors), wv), 1e3 * loose<C>());
            EXPECT_LT(max_diff(gpu::matmul(H(e.eigenvectors), e.eigenvectors),
                               gpu::eval(gpu::broadcast_to(gpu::eye<C>(3), {2, 3, 3}))), 10 * loose<C>());
            expect_near(L::eigvalsh(S, uplo), std::string(uplo) == "L" ? linalg_data::eigh_HS_w : linalg_data::eigh_HS_U_w,
                        {2, 3});
        }
        // eigh reads one triangle: the other may hold anything (here: A's lower part only).
        expect_near(L::eigh(gpu::tril(S)).eigenvalues, CDATA(eigh_HS_w));
        // qr: |R| as NumPy's, A = QR, Q^H Q = I; tall and wide.
        for (int wide = 0; wide < 2; ++wide) {
            SCOPED_TRACE(wide ? "wide" : "tall");
            const auto X = wide ? cin<C>(CDATA(CW)) : cin<C>(CDATA(CR));
            const auto f = L::qr(X);
            expect_dtype<C, C>(f.Q);
            if (wide) expect_near(gpu::eval(gpu::abs(f.R)), CDATA(qr_CW_R_abs));
            else expect_near(gpu::eval(gpu::abs(f.R)), CDATA(qr_CR_R_abs));
            EXPECT_LT(max_diff(gpu::matmul(f.Q, f.R), X), 10 * loose<C>());
            const std::int64_t k = f.Q.shape()[1];
            EXPECT_LT(max_diff(gpu::matmul(H(f.Q), f.Q), gpu::eye<C>(k)), 10 * loose<C>());
            const auto c = L::qr(X, "complete");
            EXPECT_LT(max_diff(gpu::matmul(c.Q, c.R), X), 10 * loose<C>());
        }
    });
}

TYPED_TEST(LinalgComplex, SvdLstsqPinvRank) {
    using C = TypeParam;
    using Re = real_of<C>;
    linalg_test::for_each_linalg_executor([] {
        for (int wide = 0; wide < 2; ++wide) {
            SCOPED_TRACE(wide ? "wide" : "tall");
            const auto X = wide ? cin<C>(CDATA(CW)) : cin<C>(CDATA(CR));
            for (bool full : {false, true}) {
                const auto r = L::svd(X, full);
                expect_dtype<Re, Re>(r.S);
                expect_dtype<C, C>(r.U);
                if (wide) expect_near(r.S, CDATA(svd_CW_s));
                else expect_near(r.S, CDATA(svd_CR_s));
                const std::int64_t k = r.S.size();
                const auto Uk = r.U(gpu::slice(), gpu::slice(0, k)), Vk = r.Vh(gpu::slice(0, k), gpu::slice());
                const auto us = gpu::eval(Uk * gpu::astype<C>(r.S).reshape({1, k}));
                EXPECT_LT(max_diff(gpu::matmul(us, Vk), X), 10 * loose<C>());
                EXPECT_LT(max_diff(gpu::matmul(H(r.U), r.U), gpu::eye<C>(r.U.shape()[1])), 10 * loose<C>());
                EXPECT_LT(max_diff(gpu::matmul(r.Vh, H(r.Vh)), gpu::eye<C>(r.Vh.shape()[0])), 10 * loose<C>());
            }
            expect_near(L::svdvals(gpu::eval(X.T())), wide ? linalg_data::svd_CW_s : linalg_data::svd_CR_s,
                        {std::min(X.shape()[0], X.shape()[1])});  // a transposed view
            const auto p = L::pinv(X);
            expect_dtype<C, C>(p);
            if (wide) expect_cnear(p, CDATA(pinv_CW));
            else expect_cnear(p, CDATA(pinv_CR));
        }
        const auto f = L::lstsq(cin<C>(CDATA(CR)), cin<C>(CDATA(cy)));
        expect_dtype<C, C>(f.x);
        expect_dtype<Re, Re>(f.residuals);
        expect_dtype<Re, Re>(f.s);
        expect_cnear(f.x, CDATA(lstsq_C_x));
        expect_near(f.residuals, CDATA(lstsq_C_res));
        expect_near(f.s, CDATA(lstsq_C_s));
        EXPECT_EQ(f.rank, linalg_data::lstsq_C_rank);
        const auto rk = L::matrix_rank(cin<C>(CDATA(CSING)));
        gpu_test::expect_values(values_of(rk), linalg_data::rank_CSING);
        const auto svd0 = L::svd(gpu::zeros<C>({2, 0, 3}));
        expect_dtype<Re, Re>(svd0.S);
        EXPECT_EQ(gpu::to_string(svd0.U.shape()), "(2,0,0)");
    });
}

TYPED_TEST(LinalgComplex, NormCond) {
    using C = TypeParam;
    using Re = real_of<C>;
    linalg_test::for_each_linalg_executor([] {
        const auto v = cin<C>(CDATA(CV));
        const auto n = L::norm(v);
        expect_dtype<Re, Re>(n);
        expect_near(n.reshape({1}), CDATA(norm_CV_none));
        expect_near(L::norm(v, L::detail::inf).reshape({1}), CDATA(norm_CV_inf));
        expect_near(L::norm(v, 1).reshape({1}), CDATA(norm_CV_1));
        expect_near(L::norm(v, 3).reshape({1}), CDATA(norm_CV_3));
        expect_near(L::norm(v, 0).reshape({1}), CDATA(norm_CV_0));
        const auto A0 = cin<C>(CDATA(CA))(0);
        expect_near(L::norm(A0).reshape({1}), CDATA(norm_CA0_none));
        expect_near(L::norm(A0, "fro").reshape({1}), CDATA(norm_CA0_fro));
        expect_near(L::norm(A0, "nuc").reshape({1}), CDATA(norm_CA0_nuc));
        expect_near(L::norm(A0, L::detail::inf).reshape({1}), CDATA(norm_CA0_inf));
        expect_near(L::norm(A0, 1).reshape({1}), CDATA(norm_CA0_1));
        expect_near(L::norm(A0, 2).reshape({1}), CDATA(norm_CA0_2));
        expect_near(L::norm(A0, -2).reshape({1}), CDATA(norm_CA0_m2));
        expect_near(L::vector_norm(v).reshape({1}), CDATA(norm_CV_none));
        const auto c = L::cond(cin<C>(CDATA(CA)));
        expect_dtype<Re, Re>(c);
        expect_near(c, CDATA(cond_CA));
        expect_near(L::cond(A0, "fro").reshape({1}), CDATA(cond_CA0_fro));
    });
}

TYPED_TEST(LinalgComplex, Eig) {
    using C = TypeParam;
    using Re = real_of<C>;
    linalg_test::for_each_linalg_executor([] {
        // Complex input: complex eigenvalues and vectors, A V = V diag(w).
        const auto A = cin<C>(CDATA(CA));
        const auto e = L::eig(A);
        expect_dtype<C, C>(e.eigenvalues);
        expect_sorted_near(e.eigenvalues, CDATA(eigvals_CA_sorted));
        const auto wv = gpu::eval(e.eigenvectors * e.eigenvalues.reshape({2, 1, 3}));
        EXPECT_LT(max_diff(gpu::matmul(A, e.eigenvectors), wv), 100 * loose<C>());
        expect_sorted_near(L::eigvals(A), CDATA(eigvals_CA_sorted));
        // A real stack with a complex spectrum: eig_complex unpacks LAPACK's pairs as NumPy does;
        // eig (real result) refuses it.
        const auto E = linalg_test::in<Re>(LINALG_DATA(EC));
        const auto ec = L::eig_complex(E);
        expect_dtype<C, C>(ec.eigenvalues);
        expect_sorted_near(ec.eigenvalues, CDATA(eigvals_EC_sorted));
        const auto Ec = gpu::eval(gpu::astype<C>(E));
        const auto ewv = gpu::eval(ec.eigenvectors * ec.eigenvalues.reshape({2, 1, 3}));
        EXPECT_LT(max_diff(gpu::matmul(Ec, ec.eigenvectors), ewv), 100 * loose<C>());
        expect_sorted_near(L::eigvals_complex(E), CDATA(eigvals_EC_sorted));
        gpu_test::expect_error<gpu::type_error>(
            [&] { L::eigvals(E); },
            "eigvals: the matrix has complex eigenvalues, so NumPy's result is complex: call gpu::linalg::eigvals_complex");
        gpu_test::expect_error<gpu::type_error>(
            [&] { L::eig(E); },
            "eig: the matrix has complex eigenvalues, so NumPy's result is complex: call gpu::linalg::eig_complex");
        // A real spectrum through eig: real arrays, as before.
        const auto er = L::eig(E(gpu::slice(1, 2)));
        expect_dtype<Re, Re>(er.eigenvalues);
    });
}

// float16 and bfloat16: products in float32 rounded once; linalg refuses them as NumPy does.
TEST(LinalgHalf, ProductsAndRefusals) {
    gpu_test::for_each_executor([] {
        const auto a = gpu::asarray(std::vector<gpu::float16>{1, 2, 3, 4, 5, 6}, {2, 3});
        const auto d = gpu::dot(a, a.T());
        expect_dtype<gpu::float16, gpu::float16>(d);
        const auto dv = values_of(d);
        EXPECT_EQ(static_cast<float>(dv[0]), 14.0f);
        EXPECT_EQ(static_cast<float>(dv[3]), 77.0f);
        const auto e = gpu::einsum("ij,kj->ik", a, a);
        EXPECT_EQ(static_cast<float>(values_of(e)[1]), 32.0f);
        const auto v = gpu::vdot(a, a);
        EXPECT_EQ(static_cast<float>(values_of(v)[0]), 91.0f);
        const auto p = L::matrix_power(gpu::asarray(std::vector<gpu::bfloat16>{1, 1, 0, 1}, {2, 2}), 3);
        expect_dtype<gpu::bfloat16, gpu::bfloat16>(p);
        EXPECT_EQ(static_cast<float>(values_of(p)[1]), 3.0f);
        const auto n = L::norm(a);  // NumPy's norm keeps float16
        expect_dtype<gpu::float16, gpu::float16>(n);
        EXPECT_NEAR(static_cast<float>(values_of(n)[0]), 9.539f, 1e-2f);
        gpu_test::expect_error<gpu::type_error>([&] { L::norm(a, 2); }, "array type float16 is unsupported in linalg");
        gpu_test::expect_error<gpu::type_error>([] { L::matrix_power(gpu::ones<gpu::bfloat16>({2, 2}), -1); },
                                                "array type bfloat16 is unsupported in linalg");
    });
    // L::inv(float16 array) does not compile: "array type float16 is unsupported in linalg".
}

}  // namespace

namespace {

// np.cov and np.corrcoef (NumPy 1.24 values, the same algorithm in 2.x): float64 for real input,
// complex128 for complex, one variable squeezed to 0-d.
TEST(CovCorrcoef, AsNumPy) {
    using gpu_test::expect_values;
    using gpu_test::make;
    using gpu_test::values_of;
    using C = std::complex<double>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto m = make<double>({1, 2, 4, 7, 0, 1, 0, 3, 2, 2, 2, 5}, {3, 4});
        expect_values(values_of(gpu::cov(m)), std::vector<double>{7.0, 3.0, 3.5, 3.0, 2.0, 2.0, 3.5, 2.0, 2.25});
        EXPECT_EQ(gpu::cov(m, false).shape(), (gpu::shape_t{4, 4}));
        expect_values(values_of(gpu::cov(m, true, true)(0)), std::vector<double>{5.25, 2.25, 2.625});
        const auto one = gpu::cov(m(0));
        EXPECT_EQ(one.ndim(), 0);
        EXPECT_EQ(one.item(), 7.0);
        expect_values(values_of(gpu::cov(m(0), m(1))), std::vector<double>{7.0, 3.0, 3.0, 2.0});
        expect_values(values_of(gpu::corrcoef(m)),
                      std::vector<double>{0.9999999999999998, 0.8017837257372731, 0.8819171036881968, 0.8017837257372731,
                                          0.9999999999999999, 0.9428090415820632, 0.8819171036881969, 0.9428090415820632, 1.0},
                      1e-15);
        const auto z = make<C>({{1, 1}, {2, 0}, {3, -1}, {0, 0}, {0, 1}, {2, 0}}, {2, 3});
        expect_values(values_of(gpu::cov(z)), std::vector<C>{{2, 0}, {1, -1}, {1, 1}, {1.666666666666667, 0}}, 1e-14,
                      1e-15);  // the diagonal's imaginary parts: zero up to rounding (cuBLAS, OpenBLAS)
        expect_values(values_of(gpu::corrcoef(z)),
                      std::vector<C>{{1, 0}, {0.547722557505166, -0.547722557505166}, {0.547722557505166, 0.547722557505166}, {1, 0}},
                      1e-14, 1e-15);
        static_assert(std::is_same_v<typename decltype(gpu::cov(make<std::int32_t>({1, 2, 3})))::value_type, double>);
        static_assert(std::is_same_v<typename decltype(gpu::cov(make<float>({1, 2, 3})))::value_type, double>);
    }
}

}  // namespace
