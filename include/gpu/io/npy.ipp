#pragma once
// Definitions for io/npy.hpp (see core/inline.hpp).
#include <string>

#include "gpu/io/npy.hpp"
#include "gpu/io/npz_zip.hpp"

namespace gpu {

GPU_ND_INLINE const any_array& npz_file::operator[](const std::string& name) const {
    const auto it = arrays_.find(name);
    if (it == arrays_.end()) throw key_error(name + " is not a file in the archive " + path_);
    return it->second;
}

namespace detail {

GPU_ND_INLINE std::string with_extension(const std::filesystem::path& path, const char* ext) {
    std::string s = path.string();
    const std::string e = ext;
    if (s.size() < e.size() || s.compare(s.size() - e.size(), e.size(), e) != 0) s += e;
    return s;
}

GPU_ND_INLINE void save_npy(const std::string& path, dtype type, const shape_t& shape, const void* data, executor where) {
    output_file out("gpu::save", path);
    const std::string header = make_npy_header(type, shape);
    out.write(header.data(), header.size());
    write_npy_data(out, data, where, static_cast<std::size_t>(size_of(shape)) * static_cast<std::size_t>(itemsize(type)));
    out.commit();
}

// A new array of a run-time dtype on the current executor.
inline any_array empty_of(dtype d, const shape_t& shape) {
    switch (d) {
#define GPU_ND_NPY_CASE(T, KIND, SIZE) \
    case dtype_of_v<T>: return ndarray<T>(shape);
        GPU_ND_NPY_DTYPES(GPU_ND_NPY_CASE)
#undef GPU_ND_NPY_CASE
        default: throw type_error("unsupported dtype " + std::string(name_of(d)));
    }
}

// The array of a .npy stream; errors name `path`.
inline any_array read_npy(byte_source& in, const std::string& who, const std::string& path, const dtype* want) {
    const npy_header h = read_npy_header(in, who, path);
    if (!want && h.type == dtype::bfloat16)
        throw type_error(who + ": " + path +
                         " holds 2-byte void data ('V2'), which is how NumPy saves an ml_dtypes bfloat16 array, but "
                         "the file does not say which dtype it is: load it with gpu::load<gpu::bfloat16>");
    if (want && *want != h.type)
        throw type_error(who + ": " + path + " holds " + std::string(name_of(h.type)) + ", not " + std::string(name_of(*want)));
    shape_t shape = h.shape;
    if (h.fortran_order) std::reverse(shape.begin(), shape.end());  // the C order of the transpose
    any_array a = empty_of(h.type, shape);
    void* data = a.visit([](const auto& x) { return static_cast<void*>(x.data()); });
    const executor where = a.visit([](const auto& x) { return x.where(); });
    read_npy_data(in, data, where, h.data_bytes, h.swap_size, h.byteswap);
    if (h.fortran_order) return a.visit([](const auto& x) { return any_array(x.transpose()); });
    return a;
}

GPU_ND_INLINE any_array load_npy(const std::string& who, const std::string& path, const dtype* want) {
    input_file f(who, path);
    file_range_source in(f, 0, f.size());
    return read_npy(in, who, path, want);
}

GPU_ND_INLINE any_array contiguous(const any_array& a) {
    return a.visit([](const auto& x) { return any_array(x.is_contiguous() ? x : x.copy()); });
}

GPU_ND_INLINE void save_npz(const char* who, const std::filesystem::path& path, const npz_entries& arrays, bool deflate) {
    const std::string file = with_extension(path, ".npz");
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        if (arrays[i].second.empty()) throw value_error(std::string(who) + ": the array '" + arrays[i].first + "' holds nothing");
        for (std::size_t j = 0; j < i; ++j)
            if (arrays[j].first == arrays[i].first)
                throw value_error(std::string(who) + ": the name '" + arrays[i].first + "' is given twice");
    }
    output_file out(who, file);
    zip_writer zip(out);
    for (const auto& [name, array] : arrays) {
        const any_array c = contiguous(array);
        const dtype type = c.dtype();
        const shape_t shape = c.shape();
        const std::string header = make_npy_header(type, shape);
        const auto bytes = static_cast<std::size_t>(size_of(shape)) * static_cast<std::size_t>(itemsize(type));
        byte_sink& sink = zip.begin(name + ".npy", static_cast<std::int64_t>(header.size() + bytes), deflate);
        sink.write(header.data(), header.size());
        c.visit([&](const auto& x) {
            if (x.buffer() && x.where() == executor::cuda) x.buffer()->note_use();
            write_npy_data(sink, x.data(), x.where(), bytes);
        });
        zip.end();
    }
    zip.finish();
    out.commit();
}

}  // namespace detail

GPU_ND_INLINE npz_file load_npz(const std::filesystem::path& path) {
    const std::string file = path.string();
    detail::input_file f("gpu::load_npz", file);
    npz_file z;
    z.path_ = file;
    for (const detail::zip_member& m : detail::read_zip_directory(f)) {
        if (m.name.size() < 4 || m.name.compare(m.name.size() - 4, 4, ".npy") != 0) continue;
        const std::string where = file + " (member " + m.name + ")";
        const std::int64_t at = detail::zip_data_offset(f, m);
        any_array a;
        std::uint32_t crc = 0;
        bool whole = false;
        if (m.method == 0) {
            detail::file_range_source in(f, at, at + m.compressed, true);
            a = detail::read_npy(in, "gpu::load_npz", where, nullptr);
            crc = in.crc(), whole = in.remaining() == 0;
        } else {
            detail::inflate_source in(f, at, at + m.compressed, m.size);
            a = detail::read_npy(in, "gpu::load_npz", where, nullptr);
            crc = in.crc(), whole = in.remaining() == 0;
        }
        if (whole && crc != m.crc) detail::throw_file_error("gpu::load_npz", where, "CRC-32 mismatch: the data is corrupt");
        const std::string name = m.name.substr(0, m.name.size() - 4);
        if (!z.arrays_.count(name)) z.names_.push_back(name);
        z.arrays_[name] = std::move(a);
    }
    return z;
}

}  // namespace gpu
