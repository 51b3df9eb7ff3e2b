//! Reading a pinned parameter's value, written in `lesson.md` as a Kotlin literal. Shared by
//! the crate and its build script, which writes the pinned values into the scenarios.

use engine::lang::params::{Param, ParamValue};

/// The values a variant pins (`set: name = literal` in `lesson.md`), each read with the type
/// of the parameter of that name among `declared`; `cores`, a setting of the simulation rather
/// than a `val`, is an Int. A pin that names no parameter, or is not a literal of its type, is
/// left out: `content_problems` reports it.
pub fn pinned<'a>(set: impl IntoIterator<Item = (&'a str, &'a str)>, declared: &[Param]) -> Vec<(String, ParamValue)> {
    set.into_iter()
        .filter_map(|(name, lit)| {
            let like = if name == "cores" { ParamValue::Int(0) } else { declared.iter().find(|p| p.name == name)?.default.clone() };
            Some((name.to_string(), literal(lit, &like)?))
        })
        .collect()
}

/// A pinned value written as a Kotlin literal, read with the type of the parameter.
pub fn literal(text: &str, like: &ParamValue) -> Option<ParamValue> {
    let t = text.trim();
    Some(match like {
        ParamValue::Int(_) => ParamValue::Int(t.replace('_', "").parse().ok()?),
        ParamValue::Long(_) => ParamValue::Long(t.trim_end_matches('L').replace('_', "").parse().ok()?),
        ParamValue::Double(_) => ParamValue::Double(engine::decimal::parse_f64(t)?),
        ParamValue::Bool(_) => ParamValue::Bool(t.parse().ok()?),
        ParamValue::Str(_) => ParamValue::Str(t.strip_prefix('"')?.strip_suffix('"')?.to_string()),
    })
}
