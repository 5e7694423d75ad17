#pragma once
// The byte streams under .npy and .npz files: a read-only range of a file (pread), a zlib
// inflater over one, and an output file written to a temporary name and renamed into place by
// commit() (a failed save leaves no partial file), with an optional zlib deflater and a CRC-32.
// Every error names the file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"

namespace gpu::detail {

// "gpu::load: <path>: <what>", as gpu::value_error.
[[noreturn]] GPU_ND_INLINE void throw_file_error(const std::string& who, const std::string& path, const std::string& what);

// Where bytes come from: reads exactly n bytes or throws (the file is truncated).
class byte_source {
public:
    virtual ~byte_source() = default;
    virtual void read(void* dst, std::size_t n) = 0;
    // Bytes left, when known (a file range); -1 when not (an inflater knows only the total).
    virtual std::int64_t remaining() const = 0;
};

// An open file, read-only (closed by the destructor).
class input_file {
public:
    GPU_ND_INLINE input_file(std::string who, std::string path);
    GPU_ND_INLINE ~input_file();
    input_file(const input_file&) = delete;
    input_file& operator=(const input_file&) = delete;

    std::int64_t size() const noexcept { return size_; }
    const std::string& path() const noexcept { return path_; }
    const std::string& who() const noexcept { return who_; }
    // Exactly n bytes at `offset`, else a truncation error naming `what`.
    GPU_ND_INLINE void read_at(void* dst, std::size_t n, std::int64_t offset, const char* what) const;
    [[noreturn]] void fail(const std::string& what) const { throw_file_error(who_, path_, what); }

private:
    std::string who_, path_;
    int fd_ = -1;
    std::int64_t size_ = 0;
};

// The bytes [begin, end) of a file, with an optional running CRC-32.
class file_range_source final : public byte_source {
public:
    file_range_source(const input_file& f, std::int64_t begin, std::int64_t end, bool crc = false)
        : f_(f), pos_(begin), end_(end), crc_on_(crc) {}
    GPU_ND_INLINE void read(void* dst, std::size_t n) override;
    std::int64_t remaining() const override { return end_ - pos_; }
    std::uint32_t crc() const noexcept { return crc_; }

private:
    const input_file& f_;
    std::int64_t pos_, end_;
    bool crc_on_;
    std::uint32_t crc_ = 0;
};

// Raw deflate data (zip method 8) of a file range, inflated; CRC-32 of the inflated bytes.
class inflate_source final : public byte_source {
public:
    GPU_ND_INLINE inflate_source(const input_file& f, std::int64_t begin, std::int64_t end, std::int64_t inflated_size);
    GPU_ND_INLINE ~inflate_source() override;
    GPU_ND_INLINE void read(void* dst, std::size_t n) override;
    std::int64_t remaining() const override { return left_; }
    std::uint32_t crc() const noexcept { return crc_; }

private:
    struct state;
    const input_file& f_;
    std::unique_ptr<state> z_;
    std::int64_t pos_, end_, left_;
    std::uint32_t crc_ = 0;
};

// Where bytes go.
class byte_sink {
public:
    virtual ~byte_sink() = default;
    virtual void write(const void* src, std::size_t n) = 0;
};

// A file written under a temporary name beside `path`; commit() renames it to `path`, and the
// destructor removes it if commit() was not reached.
class output_file final : public byte_sink {
public:
    GPU_ND_INLINE output_file(std::string who, std::string path);
    GPU_ND_INLINE ~output_file() override;
    output_file(const output_file&) = delete;
    output_file& operator=(const output_file&) = delete;

    GPU_ND_INLINE void write(const void* src, std::size_t n) override;
    // Overwrites bytes already written (zip headers whose sizes are known only afterwards).
    GPU_ND_INLINE void write_at(const void* src, std::size_t n, std::int64_t offset);
    std::int64_t position() const noexcept { return pos_; }
    // CRC-32 of the bytes written since the last reset_crc, when crc is on.
    void reset_crc(bool on) noexcept { crc_on_ = on, crc_ = 0; }
    std::uint32_t crc() const noexcept { return crc_; }
    GPU_ND_INLINE void commit();
    [[noreturn]] void fail(const std::string& what) const { throw_file_error(who_, path_, what); }

private:
    std::string who_, path_, tmp_;
    int fd_ = -1;
    std::int64_t pos_ = 0;
    bool crc_on_ = false;
    std::uint32_t crc_ = 0;
};

// Raw deflate (zip method 8) into an output file; CRC-32 of the bytes before compression.
class deflate_sink final : public byte_sink {
public:
    GPU_ND_INLINE explicit deflate_sink(output_file& out);
    GPU_ND_INLINE ~deflate_sink() override;
    GPU_ND_INLINE void write(const void* src, std::size_t n) override;
    GPU_ND_INLINE void finish();
    std::uint32_t crc() const noexcept { return crc_; }
    std::int64_t bytes_in() const noexcept { return in_; }

private:
    struct state;
    GPU_ND_INLINE void pump(int flush);
    output_file& out_;
    std::unique_ptr<state> z_;
    std::uint32_t crc_ = 0;
    std::int64_t in_ = 0;
};

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/npy_file.ipp"
#endif
