//! The command line of `page-split`; see the library's documentation.

use std::process::ExitCode;

use page_split::{instrument, names, shorten_imports, split, write_profile};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["names", input] => names(input),
        ["instrument", input, output, names] => instrument(input, output, names),
        ["profile", names, hits, except, profile] => write_profile(names, hits, except, profile),
        ["split", input, profile, primary, cold] => split(input, profile, primary, cold),
        ["shorten-imports", wasm, js] => shorten_imports(wasm, js),
        _ => Err("usage: page-split names IN | instrument IN OUT NAMES | profile NAMES HITS EXCEPT PROFILE | split IN PROFILE PRIMARY COLD | shorten-imports WASM JS".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("page-split: {message}");
            ExitCode::FAILURE
        }
    }
}

