fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&path).unwrap();
    let name = std::path::Path::new(&path).file_name().unwrap().to_string_lossy().to_string();
    let r = engine::run_source(&src, &engine::RunOptions { file_name: name, ..Default::default() });
    for d in &r.diagnostics { eprint!("{}", d.render(&path, &engine::lang::LineIndex::new(&src))); }
    print!("{}", r.stdout());
    if let Some(w) = &r.world { eprint!("{}", w.stderr()); if let Some(engine::Outcome::Stopped(d)) = &w.outcome { eprint!("{}", d.render(&path, &engine::lang::LineIndex::new(&src))); } }
    std::process::exit(r.exit_code());
}
