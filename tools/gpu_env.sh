# Sourced by tools/gpu_run.sh and bench/peers/run.sh after they set $root (the repository) and
# $build: the results folder $OUT (./out when unset, made absolute), nvcc on PATH, the CUDA
# executor required, and the kernel disk cache kept inside the build directory.
OUT="${OUT:-$root/out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if [ -d /usr/local/cuda/bin ]; then export PATH="/usr/local/cuda/bin:$PATH"; fi
export GPU_NDARRAY_DEVICE=cuda
export GPU_NDARRAY_CACHE_DIR="${GPU_NDARRAY_CACHE_DIR:-$build/gpu_ndarray_cache}"
mkdir -p "$GPU_NDARRAY_CACHE_DIR"
