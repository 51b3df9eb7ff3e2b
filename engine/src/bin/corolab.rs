//! `corolab`, Coroutine Lab's command line.
//!
//! ```text
//! corolab check FILE.kt...   print the program's mistakes; exit 1 if there is an error
//! corolab help               print the usage
//! ```
//!
//! Arguments are read by hand: the commands are few and the engine keeps its dependencies
//! minimal. Exit codes: 0 when every file is free of errors (warnings allowed), 1 when some
//! file has an error, 2 for a wrong command line or an unreadable file.

use engine::lang::{params, Diagnostic, LineIndex};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: corolab <command> [arguments]

Commands:
  check FILE.kt...   print the mistakes in each program (`-` reads standard input);
                     exit 1 if there is an error, 0 if there is none
  help               print this message";

/// The command names, for suggestions.
const COMMANDS: &[&str] = &["check", "help"];

/// A parsed command line. A new subcommand is a variant here, a line in `USAGE`, an arm in
/// `Command::parse` and one in `Command::run`.
#[derive(Debug, PartialEq)]
enum Command {
    /// `check FILE…`
    Check { files: Vec<String> },
    /// `help`, `--help`, `-h`
    Help,
}

impl Command {
    /// Reads the arguments after the program name; the error says what is wrong with them.
    fn parse(args: &[String]) -> Result<Command, String> {
        let Some((name, rest)) = args.split_first() else { return Err("no command given".into()) };
        match name.as_str() {
            "check" => {
                if rest.is_empty() {
                    return Err("`check` needs at least one file".into());
                }
                if let Some(flag) = rest.iter().find(|a| a.starts_with('-') && a.as_str() != "-") {
                    return Err(format!("`check` takes no option '{flag}'"));
                }
                Ok(Command::Check { files: rest.to_vec() })
            }
            "help" | "--help" | "-h" => Ok(Command::Help),
            other => Err(match engine::lang::suggest::did_you_mean(other, COMMANDS.iter().copied()) {
                Some(close) => format!("unknown command '{other}'; did you mean '{close}'?"),
                None => format!("unknown command '{other}'"),
            }),
        }
    }

    fn run(self) -> ExitCode {
        match self {
            Command::Check { files } => check(&files),
            Command::Help => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match Command::parse(&args) {
        Ok(command) => command.run(),
        Err(problem) => {
            eprintln!("corolab: {problem}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Prints the diagnostics of each file in turn.
fn check(files: &[String]) -> ExitCode {
    let mut any_error = false;
    for path in files {
        let source = match read_source(path) {
            Ok(source) => source,
            Err(problem) => {
                eprintln!("corolab: cannot read {path}: {problem}");
                return ExitCode::from(2);
            }
        };
        let index = LineIndex::new(&source);
        let name = if path == "-" { "<stdin>" } else { path.as_str() };
        for diagnostic in all_diagnostics(&source) {
            any_error |= diagnostic.is_error();
            print!("{}", diagnostic.render(name, &index));
        }
    }
    if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_source(path: &str) -> std::io::Result<String> {
    if path == "-" {
        let mut source = String::new();
        std::io::stdin().read_to_string(&mut source)?;
        Ok(source)
    } else {
        std::fs::read_to_string(path)
    }
}

/// The engine's diagnostics and those of the `@param` comments, in source order, each once
/// (the engine may come to report the parameter mistakes itself).
fn all_diagnostics(source: &str) -> Vec<Diagnostic> {
    let mut all = engine::diagnostics(source);
    for d in params::params(source).1 {
        if !all.contains(&d) {
            all.push(d);
        }
    }
    engine::lang::diagnostic::sort(&mut all);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        Command::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn command_lines() {
        assert_eq!(parse(&["check", "a.kt", "b.kt"]), Ok(Command::Check { files: vec!["a.kt".into(), "b.kt".into()] }));
        assert_eq!(parse(&["check", "-"]), Ok(Command::Check { files: vec!["-".into()] }));
        assert_eq!(parse(&["--help"]), Ok(Command::Help));
        assert_eq!(parse(&[]), Err("no command given".into()));
        assert_eq!(parse(&["check"]), Err("`check` needs at least one file".into()));
        assert_eq!(parse(&["check", "--json", "a.kt"]), Err("`check` takes no option '--json'".into()));
        assert_eq!(parse(&["compile", "a.kt"]), Err("unknown command 'compile'".into()));
        assert_eq!(parse(&["chekc", "a.kt"]), Err("unknown command 'chekc'; did you mean 'check'?".into()));
    }
}
