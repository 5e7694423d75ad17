#pragma once
// gpu::event marks a point in a stream's work: record it, wait for it (on the host, or make
// another stream wait), and time between two events. On the host executor, where work runs
// eagerly, an event is a timestamp.
#include <cuda_runtime_api.h>

#include <cstdint>
#include <utility>

#include "gpu/runtime/clock.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {

class event {
public:
    // A CUDA event when the current executor is the GPU, else a host timestamp.
    event() {
        if (current_executor() == executor::cuda) detail::cuda_check(cudaEventCreate(&handle_), "cudaEventCreate");
    }
    ~event() {
        if (handle_) cudaEventDestroy(handle_);
    }
    event(event&& o) noexcept : handle_(o.handle_), stamp_ns_(o.stamp_ns_) { o.handle_ = nullptr; }
    event& operator=(event&& o) noexcept {
        std::swap(handle_, o.handle_);
        std::swap(stamp_ns_, o.stamp_ns_);
        return *this;
    }
    event(const event&) = delete;
    event& operator=(const event&) = delete;

    // Records the work enqueued so far on the current stream (or on stream handle `s`).
    void record() { record(detail::current_stream()); }
    void record(cudaStream_t s) {
        if (handle_) detail::cuda_check(cudaEventRecord(handle_, s), "cudaEventRecord");
        else stamp_ns_ = detail::monotonic_ns();
    }
    // Waits on the host until the recorded work has finished.
    void synchronize() const {
        if (handle_) detail::cuda_check(cudaEventSynchronize(handle_), "cudaEventSynchronize");
    }
    // True when the recorded work has finished.
    bool query() const {
        if (!handle_) return true;
        const cudaError_t err = cudaEventQuery(handle_);
        if (err == cudaErrorNotReady) return false;
        detail::cuda_check(err, "cudaEventQuery");
        return true;
    }
    cudaEvent_t handle() const noexcept { return handle_; }

    // Milliseconds between two recorded events (waits for `stop`).
    friend float elapsed_ms(const event& start, const event& stop) {
        if (start.handle_ && stop.handle_) {
            stop.synchronize();
            float ms = 0;
            detail::cuda_check(cudaEventElapsedTime(&ms, start.handle_, stop.handle_), "cudaEventElapsedTime");
            return ms;
        }
        return static_cast<float>(stop.stamp_ns_ - start.stamp_ns_) / 1e6f;
    }

private:
    cudaEvent_t handle_ = nullptr;
    std::int64_t stamp_ns_ = 0;  // host executor: the monotonic clock at record()
};

}  // namespace gpu
