#!/usr/bin/env bash
# Compile-time check of a user's program: compiles examples/quickstart.cpp (includes
# <gpu/ndarray.hpp>) and a tiny baseline (<vector> + <iostream>) the same way, RUNS times each,
# in both of the library's modes:
#   header-only  the default: every translation unit compiles the whole library;
#   separate     -DGPU_NDARRAY_SEPARATE_COMPILATION (CMake: gpu::ndarray_separate): the library's
#                expression-independent code is compiled once, in one impl translation unit
#                (<gpu/ndarray_impl.hpp>), whose one-time cost is printed on its own.
# For each it prints the median wall seconds, the median CPU seconds (user + system) and the
# median peak RSS, the quickstart/baseline ratios, and PASS/FAIL against the targets: <= 7x the
# baseline's time and <= 250 MB peak RSS. The time verdict uses CPU time (the compiler is one
# thread, so on an idle machine it equals wall time, and it is less disturbed by other jobs on a
# shared machine); without /usr/bin/time it uses wall time.
#
#   bash bench/compile_time.sh            # from any directory
#   CXX=clang++ RUNS=5 bash bench/compile_time.sh
#   SRC_ROOT=/path/to/snapshot bash bench/compile_time.sh   # a tree with include/ + examples/
#                                         # (e.g. `git archive HEAD include examples | tar -x -C DIR`)
#   MODES=header-only bash bench/compile_time.sh            # one mode (a tree without separate
#                                                           # compilation has only this one)
# Exit status: 0 if separate compilation (header-only, when it is the only mode measured) meets
# both targets, 1 if not, 2 if a compile fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."          # the repository root
SRC_ROOT="${SRC_ROOT:-$PWD}"
CXX="${CXX:-g++}"
RUNS="${RUNS:-3}"
MODES="${MODES:-header-only separate}"
MAX_RATIO=7
MAX_RSS_MB=250
FLAGS=(-std=c++20 -O2 -c -I "$SRC_ROOT/include" -I /usr/local/cuda/include)
SEPARATE=-DGPU_NDARRAY_SEPARATE_COMPILATION

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/baseline.cpp" <<'EOF'
#include <iostream>
#include <vector>
int main() {
    std::vector<int> v{1, 2, 3};
    std::cout << v.size() << "\n";
    return 0;
}
EOF
printf '#include <gpu/ndarray_impl.hpp>\n' >"$tmp/impl.cpp"

have_time=0
[[ -x /usr/bin/time ]] && have_time=1

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME SRC [EXTRA FLAGS...]: compiles SRC RUNS times; sets med_s (wall), med_cpu (user +
# system, "" without /usr/bin/time) and med_mb ("unknown" without /usr/bin/time).
measure() {
    local name="$1" src="$2" i t u s m
    shift 2
    local -a times=() cpus=() rss=()
    for ((i = 0; i < RUNS; i++)); do
        if ((have_time)); then
            if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$CXX" "${FLAGS[@]}" "$@" "$src" -o "$tmp/$name.o" 2>"$tmp/err"; then
                echo "$name: compile failed:" >&2; tail -n 20 "$tmp/err" >&2; exit 2
            fi
            read -r t u s m <"$tmp/t"
            times+=("$t"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')"); rss+=("$m")
        else
            local TIMEFORMAT='%R'
            if ! { time "$CXX" "${FLAGS[@]}" "$@" "$src" -o "$tmp/$name.o" 2>"$tmp/err"; } 2>"$tmp/t"; then
                echo "$name: compile failed:" >&2; tail -n 20 "$tmp/err" >&2; exit 2
            fi
            times+=("$(tail -n 1 "$tmp/t")")
        fi
    done
    med_s="$(printf '%s\n' "${times[@]}" | median)"
    if ((have_time)); then
        med_cpu="$(printf '%s\n' "${cpus[@]}" | median)"
        med_mb="$(printf '%s\n' "${rss[@]}" | median | awk '{printf "%.0f", $1 / 1024}')"
        printf '%-22s wall %6.2f s  cpu %6.2f s  peak RSS %4s MB   (wall runs: %s s)\n' "$name" "$med_s" "$med_cpu" \
            "$med_mb" "${times[*]}"
    else
        med_cpu=""
        med_mb="unknown"
        printf '%-22s wall %6.2f s  peak RSS unknown   (wall runs: %s s)\n' "$name" "$med_s" "${times[*]}"
    fi
}

ratio_of() { awk -v q="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0 ? q / b : 0)}'; }

echo "compiler: $("$CXX" --version | head -n 1)"
echo "flags:    ${FLAGS[*]}   ($RUNS runs each)"
echo "machine:  $(nproc 2>/dev/null || echo '?') CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)"
# Wall time is only meaningful on an idle machine: a short baseline suffers more from a busy one.
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)"; ncpu="$(nproc 2>/dev/null || echo 1)"
if awk -v l="$load" -v n="$ncpu" 'BEGIN {exit !(l > n / 2)}'; then
    echo "warning:  load average $load on $ncpu CPUs: wall times are unreliable (the verdict uses CPU time)"
fi

measure baseline "$tmp/baseline.cpp"
base_s="$med_s"; base_cpu="$med_cpu"

status=0
for mode in $MODES; do
    case "$mode" in
        header-only) measure "quickstart header-only" "$SRC_ROOT/examples/quickstart.cpp" ;;
        separate) measure "quickstart separate" "$SRC_ROOT/examples/quickstart.cpp" "$SEPARATE" ;;
        *) echo "unknown mode '$mode' (header-only or separate)" >&2; exit 2 ;;
    esac
    q_s="$med_s"; q_cpu="$med_cpu"; q_mb="$med_mb"
    wall_ratio="$(ratio_of "$q_s" "$base_s")"
    if [[ -n "$q_cpu" ]]; then
        cpu_ratio="$(ratio_of "$q_cpu" "$base_cpu")"; ratio="$cpu_ratio"; basis="CPU time"
        echo "  ratio:  ${cpu_ratio}x the baseline's CPU time (wall: ${wall_ratio}x)"
    else
        ratio="$wall_ratio"; basis="wall time"
        echo "  ratio:  ${wall_ratio}x the baseline's wall time"
    fi
    if awk -v r="$ratio" -v m="$MAX_RATIO" 'BEGIN {exit !(r <= m)}'; then t_verdict=PASS; else t_verdict=FAIL; fi
    if [[ "$q_mb" == unknown ]]; then
        m_verdict="UNKNOWN (no /usr/bin/time)"
    elif ((q_mb <= MAX_RSS_MB)); then m_verdict=PASS; else m_verdict=FAIL; fi
    echo "  time:   ${t_verdict} (target <= ${MAX_RATIO}x baseline, ${basis})"
    echo "  memory: ${m_verdict} (target <= ${MAX_RSS_MB} MB; measured ${q_mb}$([[ $q_mb == unknown ]] || echo ' MB'))"
    # The exit status follows separate compilation, the way to meet the targets; header-only
    # counts only when it is the only mode measured.
    if [[ "$mode" == separate || "$MODES" == header-only ]] && [[ $t_verdict != PASS || $m_verdict == FAIL ]]; then
        status=1
    fi
    if [[ "$mode" == separate ]]; then
        # Once per program (a library build), not per translation unit: no target applies.
        measure "impl (once per build)" "$tmp/impl.cpp" "$SEPARATE"
    fi
done
exit "$status"
