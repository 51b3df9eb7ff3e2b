//! Each lesson's outcome on its runs: what the lesson teaches, asserted at the defaults, at
//! both ends and the middle of its parameter ranges, and on both sides of every place where
//! the outcome flips inside a range (the lesson text names those places).

mod common;

use common::{answer, b, expect, int, run, s};

// ---------------------------------------------------------------- 1. scopes

#[test]
fn scopes_coroutine_scope_cancels_the_sibling() {
    let e = expect("scopes", "coroutineScope", &[], "q1", "cancelled");
    assert!(e.stdout.contains("fetch failed: java.lang.IllegalStateException: B failed"));
    let w = e.run.world.as_ref().unwrap();
    let a = w.jobs.iter().find(|j| j.ctx.name.as_deref() == Some("A")).unwrap();
    assert_eq!(a.state(), engine::job::JobState::Cancelled);
    // At the ends of callA's range: B fails at 100 ms.
    expect("scopes", "coroutineScope", &[("aMs", int(1000))], "q1", "cancelled");
    expect("scopes", "coroutineScope", &[("aMs", int(50))], "q1", "finishes-but-fails");
}

#[test]
fn scopes_coroutine_scope_flips_when_b_fails_after_a_is_done() {
    // aMs = 300: B failing at 250 ms still cancels A; failing at 300 ms or later, A is done.
    expect("scopes", "coroutineScope", &[("bMs", int(250))], "q1", "cancelled");
    expect("scopes", "coroutineScope", &[("bMs", int(300))], "q1", "finishes-but-fails");
    expect("scopes", "coroutineScope", &[("bMs", int(550))], "q1", "finishes-but-fails");
    expect("scopes", "coroutineScope", &[("bMs", int(1000))], "q1", "finishes-but-fails");
    expect("scopes", "coroutineScope", &[("bMs", int(50))], "q1", "cancelled");
}

#[test]
fn scopes_supervisor_scope_keeps_a_and_returns_a_partial_result() {
    let e = expect("scopes", "supervisorScope", &[], "q1", "partial");
    assert!(e.stdout.contains("result: (1, null)"), "{}", e.stdout);
    let w = e.run.world.as_ref().unwrap();
    let a = w.jobs.iter().find(|j| j.ctx.name.as_deref() == Some("A")).unwrap();
    assert_eq!(a.state(), engine::job::JobState::Completed);
    for (a_ms, b_ms) in [(50, 50), (50, 1000), (1000, 50), (550, 550)] {
        let e = expect("scopes", "supervisorScope", &[("aMs", int(a_ms)), ("bMs", int(b_ms))], "q1", "partial");
        assert!(e.stdout.contains("result: (1, null)"));
    }
}

#[test]
fn scopes_without_a_failure_both_values_come_back() {
    let e = expect("scopes", "coroutineScope", &[("failing", s("none"))], "q1", "full");
    assert!(e.stdout.contains("result: 3"));
    let e = expect("scopes", "supervisorScope", &[("failing", s("none"))], "q1", "full");
    assert!(e.stdout.contains("result: (1, 2)"));
}

#[test]
fn scopes_a_failure_outside_run_catching_fails_even_the_supervisor() {
    // A fails at 300 ms, B is done at 100 ms: the fetch throws from a.await().
    expect("scopes", "supervisorScope", &[("failing", s("A"))], "q1", "finishes-but-fails");
    expect("scopes", "coroutineScope", &[("failing", s("A"))], "q1", "finishes-but-fails");
    // B still running when A fails: it is cancelled in both scopes.
    expect("scopes", "supervisorScope", &[("failing", s("A")), ("bMs", int(1000))], "q1", "cancelled");
    expect("scopes", "coroutineScope", &[("failing", s("A")), ("bMs", int(1000))], "q1", "cancelled");
}

// ---------------------------------------------------------------- 2. context

#[test]
fn context_element_survives_hops_but_not_global_scope() {
    for hop in ["Default", "IO", "Unconfined"] {
        expect("context", "contextElement", &[("hop", s(hop))], "lost", "none");
        expect("context", "contextElement", &[("hop", s(hop)), ("launchStyle", s("GlobalScope.launch"))], "lost", "audit");
        expect("context", "contextElement", &[("hop", s(hop))], "leftover", "no");
    }
    let e = run("context", "contextElement", &[("launchStyle", s("GlobalScope.launch"))]);
    assert!(e.stdout.contains("audit: trace=null name=null"), "{}", e.stdout);
}

#[test]
fn context_bare_thread_local_is_lost_on_another_thread_and_left_behind() {
    expect("context", "bareThreadLocal", &[], "lost", "query");
    expect("context", "bareThreadLocal", &[("hop", s("IO"))], "lost", "query");
    // Unconfined runs the query on the caller's thread: the bare value seems to survive.
    expect("context", "bareThreadLocal", &[("hop", s("Unconfined"))], "lost", "none");
    expect("context", "bareThreadLocal", &[("launchStyle", s("GlobalScope.launch"))], "lost", "both");
    expect("context", "bareThreadLocal", &[("hop", s("Unconfined")), ("launchStyle", s("GlobalScope.launch"))], "lost", "audit");
    expect("context", "bareThreadLocal", &[], "leftover", "yes");
}

// ---------------------------------------------------------------- 3. exceptions

#[test]
fn exceptions_root_scope_matrix() {
    let cases = [
        ("launch", "Job()", true, "cancelled", "handler"),
        ("launch", "Job()", false, "cancelled", "uncaught"),
        ("launch", "SupervisorJob()", true, "survives", "handler"),
        ("launch", "SupervisorJob()", false, "survives", "uncaught"),
        ("async", "Job()", true, "cancelled", "nowhere"),
        ("async", "Job()", false, "cancelled", "nowhere"),
        ("async", "SupervisorJob()", true, "survives", "nowhere"),
        ("async", "SupervisorJob()", false, "survives", "nowhere"),
    ];
    for (builder, job, handler, heartbeat, logged) in cases {
        let values = [("builder", s(builder)), ("rootJob", s(job)), ("withHandler", b(handler))];
        let e = run("exceptions", "rootScope", &values);
        assert_eq!(answer(&e, "heartbeat"), heartbeat, "{values:?}\n{}", e.stdout);
        assert_eq!(answer(&e, "logged"), logged, "{values:?}\n{}{}", e.stdout, e.stderr);
    }
}

#[test]
fn exceptions_catch_around_await_is_too_late_in_a_coroutine_scope() {
    let e = expect("exceptions", "catchAwait", &[], "served", "failed");
    // The catch did run, and the code went on, before the scope failed.
    assert!(e.stdout.contains("caught java.io.IOException: price service down around await(), using -1"));
    assert!(e.stdout.contains("continuing with price -1"));
    // Even when the page was ready before the failure.
    expect("exceptions", "catchAwait", &[("renderMs", int(10)), ("priceMs", int(300))], "served", "failed");
    expect("exceptions", "catchAwait", &[("renderMs", int(300)), ("priceMs", int(10))], "served", "failed");
    for price in [10, 150, 300] {
        expect("exceptions", "catchAwait", &[("scopeKind", s("supervisorScope")), ("priceMs", int(price))], "served", "served");
        expect("exceptions", "catchAwait", &[("catchAt", s("inside async")), ("priceMs", int(price))], "served", "served");
    }
}

// ---------------------------------------------------------------- 4. bulkhead

#[test]
fn bulkhead_shared_pool_starves_the_health_check() {
    let e = expect("bulkhead", "sharedPool", &[], "q1", "slow");
    assert!(e.stdout.contains("health check answered in 330 ms"), "{}", e.stdout);
    for cores in [2, 8] {
        expect("bulkhead", "sharedPool", &[("cores", int(cores))], "q1", "slow");
    }
    expect("bulkhead", "sharedPool", &[("queries", int(60)), ("queryMs", int(1000))], "q1", "slow");
}

#[test]
fn bulkhead_shared_pool_flips_at_as_many_queries_as_cores() {
    expect("bulkhead", "sharedPool", &[("queries", int(1))], "q1", "fast");
    expect("bulkhead", "sharedPool", &[("queries", int(3))], "q1", "fast");
    expect("bulkhead", "sharedPool", &[("queries", int(4))], "q1", "slow");
    expect("bulkhead", "sharedPool", &[("queries", int(2)), ("cores", int(2))], "q1", "slow");
    // Queries spread out so that fewer than four overlap: no starvation.
    expect("bulkhead", "sharedPool", &[("everyMs", int(100))], "q1", "fast");
}

#[test]
fn bulkhead_keeps_the_health_check_fast_whatever_the_load() {
    let e = expect("bulkhead", "bulkhead", &[], "q1", "fast");
    assert!(e.stdout.contains("health check answered in 0 ms"));
    let w = e.run.world.as_ref().unwrap();
    assert_eq!(w.threads.iter().filter(|t| t.name.starts_with("pool-1-thread-")).count(), 16);
    for (db, q, ms) in [(1, 60, 1000), (32, 60, 50), (16, 30, 500), (1, 1, 50)] {
        expect("bulkhead", "bulkhead", &[("dbThreads", int(db)), ("queries", int(q)), ("queryMs", int(ms))], "q1", "fast");
    }
    expect("bulkhead", "bulkhead", &[("cores", int(2)), ("healthAtMs", int(0))], "q1", "fast");
}

// ---------------------------------------------------------------- 5. limits

#[test]
fn limits_unlimited_crunching_starves_requests() {
    expect("limits", "unlimited", &[], "q1", "slow");
    expect("limits", "unlimited", &[("crunchJobs", int(16))], "q1", "slow");
    expect("limits", "unlimited", &[("cores", int(8))], "q1", "slow");
    // Fewer crunch jobs than cores leave a thread free.
    expect("limits", "unlimited", &[("crunchJobs", int(3))], "q1", "fast");
    expect("limits", "unlimited", &[("crunchJobs", int(4))], "q1", "slow");
    expect("limits", "unlimited", &[("crunchJobs", int(7)), ("cores", int(8))], "q1", "fast");
}

#[test]
fn limits_limited_parallelism_keeps_requests_fast_below_the_core_count() {
    let e = expect("limits", "limited", &[], "q1", "fast");
    let unlimited = run("limits", "unlimited", &[]);
    let took = |out: &str| out.lines().find_map(|l| l.strip_prefix("crunching done after ")?.strip_suffix(" ms")?.parse::<u32>().ok()).unwrap();
    assert!(took(&e.stdout) > took(&unlimited.stdout), "the cap makes the crunching itself slower");
    for n in [1, 2, 3] {
        expect("limits", "limited", &[("parallelism", int(n)), ("crunchJobs", int(16))], "q1", "fast");
    }
    expect("limits", "limited", &[("parallelism", int(4))], "q1", "slow");
    expect("limits", "limited", &[("parallelism", int(8))], "q1", "slow");
    expect("limits", "limited", &[("parallelism", int(4)), ("cores", int(8))], "q1", "fast");
    expect("limits", "limited", &[("parallelism", int(2)), ("cores", int(2))], "q1", "slow");
}

// ---------------------------------------------------------------- 6. leaks

#[test]
fn leaks_grow_with_requests_only_with_global_scope() {
    for n in [10, 100, 200] {
        let e = expect("leaks", "globalScope", &[("requests", int(n))], "q1", "all");
        assert_eq!(e.run.world.as_ref().unwrap().live_jobs, n as u64, "one leaked listener per request");
        let e = expect("leaks", "scoped", &[("requests", int(n))], "q1", "none");
        assert_eq!(e.run.world.as_ref().unwrap().live_jobs, 0);
    }
    for every in [5, 100] {
        expect("leaks", "globalScope", &[("everyMs", int(every))], "q1", "all");
        expect("leaks", "scoped", &[("everyMs", int(every))], "q1", "none");
    }
    let e = run("leaks", "globalScope", &[("requests", int(10))]);
    assert!(e.stdout.contains("Coroutine \"updates-9#"), "{}", e.stdout);
    assert!(e.stdout.contains("state: SUSPENDED"));
}

// ---------------------------------------------------------------- 7. islands

#[test]
fn islands_keep_running_after_the_request_is_cancelled() {
    for (tasks, at) in [(1, 50), (5, 100), (10, 300), (20, 500)] {
        let e = expect("islands", "island", &[("tasks", int(tasks)), ("cancelAtMs", int(at))], "q1", "islands");
        assert!(e.stdout.contains(&format!("open connections: {tasks}")));
        assert!(e.stdout.contains("later: open connections: 0"));
        let w = e.run.world.as_ref().unwrap();
        let request = w.jobs.iter().position(|j| j.ctx.name.as_deref() == Some("request")).unwrap() as u32;
        let islands = w.jobs.iter().filter(|j| j.would_be_parent == Some(engine::value::JobId(request))).count();
        assert_eq!(islands, tasks as usize, "every task is drawn detached from the request");
        expect("islands", "child", &[("tasks", int(tasks)), ("cancelAtMs", int(at))], "q1", "stopped");
    }
}

// ---------------------------------------------------------------- 8. state

#[test]
fn state_only_the_unprotected_counter_loses_updates() {
    for (c, i) in [(10, 10), (50, 50), (100, 100), (10, 100), (100, 10)] {
        let values = [("coroutines", int(c)), ("increments", int(i))];
        expect("state", "unprotected", &values, "q1", "lost");
        let e = expect("state", "synchronized", &values, "q1", "exact");
        assert!(e.stdout.contains(&format!("counter = {}, expected {}", c * i, c * i)));
        expect("state", "mutex", &values, "q1", "exact");
    }
}

#[test]
fn state_confinement_with_limited_parallelism_one() {
    // withContext(Dispatchers.Default.limitedParallelism(1)) runs one block at a time, so no
    // update is ever lost.
    for (c, i) in [(10, 10), (50, 50), (100, 100)] {
        expect("state", "confinement", &[("coroutines", int(c)), ("increments", int(i))], "q1", "exact");
    }
}

// ---------------------------------------------------------------- 9. review

#[test]
fn review_each_faq_flips_with_its_parameter() {
    expect("review", "scopes", &[], "scopes", "processed");
    expect("review", "scopes", &[("scopeKind", s("coroutineScope"))], "scopes", "failed");

    expect("review", "bottlenecks", &[], "bottlenecks", "slow");
    expect("review", "bottlenecks", &[("lockKind", s("Mutex"))], "bottlenecks", "fast");
    expect("review", "bottlenecks", &[("lockKind", s("Mutex")), ("holders", int(8)), ("cores", int(2))], "bottlenecks", "fast");
    // The lock only starves the pool once its waiters use up every core.
    expect("review", "bottlenecks", &[("holders", int(3))], "bottlenecks", "fast");
    expect("review", "bottlenecks", &[("holders", int(4))], "bottlenecks", "slow");
    expect("review", "bottlenecks", &[("holders", int(8)), ("cores", int(8))], "bottlenecks", "slow");
    expect("review", "bottlenecks", &[("holders", int(1)), ("cores", int(2))], "bottlenecks", "fast");

    expect("review", "leaks", &[], "leaks", "stuck");
    expect("review", "leaks", &[("replied", b(true))], "leaks", "gone");

    expect("review", "exceptions", &[], "exceptions", "handler");
    expect("review", "exceptions", &[("where", s("child coroutine"))], "exceptions", "caller");

    expect("review", "globalScope", &[], "globalScope", "lost");
    expect("review", "globalScope", &[("useGlobalScope", b(false))], "globalScope", "saved");
}

// ---------------------------------------------------------------- the whole course

#[test]
fn runs_are_deterministic() {
    for (lesson, variant) in [("state", "unprotected"), ("limits", "unlimited"), ("bulkhead", "sharedPool")] {
        let a = run(lesson, variant, &[]);
        let b = run(lesson, variant, &[]);
        assert_eq!(a.stdout, b.stdout);
        assert_eq!(a.run.world.as_ref().unwrap().trace.hash(), b.run.world.as_ref().unwrap().trace.hash());
    }
}

/// Checking a recorded run gives the same answers as running the scenario again.
#[test]
fn a_recording_is_checked_like_a_fresh_run() {
    let lesson = lessons::lesson("scopes").expect("the scopes lesson");
    for variant in &lesson.variants {
        let fresh = lessons::evaluate_source(lesson, variant, variant.source, &[], 1).expect("runs");
        let prepared = variant.prepare(variant.source, &[]).expect("prepares");
        let (program, _) = engine::compile_source(&prepared.source, "Main.kt");
        let config = engine::Config { seed: 1, cores: prepared.cores, ..engine::Config::default() };
        let rec = engine::views::Recording::record(std::rc::Rc::new(program.expect("compiles")), config);
        let recorded = lessons::evaluate_recording(lesson, variant, prepared, 1, &rec);
        assert_eq!(recorded.stdout, fresh.stdout);
        let answers = |e: &lessons::Evaluation| e.questions.iter().map(|q| q.answer.clone()).collect::<Vec<_>>();
        assert_eq!(answers(&recorded), answers(&fresh), "variant {}", variant.id);
        assert!(answers(&recorded).iter().all(|a| a.is_some()));
    }
}
