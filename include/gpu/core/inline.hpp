#pragma once
// Header-only or separately compiled. The library's expression-independent, non-template
// functions that are costly to compile (kernel-cache misses, NVRTC, the disk cache, the transfer
// pipeline, printing, error messages) are declared in their header with GPU_ND_INLINE and defined
// in a sibling .ipp file.
//   - By default (header-only) GPU_ND_INLINE is `inline` and each header includes its .ipp at the
//     end: every translation unit compiles them, nothing to link.
//   - With GPU_NDARRAY_SEPARATE_COMPILATION defined in EVERY translation unit of the program,
//     GPU_ND_INLINE is empty and the .ipp files are not included; exactly one .cpp includes
//     <gpu/ndarray_impl.hpp>, which defines them all once (CMake: link gpu::ndarray_separate).
// The hot path (a kernel-cache hit, argument packing, the launch, the allocation fast path) stays
// inline in the headers in both modes.
#if defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#define GPU_ND_INLINE
#else
#define GPU_ND_INLINE inline
#endif
