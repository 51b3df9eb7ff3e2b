//! The Kotlin-subset front end: lexer, parser, syntax tree, diagnostics and lesson parameters.
//!
//! **Architecture Invariant:** parsing never fails. [`parse`] returns the tree and every
//! diagnostic; a mistake in the program is data, never a panic.

pub mod ast;
pub mod diagnostic;
pub mod lexer;
pub mod params;
pub mod parser;
pub mod span;
pub mod suggest;
pub mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use lexer::lex;
pub use parser::{parse, Parsed};
pub use span::{LineCol, LineIndex, Span};
pub use token::{Highlight, Token, TokenKind};
