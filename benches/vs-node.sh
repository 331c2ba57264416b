#!/usr/bin/env bash
# mini-node beside real node on scheduler-heavy snippets (not part of `cargo test`).
#
#   benches/vs-node.sh            build target/release/mini-node if needed, run, print the table
#   RUNS=15 benches/vs-node.sh    rounds per snippet (default 5; one warm-up run each comes first)
#   MINI_NODE=path/to/mini-node benches/vs-node.sh   measure that binary (no build), e.g. an older one
#
# For each snippet: wall time (the median of RUNS rounds, each round running node and mini-node one
# after the other, alternating which goes first, so a machine whose speed drifts slows both alike),
# peak resident memory (`/usr/bin/time -v`, the largest of 3 runs), and whether both print the same
# stdout.
# mini-node runs with its default virtual clock; node waits real time for timers.
# Goals: every ratio <= 1.0, identical output, peak memory no higher than node's,
# startup of a one-line script <= 10 ms.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
mini="${MINI_NODE:-$root/target/release/mini-node}"

command -v node >/dev/null || { echo "vs-node.sh: node is not on PATH" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "vs-node.sh: /usr/bin/time missing: apt-get install -y time" >&2; exit 3; }

if [ -z "${MINI_NODE:-}" ]; then
  echo "building: cargo build --release (no-op when up to date)" >&2
  (cd "$root" && cargo build --release --quiet) || { echo "vs-node.sh: cargo build --release failed" >&2; exit 3; }
fi
[ -x "$mini" ] || { echo "vs-node.sh: $mini is not an executable (MINI_NODE names the binary to measure)" >&2; exit 3; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/immediate-200k.js" <<'EOF'
// 200k chained setImmediate callbacks.
let n = 0;
function next() {
  n += 1;
  if (n < 200000) setImmediate(next);
  else console.log('immediates', n);
}
setImmediate(next);
EOF

cat >"$work/tick-promise-200k.js" <<'EOF'
// 200k chained process.nextTick callbacks plus a 200k-link promise chain.
let ticks = 0;
function tick() {
  ticks += 1;
  if (ticks < 200000) process.nextTick(tick);
}
process.nextTick(tick);
let p = Promise.resolve(0);
for (let i = 0; i < 200000; i++) p = p.then((v) => v + 1);
p.then((v) => console.log('ticks', ticks, 'links', v));
EOF

cat >"$work/timers-50k.js" <<'EOF'
// 50k timers with random delays (0-99 ms) from a seeded generator: the same for both runtimes.
let seed = 42;
function random() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
let fired = 0;
let sum = 0;
for (let i = 0; i < 50000; i++) {
  const delay = Math.floor(random() * 100);
  setTimeout(() => {
    fired += 1;
    sum += delay;
    if (fired === 50000) console.log('timers', fired, 'delay sum', sum);
  }, delay);
}
EOF

cat >"$work/await-100k.js" <<'EOF'
// 100k awaits in one async function.
async function main() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += await i;
  return sum;
}
main().then((sum) => console.log('awaits', 100000, 'sum', sum));
EOF

cat >"$work/startup.js" <<'EOF'
console.log('hello');
EOF

# Wall time in ms, node and mini-node side by side: one warm-up run each, then $runs rounds that
# run both (alternating which goes first), so a machine whose speed drifts slows both alike.
# Prints "node_median mini_median" (the median of the rounds).
side_by_side_ms() {
  local file="$1" i
  local -a node_t=() mini_t=()
  node "$file" >/dev/null 2>&1 || true
  "$mini" run "$file" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
      timed node "$file"; node_t+=("$took")
      timed "$mini" run "$file"; mini_t+=("$took")
    else
      timed "$mini" run "$file"; mini_t+=("$took")
      timed node "$file"; node_t+=("$took")
    fi
  done
  echo "$(median_ms "${node_t[@]}") $(median_ms "${mini_t[@]}")"
}

# run "$@" (output discarded) and set `took` to its wall time in microseconds; the clock is read
# without starting a process (bash 5's EPOCHREALTIME; `date` otherwise)
timed() {
  local t0 t1
  if [ -n "${EPOCHREALTIME:-}" ]; then
    t0="${EPOCHREALTIME/[.,]/}"
    "$@" >/dev/null 2>&1 || true
    t1="${EPOCHREALTIME/[.,]/}"
    took=$((10#$t1 - 10#$t0))
  else
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    took=$(((t1 - t0) / 1000))
  fi
}

# median of microsecond durations, in ms
median_ms() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1e3 }'
}

# peak RSS in MB (largest of 3 runs) of: $@
peak_mb() {
  local best=0 kb
  for _ in 1 2 3; do
    kb=$( /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' )
    [ -n "$kb" ] && [ "$kb" -gt "$best" ] && best=$kb
  done
  awk -v k="$best" 'BEGIN { printf "%.1f\n", k / 1024 }'
}

printf '%-20s %10s %14s %8s %9s %14s %6s\n' snippet "node ms" "mini-node ms" ratio "node MB" "mini-node MB" same
for name in immediate-200k tick-promise-200k timers-50k await-100k startup; do
  file="$work/$name.js"
  node_out="$(node "$file" 2>&1)" || true
  mini_out="$("$mini" run "$file" 2>&1)" || true
  same=no
  [ "$node_out" = "$mini_out" ] && same=yes
  read -r node_ms mini_ms < <(side_by_side_ms "$file")
  ratio="$(awk -v a="$mini_ms" -v b="$node_ms" 'BEGIN { if (b > 0 && a == a + 0) printf "%.2f", a / b; else print "-" }')"
  node_mb="$(peak_mb node "$file")"
  mini_mb="$(peak_mb "$mini" run "$file")"
  printf '%-20s %10s %14s %8s %9s %14s %6s\n' "$name" "$node_ms" "$mini_ms" "$ratio" "$node_mb" "$mini_mb" "$same"
  if [ "$same" = no ]; then
    echo "  node printed:      $(head -c 300 <<<"$node_out" | tr '\n' '|')" >&2
    echo "  mini-node printed: $(head -c 300 <<<"$mini_out" | tr '\n' '|')" >&2
  fi
done
echo "(node $(node --version), $("$mini" --version 2>/dev/null | head -1), median of $runs side-by-side rounds, $(nproc) cores)"
