// The fuzzer's node evaluation for float16, float32, float64 and complex64 (see fuzz_ops.hpp).
#include "fuzz_ops.hpp"

FZ_DEFINE_ENTRY(9, gpu::float16)
FZ_DEFINE_ENTRY(10, float)
FZ_DEFINE_ENTRY(11, double)
FZ_DEFINE_ENTRY(12, std::complex<float>)
