//! Views of a run at chosen steps, forwards and backwards: the job tree, thread lanes, each
//! coroutine's line, stack and locals, the console, metrics and leak findings.

use std::rc::Rc;

use engine::job::JobState;
use engine::trace::CancelOrigin;
use engine::views::{Activity, Recording};
use engine::{compile_source, Config};

fn record(source: &str) -> Recording {
    record_with(source, Config::default())
}

fn record_with(source: &str, config: Config) -> Recording {
    let (program, diags) = compile_source(source, "Main.kt");
    let program = program.unwrap_or_else(|| panic!("does not compile: {diags:?}"));
    Recording::record(Rc::new(program), config)
}

/// The first step whose console shows `text`.
fn step_printing(r: &Recording, text: &str) -> u64 {
    r.view.console.iter().find(|c| c.1 == text).unwrap_or_else(|| panic!("nothing printed {text:?}")).0
}

fn state_of(r: &Recording, step: u64, label: &str) -> JobState {
    r.view.jobs_at(step).into_iter().find(|j| j.label == label).unwrap_or_else(|| panic!("no job {label} at step {step}")).state
}

const SCOPES: &str = r#"import kotlinx.coroutines.*

suspend fun fetch(): Int = coroutineScope {
    val a = async(CoroutineName("A")) {
        delay(100)
        println("A done")
        1
    }
    val b = async<Int>(CoroutineName("B")) {
        delay(50)
        println("B fails")
        throw IllegalStateException("B failed")
    }
    a.await() + b.await()
}

fun main() = runBlocking {
    try {
        fetch()
    } catch (e: IllegalStateException) {
        println("caught $e")
    }
}
"#;

#[test]
fn job_tree_shows_failure_going_up_and_cancellation_going_down() {
    let r = record(SCOPES);
    let fail_step = step_printing(&r, "B fails");
    let caught_step = step_printing(&r, "caught java.lang.IllegalStateException: B failed");
    assert!(fail_step < caught_step);

    // Before B fails, both are active and the scope is their parent.
    let before = r.view.jobs_at(fail_step);
    let scope = before.iter().find(|j| j.builder == "coroutineScope").expect("the scope exists");
    let a = before.iter().find(|j| j.label == "\"A\"").expect("A exists");
    assert_eq!(a.parent, Some(scope.id));
    assert_eq!(a.state, JobState::Active);

    // After: B failed, the scope was cancelled by its child, A by its parent.
    let after = r.view.jobs_at(caught_step);
    let b = after.iter().find(|j| j.label == "\"B\"").expect("B exists");
    assert_eq!(b.state, JobState::Cancelled);
    assert_eq!(b.failure.as_deref(), Some("java.lang.IllegalStateException: B failed"));
    let scope = after.iter().find(|j| j.builder == "coroutineScope").expect("the scope exists");
    assert!(matches!(scope.cancel, Some((_, CancelOrigin::Child(c))) if c == b.id), "{:?}", scope.cancel);
    let a = after.iter().find(|j| j.label == "\"A\"").expect("A exists");
    assert_eq!(a.state, JobState::Cancelled);
    let (cause, origin) = a.cancel.clone().expect("A was cancelled");
    assert_eq!(origin, CancelOrigin::Parent(scope.id));
    assert!(cause.starts_with("kotlinx.coroutines.JobCancellationException: Parent job is Cancelling"), "{cause}");

    // Seeking back shows the earlier states again.
    assert_eq!(state_of(&r, fail_step - 1, "\"A\""), JobState::Active);
    assert_eq!(state_of(&r, caught_step, "\"A\""), JobState::Cancelled);
    assert_eq!(state_of(&r, 1, "runBlocking#1"), JobState::Active);
    assert!(r.view.jobs_at(0).iter().all(|j| j.label != "\"A\""), "A does not exist at the start");
}

#[test]
fn console_and_narration_follow_the_step() {
    let r = record(SCOPES);
    let step = step_printing(&r, "B fails");
    assert_eq!(r.view.console_at(step).last().map(|c| c.1.as_str()), Some("B fails"));
    assert!(r.view.console_at(step - 1).iter().all(|c| c.1 != "B fails"));
    let failed = r.view.jobs.iter().find(|j| j.label == "\"B\"").and_then(|j| j.failure.clone()).expect("B failed").0;
    let story = r.view.narrate(failed);
    assert!(story.contains("\"B\" failed with IllegalStateException(\"B failed\")"), "{story}");
    assert!(story.contains("cancels its parent"), "{story}");
    // Where B's job ends, the sentence says it failed, as the tree does, not "is cancelled".
    let b = r.view.jobs.iter().find(|j| j.label == "\"B\"").expect("B");
    let end = b.states.iter().find(|s| s.1 == engine::job::JobState::Cancelled).expect("B ends").0;
    let story = r.view.narrate(end);
    assert!(story.contains("\"B\" has failed") && !story.contains("\"B\" is cancelled"), "{story}");
    // A thread is named as one.
    let picked = (0..=r.view.n_steps).map(|k| r.view.narrate(k)).find(|t| t.contains("picks up")).expect("a thread picks up a coroutine");
    assert!(picked.starts_with("thread main picks up"), "{picked}");
    // A sentence that starts with a name of the code keeps its spelling.
    let named = (0..=r.view.n_steps).map(|k| r.view.narrate(k)).find(|t| t.starts_with("runBlocking#1 ")).expect("runBlocking's coroutine is narrated");
    assert!(named.starts_with("runBlocking#1 runs line"), "{named}");
}

#[test]
fn coroutine_lines_and_locals_at_any_step_backwards_too() {
    let source = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    val worker = launch(CoroutineName("worker")) {
        var total = 0
        for (i in 1..5) {
            total += i
            delay(10)
        }
        println("total $total")
    }
    worker.join()
}
"#;
    let r = record(source);
    let worker = r.view.jobs.iter().find(|j| j.label == "\"worker\"").expect("worker");
    let strand = worker.strand.expect("a body strand");
    // Find the steps where the worker ran line 7 (total += i), and read `total` there.
    let steps: Vec<u64> = r.view.statements.iter().filter(|s| s.1 == strand && s.2 == 7).map(|s| s.0).collect();
    assert_eq!(steps.len(), 5);
    let totals: Vec<String> = steps
        .iter()
        .rev()
        .map(|&st| {
            let stack = r.stack_at(st, strand);
            let top = stack.first().expect("a frame");
            top.locals.iter().find(|l| l.0 == "total").map(|l| l.1.clone()).expect("total is a local")
        })
        .collect();
    // After the statement at each step ran: 1, 3, 6, 10, 15 — read backwards.
    assert_eq!(totals, vec!["15", "10", "6", "3", "1"]);
    let view = r.view.strands_at(steps[2]).into_iter().find(|s| s.id == strand).expect("the worker's strand");
    assert_eq!(view.line, Some(7));
}

/// A suspended coroutine's frames show the line it waits at, as the DebugProbes dump does,
/// and only the locals in scope there: no `catch` parameter inside its `try`.
#[test]
fn frames_show_the_waiting_line_and_the_locals_in_scope() {
    let source = r#"import kotlinx.coroutines.*

suspend fun call(name: String, ms: Long): Int {
    try {
        delay(ms)
    } catch (e: CancellationException) {
        println("$name: cancelled")
        throw e
    }
    val done = ms * 2
    return done.toInt()
}

fun main() = runBlocking {
    val a = async(CoroutineName("A")) { call("A", 100) }
    delay(50)
    a.cancel()
    println(runCatching { a.await() }.isFailure)
}
"#;
    let r = record(source);
    let a = r.view.jobs.iter().find(|j| j.label == "\"A\"").expect("A");
    let strand = a.strand.expect("a body strand");
    // A step while A waits in delay(ms), before it is cancelled.
    let waiting = r.view.statements.iter().find(|s| s.1 == strand && s.2 == 5).map(|s| s.0).expect("A reaches delay") + 1;
    let stack = r.stack_at(waiting, strand);
    let top = stack.first().expect("a frame");
    assert_eq!((top.function.as_str(), top.line), ("call", 5));
    let names: Vec<&str> = top.locals.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(names, vec!["name", "ms"], "{top:?}");
    assert!(r.dump_at(waiting).contains("Main.kt:5)"), "{}", r.dump_at(waiting));
    // In the catch block, the exception is a local.
    let catching = r.view.statements.iter().find(|s| s.1 == strand && s.2 == 7).map(|s| s.0).expect("A is cancelled");
    let stack = r.stack_at(catching, strand);
    assert!(stack[0].locals.iter().any(|l| l.0 == "e"), "{:?}", stack[0]);
}

#[test]
fn thread_lanes_show_blocking_and_running() {
    let source = r#"import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    val pool = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val jobs = List(3) { i -> launch(pool) { Thread.sleep(100); println("query $i") } }
    jobs.joinAll()
    pool.close()
}
"#;
    let r = record(source);
    let pool_lanes: Vec<_> = r.view.lanes.iter().filter(|l| l.group == "pool-1").collect();
    assert_eq!(pool_lanes.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), vec!["pool-1-thread-1", "pool-1-thread-2"]);
    let blocked_ms: u64 = pool_lanes
        .iter()
        .flat_map(|l| l.segments.iter())
        .filter(|s| matches!(s.activity, Activity::Blocked(_, ref why) if why == "Thread.sleep"))
        .map(|s| (s.end - s.start) / 1000)
        .sum();
    assert!((299..=301).contains(&blocked_ms), "three 100 ms sleeps, got {blocked_ms} ms");
    // The third query waits in the pool's queue for a free thread.
    let queue = r.view.queues.iter().find(|q| q.1 == "pool-1").expect("the pool has a queue");
    assert!(queue.2.iter().any(|d| d.2 >= 1), "{:?}", queue.2);
    let main = r.view.lanes.iter().find(|l| l.name == "main").expect("main's lane");
    assert!(main.segments.iter().any(|s| matches!(s.activity, Activity::Running(_))));
}

#[test]
fn leaks_and_live_coroutine_metrics() {
    let source = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    repeat(20) { i ->
        GlobalScope.launch {
            delay(Long.MAX_VALUE)
        }
        delay(10)
    }
    println("done")
}
"#;
    let r = record(source);
    assert_eq!(r.view.leaks.len(), 20);
    assert!(r.view.leaks[0].explanation.contains("GlobalScope"), "{}", r.view.leaks[0].explanation);
    assert_eq!(r.view.leaks[0].line, 5);
    let end = r.view.n_steps;
    let (live, bytes) = r.view.metrics_at(end);
    assert_eq!(live, 20, "the 20 leaked coroutines outlive runBlocking");
    assert!(bytes > 20 * 200, "{bytes}");
    let (early, _) = r.view.metrics_at(r.view.metrics[0].0);
    assert!(early < live);
}

#[test]
fn islands_are_detached_from_their_scope() {
    let source = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    val scope = launch {
        launch(Job()) {
            delay(1000)
            println("island still running")
        }
        launch { delay(1000) }
        delay(10)
    }
    delay(50)
    scope.cancel()
    delay(2000)
}
"#;
    let r = record(source);
    let jobs = r.view.jobs_at(r.view.n_steps);
    let island = jobs.iter().find(|j| j.builder == "launch" && j.detached_from.is_some() && j.parent.is_some()).expect("the island");
    let owner = jobs.iter().find(|j| j.builder == "Job()").expect("the Job()");
    assert_eq!(island.parent, Some(owner.id));
    assert_eq!(island.state, JobState::Completed, "cancelling the scope did not reach it");
    assert!(r.world.stdout().contains("island still running"));
}

#[test]
fn the_same_seed_gives_the_same_trace() {
    let racy = r#"import kotlinx.coroutines.*

var counter = 0

fun main() = runBlocking {
    withContext(Dispatchers.Default) {
        repeat(50) { launch { repeat(50) { counter++ } } }
    }
    println(counter)
}
"#;
    for seed in [1, 7, 12345] {
        let a = record_with(racy, Config { seed, ..Config::default() });
        let b = record_with(racy, Config { seed, ..Config::default() });
        assert_eq!(a.trace_hash(), b.trace_hash(), "seed {seed}");
        assert_eq!(a.world.stdout(), b.world.stdout());
        let lost: i32 = a.world.stdout().trim().parse().expect("a number");
        assert!(lost < 2500, "seed {seed}: unprotected increments from 4 threads lose updates, got {lost}");
    }
}

#[test]
fn world_at_any_step_equals_the_original_run() {
    let r = record_with(SCOPES, Config::default());
    for step in [0, 1, r.view.n_steps / 3, r.view.n_steps / 2, r.view.n_steps] {
        let w = r.world_at(step);
        assert_eq!(w.steps, step);
        let printed = r.view.console_at(step).iter().filter(|c| !c.2).count();
        assert_eq!(w.output.iter().filter(|l| !l.stderr).count(), printed, "step {step}");
    }
}

#[test]
fn big_trees_cost_only_the_rows_drawn() {
    let source = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    repeat(500) { launch(Dispatchers.Default) { delay(10) } }
}
"#;
    let r = record(source);
    let root = r.view.jobs.iter().find(|j| j.label == "runBlocking#1").expect("runBlocking").id;
    // The step the last coroutine is created at.
    let mid = r.view.jobs.last().expect("jobs").created_step;
    let (shown, counts) = r.view.children_at(mid, Some(root), 20);
    assert_eq!(shown.len(), 20);
    assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), 500);
    assert!(shown.iter().all(|j| j.parent == Some(root) && j.dispatcher.as_deref() == Some("Dispatchers.Default")));
    assert!(shown[0].context.contains("StandaloneCoroutine{"), "{}", shown[0].context);
    let (roots, _) = r.view.children_at(mid, None, 10);
    assert_eq!(roots.iter().map(|j| j.label.as_str()).collect::<Vec<_>>(), vec!["runBlocking#1"]);
    let strand = shown[0].strand.expect("a body");
    assert_eq!(r.view.strand(strand).map(|s| s.1), Some(Some(shown[0].id)));
    let end = r.view.n_steps;
    assert_eq!(r.view.line_of(strand, end), Some(4));
    let (_, done) = r.view.children_at(end, Some(root), 0);
    assert_eq!(done, vec![(engine::views::Look::Completed, 500)]);
}

#[test]
fn a_jobs_context_shows_its_state_at_the_step() {
    let r = record(SCOPES);
    let a = r.view.jobs.iter().find(|j| j.label == "\"A\"").expect("A").id;
    let early = r.view.job_at(r.view.jobs.iter().find(|j| j.id == a).expect("A").created_step, a).expect("A exists");
    assert!(early.context.contains("DeferredCoroutine{Active}"), "{}", early.context);
    assert!(early.context.contains("CoroutineName(A)"), "{}", early.context);
    let late = r.view.job_at(r.view.n_steps, a).expect("A exists");
    assert!(late.context.contains("DeferredCoroutine{Cancelled}"), "{}", late.context);
}

/// `children_at` sums up a family from an index; a scan of every job at every step must agree,
/// look by look.
#[test]
fn children_at_agrees_with_a_scan_at_every_step() {
    let islands = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    val scope = launch {
        launch(Job()) { delay(1000) }
        GlobalScope.launch { delay(500) }
        launch { delay(1000) }
        val lazy = async(start = CoroutineStart.LAZY) { 1 }
        delay(10)
        lazy.await()
    }
    delay(50)
    scope.cancel()
    delay(2000)
}
"#;
    for source in [SCOPES, islands] {
        let r = record(source);
        for step in 0..=r.view.n_steps {
            let all = r.view.jobs_at(step);
            for parent in std::iter::once(None).chain(all.iter().map(|j| Some(j.id))) {
                let members: Vec<&engine::views::JobView> = all
                    .iter()
                    .filter(|j| match parent {
                        Some(p) => j.parent.or(j.detached_from) == Some(p),
                        None => j.parent.or(j.detached_from).is_none_or(|p| all.iter().all(|x| x.id != p)),
                    })
                    .collect();
                // Counted as each job looks when drawn: suspended and failed told apart.
                let mut want: Vec<(engine::views::Look, usize)> = Vec::new();
                for j in &members {
                    match want.iter_mut().find(|c| c.0 == j.look) {
                        Some(c) => c.1 += 1,
                        None => want.push((j.look, 1)),
                    }
                }
                want.sort();
                let (shown, counts) = r.view.children_at(step, parent, 2);
                assert_eq!(counts, want, "step {step}, parent {parent:?}");
                let first: Vec<_> = members.iter().take(2).map(|j| (*j).clone()).collect();
                assert_eq!(shown, first, "step {step}, parent {parent:?}");
            }
        }
    }
}

#[test]
fn strand_at_is_one_of_strands_at() {
    let r = record(SCOPES);
    for step in 0..=r.view.n_steps {
        let all = r.view.strands_at(step);
        for s in &all {
            assert_eq!(r.view.strand_at(step, s.id).as_ref(), Some(s), "step {step}");
        }
        let n = r.world.strands.len() as u32;
        assert_eq!((0..n + 2).filter_map(|i| r.view.strand_at(step, engine::value::StrandId(i))).count(), all.len());
    }
}

/// A run with many live coroutines keeps fewer copies of its world, and still rebuilds any step.
#[test]
fn checkpoints_of_a_big_world_stay_bounded() {
    let source = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    repeat(20_000) { launch { delay(1000) } }
    println("launched")
}
"#;
    let r = record(source);
    assert!(r.n_checkpoints() >= 2);
    assert!(r.n_checkpoints() < engine::views::MAX_CHECKPOINTS / 4, "{} checkpoints", r.n_checkpoints());
    let step = r.view.n_steps * 3 / 4;
    let w = r.world_at(step);
    assert_eq!(w.steps, step);
    let (_, counts) = r.view.children_at(step, r.view.children_at(step, None, 1).0.first().map(|j| j.id), 0);
    assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), 20_000);
}

#[test]
fn strands_by_line_groups_strands_at_every_step() {
    let r = record(SCOPES);
    for step in 0..=r.view.n_steps {
        let all: Vec<_> = r.view.strands_at(step).into_iter().filter(|s| s.state != engine::strand::StrandState::Done && s.line.is_some()).collect();
        let mut lines: Vec<u32> = all.iter().filter_map(|s| s.line).collect();
        lines.sort();
        lines.dedup();
        let by_line = r.view.strands_by_line(step, 1);
        assert_eq!(by_line.iter().map(|l| l.0).collect::<Vec<_>>(), lines, "step {step}");
        for (line, n, first) in by_line {
            let here: Vec<_> = all.iter().filter(|s| s.line == Some(line)).collect();
            assert_eq!(n, here.len(), "step {step}, line {line}");
            assert_eq!(first.iter().collect::<Vec<_>>(), here.into_iter().take(1).collect::<Vec<_>>(), "step {step}, line {line}");
        }
    }
}

#[test]
fn threads_at_is_the_segment_a_thread_is_in() {
    let r = record(SCOPES);
    for step in 0..=r.view.n_steps {
        let want: Vec<_> = r
            .view
            .lanes
            .iter()
            .filter(|l| l.segments.first().is_some_and(|s| s.start_step <= step))
            .map(|l| (l.thread, l.name.clone(), l.segments.iter().take_while(|s| s.start_step <= step).last().map(|s| s.activity.clone()).unwrap_or(Activity::Idle)))
            .collect();
        assert_eq!(r.view.threads_at(step), want, "step {step}");
    }
}

/// A producer waiting in `send` and a reader waiting in `receive` say so in words, the
/// producer is a `produce` node of the job tree, and the dump shows it as a
/// `ProducerCoroutine` suspended at its own line.
#[test]
fn channel_waits_show_in_the_views_and_the_dump() {
    let source = r#"import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val numbers = produce(CoroutineName("numbers")) {
        for (i in 1..3) {
            send(i)
        }
    }
    val inbox = Channel<String>(1)
    val reader = launch(CoroutineName("reader")) {
        println(inbox.receive())
    }
    delay(10)
    println("waiting")
    inbox.send("hi")
    for (n in numbers) println(n)
}
"#;
    let r = record(source);
    let step = step_printing(&r, "waiting");
    let jobs = r.view.jobs_at(step);
    let producer = jobs.iter().find(|j| j.label == "\"numbers\"").expect("the producer");
    assert_eq!(producer.builder, "produce");
    assert_eq!(producer.state, JobState::Active);
    let strands = r.view.strands_at(step);
    let waiting = |label: &str| strands.iter().find(|s| s.label == label).unwrap_or_else(|| panic!("no strand {label}")).waiting.clone();
    assert_eq!(waiting("\"numbers\""), "Channel.send, waiting for a receiver (channel of \"numbers\")");
    assert_eq!(waiting("\"reader\""), "Channel.receive, waiting for an element");
    let dump = r.dump_at(step);
    assert!(dump.contains("Coroutine \"numbers#2\":ProducerCoroutine{Active}@"), "{dump}");
    assert!(dump.contains("state: SUSPENDED\n\tat MainKt$main$1$numbers$1.invokeSuspend(Main.kt:7)\n"), "{dump}");
    assert!(dump.contains("state: SUSPENDED\n\tat MainKt$main$1$reader$1.invokeSuspend(Main.kt:12)\n"), "{dump}");
    let end = r.view.n_steps;
    assert_eq!(state_of(&r, end, "\"numbers\""), JobState::Completed);
}
