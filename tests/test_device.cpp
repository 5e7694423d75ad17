// Devices: device_count / current_device, gpu::device_scope, the device arrays remember,
// gpu::to_device, and the errors for arrays of two devices (or two executors) in one expression.
// Written for any number of GPUs but run with one: the two-device error is checked through the
// function arrays_executor calls, since an array cannot claim another device without a second GPU.
#include "support.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::values_of;

std::string invalid_device_message(const char* what, int id) {
    const int n = gpu::device_count();
    std::string msg = std::string(what) + ": invalid device ordinal " + std::to_string(id) + ": ";
    if (n == 0) return msg;  // followed by why no device is usable: compared by prefix
    return msg + "this machine has " + std::to_string(n) + " CUDA device" + (n == 1 ? "" : "s") + " (0 to " +
           std::to_string(n - 1) + ")";
}

void expect_invalid_device(const char* what, int id, const std::string& got) {
    const std::string want = invalid_device_message(what, id);
    if (gpu::device_count() == 0) EXPECT_EQ(got.substr(0, want.size()), want) << got;
    else EXPECT_EQ(got, want);
}

TEST(Device, CountAndCurrent) {
    EXPECT_EQ(gpu::device_count() >= 1, gpu::cuda_available());
    EXPECT_EQ(gpu::current_device(), gpu::cuda_available() ? 0 : -1);
}

TEST(Device, ScopeMakesADeviceCurrentAndRestores) {
    if (!gpu::cuda_available()) {
        expect_invalid_device("device_scope", 0, gpu_test::message_of<gpu::device_error>([] { gpu::device_scope on(0); }));
        return;
    }
    {
        gpu::device_scope on(0);
        EXPECT_EQ(gpu::current_device(), 0);
        gpu::executor_scope cuda(gpu::executor::cuda);
        const auto a = make<float>({1, 2, 3});
        EXPECT_EQ(a.device(), 0);
        {
            gpu::device_scope again(gpu::device_count() - 1);  // the last device (0 with one GPU)
            EXPECT_EQ(gpu::current_device(), gpu::device_count() - 1);
        }
        EXPECT_EQ(gpu::current_device(), 0);
    }
    EXPECT_EQ(gpu::current_device(), 0);
}

TEST(Device, InvalidDeviceIds) {
    for (int id : {99, -1, gpu::device_count()}) {
        expect_invalid_device("device_scope", id,
                              gpu_test::message_of<gpu::device_error>([&] { gpu::device_scope on(id); }));
    }
    EXPECT_EQ(gpu::current_device(), gpu::cuda_available() ? 0 : -1);  // unchanged by the failures
}

TEST(Device, ArraysReportTheirDevice) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const int want = ex == gpu::executor::cuda ? 0 : -1;
        const auto a = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        EXPECT_EQ(a.device(), want);
        EXPECT_EQ(gpu_test::view(a, {3, 2}, {1, 3}, 0).device(), want);  // a view shares the buffer
        const gpu::ndarray<std::int32_t> b = a * 2;                       // a result
        EXPECT_EQ(b.device(), want);
        EXPECT_EQ(gpu::ndarray<bool>({0}).device(), want);               // empty: no memory, still placed
        EXPECT_EQ(gpu::ndarray<double>(gpu::shape_t{}).device(), want);  // 0-d
    }
    EXPECT_EQ(gpu::ndarray<float>().device(), -1);  // the default-constructed array has no memory
}

TEST(Device, ToDevice) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<float>({1.5f, -2.0f, 3.25f, 4.0f, 5.0f, 6.0f}, {2, 3});
        if (ex != gpu::executor::cuda) {
            const std::string msg = gpu_test::message_of<gpu::device_error>([&] { (void)gpu::to_device(a, 0); });
            EXPECT_TRUE(msg.find("to_device: the array lives on the host executor") == 0 ||
                        msg.find("to_device: invalid device ordinal 0") == 0)
                << msg;
            continue;
        }
        const auto b = gpu::to_device(a, 0);
        EXPECT_EQ(b.device(), 0);
        EXPECT_FALSE(gpu_test::shares(a, b));  // a copy
        EXPECT_EQ(b.shape(), a.shape());
        expect_values(values_of(b), std::vector<float>{1.5f, -2.0f, 3.25f, 4.0f, 5.0f, 6.0f});
        // Views come back contiguous: a.T and a[:, ::-1] (negative strides).
        const auto t = gpu::to_device(gpu_test::view(a, {3, 2}, {1, 3}, 0), 0);
        EXPECT_TRUE(t.is_contiguous());
        expect_values(values_of(t), std::vector<float>{1.5f, 4.0f, -2.0f, 5.0f, 3.25f, 6.0f});
        const auto r = gpu::to_device(gpu_test::view(a, {2, 3}, {3, -1}, 2), 0);
        expect_values(values_of(r), std::vector<float>{3.25f, -2.0f, 1.5f, 6.0f, 5.0f, 4.0f});
        const auto e = gpu::to_device(gpu::ndarray<std::int16_t>({0, 4}), 0);
        EXPECT_EQ(e.shape(), (gpu::shape_t{0, 4}));
        expect_invalid_device("to_device", 99,
                              gpu_test::message_of<gpu::device_error>([&] { (void)gpu::to_device(a, 99); }));
    }
}

// The check arrays_executor makes for every array of an expression.
TEST(Device, ArraysOfTwoDevicesInOneExpression) {
    gpu::detail::check_same_device(0, 0);
    gpu::detail::check_same_device(-1, -1);
    gpu_test::expect_error<gpu::device_error>(
        [] { gpu::detail::check_same_device(0, 1); },
        "operands live on different devices (cuda:0 and cuda:1); copy one with gpu::to_device first");
    // Arrays of one device pass it.
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make<float>({1, 2}), y = make<float>({3, 4});
        expect_values(values_of(x + y * x), std::vector<float>{4, 10});
    }
}

TEST(Device, MixingExecutorsIsStillAnError) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs both executors";
    gpu::ndarray<float> h, d;
    {
        gpu::executor_scope on(gpu::executor::host);
        h = make<float>({1, 2});
    }
    {
        gpu::executor_scope on(gpu::executor::cuda);
        d = make<float>({3, 4});
    }
    gpu_test::expect_error<gpu::device_error>(
        [&] { (void)gpu::eval(h + d); },
        "operands live on different executors (host and cuda); move them with gpu::asnumpy / gpu::asarray first");
}

}  // namespace
