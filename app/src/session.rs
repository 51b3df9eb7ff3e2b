//! One run of a scenario, recorded for viewing, and what the page derives from it once per
//! run: the steps that count as events, the thread lanes and charts reduced to what a screen
//! can show, and the colour of each coroutine. Everything else the page asks the engine's
//! views for at the step on screen.
//!
//! Plain Rust without the DOM, so the reducer's tests run it natively.

use std::rc::Rc;

use engine::lang::params::ParamValue;
use engine::lang::{Diagnostic, LineIndex};
use engine::trace::EventKind;
use engine::value::{JobId, StrandId};
use engine::views::{Activity, Recording};
pub use engine::views::Look;
use engine::{Config, Outcome};
use lessons::{Prepared, Variant};

/// Steps a run in the page may take before it stops with a diagnostic.
pub const MAX_STEPS: u64 = 2_000_000;

/// Coroutines alive at once before a run in the page stops with a diagnostic.
pub const MAX_LIVE_COROUTINES: u64 = 200_000;

/// Width of the lane and chart coordinates: x goes from 0 to this.
pub const WIDTH: f64 = 1000.0;

/// Colours a coroutine can take; the page's palette has this many.
pub const HUES: u32 = 8;

/// Why a scenario did not run.
#[derive(Debug, Clone, PartialEq)]
pub enum RunFailure {
    /// A parameter value the variant refuses, or a parameter the code no longer declares.
    Params(String),
    /// Errors in the code: nothing ran.
    Compile(Vec<Diagnostic>),
}

/// A recorded run and its derived views.
#[derive(Debug)]
pub struct Run {
    /// The recording: views at any step, stacks, dumps.
    pub rec: Recording,
    /// The program that ran: the code with the parameter values in place, every
    /// parameter's value, and the simulated cores.
    pub prepared: Prepared,
    /// Lines of the program that ran (the code with parameter values in place).
    pub index: LineIndex,
    /// Steps with an event worth stopping at (not only a statement or bookkeeping), in order.
    pub event_steps: Vec<u64>,
    /// The thread lanes over virtual time and over steps.
    pub lanes_by_time: Rc<Lanes>,
    /// The thread lanes over steps.
    pub lanes_by_step: Rc<Lanes>,
    /// Live coroutines and simulated memory across the width, over virtual time and over
    /// steps: (x, live, bytes), the largest values of each stretch.
    pub metrics_by_time: Rc<Vec<(f64, u64, u64)>>,
    /// The same over steps.
    pub metrics_by_step: Rc<Vec<(f64, u64, u64)>>,
    /// Latencies the program printed, one series per kind of line.
    pub latency: Rc<Vec<Series>>,
    /// Where failures, cancellations and output happen along the steps: (x, kind), for the
    /// timeline.
    pub marks: Rc<Vec<(f64, &'static str)>>,
}

/// Thread lanes ready to draw: rows grouped by dispatcher, bars in x from 0 to [`WIDTH`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lanes {
    /// The groups, in order of first appearance.
    pub groups: Vec<LaneGroup>,
    /// Queue depth per dispatcher.
    pub queues: Vec<Queue>,
    /// Share of the width the busy bars cover, 0 to 1: close to 0 when everything happens in
    /// instants between long waits, where steps show more than time.
    pub busy: f64,
}

/// The depth of a dispatcher's queue over the run.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    /// The dispatcher.
    pub name: String,
    /// (x, deepest, depth after) for each stretch of the width.
    pub points: Vec<(f64, u32, u32)>,
    /// The largest depth.
    pub max: u32,
}

/// Threads of one dispatcher.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneGroup {
    /// `main`, `Dispatchers.Default / IO`, `pool-1`, ….
    pub name: String,
    /// Its threads.
    pub rows: Vec<LaneRow>,
}

/// One thread.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneRow {
    /// Thread name.
    pub name: String,
    /// What it did, busy stretches only (idle is empty space).
    pub bars: Vec<Bar>,
}

/// A stretch of a thread running or blocked with one coroutine.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Start, 0..WIDTH.
    pub x0: f64,
    /// End, 0..WIDTH.
    pub x1: f64,
    /// Blocked (hatched) rather than running (solid).
    pub blocked: bool,
    /// The coroutine's colour.
    pub hue: Option<u32>,
    /// What a pointer over it reads: coroutine, line, thread state, when.
    pub title: String,
}

/// Values the program printed with a unit of ms, over virtual time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The printed line with its numbers replaced by `#`.
    pub key: String,
    /// (virtual time µs, value ms, step).
    pub points: Vec<(u64, f64, u64)>,
}

/// The axis of the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    /// Virtual time.
    #[default]
    Time,
    /// Steps.
    Steps,
}

impl Run {
    /// Applies the parameter values to `source`, compiles it and records a run.
    pub fn start(variant: &Variant, source: &str, values: &[(String, ParamValue)]) -> Result<Run, RunFailure> {
        let given: Vec<(&str, ParamValue)> = values.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
        let prepared = variant.prepare(source, &given).map_err(|e| RunFailure::Params(e.to_string()))?;
        let (program, diagnostics) = variant.compile(&prepared.source);
        let Some(program) = program else { return Err(RunFailure::Compile(diagnostics)) };
        let config = Config { seed: 1, cores: prepared.cores, max_steps: MAX_STEPS, max_live_coroutines: MAX_LIVE_COROUTINES, ..Config::default() };
        let rec = Recording::record(Rc::new(program), config);
        Ok(Run::new(rec, prepared))
    }

    /// Derives the page's views from a recording.
    pub fn new(rec: Recording, prepared: Prepared) -> Run {
        let view = &rec.view;
        let mut event_steps: Vec<u64> = Vec::new();
        let mut marks: Vec<(f64, &'static str)> = Vec::new();
        for e in &view.events {
            let kind = match e.kind {
                EventKind::Failed { .. } => Some("fail"),
                EventKind::CancelRequested { .. } => Some("cancel"),
                EventKind::Printed { .. } => Some("print"),
                _ => None,
            };
            if let Some(kind) = kind {
                let x = (e.step as f64 / view.n_steps.max(1) as f64 * WIDTH).round();
                if !marks.iter().rev().take(8).any(|m| m.0 == x && m.1 == kind) && marks.len() < 3_000 {
                    marks.push((x, kind));
                }
            }
            let notable = !matches!(
                e.kind,
                EventKind::Statement { .. } | EventKind::ThreadState { .. } | EventKind::QueueDepth { .. } | EventKind::Metrics { .. }
            );
            if notable && event_steps.last() != Some(&e.step) {
                event_steps.push(e.step);
            }
        }
        let mut run = Run {
            index: LineIndex::new(&prepared.source),
            prepared,
            event_steps,
            lanes_by_time: Rc::default(),
            lanes_by_step: Rc::default(),
            metrics_by_time: Rc::default(),
            metrics_by_step: Rc::default(),
            latency: Rc::default(),
            marks: Rc::new(marks),
            rec,
        };
        run.lanes_by_time = Rc::new(run.lanes(Axis::Time));
        run.lanes_by_step = Rc::new(run.lanes(Axis::Steps));
        run.metrics_by_time = Rc::new(run.reduce_metrics(Axis::Time));
        run.metrics_by_step = Rc::new(run.reduce_metrics(Axis::Steps));
        run.latency = Rc::new(run.latency_series());
        run
    }

    /// The last step.
    pub fn last(&self) -> u64 {
        self.rec.view.n_steps
    }

    /// The axis that shows this run best: virtual time, unless the threads are busy for so
    /// little of it that the bars would be invisible.
    pub fn best_axis(&self) -> Axis {
        if self.lanes_by_time.busy < 0.02 && self.lanes_by_step.busy > self.lanes_by_time.busy { Axis::Steps } else { Axis::Time }
    }

    /// The lanes on an axis.
    pub fn lanes_on(&self, axis: Axis) -> Rc<Lanes> {
        match axis {
            Axis::Time => self.lanes_by_time.clone(),
            Axis::Steps => self.lanes_by_step.clone(),
        }
    }

    /// The colour of a strand's coroutine; `None` for threads' own code (main).
    pub fn hue_of_strand(&self, s: StrandId) -> Option<u32> {
        self.rec.view.strand(s).and_then(|(_, j)| j).map(hue_of_job)
    }

    /// A strand's label, quotes of `CoroutineName`s removed.
    pub fn strand_label(&self, s: StrandId) -> String {
        self.rec.view.strand(s).map(|(l, _)| unquote(l)).unwrap_or_else(|| format!("strand {}", s.0))
    }

    /// The next step after `step` that runs a statement, or the end.
    pub fn next_statement(&self, step: u64) -> u64 {
        self.rec.view.next_statement(step).unwrap_or(self.last()).min(self.last()).max(step.min(self.last()))
    }

    /// The statement step before `step`, or the start.
    pub fn prev_statement(&self, step: u64) -> u64 {
        self.rec.view.prev_statement(step).unwrap_or(0)
    }

    /// The next event step after `step`, or the end.
    pub fn next_event(&self, step: u64) -> u64 {
        let i = self.event_steps.partition_point(|&s| s <= step);
        self.event_steps.get(i).copied().unwrap_or(self.last()).min(self.last())
    }

    /// The event step before `step`, or the start.
    pub fn prev_event(&self, step: u64) -> u64 {
        let i = self.event_steps.partition_point(|&s| s < step);
        if i == 0 { 0 } else { self.event_steps[i - 1] }
    }

    /// Virtual time at the end of a step, µs.
    pub fn time_at(&self, step: u64) -> u64 {
        self.rec.view.time_at(step.min(self.last()))
    }

    /// The last step whose time is at most `time`.
    pub fn step_at_time(&self, time: u64) -> u64 {
        let (mut lo, mut hi) = (0u64, self.last());
        if self.time_at(0) > time {
            return 0;
        }
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if self.time_at(mid) <= time { lo = mid } else { hi = mid - 1 }
        }
        lo
    }

    /// The diagnostic that stopped the run, if a limit did.
    pub fn stopped(&self) -> Option<&Diagnostic> {
        match &self.rec.world.outcome {
            Some(Outcome::Stopped(d)) => Some(d),
            _ => None,
        }
    }

    /// The exception that escaped `main`, if one did.
    pub fn main_threw(&self) -> Option<&str> {
        match &self.rec.world.outcome {
            Some(Outcome::MainThrew(e)) => Some(e),
            _ => None,
        }
    }

    /// Why a limit stopped the run, said once: the engine's message with its "the run
    /// stopped" and, for the step limit, what else may have reached it.
    pub fn stopped_message(&self) -> Option<String> {
        let d = self.stopped()?;
        let mut m = if d.message.starts_with("the run stopped") { d.message.clone() } else { format!("the run stopped: {}", d.message) };
        if m.ends_with("the program may loop forever") {
            m.push_str(" or do more work than the playground runs");
        }
        Some(m)
    }

    /// The line a limit stopped the run at: the diagnostic's own, else the last statement run.
    pub fn stopped_line(&self) -> u32 {
        match self.stopped() {
            Some(d) if d.span != engine::lang::Span::default() => self.index.line(d.span.start),
            _ => self.last_statement_line().unwrap_or(0),
        }
    }

    /// The line of the last statement the run ran.
    fn last_statement_line(&self) -> Option<u32> {
        let last = self.last();
        (0..=last).rev().take(10_000).find_map(|step| {
            self.rec.view.events_of(step).iter().rev().find_map(|e| match e.kind {
                EventKind::Statement { line, .. } => Some(line),
                _ => None,
            })
        })
    }

    /// The line where the exception that escaped `main` was thrown: the innermost frame of
    /// the stack trace printed under `Exception in thread "main"` that names a line.
    pub fn main_threw_line(&self) -> Option<u32> {
        self.main_threw()?;
        let console = &self.rec.view.console;
        let start = console.iter().rposition(|(_, t, err)| *err && t.starts_with("Exception in thread \"main\""))?;
        console[start + 1..].iter().take_while(|(_, t, err)| *err && t.starts_with("\tat ")).find_map(|(_, t, _)| {
            let inner = t.strip_suffix(')')?;
            let (_, line) = inner.rsplit_once(':')?;
            line.parse().ok().filter(|&l| l > 0)
        })
    }

    /// What the run ended with, in words: the last line printed, the exit, the time.
    pub fn outcome_summary(&self) -> Vec<(&'static str, String)> {
        let w = &self.rec.world;
        let exit = match &w.outcome {
            Some(Outcome::Completed) => "completed (exit code 0)".to_string(),
            Some(Outcome::MainThrew(e)) => format!("main threw {e} (exit code 1)"),
            Some(Outcome::Stopped(d)) => format!("{} (exit code 2)", self.stopped_message().unwrap_or_else(|| d.message.clone())),
            None => "did not finish".to_string(),
        };
        let live = self.rec.view.metrics_at(self.last()).0;
        let last_line = self.rec.view.console.iter().rev().find(|c| !c.2).map(|c| c.1.clone()).unwrap_or_else(|| "(nothing)".into());
        vec![
            ("exit", exit),
            ("last line printed", last_line),
            ("virtual time", format_time(self.rec.view.end_time)),
            ("alive at the end", format!("{live} coroutines")),
            ("lines printed", self.rec.view.console.len().to_string()),
        ]
    }

    fn lanes(&self, axis: Axis) -> Lanes {
        let view = &self.rec.view;
        let span = match axis {
            Axis::Time => view.end_time.max(1) as f64,
            Axis::Steps => view.n_steps.max(1) as f64,
        };
        let x = |time: u64, step: u64| -> f64 {
            let v = match axis {
                Axis::Time => time,
                Axis::Steps => step,
            };
            (v as f64 / span * WIDTH).clamp(0.0, WIDTH)
        };
        let mut out = Lanes::default();
        for lane in &view.lanes {
            // Each bar with its coroutine, first and last step, and end time.
            let mut bars: Vec<(Bar, StrandId, u64, u64, u64)> = Vec::new();
            for (k, seg) in lane.segments.iter().enumerate() {
                let (strand, blocked, why) = match &seg.activity {
                    Activity::Idle => continue,
                    Activity::Running(s) => (*s, false, String::new()),
                    Activity::Blocked(s, why) => (*s, true, why.clone()),
                };
                let end_step = lane.segments.get(k + 1).map(|n| n.start_step).unwrap_or(view.n_steps);
                let (x0, x1) = (x(seg.start, seg.start_step), x(seg.end, end_step));
                // Neighbouring stretches of the same coroutine that meet on screen are one bar.
                if let Some((last, s, _, last_step, last_end)) = bars.last_mut() {
                    if *s == strand && last.blocked == blocked && x0 - last.x1 < 0.5 {
                        last.x1 = last.x1.max(x1);
                        *last_step = end_step;
                        *last_end = seg.end;
                        continue;
                    }
                    // Stretches too short to see are merged into the bar they touch.
                    if x1 - last.x1 < 0.25 {
                        continue;
                    }
                }
                let bar = Bar { x0, x1, blocked, hue: self.hue_of_strand(strand), title: why };
                bars.push((bar, strand, seg.start_step, end_step, seg.end));
            }
            let bars = bars
                .into_iter()
                .map(|(mut bar, strand, step, end_step, end)| {
                    let start = view.time_at(step);
                    // A running bar names the last line it ran; a blocked one, the line it blocks in.
                    let at = if bar.blocked { step } else { end_step.saturating_sub(1).max(step) };
                    let line = view.line_of(strand, at).map(|l| format!(", line {l}")).unwrap_or_default();
                    let what = if bar.blocked { format!("blocked ({})", bar.title) } else { "running".to_string() };
                    bar.title = format!("{}{line}: {what} on {}, {} – {}", self.strand_label(strand), lane.name, format_time(start), format_time(end.max(start)));
                    bar
                })
                .collect();
            let row = LaneRow { name: lane.name.clone(), bars };
            match out.groups.iter_mut().find(|g| g.name == lane.group) {
                Some(g) => g.rows.push(row),
                None => out.groups.push(LaneGroup { name: lane.group.clone(), rows: vec![row] }),
            }
        }
        let mut covered = 0.0;
        let mut n_rows = 0;
        for row in out.groups.iter().flat_map(|g| &g.rows) {
            covered += row.bars.iter().map(|b| b.x1 - b.x0).sum::<f64>();
            n_rows += 1;
        }
        out.busy = covered / (WIDTH * n_rows.max(1) as f64);
        for (_, name, points) in &view.queues {
            let mut reduced: Vec<(f64, u32, u32)> = Vec::new();
            for &(step, time, depth) in points {
                let px = x(time, step);
                match reduced.last_mut() {
                    Some(last) if px - last.0 < 0.5 => {
                        last.1 = last.1.max(depth);
                        last.2 = depth;
                    }
                    _ => reduced.push((px, depth, depth)),
                }
            }
            let max = reduced.iter().map(|p| p.1).max().unwrap_or(0);
            if max > 0 {
                out.queues.push(Queue { name: name.clone(), points: reduced, max });
            }
        }
        out
    }

    /// The x of a step on an axis, from 0 to [`WIDTH`].
    pub fn x_of(&self, axis: Axis, step: u64) -> f64 {
        let view = &self.rec.view;
        let fraction = match axis {
            Axis::Time => self.time_at(step) as f64 / view.end_time.max(1) as f64,
            Axis::Steps => step as f64 / view.n_steps.max(1) as f64,
        };
        (fraction * WIDTH).clamp(0.0, WIDTH)
    }

    /// Live coroutines and memory on an axis.
    pub fn metrics_on(&self, axis: Axis) -> Rc<Vec<(f64, u64, u64)>> {
        match axis {
            Axis::Time => self.metrics_by_time.clone(),
            Axis::Steps => self.metrics_by_step.clone(),
        }
    }

    fn reduce_metrics(&self, axis: Axis) -> Vec<(f64, u64, u64)> {
        let view = &self.rec.view;
        let mut out: Vec<(f64, u64, u64)> = Vec::new();
        for &(step, time, live, bytes) in &view.metrics {
            let px = match axis {
                Axis::Time => time as f64 / view.end_time.max(1) as f64 * WIDTH,
                Axis::Steps => step as f64 / view.n_steps.max(1) as f64 * WIDTH,
            };
            match out.last_mut() {
                Some(last) if px - last.0 < 0.5 => {
                    last.1 = last.1.max(live);
                    last.2 = last.2.max(bytes);
                }
                _ => out.push((px, live, bytes)),
            }
        }
        out
    }

    fn latency_series(&self) -> Vec<Series> {
        let mut out: Vec<Series> = Vec::new();
        for (step, text, stderr) in &self.rec.view.console {
            if *stderr {
                continue;
            }
            let Some((key, value)) = latency_of(text) else { continue };
            let point = (self.time_at(*step), value, *step);
            match out.iter().position(|s| s.key == key) {
                Some(i) => out[i].points.push(point),
                None if out.len() < 16 => out.push(Series { key, points: vec![point] }),
                None => {}
            }
        }
        // A line printed once (a summary such as "served # requests in # ms") is no series
        // over time: only what is printed again and again is charted, four at most.
        out.retain(|s| s.points.len() > 1);
        out.truncate(4);
        out
    }
}

/// A line that reports a duration in ms: the line with numbers replaced by `#`, and the
/// number just before "ms".
pub fn latency_of(text: &str) -> Option<(String, f64)> {
    if text.len() > 200 {
        return None;
    }
    let pos = text.find(" ms")?;
    let before = text[..pos].trim_end();
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').len();
    let value = engine::decimal::parse_f64(&before[before.len() - digits..])?;
    let mut key = String::new();
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                key.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            key.push(c);
        }
    }
    Some((key, value))
}

/// The colour of a coroutine.
pub fn hue_of_job(job: JobId) -> u32 {
    job.0 % HUES
}

/// A label without the quotes the engine puts around `CoroutineName`s.
pub fn unquote(label: &str) -> String {
    label.trim_matches('"').to_string()
}

/// Virtual time for people: `12 µs`, `3.25 ms`, `1.5 s`.
pub fn format_time(us: u64) -> String {
    if us < 1_000 {
        format!("{us} µs")
    } else if us < 10_000_000 {
        let ms = us as f64 / 1000.0;
        let text = format!("{:.3}", engine::decimal::Dec(ms));
        format!("{} ms", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        format!("{:.2} s", engine::decimal::Dec(us as f64 / 1e6))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_of(lesson: &str, variant: usize) -> Run {
        let l = lessons::lesson(lesson).unwrap();
        let v = &l.variants[variant];
        Run::start(v, v.source, &[]).unwrap()
    }

    #[test]
    fn steps_by_statement_and_by_event_stay_in_the_run() {
        let run = run_of("scopes", 0);
        let last = run.last();
        assert!(last > 10);
        assert_eq!(run.next_statement(last), last);
        assert_eq!(run.prev_statement(0), 0);
        let mut k = 0;
        let mut seen = 0;
        while k < last {
            let next = run.next_event(k);
            assert!(next > k);
            k = next;
            seen += 1;
        }
        assert!(seen >= 3 && seen <= run.event_steps.len() + 1);
        assert_eq!(run.prev_event(run.event_steps[1]), run.event_steps[0]);
    }

    #[test]
    fn time_and_steps_map_both_ways() {
        let run = run_of("scopes", 0);
        for k in [0, 5, 20, run.last()] {
            let t = run.time_at(k);
            let back = run.step_at_time(t);
            assert!(back >= k && run.time_at(back) == t, "step {k} at {t} maps back to {back}");
        }
    }

    #[test]
    fn lanes_are_bounded_and_titled() {
        let run = run_of("limits", 0);
        for lanes in [&run.lanes_by_time, &run.lanes_by_step] {
            assert!(!lanes.groups.is_empty());
            for row in lanes.groups.iter().flat_map(|g| &g.rows) {
                assert!(row.bars.len() <= 4 * WIDTH as usize, "{} has {} bars", row.name, row.bars.len());
                for b in &row.bars {
                    assert!(b.x0 <= b.x1 && b.x1 <= WIDTH && !b.title.is_empty());
                }
            }
        }
        assert!(run.latency.iter().any(|s| s.key == "request # answered in # ms" && s.points.len() == 10));
    }

    #[test]
    fn bad_parameters_and_broken_code_are_failures() {
        let l = lessons::lesson("scopes").unwrap();
        let v = &l.variants[0];
        let bad = Run::start(v, v.source, &[("aMs".into(), ParamValue::Int(7))]);
        assert!(matches!(bad, Err(RunFailure::Params(_))));
        let broken = Run::start(v, "fun main() = runBlocking { val x = }", &[]);
        assert!(matches!(broken, Err(RunFailure::Compile(d)) if !d.is_empty()));
    }

    #[test]
    fn a_runaway_loop_stops_with_a_diagnostic() {
        let l = lessons::lesson("scopes").unwrap();
        let v = &l.variants[0];
        let src = format!("{}\nfun spin() {{ while (true) {{ }} }}\n", v.source.replace("fun main() = runBlocking {", "fun main() = runBlocking {\n    spin()"));
        let run = Run::start(v, &src, &[]).unwrap();
        assert!(run.stopped().is_some());
        assert_eq!(run.last(), MAX_STEPS);
        // Said once, at the line the loop was running, and not only as a loop.
        let spin = src.lines().position(|l| l.starts_with("fun spin()")).unwrap() as u32 + 1;
        assert_eq!(run.stopped_line(), spin);
        let message = run.stopped_message().unwrap();
        assert_eq!(message.matches("the run stopped").count(), 1, "{message}");
        assert!(message.ends_with("the program may loop forever or do more work than the playground runs"), "{message}");
    }

    #[test]
    fn an_exception_escaping_main_is_placed_where_it_was_thrown() {
        let l = lessons::lesson("scopes").unwrap();
        let v = &l.variants[0];
        for (body, line) in [("    val s: String? = null\n    println(s!!.length)", 36), ("    launch { throw IllegalStateException(\"boom\") }", 35)] {
            let src = v.source.replace("fun main() = runBlocking {", &format!("fun main() = runBlocking {{\n{body}"));
            let run = Run::start(v, &src, &[]).unwrap();
            assert!(run.main_threw().is_some(), "{body}");
            assert_eq!(run.main_threw_line(), Some(line), "{body}");
        }
    }

    #[test]
    fn only_latencies_printed_more_than_once_are_charted() {
        let l = lessons::lesson("scopes").unwrap();
        let v = &l.variants[0];
        let body = "    repeat(3) { println(\"request $it answered in ${10 + it} ms\") }\n    println(\"served 3 requests in 40 ms\")";
        let src = v.source.replace("fun main() = runBlocking {", &format!("fun main() = runBlocking {{\n{body}"));
        let run = Run::start(v, &src, &[]).unwrap();
        let keys: Vec<&str> = run.latency.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["request # answered in # ms"]);
        assert_eq!(run.latency[0].points.iter().map(|p| p.1).collect::<Vec<_>>(), [10.0, 11.0, 12.0]);
    }

    #[test]
    fn latency_lines_are_read() {
        assert_eq!(latency_of("request 3 answered in 12 ms"), Some(("request # answered in # ms".into(), 12.0)));
        assert_eq!(latency_of("took 1.5 ms"), Some(("took #.# ms".into(), 1.5)));
        assert_eq!(latency_of("no unit here 12"), None);
        assert_eq!(latency_of("ms first"), None);
    }

    #[test]
    fn times_read_well() {
        assert_eq!(format_time(0), "0 µs");
        assert_eq!(format_time(100_030), "100.03 ms");
        assert_eq!(format_time(300_000), "300 ms");
        assert_eq!(format_time(12_500_000), "12.50 s");
    }
}
