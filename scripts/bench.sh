#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): native criterion benches of the core, then the browser
# benchmark (page weight, time to first landscape, redraw and step costs) in headless Chromium.
# Usage: scripts/bench.sh [--no-native]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_npm
ensure_apt chromium
if [ "${1:-}" != "--no-native" ]; then
  log "native benches (criterion)"
  cargo bench -p descenso --bench core -- --noplot 2>&1 | grep -E '^[a-z].*|time:' || true
fi
build_wasm
build_dist
log "browser benchmark"
node bench/page.mjs
log "basin kernel: native, wasm, plain JavaScript"
node bench/basins.mjs
log "a step on all the weights of a network: native, wasm in a worker, plain JavaScript"
node bench/network.mjs
