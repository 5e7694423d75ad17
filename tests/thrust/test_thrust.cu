// <gpu/thrust.hpp>, built with nvcc (GPU_NDARRAY_BUILD_THRUST=ON); runs on a GPU only.
#include <gtest/gtest.h>

#include <gpu/ndarray.hpp>
#include <gpu/thrust.hpp>

#include <thrust/functional.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>
#include <thrust/transform_reduce.h>

#include <vector>

namespace {

struct square {
    __host__ __device__ float operator()(float x) const { return x * x; }
};

TEST(Thrust, SortAndReduceAnArray) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a GPU";
    std::vector<float> v{5, 3, 9, 1, 7, 2};
    auto a = gpu::asarray(v);
    ::thrust::sort(gpu::thrust::policy(), begin(a), end(a));
    auto h = gpu::asnumpy(a);
    EXPECT_EQ(std::vector<float>(h.begin(), h.end()), (std::vector<float>{1, 2, 3, 5, 7, 9}));
    EXPECT_EQ(::thrust::reduce(gpu::thrust::policy(), begin(a), end(a)), 27.0f);
}

TEST(Thrust, StridedViewOnAStream) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a GPU";
    gpu::stream s;
    gpu::stream_scope on(s);
    auto a = gpu::asarray<float>({{1, 2, 3}, {4, 5, 6}});
    const auto t = a.T()(gpu::slice(gpu::none, gpu::none, -1));  // rows of a.T reversed: [[3,6],[2,5],[1,4]]
    EXPECT_THROW((void)begin(t), gpu::value_error);
    const float sq = ::thrust::transform_reduce(gpu::thrust::policy(), strided_begin(t), strided_end(t), square{}, 0.0f,
                                                ::thrust::plus<float>());
    EXPECT_EQ(sq, 91.0f);
    gpu::ndarray<float> order(gpu::shape_t{6});
    ::thrust::copy(gpu::thrust::policy(), strided_begin(t), strided_end(t), begin(order));
    auto h = gpu::asnumpy(order);
    EXPECT_EQ(std::vector<float>(h.begin(), h.end()), (std::vector<float>{3, 6, 2, 5, 1, 4}));
}

}  // namespace
