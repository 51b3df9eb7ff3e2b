//! The page's building blocks. Each takes plain data and `on<verb>` callbacks in its
//! `XxxProps`; none of them owns page state (a few keep what only they show, such as the
//! bar under the pointer).

pub mod code_pane;
pub mod compare;
pub mod console;
pub mod details;
pub mod job_tree;
pub mod lesson_list;
pub mod lesson_text;
pub mod panel;
pub mod params_panel;
pub mod share_box;
pub mod thread_lanes;
pub mod timeline;
pub mod workbench;
