//! Embeds the course: every folder of `content/` is a lesson, every file in it goes into the
//! crate with `include_str!`, in name order. Each `lesson.md` is read here with the crate's own
//! reader (`src/spec`), so a mistake in a lesson file stops the build with its file and line.

#[path = "src/spec/mod.rs"]
#[allow(dead_code)]
mod spec;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = String::from("/// Every lesson folder: its name and its files (name, text), in name order.\npub static CONTENT: &[(&str, &[(&str, &str)])] = &[\n");
    let mut ids: Vec<String> = Vec::new();
    for dir in dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let name = dir.file_name().expect("a folder name").to_string_lossy().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir).expect("a lesson folder").map(|e| e.expect("an entry").path()).filter(|p| p.is_file()).collect();
        files.sort();
        let lesson_md = dir.join("lesson.md");
        let text = std::fs::read_to_string(&lesson_md).unwrap_or_else(|e| panic!("{}: {e}", lesson_md.display()));
        let lesson = spec::parse_lesson(&text).unwrap_or_else(|e| panic!("{}:{}: {}", lesson_md.display(), e.line, e.message));
        if ids.contains(&lesson.id) {
            panic!("{}: the id '{}' is used by another lesson", lesson_md.display(), lesson.id);
        }
        ids.push(lesson.id.clone());
        for v in &lesson.variants {
            if !dir.join(&v.file).is_file() {
                panic!("{}: variant '{}' names {}, which is not in {}", lesson_md.display(), v.id, v.file, dir.display());
            }
        }
        writeln!(out, "    ({name:?}, &[").unwrap();
        for f in files {
            let file = f.file_name().expect("a file name").to_string_lossy().to_string();
            writeln!(out, "        ({file:?}, include_str!({:?})),", f.display().to_string()).unwrap();
        }
        writeln!(out, "    ]),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("content.rs");
    std::fs::write(&dest, out).expect("writing content.rs");
}
