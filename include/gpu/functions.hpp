#pragma once
// NumPy's common array functions (not in the umbrella <gpu/ndarray.hpp>, for compile time):
// differences (diff, ediff1d, gradient), convolve/correlate, interp, statistics (average, ptp),
// pad, diagonals (diag, diagflat, tril/triu/diag indices), selection (select, choose), index
// tricks (indices, ix_, unravel_index, ravel_multi_index), edits (append, insert, delete_),
// cross and trace, rot90, take/put_along_axis, window functions (hamming ...), polynomials
// (polyval, polyadd, polysub, polymul, vander), fills (fill_diagonal, putmask, place, resize),
// bits (packbits, unpackbits, binary_repr, base_repr), may_share_memory, asarray_chkfinite.
#include "gpu/ndarray.hpp"
#include "gpu/functions/differences.hpp"
#include "gpu/functions/convolve.hpp"
#include "gpu/functions/interp.hpp"
#include "gpu/functions/statistics.hpp"
#include "gpu/functions/padding.hpp"
#include "gpu/functions/diagonals.hpp"
#include "gpu/manip/rot90.hpp"
#include "gpu/functions/selection.hpp"
#include "gpu/functions/index_tricks.hpp"
#include "gpu/functions/edit.hpp"
#include "gpu/functions/products.hpp"
#include "gpu/functions/windows.hpp"
#include "gpu/functions/polynomials.hpp"
#include "gpu/indexing/along_axis.hpp"
#include "gpu/functions/fill_place.hpp"
#include "gpu/functions/bits.hpp"
#include "gpu/functions/array_info.hpp"
