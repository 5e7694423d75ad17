#pragma once
// Definitions for io/npy_format.hpp (see core/inline.hpp).
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string>

#include "gpu/io/npy_dtype.hpp"
#include "gpu/io/npy_format.hpp"
#include "gpu/io/pinned.ipp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/graph.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu::detail {

inline constexpr char npy_magic[6] = {'\x93', 'N', 'U', 'M', 'P', 'Y'};

// A cursor over the header's Python dict literal.
struct npy_header_parser {
    const std::string& text;
    std::size_t i = 0;
    const std::string& who;
    const std::string& path;

    [[noreturn]] void fail(const std::string& what) const {
        throw_file_error(who, path, "invalid header (" + what + "): " + text.substr(0, 200));
    }
    void skip() {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    }
    bool eat(char c) {
        skip();
        if (i < text.size() && text[i] == c) return ++i, true;
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail(std::string("expected '") + c + "'");
    }
    bool peek(char c) {
        skip();
        return i < text.size() && text[i] == c;
    }
    std::string string() {
        skip();
        if (i >= text.size() || (text[i] != '\'' && text[i] != '"')) fail("expected a string");
        const char q = text[i++];
        const std::size_t end = text.find(q, i);
        if (end == std::string::npos) fail("unterminated string");
        std::string s = text.substr(i, end - i);
        i = end + 1;
        return s;
    }
    bool boolean() {
        skip();
        if (text.compare(i, 4, "True") == 0) return i += 4, true;
        if (text.compare(i, 5, "False") == 0) return i += 5, false;
        fail("fortran_order must be True or False");
    }
    std::int64_t integer() {
        skip();
        std::size_t start = i;
        std::int64_t v = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (v > (INT64_MAX - 9) / 10) fail("a dimension is too large");
            v = v * 10 + (text[i++] - '0');
        }
        if (i == start) fail("the shape must be a tuple of non-negative integers");
        if (i < text.size() && text[i] == 'L') ++i;  // Python 2's long literals
        return v;
    }
};

GPU_ND_INLINE npy_header read_npy_header(byte_source& in, const std::string& who, const std::string& path) {
    auto fail = [&](const std::string& what) { throw_file_error(who, path, what); };
    const std::int64_t total = in.remaining();
    if (total >= 0 && total < 10) fail("the file is truncated: " + std::to_string(total) + " bytes, too short for a .npy file");
    unsigned char pre[8];
    in.read(pre, 8);
    if (std::memcmp(pre, npy_magic, 6) != 0) fail("not a .npy file (the magic string \\x93NUMPY is missing)");
    npy_header h;
    h.major = pre[6];
    h.minor = pre[7];
    if (!((h.major == 1 || h.major == 2 || h.major == 3) && h.minor == 0))
        fail("unsupported .npy format version " + std::to_string(h.major) + "." + std::to_string(h.minor) +
             " (1.0, 2.0 and 3.0 are known)");
    std::size_t len = 0;
    if (h.major == 1) {
        unsigned char b[2];
        in.read(b, 2);
        len = b[0] | (std::size_t{b[1]} << 8);
    } else {
        unsigned char b[4];
        in.read(b, 4);
        len = b[0] | (std::size_t{b[1]} << 8) | (std::size_t{b[2]} << 16) | (std::size_t{b[3]} << 24);
    }
    const std::int64_t after = in.remaining();
    if (len > (std::size_t{1} << 24)) fail("the header length " + std::to_string(len) + " is not plausible");
    if (after >= 0 && static_cast<std::int64_t>(len) > after)
        fail("the file is truncated: the header needs " + std::to_string(len) + " bytes, " + std::to_string(after) + " left");
    std::string text(len, '\0');
    in.read(text.data(), len);

    npy_header_parser p{text, 0, who, path};
    bool have_descr = false, have_order = false, have_shape = false;
    std::string descr;
    p.expect('{');
    while (!p.eat('}')) {
        const std::string key = p.string();
        p.expect(':');
        if (key == "descr") {
            if (p.peek('[') || p.peek('('))
                throw type_error(who + ": " + path + ": structured dtypes (records with fields) are not supported");
            descr = p.string();
            have_descr = true;
        } else if (key == "fortran_order") {
            h.fortran_order = p.boolean();
            have_order = true;
        } else if (key == "shape") {
            p.expect('(');
            while (!p.eat(')')) {
                h.shape.push_back(p.integer());
                if (!p.eat(',')) {
                    p.expect(')');
                    break;
                }
            }
            have_shape = true;
        } else {
            p.fail("unknown key '" + key + "'");
        }
        if (!p.eat(',')) {
            p.expect('}');
            break;
        }
    }
    if (!have_descr || !have_order || !have_shape) p.fail("'descr', 'fortran_order' and 'shape' are required");

    // descr: byte order, type character, item size ('<f4', '|b1', '>i8').
    std::size_t k = 0;
    char order = '=';
    if (!descr.empty() && std::strchr("<>|=", descr[0])) order = descr[k++];
    if (k >= descr.size()) p.fail("empty descr");
    const char kind = descr[k++];
    int size = 0;
    bool digits = k < descr.size();
    for (; k < descr.size(); ++k) {
        if (descr[k] < '0' || descr[k] > '9' || size > 1 << 20) digits = false;
        else size = size * 10 + (descr[k] - '0');
    }
    if (kind == 'O') throw type_error(who + ": " + path + ": object arrays (descr '" + descr + "') are not supported");
    const npy_type* t = digits ? npy_type_of(kind, size) : nullptr;
    if (!t) throw type_error(who + ": " + path + ": the dtype '" + descr + "' is not supported");
    h.type = t->type;
    h.itemsize = t->itemsize;
    h.byteswap = order == '>' && size > 1;
    h.swap_size = kind == 'c' ? size / 2 : size;  // a complex number swaps each part

    std::int64_t count = 1;
    for (std::int64_t d : h.shape) {
        if (d != 0 && count > INT64_MAX / d) fail("the shape " + to_string(h.shape) + " is too large");
        count *= d;
    }
    if (count > INT64_MAX / h.itemsize) fail("the shape " + to_string(h.shape) + " is too large");
    h.data_bytes = static_cast<std::size_t>(count) * static_cast<std::size_t>(h.itemsize);
    const std::int64_t left = in.remaining();
    if (left >= 0 && static_cast<std::int64_t>(h.data_bytes) > left)
        fail("the file is truncated or its header is wrong: shape " + to_string(h.shape) + " of " +
             std::string(name_of(h.type)) + " needs " + std::to_string(h.data_bytes) + " bytes of data, the file has " +
             std::to_string(left));
    return h;
}

GPU_ND_INLINE std::string make_npy_header(dtype type, const shape_t& shape) {
    const npy_type* t = npy_type_of(type);
    std::string descr;
    descr += t->itemsize == 1 ? '|' : '<';  // this host is little-endian, as NumPy writes '<' there
    descr += t->kind;
    descr += std::to_string(t->itemsize);
    std::string s = "(";
    for (int i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    s += shape.size() == 1 ? ",)" : ")";
    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
    // NumPy leaves room for the first axis to grow to 21 digits, so a header can be rewritten in place.
    if (shape.size() > 0) dict.append(21 - std::min<std::size_t>(21, std::to_string(shape[0]).size()), ' ');
    for (int major = 1; major <= 2; ++major) {
        const std::size_t prefix = 6 + 2 + (major == 1 ? 2 : 4);
        const std::size_t hlen = dict.size() + 1;  // + '\n'
        const std::size_t pad = 64 - (prefix + hlen) % 64;
        const std::size_t n = hlen + (pad == 64 ? 0 : pad);
        if (major == 1 && n > 65535) continue;
        std::string out(npy_magic, 6);
        out += static_cast<char>(major);
        out += '\0';
        for (std::size_t b = 0; b < prefix - 8; ++b) out += static_cast<char>((n >> (8 * b)) & 0xff);
        out += dict;
        out.append(n - hlen, ' ');
        out += '\n';
        return out;
    }
    return {};  // unreachable: 2.0 takes 4 GiB headers
}

inline void byteswap_in_place(void* p, std::size_t bytes, int itemsize) {
    auto* b = static_cast<unsigned char*>(p);
    const std::size_t n = bytes / static_cast<std::size_t>(itemsize);
    for (std::size_t i = 0; i < n; ++i, b += itemsize) std::reverse(b, b + itemsize);
}

GPU_ND_INLINE void read_npy_data(byte_source& in, void* dst, executor where, std::size_t bytes, int itemsize,
                                 bool byteswap) {
    if (bytes == 0) return;
    if (where != executor::cuda) {
        in.read(dst, bytes);
        if (byteswap) byteswap_in_place(dst, bytes, itemsize);
        return;
    }
    check_not_capturing("gpu::load (a copy from a file)");
    // file -> pinned staging buffer k % N -> device; buffer k % N is refilled once its copy is done.
    staging_pool& pool = staging_pool::instance();
    const std::unique_lock<std::mutex> held = pool.acquire();
    const cudaStream_t s = current_stream();
    const std::size_t chunk = pool.chunk_bytes();  // a multiple of 4096, so of every item size
    const int nb = pool.size();
    auto* out = static_cast<std::byte*>(dst);
    try {
        for (std::size_t off = 0, k = 0; off < bytes; off += chunk, ++k) {
            const int b = static_cast<int>(k % static_cast<std::size_t>(nb));
            const std::size_t len = std::min(chunk, bytes - off);
            cuda_check(cudaEventSynchronize(pool.event(b)), "cudaEventSynchronize");
            in.read(pool.buffer(b), len);
            if (byteswap) byteswap_in_place(pool.buffer(b), len, itemsize);
            cuda_check(cudaMemcpyAsync(out + off, pool.buffer(b), len, cudaMemcpyHostToDevice, s), "cudaMemcpyAsync");
            cuda_check(cudaEventRecord(pool.event(b), s), "cudaEventRecord");
        }
        cuda_check(cudaStreamSynchronize(s), "cudaStreamSynchronize");
    } catch (...) {
        cudaStreamSynchronize(s);  // no copy may still read a staging buffer, nor write the array
        throw;
    }
}

GPU_ND_INLINE void write_npy_data(byte_sink& out, const void* src, executor where, std::size_t bytes) {
    if (bytes == 0) return;
    if (where != executor::cuda) {
        out.write(src, bytes);
        return;
    }
    check_not_capturing("gpu::save (a copy to a file)");
    // device -> pinned staging buffers (N copies ahead) -> file.
    staging_pool& pool = staging_pool::instance();
    const std::unique_lock<std::mutex> held = pool.acquire();
    const cudaStream_t s = current_stream();
    const std::size_t chunk = pool.chunk_bytes();
    const auto nb = static_cast<std::size_t>(pool.size());
    const std::size_t n = (bytes + chunk - 1) / chunk;
    const auto* in = static_cast<const std::byte*>(src);
    auto fill = [&](std::size_t k) {
        const int b = static_cast<int>(k % nb);
        cuda_check(cudaMemcpyAsync(pool.buffer(b), in + k * chunk, std::min(chunk, bytes - k * chunk),
                                   cudaMemcpyDeviceToHost, s), "cudaMemcpyAsync");
        cuda_check(cudaEventRecord(pool.event(b), s), "cudaEventRecord");
    };
    try {
        for (std::size_t b = 0; b < nb; ++b) cuda_check(cudaEventSynchronize(pool.event(static_cast<int>(b))), "cudaEventSynchronize");
        for (std::size_t k = 0; k < std::min(n, nb); ++k) fill(k);
        for (std::size_t k = 0; k < n; ++k) {
            const int b = static_cast<int>(k % nb);
            cuda_check(cudaEventSynchronize(pool.event(b)), "cudaEventSynchronize");
            out.write(pool.buffer(b), std::min(chunk, bytes - k * chunk));
            if (k + nb < n) fill(k + nb);
        }
    } catch (...) {
        cudaStreamSynchronize(s);
        throw;
    }
}

}  // namespace gpu::detail
