#pragma once
// np.random.permutation and shuffle. The permutation is a Fisher-Yates shuffle on the host,
// driven by the same Philox stream (step s draws an integer from the block of counter offset + s), then copied
// to the array's executor: the result does not depend on the executor. Arrays are permuted along
// axis 0 by gpu::take.
#include <cstdint>
#include <utility>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/random/generator.hpp"
#include "gpu/random/philox.hpp"

namespace gpu {
namespace detail {

// A random permutation of 0..n-1 (empty for n <= 0), on executor `where`.
inline ndarray<std::int64_t> random_permutation(std::int64_t n, executor where) {
    const std::int64_t len = n > 0 ? n : 0;
    std::vector<std::int64_t> p(static_cast<std::size_t>(len));
    for (std::int64_t i = 0; i < len; ++i) p[static_cast<std::size_t>(i)] = i;
    if (len > 1) {
        const rng_draw d = reserve_counters(static_cast<std::uint64_t>(len - 1));
        std::uint64_t step = 0;
        for (std::int64_t i = len - 1; i > 0; --i, ++step) {
            std::int64_t j = 0;
            gnd::rng_integer_block<std::int64_t>(gnd::rng_block(d.offset + step, d.key), 0,
                                                 static_cast<std::uint64_t>(i + 1), &j);
            std::swap(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]);
        }
    }
    ndarray<std::int64_t> out(shape_t{len}, where);
    copy_bytes(out.data(), where, p.data(), executor::host, p.size() * sizeof(std::int64_t));
    return out;
}

}  // namespace detail

namespace random {

// np.random.permutation(n): a random ordering of 0..n-1 (int64), on the current executor.
inline ndarray<std::int64_t> permutation(std::int64_t n) {
    return detail::random_permutation(n, current_executor());
}

// np.random.permutation(a): a shuffled copy of `a` along axis 0, on a's executor.
template <class V>
ndarray<V> permutation(const ndarray<V>& a) {
    if (a.ndim() < 1) throw index_error("x must be an integer or at least 1-dimensional");
    return take(a, detail::random_permutation(a.shape()[0], a.where()), 0);
}

// np.random.shuffle(a): permutes a's subarrays along axis 0 in place. `a` is a handle, so a view
// (a(gpu::slice(...)), a.T()) shuffles the elements it sees in the array it views.
template <class V>
void shuffle(ndarray<V> a) {
    if (a.ndim() < 1) throw type_error("len() of unsized object");
    if (a.shape()[0] < 2) return;
    a.assign(take(a, detail::random_permutation(a.shape()[0], a.where()), 0));
}

}  // namespace random
}  // namespace gpu
