// Everything: the core (<gpu/ndarray.hpp>) and every family that has a header of its own. Handy for
// a port of a NumPy program; a translation unit that needs less compiles faster with less.
#pragma once

#include <gpu/ndarray.hpp>

#include <gpu/fft.hpp>
#include <gpu/functions.hpp>
#include <gpu/interop.hpp>
#include <gpu/linalg.hpp>
#include <gpu/npy.hpp>
#include <gpu/sorting.hpp>
