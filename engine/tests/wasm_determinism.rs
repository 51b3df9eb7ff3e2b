//! The WebAssembly build gives the native traces: every program and seed of
//! `determinism/hashes.txt` hashes the same in headless Chromium. Run with
//! `cargo test -p engine --target wasm32-unknown-unknown --test wasm_determinism`
//! (wasm-bindgen-test-runner as the target's runner; `scripts/test.sh` does it).

#![cfg(target_arch = "wasm32")]

#[path = "determinism/common.rs"]
mod common;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_traces_match_the_native_hashes() {
    assert_eq!(common::lines(), common::golden());
}
