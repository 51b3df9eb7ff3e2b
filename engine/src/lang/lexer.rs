//! The lexer: source text to tokens. It never fails: a character that starts no token becomes
//! an `Unknown` token and a diagnostic, and an unclosed string or comment is closed at the end
//! of the input with a diagnostic.

use super::diagnostic::Diagnostic;
use super::span::Span;
use super::token::{Token, TokenKind};

/// The tokens of `source` (comments and line breaks included, ending with `Eof`) and the
/// diagnostics found while reading them.
pub fn lex(source: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lexer = Lexer {
        src: source.as_bytes(),
        text: source,
        pos: 0,
        tokens: Vec::new(),
        diagnostics: Vec::new(),
        modes: vec![Mode::Code { depth: 0, template_open: None }],
    };
    lexer.run();
    (lexer.tokens, lexer.diagnostics)
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    /// Ordinary code; `depth` counts braces opened inside a `${` template expression, and
    /// `template_open` is where that `${` is (none for the code outside every string).
    Code { depth: u32, template_open: Option<usize> },
    /// Inside a string literal opened at `open`.
    Str { raw: bool, open: usize },
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    diagnostics: Vec<Diagnostic>,
    modes: Vec<Mode>,
}

impl<'a> Lexer<'a> {
    fn run(&mut self) {
        while self.pos < self.src.len() {
            match *self.modes.last().expect("the mode stack always has a bottom") {
                Mode::Code { .. } => self.code_token(),
                Mode::Str { raw, .. } => self.string_part(raw),
            }
        }
        // Close whatever is still open so the parser always sees a balanced stream.
        while let Some(mode) = self.modes.pop() {
            match mode {
                Mode::Str { open, raw } => {
                    let quote = if raw { "\"\"\"" } else { "\"" };
                    self.diagnostics.push(
                        Diagnostic::error(Span::new(open, open + quote.len()), format!("unclosed string: expected {quote} before the end of the file"))
                            .with_help(format!("add the closing {quote}")),
                    );
                    self.push(TokenKind::StrEnd, self.pos, self.pos);
                }
                Mode::Code { .. } if !self.modes.is_empty() => {
                    self.push(TokenKind::StrExprEnd, self.pos, self.pos);
                }
                Mode::Code { .. } => {}
            }
        }
        self.push(TokenKind::Eof, self.src.len(), self.src.len());
    }

    /// At a line break inside a one-line string, or inside a `${…}` template of one, closes
    /// every such string and template still open: a plain string cannot span lines. Returns
    /// false when there was none to close.
    fn close_templates_at_line_end(&mut self) -> bool {
        let mut n_open = 0;
        let mut innermost_template = None;
        let mut innermost_string = None;
        for i in (0..self.modes.len()).rev() {
            match self.modes[i] {
                Mode::Str { raw: false, open } => {
                    innermost_string.get_or_insert(open);
                }
                Mode::Code { template_open: Some(open), .. } if matches!(self.modes.get(i.wrapping_sub(1)), Some(Mode::Str { raw: false, .. })) => {
                    innermost_template.get_or_insert(open);
                }
                _ => break,
            }
            n_open += 1;
        }
        if n_open == 0 {
            return false;
        }
        let diagnostic = match (innermost_template, innermost_string) {
            (Some(open), _) => Diagnostic::error(Span::new(open, open + 2), "unclosed template: expected '}' to close '${' before the end of the line")
                .with_help("close the template with '}'"),
            (None, open) => {
                let open = open.unwrap_or(self.pos);
                Diagnostic::error(Span::new(open, self.pos), "unclosed string: expected '\"' before the end of the line")
                    .with_help("close the string on the same line, or use \"\"\" for a multi-line string")
            }
        };
        self.diagnostics.push(diagnostic);
        for _ in 0..n_open {
            let kind = match self.modes.pop() {
                Some(Mode::Str { .. }) => TokenKind::StrEnd,
                _ => TokenKind::StrExprEnd,
            };
            self.push(kind, self.pos, self.pos);
        }
        true
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token { kind, span: Span::new(start, end) });
    }

    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn code_token(&mut self) {
        let start = self.pos;
        let c = self.peek(0);
        match c {
            b' ' | b'\t' | b'\r' | 0x0c => {
                self.pos += 1;
            }
            b'\n' => {
                if self.close_templates_at_line_end() {
                    return;
                }
                self.pos += 1;
                self.push(TokenKind::Newline, start, self.pos);
            }
            b'/' if self.peek(1) == b'/' => {
                while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                    self.pos += 1;
                }
                self.push(TokenKind::LineComment, start, self.pos);
            }
            b'/' if self.peek(1) == b'*' => self.block_comment(),
            b'"' => {
                let raw = self.peek(1) == b'"' && self.peek(2) == b'"';
                self.pos += if raw { 3 } else { 1 };
                self.push(TokenKind::StrStart, start, self.pos);
                self.modes.push(Mode::Str { raw, open: start });
            }
            b'\'' => self.char_literal(),
            b'`' => {
                self.pos += 1;
                while self.pos < self.src.len() && self.src[self.pos] != b'`' && self.src[self.pos] != b'\n' {
                    self.pos += 1;
                }
                if self.peek(0) == b'`' {
                    self.pos += 1;
                } else {
                    self.diagnostics.push(Diagnostic::error(Span::new(start, self.pos), "unclosed back-quoted name: expected '`'"));
                }
                self.push(TokenKind::QuotedIdent, start, self.pos);
            }
            b'0'..=b'9' => self.number(),
            b'.' if self.peek(1).is_ascii_digit() => self.number(),
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.ident_or_unknown(),
            b'{' => {
                if let Some(Mode::Code { depth, .. }) = self.modes.last_mut() {
                    *depth += 1;
                }
                self.pos += 1;
                self.push(TokenKind::LBrace, start, self.pos);
            }
            b'}' => {
                self.pos += 1;
                let in_template = self.modes.len() > 1;
                match self.modes.last_mut() {
                    Some(Mode::Code { depth, .. }) if *depth == 0 && in_template => {
                        self.modes.pop();
                        self.push(TokenKind::StrExprEnd, start, self.pos);
                    }
                    Some(Mode::Code { depth, .. }) => {
                        *depth = depth.saturating_sub(1);
                        self.push(TokenKind::RBrace, start, self.pos);
                    }
                    _ => unreachable!("code_token runs in code mode"),
                }
            }
            _ => self.punctuation(),
        }
    }

    #[inline(never)]
    fn block_comment(&mut self) {
        let start = self.pos;
        let doc = self.peek(2) == b'*' && self.peek(3) != b'/';
        self.pos += 2;
        // Kotlin block comments nest.
        let mut depth = 1;
        while self.pos < self.src.len() && depth > 0 {
            if self.peek(0) == b'/' && self.peek(1) == b'*' {
                depth += 1;
                self.pos += 2;
            } else if self.peek(0) == b'*' && self.peek(1) == b'/' {
                depth -= 1;
                self.pos += 2;
            } else {
                self.pos += 1;
            }
        }
        if depth > 0 {
            self.diagnostics.push(
                Diagnostic::error(Span::new(start, start + 2), "unclosed comment: expected '*/' before the end of the file")
                    .with_help("close the comment with */"),
            );
        }
        self.push(if doc { TokenKind::DocComment } else { TokenKind::BlockComment }, start, self.pos);
    }

    #[inline(never)]
    fn char_literal(&mut self) {
        let start = self.pos;
        self.pos += 1;
        // A closing quote later on the line makes `'ab'` one token, so the parser can say that a
        // character literal holds one character instead of reporting two unclosed literals.
        if let Some(close) = self.closing_quote_on_line() {
            self.pos = close + 1;
            self.push(TokenKind::Char, start, self.pos);
            return;
        }
        if self.peek(0) == b'\\' {
            self.pos += 1;
        }
        if self.pos < self.src.len() && self.src[self.pos] != b'\n' {
            self.advance_char();
        }
        self.diagnostics.push(
            Diagnostic::error(Span::new(start, self.pos), "unclosed character literal: expected \"'\" after the character")
                .with_help("a character is written 'a'; text is written in double quotes: \"abc\""),
        );
        self.push(TokenKind::Char, start, self.pos);
    }

    /// The offset of the `'` that closes a character literal whose text starts at `self.pos`,
    /// when there is one before the end of the line; escapes are skipped.
    #[inline(never)]
    fn closing_quote_on_line(&self) -> Option<usize> {
        let mut i = self.pos;
        while i < self.src.len() {
            match self.src[i] {
                b'\n' => return None,
                // An empty literal `''` is closed at once too; the parser reports it.
                b'\'' => return Some(i),
                b'\\' if self.src.get(i + 1) == Some(&b'\n') => return None,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        None
    }

    fn advance_char(&mut self) {
        let ch = self.text[self.pos..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
        self.pos += ch;
    }

    fn number(&mut self) {
        let start = self.pos;
        let mut kind = TokenKind::Int;
        if self.peek(0) == b'0' && matches!(self.peek(1), b'x' | b'X' | b'b' | b'B') {
            self.pos += 2;
            while self.peek(0).is_ascii_hexdigit() || self.peek(0) == b'_' {
                self.pos += 1;
            }
        } else {
            while self.peek(0).is_ascii_digit() || self.peek(0) == b'_' {
                self.pos += 1;
            }
            // A dot starts a fraction only when a digit follows: `1..2` is a range.
            if self.peek(0) == b'.' && self.peek(1).is_ascii_digit() {
                kind = TokenKind::Double;
                self.pos += 1;
                while self.peek(0).is_ascii_digit() || self.peek(0) == b'_' {
                    self.pos += 1;
                }
            }
            if matches!(self.peek(0), b'e' | b'E')
                && (self.peek(1).is_ascii_digit() || (matches!(self.peek(1), b'+' | b'-') && self.peek(2).is_ascii_digit()))
            {
                kind = TokenKind::Double;
                self.pos += 2;
                while self.peek(0).is_ascii_digit() {
                    self.pos += 1;
                }
            }
        }
        match self.peek(0) {
            b'L' if kind == TokenKind::Int => {
                kind = TokenKind::Long;
                self.pos += 1;
            }
            b'f' | b'F' | b'd' | b'D' => {
                kind = TokenKind::Double;
                self.pos += 1;
            }
            b'u' | b'U' => {
                self.pos += 1;
                if self.peek(0) == b'L' {
                    self.pos += 1;
                }
                self.diagnostics.push(Diagnostic::error(Span::new(start, self.pos), "unsigned numbers are not supported in Coroutine Lab"));
            }
            _ => {}
        }
        self.push(kind, start, self.pos);
    }

    fn ident_or_unknown(&mut self) {
        let start = self.pos;
        let first = self.text[self.pos..].chars().next().unwrap_or('?');
        if !(first == '_' || first.is_alphabetic()) {
            self.advance_char();
            self.diagnostics.push(Diagnostic::error(Span::new(start, self.pos), format!("unexpected character '{first}'")));
            self.push(TokenKind::Unknown, start, self.pos);
            return;
        }
        for (i, c) in self.text[start..].char_indices() {
            if !(c == '_' || c.is_alphanumeric()) {
                self.pos = start + i;
                break;
            }
            self.pos = start + i + c.len_utf8();
        }
        let word = &self.text[start..self.pos];
        let kind = TokenKind::keyword(word).unwrap_or(TokenKind::Ident);
        self.push(kind, start, self.pos);
    }

    fn punctuation(&mut self) {
        use TokenKind::*;
        let start = self.pos;
        let three = [self.peek(0), self.peek(1), self.peek(2)];
        let (kind, len) = match three {
            [b'=', b'=', b'='] => (EqEqEq, 3),
            [b'!', b'=', b'='] => (NotEqEq, 3),
            [b'.', b'.', b'<'] => (DotDotLt, 3),
            [b'=', b'=', _] => (EqEq, 2),
            [b'!', b'=', _] => (NotEq, 2),
            [b'!', b'!', _] => (BangBang, 2),
            [b'<', b'=', _] => (LtEq, 2),
            [b'>', b'=', _] => (GtEq, 2),
            [b'&', b'&', _] => (AndAnd, 2),
            [b'|', b'|', _] => (OrOr, 2),
            [b'+', b'+', _] => (PlusPlus, 2),
            [b'-', b'-', _] => (MinusMinus, 2),
            [b'+', b'=', _] => (PlusEq, 2),
            [b'-', b'=', _] => (MinusEq, 2),
            [b'*', b'=', _] => (StarEq, 2),
            [b'/', b'=', _] => (SlashEq, 2),
            [b'%', b'=', _] => (PercentEq, 2),
            [b'-', b'>', _] => (Arrow, 2),
            [b'.', b'.', _] => (DotDot, 2),
            [b':', b':', _] => (ColonColon, 2),
            [b'?', b'.', _] => (SafeDot, 2),
            [b'?', b':', _] => (Elvis, 2),
            [b'(', ..] => (LParen, 1),
            [b')', ..] => (RParen, 1),
            [b'[', ..] => (LBracket, 1),
            [b']', ..] => (RBracket, 1),
            [b',', ..] => (Comma, 1),
            [b'.', ..] => (Dot, 1),
            [b';', ..] => (Semi, 1),
            [b':', ..] => (Colon, 1),
            [b'?', ..] => (Question, 1),
            [b'@', ..] => (At, 1),
            [b'=', ..] => (Eq, 1),
            [b'+', ..] => (Plus, 1),
            [b'-', ..] => (Minus, 1),
            [b'*', ..] => (Star, 1),
            [b'/', ..] => (Slash, 1),
            [b'%', ..] => (Percent, 1),
            [b'<', ..] => (Lt, 1),
            [b'>', ..] => (Gt, 1),
            [b'!', ..] => (Bang, 1),
            _ => {
                self.advance_char();
                let text = &self.text[start..self.pos];
                let message = match text {
                    "&" | "|" | "^" | "~" => format!("unexpected character '{text}': Kotlin spells bitwise operators as words (and, or, xor, inv)"),
                    "#" => "unexpected character '#'".to_string(),
                    _ => format!("unexpected character '{text}'"),
                };
                self.diagnostics.push(Diagnostic::error(Span::new(start, self.pos), message));
                self.push(Unknown, start, self.pos);
                return;
            }
        };
        self.pos += len;
        self.push(kind, start, self.pos);
    }

    fn string_part(&mut self, raw: bool) {
        let start = self.pos;
        // Literal text up to the next `$`-template, closing quote or (for plain strings) line end.
        loop {
            if self.pos >= self.src.len() {
                break;
            }
            let c = self.src[self.pos];
            if raw && c == b'"' && self.peek(1) == b'"' && self.peek(2) == b'"' {
                // Extra quotes before the closing `"""` belong to the text.
                if self.peek(3) == b'"' {
                    self.pos += 1;
                    continue;
                }
                break;
            }
            if !raw && c == b'"' {
                break;
            }
            if !raw && c == b'\n' {
                break;
            }
            if !raw && c == b'\\' {
                // The escaped character may be several bytes long; step over it whole.
                self.pos += 1;
                if self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                    self.advance_char();
                }
                continue;
            }
            if c == b'$' && (self.peek(1) == b'{' || self.peek(1) == b'_' || self.peek(1).is_ascii_alphabetic()) {
                break;
            }
            self.advance_char();
        }
        if self.pos > start {
            self.push(TokenKind::StrText, start, self.pos);
        }
        if self.pos >= self.src.len() {
            return;
        }
        let c = self.src[self.pos];
        if c == b'"' {
            let len = if raw { 3 } else { 1 };
            self.modes.pop();
            self.push(TokenKind::StrEnd, self.pos, self.pos + len);
            self.pos += len;
        } else if c == b'\n' {
            self.close_templates_at_line_end();
        } else if self.peek(1) == b'{' {
            self.push(TokenKind::StrExprStart, self.pos, self.pos + 2);
            self.modes.push(Mode::Code { depth: 0, template_open: Some(self.pos) });
            self.pos += 2;
        } else {
            let s = self.pos;
            self.pos += 1;
            while self.peek(0) == b'_' || self.peek(0).is_ascii_alphanumeric() {
                self.pos += 1;
            }
            self.push(TokenKind::StrDollarIdent, s, self.pos);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        lex(src).0.into_iter().map(|t| t.kind).filter(|k| *k != TokenKind::Newline).collect()
    }

    #[test]
    fn template_with_nested_quotes() {
        use TokenKind::*;
        assert_eq!(
            kinds(r#""a $x ${f("}")} b""#),
            vec![StrStart, StrText, StrDollarIdent, StrText, StrExprStart, Ident, LParen, StrStart, StrText, StrEnd, RParen, StrExprEnd, StrText, StrEnd, Eof]
        );
    }

    #[test]
    fn numbers_and_ranges() {
        use TokenKind::*;
        assert_eq!(kinds("1_000 2L 1.5 1..2 0.1e3"), vec![Int, Long, Double, Int, DotDot, Int, Double, Eof]);
    }

    #[test]
    fn unclosed_string_is_a_diagnostic() {
        let (tokens, diags) = lex("val s = \"abc\nval t = 1");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("unclosed string"));
        assert_eq!(tokens.last().map(|t| t.kind), Some(TokenKind::Eof));
    }

    #[test]
    fn braces_inside_templates_nest() {
        use TokenKind::*;
        assert_eq!(kinds(r#""${ listOf(1).map { it } }""#), vec![StrStart, StrExprStart, Ident, LParen, Int, RParen, Dot, Ident, LBrace, Ident, RBrace, StrExprEnd, StrEnd, Eof]);
    }
}
