// Bad .npy / .npz input is a gpu:: error naming the file and the problem; a failed save leaves
// no file behind.
#include <gpu/npy.hpp>

#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using gpu_test::message_of;

fs::path data_dir() { return fs::path(__FILE__).parent_path() / "data" / "npy"; }

struct temp_dir {
    fs::path path;
    temp_dir() {
        path = fs::temp_directory_path() / ("gpu_nd_npy_err_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_dir() { fs::remove_all(path); }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read_all(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}
void write_all(const std::string& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// The message of E thrown by loading `path` as float32, which must name the file and contain `what`.
template <class E = gpu::value_error>
void expect_load_error(const std::string& path, const std::string& what) {
    const std::string m = message_of<E>([&] { (void)gpu::load<float>(path); });
    EXPECT_NE(m.find(path), std::string::npos) << m;
    EXPECT_NE(m.find(what), std::string::npos) << m;
}

TEST(NpyErrors, WrongDtypeNamesBoth) {
    const std::string path = (data_dir() / "float64.npy").string();
    EXPECT_EQ(message_of<gpu::type_error>([&] { (void)gpu::load<float>(path); }),
              "gpu::load: " + path + " holds float64, not float32");
}

TEST(NpyErrors, TruncatedWrongMagicAndLyingHeader) {
    temp_dir dir;
    gpu_test::for_each_executor([&] {
        const std::string good = read_all(data_dir() / "float32.npy");
        write_all(dir / "short.npy", good.substr(0, good.size() - 5));
        expect_load_error(dir / "short.npy", "needs 24 bytes of data, the file has 19");
        write_all(dir / "header_cut.npy", good.substr(0, 40));
        expect_load_error(dir / "header_cut.npy", "the file is truncated");
        write_all(dir / "tiny.npy", "\x93NUM");
        expect_load_error(dir / "tiny.npy", "too short");
        std::string magic = good;
        magic[1] = 'X';
        write_all(dir / "magic.npy", magic);
        expect_load_error(dir / "magic.npy", "not a .npy file");
        std::string lie = good;
        lie.replace(lie.find("(2, 3)"), 6, "(9, 3)");
        write_all(dir / "lie.npy", lie);
        expect_load_error(dir / "lie.npy", "shape (9,3) of float32 needs 108 bytes of data, the file has 24");
        std::string version = good;
        version[6] = 4;
        write_all(dir / "version.npy", version);
        expect_load_error(dir / "version.npy", "unsupported .npy format version 4.0");
        std::string garbage = good;
        garbage.replace(garbage.find("'shape'"), 7, "'shapf'");
        write_all(dir / "key.npy", garbage);
        expect_load_error(dir / "key.npy", "invalid header (unknown key 'shapf')");
        expect_load_error(dir / "missing.npy", "cannot open the file");
    });
}

TEST(NpyErrors, UnsupportedDtypes) {
    expect_load_error<gpu::type_error>((data_dir() / "object.npy").string(), "object arrays");
    expect_load_error<gpu::type_error>((data_dir() / "structured.npy").string(), "structured dtypes");
    expect_load_error<gpu::type_error>((data_dir() / "datetime.npy").string(), "the dtype '<M8[D]' is not supported");
}

TEST(NpzErrors, CorruptArchives) {
    temp_dir dir;
    const std::string z = read_all(data_dir() / "mixed.npz");
    write_all(dir / "cut.npz", z.substr(0, z.size() / 2));
    EXPECT_NE(message_of<gpu::value_error>([&] { (void)gpu::load_npz(dir / "cut.npz"); }).find("no end of central directory"),
              std::string::npos);
    std::string flipped = z;
    const auto at = flipped.find("NUMPY") - 1 + 128 + 4;  // inside the first member's data
    flipped[at] = static_cast<char>(flipped[at] ^ 0x55);
    write_all(dir / "flipped.npz", flipped);
    EXPECT_NE(message_of<gpu::value_error>([&] { (void)gpu::load_npz(dir / "flipped.npz"); }).find("CRC-32 mismatch"),
              std::string::npos);
    write_all(dir / "npy_as_npz.npz", read_all(data_dir() / "float32.npy"));
    EXPECT_NE(message_of<gpu::value_error>([&] { (void)gpu::load_npz(dir / "npy_as_npz.npz"); }).find("not a zip"),
              std::string::npos);
    EXPECT_THROW((void)gpu::savez(dir / "dup", {{"a", gpu::ndarray<int>()}, {"a", gpu::ndarray<int>()}}), gpu::value_error);
    EXPECT_FALSE(fs::exists(dir / "dup.npz"));
}

TEST(NpyErrors, FailedSaveLeavesNoFile) {
    temp_dir dir;
    gpu_test::for_each_executor([&] {
        // A file size limit makes the write fail midway (EFBIG instead of SIGXFSZ).
        const auto a = gpu::ndarray<double>(gpu::shape_t{1 << 16});
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 4096;
        ::setrlimit(RLIMIT_FSIZE, &small);
        const std::string m = message_of<gpu::value_error>([&] { gpu::save(dir / "big.npy", a); });
        const std::string mz = message_of<gpu::value_error>([&] { gpu::savez(dir / "big.npz", {{"a", a}}); });
        ::setrlimit(RLIMIT_FSIZE, &old);
        EXPECT_NE(m.find("write error"), std::string::npos) << m;
        EXPECT_NE(mz.find("write error"), std::string::npos) << mz;
        EXPECT_TRUE(fs::is_empty(dir.path)) << "a partial or temporary file was left";
    });
    EXPECT_THROW(gpu::save(dir / "no_such_dir/x.npy", gpu::ndarray<float>()), gpu::value_error);
}

}  // namespace
