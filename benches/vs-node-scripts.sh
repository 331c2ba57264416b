#!/usr/bin/env bash
# The notes' process programs as JavaScript, run by real node and by `mini-node run` side by side on
# this machine (the same files: ../shared/anchors/node/*.js). Not part of `cargo test`.
#
#   benches/vs-node-scripts.sh            (builds --release first)
#   MINI_NODE=path/to/mini-node benches/vs-node-scripts.sh   measure that binary (no build)
#   FORK_SECS=10 CLUSTER_SECS=10 benches/vs-node-scripts.sh  longer wrk runs
#
# Figures: start-up of an empty script (what a forked child costs before its script runs);
# fork + message + exit round trip (fork-roundtrip.js); fork per request (fork-main.js,
# wrk -t1 -c2 /get-data); a cluster of 2 (cluster.js, wrk -t2 -c64 /); kill -> replacement
# 'listening' (respawn-time.js); resident memory of a cluster worker.
# Goals (issue 13): fork per request >= 20x node, cluster >= 1.5x node, replacement <= 20 ms.
# Needs node, wrk, curl, python3 (apt-get install -y wrk curl).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# the shared folder beside the checkout (or beside the worktrees' folder); ANCHORS names another
ANCHORS="${ANCHORS:-$ROOT/../shared/anchors/node}"
[ -d "$ANCHORS" ] || ANCHORS="$ROOT/../../shared/anchors/node"
BIN="${MINI_NODE:-$ROOT/target/release/mini-node}"
FORK_SECS=${FORK_SECS:-10}
CLUSTER_SECS=${CLUSTER_SECS:-8}

for tool in node wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl; node v20)" >&2; exit 3; }
done
[ -d "$ANCHORS" ] || { echo "missing $ANCHORS (the shared folder beside the checkout)" >&2; exit 3; }
[ -n "${MINI_NODE:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
[ -x "$BIN" ] || { echo "$BIN is not an executable (MINI_NODE names the binary to measure)" >&2; exit 3; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 400); do curl -s -o /dev/null "http://127.0.0.1:$1${2:-/}" && return 0; sleep 0.05; done; echo "port $1 never answered" >&2; return 1; }
rps() { awk '/Requests\/sec/ {print $2}'; }
children_of() { cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | grep -v '^$' || true; }
rss_mb_of_children() { # median VmRSS (MB) of the children of $1
  for c in $(children_of "$1"); do awk '/VmRSS/ {print $2/1024}' /proc/"$c"/status 2>/dev/null; done | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.1f", a[int((NR+1)/2)]; else print "-"}'
}
stop() { kill -INT "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# median wall time in ms of 30 runs of: $@
startup_ms() {
  for _ in $(seq 30); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 ))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

declare -A NODE MINI
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) CPUs (figures are noisy on a busy machine; compare the two columns of one run)"

echo "== start-up of an empty script (median of 30)"
: > "$WORK/empty.js"
NODE[startup]=$(startup_ms node "$WORK/empty.js")
MINI[startup]=$(startup_ms "$BIN" run "$WORK/empty.js")
echo "   node ${NODE[startup]} ms   mini-node ${MINI[startup]} ms"

echo "== fork + message + exit round trip (fork-roundtrip.js, 20 children one after another)"
NODE[roundtrip]=$(cd "$ANCHORS" && node fork-roundtrip.js 20 | awk '{printf "%.1f", $NF}')
MINI[roundtrip]=$(cd "$ANCHORS" && "$BIN" run fork-roundtrip.js 100 | awk '{printf "%.1f", $NF}')
echo "   node ${NODE[roundtrip]} ms   mini-node ${MINI[roundtrip]} ms"

echo "== fork per request (fork-main.js): wrk -t1 -c2 -d${FORK_SECS}s /get-data"
P=$(free_port); (cd "$ANCHORS" && PORT=$P exec node fork-main.js >/dev/null 2>&1) & NPID=$!; PIDS+=($NPID)
wait_port "$P" /nothing
NODE[fork]=$(wrk -t1 -c2 -d"${FORK_SECS}"s "http://127.0.0.1:$P/get-data" | rps); stop $NPID
P=$(free_port); (cd "$ANCHORS" && PORT=$P exec "$BIN" run fork-main.js >/dev/null 2>&1) & MPID=$!; PIDS+=($MPID)
wait_port "$P" /nothing
MINI[fork]=$(wrk -t1 -c2 -d"${FORK_SECS}"s "http://127.0.0.1:$P/get-data" | rps); stop $MPID
echo "   node ${NODE[fork]} req/s   mini-node ${MINI[fork]} req/s"

echo "== cluster of 2 workers (cluster.js): wrk -t2 -c64 -d${CLUSTER_SECS}s /"
P=$(free_port); (cd "$ANCHORS" && WORKERS=2 PORT=$P exec node cluster.js >/dev/null) & NPID=$!; PIDS+=($NPID)
wait_port "$P"; sleep 0.5
NODE[cluster]=$(wrk -t2 -c64 -d"${CLUSTER_SECS}"s "http://127.0.0.1:$P/" | rps)
NODE[rss]=$(rss_mb_of_children $NPID); stop $NPID
P=$(free_port); (cd "$ANCHORS" && WORKERS=2 PORT=$P exec "$BIN" run cluster.js >/dev/null) & MPID=$!; PIDS+=($MPID)
wait_port "$P"; sleep 0.5
MINI[cluster]=$(wrk -t2 -c64 -d"${CLUSTER_SECS}"s "http://127.0.0.1:$P/" | rps)
MINI[rss]=$(rss_mb_of_children $MPID); stop $MPID
echo "   node ${NODE[cluster]} req/s   mini-node ${MINI[cluster]} req/s"
echo "   worker RSS after the load: node ${NODE[rss]} MB   mini-node ${MINI[rss]} MB"

echo "== kill a worker -> replacement 'listening' (respawn-time.js, median of 10)"
NODE[respawn]=$(cd "$ANCHORS" && PORT=$(free_port) K=10 node respawn-time.js | awk '{printf "%.1f", $NF}')
MINI[respawn]=$(cd "$ANCHORS" && PORT=$(free_port) K=10 "$BIN" run respawn-time.js | awk '{printf "%.1f", $NF}')
echo "   node ${NODE[respawn]} ms   mini-node ${MINI[respawn]} ms"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.1fx", a/b; else print "-" }'; }
echo
echo "| figure (same JavaScript) | node | mini-node run | mini-node vs node | goal |"
echo "| --- | --- | --- | --- | --- |"
echo "| start-up of an empty script | ${NODE[startup]} ms | ${MINI[startup]} ms | $(ratio "${NODE[startup]}" "${MINI[startup]}") faster | |"
echo "| fork + message + exit round trip | ${NODE[roundtrip]} ms | ${MINI[roundtrip]} ms | $(ratio "${NODE[roundtrip]}" "${MINI[roundtrip]}") faster | |"
echo "| fork per request, wrk -t1 -c2 -d${FORK_SECS}s /get-data | ${NODE[fork]} req/s | ${MINI[fork]} req/s | $(ratio "${MINI[fork]}" "${NODE[fork]}") | >= 20x |"
echo "| cluster of 2, wrk -t2 -c64 -d${CLUSTER_SECS}s / | ${NODE[cluster]} req/s | ${MINI[cluster]} req/s | $(ratio "${MINI[cluster]}" "${NODE[cluster]}") | >= 1.5x |"
echo "| kill -> replacement listening (median) | ${NODE[respawn]} ms | ${MINI[respawn]} ms | $(ratio "${NODE[respawn]}" "${MINI[respawn]}") faster | <= 20 ms |"
echo "| cluster worker resident memory (after the load) | ${NODE[rss]} MB | ${MINI[rss]} MB | | |"
