//! Builds the course: every folder of `content/` is a lesson. Each `lesson.md` is read here
//! with the crate's own reader (`src/spec`), so a mistake in a lesson file stops the build
//! with its file and line; the front-matter reader and the check parser never run in the page.
//! What a lesson says, its scenarios (with their pinned values written in and their programs
//! precompiled) and its checks go into one binary *content* file per lesson, which
//! `src/content.rs` reads; `course::COURSE` indexes them. Native builds embed the content
//! files; the page fetches each when it opens the lesson.

#[path = "src/spec/mod.rs"]
#[allow(dead_code)]
mod spec;

#[path = "src/literal.rs"]
mod literal;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use engine::codec::Writer;
use engine::lang::params::ParamValue;
use engine::precompiled::Precompiled;

use spec::check::{Check, Value};
use spec::pattern::Pattern;
use spec::{NoticeSpec, Target};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    // The page fetches each lesson's content when it opens the lesson (see `content.rs`); only
    // native builds embed it.
    let embed = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    let mut out = String::from("/// Every lesson, in folder order.\npub static COURSE: &[LessonData] = &[\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut ids: Vec<String> = Vec::new();
    for dir in dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let folder = dir.file_name().expect("a folder name").to_string_lossy().to_string();
        let lesson_md = dir.join("lesson.md");
        println!("cargo:rerun-if-changed={}", lesson_md.display());
        let text = std::fs::read_to_string(&lesson_md).unwrap_or_else(|e| panic!("{}: {e}", lesson_md.display()));
        let lesson = spec::parse_lesson(&text).unwrap_or_else(|e| panic!("{}:{}: {}", lesson_md.display(), e.line, e.message));
        if ids.contains(&lesson.id) {
            panic!("{}: the id '{}' is used by another lesson", lesson_md.display(), lesson.id);
        }
        ids.push(lesson.id.clone());
        let cores = match &lesson.cores {
            Some((min, max, default, label)) => format!("Some(({min}, {max}, {default}, {label:?}))"),
            None => "None".into(),
        };
        let mut w = Writer::new();
        w.str(&lesson.body);
        notices(&mut w, &lesson.notices);
        w.u32(lesson.variants.len() as u32);
        for v in &lesson.variants {
            let file = dir.join(&v.file);
            if !file.is_file() {
                panic!("{}: variant '{}' names {}, which is not in {}", lesson_md.display(), v.id, v.file, dir.display());
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let (source, compiled) = precompile(&folder, &v.id, &text, &v.set);
            for s in [&v.id, &v.file, &v.label, &source] {
                w.str(s);
            }
            w.bytes(&compiled);
            w.u32(v.set.len() as u32);
            for (name, value) in &v.set {
                w.str(name);
                w.str(value);
            }
            notices(&mut w, &v.notices);
        }
        w.u32(lesson.questions.len() as u32);
        for q in &lesson.questions {
            w.str(&q.id);
            w.str(&q.text);
            strs(&mut w, &q.variants);
            w.u32(q.choices.len() as u32);
            for c in &q.choices {
                w.str(&c.id);
                w.str(&c.text);
                w.u32(c.checks.len() as u32);
                for (text, k) in &c.checks {
                    w.str(text);
                    check(&mut w, k);
                }
            }
        }
        let content_file = out_dir.join(format!("{folder}.lesson"));
        write_if_changed(&content_file, &w.bytes);
        let variant_ids: Vec<String> = lesson.variants.iter().map(|v| format!("{:?}", v.id)).collect();
        let content = if embed { format!("include_bytes!({:?})", content_file.display().to_string()) } else { "&[]".to_string() };
        writeln!(
            out,
            "    LessonData {{ folder: {folder:?}, id: {:?}, title: {:?}, cores: {cores}, variants: &[{}], content: {content}, fingerprint: {} }},",
            lesson.id,
            lesson.title,
            variant_ids.join(", "),
            // The page checks a fetched content file against this.
            engine::fnv::fnv1a(engine::fnv::START, &w.bytes)
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = out_dir.join("course.rs");
    std::fs::write(&dest, out).expect("writing course.rs");
}

/// A variant's scenario with the values it pins in place, and its program compiled ahead of
/// time (`engine::precompiled`), so that the page runs the course without compiling. A scenario
/// that cannot be precompiled gets an empty program and a warning: the page compiles it
/// instead, and the crate's tests say why.
fn precompile(folder: &str, variant: &str, text: &str, set: &[(String, String)]) -> (String, Vec<u8>) {
    let (declared, _) = engine::lang::params::params(text);
    let values = literal::pinned(set.iter().map(|(n, v)| (n.as_str(), v.as_str())), &declared);
    let pinned: Vec<(&str, ParamValue)> = values.iter().filter(|(name, _)| name != "cores").map(|(n, v)| (n.as_str(), v.clone())).collect();
    // The variant's code shows the values it pins, so that what the learner reads is what
    // runs: the shared-pool variant says `bulkhead = false` even when the file, shared by
    // both variants, says `true`.
    let source = engine::lang::params::substitute(text, &pinned).unwrap_or_else(|_| text.to_string());
    let compiled = match Precompiled::compile(&source, "Main.kt").and_then(|p| p.encode()) {
        Ok(bytes) => bytes,
        Err(e) => {
            println!("cargo:warning={folder}/{variant}: not precompiled: {e}");
            Vec::new()
        }
    };
    (source, compiled)
}

fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

// The encoders below write what `src/content.rs` reads, in the same order.

fn strs(w: &mut Writer, list: &[String]) {
    w.u32(list.len() as u32);
    for s in list {
        w.str(s);
    }
}

fn notices(w: &mut Writer, list: &[NoticeSpec]) {
    w.u32(list.len() as u32);
    for n in list {
        w.u32(n.targets.len() as u32);
        for t in &n.targets {
            match t {
                Target::Coroutine(p) => pattern(w, 0, p),
                Target::Thread(p) => pattern(w, 1, p),
                Target::Line(s) => {
                    w.u32(2);
                    w.str(s);
                }
                Target::StepWhen(p, ev) => {
                    pattern(w, 3, p);
                    w.u32(*ev as u32);
                }
                Target::StepPrinting(p) => pattern(w, 4, p),
            }
        }
        w.str(&n.text);
    }
}

fn pattern(w: &mut Writer, tag: u32, p: &Pattern) {
    w.u32(tag);
    w.str(&p.source);
}

fn check(w: &mut Writer, k: &Check) {
    match k {
        Check::Not(inner) => {
            w.u32(0);
            check(w, inner);
        }
        Check::Contains { stream, pattern, negate } => {
            w.u32(1);
            w.u32(*stream as u32);
            w.str(&pattern.source);
            w.bool(*negate);
        }
        Check::JobIs { name, state, some } => {
            w.u32(2);
            w.str(&name.source);
            w.u32(*state as u32);
            w.bool(*some);
        }
        Check::Compare(a, op, b) => {
            w.u32(3);
            value(w, a);
            w.u32(*op as u32);
            value(w, b);
        }
    }
}

fn value(w: &mut Writer, v: &Value) {
    match v {
        Value::Number(n) => {
            assert!(n.is_finite(), "a check compares with {n}");
            w.u32(0);
            w.f64(*n);
        }
        Value::Param(name) => {
            w.u32(1);
            w.str(name);
        }
        Value::Lines(agg, p) => {
            w.u32(2);
            w.u32(*agg as u32);
            w.str(&p.source);
        }
        Value::LiveCoroutines => w.u32(3),
        Value::PeakLiveCoroutines => w.u32(4),
        Value::Jobs(p, state) => {
            w.u32(5);
            w.str(&p.source);
            w.u32(state.map_or(0, |s| s as u32 + 1));
        }
        Value::Threads(p) => {
            w.u32(6);
            w.str(&p.source);
        }
        Value::ElapsedMs => w.u32(7),
        Value::ExitCode => w.u32(8),
    }
}
