#!/usr/bin/env bash
# compute-sanitizer over the test executables and the fuzzer, on the GPU machine:
#
#   bash tools/sanitize.sh [--build DIR] [--tools memcheck,racecheck,initcheck,synccheck]
#                          [--only REGEX] [--jobs N] [--timeout SECONDS] [--fuzz-cases N] [--no-warm]
#
# Runs every tool over every tests/test_* executable of DIR (default build-gpu, which
# tools/gpu_run.sh builds; built here if missing) and over the fuzzer's first N cases (500), N
# runs at a time on the one GPU (--jobs, default 6), each limited to --timeout seconds (default
# 300; a run that times out is reported as TIMEOUT, not as clean). Then prints the table
# tool x executable: errors, writes it to $OUT/sanitize_table.txt and the logs of the runs that
# were not clean to $OUT/sanitize.log. Exit status 0 only when every cell is 0.
#
# Reduced problem sizes: the GoogleTest cases named *Huge* or *Large* (2^31 elements, 10^6-element
# reductions) are excluded under the sanitizer; they run in the ordinary GPU run.
# Expected API errors: Memory.DeviceOutOfMemory asks for 4 TiB on purpose, and CUDA's refusal is
# an API error for the sanitizer; that test runs on its own with --report-api-errors no, so a
# clean table means 0 unexpected errors.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
build="$root/build-gpu"
tools="memcheck,racecheck,initcheck,synccheck"
only="."
jobs=6
timeout_s=300
fuzz_cases=500
warm=1
while (($#)); do
    case "$1" in
        --build) build="$(cd "$2" && pwd)"; shift 2 ;;
        --tools) tools="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --timeout) timeout_s="$2"; shift 2 ;;
        --fuzz-cases) fuzz_cases="$2"; shift 2 ;;
        --no-warm) warm=0; shift ;;
        *) echo "usage: bash tools/sanitize.sh [--build DIR] [--tools LIST] [--only REGEX] [--jobs N] [--timeout S] [--fuzz-cases N]" >&2; exit 2 ;;
    esac
done

source "$root/tools/gpu_env.sh"
command -v compute-sanitizer >/dev/null || { echo "compute-sanitizer not found (CUDA toolkit bin/)" >&2; exit 2; }

if ! ls "$build"/tests/test_* >/dev/null 2>&1 || [ ! -x "$build/tests/fuzz/fuzz" ]; then
    echo "== building the tests in $build"
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGPU_NDARRAY_BUILD_TESTS=ON >/dev/null &&
        cmake --build "$build" -j16 -- -k 0 >"$build/sanitize_build.log" 2>&1 ||
        echo "== build errors (see $build/sanitize_build.log); sanitizing what was built"
fi

logs="$build/sanitize_logs"
rm -rf "$logs"
mkdir -p "$logs"

# One line per run: tool<TAB>name<TAB>command...
runs="$logs/runs.txt"
: >"$runs"
exclude="*Huge*:*Large*:Memory.DeviceOutOfMemory"
for t in ${tools//,/ }; do
    for exe in "$build"/tests/test_*; do
        [ -x "$exe" ] || continue
        name="$(basename "$exe")"
        [[ "$name" =~ $only ]] || continue
        printf '%s\t%s\t%s\n' "$t" "$name" "$exe --gtest_filter=-$exclude" >>"$runs"
    done
    if [[ "test_streams" =~ $only ]] && [ -x "$build/tests/test_streams" ]; then
        printf '%s\t%s\t%s\n' "$t" "test_streams[DeviceOutOfMemory]" \
            "--report-api-errors no $build/tests/test_streams --gtest_filter=Memory.DeviceOutOfMemory" >>"$runs"
    fi
    if [[ "fuzz" =~ $only ]] && [ -x "$build/tests/fuzz/fuzz" ]; then
        printf '%s\t%s\t%s\n' "$t" "fuzz[$fuzz_cases]" "$build/tests/fuzz/fuzz --mode gpu --seed 1 --cases $fuzz_cases --max-size 65536" >>"$runs"
    fi
done

# Warm the kernel disk cache without the sanitizer first: NVRTC is host work, and compiling every
# kernel again under each tool would multiply the time by four.
# (--no-warm when the suite has just run with the same cache, as in tools/gpu_run.sh sanitize.)
if [ "$warm" -eq 1 ]; then
    echo "== warming the kernel cache (GPU_NDARRAY_CACHE_DIR=$GPU_NDARRAY_CACHE_DIR)"
    cut -f2,3 "$runs" | sort -u -t$'\t' -k1,1 | while IFS=$'\t' read -r name cmd; do
        case "$name" in *"["*"]") [[ "$name" == fuzz* ]] || continue ;; esac
        timeout "$timeout_s" $cmd >/dev/null 2>&1 || true
    done
fi

run_one() {  # tool name cmd...
    local tool="$1" name="$2"
    shift 2
    local log="$logs/${tool}__${name//[^A-Za-z0-9_.-]/_}.log"
    timeout --kill-after=30 "$timeout_s" compute-sanitizer --tool "$tool" --error-exitcode 99 \
        --print-limit 20 $* >"$log" 2>&1
    local rc=$?
    local errors
    errors="$(grep -Eo 'ERROR SUMMARY: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then errors="TIMEOUT"
    elif [ -z "$errors" ]; then errors="CRASH(rc=$rc)"
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 99 ] && [ "$errors" = 0 ]; then errors="FAIL(rc=$rc)"  # the test itself failed
    fi
    printf '%s\t%s\t%s\n' "$tool" "$name" "$errors" >"$log.result"
}
export -f run_one
export logs timeout_s

echo "== $(wc -l <"$runs") sanitizer runs, $jobs at a time, ${timeout_s}s each"
start=$(date +%s)
tr '\n' '\0' <"$runs" | xargs -0 -P "$jobs" -I{} bash -c 'IFS=$'"'"'\t'"'"' read -r t n c <<<"$1"; run_one "$t" "$n" $c' _ {}
echo "== done in $(($(date +%s) - start)) s"

# The table: one row per executable, one column per tool.
table="$OUT/sanitize_table.txt"
cat "$logs"/*.result | sort >"$logs/results.txt"
{
    printf '%-44s' "executable"
    for t in ${tools//,/ }; do printf ' %12s' "$t"; done
    echo
    cut -f2 "$logs/results.txt" | sort -u | while read -r name; do
        printf '%-44s' "$name"
        for t in ${tools//,/ }; do
            v="$(awk -F'\t' -v t="$t" -v n="$name" '$1 == t && $2 == n { print $3 }' "$logs/results.txt")"
            printf ' %12s' "${v:--}"
        done
        echo
    done
} | tee "$table"

bad="$(awk -F'\t' '$3 != "0"' "$logs/results.txt")"
: >"$OUT/sanitize.log"
if [ -n "$bad" ]; then
    while IFS=$'\t' read -r t n e; do
        log="$logs/${t}__${n//[^A-Za-z0-9_.-]/_}.log"
        { echo "==== $t $n: $e"; tail -200 "$log"; } >>"$OUT/sanitize.log"
    done <<<"$bad"
    echo "sanitize: NOT CLEAN: $(echo "$bad" | wc -l) of $(wc -l <"$logs/results.txt") runs (logs in $OUT/sanitize.log)"
    exit 1
fi
echo "sanitize: clean: $(wc -l <"$logs/results.txt") runs, 0 errors"
