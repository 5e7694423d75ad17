// The kernels of the ufuncs of issue 11 (expr/ops.hpp: fabs ... heaviside, round, ldexp, the
// halves of modf and frexp), generated and compiled by NVRTC (no GPU needed) for every dtype each
// accepts. To keep CI fast, all the operations of one group and dtype go into one kernel (one
// NVRTC compile): the sum of their results as float64. CI compiles the flat variant; with
// GPU_NDARRAY_DEVICE=cuda every variant (strided, tiled, 64-bit indices) as well.
#include "support.hpp"

#include <cstdlib>
#include <string>

namespace {

namespace d = gpu::detail;
namespace g = gpu::detail::gnd;

template <class T> using S = d::scalar_leaf<T>;
template <class T> using A = d::array_leaf<T>;
template <class Op, class T> using U = d::unary_node<Op, S<T>>;
template <class Op, class X, class Y> using B = d::binary_node<Op, S<X>, S<Y>>;

// The float64 sum of the nodes, plus one array (so the kernel reads memory as any does).
template <class... N> struct sum_of;
template <class N> struct sum_of<N> { using type = d::binary_node<g::add, d::cast_node<double, N>, A<double>>; };
template <class N, class... Rest> struct sum_of<N, Rest...> {
    using type = d::binary_node<g::add, d::cast_node<double, N>, typename sum_of<Rest...>::type>;
};

bool all_variants() {
    const char* dev = std::getenv("GPU_NDARRAY_DEVICE");
    return dev && std::string(dev) == "cuda";
}

template <class E>
void compiles(const std::string& what) {
    if (all_variants()) {
        gpu_test::expect_kernel_variants_compile<E>(what, true);
        return;
    }
    SCOPED_TRACE(what);
    gpu::detail::kernel_variant v;
    v.rank = 1;
    v.vec = 4;
    const gpu::detail::kernel_source src = gpu::detail::elementwise_kernel_source<E>(v);
    try {
        EXPECT_FALSE(gpu::detail::compile_cubin(src, gpu::detail::compile_target{9, 0}).cubin.empty());
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

template <class T>
class UfuncsCompile : public ::testing::Test {};
TYPED_TEST_SUITE(UfuncsCompile, gpu_test::all_dtypes, gpu_test::dtype_names);

// Every dtype: the predicates, trunc, fmax / fmin, logical_xor, float_power.
TYPED_TEST(UfuncsCompile, AnyDtype) {
    using T = TypeParam;
    compiles<typename sum_of<U<g::isnan_, T>, U<g::isinf_, T>, U<g::isfinite_, T>, U<g::isposinf_, T>,
                             U<g::isneginf_, T>, U<g::signbit_, T>, U<g::trunc_, T>, B<g::fmax_, T, T>,
                             B<g::fmin_, T, T>, B<g::logical_xor, T, T>,
                             B<g::float_power, T, T>>::type>("predicates, trunc, fmax, fmin, logical_xor, float_power");
}

// Every dtype (bools compute in int8): square, reciprocal, fmod; and, but for bools, sign and round.
TYPED_TEST(UfuncsCompile, NoBoolLoop) {
    using T = TypeParam;
    if constexpr (std::is_same_v<T, bool>)
        compiles<typename sum_of<U<g::square, T>, U<g::reciprocal, T>, B<g::fmod_, T, T>>::type>(
            "square, reciprocal, fmod");
    else
        compiles<typename sum_of<U<g::square, T>, U<g::reciprocal, T>, U<g::sign_, T>, B<g::fmod_, T, T>,
                                 B<g::round_, T, std::int64_t>>::type>("square, reciprocal, sign, fmod, round");
}

// The float functions: floats, and integers of 2 bytes or more (NumPy uses float16 below).
TYPED_TEST(UfuncsCompile, FloatFunctions) {
    using T = TypeParam;
    if constexpr (std::is_floating_point_v<T> || (sizeof(T) > 1 && !std::is_same_v<T, bool>)) {
        compiles<typename sum_of<U<g::fabs_, T>, U<g::cbrt_, T>, U<g::exp2_, T>, U<g::expm1_, T>, U<g::log2_, T>,
                                 U<g::log10_, T>, U<g::log1p_, T>, U<g::modf_fraction, T>, U<g::modf_integral, T>,
                                 U<g::frexp_mantissa, T>, U<g::frexp_exponent, T>, U<g::arcsin_, T>,
                                 U<g::arccos_, T>, U<g::arctan_, T>, U<g::sinh_, T>, U<g::cosh_, T>,
                                 U<g::arcsinh_, T>, U<g::arccosh_, T>, U<g::arctanh_, T>, U<g::degrees_, T>,
                                 U<g::radians_, T>, U<g::rint_, T>, U<g::spacing_, T>>::type>("unary float functions");
        compiles<typename sum_of<B<g::logaddexp, T, T>, B<g::logaddexp2, T, T>, B<g::arctan2_, T, T>,
                                 B<g::hypot_, T, T>, B<g::copysign_, T, T>, B<g::nextafter_, T, T>,
                                 B<g::heaviside_, T, T>, B<g::ldexp_, T, std::int32_t>,
                                 B<g::ldexp_, T, std::int64_t>>::type>("binary float functions");
    }
}

// The integer-only functions.
TYPED_TEST(UfuncsCompile, IntegerFunctions) {
    using T = TypeParam;
    if constexpr (!std::is_floating_point_v<T> && !std::is_same_v<T, bool>)
        compiles<typename sum_of<B<g::gcd_, T, T>, B<g::lcm_, T, T>, B<g::bitwise_and, T, T>,
                                 B<g::left_shift, T, T>>::type>("gcd, lcm, bitwise_and, left_shift");
}

// Mixed dtypes through the new rules, and the composite functions as users write them.
TEST(UfuncsCompileMixed, RulesAndComposites) {
    compiles<typename sum_of<B<g::hypot_, std::int16_t, float>, B<g::logaddexp, std::int32_t, std::uint32_t>,
                             B<g::gcd_, std::int8_t, std::uint8_t>, B<g::left_shift, bool, bool>, B<g::fmax_, bool, double>,
                             B<g::copysign_, std::uint64_t, std::int64_t>>::type>("mixed dtypes");
    gpu::executor_scope host(gpu::executor::host);
    gpu::ndarray<float> x({4}), y({4});
    auto e = d::as_node(gpu::log1p(gpu::abs(x)) * gpu::sign(y) + gpu::hypot(x, y));
    compiles<decltype(e)>("log1p(abs(x)) * sign(y) + hypot(x, y)");
    auto c = d::as_node(gpu::isclose(x, y) & gpu::isfinite(gpu::nan_to_num(x)));
    compiles<decltype(c)>("isclose & nan_to_num");
}

// The tiled kernel holds one padded 32 x 33 tile per array leaf in static shared memory (48 KiB
// at most): an expression with more leaves never takes it (ptxas would refuse the kernel); an index
// leaf counts as the long long the kernel holds, not as the 1-byte operand of the layout.
TEST(UfuncsCompileMixed, TiledOnlyWhereTheTilesFit) {
    gpu::executor_scope host(gpu::executor::host);
    gpu::ndarray<float> p({64, 64}), q({64, 64});
    gpu::ndarray<bool> mask({64, 64});
    gpu::ndarray<float> sum({64, 64});
    auto small = d::as_node(p.T() + q);
    EXPECT_EQ(d::transposed_operands<decltype(small)>(d::make_layout(sum, small)), 1u);
    auto big = d::as_node(gpu::isclose(p.T(), q) & gpu::isfinite(gpu::nan_to_num(p.T())));
    static_assert(decltype(big)::tile_item_bytes * d::tile_bytes_per_item > d::tile_smem_limit);
    EXPECT_EQ(d::transposed_operands<decltype(big)>(d::make_layout(mask, big)), 0u);
}

}  // namespace

namespace {

// The NaN-aware accumulators (reductions/reduce_ops.hpp) in the reduction kernels: the inner
// (warp) kernel with vector loads in CI; every kernel kind with GPU_NDARRAY_DEVICE=cuda.
template <template <class> class RedOf, class T>
void reduction_compiles(const std::string& what) {
    using E = d::array_leaf<T>;
    using Red = RedOf<T>;
    SCOPED_TRACE(what + " " + std::string(gpu::dtype_name_v<T>));
    for (int kind = 0; kind < (all_variants() ? 3 : 1); ++kind) {
        d::reduce_variant v;
        v.kind = kind;
        v.vec = true;
        v.width = 4;
        try {
            EXPECT_FALSE(d::compile_cubin(d::reduction_kernel_source<Red, E>(v), d::compile_target{9, 0}).cubin.empty());
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << "kind " << kind << ": " << e.what();
        }
    }
}

TEST(UfuncsCompileReductions, NanAccumulators) {
    reduction_compiles<d::nansum_reducer, float>("nansum");
    reduction_compiles<d::nanprod_reducer, double>("nanprod");
    reduction_compiles<d::nanmax_reducer, float>("nanmax");
    reduction_compiles<d::nanmin_reducer, double>("nanmin");
    reduction_compiles<d::nanargmax_reducer, float>("nanargmax");
    reduction_compiles<d::nanargmin_reducer, double>("nanargmin");
    reduction_compiles<d::nanmean_reducer, float>("nanmean");
    reduction_compiles<d::nanroot_mean_reducer, double>("nanstd");
    reduction_compiles<d::nanmean_reducer, std::int32_t>("nanmean");
    reduction_compiles<d::nanargmax_reducer, std::int16_t>("nanargmax");
    reduction_compiles<d::nanmax_reducer, std::uint8_t>("nanmax");
}

// The two-result kernels (divmod, modf, frexp): one functor whose value is a gnd::two, its halves
// stored into two arrays (mixed operand dtypes, a half type, a float and an int32 result).
TEST(UfuncPairsCompile, DivmodModfFrexp) {
    using dm = d::two_node<d::binary_node<g::floor_divide, A<std::int32_t>, A<std::int64_t>>,
                           d::binary_node<g::remainder, A<std::int32_t>, A<std::int64_t>>>;
    using mf = d::two_node<d::unary_node<g::modf_fraction, A<gpu::float16>>, d::unary_node<g::modf_integral, A<gpu::float16>>>;
    using fx = d::two_node<d::unary_node<g::frexp_mantissa, A<double>>, d::unary_node<g::frexp_exponent, A<double>>>;
    compiles<dm>("divmod int32, int64");
    compiles<mf>("modf float16");
    compiles<fx>("frexp float64");
}

// int64 `x // c % d` with scalar divisors (unravel_index's kernel), flat and unrolled: written with
// early returns, NVRTC spent over ten minutes on it (the two ops are selects now).
TEST(UfuncsCompileIntegerDivision, ScalarDivisorChain) {
    compiles<d::binary_node<g::remainder, d::binary_node<g::floor_divide, A<std::int64_t>, S<std::int64_t>>, S<std::int64_t>>>(
        "int64 x // c % d");
}

}  // namespace
