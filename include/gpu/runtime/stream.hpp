#pragma once
// Streams, as CuPy's `with stream:`: gpu::stream is a non-blocking CUDA stream (RAII), and
// gpu::stream_scope makes it the current stream of this thread, so every operation of the scope
// (kernels, allocations, frees, transfers) is enqueued on it. Arrays remember the stream they
// were allocated on: their memory is freed in that stream's order, after any other stream that
// used them (buffer.hpp). On the host executor streams exist but order nothing: work is eager.
#include <cuda_runtime_api.h>

#include <memory>

#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/event.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {

class stream {
public:
    // A new non-blocking stream on the device (no work of the default stream orders it), or,
    // without a usable GPU, a stream that orders nothing.
    stream() : state_(std::make_shared<detail::stream_state>()) {
        if (cuda_available())
            detail::cuda_check(cudaStreamCreateWithFlags(&state_->handle, cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
    }

    // A stream made by someone else (PyTorch's current stream, a cudaStream_t of another
    // library), so that the library's work is ordered with theirs: stream_scope it like any
    // stream. The handle stays theirs: it must outlive every use here, including the
    // stream-ordered frees of arrays allocated on it, and is never destroyed by the library.
    static stream borrow(cudaStream_t handle) {
        stream s(nullptr);
        s.state_->handle = handle;
        s.state_->owned = false;
        return s;
    }

    // The CUDA handle, for another library's calls (cuBLAS, a kernel of your own, PyTorch).
    cudaStream_t handle() const noexcept { return state_->handle; }

    // Waits until all work enqueued on this stream has finished.
    void synchronize() const {
        if (state_->handle) detail::cuda_check(cudaStreamSynchronize(state_->handle), "cudaStreamSynchronize");
    }
    // True when all work enqueued on this stream has finished.
    bool query() const {
        if (!state_->handle) return true;
        const cudaError_t err = cudaStreamQuery(state_->handle);
        if (err == cudaErrorNotReady) return false;
        detail::cuda_check(err, "cudaStreamQuery");
        return true;
    }
    // Makes later work on this stream wait for the work recorded by `e` (on any stream).
    void wait(const event& e) const {
        if (state_->handle && e.handle())
            detail::cuda_check(cudaStreamWaitEvent(state_->handle, e.handle(), 0), "cudaStreamWaitEvent");
    }

    const std::shared_ptr<detail::stream_state>& state() const noexcept { return state_; }

private:
    explicit stream(std::nullptr_t) : state_(std::make_shared<detail::stream_state>()) {}
    std::shared_ptr<detail::stream_state> state_;
};

// Makes `s` the current stream of this thread until the scope ends (then the previous one).
class stream_scope {
public:
    explicit stream_scope(const stream& s) : prev_(detail::current_stream_state()) { detail::current_stream_state() = s.state(); }
    ~stream_scope() { detail::current_stream_state() = prev_; }
    stream_scope(const stream_scope&) = delete;
    stream_scope& operator=(const stream_scope&) = delete;

private:
    std::shared_ptr<detail::stream_state> prev_;
};

// Waits for all work on the device (every stream).
inline void synchronize() {
    if (cuda_available()) detail::cuda_check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");
}

}  // namespace gpu
