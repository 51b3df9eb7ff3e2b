//! `corolab-lessons`: the course on the command line. `corolab lessons` and `corolab lesson …`
//! hand over to it.
//!
//! ```text
//! corolab-lessons lessons
//!     one line per lesson, in course order: ID<TAB>title<TAB>variant,variant…
//! corolab-lessons lesson ID [--variant V] [--param NAME=VALUE]… [--seed N]
//!     runs a lesson's scenario; prints what it printed, then each question with the
//!     answer computed from the run and every check's result
//! ```
//!
//! Exit codes: 0 when the run went through and every question has exactly one right answer;
//! 1 when some question has none or several (the lesson's checks disagree with the run);
//! 2 for a wrong command line: an unknown lesson, variant or parameter, or a bad value.

use std::process::ExitCode;

use lessons::{Evaluation, LessonError};

const USAGE: &str = "\
Usage: corolab-lessons lessons
       corolab-lessons lesson ID [--variant V] [--param NAME=VALUE]... [--seed N]

  lessons   list the lessons: ID, title and variants, one per line
  lesson    run a lesson's scenario and check its questions on the run
            (the first variant and the parameters' defaults unless given)";

#[derive(Debug, PartialEq)]
enum Command {
    List,
    Run { id: String, variant: Option<String>, params: Vec<(String, String)>, seed: u64 },
    Help,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let Some((name, rest)) = args.split_first() else { return Err("no command given".into()) };
    match name.as_str() {
        "lessons" => match rest.first() {
            None => Ok(Command::List),
            Some(extra) => Err(format!("`lessons` takes no argument '{extra}'")),
        },
        "lesson" => {
            let mut id = None;
            let mut variant = None;
            let mut params = Vec::new();
            let mut seed = 1;
            let mut it = rest.iter();
            while let Some(arg) = it.next() {
                let (flag, inline) = match arg.split_once('=') {
                    Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
                    _ => (arg.as_str(), None),
                };
                let mut value = |what: &str| inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| format!("{flag} needs {what}"));
                match flag {
                    "--variant" => variant = Some(value("a variant name")?),
                    "--param" => {
                        let v = value("NAME=VALUE")?;
                        let Some((n, x)) = v.split_once('=') else { return Err(format!("--param needs NAME=VALUE, not '{v}'")) };
                        params.push((n.trim().to_string(), x.to_string()));
                    }
                    "--seed" => {
                        let v = value("a number")?;
                        seed = v.parse().map_err(|_| format!("--seed needs a whole number, not '{v}'"))?;
                    }
                    f if f.starts_with('-') => return Err(format!("unknown option '{f}'")),
                    _ if id.is_none() => id = Some(arg.clone()),
                    _ => return Err(format!("unexpected argument '{arg}'")),
                }
            }
            let id = id.ok_or("`lesson` needs a lesson id (see `corolab-lessons lessons`)")?;
            Ok(Command::Run { id, variant, params, seed })
        }
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(format!("unknown command '{other}'")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(Command::List) => {
            for l in lessons::lessons() {
                let variants: Vec<&str> = l.variants.iter().map(|v| v.id.as_str()).collect();
                println!("{}\t{}\t{}", l.id, l.title, variants.join(","));
            }
            ExitCode::SUCCESS
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Run { id, variant, params, seed }) => match run(&id, variant.as_deref(), &params, seed) {
            Ok(e) => report(&e),
            Err(problem) => {
                eprintln!("corolab-lessons: {problem}");
                ExitCode::from(2)
            }
        },
        Err(problem) => {
            eprintln!("corolab-lessons: {problem}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(id: &str, variant: Option<&str>, params: &[(String, String)], seed: u64) -> Result<Evaluation, LessonError> {
    let lesson = lessons::lesson(id).ok_or_else(|| LessonError::UnknownLesson(id.to_string()))?;
    let variant_id = variant.unwrap_or(&lesson.variants[0].id);
    let (_, v) = lessons::find(id, variant_id)?;
    let mut values = Vec::new();
    for (name, text) in params {
        let Some(p) = v.param(name) else {
            // Let `prepare` word the error (it knows pinned parameters and close names).
            v.prepare(v.source, &[(name, lessons::Value::Bool(false))])?;
            return Err(LessonError::BadParam(format!("no parameter '{name}'")));
        };
        values.push((name.as_str(), p.parse_value(text).map_err(LessonError::BadParam)?));
    }
    lessons::evaluate_seeded(id, variant_id, &values, seed)
}

fn report(e: &Evaluation) -> ExitCode {
    let shown: Vec<String> = e.values.iter().map(|(n, v)| format!("{n}={v}")).collect();
    println!("== lesson {} / variant {} (seed {}, {} cores) {}", e.lesson, e.variant, e.seed, e.cores, shown.join(" "));
    for d in e.run.diagnostics.iter().filter(|d| d.is_error()) {
        println!("error: {}", d.message);
    }
    print!("{}", e.stdout);
    if !e.stdout.is_empty() && !e.stdout.ends_with('\n') {
        println!();
    }
    for line in e.stderr.lines() {
        println!("stderr: {line}");
    }
    if let Some(w) = &e.run.world {
        let end = match &w.outcome {
            Some(engine::Outcome::Completed) => "completed".to_string(),
            Some(engine::Outcome::MainThrew(x)) => format!("main threw {x}"),
            Some(engine::Outcome::Stopped(d)) => format!("stopped: {}", d.message),
            None => "unfinished".to_string(),
        };
        println!("== run {end} at {} ms, {} steps, exit code {}", w.now / 1000, w.steps, e.run.exit_code());
    }
    let mut all_answered = true;
    for q in &e.questions {
        println!("== question {}: {}", q.id, q.text);
        for c in &q.choices {
            let mark = if Some(&c.id) == q.answer.as_ref() { "=>" } else if c.holds { "?!" } else { "  " };
            println!("{mark} [{}] {}", c.id, c.text);
            for k in &c.checks {
                println!("     {} {}   ({})", if k.holds { "yes" } else { "no " }, k.check, k.detail);
            }
        }
        match &q.answer {
            Some(a) => println!("answer: {a}"),
            None => {
                all_answered = false;
                let n = q.choices.iter().filter(|c| c.holds).count();
                println!("answer: none ({n} choices hold; the lesson's checks need fixing)");
            }
        }
    }
    if !e.notices.is_empty() {
        println!("== what to notice");
        for n in &e.notices {
            let places: Vec<String> = n
                .targets
                .iter()
                .map(|t| {
                    let mut s = t.target.clone();
                    if let Some(step) = t.step {
                        s += &format!(" (step {step})");
                    }
                    if let Some(line) = t.line {
                        s += &format!(" (line {line})");
                    }
                    s
                })
                .collect();
            println!("- {}: {}", places.join(", "), n.text);
        }
    }
    if all_answered {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn command_lines() {
        assert_eq!(p(&["lessons"]), Ok(Command::List));
        assert_eq!(
            p(&["lesson", "scopes", "--variant", "supervisorScope", "--param", "aMs=100", "--param=bMs=50", "--seed", "3"]),
            Ok(Command::Run { id: "scopes".into(), variant: Some("supervisorScope".into()), params: vec![("aMs".into(), "100".into()), ("bMs".into(), "50".into())], seed: 3 })
        );
        assert!(p(&["lesson"]).is_err());
        assert!(p(&["lesson", "a", "b"]).is_err());
        assert!(p(&["lesson", "a", "--param", "x"]).is_err());
        assert!(p(&["lesson", "a", "--seed", "x"]).is_err());
        assert!(p(&["lesson", "a", "--frob"]).is_err());
        assert!(p(&["lessons", "x"]).is_err());
        assert!(p(&[]).is_err());
    }
}
