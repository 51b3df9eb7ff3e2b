//! The page's building blocks. Each takes plain data in its `XxxProps`, and its controls
//! dispatch an `Action` through the reducer's `ondispatch` callback; none of them owns page
//! state (a few keep what only they show, such as the bar under the pointer). Those drawn
//! again at every step anyway are plain functions (`workbench`, `timeline`, `job_tree`,
//! `console`, …); Yew components are kept where hooks keep something (the code), and
//! one, `Cached`, skips redrawing the parts whose inputs did not change (the lanes, the
//! marks, the highlighted code, the lesson text, a coroutine's stack, the charts' lines).

pub mod cached;
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
pub mod ui;
pub mod workbench;
