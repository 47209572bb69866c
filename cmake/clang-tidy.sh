#!/usr/bin/env bash
# Runs clang-tidy 14 with the checked-in .clang-tidy over the library's sources.
#
#   bash cmake/clang-tidy.sh                 every .cpp under src/ (headers of include/ and
#                                            src/ are checked through them)
#   bash cmake/clang-tidy.sh src/webhook     only these files or directories
#   bash cmake/clang-tidy.sh -j 2 -fix src/types    (extra flags go to run-clang-tidy)
#
# Needs clang-tidy-14 (`bash cmake/install-deps.sh clang-tidy-14`). The compile database
# comes from a configure-only clang build in build/clang-tidy (no compilation needed).
# Exit status 1 when there is any finding (the configuration makes every warning an error).
set -euo pipefail
cd "$(dirname "$0")/.."

db=build/clang-tidy
jobs=$(nproc 2>/dev/null || echo 2)
extra=()
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    -j) jobs=$2; shift 2 ;;
    -*) extra+=("$1"); shift ;;
    *) paths+=("$1"); shift ;;
  esac
done
[ ${#paths[@]} -gt 0 ] || paths=(src include)

for tool in clang-tidy-14 run-clang-tidy-14 clang++-14; do
  command -v "$tool" >/dev/null || { echo "clang-tidy.sh: $tool missing; run: bash cmake/install-deps.sh clang-tidy-14" >&2; exit 2; }
done

# Compile commands as clang sees them (the dev flags, clang 14 as the compiler).
# No precompiled headers: the compile commands would name a .pch this configure-only
# build never makes.
cmake -S . -B "$db" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DREVOLUT_WERROR=ON -DREVOLUT_PRECOMPILE_HEADERS=OFF >/dev/null

# The translation units below the given paths (a header path selects nothing by itself: it
# is checked through the sources that include it, see HeaderFilterRegex).
files=()
for p in "${paths[@]}"; do
  if [ -d "$p" ]; then
    while IFS= read -r f; do files+=("$PWD/$f"); done < <(find "$p" -name '*.cpp' | sort)
  elif [ -f "$p" ]; then
    files+=("$PWD/$p")
  else
    echo "clang-tidy.sh: no such file or directory: $p" >&2; exit 2
  fi
done
if [ ${#files[@]} -eq 0 ]; then echo "clang-tidy.sh: no .cpp files under ${paths[*]}"; exit 0; fi

# run-clang-tidy takes regexes; anchor each file name.
regexes=()
for f in "${files[@]}"; do regexes+=("^$(printf '%s' "$f" | sed 's/[.[\*^$+?(){|]/\\&/g')\$"); done

log=$db/clang-tidy.log
set +e
run-clang-tidy-14 -quiet -p "$db" -j "$jobs" -clang-tidy-binary "$(command -v clang-tidy-14)" \
  "${extra[@]}" "${regexes[@]}" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$log"
status=${PIPESTATUS[0]}
set -e
# Findings only: drop the per-file command lines and suppressed-warning counts.
grep -E '^/.*: (warning|error): ' "$log" | sort -u || true
count=$(grep -cE '^/.*: (warning|error): ' "$log" || true)
echo "clang-tidy.sh: ${#files[@]} files, ${count:-0} findings (full output: $log)"
[ "$status" -eq 0 ] && [ "${count:-0}" -eq 0 ]
