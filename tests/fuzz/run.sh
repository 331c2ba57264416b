#!/usr/bin/env bash
# Run the differential fuzzer: thousands of random programs under node v20 and mini-node.
#
#   tests/fuzz/run.sh                       1000 programs from a seed taken from the clock
#   tests/fuzz/run.sh -n 5000 -s 42         5000 programs from seed 42
#   tests/fuzz/run.sh -s 1234 -n 1          reproduce one program (its seed is in every report)
#   tests/fuzz/run.sh --show 1234           print the program of seed 1234 and stop
#   tests/fuzz/run.sh --node-runs 40        run node 40 times on each racy program (default 20)
#   tests/fuzz/run.sh --reduce 500          try up to 500 candidates to reduce a failure (150)
#   tests/fuzz/run.sh --deterministic       only deterministic programs (as cargo test's budget)
#
# Deterministic programs must print byte for byte what node prints; racy ones must print under node
# only orders `mini-node run --explore` lists. Each failure is reduced and printed with its seed; the
# failing program and its reduction stay under target/tmp/fuzz/seed-N/. Ends with the figures:
# programs run, identical, within --explore's orders, and the differences by kind. Exit status 0
# when there is no difference.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
count=1000
seed=""
node_runs=20
reduce=150
show=""
deterministic=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) count="$2"; shift 2 ;;
    -s) seed="$2"; shift 2 ;;
    --show) show="$2"; shift 2 ;;
    --node-runs) node_runs="$2"; shift 2 ;;
    --reduce) reduce="$2"; shift 2 ;;
    --deterministic) deterministic=1; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$seed" ] || seed="$(date +%s)"
if [ -n "$show" ]; then
  # (the test harness's own lines are left out)
  FUZZ_SEED="$show" FUZZ_DETERMINISTIC="$deterministic" cargo test --quiet --test fuzz -- --ignored --exact fuzz_show --nocapture \
    | sed -n '/^\/\/ mini-node fuzz program/,/^test result/p' | sed -e '/^test result/d' -e '/^\.$/d'
  exit "${PIPESTATUS[0]}"
fi
FUZZ_SEED="$seed" FUZZ_COUNT="$count" FUZZ_NODE_RUNS="$node_runs" FUZZ_REDUCE="$reduce" \
  FUZZ_DETERMINISTIC="$deterministic" \
  exec cargo test --test fuzz -- --ignored --exact fuzz_campaign --nocapture
