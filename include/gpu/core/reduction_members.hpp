#pragma once
// The reduction members an ndarray and an expression both have (NumPy's a.sum(axis, keepdims)
// and the rest), declared once; each class defines them beside the free functions
// (reductions/reduce.hpp, reductions/stats.hpp).
#define GPU_ND_REDUCTION_MEMBER(NAME)                          \
    auto NAME() const;                                         \
    auto NAME(std::int64_t axis, bool keepdims = false) const; \
    auto NAME(none_t, bool keepdims = false) const;
#define GPU_ND_REDUCTION_MEMBER_DIMS(NAME) \
    GPU_ND_REDUCTION_MEMBER(NAME)          \
    auto NAME(const dims& axes, bool keepdims = false) const;
#define GPU_ND_STAT_MEMBER(NAME)                                                         \
    auto NAME() const;                                                                   \
    auto NAME(std::int64_t axis, bool keepdims = false, std::int64_t ddof = 0) const;    \
    auto NAME(const dims& axes, bool keepdims = false, std::int64_t ddof = 0) const;     \
    auto NAME(none_t, bool keepdims = false, std::int64_t ddof = 0) const;
#define GPU_ND_REDUCTION_MEMBERS          \
    GPU_ND_REDUCTION_MEMBER_DIMS(sum)     \
    GPU_ND_REDUCTION_MEMBER_DIMS(prod)    \
    GPU_ND_REDUCTION_MEMBER_DIMS(min)     \
    GPU_ND_REDUCTION_MEMBER_DIMS(max)     \
    GPU_ND_REDUCTION_MEMBER_DIMS(mean)    \
    GPU_ND_REDUCTION_MEMBER_DIMS(any)     \
    GPU_ND_REDUCTION_MEMBER_DIMS(all)     \
    GPU_ND_REDUCTION_MEMBER(argmin)       \
    GPU_ND_REDUCTION_MEMBER(argmax)       \
    GPU_ND_STAT_MEMBER(var)               \
    GPU_ND_STAT_MEMBER(std)
