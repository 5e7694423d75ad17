#pragma once
// CUDA graphs: record a sequence of array operations once, replay it many times for the cost of
// one launch (a few microseconds of host time for the whole sequence).
//
//     gpu::graph g = gpu::capture([&] { z.assign(x + y); w += z; });
//     for (...) g.replay();  // on the current stream; g.replay(s) on stream s
//
// gpu::capture runs the callable once on a private non-blocking stream, made current with
// gpu::stream_scope, between cudaStreamBeginCapture (thread-local mode) and
// cudaStreamEndCapture: nothing executes then, every kernel, copy, allocation and free is
// recorded. The rules:
//   - A graph keeps pointers, not arrays: every array it reads or writes, created before the
//     capture, must outlive the graph and its last replay. Replays see the arrays' current
//     contents (same buffers), so refilling an input and replaying recomputes.
//   - Write results into arrays made before the capture (z.assign(e), z += e, eval(e, z)).
//     Temporaries made and dropped inside the callable become the graph's own memory (allocation
//     and free nodes); an array made inside and kept after the capture is an error.
//   - Nothing inside may synchronize or read back to the host: asnumpy, asarray, item, boolean
//     mask selection, nonzero, take/put (their index check reads back) throw gpu::error. Where
//     the library synchronizes it calls detail::check_not_capturing(what), which names the
//     operation; anything else CUDA refuses during a capture is reported by gpu::capture as a
//     gpu::error naming the rule (never a silently invalidated graph).
//   - A new expression inside the callable is fine: NVRTC runs on the host, and the driver loads
//     the kernel during capture (CUDA 12.3 or newer drivers).
//   - Work goes to the capture's stream: do not switch streams (stream_scope) inside.
//   - A graph replays on the device that was current at capture.
// On the host executor (gpu::current_executor() at capture) a graph stores the callable and a
// replay calls it; the same operations are refused inside it, at replay.
#include <cuda_runtime_api.h>

#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/executor.hpp"
#include "gpu/runtime/stream.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu {
namespace detail {

// in_graph(): runtime/stream_state.hpp (buffers read it when they allocate).

// Called where the library waits for the device or reads values back to the host: inside a
// capture that would invalidate it (CUDA refuses to synchronize a capturing stream), so it is
// reported here, by name. capturing_now(): the flag covers gpu::capture; cudaStreamIsCapturing
// also covers a capture begun outside the library on the current stream.
GPU_ND_INLINE bool capturing_now();

GPU_ND_INLINE void check_not_capturing(const char* what);

// Making a library handle or plan (cuBLAS, cuSOLVER, cuFFT) may allocate device memory; inside a
// capture (thread-local mode) that is refused unless this thread relaxes its capture mode for
// the call.
class relaxed_capture_mode {
public:
    relaxed_capture_mode() { cudaThreadExchangeStreamCaptureMode(&mode_); }
    ~relaxed_capture_mode() { cudaThreadExchangeStreamCaptureMode(&mode_); }
    relaxed_capture_mode(const relaxed_capture_mode&) = delete;
    relaxed_capture_mode& operator=(const relaxed_capture_mode&) = delete;

private:
    cudaStreamCaptureMode mode_ = cudaStreamCaptureModeRelaxed;
};

// Sets the in_graph flag for a scope.
class in_graph_scope {
public:
    in_graph_scope() : prev_(in_graph()) { in_graph() = true; }
    ~in_graph_scope() { in_graph() = prev_; }
    in_graph_scope(const in_graph_scope&) = delete;
    in_graph_scope& operator=(const in_graph_scope&) = delete;

private:
    bool prev_;
};

// The host executor's graph: the callable itself, behind one virtual call.
struct host_callable {
    virtual ~host_callable() = default;
    virtual void operator()() = 0;
};
template <class F>
struct host_callable_of final : host_callable {
    F f;
    explicit host_callable_of(F fn) : f(std::move(fn)) {}
    void operator()() override { f(); }
};

struct graph_state {
    cudaGraphExec_t exec = nullptr;
    std::size_t kernels = 0;
    std::unique_ptr<host_callable> host;
    executor where = executor::host;

    graph_state() = default;
    graph_state(const graph_state&) = delete;
    graph_state& operator=(const graph_state&) = delete;
    ~graph_state() {
        if (exec) cudaGraphExecDestroy(exec);  // an exec still in flight is freed when it completes
    }
};

// What a finished capture recorded.
struct graph_census {
    std::size_t kernels = 0, allocations = 0, frees = 0;
};

GPU_ND_INLINE graph_census count_nodes(cudaGraph_t g);

GPU_ND_INLINE bool is_capture_failure(int code);

[[noreturn]] GPU_ND_INLINE void throw_capture_failure(const std::string& why);

}  // namespace detail

// A recorded sequence of array operations (see the top of this file). Copies share the graph.
class graph {
public:
    graph() = default;  // empty: replay does nothing

    // Launches the recorded work on the current stream (after the work already enqueued there).
    void replay() const { replay(detail::current_stream()); }
    void replay(const stream& s) const { replay(s.handle()); }
    void replay(cudaStream_t s) const {
        if (!state_) return;
        if (state_->exec) {
            detail::cuda_check(cudaGraphLaunch(state_->exec, s), "cudaGraphLaunch");
        } else if (state_->host) {
            detail::in_graph_scope recording;
            (*state_->host)();
        }
    }

    // Kernel nodes of the graph (0 for an empty graph and on the host executor).
    std::size_t size() const noexcept { return state_ ? state_->kernels : 0; }
    bool empty() const noexcept { return !state_; }
    executor where() const noexcept { return state_ ? state_->where : executor::host; }

private:
    explicit graph(std::shared_ptr<detail::graph_state> s) : state_(std::move(s)) {}
    template <class F>
    friend graph capture(F&& f);

    std::shared_ptr<detail::graph_state> state_;
};

// Records what `f` does to arrays on the current executor into a graph, without executing it.
template <class F>
graph capture(F&& f) {
    if (detail::in_graph()) throw error("gpu::capture cannot be nested inside another capture");
    auto state = std::make_shared<detail::graph_state>();
    state->where = current_executor();
    if (state->where == executor::host) {
        state->host = std::make_unique<detail::host_callable_of<std::decay_t<F>>>(std::forward<F>(f));
        return graph(std::move(state));
    }

    stream s;  // private and non-blocking: no other work can join the capture
    cudaGraph_t g = nullptr;
    {
        stream_scope on(s);
        detail::in_graph_scope recording;
        detail::cuda_check(cudaStreamBeginCapture(s.handle(), cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
        try {
            f();
        } catch (...) {
            // End the capture whatever happened, so the stream and this thread are usable again.
            cudaGraph_t partial = nullptr;
            cudaStreamEndCapture(s.handle(), &partial);
            if (partial) cudaGraphDestroy(partial);
            cudaGetLastError();
            try {
                throw;
            } catch (const cuda_error& e) {
                if (detail::is_capture_failure(e.code())) detail::throw_capture_failure(e.what());
                throw;
            }
        }
        const cudaError_t err = cudaStreamEndCapture(s.handle(), &g);
        if (err != cudaSuccess) {
            if (g) cudaGraphDestroy(g);
            cudaGetLastError();
            if (detail::is_capture_failure(err)) detail::throw_capture_failure(cudaGetErrorString(err));
            detail::throw_cuda(err, "cudaStreamEndCapture");
        }
    }
    struct graph_guard {
        cudaGraph_t g;
        ~graph_guard() { cudaGraphDestroy(g); }  // the instantiated exec does not need it
    } guard{g};
    const detail::graph_census census = detail::count_nodes(g);
    if (census.allocations > census.frees)
        throw error("gpu::capture: an array created inside the capture outlives it (" +
                    std::to_string(census.allocations - census.frees) +
                    " allocation(s) not freed in the graph); make result arrays before the capture and write into "
                    "them with assign, eval(e, out) or the in-place operators");
    detail::cuda_check(cudaGraphInstantiate(&state->exec, g, 0), "cudaGraphInstantiate");
    state->kernels = census.kernels;
    return graph(std::move(state));
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/runtime/graph.ipp"
#endif
