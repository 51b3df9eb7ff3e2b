//! The code pane's text as lines of coloured pieces, from the engine's own lexer, with the
//! stretches that carry a diagnostic marked. Plain data: the pane turns it into text nodes.

use engine::lang::{lex, Diagnostic, Highlight, Severity, Span};

/// One line of highlighted code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Its pieces, left to right; together they are the line's text.
    pub pieces: Vec<Piece>,
}

/// A run of text with one colour and, maybe, a diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// The CSS class of its colour.
    pub class: &'static str,
    /// The index of the diagnostic under it, if any.
    pub diagnostic: Option<usize>,
}

/// The CSS class of a highlight kind.
pub fn class_of(h: Highlight) -> &'static str {
    match h {
        Highlight::Keyword => "tk-keyword",
        Highlight::Name => "tk-name",
        Highlight::Type => "tk-type",
        Highlight::Literal => "tk-literal",
        Highlight::String => "tk-string",
        Highlight::Interpolation => "tk-interp",
        Highlight::Comment => "tk-comment",
        Highlight::Punctuation => "tk-punct",
        Highlight::Error => "tk-error",
        Highlight::Plain => "tk-plain",
    }
}

/// How many lines [`highlight`] makes of `source`: one more than its line breaks.
pub fn line_count(source: &str) -> usize {
    source.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Splits `source` into highlighted lines; the pieces under a diagnostic's span carry its
/// index (an empty span marks the character after it, or the end of its line).
pub fn highlight(source: &str, diagnostics: &[Diagnostic]) -> Vec<Line> {
    // The class of every byte, from the tokens; bytes no token covers are plain.
    let mut class = vec!["tk-plain"; source.len()];
    let (tokens, _) = lex(source);
    for t in &tokens {
        let (a, b) = (t.span.start as usize, (t.span.end as usize).min(source.len()));
        if a < b {
            let c = class_of(t.kind.highlight(t.span.text(source)));
            class[a..b].fill(c);
        }
    }
    let mut diag: Vec<Option<usize>> = vec![None; source.len()];
    for (i, d) in diagnostics.iter().enumerate() {
        let (a, b) = marked(source, d.span);
        // Where two overlap, the first one stays, unless the second is an error over a warning.
        for slot in &mut diag[a..b] {
            let replace = match *slot {
                None => true,
                Some(j) => diagnostics[j].severity != Severity::Error && d.severity == Severity::Error,
            };
            if replace {
                *slot = Some(i);
            }
        }
    }
    let mut lines = vec![Line::default()];
    let mut start = 0;
    for (i, ch) in source.char_indices() {
        if ch == '\n' {
            push_pieces(lines.last_mut().expect("one line at least"), source, &class, &diag, start, i);
            lines.push(Line::default());
            start = i + 1;
        }
    }
    push_pieces(lines.last_mut().expect("one line at least"), source, &class, &diag, start, source.len());
    lines
}

/// The bytes a diagnostic marks: its span, or for an empty span (or a line break) the
/// character at it (the one before it at a line end). Offsets outside the text or inside a character are moved to the
/// nearest character boundary before them.
fn marked(source: &str, span: Span) -> (usize, usize) {
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (floor(span.start as usize), floor(span.end as usize));
    if source[a..b.max(a)].chars().any(|c| c != '\n' && c != '\r') {
        return (a, b);
    }
    // An empty span, or one over a line break only: the character at it, or at a line end
    // the one before.
    if let Some(c) = source[a..].chars().next().filter(|&c| c != '\n' && c != '\r') {
        return (a, a + c.len_utf8());
    }
    if let Some(c) = source[..a].chars().next_back().filter(|&c| c != '\n') {
        return (a - c.len_utf8(), a);
    }
    (a, a)
}

fn push_pieces(line: &mut Line, source: &str, class: &[&'static str], diag: &[Option<usize>], from: usize, to: usize) {
    let mut i = from;
    while i < to {
        let (c, d) = (class[i], diag[i]);
        let mut j = i + 1;
        while j < to && (class[j] == c && diag[j] == d || !source.is_char_boundary(j)) {
            j += 1;
        }
        let text = source[i..j].trim_end_matches('\r').to_string();
        if !text.is_empty() {
            line.pieces.push(Piece { text, class: c, diagnostic: d });
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn lines_keep_the_text_and_colour_tokens() {
        let src = "val x = \"é\" // note\nfun main() {}\n";
        let lines = highlight(src, &[]);
        assert_eq!(lines.len(), 3);
        for s in [src, "", "x", "\n\n", "a\r\nb"] {
            assert_eq!(line_count(s), highlight(s, &[]).len(), "{s:?}");
        }
        assert_eq!(text_of(&lines[0]), "val x = \"é\" // note");
        assert_eq!(lines[0].pieces[0], Piece { text: "val".into(), class: "tk-keyword", diagnostic: None });
        assert!(lines[0].pieces.iter().any(|p| p.class == "tk-comment" && p.text == "// note"));
        assert!(lines[0].pieces.iter().any(|p| p.class == "tk-string"));
        assert_eq!(text_of(&lines[2]), "");
    }

    #[test]
    fn diagnostics_mark_their_span() {
        let src = "val x = 1\nval y = oops\n";
        let d = Diagnostic::error(Span::new(18, 22), "unknown name 'oops'");
        let lines = highlight(src, &[d]);
        let marked: Vec<&Piece> = lines[1].pieces.iter().filter(|p| p.diagnostic == Some(0)).collect();
        assert_eq!(marked.len(), 1);
        assert_eq!(marked[0].text, "oops");
    }

    #[test]
    fn empty_and_out_of_range_spans_are_safe() {
        let src = "fun main() {\n";
        let ds = [
            Diagnostic::error(Span::new(13, 13), "expected '}'"),
            Diagnostic::error(Span::new(12, 12), "at a line end"),
            Diagnostic::error(Span::new(500, 900), "past the end"),
            Diagnostic::error(Span::new(0, 0), "at the start"),
        ];
        let lines = highlight(src, &ds);
        assert_eq!(text_of(&lines[0]), "fun main() {");
        assert!(lines[0].pieces.iter().any(|p| p.diagnostic == Some(1)));
        let over_break = highlight(src, &[Diagnostic::error(Span::new(12, 13), "over the line break")]);
        assert_eq!(over_break[0].pieces.last().map(|p| (p.text.as_str(), p.diagnostic)), Some(("{", Some(0))));
    }

    #[test]
    fn multibyte_text_and_crlf_split_cleanly() {
        let src = "val s = \"€€€\"\r\nval t = '\u{1F600}'\r\n";
        let d = Diagnostic::warning(Span::new(9, 12), "euro");
        let inside = Diagnostic::warning(Span::new(10, 11), "inside a character");
        let lines = highlight(src, &[d, inside]);
        assert!(lines[0].pieces.iter().any(|p| p.text == "€" && p.diagnostic.is_some()));
        assert_eq!(text_of(&lines[0]), "val s = \"€€€\"");
        assert_eq!(text_of(&lines[1]), "val t = '\u{1F600}'");
    }
}
