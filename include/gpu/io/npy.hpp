#pragma once
// .npy and .npz files, as numpy.save / numpy.load / numpy.savez / numpy.savez_compressed:
//
//     gpu::save("x.npy", a);                         // ".npy" is appended when missing, as NumPy does
//     auto b = gpu::load<float>("x.npy");            // gpu::type_error if the file holds another dtype
//     gpu::any_array c = gpu::load_any("y.npy");     // dtype known at run time: c.dtype(), c.get<T>()
//     gpu::savez("z.npz", {{"x", a}, {"idx", i}});   // savez_compressed: the same, deflated (zlib)
//     gpu::npz_file z = gpu::load_npz("z.npz");     // z.get<float>("x"), z["idx"], z.files()
//
// Saving writes C order, little-endian, format 1.0 (2.0 when the header needs it); a view is
// written in C order. Loading reads 1.0, 2.0 and 3.0, C and Fortran order (a Fortran-ordered
// file gives an F-contiguous array, as in NumPy) and either byte order. Device arrays move
// between the file and the GPU through pinned staging buffers. Files are written under a
// temporary name and renamed, so a failed save leaves nothing behind. Bad files throw
// gpu::value_error (gpu::type_error for an unsupported dtype) naming the file and the problem.
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/io/any_array.hpp"
#include "gpu/io/npy_format.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu {

class npz_file;
// Every .npy member of an .npz file (other members are skipped).
GPU_ND_INLINE npz_file load_npz(const std::filesystem::path& path);

// What gpu::load_npz returns: the arrays of an .npz file by name (the member name without
// ".npy"), in the archive's order.
class npz_file {
public:
    const std::vector<std::string>& files() const noexcept { return names_; }
    bool contains(const std::string& name) const { return arrays_.count(name) != 0; }
    std::size_t size() const noexcept { return names_.size(); }
    GPU_ND_INLINE const any_array& operator[](const std::string& name) const;
    template <class T>
    const ndarray<T>& get(const std::string& name) const {
        return (*this)[name].template get<T>();
    }

private:
    friend npz_file load_npz(const std::filesystem::path& path);
    std::vector<std::string> names_;
    std::map<std::string, any_array> arrays_;
    std::string path_;
};

using npz_entries = std::vector<std::pair<std::string, any_array>>;

namespace detail {

// `path` with `ext` appended when it does not end with it (numpy.save's rule).
GPU_ND_INLINE std::string with_extension(const std::filesystem::path& path, const char* ext);

// Writes a contiguous array's bytes as a .npy file (temporary + rename).
GPU_ND_INLINE void save_npy(const std::string& path, dtype type, const shape_t& shape, const void* data, executor where);

// Loads a .npy file; when `want` is given, a file of another dtype throws gpu::type_error
// before anything is allocated.
GPU_ND_INLINE any_array load_npy(const std::string& who, const std::string& path, const dtype* want);

// A C-contiguous handle to the same values (a copy when `a` is a view).
GPU_ND_INLINE any_array contiguous(const any_array& a);

GPU_ND_INLINE void save_npz(const char* who, const std::filesystem::path& path, const npz_entries& arrays, bool deflate);

}  // namespace detail

template <class T>
void save(const std::filesystem::path& path, const ndarray<T>& a) {
    const ndarray<T> c = a.is_contiguous() ? a : a.copy();
    if (c.buffer() && c.where() == executor::cuda) c.buffer()->note_use();
    detail::save_npy(detail::with_extension(path, ".npy"), c.dtype(), c.shape(), c.data(), c.where());
}

// Saves the value of an expression (evaluated first).
template <expression E>
    requires(!is_ndarray_v<E>)
void save(const std::filesystem::path& path, const E& e) {
    save(path, gpu::eval(e));
}

inline void save(const std::filesystem::path& path, const any_array& a) {
    a.visit([&](const auto& x) { save(path, x); });
}

template <class T>
ndarray<T> load(const std::filesystem::path& path) {
    constexpr dtype want = dtype_of_v<T>;
    return detail::load_npy("gpu::load", path.string(), &want).template get<T>();
}

// A .npy file of any dtype the library has.
inline any_array load_any(const std::filesystem::path& path) { return detail::load_npy("gpu::load_any", path.string(), nullptr); }

// numpy.savez: one member "<name>.npy" per array, stored uncompressed.
inline void savez(const std::filesystem::path& path, const npz_entries& arrays) {
    detail::save_npz("gpu::savez", path, arrays, false);
}
inline void savez(const std::filesystem::path& path, std::initializer_list<std::pair<std::string, any_array>> arrays) {
    savez(path, npz_entries(arrays));
}
// numpy.savez_compressed: the same, deflated.
inline void savez_compressed(const std::filesystem::path& path, const npz_entries& arrays) {
    detail::save_npz("gpu::savez_compressed", path, arrays, true);
}
inline void savez_compressed(const std::filesystem::path& path,
                             std::initializer_list<std::pair<std::string, any_array>> arrays) {
    savez_compressed(path, npz_entries(arrays));
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/npy.ipp"
#endif
