#pragma once
// Running a scan: the geometry of one call (which kernel, the collapsed input layout), the host
// executor's loops and the CUDA launches of scans/scan_kernels.hpp. The input is any ndarray
// view, read in place (no copy); the output is a new C-contiguous array.
#include <cuda_runtime_api.h>

#include <array>
#include <cstdint>
#include <memory>

#include "gpu/containers/ndarray.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/geometry.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/scans/scan_kernels.hpp"

namespace gpu::detail {

// An input layout walked in C order, collapsed (kernel/geometry.hpp): at least one axis.
struct scan_layout {
    shape_t shape;
    std::array<strides_t, 1> strides;

    scan_layout() = default;
    scan_layout(const shape_t& s, const strides_t& st) : shape(s), strides{st} { collapse_axes(shape, strides); }
};

// One scan, in one of two shapes:
//   rows (flat, or the scanned axis is the innermost one): the input read in C order through
//     `layout` (the whole input), the scan restarting every n elements; output index = C index;
//   lines: `lines` lines of n elements; line t (C order over the other axes, read through
//     `layout`) steps by in_step in the input; its output starts at (t / inner) * n * inner +
//     t % inner and steps by inner.
struct scan_geometry {
    bool rows = false;
    std::int64_t n = 0, lines = 0, inner = 1, in_step = 0;
    scan_layout layout;
};

// ---- host executor ------------------------------------------------------------------------------

template <class Op, class T, class A>
void scan_on_host(const ndarray<T>& a, A* out, const scan_geometry& g) {
    const T* in = a.data();
    const shape_t& shape = g.layout.shape;
    const strides_t& strides = g.layout.strides[0];
    const int nd = shape.size();
    std::int64_t index[max_ndim] = {};
    std::int64_t off = 0;  // input offset of the next element (rows) or line (lines), by odometer
    auto advance = [&] {
        for (int d = nd - 1; d >= 0; --d) {
            off += strides[d];
            if (++index[d] < shape[d]) return;
            off -= strides[d] * shape[d];
            index[d] = 0;
        }
    };
    if (g.rows) {
        A acc = Op::template identity<A>();
        const std::int64_t total = g.n * g.lines;
        for (std::int64_t i = 0; i < total; ++i) {
            if (i % g.n == 0) acc = Op::template identity<A>();
            acc = Op::combine(acc, gnd::scan_load<A>(in[off]));
            out[i] = acc;
            advance();
        }
        return;
    }
    for (std::int64_t t = 0; t < g.lines; ++t) {
        const std::int64_t ob = (t / g.inner) * g.n * g.inner + t % g.inner;
        A acc = Op::template identity<A>();
        for (std::int64_t k = 0; k < g.n; ++k) {
            acc = Op::combine(acc, gnd::scan_load<A>(in[off + k * g.in_step]));
            out[ob + k * g.inner] = acc;
        }
        advance();
    }
}

// ---- CUDA ---------------------------------------------------------------------------------------

// Device scratch of the look-back: [counter | status words], zeroed on the stream (pool memory,
// freed in stream order when the handle dies).
template <class A>
struct scan_scratch {
    std::shared_ptr<buffer> mem;
    unsigned long long* counter;
    void* words;

    explicit scan_scratch(std::int64_t entries) {
        const std::size_t bytes = 16 + static_cast<std::size_t>(entries) * scan_status_word<A>;
        mem = make_buffer(bytes, executor::cuda);
        char* p = static_cast<char*>(mem->data());
        counter = reinterpret_cast<unsigned long long*>(p);
        words = p + 16;
        cuda_check(cudaMemsetAsync(p, 0, bytes, current_stream()), "cudaMemsetAsync (scan status)");
    }
};

template <class Op, class T, class A>
void scan_on_cuda(const ndarray<T>& a, A* out, const scan_geometry& g) {
    const int nd = g.layout.shape.size();
    const char* what = "launching the scan kernel";
    if (g.rows) {
        constexpr int large = scan_items_large<A>, small = scan_items_small<A>;
        const bool big = g.lines == 1 || g.n >= 4 * block_threads * large;
        const std::int64_t tile = std::int64_t{block_threads} * (big ? large : small);
        const std::int64_t tiles_per_row = ceil_div(g.n, tile);
        const std::int64_t tiles = g.lines * tiles_per_row;
        const bool contiguous = nd == 1 && g.layout.strides[0][0] == 1;
        scan_scratch<A> st(tiles);
        kernel_args<512, 9> args;  // 312 bytes of parameters
        args.push(a.data());
        args.push(out);
        args.push(static_cast<long long>(g.n));
        args.push(static_cast<long long>(tiles_per_row));
        args.push(nd);
        args.push_dims<long long>(g.layout.shape, max_ndim);
        args.push_dims<long long>(g.layout.strides[0], max_ndim);
        args.push(st.counter);
        args.push(st.words);
        const cudaKernel_t kernel =
            get_kernel(kernel_slots<scan_tile_kernels<T, Op>, 4>::slot[2 * contiguous + big],
                       [&] { return scan_tile_source<T, Op>(contiguous, big); });
        launch(kernel, {.gx = static_cast<unsigned>(tiles)}, args.argv, what, a);
        return;
    }
    // Lines kernel: a strided axis.
    const std::int64_t chunks = ceil_div(g.n, scan_chunk<A>);
    const std::int64_t groups = ceil_div(g.lines, block_threads);
    scan_scratch<A> st(chunks > 1 ? (chunks - 1) * g.lines : 1);  // the last chunk publishes nothing
    kernel_args<512, 12> args;  // 336 bytes of parameters
    args.push(a.data());
    args.push(out);
    args.push(static_cast<long long>(g.lines));
    args.push(static_cast<long long>(g.n));
    args.push(static_cast<long long>(g.inner));
    args.push(static_cast<long long>(g.in_step));
    args.push(nd);
    args.push_dims<long long>(g.layout.shape, max_ndim);
    args.push_dims<long long>(g.layout.strides[0], max_ndim);
    args.push(static_cast<long long>(groups));
    args.push(st.counter);
    args.push(st.words);
    const cudaKernel_t kernel =
        get_kernel(kernel_slots<scan_lines_kernels<T, Op>>::slot[0], [] { return scan_lines_source<T, Op>(); });
    launch(kernel, {.gx = static_cast<unsigned>(chunks * groups)}, args.argv, what, a);
}

// The scan of `a` along `axis` (in [0, ndim), ndim >= 1), or of the flattened `a` when flat, into
// `out` (C-contiguous: a's shape, or (a.size(),) when flat).
template <class Op, class T, class R>
void run_scan(const ndarray<T>& a, ndarray<R>& out, int axis, bool flat) {
    using A = scan_acc_t<T>;
    static_assert(sizeof(A) == sizeof(R), "the accumulator is the result's bits");
    if (a.size() == 0) return;
    const bool host = a.where() == executor::host;
    if (flat && !host && scan_layout(a.shape(), a.strides()).shape.size() > 1) {
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
        g.layout = scan_layout(a.shape(), a.strides());
    } else {
        shape_t s;
        strides_t st;
        for (int d = 0; d < a.ndim(); ++d)
            if (d != axis) s.push_back(a.shape()[d]), st.push_back(a.strides()[d]);
        g.layout = scan_layout(s, st);
    }
    A* dst = reinterpret_cast<A*>(out.data());
    if (host) scan_on_host<Op>(a, dst, g);
    else scan_on_cuda<Op>(a, dst, g);
}

}  // namespace gpu::detail
