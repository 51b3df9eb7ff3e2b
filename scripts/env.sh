# shellcheck shell=bash
# Sourced by the other scripts: the repository root and the PATH every step uses.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ROOT

# Tools installed by setup.sh: cargo-installed binaries and npm's wasm-opt.
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() {
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}
