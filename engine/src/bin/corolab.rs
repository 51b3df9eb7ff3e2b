//! `corolab`, Coroutine Lab's command line.
//!
//! ```text
//! corolab check FILE.kt...   print the program's mistakes; exit 1 if there is an error
//! corolab run FILE.kt [--param NAME=VALUE]... [--seed N] [--cores N] [--trace PATH]
//!                            print exactly what the program prints
//! corolab lessons            list the course's lessons
//! corolab lesson ID [...]    run a lesson's scenario and check its outcome
//! corolab help               print the usage
//! ```
//!
//! Arguments are read by hand: the commands are few and the engine keeps its dependencies
//! minimal. `check` exits 0 when every file is free of errors (warnings allowed), 1 when some
//! file has an error, 2 for a wrong command line or an unreadable file. `run` exits 0 when the
//! program ends normally, 1 when an exception escapes `main`, 2 with a diagnostic for bad
//! source or a limit hit. `lessons` and `lesson` are served by the `corolab-lessons` program
//! of the lessons crate, found next to this one (the engine does not depend on the course).

use engine::lang::{params, Diagnostic, LineIndex};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: corolab <command> [arguments]

Commands:
  check FILE.kt...   print the mistakes in each program (`-` reads standard input);
                     exit 1 if there is an error, 0 if there is none
  run FILE.kt [options]
                     run the program in virtual time and print what it prints;
                     exit 0, 1 when an exception escapes main, 2 for errors and limits
      --param NAME=VALUE   set an `@param` value (repeatable)
      --seed N             seed of the interleaving choices (default 1)
      --cores N            simulated CPU cores: Dispatchers.Default's threads (default 4)
      --max-steps N        stop after N steps (default 10000000)
      --trace PATH         write the event trace as JSON lines
  lessons            list the lessons: ID, title, variants
  lesson ID [--variant V] [--param NAME=VALUE]... [--seed N]
                     run a lesson's scenario and print its output and checked outcome
  help               print this message";

/// The command names, for suggestions.
const COMMANDS: &[&str] = &["check", "run", "lessons", "lesson", "help"];

/// A parsed command line. A new subcommand is a variant here, a line in `USAGE`, an arm in
/// `Command::parse` and one in `Command::run`.
#[derive(Debug, PartialEq)]
enum Command {
    /// `check FILE…`
    Check { files: Vec<String> },
    /// `run FILE [options]`
    Run(RunArgs),
    /// `lessons` and `lesson …`, served by `corolab-lessons`.
    Lessons { args: Vec<String> },
    /// `help`, `--help`, `-h`
    Help,
}

/// Options of `corolab run`.
#[derive(Debug, PartialEq, Default)]
struct RunArgs {
    file: String,
    params: Vec<(String, String)>,
    seed: Option<u64>,
    cores: Option<u32>,
    max_steps: Option<u64>,
    trace: Option<String>,
}

impl RunArgs {
    fn parse(rest: &[String]) -> Result<RunArgs, String> {
        let mut out = RunArgs::default();
        let mut it = rest.iter();
        while let Some(a) = it.next() {
            let mut value = |flag: &str| it.next().cloned().ok_or_else(|| format!("`{flag}` needs a value"));
            match a.as_str() {
                "--param" => {
                    let v = value("--param")?;
                    let (name, val) = v.split_once('=').ok_or_else(|| format!("`--param` takes NAME=VALUE, found '{v}'"))?;
                    out.params.push((name.to_string(), val.to_string()));
                }
                "--seed" => out.seed = Some(value("--seed")?.parse().map_err(|_| "`--seed` takes a number".to_string())?),
                "--cores" => out.cores = Some(value("--cores")?.parse().map_err(|_| "`--cores` takes a number".to_string())?),
                "--max-steps" => out.max_steps = Some(value("--max-steps")?.parse().map_err(|_| "`--max-steps` takes a number".to_string())?),
                "--trace" => out.trace = Some(value("--trace")?),
                flag if flag.starts_with("--") => return Err(format!("`run` has no option '{flag}'")),
                file if out.file.is_empty() => out.file = file.to_string(),
                extra => return Err(format!("`run` takes one file, found another: '{extra}'")),
            }
        }
        if out.file.is_empty() {
            return Err("`run` needs a file".into());
        }
        Ok(out)
    }
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
            "run" => Ok(Command::Run(RunArgs::parse(rest)?)),
            "lessons" | "lesson" => Ok(Command::Lessons { args: args.to_vec() }),
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
            Command::Run(args) => run(&args),
            Command::Lessons { args } => lessons(&args),
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

/// Every diagnostic of a program: syntax, `@param` comments and compile-time checks.
fn all_diagnostics(source: &str) -> Vec<Diagnostic> {
    engine::diagnostics(source)
}

/// `corolab run`: compiles the program with its parameters set, runs it to the end in virtual
/// time, and prints exactly what it prints.
fn run(args: &RunArgs) -> ExitCode {
    let source = match read_source(&args.file) {
        Ok(source) => source,
        Err(problem) => {
            eprintln!("corolab: cannot read {}: {problem}", args.file);
            return ExitCode::from(2);
        }
    };
    let name = if args.file == "-" { "Main.kt".to_string() } else { std::path::Path::new(&args.file).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "Main.kt".into()) };
    let display = if args.file == "-" { "<stdin>" } else { args.file.as_str() };
    let source = match with_params(&source, &args.params) {
        Ok(s) => s,
        Err(problem) => {
            eprintln!("corolab: {problem}");
            return ExitCode::from(2);
        }
    };
    let mut config = engine::Config::default();
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    if let Some(cores) = args.cores {
        config.cores = cores.max(1);
    }
    if let Some(max) = args.max_steps {
        config.max_steps = max;
    }
    config.record_statements = args.trace.is_some();
    let result = engine::run_source(&source, &engine::RunOptions { config, file_name: name });
    let index = LineIndex::new(&source);
    for d in &result.diagnostics {
        eprint!("{}", d.render(display, &index));
    }
    let Some(world) = &result.world else { return ExitCode::from(2) };
    print!("{}", world.stdout());
    eprint!("{}", world.stderr());
    for w in &world.warnings {
        eprint!("{}", w.render(display, &index));
    }
    if let Some(engine::Outcome::Stopped(d)) = &world.outcome {
        eprint!("{}", d.render(display, &index));
    }
    if let Some(path) = &args.trace {
        let text = world.trace.to_json_lines(&world.thread_names());
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("corolab: cannot write the trace to {path}: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(result.exit_code() as u8)
}

/// The source with `--param` values substituted for the `@param` literals.
fn with_params(source: &str, given: &[(String, String)]) -> Result<String, String> {
    if given.is_empty() {
        return Ok(source.to_string());
    }
    let (declared, _) = params::params(source);
    let mut values = Vec::new();
    for (name, text) in given {
        let Some(p) = declared.iter().find(|p| p.name == *name) else {
            let names: Vec<&str> = declared.iter().map(|p| p.name.as_str()).collect();
            return Err(match engine::lang::suggest::did_you_mean(name, names.iter().copied()) {
                Some(close) => format!("the program has no parameter '{name}'; did you mean '{close}'?"),
                None if names.is_empty() => format!("the program has no parameter '{name}': it declares none (`val x = 1 // @param 0..10`)"),
                None => format!("the program has no parameter '{name}'; it has: {}", names.join(", ")),
            });
        };
        values.push((p.name.as_str(), p.parse_value(text)?));
    }
    params::substitute(source, &values).map_err(|d| d.message)
}

/// `corolab lessons` and `corolab lesson …`: run `corolab-lessons` from the same directory.
fn lessons(args: &[String]) -> ExitCode {
    let exe = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join(format!("corolab-lessons{}", std::env::consts::EXE_SUFFIX))));
    let Some(exe) = exe.filter(|p| p.exists()) else {
        eprintln!("corolab: the lessons are not built: run `cargo build --workspace` (they come with the lessons crate as `corolab-lessons`)");
        return ExitCode::from(2);
    };
    match std::process::Command::new(exe).args(args).status() {
        Ok(status) => ExitCode::from(status.code().unwrap_or(2).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("corolab: cannot run corolab-lessons: {e}");
            ExitCode::from(2)
        }
    }
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
        assert_eq!(
            parse(&["run", "a.kt", "--param", "n=3", "--seed", "9", "--trace", "t.jsonl"]),
            Ok(Command::Run(RunArgs { file: "a.kt".into(), params: vec![("n".into(), "3".into())], seed: Some(9), trace: Some("t.jsonl".into()), ..RunArgs::default() }))
        );
        assert_eq!(parse(&["run"]), Err("`run` needs a file".into()));
        assert_eq!(parse(&["run", "a.kt", "--param", "n"]), Err("`--param` takes NAME=VALUE, found 'n'".into()));
        assert_eq!(parse(&["run", "a.kt", "--fast"]), Err("`run` has no option '--fast'".into()));
        assert_eq!(parse(&["lesson", "scopes"]), Ok(Command::Lessons { args: vec!["lesson".into(), "scopes".into()] }));
    }
}
