//! The page's building blocks. Each takes plain data and `on<verb>` callbacks in its
//! `XxxProps`; none of them owns state.

pub mod code_pane;
pub mod lesson_list;
pub mod panel;
pub mod timeline;
