#pragma once
// 64-bit FNV-1a: names disk-cache entries and checksums their payloads. Not cryptographic; the
// cache also stores and compares the full key, so a collision is a miss, never a wrong kernel.
#include <cstdint>
#include <string_view>

namespace gpu::detail {

inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ull) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

}  // namespace gpu::detail
