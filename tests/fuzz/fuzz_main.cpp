// Differential fuzzer: random expression trees evaluated by the GPU executor and by the host
// executor, compared element by element.
//
//   fuzz [--seed S] [--cases N] [--first I] [--mode gpu|host] [--max-size E] [--compile K]
//        [--time-limit SECONDS] [--verbose]
//
// Case i of seed S is generated from (S, i) alone, so `fuzz --seed S --first i --cases 1`
// replays it. Every node of a tree is checked on its own: the GPU evaluates it from the host
// executor's values of its children, placed in the same layout, so an error never cascades and a
// mismatch names the one operation that differs. The report gives the seed, the case, the
// failing node as the smallest failing sub-expression (a fused pattern is re-run step by step to
// find the step that fails, when one does), the first differing element, and whether a single
// element (0-d operands) still fails.
//
// Comparison: integers and bools exactly; floats with NaN equal to NaN and infinities and signs of
// zero matching, and within
//   - 0 ulp for operations both executors round identically (arithmetic, sqrt, comparisons,
//     casts, rounding, where, take, masks, sort, max/argmin/any/all, integer reductions),
//   - 8 ulp (float32, float64) or 1 ulp (float16, which rounds a float32 result) for
//     transcendental functions (CUDA's math library documents at most 2-4 ulp, glibc 1-2),
//   - fused float patterns: 16 ulp (float16: 2), for their transcendental steps (kernels are
//     compiled with --fmad=false, so arithmetic rounds per operation as on the host),
//   - complex results of transcendental functions: also 4 eps * (|re| + |im|) per part,
//   - float sums, means and cumulative sums: 2 L^2 eps max|x| absolute, L the reduced length
//     (the two executors add in different orders; results where overflow is possible are only
//     required to agree when both are finite).
//
// --mode host (the default without a GPU, as in CI): the host executor evaluates every node (it
// must not crash; NumPy's errors are fine), and the kernels of the first K (--compile, default
// 40) new fused expression types are generated and compiled by NVRTC for sm_90.
#include "fuzz.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fz {

// ---- tables ---------------------------------------------------------------------------------

#define FZ_NAME(name, valid, tol, ...) #name,
#define FZ_TOL(name, valid, tol, ...) tol,
static const char* const unary_names[] = {FZ_UNARY_OPS(FZ_NAME)};
static const char* const binary_names[] = {FZ_BINARY_OPS(FZ_NAME)};
static const char* const scalar_names[] = {FZ_SCALAR_OPS(FZ_NAME)};
static const char* const reduction_names[] = {FZ_REDUCTIONS(FZ_NAME)};
static const char* const scan_names[] = {FZ_SCANS(FZ_NAME)};
static const int unary_tols[] = {FZ_UNARY_OPS(FZ_TOL)};
static const int binary_tols[] = {FZ_BINARY_OPS(FZ_TOL)};
#undef FZ_NAME
#undef FZ_TOL
#define FZ_STEPS(valid, steps, expr) steps,
static const char* const pattern_steps[] = {FZ_PATTERNS(FZ_STEPS)};
#undef FZ_STEPS

const char* unary_name(int op) { return unary_names[op]; }
const char* binary_name(int op) { return binary_names[op]; }
const char* scalar_name(int op) { return scalar_names[op]; }
const char* reduction_name(int op) { return reduction_names[op]; }
const char* scan_name(int op) { return scan_names[op]; }
int unary_tol(int op) { return unary_tols[op]; }
int binary_tol(int op) { return binary_tols[op]; }

compile_check& compile_state() {
    static compile_check c;
    return c;
}

namespace {

using rng_t = std::mt19937_64;

std::string name(dtype d) { return std::string(gpu::name_of(d)); }
std::string show_shape(const shape_t& s) {
    std::string r = "(";
    for (int i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
    return r + (s.size() == 1 ? ",)" : ")");
}

int pick(rng_t& r, int n) { return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(r)); }
double unit(rng_t& r) { return std::uniform_real_distribution<double>(0.0, 1.0)(r); }
bool chance(rng_t& r, double p) { return unit(r) < p; }

// ---- values ---------------------------------------------------------------------------------

struct options {
    std::uint64_t seed = 1;
    long first = 0, cases = 1000;
    bool gpu = false;
    std::int64_t max_size = 1 << 16;
    int compile = 40;
    double time_limit = 0;
    bool verbose = false;
};

double random_float(rng_t& r, bool tame) {
    const double specials[] = {std::nan(""), INFINITY, -INFINITY, -0.0, 0.0, 1.0, -1.0, 3.4e38, -1.7e308,
                               1.2e-38, 5e-324, 6.0e4, 1e-45};
    if (chance(r, tame ? 0.02 : 0.06)) return specials[pick(r, tame ? 4 : 13)];
    switch (pick(r, 4)) {
    case 0: return pick(r, 17) - 8;
    case 1: return (pick(r, 33) - 16) * 0.5;
    case 2: return std::uniform_real_distribution<double>(-100, 100)(r);
    default: {
        const double e = tame ? std::uniform_real_distribution<double>(-3, 2)(r)
                              : std::uniform_real_distribution<double>(-40, 40)(r);
        return (chance(r, 0.5) ? -1 : 1) * std::pow(10.0, e);
    }
    }
}

template <class T>
T random_int(rng_t& r) {
    using L = std::numeric_limits<T>;
    switch (pick(r, 7)) {
    case 0: return L::min();
    case 1: return L::max();
    case 2: return static_cast<T>(L::max() - 1);
    case 3: return static_cast<T>(static_cast<T>(pick(r, 8)));
    case 4: case 5: return static_cast<T>(pick(r, 21) - 10);
    default: return static_cast<T>(r());
    }
}

template <class T>
void put(values& v, std::int64_t i, T x) {
    std::memcpy(v.bytes.data() + i * sizeof(T), &x, sizeof(T));
}

values random_values(dtype dt, const shape_t& shape, bool tame, rng_t& r) {
    values v;
    v.dt = dt;
    v.shape = shape;
    const std::int64_t n = gpu::size_of(shape);
    v.bytes.assign(static_cast<std::size_t>(n) * gpu::itemsize(dt), 0);
    for (std::int64_t i = 0; i < n; ++i) {
        switch (dt) {
        case dtype::bool_: v.bytes[i] = static_cast<unsigned char>(pick(r, 2)); break;
        case dtype::int8: put(v, i, random_int<std::int8_t>(r)); break;
        case dtype::int16: put(v, i, random_int<std::int16_t>(r)); break;
        case dtype::int32: put(v, i, random_int<std::int32_t>(r)); break;
        case dtype::int64: put(v, i, random_int<std::int64_t>(r)); break;
        case dtype::uint8: put(v, i, random_int<std::uint8_t>(r)); break;
        case dtype::uint16: put(v, i, random_int<std::uint16_t>(r)); break;
        case dtype::uint32: put(v, i, random_int<std::uint32_t>(r)); break;
        case dtype::uint64: put(v, i, random_int<std::uint64_t>(r)); break;
        case dtype::float16: put(v, i, gpu::float16(random_float(r, tame))); break;
        case dtype::float32: put(v, i, static_cast<float>(random_float(r, tame))); break;
        case dtype::float64: put(v, i, random_float(r, tame)); break;
        case dtype::complex64:
            put(v, i, std::complex<float>(static_cast<float>(random_float(r, tame)), static_cast<float>(random_float(r, tame))));
            break;
        default: break;
        }
    }
    return v;
}

// Element i as a double (real part; imag part with part == 1).
double real_at(const values& v, std::int64_t i, int part = 0) {
    const unsigned char* p = v.bytes.data() + i * gpu::itemsize(v.dt);
    auto get = [p](auto x) {
        std::memcpy(&x, p, sizeof(x));
        return x;
    };
    switch (v.dt) {
    case dtype::bool_: return *p;
    case dtype::int8: return get(std::int8_t{});
    case dtype::int16: return get(std::int16_t{});
    case dtype::int32: return get(std::int32_t{});
    case dtype::int64: return static_cast<double>(get(std::int64_t{}));
    case dtype::uint8: return get(std::uint8_t{});
    case dtype::uint16: return get(std::uint16_t{});
    case dtype::uint32: return get(std::uint32_t{});
    case dtype::uint64: return static_cast<double>(get(std::uint64_t{}));
    case dtype::float16: return static_cast<float>(get(gpu::float16{}));
    case dtype::float32: return get(float{});
    case dtype::float64: return get(double{});
    case dtype::complex64: {
        const auto z = get(std::complex<float>{});
        return part ? z.imag() : z.real();
    }
    default: return 0;
    }
}

std::string show_element(const values& v, std::int64_t i) {
    char buf[96];
    if (gpu::is_integer(v.dt) || v.dt == dtype::bool_) {
        const unsigned char* p = v.bytes.data() + i * gpu::itemsize(v.dt);
        if (v.dt == dtype::int64) {
            std::int64_t x;
            std::memcpy(&x, p, 8);
            return std::to_string(x);
        }
        if (v.dt == dtype::uint64) {
            std::uint64_t x;
            std::memcpy(&x, p, 8);
            return std::to_string(x);
        }
        std::snprintf(buf, sizeof buf, "%.0f", real_at(v, i));
    } else if (v.dt == dtype::complex64) {
        std::snprintf(buf, sizeof buf, "(%.9g%+.9gj)", real_at(v, i), real_at(v, i, 1));
    } else {
        std::snprintf(buf, sizeof buf, "%.17g", real_at(v, i));
    }
    return buf;
}

// ---- comparison -----------------------------------------------------------------------------

double eps_of(dtype d) {
    switch (d) {
    case dtype::float16: return 0x1p-10;
    case dtype::float32: case dtype::complex64: return 0x1p-23;
    default: return 0x1p-52;
    }
}
double max_of(dtype d) { return d == dtype::float16 ? 65504.0 : d == dtype::float64 ? 1.7976931348623157e308 : 3.4028234663852886e38; }

// Distance in units in the last place of dtype d between two finite values of it.
double ulps(double a, double b, dtype d) {
    if (a == b) return 0;
    const double m = std::max(std::fabs(a), std::fabs(b));
    int e;
    std::frexp(m, &e);
    const int min_exp = d == dtype::float16 ? -13 : d == dtype::float64 ? -1021 : -125;
    const double ulp = std::ldexp(eps_of(d), std::max(e - 1, min_exp - 1));
    return std::fabs(a - b) / ulp;
}

struct tolerance {
    double ulp = 0, abs = 0;
    bool sort = false;          // -0.0 and 0.0 are interchangeable
    bool may_overflow = false;  // only finite pairs must agree
    bool complex_rel = false;
};

// Whether host element i and GPU element i agree.
bool agree(const values& h, const values& g, std::int64_t i, const tolerance& t) {
    const int size = gpu::itemsize(h.dt);
    if (!gpu::is_inexact(h.dt)) return std::memcmp(h.bytes.data() + i * size, g.bytes.data() + i * size, size) == 0;
    for (int part = 0; part < (h.dt == dtype::complex64 ? 2 : 1); ++part) {
        const double a = real_at(h, i, part), b = real_at(g, i, part);
        if (std::isnan(a) || std::isnan(b)) {
            if (std::isnan(a) && std::isnan(b)) continue;
            if (t.may_overflow && (std::isinf(a) || std::isinf(b))) continue;
            return false;
        }
        if (std::isinf(a) || std::isinf(b)) {
            if (a == b || t.may_overflow) continue;
            return false;
        }
        if (a == b) {
            if (a == 0 && !t.sort && std::signbit(a) != std::signbit(b) && t.ulp == 0 && t.abs == 0 && !t.complex_rel) return false;
            continue;
        }
        double abs = t.abs;
        if (t.complex_rel) abs += 4 * eps_of(h.dt) * (std::fabs(real_at(h, i, 0)) + std::fabs(real_at(h, i, 1)));
        if (std::fabs(a - b) <= abs) continue;
        if (t.ulp > 0 && ulps(a, b, h.dt) <= t.ulp) continue;
        return false;
    }
    return true;
}

// The largest finite magnitude among the values.
double max_abs(const values& v) {
    double m = 0;
    if (!gpu::is_inexact(v.dt) && v.dt != dtype::bool_ && !gpu::is_integer(v.dt)) return 0;
    const std::int64_t n = gpu::size_of(v.shape);
    for (std::int64_t i = 0; i < n; ++i)
        for (int part = 0; part < (v.dt == dtype::complex64 ? 2 : 1); ++part) {
            const double x = std::fabs(real_at(v, i, part));
            if (std::isfinite(x)) m = std::max(m, x);
        }
    return m;
}

tolerance tolerance_for(const node& n, const std::vector<values>& in) {
    tolerance t;
    const dtype d = n.dt;
    if (!gpu::is_inexact(d)) return t;
    const bool half = d == dtype::float16;
    switch (n.k) {
    case kind::unary:
    case kind::binary:
        // |z| of a complex number is hypot(re, im): libm's on the host, CUDA's on the GPU.
        if ((n.k == kind::unary ? unary_tol(n.op) : binary_tol(n.op)) ||
            (n.k == kind::unary && std::string(unary_name(n.op)) == "absolute" && in[0].dt == dtype::complex64)) {
            t.ulp = half ? 1 : 8;
            t.complex_rel = d == dtype::complex64;
        }
        break;
    case kind::fused:
        t.ulp = half ? 2 : 16;
        t.complex_rel = d == dtype::complex64;
        break;
    case kind::reduce:
    case kind::scan: {
        const std::int64_t out = std::max<std::int64_t>(1, gpu::size_of(n.shape));
        const double len = n.k == kind::scan ? (n.axis < 0 ? gpu::size_of(in[0].shape) : in[0].shape[n.axis])
                                             : static_cast<double>(gpu::size_of(in[0].shape)) / out;
        const double m = max_abs(in[0]);
        t.abs = 2 * len * len * eps_of(d) * m;
        t.ulp = half ? 1 : 4;
        t.may_overflow = len * m >= max_of(d) / 4;
        break;
    }
    case kind::sort: t.sort = true; break;
    default: break;
    }
    return t;
}

// ---- generation -----------------------------------------------------------------------------

struct generator {
    rng_t& r;
    const options& o;
    fuzz_case c;

    int add(node n) {
        c.nodes.push_back(std::move(n));
        return static_cast<int>(c.nodes.size()) - 1;
    }

    std::int64_t dim() {
        const double u = unit(r);
        if (u < 0.03) return 0;
        if (u < 0.23) return 1;
        if (u < 0.70) return 2 + pick(r, 8);
        if (u < 0.97) return 10 + pick(r, 60);
        return 100 + pick(r, 3000);
    }
    shape_t random_shape(int max_ndim = 4) {
        const double u = unit(r);
        const int nd = std::min(max_ndim, u < 0.12 ? 0 : u < 0.4 ? 1 : u < 0.72 ? 2 : u < 0.9 ? 3 : 4);
        std::vector<std::int64_t> s;
        if (nd == 1 && o.max_size >= (1 << 20) && chance(r, 0.02)) return shape_t{(std::int64_t{1} << 20) + 3};
        for (int i = 0; i < nd; ++i) s.push_back(dim());
        // Cap the element count by shrinking the largest axis.
        while (true) {
            std::int64_t n = 1;
            for (auto x : s) n *= x;
            if (n <= o.max_size) break;
            auto it = std::max_element(s.begin(), s.end());
            *it = std::max<std::int64_t>(1, *it / 2);
        }
        return shape_t(s);
    }

    // A shape that broadcasts to s: leading axes dropped, some axes 1.
    shape_t broadcastable(const shape_t& s) {
        if (!chance(r, 0.35)) return s;
        std::vector<std::int64_t> v = s.to_vector();
        const int drop = pick(r, static_cast<int>(v.size()) + 1);
        v.erase(v.begin(), v.begin() + drop);
        for (auto& x : v)
            if (chance(r, 0.4)) x = 1;
        return shape_t(v);
    }

    layout random_layout(const shape_t& in, const shape_t& out, bool elementwise) {
        layout l;
        const int d = in.size();
        if (chance(r, 0.45) && d > 0) {
            l.strided = true;
            for (int i = 0; i < d; ++i) l.perm.push_back(i);
            std::shuffle(l.perm.begin(), l.perm.end(), r);
            for (int i = 0; i < d; ++i) l.step.push_back(std::vector<int>{1, 1, 2, -1, -2}[pick(r, 5)]);
        }
        l.broadcast = elementwise && !(in == out) && chance(r, 0.4);
        return l;
    }

    node leaf(dtype dt, const shape_t& s, bool tame) {
        node n;
        n.k = kind::leaf;
        n.dt = dt;
        n.shape = s;
        n.leaf = random_values(dt, s, tame, r);
        return n;
    }

    dtype random_dtype() { return dtypes[pick(r, n_dtypes)]; }

    // A node of dtype dt: any node, cast when needed (a leaf where the cast is not valid).
    int gen_as(const shape_t& s, dtype dt, int depth) {
        const int k = gen(s, depth);
        const dtype got = c.nodes[k].dt;
        if (got == dt) return k;
        if (!entry(got).cast_ok[index_of(dt)] || chance(r, 0.5)) return add(leaf(dt, s, false));
        node n;
        n.k = kind::cast;
        n.op = index_of(dt);
        n.dt = dt;
        n.shape = s;
        n.kids = {k};
        n.in = {random_layout(s, s, true)};
        return add(std::move(n));
    }

    // Picks a valid index of `ok` (n entries), or -1.
    int pick_valid(const bool* ok, int n) {
        std::vector<int> v;
        for (int i = 0; i < n; ++i)
            if (ok[i]) v.push_back(i);
        return v.empty() ? -1 : v[pick(r, static_cast<int>(v.size()))];
    }

    // n becomes a random valid operation of one list of k's dtype entry (ok: which apply, dt: their
    // result dtypes) over kids; false when none applies.
    template <int N>
    bool apply(node& n, kind kd, const bool (&ok)[N], const dtype (&dt)[N], std::vector<int> kids) {
        n.op = pick_valid(ok, N);
        if (n.op < 0) return false;
        n.k = kd;
        n.dt = dt[n.op];
        n.kids = std::move(kids);
        return true;
    }

    int gen(const shape_t& s, int depth) {
        if (depth <= 0 || chance(r, 0.2)) return add(leaf(random_dtype(), s, false));
        node n;
        n.shape = s;
        const double u = unit(r);
        if (u < 0.18) {  // unary
            const int k = gen(s, depth - 1);
            const auto& e = entry(c.nodes[k].dt);
            if (!apply(n, kind::unary, e.unary_ok, e.unary_dt, {k})) return k;
        } else if (u < 0.40) {  // binary: one operand of the full shape, one that may broadcast
            shape_t s0 = s, s1 = broadcastable(s);
            if (chance(r, 0.5)) std::swap(s0, s1);
            const int k0 = gen(s0, depth - 1);
            const dtype dt = c.nodes[k0].dt;
            const auto& e = entry(dt);
            if (!apply(n, kind::binary, e.binary_ok, e.binary_dt, {k0})) return k0;
            n.kids.push_back(gen_as(s1, dt, depth - 1));
        } else if (u < 0.47) {  // weak scalar
            const int k = gen(s, depth - 1);
            const dtype dt = c.nodes[k].dt;
            const auto& e = entry(dt);
            if (!apply(n, kind::scalar, e.scalar_ok, e.scalar_dt, {k})) return k;
            const bool nonneg = gpu::is_unsigned(dt) || dt == dtype::bool_;
            if (n.op == 1) n.s = std::vector<double>{0.5, -1.5, 2.0, 0.0, 3.25, 1e-3}[pick(r, 6)];
            else n.s = nonneg ? pick(r, 6) : pick(r, 11) - 5;
        } else if (u < 0.53) {  // cast
            const int k = gen(s, depth - 1);
            const auto& e = entry(c.nodes[k].dt);
            n.op = pick_valid(e.cast_ok, n_dtypes);
            n.k = kind::cast;
            n.dt = dtypes[n.op];
            n.kids = {k};
        } else if (u < 0.58) {  // where
            const int kx = gen(s, depth - 1);
            const dtype dt = c.nodes[kx].dt;
            const int kc = gen_as(broadcastable(s), dtype::bool_, depth - 1);
            const int ky = gen_as(broadcastable(s), dt, depth - 1);
            n.k = kind::where;
            n.dt = dt;
            n.kids = {kc, kx, ky};
        } else if (u < 0.68) {  // reduction
            std::vector<std::int64_t> in = s.to_vector();
            const int pos = pick(r, s.size() + 1);
            const std::int64_t len = chance(r, 0.1) ? 0 : 1 + pick(r, 40);
            if (s.size() == 0 && chance(r, 0.6)) {
                n.axis = -1;
                in = random_shape(3).to_vector();
            } else {
                n.axis = pos;
                if (pos < s.size() && s[pos] == 1 && chance(r, 0.5)) {
                    n.keepdims = true;
                    in[pos] = len;
                } else {
                    in.insert(in.begin() + pos, len);
                }
            }
            const shape_t ins(in);
            if (gpu::size_of(ins) > o.max_size) return add(leaf(random_dtype(), s, false));
            const int k = gen(ins, depth - 1);
            const auto& e = entry(c.nodes[k].dt);
            if (!apply(n, kind::reduce, e.reduce_ok, e.reduce_dt, {k})) return add(leaf(random_dtype(), s, false));
        } else if (u < 0.73 && s.size() > 0) {  // scan
            const int k = gen(s, depth - 1);
            const auto& e = entry(c.nodes[k].dt);
            if (!apply(n, kind::scan, e.scan_ok, e.scan_dt, {k})) return k;
            n.axis = pick(r, s.size());
        } else if (u < 0.78 && s.size() > 0) {  // take along an axis
            n.axis = pick(r, s.size());
            std::vector<std::int64_t> in = s.to_vector();
            const std::int64_t len = s[n.axis] > 0 ? 1 + pick(r, 9) : pick(r, 4);
            in[n.axis] = len;
            if (len == 0 && s[n.axis] > 0) return add(leaf(random_dtype(), s, false));
            for (std::int64_t i = 0; i < s[n.axis]; ++i)
                n.indices.push_back(static_cast<std::int64_t>(pick(r, static_cast<int>(2 * len))) - len);
            const int k = gen(shape_t(in), depth - 1);
            n.k = kind::take;
            n.dt = c.nodes[k].dt;
            n.kids = {k};
        } else if (u < 0.82 && s.size() == 1) {  // boolean mask selecting exactly s[0] elements
            shape_t in = random_shape(3);
            if (gpu::size_of(in) < s[0]) in = shape_t{s[0] + pick(r, 5)};
            const std::int64_t total = gpu::size_of(in);
            std::vector<std::int64_t> order(static_cast<std::size_t>(total));
            for (std::int64_t i = 0; i < total; ++i) order[i] = i;
            std::shuffle(order.begin(), order.end(), r);
            n.mask.assign(static_cast<std::size_t>(total), 0);
            for (std::int64_t i = 0; i < s[0]; ++i) n.mask[order[i]] = 1;
            const int k = gen(in, depth - 1);
            n.k = kind::mask;
            n.dt = c.nodes[k].dt;
            n.kids = {k};
        } else if (u < 0.86 && s.size() > 0) {  // sort along an axis
            const dtype dt = random_dtype();
            n.k = kind::sort;
            n.dt = dt;
            n.axis = pick(r, s.size());
            n.kids = {gen_as(s, dt, depth - 1)};
        } else if (u < 0.96) {  // a fused pattern over three leaves of moderate values
            const dtype dt = random_dtype();
            const auto& e = entry(dt);
            if (!apply(n, kind::fused, e.pattern_ok, e.pattern_dt, {})) return add(leaf(dt, s, false));
            shape_t s0 = s, s1 = broadcastable(s), s2 = broadcastable(s);
            if (chance(r, 0.5)) std::swap(s0, s1);
            n.kids = {add(leaf(dt, s0, true)), add(leaf(dt, s1, true)), add(leaf(dt, s2, true))};
        } else {
            return add(leaf(random_dtype(), s, false));
        }
        const bool elementwise = n.k == kind::unary || n.k == kind::binary || n.k == kind::scalar ||
                                 n.k == kind::cast || n.k == kind::where || n.k == kind::fused;
        for (int k : n.kids) n.in.push_back(random_layout(c.nodes[k].shape, s, elementwise));
        return add(std::move(n));
    }

    void root() {
        const int depth = 1 + pick(r, 4);
        if (chance(r, 0.04)) {  // flatnonzero: its length depends on the values, so only at the root
            const shape_t in = random_shape();
            const int k = gen(in, depth - 1);
            node n;
            n.k = kind::nonzero;
            n.dt = dtype::int64;
            n.kids = {k};
            n.in = {random_layout(in, in, false)};
            add(std::move(n));
            return;
        }
        for (int tries = 0; tries < 20; ++tries) {  // a tree, not a lone leaf
            c.nodes.clear();
            const int k = gen(random_shape(), depth);
            if (c.nodes[k].k != kind::leaf) return;
        }
    }
};

// ---- describing ---------------------------------------------------------------------------

std::string describe(const fuzz_case& c, int i, bool expand = true) {
    const node& n = c.nodes[i];
    auto kid = [&](int j) {
        std::string s = expand ? describe(c, n.kids[j]) : "x" + std::to_string(n.kids[j]);
        const layout& l = n.in[j];
        if (l.strided) {
            s += "{perm";
            for (int p : l.perm) s += " " + std::to_string(p);
            s += ", step";
            for (int p : l.step) s += " " + std::to_string(p);
            s += "}";
        }
        if (l.broadcast) s += "{broadcast_to " + show_shape(n.shape) + "}";
        return s;
    };
    auto axis = [&] { return n.axis < 0 ? std::string("None") : std::to_string(n.axis); };
    switch (n.k) {
    case kind::leaf: return "x" + std::to_string(i) + ":" + name(n.dt) + show_shape(n.shape);
    case kind::unary: return std::string(unary_name(n.op)) + "(" + kid(0) + ")";
    case kind::binary: return std::string(binary_name(n.op)) + "(" + kid(0) + ", " + kid(1) + ")";
    case kind::scalar: {
        std::ostringstream os;
        os << scalar_name(n.op) << "(" << kid(0) << ", " << n.s << ")";
        return os.str();
    }
    case kind::cast: return kid(0) + ".astype(" + name(n.dt) + ")";
    case kind::where: return "where(" + kid(0) + ", " + kid(1) + ", " + kid(2) + ")";
    case kind::reduce:
        return std::string(reduction_name(n.op)) + "(" + kid(0) + ", axis=" + axis() + (n.keepdims ? ", keepdims=True" : "") + ")";
    case kind::scan: return std::string(scan_name(n.op)) + "(" + kid(0) + ", axis=" + axis() + ")";
    case kind::take: {
        std::string idx;
        for (std::size_t j = 0; j < n.indices.size() && j < 12; ++j) idx += (j ? "," : "") + std::to_string(n.indices[j]);
        if (n.indices.size() > 12) idx += ",...";
        return "take(" + kid(0) + ", [" + idx + "], axis=" + axis() + ")";
    }
    case kind::mask: return kid(0) + "[mask of " + show_shape(n.shape) + " elements]";
    case kind::nonzero: return "flatnonzero(" + kid(0) + ")";
    case kind::sort: return "sort(" + kid(0) + ", axis=" + axis() + ")";
    case kind::fused: return std::string("fused ") + pattern_steps[n.op] + " with a=" + kid(0) + ", b=" + kid(1) + ", c=" + kid(2);
    }
    return "?";
}

// ---- running --------------------------------------------------------------------------------

struct outcome {
    bool ok = false;
    values v;
    std::string error;
};

// Evaluates node n on executor `ex` from the host values of its children.
outcome evaluate(const node& n, const std::vector<values>& in, gpu::executor ex) {
    outcome o;
    try {
        gpu::executor_scope on(ex);
        std::vector<arr> placed;
        for (std::size_t j = 0; j < in.size(); ++j) {
            placed.push_back(entry(in[j].dt).place(in[j], n.in[j], n.shape));
            if (ex != gpu::executor::host && !n.in[j].broadcast) {  // the placement itself must hold the values
                if (entry(in[j].dt).read(placed.back()).bytes != in[j].bytes) {
                    o.error = "placing operand " + std::to_string(j) + " in its layout changed its values";
                    return o;
                }
            }
        }
        const arr result = entry(in.empty() ? n.dt : (n.k == kind::where ? in[1].dt : in[0].dt)).eval(n, placed);
        o.v = std::visit([&](const auto& a) { return entry(a.dtype()).read(arr(a)); }, result);
        o.ok = true;
    } catch (const gpu::error& e) {
        o.error = e.what();
    }
    return o;
}

struct stats {
    long cases = 0, nodes = 0, both_raised = 0, mismatches = 0, fused = 0;
    long by_kind[13] = {};
};

struct mismatch {
    int node = -1;
    std::int64_t element = -1;
    std::string what;
};

// Compares node n's two outcomes; returns a description, empty when they agree.
std::string compare(const node& n, const std::vector<values>& in, const outcome& h, const outcome& g, std::int64_t* element) {
    *element = -1;
    if (!h.ok || !g.ok) {
        if (!h.ok && !g.ok && h.error == g.error) return "";
        return "host: " + (h.ok ? std::string("ok") : "raised: " + h.error) + "\n  gpu: " + (g.ok ? std::string("ok") : "raised: " + g.error);
    }
    if (h.v.dt != g.v.dt || !(h.v.shape == g.v.shape))
        return "host gives " + name(h.v.dt) + show_shape(h.v.shape) + ", gpu " + name(g.v.dt) + show_shape(g.v.shape);
    const tolerance t = tolerance_for(n, in);
    const std::int64_t total = gpu::size_of(h.v.shape);
    for (std::int64_t i = 0; i < total; ++i) {
        if (agree(h.v, g.v, i, t)) continue;
        *element = i;
        std::int64_t count = 0;
        for (std::int64_t j = i; j < total; ++j) count += !agree(h.v, g.v, j, t);
        std::ostringstream os;
        os << count << " of " << total << " elements differ; first at flat index " << i << ": host " << show_element(h.v, i)
           << ", gpu " << show_element(g.v, i) << " (" << name(h.v.dt) << ", tolerance " << t.ulp << " ulp, " << t.abs << " abs)";
        return os.str();
    }
    return "";
}

// For an element-wise node: the operands' elements behind output element i, as 0-d values.
std::vector<values> operands_at(const node& n, const std::vector<values>& in, std::int64_t i) {
    std::vector<std::int64_t> idx(n.shape.size());
    for (int d = n.shape.size() - 1; d >= 0; --d) {
        idx[d] = n.shape[d] ? i % n.shape[d] : 0;
        i = n.shape[d] ? i / n.shape[d] : 0;
    }
    std::vector<values> out;
    for (const values& v : in) {
        std::int64_t flat = 0;
        const int off = n.shape.size() - v.shape.size();
        for (int d = 0; d < v.shape.size(); ++d) flat = flat * v.shape[d] + (v.shape[d] == 1 ? 0 : idx[off + d]);
        values e;
        e.dt = v.dt;
        const int size = gpu::itemsize(v.dt);
        e.bytes.assign(v.bytes.begin() + flat * size, v.bytes.begin() + (flat + 1) * size);
        out.push_back(e);
    }
    return out;
}

bool elementwise(kind k) {
    return k == kind::unary || k == kind::binary || k == kind::scalar || k == kind::cast || k == kind::where || k == kind::fused;
}

// A fused pattern spelled step by step (pattern_steps), as a case of its own over leaves a, b, c.
struct step_parser {
    const char* p;
    fuzz_case& c;
    const int leaves[3];

    int operand(int k, dtype dt) {  // k cast to dt when needed
        if (c.nodes[k].dt == dt) return k;
        node n;
        n.k = kind::cast;
        n.op = index_of(dt);
        n.dt = dt;
        n.shape = c.nodes[k].shape;
        n.kids = {k};
        n.in = {layout{}};
        c.nodes.push_back(n);
        return static_cast<int>(c.nodes.size()) - 1;
    }
    int parse() {
        std::string word;
        while (*p && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_')) word += *p++;
        if (word.size() == 1) return leaves[word[0] - 'a'];
        ++p;  // (
        std::vector<int> args;
        while (true) {
            args.push_back(parse());
            if (*p++ == ')') break;
        }
        node n;
        if (word == "where") {
            const dtype dt = gpu::promote(c.nodes[args[1]].dt, c.nodes[args[2]].dt);
            args = {args[0], operand(args[1], dt), operand(args[2], dt)};
            n.k = kind::where;
            n.dt = dt;
        } else if (args.size() == 1) {
            n.k = kind::unary;
            while (std::string(unary_name(n.op)) != word) ++n.op;
            n.dt = entry(c.nodes[args[0]].dt).unary_dt[n.op];
        } else {
            const dtype dt = gpu::promote(c.nodes[args[0]].dt, c.nodes[args[1]].dt);
            args = {operand(args[0], dt), operand(args[1], dt)};
            n.k = kind::binary;
            while (std::string(binary_name(n.op)) != word) ++n.op;
            n.dt = entry(dt).binary_dt[n.op];
        }
        shape_t s;
        for (int k : args) s = gpu::broadcast_shapes(s, c.nodes[k].shape);
        n.shape = s;
        n.kids = args;
        for (std::size_t j = 0; j < args.size(); ++j) n.in.push_back(layout{});
        c.nodes.push_back(n);
        return static_cast<int>(c.nodes.size()) - 1;
    }
};

struct runner {
    const options& o;
    stats st;

    // Runs every node of c; returns the first mismatch (node -1: none).
    mismatch run(const fuzz_case& c, std::vector<values>* host_values = nullptr) {
        std::vector<values> hv(c.nodes.size());
        for (std::size_t i = 0; i < c.nodes.size(); ++i) {
            const node& n = c.nodes[i];
            if (n.k == kind::leaf) {
                hv[i] = n.leaf;
                continue;
            }
            std::vector<values> in;
            for (int k : n.kids) in.push_back(hv[k]);
            const outcome h = evaluate(n, in, gpu::executor::host);
            ++st.nodes;
            ++st.by_kind[static_cast<int>(n.k)];
            if (o.gpu) {
                const outcome g = evaluate(n, in, gpu::executor::cuda);
                std::int64_t element;
                const std::string diff = compare(n, in, h, g, &element);
                if (!diff.empty()) return {static_cast<int>(i), element, diff};
            }
            if (!h.ok) {  // NumPy's error for these values (both executors agree): the case ends here
                ++st.both_raised;
                break;
            }
            hv[i] = h.v;
        }
        if (host_values) *host_values = hv;
        return {};
    }

    // The smallest failing sub-expression behind mismatch m of case c, as text.
    std::string shrink(const fuzz_case& c, const mismatch& m) {
        const node& n = c.nodes[m.node];
        std::string out;
        // The node's operands are the host values of its children: collect them.
        std::vector<values> hv;
        fuzz_case prefix;
        prefix.nodes.assign(c.nodes.begin(), c.nodes.begin() + m.node);
        runner quiet{o};
        quiet.run(prefix, &hv);
        std::vector<values> in;
        for (int k : n.kids) in.push_back(hv[k]);

        if (n.k == kind::fused) {
            // Step by step over the same leaves: a failing step is a smaller expression.
            fuzz_case steps;
            int leaves[3];
            for (int j = 0; j < 3; ++j) {
                node l;
                l.k = kind::leaf;
                l.dt = in[j].dt;
                l.shape = in[j].shape;
                l.leaf = in[j];
                steps.nodes.push_back(l);
                leaves[j] = j;
            }
            step_parser parser{pattern_steps[n.op], steps, {leaves[0], leaves[1], leaves[2]}};
            parser.parse();
            const mismatch sm = quiet.run(steps);
            if (sm.node >= 0)
                out += "  smallest failing sub-expression (the pattern step by step): " + describe(steps, sm.node) +
                       "\n    " + sm.what + "\n";
            else
                out += "  every step agrees when evaluated on its own: the fused kernel differs\n";
        }
        if (elementwise(n.k) && m.element >= 0) {
            // One element: 0-d operands.
            const std::vector<values> one = operands_at(n, in, m.element);
            node single = n;
            single.shape = shape_t{};
            for (auto& l : single.in) l = layout{};
            const outcome h = evaluate(single, one, gpu::executor::host), g = evaluate(single, one, gpu::executor::cuda);
            std::int64_t element;
            const std::string diff = compare(single, one, h, g, &element);
            out += "  operands at that element:";
            for (std::size_t j = 0; j < one.size(); ++j) out += " " + show_element(one[j], 0) + ":" + name(one[j].dt);
            out += diff.empty() ? "\n  0-d operands with these values agree: the failure needs the shape or layout\n"
                                : "\n  still fails with 0-d operands: " + diff + "\n";
        }
        return out;
    }
};

void usage() {
    std::fprintf(stderr,
                 "usage: fuzz [--seed S] [--cases N] [--first I] [--mode gpu|host] [--max-size E] [--compile K] "
                 "[--time-limit SECONDS] [--verbose]\n");
    std::exit(2);
}

}  // namespace
}  // namespace fz

int main(int argc, char** argv) {
    using namespace fz;
    options o;
    o.gpu = gpu::cuda_available();
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) usage();
            return argv[++i];
        };
        if (a == "--seed") o.seed = std::stoull(next());
        else if (a == "--cases") o.cases = std::stol(next());
        else if (a == "--first") o.first = std::stol(next());
        else if (a == "--mode") {
            const std::string m = next();
            if (m != "gpu" && m != "host") usage();
            o.gpu = m == "gpu";
        } else if (a == "--max-size") o.max_size = std::stoll(next());
        else if (a == "--compile") o.compile = std::stoi(next());
        else if (a == "--time-limit") o.time_limit = std::stod(next());
        else if (a == "--verbose") o.verbose = true;
        else usage();
    }
    if (o.gpu && !gpu::cuda_available()) {
        std::fprintf(stderr, "fuzz: --mode gpu needs a CUDA device\n");
        return 2;
    }
    if (o.gpu && o.max_size == (1 << 16)) o.max_size = 1 << 21;
    auto& cc = compile_state();
    cc.on = !o.gpu && o.compile > 0;
    cc.budget = o.compile;

    std::printf("fuzz: seed %llu, cases %ld..%ld, mode %s, max size %lld\n", static_cast<unsigned long long>(o.seed), o.first,
                o.first + o.cases - 1, o.gpu ? "gpu (compared with host)" : "host (with NVRTC compiles)",
                static_cast<long long>(o.max_size));
    const auto start = std::chrono::steady_clock::now();
    runner run{o};
    int failures = 0;
    for (long i = o.first; i < o.first + o.cases; ++i) {
        if (o.time_limit > 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > o.time_limit) {
            std::printf("fuzz: time limit reached after %ld cases\n", run.st.cases);
            break;
        }
        std::seed_seq seq{static_cast<std::uint32_t>(o.seed), static_cast<std::uint32_t>(o.seed >> 32),
                          static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(static_cast<std::uint64_t>(i) >> 32)};
        rng_t r(seq);
        generator g{r, o, {}};
        fuzz_case c;
        try {
            g.root();
            c = std::move(g.c);
            if (o.verbose) std::printf("case %ld: %s\n", i, describe(c, static_cast<int>(c.nodes.size()) - 1).c_str());
            const mismatch m = run.run(c);
            ++run.st.cases;
            if (m.node >= 0) {
                ++run.st.mismatches;
                ++failures;
                std::printf("MISMATCH seed %llu case %ld (replay: fuzz --seed %llu --first %ld --cases 1)\n",
                            static_cast<unsigned long long>(o.seed), i, static_cast<unsigned long long>(o.seed), i);
                std::printf("  failing node: %s\n    shape %s, %s\n  %s\n", describe(c, m.node, false).c_str(),
                            show_shape(c.nodes[m.node].shape).c_str(), name(c.nodes[m.node].dt).c_str(), m.what.c_str());
                for (int k : c.nodes[m.node].kids) std::printf("    x%d = %s\n", k, describe(c, k).c_str());
                std::printf("%s", run.shrink(c, m).c_str());
                std::fflush(stdout);
                if (failures >= 20) {
                    std::printf("fuzz: stopping after 20 mismatches\n");
                    break;
                }
            }
        } catch (const std::exception& e) {  // the fuzzer's own failure (or a crash-like library error)
            ++failures;
            std::printf("ERROR seed %llu case %ld (replay: fuzz --seed %llu --first %ld --cases 1): %s\n  %s\n",
                        static_cast<unsigned long long>(o.seed), i, static_cast<unsigned long long>(o.seed), i, e.what(),
                        c.nodes.empty() ? "" : describe(c, static_cast<int>(c.nodes.size()) - 1).c_str());
        }
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    static const char* kind_names[] = {"leaf", "unary", "binary", "scalar", "cast", "where", "reduce",
                                       "scan", "take", "mask", "nonzero", "sort", "fused"};
    std::printf("fuzz: %ld cases, %ld nodes (", run.st.cases, run.st.nodes);
    for (int k = 1; k < 13; ++k) std::printf("%s%s %ld", k > 1 ? ", " : "", kind_names[k], run.st.by_kind[k]);
    std::printf("), %ld raised NumPy's error on both, %ld mismatches, %.1f s\n", run.st.both_raised, run.st.mismatches, secs);
    if (cc.on) {
        std::printf("fuzz: %d fused kernels compiled by NVRTC, %zu failed\n", cc.done, cc.failures.size());
        for (const auto& f : cc.failures) std::printf("COMPILE FAILURE\n%s\n", f.c_str());
        failures += static_cast<int>(cc.failures.size());
    }
    std::printf("fuzz: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
