#pragma once
// np.random.choice, bytes, dirichlet and multinomial. choice draws indices and gathers with gpu::take:
//  - with replacement, uniform: randint(0, n);
//  - with replacement, probabilities p: NumPy's inverse CDF, searchsorted(cumsum(p) / its last
//    value, rand(size), "right") (gpu::cumsum, gpu::searchsorted);
//  - without replacement, uniform: the first `size` entries of permutation(n) (NumPy's);
//  - without replacement, p: NumPy's loop on the host (draw with p, keep the first occurrence of
//    each index, zero the drawn entries of p, repeat until `size` distinct indices).
// p is read back to the host once to be checked, as NumPy checks it. dirichlet normalizes k
// gamma draws (one gamma fill per component, NumPy's legacy method; beta stick-breaking when
// every alpha is below 0.1, as NumPy's Generator). multinomial is NumPy's chain of conditional
// binomials, one binomial fill per category, each element drawing from the count its row has left.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/creation/fill.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/manip/join.hpp"
#include "gpu/random/distributions.hpp"
#include "gpu/random/permutation.hpp"
#include "gpu/scans/scan.hpp"
#include "gpu/sorting/searchsorted.hpp"

namespace gpu {
namespace detail {

inline std::int64_t choice_count(const shape_t& size) {
    std::int64_t n = 1;
    for (std::int64_t d : size) {
        if (d < 0) throw value_error("negative dimensions are not allowed");
        n *= d;
    }
    return n;
}

// The indices of choice over a population of `pop` (checked by the caller), on the current executor.
inline ndarray<std::int64_t> choice_indices(std::int64_t pop, const shape_t& size, bool replace, const ndarray<double>* p) {
    const std::int64_t n = choice_count(size);
    std::vector<double> pv;
    if (p) {
        if (p->ndim() != 1) throw value_error("'p' must be 1-dimensional");
        if (p->size() != pop) throw value_error("'a' and 'p' must have same size");
        host_array<double> h = asnumpy(*p);
        pv.assign(h.begin(), h.end());
        double sum = 0, c = 0;  // Kahan, as NumPy
        for (double x : pv) {
            const double y = x - c, t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        if (std::isnan(sum)) throw value_error("probabilities contain NaN");
        if (std::any_of(pv.begin(), pv.end(), [](double x) { return x < 0; }))
            throw value_error("probabilities are not non-negative");
        if (std::fabs(sum - 1) > std::sqrt(std::numeric_limits<double>::epsilon()))
            throw value_error("probabilities do not sum to 1");
    }
    if (!replace && n > pop) throw value_error("Cannot take a larger sample than population when 'replace=False'");
    if (p && !replace && std::count_if(pv.begin(), pv.end(), [](double x) { return x > 0; }) < n)
        throw value_error("Fewer non-zero entries in p than size");
    if (n == 0) return ndarray<std::int64_t>(size);
    if (!p) {
        if (replace) return random::randint<std::int64_t>(0, pop, size);
        const ndarray<std::int64_t> perm = random_permutation(pop, current_executor());
        return perm(slice(0, n)).reshape(size).copy();
    }
    // The inverse CDF over cdf / cdf[-1], so the last value is exactly 1 and every u < 1 falls
    // inside (searchsorted "right" never passes trailing zero probabilities).
    auto cdf_of = [](const std::vector<double>& q) {
        const ndarray<double> cdf = gpu::cumsum(asarray(q));
        double last = 0;
        copy_bytes(&last, executor::host, cdf.data() + (cdf.size() - 1), cdf.where(), sizeof(double));
        return ndarray<double>(gpu::eval(cdf / last));
    };
    if (replace) return searchsorted(cdf_of(pv), random::rand<double>(size), "right");
    std::vector<std::int64_t> found;
    found.reserve(static_cast<std::size_t>(n));
    while (static_cast<std::int64_t>(found.size()) < n) {
        for (std::int64_t i : found) pv[static_cast<std::size_t>(i)] = 0;
        host_array<std::int64_t> h = asnumpy(searchsorted(
            cdf_of(pv), random::rand<double>({n - static_cast<std::int64_t>(found.size())}), "right"));
        std::vector<std::int64_t> fresh;
        for (std::int64_t i : h)
            if (std::find(fresh.begin(), fresh.end(), i) == fresh.end()) fresh.push_back(i);
        found.insert(found.end(), fresh.begin(), fresh.end());
    }
    return asarray(found).reshape(size).copy();
}

}  // namespace detail

namespace random {

// np.random.choice(n, size, replace=True, p=None): int64 indices in [0, n), shape `size`.
inline ndarray<std::int64_t> choice(std::int64_t n, const shape_t& size, bool replace = true) {
    if (n <= 0 && detail::choice_count(size) != 0)
        throw value_error("a must be greater than 0 unless no samples are taken");
    return detail::choice_indices(n, size, replace, nullptr);
}
inline ndarray<std::int64_t> choice(std::int64_t n, const shape_t& size, bool replace, const ndarray<double>& p) {
    if (n <= 0 && detail::choice_count(size) != 0)
        throw value_error("a must be greater than 0 unless no samples are taken");
    return detail::choice_indices(n, size, replace, &p);
}

// np.random.choice(a, size, replace=True, p=None): elements of the 1-D array a, drawn on a's
// executor.
template <class V>
ndarray<V> choice(const ndarray<V>& a, const shape_t& size, bool replace = true) {
    if (a.ndim() == 0) throw value_error("a must be 1-dimensional or an integer");
    if (a.ndim() != 1) throw value_error("a must be 1-dimensional");
    if (a.size() == 0 && detail::choice_count(size) != 0)
        throw value_error("'a' cannot be empty unless no samples are taken");
    const executor_scope on(a.where());
    return take(a, detail::choice_indices(a.size(), size, replace, nullptr));
}
template <class V>
ndarray<V> choice(const ndarray<V>& a, const shape_t& size, bool replace, const ndarray<double>& p) {
    if (a.ndim() == 0) throw value_error("a must be 1-dimensional or an integer");
    if (a.ndim() != 1) throw value_error("a must be 1-dimensional");
    if (a.size() == 0 && detail::choice_count(size) != 0)
        throw value_error("'a' cannot be empty unless no samples are taken");
    const executor_scope on(a.where());
    return take(a, detail::choice_indices(a.size(), size, replace, &p));
}

// np.random.dirichlet(alpha, size): shape size + (k,), each row Gamma(alpha_j) normalized. The
// row sums add the components in order, element-wise, so both executors round alike. When every
// alpha is below 0.1 the rows come from beta stick-breaking instead (no 0 / 0).
template <class T = double>
ndarray<T> dirichlet(const std::vector<double>& alpha, const shape_t& size) {
    static_assert(detail::is_random_float_v<T>,
                  "gpu::random::dirichlet<T>: T must be float, double, gpu::float16 or gpu::bfloat16");
    if constexpr (detail::is_random_half_v<T>) return dirichlet<float>(alpha, size).template astype<T>();
    else {
    for (double a : alpha)
        if (a <= 0) throw value_error("alpha <= 0");
    shape_t one = size;
    one.push_back(1);
    if (alpha.empty()) {
        shape_t none = size;
        none.push_back(0);
        return ndarray<T>(none);
    }
    std::vector<ndarray<T>> g;
    if (*std::max_element(alpha.begin(), alpha.end()) < 0.1) {
        // Every alpha small: the gammas would underflow together, so break a stick instead (NumPy
        // Generator's method): x_j = rest Beta(alpha_j, alpha_j+1 + ...), rest -= x_j.
        std::vector<double> tail(alpha.size() + 1, 0);
        for (std::size_t j = alpha.size(); j-- > 0;) tail[j] = tail[j + 1] + alpha[j];
        ndarray<T> rest = gpu::full<T>(one, T(1));
        for (std::size_t j = 0; j + 1 < alpha.size(); ++j) {
            g.push_back(gpu::eval(rest * beta<T>(alpha[j], tail[j + 1], one)));
            rest = gpu::eval(rest - g.back());
        }
        g.push_back(rest);
        return concatenate(g, -1);
    }
    for (double a : alpha) g.push_back(gamma<T>(a, 1, one));
    ndarray<T> total = g[0];
    for (std::size_t j = 1; j < g.size(); ++j) total = gpu::eval(total + g[j]);
    for (ndarray<T>& x : g) x = gpu::eval(x / total);
    return concatenate(g, -1);
    }
}

// np.random.multinomial(n, pvals, size): int64 counts of shape size + (k,), each row summing to n.
inline ndarray<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals, const shape_t& size) {
    if (n < 0) throw value_error("n < 0");
    for (double p : pvals)
        if (!(p >= 0 && p <= 1)) throw value_error("pvals < 0, pvals > 1 or pvals contains NaNs");
    double sum = 0, comp = 0;  // Kahan over pvals[:-1], as NumPy
    for (std::size_t j = 0; j + 1 < pvals.size(); ++j) {
        const double y = pvals[j] - comp, t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    if (sum > 1.0 + 1e-12) throw value_error("sum(pvals[:-1]) > 1.0");
    shape_t one = size;
    one.push_back(pvals.empty() ? 0 : 1);
    if (pvals.empty()) return ndarray<std::int64_t>(one);
    ndarray<double> left = gpu::full<double>(one, static_cast<double>(n));
    std::vector<ndarray<std::int64_t>> counts;
    double rest = 1;
    for (std::size_t j = 0; j + 1 < pvals.size(); ++j) {
        // p_j / (1 - p_0 - ... - p_j-1); all that is left when rounding has used up the rest
        const double p = rest > 0 ? std::min(1.0, pvals[j] / rest) : 1.0;
        counts.push_back(detail::random_fill<detail::gnd::binomial_sampler, std::int64_t>(one, 0.0, p, 0.0, &left));
        left = gpu::eval(left - counts.back());
        rest -= pvals[j];
    }
    counts.push_back(left.astype<std::int64_t>());
    return concatenate(counts, -1);
}

// np.random.bytes(length): `length` random bytes (randint<uint8> read back).
inline std::string bytes(std::int64_t length) {
    if (length < 0) throw value_error("negative dimensions are not allowed");
    host_array<std::uint8_t> h = asnumpy(randint<std::uint8_t>(0, 256, {length}));
    return std::string(h.begin(), h.end());
}

}  // namespace random
}  // namespace gpu
