//! Front-end throughput: builds a large Kotlin file out of the project's own programs and
//! prints how many megabytes per second the lexer alone, and the lexer and parser together,
//! read. A figure, not a test:
//!
//! ```text
//! cargo run --release -p engine --example bench_parse -- [MEGABYTES]
//! ```
//!
//! The file (8 MB unless told otherwise) repeats the valid golden programs and the
//! conformance suite, with the `package` and `import` lines kept only at the top and each
//! `main` renamed, so it is one valid file of everyday coroutine code.

#[path = "../tests/frontend/corpus.rs"]
mod corpus;

use engine::lang::{lex, parse};
use std::time::{Duration, Instant};

fn main() {
    let megabytes: f64 = std::env::args().nth(1).map(|a| a.parse().expect("MEGABYTES is a number")).unwrap_or(8.0);
    let source = build_source((megabytes * 1e6) as usize);
    let size = source.len() as f64 / 1e6;

    let parsed = parse(&source);
    assert!(parsed.diagnostics.is_empty(), "the generated file should be valid: {:?}", parsed.diagnostics.first());
    println!(
        "bench_parse: {size:.1} MB, {} lines, {} tokens, {} declarations",
        source.lines().count(),
        parsed.tokens.len(),
        parsed.file.items.len()
    );

    let lexing = best_of(5, || lex(&source).0.len());
    let parsing = best_of(5, || parse(&source).file.items.len());
    println!("  lex:         {:7.1} MB/s ({:.1} ms)", size / lexing.as_secs_f64(), lexing.as_secs_f64() * 1e3);
    println!("  lex + parse: {:7.1} MB/s ({:.1} ms)", size / parsing.as_secs_f64(), parsing.as_secs_f64() * 1e3);
}

/// The fastest of `runs` runs of `f`: the least disturbed by the rest of the machine.
fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// At least `target` bytes of valid Kotlin made of the project's programs.
fn build_source(target: usize) -> String {
    let programs = corpus::programs();
    assert!(!programs.is_empty(), "no program to build the file from");
    let mut imports = std::collections::BTreeSet::new();
    let mut bodies = Vec::new();
    for program in &programs {
        let mut body = String::new();
        for line in program.lines() {
            if line.starts_with("import ") {
                imports.insert(line.to_string());
            } else if !line.starts_with("package ") {
                body.push_str(line);
                body.push('\n');
            }
        }
        bodies.push(body);
    }
    let mut out: String = imports.iter().map(|i| format!("{i}\n")).collect();
    let mut copy = 0;
    while out.len() < target {
        for body in &bodies {
            out.push_str(&body.replace("fun main(", &format!("fun main{copy}(")));
            out.push('\n');
            copy += 1;
        }
    }
    out
}
