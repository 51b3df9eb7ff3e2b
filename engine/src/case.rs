//! Unicode case mapping for Kotlin's `uppercase()`, `lowercase()`, `uppercaseChar()` and
//! `lowercaseChar()`, from compact tables.
//!
//! The tables are written at build time from the standard library's own mapping (see
//! `build.rs`), so the results are the standard library's, character for character; they
//! are kept as runs of a constant offset because the standard library's tables, one entry
//! per character, would be most of the weight of this module in the page.
//!
//! Kotlin on the JVM maps case with the JVM's Unicode version, and the standard library with
//! its own; for characters added to Unicode in between, the two can differ.

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// `String.uppercase()`: every character's full uppercase mapping ("ß" → "SS").
pub fn uppercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_mapped(&mut out, c, UPPER_RUNS, UPPER_MULTI);
    }
    out
}

/// `String.lowercase()`: every character's full lowercase mapping, with a capital sigma
/// becoming final sigma (ς) at the end of a word, as Unicode's Final_Sigma rule says.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == 'Σ' {
            let final_sigma = cased_behind(&text[..i]) && !cased_ahead(&text[i + c.len_utf8()..]);
            out.push(if final_sigma { 'ς' } else { 'σ' });
        } else {
            push_mapped(&mut out, c, LOWER_RUNS, LOWER_MULTI);
        }
    }
    out
}

/// `Char.uppercaseChar()`: the one-character (simple) uppercase mapping. A character whose
/// uppercase is several characters has none and stays as it is, except Greek letters with
/// ypogegrammeni, which map to their titlecase form as the JVM's `Character.toUpperCase`
/// does.
pub fn uppercase_char(c: char) -> char {
    if let Some(mapped) = run_lookup(c, UPPER_RUNS) {
        return mapped;
    }
    let code = c as u32;
    let titlecase = match code {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => code + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => code + 9,
        _ => code,
    };
    char::from_u32(titlecase).unwrap_or(c)
}

/// `Char.lowercaseChar()`: the one-character (simple) lowercase mapping. The only character
/// whose lowercase is several characters, `İ`, maps to `i` alone.
pub fn lowercase_char(c: char) -> char {
    match run_lookup(c, LOWER_RUNS) {
        Some(mapped) => mapped,
        None if c == 'İ' => 'i',
        None => c,
    }
}

/// A run of characters mapped by one offset: `count` characters from `first`, `stride` (1
/// or 2) apart, packed in a word (first in the low 21 bits, count less one in the next 10,
/// stride less one in the top bit) beside the offset.
#[derive(Clone, Copy)]
pub(crate) struct CaseRun {
    packed: u32,
    delta: i32,
}

impl CaseRun {
    const fn new(first: u32, count: u32, stride: u32, delta: i32) -> CaseRun {
        CaseRun { packed: first | (count - 1) << 21 | (stride - 1) << 31, delta }
    }

    fn first(self) -> u32 {
        self.packed & 0x1F_FFFF
    }

    fn count(self) -> u32 {
        (self.packed >> 21 & 0x3FF) + 1
    }

    fn stride(self) -> u32 {
        (self.packed >> 31) + 1
    }
}

fn push_mapped(out: &mut String, c: char, runs: &[CaseRun], multi: &[(char, &str)]) {
    if let Some(mapped) = run_lookup(c, runs) {
        out.push(mapped);
    } else if let Ok(i) = multi.binary_search_by_key(&c, |(from, _)| *from) {
        out.push_str(multi[i].1);
    } else {
        out.push(c);
    }
}

/// The character `c` maps to through its run, if one covers it.
fn run_lookup(c: char, runs: &[CaseRun]) -> Option<char> {
    let code = c as u32;
    // The run starting last at or before `c`: runs never overlap, so no other can hold it.
    let i = runs.partition_point(|run| run.first() <= code).checked_sub(1)?;
    let run = runs[i];
    let offset = code - run.first();
    if !offset.is_multiple_of(run.stride()) || offset / run.stride() >= run.count() {
        return None;
    }
    char::from_u32(code.wrapping_add_signed(run.delta))
}

/// Whether, walking back from the end of `text` past case-ignorable characters, the first
/// other character is cased.
fn cased_behind(text: &str) -> bool {
    first_cased(text.chars().rev())
}

/// The same, walking forward from the start of `text`.
fn cased_ahead(text: &str) -> bool {
    first_cased(text.chars())
}

fn first_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !in_set(c, CASE_IGNORABLE)).is_some_and(|c| in_set(c, CASED))
}

/// Whether `c` is in a set written by `build.rs` as packed ranges.
fn in_set(c: char, ranges: &[u32]) -> bool {
    let code = c as u32;
    let i = match ranges.partition_point(|&range| range & 0x1F_FFFF <= code).checked_sub(1) {
        Some(i) => i,
        None => return false,
    };
    let range = ranges[i];
    code - (range & 0x1F_FFFF) <= range >> 21
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_maps_as_the_standard_library_maps_it() {
        let mut buf = [0u8; 4];
        for c in all_chars() {
            let one = c.encode_utf8(&mut buf);
            assert_eq!(uppercase(one), one.to_uppercase(), "uppercase of {c:?} (U+{:04X})", c as u32);
            // A lone capital sigma has nothing cased before it, so it is not final.
            assert_eq!(lowercase(one), one.to_lowercase(), "lowercase of {c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn one_character_mappings_follow_the_full_ones_where_they_are_one_character() {
        for c in all_chars() {
            let mut upper = c.to_uppercase();
            if let (Some(u), None) = (upper.next(), upper.next()) {
                assert_eq!(uppercase_char(c), u, "U+{:04X}", c as u32);
            }
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                assert_eq!(lowercase_char(c), l, "U+{:04X}", c as u32);
            }
        }
        assert_eq!(uppercase_char('ß'), 'ß');
        assert_eq!(uppercase_char('\u{1F80}'), '\u{1F88}');
        assert_eq!(uppercase_char('\u{1FF3}'), '\u{1FFC}');
        assert_eq!(lowercase_char('İ'), 'i');
        assert_eq!(uppercase_char('é'), 'É');
    }

    #[test]
    fn strings_map_as_the_standard_library_maps_them() {
        // Sigma beside letters, marks, apostrophes, digits and spaces, where the final-sigma
        // rule decides; and characters with several-character mappings.
        let pieces = ["Σ", "ΟΔΟΣ", "a", "Z", " ", "'", "\u{301}", "\u{2019}", ".", "1", "ß", "İ", "ǅ", "\u{1F80}", "ʰ", "ﬀ", "Ж", "\u{10400}", "-", "Σ\u{301}"];
        // Every sequence of up to four pieces, in a fixed order.
        let mut texts = Vec::new();
        let mut level = vec![String::new()];
        for _ in 0..4 {
            level = level.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(level.iter().cloned());
        }
        assert_eq!(texts.len(), 20 + 400 + 8_000 + 160_000);
        for text in &texts {
            assert_eq!(uppercase(text), text.to_uppercase(), "uppercase of {text:?}");
            assert_eq!(lowercase(text), text.to_lowercase(), "lowercase of {text:?}");
        }
    }
}
