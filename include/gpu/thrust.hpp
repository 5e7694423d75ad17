#pragma once
// Thrust on gpu::ndarray, for code compiled with nvcc (.cu files). This is the one header of
// gpu_ndarray that needs nvcc: it includes Thrust. Everything else compiles with a host compiler.
//
//     #include <gpu/ndarray.hpp>
//     #include <gpu/thrust.hpp>
//     thrust::sort(gpu::thrust::policy(), begin(a), end(a));                  // contiguous a
//     float s = thrust::transform_reduce(gpu::thrust::policy(), strided_begin(v), strided_end(v),
//                                        square{}, 0.0f, thrust::plus<float>());  // any view v
//
// gpu::thrust::policy() runs on the current stream (gpu::stream_scope), without synchronizing
// (thrust::cuda::par_nosync), and takes Thrust's temporary storage from the library's
// stream-ordered pool. begin(a) / end(a) are thrust::device_ptr<T> of a contiguous array (found
// by argument-dependent lookup); strided_begin / strided_end walk any view in row-major order.
// Inside namespace gpu, write ::thrust for Thrust itself.
#if !defined(__CUDACC__)
#error "<gpu/thrust.hpp> needs nvcc (it includes Thrust); compile this file as CUDA, or leave the header out: the rest of gpu_ndarray needs only a host compiler"
#endif

#include <thrust/device_ptr.h>
#include <thrust/execution_policy.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/permutation_iterator.h>
#include <thrust/iterator/transform_iterator.h>

#include <cstddef>
#include <cstdint>

#include "gpu/containers/ndarray.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu {
namespace thrust {

// Thrust's temporaries from the library's pool, freed in the current stream's order.
struct pool_allocator {
    using value_type = char;
    char* allocate(std::ptrdiff_t n) {
        return static_cast<char*>(detail::device_allocate(static_cast<std::size_t>(n), detail::current_stream()));
    }
    void deallocate(char* p, std::size_t n) { detail::device_free(p, n, detail::current_stream()); }
};

// The execution policy: the current stream, no synchronization, temporaries from the pool.
inline auto policy() {
    static pool_allocator alloc;  // stateless: one for every call
    return ::thrust::cuda::par_nosync(alloc).on(detail::current_stream());
}

// Flat row-major index -> element offset of a view (shape and strides copied by value).
struct strided_offset {
    int ndim = 0;
    std::int64_t shape[max_ndim] = {}, strides[max_ndim] = {};
    __host__ __device__ std::int64_t operator()(std::int64_t i) const {
        std::int64_t off = 0;
        for (int d = ndim - 1; d >= 0; --d) {
            const std::int64_t n = shape[d];
            off += (i % n) * strides[d];
            i /= n;
        }
        return off;
    }
};

template <class T>
using strided_iterator =
    ::thrust::permutation_iterator<::thrust::device_ptr<T>,
                                   ::thrust::transform_iterator<strided_offset, ::thrust::counting_iterator<std::int64_t>>>;

}  // namespace thrust

// Iterators over a contiguous array's elements (gpu::value_error for a view that is not).
template <class T>
::thrust::device_ptr<T> begin(const ndarray<T>& a) {
    if (!a.is_contiguous())
        throw value_error("gpu::begin: the array is not contiguous; use strided_begin / strided_end for views");
    return ::thrust::device_pointer_cast(a.data());
}
template <class T>
::thrust::device_ptr<T> end(const ndarray<T>& a) {
    return begin(a) + a.size();
}

// Iterators over any view, in row-major order.
template <class T>
thrust::strided_iterator<T> strided_begin(const ndarray<T>& a) {
    thrust::strided_offset f;
    f.ndim = a.ndim();
    for (int d = 0; d < a.ndim(); ++d) f.shape[d] = a.shape()[d], f.strides[d] = a.strides()[d];
    return thrust::strided_iterator<T>(::thrust::device_pointer_cast(a.data()),
                                       ::thrust::make_transform_iterator(::thrust::counting_iterator<std::int64_t>(0), f));
}
template <class T>
thrust::strided_iterator<T> strided_end(const ndarray<T>& a) {
    return strided_begin(a) + a.size();
}

}  // namespace gpu
