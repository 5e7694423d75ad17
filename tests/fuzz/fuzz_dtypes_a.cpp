// The fuzzer's node evaluation for bool and the signed integers (see fuzz_ops.hpp).
#include "fuzz_ops.hpp"

FZ_DEFINE_ENTRY(0, bool)
FZ_DEFINE_ENTRY(1, std::int8_t)
FZ_DEFINE_ENTRY(2, std::int16_t)
FZ_DEFINE_ENTRY(3, std::int32_t)
FZ_DEFINE_ENTRY(4, std::int64_t)
