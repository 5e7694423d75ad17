#pragma once
// The host executor's reductions: plain loops over the same plan as the kernels.
#include <cstdint>

#include "gpu/reductions/plan.hpp"
#include "gpu/reductions/reduce_ops.hpp"

namespace gpu::detail {

// ---- the host executor -------------------------------------------------------------------------

// Plain loops over the same plan. Elements are folded in blocks of 1024 whose results are then
// combined, which keeps float sums about as accurate as the GPU's tree.
template <class Red, class E, int N>
void run_reduce_host(const E& e, const reduce_plan<N>& p, double divisor) {
    using Op = typename Red::op;
    using A = typename Red::acc;
    using R = typename Red::result;
    std::array<const void*, N> ptrs;
    for (int k = 0; k < N; ++k) ptrs[k] = p.ptrs[k + 1];
    std::array<std::int64_t, N> offs{};
    std::array<std::int64_t, N + 1> kb{}, rb{};
    R* dst = static_cast<R*>(const_cast<void*>(p.ptrs[0]));
    const auto& K = p.kept;
    const auto& D = p.reduced;
    shape_t ki = dims::filled(K.rank(), 0), ri = dims::filled(D.rank(), 0);
    for (std::int64_t row = 0; row < p.rows; ++row) {
        rb.fill(0);
        A total = Op::identity(), blk = Op::identity();
        int count = 0;
        for (std::int64_t j = 0; j < p.m; ++j) {
            for (int k = 0; k < N; ++k) offs[k] = kb[k + 1] + rb[k + 1];
            blk = Op::combine(blk, Op::make(e.template at<0>(ptrs.data(), offs.data()), rb[0]));
            if (++count == 1024) total = Op::combine(total, blk), blk = Op::identity(), count = 0;
            for (int d = D.rank() - 1; d >= 0; --d) {  // odometer over the reduced axes
                for (int k = 0; k <= N; ++k) rb[k] += D.strides[k][d];
                if (++ri[d] < D.shape[d]) break;
                for (int k = 0; k <= N; ++k) rb[k] -= D.shape[d] * D.strides[k][d];
                ri[d] = 0;
            }
        }
        total = Op::combine(total, blk);
        dst[kb[0]] = Op::template finalize<R>(total, divisor);
        for (int d = K.rank() - 1; d >= 0; --d) {  // odometer over the kept axes
            for (int k = 0; k <= N; ++k) kb[k] += K.strides[k][d];
            if (++ki[d] < K.shape[d]) break;
            for (int k = 0; k <= N; ++k) kb[k] -= K.shape[d] * K.strides[k][d];
            ki[d] = 0;
        }
    }
}

}  // namespace gpu::detail
