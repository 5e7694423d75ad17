#pragma once
// Definitions for random/generator.hpp (see core/inline.hpp).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/random/generator.hpp"

namespace gpu::detail {

// The operating system's entropy (what std::random_device reads on Linux, without <random>).
GPU_ND_INLINE void rng_state::reseed_from_entropy() {
    std::uint64_t k = 0;
    if (::getentropy(&k, sizeof k) != 0)
        throw error(std::string("gpu::random: no entropy from the operating system (getentropy: ") + std::strerror(errno) + ")");
    key = k;
    offset = 0;
}

}  // namespace gpu::detail
