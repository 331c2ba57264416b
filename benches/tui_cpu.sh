#!/usr/bin/env bash
# CPU use of `mini-node tui` in a real terminal (tmux): idle on each tab, and while the Event Loop
# tab animates; plus the time to the first frame. Usage: benches/tui_cpu.sh [path/to/mini-node]
# (default: target/release/mini-node). Needs tmux. Prints one line per scenario.
set -euo pipefail
BIN=${1:-target/release/mini-node}
SECS=${SECS:-10}
SOCK=mini-node-cpu-$$
TICKS=$(getconf CLK_TCK)
trap 'tmux -L $SOCK kill-server 2>/dev/null || true' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME KEYS...: start the TUI, send KEYS, wait 2 s, then sample its CPU over $SECS s.
measure() {
  local name=$1; shift
  local stats; stats=$(mktemp)
  tmux -L $SOCK new-session -d -s m -x 200 -y 60 \
    "MINI_NODE_TUI_STATS=$stats $BIN tui --workers 2 --fork-port 0 --cluster-port 0; sleep 30"
  sleep 1.5
  local pid; pid=$(pgrep -n -f "$BIN tui --workers 2")
  for k in "$@"; do tmux -L $SOCK send-keys -t m "$k"; sleep 0.3; done
  sleep 2
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
  sleep "$SECS"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
  tmux -L $SOCK send-keys -t m q
  for _ in $(seq 50); do [ -s "$stats" ] && break; sleep 0.2; done
  awk -v n="$name" -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$TICKS" \
    'BEGIN { printf "%-34s %6.2f %% of a core over %.0f s\n", n, 100 * (c1 - c0) / hz / (t1 - t0), t1 - t0 }'
  echo "    stats: $(cat "$stats")"
  rm -f "$stats"
  tmux -L $SOCK kill-server 2>/dev/null || true
  sleep 1
}

measure "idle, Lessons tab"
measure "idle, Fork tab (server up)" 2
measure "idle, Cluster tab (2 workers)" 3
measure "animating, Event Loop (playing)" 4
measure "animating, Cluster tab under load" 3 l
