#pragma once
// gpu::ndarray<T>: a handle to a refcounted buffer plus shape, strides (in elements) and an
// offset. Copies share the buffer, as Python names do; .copy() is deep. Arrays live where the
// executor that made them runs (the GPU, or host memory for the host executor).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/reduction_members.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/expr/expression.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/executor.hpp"

namespace gpu {

template <class T>
class masked;  // a[mask]: indexing/mask.hpp
template <class T>
class indexed;  // a(idx) with array indices: indexing/advanced.hpp

namespace detail {
// Whether an index pack of a(...) holds an array (advanced indexing).
template <class... Index>
inline constexpr bool any_array_index_v = (is_ndarray_v<Index> || ...);
}  // namespace detail

struct none_t;  // gpu::none: core/axis.hpp

// The element type is named V here because T() is a member (NumPy's a.T).
template <class V>
class ndarray {
    static_assert(is_dtype_v<V>,
                  "gpu::ndarray<V>: V must be bool, a fixed-width integer type (std::int8_t ... std::uint64_t), "
                  "float or double");

public:
    using value_type = V;

    // An empty 1-D array, shape (0,).
    ndarray() : shape_{0}, strides_{1}, where_(executor::host) {}

    // An uninitialized array of the given shape, like np.empty, on the current executor.
    explicit ndarray(const shape_t& shape, executor where = current_executor())
        : shape_(shape), strides_(c_strides(shape)), where_(where) {
        check_shape(shape_);
        buffer_ = detail::make_buffer(static_cast<std::size_t>(size_of(shape_)) * sizeof(V), where);
    }

    // A view of an existing buffer.
    ndarray(std::shared_ptr<detail::buffer> buf, const shape_t& shape, const strides_t& strides, std::int64_t offset)
        : buffer_(std::move(buf)), shape_(shape), strides_(strides), offset_(offset), where_(buffer_->where()) {}

    // Evaluating an expression: `gpu::ndarray<float> z = x + y;` runs one fused kernel.
    template <expression E>
        requires(!is_ndarray_v<E>)
    ndarray(const E& e);  // NOLINT(google-explicit-constructor): mirrors `z = x + y` in NumPy

    // Assignment to a named array rebinds it (Python's `z = x + y`, `z = other`). Assignment to
    // a temporary, such as the view `a(gpu::slice(0, 10))`, writes into its elements (NumPy's
    // `a[0:10] = e`): a temporary has no name to rebind, so that is the only useful meaning.
    ndarray(const ndarray&) = default;
    ndarray(ndarray&&) noexcept = default;
    ndarray& operator=(const ndarray&) & = default;
    ndarray& operator=(ndarray&&) & noexcept = default;
    ndarray& operator=(const ndarray& other) && { return assign(other); }
    ndarray& operator=(ndarray&& other) && { return assign(other); }
    template <expression E>
        requires(!is_ndarray_v<E>)
    ndarray& operator=(const E& e) & {
        return *this = ndarray(e);
    }
    template <operand E>
        requires(!is_ndarray_v<E>)
    ndarray& operator=(const E& e) && {
        return assign(e);
    }

    // Writes an expression's values into this array's elements (NumPy's `a[...] = e`): the
    // expression broadcasts to this shape and is converted to V as astype would.
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

    // Basic indexing (views/index.hpp): integers, gpu::slice(start, stop, step), gpu::newaxis
    // and gpu::ellipsis, as NumPy's a[1, 0:10:2, None, ...]. Always a view of this buffer.
    template <class... Index>
        requires(!detail::any_array_index_v<Index...>)
    ndarray operator()(const Index&... index) const;

    // Advanced indexing (indexing/advanced.hpp): integer or boolean arrays among the indices,
    // as NumPy's a[idx], a[i, j], a[:, idx]: a proxy that gathers when read, scatters when assigned.
    template <class... Index>
        requires(detail::any_array_index_v<Index...>)
    indexed<V> operator()(const Index&... index) const;

    // Boolean-mask indexing (indexing/mask.hpp): a[mask] selects into a new 1-D array, and
    // `a[mask] = value` writes the selected elements.
    masked<V> operator[](const ndarray<bool>& mask) const;

    // Shape methods (views/reshape.hpp, views/transpose.hpp, views/dimensions.hpp), NumPy's ndarray methods of the same names.
    ndarray reshape(const shape_t& shape) const;  // a view when the strides allow, else a copy
    ndarray ravel() const;                        // a view when contiguous, else a copy
    ndarray flatten() const;                      // always a copy
    ndarray transpose() const;                    // axes reversed
    ndarray transpose(const dims& axes) const;
    ndarray T() const { return transpose(); }
    ndarray swapaxes(int axis1, int axis2) const;
    ndarray squeeze() const;
    ndarray squeeze(const dims& axes) const;

    // More of NumPy's ndarray methods (manip/methods.hpp), each its free function of the same name:
    // a.diagonal() is gpu::diagonal(a) (a view), a.take(idx, 1) is gpu::take(a, idx, 1), ...
    ndarray diagonal(std::int64_t offset = 0, int axis1 = 0, int axis2 = 1) const;
    auto trace(std::int64_t offset = 0, int axis1 = 0, int axis2 = 1) const;
    template <class I> ndarray take(const ndarray<I>& indices) const;
    template <class I> ndarray take(const ndarray<I>& indices, std::int64_t axis) const;
    template <class I, class U> void put(const ndarray<I>& indices, const U& values) const;
    ndarray repeat(std::int64_t repeats, std::optional<std::int64_t> axis = std::nullopt) const;
    std::vector<ndarray<std::int64_t>> nonzero() const;
    template <class S> void fill(S value) const;  // every element set to value
    template <class Lo, class Hi> auto clip(const Lo& lo, const Hi& hi) const;
    auto cumsum() const;
    auto cumsum(std::int64_t axis) const;
    auto cumprod() const;
    auto cumprod(std::int64_t axis) const;
    auto ptp() const;
    auto ptp(std::int64_t axis, bool keepdims = false) const;

    // Lazy conversion, fused into whatever expression uses it; gpu::eval makes it an array.
    template <class U>
    auto astype() const;

    // NumPy's a.real and a.imag: of a complex array, writable views of its parts (the buffer
    // seen as the real dtype with doubled strides), so a.real()(...) = v writes into a; of a real
    // array, a itself and a new array of zeros (expr/operators.hpp). conj() is lazy, like astype.
    auto real() const;
    auto imag() const;
    auto conj() const;

    // Reductions (reductions/reduce.hpp, reductions/stats.hpp), NumPy's methods of the same names:
    // each takes what its free function takes after the array (a.sum(1, true) is
    // gpu::sum(a, 1, true)); var and std take ddof last.
    GPU_ND_REDUCTION_MEMBERS

    // The element of a size-1 array as a host scalar (NumPy's a.item(); reductions/reduce.hpp).
    V item() const;

    static constexpr gpu::dtype dtype() noexcept { return dtype_of_v<V>; }
    const shape_t& shape() const noexcept { return shape_; }
    const strides_t& strides() const noexcept { return strides_; }  // in elements
    strides_t strides_bytes() const noexcept {  // in bytes, as NumPy's a.strides
        strides_t s = strides_;
        for (auto& x : s) x *= static_cast<std::int64_t>(sizeof(V));
        return s;
    }
    std::int64_t offset() const noexcept { return offset_; }
    int ndim() const noexcept { return shape_.size(); }
    std::int64_t size() const noexcept { return size_of(shape_); }
    std::size_t nbytes() const noexcept { return static_cast<std::size_t>(size()) * sizeof(V); }
    static constexpr std::size_t itemsize() noexcept { return sizeof(V); }
    executor where() const noexcept { return where_; }
    // The CUDA device the elements are on (gpu::device_scope at creation), -1 on the host executor.
    int device() const noexcept { return buffer_ ? buffer_->device() : -1; }

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
    V* data() const noexcept {
        return buffer_ ? static_cast<V*>(buffer_->data()) + offset_ : nullptr;
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
