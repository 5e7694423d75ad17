#pragma once
// This thread's current device and stream: what every operation is enqueued on.
#include <cuda_runtime_api.h>

#include <memory>

namespace gpu::detail {

// A CUDA stream, shared by the gpu::stream that made it and by every buffer allocated on it, so
// that it outlives the stream-ordered frees that name it. The default stream has no state.
struct stream_state {
    cudaStream_t handle = nullptr;
    bool owned = true;  // false for gpu::stream::borrow: another library destroys it
    stream_state() = default;
    stream_state(const stream_state&) = delete;
    stream_state& operator=(const stream_state&) = delete;
    ~stream_state() {
        if (handle && owned) cudaStreamDestroy(handle);  // pending work still completes
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

// True while this thread records a graph with gpu::capture (or replays a host-executor graph).
inline bool& in_graph() {
    thread_local bool flag = false;
    return flag;
}

// This thread's current stream (gpu::stream_scope sets it); empty means the default stream.
inline std::shared_ptr<stream_state>& current_stream_state() {
    thread_local std::shared_ptr<stream_state> s;
    return s;
}

// The stream every operation is enqueued on. The default (legacy) stream is spelled 0: the
// driver launches on it with less host time than on the cudaStreamLegacy handle.
inline cudaStream_t current_stream() {
    const auto& s = current_stream_state();
    return s ? s->handle : nullptr;
}

}  // namespace gpu::detail
