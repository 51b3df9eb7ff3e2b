//! Reading a lesson's content file: its text, pointers, variants (scenario and precompiled
//! program) and questions with their checks, as the build script wrote them with
//! `engine::codec`'s varints and strings.
//!
//! The page downloads a lesson's content only when it opens the lesson, so that opening the
//! page costs one lesson, not nine. It reads the bytes with [`fetch_with`]'s function, which
//! the page sets; native builds embed every content file. A lesson stays loaded for the rest of
//! the process, so what is read is leaked into `'static` data, the shape the build once wrote
//! as Rust statics.

use std::sync::OnceLock;

use engine::codec::Reader;
use engine::fnv::{fnv1a, START};

use crate::course::{Check, ChoiceData, Content, LessonData, Notice, QuestionData, Target, Value, VariantData};
use crate::spec::check::{Agg, Cmp, StateWord, Stream};
use crate::spec::JobEvent;

/// Where the page gets a content file it does not embed: a function from the lesson's folder
/// to the file's bytes, `None` when it cannot. The first call wins.
pub fn fetch_with(fetch: Fetch) {
    let _ = FETCH.set(fetch);
}

/// A function from a lesson's folder to its content file's bytes.
pub type Fetch = fn(&str) -> Option<Vec<u8>>;

static FETCH: OnceLock<Fetch> = OnceLock::new();

/// Every lesson's folder and content file, as this build embeds them: what the page fetches.
/// Empty in the page's own build, which embeds none.
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    crate::course::COURSE.iter().filter(|l| !l.content.is_empty()).map(|l| (l.folder, l.content)).collect()
}

/// The content of a lesson: embedded, or fetched and checked against its fingerprint.
pub(crate) fn load(data: &LessonData) -> Option<Content> {
    let bytes: &'static [u8] = if data.content.is_empty() {
        let fetched = FETCH.get()?(data.folder)?;
        if fnv1a(START, &fetched) != data.fingerprint {
            return None;
        }
        Box::leak(fetched.into_boxed_slice())
    } else {
        data.content
    };
    read(bytes)
}

/// Reads a content file; `None` for anything the build script did not write.
fn read(bytes: &'static [u8]) -> Option<Content> {
    let mut r = Reader::new(bytes);
    let body = text(&mut r)?;
    let shared = notices(&mut r)?;
    let variants = list(&mut r, |r| {
        Some(VariantData {
            id: text(r)?,
            file: text(r)?,
            label: text(r)?,
            source: text(r)?,
            compiled: r.bytes()?,
            set: list(r, |r| Some((text(r)?, text(r)?)))?,
            notices: notices(r)?,
        })
    })?;
    let questions = list(&mut r, |r| {
        Some(QuestionData {
            id: text(r)?,
            text: text(r)?,
            variants: list(r, text)?,
            choices: list(r, |r| Some(ChoiceData { id: text(r)?, text: text(r)?, checks: list(r, |r| Some((text(r)?, check(r)?)))? }))?,
        })
    })?;
    r.at_end().then_some(Content { body, notices: shared, variants, questions })
}

fn text(r: &mut Reader<'static>) -> Option<&'static str> {
    Some(Box::leak(r.str()?.into_boxed_str()))
}

/// A list: its length, then its elements.
fn list<T>(r: &mut Reader<'static>, mut item: impl FnMut(&mut Reader<'static>) -> Option<T>) -> Option<&'static [T]> {
    let n = r.u32()?;
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(item(r)?);
    }
    Some(Box::leak(out.into_boxed_slice()))
}

fn notices(r: &mut Reader<'static>) -> Option<&'static [Notice]> {
    list(r, |r| Some(Notice { targets: list(r, target)?, text: text(r)? }))
}

fn target(r: &mut Reader<'static>) -> Option<Target> {
    Some(match r.u32()? {
        0 => Target::Coroutine(text(r)?),
        1 => Target::Thread(text(r)?),
        2 => Target::Line(text(r)?),
        3 => Target::StepWhen(text(r)?, *[JobEvent::Starts, JobEvent::Fails, JobEvent::IsCancelled, JobEvent::Completes, JobEvent::Finishes].get(r.u32()? as usize)?),
        4 => Target::StepPrinting(text(r)?),
        _ => return None,
    })
}

fn state(r: &mut Reader<'static>) -> Option<StateWord> {
    word(r.u32()?)
}

fn word(i: u32) -> Option<StateWord> {
    use StateWord::*;
    [New, Active, Completing, Cancelling, Cancelled, Completed, Failed, Alive, Finished].get(i as usize).copied()
}

fn check(r: &mut Reader<'static>) -> Option<Check> {
    Some(match r.u32()? {
        0 => Check::Not(Box::leak(Box::new(check(r)?))),
        1 => Check::Contains { stream: *[Stream::Stdout, Stream::Stderr].get(r.u32()? as usize)?, pattern: text(r)?, negate: r.bool()? },
        2 => Check::JobIs { name: text(r)?, state: state(r)?, some: r.bool()? },
        3 => {
            let a = value(r)?;
            let op = *[Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne].get(r.u32()? as usize)?;
            Check::Compare(a, op, value(r)?)
        }
        _ => return None,
    })
}

fn value(r: &mut Reader<'static>) -> Option<Value> {
    Some(match r.u32()? {
        0 => Value::Number(r.f64()?),
        1 => Value::Param(text(r)?),
        2 => Value::Lines(*[Agg::First, Agg::Last, Agg::Max, Agg::Min, Agg::Sum, Agg::Count].get(r.u32()? as usize)?, text(r)?),
        3 => Value::LiveCoroutines,
        4 => Value::PeakLiveCoroutines,
        5 => Value::Jobs(
            text(r)?,
            match r.u32()? {
                0 => None,
                i => Some(word(i - 1)?),
            },
        ),
        6 => Value::Threads(text(r)?),
        7 => Value::ElapsedMs,
        8 => Value::ExitCode,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_has_a_content_file_that_reads_and_matches_its_fingerprint() {
        let files = files();
        assert_eq!(files.len(), crate::course::COURSE.len());
        for (data, (folder, bytes)) in crate::course::COURSE.iter().zip(files) {
            assert_eq!(data.folder, folder);
            assert_eq!(fnv1a(START, bytes), data.fingerprint, "{folder}");
            let content = read(bytes).unwrap_or_else(|| panic!("{folder}: the content does not read"));
            let ids: Vec<&str> = content.variants.iter().map(|v| v.id).collect();
            assert_eq!(ids, data.variants, "{folder}: the index names the variants the content holds");
            assert!(!content.body.is_empty() && !content.questions.is_empty(), "{folder}");
        }
    }

    #[test]
    fn a_damaged_content_file_does_not_read() {
        let (_, bytes) = files()[0];
        // Every prefix falls short of the end; a changed byte may still read, but never panics.
        for n in 0..bytes.len() {
            let cut: &'static [u8] = Box::leak(bytes[..n].to_vec().into_boxed_slice());
            assert!(read(cut).is_none(), "a prefix of {n} bytes read");
        }
        let mut seed = 7u64;
        for _ in 0..2_000 {
            let mut copy = bytes.to_vec();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let at = (seed >> 33) as usize % copy.len();
            copy[at] ^= (seed >> 13) as u8 | 1;
            let _ = read(Box::leak(copy.into_boxed_slice()));
        }
    }
}
