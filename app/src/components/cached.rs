//! The parts of the page drawn from a few inputs only, most of them not the step: drawn
//! again only when those inputs change. One component serves them all, so the page carries the
//! machinery of one component instead of one per part.

use std::rc::Rc;

use engine::lang::Diagnostic;
use engine::value::StrandId;
use yew::prelude::*;

use crate::components::code_pane::code_text;
use crate::components::details::{series, stack};
use crate::components::lesson_text::lesson_text;
use crate::components::thread_lanes::{lane_track, queue_rows};
use crate::components::timeline::marks;
use crate::session::Axis;
use crate::RunRef;

/// A part and the inputs it is drawn from.
#[derive(PartialEq)]
pub enum Part {
    /// The ticks under the scrubber, from the run.
    Marks(RunRef),
    /// The bars of one thread's lane, from the run, the axis and the lane's place.
    LaneTrack(RunRef, Axis, usize),
    /// The queues' depths under the lanes, from the run and the axis.
    Queues(RunRef, Axis),
    /// The highlighted code under the text area, from the code and its diagnostics.
    CodeText(AttrValue, Rc<Vec<Diagnostic>>),
    /// The lesson's text, from the lesson's id.
    LessonText(String),
    /// A coroutine's stack and locals, from the run, the step and its strand.
    Stack(RunRef, u64, StrandId),
    /// The line of live coroutines (of memory, when `true`) across the run, from the run and
    /// the axis.
    Series(RunRef, Axis, bool),
}

#[derive(PartialEq, Properties)]
pub struct CachedProps {
    /// What to draw.
    pub part: Part,
}

/// Draws a [`Part`]; Yew skips it while its inputs stay the same.
#[component]
pub fn Cached(props: &CachedProps) -> Html {
    match &props.part {
        Part::Marks(run) => marks(run),
        Part::LaneTrack(run, axis, index) => lane_track(run, *axis, *index),
        Part::Queues(run, axis) => queue_rows(run, *axis),
        Part::CodeText(lines, problems) => code_text(lines, problems),
        Part::LessonText(lesson) => lesson_text(lesson),
        Part::Stack(run, step, strand) => stack(run, *step, *strand),
        Part::Series(run, axis, bytes) => series(run, *axis, *bytes),
    }
}
