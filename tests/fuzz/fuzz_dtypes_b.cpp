// The fuzzer's node evaluation for the unsigned integers (see fuzz_ops.hpp).
#include "fuzz_ops.hpp"

FZ_DEFINE_ENTRY(5, std::uint8_t)
FZ_DEFINE_ENTRY(6, std::uint16_t)
FZ_DEFINE_ENTRY(7, std::uint32_t)
FZ_DEFINE_ENTRY(8, std::uint64_t)
