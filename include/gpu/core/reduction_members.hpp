#pragma once
// The reduction members an ndarray and an expression both have (NumPy's a.sum(axis, keepdims)
// and the rest), declared once; each class defines them beside the free functions
// (reductions/reduce.hpp, reductions/stats.hpp).
#define GPU_ND_REDUCTION_DECL(NAME)                            \
    auto NAME() const;                                         \
    auto NAME(std::int64_t axis, bool keepdims = false) const; \
    auto NAME(none_t, bool keepdims = false) const;
#define GPU_ND_REDUCTION_DECL_DIMS(NAME)                      \
    GPU_ND_REDUCTION_DECL(NAME)                               \
    auto NAME(const dims& axes, bool keepdims = false) const;
#define GPU_ND_STAT_DECL(NAME)                                                        \
    auto NAME() const;                                                                \
    auto NAME(std::int64_t axis, bool keepdims = false, std::int64_t ddof = 0) const; \
    auto NAME(const dims& axes, bool keepdims = false, std::int64_t ddof = 0) const;  \
    auto NAME(none_t, bool keepdims = false, std::int64_t ddof = 0) const;
#define GPU_ND_REDUCTION_MEMBERS     \
    GPU_ND_REDUCTION_DECL_DIMS(sum)  \
    GPU_ND_REDUCTION_DECL_DIMS(prod) \
    GPU_ND_REDUCTION_DECL_DIMS(min)  \
    GPU_ND_REDUCTION_DECL_DIMS(max)  \
    GPU_ND_REDUCTION_DECL_DIMS(mean) \
    GPU_ND_REDUCTION_DECL_DIMS(any)  \
    GPU_ND_REDUCTION_DECL_DIMS(all)  \
    GPU_ND_REDUCTION_DECL(argmin)    \
    GPU_ND_REDUCTION_DECL(argmax)    \
    GPU_ND_STAT_DECL(var)            \
    GPU_ND_STAT_DECL(std)
