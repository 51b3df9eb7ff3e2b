//! Diagnostics: learner mistakes and run limits as data, with a span and a message.

use super::span::{LineIndex, Span};
use std::fmt::Write as _;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The program cannot run as written.
    Error,
    /// The program runs, but probably not as intended (or not as on the JVM).
    Warning,
}

/// One problem found in a program, pointing at the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, in one sentence without a trailing period.
    pub message: String,
    /// An optional hint on how to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, span, message: message.into(), help: None }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, span, message: message.into(), help: None }
    }

    /// Adds a hint.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic as `FILE:LINE:COL: error: message`, the source line and a caret
    /// line under the span, the way compilers print them.
    pub fn render(&self, file_name: &str, index: &LineIndex) -> String {
        let pos = index.line_col(self.span.start);
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        let _ = writeln!(out, "{file_name}:{}:{}: {kind}: {}", pos.line, pos.col, self.message);
        let line_text = index.line_text(pos.line);
        let _ = writeln!(out, "{line_text}");
        let end = index.line_col(self.span.end);
        let width = if end.line == pos.line { (end.col.saturating_sub(pos.col)).max(1) } else {
            (line_text.chars().count() as u32 + 1).saturating_sub(pos.col).max(1)
        };
        let pad: String = line_text
            .chars()
            .take(pos.col as usize - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad}{}", "^".repeat(width as usize));
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  help: {help}");
        }
        out
    }
}

/// Sorts diagnostics by position, keeping the order of those at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    crate::order::sort_by_key(diagnostics, |d| (d.span.start, d.span.end));
}
