//! Share links: the URL hash that restores a lesson, its variant, the code, the parameters and
//! the step.
//!
//! ```text
//! #lesson=scopes&variant=supervisorScope&params=aMs%3D300%3BbMs%3D100&step=42&code=5f1c2a9e.1204.31.%20delay(10)
//! ```
//!
//! The code is stored as an edit of the variant's own source: a fingerprint of that source
//! (so that an edit made for another version of it is refused), the length in bytes of the
//! common beginning, of the common end, and the text in between, percent-encoded. A small
//! edit of a long scenario makes a short link. Everything read from a link is checked here,
//! and a link that does not check out is an error with a message, never a guess.

use std::fmt::Write as _;

/// Longest hash a link may have; a longer one is refused unread.
pub const MAX_HASH: usize = 64 * 1024;

/// Longest encoded code a link carries; longer code is left out of the link.
pub const MAX_CODE: usize = 16 * 1024;

/// What a share link holds, as text still to be checked against the lesson.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The lesson id.
    pub lesson: String,
    /// The variant id, if given.
    pub variant: Option<String>,
    /// Parameter values, as typed: name and text.
    pub params: Vec<(String, String)>,
    /// The step, if given.
    pub step: Option<u64>,
    /// The code as an edit of the variant's source, if it differs from it.
    pub code: Option<CodeEdit>,
}

/// Code as an edit of a base text: keep `prefix` bytes, put `middle`, keep `suffix` bytes.
/// `base` fingerprints the text it was made from, so that a link made for another version
/// of a scenario is refused instead of landing a few bytes off.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeEdit {
    /// The base text's fingerprint ([`fingerprint`]).
    pub base: u32,
    /// Bytes kept from the start of the base.
    pub prefix: usize,
    /// Bytes kept from the end of the base.
    pub suffix: usize,
    /// The text in between.
    pub middle: String,
}

impl CodeEdit {
    /// The smallest edit that turns `base` into `code`.
    pub fn between(base: &str, code: &str) -> CodeEdit {
        let mut prefix = base.bytes().zip(code.bytes()).take_while(|(a, b)| a == b).count();
        while !code.is_char_boundary(prefix) || !base.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = base.len().min(code.len()) - prefix;
        let mut suffix = base.bytes().rev().zip(code.bytes().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        while !code.is_char_boundary(code.len() - suffix) || !base.is_char_boundary(base.len() - suffix) {
            suffix -= 1;
        }
        CodeEdit { base: fingerprint(base), prefix, suffix, middle: code[prefix..code.len() - suffix].to_string() }
    }

    /// Applies the edit to `base`; an edit that does not fit it is an error.
    pub fn apply(&self, base: &str) -> Result<String, String> {
        let fits = self.prefix.checked_add(self.suffix).is_some_and(|n| n <= base.len())
            && base.is_char_boundary(self.prefix)
            && base.is_char_boundary(base.len() - self.suffix);
        if !fits || self.base != fingerprint(base) {
            return Err("the link's code was made for another version of this lesson's scenario".into());
        }
        Ok(format!("{}{}{}", &base[..self.prefix], self.middle, &base[base.len() - self.suffix..]))
    }
}

/// FNV-1a of a text: a fingerprint, not a security measure (a link can carry any code anyway).
pub fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Writes the hash (without `#`) for a link. The code is left out when it equals `base` or
/// when it would make the link too long; the second value says whether it was left out for
/// its length.
pub fn encode(link: &Link) -> (String, bool) {
    let mut out = format!("lesson={}", escape(&link.lesson));
    if let Some(v) = &link.variant {
        let _ = write!(out, "&variant={}", escape(v));
    }
    if !link.params.is_empty() {
        let joined: Vec<String> = link.params.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let _ = write!(out, "&params={}", escape(&joined.join(";")));
    }
    if let Some(s) = link.step {
        let _ = write!(out, "&step={s}");
    }
    let mut too_long = false;
    if let Some(edit) = &link.code {
        let code = format!("{:08x}.{}.{}.{}", edit.base, edit.prefix, edit.suffix, escape(&edit.middle));
        if code.len() <= MAX_CODE {
            let _ = write!(out, "&code={code}");
        } else {
            too_long = true;
        }
    }
    (out, too_long)
}

/// Reads a hash (with or without its `#`). An empty hash is `Ok(None)`.
pub fn decode(hash: &str) -> Result<Option<Link>, String> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() {
        return Ok(None);
    }
    if hash.len() > MAX_HASH {
        return Err(format!("the link is too long ({} KB; at most {} KB)", hash.len() / 1024, MAX_HASH / 1024));
    }
    let mut link = Link::default();
    let mut seen: Vec<&str> = Vec::new();
    for pair in hash.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        if seen.contains(&key) {
            return Err(format!("the link gives '{}' twice", shorten(key)));
        }
        seen.push(key);
        match key {
            "lesson" => link.lesson = unescape(raw)?,
            "variant" => link.variant = Some(unescape(raw)?),
            "params" => {
                for item in unescape(raw)?.split(';').filter(|s| !s.is_empty()) {
                    let (name, value) = item.split_once('=').ok_or_else(|| format!("the parameter '{}' has no value", shorten(item)))?;
                    link.params.push((name.to_string(), value.to_string()));
                }
            }
            "step" => link.step = Some(raw.parse().map_err(|_| format!("the step '{}' is not a number", shorten(raw)))?),
            "code" => {
                let mut parts = raw.splitn(4, '.');
                let damaged = || "the link's code is damaged".to_string();
                let base = parts.next().filter(|p| p.len() == 8).and_then(|p| u32::from_str_radix(p, 16).ok()).ok_or_else(damaged)?;
                let mut number = || -> Result<usize, String> { parts.next().and_then(|p| p.parse().ok()).ok_or_else(damaged) };
                let (prefix, suffix) = (number()?, number()?);
                let middle = unescape(parts.next().ok_or_else(damaged)?)?;
                link.code = Some(CodeEdit { base, prefix, suffix, middle });
            }
            other => return Err(format!("the link has an unknown part '{}'", shorten(other))),
        }
    }
    if link.lesson.is_empty() {
        return Err("the link names no lesson".into());
    }
    Ok(Some(link))
}

/// At most 40 characters of something read from a link, for a message.
pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Percent-encodes everything but unreserved characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decodes percent-encoding; the result must be UTF-8.
pub fn unescape(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
                out.push(hex.ok_or("the link has a broken %-escape")?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "the link is not valid UTF-8 text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Link {
        Link {
            lesson: "scopes".into(),
            variant: Some("supervisorScope".into()),
            params: vec![("aMs".into(), "300".into()), ("failing".into(), "\"A\"".into())],
            step: Some(42),
            code: Some(CodeEdit::between("val x = 1 // é\nfun main() {}\n", "val x = 2 // é\nfun main() { println(\"<b>&\") }\n")),
        }
    }

    #[test]
    fn round_trips() {
        let link = sample();
        let (hash, too_long) = encode(&link);
        assert!(!too_long);
        assert!(hash.chars().all(|c| c.is_ascii_graphic()), "{hash}");
        assert_eq!(decode(&format!("#{hash}")), Ok(Some(link)));
    }

    #[test]
    fn code_edits_apply_to_their_base() {
        let cases = [("", ""), ("abc", "abc"), ("abc", ""), ("", "xyz"), ("aéb", "aèb"), ("aaaa", "aa"), ("ab", "aXb"), ("€€", "€")];
        for (base, code) in cases {
            let edit = CodeEdit::between(base, code);
            assert_eq!(edit.apply(base).as_deref(), Ok(code), "{base:?} -> {code:?}");
        }
        let edit = CodeEdit::between("a long scenario text", "a long scenario test");
        assert_eq!(edit.middle, "s");
    }

    #[test]
    fn a_misfit_edit_is_an_error() {
        let base = fingerprint("short");
        assert!(CodeEdit { base, prefix: 10, suffix: 10, middle: String::new() }.apply("short").is_err());
        assert!(CodeEdit { base, prefix: usize::MAX, suffix: 2, middle: String::new() }.apply("short").is_err());
        assert!(CodeEdit { base: fingerprint("é"), prefix: 1, suffix: 0, middle: String::new() }.apply("é").is_err());
        // An edit made for another text is refused even where its offsets would fit.
        let edit = CodeEdit::between("val a = 1\n", "val a = 2\n");
        assert_eq!(edit.apply("val a = 1\n").as_deref(), Ok("val a = 2\n"));
        assert!(edit.apply("val b = 1\n").is_err());
    }

    #[test]
    fn hostile_links_are_errors() {
        let bad = [
            "#lesson=x&lesson=y",
            "#lesson=x&evil=1",
            "#lesson=x&step=-1",
            "#lesson=x&step=99999999999999999999999",
            "#lesson=%ZZ",
            "#lesson=%FF%FE",
            "#lesson=x&code=1.2",
            "#lesson=x&code=a.b.c",
            "#lesson=x&params=noValue",
            "#variant=v",
            "#lesson=x&code=1.2.%",
        ];
        for hash in bad {
            assert!(decode(hash).is_err(), "{hash} should be refused");
        }
        assert!(decode(&format!("#lesson={}", "a".repeat(MAX_HASH + 1))).is_err());
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#"), Ok(None));
    }

    #[test]
    fn long_code_is_left_out() {
        let mut link = sample();
        link.code = Some(CodeEdit { base: 0, prefix: 0, suffix: 0, middle: "x".repeat(MAX_CODE + 1) });
        let (hash, too_long) = encode(&link);
        assert!(too_long);
        assert!(!hash.contains("code="));
    }
}
