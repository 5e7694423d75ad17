// The NumPy coverage table (docs/numpy_coverage.md) kept true: every name the table marks Y or
// partial is called here the simplest way NumPy allows, so this file compiles only while each
// exists, and the test checks that the table lists exactly these names. The calls are compiled,
// not run (each family's own tests pin the values). After adding a name here, regenerate the
// table: python3 tools/coverage/table.py > docs/numpy_coverage.md
#include <gtest/gtest.h>

#include <gpu/all.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

struct probe {
    bool run;
    std::set<std::string> names;
};

// GND_YES(namespace, name, call): NumPy's `namespace.name` exists here and `call` uses it.
// GND_PARTIAL(namespace, name, note, call): it exists with the limits the note names.
#define GND_YES(NS, NAME, ...)          \
    p.names.insert(NS "." #NAME);       \
    if (p.run) {                        \
        auto&& r_ = (__VA_ARGS__);      \
        (void)r_;                       \
    }
#define GND_PARTIAL(NS, NAME, NOTE, ...) GND_YES(NS, NAME, __VA_ARGS__)

void main_namespace(probe& p) {
    gpu::ndarray<float> f = gpu::zeros<float>({4, 4});
    gpu::ndarray<float> v = gpu::zeros<float>({4});
    gpu::ndarray<double> d = gpu::zeros<double>({4, 4});
    gpu::ndarray<int> i = gpu::zeros<int>({4, 4});
    gpu::ndarray<std::int64_t> l = gpu::zeros<std::int64_t>({4});
    gpu::ndarray<bool> b = gpu::zeros<bool>({4, 4});
    gpu::ndarray<float> w = gpu::zeros<float>({3});
    // ufuncs
    GND_YES("numpy", abs, gpu::eval(gpu::abs(f)))
    // complex numbers (issue 12)
    gpu::ndarray<std::complex<float>> c = gpu::zeros<std::complex<float>>({4});
    GND_YES("numpy", angle, gpu::eval(gpu::angle(c)))
    GND_YES("numpy", conj, gpu::eval(gpu::conj(c)))
    GND_YES("numpy", conjugate, gpu::eval(gpu::conjugate(c)))
    GND_YES("numpy", real, gpu::real(c))
    GND_YES("numpy", imag, gpu::imag(c))
    GND_YES("numpy", iscomplex, gpu::eval(gpu::iscomplex(c)))
    GND_YES("numpy", isreal, gpu::eval(gpu::isreal(f)))
    GND_YES("numpy", iscomplexobj, gpu::iscomplexobj(c))
    GND_YES("numpy", isrealobj, gpu::isrealobj(f))
    GND_YES("numpy", absolute, gpu::eval(gpu::absolute(f)))
    GND_YES("numpy", fabs, gpu::eval(gpu::fabs(f)))
    GND_YES("numpy", add, gpu::eval(gpu::add(f, f)))
    GND_YES("numpy", subtract, gpu::eval(gpu::subtract(f, f)))
    GND_YES("numpy", multiply, gpu::eval(gpu::multiply(f, f)))
    GND_YES("numpy", divide, gpu::eval(gpu::divide(f, f)))
    GND_YES("numpy", true_divide, gpu::eval(gpu::true_divide(f, f)))
    GND_YES("numpy", floor_divide, gpu::eval(gpu::floor_divide(f, f)))
    GND_YES("numpy", remainder, gpu::eval(gpu::remainder(f, f)))
    GND_YES("numpy", mod, gpu::eval(gpu::mod(f, f)))
    GND_YES("numpy", fmod, gpu::eval(gpu::fmod(f, f)))
    GND_YES("numpy", divmod, gpu::divmod(f, f))
    GND_YES("numpy", modf, gpu::modf(f))
    GND_YES("numpy", frexp, gpu::frexp(f))
    GND_YES("numpy", ldexp, gpu::eval(gpu::ldexp(f, i)))
    GND_YES("numpy", power, gpu::eval(gpu::power(f, f)))
    GND_YES("numpy", pow, gpu::eval(gpu::pow(f, f)))
    GND_YES("numpy", float_power, gpu::eval(gpu::float_power(f, f)))
    GND_YES("numpy", negative, gpu::eval(gpu::negative(f)))
    GND_YES("numpy", positive, gpu::eval(gpu::positive(f)))
    GND_YES("numpy", sign, gpu::eval(gpu::sign(f)))
    GND_YES("numpy", reciprocal, gpu::eval(gpu::reciprocal(f)))
    GND_YES("numpy", square, gpu::eval(gpu::square(f)))
    GND_YES("numpy", sqrt, gpu::eval(gpu::sqrt(f)))
    GND_YES("numpy", cbrt, gpu::eval(gpu::cbrt(f)))
    GND_YES("numpy", exp, gpu::eval(gpu::exp(f)))
    GND_YES("numpy", exp2, gpu::eval(gpu::exp2(f)))
    GND_YES("numpy", expm1, gpu::eval(gpu::expm1(f)))
    GND_YES("numpy", log, gpu::eval(gpu::log(f)))
    GND_YES("numpy", log2, gpu::eval(gpu::log2(f)))
    GND_YES("numpy", log10, gpu::eval(gpu::log10(f)))
    GND_YES("numpy", log1p, gpu::eval(gpu::log1p(f)))
    GND_YES("numpy", logaddexp, gpu::eval(gpu::logaddexp(f, f)))
    GND_YES("numpy", logaddexp2, gpu::eval(gpu::logaddexp2(f, f)))
    GND_YES("numpy", sin, gpu::eval(gpu::sin(f)))
    GND_YES("numpy", cos, gpu::eval(gpu::cos(f)))
    GND_YES("numpy", tan, gpu::eval(gpu::tan(f)))
    GND_YES("numpy", arcsin, gpu::eval(gpu::arcsin(f)))
    GND_YES("numpy", arccos, gpu::eval(gpu::arccos(f)))
    GND_YES("numpy", arctan, gpu::eval(gpu::arctan(f)))
    GND_YES("numpy", asin, gpu::eval(gpu::asin(f)))
    GND_YES("numpy", acos, gpu::eval(gpu::acos(f)))
    GND_YES("numpy", atan, gpu::eval(gpu::atan(f)))
    GND_YES("numpy", arctan2, gpu::eval(gpu::arctan2(f, f)))
    GND_YES("numpy", atan2, gpu::eval(gpu::atan2(f, f)))
    GND_YES("numpy", hypot, gpu::eval(gpu::hypot(f, f)))
    GND_YES("numpy", sinh, gpu::eval(gpu::sinh(f)))
    GND_YES("numpy", cosh, gpu::eval(gpu::cosh(f)))
    GND_YES("numpy", tanh, gpu::eval(gpu::tanh(f)))
    GND_YES("numpy", arcsinh, gpu::eval(gpu::arcsinh(f)))
    GND_YES("numpy", arccosh, gpu::eval(gpu::arccosh(f)))
    GND_YES("numpy", arctanh, gpu::eval(gpu::arctanh(f)))
    GND_YES("numpy", asinh, gpu::eval(gpu::asinh(f)))
    GND_YES("numpy", acosh, gpu::eval(gpu::acosh(f)))
    GND_YES("numpy", atanh, gpu::eval(gpu::atanh(f)))
    GND_YES("numpy", degrees, gpu::eval(gpu::degrees(f)))
    GND_YES("numpy", radians, gpu::eval(gpu::radians(f)))
    GND_YES("numpy", deg2rad, gpu::eval(gpu::deg2rad(f)))
    GND_YES("numpy", rad2deg, gpu::eval(gpu::rad2deg(f)))
    GND_YES("numpy", floor, gpu::eval(gpu::floor(f)))
    GND_YES("numpy", ceil, gpu::eval(gpu::ceil(f)))
    GND_YES("numpy", trunc, gpu::eval(gpu::trunc(f)))
    GND_YES("numpy", rint, gpu::eval(gpu::rint(f)))
    GND_YES("numpy", fix, gpu::eval(gpu::fix(f)))
    GND_YES("numpy", round, gpu::eval(gpu::round(f)))
    GND_YES("numpy", around, gpu::eval(gpu::around(f)))
    GND_YES("numpy", isnan, gpu::eval(gpu::isnan(f)))
    GND_YES("numpy", isinf, gpu::eval(gpu::isinf(f)))
    GND_YES("numpy", isfinite, gpu::eval(gpu::isfinite(f)))
    GND_YES("numpy", isposinf, gpu::eval(gpu::isposinf(f)))
    GND_YES("numpy", isneginf, gpu::eval(gpu::isneginf(f)))
    GND_YES("numpy", signbit, gpu::eval(gpu::signbit(f)))
    GND_YES("numpy", copysign, gpu::eval(gpu::copysign(f, f)))
    GND_YES("numpy", nextafter, gpu::eval(gpu::nextafter(f, f)))
    GND_YES("numpy", spacing, gpu::eval(gpu::spacing(f)))
    GND_YES("numpy", maximum, gpu::eval(gpu::maximum(f, f)))
    GND_YES("numpy", minimum, gpu::eval(gpu::minimum(f, f)))
    GND_YES("numpy", fmax, gpu::eval(gpu::fmax(f, f)))
    GND_YES("numpy", fmin, gpu::eval(gpu::fmin(f, f)))
    GND_YES("numpy", equal, gpu::eval(gpu::equal(f, f)))
    GND_YES("numpy", not_equal, gpu::eval(gpu::not_equal(f, f)))
    GND_YES("numpy", less, gpu::eval(gpu::less(f, f)))
    GND_YES("numpy", less_equal, gpu::eval(gpu::less_equal(f, f)))
    GND_YES("numpy", greater, gpu::eval(gpu::greater(f, f)))
    GND_YES("numpy", greater_equal, gpu::eval(gpu::greater_equal(f, f)))
    GND_YES("numpy", logical_and, gpu::eval(gpu::logical_and(b, b)))
    GND_YES("numpy", logical_or, gpu::eval(gpu::logical_or(b, b)))
    GND_YES("numpy", logical_xor, gpu::eval(gpu::logical_xor(b, b)))
    GND_YES("numpy", logical_not, gpu::eval(gpu::logical_not(b)))
    GND_YES("numpy", bitwise_and, gpu::eval(gpu::bitwise_and(i, i)))
    GND_YES("numpy", bitwise_or, gpu::eval(gpu::bitwise_or(i, i)))
    GND_YES("numpy", bitwise_xor, gpu::eval(gpu::bitwise_xor(i, i)))
    GND_YES("numpy", invert, gpu::eval(gpu::invert(i)))
    GND_YES("numpy", bitwise_not, gpu::eval(gpu::bitwise_not(i)))
    GND_YES("numpy", bitwise_invert, gpu::eval(gpu::bitwise_invert(i)))
    GND_YES("numpy", left_shift, gpu::eval(gpu::left_shift(i, i)))
    GND_YES("numpy", right_shift, gpu::eval(gpu::right_shift(i, i)))
    GND_YES("numpy", bitwise_left_shift, gpu::eval(gpu::bitwise_left_shift(i, i)))
    GND_YES("numpy", bitwise_right_shift, gpu::eval(gpu::bitwise_right_shift(i, i)))
    GND_YES("numpy", gcd, gpu::eval(gpu::gcd(i, i)))
    GND_YES("numpy", lcm, gpu::eval(gpu::lcm(i, i)))
    GND_YES("numpy", heaviside, gpu::eval(gpu::heaviside(f, f)))
    GND_YES("numpy", nan_to_num, gpu::eval(gpu::nan_to_num(f)))
    GND_YES("numpy", isclose, gpu::eval(gpu::isclose(f, f)))
    GND_YES("numpy", allclose, gpu::allclose(f, f))
    GND_YES("numpy", array_equal, gpu::array_equal(f, f))
    GND_YES("numpy", array_equiv, gpu::array_equiv(f, f))
    GND_YES("numpy", where, gpu::eval(gpu::where(b, f, f)))
    GND_YES("numpy", clip, gpu::eval(gpu::clip(f, 0.0f, 1.0f)))
    // reductions and statistics
    GND_YES("numpy", sum, gpu::sum(f))
    GND_YES("numpy", prod, gpu::prod(f))
    GND_YES("numpy", mean, gpu::mean(f))
    GND_YES("numpy", var, gpu::var(f))
    GND_YES("numpy", std, gpu::std(f))
    GND_YES("numpy", max, gpu::max(f))
    GND_YES("numpy", min, gpu::min(f))
    GND_YES("numpy", amax, gpu::amax(f))
    GND_YES("numpy", amin, gpu::amin(f))
    GND_YES("numpy", argmax, gpu::argmax(f))
    GND_YES("numpy", argmin, gpu::argmin(f))
    GND_YES("numpy", all, gpu::all(b))
    GND_YES("numpy", any, gpu::any(b))
    GND_YES("numpy", count_nonzero, gpu::count_nonzero(b))
    GND_YES("numpy", ptp, gpu::ptp(f))
    GND_YES("numpy", nansum, gpu::nansum(f))
    GND_YES("numpy", nanprod, gpu::nanprod(f))
    GND_YES("numpy", nanmean, gpu::nanmean(f))
    GND_YES("numpy", nanvar, gpu::nanvar(f))
    GND_YES("numpy", nanstd, gpu::nanstd(f))
    GND_YES("numpy", nanmax, gpu::nanmax(f))
    GND_YES("numpy", nanmin, gpu::nanmin(f))
    GND_YES("numpy", nanargmax, gpu::nanargmax(f))
    GND_YES("numpy", nanargmin, gpu::nanargmin(f))
    GND_YES("numpy", cumsum, gpu::cumsum(f))
    GND_YES("numpy", cumprod, gpu::cumprod(f))
    GND_YES("numpy", nancumsum, gpu::nancumsum(f))
    GND_YES("numpy", nancumprod, gpu::nancumprod(f))
    GND_YES("numpy", average, gpu::average(f))
    GND_YES("numpy", median, gpu::median(f))
    GND_YES("numpy", nanmedian, gpu::nanmedian(f))
    GND_PARTIAL("numpy", quantile, "method linear and the continuous methods; one q at a time", gpu::quantile(f, 0.5))
    GND_PARTIAL("numpy", percentile, "as quantile", gpu::percentile(f, 50.0))
    GND_PARTIAL("numpy", nanquantile, "as quantile", gpu::nanquantile(f, 0.5))
    GND_PARTIAL("numpy", nanpercentile, "as quantile", gpu::nanpercentile(f, 50.0))
    // creation
    GND_YES("numpy", zeros, gpu::zeros<float>({2, 3}))
    GND_YES("numpy", ones, gpu::ones<float>({2, 3}))
    GND_YES("numpy", empty, gpu::empty<float>({2, 3}))
    GND_YES("numpy", full, gpu::full<float>({2, 3}, 1.0f))
    GND_YES("numpy", zeros_like, gpu::zeros_like(f))
    GND_YES("numpy", ones_like, gpu::ones_like(f))
    GND_YES("numpy", empty_like, gpu::empty_like(f))
    GND_YES("numpy", full_like, gpu::full_like(f, 1.0f))
    GND_YES("numpy", arange, gpu::arange<float>(6))
    GND_YES("numpy", linspace, gpu::linspace<double>(0.0, 1.0, 5))
    GND_YES("numpy", logspace, gpu::logspace<double>(0.0, 1.0, 5))
    GND_YES("numpy", eye, gpu::eye<float>(3))
    GND_YES("numpy", identity, gpu::identity<float>(3))
    GND_YES("numpy", tri, gpu::tri<float>(3))
    GND_YES("numpy", tril, gpu::tril(f))
    GND_YES("numpy", triu, gpu::triu(f))
    GND_YES("numpy", asarray, gpu::asarray(std::vector<float>{1, 2}))
    GND_YES("numpy", meshgrid, gpu::meshgrid(v, v))
    GND_YES("numpy", indices, gpu::indices({2, 3}))
    GND_YES("numpy", diag, gpu::diag(f))
    GND_YES("numpy", diagflat, gpu::diagflat(v))
    // shapes, views and joins
    GND_YES("numpy", reshape, gpu::reshape(f, {16}))
    GND_YES("numpy", ravel, gpu::ravel(f))
    GND_YES("numpy", transpose, gpu::transpose(f))
    GND_YES("numpy", swapaxes, gpu::swapaxes(f, 0, 1))
    GND_YES("numpy", moveaxis, gpu::moveaxis(f, 0, 1))
    GND_YES("numpy", squeeze, gpu::squeeze(f))
    GND_YES("numpy", ascontiguousarray, gpu::ascontiguousarray(f))
    GND_YES("numpy", expand_dims, gpu::expand_dims(f, 0))
    GND_YES("numpy", broadcast_to, gpu::broadcast_to(v, {4, 4}))
    GND_YES("numpy", flip, gpu::flip(f))
    GND_YES("numpy", rot90, gpu::rot90(f))
    GND_YES("numpy", roll, gpu::roll(f, 1))
    GND_YES("numpy", tile, gpu::tile(v, {2}))
    GND_YES("numpy", repeat, gpu::repeat(v, 2))
    GND_YES("numpy", concatenate, gpu::concatenate({f, f}))
    GND_YES("numpy", stack, gpu::stack({f, f}))
    GND_YES("numpy", hstack, gpu::hstack({f, f}))
    GND_YES("numpy", vstack, gpu::vstack({f, f}))
    GND_YES("numpy", split, gpu::split(v, 2))
    GND_YES("numpy", array_split, gpu::array_split(v, 3))
    GND_YES("numpy", diagonal, gpu::diagonal(f))
    GND_YES("numpy", trace, gpu::trace(f))
    GND_YES("numpy", pad, gpu::pad(f, 1))
    GND_YES("numpy", append, gpu::append(v, v))
    GND_PARTIAL("numpy", insert, "a size-1 array obj is not NumPy's special case", gpu::insert(v, 1, 5.0f))
    GND_PARTIAL("numpy", delete, "spelled delete_ (a C++ keyword)", gpu::delete_(v, 1))
    GND_YES("numpy", broadcast_shapes, gpu::broadcast_shapes({4, 1}, {3}))
    // indexing
    GND_YES("numpy", take, gpu::take(v, l))
    GND_YES("numpy", put, (gpu::put(v, l, v), 0))
    GND_YES("numpy", nonzero, gpu::nonzero(b))
    GND_YES("numpy", flatnonzero, gpu::flatnonzero(b))
    GND_YES("numpy", argwhere, gpu::argwhere(b))
    GND_YES("numpy", select, gpu::select({b}, {f}))
    GND_YES("numpy", choose, gpu::choose(i, {f, f}))
    GND_YES("numpy", ix_, gpu::ix_(l, l))
    GND_YES("numpy", unravel_index, gpu::unravel_index(l, {2, 2}))
    GND_YES("numpy", ravel_multi_index, gpu::ravel_multi_index(std::vector{l, l}, {4, 4}))
    GND_YES("numpy", tril_indices, gpu::tril_indices(3))
    GND_YES("numpy", triu_indices, gpu::triu_indices(3))
    GND_YES("numpy", diag_indices, gpu::diag_indices(3))
    GND_YES("numpy", diag_indices_from, gpu::diag_indices_from(f))
    GND_YES("numpy", tril_indices_from, gpu::tril_indices_from(f))
    GND_YES("numpy", triu_indices_from, gpu::triu_indices_from(f))
    // functions
    GND_YES("numpy", diff, gpu::diff(v))
    GND_YES("numpy", ediff1d, gpu::ediff1d(v))
    GND_PARTIAL("numpy", gradient, "uniform spacing only; always one array per axis", gpu::gradient(v))
    GND_YES("numpy", convolve, gpu::convolve(v, v))
    GND_YES("numpy", correlate, gpu::correlate(v, v))
    GND_PARTIAL("numpy", interp, "O(x.size * xp.size)", gpu::interp(v, v, v))
    GND_YES("numpy", cross, gpu::cross(w, w))
    // products
    GND_YES("numpy", matmul, gpu::matmul(f, f))
    GND_YES("numpy", dot, gpu::dot(f, f))
    GND_YES("numpy", vdot, gpu::vdot(v, v))
    GND_YES("numpy", inner, gpu::inner(v, v))
    GND_YES("numpy", outer, gpu::outer(v, v))
    GND_YES("numpy", tensordot, gpu::tensordot(f, f, 1))
    GND_YES("numpy", kron, gpu::kron(f, f))
    GND_PARTIAL("numpy", einsum, "one or two operands, no ellipsis", gpu::einsum("ij,jk->ik", f, f))
    // sorting, searching, counting
    GND_YES("numpy", sort, gpu::sort(f))
    GND_YES("numpy", argsort, gpu::argsort(f))
    GND_PARTIAL("numpy", lexsort, "1-D keys", gpu::lexsort(std::vector{v, v}))
    GND_YES("numpy", partition, gpu::partition(v, 1))
    GND_YES("numpy", argpartition, gpu::argpartition(v, 1))
    GND_YES("numpy", searchsorted, gpu::searchsorted(v, v))
    GND_YES("numpy", unique, gpu::unique(v))
    GND_YES("numpy", unique_values, gpu::unique_values(v))
    GND_YES("numpy", unique_counts, gpu::unique_counts(v))
    GND_YES("numpy", unique_inverse, gpu::unique_inverse(v))
    GND_YES("numpy", unique_all, gpu::unique_all(v))
    GND_YES("numpy", isin, gpu::isin(v, v))
    GND_YES("numpy", intersect1d, gpu::intersect1d(v, v))
    GND_YES("numpy", union1d, gpu::union1d(v, v))
    GND_YES("numpy", setdiff1d, gpu::setdiff1d(v, v))
    GND_YES("numpy", setxor1d, gpu::setxor1d(v, v))
    GND_YES("numpy", bincount, gpu::bincount(l))
    GND_YES("numpy", digitize, gpu::digitize(v, v))
    GND_PARTIAL("numpy", histogram, "no string bin rules", gpu::histogram(v, 4))
    GND_PARTIAL("numpy", histogram2d, "no weights", gpu::histogram2d(v, v, 4))
    GND_PARTIAL("numpy", histogram_bin_edges, "no string bin rules", gpu::histogram_bin_edges(v, 4))
    // files and interop
    GND_YES("numpy", save, (gpu::save("x.npy", f), 0))
    GND_YES("numpy", load, gpu::load<float>("x.npy"))
    GND_YES("numpy", savez, (gpu::savez("x.npz", {{"f", f}}), 0))
    GND_YES("numpy", savez_compressed, (gpu::savez_compressed("x.npz", {{"f", f}}), 0))
    GND_YES("numpy", from_dlpack, gpu::from_dlpack<float>(gpu::to_dlpack(f)))
}

void linalg_namespace(probe& p) {
    gpu::ndarray<float> f = gpu::eye<float>(4);
    gpu::ndarray<float> v = gpu::ones<float>({4});
    gpu::ndarray<float> w = gpu::ones<float>({3});
    namespace la = gpu::linalg;
    GND_YES("numpy.linalg", solve, la::solve(f, v))
    GND_YES("numpy.linalg", inv, la::inv(f))
    GND_YES("numpy.linalg", det, la::det(f))
    GND_YES("numpy.linalg", slogdet, la::slogdet(f))
    GND_YES("numpy.linalg", cholesky, la::cholesky(f))
    GND_YES("numpy.linalg", qr, la::qr(f))
    GND_YES("numpy.linalg", svd, la::svd(f))
    GND_YES("numpy.linalg", svdvals, la::svdvals(f))
    GND_YES("numpy.linalg", eigh, la::eigh(f))
    GND_YES("numpy.linalg", eigvalsh, la::eigvalsh(f))
    GND_PARTIAL("numpy.linalg", eig, "real spectra only until complex dtypes", la::eig(f))
    GND_PARTIAL("numpy.linalg", eigvals, "real spectra only until complex dtypes", la::eigvals(f))
    GND_PARTIAL("numpy.linalg", lstsq, "2-D a", la::lstsq(f, v))
    GND_YES("numpy.linalg", pinv, la::pinv(f))
    GND_YES("numpy.linalg", matrix_rank, la::matrix_rank(f))
    GND_YES("numpy.linalg", norm, la::norm(f))
    GND_YES("numpy.linalg", cond, la::cond(f))
    GND_YES("numpy.linalg", matrix_power, la::matrix_power(f, 3))
    GND_YES("numpy.linalg", multi_dot, la::multi_dot(std::vector{f, f, f}))
    GND_YES("numpy.linalg", tensorinv, la::tensorinv(f, 1))
    GND_YES("numpy.linalg", tensorsolve, la::tensorsolve(f, v))
    GND_YES("numpy.linalg", matmul, la::matmul(f, f))
    GND_YES("numpy.linalg", outer, la::outer(v, v))
    GND_YES("numpy.linalg", tensordot, la::tensordot(f, f, 1))
    GND_YES("numpy.linalg", matrix_transpose, la::matrix_transpose(f))
    GND_YES("numpy.linalg", diagonal, la::diagonal(f))
    GND_YES("numpy.linalg", trace, la::trace(f))
    GND_YES("numpy.linalg", vecdot, la::vecdot(v, v))
    GND_YES("numpy.linalg", vector_norm, la::vector_norm(v))
    GND_YES("numpy.linalg", matrix_norm, la::matrix_norm(f))
    GND_YES("numpy.linalg", cross, la::cross(w, w))
}

void fft_namespace(probe& p) {
    gpu::ndarray<float> v = gpu::ones<float>({8});
    gpu::ndarray<float> f = gpu::ones<float>({4, 4});
    gpu::ndarray<std::complex<float>> c = gpu::ones<std::complex<float>>({4, 4});
    namespace ft = gpu::fft;
    GND_YES("numpy.fft", fft, ft::fft(v))
    GND_YES("numpy.fft", ifft, ft::ifft(v))
    GND_YES("numpy.fft", rfft, ft::rfft(v))
    GND_YES("numpy.fft", irfft, ft::irfft(c))
    GND_YES("numpy.fft", hfft, ft::hfft(c))
    GND_YES("numpy.fft", ihfft, ft::ihfft(v))
    GND_YES("numpy.fft", fft2, ft::fft2(f))
    GND_YES("numpy.fft", ifft2, ft::ifft2(c))
    GND_YES("numpy.fft", rfft2, ft::rfft2(f))
    GND_YES("numpy.fft", irfft2, ft::irfft2(c))
    GND_YES("numpy.fft", fftn, ft::fftn(f))
    GND_YES("numpy.fft", ifftn, ft::ifftn(c))
    GND_YES("numpy.fft", rfftn, ft::rfftn(f))
    GND_YES("numpy.fft", irfftn, ft::irfftn(c))
    GND_YES("numpy.fft", fftfreq, ft::fftfreq(8))
    GND_YES("numpy.fft", rfftfreq, ft::rfftfreq(8))
    GND_YES("numpy.fft", fftshift, ft::fftshift(f))
    GND_YES("numpy.fft", ifftshift, ft::ifftshift(f))
}

void random_namespace(probe& p) {
    gpu::ndarray<float> v = gpu::ones<float>({4});
    namespace r = gpu::random;
    GND_YES("numpy.random", rand, r::rand<float>({4}))
    GND_YES("numpy.random", randn, r::randn<float>({4}))
    GND_YES("numpy.random", uniform, r::uniform<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", normal, r::normal<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", randint, r::randint(0, 10, {4}))
    GND_YES("numpy.random", permutation, r::permutation(8))
    GND_YES("numpy.random", shuffle, (r::shuffle(v), 0))
    GND_YES("numpy.random", seed, (r::seed(1), 0))
    GND_YES("numpy.random", random, r::random<float>({4}))
    GND_YES("numpy.random", random_sample, r::random_sample<float>({4}))
    GND_YES("numpy.random", ranf, r::ranf<float>({4}))
    GND_YES("numpy.random", sample, r::sample<float>({4}))
    GND_YES("numpy.random", standard_normal, r::standard_normal<float>({4}))
    GND_YES("numpy.random", standard_exponential, r::standard_exponential<float>({4}))
    GND_YES("numpy.random", exponential, r::exponential<float>(2.0, {4}))
    GND_YES("numpy.random", lognormal, r::lognormal<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", laplace, r::laplace<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", logistic, r::logistic<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", gumbel, r::gumbel<float>(0.0, 1.0, {4}))
    GND_YES("numpy.random", rayleigh, r::rayleigh<float>(1.0, {4}))
    GND_YES("numpy.random", weibull, r::weibull<float>(2.0, {4}))
    GND_YES("numpy.random", pareto, r::pareto<float>(2.0, {4}))
    GND_YES("numpy.random", power, r::power<float>(2.0, {4}))
    GND_YES("numpy.random", standard_cauchy, r::standard_cauchy<float>({4}))
    GND_YES("numpy.random", triangular, r::triangular<float>(0.0, 1.0, 2.0, {4}))
    GND_YES("numpy.random", geometric, r::geometric(0.5, {4}))
    GND_YES("numpy.random", standard_gamma, r::standard_gamma<float>(2.0, {4}))
    GND_YES("numpy.random", gamma, r::gamma<float>(2.0, 1.0, {4}))
    GND_YES("numpy.random", beta, r::beta<float>(2.0, 3.0, {4}))
    GND_YES("numpy.random", chisquare, r::chisquare<float>(3.0, {4}))
    GND_YES("numpy.random", f, r::f<float>(3.0, 5.0, {4}))
    GND_YES("numpy.random", standard_t, r::standard_t<float>(3.0, {4}))
    GND_YES("numpy.random", poisson, r::poisson(3.0, {4}))
    GND_YES("numpy.random", binomial, r::binomial(10, 0.5, {4}))
    GND_YES("numpy.random", negative_binomial, r::negative_binomial(3.0, 0.5, {4}))
    GND_YES("numpy.random", choice, r::choice(8, {4}))
    GND_YES("numpy.random", bytes, r::bytes(4))
    GND_YES("numpy.random", random_integers, r::random_integers(1, 6, {4}))
    GND_YES("numpy.random", dirichlet, r::dirichlet<float>({1.0, 2.0}, {4}))
    GND_YES("numpy.random", wald, r::wald<float>(1.0, 2.0, {4}))
    GND_YES("numpy.random", noncentral_chisquare, r::noncentral_chisquare<float>(2.0, 1.0, {4}))
    GND_YES("numpy.random", noncentral_f, r::noncentral_f<float>(2.0, 3.0, 1.0, {4}))
    GND_YES("numpy.random", zipf, r::zipf(2.0, {4}))
    GND_YES("numpy.random", logseries, r::logseries(0.5, {4}))
    GND_YES("numpy.random", multinomial, r::multinomial(10, {0.5, 0.5}, {4}))
    GND_YES("numpy.random", hypergeometric, r::hypergeometric(5, 5, 3, {4}))
    GND_YES("numpy.random", vonmises, r::vonmises<float>(0.0, 1.0, {4}))
}

std::set<std::string> probed() {
    probe p{false, {}};
    main_namespace(p);
    linalg_namespace(p);
    fft_namespace(p);
    random_namespace(p);
    return p.names;
}

// Names the table marks Y or partial: rows "| `numpy.x` | Y |" or "| `numpy.x` | partial: ...".
std::set<std::string> table_names(const std::string& path) {
    std::ifstream in(path);
    std::set<std::string> r;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| `numpy", 0) != 0) continue;
        const auto a = line.find('`') + 1, b = line.find('`', a);
        const auto mark = line.substr(line.find('|', b) + 2, 1);
        if (mark == "Y" || mark == "p") r.insert(line.substr(a, b - a));
    }
    return r;
}

TEST(NumpyCoverage, TableListsExactlyTheProbedNames) {
    const auto table = table_names(GND_SOURCE_DIR "/docs/numpy_coverage.md");
    const auto names = probed();
    ASSERT_GT(table.size(), 100u);
    for (const auto& n : names) EXPECT_TRUE(table.count(n)) << n << " compiles here but the table does not mark it";
    for (const auto& n : table) EXPECT_TRUE(names.count(n)) << n << " is marked in the table but not probed";
}

}  // namespace
