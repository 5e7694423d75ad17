#pragma once
// Definitions for io/npy_file.hpp (see core/inline.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "gpu/io/npy_file.hpp"

namespace gpu::detail {

GPU_ND_INLINE void throw_file_error(const std::string& who, const std::string& path, const std::string& what) {
    throw value_error(who + ": " + path + ": " + what);
}

// zlib's crc32 takes uInt lengths: feed it in pieces.
inline std::uint32_t crc32_of(std::uint32_t crc, const void* p, std::size_t n) {
    const auto* b = static_cast<const Bytef*>(p);
    while (n) {
        const uInt k = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        crc = static_cast<std::uint32_t>(::crc32(crc, b, k));
        b += k;
        n -= k;
    }
    return crc;
}

GPU_ND_INLINE input_file::input_file(std::string who, std::string path) : who_(std::move(who)), path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) fail(std::string("cannot open the file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd_);
        fd_ = -1;
        fail("not a regular file");
    }
    size_ = st.st_size;
}

GPU_ND_INLINE input_file::~input_file() {
    if (fd_ >= 0) ::close(fd_);
}

GPU_ND_INLINE void input_file::read_at(void* dst, std::size_t n, std::int64_t offset, const char* what) const {
    auto* p = static_cast<char*>(dst);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pread(fd_, p + done, std::min<std::size_t>(n - done, std::size_t{1} << 30),
                                  static_cast<off_t>(offset + static_cast<std::int64_t>(done)));
        if (r < 0) {
            if (errno == EINTR) continue;
            fail(std::string("read error: ") + std::strerror(errno));
        }
        if (r == 0)
            fail(std::string("the file is truncated: ") + what + " needs " + std::to_string(n) + " bytes at offset " +
                 std::to_string(offset) + ", the file has " + std::to_string(size_ - std::min(size_, offset)) + " left");
        done += static_cast<std::size_t>(r);
    }
}

GPU_ND_INLINE void file_range_source::read(void* dst, std::size_t n) {
    if (static_cast<std::int64_t>(n) > end_ - pos_)
        f_.fail("the data is truncated: " + std::to_string(n) + " more bytes needed, " + std::to_string(end_ - pos_) +
                " left");
    f_.read_at(dst, n, pos_, "the array data");
    pos_ += static_cast<std::int64_t>(n);
    if (crc_on_) crc_ = crc32_of(crc_, dst, n);
}

struct inflate_source::state {
    z_stream z{};
    unsigned char in[1 << 18];
};

GPU_ND_INLINE inflate_source::inflate_source(const input_file& f, std::int64_t begin, std::int64_t end,
                                             std::int64_t inflated_size)
    : f_(f), z_(std::make_unique<state>()), pos_(begin), end_(end), left_(inflated_size) {
    if (inflateInit2(&z_->z, -MAX_WBITS) != Z_OK) f_.fail("zlib inflateInit2 failed");
}

GPU_ND_INLINE inflate_source::~inflate_source() { inflateEnd(&z_->z); }

GPU_ND_INLINE void inflate_source::read(void* dst, std::size_t n) {
    if (static_cast<std::int64_t>(n) > left_)
        f_.fail("the data is truncated: " + std::to_string(n) + " more bytes needed, " + std::to_string(left_) +
                " left in the archive member");
    z_stream& z = z_->z;
    auto* out = static_cast<unsigned char*>(dst);
    std::size_t done = 0;
    while (done < n) {
        if (z.avail_in == 0) {
            const std::size_t k = static_cast<std::size_t>(std::min<std::int64_t>(sizeof z_->in, end_ - pos_));
            if (k == 0) f_.fail("the compressed data is truncated");
            f_.read_at(z_->in, k, pos_, "the compressed data");
            pos_ += static_cast<std::int64_t>(k);
            z.next_in = z_->in;
            z.avail_in = static_cast<uInt>(k);
        }
        z.next_out = out + done;
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(n - done, 1u << 30));
        const uInt before = z.avail_out;
        const int rc = ::inflate(&z, Z_NO_FLUSH);
        done += before - z.avail_out;
        if (rc == Z_STREAM_END && done < n) f_.fail("the compressed data ends early");
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            f_.fail(std::string("corrupt compressed data (zlib: ") + (z.msg ? z.msg : "error") + ")");
    }
    left_ -= static_cast<std::int64_t>(n);
    crc_ = crc32_of(crc_, dst, n);
}

GPU_ND_INLINE output_file::output_file(std::string who, std::string path) : who_(std::move(who)), path_(std::move(path)) {
    std::string tmpl = path_ + ".tmp.XXXXXX";
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0) fail(std::string("cannot create a file beside it: ") + std::strerror(errno));
    tmp_ = tmpl;
    ::fchmod(fd_, 0644);  // mkstemp makes 0600; a saved array is as readable as np.save's
}

GPU_ND_INLINE output_file::~output_file() {
    if (fd_ >= 0) ::close(fd_);
    if (!tmp_.empty()) ::unlink(tmp_.c_str());  // not committed: no partial file remains
}

GPU_ND_INLINE void output_file::write(const void* src, std::size_t n) {
    write_at(src, n, pos_);
    pos_ += static_cast<std::int64_t>(n);
    if (crc_on_) crc_ = crc32_of(crc_, src, n);
}

GPU_ND_INLINE void output_file::write_at(const void* src, std::size_t n, std::int64_t offset) {
    const auto* p = static_cast<const char*>(src);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pwrite(fd_, p + done, std::min<std::size_t>(n - done, std::size_t{1} << 30),
                                   static_cast<off_t>(offset + static_cast<std::int64_t>(done)));
        if (r < 0) {
            if (errno == EINTR) continue;
            fail(std::string("write error: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(r);
    }
}

GPU_ND_INLINE void output_file::commit() {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(std::string("write error at close: ") + std::strerror(errno));
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) fail(std::string("cannot rename the temporary file: ") + std::strerror(errno));
    tmp_.clear();
}

struct deflate_sink::state {
    z_stream z{};
    unsigned char out[1 << 18];
};

GPU_ND_INLINE deflate_sink::deflate_sink(output_file& out) : out_(out), z_(std::make_unique<state>()) {
    // Raw deflate at zlib's default level, as Python's zipfile.ZIP_DEFLATED (np.savez_compressed).
    if (deflateInit2(&z_->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        out_.fail("zlib deflateInit2 failed");
}

GPU_ND_INLINE deflate_sink::~deflate_sink() { deflateEnd(&z_->z); }

GPU_ND_INLINE void deflate_sink::pump(int flush) {
    z_stream& z = z_->z;
    for (;;) {
        z.next_out = z_->out;
        z.avail_out = sizeof z_->out;
        const int rc = ::deflate(&z, flush);
        if (rc == Z_STREAM_ERROR) out_.fail("zlib deflate failed");
        out_.write(z_->out, sizeof z_->out - z.avail_out);
        if (flush == Z_FINISH ? rc == Z_STREAM_END : (z.avail_in == 0 && z.avail_out != 0)) return;
    }
}

GPU_ND_INLINE void deflate_sink::write(const void* src, std::size_t n) {
    crc_ = crc32_of(crc_, src, n);
    in_ += static_cast<std::int64_t>(n);
    const auto* p = static_cast<const unsigned char*>(src);
    while (n) {
        const uInt k = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        z_->z.next_in = const_cast<unsigned char*>(p);
        z_->z.avail_in = k;
        pump(Z_NO_FLUSH);
        p += k;
        n -= k;
    }
}

GPU_ND_INLINE void deflate_sink::finish() {
    z_->z.next_in = nullptr;
    z_->z.avail_in = 0;
    pump(Z_FINISH);
}

}  // namespace gpu::detail
