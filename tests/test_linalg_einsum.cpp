// gpu::einsum (one or two operands, explicit and implicit output, repeated letters, ellipses)
// against NumPy's values (exact integer data), dtypes and errors.
#include "linalg_support.hpp"

namespace {

using gpu_test::make;
using gpu_test::values_of;

gpu::ndarray<std::int64_t> ints(const std::vector<std::int64_t>& v, const gpu::shape_t& s) { return make<std::int64_t>(v, s); }

// np.arange(n).reshape(shape) as int64, the operands of the ellipsis cases.
gpu::ndarray<std::int64_t> arange(const gpu::shape_t& s) { return gpu_test::arange<std::int64_t>(s); }

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
    gpu_test::expect_error<gpu::value_error>([&] { gpu::einsum("ijk->i", a); },
                                             "einstein sum subscripts string contains too many subscripts for operand 0");
}

// Expected values from NumPy 1.24, np.einsum(subscripts, *operands) on np.arange(n).reshape(shape)
// operands (int64), as each comment says.
TEST(Einsum, Ellipsis) {
    gpu_test::for_each_executor([] {
        // np.einsum('...ii->...i', np.arange(18).reshape(2, 3, 3)): a batched diagonal
        expect_exact(gpu::einsum("...ii->...i", arange({2, 3, 3})), {0, 4, 8, 9, 13, 17}, {2, 3});
        // np.einsum('...ii->...', np.arange(18).reshape(2, 3, 3)): batched traces
        expect_exact(gpu::einsum("...ii->...", arange({2, 3, 3})), {12, 39}, {2});
        // np.einsum('...ij,...jk->...ik', np.arange(12).reshape(2, 1, 2, 3), np.arange(24).reshape(4, 3, 2)):
        // ellipses of ranks 2 and 1, right-aligned, the 1 broadcast against 4
        expect_exact(gpu::einsum("...ij,...jk->...ik", arange({2, 1, 2, 3}), arange({4, 3, 2})),
                     {10, 13, 28, 40, 28, 31, 100, 112, 46, 49, 172, 184, 64, 67, 244, 256,
                      46, 67, 64, 94, 172, 193, 244, 274, 298, 319, 424, 454, 424, 445, 604, 634},
                     {2, 4, 2, 2});
        // np.einsum('...ij,...jk->...ik', np.arange(24).reshape(4, 2, 3), np.arange(12).reshape(2, 1, 3, 2)):
        // the same with the longer ellipsis on the second operand
        expect_exact(gpu::einsum("...ij,...jk->...ik", arange({4, 2, 3}), arange({2, 1, 3, 2})),
                     {10, 13, 28, 40, 46, 67, 64, 94, 82, 121, 100, 148, 118, 175, 136, 202,
                      28, 31, 100, 112, 172, 193, 244, 274, 316, 355, 388, 436, 460, 517, 532, 598},
                     {2, 4, 2, 2});
        // np.einsum('...ii,...i->...i', np.arange(18).reshape(2, 3, 3), np.arange(12).reshape(4, 1, 3)):
        // a diagonal and a broadcast in one call
        expect_exact(gpu::einsum("...ii,...i->...i", arange({2, 3, 3}), arange({4, 1, 3})),
                     {0, 4, 16, 0, 13, 34, 0, 16, 40, 27, 52, 85, 0, 28, 64, 54, 91, 136, 0, 40, 88, 81, 130, 187},
                     {4, 2, 3});
        // np.einsum('...,...->...', np.arange(3).reshape(1, 3), np.arange(2).reshape(2, 1)): each side broadcasts
        expect_exact(gpu::einsum("...,...->...", arange({1, 3}), arange({2, 1})), {0, 0, 0, 0, 1, 2}, {2, 3});
        // np.einsum('...,...', np.array(5), np.arange(3)): a 0-d operand, an ellipsis of zero dims
        expect_exact(gpu::einsum("...,...", ints({5}, {}), arange({3})), {0, 5, 10}, {3});
        // np.einsum('i...->...', np.arange(12).reshape(2, 3, 2)): the letter is summed, the ellipsis kept
        expect_exact(gpu::einsum("i...->...", arange({2, 3, 2})), {6, 8, 10, 12, 14, 16}, {3, 2});
        // np.einsum('...ij,jk', np.arange(12).reshape(2, 2, 3), np.arange(6).reshape(3, 2)): implicit output ...ik
        expect_exact(gpu::einsum("...ij,jk", arange({2, 2, 3}), arange({3, 2})), {10, 13, 28, 40, 46, 67, 64, 94}, {2, 2, 2});
        // np.einsum('ij...', np.arange(24).reshape(2, 3, 4)): implicit output puts the ellipsis first
        expect_exact(gpu::einsum("ij...", arange({2, 3, 4})),
                     {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23}, {4, 2, 3});
        // np.einsum('...ij,jk->...ik', np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2)): '...' of zero dims
        expect_exact(gpu::einsum("...ij,jk->...ik", arange({2, 3}), arange({3, 2})), {10, 13, 28, 40}, {2, 2});
        // np.einsum('i->...i', np.arange(3)): an output '...' with no ellipsis in the inputs is zero dims
        expect_exact(gpu::einsum("i->...i", arange({3})), {0, 1, 2}, {3});
        // np.einsum('ij...->...ji', np.arange(24).reshape(2, 3, 2, 2)): the ellipsis moved and the letters swapped
        expect_exact(gpu::einsum("ij...->...ji", arange({2, 3, 2, 2})),
                     {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23}, {2, 2, 3, 2});
        // spaces are skipped around the ellipsis, as NumPy's
        expect_exact(gpu::einsum(" ... ii -> ... i ", arange({2, 3, 3})), {0, 4, 8, 9, 13, 17}, {2, 3});
        const gpu::ndarray<std::int32_t> i32 = gpu::astype<std::int32_t>(arange({2, 3}));
        static_assert(std::is_same_v<decltype(gpu::einsum("...i->...", i32))::value_type, std::int32_t>);  // NumPy keeps int32
    });
}

// NumPy 1.24's messages for each call, np.einsum(subscripts, np.ones(shape, int), ...).
TEST(Einsum, EllipsisErrors) {
    const auto a = gpu::ones<std::int64_t>({2, 3});
    auto ones = [](const gpu::shape_t& s) { return gpu::ones<std::int64_t>(s); };
    // A '.' counts only in three adjacent dots, once per term.
    for (const char* s : {".i->i", "..i->i", "i.->i", "....i->i", "...i...->i", ". ..i->i"})
        gpu_test::expect_error<gpu::value_error>(
            [&] { gpu::einsum(s, a); }, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 0");
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::einsum("...i,.->...", a, a); },
        "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 1");
    for (const char* s : {"...i->...i...", "ij->.", "ij->.."})
        gpu_test::expect_error<gpu::value_error>(
            [&] { gpu::einsum(s, a); }, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
    // An explicit output must keep a non-empty ellipsis: np.einsum('...i->i', a), np.einsum('i...->', a).
    for (const char* s : {"...i->i", "i...->", "i...->i"})
        gpu_test::expect_error<gpu::value_error>(
            [&] { gpu::einsum(s, a); },
            "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    gpu_test::expect_error<gpu::value_error>([&] { gpu::einsum("ijk...->i", a); },
                                             "einstein sum subscripts string contains too many subscripts for operand 0");
    // Ellipsis dims that do not broadcast: the operands (after their diagonals) and their axes in
    // NumPy's iterator order (output, then the other letters sorted), leading newaxes not printed.
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::einsum("...ij,...jk->...ik", ones({2, 3, 3}), ones({4, 3, 3})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,3)->(2,3,newaxis,3) (4,3,3)->(4,newaxis,3,3) ");
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::einsum("...ij,...jk->...ik", ones({4, 2, 3}), ones({2, 3, 3, 2})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: (4,2,3)->(4,2,newaxis,3) (2,3,3,2)->(2,3,newaxis,2,3) ");
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::einsum("...ii,...i->...i", ones({2, 3, 3}), ones({4, 3})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,3) (4,3)->(4,3) ");
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::einsum("a...,...b->...", ones({2, 3}), ones({4, 5})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(3,2,newaxis) (4,5)->(4,newaxis,5) ");
    gpu_test::expect_error<gpu::shape_error>(
        [&] { gpu::einsum("...,...", ones({3}), ones({2})); },
        "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)->(3,) (2,)->(2,) ");
    // The operand count, in NumPy's (inverted) words: np.einsum('i,j', a) and np.einsum('i', a, a).
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::einsum("i,j", a); }, "more operands provided to einstein sum function than specified in the subscripts string");
    gpu_test::expect_error<gpu::value_error>(
        [&] { gpu::einsum("i", a, a); }, "fewer operands provided to einstein sum function than specified in the subscripts string");
}

}  // namespace
