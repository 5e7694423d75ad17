#pragma once
// CUB's onesweep radix sort kernels (CCCL, shipped with the CUDA toolkit), compiled at run time by
// NVRTC through the one kernel cache. Only CUB's kernel entry points and block-level code are
// compiled (cub/device/dispatch/kernels/radix_sort.cuh); CUB's host dispatch does not compile
// under NVRTC, so the passes are driven by sorting/radix_sort.hpp.
//
// The tuning policy is ours, with the numbers of CUB's sm_90 policy (tuning_radix_sort.cuh,
// OnesweepSmallKeyTunedPolicy), computed on the host (onesweep_tuning) and written into the
// kernel's name expression, so the host's tile size and the device's are one number.
//
// The disk-cache key is the whole source: it starts with the CCCL version found at run time
// (GND_CCCL_VERSION, checked against the headers by a static_assert), so a toolkit update with
// new CUB headers never reuses an old cubin.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>

#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"

namespace gpu::detail {

// CUB's radix digit width of the onesweep passes (ONESWEEP_RADIX_BITS).
inline constexpr int onesweep_radix_bits = 8;
inline constexpr int onesweep_digits = 1 << onesweep_radix_bits;
// The histogram and exclusive-sum policies of sm_90.
inline constexpr int radix_histogram_threads = 128, radix_histogram_items = 16;
inline constexpr int radix_scan_threads = 256;

// Keys-only sorts carry no values: V = no_values (cub::NullType on the device).
struct no_values {};

template <class V>
constexpr int value_bytes() {
    if constexpr (std::is_same_v<V, no_values>) return 0;
    else return sizeof(V);
}

struct onesweep_tuning {
    int threads, items;
    constexpr int tile() const { return threads * items; }
};

// CUB's sm_90 onesweep policy for keys K, values V, global offsets Off (RegBoundScaling applied:
// items scaled to the dominant type's size, threads capped by 48 KiB of shared memory).
template <class K, class V, class Off>
constexpr onesweep_tuning onesweep_tuning_for() {
    constexpr int ks = sizeof(K), vs = value_bytes<V>(), os = sizeof(Off);
    constexpr bool keys_only = vs == 0, off64 = os == 8;
    int threads = 384, items = 23;
    if constexpr (ks < 4) {
        // sm90_small_key_tuning<KeySize, ValueSize, OffsetSize>
        if (keys_only) threads = 512, items = 19;
        else if (ks == 1) {
            if (vs == 1) threads = off64 ? 448 : 512, items = off64 ? 16 : 15;
            else if (vs == 2) threads = 512, items = off64 ? 14 : 17;
            else if (vs == 4) threads = 512, items = off64 ? 14 : 17;
            else threads = 384, items = off64 ? 18 : 23;
        } else {
            if (vs == 1) threads = 384, items = off64 ? 16 : 14;
            else if (vs == 2) threads = off64 ? 448 : 384, items = off64 ? 16 : 15;
            else if (vs == 4) threads = 512, items = off64 ? 12 : 17;
            else threads = off64 ? 512 : 384, items = 23;
        }
    } else if constexpr (ks == 4) {
        items = keys_only ? 20 - int(off64) - int(std::is_same_v<K, float>) : (vs < 8 ? (off64 ? 17 : 23) : (off64 ? 29 : 30));
    } else {
        items = vs < 8 ? 30 : 24;
    }
    const int dominant = std::max(ks, vs);
    const int scaled_items = std::max(1, items * 4 / std::max(4, dominant));
    const int smem_cap = (48 * 1024 / (dominant * scaled_items) + 31) / 32 * 32;
    return {std::min(threads, smem_cap), scaled_items};
}

// The CCCL version of the headers NVRTC will include (CCCL_VERSION, e.g. 3000001), read once from
// <toolkit>/include/cccl/cuda/std/__cccl/version.h; 0 when not found.
inline long cccl_version() {
    static const long v = [] {
        std::string inc = toolkit_include_option();
        if (inc.size() < 3) return 0L;
        std::ifstream in(inc.substr(2) + "/cccl/cuda/std/__cccl/version.h");
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream words(line);
            std::string hash, name;
            long value = 0;
            if (words >> hash >> name >> value && hash == "#define" && name == "CCCL_VERSION") return value;
        }
        return 0L;
    }();
    return v;
}

// NVRTC options of the CUB kernels: the toolkit's include directory and its cccl/ directory.
inline std::vector<std::string> cub_options() {
    const std::string& inc = toolkit_include_option();
    if (inc.empty() || cccl_version() == 0)
        throw error("gpu::sort needs the CUDA toolkit's CCCL headers (include/cccl/cub) at run time; "
                    "set CUDA_PATH to the toolkit");
    return {inc, inc + "/cccl"};
}

// Our policy (CUB's ChainedPolicy protocol: ActivePolicy names the policy the kernels read).
inline constexpr const char radix_sort_source[] = R"(
#include <cub/device/dispatch/kernels/radix_sort.cuh>
static_assert(CCCL_VERSION == GND_CCCL_VERSION, "the CCCL headers differ from the version in the cache key");
namespace gnd {
template <int Threads, int Items> struct onesweep_scaling {
  static constexpr int BLOCK_THREADS = Threads, ITEMS_PER_THREAD = Items;
};
template <class KeyT, int Threads, int Items> struct radix_policy {
  using ActivePolicy = radix_policy;
  using HistogramPolicy = cub::AgentRadixSortHistogramPolicy<GND_HIST_THREADS, GND_HIST_ITEMS, 1, KeyT, GND_RADIX_BITS>;
  using ExclusiveSumPolicy = cub::AgentRadixSortExclusiveSumPolicy<GND_SCAN_THREADS, GND_RADIX_BITS>;
  using OnesweepPolicy = cub::AgentRadixSortOnesweepPolicy<Threads, Items, KeyT, 1, cub::RADIX_RANK_MATCH_EARLY_COUNTS_ANY,
      cub::BLOCK_SCAN_RAKING_MEMOIZE, cub::RADIX_SORT_STORE_DIRECT, GND_RADIX_BITS, onesweep_scaling<Threads, Items>>;
};
}  // namespace gnd
)";

inline std::string radix_unit() {
    return kernel_unit({}, "#define GND_CCCL_VERSION " + std::to_string(cccl_version()) +
           "\n#define GND_HIST_THREADS " + std::to_string(radix_histogram_threads) +
           "\n#define GND_HIST_ITEMS " + std::to_string(radix_histogram_items) +
           "\n#define GND_SCAN_THREADS " + std::to_string(radix_scan_threads) +
           "\n#define GND_RADIX_BITS " + std::to_string(onesweep_radix_bits) + "\n" + radix_sort_source);
}

template <class T>
std::string cub_type_name() {
    if constexpr (std::is_same_v<T, no_values>) return "cub::NullType";
    else return cuda_type_name<T>();
}

// The policy of keys K: histogram and exclusive sum read only its fixed parts, so every value
// type shares those kernels (the policy names the keys-only tuning).
template <class K, class V, class Off>
std::string radix_policy_name() {
    constexpr onesweep_tuning t = onesweep_tuning_for<K, V, Off>();
    return std::string("gnd::radix_policy<") + cuda_type_name<K>() + ", " + std::to_string(t.threads) + ", " +
           std::to_string(t.items) + ">";
}

// Kernel-cache keys (one slot each).
template <class K, class Off>
struct radix_histogram_kernel {
    static kernel_source source() {
        return {radix_unit(),
                "cub::detail::radix_sort::DeviceRadixSortHistogramKernel<" + radix_policy_name<K, no_values, Off>() +
                    ", cub::SortOrder::Ascending, " + cuda_type_name<K>() + ", " + cuda_type_name<Off>() + ">",
                true, cub_options(), "CUB's radix sort histogram kernel", false};
    }
};

template <class Off>
struct radix_exclusive_sum_kernel {
    static kernel_source source() {
        return {radix_unit(),
                "cub::detail::radix_sort::DeviceRadixSortExclusiveSumKernel<" +
                    radix_policy_name<unsigned int, no_values, Off>() + ", " + cuda_type_name<Off>() + ">",
                true, cub_options(), "CUB's radix sort exclusive-sum kernel", false};
    }
};

// Portion offsets (within at most 2^28 items) and the look-back counters are int, as in CUB.
template <class K, class V, class Off>
struct radix_onesweep_kernel {
    static kernel_source source() {
        return {radix_unit(),
                "cub::detail::radix_sort::DeviceRadixSortOnesweepKernel<" + radix_policy_name<K, V, Off>() +
                    ", cub::SortOrder::Ascending, " + cuda_type_name<K>() + ", " + cub_type_name<V>() + ", " +
                    cuda_type_name<Off>() + ", int, int>",
                true, cub_options(), "CUB's onesweep radix sort kernel", false};
    }
};

}  // namespace gpu::detail
