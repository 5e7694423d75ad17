#pragma once
// gpu::host_array<T>: what asnumpy returns. A contiguous, row-major array in host memory that
// owns its elements, with NumPy-like accessors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"

namespace gpu {

namespace detail {
// Large host arrays are 2 MiB aligned and, on Linux, asked to be backed by transparent huge
// pages: the first touch of fresh memory (the page faults of a new asnumpy result) then costs a
// fault per 2 MiB instead of per 4 KiB.
inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;
inline constexpr std::size_t huge_alloc_threshold = std::size_t{4} << 20;

inline void* allocate_host_bytes(std::size_t bytes) {
    if (bytes < huge_alloc_threshold) return ::operator new(bytes);
    const std::size_t rounded = (bytes + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
    void* p = std::aligned_alloc(huge_page_bytes, rounded);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only: without THP the pages stay small
#endif
    return p;
}
inline void free_host_bytes(void* p, std::size_t bytes) noexcept {
    if (bytes < huge_alloc_threshold) ::operator delete(p);
    else std::free(p);
}

// An allocator whose value-less construct() leaves elements uninitialized, so sizing a host_array
// that a transfer is about to fill costs no zeroing pass (a 256 MiB asnumpy ran at 1.3 GB/s with
// the zeroing and the first touch).
template <class T>
struct default_init_allocator {
    using value_type = T;
    default_init_allocator() = default;
    template <class U>
    default_init_allocator(const default_init_allocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(allocate_host_bytes(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept { free_host_bytes(p, n * sizeof(T)); }
    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <class U>
    bool operator==(const default_init_allocator<U>&) const noexcept { return true; }
};
}  // namespace detail

// A contiguous row-major array in host memory. host_array(shape) leaves the elements
// uninitialized, like np.empty.
template <class T>
class host_array {
    static_assert(is_dtype_v<T>, "gpu::host_array<T>: T must be bool, a fixed-width integer type, float or double");
    // std::vector<bool> packs bits and has no data(); store bools as bytes instead.
    using storage_t = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

public:
    using value_type = T;
    using iterator = T*;
    using const_iterator = const T*;

    host_array() : shape_{0} {}
    explicit host_array(shape_t shape) : shape_(std::move(shape)) {
        check_shape(shape_);
        data_.resize(static_cast<std::size_t>(size_of(shape_)));
    }
    host_array(shape_t shape, std::span<const T> values) : host_array(std::move(shape)) {
        if (values.size() != static_cast<std::size_t>(size()))
            throw value_error("cannot reshape array of size " + std::to_string(values.size()) + " into shape " +
                              to_string(shape_));
        std::copy(values.begin(), values.end(), begin());
    }

    const shape_t& shape() const noexcept { return shape_; }
    int ndim() const noexcept { return shape_.size(); }
    std::int64_t size() const noexcept { return static_cast<std::int64_t>(data_.size()); }
    std::size_t nbytes() const noexcept { return data_.size() * sizeof(T); }
    strides_t strides() const { return c_strides(shape_); }
    static constexpr gpu::dtype dtype() noexcept { return dtype_of_v<T>; }

    T* data() noexcept { return reinterpret_cast<T*>(data_.data()); }
    const T* data() const noexcept { return reinterpret_cast<const T*>(data_.data()); }
    T* begin() noexcept { return data(); }
    T* end() noexcept { return data() + size(); }
    const T* begin() const noexcept { return data(); }
    const T* end() const noexcept { return data() + size(); }
    std::span<T> span() noexcept { return {data(), data_.size()}; }
    std::span<const T> span() const noexcept { return {data(), data_.size()}; }

    // Flat (row-major) element access, unchecked like std::vector's operator[].
    T& operator[](std::int64_t i) noexcept { return data()[i]; }
    const T& operator[](std::int64_t i) const noexcept { return data()[i]; }

    // Multi-index access r(i, j, ...), checked; negative indices count from the end as in NumPy.
    template <class... I>
    T& operator()(I... idx) { return data()[flat_index({static_cast<std::int64_t>(idx)...})]; }
    template <class... I>
    const T& operator()(I... idx) const { return data()[flat_index({static_cast<std::int64_t>(idx)...})]; }

    std::vector<T> to_vector() const { return std::vector<T>(begin(), end()); }

private:
    std::int64_t flat_index(std::initializer_list<std::int64_t> idx) const {
        if (static_cast<int>(idx.size()) != ndim())
            throw index_error("too " + std::string(static_cast<int>(idx.size()) > ndim() ? "many" : "few") +
                              " indices for array: array is " + std::to_string(ndim()) + "-dimensional, but " +
                              std::to_string(idx.size()) + " were indexed");
        std::int64_t flat = 0;
        int axis = 0;
        for (std::int64_t i : idx) {
            const std::int64_t n = shape_[axis];
            if (i < -n || i >= n)
                throw index_error("index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(axis) +
                                  " with size " + std::to_string(n));
            flat = flat * n + (i < 0 ? i + n : i);
            ++axis;
        }
        return flat;
    }

    shape_t shape_;
    std::vector<storage_t, detail::default_init_allocator<storage_t>> data_;
};

}  // namespace gpu
