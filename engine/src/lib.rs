//! Coroutine Lab engine: reads a subset of Kotlin and runs it with the semantics of
//! kotlinx.coroutines, deterministically, in virtual time.
//!
//! The pipeline is visible in the modules: [`lang`] (lexer, parser, syntax tree,
//! diagnostics) → [`compiler`] (bytecode) → [`world`] (the simulation: jobs, strands,
//! threads, dispatchers, timers), which records a [`trace`].
//!
//! **Architecture Invariant:** the engine has no web dependency; it knows nothing of the DOM.
//!
//! **Architecture Invariant:** the same program, parameters and seed give the same trace.

#![warn(missing_docs)]

pub mod builtins;
pub mod case;
pub mod bytecode;
pub mod channel;
pub mod codec;
mod comparing;
pub mod compiler;
pub mod decimal;
mod enums;
pub mod exception;
pub mod fnv;
mod format;
pub mod job;
pub mod lang;
mod methods;
mod natives;
pub mod order;
pub mod precompiled;
pub mod run;
pub mod strand;
mod sync;
pub mod trace;
pub mod value;
pub mod views;
mod vm;
pub mod world;

pub use run::{check, compile_source, run_source, RunOptions, RunResult};
pub use world::{Config, Outcome, World};

/// Every diagnostic for a program before it runs: syntax errors, then compile-time errors.
pub fn diagnostics(source: &str) -> Vec<lang::Diagnostic> {
    check(source, "Main.kt")
}
