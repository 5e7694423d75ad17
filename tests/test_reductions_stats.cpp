// mean, var, std (ddof), norm and count_nonzero along axes, with NumPy's dtypes and values, and
// the ndarray members, on every executor.
#include "support.hpp"

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

TEST(ReduceStats, Mean) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = gpu_test::arange<std::int32_t>({2, 3});
        expect_values<double>(values_of(gpu::mean(x)), {2.5});
        expect_values<double>(values_of(gpu::mean(x, 0)), {1.5, 2.5, 3.5});
        expect_values<double>(values_of(x.mean(1, true)), {1, 4});
        EXPECT_EQ(gpu::to_string(x.mean(1, true).shape()), "(2,1)");
        const auto b = gpu_test::make_bool({1, 0, 1, 1}, {4});
        expect_values<double>(values_of(gpu::mean(b)), {0.75});
        const auto f = make<float>({1, 2, 3, 4}, {2, 2});
        expect_values<float>(values_of(gpu::mean(f, gpu::dims{0, 1})), {2.5f});
        expect_values<float>(values_of(gpu::mean(f * 2.f, gpu::none, true)), {5.f});
    }
}

TEST(ReduceStats, VarStd) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<std::int32_t>({1, 2, 3, 4, 6, 8}, {2, 3});
        // np.var(x) == 34/6, np.var(x, ddof=1) == 34/5
        expect_values<double>(values_of(gpu::var(x)), {5.666666666666667});
        expect_values<double>(values_of(gpu::var(x, gpu::none, false, 1)), {6.8});
        // np.var(x, axis=1) == [0.6666666666666666, 2.6666666666666665]
        expect_values<double>(values_of(gpu::var(x, 1)), {0.6666666666666666, 2.6666666666666665});
        // np.std(x, axis=0, ddof=1) == [2.1213203435596424, 2.8284271247461903, 3.5355339059327378]
        expect_values<double>(values_of(gpu::std(x, 0, false, 1)), {2.1213203435596424, 2.8284271247461903, 3.5355339059327378});
        expect_values<double>(values_of(x.std()), {2.3804761428476167});
        EXPECT_EQ(gpu::to_string(x.var(gpu::dims{1}, true).shape()), "(2,1)");
        const auto f = make<float>({1, 2, 3, 4});
        expect_values<float>(values_of(gpu::var(f)), {1.25f});
        expect_values<float>(values_of(f.std(0, false, 1)), {1.2909944f});
        // ddof >= n: NumPy divides by max(n - ddof, 0): inf, or nan for 0/0
        expect_values<float>(values_of(gpu::var(f, 0, false, 4)), {std::numeric_limits<float>::infinity()});
        expect_values<float>(values_of(gpu::var(make<float>({2, 2}), 0, false, 2)), {std::nanf("")});
    }
}

TEST(ReduceStats, Norm) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto v = make<float>({3, -4});
        expect_values<float>(values_of(gpu::norm(v)), {5});
        expect_values<float>(values_of(gpu::norm(v, 1)), {7});
        expect_values<float>(values_of(gpu::norm(v, std::numeric_limits<double>::infinity())), {4});
        expect_values<float>(values_of(gpu::norm(v, -std::numeric_limits<double>::infinity())), {3});
        expect_values<float>(values_of(gpu::norm(v, 0)), {2});
        const auto m = make<std::int32_t>({3, 4, 6, 8}, {2, 2});
        expect_values<double>(values_of(gpu::norm(m)), {std::sqrt(125.0)});  // int -> float64
        expect_values<double>(values_of(gpu::norm(m, 2, 1)), {5, 10});
        expect_values<double>(values_of(gpu::norm(m, 1, 0, true)), {9, 12});
        gpu_test::expect_error<gpu::value_error>([&] { (void)gpu::norm(v, 3); },
                                                  "gpu::norm supports the vector norms ord = 0, 1, 2, inf and -inf");
    }
}

TEST(ReduceStats, CountNonzeroAlongAxes) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>({0, 1, std::nanf(""), -0.f, 2, 0}, {2, 3});
        expect_values<std::int64_t>(values_of(gpu::count_nonzero(x, 0)), {0, 2, 1});
        expect_values<std::int64_t>(values_of(gpu::count_nonzero(x, 1, true)), {2, 1});
        expect_values<std::int64_t>(values_of(gpu::count_nonzero(x, gpu::dims{0, 1})), {3});
        EXPECT_EQ(gpu::count_nonzero(x), 3);
    }
}

TEST(ReduceStats, MembersMatchFreeFunctions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<double>({4, 1, 3, 2}, {2, 2});
        EXPECT_EQ(x.sum().item(), 10);
        EXPECT_EQ(x.prod().item(), 24);
        EXPECT_EQ(x.min().item(), 1);
        EXPECT_EQ(x.max().item(), 4);
        EXPECT_EQ(x.mean().item(), 2.5);
        EXPECT_EQ(x.var().item(), 1.25);
        EXPECT_EQ(x.argmin().item(), 1);
        EXPECT_EQ(x.argmax().item(), 0);
        EXPECT_TRUE(x.all().item());
        EXPECT_TRUE(x.any().item());
        expect_values<double>(values_of(x.sum(gpu::none, true)), {10});
        expect_values<double>(values_of(x.max(gpu::dims{1})), {4, 3});
        expect_values<double>(values_of(x.prod(0, true)), {12, 2});
        expect_values<std::int64_t>(values_of(x.argmax(gpu::none)), {0});
    }
}

}  // namespace
