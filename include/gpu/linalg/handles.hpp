#pragma once
// cuBLAS, cuBLASLt and cuSOLVER handles and workspaces.
//
// Handles: one set per thread and device (cuBLAS and cuSOLVER handles are not safe to share
// between threads), made on first use and bound to the current stream before every call. A
// thread's set goes back to a process-wide pool when the thread ends, so short-lived threads do
// not make new handles; the pool itself is never destroyed (destroying handles during process
// exit races CUDA's own teardown).
//
// Workspace: cublasSetStream resets cuBLAS's workspace to its own, which a graph capture cannot
// use, so every call sets one explicitly, from the library's pool: one per (thread, device,
// stream), 32 MiB (what Hopper's kernels want). Inside a graph capture the workspace is a
// temporary of the call instead (the capture records its allocation and free, as for any
// temporary array), so products and factorizations work inside gpu::capture.
#include <cublasLt.h>
#include <cublas_v2.h>
#include <cuda_runtime_api.h>
#include <cusolverDn.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "gpu/linalg/error.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/graph.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu::detail {

inline constexpr std::size_t blas_workspace_bytes = std::size_t{32} << 20;

struct linalg_handles {
    int device = -1;
    cublasHandle_t blas = nullptr;
    cublasLtHandle_t lt = nullptr;
    cusolverDnHandle_t solver = nullptr;
    cusolverDnParams_t params = nullptr;
};

// Handles released by threads that ended, per device, ready for the next thread.
struct linalg_handle_pool {
    std::mutex m;
    std::vector<linalg_handles> free;
};
inline linalg_handle_pool& handle_pool() {
    static auto* p = new linalg_handle_pool;  // never destroyed: see the top of this file
    return *p;
}

inline linalg_handles make_linalg_handles(int device) {
    {
        auto& pool = handle_pool();
        std::lock_guard<std::mutex> lock(pool.m);
        for (std::size_t i = 0; i < pool.free.size(); ++i)
            if (pool.free[i].device == device) {
                linalg_handles h = pool.free[i];
                pool.free.erase(pool.free.begin() + static_cast<std::ptrdiff_t>(i));
                return h;
            }
    }
    relaxed_capture_mode relaxed;
    linalg_handles h;
    h.device = device;
    cublas_check(cublasCreate(&h.blas), "cublasCreate");
    cublas_check(cublasSetPointerMode(h.blas, CUBLAS_POINTER_MODE_HOST), "cublasSetPointerMode");
    return h;
}

// The workspace of one stream (held by the thread that uses it there).
struct stream_workspace {
    cudaStream_t stream = nullptr;
    std::shared_ptr<buffer> mem;
};

// This thread's handles and workspaces.
struct thread_linalg {
    std::vector<linalg_handles> handles;           // one per device used
    std::vector<std::pair<int, stream_workspace>> spaces;  // (device, workspace), at most a few

    ~thread_linalg() {
        auto& pool = handle_pool();
        std::lock_guard<std::mutex> lock(pool.m);
        for (const auto& h : handles) pool.free.push_back(h);
    }

    linalg_handles& for_device(int device) {
        for (auto& h : handles)
            if (h.device == device) return h;
        handles.push_back(make_linalg_handles(device));
        return handles.back();
    }

    // The workspace of (device, stream), made on the stream from the pool on first use. A
    // workspace keeps its stream alive (a buffer holds its stream), so only the last few streams
    // keep one: the oldest is dropped (freed in its own stream's order) past that.
    void* workspace(int device, cudaStream_t stream) {
        for (auto& [d, w] : spaces)
            if (d == device && w.stream == stream) return w.mem->data();
        constexpr std::size_t max_streams = 8;
        if (spaces.size() >= max_streams) spaces.erase(spaces.begin());
        stream_workspace w;
        w.stream = stream;
        w.mem = make_buffer(blas_workspace_bytes, executor::cuda);
        spaces.emplace_back(device, std::move(w));
        return spaces.back().second.mem->data();
    }
};

inline thread_linalg& this_thread_linalg() {
    thread_local thread_linalg t;
    return t;
}

// A cuBLAS handle bound to the current stream with a workspace set, for one call. `temp` keeps
// the capture-time workspace alive until the call is enqueued.
struct cublas_call {
    cublasHandle_t handle;
    void* workspace;
    std::shared_ptr<buffer> temp;
};

inline cublas_call cublas_for_call() {
    const int device = current_device_id();
    const cudaStream_t stream = current_stream();
    auto& t = this_thread_linalg();
    cublas_call c{t.for_device(device).blas, nullptr, nullptr};
    cublas_check(cublasSetStream(c.handle, stream), "cublasSetStream");
    if (capturing_now()) {
        c.temp = make_buffer(blas_workspace_bytes, executor::cuda);
        c.workspace = c.temp->data();
    } else {
        c.workspace = t.workspace(device, stream);
    }
    cublas_check(cublasSetWorkspace(c.handle, c.workspace, blas_workspace_bytes), "cublasSetWorkspace");
    return c;
}

// The cuBLASLt handle of this thread and device (workspaces are passed per call to cublasLtMatmul).
inline cublasLtHandle_t cublaslt_handle() {
    linalg_handles& h = this_thread_linalg().for_device(current_device_id());
    if (!h.lt) {
        relaxed_capture_mode relaxed;
        cublas_check(cublasLtCreate(&h.lt), "cublasLtCreate");
    }
    return h.lt;
}

// The cuSOLVER handle and its 64-bit API parameters, bound to the current stream. cuSOLVER's
// workspaces are queried per call and come from the pool as temporaries of the call.
struct cusolver_call {
    cusolverDnHandle_t handle;
    cusolverDnParams_t params;
};

inline cusolver_call cusolver_for_call() {
    linalg_handles& h = this_thread_linalg().for_device(current_device_id());
    if (!h.solver) {
        relaxed_capture_mode relaxed;
        cusolver_check(cusolverDnCreate(&h.solver), "cusolverDnCreate");
        cusolver_check(cusolverDnCreateParams(&h.params), "cusolverDnCreateParams");
    }
    cusolver_check(cusolverDnSetStream(h.solver, current_stream()), "cusolverDnSetStream");
    return {h.solver, h.params};
}

}  // namespace gpu::detail
