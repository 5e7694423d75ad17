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

// fnv1a(bytes, a) and fnv1a(bytes, b) in one pass: two independent multiply chains, so about the
// time of one (each is bound by the multiply's latency).
struct fnv1a_pair {
    std::uint64_t a, b;
};
inline fnv1a_pair fnv1a2(std::string_view bytes, std::uint64_t a, std::uint64_t b) {
    for (unsigned char c : bytes) {
        a = (a ^ c) * 0x100000001b3ull;
        b = (b ^ c) * 0x100000001b3ull;
    }
    return {a, b};
}

}  // namespace gpu::detail
