#!/usr/bin/env bash
# The one script to run on the GPU machine (H100, CUDA 13 at /usr/local/cuda, no network):
#
#   bash tools/gpu_run.sh [tests|bench|all]      (default: all)
#   bash tools/gpu_run.sh fuzz                   the differential fuzzer, 10,000 cases (FUZZ_SEED=1,
#                                                FUZZ_CASES=10000, FUZZ_TIME=480 s)  -> $OUT/fuzz.log
#   bash tools/gpu_run.sh huge                   tests/test_huge only (past 2^31 elements)  -> $OUT/huge.log
#   bash tools/gpu_run.sh sanitize               tools/sanitize.sh (compute-sanitizer table; extra
#                                                arguments in SANITIZE_ARGS)  -> $OUT/sanitize*.txt/log
#
# Configures a Release build in build-gpu (with the benchmarks and, via nvcc, bench_baselines),
# builds it with -j16, then
#   tests: ctest with GPU_NDARRAY_DEVICE=cuda (a missing GPU is an error)   -> $OUT/tests.log
#   bench: every bench executable, 3 repetitions, aggregates only           -> $OUT/bench.log + JSON
#          (BENCH_PROGRAMS="bench_scans bench_sort" runs only those; BENCH_TIMEOUT=<s> stops a
#          program after that long, default 600: one device call holds at most 10 minutes;
#          BENCH_FILTER=<regex> runs only the matching benchmarks, "-BM_first" all but those)
# and prints a summary. Results go to $OUT (./out when unset). A test failure does not stop the
# benchmarks; the exit status is non-zero if the build, a test or a benchmark failed.
#
# $OUT holds at most 8 files: build.log, tests.log, bench.log and the benchmark JSONs (one
# <name>.json per executable when there are at most 5 of them, else one combined bench.json:
# {"<name>": <that executable's JSON>, ...}).
set -uo pipefail

mode="${1:-all}"
case "$mode" in
    tests | bench | all | fuzz | huge | sanitize) ;;
    *) echo "usage: bash tools/gpu_run.sh [tests|bench|all|fuzz|huge|sanitize]" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
build="$root/build-gpu"

source "$root/tools/gpu_env.sh"

status=0
build_ok=1
tests_rc=none
declare -a bench_failed=()

echo "== gpu_run.sh $mode, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -n)"
nvidia-smi --query-gpu=name,driver_version --format=csv || echo "nvidia-smi failed"
echo "cmake: $(cmake --version | head -1)   compiler: $(c++ --version | head -1)   nvcc: $(nvcc --version 2>/dev/null | tail -2 | head -1)"

# ---------------------------------------------------------------------------------------------
# Configure and build (build.log). -k 0: keep building the other targets after a failure.
# ---------------------------------------------------------------------------------------------
# fuzz and huge build their one target only.
targets=()
case "$mode" in
    fuzz) targets=(--target fuzz) ;;
    huge) targets=(--target test_huge) ;;
esac
{
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGPU_NDARRAY_BUILD_BENCH=ON \
        -DGPU_NDARRAY_BUILD_TESTS=ON -DGPU_NDARRAY_BUILD_EXAMPLES=ON &&
        cmake --build "$build" -j16 "${targets[@]}" -- -k 0
} 2>&1 | tee "$OUT/build.log"
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    echo "== BUILD FAILED (see build.log); running what was built"
    build_ok=0
    status=1
fi

# ---------------------------------------------------------------------------------------------
# fuzz / huge / sanitize: one job each, then its own summary.
# ---------------------------------------------------------------------------------------------
if [ "$mode" = fuzz ] || [ "$mode" = huge ] || [ "$mode" = sanitize ]; then
    case "$mode" in
        fuzz)
            "$build/tests/fuzz/fuzz" --mode gpu --seed "${FUZZ_SEED:-1}" --cases "${FUZZ_CASES:-10000}" \
                --time-limit "${FUZZ_TIME:-480}" 2>&1 | tee "$OUT/fuzz.log"
            rc="${PIPESTATUS[0]}"
            summary="$(grep -E '^fuzz: [0-9]+ cases' "$OUT/fuzz.log" | tail -1)"
            ;;
        huge)
            "$build/tests/test_huge" 2>&1 | tee "$OUT/huge.log"
            rc="${PIPESTATUS[0]}"
            summary="$(grep -E 'PASSED|FAILED|SKIPPED' "$OUT/huge.log" | tr '\n' ' ')"
            ;;
        sanitize)
            # shellcheck disable=SC2086
            bash "$root/tools/sanitize.sh" --build "$build" ${SANITIZE_ARGS:-} 2>&1 | tee "$OUT/sanitize_run.log"
            rc="${PIPESTATUS[0]}"
            summary="$(grep -E '^sanitize:' "$OUT/sanitize_run.log" | tail -1)"
            ;;
    esac
    echo
    echo "================================ summary ================================"
    nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | sed 's/^/gpu: /'
    [ "$build_ok" -eq 1 ] && echo "build: ok" || echo "build: FAILED (see build.log)"
    echo "$mode: ${summary:-no summary (see the log)}"
    [ "$rc" -eq 0 ] || status=1
    echo "files in $OUT: $(cd "$OUT" && ls | tr '\n' ' ')"
    echo "exit status: $status"
    exit "$status"
fi

# ---------------------------------------------------------------------------------------------
# Tests (tests.log).
# ---------------------------------------------------------------------------------------------
if [ "$mode" != bench ]; then
    echo "== ctest (GPU_NDARRAY_DEVICE=cuda)"
    ctest --test-dir "$build" --output-on-failure -j12 2>&1 | tee "$OUT/tests.log"
    tests_rc="${PIPESTATUS[0]}"
    if [ "$tests_rc" -ne 0 ]; then status=1; fi
    if grep -q "No tests were found" "$OUT/tests.log"; then tests_rc="no tests"; status=1; fi
fi

# ---------------------------------------------------------------------------------------------
# Benchmarks (bench.log, JSON).
# ---------------------------------------------------------------------------------------------
if [ "$mode" != tests ]; then
    : >"$OUT/bench.log"
    # The executables this build defines (bench/CMakeLists.txt writes the list), baselines first.
    benches=()
    list_file="$build/bench/bench_executables_Release.txt"
    if [ -f "$list_file" ]; then
        while IFS= read -r exe; do
            [ -n "$exe" ] || continue
            if [ -n "${BENCH_PROGRAMS:-}" ] && [[ " $BENCH_PROGRAMS " != *" $(basename "$exe") "* ]]; then continue; fi
            if [ -x "$exe" ]; then benches+=("$exe"); else
                echo "== $(basename "$exe") was not built" | tee -a "$OUT/bench.log"
                bench_failed+=("$(basename "$exe")(not built)")
                status=1
            fi
        done <"$list_file"
    else
        echo "== $list_file is missing (configure failed?)" | tee -a "$OUT/bench.log"
        status=1
    fi
    [ -x "$build/bench/bench_baselines" ] || echo "== note: bench_baselines was not built (nvcc not found?)" | tee -a "$OUT/bench.log"

    rm -f "$OUT"/*.json
    json_dir="$build/bench_json"
    rm -rf "$json_dir"
    mkdir -p "$json_dir"
    for exe in "${benches[@]}"; do
        name="$(basename "$exe")"
        echo "== $name" | tee -a "$OUT/bench.log"
        timeout "${BENCH_TIMEOUT:-600}" "$exe" --benchmark_format=console --benchmark_color=false \
            --benchmark_out="$json_dir/$name.json" --benchmark_out_format=json \
            --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
            ${BENCH_FILTER:+--benchmark_filter="$BENCH_FILTER"} 2>&1 | tee -a "$OUT/bench.log"
        rc="${PIPESTATUS[0]}"
        if [ "$rc" -ne 0 ]; then
            echo "== $name FAILED (exit $rc)" | tee -a "$OUT/bench.log"
            bench_failed+=("$name")
            status=1
        fi
    done

    jsons=("$json_dir"/*.json)
    [ -e "${jsons[0]}" ] || jsons=()
    if ((${#jsons[@]} <= 5)); then
        for j in "${jsons[@]}"; do cp "$j" "$OUT/"; done
    else
        {
            echo "{"
            first=1
            for j in "${jsons[@]}"; do
                [ "$first" -eq 1 ] || echo ","
                first=0
                printf '"%s": ' "$(basename "$j" .json)"
                if [ -s "$j" ]; then cat "$j"; else echo "null"; fi
            done
            echo "}"
        } >"$OUT/bench.json"
    fi
fi

# ---------------------------------------------------------------------------------------------
# Summary.
# ---------------------------------------------------------------------------------------------
echo
echo "================================ summary ================================"
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | sed 's/^/gpu: /'
[ "$build_ok" -eq 1 ] && echo "build: ok" || echo "build: FAILED (see build.log)"
if [ "$mode" != bench ]; then
    grep -E "tests passed|tests failed out of" "$OUT/tests.log" | tail -1 | sed 's/^/tests: /'
    if grep -q "The following tests FAILED" "$OUT/tests.log"; then
        sed -n '/The following tests FAILED/,$p' "$OUT/tests.log" | grep -E '^\s+[0-9]+ - ' | sed 's/^/  FAILED:/'
    fi
    echo "ctest exit status: $tests_rc"
fi
if [ "$mode" != tests ]; then
    echo "benchmarks (medians):"
    awk '/^== bench/ { name = $2 } /_median/ { printf "  %-16s %s\n", name, $0 }' "$OUT/bench.log"
    if ((${#bench_failed[@]})); then echo "benchmarks FAILED: ${bench_failed[*]}"; fi
fi
echo "files in $OUT: $(cd "$OUT" && ls | tr '\n' ' ')"
echo "exit status: $status"
exit "$status"
