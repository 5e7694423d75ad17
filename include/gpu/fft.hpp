#pragma once
// numpy.fft: gpu::fft::fft, ifft, rfft, irfft, hfft, ihfft, fft2, ifft2, rfft2, irfft2, fftn,
// ifftn, rfftn, irfftn, fftfreq, rfftfreq, fftshift, ifftshift, with NumPy 2's semantics; cuFFT on
// the GPU (plans cached per thread and device, bound to the current stream, work areas from the
// library's pool), the library's own exact FFT on the host executor. Not part of
// <gpu/ndarray.hpp> (compile time); include it where transforms are used. The CMake target
// gpu::ndarray links CUDA::cufft. See docs/fft.md.
#include "gpu/ndarray.hpp"

#include "gpu/fft/args.hpp"
#include "gpu/fft/fft.hpp"
#include "gpu/fft/helper.hpp"
#include "gpu/fft/plan_cache.hpp"
