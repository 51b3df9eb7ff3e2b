//! Runs every program of `tests/conformance` through the engine and compares what it prints
//! (standard output, exit code, first line of standard error) with the expected files, which
//! were produced on the JVM (see `tests/conformance/README.md`).
//!
//! A program whose header holds `// Compare: unordered` is checked as a multiset of lines:
//! the JVM prints its lines in a racy order.

use std::path::{Path, PathBuf};

use engine::{run_source, Config, RunOptions};

fn programs(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "kt"))
        .collect();
    out.sort();
    out
}

/// One program's mismatch, or `None` when it matches.
fn check(kt: &Path, seed: u64) -> Option<String> {
    let source = std::fs::read_to_string(kt).expect("the program is readable");
    let expected_out = std::fs::read_to_string(kt.with_extension("out")).expect("every program has a .out file");
    let expected_exit: i32 = std::fs::read_to_string(kt.with_extension("exit")).map(|s| s.trim().parse().expect("an exit code")).unwrap_or(0);
    let expected_err = std::fs::read_to_string(kt.with_extension("err")).ok().map(|s| s.lines().next().unwrap_or("").to_string());
    let unordered = source.lines().take(5).any(|l| l.trim() == "// Compare: unordered");
    let name = kt.file_name().expect("a file name").to_string_lossy().to_string();
    let options = RunOptions { config: Config { seed, ..Config::default() }, file_name: name.clone() };
    let result = run_source(&source, &options);
    if result.world.is_none() {
        let msgs: Vec<String> = result.diagnostics.iter().map(|d| d.message.clone()).collect();
        return Some(format!("{name}: did not compile: {msgs:?}"));
    }
    let world = result.world.as_ref().expect("checked above");
    let mut problems = Vec::new();
    let actual = world.stdout();
    let same = if unordered {
        let mut a: Vec<&str> = actual.lines().collect();
        let mut e: Vec<&str> = expected_out.lines().collect();
        a.sort_unstable();
        e.sort_unstable();
        a == e
    } else {
        actual == expected_out
    };
    if !same {
        problems.push(format!("stdout differs:\n--- expected\n{expected_out}--- actual\n{actual}"));
    }
    if result.exit_code() != expected_exit {
        let why = match &world.outcome {
            Some(engine::Outcome::Stopped(d)) => format!(" ({})", d.message),
            _ => String::new(),
        };
        problems.push(format!("exit code {} instead of {expected_exit}{why}", result.exit_code()));
    }
    if let Some(err) = expected_err {
        let stderr = world.stderr();
        let first = stderr.lines().next().unwrap_or("");
        if first != err {
            problems.push(format!("first stderr line {first:?} instead of {err:?}"));
        }
    }
    if problems.is_empty() { None } else { Some(format!("{name}: {}", problems.join("; "))) }
}

fn check_dir(dir: &str) {
    let all = programs(dir);
    assert!(!all.is_empty(), "no programs in {dir}");
    let failures: Vec<String> = all.iter().filter_map(|p| check(p, 1)).collect();
    assert!(failures.is_empty(), "{} of {} programs differ from the JVM:\n\n{}", failures.len(), all.len(), failures.join("\n\n"));
}

#[test]
fn conformance_programs_print_what_the_jvm_prints() {
    check_dir("conformance");
}

/// Programs whose JVM output does not depend on thread timing must not depend on the seed.
#[test]
fn ordered_programs_do_not_depend_on_the_seed() {
    let all = programs("conformance");
    let failures: Vec<String> = all.iter().filter_map(|p| check(p, 0xDEC0DE)).collect();
    assert!(failures.is_empty(), "with another seed:\n{}", failures.join("\n\n"));
}
