#!/usr/bin/env bash
# Side by side with real Node.js: the resident memory (RSS) of a process with 0, 1 and 5 idle
# worker threads (benches/workers-idle.js), and what each worker adds. The issue's goal: a
# worker <= 10 MB.
#
#   benches/vs-node-workers.sh                 (builds --release first)
#   MINI_NODE=path/to/mini-node benches/vs-node-workers.sh
#   RUNS=5 benches/vs-node-workers.sh          (median of 5 runs per figure; default 3)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="${MINI_NODE:-$ROOT/target/release/mini-node}"
SCRIPT="$ROOT/benches/workers-idle.js"
RUNS=${RUNS:-3}

command -v node >/dev/null || { echo "missing node (v20) on PATH" >&2; exit 3; }
[ -n "${MINI_NODE:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
[ -x "$BIN" ] || { echo "$BIN is not an executable (MINI_NODE names the binary to measure)" >&2; exit 3; }

# rss_mb RUNNER... N: the median RSS (MB) the script reports with N workers
rss_mb() {
  local n="${!#}"
  local cmd=("${@:1:$#-1}")
  for _ in $(seq "$RUNS"); do "${cmd[@]}" "$SCRIPT" "$n" | awk '{print $2}'; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'
}

printf '%-10s %10s %10s %10s %14s\n' "" "0 workers" "1 worker" "5 workers" "per worker"
for runner in node mini-node; do
  if [ "$runner" = node ]; then cmd=(node); else cmd=("$BIN" run); fi
  r0=$(rss_mb "${cmd[@]}" 0)
  r1=$(rss_mb "${cmd[@]}" 1)
  r5=$(rss_mb "${cmd[@]}" 5)
  per=$(awk -v a="$r1" -v b="$r5" 'BEGIN {printf "%.1f", (b - a) / 4}')
  printf '%-10s %8s MB %8s MB %8s MB %11s MB\n' "$runner" "$r0" "$r1" "$r5" "$per"
done
