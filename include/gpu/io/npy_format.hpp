#pragma once
// The .npy format (numpy.lib.format, versions 1.0, 2.0 and 3.0): the magic string, the version,
// the header (a Python dict literal: 'descr', 'fortran_order', 'shape'), then the raw elements.
// Reading a header checks everything NumPy writes and names the file and the problem; the
// elements move between the file and device memory through the pinned staging buffers
// (io/pinned.ipp), with no pageable copy between.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gpu/core/dtype.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/io/npy_file.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu::detail {

struct npy_header {
    dtype type = dtype::bool_;
    int itemsize = 1;
    bool fortran_order = false;
    bool byteswap = false;  // big-endian file on this little-endian host
    int swap_size = 1;      // bytes reversed together when swapping: the item, or a complex part
    shape_t shape;
    std::size_t data_bytes = 0;
    int major = 1, minor = 0;
};

// Reads and checks the preamble and header; a header that claims more data than the source
// holds (byte_source::remaining) fails here, before anything is allocated.
GPU_ND_INLINE npy_header read_npy_header(byte_source& in, const std::string& who, const std::string& path);

// The whole preamble for a C-ordered little-endian array: version 1.0, or 2.0 when the header
// does not fit 1.0's 16-bit length; padded to a multiple of 64 bytes as NumPy pads it.
GPU_ND_INLINE std::string make_npy_header(dtype type, const shape_t& shape);

// Reads `bytes` of elements into memory at `dst` (device memory when where == cuda), swapping
// bytes when the file is big-endian; the device path goes through the pinned staging buffers.
GPU_ND_INLINE void read_npy_data(byte_source& in, void* dst, executor where, std::size_t bytes, int itemsize,
                                 bool byteswap);

// Writes `bytes` of contiguous elements from `src` (device memory when where == cuda).
GPU_ND_INLINE void write_npy_data(byte_sink& out, const void* src, executor where, std::size_t bytes);

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/npy_format.ipp"
#endif
