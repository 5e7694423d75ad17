// The reduction kernels compile with NVRTC (no GPU needed): every template (reduce_inner with
// warp and block groups, reduce_outer), with and without vector loads, 32- and 64-bit indices,
// several ranks, for each kind of accumulator and fused expressions with scalar and index
// operands. This is CI's only check of the kernel text.
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
                const d::kernel_source src = d::reduction_kernel_source<Red, E>(v);
                ASSERT_TRUE(src.name_expression);
                ASSERT_EQ(src.entry.rfind(kind == d::reduce_variant::outer ? "gnd::reduce_outer<gnd_expr, "
                                                                            : "gnd::reduce_inner<gnd_expr, ",
                                          0),
                          0u)
                    << src.entry;
                try {
                    const auto k = d::compile_cubin(src, d::compile_target{9, 0});
                    EXPECT_GT(k.cubin.size(), 0u);
                    EXPECT_FALSE(k.symbol.empty());
                } catch (const gpu::compile_error& e) {
                    ADD_FAILURE() << "kind " << kind << " vec " << vec << " ranks " << ranks << "\n" << e.what();
                    return;
                }
            }
}

TEST(ReductionKernels, NameExpressions) {
    d::reduce_variant v;
    v.kind = d::reduce_variant::inner_warp;
    v.vec = true;
    v.width = 4;
    EXPECT_EQ(v.name_expression("gnd::red_sum<float>", "gnd::out_array<float>"),
              "gnd::reduce_inner<gnd_expr, gnd::red_sum<float>, gnd::out_array<float>, int, 1, 1, 32, true, 4>");
    v.kind = d::reduce_variant::inner_block;
    v.idx64 = true;
    v.krank = 2;
    v.rrank = 3;
    EXPECT_EQ(v.name_expression("gnd::red_argmax<double>", "gnd::out_array<long long>"),
              "gnd::reduce_inner<gnd_expr, gnd::red_argmax<double>, gnd::out_array<long long>, long long, 2, 3, 256, true, "
              "4>");
    v.kind = d::reduce_variant::outer;
    v.vec = false;
    EXPECT_EQ(v.name_expression("gnd::red_max<int>", "gnd::out_array<int>"),
              "gnd::reduce_outer<gnd_expr, gnd::red_max<int>, gnd::out_array<int>, long long, 2, 3, false, 4>");
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
    compile_all<d::argmax_reducer<double>, leaf<double>>("argmax float64 (16-byte accumulator)", true);
}

TEST(ReductionKernels, StatsAndFused) {
    using xy = d::node_t<decltype(std::declval<gpu::ndarray<float>>() * std::declval<gpu::ndarray<float>>())>;
    compile_all<d::sum_reducer<float>, xy>("sum(x * y)", true);
    using scaled = d::node_t<decltype(std::declval<gpu::ndarray<std::int32_t>>() * 2.5)>;
    compile_all<d::mean_reducer<double>, scaled>("mean(x * 2.5)");
    compile_all<d::root_mean_reducer<double>, leaf<double>>("std float64");
    compile_all<d::sum_reducer<std::int64_t>, d::index_leaf>("sum(index)");
    compile_all<d::argmax_reducer<std::int64_t>, d::index_leaf>("argmax(index)");
    // An array, a scalar and an index operand in one expression.
    using mixed = decltype(d::as_node(std::declval<gpu::ndarray<float>>() * 2.5f + d::index_leaf({4})));
    compile_all<d::sum_reducer<typename mixed::value_type>, mixed>("sum(x * 2.5 + index)", true);
    compile_all<d::argmin_reducer<typename mixed::value_type>, mixed>("argmin(x * 2.5 + index)", true);
}

}  // namespace
