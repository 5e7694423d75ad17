#pragma once
// The library version; part of every disk-cache key.
#define GPU_NDARRAY_VERSION_MAJOR 0
#define GPU_NDARRAY_VERSION_MINOR 1
#define GPU_NDARRAY_VERSION_PATCH 0
#define GPU_NDARRAY_VERSION_STRING "0.1.0"
