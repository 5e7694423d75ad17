#pragma once
// The small kernels around the radix sort (grid-stride, 64-bit indices, one launch each):
//   sort_prepare: keys copied for sorting, every NaN made positive, so that NaNs sort last
//     whatever their sign (CUB orders a NaN by its bits: a negative NaN would sort first);
//   sort_iota: argsort's values 0, 1, ..., n - 1;
//   sort_row_of: the row (index / cols) of each argsorted index, the key of the second, stable
//     sort that groups rows (a segmented sort made of two whole-array sorts);
//   sort_gather_rows: keys and row-local indices of the final order;
//   sort_half_keys / sort_half_values: 2-byte float keys to 32-bit radix keys (half_radix_key)
//     and the sorted values back out of them.
#include <cstdint>
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"

// The radix key of a 2-byte float H, host and kernels alike: above the value's own 16 bits, 16
// bits whose unsigned order is NumPy's sort order (negative values bit-inverted, positive ones
// with the sign bit set, both zeros one key, every NaN the largest). A radix sort of bits
// [16, 32) is then a stable sort by value that carries each value's bits (-0.0 and NaN payloads
// kept): 2 passes instead of a float32 sort's 4.
GPU_ND_SHARED(half_key_source,
template <class H> GND_FN unsigned half_radix_key(H x) {
    const unsigned short b = x.bits;
    unsigned short k;
    if (x != x) k = 0xffff;
    else if ((b & 0x7fff) == 0) k = 0x8000;
    else if (b & 0x8000) k = (unsigned short)~b;
    else k = (unsigned short)(b | 0x8000);
    return ((unsigned)k << 16) | b;
}
)

namespace gpu::detail {

// The bits the radix sort orders 2-byte float keys by (half_radix_key).
inline constexpr int half_key_begin_bit = 16;

inline constexpr const char sort_kernels_source[] = R"(
namespace gnd {
template <class H> __global__ void sort_half_keys(const H* in, unsigned* out, long long n) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
    out[i] = half_radix_key(in[i]);
}
template <class H> __global__ void sort_half_values(const unsigned* keys, H* out, long long n) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
    out[i] = H::from_bits((unsigned short)(keys[i] & 0xffffu));
}
template <class T> __global__ void sort_prepare(const T* in, T* out, long long n) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x) {
    T x = in[i];
    if constexpr (is_float<T>) {
      if (x != x) {  /* clear the sign bit of a NaN */
        using U = typename uint_of<sizeof(T)>::type;
        union { T t; U u; } c;
        c.t = x;
        c.u &= ~(U(1) << (sizeof(T) * 8 - 1));
        x = c.t;
      }
    }
    out[i] = x;
  }
}
__global__ void sort_iota(long long* out, long long n) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
    out[i] = i;
}
template <class R> __global__ void sort_row_of(const long long* idx, R* rows, long long n, long long cols) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
    rows[i] = R(idx[i] / cols);
}
/* keys_out[i] = keys[idx[i]] (when keys_out is not null), idx_out[i] = idx[i] % cols (when not null). */
template <class T> __global__ void sort_gather_rows(const T* keys, const long long* idx, T* keys_out, long long* idx_out,
                                                    long long n, long long cols) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x) {
    const long long j = idx[i];
    if (keys_out) keys_out[i] = keys[j];
    if (idx_out) idx_out[i] = j % cols;
  }
}
}  // namespace gnd
)";

inline kernel_source sort_kernel_source(std::string entry) {
    std::string unit = kernel_unit({half_key_source}, sort_kernels_source, entry);
    return {std::move(unit), std::move(entry), true, {}, "a sort helper kernel"};
}

// Kernel-cache keys.
template <class T>
struct sort_prepare_kernel {
    static kernel_source source() { return sort_kernel_source(std::string("gnd::sort_prepare<") + cuda_type_name<T>() + ">"); }
};
struct sort_iota_kernel {
    static kernel_source source() { return sort_kernel_source("gnd::sort_iota"); }
};
template <class R>
struct sort_row_of_kernel {
    static kernel_source source() { return sort_kernel_source(std::string("gnd::sort_row_of<") + cuda_type_name<R>() + ">"); }
};
template <class T>
struct sort_gather_rows_kernel {
    static kernel_source source() {
        return sort_kernel_source(std::string("gnd::sort_gather_rows<") + cuda_type_name<T>() + ">");
    }
};

template <class H>
struct sort_half_keys_kernel {
    static kernel_source source() { return sort_kernel_source(std::string("gnd::sort_half_keys<") + cuda_type_name<H>() + ">"); }
};
template <class H>
struct sort_half_values_kernel {
    static kernel_source source() {
        return sort_kernel_source(std::string("gnd::sort_half_values<") + cuda_type_name<H>() + ">");
    }
};

}  // namespace gpu::detail
