// sum, prod, min, max, any, all and argmin/argmax: values as NumPy gives them for small inputs,
// every axis form (none, int, negative, tuple, gpu::none with keepdims), result dtypes, 0-d and
// empty inputs and NumPy's errors, on every executor.
#include "support.hpp"

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

template <class T>
class ReduceTyped : public ::testing::Test {};
TYPED_TEST_SUITE(ReduceTyped, gpu_test::sample_dtypes, gpu_test::dtype_names);

// NumPy's result dtypes.
static_assert(std::is_same_v<decltype(gpu::sum(gpu::ndarray<std::int32_t>())), gpu::ndarray<std::int64_t>>);
static_assert(std::is_same_v<decltype(gpu::sum(gpu::ndarray<bool>())), gpu::ndarray<std::int64_t>>);
static_assert(std::is_same_v<decltype(gpu::sum(gpu::ndarray<std::uint8_t>())), gpu::ndarray<std::uint64_t>>);
static_assert(std::is_same_v<decltype(gpu::prod(gpu::ndarray<std::int16_t>())), gpu::ndarray<std::int64_t>>);
static_assert(std::is_same_v<decltype(gpu::sum(gpu::ndarray<float>())), gpu::ndarray<float>>);
static_assert(std::is_same_v<decltype(gpu::max(gpu::ndarray<std::uint16_t>())), gpu::ndarray<std::uint16_t>>);
static_assert(std::is_same_v<decltype(gpu::any(gpu::ndarray<float>())), gpu::ndarray<bool>>);
static_assert(std::is_same_v<decltype(gpu::argmax(gpu::ndarray<double>())), gpu::ndarray<std::int64_t>>);
static_assert(std::is_same_v<decltype(gpu::mean(gpu::ndarray<std::int8_t>())), gpu::ndarray<double>>);
static_assert(std::is_same_v<decltype(gpu::mean(gpu::ndarray<float>())), gpu::ndarray<float>>);
static_assert(std::is_same_v<decltype(gpu::var(gpu::ndarray<std::uint32_t>())), gpu::ndarray<double>>);

// x = np.arange(6).reshape(2, 3).astype(T) (bools: [[F,T,F],[F,T,F]])
TYPED_TEST(ReduceTyped, SumEveryAxisForm) {
    using T = TypeParam;
    using S = gpu::detail::sum_type_t<T>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<T>({2, 3});
        const auto all = gpu::sum(x);
        EXPECT_EQ(all.ndim(), 0);
        if constexpr (std::is_same_v<T, bool>) {
            expect_values<S>(values_of(all), {2});
            expect_values<S>(values_of(gpu::sum(x, 0)), {0, 2, 0});
            expect_values<S>(values_of(gpu::sum(x, -1)), {1, 1});
        } else {
            expect_values<S>(values_of(all), {15});
            expect_values<S>(values_of(gpu::sum(x, 0)), {3, 5, 7});
            expect_values<S>(values_of(gpu::sum(x, -1)), {3, 12});
            expect_values<S>(values_of(gpu::sum(x, gpu::dims{0, 1})), {15});
            expect_values<S>(values_of(gpu::sum(x, gpu::dims{})), {0, 1, 2, 3, 4, 5});  // axis=()
            const auto k = gpu::sum(x, 1, true);
            EXPECT_EQ(gpu::to_string(k.shape()), "(2,1)");
            const auto kn = gpu::sum(x, gpu::none, true);
            EXPECT_EQ(gpu::to_string(kn.shape()), "(1,1)");
            expect_values<S>(values_of(kn), {15});
            EXPECT_EQ(gpu::to_string(gpu::sum(x, gpu::dims{-1, 0}, true).shape()), "(1,1)");
            expect_values<S>(values_of(x.sum(0)), {3, 5, 7});
            expect_values<S>(values_of(x.sum()), {15});
            EXPECT_EQ(x.sum().item(), S(15));
        }
    }
}

TYPED_TEST(ReduceTyped, ProdMinMax) {
    using T = TypeParam;
    using S = gpu::detail::sum_type_t<T>;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        if constexpr (std::is_same_v<T, bool>) {
            const auto b = gpu_test::make_bool({1, 1, 0, 1}, {2, 2});
            expect_values<S>(values_of(gpu::prod(b, 1)), {1, 0});
            expect_values<bool>(values_of(gpu::max(b, 0)), {true, true});
            expect_values<bool>(values_of(gpu::min(b, 0)), {false, true});
            expect_values<bool>(values_of(gpu::min(b)), {false});
        } else {
            // [[3, 1, 2], [5, 4, 6]] (as T)
            const auto x = make<T>({T(3), T(1), T(2), T(5), T(4), T(6)}, {2, 3});
            expect_values<S>(values_of(gpu::prod(x)), {S(720)});
            expect_values<S>(values_of(gpu::prod(x, 0)), {S(15), S(4), S(12)});
            expect_values<T>(values_of(gpu::max(x)), {T(6)});
            expect_values<T>(values_of(gpu::min(x, 1)), {T(1), T(4)});
            expect_values<T>(values_of(gpu::max(x, 0, true)), {T(5), T(4), T(6)});
            expect_values<T>(values_of(x.min(gpu::dims{0, 1})), {T(1)});
            expect_values<std::int64_t>(values_of(gpu::argmax(x)), {5});
            expect_values<std::int64_t>(values_of(gpu::argmin(x)), {1});
            expect_values<std::int64_t>(values_of(gpu::argmax(x, 0)), {1, 1, 1});
            expect_values<std::int64_t>(values_of(x.argmin(-1)), {1, 1});
            EXPECT_EQ(gpu::to_string(gpu::argmax(x, 1, true).shape()), "(2,1)");
        }
    }
}

TYPED_TEST(ReduceTyped, AnyAll) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // [[0, 2], [0, 0], [1, 1]]
        const auto x = make<T>({T(0), T(2), T(0), T(0), T(1), T(1)}, {3, 2});
        expect_values<bool>(values_of(gpu::any(x, 1)), {true, false, true});
        expect_values<bool>(values_of(gpu::all(x, 1)), {false, false, true});
        expect_values<bool>(values_of(gpu::any(x)), {true});
        expect_values<bool>(values_of(gpu::all(x)), {false});
        expect_values<bool>(values_of(x.all(0)), {false, false});
        expect_values<bool>(values_of(x.any(gpu::dims{0})), {true, true});
    }
}

TEST(Reduce, SignedUnsignedAndWrapping) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i8 = make<std::int8_t>({100, 100, 100, -128});
        expect_values<std::int64_t>(values_of(gpu::sum(i8)), {172});  // int64 accumulation, no int8 wrap
        const auto u8 = make<std::uint8_t>({255, 255});
        expect_values<std::uint64_t>(values_of(gpu::sum(u8)), {510});
        const auto i64 = make<std::int64_t>({std::int64_t{1} << 62, std::int64_t{1} << 62});
        expect_values<std::int64_t>(values_of(gpu::sum(i64)), {std::numeric_limits<std::int64_t>::min()});  // wraps
        expect_values<std::int8_t>(values_of(gpu::min(i8)), {-128});
        const auto u64 = make<std::uint64_t>({std::numeric_limits<std::uint64_t>::max(), 3});
        expect_values<std::uint64_t>(values_of(gpu::max(u64)), {std::numeric_limits<std::uint64_t>::max()});
        expect_values<std::int64_t>(values_of(gpu::argmin(u64)), {1});
    }
}

TEST(Reduce, ThreeDimensionalAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<std::int32_t>({2, 3, 4});
        // np.arange(24).reshape(2,3,4).sum(axis=(0,2)) == [60, 92, 124]
        expect_values<std::int64_t>(values_of(gpu::sum(x, gpu::dims{0, 2})), {60, 92, 124});
        // .sum(axis=1) == [[12,15,18,21],[48,51,54,57]]
        expect_values<std::int64_t>(values_of(gpu::sum(x, 1)), {12, 15, 18, 21, 48, 51, 54, 57});
        // .max(axis=(2, 1)) == [11, 23]
        expect_values<std::int32_t>(values_of(gpu::max(x, gpu::dims{2, 1})), {11, 23});
        // .argmax(axis=1) == all 2; .argmin() == 0; .argmax() == 23
        expect_values<std::int64_t>(values_of(gpu::argmax(x, 1)), {2, 2, 2, 2, 2, 2, 2, 2});
        expect_values<std::int64_t>(values_of(gpu::argmax(x)), {23});
        const auto k = gpu::sum(x, gpu::dims{0, 2}, true);
        EXPECT_EQ(gpu::to_string(k.shape()), "(1,3,1)");
    }
}

TEST(Reduce, ZeroDimensional) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto s = make<float>({2.5f}, gpu::shape_t{});
        const auto r = gpu::sum(s);
        EXPECT_EQ(r.ndim(), 0);
        EXPECT_EQ(r.item(), 2.5f);
        EXPECT_EQ(gpu::max(s).item(), 2.5f);
        EXPECT_EQ(gpu::argmax(s).item(), 0);
        EXPECT_EQ(gpu::sum(s, gpu::none, true).ndim(), 0);
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::sum(s, 0); },
                                                 "axis 0 is out of bounds for array of dimension 0");
    }
}

TEST(Reduce, EmptyInputs) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const gpu::ndarray<float> e0({0});
        EXPECT_EQ(gpu::sum(e0).item(), 0.f);
        EXPECT_EQ(gpu::prod(e0).item(), 1.f);
        EXPECT_EQ(gpu::any(e0).item(), false);
        EXPECT_EQ(gpu::all(e0).item(), true);
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::max(e0); },
                                                  "zero-size array to reduction operation maximum which has no identity");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::min(e0); },
                                                  "zero-size array to reduction operation minimum which has no identity");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::argmax(e0); },
                                                  "attempt to get argmax of an empty sequence");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::argmin(e0); },
                                                  "attempt to get argmin of an empty sequence");
        const gpu::ndarray<std::int32_t> e({0, 3});
        const auto s0 = gpu::sum(e, 0);  // np.zeros((0,3), int).sum(0) == [0, 0, 0]
        EXPECT_EQ(gpu::to_string(s0.shape()), "(3,)");
        expect_values<std::int64_t>(values_of(s0), {0, 0, 0});
        EXPECT_EQ(gpu::to_string(gpu::sum(e, 1).shape()), "(0,)");
        EXPECT_EQ(gpu::to_string(gpu::max(e, 1).shape()), "(0,)");  // nothing to reduce into
        EXPECT_EQ(gpu::to_string(gpu::argmax(e, 1).shape()), "(0,)");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::max(e, 0); },
                                                  "zero-size array to reduction operation maximum which has no identity");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::argmin(e, 0); },
                                                  "attempt to get argmin of an empty sequence");
        expect_values<float>(values_of(gpu::mean(e0)), {std::nanf("")});  // NumPy warns and gives nan
    }
}

TEST(Reduce, AxisErrors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<float>({2, 3});
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::sum(x, 2); },
                                                 "axis 2 is out of bounds for array of dimension 2");
        gpu_test::expect_error<gpu::axis_error>([&] { (void)gpu::argmax(x, -3); },
                                                 "axis -3 is out of bounds for array of dimension 2");
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::sum(x, gpu::dims{0, -2}); }, "repeated axis");
        gpu_test::expect_error<gpu::value_error>([&] { (void)x.item(); },
                                                  "can only convert an array of size 1 to a Python scalar");
    }
}

}  // namespace
