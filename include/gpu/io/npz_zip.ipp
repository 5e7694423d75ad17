#pragma once
// Definitions for io/npz_zip.hpp (see core/inline.hpp). Little-endian fields, as the zip
// specification (PKWARE APPNOTE) lays them out.
#include <algorithm>
#include <cstring>
#include <ctime>
#include <string>

#include "gpu/io/npz_zip.hpp"

namespace gpu::detail {

namespace zip {
inline constexpr std::uint32_t local_sig = 0x04034b50, central_sig = 0x02014b50, end_sig = 0x06054b50,
                               end64_sig = 0x06064b50, locator64_sig = 0x07064b50;
inline constexpr std::uint32_t max32 = 0xffffffffu;

inline std::uint64_t get(const unsigned char* p, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
inline void put(std::string& s, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}
inline void put_at(unsigned char* p, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) p[i] = static_cast<unsigned char>((v >> (8 * i)) & 0xff);
}
}  // namespace zip

GPU_ND_INLINE std::vector<zip_member> read_zip_directory(const input_file& f) {
    using namespace zip;
    if (f.size() < 22) f.fail("not a zip (.npz) file: too short");
    const std::int64_t tail = std::min<std::int64_t>(f.size(), 22 + 65535);
    std::string buf(static_cast<std::size_t>(tail), '\0');
    f.read_at(buf.data(), buf.size(), f.size() - tail, "the end of the zip directory");
    const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
    std::int64_t at = -1;
    for (std::int64_t i = tail - 22; i >= 0; --i)
        if (get(b + i, 4) == end_sig) {
            at = i;
            break;
        }
    if (at < 0) f.fail("not a zip (.npz) file: no end of central directory record");
    const unsigned char* e = b + at;
    std::uint64_t count = get(e + 10, 2), cd_size = get(e + 12, 4), cd_offset = get(e + 16, 4);
    const std::int64_t end_pos = f.size() - tail + at;
    if (count == 0xffff || cd_size == max32 || cd_offset == max32) {
        unsigned char loc[20], rec[56];
        if (end_pos < 20) f.fail("corrupt zip: missing Zip64 locator");
        f.read_at(loc, 20, end_pos - 20, "the Zip64 locator");
        if (get(loc, 4) != locator64_sig) f.fail("corrupt zip: missing Zip64 locator");
        f.read_at(rec, 56, static_cast<std::int64_t>(get(loc + 8, 8)), "the Zip64 end record");
        if (get(rec, 4) != end64_sig) f.fail("corrupt zip: bad Zip64 end record");
        count = get(rec + 32, 8);
        cd_size = get(rec + 40, 8);
        cd_offset = get(rec + 48, 8);
    }
    if (cd_offset + cd_size > static_cast<std::uint64_t>(f.size()) || count > cd_size / 46)
        f.fail("corrupt zip: the central directory lies outside the file");
    std::string cd(static_cast<std::size_t>(cd_size), '\0');
    f.read_at(cd.data(), cd.size(), static_cast<std::int64_t>(cd_offset), "the central directory");
    const auto* c = reinterpret_cast<const unsigned char*>(cd.data());
    std::vector<zip_member> out;
    std::size_t pos = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (pos + 46 > cd.size() || get(c + pos, 4) != central_sig) f.fail("corrupt zip: bad central directory entry");
        const unsigned char* h = c + pos;
        const std::size_t name_len = get(h + 28, 2), extra_len = get(h + 30, 2), comment_len = get(h + 32, 2);
        if (pos + 46 + name_len + extra_len + comment_len > cd.size()) f.fail("corrupt zip: bad central directory entry");
        zip_member m;
        m.name.assign(reinterpret_cast<const char*>(h + 46), name_len);
        if (get(h + 8, 2) & 1) f.fail("member '" + m.name + "' is encrypted");
        m.method = static_cast<int>(get(h + 10, 2));
        m.crc = static_cast<std::uint32_t>(get(h + 16, 4));
        std::uint64_t comp = get(h + 20, 4), size = get(h + 24, 4), off = get(h + 42, 4);
        // Zip64 extra field: the 64-bit values of the fields that hold 0xffffffff, in this order.
        const unsigned char* x = h + 46 + name_len;
        for (std::size_t k = 0; k + 4 <= extra_len;) {
            const std::size_t id = get(x + k, 2), len = get(x + k + 2, 2);
            if (k + 4 + len > extra_len) break;
            if (id == 1) {
                std::size_t q = k + 4;
                for (std::uint64_t* v : {&size, &comp, &off})
                    if (*v == max32 && q + 8 <= k + 4 + len) *v = get(x + q, 8), q += 8;
            }
            k += 4 + len;
        }
        if (m.method != 0 && m.method != 8)
            f.fail("member '" + m.name + "' uses zip compression method " + std::to_string(m.method) +
                   " (only stored and deflated are supported)");
        if (off + comp > static_cast<std::uint64_t>(f.size()) || size > (std::uint64_t{1} << 62))
            f.fail("corrupt zip: member '" + m.name + "' lies outside the file");
        m.compressed = static_cast<std::int64_t>(comp);
        m.size = static_cast<std::int64_t>(size);
        m.header_offset = static_cast<std::int64_t>(off);
        out.push_back(std::move(m));
        pos += 46 + name_len + extra_len + comment_len;
    }
    return out;
}

GPU_ND_INLINE std::int64_t zip_data_offset(const input_file& f, const zip_member& m) {
    unsigned char h[30];
    f.read_at(h, 30, m.header_offset, "a zip member's local header");
    if (zip::get(h, 4) != zip::local_sig) f.fail("corrupt zip: bad local header of member '" + m.name + "'");
    const std::int64_t at = m.header_offset + 30 + static_cast<std::int64_t>(zip::get(h + 26, 2) + zip::get(h + 28, 2));
    if (at + m.compressed > f.size()) f.fail("the file is truncated: member '" + m.name + "' runs past its end");
    return at;
}

GPU_ND_INLINE byte_sink& zip_writer::begin(const std::string& name, std::int64_t size, bool deflate) {
    using namespace zip;
    if (entries_.empty()) {
        const std::time_t now = std::time(nullptr);
        std::tm t{};
        if (localtime_r(&now, &t) && t.tm_year >= 80) {
            time_ = static_cast<std::uint16_t>((t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec / 2));
            date_ = static_cast<std::uint16_t>(((t.tm_year - 80) << 9) | ((t.tm_mon + 1) << 5) | t.tm_mday);
        }
    }
    entry e;
    e.m.name = name;
    e.m.method = deflate ? 8 : 0;
    e.m.size = size;
    e.m.header_offset = out_.position();
    // Zip64 sizes when the member may reach 4 GiB (deflate can expand incompressible data slightly).
    e.zip64_local = size >= 0xff000000LL;
    std::string h;
    put(h, local_sig, 4);
    put(h, e.zip64_local ? 45 : 20, 2);
    put(h, 0, 2);  // flags
    put(h, e.m.method, 2);
    put(h, time_, 2);
    put(h, date_, 2);
    put(h, 0, 4);  // CRC, patched by end()
    put(h, e.zip64_local ? max32 : 0, 4);
    put(h, e.zip64_local ? max32 : 0, 4);
    put(h, name.size(), 2);
    put(h, e.zip64_local ? 20 : 0, 2);
    h += name;
    if (e.zip64_local) {
        put(h, 1, 2);
        put(h, 16, 2);
        put(h, 0, 8);
        put(h, 0, 8);
    }
    out_.reset_crc(false);
    out_.write(h.data(), h.size());
    entries_.push_back(std::move(e));
    data_start_ = out_.position();
    if (deflate) {
        deflate_ = std::make_unique<deflate_sink>(out_);
        return *deflate_;
    }
    out_.reset_crc(true);
    return out_;
}

GPU_ND_INLINE void zip_writer::end() {
    using namespace zip;
    entry& e = entries_.back();
    if (deflate_) {
        deflate_->finish();
        e.m.crc = deflate_->crc();
        deflate_.reset();
    } else {
        e.m.crc = out_.crc();
        out_.reset_crc(false);
    }
    e.m.compressed = out_.position() - data_start_;
    unsigned char crc[4];
    put_at(crc, e.m.crc, 4);
    out_.write_at(crc, 4, e.m.header_offset + 14);
    if (e.zip64_local) {
        unsigned char sizes[16];
        put_at(sizes, static_cast<std::uint64_t>(e.m.size), 8);
        put_at(sizes + 8, static_cast<std::uint64_t>(e.m.compressed), 8);
        out_.write_at(sizes, 16, e.m.header_offset + 30 + static_cast<std::int64_t>(e.m.name.size()) + 4);
    } else {
        if (e.m.compressed >= static_cast<std::int64_t>(max32)) out_.fail("a compressed member passed 4 GiB unexpectedly");
        unsigned char sizes[8];
        put_at(sizes, static_cast<std::uint64_t>(e.m.compressed), 4);
        put_at(sizes + 4, static_cast<std::uint64_t>(e.m.size), 4);
        out_.write_at(sizes, 8, e.m.header_offset + 18);
    }
}

GPU_ND_INLINE void zip_writer::finish() {
    using namespace zip;
    const std::int64_t cd_offset = out_.position();
    std::string cd;
    for (const entry& e : entries_) {
        const bool big_size = e.m.size >= static_cast<std::int64_t>(max32);
        const bool big_comp = e.m.compressed >= static_cast<std::int64_t>(max32);
        const bool big_off = e.m.header_offset >= static_cast<std::int64_t>(max32);
        std::string x;
        if (big_size) put(x, static_cast<std::uint64_t>(e.m.size), 8);
        if (big_comp) put(x, static_cast<std::uint64_t>(e.m.compressed), 8);
        if (big_off) put(x, static_cast<std::uint64_t>(e.m.header_offset), 8);
        const bool z64 = !x.empty() || e.zip64_local;
        put(cd, central_sig, 4);
        put(cd, (3 << 8) | 45, 2);  // made by: Unix, zip 4.5
        put(cd, z64 ? 45 : 20, 2);
        put(cd, 0, 2);
        put(cd, e.m.method, 2);
        put(cd, time_, 2);
        put(cd, date_, 2);
        put(cd, e.m.crc, 4);
        put(cd, big_comp ? max32 : static_cast<std::uint64_t>(e.m.compressed), 4);
        put(cd, big_size ? max32 : static_cast<std::uint64_t>(e.m.size), 4);
        put(cd, e.m.name.size(), 2);
        put(cd, x.empty() ? 0 : x.size() + 4, 2);
        put(cd, 0, 2);                       // comment
        put(cd, 0, 2);                       // disk
        put(cd, 0, 2);                       // internal attributes
        put(cd, std::uint64_t{0644} << 16, 4);  // external: rw-r--r--
        put(cd, big_off ? max32 : static_cast<std::uint64_t>(e.m.header_offset), 4);
        cd += e.m.name;
        if (!x.empty()) {
            put(cd, 1, 2);
            put(cd, x.size(), 2);
            cd += x;
        }
    }
    const auto n = static_cast<std::uint64_t>(entries_.size());
    const auto size = static_cast<std::uint64_t>(cd.size());
    const bool z64 = n >= 0xffff || size >= max32 || static_cast<std::uint64_t>(cd_offset) >= max32;
    if (z64) {
        const std::int64_t rec = cd_offset + static_cast<std::int64_t>(cd.size());
        put(cd, end64_sig, 4);
        put(cd, 44, 8);
        put(cd, 45, 2);
        put(cd, 45, 2);
        put(cd, 0, 4);
        put(cd, 0, 4);
        put(cd, n, 8);
        put(cd, n, 8);
        put(cd, size, 8);
        put(cd, static_cast<std::uint64_t>(cd_offset), 8);
        put(cd, locator64_sig, 4);
        put(cd, 0, 4);
        put(cd, static_cast<std::uint64_t>(rec), 8);
        put(cd, 1, 4);
    }
    put(cd, end_sig, 4);
    put(cd, 0, 2);
    put(cd, 0, 2);
    put(cd, z64 ? 0xffff : n, 2);
    put(cd, z64 ? 0xffff : n, 2);
    put(cd, z64 ? max32 : size, 4);
    put(cd, z64 ? max32 : static_cast<std::uint64_t>(cd_offset), 4);
    put(cd, 0, 2);
    out_.write(cd.data(), cd.size());
}

}  // namespace gpu::detail
