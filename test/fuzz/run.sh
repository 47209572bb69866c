#!/usr/bin/env bash
# Runs the libFuzzer targets, each for a fixed time, and prints executions and findings.
#
#   bash test/fuzz/run.sh                    every target for 30 s, one at a time
#   bash test/fuzz/run.sh -t 600 -j 2        10 min each, two at once (a long run)
#   bash test/fuzz/run.sh -t 60 fuzz_decimal fuzz_datetime
#
# Options: -t seconds per target (default 30), -j targets run at once (default 1),
# -b build directory (default build/asan, configured with the asan preset if missing).
# Each target keeps what it learns in <build>/test/fuzz/work/<target>/corpus (reused by the
# next run) and its log in .../run.log; a crash, leak, timeout or broken invariant leaves the
# input in .../artifacts/ and makes this script exit 1. Reproduce with
#   <build>/test/fuzz/<target> <artifact>
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=30
jobs=1
build=build/asan
while getopts "t:j:b:" opt; do
  case "$opt" in
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    b) build=$OPTARG ;;
    *) echo "usage: $0 [-t seconds] [-j jobs] [-b build-dir] [target...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

all_targets=$(sed -n 's/^ *\(fuzz_[a-z_]*\):[0-9]*$/\1/p' test/fuzz/CMakeLists.txt)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets <<<"$all_targets"
fi
max_len() { sed -n "s/^ *$1:\([0-9]*\)$/\1/p" test/fuzz/CMakeLists.txt; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset asan -B "$build"
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
  local t=$1 work="$build/test/fuzz/work/$1"
  mkdir -p "$work/corpus" "$work/artifacts"
  "$build/test/fuzz/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    "$work/corpus" "test/fuzz/corpus/$t" >"$work/run.log" 2>&1
}

failed=0
pids=()
names=()
for t in "${targets[@]}"; do
  if [ "$(max_len "$t")" = "" ]; then echo "unknown target: $t" >&2; exit 2; fi
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
status=()
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then status[$i]=ok; else status[$i]=FAILED; failed=1; fi
done

printf '%-24s %8s %12s %9s %8s  %s\n' target seconds executions exec/s corpus result
for i in "${!names[@]}"; do
  t=${names[$i]}
  log="$build/test/fuzz/work/$t/run.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$build/test/fuzz/work/$t/corpus" -type f | wc -l)
  result=${status[$i]}
  if [ "$result" != ok ]; then
    result="$result: $(grep -m1 -E 'ERROR: |fuzz invariant broken|runtime error' "$log" || echo 'see log'), log $log"
  fi
  printf '%-24s %8s %12s %9s %8s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
exit $failed
