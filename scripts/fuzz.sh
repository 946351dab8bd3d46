#!/usr/bin/env bash
# Runs one cargo-fuzz target of fuzz/ for a given time.
#
#   scripts/fuzz.sh <target> <seconds> [extra libFuzzer flags…]
#   scripts/fuzz.sh all <seconds>      # every target, one after the other
#
# Needs `cargo install cargo-fuzz`. On a stable toolchain RUSTC_BOOTSTRAP=1 lets cargo-fuzz
# use the nightly-only flags it needs. SANITIZER=address|none (default none: the crates
# forbid unsafe code, and without ASan the fuzzer runs several times faster).
# Crashes land in fuzz/artifacts/<target>/; the corpus grows in fuzz/corpus/<target>/.
set -euo pipefail

# One line per target (and a [[bin]] in fuzz/Cargo.toml).
TARGETS=(
  render   # every format, arbitrary context values and template arguments
  received # ApiError::from_received and capture, arbitrary messages and templates
  parse    # the received-body parser: arbitrary bytes, status, content type, limits
  decode   # lenient client decoding: arbitrary status, headers, body bytes, limits
  language # Accept-Language negotiation: arbitrary header values, every format
  formats  # apierror-formats (Stripe, JSON:API, Microsoft): render, read back, arbitrary bytes
  field_path # field-path writers and readers in every notation: arbitrary paths and text
)

usage() {
  echo "usage: $0 <target|all> <seconds> [libFuzzer flags…]; targets: ${TARGETS[*]}" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage

cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1

run() {
  local t=$1
  shift
  echo "== fuzzing $t for ${seconds}s" >&2
  cargo fuzz run --sanitizer "${SANITIZER:-none}" --release "$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
}

if [[ $target == all ]]; then
  for t in "${TARGETS[@]}"; do run "$t" "$@"; done
else
  printf '%s\n' "${TARGETS[@]}" | grep -qx -- "$target" || usage
  run "$target" "$@"
fi
