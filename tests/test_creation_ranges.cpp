// arange, linspace and logspace (creation/ranges.hpp): NumPy's lengths, values (to the bit where
// NumPy's formula fixes them), dtypes, empty ranges, errors, executors, and that their kernels
// compile.
#include "support.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

using gpu_test::expect_error;
using gpu_test::expect_values;
using gpu_test::values_of;

TEST(Arange, IntegerArguments) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::arange(5);
        static_assert(std::is_same_v<decltype(a), const gpu::ndarray<std::int64_t>>);
        EXPECT_EQ(a.where(), ex);
        EXPECT_EQ(values_of(a), (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
        EXPECT_EQ(values_of(gpu::arange(2, 10, 3)), (std::vector<std::int64_t>{2, 5, 8}));
        EXPECT_EQ(values_of(gpu::arange(10, 0, -3)), (std::vector<std::int64_t>{10, 7, 4, 1}));
        EXPECT_EQ(values_of(gpu::arange(-2, 2)), (std::vector<std::int64_t>{-2, -1, 0, 1}));
        EXPECT_EQ(values_of(gpu::arange(std::uint8_t(3))), (std::vector<std::int64_t>{0, 1, 2}));
        std::vector<std::int64_t> big;
        for (std::int64_t i = 0; i < 100003; ++i) big.push_back(7 - 3 * i);
        EXPECT_EQ(values_of(gpu::arange(7, -300002, -3)), big);
    }
}

TEST(Arange, FloatArguments) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::arange(5.0);
        static_assert(std::is_same_v<decltype(a), const gpu::ndarray<double>>);
        EXPECT_EQ(a.where(), ex);
        EXPECT_EQ(values_of(a), (std::vector<double>{0, 1, 2, 3, 4}));
        // NumPy's digits: element i is 0 + i * 0.1, rounded once per operation.
        expect_values(values_of(gpu::arange(0.0, 1.0, 0.1)),
                      {0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
                       0.9},
                      0.0);
        EXPECT_EQ(values_of(gpu::arange(0.5, 3)), (std::vector<double>{0.5, 1.5, 2.5}));
        EXPECT_EQ(values_of(gpu::arange(1.0, 0.0, -0.25)), (std::vector<double>{1, 0.75, 0.5, 0.25}));
        EXPECT_EQ(values_of(gpu::arange(3, -3, -1.5)), (std::vector<double>{3, 1.5, 0, -1.5}));
        // Round-off in the length: (1.3 - 1) / 0.1 is 3.0000000000000004, so 4 elements, the last
        // beyond stop (NumPy's documented caveat); delta is 1.1 - 1, not 0.1.
        const auto r = values_of(gpu::arange(1, 1.3, 0.1));
        ASSERT_EQ(r.size(), 4u);
        expect_values(r, {1.0, 1.1, 1.2, 1.3}, 1e-15);
        EXPECT_EQ(r[1], 1.1);
        EXPECT_EQ(r[2], 1.0 + 2 * (1.1 - 1.0));
        EXPECT_EQ(r[3], 1.0 + 3 * (1.1 - 1.0));
        EXPECT_GT(r[3], 1.3);
        // A large float range: element i = i * 0.5 exactly.
        std::vector<double> halves;
        for (int i = 0; i < 70001; ++i) halves.push_back(i * 0.5);
        EXPECT_EQ(values_of(gpu::arange(0.0, 35000.5, 0.5)), halves);
        // An infinite step: NumPy's underflow rule gives one element.
        EXPECT_EQ(values_of(gpu::arange(0.0, 1.0, std::numeric_limits<double>::infinity())),
                  (std::vector<double>{0.0}));
    }
}

TEST(Arange, EmptyRanges) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto e = gpu::arange(5, 0);
        EXPECT_EQ(e.shape(), (gpu::shape_t{0}));
        EXPECT_EQ(e.where(), ex);
        EXPECT_EQ(gpu::arange(0, 5, -1).size(), 0);
        EXPECT_EQ(gpu::arange(0).size(), 0);
        EXPECT_EQ(gpu::arange(-3).size(), 0);
        EXPECT_EQ(gpu::arange(2.5, 2.5, 0.1).size(), 0);
        EXPECT_EQ(gpu::arange(1.0, 2.0, -0.5).size(), 0);
        EXPECT_EQ(gpu::arange<bool>(0).size(), 0);
    }
}

// dtype=: the two stored elements convert to T, then start + i * delta in T.
TEST(Arange, ExplicitDtype) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i32 = gpu::arange<std::int32_t>(5);
        static_assert(std::is_same_v<decltype(i32), const gpu::ndarray<std::int32_t>>);
        EXPECT_EQ(i32.where(), ex);
        EXPECT_EQ(values_of(i32), (std::vector<std::int32_t>{0, 1, 2, 3, 4}));
        // NumPy's documented surprises: int conversion of start and start + step.
        EXPECT_EQ(values_of(gpu::arange<std::int64_t>(-3, 3, 0.5)),
                  (std::vector<std::int64_t>{-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
        EXPECT_EQ(values_of(gpu::arange<std::int64_t>(0, 5, 0.5)), std::vector<std::int64_t>(10, 0));
        // Integer dtypes wrap as NumPy's fill does.
        EXPECT_EQ(values_of(gpu::arange<std::uint8_t>(250, 260)),
                  (std::vector<std::uint8_t>{250, 251, 252, 253, 254, 255, 0, 1, 2, 3}));
        EXPECT_EQ(values_of(gpu::arange<std::uint8_t>(5, 0, -1)), (std::vector<std::uint8_t>{5, 4, 3, 2, 1}));
        EXPECT_EQ(values_of(gpu::arange<std::int8_t>(0, 300, 100)), (std::vector<std::int8_t>{0, 100, -56}));
        EXPECT_EQ(values_of(gpu::arange<double>(3)), (std::vector<double>{0, 1, 2}));
        // float32: element i = float(i) * delta + start, in float32.
        std::vector<float> f;
        for (int i = 0; i < 10; ++i) f.push_back(static_cast<float>(i) * 0.1f);
        expect_values(values_of(gpu::arange<float>(0, 1, 0.1)), f, 0.0);
        EXPECT_EQ(values_of(gpu::arange<float>(1, -1, -0.5)), (std::vector<float>{1, 0.5f, 0, -0.5f}));
        // bool: at most two elements, start and start + step.
        EXPECT_EQ(values_of(gpu::arange<bool>(2)), (std::vector<bool>{false, true}));
        EXPECT_EQ(values_of(gpu::arange<bool>(1, 3)), (std::vector<bool>{true, true}));
        EXPECT_EQ(values_of(gpu::arange<bool>(1)), (std::vector<bool>{false}));
    }
}

TEST(Arange, Errors) {
    expect_error<gpu::value_error>([] { gpu::arange(0, 5, 0); }, "division by zero");
    expect_error<gpu::value_error>([] { gpu::arange(0, 0, 0); }, "division by zero");
    expect_error<gpu::value_error>([] { gpu::arange(0.0, 1.0, 0.0); }, "float division by zero");
    expect_error<gpu::value_error>([] { gpu::arange(0, 5, 0.0); }, "float division by zero");
    expect_error<gpu::value_error>([] { gpu::arange(std::nan("")); }, "arange: cannot compute length");
    expect_error<gpu::overflow_error>([] { gpu::arange(0.0, std::numeric_limits<double>::infinity()); },
                                      "arange: overflow while computing length");
    expect_error<gpu::type_error>([] { gpu::arange<bool>(3); },
                                  "arange() is only supported for booleans when the result has at most length 2.");
    expect_error<gpu::overflow_error>([] { gpu::arange<std::uint8_t>(-1, 3); },
                                      "Python integer -1 out of bounds for uint8");
    expect_error<gpu::overflow_error>([] { gpu::arange<std::uint8_t>(255, 258); },
                                      "Python integer 256 out of bounds for uint8");  // start + step
}

TEST(Linspace, Values) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::linspace(2.0, 3.0, 5);
        static_assert(std::is_same_v<decltype(a), const gpu::ndarray<double>>);
        EXPECT_EQ(a.where(), ex);
        EXPECT_EQ(values_of(a), (std::vector<double>{2.0, 2.25, 2.5, 2.75, 3.0}));
        expect_values(values_of(gpu::linspace(2.0, 3.0, 5, false)), {2.0, 2.2, 2.4, 2.6, 2.8}, 1e-15);
        EXPECT_EQ(gpu::linspace(0, 1).size(), 50);
        // NumPy's formula: i * step + start, the endpoint exactly stop.
        for (const auto& [start, stop, num] : {std::tuple{0.1, 0.7, 7}, std::tuple{-1.3, 2.9, 11}, std::tuple{0.0, 1.0, 7}}) {
            const double step = (stop - start) / (num - 1);
            std::vector<double> expect;
            for (int i = 0; i < num; ++i) expect.push_back(i * step + start);
            expect.back() = stop;
            expect_values(values_of(gpu::linspace(start, stop, num)), expect, 0.0);
        }
        // num 0 and 1, with and without the endpoint.
        EXPECT_EQ(gpu::linspace(0, 1, 0).size(), 0);
        EXPECT_EQ(values_of(gpu::linspace(3, 7, 1)), (std::vector<double>{3}));
        EXPECT_EQ(values_of(gpu::linspace(3, 7, 1, false)), (std::vector<double>{3}));
        EXPECT_EQ(values_of(gpu::linspace(5, 5, 3)), (std::vector<double>{5, 5, 5}));
        EXPECT_EQ(values_of(gpu::linspace(1, -1, 5)), (std::vector<double>{1, 0.5, 0, -0.5, -1}));
        // A step that underflows to 0 (NumPy's gh-5437): y = i / div * delta instead.
        const double tiny = std::numeric_limits<double>::denorm_min();
        EXPECT_EQ(values_of(gpu::linspace(0.0, tiny, 5)), (std::vector<double>{0, 0, 0, tiny, tiny}));
    }
}

TEST(Linspace, Dtypes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto i = gpu::linspace<std::int32_t>(-2.5, 2.5, 6);  // floored, not truncated
        static_assert(std::is_same_v<decltype(i), const gpu::ndarray<std::int32_t>>);
        EXPECT_EQ(i.where(), ex);
        EXPECT_EQ(values_of(i), (std::vector<std::int32_t>{-3, -2, -1, 0, 1, 2}));
        EXPECT_EQ(values_of(gpu::linspace<std::int64_t>(0, 10, 4)), (std::vector<std::int64_t>{0, 3, 6, 10}));
        EXPECT_EQ(values_of(gpu::linspace<std::uint8_t>(0, 255, 4)), (std::vector<std::uint8_t>{0, 85, 170, 255}));
        EXPECT_EQ(values_of(gpu::linspace<bool>(0, 1, 3)), (std::vector<bool>{false, true, true}));
        EXPECT_EQ(values_of(gpu::linspace<float>(0, 1, 5)), (std::vector<float>{0, 0.25f, 0.5f, 0.75f, 1}));
        expect_values(values_of(gpu::linspace<float>(0, 1, 3, false)), {0.0f, 1.0f / 3, 2.0f / 3});
    }
}

TEST(Linspace, NegativeNum) {
    expect_error<gpu::value_error>([] { gpu::linspace(0, 1, -1); }, "Number of samples, -1, must be non-negative.");
    expect_error<gpu::value_error>([] { gpu::logspace(0, 1, -5); }, "Number of samples, -5, must be non-negative.");
}

TEST(Logspace, Values) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        // NumPy's documented examples.
        const auto a = gpu::logspace(2.0, 3.0, 4);
        EXPECT_EQ(a.where(), ex);
        expect_values(values_of(a), {100.0, 215.443469, 464.15888336, 1000.0}, 1e-8);
        expect_values(values_of(gpu::logspace(2.0, 3.0, 4, false)), {100.0, 177.827941, 316.22776602, 562.34132519},
                      1e-8);
        expect_values(values_of(gpu::logspace(2.0, 3.0, 4, true, 2.0)), {4.0, 5.0396842, 6.34960421, 8.0}, 1e-8);
        EXPECT_EQ(gpu::logspace(0, 1, 0).size(), 0);
        EXPECT_EQ(gpu::logspace(0, 1).size(), 50);
        // dtype=: power in float64, then converted (truncated, not floored).
        EXPECT_EQ(values_of(gpu::logspace<std::int32_t>(0.5, 2.5, 3)), (std::vector<std::int32_t>{3, 31, 316}));
        expect_values(values_of(gpu::logspace<float>(0, 2, 3)), {1.0f, 10.0f, 100.0f});
    }
}

template <class E>
void expect_flat_kernels_compile(const char* what) {
    for (int vec : {1, 4}) {
        gpu::detail::kernel_variant v;
        v.vec = vec;
        try {
            EXPECT_FALSE(gpu::detail::compile_cubin(gpu::detail::elementwise_kernel_source<E>(v), gpu::detail::compile_target{9, 0})
                             .cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << what << ", vec " << vec << ": " << e.what();
        }
    }
}

// NVRTC (no GPU needed) accepts the kernels of every kind of range.
TEST(Ranges, KernelsCompile) {
    using namespace gpu::detail;
    const linspace_plan p = plan_linspace(0, 1, 5, true);
    expect_flat_kernels_compile<decltype(arange_expr<double>(3, 0.0, 1.0))>("arange float64");
    expect_flat_kernels_compile<decltype(arange_expr<float>(3, 0.0f, 1.0f))>("arange float32");
    expect_flat_kernels_compile<decltype(arange_expr<std::int64_t>(3, 0, 1))>("arange int64");
    expect_flat_kernels_compile<decltype(arange_expr<std::uint8_t>(3, 0, 1))>("arange uint8");
    expect_flat_kernels_compile<decltype(arange_expr<bool>(2, false, true))>("arange bool");
    expect_flat_kernels_compile<decltype(linspace_expr<double>(p))>("linspace float64");
    expect_flat_kernels_compile<decltype(linspace_expr<std::int32_t>(p))>("linspace int32");
    expect_flat_kernels_compile<decltype(logspace_expr<float>(p, 10.0))>("logspace float32");
}

}  // namespace
