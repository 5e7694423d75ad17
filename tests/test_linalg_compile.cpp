// The library's own product kernel (linalg/matmul_kernels.hpp) compiled by NVRTC for sm_90 for
// every dtype matmul sends to it (integers and bool; floats too, which the kernel also accepts):
// no GPU needed, so CI checks that it is valid CUDA. A plain kernel: ~30 ms of NVRTC each.
#include <gtest/gtest.h>

#include <gpu/linalg.hpp>

#include <string>
#include <tuple>

namespace {

namespace d = gpu::detail;

template <class R, class K = d::matmul_tiled_kernel<R>>
void compiles() {
    SCOPED_TRACE(std::string(gpu::dtype_name_v<R>));
    const d::kernel_source src = K::source();
    ASSERT_TRUE(src.name_expression);
    try {
        const d::compiled_kernel k = d::compile_cubin(src, d::compile_target{9, 0});
        EXPECT_GT(k.cubin.size(), 0u);
        EXPECT_FALSE(k.symbol.empty());
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << e.what();
    }
}

// A representative set everywhere; every dtype when a GPU is there to run them.
TEST(LinalgKernels, MatmulTiled) {
    std::apply([](auto... r) { (compiles<decltype(r)>(), ...); },
               std::tuple<bool, std::int8_t, std::int32_t, std::uint64_t>{});
    if (!gpu::cuda_available()) return;
    std::apply([](auto... r) { (compiles<decltype(r)>(), ...); },
               std::tuple<std::int16_t, std::int64_t, std::uint8_t, std::uint16_t, std::uint32_t, float, double>{});
}

// The pointer arrays of cuBLAS's batched LU and inverse: one instantiation stepping in bytes,
// for every element type (real and complex stacks).
TEST(LinalgKernels, BatchPointers) {
    compiles<std::uint8_t, d::batch_pointers_kernel<unsigned char>>();
}

}  // namespace
