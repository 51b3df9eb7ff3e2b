//! The course.
