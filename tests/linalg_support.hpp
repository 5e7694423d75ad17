#pragma once
// Helpers of the tests/test_linalg_*.cpp files: NumPy's values (linalg_numpy_data.hpp, made by
// tools/numpy_data/gen_linalg.py) as arrays of a dtype, comparisons within the dtype's tolerance,
// and the executors that can run factorizations (the host executor only with LAPACKE).
#include "support.hpp"

#include <gpu/linalg.hpp>

#include <cmath>
#include <complex>
#include <cstdint>
#include <vector>

#include "linalg_numpy_data.hpp"

namespace linalg_test {

// The executors to test factorizations on: the GPU when there is one, the host executor when the
// build found LAPACKE (a GPU machine without OpenBLAS still checks the GPU against NumPy's values).
template <class F>
void for_each_linalg_executor(F&& body) {
    for (gpu::executor e : gpu_test::test_executors()) {
        if (e == gpu::executor::host && !gpu::linalg::host_lapack_available()) continue;
        gpu_test::executor_trial trial(e, __FILE__, __LINE__);
        body();
    }
}

// NumPy's float64 values as an array of T.
template <class T>
gpu::ndarray<T> in(const std::vector<double>& v, const gpu::shape_t& shape) {
    std::vector<T> t(v.begin(), v.end());
    return gpu::asarray(t, shape);
}

template <class T>
double tol() {
    return std::is_same_v<T, float> || std::is_same_v<T, std::complex<float>> ? 2e-4 : 1e-10;
}

// NumPy's complex128 values as an array of C (complex64 or complex128).
template <class C>
gpu::ndarray<C> cin(const std::vector<std::complex<double>>& v, const gpu::shape_t& shape) {
    std::vector<C> t;
    for (const auto& z : v) t.push_back(C(z));
    return gpu::asarray(t, shape);
}

// a's complex values against NumPy's: both parts within tol<C>() relative to |z| (absolute near 0).
template <class C>
void expect_cnear(const gpu::ndarray<C>& a, const std::vector<std::complex<double>>& expected, const gpu::shape_t& shape) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(shape));
    const std::vector<C> got = gpu_test::values_of(a);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        const std::complex<double> g(got[i]);
        const double scale = std::max({1.0, std::abs(expected[i])});
        EXPECT_LE(std::abs(g - expected[i]), tol<C>() * scale)
            << "element " << i << ": got " << g << ", NumPy " << expected[i];
    }
}

// a's values (optionally their absolute values) against NumPy's, relative and absolute tol<T>().
template <class T>
void expect_near(const gpu::ndarray<T>& a, const std::vector<double>& expected, const gpu::shape_t& shape,
                 bool absolute = false) {
    EXPECT_EQ(gpu::to_string(a.shape()), gpu::to_string(shape));
    const std::vector<T> got = gpu_test::values_of(a);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        const double g = absolute ? std::fabs(double(got[i])) : double(got[i]);
        EXPECT_TRUE(gpu_test::same_value<double>(g, expected[i], tol<T>(), tol<T>()))
            << "element " << i << ": got " << g << ", NumPy " << expected[i];
    }
}

}  // namespace linalg_test

#define LINALG_DATA(name) linalg_data::name, linalg_data::name##_shape
