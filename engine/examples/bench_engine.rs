//! Engine benchmarks, printed as figures (not asserted): statements per second and
//! coroutines per second on a program launching 100,000 coroutines; a CPU-bound loop; the
//! views: recording with checkpoints, seeking forwards and backwards at step 1 M; memory per
//! simulated coroutine; and the run time of 1 M coroutines.
//!
//! Run with `cargo run --release -p engine --example bench_engine`.

use std::rc::Rc;
use std::time::Instant;

use engine::views::Recording;
use engine::{compile_source, Config, World};

const LAUNCHES: &str = r#"import kotlinx.coroutines.*

var done = 0

fun main() = runBlocking {
    val n = 100_000 // @param
    repeat(n) {
        launch {
            delay(10)
            done++
        }
    }
    println("launched")
}
"#;

const LOOP: &str = r#"fun main() {
    var total = 0L
    var i = 0
    while (i < 1_000_000) {
        total += i
        i++
    }
    println(total)
}
"#;

fn program(source: &str) -> Rc<engine::bytecode::Program> {
    let (p, d) = compile_source(source, "Bench.kt");
    Rc::new(p.unwrap_or_else(|| panic!("{d:?}")))
}

fn run(source: &str, config: Config) -> (World, f64) {
    let p = program(source);
    let start = Instant::now();
    let mut w = World::new(p, config);
    w.run_to_end();
    (w, start.elapsed().as_secs_f64())
}

fn main() {
    let quiet = Config { record_statements: false, ..Config::default() };

    let (w, secs) = run(LAUNCHES, quiet.clone());
    let statements = w.steps;
    println!("100,000 coroutines (launch + delay + increment), trace of events only:");
    println!("  {:.3} s, {} steps, {:.1} M steps/s, {:.0} coroutines/s", secs, statements, statements as f64 / secs / 1e6, 100_000.0 / secs);

    if let Some(jvm) = jvm_wall_time() {
        println!("  the JVM (kotlinc + kotlinx.coroutines, one run, start-up included): {jvm}");
    }

    let (w, secs) = run(LAUNCHES, Config::default());
    println!("the same with the full trace (what the page records): {:.3} s, {} events, {:.1} M events/s", secs, w.trace.events.len(), w.trace.events.len() as f64 / secs / 1e6);

    let (w, secs) = run(LOOP, quiet.clone());
    println!("a CPU loop of 1,000,000 iterations: {:.3} s, {} steps, {:.1} M steps/s", secs, w.steps, w.steps as f64 / secs / 1e6);

    // Memory per simulated coroutine: the world's allocations for 100,000 suspended ones.
    let suspended = LAUNCHES.replace("delay(10)", "delay(Long.MAX_VALUE)").replace("println(\"launched\")", "println(\"launched\")\n    delay(1)");
    let p = program(&suspended);
    // They all suspend forever, so the run ends as a hang once every one has started.
    let mut w = World::new(p, Config { max_steps: 5_000_000, ..quiet.clone() });
    w.run_to_end();
    let bytes = approx_world_bytes(&w);
    println!("memory per suspended coroutine (engine's own structures): ~{} bytes; simulated JVM size: {} bytes", bytes / w.live_jobs.max(1), w.live_bytes() / w.live_jobs.max(1));

    // Recording and seeking.
    let p = program(LOOP);
    let start = Instant::now();
    let rec = Recording::record(p, Config::default());
    let rec_secs = start.elapsed().as_secs_f64();
    println!("recording a run of {} steps with {} checkpoints every {} steps: {:.3} s", rec.view.n_steps, rec.n_checkpoints(), rec.interval, rec_secs);
    let target = 1_000_000u64.min(rec.view.n_steps);
    let mut times = Vec::new();
    for step in [target, target - 1, target / 2, target - 1234, 17] {
        let t = Instant::now();
        let jobs = rec.view.jobs_at(step);
        let threads = rec.view.threads_at(step);
        let console = rec.view.console_at(step).len();
        let strands = rec.view.strands_at(step);
        let view_us = t.elapsed().as_secs_f64() * 1e6;
        let t = Instant::now();
        let stack = rec.stack_at(step, engine::value::StrandId(0));
        let stack_us = t.elapsed().as_secs_f64() * 1e6;
        times.push((step, view_us, stack_us));
        std::hint::black_box((jobs, threads, console, strands, stack));
    }
    for (step, view_us, stack_us) in times {
        println!("  seek to step {step}: tree/lanes/console/lines {view_us:.0} µs; stack and locals (checkpoint + replay) {stack_us:.0} µs");
    }

    let million = LAUNCHES.replace("100_000", "1_000_000");
    let (w, secs) = run(&million, Config { max_steps: 50_000_000, max_live_coroutines: 2_000_000, ..quiet });
    println!("1,000,000 coroutines: {:.2} s, {} steps, outcome {:?}", secs, w.steps, w.outcome.as_ref().map(|o| o.exit_code()));
}

/// A rough count of the bytes the world holds for its jobs and strands.
fn approx_world_bytes(w: &World) -> u64 {
    let strands: u64 = w
        .strands
        .iter()
        .map(|s| (std::mem::size_of_val(s) + s.frames.capacity() * std::mem::size_of::<engine::strand::Frame>() + s.stack.capacity() * std::mem::size_of::<engine::value::Value>()) as u64)
        .sum();
    let jobs: u64 = w.jobs.iter().map(|j| (std::mem::size_of_val(j) + j.handlers.capacity() * 16 + j.children.capacity() * 4) as u64).sum();
    strands + jobs
}

/// Compiles the same program with kotlinc and times one JVM run, when kotlinc is installed.
fn jvm_wall_time() -> Option<String> {
    let dir = std::env::temp_dir().join(format!("corolab-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = dir.join("Bench.kt");
    std::fs::write(&src, LAUNCHES.replace(" // @param", "")).ok()?;
    let jars = ["/usr/share/java/kotlinx-coroutines-core.jar", "/usr/share/java/kotlinx-coroutines-core-common.jar"];
    let cp = jars.join(":");
    let out = dir.join("classes");
    let compiled = std::process::Command::new("kotlinc").args(["-cp", &cp, "-d"]).arg(&out).arg(&src).stderr(std::process::Stdio::null()).status().ok()?;
    if !compiled.success() {
        return None;
    }
    let run_cp = format!("{}:{cp}:/usr/share/java/atomicfu.jar:/usr/share/java/kotlin-stdlib.jar", out.display());
    let start = Instant::now();
    let ran = std::process::Command::new("java").args(["-cp", &run_cp, "BenchKt"]).stdout(std::process::Stdio::null()).status().ok()?;
    let secs = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&dir);
    ran.success().then(|| format!("{secs:.2} s wall"))
}
