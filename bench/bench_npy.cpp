// .npy files of 1 GiB: gpu::save and gpu::load of a float32 device array, beside what the file
// system itself does in the same run (write() of 1 GiB from host memory and read() of it back
// into host memory, the same chunk size), so the figures say how much of the file system's speed
// the library keeps. Wall-clock GB/s. The file lives in $GPU_NDARRAY_BENCH_DIR (default /tmp);
// a warm page cache is what is measured (the files are written just before they are read).
#include <fcntl.h>
#include <unistd.h>

#include <gpu/npy.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"

namespace {

constexpr std::int64_t n = std::int64_t{1} << 28;  // 1 GiB of float32
constexpr std::size_t bytes = static_cast<std::size_t>(n) * sizeof(float);
constexpr std::size_t piece = std::size_t{8} << 20;

std::string dir() {
    const char* d = std::getenv("GPU_NDARRAY_BENCH_DIR");
    return d ? d : "/tmp";
}
std::string npy_path() { return dir() + "/gpu_nd_bench.npy"; }
std::string raw_path() { return dir() + "/gpu_nd_bench.raw"; }

gpu::ndarray<float>& device_array() {
    static gpu::ndarray<float> a = gpu::ones<float>(gpu::shape_t{n});
    return a;
}
std::vector<char>& host_buffer() {
    static std::vector<char> v(bytes, 1);
    return v;
}

template <class F>
void timed(benchmark::State& state, F&& f) {
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    state.counters["GB/s"] = benchmark::Counter(double(bytes) * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_npy_save(benchmark::State& state) {
    timed(state, [] { gpu::save(npy_path(), device_array()); });
}
void BM_npy_load(benchmark::State& state) {
    gpu::save(npy_path(), device_array());
    timed(state, [] { benchmark::DoNotOptimize(gpu::load<float>(npy_path()).data()); });
}
// The file system alone: write() and read() of 1 GiB of host memory in 8 MiB pieces.
void BM_fs_write(benchmark::State& state) {
    timed(state, [] {
        const int fd = ::open(raw_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        for (std::size_t off = 0; off < bytes; off += piece)
            if (::write(fd, host_buffer().data() + off, piece) < 0) std::abort();
        ::close(fd);
    });
}
void BM_fs_read(benchmark::State& state) {
    timed(state, [] {
        const int fd = ::open(raw_path().c_str(), O_RDONLY);
        for (std::size_t off = 0; off < bytes; off += piece)
            if (::read(fd, host_buffer().data() + off, piece) < 0) std::abort();
        ::close(fd);
    });
}

BENCHMARK(BM_fs_write)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_npy_save)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_fs_read)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_npy_load)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
    const int rc = bench::run_main(argc, argv, "bench_npy", false);
    std::filesystem::remove(npy_path());
    std::filesystem::remove(raw_path());
    return rc;
}
