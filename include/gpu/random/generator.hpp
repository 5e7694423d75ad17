#pragma once
// The global generator state of gpu::random: a 64-bit key (the seed) and a 64-bit counter
// offset. Each call reserves the Philox counters it uses (offset advances by that many), so
// consecutive calls draw disjoint streams and a seed replays them exactly. A mutex guards the
// pair: one lock per call, never per element.
#include <cstdint>
#include <mutex>

#include "gpu/core/inline.hpp"

namespace gpu {
namespace detail {

struct rng_state {
    std::mutex mutex;
    std::uint64_t key = 0, offset = 0;

    rng_state() { reseed_from_entropy(); }
    // Like NumPy with no seed: fresh entropy from the operating system, so unseeded runs differ.
    GPU_ND_INLINE void reseed_from_entropy();
};

inline rng_state& global_rng() {
    static rng_state s;
    return s;
}

// The key and the first of `counters` consecutive counters reserved for one call.
struct rng_draw {
    std::uint64_t key, offset;
};

inline rng_draw reserve_counters(std::uint64_t counters) {
    rng_state& s = global_rng();
    std::lock_guard<std::mutex> lock(s.mutex);
    const rng_draw d{s.key, s.offset};
    s.offset += counters;
    return d;
}

}  // namespace detail

namespace random {

// np.random.seed(s): the same seed gives the same numbers on the GPU and on the host executor.
// The streams are not NumPy's (NumPy uses MT19937 / PCG64): equal seeds do not give NumPy's numbers.
inline void seed(std::uint64_t s) {
    detail::rng_state& g = detail::global_rng();
    std::lock_guard<std::mutex> lock(g.mutex);
    g.key = s;
    g.offset = 0;
}

// np.random.seed(): reseeds from the operating system's entropy.
inline void seed() {
    detail::rng_state& g = detail::global_rng();
    std::lock_guard<std::mutex> lock(g.mutex);
    g.reseed_from_entropy();
}

}  // namespace random
}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/random/generator.ipp"
#endif
