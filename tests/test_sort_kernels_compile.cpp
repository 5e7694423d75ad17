// NVRTC compiles of the sort kernels (no GPU needed): CUB's onesweep radix sort kernels
// (histogram, exclusive sum, onesweep) with our sm_90 policy, and the helper kernels. Each CUB
// kernel costs 1-3 s of NVRTC, so CI compiles a representative few (float32 keys, int64 pairs,
// bool keys, row-id keys); every key / value / offset combination the library launches is
// compiled when GPU_NDARRAY_DEVICE=cuda (the GPU run). float16 / bfloat16 sorts run the uint32
// (long rows: radix keys) and float32 (short rows) CUB kernels, complex sorts real argsorts: no
// CUB kernel of their own; their helper, element-wise and gather kernels are compiled here.
#include "support.hpp"

#include <gpu/sorting.hpp>

#include <complex>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>

namespace {

namespace d = gpu::detail;

bool all_variants() {
    const char* e = std::getenv("GPU_NDARRAY_DEVICE");
    return e && std::string(e) == "cuda";
}

void compiles_source(const d::kernel_source& src, const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_TRUE(src.name_expression);
    try {
        const d::compiled_kernel k = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(k.cubin.size(), 0u);
        EXPECT_FALSE(k.symbol.empty());
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what() << "\n" << e.log();
    }
}

template <class K>
void compiles(const std::string& what) {
    compiles_source(K::source(), what);
}

TEST(SortKernels, CcclVersionInTheSource) {
    EXPECT_GE(d::cccl_version(), 2000000);
    const std::string code = d::radix_onesweep_kernel<float, d::no_values, unsigned>::source().code;
    EXPECT_NE(code.find("#define GND_CCCL_VERSION " + std::to_string(d::cccl_version())), std::string::npos);
}

// The sm_90 tile sizes of CUB's policy (keys-only float: 384 x 19; int64 values: scaled to 15).
TEST(SortKernels, Tuning) {
    constexpr auto f = d::onesweep_tuning_for<float, d::no_values, unsigned>();
    EXPECT_EQ(f.threads, 384);
    EXPECT_EQ(f.items, 19);
    constexpr auto i = d::onesweep_tuning_for<int, d::no_values, unsigned>();
    EXPECT_EQ(i.items, 20);
    constexpr auto p = d::onesweep_tuning_for<float, std::int64_t, unsigned>();
    EXPECT_EQ(p.threads, 384);
    EXPECT_EQ(p.items, 15);
    constexpr auto b = d::onesweep_tuning_for<std::uint8_t, d::no_values, unsigned>();
    EXPECT_EQ(b.threads, 512);
    EXPECT_EQ(b.items, 19);
}

TEST(SortKernels, RepresentativeCubKernels) {
    compiles<d::radix_histogram_kernel<float, unsigned>>("histogram float32");
    compiles<d::radix_exclusive_sum_kernel<unsigned>>("exclusive sum");
    compiles<d::radix_onesweep_kernel<float, d::no_values, unsigned>>("onesweep float32 keys");
    compiles<d::radix_onesweep_kernel<double, std::int64_t, unsigned>>("onesweep float64 / int64 pairs");
}

TEST(SortKernels, HelperKernels) {
    compiles<d::sort_prepare_kernel<float>>("prepare float32");
    compiles<d::sort_prepare_kernel<double>>("prepare float64");
    compiles<d::sort_iota_kernel>("iota");
    compiles<d::sort_row_of_kernel<unsigned int>>("row of (uint32)");
    compiles<d::sort_row_of_kernel<std::uint64_t>>("row of (uint64)");
    std::apply([](auto... t) { (compiles<d::sort_gather_rows_kernel<decltype(t)>>("gather rows"), ...); },
               std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                          std::uint32_t, std::uint64_t, float, double, gpu::float16, gpu::bfloat16>{});
    // 2-byte floats of long rows: radix keys in, values out (their CUB kernels are uint32's).
    compiles<d::sort_half_keys_kernel<gpu::float16>>("half keys float16");
    compiles<d::sort_half_keys_kernel<gpu::bfloat16>>("half keys bfloat16");
    compiles<d::sort_half_values_kernel<gpu::float16>>("half values float16");
    compiles<d::sort_half_values_kernel<gpu::bfloat16>>("half values bfloat16");
}

template <class K>
void every_key_kernel() {
    using RK = d::radix_key_t<K>;
    compiles<d::radix_histogram_kernel<RK, unsigned>>("histogram");
    compiles<d::radix_histogram_kernel<RK, std::uint64_t>>("histogram 64");
    compiles<d::radix_onesweep_kernel<RK, d::no_values, unsigned>>("onesweep keys");
    compiles<d::radix_onesweep_kernel<RK, d::no_values, std::uint64_t>>("onesweep keys 64");
    compiles<d::radix_onesweep_kernel<RK, std::int64_t, unsigned>>("onesweep pairs");
    compiles<d::radix_onesweep_kernel<RK, std::int64_t, std::uint64_t>>("onesweep pairs 64");
}

// Every CUB kernel the library launches (the GPU run only: ~1-3 s of NVRTC each).
TEST(SortKernels, EveryCubKernel) {
    if (!all_variants()) GTEST_SKIP() << "set GPU_NDARRAY_DEVICE=cuda to compile every CUB kernel variant";
    compiles<d::radix_exclusive_sum_kernel<std::uint64_t>>("exclusive sum 64");
    std::apply([](auto... t) { (every_key_kernel<decltype(t)>(), ...); },
               std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                          std::uint32_t, std::uint64_t, float, double>{});
}

}  // namespace

namespace {

// The block-per-row kernels: the smallest and largest tier for float32 in CI; every tier and every key type when on the GPU run.
TEST(SortKernels, RowSortKernels) {
    for (int tier = 0; tier < d::row_sort_tier_count; tier += all_variants() ? 1 : d::row_sort_tier_count - 1)
        compiles_source(d::row_sort_kernel<float>::source(tier), "row sort float32 tier " + std::to_string(tier));
    if (!all_variants()) return;
    std::apply(
        [](auto... t) {
            (compiles_source(d::row_sort_kernel<d::radix_key_t<decltype(t)>>::source(d::row_sort_tier_count - 1),
                             "row sort"),
             ...);
        },
        std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                   std::uint32_t, std::uint64_t, double>{});
}

}  // namespace

namespace {

template <class T>
gpu::ndarray<T> arr() {
    return gpu::ndarray<T>();
}

template <class H>
void half_sort_kernels() {
    using gpu::detail::as_node;
    using gpu_test::expect_kernel_variants_compile;
    const std::string name(gpu::dtype_name_v<H>);
    expect_kernel_variants_compile<decltype(as_node(arr<H>().template astype<float>()))>(name + " keys as float32");
    expect_kernel_variants_compile<decltype(as_node(arr<float>().template astype<H>()))>("float32 keys back to " + name);
    // The median's middle mean (np.mean's float32 sum), NaN lanes kept.
    const auto lo = arr<H>(), hi = arr<H>(), last = arr<H>();
    expect_kernel_variants_compile<decltype(as_node(gpu::where(last != last, last, gpu::detail::middle_mean(lo, hi))))>(
        name + " median");
}

template <class C>
void complex_sort_kernels() {
    namespace d = gpu::detail;
    using F = typename C::value_type;
    const std::string name(gpu::dtype_name_v<C>);
    gpu_test::expect_kernel_variants_compile<
        d::cast_node<std::uint8_t, decltype(d::as_node(d::complex_nan_group(arr<F>(), arr<F>())))>>(name + " NaN group");
    compiles<d::gather_kernel<d::storage_t<C>, std::int64_t>>(name + " gather");
}

TEST(SortKernels, NewDtypePaths) {
    half_sort_kernels<gpu::float16>();
    half_sort_kernels<gpu::bfloat16>();
    complex_sort_kernels<std::complex<float>>();
    complex_sort_kernels<std::complex<double>>();
    // The NaN groups' uint8 argsort and gather are bool's kernels (EveryCubKernel, RowSortKernels).
}

}  // namespace
