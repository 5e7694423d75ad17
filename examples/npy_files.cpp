// .npy / .npz files: save arrays for NumPy, load what NumPy saved.
//
//     example_npy_files [out_dir]
//
// Writes one file per dtype (the values of tools/numpy_data/gen_npy.py's formula), a transposed
// view (saved in C order), a 0-d and an empty array, and an .npz archive stored and compressed,
// then reads them back. tools/numpy_data/check_npy_roundtrip.py out_dir checks them with NumPy.
#include <gpu/ndarray.hpp>
#include <gpu/npy.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

template <class T>
gpu::ndarray<T> formula(const gpu::shape_t& shape) {  // gen_npy.py's values
    std::vector<T> v;
    for (std::int64_t i = 0; i < gpu::size_of(shape); ++i) {
        if constexpr (std::is_same_v<T, bool>) v.push_back(i % 3 == 0);
        else if constexpr (std::is_floating_point_v<T>) v.push_back(static_cast<T>((i - 2) * 0.375));
        else if constexpr (std::is_signed_v<T>) v.push_back(static_cast<T>((i - 2) * 37));
        else if constexpr (sizeof(T) == 1) v.push_back(static_cast<T>(i * 37));
        else v.push_back(static_cast<T>(static_cast<T>(i * 37) + (T{1} << (8 * sizeof(T) - 1))));
    }
    return gpu::asarray(v, shape);
}

template <class T>
void one_dtype(const std::string& dir) {
    const std::string name(gpu::dtype_name_v<T>);
    gpu::save(dir + "/" + name + ".npy", formula<T>({2, 3}));
    const auto back = gpu::load<T>(dir + "/" + name + ".npy");
    if (!(back.shape() == gpu::shape_t{2, 3})) throw gpu::error("round trip of " + name + " changed the shape");
}

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : "npy_out";
    std::filesystem::create_directories(dir);
    one_dtype<bool>(dir);
    one_dtype<std::int8_t>(dir);
    one_dtype<std::int16_t>(dir);
    one_dtype<std::int32_t>(dir);
    one_dtype<std::int64_t>(dir);
    one_dtype<std::uint8_t>(dir);
    one_dtype<std::uint16_t>(dir);
    one_dtype<std::uint32_t>(dir);
    one_dtype<std::uint64_t>(dir);
    one_dtype<float>(dir);
    one_dtype<double>(dir);

    const auto x = formula<double>({2, 3, 4});
    gpu::save(dir + "/float64_transposed.npy", x.transpose());  // written in C order: NumPy sees x.T
    gpu::save(dir + "/float32_0d.npy", formula<float>({}));
    gpu::save(dir + "/int32_empty.npy", formula<std::int32_t>({0, 3}));
    gpu::savez(dir + "/mixed.npz", {{"x", formula<float>({2, 3})}, {"idx", formula<std::int64_t>({4})}, {"flag", formula<bool>({})}});
    gpu::savez_compressed(dir + "/mixed_compressed.npz",
                          {{"x", formula<float>({2, 3})}, {"big", formula<std::uint16_t>({100, 50})}});

    const gpu::npz_file z = gpu::load_npz(dir + "/mixed_compressed.npz");
    std::printf("wrote %s: %zu arrays in mixed_compressed.npz, big has %lld elements\n", dir.c_str(), z.size(),
                static_cast<long long>(z["big"].size()));
    return 0;
}
