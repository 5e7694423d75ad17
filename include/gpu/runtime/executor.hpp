#pragma once
// Where arrays live and expressions run: the CUDA device, or the host executor. The choice is
// made once per process from GPU_NDARRAY_DEVICE and what the machine has, and a thread can
// override it for a scope (gpu::executor_scope), which is how tests compare the two.
#include <cuda_runtime_api.h>

#include <cstdio>
#include <memory>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"

namespace gpu {

enum class executor : unsigned char { host, cuda };

inline const char* to_string(executor e) { return e == executor::host ? "host" : "cuda"; }

namespace detail {

struct device_info {
    bool available = false;
    std::string why_not;  // why there is no usable device, when there is none
    int device = 0;
    int cc_major = 0, cc_minor = 0;
    int sm_count = 0;
};

inline device_info probe_device() {
    device_info info;
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess || count == 0) {
        info.why_not = err != cudaSuccess ? cudaGetErrorString(err) : "no CUDA device found";
        cudaGetLastError();  // clear the sticky status of the failed probe
        return info;
    }
    cuda_check(cudaGetDevice(&info.device), "cudaGetDevice");
    cuda_check(cudaDeviceGetAttribute(&info.cc_major, cudaDevAttrComputeCapabilityMajor, info.device), "cudaDeviceGetAttribute");
    cuda_check(cudaDeviceGetAttribute(&info.cc_minor, cudaDevAttrComputeCapabilityMinor, info.device), "cudaDeviceGetAttribute");
    cuda_check(cudaDeviceGetAttribute(&info.sm_count, cudaDevAttrMultiProcessorCount, info.device), "cudaDeviceGetAttribute");
    // Keep freed blocks in the stream-ordered pool instead of returning them to the driver at
    // every synchronization: that is what makes allocation per operation cheap.
    cudaMemPool_t pool;
    cuda_check(cudaDeviceGetDefaultMemPool(&pool, info.device), "cudaDeviceGetDefaultMemPool");
    unsigned long long threshold = ~0ull;
    cuda_check(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold), "cudaMemPoolSetAttribute");
    info.available = true;
    return info;
}

inline const device_info& device() {
    static const device_info info = probe_device();
    return info;
}

inline executor choose_default_executor() {
    const std::string want = env_string("GPU_NDARRAY_DEVICE");
    if (want == "cpu" || want == "host") return executor::host;
    if (want == "cuda") {
        if (!device().available)
            throw device_error("GPU_NDARRAY_DEVICE=cuda but no CUDA device is usable: " + device().why_not);
        return executor::cuda;
    }
    if (!want.empty())
        throw value_error("GPU_NDARRAY_DEVICE must be 'cuda' or 'cpu', not '" + want + "'");
    if (device().available) return executor::cuda;
    std::fprintf(stderr, "gpu_ndarray: no CUDA device (%s); running on the host executor\n", device().why_not.c_str());
    return executor::host;
}

inline executor default_executor() {
    static const executor e = choose_default_executor();
    return e;
}

inline executor*& executor_override() {
    thread_local executor* e = nullptr;
    return e;
}

}  // namespace detail

// The executor new arrays are created on in this thread.
inline executor current_executor() {
    executor* e = detail::executor_override();
    return e ? *e : detail::default_executor();
}

// True when a CUDA device is usable in this process.
inline bool cuda_available() { return detail::device().available; }

// Makes `e` the current executor of this thread until the scope ends.
class executor_scope {
public:
    explicit executor_scope(executor e) : e_(e), prev_(detail::executor_override()) {
        if (e == executor::cuda && !cuda_available())
            throw device_error("no CUDA device is usable: " + detail::device().why_not);
        detail::executor_override() = &e_;
    }
    ~executor_scope() { detail::executor_override() = prev_; }
    executor_scope(const executor_scope&) = delete;
    executor_scope& operator=(const executor_scope&) = delete;

private:
    executor e_;
    executor* prev_;
};

namespace detail {

// A CUDA stream, shared by the gpu::stream that made it and by every buffer allocated on it, so
// that it outlives the stream-ordered frees that name it. The default stream has no state.
struct stream_state {
    cudaStream_t handle = nullptr;
    stream_state() = default;
    stream_state(const stream_state&) = delete;
    stream_state& operator=(const stream_state&) = delete;
    ~stream_state() {
        if (handle) cudaStreamDestroy(handle);  // pending work still completes
    }
};

// This thread's current CUDA device, read once and then kept in step by gpu::device_scope, so
// that allocating and freeing need no cudaGetDevice call (each costs about 0.1 us).
inline int& thread_device_slot() {
    thread_local int d = -1;  // -1: not read yet
    return d;
}
inline int current_device_id() {
    int& d = thread_device_slot();
    if (d < 0 && cudaGetDevice(&d) != cudaSuccess) d = 0;
    return d;
}

// This thread's current stream (gpu::stream_scope sets it); empty means the default stream.
inline std::shared_ptr<stream_state>& current_stream_state() {
    thread_local std::shared_ptr<stream_state> s;
    return s;
}

// The stream every operation is enqueued on. The default (legacy) stream is spelled 0: the
// driver launches on it faster than on the cudaStreamLegacy handle
// (tools/probe/launch_probe.cpp: 2.9 against 5.6 us).
inline cudaStream_t current_stream() {
    const auto& s = current_stream_state();
    return s ? s->handle : nullptr;
}

}  // namespace detail
}  // namespace gpu
