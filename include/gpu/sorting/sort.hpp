#pragma once
// np.sort and np.argsort, stable (NumPy's kind="stable"; NumPy's default kind may be any correct
// sort, a stable one is one of them), and np.sort_complex:
//   gpu::sort(a)              // along the last axis
//   gpu::sort(a, axis)        // along `axis` (negative counts from the end)
//   gpu::sort(a, gpu::none)   // of the flattened array (C order): shape (a.size(),)
//   gpu::argsort(...)         // the same forms; int64 indices along the axis
//   gpu::sort_complex(a)      // sorted along the last axis, as complex (NumPy's result dtype)
// Order: NumPy's (gnd::sort_less, sorting/search_kernels.hpp). NaNs go last (any sign); -0.0 and
// 0.0 are equal (they keep their order); bool sorts false first; float16 / bfloat16 by value;
// complex lexicographically (real part, then imaginary) with the values holding a NaN last, as
// [R + Rj, R + nanj, nan + Rj, nan + nanj]. A 0-d array: sort with an axis raises NumPy's
// AxisError, argsort gives [0] (shape (1,)).
//
// Host executor: std::stable_sort with that order. CUDA: CUB's onesweep radix sort
// (sorting/radix_sort.hpp) on a C-contiguous copy whose last axis is the sorted one; float keys
// get their NaNs made positive on the way (so the result's NaNs are positive NaNs). Rows of at
// most 2048 keys (and sorts of at most 2048 keys) are one kernel, a block per row
// (sorting/row_sort_kernels.hpp); longer rows are two whole-array stable sorts: keys with their
// flat indices, then those indices by their row. float16 / bfloat16: long rows by 32-bit radix
// keys whose top 16 bits are the order and whose low 16 bits the value (sort_kernels.hpp,
// half_radix_key: 2 radix passes; -0.0 and NaN bits kept); short rows by the block path as
// float32 (every half value is a float, and back exactly; NaNs made positive). Complex rows are
// three stable argsorts of real keys (imaginary part, real part, then the NaN group: radix sorts
// take no comparator), each composed with the order so far by a gather.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <type_traits>
#include <vector>

#include "gpu/core/axis.hpp"
#include "gpu/creation/ranges.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/indexing/take.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/sorting/radix_sort.hpp"
#include "gpu/sorting/row_sort_kernels.hpp"
#include "gpu/sorting/search_kernels.hpp"
#include "gpu/sorting/sort_kernels.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {

// Declared here for complex sorts, which are argsorts of real keys.
template <expression E>
ndarray<std::int64_t> argsort(const E& e, std::int64_t axis = -1);

namespace detail {

// NumPy's sort order (the one definition searchsorted's kernel compiles too).
template <class T>
struct numpy_less {
    bool operator()(const T& a, const T& b) const { return gnd::sort_less<T>(a, b); }
};

// The radix sort's key type: bool as its byte, 2-byte floats as half_radix_key's 32 bits.
template <class T>
using radix_key_t = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t,
                                       std::conditional_t<gpu::is_half(dtype_of_v<T>), unsigned int, T>>;

// ---- host executor ----------------------------------------------------------------------------

// Sorts `rows` contiguous rows of `cols` elements of a C-contiguous array in place; `idx`, when
// not null, receives the row-local positions of the order.
template <class T>
void sort_rows_on_host(T* keys, std::int64_t* idx, std::int64_t rows, std::int64_t cols) {
    std::vector<std::int64_t> perm(static_cast<std::size_t>(cols));
    std::vector<T> tmp(static_cast<std::size_t>(cols));
    const numpy_less<T> less;
    for (std::int64_t r = 0; r < rows; ++r) {
        T* row = keys + r * cols;
        std::iota(perm.begin(), perm.end(), std::int64_t{0});
        std::stable_sort(perm.begin(), perm.end(), [&](std::int64_t x, std::int64_t y) { return less(row[x], row[y]); });
        for (std::int64_t j = 0; j < cols; ++j) tmp[j] = row[perm[j]];
        std::copy(tmp.begin(), tmp.end(), row);
        if (idx) std::copy(perm.begin(), perm.end(), idx + r * cols);
    }
}

// ---- CUDA -------------------------------------------------------------------------------------

inline unsigned sort_grid(std::int64_t n) { return blocks_for(n, block_threads, std::int64_t{device().sm_count} * 8); }

// Rows of the C-contiguous `keys` (rows x cols), sorted into keys_out (may be null) with their
// row-local indices in idx_out (may be null). 2-byte floats: rows longer than the block path's
// only (sort_along sorts shorter ones as float32), by half_radix_key's bits [16, 32).
template <class T>
void sort_rows_on_cuda(const T* keys, T* keys_out, std::int64_t* idx_out, std::int64_t rows, std::int64_t cols) {
    using K = radix_key_t<T>;
    constexpr bool half = gpu::is_half(dtype_of_v<T>);
    constexpr int begin_bit = half ? half_key_begin_bit : 0, end_bit = int(sizeof(K) * 8);
    const std::int64_t n = rows * cols;
    if (n == 0) return;
    const char* what = "launching a sort helper kernel";
    if constexpr (!half) {
        if (cols <= row_sort_max_cols) {  // one block per row (sorting/row_sort_kernels.hpp)
            const int tier = row_sort_tier_for(cols);
            const cudaKernel_t k = get_kernel(kernel_slots<row_sort_kernel<K>, row_sort_tier_count>::slot[tier],
                                              [&] { return row_sort_kernel<K>::source(tier); });
            kernel_args<48, 5> args;
            args.push(reinterpret_cast<const K*>(keys));
            args.push(reinterpret_cast<K*>(keys_out));
            args.push(idx_out);
            args.push(static_cast<std::int64_t>(rows));
            args.push(static_cast<int>(cols));
            const int threads = row_sort_tiers[tier].threads;
            launch(k, {.gx = blocks_for(rows, 1, std::int64_t{device().sm_count} * (2048 / threads)),
                       .bx = static_cast<unsigned>(threads)},
                   args.argv, "launching the row sort");
            return;
        }
    }
    const bool floating = std::is_floating_point_v<T>;
    // Keys as the radix sort reads them: NaNs made positive (floats), radix keys (2-byte floats).
    sort_scratch prepared(floating || half ? n * sizeof(K) : 0);
    const K* in = reinterpret_cast<const K*>(keys);
    // One element-wise pass of kernel Kernel from keys into the scratch, read as K afterwards.
    auto prepare = [&]<class Kernel>(Kernel*) {
        const cudaKernel_t k = get_kernel(kernel_slots<Kernel>::slot[0], [] { return Kernel::source(); });
        K* p = prepared.as<K>();
        kernel_args<32, 3> args;
        args.push(keys);
        args.push(p);
        args.push(static_cast<std::int64_t>(n));
        launch(k, {.gx = sort_grid(n)}, args.argv, what);
        in = p;
    };
    if constexpr (std::is_floating_point_v<T>) prepare(static_cast<sort_prepare_kernel<T>*>(nullptr));
    else if constexpr (half) prepare(static_cast<sort_half_keys_kernel<T>*>(nullptr));
    // 2-byte floats: the sorted values out of sorted radix keys.
    auto half_values = [&](const K* sorted, T* out) {
        if constexpr (half) {
            const cudaKernel_t k = get_kernel(kernel_slots<sort_half_values_kernel<T>>::slot[0],
                                              [] { return sort_half_values_kernel<T>::source(); });
            kernel_args<32, 3> args;
            args.push(sorted);
            args.push(out);
            args.push(static_cast<std::int64_t>(n));
            launch(k, {.gx = sort_grid(n)}, args.argv, what);
        }
    };
    if (rows == 1 && !idx_out) {  // a flat sort of keys
        if constexpr (half) {
            sort_scratch sorted(n * sizeof(K));
            onesweep_sort<K, no_values>(in, sorted.as<K>(), nullptr, nullptr, n, begin_bit, end_bit);
            half_values(sorted.as<K>(), keys_out);
        } else {
            onesweep_sort<K, no_values>(in, reinterpret_cast<K*>(keys_out), nullptr, nullptr, n);
        }
        return;
    }
    // Keys with their flat indices (argsort), stable.
    sort_scratch scratch(align_up(n * sizeof(K)) + 2 * align_up(n * sizeof(std::int64_t)));
    K* sorted_keys = scratch.as<K>();
    std::int64_t* iota = scratch.as<std::int64_t>(align_up(n * sizeof(K)));
    std::int64_t* idx = scratch.as<std::int64_t>(align_up(n * sizeof(K)) + align_up(n * sizeof(std::int64_t)));
    {
        const cudaKernel_t k = get_kernel(kernel_slots<sort_iota_kernel>::slot[0], [] { return sort_iota_kernel::source(); });
        kernel_args<16, 2> args;
        args.push(iota);
        args.push(static_cast<std::int64_t>(n));
        launch(k, {.gx = sort_grid(n)}, args.argv, what);
    }
    if (rows == 1) {
        K* out = keys_out && !half ? reinterpret_cast<K*>(keys_out) : sorted_keys;
        onesweep_sort<K, std::int64_t>(in, out, iota, idx_out ? idx_out : idx, n, begin_bit, end_bit);
        if (keys_out && half) half_values(sorted_keys, keys_out);
        return;
    }
    onesweep_sort<K, std::int64_t>(in, sorted_keys, iota, idx, n, begin_bit, end_bit);
    // Then the indices by their row, stable: rows keep the keys' order inside them.
    int row_bits = 0;
    while (row_bits < 63 && (std::int64_t{1} << row_bits) < rows) ++row_bits;
    auto by_rows = [&]<class R>(R*) {
        sort_scratch rs(2 * align_up(n * sizeof(R)));
        R* row_keys = rs.as<R>();
        R* row_sorted = rs.as<R>(align_up(n * sizeof(R)));
        const cudaKernel_t k = get_kernel(kernel_slots<sort_row_of_kernel<R>>::slot[0],
                                          [] { return sort_row_of_kernel<R>::source(); });
        kernel_args<32, 4> args;
        args.push(static_cast<const std::int64_t*>(idx));
        args.push(row_keys);
        args.push(static_cast<std::int64_t>(n));
        args.push(static_cast<std::int64_t>(cols));
        launch(k, {.gx = sort_grid(n)}, args.argv, what);
        onesweep_sort<R, std::int64_t>(row_keys, row_sorted, idx, iota, n, 0, row_bits);
    };
    if (row_bits <= 32) by_rows(static_cast<unsigned int*>(nullptr));
    else by_rows(static_cast<std::uint64_t*>(nullptr));
    // iota now holds the flat indices in the final order.
    const cudaKernel_t k = get_kernel(kernel_slots<sort_gather_rows_kernel<T>>::slot[0],
                                      [] { return sort_gather_rows_kernel<T>::source(); });
    kernel_args<64, 6> args;
    args.push(keys);
    args.push(static_cast<const std::int64_t*>(iota));
    args.push(keys_out);
    args.push(reinterpret_cast<std::int64_t*>(idx_out));
    args.push(static_cast<std::int64_t>(n));
    args.push(static_cast<std::int64_t>(cols));
    launch(k, {.gx = sort_grid(n)}, args.argv, what);
}

// ---- one sort along one axis ------------------------------------------------------------------

// `a` with `axis` moved last, as a C-contiguous array (a itself when it already is one).
template <class T>
ndarray<T> sort_operand(const ndarray<T>& a, int axis) {
    ndarray<T> v = axis == a.ndim() - 1 ? a : a.swapaxes(axis, a.ndim() - 1);
    return v.is_contiguous() ? v : v.copy();
}

// The NaN group of complex values from their parts: 0 no NaN, 1 a NaN imaginary part only, 2 and 3
// a NaN real part (assigned to uint8).
template <class F>
auto complex_nan_group(const ndarray<F>& re, const ndarray<F>& im) {
    return gpu::where(re != re, 2, 0) + gpu::where(im != im, 1, 0);
}

// x[r, p[r, j]] for every row r of the C-contiguous matrix x (p: row-local indices, x's shape).
template <class U>
ndarray<U> take_along_rows(const ndarray<U>& x, const ndarray<std::int64_t>& p) {
    const executor_scope on(x.where());  // the index arrays made here live where x does
    const std::int64_t rows = x.shape()[0], cols = x.shape()[1];
    const shape_t flat{rows * cols};
    const ndarray<std::int64_t> at = p + (gpu::arange<std::int64_t>(0, rows) * cols).reshape(shape_t{rows, 1});
    return gpu::take(x.reshape(flat), at.reshape(flat)).reshape(x.shape());
}

// The row-local order (stable, NumPy's) of the rows of the C-contiguous complex matrix `m`, from
// the library's real sorts and gathers, so no comparator is needed: stable argsorts by the
// imaginary part, then the real part (NaNs last in both, -0.0 == 0.0), then the NaN group
// (0: no NaN, 1: NaN imaginary part only, 2 and 3: NaN real part), each composed with the order
// so far. Runs on m's executor (the CUDA path of complex sorts; the tests run it on the host).
template <class T>
ndarray<std::int64_t> complex_row_order(const ndarray<T>& m) {
    using F = typename T::value_type;
    const ndarray<F> re = ndarray<F>(m.real()).copy(), im = ndarray<F>(m.imag()).copy();
    ndarray<std::uint8_t> group(m.shape(), m.where());
    group.assign(complex_nan_group(re, im));
    ndarray<std::int64_t> order = gpu::argsort(im, -1);
    order = take_along_rows(order, gpu::argsort(take_along_rows(re, order), -1));
    return take_along_rows(order, gpu::argsort(take_along_rows(group, order), -1));
}

// Sorts `a` along `axis` (in [0, ndim)); fills `sorted` and/or `indices` (a's shape).
template <class T>
void sort_along(const ndarray<T>& a, int axis, ndarray<T>* sorted, ndarray<std::int64_t>* indices) {
    const ndarray<T> src = sort_operand(a, axis);
    const std::int64_t cols = a.ndim() ? a.shape()[axis] : 1;
    const std::int64_t rows = cols ? a.size() / cols : 0;
    const bool last = axis == a.ndim() - 1;
    ndarray<T> keys_out;
    ndarray<std::int64_t> idx_out;
    if (sorted) keys_out = ndarray<T>(src.shape(), a.where());
    if (indices) idx_out = ndarray<std::int64_t>(src.shape(), a.where());
    if (a.size() > 0) {
        if (a.where() == executor::host) {
            ndarray<T> work = sorted ? keys_out : ndarray<T>(src.shape(), executor::host);
            std::copy(src.data(), src.data() + a.size(), work.data());
            sort_rows_on_host(work.data(), indices ? idx_out.data() : nullptr, rows, cols);
        } else if constexpr (gpu::is_half(dtype_of_v<T>)) {
            if (cols > row_sort_max_cols) {  // radix keys of 2 bytes' order (half_radix_key)
                sort_rows_on_cuda(src.data(), sorted ? keys_out.data() : nullptr, indices ? idx_out.data() : nullptr,
                                  rows, cols);
            } else {  // the block path, as float32: every half value is a float, and back exactly
                const ndarray<float> wide = gpu::eval(src.template astype<float>());
                ndarray<float> wide_out;
                if (sorted) wide_out = ndarray<float>(src.shape(), a.where());
                sort_rows_on_cuda(wide.data(), sorted ? wide_out.data() : nullptr, indices ? idx_out.data() : nullptr,
                                  rows, cols);
                if (sorted) keys_out = gpu::eval(wide_out.template astype<T>());
            }
        } else if constexpr (gpu::is_complex(dtype_of_v<T>)) {
            const ndarray<T> m = src.reshape(shape_t{rows, cols});
            const ndarray<std::int64_t> order = complex_row_order(m);
            if (indices) idx_out = order.reshape(src.shape());
            if (sorted) keys_out = take_along_rows(m, order).reshape(src.shape());
        } else {
            sort_rows_on_cuda(src.data(), sorted ? keys_out.data() : nullptr, indices ? idx_out.data() : nullptr, rows,
                              cols);
        }
    }
    // Back to a's axis order, C-contiguous.
    if (sorted) *sorted = last ? keys_out : keys_out.swapaxes(axis, a.ndim() - 1).copy();
    if (indices) *indices = last ? idx_out : idx_out.swapaxes(axis, a.ndim() - 1).copy();
}

template <class E>
auto sort_input(const E& e) {
    if constexpr (is_ndarray_v<E>) return e;
    else return gpu::eval(e);
}

}  // namespace detail

// np.sort(a, axis=-1): a sorted copy along `axis`.
template <expression E>
auto sort(const E& e, std::int64_t axis = -1) {
    const auto a = detail::sort_input(e);
    const int ax = detail::normalize_axis(axis, a.ndim());
    auto out = a;
    detail::sort_along(a, ax, &out, static_cast<ndarray<std::int64_t>*>(nullptr));
    return out;
}

// np.sort(a, axis=None): the flattened array, sorted.
template <expression E>
auto sort(const E& e, none_t) {
    const auto a = detail::sort_input(e);
    return gpu::sort(a.reshape(shape_t{a.size()}), 0);
}

// np.argsort(a, axis=-1, kind="stable"): int64 indices that sort `a` along `axis`.
template <expression E>
ndarray<std::int64_t> argsort(const E& e, std::int64_t axis) {
    const auto a = detail::sort_input(e);
    if (a.ndim() == 0) {  // as NumPy: [0], shape (1,), before any axis check
        ndarray<std::int64_t> zero(shape_t{1}, a.where());
        zero.assign(0);
        return zero;
    }
    const int ax = detail::normalize_axis(axis, a.ndim());
    ndarray<std::int64_t> out;
    detail::sort_along(a, ax, static_cast<std::remove_cvref_t<decltype(a)>*>(nullptr), &out);
    return out;
}

namespace detail {

// np.sort_complex's result dtype: complex input keeps its dtype; int8, int16, uint8 and uint16
// give complex64; every other real dtype (float32 and float16 included) complex128.
template <class T>
using sort_complex_t = std::conditional_t<
    gpu::is_complex(dtype_of_v<T>), T,
    std::conditional_t<dtype_of_v<T> == dtype::int8 || dtype_of_v<T> == dtype::int16 || dtype_of_v<T> == dtype::uint8 ||
                           dtype_of_v<T> == dtype::uint16,
                       std::complex<float>, std::complex<double>>>;

}  // namespace detail

// np.sort_complex(a): sorted along the last axis (NumPy sorts, then converts), as complex.
template <expression E>
auto sort_complex(const E& e) {
    const auto a = detail::sort_input(e);
    using T = typename decltype(a)::value_type;
    using C = detail::sort_complex_t<T>;
    const ndarray<T> s = gpu::sort(a, -1);
    if constexpr (std::is_same_v<C, T>) return s;
    else return ndarray<C>(gpu::eval(s.template astype<C>()));
}

// np.argsort(a, axis=None): indices into the flattened array.
template <expression E>
ndarray<std::int64_t> argsort(const E& e, none_t) {
    const auto a = detail::sort_input(e);
    return gpu::argsort(a.reshape(shape_t{a.size()}), 0);
}

}  // namespace gpu
