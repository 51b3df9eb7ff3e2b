#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Safe to run again: a tool
# already present at the right version is left alone.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# Cold `cargo install`s of trunk and wasm-bindgen-cli take many minutes on a small machine.
# These tools only run for seconds, so they are built for compile speed, not peak speed.
quick_install() {
  CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install "$@"
}

# Another shell may already be installing the same crate; two builds of it would only race
# for the same two cores, so wait for that one to finish and look again.
wait_for_running_install() {
  local crate=$1 pid
  command -v pgrep >/dev/null || return 0
  while pid=$(pgrep -f "cargo install $crate( |$)" | head -n 1) && [ -n "$pid" ]; do
    log "waiting for the 'cargo install $crate' already running (pid $pid)"
    sleep 20
  done
}

version_of() {
  "$@" 2>/dev/null | head -n 1 || true
}

as_root() {
  # Package installs never stop to ask a question.
  if [ "$(id -u)" -eq 0 ]; then env DEBIAN_FRONTEND=noninteractive "$@"; else sudo env DEBIAN_FRONTEND=noninteractive "$@"; fi
}

# Rust target for the page.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The standard library's source: the page's build compiles it again for size (page-env.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

# ensure_cargo_tool BIN PATTERN CRATE ARGS...: installs CRATE with ARGS unless the first line
# of `BIN --version` matches the glob PATTERN.
ensure_cargo_tool() {
  local bin=$1 pattern=$2 crate=$3
  shift 3
  # shellcheck disable=SC2053 # PATTERN is a glob on purpose.
  [[ $(version_of "$bin" --version) == $pattern ]] && return 0
  wait_for_running_install "$crate"
  # shellcheck disable=SC2053
  [[ $(version_of "$bin" --version) == $pattern ]] && return 0
  log "installing $crate $*"
  quick_install "$crate" "$@"
}

# Trunk 0.21: 0.22 needs a newer rustc than the project's.
ensure_cargo_tool trunk "trunk 0.21.*" trunk --locked --version '~0.21'

# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly. It is installed
# without --locked: its own lock file for 0.2.130 no longer builds.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: no wasm-bindgen entry in Cargo.lock" >&2
  exit 1
fi
ensure_cargo_tool wasm-bindgen "wasm-bindgen $bindgen_version" wasm-bindgen-cli --version "$bindgen_version"
if ! grep -q "^wasm_bindgen = \"$bindgen_version\"$" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\", the version in Cargo.lock" >&2
  exit 1
fi

# npm tools (wasm-opt from binaryen, esbuild, playwright-core), exactly as package-lock.json
# pins them.
# The stamp records which lock file node_modules was installed from.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.installed-from-lock
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ] || ! wasm-opt --version >/dev/null 2>&1; then
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" >"$stamp"
fi

# Debian packages: Chromium for the browser tests; Kotlin and kotlinx.coroutines for the JVM
# conformance check.
apt_packages=(chromium chromium-driver kotlin libkotlinx-coroutines-java libkotlinx-atomicfu-java)
missing=()
for pkg in "${apt_packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  # The package lists are only refreshed when an install cannot find what it needs.
  if ! as_root apt-get install -y --no-install-recommends "${missing[@]}"; then
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
