//! A learner's mistake gives diagnostics or a Kotlin exception, never an engine panic: the
//! whole pipeline (parse, compile, run) on seeded mutations of the project's programs.
//! `examples/fuzz_run.rs` runs the same at length.

#![allow(dead_code)]

#[path = "frontend/corpus.rs"]
mod corpus;
#[path = "frontend/fuzz.rs"]
mod fuzz;

#[test]
fn mutated_programs_never_panic_the_engine() {
    let sources = corpus::programs();
    let mut rng = fuzz::Rng::new(0x5EED);
    let mut ran = 0;
    for case in 0..400u64 {
        let pick = rng.below(sources.len());
        let input = fuzz::mutate_lines(&mut rng, &sources[pick]);
        let options = engine::RunOptions { config: engine::Config { max_steps: 20_000, seed: case, ..engine::Config::default() }, file_name: "Fuzz.kt".into() };
        let result = std::panic::catch_unwind(|| engine::run_source(&input, &options).world.is_some());
        match result {
            Ok(true) => ran += 1,
            Ok(false) => {}
            Err(_) => panic!("case {case}: the engine panicked on:\n{input}"),
        }
    }
    assert!(ran > 50, "too few mutations compiled to exercise the runtime: {ran}");
}
