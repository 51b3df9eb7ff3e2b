//! Text patterns of the check language: literal text where `{n}` captures a whole number
//! (an optional minus sign and digits) and `*` matches any text.
//!
//! A pattern over an output line matches anywhere in the line (`"latency {n} ms"` finds
//! `health: latency 12 ms`); a pattern over a coroutine or thread name must match the whole
//! name (`"updates-*"`).

/// A piece of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Text to find as written.
    Text(String),
    /// `{n}`: a whole number, captured.
    Number,
    /// `*`: any text, possibly empty.
    Any,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The pattern as written, without quotes.
    pub source: String,
    /// Its pieces.
    pub pieces: Vec<Piece>,
}

impl Pattern {
    /// Reads a pattern; `{` not followed by `n}` is literal text.
    pub fn new(source: &str) -> Pattern {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut rest = source;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("{n}") {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Number);
                rest = &rest[3..];
            } else if c == '*' {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                if pieces.last() != Some(&Piece::Any) {
                    pieces.push(Piece::Any);
                }
                rest = &rest[1..];
            } else {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Pattern { source: source.to_string(), pieces }
    }

    /// How many numbers it captures.
    pub fn captures(&self) -> usize {
        self.pieces.iter().filter(|p| **p == Piece::Number).count()
    }

    /// The numbers captured by the first match anywhere in `line`, if it matches.
    pub fn find(&self, line: &str) -> Option<Vec<i64>> {
        (0..=line.len()).filter(|&i| line.is_char_boundary(i)).find_map(|start| {
            let mut caps = Vec::new();
            match_at(&self.pieces, &line[start..], &mut caps, false).then_some(caps)
        })
    }

    /// Whether the whole of `text` matches.
    pub fn matches_whole(&self, text: &str) -> bool {
        match_at(&self.pieces, text, &mut Vec::new(), true)
    }
}

/// Matches `pieces` at the start of `text`; with `whole`, the match must end at its end.
fn match_at(pieces: &[Piece], text: &str, caps: &mut Vec<i64>, whole: bool) -> bool {
    let Some((first, rest)) = pieces.split_first() else { return !whole || text.is_empty() };
    match first {
        Piece::Text(t) => text.strip_prefix(t.as_str()).is_some_and(|after| match_at(rest, after, caps, whole)),
        Piece::Number => {
            let sign = usize::from(text.starts_with('-'));
            let digits = text[sign..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return false;
            }
            // Take the longest run of digits: a number is never split.
            let end = sign + digits;
            let Ok(value) = text[..end].parse::<i64>() else { return false };
            caps.push(value);
            if match_at(rest, &text[end..], caps, whole) {
                return true;
            }
            caps.pop();
            false
        }
        Piece::Any => (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .any(|i| {
                let n = caps.len();
                let ok = match_at(rest, &text[i..], caps, whole);
                if !ok {
                    caps.truncate(n);
                }
                ok
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_wildcards() {
        let p = Pattern::new("latency {n} ms");
        assert_eq!(p.find("health: latency 12 ms, ok"), Some(vec![12]));
        assert_eq!(p.find("health: latency -3 ms"), Some(vec![-3]));
        assert_eq!(p.find("latency ms"), None);
        assert_eq!(Pattern::new("a {n} b {n}").find("x a 1 b 22"), Some(vec![1, 22]));
        assert!(Pattern::new("updates-*").matches_whole("updates-12"));
        assert!(!Pattern::new("updates-*").matches_whole("x-updates-12"));
        assert!(Pattern::new("A").matches_whole("A"));
        assert!(!Pattern::new("A").matches_whole("AB"));
        assert_eq!(Pattern::new("*=* {n}").find("k=v 7"), Some(vec![7]));
        assert_eq!(Pattern::new("{x}").find("a {x} b"), Some(vec![]));
    }
}
