#pragma once
// searchsorted's binary search, written once (GPU_ND_SHARED) for the host loop and the kernel:
// each query is cast with `a` to their common dtype C (NumPy compares in np.result_type), and the
// order is NumPy's sort order (sort_less, also the order of gpu::sort's host executor). `sorter`,
// when not null, permutes `a`.
#include <cstdint>
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"

GPU_ND_SHARED(search_source,
/* NumPy's sort order (npysort's LT): NaNs last; -0.0 == 0.0. 2-byte floats by their float value.
   Complex numbers lexicographically (real, then imaginary) with NaNs last:
   [R + Rj, R + nanj, nan + Rj, nan + nanj], each group by its non-NaN part. */
template <class C> GND_FN bool sort_less(C x, C y) {
    if constexpr (is_half<C>) {
        return sort_less(x.to_float(), y.to_float());
    } else if constexpr (is_complex<C>) {
        const auto xr = x.real(), xi = x.imag(), yr = y.real(), yi = y.imag();
        if (xr < yr) return xi == xi || yi != yi;
        if (xr > yr) return yi != yi && xi == xi;
        if (xr == yr || (xr != xr && yr != yr)) return xi < yi || (yi != yi && xi == xi);
        return yr != yr;
    } else {
        if constexpr (is_float<C>) { if (y != y) return x == x; }
        return x < y;
    }
}
/* The insertion point of x in a[sorter[0..n)] (a[0..n) when sorter is null): the first position
   whose element is not less than x (left), or greater than x (right). */
template <class C, class T> GND_FN long long search_one(const T* a, const long long* sorter, long long n, C x, bool right) {
    long long lo = 0, hi = n;
    while (lo < hi) {
        const long long mid = lo + (hi - lo) / 2;
        const C y = cast<C>(a[sorter ? sorter[mid] : mid]);
        if (right ? !sort_less(x, y) : sort_less(y, x)) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
)

namespace gpu::detail {

inline constexpr const char search_kernels_source[] = R"(
namespace gnd {
template <class T, class U, class C>
__global__ void searchsorted_kernel(const T* a, const long long* sorter, long long n, const U* v, long long* out,
                                    long long m, bool right) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < m; i += (long long)gridDim.x * blockDim.x)
    out[i] = search_one<C>(a, sorter, n, cast<C>(v[i]), right);
}
}  // namespace gnd
)";

template <class T, class U>
using search_common_t = type_of_t<promote(dtype_of_v<T>, dtype_of_v<U>)>;

// Kernel-cache key.
template <class T, class U>
struct searchsorted_kernel {
    static kernel_source source() {
        std::string name = std::string("gnd::searchsorted_kernel<") + cuda_type_name<T>() + ", " + cuda_type_name<U>() +
                           ", " + cuda_type_name<search_common_t<T, U>>() + ">";
        return {kernel_unit({search_source}, search_kernels_source, name), name, true, {}, "the searchsorted kernel"};
    }
};

}  // namespace gpu::detail
