#pragma once
// gpu::random: NumPy's legacy np.random functions on a counter-based Philox4x32-10 generator.
#include "gpu/random/generator.hpp"
#include "gpu/random/distributions.hpp"
#include "gpu/random/permutation.hpp"
#include "gpu/random/choice.hpp"
