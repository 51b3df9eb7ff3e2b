fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).unwrap();
        let parsed = engine::lang::parse(&src);
        let idx = engine::lang::LineIndex::new(&src);
        for d in &parsed.diagnostics {
            print!("{}", d.render(&path, &idx));
        }
        if std::env::var("DUMP").is_ok() { println!("{:#?}", parsed.file); }
    }
}
