#!/usr/bin/env bash
# gpu_ndarray's benchmarks and the same operations in CuPy and PyTorch, in one run on the GPU
# machine, into one table in bench/README.md (see bench/peers/README.md):
#
#   bash bench/peers/run.sh [build-dir]        (default build-gpu, as tools/gpu_run.sh)
#
# Configures (if needed) and builds only the benchmark executables, runs each one listed in
# <build-dir>/bench/bench_executables_Release.txt (3 repetitions, aggregates only), then
# peers.py and table.py. Results go to $OUT (./out when unset), at most 6 files:
#   peers_run.log    everything printed
#   bench.json       {"<executable>": <its Google Benchmark JSON>, ...}
#   peers.json       CuPy and PyTorch results (bench/peers/peers.py)
#   peers_table.md   the section written into bench/README.md
#   bench_README.md  bench/README.md with that section (the working tree here is a copy)
# Extra arguments for peers.py can be passed in $PEERS_ARGS (e.g. "--compile-budget 120"), and
# BENCH_PROGRAMS="bench_sort bench_linalg" runs only those of our programs, BENCH_FILTER=<regex>
# only the matching benchmarks (Google Benchmark's filter; "-BM_first" excludes), BENCH_TIMEOUT=<s>
# stops a program after that long. With PEERS_ARGS="--ops ..." the table can be built in parts
# that each fit one 10-minute device call.
# The exit status is non-zero if the build, a benchmark, peers.py or table.py failed.
set -uo pipefail

build="${1:-}"
[ -z "$build" ] || build="$(realpath -m "$build")"
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
root="$PWD"
build="${build:-$root/build-gpu}"

source "$root/tools/gpu_env.sh"
export PYTHONUNBUFFERED=1

main() {
    local status=0
    echo "== bench/peers/run.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -n), build dir $build"
    nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || echo "nvidia-smi failed"
    local gpu
    gpu="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"

    # Configure (flags as tools/gpu_run.sh, so both share the build) and build the benchmarks.
    local gen=(-G Ninja)
    [ ! -f "$build/CMakeCache.txt" ] || gen=()  # keep the generator of an existing build
    cmake -S . -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release -DGPU_NDARRAY_BUILD_BENCH=ON \
        -DGPU_NDARRAY_BUILD_TESTS=ON -DGPU_NDARRAY_BUILD_EXAMPLES=ON || status=1
    local list_file="$build/bench/bench_executables_Release.txt"
    local exes=() targets=() exe
    if [ -f "$list_file" ]; then
        while IFS= read -r exe; do
            [ -n "$exe" ] || continue
            if [ -n "${BENCH_PROGRAMS:-}" ] && [[ " $BENCH_PROGRAMS " != *" $(basename "$exe") "* ]]; then continue; fi
            exes+=("$exe") && targets+=("$(basename "$exe")")
        done <"$list_file"
    else
        echo "== $list_file is missing (configure failed?)"
        status=1
    fi
    if ((${#targets[@]})); then
        cmake --build "$build" -j16 --target "${targets[@]}" || { echo "== BUILD FAILED"; status=1; }
    fi

    # Our benchmarks. JSON goes to a file: the programs also print to stdout.
    local json_dir="$build/bench_json_peers" name
    rm -rf "$json_dir"
    mkdir -p "$json_dir"
    for exe in "${exes[@]}"; do
        name="$(basename "$exe")"
        if [ ! -x "$exe" ]; then
            echo "== $name was not built"
            status=1
            continue
        fi
        echo "== $name"
        timeout "${BENCH_TIMEOUT:-600}" "$exe" --benchmark_format=console --benchmark_color=false \
            --benchmark_out="$json_dir/$name.json" --benchmark_out_format=json \
            --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
            ${BENCH_FILTER:+--benchmark_filter="$BENCH_FILTER"} ||
            { echo "== $name FAILED (exit $?)"; status=1; }
    done
    python3 - "$json_dir" "$OUT/bench.json" <<'PY' || status=1
import json, pathlib, sys
combined = {}
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    try:
        combined[p.stem] = json.loads(p.read_text())
    except ValueError:  # a program that crashed mid-run leaves a partial file
        combined[p.stem] = None
pathlib.Path(sys.argv[2]).write_text(json.dumps(combined, indent=1))
PY

    # The peers, then the table.
    echo "== peers.py"
    # shellcheck disable=SC2086
    python3 bench/peers/peers.py --out "$OUT/peers.json" --gpu "$gpu" ${PEERS_ARGS:-} || status=1
    echo "== table.py"
    python3 bench/peers/table.py --peers "$OUT/peers.json" --gpu "$gpu" --readme bench/README.md \
        --out "$OUT/peers_table.md" "$OUT/bench.json" || status=1
    cp bench/README.md "$OUT/bench_README.md" || status=1
    echo "== files in $OUT: $(cd "$OUT" && ls | tr '\n' ' ')"
    echo "== exit status: $status"
    return "$status"
}

main 2>&1 | tee "$OUT/peers_run.log"
exit "${PIPESTATUS[0]}"
