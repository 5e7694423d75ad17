// Errors: the gpu::error hierarchy, NumPy's messages for broadcasting, output and assignment
// shape mismatches, bad shapes, out-of-range weak scalars, mixing executors, NVRTC failures,
// out-of-memory and GPU_NDARRAY_DEVICE. Bodies that touch arrays run once per executor.
#include "support.hpp"

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::for_each_executor;
using gpu_test::host_values;
using gpu_test::message_of;

// Restores an environment variable when it goes out of scope.
class env_guard {
public:
    explicit env_guard(const char* name) : name_(name) {
        if (const char* v = std::getenv(name)) old_ = v;
    }
    ~env_guard() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    void set(const char* value) const { ::setenv(name_, value, 1); }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

// ---- the hierarchy --------------------------------------------------------------------------

TEST(Errors, Hierarchy) {
    static_assert(std::is_base_of_v<std::runtime_error, gpu::error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::value_error>);
    static_assert(std::is_base_of_v<gpu::value_error, gpu::shape_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::shape_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::type_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::overflow_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::index_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::compile_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::cuda_error>);
    static_assert(std::is_base_of_v<gpu::error, gpu::out_of_memory>);
    static_assert(std::is_base_of_v<gpu::error, gpu::device_error>);
    // Catchable through the base, with the message intact.
    EXPECT_THROW(throw gpu::shape_error("s"), gpu::value_error);
    EXPECT_THROW(throw gpu::shape_error("s"), gpu::error);
    EXPECT_THROW(throw gpu::cuda_error("c", 2), gpu::error);
    EXPECT_THROW(throw gpu::compile_error("w", "log", "src"), gpu::error);
    EXPECT_THROW(throw gpu::device_error("d"), std::runtime_error);
    try {
        throw gpu::cuda_error("cuda failed", 700);
    } catch (const gpu::error& e) {
        EXPECT_STREQ(e.what(), "cuda failed");
        EXPECT_EQ(dynamic_cast<const gpu::cuda_error&>(e).code(), 700);
    }
}

// ---- broadcasting ---------------------------------------------------------------------------

TEST(Errors, BroadcastMismatchMessage) {
    for_each_executor([] {
        const gpu::ndarray<float> a(gpu::shape_t{3, 4});
        const gpu::ndarray<float> b(gpu::shape_t{5});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)(a + b); }),
                  "operands could not be broadcast together with shapes (3,4) (5,)");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)(b * a); }),
                  "operands could not be broadcast together with shapes (5,) (3,4)");
        const gpu::ndarray<int> c(gpu::shape_t{2, 3}), d(gpu::shape_t{3, 2});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)(c - d); }),
                  "operands could not be broadcast together with shapes (2,3) (3,2)");
        const gpu::ndarray<int> e(gpu::shape_t{0}), f(gpu::shape_t{2});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)(e == f); }),
                  "operands could not be broadcast together with shapes (0,) (2,)");
        // shape_error is NumPy's ValueError.
        EXPECT_THROW((void)(a + b), gpu::value_error);
        EXPECT_THROW((void)gpu::maximum(c, d), gpu::shape_error);
        EXPECT_THROW((void)gpu::where(c > 0, c, d), gpu::shape_error);
    });
}

// The mismatch is found when the expression is built, before anything could run.
TEST(Errors, BroadcastMismatchAtConstruction) {
    for_each_executor([] {
        const auto a = gpu::asarray<double>({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
        const auto b = gpu::asarray<double>({1, 2, 3, 4, 5});
        // Building an inner node that fits is fine; combining it with a misfit is not.
        auto inner = a * 2.0 + 1.0;
        EXPECT_EQ(inner.shape(), (gpu::shape_t{3, 4}));
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)(inner - b); }),
                  "operands could not be broadcast together with shapes (3,4) (5,)");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { (void)gpu::sqrt(b + inner); }),
                  "operands could not be broadcast together with shapes (5,) (3,4)");
        // Scalars broadcast with anything.
        EXPECT_NO_THROW((void)(b + 1.0));
        EXPECT_NO_THROW((void)(2.0 * a));
    });
}

// ---- bad shapes -----------------------------------------------------------------------------

TEST(Errors, NegativeDimensions) {
    for_each_executor([] {
        EXPECT_EQ(message_of<gpu::value_error>([] { gpu::ndarray<float> a(gpu::shape_t{-1}); }),
                  "negative dimensions are not allowed");
        EXPECT_EQ(message_of<gpu::value_error>([] { gpu::ndarray<int> a(gpu::shape_t{2, -3}); }),
                  "negative dimensions are not allowed");
        const float data[4] = {1, 2, 3, 4};
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::asarray(data, {-2, -2}); }),
                  "negative dimensions are not allowed");
    });
    EXPECT_EQ(message_of<gpu::value_error>([] { gpu::host_array<double> h(gpu::shape_t{3, -1}); }),
              "negative dimensions are not allowed");
}

TEST(Errors, RankAboveSixteen) {
    EXPECT_EQ(gpu::max_ndim, 16);
    const std::vector<std::int64_t> ones17(17, 1), ones16(16, 1);
    EXPECT_NO_THROW(gpu::shape_t{ones16});
    EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::shape_t s(ones17); }),
              "maximum supported dimension for an ndarray is 16, found 17");
    EXPECT_THROW((gpu::shape_t{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), gpu::value_error);
    gpu::shape_t s(ones16);
    EXPECT_THROW(s.push_back(1), gpu::value_error);
    volatile int too_many = 17;  // (a constant lets g++ warn about the loop check_rank guards)
    EXPECT_THROW(s.resize(too_many), gpu::value_error);
    EXPECT_THROW((void)gpu::dims::filled(too_many + 3, 1), gpu::value_error);
    for_each_executor([&] {
        gpu::ndarray<int> a(gpu::shape_t{ones16});  // rank 16 is fine
        EXPECT_EQ(a.ndim(), 16);
        a.assign(3);
        EXPECT_EQ(host_values(gpu::eval(a + a)), std::vector<int>{6});
    });
}

// ---- writing into existing arrays -------------------------------------------------------------

TEST(Errors, EvalIntoWrongShape) {
    for_each_executor([] {
        const auto x = gpu::asarray<double>({{1, 2, 3}, {4, 5, 6}});
        gpu::ndarray<double> out = gpu::asarray<double>({7, 8, 9});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::eval(x + 1.0, out); }),
                  "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
        EXPECT_EQ(host_values(out), (std::vector<double>{7, 8, 9}));  // untouched
        gpu::ndarray<double> col(gpu::shape_t{2, 1});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { gpu::eval(x * x, col); }),
                  "non-broadcastable output operand with shape (2,1) doesn't match the broadcast shape (2,3)");
        // An out the result cannot broadcast to at all is a shape_error too.
        gpu::ndarray<double> four(gpu::shape_t{4});
        EXPECT_THROW(gpu::eval(x + 1.0, four), gpu::shape_error);
        // In-place operators follow the ufunc out= rule.
        gpu::ndarray<double> row = gpu::asarray<double>({1, 1, 1});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { row += x; }),
                  "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
        EXPECT_EQ(host_values(row), (std::vector<double>{1, 1, 1}));
    });
}

TEST(Errors, AssignNonBroadcastable) {
    for_each_executor([] {
        const auto x = gpu::asarray<int>({{1, 2, 3}, {4, 5, 6}});
        gpu::ndarray<int> a = gpu::asarray<int>({0, 0, 0});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { a.assign(x); }),
                  "could not broadcast input array from shape (2,3) into shape (3,)");
        EXPECT_EQ(message_of<gpu::shape_error>([&] { a.assign(x + 1); }),
                  "could not broadcast input array from shape (2,3) into shape (3,)");
        EXPECT_EQ(host_values(a), (std::vector<int>{0, 0, 0}));
        gpu::ndarray<int> scalar(gpu::shape_t{});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { scalar.assign(a); }),
                  "could not broadcast input array from shape (3,) into shape ()");
    });
}

// NumPy words every failed assignment the same way, compatible ranks or not:
//   >>> a = np.zeros(4); a[...] = np.ones(3)
//   ValueError: could not broadcast input array from shape (3,) into shape (4,)
// LIBRARY BUG: detail::check_writable_shape (exec/eval.hpp) calls broadcast_shapes(e.shape(),
// out.shape()) first, which throws its own "operands could not be broadcast together with shapes
// (3,) (4,)" before the assignment message is reached.
TEST(Errors, AssignIncompatibleShapeMessage) {
    for_each_executor([] {
        gpu::ndarray<float> a(gpu::shape_t{4});
        const auto b = gpu::asarray<float>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { a.assign(b); }),
                  "could not broadcast input array from shape (3,) into shape (4,)");
        gpu::ndarray<float> m(gpu::shape_t{2, 3});
        const gpu::ndarray<float> n(gpu::shape_t{3, 2});
        EXPECT_EQ(message_of<gpu::shape_error>([&] { m.assign(n * 2.0f); }),
                  "could not broadcast input array from shape (3,2) into shape (2,3)");
    });
}

// ---- weak scalars that do not fit (NEP 50) ------------------------------------------------------

TEST(Errors, ScalarOutOfBounds) {
    for_each_executor([] {
        const auto i8 = gpu::asarray<std::int8_t>({1, 2});
        const auto u8 = gpu::asarray<std::uint8_t>({1, 2});
        const auto u64 = gpu::asarray<std::uint64_t>({1, 2});
        const auto i64 = gpu::asarray<std::int64_t>({1, 2});
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { (void)(i8 + 300); }), "Python integer 300 out of bounds for int8");
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { (void)(-129 * i8); }), "Python integer -129 out of bounds for int8");
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { (void)(u8 - (-1)); }), "Python integer -1 out of bounds for uint8");
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { (void)(u64 + -1); }), "Python integer -1 out of bounds for uint64");
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { (void)(i64 + std::numeric_limits<std::uint64_t>::max()); }),
                  "Python integer 18446744073709551615 out of bounds for int64");
        EXPECT_THROW((void)gpu::maximum(u8, 256), gpu::overflow_error);
        EXPECT_THROW((void)gpu::where(i8 > 0, i8, 1000), gpu::overflow_error);
        // In range, or a comparison (NumPy 2 compares exactly), or a float: fine.
        EXPECT_NO_THROW((void)(i8 + 127));
        EXPECT_NO_THROW((void)(i8 + -128));
        EXPECT_NO_THROW((void)(u8 + 255));
        EXPECT_NO_THROW((void)(i8 + 300.0));
        EXPECT_EQ(host_values(gpu::eval(i8 < 1000)), (std::vector<bool>{true, true}));
        EXPECT_EQ(host_values(gpu::eval(u8 > -1)), (std::vector<bool>{true, true}));
        // clip's bounds may lie outside the dtype: they clip nothing.
        EXPECT_EQ(host_values(gpu::eval(gpu::clip(u8, -5, 1000))), (std::vector<std::uint8_t>{1, 2}));
        // The in-place operators check too, before writing.
        gpu::ndarray<std::int8_t> w = gpu::asarray<std::int8_t>({5});
        EXPECT_THROW(w += 1000, gpu::overflow_error);
        EXPECT_EQ(host_values(w), std::vector<std::int8_t>{5});
    });
}

// NumPy 2 refuses a Python integer that does not fit the destination (NEP 50):
//   >>> a = np.zeros(3, np.uint8); a[...] = -1
//   OverflowError: Python integer -1 out of bounds for uint8
//   >>> a[...] = 300
//   OverflowError: Python integer 300 out of bounds for uint8
// ndarray::assign checks a C++ integer against an integer destination like the in-place
// operators do; a float scalar into an integer array still converts as astype would.
TEST(Errors, AssignOutOfRangeIntegerScalar) {
    for_each_executor([] {
        gpu::ndarray<std::uint8_t> u = gpu::asarray<std::uint8_t>({1, 2, 3});
        EXPECT_THROW(u.assign(-1), gpu::overflow_error);
        EXPECT_THROW(u.assign(300), gpu::overflow_error);
        gpu::ndarray<std::int8_t> i = gpu::asarray<std::int8_t>({1, 2, 3});
        EXPECT_THROW(i.assign(128), gpu::overflow_error);
        EXPECT_EQ(host_values(u), (std::vector<std::uint8_t>{1, 2, 3}));
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { u.assign(-1); }), "Python integer -1 out of bounds for uint8");
        u.assign(255);
        EXPECT_EQ(host_values(u), (std::vector<std::uint8_t>{255, 255, 255}));
        i.assign(2.7);  // >>> a = np.zeros(3, np.int8); a[...] = 2.7  -> [2 2 2]
        EXPECT_EQ(host_values(i), (std::vector<std::int8_t>{2, 2, 2}));
        gpu::ndarray<bool> b = gpu::asarray<bool>({false, false});
        b.assign(5);  // >>> a = np.zeros(2, bool); a[...] = 5  -> [True True]
        EXPECT_EQ(host_values(b), (std::vector<bool>{true, true}));
    });
}

TEST(Errors, NegativeIntegerPower) {
    for_each_executor([] {
        const auto i = gpu::asarray<int>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { (void)gpu::power(i, -1); }),
                  "Integers to negative integer powers are not allowed.");
        EXPECT_NO_THROW((void)gpu::power(i, 2));
        const auto f = gpu::asarray<double>({1, 2, 4});
        EXPECT_EQ(host_values(gpu::eval(gpu::power(f, -1))), (std::vector<double>{1, 0.5, 0.25}));
    });
}

TEST(Errors, AsnumpySizeMismatch) {
    for_each_executor([] {
        const auto a = gpu::asarray<int>({{1, 2, 3}, {4, 5, 6}});
        std::vector<int> small(5);
        EXPECT_THROW(gpu::asnumpy(a, std::span<int>(small)), gpu::value_error);
    });
}

// ---- executors --------------------------------------------------------------------------------

TEST(Errors, MixingExecutors) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a CUDA device to have arrays on two executors";
    std::optional<gpu::ndarray<float>> h, c;
    {
        gpu::executor_scope s(gpu::executor::host);
        h = gpu::asarray<float>({1, 2, 3});
    }
    {
        gpu::executor_scope s(gpu::executor::cuda);
        c = gpu::asarray<float>({10, 20, 30});
    }
    ASSERT_EQ(h->where(), gpu::executor::host);
    ASSERT_EQ(c->where(), gpu::executor::cuda);
    // Building the expression is fine; running it is not.
    auto e = *h + *c;
    EXPECT_THROW((void)gpu::eval(e), gpu::device_error);
    EXPECT_EQ(message_of<gpu::device_error>([&] { (void)gpu::eval(*c * 2.0f - *h); }),
              "operands live on different executors (cuda and host); move them with gpu::asnumpy / gpu::asarray first");
    // Writing a host expression into a cuda array (or the reverse) is refused too.
    gpu::ndarray<float> cout = *c;
    EXPECT_EQ(message_of<gpu::device_error>([&] { cout.assign(*h + 1.0f); }),
              "cannot write an expression evaluated on host into an array on cuda");
    gpu::ndarray<float> hout = *h;
    EXPECT_THROW(hout.assign(*c), gpu::device_error);
    EXPECT_THROW(hout += *c, gpu::device_error);
    EXPECT_THROW(gpu::eval(*c + 1.0f, hout), gpu::device_error);
    EXPECT_EQ(host_values(hout), (std::vector<float>{1, 2, 3}));
    EXPECT_EQ(host_values(cout), (std::vector<float>{10, 20, 30}));
    // A scalar has no executor: filling works anywhere. Moving through the host works.
    cout.assign(5.0f);
    EXPECT_EQ(host_values(cout), (std::vector<float>{5, 5, 5}));
    gpu::executor_scope s(gpu::executor::cuda);
    EXPECT_EQ(host_values(gpu::eval(gpu::asarray(gpu::asnumpy(*h)) + *c)), (std::vector<float>{6, 7, 8}));
}

TEST(Errors, CudaScopeWithoutDevice) {
    if (gpu::cuda_available()) GTEST_SKIP() << "a CUDA device is usable here";
    EXPECT_THROW(gpu::executor_scope s(gpu::executor::cuda), gpu::device_error);
    EXPECT_EQ(gpu::current_executor(), gpu::executor::host);
}

// GPU_NDARRAY_DEVICE is read once per process (detail::default_executor caches it), so the
// process-wide choice cannot be redone here; detail::choose_default_executor is the rule itself.
TEST(Errors, DeviceEnvironmentVariable) {
    env_guard guard("GPU_NDARRAY_DEVICE");
    guard.set("cpu");
    EXPECT_EQ(gpu::detail::choose_default_executor(), gpu::executor::host);
    guard.set("host");
    EXPECT_EQ(gpu::detail::choose_default_executor(), gpu::executor::host);
    guard.set("bogus");
    EXPECT_EQ(message_of<gpu::value_error>([] { (void)gpu::detail::choose_default_executor(); }),
              "GPU_NDARRAY_DEVICE must be 'cuda' or 'cpu', not 'bogus'");
    guard.set("cuda");
    if (gpu::cuda_available()) EXPECT_EQ(gpu::detail::choose_default_executor(), gpu::executor::cuda);
    else EXPECT_THROW((void)gpu::detail::choose_default_executor(), gpu::device_error);
}

// ---- out of memory ----------------------------------------------------------------------------

TEST(Errors, OutOfMemory) {
    for_each_executor([] {
        const std::int64_t huge = std::int64_t{1} << 52;  // 4 PiB: more than any machine's memory
        try {
            gpu::ndarray<std::uint8_t> a(gpu::shape_t{huge});
            ADD_FAILURE() << "allocating 4 PiB succeeded";
        } catch (const gpu::out_of_memory& e) {
            EXPECT_NE(std::string(e.what()).find("4503599627370496 bytes"), std::string::npos) << e.what();
        }
        // The failure leaves the executor usable.
        const auto x = gpu::asarray<int>({1, 2, 3});
        EXPECT_EQ(host_values(gpu::eval(x + 1)), (std::vector<int>{2, 3, 4}));
    });
}

// ---- NVRTC failures ---------------------------------------------------------------------------

TEST(Errors, CompileErrorCarriesLogAndSource) {
    const std::string source = "this is not CUDA";
    try {
        (void)gpu::detail::compile_cubin(source, gpu::detail::compile_target{9, 0});
        ADD_FAILURE() << "NVRTC accepted non-CUDA source";
    } catch (const gpu::compile_error& e) {
        EXPECT_FALSE(e.log().empty());
        EXPECT_EQ(e.source(), source);
        EXPECT_NE(e.log().find("error"), std::string::npos) << e.log();
        const std::string what = e.what();
        EXPECT_NE(what.find("NVRTC"), std::string::npos);
        EXPECT_NE(what.find("expected a declaration"), std::string::npos) << what;  // the log's text
    }
    // A compile_error is a gpu::error.
    EXPECT_THROW((void)gpu::detail::compile_cubin("int x = ;", gpu::detail::compile_target{8, 0}), gpu::error);
    // And valid source compiles, with or without a GPU.
    EXPECT_FALSE(gpu::detail::compile_cubin("extern \"C\" __global__ void k(int* p) { *p = 1; }",
                                            gpu::detail::compile_target{9, 0})
                     .empty());
}

// The exception's message carries both NVRTC's log and the generated source. NVRTC's log size
// counts the terminating NUL, which kernel/compiler.hpp trims: a NUL inside what() would cut the
// message before the source section.
TEST(Errors, CompileErrorMessageIncludesSource) {
    // The marker is on a line NVRTC's log does not quote, so only the source section can show it.
    const std::string source = "this is not CUDA\n\n// marker: generated-source-section\n";
    try {
        (void)gpu::detail::compile_cubin(source, gpu::detail::compile_target{9, 0});
        ADD_FAILURE() << "NVRTC accepted non-CUDA source";
    } catch (const gpu::compile_error& e) {
        EXPECT_EQ(e.log().find('\0'), std::string::npos) << "log() holds a NUL character";
        const std::string what = e.what();
        EXPECT_NE(what.find("--- generated source ---"), std::string::npos) << what;
        EXPECT_NE(what.find("marker: generated-source-section"), std::string::npos) << what;
    }
}
