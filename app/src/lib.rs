//! Coroutine Lab's web front end.
//!
//! All page state lives in one reducer, [`State`], and changes only through an [`Action`].
//! The reducer is plain Rust: it runs scenarios through the engine ([`session::Run`]) and
//! never touches the browser, so its tests run natively. The browser is reached only by the
//! hooks of [`App`] (timers, keys, storage, the address bar) and by the components in
//! [`components`], which receive data and the dispatching callback, never the state.
//! This crate is the only one that knows about the DOM.

pub mod browser;
pub mod code;
pub mod cold;
pub mod components;
pub mod markdown;
pub mod session;
pub mod share;
pub mod sorted;

use std::rc::Rc;
use std::time::Duration;

use engine::lang::params::ParamValue;
use engine::lang::Diagnostic;
use engine::value::JobId;
use lessons::{Evaluation, Lesson, LessonInfo, Variant};
use yew::prelude::*;

use components::compare::{compare_view, CompareViewProps};
use components::job_tree::TreeItem;
use components::lesson_list::{lesson_list, LessonListProps};
use components::cached::{Cached, Part};
use components::lesson_text::{questions, QuestionsProps};
use components::params_panel::{params_panel, ParamsPanelProps};
use components::share_box::{share_box, use_share_select, ShareBoxProps};
use components::timeline::{timeline, TimelineProps};
use components::workbench::{workbench, WorkbenchProps};
use session::{Axis, Run, RunFailure};
use sorted::{SortedMap, SortedSet};

/// Playing speeds: how many times faster than one statement every [`BASE_INTERVAL`].
pub const SPEEDS: [u32; 7] = [1, 2, 4, 8, 32, 128, 1024];

/// How long a statement stays on screen while playing at 1×.
pub const BASE_INTERVAL: Duration = Duration::from_millis(500);

/// The shortest interval between two frames while playing.
const MIN_INTERVAL_MS: u32 = 25;

/// How long the code must rest after an edit before it runs again.
pub const EDIT_DEBOUNCE: Duration = Duration::from_millis(300);

/// A shared run, compared by identity (a new run is a new value).
#[derive(Debug, Clone)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for RunRef {
    type Target = Run;
    fn deref(&self) -> &Run {
        &self.0
    }
}

/// What the learner changed in one variant of a lesson, kept across reloads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stored {
    /// The edited code, when it differs from the scenario.
    pub code: Option<String>,
    /// Parameter values the learner set: name and value as text.
    pub params: Vec<(String, String)>,
}

/// Stored edits by `lesson/variant`.
pub type Saved = SortedMap<Stored>;

/// The key of a variant in [`Saved`] and in storage.
pub fn saved_key(lesson: &str, variant: &str) -> String {
    format!("{lesson}/{variant}")
}

/// What the page reads from the browser before the first render.
#[derive(Debug, Clone, Default)]
pub struct Boot {
    /// The address's hash: a share link, or the lesson last shown.
    pub hash: String,
    /// Edits kept from earlier visits.
    pub saved: Saved,
    /// Lessons whose question the learner has answered and checked.
    pub progress: SortedSet,
    /// The variant last shown of each lesson: lesson id → variant id.
    pub variants: SortedMap<String>,
}

/// Which panel the lower tabs show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The selected coroutine's state, stack and locals.
    #[default]
    Details,
    /// `DebugProbes.dumpCoroutines()` at the step.
    Dump,
    /// Live coroutines, memory and latency over time.
    Charts,
}

/// How the two sides of a comparison step together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sync {
    /// The other side shows the same virtual time.
    #[default]
    ByTime,
    /// The other side shows the same step number.
    ByStep,
}

/// The second run of compare mode.
#[derive(Debug, Clone)]
pub struct Compare {
    /// The variant on the other side; the current one means "its scenario as written, with
    /// default parameters".
    pub other: usize,
    /// How the sides step together.
    pub sync: Sync,
    /// The other side's run, or why it did not run.
    pub run: Result<Rc<Run>, String>,
    /// The other side's step once this side has reached its end and the other side goes on
    /// (its run is longer): stepping forward at the end steps the other side alone.
    pub beyond: Option<u64>,
}

/// A share link ready to copy.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLink {
    /// The hash, without `#`.
    pub hash: String,
    /// The code was too long for a link and was left out.
    pub code_left_out: bool,
    /// What became of the last "Copy link": copied to the clipboard, or refused by it.
    pub copied: Option<bool>,
}

/// Everything the page shows, in one value.
#[derive(Clone)]
pub struct State {
    /// The course, in order.
    pub lessons: Rc<Vec<LessonInfo>>,
    /// Index into `lessons` of the lesson on screen.
    pub selected: usize,
    /// Index of the variant on screen.
    pub variant: usize,
    /// The code on screen.
    pub source: Rc<str>,
    /// Counts edits of the code, so a delayed run knows whether it is still wanted.
    pub edits: u64,
    /// The edit that last ran.
    pub ran_edit: u64,
    /// Parameter values the learner set; the others keep their defaults.
    pub values: Vec<(String, ParamValue)>,
    /// The parameters the code on screen declares (an edit may remove some): only these
    /// have controls.
    pub declared: Rc<Vec<String>>,
    /// The latest run that worked (kept while the code has errors).
    pub run: Option<Rc<Run>>,
    /// Diagnostics of the code on screen.
    pub problems: Rc<Vec<Diagnostic>>,
    /// Why the code on screen did not run, when it did not.
    pub failure: Option<String>,
    /// The step on screen.
    pub step: u64,
    /// Whether the run is advancing on its own.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// The axis of the thread lanes the learner picked; none: the one that shows the run best.
    pub axis: Option<Axis>,
    /// The coroutine whose details are shown.
    pub job: Option<JobId>,
    /// Jobs whose children the job tree hides.
    pub collapsed: Vec<JobId>,
    /// The job tree's item focused last: it keeps the tree's one Tab stop.
    pub tree_focus: Option<TreeItem>,
    /// Jobs whose family the tree lists further: each time a job appears here, the tree
    /// lists [`components::job_tree::MAX_CHILDREN`] more of its children.
    pub widened: Vec<JobId>,
    /// The lower tab on screen.
    pub tab: Tab,
    /// The learner's predictions: question id → choice id.
    pub answers: SortedMap<String>,
    /// The run's answers are shown.
    pub revealed: bool,
    /// Counts the lesson's "Show" buttons pressed: each brings the job tree into view, which
    /// on a phone is far below the lesson text.
    pub shown: u64,
    /// The lesson's checks on the current run, once revealed.
    pub evaluation: Option<Result<Rc<Evaluation>, String>>,
    /// Lessons answered and checked.
    pub progress: Rc<SortedSet>,
    /// Edits of every variant, as stored.
    pub saved: Rc<Saved>,
    /// The variant last shown of each lesson other than its first: lesson id → variant id.
    /// Going back to a lesson shows it again.
    pub variants: Rc<SortedMap<String>>,
    /// Compare mode, when on.
    pub compare: Option<Compare>,
    /// A message for the learner (a share link that could not be opened).
    pub notice: Option<String>,
    /// The share link on screen.
    pub share: Option<ShareLink>,
    /// The lesson on screen was opened from the address (Back, Forward, a pasted link): the
    /// address already names it and must not be written again, since by then the browser may
    /// have moved on to another entry of its history.
    pub from_address: bool,
}

/// Every way the page can change.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show the lesson at this index.
    SelectLesson(usize),
    /// Show the variant at this index of the current lesson.
    SelectVariant(usize),
    /// The code pane's text changed.
    Edit(String),
    /// Run edit number `n`, if it is still the latest.
    Rerun(u64),
    /// A parameter control changed: name and value as text.
    SetParam(String, String),
    /// Next statement.
    StepForward,
    /// Previous statement.
    StepBack,
    /// Next event.
    EventForward,
    /// Previous event.
    EventBack,
    /// The first step.
    ToStart,
    /// The last step.
    ToEnd,
    /// A given step.
    Seek(u64),
    /// A given step, with a coroutine selected.
    Show(u64, Option<JobId>),
    /// Play or pause.
    TogglePlay,
    /// One frame of playing.
    Tick,
    /// Index into [`SPEEDS`].
    SetSpeed(usize),
    /// The lanes' axis.
    SetAxis(Axis),
    /// Show a coroutine's details (or none).
    SelectJob(Option<JobId>),
    /// Hide the children of a job in the tree, or show them again.
    ToggleChildren(JobId),
    /// List more of a job's children in the tree.
    ShowMoreChildren(JobId),
    /// The keyboard's focus moved to an item of the job tree.
    FocusTreeItem(TreeItem),
    /// Show a lower tab.
    SetTab(Tab),
    /// A prediction: question id, choice id.
    Answer(String, String),
    /// Run to the end and show the run's answers.
    Reveal,
    /// Compare mode on or off.
    ToggleCompare,
    /// The variant on the other side.
    CompareWith(usize),
    /// How the sides step together.
    SetSync(Sync),
    /// Make a share link for what is on screen.
    Share,
    /// Hide the share link.
    CloseShare,
    /// The clipboard took the share link (true) or refused it.
    LinkCopied(bool),
    /// Hide the message.
    DismissNotice,
    /// Forget this lesson's edits and parameters.
    ResetLesson,
    /// The address's hash changed under the page (Back, Forward, a pasted link): open it.
    OpenHash(String),
}

impl State {
    /// The page as it opens: the lesson of the address's hash (a share link), else the first.
    pub fn boot(boot: Boot) -> State {
        let lessons = lessons::catalog();
        let mut state = State {
            lessons: Rc::new(lessons),
            selected: 0,
            variant: 0,
            source: Rc::from(""),
            edits: 0,
            ran_edit: 0,
            values: Vec::new(),
            declared: Rc::default(),
            run: None,
            problems: Rc::default(),
            failure: None,
            step: 0,
            playing: false,
            speed: 1,
            axis: None,
            job: None,
            collapsed: Vec::new(),
            tree_focus: None,
            widened: Vec::new(),
            tab: Tab::Details,
            answers: SortedMap::new(),
            revealed: false,
            shown: 0,
            evaluation: None,
            progress: Rc::new(boot.progress),
            saved: Rc::new(boot.saved),
            variants: Rc::new(boot.variants),
            compare: None,
            notice: None,
            share: None,
            from_address: false,
        };
        match share::decode(&boot.hash).and_then(|link| link.map(|l| state.open_link(&l)).transpose()) {
            Ok(Some(())) => {}
            Ok(None) => state.open(0, 0),
            Err(e) => {
                state.notice = Some(format!("This link could not be opened: {e}. Here is the first lesson instead."));
                state.open(0, 0);
            }
        }
        state
    }

    /// The lesson on screen.
    pub fn lesson(&self) -> Option<&'static Lesson> {
        self.lessons.get(self.selected).and_then(|info| lessons::lesson(info.id))
    }

    /// The variant on screen.
    pub fn variant(&self) -> Option<&'static Variant> {
        self.lesson().and_then(|l| l.variants.get(self.variant))
    }

    /// The key of the lesson and variant on screen in [`Saved`]: `lesson/variant`.
    pub fn key(&self) -> String {
        match (self.lesson(), self.variant()) {
            (Some(l), Some(v)) => saved_key(&l.id, &v.id),
            _ => String::new(),
        }
    }

    /// The hash of the address while this lesson is on screen (not a full share link).
    pub fn address_hash(&self) -> String {
        match (self.lesson(), self.variant()) {
            (Some(l), Some(v)) => share::encode(&share::Link { lesson: l.id.clone(), variant: Some(v.id.clone()), ..Default::default() }).0,
            _ => String::new(),
        }
    }

    /// The address's hash with the step on screen as well, which a reload comes back to;
    /// none while playing, when the step changes many times a second.
    pub fn address_hash_at_step(&self) -> Option<String> {
        let (Some(l), Some(v)) = (self.lesson(), self.variant()) else { return None };
        if self.playing {
            return None;
        }
        let step = (self.step > 0).then_some(self.step);
        Some(share::encode(&share::Link { lesson: l.id.clone(), variant: Some(v.id.clone()), step, ..Default::default() }).0)
    }

    /// Shows a lesson and variant with its stored edits, from the first step.
    fn open(&mut self, lesson: usize, variant: usize) {
        let lesson = lesson.min(self.lessons.len().saturating_sub(1));
        // A lesson whose content cannot be downloaded (the page says so) is not opened: the
        // one on screen stays, rather than its views under another lesson's title.
        if self.lessons.get(lesson).is_some_and(|info| lessons::lesson(info.id).is_none()) && self.run.is_some() {
            return;
        }
        self.selected = lesson;
        self.variant = variant;
        self.step = 0;
        self.playing = false;
        self.job = None;
        self.collapsed.clear();
        self.tree_focus = None;
        self.widened.clear();
        self.axis = None;
        self.answers.clear();
        self.revealed = false;
        self.evaluation = None;
        self.share = None;
        let (Some(lesson), Some(variant)) = (self.lesson(), self.variant()) else { return };
        if self.variants.get(&lesson.id) != Some(&variant.id).filter(|_| self.variant > 0) {
            let variants = Rc::make_mut(&mut self.variants);
            if self.variant > 0 {
                variants.insert(lesson.id.clone(), variant.id.clone());
            } else {
                variants.remove(&lesson.id);
            }
        }
        let stored = self.saved.get(&saved_key(&lesson.id, &variant.id)).cloned().unwrap_or_default();
        self.source = Rc::from(stored.code.as_deref().unwrap_or(variant.source));
        self.declared = Rc::new(variant.declared(&self.source).into_iter().map(|p| p.name).collect());
        // Stored values that no longer fit the variant are dropped rather than trusted.
        self.values = stored
            .params
            .iter()
            .filter_map(|(n, text)| variant.param(n).and_then(|p| p.parse_value(text).ok()).map(|v| (n.clone(), v)))
            .collect();
        // Values stored or linked without their code (or by an older page) go into the code.
        for (name, value) in self.values.clone() {
            if variant.param(&name).is_some_and(|p| !p.runtime) {
                self.write_value_in_code(&name, &value);
            }
        }
        if let Some(c) = &mut self.compare {
            if c.other >= lesson.variants.len() {
                c.other = 0;
            }
        }
        self.run_now();
        self.step = 0;
    }

    /// Opens what a share link holds; any part that does not fit the course is an error.
    fn open_link(&mut self, link: &share::Link) -> Result<(), String> {
        let idx = self.lessons.iter().position(|l| l.id == link.lesson).ok_or_else(|| format!("there is no lesson '{}'", share::shorten(&link.lesson)))?;
        let lesson = lessons::lesson(&link.lesson).ok_or("the lesson is missing")?;
        let vidx = match &link.variant {
            Some(v) => lesson.variants.iter().position(|x| &x.id == v).ok_or_else(|| format!("the lesson has no variant '{}'", share::shorten(v)))?,
            None => 0,
        };
        let variant = &lesson.variants[vidx];
        let mut params = Vec::new();
        for (name, text) in &link.params {
            let p = variant.param(name).ok_or_else(|| format!("the scenario has no parameter '{}'", share::shorten(name)))?;
            let value = p.parse_value(text)?;
            params.push((name.clone(), value.to_string()));
        }
        let code = match &link.code {
            Some(edit) => Some(edit.apply(variant.source)?),
            None => None,
        };
        let key = saved_key(&lesson.id, &variant.id);
        let mut stored = self.saved.get(&key).cloned().unwrap_or_default();
        if code.is_some() {
            stored.code = code.filter(|c| c != variant.source);
        }
        if !link.params.is_empty() || link.code.is_some() {
            stored.params = params;
        }
        Rc::make_mut(&mut self.saved).insert(key, stored);
        self.open(idx, vidx);
        if let (Some(step), Some(run)) = (link.step, &self.run) {
            self.step = step.min(run.last());
        }
        Ok(())
    }

    /// Writes a parameter's value over its literal in the code, so that the code on screen is
    /// the code that runs; its default goes back as the lesson wrote it (`1_000` stays
    /// `1_000`). Code that no longer declares the parameter is left alone.
    fn write_value_in_code(&mut self, name: &str, value: &ParamValue) {
        let Some(variant) = self.variant() else { return };
        let declared = variant.declared(&self.source);
        let Some(at) = declared.iter().find(|p| p.name == name).map(|p| p.value_span) else { return };
        let original = variant.declared(variant.source);
        let text = match original.iter().find(|p| p.name == name) {
            Some(p) if p.default == *value => variant.source[p.value_span.start as usize..p.value_span.end as usize].to_string(),
            _ => value.to_kotlin(),
        };
        let mut source = self.source.to_string();
        source.replace_range(at.start as usize..at.end as usize, &text);
        if *source != *self.source {
            self.source = Rc::from(source);
            // The run that follows is this edit's: the debounced rerun has nothing left to do.
            self.edits += 1;
        }
    }

    /// The reverse of [`State::write_value_in_code`] after an edit: a parameter's control
    /// shows the value its literal now has. A literal the control cannot show (outside its
    /// range, say) runs as written, and the control goes back to the default; so does one
    /// whose declaration is gone.
    fn values_from_code(&mut self) {
        let Some(variant) = self.variant() else { return };
        let declared = variant.declared(&self.source);
        self.declared = Rc::new(declared.iter().map(|p| p.name.clone()).collect());
        for p in variant.params.iter().filter(|p| !p.runtime) {
            self.values.retain(|(n, _)| *n != p.name);
            // A declaration the engine refuses, or none, leaves the control at its default.
            let Some(d) = declared.iter().find(|d| d.name == p.name) else { continue };
            if d.default != p.default && p.check(&d.default).is_ok() {
                self.values.push((p.name.clone(), d.default.clone()));
            }
        }
    }

    /// Records the code and values on screen as the variant's stored edits.
    fn store(&mut self) {
        let Some(variant) = self.variant() else { return };
        let key = self.key();
        let code = (*self.source != *variant.source).then(|| self.source.to_string());
        let params = self.values.iter().map(|(n, v)| (n.clone(), v.to_string())).collect();
        let stored = Stored { code, params };
        let saved = Rc::make_mut(&mut self.saved);
        if stored == Stored::default() {
            saved.remove(&key);
        } else {
            saved.insert(key, stored);
        }
    }

    /// Runs the code on screen now, keeping the step where it can.
    fn run_now(&mut self) {
        self.ran_edit = self.edits;
        let Some(variant) = self.variant() else { return };
        let mut problems = variant.diagnostics(&self.source);
        // Code with errors does not run, those of its `@param`s (a value outside the range)
        // included: the views keep the last run that worked.
        let started = if problems.iter().any(Diagnostic::is_error) { Err(RunFailure::Compile(Vec::new())) } else { Run::start(variant, &self.source, &self.values) };
        match started {
            Ok(run) => {
                // The end of the run stays the end of the new one; another step stays where
                // it was, as far as the new run goes.
                let at_end = self.run.as_ref().is_some_and(|r| self.step >= r.last());
                self.step = if at_end { run.last() } else { self.step.min(run.last()) };
                if let Some(j) = self.job {
                    if !run.rec.view.jobs.iter().any(|x| x.id == j) {
                        self.job = None;
                    }
                }
                self.run = Some(Rc::new(run));
                self.failure = None;
            }
            Err(RunFailure::Params(message)) => {
                self.failure = Some(message);
                self.playing = false;
            }
            Err(RunFailure::Compile(diagnostics)) => {
                // Errors that only the values in place reveal: shown as well.
                if !problems.iter().any(Diagnostic::is_error) {
                    problems.extend(diagnostics.into_iter().filter(Diagnostic::is_error));
                }
                let n = problems.iter().filter(|d| d.is_error()).count();
                self.failure = Some(format!("the code has {n} error{}: the views show the last code that compiled", if n == 1 { "" } else { "s" }));
                self.playing = false;
            }
        }
        self.problems = Rc::new(problems);
        if self.revealed {
            self.evaluate();
        }
        self.run_compare();
    }

    /// Takes back the revealed answers: they were a verdict on a run that is no longer the
    /// one on screen, and the prediction was made for other code or values. The choices stay
    /// as picked, to be checked again.
    fn unreveal(&mut self) {
        self.revealed = false;
        self.evaluation = None;
    }

    /// Checks the lesson's questions on the run on screen; code that does not run is not
    /// checked (the run on screen is then an older one).
    fn evaluate(&mut self) {
        if let Some(why) = &self.failure {
            self.evaluation = Some(Err(format!("{why}; the answers are checked again once the code runs")));
            return;
        }
        let (Some(lesson), Some(variant), Some(run)) = (self.lesson(), self.variant(), &self.run) else { return };
        let evaluation = lessons::evaluate_recording(lesson, variant, run.prepared.clone(), 1, &run.rec);
        // Only a checked answer counts: not one against edited code that fits no answer.
        if evaluation.questions.iter().any(|q| q.answer.is_some()) {
            Rc::make_mut(&mut self.progress).add(lesson.id.clone());
        }
        self.evaluation = Some(Ok(Rc::new(evaluation)));
    }

    /// Runs the other side of compare mode.
    fn run_compare(&mut self) {
        let Some(lesson) = self.lesson() else { return };
        let Some(c) = &self.compare else { return };
        let Some(variant) = lesson.variants.get(c.other) else { return };
        let run = if c.other == self.variant {
            Run::start(variant, variant.source, &[])
        } else {
            let stored = self.saved.get(&saved_key(&lesson.id, &variant.id)).cloned().unwrap_or_default();
            let source = stored.code.unwrap_or_else(|| variant.source.to_string());
            // The values on screen, where the other variant offers the same parameter.
            let values: Vec<(String, ParamValue)> =
                self.values.iter().filter(|(n, v)| variant.param(n).is_some_and(|p| p.check(v).is_ok())).cloned().collect();
            Run::start(variant, &source, &values)
        };
        let run = run.map(Rc::new).map_err(|e| match e {
            RunFailure::Params(m) => m,
            RunFailure::Compile(d) => format!("its code has errors: {}", d.first().map(|d| d.message.as_str()).unwrap_or("")),
        });
        if let Some(c) = &mut self.compare {
            c.run = run;
            c.beyond = None;
        }
    }

    /// The step the other side of compare mode shows.
    pub fn compare_step(&self) -> Option<u64> {
        let c = self.compare.as_ref()?;
        let synced = self.synced_step()?;
        Some(match c.beyond {
            Some(b) if self.step >= self.last() => b.max(synced),
            _ => synced,
        })
    }

    /// The other side's step that goes with the step on screen, by time or by step.
    fn synced_step(&self) -> Option<u64> {
        let c = self.compare.as_ref()?;
        let other = c.run.as_ref().ok()?;
        let run = self.run.as_ref()?;
        Some(match c.sync {
            // Both sides start together, whatever the other run's first step is at.
            _ if self.step == 0 => 0,
            Sync::ByStep => self.step.min(other.last()),
            Sync::ByTime => other.step_at_time(run.time_at(self.step)),
        })
    }

    /// At this side's end, the other side of compare mode and its step, while it has steps
    /// left: stepping forward moves it alone.
    fn other_goes_on(&self) -> Option<(Rc<Run>, u64)> {
        let other = self.compare.as_ref()?.run.clone().ok()?;
        let at = self.compare_step()?;
        (self.step >= self.last() && at < other.last()).then_some((other, at))
    }

    /// Moves the other side past this side's end (see [`Compare::beyond`]); false when it
    /// has no steps left.
    fn step_other(&mut self, next: impl Fn(&Run, u64) -> u64) -> bool {
        let Some((other, at)) = self.other_goes_on() else { return false };
        if let Some(c) = &mut self.compare {
            c.beyond = Some(next(&other, at));
        }
        true
    }

    /// Whether both sides are at their last step.
    pub fn at_end(&self) -> bool {
        self.step >= self.last() && self.other_goes_on().is_none()
    }

    /// The last step of the run on screen (0 without a run).
    pub fn last(&self) -> u64 {
        self.run.as_ref().map(|r| r.last()).unwrap_or(0)
    }

    fn seek(&mut self, step: u64) {
        self.step = step.min(self.last());
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.from_address = matches!(action, Action::OpenHash(_));
        match action {
            // An index outside the course is ignored rather than trusted.
            Action::SelectLesson(idx) if idx < self.lessons.len() => {
                next.compare = None;
                // The lesson comes back at the variant last shown.
                let lesson = lessons::lesson(self.lessons[idx].id);
                let variant = lesson.and_then(|l| {
                    let id = self.variants.get(&l.id)?;
                    l.variants.iter().position(|v| &v.id == id)
                });
                next.open(idx, variant.unwrap_or(0));
            }
            Action::SelectLesson(_) => return self,
            Action::SelectVariant(idx) if self.lesson().is_some_and(|l| idx < l.variants.len()) => {
                let step = self.step;
                next.open(self.selected, idx);
                next.seek(step);
            }
            Action::SelectVariant(_) => return self,
            Action::Edit(text) => {
                if *text != *self.source {
                    next.unreveal();
                }
                next.source = Rc::from(text);
                next.edits += 1;
                next.share = None;
                next.values_from_code();
                next.store();
            }
            Action::Rerun(n) if n == self.edits && n != self.ran_edit => next.run_now(),
            Action::Rerun(_) => return self,
            Action::SetParam(name, text) => {
                let Some(param) = self.variant().and_then(|v| v.param(&name)) else { return self };
                // A parameter the code on screen no longer declares has no control to set.
                if !param.runtime && !self.declared.contains(&name) {
                    return self;
                }
                match param.parse_value(&text) {
                    Ok(value) => {
                        if !param.runtime {
                            next.write_value_in_code(&name, &value);
                        }
                        if self.values.iter().find(|(n, _)| *n == name).map_or(&param.default, |(_, v)| v) != &value {
                            next.unreveal();
                        }
                        next.values.retain(|(n, _)| *n != name);
                        if value != param.default {
                            next.values.push((name, value));
                        }
                        next.share = None;
                        next.store();
                        next.run_now();
                    }
                    Err(message) => next.failure = Some(message),
                }
            }
            Action::StepForward => {
                let Some(run) = &self.run else { return self };
                if !next.step_other(Run::next_statement) {
                    next.step = run.next_statement(self.step);
                }
            }
            // Stepping back moves this side, whose step the page narrates; the other side
            // follows it (leaving the steps it went on alone past this side's end).
            Action::StepBack => {
                let Some(run) = &self.run else { return self };
                next.step = run.prev_statement(self.step);
                next.playing = false;
            }
            Action::EventForward => {
                let Some(run) = &self.run else { return self };
                if !next.step_other(Run::next_event) {
                    next.step = run.next_event(self.step);
                }
            }
            // Stepping back moves this side, whose step the page narrates; the other side
            // follows it (leaving the steps it went on alone past this side's end).
            Action::EventBack => {
                let Some(run) = &self.run else { return self };
                next.step = run.prev_event(self.step);
                next.playing = false;
            }
            Action::ToStart => {
                next.step = 0;
                next.playing = false;
            }
            Action::ToEnd => {
                next.step = self.last();
                next.playing = false;
                next.step_other(|other, _| other.last());
            }
            Action::Seek(step) => {
                next.seek(step);
                next.playing = false;
            }
            Action::Show(step, job) => {
                next.seek(step);
                next.playing = false;
                next.shown += 1;
                if let Some(j) = job {
                    next.job = job;
                    next.tab = Tab::Details;
                    next.tree_focus = Some(TreeItem::Job(j));
                }
            }
            Action::TogglePlay => {
                next.playing = !self.playing && self.run.is_some();
                // Playing from the end starts over.
                if next.playing && self.at_end() {
                    next.step = 0;
                }
            }
            Action::Tick => {
                let Some(run) = &self.run else { return self };
                if !self.playing {
                    return self;
                }
                let per_tick = frames_per_tick(self.speed);
                for _ in 0..per_tick {
                    if !next.step_other(Run::next_statement) {
                        next.step = run.next_statement(next.step);
                    }
                }
                if next.at_end() {
                    next.playing = false;
                }
            }
            Action::SetSpeed(i) if i < SPEEDS.len() => next.speed = i,
            Action::SetSpeed(_) => return self,
            Action::SetAxis(axis) => next.axis = Some(axis),
            Action::SelectJob(job) => {
                // A coroutine not yet created at this step is shown where it starts.
                let view = self.run.as_ref().map(|r| &r.rec.view);
                let starts = job.and_then(|j| view.filter(|v| v.job_at(self.step, j).is_none())?.job_info(j)).map(|info| info.created_step);
                if let Some(step) = starts {
                    return self.clone().reduce(Action::Show(step, job));
                }
                next.job = job;
                if let Some(j) = job {
                    next.tab = Tab::Details;
                    // The tree's Tab stop goes to the coroutine picked, by the pointer as well.
                    next.tree_focus = Some(TreeItem::Job(j));
                }
            }
            Action::ToggleChildren(job) => match next.collapsed.iter().position(|&j| j == job) {
                Some(i) => {
                    next.collapsed.remove(i);
                }
                None => next.collapsed.push(job),
            },
            Action::ShowMoreChildren(job) => next.widened.push(job),
            // Nothing else changes: the page is drawn again only for a new item.
            Action::FocusTreeItem(item) if self.tree_focus == Some(item) => return self,
            Action::FocusTreeItem(item) => next.tree_focus = Some(item),
            Action::SetTab(tab) => next.tab = tab,
            Action::Answer(q, c) => {
                if self.revealed {
                    return self;
                }
                next.answers.insert(q, c);
            }
            Action::Reveal => {
                // An edit still waiting for its run is the code to check, not the run before it.
                if next.edits != next.ran_edit {
                    next.run_now();
                }
                next.revealed = true;
                next.playing = false;
                next.step = next.last();
                next.evaluate();
            }
            Action::ToggleCompare => {
                if self.compare.is_some() {
                    next.compare = None;
                } else {
                    // The next variant asked a question of this one's; a variant that shares
                    // none (the review's, lesson 3's) is another program: compare with this
                    // one as written instead.
                    let Some(l) = self.lesson() else { return self };
                    let asks = |i: usize| l.questions_for(&l.variants[i].id).map(|q| q.id.as_str()).collect::<Vec<_>>();
                    let mine = asks(self.variant);
                    let n = l.variants.len();
                    let other = (1..n).map(|k| (self.variant + k) % n).find(|&i| asks(i).iter().any(|q| mine.contains(q))).unwrap_or(self.variant);
                    next.compare = Some(Compare { other, sync: Sync::ByTime, run: Err(String::new()), beyond: None });
                    next.run_compare();
                }
            }
            Action::CompareWith(i) => {
                let Some(c) = &mut next.compare else { return self };
                if self.lesson().is_none_or(|l| i >= l.variants.len()) {
                    return self;
                }
                c.other = i;
                next.run_compare();
            }
            Action::SetSync(sync) => {
                let Some(c) = &mut next.compare else { return self };
                c.sync = sync;
            }
            Action::Share => {
                let (Some(lesson), Some(variant)) = (self.lesson(), self.variant()) else { return self };
                let code = (*self.source != *variant.source).then(|| share::CodeEdit::between(variant.source, &self.source));
                let link = share::Link {
                    lesson: lesson.id.clone(),
                    variant: Some(variant.id.clone()),
                    params: self.values.iter().map(|(n, v)| (n.clone(), v.to_string())).collect(),
                    step: Some(self.step),
                    code,
                };
                let (hash, code_left_out) = share::encode(&link);
                next.share = Some(ShareLink { hash, code_left_out, copied: None });
            }
            Action::CloseShare => next.share = None,
            Action::LinkCopied(ok) => {
                if let Some(link) = &mut next.share {
                    link.copied = Some(ok);
                }
            }
            Action::DismissNotice => next.notice = None,
            Action::ResetLesson => {
                let Some(lesson) = self.lesson() else { return self };
                let saved = Rc::make_mut(&mut next.saved);
                for v in &lesson.variants {
                    saved.remove(&saved_key(&lesson.id, &v.id));
                }
                next.open(self.selected, self.variant);
            }
            Action::OpenHash(hash) => {
                // The page's own address changes come back as the address on screen: nothing to do.
                if hash.trim_start_matches('#') == self.address_hash() {
                    return self;
                }
                let opened = match share::decode(&hash) {
                    Ok(None) => return self,
                    Ok(Some(link)) => {
                        next.compare = None;
                        next.open_link(&link)
                    }
                    Err(e) => Err(e),
                };
                if let Err(e) = opened {
                    next.notice = Some(format!("This link could not be opened: {e}."));
                }
            }
        }
        // The other side goes on alone only while this side stays at its end.
        if next.step < next.last() {
            if let Some(c) = &mut next.compare {
                c.beyond = None;
            }
        }
        Rc::new(next)
    }
}

/// Statements advanced per frame at a speed, and the frame interval in ms.
pub fn frames_per_tick(speed: usize) -> u32 {
    let factor = SPEEDS.get(speed).copied().unwrap_or(1);
    let interval = play_interval_ms(speed);
    (factor * interval).div_ceil(BASE_INTERVAL.as_millis() as u32).max(1)
}

/// Milliseconds between two frames while playing at a speed.
pub fn play_interval_ms(speed: usize) -> u32 {
    let factor = SPEEDS.get(speed).copied().unwrap_or(1);
    (BASE_INTERVAL.as_millis() as u32 / factor).max(MIN_INTERVAL_MS)
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::boot(browser::read_boot()));
    use_autoplay(state.playing, state.speed, state.dispatcher());
    use_debounced_run(state.edits, state.dispatcher());
    use_keyboard(state.dispatcher());
    browser::use_persistence(&state);
    browser::use_step_in_address(state.address_hash_at_step(), state.from_address);
    browser::use_hash_navigation(state.dispatcher());
    let share_input = use_share_select(state.share.as_ref().map(|l| l.hash.clone()));
    // A lesson's "Show" button brings the job tree into view (on a phone it is below the
    // lesson and the code).
    use_effect_with(state.shown, |&shown| {
        if shown > 0 {
            browser::scroll_into_view(r#"[data-testid="job-tree"]"#);
        }
    });
    // A long narration scrolls in its box: each step's starts at its beginning.
    use_effect_with(state.step, |_| browser::scroll_to_top(r#"[data-testid="narration"]"#));
    // The "Run and check" button goes once pressed: the focus moves on to the verdict.
    use_effect_with(state.revealed, |&revealed| {
        if revealed {
            browser::focus(".questions .summary");
        }
    });

    let ondispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let on_click = |action: Action| components::ui::on_click(&ondispatch, action);

    let lesson = state.lesson();
    let variant = state.variant();
    let title = lesson.map(|l| l.title.clone()).unwrap_or_default();
    let run = state.run.clone().map(RunRef);
    let values: Vec<(String, ParamValue)> = run.as_ref().map(|r| r.prepared.values.clone()).unwrap_or_default();

    let variant_tabs = lesson.filter(|l| l.variants.len() > 1).map(|l| {
        let tabs = l.variants.iter().enumerate().map(|(i, v)| {
            let current = i == state.variant;
            let onclick = on_click(Action::SelectVariant(i));
            html! {
                <button class={classes!("variant-tab", current.then_some("current"))}
                    aria-pressed={if current { "true" } else { "false" }}
                    data-testid={format!("variant-{}", v.id)} {onclick}>{ v.label.clone() }</button>
            }
        });
        html! { <div class="variants" role="group" aria-label="Variants">{ for tabs }</div> }
    });

    let time = run.as_ref().map(|r| session::format_time(r.time_at(state.step))).unwrap_or_default();
    let notice = state.notice.clone().map(|text| {
        html! {
            <div class="notice" role="alert" data-testid="notice">
                <span>{ text }</span>
                <button class="control" onclick={on_click(Action::DismissNotice)} aria-label="Dismiss">{ "✕" }</button>
            </div>
        }
    });
    let compare_on = state.compare.is_some();

    let main_view = match (&state.compare, &run) {
        (Some(c), Some(left)) => compare_view(&CompareViewProps {
            lesson: lesson.map(|l| l.id.clone()).unwrap_or_default(),
            left: left.clone(),
            left_variant: state.variant,
            right: c.run.clone().map(RunRef),
            right_variant: c.other,
            left_step: state.step,
            right_step: state.compare_step().unwrap_or(0),
            sync: c.sync,
            tree_focus: state.tree_focus,
            ondispatch: ondispatch.clone(),
        }),
        _ => workbench(&WorkbenchProps {
            source: AttrValue::from(state.source.clone()),
            problems: state.problems.clone(),
            failure: state.failure.clone(),
            run: run.clone(),
            step: state.step,
            axis: state.axis.or(run.as_ref().map(|r| r.best_axis())).unwrap_or_default(),
            job: state.job,
            collapsed: state.collapsed.clone(),
            tree_focus: state.tree_focus,
            widened: state.widened.clone(),
            tab: state.tab,
            ondispatch: ondispatch.clone(),
        }),
    };

    html! {
        <div class={classes!("page", compare_on.then_some("comparing"))}>
            <header class="masthead">
                <h1>{ "Coroutine Lab" }</h1>
                <p class="tagline">{ "Kotlin coroutines in production, step by step" }</p>
                <div class="actions">
                    <button class="control" data-testid="share" onclick={on_click(Action::Share)}>{ "Share" }</button>
                    <button class="control" data-testid="compare" aria-pressed={if compare_on { "true" } else { "false" }}
                        onclick={on_click(Action::ToggleCompare)}>{ if compare_on { "Close compare" } else { "Compare" } }</button>
                </div>
            </header>
            { for notice }
            if let Some(link) = state.share.clone() {
                { share_box(&ShareBoxProps { hash: link.hash, code_left_out: link.code_left_out, copied: link.copied, input: share_input, ondispatch: ondispatch.clone() }) }
            }

            <aside class="area-side">
                <nav class="area-nav" aria-label="Lessons">
                    { lesson_list(&LessonListProps { lessons: state.lessons.clone(), selected: state.selected, progress: state.progress.clone(), ondispatch: ondispatch.clone() }) }
                </nav>
                <section class="panel area-params" aria-label="Parameters">
                    <h3 class="panel-title">{ "Parameters" }</h3>
                    <div class="panel-body" data-testid="params">
                        if let Some(v) = variant {
                            { params_panel(&ParamsPanelProps { lesson: lesson.map(|l| l.id.clone()).unwrap_or_default(), variant: v.id.clone(), values: values.clone(),
                                declared: state.declared.clone(), ondispatch: ondispatch.clone() }) }
                        }
                    </div>
                </section>
            </aside>
            <div class="area-title">
                <h2 class="lesson-title" data-testid="lesson-title">{ title }</h2>
                { for variant_tabs }
                <span class="clock" data-testid="clock" title="Virtual time at this step">{ format!("t = {time}") }</span>
                <button class="control" data-testid="reset" onclick={on_click(Action::ResetLesson)}
                    title="Forget your edits and parameters for this lesson">{ "Reset lesson" }</button>
            </div>
            <section class="panel area-lesson" aria-label="Lesson">
                if let Some(l) = lesson {
                    <Cached part={Part::LessonText(l.id.clone())} />
                    { questions(&QuestionsProps {
                        lesson: l.id.clone(),
                        variant: variant.map(|v| v.id.clone()).unwrap_or_default(),
                        values: values.clone(),
                        answers: state.answers.clone(),
                        revealed: state.revealed,
                        evaluation: state.evaluation.clone().map(|e| e.map(components::lesson_text::EvalRef)),
                        runs: state.failure.is_none(),
                        ondispatch: ondispatch.clone(),
                    }) }
                }
            </section>

            { main_view }
            { timeline(&TimelineProps { step: state.step, last: state.last(), at_end: state.at_end(), time, playing: state.playing, speed: state.speed, run: run.clone(), ondispatch: ondispatch.clone() }) }
        </div>
    }
}

/// Steps forward every frame while `playing` is true.
#[hook]
fn use_autoplay(playing: bool, speed: usize, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((playing, speed), move |&(playing, speed)| {
        let interval = playing.then(|| {
            gloo_timers::callback::Interval::new(play_interval_ms(speed), move || dispatcher.dispatch(Action::Tick))
        });
        move || drop(interval)
    });
}

/// Runs the code [`EDIT_DEBOUNCE`] after the last edit.
#[hook]
fn use_debounced_run(edits: u64, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(edits, move |&edits| {
        let timeout = (edits > 0).then(|| {
            gloo_timers::callback::Timeout::new(EDIT_DEBOUNCE.as_millis() as u32, move || dispatcher.dispatch(Action::Rerun(edits)))
        });
        move || drop(timeout)
    });
}

/// ←/→ step, Shift+←/→ jump by event, Space play, Home/End: anywhere but in a text field.
#[hook]
fn use_keyboard(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener = browser::on_key(move |key, shift, target| {
            let action = match (key, shift) {
                ("ArrowRight", false) => Action::StepForward,
                ("ArrowLeft", false) => Action::StepBack,
                ("ArrowRight", true) => Action::EventForward,
                ("ArrowLeft", true) => Action::EventBack,
                ("Home", _) => Action::ToStart,
                ("End", _) => Action::ToEnd,
                // Space on a button presses the button.
                (" ", _) if target != browser::KeyTarget::Button => Action::TogglePlay,
                _ => return false,
            };
            dispatcher.dispatch(action);
            true
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::boot(Boot::default())
    }

    fn reduce_all(start: State, actions: &[Action]) -> Rc<State> {
        actions.iter().cloned().fold(Rc::new(start), |state, action| state.reduce(action))
    }

    #[test]
    fn starts_on_the_first_lesson_with_a_run() {
        let state = state();
        assert_eq!(state.lesson().map(|l| l.id.as_str()), Some(lessons::catalog()[0].id));
        assert_eq!((state.step, state.playing), (0, false));
        assert!(state.run.as_ref().is_some_and(|r| r.last() > 0));
        assert!(state.problems.is_empty() && state.failure.is_none());
    }

    #[test]
    fn selecting_a_lesson_shows_it_from_the_start() {
        let state = reduce_all(state(), &[Action::StepForward, Action::TogglePlay, Action::SelectLesson(2)]);
        assert_eq!(state.lesson().map(|l| l.id.as_str()), Some(lessons::catalog()[2].id));
        assert_eq!((state.step, state.playing), (0, false));
    }

    #[test]
    fn job_tree_families_fold_and_unfold_until_another_lesson() {
        let state = reduce_all(state(), &[Action::ToggleChildren(JobId(1)), Action::ToggleChildren(JobId(3))]);
        assert_eq!(state.collapsed, vec![JobId(1), JobId(3)]);
        let state = reduce_all((*state).clone(), &[Action::ToggleChildren(JobId(1)), Action::Seek(5)]);
        assert_eq!(state.collapsed, vec![JobId(3)]);
        let state = reduce_all((*state).clone(), &[Action::SelectLesson(1)]);
        assert!(state.collapsed.is_empty());
    }

    #[test]
    fn the_job_trees_tab_stop_follows_the_focus_and_the_selection() {
        use components::job_tree::TreeItem;
        let state = reduce_all(state(), &[Action::FocusTreeItem(TreeItem::Job(JobId(2)))]);
        assert_eq!(state.tree_focus, Some(TreeItem::Job(JobId(2))));
        // The same item again draws nothing anew.
        assert!(Rc::ptr_eq(&state, &state.clone().reduce(Action::FocusTreeItem(TreeItem::Job(JobId(2))))));
        let state = reduce_all((*state).clone(), &[Action::SelectJob(Some(JobId(1)))]);
        assert_eq!(state.tree_focus, Some(TreeItem::Job(JobId(1))));
        let state = reduce_all((*state).clone(), &[Action::SelectJob(None)]);
        assert_eq!(state.tree_focus, Some(TreeItem::Job(JobId(1))), "letting go of a coroutine leaves the focus where it is");
        let state = reduce_all((*state).clone(), &[Action::SelectLesson(1)]);
        assert_eq!(state.tree_focus, None);
    }

    #[test]
    fn selecting_past_the_end_changes_nothing() {
        let before = reduce_all(state(), &[Action::SelectLesson(1)]);
        let after = before.clone().reduce(Action::SelectLesson(before.lessons.len()));
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn stepping_goes_by_statement_and_back_stops_at_zero_and_pauses() {
        let state = reduce_all(state(), &[Action::StepForward, Action::StepForward, Action::TogglePlay, Action::StepBack]);
        let run = state.run.clone().unwrap();
        assert_eq!(state.step, run.next_statement(0));
        assert!(!state.playing);
        let state = reduce_all((*state).clone(), &[Action::StepBack, Action::StepBack]);
        assert_eq!(state.step, 0);
    }

    #[test]
    fn events_seek_and_ends() {
        let state = reduce_all(state(), &[Action::EventForward]);
        let run = state.run.clone().unwrap();
        assert_eq!(state.step, run.event_steps[1.min(run.event_steps.len() - 1)].max(run.next_event(0)));
        let state = reduce_all((*state).clone(), &[Action::ToEnd]);
        assert_eq!(state.step, run.last());
        let state = reduce_all((*state).clone(), &[Action::Seek(u64::MAX)]);
        assert_eq!(state.step, run.last());
        let state = reduce_all((*state).clone(), &[Action::ToStart]);
        assert_eq!(state.step, 0);
    }

    #[test]
    fn playing_advances_and_stops_at_the_end() {
        let mut state = reduce_all(state(), &[Action::SetSpeed(SPEEDS.len() - 1), Action::TogglePlay]);
        assert!(state.playing);
        for _ in 0..10_000 {
            if !state.playing {
                break;
            }
            state = state.reduce(Action::Tick);
        }
        assert!(!state.playing);
        assert_eq!(state.step, state.last());
    }

    #[test]
    fn the_code_shows_the_values_of_the_controls_and_the_controls_follow_the_code() {
        let start = state();
        assert!(start.source.contains("val aMs = 300 //"));
        // A control writes its value over the literal, and the run is of that code.
        let state = reduce_all(start.clone(), &[Action::SetParam("aMs".into(), "500".into())]);
        assert!(state.source.contains("val aMs = 500 //") && !state.source.contains("val aMs = 300"));
        assert!(state.run.as_ref().unwrap().prepared.source.contains("val aMs = 500 //"));
        assert_eq!(state.ran_edit, state.edits, "the run is already this code's");
        // Back to the default: the code is as the lesson wrote it, and no edit is kept.
        let state = reduce_all((*state).clone(), &[Action::SetParam("aMs".into(), "300".into())]);
        assert_eq!(*state.source, *start.source);
        assert!(state.values.is_empty() && !state.saved.contains_key("scopes/coroutineScope"));
        // Editing the literal moves the control; a value it cannot show runs as written.
        let edited = state.source.replace("val bMs = 100 //", "val bMs = 250 //");
        let state = reduce_all((*state).clone(), &[Action::Edit(edited.clone())]);
        assert_eq!(state.values, vec![("bMs".into(), ParamValue::Int(250))]);
        let state = reduce_all((*state).clone(), &[Action::Edit(edited.replace("val bMs = 250 //", "val bMs = 260 //"))]);
        assert!(state.values.is_empty());
        // A link with values but no code edit opens with the values in the code.
        let link = share::Link { lesson: "scopes".into(), variant: None, params: vec![("aMs".into(), "450".into())], code: None, step: None };
        let mut opened = start.clone();
        opened.open_link(&link).unwrap();
        assert!(opened.source.contains("val aMs = 450 //"));
    }

    #[test]
    fn a_parameter_change_reruns_and_keeps_the_step() {
        let state = reduce_all(state(), &[Action::Seek(12)]);
        let before = state.run.clone().unwrap();
        let state = reduce_all((*state).clone(), &[Action::SetParam("failing".into(), "none".into())]);
        assert!(!Rc::ptr_eq(&before, state.run.as_ref().unwrap()));
        assert_eq!(state.step, 12);
        assert_eq!(state.values, vec![("failing".into(), ParamValue::Str("none".into()))]);
        assert!(state.saved.contains_key("scopes/coroutineScope"));
        // A value the control does not allow is refused with a message.
        let state = reduce_all((*state).clone(), &[Action::SetParam("aMs".into(), "7".into())]);
        assert!(state.failure.is_some());
    }

    #[test]
    fn edits_run_only_when_still_current() {
        let state = state();
        let source = state.source.to_string();
        let broken = source.replace("println(\"result: ${fetchMetaData()}\")", "println(\"result: ${fetchMetaData(}\")");
        let state = reduce_all(state, &[Action::Edit(broken.clone()), Action::Edit(broken.clone() + "\n")]);
        assert_eq!(state.edits, 2);
        let stale = state.clone().reduce(Action::Rerun(1));
        assert!(Rc::ptr_eq(&stale, &state));
        let state = state.reduce(Action::Rerun(2));
        assert!(state.problems.iter().any(Diagnostic::is_error));
        assert!(state.failure.is_some());
        assert!(state.run.is_some(), "the last run that worked stays on screen");
        let state = reduce_all((*state).clone(), &[Action::Edit(source), Action::Rerun(3)]);
        assert!(state.problems.is_empty() && state.failure.is_none());
        assert!(!state.saved.contains_key("scopes/coroutineScope"), "code back as written is no edit");
    }

    #[test]
    fn revealing_checks_the_answer_and_marks_progress() {
        let state = reduce_all(state(), &[Action::Answer("q1".into(), "cancelled".into()), Action::Reveal]);
        assert!(state.revealed);
        assert_eq!(state.step, state.last());
        let eval = state.evaluation.clone().unwrap().unwrap();
        assert_eq!(eval.questions[0].answer.as_deref(), Some("cancelled"));
        assert!(state.progress.contains("scopes"));
        // A parameter change takes the verdict back: the prediction was for the other run, and
        // "nothing fails" must not read as predicted once the learner turns the failure off.
        let state = reduce_all(State::boot(Boot::default()), &[Action::Answer("q1".into(), "full".into()), Action::Reveal]);
        assert_ne!(state.evaluation.clone().unwrap().unwrap().questions[0].answer.as_deref(), Some("full"));
        let state = reduce_all((*state).clone(), &[Action::SetParam("failing".into(), "none".into())]);
        assert!(!state.revealed && state.evaluation.is_none());
        assert_eq!(state.answers.get("q1").map(String::as_str), Some("full"), "the pick stays, to be checked again");
        // Checked again, the new run is the one checked.
        let state = reduce_all((*state).clone(), &[Action::Reveal]);
        let eval = state.evaluation.clone().unwrap().unwrap();
        assert_eq!(eval.questions[0].answer.as_deref(), Some("full"));
        // So does an edit of the code; broken code is not checked: the page says why.
        let broken = state.source.replace("a.await() + b.await()", "a.await() + b.await(");
        let edited = reduce_all((*state).clone(), &[Action::Edit(broken.clone())]);
        assert!(!edited.revealed && edited.evaluation.is_none());
        let state = reduce_all((*edited).clone(), &[Action::Reveal, Action::Rerun(edited.edits)]);
        assert!(state.evaluation.clone().unwrap().is_err());
    }

    #[test]
    fn a_run_that_fits_no_answer_is_not_counted() {
        // Lesson 3 with heartbeat renamed: its question has no answer, the other one has.
        let start = reduce_all(state(), &[Action::SelectLesson(2)]);
        let renamed = start.source.replace("CoroutineName(\"heartbeat\")", "CoroutineName(\"hb\")");
        let state = reduce_all((*start).clone(), &[Action::Edit(renamed.clone()), Action::Answer("heartbeat".into(), "survives".into()), Action::Reveal]);
        assert!(state.progress.contains("exceptions"), "the other question was checked");
        // With the failure's message changed too, nothing fits: nothing is counted.
        let neither = renamed.replace("Critical failure", "Fatal");
        let state = reduce_all((*start).clone(), &[Action::Edit(neither), Action::Answer("heartbeat".into(), "survives".into()), Action::Reveal]);
        assert!(state.evaluation.clone().unwrap().unwrap().questions.iter().all(|q| q.answer.is_none()));
        assert!(!state.progress.contains("exceptions"));
    }

    #[test]
    fn checking_right_after_an_edit_checks_the_edited_code() {
        let start = state();
        let edited = start.source.replace("val failing = \"B\"", "val failing = \"none\"");
        let state = reduce_all(start, &[Action::Edit(edited), Action::Answer("q1".into(), "full".into()), Action::Reveal]);
        assert_eq!(state.evaluation.clone().unwrap().unwrap().questions[0].answer.as_deref(), Some("full"));
        assert_eq!(state.step, state.last(), "at the end of the edited run");
    }

    #[test]
    fn code_that_cannot_be_checked_is_not_graded_or_counted() {
        // Code without the lesson's parameters: their controls go, and cannot be set.
        let start = state();
        let bare = "import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    println(\"hi\")\n}\n";
        let state = reduce_all(start.clone(), &[Action::Edit(bare.into()), Action::Rerun(1)]);
        assert!(state.failure.is_none());
        assert!(!state.declared.iter().any(|n| n == "aMs"));
        let after = state.clone().reduce(Action::SetParam("aMs".into(), "1000".into()));
        assert!(Rc::ptr_eq(&after, &state), "no control for a parameter the code lacks");
        // Code that does not run: the reveal shows why, grades nothing and counts nothing.
        let broken = start.source.replace("a.await() + b.await()", "a.await() + b.await(");
        let state = reduce_all(start, &[Action::Edit(broken), Action::Rerun(1), Action::Answer("q1".into(), "cancelled".into()), Action::Reveal]);
        assert!(state.evaluation.clone().unwrap().is_err());
        assert!(!state.progress.contains("scopes"), "an unchecked answer is not counted");
    }

    #[test]
    fn a_parameter_literal_the_lesson_refuses_does_not_run() {
        let start = state();
        let run = start.run.clone().unwrap();
        for (from, to) in [("val bMs = 100 //", "val bMs = 5000 //"), ("val failing = \"B\" //", "val failing = \"C\" //")] {
            assert!(start.source.contains(from), "{from}");
            let state = reduce_all(start.clone(), &[Action::Edit(start.source.replace(from, to)), Action::Rerun(1)]);
            assert!(state.problems.iter().any(Diagnostic::is_error), "{to}");
            assert!(state.failure.is_some(), "{to}");
            assert!(Rc::ptr_eq(state.run.as_ref().unwrap(), &run), "{to}: the views keep the last run that worked");
        }
    }

    #[test]
    fn a_lesson_comes_back_at_the_variant_last_shown() {
        let state = reduce_all(state(), &[Action::SelectVariant(1), Action::SelectLesson(1), Action::SelectLesson(0)]);
        assert_eq!((state.selected, state.variant), (0, 1));
        assert_eq!(state.variants.get("scopes").map(String::as_str), Some("supervisorScope"));
        // Kept across visits: the page boots with what storage held.
        let mut variants = SortedMap::new();
        variants.insert("scopes".to_string(), "supervisorScope".to_string());
        let state = reduce_all(State::boot(Boot { hash: "#lesson=context".into(), variants, ..Boot::default() }), &[Action::SelectLesson(0)]);
        assert_eq!(state.variant, 1);
        // Back at the first variant, nothing is kept.
        let state = reduce_all((*state).clone(), &[Action::SelectVariant(0)]);
        assert!(state.variants.is_empty());
    }

    #[test]
    fn share_links_round_trip() {
        let state = reduce_all(
            state(),
            &[
                Action::SelectLesson(0),
                Action::SelectVariant(1),
                Action::SetParam("aMs".into(), "500".into()),
                Action::Seek(9),
            ],
        );
        let source = state.source.replace("println(\"result:", "println(\"<b>result</b>:");
        let state = reduce_all((*state).clone(), &[Action::Edit(source.clone()), Action::Rerun(1), Action::Seek(9), Action::Share]);
        let hash = state.share.clone().unwrap().hash;
        let opened = State::boot(Boot { hash: format!("#{hash}"), ..Boot::default() });
        assert!(opened.notice.is_none(), "{:?}", opened.notice);
        assert_eq!((opened.selected, opened.variant, opened.step), (0, 1, 9));
        assert_eq!(&*opened.source, source.as_str());
        assert_eq!(opened.values, vec![("aMs".to_string(), ParamValue::Int(500))]);
    }

    #[test]
    fn a_bad_link_opens_the_first_lesson_with_a_message() {
        for hash in ["#lesson=nope", "#lesson=scopes&variant=x", "#lesson=scopes&params=aMs%3Dlots", "#lesson=scopes&code=999999.0.x", "#%%%", "#lesson=scopes&params=aMs%3D7"] {
            let state = State::boot(Boot { hash: hash.into(), ..Boot::default() });
            assert!(state.notice.is_some(), "{hash}");
            assert_eq!((state.selected, state.variant), (0, 0));
            assert!(state.run.is_some());
        }
    }

    #[test]
    fn stored_edits_come_back_and_reset_forgets_them() {
        let mut saved = Saved::new();
        saved.insert("scopes/coroutineScope".into(), Stored { code: Some("// mine\n".into()), params: vec![("aMs".into(), "400".into()), ("bogus".into(), "1".into())] });
        let state = State::boot(Boot { saved, ..Boot::default() });
        assert_eq!(&*state.source, "// mine\n");
        assert_eq!(state.values, vec![("aMs".to_string(), ParamValue::Int(400))]);
        let state = Rc::new(state).reduce(Action::ResetLesson);
        assert!(state.saved.is_empty());
        assert_eq!(&*state.source, state.variant().unwrap().source);
    }

    #[test]
    fn compare_runs_the_other_variant_and_syncs() {
        let state = reduce_all(state(), &[Action::ToggleCompare, Action::Seek(20)]);
        let c = state.compare.clone().unwrap();
        assert_eq!(c.other, 1);
        assert!(c.run.is_ok());
        let right = state.compare_step().unwrap();
        let (l, r) = (state.run.clone().unwrap(), c.run.unwrap());
        assert!(r.time_at(right) <= l.time_at(20));
        let state = reduce_all((*state).clone(), &[Action::SetSync(Sync::ByStep)]);
        assert_eq!(state.compare_step(), Some(20.min(r.last())));
        let state = reduce_all((*state).clone(), &[Action::ToggleCompare]);
        assert!(state.compare.is_none());
    }

    #[test]
    fn compare_starts_with_a_variant_that_asks_the_same_question() {
        // Lesson 3's two variants are two programs with questions of their own; each review
        // variant too: the other side is the same variant as written.
        for (lesson, variant) in [(2, 0), (2, 1), (8, 0), (8, 3)] {
            let state = reduce_all(state(), &[Action::SelectLesson(lesson), Action::SelectVariant(variant), Action::ToggleCompare]);
            assert_eq!(state.compare.clone().unwrap().other, variant, "lesson {lesson}, variant {variant}");
        }
        // Lesson 8's four strategies answer one question: the next one.
        let state = reduce_all(state(), &[Action::SelectLesson(7), Action::SelectVariant(3), Action::ToggleCompare]);
        assert_eq!(state.compare.clone().unwrap().other, 0);
    }

    #[test]
    fn compare_lets_the_longer_side_reach_its_end() {
        for sync in [Sync::ByTime, Sync::ByStep] {
            let state = reduce_all(state(), &[Action::ToggleCompare, Action::SetSync(sync), Action::ToEnd]);
            let other = state.compare.clone().unwrap().run.unwrap();
            // The supervisor's run goes on after the failing scope's has ended.
            assert!(state.synced_step().unwrap() < other.last(), "{sync:?}");
            assert_eq!((state.step, state.compare_step()), (state.last(), Some(other.last())), "{sync:?}");
            assert!(state.at_end());
            // Back from the end: this side steps back (the narrated one), and the other side
            // follows it.
            let back = reduce_all((*state).clone(), &[Action::StepBack]);
            assert_eq!(back.step, state.run.as_ref().unwrap().prev_statement(state.last()));
            assert_eq!(back.compare_step(), back.synced_step());
            assert!(!back.at_end());
            // Both sides start together.
            assert_eq!(reduce_all((*state).clone(), &[Action::ToStart]).compare_step(), Some(0), "{sync:?}");
            // Forward again, one statement at a time, reaches both ends.
            let mut s = reduce_all((*back).clone(), &[Action::ToStart]);
            for _ in 0..10_000 {
                if s.at_end() {
                    break;
                }
                s = s.reduce(Action::StepForward);
            }
            assert_eq!((s.step, s.compare_step()), (s.last(), Some(other.last())), "{sync:?}");
            // Playing gets there too, and a seek back lets the sides step together again.
            let mut p = reduce_all((*s).clone(), &[Action::Seek(3), Action::SetSpeed(SPEEDS.len() - 1), Action::TogglePlay]);
            for _ in 0..10_000 {
                if !p.playing {
                    break;
                }
                p = p.reduce(Action::Tick);
            }
            assert_eq!(p.compare_step(), Some(other.last()));
            let p = reduce_all((*p).clone(), &[Action::Seek(3)]);
            assert_eq!(p.compare_step(), p.synced_step());
        }
    }

    #[test]
    fn a_rerun_at_the_end_stays_at_the_end() {
        let state = reduce_all(state(), &[Action::ToEnd]);
        let next = reduce_all((*state).clone(), &[Action::SetParam("failing".into(), "none".into())]);
        assert!(next.failure.is_none());
        assert_ne!(next.last(), state.last(), "another run, of another length");
        assert_eq!(next.step, next.last(), "at the end of the new run");
        // Elsewhere, the step stays.
        let mid = reduce_all((*state).clone(), &[Action::Seek(10), Action::SetParam("failing".into(), "none".into())]);
        assert_eq!(mid.step, 10);
    }

    #[test]
    fn selecting_a_coroutine_not_yet_created_goes_to_its_start() {
        let state = state();
        let run = state.run.clone().unwrap();
        let late = run.rec.view.jobs.iter().rfind(|j| j.created_step > 0).expect("a coroutine created later");
        let next = reduce_all(state, &[Action::ToStart, Action::SelectJob(Some(late.id))]);
        assert_eq!((next.step, next.job), (late.created_step, Some(late.id)));
        assert!(next.run.as_ref().unwrap().rec.view.job_at(next.step, late.id).is_some());
    }

    #[test]
    fn the_address_opens_what_it_names() {
        let state = state();
        let here = state.address_hash();
        let start = Rc::new(state);
        assert!(Rc::ptr_eq(&start.clone().reduce(Action::OpenHash(format!("#{here}"))), &start), "the page's own address changes nothing");
        let third = lessons::catalog()[2].id;
        let next = start.clone().reduce(Action::OpenHash(format!("#lesson={third}")));
        assert_eq!(next.lesson().map(|l| l.id.as_str()), Some(third));
        let bad = next.clone().reduce(Action::OpenHash("#lesson=nope".into()));
        assert_eq!(bad.lesson().map(|l| l.id.as_str()), Some(third), "a bad link keeps the lesson on screen");
        assert!(bad.notice.as_deref().is_some_and(|n| n.contains("nope")));
    }

    #[test]
    fn every_lesson_and_variant_runs_without_errors() {
        let mut state = Rc::new(state());
        for i in 0..state.lessons.len() {
            state = state.reduce(Action::SelectLesson(i));
            let n = state.lesson().unwrap().variants.len();
            for v in 0..n {
                state = state.reduce(Action::SelectVariant(v));
                assert!(state.failure.is_none(), "{}: {:?}", state.key(), state.failure);
                assert!(state.run.is_some(), "{}", state.key());
            }
        }
    }

    /// A small seeded generator, so the random tests below are the same on every run.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % n.max(1)
        }
    }

    #[test]
    fn random_actions_never_panic() {
        let mut rng = Lcg(7);
        let mut state = Rc::new(state());
        let texts = ["", "0", "-1", "99999999999999999999", "true", "none", "\"B\"", "1e400", "NaN", "é€", "50"];
        for _ in 0..400 {
            let variant = state.variant().unwrap();
            let action = match rng.next(16) {
                0 => Action::SelectLesson(rng.next(12) as usize),
                1 => Action::SelectVariant(rng.next(4) as usize),
                2 => {
                    // Cut, duplicate or garble a piece of the code, at any byte.
                    let src = state.source.to_string();
                    let bytes = src.as_bytes();
                    let (a, b) = (rng.next(bytes.len() as u64 + 1) as usize, rng.next(bytes.len() as u64 + 1) as usize);
                    let (a, b) = (a.min(b), a.max(b));
                    let mut out = bytes[..a].to_vec();
                    match rng.next(3) {
                        0 => {}
                        1 => out.extend_from_slice(&bytes[a..b]),
                        _ => out.extend_from_slice("{(\"$€".as_bytes()),
                    }
                    out.extend_from_slice(&bytes[b..]);
                    Action::Edit(String::from_utf8_lossy(&out).into_owned())
                }
                3 => Action::Rerun(state.edits),
                4 => {
                    let name = variant.params.get(rng.next(variant.params.len() as u64 + 1) as usize).map(|p| p.name.clone()).unwrap_or_else(|| "nope".into());
                    Action::SetParam(name, texts[rng.next(texts.len() as u64) as usize].to_string())
                }
                5 => Action::Seek(rng.next(u64::MAX)),
                6 => Action::StepForward,
                7 => Action::StepBack,
                8 => Action::EventForward,
                9 => Action::EventBack,
                10 => Action::Tick,
                11 => Action::Answer("q1".into(), "x".into()),
                12 => Action::Reveal,
                13 => Action::ToggleCompare,
                14 => Action::CompareWith(rng.next(3) as usize),
                _ => Action::Share,
            };
            state = state.reduce(action);
            if let Some(run) = &state.run {
                assert!(state.step <= run.last());
            }
            let _ = state.compare_step();
        }
    }

    #[test]
    fn random_links_never_panic() {
        let mut rng = Lcg(11);
        let alphabet: Vec<char> = "lesson=scopes&variant=coroutineScope&params=aMs%3D300&step=12&code=1.2.%41%E2%82%AC#;.=&%".chars().collect();
        for _ in 0..2000 {
            let n = rng.next(80) as usize;
            let hash: String = (0..n).map(|_| alphabet[rng.next(alphabet.len() as u64) as usize]).collect();
            let state = State::boot(Boot { hash, ..Boot::default() });
            assert!(state.run.is_some());
        }
    }

    #[test]
    fn speeds_have_frames() {
        assert_eq!((play_interval_ms(0), frames_per_tick(0)), (500, 1));
        assert!(frames_per_tick(SPEEDS.len() - 1) > 1);
    }
}
