#!/usr/bin/env bash
# The README's quick start. On a fresh Debian 12 machine (as root, or with sudo):
#   bash cmake/quickstart.sh demo   installs what is missing, builds, runs the demo against
#                                   the embedded revolut-mock emulator
#   bash cmake/quickstart.sh test   installs what is missing, builds and runs the whole suite
#                                   twice: the `dev` preset (GCC), then the `asan` preset
#                                   (clang 14, ASan + UBSan, plus a short run of every fuzz
#                                   target); stops at the first failure
# PRESET=release|asan|tsan|dev picks one CMake preset instead (demo default: dev).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
jobs=$(nproc 2>/dev/null || echo 2)

case "$mode" in
  demo) presets=("${PRESET:-dev}") ;;
  test) if [ -n "${PRESET:-}" ]; then presets=("$PRESET"); else presets=(dev asan); fi ;;
  *) echo "usage: bash cmake/quickstart.sh demo|test" >&2; exit 2 ;;
esac

# A dev tree takes ~3 GiB and an asan tree ~5 GiB (Asio/Beast symbols are long); say so up
# front rather than let a linker fail with "No space left on device" halfway through.
need_gib=2
if [ "$mode" = test ]; then
  need_gib=0
  for preset in "${presets[@]}"; do
    case "$preset" in asan|tsan) need_gib=$((need_gib + 5)) ;; *) need_gib=$((need_gib + 3)) ;; esac
  done
fi
mkdir -p build
free_gib=$(( $(df -Pk build | awk 'NR == 2 { print $4 }') / 1024 / 1024 ))
if [ "$free_gib" -lt "$need_gib" ]; then
  echo "quickstart: warning: ${free_gib} GiB free under build/, the build may need ~${need_gib} GiB" >&2
fi

extra_packages=()
for preset in "${presets[@]}"; do
  if [ "$preset" = asan ]; then extra_packages=(clang-14 libclang-rt-14-dev); fi
done
bash cmake/install-deps.sh "${extra_packages[@]}"

if [ "$mode" = demo ]; then
  cmake --preset "${presets[0]}"
  cmake --build --preset "${presets[0]}" --parallel "$jobs" --target get_all_webhooks
  exec "build/${presets[0]}/examples/get_all_webhooks"
fi

for preset in "${presets[@]}"; do
  start=$SECONDS
  echo "=== quickstart: preset $preset"
  cmake --preset "$preset"
  cmake --build --preset "$preset" --parallel "$jobs"
  ctest --preset "$preset"
  echo "=== quickstart: preset $preset passed in $((SECONDS - start)) s"
done
