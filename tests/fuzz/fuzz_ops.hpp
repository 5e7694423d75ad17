#pragma once
// The fuzzer's per-dtype code: placing values in a layout, reading them back, and evaluating one
// node. Included by fuzz_dtypes_*.cpp, each of which instantiates make_entry<T> for a few dtypes
// (the instantiations dominate the fuzzer's compile time, so they are spread over several
// translation units).
#include "fuzz.hpp"
#include "../read_back.hpp"

#include <gpu/sorting.hpp>

#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace fz::ops {

template <class T>
using nd = gpu::ndarray<T>;

// Compile-only mode: the kernel of each new fused expression type, flat variant, for sm_90.
template <class E>
void check_compile() {
    auto& c = compile_state();
    static bool seen = false;
    if (!c.on || seen || c.done >= c.budget) return;
    seen = true;
    ++c.done;
    gpu::detail::kernel_variant v;  // flat, 32-bit indices, scalar accesses
    const gpu::detail::kernel_source src = gpu::detail::elementwise_kernel_source<E>(v);
    try {
        if (gpu::detail::compile_cubin(src, gpu::detail::compile_target{9, 0}).cubin.empty())
            c.failures.push_back("empty cubin:\n" + src.code);
    } catch (const gpu::compile_error& e) {
        c.failures.push_back(e.what());
    }
}

// An expression's value as an array of its NumPy dtype (an ndarray passes through).
template <class X>
arr run(const X& x) {
    if constexpr (gpu::is_ndarray_v<X>) {
        return arr(x);
    } else {
        check_compile<decltype(gpu::detail::as_node(x))>();
        return arr(gpu::eval(x));
    }
}

template <class T>
arr place(const values& v, const layout& l, const shape_t& node_shape) {
    const T* src = reinterpret_cast<const T*>(v.bytes.data());
    const nd<T> c = gpu::asarray(src, v.shape);
    nd<T> out = c;
    if (l.strided) {
        // Base axis j holds logical axis perm[j], |step| times as long; logical axis i is a view
        // of it with stride base_stride * step (reversed when the step is negative).
        const int d = v.shape.size();
        shape_t base_shape = v.shape;
        for (int j = 0; j < d; ++j) {
            const int i = l.perm[j];
            base_shape[j] = v.shape[i] * (l.step[i] < 0 ? -l.step[i] : l.step[i]);
        }
        const std::vector<unsigned char> zeros(static_cast<std::size_t>(gpu::size_of(base_shape)) * sizeof(T), 0);
        const nd<T> base = gpu::asarray(reinterpret_cast<const T*>(zeros.data()), base_shape);
        const gpu::strides_t cs = gpu::c_strides(base_shape);
        gpu::strides_t st = cs;
        std::int64_t offset = 0;
        for (int j = 0; j < d; ++j) {
            const int i = l.perm[j];
            st[i] = cs[j] * l.step[i];
            if (l.step[i] < 0 && base_shape[j] > 0) offset += (base_shape[j] - 1) * cs[j];
        }
        out = nd<T>(base.buffer(), v.shape, st, offset);
        out.assign(c);
    }
    if (l.broadcast) out = gpu::broadcast_to(out, node_shape);
    return arr(out);
}

// The elements in C order (read_back.hpp: gathered here from the raw bytes of the buffer, so
// reading back does not depend on the library's strided copies).
template <class T>
values read(const arr& any) {
    const nd<T>& a = std::get<nd<T>>(any);
    values v;
    v.dt = gpu::dtype_of_v<T>;
    v.shape = a.shape();
    v.bytes = gpu_test::element_bytes(a);
    return v;
}

[[noreturn]] inline void invalid(const char* what) { throw std::logic_error(std::string("fuzz: invalid node: ") + what); }

template <class T>
arr eval(const node& n, const std::vector<arr>& in) {
    constexpr dtype D = gpu::dtype_of_v<T>;
    const nd<T>& a = std::get<nd<T>>(in[n.k == kind::where ? 1 : 0]);
    int i = 0;
    switch (n.k) {
    case kind::unary:
#define FZ_EVAL(name, valid, tol, expr) \
    if (n.op == i) {                    \
        if constexpr (valid) return run(expr); \
        else invalid(#name);            \
    }                                   \
    ++i;
        FZ_UNARY_OPS(FZ_EVAL)
        break;
    case kind::binary: {
        const nd<T>& b = std::get<nd<T>>(in[1]);
        FZ_BINARY_OPS(FZ_EVAL)
        break;
    }
    case kind::scalar: {
        const double s = n.s;
        FZ_SCALAR_OPS(FZ_EVAL)
        break;
    }
    case kind::fused: {
        const nd<T>& b = std::get<nd<T>>(in[1]);
        const nd<T>& c = std::get<nd<T>>(in[2]);
#define FZ_EVAL_PATTERN(valid, steps, expr) \
    if (n.op == i) {                        \
        if constexpr (valid) return run(expr); \
        else invalid(steps);                \
    }                                       \
    ++i;
        FZ_PATTERNS(FZ_EVAL_PATTERN)
#undef FZ_EVAL_PATTERN
        break;
    }
#undef FZ_EVAL
    case kind::cast:
        if constexpr (gpu::is_complex(D)) {
            if (dtypes[n.op] == D) return run(a.template astype<T>());
        } else {
            switch (n.op) {
#define FZ_CAST(I, U) \
    case I: return run(a.template astype<U>());
                FZ_CAST(0, bool)
                FZ_CAST(1, std::int8_t)
                FZ_CAST(2, std::int16_t)
                FZ_CAST(3, std::int32_t)
                FZ_CAST(4, std::int64_t)
                FZ_CAST(5, std::uint8_t)
                FZ_CAST(6, std::uint16_t)
                FZ_CAST(7, std::uint32_t)
                FZ_CAST(8, std::uint64_t)
                FZ_CAST(9, gpu::float16)
                FZ_CAST(10, float)
                FZ_CAST(11, double)
                FZ_CAST(12, std::complex<float>)
#undef FZ_CAST
            }
        }
        invalid("cast");
    case kind::where:
        return run(gpu::where(std::get<nd<bool>>(in[0]), a, std::get<nd<T>>(in[2])));
    case kind::reduce:
#define FZ_EVAL_REDUCE(name, valid, tol, fn)                                         \
    if (n.op == i) {                                                                 \
        if constexpr (valid) return run(n.axis < 0 ? fn(a) : fn(a, n.axis, n.keepdims)); \
        else invalid(#name);                                                         \
    }                                                                                \
    ++i;
        FZ_REDUCTIONS(FZ_EVAL_REDUCE)
#undef FZ_EVAL_REDUCE
        break;
    case kind::scan:
#define FZ_EVAL_SCAN(name, valid, tol, fn) \
    if (n.op == i) {                       \
        if constexpr (valid) return run(fn(a, n.axis)); \
        else invalid(#name);               \
    }                                      \
    ++i;
        FZ_SCANS(FZ_EVAL_SCAN)
#undef FZ_EVAL_SCAN
        break;
    case kind::take:
        return run(gpu::take(a, gpu::asarray(n.indices), n.axis));
    case kind::mask: {
        const nd<bool> m = gpu::asarray(reinterpret_cast<const bool*>(n.mask.data()), a.shape());
        return run(nd<T>(a[m]));
    }
    case kind::nonzero:
        return run(gpu::flatnonzero(a));
    case kind::sort:
        return run(gpu::sort(a, n.axis));
    case kind::leaf:
        break;
    }
    invalid("kind");
}

// The validity and result dtype of every operation for operands of dtype T.
template <class T>
dtype_entry make_entry() {
    constexpr dtype D = gpu::dtype_of_v<T>;
    using A = const nd<T>&;
    dtype_entry e{};
    e.place = &place<T>;
    e.read = &read<T>;
    e.eval = &eval<T>;
    int i = 0;
    bool* ok = nullptr;
    dtype* dt = nullptr;
#define FZ_RESULT(name, valid, tol, expr)                                                                     \
    if constexpr (valid) {                                                                                    \
        ok[i] = true;                                                                                         \
        dt[i] = gpu::dtype_of_v<typename decltype([](A a, A b, double s) {                       \
            (void)b, (void)s;                                                                                 \
            return expr;                                                                                      \
        }(std::declval<A>(), std::declval<A>(), 0.0))::value_type>;                                           \
    }                                                                                                         \
    ++i;
    ok = e.unary_ok, dt = e.unary_dt;
    FZ_UNARY_OPS(FZ_RESULT)
    i = 0;
    ok = e.binary_ok, dt = e.binary_dt;
    FZ_BINARY_OPS(FZ_RESULT)
    i = 0;
    ok = e.scalar_ok, dt = e.scalar_dt;
    FZ_SCALAR_OPS(FZ_RESULT)
#undef FZ_RESULT
    i = 0;
#define FZ_RESULT_FN(name, valid, tol, fn)                                                                     \
    if constexpr (valid) {                                                                                    \
        ok[i] = true;                                                                                         \
        dt[i] = gpu::dtype_of_v<typename decltype(fn(std::declval<A>(), 0))::value_type>;        \
    }                                                                                                         \
    ++i;
    ok = e.reduce_ok, dt = e.reduce_dt;
    FZ_REDUCTIONS(FZ_RESULT_FN)
    i = 0;
    ok = e.scan_ok, dt = e.scan_dt;
    FZ_SCANS(FZ_RESULT_FN)
#undef FZ_RESULT_FN
    i = 0;
#define FZ_RESULT_PATTERN(valid, steps, expr)                                                                 \
    if constexpr (valid) {                                                                                    \
        e.pattern_ok[i] = true;                                                                               \
        e.pattern_dt[i] = gpu::dtype_of_v<typename decltype([](A a, A b, A c) {                               \
            return expr;                                                                                      \
        }(std::declval<A>(), std::declval<A>(), std::declval<A>()))::value_type>;                             \
    }                                                                                                         \
    ++i;
    FZ_PATTERNS(FZ_RESULT_PATTERN)
#undef FZ_RESULT_PATTERN
    for (int t = 0; t < n_dtypes; ++t) e.cast_ok[t] = !gpu::is_complex(D) || dtypes[t] == D;
    return e;
}

}  // namespace fz::ops

// One translation unit's dtypes: FZ_ENTRIES(X) with X(index, T) defines fz::entry_<index>.
#define FZ_DEFINE_ENTRY(I, T)                              \
    namespace fz {                                         \
    const dtype_entry& entry_##I() {                       \
        static const dtype_entry e = ops::make_entry<T>(); \
        return e;                                          \
    }                                                      \
    }
