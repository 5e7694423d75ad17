// The element-wise kernels the common functions and advanced indexing generate compile with NVRTC
// for sm_90 (no GPU needed): the index offsets of a(idx), diff on numbers and bools, gradient's
// edges, interp's rules, select/choose chains and cross's components. Each is one expression
// type, taken with decltype of the expression the function builds.
#include <gpu/functions.hpp>

#include "support.hpp"

#include <cstdint>

namespace {

using gpu_test::expect_kernel_variants_compile;
using i64 = std::int64_t;

TEST(FunctionKernels, AdvancedIndexingOffsets) {
    const gpu::ndarray<i64> ix({4});
    const i64 n = 3, s = 5;
    using E = decltype(gpu::where(ix < 0, ix + n, ix) * s);
    expect_kernel_variants_compile<E>("offsets", true);
    using Bad = decltype((ix < -n) | (ix >= n));
    expect_kernel_variants_compile<Bad>("bounds");
}

TEST(FunctionKernels, Differences) {
    const gpu::ndarray<float> f({4});
    const gpu::ndarray<std::uint8_t> u({4});
    const gpu::ndarray<bool> b({4});
    expect_kernel_variants_compile<decltype(f - f)>("diff float32");
    expect_kernel_variants_compile<decltype(u - u)>("diff uint8");
    expect_kernel_variants_compile<decltype(b != b)>("diff bool");
    const gpu::ndarray<double> d({4});
    expect_kernel_variants_compile<decltype((d - d) / 2.0)>("gradient inside");
    expect_kernel_variants_compile<decltype((-1.5 * d + 2.0 * d - 0.5 * d) / 1.0)>("gradient edge 2");
}

TEST(FunctionKernels, InterpSelectChooseCross) {
    const gpu::ndarray<double> xd({4}), x0({4}), x1({4}), f0({4}), f1({4}), lin({4}), alt({4}), lv(gpu::shape_t{}), rv(gpu::shape_t{});
    const gpu::ndarray<i64> count({4});
    const auto inside = gpu::where(xd == x0, f0, gpu::where(lin != lin, gpu::where((alt != alt) & (f0 == f1), f0, alt), lin));
    const auto at_end = gpu::where(xd == x1, f1, gpu::where(xd > x1, rv, inside));
    using Interp = decltype(gpu::where(xd != xd, xd, gpu::where(count == 0, lv, at_end)));
    expect_kernel_variants_compile<Interp>("interp");
    const gpu::ndarray<bool> c({4});
    const gpu::ndarray<i64> choice({4}), out({4});
    expect_kernel_variants_compile<decltype(gpu::where(c, choice, out))>("select");
    expect_kernel_variants_compile<decltype(gpu::where(count == i64{2}, choice, out))>("choose");
    const gpu::ndarray<std::int32_t> a({4});
    const gpu::ndarray<double> bb({4});
    expect_kernel_variants_compile<decltype(a * bb - a * bb)>("cross component");
}

}  // namespace
