//! Runs the front end's seeded fuzzing at length and reports the count and the time:
//!
//! ```text
//! cargo run --release -p engine --example fuzz_parse -- [CASES] [SEED]
//! ```
//!
//! CASES defaults to 1,000,000 and SEED to 1. Half the cases are arbitrary text, half are
//! mutations of the valid programs of `tests/frontend/valid` and of the conformance suite;
//! each must satisfy the rules of `tests/frontend/fuzz.rs`. The first broken rule, or a
//! panic, stops the run and prints the input that caused it.

#[path = "../tests/frontend/corpus.rs"]
mod corpus;
#[path = "../tests/frontend/fuzz.rs"]
#[allow(dead_code)]
mod fuzz;

use std::sync::Mutex;
use std::time::Instant;

/// The input being checked, so that a panic (which aborts in release builds) can show it.
static CURRENT: Mutex<String> = Mutex::new(String::new());

fn main() {
    let mut args = std::env::args().skip(1);
    let n_cases: u64 = args.next().map(|a| a.replace('_', "").parse().expect("CASES is a number")).unwrap_or(1_000_000);
    let seed: u64 = args.next().map(|a| a.parse().expect("SEED is a number")).unwrap_or(1);

    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default_hook(info);
        if let Ok(input) = CURRENT.lock() {
            eprintln!("fuzz_parse: the input was {:?}", *input);
        }
    }));

    let programs: Vec<fuzz::Seed> = corpus::programs().into_iter().map(fuzz::Seed::new).collect();
    assert!(!programs.is_empty(), "no program to mutate");

    let mut rng = fuzz::Rng::new(seed);
    let start = Instant::now();
    let mut n_bytes = 0u64;
    for case in 0..n_cases {
        let input = if case % 2 == 0 { fuzz::arbitrary(&mut rng, 400) } else { {
            let program = &programs[rng.below(programs.len())];
            fuzz::mutate(&mut rng, program)
        } };
        n_bytes += input.len() as u64;
        CURRENT.lock().expect("no earlier panic").clone_from(&input);
        if let Err(problem) = fuzz::check(&input) {
            eprintln!("fuzz_parse: case {case} (seed {seed}): {problem}\ninput: {input:?}");
            std::process::exit(1);
        }
        if (case + 1) % 100_000 == 0 {
            eprintln!("fuzz_parse: {} cases, {:.1} s", case + 1, start.elapsed().as_secs_f64());
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "fuzz_parse: {n_cases} cases ({} arbitrary, {} mutations of {} programs), {:.1} MB of input, seed {seed}: no problem in {seconds:.1} s ({:.0} cases/s)",
        n_cases.div_ceil(2),
        n_cases / 2,
        programs.len(),
        n_bytes as f64 / 1e6,
        n_cases as f64 / seconds
    );
}
