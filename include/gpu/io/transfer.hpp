#pragma once
// Moving data between host memory and arrays: gpu::asarray (host to array, on the current
// executor) and gpu::asnumpy (array to a contiguous gpu::host_array or caller memory). Like
// CuPy's, asnumpy waits for the work that produces its input, and both return once the host
// memory may be reused. Large transfers from ordinary (pageable) memory are pipelined through
// pinned staging buffers (io/pinned.hpp) by a few host threads, so that the host copies and the
// DMA overlap; pinned memory goes straight to the copy engine. gpu::asarray_async and
// gpu::asnumpy_async enqueue a pinned transfer on the current stream and return at once.
#include <cuda_runtime_api.h>

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "gpu/containers/host_array.hpp"
#include "gpu/containers/ndarray.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/io/pinned.hpp"
#include "gpu/io/staging.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/graph.hpp"

namespace gpu {
namespace detail {

// Copies between host memory and an array's memory on the current stream, after the work
// already enqueued there, and waits for it. Large pageable transfers go through the staging
// pipeline (io/staging.hpp).
GPU_ND_INLINE void copy_bytes(void* dst, executor dst_where, const void* src, executor src_where, std::size_t bytes);

// Enqueues a copy between pinned host memory and an array on the current stream, without
// waiting. Host-to-host (the host executor) copies at once.
GPU_ND_INLINE void copy_bytes_async(void* dst, executor dst_where, const void* src, executor src_where,
                                    std::size_t bytes, const char* who);

// "cannot reshape array of size ... into shape ...".
[[noreturn]] GPU_ND_INLINE void throw_count_mismatch(std::size_t have, const shape_t& shape);

template <class T>
void check_count(std::size_t have, const shape_t& shape) {
    if (static_cast<std::int64_t>(have) != size_of(shape)) throw_count_mismatch(have, shape);
}

// The shape of nested initializer lists; ragged nesting is an error, as in NumPy.
template <class L>
void nested_shape(const L& list, shape_t& shape, int depth) {
    if (depth == shape.size()) shape.push_back(static_cast<std::int64_t>(list.size()));
    else if (shape[depth] != static_cast<std::int64_t>(list.size())) {
        std::string found = "(";  // the shape so far, as Python prints a tuple: "(2,)", "(2, 2)"
        for (int d = 0; d < depth; ++d) found += (d ? ", " : "") + std::to_string(shape[d]);
        found += depth == 1 ? ",)" : ")";
        throw value_error("setting an array element with a sequence. The requested array has an inhomogeneous shape "
                          "after " + std::to_string(depth) + " dimensions. The detected shape was " + found +
                          " + inhomogeneous part.");
    }
    if constexpr (!is_cpp_scalar_v<typename L::value_type>)
        for (const auto& inner : list) nested_shape(inner, shape, depth + 1);
}

template <class T, class L>
void flatten_into(const L& list, std::vector<T>& out) {
    for (const auto& x : list) {
        if constexpr (is_cpp_scalar_v<std::remove_cvref_t<decltype(x)>>) out.push_back(static_cast<T>(x));
        else flatten_into<T>(x, out);
    }
}

template <class T, class L>
ndarray<T> from_nested(const L& list) {
    shape_t shape;
    nested_shape(list, shape, 0);
    std::vector<T> flat;
    flatten_into<T>(list, flat);
    if constexpr (std::is_same_v<T, bool>) {
        std::vector<std::uint8_t> bytes(flat.begin(), flat.end());
        ndarray<T> a(shape);
        copy_bytes(a.data(), a.where(), bytes.data(), executor::host, bytes.size());
        return a;
    } else {
        ndarray<T> a(shape);
        copy_bytes(a.data(), a.where(), flat.data(), executor::host, flat.size() * sizeof(T));
        return a;
    }
}

}  // namespace detail

// Copies `shape`'s worth of contiguous row-major elements from host memory into a new array.
template <class T>
ndarray<T> asarray(const T* data, const shape_t& shape) {
    check_shape(shape);
    ndarray<T> a(shape);
    detail::copy_bytes(a.data(), a.where(), data, executor::host, a.nbytes());
    return a;
}

template <class T>
ndarray<T> asarray(std::span<const T> data, const shape_t& shape) {
    detail::check_count<T>(data.size(), shape);
    return asarray(data.data(), shape);
}

template <class T>
ndarray<T> asarray(std::span<T> data, const shape_t& shape) {
    return asarray(std::span<const T>(data), shape);
}

// A 1-D array from a vector.
template <class T>
ndarray<T> asarray(const std::vector<T>& v) {
    if constexpr (std::is_same_v<T, bool>) {
        std::vector<std::uint8_t> bytes(v.begin(), v.end());  // vector<bool> has no contiguous storage
        return asarray(reinterpret_cast<const bool*>(bytes.data()), shape_t{static_cast<std::int64_t>(v.size())});
    } else {
        return asarray(v.data(), shape_t{static_cast<std::int64_t>(v.size())});
    }
}

template <class T>
ndarray<T> asarray(const std::vector<T>& v, const shape_t& shape) {
    detail::check_count<T>(v.size(), shape);
    if constexpr (std::is_same_v<T, bool>) {
        std::vector<std::uint8_t> bytes(v.begin(), v.end());
        return asarray(reinterpret_cast<const bool*>(bytes.data()), shape);
    } else {
        return asarray(v.data(), shape);
    }
}

template <class T>
ndarray<T> asarray(const host_array<T>& h) {
    return asarray(h.data(), h.shape());
}

// Nested braces give the shape: gpu::asarray<int>({{1, 2, 3}, {4, 5, 6}}) is 2x3.
template <class T>
ndarray<T> asarray(std::initializer_list<T> v) {
    return detail::from_nested<T>(v);
}
template <class T>
ndarray<T> asarray(std::initializer_list<std::initializer_list<T>> v) {
    return detail::from_nested<T>(v);
}
template <class T>
ndarray<T> asarray(std::initializer_list<std::initializer_list<std::initializer_list<T>>> v) {
    return detail::from_nested<T>(v);
}
template <class T>
ndarray<T> asarray(std::initializer_list<std::initializer_list<std::initializer_list<std::initializer_list<T>>>> v) {
    return detail::from_nested<T>(v);
}

// Copies an array (contiguous or not) into caller memory of exactly a.size() elements.
template <class T>
void asnumpy(const ndarray<T>& a, std::span<T> out) {
    if (static_cast<std::int64_t>(out.size()) != a.size())
        throw value_error("asnumpy: the output has " + std::to_string(out.size()) + " elements but the array has " +
                          std::to_string(a.size()));
    const ndarray<T> src = a.is_contiguous() ? a : a.copy();
    detail::copy_bytes(out.data(), executor::host, src.data(), src.where(), src.nbytes());
}

// A contiguous host copy of an array, like cupy.asnumpy.
template <class T>
host_array<T> asnumpy(const ndarray<T>& a) {
    host_array<T> h(a.shape());
    asnumpy(a, h.span());
    return h;
}

template <expression E>
    requires(!is_ndarray_v<E>)
auto asnumpy(const E& e) {
    return asnumpy(gpu::eval(e));
}

// ---- asynchronous transfers (pinned host memory only) ----------------------------------------
// These enqueue the copy on the current stream and return at once, so that it can overlap with
// work on other streams. The host memory must be pinned (gpu::pinned_vector,
// gpu::pinned_allocator, cudaHostAlloc or cudaHostRegister; otherwise gpu::value_error), and
// the caller must not touch it, nor let it go, until the copy is done: synchronize the stream,
// or record a gpu::event after the call and synchronize that. On the host executor the copy
// happens before the call returns.

// A new array of `shape` on the current executor, filled from pinned host memory.
template <class T>
ndarray<T> asarray_async(const T* pinned_data, const shape_t& shape) {
    check_shape(shape);
    ndarray<T> a(shape);
    detail::copy_bytes_async(a.data(), a.where(), pinned_data, executor::host, a.nbytes(), "asarray_async");
    return a;
}

template <class T>
ndarray<T> asarray_async(std::span<const T> pinned_data, const shape_t& shape) {
    detail::check_count<T>(pinned_data.size(), shape);
    return asarray_async(pinned_data.data(), shape);
}

template <class T>
ndarray<T> asarray_async(std::span<T> pinned_data, const shape_t& shape) {
    return asarray_async(std::span<const T>(pinned_data), shape);
}

template <class T>
    requires(!std::is_same_v<T, bool>)
ndarray<T> asarray_async(const pinned_vector<T>& v) {
    return asarray_async(v.data(), shape_t{static_cast<std::int64_t>(v.size())});
}

template <class T>
    requires(!std::is_same_v<T, bool>)
ndarray<T> asarray_async(const pinned_vector<T>& v, const shape_t& shape) {
    return asarray_async(std::span<const T>(v.data(), v.size()), shape);
}

// Enqueues the copy of an array (contiguous or not) into pinned memory of exactly a.size()
// elements. A non-contiguous array is first gathered into a temporary on the current stream.
template <class T>
void asnumpy_async(const ndarray<T>& a, std::span<T> pinned_out) {
    if (static_cast<std::int64_t>(pinned_out.size()) != a.size())
        throw value_error("asnumpy_async: the output has " + std::to_string(pinned_out.size()) +
                          " elements but the array has " + std::to_string(a.size()));
    const ndarray<T> src = a.is_contiguous() ? a : a.copy();
    // An array made on another stream is read here: its memory must outlive this copy.
    if (src.buffer() && src.where() == executor::cuda) src.buffer()->note_use();
    detail::copy_bytes_async(pinned_out.data(), executor::host, src.data(), src.where(), src.nbytes(), "asnumpy_async");
}

template <class T>
    requires(!std::is_same_v<T, bool>)
void asnumpy_async(const ndarray<T>& a, pinned_vector<T>& pinned_out) {
    asnumpy_async(a, std::span<T>(pinned_out.data(), pinned_out.size()));
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/io/transfer.ipp"
#endif
