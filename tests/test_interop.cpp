// Interop: gpu::adopt of external memory (owner lifetime, strides, bad pointers), borrowed
// streams, and the DLPack 1.x C-level round trip (pointer identity, strides, the deleter called
// exactly once, errors that leave the tensor to the caller).
#include <gpu/interop.hpp>

#include "support.hpp"

namespace {

using gpu_test::values_of;

// Memory for the current executor: device memory (cudaMalloc) on the GPU, malloc on the host.
// The returned owner frees it and counts the frees.
struct external {
    void* p = nullptr;
    std::shared_ptr<void> owner;
    std::shared_ptr<int> frees = std::make_shared<int>(0);
    external(std::size_t bytes, const void* init) {
        const bool gpu = gpu::current_executor() == gpu::executor::cuda;
        if (gpu) {
            EXPECT_EQ(cudaMalloc(&p, bytes), cudaSuccess);
            EXPECT_EQ(cudaMemcpy(p, init, bytes, cudaMemcpyHostToDevice), cudaSuccess);
        } else {
            p = std::malloc(bytes);
            std::memcpy(p, init, bytes);
        }
        auto count = frees;
        owner = std::shared_ptr<void>(p, [gpu, count](void* q) {
            ++*count;
            if (gpu) cudaFree(q);
            else std::free(q);
        });
    }
};

TEST(Adopt, ZeroCopyAndOwnerLifetime) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::vector<float> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        external mem(v.size() * sizeof(float), v.data());
        auto frees = mem.frees;
        {
            auto a = gpu::adopt(static_cast<float*>(mem.p), {3, 4}, {4, 1}, std::move(mem.owner));
            EXPECT_EQ(static_cast<void*>(a.data()), mem.p);
            EXPECT_EQ(a.strides_bytes(), (gpu::strides_t{16, 4}));
            EXPECT_EQ(values_of(a), v);
            gpu::ndarray<float> col = a(gpu::slice(), 1);  // a view keeps the memory too
            a = gpu::ndarray<float>();
            EXPECT_EQ(*frees, 0);
            gpu::ndarray<float> doubled = col * 2.0f;
            EXPECT_EQ(values_of(doubled), (std::vector<float>{2, 10, 18}));
            col.assign(-1.0f);  // writes the external memory
            EXPECT_EQ(*frees, 0);
        }
        EXPECT_EQ(*frees, 1);  // released once, with the last array
    }
}

TEST(Adopt, NegativeAndTransposedStrides) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const std::vector<std::int32_t> v{0, 1, 2, 3, 4, 5};
        external mem(v.size() * sizeof(std::int32_t), v.data());
        auto* last = static_cast<std::int32_t*>(mem.p) + 5;
        const auto r = gpu::adopt(last, {6}, {-1}, mem.owner);  // element 0 is the last int
        EXPECT_EQ(values_of(r), (std::vector<std::int32_t>{5, 4, 3, 2, 1, 0}));
        const auto t = gpu::adopt(static_cast<std::int32_t*>(mem.p), {3, 2}, {1, 3}, mem.owner);  // F order
        EXPECT_EQ(values_of(t), (std::vector<std::int32_t>{0, 3, 1, 4, 2, 5}));
        EXPECT_FALSE(t.is_contiguous());
    }
}

TEST(Adopt, BadPointers) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        EXPECT_THROW((void)gpu::adopt(static_cast<float*>(nullptr), {3}, nullptr), gpu::value_error);
        EXPECT_NO_THROW((void)gpu::adopt(static_cast<float*>(nullptr), {0}, nullptr));
        alignas(8) char raw[16] = {};
        EXPECT_THROW((void)gpu::adopt(reinterpret_cast<float*>(raw + 1), {2}, nullptr), gpu::value_error);
        EXPECT_THROW((void)gpu::adopt(reinterpret_cast<float*>(raw), {2}, {1, 1}, nullptr), gpu::value_error);
        if (ex == gpu::executor::cuda) {
            std::vector<float> host(4);
            EXPECT_THROW((void)gpu::adopt(host.data(), {4}, nullptr), gpu::value_error);  // host memory as device
        }
    }
}

TEST(Streams, BorrowedStreamIsNotDestroyed) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        if (ex != gpu::executor::cuda) continue;
        cudaStream_t h;
        ASSERT_EQ(cudaStreamCreateWithFlags(&h, cudaStreamNonBlocking), cudaSuccess);
        {
            gpu::stream s = gpu::stream::borrow(h);
            EXPECT_EQ(s.handle(), h);
            gpu::stream_scope on(s);
            gpu::ndarray<float> a = gpu_test::make<float>({1, 2, 3}) * 2.0f;
            EXPECT_EQ(values_of(a), (std::vector<float>{2, 4, 6}));
        }
        EXPECT_EQ(cudaStreamSynchronize(h), cudaSuccess);  // still valid: the library did not destroy it
        EXPECT_EQ(cudaStreamDestroy(h), cudaSuccess);
    }
}

TEST(DLPack, ExportFields) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<std::int16_t>({3, 4});
        const auto t = a.T();
        gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(t);
        EXPECT_EQ(m->version.major, 1u);
        EXPECT_EQ(m->flags, 0u);
        EXPECT_EQ(m->dl_tensor.data, static_cast<void*>(t.data()));
        EXPECT_EQ(m->dl_tensor.device.device_type, ex == gpu::executor::cuda ? gpu::dlpack::kDLCUDA : gpu::dlpack::kDLCPU);
        EXPECT_EQ(m->dl_tensor.ndim, 2);
        EXPECT_EQ(m->dl_tensor.dtype.code, gpu::dlpack::kDLInt);
        EXPECT_EQ(m->dl_tensor.dtype.bits, 16);
        EXPECT_EQ(m->dl_tensor.shape[0], 4);
        EXPECT_EQ(m->dl_tensor.shape[1], 3);
        EXPECT_EQ(m->dl_tensor.strides[0], 1);
        EXPECT_EQ(m->dl_tensor.strides[1], 4);
        const auto* buf = a.buffer().get();
        const long uses = a.buffer().use_count();
        EXPECT_GT(uses, 2);  // a, t and the export
        m->deleter(m);
        EXPECT_EQ(a.buffer().use_count(), uses - 1);
        EXPECT_EQ(a.buffer().get(), buf);
    }
}

TEST(DLPack, RoundTripIsZeroCopyAndDeletesOnce) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<double>({2, 3, 4});
        // Strided, with a negative step: a[:, ::2, ::-1].
        const auto view = a(gpu::slice(), gpu::slice(gpu::none, gpu::none, 2), gpu::slice(gpu::none, gpu::none, -1));
        const long uses = a.buffer().use_count();
        gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(view);
        // Count the deleter's calls: wrap it (what a consumer sees is the producer's deleter).
        static int calls;
        static void (*inner)(gpu::dlpack::DLManagedTensorVersioned*);
        calls = 0;
        inner = m->deleter;
        m->deleter = [](gpu::dlpack::DLManagedTensorVersioned* self) {
            ++calls;
            inner(self);
        };
        {
            const auto b = gpu::from_dlpack<double>(m);
            EXPECT_EQ(b.data(), view.data());  // zero-copy
            EXPECT_EQ(b.shape(), view.shape());
            EXPECT_EQ(b.strides(), view.strides());
            EXPECT_EQ(values_of(b), values_of(view));
            const auto c = b(0);  // a view of the import holds it too
            EXPECT_EQ(calls, 0);
            (void)c;
        }
        EXPECT_EQ(calls, 1);
        EXPECT_EQ(a.buffer().use_count(), uses);  // the export's hold is gone: nothing leaked
    }
}

TEST(DLPack, ImportErrorsLeaveTheTensorToTheCaller) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<float>({4});
        const long uses = a.buffer().use_count();
        gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(a);
        EXPECT_THROW((void)gpu::from_dlpack<double>(m), gpu::type_error);
        EXPECT_THROW((void)gpu::from_dlpack<std::int32_t>(m), gpu::type_error);
        m->version.major = 2;
        EXPECT_THROW((void)gpu::from_dlpack<float>(m), gpu::value_error);
        m->version.major = 1;
        const auto device = m->dl_tensor.device;
        m->dl_tensor.device.device_type = ex == gpu::executor::cuda ? gpu::dlpack::kDLCPU : gpu::dlpack::kDLCUDA;
        EXPECT_THROW((void)gpu::from_dlpack<float>(m), gpu::device_error);
        m->dl_tensor.device = device;
        m->dl_tensor.byte_offset = 2;
        EXPECT_THROW((void)gpu::from_dlpack<float>(m), gpu::value_error);
        m->dl_tensor.byte_offset = 0;
        m->flags |= gpu::dlpack::DLPACK_FLAG_BITMASK_READ_ONLY;
        EXPECT_THROW((void)gpu::from_dlpack<float>(m), gpu::value_error);
        EXPECT_EQ(a.buffer().use_count(), uses + 1);  // every failure left m alive
        const auto copy = gpu::from_dlpack<float>(m, gpu::dlpack::read_only::copy);  // consumes m
        EXPECT_NE(copy.data(), a.data());
        EXPECT_EQ(values_of(copy), values_of(a));
        EXPECT_EQ(a.buffer().use_count(), uses);
    }
}

TEST(DLPack, NullStridesAreRowMajorAndBoolIsKDLBool) {
    gpu_test::for_each_executor([] {
        const auto a = gpu_test::arange<bool>({2, 3});
        gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(a);
        EXPECT_EQ(m->dl_tensor.dtype.code, gpu::dlpack::kDLBool);
        EXPECT_EQ(m->dl_tensor.dtype.bits, 8);
        m->dl_tensor.strides = nullptr;  // compact row-major, as DLPack allows
        const auto b = gpu::from_dlpack<bool>(m);
        EXPECT_EQ(b.strides(), (gpu::strides_t{3, 1}));
        EXPECT_EQ(values_of(b), values_of(a));
    });
}

// Every dtype exports with the code and bits NumPy, CuPy and PyTorch use (bfloat16: kDLBfloat;
// complex64: kDLComplex, 64 bits) and comes back typed (from_dlpack<T>) and run-time typed
// (from_dlpack_any), zero-copy.
TEST(DLPack, EveryDtypeRoundTrips) {
    using gpu::dlpack::DLDataType;
    auto check = [](auto zero, DLDataType want) {
        using T = decltype(zero);
        SCOPED_TRACE(std::string(gpu::dtype_name_v<T>));
        const auto a = gpu_test::arange<T>({2, 3});
        const auto t = a.T();
        auto* m = gpu::to_dlpack(t);
        EXPECT_EQ(m->dl_tensor.dtype.code, want.code);
        EXPECT_EQ(m->dl_tensor.dtype.bits, want.bits);
        EXPECT_EQ(m->dl_tensor.dtype.lanes, 1);
        const gpu::any_array any = gpu::from_dlpack_any(m);
        ASSERT_TRUE(any.holds<T>());
        EXPECT_EQ(any.get<T>().data(), t.data());
        EXPECT_EQ(any.get<T>().strides(), t.strides());
        EXPECT_EQ(values_of(any.get<T>()), values_of(t));
        auto* m2 = gpu::to_dlpack(a);
        const auto b = gpu::from_dlpack<T>(m2);
        EXPECT_EQ(values_of(b), values_of(a));
    };
    gpu_test::for_each_executor([&] {
        namespace dl = gpu::dlpack;
        check(bool{}, {dl::kDLBool, 8, 1});
        check(std::int8_t{}, {dl::kDLInt, 8, 1});
        check(std::uint16_t{}, {dl::kDLUInt, 16, 1});
        check(std::int64_t{}, {dl::kDLInt, 64, 1});
        check(std::uint64_t{}, {dl::kDLUInt, 64, 1});
        check(float{}, {dl::kDLFloat, 32, 1});
        check(double{}, {dl::kDLFloat, 64, 1});
        check(gpu::float16{}, {dl::kDLFloat, 16, 1});
        check(gpu::bfloat16{}, {dl::kDLBfloat, 16, 1});
        check(std::complex<float>{}, {dl::kDLComplex, 64, 1});
        check(std::complex<double>{}, {dl::kDLComplex, 128, 1});
    });
}

TEST(DLPack, AnyImportRefusesUnknownDtypesAndLeavesTheTensor) {
    gpu_test::for_each_executor([] {
        const auto a = gpu_test::arange<std::int32_t>({4});
        const long uses = a.buffer().use_count();
        auto* m = gpu::to_dlpack(a);
        m->dl_tensor.dtype.lanes = 4;  // a vector type: no dtype of ours
        EXPECT_THROW((void)gpu::from_dlpack_any(m), gpu::type_error);
        m->dl_tensor.dtype = {gpu::dlpack::kDLOpaqueHandle, 64, 1};
        EXPECT_THROW((void)gpu::from_dlpack_any(m), gpu::type_error);
        EXPECT_EQ(a.buffer().use_count(), uses + 1);
        m->deleter(m);
        EXPECT_EQ(a.buffer().use_count(), uses);
    });
}

TEST(DLPack, StreamHandshake) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu_test::arange<float>({8});
        EXPECT_EQ(gpu::dlpack::consumer_stream(), 1);  // the default stream
        if (ex != gpu::executor::cuda) continue;
        EXPECT_THROW((void)gpu::to_dlpack(a, 0), gpu::value_error);
        gpu::stream s;
        auto* m = gpu::to_dlpack(a, reinterpret_cast<std::intptr_t>(s.handle()));  // s waits for a's work
        s.synchronize();
        m->deleter(m);
    }
}

}  // namespace
