//! Running a program from source: parse, compile, simulate.

use std::rc::Rc;

use crate::bytecode::Program;
use crate::lang::{self, Diagnostic};
use crate::world::{Config, Outcome, World};

/// Options for [`run_source`].
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The simulation's configuration.
    pub config: Config,
    /// The file name, for stack frames and messages.
    pub file_name: String,
}

/// The result of running a program.
#[derive(Debug, Clone)]
pub struct RunResult {
    /// Diagnostics before running (when it did not run: errors).
    pub diagnostics: Vec<Diagnostic>,
    /// The world after the run, if it ran.
    pub world: Option<World>,
}

impl RunResult {
    /// Standard output.
    pub fn stdout(&self) -> String {
        self.world.as_ref().map(|w| w.stdout()).unwrap_or_default()
    }

    /// Exit code: 0 normal, 1 when main threw, 2 for errors and limits.
    pub fn exit_code(&self) -> i32 {
        match &self.world {
            Some(w) => w.outcome.as_ref().map(Outcome::exit_code).unwrap_or(2),
            None => 2,
        }
    }
}

/// All diagnostics of a program: syntax, `@param` comments, and compile-time checks.
pub fn check(source: &str, file_name: &str) -> Vec<Diagnostic> {
    let parsed = lang::parse(source);
    let mut diags = parsed.diagnostics.clone();
    for d in lang::params::params_in(source, &parsed).1 {
        if !diags.contains(&d) {
            diags.push(d);
        }
    }
    if !diags.iter().any(|d| d.is_error()) {
        let compiled = crate::compiler::compile(&parsed.file, source, file_name);
        diags.extend(compiled.diagnostics);
    }
    lang::diagnostic::sort(&mut diags);
    diags
}

/// Parses and compiles; the program is returned only when there is no error.
pub fn compile_source(source: &str, file_name: &str) -> (Option<Program>, Vec<Diagnostic>) {
    let parsed = lang::parse(source);
    let mut diags = parsed.diagnostics;
    if diags.iter().any(|d| d.is_error()) {
        return (None, diags);
    }
    let compiled = crate::compiler::compile(&parsed.file, source, file_name);
    diags.extend(compiled.diagnostics);
    lang::diagnostic::sort(&mut diags);
    if diags.iter().any(|d| d.is_error()) {
        return (None, diags);
    }
    (Some(compiled.program), diags)
}

/// Parses, compiles and runs a program to its end.
pub fn run_source(source: &str, options: &RunOptions) -> RunResult {
    let name = if options.file_name.is_empty() { "Main.kt" } else { &options.file_name };
    let (program, diagnostics) = compile_source(source, name);
    let Some(program) = program else { return RunResult { diagnostics, world: None } };
    let mut world = World::new(Rc::new(program), options.config.clone());
    world.run_to_end();
    RunResult { diagnostics, world: Some(world) }
}
