#!/bin/sh
# Record what real node prints for every quiz snippet under lessons/ into a golden next to it
# (quizN.js -> quizN.node.out). Each snippet is run RUNS times (default 20) while BUSY (default 2)
# busy-looping node processes load the CPUs, because races show up on a loaded machine (a script
# paused between two setTimeout calls gives its timers different start times). A snippet whose
# output or exit code ever differs is racy and is reported (no golden is written for it): a quiz
# must be deterministic. The goldens are read only by the tests; students see the engine's answer.
#
# Usage: lessons/record-goldens.sh [RUNS]      (BUSY=0 to record on an idle machine)
set -eu
cd "$(dirname "$0")"
runs="${1:-20}"
command -v node >/dev/null || { echo "record-goldens: node is not on PATH" >&2; exit 2; }
busy="${BUSY:-2}"
hogs=""
stop_hogs() { [ -z "$hogs" ] || kill $hogs 2>/dev/null || true; }
trap stop_hogs EXIT INT TERM
i=0
while [ "$i" -lt "$busy" ]; do
  node -e 'for (;;) {}' &
  hogs="$hogs $!"
  i=$((i + 1))
done
echo "node $(node --version), $runs runs per snippet, $busy busy processes"
status=0
for js in */quiz*.js; do
  out="${js%.js}.node.out"
  tmp="$(mktemp)"
  node "$js" >"$tmp" 2>/dev/null || { echo "FAIL $js exits non-zero under node" >&2; status=1; rm -f "$tmp"; continue; }
  i=1
  racy=0
  while [ "$i" -lt "$runs" ]; do
    if ! node "$js" 2>/dev/null | cmp -s - "$tmp"; then racy=1; break; fi
    i=$((i + 1))
  done
  if [ "$racy" -eq 1 ]; then
    echo "RACY $js: its output differs between runs; make it deterministic" >&2
    status=1
  else
    mv "$tmp" "$out"
    echo "ok   $js -> $out ($(wc -l <"$out") lines)"
  fi
  rm -f "$tmp"
done
exit "$status"
