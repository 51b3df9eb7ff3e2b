//! Regression cases for Kotlin semantics the engine once got wrong, each checked through one
//! helper: run the program, compare what it prints. (The JVM-checked suite is
//! `tests/conformance`; these are small cases named after what broke.)

use engine::{run_source, RunOptions};

#[track_caller]
fn check(source: &str, expected: &str) {
    let r = run_source(source, &RunOptions::default());
    assert!(r.world.is_some(), "does not compile: {:?}", r.diagnostics);
    assert_eq!(r.stdout(), expected);
}

#[test]
fn builder_lambdas_have_no_implicit_it() {
    check(
        "import kotlinx.coroutines.*\nfun main() = runBlocking {\n    repeat(2) { launch { println(\"task $it\") } }\n}\n",
        "task 0\ntask 1\n",
    );
}

#[test]
fn thread_sleep_returns_unit_and_keeps_locals() {
    check(
        "import kotlinx.coroutines.*\nimport java.util.concurrent.Executors\nfun main() = runBlocking {\n    val pool = Executors.newFixedThreadPool(1).asCoroutineDispatcher()\n    val name = async(pool) { val t = Thread.currentThread().name; Thread.sleep(50); t }.await()\n    println(name)\n    pool.close()\n}\n",
        "pool-1-thread-1\n",
    );
}

#[test]
fn plus_assign_on_a_val_list_adds() {
    check("fun main() {\n    val xs = mutableListOf(1)\n    xs += 2\n    xs += listOf(3, 4)\n    println(xs)\n}\n", "[1, 2, 3, 4]\n");
}

#[test]
fn with_context_returns_to_the_caller_thread_after_children() {
    check(
        "import kotlinx.coroutines.*\nfun main() = runBlocking {\n    withContext(Dispatchers.Default) { launch { delay(10) } }\n    println(Thread.currentThread().name)\n}\n",
        "main\n",
    );
}

#[test]
fn stack_overflow_is_a_catchable_error() {
    check(
        "fun down(n: Int): Int = down(n + 1) + 1\nfun main() {\n    try { down(0) } catch (e: StackOverflowError) { println(\"caught $e\") }\n}\n",
        "caught java.lang.StackOverflowError\n",
    );
}

/// Runs with small limits and returns the diagnostic that stopped the run.
fn stopped(source: &str, config: engine::Config) -> String {
    let r = run_source(source, &RunOptions { config, ..RunOptions::default() });
    assert_eq!(r.exit_code(), 2);
    match r.world.expect("compiles").outcome {
        Some(engine::Outcome::Stopped(d)) => d.message,
        other => panic!("expected a stop, got {other:?}"),
    }
}

#[test]
fn an_endless_loop_stops_at_the_step_limit() {
    let msg = stopped("fun main() {\n    while (true) { }\n}\n", engine::Config { max_steps: 10_000, ..engine::Config::default() });
    assert!(msg.contains("stopped after 10000 steps"), "{msg}");
}

#[test]
fn runaway_coroutines_stop_at_the_coroutine_limit() {
    let msg = stopped(
        "import kotlinx.coroutines.*\nfun main() = runBlocking {\n    while (true) { launch { delay(1_000_000) } }\n}\n",
        engine::Config { max_live_coroutines: 500, ..engine::Config::default() },
    );
    assert!(msg.contains("more than 500 coroutines"), "{msg}");
}

#[test]
fn a_deadlock_is_reported_instead_of_hanging() {
    let msg = stopped(
        "import kotlinx.coroutines.*\nfun main() = runBlocking {\n    val never = CompletableDeferred<Int>()\n    never.await()\n}\n",
        engine::Config::default(),
    );
    assert!(msg.contains("the program hangs"), "{msg}");
}

/// The shared-state lesson's facts: unprotected increments from several threads lose updates,
/// reproducibly for a seed; a Mutex, an AtomicInteger, synchronized and confinement never do.
#[test]
fn races_lose_updates_only_when_unprotected() {
    let program = |body: &str| {
        format!(
            "import kotlinx.coroutines.*\nimport kotlinx.coroutines.sync.*\nimport java.util.concurrent.atomic.AtomicInteger\n\nvar counter = 0\nval atomic = AtomicInteger(0)\nval mutex = Mutex()\nval lock = Any()\nval confined = Dispatchers.Default.limitedParallelism(1)\n\nfun main() = runBlocking {{\n    withContext(Dispatchers.Default) {{\n        repeat(20) {{\n            launch {{\n                repeat(200) {{\n                    {body}\n                }}\n            }}\n        }}\n    }}\n    println(counter + atomic.get())\n}}\n"
        )
    };
    let run = |body: &str, seed: u64| -> i64 {
        let r = run_source(&program(body), &RunOptions { config: engine::Config { seed, ..engine::Config::default() }, ..RunOptions::default() });
        assert!(r.world.is_some(), "{:?}", r.diagnostics);
        r.stdout().trim().parse().expect("a count")
    };
    for seed in [1, 2, 3] {
        let lost = run("counter++", seed);
        assert!(lost < 4000, "seed {seed}: unprotected increments lose updates, got {lost}");
        assert_eq!(lost, run("counter++", seed), "seed {seed}: the same seed loses the same updates");
        assert_eq!(run("atomic.incrementAndGet()", seed), 4000);
        assert_eq!(run("mutex.withLock { counter++ }", seed), 4000);
        assert_eq!(run("synchronized(lock) { counter++ }", seed), 4000);
        assert_eq!(run("withContext(confined) { counter++ }", seed), 4000);
    }
}
