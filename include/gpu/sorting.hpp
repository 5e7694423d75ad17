#pragma once
// gpu_ndarray's sorting family: sort, argsort (stable), searchsorted, unique, isin and the set routines, median / quantile / percentile (and nan forms), bincount / digitize / histogram, topk, partition, argpartition, lexsort, with NumPy's names and order, on both
// executors. On the GPU the sorts are CUB's onesweep radix sort kernels, compiled at run time by
// NVRTC from the toolkit's CCCL headers (no nvcc needed). Not part of <gpu/ndarray.hpp>: include
// this header where sorting is used.
#include "gpu/ndarray.hpp"
#include "gpu/sorting/searchsorted.hpp"
#include "gpu/sorting/sort.hpp"
#include "gpu/sorting/unique.hpp"
#include "gpu/sorting/set_ops.hpp"
#include "gpu/sorting/quantile.hpp"
#include "gpu/sorting/histogram.hpp"
#include "gpu/sorting/topk.hpp"
#include "gpu/sorting/partition.hpp"
