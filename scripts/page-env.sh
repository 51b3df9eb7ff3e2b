# shellcheck shell=bash
# Sourced before every build of the page (serve.sh, and tests/browser/lib.mjs through
# build-page.sh): how the page's WebAssembly is compiled, beyond the `web` cargo profile.
#
# The page is downloaded, so it is built for size with three options the stable toolchain has
# but keeps unstable (RUSTC_BOOTSTRAP lets it use them; nothing else is built this way):
# - the standard library is compiled again with the `web` profile (opt-level "z") instead of
#   the prebuilt one, which is optimized for speed;
# - a panic stops the module at once instead of formatting a message first, which removes the
#   panic machinery and every panic's text and location. The engine never panics on a
#   program (fuzzed); a panic would be an engine bug, and its message is there in the
#   native builds (tests, the CLI).
# - the standard library is built with its `optimize_for_size` feature, which picks its
#   smaller algorithms where it has two (sorting, most of all; a stable sort has one result).
# - a derived `Debug` prints only the name of the type or variant (`-Zfmt-debug=shallow`). The
#   page shows `{:?}` of a field-less enum alone (a job's state: `Active`), which is that name;
#   the structure dumps a derived `Debug` would otherwise write only serve tests and panics.
# Together they take about 39 KB off the gzipped page. The rust-src component they need is
# installed by setup.sh.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=shallow"
