fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&path).unwrap();
    let (p, d) = engine::compile_source(&src, "Main.kt");
    let p = p.unwrap_or_else(|| panic!("{d:?}"));
    for (i, f) in p.functions.iter().enumerate() {
        println!("fn {i} {} params={} locals={} recv={} caps={} names={:?}", f.name, f.n_params, f.n_locals, f.has_receiver, f.n_captures, f.local_names);
        for (j, op) in f.code.iter().enumerate() { println!("  {j:3} {op:?}"); }
    }
}
