#!/usr/bin/env bash
# Builds the page into dist/ (release), as serve.sh serves it.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/page-env.sh
. "$ROOT/scripts/page-env.sh"
cd "$ROOT"
trunk build --release
