#pragma once
// The DLPack 1.x ABI (the exchange protocol of NumPy, CuPy, PyTorch and JAX), declared from the
// specification: the versioned managed tensor of DLPack 1.0/1.1 and the types it holds. The
// layouts are the C ones (checked below), so a binding that includes the official dlpack.h can
// reinterpret_cast between its ::DLManagedTensorVersioned and gpu::dlpack's. Only what the
// library exchanges is named.
#include <cstddef>
#include <cstdint>

namespace gpu::dlpack {

inline constexpr std::uint32_t major_version = 1;
inline constexpr std::uint32_t minor_version = 1;

struct DLPackVersion {
    std::uint32_t major;
    std::uint32_t minor;
};

// DLDeviceType (an int32 enum in C).
enum DLDeviceType : std::int32_t {
    kDLCPU = 1,
    kDLCUDA = 2,
    kDLCUDAHost = 3,
    kDLROCM = 10,
    kDLCUDAManaged = 13,
};

struct DLDevice {
    std::int32_t device_type;  // a DLDeviceType
    std::int32_t device_id;
};

// DLDataTypeCode (uint8 in DLDataType).
enum DLDataTypeCode : std::uint8_t {
    kDLInt = 0,
    kDLUInt = 1,
    kDLFloat = 2,
    kDLOpaqueHandle = 3,
    kDLBfloat = 4,
    kDLComplex = 5,
    kDLBool = 6,
};

struct DLDataType {
    std::uint8_t code;
    std::uint8_t bits;
    std::uint16_t lanes;
};

// Shape and strides in elements; strides may be null (compact row-major).
struct DLTensor {
    void* data;
    DLDevice device;
    std::int32_t ndim;
    DLDataType dtype;
    std::int64_t* shape;
    std::int64_t* strides;
    std::uint64_t byte_offset;
};

// flags
inline constexpr std::uint64_t DLPACK_FLAG_BITMASK_READ_ONLY = 1ull << 0;
inline constexpr std::uint64_t DLPACK_FLAG_BITMASK_IS_COPIED = 1ull << 1;
inline constexpr std::uint64_t DLPACK_FLAG_BITMASK_IS_SUBBYTE_TYPE_PADDED = 1ull << 2;

// The consumer calls deleter(self) once when done; the producer frees everything there.
struct DLManagedTensorVersioned {
    DLPackVersion version;
    void* manager_ctx;
    void (*deleter)(DLManagedTensorVersioned* self);
    std::uint64_t flags;
    DLTensor dl_tensor;
};

static_assert(sizeof(void*) == 8, "gpu::dlpack assumes a 64-bit ABI");
static_assert(sizeof(DLDataType) == 4 && sizeof(DLDevice) == 8);
static_assert(sizeof(DLTensor) == 48 && offsetof(DLTensor, shape) == 24 && offsetof(DLTensor, byte_offset) == 40);
static_assert(sizeof(DLManagedTensorVersioned) == 80 && offsetof(DLManagedTensorVersioned, flags) == 24 &&
              offsetof(DLManagedTensorVersioned, dl_tensor) == 32);

}  // namespace gpu::dlpack
