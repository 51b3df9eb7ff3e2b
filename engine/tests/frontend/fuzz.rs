//! Seeded fuzzing of the front end, shared by the test suite (a few thousand cases) and by
//! `examples/fuzz_parse.rs` (a million).
//!
//! Inputs are arbitrary text, text biased towards Kotlin's special characters, and mutations
//! of valid programs at token boundaries: a token deleted, duplicated, swapped with its
//! neighbour or replaced, the program truncated, or a bracket inserted. [`check`] states
//! what must hold for every input.

use engine::lang::{params, parse, LineIndex, Span, TokenKind};

/// The engine's seeded generator, with the helpers fuzzing needs: the same seed gives the same
/// cases on every machine.
pub struct Rng(engine::world::Rng);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(engine::world::Rng::new(seed))
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A copy of one element of a non-empty slice.
    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// Pieces that exercise the lexer's and parser's special cases when strung together.
const PIECES: &[&str] = &[
    "(", ")", "{", "}", "[", "]", "\"", "\"\"\"", "${", "$x", "'", "'\\n'", "\\", "/*", "*/", "//", "\n", " ", "\t", "\r\n", ".", "?.", "?:", "!!",
    "->", "::", "@", "=", "==", "+=", "++", "..", "..<", "<", ">", ",", ";", ":", "?", "!", "&&", "||", "0", "1_000", "2L", "1.5e3", "0x", "9u",
    "val", "var", "fun", "if", "else", "when", "try", "catch", "finally", "for", "in", "while", "do", "return@x", "launch", "x", "it", "é", "€",
    "🚀", "\u{0}", "#", "`", "`q q`", "suspend", "object", "class", "is", "as", "throw", "// @param 1..3 \"L\"", "// @param one of \"a\"",
];

/// Random text: mostly pieces of Kotlin, sometimes raw bytes made valid UTF-8.
pub fn arbitrary(rng: &mut Rng, max_len: usize) -> String {
    let mut out = String::new();
    if rng.below(4) == 0 {
        let bytes: Vec<u8> = (0..rng.below(max_len + 1)).map(|_| rng.next_u64() as u8).collect();
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    while out.len() < max_len {
        out.push_str(rng.pick(PIECES));
        if rng.below(8) == 0 {
            break;
        }
    }
    out
}

/// A valid program to mutate, with the spans of its tokens read once.
pub struct Seed {
    source: String,
    tokens: Vec<Span>,
}

impl Seed {
    /// `source` and its tokens.
    pub fn new(source: String) -> Seed {
        let tokens = parse(&source).tokens.iter().filter(|t| !t.span.is_empty()).map(|t| t.span).collect();
        Seed { source, tokens }
    }
}

/// A mutation of a valid program at token boundaries.
pub fn mutate(rng: &mut Rng, seed: &Seed) -> String {
    let (source, tokens) = (seed.source.as_str(), &seed.tokens);
    if tokens.is_empty() {
        return source.to_string();
    }
    let n_edits = 1 + rng.below(3);
    let mut out = source.to_string();
    // Edits apply to the original token positions from the end backwards, each before the
    // text the previous one touched (`untouched_before`), so the positions stay valid.
    let mut picks: Vec<usize> = (0..n_edits).map(|_| rng.below(tokens.len())).collect();
    picks.sort_unstable_by(|a, b| b.cmp(a));
    picks.dedup();
    let mut untouched_before = usize::MAX;
    for i in picks {
        let t = tokens[i];
        let (start, end) = (t.start as usize, t.end as usize);
        let text = source[start..end].to_string();
        match rng.below(7) {
            0 => out.replace_range(start..end, ""),
            1 => out.insert_str(start, &text),
            2 if i + 1 < tokens.len() && tokens[i + 1].start as usize >= end && (tokens[i + 1].end as usize) <= untouched_before => {
                let next = tokens[i + 1];
                let next_text = source[next.start as usize..next.end as usize].to_string();
                out.replace_range(next.start as usize..next.end as usize, &text);
                out.replace_range(start..end, &next_text);
            }
            3 => out.truncate(start),
            4 => out.insert_str(start, rng.pick(&["(", ")", "{", "}", "[", "]"])),
            5 => {
                let other = tokens[rng.below(tokens.len())];
                out.replace_range(start..end, &source[other.start as usize..other.end as usize]);
            }
            _ => out.insert_str(start, rng.pick(PIECES)),
        }
        untouched_before = start;
    }
    out
}

/// What a parse of any input must satisfy; the error names the first broken rule.
pub fn check(source: &str) -> Result<(), String> {
    let parsed = parse(source);
    let (_, param_diagnostics) = params::params_in(source, &parsed);
    let index = LineIndex::new(source);
    let in_bounds = |what: &str, span: Span| -> Result<(), String> {
        let (start, end) = (span.start as usize, span.end as usize);
        if start > end || end > source.len() || !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            return Err(format!("{what} span {start}..{end} is not a range of character boundaries in a text of {} bytes", source.len()));
        }
        let (a, b) = (index.line_col(span.start), index.line_col(span.end));
        if a.line < 1 || b.line > index.n_lines() || a > b {
            return Err(format!("{what} span {start}..{end} maps to {a}..{b}"));
        }
        Ok(())
    };
    for d in parsed.diagnostics.iter().chain(&param_diagnostics) {
        in_bounds(&format!("diagnostic '{}'", d.message), d.span)?;
        let rendered = d.render("fuzz.kt", &index);
        if !rendered.contains(&d.message) {
            return Err(format!("rendering lost the message '{}'", d.message));
        }
    }
    let mut previous_start = 0;
    for t in &parsed.tokens {
        in_bounds(&format!("token {:?}", t.kind), t.span)?;
        if t.span.start < previous_start {
            return Err(format!("token {:?} at {} comes before the previous token at {previous_start}", t.kind, t.span.start));
        }
        previous_start = t.span.start;
    }
    if parsed.tokens.last().map(|t| t.kind) != Some(TokenKind::Eof) {
        return Err("the token stream does not end with Eof".into());
    }
    if let Some(problem) = certainly_invalid(source, &parsed.tokens) {
        if parsed.diagnostics.is_empty() {
            return Err(format!("no diagnostic for an input with {problem}"));
        }
    }
    Ok(())
}

/// A reason why the input cannot be a valid program, judged on the tokens alone: brackets
/// that do not match, a character that starts no token, or a string or comment that is not
/// closed. `None` does not mean the input is valid.
pub fn certainly_invalid(source: &str, tokens: &[engine::lang::Token]) -> Option<String> {
    let mut open = Vec::new();
    for t in tokens {
        let closes = match t.kind {
            TokenKind::LParen | TokenKind::LBrace | TokenKind::LBracket | TokenKind::StrExprStart => {
                open.push(t.kind);
                continue;
            }
            TokenKind::RParen => TokenKind::LParen,
            TokenKind::RBrace => TokenKind::LBrace,
            TokenKind::RBracket => TokenKind::LBracket,
            TokenKind::StrExprEnd => TokenKind::StrExprStart,
            TokenKind::Unknown => return Some(format!("the character {:?}", t.span.text(source))),
            TokenKind::StrEnd if t.span.is_empty() => return Some("an unclosed string".into()),
            TokenKind::BlockComment | TokenKind::DocComment if !t.span.text(source).ends_with("*/") || t.span.len() < 4 => {
                return Some("an unclosed comment".into())
            }
            _ => continue,
        };
        if open.pop() != Some(closes) {
            return Some(format!("an unmatched {:?} at byte {}", t.kind, t.span.start));
        }
    }
    open.last().map(|k| format!("an unclosed {k:?}"))
}

/// Deletes, duplicates, swaps lines, or changes numbers — a few times.
// The robustness test and the fuzz_run example use it; the front-end tests, which include
// this module too, do not.
#[allow(dead_code)]
pub fn mutate_lines(rng: &mut Rng, source: &str) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        if lines.len() < 2 {
            break;
        }
        let i = rng.below(lines.len());
        let j = rng.below(lines.len());
        match rng.below(5) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(j, l);
            }
            2 => lines.swap(i, j),
            3 => {
                // A number becomes another small number (0 and negatives included).
                let line = &lines[i];
                if let Some(pos) = line.find(|c: char| c.is_ascii_digit()) {
                    let end = line[pos..].find(|c: char| !c.is_ascii_digit() && c != '_').map(|e| pos + e).unwrap_or(line.len());
                    let n = ["0", "1", "-1", "3", "100", "1_000_000"][rng.below(6)];
                    lines[i] = format!("{}{}{}", &line[..pos], n, &line[end..]);
                }
            }
            _ => {
                // A call becomes another coroutine call.
                let calls = ["delay(50)", "yield()", "cancel()", "throw IllegalStateException(\"boom\")", "Thread.sleep(20)", "coroutineContext.cancel()"];
                let indent: String = lines[i].chars().take_while(|c| c.is_whitespace()).collect();
                lines.insert(i, format!("{indent}{}", calls[rng.below(calls.len())]));
            }
        }
    }
    lines.join("\n") + "\n"
}
