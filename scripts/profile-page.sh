#!/usr/bin/env bash
# Records which of the page's functions the browser tests run, into app/page-profile.txt, the
# profile scripts/split-page.sh splits the page's module by. Run it after changing the engine
# or the page when a browser test says the lessons needed the cold part of the code.
#
# It builds the page with every function marked as it runs, drives it through the smoke test,
# the lesson page test and the test of every lesson at every parameter value, twice (timers make
# a run's path vary a little), and keeps the name of every function that ran. Then it builds
# the page as served again.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/page-env.sh
. "$ROOT/scripts/page-env.sh"
cd "$ROOT"

work=target/page-profile
mkdir -p "$work"
rm -f "$work/hits.txt"
log "building the page with every function marked as it runs"
COROLAB_PAGE_SPLIT=instrument trunk build --release
for run in 1 2; do
  log "profiling run $run of 2"
  COROLAB_SKIP_BUILD=1 COROLAB_PROFILE_OUT="$work/hits.txt" node tests/browser/smoke.mjs
  COROLAB_SKIP_BUILD=1 COROLAB_PROFILE_OUT="$work/hits.txt" node tests/browser/page.mjs
  COROLAB_SKIP_BUILD=1 COROLAB_PROFILE_OUT="$work/hits.txt" node tests/browser/lessons.mjs
done
unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
cargo run -q --release --locked -p page-split -- profile "$work/names.txt" "$work/hits.txt" app/page-profile-except.txt app/page-profile.txt
. "$ROOT/scripts/page-env.sh"
log "building the page as served"
trunk build --release
