// The advanced-indexing kernels (fancy_gather, fancy_scatter in indexing/kernels.hpp) compile with
// NVRTC for every storage size the launchers use (no GPU needed), and their geometry is laid out
// as the device lays it out.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include <cstddef>
#include <string>
#include <tuple>

namespace {

namespace d = gpu::detail;

template <class K>
void compiles(const std::string& what) {
    SCOPED_TRACE(what);
    const d::kernel_source src = K::source();
    ASSERT_TRUE(src.name_expression);
    try {
        const d::compiled_kernel k = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(k.cubin.size(), 0u);
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

TEST(AdvancedIndexingKernels, GatherAndScatterCompile) {
    using storage_types = std::tuple<std::uint8_t, std::uint16_t, std::uint32_t, std::uint64_t>;
    std::apply(
        [](auto... s) {
            (compiles<d::fancy_gather_kernel<decltype(s)>>("gather " + std::to_string(sizeof(s))), ...);
            (compiles<d::fancy_scatter_kernel<decltype(s)>>("scatter " + std::to_string(sizeof(s))), ...);
        },
        storage_types{});
}

// The geometry struct is a kernel argument: 2 x 16 long longs, then two ints (no padding the
// device would lay out differently).
TEST(AdvancedIndexingKernels, GeometryLayout) {
    EXPECT_EQ(sizeof(d::gnd::fancy_geometry), 2 * 16 * sizeof(long long) + 2 * sizeof(int));
    EXPECT_EQ(offsetof(d::gnd::fancy_geometry, ndim), 2 * 16 * sizeof(long long));
}

}  // namespace
