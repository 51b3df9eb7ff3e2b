//! The lesson file format: a front-matter block of plain `key: value` lines, nested by
//! indentation, above the lesson text in Markdown. It uses nothing but `std`, so that the
//! build script can check every lesson with this same code before the crate compiles.
//! `lessons/content/README.md` is the reference for teachers; in short:
//!
//! ```text
//! ---
//! id: scopes
//! title: Scope boundaries
//! cores: 2..8 = 4 "CPU cores"                     (optional: the simulated cores as a parameter)
//! variant coroutineScope: scenario.kt
//!   label: coroutineScope
//!   set: failing = "B"                             (pins a parameter for this variant)
//!   notice coroutine "A": …                        (a pointer for this variant only)
//! question: callB fails after {bMs} ms. What happens to callA?
//!   for: coroutineScope, supervisorScope          (optional: the variants it is asked for)
//!   choice cancelled: callA is cancelled and the call fails
//!     check: job "A" is Cancelled
//!     check: stdout contains "call failed"
//! notice step when "B" fails: …                    (a pointer for every variant)
//! ---
//! The lesson text, in Markdown.
//! ```

pub mod check;
pub mod pattern;

use check::Check;
use pattern::Pattern;

/// A lesson as its file describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonSpec {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The simulated cores as a parameter: (min, max, default, label).
    pub cores: Option<(i64, i64, i64, String)>,
    /// Variants in order; the first is the default.
    pub variants: Vec<VariantSpec>,
    /// Questions in order.
    pub questions: Vec<QuestionSpec>,
    /// Pointers shown for every variant.
    pub notices: Vec<NoticeSpec>,
    /// The lesson text (Markdown), after the front matter.
    pub body: String,
}

/// A variant: a scenario file, maybe with some parameters pinned.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantSpec {
    /// Stable id.
    pub id: String,
    /// The scenario file, beside `lesson.md`.
    pub file: String,
    /// What the page calls it.
    pub label: String,
    /// Pinned parameters: name and the value as written (a Kotlin literal).
    pub set: Vec<(String, String)>,
    /// Pointers for this variant only.
    pub notices: Vec<NoticeSpec>,
}

/// A predict-then-run question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSpec {
    /// Stable id (`q1`, `q2`, … unless given).
    pub id: String,
    /// The question; `{name}` stands for a parameter's value.
    pub text: String,
    /// The variants it is asked for; empty for all.
    pub variants: Vec<String>,
    /// The possible answers.
    pub choices: Vec<ChoiceSpec>,
}

/// An answer and the checks that make it the right one.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceSpec {
    /// Stable id.
    pub id: String,
    /// The answer as the learner reads it.
    pub text: String,
    /// All must hold on the run for this to be the right answer.
    pub checks: Vec<(String, Check)>,
}

/// A "what to notice" pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeSpec {
    /// What it points at.
    pub targets: Vec<Target>,
    /// What to notice there; `{name}` stands for a parameter's value.
    pub text: String,
}

/// What a pointer points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// `coroutine "NAME"` (a whole-name pattern).
    Coroutine(Pattern),
    /// `thread "NAME"` (a whole-name pattern).
    Thread(Pattern),
    /// `line "TEXT"`: the first source line containing the text.
    Line(String),
    /// `step when "NAME" EVENT`: the first step where a coroutine so named does it.
    StepWhen(Pattern, JobEvent),
    /// `step printing "TEXT"`: the step that printed the first line containing the text.
    StepPrinting(Pattern),
}

/// What a coroutine does, for `step when`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobEvent {
    /// `starts`: first runs on a thread.
    Starts,
    /// `fails`: its body throws.
    Fails,
    /// `is cancelled`: starts cancelling.
    IsCancelled,
    /// `completes`: reaches Completed.
    Completes,
    /// `finishes`: reaches Completed or Cancelled.
    Finishes,
}

/// A mistake in a lesson file: the 1-based line of `lesson.md` and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecError {
    /// Line in the file.
    pub line: usize,
    /// The problem.
    pub message: String,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One front-matter line and the lines indented under it.
#[derive(Debug)]
struct Node {
    line: usize,
    key: String,
    arg: String,
    value: String,
    children: Vec<Node>,
}

/// Splits `text` at its first `:` outside double quotes.
fn split_colon(text: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ':' if !quoted => return Some((&text[..i], &text[i + 1..])),
            _ => {}
        }
    }
    None
}

fn err<T>(line: usize, message: impl Into<String>) -> Result<T, SpecError> {
    Err(SpecError { line, message: message.into() })
}

/// Reads the front matter into a tree.
fn tree(lines: &[(usize, &str)]) -> Result<Vec<Node>, SpecError> {
    // (indent, node) stack; the root has indent -1.
    let mut stack: Vec<(isize, Node)> = vec![(-1, Node { line: 0, key: String::new(), arg: String::new(), value: String::new(), children: Vec::new() })];
    for &(no, raw) in lines {
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if raw.starts_with('\t') {
            return err(no, "indent with spaces, not tabs");
        }
        let indent = (raw.len() - trimmed.len()) as isize;
        let Some((head, value)) = split_colon(trimmed) else {
            return err(no, format!("expected `key: value`, found `{}`", trimmed.trim_end()));
        };
        let head = head.trim();
        let (key, arg) = match head.split_once(char::is_whitespace) {
            Some((k, a)) => (k.to_string(), a.trim().to_string()),
            None => (head.to_string(), String::new()),
        };
        let node = Node { line: no, key, arg, value: value.trim().to_string(), children: Vec::new() };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            let (_, done) = stack.pop().expect("the root is never popped");
            stack.last_mut().expect("the root stays").1.children.push(done);
        }
        stack.push((indent, node));
    }
    while stack.len() > 1 {
        let (_, done) = stack.pop().expect("checked");
        stack.last_mut().expect("the root stays").1.children.push(done);
    }
    Ok(stack.pop().expect("the root").1.children)
}

fn no_children(n: &Node) -> Result<(), SpecError> {
    match n.children.first() {
        Some(c) => err(c.line, format!("`{}` takes nothing indented under it", n.key)),
        None => Ok(()),
    }
}

fn no_arg(n: &Node) -> Result<(), SpecError> {
    if n.arg.is_empty() {
        Ok(())
    } else {
        err(n.line, format!("`{}` takes no word before the colon (found '{}')", n.key, n.arg))
    }
}

fn ident(n: &Node, what: &str) -> Result<String, SpecError> {
    let ok = !n.arg.is_empty() && n.arg.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(n.arg.clone())
    } else {
        err(n.line, format!("`{}` needs {what} before the colon: letters, digits, '-' or '_' (found '{}')", n.key, n.arg))
    }
}

/// Reads a whole `lesson.md`.
pub fn parse_lesson(text: &str) -> Result<LessonSpec, SpecError> {
    let all: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    if all.first().map(|(_, l)| l.trim_end()) != Some("---") {
        return err(1, "a lesson file starts with a `---` line, then its front matter, then `---`");
    }
    let Some(end) = all.iter().skip(1).position(|(_, l)| l.trim_end() == "---").map(|p| p + 1) else {
        return err(1, "the front matter has no closing `---` line");
    };
    let nodes = tree(&all[1..end])?;
    let body = all[end + 1..].iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n").trim().to_string() + "\n";
    let mut spec = LessonSpec { id: String::new(), title: String::new(), cores: None, variants: Vec::new(), questions: Vec::new(), notices: Vec::new(), body };
    for n in &nodes {
        match n.key.as_str() {
            "id" | "title" => {
                no_arg(n)?;
                no_children(n)?;
                if n.value.is_empty() {
                    return err(n.line, format!("`{}` needs a value", n.key));
                }
                let slot = if n.key == "id" { &mut spec.id } else { &mut spec.title };
                if !slot.is_empty() {
                    return err(n.line, format!("`{}` is given twice", n.key));
                }
                *slot = n.value.clone();
            }
            "cores" => {
                no_arg(n)?;
                no_children(n)?;
                spec.cores = Some(read_cores(n)?);
            }
            "variant" => spec.variants.push(read_variant(n)?),
            "question" => {
                let q = read_question(n, spec.questions.len() + 1)?;
                spec.questions.push(q);
            }
            "notice" => spec.notices.push(read_notice(n)?),
            other => return err(n.line, format!("unknown key `{other}`; expected id, title, cores, variant, question or notice")),
        }
    }
    if spec.id.is_empty() || !spec.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return err(1, "the lesson needs an `id:` of letters, digits and '-'");
    }
    if spec.title.is_empty() {
        return err(1, "the lesson needs a `title:`");
    }
    if spec.variants.is_empty() {
        return err(1, "the lesson needs at least one `variant NAME: FILE.kt`");
    }
    for (i, v) in spec.variants.iter().enumerate() {
        if spec.variants[..i].iter().any(|o| o.id == v.id) {
            return err(1, format!("two variants are named '{}'", v.id));
        }
    }
    for (i, q) in spec.questions.iter().enumerate() {
        if spec.questions[..i].iter().any(|o| o.id == q.id) {
            return err(1, format!("two questions are named '{}'", q.id));
        }
        for v in &q.variants {
            if !spec.variants.iter().any(|o| &o.id == v) {
                return err(1, format!("question '{}' is asked for variant '{v}', which the lesson does not have", q.id));
            }
        }
    }
    for v in &spec.variants {
        if !spec.questions.iter().any(|q| q.variants.is_empty() || q.variants.contains(&v.id)) {
            return err(1, format!("no question is asked for variant '{}'", v.id));
        }
    }
    Ok(spec)
}

fn read_cores(n: &Node) -> Result<(i64, i64, i64, String), SpecError> {
    // 2..8 = 4 "CPU cores"
    let bad = || SpecError { line: n.line, message: "write `cores: MIN..MAX = DEFAULT \"Label\"`".into() };
    let (range, rest) = n.value.split_once('=').ok_or_else(bad)?;
    let (min, max) = range.trim().split_once("..").ok_or_else(bad)?;
    let rest = rest.trim();
    let (default, label) = match rest.split_once(char::is_whitespace) {
        Some((d, l)) => (d, l.trim().trim_matches('"').to_string()),
        None => (rest, "CPU cores".to_string()),
    };
    let num = |s: &str| s.trim().parse::<i64>().map_err(|_| bad());
    let (min, max, default) = (num(min)?, num(max)?, num(default)?);
    if !(2 <= min && min <= default && default <= max) {
        return err(n.line, "the cores need 2 <= MIN <= DEFAULT <= MAX");
    }
    Ok((min, max, default, label))
}

fn read_variant(n: &Node) -> Result<VariantSpec, SpecError> {
    let id = ident(n, "a variant name")?;
    if !n.value.ends_with(".kt") || n.value.contains('/') {
        return err(n.line, format!("variant '{id}' names its scenario file beside lesson.md, e.g. `variant {id}: scenario.kt`"));
    }
    let mut v = VariantSpec { id: id.clone(), file: n.value.clone(), label: id, set: Vec::new(), notices: Vec::new() };
    for c in &n.children {
        match c.key.as_str() {
            "label" => {
                no_arg(c)?;
                no_children(c)?;
                v.label = c.value.clone();
            }
            "set" => {
                no_arg(c)?;
                no_children(c)?;
                let Some((name, value)) = c.value.split_once('=') else {
                    return err(c.line, "write `set: name = value`, with the value as a Kotlin literal");
                };
                let (name, value) = (name.trim(), value.trim());
                if name.is_empty() || value.is_empty() {
                    return err(c.line, "write `set: name = value`, with the value as a Kotlin literal");
                }
                v.set.push((name.to_string(), value.to_string()));
            }
            "notice" => v.notices.push(read_notice(c)?),
            other => return err(c.line, format!("unknown key `{other}` in a variant; expected label, set or notice")),
        }
    }
    Ok(v)
}

fn read_question(n: &Node, number: usize) -> Result<QuestionSpec, SpecError> {
    let id = if n.arg.is_empty() { format!("q{number}") } else { ident(n, "a question id")? };
    if n.value.is_empty() {
        return err(n.line, "the question needs its text after the colon");
    }
    let mut q = QuestionSpec { id, text: n.value.clone(), variants: Vec::new(), choices: Vec::new() };
    for c in &n.children {
        match c.key.as_str() {
            "for" => {
                no_arg(c)?;
                no_children(c)?;
                q.variants = c.value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            }
            "choice" => {
                let id = ident(c, "a choice id")?;
                if q.choices.iter().any(|o| o.id == id) {
                    return err(c.line, format!("two choices are named '{id}'"));
                }
                let mut choice = ChoiceSpec { id, text: c.value.clone(), checks: Vec::new() };
                for k in &c.children {
                    if k.key != "check" {
                        return err(k.line, format!("unknown key `{}` in a choice; expected check", k.key));
                    }
                    no_arg(k)?;
                    no_children(k)?;
                    let parsed = check::parse(&k.value).map_err(|m| SpecError { line: k.line, message: format!("check `{}`: {m}", k.value) })?;
                    choice.checks.push((k.value.clone(), parsed));
                }
                if choice.checks.is_empty() {
                    return err(c.line, format!("choice '{}' needs at least one `check:`", choice.id));
                }
                q.choices.push(choice);
            }
            other => return err(c.line, format!("unknown key `{other}` in a question; expected for or choice")),
        }
    }
    if q.choices.len() < 2 {
        return err(n.line, "a question needs at least two choices");
    }
    Ok(q)
}

fn read_notice(n: &Node) -> Result<NoticeSpec, SpecError> {
    no_children(n)?;
    if n.value.is_empty() {
        return err(n.line, "the notice needs its text after the colon");
    }
    let mut targets = Vec::new();
    let mut rest = n.arg.as_str();
    while !rest.trim().is_empty() {
        let (target, after) = read_target(rest).map_err(|m| SpecError { line: n.line, message: m })?;
        targets.push(target);
        rest = after.trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r;
        } else if !rest.is_empty() {
            return Err(SpecError { line: n.line, message: format!("expected ',' between notice targets, found '{rest}'") });
        }
    }
    if targets.is_empty() {
        return err(n.line, "a notice names what it points at: coroutine \"A\", thread \"main\", line \"…\", step when \"A\" fails, step printing \"…\"");
    }
    Ok(NoticeSpec { targets, text: n.value.clone() })
}

/// A quoted string at the start of `s` (after spaces) and the text after it.
fn quoted(s: &str) -> Result<(String, &str), String> {
    let s = s.trim_start();
    let Some(body) = s.strip_prefix('"') else { return Err(format!("expected a quoted name, found '{s}'")) };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => {
                if let Some((_, e)) = chars.next() {
                    out.push(e);
                }
            }
            c => out.push(c),
        }
    }
    Err("unclosed quote".into())
}

fn read_target(s: &str) -> Result<(Target, &str), String> {
    let s = s.trim_start();
    let word = |w: &str| s.strip_prefix(w).filter(|r| r.starts_with(' '));
    if let Some(r) = word("coroutine") {
        let (name, r) = quoted(r)?;
        return Ok((Target::Coroutine(Pattern::new(&name)), r));
    }
    if let Some(r) = word("thread") {
        let (name, r) = quoted(r)?;
        return Ok((Target::Thread(Pattern::new(&name)), r));
    }
    if let Some(r) = word("line") {
        let (text, r) = quoted(r)?;
        return Ok((Target::Line(text), r));
    }
    if let Some(r) = word("step") {
        let r = r.trim_start();
        if let Some(r) = r.strip_prefix("printing ") {
            let (text, r) = quoted(r)?;
            return Ok((Target::StepPrinting(Pattern::new(&text)), r));
        }
        if let Some(r) = r.strip_prefix("when ") {
            let (name, r) = quoted(r)?;
            let r = r.trim_start();
            for (w, ev) in [("starts", JobEvent::Starts), ("fails", JobEvent::Fails), ("is cancelled", JobEvent::IsCancelled), ("completes", JobEvent::Completes), ("finishes", JobEvent::Finishes)] {
                if let Some(after) = r.strip_prefix(w) {
                    return Ok((Target::StepWhen(Pattern::new(&name), ev), after));
                }
            }
            return Err(format!("after step when \"{name}\" write starts, fails, is cancelled, completes or finishes"));
        }
        return Err("write `step when \"NAME\" fails` (or starts, is cancelled, completes, finishes) or `step printing \"TEXT\"`".into());
    }
    Err(format!("unknown notice target '{s}'; use coroutine \"…\", thread \"…\", line \"…\", step when \"…\" …, step printing \"…\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"---
id: demo
title: A demo
cores: 2..8 = 4 "CPU cores"
# a comment
variant plain: a.kt
  label: Plain
  set: x = "y"
  notice coroutine "A", step when "A" is cancelled: look: here
variant other: b.kt
question: What happens when {ms} ms pass?
  choice yes: It works
    check: stdout contains "ok: 1"
  choice no: It fails
    check: not stdout contains "ok: 1"
notice thread "main": the main thread
---
# Text
Body.
"#;

    #[test]
    fn reads_a_lesson() {
        let l = parse_lesson(SAMPLE).unwrap();
        assert_eq!(l.id, "demo");
        assert_eq!(l.cores, Some((2, 8, 4, "CPU cores".into())));
        assert_eq!(l.variants.len(), 2);
        assert_eq!(l.variants[0].set, vec![("x".to_string(), "\"y\"".to_string())]);
        assert_eq!(l.variants[0].notices[0].targets.len(), 2);
        assert_eq!(l.variants[0].notices[0].text, "look: here");
        assert_eq!(l.questions[0].id, "q1");
        assert_eq!(l.questions[0].choices[1].checks.len(), 1);
        assert_eq!(l.notices.len(), 1);
        assert_eq!(l.body, "# Text\nBody.\n");
    }

    #[test]
    fn reports_mistakes_with_lines() {
        let bad = SAMPLE.replace("    check: stdout contains \"ok: 1\"", "    check: stdout holds \"ok\"");
        assert_eq!(parse_lesson(&bad).unwrap_err().line, 13);
        let bad = SAMPLE.replace("variant other: b.kt", "variant other: b.txt");
        assert_eq!(parse_lesson(&bad).unwrap_err().line, 10);
        let bad = SAMPLE.replace("title: A demo", "titel: A demo");
        assert!(parse_lesson(&bad).unwrap_err().message.contains("unknown key `titel`"));
    }
}
