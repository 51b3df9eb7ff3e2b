//! The course's scenarios run without the compiler (`engine::precompiled`): for every value
//! of every parameter, the precompiled program with that value written in is the program
//! the compiler gives for the same code, and so are its parameters and diagnostics.

use engine::lang::params::ParamValue;
use lessons::{lessons, Variant};

/// Compiles `source` both ways and compares everything the page reads of the result.
fn check(variant: &Variant, source: &str, what: &str) {
    let (fast, fast_diags) = variant.compile(source);
    assert!(variant.read(source).is_some(), "{what}: the code was not read as the scenario with other values:\n{source}");
    let (slow, slow_diags) = engine::compile_source(source, "Main.kt");
    assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{what}: the precompiled program differs from the compiler's");
    assert!(fast.is_some(), "{what}: no program");
    assert_eq!(fast_diags, slow_diags, "{what}: compile diagnostics differ");
    assert_eq!(variant.diagnostics(source), engine::diagnostics(source), "{what}: diagnostics differ");
    assert_eq!(variant.declared(source), engine::lang::params::params(source).0, "{what}: parameters differ");
}

/// Every variant's value sets: the defaults, each parameter alone at each of its sample
/// values, and all of them at once at their first and at their last sample (several literals
/// changing length together).
fn value_sets(variant: &Variant) -> Vec<Vec<(String, ParamValue)>> {
    let params: Vec<_> = variant.params.iter().filter(|p| !p.runtime).collect();
    let mut sets = vec![Vec::new()];
    for p in &params {
        for v in p.sample_values() {
            sets.push(vec![(p.name.clone(), v)]);
        }
    }
    for pick in [|s: Vec<ParamValue>| s.first().cloned(), |s: Vec<ParamValue>| s.last().cloned()] {
        sets.push(params.iter().filter_map(|p| Some((p.name.clone(), pick(p.sample_values())?))).collect());
    }
    sets
}

#[test]
fn every_scenario_is_precompiled() {
    let mut n = 0;
    for lesson in lessons() {
        for v in &lesson.variants {
            assert!(v.precompiled().is_some(), "{}/{}: the build did not precompile it (see the build's warnings)", lesson.folder, v.file);
            n += 1;
        }
    }
    assert!(n >= 20, "only {n} variants");
}

#[test]
fn every_value_of_every_parameter_gives_the_compilers_program() {
    let mut checked = 0;
    for lesson in lessons() {
        for v in &lesson.variants {
            for values in value_sets(v) {
                let given: Vec<(&str, ParamValue)> = values.iter().map(|(n, x)| (n.as_str(), x.clone())).collect();
                let prepared = v.prepare(v.source, &given).unwrap_or_else(|e| panic!("{}/{}: {e}", lesson.folder, v.id));
                check(v, &prepared.source, &format!("{}/{} with {values:?}", lesson.folder, v.id));
                checked += 1;
            }
        }
    }
    assert!(checked >= 100, "only {checked} runs checked");
}

#[test]
fn prepare_writes_the_values_as_the_parser_would() {
    // `prepare` substitutes through the precompiled reading when it can; the text must be the
    // one `params::substitute` writes.
    for lesson in lessons() {
        for v in &lesson.variants {
            for values in value_sets(v) {
                let given: Vec<(&str, ParamValue)> = values.iter().map(|(n, x)| (n.as_str(), x.clone())).collect();
                let prepared = v.prepare(v.source, &given).expect("prepared");
                let in_source: Vec<(&str, ParamValue)> =
                    v.fixed.iter().map(|(n, x)| (n.as_str(), x.clone())).filter(|(n, _)| *n != "cores").chain(given.iter().filter(|(n, _)| v.param(n).is_some_and(|p| !p.runtime)).cloned()).collect();
                let expected = engine::lang::params::substitute(v.source, &in_source).expect("substituted");
                assert_eq!(prepared.source, expected, "{}/{} with {values:?}", lesson.folder, v.id);
            }
        }
    }
}

#[test]
fn any_other_edit_goes_to_the_compiler() {
    let lesson = lessons::lesson("bulkhead").expect("the bulkhead lesson");
    let v = &lesson.variants[0];
    let p = v.params.iter().find(|p| !p.runtime).expect("a parameter");
    let original = v.precompiled().expect("precompiled");
    let at = original.params.iter().find(|q| q.name == p.name).expect("declared").value_span;
    let (start, end) = (at.start as usize, at.end as usize);
    let literal = &v.source[start..end];
    let edits = [
        // A change outside the literals.
        format!("{}\n// a comment of the learner's", v.source),
        v.source.replacen("fun main", "fun  main", 1),
        // The literal in a spelling the page does not write, or a value the control refuses.
        format!("{}({literal}){}", &v.source[..start], &v.source[end..]),
        format!("{} {literal}{}", &v.source[..start], &v.source[end..]),
        format!("{}999999999{}", &v.source[..start], &v.source[end..]),
        // The parameter's comment changed.
        format!("{}{literal} //{}", &v.source[..start], &v.source[end..]),
    ];
    for edit in &edits {
        assert!(v.read(edit).is_none(), "read as the scenario with other values:\n{edit}");
        // It still compiles (or not) exactly as the compiler says.
        assert_eq!(format!("{:?}", v.compile(edit)), format!("{:?}", engine::compile_source(edit, "Main.kt")));
    }
    assert!(v.read(v.source).is_some(), "the scenario itself is read");
}
