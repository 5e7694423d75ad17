#pragma once
// NumPy's matmul geometry: 1-D operands promoted (a vector on the left is a row, on the right a
// column) and the added axis removed from the result, batch dimensions broadcast, NumPy's
// messages for missing and mismatched core dimensions. Also how an operand's view reads as a
// BLAS matrix: row-major or column-major with a leading dimension, or neither (then copied).
#include <algorithm>
#include <cstdint>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/kernel/geometry.hpp"

namespace gpu::detail {

inline constexpr const char matmul_signature[] = "(n?,k),(k,m?)->(n?,m?)";

// One product of the batch: C (n x m, C-contiguous) = A (n x k) B (k x m), with A's and B's
// element strides; batches over `batch` with broadcast batch strides (0 where stretched).
struct matmul_plan {
    std::int64_t n = 1, k = 1, m = 1;
    std::int64_t a_rs = 0, a_cs = 0, b_rs = 0, b_cs = 0;
    shape_t batch;             // broadcast batch shape
    strides_t a_bs, b_bs;      // batch strides of A and B, per batch axis
    shape_t out_shape;         // batch + (n?) + (m?)
};

// A matrix view as BLAS reads it: row-major (element (i, j) at i * ld + j) or column-major
// (at i + j * ld), ld >= the extent BLAS requires; ok is false when neither describes it.
struct blas_layout {
    bool ok = false;
    bool row_major = true;
    std::int64_t ld = 1;
};

inline blas_layout blas_layout_of(std::int64_t rows, std::int64_t cols, std::int64_t rs, std::int64_t cs) {
    const std::int64_t r1 = std::max<std::int64_t>(1, rows), c1 = std::max<std::int64_t>(1, cols);
    if ((cols <= 1 || cs == 1) && (rows <= 1 || rs >= c1)) return {true, true, rows <= 1 ? c1 : rs};
    if ((rows <= 1 || rs == 1) && (cols <= 1 || cs >= r1)) return {true, false, cols <= 1 ? r1 : cs};
    return {};
}

[[noreturn]] inline void throw_matmul_core_mismatch(std::int64_t kb, std::int64_t ka) {
    throw value_error(std::string("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ") +
                      matmul_signature + " (size " + std::to_string(kb) + " is different from " + std::to_string(ka) + ")");
}

template <class A, class B>
matmul_plan plan_matmul(const ndarray<A>& a, const ndarray<B>& b) {
    for (int i = 0; i < 2; ++i) {
        const int nd = i == 0 ? a.ndim() : b.ndim();
        if (nd == 0)
            throw value_error("matmul: Input operand " + std::to_string(i) +
                              " does not have enough dimensions (has 0, gufunc core with signature " + matmul_signature +
                              " requires 1)");
    }
    matmul_plan p;
    const int na = a.ndim(), nb = b.ndim();
    const shape_t& as = a.shape();
    const shape_t& bs = b.shape();
    if (na == 1) {
        p.n = 1, p.k = as[0], p.a_rs = 0, p.a_cs = a.strides()[0];
    } else {
        p.n = as[na - 2], p.k = as[na - 1], p.a_rs = a.strides()[na - 2], p.a_cs = a.strides()[na - 1];
    }
    std::int64_t kb;
    if (nb == 1) {
        kb = bs[0], p.m = 1, p.b_rs = b.strides()[0], p.b_cs = 0;
    } else {
        kb = bs[nb - 2], p.m = bs[nb - 1], p.b_rs = b.strides()[nb - 2], p.b_cs = b.strides()[nb - 1];
    }
    if (kb != p.k) throw_matmul_core_mismatch(kb, p.k);
    shape_t a_batch, b_batch;
    strides_t a_bst, b_bst;
    for (int d = 0; d + 2 < na; ++d) a_batch.push_back(as[d]), a_bst.push_back(a.strides()[d]);
    for (int d = 0; d + 2 < nb; ++d) b_batch.push_back(bs[d]), b_bst.push_back(b.strides()[d]);
    // Batch shapes that do not broadcast: NumPy's gufunc message.
    const int nbatch = std::max(a_batch.size(), b_batch.size());
    for (int d = 0; d < nbatch; ++d) {
        const int ia = a_batch.size() - nbatch + d, ib = b_batch.size() - nbatch + d;
        const std::int64_t ea = ia >= 0 ? a_batch[ia] : 1, eb = ib >= 0 ? b_batch[ib] : 1;
        if (ea != eb && ea != 1 && eb != 1) {
            auto remapped = [](const shape_t& s, int nd) {
                std::string r = to_string(s) + "->(";
                for (int i = 0; i + 2 < nd; ++i) r += std::to_string(s[i]) + ",";
                r += nd >= 2 ? "newaxis,newaxis)" : "newaxis)";
                return r;
            };
            shape_t core;
            if (na > 1) core.push_back(p.n);
            if (nb > 1) core.push_back(p.m);
            throw shape_error("operands could not be broadcast together with remapped shapes [original->remapped]: " +
                              remapped(as, na) + " " + remapped(bs, nb) + "  and requested shape " + to_string(core));
        }
        p.batch.push_back(std::max(ea, eb) == 1 ? std::min(ea, eb) : std::max(ea, eb));
    }
    p.a_bs = broadcast_strides(p.batch, a_batch, a_bst);
    p.b_bs = broadcast_strides(p.batch, b_batch, b_bst);
    p.out_shape = p.batch;
    if (na > 1) p.out_shape.push_back(p.n);
    if (nb > 1) p.out_shape.push_back(p.m);
    return p;
}

}  // namespace gpu::detail
