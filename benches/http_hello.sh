#!/usr/bin/env bash
# One HTTP server, side by side with real Node.js: the same JavaScript
# (../shared/anchors/node/hello.js: `http.createServer((req, res) => res.end('hello'))`) under
# `node` and under `mini-node run`, loaded with `wrk -t1 -c32`, the two alternating ROUNDS times.
# Prints each round, then the medians of requests per second, of the server's CPU time per
# request (user + system, all its threads: a figure other load on the machine disturbs less) and
# of resident memory after the load (VmRSS of the server process), and mini-node's ratios.
#
#   benches/http_hello.sh                 (builds --release first)
#   MINI_NODE=path/to/mini-node benches/http_hello.sh     measure that binary (no build)
#   ROUNDS=5 SECS=10 benches/http_hello.sh
#
# Needs node (v20), wrk and curl (apt-get install -y wrk curl). Figures are noisy on a busy
# machine: compare the two columns of one run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# the shared folder beside the checkout (or beside the folder of worktrees)
HELLO="${HELLO:-$ROOT/../shared/anchors/node/hello.js}"
[ -f "$HELLO" ] || HELLO="$ROOT/../../shared/anchors/node/hello.js"
BIN="${MINI_NODE:-$ROOT/target/release/mini-node}"
ROUNDS=${ROUNDS:-3}
SECS=${SECS:-5}

for tool in node wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl; node v20)" >&2; exit 3; }
done
[ -f "$HELLO" ] || { echo "missing $HELLO (HELLO names the server script)" >&2; exit 3; }
[ -n "${MINI_NODE:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
[ -x "$BIN" ] || { echo "$BIN is not an executable (MINI_NODE names the binary to measure)" >&2; exit 3; }

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done; echo "port $1 never answered" >&2; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{s += $14 + $15} END {print s}' /proc/"$1"/task/*/stat; }
TICKS=$(getconf CLK_TCK)
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

# measure CMD...: start the server on a free port, load it, print "req/s us_per_req rss_mb"
measure() {
  local port pid out rps reqs c0 c1 cpu rss
  port=$(free_port)
  PORT=$port "$@" >/dev/null 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_port "$port"
  c0=$(cpu_ticks "$pid")
  out=$(wrk -t1 -c32 -d"${SECS}"s "http://127.0.0.1:$port/")
  c1=$(cpu_ticks "$pid")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(awk -v a="$c0" -v b="$c1" -v n="$reqs" -v hz="$TICKS" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / hz * 1e6 / n; else print "-" }')
  rss=$(rss_mb "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$rps $cpu $rss"
}

echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) CPUs; wrk -t1 -c32 -d${SECS}s, $ROUNDS rounds"
NODE_RPS=(); NODE_CPU=(); NODE_RSS=(); MINI_RPS=(); MINI_CPU=(); MINI_RSS=()
for round in $(seq 1 "$ROUNDS"); do
  read -r nr nc nm < <(measure node "$HELLO")
  read -r mr mc mm < <(measure "$BIN" run "$HELLO")
  NODE_RPS+=("$nr"); NODE_CPU+=("$nc"); NODE_RSS+=("$nm")
  MINI_RPS+=("$mr"); MINI_CPU+=("$mc"); MINI_RSS+=("$mm")
  echo "round $round: node $nr req/s, $nc us CPU/req ($nm MB)   mini-node $mr req/s, $mc us CPU/req ($mm MB)"
done

n_rps=$(printf '%s\n' "${NODE_RPS[@]}" | median)
m_rps=$(printf '%s\n' "${MINI_RPS[@]}" | median)
n_cpu=$(printf '%s\n' "${NODE_CPU[@]}" | median)
m_cpu=$(printf '%s\n' "${MINI_CPU[@]}" | median)
n_rss=$(printf '%s\n' "${NODE_RSS[@]}" | median)
m_rss=$(printf '%s\n' "${MINI_RSS[@]}" | median)
ratio=$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2fx", a/b; else print "-" }')
echo
echo "| one server, wrk -t1 -c32 (median of $ROUNDS) | node | mini-node | mini-node vs node | goal |"
echo "| --- | --- | --- | --- | --- |"
cpu_ratio=$(awk -v a="$n_cpu" -v b="$m_cpu" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2fx less", a/b; else print "-" }')
echo "| requests per second | $n_rps | $m_rps | $ratio | >= 1.5x |"
echo "| server CPU per request | $n_cpu us | $m_cpu us | $cpu_ratio | |"
echo "| resident memory after the load | $n_rss MB | $m_rss MB | | <= 15 MB |"
