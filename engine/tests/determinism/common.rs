// Shared by the native and the WebAssembly determinism tests: the programs, the seeds, and
// how a run becomes one line of the golden file.

/// The programs, each with its source, as listed in `programs.txt`.
pub fn programs() -> Vec<(&'static str, &'static str)> {
    vec![
        ("002", include_str!("../conformance/002-scope-child-failure-cancels-sibling.kt")),
        ("022", include_str!("../conformance/022-aggregation-first-wins.kt")),
        ("044", include_str!("../conformance/044-runblocking-event-loop-and-waits.kt")),
        ("113", include_str!("../conformance/113-fixed-pool-thread-per-task.kt")),
        ("129", include_str!("../conformance/129-bulkhead-health-check.kt")),
        ("136", include_str!("../conformance/136-unprotected-counter-bounds.kt")),
        ("138", include_str!("../conformance/138-threadlocal-ascontextelement.kt")),
        ("249", include_str!("../conformance/249-channel-across-threads.kt")),
    ]
}

/// The seeds each program runs with.
pub const SEEDS: [u64; 2] = [1, 2024];

/// One line per run: program, seed, steps, and the trace's hash.
pub fn lines() -> Vec<String> {
    let mut out = Vec::new();
    for (name, source) in programs() {
        for seed in SEEDS {
            let options = engine::RunOptions { config: engine::Config { seed, ..engine::Config::default() }, file_name: format!("{name}.kt") };
            let result = engine::run_source(source, &options);
            let world = result.world.expect("the determinism programs compile");
            out.push(format!("{name} seed={seed} steps={} trace={:016x}", world.steps, world.trace.hash()));
        }
    }
    out
}

/// The golden lines, recorded natively.
pub fn golden() -> Vec<&'static str> {
    include_str!("hashes.txt").lines().filter(|l| !l.is_empty()).collect()
}
