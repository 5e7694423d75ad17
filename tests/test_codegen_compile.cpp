// Every scalar operation's kernel, for every dtype it accepts, is generated and compiled by
// NVRTC (which needs no GPU), in both the flat and the strided variant. This is CI's check
// that the kernel text and the host code of each operation agree on what is valid C++.
#include "support.hpp"

#include <string>
#include <tuple>

namespace {

using gpu_test::expect_kernel_variants_compile;

using all_types = std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                             std::uint32_t, std::uint64_t, float, double>;

template <class T>
gpu::detail::array_leaf<T> leaf() {
    return gpu::detail::array_leaf<T>(gpu::ndarray<T>());
}

template <class Op, class A, class B>
void binary(bool all_variants = false) {
    using E = gpu::detail::binary_node<Op, gpu::detail::array_leaf<A>, gpu::detail::array_leaf<B>>;
    const std::string what =
        std::string(Op::name) + "(" + std::string(gpu::dtype_name_v<A>) + ", " + std::string(gpu::dtype_name_v<B>) + ")";
    expect_kernel_variants_compile<E>(what, all_variants);
}

template <class Op, class A>
void unary() {
    using E = gpu::detail::unary_node<Op, gpu::detail::array_leaf<A>>;
    expect_kernel_variants_compile<E>(std::string(Op::name) + "(" + std::string(gpu::dtype_name_v<A>) + ")");
}

template <class T>
void all_ops_for() {
    namespace g = gpu::detail::gnd;
    constexpr bool is_bool = std::is_same_v<T, bool>, is_float = std::is_floating_point_v<T>;
    binary<g::add, T, T>(/*all_variants=*/true);  // tiles and inner vectors for every dtype
    if constexpr (!is_bool) binary<g::subtract, T, T>();  // NumPy: boolean subtract is a TypeError
    binary<g::multiply, T, T>();
    binary<g::true_divide, T, T>();
    binary<g::floor_divide, T, T>();
    binary<g::remainder, T, T>();
    binary<g::power, T, T>();
    binary<g::maximum, T, T>();
    binary<g::minimum, T, T>();
    binary<g::equal, T, T>();
    binary<g::not_equal, T, T>();
    binary<g::less, T, T>();
    binary<g::less_equal, T, T>();
    binary<g::greater, T, T>();
    binary<g::greater_equal, T, T>();
    binary<g::logical_and, T, T>();
    binary<g::logical_or, T, T>();
    if constexpr (!is_float) {  // NumPy: bit operations on floats are a TypeError
        binary<g::bitwise_and, T, T>();
        binary<g::bitwise_or, T, T>();
        binary<g::bitwise_xor, T, T>();
        binary<g::left_shift, T, T>();
        binary<g::right_shift, T, T>();
        unary<g::invert, T>();
    }
    if constexpr (!is_bool) unary<g::negative, T>();
    if constexpr (!is_bool) unary<g::positive, T>();  // NumPy 2 has no boolean positive
    unary<g::absolute, T>();
    unary<g::floor_, T>();
    unary<g::ceil_, T>();
    unary<g::logical_not, T>();
    if constexpr (is_float || sizeof(T) > 1) {  // NumPy computes these in float16 for 1-byte types
        unary<g::sqrt_, T>();
        unary<g::exp_, T>();
        unary<g::log_, T>();
        unary<g::sin_, T>();
        unary<g::cos_, T>();
        unary<g::tan_, T>();
        unary<g::tanh_, T>();
    }
}

template <class T>
class CodegenCompile : public ::testing::Test {};
using dtypes = ::testing::Types<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                std::uint16_t, std::uint32_t, std::uint64_t, float, double>;
TYPED_TEST_SUITE(CodegenCompile, dtypes);

TYPED_TEST(CodegenCompile, EveryOperation) { all_ops_for<TypeParam>(); }

// Mixed operands exercise the loop-type conversions and the exact mixed-sign comparisons.
TEST(CodegenCompileMixed, PromotionPaths) {
    namespace g = gpu::detail::gnd;
    binary<g::add, std::int8_t, std::uint64_t>();
    binary<g::less, std::int64_t, std::uint64_t>();
    binary<g::equal, std::uint32_t, std::int8_t>();
    binary<g::true_divide, std::int32_t, float>();
    binary<g::floor_divide, std::uint8_t, double>();
    binary<g::left_shift, bool, std::int32_t>();
}

TEST(CodegenCompileMixed, CastsAndWhere) {
    using namespace gpu::detail;
    expect_kernel_variants_compile<cast_node<std::uint8_t, array_leaf<double>>>("astype<uint8>(float64)");
    expect_kernel_variants_compile<cast_node<bool, array_leaf<float>>>("astype<bool>(float32)");
    expect_kernel_variants_compile<cast_node<std::uint64_t, array_leaf<float>>>("astype<uint64>(float32)");
    expect_kernel_variants_compile<where_node<array_leaf<bool>, array_leaf<std::int8_t>, scalar_leaf<double>>>("where", true);
}

// The benchmark expression, as users write it.
TEST(CodegenCompileMixed, BenchmarkExpression) {
    gpu::executor_scope host(gpu::executor::host);
    gpu::ndarray<float> x({4}), y({4});
    auto e = gpu::detail::as_node(gpu::sin(x) * gpu::exp(-y) + gpu::sqrt(gpu::abs(x * y)) / (1 + x * x));
    expect_kernel_variants_compile<decltype(e)>("sin(x)*exp(-y) + sqrt(abs(x*y))/(1+x*x)");
}

}  // namespace
