#pragma once
// Printing arrays exactly as NumPy 2's str(arr) does under the default print options:
// gpu::detail::format_array (contiguous row-major data, shared with device-array printing) and
// operator<< for gpu::host_array. The formatting itself is in io/print.ipp; separately compiled,
// it is instantiated there once per dtype.
#include <cstdint>
#include <ostream>
#include <string>

#include "gpu/containers/host_array.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/io/transfer.hpp"

namespace gpu {
namespace detail {

// str(arr) for contiguous row-major data of the given shape.
template <class T>
std::string format_array(const T* data, const shape_t& shape);

#define GPU_ND_PRINTED_DTYPES(X) \
    X(bool) X(std::int8_t) X(std::int16_t) X(std::int32_t) X(std::int64_t) X(std::uint8_t) X(std::uint16_t) \
    X(std::uint32_t) X(std::uint64_t) X(float) X(double) X(float16) X(bfloat16) \
    X(std::complex<float>) X(std::complex<double>)
#if defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#define GPU_ND_EXTERN_FORMAT(T) extern template std::string format_array<T>(const T*, const shape_t&);
GPU_ND_PRINTED_DTYPES(GPU_ND_EXTERN_FORMAT)
#undef GPU_ND_EXTERN_FORMAT
#endif

}  // namespace detail

template <class T>
std::ostream& operator<<(std::ostream& os, const host_array<T>& a) {
    return os << detail::format_array(a.data(), a.shape());
}

// Prints as NumPy's str() does; the array is copied to the host first (waiting for its work).
template <class T>
std::ostream& operator<<(std::ostream& os, const ndarray<T>& a) {
    return os << asnumpy(a);
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/print.ipp"
#endif
