# Shared steps of scripts/serve.sh and scripts/test.sh: install what is missing, build the wasm.
# Every step is idempotent and quick when its work is already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

GECKODRIVER_VERSION="0.37.1"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# apt packages, installed only when missing.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The version of wasm-bindgen that Cargo.lock resolved.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo is required (rustup: https://rustup.rs)" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want="$(locked_wasm_bindgen_version)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  if [ "$have" != "$want" ]; then
    log "cargo install wasm-bindgen-cli $want (takes a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --no-default-features --force
  fi
}

ensure_npm() {
  command -v npm >/dev/null || ensure_apt nodejs npm
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_browsers() {
  ensure_apt chromium chromium-driver firefox-esr
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    log "cargo install geckodriver $GECKODRIVER_VERSION (once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked || cargo install geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

# Release wasm → wasm-bindgen (--target web) → wasm-opt, twice: the page's wasm into www/pkg/,
# and the lab's (feature "lab": the workers' extra exports) into www/pkg-lab/.
build_wasm() {
  log "building the wasm core (page and lab)"
  local built=target/wasm32-unknown-unknown/release/descenso.wasm
  # The lab's build has 128-bit SIMD (the basin kernel steps two starts per instruction; wasm
  # SIMD runs in current Chromium, Firefox — both tested here — and Safari 16.4 on), in a target
  # folder of its own: its flags differ, and sharing one folder would rebuild everything at each
  # switch. The page's build has none.
  CARGO_TARGET_DIR=target/lab RUSTFLAGS="-C target-feature=+simd128" \
    cargo build --release --target wasm32-unknown-unknown -p descenso --features lab
  cp -p target/lab/wasm32-unknown-unknown/release/descenso.wasm target/descenso-lab.wasm
  cargo build --release --target wasm32-unknown-unknown -p descenso
  bindgen_opt "$built" www/pkg
  bindgen_opt target/descenso-lab.wasm www/pkg-lab
}

# wasm-bindgen + wasm-opt of WASM into DIR, skipped when DIR is newer than WASM.
bindgen_opt() {
  local wasm="$1" dir="$2"
  if [ "$dir/descenso_bg.wasm" -nt "$wasm" ] && [ "$dir/descenso.js" -nt "$wasm" ]; then
    log "$dir is up to date"
    return 0
  fi
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name descenso "$wasm"
  wasm-opt -O3 "$dir/descenso_bg.wasm" -o "$dir/descenso_bg.wasm"
  log "$dir/descenso_bg.wasm: $(wc -c < "$dir/descenso_bg.wasm") bytes, $(gzip -9c "$dir/descenso_bg.wasm" | wc -c) gzipped"
}

# dist/ (the folder to host) and dist/descenso.html (one self-contained file) from www/.
build_dist() {
  log "building dist/"
  node scripts/dist.mjs
}
