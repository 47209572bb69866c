#!/usr/bin/env bash
# One command for the whole benchmark suite (issue 6): configures the `bench` preset (Release),
# builds revolut_bench, runs every mode, and writes
#   docs/benchmarks/results.json   everything measured, per run and summarised
#   docs/benchmarks/throughput.png throughput against concurrency, client and raw (gnuplot)
#   docs/benchmarks.md             the generated section between the bench:begin/end markers
#
# Usage: bash test/bench/run.sh
# Knobs (environment): BENCH_BUILD_DIR (default build/bench), BENCH_REPS (5), BENCH_SECONDS
# (1.0 s measured per run), BENCH_WARMUP (0.25), BENCH_CONCURRENCY (1,16,256),
# BENCH_STARTUP_SAMPLES (20), BENCH_INFLIGHT (10000), BENCH_SKIP_BUILD=1.
# About 5 minutes on 2 cores with a warm build, most of it the throughput matrix.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
build_dir="${BENCH_BUILD_DIR:-build/bench}"
reps="${BENCH_REPS:-5}"
seconds="${BENCH_SECONDS:-1.0}"
warmup="${BENCH_WARMUP:-0.25}"
concurrency="${BENCH_CONCURRENCY:-1,16,256}"
startup_samples="${BENCH_STARTUP_SAMPLES:-20}"
inflight="${BENCH_INFLIGHT:-10000}"
docs="$root/docs"
started=$(date +%s)

if ! command -v gnuplot >/dev/null 2>&1; then
  echo "== installing gnuplot (Debian package gnuplot-nox)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y gnuplot-nox >/dev/null ||
    { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y gnuplot-nox >/dev/null; }
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== configuring and building ($build_dir, Release)"
  launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  CCACHE_BASEDIR="$root" cmake --preset bench -B "$build_dir" "${launcher[@]}" >/dev/null
  CCACHE_BASEDIR="$root" cmake --build "$build_dir" -j"$(nproc)" --target revolut_bench
fi
bench="$build_dir/test/bench/revolut_bench"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
load_start=$(cut -d' ' -f1 /proc/loadavg)

echo "== webhook receive path"
"$bench" webhook --seconds 1 --out "$out/webhook.json"
echo "== allocations per call"
"$bench" allocations --calls 2000 --out "$out/allocations.json"
echo "== time to first response, TLS resumption"
"$bench" startup --samples "$startup_samples" --out "$out/startup.json"
echo "== memory per in-flight call"
"$bench" memory --calls "$inflight" --connections 16 --out "$out/memory.json"
echo "== throughput and latency: $reps repetitions x 3 workloads x {$concurrency} x {raw, client}"
"$bench" throughput --reps "$reps" --seconds "$seconds" --warmup "$warmup" \
  --concurrency "$concurrency" --out "$out/throughput.json"

load_end=$(cut -d' ' -f1 /proc/loadavg)
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+uncommitted"; fi

mkdir -p "$docs/benchmarks"
"$bench" report --json "$docs/benchmarks/results.json" --markdown "$out/section.md" \
  --plot-data "$out/throughput.dat" \
  --meta-date "$(date -u +%Y-%m-%dT%H:%MZ)" --meta-commit "$commit" \
  --meta-load_start "$load_start" --meta-load_end "$load_end" \
  --meta-duration_seconds "$(( $(date +%s) - started ))" \
  "$out"/webhook.json "$out"/allocations.json "$out"/startup.json "$out"/memory.json "$out"/throughput.json

gnuplot <<EOF
set terminal png size 1500,450 font ",11" noenhanced
set output "$docs/benchmarks/throughput.png"
set multiplot layout 1,3 title "revolut-cpp vs raw Beast+OpenSSL (TLS keep-alive, loopback, emulator on its own thread)"
set logscale x 2
set xtics (1, 16, 256)
set xrange [0.7:360]
set yrange [0:*]
set xlabel "concurrency (calls in flight)"
set ylabel "calls/s"
set key bottom right
set grid
set title "get_all_webhooks (10 webhooks)"
plot "$out/throughput.dat" index 0 using 1:2 with linespoints lw 2 title "raw", "" index 0 using 1:3 with linespoints lw 2 title "client"
set title "transactions, count=1000 (~0.5 MB)"
plot "$out/throughput.dat" index 1 using 1:2 with linespoints lw 2 title "raw", "" index 1 using 1:3 with linespoints lw 2 title "client"
set title "create_webhook (POST)"
plot "$out/throughput.dat" index 2 using 1:2 with linespoints lw 2 title "raw", "" index 2 using 1:3 with linespoints lw 2 title "client"
unset multiplot
EOF

# Replace the generated section of docs/benchmarks.md (between the markers).
page="$docs/benchmarks.md"
if [ -f "$page" ] && grep -q '<!-- bench:begin -->' "$page"; then
  awk -v section="$out/section.md" '
    /<!-- bench:begin -->/ { print; while ((getline line < section) > 0) print line; skipping = 1; next }
    /<!-- bench:end -->/ { skipping = 0 }
    !skipping { print }
  ' "$page" > "$out/page.md"
  cp "$out/page.md" "$page"
else
  { echo "# Benchmarks"; echo; echo '<!-- bench:begin -->'; cat "$out/section.md"; echo '<!-- bench:end -->'; } > "$page"
fi
echo "== done in $(( $(date +%s) - started )) s: $page, $docs/benchmarks/results.json, $docs/benchmarks/throughput.png"
