// gpu::random's other distributions (samplers.hpp, choice.hpp): each against its known
// distribution on a fixed seed, mean and variance within 6 standard errors and a chi-square over
// 50 equiprobable bins of the CDF (or the probabilities of a discrete law) below its 6-sigma
// bound, so a correct sampler passes for any seed; the same bits on every executor; NumPy's
// argument errors; and every new fill kernel compiled by NVRTC.
#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <numbers>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {

namespace rnd = gpu::random;
namespace gnd = gpu::detail::gnd;
using gpu_test::values_of;

constexpr std::int64_t N = 400000;
constexpr double pi = std::numbers::pi;

template <class T>
std::vector<double> doubles(const gpu::ndarray<T>& a) {
    const auto v = values_of(a);
    return std::vector<double>(v.begin(), v.end());
}

// Mean and variance within 6 standard errors, from the law's raw moments E[X^k], k = 1..4.
void expect_moments(const std::vector<double>& v, const double (&raw)[4], const std::string& what) {
    const double m1 = raw[0], var = raw[1] - m1 * m1;
    const double mu4 = raw[3] - 4 * m1 * raw[2] + 6 * m1 * m1 * raw[1] - 3 * m1 * m1 * m1 * m1;
    double mean = 0, s2 = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    for (double x : v) s2 += (x - mean) * (x - mean);
    s2 /= static_cast<double>(v.size());
    const double n = static_cast<double>(v.size());
    EXPECT_NEAR(mean, m1, 6 * std::sqrt(var / n)) << what;
    // plus the bias of centring on the sample mean, var / n, within its 6-sigma square
    EXPECT_NEAR(s2, var, 6 * std::sqrt((mu4 - var * var) / n) + 36 * var / n) << what;
}

// Chi-square over 50 equiprobable bins of a continuous CDF: 49 degrees of freedom, mean 49,
// sd 9.9; 115 is past 6.5 sigma.
void expect_cdf(const std::vector<double>& v, const std::function<double(double)>& cdf, const std::string& what) {
    std::vector<double> count(50, 0);
    for (double x : v) {
        ASSERT_FALSE(std::isnan(x)) << what;
        ++count[static_cast<std::size_t>(std::clamp(static_cast<int>(50 * cdf(x)), 0, 49))];
    }
    const double e = static_cast<double>(v.size()) / 50;
    double chi2 = 0;
    for (double c : count) chi2 += (c - e) * (c - e) / e;
    EXPECT_LT(chi2, 115) << what;
}

// A discrete law given by its probabilities: moments from them, and a chi-square over the values
// with an expected count of at least 50 (the tails lumped into the end bins).
void expect_pmf(const std::vector<double>& v, const std::function<double(std::int64_t)>& pmf, std::int64_t lo,
                std::int64_t hi, const std::string& what) {
    double raw[4] = {0, 0, 0, 0};
    for (std::int64_t k = lo; k <= hi; ++k) {
        const double p = pmf(k), x = static_cast<double>(k);
        raw[0] += p * x;
        raw[1] += p * x * x;
        raw[2] += p * x * x * x;
        raw[3] += p * x * x * x * x;
    }
    expect_moments(v, raw, what);
    const double n = static_cast<double>(v.size());
    // bins: [lo, b1), [b1, b2), ... each with at least 50 expected
    std::vector<std::int64_t> starts{lo};
    std::vector<double> expect{0};
    for (std::int64_t k = lo; k <= hi; ++k) {
        if (expect.back() >= 50 / n) {
            starts.push_back(k);
            expect.push_back(0);
        }
        expect.back() += pmf(k);
    }
    if (expect.size() > 1 && expect.back() < 50 / n) {  // fold a thin last bin into the one before
        expect[expect.size() - 2] += expect.back();
        expect.pop_back();
        starts.pop_back();
    }
    std::vector<double> count(expect.size(), 0);
    for (double x : v) {
        ASSERT_GE(x, static_cast<double>(lo)) << what;
        const auto it = std::upper_bound(starts.begin(), starts.end(), static_cast<std::int64_t>(x));
        ++count[static_cast<std::size_t>(it - starts.begin() - 1)];
    }
    double chi2 = 0;
    for (std::size_t i = 0; i < count.size(); ++i) chi2 += (count[i] - n * expect[i]) * (count[i] - n * expect[i]) / (n * expect[i]);
    const double df = static_cast<double>(count.size() - 1);
    EXPECT_LT(chi2, df + 6.5 * std::sqrt(2 * df) + 10) << what << " (" << count.size() << " bins)";
}

double gamma_cdf_shape1(double x) { return x <= 0 ? 0 : 1 - std::exp(-x); }

TEST(RandomDistributions, Transforms) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(1001);
        for (int dbl = 0; dbl < 2; ++dbl) {
            auto get = [&](auto make_f, auto make_d) { return dbl ? doubles(make_d()) : doubles(make_f()); };
            const std::string t = dbl ? " double" : " float";
            auto e = get([] { return rnd::exponential<float>(2, {N}); }, [] { return rnd::exponential<double>(2, {N}); });
            expect_moments(e, {2, 8, 48, 384}, "exponential" + t);
            expect_cdf(e, [](double x) { return gamma_cdf_shape1(x / 2); }, "exponential" + t);
            auto se = get([] { return rnd::standard_exponential<float>({N}); },
                          [] { return rnd::standard_exponential<double>({N}); });
            expect_cdf(se, gamma_cdf_shape1, "standard_exponential" + t);
            auto ln = get([] { return rnd::lognormal<float>(0.5, 0.75, {N}); },
                          [] { return rnd::lognormal<double>(0.5, 0.75, {N}); });
            for (double& x : ln) x = std::log(x);
            expect_cdf(ln, [](double x) { return 0.5 * std::erfc(-(x - 0.5) / 0.75 / std::sqrt(2.0)); }, "lognormal" + t);
            auto la = get([] { return rnd::laplace<float>(1, 2, {N}); }, [] { return rnd::laplace<double>(1, 2, {N}); });
            expect_moments(la, {1, 9, 25, 433}, "laplace" + t);  // raw moments of 1 + 2 L
            expect_cdf(la, [](double x) { return x < 1 ? 0.5 * std::exp((x - 1) / 2) : 1 - 0.5 * std::exp(-(x - 1) / 2); },
                       "laplace" + t);
            auto lo = get([] { return rnd::logistic<float>(-1, 0.5, {N}); }, [] { return rnd::logistic<double>(-1, 0.5, {N}); });
            expect_cdf(lo, [](double x) { return 1 / (1 + std::exp(-(x + 1) / 0.5)); }, "logistic" + t);
            auto gu = get([] { return rnd::gumbel<float>(0.5, 2, {N}); }, [] { return rnd::gumbel<double>(0.5, 2, {N}); });
            expect_cdf(gu, [](double x) { return std::exp(-std::exp(-(x - 0.5) / 2)); }, "gumbel" + t);
            auto ra = get([] { return rnd::rayleigh<float>(2, {N}); }, [] { return rnd::rayleigh<double>(2, {N}); });
            expect_cdf(ra, [](double x) { return 1 - std::exp(-x * x / 8); }, "rayleigh" + t);
            auto we = get([] { return rnd::weibull<float>(1.5, {N}); }, [] { return rnd::weibull<double>(1.5, {N}); });
            expect_cdf(we, [](double x) { return 1 - std::exp(-std::pow(x, 1.5)); }, "weibull" + t);
            auto pa = get([] { return rnd::pareto<float>(3, {N}); }, [] { return rnd::pareto<double>(3, {N}); });
            expect_cdf(pa, [](double x) { return 1 - std::pow(1 + x, -3.0); }, "pareto" + t);
            auto po = get([] { return rnd::power<float>(3, {N}); }, [] { return rnd::power<double>(3, {N}); });
            expect_cdf(po, [](double x) { return x * x * x; }, "power" + t);
            auto ca = get([] { return rnd::standard_cauchy<float>({N}); }, [] { return rnd::standard_cauchy<double>({N}); });
            expect_cdf(ca, [](double x) { return 0.5 + std::atan(x) / pi; }, "standard_cauchy" + t);
            for (double x : ca) ASSERT_TRUE(std::isfinite(x)) << x;
            auto tr = get([] { return rnd::triangular<float>(-1, 0.5, 2, {N}); },
                          [] { return rnd::triangular<double>(-1, 0.5, 2, {N}); });
            expect_cdf(tr, [](double x) { return x <= 0.5 ? (x + 1) * (x + 1) / 4.5 : 1 - (2 - x) * (2 - x) / 4.5; },
                       "triangular" + t);
        }
        // values the laws allow only: power and the [0, 1) aliases in [0, 1]
        for (double x : doubles(rnd::power<double>(0.5, {10000}))) ASSERT_TRUE(x > 0 && x <= 1) << x;
        for (double x : doubles(rnd::random_sample<float>({10000}))) ASSERT_TRUE(x >= 0 && x < 1) << x;
        EXPECT_EQ(values_of(rnd::weibull<double>(0, {3})), std::vector<double>(3, 0.0));  // NumPy: a = 0 gives 0
        auto g = doubles(rnd::geometric(0.2, {N}));
        expect_pmf(g, [](std::int64_t k) { return k < 1 ? 0 : 0.2 * std::pow(0.8, static_cast<double>(k - 1)); }, 1, 200,
                   "geometric");
        EXPECT_EQ(values_of(rnd::geometric(1, {4})), std::vector<std::int64_t>(4, 1));
    }
}

// Raw moments of Gamma(k, theta): theta^j k (k + 1) ... (k + j - 1).
void gamma_raw(double k, double th, double (&raw)[4]) {
    double m = 1;
    for (int j = 0; j < 4; ++j) {
        m *= th * (k + j);
        raw[j] = m;
    }
}

TEST(RandomDistributions, Gamma) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(2002);
        for (double k : {0.3, 1.0, 2.5, 40.0}) {
            double raw[4];
            gamma_raw(k, 1.5, raw);
            expect_moments(doubles(rnd::gamma<double>(k, 1.5, {N})), raw, "gamma double " + std::to_string(k));
            expect_moments(doubles(rnd::gamma<float>(k, 1.5, {N})), raw, "gamma float " + std::to_string(k));
        }
        // shape 1 is the exponential law, through Marsaglia-Tsang's loop; chisquare(2) too
        expect_cdf(doubles(rnd::standard_gamma<double>(1, {N})), gamma_cdf_shape1, "standard_gamma(1)");
        expect_cdf(doubles(rnd::chisquare<float>(2, {N})), [](double x) { return gamma_cdf_shape1(x / 2); }, "chisquare(2)");
        double raw[4];
        gamma_raw(1.5, 2, raw);
        expect_moments(doubles(rnd::chisquare<double>(3, {N})), raw, "chisquare(3)");
        EXPECT_EQ(values_of(rnd::standard_gamma<double>(0, {3})), std::vector<double>(3, 0.0));
        for (double x : values_of(rnd::standard_gamma<double>(NAN, {3}))) EXPECT_TRUE(std::isnan(x));
        // beta: Johnk (both <= 1; the arcsine law for 1/2, 1/2) and the gamma ratio
        expect_cdf(doubles(rnd::beta<double>(0.5, 0.5, {N})), [](double x) { return 2 / pi * std::asin(std::sqrt(x)); },
                   "beta(1/2, 1/2)");
        for (auto [a, b] : {std::pair{2.0, 5.0}, std::pair{0.3, 0.8}, std::pair{0.7, 3.0}}) {
            double r[4], m = 1;
            for (int j = 0; j < 4; ++j) r[j] = m *= (a + j) / (a + b + j);
            expect_moments(doubles(rnd::beta<double>(a, b, {N})), r, "beta double");
            expect_moments(doubles(rnd::beta<float>(a, b, {N})), r, "beta float");
        }
        // F(5, 40): E[X^j] = (d2 / d1)^j Gamma(d1/2 + j) Gamma(d2/2 - j) / (Gamma(d1/2) Gamma(d2/2))
        double fr[4];
        for (int j = 1; j <= 4; ++j)
            fr[j - 1] = std::pow(8.0, j) * std::tgamma(2.5 + j) * std::tgamma(20.0 - j) / (std::tgamma(2.5) * std::tgamma(20.0));
        expect_moments(doubles(rnd::f<double>(5, 40, {N})), fr, "f double");
        expect_moments(doubles(rnd::f<float>(5, 40, {N})), fr, "f float");
        // wald(2, 3): the inverse Gaussian, mu = 2, lambda = 3
        for (int dbl = 0; dbl < 2; ++dbl) {
            const auto w = dbl ? doubles(rnd::wald<double>(2, 3, {N})) : doubles(rnd::wald<float>(2, 3, {N}));
            const double mu = 2, lam = 3;
            expect_moments(w, {mu, mu * mu + mu * mu * mu / lam,
                               mu * mu * mu + 3 * std::pow(mu, 4) / lam + 3 * std::pow(mu, 5) / (lam * lam),
                               std::pow(mu, 4) + 6 * std::pow(mu, 5) / lam + 15 * std::pow(mu, 6) / (lam * lam) +
                                   15 * std::pow(mu, 7) / (lam * lam * lam)},
                           "wald");
            auto phi = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
            expect_cdf(w, [&](double x) {
                const double r = std::sqrt(lam / x);
                return phi(r * (x / mu - 1)) + std::exp(2 * lam / mu) * phi(-r * (x / mu + 1)); }, "wald");
        }
        // noncentral chi-square: cumulants 2^(n-1) (n-1)! (k + n lam); both of NumPy's branches
        for (auto [k, lam] : {std::pair{3.0, 2.0}, std::pair{0.5, 1.5}}) {
            const double mean = k + lam, var = 2 * (k + 2 * lam), k3 = 8 * (k + 3 * lam), k4 = 48 * (k + 4 * lam);
            const double mu3 = k3, mu4 = k4 + 3 * var * var;
            const double raw[4] = {mean, var + mean * mean, mu3 + 3 * mean * var + mean * mean * mean,
                                   mu4 + 4 * mean * mu3 + 6 * mean * mean * var + std::pow(mean, 4)};
            expect_moments(doubles(rnd::noncentral_chisquare<double>(k, lam, {N})), raw, "noncentral_chisquare double");
            expect_moments(doubles(rnd::noncentral_chisquare<float>(k, lam, {N})), raw, "noncentral_chisquare float");
        }
        // noncentral F(5, 40, 2): mean d2 (d1 + lam) / (d1 (d2 - 2)), variance within 5 %
        {
            const auto v = doubles(rnd::noncentral_f<double>(5, 40, 2, {N}));
            const double d1 = 5, d2 = 40, lam = 2, mean = d2 * (d1 + lam) / (d1 * (d2 - 2));
            const double var = 2 * (d2 / d1) * (d2 / d1) * ((d1 + lam) * (d1 + lam) + (d1 + 2 * lam) * (d2 - 2)) /
                               ((d2 - 2) * (d2 - 2) * (d2 - 4));
            double m = 0, s2 = 0;
            for (double x : v) m += x;
            m /= static_cast<double>(v.size());
            for (double x : v) s2 += (x - m) * (x - m);
            s2 /= static_cast<double>(v.size());
            EXPECT_NEAR(m, mean, 6 * std::sqrt(var / static_cast<double>(v.size())));
            EXPECT_NEAR(s2, var, 0.05 * var);
        }
        // von Mises(1, kappa): E cos(X - 1) = I1(kappa) / I0(kappa), E sin(X - 1) = 0, and the CDF
        // by the trapezoid rule on 20000 steps
        for (double kappa : {0.5, 4.0, 1e-9, 3e6}) {
            const auto v = kappa == 4.0 ? doubles(rnd::vonmises<float>(1, kappa, {N})) : doubles(rnd::vonmises<double>(1, kappa, {N}));
            double c = 0, sn = 0;
            for (double x : v) {
                ASSERT_TRUE(x >= -pi && x <= pi) << x;
                c += std::cos(x - 1);
                sn += std::sin(x - 1);
            }
            c /= static_cast<double>(v.size());
            sn /= static_cast<double>(v.size());
            const double r = kappa < 1e-6 ? 0 : kappa > 1e5 ? 1 - 0.5 / kappa : std::cyl_bessel_i(1.0, kappa) / std::cyl_bessel_i(0.0, kappa);
            EXPECT_NEAR(c, r, 6 * std::sqrt(0.5 / static_cast<double>(v.size())) + 1e-6) << kappa;
            EXPECT_NEAR(sn, 0, 6 * std::sqrt(0.5 / static_cast<double>(v.size()))) << kappa;
            if (kappa > 1e5) continue;
            std::vector<double> cdf(20001, 0);
            for (int i = 1; i <= 20000; ++i) {
                const double x0 = -pi + 2 * pi * (i - 1) / 20000, x1 = -pi + 2 * pi * i / 20000;
                cdf[i] = cdf[i - 1] + (std::exp(kappa * std::cos(x0 - 1)) + std::exp(kappa * std::cos(x1 - 1))) / 2;
            }
            for (double& y : cdf) y /= cdf.back();
            expect_cdf(v, [&](double x) {
                const double t = (x + pi) / (2 * pi) * 20000;
                const int i = std::clamp(static_cast<int>(t), 0, 19999);
                return cdf[i] + (cdf[i + 1] - cdf[i]) * (t - i); }, "vonmises");
        }
        // t(10): variance 10 / 8, 4th moment 3 * 100 / (8 * 6)
        expect_moments(doubles(rnd::standard_t<double>(10, {N})), {0, 1.25, 0, 6.25}, "standard_t double");
        expect_moments(doubles(rnd::standard_t<float>(10, {N})), {0, 1.25, 0, 6.25}, "standard_t float");
    }
}

double log_choose(double n, double k) { return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1); }

TEST(RandomDistributions, Discrete) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(3003);
        for (double lam : {0.5, 3.0, 9.99, 10.0, 50.5, 3000.0}) {
            const auto v = doubles(rnd::poisson(lam, {N}));
            expect_pmf(v, [&](std::int64_t k) { return std::exp(k * std::log(lam) - lam - std::lgamma(k + 1.0)); }, 0,
                       static_cast<std::int64_t>(lam + 20 * std::sqrt(lam) + 20), "poisson " + std::to_string(lam));
        }
        EXPECT_EQ(values_of(rnd::poisson(0, {3})), std::vector<std::int64_t>(3, 0));
        // binomial(1e15, 0.3): mean n p, variance n p q
        {
            const auto hb = doubles(rnd::binomial(1000000000000000, 0.3, {20000}));
            double bm = 0, bv = 0;
            for (double x : hb) bm += x;
            bm /= static_cast<double>(hb.size());
            for (double x : hb) bv += (x - bm) * (x - bm);
            bv /= static_cast<double>(hb.size());
            EXPECT_NEAR(bm, 3e14, 6 * std::sqrt(2.1e14 / 20000));
            EXPECT_NEAR(bv, 2.1e14, 6 * 2.1e14 * std::sqrt(2.0 / 20000));
        }
        // lam = 1e15: mean and variance lam (the sample variance's sd is about lam sqrt(2 / n))
        const auto huge = doubles(rnd::poisson(1e15, {20000}));
        double hm = 0, hv = 0;
        for (double x : huge) hm += x;
        hm /= static_cast<double>(huge.size());
        for (double x : huge) hv += (x - hm) * (x - hm);
        hv /= static_cast<double>(huge.size());
        EXPECT_NEAR(hm, 1e15, 6 * std::sqrt(1e15 / 20000));
        EXPECT_NEAR(hv, 1e15, 6 * 1e15 * std::sqrt(2.0 / 20000));
        for (auto [n, p] : {std::pair<std::int64_t, double>{10, 0.3}, {20, 0.7}, {100, 0.4}, {1000, 0.9}, {100000, 0.02},
                            {1, 0.5}}) {
            const auto v = doubles(rnd::binomial(n, p, {N}));
            expect_pmf(v, [&](std::int64_t k) {
                return k > n ? 0 : std::exp(log_choose(n, k) + k * std::log(p) + (n - k) * std::log1p(-p)); },
                       0, n, "binomial " + std::to_string(n) + " " + std::to_string(p));
        }
        EXPECT_EQ(values_of(rnd::binomial(7, 1, {3})), std::vector<std::int64_t>(3, 7));
        EXPECT_EQ(values_of(rnd::binomial(7, 0, {3})), std::vector<std::int64_t>(3, 0));
        for (auto [n, p] : {std::pair{3.5, 0.4}, std::pair{50.0, 0.8}}) {
            const auto v = doubles(rnd::negative_binomial(n, p, {N}));
            expect_pmf(v, [&](std::int64_t k) {
                return std::exp(std::lgamma(k + n) - std::lgamma(k + 1.0) - std::lgamma(n) + n * std::log(p) + k * std::log1p(-p)); },
                       0, 400, "negative_binomial");
        }
        // hypergeometric: HYP (nsample <= 10) and HRUA, with both of its reflections
        for (auto [g, b, k] : {std::tuple<std::int64_t, std::int64_t, std::int64_t>{20, 30, 5}, {7, 3, 10}, {200, 300, 100},
                               {1000, 50, 600}, {5000, 5000, 2000}}) {
            const auto v = doubles(rnd::hypergeometric(g, b, k, {N}));
            auto lc = [](double n, double r) { return std::lgamma(n + 1) - std::lgamma(r + 1) - std::lgamma(n - r + 1); };
            expect_pmf(v, [&](std::int64_t x) {
                if (x > g || k - x > b || x > k) return 0.0;
                return std::exp(lc(g, x) + lc(b, k - x) - lc(g + b, k)); },
                       0, k, "hypergeometric " + std::to_string(g) + " " + std::to_string(b) + " " + std::to_string(k));
        }
        // zipf(6): P(k) = k^-6 / zeta(6), zeta(6) = pi^6 / 945
        const double zeta6 = std::pow(pi, 6) / 945;
        expect_pmf(doubles(rnd::zipf(6, {N})), [&](std::int64_t k) { return k < 1 ? 0 : std::pow(static_cast<double>(k), -6.0) / zeta6; },
                   1, 2000, "zipf(6)");
        const auto z = values_of(rnd::zipf(1.5, {10000}));
        EXPECT_GE(*std::min_element(z.begin(), z.end()), 1);
        // logseries(p): P(k) = -p^k / (k log(1 - p))
        for (double p : {0.3, 0.95}) {
            expect_pmf(doubles(rnd::logseries(p, {N})), [&](std::int64_t k) {
                return k < 1 ? 0 : -std::pow(p, static_cast<double>(k)) / (static_cast<double>(k) * std::log1p(-p)); },
                       1, 2000, "logseries " + std::to_string(p));
        }
        EXPECT_EQ(values_of(rnd::logseries(0, {3})), std::vector<std::int64_t>(3, 1));
        const auto ri = values_of(rnd::random_integers(-2, 3, {10000}));
        EXPECT_EQ(std::set<std::int64_t>(ri.begin(), ri.end()), (std::set<std::int64_t>{-2, -1, 0, 1, 2, 3}));
        const auto r1 = values_of(rnd::random_integers(4, {10000}));
        EXPECT_EQ(std::set<std::int64_t>(r1.begin(), r1.end()), (std::set<std::int64_t>{1, 2, 3, 4}));
        const std::string b = rnd::bytes(4096);
        EXPECT_EQ(b.size(), 4096u);
        EXPECT_EQ(std::set<char>(b.begin(), b.end()).size(), 256u);
    }
}

TEST(RandomDistributions, Choice) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(4004);
        // with replacement and p: the counts follow p (the zero never comes)
        const auto p = gpu_test::make<double>({0.1, 0.0, 0.25, 0.4, 0.25});
        const auto v = doubles(rnd::choice(5, {N}, true, p));
        expect_pmf(v, [](std::int64_t k) { return std::vector<double>{0.1, 0, 0.25, 0.4, 0.25}[static_cast<std::size_t>(k)]; },
                   0, 4, "choice p");
        EXPECT_EQ(std::count(v.begin(), v.end(), 1.0), 0);
        const auto u = doubles(rnd::choice(7, {N}));
        expect_pmf(u, [](std::int64_t) { return 1.0 / 7; }, 0, 6, "choice uniform");
        // without replacement: distinct, and the prefix of the permutation of the same stream
        rnd::seed(5);
        const auto c = values_of(rnd::choice(50, {4, 5}, false));
        rnd::seed(5);
        const auto perm = values_of(rnd::permutation(50));
        EXPECT_EQ(c, std::vector<std::int64_t>(perm.begin(), perm.begin() + 20));
        const auto all = values_of(rnd::choice(6, {6}, false, gpu_test::make<double>({0.5, 0.1, 0.1, 0.1, 0.1, 0.1})));
        EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()).size(), 6u);
        // the first pick of a weighted draw without replacement follows p
        int zero_first = 0;
        for (int t = 0; t < 400; ++t)
            zero_first += values_of(rnd::choice(3, {2}, false, gpu_test::make<double>({0.8, 0.1, 0.1})))[0] == 0;
        EXPECT_NEAR(zero_first, 320, 6 * std::sqrt(400 * 0.8 * 0.2));
        // elements of an array, with the requested shape
        const auto a = gpu_test::make<float>({1.5f, 2.5f, -3.f});
        const auto s = rnd::choice(a, {3, 4});
        EXPECT_EQ(gpu::to_string(s.shape()), gpu::to_string(gpu::shape_t{3, 4}));
        for (float x : values_of(s)) EXPECT_TRUE(x == 1.5f || x == 2.5f || x == -3.f);
        EXPECT_EQ(rnd::choice(0, {0}).size(), 0);
    }
}

// multinomial: rows sum to n, column j is Binomial(n, p_j), columns i != j covary by -n p_i p_j.
TEST(RandomDistributions, Multinomial) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(7007);
        const std::vector<double> p{0.1, 0.25, 0.05, 0.6};
        const std::int64_t n = 40, rows = N / 4;
        const auto m = rnd::multinomial(n, p, {rows / 2, 2});
        EXPECT_EQ(gpu::to_string(m.shape()), gpu::to_string(gpu::shape_t{rows / 2, 2, 4}));
        const auto v = values_of(m);
        for (std::size_t r = 0; r < v.size(); r += 4) ASSERT_EQ(v[r] + v[r + 1] + v[r + 2] + v[r + 3], n) << r;
        std::vector<std::vector<double>> col(4);
        for (std::size_t i = 0; i < v.size(); ++i) col[i % 4].push_back(static_cast<double>(v[i]));
        for (std::size_t j = 0; j < 4; ++j)
            expect_pmf(col[j], [&](std::int64_t k) {
                return k > n ? 0 : std::exp(log_choose(n, k) + k * std::log(p[j]) + (n - k) * std::log1p(-p[j])); },
                       0, n, "multinomial column " + std::to_string(j));
        double c01 = 0;
        for (std::size_t r = 0; r < col[0].size(); ++r) c01 += (col[0][r] - n * p[0]) * (col[1][r] - n * p[1]);
        c01 /= static_cast<double>(col[0].size());
        // the product of two counts has variance about var0 var1 + cov^2 (under 70 here)
        EXPECT_NEAR(c01, -n * p[0] * p[1], 6 * std::sqrt(70.0 / static_cast<double>(col[0].size())));
        // a probability of 1 takes everything; n = 0 gives zeros
        EXPECT_EQ(values_of(rnd::multinomial(5, {0, 1, 0}, {2})), (std::vector<std::int64_t>{0, 5, 0, 0, 5, 0}));
        EXPECT_EQ(values_of(rnd::multinomial(0, {0.5, 0.5}, {2})), std::vector<std::int64_t>(4, 0));
        EXPECT_EQ(gpu::to_string(rnd::multinomial(3, {}, {2}).shape()), gpu::to_string(gpu::shape_t{2, 0}));
    }
}

// dirichlet: rows sum to 1; component j is Beta(alpha_j, alpha_0 - alpha_j).
TEST(RandomDistributions, Dirichlet) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(6006);
        const std::vector<double> alpha{0.5, 2, 3.5};
        const auto d = rnd::dirichlet<double>(alpha, {N / 4});
        EXPECT_EQ(gpu::to_string(d.shape()), gpu::to_string(gpu::shape_t{N / 4, 3}));
        const auto v = values_of(d);
        for (std::size_t r = 0; r < v.size(); r += 3) ASSERT_NEAR(v[r] + v[r + 1] + v[r + 2], 1, 1e-12) << r;
        for (std::size_t j = 0; j < 3; ++j) {
            std::vector<double> c;
            for (std::size_t r = j; r < v.size(); r += 3) c.push_back(v[r]);
            const double a = alpha[j], b = 6 - alpha[j];
            double raw[4], m = 1;
            for (int k = 0; k < 4; ++k) raw[k] = m *= (a + k) / (a + b + k);
            expect_moments(c, raw, "dirichlet component " + std::to_string(j));
        }
        // every alpha small: stick-breaking, still rows of sum 1 and no NaN
        const auto small = values_of(rnd::dirichlet<float>({0.01, 0.02, 0.001}, {1000}));
        for (std::size_t r = 0; r < small.size(); r += 3) {
            ASSERT_FALSE(std::isnan(small[r]) || std::isnan(small[r + 1]) || std::isnan(small[r + 2])) << r;
            ASSERT_NEAR(small[r] + small[r + 1] + small[r + 2], 1, 1e-6) << r;
        }
        EXPECT_EQ(gpu::to_string(rnd::dirichlet<double>({}, {4}).shape()), gpu::to_string(gpu::shape_t{4, 0}));
        // the 2-byte floats: float32 numbers rounded
        EXPECT_EQ(rnd::exponential<gpu::float16>(1, {10}).size(), 10);
    }
}

template <class T>
std::vector<std::uint64_t> bits_of(const gpu::ndarray<T>& a) {
    std::vector<std::uint64_t> out;
    for (const T& x : values_of(a)) {
        std::uint64_t b = 0;
        std::memcpy(&b, &x, sizeof(T));
        out.push_back(b);
    }
    return out;
}

// The same bits on every executor: the kernel and the host loop run the same samplers, and a
// rejection sampler's values depend only on the element index (sizes with partial blocks).
TEST(RandomDistributions, SameBitsOnEveryExecutor) {
    for (std::int64_t n : {1, 5, 1001, 20011}) {
        SCOPED_TRACE(n);
        gpu_test::same_on_every_executor([&] {
            rnd::seed(77);
            std::vector<std::vector<std::uint64_t>> r;
            r.push_back(bits_of(rnd::exponential<float>(2, {n})));
            r.push_back(bits_of(rnd::exponential<double>(2, {n})));
            r.push_back(bits_of(rnd::lognormal<float>(0, 1, {n})));
            r.push_back(bits_of(rnd::lognormal<double>(0, 1, {n})));
            r.push_back(bits_of(rnd::laplace<double>(0, 1, {n})));
            r.push_back(bits_of(rnd::logistic<float>(0, 1, {n})));
            r.push_back(bits_of(rnd::gumbel<double>(0, 1, {n})));
            r.push_back(bits_of(rnd::rayleigh<float>(1, {n})));
            r.push_back(bits_of(rnd::weibull<double>(2, {n})));
            r.push_back(bits_of(rnd::pareto<float>(2, {n})));
            r.push_back(bits_of(rnd::power<double>(2, {n})));
            r.push_back(bits_of(rnd::standard_cauchy<float>({n})));
            r.push_back(bits_of(rnd::triangular<double>(0, 1, 3, {n})));
            r.push_back(bits_of(rnd::geometric(0.1, {n})));
            r.push_back(bits_of(rnd::gamma<float>(0.5, 2, {n})));
            r.push_back(bits_of(rnd::gamma<double>(3, 1, {n})));
            r.push_back(bits_of(rnd::beta<double>(0.5, 0.5, {n})));
            r.push_back(bits_of(rnd::beta<float>(2, 3, {n})));
            r.push_back(bits_of(rnd::f<double>(3, 7, {n})));
            r.push_back(bits_of(rnd::standard_t<float>(4, {n})));
            r.push_back(bits_of(rnd::poisson(4, {n})));
            r.push_back(bits_of(rnd::poisson(400, {n})));
            r.push_back(bits_of(rnd::binomial(30, 0.2, {n})));
            r.push_back(bits_of(rnd::binomial(3000, 0.7, {n})));
            r.push_back(bits_of(rnd::negative_binomial(5, 0.3, {n})));
            r.push_back(bits_of(rnd::wald<float>(1, 2, {n})));
            r.push_back(bits_of(rnd::noncentral_chisquare<double>(0.7, 2, {n})));
            r.push_back(bits_of(rnd::noncentral_f<float>(3, 9, 1, {n})));
            r.push_back(bits_of(rnd::zipf(2, {n})));
            r.push_back(bits_of(rnd::vonmises<double>(0.5, 2, {n})));
            r.push_back(bits_of(rnd::vonmises<float>(-2, 0.1, {n})));
            r.push_back(bits_of(rnd::hypergeometric(10, 20, 7, {n})));
            r.push_back(bits_of(rnd::hypergeometric(100, 20, 70, {n})));
            r.push_back(bits_of(rnd::logseries(0.9, {n})));
            r.push_back(bits_of(rnd::multinomial(25, {0.2, 0.3, 0.5}, {n})));
            r.push_back(bits_of(rnd::dirichlet<float>({0.5, 1.5, 4}, {n})));
            r.push_back(bits_of(rnd::dirichlet<double>({0.01, 0.05}, {n})));
            r.push_back(bits_of(rnd::choice(9, {n}, true, gpu::asarray(std::vector<double>{.1, .1, .1, .1, .1, .1, .1, .1, .2}))));
            return r;
        });
    }
}

// A rejection sampler's element i draws from the stream of counter offset + i alone: the values
// of a prefix do not depend on how many elements the call fills.
TEST(RandomDistributions, ElementStreams) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        rnd::seed(8);
        const auto a = values_of(rnd::gamma<double>(0.7, 1, {100}));
        rnd::seed(8);
        const auto b = values_of(rnd::gamma<double>(0.7, 1, {1000}));
        EXPECT_EQ(a, std::vector<double>(b.begin(), b.begin() + 100));
        // element i against the stream functions directly
        rnd::seed(9);
        const auto p = values_of(rnd::poisson(25, {50}));
        for (int i = 0; i < 50; ++i) {
            gnd::rng_stream s = gnd::rng_stream_at(static_cast<std::uint64_t>(i), 9);
            EXPECT_EQ(p[static_cast<std::size_t>(i)], gnd::rng_poisson(s, 25)) << i;
        }
    }
}

// rng_exp against the C library over the ranges the samplers use; rng_log beyond [2^-64, 1].
TEST(RandomDistributions, MathAccuracy) {
    double worst_f = 0, worst_d = 0, worst_log = 0;
    for (int i = 0; i <= 100000; ++i) {
        const double x = -100 + 180.0 * i / 100000;  // [-100, 80]
        const long double ref = std::exp(static_cast<long double>(x));
        worst_d = std::max<double>(worst_d, std::fabs((gnd::rng_exp(x) - ref) / ref) / 0x1p-53);
        const float xf = static_cast<float>(x);
        const long double reff = std::exp(static_cast<long double>(xf));
        if (reff > 0x1p-126) worst_f = std::max<double>(worst_f, std::fabs((gnd::rng_exp(xf) - reff) / reff) / 0x1p-24);
        const double y = std::ldexp(1.0 + (i % 997) / 997.0, i % 200 - 20);  // up to 2^180
        const long double refl = std::log(static_cast<long double>(y));
        if (refl != 0) worst_log = std::max<double>(worst_log, std::fabs((gnd::rng_log(y) - refl) / refl) / 0x1p-53);
    }
    EXPECT_LT(worst_d, 3.0);
    EXPECT_LT(worst_f, 3.0);
    EXPECT_LT(worst_log, 3.0);
    for (double x : {-0.5, -0.3, -1e-3, -1e-9, -1e-300, 1e-12, 0.01, 0.2, 0.34, 2.0}) {
        EXPECT_NEAR(gnd::rng_expm1(x), std::expm1(x), 4e-16 * std::fabs(std::expm1(x))) << x;
        EXPECT_NEAR(gnd::rng_expm1(static_cast<float>(x)), std::expm1(static_cast<float>(x)),
                    3e-7 * std::fabs(std::expm1(static_cast<float>(x)))) << x;
    }
    for (int i = 0; i <= 2000; ++i) {
        const double w = -1 + i / 1000.0;
        EXPECT_NEAR(gnd::rng_acos(w), static_cast<double>(std::acos(static_cast<long double>(w))), 2e-15) << w;  // a few ulp
    }
    EXPECT_EQ(gnd::rng_exp(1000.0), INFINITY);
    EXPECT_EQ(gnd::rng_exp(-1000.0), 0.0);
    // Loader's log-probabilities against lgamma (long double), where those still hold
    for (double lam : {12.5, 1e4, 1e8})
        for (double k : {0.0, 1.0, 7.0, 15.0, 16.0, std::floor(lam), std::floor(lam + 3 * std::sqrt(lam))}) {
            const long double ref = k * std::log(static_cast<long double>(lam)) - lam - std::lgamma(static_cast<long double>(k) + 1);
            EXPECT_NEAR(gnd::rng_poisson_log_pmf(k, lam), static_cast<double>(ref), 1e-9 * std::max(1.0L, std::fabs(ref))) << lam << " " << k;
        }
    for (double k : {0.0, 1.0, 30.0, 333.0, 999.0, 1000.0}) {
        const double n = 1000, p = 0.3;
        const long double ref = std::lgamma(n + 1.0L) - std::lgamma(k + 1.0L) - std::lgamma(n - k + 1.0L) +
                                k * std::log(static_cast<long double>(p)) + (n - k) * std::log1p(-static_cast<long double>(p));
        EXPECT_NEAR(gnd::rng_binomial_log_pmf(k, n, p, 1 - p), static_cast<double>(ref), 1e-10 * std::max(1.0L, std::fabs(ref))) << k;
    }
    // log(k!) against lgamma
    for (double k : {0.0, 1.0, 2.0, 5.0, 6.0, 7.0, 30.0, 1e6, 1e12})
        EXPECT_NEAR(gnd::rng_log_factorial(k), std::lgamma(k + 1), 1e-13 * std::max(1.0, std::lgamma(k + 1))) << k;
}

TEST(RandomDistributions, Errors) {
    using gpu_test::expect_error;
    using gpu::value_error;
    expect_error<value_error>([] { rnd::exponential(-1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::lognormal(0, -1, {3}); }, "sigma < 0");
    expect_error<value_error>([] { rnd::laplace(0, -1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::logistic(0, -1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::gumbel(0, -1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::rayleigh(-1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::weibull(-1, {3}); }, "a < 0");
    expect_error<value_error>([] { rnd::pareto(0, {3}); }, "a <= 0");
    expect_error<value_error>([] { rnd::power(-1, {3}); }, "a <= 0");
    expect_error<value_error>([] { rnd::triangular(1, 0, 2, {3}); }, "left > mode");
    expect_error<value_error>([] { rnd::triangular(0, 3, 2, {3}); }, "mode > right");
    expect_error<value_error>([] { rnd::triangular(1, 1, 1, {3}); }, "left == right");
    expect_error<value_error>([] { rnd::geometric(0, {3}); }, "p <= 0, p > 1 or p contains NaNs");
    expect_error<value_error>([] { rnd::geometric(NAN, {3}); }, "p <= 0, p > 1 or p contains NaNs");
    expect_error<value_error>([] { rnd::standard_gamma(-1, {3}); }, "shape < 0");
    expect_error<value_error>([] { rnd::gamma(1, -1, {3}); }, "scale < 0");
    expect_error<value_error>([] { rnd::beta(0, 1, {3}); }, "a <= 0");
    expect_error<value_error>([] { rnd::beta(1, 0, {3}); }, "b <= 0");
    expect_error<value_error>([] { rnd::chisquare(0, {3}); }, "df <= 0");
    expect_error<value_error>([] { rnd::f(0, 1, {3}); }, "dfnum <= 0");
    expect_error<value_error>([] { rnd::f(1, 0, {3}); }, "dfden <= 0");
    expect_error<value_error>([] { rnd::standard_t(0, {3}); }, "df <= 0");
    expect_error<value_error>([] { rnd::poisson(-1, {3}); }, "lam < 0 or lam is NaN");
    expect_error<value_error>([] { rnd::poisson(NAN, {3}); }, "lam < 0 or lam is NaN");
    expect_error<value_error>([] { rnd::poisson(1e19, {3}); }, "lam value too large");
    expect_error<value_error>([] { rnd::binomial(-1, 0.5, {3}); }, "n < 0");
    expect_error<value_error>([] { rnd::binomial(5, 1.5, {3}); }, "p < 0, p > 1 or p is NaN");
    expect_error<value_error>([] { rnd::negative_binomial(0, 0.5, {3}); }, "n <= 0");
    expect_error<value_error>([] { rnd::negative_binomial(1, 1.5, {3}); }, "p < 0, p > 1 or p is NaN");
    expect_error<value_error>([] { rnd::random_integers(5, 4, {3}); }, "low >= high");
    expect_error<value_error>([] { rnd::dirichlet({1, 0}, {3}); }, "alpha <= 0");
    expect_error<value_error>([] { rnd::multinomial(-1, {0.5, 0.5}, {3}); }, "n < 0");
    expect_error<value_error>([] { rnd::multinomial(3, {1.5, -0.5}, {3}); }, "pvals < 0, pvals > 1 or pvals contains NaNs");
    expect_error<value_error>([] { rnd::multinomial(3, {NAN, 0.5}, {3}); }, "pvals < 0, pvals > 1 or pvals contains NaNs");
    expect_error<value_error>([] { rnd::multinomial(3, {0.7, 0.7, 0.1}, {3}); }, "sum(pvals[:-1]) > 1.0");
    expect_error<value_error>([] { rnd::wald(0, 1, {3}); }, "mean <= 0");
    expect_error<value_error>([] { rnd::wald(1, 0, {3}); }, "scale <= 0");
    expect_error<value_error>([] { rnd::noncentral_chisquare(0, 1, {3}); }, "df <= 0");
    expect_error<value_error>([] { rnd::noncentral_chisquare(1, -1, {3}); }, "nonc < 0");
    expect_error<value_error>([] { rnd::noncentral_f(0, 1, 1, {3}); }, "dfnum <= 0");
    expect_error<value_error>([] { rnd::noncentral_f(1, 0, 1, {3}); }, "dfden <= 0");
    expect_error<value_error>([] { rnd::noncentral_f(1, 1, -1, {3}); }, "nonc < 0");
    expect_error<value_error>([] { rnd::zipf(1, {3}); }, "a <= 1 or a is NaN");
    expect_error<value_error>([] { rnd::vonmises(0, -1, {3}); }, "kappa < 0");
    expect_error<value_error>([] { rnd::hypergeometric(-1, 5, 3, {3}); }, "ngood < 0");
    expect_error<value_error>([] { rnd::hypergeometric(5, -1, 3, {3}); }, "nbad < 0");
    expect_error<value_error>([] { rnd::hypergeometric(5, 5, 0, {3}); }, "nsample < 1 or nsample is NaN");
    expect_error<value_error>([] { rnd::hypergeometric(5, 5, 11, {3}); }, "ngood + nbad < nsample");
    expect_error<value_error>([] { rnd::logseries(1, {3}); }, "p < 0, p >= 1 or p is NaN");
    for (double x : values_of(rnd::noncentral_chisquare(0.5, NAN, {3}))) EXPECT_TRUE(std::isnan(x));
    const auto two_d = gpu::zeros<double>({2, 2});
    const auto p3 = gpu::asarray(std::vector<double>{0.5, 0.2, 0.2});
    expect_error<value_error>([&] { rnd::choice(two_d, {3}); }, "a must be 1-dimensional");
    expect_error<value_error>([&] { rnd::choice(gpu::ndarray<double>(gpu::shape_t{}), {3}); },
                              "a must be 1-dimensional or an integer");
    expect_error<value_error>([] { rnd::choice(0, {3}); }, "a must be greater than 0 unless no samples are taken");
    expect_error<value_error>([] { rnd::choice(gpu::zeros<double>({0}), {3}); },
                              "'a' cannot be empty unless no samples are taken");
    expect_error<value_error>([&] { rnd::choice(3, {3}, true, p3); }, "probabilities do not sum to 1");
    expect_error<value_error>([] { rnd::choice(3, {3}, true, gpu::asarray(std::vector<double>{1.5, -0.5, 0})); },
                              "probabilities are not non-negative");
    expect_error<value_error>([] { rnd::choice(3, {3}, true, gpu::asarray(std::vector<double>{NAN, 0.5, 0.5})); },
                              "probabilities contain NaN");
    expect_error<value_error>([] { rnd::choice(3, {3}, true, gpu::asarray(std::vector<double>{0.5, 0.5})); },
                              "'a' and 'p' must have same size");
    expect_error<value_error>([&] { rnd::choice(4, {3}, true, two_d); }, "'p' must be 1-dimensional");
    expect_error<value_error>([] { rnd::choice(3, {5}, false); },
                              "Cannot take a larger sample than population when 'replace=False'");
    expect_error<value_error>([] { rnd::choice(3, {3}, false, gpu::asarray(std::vector<double>{0.5, 0.5, 0})); },
                              "Fewer non-zero entries in p than size");
}

// Every new fill kernel compiles with NVRTC for sm_90 (no GPU needed).
template <class K>
void expect_compiles(const std::string& what) {
    try {
        const gpu::detail::kernel_source src = K::source();
        const auto k = gpu::detail::compile_cubin(src, gpu::detail::compile_target{9, 0});
        EXPECT_FALSE(k.cubin.empty()) << what;
    } catch (const gpu::compile_error& e) {
        ADD_FAILURE() << what << ": " << e.what();
    }
}

template <class S>
void float_kernels_compile(const char* what) {
    using gpu::detail::random_fill_kernel;
    expect_compiles<random_fill_kernel<S, float, float>>(std::string(what) + " float");
    expect_compiles<random_fill_kernel<S, double, double>>(std::string(what) + " double");
}

TEST(RandomDistributions, KernelsCompile) {
    using namespace gpu::detail;
    float_kernels_compile<gnd::exponential_sampler>("exponential");
    float_kernels_compile<gnd::lognormal_sampler>("lognormal");
    float_kernels_compile<gnd::laplace_sampler>("laplace");
    float_kernels_compile<gnd::logistic_sampler>("logistic");
    float_kernels_compile<gnd::gumbel_sampler>("gumbel");
    float_kernels_compile<gnd::rayleigh_sampler>("rayleigh");
    float_kernels_compile<gnd::weibull_sampler>("weibull");
    float_kernels_compile<gnd::pareto_sampler>("pareto");
    float_kernels_compile<gnd::power_sampler>("power");
    float_kernels_compile<gnd::cauchy_sampler>("cauchy");
    float_kernels_compile<gnd::triangular_sampler>("triangular");
    float_kernels_compile<gnd::gamma_sampler>("gamma");
    float_kernels_compile<gnd::beta_sampler>("beta");
    float_kernels_compile<gnd::f_sampler>("f");
    float_kernels_compile<gnd::t_sampler>("t");
    float_kernels_compile<gnd::wald_sampler>("wald");
    float_kernels_compile<gnd::noncentral_chisquare_sampler>("noncentral_chisquare");
    float_kernels_compile<gnd::noncentral_f_sampler>("noncentral_f");
    float_kernels_compile<gnd::vonmises_sampler>("vonmises");
    expect_compiles<random_fill_kernel<gnd::zipf_sampler, std::int64_t, double>>("zipf");
    expect_compiles<random_fill_kernel<gnd::logseries_sampler, std::int64_t, double>>("logseries");
    expect_compiles<random_fill_kernel<gnd::hypergeometric_sampler, std::int64_t, double>>("hypergeometric");
    expect_compiles<random_fill_kernel<gnd::geometric_sampler, std::int64_t, double>>("geometric");
    expect_compiles<random_fill_kernel<gnd::poisson_sampler, std::int64_t, double>>("poisson");
    expect_compiles<random_fill_kernel<gnd::binomial_sampler, std::int64_t, double>>("binomial");
    expect_compiles<random_fill_kernel<gnd::negative_binomial_sampler, std::int64_t, double>>("negative_binomial");
}

}  // namespace
