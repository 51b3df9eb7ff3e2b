//! Coroutine Lab engine: reads a subset of Kotlin and runs it with the semantics of
//! kotlinx.coroutines, deterministically, in virtual time.
//!
//! **Architecture Invariant:** the engine has no web dependency; it knows nothing of the DOM.

#![warn(missing_docs)]

pub mod lang;
