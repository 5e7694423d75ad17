// The in-memory kernel cache: concurrent first uses of an expression compile once, and new
// shapes or scalar values reuse the kernel. These need a GPU; on the host executor they check
// that the same expressions evaluate correctly from several threads at once.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include <thread>
#include <vector>

namespace {

long kernels_built() {
    auto& c = gpu::detail::jit_counters();
    return c.compiled.load() + c.disk_hits.load();
}

std::vector<gpu::executor> executors() {
    std::vector<gpu::executor> e{gpu::executor::host};
    if (gpu::cuda_available()) e.push_back(gpu::executor::cuda);
    return e;
}

TEST(Jit, ConcurrentFirstUseCompilesOnceAndIsCorrect) {
    for (gpu::executor where : executors()) {
        SCOPED_TRACE(gpu::to_string(where));
        gpu::executor_scope scope(where);
        const long before = kernels_built();
        constexpr int n_threads = 16;
        std::vector<std::thread> threads;
        std::vector<int> ok(n_threads, 0);
        for (int t = 0; t < n_threads; ++t) {
            threads.emplace_back([&, t] {
                gpu::executor_scope inner(where);  // the override is per thread
                std::vector<double> xs(1000 + t), ys(1000 + t);
                for (std::size_t i = 0; i < xs.size(); ++i) {
                    xs[i] = 0.5 * static_cast<double>(i) + t;
                    ys[i] = 3.0 - static_cast<double>(i % 7);
                }
                auto x = gpu::asarray(xs);
                auto y = gpu::asarray(ys);
                // An expression type used nowhere else in the suite, so its kernel is new.
                gpu::ndarray<double> z = gpu::maximum(x * y - t, gpu::floor(y) * 0.25);
                auto r = gpu::asnumpy(z);
                bool good = true;
                for (std::size_t i = 0; i < xs.size(); ++i)
                    good &= r[static_cast<std::int64_t>(i)] == std::max(xs[i] * ys[i] - t, std::floor(ys[i]) * 0.25);
                ok[t] = good;
            });
        }
        for (auto& th : threads) th.join();
        for (int t = 0; t < n_threads; ++t) EXPECT_TRUE(ok[t]) << "thread " << t;
        if (where == gpu::executor::cuda) EXPECT_EQ(kernels_built() - before, 1);
        else EXPECT_EQ(kernels_built(), before);
    }
}

TEST(Jit, NewShapesAndScalarsReuseTheKernel) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "no CUDA device: the host executor compiles nothing";
    gpu::executor_scope scope(gpu::executor::cuda);
    auto run = [](std::int64_t n, float s) {
        std::vector<float> xs(static_cast<std::size_t>(n), 1.5f);
        auto x = gpu::asarray(xs);
        gpu::ndarray<float> z = x * s + 0.5f * x;
        return gpu::asnumpy(z);
    };
    run(4096, 2.0f);
    const long before = kernels_built();
    for (std::int64_t n : {4096, 8192, 123456}) {
        for (float s : {1.0f, -3.0f, 7.25f}) {
            auto r = run(n, s);
            EXPECT_EQ(r[0], 1.5f * s + 0.75f);
            EXPECT_EQ(r[n - 1], 1.5f * s + 0.75f);
        }
    }
    EXPECT_EQ(kernels_built(), before);
}

TEST(Jit, BroadcastUsesTheStridedVariantAndAgreesWithHost) {
    for (gpu::executor where : executors()) {
        SCOPED_TRACE(gpu::to_string(where));
        gpu::executor_scope scope(where);
        auto a = gpu::asarray<std::int32_t>({{1, 2, 3}, {4, 5, 6}});
        auto b = gpu::asarray<std::int32_t>({10, 20, 30});
        auto c = gpu::asarray<std::int32_t>({{100}, {200}});
        gpu::ndarray<std::int32_t> z = a * b + c;
        EXPECT_EQ(gpu::asnumpy(z).to_vector(), (std::vector<std::int32_t>{110, 140, 190, 240, 300, 380}));
    }
}

}  // namespace
