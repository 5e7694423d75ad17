#pragma once
// The host side of CUB's onesweep radix sort (what CUB's DispatchRadixSort::InvokeOnesweep does),
// launching the kernels of sorting/radix_kernels.hpp through the one launch:
//   1. one histogram kernel counts the digits of every pass over all keys (bins zeroed first);
//   2. one exclusive-sum kernel per pass turns counts into digit starts;
//   3. per pass (ceil(bits / 8) of them) and per portion of at most ~2^28 keys, one onesweep
//      kernel: a block takes its tile from an atomic counter (zeroed per pass), ranks its keys,
//      looks back over earlier tiles' digit counts (the look-back array, zeroed per portion) and
//      scatters keys (and values) to the other buffer; it also writes the next portion's bins.
// Keys and values are double-buffered; the buffers alternate so that the last pass writes the
// caller's output. Stable: equal keys keep their order (values follow their keys).
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/sorting/radix_kernels.hpp"

namespace gpu::detail {

// Scratch memory from the pool, freed in stream order when the handle dies.
struct sort_scratch {
    std::shared_ptr<buffer> mem;
    explicit sort_scratch(std::size_t bytes) : mem(make_buffer(std::max<std::size_t>(bytes, 16), executor::cuda)) {}
    template <class T>
    T* as(std::size_t byte_offset = 0) const {
        return reinterpret_cast<T*>(static_cast<char*>(mem->data()) + byte_offset);
    }
};

inline std::size_t align_up(std::size_t n, std::size_t a = 256) { return (n + a - 1) / a * a; }

// Sorts n keys (and values) by bits [begin_bit, end_bit) of their radix order (CUB's twiddled
// bits: floats by value with -0.0 == 0.0, signed integers by value). keys_in / values_in are only
// read; keys_out / values_out (n each) receive the result. values_in / values_out are null for
// V = no_values. The inputs may not overlap the outputs.
template <class K, class V, class Off>
void onesweep_sort_typed(const K* keys_in, K* keys_out, const V* values_in, V* values_out, std::int64_t n, int begin_bit,
                         int end_bit) {
    constexpr bool pairs = !std::is_same_v<V, no_values>;
    constexpr onesweep_tuning t = onesweep_tuning_for<K, V, Off>();
    constexpr std::int64_t tile = t.tile();
    constexpr std::int64_t portion_size = ((std::int64_t{1} << 28) - 1) / tile * tile;
    const cudaStream_t stream = current_stream();
    if (n == 0) return;
    const int passes = static_cast<int>(ceil_div(end_bit - begin_bit, onesweep_radix_bits));
    if (passes <= 0) {  // nothing to sort by: a copy
        cuda_check(cudaMemcpyAsync(keys_out, keys_in, n * sizeof(K), cudaMemcpyDeviceToDevice, stream), "sort copy");
        if constexpr (pairs)
            cuda_check(cudaMemcpyAsync(values_out, values_in, n * sizeof(V), cudaMemcpyDeviceToDevice, stream),
                       "sort copy");
        return;
    }
    const std::int64_t portions = ceil_div(n, portion_size);
    const std::int64_t max_blocks = ceil_div(std::min(n, portion_size), tile);

    // Scratch: bins | look-back | counters | key buffer | value buffer.
    const std::size_t bins_bytes = align_up(portions * passes * onesweep_digits * sizeof(Off));
    const std::size_t lookback_bytes = align_up(max_blocks * onesweep_digits * sizeof(int));
    const std::size_t ctrs_bytes = align_up(portions * passes * sizeof(int));
    const std::size_t keys_bytes = passes > 1 ? align_up(n * sizeof(K)) : 0;
    const std::size_t values_bytes = passes > 1 && pairs ? align_up(n * value_bytes<V>()) : 0;
    sort_scratch scratch(bins_bytes + lookback_bytes + ctrs_bytes + keys_bytes + values_bytes);
    Off* bins = scratch.as<Off>();
    int* lookback = scratch.as<int>(bins_bytes);
    int* ctrs = scratch.as<int>(bins_bytes + lookback_bytes);
    K* keys_tmp = scratch.as<K>(bins_bytes + lookback_bytes + ctrs_bytes);
    V* values_tmp = scratch.as<V>(bins_bytes + lookback_bytes + ctrs_bytes + keys_bytes);

    // Bins of the first portion and every counter start at zero (later portions' bins are
    // written by the onesweep kernels of the portion before).
    cuda_check(cudaMemsetAsync(bins, 0, passes * onesweep_digits * sizeof(Off), stream), "sort bins");
    cuda_check(cudaMemsetAsync(ctrs, 0, portions * passes * sizeof(int), stream), "sort counters");

    const char* what = "launching the radix sort";
    const char empty_decomposer = 0;  // cub::detail::identity_decomposer_t, an empty struct
    {
        const cudaKernel_t k = get_kernel(kernel_slots<radix_histogram_kernel<K, Off>>::slot[0],
                                          [] { return radix_histogram_kernel<K, Off>::source(); });
        kernel_args<64, 6> args;
        args.push(bins);
        args.push(keys_in);
        args.push(static_cast<Off>(n));
        args.push(begin_bit);
        args.push(end_bit);
        args.push(empty_decomposer);
        // The histogram kernel strides over the keys: enough blocks to fill every SM.
        const std::int64_t per_sm = 2048 / radix_histogram_threads;
        const unsigned grid = blocks_for(n, radix_histogram_threads * radix_histogram_items, device().sm_count * per_sm);
        launch(k, {.gx = grid, .bx = radix_histogram_threads}, args.argv, what);
    }
    {
        const cudaKernel_t k = get_kernel(kernel_slots<radix_exclusive_sum_kernel<Off>>::slot[0],
                                          [] { return radix_exclusive_sum_kernel<Off>::source(); });
        kernel_args<16, 1> args;
        args.push(bins);
        launch(k, {.gx = static_cast<unsigned>(passes), .bx = radix_scan_threads}, args.argv, what);
    }
    const cudaKernel_t onesweep = get_kernel(kernel_slots<radix_onesweep_kernel<K, V, Off>>::slot[0],
                                             [] { return radix_onesweep_kernel<K, V, Off>::source(); });
    const K* src_keys = keys_in;
    const V* src_values = values_in;
    for (int pass = 0; pass < passes; ++pass) {
        const int bit = begin_bit + pass * onesweep_radix_bits;
        const int bits = std::min(end_bit - bit, onesweep_radix_bits);
        // The last pass writes the output; the ones before alternate with it.
        const bool to_out = (passes - 1 - pass) % 2 == 0;
        K* dst_keys = to_out ? keys_out : keys_tmp;
        V* dst_values = to_out ? values_out : values_tmp;
        for (std::int64_t portion = 0; portion < portions; ++portion) {
            const std::int64_t begin = portion * portion_size;
            const int items = static_cast<int>(std::min(n - begin, portion_size));
            const int blocks = static_cast<int>(ceil_div(items, tile));
            cuda_check(cudaMemsetAsync(lookback, 0, blocks * onesweep_digits * sizeof(int), stream), "sort look-back");
            kernel_args<128, 12> args;
            args.push(lookback);
            args.push(ctrs + portion * passes + pass);
            args.push(portion < portions - 1 ? bins + ((portion + 1) * passes + pass) * onesweep_digits : nullptr);
            args.push(static_cast<const Off*>(bins + (portion * passes + pass) * onesweep_digits));
            args.push(dst_keys);
            args.push(src_keys + begin);
            args.push(pairs ? dst_values : nullptr);
            args.push(pairs ? src_values + begin : nullptr);
            args.push(items);
            args.push(bit);
            args.push(bits);
            args.push(empty_decomposer);
            launch(onesweep, {.gx = static_cast<unsigned>(blocks), .bx = static_cast<unsigned>(t.threads)}, args.argv,
                   what);
        }
        src_keys = dst_keys;
        src_values = dst_values;
    }
}

// Global offsets of 32 bits while they fit (CUB's choice for int counts), else 64.
template <class K, class V>
void onesweep_sort(const K* keys_in, K* keys_out, const V* values_in, V* values_out, std::int64_t n, int begin_bit = 0,
                   int end_bit = int(sizeof(K) * 8)) {
    if (n < (std::int64_t{1} << 32))
        onesweep_sort_typed<K, V, unsigned int>(keys_in, keys_out, values_in, values_out, n, begin_bit, end_bit);
    else
        onesweep_sort_typed<K, V, std::uint64_t>(keys_in, keys_out, values_in, values_out, n, begin_bit, end_bit);
}

}  // namespace gpu::detail
