#!/usr/bin/env bash
# Fuzzes a target with cargo-fuzz (libFuzzer) for SECONDS (default 600): link_decode (share
# links, the default) or expr_parse_eval (typed functions).
# cargo-fuzz needs nightly compiler flags; on a stable toolchain RUSTC_BOOTSTRAP=1 lets the
# stable compiler accept them (for this local tool only; the product builds on stable).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET]; FUZZ_RUNS=N stops after N inputs instead (or at SECONDS).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_TO_RUN="${1:-600}"
TARGET="${2:-link_decode}"
command -v cargo-fuzz >/dev/null || { log "cargo install cargo-fuzz (once)"; cargo install cargo-fuzz --version 0.13.2; }
mkdir -p fuzz/corpus/"$TARGET"
# Seed the corpus with real inputs.
if [ "$TARGET" = link_decode ]; then
  printf 'v=1&l=himmelblau&p=&view=-5,5,-5,5&s=0.3,-1.7&eta=0.01&m=gd,newton&n=7' > fuzz/corpus/"$TARGET"/seed-himmelblau
  printf 'v=1&l=quadratic2&p=1,10,0.5&s=1,1&eta=0.1&embed=1&hide=charts,methods' > fuzz/corpus/"$TARGET"/seed-embed
  printf 'v=1&l=typed2d&f=sin(x)*cos(y)%%2Bx%%5E2&s=1,1' > fuzz/corpus/"$TARGET"/seed-typed
  printf 'v=1&l=rosenbrock&s=-1.2,1&eta=0.001&mu=0.5&beta=0.9&mem=5&m=gd,lbfgs,momentum&r=gd_eta0.0005,momentum_eta0.001_beta0.5&crit=1&hess=0&cs=log&present=1&speed=20&basins=1&open=sweep,momentum&scene=free&lang=es' > fuzz/corpus/"$TARGET"/seed-runs
else
  printf '(x^2 + y - 11)^2 + (x + y^2 - 7)^2' > fuzz/corpus/"$TARGET"/seed-himmelblau
  printf 'sigmoid(2x - 3y)^2 + max(abs(x), relu(y)) / log(1 + e^x)' > fuzz/corpus/"$TARGET"/seed-mix
  printf '2x y (x+1)(y-1) - -x^-2 + pi·x × 3.5e-2' > fuzz/corpus/"$TARGET"/seed-implicit
fi
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$TARGET" -- -max_total_time="$SECONDS_TO_RUN" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -max_len=4096 -timeout=10 -print_final_stats=1
