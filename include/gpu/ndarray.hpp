#pragma once
// gpu_ndarray: NumPy's arrays and element-wise math on the GPU, for C++20.
// The one header to include. See README.md for a tour.
#include "gpu/core/axis.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/shape.hpp"
#include "gpu/core/version.hpp"
#include "gpu/runtime/executor.hpp"
#include "gpu/containers/host_array.hpp"
#include "gpu/containers/ndarray.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"
#include "gpu/views/dimensions.hpp"
#include "gpu/views/flip.hpp"
#include "gpu/io/transfer.hpp"
#include "gpu/io/print.hpp"
