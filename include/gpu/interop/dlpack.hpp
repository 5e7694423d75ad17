#pragma once
// DLPack 1.x export and import, zero-copy:
//
//     gpu::dlpack::DLManagedTensorVersioned* m = gpu::to_dlpack(a);   // a's buffer stays alive
//     ...                                                             // until m->deleter(m)
//     gpu::ndarray<float> b = gpu::from_dlpack<float>(m);             // takes ownership of m
//
// to_dlpack exports any layout (strides in elements, never null) on kDLCUDA (the GPU executor)
// or kDLCPU (the host executor). from_dlpack accepts any strides, checks the version (major 1),
// dtype and device, and calls the producer's deleter exactly once, when the last array using
// the memory is gone. On error it throws and does not take ownership (the caller still must
// call the deleter). A read-only tensor (flag READ_ONLY) is refused unless a copy is asked for
// (gpu::ndarray has no read-only arrays).
//
// Streams (the Python array API's __dlpack__(stream=...) handshake), for bindings:
//   - exporting to a consumer that passes `stream`: to_dlpack(a, stream) makes that stream wait
//     for the work enqueued so far on the current stream (-1: no wait; 1: the legacy default
//     stream; 2: the per-thread default stream; 0 is not allowed for CUDA, as the standard says);
//   - importing: pass gpu::dlpack::consumer_stream() as `stream` to the producer's __dlpack__,
//     so its work is ordered before the library's work on the current stream.
#include <cstdint>
#include <string>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/interop/adopt.hpp"
#include "gpu/interop/dlpack_abi.hpp"
#include "gpu/io/any_array.hpp"

namespace gpu {
namespace dlpack {

enum class read_only : std::uint8_t { refuse, copy };

// The DLPack dtype of a dtype: bfloat16 is kDLBfloat, a complex type kDLComplex with the bits of
// both parts (complex64: 64), as NumPy, CuPy and PyTorch export them.
constexpr DLDataType dtype_of(gpu::dtype d) {
    const auto bits = static_cast<std::uint8_t>(8 * itemsize(d));
    if (is_bool(d)) return {kDLBool, 8, 1};
    if (d == gpu::dtype::bfloat16) return {kDLBfloat, 16, 1};
    if (is_complex(d)) return {kDLComplex, bits, 1};
    if (is_float(d)) return {kDLFloat, bits, 1};
    return {is_signed_int(d) ? kDLInt : kDLUInt, bits, 1};
}
template <class T>
constexpr DLDataType dtype_of() {
    return dtype_of(dtype_of_v<T>);
}
constexpr bool operator==(const DLDataType& a, const DLDataType& b) {
    return a.code == b.code && a.bits == b.bits && a.lanes == b.lanes;
}

// The `stream` argument a consumer passes to a producer's __dlpack__ (the current stream).
GPU_ND_INLINE std::intptr_t consumer_stream();

}  // namespace dlpack

namespace detail {

// The export's manager_ctx: the array handle (keeps the buffer alive) and the shape/strides.
struct dlpack_export_base {
    dlpack::DLManagedTensorVersioned managed{};
    std::int64_t shape[max_ndim]{}, strides[max_ndim]{};
    virtual ~dlpack_export_base() = default;
};

GPU_ND_INLINE void sync_current_stream();

// The deleter of every export (one function for every dtype: the context's destructor is virtual).
inline void dlpack_export_deleter(dlpack::DLManagedTensorVersioned* self) {
    delete static_cast<dlpack_export_base*>(self->manager_ctx);
}

// Makes the consumer's stream wait for the current stream's work (the __dlpack__ handshake).
GPU_ND_INLINE void dlpack_sync_consumer(std::intptr_t stream);

// Checks an imported tensor against dtype `want` and the current executor; returns its byte
// extent's start (data + byte_offset) as an element pointer base.
GPU_ND_INLINE void check_dlpack_import(const dlpack::DLManagedTensorVersioned* m, dlpack::DLDataType want,
                                       const char* dtype_name, std::size_t itemsize);

}  // namespace detail

template <class T>
dlpack::DLManagedTensorVersioned* to_dlpack(const ndarray<T>& a, std::intptr_t consumer_stream = -1) {
    struct ctx final : detail::dlpack_export_base {
        ndarray<T> array;
        explicit ctx(const ndarray<T>& x) : array(x) {}
    };
    auto* c = new ctx(a);
    auto& m = c->managed;
    m.version = {dlpack::major_version, dlpack::minor_version};
    m.manager_ctx = static_cast<detail::dlpack_export_base*>(c);
    m.deleter = &detail::dlpack_export_deleter;
    m.flags = 0;
    for (int i = 0; i < a.ndim(); ++i) c->shape[i] = a.shape()[i], c->strides[i] = a.strides()[i];
    auto& t = m.dl_tensor;
    t.data = a.data();
    t.device = a.where() == executor::cuda ? dlpack::DLDevice{dlpack::kDLCUDA, a.device()} : dlpack::DLDevice{dlpack::kDLCPU, 0};
    t.ndim = a.ndim();
    t.dtype = dlpack::dtype_of<T>();
    t.shape = c->shape;
    t.strides = c->strides;
    t.byte_offset = 0;
    if (a.where() == executor::cuda) {
        if (a.buffer()) a.buffer()->note_use();
        try {
            detail::dlpack_sync_consumer(consumer_stream);
        } catch (...) {
            delete c;
            throw;
        }
    }
    return &m;
}

template <class T>
ndarray<T> from_dlpack(dlpack::DLManagedTensorVersioned* m, dlpack::read_only ro = dlpack::read_only::refuse) {
    detail::check_dlpack_import(m, dlpack::dtype_of<T>(), dtype_name_v<T>.data(), sizeof(T));
    const auto& t = m->dl_tensor;
    shape_t shape(t.shape, t.shape + t.ndim);
    const strides_t strides = t.strides ? strides_t(t.strides, t.strides + t.ndim) : c_strides(shape);
    T* data = reinterpret_cast<T*>(static_cast<char*>(t.data) + t.byte_offset);
    const bool read_only = (m->flags & dlpack::DLPACK_FLAG_BITMASK_READ_ONLY) != 0;
    if (read_only && ro == dlpack::read_only::refuse)
        throw value_error("gpu::from_dlpack: the tensor is read-only and gpu::ndarray has no read-only arrays; pass "
                          "gpu::dlpack::read_only::copy to copy it");
    // Armed once adopt has accepted the memory: before that, an error leaves m to the caller.
    struct releaser {
        dlpack::DLManagedTensorVersioned* m;
        bool armed = false;
        ~releaser() {
            if (armed && m->deleter) m->deleter(m);
        }
    };
    auto owner = std::make_shared<releaser>(releaser{m});
    ndarray<T> a = adopt(data, shape, strides, owner);
    owner->armed = true;
    if (read_only) {
        ndarray<T> c = a.copy();
        if (c.where() == executor::cuda) detail::sync_current_stream();  // the copy reads m's memory
        return c;  // m is released with `a` and `owner`
    }
    return a;
}

// The import for a tensor whose dtype is known only at run time (a binding's __dlpack__ consumer):
// the typed from_dlpack for the tensor's dtype, as a gpu::any_array; gpu::type_error for a dtype
// the library lacks (m is then still the caller's).
inline any_array from_dlpack_any(dlpack::DLManagedTensorVersioned* m, dlpack::read_only ro = dlpack::read_only::refuse) {
    if (!m) throw value_error("gpu::from_dlpack: null tensor");
    const dlpack::DLDataType dt = m->dl_tensor.dtype;
#define GPU_ND_DLPACK_IMPORT(T, KIND, SIZE) \
    if (dt == dlpack::dtype_of<T>()) return any_array(from_dlpack<T>(m, ro));
    GPU_ND_NPY_DTYPES(GPU_ND_DLPACK_IMPORT)
#undef GPU_ND_DLPACK_IMPORT
    throw type_error("gpu::from_dlpack: the tensor's DLPack dtype (code " + std::to_string(dt.code) + ", " +
                     std::to_string(dt.bits) + " bits, " + std::to_string(dt.lanes) + " lanes) has no gpu_ndarray dtype");
}

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/interop/dlpack.ipp"
#endif
