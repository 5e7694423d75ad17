#pragma once
// Helpers shared by the test files (header-only, namespace gpu_test):
//   - dtype lists for typed tests (all_dtypes, numeric_dtypes, integer_dtypes, float_dtypes,
//     sample_dtypes) and dtype_names, which names typed-test instances "int8", "float32", ...;
//   - test_executors(): the host executor always, plus cuda when a GPU is usable;
//   - for_each_executor(fn) (fn(executor) or fn()) and the GPU_TEST_FOR_EACH_EXECUTOR(ex) loop:
//     run a test body once per executor, with that executor current and a SCOPED_TRACE naming it;
//   - make<T>(values[, shape]): an array on the current executor (bool works too; make_bool takes
//     bytes);
//   - values_of(array_or_expression): its elements as a std::vector, row-major, whatever the
//     strides (raw bytes through gpu::asnumpy, gathered on the host);
//   - same_value / expect_values: element-wise comparison, exact for integers and bools, relative
//     tolerance for floats, NaN equal to NaN;
//   - expect_same_on_both_executors([tolerance,] fn, inputs...): runs fn on copies of the inputs on
//     every executor and checks that each result matches the host executor's;
//   - same_on_every_executor(body): runs body() on every executor, checks each returns what the
//     host executor returned, and returns that;
//   - host_values(a): a's elements through gpu::asnumpy (so the transfer path is what is read);
//   - view(a, shape, strides, offset) and shares(a, b): the view constructor, buffer identity;
//   - message_of<E>(f) and expect_error<E>(f, message): the message an exception carries;
//   - index-coded arrays, so expected results are lists of flat indices: arange<T>(shape) with
//     expect_arange(a, indices) (np.arange values), seq<T>(shape, base) with
//     expect_seq(a, shape, indices) (values of both signs, fractional or large per dtype).
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>

#include "read_back.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace gpu_test {

// ---- dtype lists for TYPED_TEST_SUITE ------------------------------------------------------------

using all_dtypes = ::testing::Types<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                    std::uint16_t, std::uint32_t, std::uint64_t, float, double>;
using numeric_dtypes = ::testing::Types<std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                        std::uint16_t, std::uint32_t, std::uint64_t, float, double>;
using integer_dtypes = ::testing::Types<std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                        std::uint16_t, std::uint32_t, std::uint64_t>;
using float_dtypes = ::testing::Types<float, double>;
// One dtype of each kind (bool, signed, unsigned, float32, float64), for suites whose bodies are
// heavy to compile (views, shape functions, joining).
using sample_dtypes = ::testing::Types<bool, std::int32_t, std::uint16_t, float, double>;

// TYPED_TEST_SUITE(Suite, gpu_test::all_dtypes, gpu_test::dtype_names) names instances by dtype.
struct dtype_names {
    template <class T>
    static std::string GetName(int) {
        return std::string(gpu::dtype_name_v<T>);
    }
};

// ---- executors -----------------------------------------------------------------------------------

// Every executor the suite runs on here: the host always, the GPU when one is usable.
inline std::vector<gpu::executor> test_executors() {
    std::vector<gpu::executor> v{gpu::executor::host};
    if (gpu::cuda_available()) v.push_back(gpu::executor::cuda);
    return v;
}

// Makes `e` current and names it in every failure message while alive.
class executor_trial {
public:
    executor_trial(gpu::executor e, const char* file, int line)
        : trace_(file, line, std::string("executor: ") + gpu::to_string(e)), scope_(e) {}

private:
    ::testing::ScopedTrace trace_;
    gpu::executor_scope scope_;
};

// Calls body(executor), or body() if it takes no argument, once per executor, with it current.
// A fatal assertion (ASSERT_*) ends only that executor's run.
template <class F>
void for_each_executor(F&& body) {
    for (gpu::executor e : test_executors()) {
        executor_trial trial(e, __FILE__, __LINE__);
        if constexpr (std::is_invocable_v<F&, gpu::executor>) body(e);
        else body();
    }
}

// Runs body() once per executor with it current, checks that every executor returns what the
// host executor returned (operator==), and returns the host's result.
template <class F>
auto same_on_every_executor(F&& body) {
    using R = decltype(body());
    R host_result{};
    bool first = true;
    for (gpu::executor e : test_executors()) {
        executor_trial trial(e, __FILE__, __LINE__);
        R r = body();
        if (first) host_result = std::move(r), first = false;
        else EXPECT_EQ(r, host_result) << "the " << gpu::to_string(e) << " executor differs from the host executor";
    }
    return host_result;
}

}  // namespace gpu_test

// GPU_TEST_FOR_EACH_EXECUTOR(ex) { ... } runs the block once per executor, `ex` naming it.
// (A fatal assertion inside returns from the whole test, skipping the executors left.)
#define GPU_TEST_FOR_EACH_EXECUTOR(ex)                                                               \
    for (const gpu::executor ex : ::gpu_test::test_executors())                                      \
        if (::gpu_test::executor_trial gpu_test_trial_##ex{ex, __FILE__, __LINE__}; false) {         \
        } else

namespace gpu_test {

// ---- making arrays and reading them back ---------------------------------------------------------

// Small integers as T, as NumPy's astype gives them (bool: non-zero): gpu_test::as<T>({0, 1, 2}).
template <class T>
std::vector<T> as(std::initializer_list<int> v) {
    std::vector<T> out;
    for (int x : v) out.push_back(static_cast<T>(x));
    return out;
}

// An array of `shape` holding `values` (row-major) on the current executor. For bool, a braced
// list or a std::vector<bool> both work (gpu::asarray copies it through bytes).
template <class T>
gpu::ndarray<T> make(const std::vector<T>& values, const gpu::shape_t& shape) {
    return gpu::asarray(values, shape);
}

// A 1-D array.
template <class T>
gpu::ndarray<T> make(const std::vector<T>& values) {
    return gpu::asarray(values, gpu::shape_t{static_cast<std::int64_t>(values.size())});
}

// Bools from bytes (0 / non-zero), for callers that avoid std::vector<bool>.
inline gpu::ndarray<bool> make_bool(const std::vector<std::uint8_t>& bytes, const gpu::shape_t& shape) {
    std::vector<bool> v(bytes.begin(), bytes.end());
    return gpu::asarray(v, shape);
}

// The elements of an array, row-major (std::vector<bool> for bool arrays), whatever its strides
// (read_back.hpp: raw bytes through gpu::asnumpy, gathered on the host).
template <class T>
std::vector<T> values_of(const gpu::ndarray<T>& a) {
    const std::vector<unsigned char> bytes = element_bytes(a);
    std::vector<T> out;
    out.reserve(bytes.size() / sizeof(T));
    for (std::size_t n = 0; n < bytes.size(); n += sizeof(T)) {
        T v;
        std::memcpy(&v, bytes.data() + n, sizeof(T));
        out.push_back(v);
    }
    return out;
}

// The elements of an expression, evaluated into an array of its NumPy dtype.
template <gpu::expression E>
    requires(!gpu::is_ndarray_v<E>)
auto values_of(const E& e) {
    return values_of(gpu::eval(e));
}

// a's elements through gpu::asnumpy, row-major: unlike values_of, this reads through the
// library's own transfer path. (Through the iterators: host_array<bool>::to_vector is broken,
// see test_transfer's HostArrayBoolToVector.)
template <class T>
std::vector<T> host_values(const gpu::ndarray<T>& a) {
    const auto h = gpu::asnumpy(a);
    return std::vector<T>(h.begin(), h.end());
}

// A view of a's buffer (strides and offset in elements), as basic indexing would make it.
template <class T>
gpu::ndarray<T> view(const gpu::ndarray<T>& a, const gpu::shape_t& shape, const gpu::strides_t& strides,
                     std::int64_t offset) {
    return gpu::ndarray<T>(a.buffer(), shape, strides, offset);
}

// Whether a and b share one buffer (a view, not a copy).
template <class T, class U>
bool shares(const gpu::ndarray<T>& a, const gpu::ndarray<U>& b) {
    return a.buffer() == b.buffer();
}

// ---- index-coded arrays --------------------------------------------------------------------------

// Element i of np.arange in dtype T (bools: i % 3 == 1, so that order shows).
template <class T>
T arange_value(std::int64_t i) {
    if constexpr (std::is_same_v<T, bool>) return i % 3 == 1;
    else return static_cast<T>(i);
}

// np.arange(size).reshape(shape).astype(T) on the current executor.
template <class T>
gpu::ndarray<T> arange(const gpu::shape_t& shape) {
    std::vector<T> values;
    for (std::int64_t i = 0; i < gpu::size_of(shape); ++i) values.push_back(arange_value<T>(i));
    return make<T>(values, shape);
}

// Element i of seq: distinct values of both signs, fractional (floats) or large (unsigned).
template <class T>
T seq_value(std::int64_t i) {
    if constexpr (std::is_same_v<T, bool>) return (i * 5 + i / 3) % 3 == 1;
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(i) * T(0.5) - T(1.25);
    else if constexpr (std::is_signed_v<T>) return static_cast<T>(i * 3 - 7);
    else return static_cast<T>(i + 1000);
}

// An array of `shape` holding seq_value(base + i) at flat position i, on the current executor.
template <class T>
gpu::ndarray<T> seq(const gpu::shape_t& shape, std::int64_t base = 0) {
    std::vector<T> values;
    for (std::int64_t i = 0; i < gpu::size_of(shape); ++i) values.push_back(seq_value<T>(base + i));
    return make<T>(values, shape);
}

// ---- comparing values ----------------------------------------------------------------------------

template <class T>
constexpr double default_rtol() {
    return std::is_same_v<T, float> || std::is_same_v<T, std::complex<float>> ? 1e-6 : 1e-12;
}

// Exact for integers and bools; for floats NaN equals NaN, infinities must match and finite
// values agree within rtol relative (or atol absolute, for results near zero).
template <class T>
bool same_value(T a, T b, double rtol = default_rtol<T>(), double atol = 0) {
    if constexpr (gpu::detail::is_std_complex<T>::value) {  // part by part
        return same_value(a.real(), b.real(), rtol, atol) && same_value(a.imag(), b.imag(), rtol, atol);
    } else if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
        if (std::isinf(a) || std::isinf(b)) return a == b;
        const double da = a, db = b;
        return std::fabs(da - db) <= atol + rtol * std::max(std::fabs(da), std::fabs(db));
    } else {
        return a == b;
    }
}

template <class T>
std::string show(T v) {
    if constexpr (std::is_same_v<T, bool>) return v ? "True" : "False";
    else if constexpr (gpu::detail::is_std_complex<T>::value) return "(" + show(v.real()) + ", " + show(v.imag()) + ")";
    else if constexpr (std::is_floating_point_v<T>) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(v));
        return buf;
    } else if constexpr (std::is_signed_v<T>) return std::to_string(static_cast<long long>(v));
    else return std::to_string(static_cast<unsigned long long>(v));
}

// Element-wise check of actual against expected, with the same rules as same_value.
template <class T>
void expect_values(const std::vector<T>& actual, const std::vector<T>& expected, double rtol = default_rtol<T>(),
                   double atol = 0) {
    ASSERT_EQ(actual.size(), expected.size()) << "element counts differ";
    for (std::size_t i = 0; i < actual.size(); ++i)
        EXPECT_TRUE(same_value<T>(actual[i], expected[i], rtol, atol))
            << "element " << i << ": got " << show<T>(actual[i]) << ", expected " << show<T>(expected[i]);
}

// a's elements, row-major, are arange_value(i) for i in `indices`.
template <class T>
void expect_arange(const gpu::ndarray<T>& a, std::initializer_list<std::int64_t> indices) {
    std::vector<T> expected;
    for (std::int64_t i : indices) expected.push_back(arange_value<T>(i));
    expect_values(values_of(a), expected);
}

// r has `shape` and, row-major, the elements seq_value(i) for i in `indices`.
template <class T>
void expect_seq(const gpu::ndarray<T>& r, const gpu::shape_t& shape, const std::vector<std::int64_t>& indices) {
    EXPECT_EQ(gpu::to_string(r.shape()), gpu::to_string(shape));
    std::vector<T> expected;
    for (std::int64_t i : indices) expected.push_back(seq_value<T>(i));
    expect_values(values_of(r), expected);
}

// ---- exceptions ----------------------------------------------------------------------------------

// The message of the exception of type E that f throws ("no exception" or "other exception: ..."
// otherwise, which then fails the caller's comparison with the expected message).
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("other exception: ") + e.what();
    }
    return "no exception";
}

// f throws an Err whose what() is `message` (an exception of another type propagates: the test
// fails).
template <class Err, class F>
void expect_error(F&& f, const std::string& message) {
    try {
        f();
        ADD_FAILURE() << "no exception; expected: " << message;
    } catch (const Err& e) {
        EXPECT_EQ(std::string(e.what()), message);
    }
}

// Tolerance for float results of expect_same_on_both_executors: |a - b| <= atol + rtol * max(|a|, |b|).
struct tolerance {
    double rtol, atol;
};

// Runs fn(inputs copied to executor X...) on every executor of test_executors() and checks that
// each result has the host executor's shape and values: exactly for integers and bools; for floats
// within `tol` (default: default_rtol<R>() relative, or as much absolute, for results near zero:
// the GPU may contract a*b+c into one fma; pass a looser one for float32 results of
// transcendental functions widened to float64). The inputs may live on any executor. Returns the
// host executor's values.
template <class F, class... Ts>
auto expect_same_on_both_executors(tolerance tol, F&& fn, const gpu::ndarray<Ts>&... inputs) {
    using R = typename decltype(gpu::eval(fn(inputs...)))::value_type;
    const std::tuple<std::pair<std::vector<Ts>, gpu::shape_t>...> host_inputs{
        std::pair<std::vector<Ts>, gpu::shape_t>{values_of(inputs), inputs.shape()}...};
    auto run_on = [&](gpu::executor e) {
        gpu::executor_scope scope(e);
        const auto result = std::apply(
            [&](const auto&... in) { return gpu::eval(fn(gpu::asarray(in.first, in.second)...)); }, host_inputs);
        return std::pair<std::vector<R>, gpu::shape_t>{values_of(result), result.shape()};
    };
    const auto reference = run_on(gpu::executor::host);
    for (gpu::executor e : test_executors()) {
        if (e == gpu::executor::host) continue;
        SCOPED_TRACE(std::string("executor ") + gpu::to_string(e) + " vs host");
        const auto got = run_on(e);
        EXPECT_EQ(got.second, reference.second);
        expect_values<R>(got.first, reference.first, tol.rtol, tol.atol);
    }
    return reference.first;
}

template <class F, class... Ts>
auto expect_same_on_both_executors(F&& fn, const gpu::ndarray<Ts>&... inputs) {
    using R = typename decltype(gpu::eval(fn(inputs...)))::value_type;
    return expect_same_on_both_executors(tolerance{default_rtol<R>(), default_rtol<R>()}, std::forward<F>(fn),
                                         inputs...);
}

// ---- generated kernels ---------------------------------------------------------------------------

// Expression E's kernel source, compiled by NVRTC for sm_90 (no GPU needed) in the flat variant
// (vectorized, 32-bit indices) and the strided one (64-bit) and, when asked, the tiled one and
// the strided one with vectors along the innermost axis.
template <class E>
void expect_kernel_variants_compile(const std::string& what, bool all_variants = false) {
    SCOPED_TRACE(what);
    for (int kind = 0; kind < (all_variants ? 4 : 2); ++kind) {
        if (kind == 2 && !gpu::detail::tile_fits<E>) continue;  // the executor never tiles E
        gpu::detail::kernel_variant v;
        v.strided = kind == 1 || kind == 3;
        v.tiled = kind == 2;
        v.rank = kind == 0 ? 1 : kind == 3 ? 3 : 2;
        v.vec = kind == 0 || kind == 3 ? 4 : 1;
        v.idx64 = kind == 1;
        const gpu::detail::kernel_source src = gpu::detail::elementwise_kernel_source<E>(v);
        ASSERT_NE(src.code.find("gnd_expr"), std::string::npos);
        try {
            EXPECT_FALSE(gpu::detail::compile_cubin(src, gpu::detail::compile_target{9, 0}).cubin.empty()) << "variant " << kind;
        } catch (const gpu::compile_error& e) {
            ADD_FAILURE() << "variant " << kind << ": " << e.what();
        }
    }
}

}  // namespace gpu_test
