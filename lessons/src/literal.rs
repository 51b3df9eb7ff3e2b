//! Reading a pinned parameter's value, written in `lesson.md` as a Kotlin literal. Shared by
//! the crate and its build script, which writes the pinned values into the scenarios.

use engine::lang::params::ParamValue;

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
