#pragma once
// Definitions for runtime/graph.hpp (see core/inline.hpp).
#include <string>
#include <vector>

#include "gpu/runtime/graph.hpp"

namespace gpu::detail {

GPU_ND_INLINE bool capturing_now() {
    if (in_graph()) return true;
    const cudaStream_t s = current_stream();
    cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
    return s && cudaStreamIsCapturing(s, &status) == cudaSuccess && status != cudaStreamCaptureStatusNone;
}

GPU_ND_INLINE void check_not_capturing(const char* what) {
    if (capturing_now())
        throw error(std::string(what) +
                    " cannot run inside gpu::capture: it synchronizes with the device or reads values back to the "
                    "host, which a graph cannot record; do it before the capture or after a replay");
}

GPU_ND_INLINE graph_census count_nodes(cudaGraph_t g) {
    std::size_t n = 0;
    cuda_check(cudaGraphGetNodes(g, nullptr, &n), "cudaGraphGetNodes");
    std::vector<cudaGraphNode_t> nodes(n);
    if (n) cuda_check(cudaGraphGetNodes(g, nodes.data(), &n), "cudaGraphGetNodes");
    graph_census c;
    for (cudaGraphNode_t node : nodes) {
        cudaGraphNodeType type;
        cuda_check(cudaGraphNodeGetType(node, &type), "cudaGraphNodeGetType");
        c.kernels += type == cudaGraphNodeTypeKernel;
        c.allocations += type == cudaGraphNodeTypeMemAlloc;
        c.frees += type == cudaGraphNodeTypeMemFree;
    }
    return c;
}

GPU_ND_INLINE bool is_capture_failure(int code) {
    return code == cudaErrorStreamCaptureUnsupported || code == cudaErrorStreamCaptureInvalidated ||
           code == cudaErrorStreamCaptureImplicit || code == cudaErrorStreamCaptureIsolation ||
           code == cudaErrorStreamCaptureUnjoined || code == cudaErrorStreamCaptureUnmatched ||
           code == cudaErrorStreamCaptureWrongThread;
}

GPU_ND_INLINE void throw_capture_failure(const std::string& why) {
    throw error("gpu::capture: CUDA could not record the operations (" + why +
                "); operations that synchronize or read back to the host (asnumpy, item, boolean masks, nonzero, "
                "reductions to a host value) cannot run inside a capture");
}

}  // namespace gpu::detail
