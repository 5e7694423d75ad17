// Creation functions that fill (creation/fill.hpp): empty, zeros, ones, full and their _like
// forms, with NumPy's values, dtypes, memory order (order='K'), executors and errors.
#include "support.hpp"

#include <cstdint>
#include <vector>

namespace {

using gpu_test::expect_error;
using gpu_test::values_of;

template <class T>
class CreationFill : public ::testing::Test {};
using fill_dtypes = ::testing::Types<bool, std::int32_t, std::int64_t, std::uint8_t, float, double>;
TYPED_TEST_SUITE(CreationFill, fill_dtypes, gpu_test::dtype_names);

template <class T>
std::vector<T> repeat(T v, std::size_t n) {
    return std::vector<T>(n, v);
}

TYPED_TEST(CreationFill, ZerosOnesFull) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto z = gpu::zeros<T>({2, 3});
        EXPECT_EQ(z.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(z.where(), ex);
        EXPECT_TRUE(z.is_contiguous());
        EXPECT_EQ(values_of(z), repeat(T(0), 6));

        const auto o = gpu::ones<T>({4, 1, 2});
        EXPECT_EQ(o.where(), ex);
        EXPECT_EQ(values_of(o), repeat(T(1), 8));

        const auto f = gpu::full<T>({3}, T(1));
        static_assert(std::is_same_v<decltype(f), const gpu::ndarray<T>>);
        EXPECT_EQ(f.where(), ex);
        EXPECT_EQ(values_of(f), repeat(T(1), 3));

        const auto e = gpu::empty<T>({5, 2});
        EXPECT_EQ(e.shape(), (gpu::shape_t{5, 2}));
        EXPECT_EQ(e.where(), ex);

        // 0-d and empty shapes.
        EXPECT_EQ(values_of(gpu::ones<T>({})), repeat(T(1), 1));
        EXPECT_EQ(gpu::zeros<T>({0, 3}).size(), 0);
        EXPECT_EQ(gpu::full<T>({3, 0}, T(1)).shape(), (gpu::shape_t{3, 0}));
    }
}

TYPED_TEST(CreationFill, LikeKeepsDtypeShapeAndExecutor) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<T>({3, 4});
        const auto z = gpu::zeros_like(a);
        static_assert(std::is_same_v<decltype(z), const gpu::ndarray<T>>);
        EXPECT_EQ(z.shape(), a.shape());
        EXPECT_EQ(z.where(), ex);
        EXPECT_EQ(values_of(z), repeat(T(0), 12));
        EXPECT_EQ(values_of(gpu::ones_like(a)), repeat(T(1), 12));
        EXPECT_EQ(values_of(gpu::full_like(a, T(1))), repeat(T(1), 12));
        EXPECT_EQ(gpu::empty_like(a).shape(), a.shape());

        const auto d = gpu::zeros_like<double>(a);
        static_assert(std::is_same_v<decltype(d), const gpu::ndarray<double>>);
        EXPECT_EQ(values_of(d), repeat(0.0, 12));
        const auto u = gpu::full_like<std::uint8_t>(a, 7);
        EXPECT_EQ(values_of(u), repeat(std::uint8_t(7), 12));
        EXPECT_EQ(gpu::empty_like<float>(a).shape(), a.shape());
    }
}

// full(shape, value) takes the dtype NumPy gives a Python scalar of the value's kind.
TEST(CreationFull, DefaultDtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i = gpu::full({2}, 7);
        static_assert(std::is_same_v<decltype(i), const gpu::ndarray<std::int64_t>>);
        EXPECT_EQ(values_of(i), (std::vector<std::int64_t>{7, 7}));
        const auto u = gpu::full({2}, std::uint8_t(200));  // a C++ integer is a Python int: int64
        static_assert(std::is_same_v<decltype(u), const gpu::ndarray<std::int64_t>>);
        EXPECT_EQ(values_of(u), (std::vector<std::int64_t>{200, 200}));
        const auto d = gpu::full({2}, 2.5);
        static_assert(std::is_same_v<decltype(d), const gpu::ndarray<double>>);
        EXPECT_EQ(values_of(d), (std::vector<double>{2.5, 2.5}));
        const auto f = gpu::full({1}, 0.5f);  // a Python float: float64
        static_assert(std::is_same_v<decltype(f), const gpu::ndarray<double>>);
        EXPECT_EQ(values_of(f), (std::vector<double>{0.5}));
        const auto b = gpu::full({3}, true);
        static_assert(std::is_same_v<decltype(b), const gpu::ndarray<bool>>);
        EXPECT_EQ(values_of(b), (std::vector<bool>{true, true, true}));
        EXPECT_EQ(b.where(), ex);
    }
}

// NumPy's copyto(casting='unsafe') of the fill value, and NumPy 2's OverflowError for a Python
// int outside an integer dtype.
TEST(CreationFull, ValueConversion) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_EQ(values_of(gpu::full<std::int32_t>({2}, 2.7)), (std::vector<std::int32_t>{2, 2}));
        EXPECT_EQ(values_of(gpu::full<std::int32_t>({1}, -2.7)), (std::vector<std::int32_t>{-2}));
        EXPECT_EQ(values_of(gpu::full<bool>({2}, 5)), (std::vector<bool>{true, true}));
        EXPECT_EQ(values_of(gpu::full<bool>({1}, 0.0)), (std::vector<bool>{false}));
        EXPECT_EQ(values_of(gpu::full<float>({1}, 3)), (std::vector<float>{3.0f}));
        EXPECT_EQ(values_of(gpu::full<std::uint8_t>({1}, 255)), (std::vector<std::uint8_t>{255}));
        expect_error<gpu::overflow_error>([] { gpu::full<std::uint8_t>({2}, -1); },
                                          "Python integer -1 out of bounds for uint8");
        expect_error<gpu::overflow_error>([] { gpu::full<std::int32_t>({2}, 3000000000LL); },
                                          "Python integer 3000000000 out of bounds for int32");
        const auto a = gpu::zeros<std::int32_t>({3});
        EXPECT_EQ(values_of(gpu::full_like(a, 2.7)), (std::vector<std::int32_t>{2, 2, 2}));
        expect_error<gpu::overflow_error>([&] { gpu::full_like(gpu::zeros<std::uint8_t>({1}), 300); },
                                          "Python integer 300 out of bounds for uint8");
    }
}

TEST(CreationErrors, NegativeDimensions) {
    const std::string msg = "negative dimensions are not allowed";
    expect_error<gpu::value_error>([] { gpu::zeros({2, -1}); }, msg);
    expect_error<gpu::value_error>([] { gpu::ones<int>({-3}); }, msg);
    expect_error<gpu::value_error>([] { gpu::empty<float>({-1, 0}); }, msg);
    expect_error<gpu::value_error>([] { gpu::full({-2}, 1.5); }, msg);
}

// NumPy's order='K': the new array's strides follow the prototype's memory order.
TEST(CreationLike, KeepsMemoryOrder) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<float>({3, 4});
        const auto t = gpu_test::view(a, {4, 3}, {1, 4}, 0);  // a.T: Fortran-contiguous
        const auto zt = gpu::zeros_like(t);
        EXPECT_EQ(zt.shape(), (gpu::shape_t{4, 3}));
        EXPECT_EQ(zt.strides(), (gpu::strides_t{1, 4}));
        EXPECT_EQ(values_of(zt), repeat(0.0f, 12));
        // zeros_like(a.T) + a.T: alike layouts, and the values as NumPy's.
        EXPECT_EQ(values_of(gpu::eval(gpu::ones_like(t) + t)),
                  (std::vector<float>{1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12}));

        // A (2, 3, 4) array viewed with axes (1, 2, 0): neither C nor F; strides sorted.
        const auto b = gpu_test::arange<std::int32_t>({2, 3, 4});
        const auto p = gpu_test::view(b, {3, 4, 2}, {4, 1, 12}, 0);
        const auto fp = gpu::full_like(p, 5);
        EXPECT_EQ(fp.strides(), (gpu::strides_t{4, 1, 12}));
        EXPECT_EQ(values_of(fp), repeat(std::int32_t(5), 24));

        // Reversed and strided: positive, contiguous strides in the same order.
        const auto r = gpu_test::view(b, {2, 2}, {-12, -2}, 23);  // b[::-1, -1, ::-2]
        const auto zr = gpu::zeros_like<double>(r);
        EXPECT_EQ(zr.strides(), (gpu::strides_t{2, 1}));
        EXPECT_EQ(zr.where(), ex);
        EXPECT_EQ(values_of(zr), repeat(0.0, 4));

        // Broadcast (stride 0) prototype.
        const auto c = gpu_test::arange<double>({4});
        const auto bc = gpu_test::view(c, {3, 4}, {0, 1}, 0);
        const auto obc = gpu::ones_like(bc);
        EXPECT_EQ(obc.shape(), (gpu::shape_t{3, 4}));
        EXPECT_EQ(values_of(obc), repeat(1.0, 12));
        EXPECT_FALSE(gpu_test::shares(obc, c));

        // 0-d and empty prototypes.
        EXPECT_EQ(values_of(gpu::ones_like(gpu::zeros<std::uint8_t>({}))), (std::vector<std::uint8_t>{1}));
        EXPECT_EQ(gpu::zeros_like(gpu::zeros<bool>({0, 5})).shape(), (gpu::shape_t{0, 5}));
    }
}

// The _like functions make their result where the prototype lives, whatever executor is current.
TEST(CreationLike, PrototypeExecutor) {
    for (gpu::executor made : gpu_test::test_executors()) {
        gpu::ndarray<float> a;
        {
            gpu::executor_scope scope(made);
            a = gpu::zeros<float>({2, 2});
        }
        for (gpu::executor current : gpu_test::test_executors()) {
            gpu::executor_scope scope(current);
            EXPECT_EQ(gpu::zeros_like(a).where(), made);
            EXPECT_EQ(gpu::full_like(a, 1.5).where(), made);
            EXPECT_EQ(gpu::zeros<float>({2}).where(), current);
        }
    }
}

}  // namespace
