#pragma once
// gpu::adopt: an ndarray over memory the library did not allocate (a cudaMalloc of your own, a
// cuDNN workspace, another framework's tensor), without a copy. `owner` keeps the memory alive:
// the array and every view of it hold it, and it is released when the last one is gone.
//
//     float* p;  cudaMalloc(&p, 12 * sizeof(float));
//     auto a = gpu::adopt(p, {3, 4}, {4, 1}, std::shared_ptr<void>(p, [](void* q) { cudaFree(q); }));
//
// Strides are in elements (a.strides(); a.strides_bytes() gives NumPy's bytes) and may be
// negative. On the GPU executor the pointer must be device (or managed) memory of the current
// device, checked with cudaPointerGetAttributes; on the host executor it is host memory. Work on
// the array is enqueued on the current stream: order it with the memory's producer (a
// gpu::stream::borrow of their stream, or an event) and keep `owner` until that work is done.
#include <cuda_runtime_api.h>

#include <cstdint>
#include <memory>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {
namespace detail {

// Checks that `p` can hold arrays of executor `where` (device memory of the current device for
// cuda); `who` names the caller in the message.
GPU_ND_INLINE void check_adoptable(const void* p, executor where, const char* who);

// The first and one-past-last element offsets a shape and strides reach from the first element.
inline std::pair<std::int64_t, std::int64_t> element_extent(const shape_t& shape, const strides_t& strides) {
    std::int64_t lo = 0, hi = 0;
    for (int i = 0; i < shape.size(); ++i) {
        if (shape[i] == 0) return {0, 0};
        (strides[i] < 0 ? lo : hi) += (shape[i] - 1) * strides[i];
    }
    return {lo, hi + 1};
}

}  // namespace detail

// `data` points at element [0, 0, ...]; strides in elements.
template <class T>
ndarray<T> adopt(T* data, const shape_t& shape, const strides_t& strides, std::shared_ptr<void> owner,
                 executor where = current_executor()) {
    check_shape(shape);
    if (strides.size() != shape.size())
        throw value_error("gpu::adopt: " + std::to_string(strides.size()) + " strides for a shape of " +
                          std::to_string(shape.size()) + " dimensions");
    const auto [lo, hi] = detail::element_extent(shape, strides);
    const std::int64_t n = size_of(shape);
    if (n > 0 && !data) throw value_error("gpu::adopt: a null pointer cannot hold a non-empty array of shape " + to_string(shape));
    if (reinterpret_cast<std::uintptr_t>(data) % alignof(T) != 0)
        throw value_error("gpu::adopt: the pointer is not aligned to " + std::to_string(alignof(T)) + " bytes for " +
                          std::string(dtype_name_v<T>));
    if (n > 0) detail::check_adoptable(data, where, "gpu::adopt");
    const int device = where == executor::cuda ? detail::current_device_id() : -1;
    auto buf = std::make_shared<detail::buffer>(n > 0 ? static_cast<void*>(data + lo) : static_cast<void*>(data),
                                                static_cast<std::size_t>(hi - lo) * sizeof(T), where, device, std::move(owner));
    return ndarray<T>(std::move(buf), shape, strides, -lo);
}

// A C-contiguous array.
template <class T>
ndarray<T> adopt(T* data, const shape_t& shape, std::shared_ptr<void> owner, executor where = current_executor()) {
    return adopt(data, shape, c_strides(shape), std::move(owner), where);
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/interop/adopt.ipp"
#endif
