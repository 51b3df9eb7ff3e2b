//! The project's own valid programs, shared by the fuzz test, `examples/fuzz_parse.rs` and
//! `examples/bench_parse.rs`.

use std::path::{Path, PathBuf};

/// The `.kt` files of a directory, sorted so that every run sees them in the same order; none
/// when the directory is missing.
pub fn kotlin_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "kt")).collect();
    files.sort();
    files
}

/// The texts of the valid golden programs and of the conformance suite.
pub fn programs() -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("tests/frontend/valid"), manifest.join("tests/conformance")]
        .iter()
        .flat_map(|dir| kotlin_files(dir))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}
