// The generated reduction kernels compile with NVRTC (no GPU needed): every body (warp and block
// groups, outer columns), with and without vector loads, 32- and 64-bit indices, several ranks,
// for each kind of accumulator and a fused expression, a scalar operand and an index operand.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include <string>

namespace {

namespace d = gpu::detail;

template <class T>
using leaf = d::array_leaf<T>;

template <class Red, class E>
void compile_all(const std::string& what, bool all_ranks = false) {
    SCOPED_TRACE(what);
    for (int kind = 0; kind < 3; ++kind)
        for (int vec = 0; vec < 2; ++vec)
            for (int ranks = 0; ranks < (all_ranks ? 3 : 1); ++ranks) {
                d::reduce_variant v;
                v.kind = kind;
                v.vec = vec == 1;
                v.idx64 = ranks == 1;
                v.krank = ranks == 2 ? 3 : 1;
                v.rrank = ranks == 0 ? 1 : 2;
                v.width = 4;
                const std::string src = d::reduction_source<Red, E>(v);
                ASSERT_NE(src.find("gnd_kernel"), std::string::npos);
                try {
                    const auto cubin = d::compile_cubin(src, d::compile_target{9, 0});
                    EXPECT_GT(cubin.size(), 0u);
                } catch (const gpu::compile_error& e) {
                    ADD_FAILURE() << "kind " << kind << " vec " << vec << " ranks " << ranks << "\n" << e.what();
                    return;
                }
            }
}

TEST(ReductionKernels, SumAndProd) {
    compile_all<d::sum_reducer<float>, leaf<float>>("sum float32", true);
    compile_all<d::sum_reducer<std::int32_t>, leaf<std::int32_t>>("sum int32");
    compile_all<d::sum_reducer<bool>, leaf<bool>>("sum bool");
    compile_all<d::prod_reducer<std::uint16_t>, leaf<std::uint16_t>>("prod uint16");
}

TEST(ReductionKernels, MinMaxAnyAll) {
    compile_all<d::max_reducer<double>, leaf<double>>("max float64");
    compile_all<d::min_reducer<std::int8_t>, leaf<std::int8_t>>("min int8");
    compile_all<d::max_reducer<bool>, leaf<bool>>("max bool");
    compile_all<d::any_reducer<float>, leaf<float>>("any float32");
    compile_all<d::all_reducer<std::uint64_t>, leaf<std::uint64_t>>("all uint64");
}

TEST(ReductionKernels, ArgMinMax) {
    compile_all<d::argmax_reducer<float>, leaf<float>>("argmax float32", true);
    compile_all<d::argmin_reducer<std::int64_t>, leaf<std::int64_t>>("argmin int64");
    compile_all<d::argmax_reducer<bool>, leaf<bool>>("argmax bool");
}

TEST(ReductionKernels, StatsAndFused) {
    using xy = d::node_t<decltype(std::declval<gpu::ndarray<float>>() * std::declval<gpu::ndarray<float>>())>;
    compile_all<d::sum_reducer<float>, xy>("sum(x * y)", true);
    using scaled = d::node_t<decltype(std::declval<gpu::ndarray<std::int32_t>>() * 2.5)>;
    compile_all<d::mean_reducer<double>, scaled>("mean(x * 2.5)");
    compile_all<d::root_mean_reducer<double>, leaf<double>>("std float64");
    compile_all<d::sum_reducer<std::int64_t>, d::index_leaf>("sum(index)");
    compile_all<d::argmax_reducer<std::int64_t>, d::index_leaf>("argmax(index)");
}

}  // namespace
