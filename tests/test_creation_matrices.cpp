// eye, identity, tri, tril, triu (creation/matrices.hpp) and meshgrid (creation/meshgrid.hpp):
// NumPy's values for several dtypes, diagonals beyond the matrix, non-square and batched inputs,
// views (transposed, reversed, broadcast), 1-D, 0-d and empty inputs, executors, and that the
// kernels compile.
#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::expect_error;
using gpu_test::values_of;

template <class T>
std::vector<T> as(const std::vector<int>& v) {
    std::vector<T> out;
    for (int x : v) out.push_back(static_cast<T>(x));
    return out;
}

template <class T>
class Matrices : public ::testing::Test {};
using matrix_dtypes = ::testing::Types<bool, std::int32_t, std::int64_t, std::uint8_t, float, double>;
TYPED_TEST_SUITE(Matrices, matrix_dtypes, gpu_test::dtype_names);

TYPED_TEST(Matrices, EyeIdentityTri) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto e = gpu::eye<T>(3);
        static_assert(std::is_same_v<decltype(e), const gpu::ndarray<T>>);
        EXPECT_EQ(e.shape(), (gpu::shape_t{3, 3}));
        EXPECT_EQ(e.where(), ex);
        EXPECT_EQ(values_of(e), as<T>({1, 0, 0, 0, 1, 0, 0, 0, 1}));
        EXPECT_EQ(values_of(gpu::eye<T>(2, 3, 1)), as<T>({0, 1, 0, 0, 0, 1}));
        EXPECT_EQ(values_of(gpu::eye<T>(3, {}, -1)), as<T>({0, 0, 0, 1, 0, 0, 0, 1, 0}));
        EXPECT_EQ(values_of(gpu::eye<T>(3, 3, 5)), as<T>(std::vector<int>(9, 0)));   // k beyond the matrix
        EXPECT_EQ(values_of(gpu::eye<T>(3, 4, -5)), as<T>(std::vector<int>(12, 0)));
        EXPECT_EQ(values_of(gpu::identity<T>(2)), as<T>({1, 0, 0, 1}));
        EXPECT_EQ(gpu::identity<T>(2).where(), ex);
        EXPECT_EQ(gpu::eye<T>(0).shape(), (gpu::shape_t{0, 0}));
        EXPECT_EQ(gpu::eye<T>(4, 0).shape(), (gpu::shape_t{4, 0}));
        // NumPy's documented tri examples.
        const auto t = gpu::tri<T>(3, 5, 2);
        EXPECT_EQ(t.where(), ex);
        EXPECT_EQ(values_of(t), as<T>({1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1}));
        EXPECT_EQ(values_of(gpu::tri<T>(3, 5, -1)), as<T>({0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0}));
        EXPECT_EQ(values_of(gpu::tri<T>(2)), as<T>({1, 0, 1, 1}));
    }
}

// Expected tril (Lower) / triu of index-coded values over the last two axes of `shape`.
template <class T, bool Lower>
std::vector<T> expect_triangle(const gpu::shape_t& shape, std::int64_t k, const std::vector<T>& values) {
    const std::int64_t m = shape[shape.size() - 1];
    const std::int64_t n = shape.size() >= 2 ? shape[shape.size() - 2] : 1;
    std::vector<T> out(values);
    for (std::size_t f = 0; f < out.size(); ++f) {
        const std::int64_t i = static_cast<std::int64_t>(f) / m % n, j = static_cast<std::int64_t>(f) % m;
        if (Lower ? j - i > k : j - i < k) out[f] = T(0);
    }
    return out;
}

TYPED_TEST(Matrices, TrilTriu) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // Non-square, k of both signs and beyond the matrix.
        const auto a = gpu_test::seq<T>({4, 5});
        for (std::int64_t k : {-5, -1, 0, 2, 7}) {
            SCOPED_TRACE(k);
            const auto lo = gpu::tril(a, k);
            static_assert(std::is_same_v<decltype(lo), const gpu::ndarray<T>>);
            EXPECT_EQ(lo.where(), ex);
            EXPECT_EQ(values_of(lo), (expect_triangle<T, true>({4, 5}, k, values_of(a))));
            EXPECT_EQ(values_of(gpu::triu(a, k)), (expect_triangle<T, false>({4, 5}, k, values_of(a))));
        }
        // Batched 3-D: each matrix of the stack.
        const auto b = gpu_test::seq<T>({2, 3, 4});
        EXPECT_EQ(values_of(gpu::tril(b)), (expect_triangle<T, true>({2, 3, 4}, 0, values_of(b))));
        EXPECT_EQ(values_of(gpu::triu(b, 1)), (expect_triangle<T, false>({2, 3, 4}, 1, values_of(b))));
        // Transposed (the tiled kernel on the GPU), reversed-and-strided, and broadcast inputs.
        const auto c = gpu_test::seq<T>({5, 4});
        const auto ct = gpu_test::view(c, {4, 5}, {1, 4}, 0);
        EXPECT_EQ(values_of(gpu::tril(ct, -1)), (expect_triangle<T, true>({4, 5}, -1, values_of(ct))));
        const auto cr = gpu_test::view(c, {5, 2}, {-4, -2}, 19);  // c[::-1, ::-2]
        EXPECT_EQ(values_of(gpu::triu(cr)), (expect_triangle<T, false>({5, 2}, 0, values_of(cr))));
        const auto row = gpu_test::seq<T>({3});
        const auto bc = gpu_test::view(row, {3, 3}, {0, 1}, 0);
        EXPECT_EQ(values_of(gpu::tril(bc)), (expect_triangle<T, true>({3, 3}, 0, values_of(bc))));
    }
}

// NumPy's documented examples, a fused argument, 1-D, 0-d and empty inputs.
TEST(TrilTriu, NumPyCases) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::make<std::int64_t>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {4, 3});
        EXPECT_EQ(values_of(gpu::tril(a, -1)), (std::vector<std::int64_t>{0, 0, 0, 4, 0, 0, 7, 8, 0, 10, 11, 12}));
        EXPECT_EQ(values_of(gpu::triu(a, -1)), (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 0, 8, 9, 0, 0, 12}));
        // Any expression: one kernel, its dtype.
        const auto f = gpu::tril(a * 2 + 1);
        static_assert(std::is_same_v<decltype(f), const gpu::ndarray<std::int64_t>>);
        EXPECT_EQ(values_of(f), (std::vector<std::int64_t>{3, 0, 0, 9, 11, 0, 15, 17, 19, 21, 23, 25}));
        EXPECT_EQ(values_of(gpu::triu(a.astype<float>())),
                  (std::vector<float>{1, 2, 3, 0, 5, 6, 0, 0, 9, 0, 0, 0}));
        // 1-D: broadcast against the (m, m) mask.
        const auto v = gpu_test::make<std::int32_t>({1, 2, 3});
        const auto lv = gpu::tril(v);
        EXPECT_EQ(lv.shape(), (gpu::shape_t{3, 3}));
        EXPECT_EQ(lv.where(), ex);
        EXPECT_EQ(values_of(lv), (std::vector<std::int32_t>{1, 0, 0, 1, 2, 0, 1, 2, 3}));
        EXPECT_EQ(values_of(gpu::triu(v)), (std::vector<std::int32_t>{1, 2, 3, 0, 2, 3, 0, 0, 3}));
        // Empty.
        EXPECT_EQ(gpu::tril(gpu::zeros<float>({0, 3})).shape(), (gpu::shape_t{0, 3}));
        EXPECT_EQ(gpu::triu(gpu::zeros<float>({2, 3, 0})).shape(), (gpu::shape_t{2, 3, 0}));
        // The result is a new array.
        EXPECT_FALSE(gpu_test::shares(gpu::tril(a, 10), a));
    }
    expect_error<gpu::type_error>([] { gpu::tril(gpu::zeros<float>({})); },
                                  "tri() missing 1 required positional argument: 'N'");
}

TEST(MatrixErrors, NegativeDimensions) {
    const std::string msg = "negative dimensions are not allowed";
    expect_error<gpu::value_error>([] { gpu::eye(-1); }, msg);
    expect_error<gpu::value_error>([] { gpu::eye(2, -1); }, msg);
    expect_error<gpu::value_error>([] { gpu::identity<int>(-2); }, msg);
    expect_error<gpu::value_error>([] { gpu::tri(3, -3); }, msg);
}

TEST(Meshgrid, XyAndIj) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::make<double>({1, 2, 3});
        const auto y = gpu_test::make<double>({4, 5});
        const auto xy = gpu::meshgrid(x, y);
        ASSERT_EQ(xy.size(), 2u);
        EXPECT_EQ(xy[0].shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(xy[0].where(), ex);
        EXPECT_EQ(values_of(xy[0]), (std::vector<double>{1, 2, 3, 1, 2, 3}));
        EXPECT_EQ(values_of(xy[1]), (std::vector<double>{4, 4, 4, 5, 5, 5}));
        EXPECT_FALSE(gpu_test::shares(xy[0], x));  // copies, as NumPy's copy=True

        const auto ij = gpu::meshgrid({x, y}, gpu::meshgrid_indexing::ij);
        EXPECT_EQ(ij[0].shape(), (gpu::shape_t{3, 2}));
        EXPECT_EQ(values_of(ij[0]), (std::vector<double>{1, 1, 2, 2, 3, 3}));
        EXPECT_EQ(values_of(ij[1]), (std::vector<double>{4, 5, 4, 5, 4, 5}));
        EXPECT_EQ(values_of(gpu::meshgrid({x, y}, "ij")[1]), values_of(ij[1]));
        EXPECT_EQ(values_of(gpu::meshgrid(std::vector{x, y}, "xy")[0]), values_of(xy[0]));

        // Three inputs, "xy": shape (len y, len x, len z).
        const auto z = gpu_test::make<std::int32_t>({7, 8});
        const auto xi = gpu_test::make<std::int32_t>({1, 2, 3});
        const auto yi = gpu_test::make<std::int32_t>({4, 5, 6, 9});
        const auto g = gpu::meshgrid({xi, yi, z});
        ASSERT_EQ(g.size(), 3u);
        for (const auto& a : g) EXPECT_EQ(a.shape(), (gpu::shape_t{4, 3, 2}));
        std::vector<std::int32_t> ex0, ex1, ex2;
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 3; ++j)
                for (int k = 0; k < 2; ++k) {
                    ex0.push_back(1 + j);
                    ex1.push_back(std::vector<int>{4, 5, 6, 9}[i]);
                    ex2.push_back(7 + k);
                }
        EXPECT_EQ(values_of(g[0]), ex0);
        EXPECT_EQ(values_of(g[1]), ex1);
        EXPECT_EQ(values_of(g[2]), ex2);
    }
}

TEST(Meshgrid, ViewsAndEdgeCases) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto base = gpu_test::make<float>({0, 1, 2, 3, 4, 5});
        const auto rev = gpu_test::view(base, {3}, {-2}, 5);  // base[::-2]: 5, 3, 1
        const auto two = gpu_test::make<float>({10, 20});
        const auto g = gpu::meshgrid(rev, two);
        EXPECT_EQ(values_of(g[0]), (std::vector<float>{5, 3, 1, 5, 3, 1}));
        EXPECT_EQ(values_of(g[1]), (std::vector<float>{10, 10, 10, 20, 20, 20}));
        // A 2-D input is flattened, as NumPy's reshape(-1).
        const auto m = gpu_test::make<float>({1, 2, 3, 4}, {2, 2});
        const auto gm = gpu::meshgrid({m, two}, "ij");
        EXPECT_EQ(gm[0].shape(), (gpu::shape_t{4, 2}));
        EXPECT_EQ(values_of(gm[0]), (std::vector<float>{1, 1, 2, 2, 3, 3, 4, 4}));
        // One input: a copy; an empty input: empty outputs; no inputs: no outputs.
        const auto one = gpu::meshgrid(two);
        ASSERT_EQ(one.size(), 1u);
        EXPECT_EQ(values_of(one[0]), (std::vector<float>{10, 20}));
        EXPECT_FALSE(gpu_test::shares(one[0], two));
        const auto e = gpu::meshgrid(two, gpu::zeros<float>({0}));
        EXPECT_EQ(e[0].shape(), (gpu::shape_t{0, 2}));
        EXPECT_TRUE(gpu::meshgrid(std::vector<gpu::ndarray<bool>>{}).empty());
        // bools and uint8.
        const auto b = gpu::meshgrid({gpu_test::make_bool({1, 0}, {2}), gpu_test::make_bool({0, 1, 1}, {3})}, "ij");
        EXPECT_EQ(values_of(b[0]), (std::vector<bool>{true, true, true, false, false, false}));
        EXPECT_EQ(values_of(b[1]), (std::vector<bool>{false, true, true, false, true, true}));
        const auto u = gpu::meshgrid(gpu_test::make<std::uint8_t>({200, 255}), gpu_test::make<std::uint8_t>({1}));
        EXPECT_EQ(values_of(u[0]), (std::vector<std::uint8_t>{200, 255}));
        EXPECT_EQ(u[0].where(), ex);
    }
    const auto x = gpu_test::make<double>({1});
    expect_error<gpu::value_error>([&] { gpu::meshgrid({x, x}, "yx"); },
                                   "Valid values for `indexing` are 'xy' and 'ij'.");
}

// NVRTC (no GPU needed) accepts the kernels, in every variant a matrix result may take.
TEST(MatrixKernels, Compile) {
    using namespace gpu::detail;
    auto check = [](const kernel_source& src, const char* what) {
        try {
            EXPECT_FALSE(compile_cubin(src, compile_target{9, 0}).cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << what << ": " << e.what();
        }
    };
    using Eye = decltype(eye_expr<float>(2, 2, 0));
    using Tri = decltype(tri_expr<bool>(2, 2, 0));
    using Tril = decltype(triangle_expr<true>(array_leaf<double>(gpu::ndarray<double>({2, 2})), 0));
    using Triu = decltype(triangle_expr<false>(array_leaf<std::uint8_t>(gpu::ndarray<std::uint8_t>({2, 2})), 0));
    for (int kind = 0; kind < 4; ++kind) {
        kernel_variant v;
        v.strided = kind == 1 || kind == 3;
        v.tiled = kind == 2;
        v.rank = kind == 0 ? 1 : 2;
        v.vec = kind == 0 || kind == 3 ? 4 : 1;
        check(elementwise_kernel_source<Eye>(v), "eye");
        check(elementwise_kernel_source<Tri>(v), "tri");
        check(elementwise_kernel_source<Tril>(v), "tril");
        check(elementwise_kernel_source<Triu>(v), "triu");
    }
}

}  // namespace
