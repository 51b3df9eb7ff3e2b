//! Lesson parameters: ordinary `val`s marked by a trailing `// @param …` comment, so that the
//! file stays valid Kotlin while the page shows a control for each one.
//!
//! ```text
//! val queryMs = 200 // @param 50..2000 step 50 "Query time (ms)"
//! val fail = true // @param "B fails"
//! val scope = "supervisorScope" // @param one of "coroutineScope", "supervisorScope" "Scope kind"
//! ```
//!
//! A number takes a range (`MIN..MAX`, with a `step` that whole numbers may leave out for 1),
//! a Boolean only a label (it is a toggle), a string a list of choices. The label, in double
//! quotes, is optional and defaults to the name; a second `//` after it starts a remark that
//! is not part of the declaration. Parameters are the `val`s at the top level of
//! the file and those directly in `main`'s body or in the `runBlocking { … }` that `main` runs.

use super::ast::{ExprKind, File, FunBody, Item, PropertyDecl, Stmt, StrPart};
use super::diagnostic::{self, Diagnostic};
use super::parser::{parse, Parsed};
use super::span::{LineIndex, Span};
use super::suggest::did_you_mean;
use super::token::TokenKind;
use std::fmt;

/// One parameter of a program.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name of the `val`.
    pub name: String,
    /// The value written in the source.
    pub default: ParamValue,
    /// Which control it gets, and the values it may take.
    pub kind: ParamKind,
    /// What the page shows beside the control; the name when the comment gives none.
    pub label: String,
    /// The literal in the source, minus sign and quotes included: [`substitute`] replaces it.
    pub value_span: Span,
}

/// The value of a parameter, with its Kotlin type.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// An `Int` (within 32 bits).
    Int(i64),
    /// A `Long`.
    Long(i64),
    /// A `Double`.
    Double(f64),
    /// A `Boolean`.
    Bool(bool),
    /// A `String`.
    Str(String),
}

/// The control of a parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamKind {
    /// A number from `min` to `max` (both included) in steps of `step` from `min`; the three
    /// have the variant of the parameter's default value.
    Range {
        /// The smallest value.
        min: ParamValue,
        /// The largest value.
        max: ParamValue,
        /// The distance between two allowed values (1 when the comment gives none).
        step: ParamValue,
    },
    /// A Boolean switch.
    Toggle,
    /// One string out of these.
    Choice(Vec<String>),
}

impl ParamValue {
    /// The Kotlin type's name: `Int`, `Long`, `Double`, `Boolean` or `String`.
    pub fn type_name(&self) -> &'static str {
        match self {
            ParamValue::Int(_) => "Int",
            ParamValue::Long(_) => "Long",
            ParamValue::Double(_) => "Double",
            ParamValue::Bool(_) => "Boolean",
            ParamValue::Str(_) => "String",
        }
    }

    /// The type's name with its article: "an Int", "a Boolean".
    pub fn type_with_article(&self) -> &'static str {
        match self {
            ParamValue::Int(_) => "an Int",
            ParamValue::Long(_) => "a Long",
            ParamValue::Double(_) => "a Double",
            ParamValue::Bool(_) => "a Boolean",
            ParamValue::Str(_) => "a String",
        }
    }

    /// The value as a number, for sliders; `None` for Booleans and strings.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            ParamValue::Int(v) | ParamValue::Long(v) => Some(v as f64),
            ParamValue::Double(v) => Some(v),
            _ => None,
        }
    }

    /// The value written as a Kotlin literal: `200`, `200L`, `1.5`, `true`, `"a \"b\""`.
    pub fn to_kotlin(&self) -> String {
        match self {
            ParamValue::Int(v) => v.to_string(),
            ParamValue::Long(v) => format!("{v}L"),
            ParamValue::Double(v) => {
                // `{:?}` always writes a fraction or an exponent, so the literal stays a Double.
                crate::decimal::Dec(*v).debug()
            }
            ParamValue::Bool(v) => v.to_string(),
            ParamValue::Str(s) => quote(s),
        }
    }
}

impl Param {
    /// Reads a value for this parameter from text, as typed on a command line or in a share
    /// link: a number for ranges, `true`/`false` for toggles, one of the choices for strings.
    pub fn parse_value(&self, text: &str) -> Result<ParamValue, String> {
        let text = text.trim();
        let bad = || format!("'{text}' is not {} for parameter '{}'", self.default.type_with_article(), self.name);
        match &self.default {
            ParamValue::Int(_) => text.replace('_', "").parse::<i64>().map(ParamValue::Int).map_err(|_| bad()),
            ParamValue::Long(_) => text.trim_end_matches('L').replace('_', "").parse::<i64>().map(ParamValue::Long).map_err(|_| bad()),
            ParamValue::Double(_) => crate::decimal::parse_f64(text).map(ParamValue::Double).ok_or_else(bad),
            ParamValue::Bool(_) => match text {
                "true" => Ok(ParamValue::Bool(true)),
                "false" => Ok(ParamValue::Bool(false)),
                _ => Err(bad()),
            },
            ParamValue::Str(_) => Ok(ParamValue::Str(text.trim_matches('"').to_string())),
        }
    }
}

impl fmt::Display for ParamValue {
    /// Shows the value as a learner reads it: numbers without a suffix, strings in quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Long(v) => write!(f, "{v}"),
            other => f.write_str(&other.to_kotlin()),
        }
    }
}

/// The parameters of a program and the mistakes in their `@param` comments. Syntax errors of
/// the program itself are left to [`parse`]; a parameter whose `val` or comment is wrong is
/// left out of the list.
pub fn params(source: &str) -> (Vec<Param>, Vec<Diagnostic>) {
    params_in(source, &parse(source))
}

/// [`params`] for a program already parsed, to read it once.
pub fn params_in(source: &str, parsed: &Parsed) -> (Vec<Param>, Vec<Diagnostic>) {
    let index = LineIndex::new(source);
    let candidates = candidate_vals(&parsed.file);
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    for token in parsed.tokens.iter().filter(|t| t.kind == TokenKind::LineComment) {
        let text = token.span.text(source);
        let body = text[2..].trim_start();
        let Some(spec) = body.strip_prefix("@param") else { continue };
        if spec.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            // `@parameters` and the like are ordinary comments.
            continue;
        }
        let spec_start = token.span.end as usize - spec.len();
        let line = index.line(token.span.start);
        let Some(decl) = candidates.iter().find(|d| index.line(d.span.end) == line && d.span.end <= token.span.start) else {
            diagnostics.push(misplaced_comment(source, &parsed.tokens, &index, token.span, line));
            continue;
        };
        match read_param(source, decl, spec, spec_start) {
            Ok(param) => {
                if let Some(first) = out.iter().find(|p: &&Param| p.name == param.name) {
                    let at = index.line_col(first.value_span.start);
                    diagnostics.push(Diagnostic::error(decl_name_span(decl), format!("a parameter named '{}' is already declared at {at}", param.name)));
                } else {
                    out.push(param);
                }
            }
            Err(d) => diagnostics.push(d),
        }
    }
    diagnostic::sort(&mut diagnostics);
    (out, diagnostics)
}

/// The program with the literal of each named parameter replaced by the given value, after
/// checking that the value has the parameter's type and is among the values it may take.
/// An `Int` value is accepted for a `Long` or `Double` parameter.
pub fn substitute(source: &str, values: &[(&str, ParamValue)]) -> Result<String, Diagnostic> {
    substitute_in(source, &params(source).0, values)
}

/// [`substitute`] with the parameters `source` declares already read.
pub fn substitute_in(source: &str, declared: &[Param], values: &[(&str, ParamValue)]) -> Result<String, Diagnostic> {
    let mut edits: Vec<(Span, String)> = Vec::new();
    for (i, (name, value)) in values.iter().enumerate() {
        if values[..i].iter().any(|(other, _)| other == name) {
            return Err(Diagnostic::error(Span::default(), format!("the parameter '{name}' is given twice")));
        }
        let Some(param) = declared.iter().find(|p| p.name == *name) else {
            let error = Diagnostic::error(Span::default(), format!("there is no parameter named '{name}'"));
            return Err(match did_you_mean(name, declared.iter().map(|p| p.name.as_str())) {
                Some(close) => error.with_help(format!("did you mean '{close}'?")),
                None => error,
            });
        };
        let value = check_value(param, value)?;
        edits.push((param.value_span, value.to_kotlin()));
    }
    crate::order::sort_by_key(&mut edits, |(span, _)| std::cmp::Reverse(span.start));
    let mut out = source.to_string();
    for (span, text) in edits {
        out.replace_range(span.start as usize..span.end as usize, &text);
    }
    Ok(out)
}

/// Writes `s` as a Kotlin string literal, escaping what Kotlin would otherwise read as syntax.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            c if c.is_control() => {
                // Kotlin's `\u` escape takes four hex digits, so a character beyond the basic
                // plane is written as its UTF-16 pair.
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `val`s that may be parameters: top-level ones, and those directly in `main`'s body or
/// in the `runBlocking { … }` that `main` runs.
fn candidate_vals(file: &File) -> Vec<&PropertyDecl> {
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Property(p) => out.push(p),
            Item::Fun(f) if f.name.name == "main" && f.receiver.is_none() => match &f.body {
                FunBody::Block(block) => {
                    for stmt in &block.stmts {
                        match stmt {
                            Stmt::Local(p) => out.push(p),
                            Stmt::Expr(e) => out.extend(run_blocking_vals(e)),
                            _ => {}
                        }
                    }
                }
                FunBody::Expr(e) => out.extend(run_blocking_vals(e)),
                FunBody::None => {}
            },
            _ => {}
        }
    }
    out
}

/// The `val`s directly inside `runBlocking { … }`, when `e` is that call.
fn run_blocking_vals(e: &super::ast::Expr) -> Vec<&PropertyDecl> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return Vec::new() };
    let ExprKind::Name(name) = &callee.kind else { return Vec::new() };
    let lambda = args.last().and_then(|a| match &a.value.kind {
        ExprKind::Lambda(l) => Some(l),
        _ => None,
    });
    match lambda {
        Some(l) if name.name == "runBlocking" => {
            l.body.stmts.iter().filter_map(|s| if let Stmt::Local(p) = s { Some(p) } else { None }).collect()
        }
        _ => Vec::new(),
    }
}

fn decl_name_span(decl: &PropertyDecl) -> Span {
    decl.pattern.first().map(|n| n.span).unwrap_or(decl.span)
}

/// The diagnostic for a `// @param` comment that follows no parameter `val`.
fn misplaced_comment(source: &str, tokens: &[super::token::Token], index: &LineIndex, comment: Span, line: u32) -> Diagnostic {
    let nested_val = tokens.iter().any(|t| matches!(t.kind, TokenKind::Val | TokenKind::Var) && index.line(t.span.start) == line && t.span.start < comment.start);
    let at = Span::new(comment.start as usize, comment.start as usize + comment.text(source).find("@param").map(|i| i + 6).unwrap_or(2));
    if nested_val {
        Diagnostic::error(at, "`// @param` marks only top-level vals and vals directly inside `main`")
            .with_help("move the val to the top of the file, outside every function")
    } else {
        Diagnostic::error(at, "`// @param` must follow a `val` on the same line").with_help("write it after the value: `val delayMs = 100 // @param 0..1000 \"Delay (ms)\"`")
    }
}

/// Reads the declaration and the text after `@param` (starting at byte `spec_start`).
fn read_param(source: &str, decl: &PropertyDecl, spec: &str, spec_start: usize) -> Result<Param, Diagnostic> {
    let name = decl.pattern.first().filter(|_| matches!(decl.pattern, super::ast::Pattern::Name(_)));
    let Some(name) = name else {
        return Err(Diagnostic::error(decl.span, "a parameter must be a single `val name = value`"));
    };
    if decl.mutable {
        return Err(Diagnostic::error(decl.span, format!("parameter '{}' must be a `val`, not a `var`", name.name))
            .with_help("the page sets the value before the program starts; the program only reads it"));
    }
    let Some(init) = &decl.init else {
        return Err(Diagnostic::error(name.span, format!("parameter '{}' needs a value: `val {} = …`", name.name, name.name)));
    };
    let default = literal_value(source, init).ok_or_else(|| {
        Diagnostic::error(init.span, format!("the value of parameter '{}' must be a literal such as 200, 1.5, true or \"text\"", name.name))
            .with_help("the page replaces this value, so it cannot be computed")
    })?;
    let default = match (decl.ty.as_ref().map(|t| t.name.as_str()), default) {
        (Some("Long"), ParamValue::Int(v)) => ParamValue::Long(v),
        (Some(ty), value) if ty != value.type_name() => {
            let span = decl.ty.as_ref().map(|t| t.span).unwrap_or(decl.span);
            return Err(Diagnostic::error(span, format!("the declared type {ty} does not match the value {value}, which is {}", value.type_with_article())));
        }
        (_, value) => value,
    };
    let spec = Spec::read(spec, spec_start)?;
    let label = spec.label.clone().unwrap_or_else(|| name.name.clone());
    let kind = spec.kind_for(&default, init.span)?;
    Ok(Param { name: name.name.clone(), default, kind, label, value_span: init.span })
}

/// The value of a literal expression, if it is one: a number (negative ones included), a
/// Boolean or a string without templates.
fn literal_value(source: &str, e: &super::ast::Expr) -> Option<ParamValue> {
    Some(match &e.kind {
        ExprKind::Int(v) => ParamValue::Int(*v),
        ExprKind::Long(v) => ParamValue::Long(*v),
        ExprKind::Double(v) => ParamValue::Double(*v),
        ExprKind::Bool(v) => ParamValue::Bool(*v),
        // A raw string keeps its text as written, so it is not a plain literal to replace.
        ExprKind::Str(parts) if !e.span.text(source).starts_with("\"\"\"") => match parts.as_slice() {
            [] => ParamValue::Str(String::new()),
            [StrPart::Text(t)] => ParamValue::Str(t.clone()),
            _ => return None,
        },
        _ => return None,
    })
}

/// Checks a value given for `param` and converts it to the parameter's type.
pub(crate) fn check_value(param: &Param, value: &ParamValue) -> Result<ParamValue, Diagnostic> {
    let value = match (&param.default, value) {
        (ParamValue::Long(_), ParamValue::Int(v)) => ParamValue::Long(*v),
        (ParamValue::Double(_), ParamValue::Int(v) | ParamValue::Long(v)) => ParamValue::Double(*v as f64),
        (d, v) if d.type_name() == v.type_name() => v.clone(),
        (d, v) => {
            return Err(Diagnostic::error(
                param.value_span,
                format!("parameter '{}' is {}, but the value {v} is {}", param.name, d.type_with_article(), v.type_with_article()),
            ))
        }
    };
    if let ParamValue::Double(v) = value {
        if !v.is_finite() {
            return Err(Diagnostic::error(param.value_span, format!("parameter '{}' needs a finite number, found {}", param.name, crate::decimal::Dec(v))));
        }
    }
    if let ParamValue::Int(v) = value {
        if i32::try_from(v).is_err() {
            return Err(Diagnostic::error(param.value_span, format!("the value {v} does not fit in an Int")));
        }
    }
    if let Err(problem) = param.kind.allows(&value) {
        return Err(Diagnostic::error(param.value_span, format!("parameter '{}': {problem}", param.name)));
    }
    Ok(value)
}

impl ParamKind {
    /// Whether `value` (already of the parameter's type) is one this control can take; the
    /// error says why not.
    fn allows(&self, value: &ParamValue) -> Result<(), String> {
        match (self, value) {
            (ParamKind::Range { min, max, step }, v) => {
                let in_range = match (min, max, v) {
                    (ParamValue::Int(a) | ParamValue::Long(a), ParamValue::Int(b) | ParamValue::Long(b), ParamValue::Int(x) | ParamValue::Long(x)) => a <= x && x <= b,
                    _ => {
                        let (a, b, x) = (min.as_f64().unwrap_or(0.0), max.as_f64().unwrap_or(0.0), v.as_f64().unwrap_or(0.0));
                        a <= x && x <= b
                    }
                };
                if !in_range {
                    return Err(format!("the value {v} is outside the range {min}..{max}"));
                }
                let on_step = match (min, step, v) {
                    (ParamValue::Int(a) | ParamValue::Long(a), ParamValue::Int(s) | ParamValue::Long(s), ParamValue::Int(x) | ParamValue::Long(x)) => {
                        (x - a) % s == 0
                    }
                    _ => {
                        let (a, s, x) = (min.as_f64().unwrap_or(0.0), step.as_f64().unwrap_or(1.0), v.as_f64().unwrap_or(0.0));
                        let steps = (x - a) / s;
                        (steps - steps.round()).abs() < 1e-9
                    }
                };
                if !on_step {
                    return Err(format!("the value {v} is not {min} plus a whole number of steps of {step}"));
                }
                Ok(())
            }
            (ParamKind::Toggle, _) => Ok(()),
            (ParamKind::Choice(options), ParamValue::Str(s)) if options.contains(s) => Ok(()),
            (ParamKind::Choice(options), v) => {
                let list: Vec<String> = options.iter().map(|o| quote(o)).collect();
                Err(format!("the value {v} is not one of the choices {}", list.join(", ")))
            }
        }
    }
}

/// What a `@param` comment says, before it is checked against the value.
struct Spec {
    shape: Shape,
    label: Option<String>,
    /// The whole comment text after `@param`, for messages about the shape.
    span: Span,
}

enum Shape {
    /// `MIN..MAX [step STEP]`, with the numbers as written and where they are.
    Range { min: Number, max: Number, step: Option<Number> },
    /// `one of "a", "b"`.
    Choice(Vec<String>),
    /// Only a label, or nothing.
    Plain,
}

/// A number in a comment: its value, whether it was written as a whole number, and where.
#[derive(Clone, Copy)]
struct Number {
    value: f64,
    whole: Option<i64>,
    span: Span,
}

/// A piece of a `@param` comment.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Number(String),
    Str(String),
    Word(String),
    DotDot,
    Comma,
    Other(char),
    End,
}

impl Piece {
    fn describe(&self) -> String {
        match self {
            Piece::Number(n) => format!("the number {n}"),
            Piece::Str(s) => format!("the text {}", quote(s)),
            Piece::Word(w) => format!("'{w}'"),
            Piece::DotDot => "'..'".into(),
            Piece::Comma => "','".into(),
            Piece::Other(c) => format!("'{c}'"),
            Piece::End => "the end of the comment".into(),
        }
    }
}

/// Splits a `@param` comment into pieces with their spans.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Scanner<'a> {
    fn span(&self, start: usize) -> Span {
        Span::new(self.base + start, self.base + self.pos)
    }

    /// The next piece and its span; an unclosed string is an error.
    fn next(&mut self) -> Result<(Piece, Span), Diagnostic> {
        let rest = &self.text[self.pos..];
        let trimmed = rest.trim_start();
        self.pos += rest.len() - trimmed.len();
        let start = self.pos;
        let Some(c) = trimmed.chars().next() else { return Ok((Piece::End, self.span(start))) };
        // `//` starts a remark of the programmer's own: the declaration ends there.
        if trimmed.starts_with("//") {
            return Ok((Piece::End, self.span(start)));
        }
        let piece = if c == '"' {
            self.pos += 1;
            let mut text = String::new();
            loop {
                let Some(c) = self.text[self.pos..].chars().next() else {
                    return Err(Diagnostic::error(self.span(start), "unclosed label: expected '\"' before the end of the comment"));
                };
                self.pos += c.len_utf8();
                match c {
                    '"' => break,
                    '\\' => {
                        if let Some(e) = self.text[self.pos..].chars().next() {
                            self.pos += e.len_utf8();
                            text.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                other => other,
                            });
                        }
                    }
                    c => text.push(c),
                }
            }
            Piece::Str(text)
        } else if trimmed.starts_with("..") {
            self.pos += 2;
            Piece::DotDot
        } else if c.is_ascii_digit() || ((c == '-' || c == '+') && trimmed[1..].starts_with(|d: char| d.is_ascii_digit())) {
            self.pos += 1;
            let bytes = self.text.as_bytes();
            loop {
                match bytes.get(self.pos) {
                    Some(b) if b.is_ascii_digit() || *b == b'_' => self.pos += 1,
                    // A dot is a decimal point only when a digit follows, as `1..5` is a range.
                    Some(b'.') if bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit) => self.pos += 1,
                    Some(b'e' | b'E') if bytes.get(self.pos + 1).is_some_and(|d| d.is_ascii_digit() || *d == b'-' || *d == b'+') => self.pos += 2,
                    Some(b'L' | b'f' | b'F' | b'd' | b'D') => {
                        self.pos += 1;
                        break;
                    }
                    _ => break,
                }
            }
            Piece::Number(self.text[start..self.pos].to_string())
        } else if c.is_alphabetic() || c == '_' {
            let len = trimmed.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(trimmed.len());
            self.pos += len;
            Piece::Word(trimmed[..len].to_string())
        } else if c == ',' {
            self.pos += 1;
            Piece::Comma
        } else {
            self.pos += c.len_utf8();
            Piece::Other(c)
        };
        Ok((piece, self.span(start)))
    }

    fn peek(&mut self) -> Result<(Piece, Span), Diagnostic> {
        let save = self.pos;
        let next = self.next();
        self.pos = save;
        next
    }
}

impl Spec {
    /// Reads the text after `@param`, which starts at byte `base` of the source.
    fn read(text: &str, base: usize) -> Result<Spec, Diagnostic> {
        let mut sc = Scanner { text, pos: 0, base };
        let span = Span::new(base + (text.len() - text.trim_start().len()), base + text.trim_end().len());
        let (first, first_span) = sc.peek()?;
        let shape = match first {
            Piece::Number(_) => {
                let min = number(&mut sc, "the smallest value of the range")?;
                let (dots, dots_span) = sc.next()?;
                if dots != Piece::DotDot {
                    return Err(Diagnostic::error(dots_span, format!("expected '..' between the bounds of the range, found {}", dots.describe()))
                        .with_help("a range is written `50..2000`"));
                }
                let max = number(&mut sc, "the largest value of the range after '..'").map_err(|d| d.with_help("a range is written `50..2000`"))?;
                let step = match sc.peek()? {
                    (Piece::Word(w), _) if w == "step" => {
                        sc.next()?;
                        Some(number(&mut sc, "the step after 'step'")?)
                    }
                    _ => None,
                };
                Shape::Range { min, max, step }
            }
            Piece::Word(w) if w == "one" => {
                sc.next()?;
                match sc.next()? {
                    (Piece::Word(of), _) if of == "of" => {}
                    (other, s) => return Err(Diagnostic::error(s, format!("expected 'of' after 'one', found {}", other.describe()))),
                }
                let mut options = Vec::new();
                loop {
                    match sc.next()? {
                        (Piece::Str(s), _) => options.push(s),
                        (other, s) => {
                            return Err(Diagnostic::error(s, format!("expected a choice in double quotes, found {}", other.describe()))
                                .with_help("list the choices as strings: `one of \"a\", \"b\" \"Label\"`"))
                        }
                    }
                    if sc.peek()?.0 == Piece::Comma {
                        sc.next()?;
                    } else {
                        break;
                    }
                }
                if options.len() < 2 {
                    return Err(Diagnostic::error(span, "`one of` needs at least two choices, separated by commas"));
                }
                Shape::Choice(options)
            }
            Piece::Str(_) | Piece::End => Shape::Plain,
            other => {
                let help = match other {
                    Piece::Word(_) => format!("put the label in double quotes: `// @param \"{}\"`", text.trim()),
                    _ => "write a range `50..2000`, choices `one of \"a\", \"b\"`, or only a label in quotes".to_string(),
                };
                return Err(Diagnostic::error(
                    first_span,
                    format!("expected a range `MIN..MAX`, `one of …` or a label in double quotes after '@param', found {}", other.describe()),
                )
                .with_help(help));
            }
        };
        let label = match sc.next()? {
            (Piece::Str(s), _) => Some(s),
            (Piece::End, _) => None,
            (other, s) => {
                return Err(Diagnostic::error(s, format!("expected a label in double quotes or the end of the comment, found {}", other.describe())))
            }
        };
        let (rest, rest_span) = sc.next()?;
        if rest != Piece::End {
            return Err(Diagnostic::error(rest_span, format!("expected the end of the comment after the label, found {}", rest.describe())));
        }
        Ok(Spec { shape, label, span })
    }

    /// The control for a parameter whose default is `default`, written at `value_span`.
    fn kind_for(&self, default: &ParamValue, value_span: Span) -> Result<ParamKind, Diagnostic> {
        let kind = match (&self.shape, default) {
            (Shape::Range { min, max, step }, ParamValue::Int(_) | ParamValue::Long(_)) => {
                let whole = |n: &Number| {
                    n.whole.ok_or_else(|| Diagnostic::error(n.span, format!("expected a whole number for {} parameter", default.type_with_article())))
                };
                let wrap = |v: i64| if matches!(default, ParamValue::Int(_)) { ParamValue::Int(v) } else { ParamValue::Long(v) };
                let (lo, hi) = (whole(min)?, whole(max)?);
                let s = match step {
                    Some(s) => whole(s)?,
                    None => 1,
                };
                check_bounds(min, max, step.as_ref(), lo as f64, hi as f64, s as f64)?;
                ParamKind::Range { min: wrap(lo), max: wrap(hi), step: wrap(s) }
            }
            (Shape::Range { min, max, step }, ParamValue::Double(_)) => {
                // A whole step is rarely what a fractional range wants, so it is never assumed.
                let Some(s) = step.map(|s| s.value) else {
                    return Err(Diagnostic::error(min.span.to(max.span), "a range of Double values needs a step")
                        .with_help(format!("give one: `{}..{} step 0.1`", min.span_text(), max.span_text())));
                };
                check_bounds(min, max, step.as_ref(), min.value, max.value, s)?;
                ParamKind::Range { min: ParamValue::Double(min.value), max: ParamValue::Double(max.value), step: ParamValue::Double(s) }
            }
            (Shape::Range { .. }, other) => {
                return Err(Diagnostic::error(self.span, format!("a range is for numbers, but this value is {}", other.type_with_article())).with_help(match other {
                    ParamValue::Bool(_) => "a Boolean parameter takes only a label: `// @param \"Label\"`",
                    _ => "a String parameter lists its choices: `// @param one of \"a\", \"b\" \"Label\"`",
                }))
            }
            (Shape::Choice(options), ParamValue::Str(_)) => ParamKind::Choice(options.clone()),
            (Shape::Choice(_), other) => {
                return Err(Diagnostic::error(self.span, format!("`one of` is for String parameters, but this value is {}", other.type_with_article())).with_help(
                    match other {
                        ParamValue::Bool(_) => "a Boolean parameter takes only a label: `// @param \"Label\"`",
                        _ => "a number parameter takes a range: `// @param 1..10 \"Label\"`",
                    },
                ))
            }
            (Shape::Plain, ParamValue::Bool(_)) => ParamKind::Toggle,
            (Shape::Plain, other) => {
                return Err(Diagnostic::error(self.span, format!("{} parameter needs {}", other.type_with_article(), match other {
                    ParamValue::Str(_) => "its choices",
                    _ => "a range",
                }))
                .with_help(match other {
                    ParamValue::Str(_) => "list the choices: `// @param one of \"a\", \"b\" \"Label\"`",
                    _ => "give the range: `// @param 1..10 \"Label\"`",
                }))
            }
        };
        kind.allows(default).map_err(|problem| Diagnostic::error(value_span, problem))?;
        Ok(kind)
    }
}

/// Checks that a range is not empty and its step positive.
fn check_bounds(min: &Number, max: &Number, step: Option<&Number>, lo: f64, hi: f64, s: f64) -> Result<(), Diagnostic> {
    if lo > hi {
        return Err(Diagnostic::error(min.span.to(max.span), format!("the range is empty: {} is greater than {}", min.span_text(), max.span_text())));
    }
    if s <= 0.0 {
        let span = step.map(|n| n.span).unwrap_or(max.span);
        return Err(Diagnostic::error(span, "the step of a range must be greater than zero"));
    }
    Ok(())
}

impl Number {
    fn span_text(&self) -> String {
        match self.whole {
            Some(v) => v.to_string(),
            None => crate::decimal::Dec(self.value).debug(),
        }
    }
}

/// Reads a number; `what` names it in the error.
fn number(sc: &mut Scanner<'_>, what: &str) -> Result<Number, Diagnostic> {
    let (piece, span) = sc.next()?;
    let Piece::Number(text) = piece else {
        return Err(Diagnostic::error(span, format!("expected {what}, found {}", piece.describe())));
    };
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let is_fraction = clean.contains(['.', 'e', 'E']) || clean.ends_with(['f', 'F', 'd', 'D']);
    let body = clean.trim_end_matches(['L', 'f', 'F', 'd', 'D']);
    let bad = || Diagnostic::error(span, format!("'{text}' is not a number Kotlin can read"));
    if is_fraction {
        let value = crate::decimal::parse_f64(body).ok_or_else(bad)?;
        Ok(Number { value, whole: None, span })
    } else {
        let value: i64 = body.parse().map_err(|_| bad())?;
        Ok(Number { value: value as f64, whole: Some(value), span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message of the only diagnostic for `source`.
    fn problem(source: &str) -> String {
        let (found, diagnostics) = params(source);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        diagnostics[0].message.clone()
    }

    #[test]
    fn kinds_follow_the_value() {
        let (found, diagnostics) = params(
            "val a = -5 // @param -10..10\nval b = 2.5 // @param 0.5..5.0 step 0.5 \"B\"\nval c = false // @param\nval d = 7L // @param 0..100 step 7\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(found[0].kind, ParamKind::Range { min: ParamValue::Int(-10), max: ParamValue::Int(10), step: ParamValue::Int(1) });
        assert_eq!(found[0].label, "a");
        assert_eq!(found[1].kind, ParamKind::Range { min: ParamValue::Double(0.5), max: ParamValue::Double(5.0), step: ParamValue::Double(0.5) });
        assert_eq!(found[2].kind, ParamKind::Toggle);
        assert_eq!(found[3].default, ParamValue::Long(7));
    }

    #[test]
    fn a_remark_may_follow_the_declaration() {
        let (found, diagnostics) = params("val a = 5 // @param 0..10 \"A\" // the usual is 5\nval b = true // @param // on or off\n");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!((found[0].label.as_str(), found.len()), ("A", 2));
        assert_eq!(found[1].kind, ParamKind::Toggle);
    }

    #[test]
    fn malformed_comments_name_the_problem() {
        assert_eq!(problem("val a = 1.5 // @param 0.5..3.0"), "a range of Double values needs a step");
        assert_eq!(problem("val a = 5 // @param 10..1"), "the range is empty: 10 is greater than 1");
        assert_eq!(problem("val a = 5 // @param 0..10 step 0"), "the step of a range must be greater than zero");
        assert_eq!(problem("val a = 5 // @param 0..10 step 3"), "the value 5 is not 0 plus a whole number of steps of 3");
        assert_eq!(problem("val a = 5 // @param 0.5..10"), "expected a whole number for an Int parameter");
        assert_eq!(problem("val a = 5 // @param \"A\" \"B\""), "expected the end of the comment after the label, found the text \"B\"");
        assert_eq!(problem("val a = 5 // @param \"A"), "unclosed label: expected '\"' before the end of the comment");
        assert_eq!(problem("val a = 5 // @param"), "an Int parameter needs a range");
        assert_eq!(problem("val a = true // @param 0..1"), "a range is for numbers, but this value is a Boolean");
        assert_eq!(problem("val a = \"x\" // @param one of \"x\""), "`one of` needs at least two choices, separated by commas");
        assert_eq!(problem("val a = \"x\" // @param one \"x\", \"y\""), "expected 'of' after 'one', found the text \"x\"");
        assert_eq!(problem("val a = \"x\" // @param one of x, y"), "expected a choice in double quotes, found 'x'");
        assert_eq!(problem("val a = 1 // @param one of \"x\", \"y\""), "`one of` is for String parameters, but this value is an Int");
        assert_eq!(problem("var a = 1 // @param 0..3"), "parameter 'a' must be a `val`, not a `var`");
        assert_eq!(problem("val a: Double = 1 // @param 0..3"), "the declared type Double does not match the value 1, which is an Int");
        assert_eq!(problem("val a = \"$x\" // @param one of \"a\", \"b\""), "the value of parameter 'a' must be a literal such as 200, 1.5, true or \"text\"");
        assert_eq!(problem("fun main() {\n    run {\n        val a = 1 // @param 0..3\n    }\n}\n"), "`// @param` marks only top-level vals and vals directly inside `main`");
    }

    #[test]
    fn a_name_is_a_parameter_once() {
        let (found, diagnostics) = params("val a = 1 // @param 0..3\nfun main() {\n    val a = 2 // @param 0..3\n}\n");
        assert_eq!(found.len(), 1);
        assert_eq!(diagnostics[0].message, "a parameter named 'a' is already declared at 1:9");
    }

    #[test]
    fn values_print_as_kotlin() {
        assert_eq!(ParamValue::Double(3.0).to_kotlin(), "3.0");
        assert_eq!(ParamValue::Double(1e21).to_kotlin(), "1e21");
        assert_eq!(ParamValue::Long(5).to_kotlin(), "5L");
        assert_eq!(ParamValue::Long(5).to_string(), "5");
        assert_eq!(ParamValue::Str("tab\there \u{1}".into()).to_kotlin(), "\"tab\\there \\u0001\"");
    }
}
