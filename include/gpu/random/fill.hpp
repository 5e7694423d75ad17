#pragma once
// Filling a new array with random values. Each Philox call (a block) gives G values (philox.hpp),
// so on the GPU one thread computes a block and stores its G values as one vector: a library
// kernel, one launch per call, no upload. (An element-wise expression over index_leaf would
// compute every element's block again: NVVM does not see that the elements of one vector share
// it, so float32 would pay four Philox calls per block; the PTX showed it.) The host executor runs
// the same shared block functions in a loop, so both executors give the same bits.
#include <algorithm>
#include <cstdint>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/exec/cuda_executor.hpp"
#include "gpu/expr/nodes.hpp"
#include "gpu/jit/library_kernel.hpp"
#include "gpu/random/generator.hpp"
#include "gpu/random/philox.hpp"
#include "gpu/runtime/launch.hpp"

namespace gpu::detail {

// The distributions: the shared block function a kernel calls (by name), the same function on
// the host, and G, the values one block gives.
struct uniform_sampler {
    static constexpr const char* name = "rng_uniform_block";
    template <class T> static constexpr int per_block = sizeof(T) == 4 ? 4 : 2;
    template <class T, class P>
    static void block(gnd::rng_words w, P a, P b, T* v) { gnd::rng_uniform_block<T>(w, a, b, v); }
};

struct normal_sampler {
    static constexpr const char* name = "rng_normal_block";
    template <class T> static constexpr int per_block = sizeof(T) == 4 ? 4 : 2;
    template <class T, class P>
    static void block(gnd::rng_words w, P a, P b, T* v) { gnd::rng_normal_block<T>(w, a, b, v); }
};

// Parameters: the low bound and the length of the range, both as uint64 (wrapping arithmetic).
struct integer_sampler {
    static constexpr const char* name = "rng_integer_block";
    template <class T> static constexpr int per_block = 1;
    template <class T, class P>
    static void block(gnd::rng_words w, P a, P b, T* v) { gnd::rng_integer_block<T>(w, a, b, v); }
};

// The same for ranges of at most 2^32: two values per block.
struct narrow_integer_sampler {
    static constexpr const char* name = "rng_integer_pair";
    template <class T> static constexpr int per_block = 2;
    template <class T, class P>
    static void block(gnd::rng_words w, P a, P b, T* v) { gnd::rng_integer_pair<T>(w, a, b, v); }
};

// The fill kernel of sampler S, value type T and parameter type P: a grid-stride loop over
// blocks; a whole block is stored as one aligned vector, the last partial one element-wise.
template <class S, class T, class P>
struct random_fill_kernel {
    static std::string source() {
        const std::string t = cuda_type_name<T>(), p = cuda_type_name<P>(), g = std::to_string(S::template per_block<T>);
        std::string s = "// gpu_ndarray random fill\n#define GND_FN __device__ __forceinline__\nnamespace gnd {\n";
        s += prelude_source;
        s += "\n";
        s += rng_mulhi32_source;
        s += "\n";
        s += random_source;
        s += "\n}\n";
        s += "struct alignas(sizeof(" + t + ") * " + g + ") gnd_pack { " + t + " v[" + g + "]; };\n";
        s += "extern \"C\" __global__ void __launch_bounds__(" + std::to_string(block_threads) + ") gnd_kernel(" + t +
             "* out, const unsigned long long key, const unsigned long long offset, const " + p + " a, const " + p +
             " b, const long long n) {\n";
        s += "  const long long G = " + g + ", blocks = (n + G - 1) / G;\n";
        s += "  const bool aligned = ((unsigned long long)out & (sizeof(gnd_pack) - 1)) == 0;\n";
        s += "  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < blocks;\n"
             "       i += (long long)gridDim.x * blockDim.x) {\n";
        s += "    gnd_pack r;\n";
        s += "    gnd::" + std::string(S::name) + "<" + t + ">(gnd::rng_block(offset + (unsigned long long)i, key), a, b, r.v);\n";
        s += "    if (aligned && (i + 1) * G <= n) *reinterpret_cast<gnd_pack*>(out + i * G) = r;\n";
        s += "    else for (int k = 0; k < G; ++k) if (i * G + k < n) out[i * G + k] = r.v[k];\n";
        s += "  }\n}\n";
        return s;
    }
};

template <class S, class T, class P>
void random_fill_cuda(ndarray<T>& out, std::uint64_t key, std::uint64_t offset, P a, P b) {
    const std::int64_t n = out.size();
    constexpr std::int64_t g = S::template per_block<T>;
    kernel_args<64, 6> args;
    args.push(out.data());
    args.push(key);
    args.push(offset);
    args.push(a);
    args.push(b);
    args.push(n);
    const std::int64_t blocks = std::min<std::int64_t>((n + g * block_threads - 1) / (g * block_threads),
                                                       std::int64_t{device().sm_count} * 32);
    const cudaKernel_t kernel = get_library_kernel<random_fill_kernel<S, T, P>>();
    const cudaStream_t stream = current_stream();
    launch_kernel(kernel, static_cast<unsigned>(blocks), block_threads, args.argv, stream, "launching a random kernel");
    if (sync_launches()) cuda_check(cudaStreamSynchronize(stream), "random kernel (GPU_NDARRAY_SYNC=1)");
}

template <class S, class T, class P>
void random_fill_host(ndarray<T>& out, std::uint64_t key, std::uint64_t offset, P a, P b) {
    constexpr std::int64_t g = S::template per_block<T>;
    const std::int64_t n = out.size();
    T* dst = out.data();
    for (std::int64_t i = 0; i * g < n; ++i) {
        T v[g];
        S::template block<T>(gnd::rng_block(offset + static_cast<std::uint64_t>(i), key), a, b, v);
        for (std::int64_t k = 0; k < g && i * g + k < n; ++k) dst[i * g + k] = v[k];
    }
}

// A new array of `shape` on the current executor, filled by sampler S with parameters a, b; the
// call reserves ceil(size / G) counters.
template <class S, class T, class P>
ndarray<T> random_fill(const shape_t& shape, P a, P b) {
    ndarray<T> out(shape);  // checks the shape (NumPy's "negative dimensions are not allowed")
    const std::int64_t n = out.size();
    constexpr std::int64_t g = S::template per_block<T>;
    const rng_draw d = reserve_counters(static_cast<std::uint64_t>((n + g - 1) / g));
    if (n == 0) return out;
    if (out.where() == executor::cuda) random_fill_cuda<S>(out, d.key, d.offset, a, b);
    else random_fill_host<S>(out, d.key, d.offset, a, b);
    return out;
}

}  // namespace gpu::detail
