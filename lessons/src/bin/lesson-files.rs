//! `lesson-files DIR`: writes each lesson's content file into DIR as `FOLDER.lesson`, the
//! files the page fetches when it opens a lesson (`lessons::content`). Trunk's post-build hook
//! (`scripts/split-page.sh`) runs it into the page's `lessons/` folder.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: lesson-files DIR");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("lesson-files: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for (folder, bytes) in lessons::content::files() {
        let path = dir.join(format!("{folder}.lesson"));
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("lesson-files: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
