#pragma once
// The differential fuzzer's shared declarations (see fuzz_main.cpp for what it does).
//
// A case is a random expression tree kept at run time: a vector of nodes, children before their
// parents. Each node is one library operation (a unary or binary ufunc, a cast, where, an
// operation with a weak C++ scalar, a reduction, a scan, take, a boolean mask, flatnonzero, sort,
// or one of a fixed family of fused multi-operation patterns) applied to its children's values
// placed in a random layout (permuted axes, negative and non-unit steps, broadcast_to views).
// Node evaluation is compiled per dtype (fuzz_ops.hpp, instantiated in fuzz_dtypes_*.cpp):
// every (operation, dtype) pair is its own expression type, so its own generated kernel.
#include <gpu/ndarray.hpp>

#include <complex>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace fz {

using gpu::dtype;
using gpu::shape_t;

// The dtypes the fuzzer draws from, in this order everywhere (tables are indexed by it).
inline constexpr dtype dtypes[] = {dtype::bool_,   dtype::int8,    dtype::int16,   dtype::int32,  dtype::int64,
                                   dtype::uint8,   dtype::uint16,  dtype::uint32,  dtype::uint64, dtype::float16,
                                   dtype::float32, dtype::float64, dtype::complex64};
inline constexpr int n_dtypes = 13;
constexpr int index_of(dtype d) {
    for (int i = 0; i < n_dtypes; ++i)
        if (dtypes[i] == d) return i;
    return -1;
}

using arr = std::variant<gpu::ndarray<bool>, gpu::ndarray<std::int8_t>, gpu::ndarray<std::int16_t>,
                         gpu::ndarray<std::int32_t>, gpu::ndarray<std::int64_t>, gpu::ndarray<std::uint8_t>,
                         gpu::ndarray<std::uint16_t>, gpu::ndarray<std::uint32_t>, gpu::ndarray<std::uint64_t>,
                         gpu::ndarray<gpu::float16>, gpu::ndarray<float>, gpu::ndarray<double>,
                         gpu::ndarray<std::complex<float>>>;

// Host values of one array: dtype, shape and the elements' bytes in C order (bool: 0 or 1).
struct values {
    dtype dt = dtype::bool_;
    shape_t shape;
    std::vector<unsigned char> bytes;
};

// ---- operations -----------------------------------------------------------------------------
// X(name, valid(D), expression of a / a and b) lists; D is the operand dtype (gpu::dtype).
// `tol`: 0 for operations both executors must round identically, 1 for transcendental ones
// (bounded in ulps, see fuzz_main.cpp).
#define FZ_REAL(D) (!gpu::is_complex(D))
#define FZ_HALF_SAFE(D) (!gpu::is_half(gpu::detail::float_holding(D)))  // nextafter and spacing
#define FZ_INT(D) (gpu::is_integer(D) || D == dtype::bool_)
#define FZ_UNARY_OPS(X)                                                            \
    X(negative, D != dtype::bool_, 0, gpu::negative(a))                            \
    X(absolute, true, 0, gpu::absolute(a))                                         \
    X(sqrt, true, 1, gpu::sqrt(a))                                                 \
    X(exp, true, 1, gpu::exp(a))                                                   \
    X(log, true, 1, gpu::log(a))                                                   \
    X(sin, FZ_REAL(D), 1, gpu::sin(a))                                             \
    X(tanh, FZ_REAL(D), 1, gpu::tanh(a))                                           \
    X(floor, FZ_REAL(D), 0, gpu::floor(a))                                         \
    X(rint, FZ_REAL(D), 0, gpu::rint(a))                                           \
    X(invert, FZ_INT(D), 0, gpu::invert(a))                                        \
    X(logical_not, true, 0, gpu::logical_not(a))                                   \
    X(square, true, 0, gpu::square(a))                                             \
    X(reciprocal, FZ_REAL(D), 0, gpu::reciprocal(a))                               \
    X(sign, FZ_REAL(D) && D != dtype::bool_, 0, gpu::sign(a))                      \
    X(cbrt, FZ_REAL(D), 1, gpu::cbrt(a))                                           \
    X(expm1, FZ_REAL(D), 1, gpu::expm1(a))                                         \
    X(log1p, FZ_REAL(D), 1, gpu::log1p(a))                                         \
    X(arcsin, FZ_REAL(D), 1, gpu::arcsin(a))                                       \
    X(isnan, true, 0, gpu::isnan(a))                                               \
    X(isfinite, true, 0, gpu::isfinite(a))                                         \
    X(signbit, FZ_REAL(D), 0, gpu::signbit(a))                                     \
    X(spacing, FZ_REAL(D) && FZ_HALF_SAFE(D), 0, gpu::spacing(a))

#define FZ_BINARY_OPS(X)                                                           \
    X(add, true, 0, a + b)                                                         \
    X(subtract, D != dtype::bool_, 0, a - b)                                       \
    X(multiply, true, 0, a * b)                                                    \
    X(true_divide, true, 0, a / b)                                                 \
    X(floor_divide, FZ_REAL(D), 0, gpu::floor_divide(a, b))                        \
    X(remainder, FZ_REAL(D), 0, gpu::remainder(a, b))                              \
    X(power, FZ_REAL(D), 1, gpu::power(a, b))                                      \
    X(maximum, FZ_REAL(D), 0, gpu::maximum(a, b))                                  \
    X(fmin, FZ_REAL(D), 0, gpu::fmin(a, b))                                        \
    X(equal, true, 0, a == b)                                                      \
    X(not_equal, true, 0, a != b)                                                  \
    X(less, FZ_REAL(D), 0, a < b)                                                  \
    X(greater_equal, FZ_REAL(D), 0, a >= b)                                        \
    X(logical_and, true, 0, gpu::logical_and(a, b))                                \
    X(logical_xor, FZ_REAL(D), 0, gpu::logical_xor(a, b))                          \
    X(bitwise_and, FZ_INT(D), 0, a & b)                                            \
    X(bitwise_xor, FZ_INT(D), 0, a ^ b)                                            \
    X(left_shift, FZ_INT(D), 0, a << b)                                            \
    X(right_shift, FZ_INT(D), 0, a >> b)                                           \
    X(arctan2, FZ_REAL(D), 1, gpu::arctan2(a, b))                                  \
    X(hypot, FZ_REAL(D), 1, gpu::hypot(a, b))                                      \
    X(copysign, FZ_REAL(D), 0, gpu::copysign(a, b))                                \
    X(fmod, FZ_REAL(D), 0, gpu::fmod(a, b))                                        \
    X(logaddexp, FZ_REAL(D), 1, gpu::logaddexp(a, b))                              \
    X(nextafter, FZ_REAL(D) && FZ_HALF_SAFE(D), 0, gpu::nextafter(a, b))           \
    X(gcd, gpu::is_integer(D), 0, gpu::gcd(a, b))

// Operations with a weak C++ scalar (value s, a node parameter): the scalar's kind promotes as a
// Python scalar does.
#define FZ_SCALAR_OPS(X)                                                                          \
    X(add_int, true, 0, a + static_cast<int>(s))                                                 \
    X(multiply_float, true, 0, a * s)                                                             \
    X(less_int, FZ_REAL(D), 0, a < static_cast<int>(s))

// Reductions (axis < 0: all axes) and scans.
#define FZ_REDUCTIONS(X)                                    \
    X(sum, true, 0, gpu::sum)                               \
    X(max, FZ_REAL(D), 0, gpu::max)                         \
    X(argmin, FZ_REAL(D), 0, gpu::argmin)                   \
    X(mean, true, 0, gpu::mean)                             \
    X(any, true, 0, gpu::any)                               \
    X(all, true, 0, gpu::all)
#define FZ_SCANS(X)                                         \
    X(cumsum, true, 0, gpu::cumsum)                         \
    X(cumprod, FZ_INT(D), 0, gpu::cumprod)

#define FZ_COUNT(name, valid, tol, ...) +1
inline constexpr int n_unary = 0 FZ_UNARY_OPS(FZ_COUNT);
inline constexpr int n_binary = 0 FZ_BINARY_OPS(FZ_COUNT);
inline constexpr int n_scalar_ops = 0 FZ_SCALAR_OPS(FZ_COUNT);
inline constexpr int n_reductions = 0 FZ_REDUCTIONS(FZ_COUNT);
inline constexpr int n_scans = 0 FZ_SCANS(FZ_COUNT);
#undef FZ_COUNT

// Fused patterns over three operands a, b, c of one dtype D: X(valid(D), steps, expression).
// Each is one kernel (a fused expression type) on the GPU; `steps` spells it in the fuzzer's own
// operations, so that a failure can be narrowed to the smallest sub-expression evaluated step by
// step (operands of different dtypes are cast to the promoted one first, as the ufunc does).
#define FZ_PATTERNS(X)                                                                                         \
    X(true, "add(multiply(a,b),c)", a * b + c)                                                                 \
    X(FZ_REAL(D), "where(less(a,b),a,multiply(c,b))", gpu::where(a < b, a, c * b))                             \
    X(D != dtype::bool_, "multiply(add(a,b),subtract(a,c))", (a + b) * (a - c))                                \
    X(FZ_REAL(D), "logical_xor(logical_and(greater_equal(a,b),not_equal(b,c)),equal(a,c))",                    \
      gpu::logical_xor(gpu::logical_and(a >= b, b != c), a == c))                                              \
    X(FZ_REAL(D), "maximum(absolute(a),fmin(b,c))", gpu::maximum(gpu::absolute(a), gpu::fmin(b, c)))           \
    X(FZ_REAL(D), "multiply(sqrt(absolute(a)),exp(true_divide(b,add(absolute(c),c))))",                        \
      gpu::sqrt(gpu::absolute(a)) * gpu::exp(b / (gpu::absolute(c) + c)))                                      \
    X(FZ_INT(D), "bitwise_xor(bitwise_and(a,b),left_shift(c,bitwise_and(a,c)))", (a & b) ^ (c << (a & c)))
#define FZ_COUNT_PATTERN(valid, steps, expr) +1
inline constexpr int n_patterns = 0 FZ_PATTERNS(FZ_COUNT_PATTERN);
#undef FZ_COUNT_PATTERN

enum class kind : std::uint8_t { leaf, unary, binary, scalar, cast, where, reduce, scan, take, mask, nonzero, sort, fused };

// Where an input is placed before the operation reads it.
struct layout {
    bool strided = false;      // a view of a larger zero-filled buffer: axes permuted, steps +-1/+-2
    std::vector<int> perm;     // base axis j holds logical axis perm[j]
    std::vector<int> step;     // per logical axis
    bool broadcast = false;    // then gpu::broadcast_to the node's shape (elementwise nodes only)
};

struct node {
    kind k = kind::leaf;
    int op = 0;                // index into the list of its kind; cast: target dtype index
    dtype dt = dtype::bool_;   // the result's dtype
    shape_t shape;             // the result's shape
    std::vector<int> kids;     // node indices
    std::vector<layout> in;    // one per kid
    int axis = -1;             // reduce / scan / take / sort; reduce: -1 = all axes
    bool keepdims = false;
    double s = 0;              // scalar operand
    std::vector<std::int64_t> indices;   // take
    std::vector<unsigned char> mask;     // mask: one byte per element of the kid
    values leaf;               // leaf values
};

struct fuzz_case {
    std::vector<node> nodes;  // children first; the root is last
};

// Per-dtype entry points and tables (fuzz_ops.hpp, one translation unit per group of dtypes).
struct dtype_entry {
    arr (*place)(const values& v, const layout& l, const shape_t& node_shape);
    values (*read)(const arr& a);
    arr (*eval)(const node& n, const std::vector<arr>& in);
    bool unary_ok[n_unary];
    dtype unary_dt[n_unary];
    bool binary_ok[n_binary];
    dtype binary_dt[n_binary];
    bool scalar_ok[n_scalar_ops];
    dtype scalar_dt[n_scalar_ops];
    bool reduce_ok[n_reductions];
    dtype reduce_dt[n_reductions];
    bool scan_ok[n_scans];
    dtype scan_dt[n_scans];
    bool cast_ok[n_dtypes];
    bool pattern_ok[n_patterns];
    dtype pattern_dt[n_patterns];
};
const dtype_entry &entry_0(), &entry_1(), &entry_2(), &entry_3(), &entry_4(), &entry_5(), &entry_6(), &entry_7(),
    &entry_8(), &entry_9(), &entry_10(), &entry_11(), &entry_12();
inline const dtype_entry& entry(dtype d) {
    static const dtype_entry* const table[n_dtypes] = {&entry_0(), &entry_1(), &entry_2(),  &entry_3(), &entry_4(),
                                                       &entry_5(), &entry_6(), &entry_7(),  &entry_8(), &entry_9(),
                                                       &entry_10(), &entry_11(), &entry_12()};
    return *table[index_of(d)];
}

// Operation names, for reports.
const char* unary_name(int op);
const char* binary_name(int op);
const char* scalar_name(int op);
const char* reduction_name(int op);
const char* scan_name(int op);
int unary_tol(int op);
int binary_tol(int op);

// Compile-only mode (CI, no GPU): each new fused expression type's kernel is generated and
// compiled by NVRTC for sm_90, up to `compile_budget` kernels.
struct compile_check {
    bool on = false;
    int budget = 0, done = 0;
    std::vector<std::string> failures;
};
compile_check& compile_state();

}  // namespace fz
