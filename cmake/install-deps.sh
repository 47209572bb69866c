#!/usr/bin/env bash
# Installs the Debian 12 packages revolut-cpp needs, and only those that are missing.
# Non-interactive; a no-op (no apt-get at all) when everything is present.
# Extra package names as arguments are installed too, e.g. `install-deps.sh clang-tidy-14`;
# the asan preset needs `clang-14 libclang-rt-14-dev` (clang with its sanitizer and libFuzzer
# runtimes, which Debian's clang-14 does not pull in): quickstart.sh asks for them.
set -euo pipefail

packages=(
  build-essential cmake git ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev catch2
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
