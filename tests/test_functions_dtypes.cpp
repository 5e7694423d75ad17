// The shape-moving functions on every dtype, with index-coded arrays (gpu_test::arange: element i
// holds np.arange's i, bools i % 3 == 1) so each expected result is a list of source positions
// (position 0 also stands for a zero fill): pad, diag, rot90, delete_, insert, append, choose,
// advanced indexing and row masks, on every executor. NumPy's rules: tools/numpy_data/gen_functions.py.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cstdint>
#include <tuple>
#include <vector>

namespace {

using gpu_test::arange;
using gpu_test::expect_arange;
using gpu_test::make;
using i64 = std::int64_t;

template <class T>
class FunctionDtypes : public ::testing::Test {};
TYPED_TEST_SUITE(FunctionDtypes, gpu_test::all_dtypes, gpu_test::dtype_names);

TYPED_TEST(FunctionDtypes, MoveElements) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = arange<T>({2, 3});
        const auto v = arange<T>({3});
        const auto p = gpu::pad(a, 1, "edge");
        EXPECT_EQ(p.shape(), (gpu::shape_t{4, 5}));
        expect_arange(p, {0, 0, 1, 2, 2, 0, 0, 1, 2, 2, 3, 3, 4, 5, 5, 3, 3, 4, 5, 5});
        expect_arange(gpu::pad(a, {0, 1}, "wrap"), {0, 1, 2, 0, 3, 4, 5, 3, 0, 1, 2, 0});
        expect_arange(gpu::pad(a, {{0, 0}, {1, 0}}), {0, 0, 1, 2, 0, 3, 4, 5});
        expect_arange(gpu::diag(v), {0, 0, 0, 0, 1, 0, 0, 0, 2});
        expect_arange(gpu::diag(a), {0, 4});
        expect_arange(gpu::rot90(a), {2, 5, 1, 4, 0, 3});
        expect_arange(gpu::delete_(a, 1, 1), {0, 2, 3, 5});
        expect_arange(gpu::insert(v, 1, make<T>({gpu_test::arange_value<T>(5)})), {0, 5, 1, 2});
        expect_arange(gpu::append(a, a), {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5});
        const gpu::ndarray<T> rev = v(gpu::slice(gpu::none, gpu::none, -1));
        expect_arange(gpu::choose(make<i64>({1, 0, 1}), {v, rev}), {2, 1, 0});
        expect_arange(gpu::ndarray<T>(a(make<i64>({1, 0}), make<i64>({2, 2}))), {5, 2});
        expect_arange(gpu::ndarray<T>(a[gpu_test::make_bool({0, 1}, {2})]), {3, 4, 5});
        auto b = arange<T>({2, 3});
        b(gpu::colon, make<i64>({0, 2})) = b(gpu::colon, make<i64>({2, 0})).eval();  // swap columns 0 and 2
        expect_arange(b, {2, 1, 0, 5, 4, 3});
        const auto [x, y] = gpu::meshgrid(v, v(gpu::slice(0, 2)));
        expect_arange(x, {0, 1, 2, 0, 1, 2});
        expect_arange(y, {0, 0, 0, 1, 1, 1});
    }
}

}  // namespace
