#!/usr/bin/env bash
# Command 1: install what is missing, build the optimized wasm and dist/, and serve dist/ (what
# people host) on 127.0.0.1.
# Usage: scripts/serve.sh [PORT]   (default 8000; 0 picks a free port)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_npm
build_wasm
build_dist
exec node scripts/server.mjs --root dist --port "${1:-${PORT:-8000}}"
