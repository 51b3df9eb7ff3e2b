//! Programs compiled ahead of time, whose parameters can still be turned.
//!
//! The page runs the course's scenarios over and over with different parameter values, and
//! each value is a literal in the code (`val queryMs = 200 // @param …`). Compiling the
//! scenario again for each value would put the whole front end — parser, compiler, the
//! checks of `@param` comments — in the code the page downloads first. Instead, the course's
//! build compiles each scenario once ([`Precompiled::compile`]) and notes which instruction
//! pushes each parameter's literal. The page then reads the code on screen against the
//! scenario ([`Precompiled::read`]): when the two differ only in those literals, written as
//! the page writes them, the program for the code on screen is the precompiled one with
//! those instructions changed and the source positions after each literal moved
//! ([`Precompiled::program`]). Any other edit goes through the compiler.
//!
//! **Architecture Invariant:** a program read from a [`Precompiled`] is the program the
//! compiler gives for the same source, instruction for instruction and span for span; the
//! course's tests compare the two for every value of every parameter they try.

use std::rc::Rc;

use crate::bytecode::{Op, Program};
use crate::codec::{Reader, Writer};
use crate::lang::params::{self, Param, ParamValue};
use crate::lang::{Diagnostic, Span};
use crate::value::Value;

/// A scenario compiled ahead of time: its program, its parameters, its diagnostics (warnings
/// only), and where each parameter's literal is pushed.
#[derive(Debug, Clone)]
pub struct Precompiled {
    /// The program, for the parameters' values in the source it was compiled from.
    pub program: Program,
    /// The parameters, in source order, as [`params::params`] reads them.
    pub params: Vec<Param>,
    /// Everything [`crate::check`] says of the source; never an error.
    pub diagnostics: Vec<Diagnostic>,
    /// For each parameter, the function and instruction that push its literal.
    sites: Vec<(u32, u32)>,
}

/// The code on screen read against a [`Precompiled`] scenario: the parameters' values it
/// writes, and where its positions differ from the scenario's.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The parameters as [`params::params`] reads them in the code on screen: each one's
    /// default is the value written there, and its span is where it is written there.
    pub params: Vec<Param>,
    /// For each literal whose length changed: the scenario's offset just after it, and how
    /// far every position from there on has moved (the sum of the changes so far).
    shifts: Vec<(u32, i64)>,
}

impl Precompiled {
    /// Compiles `source` and finds its parameters' literals in the program. An error says
    /// why the source cannot be precompiled: it does not compile, or a parameter's literal is
    /// not pushed by exactly one instruction.
    pub fn compile(source: &str, file_name: &str) -> Result<Precompiled, String> {
        let diagnostics = crate::check(source, file_name);
        if let Some(e) = diagnostics.iter().find(|d| d.is_error()) {
            return Err(format!("the scenario does not compile: {}", e.message));
        }
        let (program, _) = crate::compile_source(source, file_name);
        let program = program.ok_or("the scenario does not compile")?;
        let (params, _) = params::params(source);
        let mut sites = Vec::new();
        let mut last_end = 0;
        for p in &params {
            if p.value_span.start < last_end {
                return Err(format!("parameter '{}' is declared before the one above it", p.name));
            }
            last_end = p.value_span.end;
            let literal = Op::Push(value_of(&p.default));
            let mut found = Vec::new();
            for (f, func) in program.functions.iter().enumerate() {
                for (i, op) in func.code.iter().enumerate() {
                    if *op == literal && func.spans.get(i) == Some(&p.value_span) {
                        found.push((f as u32, i as u32));
                    }
                }
            }
            match found.as_slice() {
                [site] => sites.push(*site),
                _ => return Err(format!("parameter '{}': its literal is pushed by {} instructions, not one", p.name, found.len())),
            }
        }
        Ok(Precompiled { program, params, diagnostics, sites })
    }

    /// The bytes the page embeds.
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        let mut w = Writer::new();
        w.program(&self.program)?;
        w.u32(self.params.len() as u32);
        for (p, (f, i)) in self.params.iter().zip(&self.sites) {
            w.param(p);
            w.u32(*f);
            w.u32(*i);
        }
        w.u32(self.diagnostics.len() as u32);
        for d in &self.diagnostics {
            w.diagnostic(d);
        }
        Ok(w.bytes)
    }

    /// Reads what [`Precompiled::encode`] wrote; `None` for anything else.
    pub fn decode(bytes: &[u8]) -> Option<Precompiled> {
        let mut r = Reader::new(bytes);
        let program = r.program()?;
        let mut params = Vec::new();
        let mut sites = Vec::new();
        for _ in 0..r.u32()? {
            params.push(r.param()?);
            let site = (r.u32()?, r.u32()?);
            let op = program.functions.get(site.0 as usize).and_then(|f| f.code.get(site.1 as usize));
            if !matches!(op, Some(Op::Push(_))) {
                return None;
            }
            sites.push(site);
        }
        let mut diagnostics = Vec::new();
        for _ in 0..r.u32()? {
            diagnostics.push(r.diagnostic()?);
        }
        r.at_end().then_some(Precompiled { program, params, diagnostics, sites })
    }

    /// Reads `source` against `original`, the source this was compiled from. It is `Some`
    /// when the two differ only in the parameters' literals, each written as the scenario
    /// writes it or as the page writes a value ([`ParamValue::to_kotlin`]), and each a value
    /// its parameter takes. Anything else (another spelling, a value out of range, any other
    /// edit) is `None`: only the compiler can say what that code means.
    pub fn read(&self, original: &str, source: &str) -> Option<Reading> {
        let mut params = Vec::with_capacity(self.params.len());
        let mut shifts = Vec::new();
        let (mut o, mut s) = (0usize, 0usize);
        let mut moved: i64 = 0;
        for p in &self.params {
            let (start, end) = (p.value_span.start as usize, p.value_span.end as usize);
            let before = original.get(o..start)?;
            if !source.get(s..)?.starts_with(before) {
                return None;
            }
            s += before.len();
            // A parameter's comment follows its literal on the same line, so the literal on
            // screen runs up to the rest of the scenario's line.
            let rest = original.get(end..)?;
            let rest_of_line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            let tail = source.get(s..)?;
            let len = if rest_of_line.is_empty() { tail.find('\n').unwrap_or(tail.len()) } else { tail.find(rest_of_line)? };
            let text = &tail[..len];
            if text.contains('\n') {
                return None;
            }
            let value = p.parse_value(text).ok()?;
            if text != &original[start..end] && text != value.to_kotlin() {
                return None;
            }
            let value = params::check_value(p, &value).ok()?;
            if value.type_name() != p.default.type_name() {
                return None;
            }
            let at = (start as i64 + moved) as u32;
            params.push(Param { default: value, value_span: Span { start: at, end: at + len as u32 }, ..p.clone() });
            if len != end - start {
                moved += len as i64 - (end - start) as i64;
                shifts.push((end as u32, moved));
            }
            o = end;
            s += len;
        }
        (source.get(s..)? == original.get(o..)?).then_some(Reading { params, shifts })
    }

    /// The program for the code `reading` read: each parameter's literal is the value
    /// written there, and every position is where it is in that code.
    pub fn program(&self, reading: &Reading) -> Program {
        let mut program = self.program.clone();
        for (p, &(f, i)) in reading.params.iter().zip(&self.sites) {
            if let Some(op) = program.functions.get_mut(f as usize).and_then(|func| func.code.get_mut(i as usize)) {
                *op = Op::Push(value_of(&p.default));
            }
        }
        if !reading.shifts.is_empty() {
            for func in &mut program.functions {
                for span in func.spans.iter_mut().chain(std::iter::once(&mut func.span)) {
                    *span = reading.span(*span);
                }
            }
            for class in &mut program.classes {
                class.span = reading.span(class.span);
            }
            for global in &mut program.globals {
                global.span = reading.span(global.span);
            }
            for start in &mut program.line_starts {
                *start = reading.offset(*start);
            }
        }
        program
    }

    /// The diagnostics of the code `reading` read.
    pub fn diagnostics(&self, reading: &Reading) -> Vec<Diagnostic> {
        self.diagnostics.iter().map(|d| Diagnostic { span: reading.span(d.span), ..d.clone() }).collect()
    }
}

impl Reading {
    /// Where offset `at` of the scenario is in the code read.
    fn offset(&self, at: u32) -> u32 {
        let moved = self.shifts.iter().take_while(|(end, _)| *end <= at).last().map_or(0, |(_, moved)| *moved);
        (at as i64 + moved) as u32
    }

    fn span(&self, span: Span) -> Span {
        Span { start: self.offset(span.start), end: self.offset(span.end) }
    }
}

/// The constant the compiler pushes for a parameter's literal.
fn value_of(value: &ParamValue) -> Value {
    match value {
        ParamValue::Int(v) => Value::Int(*v as i32),
        ParamValue::Long(v) => Value::Long(*v),
        ParamValue::Double(v) => Value::Double(*v),
        ParamValue::Bool(v) => Value::Bool(*v),
        ParamValue::Str(s) => Value::Str(Rc::from(s.as_str())),
    }
}
