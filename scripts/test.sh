#!/usr/bin/env bash
# Command 2: install what the tests need, then run every check CI runs, failing on any failure:
# rustfmt, clippy, native tests, wasm tests in headless Chromium and Firefox, end-to-end tests in
# Chromium, and a smoke run of the page in Firefox ESR (WebDriver BiDi through geckodriver).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_npm
ensure_browsers

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p descenso --target wasm32-unknown-unknown --lib --tests -- -D warnings
# (The lab's build as build_wasm makes it: with SIMD, in its own target folder.)
CARGO_TARGET_DIR=target/lab RUSTFLAGS="-C target-feature=+simd128" \
  cargo clippy -p descenso --target wasm32-unknown-unknown --lib --tests --features lab -- -D warnings

log "native tests"
cargo test --workspace

log "the fuzz targets build (scripts/fuzz.sh runs them)"
cargo check --manifest-path fuzz/Cargo.toml --bins

log "wasm tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test -p descenso --target wasm32-unknown-unknown

log "the lab's SIMD basin kernel in headless Chromium"
CARGO_TARGET_DIR=target/lab RUSTFLAGS="-C target-feature=+simd128" CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test -p descenso --target wasm32-unknown-unknown --features lab --test lanes

log "wasm tests in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" cargo test -p descenso --target wasm32-unknown-unknown

build_wasm
build_dist

log "end-to-end tests in Chromium"
node --test --test-concurrency=1 tests/

log "smoke run of the page in Firefox ESR"
GECKODRIVER="$(command -v geckodriver)" node --experimental-websocket --test tests/firefox/smoke.mjs

log "all checks passed"
