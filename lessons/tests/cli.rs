//! `corolab-lessons`, as `corolab lessons` and `corolab lesson …` run it.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_corolab-lessons")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn lists_the_lessons_in_course_order() {
    let (code, out, _) = cli(&["lessons"]);
    assert_eq!(code, 0);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(lines[0], ["scopes", "Scope boundaries", "coroutineScope,supervisorScope"]);
    let ids: Vec<&str> = lines.iter().map(|l| l[0]).collect();
    assert_eq!(ids, ["scopes", "context", "exceptions", "bulkhead", "limits", "leaks", "islands", "state", "review"]);
    assert!(lines.iter().all(|l| l.len() == 3 && !l[2].is_empty()));
}

#[test]
fn runs_a_lesson_and_prints_the_checked_outcome() {
    let (code, out, _) = cli(&["lesson", "scopes"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("A: cancelled\n"));
    assert!(out.contains("answer: cancelled"));
    let (code, out, _) = cli(&["lesson", "scopes", "--variant", "supervisorScope", "--param", "failing=none", "--seed", "7"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("result: (1, 2)"));
    assert!(out.contains("answer: full"));
    let (code, out, _) = cli(&["lesson", "bulkhead", "--variant=bulkhead", "--param", "cores=2", "--param", "queries=60"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 cores"));
    assert!(out.contains("answer: fast"));
}

#[test]
fn wrong_requests_exit_with_2_and_say_why() {
    for (args, says) in [
        (&["lesson", "scope"][..], "did you mean 'scopes'"),
        (&["lesson", "scopes", "--variant", "nope"], "has no variant 'nope'"),
        (&["lesson", "scopes", "--param", "bMz=100"], "did you mean 'bMs'"),
        (&["lesson", "scopes", "--param", "bMs=abc"], "needs a whole number"),
        (&["lesson", "scopes", "--param", "bMs=5000"], "outside the range"),
        (&["lesson", "scopes", "--param", "failing=C"], "not one of"),
        (&["lesson", "context", "--variant", "bareThreadLocal", "--param", "carry=asContextElement"], "pins"),
        (&["lesson", "scopes", "--seed", "x"], "--seed"),
        (&["lesson"], "needs a lesson id"),
        (&["frobnicate"], "unknown command"),
    ] {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
