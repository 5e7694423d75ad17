#pragma once
// Several GPUs, as CuPy's `with cupy.cuda.Device(1):`. gpu::device_scope makes a device current
// for this thread (cudaSetDevice; the previous one comes back at the end of the scope); arrays
// made on the CUDA executor live on the device current at their creation (ndarray::device(),
// -1 on the host executor); gpu::to_device copies an array to another device; arrays of two
// devices in one expression are a gpu::device_error.
//
// Still single-device, tied to the device current at startup (detail::device(), device 0 unless
// the program set another before the first array): the kernel cache's compile target (all
// devices must share that compute capability), the SM count used to size grids, the pool's
// release threshold and memory::release_cached (that device's pool), the small-block cache
// (other devices' small arrays go straight to their pool), and the memory counters
// (memory::stats and the limit count the bytes of all devices together). Streams belong to the
// device current when they were made: use a stream of the current device. An expression is
// checked for mixed devices, but `z.assign(e)` does not compare z's device with e's.
#include <cuda_runtime_api.h>

#include <string>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu {

template <class V>
class ndarray;

namespace detail {
[[noreturn]] GPU_ND_INLINE void throw_mixed_devices(int a, int b);
}  // namespace detail

// CUDA devices of this machine (0 when there is no usable driver).
GPU_ND_INLINE int device_count();

// The device this thread's new CUDA arrays go to, -1 when no CUDA device is usable.
inline int current_device() {
    if (!cuda_available()) return -1;
    return detail::current_device_id();
}

namespace detail {

// Arrays of two devices cannot meet in one operation (no implicit peer access).
inline void check_same_device(int a, int b) {
    if (a != b) throw_mixed_devices(a, b);
}

// Device ids are 0 ... device_count() - 1; anything else is a device_error naming the range.
GPU_ND_INLINE void check_device_id(int id, const char* what);

}  // namespace detail

// Makes device `id` current for this thread until the scope ends, then the previous one.
class device_scope {
public:
    explicit device_scope(int id) {
        detail::check_device_id(id, "device_scope");
        prev_ = detail::current_device_id();
        if (id != prev_) detail::cuda_check(cudaSetDevice(id), "cudaSetDevice");
        detail::thread_device_slot() = id;
    }
    ~device_scope() {
        cudaSetDevice(prev_);
        detail::thread_device_slot() = prev_;
    }
    device_scope(const device_scope&) = delete;
    device_scope& operator=(const device_scope&) = delete;

private:
    int prev_ = 0;
};

// A contiguous copy of `a` on device `id`. On a's own device it is a.copy() (stream-ordered);
// across devices the copy goes through cudaMemcpyPeerAsync on the legacy default streams and the
// host waits for it, so the result is ready for any stream of the target device.
template <class T>
ndarray<T> to_device(const ndarray<T>& a, int id) {
    detail::check_device_id(id, "to_device");
    if (a.where() != executor::cuda)
        throw device_error("to_device: the array lives on the host executor; copy it to the GPU with gpu::asarray "
                           "inside gpu::executor_scope(gpu::executor::cuda)");
    const int from = a.device();
    if (from == id) {
        device_scope on(id);
        return a.copy();
    }
    detail::check_not_capturing("to_device between devices");
    ndarray<T> src = a;
    {
        device_scope on(from);
        if (!a.is_contiguous()) src = a.copy();
        detail::cuda_check(cudaStreamSynchronize(detail::current_stream()), "cudaStreamSynchronize");  // src is written
    }
    // On the target device's legacy stream: allocate, copy, wait.
    device_scope on(id);
    auto& current = detail::current_stream_state();
    const auto caller_stream = current;
    current.reset();
    try {
        ndarray<T> out(a.shape(), executor::cuda);
        detail::cuda_check(cudaMemcpyPeerAsync(out.data(), id, src.data(), from, src.nbytes(), nullptr), "cudaMemcpyPeerAsync");
        detail::cuda_check(cudaStreamSynchronize(nullptr), "cudaStreamSynchronize");
        current = caller_stream;
        return out;
    } catch (...) {
        current = caller_stream;
        throw;
    }
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/device.ipp"
#endif
