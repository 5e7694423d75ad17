// gpu::capture / gpu::graph: replays give what direct execution gives (and accumulate), read the
// arrays' current contents, own their temporaries, and refuse what a graph cannot record. On the
// host executor a graph is the stored callable.
#include "support.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

std::vector<float> iota_f(int n, float start, float step) {
    std::vector<float> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = start + step * static_cast<float>(i);
    return v;
}

// Kernel nodes the body records on the GPU; a host graph has none.
std::size_t nodes(gpu::executor ex, std::size_t on_gpu) { return ex == gpu::executor::cuda ? on_gpu : 0; }

TEST(Graph, ReplayMatchesDirectExecutionAndAccumulates) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const int n = 1000;
        const auto x = make<float>(iota_f(n, -3.0f, 0.25f)), y = make<float>(iota_f(n, 1.0f, -0.5f));
        gpu::ndarray<float> z({n}), w({n});
        w.assign(0.0f);
        const auto body = [&] {
            z.assign(x * y + 1.0f);
            w += z;
        };
        gpu::graph g = gpu::capture(body);
        EXPECT_EQ(g.size(), nodes(ex, 2));
        EXPECT_EQ(g.where(), ex);
        EXPECT_FALSE(g.empty());
        // Capturing records; it does not execute.
        expect_values(values_of(w), std::vector<float>(n, 0.0f));

        // The same body run directly, three times, on its own arrays.
        gpu::ndarray<float> z2({n}), w2({n});
        w2.assign(0.0f);
        for (int i = 0; i < 3; ++i) {
            z2.assign(x * y + 1.0f);
            w2 += z2;
        }
        for (int i = 0; i < 3; ++i) g.replay();
        expect_values(values_of(w), values_of(w2));
        expect_values(values_of(z), values_of(z2));
        const auto xv = iota_f(n, -3.0f, 0.25f), yv = iota_f(n, 1.0f, -0.5f);
        std::vector<float> expected(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = 3 * (xv[i] * yv[i] + 1.0f);
        expect_values(values_of(w), expected);
    }
}

TEST(Graph, IntegerAccumulationIsExact) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<std::int32_t>({1, -2, 3, 40000, 0, 7});
        auto w = make<std::int32_t>({0, 0, 0, 0, 0, 100});
        auto u = make<std::uint16_t>({1, 2, 3, 4, 5, 6});
        gpu::graph g = gpu::capture([&] {
            w += x;
            u *= std::uint16_t{2};
        });
        EXPECT_EQ(g.size(), nodes(ex, 2));
        for (int i = 0; i < 5; ++i) g.replay();
        expect_values(values_of(w), std::vector<std::int32_t>{5, -10, 15, 200000, 0, 135});
        expect_values(values_of(u), std::vector<std::uint16_t>{32, 64, 96, 128, 160, 192});
    }
}

TEST(Graph, ReplaySeesNewContentsOfTheSameBuffers) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto x = make<double>({1.0, 2.0, 3.0, 4.0});
        gpu::ndarray<double> z({4});
        gpu::graph g = gpu::capture([&] { z.assign(x * 2.0 + 0.5); });
        g.replay();
        expect_values(values_of(z), std::vector<double>{2.5, 4.5, 6.5, 8.5});
        x.assign(make<double>({-1.0, 0.0, 10.0, 0.25}));  // new contents, same buffer
        g.replay();
        expect_values(values_of(z), std::vector<double>{-1.5, 0.5, 20.5, 1.0});
        x(gpu::slice(1, 3)) = 7.0;  // through a view
        g.replay();
        expect_values(values_of(z), std::vector<double>{-1.5, 14.5, 14.5, 1.0});
    }
}

// Views (transposed, negative strides, broadcast), bool, 0-d and empty arrays inside a graph.
TEST(Graph, ViewsBoolsZeroDAndEmpty) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<float>({1, 2, 3, 4, 5, 6}, {2, 3});
        const auto row = make<float>({10, 20, 30});
        const auto t = gpu_test::view(a, {3, 2}, {1, 3}, 0);           // a.T
        const auto rev = gpu_test::view(row, {3}, {-1}, 2);            // row[::-1]
        const auto bcast = gpu_test::view(row, {2, 3}, {0, 1}, 0);     // broadcast rows
        gpu::ndarray<float> out_t({3, 2}), out_b({2, 3});
        gpu::ndarray<bool> mask({2, 3});
        const auto s = make<std::int64_t>({5}, {});  // 0-d
        gpu::ndarray<std::int64_t> s2(gpu::shape_t{});
        gpu::ndarray<float> empty_in({0, 3}), empty_out({0, 3});
        gpu::graph g = gpu::capture([&] {
            out_t.assign(t * 2.0f);
            out_b.assign(a + bcast + rev);
            mask.assign(a > 3.0f);
            s2.assign(s * s);
            empty_out.assign(empty_in + 1.0f);  // no kernel for an empty array
        });
        EXPECT_EQ(g.size(), nodes(ex, 4));
        g.replay();
        expect_values(values_of(out_t), std::vector<float>{2, 8, 4, 10, 6, 12});
        expect_values(values_of(out_b), std::vector<float>{41, 42, 43, 44, 45, 46});
        EXPECT_EQ(values_of(mask), (std::vector<bool>{false, false, false, true, true, true}));
        expect_values(values_of(s2), std::vector<std::int64_t>{25});
        EXPECT_EQ(empty_out.size(), 0);
    }
}

// Temporaries made and dropped inside the body are the graph's own memory; a kernel compiled
// for the first time during the capture (this expression appears nowhere else) is recorded too.
TEST(Graph, TemporariesAndFirstUseOfAKernel) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>({0.0f, 1.0f, 4.0f, 9.0f, 16.0f});
        gpu::ndarray<float> z({5});
        gpu::graph g = gpu::capture([&] {
            gpu::ndarray<float> tmp = gpu::sqrt(x) * 3.0f;  // a temporary array, freed inside
            auto t2 = gpu::eval(tmp - 1.0f);
            z.assign(t2 * t2 + gpu::minimum(tmp, 6.0f));
        });
        EXPECT_EQ(g.size(), nodes(ex, 3));
        g.replay();
        g.replay();
        expect_values(values_of(z), std::vector<float>{1.0f, 7.0f, 31.0f, 70.0f, 127.0f});
    }
}

TEST(Graph, ReplayOnAStreamAndCopiesShareTheGraph) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<std::int64_t>({1, 2, 3});
        auto w = make<std::int64_t>({0, 0, 0});
        const gpu::graph g = gpu::capture([&] { w += x * 10; });
        const gpu::graph copy = g;
        gpu::stream s;
        g.replay(s);
        copy.replay(s);
        s.synchronize();
        expect_values(values_of(w), std::vector<std::int64_t>{20, 40, 60});
        {
            gpu::stream_scope on(s);
            g.replay();  // the current stream
        }
        s.synchronize();
        expect_values(values_of(w), std::vector<std::int64_t>{30, 60, 90});
    }
}

TEST(Graph, EmptyGraph) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu::graph none;
        EXPECT_TRUE(none.empty());
        EXPECT_EQ(none.size(), 0u);
        none.replay();
        const gpu::graph nothing = gpu::capture([] {});
        EXPECT_EQ(nothing.size(), 0u);
        nothing.replay();
    }
}

// Bytes of the device's graph memory (allocation nodes' memory, separate from the pool).
std::uint64_t graph_memory(cudaGraphMemAttributeType attr) {
    unsigned long long v = 0;
    EXPECT_EQ(cudaDeviceGetGraphMemAttribute(gpu::current_device(), attr, &v), cudaSuccess);
    return v;
}

// The graph's temporaries are graph memory: mapped while the graph exists, returned when it is
// destroyed (and the driver's cache trimmed); the library's own accounting and frees are clean.
TEST(GraphMemory, TemporariesAreReturnedWhenTheGraphIsDestroyed) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "graph memory needs a GPU";
    gpu::executor_scope on(gpu::executor::cuda);
    const std::int64_t n = std::int64_t{1} << 22;  // 16 MiB temporaries
    gpu::ndarray<float> x({n}), z({n});
    x.assign(2.0f);
    gpu::synchronize();
    ASSERT_EQ(cudaDeviceGraphMemTrim(gpu::current_device()), cudaSuccess);
    const std::uint64_t before = graph_memory(cudaGraphMemAttrUsedMemCurrent);
    const auto pool_before = gpu::memory::stats();
    {
        gpu::graph g = gpu::capture([&] {
            gpu::ndarray<float> tmp = x * 3.0f;
            z.assign(tmp + 1.0f);
        });
        g.replay();
        g.replay();
        gpu::synchronize();
        EXPECT_GE(graph_memory(cudaGraphMemAttrUsedMemCurrent), before + n * sizeof(float));
        EXPECT_EQ(values_of(z(gpu::slice(0, 2))), (std::vector<float>{7.0f, 7.0f}));
    }
    gpu::synchronize();
    ASSERT_EQ(cudaDeviceGraphMemTrim(gpu::current_device()), cudaSuccess);
    EXPECT_EQ(graph_memory(cudaGraphMemAttrUsedMemCurrent), before);
    if (before == 0) EXPECT_EQ(graph_memory(cudaGraphMemAttrReservedMemCurrent), 0u);  // nothing cached either
    const auto pool_after = gpu::memory::stats();
    EXPECT_EQ(pool_after.used_bytes, pool_before.used_bytes);
    EXPECT_EQ(pool_after.free_errors, pool_before.free_errors);
    EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

// ---- errors ----------------------------------------------------------------------------------

// Captures `body` and replays it once: a graph's errors come from the capture on the GPU, and
// from the replay on the host executor (where capture only stores the callable).
template <class F>
void capture_and_replay(F&& body) {
    gpu::graph g = gpu::capture(body);
    g.replay();
}

std::string capture_message(const char* what) {
    return std::string(what) +
           " cannot run inside gpu::capture: it synchronizes with the device or reads values back to the host, which "
           "a graph cannot record; do it before the capture or after a replay";
}

// The check every synchronizing operation of the library makes, called directly.
TEST(GraphErrors, SynchronizingOperationInsideACapture) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>({1, 2, 3});
        gpu::ndarray<float> z({3});
        gpu_test::expect_error<gpu::error>(
            [&] {
                capture_and_replay([&] {
                    z.assign(x + 1.0f);
                    gpu::detail::check_not_capturing("asnumpy");
                });
            },
            capture_message("asnumpy"));
        // Outside a capture the check passes, and the library goes on working.
        gpu::detail::check_not_capturing("asnumpy");
        gpu::graph g = gpu::capture([&] { z.assign(x + 1.0f); });
        g.replay();
        expect_values(values_of(z), std::vector<float>{2, 3, 4});
    }
}

// A read-back inside the capture: CUDA refuses it, and gpu::capture reports it as a gpu::error
// naming the rule (detail::check_not_capturing in io/transfer.hpp's copy_bytes).
TEST(GraphErrors, ReadBackInsideACapture) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>({1, 2, 3});
        if (ex == gpu::executor::cuda) {
            const std::string msg = gpu_test::message_of<gpu::error>([&] {
                capture_and_replay([&] { (void)gpu::asnumpy(x); });
            });
            EXPECT_NE(msg.find("gpu::capture"), std::string::npos) << msg;
            EXPECT_NE(msg.find("back to the"), std::string::npos) << msg;
        }
        // Still usable afterwards.
        gpu::ndarray<float> z({3});
        capture_and_replay([&] { z.assign(x * x); });
        expect_values(values_of(z), std::vector<float>{1, 4, 9});
    }
}

TEST(GraphErrors, NestedCapture) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        gpu_test::expect_error<gpu::error>([&] { capture_and_replay([] { (void)gpu::capture([] {}); }); },
                                           "gpu::capture cannot be nested inside another capture");
    }
}

// An array made inside the capture and kept afterwards would point at memory only the graph's
// replays own: refused. (Last in the file: it leaves a never-launched allocation behind.)
TEST(GraphErrors, ArrayCreatedInsideOutlivesTheCapture) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        if (ex != gpu::executor::cuda) continue;  // a host graph stores the callable only
        const auto x = make<float>({1, 2, 3});
        gpu::synchronize();
        const std::uint64_t graph_memory_before = graph_memory(cudaGraphMemAttrUsedMemCurrent);
        gpu::ndarray<float> kept;
        gpu_test::expect_error<gpu::error>(
            [&] { (void)gpu::capture([&] { kept = x + 1.0f; }); },
            "gpu::capture: an array created inside the capture outlives it (1 allocation(s) not freed in the graph); "
            "make result arrays before the capture and write into them with assign, eval(e, out) or the in-place "
            "operators");
        // The array's memory belongs to the graph, which was never instantiated: dropping it
        // must release nothing, and no CUDA call may fail (cudaFreeAsync of it returns
        // cudaErrorInvalidValue, which a destructor can only count).
        const std::int64_t refused = gpu::memory::stats().free_errors;
        const std::int64_t used = gpu::memory::stats().used_bytes;
        kept = gpu::ndarray<float>();
        EXPECT_EQ(gpu::memory::stats().free_errors, refused);
        EXPECT_EQ(cudaGetLastError(), cudaSuccess);
        EXPECT_LT(gpu::memory::stats().used_bytes, used);
        // And the driver holds no graph memory for it: the graph was destroyed unlaunched.
        gpu::synchronize();
        EXPECT_EQ(graph_memory(cudaGraphMemAttrUsedMemCurrent), graph_memory_before);
        gpu::ndarray<float> z = x * 2.0f;
        expect_values(values_of(z), std::vector<float>{2, 4, 6});
    }
}

}  // namespace
