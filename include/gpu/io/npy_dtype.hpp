#pragma once
// The dtypes .npy files can hold, in one table: the C++ type, NumPy's type character and the
// item size of the file's 'descr' ('<f4': little-endian, 'f', 4 bytes). A dtype is one line of
// GPU_ND_NPY_DTYPES; the header parser, gpu::any_array and load_any follow from it.
// bfloat16: NumPy saves an ml_dtypes.bfloat16 array as 2-byte void data ('<V2'; NumPy loads it
// back as void, and .view(ml_dtypes.bfloat16) recovers it). The file does not say bfloat16, so
// gpu::load<gpu::bfloat16> reads '<V2' / '|V2', and load_any / load_npz refuse it (io/npy.ipp).
#include <complex>
#include <cstdint>
#include <string_view>

#include "gpu/core/dtype.hpp"

// X(C++ type, type character, item size)
#define GPU_ND_NPY_DTYPES(X)   \
    X(bool, 'b', 1)            \
    X(std::int8_t, 'i', 1)     \
    X(std::int16_t, 'i', 2)    \
    X(std::int32_t, 'i', 4)    \
    X(std::int64_t, 'i', 8)    \
    X(std::uint8_t, 'u', 1)    \
    X(std::uint16_t, 'u', 2)   \
    X(std::uint32_t, 'u', 4)   \
    X(std::uint64_t, 'u', 8)   \
    X(float, 'f', 4)           \
    X(double, 'f', 8)          \
    X(float16, 'f', 2)         \
    X(bfloat16, 'V', 2)        \
    X(std::complex<float>, 'c', 8) \
    X(std::complex<double>, 'c', 16)

namespace gpu::detail {

struct npy_type {
    dtype type;
    char kind;     // NumPy's type character: b i u f c (V: bfloat16, see above)
    int itemsize;  // bytes
};

inline constexpr npy_type npy_types[] = {
#define GPU_ND_NPY_ROW(T, KIND, SIZE) npy_type{dtype_of_v<T>, KIND, SIZE},
    GPU_ND_NPY_DTYPES(GPU_ND_NPY_ROW)
#undef GPU_ND_NPY_ROW
};

// The row of (kind, itemsize), or nullptr when the library has no such dtype.
constexpr const npy_type* npy_type_of(char kind, int itemsize) {
    for (const npy_type& t : npy_types)
        if (t.kind == kind && t.itemsize == itemsize) return &t;
    return nullptr;
}
constexpr const npy_type* npy_type_of(dtype d) {
    for (const npy_type& t : npy_types)
        if (t.type == d) return &t;
    return nullptr;
}

}  // namespace gpu::detail
