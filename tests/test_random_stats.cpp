// gpu::random statistics on 10^6 samples, computed on the host after asnumpy: mean and variance
// within 5 standard errors for uniform, normal and randint (float and double paths), and
// chi-square goodness of fit over 50 equiprobable bins against the uniform and normal CDFs (and
// 10 bins for randint). Seeds are fixed, so the outcomes are deterministic; the bounds are loose
// enough (about 5 sigma) that a correct generator passes for any seed.
#include "support.hpp"

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

namespace {

namespace rnd = gpu::random;
using gpu_test::values_of;

constexpr std::int64_t N = 1000000;

struct moments {
    double mean = 0, var = 0, m4 = 0;  // central moments
};

template <class T>
moments moments_of(const std::vector<T>& v) {
    moments m;
    for (const T& x : v) m.mean += static_cast<double>(x);
    m.mean /= static_cast<double>(v.size());
    for (const T& x : v) {
        const double d = static_cast<double>(x) - m.mean;
        m.var += d * d;
        m.m4 += d * d * d * d;
    }
    m.var /= static_cast<double>(v.size());
    m.m4 /= static_cast<double>(v.size());
    return m;
}

// Mean and variance within 5 standard errors of the distribution's (mu4: its 4th central moment).
template <class T>
void expect_moments(const std::vector<T>& v, double mean, double var, double mu4) {
    const moments m = moments_of(v);
    const double n = static_cast<double>(v.size());
    EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(var / n));
    EXPECT_NEAR(m.var, var, 5 * std::sqrt((mu4 - var * var) / n));
}

// Chi-square of counts in `bins` equiprobable bins, where bin_of maps a value to its bin. With
// 49 degrees of freedom the statistic has mean 49 and standard deviation 9.9; 100 is over 5 sigma.
template <class T>
double chi_square(const std::vector<T>& v, int bins, const std::function<int(double)>& bin_of) {
    std::vector<double> count(static_cast<std::size_t>(bins), 0);
    for (const T& x : v) {
        const int b = bin_of(static_cast<double>(x));
        if (b >= 0 && b < bins) ++count[static_cast<std::size_t>(b)];
        else ADD_FAILURE() << "value " << x << " outside every bin";
    }
    const double expect = static_cast<double>(v.size()) / bins;
    double chi2 = 0;
    for (double c : count) chi2 += (c - expect) * (c - expect) / expect;
    return chi2;
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// The bin of x among 50 equiprobable bins of the standard normal: floor(50 * Phi(x)).
int normal_bin(double x) { return std::min(49, static_cast<int>(50 * normal_cdf(x))); }

TEST(RandomStats, Uniform) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(123);
        const auto d = values_of(rnd::rand<double>({N}));
        expect_moments(d, 0.5, 1.0 / 12, 1.0 / 80);
        EXPECT_LT(chi_square(d, 50, [](double x) { return static_cast<int>(x * 50); }), 100);
        const auto f = values_of(rnd::rand<float>({N}));
        expect_moments(f, 0.5, 1.0 / 12, 1.0 / 80);
        EXPECT_LT(chi_square(f, 50, [](double x) { return static_cast<int>(x * 50); }), 100);
        const auto u = values_of(rnd::uniform<float>(-2, 6, {N}));  // mean 2, variance 64 / 12
        expect_moments(u, 2, 64.0 / 12, 4096.0 / 80);
        EXPECT_LT(chi_square(u, 50, [](double x) { return static_cast<int>((x + 2) / 8 * 50); }), 100);
    }
}

TEST(RandomStats, Normal) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(456);
        const auto d = values_of(rnd::randn<double>({N}));
        expect_moments(d, 0, 1, 3);
        EXPECT_LT(chi_square(d, 50, normal_bin), 100);
        const auto f = values_of(rnd::randn<float>({N}));
        expect_moments(f, 0, 1, 3);
        EXPECT_LT(chi_square(f, 50, normal_bin), 100);
        const auto s = values_of(rnd::normal<float>(3, 2, {N}));
        expect_moments(s, 3, 4, 48);
        EXPECT_LT(chi_square(s, 50, [](double x) { return normal_bin((x - 3) / 2); }), 100);
        // the tails: |z| > 4 has probability 6.3e-5, so about 63 of 10^6
        int tail = 0;
        for (float x : f) tail += std::fabs(x) > 4;
        EXPECT_NEAR(tail, 63, 5 * std::sqrt(63.0));
    }
}

// The members of each pair (cosine, sine) and neighbouring values are uncorrelated.
TEST(RandomStats, NeighboursUncorrelated) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(789);
        const auto f = values_of(rnd::randn<float>({N}));
        for (int lag : {1, 2, 3, 4}) {
            double c = 0;
            for (std::size_t i = 0; i + lag < f.size(); ++i) c += static_cast<double>(f[i]) * f[i + lag];
            EXPECT_NEAR(c / static_cast<double>(f.size()), 0, 5 / std::sqrt(static_cast<double>(N))) << lag;
        }
        const auto u = values_of(rnd::rand<float>({N}));
        for (int lag : {1, 2, 3, 4}) {
            double c = 0;
            for (std::size_t i = 0; i + lag < u.size(); ++i) c += (u[i] - 0.5) * (u[i + lag] - 0.5);
            EXPECT_NEAR(c / static_cast<double>(u.size()), 0, 5 / 12.0 / std::sqrt(static_cast<double>(N))) << lag;
        }
    }
}

TEST(RandomStats, Randint) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(321);
        const auto v = values_of(rnd::randint(0, 10, {N}));
        // discrete uniform on 0..9: variance 99 / 12, 4th central moment sum((k - 4.5)^4) / 10
        double mu4 = 0;
        for (int k = 0; k < 10; ++k) mu4 += std::pow(k - 4.5, 4) / 10;
        expect_moments(v, 4.5, 99.0 / 12, mu4);
        // 10 bins, 9 degrees of freedom: mean 9, sd 4.2; 40 is over 7 sigma
        EXPECT_LT(chi_square(v, 10, [](double x) { return static_cast<int>(x); }), 40);
        // a range that is not a power of two, in int32: 50 bins of 7 values
        const auto w = values_of(rnd::randint<std::int32_t>(-100, 250, {N}));
        EXPECT_LT(chi_square(w, 50, [](double x) { return static_cast<int>((x + 100) / 7); }), 100);
        // a range of 3 * 2^61 (64-bit multiply-high alone would favour some values by half)
        const std::int64_t third = std::int64_t{1} << 61;
        const auto big = values_of(rnd::randint(0, 3 * third, {N}));
        EXPECT_LT(chi_square(big, 3, [&](double x) { return static_cast<int>(x / static_cast<double>(third)); }), 30);
    }
}

}  // namespace
