#pragma once
// Filling a new array with random values. Each Philox call (a block) gives G values (philox.hpp),
// so on the GPU one thread computes a block and stores its G values as one vector: a library
// kernel, one launch per call, no upload. (An element-wise expression over index_leaf would
// compute every element's block again: NVVM does not see that the elements of one vector share
// it, so float32 would pay four Philox calls per block; the PTX showed it.) The host executor runs
// the same shared block functions in a loop, so both executors give the same bits. A rejection
// sampler (samplers.hpp) has G = 1: its thread loops over further blocks of its own counter's
// stream, so the values depend on the element index only.
#include <cstdint>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/exec/cuda_executor.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/random/generator.hpp"
#include "gpu/random/philox.hpp"
#include "gpu/random/samplers.hpp"

// The distributions: G values (per_block) of element block i from the stream of counter
// offset + i (its block 0, or more blocks for a rejection sampler), with up to three parameters,
// through the shared functions of philox.hpp and samplers.hpp. The host loop and the kernel call
// the same sampler.
GPU_ND_SHARED(random_samplers_source,
struct uniform_sampler {
    template <class T> static constexpr int per_block = sizeof(T) == 4 ? 4 : 2;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) { rng_uniform_block<T>(s.block(), a, b, v); }
};
struct normal_sampler {
    template <class T> static constexpr int per_block = sizeof(T) == 4 ? 4 : 2;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) { rng_normal_block<T>(s.block(), a, b, v); }
};
/* Parameters: the low bound and the length of the range, both as uint64 (wrapping arithmetic). */
struct integer_sampler {
    template <class T> static constexpr int per_block = 1;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) { rng_integer_block<T>(s.block(), a, b, v); }
};
/* The same for ranges of at most 2^32: two values per block. */
struct narrow_integer_sampler {
    template <class T> static constexpr int per_block = 2;
    template <class T, class P> static GND_FN void block(rng_stream& s, P a, P b, P, T* v) { rng_integer_pair<T>(s.block(), a, b, v); }
};
)

namespace gpu::detail {

// The fill kernel: a grid-stride loop over blocks, thread i computing the values of counter
// offset + i; a whole block is stored as one aligned vector, the last partial one (or any block
// of an unaligned output) element-wise.
inline constexpr const char random_kernels_source[] = R"(
namespace gnd {
template <class Sampler, class T, class P>
__global__ void __launch_bounds__(256) random_fill(T* out, const unsigned long long key, const unsigned long long offset,
                                                   const P a, const P b, const P c, const P* a_each, const long long n) {
  constexpr int G = Sampler::template per_block<T>;
  const long long blocks = (n + G - 1) / G;
  const bool aligned = ((unsigned long long)out & (sizeof(vec<T, G>) - 1)) == 0;
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < blocks; i += (long long)gridDim.x * blockDim.x) {
    vec<T, G> r;
    rng_stream s = rng_stream_at(offset + (unsigned long long)i, key);
    Sampler::template block<T>(s, a_each ? a_each[i] : a, b, c, r.v);
    if (aligned && (i + 1) * G <= n) *reinterpret_cast<vec<T, G>*>(out + i * G) = r;
    else for (int k = 0; k < G; ++k) if (i * G + k < n) out[i * G + k] = r.v[k];
  }
}
}  // namespace gnd
)";

// The device spelling of a sampler (its name-expression argument).
template <class S> inline constexpr const char* sampler_name = nullptr;
template <> inline constexpr const char* sampler_name<gnd::uniform_sampler> = "gnd::uniform_sampler";
template <> inline constexpr const char* sampler_name<gnd::normal_sampler> = "gnd::normal_sampler";
template <> inline constexpr const char* sampler_name<gnd::integer_sampler> = "gnd::integer_sampler";
template <> inline constexpr const char* sampler_name<gnd::narrow_integer_sampler> = "gnd::narrow_integer_sampler";
#define GND_RANDOM_SAMPLER_NAME(S) template <> inline constexpr const char* sampler_name<gnd::S> = "gnd::" #S;
GND_RANDOM_SAMPLER_NAME(exponential_sampler)
GND_RANDOM_SAMPLER_NAME(lognormal_sampler)
GND_RANDOM_SAMPLER_NAME(laplace_sampler)
GND_RANDOM_SAMPLER_NAME(logistic_sampler)
GND_RANDOM_SAMPLER_NAME(gumbel_sampler)
GND_RANDOM_SAMPLER_NAME(rayleigh_sampler)
GND_RANDOM_SAMPLER_NAME(weibull_sampler)
GND_RANDOM_SAMPLER_NAME(pareto_sampler)
GND_RANDOM_SAMPLER_NAME(power_sampler)
GND_RANDOM_SAMPLER_NAME(cauchy_sampler)
GND_RANDOM_SAMPLER_NAME(triangular_sampler)
GND_RANDOM_SAMPLER_NAME(geometric_sampler)
GND_RANDOM_SAMPLER_NAME(gamma_sampler)
GND_RANDOM_SAMPLER_NAME(beta_sampler)
GND_RANDOM_SAMPLER_NAME(f_sampler)
GND_RANDOM_SAMPLER_NAME(t_sampler)
GND_RANDOM_SAMPLER_NAME(poisson_sampler)
GND_RANDOM_SAMPLER_NAME(binomial_sampler)
GND_RANDOM_SAMPLER_NAME(negative_binomial_sampler)
GND_RANDOM_SAMPLER_NAME(wald_sampler)
GND_RANDOM_SAMPLER_NAME(noncentral_chisquare_sampler)
GND_RANDOM_SAMPLER_NAME(noncentral_f_sampler)
GND_RANDOM_SAMPLER_NAME(zipf_sampler)
GND_RANDOM_SAMPLER_NAME(logseries_sampler)
GND_RANDOM_SAMPLER_NAME(hypergeometric_sampler)
GND_RANDOM_SAMPLER_NAME(vonmises_sampler)
#undef GND_RANDOM_SAMPLER_NAME

// The fill kernel of sampler S, value type T and parameter type P: its slot in the one cache
// (kernel_slots<random_fill_kernel>::slot[0]) and its source on a miss.
template <class S, class T, class P>
struct random_fill_kernel {
    static kernel_source source() {
        return {kernel_unit({rng_mulhi32_source, random_source, random_math_source, random_samplers_source,
                             random_distributions_source},
                            random_kernels_source),
                std::string("gnd::random_fill<") + sampler_name<S> + ", " + cuda_type_name<T>() + ", " +
                    cuda_type_name<P>() + ">",
                true,
                {},
                "a random fill kernel"};
    }
};

template <class S, class T, class P>
void random_fill_cuda(ndarray<T>& out, std::uint64_t key, std::uint64_t offset, P a, P b, P c, const ndarray<P>* a_each) {
    using K = random_fill_kernel<S, T, P>;
    const std::int64_t n = out.size();
    constexpr std::int64_t g = S::template per_block<T>;
    kernel_args<64, 8> args;
    args.push(out.data());
    args.push(key);
    args.push(offset);
    args.push(a);
    args.push(b);
    args.push(c);
    args.push(a_each ? a_each->data() : static_cast<const P*>(nullptr));
    args.push(n);
    const cudaKernel_t k = get_kernel(kernel_slots<K>::slot[0], K::source);
    const launch_shape shape{.gx = blocks_for(n, g * block_threads)};
    if (a_each) launch(k, shape, args.argv, "launching a random kernel", out, *a_each);
    else launch(k, shape, args.argv, "launching a random kernel", out);
}

template <class S, class T, class P>
void random_fill_host(ndarray<T>& out, std::uint64_t key, std::uint64_t offset, P a, P b, P c, const P* a_each) {
    constexpr std::int64_t g = S::template per_block<T>;
    const std::int64_t n = out.size();
    T* dst = out.data();
    for (std::int64_t i = 0; i * g < n; ++i) {
        T v[g];
        gnd::rng_stream s = gnd::rng_stream_at(offset + static_cast<std::uint64_t>(i), key);
        S::template block<T>(s, a_each ? a_each[i] : a, b, c, v);
        for (std::int64_t k = 0; k < g && i * g + k < n; ++k) dst[i * g + k] = v[k];
    }
}

// A new array of `shape` on the current executor, filled by sampler S with parameters a, b, c;
// the call reserves ceil(size / G) counters. a_each (samplers with G = 1 only): a contiguous
// array of `shape` on the current executor giving each element its own a (multinomial's
// binomials draw from the counts left in each row).
template <class S, class T, class P>
ndarray<T> random_fill(const shape_t& shape, P a, P b, P c = P(0), const ndarray<P>* a_each = nullptr) {
    ndarray<T> out(shape);  // checks the shape (NumPy's "negative dimensions are not allowed")
    const std::int64_t n = out.size();
    constexpr std::int64_t g = S::template per_block<T>;
    const rng_draw d = reserve_counters(static_cast<std::uint64_t>((n + g - 1) / g));
    if (n == 0) return out;
    if (out.where() == executor::cuda) random_fill_cuda<S>(out, d.key, d.offset, a, b, c, a_each);
    else random_fill_host<S>(out, d.key, d.offset, a, b, c, a_each ? a_each->data() : nullptr);
    return out;
}

}  // namespace gpu::detail
