//! A compact binary encoding of compiled programs, lesson parameters and diagnostics, so that
//! the page can ship the course's programs precompiled instead of shipping the compiler.
//!
//! The stream is a sequence of unsigned LEB128 varints, with a few derived forms: signed
//! numbers are zigzag-encoded, a `Double` is the varint of its bits with the bytes reversed
//! (the low mantissa bits of a short decimal are zeros, so its encoding is short), a string is
//! its length and its UTF-8 bytes, a list its length and its elements. An enum without data is
//! the index of its variant in a static table of all variants, so adding a variant only means
//! appending it to a table. Spans and line starts are deltas from the previous ones, since a
//! function's instructions come mostly in source order. There is no header: the reader of a
//! stream knows what it holds.
//!
//! The [`Reader`] runs in the page's WebAssembly, where its code size counts: it is one
//! non-generic struct with a few primitive methods, and it never panics, whatever the bytes:
//! truncated or garbage input gives `None`. A length read from the input is never trusted for
//! an allocation beyond the bytes that remain, since every element takes at least one byte.
//! The decoder checks the form of the stream, not what a program means: an index out of
//! range (a function, a symbol, a jump target) is decoded as written, so only bytes made by
//! the [`Writer`] from a compiled program give a program the VM can run.
//!
//! The [`Writer`] runs natively (the build, tests); it may be simple and is not size-tuned.

use std::mem::discriminant;
use std::rc::Rc;

use crate::builtins::{Builtin, CollectionClass, Const, MathKind, RandomKind};
use crate::bytecode::{BinOp, Class, ClassId, EnumClass, FuncId, Function, Global, Op, Program, Sym, TypeTest};
use crate::exception::{ExcClass, ALL as EXC_CLASSES};
use crate::lang::params::{Param, ParamKind, ParamValue};
use crate::lang::{Diagnostic, Severity, Span};
use crate::value::{Range, RangeKind, Value};

/// Encodes into a growing byte vector.
#[derive(Debug, Default)]
pub struct Writer {
    /// The encoding so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Writer {
        Writer { bytes: Vec::new() }
    }

    /// Writes `x` as an unsigned LEB128 varint.
    pub fn u32(&mut self, x: u32) {
        self.u64(x as u64)
    }

    /// Writes a string: its length in bytes, then its UTF-8 bytes.
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Writes a constant value. A value that exists only while a program runs (an object, a
    /// job, a dispatcher, a context, a scope) has no encoding: the error names its variant.
    pub fn value(&mut self, v: &Value) -> Result<(), String> {
        let runtime = |name: &str| Err(format!("Value::{name} exists only while a program runs and has no encoding"));
        match v {
            Value::Absent => self.u32(0),
            Value::Unit => self.u32(1),
            Value::Null => self.u32(2),
            Value::Bool(b) => {
                self.u32(3);
                self.bool(*b);
            }
            Value::Int(i) => {
                self.u32(4);
                self.i64(*i as i64);
            }
            Value::Long(l) => {
                self.u32(5);
                self.i64(*l);
            }
            Value::Double(d) => {
                self.u32(6);
                self.f64(*d);
            }
            Value::Char(c) => {
                self.u32(7);
                self.u32(*c as u32);
            }
            Value::Str(s) => {
                self.u32(8);
                self.str(s);
            }
            Value::Range(r) => {
                self.u32(9);
                self.i64(r.first);
                self.i64(r.last);
                self.i64(r.step);
                self.index(RANGE_KINDS, &r.kind)?;
                self.bool(r.progression);
            }
            Value::Const(c) => {
                self.u32(10);
                self.index(CONSTS, c)?;
            }
            Value::Obj(_) => return runtime("Obj"),
            Value::Job(_) => return runtime("Job"),
            Value::Dispatcher(_) => return runtime("Dispatcher"),
            Value::Ctx(_) => return runtime("Ctx"),
            Value::Scope(_) => return runtime("Scope"),
        }
        Ok(())
    }

    /// Writes a compiled program; fails on what has no encoding (a run-time value among its
    /// constants, a variant missing from the codec's tables), naming it.
    pub fn program(&mut self, p: &Program) -> Result<(), String> {
        self.list(&p.symbols, |w, s| w.str(s));
        self.try_list(&p.functions, Writer::function)?;
        self.try_list(&p.classes, Writer::class)?;
        self.list(&p.enums, |w, e| {
            w.u32(e.class.0);
            w.u32(e.holder.0);
        });
        self.list(&p.globals, |w, g| {
            w.str(&g.name);
            w.u32(g.mutable as u32 | (g.volatile as u32) << 1);
            w.opt(g.init.map(|f| f.0));
            w.span(g.span, 0);
        });
        self.opt(p.main.map(|f| f.0));
        self.bool(p.main_takes_args);
        self.str(&p.file_class);
        self.str(&p.file_name);
        let mut prev = 0;
        self.list(&p.line_starts, |w, &x| {
            w.u32(x.wrapping_sub(prev));
            prev = x;
        });
        Ok(())
    }

    /// Writes a lesson parameter.
    pub fn param(&mut self, p: &Param) {
        self.str(&p.name);
        self.param_value(&p.default);
        match &p.kind {
            ParamKind::Range { min, max, step } => {
                self.u32(0);
                self.param_value(min);
                self.param_value(max);
                self.param_value(step);
            }
            ParamKind::Toggle => self.u32(1),
            ParamKind::Choice(choices) => {
                self.u32(2);
                self.list(choices, |w, c| w.str(c));
            }
        }
        self.str(&p.label);
        self.span(p.value_span, 0);
    }

    /// Writes a diagnostic.
    pub fn diagnostic(&mut self, d: &Diagnostic) {
        // A match rather than a table, so that a new severity cannot be encoded by mistake as
        // one of these.
        self.bool(match d.severity {
            Severity::Error => false,
            Severity::Warning => true,
        });
        self.span(d.span, 0);
        self.str(&d.message);
        self.bool(d.help.is_some());
        if let Some(help) = &d.help {
            self.str(help);
        }
    }

    fn u64(&mut self, mut x: u64) {
        while x >= 0x80 {
            self.bytes.push(x as u8 | 0x80);
            x >>= 7;
        }
        self.bytes.push(x as u8);
    }

    fn i64(&mut self, x: i64) {
        self.u64(((x << 1) ^ (x >> 63)) as u64)
    }

    /// Writes a Boolean as one byte.
    pub fn bool(&mut self, b: bool) {
        self.bytes.push(b as u8)
    }

    /// Writes bytes: their count, then the bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.bytes.extend_from_slice(b);
    }

    fn len(&mut self, n: usize) {
        self.u64(n as u64)
    }

    /// Writes a `Double`: the varint of its bits, bytes reversed.
    pub fn f64(&mut self, x: f64) {
        self.u64(x.to_bits().swap_bytes())
    }

    /// `None` as 0, `Some(x)` as `x + 1`, in 64 bits so that `u32::MAX` fits.
    fn opt(&mut self, x: Option<u32>) {
        self.u64(x.map_or(0, |x| x as u64 + 1))
    }

    /// A span as its start relative to `base` (zigzag, wrapping) and its length (wrapping),
    /// which round-trips any two `u32`s.
    fn span(&mut self, s: Span, base: u32) {
        let d = s.start.wrapping_sub(base) as i32;
        self.u32(((d << 1) ^ (d >> 31)) as u32);
        self.u32(s.end.wrapping_sub(s.start));
    }

    fn list<T>(&mut self, xs: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.len(xs.len());
        xs.iter().for_each(|x| item(self, x));
    }

    fn try_list<T>(&mut self, xs: &[T], mut item: impl FnMut(&mut Writer, &T) -> Result<(), String>) -> Result<(), String> {
        self.len(xs.len());
        xs.iter().try_for_each(|x| item(self, x))
    }

    fn ids(&mut self, xs: impl ExactSizeIterator<Item = u32>) {
        self.len(xs.len());
        xs.for_each(|x| self.u32(x));
    }

    fn index<T: PartialEq + std::fmt::Debug>(&mut self, table: &[T], x: &T) -> Result<(), String> {
        let i = table.iter().position(|t| t == x).ok_or_else(|| format!("{x:?} is missing from the codec's tables"))?;
        self.u32(i as u32);
        Ok(())
    }

    fn function(&mut self, f: &Function) -> Result<(), String> {
        self.str(&f.name);
        self.str(&f.frame_name);
        self.u32(f.n_params);
        self.u32(f.n_locals);
        self.u32(f.is_suspend as u32 | (f.is_lambda as u32) << 1 | (f.has_receiver as u32) << 2);
        self.u32(f.n_captures);
        self.try_list(&f.code, Writer::op)?;
        let mut base = 0;
        self.list(&f.spans, |w, s| {
            w.span(*s, base);
            base = s.start;
        });
        self.list(&f.local_names, |w, s| w.str(s));
        self.list(&f.local_ranges, |w, &(start, end)| {
            w.u32(start);
            w.u32(end.wrapping_sub(start));
        });
        self.span(f.span, 0);
        Ok(())
    }

    fn class(&mut self, c: &Class) -> Result<(), String> {
        self.str(&c.name);
        self.u32(c.is_object as u32 | (c.is_data as u32) << 1 | (c.init_by_outer as u32) << 2 | (c.is_scope as u32) << 3);
        self.ids(c.fields.iter().map(|s| s.0));
        self.try_list(&c.field_defaults, Writer::value)?;
        self.ids(c.data_fields.iter().map(|s| s.0));
        self.list(&c.methods, |w, (s, f)| {
            w.u32(s.0);
            w.u32(f.0);
        });
        self.ids(c.getters.iter().map(|s| s.0));
        self.ids(c.overrides.iter().map(|s| s.0));
        self.ids(c.supers.iter().map(|s| s.0));
        self.u32(c.init.0);
        self.opt(c.exception_base.map(|s| s.0));
        self.span(c.span, 0);
        Ok(())
    }

    fn op(&mut self, op: &Op) -> Result<(), String> {
        if let Some(i) = PLAIN_OPS.iter().position(|make| make() == *op) {
            self.u32(i as u32);
            return Ok(());
        }
        if let Some(n) = u32_operand(op) {
            // The table is the one place that says which code each of these has: try each
            // constructor with the operand.
            if let Some(i) = U32_OPS.iter().position(|make| make(n) == *op) {
                self.u32((PLAIN_OPS.len() + i) as u32);
                self.u32(n);
                return Ok(());
            }
        }
        // The others, in the order `Reader::op` numbers them.
        let code = |k: u32| (PLAIN_OPS.len() + U32_OPS.len()) as u32 + k;
        match op {
            Op::Push(v) => {
                self.u32(code(0));
                self.value(v)?;
            }
            Op::PushConst(c) => {
                self.u32(code(1));
                self.index(CONSTS, c)?;
            }
            Op::GetField { name, safe } => {
                self.u32(code(2));
                self.u32(name.0);
                self.bool(*safe);
            }
            Op::Binary(b) => {
                self.u32(code(3));
                self.index(BIN_OPS, b)?;
            }
            Op::IsInstance(ty) => {
                self.u32(code(4));
                self.type_test(ty)?;
            }
            Op::Cast { ty, safe } => {
                self.u32(code(5));
                self.type_test(ty)?;
                self.bool(*safe);
            }
            Op::Call { func, argc } => {
                self.u32(code(6));
                self.u32(func.0);
                self.u32(*argc);
            }
            Op::CallBuiltin { builtin, argc } => {
                self.u32(code(7));
                self.builtin(builtin)?;
                self.u32(*argc);
            }
            Op::CallMethod { name, argc, safe } => {
                self.u32(code(8));
                self.u32(name.0);
                self.u32(*argc);
                self.bool(*safe);
            }
            Op::CallInherited { name, argc, property } => {
                self.u32(code(9));
                self.u32(name.0);
                self.u32(*argc);
                self.bool(*property);
            }
            Op::MakeClosure { func, n_captures } => {
                self.u32(code(10));
                self.u32(func.0);
                self.u32(*n_captures);
            }
            Op::New { class, argc } => {
                self.u32(code(11));
                self.u32(class.0);
                self.u32(*argc);
            }
            Op::IterNext { slot, exit } => {
                self.u32(code(12));
                self.u32(*slot);
                self.u32(*exit);
            }
            Op::SkipIfPresent { slot, target } => {
                self.u32(code(13));
                self.u32(*slot);
                self.u32(*target);
            }
            other => return Err(format!("Op::{other:?} is missing from the codec's tables")),
        }
        Ok(())
    }

    fn type_test(&mut self, mut ty: &TypeTest) -> Result<(), String> {
        let mut depth = 0;
        loop {
            match ty {
                TypeTest::Nullable(inner) => {
                    depth += 1;
                    if depth > MAX_NULLABLE {
                        return Err(format!("a type test nests `?` more than {MAX_NULLABLE} times"));
                    }
                    self.u32(3);
                    ty = inner;
                }
                TypeTest::Builtin(s) => {
                    self.u32(0);
                    self.u32(s.0);
                    return Ok(());
                }
                TypeTest::Class(c) => {
                    self.u32(1);
                    self.u32(c.0);
                    return Ok(());
                }
                TypeTest::Any => {
                    self.u32(2);
                    return Ok(());
                }
            }
        }
    }

    fn builtin(&mut self, b: &Builtin) -> Result<(), String> {
        let i = BUILTINS.iter().position(|t| discriminant(t) == discriminant(b)).ok_or_else(|| format!("Builtin::{b:?} is missing from the codec's tables"))?;
        self.u32(i as u32);
        match b {
            Builtin::NewException(c) => self.index(EXC_CLASSES, c),
            Builtin::NewCollection(c) => self.index(COLLECTION_CLASSES, c),
            Builtin::RandomNext(k) => self.index(RANDOM_KINDS, k),
            Builtin::MathFn(k) => self.index(MATH_KINDS, k),
            _ => Ok(()),
        }
    }

    fn param_value(&mut self, v: &ParamValue) {
        match v {
            ParamValue::Int(i) => {
                self.u32(0);
                self.i64(*i);
            }
            ParamValue::Long(l) => {
                self.u32(1);
                self.i64(*l);
            }
            ParamValue::Double(d) => {
                self.u32(2);
                self.f64(*d);
            }
            ParamValue::Bool(b) => {
                self.u32(3);
                self.bool(*b);
            }
            ParamValue::Str(s) => {
                self.u32(4);
                self.str(s);
            }
        }
    }
}

/// Decodes from a byte slice. Every method returns `None`, without panicking, when the bytes
/// do not hold what it reads; the position is then unspecified.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Reads a list: its length, then `$item` as many times. The length is at most the number of
/// bytes left, since every element takes at least one, which bounds the allocation. A macro
/// rather than a generic method, which would be compiled once per element type anyway.
macro_rules! list {
    ($r:expr, $item:expr) => {{
        let n = $r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push($item);
        }
        v
    }};
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// Reads an unsigned LEB128 varint that fits in 32 bits.
    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    /// Reads a string written by [`Writer::str`]; `None` if it is not UTF-8.
    pub fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let s = std::str::from_utf8(self.bytes.get(self.pos..self.pos + n)?).ok()?;
        self.pos += n;
        Some(s.to_string())
    }

    /// Reads a constant value written by [`Writer::value`].
    pub fn value(&mut self) -> Option<Value> {
        Some(match self.u32()? {
            0 => Value::Absent,
            1 => Value::Unit,
            2 => Value::Null,
            3 => Value::Bool(self.bool()?),
            4 => Value::Int(i32::try_from(self.i64()?).ok()?),
            5 => Value::Long(self.i64()?),
            6 => Value::Double(self.f64()?),
            7 => Value::Char(char::from_u32(self.u32()?)?),
            8 => Value::Str(Rc::from(self.str()?)),
            9 => Value::Range(Rc::new(Range {
                first: self.i64()?,
                last: self.i64()?,
                step: self.i64()?,
                kind: *RANGE_KINDS.get(self.index()?)?,
                progression: self.bool()?,
            })),
            10 => Value::Const(*CONSTS.get(self.index()?)?),
            _ => return None,
        })
    }

    /// Reads a program written by [`Writer::program`].
    pub fn program(&mut self) -> Option<Program> {
        let symbols = list!(self, self.str()?);
        let functions = list!(self, self.function()?);
        let classes = list!(self, self.class()?);
        let enums = list!(self, EnumClass { class: ClassId(self.u32()?), holder: ClassId(self.u32()?) });
        let globals = list!(self, {
            let name = self.str()?;
            let flags = self.flags(2)?;
            Global { name, mutable: flags & 1 != 0, volatile: flags & 2 != 0, init: self.opt()?.map(FuncId), span: self.span(0)? }
        });
        let main = self.opt()?.map(FuncId);
        let main_takes_args = self.bool()?;
        let file_class = self.str()?;
        let file_name = self.str()?;
        let mut prev = 0u32;
        let line_starts = list!(self, {
            prev = prev.wrapping_add(self.u32()?);
            prev
        });
        Some(Program { functions, classes, enums, globals, symbols, main, main_takes_args, file_class, file_name, line_starts })
    }

    /// Reads a lesson parameter written by [`Writer::param`].
    pub fn param(&mut self) -> Option<Param> {
        let name = self.str()?;
        let default = self.param_value()?;
        let kind = match self.u32()? {
            0 => ParamKind::Range { min: self.param_value()?, max: self.param_value()?, step: self.param_value()? },
            1 => ParamKind::Toggle,
            2 => ParamKind::Choice(list!(self, self.str()?)),
            _ => return None,
        };
        Some(Param { name, default, kind, label: self.str()?, value_span: self.span(0)? })
    }

    /// Reads a diagnostic written by [`Writer::diagnostic`].
    pub fn diagnostic(&mut self) -> Option<Diagnostic> {
        let severity = if self.bool()? { Severity::Warning } else { Severity::Error };
        let span = self.span(0)?;
        let message = self.str()?;
        let help = if self.bool()? { Some(self.str()?) } else { None };
        Some(Diagnostic { severity, span, message, help })
    }

    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u64(&mut self) -> Option<u64> {
        let mut x = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            // The tenth byte holds the 64th bit only.
            if shift == 63 && b > 1 {
                return None;
            }
            x |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Some(x);
            }
            shift += 7;
        }
    }

    fn i64(&mut self) -> Option<i64> {
        let z = self.u64()?;
        Some((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    /// Reads what [`Writer::bytes`] wrote, in place.
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        let b = self.bytes.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(b)
    }

    /// Reads what [`Writer::bool`] wrote.
    pub fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// A bit set of `n` flags.
    fn flags(&mut self, n: u32) -> Option<u32> {
        self.u32().filter(|f| f >> n == 0)
    }

    /// A count of elements, at most the number of bytes left.
    fn len(&mut self) -> Option<usize> {
        let n = self.u64()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return None;
        }
        Some(n as usize)
    }

    fn index(&mut self) -> Option<usize> {
        Some(self.u32()? as usize)
    }

    /// Reads what [`Writer::f64`] wrote.
    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?.swap_bytes()))
    }

    fn opt(&mut self) -> Option<Option<u32>> {
        match self.u64()? {
            0 => Some(None),
            x => Some(Some(u32::try_from(x - 1).ok()?)),
        }
    }

    fn span(&mut self, base: u32) -> Option<Span> {
        let z = self.u32()?;
        let start = base.wrapping_add(((z >> 1) as i32 ^ -((z & 1) as i32)) as u32);
        Some(Span { start, end: start.wrapping_add(self.u32()?) })
    }

    fn syms(&mut self) -> Option<Vec<Sym>> {
        Some(list!(self, Sym(self.u32()?)))
    }

    fn function(&mut self) -> Option<Function> {
        let name = self.str()?;
        let frame_name = self.str()?;
        let n_params = self.u32()?;
        let n_locals = self.u32()?;
        let flags = self.flags(3)?;
        let n_captures = self.u32()?;
        let code = list!(self, self.op()?);
        let mut base = 0;
        let spans = list!(self, {
            let s = self.span(base)?;
            base = s.start;
            s
        });
        let local_names = list!(self, self.str()?);
        let local_ranges = list!(self, {
            let start = self.u32()?;
            (start, start.wrapping_add(self.u32()?))
        });
        Some(Function {
            name,
            frame_name,
            n_params,
            n_locals,
            is_suspend: flags & 1 != 0,
            is_lambda: flags & 2 != 0,
            has_receiver: flags & 4 != 0,
            n_captures,
            code,
            spans,
            local_names,
            local_ranges,
            span: self.span(0)?,
        })
    }

    fn class(&mut self) -> Option<Class> {
        let name = self.str()?;
        let flags = self.flags(4)?;
        Some(Class {
            name,
            is_object: flags & 1 != 0,
            is_data: flags & 2 != 0,
            init_by_outer: flags & 4 != 0,
            is_scope: flags & 8 != 0,
            fields: self.syms()?,
            field_defaults: list!(self, self.value()?),
            data_fields: self.syms()?,
            methods: list!(self, (Sym(self.u32()?), FuncId(self.u32()?))),
            getters: self.syms()?,
            overrides: self.syms()?,
            supers: list!(self, ClassId(self.u32()?)),
            init: FuncId(self.u32()?),
            exception_base: self.opt()?.map(Sym),
            span: self.span(0)?,
        })
    }

    fn op(&mut self) -> Option<Op> {
        let code = self.index()?;
        if let Some(make) = PLAIN_OPS.get(code) {
            return Some(make());
        }
        let code = code - PLAIN_OPS.len();
        if let Some(make) = U32_OPS.get(code) {
            return Some(make(self.u32()?));
        }
        // The others, in the order `Writer::op` numbers them.
        Some(match code - U32_OPS.len() {
            0 => Op::Push(self.value()?),
            1 => Op::PushConst(*CONSTS.get(self.index()?)?),
            2 => Op::GetField { name: Sym(self.u32()?), safe: self.bool()? },
            3 => Op::Binary(*BIN_OPS.get(self.index()?)?),
            4 => Op::IsInstance(self.type_test()?),
            5 => Op::Cast { ty: self.type_test()?, safe: self.bool()? },
            6 => Op::Call { func: FuncId(self.u32()?), argc: self.u32()? },
            7 => Op::CallBuiltin { builtin: self.builtin()?, argc: self.u32()? },
            8 => Op::CallMethod { name: Sym(self.u32()?), argc: self.u32()?, safe: self.bool()? },
            9 => Op::CallInherited { name: Sym(self.u32()?), argc: self.u32()?, property: self.bool()? },
            10 => Op::MakeClosure { func: FuncId(self.u32()?), n_captures: self.u32()? },
            11 => Op::New { class: ClassId(self.u32()?), argc: self.u32()? },
            12 => Op::IterNext { slot: self.u32()?, exit: self.u32()? },
            13 => Op::SkipIfPresent { slot: self.u32()?, target: self.u32()? },
            _ => return None,
        })
    }

    fn type_test(&mut self) -> Option<TypeTest> {
        // Reads the `?`s first, then the base type: a loop, not a recursion, and a bounded
        // one, since a long chain of boxes would overflow the stack when dropped.
        let mut depth = 0;
        let mut ty = loop {
            match self.u32()? {
                0 => break TypeTest::Builtin(Sym(self.u32()?)),
                1 => break TypeTest::Class(ClassId(self.u32()?)),
                2 => break TypeTest::Any,
                3 if depth < MAX_NULLABLE => depth += 1,
                _ => return None,
            }
        };
        for _ in 0..depth {
            ty = TypeTest::Nullable(Box::new(ty));
        }
        Some(ty)
    }

    fn builtin(&mut self) -> Option<Builtin> {
        Some(match *BUILTINS.get(self.index()?)? {
            Builtin::NewException(_) => Builtin::NewException(*EXC_CLASSES.get(self.index()?)?),
            Builtin::NewCollection(_) => Builtin::NewCollection(*COLLECTION_CLASSES.get(self.index()?)?),
            Builtin::RandomNext(_) => Builtin::RandomNext(*RANDOM_KINDS.get(self.index()?)?),
            Builtin::MathFn(_) => Builtin::MathFn(*MATH_KINDS.get(self.index()?)?),
            b => b,
        })
    }

    fn param_value(&mut self) -> Option<ParamValue> {
        Some(match self.u32()? {
            0 => ParamValue::Int(self.i64()?),
            1 => ParamValue::Long(self.i64()?),
            2 => ParamValue::Double(self.f64()?),
            3 => ParamValue::Bool(self.bool()?),
            4 => ParamValue::Str(self.str()?),
            _ => return None,
        })
    }
}

/// How many `?` a type test may nest. The compiler makes at most one (`T?`); the bound keeps
/// a crafted input from building a chain of boxes deep enough to overflow the stack.
const MAX_NULLABLE: u32 = 4;

/// The instructions without operands, by constructor; an instruction's code is its index
/// here. Constructors rather than values, since cloning a value would bring in the code that
/// clones every kind of instruction.
const PLAIN_OPS: &[fn() -> Op] = &[
    || Op::Preempt,
    || Op::GetIndex,
    || Op::SetIndex,
    || Op::Pop,
    || Op::Dup,
    || Op::Over,
    || Op::Swap,
    || Op::Neg,
    || Op::Not,
    || Op::NotNull,
    || Op::ToStr,
    || Op::Return,
    || Op::Throw,
    || Op::PopHandler,
    || Op::IterStart,
    || Op::MonitorEnter,
    || Op::MonitorExit,
    || Op::Clock,
    || Op::Nop,
    || Op::Unreachable,
];

/// The instructions with one `u32` operand, by constructor; their codes follow
/// [`PLAIN_OPS`]'s. Encoding finds the code by building each with the operand
/// ([`u32_operand`]), so this order is written only here.
const U32_OPS: &[fn(u32) -> Op] = &[
    |line| Op::Stmt { line },
    Op::Load,
    Op::Store,
    Op::LoadCell,
    Op::StoreCell,
    Op::NewCell,
    Op::LoadCapture,
    Op::StoreCapture,
    Op::PushCellRef,
    Op::PushCaptureRef,
    Op::LoadGlobal,
    Op::StoreGlobal,
    |n| Op::LoadObject(ClassId(n)),
    |n| Op::SetField(Sym(n)),
    |n| Op::FieldInitialized(Sym(n)),
    Op::GlobalInitialized,
    |n| Op::CheckLateinit(Sym(n)),
    Op::GetSlot,
    Op::SetSlot,
    Op::Jump,
    Op::JumpIfFalse,
    Op::JumpIfTrue,
    Op::JumpIfNull,
    Op::JumpIfNotNull,
    Op::Concat,
    |argc| Op::CallValue { argc },
    Op::PushHandler,
    Op::MakeList,
    Op::Component,
    Op::BoxLocal,
];

/// The operand of an instruction of [`U32_OPS`]; `None` for the others.
fn u32_operand(op: &Op) -> Option<u32> {
    match *op {
        Op::Stmt { line: n }
        | Op::Load(n)
        | Op::Store(n)
        | Op::LoadCell(n)
        | Op::StoreCell(n)
        | Op::NewCell(n)
        | Op::LoadCapture(n)
        | Op::StoreCapture(n)
        | Op::PushCellRef(n)
        | Op::PushCaptureRef(n)
        | Op::LoadGlobal(n)
        | Op::StoreGlobal(n)
        | Op::LoadObject(ClassId(n))
        | Op::SetField(Sym(n))
        | Op::FieldInitialized(Sym(n))
        | Op::GlobalInitialized(n)
        | Op::CheckLateinit(Sym(n))
        | Op::GetSlot(n)
        | Op::SetSlot(n)
        | Op::Jump(n)
        | Op::JumpIfFalse(n)
        | Op::JumpIfTrue(n)
        | Op::JumpIfNull(n)
        | Op::JumpIfNotNull(n)
        | Op::Concat(n)
        | Op::CallValue { argc: n }
        | Op::PushHandler(n)
        | Op::MakeList(n)
        | Op::Component(n)
        | Op::BoxLocal(n) => Some(n),
        _ => None,
    }
}

/// Every binary operator.
const BIN_OPS: &[BinOp] = {
    use BinOp::*;
    &[Add, Sub, Mul, Div, Rem, Eq, NotEq, Same, NotSame, Lt, Gt, LtEq, GtEq, RangeTo, Until, DownTo, Step, In, Pair, And, Or, Xor, Shl, Shr, Ushr]
};

/// Every built-in function; for one that carries data, any value of it: the data follows.
const BUILTINS: &[Builtin] = {
    use Builtin as B;
    &[
        B::Println, B::Print, B::Delay, B::Yield, B::RunBlocking, B::CoroutineScope, B::SupervisorScope, B::WithContext,
        B::WithTimeout, B::WithTimeoutOrNull, B::AwaitAll, B::JoinAll, B::CurrentContext, B::NewJob, B::NewSupervisorJob,
        B::NewCompletableDeferred, B::NewCoroutineName, B::NewExceptionHandler, B::NewScope, B::MainScope, B::NewMutex,
        B::NewSemaphore, B::NewAtomic, B::NewThreadLocal, B::ThreadLocalWithInitial, B::NewAny, B::NewStringBuilder,
        B::NewRandom, B::NewSingleThreadContext, B::NewFixedThreadPoolContext, B::NewFixedThreadPool,
        B::NewSingleThreadExecutor, B::NewCachedThreadPool, B::NewException(ExcClass::Throwable), B::Error, B::Todo,
        B::ListOf, B::ListOfNotNull, B::MutableListOf, B::EmptyList, B::MapOf, B::HashMapOf, B::ConcurrentHashMapOf,
        B::SetOf, B::HashSetOf, B::NewCollection(CollectionClass::ArrayList), B::NewPair, B::NewTriple, B::ArrayOf,
        B::StringFormat, B::MaxOf, B::MinOf, B::Abs, B::Sqrt, B::CurrentTimeMillis, B::NanoTime, B::ThreadSleep,
        B::CurrentThread, B::DebugProbesInstall, B::DebugProbesUninstall, B::DebugProbesDump,
        B::RandomNext(RandomKind::Double), B::MathFn(MathKind::JavaRound), B::ResultSuccess, B::ResultFailure,
        B::SortByKeys, B::Repeat, B::NewChannel,
    ]
};

/// Every built-in constant.
const CONSTS: &[Const] = {
    use Const::*;
    &[
        GlobalScope, DispatchersDefault, DispatchersIo, DispatchersMain, DispatchersUnconfined, NonCancellable, EmptyContext,
        StartDefault, StartLazy, StartAtomic, StartUndispatched, KeyJob, KeyName, KeyHandler, KeyDispatcher, SystemOut,
        SystemErr, RandomDefault,
    ]
};

/// Every Java collection class a program can construct.
const COLLECTION_CLASSES: &[CollectionClass] = {
    use CollectionClass::*;
    &[ArrayList, HashSet, LinkedHashSet, HashMap, LinkedHashMap]
};

/// Every `Math` function.
const MATH_KINDS: &[MathKind] = {
    use MathKind::*;
    &[JavaRound, Round, Floor, Ceil, Pow, FloorMod, FloorDiv]
};

/// Every random draw.
const RANDOM_KINDS: &[RandomKind] = &[RandomKind::Double, RandomKind::Int, RandomKind::Long, RandomKind::Bool];

/// Every element type of a range.
const RANGE_KINDS: &[RangeKind] = &[RangeKind::Int, RangeKind::Long, RangeKind::Char];

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the variants of `pub enum name` in `source`, read from the text: the
    /// lines indented once inside its body that start with a capital.
    fn variants(source: &str, name: &str) -> Vec<String> {
        let header = format!("pub enum {name} {{");
        let body = source.lines().skip_while(|l| l.trim_end() != header).skip(1).take_while(|l| !l.starts_with('}'));
        body.filter(|l| l.starts_with("    ") && l[4..].starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|l| l[4..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
            .collect()
    }

    /// The variant names of the values of a table, as `Debug` prints them.
    fn names<T: std::fmt::Debug>(table: &[T]) -> Vec<String> {
        table.iter().map(|x| format!("{x:?}").chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()).collect()
    }

    /// Each table lists every variant of its enum exactly once, in declaration order, so a
    /// variant added to an enum and not to its table fails here rather than at encoding.
    #[test]
    fn tables_list_every_variant() {
        let builtins = include_str!("builtins.rs");
        let bytecode = include_str!("bytecode.rs");
        assert_eq!(names(BUILTINS), variants(builtins, "Builtin"));
        assert_eq!(names(CONSTS), variants(builtins, "Const"));
        assert_eq!(names(COLLECTION_CLASSES), variants(builtins, "CollectionClass"));
        assert_eq!(names(MATH_KINDS), variants(builtins, "MathKind"));
        assert_eq!(names(RANDOM_KINDS), variants(builtins, "RandomKind"));
        assert_eq!(names(BIN_OPS), variants(bytecode, "BinOp"));
        assert_eq!(names(EXC_CLASSES), variants(include_str!("exception.rs"), "ExcClass"));
        assert_eq!(names(RANGE_KINDS), variants(include_str!("value.rs"), "RangeKind"));
        assert_eq!(variants(include_str!("lang/diagnostic.rs"), "Severity"), ["Error", "Warning"]);
        // Every instruction has a code: in one of the two tables or among the others.
        let mut ops = names(&PLAIN_OPS.iter().map(|make| make()).collect::<Vec<_>>());
        ops.extend(names(&U32_OPS.iter().map(|make| make(0)).collect::<Vec<_>>()));
        let others = ["Push", "PushConst", "GetField", "Binary", "IsInstance", "Cast", "Call", "CallBuiltin", "CallMethod", "CallInherited", "MakeClosure", "New", "IterNext", "SkipIfPresent"];
        ops.extend(others.iter().map(|s| s.to_string()));
        ops.sort();
        let mut all = variants(bytecode, "Op");
        all.sort();
        assert_eq!(ops, all);
        // Codes below 128 take one byte.
        assert!(ops.len() <= 128);
    }

    /// Every instruction of the two tables comes back from its code.
    #[test]
    fn table_instructions_round_trip() {
        let mut w = Writer::new();
        let ops: Vec<Op> = PLAIN_OPS.iter().map(|make| make()).chain(U32_OPS.iter().map(|make| make(300))).collect();
        for op in &ops {
            w.op(op).expect("encodable");
        }
        let mut r = Reader::new(&w.bytes);
        for op in &ops {
            assert_eq!(r.op().as_ref(), Some(op));
        }
        assert!(r.at_end());
    }

    #[test]
    fn varints_round_trip_at_the_edges() {
        let mut w = Writer::new();
        let xs = [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
        let is = [0, -1, 1, i64::MIN, i64::MAX];
        xs.iter().for_each(|&x| w.u64(x));
        is.iter().for_each(|&x| w.i64(x));
        let mut r = Reader::new(&w.bytes);
        assert!(xs.iter().all(|&x| r.u64() == Some(x)));
        assert!(is.iter().all(|&x| r.i64() == Some(x)));
        assert!(r.at_end());
        // Eleven bytes, or a tenth above 1, overflow 64 bits.
        assert_eq!(Reader::new(&[0xff; 11]).u64(), None);
        assert_eq!(Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]).u64(), None);
        assert_eq!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).u32(), None);
    }
}
