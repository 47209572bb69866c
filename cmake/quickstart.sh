#!/usr/bin/env bash
# The README's quick start. On a fresh Debian 12 machine (as root, or with sudo):
#   bash cmake/quickstart.sh demo   installs what is missing, builds, runs the demo against
#                                   the embedded revolut-mock emulator
#   bash cmake/quickstart.sh test   installs what is missing, builds, runs the whole suite
# PRESET=release|asan picks another CMake preset (default: dev).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
preset=${PRESET:-dev}
jobs=$(nproc 2>/dev/null || echo 2)

case "$mode" in
  demo|test) ;;
  *) echo "usage: bash cmake/quickstart.sh demo|test" >&2; exit 2 ;;
esac

bash cmake/install-deps.sh
cmake --preset "$preset"

if [ "$mode" = demo ]; then
  cmake --build --preset "$preset" --parallel "$jobs" --target get_all_webhooks
  exec "build/$preset/examples/get_all_webhooks"
fi

cmake --build --preset "$preset" --parallel "$jobs"
ctest --preset "$preset"
