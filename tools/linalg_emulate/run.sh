#!/usr/bin/env bash
# Checks the linalg GPU paths on a machine without a GPU. 1) The kernels (matmul_tiled,
# batch_pointers) run on the CPU: the CUDA source is
# compiled as C++ with one std::thread per CUDA thread and a barrier for __syncthreads, and the
# results are compared with the host executor's loop. 2) gpu::matmul's cuBLAS calls run against
# host implementations of cuBLAS's semantics (cublas_mock.cpp). Not part of CI.
#   bash tools/linalg_emulate/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mktemp -d)"
cuda="${CUDA_HOME:-/usr/local/cuda}"
g++ -std=c++20 -I"$root/include" -I"$cuda/include" "$root/tools/linalg_emulate/gen.cpp" -o "$out/gen" \
    -L"$cuda/lib64" -lcudart -lnvrtc -lcublas -lcublasLt -lcusolver -Wl,-rpath,"$cuda/lib64"
"$out/gen" > "$out/kernels.inc"
g++ -std=c++20 -O1 -pthread -I"$root/include" -I"$cuda/include" -I"$out" "$root/tools/linalg_emulate/emu.cpp" -o "$out/emu"
"$out/emu"
# gpu::matmul's cuBLAS calls against host implementations of cuBLAS's documented semantics.
g++ -std=c++20 -O1 -I"$root/include" -I"$cuda/include" "$root/tools/linalg_emulate/cublas_mock.cpp" -o "$out/mock" \
    -L"$cuda/lib64" -lcudart -lnvrtc -lcublas -lcublasLt -lcusolver -Wl,-rpath,"$cuda/lib64"
"$out/mock"
