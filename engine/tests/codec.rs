//! The binary encoding of `engine::codec`: every program of the test corpora and the lessons
//! comes back as it was compiled, parameters and diagnostics too, and no input, truncated
//! or garbage, makes the decoder panic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use engine::builtins::{Builtin, CollectionClass, Const, MathKind, RandomKind};
use engine::bytecode::{BinOp, Class, ClassId, EnumClass, FuncId, Function, Global, Op, Program, Sym, TypeTest};
use engine::codec::{Reader, Writer};
use engine::exception::ExcClass;
use engine::lang::params::{params, Param, ParamKind, ParamValue};
use engine::lang::{Diagnostic, Span};
use engine::value::{Range, RangeKind, Value};

/// The programs that exercise the compiler the most: the engine's test corpora and the lesson
/// scenarios, as (path, source).
fn corpus() -> Vec<(PathBuf, String)> {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["conformance", "frontend", "determinism"] {
        kt_files(&engine.join("tests").join(dir), &mut files);
    }
    files.extend(lesson_files());
    files.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).expect("a readable program"))).collect()
}

/// The `.kt` files under `dir`, at any depth, in name order.
fn kt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("a corpus directory").map(|e| e.expect("an entry").path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            kt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "kt") {
            out.push(p);
        }
    }
}

/// The lesson scenarios: `lessons/content/*/*.kt`.
fn lesson_files() -> Vec<PathBuf> {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons/content");
    let mut lessons: Vec<PathBuf> = std::fs::read_dir(&content).expect("the lessons").map(|e| e.expect("an entry").path()).filter(|p| p.is_dir()).collect();
    lessons.sort();
    let mut out = Vec::new();
    for lesson in lessons {
        let mut kts: Vec<PathBuf> = std::fs::read_dir(&lesson)
            .expect("a lesson")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "kt"))
            .collect();
        kts.sort();
        out.extend(kts);
    }
    out
}

fn encode(p: &Program) -> Vec<u8> {
    let mut w = Writer::new();
    w.program(p).unwrap_or_else(|e| panic!("cannot encode {}: {e}", p.file_name));
    w.bytes
}

/// Decodes `bytes` as one program that fills them; `Debug` is the comparison, since a
/// program's types do not implement `PartialEq`.
fn assert_round_trip(p: &Program, bytes: &[u8], what: &str) {
    let mut r = Reader::new(bytes);
    let back = r.program().unwrap_or_else(|| panic!("{what}: the encoding does not decode"));
    assert!(r.at_end(), "{what}: bytes left after the program");
    assert_eq!(format!("{back:?}"), format!("{p:?}"), "{what}: the program changed");
}

/// The names of the variants of `pub enum name` in `source`: the lines indented once inside
/// its body that start with a capital.
fn variants(source: &str, name: &str) -> Vec<String> {
    let header = format!("pub enum {name} {{");
    let body = source.lines().skip_while(|l| l.trim_end() != header).skip(1).take_while(|l| !l.starts_with('}'));
    body.filter(|l| l.starts_with("    ") && l[4..].starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| l[4..].chars().take_while(|c| c.is_alphanumeric()).collect())
        .collect()
}

/// The variant name of an instruction, as `Debug` starts it.
fn op_name(op: &Op) -> String {
    format!("{op:?}").chars().take_while(|c| c.is_alphanumeric()).collect()
}

/// The instructions that no program of the corpus uses; [`hand_built_program`] holds them.
/// The compiler never emits `Over` (only the VM knows it); `Clock` comes only from
/// `measureTimeMillis`, and `CallInherited` only from `super.toString()` or `super.message`
/// in a class whose superclasses of the program do not declare them, which no corpus program
/// writes.
const NOT_IN_CORPUS: &[&str] = &["Over", "CallInherited", "Clock"];

#[test]
fn every_program_of_the_corpora_round_trips() {
    let mut checked = 0;
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (path, source) in corpus() {
        let (program, _) = engine::compile_source(&source, "Main.kt");
        let Some(program) = program else { continue };
        let bytes = encode(&program);
        assert_round_trip(&program, &bytes, &path.display().to_string());
        seen.extend(program.functions.iter().flat_map(|f| f.code.iter().map(op_name)));
        checked += 1;
    }
    // The conformance programs alone are over 300, and all of them compile.
    println!("{checked} programs round-tripped");
    assert!(checked >= 300, "only {checked} programs compiled");
    let all = variants(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bytecode.rs")).expect("bytecode.rs"), "Op");
    assert!(all.len() >= 60, "cannot read the variants of Op: {all:?}");
    let missing: Vec<&String> = all.iter().filter(|v| !seen.contains(*v)).collect();
    assert_eq!(missing, NOT_IN_CORPUS, "the instructions that no program of the corpus uses have changed; update NOT_IN_CORPUS");
}

/// Encoded sizes of the lesson scenarios, printed with `--nocapture`.
#[test]
fn lesson_programs_round_trip() {
    let mut total = 0;
    let mut largest = (0, String::new());
    let files = lesson_files();
    assert!(files.len() >= 10, "only {} lesson scenarios", files.len());
    for path in files {
        let source = std::fs::read_to_string(&path).expect("a readable scenario");
        let (program, diags) = engine::compile_source(&source, "Main.kt");
        let program = program.unwrap_or_else(|| panic!("{} does not compile: {diags:?}", path.display()));
        let bytes = encode(&program);
        assert_round_trip(&program, &bytes, &path.display().to_string());
        println!("{:6} bytes  {}", bytes.len(), path.display());
        total += bytes.len();
        if bytes.len() > largest.0 {
            largest = (bytes.len(), path.display().to_string());
        }
    }
    println!("{total:6} bytes in all; the largest is {} ({} bytes)", largest.1, largest.0);
}

/// A program that holds every instruction no corpus program uses, every constant value, and
/// every field of every part with unusual values.
fn hand_built_program() -> Program {
    let span = |a, b| Span { start: a, end: b };
    let code = vec![
        Op::Over,
        Op::Clock,
        Op::Nop,
        Op::Unreachable,
        Op::Stmt { line: u32::MAX },
        Op::Push(Value::Double(f64::NAN)),
        Op::Push(Value::Double(-0.0)),
        Op::Push(Value::Range(Rc::new(Range { first: i64::MIN, last: i64::MAX, step: -3, kind: RangeKind::Char, progression: true }))),
        Op::Push(Value::Const(Const::RandomDefault)),
        Op::PushConst(Const::SystemErr),
        Op::Binary(BinOp::Ushr),
        Op::IsInstance(TypeTest::Nullable(Box::new(TypeTest::Nullable(Box::new(TypeTest::Class(ClassId(7))))))),
        Op::Cast { ty: TypeTest::Nullable(Box::new(TypeTest::Any)), safe: true },
        Op::CallBuiltin { builtin: Builtin::NewException(ExcClass::DiagnosticCoroutineContextException), argc: 2 },
        Op::CallBuiltin { builtin: Builtin::NewCollection(CollectionClass::LinkedHashMap), argc: 0 },
        Op::CallBuiltin { builtin: Builtin::RandomNext(RandomKind::Bool), argc: 0 },
        Op::CallBuiltin { builtin: Builtin::MathFn(MathKind::FloorDiv), argc: 2 },
        Op::CallBuiltin { builtin: Builtin::NewChannel, argc: 1 },
        Op::CallInherited { name: Sym(0), argc: 0, property: true },
        Op::SkipIfPresent { slot: 0, target: 0 },
    ];
    // Spans out of order and reversed, to check that the deltas wrap both ways.
    let spans = vec![span(10, 20), span(5, 5), span(u32::MAX, 0), span(0, u32::MAX), span(3, 1)];
    let function = Function {
        name: "main$lambda".into(),
        frame_name: "MainKt.main$lambda".into(),
        n_params: 1,
        n_locals: 300,
        is_suspend: true,
        is_lambda: false,
        has_receiver: true,
        n_captures: 2,
        code,
        spans,
        local_names: vec!["é".into(), String::new()],
        local_ranges: vec![(0, 20), (u32::MAX, 2)],
        span: span(1, 2),
    };
    let class = Class {
        name: "Outer$Inner".into(),
        is_object: false,
        is_data: true,
        fields: vec![Sym(0), Sym(1)],
        field_defaults: vec![Value::Absent, Value::Unit, Value::Null, Value::Bool(false), Value::Int(i32::MIN), Value::Long(i64::MIN), Value::Char('\u{10ffff}'), Value::str("\"\n")],
        data_fields: vec![Sym(1)],
        methods: vec![(Sym(0), FuncId(0))],
        getters: vec![],
        overrides: vec![Sym(1)],
        supers: vec![ClassId(0), ClassId(u32::MAX)],
        init: FuncId(0),
        exception_base: Some(Sym(u32::MAX)),
        init_by_outer: true,
        is_scope: true,
        span: span(7, 9),
    };
    Program {
        functions: vec![function],
        classes: vec![class],
        enums: vec![EnumClass { class: ClassId(0), holder: ClassId(1) }],
        globals: vec![
            Global { name: "a".into(), mutable: true, volatile: false, init: None, span: span(0, 1) },
            Global { name: "b".into(), mutable: false, volatile: true, init: Some(FuncId(u32::MAX)), span: span(2, 3) },
        ],
        symbols: vec!["x".into(), "y".into()],
        main: None,
        main_takes_args: true,
        file_class: "MainKt".into(),
        file_name: "Main.kt".into(),
        line_starts: vec![0, 10, 5, u32::MAX],
    }
}

#[test]
fn hand_built_program_round_trips() {
    let p = hand_built_program();
    assert_round_trip(&p, &encode(&p), "the hand-built program");
    // Missing `main` and an empty program too.
    let p = Program { main: Some(FuncId(0)), ..Program::default() };
    assert_round_trip(&p, &encode(&p), "an empty program");
}

#[test]
fn constant_values_round_trip_and_run_time_ones_are_refused() {
    let values = [
        Value::Absent,
        Value::Unit,
        Value::Null,
        Value::Bool(true),
        Value::Int(i32::MAX),
        Value::Int(-1),
        Value::Long(i64::MAX),
        Value::Double(f64::INFINITY),
        Value::Double(1.5),
        Value::Double(-1e-300),
        Value::Char('a'),
        Value::str(""),
        Value::str("ünïcödé ✓"),
        Value::Range(Rc::new(Range { first: 1, last: 10, step: 1, kind: RangeKind::Int, progression: false })),
        Value::Const(Const::GlobalScope),
    ];
    let mut w = Writer::new();
    for v in &values {
        w.value(v).expect("a constant");
    }
    let mut r = Reader::new(&w.bytes);
    for v in &values {
        assert_eq!(format!("{:?}", r.value()), format!("{:?}", Some(v)));
    }
    assert!(r.at_end());
    // A double's bits survive, NaN's payload included.
    let mut w = Writer::new();
    w.value(&Value::Double(f64::from_bits(0x7ff8_0000_dead_beef))).expect("a constant");
    assert!(matches!(Reader::new(&w.bytes).value(), Some(Value::Double(d)) if d.to_bits() == 0x7ff8_0000_dead_beef));

    let run_time = [
        (Value::Obj(engine::value::ObjId(1)), "Obj"),
        (Value::Job(engine::value::JobId(1)), "Job"),
        (Value::Dispatcher(engine::value::DispatcherId(1)), "Dispatcher"),
        (Value::Ctx(Rc::default()), "Ctx"),
        (Value::Scope(Rc::default()), "Scope"),
    ];
    for (v, name) in run_time {
        let e = Writer::new().value(&v).expect_err("a run-time value");
        assert!(e.contains(&format!("Value::{name}")), "{e}");
    }
    // In a program, the error reaches the caller.
    let mut p = hand_built_program();
    p.classes[0].field_defaults.push(Value::Obj(engine::value::ObjId(3)));
    assert!(Writer::new().program(&p).expect_err("a run-time value").contains("Value::Obj"));
}

#[test]
fn type_tests_nest_a_bounded_number_of_times() {
    let nested = |n| (0..n).fold(TypeTest::Any, |t, _| TypeTest::Nullable(Box::new(t)));
    let program = |t| {
        let mut p = hand_built_program();
        p.functions[0].code = vec![Op::IsInstance(t)];
        p
    };
    let p = program(nested(4));
    assert_round_trip(&p, &encode(&p), "four `?`");
    assert!(Writer::new().program(&program(nested(5))).is_err());
}

#[test]
fn strings_and_numbers_round_trip() {
    let mut w = Writer::new();
    for x in [0, 1, 127, 128, 16384, u32::MAX] {
        w.u32(x);
    }
    w.str("");
    w.str("a\u{0}b✓");
    let mut r = Reader::new(&w.bytes);
    for x in [0, 1, 127, 128, 16384, u32::MAX] {
        assert_eq!(r.u32(), Some(x));
    }
    assert_eq!(r.str().as_deref(), Some(""));
    assert_eq!(r.str().as_deref(), Some("a\u{0}b✓"));
    assert!(r.at_end());
    assert_eq!(r.u32(), None);
    // A length beyond the bytes, invalid UTF-8 and a number beyond 32 bits give None.
    assert_eq!(Reader::new(&[5, b'a']).str(), None);
    assert_eq!(Reader::new(&[2, 0xc3, 0x28]).str(), None);
    assert_eq!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).u32(), None);
}

/// Parameters of every kind and value type, by hand.
fn hand_built_params() -> Vec<Param> {
    let span = Span { start: 3, end: 8 };
    let param = |name: &str, default, kind| Param { name: name.into(), default, kind, label: format!("{name} label"), value_span: span };
    vec![
        param("ms", ParamValue::Int(200), ParamKind::Range { min: ParamValue::Int(-50), max: ParamValue::Int(2000), step: ParamValue::Int(50) }),
        param("big", ParamValue::Long(i64::MAX), ParamKind::Range { min: ParamValue::Long(i64::MIN), max: ParamValue::Long(i64::MAX), step: ParamValue::Long(1) }),
        param("ratio", ParamValue::Double(0.25), ParamKind::Range { min: ParamValue::Double(0.0), max: ParamValue::Double(1.0), step: ParamValue::Double(0.05) }),
        param("fail", ParamValue::Bool(true), ParamKind::Toggle),
        param("scope", ParamValue::Str("supervisorScope".into()), ParamKind::Choice(vec!["coroutineScope".into(), "supervisorScope".into(), String::new()])),
        param("none", ParamValue::Str(String::new()), ParamKind::Choice(vec![])),
    ]
}

fn hand_built_diagnostics() -> Vec<Diagnostic> {
    vec![
        Diagnostic::error(Span { start: 0, end: 4 }, "unresolved reference 'dleay'").with_help("did you mean 'delay'?"),
        Diagnostic::warning(Span { start: 100, end: 90 }, ""),
    ]
}

#[test]
fn params_and_diagnostics_round_trip() {
    let mut ps = hand_built_params();
    let mut ds = hand_built_diagnostics();
    let mut from_lessons = 0;
    for path in lesson_files() {
        let source = std::fs::read_to_string(&path).expect("a readable scenario");
        let (p, d) = params(&source);
        from_lessons += p.len();
        ps.extend(p);
        ds.extend(d);
        // The compiler's warnings, when a scenario has any.
        ds.extend(engine::diagnostics(&source));
    }
    assert!(from_lessons >= 10, "only {from_lessons} parameters in the lessons");
    // And the diagnostics of the programs that do not compile.
    let invalid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/frontend/invalid");
    let mut files = Vec::new();
    kt_files(&invalid, &mut files);
    for f in files {
        ds.extend(engine::diagnostics(&std::fs::read_to_string(f).expect("a readable program")));
    }
    assert!(ds.iter().any(|d| d.help.is_some()) && ds.iter().any(|d| d.help.is_none()));

    let mut w = Writer::new();
    ps.iter().for_each(|p| w.param(p));
    ds.iter().for_each(|d| w.diagnostic(d));
    let mut r = Reader::new(&w.bytes);
    for p in &ps {
        assert_eq!(r.param().as_ref(), Some(p));
    }
    for d in &ds {
        assert_eq!(r.diagnostic().as_ref(), Some(d));
    }
    assert!(r.at_end());
}

/// The largest lesson scenario's encoding.
fn largest_lesson_encoding() -> Vec<u8> {
    lesson_files()
        .iter()
        .filter_map(|p| engine::compile_source(&std::fs::read_to_string(p).expect("a readable scenario"), "Main.kt").0)
        .map(|p| encode(&p))
        .max_by_key(|b| b.len())
        .expect("a lesson")
}

#[test]
fn every_truncation_is_refused() {
    let bytes = largest_lesson_encoding();
    for n in 0..bytes.len() {
        assert!(Reader::new(&bytes[..n]).program().is_none(), "a prefix of {n} bytes decoded");
    }
    for p in hand_built_params() {
        let mut w = Writer::new();
        w.param(&p);
        for n in 0..w.bytes.len() {
            assert!(Reader::new(&w.bytes[..n]).param().is_none());
        }
    }
    for d in hand_built_diagnostics() {
        let mut w = Writer::new();
        w.diagnostic(&d);
        for n in 0..w.bytes.len() {
            assert!(Reader::new(&w.bytes[..n]).diagnostic().is_none());
        }
    }
}

/// A fixed-seed linear congruential generator (Knuth's MMIX constants): garbage that is the
/// same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Decodes everything from `bytes` and touches the result, as a caller would.
fn decode_all(bytes: &[u8]) -> usize {
    let mut n = 0;
    n += Reader::new(bytes).program().map_or(0, |p| format!("{p:?}").len());
    n += Reader::new(bytes).value().map_or(0, |v| format!("{v:?}").len());
    n += Reader::new(bytes).param().map_or(0, |p| format!("{p:?}").len());
    n += Reader::new(bytes).diagnostic().map_or(0, |d| format!("{d:?}").len());
    n += Reader::new(bytes).str().map_or(0, |s| s.len());
    n
}

#[test]
fn garbage_never_panics() {
    let mut rng = Lcg(0x5eed);
    // Random bytes: small values are likelier, as they reach further into the decoder.
    for i in 0..5000 {
        let len = (rng.next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| if i % 2 == 0 { rng.next() as u8 } else { (rng.next() % 8) as u8 }).collect();
        decode_all(&bytes);
    }
    // A valid encoding with a few bytes changed gets deep into the decoder before it goes
    // wrong, if it does.
    let valid = largest_lesson_encoding();
    let hand = encode(&hand_built_program());
    for i in 0..3000 {
        let mut bytes = if i % 3 == 0 { hand.clone() } else { valid.clone() };
        for _ in 0..1 + rng.next() % 3 {
            let at = (rng.next() as usize) % bytes.len();
            bytes[at] = rng.next() as u8;
        }
        decode_all(&bytes);
    }
    // Lengths and nesting at their limits.
    decode_all(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
    decode_all(&[0xff; 64]);
    // A program whose one function's one instruction is `IsInstance` (code 54) of a type
    // with 100,000 `?`.
    let mut deep = vec![0, 1, 0, 0, 0, 0, 0, 0, 1, 54];
    deep.extend(std::iter::repeat_n(3, 100_000));
    decode_all(&deep);
}
