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
    let (tokens, mut diagnostics) = lex(source);
    let significant: Vec<Token> = tokens.iter().copied().filter(|t| !t.kind.is_trivia()).collect();
    let mut parser = Parser {
        src: source,
        toks: significant,
        pos: 0,
        diags: Vec::new(),
        index: LineIndex::new(source),
        nl_stack: vec![false],
        depth: 0,
        too_deep_reported: false,
    };
    let file = parser.file();
    diagnostics.append(&mut parser.diags);
    super::diagnostic::sort(&mut diagnostics);
    // A lexer error often causes a parser error at the same place; keep the first one.
    diagnostics.dedup_by(|a, b| a.span.start == b.span.start && a.is_error() && b.is_error());
    Parsed { file, diagnostics, tokens }
}

/// Deepest nesting of expressions and blocks the parser follows before giving up on a part
/// of the input; it keeps hostile input from exhausting the host stack.
const MAX_DEPTH: u32 = 150;

struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    diags: Vec<Diagnostic>,
    index: LineIndex,
    /// Whether newlines are insignificant in the current bracket context.
    nl_stack: Vec<bool>,
    depth: u32,
    too_deep_reported: bool,
}

/// The modifiers the subset accepts and ignores.
const HARMLESS_MODIFIERS: &[&str] = &["private", "public", "internal", "protected", "override", "open", "const", "final", "data", "lateinit"];

/// Modifiers outside the subset, with the construct they introduce.
const UNSUPPORTED_MODIFIERS: &[(&str, &str)] = &[
    ("inline", "`inline` functions are not supported in Coroutine Lab"),
    ("abstract", "abstract classes and members are not supported in Coroutine Lab"),
    ("sealed", "sealed classes are not supported in Coroutine Lab"),
    ("enum", "enum classes are not supported in Coroutine Lab"),
    ("operator", "operator overloading is not supported in Coroutine Lab"),
    ("infix", "declaring infix functions is not supported in Coroutine Lab"),
    ("inner", "inner classes are not supported in Coroutine Lab"),
    ("companion", "companion objects are not supported in Coroutine Lab; use a top-level `object`"),
    ("tailrec", "`tailrec` functions are not supported in Coroutine Lab"),
    ("external", "`external` functions are not supported in Coroutine Lab"),
    ("annotation", "annotation classes are not supported in Coroutine Lab"),
    ("reified", "`reified` type parameters are not supported in Coroutine Lab"),
    ("crossinline", "`crossinline` is not supported in Coroutine Lab"),
    ("noinline", "`noinline` is not supported in Coroutine Lab"),
    ("value", "value classes are not supported in Coroutine Lab"),
];

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

    fn describe(&self, t: Token) -> String {
        match t.kind {
            T::Ident => format!("'{}'", self.text(t)),
            T::Int | T::Long | T::Double => format!("the number {}", self.text(t)),
            T::Newline => "the end of the line".into(),
            k => k.describe().to_string(),
        }
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
        self.error(t.span, format!("expected {expected}, found {found}"));
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
    /// position of the opening token.
    fn expect_close(&mut self, close: T, open: Token, construct: &str) -> bool {
        if self.eat(close).is_some() {
            return true;
        }
        let t = self.peek();
        let found = self.describe(t);
        let at = self.pos_of(open.span);
        let sym = close.describe();
        self.diags.push(
            Diagnostic::error(t.span, format!("expected {sym} to close the {construct} opened at {at}, found {found}"))
                .with_help(format!("add {sym}")),
        );
        false
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
            if let Some(item) = self.item() {
                file.items.push(item);
            }
            self.skip_separators();
            if self.pos == before {
                // Nothing was consumed: skip a token so the loop always ends.
                let t = self.bump();
                if t.kind == T::RBrace {
                    self.error(t.span, "unexpected '}': it closes nothing");
                }
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
        match self.kind() {
            T::Fun => self.fun_decl(modifiers, start).map(Item::Fun),
            T::Val | T::Var => {
                let p = self.property(modifiers, start, true);
                self.end_of_declaration();
                Some(Item::Property(p))
            }
            T::Object => self.object_decl(modifiers, start).map(Item::Object),
            T::Class => self.class_decl(modifiers, start).map(Item::Class),
            T::Interface => {
                let t = self.bump();
                self.error(t.span, "interfaces are not supported in Coroutine Lab");
                self.skip_declaration_body();
                None
            }
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

    fn fun_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<FunDecl> {
        let fun_tok = self.bump();
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
        loop {
            let Some(id) = self.ident("a name") else { break };
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
            let nullable = self.eat(T::Question).is_some();
            segments.push((id, args, nullable));
            if self.at(T::Dot) {
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
        let body = if self.at(T::LBrace) {
            FunBody::Block(self.block())
        } else if self.eat(T::Eq).is_some() {
            self.skip_newlines();
            FunBody::Expr(self.expr())
        } else {
            let span = Span::new(fun_tok.span.start as usize, self.prev_end() as usize);
            self.error_help(span, format!("function '{}' has no body", name.name), "add a body: `{ … }` or `= expression`");
            FunBody::None
        };
        Some(FunDecl { modifiers, type_params, receiver, name, params, return_type, body, span: self.span_from(start) })
    }

    fn params(&mut self, construct: &str) -> Vec<Param> {
        let open = self.bump();
        self.nl_stack.push(true);
        let mut out = Vec::new();
        while !self.at(T::RParen) && !self.at(T::Eof) && !self.at(T::LBrace) && !self.at(T::RBrace) {
            let start = self.peek().span.start;
            let modifiers = self.modifiers();
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
            out.push(Param { binding, is_vararg: modifiers.has("vararg"), name, ty, default, span: self.span_from(start) });
            if self.eat(T::Comma).is_none() {
                break;
            }
        }
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, construct);
        out
    }

    fn skip_to_list_boundary(&mut self) {
        while !matches!(self.kind(), T::Comma | T::RParen | T::Eof | T::LBrace | T::RBrace) {
            self.bump();
        }
    }

    fn property(&mut self, modifiers: Modifiers, start: u32, allow_destructuring: bool) -> PropertyDecl {
        let mutable = self.bump().kind == T::Var;
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
            Pattern::Name(self.ident("a variable name").unwrap_or_else(|| self.missing_ident()))
        };
        let ty = if self.eat(T::Colon).is_some() { Some(self.type_ref()) } else { None };
        let init = if self.eat(T::Eq).is_some() {
            self.skip_newlines();
            Some(self.expr())
        } else if self.at_word("by") {
            let t = self.bump();
            self.error(t.span, "delegated properties (`by`) are not supported in Coroutine Lab");
            self.recover_statement();
            None
        } else {
            None
        };
        // Custom getters and setters are outside the subset.
        if matches!(self.peek_nth_skip_nl(0).kind, T::Ident) {
            let t = self.peek_nth_skip_nl(0);
            let w = self.text(t);
            if (w == "get" || w == "set") && self.peek_nth_skip_nl(1).kind == T::LParen {
                self.skip_newlines();
                self.bump();
                self.error(t.span, "custom getters and setters are not supported in Coroutine Lab");
                self.recover_statement();
            }
        }
        PropertyDecl { modifiers, mutable, pattern, ty, init, span: self.span_from(start) }
    }

    fn supertypes(&mut self) -> Vec<SuperType> {
        let mut out = Vec::new();
        if self.eat(T::Colon).is_none() {
            return out;
        }
        loop {
            let ty = self.type_ref();
            let args = if self.at(T::LParen) { Some(self.call_args().0) } else { None };
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
        let open = self.bump();
        self.nl_stack.push(false);
        self.skip_separators();
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
                }));
            } else if self.at_word("constructor") {
                let t = self.bump();
                self.error(t.span, "secondary constructors are not supported in Coroutine Lab");
                self.recover_statement();
                if self.at(T::LBrace) {
                    self.block();
                }
            } else if let Some(item) = self.item() {
                members.push(item);
            }
            self.skip_separators();
            if self.pos == before {
                self.bump();
            }
        }
        self.nl_stack.pop();
        self.expect_close(T::RBrace, open, construct);
        members
    }

    fn object_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<ObjectDecl> {
        self.bump();
        let name = self.ident("an object name")?;
        let supertypes = self.supertypes();
        let members = self.members("object body");
        Some(ObjectDecl { modifiers, name, supertypes, members, span: self.span_from(start) })
    }

    fn class_decl(&mut self, modifiers: Modifiers, start: u32) -> Option<ClassDecl> {
        self.bump();
        let name = self.ident("a class name")?;
        let type_params = self.type_params();
        if self.at_word("constructor") {
            self.bump();
        }
        let params = if self.at(T::LParen) { self.params("constructor parameters") } else { Vec::new() };
        let supertypes = self.supertypes();
        let members = self.members("class body");
        Some(ClassDecl { modifiers, name, type_params, params, supertypes, members, span: self.span_from(start) })
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
            if let Some(s) = self.statement() {
                stmts.push(s);
            }
            // A statement ends at a newline, `;` or the `}` that closes the block.
            match self.toks[self.pos.min(self.toks.len() - 1)].kind {
                T::Newline | T::Semi => self.skip_separators(),
                T::RBrace | T::Eof => {}
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

    fn statement_inner(&mut self) -> Option<Stmt> {
        let start = self.peek().span.start;
        let t = self.peek();
        // Declarations inside blocks.
        let is_decl_start = match t.kind {
            T::Val | T::Var | T::Fun | T::Class | T::Object => !(t.kind == T::Object && self.peek_nth_skip_nl(1).kind == T::Colon),
            T::At => true,
            T::Ident => {
                is_modifier_word(self.text(t))
                    && matches!(self.peek_nth_skip_nl(1).kind, T::Val | T::Var | T::Fun | T::Class | T::Object | T::Ident | T::At)
                    && (self.peek_nth_skip_nl(1).kind != T::Ident || is_modifier_word(self.text(self.peek_nth_skip_nl(1))))
            }
            _ => false,
        };
        if is_decl_start {
            let modifiers = self.modifiers();
            return match self.kind() {
                T::Val | T::Var => Some(Stmt::Local(self.property(modifiers, start, true))),
                T::Fun => self.fun_decl(modifiers, start).map(Stmt::Fun),
                T::Class | T::Object => {
                    let t = self.bump();
                    self.error(t.span, "local classes and objects are not supported in Coroutine Lab; declare them at the top level");
                    self.skip_declaration_body();
                    None
                }
                _ => {
                    // Annotations on an expression (`@Suppress(…) x`) are ignored.
                    self.expression_statement(start)
                }
            };
        }
        match t.kind {
            T::While => {
                self.bump();
                let cond = self.paren_condition("while");
                let body = self.loop_body();
                Some(Stmt::While { cond, body, span: self.span_from(start) })
            }
            T::Do => {
                self.bump();
                let body = self.loop_body();
                self.skip_newlines();
                if self.expect(T::While, "'while' after the body of 'do'").is_none() {
                    return None;
                }
                let cond = self.paren_condition("do-while");
                Some(Stmt::DoWhile { body, cond, span: self.span_from(start) })
            }
            T::For => {
                self.bump();
                let open = self.peek();
                if self.expect(T::LParen, "'(' after 'for'").is_none() {
                    self.recover_statement();
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
                Some(Stmt::For { pattern, iterable, body, span: self.span_from(start) })
            }
            _ => self.expression_statement(start),
        }
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
        let open = self.peek();
        if self.expect(T::LParen, &format!("'(' after '{construct}'")).is_none() {
            return Expr { kind: ExprKind::Error, span: open.span };
        }
        self.nl_stack.push(true);
        let e = self.expr();
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
        let e = self.disjunction();
        self.leave();
        e
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

    fn disjunction(&mut self) -> Expr {
        let mut lhs = self.conjunction();
        while self.peek_op() == T::OrOr {
            self.bump_op();
            let rhs = self.conjunction();
            lhs = Self::binary(lhs, BinaryOp::Or, rhs);
        }
        lhs
    }

    fn conjunction(&mut self) -> Expr {
        let mut lhs = self.equality();
        while self.peek_op() == T::AndAnd {
            self.bump_op();
            let rhs = self.equality();
            lhs = Self::binary(lhs, BinaryOp::And, rhs);
        }
        lhs
    }

    fn equality(&mut self) -> Expr {
        let mut lhs = self.comparison();
        loop {
            let op = match self.kind() {
                T::EqEq => BinaryOp::Eq,
                T::NotEq => BinaryOp::NotEq,
                T::EqEqEq => BinaryOp::Same,
                T::NotEqEq => BinaryOp::NotSame,
                _ => break,
            };
            self.bump_op();
            let rhs = self.comparison();
            lhs = Self::binary(lhs, op, rhs);
        }
        lhs
    }

    fn comparison(&mut self) -> Expr {
        let mut lhs = self.named_check();
        loop {
            let op = match self.kind() {
                T::Lt => BinaryOp::Lt,
                T::Gt => BinaryOp::Gt,
                T::LtEq => BinaryOp::LtEq,
                T::GtEq => BinaryOp::GtEq,
                _ => break,
            };
            self.bump_op();
            let rhs = self.named_check();
            lhs = Self::binary(lhs, op, rhs);
        }
        lhs
    }

    /// `in`, `!in`, `is`, `!is`.
    fn named_check(&mut self) -> Expr {
        let mut lhs = self.elvis();
        loop {
            let k = self.kind();
            let negated = k == T::Bang && matches!(self.toks.get(self.peek_index() + 1).map(|t| t.kind), Some(T::In) | Some(T::Is));
            if k == T::In || (negated && self.toks[self.peek_index() + 1].kind == T::In) {
                self.bump_op();
                if negated {
                    self.bump_op();
                }
                let rhs = self.elvis();
                lhs = Self::binary(lhs, if negated { BinaryOp::NotIn } else { BinaryOp::In }, rhs);
            } else if k == T::Is || negated {
                self.bump_op();
                if negated {
                    self.bump_op();
                }
                let ty = self.type_ref();
                let span = lhs.span.to(ty.span);
                lhs = Expr { kind: ExprKind::Is { expr: Box::new(lhs), ty, negated }, span };
            } else {
                break;
            }
        }
        lhs
    }

    fn elvis(&mut self) -> Expr {
        let mut lhs = self.infix_call();
        while self.peek_op() == T::Elvis {
            self.bump_op();
            let rhs = self.infix_call();
            lhs = Self::binary(lhs, BinaryOp::Elvis, rhs);
        }
        lhs
    }

    /// `a to b`, `0 until n`, `10 downTo 0 step 2`, …: a name between two operands on one line.
    fn infix_call(&mut self) -> Expr {
        let mut lhs = self.range();
        loop {
            let t = self.peek();
            if t.kind != T::Ident {
                break;
            }
            // Only a name followed by something that can start an operand is an infix call.
            let next = self.toks.get(self.peek_index() + 1).map(|t| t.kind).unwrap_or(T::Eof);
            if !can_start_operand(next) {
                break;
            }
            let name_tok = self.bump();
            self.skip_newlines();
            let name = Ident { name: self.text(name_tok).to_string(), span: name_tok.span };
            let rhs = self.range();
            let span = lhs.span.to(rhs.span);
            lhs = Expr { kind: ExprKind::Infix { name, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span };
        }
        lhs
    }

    fn range(&mut self) -> Expr {
        let mut lhs = self.additive();
        loop {
            let op = match self.kind() {
                T::DotDot => BinaryOp::Range,
                T::DotDotLt => BinaryOp::RangeUntil,
                _ => break,
            };
            self.bump_op();
            let rhs = self.additive();
            lhs = Self::binary(lhs, op, rhs);
        }
        lhs
    }

    fn additive(&mut self) -> Expr {
        let mut lhs = self.multiplicative();
        loop {
            let op = match self.kind() {
                T::Plus => BinaryOp::Add,
                T::Minus => BinaryOp::Sub,
                _ => break,
            };
            self.bump_op();
            let rhs = self.multiplicative();
            lhs = Self::binary(lhs, op, rhs);
        }
        lhs
    }

    fn multiplicative(&mut self) -> Expr {
        let mut lhs = self.as_expr();
        loop {
            let op = match self.kind() {
                T::Star => BinaryOp::Mul,
                T::Slash => BinaryOp::Div,
                T::Percent => BinaryOp::Rem,
                _ => break,
            };
            self.bump_op();
            let rhs = self.as_expr();
            lhs = Self::binary(lhs, op, rhs);
        }
        lhs
    }

    fn as_expr(&mut self) -> Expr {
        let mut e = self.prefix();
        while self.at(T::As) {
            self.bump();
            let safe = self.eat(T::Question).is_some();
            let ty = self.type_ref();
            let span = e.span.to(ty.span);
            e = Expr { kind: ExprKind::As { expr: Box::new(e), ty, safe }, span };
        }
        e
    }

    fn prefix(&mut self) -> Expr {
        let t = self.peek();
        let op = match t.kind {
            T::Minus => UnaryOp::Neg,
            T::Plus => UnaryOp::Plus,
            T::Bang => UnaryOp::Not,
            T::PlusPlus => UnaryOp::Inc,
            T::MinusMinus => UnaryOp::Dec,
            _ => return self.postfix(),
        };
        self.bump();
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

    fn postfix(&mut self) -> Expr {
        let mut e = self.primary();
        loop {
            // Postfix operators bind only on the same line, except `.` and `?.`.
            let raw = self.toks[self.pos.min(self.toks.len() - 1)].kind;
            let k = self.peek_op();
            match k {
                T::Dot | T::SafeDot => {
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
                            let span = e.span;
                            return Expr { kind: ExprKind::Error, span };
                        }
                    };
                    let span = e.span.to(name.span);
                    e = Expr { kind: ExprKind::Member { receiver: Box::new(e), name, safe }, span };
                }
                _ if raw == T::Newline && !self.nl_ignored() => break,
                T::LParen => {
                    let (args, close) = self.call_args();
                    e = self.finish_call(e, Vec::new(), args, close);
                }
                T::Lt if matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. }) => match self.try_type_args() {
                    Some(type_args) => {
                        let (args, close) = if self.at(T::LParen) { self.call_args() } else { (Vec::new(), self.prev_end()) };
                        e = self.finish_call(e, type_args, args, close);
                    }
                    None => break,
                },
                T::LBrace if matches!(e.kind, ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Call { .. }) => {
                    // A lambda right after a name or call on the same line is a trailing lambda.
                    if let ExprKind::Call { trailing_lambda: true, .. } = e.kind {
                        break;
                    }
                    e = self.finish_call(e, Vec::new(), Vec::new(), self.prev_end());
                }
                T::LBracket => {
                    let open = self.bump();
                    self.nl_stack.push(true);
                    let index = self.expr();
                    self.nl_stack.pop();
                    self.expect_close(T::RBracket, open, "index");
                    let span = self.span_from(e.span.start);
                    e = Expr { kind: ExprKind::Index { receiver: Box::new(e), index: Box::new(index) }, span };
                }
                T::BangBang => {
                    self.bump();
                    let span = self.span_from(e.span.start);
                    e = Expr { kind: ExprKind::NotNull(Box::new(e)), span };
                }
                T::PlusPlus | T::MinusMinus => {
                    let op = if self.bump().kind == T::PlusPlus { UnaryOp::Inc } else { UnaryOp::Dec };
                    let span = self.span_from(e.span.start);
                    e = Expr { kind: ExprKind::Postfix { op, expr: Box::new(e) }, span };
                }
                T::ColonColon => {
                    let t = self.bump();
                    self.error(t.span, "callable references (`::`) are not supported in Coroutine Lab");
                    if matches!(self.kind(), T::Ident | T::Class) {
                        self.bump();
                    }
                    let span = self.span_from(e.span.start);
                    e = Expr { kind: ExprKind::Error, span };
                }
                _ => break,
            }
        }
        e
    }

    /// Builds a call from a callee and its parenthesised arguments, then takes a trailing
    /// lambda written on the same line.
    fn finish_call(&mut self, callee: Expr, type_args: Vec<TypeRef>, mut args: Vec<Arg>, _close: u32) -> Expr {
        let mut trailing_lambda = false;
        if self.toks[self.pos.min(self.toks.len() - 1)].kind == T::LBrace || (self.nl_ignored() && self.at(T::LBrace)) {
            let lambda = self.lambda();
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

    fn call_args(&mut self) -> (Vec<Arg>, u32) {
        let open = self.bump();
        self.nl_stack.push(true);
        let mut args = Vec::new();
        while !self.at(T::RParen) && !self.at(T::Eof) {
            // Inside an argument list a `}` can only close something outside it.
            if self.at(T::RBrace) {
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
            if self.at(T::RParen) || self.at(T::RBrace) || self.at(T::Eof) {
                break;
            }
            let t = self.peek();
            let found = self.describe(t);
            self.error_help(t.span, format!("expected ',' or ')' in the argument list, found {found}"), "separate arguments with commas");
            self.skip_to_list_boundary();
            if self.pos == before {
                self.bump();
            }
            self.eat(T::Comma);
        }
        self.nl_stack.pop();
        self.expect_close(T::RParen, open, "call");
        (args, self.prev_end())
    }

    fn primary(&mut self) -> Expr {
        let t = self.peek();
        let text = self.text(t);
        let simple = |kind| Expr { kind, span: t.span };
        match t.kind {
            T::Int | T::Long | T::Double => {
                self.bump();
                simple(self.number_literal(t, text))
            }
            T::Char => {
                self.bump();
                let inner = text.trim_start_matches('\'').trim_end_matches('\'');
                let decoded = decode_escapes(inner);
                let mut chars = decoded.chars();
                let c = chars.next().unwrap_or('\0');
                if chars.next().is_some() || inner.is_empty() {
                    self.error(t.span, "a character literal holds exactly one character");
                }
                simple(ExprKind::Char(c))
            }
            T::True => {
                self.bump();
                simple(ExprKind::Bool(true))
            }
            T::False => {
                self.bump();
                simple(ExprKind::Bool(false))
            }
            T::Null => {
                self.bump();
                simple(ExprKind::Null)
            }
            T::StrStart => self.string(),
            T::Ident | T::QuotedIdent => {
                let id = self.ident("a name").expect("checked: a name is next");
                if self.at(T::At) && self.toks.get(self.pos).map(|x| x.span.start) == Some(id.span.end) {
                    let at = self.bump();
                    self.error(id.span.to(at.span), "labels (`name@`) are not supported in Coroutine Lab");
                }
                Expr { span: id.span, kind: ExprKind::Name(id) }
            }
            T::This => {
                self.bump();
                if self.at(T::At) {
                    let at = self.bump();
                    self.ident("a label");
                    self.error(t.span.to(at.span), "labelled `this@…` is not supported in Coroutine Lab");
                }
                simple(ExprKind::This)
            }
            T::Super => {
                self.bump();
                self.error(t.span, "`super` is not supported in Coroutine Lab");
                simple(ExprKind::Error)
            }
            T::LParen => {
                let open = self.bump();
                self.nl_stack.push(true);
                let e = self.expr();
                self.nl_stack.pop();
                self.expect_close(T::RParen, open, "parenthesis");
                Expr { kind: e.kind, span: self.span_from(open.span.start) }
            }
            T::LBrace => self.lambda(),
            T::If => self.if_expr(),
            T::When => self.when_expr(),
            T::Try => self.try_expr(),
            T::Return => {
                self.bump();
                let mut label = None;
                if self.at(T::At) && self.toks.get(self.pos).map(|x| x.span.start) == Some(t.span.end) {
                    self.bump();
                    label = self.ident("a label");
                }
                let value = if self.can_start_value_on_same_line() { Some(Box::new(self.expr())) } else { None };
                let span = self.span_from(t.span.start);
                Expr { kind: ExprKind::Return { value, label }, span }
            }
            T::Throw => {
                self.bump();
                let value = self.expr();
                let span = self.span_from(t.span.start);
                Expr { kind: ExprKind::Throw(Box::new(value)), span }
            }
            T::Break | T::Continue => {
                self.bump();
                if self.at(T::At) && self.toks.get(self.pos).map(|x| x.span.start) == Some(t.span.end) {
                    let at = self.bump();
                    self.ident("a label");
                    self.error(t.span.to(at.span), "labelled `break` and `continue` are not supported in Coroutine Lab");
                }
                simple(if t.kind == T::Break { ExprKind::Break } else { ExprKind::Continue })
            }
            T::Object => {
                self.bump();
                self.error(t.span, "object expressions (`object : …`) are not supported in Coroutine Lab; declare a top-level `object` or class");
                self.skip_declaration_body();
                simple(ExprKind::Error)
            }
            T::Fun => {
                self.bump();
                self.error(t.span, "anonymous functions are not supported in Coroutine Lab; use a lambda `{ … }`");
                self.skip_declaration_body();
                simple(ExprKind::Error)
            }
            T::ColonColon => {
                self.bump();
                self.error(t.span, "callable references (`::`) are not supported in Coroutine Lab");
                if matches!(self.kind(), T::Ident) {
                    self.bump();
                }
                simple(ExprKind::Error)
            }
            _ => {
                let found = self.describe(t);
                self.error(t.span, format!("expected an expression, found {found}"));
                // Do not consume closing brackets: the enclosing construct reports them better.
                if !matches!(t.kind, T::RParen | T::RBrace | T::RBracket | T::Eof | T::Newline | T::Semi | T::Comma) {
                    self.bump();
                }
                simple(ExprKind::Error)
            }
        }
    }

    fn can_start_value_on_same_line(&self) -> bool {
        let k = self.toks[self.pos.min(self.toks.len() - 1)].kind;
        !matches!(k, T::Newline | T::Semi | T::RBrace | T::RParen | T::Eof | T::Comma | T::Else | T::RBracket) && can_start_operand(k)
    }

    fn number_literal(&mut self, t: Token, text: &str) -> ExprKind {
        let clean: String = text.chars().filter(|c| *c != '_').collect();
        match t.kind {
            T::Double => {
                let c = clean.trim_end_matches(['f', 'F', 'd', 'D']);
                match c.parse::<f64>() {
                    Ok(v) => ExprKind::Double(v),
                    Err(_) => {
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
                    let id = Ident { name, span: Span { start: t.span.start + 1, end: t.span.end } };
                    parts.push(StrPart::Expr(Expr { span: id.span, kind: ExprKind::Name(id) }));
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
                        while !matches!(self.toks[self.pos.min(self.toks.len() - 1)].kind, T::StrExprEnd | T::StrEnd | T::Eof) {
                            self.pos += 1;
                        }
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
        let mut parts = parts;
        if raw {
            // Kotlin keeps raw strings as written; trimIndent/trimMargin are library calls.
            parts.retain(|p| !matches!(p, StrPart::Text(t) if t.is_empty()));
        }
        let span = self.span_from(open.span.start);
        Expr { kind: ExprKind::Str(parts), span }
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
        Expr { kind: ExprKind::Lambda(Lambda { params, has_arrow, body: Block { stmts, span } }), span }
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
        let then = self.branch();
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
        if self.expect(T::LBrace, "'{' to start the branches of 'when'").is_none() {
            let span = self.span_from(start);
            return Expr { kind: ExprKind::When { subject, branches: vec![] }, span };
        }
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
            if self.expect(T::Arrow, "'->' after the 'when' condition").is_none() {
                self.recover_statement();
                self.skip_separators();
                if self.pos == before {
                    self.bump();
                }
                continue;
            }
            self.skip_newlines();
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
                if self.expect(T::LParen, "'(' after 'catch'").is_none() {
                    break;
                }
                self.nl_stack.push(true);
                let name = self.ident("the name of the caught exception").unwrap_or_else(|| self.missing_ident());
                let ty = if self.expect(T::Colon, "':' and the type of the caught exception").is_some() {
                    self.type_ref()
                } else {
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
