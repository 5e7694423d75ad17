#pragma once
// Indexing by arrays: gpu::take, boolean masks (a[mask], a[mask] = v), gpu::nonzero, argwhere,
// flatnonzero, count_nonzero, one-argument gpu::where, gpu::put, and advanced indexing a(idx, ...).
#include "gpu/indexing/advanced.hpp"
#include "gpu/indexing/mask.hpp"
#include "gpu/indexing/nonzero.hpp"
#include "gpu/indexing/put.hpp"
#include "gpu/indexing/take.hpp"
