#pragma once
// The one oracle read of an array, shared by the tests (support.hpp) and the fuzzer, which does not
// link GoogleTest: its elements' bytes, row-major, whatever its strides. It copies the raw bytes of
// the array's buffer to the host through a uint8 view and gpu::asnumpy, then gathers the elements
// with the array's shape, strides and offset on the host. So the oracle does not depend on the
// library's strided copy kernels, and there is one asnumpy instantiation for all dtypes (each
// distinct evaluated type costs about 0.6-0.8 s of -O3 compile time).
#include <gpu/ndarray.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

namespace gpu_test {

template <class T>
std::vector<unsigned char> element_bytes(const gpu::ndarray<T>& a) {
    std::vector<unsigned char> out;
    if (a.size() == 0) return out;
    out.resize(static_cast<std::size_t>(a.size()) * sizeof(T));
    const auto& buf = a.buffer();
    const gpu::ndarray<std::uint8_t> bytes(buf, gpu::shape_t{static_cast<std::int64_t>(buf->bytes())},
                                           gpu::strides_t{1}, 0);
    const gpu::host_array<std::uint8_t> raw = gpu::asnumpy(bytes);
    const int nd = a.ndim();
    std::vector<std::int64_t> index(static_cast<std::size_t>(nd), 0);
    for (std::int64_t n = 0; n < a.size(); ++n) {
        std::int64_t element = a.offset();
        for (int d = 0; d < nd; ++d) element += index[d] * a.strides()[d];
        std::memcpy(out.data() + n * sizeof(T), raw.data() + element * static_cast<std::int64_t>(sizeof(T)), sizeof(T));
        for (int d = nd - 1; d >= 0; --d) {  // row-major odometer
            if (++index[d] < a.shape()[d]) break;
            index[d] = 0;
        }
    }
    return out;
}

}  // namespace gpu_test
