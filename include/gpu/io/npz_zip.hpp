#pragma once
// The zip container of .npz files (what Python's zipfile writes for np.savez): members stored
// (method 0) or deflated (method 8, zlib), each with a CRC-32, and the Zip64 extensions for
// members, offsets or counts past 32 bits. Only what .npz needs: no encryption, one disk.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gpu/core/inline.hpp"
#include "gpu/io/npy_file.hpp"

namespace gpu::detail {

struct zip_member {
    std::string name;
    int method = 0;  // 0 stored, 8 deflated
    std::uint32_t crc = 0;
    std::int64_t compressed = 0, size = 0, header_offset = 0;
};

// The central directory of a zip file (errors name the file).
GPU_ND_INLINE std::vector<zip_member> read_zip_directory(const input_file& f);

// Where a member's data starts (after its local header).
GPU_ND_INLINE std::int64_t zip_data_offset(const input_file& f, const zip_member& m);

// Writes members one after another into an output file, then the central directory.
class zip_writer {
public:
    explicit zip_writer(output_file& out) : out_(out) {}
    // Starts a member of `size` bytes (before compression); its bytes go to the returned sink.
    GPU_ND_INLINE byte_sink& begin(const std::string& name, std::int64_t size, bool deflate);
    // Ends the member: patches its CRC and sizes into the local header.
    GPU_ND_INLINE void end();
    // Writes the central directory and the end records.
    GPU_ND_INLINE void finish();

private:
    struct entry {
        zip_member m;
        bool zip64_local = false;
    };
    output_file& out_;
    std::vector<entry> entries_;
    std::unique_ptr<deflate_sink> deflate_;
    std::int64_t data_start_ = 0;
    std::uint16_t time_ = 0, date_ = 0x21;  // DOS time and date of the save
};

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/npz_zip.ipp"
#endif
