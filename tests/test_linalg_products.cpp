// gpu::dot, vdot, inner, outer, tensordot, kron and linalg.multi_dot against NumPy's values
// (exact integer data; float for outer and multi_dot), with NumPy's errors.
#include "linalg_support.hpp"

namespace {

using gpu_test::make;
using gpu_test::values_of;
using linalg_test::expect_near;
using linalg_test::in;

gpu::ndarray<std::int64_t> ints(const std::vector<std::int64_t>& v, const gpu::shape_t& s) { return make<std::int64_t>(v, s); }

template <class T>
void expect_exact(const gpu::ndarray<T>& a, const std::vector<T>& v, const gpu::shape_t& s) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(s));
    gpu_test::expect_values(values_of(a), v);
}

TEST(LinalgProducts, DotTensordotInner) {
    gpu_test::for_each_executor([] {
        const auto T1 = ints(LINALG_DATA(T1)), T2 = ints(LINALG_DATA(T2));
        expect_exact(gpu::dot(T1, T2), LINALG_DATA(dot_T1_T2));
        expect_exact(gpu::dot(T2, T1), LINALG_DATA(dot_T2_T1));
        expect_exact(gpu::tensordot(T1, T1, gpu::dims{1, 2}, gpu::dims{1, 2}), LINALG_DATA(tensordot_T1_T1));
        expect_exact(gpu::tensordot(T1, T2, 1), LINALG_DATA(tensordot_T1_T2_1));
        expect_exact(gpu::inner(T1, gpu::eval(T2.T())), LINALG_DATA(inner_T1_T2));
        expect_exact(gpu::inner(T1, T2.T()), LINALG_DATA(inner_T1_T2));  // a transposed view
        // 0-d operands multiply; 1-D . 1-D is a 0-d sum.
        const auto s = ints({3}, {}), v = ints({1, 2, 3}, {3});
        expect_exact(gpu::dot(s, v), std::vector<std::int64_t>{3, 6, 9}, {3});
        expect_exact(gpu::dot(v, v), std::vector<std::int64_t>{14}, {});
        expect_exact(gpu::vdot(T2, T2), std::vector<std::int64_t>{gpu::sum(T2 * T2).item()}, {});
        gpu_test::expect_error<gpu::value_error>([&] { gpu::dot(T2, T2); },
                                                 "shapes (4,3) and (4,3) not aligned: 3 (dim 1) != 4 (dim 0)");
        gpu_test::expect_error<gpu::value_error>([&] { gpu::tensordot(T1, T2, 2); }, "shape-mismatch for sum");
    });
}

TEST(LinalgProducts, OuterKronMultiDot) {
    gpu_test::for_each_executor([] {
        const auto T2 = ints(LINALG_DATA(T2)), I3 = ints(LINALG_DATA(I3));
        expect_exact(gpu::kron(T2, I3), LINALG_DATA(kron_T2_I3));
        expect_exact(gpu::kron(ints({1, -2}, {2}), T2), LINALG_DATA(kron_b_T2));
        expect_near(gpu::outer(in<double>(LINALG_DATA(b)), in<double>(LINALG_DATA(V))), LINALG_DATA(outer_b_V));
        const auto R = in<double>(LINALG_DATA(R)), A = in<double>(LINALG_DATA(A)), b = in<double>(LINALG_DATA(b));
        expect_near(gpu::linalg::multi_dot<double>({R.T(), R, A(0), b}), LINALG_DATA(multi_dot_4));
        gpu_test::expect_error<gpu::value_error>([] { gpu::linalg::multi_dot<double>({gpu::ones<double>({2})}); },
                                                 "Expecting at least two arrays.");
    });
}

}  // namespace
