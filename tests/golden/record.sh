#!/usr/bin/env bash
# Re-record the golden corpus from real node (v20 on PATH).
#
#   tests/golden/record.sh                 record every snippet of node/ and explore/
#   tests/golden/record.sh -n 40 NAME ...  record only these (names without .js), 40 runs each
#   tests/golden/record.sh --explore-runs 300
#   tests/golden/record.sh --only node     (or --only explore) one of the two corpora
#
# node/NAME.js     deterministic snippets: run N times (default 20); if stdout, stderr or the exit
#                  code ever differ, the snippet is REFUSED (nothing written) and the script fails.
#                  Otherwise writes NAME.out (stdout), NAME.err (stderr, only if non-empty) and
#                  NAME.code (exit code, only if non-zero).
# explore/NAME.js  racy snippets: run M times (default 300); NAME.orders gets the SET of distinct
#                  stdouts (sorted, separated by a line `---`). A snippet that shows only one order
#                  on this machine, or that writes to stderr or exits non-zero, is REFUSED.
#
# Normalisation (the tests undo it): the snippet's absolute directory becomes `<DIR>`, node's
# process-warning prefix `(node:12345)` becomes `(node:<PID>)`, and the ephemeral port of a network
# error report (`address already in use :::41401`, a `  port: 41401` property) becomes `<PORT>`
# (the tests normalise the run's output the same way). Every snippet runs with its own
# directory as working directory, NO_COLOR=1, and no arguments.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs=20
explore_runs=300
names=()
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --explore-runs) explore_runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2
      case "$only" in node|explore) ;; *) echo "record.sh: --only takes node or explore, not $only" >&2; exit 2 ;; esac ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "record.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done

command -v node >/dev/null || { echo "record.sh: node is not on PATH; install node v20 to record goldens" >&2; exit 3; }
case "$(node --version)" in
  v20.*) ;;
  *) echo "record.sh: goldens are recorded with node v20, found $(node --version)" >&2; exit 3 ;;
esac

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# normalise DIR < in > out
normalise() {
  local dir="$1"
  sed -e "s|${dir//|/\\|}|<DIR>|g" -E -e 's/\(node:[0-9]+\)/(node:<PID>)/g' \
    -e 's/(address already in use [^[:space:]]*:)[0-9]+/\1<PORT>/g' -e 's/^(  port: )[0-9]+/\1<PORT>/'
}

# run_once DIR FILE PREFIX: writes PREFIX.out PREFIX.err PREFIX.code (normalised)
run_once() {
  local dir="$1" file="$2" prefix="$3" code=0
  (cd "$dir" && NO_COLOR=1 timeout 60 node "$file" >"$prefix.raw.out" 2>"$prefix.raw.err") || code=$?
  normalise "$dir" <"$prefix.raw.out" >"$prefix.out"
  normalise "$dir" <"$prefix.raw.err" >"$prefix.err"
  echo "$code" >"$prefix.code"
}

selected() {
  [ ${#names[@]} -eq 0 ] && return 0
  local n
  for n in "${names[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}

refused=0
recorded=0

dir="$here/node"
[ "$only" = explore ] || for file in "$dir"/*.js; do
  name="$(basename "$file" .js)"
  selected "$name" || continue
  run_once "$dir" "$file" "$tmp/first"
  varies=""
  for ((i = 2; i <= runs; i++)); do
    run_once "$dir" "$file" "$tmp/again"
    for part in out err code; do
      if ! cmp -s "$tmp/first.$part" "$tmp/again.$part"; then varies="$part"; vrun=$i; break 2; fi
    done
  done
  if [ -n "$varies" ]; then
    echo "REFUSED node/$name: its $varies in run $vrun differs from run 1; make it deterministic or move it to explore/" >&2
    diff "$tmp/first.$varies" "$tmp/again.$varies" >&2 || true
    refused=$((refused + 1))
    continue
  fi
  cp "$tmp/first.out" "$dir/$name.out"
  rm -f "$dir/$name.err" "$dir/$name.code"
  [ -s "$tmp/first.err" ] && cp "$tmp/first.err" "$dir/$name.err"
  code="$(cat "$tmp/first.code")"
  [ "$code" != 0 ] && echo "$code" >"$dir/$name.code"
  recorded=$((recorded + 1))
  echo "recorded node/$name (exit $code, $runs identical runs)"
done

dir="$here/explore"
[ "$only" = node ] || for file in "$dir"/*.js; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .js)"
  selected "$name" || continue
  rm -rf "$tmp/orders" && mkdir "$tmp/orders"
  bad=""
  for ((i = 1; i <= explore_runs; i++)); do
    run_once "$dir" "$file" "$tmp/run"
    if [ "$(cat "$tmp/run.code")" != 0 ] || [ -s "$tmp/run.err" ]; then bad="exit $(cat "$tmp/run.code"), stderr: $(head -c 200 "$tmp/run.err")"; break; fi
    cp "$tmp/run.out" "$tmp/orders/$(md5sum <"$tmp/run.out" | cut -c1-32)"
  done
  count="$(find "$tmp/orders" -type f | wc -l)"
  if [ -n "$bad" ]; then
    echo "REFUSED explore/$name: an explore snippet must exit 0 with empty stderr ($bad)" >&2
    refused=$((refused + 1))
    continue
  fi
  if [ "$count" -lt 2 ]; then
    echo "REFUSED explore/$name: only one order in $explore_runs runs on this machine; it is not racy here" >&2
    refused=$((refused + 1))
    continue
  fi
  # Sorted by content so re-recording gives a stable file.
  out="$dir/$name.orders"
  : >"$out"
  first=1
  while IFS= read -r -d '' f; do
    [ $first -eq 1 ] || echo '---' >>"$out"
    first=0
    cat "$f" >>"$out"
  done < <(for f in "$tmp"/orders/*; do printf '%s\t%s\0' "$(tr '\n' '\036' <"$f")" "$f"; done | sort -z | cut -z -f2)
  recorded=$((recorded + 1))
  echo "recorded explore/$name: $count distinct orders in $explore_runs runs"
done

echo "recorded $recorded, refused $refused"
[ "$refused" -eq 0 ]
