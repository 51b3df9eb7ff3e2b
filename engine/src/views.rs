//! Views of a finished run at any step: the job tree, thread lanes, each coroutine's line,
//! the console, metrics, leak findings, and — through checkpoints of the world — each
//! coroutine's call stack and locals.
//!
//! Everything but stacks and locals is derived from the trace alone: per-object change lists
//! indexed by step, searched with a binary search, so seeking to any step (backwards too)
//! costs a logarithmic lookup per object. Stacks and locals need the simulation's state: a
//! [`Recording`] keeps copies of the world every few thousand steps and replays at most one
//! interval to reach any step. Memory: one world copy (heap, jobs, strands; not the trace)
//! per checkpoint, at most [`MAX_CHECKPOINTS`] of them.

use std::rc::Rc;

use crate::bytecode::Program;
use crate::job::{JobClass, JobState};
use crate::lang::Span;
use crate::strand::{Frame, StrandState};
use crate::trace::{CancelOrigin, Event, EventKind};
use crate::value::{DispatcherId, JobId, StrandId, ThreadId, Value};
use crate::world::{Config, DispatcherKind, World, DEFAULT};

/// Most world copies a recording keeps; the interval between them doubles to stay under it.
pub const MAX_CHECKPOINTS: usize = 256;

/// First interval between checkpoints, in steps.
pub const CHECKPOINT_INTERVAL: u64 = 2_000;

/// Most objects (jobs, strands, heap objects, printed lines) all checkpoints may hold
/// together: a run with 100,000 live coroutines keeps few copies of its big world rather
/// than hundreds (the interval doubles until they fit, as for [`MAX_CHECKPOINTS`]).
pub const MAX_CHECKPOINT_WEIGHT: usize = 2_000_000;

/// Steps between two summaries of where the strands stand (see [`RunView::strands_by_line`]).
const OCCUPANCY_EVERY: u64 = 256;

/// Strands a summary names per line, the lowest ids first: enough for the markers of a line
/// even when some of them leave it before the step asked for.
const OCCUPANCY_KEPT: usize = 64;

/// A run recorded for viewing: the finished world, its views, and checkpoints to rebuild the
/// simulation's state at any step.
#[derive(Debug, Clone)]
pub struct Recording {
    /// The views derived from the trace.
    pub view: RunView,
    /// World copies before steps `interval * k`, without their traces.
    checkpoints: Vec<World>,
    /// Steps between checkpoints.
    pub interval: u64,
    /// The world at the end of the run (its trace's events are in `view.events`).
    pub world: World,
}

impl Recording {
    /// Runs `program` to its end, keeping checkpoints, and derives its views.
    pub fn record(program: Rc<Program>, config: Config) -> Recording {
        let mut world = World::new(program, config);
        let mut checkpoints: Vec<World> = Vec::new();
        let mut interval = CHECKPOINT_INTERVAL;
        let mut held = 0;
        loop {
            if world.steps.is_multiple_of(interval) && checkpoints.last().is_none_or(|c| c.steps != world.steps) {
                let w = weight(&world);
                while checkpoints.len() >= MAX_CHECKPOINTS || (checkpoints.len() > 1 && held + w > MAX_CHECKPOINT_WEIGHT) {
                    // Keep every other copy and double the interval.
                    interval *= 2;
                    checkpoints.retain(|c| c.steps % interval == 0);
                    held = checkpoints.iter().map(weight).sum();
                }
                if world.steps.is_multiple_of(interval) {
                    checkpoints.push(world.checkpoint());
                    held += w;
                }
            }
            if world.step() == crate::world::StepResult::Finished {
                break;
            }
        }
        // The trace moves into the views: one copy of the events, not two.
        let events = std::mem::take(&mut world.trace.events);
        let view = RunView::from_events(&world, events);
        Recording { view, checkpoints, interval, world }
    }

    /// The hash of the run's trace (see [`crate::trace::Trace::hash`]).
    pub fn trace_hash(&self) -> u64 {
        crate::trace::Trace { events: self.view.events.clone() }.hash()
    }

    /// Number of checkpoints kept.
    pub fn n_checkpoints(&self) -> usize {
        self.checkpoints.len()
    }

    /// The simulation's state after `step` steps, rebuilt from the nearest checkpoint.
    pub fn world_at(&self, step: u64) -> World {
        let step = step.min(self.world.steps);
        let idx = match self.checkpoints.binary_search_by_key(&step, |c| c.steps) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let mut w = self.checkpoints[idx].clone();
        w.config.record_statements = false;
        while w.steps < step && w.outcome.is_none() {
            w.step();
        }
        w
    }

    /// The call stack of a coroutine (strand) after `step` steps, innermost frame first,
    /// with the values of its locals.
    pub fn stack_at(&self, step: u64, strand: StrandId) -> Vec<FrameView> {
        let w = self.world_at(step);
        let Some(st) = w.strands.get(strand.0 as usize) else { return Vec::new() };
        let mut out = Vec::new();
        for f in st.frames.iter().rev() {
            let Frame::Code(c) = f else { continue };
            let func = w.program.func(c.func);
            // The instruction a frame is at is the one before `ip`: the call it waits in, or
            // the one that suspended it (as in stack traces and the DebugProbes dump).
            let at = (c.ip as usize).saturating_sub(1).min(func.spans.len().saturating_sub(1));
            let line = func.spans.get(at).map(|s| w.line_of(s.start)).unwrap_or(0);
            let mut locals = Vec::new();
            for (i, name) in func.local_names.iter().enumerate() {
                if name.is_empty() || name.starts_with("this") {
                    continue;
                }
                if func.local_ranges.get(i).is_some_and(|&(start, end)| (at as u32) < start || at as u32 >= end) {
                    continue;
                }
                let Some(v) = st.stack.get(c.base as usize + i) else { continue };
                let v = match v {
                    Value::Obj(o) => match w.heap.get(*o) {
                        crate::value::HeapObj::Cell(inner) => inner.clone(),
                        _ => v.clone(),
                    },
                    other => other.clone(),
                };
                if matches!(v, Value::Absent) {
                    continue;
                }
                let mut text = w.to_kstring(&v);
                if let Value::Str(_) = v {
                    text = format!("\"{text}\"");
                }
                if text.len() > 80 {
                    text.truncate(77);
                    text.push_str("...");
                }
                locals.push((name.clone(), text));
            }
            out.push(FrameView { function: func.name.clone(), line, locals });
        }
        out
    }

    /// The `DebugProbes.dumpCoroutines()` text after `step` steps.
    pub fn dump_at(&self, step: u64) -> String {
        self.world_at(step).debug_dump(None)
    }
}

/// One frame of a coroutine's stack.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameView {
    /// The function (or `lambda`).
    pub function: String,
    /// The line it is at.
    pub line: u32,
    /// Its locals: name and value as Kotlin prints it.
    pub locals: Vec<(String, String)>,
}

/// Static facts about a job, and its history.
#[derive(Debug, Clone, PartialEq)]
pub struct JobInfo {
    /// The job.
    pub id: JobId,
    /// Its class.
    pub class: JobClass,
    /// Its CoroutineName.
    pub name: Option<String>,
    /// A short label: the name, or builder and id.
    pub label: String,
    /// The parent it is linked to (the tree edge).
    pub parent: Option<JobId>,
    /// The scope that launched it when it is not linked to that scope: an island.
    pub detached_from: Option<JobId>,
    /// The step it was created at.
    pub created_step: u64,
    /// The line that created it.
    pub created_line: u32,
    /// The strand running its body.
    pub strand: Option<StrandId>,
    /// Its dispatcher's name.
    pub dispatcher: Option<String>,
    /// Its context as Kotlin prints it, with the job in its final state.
    pub context: String,
    /// How the job itself prints in its context (final state), to show the state at a step.
    self_text: String,
    /// State changes: (step, state).
    pub states: Vec<(u64, JobState)>,
    /// Cancellation requests: (step, cause, origin).
    pub cancels: Vec<(u64, String, CancelOrigin)>,
    /// Failure: (step, exception).
    pub failure: Option<(u64, String)>,
    /// Reported to a handler or as uncaught: (step, exception, uncaught).
    pub reported: Option<(u64, String, bool)>,
}

/// A job at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct JobView {
    /// The job.
    pub id: JobId,
    /// Parent in the tree.
    pub parent: Option<JobId>,
    /// The scope it was launched from when it is detached from it (an island).
    pub detached_from: Option<JobId>,
    /// Builder or kind: `launch`, `async`, `coroutineScope`, `Job()`, ….
    pub builder: &'static str,
    /// Label.
    pub label: String,
    /// Its state at this step.
    pub state: JobState,
    /// How it looks at the step: its state, told apart by suspension and failure.
    pub look: Look,
    /// A supervisor (its children fail alone).
    pub supervisor: bool,
    /// A scope that rethrows to its caller.
    pub scoped: bool,
    /// The cancellation it received by this step, with its cause and where it came from.
    pub cancel: Option<(String, CancelOrigin)>,
    /// The exception its body failed with, by this step.
    pub failure: Option<String>,
    /// The strand running its body.
    pub strand: Option<StrandId>,
    /// The line that created it.
    pub created_line: u32,
    /// Its dispatcher, as `toString()` prints it (`Dispatchers.Default`, `pool-1`, …).
    pub dispatcher: Option<String>,
    /// Its whole context, as `coroutineContext.toString()` prints it.
    pub context: String,
}

/// What a thread does over an interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activity {
    /// Nothing.
    Idle,
    /// Running a strand.
    Running(StrandId),
    /// Blocked while holding a strand (`Thread.sleep`, a monitor).
    Blocked(StrandId, String),
}

/// One interval of a thread's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Start, in virtual µs.
    pub start: u64,
    /// End, in virtual µs.
    pub end: u64,
    /// First step.
    pub start_step: u64,
    /// What the thread does.
    pub activity: Activity,
}

/// A thread's lane over the whole run.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The thread.
    pub thread: ThreadId,
    /// Its name.
    pub name: String,
    /// The dispatcher group it belongs to, for grouping lanes: `main`,
    /// `Dispatchers.Default / IO`, `pool-1`, ….
    pub group: String,
    /// Its intervals in time order.
    pub segments: Vec<Segment>,
}

/// A strand at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StrandView {
    /// The strand.
    pub id: StrandId,
    /// The coroutine it runs.
    pub job: Option<JobId>,
    /// Its label.
    pub label: String,
    /// The line of the statement it ran last.
    pub line: Option<u32>,
    /// Running, queued, suspended, blocked, done.
    pub state: StrandState,
    /// What it waits for, in words.
    pub waiting: String,
    /// The thread it runs on.
    pub thread: Option<ThreadId>,
}

/// A coroutine that outlives the code that should own it.
#[derive(Debug, Clone, PartialEq)]
pub struct LeakFinding {
    /// The coroutine.
    pub job: JobId,
    /// Why it is a leak, in words.
    pub explanation: String,
    /// The line that created it.
    pub line: u32,
}

/// Everything derived from a run's trace.
#[derive(Debug, Clone)]
pub struct RunView {
    /// Steps in the run.
    pub n_steps: u64,
    /// Virtual time at the end, µs.
    pub end_time: u64,
    /// Jobs with their histories.
    pub jobs: Vec<JobInfo>,
    /// Lanes of all threads.
    pub lanes: Vec<Lane>,
    /// Console lines: (step, text, stderr).
    pub console: Vec<(u64, String, bool)>,
    /// Queue depth changes per dispatcher: (step, time, depth).
    pub queues: Vec<(DispatcherId, String, Vec<(u64, u64, u32)>)>,
    /// Live coroutines and simulated bytes over time: (step, time, live, bytes).
    pub metrics: Vec<(u64, u64, u64, u64)>,
    /// Statement steps: (step, strand, line, span).
    pub statements: Vec<(u64, StrandId, u32, Span)>,
    /// Per strand: (step, line) of its statements.
    strand_lines: Vec<Vec<(u64, u32)>>,
    /// Per strand: (step, state, waiting) changes.
    strand_states: Vec<Vec<(u64, StrandState, String, Option<ThreadId>)>>,
    /// Strand labels and jobs.
    strand_info: Vec<(String, Option<JobId>)>,
    /// Where the strands stand every [`OCCUPANCY_EVERY`] steps.
    occupancy: Occupancy,
    /// Index of the first event of each step.
    step_event_start: Vec<usize>,
    /// The trace's events.
    pub events: Vec<Event>,
    /// Leak findings at the end of the run.
    pub leaks: Vec<LeakFinding>,
    /// The roots (index 0) and, for each job (index in `jobs` + 1), its children in the tree.
    families: Vec<Family>,
    /// Thread names.
    pub thread_names: Vec<String>,
}

/// The children of one job (or the roots), and how many of them are in each state over the
/// run, so that a family of 100,000 costs a binary search to sum up.
#[derive(Debug, Clone, Default)]
struct Family {
    /// Indices in `jobs`, in creation order.
    members: Vec<usize>,
    /// After each step that changes them: how many members exist that look each way (by
    /// `Look as usize`), so that the members not drawn are counted as the drawn ones look.
    counts: Vec<(u64, [u32; Look::ALL.len()])>,
}

impl Family {
    /// Moves one member out of a look (`None`: it is new) and into another at a step.
    fn count(&mut self, step: u64, from: Option<Look>, to: Look) {
        let mut now = match self.counts.last() {
            Some(&(s, c)) if s == step => {
                self.counts.pop();
                c
            }
            Some(&(_, c)) => c,
            None => [0; Look::ALL.len()],
        };
        if let Some(f) = from {
            now[f as usize] -= 1;
        }
        now[to as usize] += 1;
        self.counts.push((step, now));
    }
}

/// Which strands stand at which line, summed up at the end of every [`OCCUPANCY_EVERY`]-th
/// step, so that the code pane's markers cost a few hundred steps of events to bring up to
/// date rather than a look at each of 100,000 strands.
#[derive(Debug, Clone, Default)]
struct Occupancy {
    /// For summary `k` (the end of step `k * OCCUPANCY_EVERY`), where its rows start in `rows`.
    starts: Vec<usize>,
    /// (line, strands on it, where its first ids start in `ids`, how many there are), in line
    /// order, lines with no strand left out.
    rows: Vec<(u32, u32, usize, usize)>,
    /// The lowest ids of the strands on each row's line, ascending, at most
    /// [`OCCUPANCY_KEPT`] per row.
    ids: Vec<u32>,
}

/// Where strands stand while the trace is read: each strand's line (none before its first
/// statement and once it is done), and, by line number, how many strands stand on the line
/// and which, as a bit set.
#[derive(Default)]
struct OccupancyBuilder {
    line_of: Vec<Option<u32>>,
    lines: Vec<(u32, Vec<u64>)>,
}

impl OccupancyBuilder {
    fn new(n_strands: usize) -> OccupancyBuilder {
        OccupancyBuilder { line_of: vec![None; n_strands], lines: Vec::new() }
    }

    /// A strand moves to a line, or off every line (`None`: it is done).
    fn moved(&mut self, strand: StrandId, to: Option<u32>) {
        let i = strand.0 as usize;
        let Some(now) = self.line_of.get_mut(i) else { return };
        if *now == to {
            return;
        }
        if let Some(from) = now.take() {
            if let Some((n, bits)) = self.lines.get_mut(from as usize) {
                *n -= 1;
                bits[i / 64] &= !(1 << (i % 64));
            }
        }
        if let Some(to) = to {
            if self.lines.len() <= to as usize {
                self.lines.resize_with(to as usize + 1, Default::default);
            }
            let (n, bits) = &mut self.lines[to as usize];
            if bits.len() <= i / 64 {
                bits.resize(i / 64 + 1, 0);
            }
            *n += 1;
            bits[i / 64] |= 1 << (i % 64);
        }
        *now = to;
    }

    /// Appends a summary of where the strands stand now.
    fn summarise(&self, out: &mut Occupancy) {
        out.starts.push(out.rows.len());
        for (line, (n, bits)) in self.lines.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let first = out.ids.len();
            'words: for (w, &word) in bits.iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    if out.ids.len() - first == OCCUPANCY_KEPT {
                        break 'words;
                    }
                    out.ids.push((w * 64) as u32 + word.trailing_zeros());
                    word &= word - 1;
                }
            }
            out.rows.push((line as u32, *n, first, out.ids.len() - first));
        }
    }
}

/// How a job looks at a step: its state, told apart further by whether its coroutine is
/// suspended and whether its body failed. The tree draws each look as a shape, a word and a
/// colour, and counts the children it does not draw by look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Look {
    /// Lazy, not started.
    New,
    /// Running or ready to run.
    Active,
    /// Active, its coroutine suspended.
    Suspended,
    /// Body done, waiting for children.
    Completing,
    /// Cancelling.
    Cancelling,
    /// Cancelled.
    Cancelled,
    /// Its body threw.
    Failed,
    /// Completed.
    Completed,
}

impl Look {
    /// Every look, in the order of `Look as usize`.
    pub const ALL: [Look; 8] = [Look::New, Look::Active, Look::Suspended, Look::Completing, Look::Cancelling, Look::Cancelled, Look::Failed, Look::Completed];

    /// The look of a job in a state, failed or not, its coroutine suspended or not.
    pub fn of_parts(state: JobState, failed: bool, suspended: bool) -> Look {
        match (state, failed, suspended) {
            (_, true, _) => Look::Failed,
            (JobState::Active, _, true) => Look::Suspended,
            (JobState::New, ..) => Look::New,
            (JobState::Active, ..) => Look::Active,
            (JobState::Completing, ..) => Look::Completing,
            (JobState::Cancelling, ..) => Look::Cancelling,
            (JobState::Cancelled, ..) => Look::Cancelled,
            (JobState::Completed, ..) => Look::Completed,
        }
    }

    /// The shape that carries the look without colour.
    pub fn glyph(self) -> &'static str {
        ["○", "●", "◌", "◔", "◐", "⊘", "✖", "✔"][self as usize]
    }

    /// The word for it.
    pub fn word(self) -> &'static str {
        ["new", "active", "suspended", "completing", "cancelling", "cancelled", "failed", "completed"][self as usize]
    }
}

impl RunView {
    /// Derives the views from a finished world's trace.
    pub fn new(world: &World) -> RunView {
        RunView::from_events(world, world.trace.events.clone())
    }

    /// Derives the views from a finished world and its trace's events, taken out of it.
    pub fn from_events(world: &World, events: Vec<Event>) -> RunView {
        let n_steps = world.steps;
        let mut jobs: Vec<JobInfo> = Vec::new();
        let mut lanes: Vec<Lane> = Vec::new();
        let mut console = Vec::new();
        let mut queues: Vec<(DispatcherId, String, Vec<(u64, u64, u32)>)> = Vec::new();
        let mut metrics = Vec::new();
        let mut statements = Vec::new();
        let n_strands = world.strands.len();
        let mut strand_lines: Vec<Vec<(u64, u32)>> = vec![Vec::new(); n_strands];
        let mut strand_states: Vec<Vec<(u64, StrandState, String, Option<ThreadId>)>> = vec![Vec::new(); n_strands];
        let mut step_event_start = vec![0usize; n_steps as usize + 2];
        let mut last_step = 0u64;
        let mut occupancy = Occupancy::default();
        let mut on_lines = OccupancyBuilder::new(n_strands);
        // Job ids are dense: the views' index of a job is kept by id.
        let mut index_of: Vec<Option<usize>> = vec![None; world.jobs.len()];
        let job_index = |index_of: &Vec<Option<usize>>, id: JobId| index_of.get(id.0 as usize).copied().flatten();
        let mut families: Vec<Family> = vec![Family::default()];
        // The family of each job, by index in `jobs`, how it looks, and whether its
        // coroutine is suspended; the jobs of each strand (a scope runs on its caller's).
        let mut family_of: Vec<usize> = Vec::new();
        let mut look_of: Vec<Look> = Vec::new();
        let mut suspended: Vec<bool> = Vec::new();
        let mut jobs_of_strand: Vec<Vec<usize>> = vec![Vec::new(); n_strands];
        // A job's look changes with its state, its failure and its coroutine's suspensions.
        let relook = |i: usize, step: u64, jobs: &Vec<JobInfo>, suspended: &Vec<bool>, look_of: &mut Vec<Look>, families: &mut Vec<Family>, family_of: &Vec<usize>| {
            let state = jobs[i].states.last().map_or(JobState::Active, |s| s.1);
            let look = Look::of_parts(state, jobs[i].failure.is_some(), suspended[i]);
            if look != look_of[i] {
                families[family_of[i]].count(step, Some(look_of[i]), look);
                look_of[i] = look;
            }
        };
        for (i, e) in events.iter().enumerate() {
            while last_step < e.step {
                // Every event of `last_step` has been read: it ends here.
                if last_step.is_multiple_of(OCCUPANCY_EVERY) {
                    on_lines.summarise(&mut occupancy);
                }
                last_step += 1;
                if (last_step as usize) < step_event_start.len() {
                    step_event_start[last_step as usize] = i;
                }
            }
            match &e.kind {
                EventKind::JobCreated { job, class, name, .. } => {
                    let j = world.job(*job);
                    let parent = if j.linked { j.parent } else { None };
                    let detached_from = j.would_be_parent.or(if j.linked { None } else { j.parent }).filter(|p| *p != JobId::NON_CANCELLABLE);
                    let state = if matches!(class, JobClass::LazyStandalone | JobClass::LazyDeferred) { JobState::New } else { JobState::Active };
                    let family = parent.or(detached_from).and_then(|p| job_index(&index_of, p)).map_or(0, |p| p + 1);
                    families[family].members.push(jobs.len());
                    // Its coroutine may have run before the job was recorded (runBlocking's).
                    let is_suspended = j.strand.and_then(|s| strand_states.get(s.0 as usize)).and_then(|v| v.last()).is_some_and(|l| l.1 == StrandState::Suspended);
                    let look = Look::of_parts(state, false, is_suspended);
                    families[family].count(e.step, None, look);
                    family_of.push(family);
                    look_of.push(look);
                    suspended.push(is_suspended);
                    if let Some(of_strand) = j.strand.and_then(|s| jobs_of_strand.get_mut(s.0 as usize)) {
                        of_strand.push(jobs.len());
                    }
                    families.push(Family::default());
                    index_of[job.0 as usize] = Some(jobs.len());
                    jobs.push(JobInfo {
                        id: *job,
                        class: *class,
                        name: name.clone(),
                        label: world.job_label(*job),
                        parent,
                        detached_from,
                        created_step: e.step,
                        created_line: world.line_of(j.span.start),
                        strand: j.strand,
                        dispatcher: j.ctx.dispatcher.map(|d| world.dispatcher_name(d)),
                        context: world.to_kstring(&crate::value::Value::Ctx(j.ctx.clone())),
                        self_text: world.job_to_string(*job),
                        states: vec![(e.step, state)],
                        cancels: Vec::new(),
                        failure: None,
                        reported: None,
                    });
                }
                EventKind::JobState { job, state } => {
                    if let Some(i) = job_index(&index_of, *job) {
                        let before = jobs[i].states.last().map(|s| s.1);
                        if before != Some(*state) {
                            jobs[i].states.push((e.step, *state));
                            relook(i, e.step, &jobs, &suspended, &mut look_of, &mut families, &family_of);
                            // A finished job looks the same whatever its strand does next: a
                            // strand that runs 100,000 scopes one after another keeps a short list.
                            if matches!(state, JobState::Completed | JobState::Cancelled) {
                                if let Some(of_strand) = jobs[i].strand.and_then(|s| jobs_of_strand.get_mut(s.0 as usize)) {
                                    of_strand.retain(|&k| k != i);
                                }
                            }
                        }
                    }
                }
                EventKind::CancelRequested { job, cause, origin } => {
                    if let Some(i) = job_index(&index_of, *job) {
                        jobs[i].cancels.push((e.step, cause.clone(), *origin));
                    }
                }
                EventKind::Failed { job, exception } => {
                    if let Some(i) = job_index(&index_of, *job) {
                        jobs[i].failure.get_or_insert((e.step, exception.clone()));
                        relook(i, e.step, &jobs, &suspended, &mut look_of, &mut families, &family_of);
                    }
                }
                EventKind::HandlerInvoked { job, exception, uncaught } => {
                    if let Some(i) = job_index(&index_of, *job) {
                        jobs[i].reported = Some((e.step, exception.clone(), *uncaught));
                    }
                }
                EventKind::Printed { text, stderr } => console.push((e.step, text.clone(), *stderr)),
                EventKind::Statement { strand, line, span } => {
                    statements.push((e.step, *strand, *line, *span));
                    if let Some(v) = strand_lines.get_mut(strand.0 as usize) {
                        v.push((e.step, *line));
                    }
                    on_lines.moved(*strand, Some(*line));
                }
                EventKind::ThreadState { thread, strand, blocked } => {
                    let t = thread.0 as usize;
                    while lanes.len() <= t {
                        let id = ThreadId(lanes.len() as u32);
                        lanes.push(Lane { thread: id, name: world.threads[id.0 as usize].name.clone(), group: lane_group(world, id), segments: Vec::new() });
                    }
                    let activity = match (strand, blocked) {
                        (Some(s), Some(b)) => Activity::Blocked(*s, b.clone()),
                        (Some(s), None) => Activity::Running(*s),
                        (None, _) => Activity::Idle,
                    };
                    let segs = &mut lanes[t].segments;
                    if let Some(last) = segs.last_mut() {
                        last.end = e.time;
                    }
                    segs.push(Segment { start: e.time, end: e.time, start_step: e.step, activity });
                }
                EventKind::QueueDepth { dispatcher, depth } => {
                    let d = *dispatcher;
                    let pos = match queues.iter().position(|q| q.0 == d) {
                        Some(p) => p,
                        None => {
                            queues.push((d, world.dispatcher_name(d), Vec::new()));
                            queues.len() - 1
                        }
                    };
                    queues[pos].2.push((e.step, e.time, *depth));
                }
                EventKind::Metrics { live, bytes } => metrics.push((e.step, e.time, *live, *bytes)),
                _ => {}
            }
            // Strand states, from the events that change them.
            let change = match &e.kind {
                EventKind::Dispatched { strand, .. } => Some((*strand, StrandState::Queued, "waiting for a thread".to_string(), None)),
                EventKind::Started { strand } | EventKind::Unblocked { strand } => Some((*strand, StrandState::Running, String::new(), e.thread)),
                EventKind::Suspended { strand, reason } => Some((*strand, StrandState::Suspended, reason.clone(), None)),
                EventKind::Blocked { strand, reason } => Some((*strand, StrandState::Blocked, reason.clone(), e.thread)),
                EventKind::StrandDone { strand } => Some((*strand, StrandState::Done, String::new(), None)),
                EventKind::Statement { strand, .. } => {
                    let last = strand_states.get(strand.0 as usize).and_then(|v| v.last());
                    if last.is_none_or(|l| l.1 != StrandState::Running) { Some((*strand, StrandState::Running, String::new(), e.thread)) } else { None }
                }
                _ => None,
            };
            if let Some((s, state, why, thread)) = change {
                if state == StrandState::Done {
                    on_lines.moved(s, None);
                }
                if let Some(v) = strand_states.get_mut(s.0 as usize) {
                    v.push((e.step, state, why, thread));
                }
                for &i in jobs_of_strand.get(s.0 as usize).map_or(&[][..], |v| &v[..]) {
                    suspended[i] = state == StrandState::Suspended;
                    relook(i, e.step, &jobs, &suspended, &mut look_of, &mut families, &family_of);
                }
            }
        }
        while (last_step as usize) + 1 < step_event_start.len() {
            if last_step.is_multiple_of(OCCUPANCY_EVERY) {
                on_lines.summarise(&mut occupancy);
            }
            last_step += 1;
            step_event_start[last_step as usize] = events.len();
        }
        let end_time = world.now;
        for lane in lanes.iter_mut() {
            if let Some(last) = lane.segments.last_mut() {
                last.end = end_time.max(last.end);
            }
            lane.segments.retain(|s| s.end > s.start || s.activity != Activity::Idle);
        }
        let strand_info = world.strands.iter().map(|s| (s.label.clone(), s.job)).collect();
        let leaks = find_leaks(world, &jobs);
        RunView {
            n_steps,
            end_time,
            jobs,
            lanes,
            console,
            queues,
            metrics,
            statements,
            strand_lines,
            strand_states,
            strand_info,
            occupancy,
            step_event_start,
            events,
            leaks,
            families,
            thread_names: world.thread_names(),
        }
    }

    /// The events of one step.
    pub fn events_of(&self, step: u64) -> &[Event] {
        let s = step as usize;
        let (Some(&a), b) = (self.step_event_start.get(s), self.step_event_start.get(s + 1).copied()) else { return &[] };
        &self.events[a..b.unwrap_or(self.events.len()).max(a)]
    }

    /// Virtual time at the end of a step.
    pub fn time_at(&self, step: u64) -> u64 {
        let idx = self.step_event_start.get(step as usize + 1).copied().unwrap_or(self.events.len());
        if idx == 0 {
            return 0;
        }
        self.events[..idx].last().map(|e| e.time).unwrap_or(0)
    }

    /// The job tree at a step: every job created by then, with its state then.
    pub fn jobs_at(&self, step: u64) -> Vec<JobView> {
        self.jobs.iter().take_while(|j| j.created_step <= step).filter_map(|j| self.job_at(step, j.id)).collect()
    }

    /// The job as it is at a step, or `None` before it exists.
    pub fn job_at(&self, step: u64, id: JobId) -> Option<JobView> {
        let j = self.jobs.get(self.job_index(id)?)?;
        if j.created_step > step {
            return None;
        }
        let state = last_before(&j.states, step).map(|s| s.1).unwrap_or(JobState::Active);
        let cancel = j.cancels.iter().take_while(|c| c.0 <= step).next().map(|c| (c.1.clone(), c.2));
        let failure = j.failure.as_ref().filter(|f| f.0 <= step).map(|f| f.1.clone());
        let suspended = j.strand.and_then(|s| self.strand_at(step, s)).is_some_and(|s| s.state == StrandState::Suspended);
        Some(JobView {
            look: Look::of_parts(state, failure.is_some(), suspended),
            id: j.id,
            parent: j.parent,
            detached_from: j.detached_from,
            builder: j.class.builder(),
            label: j.label.clone(),
            state,
            supervisor: j.class.is_supervisor(),
            scoped: j.class.is_scoped(),
            cancel,
            failure,
            strand: j.strand,
            created_line: j.created_line,
            dispatcher: j.dispatcher.clone(),
            // The job prints with its state: show the one it has at this step.
            context: match j.self_text.split_once('{').zip(j.self_text.split_once('}')) {
                Some(((head, _), (_, tail))) => j.context.replace(&j.self_text, &format!("{head}{{{}}}{tail}", state.name())),
                None => j.context.clone(),
            },
        })
    }

    /// The children of a job (or the roots, for `None`) that exist at a step: the first
    /// `limit` of them, and how many there are in each state — so that a tree with 100,000
    /// coroutines costs only the rows it draws. An island is listed under the scope it was
    /// launched from when it has no parent.
    pub fn children_at(&self, step: u64, parent: Option<JobId>, limit: usize) -> (Vec<JobView>, Vec<(Look, usize)>) {
        let family = match parent {
            Some(p) => match self.job_index(p) {
                Some(i) => &self.families[i + 1],
                None => return (Vec::new(), Vec::new()),
            },
            None => &self.families[0],
        };
        let mut shown = Vec::new();
        for &i in &family.members {
            let j = &self.jobs[i];
            // Children are listed in creation order: none after this one exists yet.
            if shown.len() >= limit || j.created_step > step {
                break;
            }
            shown.extend(self.job_at(step, j.id));
        }
        let counts = match last_before(&family.counts, step) {
            Some((_, by_look)) => Look::ALL.iter().zip(by_look).filter(|(_, &n)| n > 0).map(|(&l, &n)| (l, n as usize)).collect(),
            None => Vec::new(),
        };
        (shown, counts)
    }

    /// A job's static facts and history.
    pub fn job_info(&self, id: JobId) -> Option<&JobInfo> {
        self.jobs.get(self.job_index(id)?)
    }

    /// How many jobs exist at a step.
    pub fn jobs_created_by(&self, step: u64) -> usize {
        self.jobs.partition_point(|j| j.created_step <= step)
    }

    fn job_index(&self, id: JobId) -> Option<usize> {
        // Jobs are created with increasing ids; NonCancellable (id 0) has no entry.
        let guess = (id.0 as usize).checked_sub(1)?;
        match self.jobs.get(guess) {
            Some(j) if j.id == id => Some(guess),
            _ => self.jobs.iter().position(|j| j.id == id),
        }
    }

    /// The line a strand ran last at a step.
    pub fn line_of(&self, strand: StrandId, step: u64) -> Option<u32> {
        last_before(self.strand_lines.get(strand.0 as usize)?, step).map(|l| l.1)
    }

    /// A strand's label and the coroutine it runs.
    pub fn strand(&self, id: StrandId) -> Option<(&str, Option<JobId>)> {
        self.strand_info.get(id.0 as usize).map(|(l, j)| (l.as_str(), *j))
    }

    /// Every strand that exists at a step, with its line, state and thread.
    pub fn strands_at(&self, step: u64) -> Vec<StrandView> {
        (0..self.strand_states.len()).filter_map(|i| self.strand_at(step, StrandId(i as u32))).collect()
    }

    /// A strand at a step, with its line, state and thread; `None` before it exists.
    pub fn strand_at(&self, step: u64, id: StrandId) -> Option<StrandView> {
        let i = id.0 as usize;
        let states = self.strand_states.get(i)?;
        if states.first()?.0 > step {
            return None;
        }
        let (_, state, waiting, thread) = states[states.partition_point(|x| x.0 <= step) - 1].clone();
        let line = last_before(&self.strand_lines[i], step).map(|l| l.1);
        let (label, job) = self.strand_info[i].clone();
        Some(StrandView { id, job, label, line, state, waiting, thread })
    }

    /// Where the coroutines (and threads' own code) stand at a step: each line with strands
    /// that are not done on it, in line order, with how many there are and the first `limit`
    /// of them by id. It starts from the summary at or before the step and reads the events
    /// since, so it costs at most [`OCCUPANCY_EVERY`] steps of events, not a look at every
    /// strand.
    pub fn strands_by_line(&self, step: u64, limit: usize) -> Vec<(u32, usize, Vec<StrandView>)> {
        let step = step.min(self.n_steps);
        let k = (step / OCCUPANCY_EVERY) as usize;
        let base = k as u64 * OCCUPANCY_EVERY;
        let Some(&first_row) = self.occupancy.starts.get(k) else { return self.strands_by_line_scan(step, limit) };
        let last_row = self.occupancy.starts.get(k + 1).copied().unwrap_or(self.occupancy.rows.len());
        // The summary: (line, count, its first ids, and the last of them when they are not all
        // the strands on the line).
        let mut lines: Vec<(u32, usize, Vec<u32>, Option<u32>)> = self.occupancy.rows[first_row..last_row]
            .iter()
            .map(|&(line, n, at, len)| {
                let ids = &self.occupancy.ids[at..at + len];
                (line, n as usize, ids.to_vec(), ids.last().copied().filter(|_| n as usize > len))
            })
            .collect();
        // The strands that moved since, with where they stood at the summary and stand now.
        let mut moved: Vec<(u32, Option<u32>, Option<u32>)> = Vec::new();
        for e in self.events_between(base, step) {
            let (strand, to) = match &e.kind {
                EventKind::Statement { strand, line, .. } => (*strand, Some(*line)),
                EventKind::StrandDone { strand } => (*strand, None),
                _ => continue,
            };
            match moved.binary_search_by_key(&strand.0, |m| m.0) {
                Ok(i) => moved[i].2 = to,
                Err(i) => moved.insert(i, (strand.0, self.standing_at(strand, base), to)),
            }
        }
        for &(id, from, to) in moved.iter().filter(|m| m.1 != m.2) {
            if let Some(row) = from.and_then(|l| lines.iter_mut().find(|r| r.0 == l)) {
                row.1 -= 1;
                row.2.retain(|&x| x != id);
            }
            if let Some(line) = to {
                let at = match lines.binary_search_by_key(&line, |r| r.0) {
                    Ok(at) => at,
                    Err(at) => {
                        lines.insert(at, (line, 0, Vec::new(), None));
                        at
                    }
                };
                let row = &mut lines[at];
                row.1 += 1;
                if let Err(i) = row.2.binary_search(&id) {
                    row.2.insert(i, id);
                }
            }
        }
        lines
            .into_iter()
            .filter(|r| r.1 > 0)
            .map(|(line, n, ids, bound)| {
                // Strands past the summary's last kept id were not named: the list is right up
                // to that id, unless it named every strand on the line. Past it, the strands
                // are looked at one by one, from that id up, until there are enough.
                let mut ids = ids;
                if let Some(bound) = bound {
                    ids.retain(|&x| x <= bound);
                    let strands = self.strand_states.len() as u32;
                    let mut next = bound + 1;
                    while ids.len() < limit.min(n) && next < strands {
                        if self.standing_at(StrandId(next), step) == Some(line) {
                            ids.push(next);
                        }
                        next += 1;
                    }
                }
                let views: Vec<StrandView> = ids.into_iter().take(limit).filter_map(|id| self.strand_at(step, StrandId(id))).collect();
                (line, n, views)
            })
            .collect()
    }

    /// [`RunView::strands_by_line`] the slow way, a look at every strand.
    #[inline(never)]
    fn strands_by_line_scan(&self, step: u64, limit: usize) -> Vec<(u32, usize, Vec<StrandView>)> {
        let mut lines: Vec<(u32, usize, Vec<StrandId>)> = Vec::new();
        for i in 0..self.strand_states.len() {
            let Some(line) = self.standing_at(StrandId(i as u32), step) else { continue };
            let at = match lines.binary_search_by_key(&line, |l| l.0) {
                Ok(k) => k,
                Err(k) => {
                    lines.insert(k, (line, 0, Vec::new()));
                    k
                }
            };
            lines[at].1 += 1;
            if lines[at].2.len() < limit {
                lines[at].2.push(StrandId(i as u32));
            }
        }
        lines.into_iter().map(|(line, n, ids)| (line, n, ids.into_iter().filter_map(|id| self.strand_at(step, id)).collect())).collect()
    }

    /// The line a strand stands at after a step: none before its first statement and once
    /// it is done.
    fn standing_at(&self, strand: StrandId, step: u64) -> Option<u32> {
        let states = self.strand_states.get(strand.0 as usize)?;
        let n = states.partition_point(|x| x.0 <= step);
        if n == 0 || states[n - 1].1 == StrandState::Done {
            return None;
        }
        last_before(&self.strand_lines[strand.0 as usize], step).map(|l| l.1)
    }

    /// The events of the steps after `after`, up to and including `until`.
    fn events_between(&self, after: u64, until: u64) -> &[Event] {
        let start = |s: u64| self.step_event_start.get(s as usize).copied().unwrap_or(self.events.len());
        let (a, b) = (start(after + 1), start(until + 1));
        &self.events[a.min(b)..b]
    }

    /// What each thread does at a step.
    pub fn threads_at(&self, step: u64) -> Vec<(ThreadId, String, Activity)> {
        self.lanes
            .iter()
            .filter(|l| l.segments.first().is_some_and(|s| s.start_step <= step))
            .map(|l| {
                let n = l.segments.partition_point(|s| s.start_step <= step);
                (l.thread, l.name.clone(), l.segments[n - 1].activity.clone())
            })
            .collect()
    }

    /// The console lines printed by a step.
    pub fn console_at(&self, step: u64) -> &[(u64, String, bool)] {
        let n = self.console.partition_point(|c| c.0 <= step);
        &self.console[..n]
    }

    /// The next step after `step` that runs a statement (for stepping by statement).
    pub fn next_statement(&self, step: u64) -> Option<u64> {
        let i = self.statements.partition_point(|s| s.0 <= step);
        self.statements.get(i).map(|s| s.0)
    }

    /// The last step before `step` that ran a statement.
    pub fn prev_statement(&self, step: u64) -> Option<u64> {
        let i = self.statements.partition_point(|s| s.0 < step);
        if i == 0 { None } else { Some(self.statements[i - 1].0) }
    }

    /// Live coroutines and bytes at a step.
    pub fn metrics_at(&self, step: u64) -> (u64, u64) {
        let n = self.metrics.partition_point(|m| m.0 <= step);
        if n == 0 { (0, 0) } else { (self.metrics[n - 1].2, self.metrics[n - 1].3) }
    }

    /// The step that printed the `n`-th console line.
    pub fn step_of_output(&self, n: usize) -> Option<u64> {
        self.console.get(n).map(|c| c.0)
    }

    /// What happened in a step, for screen readers and the narration line: clauses joined by
    /// "; ", left as built, so a sentence that starts with a name of the code
    /// (`runBlocking#1`) keeps its spelling; the caller puts it after its own words.
    pub fn narrate(&self, step: u64) -> String {
        let label = |j: JobId| self.job_info(j).map(|x| x.label.clone()).unwrap_or_else(|| format!("job {}", j.0));
        let strand_label = |s: StrandId| self.strand_info.get(s.0 as usize).map(|x| x.0.clone()).unwrap_or_default();
        let mut parts: Vec<String> = Vec::new();
        for e in self.events_of(step) {
            let t = e.thread.and_then(|t| self.thread_names.get(t.0 as usize)).cloned().unwrap_or_default();
            let text = match &e.kind {
                EventKind::Statement { strand, line, .. } => Some(format!("{} runs line {line} on {t}", strand_label(*strand))),
                EventKind::JobCreated { job, .. } => Some(format!("{} is created", label(*job))),
                EventKind::Failed { job, exception } => Some(format!("{} failed with {}", label(*job), short_exception(exception))),
                EventKind::CancelRequested { job, origin, cause } => Some(match origin {
                    CancelOrigin::Parent(p) => format!("its parent {} is cancelling {}", label(*p), label(*job)),
                    CancelOrigin::Child(c) => format!("the failure of {} cancels its parent {}", label(*c), label(*job)),
                    CancelOrigin::Explicit(_) => format!("{} is cancelled by cancel()", label(*job)),
                    CancelOrigin::Timeout => format!("{} timed out ({})", label(*job), short_exception(cause)),
                }),
                // A job that failed ends Cancelled, as on the JVM; the tree says "failed", and so
                // does the sentence.
                EventKind::JobState { job, state: JobState::Cancelled } if self.job_info(*job).is_some_and(|j| j.failure.is_some()) => Some(format!("{} has failed", label(*job))),
                EventKind::JobState { job, state } if matches!(state, JobState::Completed | JobState::Cancelled) => Some(format!("{} is {}", label(*job), state.name().to_ascii_lowercase())),
                EventKind::HandlerInvoked { job, exception, uncaught } => Some(if *uncaught {
                    format!("nobody handles the failure of {}: {} is printed as uncaught", label(*job), short_exception(exception))
                } else {
                    format!("the CoroutineExceptionHandler receives {} from {}", short_exception(exception), label(*job))
                }),
                EventKind::Suspended { strand, reason } => Some(format!("{} suspends: {reason}", strand_label(*strand))),
                EventKind::Blocked { strand, reason } => Some(format!("{} blocks thread {t}: {reason}", strand_label(*strand))),
                EventKind::Dispatched { strand, .. } => Some(format!("{} is queued for a thread", strand_label(*strand))),
                EventKind::Started { strand } => Some(format!("thread {t} picks up {}", strand_label(*strand))),
                EventKind::Printed { text, .. } => Some(format!("prints \"{text}\"")),
                EventKind::ThreadCreated { name, .. } => Some(format!("thread {name} starts")),
                EventKind::LockWaiting { strand, .. } => Some(format!("{} waits for a lock", strand_label(*strand))),
                EventKind::TimerFired => Some("a timer fires".to_string()),
                EventKind::Ended { exit_code } => Some(format!("the program ends (exit code {exit_code})")),
                _ => None,
            };
            if let Some(t) = text {
                if !parts.contains(&t) {
                    parts.push(t);
                }
            }
        }
        parts.join("; ")
    }
}

fn short_exception(e: &str) -> String {
    let (class, rest) = e.split_once(':').unwrap_or((e, ""));
    let simple = class.rsplit('.').next().unwrap_or(class);
    let msg = rest.split("; job=").next().unwrap_or("").trim();
    if msg.is_empty() { simple.to_string() } else { format!("{simple}(\"{msg}\")") }
}

/// What a copy of the world holds, roughly: its jobs, strands, heap objects and printed lines.
fn weight(world: &World) -> usize {
    world.jobs.len() + world.strands.len() + world.heap.len() + world.output.len()
}

fn last_before<T>(v: &[(u64, T)], step: u64) -> Option<&(u64, T)> {
    let n = v.partition_point(|x| x.0 <= step);
    if n == 0 { None } else { Some(&v[n - 1]) }
}

/// Lanes are grouped by dispatcher.
fn lane_group(world: &World, t: ThreadId) -> String {
    let th = &world.threads[t.0 as usize];
    match th.serves {
        Some(d) if d == DEFAULT => "Dispatchers.Default / IO".into(),
        Some(d) => match world.dispatchers[d.0 as usize].kind {
            DispatcherKind::Pool => world.dispatchers[d.0 as usize].name.clone(),
            _ => world.dispatcher_name(d),
        },
        None => th.name.clone(),
    }
}

/// Coroutines still alive when the program ended, and why that is a leak.
fn find_leaks(world: &World, jobs: &[JobInfo]) -> Vec<LeakFinding> {
    let mut out = Vec::new();
    for info in jobs {
        let j = world.job(info.id);
        if !j.class.is_coroutine() || j.class.is_scoped() || j.is_completed() {
            continue;
        }
        let explanation = match info.detached_from {
            Some(scope) => {
                let s = world.job(scope);
                let scope_label = world.job_label(scope);
                if s.class.is_coroutine() {
                    format!(
                        "{} was launched from {scope_label} with its own Job, so it is not its child: {scope_label} did not wait for it and cancelling it does not reach it (an island)",
                        info.label
                    )
                } else {
                    format!("{} belongs to {scope_label}, which nothing cancels: it outlived the code that started it", info.label)
                }
            }
            None if j.parent.is_none() => format!("{} runs in GlobalScope: no scope owns it, nothing cancels it, and it was still alive when the program ended", info.label),
            None => format!("{} was still alive when the program ended", info.label),
        };
        out.push(LeakFinding { job: info.id, explanation, line: info.created_line });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: &str) -> Recording {
        let (program, diagnostics) = crate::compile_source(source, "Main.kt");
        let program = program.unwrap_or_else(|| panic!("{diagnostics:?}"));
        Recording::record(Rc::new(program), Config { seed: 7, ..Config::default() })
    }

    /// The markers' summary brought up to date equals a look at every strand, at every step:
    /// with more strands on a line than a summary names, strands leaving a line lowest id
    /// first and last id first, and several threads.
    #[test]
    fn strands_by_line_equals_a_look_at_every_strand() {
        let fan = r#"import kotlinx.coroutines.*

fun main() = runBlocking {
    repeat(150) { i ->
        launch(Dispatchers.Default) {
            delay(10L + i)
            Thread.sleep(1)
            delay(2000L - 10 * i)
        }
    }
    repeat(40) { i ->
        launch {
            delay(5000L - i)
        }
    }
    println("started")
}
"#;
        for (source, crowded) in [(fan, true), (include_str!("../../lessons/content/05-limits/scenario.kt"), false)] {
            let rec = record(source);
            let v = &rec.view;
            assert!(v.n_steps > 3 * OCCUPANCY_EVERY, "the run spans several summaries");
            let mut most = 0;
            for step in 0..=v.n_steps {
                for limit in [3, 23, 100] {
                    let fast: Vec<(u32, usize, Vec<StrandId>)> =
                        v.strands_by_line(step, limit).into_iter().map(|(l, n, s)| (l, n, s.into_iter().map(|s| s.id).collect())).collect();
                    let slow: Vec<(u32, usize, Vec<StrandId>)> =
                        v.strands_by_line_scan(step, limit).into_iter().map(|(l, n, s)| (l, n, s.into_iter().map(|s| s.id).collect())).collect();
                    assert_eq!(fast, slow, "step {step}, limit {limit}");
                    most = most.max(fast.iter().map(|r| r.1).max().unwrap_or(0));
                }
            }
            if crowded {
                assert!(most > OCCUPANCY_KEPT, "a line holds more strands than a summary names");
            }
        }
    }
}
