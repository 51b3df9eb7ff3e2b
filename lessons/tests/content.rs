//! The course as a whole: nine lessons in order, every file well formed, every question
//! answerable on every variant at its defaults and at both ends and the middle of every
//! parameter range.

mod common;

use lessons::{catalog, content_problems, lessons};

#[test]
fn nine_lessons_in_course_order() {
    let ids: Vec<&str> = catalog().iter().map(|l| l.id).collect();
    assert_eq!(ids, ["scopes", "context", "exceptions", "bulkhead", "limits", "leaks", "islands", "state", "review"]);
    for (i, l) in lessons().iter().enumerate() {
        assert_eq!(l.number, i + 1);
        assert!(l.text.contains("**The rule:**"), "{}: the text states the rule", l.id);
        assert!(l.text.contains("## Why it matters in production"), "{}: the text says why it matters", l.id);
        assert!(l.text.contains("## What to watch"), "{}: the text says what to watch", l.id);
        assert!(!l.variants.is_empty());
        assert!(!l.questions.is_empty());
        assert!(l.notices.len() + l.variants.iter().map(|v| v.notices.len()).sum::<usize>() > 0, "{}: no pointers", l.id);
    }
}

#[test]
fn content_has_no_problems() {
    let problems = content_problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every question has exactly one right answer on every variant of a lesson, at the defaults
/// and with each parameter in turn at its sample values (both ends and the middle of a range,
/// both sides of a toggle, every choice), and every run ends normally.
fn sweep(lesson: &str) {
    let l = lessons::lesson(lesson).expect("a lesson of the course");
    for v in &l.variants {
        let mut cases: Vec<Vec<(&str, lessons::Value)>> = vec![Vec::new()];
        for p in &v.params {
            for value in p.sample_values() {
                if value != p.default {
                    cases.push(vec![(p.name.as_str(), value)]);
                }
            }
        }
        for case in cases {
            let e = common::run(&l.id, &v.id, &case);
            assert!(e.run.world.is_some(), "{}/{} {case:?}: the scenario did not compile: {:?}", l.id, v.id, e.run.diagnostics);
            let w = e.run.world.as_ref().unwrap();
            assert!(matches!(w.outcome, Some(engine::Outcome::Completed)), "{}/{} {case:?}: the run ended with {:?}\n{}", l.id, v.id, w.outcome, e.stdout);
            for q in &e.questions {
                common::answer(&e, &q.id);
            }
        }
    }
}

macro_rules! sweeps {
    ($($name:ident: $id:literal,)*) => {
        $(#[test] fn $name() { sweep($id) })*
        #[test]
        fn every_lesson_is_swept() {
            let swept = [$($id),*];
            for l in lessons() {
                assert!(swept.contains(&l.id.as_str()), "add a sweep for lesson '{}'", l.id);
            }
        }
    };
}

sweeps! {
    sweep_scopes: "scopes",
    sweep_context: "context",
    sweep_exceptions: "exceptions",
    sweep_bulkhead: "bulkhead",
    sweep_limits: "limits",
    sweep_leaks: "leaks",
    sweep_islands: "islands",
    sweep_state: "state",
    sweep_review: "review",
}

#[test]
fn pointers_find_their_targets_at_the_defaults() {
    for l in lessons() {
        for v in &l.variants {
            let e = common::run(&l.id, &v.id, &[]);
            // A variant's own pointers all find what they name at its defaults (a pointer for
            // all variants may name what only some of them have).
            for vn in &v.notices {
                let text = lessons::render(vn.text, &e.values);
                assert!(e.notices.iter().any(|n| n.text == text), "{}/{}: the pointer '{text}' finds nothing at the defaults", l.id, v.id);
            }
            for t in e.notices.iter().flat_map(|n| &n.targets) {
                assert!(!t.jobs.is_empty() || !t.threads.is_empty() || t.line.is_some() || t.step.is_some(), "{}/{}: '{}' is given but found nothing", l.id, v.id, t.target);
            }
        }
    }
}

#[test]
fn pointers_to_what_did_not_happen_are_left_out() {
    // Nothing fails: no pointer speaks of a failure or a cancellation.
    let e = common::run("scopes", "coroutineScope", &[("failing", lessons::Value::Str("none".into()))]);
    assert!(e.stdout.contains("result: 3"));
    let about_failure: Vec<&str> = e.notices.iter().map(|n| n.text.as_str()).filter(|t| t.contains("fail") || t.contains("cancelled")).collect();
    assert!(about_failure.is_empty(), "{about_failure:?}");
    // B fails: the pointers to its failure and to A's cancellation are there.
    let e = common::run("scopes", "coroutineScope", &[]);
    assert!(e.notices.iter().any(|n| n.text.starts_with("When B fails while A is still running")));
    // A fails itself: its failure is not a cancellation by B's.
    let e = common::run("scopes", "coroutineScope", &[("failing", lessons::Value::Str("A".into()))]);
    assert!(!e.notices.iter().any(|n| n.text.starts_with("When B fails while A is still running")));
}

#[test]
fn line_pointers_land_on_code_not_on_comments_or_parameters() {
    for l in lessons() {
        for v in &l.variants {
            let e = common::run(&l.id, &v.id, &[]);
            for t in e.notices.iter().flat_map(|n| &n.targets) {
                let Some(line) = t.line else { continue };
                let text = v.source.lines().nth(line as usize - 1).unwrap();
                assert!(!text.contains("@param") && !text.trim_start().starts_with("//"), "{}/{}: '{}' points at line {line}: {text}", l.id, v.id, t.target);
            }
        }
    }
    // Nor on a parameter set to the text: the GlobalScope pointer of lesson 2 is the launch.
    let e = common::run("context", "contextElement", &[("launchStyle", common::s("GlobalScope.launch"))]);
    let line = e.notices.iter().flat_map(|n| &n.targets).find_map(|t| t.line).expect("the GlobalScope pointer");
    assert!(e.source.lines().nth(line as usize - 1).unwrap().contains("GlobalScope.launch { log(\"audit\") }"), "line {line}");
    // The pointer of the confinement variant is the dispatcher, not the parameter that picks it.
    let (_, v) = lessons::find("state", "confinement").unwrap();
    let e = common::run("state", &v.id, &[]);
    let line = e.notices.iter().flat_map(|n| &n.targets).find_map(|t| t.line).unwrap();
    assert!(v.source.lines().nth(line as usize - 1).unwrap().contains("val stateDispatcher = Dispatchers.Default.limitedParallelism(1)"));
}

#[test]
fn each_variant_shows_the_values_it_pins_in_its_code() {
    let mut pinned = 0;
    for l in lessons() {
        for v in &l.variants {
            let (declared, _) = engine::lang::params::params(v.source);
            for (name, value) in v.fixed.iter().filter(|(n, _)| n != "cores") {
                let p = declared.iter().find(|p| &p.name == name).unwrap();
                assert_eq!(&p.default, value, "{}/{}: the code says {name} = {:?}", l.id, v.id, p.default);
                pinned += 1;
            }
        }
    }
    assert!(pinned >= 10, "only {pinned} pinned values");
    // Both bulkhead variants run the same file; each shows its own choice.
    let shared = lessons::find("bulkhead", "sharedPool").unwrap().1.source;
    let own = lessons::find("bulkhead", "bulkhead").unwrap().1.source;
    assert!(shared.contains("val bulkhead = false // @param") && own.contains("val bulkhead = true // @param"));
}

#[test]
fn bad_requests_are_errors_not_panics() {
    use lessons::{evaluate, LessonError, Value};
    assert!(matches!(evaluate("scope", "x", &[]), Err(LessonError::UnknownLesson(_))));
    assert!(evaluate("scope", "x", &[]).unwrap_err().to_string().contains("did you mean 'scopes'"));
    assert!(matches!(evaluate("scopes", "supervisor", &[]), Err(LessonError::UnknownVariant { .. })));
    assert!(matches!(evaluate("scopes", "coroutineScope", &[("bMz", Value::Int(100))]), Err(LessonError::BadParam(m)) if m.contains("did you mean 'bMs'")));
    assert!(matches!(evaluate("scopes", "coroutineScope", &[("bMs", Value::Int(75))]), Err(LessonError::BadParam(_))));
    assert!(matches!(evaluate("scopes", "coroutineScope", &[("bMs", Value::Int(5000))]), Err(LessonError::BadParam(_))));
    assert!(matches!(evaluate("scopes", "coroutineScope", &[("bMs", Value::Str("x".into()))]), Err(LessonError::BadParam(_))));
    assert!(matches!(evaluate("context", "bareThreadLocal", &[("carry", Value::Str("asContextElement".into()))]), Err(LessonError::BadParam(m)) if m.contains("pins")));
}

#[test]
fn an_edited_program_is_checked_too() {
    let l = lessons::lesson("scopes").unwrap();
    let v = l.variant("coroutineScope").unwrap();
    let edited = v.source.replace("coroutineScope {", "supervisorScope {");
    let e = lessons::evaluate_source(l, v, &edited, &[], 1).unwrap();
    // B fails under a supervisor but nobody catches it: a.await() succeeds, b.await() throws.
    assert_eq!(common::answer(&e, "q1"), "finishes-but-fails");
    let broken = v.source.replace("fun main()", "fun main(");
    let e = lessons::evaluate_source(l, v, &broken, &[], 1).unwrap();
    assert!(e.run.world.is_none());
    assert!(e.questions[0].answer.is_none());
    assert!(e.questions[0].choices.iter().all(|c| !c.holds));
}

#[test]
fn a_pointer_naming_a_coroutine_shows_it_while_it_lives_or_as_it_changes() {
    use engine::trace::EventKind;
    // The page's button seeks to the first step a pointer's targets name and selects the first
    // coroutine; without a step it stays where "Run and check" left it, at the end. Either way
    // the coroutine shown must be alive there, or change state at that very step: a pointer
    // that says "the health check waits in the queue" must not land on it long completed.
    for l in lessons() {
        for v in &l.variants {
            let e = common::run(&l.id, &v.id, &[]);
            let w = e.run.world.as_ref().unwrap();
            let last = w.trace.events.last().map_or(0, |ev| ev.step);
            for n in &e.notices {
                let Some(job) = n.targets.iter().find_map(|t| t.jobs.first().copied()) else { continue };
                let step = n.targets.iter().find_map(|t| t.step).unwrap_or(last);
                let state_at = |s: u64| {
                    w.trace.events.iter().take_while(|ev| ev.step <= s).fold(None, |st, ev| match &ev.kind {
                        EventKind::JobState { job: j, state } if *j == job => Some(*state),
                        // A job starts out in a state of its own (New or Active), not final.
                        EventKind::JobCreated { job: j, .. } if *j == job => Some(engine::job::JobState::Active),
                        _ => st,
                    })
                };
                let now = state_at(step);
                let alive = now.is_some_and(|s| !s.is_final());
                let changes = step > 0 && state_at(step - 1) != now;
                assert!(alive || changes, "{}/{}: '{}' shows its coroutine {now:?} at step {step}", l.id, v.id, n.text);
            }
        }
    }
}

#[test]
fn a_cores_control_is_offered_only_where_the_cores_change_the_run() {
    // The run at the fewest and at the most cores: what it prints, how long it takes, or how
    // many threads it keeps busy differs; otherwise the variant pins the cores.
    for l in lessons() {
        for v in &l.variants {
            let Some(p) = v.params.iter().find(|p| p.runtime && p.name == "cores") else { continue };
            // The bulkhead keeps the control of the shared pool beside it: that the cores no
            // longer matter is its point.
            if (l.id.as_str(), v.id.as_str()) == ("bulkhead", "bulkhead") {
                continue;
            }
            let engine::lang::params::ParamKind::Range { min, max, .. } = &p.kind else { panic!("cores are a range") };
            let at = |n: &lessons::Value| {
                let e = common::run(&l.id, &v.id, &[("cores", n.clone())]);
                let w = e.run.world.as_ref().unwrap();
                let busy = w.trace.events.iter().filter_map(|ev| ev.thread).collect::<std::collections::BTreeSet<_>>().len();
                (e.stdout.clone(), w.trace.events.last().map(|ev| ev.time), busy)
            };
            assert_ne!(at(min), at(max), "{}/{}: the cores change nothing", l.id, v.id);
        }
    }
}
