#pragma once
// .npy and .npz files (numpy.save, load, savez, savez_compressed, load): see gpu/io/npy.hpp.
// Not part of <gpu/ndarray.hpp>; links zlib (the CMake target gpu::ndarray brings it).
#include "gpu/io/any_array.hpp"
#include "gpu/io/npy.hpp"
