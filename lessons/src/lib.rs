//! The course: nine lessons on Kotlin coroutines in production.
//!
//! Every lesson lives in a folder of `lessons/content/`: a `lesson.md` (a front-matter block
//! with the id, title, variants, questions, outcome checks and "what to notice" pointers, then
//! the lesson text in Markdown) and the scenario `.kt` files it names. The build reads them
//! into one content file per lesson ([`content`]), which native builds embed and the page
//! downloads; this crate reads them, runs a scenario with the engine and computes, from the
//! run, which answer of each question is the right one. No answer is stored: each choice
//! carries checks written in a small language over the run (see [`spec::check`]), and the right
//! choice is the one whose checks all hold.
//!
//! ```no_run
//! let lesson = lessons::lesson("scopes").unwrap();
//! let run = lessons::evaluate("scopes", &lesson.variants[0].id, &[]).unwrap();
//! println!("{}", run.stdout);
//! for q in &run.questions {
//!     println!("{} -> {:?}", q.text, q.answer);
//! }
//! ```

pub mod content;
pub mod course;
mod eval;
mod literal;
pub mod spec;

use std::fmt;
use std::sync::OnceLock;

use course::LessonData;
use literal::literal;

use engine::bytecode::Program;
use engine::lang::params::{self, Param, ParamKind, ParamValue};
use engine::lang::Diagnostic;
use engine::precompiled::{Precompiled, Reading};

pub use engine::lang::params::{ParamKind as Kind, ParamValue as Value};
pub use course::{Notice, Target};
pub use eval::{CheckOutcome, ChoiceOutcome, Evaluation, NoticeAt, QuestionOutcome, TargetAt};
pub use spec::JobEvent;

/// One lesson of the course, in course order.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonInfo {
    /// Stable identifier used in URLs and the CLI, e.g. `scopes`.
    pub id: &'static str,
    /// Short title shown in the lesson list.
    pub title: &'static str,
    /// The ids of its variants, in order.
    pub variants: &'static [&'static str],
}

/// The lessons in course order.
pub fn catalog() -> Vec<LessonInfo> {
    course::COURSE.iter().map(|l| LessonInfo { id: l.id, title: l.title, variants: l.variants }).collect()
}

/// A lesson with everything the page shows.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Its place in the course, from 1.
    pub number: usize,
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The lesson text, in Markdown: the rule, why it matters in production, what to watch.
    pub text: String,
    /// Its folder under `lessons/content/`.
    pub folder: &'static str,
    /// The scenarios to run and compare; the first is the default.
    pub variants: Vec<Variant>,
    /// The predict-then-run questions.
    pub questions: Vec<Question>,
    /// Pointers for every variant.
    pub notices: Vec<Notice>,
}

/// A scenario of a lesson: a Kotlin file, maybe with some parameters pinned.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Stable id.
    pub id: String,
    /// What the page calls it.
    pub label: String,
    /// The file name, e.g. `scenario-supervisor.kt`.
    pub file: String,
    /// The Kotlin source as written, with the values this variant pins in place of the file's
    /// (valid Kotlin; the other parameters at their default values).
    pub source: &'static str,
    /// Its program compiled by the build (see [`Variant::compile`]); empty when the build
    /// could not.
    pub compiled: &'static [u8],
    /// The parameters it pins as `lesson.md` writes them: name and Kotlin literal.
    pub set: &'static [(&'static str, &'static str)],
    /// Parameters this variant pins, with their values; they are not offered as controls.
    pub fixed: Vec<(String, ParamValue)>,
    /// The parameters a learner can turn, in source order (`cores` first when the lesson has it).
    pub params: Vec<LessonParam>,
    /// Pointers for this variant only.
    pub notices: Vec<Notice>,
}

/// A parameter a learner can turn.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonParam {
    /// Its name: the `val` in the scenario, or `cores`.
    pub name: String,
    /// What the page shows beside the control.
    pub label: String,
    /// Its value unless the learner changes it.
    pub default: ParamValue,
    /// The control and the values it allows.
    pub kind: ParamKind,
    /// Not a `val` of the program but a setting of the simulation (`cores`: the simulated CPU
    /// cores, which decide the number of `Dispatchers.Default` workers).
    pub runtime: bool,
}

/// A predict-then-run question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Stable id within the lesson.
    pub id: String,
    /// The question; `{name}` stands for the value of parameter `name` (see [`render`]).
    pub text: String,
    /// The variants it is asked for (all when empty).
    pub variants: Vec<String>,
    /// The possible answers.
    pub choices: Vec<Choice>,
}

/// One possible answer.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Stable id within the question.
    pub id: String,
    /// The answer as the learner reads it.
    pub text: String,
    /// The checks, as written, that all hold on a run where this is the right answer.
    pub checks: Vec<String>,
    parsed: &'static [(&'static str, course::Check)],
}

impl Question {
    /// Whether it is asked for this variant.
    pub fn applies_to(&self, variant: &str) -> bool {
        self.variants.is_empty() || self.variants.iter().any(|v| v == variant)
    }
}

impl Lesson {
    /// The variant with this id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// The questions asked for a variant.
    pub fn questions_for<'a>(&'a self, variant: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.applies_to(variant))
    }
}

impl LessonParam {
    /// Reads a value typed by a learner or on a command line: `200`, `true`, `supervisorScope`
    /// (quotes optional for strings). The value must be one the control allows.
    pub fn parse_value(&self, text: &str) -> Result<ParamValue, String> {
        let text = text.trim();
        let bad = |what: &str| format!("parameter '{}' needs {what}, not '{text}'", self.name);
        let value = match &self.default {
            ParamValue::Int(_) => ParamValue::Int(text.replace('_', "").parse().map_err(|_| bad("a whole number"))?),
            ParamValue::Long(_) => ParamValue::Long(text.trim_end_matches('L').replace('_', "").parse().map_err(|_| bad("a whole number"))?),
            ParamValue::Double(_) => ParamValue::Double(engine::decimal::parse_f64(text).ok_or_else(|| bad("a number"))?),
            ParamValue::Bool(_) => ParamValue::Bool(text.parse().map_err(|_| bad("true or false"))?),
            ParamValue::Str(_) => {
                let unquoted = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(text);
                ParamValue::Str(unquoted.to_string())
            }
        };
        self.check(&value)?;
        Ok(value)
    }

    /// Whether the control allows this value.
    pub fn check(&self, value: &ParamValue) -> Result<(), String> {
        let as_num = |v: &ParamValue| v.as_f64();
        match (&self.kind, value) {
            (ParamKind::Range { min, max, step }, v) => {
                let (Some(x), Some(a), Some(b), Some(s)) = (as_num(v), as_num(min), as_num(max), as_num(step)) else {
                    return Err(format!("parameter '{}' needs a number", self.name));
                };
                if x < a || x > b {
                    return Err(format!("parameter '{}': the value {v} is outside the range {min}..{max}", self.name));
                }
                let steps = (x - a) / s;
                if (steps - steps.round()).abs() > 1e-9 {
                    return Err(format!("parameter '{}': the value {v} is not {min} plus a whole number of steps of {step}", self.name));
                }
                Ok(())
            }
            (ParamKind::Toggle, ParamValue::Bool(_)) => Ok(()),
            (ParamKind::Toggle, v) => Err(format!("parameter '{}' needs true or false, not {v}", self.name)),
            (ParamKind::Choice(options), ParamValue::Str(s)) if options.contains(s) => Ok(()),
            (ParamKind::Choice(options), v) => Err(format!("parameter '{}': {v} is not one of {}", self.name, options.join(", "))),
        }
    }

    /// The values a test should try: both ends and the middle of a range (on a step), both
    /// sides of a toggle, every choice.
    pub fn sample_values(&self) -> Vec<ParamValue> {
        match &self.kind {
            ParamKind::Range { min, max, step } => {
                let mid = match (min, max, step) {
                    (ParamValue::Int(a) | ParamValue::Long(a), ParamValue::Int(b) | ParamValue::Long(b), ParamValue::Int(s) | ParamValue::Long(s)) => {
                        let m = a + ((b - a) / 2 / s) * s;
                        if matches!(min, ParamValue::Long(_)) { ParamValue::Long(m) } else { ParamValue::Int(m) }
                    }
                    _ => {
                        let (a, b, s) = (min.as_f64().unwrap_or(0.0), max.as_f64().unwrap_or(0.0), step.as_f64().unwrap_or(1.0));
                        ParamValue::Double(a + (((b - a) / 2.0) / s).floor() * s)
                    }
                };
                let mut out = vec![min.clone(), mid, max.clone()];
                out.dedup();
                out
            }
            ParamKind::Toggle => vec![ParamValue::Bool(false), ParamValue::Bool(true)],
            ParamKind::Choice(options) => options.iter().map(|o| ParamValue::Str(o.clone())).collect(),
        }
    }
}

impl Variant {
    /// The variant's program as the build compiled it, if it could.
    pub fn precompiled(&self) -> Option<Precompiled> {
        Precompiled::decode(self.compiled)
    }

    /// `source` read against the precompiled scenario: `Some` when it is the scenario with
    /// other parameter values written in, so that it runs without the compiler.
    pub fn read(&self, source: &str) -> Option<(Precompiled, Reading)> {
        let precompiled = self.precompiled()?;
        let reading = precompiled.read(self.source, source)?;
        Some((precompiled, reading))
    }

    /// The parameters `source` declares, as [`params::params`] reads them.
    pub fn declared(&self, source: &str) -> Vec<Param> {
        match self.read(source) {
            Some((_, reading)) => reading.params,
            None => params::params(source).0,
        }
    }

    /// Every diagnostic for `source` before it runs, as [`engine::diagnostics`] gives them.
    pub fn diagnostics(&self, source: &str) -> Vec<Diagnostic> {
        match self.read(source) {
            Some((precompiled, reading)) => precompiled.diagnostics(&reading),
            None => engine::diagnostics(source),
        }
    }

    /// Compiles `source` as [`engine::compile_source`] does, with the file name `Main.kt`.
    /// The scenario with any parameter values written in needs no compiler: its program is
    /// the precompiled one with those values ([`Precompiled::program`]).
    pub fn compile(&self, source: &str) -> (Option<Program>, Vec<Diagnostic>) {
        match self.read(source) {
            Some((precompiled, reading)) => (Some(precompiled.program(&reading)), precompiled.diagnostics(&reading)),
            None => engine::compile_source(source, "Main.kt"),
        }
    }

    /// The parameter with this name.
    pub fn param(&self, name: &str) -> Option<&LessonParam> {
        self.params.iter().find(|p| p.name == name)
    }

    /// Applies parameter values: the source with every pinned and given value in place, every
    /// parameter's value (given or default), and the simulated cores.
    pub fn prepare(&self, source: &str, values: &[(&str, ParamValue)]) -> Result<Prepared, LessonError> {
        let mut cores = None;
        let mut in_source: Vec<(&str, ParamValue)> = Vec::new();
        for (name, value) in &self.fixed {
            if name == "cores" {
                cores = value.as_f64().map(|c| c as u32);
            } else {
                in_source.push((name, value.clone()));
            }
        }
        for (i, (name, value)) in values.iter().enumerate() {
            if values[..i].iter().any(|(n, _)| n == name) {
                return Err(LessonError::BadParam(format!("the parameter '{name}' is given twice")));
            }
            if self.fixed.iter().any(|(n, _)| n == name) {
                return Err(LessonError::BadParam(format!("the variant '{}' pins the parameter '{name}'; choose another variant to change it", self.id)));
            }
            let Some(param) = self.param(name) else {
                let known: Vec<&str> = self.params.iter().map(|p| p.name.as_str()).collect();
                let hint = match engine::lang::suggest::did_you_mean(name, known.iter().copied()) {
                    Some(close) => format!("; did you mean '{close}'?"),
                    None if known.is_empty() => "; it has none".to_string(),
                    None => format!("; it has {}", known.join(", ")),
                };
                return Err(LessonError::BadParam(format!("variant '{}' has no parameter '{name}'{hint}", self.id)));
            };
            param.check(value).map_err(LessonError::BadParam)?;
            if param.runtime {
                cores = value.as_f64().map(|c| c as u32);
            } else {
                in_source.push((name, value.clone()));
            }
        }
        let substituted = match self.read(source) {
            Some((_, reading)) => params::substitute_in(source, &reading.params, &in_source),
            None => params::substitute(source, &in_source),
        };
        let source = substituted.map_err(|d| LessonError::BadParam(d.message.clone()))?;
        let mut all: Vec<(String, ParamValue)> = self.fixed.clone();
        for p in &self.params {
            let v = values.iter().find(|(n, _)| *n == p.name).map(|(_, v)| v.clone()).unwrap_or_else(|| p.default.clone());
            all.push((p.name.clone(), v));
        }
        let cores = cores.or_else(|| self.param("cores").filter(|p| p.runtime).and_then(|p| p.default.as_f64()).map(|c| c as u32));
        Ok(Prepared { source, values: all, cores: cores.unwrap_or(4) })
    }
}

/// A scenario ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The source with the parameter values in place.
    pub source: String,
    /// Every parameter's value, pinned ones included.
    pub values: Vec<(String, ParamValue)>,
    /// Simulated CPU cores.
    pub cores: u32,
}

/// What went wrong when asking for a lesson run.
#[derive(Debug, Clone, PartialEq)]
pub enum LessonError {
    /// No lesson has this id.
    UnknownLesson(String),
    /// The lesson has no such variant.
    UnknownVariant {
        /// The lesson.
        lesson: String,
        /// The variant asked for.
        variant: String,
        /// The variants it has.
        known: Vec<String>,
    },
    /// A parameter name or value is wrong.
    BadParam(String),
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LessonError::UnknownLesson(id) => {
                let ids: Vec<&str> = course::COURSE.iter().map(|l| l.id).collect();
                match engine::lang::suggest::did_you_mean(id, ids.iter().copied()) {
                    Some(close) => write!(f, "no lesson '{id}'; did you mean '{close}'?"),
                    None => write!(f, "no lesson '{id}'; the lessons are {}", ids.join(", ")),
                }
            }
            LessonError::UnknownVariant { lesson, variant, known } => {
                write!(f, "lesson '{lesson}' has no variant '{variant}'; it has {}", known.join(", "))
            }
            LessonError::BadParam(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for LessonError {}

/// Every lesson in course order, each read once. In the page this downloads every lesson's
/// content; it lists those it could read.
pub fn lessons() -> Vec<&'static Lesson> {
    (0..course::COURSE.len()).filter_map(lesson_at).collect()
}

/// The lesson with this id, read the first time it is asked for (in the page, downloaded).
/// `None` when no lesson has the id, or its content cannot be read.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lesson_at(course::COURSE.iter().position(|l| l.id == id)?)
}

fn lesson_at(i: usize) -> Option<&'static Lesson> {
    static LOADED: OnceLock<Vec<OnceLock<Option<Lesson>>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| course::COURSE.iter().map(|_| OnceLock::new()).collect());
    loaded.get(i)?.get_or_init(|| load(i, &course::COURSE[i])).as_ref()
}

/// The lesson and variant for these ids.
pub fn find(lesson_id: &str, variant_id: &str) -> Result<(&'static Lesson, &'static Variant), LessonError> {
    let l = lesson(lesson_id).ok_or_else(|| LessonError::UnknownLesson(lesson_id.to_string()))?;
    let v = l.variant(variant_id).ok_or_else(|| LessonError::UnknownVariant {
        lesson: l.id.clone(),
        variant: variant_id.to_string(),
        known: l.variants.iter().map(|v| v.id.clone()).collect(),
    })?;
    Ok((l, v))
}

/// Runs a variant with these parameter values (others keep their defaults) and seed 1, and
/// checks every question's choices on the run.
pub fn evaluate(lesson_id: &str, variant_id: &str, values: &[(&str, ParamValue)]) -> Result<Evaluation, LessonError> {
    evaluate_seeded(lesson_id, variant_id, values, 1)
}

/// [`evaluate`] with a seed for the engine's interleaving choices.
pub fn evaluate_seeded(lesson_id: &str, variant_id: &str, values: &[(&str, ParamValue)], seed: u64) -> Result<Evaluation, LessonError> {
    let (l, v) = find(lesson_id, variant_id)?;
    evaluate_source(l, v, v.source, values, seed)
}

/// [`evaluate`] for a source the learner edited: its `@param` values are replaced as for the
/// original, and the lesson's checks run on whatever it prints and does.
pub fn evaluate_source(lesson: &Lesson, variant: &Variant, source: &str, values: &[(&str, ParamValue)], seed: u64) -> Result<Evaluation, LessonError> {
    let prepared = variant.prepare(source, values)?;
    Ok(eval::run(lesson, variant, prepared, seed))
}

/// [`evaluate_source`] on a run the caller already recorded (the page's `Recording` of the
/// same prepared program and seed), so the program does not run a second time.
pub fn evaluate_recording(lesson: &Lesson, variant: &Variant, prepared: Prepared, seed: u64, recording: &engine::views::Recording) -> Evaluation {
    let mut world = recording.world.clone();
    world.trace.events = recording.view.events.clone();
    let run = engine::RunResult { diagnostics: Vec::new(), world: Some(world) };
    eval::checked(lesson, variant, prepared, seed, run)
}

/// Replaces `{name}` in a lesson text by the value of parameter `name` (strings without
/// quotes); unknown names stay as written.
pub fn render(template: &str, values: &[(String, ParamValue)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        let shown = match value {
            ParamValue::Str(s) => s.clone(),
            other => other.to_string(),
        };
        out = out.replace(&format!("{{{name}}}"), &shown);
    }
    out
}

/// Builds the lessons from the course the build script read. What remains to check here is
/// what needs the engine: that pinned values are valid literals of existing parameters.
fn load(number: usize, spec: &LessonData) -> Option<Lesson> {
    let content = content::load(spec)?;
    let mut variants = Vec::new();
    for vs in content.variants {
        // The build read the parameters with the program; a scenario it could not
        // precompile is read here.
        let declared = match Precompiled::decode(vs.compiled) {
            Some(p) => p.params,
            None => params::params(vs.source).0,
        };
        let fixed = literal::pinned(vs.set.iter().copied(), &declared);
        let mut lp: Vec<LessonParam> = Vec::new();
        if let Some((min, max, default, label)) = spec.cores {
            if !vs.set.iter().any(|(n, _)| *n == "cores") {
                lp.push(LessonParam {
                    name: "cores".into(),
                    label: label.to_string(),
                    default: ParamValue::Int(default),
                    kind: ParamKind::Range { min: ParamValue::Int(min), max: ParamValue::Int(max), step: ParamValue::Int(1) },
                    runtime: true,
                });
            }
        }
        lp.extend(declared.iter().filter(|p| !vs.set.iter().any(|(n, _)| *n == p.name)).map(from_engine));
        variants.push(Variant {
            id: vs.id.to_string(),
            label: vs.label.to_string(),
            file: vs.file.to_string(),
            source: vs.source,
            compiled: vs.compiled,
            set: vs.set,
            fixed,
            params: lp,
            notices: vs.notices.to_vec(),
        });
    }
    let questions = content
        .questions
        .iter()
        .map(|q| Question {
            id: q.id.to_string(),
            text: q.text.to_string(),
            variants: q.variants.iter().map(|v| v.to_string()).collect(),
            choices: q.choices.iter().map(|c| Choice { id: c.id.to_string(), text: c.text.to_string(), checks: c.checks.iter().map(|(t, _)| t.to_string()).collect(), parsed: c.checks }).collect(),
        })
        .collect();
    Some(Lesson {
        number: number + 1,
        id: spec.id.to_string(),
        title: spec.title.to_string(),
        text: content.body.to_string(),
        folder: spec.folder,
        variants,
        questions,
        notices: content.notices.to_vec(),
    })
}

fn from_engine(p: &Param) -> LessonParam {
    LessonParam { name: p.name.clone(), label: p.label.clone(), default: p.default.clone(), kind: p.kind.clone(), runtime: false }
}

/// Problems in the content that only show with the engine: a pinned parameter the scenario
/// does not declare or a value it cannot take, a check naming an unknown parameter. Empty
/// when all is well; the tests keep it so.
pub fn content_problems() -> Vec<String> {
    let mut out = Vec::new();
    for (i, spec) in course::COURSE.iter().enumerate() {
        let Some(l) = lesson_at(i) else {
            out.push(format!("{}: its content cannot be read", spec.folder));
            continue;
        };
        for v in &l.variants {
            let (declared, diags) = params::params(v.source);
            for d in diags {
                out.push(format!("{}/{}: @param: {}", l.folder, v.file, d.message));
            }
            let errors: Vec<String> = engine::diagnostics(v.source).into_iter().filter(|d| d.is_error()).map(|d| d.message).collect();
            for e in errors {
                out.push(format!("{}/{}: {e}", l.folder, v.file));
            }
            for &(name, lit) in v.set {
                if name == "cores" {
                    if declared.iter().any(|p| p.name == "cores") {
                        out.push(format!("{}/{}: `cores` is the simulated CPU count; name the parameter otherwise", l.folder, v.file));
                    }
                    if spec.cores.is_none() {
                        out.push(format!("{}: variant '{}' pins cores, but the lesson has no `cores:` line", l.folder, v.id));
                    }
                    continue;
                }
                match declared.iter().find(|p| p.name == name) {
                    None => out.push(format!("{}: variant '{}' pins '{name}', which {} does not declare as a parameter", l.folder, v.id, v.file)),
                    Some(p) => match literal(lit, &p.default) {
                        None => out.push(format!("{}: variant '{}' pins '{name}' to {lit}, which is not {}", l.folder, v.id, p.default.type_with_article())),
                        Some(value) => {
                            if let Err(e) = from_engine(p).check(&value) {
                                out.push(format!("{}: variant '{}': {e}", l.folder, v.id));
                            }
                        }
                    },
                }
            }
            for q in l.questions_for(&v.id) {
                for c in &q.choices {
                    for (_, k) in c.parsed {
                        for name in eval::params_named(k) {
                            if !v.params.iter().any(|p| p.name == name) && !v.fixed.iter().any(|(n, _)| *n == name) {
                                out.push(format!("{}: question '{}' choice '{}' reads parameter '{name}', which variant '{}' lacks", l.folder, q.id, c.id, v.id));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}
