//! Helpers shared by the lesson tests.
#![allow(dead_code)]

use lessons::{Evaluation, Value};

/// Shorthand for parameter values.
pub fn int(v: i64) -> Value {
    Value::Int(v)
}
pub fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}
pub fn b(v: bool) -> Value {
    Value::Bool(v)
}

/// Runs a variant with these values; panics with the lesson's own words when it cannot.
pub fn run(lesson: &str, variant: &str, values: &[(&str, Value)]) -> Evaluation {
    lessons::evaluate(lesson, variant, values).unwrap_or_else(|e| panic!("{lesson}/{variant}: {e}"))
}

/// The computed answer of question `q`, with the run's output when there is none.
pub fn answer(e: &Evaluation, q: &str) -> String {
    let question = e.questions.iter().find(|x| x.id == q).unwrap_or_else(|| panic!("{}/{}: no question '{q}'", e.lesson, e.variant));
    match &question.answer {
        Some(a) => a.clone(),
        None => {
            let holding: Vec<&str> = question.choices.iter().filter(|c| c.holds).map(|c| c.id.as_str()).collect();
            panic!("{}/{} {:?}: question '{q}' has {} right answers {holding:?}\n{}{}", e.lesson, e.variant, e.values, holding.len(), e.stdout, e.stderr)
        }
    }
}

/// Asserts the answer of question `q` for a variant with these values.
pub fn expect(lesson: &str, variant: &str, values: &[(&str, Value)], q: &str, want: &str) -> Evaluation {
    let e = run(lesson, variant, values);
    let got = answer(&e, q);
    assert_eq!(got, want, "{lesson}/{variant} {values:?}: question '{q}'\n--- stdout\n{}--- stderr\n{}", e.stdout, e.stderr);
    e
}
