//! A small Markdown reader for the lesson texts: headings, paragraphs, lists, block quotes,
//! fenced code, and inline code, emphasis and links. It produces a tree of plain data that
//! the page turns into nodes; no text ever becomes HTML, so a `<` in a lesson is a `<`.

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `#` to `######`: the level and the text.
    Heading(u8, Vec<Inline>),
    /// Lines of text run together.
    Paragraph(Vec<Inline>),
    /// `- item` or `1. item`; true when ordered.
    List(bool, Vec<Vec<Inline>>),
    /// `> quoted` lines.
    Quote(Vec<Inline>),
    /// A fenced code block: the info string (language) and the text.
    Code(String, String),
}

/// A piece of text inside a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `code`.
    Code(String),
    /// **strong**.
    Strong(Vec<Inline>),
    /// *emphasis* or _emphasis_.
    Emphasis(Vec<Inline>),
    /// [text](url): the url is kept only when it is an http(s) address.
    Link(Vec<Inline>, Option<String>),
}

/// How deeply emphasis may nest before the rest is read as text.
const MAX_NESTING: u32 = 8;

/// Reads a document into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if let Some(info) = trimmed.strip_prefix("```") {
            let mut code = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                code.push(lines[i]);
                i += 1;
            }
            i += 1; // the closing fence, if any
            blocks.push(Block::Code(info.trim().to_string(), code.join("\n")));
            continue;
        }
        if let Some((level, rest)) = heading(trimmed) {
            blocks.push(Block::Heading(level, inlines(rest)));
            i += 1;
            continue;
        }
        if trimmed.starts_with('>') {
            let mut quoted = Vec::new();
            while i < lines.len() && lines[i].trim_start().starts_with('>') {
                quoted.push(lines[i].trim_start()[1..].trim());
                i += 1;
            }
            blocks.push(Block::Quote(inlines(&quoted.join(" "))));
            continue;
        }
        if let Some((ordered, _)) = list_item(trimmed) {
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i];
                let t = l.trim_start();
                if t.is_empty() {
                    // A blank line ends the list unless another item follows.
                    match lines.get(i + 1).map(|n| list_item(n.trim_start())) {
                        Some(Some((o, _))) if o == ordered => {
                            i += 1;
                            continue;
                        }
                        _ => break,
                    }
                }
                match list_item(t) {
                    Some((o, rest)) if o == ordered => items.push(rest.to_string()),
                    Some(_) => break,
                    None if l.starts_with(' ') && !items.is_empty() => {
                        // A continuation line of the item above.
                        let last = items.last_mut().expect("checked non-empty");
                        last.push(' ');
                        last.push_str(t);
                    }
                    None => break,
                }
                i += 1;
            }
            blocks.push(Block::List(ordered, items.iter().map(|s| inlines(s)).collect()));
            continue;
        }
        let mut para = Vec::new();
        while i < lines.len() {
            let t = lines[i].trim_start();
            if t.is_empty() || t.starts_with("```") || heading(t).is_some() || t.starts_with('>') || list_item(t).is_some() {
                break;
            }
            para.push(lines[i].trim());
            i += 1;
        }
        blocks.push(Block::Paragraph(inlines(&para.join(" "))));
    }
    blocks
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&level) && line[level..].starts_with(' ') {
        Some((level as u8, line[level..].trim()))
    } else {
        None
    }
}

/// `- x`, `* x`, `+ x` (unordered) or `12. x` (ordered): whether it is ordered, and the text.
fn list_item(line: &str) -> Option<(bool, &str)> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some((false, rest));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(". ") {
        return Some((true, &line[digits + 2..]));
    }
    None
}

/// Reads the inline elements of a block's text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    read_inlines(&chars, &mut pos, None, 0)
}

/// Reads until `close` (a delimiter of an enclosing emphasis) or the end.
fn read_inlines(chars: &[char], pos: &mut usize, close: Option<&str>, depth: u32) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while *pos < chars.len() {
        if let Some(c) = close {
            if starts_with(chars, *pos, c) {
                *pos += c.chars().count();
                flush(&mut text, &mut out);
                return out;
            }
        }
        let c = chars[*pos];
        match c {
            '\\' if *pos + 1 < chars.len() && chars[*pos + 1].is_ascii_punctuation() => {
                text.push(chars[*pos + 1]);
                *pos += 2;
            }
            '`' => {
                let ticks = chars[*pos..].iter().take_while(|&&c| c == '`').count();
                let fence: String = "`".repeat(ticks);
                match find(chars, *pos + ticks, &fence) {
                    Some(end) => {
                        flush(&mut text, &mut out);
                        let code: String = chars[*pos + ticks..end].iter().collect();
                        out.push(Inline::Code(code.trim().to_string()));
                        *pos = end + ticks;
                    }
                    None => {
                        text.push_str(&fence);
                        *pos += ticks;
                    }
                }
            }
            '*' | '_' if depth < MAX_NESTING => {
                let double = *pos + 1 < chars.len() && chars[*pos + 1] == c;
                let delim: String = if double { [c, c].iter().collect() } else { c.to_string() };
                let after = *pos + delim.len();
                // A delimiter opens only before text and when it is closed later on; an
                // underscore inside a word (snake_case) is text.
                let opens = after < chars.len()
                    && !chars[after].is_whitespace()
                    && find(chars, after, &delim).is_some()
                    && !(c == '_' && *pos > 0 && chars[*pos - 1].is_alphanumeric());
                if opens {
                    flush(&mut text, &mut out);
                    *pos = after;
                    let inner = read_inlines(chars, pos, Some(&delim), depth + 1);
                    out.push(if double { Inline::Strong(inner) } else { Inline::Emphasis(inner) });
                } else {
                    text.push(c);
                    *pos += 1;
                }
            }
            '[' if depth < MAX_NESTING => match link_at(chars, *pos) {
                Some((label_end, url, end)) => {
                    flush(&mut text, &mut out);
                    let label: Vec<char> = chars[*pos + 1..label_end].to_vec();
                    let mut p = 0;
                    let inner = read_inlines(&label, &mut p, None, depth + 1);
                    let safe = (url.starts_with("https://") || url.starts_with("http://")).then_some(url);
                    out.push(Inline::Link(inner, safe));
                    *pos = end;
                }
                None => {
                    text.push(c);
                    *pos += 1;
                }
            },
            _ => {
                text.push(c);
                *pos += 1;
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

fn starts_with(chars: &[char], pos: usize, s: &str) -> bool {
    (pos..).zip(s.chars()).all(|(i, c)| chars.get(i) == Some(&c))
}

fn find(chars: &[char], from: usize, s: &str) -> Option<usize> {
    (from..chars.len()).find(|&i| starts_with(chars, i, s))
}

/// `[label](url)` at `pos`: where the label ends, the url, and the position after it.
fn link_at(chars: &[char], pos: usize) -> Option<(usize, String, usize)> {
    let label_end = (pos + 1..chars.len()).find(|&i| chars[i] == ']')?;
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let url_end = (label_end + 2..chars.len()).find(|&i| chars[i] == ')')?;
    let url: String = chars[label_end + 2..url_end].iter().collect();
    Some((label_end, url.trim().to_string(), url_end + 1))
}

/// The plain text of inlines, for labels and tests.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(inner) | Inline::Emphasis(inner) | Inline::Link(inner, _) => out.push_str(&plain(inner)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_paragraphs_and_lists() {
        let doc = parse("# Title\n\nSome **bold** and `code`\nacross lines.\n\n## Watch\n\n- one *item*\n  continued\n- two\n\n1. first\n2. second\n");
        assert_eq!(doc.len(), 5);
        assert_eq!(doc[0], Block::Heading(1, vec![Inline::Text("Title".into())]));
        let Block::Paragraph(p) = &doc[1] else { panic!("paragraph expected: {:?}", doc[1]) };
        assert_eq!(p[1], Inline::Strong(vec![Inline::Text("bold".into())]));
        assert_eq!(p[3], Inline::Code("code".into()));
        assert_eq!(plain(p), "Some bold and code across lines.");
        let Block::List(false, items) = &doc[3] else { panic!("list expected") };
        assert_eq!(plain(&items[0]), "one item continued");
        assert_eq!(items.len(), 2);
        assert!(matches!(&doc[4], Block::List(true, items) if items.len() == 2));
    }

    #[test]
    fn markup_stays_text() {
        let doc = parse("<script>alert(1)</script> & <b>x</b>");
        assert_eq!(doc, vec![Block::Paragraph(vec![Inline::Text("<script>alert(1)</script> & <b>x</b>".into())])]);
    }

    #[test]
    fn only_web_links_keep_their_address() {
        let p = inlines("[a](https://kotlinlang.org) [b](javascript:alert(1))");
        assert_eq!(p[0], Inline::Link(vec![Inline::Text("a".into())], Some("https://kotlinlang.org".into())));
        assert!(matches!(&p[2], Inline::Link(_, None)));
    }

    #[test]
    fn unclosed_delimiters_and_snake_case_are_text() {
        assert_eq!(plain(&inlines("a * b and snake_case_name and `open")), "a * b and snake_case_name and `open");
        assert_eq!(inlines("a * b"), vec![Inline::Text("a * b".into())]);
    }

    #[test]
    fn fenced_code_keeps_its_lines() {
        let doc = parse("```kotlin\nval x = 1\n  launch { }\n```\nafter");
        assert_eq!(doc[0], Block::Code("kotlin".into(), "val x = 1\n  launch { }".into()));
        assert_eq!(doc[1], Block::Paragraph(vec![Inline::Text("after".into())]));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = "*".repeat(10_000) + "x" + &"*".repeat(10_000);
        let _ = parse(&text);
        let brackets = "[".repeat(5_000);
        let _ = parse(&brackets);
    }

    #[test]
    fn every_lesson_text_reads() {
        for l in lessons::lessons() {
            let doc = parse(&l.text);
            assert!(matches!(doc.first(), Some(Block::Heading(1, _))), "{} starts with its title", l.id);
        }
    }
}
