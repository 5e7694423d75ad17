#pragma once
// Running a scan: the geometry of one call (which kernel, the collapsed input layout), the host
// executor's loops and the CUDA launches of scans/scan_kernels.hpp. The input is any ndarray
// view, read in place (no copy); the output is a new C-contiguous array.
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "gpu/containers/ndarray.hpp"
#include "gpu/indexing/launch.hpp"
#include "gpu/scans/scan_kernels.hpp"

namespace gpu::detail {

// A shape and strides with size-1 axes dropped and neighbours merged where one stride steps
// over the other (same C-order offsets, fewer divisions). At least one axis.
struct collapsed_layout {
    shape_t shape;
    strides_t strides;
};

inline collapsed_layout collapse_layout(const shape_t& shape, const strides_t& strides) {
    collapsed_layout c;
    for (int d = 0; d < shape.size(); ++d) {
        if (shape[d] == 1) continue;
        const int k = c.shape.size();
        if (k > 0 && c.strides[k - 1] == strides[d] * shape[d]) {
            c.shape[k - 1] *= shape[d];
            c.strides[k - 1] = strides[d];
        } else {
            c.shape.push_back(shape[d]);
            c.strides.push_back(strides[d]);
        }
    }
    if (c.shape.size() == 0) {
        c.shape.push_back(1);
        c.strides.push_back(1);
    }
    return c;
}

// Input element (accumulator type) of a T, as the kernels' GND_LOAD: integers through int64 /
// uint64 (wrap-around arithmetic in uint64), bools as 0/1.
template <class T, class A>
A scan_load(T x) {
    if constexpr (std::is_same_v<T, bool>) return A(x ? 1 : 0);
    else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>)
        return static_cast<A>(static_cast<std::int64_t>(x));
    else return static_cast<A>(x);
}

template <scan_op Op, class A>
A scan_identity() {
    return Op == scan_op::sum ? A(0) : A(1);
}

template <scan_op Op, class A>
A scan_combine(A a, A b) {
    if constexpr (Op == scan_op::sum) return a + b;
    else return a * b;
}

// One scan, in one of two shapes:
//   rows (flat, or the scanned axis is the innermost one): the input read in C order through
//     `layout` (the whole input), the scan restarting every n elements; output index = C index;
//   lines: `lines` lines of n elements; line t (C order over the other axes, read through
//     `layout`) steps by in_step in the input; its output starts at (t / inner) * n * inner +
//     t % inner and steps by inner.
struct scan_geometry {
    bool rows = false;
    std::int64_t n = 0, lines = 0, inner = 1, in_step = 0;
    collapsed_layout layout;
};

// ---- host executor ------------------------------------------------------------------------------

template <scan_op Op, class T, class A>
void scan_on_host(const ndarray<T>& a, A* out, const scan_geometry& g) {
    const T* in = a.data();
    const collapsed_layout& r = g.layout;
    const int nd = r.shape.size();
    std::int64_t index[max_ndim] = {};
    std::int64_t off = 0;  // input offset of the next element (rows) or line (lines), by odometer
    auto advance = [&] {
        for (int d = nd - 1; d >= 0; --d) {
            off += r.strides[d];
            if (++index[d] < r.shape[d]) return;
            off -= r.strides[d] * r.shape[d];
            index[d] = 0;
        }
    };
    if (g.rows) {
        A acc = scan_identity<Op, A>();
        const std::int64_t total = g.n * g.lines;
        for (std::int64_t i = 0; i < total; ++i) {
            if (i % g.n == 0) acc = scan_identity<Op, A>();
            acc = scan_combine<Op>(acc, scan_load<T, A>(in[off]));
            out[i] = acc;
            advance();
        }
        return;
    }
    for (std::int64_t t = 0; t < g.lines; ++t) {
        const std::int64_t ob = (t / g.inner) * g.n * g.inner + t % g.inner;
        A acc = scan_identity<Op, A>();
        for (std::int64_t k = 0; k < g.n; ++k) {
            acc = scan_combine<Op>(acc, scan_load<T, A>(in[off + k * g.in_step]));
            out[ob + k * g.inner] = acc;
        }
        advance();
    }
}

// ---- CUDA ---------------------------------------------------------------------------------------

inline kernel_shape to_kernel_shape(const dims& d) {
    kernel_shape k{};
    for (int i = 0; i < d.size(); ++i) k.v[i] = d[i];
    return k;
}

// Device scratch of the look-back: [counter | status words], zeroed on the stream.
template <class A>
struct scan_status {
    std::shared_ptr<buffer> mem;
    unsigned long long* counter;
    void* words;

    explicit scan_status(std::int64_t entries) {
        const std::size_t bytes = 16 + static_cast<std::size_t>(entries) * scan_status_word<A>;
        mem = device_scratch(bytes);
        char* p = static_cast<char*>(mem->data());
        counter = reinterpret_cast<unsigned long long*>(p);
        words = p + 16;
        cuda_check(cudaMemsetAsync(p, 0, bytes, current_stream()), "cudaMemsetAsync (scan status)");
    }
};

template <class T>
const auto* scan_input_ptr(const ndarray<T>& a) {
    if constexpr (std::is_same_v<T, bool>) return reinterpret_cast<const unsigned char*>(a.data());
    else return a.data();
}

template <scan_op Op, class T, class A>
void scan_on_cuda(const ndarray<T>& a, A* out, const scan_geometry& g) {
    const kernel_shape shape = to_kernel_shape(g.layout.shape), strides = to_kernel_shape(g.layout.strides);
    const int nd = g.layout.shape.size();
    if (g.rows) {
        constexpr int large = scan_items_large<A>, small = scan_items_small<A>;
        const bool big = g.lines == 1 || g.n >= 4 * block_threads * large;
        const std::int64_t tile = std::int64_t{block_threads} * (big ? large : small);
        const std::int64_t tiles_per_row = (g.n + tile - 1) / tile;
        const std::int64_t tiles = g.lines * tiles_per_row;
        scan_status<A> st(tiles);
        kernel_args<512, 9> args;  // 312 bytes of parameters
        args.push(scan_input_ptr(a));
        args.push(out);
        args.push(static_cast<long long>(g.n));
        args.push(static_cast<long long>(tiles_per_row));
        args.push(nd);
        args.push(shape);
        args.push(strides);
        args.push(st.counter);
        args.push(st.words);
        const bool contiguous = nd == 1 && g.layout.strides[0] == 1;
        const char* what = "launching the scan kernel";
        if (contiguous && big) launch_library<scan_tile_kernel<T, Op, true, large>>(args, tiles, what, a);
        else if (contiguous) launch_library<scan_tile_kernel<T, Op, true, small>>(args, tiles, what, a);
        else if (big) launch_library<scan_tile_kernel<T, Op, false, large>>(args, tiles, what, a);
        else launch_library<scan_tile_kernel<T, Op, false, small>>(args, tiles, what, a);
        return;
    }
    // Lines kernel: a strided axis.
    const std::int64_t chunks = (g.n + scan_chunk<A> - 1) / scan_chunk<A>;
    const std::int64_t groups = (g.lines + block_threads - 1) / block_threads;
    scan_status<A> st(chunks > 1 ? (chunks - 1) * g.lines : 1);  // the last chunk publishes nothing
    kernel_args<512, 12> args;  // 336 bytes of parameters
    args.push(scan_input_ptr(a));
    args.push(out);
    args.push(static_cast<long long>(g.lines));
    args.push(static_cast<long long>(g.n));
    args.push(static_cast<long long>(g.inner));
    args.push(static_cast<long long>(g.in_step));
    args.push(nd);
    args.push(shape);
    args.push(strides);
    args.push(static_cast<long long>(groups));
    args.push(st.counter);
    args.push(st.words);
    launch_library<scan_lines_kernel<T, Op>>(args, chunks * groups, "launching the scan kernel", a);
}

// The scan of `a` along `axis` (in [0, ndim), ndim >= 1), or of the flattened `a` when flat, into
// `out` (C-contiguous: a's shape, or (a.size(),) when flat).
template <scan_op Op, class T, class R>
void run_scan(const ndarray<T>& a, ndarray<R>& out, int axis, bool flat) {
    using A = scan_acc_t<T>;
    static_assert(sizeof(A) == sizeof(R), "the accumulator is the result's bits");
    if (a.size() == 0) return;
    const bool host = a.where() == executor::host;
    if (flat && !host && collapse_layout(a.shape(), a.strides()).shape.size() > 1) {
        // A flat scan of a transposed or sliced view walks its strides in C order, uncoalesced:
        // a C-contiguous copy (the tiled kernel) and a contiguous scan are faster together.
        run_scan<Op>(a.copy(), out, axis, flat);
        return;
    }
    scan_geometry g;
    if (flat) {
        g.n = a.size();
        g.lines = 1;
    } else {
        g.n = a.shape()[axis];
        g.lines = a.size() / g.n;
        for (int d = axis + 1; d < a.ndim(); ++d) g.inner *= a.shape()[d];
        g.in_step = a.strides()[axis];
    }
    // Rows when the scanned axis is innermost; on the GPU only when rows fill at least half a
    // tile (a tile never spans two rows): shorter rows run as lines, one thread per row.
    g.rows = flat || (g.inner == 1 && (host || g.n >= std::int64_t{block_threads} * scan_items_small<A> / 2));
    if (g.rows) {
        g.layout = collapse_layout(a.shape(), a.strides());
    } else {
        shape_t s;
        strides_t st;
        for (int d = 0; d < a.ndim(); ++d)
            if (d != axis) s.push_back(a.shape()[d]), st.push_back(a.strides()[d]);
        g.layout = collapse_layout(s, st);
    }
    A* dst = reinterpret_cast<A*>(out.data());
    if (host) scan_on_host<Op>(a, dst, g);
    else scan_on_cuda<Op>(a, dst, g);
}

}  // namespace gpu::detail
