// Checks how gpu::matmul drives cuBLAS, without a GPU: the cuBLAS entry points it calls are
// replaced by host implementations of their documented column-major semantics (including the
// leading-dimension rules cuBLAS enforces), the float path runs on host arrays, and every result
// is compared with the host executor's loop. Covers op flags, leading dimensions, gemv, strided
// batches, broadcast batches, the folded (batch, n, k) @ (k, m) product and copies.
//   bash tools/linalg_emulate/run.sh   (builds and runs this too)
#include <cublas_v2.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

// Route the calls to the mocks below (the declarations in cublas_api.h are renamed the same way).
#define cublasGemmEx_64 mock_gemm
#define cublasGemmStridedBatchedEx_64 mock_gemm_batched
#undef cublasSgemv_64
#undef cublasDgemv_64
#define cublasSgemv_64 mock_sgemv
#define cublasDgemv_64 mock_dgemv
#undef cublasCreate
#undef cublasSetStream
#undef cublasSetWorkspace
#undef cublasSetPointerMode
#define cublasCreate mock_create
#define cublasSetStream mock_set_stream
#define cublasSetWorkspace mock_set_workspace
#define cublasSetPointerMode mock_set_pointer_mode

// Declared before the library's headers use them.
cublasStatus_t mock_create(cublasHandle_t* h);
cublasStatus_t mock_set_stream(cublasHandle_t, cudaStream_t);
cublasStatus_t mock_set_workspace(cublasHandle_t, void*, size_t);
cublasStatus_t mock_set_pointer_mode(cublasHandle_t, cublasPointerMode_t);
cublasStatus_t mock_gemm(cublasHandle_t, cublasOperation_t ta, cublasOperation_t tb, int64_t m, int64_t n, int64_t k,
                         const void* alpha, const void* A, cudaDataType_t at, int64_t lda, const void* B, cudaDataType_t,
                         int64_t ldb, const void* beta, void* C, cudaDataType_t, int64_t ldc, cublasComputeType_t,
                         cublasGemmAlgo_t);
cublasStatus_t mock_gemm_batched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int64_t m, int64_t n,
                                 int64_t k, const void* alpha, const void* A, cudaDataType_t at, int64_t lda,
                                 long long sa, const void* B, cudaDataType_t bt, int64_t ldb, long long sb,
                                 const void* beta, void* C, cudaDataType_t ct, int64_t ldc, long long sc, int64_t count,
                                 cublasComputeType_t comp, cublasGemmAlgo_t algo);
cublasStatus_t mock_sgemv(cublasHandle_t, cublasOperation_t t, int64_t m, int64_t n, const float* alpha, const float* A,
                          int64_t lda, const float* x, int64_t incx, const float* beta, float* y, int64_t incy);
cublasStatus_t mock_dgemv(cublasHandle_t, cublasOperation_t t, int64_t m, int64_t n, const double* alpha, const double* A,
                          int64_t lda, const double* x, int64_t incx, const double* beta, double* y, int64_t incy);

#include <gpu/linalg.hpp>

static int calls_gemm = 0, calls_batched = 0, calls_gemv = 0;

cublasStatus_t mock_create(cublasHandle_t* h) {
    *h = reinterpret_cast<cublasHandle_t>(0x1);
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t mock_set_stream(cublasHandle_t, cudaStream_t) { return CUBLAS_STATUS_SUCCESS; }
cublasStatus_t mock_set_workspace(cublasHandle_t, void*, size_t) { return CUBLAS_STATUS_SUCCESS; }
cublasStatus_t mock_set_pointer_mode(cublasHandle_t, cublasPointerMode_t) { return CUBLAS_STATUS_SUCCESS; }

template <class T>
static cublasStatus_t gemm_t(cublasOperation_t ta, cublasOperation_t tb, int64_t m, int64_t n, int64_t k, T alpha,
                             const T* A, int64_t lda, const T* B, int64_t ldb, T beta, T* C, int64_t ldc) {
    const bool na = ta == CUBLAS_OP_N, nb = tb == CUBLAS_OP_N;
    if (m < 0 || n < 0 || k < 0) return CUBLAS_STATUS_INVALID_VALUE;
    if (lda < std::max<int64_t>(1, na ? m : k) || ldb < std::max<int64_t>(1, nb ? k : n) || ldc < std::max<int64_t>(1, m)) {
        std::printf("  invalid leading dimension: m=%lld n=%lld k=%lld lda=%lld ldb=%lld ldc=%lld\n", (long long)m,
                    (long long)n, (long long)k, (long long)lda, (long long)ldb, (long long)ldc);
        return CUBLAS_STATUS_INVALID_VALUE;
    }
    for (int64_t j = 0; j < n; ++j)
        for (int64_t i = 0; i < m; ++i) {
            T acc = 0;
            for (int64_t l = 0; l < k; ++l) {
                const T a = na ? A[i + l * lda] : A[l + i * lda];
                const T b = nb ? B[l + j * ldb] : B[j + l * ldb];
                acc += a * b;
            }
            C[i + j * ldc] = alpha * acc + (beta == T(0) ? T(0) : beta * C[i + j * ldc]);
        }
    return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t mock_gemm(cublasHandle_t, cublasOperation_t ta, cublasOperation_t tb, int64_t m, int64_t n, int64_t k,
                         const void* alpha, const void* A, cudaDataType_t at, int64_t lda, const void* B, cudaDataType_t,
                         int64_t ldb, const void* beta, void* C, cudaDataType_t, int64_t ldc, cublasComputeType_t,
                         cublasGemmAlgo_t) {
    ++calls_gemm;
    if (at == CUDA_R_32F)
        return gemm_t<float>(ta, tb, m, n, k, *(const float*)alpha, (const float*)A, lda, (const float*)B, ldb,
                             *(const float*)beta, (float*)C, ldc);
    return gemm_t<double>(ta, tb, m, n, k, *(const double*)alpha, (const double*)A, lda, (const double*)B, ldb,
                          *(const double*)beta, (double*)C, ldc);
}

cublasStatus_t mock_gemm_batched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int64_t m, int64_t n,
                                 int64_t k, const void* alpha, const void* A, cudaDataType_t at, int64_t lda,
                                 long long sa, const void* B, cudaDataType_t bt, int64_t ldb, long long sb,
                                 const void* beta, void* C, cudaDataType_t ct, int64_t ldc, long long sc, int64_t count,
                                 cublasComputeType_t comp, cublasGemmAlgo_t algo) {
    ++calls_batched;
    const std::size_t e = at == CUDA_R_32F ? 4 : 8;
    for (int64_t z = 0; z < count; ++z) {
        const cublasStatus_t s =
            mock_gemm(h, ta, tb, m, n, k, alpha, (const char*)A + z * sa * e, at, lda, (const char*)B + z * sb * e, bt,
                      ldb, beta, (char*)C + z * sc * e, ct, ldc, comp, algo);
        if (s != CUBLAS_STATUS_SUCCESS) return s;
    }
    return CUBLAS_STATUS_SUCCESS;
}

template <class T>
static cublasStatus_t gemv_t(cublasOperation_t t, int64_t m, int64_t n, const T* alpha, const T* A, int64_t lda,
                             const T* x, int64_t incx, const T* beta, T* y, int64_t incy) {
    ++calls_gemv;
    if (lda < std::max<int64_t>(1, m) || incx == 0 || incy == 0) {
        std::printf("  invalid gemv arguments: m=%lld n=%lld lda=%lld incx=%lld\n", (long long)m, (long long)n,
                    (long long)lda, (long long)incx);
        return CUBLAS_STATUS_INVALID_VALUE;
    }
    const bool tr = t != CUBLAS_OP_N;
    const int64_t rows = tr ? n : m, len = tr ? m : n;
    for (int64_t i = 0; i < rows; ++i) {
        T acc = 0;
        for (int64_t l = 0; l < len; ++l) acc += (tr ? A[l + i * lda] : A[i + l * lda]) * x[l * incx];
        y[i * incy] = *alpha * acc + (*beta == T(0) ? T(0) : *beta * y[i * incy]);
    }
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t mock_sgemv(cublasHandle_t, cublasOperation_t t, int64_t m, int64_t n, const float* alpha, const float* A,
                          int64_t lda, const float* x, int64_t incx, const float* beta, float* y, int64_t incy) {
    return gemv_t<float>(t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
cublasStatus_t mock_dgemv(cublasHandle_t, cublasOperation_t t, int64_t m, int64_t n, const double* alpha, const double* A,
                          int64_t lda, const double* x, int64_t incx, const double* beta, double* y, int64_t incy) {
    return gemv_t<double>(t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}

namespace d = gpu::detail;

template <class T>
gpu::ndarray<T> ints(const gpu::shape_t& shape, int base) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < gpu::size_of(shape); ++i) v.push_back(static_cast<T>((i * 7 + base * 3) % 11) - 4);
    return gpu::asarray(v, shape);
}

static int failures = 0;

template <class T>
void check(const char* what, const gpu::ndarray<T>& a, const gpu::ndarray<T>& b) {
    const d::matmul_plan p = d::plan_matmul(a, b);
    gpu::ndarray<T> got(p.out_shape, gpu::executor::host), want(p.out_shape, gpu::executor::host);
    d::matmul_on_host_loop<T>(a.data(), b.data(), want.data(), p.n, p.k, p.m, p.a_rs, p.a_cs, p.b_rs, p.b_cs, p.batch,
                              p.a_bs, p.b_bs);
    const int g0 = calls_gemm, b0 = calls_batched, v0 = calls_gemv;
    try {
        d::matmul_cublas<T>(a, b, got, p);
    } catch (const std::exception& e) {
        std::printf("%-40s EXCEPTION %s\n", what, e.what());
        ++failures;
        return;
    }
    int bad = 0;
    for (std::int64_t i = 0; i < got.size(); ++i) bad += got.data()[i] != want.data()[i];
    std::printf("%-40s %s  (gemm %d, strided-batched %d, gemv %d)\n", what, bad ? "MISMATCH" : "ok", calls_gemm - g0,
                calls_batched - b0, calls_gemv - v0);
    failures += bad != 0;
}

template <class T>
void all() {
    const auto a = ints<T>({5, 4}, 0), b = ints<T>({6, 5}, 1), s = ints<T>({3, 4, 5}, 2);
    check<T>("(4,5)@(5,6) both transposed", a.T(), b.T());
    check<T>("(6,5)@(5,4)", b, a);
    check<T>("a.T @ b.T", a.T(), gpu::eval(b.T()).T().T());
    check<T>("rows step 2 (ld 10)", gpu::ndarray<T>(b.buffer(), {3, 5}, {10, 1}, 0), a);
    check<T>("strided columns (copied)", gpu::ndarray<T>(b.buffer(), {6, 2}, {5, 2}, 1), a(gpu::slice(0, 2)));
    check<T>("negative row stride (copied)", gpu::ndarray<T>(a.buffer(), {5, 4}, {-4, 1}, 16), a.T());
    check<T>("A @ v", a, ints<T>({4}, 3));
    check<T>("A.T @ v", a.T(), ints<T>({5}, 3));
    check<T>("v @ B", ints<T>({5}, 4), a);
    check<T>("v @ B.T", ints<T>({4}, 4), a.T());
    check<T>("A @ strided v", a, gpu::ndarray<T>(b.buffer(), {4}, {5}, 2));
    check<T>("strided v @ B", gpu::ndarray<T>(b.buffer(), {5}, {5}, 0), a);
    check<T>("v @ v", ints<T>({6}, 1), ints<T>({6}, 2));
    check<T>("(1,4)@(4,1)", ints<T>({1, 4}, 1), ints<T>({4, 1}, 2));
    check<T>("batched (3,4,5)@(3,5,2)", s, ints<T>({3, 5, 2}, 5));
    check<T>("batched, B transposed", s, ints<T>({3, 2, 5}, 5).transpose({0, 2, 1}));
    check<T>("batched, A transposed", ints<T>({3, 5, 4}, 6).transpose({0, 2, 1}), ints<T>({3, 5, 2}, 5));
    check<T>("stack @ matrix (folded)", s, ints<T>({5, 3}, 7));
    check<T>("stack.T @ matrix (strided batched)", ints<T>({3, 5, 4}, 6).transpose({0, 2, 1}), ints<T>({5, 3}, 7));
    check<T>("matrix @ stack (batch stride 0)", a, ints<T>({2, 4, 3}, 8));
    check<T>("broadcast (2,1,3,4)@(5,4,2)", ints<T>({2, 1, 3, 4}, 1), ints<T>({5, 4, 2}, 2));
    check<T>("stack @ vector", s, ints<T>({5}, 3));
    check<T>("vector @ stack", ints<T>({4}, 3), s);
    check<T>("broadcast batch view (stride 0)", gpu::ndarray<T>(s.buffer(), {3, 4, 5}, {0, 5, 1}, 0), a);
    check<T>("larger, sliced + transposed", ints<T>({3, 40, 70}, 4)(gpu::slice(), gpu::slice(0, 33), gpu::slice(1, 61)).transpose({0, 2, 1}),
             ints<T>({50, 40}, 5)(gpu::slice(0, 20), gpu::slice(0, 33)).T());
    check<T>("(2,3,1,4)@(3,4,6) outer loop", ints<T>({2, 3, 1, 4}, 2), ints<T>({3, 4, 6}, 3));
}

int main() {
    gpu::executor_scope host(gpu::executor::host);
    // The workspace of (device 0, default stream): host memory here.
    d::stream_workspace w;
    w.mem = d::make_buffer(1024, gpu::executor::host);
    d::this_thread_linalg().spaces.emplace_back(0, std::move(w));
    std::printf("-- float32\n");
    all<float>();
    std::printf("-- float64\n");
    all<double>();
    std::printf("%s\n", failures ? "FAILED" : "all match");
    return failures != 0;
}
