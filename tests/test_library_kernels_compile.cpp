// Every library kernel source (indexing/kernels.hpp) is compiled by NVRTC for several dtypes:
// no GPU needed, so CI checks that the fixed kernels of take, put, boolean masks and nonzero are
// valid CUDA for every type the launchers instantiate.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include <string>
#include <tuple>
#include <type_traits>

namespace {

namespace d = gpu::detail;

template <class K>
void compiles(const std::string& what) {
    SCOPED_TRACE(what);
    const std::string src = K::source();
    ASSERT_NE(src.find("gnd_kernel"), std::string::npos);
    try {
        const auto cubin = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(cubin.size(), 0u);
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

template <class T>
std::string name() {
    return std::string(gpu::dtype_name_v<T>);
}

using index_types = std::tuple<std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t, std::uint32_t,
                               std::uint64_t>;

// The kernels for arrays of T, as the launchers name them.
template <class T>
void kernels_for() {
    using S = d::storage_t<T>;
    std::apply(
        [](auto... idx) {
            (compiles<d::gather_kernel<S, decltype(idx)>>("take " + name<T>() + "[" + name<decltype(idx)>() + "]"), ...);
            (compiles<d::put_kernel<S, decltype(idx)>>("put " + name<T>() + "[" + name<decltype(idx)>() + "]"), ...);
        },
        index_types{});
    compiles<d::count_kernel<d::truth_t<T>>>("count_nonzero " + name<T>());
    compiles<d::coords_kernel<d::truth_t<T>>>("nonzero " + name<T>());
    compiles<d::select_kernel<S>>("a[mask] " + name<T>());
    compiles<d::scatter_masked_kernel<S>>("a[mask] = values " + name<T>());
}

TEST(LibraryKernels, BoolAndIntegers) {
    kernels_for<bool>();
    kernels_for<std::int16_t>();
    kernels_for<std::int32_t>();
    kernels_for<std::uint64_t>();
}

TEST(LibraryKernels, Floats) {
    kernels_for<float>();
    kernels_for<double>();
}

// Types that share a kernel really do: gathers move bytes, so float and int32 are one source.
TEST(LibraryKernels, StorageSharing) {
    static_assert(std::is_same_v<d::storage_t<float>, d::storage_t<std::int32_t>>);
    static_assert(std::is_same_v<d::storage_t<double>, std::uint64_t>);
    static_assert(std::is_same_v<d::truth_t<bool>, std::uint8_t>);
    static_assert(std::is_same_v<d::truth_t<float>, float>);  // -0.0 is false, NaN true
    using from_float = d::gather_kernel<d::storage_t<float>, int>;
    using from_uint32 = d::gather_kernel<d::storage_t<std::uint32_t>, int>;
    EXPECT_EQ(from_float::source(), from_uint32::source());
}

}  // namespace
