#pragma once
// Interop with other GPU code: gpu::adopt (external device memory), gpu::stream::borrow (in
// <gpu/ndarray.hpp>), DLPack 1.x (gpu::to_dlpack, gpu::from_dlpack). Not part of
// <gpu/ndarray.hpp>. Thrust, for nvcc users: <gpu/thrust.hpp>.
#include "gpu/interop/adopt.hpp"
#include "gpu/interop/dlpack.hpp"
#include "gpu/interop/dlpack_abi.hpp"
