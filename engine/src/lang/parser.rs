//! The parser: tokens to a syntax tree. It never fails: it returns the tree and every
//! diagnostic, recovering at statement and argument boundaries so that several mistakes are
//! reported in one pass.
//!
//! Newlines follow Kotlin's grammar: they end a statement, except inside `(…)` and `[…]`, after
//! a binary operator, and before a line that starts with `.`, `?.`, `?:`, `&&` or `||`.

use super::ast::*;
use super::diagnostic::Diagnostic;
use super::lexer::lex;
use super::span::{LineIndex, Span};
use super::token::{Token, TokenKind as T};

/// The result of parsing: a tree (with error nodes where the text made no sense) and all
/// diagnostics from the lexer and the parser, sorted by position.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The syntax tree.
    pub file: File,
    /// Lexer and parser diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// All tokens, comments included: the page highlights from these.
    pub tokens: Vec<Token>,
}

/// Parses a whole file.
pub fn parse(source: &str) -> Parsed {
    let (tokens, lex_diagnostics) = lex(source);
    let significant: Vec<Token> = tokens.iter().copied().filter(|t| !t.kind.is_trivia()).collect();
    let swallowed_from = swallowed_from(source, &tokens);
    let infix_names = declared_infix_names(source, &significant);
    let mut parser = Parser {
        infix_names,
        swallowed_from,
        src: source,
        toks: significant,
        pos: 0,
        diags: Vec::new(),
        index: LineIndex::new(source),
        nl_stack: vec![false],
        depth: 0,
        too_deep_reported: false,
        in_interface: false,
        misindented_close: None,
        extension_receiver: None,
    };
    let file = parser.file();
    let parse_diagnostics = std::mem::take(&mut parser.diags);
    let diagnostics = merge_diagnostics(swallowed_from, &parser.index, lex_diagnostics, parse_diagnostics);
    Parsed { file, diagnostics, tokens }
}

/// The names of the functions the program declares `infix`: the name before the parameter
/// list that follows `infix … fun`. Kotlin reads any name between two operands as an infix
/// call; the parser reads only these and the library's, so that another name there is
/// reported as the missing comma or line break it most likely is.
fn declared_infix_names(source: &str, toks: &[Token]) -> Vec<String> {
    let text = |t: &Token| &source[t.span.start as usize..t.span.end as usize];
    let mut names = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != T::Ident || text(t) != "infix" {
            continue;
        }
        let Some(fun) = toks[i + 1..].iter().take(8).position(|t| t.kind == T::Fun) else { continue };
        let after = &toks[i + 2 + fun..];
        if let Some(paren) = after.iter().take(32).position(|t| t.kind == T::LParen) {
            if let Some(name) = paren.checked_sub(1).map(|k| &after[k]).filter(|n| n.kind == T::Ident) {
                names.push(text(name).to_string());
            }
        }
    }
    names
}

/// Where a comment or string left open until the end of the file starts, if there is one.
fn swallowed_from(source: &str, tokens: &[Token]) -> Option<u32> {
    tokens
        .iter()
        .find(|t| {
            let text = t.span.text(source);
            let open_comment = matches!(t.kind, T::BlockComment | T::DocComment) && (text.len() < 4 || !text.ends_with("*/"));
            let open_string = t.kind == T::StrEnd && t.span.is_empty() && t.span.start as usize == source.len();
            open_comment || open_string
        })
        .map(|t| t.span.start)
}

/// Most diagnostics one parse reports: past this many the rest are mostly consequences of the
/// first ones, and a page full of them helps nobody.
pub const MAX_DIAGNOSTICS: usize = 100;

/// Joins lexer and parser diagnostics in source order, leaving out parser diagnostics that
/// only repeat a lexer error: those on a line where the lexer already reported a mistake, and
/// those in the text swallowed by a comment or string left open until the end of the file.
fn merge_diagnostics(swallowed_from: Option<u32>, index: &LineIndex, lexed: Vec<Diagnostic>, parsed: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut lexer_lines: Vec<u32> = lexed.iter().filter(|d| d.is_error()).map(|d| index.line(d.span.start)).collect();
    crate::order::sort_by_key(&mut lexer_lines, |&l| l);
    let mut diagnostics = lexed;
    diagnostics.extend(parsed.into_iter().filter(|d| {
        let after_swallow = swallowed_from.is_some_and(|from| d.span.start >= from);
        !after_swallow && lexer_lines.binary_search(&index.line(d.span.start)).is_err()
    }));
    super::diagnostic::sort(&mut diagnostics);
    // Two reports of one place are one mistake seen twice; keep the first.
    diagnostics.dedup_by(|a, b| a.span.start == b.span.start && a.is_error() && b.is_error());
    diagnostics.truncate(MAX_DIAGNOSTICS);
    diagnostics
}

/// Deepest nesting of expressions and blocks the parser follows before giving up on a part
/// of the input; it keeps hostile input from exhausting the host stack.
const MAX_DEPTH: u32 = 150;

struct Parser<'s> {
    /// Where a comment or string left open until the end of the file starts: the parser's
    /// complaints about the end of the file are then only consequences of it.
    swallowed_from: Option<u32>,
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    diags: Vec<Diagnostic>,
    index: LineIndex,
    /// Whether newlines are insignificant in the current bracket context.
    nl_stack: Vec<bool>,
    depth: u32,
    too_deep_reported: bool,
    /// Whether the members of an interface are being read: its functions may have no body.
    in_interface: bool,
    /// Functions the program declares `infix` (see [`declared_infix_names`]).
    infix_names: Vec<String>,
    /// The first `{` whose `}` stands at another indentation than the line that opened it, and
    /// that `}`: when a brace is missing at the end, it is most likely this one.
    misindented_close: Option<(Span, Span)>,
    /// The receiver type of the extension property just read (`String` in
    /// `val String.initial`), for the caller that turns it into a function.
    extension_receiver: Option<TypeRef>,
}

/// The modifiers the subset accepts and ignores.
const HARMLESS_MODIFIERS: &[&str] =
    &["private", "public", "internal", "protected", "override", "open", "const", "final", "data", "lateinit", "companion", "enum", "abstract", "sealed", "operator", "inline", "infix"];

/// Modifiers outside the subset, with the construct they introduce.
const UNSUPPORTED_MODIFIERS: &[(&str, &str)] = &[
    ("inner", "inner classes are not supported in Coroutine Lab"),
    ("tailrec", "`tailrec` functions are not supported in Coroutine Lab"),
    ("external", "`external` functions are not supported in Coroutine Lab"),
    ("annotation", "annotation classes are not supported in Coroutine Lab"),
    ("reified", "`reified` type parameters are not supported in Coroutine Lab"),
    ("crossinline", "`crossinline` is not supported in Coroutine Lab"),
    ("noinline", "`noinline` is not supported in Coroutine Lab"),
    ("value", "value classes are not supported in Coroutine Lab"),
];

/// Binding strength of binary operators, loosest first, as in Kotlin's grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precedence {
    Disjunction,    // ||
    Conjunction,    // &&
    Equality,       // == != === !==
    Comparison,     // < > <= >=
    NamedCheck,     // in !in is !is
    Elvis,          // ?:
    Infix,          // to until downTo step …
    Range,          // .. ..<
    Additive,       // + -
    Multiplicative, // * / %
    /// Tighter than every binary operator: an operand alone.
    Operand,
}

impl Precedence {
    /// The next tighter level: the right operand of a left-associative operator.
    fn tighter(self) -> Precedence {
        use Precedence::*;
        match self {
            Disjunction => Conjunction,
            Conjunction => Equality,
            Equality => Comparison,
            Comparison => NamedCheck,
            NamedCheck => Elvis,
            Elvis => Infix,
            Infix => Range,
            Range => Additive,
            Additive => Multiplicative,
            Multiplicative | Operand => Operand,
        }
    }
}

/// A binary operator as the precedence climber sees it.
#[derive(Debug, Clone, Copy)]
enum Operator {
    Binary(BinaryOp),
    In { negated: bool },
    Is { negated: bool },
    Infix,
}

/// The library's infix functions, the only names written between two operands.
const INFIX_FUNCTIONS: &[&str] = &[
    "to", "until", "downTo", "step", "and", "or", "xor", "shl", "shr", "ushr", "zip", "union", "intersect", "subtract", "rangeTo",
    "rangeUntil", "matches", "contentEquals",
];

/// Class modifiers whose class body is not made of declarations the subset can read.
const UNSUPPORTED_CLASS_KINDS: &[&str] = &["annotation", "inner", "value"];

fn is_modifier_word(w: &str) -> bool {
    w == "suspend" || w == "vararg" || HARMLESS_MODIFIERS.contains(&w) || UNSUPPORTED_MODIFIERS.iter().any(|(m, _)| *m == w)
}

impl<'s> Parser<'s> {
    // ----- Cursor -----

    fn nl_ignored(&self) -> bool {
        *self.nl_stack.last().unwrap_or(&false)
    }

    /// Index of the next token, skipping newlines when they are insignificant here.
    fn peek_index(&self) -> usize {
        let mut i = self.pos;
        if self.nl_ignored() {
            while i < self.toks.len() && self.toks[i].kind == T::Newline {
                i += 1;
            }
        }
        i.min(self.toks.len() - 1)
    }

    fn peek(&self) -> Token {
        self.toks[self.peek_index()]
    }

    fn kind(&self) -> T {
        self.peek().kind
    }

    /// The token `n` significant tokens ahead, newlines skipped.
    fn peek_nth_skip_nl(&self, n: usize) -> Token {
        let mut i = self.pos;
        let mut seen = 0;
        while i < self.toks.len() {
            if self.toks[i].kind != T::Newline {
                if seen == n {
                    return self.toks[i];
                }
                seen += 1;
            }
            i += 1;
        }
        *self.toks.last().expect("the token stream ends with Eof")
    }

    fn text(&self, t: Token) -> &'s str {
        t.span.text(self.src)
    }

    fn at(&self, k: T) -> bool {
        self.kind() == k
    }

    fn at_word(&self, w: &str) -> bool {
        let t = self.peek();
        t.kind == T::Ident && self.text(t) == w
    }

    fn bump(&mut self) -> Token {
        let i = self.peek_index();
        let t = self.toks[i];
        if t.kind != T::Eof {
            self.pos = i + 1;
        } else {
            self.pos = i;
        }
        t
    }

    fn eat(&mut self, k: T) -> Option<Token> {
        if self.at(k) {
            Some(self.bump())
        } else {
            None
        }
    }

    fn skip_newlines(&mut self) {
        while self.pos < self.toks.len() && self.toks[self.pos].kind == T::Newline {
            self.pos += 1;
        }
    }

    /// True when the next significant token, past any newlines, has kind `k`.
    fn next_after_newlines_is(&self, k: T) -> bool {
        self.peek_nth_skip_nl(0).kind == k
    }

    fn prev_end(&self) -> u32 {
        if self.pos == 0 {
            return 0;
        }
        let mut i = self.pos - 1;
        while i > 0 && self.toks[i].kind == T::Newline {
            i -= 1;
        }
        self.toks[i].span.end
    }

    fn span_from(&self, start: u32) -> Span {
        Span { start, end: self.prev_end().max(start) }
    }

    /// How a message names the token `t`: by its text when that is short enough to read.
    fn describe(&self, t: Token) -> String {
        match t.kind {
            T::Ident => format!("'{}'", self.text(t)),
            T::Int | T::Long | T::Double => format!("the number {}", self.text(t)),
            T::Char => format!("the character {}", self.text(t)),
            T::StrStart => match self.string_literal_end(t) {
                Some(end) if end - t.span.start <= 40 => format!("the string {}", Span { start: t.span.start, end }.text(self.src)),
                _ => "a string".into(),
            },
            T::Newline => "the end of the line".into(),
            k => k.describe().to_string(),
        }
    }

    /// Where the string literal opened by `open` ends, if it is closed.
    #[inline(never)]
    fn string_literal_end(&self, open: Token) -> Option<u32> {
        let first = self.toks.partition_point(|x| x.span.start < open.span.start);
        let mut depth = 0;
        for x in self.toks[first..].iter().take(64) {
            match x.kind {
                T::StrStart => depth += 1,
                T::StrEnd if depth == 1 => return (!x.span.is_empty()).then_some(x.span.end),
                T::StrEnd => depth -= 1,
                _ => {}
            }
        }
        None
    }

    fn pos_of(&self, span: Span) -> String {
        self.index.line_col(span.start).to_string()
    }

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg));
    }

    fn error_help(&mut self, span: Span, msg: impl Into<String>, help: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg).with_help(help));
    }

    fn error_here(&mut self, expected: &str) {
        let t = self.peek();
        let found = self.describe(t);
        let span = self.found_span(t);
        self.error(span, format!("expected {expected}, found {found}"));
    }

    /// Like `error_here`, with a hint on how to fix it.
    fn error_here_help(&mut self, expected: &str, help: impl Into<String>) {
        let t = self.peek();
        let found = self.describe(t);
        let span = self.found_span(t);
        self.error_help(span, format!("expected {expected}, found {found}"), help);
    }

    /// Where to report a problem found at `t`: the token itself, or for the end of the file
    /// the end of the last token, so that the message shows a line with code on it.
    fn found_span(&self, t: Token) -> Span {
        if t.kind != T::Eof || self.swallowed_from.is_some() {
            return t.span;
        }
        let last = self.toks.iter().rev().find(|x| !matches!(x.kind, T::Eof | T::Newline));
        last.map(|x| x.span.end_point()).unwrap_or(t.span)
    }

    /// Consumes `k` or reports what was expected.
    fn expect(&mut self, k: T, what: &str) -> Option<Token> {
        if let Some(t) = self.eat(k) {
            return Some(t);
        }
        self.error_here(what);
        None
    }

    /// Consumes the closing token of a bracket opened by `open`, or reports it with the
    /// position of the opening token. When the closing token comes later on the same line
    /// after some stray tokens, those are skipped so that one mistake is reported once.
    fn expect_close(&mut self, close: T, open: Token, construct: &str) -> bool {
        // A closing bracket never starts a statement, so line breaks before it do not matter.
        if self.next_after_newlines_is(close) {
            self.skip_newlines();
        }
        if let Some(t) = self.eat(close) {
            self.note_indentation(open, t);
            return true;
        }
        let t = self.peek();
        let found = self.describe(t);
        let at = self.pos_of(open.span);
        let sym = close.describe();
        let mut diagnostic = Diagnostic::error(self.found_span(t), format!("expected {sym} to close the {construct} opened at {at}, found {found}"));
        diagnostic = match self.misindented_close {
            Some((o, c)) if close == T::RBrace && t.kind == T::Eof => {
                let (open_at, close_at) = (self.pos_of(o), self.index.line(c.start));
                let like = self.line_indented_like(c);
                diagnostic.with_help(format!("the '{{' opened at {open_at} is probably the one left open: the '}}' on line {close_at} that closes it is indented like line {like}"))
            }
            _ => diagnostic.with_help(format!("add {sym}")),
        };
        self.diags.push(diagnostic);
        if let Some(i) = self.close_later_on_line(close) {
            self.pos = i + 1;
        }
        false
    }

    /// Reports and skips a closing bracket that closes nothing.
    fn stray_close(&mut self) {
        let t = self.bump();
        let open = match t.kind {
            T::RParen => T::LParen,
            T::RBracket => T::LBracket,
            _ => T::LBrace,
        };
        let (close, open) = (t.kind.describe(), open.describe());
        self.error_help(t.span, format!("unexpected {close}: there is no open {open} for it to close"), format!("remove it, or look for a {close} written twice"));
    }

    /// Remembers the first `{ … }` whose `}` starts its line at another indentation than the
    /// line of the `{`.
    fn note_indentation(&mut self, open: Token, close: Token) {
        if open.kind != T::LBrace || self.misindented_close.is_some() {
            return;
        }
        let close_indent = self.indent_before(close.span.start);
        if close_indent.is_some_and(|indent| indent != self.line_indent(open.span.start)) && self.index.line(open.span.start) != self.index.line(close.span.start) {
            self.misindented_close = Some((open.span, close.span));
        }
    }

    /// The indentation (in blanks) of the line holding byte `offset`.
    fn line_indent(&self, offset: u32) -> u32 {
        let start = self.index.line_start(self.index.line(offset)) as usize;
        self.src.as_bytes()[start..].iter().take_while(|b| matches!(b, b' ' | b'\t')).count() as u32
    }

    /// The indentation before byte `offset` when only blanks stand before it on its line.
    fn indent_before(&self, offset: u32) -> Option<u32> {
        let indent = self.line_indent(offset);
        (self.index.line_start(self.index.line(offset)) + indent == offset).then_some(indent)
    }

    /// The closest line above the `}` at `close` that is indented as that `}` is.
    fn line_indented_like(&self, close: Span) -> u32 {
        let pos = self.index.line_col(close.start);
        (1..pos.line).rev().find(|&l| {
            let text = self.index.line_text(l);
            !text.trim().is_empty() && indentation(text) == pos.col - 1
        }).unwrap_or(1)
    }

    /// The index of a `close` token later on the current line at bracket depth zero, if any,
    /// looking a few tokens ahead only: stray tokens before a bracket are few, and a bounded
    /// look keeps hostile input linear.
    fn close_later_on_line(&self, close: T) -> Option<usize> {
        const LOOK_AHEAD: usize = 64;
        let mut depth = 0i32;
        for i in self.pos..self.toks.len().min(self.pos + LOOK_AHEAD) {
            let k = self.toks[i].kind;
            match k {
                T::Newline | T::Eof => return None,
                _ if k == close && depth == 0 => return Some(i),
                T::LParen | T::LBrace | T::LBracket | T::StrExprStart => depth += 1,
                T::RParen | T::RBrace | T::RBracket | T::StrExprEnd => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                let span = self.peek().span;
                self.error(span, "this code is nested too deeply to read; simplify it");
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Counts one more link of a chain such as `a + b + c` or `a.b().c`: each link nests the
    /// tree one level deeper, so long chains are bounded like deep brackets.
    fn link(&mut self, links: &mut u32) -> bool {
        *links += 1;
        self.enter()
    }

    /// Leaves the levels entered by the links of one chain.
    fn unlink(&mut self, links: u32) {
        self.depth -= links;
    }

    fn ident(&mut self, what: &str) -> Option<Ident> {
        let t = self.peek();
        match t.kind {
            T::Ident => {
                self.bump();
                Some(Ident { name: self.text(t).to_string(), span: t.span })
            }
            T::QuotedIdent => {
                self.bump();
                Some(Ident { name: self.text(t).trim_matches('`').to_string(), span: t.span })
            }
            _ => {
                self.error_here(what);
                None
            }
        }
    }

    fn missing_ident(&self) -> Ident {
        Ident { name: "<missing>".into(), span: self.peek().span }
    }

    /// Skips tokens up to a statement boundary (newline, `;`, `}` of this level or end).
    fn recover_statement(&mut self) {
        let mut depth = 0i32;
        loop {
            let t = self.toks[self.pos.min(self.toks.len() - 1)];
            match t.kind {
                T::Eof => return,
                T::Newline | T::Semi if depth <= 0 => return,
                T::RBrace if depth <= 0 => return,
                T::LBrace | T::LParen | T::LBracket => depth += 1,
                T::RBrace | T::RParen | T::RBracket => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
    }

    // ----- File and declarations -----

    fn file(&mut self) -> File {
        let mut file = File::default();
        self.skip_separators();
        // File annotations such as `@file:OptIn(…)` are accepted and ignored.
        while self.at(T::At) && self.peek_nth_skip_nl(1).kind == T::Ident && self.text(self.peek_nth_skip_nl(1)) == "file" {
            self.bump();
            self.bump();
            self.expect(T::Colon, "':'");
            self.annotation_body();
            self.skip_separators();
        }
        if self.at(T::Package) {
            let start = self.bump().span.start;
            let (path, _) = self.dotted_path();
            file.package = Some(Ident { name: path, span: self.span_from(start) });
            self.end_of_declaration();
        }
        self.skip_separators();
        while self.at_word("import") {
            let start = self.bump().span.start;
            let (path, _) = self.dotted_path();
            if self.at_word("as") || self.at(T::As) {
                self.bump();
                self.ident("an alias name");
            }
            file.imports.push(Import { path, span: self.span_from(start) });
            self.end_of_declaration();
            self.skip_separators();
        }
        while !self.at(T::Eof) {
            let before = self.pos;
            if self.at(T::RBrace) {
                self.stray_close();
                self.skip_separators();
                continue;
            }
            if let Some(item) = self.item() {
                match item {
                    Item::Property(p) if p.lazy.is_some() => {
                        let items = self.lazy_property(p);
                        file.items.extend(items);
                    }
                    item => file.items.push(item),
                }
            }
            self.skip_separators();
            if self.pos == before {
                // Nothing was consumed: skip a token so the loop always ends.
                let t = self.bump();
                let _ = t;
            }
        }
        file
    }

    fn dotted_path(&mut self) -> (String, Span) {
        let start = self.peek().span;
        let mut path = String::new();
        loop {
            if self.at(T::Star) {
                self.bump();
                path.push('*');
                break;
            }
            match self.ident("a name") {
                Some(id) => path.push_str(&id.name),
                None => break,
            }
            if self.at(T::Dot) {
                self.bump();
                path.push('.');
            } else {
                break;
            }
        }
        (path, self.span_from(start.start))
    }

    fn skip_separators(&mut self) {
        while matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::Newline | T::Semi) {
            self.pos += 1;
        }
    }

    /// After a declaration: a newline, `;`, `}` or the end.
    fn end_of_declaration(&mut self) {
        let t = self.toks[self.pos.min(self.toks.len() - 1)];
        match t.kind {
            T::Newline | T::Semi | T::Eof | T::RBrace => {}
            _ => {
                let found = self.describe(t);
                self.error(t.span, format!("expected a line break or ';' after the declaration, found {found}"));
                self.recover_statement();
            }
        }
    }

    fn annotation_body(&mut self) -> Option<Ident> {
        let name = self.ident("an annotation name")?;
        while self.at(T::Dot) {
            self.bump();
            self.ident("a name");
        }
        if self.at(T::LParen) {
            // Annotation arguments are skipped: none of them changes behaviour in the subset.
            let open = self.bump();
            self.nl_stack.push(true);
            let mut depth = 1;
            while depth > 0 && !self.at(T::Eof) {
                match self.bump().kind {
                    T::LParen => depth += 1,
                    T::RParen => depth -= 1,
                    _ => {}
                }
            }
            self.nl_stack.pop();
            if depth > 0 {
                self.expect_close(T::RParen, open, "annotation arguments");
            }
        }
        Some(name)
    }

    fn modifiers(&mut self) -> Modifiers {
        let mut m = Modifiers::default();
        loop {
            if self.at(T::At) {
                self.bump();
                if let Some(a) = self.annotation_body() {
                    m.annotations.push(a);
                }
                self.skip_newlines();
                continue;
            }
            let t = self.peek();
            if t.kind == T::Ident {
                let w = self.text(t);
                let next = self.peek_nth_skip_nl(1).kind;
                // A modifier is followed by another modifier or a declaration keyword.
                let before_decl = matches!(next, T::Fun | T::Val | T::Var | T::Class | T::Object | T::Interface)
                    || (next == T::Ident && is_modifier_word(self.text(self.peek_nth_skip_nl(1))))
                    || (next == T::At);
                if is_modifier_word(w) && before_decl {
                    self.bump();
                    let id = Ident { name: w.to_string(), span: t.span };
                    if w == "suspend" {
                        m.is_suspend = true;
                    } else if let Some((_, msg)) = UNSUPPORTED_MODIFIERS.iter().find(|(k, _)| *k == w) {
                        self.error(t.span, *msg);
                    }
                    m.keywords.push(id);
                    self.skip_newlines();
                    continue;
                }
            }
            break;
        }
        m
    }

    fn item(&mut self) -> Option<Item> {
        let start = self.peek().span.start;
        let modifiers = self.modifiers();
        self.check_enum_modifier(&modifiers);
        match self.kind() {
            T::Class if UNSUPPORTED_CLASS_KINDS.iter().any(|k| modifiers.has(k)) || modifiers.has("inline") => {
                // `inline` is a function's modifier; on a class it is the value classes of 1.3.
                if let Some(k) = modifiers.keywords.iter().find(|k| k.name == "inline") {
                    self.error(k.span, "value classes are not supported in Coroutine Lab");
                }
                // The modifier was reported; the body of an annotation class is not made of
                // declarations, so it is skipped whole.
                self.bump();
                self.skip_declaration_body();
                None
            }
            T::Fun => self.fun_decl(modifiers, start).map(Item::Fun),
            T::Val | T::Var => {
                self.extension_receiver = None;
                let mut p = self.property(modifiers, start, true);
                (p.getter, p.private_set) = self.accessors(&p.modifiers, &p.pattern, &p.ty);
                p.span = self.span_from(start);
                self.end_of_declaration();
                match self.extension_receiver.take() {
                    Some(receiver) => self.extension_property(p, receiver),
                    None => Some(Item::Property(p)),
                }
            }
            T::Object => self.object_decl(modifiers, start).map(Item::Object),
            T::Class => self.class_decl(modifiers, start).map(Item::Class),
            T::Interface => self.class_decl(modifiers, start).map(Item::Class),
            T::Typealias => {
                let t = self.bump();
                self.error(t.span, "`typealias` is not supported in Coroutine Lab");
                self.recover_statement();
                None
            }
            _ => {
                let t = self.peek();
                if t.kind == T::Ident && self.text(t) == "import" {
                    self.bump();
                    self.error(t.span, "imports must come before all declarations");
                    self.recover_statement();
                    return None;
                }
                let found = self.describe(t);
                if t.kind == T::Ident && self.looks_like_function_header() {
                    let name = self.text(t);
                    self.error_help(
                        t.span,
                        format!("expected a declaration (fun, val, var, object or class), found {found}"),
                        format!("to declare a function, start with 'fun': `fun {name}(…) {{ … }}`"),
                    );
                    return self.fun_decl_after_keyword(modifiers, start, t).map(Item::Fun);
                }
                self.error_help(
                    t.span,
                    format!("expected a declaration (fun, val, var, object or class), found {found}"),
                    "statements belong inside a function such as `fun main() { … }`",
                );
                self.recover_statement();
                None
            }
        }
    }

    /// Skips an optional `{ … }` after an unsupported declaration header.
    fn skip_declaration_body(&mut self) {
        while !matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::LBrace | T::Newline | T::Semi | T::Eof) {
            self.pos += 1;
        }
        if self.at(T::LBrace) {
            let mut depth = 0;
            loop {
                match self.bump().kind {
                    T::LBrace => depth += 1,
                    T::RBrace => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    T::Eof => break,
                    _ => {}
                }
            }
        }
    }

    fn type_params(&mut self) -> Vec<Ident> {
        let mut out = Vec::new();
        if !self.at(T::Lt) {
            return out;
        }
        self.bump();
        loop {
            let m = self.modifiers();
            let _ = m;
            // Declaration-site variance: `sealed class Result<out T>`.
            if (self.at_word("out") || self.at(T::In)) && matches!(self.peek_nth_skip_nl(1).kind, T::Ident) {
                self.bump();
            }
            if let Some(id) = self.ident("a type parameter name") {
                out.push(id);
            }
            if self.eat(T::Colon).is_some() {
                self.type_ref();
            }
            if self.eat(T::Comma).is_none() {
                break;
            }
        }
        self.expect(T::Gt, "'>' to close the type parameters");
        out
    }

    /// True at `name(…)` followed on the same line by `{`, `=` or `:`: a function declaration
    /// whose `fun` is missing rather than a statement.
    #[inline(never)]
    fn looks_like_function_header(&self) -> bool {
        let mut i = self.pos;
        while self.toks[i].kind == T::Newline {
            i += 1;
        }
        if self.toks.get(i + 1).map(|t| t.kind) != Some(T::LParen) {
            return false;
        }
        let mut depth = 0;
        for (j, t) in self.toks.iter().enumerate().skip(i + 1) {
            match t.kind {
                T::LParen => depth += 1,
                T::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        return matches!(self.toks.get(j + 1).map(|t| t.kind), Some(T::LBrace | T::Eq | T::Colon));
                    }
                }
                T::Eof | T::LBrace | T::RBrace => return false,
                _ => {}
            }
        }
        false
    }

    fn fun_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<FunDecl> {
        let fun_tok = self.bump();
        self.fun_decl_after_keyword(modifiers, start, fun_tok)
    }

    /// The rest of a function declaration after `fun` (`fun_tok`, or the name when `fun` is
    /// missing).
    fn fun_decl_after_keyword(&mut self, modifiers: Modifiers, start: u32, fun_tok: Token) -> Option<FunDecl> {
        let type_params = self.type_params();
        // `fun Receiver.name(…)`: a type followed by `.` is a receiver.
        let mut receiver = None;
        let first = self.peek();
        if first.kind != T::Ident && first.kind != T::QuotedIdent {
            let found = self.describe(first);
            self.error(first.span, format!("expected a function name after 'fun', found {found}"));
            self.recover_statement();
            return None;
        }
        // The name is the last of the dotted names before `(`; the ones before it form the
        // receiver type, as in `fun CoroutineScope.worker()`.
        let mut segments: Vec<(Ident, Vec<TypeRef>, bool)> = Vec::new();
        while let Some(id) = self.ident("a name") {
            let args = if self.at(T::Lt) {
                self.bump();
                let mut args = Vec::new();
                loop {
                    args.push(self.type_ref());
                    if self.eat(T::Comma).is_none() {
                        break;
                    }
                }
                self.expect(T::Gt, "'>'");
                args
            } else {
                Vec::new()
            };
            // `fun String?.f()`: the lexer reads `?.` as one token.
            let nullable = self.eat(T::Question).is_some() || self.at(T::SafeDot);
            segments.push((id, args, nullable));
            if self.at(T::Dot) || self.at(T::SafeDot) {
                self.bump();
            } else {
                break;
            }
        }
        let name_seg = segments.pop();
        if !segments.is_empty() {
            let start_span = segments[0].0.span;
            let name = segments.iter().map(|s| s.0.name.as_str()).collect::<Vec<_>>().join(".");
            let (_, args, nullable) = segments.pop().expect("checked: not empty");
            let end = name_seg.as_ref().map(|s| s.0.span.start.saturating_sub(1)).unwrap_or(start_span.end);
            receiver = Some(TypeRef { name, args, nullable, is_suspend: false, receiver: None, span: Span { start: start_span.start, end } });
        }
        let name = name_seg.map(|s| s.0).unwrap_or_else(|| self.missing_ident());
        let params = if self.at(T::LParen) {
            self.params("parameter list")
        } else {
            self.error_here("'(' to start the parameters");
            Vec::new()
        };
        let return_type = if self.eat(T::Colon).is_some() { Some(self.type_ref()) } else { None };
        if self.at_word("where") {
            let t = self.bump();
            self.error(t.span, "`where` clauses are not supported in Coroutine Lab");
            self.recover_statement();
        }
        let may_be_abstract = self.in_interface || modifiers.has("abstract");
        let body = self.fun_body().unwrap_or_else(|| {
            if may_be_abstract {
                return FunBody::None;
            }
            let span = Span::new(fun_tok.span.start as usize, self.prev_end() as usize);
            self.error_help(span, format!("function '{}' has no body", name.name), "add a body: `{ … }` or `= expression`");
            FunBody::None
        });
        Some(FunDecl { modifiers, type_params, receiver, name, params, return_type, body, is_property: false, span: self.span_from(start) })
    }

    /// A function's (or getter's) body: `{ … }` or `= expression`; none when neither follows.
    fn fun_body(&mut self) -> Option<FunBody> {
        if self.at(T::LBrace) {
            Some(FunBody::Block(self.block()))
        } else if self.eat(T::Eq).is_some() {
            self.skip_newlines();
            Some(FunBody::Expr(self.expr()))
        } else {
            None
        }
    }

    fn params(&mut self, construct: &str) -> Vec<Param> {
        let open = self.bump();
        self.nl_stack.push(true);
        let mut out = Vec::new();
        while !self.at(T::RParen) && !self.at(T::Eof) && !self.at(T::LBrace) && !self.at(T::RBrace) {
            let start = self.peek().span.start;
            let modifiers = self.modifiers();
            // `vararg` is followed by the parameter's name, not by a declaration keyword, so
            // `modifiers` leaves it.
            let is_vararg = modifiers.has("vararg") || (self.at_word("vararg") && matches!(self.peek_nth_skip_nl(1).kind, T::Ident | T::QuotedIdent) && self.bump().kind == T::Ident);
            let binding = if self.eat(T::Val).is_some() {
                ParamBinding::Val
            } else if self.eat(T::Var).is_some() {
                ParamBinding::Var
            } else {
                ParamBinding::Plain
            };
            let Some(name) = self.ident("a parameter name") else {
                self.skip_to_list_boundary();
                if self.eat(T::Comma).is_some() {
                    continue;
                }
                break;
            };
            let ty = if self.eat(T::Colon).is_some() {
                Some(self.type_ref())
            } else {
                let span = name.span;
                self.error_help(span, format!("parameter '{}' needs a type", name.name), format!("write `{}: Int` (or the type it has)", name.name));
                None
            };
            let default = if self.eat(T::Eq).is_some() { Some(self.expr()) } else { None };
            out.push(Param { modifiers, binding, is_vararg, name, ty, default, span: self.span_from(start) });
            if self.eat(T::Comma).is_none() {
                break;
            }
        }
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, construct);
        out
    }

    /// Skips to the `,` or `)` that ends the current list entry, stepping over whole bracketed
    /// groups on the way; stops early at a brace, which belongs to an enclosing block.
    fn skip_to_list_boundary(&mut self) {
        loop {
            match self.kind() {
                T::Comma | T::RParen | T::Eof | T::LBrace | T::RBrace => return,
                T::LParen | T::LBracket => {
                    let open = self.bump();
                    let close = if open.kind == T::LParen { T::RParen } else { T::RBracket };
                    let mut depth = 1;
                    while depth > 0 && !matches!(self.kind(), T::Eof | T::LBrace | T::RBrace) {
                        let k = self.bump().kind;
                        if k == open.kind {
                            depth += 1;
                        } else if k == close {
                            depth -= 1;
                        }
                    }
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    fn property(&mut self, modifiers: Modifiers, start: u32, allow_destructuring: bool) -> PropertyDecl {
        let mutable = self.bump().kind == T::Var;
        let mut lazy = None;
        let pattern = if self.at(T::LParen) && allow_destructuring {
            let open = self.bump();
            self.nl_stack.push(true);
            let mut names = Vec::new();
            while !self.at(T::RParen) && !self.at(T::Eof) {
                match self.ident("a name") {
                    Some(id) => names.push(id),
                    None => break,
                }
                if self.eat(T::Colon).is_some() {
                    self.type_ref();
                }
                if self.eat(T::Comma).is_none() {
                    break;
                }
            }
            self.nl_stack.pop();
            self.expect_close(T::RParen, open, "destructuring declaration");
            Pattern::Tuple(names)
        } else {
            let keyword = if mutable { "var" } else { "val" };
            if matches!(self.kind(), T::Ident | T::QuotedIdent) {
                let at = self.pos;
                let first = self.ident("a name").expect("checked: a name is next");
                // `val List<Int>.total`: a generic receiver type, whose arguments follow the
                // first name (a property's own name takes none).
                let receiver = if self.at(T::Lt) {
                    self.pos = at;
                    Some(self.type_ref())
                } else {
                    None
                };
                if self.toks.get(self.pos).is_some_and(|t| t.kind == T::Dot) && matches!(self.toks.get(self.pos + 1).map(|t| t.kind), Some(T::Ident | T::QuotedIdent)) {
                    // `val String.shout: String get() = …`: an extension property, which the
                    // caller turns into its getter.
                    self.bump();
                    let name = self.ident("a name").expect("checked: a name is next");
                    self.extension_receiver = Some(receiver.unwrap_or(TypeRef { name: first.name.clone(), args: Vec::new(), nullable: false, is_suspend: false, receiver: None, span: first.span }));
                    Pattern::Name(name)
                } else {
                    Pattern::Name(first)
                }
            } else {
                self.error_here_help(&format!("a name after '{keyword}'"), format!("name the value: `{keyword} answer = 42`"));
                Pattern::Name(self.missing_ident())
            }
        };
        let ty = if self.eat(T::Colon).is_some() { Some(self.type_ref()) } else { None };
        let init = if self.eat(T::Eq).is_some() {
            self.skip_newlines();
            Some(self.expr())
        } else if self.at_word("by") {
            let t = self.bump();
            self.skip_newlines();
            let delegate = self.expr();
            match lazy_lambda(&delegate) {
                Some(_) if mutable => self.error(
                    t.span.to(delegate.span),
                    "property delegate must have a 'setValue' method: a `var` cannot be delegated to `lazy`, which only computes a value",
                ),
                Some(l) => lazy = Some(l),
                None => self.error_help(
                    t.span.to(delegate.span),
                    "delegated properties (`by`) are not supported in Coroutine Lab, except `by lazy { … }`",
                    "compute the value in the initializer (`= …`), or on the first read with `by lazy { … }`",
                ),
            }
            None
        } else {
            None
        };
        PropertyDecl { modifiers, mutable, pattern, ty, init, getter: None, private_set: false, lazy, span: self.span_from(start) }
    }

    /// A `val name by lazy { … }` of a class, an object or the file, as Kotlin runs it: the
    /// first read runs the lambda and keeps its value, later reads return the kept value. It
    /// becomes a getter over two private properties declared before it (the value, and
    /// whether it was computed).
    fn lazy_property(&mut self, mut p: PropertyDecl) -> Vec<Item> {
        let (Some(lambda), Pattern::Name(name)) = (p.lazy.take(), &p.pattern) else { return vec![Item::Property(p)] };
        let span = p.span;
        let id = |text: &str| Ident { name: text.to_string(), span };
        let e = |kind: ExprKind| Expr { kind, span };
        let (done, value) = (format!("{}$lazyDone", name.name), format!("{}$lazy", name.name));
        let private = Modifiers { annotations: Vec::new(), is_suspend: false, keywords: vec![id("private")] };
        let field = |field: &str, init: ExprKind| PropertyDecl {
            modifiers: private.clone(),
            mutable: true,
            pattern: Pattern::Name(id(field)),
            ty: None,
            init: Some(e(init)),
            getter: None,
            private_set: false,
            lazy: None,
            span,
        };
        let compute = e(ExprKind::Call { callee: Box::new(e(ExprKind::Lambda(lambda))), type_args: Vec::new(), args: Vec::new(), trailing_lambda: false });
        let assign = |target: &str, value: Expr| Stmt::Assign { target: e(ExprKind::Name(id(target))), op: AssignOp::Assign, value, span };
        let first_read = Block { stmts: vec![assign(&value, compute), assign(&done, e(ExprKind::Bool(true)))], span };
        let not_done = e(ExprKind::Unary { op: UnaryOp::Not, expr: Box::new(e(ExprKind::Name(id(&done)))) });
        let body = Block {
            stmts: vec![
                Stmt::Expr(e(ExprKind::If { cond: Box::new(not_done), then: Box::new(e(ExprKind::Block(first_read))), els: None })),
                Stmt::Expr(e(ExprKind::Return { value: Some(Box::new(e(ExprKind::Name(id(&value))))), label: None })),
            ],
            span,
        };
        let getter = FunDecl {
            modifiers: p.modifiers.clone(),
            type_params: Vec::new(),
            receiver: None,
            name: name.clone(),
            params: Vec::new(),
            return_type: p.ty.clone(),
            body: FunBody::Block(body),
            is_property: false,
            span,
        };
        p.getter = Some(Box::new(getter));
        vec![Item::Property(field(&done, ExprKind::Bool(false))), Item::Property(field(&value, ExprKind::Null)), Item::Property(p)]
    }

    /// A local `val x by lazy { … }` is reported once, where it is written.
    fn lazy_outside_class(&mut self, p: &mut PropertyDecl) {
        if p.lazy.take().is_some() {
            self.error_help(
                p.span,
                "a local `by lazy` is not supported in Coroutine Lab",
                "declare it in a class, an object or at the top level, or compute it where it is first needed",
            );
        }
    }

    /// A property's accessors on the lines after it: a getter `get() = …` or `get() { … }`,
    /// and a setter's visibility `private set`. Setters with a body are outside the subset.
    fn accessors(&mut self, modifiers: &Modifiers, pattern: &Pattern, ty: &Option<TypeRef>) -> (Option<Box<FunDecl>>, bool) {
        let (mut getter, mut private_set) = (None, false);
        for _ in 0..2 {
            // `var count = 0; private set` on one line.
            if self.at(T::Semi) {
                let next = |n: usize| self.toks.get(self.pos + n).map(|t| (t.kind, self.text(*t)));
                let accessor = |w: Option<(T, &str)>| matches!(w, Some((T::Ident, "get" | "set")));
                let visibility = matches!(next(1), Some((T::Ident, "private" | "protected" | "internal" | "public")));
                if accessor(next(1)) || (visibility && accessor(next(2))) {
                    self.bump();
                }
            }
            let mut k = 0;
            let visibility = self.text(self.peek_nth_skip_nl(0));
            if matches!(visibility, "private" | "protected" | "internal" | "public") && self.peek_nth_skip_nl(0).kind == T::Ident {
                k = 1;
            }
            let t = self.peek_nth_skip_nl(k);
            if t.kind != T::Ident || !matches!(self.text(t), "get" | "set") {
                break;
            }
            let is_get = self.text(t) == "get";
            let after = self.peek_nth_skip_nl(k + 1).kind;
            if !is_get && after != T::LParen && after != T::LBrace && after != T::Eq {
                // `private set`: a visibility, no body.
                self.skip_newlines();
                if k == 1 {
                    let v = self.bump();
                    private_set = matches!(self.text(v), "private" | "protected");
                }
                self.bump();
                continue;
            }
            if !is_get || after != T::LParen || k == 1 {
                self.skip_newlines();
                let span = self.peek().span;
                self.error(span, if is_get { "a getter's visibility cannot be changed" } else { "setters with a body are not supported in Coroutine Lab" });
                self.recover_statement();
                break;
            }
            self.skip_newlines();
            let get = self.bump();
            let open = self.bump();
            self.expect_close(T::RParen, open, "')' to close the getter's parentheses");
            let return_type = if self.eat(T::Colon).is_some() { Some(self.type_ref()) } else { ty.clone() };
            let body = self.fun_body().unwrap_or_else(|| {
                self.error_help(get.span, "a getter needs a body", "write `get() = …` or `get() { return … }`");
                FunBody::None
            });
            let name = match pattern {
                Pattern::Name(id) => id.clone(),
                Pattern::Tuple(_) => Ident { name: String::new(), span: get.span },
            };
            let span = Span::new(get.span.start as usize, self.prev_end() as usize);
            getter = Some(Box::new(FunDecl { modifiers: modifiers.clone(), type_params: Vec::new(), receiver: None, name, params: Vec::new(), return_type, body, is_property: false, span }));
        }
        (getter, private_set)
    }

    /// `val Receiver.name: Type get() = …`: its getter, as an extension function that is read
    /// without parentheses. It has no field, so it needs a getter and takes no initializer.
    #[inline(never)]
    fn extension_property(&mut self, p: PropertyDecl, receiver: TypeRef) -> Option<Item> {
        let Pattern::Name(name) = &p.pattern else { return None };
        if p.mutable {
            self.error_help(receiver.span.to(name.span), "extension `var` properties are not supported in Coroutine Lab", "declare it with `val` and a getter");
            return None;
        }
        let Some(getter) = p.getter else {
            let where_ = p.init.as_ref().map_or(name.span, |e| e.span);
            self.error_help(where_, "extension property cannot be initialized because it has no backing field", format!("give it a getter: `val {}.{}: Type get() = …`", receiver.name, name.name));
            return None;
        };
        Some(Item::Fun(FunDecl { receiver: Some(receiver), is_property: true, span: p.span, ..*getter }))
    }

    fn supertypes(&mut self) -> Vec<SuperType> {
        let mut out = Vec::new();
        if self.eat(T::Colon).is_none() {
            return out;
        }
        loop {
            let ty = self.type_ref();
            let args = if self.at(T::LParen) { Some(self.call_args()) } else { None };
            if self.at_word("by") {
                // `CoroutineScope by CoroutineScope(…)`: the delegate's expression ends
                // where the class body begins.
                let start = self.bump().span;
                let mut depth = 0i32;
                let mut end = start;
                loop {
                    let t = self.toks[self.pos.min(self.toks.len() - 1)];
                    match t.kind {
                        T::Eof => break,
                        T::LBrace | T::Newline | T::Comma if depth <= 0 => break,
                        T::LParen | T::LBracket => depth += 1,
                        T::RParen | T::RBracket => depth -= 1,
                        _ => {}
                    }
                    end = t.span;
                    self.pos += 1;
                }
                let help = if ty.simple_name() == "CoroutineScope" { "implement it: `override val coroutineContext = …`" } else { "implement its members in the class" };
                self.error_help(start.to(end), "delegating an interface to an object (`by`) is not supported in Coroutine Lab", help);
            }
            out.push(SuperType { ty, args });
            if self.eat(T::Comma).is_none() {
                break;
            }
        }
        out
    }

    fn members(&mut self, construct: &str) -> Vec<Item> {
        let mut members = Vec::new();
        if !self.at(T::LBrace) {
            return members;
        }
        // A class nested in a class nests the tree one level deeper.
        if !self.enter() {
            self.leave();
            self.skip_declaration_body();
            return members;
        }
        let open = self.bump();
        self.nl_stack.push(false);
        self.skip_separators();
        self.member_items(&mut members);
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, construct);
        self.leave();
        members
    }

    /// The declarations of a class or object body, up to its `}`.
    fn member_items(&mut self, members: &mut Vec<Item>) {
        while !self.at(T::RBrace) && !self.at(T::Eof) {
            let before = self.pos;
            if self.at_word("init") && self.peek_nth_skip_nl(1).kind == T::LBrace {
                let t = self.bump();
                let body = self.block();
                members.push(Item::Fun(FunDecl {
                    modifiers: Modifiers::default(),
                    type_params: Vec::new(),
                    receiver: None,
                    name: Ident { name: "<init>".into(), span: t.span },
                    params: Vec::new(),
                    return_type: None,
                    span: t.span.to(body.span),
                    body: FunBody::Block(body),
                    is_property: false,
                }));
            } else if self.at_word("constructor") {
                let t = self.bump();
                self.error(t.span, "secondary constructors are not supported in Coroutine Lab");
                self.recover_statement();
                if self.at(T::LBrace) {
                    self.block();
                }
            } else if let Some(item) = self.item() {
                match item {
                    Item::Property(p) if p.lazy.is_some() => {
                        let items = self.lazy_property(p);
                        members.extend(items);
                    }
                    item => members.push(item),
                }
            }
            self.skip_separators();
            if self.pos == before {
                self.bump();
            }
        }
    }

    fn object_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<ObjectDecl> {
        let object = self.bump();
        // A companion object may go without a name: it is then `Companion`.
        let name = if modifiers.has("companion") && !self.at(T::Ident) {
            Ident { name: "Companion".into(), span: object.span }
        } else {
            self.ident("an object name")?
        };
        let supertypes = self.supertypes();
        // An object nested in an interface is no interface: its functions need bodies.
        let outer = std::mem::replace(&mut self.in_interface, false);
        let members = self.members("object body");
        self.in_interface = outer;
        Some(ObjectDecl { modifiers, name, supertypes, members, span: self.span_from(start) })
    }

    /// `class …` or `interface …`.
    fn class_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<ClassDecl> {
        let is_interface = self.bump().kind == T::Interface;
        let name = self.ident(if is_interface { "an interface name" } else { "a class name" })?;
        let type_params = self.type_params();
        // `private constructor(…)`, `internal constructor(…)`: a visibility for the
        // constructor alone.
        let mut private_constructor = false;
        if matches!(self.kind(), T::Ident) && matches!(self.text(self.peek()), "private" | "internal" | "protected" | "public") && self.toks.get(self.pos + 1).is_some_and(|t| t.kind == T::Ident && self.text(*t) == "constructor") {
            let visibility = self.bump();
            private_constructor = self.text(visibility) == "private";
        }
        if self.at_word("constructor") {
            self.bump();
        }
        let params = if self.at(T::LParen) { self.params("constructor parameters") } else { Vec::new() };
        let supertypes = self.supertypes();
        // Inside an interface, and for `abstract` members, a function may go without a body.
        let outer = std::mem::replace(&mut self.in_interface, is_interface);
        let (entries, members) =
            if modifiers.has("enum") { self.enum_body() } else { (Vec::new(), self.members(if is_interface { "interface body" } else { "class body" })) };
        self.in_interface = outer;
        Some(ClassDecl { modifiers, is_interface, name, type_params, params, private_constructor, supertypes, members, entries, span: self.span_from(start) })
    }

    /// `enum` belongs only before `class`.
    fn check_enum_modifier(&mut self, modifiers: &Modifiers) {
        let Some(m) = modifiers.keywords.iter().find(|k| k.name == "enum") else { return };
        if self.kind() != T::Class {
            let span = m.span;
            self.error_help(span, "the 'enum' modifier applies only to classes", "declare `enum class Name { A, B }`");
        }
    }

    /// The body of an enum class: its entries (`RED, GREEN` or `LOW(1), HIGH(10)`), then,
    /// after a `;`, its members.
    #[inline(never)]
    fn enum_body(&mut self) -> (Vec<EnumEntry>, Vec<Item>) {
        let mut entries = Vec::new();
        let mut members = Vec::new();
        if !self.at(T::LBrace) {
            return (entries, members);
        }
        if !self.enter() {
            self.leave();
            self.skip_declaration_body();
            return (entries, members);
        }
        let open = self.bump();
        self.nl_stack.push(false);
        self.skip_newlines();
        while self.at(T::Ident) {
            let Some(name) = self.ident("an enum entry") else { break };
            let args = if self.at(T::LParen) { self.call_args() } else { Vec::new() };
            if self.at(T::LBrace) {
                let brace = self.peek().span;
                self.error_help(
                    brace,
                    format!("enum entries with their own bodies are not supported in Coroutine Lab ('{}' has one)", name.name),
                    "declare the members in the enum class's body, and give each entry what differs as a constructor argument",
                );
                self.skip_declaration_body();
            }
            entries.push(EnumEntry { span: self.span_from(name.span.start), name, args });
            self.skip_newlines();
            if self.eat(T::Comma).is_none() {
                break;
            }
            self.skip_newlines();
        }
        if self.eat(T::Semi).is_some() {
            self.skip_separators();
            self.member_items(&mut members);
        } else if !self.at(T::RBrace) && !self.at(T::Eof) {
            let t = self.peek();
            let found = self.describe(t);
            self.error_help(t.span, format!("expected ',' or ';' after the enum entries, found {found}"), "the entries of an enum class come first, separated by ',', and a ';' ends them before its other members");
            self.skip_separators();
            self.member_items(&mut members);
        }
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, "enum class body");
        self.leave();
        (entries, members)
    }

    // ----- Types -----

    fn type_ref(&mut self) -> TypeRef {
        let start = self.peek().span.start;
        if !self.enter() {
            self.leave();
            return TypeRef { name: "<error>".into(), args: vec![], nullable: false, is_suspend: false, receiver: None, span: self.peek().span };
        }
        let ty = self.type_ref_inner(start);
        self.leave();
        ty
    }

    fn type_ref_inner(&mut self, start: u32) -> TypeRef {
        let mut is_suspend = false;
        if self.at_word("suspend") {
            self.bump();
            is_suspend = true;
        }
        // A function type `(A, B) -> R`, possibly nullable when parenthesised.
        if self.at(T::LParen) {
            let open = self.bump();
            self.nl_stack.push(true);
            let mut args = Vec::new();
            while !self.at(T::RParen) && !self.at(T::Eof) {
                // Parameter names in function types (`(value: Int) -> Unit`) are allowed.
                if matches!(self.kind(), T::Ident) && self.peek_nth_skip_nl(1).kind == T::Colon {
                    self.bump();
                    self.bump();
                }
                args.push(self.type_ref());
                if self.eat(T::Comma).is_none() {
                    break;
                }
            }
            self.nl_stack.pop();
            self.expect_close(T::RParen, open, "type");
            if self.eat(T::Arrow).is_some() {
                args.push(self.type_ref());
                return TypeRef { name: "->".into(), args, nullable: false, is_suspend, receiver: None, span: self.span_from(start) };
            }
            // `(T)?` or a parenthesised type.
            let mut inner = args.into_iter().next().unwrap_or(TypeRef {
                name: "Unit".into(),
                args: vec![],
                nullable: false,
                is_suspend: false,
                receiver: None,
                span: self.span_from(start),
            });
            if self.eat(T::Question).is_some() {
                inner.nullable = true;
            }
            return inner;
        }
        if self.at(T::Star) {
            let t = self.bump();
            return TypeRef { name: "*".into(), args: vec![], nullable: false, is_suspend: false, receiver: None, span: t.span };
        }
        // Variance modifiers in type arguments.
        if (self.at_word("out") || self.at(T::In)) && matches!(self.peek_nth_skip_nl(1).kind, T::Ident) {
            self.bump();
        }
        let mut name = match self.ident("a type") {
            Some(id) => id.name,
            None => "<error>".into(),
        };
        let mut args = Vec::new();
        loop {
            if self.at(T::Lt) {
                self.bump();
                loop {
                    args.push(self.type_ref());
                    if self.eat(T::Comma).is_none() {
                        break;
                    }
                }
                self.expect(T::Gt, "'>' to close the type arguments");
            }
            // A dot followed by a name continues a qualified type; `.(` starts a function type
            // with this type as its receiver.
            if self.at(T::Dot) && matches!(self.peek_nth_skip_nl(1).kind, T::Ident) && args.is_empty() {
                self.bump();
                let part = self.bump();
                name.push('.');
                name.push_str(self.text(part));
                continue;
            }
            break;
        }
        let mut nullable = false;
        while self.eat(T::Question).is_some() {
            nullable = true;
        }
        let ty = TypeRef { name, args, nullable, is_suspend: false, receiver: None, span: self.span_from(start) };
        if self.at(T::Dot) && self.peek_nth_skip_nl(1).kind == T::LParen {
            // `Receiver.(A) -> R`
            let save = self.pos;
            self.bump();
            let mut f = self.type_ref();
            if f.name == "->" {
                f.receiver = Some(Box::new(ty));
                f.is_suspend = is_suspend;
                f.span = self.span_from(start);
                return f;
            }
            self.pos = save;
        }
        TypeRef { is_suspend, ..ty }
    }

    /// `<T, U>` right after a name in an expression, when it is followed by `(`, `{` or `.`;
    /// otherwise nothing is consumed (it was a comparison).
    fn try_type_args(&mut self) -> Option<Vec<TypeRef>> {
        if !self.at(T::Lt) {
            return None;
        }
        let save = self.pos;
        let save_diags = self.diags.len();
        self.bump();
        let mut args = Vec::new();
        loop {
            if !matches!(self.kind(), T::Ident | T::LParen | T::Star) && !self.at_word("suspend") {
                break;
            }
            args.push(self.type_ref());
            if self.eat(T::Comma).is_none() {
                break;
            }
        }
        let ok = self.diags.len() == save_diags && self.at(T::Gt) && !args.is_empty();
        if ok {
            self.bump();
            if matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::LParen | T::LBrace | T::Dot | T::ColonColon) {
                return Some(args);
            }
        }
        self.pos = save;
        self.diags.truncate(save_diags);
        None
    }

    // ----- Statements -----

    /// `{ statements }`
    fn block(&mut self) -> Block {
        let open = self.peek();
        if self.eat(T::LBrace).is_none() {
            self.error_here("'{'");
            return Block { stmts: vec![], span: open.span };
        }
        self.nl_stack.push(false);
        let stmts = self.statements();
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, "block");
        Block { stmts, span: self.span_from(open.span.start) }
    }

    /// Statements up to `}` or the end of input.
    fn statements(&mut self) -> Vec<Stmt> {
        let mut stmts = Vec::new();
        self.skip_separators();
        while !self.at(T::RBrace) && !self.at(T::Eof) {
            let before = self.pos;
            if matches!(self.kind(), T::RParen | T::RBracket) {
                self.stray_close();
                self.recover_statement();
                self.skip_separators();
                continue;
            }
            let n_diagnostics = self.diags.len();
            if let Some(s) = self.statement() {
                stmts.push(s);
            }
            // A statement ends at a newline, `;` or the `}` that closes the block.
            match self.toks[self.pos.min(self.toks.len() - 1)].kind {
                T::Newline | T::Semi => self.skip_separators(),
                T::RBrace | T::Eof => {}
                // After a mistake inside the statement the rest of the line is its
                // consequence, not a second mistake.
                _ if self.diags.len() > n_diagnostics => {
                    self.recover_statement();
                    self.skip_separators();
                }
                T::RParen | T::RBracket => {
                    self.stray_close();
                    self.recover_statement();
                    self.skip_separators();
                }
                _ => {
                    let t = self.peek();
                    let found = self.describe(t);
                    self.error_help(t.span, format!("expected a line break or ';' before {found}"), "put each statement on its own line");
                    self.recover_statement();
                    self.skip_separators();
                }
            }
            if self.pos == before {
                self.bump();
            }
        }
        stmts
    }

    fn statement(&mut self) -> Option<Stmt> {
        if !self.enter() {
            self.leave();
            self.recover_statement();
            return None;
        }
        let s = self.statement_inner();
        self.leave();
        s
    }

    /// Dispatches on the first token. Each kind of statement is read by its own function so
    /// that this one, which stays on the stack while nested blocks are read, stays small.
    fn statement_inner(&mut self) -> Option<Stmt> {
        let start = self.peek().span.start;
        let t = self.peek();
        if self.at_loop_label() {
            return self.labelled_loop();
        }
        if self.at_local_declaration() {
            return self.local_declaration(start);
        }
        if t.kind == T::Ident {
            let word = self.text(t);
            if (word == "catch" && self.peek_nth_skip_nl(1).kind == T::LParen) || (word == "finally" && self.peek_nth_skip_nl(1).kind == T::LBrace) {
                self.bump();
                self.error_help(t.span, format!("'{word}' without a 'try' before it"), "write `try { … }` first, then its `catch (e: Exception) { … }` or `finally { … }`");
                self.skip_declaration_body();
                return None;
            }
            if self.at_java_declaration() {
                return self.java_declaration();
            }
        }
        match t.kind {
            T::While => self.while_loop(start),
            T::Do => self.do_while_loop(start),
            T::For => self.for_loop(start),
            _ => self.expression_statement(start),
        }
    }

    /// True at `Type name =` on one line, a Java-style declaration.
    fn at_java_declaration(&self) -> bool {
        let i = self.peek_index();
        let kinds = |k: usize| self.toks.get(i + k).map(|t| t.kind);
        kinds(1) == Some(T::Ident) && kinds(2) == Some(T::Eq)
    }

    /// Reports `Type name = value` and reads the value.
    #[inline(never)]
    fn java_declaration(&mut self) -> Option<Stmt> {
        let ty = self.bump();
        let name = self.bump();
        self.bump();
        let java = self.text(ty);
        let kotlin = match java {
            "int" | "Integer" => "Int",
            "long" => "Long",
            "double" | "float" => "Double",
            "boolean" => "Boolean",
            "char" | "Character" => "Char",
            other => other,
        };
        let name_text = self.text(name);
        self.error_help(
            ty.span.to(name.span),
            "expected a statement, found a Java-style declaration: Kotlin declares a variable with 'val' or 'var'",
            format!("write `val {name_text}: {kotlin} = …`, or `var` if it changes"),
        );
        self.expr();
        None
    }

    /// True at `name@` followed by a loop.
    fn at_loop_label(&self) -> bool {
        let i = self.peek_index();
        let (t, at) = (self.toks[i], self.toks.get(i + 1));
        t.kind == T::Ident
            && at.is_some_and(|at| at.kind == T::At && at.span.start == t.span.end)
            && matches!(self.toks.get(i + 2).map(|n| n.kind), Some(T::For | T::While | T::Do))
    }

    /// `name@ for (…)`, `name@ while (…)`, `name@ do …`: the loop, with its label.
    fn labelled_loop(&mut self) -> Option<Stmt> {
        let name = self.bump();
        self.bump();
        let label = Ident { name: self.text(name).to_string(), span: name.span };
        let mut stmt = self.statement_inner()?;
        if let Stmt::While { label: l, .. } | Stmt::DoWhile { label: l, .. } | Stmt::For { label: l, .. } = &mut stmt {
            *l = Some(label);
        }
        Some(stmt)
    }

    /// True at the start of a declaration inside a block.
    fn at_local_declaration(&self) -> bool {
        let t = self.peek();
        match t.kind {
            T::Val | T::Var | T::Fun | T::Class | T::Object => !(t.kind == T::Object && self.peek_nth_skip_nl(1).kind == T::Colon),
            T::At => true,
            T::Ident => {
                let next = self.peek_nth_skip_nl(1);
                is_modifier_word(self.text(t))
                    && matches!(next.kind, T::Val | T::Var | T::Fun | T::Class | T::Object | T::Ident | T::At)
                    && (next.kind != T::Ident || is_modifier_word(self.text(next)))
            }
            _ => false,
        }
    }

    fn local_declaration(&mut self, start: u32) -> Option<Stmt> {
        let modifiers = self.modifiers();
        match self.kind() {
            T::Val | T::Var => {
                let mut p = self.property(modifiers, start, true);
                self.lazy_outside_class(&mut p);
                Some(Stmt::Local(p))
            }
            T::Fun => self.fun_decl(modifiers, start).map(Stmt::Fun),
            T::Class | T::Object => {
                let t = self.bump();
                self.error_help(t.span, "local classes and objects are not supported in Coroutine Lab", "declare them at the top level of the file");
                self.skip_declaration_body();
                None
            }
            // Annotations on an expression (`@Suppress(…) x`) are ignored.
            _ => self.expression_statement(start),
        }
    }

    fn while_loop(&mut self, start: u32) -> Option<Stmt> {
        self.bump();
        let cond = self.paren_condition("while");
        let body = self.loop_body();
        Some(Stmt::While { cond, body, label: None, span: self.span_from(start) })
    }

    fn do_while_loop(&mut self, start: u32) -> Option<Stmt> {
        self.bump();
        let body = self.loop_body();
        self.skip_newlines();
        self.expect(T::While, "'while' after the body of 'do'")?;
        let cond = self.paren_condition("do-while");
        Some(Stmt::DoWhile { body, cond, label: None, span: self.span_from(start) })
    }

    fn for_loop(&mut self, start: u32) -> Option<Stmt> {
        let for_tok = self.bump();
        let open = self.peek();
        if !self.at(T::LParen) {
            self.error_here_help("'(' after 'for'", "Kotlin writes the loop header in parentheses: `for (i in 1..3) { … }`");
            self.recover_statement();
            return None;
        }
        self.bump();
        if let Some(close) = self.c_style_for_header() {
            let span = for_tok.span.to(self.toks[close].span);
            self.error_help(span, "C-style `for (init; condition; step)` loops do not exist in Kotlin", "loop over a range instead: `for (i in 0 until n) { … }`");
            self.pos = close + 1;
            self.loop_body();
            return None;
        }
        self.nl_stack.push(true);
        let pattern = if self.at(T::LParen) {
            let o = self.bump();
            let mut names = Vec::new();
            while let Some(id) = self.ident("a name") {
                names.push(id);
                if self.eat(T::Comma).is_none() {
                    break;
                }
            }
            self.expect_close(T::RParen, o, "destructuring");
            Pattern::Tuple(names)
        } else {
            Pattern::Name(self.ident("a loop variable name").unwrap_or_else(|| self.missing_ident()))
        };
        if self.eat(T::Colon).is_some() {
            self.type_ref();
        }
        self.expect(T::In, "'in' in the for loop");
        let iterable = self.expr();
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, "for loop header");
        let body = self.loop_body();
        Some(Stmt::For { pattern, iterable, body, label: None, span: self.span_from(start) })
    }

    /// The index of the `)` closing a `for` header that holds a `;` at its top level, as in
    /// `for (var i = 0; i < n; i++)`; the cursor is just after the `(`.
    fn c_style_for_header(&self) -> Option<usize> {
        let mut depth = 0;
        let mut has_semicolon = false;
        for i in self.pos..self.toks.len() {
            match self.toks[i].kind {
                T::LParen | T::LBracket => depth += 1,
                T::RBracket => depth -= 1,
                T::RParen if depth == 0 => return has_semicolon.then_some(i),
                T::RParen => depth -= 1,
                T::Semi if depth == 0 => has_semicolon = true,
                T::LBrace | T::RBrace | T::Eof => return None,
                _ => {}
            }
        }
        None
    }

    fn expression_statement(&mut self, start: u32) -> Option<Stmt> {
        let target = self.expr();
        let op = match self.kind() {
            T::Eq => AssignOp::Assign,
            T::PlusEq => AssignOp::Add,
            T::MinusEq => AssignOp::Sub,
            T::StarEq => AssignOp::Mul,
            T::SlashEq => AssignOp::Div,
            T::PercentEq => AssignOp::Rem,
            _ => return Some(Stmt::Expr(target)),
        };
        let op_tok = self.bump();
        if !matches!(target.kind, ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Index { .. } | ExprKind::Error) {
            self.error_help(
                target.span,
                format!("cannot assign to this expression with {}", op_tok.kind.describe()),
                "the left side of an assignment must be a variable, a property or an element",
            );
        }
        self.skip_newlines();
        let value = self.expr();
        Some(Stmt::Assign { target, op, value, span: self.span_from(start) })
    }

    fn paren_condition(&mut self, construct: &str) -> Expr {
        let keyword = construct.trim_start_matches("do-");
        let open = self.peek();
        if !self.at(T::LParen) {
            self.error_here_help(&format!("'(' after '{keyword}'"), format!("Kotlin writes the condition in parentheses: `{keyword} (condition) {{ … }}`"));
            // Skip the condition written without parentheses, up to the body or the line end.
            while !matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::LBrace | T::RBrace | T::Newline | T::Semi | T::Eof) {
                self.pos += 1;
            }
            return Expr { kind: ExprKind::Error, span: open.span };
        }
        self.bump();
        self.nl_stack.push(true);
        let mut e = self.expr();
        if self.at(T::Eq) {
            let eq = self.bump();
            let value = self.expr();
            let (lhs, rhs) = (e.span.text(self.src), value.span.text(self.src));
            self.error_help(
                eq.span,
                "expected a condition, found an assignment: '=' assigns a value, '==' compares",
                format!("to compare, write `{keyword} ({lhs} == {rhs})`"),
            );
            e = Expr { kind: ExprKind::Error, span: e.span.to(value.span) };
        }
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, &format!("'{construct}' condition"));
        e
    }

    fn loop_body(&mut self) -> Block {
        if self.at(T::LBrace) {
            return self.block();
        }
        if matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::Newline) && self.next_after_newlines_is(T::LBrace) {
            self.skip_newlines();
            return self.block();
        }
        self.single_statement_block()
    }

    /// The body of an `if`, `else`, `when` branch or loop written without braces.
    fn single_statement_block(&mut self) -> Block {
        let start = self.peek().span.start;
        self.skip_newlines();
        match self.statement() {
            Some(s) => {
                let span = s.span();
                Block { stmts: vec![s], span }
            }
            None => Block { stmts: vec![], span: self.span_from(start) },
        }
    }

    /// A control-flow branch: a block, or one statement (which may be an assignment).
    fn branch(&mut self) -> Expr {
        if self.at(T::LBrace) {
            let b = self.block();
            let span = b.span;
            return Expr { kind: ExprKind::Block(b), span };
        }
        let block = self.single_statement_block();
        match block.stmts.as_slice() {
            [Stmt::Expr(e)] => e.clone(),
            _ => {
                let span = block.span;
                Expr { kind: ExprKind::Block(block), span }
            }
        }
    }

    // ----- Expressions -----

    /// An expression (no assignment).
    fn expr(&mut self) -> Expr {
        if !self.enter() {
            self.leave();
            let t = self.bump();
            return Expr { kind: ExprKind::Error, span: t.span };
        }
        let mut e = self.binary_expr(Precedence::Disjunction);
        if self.at(T::Question) {
            e = self.ternary(e);
        }
        self.leave();
        e
    }

    /// Recovers from `cond ? a : b`, which Kotlin spells `if (cond) a else b`.
    #[inline(never)]
    fn ternary(&mut self, cond: Expr) -> Expr {
        let question = self.bump();
        let then = self.binary_expr(Precedence::Disjunction);
        let els = if self.eat(T::Colon).is_some() { Some(self.binary_expr(Precedence::Disjunction)) } else { None };
        let text = |e: &Expr| e.span.text(self.src).to_string();
        let help = match &els {
            Some(els) => format!("write `if ({}) {} else {}`", text(&cond), text(&then), text(els)),
            None => "write `if (condition) a else b`".to_string(),
        };
        self.error_help(question.span, "expected an operator or the end of the expression, found '?': Kotlin has no `c ? a : b` operator", help);
        let span = self.span_from(cond.span.start);
        Expr { kind: ExprKind::Error, span }
    }

    /// True when the binary operator `k` may continue the expression on the next line.
    fn continues_on_next_line(k: T) -> bool {
        matches!(k, T::Dot | T::SafeDot | T::Elvis | T::AndAnd | T::OrOr)
    }

    /// Peeks a binary operator; an operator at the start of the next line counts only for
    /// the continuation operators.
    fn peek_op(&mut self) -> T {
        let k = self.kind();
        if k == T::Newline {
            let next = self.peek_nth_skip_nl(0).kind;
            if Self::continues_on_next_line(next) {
                return next;
            }
        }
        k
    }

    fn bump_op(&mut self) -> Token {
        self.skip_newlines();
        let t = self.bump();
        self.skip_newlines();
        t
    }

    fn binary(lhs: Expr, op: BinaryOp, rhs: Expr) -> Expr {
        let span = lhs.span.to(rhs.span);
        Expr { kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span }
    }

    /// A binary expression whose operators bind at least as tightly as `min`, by precedence
    /// climbing: one loop per level reached instead of one function per level, which keeps the
    /// stack shallow for nested brackets.
    fn binary_expr(&mut self, min: Precedence) -> Expr {
        let mut lhs = self.as_expr();
        let mut links = 0;
        while let Some((op, prec)) = self.peek_binary_op() {
            if prec < min || !self.link(&mut links) {
                break;
            }
            lhs = self.binary_step(lhs, op, prec);
        }
        self.unlink(links);
        lhs
    }

    /// `lhs op rhs` for an operator already peeked, reading the right operand.
    fn binary_step(&mut self, lhs: Expr, op: Operator, prec: Precedence) -> Expr {
        match op {
            Operator::Binary(op) => {
                self.bump_op();
                let rhs = self.binary_expr(prec.tighter());
                Self::binary(lhs, op, rhs)
            }
            Operator::In { negated } => {
                if negated {
                    self.bump_op();
                }
                self.bump_op();
                let rhs = self.binary_expr(prec.tighter());
                Self::binary(lhs, if negated { BinaryOp::NotIn } else { BinaryOp::In }, rhs)
            }
            Operator::Is { negated } => {
                if negated {
                    self.bump_op();
                }
                self.bump_op();
                let ty = self.type_ref();
                let span = lhs.span.to(ty.span);
                Expr { kind: ExprKind::Is { expr: Box::new(lhs), ty, negated }, span }
            }
            Operator::Infix => {
                let name_tok = self.bump();
                self.skip_newlines();
                let name = Ident { name: self.text(name_tok).to_string(), span: name_tok.span };
                let rhs = self.binary_expr(prec.tighter());
                let span = lhs.span.to(rhs.span);
                Expr { kind: ExprKind::Infix { name, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span }
            }
        }
    }

    /// The binary operator next in the input and its precedence, if any.
    fn peek_binary_op(&mut self) -> Option<(Operator, Precedence)> {
        use Precedence as P;
        let binary = |op, prec| Some((Operator::Binary(op), prec));
        // Only these operators may continue an expression at the start of the next line.
        match self.peek_op() {
            T::OrOr => return binary(BinaryOp::Or, P::Disjunction),
            T::AndAnd => return binary(BinaryOp::And, P::Conjunction),
            T::Elvis => return binary(BinaryOp::Elvis, P::Elvis),
            _ => {}
        }
        let t = self.peek();
        match t.kind {
            T::EqEq => binary(BinaryOp::Eq, P::Equality),
            T::NotEq => binary(BinaryOp::NotEq, P::Equality),
            T::EqEqEq => binary(BinaryOp::Same, P::Equality),
            T::NotEqEq => binary(BinaryOp::NotSame, P::Equality),
            T::Lt => binary(BinaryOp::Lt, P::Comparison),
            T::Gt => binary(BinaryOp::Gt, P::Comparison),
            T::LtEq => binary(BinaryOp::LtEq, P::Comparison),
            T::GtEq => binary(BinaryOp::GtEq, P::Comparison),
            T::In => Some((Operator::In { negated: false }, P::NamedCheck)),
            T::Is => Some((Operator::Is { negated: false }, P::NamedCheck)),
            T::Bang => match self.toks.get(self.peek_index() + 1).map(|n| n.kind) {
                Some(T::In) => Some((Operator::In { negated: true }, P::NamedCheck)),
                Some(T::Is) => Some((Operator::Is { negated: true }, P::NamedCheck)),
                _ => None,
            },
            // Only a known infix function (the library's or one the program declares) followed
            // by something that can start an operand is an infix call: any other name here is
            // more likely a missing comma or line break.
            T::Ident => {
                let next = self.toks.get(self.peek_index() + 1).map(|n| n.kind).unwrap_or(T::Eof);
                let name = self.text(t);
                let infix = INFIX_FUNCTIONS.contains(&name) || self.infix_names.iter().any(|n| n == name);
                (can_start_operand(next) && infix).then_some((Operator::Infix, P::Infix))
            }
            T::DotDot => binary(BinaryOp::Range, P::Range),
            T::DotDotLt => binary(BinaryOp::RangeUntil, P::Range),
            T::Plus => binary(BinaryOp::Add, P::Additive),
            T::Minus => binary(BinaryOp::Sub, P::Additive),
            T::Star => binary(BinaryOp::Mul, P::Multiplicative),
            T::Slash => binary(BinaryOp::Div, P::Multiplicative),
            T::Percent => binary(BinaryOp::Rem, P::Multiplicative),
            _ => None,
        }
    }

    fn as_expr(&mut self) -> Expr {
        let e = self.prefix();
        if self.at(T::As) {
            self.as_chain(e)
        } else {
            e
        }
    }

    /// `e as T`, `e as? T`, possibly several in a row.
    fn as_chain(&mut self, mut e: Expr) -> Expr {
        let mut links = 0;
        while self.at(T::As) && self.link(&mut links) {
            self.bump();
            let safe = self.eat(T::Question).is_some();
            let ty = self.type_ref();
            let span = e.span.to(ty.span);
            e = Expr { kind: ExprKind::As { expr: Box::new(e), ty, safe }, span };
        }
        self.unlink(links);
        e
    }

    fn prefix(&mut self) -> Expr {
        match self.kind() {
            T::Minus | T::Plus | T::Bang | T::PlusPlus | T::MinusMinus => self.prefix_operator(),
            _ => self.postfix(),
        }
    }

    fn prefix_operator(&mut self) -> Expr {
        let t = self.bump();
        let op = match t.kind {
            T::Minus => UnaryOp::Neg,
            T::Plus => UnaryOp::Plus,
            T::Bang => UnaryOp::Not,
            T::PlusPlus => UnaryOp::Inc,
            _ => UnaryOp::Dec,
        };
        if !self.enter() {
            self.leave();
            return Expr { kind: ExprKind::Error, span: t.span };
        }
        let e = self.prefix();
        self.leave();
        let span = t.span.to(e.span);
        // Fold negative literals so that `-2147483648` is an Int.
        if op == UnaryOp::Neg {
            match e.kind {
                ExprKind::Int(v) => return Expr { kind: ExprKind::Int(-v), span },
                ExprKind::Long(v) => return Expr { kind: ExprKind::Long(v.wrapping_neg()), span },
                ExprKind::Double(v) => return Expr { kind: ExprKind::Double(-v), span },
                _ => {}
            }
        }
        Expr { kind: ExprKind::Unary { op, expr: Box::new(e) }, span }
    }

    /// An operand and the postfix operators after it. The work is split into small functions
    /// because this path stays on the stack while nested brackets are read.
    fn postfix(&mut self) -> Expr {
        let primary = self.primary();
        self.postfix_chain(primary)
    }

    fn postfix_chain(&mut self, mut e: Expr) -> Expr {
        let mut links = 0;
        while self.link(&mut links) {
            match self.postfix_suffix(e) {
                Ok(next) => e = next,
                Err(last) => {
                    e = last;
                    break;
                }
            }
        }
        self.unlink(links);
        e
    }

    /// `e` with the next postfix operator applied, or `e` back as an error value when no
    /// operator follows.
    fn postfix_suffix(&mut self, e: Expr) -> Result<Expr, Expr> {
        // Postfix operators bind only on the same line, except `.` and `?.`.
        let raw = self.toks[self.pos.min(self.toks.len() - 1)].kind;
        match self.peek_op() {
            T::Dot | T::SafeDot => self.member_suffix(e),
            _ if raw == T::Newline && !self.nl_ignored() => Err(e),
            T::LParen => Ok(self.call_suffix(e, Vec::new())),
            T::Lt if matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. }) => match self.try_type_args() {
                Some(type_args) => Ok(self.call_suffix(e, type_args)),
                None => Err(e),
            },
            // A lambda right after a name or call on the same line is a trailing lambda.
            T::LBrace if matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Call { trailing_lambda: false, .. }) => {
                Ok(self.finish_call(e, Vec::new(), Vec::new()))
            }
            // The same with a label: `forEach lit@{ … }`.
            T::Ident if self.at_labelled_lambda() && matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Call { trailing_lambda: false, .. }) => {
                Ok(self.finish_call(e, Vec::new(), Vec::new()))
            }
            T::LBracket => Ok(self.index_suffix(e)),
            T::BangBang | T::PlusPlus | T::MinusMinus | T::ColonColon => Ok(self.operator_suffix(e)),
            _ => Err(e),
        }
    }

    fn member_suffix(&mut self, e: Expr) -> Result<Expr, Expr> {
        self.skip_newlines();
        let safe = self.bump().kind == T::SafeDot;
        self.skip_newlines();
        let name = match self.kind() {
            T::Ident | T::QuotedIdent => self.ident("a member name").expect("checked: a name is next"),
            T::Class => {
                let t = self.bump();
                Ident { name: "class".into(), span: t.span }
            }
            _ => {
                self.error_here("a member name after '.'");
                return Err(Expr { kind: ExprKind::Error, span: e.span });
            }
        };
        let span = e.span.to(name.span);
        Ok(Expr { kind: ExprKind::Member { receiver: Box::new(e), name, safe }, span })
    }

    /// `callee(args)`, with type arguments already read, and its trailing lambda.
    fn call_suffix(&mut self, callee: Expr, type_args: Vec<TypeRef>) -> Expr {
        let args = if self.at(T::LParen) { self.call_args() } else { Vec::new() };
        self.finish_call(callee, type_args, args)
    }

    fn index_suffix(&mut self, e: Expr) -> Expr {
        let open = self.bump();
        self.nl_stack.push(true);
        let index = self.expr();
        self.nl_stack.pop();
        self.expect_close(T::RBracket, open, "index");
        let span = self.span_from(e.span.start);
        Expr { kind: ExprKind::Index { receiver: Box::new(e), index: Box::new(index) }, span }
    }

    /// `e!!`, `e++`, `e--`, `e::class` and `e::name`.
    fn operator_suffix(&mut self, e: Expr) -> Expr {
        let start = e.span.start;
        let t = self.bump();
        let kind = match t.kind {
            T::BangBang => ExprKind::NotNull(Box::new(e)),
            T::PlusPlus => ExprKind::Postfix { op: UnaryOp::Inc, expr: Box::new(e) },
            T::MinusMinus => ExprKind::Postfix { op: UnaryOp::Dec, expr: Box::new(e) },
            // `e::class` is how a program asks for a class (`e::class.simpleName`); unlike
            // references to functions and properties it needs no function values.
            T::ColonColon if self.kind() == T::Class => {
                self.bump();
                ExprKind::ClassRef(Box::new(e))
            }
            T::ColonColon if self.kind() == T::Ident => {
                let n = self.bump();
                ExprKind::CallableRef { receiver: Some(Box::new(e)), name: Ident { name: self.text(n).to_string(), span: n.span } }
            }
            _ => {
                self.error_here("a function or property name after '::'");
                ExprKind::Error
            }
        };
        Expr { kind, span: self.span_from(start) }
    }

    /// Builds a call from a callee and its parenthesised arguments, then takes a trailing
    /// lambda written on the same line.
    fn finish_call(&mut self, callee: Expr, type_args: Vec<TypeRef>, mut args: Vec<Arg>) -> Expr {
        let mut trailing_lambda = false;
        if self.toks[self.pos.min(self.toks.len() - 1)].kind == T::LBrace || (self.nl_ignored() && self.at(T::LBrace)) {
            let lambda = self.lambda();
            args.push(Arg { name: None, spread: false, value: lambda });
            trailing_lambda = true;
        } else if self.at_labelled_lambda() {
            // `forEach lit@{ … }`: a labelled trailing lambda on the same line.
            let lambda = self.labelled_lambda();
            args.push(Arg { name: None, spread: false, value: lambda });
            trailing_lambda = true;
        } else if self.at(T::At) {
            // `label@{ … }` trailing lambdas.
            let t = self.peek();
            self.error(t.span, "labels (`name@`) are not supported in Coroutine Lab");
        }
        let span = self.span_from(callee.span.start);
        Expr { kind: ExprKind::Call { callee: Box::new(callee), type_args, args, trailing_lambda }, span }
    }

    fn call_args(&mut self) -> Vec<Arg> {
        let open = self.bump();
        self.nl_stack.push(true);
        let mut args = Vec::new();
        let mut closed_by_indentation = false;
        // Inside an argument list a `}` can only close something outside it.
        while !matches!(self.kind(), T::RParen | T::RBrace | T::Eof) {
            if self.left_open_by_indentation(open) {
                closed_by_indentation = true;
                break;
            }
            let name = if matches!(self.kind(), T::Ident | T::QuotedIdent) && self.peek_nth_skip_nl(1).kind == T::Eq {
                let id = self.ident("a name");
                self.bump();
                id
            } else {
                None
            };
            let spread = self.eat(T::Star).is_some();
            let before = self.pos;
            let value = self.expr();
            args.push(Arg { name, spread, value });
            if self.eat(T::Comma).is_some() {
                continue;
            }
            if matches!(self.kind(), T::RParen | T::RBrace | T::Eof) {
                break;
            }
            if self.left_open_by_indentation(open) {
                closed_by_indentation = true;
                break;
            }
            self.error_here_help("',' or ')' in the argument list", "separate arguments with commas");
            self.skip_to_list_boundary();
            if self.pos == before {
                self.bump();
            }
            self.eat(T::Comma);
        }
        self.nl_stack.pop();
        if closed_by_indentation {
            // The `)` belongs at the end of the line where the arguments stop.
            let at = self.pos_of(open.span);
            let span = Span { start: self.prev_end(), end: self.prev_end() };
            self.error_help(span, format!("expected ')' to close the call opened at {at}, found the end of the line"), "add ')'");
        } else {
            self.expect_close(T::RParen, open, "call");
        }
        args
    }

    /// True when the next token starts a later line that is indented no deeper than the line
    /// of `open`: the code has moved on, so the bracket was most likely left open.
    fn left_open_by_indentation(&self, open: Token) -> bool {
        // Only a token after a line break can start a line; checking that first keeps this
        // cheap for the arguments written on one line.
        let next = self.peek();
        if next.kind == T::Eof || self.toks[self.pos.min(self.toks.len() - 1)].kind != T::Newline {
            return false;
        }
        self.indent_before(next.span.start).is_some_and(|indent| indent <= self.line_indent(open.span.start))
    }

    /// A literal, name, bracketed expression or keyword expression. Each kind is read by its
    /// own function so that this one, which stays on the stack while nested brackets are
    /// read, stays small.
    fn primary(&mut self) -> Expr {
        match self.kind() {
            T::Int | T::Long | T::Double | T::Char | T::True | T::False | T::Null => self.literal(),
            T::StrStart => self.string(),
            T::Ident | T::QuotedIdent => self.name_expr(),
            T::This | T::Super => self.this_expr(),
            T::LParen => self.parenthesized(),
            T::LBrace => self.lambda(),
            T::If => self.if_expr(),
            T::When => self.when_expr(),
            T::Try => self.try_expr(),
            T::Return | T::Throw | T::Break | T::Continue => self.jump_expr(),
            _ => self.not_an_expression(),
        }
    }

    fn literal(&mut self) -> Expr {
        let t = self.bump();
        let text = self.text(t);
        let kind = match t.kind {
            T::True => ExprKind::Bool(true),
            T::False => ExprKind::Bool(false),
            T::Null => ExprKind::Null,
            T::Char => {
                let inner = text.strip_prefix('\'').unwrap_or(text);
                let inner = inner.strip_suffix('\'').unwrap_or(inner);
                let decoded = decode_escapes(inner);
                let mut chars = decoded.chars();
                let c = chars.next().unwrap_or('\0');
                if inner.is_empty() {
                    self.error_help(t.span, "expected one character between the quotes, found none", "write a character such as 'a', or \"\" for an empty string");
                } else if chars.next().is_some() {
                    self.error_help(
                        t.span,
                        "a character literal holds exactly one character",
                        format!("for text, use a string in double quotes: \"{}\"", inner.replace('"', "\\\"")),
                    );
                }
                ExprKind::Char(c)
            }
            _ => self.number_literal(t, text),
        };
        Expr { kind, span: t.span }
    }

    /// A name; also catches Java's `new Type(…)` and labels `name@`.
    fn name_expr(&mut self) -> Expr {
        let t = self.peek();
        if self.text(t) == "new" && self.toks.get(self.pos + 1).is_some_and(|n| n.kind == T::Ident) {
            self.bump();
            let class = self.text(self.toks[self.pos]);
            self.error_help(t.span, "Kotlin has no 'new': a constructor is called like a function", format!("write `{class}(…)`"));
            return self.name_expr();
        }
        if self.at_labelled_lambda() {
            return self.labelled_lambda();
        }
        let id = self.ident("a name").expect("checked: a name is next");
        if self.at(T::At) && self.toks.get(self.pos).map(|x| x.span.start) == Some(id.span.end) {
            let at = self.bump();
            let label = id.span.to(at.span);
            self.error(label, format!("labels (`{}`) are not supported in Coroutine Lab", label.text(self.src)));
        }
        Expr { span: id.span, kind: ExprKind::Name(id) }
    }

    #[inline(never)]
    fn this_expr(&mut self) -> Expr {
        let t = self.bump();
        if t.kind == T::Super {
            // `super<Base>.f()` names the supertype whose member it calls.
            let mut qualifier = None;
            if self.at(T::Lt) {
                self.bump();
                qualifier = self.ident("a supertype name");
                self.expect(T::Gt, "'>'");
            }
            if self.at(T::At) {
                let at = self.bump();
                self.ident("a label");
                self.error(t.span.to(at.span), "labelled `super@…` is not supported in Coroutine Lab");
            }
            return Expr { kind: ExprKind::Super(qualifier), span: self.span_from(t.span.start) };
        }
        if self.at(T::At) {
            self.bump();
            if let Some(label) = self.ident("a label") {
                return Expr { kind: ExprKind::LabelledThis(label), span: self.span_from(t.span.start) };
            }
        }
        Expr { kind: ExprKind::This, span: t.span }
    }

    fn parenthesized(&mut self) -> Expr {
        let open = self.bump();
        self.nl_stack.push(true);
        let e = self.expr();
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, "parenthesis");
        Expr { kind: e.kind, span: self.span_from(open.span.start) }
    }

    /// `return`, `throw`, `break` and `continue`.
    fn jump_expr(&mut self) -> Expr {
        let t = self.bump();
        let labelled = self.at(T::At) && self.toks.get(self.pos).map(|x| x.span.start) == Some(t.span.end);
        let kind = match t.kind {
            T::Return => {
                let mut label = None;
                if labelled {
                    self.bump();
                    label = self.ident("a label");
                }
                let value = if self.can_start_value_on_same_line() { Some(Box::new(self.expr())) } else { None };
                ExprKind::Return { value, label }
            }
            T::Throw => ExprKind::Throw(Box::new(self.expr())),
            _ => {
                let label = if labelled {
                    self.bump();
                    self.ident("a label")
                } else {
                    None
                };
                if t.kind == T::Break {
                    ExprKind::Break(label)
                } else {
                    ExprKind::Continue(label)
                }
            }
        };
        Expr { kind, span: self.span_from(t.span.start) }
    }

    /// Constructs outside the subset that stand where an expression should, and tokens that
    /// cannot start one.
    #[inline(never)]
    fn not_an_expression(&mut self) -> Expr {
        let t = self.peek();
        match t.kind {
            T::Else => {
                self.bump();
                self.error_help(t.span, "'else' without an 'if' before it", "an `else` follows the body of an `if`: `if (condition) { … } else { … }`");
                self.skip_newlines_if_followed_by_brace();
                self.branch();
            }
            T::Object => {
                self.bump();
                self.error_help(t.span, "object expressions (`object : …`) are not supported in Coroutine Lab", "declare a top-level `object` or a class instead");
                self.skip_declaration_body();
            }
            T::Fun => {
                self.bump();
                self.error_help(t.span, "anonymous functions are not supported in Coroutine Lab", "use a lambda `{ … }` instead");
                self.skip_declaration_body();
            }
            T::ColonColon if self.toks.get(self.pos + 1).is_some_and(|n| n.kind == T::Ident) => {
                self.bump();
                let n = self.bump();
                let name = Ident { name: self.text(n).to_string(), span: n.span };
                return Expr { kind: ExprKind::CallableRef { receiver: None, name }, span: self.span_from(t.span.start) };
            }
            _ => {
                self.error_here("an expression");
                // Do not consume closing brackets: the enclosing construct reports them better.
                if !matches!(t.kind, T::RParen | T::RBrace | T::RBracket | T::Eof | T::Newline | T::Semi | T::Comma) {
                    self.bump();
                }
            }
        }
        Expr { kind: ExprKind::Error, span: t.span }
    }

    fn can_start_value_on_same_line(&self) -> bool {
        let k = self.toks[self.pos.min(self.toks.len() - 1)].kind;
        !matches!(k, T::Newline | T::Semi | T::RBrace | T::RParen | T::Eof | T::Comma | T::Else | T::RBracket) && can_start_operand(k)
    }

    fn number_literal(&mut self, t: Token, text: &str) -> ExprKind {
        let clean: String = text.chars().filter(|c| *c != '_').collect();
        match t.kind {
            T::Double => {
                if clean.ends_with(['f', 'F']) {
                    // A Float computed as a Double would print other digits (0.1f + 0.2f is 0.3).
                    let digits = clean.trim_end_matches(['f', 'F']);
                    let point = if digits.contains(['.', 'e', 'E']) { "" } else { ".0" };
                    self.error_help(t.span, "Float values are not supported in Coroutine Lab", format!("write a Double: `{digits}{point}`"));
                }
                let c = clean.trim_end_matches(['f', 'F', 'd', 'D']);
                match crate::decimal::parse_f64(c) {
                    Some(v) => ExprKind::Double(v),
                    None => {
                        self.error(t.span, "this number is not a valid floating-point literal");
                        ExprKind::Double(0.0)
                    }
                }
            }
            kind => {
                let body = clean.trim_end_matches(['L', 'u', 'U']);
                let parsed = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
                    i64::from_str_radix(hex, 16)
                } else if let Some(bin) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
                    i64::from_str_radix(bin, 2)
                } else {
                    body.parse::<i64>()
                };
                match parsed {
                    Ok(v) if kind == T::Long => ExprKind::Long(v),
                    Ok(v) => ExprKind::Int(v),
                    Err(_) => {
                        self.error(t.span, "this number is too large for Long");
                        ExprKind::Long(0)
                    }
                }
            }
        }
    }

    fn string(&mut self) -> Expr {
        let open = self.bump();
        let raw = self.text(open) == "\"\"\"";
        let mut parts = Vec::new();
        // Newlines inside string templates are part of the string, not statement ends.
        self.nl_stack.push(false);
        loop {
            let t = self.toks[self.pos.min(self.toks.len() - 1)];
            match t.kind {
                T::StrText => {
                    self.pos += 1;
                    let text = self.text(t);
                    let decoded = if raw { text.to_string() } else { decode_escapes(text) };
                    if let Some(StrPart::Text(prev)) = parts.last_mut() {
                        prev.push_str(&decoded);
                    } else {
                        parts.push(StrPart::Text(decoded));
                    }
                }
                T::StrDollarIdent => {
                    self.pos += 1;
                    let name = self.text(t)[1..].to_string();
                    let span = Span { start: t.span.start + 1, end: t.span.end };
                    // `$this` is the receiver, as `${this}` is.
                    let kind = if name == "this" { ExprKind::This } else { ExprKind::Name(Ident { name, span }) };
                    parts.push(StrPart::Expr(Expr { span, kind }));
                }
                T::StrExprStart => {
                    self.pos += 1;
                    self.nl_stack.push(true);
                    let e = if self.at(T::StrExprEnd) {
                        let s = self.peek().span;
                        self.error(s, "expected an expression inside '${}'");
                        Expr { kind: ExprKind::Error, span: s }
                    } else {
                        self.expr()
                    };
                    self.nl_stack.pop();
                    // Anything left before `}` is an error; skip it.
                    if !self.at(T::StrExprEnd) {
                        let t2 = self.peek();
                        let found = self.describe(t2);
                        let at = self.pos_of(t.span);
                        self.error(t2.span, format!("expected '}}' to close the template opened at {at}, found {found}"));
                        self.skip_to_template_end();
                    }
                    self.eat(T::StrExprEnd);
                    parts.push(StrPart::Expr(e));
                }
                T::StrEnd => {
                    self.pos += 1;
                    break;
                }
                _ => break,
            }
        }
        self.nl_stack.pop();
        if raw {
            // Kotlin keeps raw strings as written; trimIndent/trimMargin are library calls.
            parts.retain(|p| !matches!(p, StrPart::Text(t) if t.is_empty()));
        }
        let span = self.span_from(open.span.start);
        Expr { kind: ExprKind::Str(parts), span }
    }

    /// Skips to the `}` that closes the current template, stepping over whole strings and
    /// templates nested in it.
    #[inline(never)]
    fn skip_to_template_end(&mut self) {
        let mut depth = 0i32;
        loop {
            match self.toks[self.pos.min(self.toks.len() - 1)].kind {
                T::Eof => return,
                T::StrExprEnd | T::StrEnd if depth == 0 => return,
                T::StrStart | T::StrExprStart => depth += 1,
                T::StrExprEnd | T::StrEnd => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn lambda(&mut self) -> Expr {
        let open = self.bump();
        self.nl_stack.push(false);
        self.skip_newlines();
        let (params, has_arrow) = self.lambda_params();
        let stmts = self.statements();
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, "lambda");
        let span = self.span_from(open.span.start);
        Expr { kind: ExprKind::Lambda(Lambda { params, has_arrow, body: Block { stmts, span }, label: None }), span }
    }

    /// Whether `name@{` comes next: a labelled lambda.
    fn at_labelled_lambda(&self) -> bool {
        let (Some(name), Some(at), Some(brace)) = (self.toks.get(self.pos), self.toks.get(self.pos + 1), self.toks.get(self.pos + 2)) else { return false };
        // `lit@{` or `lit@ {`: the label touches its name; a space may come before the brace.
        name.kind == T::Ident && at.kind == T::At && brace.kind == T::LBrace && at.span.start == name.span.end
    }

    /// `name@{ … }`, after [`Parser::at_labelled_lambda`].
    fn labelled_lambda(&mut self) -> Expr {
        let start = self.peek().span.start;
        let label = self.ident("a label");
        self.bump();
        let mut lambda = self.lambda();
        if let ExprKind::Lambda(l) = &mut lambda.kind {
            l.label = label;
        }
        lambda.span = self.span_from(start);
        lambda
    }

    /// Lambda parameters before `->`, if the tokens up to `->` form a parameter list;
    /// otherwise nothing is consumed.
    fn lambda_params(&mut self) -> (Vec<LambdaParam>, bool) {
        if self.at(T::Arrow) {
            self.bump();
            return (Vec::new(), true);
        }
        let save = self.pos;
        let save_diags = self.diags.len();
        let mut params = Vec::new();
        self.nl_stack.push(true);
        let ok = loop {
            let pattern = if self.at(T::LParen) {
                self.bump();
                let mut names = Vec::new();
                while let T::Ident = self.kind() {
                    let t = self.bump();
                    names.push(Ident { name: self.text(t).to_string(), span: t.span });
                    if self.eat(T::Comma).is_none() {
                        break;
                    }
                }
                if self.eat(T::RParen).is_none() {
                    break false;
                }
                Pattern::Tuple(names)
            } else if matches!(self.kind(), T::Ident | T::QuotedIdent) {
                let id = self.ident("a name").expect("checked: a name is next");
                Pattern::Name(id)
            } else {
                break false;
            };
            let ty = if self.at(T::Colon) {
                self.bump();
                let ty = self.type_ref();
                if self.diags.len() > save_diags {
                    break false;
                }
                Some(ty)
            } else {
                None
            };
            params.push(LambdaParam { pattern, ty });
            if self.eat(T::Comma).is_some() {
                continue;
            }
            break self.at(T::Arrow);
        };
        self.nl_stack.pop();
        if ok {
            self.bump();
            (params, true)
        } else {
            self.pos = save;
            self.diags.truncate(save_diags);
            (Vec::new(), false)
        }
    }

    fn if_expr(&mut self) -> Expr {
        let start = self.bump().span.start;
        let cond = self.paren_condition("if");
        self.skip_newlines_if_followed_by_brace();
        let then = if self.at(T::Else) {
            let t = self.peek();
            self.error_help(t.span, "expected the body of 'if' before 'else', found 'else'", "write what to do when the condition holds: `if (condition) { … } else { … }`");
            Expr { kind: ExprKind::Error, span: t.span }
        } else {
            self.branch()
        };
        // `else` may follow on the next line.
        let els = if self.at(T::Else) || (self.toks[self.pos.min(self.toks.len() - 1)].kind == T::Newline && self.next_after_newlines_is(T::Else)) {
            self.skip_newlines();
            self.bump();
            self.skip_newlines_if_followed_by_brace();
            Some(Box::new(self.branch()))
        } else {
            None
        };
        let span = self.span_from(start);
        Expr { kind: ExprKind::If { cond: Box::new(cond), then: Box::new(then), els }, span }
    }

    fn skip_newlines_if_followed_by_brace(&mut self) {
        if self.toks[self.pos.min(self.toks.len() - 1)].kind == T::Newline {
            self.skip_newlines();
        }
    }

    fn when_expr(&mut self) -> Expr {
        let start = self.bump().span.start;
        let mut subject = None;
        if self.at(T::LParen) {
            let open = self.bump();
            self.nl_stack.push(true);
            let binding = if self.at(T::Val) {
                self.bump();
                let id = self.ident("a name");
                if self.eat(T::Colon).is_some() {
                    self.type_ref();
                }
                self.expect(T::Eq, "'='");
                id
            } else {
                None
            };
            let expr = self.expr();
            self.nl_stack.pop();
            self.expect_close(T::RParen, open, "'when' subject");
            subject = Some(Box::new(WhenSubject { binding, expr }));
        }
        self.skip_newlines();
        let open = self.peek();
        if !self.at(T::LBrace) {
            self.error_here_help("'{' to start the branches of 'when'", "Kotlin writes the subject in parentheses: `when (x) { … }`");
            self.recover_statement();
            let span = self.span_from(start);
            return Expr { kind: ExprKind::When { subject, branches: vec![] }, span };
        }
        self.bump();
        self.nl_stack.push(false);
        let mut branches = Vec::new();
        self.skip_separators();
        while !self.at(T::RBrace) && !self.at(T::Eof) {
            let before = self.pos;
            let bstart = self.peek().span.start;
            let mut conditions = Vec::new();
            if self.at(T::Else) {
                self.bump();
            } else {
                self.nl_stack.push(true);
                loop {
                    let negated_in = self.at(T::Bang) && self.toks.get(self.peek_index() + 1).map(|t| t.kind) == Some(T::In);
                    let negated_is = self.at(T::Bang) && self.toks.get(self.peek_index() + 1).map(|t| t.kind) == Some(T::Is);
                    if self.at(T::In) || negated_in {
                        if negated_in {
                            self.bump();
                        }
                        self.bump();
                        let expr = self.expr();
                        conditions.push(WhenCondition::In { expr, negated: negated_in });
                    } else if self.at(T::Is) || negated_is {
                        if negated_is {
                            self.bump();
                        }
                        self.bump();
                        let ty = self.type_ref();
                        conditions.push(WhenCondition::Is { ty, negated: negated_is });
                    } else {
                        conditions.push(WhenCondition::Expr(self.expr()));
                    }
                    if self.eat(T::Comma).is_none() {
                        break;
                    }
                }
                self.nl_stack.pop();
            }
            if self.eat(T::Arrow).is_none() {
                self.error_here_help("'->' after the 'when' condition", "each branch is written `condition -> value`");
                self.recover_statement();
                self.skip_separators();
                if self.pos == before {
                    self.bump();
                }
                continue;
            }
            self.skip_newlines();
            if matches!(self.kind(), T::RBrace | T::Eof) {
                self.error_here_help("the value of the branch after '->'", "write a value or a block: `1 -> \"one\"` or `else -> { … }`");
                break;
            }
            let body = self.branch();
            branches.push(WhenBranch { conditions, body, span: self.span_from(bstart) });
            self.skip_separators();
            if self.pos == before {
                self.bump();
            }
        }
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, "'when'");
        let span = self.span_from(start);
        Expr { kind: ExprKind::When { subject, branches }, span }
    }

    fn try_expr(&mut self) -> Expr {
        let start = self.bump().span.start;
        self.skip_newlines();
        let body = self.block();
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            let next = self.peek_nth_skip_nl(0);
            if next.kind == T::Ident && self.text(next) == "catch" {
                self.skip_newlines();
                let cstart = self.bump().span.start;
                let open = self.peek();
                if !self.at(T::LParen) {
                    self.error_here_help("'(' after 'catch'", "Kotlin names the exception and its type: `catch (e: Exception) { … }`");
                    if !self.at(T::LBrace) {
                        break;
                    }
                    // Read the block as the handler so that the `try` still has its `catch`.
                    let name = Ident { name: "e".into(), span: open.span };
                    let ty = TypeRef { name: "Throwable".into(), args: vec![], nullable: false, is_suspend: false, receiver: None, span: open.span };
                    let body = self.block();
                    catches.push(Catch { name, ty, body, span: self.span_from(cstart) });
                    continue;
                }
                self.bump();
                self.nl_stack.push(true);
                let name = self.ident("the name of the caught exception").unwrap_or_else(|| self.missing_ident());
                let ty = if self.eat(T::Colon).is_some() {
                    self.type_ref()
                } else {
                    self.error_here_help(
                        &format!("':' and the type of the caught exception after '{}'", name.name),
                        format!("Kotlin names the type to catch: `catch ({}: Exception)`", name.name),
                    );
                    TypeRef { name: "Throwable".into(), args: vec![], nullable: false, is_suspend: false, receiver: None, span: name.span }
                };
                self.nl_stack.pop();
                self.expect_close(T::RParen, open, "catch clause");
                self.skip_newlines();
                let body = self.block();
                catches.push(Catch { name, ty, body, span: self.span_from(cstart) });
            } else if next.kind == T::Ident && self.text(next) == "finally" {
                self.skip_newlines();
                self.bump();
                self.skip_newlines();
                finally = Some(self.block());
                break;
            } else {
                break;
            }
        }
        if catches.is_empty() && finally.is_none() {
            let span = self.span_from(start);
            self.error_help(span, "'try' needs a 'catch' or a 'finally' block", "add `catch (e: Exception) { … }` or `finally { … }`");
        }
        let span = self.span_from(start);
        Expr { kind: ExprKind::Try { body, catches, finally }, span }
    }
}

/// The number of leading blanks of a line, a tab counting as one.
fn indentation(line: &str) -> u32 {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').count() as u32
}

/// True when a token of kind `k` can start an operand (for infix calls and `return value`).
fn can_start_operand(k: T) -> bool {
    matches!(
        k,
        T::Ident
            | T::QuotedIdent
            | T::Int
            | T::Long
            | T::Double
            | T::Char
            | T::StrStart
            | T::True
            | T::False
            | T::Null
            | T::This
            | T::Super
            | T::LParen
            | T::LBrace
            | T::If
            | T::When
            | T::Try
            | T::Minus
            | T::Plus
            | T::Bang
            | T::PlusPlus
            | T::MinusMinus
            | T::Throw
            | T::Return
            | T::Object
            | T::ColonColon
    )
}

/// Decodes Kotlin escapes (`\n`, `\t`, `\\`, `\"`, `\'`, `\$`, `\r`, `\b`, `\uXXXX`).
pub fn decode_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
/// The lambda of a `lazy { … }` delegate (`lazy(mode) { … }` too).
fn lazy_lambda(delegate: &Expr) -> Option<Lambda> {
    let ExprKind::Call { callee, args, .. } = &delegate.kind else { return None };
    if !matches!(&callee.kind, ExprKind::Name(n) if n.name == "lazy") {
        return None;
    }
    match &args.last()?.value.kind {
        ExprKind::Lambda(l) if l.params.is_empty() => Some(l.clone()),
        _ => None,
    }
}

