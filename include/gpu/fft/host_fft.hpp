#pragma once
// The host executor's FFT: exact to double precision for every length, with no dependency
// (FFTW is GPL; Debian packages no permissive double-precision FFT library).
//
//   - Mixed-radix Cooley-Tukey, decimation in time, recursive and out of place: a length
//     n = p * m transform is p transforms of length m (of the stride-p subsequences) combined by
//     p-point butterflies. Radix 4 and 2 have their own butterflies; 3, 5 and other small primes
//     use the generic O(p^2) one.
//   - Lengths with a prime factor above 64 use Bluestein's algorithm: the DFT as a convolution
//     with a chirp, computed by power-of-two transforms (O(n log n) for any n).
//   - Every factor is computed in double from twiddles taken in long double, so complex64
//     results are correctly rounded to about the last bit, and complex128 results are within a
//     few ulp times log2(n) of the exact DFT (the tests compare against direct sums in long double).
// The inverse transform is conj(DFT(conj(x))). Plans (factors, twiddles, Bluestein's chirp) are
// kept in the process-wide list of plan_cache.hpp, keyed by the length.
#include <cmath>
#include <complex>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numbers>
#include <vector>

#include "gpu/fft/plan_cache.hpp"

namespace gpu::fft::detail {

using cd = std::complex<double>;

struct host_plan {
    std::int64_t n = 0;
    std::vector<int> radices;  // product n (Cooley-Tukey), empty when Bluestein is used
    std::vector<cd> w;         // w[k] = exp(-2 pi i k / n)
    // Bluestein: chirp[k] = exp(i pi k^2 / n), bhat = DFT_m of the chirp wrapped to length m.
    std::shared_ptr<const host_plan> sub;  // the power-of-two plan of length m
    std::vector<cd> chirp, bhat;

    // x[0..n) <- DFT(x) (sign -1); scratch holds at least scratch_size() elements.
    void forward(cd* x, cd* scratch) const;
    std::int64_t scratch_size() const { return sub ? 2 * sub->n + sub->scratch_size() : n; }

private:
    void recurse(const cd* in, cd* out, std::int64_t len, std::int64_t stride, std::size_t level) const;
};

std::shared_ptr<const host_plan> host_plan_for(std::int64_t n);

inline cd unit_root(long double num, long double den) {  // exp(-2 pi i num / den)
    const long double a = -2.0L * std::numbers::pi_v<long double> * num / den;
    return {static_cast<double>(std::cos(a)), static_cast<double>(std::sin(a))};
}

inline std::shared_ptr<const host_plan> make_host_plan(std::int64_t n) {
    auto p = std::make_shared<host_plan>();
    p->n = n;
    std::int64_t rest = n;
    while (rest % 4 == 0) p->radices.push_back(4), rest /= 4;
    if (rest % 2 == 0) p->radices.push_back(2), rest /= 2;
    for (std::int64_t f = 3; f <= 64 && f * f <= rest; f += 2)
        while (rest % f == 0) p->radices.push_back(static_cast<int>(f)), rest /= f;
    if (rest > 64) p->radices.clear();  // a prime factor above 64: Bluestein
    else if (rest > 1) p->radices.push_back(static_cast<int>(rest));
    if (!p->radices.empty() || n == 1) {
        p->w.resize(static_cast<std::size_t>(n));
        for (std::int64_t k = 0; k < n; ++k) p->w[k] = unit_root(static_cast<long double>(k), static_cast<long double>(n));
        return p;
    }
    // Bluestein: jk = (j^2 + k^2 - (k - j)^2) / 2, so X_k = conj(c_k) sum_j (x_j conj(c_j)) c_(k-j)
    // with c_t = exp(i pi t^2 / n); t^2 is reduced modulo 2n in integers to keep the angle exact.
    std::int64_t m = 1;
    while (m < 2 * n - 1) m *= 2;
    p->sub = host_plan_for(m);
    p->chirp.resize(static_cast<std::size_t>(n));
    for (std::int64_t t = 0; t < n; ++t) {
        const auto t2 = static_cast<std::uint64_t>(t) * static_cast<std::uint64_t>(t) % (2 * static_cast<std::uint64_t>(n));
        p->chirp[t] = std::conj(unit_root(static_cast<long double>(t2), 2.0L * n));
    }
    p->bhat.assign(static_cast<std::size_t>(m), cd{});
    for (std::int64_t t = 0; t < n; ++t) {
        p->bhat[t] = p->chirp[t];
        if (t) p->bhat[m - t] = p->chirp[t];
    }
    std::vector<cd> scratch(static_cast<std::size_t>(p->sub->scratch_size()));
    p->sub->forward(p->bhat.data(), scratch.data());
    return p;
}

// y[0..len) = DFT of in[0], in[stride], ... (len elements), at recursion level `level`.
inline void host_plan::recurse(const cd* in, cd* out, std::int64_t len, std::int64_t stride, std::size_t level) const {
    if (len == 1) {
        out[0] = in[0];
        return;
    }
    const int p = radices[level];
    const std::int64_t m = len / p;
    for (int j = 0; j < p; ++j) recurse(in + j * stride, out + j * m, m, stride * p, level + 1);
    const std::int64_t tw = n / len;  // w^(tw) is the primitive len-th root
    cd t[64], y[64];
    for (std::int64_t k = 0; k < m; ++k) {
        for (int j = 0; j < p; ++j) t[j] = j == 0 ? out[k] : out[j * m + k] * w[j * k * tw];
        if (p == 2) {
            y[0] = t[0] + t[1], y[1] = t[0] - t[1];
        } else if (p == 4) {
            const cd a = t[0] + t[2], b = t[0] - t[2], c = t[1] + t[3], d = t[1] - t[3];
            const cd md(d.imag(), -d.real());  // -i d
            y[0] = a + c, y[1] = b + md, y[2] = a - c, y[3] = b - md;
        } else {
            const std::int64_t step = n / p;
            for (int q = 0; q < p; ++q) {
                cd s = t[0];
                for (int j = 1; j < p; ++j) s += t[j] * w[(j * q % p) * step];
                y[q] = s;
            }
        }
        for (int q = 0; q < p; ++q) out[q * m + k] = y[q];
    }
}

inline void host_plan::forward(cd* x, cd* scratch) const {
    if (n <= 1) return;
    if (!sub) {
        for (std::int64_t i = 0; i < n; ++i) scratch[i] = x[i];
        recurse(scratch, x, n, 1, 0);
        return;
    }
    const std::int64_t m = sub->n;
    cd* a = scratch;
    cd* rest = scratch + m;
    for (std::int64_t j = 0; j < m; ++j) a[j] = j < n ? x[j] * std::conj(chirp[j]) : cd{};
    sub->forward(a, rest);
    for (std::int64_t j = 0; j < m; ++j) a[j] = std::conj(a[j] * bhat[j]);  // inverse by conjugation
    sub->forward(a, rest);
    const double inv_m = 1.0 / static_cast<double>(m);
    for (std::int64_t k = 0; k < n; ++k) x[k] = std::conj(a[k]) * inv_m * std::conj(chirp[k]);
}

struct host_plan_list {
    std::mutex m;
    lru_list<std::int64_t, std::shared_ptr<const host_plan>> list;
};
inline host_plan_list& host_plans() {
    static auto* l = new host_plan_list;  // never destroyed: threads may still run at exit
    return *l;
}

inline std::shared_ptr<const host_plan> host_plan_for(std::int64_t n) {
    auto& l = host_plans();
    {
        std::lock_guard<std::mutex> lock(l.m);
        if (auto* p = l.list.find(n)) return *p;
    }
    auto p = make_host_plan(n);  // outside the lock: Bluestein plans ask for their sub-plan
    std::lock_guard<std::mutex> lock(l.m);
    if (auto* q = l.list.find(n)) return *q;
    return l.list.insert(n, std::move(p));
}

// One line's transform in place: forward (sign -1) or inverse (sign +1, unscaled).
inline void host_transform(const host_plan& p, cd* x, cd* scratch, bool forward) {
    if (forward) return p.forward(x, scratch);
    for (std::int64_t i = 0; i < p.n; ++i) x[i] = std::conj(x[i]);
    p.forward(x, scratch);
    for (std::int64_t i = 0; i < p.n; ++i) x[i] = std::conj(x[i]);
}

}  // namespace gpu::fft::detail
