#pragma once
// Helpers of the tests/test_linalg_*.cpp files: NumPy's values (linalg_numpy_data.hpp, made by
// tools/numpy_data/gen_linalg.py) as arrays of a dtype, comparisons within the dtype's tolerance,
// and the executors that can run factorizations (the host executor only with LAPACKE).
#include "support.hpp"

#include <gpu/linalg.hpp>

#include <cmath>
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
    return std::is_same_v<T, float> ? 2e-4 : 1e-10;
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
