// A least-squares regression two ways, as a NumPy user would write it:
//
//   X = np.stack([np.ones_like(t), t, t**2, np.sin(3*t)], axis=1)
//   w_lstsq = np.linalg.lstsq(X, y)[0]               # through the SVD
//   w_normal = np.linalg.solve(X.T @ X, X.T @ y)     # the normal equations
//
// and checks that both recover the coefficients the data was made with, and agree. On the GPU
// the products run on cuBLAS and the factorizations on cuSOLVER; on the host executor on
// OpenBLAS and LAPACKE.
#include <gpu/linalg.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    if (gpu::current_executor() == gpu::executor::host && !gpu::linalg::host_lapack_available()) {
        std::printf("host executor without LAPACKE: nothing to run (build with liblapacke-dev and a BLAS)\n");
        return 0;
    }
    std::printf("executor: %s\n", gpu::to_string(gpu::current_executor()));
    const std::int64_t m = 2000;
    const std::vector<double> w_true{0.5, -1.25, 0.75, 2.0};

    // Features: 1, t, t^2, sin(3t) for t in [-2, 2]; y = X w_true + small deterministic noise.
    const auto t = gpu::linspace<double>(-2.0, 2.0, m);
    const gpu::ndarray<double> ones = gpu::ones<double>({m});
    const gpu::ndarray<double> t2 = t * t, s3 = gpu::sin(t * 3.0);
    const auto X = gpu::stack(std::vector<gpu::ndarray<double>>{ones, t, t2, s3}, 1);  // (m, 4)
    const auto w = gpu::asarray(w_true);
    const gpu::ndarray<double> y = gpu::matmul(X, w) + gpu::sin(t * 37.0) * 1e-3;

    const auto fit = gpu::linalg::lstsq(X, y);
    const auto w_lstsq = gpu::asnumpy(fit.x);
    const auto w_normal = gpu::asnumpy(gpu::linalg::solve(gpu::matmul(X.T(), X), gpu::matmul(X.T(), y)));

    int failures = 0;
    std::printf("coefficient   true        lstsq        normal equations\n");
    for (std::size_t i = 0; i < w_true.size(); ++i) {
        std::printf("w[%zu]        % .6f   % .9f   % .9f\n", i, w_true[i], w_lstsq[i], w_normal[i]);
        if (std::fabs(w_lstsq[i] - w_true[i]) > 1e-2) ++failures;
        if (std::fabs(w_lstsq[i] - w_normal[i]) > 1e-9) ++failures;
    }
    std::printf("rank %lld, residual sum of squares %.3e, singular values %.3f ... %.3f\n",
                static_cast<long long>(fit.rank), gpu::asnumpy(fit.residuals)[0], gpu::asnumpy(fit.s)[0],
                gpu::asnumpy(fit.s)[3]);
    std::printf("%s\n", failures ? "MISMATCH" : "both fits agree");
    return failures ? 1 : 0;
}
