// gpu::einsum (one or two operands, explicit and implicit output, repeated letters) against
// NumPy's values (exact integer data), dtypes and errors.
#include "linalg_support.hpp"

namespace {

using gpu_test::make;
using gpu_test::values_of;

gpu::ndarray<std::int64_t> ints(const std::vector<std::int64_t>& v, const gpu::shape_t& s) { return make<std::int64_t>(v, s); }

void expect_exact(const gpu::ndarray<std::int64_t>& a, const std::vector<std::int64_t>& v, const gpu::shape_t& s) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(s));
    gpu_test::expect_values(values_of(a), v);
}

TEST(Einsum, TwoOperands) {
    gpu_test::for_each_executor([] {
        const auto T1 = ints(LINALG_DATA(T1)), T2 = ints(LINALG_DATA(T2)), I3 = ints(LINALG_DATA(I3));
        expect_exact(gpu::einsum("ijk,kl->ijl", T1, T2), LINALG_DATA(einsum_ijk_kl));
        expect_exact(gpu::einsum("ijk,kj->i", T1, T2), LINALG_DATA(einsum_ijk_kj_i));
        expect_exact(gpu::einsum("bij,bkj->bik", T1, T1), LINALG_DATA(einsum_bij_bkj));
        expect_exact(gpu::einsum("ij,jk", I3, I3.T()), LINALG_DATA(einsum_implicit));
        expect_exact(gpu::einsum("i,j->ij", I3(0), I3(1)), LINALG_DATA(einsum_outer));
        expect_exact(gpu::einsum("i,i", I3(0), I3(1)).reshape({1}), LINALG_DATA(einsum_dot));
        expect_exact(gpu::einsum("ij,k->jik", I3, T2(0)), LINALG_DATA(einsum_bcast_free));
        // dtypes: int32 with float32 gives float64 (np.result_type).
        const auto f = gpu::einsum("ij,jk->ik", gpu::ones<std::int32_t>({2, 3}), gpu::ones<float>({3, 2}));
        static_assert(std::is_same_v<decltype(f)::value_type, double>);
        gpu_test::expect_values(values_of(f), std::vector<double>{3, 3, 3, 3});
    });
}

TEST(Einsum, OneOperand) {
    gpu_test::for_each_executor([] {
        const auto T1 = ints(LINALG_DATA(T1)), I3 = ints(LINALG_DATA(I3));
        expect_exact(gpu::einsum("ii", I3).reshape({1}), LINALG_DATA(einsum_trace));
        expect_exact(gpu::einsum("ii->i", I3), LINALG_DATA(einsum_diag));
        expect_exact(gpu::einsum("ijk->kji", T1), LINALG_DATA(einsum_transpose));
        expect_exact(gpu::einsum("ijk->ik", T1), LINALG_DATA(einsum_sum_j));
        const gpu::ndarray<std::int32_t> i32 = gpu::astype<std::int32_t>(T1);
        static_assert(std::is_same_v<decltype(gpu::einsum("ijk->", i32))::value_type, std::int32_t>);  // NumPy keeps int32
    });
}

TEST(Einsum, Errors) {
    const auto a = gpu::ones<double>({2, 3}), b = gpu::ones<double>({4, 2});
    gpu_test::expect_error<gpu::value_error>([&] { gpu::einsum("ij,jk->ik", a, b); },
                                             "einsum: the sizes of subscript 'j' differ between the operands (3 and 4)");
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::einsum("ij,jk->iz", a, a.T()); },
        "einstein sum subscripts string included output subscript 'z' which never appeared in an input");
    gpu_test::expect_error<gpu::value_error>([&] { gpu::einsum("...i->i", a); }, "einsum: ellipsis ('...') is not supported yet");
    gpu_test::expect_error<gpu::value_error>([&] { gpu::einsum("ijk->i", a); },
                                             "einstein sum subscripts string contains too many subscripts for operand 0");
}

}  // namespace
