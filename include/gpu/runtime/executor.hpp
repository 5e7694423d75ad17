#pragma once
// Where arrays live and expressions run: the CUDA device, or the host executor. The choice is
// made once per process from GPU_NDARRAY_DEVICE and what the machine has (device_info.hpp), and
// a thread can override it for a scope (gpu::executor_scope), which is how tests compare the two.
#include <cuda_runtime_api.h>

#include <memory>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/device_info.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu {

enum class executor : unsigned char { host, cuda };

inline const char* to_string(executor e) { return e == executor::host ? "host" : "cuda"; }

namespace detail {

// GPU_NDARRAY_DEVICE, else the GPU when one is usable.
GPU_ND_INLINE executor choose_default_executor();

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

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/executor.ipp"
#endif
