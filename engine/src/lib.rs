//! Coroutine Lab engine: reads a subset of Kotlin and runs it with the semantics of
//! kotlinx.coroutines, deterministically, in virtual time.
//!
//! **Architecture Invariant:** the engine has no web dependency; it knows nothing of the DOM.

#![warn(missing_docs)]

pub mod lang;

/// Every diagnostic for a program, before it runs: syntax errors now; name resolution and
/// other compile-time checks are added by the compiler.
pub fn diagnostics(source: &str) -> Vec<lang::Diagnostic> {
    lang::parse(source).diagnostics
}
