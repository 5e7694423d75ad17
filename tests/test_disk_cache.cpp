// The disk kernel cache: hits return the stored cubin, anything corrupt, truncated or foreign is
// a miss, an unusable directory degrades to memory-only, and processes sharing a directory never
// see half-written entries. NVRTC needs no GPU, so all of this runs in CI.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpu/ndarray.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using gpu::detail::disk_cache;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("gpu_ndarray_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

const std::string kSource = "extern \"C\" __global__ void gnd_kernel(float* out, const float* p0, const int n) {"
                            " int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) out[i] = p0[i] * 2.0f; }";

std::vector<char> compile_reference() {
    return gpu::detail::compile_cubin(kSource, gpu::detail::compile_target{9, 0});
}

void overwrite(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(DiskCache, StoreThenLoadGivesTheSameCubin) {
    disk_cache cache(fresh_dir("roundtrip"));
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    EXPECT_FALSE(cache.load(key).has_value());
    const auto cubin = compile_reference();
    cache.store(key, cubin);
    const auto hit = cache.load(key);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(*hit, cubin);
    // Another architecture or source is another key, and a miss.
    EXPECT_FALSE(cache.load(gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {8, 0})).has_value());
    EXPECT_FALSE(cache.load(gpu::detail::cache_key(gpu::detail::kernel_source{kSource + " "}, {9, 0})).has_value());
    // No temporary files are left behind.
    for (const auto& entry : fs::directory_iterator(cache.dir()))
        EXPECT_EQ(entry.path().extension(), ".cubin") << entry.path();
}

TEST(DiskCache, KeyHoldsVersionsOptionsAndArchitecture) {
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    EXPECT_NE(key.find("gpu_ndarray " GPU_NDARRAY_VERSION_STRING), std::string::npos);
    EXPECT_NE(key.find("nvrtc " + gpu::detail::nvrtc_version()), std::string::npos);
    EXPECT_NE(key.find("--gpu-architecture=sm_90"), std::string::npos);
    EXPECT_NE(key.find(kSource), std::string::npos);
}

// A template kernel is instantiated by a name expression; the entry keeps its lowered name, so a
// later process (here: a second lookup through the same directory) neither recompiles nor asks
// NVRTC for the name again.
TEST(DiskCache, TemplateKernelsKeepTheirLoweredName) {
    disk_cache cache(fresh_dir("lowered"));
    const gpu::detail::kernel_source src{
        "namespace gnd { template <class T, int N> __global__ void twice(T* p) { p[threadIdx.x] *= T(N); } }",
        "gnd::twice<float, 2>", true};
    const gpu::detail::compile_target t{9, 0};
    const long compiled = gpu::detail::jit_counters().compiled, hits = gpu::detail::jit_counters().disk_hits;
    const auto first = gpu::detail::compiled_for(src, t, cache);
    EXPECT_EQ(first.symbol, "_ZN3gnd5twiceIfLi2EEEvPT_");
    const auto again = gpu::detail::compiled_for(src, t, cache);
    EXPECT_EQ(gpu::detail::jit_counters().compiled, compiled + 1);
    EXPECT_EQ(gpu::detail::jit_counters().disk_hits, hits + 1);
    EXPECT_EQ(again.symbol, first.symbol);
    EXPECT_EQ(again.cubin, first.cubin);
    // Another instantiation of the same text is another entry.
    gpu::detail::kernel_source other = src;
    other.entry = "gnd::twice<int, 3>";
    EXPECT_EQ(gpu::detail::compiled_for(other, t, cache).symbol, "_ZN3gnd5twiceIiLi3EEEvPT_");
    EXPECT_EQ(gpu::detail::jit_counters().compiled, compiled + 2);
}

TEST(DiskCache, CorruptTruncatedOrForeignEntriesAreMisses) {
    disk_cache cache(fresh_dir("corrupt"));
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    const auto cubin = compile_reference();
    cache.store(key, cubin);
    const fs::path path = cache.entry_path(key);
    const std::string good = read_all(path);
    ASSERT_GT(good.size(), cubin.size());

    std::string flipped = good;
    flipped[flipped.size() - 10] ^= 0x5a;  // a bit flip in the cubin: the checksum catches it
    overwrite(path, flipped);
    EXPECT_FALSE(cache.load(key).has_value());

    overwrite(path, good.substr(0, good.size() / 2));  // a partial write
    EXPECT_FALSE(cache.load(key).has_value());

    overwrite(path, "");
    EXPECT_FALSE(cache.load(key).has_value());

    overwrite(path, std::string(4096, 'x'));  // not an entry at all
    EXPECT_FALSE(cache.load(key).has_value());

    std::string other_key = good;  // a valid entry whose stored key differs (a hash collision)
    other_key[40] ^= 1;
    overwrite(path, other_key);
    EXPECT_FALSE(cache.load(key).has_value());

    // After a miss the entry is rewritten and hits again.
    cache.store(key, cubin);
    ASSERT_TRUE(cache.load(key).has_value());
    EXPECT_EQ(*cache.load(key), cubin);
}

TEST(DiskCache, UnwritableDirectoryDegradesToMemoryOnly) {
    // A directory below a regular file cannot be created, even by root.
    const fs::path base = fresh_dir("unwritable");
    fs::create_directories(base);
    overwrite(base / "file", "x");
    disk_cache cache(base / "file" / "cache");
    ASSERT_TRUE(cache.enabled());
    testing::internal::CaptureStderr();
    EXPECT_NO_THROW(cache.store("key", std::vector<char>{1, 2, 3}));
    EXPECT_NO_THROW(cache.store("key2", std::vector<char>{1, 2, 3}));
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(cache.enabled());
    EXPECT_FALSE(cache.load("key").has_value());
    // One warning, naming the directory.
    EXPECT_NE(err.find("not usable"), std::string::npos) << err;
    EXPECT_EQ(err.find("not usable"), err.rfind("not usable")) << err;
}

// A read-only directory (a shared, pre-filled cache): its entries still hit, and a store neither
// throws nor breaks later loads. Root ignores the permission bits (CI runs as root), so the store
// is only required to fail, with one warning, when the process is not root.
TEST(DiskCache, ReadOnlyDirectoryStillServesItsEntries) {
    const fs::path dir = fresh_dir("readonly");
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    const std::string other = gpu::detail::cache_key(gpu::detail::kernel_source{kSource + "\n"}, {9, 0});
    const auto cubin = compile_reference();
    disk_cache(dir).store(key, cubin);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    disk_cache cache(dir);
    ASSERT_TRUE(cache.load(key).has_value());
    EXPECT_EQ(*cache.load(key), cubin);
    testing::internal::CaptureStderr();
    EXPECT_NO_THROW(cache.store(other, cubin));
    EXPECT_NO_THROW(cache.store(other, cubin));
    const std::string err = testing::internal::GetCapturedStderr();
    if (::geteuid() != 0) {
        EXPECT_FALSE(cache.enabled());
        EXPECT_NE(err.find("not usable"), std::string::npos) << err;
        EXPECT_EQ(err.find("not usable"), err.rfind("not usable")) << err;
        for (const auto& entry : fs::directory_iterator(dir)) EXPECT_EQ(entry.path().extension(), ".cubin");
    }
    // The entry that was there is intact for the next process.
    EXPECT_EQ(*disk_cache(dir).load(key), cubin);
    fs::permissions(dir, fs::perms::owner_all);
    fs::remove_all(dir);
}

// A writer that died mid-store leaves its temporary file: later loads and stores ignore it.
TEST(DiskCache, StaleTemporaryOfACrashedWriterIsIgnored) {
    disk_cache cache(fresh_dir("stale"));
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    const auto cubin = compile_reference();
    cache.store(key, cubin);
    const fs::path path = cache.entry_path(key);
    const std::string good = read_all(path);
    overwrite(path.string() + ".tmp.999999.0", good.substr(0, good.size() / 3));  // a partial write, never renamed
    fs::remove(path);
    EXPECT_FALSE(cache.load(key).has_value());
    cache.store(key, cubin);
    ASSERT_TRUE(cache.load(key).has_value());
    EXPECT_EQ(*cache.load(key), cubin);
    EXPECT_TRUE(cache.enabled());
}

TEST(DiskCache, TwoProcessesShareADirectory) {
    const fs::path dir = fresh_dir("processes");
    const std::string key = gpu::detail::cache_key(gpu::detail::kernel_source{kSource}, {9, 0});
    const auto cubin = compile_reference();
    // Both children write the same entry many times while reading it back; every read must
    // be a miss or the exact cubin, never a partial entry.
    pid_t children[2];
    for (pid_t& child : children) {
        child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            disk_cache cache(dir);
            int bad = 0;
            for (int i = 0; i < 200; ++i) {
                cache.store(key, cubin);
                auto hit = cache.load(key);
                if (hit && *hit != cubin) ++bad;
            }
            ::_exit(bad == 0 && cache.enabled() ? 0 : 1);
        }
    }
    for (pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    disk_cache cache(dir);
    ASSERT_TRUE(cache.load(key).has_value());
    EXPECT_EQ(*cache.load(key), cubin);
    for (const auto& entry : fs::directory_iterator(dir)) EXPECT_EQ(entry.path().extension(), ".cubin");
}

}  // namespace
