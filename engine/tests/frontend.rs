//! Front-end tests: golden files, the reference programs, parameters, the command line, deep
//! nesting and seeded fuzzing.
//!
//! Golden files live in `tests/frontend/`:
//! - `valid/*.kt` must parse with no diagnostic at all; `valid/*.ast` holds a summary of the
//!   tree (and of the parameters, when there are some).
//! - `invalid/*.kt` each hold a learner mistake (one file holds several, to check recovery);
//!   `invalid/*.expected` holds the front end's diagnostics (syntax and `@param` comments)
//!   rendered exactly as `corolab check` prints them.
//! - `invalid-resolve/*.kt` hold mistakes that only name resolution finds (a misspelled
//!   `lauch`, `await` on a Job, a reassigned `val`…), with the diagnostics of
//!   `engine::diagnostics` the compiler gives.
//!
//! `UPDATE_EXPECT=1 cargo test -p engine --test frontend` rewrites the golden files from the
//! current output; review the difference before committing it.

#[path = "frontend/corpus.rs"]
mod corpus;
#[path = "frontend/fuzz.rs"]
mod fuzz;
#[path = "frontend/summary.rs"]
mod summary;

use engine::lang::params::{self, ParamKind, ParamValue};
use engine::lang::{parse, Diagnostic, LineIndex};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `tests/frontend/`.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/frontend")
}

/// The `.kt` files of a directory that must exist.
fn kotlin_files(dir: &Path) -> Vec<PathBuf> {
    assert!(dir.is_dir(), "{} is missing", dir.display());
    corpus::kotlin_files(dir)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Compares `actual` with the golden file at `path`, or rewrites it under `UPDATE_EXPECT=1`.
/// Returns a description of the difference, so that one run reports every stale file.
fn check(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    Some(format!("{} differs (rerun with UPDATE_EXPECT=1 to accept):\n--- expected\n{expected}--- actual\n{actual}", path.display()))
}

fn fail_on(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n\n{}", problems.len(), problems.join("\n"));
}

/// Diagnostics rendered as `corolab check` prints them, with `name` as the file name.
fn render(name: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    diagnostics.iter().map(|d| d.render(name, &index)).collect()
}

/// The front end's own diagnostics: syntax, then `@param` comments, in source order.
fn front_end_diagnostics(source: &str) -> Vec<Diagnostic> {
    let parsed = parse(source);
    let mut all = parsed.diagnostics.clone();
    all.extend(params::params_in(source, &parsed).1);
    engine::lang::diagnostic::sort(&mut all);
    all
}

/// The parameters of a program, one line each, for the summaries.
fn params_summary(source: &str) -> String {
    let mut out = String::new();
    for p in params::params(source).0 {
        let kind = match &p.kind {
            ParamKind::Range { min, max, step } => format!("{min}..{max} step {step}"),
            ParamKind::Toggle => "toggle".into(),
            ParamKind::Choice(options) => format!("one of {options:?}"),
        };
        let _ = writeln!(out, "(param {} {} {} {kind} {:?} at {})", p.name, p.default.type_name(), p.default, p.label, p.value_span.text(source));
    }
    out
}

#[test]
fn valid_programs_parse_cleanly_and_match_their_summaries() {
    let dir = data_dir().join("valid");
    let files = kotlin_files(&dir);
    assert!(files.len() >= 10, "expected the valid programs in {}", dir.display());
    let mut problems = Vec::new();
    for path in files {
        let source = read(&path);
        let diagnostics = front_end_diagnostics(&source);
        let name = format!("valid/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or("?"));
        if !diagnostics.is_empty() {
            problems.push(format!("{name} should have no diagnostic:\n{}", render(&name, &source, &diagnostics)));
            continue;
        }
        let mut actual = summary::file(&parse(&source).file);
        let params = params_summary(&source);
        if !params.is_empty() {
            actual.push_str("\n; parameters\n");
            actual.push_str(&params);
        }
        problems.extend(check(&path.with_extension("ast"), &actual));
    }
    fail_on(problems);
}

#[test]
fn invalid_programs_report_the_expected_diagnostics() {
    let dir = data_dir().join("invalid");
    let files = kotlin_files(&dir);
    assert!(files.len() >= 25, "expected at least 25 learner mistakes in {}", dir.display());
    let mut problems = Vec::new();
    for path in files {
        let source = read(&path);
        let name = format!("invalid/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or("?"));
        let diagnostics = front_end_diagnostics(&source);
        if !diagnostics.iter().any(Diagnostic::is_error) {
            problems.push(format!("{name} should have an error"));
        }
        for d in &diagnostics {
            if d.message.contains("syntax error") || d.message.trim().is_empty() {
                problems.push(format!("{name} has a message that names nothing: {:?}", d.message));
            }
        }
        problems.extend(check(&path.with_extension("expected"), &render(&name, &source, &diagnostics)));
    }
    fail_on(problems);
}

/// Mistakes found by name resolution, before running.
#[test]
fn resolve_mistakes_report_the_expected_diagnostics() {
    let dir = data_dir().join("invalid-resolve");
    let mut problems = Vec::new();
    for path in kotlin_files(&dir) {
        let source = read(&path);
        let name = format!("invalid-resolve/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or("?"));
        if !parse(&source).diagnostics.is_empty() {
            problems.push(format!("{name} should be free of syntax errors: it is about names"));
        }
        let diagnostics = engine::diagnostics(&source);
        problems.extend(check(&path.with_extension("expected"), &render(&name, &source, &diagnostics)));
    }
    fail_on(problems);
}

/// The programs of the invalid-resolve directory are valid syntax: the parser must not be
/// the one to reject them, whether or not the compiler runs.
#[test]
fn resolve_mistakes_are_valid_syntax() {
    let mut problems = Vec::new();
    for path in kotlin_files(&data_dir().join("invalid-resolve")) {
        let source = read(&path);
        let diagnostics = front_end_diagnostics(&source);
        if !diagnostics.is_empty() {
            problems.push(render(&path.display().to_string(), &source, &diagnostics));
        }
    }
    fail_on(problems);
}

/// The kotlinx.coroutines reference programs and the conformance suite (globbed at test time,
/// as it grows) all parse without a diagnostic.
#[test]
fn reference_and_conformance_programs_parse_cleanly() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The shared reference programs sit beside the repository when it is checked out in
    // its usual place; the conformance suite is always in it.
    let dirs = [manifest.join("tests/conformance"), manifest.join("../../shared/kotlin-reference/kx-programs"), PathBuf::from("/work/shared/kotlin-reference/kx-programs")];
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    let mut n_files = 0;
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for path in kotlin_files(dir) {
            let source = read(&path);
            if !seen.insert(source.clone()) {
                continue;
            }
            n_files += 1;
            let diagnostics = front_end_diagnostics(&source);
            if !diagnostics.is_empty() {
                problems.push(render(&path.display().to_string(), &source, &diagnostics));
            }
        }
    }
    assert!(n_files > 0, "no reference program found");
    fail_on(problems);
}

#[test]
fn parameters_are_read_and_substituted() {
    let source = read(&data_dir().join("valid/parameters.kt"));
    let substituted = params::substitute(
        &source,
        &[
            ("queryMs", ParamValue::Int(1950)),
            ("fail", ParamValue::Bool(false)),
            ("scope", ParamValue::Str("coroutineScope".into())),
            ("timeoutSeconds", ParamValue::Int(3)),
            ("budgetMs", ParamValue::Int(2000)),
            ("offset", ParamValue::Int(-20)),
            ("workers", ParamValue::Int(8)),
        ],
    )
    .expect("every value is allowed");
    let (after, diagnostics) = params::params(&substituted);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let values: Vec<String> = after.iter().map(|p| format!("{}={}", p.name, p.default.to_kotlin())).collect();
    assert_eq!(
        values,
        ["queryMs=1950", "fail=false", "scope=\"coroutineScope\"", "timeoutSeconds=3.0", "budgetMs=2000L", "offset=-20", "workers=8"]
    );
    // Only the literals change: the comments and the rest of the program stay as written.
    assert!(substituted.contains("val queryMs = 1950 // @param 50..2000 step 50 \"Query time (ms)\""));
    assert!(substituted.contains("val budgetMs: Long = 2000L // @param"));
    assert!(parse(&substituted).diagnostics.is_empty());
}

#[test]
fn substituted_values_are_checked() {
    let source = read(&data_dir().join("valid/parameters.kt"));
    let error = |values: &[(&str, ParamValue)]| params::substitute(&source, values).expect_err("the value is refused").message;
    assert_eq!(error(&[("queryMs", ParamValue::Int(2050))]), "parameter 'queryMs': the value 2050 is outside the range 50..2000");
    assert_eq!(error(&[("queryMs", ParamValue::Int(75))]), "parameter 'queryMs': the value 75 is not 50 plus a whole number of steps of 50");
    assert_eq!(error(&[("queryMs", ParamValue::Double(100.0))]), "parameter 'queryMs' is an Int, but the value 100.0 is a Double");
    assert_eq!(error(&[("fail", ParamValue::Str("yes".into()))]), "parameter 'fail' is a Boolean, but the value \"yes\" is a String");
    assert_eq!(
        error(&[("scope", ParamValue::Str("GlobalScope".into()))]),
        "parameter 'scope': the value \"GlobalScope\" is not one of the choices \"coroutineScope\", \"supervisorScope\""
    );
    assert_eq!(error(&[("timeoutSeconds", ParamValue::Double(f64::NAN))]), "parameter 'timeoutSeconds' needs a finite number, found NaN");
    assert_eq!(error(&[("queryMs", ParamValue::Int(100)), ("queryMs", ParamValue::Int(150))]), "the parameter 'queryMs' is given twice");
    let unknown = params::substitute(&source, &[("queryMS", ParamValue::Int(100))]).expect_err("no such parameter");
    assert_eq!(unknown.message, "there is no parameter named 'queryMS'");
    assert_eq!(unknown.help.as_deref(), Some("did you mean 'queryMs'?"));
}

#[test]
fn substituted_strings_are_quoted_with_escapes() {
    let source = "val mode = \"a\" // @param one of \"a\", \"say \\\"hi\\\" for \\$5\\n\"\n";
    let (declared, diagnostics) = params::params(source);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(declared[0].kind, ParamKind::Choice(vec!["a".into(), "say \"hi\" for $5\n".into()]));
    let out = params::substitute(source, &[("mode", ParamValue::Str("say \"hi\" for $5\n".into()))]).expect("an allowed choice");
    assert!(out.starts_with("val mode = \"say \\\"hi\\\" for \\$5\\n\" // @param"), "{out}");
    let parsed = parse(&out);
    assert!(parsed.diagnostics.is_empty());
    assert_eq!(params::params(&out).0[0].default, ParamValue::Str("say \"hi\" for $5\n".into()));
}

fn corolab(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corolab")).args(args).current_dir(data_dir()).output().expect("corolab runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn corolab_check_prints_diagnostics_and_sets_the_exit_code() {
    let (code, stdout, _) = corolab(&["check", "valid/control-flow.kt", "valid/parameters.kt"]);
    assert_eq!((code, stdout.as_str()), (0, ""));

    let (code, stdout, _) = corolab(&["check", "invalid/unclosed-call-paren.kt", "invalid/param-default-out-of-range.kt"]);
    assert_eq!(code, 1);
    let expected = read(&data_dir().join("invalid/unclosed-call-paren.expected")) + &read(&data_dir().join("invalid/param-default-out-of-range.expected"));
    assert_eq!(stdout, expected);

    let (code, _, stderr) = corolab(&["chek", "valid/control-flow.kt"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("corolab: unknown command 'chek'; did you mean 'check'?"), "{stderr}");
    assert!(stderr.contains("Usage: corolab"), "{stderr}");

    let (code, _, stderr) = corolab(&["check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`check` needs at least one file"), "{stderr}");

    let (code, _, stderr) = corolab(&["check", "no-such-file.kt"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("corolab: cannot read no-such-file.kt"), "{stderr}");
}

/// The stack of the deep-nesting tests: 1 MiB, the default stack of a WebAssembly module.
/// Nesting must be bounded by the parser, never by the host.
const SMALL_STACK: usize = 1 << 20;

fn with_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(SMALL_STACK).spawn(f).expect("a thread").join().expect("no stack overflow or panic")
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    // Brackets and braces are repeated 100,000 times; the other shapes, slower to read
    // unoptimised, 10,000 times, which is as far past the parser's limit.
    let shapes = [
        ("(", 100_000), ("{", 100_000), ("[", 10_000), ("f(", 10_000), ("-", 10_000), ("!", 10_000), ("\"${", 10_000), ("a.b", 10_000),
        ("a+", 10_000), ("x as ", 10_000), ("if (a) ", 10_000), ("if (a) 1 else ", 10_000), ("when (x) { 1 -> ", 10_000), ("try {", 10_000),
        ("a?:", 10_000), ("a to ", 10_000), ("listOf(", 10_000), ("List<", 10_000), ("fun f() = ", 10_000), ("while (a) ", 10_000),
        ("class A { fun f() { ", 10_000), ("object O { val x = ", 10_000), ("/*", 10_000), ("\"x\n", 10_000), ("'", 10_000), ("@A(", 10_000),
    ];
    // One thread per shape: they are independent, and the machine's cores shorten the run.
    let runs: Vec<_> = shapes
        .iter()
        .map(|&(shape, repeat)| {
            let source = format!("fun main() {{\n    val x = {}\n}}\n", shape.repeat(repeat));
            let run = std::thread::Builder::new().stack_size(SMALL_STACK).spawn(move || {
                let parsed = parse(&source);
                (parsed.diagnostics.len(), fuzz::check(&source).err())
            });
            (shape, run.expect("a thread"))
        })
        .collect();
    for (shape, run) in runs {
        let (n_diagnostics, problem) = run.join().expect("no stack overflow or panic");
        assert!(n_diagnostics > 0, "{shape:?} repeated should be reported");
        assert!(n_diagnostics <= engine::lang::parser::MAX_DIAGNOSTICS, "{shape:?}: {n_diagnostics} diagnostics");
        assert_eq!(problem, None, "{shape:?}");
    }
}

#[test]
fn classes_nested_deeply_are_bounded_like_deep_nesting() {
    for kind in ["class", "object", "interface", "enum class"] {
        let source = format!("{}\nfun main() {{ println(1) }}\n", format!("{kind} A {{ ").repeat(100_000));
        let messages = with_small_stack(move || engine::diagnostics(&source).into_iter().map(|d| d.message).collect::<Vec<_>>());
        assert!(messages.iter().any(|m| m.contains("nested too deeply")), "{kind}: {messages:?}");
    }
}

#[test]
fn a_long_chain_is_bounded_like_deep_nesting() {
    let chain = format!("fun main() {{\n    val x = 1{}\n}}\n", " + 1".repeat(100_000));
    let messages = with_small_stack(move || parse(&chain).diagnostics.into_iter().map(|d| d.message).collect::<Vec<_>>());
    assert!(messages.iter().any(|m| m.contains("nested too deeply")), "{messages:?}");
}

/// Seeded fuzzing, kept short for every test run; `examples/fuzz_parse.rs` runs a million.
#[test]
fn fuzzed_inputs_never_break_the_front_end() {
    let seeds: Vec<fuzz::Seed> = corpus::programs().into_iter().map(fuzz::Seed::new).collect();
    let mut rng = fuzz::Rng::new(0xC0_2011);
    for case in 0..1500 {
        let input = fuzz::arbitrary(&mut rng, 200);
        if let Err(problem) = fuzz::check(&input) {
            panic!("arbitrary case {case}: {problem}\ninput: {input:?}");
        }
    }
    for case in 0..1500 {
        let seed = &seeds[rng.below(seeds.len())];
        let input = fuzz::mutate(&mut rng, seed);
        if let Err(problem) = fuzz::check(&input) {
            panic!("mutation case {case}: {problem}\ninput: {input:?}");
        }
    }
}
