//! The check language: one line states one fact about a finished run.
//!
//! ```text
//! stdout contains "A: cancelled"            stdout lacks "result"       stderr contains "Exception"
//! job "A" is Cancelled                      some job "updates-*" is Active      job "B" failed
//! max "health check took {n} ms" < 100      count "lost" == 0           live coroutines > 50
//! last "counter = {n}" == param expected    not stdout contains "timeout"
//! ```
//!
//! A comparison puts a value on each side of `<`, `<=`, `>`, `>=`, `==` or `!=`. Values:
//! a number; `param NAME` (the run's value of a parameter); `first`, `last`, `max`, `min` or
//! `sum` of the number `{n}` captured by a pattern over the lines printed to standard output;
//! `count PATTERN` (lines matching); `live coroutines` (alive when the run ended); `peak live
//! coroutines`; `jobs PATTERN [STATE]` (coroutines so named, in that state at the end);
//! `threads PATTERN` (threads so named); `elapsed ms` (virtual time at the end); `exit code`.
//!
//! Job states are the kotlinx.coroutines ones (`New`, `Active`, `Completing`, `Cancelling`,
//! `Cancelled`, `Completed`) and three words more: `failed` (its body threw an exception that
//! is not a cancellation), `alive` (not yet Cancelled or Completed), `finished` (the opposite).
//! `job P is S` holds when at least one coroutine matches `P` and every one is in `S`;
//! `some job P is S` when at least one is.

use super::pattern::Pattern;

/// One check.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// `not CHECK`
    Not(Box<Check>),
    /// `stdout contains P` (or `lacks`, which is `negate`).
    Contains {
        /// Which stream.
        stream: Stream,
        /// What to find anywhere in it.
        pattern: Pattern,
        /// `lacks`.
        negate: bool,
    },
    /// `job P is S`, `some job P is S`.
    JobIs {
        /// Names to match (whole names).
        name: Pattern,
        /// The state.
        state: StateWord,
        /// `some`: one is enough.
        some: bool,
    },
    /// `VALUE OP VALUE`
    Compare(Value, Cmp, Value),
}

/// An output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

/// A job state word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateWord {
    /// `New`
    New,
    /// `Active`
    Active,
    /// `Completing`
    Completing,
    /// `Cancelling`
    Cancelling,
    /// `Cancelled`
    Cancelled,
    /// `Completed`
    Completed,
    /// Its body threw a real exception.
    Failed,
    /// Not Cancelled nor Completed.
    Alive,
    /// Cancelled or Completed.
    Finished,
}

impl StateWord {
    fn read(word: &str) -> Option<StateWord> {
        Some(match word {
            "New" => StateWord::New,
            "Active" => StateWord::Active,
            "Completing" => StateWord::Completing,
            "Cancelling" => StateWord::Cancelling,
            "Cancelled" => StateWord::Cancelled,
            "Completed" => StateWord::Completed,
            "failed" => StateWord::Failed,
            "alive" => StateWord::Alive,
            "finished" => StateWord::Finished,
            _ => return None,
        })
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl Cmp {
    /// Applies the operator.
    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
        }
    }

    /// How it is written.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
        }
    }
}

/// How the numbers captured from matching lines are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agg {
    /// The first matching line's number.
    First,
    /// The last one's.
    Last,
    /// The largest.
    Max,
    /// The smallest.
    Min,
    /// Their sum.
    Sum,
    /// How many lines match.
    Count,
}

/// A value in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A literal number.
    Number(f64),
    /// `param NAME`
    Param(String),
    /// `max P`, `count P`, …
    Lines(Agg, Pattern),
    /// `live coroutines`
    LiveCoroutines,
    /// `peak live coroutines`
    PeakLiveCoroutines,
    /// `jobs P [STATE]`
    Jobs(Pattern, Option<StateWord>),
    /// `threads P`
    Threads(Pattern),
    /// `elapsed ms`
    ElapsedMs,
    /// `exit code`
    ExitCode,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num(f64),
    Op(Cmp),
}

fn tokens(text: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err(format!("unclosed string starting at column {}", i + 1)),
                    Some((_, '"')) => break,
                    Some((_, '\\')) => match chars.next() {
                        Some((_, c)) => s.push(c),
                        None => return Err("a string ends with '\\'".into()),
                    },
                    Some((_, c)) => s.push(c),
                }
            }
            out.push(Tok::Str(s));
        } else if c.is_ascii_digit() || (c == '-' && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())) {
            let mut end = i + 1;
            chars.next();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() || d == '.' || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let lit = text[i..end].replace('_', "");
            out.push(Tok::Num(lit.parse().map_err(|_| format!("'{lit}' is not a number"))?));
        } else if "<>=!".contains(c) {
            chars.next();
            let eq = chars.peek().is_some_and(|&(_, d)| d == '=');
            if eq {
                chars.next();
            }
            let op = match (c, eq) {
                ('<', false) => Cmp::Lt,
                ('<', true) => Cmp::Le,
                ('>', false) => Cmp::Gt,
                ('>', true) => Cmp::Ge,
                ('=', true) => Cmp::Eq,
                ('!', true) => Cmp::Ne,
                _ => return Err(format!("unknown operator '{c}'; use <, <=, >, >=, == or !=")),
            };
            out.push(Tok::Op(op));
        } else if c.is_alphanumeric() || c == '_' {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(text[i..end].to_string()));
        } else {
            return Err(format!("unexpected '{c}'"));
        }
    }
    Ok(out)
}

struct Reader {
    toks: Vec<Tok>,
    pos: usize,
}

impl Reader {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn word(&mut self, w: &str) -> bool {
        if self.peek() == Some(&Tok::Word(w.to_string())) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect_word(&mut self, w: &str, after: &str) -> Result<(), String> {
        if self.word(w) {
            Ok(())
        } else {
            Err(format!("expected '{w}' after {after}"))
        }
    }
    fn string(&mut self, what: &str) -> Result<String, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(s),
            _ => Err(format!("expected a quoted {what}")),
        }
    }
    fn state(&mut self) -> Result<StateWord, String> {
        match self.next() {
            Some(Tok::Word(w)) => StateWord::read(&w).ok_or_else(|| format!("unknown job state '{w}'; use New, Active, Completing, Cancelling, Cancelled, Completed, failed, alive or finished")),
            _ => Err("expected a job state".into()),
        }
    }
}

/// Reads one check.
pub fn parse(text: &str) -> Result<Check, String> {
    let mut r = Reader { toks: tokens(text)?, pos: 0 };
    let check = read_check(&mut r)?;
    if let Some(t) = r.peek() {
        return Err(format!("unexpected {t:?} after a complete check"));
    }
    Ok(check)
}

fn read_check(r: &mut Reader) -> Result<Check, String> {
    if r.word("not") {
        return Ok(Check::Not(Box::new(read_check(r)?)));
    }
    for (word, stream) in [("stdout", Stream::Stdout), ("stderr", Stream::Stderr)] {
        if r.word(word) {
            let negate = if r.word("contains") {
                false
            } else if r.word("lacks") {
                true
            } else {
                return Err(format!("expected 'contains' or 'lacks' after '{word}'"));
            };
            let pattern = Pattern::new(&r.string("text")?);
            return Ok(Check::Contains { stream, pattern, negate });
        }
    }
    let some = r.word("some");
    if some || matches!(r.peek(), Some(Tok::Word(w)) if w == "job") {
        r.expect_word("job", "'some'")?;
        let name = Pattern::new(&r.string("coroutine name")?);
        let state = if r.word("failed") {
            StateWord::Failed
        } else {
            r.expect_word("is", "the coroutine name")?;
            r.state()?
        };
        return Ok(Check::JobIs { name, state, some });
    }
    let left = read_value(r)?;
    let op = match r.next() {
        Some(Tok::Op(op)) => op,
        _ => return Err("expected a comparison (<, <=, >, >=, == or !=) after the first value".into()),
    };
    let right = read_value(r)?;
    Ok(Check::Compare(left, op, right))
}

fn read_value(r: &mut Reader) -> Result<Value, String> {
    let Some(tok) = r.next() else { return Err("expected a value".into()) };
    let word = match tok {
        Tok::Num(n) => return Ok(Value::Number(n)),
        Tok::Word(w) => w,
        other => return Err(format!("expected a value, found {other:?}")),
    };
    let agg = match word.as_str() {
        "first" => Some(Agg::First),
        "last" => Some(Agg::Last),
        "max" => Some(Agg::Max),
        "min" => Some(Agg::Min),
        "sum" => Some(Agg::Sum),
        "count" => Some(Agg::Count),
        _ => None,
    };
    if let Some(agg) = agg {
        let pattern = Pattern::new(&r.string("pattern")?);
        if agg != Agg::Count && pattern.captures() != 1 {
            return Err(format!("the pattern \"{}\" of '{word}' must capture exactly one number with {{n}}", pattern.source));
        }
        return Ok(Value::Lines(agg, pattern));
    }
    Ok(match word.as_str() {
        "param" => match r.next() {
            Some(Tok::Word(name)) => Value::Param(name),
            _ => return Err("expected a parameter name after 'param'".into()),
        },
        "live" => {
            r.expect_word("coroutines", "'live'")?;
            Value::LiveCoroutines
        }
        "peak" => {
            r.expect_word("live", "'peak'")?;
            r.expect_word("coroutines", "'peak live'")?;
            Value::PeakLiveCoroutines
        }
        "jobs" => {
            let pattern = Pattern::new(&r.string("coroutine name")?);
            let state = match r.peek() {
                Some(Tok::Word(_)) => Some(r.state()?),
                _ => None,
            };
            Value::Jobs(pattern, state)
        }
        "threads" => Value::Threads(Pattern::new(&r.string("thread name")?)),
        "elapsed" => {
            r.expect_word("ms", "'elapsed'")?;
            Value::ElapsedMs
        }
        "exit" => {
            r.expect_word("code", "'exit'")?;
            Value::ExitCode
        }
        other => return Err(format!("unknown value '{other}'")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form() {
        assert!(matches!(parse(r#"stdout contains "A: cancelled""#), Ok(Check::Contains { negate: false, .. })));
        assert!(matches!(parse(r#"stderr lacks "x \" y""#), Ok(Check::Contains { negate: true, stream: Stream::Stderr, .. })));
        assert!(matches!(parse(r#"job "A" is Cancelled"#), Ok(Check::JobIs { state: StateWord::Cancelled, some: false, .. })));
        assert!(matches!(parse(r#"some job "u-*" is alive"#), Ok(Check::JobIs { state: StateWord::Alive, some: true, .. })));
        assert!(matches!(parse(r#"job "B" failed"#), Ok(Check::JobIs { state: StateWord::Failed, .. })));
        assert!(matches!(parse(r#"max "took {n} ms" < 100"#), Ok(Check::Compare(Value::Lines(Agg::Max, _), Cmp::Lt, Value::Number(_)))));
        assert!(matches!(parse(r#"count "x" == param n"#), Ok(Check::Compare(_, Cmp::Eq, Value::Param(_)))));
        assert!(matches!(parse("live coroutines >= 1_000"), Ok(Check::Compare(Value::LiveCoroutines, Cmp::Ge, Value::Number(n))) if n == 1000.0));
        assert!(matches!(parse(r#"jobs "u-*" Active > 3"#), Ok(Check::Compare(Value::Jobs(_, Some(StateWord::Active)), _, _))));
        assert!(matches!(parse("not exit code == 0"), Ok(Check::Not(_))));
        assert!(parse(r#"max "no capture" < 3"#).is_err());
        assert!(parse(r#"job "A" is Sleeping"#).is_err());
        assert!(parse(r#"stdout has "x""#).is_err());
        assert!(parse("elapsed ms < 100 100").is_err());
    }
}
