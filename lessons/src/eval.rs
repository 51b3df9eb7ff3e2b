//! Running a scenario and checking a lesson's questions and pointers on the run.

use engine::job::{JobClass, JobState};
use engine::lang::params::ParamValue;
use engine::trace::EventKind;
use engine::value::{JobId, ThreadId};
use engine::{run_source, Config, RunOptions, RunResult, World};

use crate::course::{Check, Target, Value};
use crate::spec::check::{Agg, StateWord, Stream};
use crate::spec::pattern::Pattern;
use crate::spec::JobEvent;
use crate::{render, Lesson, Prepared, Variant};

/// A run of a lesson's scenario, with every question checked on it.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The lesson id.
    pub lesson: String,
    /// The variant id.
    pub variant: String,
    /// The program that ran: the scenario with the parameter values in place.
    pub source: String,
    /// Every parameter's value in this run.
    pub values: Vec<(String, ParamValue)>,
    /// Simulated CPU cores.
    pub cores: u32,
    /// The seed.
    pub seed: u64,
    /// The run (its world holds the trace, the jobs and the threads).
    pub run: RunResult,
    /// What the program printed to standard output.
    pub stdout: String,
    /// What it printed to standard error.
    pub stderr: String,
    /// The questions asked for this variant, checked.
    pub questions: Vec<QuestionOutcome>,
    /// The "what to notice" pointers, found in this run.
    pub notices: Vec<NoticeAt>,
}

/// A question checked on a run.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionOutcome {
    /// Its id.
    pub id: String,
    /// The question, with parameter values in place.
    pub text: String,
    /// Every choice, checked.
    pub choices: Vec<ChoiceOutcome>,
    /// The right answer: the one choice whose checks all hold; `None` when no choice or more
    /// than one does (a mistake in the lesson, which the tests catch).
    pub answer: Option<String>,
}

/// A choice checked on a run.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOutcome {
    /// Its id.
    pub id: String,
    /// Its text, with parameter values in place.
    pub text: String,
    /// All its checks hold.
    pub holds: bool,
    /// Each check.
    pub checks: Vec<CheckOutcome>,
}

/// One check on a run.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOutcome {
    /// The check as written.
    pub check: String,
    /// Whether it holds.
    pub holds: bool,
    /// What the run showed: the values compared, the line found, the states seen.
    pub detail: String,
}

/// A pointer found in a run.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeAt {
    /// What to notice, with parameter values in place.
    pub text: String,
    /// Where to look.
    pub targets: Vec<TargetAt>,
}

/// One place a pointer names, found in the run.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetAt {
    /// The target as written in the lesson.
    pub target: String,
    /// The coroutines it names.
    pub jobs: Vec<JobId>,
    /// The threads it names.
    pub threads: Vec<ThreadId>,
    /// The source line (1-based) it names.
    pub line: Option<u32>,
    /// The step it names (the page seeks there).
    pub step: Option<u64>,
}

pub(crate) fn run(lesson: &Lesson, variant: &Variant, prepared: Prepared, seed: u64) -> Evaluation {
    let config = Config { seed, cores: prepared.cores, ..Config::default() };
    let run = run_source(&prepared.source, &RunOptions { config, file_name: "Main.kt".into() });
    checked(lesson, variant, prepared, seed, run)
}

/// Checks every question and pointer of a lesson on a finished run.
pub(crate) fn checked(lesson: &Lesson, variant: &Variant, prepared: Prepared, seed: u64, run: RunResult) -> Evaluation {
    let values = prepared.values;
    let questions = lesson
        .questions_for(&variant.id)
        .map(|q| {
            let choices: Vec<ChoiceOutcome> = q
                .choices
                .iter()
                .map(|c| {
                    let checks: Vec<CheckOutcome> = c.parsed.iter().map(|(text, k)| check(k, text, &run, &values)).collect();
                    ChoiceOutcome { id: c.id.clone(), text: render(&c.text, &values), holds: checks.iter().all(|k| k.holds), checks }
                })
                .collect();
            let holding: Vec<&ChoiceOutcome> = choices.iter().filter(|c| c.holds).collect();
            let answer = if holding.len() == 1 { Some(holding[0].id.clone()) } else { None };
            QuestionOutcome { id: q.id.clone(), text: render(&q.text, &values), choices, answer }
        })
        .collect();
    // A pointer is given only when everything it points at happened in this run: "when B
    // fails" says nothing about a run where nothing fails.
    let notices = lesson
        .notices
        .iter()
        .chain(&variant.notices)
        .filter_map(|n| {
            let targets: Option<Vec<TargetAt>> = n.targets.iter().map(|t| locate(t, &run, &prepared.source, &values)).collect();
            Some(NoticeAt { text: render(n.text, &values), targets: targets? })
        })
        .collect();
    Evaluation {
        lesson: lesson.id.clone(),
        variant: variant.id.clone(),
        stdout: run.stdout(),
        stderr: run.world.as_ref().map(World::stderr).unwrap_or_default(),
        source: prepared.source,
        values,
        cores: prepared.cores,
        seed,
        run,
        questions,
        notices,
    }
}

/// The parameter names a check reads.
pub(crate) fn params_named(k: &Check) -> Vec<String> {
    match k {
        Check::Not(inner) => params_named(inner),
        Check::Compare(a, _, b) => [a, b].into_iter().filter_map(|v| if let Value::Param(n) = v { Some(n.to_string()) } else { None }).collect(),
        _ => Vec::new(),
    }
}

fn check(k: &Check, text: &str, run: &RunResult, values: &[(String, ParamValue)]) -> CheckOutcome {
    let (holds, detail) = match &run.world {
        None => (false, "the program did not run: it has errors".to_string()),
        Some(w) => holds(k, w, run, values),
    };
    CheckOutcome { check: text.to_string(), holds, detail }
}

fn holds(k: &Check, w: &World, run: &RunResult, values: &[(String, ParamValue)]) -> (bool, String) {
    match k {
        Check::Not(inner) => {
            let (h, d) = holds(inner, w, run, values);
            (!h, d)
        }
        Check::Contains { stream, pattern, negate } => {
            let pattern = Pattern::new(pattern);
            let want_stderr = *stream == Stream::Stderr;
            let found = w.output.iter().filter(|l| l.stderr == want_stderr).find(|l| pattern.find(&l.text).is_some());
            let name = if want_stderr { "stderr" } else { "stdout" };
            let detail = match found {
                Some(l) => format!("{name} has \"{}\" (step {})", l.text, l.step),
                None => format!("no line of {name} contains \"{}\"", pattern.source),
            };
            (found.is_some() != *negate, detail)
        }
        Check::JobIs { name, state, some } => {
            let name = Pattern::new(name);
            let jobs = named_jobs(w, &name);
            if jobs.is_empty() {
                return (false, format!("no coroutine is named \"{}\"", name.source));
            }
            let states: Vec<String> = jobs.iter().map(|&j| format!("{} {}", w.job_label(j), state_name(w, j))).collect();
            let ok = |&j: &JobId| in_state(w, j, *state);
            let h = if *some { jobs.iter().any(ok) } else { jobs.iter().all(ok) };
            (h, summarize(&states))
        }
        Check::Compare(a, op, b) => {
            let va = value(a, w, run, values);
            let vb = value(b, w, run, values);
            match (va, vb) {
                (Ok((x, dx)), Ok((y, dy))) => (op.holds(x, y), format!("{dx} {} {dy}", op.symbol())),
                (Err(e), _) | (_, Err(e)) => (false, e),
            }
        }
    }
}

fn summarize(items: &[String]) -> String {
    if items.len() <= 4 {
        items.join(", ")
    } else {
        format!("{}, … ({} coroutines)", items[..3].join(", "), items.len())
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        engine::decimal::Dec(x).to_string()
    }
}

fn value(v: &Value, w: &World, run: &RunResult, values: &[(String, ParamValue)]) -> Result<(f64, String), String> {
    Ok(match v {
        Value::Number(n) => (*n, number(*n)),
        Value::Param(name) => {
            let Some((_, pv)) = values.iter().find(|(n, _)| n == name) else { return Err(format!("no parameter '{name}'")) };
            let x = match pv {
                ParamValue::Bool(b) => f64::from(u8::from(*b)),
                other => other.as_f64().ok_or_else(|| format!("parameter '{name}' is not a number"))?,
            };
            (x, format!("{name} = {}", number(x)))
        }
        Value::Lines(agg, pattern) => {
            let pattern = Pattern::new(pattern);
            let caps: Vec<(i64, u64)> = w.output.iter().filter(|l| !l.stderr).filter_map(|l| pattern.find(&l.text).map(|c| (c.first().copied().unwrap_or(0), l.step))).collect();
            let what = match agg {
                Agg::First => "first",
                Agg::Last => "last",
                Agg::Max => "max",
                Agg::Min => "min",
                Agg::Sum => "sum",
                Agg::Count => "count",
            };
            if *agg == Agg::Count {
                let n = caps.len() as f64;
                return Ok((n, format!("{} lines match \"{}\"", engine::decimal::Dec(n), pattern.source)));
            }
            if caps.is_empty() {
                return Err(format!("no line of stdout matches \"{}\"", pattern.source));
            }
            let nums = caps.iter().map(|(n, _)| *n);
            let x = match agg {
                Agg::First => caps[0].0,
                Agg::Last => caps[caps.len() - 1].0,
                Agg::Max => nums.max().unwrap_or(0),
                Agg::Min => nums.min().unwrap_or(0),
                Agg::Sum => nums.sum(),
                Agg::Count => unreachable!("handled above"),
            } as f64;
            (x, format!("{what} \"{}\" = {} (of {} lines)", pattern.source, number(x), caps.len()))
        }
        Value::LiveCoroutines => {
            let n = live_at_end(w) as f64;
            (n, format!("{} coroutines alive at the end", number(n)))
        }
        Value::PeakLiveCoroutines => {
            let n = peak_live(w) as f64;
            (n, format!("at most {} coroutines alive at once", number(n)))
        }
        Value::Jobs(pattern, state) => {
            let pattern = Pattern::new(pattern);
            let n = named_jobs(w, &pattern).into_iter().filter(|&j| state.is_none_or(|s| in_state(w, j, s))).count() as f64;
            (n, format!("{} coroutines named \"{}\"{}", number(n), pattern.source, state.map(|s| format!(" {s:?}")).unwrap_or_default()))
        }
        Value::Threads(pattern) => {
            let pattern = Pattern::new(pattern);
            let n = w.threads.iter().filter(|t| pattern.matches_whole(&t.name)).count() as f64;
            (n, format!("{} threads named \"{}\"", number(n), pattern.source))
        }
        Value::ElapsedMs => {
            let ms = (w.now / 1000) as f64;
            (ms, format!("{} ms elapsed", number(ms)))
        }
        Value::ExitCode => {
            let c = f64::from(run.exit_code());
            (c, format!("exit code {}", number(c)))
        }
    })
}

/// Coroutines (not scopes, not plain jobs) whose CoroutineName matches the whole pattern.
fn named_jobs(w: &World, pattern: &Pattern) -> Vec<JobId> {
    w.jobs
        .iter()
        .enumerate()
        .filter(|(_, j)| j.class.is_coroutine() && !j.class.is_scoped() && j.ctx.name.as_deref().is_some_and(|n| pattern.matches_whole(n)))
        .map(|(i, _)| JobId(i as u32))
        .collect()
}

fn failed(w: &World, j: JobId) -> bool {
    w.trace.events.iter().any(|e| matches!(&e.kind, EventKind::Failed { job, .. } if *job == j))
}

fn state_name(w: &World, j: JobId) -> String {
    let s = w.job(j).state();
    if failed(w, j) {
        format!("{} (failed)", s.name())
    } else {
        s.name().to_string()
    }
}

fn in_state(w: &World, j: JobId, s: StateWord) -> bool {
    use StateWord as S;
    let st = w.job(j).state();
    match s {
        S::New => st == JobState::New,
        S::Active => st == JobState::Active,
        S::Completing => st == JobState::Completing,
        S::Cancelling => st == JobState::Cancelling,
        S::Cancelled => st == JobState::Cancelled,
        S::Completed => st == JobState::Completed,
        S::Failed => failed(w, j),
        S::Alive => !st.is_final(),
        S::Finished => st.is_final(),
    }
}

fn counts(class: JobClass) -> bool {
    class.is_coroutine()
}

/// Coroutines alive when the run ended.
fn live_at_end(w: &World) -> usize {
    w.jobs.iter().filter(|j| counts(j.class) && !j.state().is_final()).count()
}

/// The most coroutines alive at once, from the trace.
fn peak_live(w: &World) -> usize {
    let mut live: usize = 0;
    let mut peak = 0;
    for e in &w.trace.events {
        match &e.kind {
            EventKind::JobCreated { class, .. } if counts(*class) => {
                live += 1;
                peak = peak.max(live);
            }
            EventKind::JobState { job, state } if state.is_final() && counts(w.job(*job).class) => live = live.saturating_sub(1),
            _ => {}
        }
    }
    peak
}

/// A pointer's target, its names and texts compiled with the parameter values in place.
enum Found {
    Coroutine(Pattern),
    Thread(Pattern),
    Line(String),
    StepWhen(Pattern, JobEvent),
    StepPrinting(Pattern),
}

fn describe(t: &Found) -> String {
    match t {
        Found::Coroutine(p) => format!("coroutine \"{}\"", p.source),
        Found::Thread(p) => format!("thread \"{}\"", p.source),
        Found::Line(s) => format!("line \"{s}\""),
        Found::StepPrinting(p) => format!("step printing \"{}\"", p.source),
        Found::StepWhen(p, ev) => {
            let what = match ev {
                JobEvent::Starts => "starts",
                JobEvent::Fails => "fails",
                JobEvent::IsCancelled => "is cancelled",
                JobEvent::Completes => "completes",
                JobEvent::Finishes => "finishes",
            };
            format!("step when \"{}\" {what}", p.source)
        }
    }
}

/// Finds a pointer's target in a run; `{name}` in its quoted text stands for a parameter's value.
/// Where a target is in a run; none when it is not there (no such coroutine, thread or line,
/// or the step it names never came).
fn locate(t: &Target, run: &RunResult, source: &str, values: &[(String, ParamValue)]) -> Option<TargetAt> {
    let at = locate_in(t, run, source, values);
    let found = match t {
        Target::Coroutine(_) => !at.jobs.is_empty(),
        Target::Thread(_) => !at.threads.is_empty(),
        Target::Line(_) => at.line.is_some(),
        Target::StepWhen(..) | Target::StepPrinting(_) => at.step.is_some(),
    };
    found.then_some(at)
}

fn locate_in(t: &Target, run: &RunResult, source: &str, values: &[(String, ParamValue)]) -> TargetAt {
    let re = |p: &str| Pattern::new(&render(p, values));
    let t = &match *t {
        Target::Coroutine(p) => Found::Coroutine(re(p)),
        Target::Thread(p) => Found::Thread(re(p)),
        Target::Line(s) => Found::Line(render(s, values)),
        Target::StepPrinting(p) => Found::StepPrinting(re(p)),
        Target::StepWhen(p, ev) => Found::StepWhen(re(p), ev),
    };
    let mut at = TargetAt { target: describe(t), jobs: Vec::new(), threads: Vec::new(), line: None, step: None };
    if let Found::Line(text) = t {
        // Code only: a comment that mentions the text (a `@param` listing its choices, say)
        // is not what the pointer means.
        at.line = without_comments(source).lines().position(|l| l.contains(text.as_str())).map(|i| i as u32 + 1);
        return at;
    }
    let Some(w) = &run.world else { return at };
    match t {
        Found::Coroutine(p) => at.jobs = named_jobs(w, p),
        Found::Thread(p) => at.threads = w.threads.iter().enumerate().filter(|(_, th)| p.matches_whole(&th.name)).map(|(i, _)| ThreadId(i as u32)).collect(),
        Found::StepPrinting(p) => at.step = w.output.iter().find(|l| p.find(&l.text).is_some()).map(|l| l.step),
        Found::StepWhen(p, ev) => {
            let jobs = named_jobs(w, p);
            at.step = w
                .trace
                .events
                .iter()
                .find(|e| match &e.kind {
                    EventKind::Started { strand } if *ev == JobEvent::Starts => w.strands[strand.0 as usize].job.is_some_and(|j| jobs.contains(&j)),
                    EventKind::Failed { job, .. } if *ev == JobEvent::Fails => jobs.contains(job),
                    EventKind::JobState { job, state } if jobs.contains(job) => match ev {
                        JobEvent::IsCancelled => *state == JobState::Cancelling || *state == JobState::Cancelled,
                        JobEvent::Completes => *state == JobState::Completed,
                        JobEvent::Finishes => state.is_final(),
                        _ => false,
                    },
                    _ => false,
                })
                .map(|e| e.step);
            at.jobs = jobs;
        }
        Found::Line(_) => unreachable!("handled above"),
    }
    at
}

/// The source with every comment, as the engine's lexer reads it, blanked out (line breaks
/// kept, so that lines keep their numbers), and every parameter's line with it: the value a
/// parameter is set to (`val launchStyle = "GlobalScope.launch"`) is not code that does it.
fn without_comments(source: &str) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for t in engine::lang::lexer::lex(source).0.iter().filter(|t| t.kind.is_trivia()) {
        let (mut start, end) = (t.span.start as usize, t.span.end as usize);
        if source[start..end].contains("@param") {
            start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        }
        for b in &mut bytes[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Every byte of a comment but its line breaks became a space: the text is still UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}
