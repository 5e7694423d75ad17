#pragma once
// gpu::ndarray<T>: a handle to a refcounted buffer plus shape, strides (in elements) and an
// offset. Copies share the buffer, as Python names do; .copy() is deep. Arrays live where the
// executor that made them runs (the GPU, or host memory for the host executor).
#include <cstddef>
#include <cstdint>
#include <memory>

#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/expr/expression.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {

template <class T>
class ndarray {
    static_assert(is_dtype_v<T>,
                  "gpu::ndarray<T>: T must be bool, a fixed-width integer type (std::int8_t ... std::uint64_t), "
                  "float or double");

public:
    using value_type = T;

    // An empty 1-D array, shape (0,).
    ndarray() : shape_{0}, strides_{1}, where_(executor::host) {}

    // An uninitialized array of the given shape, like np.empty, on the current executor.
    explicit ndarray(const shape_t& shape, executor where = current_executor())
        : shape_(shape), strides_(c_strides(shape)), where_(where) {
        check_shape(shape_);
        buffer_ = detail::make_buffer(static_cast<std::size_t>(size_of(shape_)) * sizeof(T), where);
    }

    // A view of an existing buffer.
    ndarray(std::shared_ptr<detail::buffer> buf, const shape_t& shape, const strides_t& strides, std::int64_t offset)
        : buffer_(std::move(buf)), shape_(shape), strides_(strides), offset_(offset), where_(buffer_->where()) {}

    // Evaluating an expression: `gpu::ndarray<float> z = x + y;` runs one fused kernel.
    template <expression E>
        requires(!is_ndarray_v<E>)
    ndarray(const E& e);  // NOLINT(google-explicit-constructor): mirrors `z = x + y` in NumPy

    // Rebinding to a new result (Python's `z = x + y`); use assign() to write into this array.
    template <expression E>
        requires(!is_ndarray_v<E>)
    ndarray& operator=(const E& e) {
        return *this = ndarray(e);
    }

    // Writes an expression's values into this array's elements (NumPy's `a[...] = e`): the
    // expression broadcasts to this shape and is converted to T as astype would.
    template <operand E>
    ndarray& assign(const E& e);

    // In-place operators, with NumPy's 'same_kind' casting rule.
    template <operand E> ndarray& operator+=(const E& e);
    template <operand E> ndarray& operator-=(const E& e);
    template <operand E> ndarray& operator*=(const E& e);
    template <operand E> ndarray& operator/=(const E& e);
    template <operand E> ndarray& operator%=(const E& e);
    template <operand E> ndarray& operator&=(const E& e);
    template <operand E> ndarray& operator|=(const E& e);
    template <operand E> ndarray& operator^=(const E& e);
    template <operand E> ndarray& operator<<=(const E& e);
    template <operand E> ndarray& operator>>=(const E& e);

    // A deep, contiguous copy.
    ndarray copy() const;

    // Lazy conversion, fused into whatever expression uses it; gpu::eval makes it an array.
    template <class U>
    auto astype() const;

    static constexpr gpu::dtype dtype() noexcept { return dtype_of_v<T>; }
    const shape_t& shape() const noexcept { return shape_; }
    const strides_t& strides() const noexcept { return strides_; }
    std::int64_t offset() const noexcept { return offset_; }
    int ndim() const noexcept { return shape_.size(); }
    std::int64_t size() const noexcept { return size_of(shape_); }
    std::size_t nbytes() const noexcept { return static_cast<std::size_t>(size()) * sizeof(T); }
    static constexpr std::size_t itemsize() noexcept { return sizeof(T); }
    executor where() const noexcept { return where_; }

    // Row-major contiguous (size-1 axes may have any stride, as in NumPy's flags).
    bool is_contiguous() const noexcept {
        if (size() == 0) return true;  // NumPy marks every empty array contiguous
        std::int64_t expect = 1;
        for (int i = ndim() - 1; i >= 0; --i) {
            if (shape_[i] == 0) return true;
            if (shape_[i] != 1 && strides_[i] != expect) return false;
            expect *= shape_[i];
        }
        return true;
    }

    // Pointer to the first element, in device memory (or host memory for the host executor).
    T* data() const noexcept {
        return buffer_ ? static_cast<T*>(buffer_->data()) + offset_ : nullptr;
    }
    const std::shared_ptr<detail::buffer>& buffer() const noexcept { return buffer_; }

private:
    std::shared_ptr<detail::buffer> buffer_;
    shape_t shape_;
    strides_t strides_;
    std::int64_t offset_ = 0;
    executor where_;
};

}  // namespace gpu
