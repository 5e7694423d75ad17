// Thrust on gpu::ndarray (built with nvcc: -DGPU_NDARRAY_BUILD_THRUST=ON): sort an array in place,
// reduce it, and sum the squares of a strided view, all on the library's current stream with
// Thrust's temporaries from the library's pool.
#include <gpu/ndarray.hpp>
#include <gpu/thrust.hpp>

#include <thrust/functional.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>
#include <thrust/transform_reduce.h>

#include <cstdio>

struct square {
    __host__ __device__ float operator()(float x) const { return x * x; }
};

int main() {
    if (!gpu::cuda_available()) {
        std::printf("example_thrust_sort needs a GPU\n");
        return 0;
    }
    gpu::ndarray<float> a = gpu::random::rand<float>(gpu::shape_t{1 << 20});
    thrust::sort(gpu::thrust::policy(), begin(a), end(a));
    const float total = thrust::reduce(gpu::thrust::policy(), begin(a), end(a));
    const auto m = a.reshape({1024, 1024});
    const auto col = m(gpu::slice(), 7);  // a strided view
    const float sq = thrust::transform_reduce(gpu::thrust::policy(), strided_begin(col), strided_end(col), square{}, 0.0f,
                                              thrust::plus<float>());
    std::printf("sorted 2^20 floats: first %g last %g, sum %g; sum of squares of column 7: %g\n",
                static_cast<float>(gpu::asnumpy(a(0)).data()[0]), static_cast<float>(gpu::asnumpy(a(-1)).data()[0]), total,
                sq);
    return 0;
}
