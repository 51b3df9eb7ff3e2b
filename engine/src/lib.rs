//! Coroutine Lab engine.
