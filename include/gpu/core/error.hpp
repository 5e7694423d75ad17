#pragma once
// The exception hierarchy. Every failure the library reports derives from gpu::error, and the
// names follow NumPy's exceptions so a NumPy user knows what each one means.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace gpu {

struct error : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// NumPy's ValueError: an argument has the right type but a bad value.
struct value_error : error {
    using error::error;
};
// Shapes that cannot be broadcast together (NumPy raises ValueError, so this is one).
struct shape_error : value_error {
    using value_error::value_error;
};
// NumPy's TypeError: an operation that is not defined for these dtypes.
struct type_error : error {
    using error::error;
};
// NumPy's OverflowError: a C++ integer scalar that does not fit the array's dtype.
struct overflow_error : error {
    using error::error;
};
// NumPy's IndexError.
struct index_error : error {
    using error::error;
};
// NumPy's KeyError: a name that is not there (a member of an .npz file).
struct key_error : error {
    using error::error;
};
// NumPy's AxisError (a ValueError and an IndexError there; a value_error here): an axis
// argument out of range for the array's rank.
struct axis_error : value_error {
    using value_error::value_error;
};
// NVRTC rejected generated source; the message carries NVRTC's log and the source.
struct compile_error : error {
    compile_error(const std::string& what, std::string log, std::string source)
        : error(what + "\n--- NVRTC log ---\n" + log + "\n--- generated source ---\n" + source),
          log_(std::move(log)), source_(std::move(source)) {}
    const std::string& log() const noexcept { return log_; }
    const std::string& source() const noexcept { return source_; }

private:
    std::string log_, source_;
};
// A CUDA runtime call failed.
struct cuda_error : error {
    cuda_error(const std::string& what, int code) : error(what), code_(code) {}
    int code() const noexcept { return code_; }

private:
    int code_;
};
// The device pool could not satisfy a request, even after trimming its cache.
struct out_of_memory : error {
    using error::error;
};
// Operands live on different devices (the host executor and a GPU, or two GPUs).
struct device_error : error {
    using error::error;
};

}  // namespace gpu
