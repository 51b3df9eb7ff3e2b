#![allow(dead_code)]
//! Fuzzes the whole pipeline — parse, compile, run — on mutations of the project's programs:
//! a learner's mistake must give diagnostics or a Kotlin exception, never an engine panic.
//!
//! ```text
//! cargo run -p engine --example fuzz_run -- [CASES] [SEED]
//! ```
//!
//! Runs in the dev profile (the release profile aborts on panic, which this catches and
//! reports with the input).

#[path = "../tests/frontend/corpus.rs"]
mod corpus;
#[path = "../tests/frontend/fuzz.rs"]
mod fuzz;

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let n_cases: u64 = args.next().map(|a| a.replace('_', "").parse().expect("CASES is a number")).unwrap_or(20_000);
    let seed: u64 = args.next().map(|a| a.parse().expect("SEED is a number")).unwrap_or(1);
    std::panic::set_hook(Box::new(|_| {}));
    let corpus_sources: Vec<String> = corpus::programs();
    let programs: Vec<fuzz::Seed> = corpus::programs().into_iter().map(fuzz::Seed::new).collect();
    let mut rng = fuzz::Rng::new(seed);
    let start = Instant::now();
    let (mut compiled, mut ran_steps, mut panics) = (0u64, 0u64, 0u64);
    for case in 0..n_cases {
        let program = &programs[rng.below(programs.len())];
        // Token mutations mostly break the syntax; line mutations keep more programs
        // compiling, so that the run-time paths get exercised.
        let pick = rng.below(corpus_sources.len());
        let input = if case % 4 == 0 { fuzz::mutate(&mut rng, program) } else { fuzz::mutate_lines(&mut rng, &corpus_sources[pick]) };
        let options = engine::RunOptions { config: engine::Config { max_steps: 20_000, seed: case, ..engine::Config::default() }, file_name: "Fuzz.kt".into() };
        let outcome = std::panic::catch_unwind(|| {
            let r = engine::run_source(&input, &options);
            r.world.map(|w| w.steps)
        });
        match outcome {
            Ok(Some(steps)) => {
                compiled += 1;
                ran_steps += steps;
            }
            Ok(None) => {}
            Err(e) => {
                panics += 1;
                let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                eprintln!("fuzz_run: case {case}: engine panic: {msg}\n----- input -----\n{input}\n-----------------");
                if panics >= 5 {
                    break;
                }
            }
        }
    }
    println!(
        "fuzz_run: {n_cases} mutated programs (seed {seed}): {compiled} compiled and ran ({ran_steps} steps), {panics} panics, {:.1} s",
        start.elapsed().as_secs_f64()
    );
    if panics > 0 {
        std::process::exit(1);
    }
}

