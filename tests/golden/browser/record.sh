#!/usr/bin/env bash
# Re-records the browser golden corpus with real headless Chromium (Debian's `chromium`).
#
#   tests/golden/browser/record.sh                 record every NAME.js into NAME.out (5 runs each;
#                                                  a snippet whose output differs between runs fails)
#   tests/golden/browser/record.sh raf_basic ...   only these snippets
#   tests/golden/browser/record.sh --check DIR     record into DIR and compare with the stored .out
#
# Needs /usr/bin/chromium (or $CHROMIUM) and node. Exit 0 when everything recorded (or matched).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "record.sh: $chromium not found; install it with: apt-get install -y chromium (or set CHROMIUM)" >&2
  exit 3
fi
if ! command -v node >/dev/null; then
  echo "record.sh: node not found on PATH; the recorder (record.mjs) runs on node" >&2
  exit 3
fi
runs="${RUNS:-5}"
exec node "$here/record.mjs" --runs "$runs" "$@"
