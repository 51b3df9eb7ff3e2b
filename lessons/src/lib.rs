//! The course: nine lessons on Kotlin coroutines in production.
//!
//! This crate is data plus the checks that keep it true. It depends on the engine only.

/// One lesson of the course, in course order.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonInfo {
    /// Stable identifier used in URLs and the CLI, e.g. `scopes`.
    pub id: &'static str,
    /// Short title shown in the lesson list.
    pub title: &'static str,
}

/// The lessons in course order.
pub fn catalog() -> Vec<LessonInfo> {
    [
        ("scopes", "Scope boundaries"),
        ("context", "Context propagation"),
        ("exceptions", "Exceptions and blast radius"),
        ("bulkhead", "A dispatcher as a bulkhead"),
        ("limits", "High load and limitedParallelism"),
        ("leaks", "Debugging coroutine leaks"),
        ("islands", "The island effect"),
        ("state", "Shared state under load"),
        ("review", "Review"),
    ]
    .into_iter()
    .map(|(id, title)| LessonInfo { id, title })
    .collect()
}
