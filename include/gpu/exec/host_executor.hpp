#pragma once
// The host executor: runs an expression on the CPU with the same scalar code the kernels use.
// It is the test oracle on machines without a GPU and the fallback when no device is present.
#include <array>
#include <cstdint>

#include "gpu/exec/layout.hpp"
#include "gpu/kernel/head.hpp"

namespace gpu::detail {

template <class Out, class E>
void run_on_host(Out& out, const E& e) {
    const auto l = make_layout(out, e);
    if (l.size == 0) return;
    constexpr int K = E::n_arrays + 1;
    const int r = l.rank();
    // Leaf k of the expression reads ptrs[k] at offs[k]; the output is operand 0.
    std::array<const void*, K> ptrs = l.ptrs;
    std::array<std::int64_t, K> offs{};
    shape_t index = dims::filled(r, 0);
    const auto dst = output_sink(out);
    const std::int64_t inner = l.shape[r - 1];
    for (;;) {
        for (std::int64_t i = 0; i < inner; ++i) {
            store_output(dst, offs[0], e.template at<0>(ptrs.data() + 1, offs.data() + 1));
            for (int k = 0; k < K; ++k) offs[k] += l.strides[k][r - 1];
        }
        for (int k = 0; k < K; ++k) offs[k] -= inner * l.strides[k][r - 1];
        // Advance the outer multi-index like an odometer.
        int d = r - 2;
        for (; d >= 0; --d) {
            for (int k = 0; k < K; ++k) offs[k] += l.strides[k][d];
            if (++index[d] < l.shape[d]) break;
            for (int k = 0; k < K; ++k) offs[k] -= l.shape[d] * l.strides[k][d];
            index[d] = 0;
        }
        if (d < 0) return;
    }
}

}  // namespace gpu::detail
