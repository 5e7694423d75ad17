// .npy / .npz files: round trips on every executor and dtype (contiguous, 0-d, empty, transposed
// and sliced views), and the files NumPy wrote (tests/data/npy, tools/numpy_data/gen_npy.py):
// both byte orders, Fortran order, format versions 1.0, 2.0 and 3.0, savez and savez_compressed.
#include <gpu/npy.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace {

using gpu_test::values_of;
namespace fs = std::filesystem;

// The formula of gen_npy.py: element i of the C-order flattening.
template <class T>
T value_of(std::int64_t i) {
    if constexpr (std::is_same_v<T, bool>) return i % 3 == 0;
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>((i - 2) * 0.375);
    else if constexpr (std::is_signed_v<T>) return static_cast<T>((i - 2) * 37);
    else if constexpr (sizeof(T) == 1) return static_cast<T>(i * 37);
    else return static_cast<T>(static_cast<T>(i * 37) + (T{1} << (8 * sizeof(T) - 1)));
}
template <class T>
std::vector<T> expected(std::int64_t n) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < n; ++i) v.push_back(value_of<T>(i));
    return v;
}
template <class T>
gpu::ndarray<T> make_values(const gpu::shape_t& shape) {
    return gpu_test::make<T>(expected<T>(gpu::size_of(shape)), shape);
}

fs::path data_dir() { return fs::path(__FILE__).parent_path() / "data" / "npy"; }

// A fresh directory per test, removed at the end.
struct temp_dir {
    fs::path path;
    temp_dir() {
        path = fs::temp_directory_path() / ("gpu_nd_npy_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_dir() { fs::remove_all(path); }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

template <class T>
class NpyTyped : public ::testing::Test {};
TYPED_TEST_SUITE(NpyTyped, gpu_test::all_dtypes, gpu_test::dtype_names);

TYPED_TEST(NpyTyped, RoundTripsEveryLayout) {
    using T = TypeParam;
    temp_dir dir;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make_values<T>({4, 6});
        struct layout {
            const char* name;
            gpu::ndarray<T> array;
        };
        const std::vector<layout> layouts = {
            {"contiguous", a},
            {"zero_d", gpu_test::view(a, {}, {}, 5)},
            {"empty", gpu::ndarray<T>(gpu::shape_t{0, 3})},
            {"transposed", a.T()},
            {"sliced", a(gpu::slice(1, 4), gpu::slice(0, 6, 2))},
            {"reversed", gpu_test::view(a, {6}, {-1}, 11)},
        };
        for (const auto& l : layouts) {
            SCOPED_TRACE(l.name);
            const std::string path = dir / (std::string(l.name) + "_" + gpu::to_string(ex));
            gpu::save(path, l.array);  // ".npy" appended, as np.save does
            ASSERT_TRUE(fs::exists(path + ".npy"));
            const auto b = gpu::load<T>(path + ".npy");
            EXPECT_EQ(b.shape(), l.array.shape());
            EXPECT_TRUE(b.is_contiguous());
            EXPECT_EQ(b.where(), ex);
            EXPECT_EQ(values_of(b), values_of(l.array));
            const gpu::any_array c = gpu::load_any(path + ".npy");
            EXPECT_EQ(c.dtype(), gpu::dtype_of_v<T>);
            EXPECT_EQ(values_of(c.get<T>()), values_of(l.array));
        }
    }
}

TYPED_TEST(NpyTyped, ReadsWhatNumPyWrote) {
    using T = TypeParam;
    const std::string name(gpu::dtype_name_v<T>);
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::load<T>(data_dir() / (name + ".npy"));
        EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(values_of(a), expected<T>(6));
        if (sizeof(T) > 1) {
            const auto b = gpu::load<T>(data_dir() / (name + "_be.npy"));  // big-endian
            EXPECT_EQ(values_of(b), expected<T>(6));
        }
    }
}

TEST(Npy, HeaderAsNumPyWritesIt) {
    temp_dir dir;
    gpu::executor_scope host(gpu::executor::host);
    gpu::save(dir / "f.npy", make_values<float>({2, 3}));
    std::ifstream written(dir / "f.npy", std::ios::binary), numpy((data_dir() / "float32.npy").string(), std::ios::binary);
    const std::string w((std::istreambuf_iterator<char>(written)), {}), n((std::istreambuf_iterator<char>(numpy)), {});
    EXPECT_EQ(w, n);  // byte for byte what np.save wrote
    EXPECT_EQ(w.size() % 64, 0u + 24);  // 128-byte header + 24 bytes of data
}

TEST(Npy, FortranOrderGivesAnFContiguousArray) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = gpu::load<double>(data_dir() / "float64_fortran.npy");
        EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3, 4}));
        EXPECT_EQ(a.strides(), (gpu::strides_t{1, 2, 6}));
        EXPECT_EQ(values_of(a), expected<double>(24));
        const auto b = gpu::load<std::int16_t>(data_dir() / "int16_fortran_be.npy");
        EXPECT_EQ(values_of(b), expected<std::int16_t>(24));
    }
}

TEST(Npy, ZeroDEmptyAndFormatVersions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto s = gpu::load<float>(data_dir() / "float32_0d.npy");
        EXPECT_EQ(s.ndim(), 0);
        EXPECT_EQ(values_of(s), std::vector<float>{2.5f});
        const auto e = gpu::load<std::int32_t>(data_dir() / "int32_empty.npy");
        EXPECT_EQ(e.shape(), (gpu::shape_t{0, 3}));
        for (const char* v : {"float64_v1.npy", "float64_v2.npy", "float64_v3.npy"}) {
            SCOPED_TRACE(v);
            const auto a = gpu::load<double>(data_dir() / v);
            EXPECT_EQ(a.shape(), (gpu::shape_t{3, 2}));
            EXPECT_EQ(values_of(a), expected<double>(6));
        }
    }
}

TEST(Npz, ReadsWhatNumPyWrote) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        for (const char* f : {"mixed.npz", "mixed_compressed.npz"}) {
            SCOPED_TRACE(f);
            const gpu::npz_file z = gpu::load_npz(data_dir() / f);
            EXPECT_TRUE(z.contains("x") && z.contains("idx") && z.contains("flag"));
            EXPECT_EQ(values_of(z.get<float>("x")), expected<float>(6));
            EXPECT_EQ(z.get<float>("x").shape(), (gpu::shape_t{2, 3}));
            EXPECT_EQ(values_of(z.get<std::int64_t>("idx")), expected<std::int64_t>(4));
            EXPECT_EQ(z["flag"].ndim(), 0);
            EXPECT_EQ(values_of(z.get<bool>("flag")), std::vector<bool>{true});
            EXPECT_THROW((void)z.get<double>("x"), gpu::type_error);
            EXPECT_THROW((void)z["nope"], gpu::key_error);
        }
        const gpu::npz_file c = gpu::load_npz(data_dir() / "mixed_compressed.npz");
        EXPECT_EQ(values_of(c.get<std::uint16_t>("big")), expected<std::uint16_t>(5000));
    }
}

TEST(Npz, RoundTripsStoredAndCompressed) {
    temp_dir dir;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto x = make_values<float>({3, 4});
        const auto i = make_values<std::int64_t>({5});
        const auto b = make_values<bool>({});
        for (bool compressed : {false, true}) {
            SCOPED_TRACE(compressed ? "savez_compressed" : "savez");
            const std::string path = dir / (std::string(compressed ? "c_" : "s_") + gpu::to_string(ex));
            if (compressed) gpu::savez_compressed(path, {{"x", x.T()}, {"i", i}, {"b", b}});
            else gpu::savez(path, {{"x", x.T()}, {"i", i}, {"b", b}});
            const gpu::npz_file z = gpu::load_npz(path + ".npz");
            EXPECT_EQ(z.files(), (std::vector<std::string>{"x", "i", "b"}));
            EXPECT_EQ(z.get<float>("x").shape(), (gpu::shape_t{4, 3}));
            EXPECT_EQ(values_of(z.get<float>("x")), values_of(x.T()));
            EXPECT_EQ(values_of(z.get<std::int64_t>("i")), expected<std::int64_t>(5));
            EXPECT_EQ(values_of(z.get<bool>("b")), std::vector<bool>{true});
        }
    }
}

TEST(Npz, LargeCompressedMember) {
    temp_dir dir;
    gpu::executor_scope host(gpu::executor::host);
    const auto a = make_values<std::int32_t>({1 << 20});  // several deflate and staging pieces
    gpu::savez_compressed(dir / "big.npz", {{"a", a}});
    EXPECT_LT(fs::file_size(dir / "big.npz"), std::uintmax_t{4} << 20);
    EXPECT_EQ(values_of(gpu::load_npz(dir / "big.npz").get<std::int32_t>("a")), expected<std::int32_t>(1 << 20));
}

TEST(Npy, LargeArraysCrossStagingPieces) {
    // 24 MiB: several pieces of the pinned staging pipeline, also as a big-endian file, whose
    // bytes are swapped piece by piece in the staging buffers.
    temp_dir dir;
    const std::int64_t n = 3 << 20;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make_values<double>({n / 4, 4});
        const std::string path = dir / ("big_" + std::string(gpu::to_string(ex)) + ".npy");
        gpu::save(path, a);
        EXPECT_EQ(values_of(gpu::load<double>(path)), expected<double>(n));
        std::string bytes;
        {
            std::ifstream f(path, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(f), {});
        }
        const std::size_t data = bytes.size() - static_cast<std::size_t>(n) * 8;
        bytes.replace(bytes.find("'<f8'"), 5, "'>f8'");
        for (std::size_t i = data; i < bytes.size(); i += 8) std::reverse(bytes.begin() + i, bytes.begin() + i + 8);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
        const auto b = gpu::load<double>(path);
        EXPECT_EQ(b.shape(), (gpu::shape_t{n / 4, 4}));
        EXPECT_EQ(values_of(b), expected<double>(n));
    }
}

}  // namespace
