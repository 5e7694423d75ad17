// Host time of the interop calls a binding makes per exchange: gpu::to_dlpack + the deleter,
// to_dlpack + from_dlpack (a zero-copy round trip, then release), and gpu::adopt of external
// memory. No GPU work: these are the per-call overheads a Python binding adds to
// torch.from_dlpack / cupy.from_dlpack of a gpu_ndarray array.
#include <gpu/interop.hpp>

#include "bench_support.hpp"

namespace {

const gpu::ndarray<float>& array() {
    static const gpu::ndarray<float> a = gpu::zeros<float>(gpu::shape_t{1024, 1024});
    return a;
}

void BM_to_dlpack(benchmark::State& state) {
    for (auto _ : state) {
        auto* m = gpu::to_dlpack(array());
        m->deleter(m);
    }
}
void BM_dlpack_round_trip(benchmark::State& state) {
    for (auto _ : state) {
        auto b = gpu::from_dlpack<float>(gpu::to_dlpack(array()));
        benchmark::DoNotOptimize(b.data());
    }
}
void BM_adopt(benchmark::State& state) {
    const std::shared_ptr<void> owner = array().buffer();
    for (auto _ : state) {
        auto b = gpu::adopt(array().data(), {1024, 1024}, owner);
        benchmark::DoNotOptimize(b.data());
    }
}

BENCHMARK(BM_to_dlpack);
BENCHMARK(BM_dlpack_round_trip);
BENCHMARK(BM_adopt);

}  // namespace

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_interop", false); }
