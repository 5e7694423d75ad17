#pragma once
// NVRTC: a translation unit to a cubin for one architecture. Needs no GPU, which is how CI checks
// that the source of every operation compiles. A template kernel is named by a name expression
// ("gnd::scan_tile<float, float, gnd::scan_sum, true, 24>"); NVRTC instantiates it and reports its lowered
// (mangled) name, which the cache stores beside the cubin.
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"

namespace gpu::detail {

struct compile_target {
    int cc_major = 9, cc_minor = 0;
    GPU_ND_INLINE std::string arch() const;  // "sm_90"
};

// What a kernel-cache miss compiles.
struct kernel_source {
    std::string code;                  // the translation unit (kernel_unit: head included)
    std::string entry = "gnd_kernel";  // an extern "C" kernel, or a name expression
    bool name_expression = false;      // entry is a name expression to instantiate
    std::vector<std::string> options;  // NVRTC options beyond the library's (user kernels)
    std::string what = "a generated kernel";  // named in compile errors
    // NVRTC --minimal: the builtin head without textures, surfaces, device-side launches and the
    // runtime API's types, which halves the front end of a small kernel. Every library kernel
    // written on kernel_unit uses none of them; user kernels and kernels that include toolkit
    // headers (CUB) set it false.
    bool minimal = true;
};

struct compiled_kernel {
    std::vector<char> cubin;
    std::string symbol;  // the name to load: entry, or its lowered name
};

// The library's NVRTC options for a target, then `extra`.
GPU_ND_INLINE std::vector<std::string> nvrtc_options(const compile_target& t, const std::vector<std::string>& extra = {});

// The NVRTC options of `src` for a target (nvrtc_options, --minimal when src.minimal).
GPU_ND_INLINE std::vector<std::string> nvrtc_options(const compile_target& t, const kernel_source& src);

// "-I<toolkit>/include" when the CUDA toolkit's headers are found (CUDA_PATH, CUDA_HOME, the
// directory NVRTC was loaded from, /usr/local/cuda), else empty. NVRTC has no default include
// path, and user kernels and the CUB kernels include toolkit headers.
GPU_ND_INLINE const std::string& toolkit_include_option();

// "major.minor" of the NVRTC library the program runs with.
GPU_ND_INLINE std::string nvrtc_version();

// Compiles straight to a cubin (no PTX JIT at load time); throws compile_error with NVRTC's log
// and the source when the source is rejected.
GPU_ND_INLINE compiled_kernel compile_cubin(const kernel_source& src, const compile_target& t);

// The cubin of a translation unit defining extern "C" gnd_kernel (tests check sources compile).
GPU_ND_INLINE std::vector<char> compile_cubin(const std::string& code, const compile_target& t);

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/kernel/compiler.ipp"
#endif
