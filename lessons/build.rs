//! Embeds the course: every folder of `content/` is a lesson. Each `lesson.md` is read here
//! with the crate's own reader (`src/spec`), so a mistake in a lesson file stops the build
//! with its file and line, and what it says is written into the crate as static data
//! (`course::COURSE`): the front-matter reader and the check parser never run in the page.
//! The scenario files go in with `include_str!`.

#[path = "src/spec/mod.rs"]
#[allow(dead_code)]
mod spec;

#[path = "src/literal.rs"]
mod literal;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
    let mut out = String::from("/// Every lesson, in folder order.\npub static COURSE: &[LessonData] = &[\n");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
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
        writeln!(out, "    LessonData {{\n        folder: {folder:?},\n        id: {:?},\n        title: {:?},\n        cores: {cores},", lesson.id, lesson.title).unwrap();
        out.push_str("        variants: &[\n");
        for v in &lesson.variants {
            let file = dir.join(&v.file);
            if !file.is_file() {
                panic!("{}: variant '{}' names {}, which is not in {}", lesson_md.display(), v.id, v.file, dir.display());
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let (source, compiled) = precompile(&out_dir, &folder, &v.id, &text, &v.set);
            let set: Vec<String> = v.set.iter().map(|(n, value)| format!("({n:?}, {value:?})")).collect();
            writeln!(
                out,
                "            VariantData {{ id: {:?}, file: {:?}, source: include_str!({:?}), compiled: include_bytes!({:?}), label: {:?}, set: &[{}], notices: {} }},",
                v.id,
                v.file,
                source.display().to_string(),
                compiled.display().to_string(),
                v.label,
                set.join(", "),
                notices(&v.notices)
            )
            .unwrap();
        }
        out.push_str("        ],\n        questions: &[\n");
        for q in &lesson.questions {
            let variants: Vec<String> = q.variants.iter().map(|v| format!("{v:?}")).collect();
            writeln!(out, "            QuestionData {{ id: {:?}, text: {:?}, variants: &[{}], choices: &[", q.id, q.text, variants.join(", ")).unwrap();
            for c in &q.choices {
                let checks: Vec<String> = c.checks.iter().map(|(text, k)| format!("({text:?}, {})", check(k))).collect();
                writeln!(out, "                ChoiceData {{ id: {:?}, text: {:?}, checks: &[{}] }},", c.id, c.text, checks.join(", ")).unwrap();
            }
            out.push_str("            ] },\n");
        }
        writeln!(out, "        ],\n        notices: {},\n        body: {:?},\n    }},", notices(&lesson.notices), lesson.body).unwrap();
    }
    out.push_str("];\n");
    let dest = out_dir.join("course.rs");
    std::fs::write(&dest, out).expect("writing course.rs");
}

/// Writes a variant's scenario, with the values it pins in place, and its program compiled
/// ahead of time (`engine::precompiled`), so that the page runs the course without compiling.
/// Returns the two files. A scenario that cannot be precompiled gets an empty program file
/// and a warning: the page compiles it instead, and the crate's tests say why.
fn precompile(out_dir: &Path, folder: &str, variant: &str, text: &str, set: &[(String, String)]) -> (PathBuf, PathBuf) {
    let (declared, _) = engine::lang::params::params(text);
    let pinned: Vec<(&str, ParamValue)> = set
        .iter()
        .filter(|(name, _)| name != "cores")
        .filter_map(|(name, lit)| Some((name.as_str(), literal::literal(lit, &declared.iter().find(|p| p.name == *name)?.default)?)))
        .collect();
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
    let source_file = out_dir.join(format!("{folder}-{variant}.kt"));
    let compiled_file = out_dir.join(format!("{folder}-{variant}.bin"));
    write_if_changed(&source_file, source.as_bytes());
    write_if_changed(&compiled_file, &compiled);
    (source_file, compiled_file)
}

fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

fn notices(list: &[NoticeSpec]) -> String {
    let items: Vec<String> = list.iter().map(|n| format!("Notice {{ targets: &[{}], text: {:?} }}", n.targets.iter().map(target).collect::<Vec<_>>().join(", "), n.text)).collect();
    format!("&[{}]", items.join(", "))
}

fn target(t: &Target) -> String {
    match t {
        Target::Coroutine(p) => format!("Target::Coroutine({:?})", p.source),
        Target::Thread(p) => format!("Target::Thread({:?})", p.source),
        Target::Line(s) => format!("Target::Line({s:?})"),
        Target::StepWhen(p, ev) => format!("Target::StepWhen({:?}, JobEvent::{ev:?})", p.source),
        Target::StepPrinting(p) => format!("Target::StepPrinting({:?})", p.source),
    }
}

fn check(k: &Check) -> String {
    match k {
        Check::Not(inner) => format!("Check::Not(&{})", check(inner)),
        Check::Contains { stream, pattern, negate } => format!("Check::Contains {{ stream: Stream::{stream:?}, pattern: {}, negate: {negate} }}", source(pattern)),
        Check::JobIs { name, state, some } => format!("Check::JobIs {{ name: {}, state: StateWord::{state:?}, some: {some} }}", source(name)),
        Check::Compare(a, op, b) => format!("Check::Compare({}, Cmp::{op:?}, {})", value(a), value(b)),
    }
}

fn value(v: &Value) -> String {
    match v {
        Value::Number(n) => {
            assert!(n.is_finite(), "a check compares with {n}");
            format!("Value::Number({n:?})")
        }
        Value::Param(name) => format!("Value::Param({name:?})"),
        Value::Lines(agg, p) => format!("Value::Lines(Agg::{agg:?}, {})", source(p)),
        Value::LiveCoroutines => "Value::LiveCoroutines".into(),
        Value::PeakLiveCoroutines => "Value::PeakLiveCoroutines".into(),
        Value::Jobs(p, state) => format!("Value::Jobs({}, {})", source(p), state.map(|s| format!("Some(StateWord::{s:?})")).unwrap_or_else(|| "None".into())),
        Value::Threads(p) => format!("Value::Threads({})", source(p)),
        Value::ElapsedMs => "Value::ElapsedMs".into(),
        Value::ExitCode => "Value::ExitCode".into(),
    }
}

fn source(p: &Pattern) -> String {
    format!("{:?}", p.source)
}
