// The one translation unit of gpu::ndarray_separate: the library's compiled part (see
// include/gpu/core/inline.hpp). GPU_NDARRAY_SEPARATE_COMPILATION comes from the target.
#include <gpu/ndarray_impl.hpp>
