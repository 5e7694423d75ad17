// Every instantiation of the indexing kernels (indexing/kernels.hpp) that the library launches
// is compiled by NVRTC: no GPU needed, so CI checks that the kernels of take, put, boolean masks
// and nonzero are valid CUDA for every storage size, index dtype and mask dtype.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include <limits>
#include <string>
#include <tuple>
#include <type_traits>

namespace {

namespace d = gpu::detail;

template <class K>
void compiles(const std::string& what) {
    SCOPED_TRACE(what);
    const d::kernel_source src = K::source();
    ASSERT_TRUE(src.name_expression);
    ASSERT_EQ(src.entry.rfind("gnd::", 0), 0u) << src.entry;
    try {
        const d::compiled_kernel k = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(k.cubin.size(), 0u);
        EXPECT_FALSE(k.symbol.empty());
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

template <class T>
std::string name() {
    return std::string(gpu::dtype_name_v<T>);
}

// What the launchers instantiate: gathers, puts, selections and assignments on storage_t of the
// element type (one unsigned type per size), counts and coordinates on truth_t of every dtype.
using storage_types = std::tuple<std::uint8_t, std::uint16_t, std::uint32_t, std::uint64_t>;
using index_types = std::tuple<std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                               std::uint32_t, std::uint64_t>;
using all_dtypes = std::tuple<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint16_t,
                              std::uint32_t, std::uint64_t, float, double>;

template <class S>
void gathers_and_puts() {
    std::apply(
        [](auto... idx) {
            (compiles<d::gather_kernel<S, decltype(idx)>>("take " + name<S>() + "[" + name<decltype(idx)>() + "]"), ...);
            (compiles<d::put_kernel<S, decltype(idx)>>("put " + name<S>() + "[" + name<decltype(idx)>() + "]"), ...);
        },
        index_types{});
}

TEST(LibraryKernels, GatherAndPut) {
    std::apply([](auto... s) { (gathers_and_puts<decltype(s)>(), ...); }, storage_types{});
}

TEST(LibraryKernels, MaskSelectAndAssign) {
    using mask_t = d::truth_t<bool>;
    std::apply(
        [](auto... s) {
            (compiles<d::compact_kernel<mask_t, d::gnd::select_action<decltype(s)>>>("a[mask] " + name<decltype(s)>()),
             ...);
            (compiles<d::compact_kernel<mask_t, d::gnd::assign_action<decltype(s)>>>("a[mask] = values " +
                                                                                     name<decltype(s)>()),
             ...);
        },
        storage_types{});
}

TEST(LibraryKernels, CountAndNonzero) {
    std::apply(
        [](auto... t) {
            (compiles<d::count_kernel<d::truth_t<decltype(t)>>>("count_nonzero " + name<decltype(t)>()), ...);
            (compiles<d::compact_kernel<d::truth_t<decltype(t)>, d::gnd::coords_action<long long>>>(
                 "nonzero " + name<decltype(t)>()),
             ...);
        },
        all_dtypes{});
}

// Types that share a kernel really do: gathers move bytes, so float and int32 are one source.
TEST(LibraryKernels, StorageSharing) {
    static_assert(std::is_same_v<d::storage_t<float>, d::storage_t<std::int32_t>>);
    static_assert(std::is_same_v<d::storage_t<double>, std::uint64_t>);
    static_assert(std::is_same_v<d::truth_t<bool>, std::uint8_t>);
    static_assert(std::is_same_v<d::truth_t<float>, float>);  // -0.0 is false, NaN true
    using from_float = d::gather_kernel<d::storage_t<float>, int>;
    using from_uint32 = d::gather_kernel<d::storage_t<std::uint32_t>, int>;
    EXPECT_EQ(from_float::source().entry, from_uint32::source().entry);
    EXPECT_EQ(from_float::source().code, from_uint32::source().code);
    EXPECT_EQ(&d::kernel_slots<from_float>::slot[0], &d::kernel_slots<from_uint32>::slot[0]);
}

// The per-element rules the kernels share with the host executor.
TEST(LibraryKernels, SharedRules) {
    long long x = 0;
    EXPECT_TRUE(d::gnd::wrap_index(-1, 5, x));
    EXPECT_EQ(x, 4);
    EXPECT_TRUE(d::gnd::wrap_index(4, 5, x));
    EXPECT_EQ(x, 4);
    EXPECT_FALSE(d::gnd::wrap_index(5, 5, x));
    EXPECT_FALSE(d::gnd::wrap_index(-6, 5, x));
    EXPECT_TRUE(d::gnd::wrap_index(std::uint8_t{255}, 300, x));
    EXPECT_EQ(x, 255);
    EXPECT_FALSE(d::gnd::truth(-0.0));
    EXPECT_TRUE(d::gnd::truth(std::numeric_limits<float>::quiet_NaN()));
    EXPECT_TRUE(d::gnd::truth(std::uint8_t{1}));
}

}  // namespace
