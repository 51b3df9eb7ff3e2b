//! The course as the build script read it: every `lesson.md` is read at build time (with
//! [`crate::spec`], which stops the build on a mistake) into the index below and a content file
//! per lesson ([`crate::content`]), so that nothing reads front matter or parses checks at run
//! time. Patterns stay as written and are compiled where they are used.

use crate::spec::check::{Agg, Cmp, StateWord, Stream};
use crate::spec::JobEvent;

/// A lesson in the course's index: what the list of lessons shows, and where the rest is.
#[derive(Debug)]
pub struct LessonData {
    /// Its folder under `content/`, and the name of its content file.
    pub folder: &'static str,
    /// Stable id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The simulated cores as a parameter: (min, max, default, label).
    pub cores: Option<(i64, i64, i64, &'static str)>,
    /// The ids of its variants, in order.
    pub variants: &'static [&'static str],
    /// Its content file (see [`crate::content`]), embedded in native builds; empty in the
    /// page's, which fetches it.
    pub content: &'static [u8],
    /// The FNV-1a hash of the content file, checked when it is fetched.
    pub fingerprint: u64,
}

/// What a lesson's content file holds.
#[derive(Debug)]
pub struct Content {
    /// The lesson text (Markdown), after the front matter.
    pub body: &'static str,
    /// Pointers shown for every variant.
    pub notices: &'static [Notice],
    /// Variants in order; the first is the default.
    pub variants: &'static [VariantData],
    /// Questions in order.
    pub questions: &'static [QuestionData],
}

/// A variant: a scenario file, maybe with some parameters pinned.
#[derive(Debug)]
pub struct VariantData {
    /// Stable id.
    pub id: &'static str,
    /// The scenario file, beside `lesson.md`.
    pub file: &'static str,
    /// Its text, with the values the variant pins in place.
    pub source: &'static str,
    /// Its program, compiled by the build ([`engine::precompiled::Precompiled::encode`]);
    /// empty when the build could not precompile it.
    pub compiled: &'static [u8],
    /// What the page calls it.
    pub label: &'static str,
    /// Pinned parameters: name and the value as written (a Kotlin literal).
    pub set: &'static [(&'static str, &'static str)],
    /// Pointers for this variant only.
    pub notices: &'static [Notice],
}

/// A predict-then-run question.
#[derive(Debug)]
pub struct QuestionData {
    /// Stable id.
    pub id: &'static str,
    /// The question; `{name}` stands for a parameter's value.
    pub text: &'static str,
    /// The variants it is asked for; empty for all.
    pub variants: &'static [&'static str],
    /// The possible answers.
    pub choices: &'static [ChoiceData],
}

/// An answer and the checks that make it the right one.
#[derive(Debug)]
pub struct ChoiceData {
    /// Stable id.
    pub id: &'static str,
    /// The answer as the learner reads it.
    pub text: &'static str,
    /// Each check as written, and read.
    pub checks: &'static [(&'static str, Check)],
}

/// A "what to notice" pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Notice {
    /// What it points at.
    pub targets: &'static [Target],
    /// What to notice there; `{name}` stands for a parameter's value.
    pub text: &'static str,
}

/// What a pointer points at; names and texts are patterns as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// `coroutine "NAME"` (a whole-name pattern).
    Coroutine(&'static str),
    /// `thread "NAME"` (a whole-name pattern).
    Thread(&'static str),
    /// `line "TEXT"`: the first source line containing the text.
    Line(&'static str),
    /// `step when "NAME" EVENT`: the first step where a coroutine so named does it.
    StepWhen(&'static str, JobEvent),
    /// `step printing "TEXT"`: the step that printed the first line containing the text.
    StepPrinting(&'static str),
}

/// One check (see [`crate::spec::check`]); patterns as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    /// `not CHECK`
    Not(&'static Check),
    /// `stdout contains P` (or `lacks`, which is `negate`).
    Contains {
        /// Which stream.
        stream: Stream,
        /// What to find anywhere in it.
        pattern: &'static str,
        /// `lacks`.
        negate: bool,
    },
    /// `job P is S`, `some job P is S`.
    JobIs {
        /// Names to match (whole names).
        name: &'static str,
        /// The state.
        state: StateWord,
        /// `some`: one is enough.
        some: bool,
    },
    /// `VALUE OP VALUE`
    Compare(Value, Cmp, Value),
}

/// A value in a comparison; patterns as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A literal number.
    Number(f64),
    /// `param NAME`
    Param(&'static str),
    /// `max P`, `count P`, …
    Lines(Agg, &'static str),
    /// `live coroutines`
    LiveCoroutines,
    /// `peak live coroutines`
    PeakLiveCoroutines,
    /// `jobs P [STATE]`
    Jobs(&'static str, Option<StateWord>),
    /// `threads P`
    Threads(&'static str),
    /// `elapsed ms`
    ElapsedMs,
    /// `exit code`
    ExitCode,
}

include!(concat!(env!("OUT_DIR"), "/course.rs"));
