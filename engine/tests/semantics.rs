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
fn the_step_limit_points_at_the_statement_run_last() {
    let source = "fun main() {\n    var i = 0\n    while (true) {\n        i++\n    }\n}\n";
    let r = run_source(source, &RunOptions { config: engine::Config { max_steps: 10_001, ..engine::Config::default() }, ..RunOptions::default() });
    let Some(engine::Outcome::Stopped(d)) = r.world.expect("compiles").outcome else { panic!("expected a stop") };
    // The loop alternates between its condition and its body; an odd limit ends on the body.
    assert_eq!(&source[d.span.start as usize..d.span.end as usize], "i++");
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

/// The diagnostic that stopped a run with the default limits.
fn stop_message(source: &str) -> String {
    stopped(source, engine::Config::default())
}

#[test]
fn java_class_of_a_number_is_a_diagnostic_not_a_guess() {
    // Kotlin gives `int` for an Int expression and `java.lang.Integer` for an Any holding
    // one; the engine does not know static types, so it says so.
    let msg = stop_message("fun main() {\n    val n = 5\n    println(n.javaClass.name)\n}\n");
    assert!(msg.contains("static type"), "{msg}");
    let msg = stop_message("fun main() {\n    val n = 5\n    println(n::class.java.name)\n}\n");
    assert!(msg.contains("static type"), "{msg}");
    // What is the same either way is known.
    check("fun main() {\n    val n = 5\n    println(n::class.simpleName + \" \" + n::class.qualifiedName)\n}\n", "Int kotlin.Int\n");
}

#[test]
fn printing_a_kclass_or_the_class_of_a_library_object_is_a_diagnostic() {
    let msg = stop_message("fun main() {\n    println(RuntimeException()::class)\n}\n");
    assert!(msg.contains("kotlin-reflect"), "{msg}");
    let msg = stop_message("fun main() {\n    println(\"${IllegalStateException::class}\")\n}\n");
    assert!(msg.contains("kotlin-reflect"), "{msg}");
    let msg = stop_message("fun main() {\n    println(listOf(1).javaClass.name)\n}\n");
    assert!(msg.contains("not modelled"), "{msg}");
}

#[test]
fn class_names_of_exceptions_follow_where_they_came_from() {
    check(
        "import kotlinx.coroutines.*\nclass Boom : RuntimeException(\"b\")\nfun main() = runBlocking {\n    val j = launch { delay(100) }\n    yield()\n    j.cancel()\n    val a = async { delay(100) }\n    yield()\n    a.cancel()\n    try { a.await() } catch (e: CancellationException) { println(e.javaClass.name) }\n    try { throw CancellationException(\"mine\") } catch (e: CancellationException) { println(e::class.qualifiedName) }\n    println(Boom().javaClass.name + \" \" + Boom::class.simpleName)\n}\n",
        "kotlinx.coroutines.JobCancellationException\njava.util.concurrent.CancellationException\nBoom Boom\n",
    );
}

#[test]
fn a_closed_pool_cancels_what_is_dispatched_to_it() {
    // kotlinx.coroutines 1.9: the rejected task's job is cancelled with "The task was
    // rejected" and the task runs on Dispatchers.IO.
    check(
        "import kotlinx.coroutines.*\nimport java.util.concurrent.Executors\nfun main() = runBlocking {\n    val d = Executors.newFixedThreadPool(2).asCoroutineDispatcher()\n    d.close()\n    val j = launch(d) { println(\"body\") }\n    j.join()\n    println(j.isCancelled)\n    val r = runCatching { withContext(d) { 1 } }\n    println(r.exceptionOrNull()?.message)\n    println(r.exceptionOrNull()?.cause?.javaClass?.simpleName)\n    println(isActive)\n}\n",
        "true\nThe task was rejected\nRejectedExecutionException\ntrue\n",
    );
}

#[test]
fn a_closed_pool_view_runs_its_task_on_io_without_cancelling() {
    // A limitedParallelism view hands its worker to the pool with the view as context, in
    // which there is no job to cancel (`LimitedDispatcher.dispatch`).
    check(
        "import kotlinx.coroutines.*\nimport java.util.concurrent.Executors\nfun main() = runBlocking {\n    val d = Executors.newFixedThreadPool(2).asCoroutineDispatcher()\n    val view = d.limitedParallelism(1)\n    d.close()\n    launch(view) { println(Thread.currentThread().name.startsWith(\"DefaultDispatcher-worker-\")) }.join()\n}\n",
        "true\n",
    );
}

#[test]
fn returning_from_with_context_to_a_closed_pool_throws_on_a_worker() {
    check(
        "import kotlinx.coroutines.*\nimport java.util.concurrent.Executors\nfun main() = runBlocking {\n    val d = Executors.newFixedThreadPool(1).asCoroutineDispatcher()\n    launch(d) {\n        try {\n            withContext(Dispatchers.Default) { d.close(); 42 }\n            println(\"not reached\")\n        } catch (e: CancellationException) {\n            println(e.message + \" \" + Thread.currentThread().name.startsWith(\"DefaultDispatcher-worker-\"))\n        }\n    }.join()\n}\n",
        "The task was rejected true\n",
    );
}

#[test]
fn debug_probes_dump_shows_the_programs_frames_as_1_9_does_by_default() {
    // kotlinx.coroutines' own suspending functions end in tail calls and leave no frame; the
    // creation frame stands in only for a coroutine with nothing observed (creation stack
    // traces are off by default since 1.8).
    check(
        "import kotlinx.coroutines.*\nimport kotlinx.coroutines.debug.DebugProbes\n\nsuspend fun waitForever() {\n    while (true) {\n        delay(1_000)\n    }\n}\n\nfun main() = runBlocking {\n    DebugProbes.install()\n    GlobalScope.launch(CoroutineName(\"waiting\")) { waitForever() }\n    GlobalScope.launch(CoroutineName(\"lazy\"), start = CoroutineStart.LAZY) { }\n    delay(10)\n    DebugProbes.dumpCoroutines(System.out)\n}\n",
        "Coroutines dump 2024/01/01 00:00:00\n\
         \n\
         Coroutine \"coroutine#1\":BlockingCoroutine{Active}@2158ae78, state: RUNNING\n\
         \tat MainKt$main$1.invokeSuspend(Main.kt:15)\n\
         \n\
         Coroutine \"waiting#2\":StandaloneCoroutine{Active}@69d38194, state: SUSPENDED\n\
         \tat MainKt.waitForever(Main.kt:6)\n\
         \tat MainKt$main$1$1.invokeSuspend(Main.kt:12)\n\
         \n\
         Coroutine \"lazy#3\":LazyStandaloneCoroutine{New}@503afb49, state: CREATED\n\
         \tat _COROUTINE._CREATION._(CoroutineDebugging.kt)\n",
    );
}

#[test]
fn list_calls_in_place_keep_their_meaning() {
    // `size`, `get`, `contains` and `add` are served without copying the list; `set` returns
    // the element it replaced, as `MutableList.set` does.
    check(
        "fun main() {\n    val xs = mutableListOf(1, 2)\n    println(xs.add(3))\n    println(xs.set(0, 10))\n    println(\"${xs.size} ${xs.get(0)} ${xs[2]} ${xs.contains(2)} ${xs.isEmpty()} ${xs.isNotEmpty()}\")\n    xs += 4\n    val set = mutableSetOf(1)\n    println(\"${set.add(1)} ${set.add(2)} $set $xs\")\n    try {\n        xs.get(9)\n    } catch (e: IndexOutOfBoundsException) {\n        println(e.message)\n    }\n}\n",
        "true\n1\n3 10 3 true false true\nfalse true [1, 2] [10, 2, 3, 4]\nIndex 9 out of bounds for length 4\n",
    );
}

#[test]
fn a_lambda_in_a_variable_initializer_is_named_after_the_variable() {
    // As Kotlin's JVM backend names lambda classes (kotlinx.coroutines' own dump tests show
    // `…$1$deferred$1`); unnamed lambdas are numbered apart.
    check(
        "import kotlinx.coroutines.*\nimport kotlinx.coroutines.debug.DebugProbes\n\nfun main() = runBlocking {\n    DebugProbes.install()\n    val deferred = async { delay(1000); 1 }\n    launch { delay(1000) }\n    val other = launch { delay(1000) }\n    delay(10)\n    DebugProbes.dumpCoroutines(System.out)\n    coroutineContext.cancelChildren()\n}\n",
        "Coroutines dump 2024/01/01 00:00:00\n\
         \n\
         Coroutine \"coroutine#1\":BlockingCoroutine{Active}@2158ae78, state: RUNNING\n\
         \tat MainKt$main$1.invokeSuspend(Main.kt:10)\n\
         \n\
         Coroutine \"coroutine#2\":DeferredCoroutine{Active}@69d38194, state: SUSPENDED\n\
         \tat MainKt$main$1$deferred$1.invokeSuspend(Main.kt:6)\n\
         \n\
         Coroutine \"coroutine#3\":StandaloneCoroutine{Active}@503afb49, state: SUSPENDED\n\
         \tat MainKt$main$1$1.invokeSuspend(Main.kt:7)\n\
         \n\
         Coroutine \"coroutine#4\":StandaloneCoroutine{Active}@7718cda2, state: SUSPENDED\n\
         \tat MainKt$main$1$other$1.invokeSuspend(Main.kt:8)\n",
    );
}

#[test]
fn map_calls_in_place_keep_their_meaning() {
    check(
        "fun main() {\n    val m = mutableMapOf(1 to \"a\")\n    println(\"${m.put(1, \"b\")} ${m.put(2, \"c\")} ${m.size} ${m.get(1)} ${m.get(3)} ${m.containsKey(2)} ${m.containsKey(3)} $m\")\n}\n",
        "a null 2 b null true false {1=b, 2=c}\n",
    );
}

#[test]
fn char_case_functions_follow_unicode_and_their_return_types() {
    // uppercase() of a Char is a String ("SS" for ß); uppercaseChar() stays one Char.
    check(
        "fun main() {\n    println('ß'.uppercase() + '!')\n    println('ß'.uppercaseChar())\n    println('é'.uppercaseChar())\n    println('İ'.lowercaseChar())\n    println('Ж'.lowercase().length)\n}\n",
        "SS!\nß\nÉ\ni\n1\n",
    );
}

/// Runs a program that must stop with a diagnostic: what it printed before, and the message.
#[track_caller]
fn check_stops(source: &str, printed: &str, message_part: &str) {
    let r = run_source(source, &RunOptions::default());
    let world = r.world.as_ref().expect("compiles");
    assert_eq!(r.stdout(), printed);
    match &world.outcome {
        Some(engine::world::Outcome::Stopped(d)) => assert!(d.message.contains(message_part), "{}", d.message),
        other => panic!("expected a stop, got {other:?}"),
    }
}

#[test]
fn own_to_string_and_equals_stop_where_a_built_in_cannot_run_them() {
    // Printing and templates run a class's own toString(), of the value and of what it
    // holds; inside `+` on a String the engine cannot, and says so instead of printing the
    // default `A@…`.
    let class = "class A(val x: Int) {\n    override fun toString() = \"A($x)\"\n    override fun equals(other: Any?) = other is A && other.x == x\n}\n";
    check(&format!("{class}fun main() {{\n    println(A(1))\n    println(listOf(A(2)))\n}}\n"), "A(1)\n[A(2)]\n");
    check_stops(&format!("{class}fun main() {{\n    println(\"a\" + A(1))\n}}\n"), "", "has its own toString()");
    check_stops(&format!("{class}fun main() {{\n    println(A(1) == A(1))\n    println(listOf(A(1)).contains(A(1)))\n}}\n"), "true\n", "has its own equals()");
}

#[test]
fn format_widths_and_long_ranges_stop_or_run_instead_of_crashing() {
    check_stops("fun main() {\n    println(\"%70000d\".format(1))\n}\n", "", "format width over");
    check_stops("fun main() {\n    println(\"%.99999999999f\".format(1.0))\n}\n", "", "format precision over");
    check("fun main() {\n    println(listOf(1, 2).zip(0L..Long.MAX_VALUE))\n    println(\"abc\".substring(0..2))\n}\n", "[(1, 0), (2, 1)]\nabc\n");
}

/// `list.set(0)` passes the compiler, which checks arguments by method name only (a
/// ThreadLocal's `set` takes one argument), and stores no value; kotlinc refuses it. What the
/// engine must keep is its stack: reading the slot back does not swallow the locals of the
/// coroutine, which live on the same stack. (The value read back is not Kotlin's to define.)
#[test]
fn a_missing_argument_stored_by_a_built_in_reads_back_without_breaking_the_run() {
    let source = "import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    val l = mutableListOf(1, 2)\n    l.set(0)\n    val y = l[0]\n    val z = 3\n    println(\"$z ${l.size}\")\n    println(y == null)\n}\n";
    let r = run_source(source, &RunOptions::default());
    assert_eq!(r.exit_code(), 0);
    assert!(r.stdout().starts_with("3 2\n"), "{}", r.stdout());
}

#[test]
fn debug_probes_dump_shows_a_producer_and_channel_waits_as_1_9_does() {
    // `send`, `receive` and a for loop's `hasNext` end in tail calls, like `delay`: the frames
    // are the program's own.
    check(
        "import kotlinx.coroutines.*\nimport kotlinx.coroutines.channels.*\nimport kotlinx.coroutines.debug.DebugProbes\n\nfun main() = runBlocking {\n    DebugProbes.install()\n    val numbers = produce {\n        for (i in 1..3) send(i)\n    }\n    val inbox = Channel<String>()\n    val reader = launch {\n        for (s in inbox) println(s)\n    }\n    delay(10)\n    DebugProbes.dumpCoroutines(System.out)\n    inbox.close()\n    numbers.cancel()\n}\n",
        "Coroutines dump 2024/01/01 00:00:00\n\
         \n\
         Coroutine \"coroutine#1\":BlockingCoroutine{Active}@2158ae78, state: RUNNING\n\
         \tat MainKt$main$1.invokeSuspend(Main.kt:15)\n\
         \n\
         Coroutine \"coroutine#2\":ProducerCoroutine{Active}@69d38194, state: SUSPENDED\n\
         \tat MainKt$main$1$numbers$1.invokeSuspend(Main.kt:8)\n\
         \n\
         Coroutine \"coroutine#3\":StandaloneCoroutine{Active}@503afb49, state: SUSPENDED\n\
         \tat MainKt$main$1$reader$1.invokeSuspend(Main.kt:12)\n",
    );
}

#[test]
fn channel_mistakes_are_diagnostics() {
    // A suspending channel call outside a coroutine is a compile error with its span.
    let source = "import kotlinx.coroutines.channels.*\n\nfun main() {\n    val ch = Channel<Int>(1)\n    ch.send(1)\n    println(ch.receive())\n}\n";
    let diags = engine::diagnostics(source);
    let found: Vec<(&str, String)> = diags.iter().map(|d| (&source[d.span.start as usize..d.span.end as usize], d.message.clone())).collect();
    assert_eq!(
        found,
        vec![
            ("send", "suspend function 'send' should be called only from a coroutine or another suspend function".to_string()),
            ("receive", "suspend function 'receive' should be called only from a coroutine or another suspend function".to_string()),
        ]
    );
    // The names of the channels package need its import.
    let diags = engine::diagnostics("import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    val p = produce { send(1) }\n    p.consumeEach { println(it) }\n}\n");
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(diags.iter().all(|d| d.message.contains("it needs an import")), "{diags:?}");
    // A for loop over a channel in a plain function cannot suspend; a Channel is not printed.
    let loop_in_plain = "import kotlinx.coroutines.channels.*\n\nfun main() {\n    val ch = Channel<Int>(Channel.UNLIMITED)\n    for (x in ch) println(x)\n}\n";
    check_stops(loop_in_plain, "", "suspend function 'hasNext' should be called only from a coroutine");
    check_stops("import kotlinx.coroutines.channels.*\n\nfun main() {\n    println(Channel<Int>())\n}\n", "", "printing a Channel");
    // A negative capacity other than the constants throws as the library does.
    check("import kotlinx.coroutines.*\nimport kotlinx.coroutines.channels.*\n\nfun main() = runBlocking {\n    try {\n        Channel<Int>(-5)\n    } catch (e: IllegalArgumentException) {\n        println(e.message)\n    }\n}\n", "Invalid channel capacity: -5, should be >=0\n");
}

#[test]
fn a_for_loop_resumed_by_a_close_throws_when_cancelled_before_it_runs() {
    // Prompt cancellation (1.4+): `hasNext()` resumed with false by `close()` is a cancellable
    // resumption, so a coroutine cancelled before it runs again throws instead of leaving the
    // loop (1.0.1, atomically cancellable, left the loop).
    check(
        "import kotlinx.coroutines.*\nimport kotlinx.coroutines.channels.*\n\nfun main() = runBlocking {\n    val ch = Channel<Int>()\n    val job = launch {\n        try {\n            for (x in ch) println(x)\n            println(\"loop ended\")\n        } catch (e: CancellationException) {\n            println(\"cancelled\")\n        }\n    }\n    yield()\n    ch.close()\n    job.cancel()\n    job.join()\n    val other = launch {\n        for (x in ch) println(x)\n        println(\"closed loop ends at once\")\n    }\n    other.join()\n}\n",
        "cancelled\nclosed loop ends at once\n",
    );
}

/// An uncaught failure of a coroutine is printed as kotlinx.coroutines 1.9 reports it: with
/// the coroutine's context added to the exception as a suppressed
/// DiagnosticCoroutineContextException, which the program then sees among its suppressed.
#[test]
fn an_uncaught_coroutine_failure_names_the_coroutine_context() {
    let source = "import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    val boom = Exception(\"boom\")\n    GlobalScope.launch(CoroutineName(\"x\")) { throw boom }.join()\n    println(boom.suppressed.size)\n}\n";
    let r = run_source(source, &RunOptions::default());
    assert_eq!(r.stdout(), "1\n");
    let world = r.world.expect("compiles");
    let stderr = world.stderr();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.first(), Some(&"Exception in thread \"DefaultDispatcher-worker-1\" java.lang.Exception: boom"));
    let last = lines.last().expect("a trace");
    assert!(
        last.starts_with("\tSuppressed: kotlinx.coroutines.internal.DiagnosticCoroutineContextException: [CoroutineName(x), StandaloneCoroutine{Cancelling}@")
            && last.ends_with(", Dispatchers.Default]"),
        "{stderr}"
    );
}

/// A chain of classes deeper than the compiler links is one diagnostic, found without
/// following the chain class by class (which costs the square of its depth).
#[test]
fn a_class_hierarchy_too_deep_is_one_diagnostic() {
    let mut source = String::from("open class K0\n");
    for i in 1..=4000 {
        source.push_str(&format!("open class K{i} : K{}()\n", i - 1));
    }
    source.push_str("fun main() { println(K4000()) }\n");
    let diags = engine::diagnostics(&source);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.starts_with("class hierarchies deeper than 64 levels"), "{}", errors[0].message);
    // 60 levels compile.
    let shallow: String = std::iter::once("open class K0\n".to_string()).chain((1..60).map(|i| format!("open class K{i} : K{}()\n", i - 1))).collect::<String>() + "fun main() { println(K59() is K0) }\n";
    check(&shallow, "true\n");
}
