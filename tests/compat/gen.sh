#!/bin/sh
# gen.sh: rewrite docs/compat.md, the Node compatibility page. Records node v20's listing
# (tests/compat/node.txt) when node v20 is on PATH, then renders the page from it, mini-node's
# listing and tests/compat/notes.toml (`COMPAT_WRITE=1 cargo test --test compat`).
# Usage: tests/compat/gen.sh        (from anywhere in the repository)
set -eu
cd "$(dirname "$0")/../.."
if command -v node >/dev/null 2>&1 && node --version | grep -q '^v20\.'; then
  node tests/compat/list.js > tests/compat/node.txt.new 2>/dev/null
  mv tests/compat/node.txt.new tests/compat/node.txt
  echo "recorded tests/compat/node.txt from node $(node --version)"
else
  echo "no node v20 on PATH: keeping tests/compat/node.txt as recorded" >&2
fi
COMPAT_WRITE=1 cargo test --quiet --test compat -- compat_page_matches_what_mini_node_provides
echo "wrote docs/compat.md"
