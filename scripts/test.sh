#!/usr/bin/env bash
# Runs every check the project has, in order, stopping at the first failure, and prints how
# long each took.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

names=()
times=()
results=()

summary() {
  echo
  echo "Summary"
  local idx
  for idx in "${!names[@]}"; do
    printf '  %-6s %-28s %5ss\n' "${results[$idx]}" "${names[$idx]}" "${times[$idx]}"
  done
}

# step NAME COMMAND...: runs one check; on failure prints the summary and stops.
step() {
  local name=$1 start status=0
  shift
  log "$name: $*"
  start=$(date +%s)
  "$@" || status=$?
  names+=("$name")
  times+=($(($(date +%s) - start)))
  if [ "$status" -ne 0 ]; then
    results+=("FAIL")
    summary
    echo "test: '$name' failed (exit $status)" >&2
    exit "$status"
  fi
  results+=("ok")
}

# step_if_present FILE NAME COMMAND...: a step for a check script that may not exist yet.
step_if_present() {
  local file=$1
  shift
  if [ -f "$file" ]; then
    step "$@"
  else
    log "$1: skipped, $file does not exist"
    names+=("$1")
    times+=(0)
    results+=("skip")
  fi
}

# The checks, one per line.
step "setup" bash scripts/setup.sh
step "cargo test" cargo test --workspace --locked
step "wasm determinism" env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 cargo test -p engine --target wasm32-unknown-unknown --test wasm_determinism --locked
step_if_present scripts/jvm-check.sh "JVM conformance" bash scripts/jvm-check.sh
# The browser tests share one build of the page, as serve.sh serves it.
step "page build" bash scripts/build-page.sh
step "browser" env COROLAB_SKIP_BUILD=1 node tests/browser/smoke.mjs
step "browser: the lesson page" env COROLAB_SKIP_BUILD=1 node tests/browser/page.mjs
step "browser: every lesson's parameters" env COROLAB_SKIP_BUILD=1 node tests/browser/lessons.mjs
step "browser: cold code" env COROLAB_SKIP_BUILD=1 node tests/browser/cold.mjs

summary
