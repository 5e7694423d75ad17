#pragma once
// The library's compiled part, for separate compilation (see gpu/core/inline.hpp). Define
// GPU_NDARRAY_SEPARATE_COMPILATION for every translation unit of the program and include this
// header in exactly one .cpp:
//
//     // gpu_ndarray_impl.cpp
//     #include <gpu/ndarray_impl.hpp>
//
// The other translation units then compile only the headers and what their expressions need;
// this one compiles the kernel cache, NVRTC, the disk cache, the transfer pipeline, printing and
// the error paths once. CMake users link gpu::ndarray_separate instead, which does all of this.
#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#error "gpu/ndarray_impl.hpp is for separate compilation: define GPU_NDARRAY_SEPARATE_COMPILATION in every translation unit (header-only use needs no impl file)"
#endif

#include "gpu/ndarray.hpp"
#include "gpu/user_kernels/raw_kernel.hpp"
#include "gpu/npy.hpp"
#include "gpu/interop.hpp"

#include "gpu/core/shape.ipp"
#include "gpu/runtime/config.ipp"
#include "gpu/runtime/cuda_check.ipp"
#include "gpu/runtime/device_info.ipp"
#include "gpu/runtime/executor.ipp"
#include "gpu/runtime/buffer.ipp"
#include "gpu/runtime/graph.ipp"
#include "gpu/runtime/device.ipp"
#include "gpu/kernel/compiler.ipp"
#include "gpu/kernel/disk_cache.ipp"
#include "gpu/kernel/cache.ipp"
#include "gpu/kernel/head.ipp"
#include "gpu/kernel/launch.ipp"
#include "gpu/expr/nodes.ipp"
#include "gpu/expr/codegen.ipp"
#include "gpu/exec/elementwise_kernels.ipp"
#include "gpu/exec/eval.ipp"
#include "gpu/io/pinned.ipp"
#include "gpu/io/staging.ipp"
#include "gpu/io/transfer.ipp"
#include "gpu/io/print.ipp"
#include "gpu/io/npy_file.ipp"
#include "gpu/io/npy_format.ipp"
#include "gpu/io/npz_zip.ipp"
#include "gpu/io/npy.ipp"
#include "gpu/interop/adopt.ipp"
#include "gpu/interop/dlpack.ipp"
#include "gpu/random/generator.ipp"
#include "gpu/user_kernels/raw_kernel.ipp"
