#!/usr/bin/env bash
# Builds what people host: dist/ (static files with relative paths, for any sub-path of any static
# host) and dist/descenso.html (one self-contained file: for an LMS, or to open from disk).
# Installs what is missing first, like serve.sh. Usage: scripts/dist.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_npm
build_wasm
build_dist
