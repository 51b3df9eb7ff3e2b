//! Determinism: the same program and seed give the same trace, bit for bit — run twice here,
//! and against the hashes in `determinism/hashes.txt`, which the WebAssembly build checks too
//! (`tests/wasm_determinism.rs`, in headless Chromium). `UPDATE_EXPECT=1` rewrites the file.

#[path = "determinism/common.rs"]
mod common;

#[test]
fn the_same_seed_gives_the_same_trace_twice() {
    assert_eq!(common::lines(), common::lines());
}

#[test]
fn native_traces_match_the_recorded_hashes() {
    let lines = common::lines();
    if std::env::var("UPDATE_EXPECT").is_ok() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/determinism/hashes.txt");
        std::fs::write(path, lines.join("\n") + "\n").expect("the golden file is writable");
        return;
    }
    assert_eq!(lines, common::golden(), "the engine's traces changed; if that is intended, rerun with UPDATE_EXPECT=1");
}
