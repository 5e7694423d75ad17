#!/usr/bin/env bash
# Cold-compile figures of this tree against another (default /work/oldtree), same machine, same
# NVRTC: builds compile_time.cpp against each tree's headers, writes each tree's kernel sources,
# prints the host-side times of each, then the NVRTC times of all of them alternating run by run,
# with each tree's own options and with the same options for both (this tree's).
#
#   bash tools/compile_time/run.sh [OTHER_TREE]
#   RUNS=15 REGS=1 bash tools/compile_time/run.sh /path/to/old/checkout
# Needs g++ (C++20) and the CUDA toolkit (NVRTC); no GPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
other="${1:-/work/oldtree}"
cuda="${CUDA_HOME:-/usr/local/cuda}"
out="${OUT_DIR:-${TMPDIR:-/tmp}/gpu_ndarray_compile_time}"
RUNS="${RUNS:-9}"
CXX="${CXX:-g++}"
mkdir -p "$out"

build() {  # tree, binary
    "$CXX" -std=c++20 -O2 -DCOMPILE_TIME_GEN -I"$1/include" -I"$cuda/include" "$here/compile_time.cpp" -o "$2" \
        -L"$cuda/lib64" -Wl,-rpath,"$cuda/lib64" -lnvrtc -lcudart -lz
}
build "$other" "$out/gen_other" &
build "$root" "$out/gen_this"
wait

rm -rf "$out/other" "$out/this"
echo "== host side, other tree ($other)"
"$out/gen_other" gen "$out/other"
echo "== host side, this tree ($root)"
"$out/gen_this" gen "$out/this"
echo "== NVRTC, each tree's options"
"$out/gen_this" nvrtc --runs "$RUNS" ${REGS:+--regs} "$out/other" "$out/this"
opts="$(cat "$out/this/ew_axpy_flat.opts")"
echo "== NVRTC, the same options for both: $opts"
"$out/gen_this" nvrtc --runs "$RUNS" --opts "$opts" "$out/other" "$out/this"
