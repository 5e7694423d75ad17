#pragma once
// What the indexing operations share: argument checks, contiguous inputs, device scratch and
// read-backs, the bad-index flag, and the two passes of the stream compaction (per-block counts
// scanned on the host, then an action per true element), with the host executor's compaction.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/exec/cuda_executor.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/indexing/kernels.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu::detail {

inline void check_same_executor(const char* what, executor a, executor b) {
    if (a != b)
        throw device_error(std::string(what) + ": operands live on different executors (" + to_string(a) + " and " +
                           to_string(b) + "); move them with gpu::asnumpy / gpu::asarray first");
}

// The array itself when it is C-contiguous, else a contiguous copy (simplest correct).
template <class T>
ndarray<T> contiguous(const ndarray<T>& a) {
    return a.is_contiguous() ? a : a.copy();
}

template <class T>
inline constexpr bool is_index_dtype_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// NumPy's IndexError for an index outside [-size, size).
[[noreturn]] inline void throw_index_out_of_bounds(std::int64_t index, int axis, std::int64_t size) {
    throw index_error("index " + std::to_string(index) + " is out of bounds for axis " + std::to_string(axis) +
                      " with size " + std::to_string(size));
}

// Device scratch from the pool (freed in stream order when the handle dies).
inline std::shared_ptr<buffer> device_scratch(std::size_t bytes) {
    return make_buffer(std::max<std::size_t>(bytes, 8), executor::cuda);
}

// Copies device memory to the host and waits for it (and for the work before it).
inline void read_back(void* dst, const void* src, std::size_t bytes) {
    check_not_capturing("reading a result back to the host (boolean mask selection, nonzero, an index check)");
    const cudaStream_t stream = current_stream();
    cuda_check(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, stream), "cudaMemcpyAsync (device to host)");
    cuda_check(cudaStreamSynchronize(stream), "cudaStreamSynchronize");
}

// The bad-index flag: the lowest position of an out-of-bounds index, all ones when none.
struct bad_index_flag {
    std::shared_ptr<buffer> mem = device_scratch(sizeof(unsigned long long));

    bad_index_flag() {
        cuda_check(cudaMemsetAsync(mem->data(), 0xff, sizeof(unsigned long long), current_stream()), "cudaMemsetAsync");
    }
    unsigned long long* ptr() const { return static_cast<unsigned long long*>(mem->data()); }

    // Waits for the kernel; throws NumPy's IndexError naming the first bad index of idx.
    template <class I>
    void check(const I* idx, int axis, std::int64_t size) const {
        unsigned long long pos = 0;
        read_back(&pos, ptr(), sizeof pos);
        if (pos == ~0ull) return;
        I raw;
        read_back(&raw, idx + pos, sizeof raw);
        throw_index_out_of_bounds(static_cast<std::int64_t>(raw), axis, size);
    }
};

// Pass 1 of the stream compaction over a contiguous device array of n elements: per-block
// counts of true elements, copied to the host and exclusive-scanned there; the offsets go back
// to the device for pass 2. The read-back is the one synchronization (the output size must be
// known before it can be allocated, as in CuPy).
struct compaction_plan {
    std::int64_t n = 0, chunk = min_chunk, blocks = 0, count = 0;
    std::shared_ptr<buffer> offsets;  // device, `blocks` int64s
};

// `uses`: the arrays the kernel reads (stream-use notes, kernel/launch.hpp).
template <class M, class... Uses>
compaction_plan plan_compaction(const M* mask, std::int64_t n, bool need_offsets, const Uses&... uses) {
    compaction_plan p;
    p.n = n;
    if (n == 0) return p;
    // Enough blocks to fill the GPU, each a contiguous chunk (a multiple of the block size).
    const std::int64_t target = std::int64_t{device().sm_count} * 16;
    p.chunk = std::max<std::int64_t>(min_chunk, ((n + target - 1) / target + block_threads - 1) / block_threads * block_threads);
    p.blocks = ceil_div(n, p.chunk);
    std::shared_ptr<buffer> counts = device_scratch(static_cast<std::size_t>(p.blocks) * sizeof(std::int64_t));
    kernel_args<64, 4> args;
    args.push(mask);
    args.push(static_cast<long long>(n));
    args.push(static_cast<long long>(p.chunk));
    args.push(static_cast<long long*>(counts->data()));
    using K = count_kernel<M>;
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = static_cast<unsigned>(p.blocks)}, args.argv,
           "launching the nonzero count kernel", uses...);
    std::vector<std::int64_t> host(static_cast<std::size_t>(p.blocks));
    read_back(host.data(), counts->data(), host.size() * sizeof(std::int64_t));
    std::int64_t sum = 0;
    for (auto& c : host) {
        const std::int64_t block_count = c;
        c = sum;
        sum += block_count;
    }
    p.count = sum;
    if (need_offsets && sum > 0) {
        // Pageable source: the copy is staged before cudaMemcpyAsync returns, so `host` may go.
        cuda_check(cudaMemcpyAsync(counts->data(), host.data(), host.size() * sizeof(std::int64_t),
                                   cudaMemcpyHostToDevice, current_stream()),
                   "cudaMemcpyAsync (host to device)");
        p.offsets = std::move(counts);
    }
    return p;
}

// Pass 2 on the GPU: act(i, p) for the p-th true element i of mask (a gnd action, passed to the
// kernel by value). `uses`: the arrays it reads or writes.
template <class M, class A, class... Uses>
void run_compaction(const M* mask, const A& act, const compaction_plan& p, const char* what, const Uses&... uses) {
    using K = compact_kernel<M, A>;
    kernel_args<256, 5> args;
    args.push(mask);
    args.push(act);
    args.push(static_cast<const long long*>(p.offsets->data()));
    args.push(static_cast<long long>(p.n));
    args.push(static_cast<long long>(p.chunk));
    launch(get_kernel(kernel_slots<K>::slot[0], K::source), {.gx = static_cast<unsigned>(p.blocks)}, args.argv, what,
           uses...);
}

// The host executor's count and compaction: the same truth and actions, in C order.
template <class M>
std::int64_t count_true_host(const M* mask, std::int64_t n) {
    return static_cast<std::int64_t>(gnd::count_true_in(mask, 0, n, 1));
}

template <class M, class A>
void compact_host(const M* mask, std::int64_t n, const A& act) {
    long long p = 0;
    for (long long i = 0; i < n; ++i)
        if (gnd::truth(mask[i])) act(i, p++);
}

}  // namespace gpu::detail
