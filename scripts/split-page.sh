#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): writes the lessons' content files beside the page, and
# splits the page's WebAssembly in the staging folder into the part the lessons run and a cold
# part loaded when first called (tools/page-split; app/src/cold.rs loads both).
# COROLAB_PAGE_SPLIT chooses what happens to the module:
#   split (the default)  split it by the profile app/page-profile.txt;
#   instrument           mark every function it calls, for scripts/profile-page.sh.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# The page's unstable build settings (page-env.sh) are for its wasm target, not for this tool.
unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
cargo build -q --release --locked -p page-split -p lessons --bin page-split --bin lesson-files
split="$ROOT/target/release/page-split"

# Each lesson's content file, which the page fetches when it opens the lesson
# (lessons/src/content.rs), from a native build of the same course.
"$ROOT/target/release/lesson-files" "$TRUNK_STAGING_DIR/lessons"

shopt -s nullglob
modules=("$TRUNK_STAGING_DIR"/app-*_bg.wasm)
if [ "${#modules[@]}" -ne 1 ]; then
  echo "split-page: expected one app-*_bg.wasm in $TRUNK_STAGING_DIR, found ${#modules[@]}" >&2
  exit 1
fi
module=${modules[0]}
cold=${module%_bg.wasm}_cold.wasm
# The features rustc's wasm32 target uses; the split modules keep to them.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

case "${COROLAB_PAGE_SPLIT:-split}" in
  instrument)
    mkdir -p target/page-profile
    "$split" instrument "$module" "$module.tmp" target/page-profile/names.txt
    mv "$module.tmp" "$module"
    ;;
  split)
    "$split" split "$module" app/page-profile.txt "$module.primary" "$cold.tmp"
    if [ "$TRUNK_PROFILE" = release ]; then
      wasm-opt -Oz --low-memory-unused "${features[@]}" "$module.primary" -o "$module"
      wasm-opt -Oz --low-memory-unused "${features[@]}" "$cold.tmp" -o "$cold"
      rm "$module.primary" "$cold.tmp"
      # wasm-bindgen names each import with a hash, in the module and in its glue: short names.
      glue=("$TRUNK_STAGING_DIR"/app-*.js)
      "$split" shorten-imports "$module" "${glue[0]}"
      # The JavaScript wasm-bindgen writes, minified: Trunk's own minifier cannot read it.
      # (It sees the same object key twice, one snippet imported under two names; the last
      # wins, minified or not, so esbuild's warning about it is not shown.)
      shopt -s globstar
      for js in "$TRUNK_STAGING_DIR"/**/*.js; do
        esbuild "$js" --minify --format=esm --log-level=error --outfile="$js.min"
        mv "$js.min" "$js"
      done
    else
      mv "$module.primary" "$module"
      mv "$cold.tmp" "$cold"
    fi
    ;;
  *)
    echo "split-page: COROLAB_PAGE_SPLIT must be split or instrument" >&2
    exit 1
    ;;
esac
