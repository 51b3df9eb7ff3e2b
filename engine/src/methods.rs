//! Methods and properties of built-in values: jobs, scopes, contexts, dispatchers, locks,
//! exceptions, results, collections, strings and numbers.

use std::rc::Rc;

use crate::bytecode::Sym;
use crate::exception::ExcClass;
use crate::lang::Span;
use crate::strand::OnReturn;
use crate::value::{MapPart, Context, HeapObj, ListKind, ObjId, StrandId, ThreadId, Value};
use crate::vm::{Exec, Fault, NResult, Native};
use crate::world::{DispatcherKind, World};

fn ok(v: Value) -> NResult {
    Ok(Native::Value(v))
}

/// `0..len - 1`, the `indices` of a collection or a String.
fn indices(len: usize) -> Value {
    Value::Range(Rc::new(crate::value::Range { first: 0, last: len as i64 - 1, step: 1, kind: crate::value::RangeKind::Int, progression: false }))
}

fn int_or_long(v: i64, like: &Value) -> Value {
    match like {
        Value::Long(_) => Value::Long(v),
        _ => Value::Int(v as i32),
    }
}

/// The internal method that gives a Result's value as a list of none or one element, for the
/// inlined `Result.map { }` (see `compiler::inline`).
pub const RESULT_VALUES: &str = "<resultValues>";

/// The members of `CoroutineScope` (and its extensions) that an instance of a class
/// implementing it serves from its `coroutineContext`.
const SCOPE_MEMBERS: &[&str] = &["launch", "async", "produce", "cancel", "isActive", "ensureActive", "plus"];

impl World {
    pub(crate) fn no_member(&self, recv: &Value, name: &str) -> Fault {
        Fault::Stop(format!("{} has no member '{name}'", self.type_name(recv)))
    }

    /// What `list[index]` (also `set`, `removeAt`, `elementAt`) throws for a bad index, by the
    /// JVM class behind the list.
    fn index_error(&mut self, list: ObjId, index: i64, len: usize) -> Fault {
        let (class, msg) = match self.heap.list_kind(list) {
            ListKind::Empty => (ExcClass::IndexOutOfBoundsException, format!("Empty list doesn't contain element at index {index}.")),
            ListKind::Singleton => (ExcClass::IndexOutOfBoundsException, format!("Index: {index}, Size: {len}")),
            ListKind::Array | ListKind::Fixed => (ExcClass::ArrayIndexOutOfBoundsException, format!("Index {index} out of bounds for length {len}")),
            ListKind::ArrayList => (ExcClass::IndexOutOfBoundsException, format!("Index {index} out of bounds for length {len}")),
        };
        self.throw_new(class, &msg)
    }

    fn throw_new(&mut self, class: ExcClass, msg: &str) -> Fault {
        let e = self.new_exception(class, Some(msg), None);
        Fault::Throw(e)
    }

    /// Reads a property.
    pub(crate) fn get_field(&mut self, s: StrandId, ex: &mut Exec, recv: Value, name: Sym, span: Span) -> NResult {
        let program = self.program.clone();
        let n = program.sym(name);
        // User objects: fields first, then getters, then zero-argument built-ins such as toString.
        if let Value::Obj(o) = &recv {
            let (class, fields) = match self.heap.get(*o) {
                HeapObj::Instance { class, fields } => (Some(*class), Some(fields)),
                HeapObj::Exception(e) => (e.user_class.as_ref().map(|(c, _)| *c), e.user_class.as_ref().map(|(_, f)| f)),
                _ => (None, None),
            };
            if let (Some(class), Some(fields)) = (class, fields) {
                let c = &program.classes[class.0 as usize];
                // `localizedMessage` is `message` (getLocalizedMessage() calls getMessage()), the
                // class's own when it overrides it.
                let name = match program.find_sym("message") {
                    Some(m) if n == "localizedMessage" && c.exception_base.is_some() && !c.getters.contains(&name) => m,
                    _ => name,
                };
                // A getter first: a subclass may compute a property its superclass stores.
                if c.getters.contains(&name) {
                    if let Some(&(_, f)) = c.methods.iter().find(|(m, _)| *m == name) {
                        self.push_frame(ex, f, None, vec![recv], OnReturn::Push, span).map_err(Fault::Throw)?;
                        return Ok(Native::Pushed);
                    }
                }
                if let Some(i) = c.slot(name) {
                    let v = fields[i].clone();
                    // A `lateinit` property not yet set.
                    if matches!(v, Value::Absent) {
                        return Err(self.lateinit_unset(program.sym(name)));
                    }
                    return ok(v);
                }
            }
        }
        let t = self.current_thread.unwrap_or(crate::world::MAIN_THREAD);
        self.call_method_named(t, s, ex, recv, n, Vec::new(), span, true)
    }

    /// What reading a `lateinit` property that was never set throws.
    pub(crate) fn lateinit_unset(&mut self, name: &str) -> Fault {
        self.throw_new(ExcClass::UninitializedPropertyAccessException, &format!("lateinit property {name} has not been initialized"))
    }

    /// Writes a property.
    #[inline(never)]
    pub(crate) fn set_field(&mut self, recv: Value, name: Sym, v: Value) -> Result<(), Fault> {
        let program = self.program.clone();
        let n = program.sym(name);
        if let Value::Obj(o) = &recv {
            match self.heap.get_mut(*o) {
                HeapObj::Instance { class, fields } => {
                    let c = &program.classes[class.0 as usize];
                    if let Some(i) = c.slot(name) {
                        fields[i] = v;
                        return Ok(());
                    }
                }
                HeapObj::Exception(e) => {
                    if let Some((class, fields)) = &mut e.user_class {
                        let c = &program.classes[class.0 as usize];
                        if let Some(i) = c.slot(name) {
                            fields[i] = v;
                            return Ok(());
                        }
                    }
                }
                HeapObj::Atomic(slot) if n == "value" => {
                    *slot = v;
                    return Ok(());
                }
                _ => {}
            }
        }
        Err(Fault::Stop(format!("cannot set '{n}' on {}", self.type_name(&recv))))
    }

    /// The name of field `i` of a user object.
    pub(crate) fn slot_name(&self, recv: &Value, i: usize) -> String {
        self.program_class_of(recv).and_then(|c| self.program.classes[c.0 as usize].fields.get(i)).map(|f| self.program.sym(*f).to_string()).unwrap_or_default()
    }

    /// The fields of a user object, for the slot instructions.
    pub(crate) fn slots_mut(&mut self, recv: &Value) -> Option<&mut Vec<Value>> {
        let Value::Obj(o) = recv else { return None };
        match self.heap.get_mut(*o) {
            HeapObj::Instance { fields, .. } => Some(fields),
            HeapObj::Exception(e) => e.user_class.as_mut().map(|(_, f)| f),
            _ => None,
        }
    }

    /// `receiver[index]`.
    pub(crate) fn get_index(&mut self, recv: Value, idx: Value) -> Result<Value, Fault> {
        match &recv {
            // Read in place: copying the list at every `xs[i]` would make a loop over it quadratic.
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::List(items) => {
                    let i = idx.as_i64().ok_or_else(|| Fault::Stop("a list index must be an Int".into()))?;
                    match usize::try_from(i).ok().and_then(|i| items.get(i)) {
                        Some(v) => Ok(v.clone()),
                        None => {
                            let len = items.len();
                            Err(self.index_error(*o, i, len))
                        }
                    }
                }
                HeapObj::Map(entries) => Ok(entries.iter().find(|(k, _)| self.equals(k, &idx)).map(|(_, v)| v.clone()).unwrap_or(Value::Null)),
                HeapObj::StringBuilder(_) => match self.string_builder_method(*o, &recv, "get", &[idx], false)? {
                    Native::Value(v) => Ok(v),
                    _ => Ok(Value::Unit),
                },
                _ => Err(Fault::Stop(format!("{} cannot be indexed", self.type_name(&recv)))),
            },
            Value::Str(text) => {
                let i = idx.as_i64().unwrap_or(-1);
                let chars: Vec<char> = text.chars().collect();
                if i < 0 || i as usize >= chars.len() {
                    return Err(self.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("String index out of range: {i}")));
                }
                Ok(Value::Char(chars[i as usize]))
            }
            Value::Ctx(c) | Value::Scope(c) => Ok(self.context_get(c, &idx)),
            Value::Job(_) | Value::Dispatcher(_) => {
                let c = self.to_context(&recv)?;
                Ok(self.context_get(&c, &idx))
            }
            _ => Err(Fault::Stop(format!("{} cannot be indexed", self.type_name(&recv)))),
        }
    }

    /// `receiver[index] = v`.
    pub(crate) fn set_index(&mut self, recv: Value, idx: Value, v: Value) -> Result<(), Fault> {
        let Value::Obj(o) = &recv else { return Err(Fault::Stop(format!("{} cannot be indexed", self.type_name(&recv)))) };
        let o = *o;
        match self.heap.get(o) {
            HeapObj::List(items) => {
                let i = idx.as_i64().ok_or_else(|| Fault::Stop("a list index must be an Int".into()))?;
                let len = items.len();
                if i < 0 || i as usize >= len {
                    return Err(self.index_error(o, i, len));
                }
                if let HeapObj::List(items) = self.heap.get_mut(o) {
                    items[i as usize] = v;
                }
                Ok(())
            }
            HeapObj::Map(entries) => {
                let pos = entries.iter().position(|(k, _)| self.equals(k, &idx));
                if let HeapObj::Map(entries) = self.heap.get_mut(o) {
                    match pos {
                        Some(p) => entries[p].1 = v,
                        None => entries.push((idx, v)),
                    }
                }
                if pos.is_none() {
                    self.heap.count_change(o);
                    self.order_as_hash_map(o);
                }
                Ok(())
            }
            _ => Err(Fault::Stop(format!("{} cannot be indexed", self.type_name(&recv)))),
        }
    }

    /// `coroutineContext[Key]`.
    fn context_get(&self, c: &Context, key: &Value) -> Value {
        use crate::builtins::Const;
        match key {
            Value::Const(Const::KeyJob) => c.job.map(Value::Job).unwrap_or(Value::Null),
            Value::Const(Const::KeyName) => c.name.as_ref().map(|n| Value::Ctx(Rc::new(Context { name: Some(n.clone()), ..Context::default() }))).unwrap_or(Value::Null),
            Value::Const(Const::KeyHandler) => c.handler.map(|h| Value::Ctx(Rc::new(Context { handler: Some(h), ..Context::default() }))).unwrap_or(Value::Null),
            Value::Const(Const::KeyDispatcher) => c.dispatcher.map(Value::Dispatcher).unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    /// The first two components of a pair, list or map entry (`val (a, b) = …`).
    #[inline(never)]
    pub(crate) fn component(&mut self, v: &Value, n: u32) -> Result<Value, Fault> {
        match v {
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::Pair(a, b) | HeapObj::Entry(a, b) => Ok(if n == 0 { a.clone() } else if n == 1 { b.clone() } else { Value::Null }),
                HeapObj::Triple(t) => Ok(t.get(n as usize).cloned().unwrap_or(Value::Null)),
                HeapObj::List(items) => {
                    let len = items.len();
                    let o = *o;
                    items.get(n as usize).cloned().ok_or_else(|| self.index_error(o, n as i64, len))
                }
                HeapObj::Instance { class, fields } => {
                    let c = &self.program.classes[class.0 as usize];
                    let f = c.data_fields.get(n as usize).ok_or_else(|| Fault::Stop(format!("{} has no component{}", c.name, n + 1)))?;
                    let i = c.slot(*f).unwrap_or(0);
                    Ok(fields[i].clone())
                }
                _ => Err(Fault::Stop(format!("{} cannot be destructured", self.type_name(v)))),
            },
            _ => Err(Fault::Stop(format!("{} cannot be destructured", self.type_name(v)))),
        }
    }

    /// Calls method `name`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn call_method(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec, recv: Value, name: Sym, args: Vec<Value>, span: Span) -> NResult {
        let program = self.program.clone();
        // User class methods.
        if let Some(c) = self.program_class_of(&recv) {
            let class = &program.classes[c.0 as usize];
            if let Some((_, f)) = class.methods.iter().find(|(m, _)| *m == name) {
                // A property of function type computed by a getter: `obj.f(x)` is
                // `obj.f.invoke(x)`; the getter runs, then its value is called with the
                // arguments, which wait under its frame.
                if class.getters.contains(&name) {
                    let argc = args.len() as u32;
                    ex.stack.extend(args);
                    self.push_frame(ex, *f, None, vec![recv], OnReturn::Invoke { argc, span }, span).map_err(Fault::Throw)?;
                    return Ok(Native::Pushed);
                }
                let mut all = vec![recv];
                all.extend(args);
                self.push_frame(ex, *f, None, all, OnReturn::Push, span).map_err(Fault::Throw)?;
                return Ok(Native::Pushed);
            }
            // A property holding a function (no member function has its name, which would
            // come first): `obj.onEvent(x)` is `obj.onEvent.invoke(x)`.
            if let Some(i) = class.slot(name) {
                let value = match self.heap.get(recv.as_obj().expect("an instance is an object")) {
                    HeapObj::Instance { fields, .. } => fields.get(i).cloned(),
                    HeapObj::Exception(e) => e.user_class.as_ref().and_then(|(_, f)| f.get(i).cloned()),
                    _ => None,
                };
                if let Some(f) = value {
                    return self.call_value(s, ex, f, args, span);
                }
            }
        }
        let n = program.sym(name).to_string();
        if let Some(r) = self.enum_method(&recv, &n, &args) {
            return r;
        }
        self.call_method_named(t, s, ex, recv, &n, args, span, false)
    }

    /// Calls the method a value's class declares for an operator (`plus` for `+`, `get` for
    /// `a[i]`, `invoke` for `a()`), when the value is an instance of one of the program's
    /// classes and its class has one; `None` leaves the operator to the built-in types.
    pub(crate) fn operator_call(&mut self, ex: &mut Exec, recv: &Value, name: &str, args: &[Value], on_return: OnReturn, span: Span) -> Option<NResult> {
        let class = self.program_class_of(recv)?;
        let program = &self.program;
        let arity = args.len() as u32 + 1;
        let &(_, f) = program.classes[class.0 as usize].methods.iter().find(|(m, f)| program.sym(*m) == name && program.functions[f.0 as usize].n_params == arity)?;
        let mut all = vec![recv.clone()];
        all.extend_from_slice(args);
        Some(self.push_frame(ex, f, None, all, on_return, span).map(|()| Native::Pushed).map_err(Fault::Throw))
    }

    /// The class of the program a value is an instance of (an exception class's too).
    pub(crate) fn program_class_of(&self, v: &Value) -> Option<crate::bytecode::ClassId> {
        let Value::Obj(o) = v else { return None };
        match self.heap.get(*o) {
            HeapObj::Instance { class, .. } => Some(*class),
            HeapObj::Exception(e) => e.user_class.as_ref().map(|(c, _)| *c),
            _ => None,
        }
    }

    /// The `toString()` a value's class declares, if it is an instance of one of the program's
    /// classes that overrides it.
    pub(crate) fn own_to_string(&self, v: &Value) -> Option<crate::bytecode::FuncId> {
        self.own_method(v, "toString", 0)
    }

    /// The function of the program that gives a value's text, and what to make of its
    /// result: the class's own `toString()`, or for an exception class, its own `message`
    /// getter, which `Throwable.toString()` reads (`MyError: text`).
    pub(crate) fn own_text(&self, v: &Value) -> Option<(crate::bytecode::FuncId, OnReturn)> {
        if let Some(f) = self.own_to_string(v) {
            return Some((f, OnReturn::Push));
        }
        let Value::Obj(o) = v else { return None };
        let HeapObj::Exception(e) = self.heap.get(*o) else { return None };
        let class = &self.program.classes[e.user_class.as_ref()?.0 .0 as usize];
        let (_, f) = class.methods.iter().find(|(m, _)| self.program.sym(*m) == "message" && class.getters.contains(m))?;
        Some((*f, OnReturn::ThrowableText(Rc::from(class.name.as_str()))))
    }

    /// The method `name` with `arity` parameters that a value's class declares with
    /// `override`, if it is an instance of one of the program's classes.
    pub(crate) fn own_method(&self, v: &Value, name: &str, arity: u32) -> Option<crate::bytecode::FuncId> {
        let class = self.program_class_of(v)?;
        let program = &self.program;
        let class = &program.classes[class.0 as usize];
        class.methods.iter().find(|(m, f)| program.sym(*m) == name && program.functions[f.0 as usize].n_params == arity + 1 && class.overrides.contains(m)).map(|(_, f)| *f)
    }

    /// Whether a value is a `CoroutineScope`: a built-in one, or an instance of a class that
    /// implements it.
    pub(crate) fn is_scope_value(&self, v: &Value) -> bool {
        match v {
            Value::Scope(_) | Value::Const(crate::builtins::Const::GlobalScope) => true,
            Value::Obj(o) => matches!(self.heap.get(*o), HeapObj::Instance { class, .. } if self.program.classes[class.0 as usize].is_scope),
            _ => false,
        }
    }

    /// The getter of `coroutineContext` of an instance of a class that implements
    /// `CoroutineScope`, when the class computes it.
    fn scope_getter(&self, v: &Value) -> Option<crate::bytecode::FuncId> {
        let Value::Obj(o) = v else { return None };
        let HeapObj::Instance { class, .. } = self.heap.get(*o) else { return None };
        let class = &self.program.classes[class.0 as usize];
        if !class.is_scope {
            return None;
        }
        class.methods.iter().find(|(m, _)| class.getters.contains(m) && self.program.sym(*m) == "coroutineContext").map(|(_, f)| *f)
    }

    /// The `coroutineContext` an instance of a class that implements `CoroutineScope` keeps
    /// in a field.
    fn scope_field(&self, v: &Value) -> Option<Value> {
        let Value::Obj(o) = v else { return None };
        let HeapObj::Instance { class, fields } = self.heap.get(*o) else { return None };
        let class = &self.program.classes[class.0 as usize];
        if !class.is_scope {
            return None;
        }
        let slot = class.slot(self.program.find_sym("coroutineContext")?)?;
        Some(fields[slot].clone())
    }

    /// The context of a scope, from what its `coroutineContext` gave: null (a field read
    /// before the initializer set it) fails as `scope.coroutineContext + context` does on
    /// the JVM.
    pub(crate) fn scope_context(&mut self, v: &Value) -> Result<Context, Fault> {
        if v.is_null() {
            let e = self.new_exception(ExcClass::NullPointerException, None, None);
            return Err(Fault::Throw(e));
        }
        self.to_context(v)
    }

    /// Methods and properties of built-in values, by name. `property` is set for reads
    /// without parentheses.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn call_method_named(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec, recv: Value, n: &str, args: Vec<Value>, span: Span, property: bool) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(&args, i);
        // Members every value has.
        match n {
            "toString" if args.is_empty() => {
                if let Some((f, on_return)) = self.own_text(&recv) {
                    self.push_frame(ex, f, None, vec![recv], on_return, span).map_err(Fault::Throw)?;
                    return Ok(Native::Pushed);
                }
                if let Some(msg) = self.unprintable(&recv) {
                    return Err(Fault::Stop(msg));
                }
                return ok(Value::str(&self.to_kstring(&recv)));
            }
            "javaClass" if property && !recv.is_null() => return self.class_of(&recv, false),
            // `x::class`, compiled as this synthetic property read.
            "<class>" if !recv.is_null() => return self.class_of(&recv, true),
            // `Foo::class` for a type: the compiler pushes the class's JVM name.
            "<class literal>" => {
                let java_name: Rc<str> = match &recv {
                    Value::Str(name) => name.clone(),
                    _ => Rc::from(self.to_kstring(&recv)),
                };
                let class = crate::value::ClassObj { java_name, kotlin: true, primitive_or_wrapper: false };
                return ok(Value::Obj(self.heap.alloc(HeapObj::Class(class))));
            }
            "equals" => {
                // `a.equals(b, ignoreCase = true)` of two Strings compares char by char.
                if let (Value::Str(a), Value::Str(b), Value::Bool(true)) = (&recv, &arg(0), &arg(1)) {
                    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                    return ok(Value::Bool(a.len() == b.len() && region_matches(&a, 0, &b, true)));
                }
                if let (Value::Char(a), Value::Char(b), Value::Bool(true)) = (&recv, &arg(0), &arg(1)) {
                    return ok(Value::Bool(chars_equal_ignoring_case(*a, *b)));
                }
                return ok(Value::Bool(self.equals_boxed(&recv, &arg(0))));
            }
            "hashCode" => return ok(Value::Int(self.hash_code(&recv)?)),
            _ => {}
        }
        if let Some(r) = self.compare_method(ex, &recv, n, &args) {
            return r;
        }
        if SCOPE_MEMBERS.contains(&n) {
            if let Some(f) = self.scope_getter(&recv) {
                // The getter runs first; the instruction then runs again on the scope it gives.
                let under = args.len() as u32;
                ex.stack.extend(args);
                self.push_frame(ex, f, None, vec![recv], OnReturn::ScopeReceiver { under, span }, span).map_err(Fault::Throw)?;
                return Ok(Native::Pushed);
            }
            if let Some(ctx) = self.scope_field(&recv) {
                if matches!(ctx, Value::Absent) {
                    return Err(self.lateinit_unset("coroutineContext"));
                }
                let ctx = self.scope_context(&ctx)?;
                return self.call_method_named(t, s, ex, Value::Scope(Rc::new(ctx)), n, args, span, property);
            }
        }
        match recv.clone() {
            Value::Job(j) => self.job_method(t, s, j, n, &args, span),
            Value::Scope(c) => match n {
                "launch" | "async" => self.start_coroutine(t, s, c.clone(), &arg(0), &arg(1), &arg(2), n == "async", span),
                "plus" => {
                    let other = self.to_context(&arg(0))?;
                    ok(Value::Scope(Rc::new(c.plus(&other))))
                }
                "produce" => self.produce(c.clone(), &arg(0), &arg(1), &arg(2), span),
                "coroutineContext" => ok(Value::Ctx(c)),
                "isActive" => ok(Value::Bool(c.job.is_none_or(|j| self.job(j).is_active()))),
                "cancel" => match c.job {
                    Some(j) => {
                        self.cancel_job(j, crate::natives::present(&arg(0)));
                        ok(Value::Unit)
                    }
                    None => {
                        let text = self.to_kstring(&recv);
                        Err(self.throw_new(ExcClass::IllegalStateException, &format!("Scope cannot be cancelled because it does not have a job: {text}")))
                    }
                },
                "ensureActive" => self.ensure_active(c.job),
                _ => Err(self.no_member(&recv, n)),
            },
            Value::Ctx(c) => match n {
                "plus" => {
                    let other = self.to_context(&arg(0))?;
                    ok(Value::Ctx(Rc::new(c.plus(&other))))
                }
                "get" => ok(self.context_get(&c, &arg(0))),
                "job" => match c.job {
                    Some(j) => ok(Value::Job(j)),
                    None => {
                        let text = self.to_kstring(&recv);
                        Err(self.throw_new(ExcClass::IllegalStateException, &format!("Current context doesn't contain Job in it: {text}")))
                    }
                },
                "isActive" => ok(Value::Bool(c.job.is_none_or(|j| self.job(j).is_active()))),
                "ensureActive" => self.ensure_active(c.job),
                "cancel" => {
                    if let Some(j) = c.job {
                        self.cancel_job(j, crate::natives::present(&arg(0)));
                    }
                    ok(Value::Unit)
                }
                "cancelChildren" => {
                    if let Some(j) = c.job {
                        self.cancel_children(j);
                    }
                    ok(Value::Unit)
                }
                "name" if c.name.is_some() => ok(Value::str(c.name.as_deref().unwrap_or(""))),
                "minusKey" => ok(Value::Ctx(c)),
                _ => Err(self.no_member(&recv, n)),
            },
            Value::Dispatcher(d) => match n {
                "plus" => {
                    let other = self.to_context(&arg(0))?;
                    ok(Value::Ctx(Rc::new(Context { dispatcher: Some(d), ..Context::default() }.plus(&other))))
                }
                "limitedParallelism" => {
                    let k = arg(0).as_i64().unwrap_or(0);
                    Ok(Native::Value(self.limited_view(d, k)?))
                }
                "close" => {
                    self.dispatchers[d.0 as usize].closed = true;
                    ok(Value::Unit)
                }
                "isDispatchNeeded" => ok(Value::Bool(self.dispatchers[d.0 as usize].kind != DispatcherKind::Unconfined)),
                _ => Err(self.no_member(&recv, n)),
            },
            Value::Const(crate::builtins::Const::RandomDefault) => self.random_method(n, &args),
            Value::Str(text) => self.string_method(&text, n, &args, property),
            Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Char(_) | Value::Bool(_) => self.number_method(&recv, n, &args),
            Value::Range(r) => {
                let items: Vec<Value> = (0..r.len()).map(|i| r.element(r.first + i * r.step)).collect();
                match n {
                    "first" => ok(r.element(r.first)),
                    "last" => ok(r.last_element().map(|v| r.element(v)).unwrap_or(Value::Null)),
                    "step" if args.is_empty() => ok(Value::Int(r.step as i32)),
                    "step" | "until" | "downTo" => {
                        let op = match n {
                            "step" => crate::bytecode::BinOp::Step,
                            "until" => crate::bytecode::BinOp::Until,
                            _ => crate::bytecode::BinOp::DownTo,
                        };
                        Ok(Native::Value(self.binary(op, recv.clone(), arg(0))?))
                    }
                    "contains" => ok(Value::Bool(self.contains(&recv, &arg(0))?)),
                    "reversed" => {
                        // Kotlin reverses a progression as `fromClosedRange(last, first, -step)`:
                        // an empty one stays empty with its bounds swapped.
                        let (first, last) = match r.last_element() {
                            Some(l) => (l, r.first),
                            None => (r.last, r.first),
                        };
                        ok(Value::Range(Rc::new(crate::value::Range { first, last, step: -r.step, kind: r.kind, progression: true })))
                    }
                    _ => {
                        let list = self.heap.alloc(HeapObj::List(items));
                        self.list_method(list, &Value::Obj(list), n, &args, property)
                    }
                }
            }
            Value::Obj(o) => self.obj_method(t, s, ex, o, &recv, n, &args, property, span),
            Value::Null => match n {
                "isNullOrEmpty" | "isNullOrBlank" => ok(Value::Bool(true)),
                "orEmpty" => ok(Value::str("")),
                _ => {
                    let e = self.new_exception(ExcClass::NullPointerException, None, None);
                    Err(Fault::Throw(e))
                }
            },
            _ => Err(self.no_member(&recv, n)),
        }
    }

    fn ensure_active(&mut self, job: Option<crate::value::JobId>) -> NResult {
        if let Some(j) = job {
            if j != crate::value::JobId::NON_CANCELLABLE && !self.job(j).is_active() {
                let e = self.cancellation_exception(j);
                return Err(Fault::Throw(e));
            }
        }
        ok(Value::Unit)
    }

    fn cancel_children(&mut self, j: crate::value::JobId) {
        for c in self.live_children(j) {
            self.cancel_job(c, None);
        }
    }

    fn job_method(&mut self, t: ThreadId, s: StrandId, j: crate::value::JobId, n: &str, args: &[Value], span: Span) -> NResult {
        let _ = (t, span);
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let job = self.job(j);
        match n {
            "isActive" => ok(Value::Bool(job.is_active() || j == crate::value::JobId::NON_CANCELLABLE)),
            "isCompleted" => ok(Value::Bool(job.is_completed())),
            "isCancelled" => ok(Value::Bool(job.is_cancelled())),
            "children" => {
                let kids: Vec<Value> = self.live_children(j).into_iter().map(Value::Job).collect();
                Ok(Native::Value(self.new_list(kids)))
            }
            "parent" => ok(if job.linked && !job.is_completed() { job.parent.map(Value::Job).unwrap_or(Value::Null) } else { Value::Null }),
            "join" => self.join(s, j),
            "await" => {
                if !job.class.is_deferred() {
                    return Err(Fault::Stop(format!("await() needs a Deferred (from async); {} is a Job", self.job_label(j))));
                }
                self.await_job(s, j)
            }
            "cancel" => {
                self.cancel_job(j, crate::natives::present(&arg(0)));
                ok(Value::Unit)
            }
            "cancelAndJoin" => {
                self.cancel_job(j, None);
                self.join(s, j)
            }
            "cancelChildren" => {
                self.cancel_children(j);
                ok(Value::Unit)
            }
            "start" => ok(Value::Bool(self.start_job(j))),
            "complete" => {
                let class = job.class;
                if class.is_coroutine() {
                    return Err(Fault::Stop("complete() is only for Job() and CompletableDeferred()".into()));
                }
                let v = if class.is_deferred() { arg(0) } else { Value::Unit };
                let v = if matches!(v, Value::Absent) { Value::Unit } else { v };
                ok(Value::Bool(self.complete_job(j, Ok(v))))
            }
            "completeExceptionally" => ok(Value::Bool(self.complete_job(j, Err(arg(0))))),
            "getCompleted" => match job.final_state.clone() {
                Some(Ok(v)) => ok(v),
                Some(Err(e)) => Err(Fault::Throw(e)),
                None => Err(self.throw_new(ExcClass::IllegalStateException, "This job has not completed yet")),
            },
            "getCompletionExceptionOrNull" => match job.final_state.clone() {
                Some(Err(e)) => ok(e),
                Some(Ok(_)) => ok(Value::Null),
                None => Err(self.throw_new(ExcClass::IllegalStateException, "This job has not completed yet")),
            },
            "getCancellationException" => {
                let e = self.cancellation_exception(j);
                ok(e)
            }
            "invokeOnCompletion" => {
                let c = match arg(0) {
                    Value::Obj(o) => o,
                    _ => return Err(Fault::Stop("invokeOnCompletion needs a lambda".into())),
                };
                match job.final_state.clone() {
                    Some(r) => {
                        let cause = r.err().unwrap_or(Value::Null);
                        let ctx = self.current_ctx(s);
                        self.run_handler_closure(c, vec![cause], ctx, "invokeOnCompletion");
                    }
                    None => self.jobs[j.0 as usize].handlers.push(crate::job::Handler::Callback(c)),
                }
                ok(Value::Unit)
            }
            "ensureActive" => self.ensure_active(Some(j)),
            "plus" => {
                let other = self.to_context(&arg(0))?;
                ok(Value::Ctx(Rc::new(Context { job: Some(j), ..Context::default() }.plus(&other))))
            }
            "key" => ok(Value::Const(crate::builtins::Const::KeyJob)),
            _ => Err(Fault::Stop(format!("{} has no member '{n}'", if job.class.is_deferred() { "Deferred" } else { "Job" }))),
        }
    }

    /// Members of a `StringBuilder`; the reading ones are a String's. Edits work on chars, as
    /// Java's do on UTF-16 units; an index or a length out of range throws what Java's
    /// `AbstractStringBuilder` throws.
    fn string_builder_method(&mut self, o: ObjId, recv: &Value, n: &str, args: &[Value], property: bool) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let HeapObj::StringBuilder(text) = self.heap.get(o) else { return Err(self.no_member(recv, n)) };
        if matches!(n, "append" | "appendLine" | "appendln") {
            let mut add = if matches!(arg(0), Value::Absent) { String::new() } else { self.text_of(&arg(0))? };
            if n != "append" {
                add.push('\n');
            }
            if let HeapObj::StringBuilder(t) = self.heap.get_mut(o) {
                t.push_str(&add);
            }
            return ok(recv.clone());
        }
        let text = text.clone();
        let mut chars: Vec<char> = text.chars().collect();
        let len = chars.len() as i64;
        let index = |w: &mut World, what: &str, fits: bool| -> Result<usize, Fault> {
            let at = arg(0).as_i64().ok_or_else(|| w.no_member(recv, n))?;
            if at < 0 || at > len || (at == len && !fits) {
                return Err(w.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("{what} {at}, length {len}")));
            }
            Ok(at as usize)
        };
        match n {
            "length" => return ok(Value::Int(len as i32)),
            "get" => return ok(Value::Char(chars[index(self, "index", false)?])),
            "insert" => {
                let at = index(self, "offset", true)?;
                let add = self.text_of(&arg(1))?;
                chars.splice(at..at, add.chars());
            }
            "deleteCharAt" => {
                let at = index(self, "index", false)?;
                chars.remove(at);
            }
            // `replace(start, end, text)` and `delete(start, end)` change the builder; an end
            // past its length stops at the length, as Java's `AbstractStringBuilder` does.
            "replace" | "delete" if matches!(arg(0), Value::Int(_)) => {
                let (start, end) = (arg(0).as_i64().unwrap_or(0), arg(1).as_i64().unwrap_or(0).min(len));
                if start < 0 || start > end {
                    return Err(self.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("start {start}, end {end}, length {len}")));
                }
                let add = if n == "replace" { self.text_of(&arg(2))? } else { String::new() };
                chars.splice(start as usize..end as usize, add.chars());
            }
            "setCharAt" => {
                let at = arg(0).as_i64().unwrap_or(-1);
                if at < 0 || at >= len {
                    return Err(self.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("index {at}, length {len}")));
                }
                match arg(1) {
                    Value::Char(c) => chars[at as usize] = c,
                    _ => return Err(self.no_member(recv, n)),
                }
            }
            "reverse" => chars.reverse(),
            "clear" => chars.clear(),
            "setLength" => match arg(0).as_i64() {
                Some(new_len) if new_len >= 0 => chars.resize(new_len as usize, '\0'),
                Some(bad) => return Err(self.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("String index out of range: {bad}"))),
                None => return Err(self.no_member(recv, n)),
            },
            _ => return self.string_method(&text, n, args, property),
        }
        *self.heap.get_mut(o) = HeapObj::StringBuilder(chars.into_iter().collect());
        ok(if matches!(n, "setLength" | "setCharAt") { Value::Unit } else { recv.clone() })
    }

    #[allow(clippy::too_many_arguments)]
    fn obj_method(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec, o: ObjId, recv: &Value, n: &str, args: &[Value], property: bool, span: Span) -> NResult {
        let _ = ex;
        let arg = |i: usize| crate::vm::arg_at(args, i);
        // Collections first, before the copy below: a method call must not copy a list or a
        // map, or a loop over one becomes quadratic.
        let size_before = match self.heap.get(o) {
            HeapObj::List(v) | HeapObj::Set(v) => v.len(),
            HeapObj::Map(e) => e.len(),
            _ => usize::MAX,
        };
        if size_before != usize::MAX {
            let view = self.heap.map_view(o);
            if view.is_some() {
                if matches!(n, "add" | "addAll" | "<plusAssign>") {
                    return Err(Fault::Throw(self.new_exception(ExcClass::UnsupportedOperationException, None, None)));
                }
                self.refresh_map_view(o);
            }
            let size_before = if view.is_some() { self.list_items(o).len() } else { size_before };
            let r = if matches!(self.heap.get(o), HeapObj::Map(_)) { self.map_method(o, n, args) } else { self.list_method(o, recv, n, args, property) };
            match view {
                Some((map, _)) => self.remove_through_view(o, map, size_before),
                None => self.count_structural_change(o, n, size_before),
            }
            return r;
        }
        match self.heap.get(o).clone() {
            HeapObj::List(_) | HeapObj::Set(_) | HeapObj::Map(_) => unreachable!("collections are served above"),
            // With arguments, a component holding a function is called: `pair.second(5)` is
            // `pair.second.invoke(5)` (see `component_or_call`).
            HeapObj::Pair(a, b) => match n {
                "first" | "key" | "component1" => self.component_or_call(s, ex, a, args, span),
                "index" if self.heap.is_indexed_value(o) => ok(a),
                "second" | "value" | "component2" => self.component_or_call(s, ex, b, args, span),
                "toList" => Ok(Native::Value(self.new_list(vec![a, b]))),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Triple(t) => match n {
                "first" | "component1" => self.component_or_call(s, ex, t[0].clone(), args, span),
                "second" | "component2" => self.component_or_call(s, ex, t[1].clone(), args, span),
                "third" | "component3" => self.component_or_call(s, ex, t[2].clone(), args, span),
                "toList" => Ok(Native::Value(self.new_list(t.to_vec()))),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Entry(k, v) => match n {
                "key" | "component1" => self.component_or_call(s, ex, k, args, span),
                "value" | "component2" => self.component_or_call(s, ex, v, args, span),
                "toPair" => ok(Value::Obj(self.heap.alloc(HeapObj::Pair(k, v)))),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Exception(e) => match n {
                "message" | "localizedMessage" => ok(e.message.as_ref().map(|m| Value::Str(m.clone())).unwrap_or(Value::Null)),
                "cause" => ok(e.cause.clone().unwrap_or(Value::Null)),
                "suppressed" | "suppressedExceptions" => Ok(Native::Value(self.new_list(e.suppressed.clone()))),
                "addSuppressed" => {
                    self.add_suppressed(recv, arg(0));
                    ok(Value::Unit)
                }
                "printStackTrace" => {
                    let text = self.throwable_text_now(recv);
                    self.print(&text, true, true);
                    for l in self.stack_trace_lines(recv) {
                        self.print(&l, true, true);
                    }
                    ok(Value::Unit)
                }
                "stackTraceToString" => {
                    let mut text = self.throwable_text_now(recv);
                    for l in self.stack_trace_lines(recv) {
                        text.push('\n');
                        text.push_str(&l);
                    }
                    text.push('\n');
                    ok(Value::str(&text))
                }
                "<super>" => {
                    // A user exception class passes its message and cause to the base class.
                    let (msg, cause) = (arg(0), arg(1));
                    if let HeapObj::Exception(x) = self.heap.get_mut(o) {
                        match &msg {
                            Value::Str(m) => x.message = Some(m.clone()),
                            Value::Absent | Value::Null => {}
                            _ => {}
                        }
                        if !matches!(cause, Value::Absent | Value::Null) {
                            x.cause = Some(cause);
                        }
                    }
                    if let Value::Obj(mo) = &msg {
                        if matches!(self.heap.get(*mo), HeapObj::Exception(_)) {
                            let text = self.exception_to_string(&msg);
                            if let HeapObj::Exception(x) = self.heap.get_mut(o) {
                                x.message = Some(Rc::from(text));
                                x.cause = Some(msg.clone());
                            }
                        }
                    }
                    ok(Value::Unit)
                }
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Result(r) => match n {
                "isSuccess" => ok(Value::Bool(r.is_ok())),
                "isFailure" => ok(Value::Bool(r.is_err())),
                "getOrNull" => ok(r.ok().unwrap_or(Value::Null)),
                "exceptionOrNull" => ok(r.err().unwrap_or(Value::Null)),
                "getOrThrow" => match r {
                    Ok(v) => ok(v),
                    Err(e) => Err(Fault::Throw(e)),
                },
                "getOrDefault" => ok(r.unwrap_or(arg(0))),
                // What `map { }` and `mapCatching { }` run their lambda over, inlined as a
                // list's `map` is: the value of a success, nothing of a failure.
                RESULT_VALUES => {
                    let items = r.ok().into_iter().collect();
                    ok(self.new_list(items))
                }
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Mutex(_) => self.mutex_method(s, o, n, args),
            HeapObj::Semaphore(_) => self.semaphore_method(s, o, n),
            HeapObj::Channel(_) => self.channel_method(t, s, o, recv, n, args, span),
            HeapObj::ChannelResult(_) => self.channel_result_method(o, recv, n),
            HeapObj::Atomic(v) => {
                let add = |w: &mut World, d: i64| -> Value {
                    let nv = int_or_long(v.as_i64().unwrap_or(0) + d, &v);
                    *w.heap.get_mut(o) = HeapObj::Atomic(nv.clone());
                    nv
                };
                match n {
                    "get" | "value" | "toInt" | "toLong" | "intValue" | "longValue" => ok(v),
                    "set" | "lazySet" => {
                        *self.heap.get_mut(o) = HeapObj::Atomic(arg(0));
                        ok(Value::Unit)
                    }
                    "incrementAndGet" => ok(add(self, 1)),
                    "decrementAndGet" => ok(add(self, -1)),
                    "getAndIncrement" => {
                        add(self, 1);
                        ok(v)
                    }
                    "getAndDecrement" => {
                        add(self, -1);
                        ok(v)
                    }
                    "addAndGet" => ok(add(self, arg(0).as_i64().unwrap_or(0))),
                    "getAndAdd" => {
                        add(self, arg(0).as_i64().unwrap_or(0));
                        ok(v)
                    }
                    "getAndSet" => {
                        *self.heap.get_mut(o) = HeapObj::Atomic(arg(0));
                        ok(v)
                    }
                    "compareAndSet" => {
                        if self.equals(&v, &arg(0)) {
                            *self.heap.get_mut(o) = HeapObj::Atomic(arg(1));
                            ok(Value::Bool(true))
                        } else {
                            ok(Value::Bool(false))
                        }
                    }
                    _ => Err(self.no_member(recv, n)),
                }
            }
            HeapObj::ThreadLocal(st) => match n {
                "get" => {
                    match st.values.iter().find(|(th, _)| *th == t) {
                        Some((_, v)) => ok(v.clone()),
                        None => match st.initial {
                            Some(c) => {
                                // withInitial runs its supplier in the calling thread.
                                let HeapObj::Closure { func, .. } = self.heap.get(c).clone() else { return ok(Value::Null) };
                                let _ = func;
                                Err(Fault::Stop("ThreadLocal.withInitial is not supported; set the value with set() or asContextElement(value)".into()))
                            }
                            None => ok(Value::Null),
                        },
                    }
                }
                "set" => {
                    self.thread_local_set(o, t, arg(0));
                    ok(Value::Unit)
                }
                "remove" => {
                    if let HeapObj::ThreadLocal(st) = self.heap.get_mut(o) {
                        st.values.retain(|(th, _)| *th != t);
                    }
                    ok(Value::Unit)
                }
                "asContextElement" => {
                    let v = match arg(0) {
                        Value::Absent => st.values.iter().find(|(th, _)| *th == t).map(|(_, v)| v.clone()).unwrap_or(Value::Null),
                        other => other,
                    };
                    ok(Value::Ctx(Rc::new(Context { thread_locals: vec![(o, v)], ..Context::default() })))
                }
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::StringBuilder(_) => self.string_builder_method(o, recv, n, args, property),
            HeapObj::Executor(d) => match n {
                "asCoroutineDispatcher" => ok(Value::Dispatcher(d)),
                "shutdown" | "shutdownNow" | "close" => {
                    self.dispatchers[d.0 as usize].closed = true;
                    ok(Value::Unit)
                }
                "isShutdown" => ok(Value::Bool(self.dispatchers[d.0 as usize].closed)),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Thread(th) => match n {
                "name" | "getName" => ok(Value::str(&self.threads[th.0 as usize].name)),
                "isDaemon" => ok(Value::Bool(self.threads[th.0 as usize].daemon)),
                "id" | "threadId" => ok(Value::Long(th.0 as i64 + 1)),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Random => self.random_method(n, args),
            HeapObj::Class(c) => self.class_method(c, recv, n),
            HeapObj::Instance { class, fields } if n == "<copy>" && self.program.classes[class.0 as usize].is_data => {
                // Arguments come as (name, value) pairs; unnamed ones go in constructor order.
                let c = self.program.classes[class.0 as usize].clone();
                let mut fields = fields;
                let mut next = 0;
                for pair in args.chunks(2) {
                    let name = match &pair[0] {
                        Value::Str(s) => s.to_string(),
                        _ => String::new(),
                    };
                    let idx = if name.is_empty() {
                        next += 1;
                        c.data_fields.get(next - 1).and_then(|f| c.slot(*f))
                    } else {
                        c.fields.iter().rposition(|f| self.program.sym(*f) == name)
                    };
                    match idx {
                        Some(i) => fields[i] = pair.get(1).cloned().unwrap_or(Value::Null),
                        None => return Err(Fault::Stop(format!("{}.copy has no parameter '{name}'", c.name))),
                    }
                }
                // copy() calls the constructor: the superclass's initialisation, the property
                // initialisers and the init blocks run again for the new object.
                if self.program.func(c.init).n_params as usize == c.data_fields.len() + 1 {
                    let obj = self.new_instance(class);
                    let mut all = vec![obj.clone()];
                    all.extend(c.data_fields.iter().map(|f| c.slot(*f).map(|i| fields[i].clone()).unwrap_or(Value::Null)));
                    self.push_frame(ex, c.init, None, all, OnReturn::PushInstead(obj), span).map_err(Fault::Throw)?;
                    return Ok(Native::Pushed);
                }
                ok(Value::Obj(self.heap.alloc(HeapObj::Instance { class, fields })))
            }
            HeapObj::Instance { .. } | HeapObj::Plain | HeapObj::Closure { .. } => match (n, self.heap.get(o).clone()) {
                ("invoke", HeapObj::Closure { .. }) => self.call_value(s, ex, recv.clone(), args.to_vec(), span),
                _ => Err(self.no_member(recv, n)),
            },
            HeapObj::Iter(_) => self.iterator_method(recv, n),
            HeapObj::Cell(_) | HeapObj::Comparing(_) => Err(self.no_member(recv, n)),
        }
    }

    /// `x.javaClass` (`kotlin` false) and `x::class` (`kotlin` true): the class of a value,
    /// where the engine knows the JVM class it would have.
    fn class_of(&mut self, recv: &Value, kotlin: bool) -> NResult {
        // The name is chosen first and allocated once, rather than in every arm.
        let (name, primitive_or_wrapper): (&str, bool) = match recv {
            Value::Str(_) => ("java.lang.String", false),
            Value::Unit | Value::Absent => ("kotlin.Unit", false),
            Value::Int(_) => ("java.lang.Integer", true),
            Value::Long(_) => ("java.lang.Long", true),
            Value::Double(_) => ("java.lang.Double", true),
            Value::Bool(_) => ("java.lang.Boolean", true),
            Value::Char(_) => ("java.lang.Character", true),
            Value::Obj(o) => match self.heap.get(*o) {
                // Classes the program declares live in the default package: the JVM name is
                // the declared name.
                HeapObj::Instance { class, .. } => (self.program.classes[class.0 as usize].name.as_str(), false),
                HeapObj::Exception(e) => match &e.user_class {
                    Some((c, _)) => (self.program.classes[c.0 as usize].name.as_str(), false),
                    // The class the exception really has: JobCancellationException for a
                    // job's own cancellation, java.util.concurrent.CancellationException for
                    // one the program threw.
                    None => (e.class.qualified_name(), false),
                },
                HeapObj::Class(c) => (if c.kotlin { "kotlin.jvm.internal.ClassReference" } else { "java.lang.Class" }, false),
                HeapObj::StringBuilder(_) => ("java.lang.StringBuilder", false),
                _ => return Err(self.class_unknown(recv, kotlin)),
            },
            _ => return Err(self.class_unknown(recv, kotlin)),
        };
        let java_name: Rc<str> = Rc::from(name);
        if primitive_or_wrapper && !kotlin {
            let t = self.type_name(recv);
            let primitive = primitive_name(&java_name);
            return Err(Fault::Stop(format!(
                "javaClass of the {t} value {} depends on the expression's static type, which Coroutine Lab does not track: Kotlin gives {primitive} when the type is {t} and {java_name} when it is {t}? or Any; use ::class.simpleName (\"{t}\") instead",
                self.to_kstring(recv)
            )));
        }
        let class = crate::value::ClassObj { java_name, kotlin, primitive_or_wrapper };
        ok(Value::Obj(self.heap.alloc(HeapObj::Class(class))))
    }

    fn class_unknown(&self, recv: &Value, kotlin: bool) -> Fault {
        let what = if kotlin { "::class" } else { "javaClass" };
        Fault::Stop(format!(
            "{what} of a {} is not modelled in Coroutine Lab: its JVM class is an implementation class of the library; print the value or test it with `is` instead",
            self.type_name(recv)
        ))
    }

    /// Members of `java.lang.Class` and of `KClass` (without kotlin-reflect).
    #[inline(never)]
    fn class_method(&mut self, c: crate::value::ClassObj, recv: &Value, n: &str) -> NResult {
        if c.kotlin {
            match n {
                "simpleName" => ok(Value::str(c.kotlin_simple_name())),
                "qualifiedName" => ok(Value::str(&c.kotlin_qualified_name().replace('$', "."))),
                "java" if c.primitive_or_wrapper => Err(Fault::Stop(format!(
                    "::class.java of a {} value depends on the expression's static type, which Coroutine Lab does not track: Kotlin gives {} when the type is {} and {} when it is nullable or Any; use ::class.simpleName instead",
                    c.kotlin_simple_name(),
                    primitive_name(&c.java_name),
                    c.kotlin_simple_name(),
                    c.java_name
                ))),
                "java" | "javaObjectType" => {
                    let java_name = if n == "java" { c.java_name.clone() } else { Rc::from(wrapper_name(&c.java_name)) };
                    ok(Value::Obj(self.heap.alloc(HeapObj::Class(crate::value::ClassObj { java_name, kotlin: false, primitive_or_wrapper: false }))))
                }
                _ => Err(self.no_member(recv, n)),
            }
        } else {
            match n {
                "name" | "getName" | "typeName" => ok(Value::str(&c.java_name)),
                "canonicalName" => ok(Value::str(&c.java_name.replace('$', "."))),
                "simpleName" | "getSimpleName" => ok(Value::str(c.java_simple_name())),
                "kotlin" => ok(Value::Obj(self.heap.alloc(HeapObj::Class(crate::value::ClassObj { kotlin: true, ..c })))),
                _ => Err(self.no_member(recv, n)),
            }
        }
    }

    /// The text of a value where the engine cannot run a class's own `toString()` (inside a
    /// built-in such as `+` on a String or `StringBuilder.append`): a value whose text would
    /// come from one stops the run with a diagnostic instead of printing the default text.
    pub(crate) fn text_of(&self, v: &Value) -> Result<String, Fault> {
        if self.own_text(v).is_some() {
            return Err(Fault::Stop(format!(
                "{} has its own toString(), which Coroutine Lab runs where a value is printed or put in a string template, but not inside built-ins such as `+` on a String, StringBuilder.append or String.format; use a template such as \"total: ${{x}}\"",
                self.type_name(v)
            )));
        }
        if let Some(msg) = self.unprintable(v) {
            return Err(Fault::Stop(msg));
        }
        Ok(self.to_kstring(v))
    }

    /// The objects inside a value (its elements, entries, components, a data class's
    /// properties; not the value itself) whose text comes from their class's own
    /// `toString()`, each with that function, in the order the text shows them.
    pub(crate) fn told_parts(&self, v: &Value) -> Vec<(ObjId, crate::bytecode::FuncId)> {
        let mut out = Vec::new();
        let mut budget = 10_000;
        self.told_parts_within(v, 0, &mut budget, &mut out);
        out
    }

    fn told_parts_within(&self, v: &Value, depth: usize, budget: &mut usize, out: &mut Vec<(ObjId, crate::bytecode::FuncId)>) {
        if *budget == 0 || depth >= 8 {
            return;
        }
        *budget -= 1;
        let Some(inside) = self.printed_parts(v) else { return };
        for x in inside {
            match (x, self.own_text(x)) {
                (Value::Obj(p), Some((f, OnReturn::Push))) => {
                    if !out.iter().any(|(q, _)| q == p) {
                        out.push((*p, f));
                    }
                }
                (_, Some(_)) => {}
                (_, None) => self.told_parts_within(x, depth + 1, budget, out),
            }
        }
    }

    /// The values whose texts make a value's text: a collection's elements, a map's keys and
    /// values, a pair's, triple's or entry's components, a data class's properties (unless
    /// it writes its own `toString()`). `None` for a value whose text is its own.
    fn printed_parts<'v>(&'v self, v: &Value) -> Option<Vec<&'v Value>> {
        let Value::Obj(o) = v else { return None };
        Some(match self.heap.get(*o) {
            HeapObj::List(items) | HeapObj::Set(items) => items.iter().collect(),
            HeapObj::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
            HeapObj::Pair(a, b) | HeapObj::Entry(a, b) => vec![a, b],
            HeapObj::Triple(t) => t.iter().collect(),
            HeapObj::Instance { class, fields } if self.program.classes[class.0 as usize].is_data && self.own_to_string(v).is_none() => fields.iter().collect(),
            _ => return None,
        })
    }

    /// Why a value cannot be turned into text, when the JVM's text for it depends on
    /// something the engine does not model: a `KClass` prints differently with and without
    /// kotlin-reflect on the classpath. Also when it holds an object whose text comes from the
    /// program and was not made yet: an exception class's own `message`, or a class's own
    /// `toString()` outside `Op::ToStr`, which runs those first (see [`World::told_parts`]).
    pub(crate) fn unprintable(&self, v: &Value) -> Option<String> {
        // A bounded look: collections that share or hold themselves are not walked forever.
        let mut budget = 10_000;
        self.unprintable_within(v, 0, &mut budget)
    }

    fn unprintable_within(&self, v: &Value, depth: usize, budget: &mut usize) -> Option<String> {
        let Value::Obj(o) = v else { return None };
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let inside: Vec<&Value> = match self.heap.get(*o) {
            HeapObj::Class(c) if c.kotlin => {
                return Some(format!(
                    "printing a KClass depends on whether kotlin-reflect is on the classpath (\"class {} (Kotlin reflection is not available)\" without it), which Coroutine Lab does not model; print its simpleName or qualifiedName, or .java for the JVM class",
                    c.java_name
                ))
            }
            HeapObj::Channel(c) if c.producer.is_none() => return Some(crate::channel::UNPRINTABLE.to_string()),
            _ => self.printed_parts(v)?,
        };
        if depth >= 8 {
            return None;
        }
        inside.into_iter().find_map(|x| {
            let told = matches!(x, Value::Obj(p) if self.told_texts.contains_key(p));
            if self.own_text(x).is_some() && !told {
                Some(format!(
                    "{} has its own toString(), which Coroutine Lab runs where a value is printed or put in a string template, but not for the elements of a collection, pair or data class; print them one by one (joinToString {{ \"$it\" }})",
                    self.type_name(x)
                ))
            } else {
                self.unprintable_within(x, depth + 1, budget)
            }
        })
    }

    fn random_method(&mut self, n: &str, args: &[Value]) -> NResult {
        use crate::builtins::{Builtin, RandomKind};
        let kind = match n {
            "nextInt" => RandomKind::Int,
            "nextLong" => RandomKind::Long,
            "nextDouble" => RandomKind::Double,
            "nextBoolean" => RandomKind::Bool,
            _ => return Err(Fault::Stop(format!("Random has no member '{n}'"))),
        };
        let t = self.current_thread.unwrap_or(crate::world::MAIN_THREAD);
        let s = self.current_strand.unwrap_or(StrandId(0));
        let mut ex = Exec::default();
        self.call_builtin(t, s, &mut ex, Builtin::RandomNext(kind), args.to_vec(), Span::default())
    }

    /// Sets a thread's value of a ThreadLocal.
    pub(crate) fn thread_local_set(&mut self, tl: ObjId, t: ThreadId, v: Value) {
        if let HeapObj::ThreadLocal(st) = self.heap.get_mut(tl) {
            match st.values.iter_mut().find(|(th, _)| *th == t) {
                Some(e) => e.1 = v,
                None => st.values.push((t, v)),
            }
        }
    }

    pub(crate) fn list_items(&self, o: ObjId) -> Vec<Value> {
        match self.heap.get(o) {
            HeapObj::List(v) | HeapObj::Set(v) => v.clone(),
            _ => Vec::new(),
        }
    }

    /// Fills a view of a map (`keys`, `values`, `entries`) with what the map holds now.
    pub(crate) fn refresh_map_view(&mut self, view: ObjId) {
        let Some((map, part)) = self.heap.map_view(view) else { return };
        let entries = self.map_entries(map).to_vec();
        let items: Vec<Value> = match part {
            MapPart::Keys => entries.into_iter().map(|(k, _)| k).collect(),
            MapPart::Values => entries.into_iter().map(|(_, v)| v).collect(),
            MapPart::Entries => entries.into_iter().map(|(k, v)| Value::Obj(self.heap.alloc(HeapObj::Entry(k, v)))).collect(),
        };
        *self.heap.get_mut(view) = HeapObj::Set(items);
    }

    /// After a call on a view of a map that removed elements from it (`remove`, `removeAll`,
    /// `retainAll`, `removeIf`, `clear`), removes the same entries from the map. The view kept
    /// the map's order, so the entries kept are found by walking both in step; the first
    /// entry that does not match the view's next element is one the call removed.
    #[inline(never)]
    fn remove_through_view(&mut self, view: ObjId, map: ObjId, size_before: usize) {
        let kept = self.list_items(view);
        if kept.len() >= size_before {
            return;
        }
        let Some((_, part)) = self.heap.map_view(view) else { return };
        let entries = self.map_entries(map).to_vec();
        let mut next = 0;
        let mut left = Vec::with_capacity(kept.len());
        for (k, v) in entries {
            let matches = kept.get(next).is_some_and(|x| match part {
                MapPart::Keys => self.equals(x, &k),
                MapPart::Values => self.equals(x, &v),
                MapPart::Entries => matches!(x, Value::Obj(e) if matches!(self.heap.get(*e), HeapObj::Entry(ek, _) if self.equals(ek, &k))),
            });
            if matches {
                next += 1;
                left.push((k, v));
            }
        }
        *self.heap.get_mut(map) = HeapObj::Map(left);
        self.heap.count_change(map);
    }

    /// Counts a call that changed a collection's structure, which fails its open iterators
    /// (see [`crate::value::Heap::count_change`]): one that changed its size, and the calls
    /// that count even when the size stays (`ArrayList.sort`, `clear`, `addAll`).
    fn count_structural_change(&mut self, o: ObjId, n: &str, size_before: usize) {
        let size_now = match self.heap.get(o) {
            HeapObj::List(v) | HeapObj::Set(v) => v.len(),
            HeapObj::Map(e) => e.len(),
            _ => return,
        };
        let is_list = matches!(self.heap.get(o), HeapObj::List(_));
        let always = match n {
            "clear" => true,
            "sort" | "sortDescending" | "addAll" => is_list,
            _ => false,
        };
        if size_now != size_before || always {
            self.heap.count_change(o);
        }
    }

    fn list_method(&mut self, o: ObjId, recv: &Value, n: &str, args: &[Value], _property: bool) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let is_set = matches!(self.heap.get(o), HeapObj::Set(_));
        // The calls a loop makes, in place: copying the list for each would make the loop
        // quadratic (20,000 `add`s took seconds).
        match n {
            "size" | "isEmpty" | "isNotEmpty" => {
                let len = match self.heap.get(o) {
                    HeapObj::List(v) | HeapObj::Set(v) => v.len(),
                    _ => 0,
                };
                return ok(match n {
                    "size" => Value::Int(len as i32),
                    "isEmpty" => Value::Bool(len == 0),
                    _ => Value::Bool(len != 0),
                });
            }
            // A List's elementAt is its get; a Set counts its elements (below).
            "get" => return Ok(Native::Value(self.get_index(recv.clone(), arg(0))?)),
            "elementAt" if !is_set => return Ok(Native::Value(self.get_index(recv.clone(), arg(0))?)),
            "contains" => {
                let x = arg(0);
                let found = match self.heap.get(o) {
                    HeapObj::List(v) | HeapObj::Set(v) => v.iter().any(|y| self.equals(y, &x)),
                    _ => false,
                };
                return ok(Value::Bool(found));
            }
            // `add(element)`; `add(index, element)` is below.
            "add" if args.len() != 2 => {
                let x = arg(0);
                if is_set && matches!(self.heap.get(o), HeapObj::Set(v) if v.iter().any(|y| self.equals(y, &x))) {
                    return ok(Value::Bool(false));
                }
                if let HeapObj::List(v) | HeapObj::Set(v) = self.heap.get_mut(o) {
                    v.push(x);
                }
                if is_set {
                    self.order_as_hash_set(o);
                }
                return ok(Value::Bool(true));
            }
            _ => {}
        }
        let items = self.list_items(o);
        let len = items.len();
        let set_items = |w: &mut World, v: Vec<Value>| {
            *w.heap.get_mut(o) = if is_set { HeapObj::Set(v) } else { HeapObj::List(v) };
        };
        let no_such = |w: &mut World, msg: &str| Err(w.throw_new(ExcClass::NoSuchElementException, msg));
        match n {
            "indices" => ok(indices(len)),
            "lastIndex" => ok(Value::Int(len as i32 - 1)),
            "getOrNull" => {
                let i = arg(0).as_i64().unwrap_or(-1);
                ok(if i >= 0 && (i as usize) < len { items[i as usize].clone() } else { Value::Null })
            }
            "elementAt" => {
                let i = arg(0).as_i64().unwrap_or(-1);
                match usize::try_from(i).ok().and_then(|i| items.get(i)) {
                    Some(v) => ok(v.clone()),
                    None => Err(self.throw_new(ExcClass::IndexOutOfBoundsException, &format!("Collection doesn't contain element at index {i}."))),
                }
            }
            // An array prints its elements only through contentToString(); a list's text is the same.
            "contentToString" => ok(Value::str(&self.to_kstring(recv))),
            "first" => {
                if len == 0 {
                    return no_such(self, "List is empty.");
                }
                ok(items[0].clone())
            }
            "last" => {
                if len == 0 {
                    return no_such(self, "List is empty.");
                }
                ok(items[len - 1].clone())
            }
            "single" => {
                if len != 1 {
                    let msg = if len == 0 { "List is empty." } else { "List has more than one element." };
                    if len == 0 {
                        return no_such(self, msg);
                    }
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, msg));
                }
                ok(items[0].clone())
            }
            "firstOrNull" => ok(items.first().cloned().unwrap_or(Value::Null)),
            "lastOrNull" => ok(items.last().cloned().unwrap_or(Value::Null)),
            "indexOf" => ok(Value::Int(items.iter().position(|v| self.equals(v, &arg(0))).map(|i| i as i32).unwrap_or(-1))),
            // `add(index, element)`; `add(element)` is served in place above.
            "add" => {
                let mut v = items;
                if is_set && v.iter().any(|x| self.equals(x, &arg(0))) {
                    return ok(Value::Bool(false));
                }
                let i = arg(0).as_i64().unwrap_or(0);
                if i < 0 || i as usize > v.len() {
                    return Err(self.throw_new(ExcClass::IndexOutOfBoundsException, &format!("Index: {i}, Size: {len}")));
                }
                let i = i as usize;
                v.insert(i, arg(1));
                set_items(self, v);
                ok(Value::Bool(true))
            }
            "addAll" => {
                let more = match arg(0) {
                    Value::Obj(p) => self.list_items(p),
                    Value::Range(r) => (0..r.len()).map(|i| r.element(r.first + i * r.step)).collect(),
                    _ => Vec::new(),
                };
                let mut v = items;
                for m in more {
                    if !(is_set && v.iter().any(|x| self.equals(x, &m))) {
                        v.push(m);
                    }
                }
                let added = v.len() > len;
                set_items(self, v);
                if is_set && added {
                    self.order_as_hash_set_after(o, len);
                }
                ok(Value::Bool(true))
            }
            "remove" => {
                let mut v = items;
                let pos = v.iter().position(|x| self.equals(x, &arg(0)));
                if let Some(p) = pos {
                    v.remove(p);
                    set_items(self, v);
                }
                ok(Value::Bool(pos.is_some()))
            }
            "removeAt" => {
                let i = arg(0).as_i64().unwrap_or(-1);
                if i < 0 || i as usize >= len {
                    return Err(self.index_error(o, i, len));
                }
                let mut v = items;
                let r = v.remove(i as usize);
                set_items(self, v);
                ok(r)
            }
            "removeFirst" | "removeLast" => {
                if len == 0 {
                    return no_such(self, "List is empty.");
                }
                let mut v = items;
                let r = if n == "removeFirst" { v.remove(0) } else { v.pop().expect("not empty") };
                set_items(self, v);
                ok(r)
            }
            "clear" => {
                set_items(self, Vec::new());
                ok(Value::Unit)
            }
            // `MutableList.set` returns the element it replaced.
            "set" => {
                let old = self.get_index(recv.clone(), arg(0))?;
                self.set_index(recv.clone(), arg(0), arg(1))?;
                ok(old)
            }
            "sum" => {
                let mut acc = Value::Int(0);
                for v in items {
                    acc = self.binary(crate::bytecode::BinOp::Add, acc, v)?;
                }
                ok(acc)
            }
            "average" => {
                if len == 0 {
                    return ok(Value::Double(f64::NAN));
                }
                let total: f64 = items.iter().map(|v| v.as_f64().unwrap_or(0.0)).sum();
                ok(Value::Double(total / len as f64))
            }
            "count" => ok(Value::Int(len as i32)),
            "max" | "min" | "maxOrNull" | "minOrNull" => {
                if len == 0 {
                    return if n.ends_with("OrNull") { ok(Value::Null) } else { no_such(self, "Collection is empty.") };
                }
                let mut best = items[0].clone();
                for v in &items[1..] {
                    let ord = self.compare(v, &best)?;
                    if (n.starts_with("max") && ord.is_gt()) || (n.starts_with("min") && ord.is_lt()) {
                        best = v.clone();
                    }
                }
                ok(best)
            }
            "sorted" | "sortedDescending" | "sort" | "sortDescending" => {
                let mut v = items;
                let mut err = None;
                // Stable both ways: descending is the reversed comparison, not a reversed list.
                let descending = n.ends_with("Descending");
                crate::order::sort_by(&mut v, |a, b| {
                    let o = self.compare_total(a, b).unwrap_or_else(|e| {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    });
                    if descending { o.reverse() } else { o }
                });
                if let Some(e) = err {
                    return Err(e);
                }
                if n.starts_with("sorted") {
                    return Ok(Native::Value(self.new_sorted_list(v)));
                }
                set_items(self, v);
                ok(Value::Unit)
            }
            "reversed" | "asReversed" => {
                let mut v = items;
                v.reverse();
                let kind = ListKind::read_only(len.min(2));
                Ok(Native::Value(self.new_list_of(v, kind)))
            }
            "take" | "drop" | "takeLast" | "dropLast" => {
                let k = (arg(0).as_i64().unwrap_or(0).max(0) as usize).min(len);
                let v = match n {
                    "take" => items[..k].to_vec(),
                    "drop" => items[k..].to_vec(),
                    "takeLast" => items[len - k..].to_vec(),
                    _ => items[..len - k].to_vec(),
                };
                let kind = ListKind::read_only(v.len());
                Ok(Native::Value(self.new_list_of(v, kind)))
            }
            "subList" => {
                let (a, b) = (arg(0).as_i64().unwrap_or(0), arg(1).as_i64().unwrap_or(len as i64));
                let bad = if self.heap.list_kind(o) == ListKind::Empty {
                    (a != 0 || b != 0).then(|| (ExcClass::IndexOutOfBoundsException, format!("fromIndex: {a}, toIndex: {b}")))
                } else if a < 0 {
                    Some((ExcClass::IndexOutOfBoundsException, format!("fromIndex = {a}")))
                } else if b > len as i64 {
                    Some((ExcClass::IndexOutOfBoundsException, format!("toIndex = {b}")))
                } else if a > b {
                    Some((ExcClass::IllegalArgumentException, format!("fromIndex({a}) > toIndex({b})")))
                } else {
                    None
                };
                if let Some((class, msg)) = bad {
                    return Err(self.throw_new(class, &msg));
                }
                Ok(Native::Value(self.new_list(items[a as usize..b as usize].to_vec())))
            }
            "toHashSet" => self.hash_set_of(items),
            "distinct" | "toSet" | "toMutableSet" => {
                let mut v: Vec<Value> = Vec::new();
                for x in items {
                    if !v.iter().any(|y| self.equals(&x, y)) {
                        v.push(x);
                    }
                }
                if n == "distinct" {
                    let kind = ListKind::read_only(v.len());
                    Ok(Native::Value(self.new_list_of(v, kind)))
                } else {
                    ok(Value::Obj(self.heap.alloc(HeapObj::Set(v))))
                }
            }
            "toList" | "toMutableList" | "toTypedArray" | "toIntArray" | "toLongArray" | "asList" => {
                let kind = match n {
                    "toList" => ListKind::read_only(len),
                    "toMutableList" => ListKind::ArrayList,
                    "asList" => ListKind::Fixed,
                    _ => ListKind::Array,
                };
                Ok(Native::Value(self.new_list_of(items, kind)))
            }
            "shuffled" => {
                let mut v = items;
                for i in (1..v.len()).rev() {
                    let j = self.rng.below(i as u64 + 1) as usize;
                    v.swap(i, j);
                }
                Ok(Native::Value(self.new_list(v)))
            }
            "random" => {
                if len == 0 {
                    return no_such(self, "Collection is empty.");
                }
                let i = self.rng.below(len as u64) as usize;
                ok(items[i].clone())
            }
            "joinToString" => {
                if let Some(msg) = self.unprintable(recv) {
                    return Err(Fault::Stop(msg));
                }
                let sep = match arg(0) {
                    Value::Absent => ", ".to_string(),
                    v => self.to_kstring(&v),
                };
                let prefix = match arg(1) {
                    Value::Absent => String::new(),
                    v => self.to_kstring(&v),
                };
                let postfix = match arg(2) {
                    Value::Absent => String::new(),
                    v => self.to_kstring(&v),
                };
                // A non-negative limit keeps that many elements and then writes `truncated`
                // (after a separator) when there are more.
                let limit = arg(3).as_i64().filter(|l| *l >= 0).map(|l| l as usize);
                let shown = limit.map_or(items.len(), |l| l.min(items.len()));
                let mut parts: Vec<String> = items[..shown].iter().map(|v| self.to_kstring(v)).collect();
                if shown < items.len() {
                    parts.push(match arg(4) {
                        Value::Absent => "...".to_string(),
                        v => self.to_kstring(&v),
                    });
                }
                ok(Value::str(&format!("{prefix}{}{postfix}", parts.join(&sep))))
            }
            "filterNotNull" => {
                let v: Vec<Value> = items.into_iter().filter(|v| !v.is_null()).collect();
                Ok(Native::Value(self.new_list(v)))
            }
            "flatten" => {
                let mut v = Vec::new();
                for inner in items {
                    match inner {
                        Value::Obj(p) if matches!(self.heap.get(p), HeapObj::List(_) | HeapObj::Set(_)) => v.extend(self.list_items(p)),
                        Value::Range(r) => v.extend((0..r.len()).map(|i| r.element(r.first + i * r.step))),
                        other => return Err(Fault::Stop(format!("flatten takes a collection of collections, not of {}", self.type_name(&other)))),
                    }
                }
                Ok(Native::Value(self.new_list(v)))
            }
            // `zipWithNext()`: each element paired with the next; with a transform, see inline.rs.
            "zipWithNext" => {
                let pairs: Vec<Value> = items.windows(2).map(|w| Value::Obj(self.heap.alloc(HeapObj::Pair(w[0].clone(), w[1].clone())))).collect();
                Ok(Native::Value(self.new_list(pairs)))
            }
            "withIndex" => {
                let pairs: Vec<Value> = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let pair = self.heap.alloc(HeapObj::Pair(Value::Int(i as i32), v));
                        self.heap.mark_indexed_value(pair);
                        Value::Obj(pair)
                    })
                    .collect();
                Ok(Native::Value(self.new_list(pairs)))
            }
            // `zip` takes any Iterable: a list, a set or a range.
            "zip" => {
                let other = match arg(0) {
                    Value::Obj(p) => self.list_items(p),
                    // Only as many elements as the list has: `zip(1..Int.MAX_VALUE)` is fine.
                    Value::Range(r) => (0..r.len().min(items.len() as i64)).map(|i| r.element(r.first + i * r.step)).collect(),
                    _ => Vec::new(),
                };
                let pairs: Vec<Value> = items.into_iter().zip(other).map(|(a, b)| Value::Obj(self.heap.alloc(HeapObj::Pair(a, b)))).collect();
                Ok(Native::Value(self.new_list(pairs)))
            }
            // `chunked(size)` is `windowed(size, size, partialWindows = true)`.
            "chunked" | "windowed" => {
                let size = arg(0).as_i64().unwrap_or(0);
                let (step, partial) = match n {
                    "chunked" => (size, true),
                    _ => (match arg(1) {
                        Value::Absent => 1,
                        v => v.as_i64().unwrap_or(0),
                    }, matches!(arg(2), Value::Bool(true))),
                };
                if size <= 0 || step <= 0 {
                    let msg = if size != step { format!("Both size {size} and step {step} must be greater than zero.") } else { format!("size {size} must be greater than zero.") };
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, &msg));
                }
                let (size, step) = (size as usize, step as usize);
                let mut windows = Vec::new();
                let mut start = 0;
                while start < len && (partial || start + size <= len) {
                    windows.push(items[start..(start + size).min(len)].to_vec());
                    start += step;
                }
                let windows: Vec<Value> = windows.into_iter().map(|w| self.new_list(w)).collect();
                Ok(Native::Value(self.new_list(windows)))
            }
            // The end of an inlined `filter`: filtering a map gives a map of the entries kept
            // (`arg(0)` is what was filtered); anything else, this list.
            "<filteredFrom>" => match arg(0) {
                Value::Obj(m) if matches!(self.heap.get(m), HeapObj::Map(_)) => {
                    let mut entries = Vec::with_capacity(len);
                    for item in &items {
                        if let Value::Obj(e) = item {
                            if let HeapObj::Entry(k, v) = self.heap.get(*e) {
                                entries.push((k.clone(), v.clone()));
                            }
                        }
                    }
                    ok(Value::Obj(self.heap.alloc(HeapObj::Map(entries))))
                }
                _ => ok(recv.clone()),
            },
            "awaitAll" | "joinAll" => {
                let s = self.current_strand.unwrap_or(StrandId(0));
                let jobs = self.jobs_of(std::slice::from_ref(recv))?;
                self.wait_all(s, jobs, n == "awaitAll")
            }
            "fill" => {
                let v = vec![arg(0); len];
                set_items(self, v);
                ok(Value::Unit)
            }
            "iterator" | "listIterator" if args.is_empty() => Ok(Native::Value(self.make_iterator(recv.clone())?)),
            "<plusAssign>" => {
                let add = match &arg(0) {
                    Value::Obj(p) if matches!(self.heap.get(*p), HeapObj::List(_) | HeapObj::Set(_)) => "addAll",
                    Value::Range(_) => "addAll",
                    _ => "add",
                };
                self.list_method(o, recv, add, args, false)?;
                ok(Value::Unit)
            }
            "<minusAssign>" => {
                self.list_method(o, recv, "remove", args, false)?;
                ok(Value::Unit)
            }
            "plus" => Ok(Native::Value(self.binary(crate::bytecode::BinOp::Add, recv.clone(), arg(0))?)),
            // `slice(indices: IntRange)` is `subList(first, last + 1).toList()` (an empty range
            // gives an empty list); `slice(indices: Iterable<Int>)` gets each index in turn.
            "slice" => match arg(0) {
                Value::Range(r) if !r.progression => {
                    if r.is_empty() {
                        return Ok(Native::Value(self.new_list_of(Vec::new(), ListKind::Empty)));
                    }
                    let end = r.last_element().map_or(r.last, |l| l) + 1;
                    let Native::Value(Value::Obj(sub)) = self.list_method(o, recv, "subList", &[r.element(r.first), Value::Int(end as i32)], false)? else {
                        return Err(Fault::Stop("slice lost its list".into()));
                    };
                    let v = self.list_items(sub);
                    let kind = ListKind::read_only(v.len());
                    Ok(Native::Value(self.new_list_of(v, kind)))
                }
                other => {
                    let Some(wanted) = self.iterable_items(&other) else { return Err(Fault::Stop(format!("slice takes a range or a list of indices, not {}", self.type_name(&other)))) };
                    if wanted.is_empty() {
                        return Ok(Native::Value(self.new_list_of(Vec::new(), ListKind::Empty)));
                    }
                    let mut v = Vec::with_capacity(wanted.len());
                    for i in wanted {
                        v.push(self.get_index(recv.clone(), i)?);
                    }
                    Ok(Native::Value(self.new_list(v)))
                }
            },
            "containsAll" => {
                let wanted = self.iterable_items(&arg(0)).unwrap_or_default();
                ok(Value::Bool(wanted.iter().all(|w| items.iter().any(|x| self.equals(x, w)))))
            }
            // `a union b`, `a intersect b`, `a subtract b`: a LinkedHashSet of the receiver's
            // elements (union: then the other's), in their order.
            "union" | "intersect" | "subtract" => {
                let Some(other) = self.iterable_items(&arg(0)) else { return Err(Fault::Stop(format!("{n} takes a collection, not {}", self.type_name(&arg(0))))) };
                let mut v: Vec<Value> = Vec::new();
                let plus = if n == "union" { other.clone() } else { Vec::new() };
                for x in items.into_iter().chain(plus) {
                    if v.iter().any(|y| self.equals(&x, y)) {
                        continue;
                    }
                    let in_other = n != "union" && other.iter().any(|y| self.equals(&x, y));
                    if n == "union" || (n == "intersect") == in_other {
                        v.push(x);
                    }
                }
                ok(Value::Obj(self.heap.alloc(HeapObj::Set(v))))
            }
            // `removeAll(elements)` and `retainAll(elements)`: true when the collection changed.
            "removeAll" | "retainAll" => {
                let Some(other) = self.iterable_items(&arg(0)) else { return Err(Fault::Stop(format!("{n} takes a collection or a predicate, not {}", self.type_name(&arg(0))))) };
                let keep_found = n == "retainAll";
                let v: Vec<Value> = items.iter().filter(|x| other.iter().any(|y| self.equals(x, y)) == keep_found).cloned().collect();
                let changed = v.len() != len;
                set_items(self, v);
                ok(Value::Bool(changed))
            }
            // The end of an inlined `removeIf { }`, `removeAll { }` or `retainAll { }`: the
            // elements kept; true when some were removed.
            "<keepOnly>" => {
                let v = self.iterable_items(&arg(0)).unwrap_or_default();
                let changed = v.len() != len;
                set_items(self, v);
                ok(Value::Bool(changed))
            }
            "reverse" if !is_set => {
                let mut v = items;
                v.reverse();
                set_items(self, v);
                ok(Value::Unit)
            }
            // A collection of pairs to a map (a LinkedHashMap: a key seen again keeps its place
            // and takes the later value).
            "toMap" | "toMutableMap" => {
                let mut entries: Vec<(Value, Value)> = Vec::with_capacity(len);
                for x in &items {
                    let Some((k, v)) = self.pair_of(x) else { return Err(Fault::Stop(format!("toMap takes a collection of pairs, not of {}", self.type_name(x)))) };
                    self.put_entry(&mut entries, k, v);
                }
                ok(Value::Obj(self.heap.alloc(HeapObj::Map(entries))))
            }
            _ => Err(self.no_member(recv, n)),
        }
    }

    /// A component of a pair, a triple or a map entry: read, or, given arguments, called as
    /// the function it holds.
    fn component_or_call(&mut self, s: StrandId, ex: &mut Exec, v: Value, args: &[Value], span: Span) -> NResult {
        if args.is_empty() {
            ok(v)
        } else {
            self.call_value(s, ex, v, args.to_vec(), span)
        }
    }

    /// The key and value of a `Pair` (or of a map's entry), as `mapOf`, `toMap`, `putAll` and
    /// `map + pair` read them.
    pub(crate) fn pair_of(&self, v: &Value) -> Option<(Value, Value)> {
        match v {
            Value::Obj(p) => match self.heap.get(*p) {
                HeapObj::Pair(k, v) | HeapObj::Entry(k, v) => Some((k.clone(), v.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    /// The entries `map + other` and `putAll(other)` add: another map's, a pair, or a
    /// collection of pairs; `None` when `other` is none of these.
    pub(crate) fn entries_to_add(&self, other: &Value) -> Option<Vec<(Value, Value)>> {
        let Value::Obj(p) = other else { return None };
        match self.heap.get(*p) {
            HeapObj::Map(m) => Some(m.clone()),
            HeapObj::Pair(..) => self.pair_of(other).map(|e| vec![e]),
            HeapObj::List(v) | HeapObj::Set(v) => v.iter().map(|x| self.pair_of(x)).collect(),
            _ => None,
        }
    }

    /// Puts a key in entries kept in insertion order (a LinkedHashMap's): a key already there
    /// keeps its place and takes the new value.
    pub(crate) fn put_entry(&self, entries: &mut Vec<(Value, Value)>, k: Value, v: Value) {
        match entries.iter().position(|(x, _)| self.equals(x, &k)) {
            Some(i) => entries[i].1 = v,
            None => entries.push((k, v)),
        }
    }

    /// The elements of a collection or a range argument, in order; `None` for anything else.
    fn iterable_items(&self, v: &Value) -> Option<Vec<Value>> {
        match v {
            Value::Obj(p) if matches!(self.heap.get(*p), HeapObj::List(_) | HeapObj::Set(_)) => Some(self.list_items(*p)),
            Value::Range(r) if r.len() <= 1_000_000 => Some((0..r.len()).map(|i| r.element(r.first + i * r.step)).collect()),
            _ => None,
        }
    }

    /// Puts the entries of a map that is a Java `HashMap` (see `Heap::hash_table_size`) in the
    /// order it iterates them, after a new key (see [`World::hash_table_order`]). A
    /// `ConcurrentHashMap` that resizes splits its buckets its own way
    /// ([`World::grow_concurrent_map`]); a `TreeMap` stays sorted.
    #[inline(never)]
    pub(crate) fn order_as_hash_map(&mut self, o: ObjId) {
        let Some(recorded) = self.heap.hash_table_size(o) else { return };
        if recorded == crate::value::SORTED_MAP {
            self.order_as_sorted_map(o);
            return;
        }
        let concurrent = recorded & crate::value::CONCURRENT_MAP;
        let old_size = recorded & !crate::value::CONCURRENT_MAP;
        let HeapObj::Map(entries) = self.heap.get_mut(o) else { return };
        let mut entries = std::mem::take(entries);
        let table_size = table_size_for(entries.len(), old_size, concurrent != 0);
        let reproducible = entries.iter().all(|(k, _)| self.hash_reproducible(k));
        if concurrent != 0 && table_size > old_size && reproducible {
            entries = self.grow_concurrent_map(entries, old_size, table_size);
        } else {
            self.hash_table_order(&mut entries, |(k, _)| k, table_size, table_size == old_size);
        }
        self.heap.set_hash_table_size(o, table_size | concurrent);
        if let HeapObj::Map(map) = self.heap.get_mut(o) {
            *map = entries;
        }
    }

    /// Puts the elements of a set that is a Java `HashSet` in the order it iterates them,
    /// after a new element (the last): a `HashSet` is the key set of a `HashMap`.
    pub(crate) fn order_as_hash_set(&mut self, o: ObjId) {
        let n = match self.heap.get(o) {
            HeapObj::Set(items) => items.len(),
            _ => return,
        };
        self.order_as_hash_set_after(o, n.saturating_sub(1));
    }

    /// The same after the elements from `ordered` on were added at once (`addAll`): added one
    /// by one, they would end in the order of their buckets in the final table, in insertion
    /// order within a bucket, which one sort gives.
    pub(crate) fn order_as_hash_set_after(&mut self, o: ObjId, ordered: usize) {
        let Some(old_size) = self.heap.hash_table_size(o) else { return };
        let HeapObj::Set(items) = self.heap.get_mut(o) else { return };
        let mut items = std::mem::take(items);
        let table_size = table_size_for(items.len(), old_size, false);
        let only_last_new = items.len() == ordered + 1 && table_size == old_size;
        self.hash_table_order(&mut items, |k| k, table_size, only_last_new);
        self.heap.set_hash_table_size(o, table_size);
        if let HeapObj::Set(set) = self.heap.get_mut(o) {
            *set = items;
        }
    }

    /// Orders the items of a Java hash table of `table_size` buckets after items were added:
    /// by bucket (the key's `hashCode()` spread as `h ^ (h >>> 16)`, masked by the table
    /// size), in insertion order within a bucket, which is the order a Java bucket list keeps
    /// across resizes. With `only_last_new` (one item added, no resize), the items before the
    /// last are in bucket order already, and the last moves after the last item of a bucket
    /// not above its own, found by a binary search, instead of sorting them all at every put.
    /// When a key's `hashCode()` cannot be reproduced (an identity hash code), the items stay
    /// in insertion order.
    #[inline(never)]
    pub(crate) fn hash_table_order<T>(&self, items: &mut Vec<T>, key: impl Fn(&T) -> &Value, table_size: u32, only_last_new: bool) {
        if !items.iter().all(|i| self.hash_reproducible(key(i))) {
            return;
        }
        let bucket = |k: &Value| self.hash_bucket(k, table_size).unwrap_or(0);
        if only_last_new && items.len() > 1 {
            let last = items.pop().expect("checked: more than one item");
            let b = bucket(key(&last));
            let at = items.partition_point(|i| bucket(key(i)) <= b);
            items.insert(at, last);
            return;
        }
        // A stable sort keeps insertion order within a bucket.
        items.sort_by_key(|i| bucket(key(i)));
    }

    /// The entries of a `ConcurrentHashMap` whose new key (the last entry) fills its table, in
    /// the order of its grown table: the key joins the end of its bucket, then each doubling of the table splits every bucket as its
    /// `transfer` does. The longest run at a bucket's end whose entries all go the same way
    /// moves as it is; the entries before it are put in front of it one by one, which reverses
    /// them. A bucket `b` of a table of `n` gives bucket `b` and bucket `b + n` of the new one.
    #[inline(never)]
    fn grow_concurrent_map(&self, mut entries: Vec<(Value, Value)>, old_size: u32, table_size: u32) -> Vec<(Value, Value)> {
        let Some(new_entry) = entries.pop() else { return entries };
        let bucket = |w: &World, k: &Value, size: u32| w.hash_bucket(k, size).unwrap_or(0);
        // The new key goes at the end of its bucket in the table it was put into.
        let b = bucket(self, &new_entry.0, old_size);
        let at = entries.partition_point(|(k, _)| bucket(self, k, old_size) <= b);
        entries.insert(at, new_entry);
        let mut size = old_size;
        while size < table_size {
            let mut low: Vec<(Value, Value)> = Vec::with_capacity(entries.len());
            let mut high: Vec<(Value, Value)> = Vec::new();
            let mut rest = entries.as_slice();
            while let Some((first, _)) = rest.first() {
                let b = bucket(self, first, size);
                let len = rest.iter().take_while(|(k, _)| bucket(self, k, size) == b).count();
                let (chain, after) = rest.split_at(len);
                rest = after;
                let goes_high = |k: &Value| bucket(self, k, 2 * size) >= size;
                let run_high = goes_high(&chain[chain.len() - 1].0);
                let run_from = (0..chain.len()).rev().take_while(|&i| goes_high(&chain[i].0) == run_high).last().unwrap_or(0);
                let (mut lo, mut hi): (Vec<(Value, Value)>, Vec<(Value, Value)>) = (Vec::new(), Vec::new());
                for e in chain[..run_from].iter().rev() {
                    if goes_high(&e.0) { hi.push(e.clone()) } else { lo.push(e.clone()) }
                }
                if run_high {
                    hi.extend_from_slice(&chain[run_from..]);
                } else {
                    lo.extend_from_slice(&chain[run_from..]);
                }
                low.extend(lo);
                high.extend(hi);
            }
            // Buckets `b` below `n` come before buckets `b + n`, each in `b`'s order.
            low.extend(high);
            entries = low;
            size *= 2;
        }
        entries
    }

    /// Keeps a `TreeMap` (`toSortedMap()`) sorted by its keys' natural order after a new key,
    /// which is the last entry: it moves to its place. Keys that cannot be compared natively
    /// leave it where it is.
    #[inline(never)]
    fn order_as_sorted_map(&mut self, o: ObjId) {
        let HeapObj::Map(entries) = self.heap.get(o) else { return };
        let Some(((new_key, _), rest)) = entries.split_last() else { return };
        let (mut lo, mut hi) = (0, rest.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.compare_total(&rest[mid].0, new_key) {
                Ok(ord) if ord.is_le() => lo = mid + 1,
                Ok(_) => hi = mid,
                Err(_) => return,
            }
        }
        if let HeapObj::Map(entries) = self.heap.get_mut(o) {
            let entry = entries.pop().expect("checked: not empty");
            entries.insert(lo, entry);
        }
    }

    /// The bucket of a key in a Java `HashMap` table of `table_size`: its `hashCode()` spread
    /// as `h ^ (h >>> 16)`, masked. `None` for a key whose hash depends on identity (the
    /// engine cannot reproduce it), which leaves the map in insertion order.
    fn hash_bucket(&self, k: &Value, table_size: u32) -> Option<u32> {
        if !self.hash_reproducible(k) {
            return None;
        }
        let h = self.hash_code(k).ok()? as u32;
        Some((h ^ (h >> 16)) & (table_size - 1))
    }

    /// Keys whose hash does not depend on identity: null, String, Int, Long, Char, Boolean,
    /// Double, and the collections, pairs, triples and data classes made of them (a data
    /// class that writes its own `hashCode()` is not, nor an enum entry, whose hash is its
    /// identity).
    fn hash_reproducible(&self, k: &Value) -> bool {
        self.hash_reproducible_within(k, 0)
    }

    fn hash_reproducible_within(&self, k: &Value, depth: u32) -> bool {
        match k {
            Value::Null | Value::Str(_) | Value::Int(_) | Value::Long(_) | Value::Char(_) | Value::Bool(_) | Value::Double(_) => true,
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::List(v) | HeapObj::Set(v) => self.all_hash_reproducible(v.iter(), depth),
                HeapObj::Map(e) => self.all_hash_reproducible(e.iter().flat_map(|(a, b)| [a, b]), depth),
                HeapObj::Pair(a, b) | HeapObj::Entry(a, b) => self.all_hash_reproducible([a, b], depth),
                HeapObj::Triple(t) => self.all_hash_reproducible(t.iter(), depth),
                HeapObj::Instance { class, fields } => {
                    let c = &self.program.classes[class.0 as usize];
                    c.is_data && self.enum_entry(k).is_none() && self.own_method(k, "hashCode", 0).is_none() && self.all_hash_reproducible(fields.iter(), depth)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether every part of a key is [`World::hash_reproducible`], not too deep.
    fn all_hash_reproducible<'v>(&self, parts: impl IntoIterator<Item = &'v Value>, depth: u32) -> bool {
        depth < 16 && parts.into_iter().all(|x| self.hash_reproducible_within(x, depth + 1))
    }

    /// The entries of a map object, in place.
    fn map_entries(&self, o: ObjId) -> &[(Value, Value)] {
        match self.heap.get(o) {
            HeapObj::Map(e) => e,
            _ => &[],
        }
    }

    /// The value stored under `key`, if any.
    fn map_find(&self, o: ObjId, key: &Value) -> Option<Value> {
        self.map_entries(o).iter().find(|(k, _)| self.equals(k, key)).map(|(_, v)| v.clone())
    }

    #[inline(never)]
    fn map_method(&mut self, o: ObjId, n: &str, args: &[Value]) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let recv = Value::Obj(o);
        let len = self.map_entries(o).len();
        match n {
            "<eachCount>" => {
                // The map of groups that `groupingBy { }.eachCount()` built: sizes replace them.
                let sizes: Vec<Value> = self
                    .map_entries(o)
                    .iter()
                    .map(|(_, g)| match g {
                        Value::Obj(l) => match self.heap.get(*l) {
                            HeapObj::List(items) => Value::Int(items.len() as i32),
                            _ => Value::Int(0),
                        },
                        _ => Value::Int(0),
                    })
                    .collect();
                if let HeapObj::Map(entries) = self.heap.get_mut(o) {
                    for ((_, g), size) in entries.iter_mut().zip(sizes) {
                        *g = size;
                    }
                }
                ok(recv)
            }
            "size" => ok(Value::Int(len as i32)),
            "isEmpty" => ok(Value::Bool(len == 0)),
            "isNotEmpty" => ok(Value::Bool(len != 0)),
            "get" => Ok(Native::Value(self.get_index(recv, arg(0))?)),
            "getOrDefault" => ok(self.map_find(o, &arg(0)).unwrap_or(arg(1))),
            // `getValue(key)`: the value, or NoSuchElementException for a missing key (a key
            // stored with null gives null).
            "getValue" => match self.map_find(o, &arg(0)) {
                Some(v) => ok(v),
                None => {
                    let key = self.to_kstring(&arg(0));
                    Err(self.throw_new(ExcClass::NoSuchElementException, &format!("Key {key} is missing in the map.")))
                }
            },
            // `putIfAbsent(key, value)`: stores the value when the key is missing or holds null;
            // gives what it held.
            "putIfAbsent" => {
                let old = self.map_find(o, &arg(0)).unwrap_or(Value::Null);
                if old.is_null() {
                    self.set_index(recv, arg(0), arg(1))?;
                }
                ok(old)
            }
            "putAll" => {
                let Some(more) = self.entries_to_add(&arg(0)) else {
                    return Err(Fault::Stop(format!("putAll takes a map or a collection of pairs, not {}", self.type_name(&arg(0)))));
                };
                for (k, v) in more {
                    self.set_index(recv.clone(), k, v)?;
                }
                ok(Value::Unit)
            }
            "count" if args.is_empty() => ok(Value::Int(len as i32)),
            "none" if args.is_empty() => ok(Value::Bool(len == 0)),
            "any" if args.is_empty() => ok(Value::Bool(len != 0)),
            // A copy in this map's order: `toMap()` and `toMutableMap()` give a LinkedHashMap.
            "toMap" | "toMutableMap" => {
                let entries = self.map_entries(o).to_vec();
                ok(Value::Obj(self.heap.alloc(HeapObj::Map(entries))))
            }
            // `toSortedMap()`: a TreeMap, sorted by its keys' natural order and kept so.
            "toSortedMap" if args.is_empty() => {
                let mut entries = self.map_entries(o).to_vec();
                let mut err = None;
                crate::order::sort_by(&mut entries, |a, b| {
                    self.compare_total(&a.0, &b.0).unwrap_or_else(|e| {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    })
                });
                if let Some(e) = err {
                    return Err(e);
                }
                let map = self.heap.alloc(HeapObj::Map(entries));
                self.heap.set_hash_table_size(map, crate::value::SORTED_MAP);
                ok(Value::Obj(map))
            }
            "containsKey" => ok(Value::Bool(self.map_find(o, &arg(0)).is_some())),
            "containsValue" => {
                let value = arg(0);
                ok(Value::Bool(self.map_entries(o).iter().any(|(_, v)| self.equals(v, &value))))
            }
            "put" => {
                let old = self.map_find(o, &arg(0)).unwrap_or(Value::Null);
                self.set_index(recv, arg(0), arg(1))?;
                ok(old)
            }
            "set" => {
                self.set_index(recv, arg(0), arg(1))?;
                ok(Value::Unit)
            }
            "remove" => {
                let key = arg(0);
                let pos = self.map_entries(o).iter().position(|(k, _)| self.equals(k, &key));
                let old = match (pos, self.heap.get_mut(o)) {
                    (Some(p), HeapObj::Map(e)) => e.remove(p).1,
                    _ => Value::Null,
                };
                ok(old)
            }
            "clear" => {
                *self.heap.get_mut(o) = HeapObj::Map(Vec::new());
                ok(Value::Unit)
            }
            // `keys`, `values` and `entries` are views: they show the map as it is when they
            // are used, and removing from them removes from the map.
            "keys" | "values" | "entries" => {
                let part = match n {
                    "keys" => MapPart::Keys,
                    "values" => MapPart::Values,
                    _ => MapPart::Entries,
                };
                let view = self.heap.alloc(HeapObj::Set(Vec::new()));
                self.heap.mark_map_view(view, o, part);
                self.refresh_map_view(view);
                ok(Value::Obj(view))
            }
            "iterator" => Ok(Native::Value(self.make_iterator(recv.clone())?)),
            // `toList()` gives pairs.
            "toList" => {
                let entries = self.map_entries(o).to_vec();
                let items: Vec<Value> = entries.into_iter().map(|(k, v)| Value::Obj(self.heap.alloc(HeapObj::Pair(k, v)))).collect();
                Ok(Native::Value(self.new_list(items)))
            }
            "<plusAssign>" => {
                if let Value::Obj(p) = arg(0) {
                    if let HeapObj::Pair(k, v) = self.heap.get(p).clone() {
                        self.set_index(recv, k, v)?;
                        return ok(Value::Unit);
                    }
                }
                Err(Fault::Stop("a map += needs a pair: map += key to value".into()))
            }
            "<groupAdd>" => {
                let key = arg(0);
                match self.map_find(o, &key) {
                    Some(group) => {
                        if let Value::Obj(l) = group {
                            if let HeapObj::List(items) = self.heap.get_mut(l) {
                                items.push(arg(1));
                            }
                        }
                    }
                    None => {
                        let l = self.new_list(vec![arg(1)]);
                        if let HeapObj::Map(e) = self.heap.get_mut(o) {
                            e.push((key, l));
                        }
                    }
                }
                ok(Value::Unit)
            }
            _ => Err(self.no_member(&recv, n)),
        }
    }

    fn string_method(&mut self, text: &str, n: &str, args: &[Value], _property: bool) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let s_arg = |w: &World, i: usize| match args.get(i) {
            Some(Value::Absent) | None => String::new(),
            Some(v) => w.to_kstring(v),
        };
        let s_chars = |w: &World, i: usize| s_arg(w, i).chars().collect::<Vec<char>>();
        let ignore_case_at = |i: usize| matches!(args.get(i), Some(Value::Bool(true)));
        let chars: Vec<char> = text.chars().collect();
        let num_err = |w: &mut World| Err(w.throw_new(ExcClass::NumberFormatException, &format!("For input string: \"{text}\"")));
        match n {
            "length" => ok(Value::Int(text.encode_utf16().count() as i32)),
            "indices" => ok(indices(chars.len())),
            "lastIndex" => ok(Value::Int(chars.len() as i32 - 1)),
            "isEmpty" => ok(Value::Bool(text.is_empty())),
            "isNotEmpty" => ok(Value::Bool(!text.is_empty())),
            "isBlank" | "isNullOrBlank" => ok(Value::Bool(text.trim().is_empty())),
            "isNotBlank" => ok(Value::Bool(!text.trim().is_empty())),
            "isNullOrEmpty" => ok(Value::Bool(text.is_empty())),
            "orEmpty" => ok(Value::str(text)),
            // The first character in title case (upper case for the letters the engine knows).
            "capitalize" | "decapitalize" => {
                let mut rest = text.chars();
                let Some(first) = rest.next() else { return ok(Value::str("")) };
                let head = if n == "capitalize" { crate::case::uppercase(&first.to_string()) } else { crate::case::lowercase(&first.to_string()) };
                // A character whose upper case is several (ß) keeps itself, as Kotlin's
                // capitalize() does with Character.toTitleCase.
                let head = if head.chars().count() == 1 { head } else { first.to_string() };
                ok(Value::str(&format!("{head}{}", rest.as_str())))
            }
            // `chunked(n)` of a String: its pieces of n characters, the last one shorter.
            "chunked" if args.len() == 1 => {
                let size = arg(0).as_i64().unwrap_or(0);
                if size <= 0 {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, &format!("size {size} must be greater than zero.")));
                }
                let pieces: Vec<Value> = chars.chunks(size as usize).map(|c| Value::str(&c.iter().collect::<String>())).collect();
                Ok(Native::Value(self.new_list(pieces)))
            }
            "uppercase" | "toUpperCase" => ok(Value::str(&crate::case::uppercase(text))),
            "lowercase" | "toLowerCase" => ok(Value::str(&crate::case::lowercase(text))),
            "trimIndent" => ok(Value::str(&trim_indent(text))),
            // Without arguments they trim what Kotlin calls whitespace; with characters, those.
            "trim" | "trimStart" | "trimEnd" => {
                let mut chars: Vec<char> = Vec::new();
                for a in args.iter() {
                    match a {
                        Value::Char(c) => chars.push(*c),
                        Value::Absent => {}
                        other => return Err(Fault::Stop(format!("{n} takes characters here, not {}: {n}('x', 'y')", self.type_name(other)))),
                    }
                }
                let trimmed = |c: char| if chars.is_empty() { kotlin_is_whitespace(c) } else { chars.contains(&c) };
                ok(Value::str(match n {
                    "trim" => text.trim_matches(trimmed),
                    "trimStart" => text.trim_start_matches(trimmed),
                    _ => text.trim_end_matches(trimmed),
                }))
            }
            "trimMargin" => {
                let prefix = match arg(0) {
                    Value::Absent => "|".to_string(),
                    v => self.to_kstring(&v),
                };
                if prefix.trim().is_empty() {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, "marginPrefix must be non-blank string."));
                }
                ok(Value::str(&trim_margin(text, &prefix)))
            }
            "reversed" => ok(Value::str(&chars.iter().rev().collect::<String>())),
            "contains" if ignore_case_at(1) => ok(Value::Bool(index_of(&chars, &s_chars(self, 0), 0, true).is_some())),
            "contains" => ok(Value::Bool(self.contains(&Value::str(text), &arg(0))?)),
            "startsWith" => {
                // `startsWith(prefix, ignoreCase)` or `startsWith(prefix, startIndex, ignoreCase)`.
                let (start, ignore_case) = match arg(1) {
                    Value::Bool(b) => (0, b),
                    v => (v.as_i64().unwrap_or(0), ignore_case_at(2)),
                };
                let prefix = s_chars(self, 0);
                ok(Value::Bool(start >= 0 && region_matches(&chars, start as usize, &prefix, ignore_case)))
            }
            "endsWith" => {
                let suffix = s_chars(self, 0);
                ok(Value::Bool(suffix.len() <= chars.len() && region_matches(&chars, chars.len() - suffix.len(), &suffix, ignore_case_at(1))))
            }
            "indexOf" => {
                let start = arg(1).as_i64().unwrap_or(0).max(0) as usize;
                ok(Value::Int(index_of(&chars, &s_chars(self, 0), start, ignore_case_at(2)).map(|i| i as i32).unwrap_or(-1)))
            }
            "lastIndexOf" => {
                // Kotlin starts from `lastIndex`: "Hello".lastIndexOf("") is 4.
                let start = match arg(1) {
                    Value::Absent => chars.len() as i64 - 1,
                    v => v.as_i64().unwrap_or(0),
                };
                ok(Value::Int(last_index_of(&chars, &s_chars(self, 0), start, ignore_case_at(2)).map(|i| i as i32).unwrap_or(-1)))
            }
            "substringBefore" | "substringAfter" | "substringBeforeLast" | "substringAfterLast" => {
                let delimiter = s_chars(self, 0);
                let found = if n.ends_with("Last") { last_index_of(&chars, &delimiter, chars.len() as i64 - 1, false) } else { index_of(&chars, &delimiter, 0, false) };
                ok(match found {
                    None => match arg(1) {
                        Value::Absent => Value::str(text),
                        v => Value::str(&self.to_kstring(&v)),
                    },
                    Some(i) if n.starts_with("substringBefore") => Value::str(&chars[..i].iter().collect::<String>()),
                    Some(i) => Value::str(&chars[i + delimiter.len()..].iter().collect::<String>()),
                })
            }
            "substring" => {
                // `substring(range)` is `substring(range.first, range.last + 1)`.
                let (a, b) = match arg(0) {
                    Value::Range(r) => (r.first, r.last.saturating_add(1)),
                    v => (v.as_i64().unwrap_or(0), arg(1).as_i64().unwrap_or(chars.len() as i64)),
                };
                if a < 0 || b > chars.len() as i64 || a > b {
                    return Err(self.throw_new(ExcClass::StringIndexOutOfBoundsException, &format!("begin {a}, end {b}, length {}", chars.len())));
                }
                ok(Value::str(&chars[a as usize..b as usize].iter().collect::<String>()))
            }
            "take" | "drop" | "takeLast" | "dropLast" => {
                let k = (arg(0).as_i64().unwrap_or(0).max(0) as usize).min(chars.len());
                let len = chars.len();
                let part: String = match n {
                    "take" => chars[..k].iter().collect(),
                    "drop" => chars[k..].iter().collect(),
                    "takeLast" => chars[len - k..].iter().collect(),
                    _ => chars[..len - k].iter().collect(),
                };
                ok(Value::str(&part))
            }
            "replace" if ignore_case_at(2) => ok(Value::str(&replace_matches(&chars, &s_chars(self, 0), &s_arg(self, 1), true, false))),
            "replace" => ok(Value::str(&text.replace(&s_arg(self, 0), &s_arg(self, 1)))),
            "replaceFirst" => ok(Value::str(&replace_matches(&chars, &s_chars(self, 0), &s_arg(self, 1), ignore_case_at(2), true))),
            "repeat" => ok(Value::str(&text.repeat(arg(0).as_i64().unwrap_or(0).max(0) as usize))),
            "padStart" | "padEnd" => {
                let width = arg(0).as_i64().unwrap_or(0).max(0) as usize;
                let pad = match arg(1) {
                    Value::Char(c) => c,
                    _ => ' ',
                };
                let fill: String = std::iter::repeat_n(pad, width.saturating_sub(chars.len())).collect();
                ok(Value::str(&if n == "padStart" { format!("{fill}{text}") } else { format!("{text}{fill}") }))
            }
            "split" => {
                // The compiler passes the delimiters (a vararg) as one list, then ignoreCase
                // and limit.
                let delimiters: Vec<Vec<char>> = match arg(0) {
                    Value::Obj(o) => match self.heap.get(o) {
                        HeapObj::List(items) => items.iter().map(|v| self.to_kstring(v).chars().collect()).collect(),
                        _ => vec![self.to_kstring(&Value::Obj(o)).chars().collect()],
                    },
                    Value::Absent => Vec::new(),
                    v => vec![self.to_kstring(&v).chars().collect()],
                };
                let limit = arg(2).as_i64().unwrap_or(0);
                if limit < 0 {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, &format!("Limit must be non-negative, but was {limit}")));
                }
                let parts: Vec<Value> = split_by(&chars, &delimiters, ignore_case_at(1), limit as usize).iter().map(|p| Value::str(p)).collect();
                Ok(Native::Value(self.new_list(parts)))
            }
            "lines" => {
                let parts: Vec<Value> = kotlin_lines(text).into_iter().map(Value::str).collect();
                Ok(Native::Value(self.new_list(parts)))
            }
            "toInt" | "toLong" | "toIntOrNull" | "toLongOrNull" if !matches!(arg(0), Value::Absent) => {
                let radix = arg(0).as_i64().unwrap_or(0);
                if !(2..=36).contains(&radix) {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, &format!("radix {radix} was not in valid range 2..36")));
                }
                // Rust's parser takes the sign and digits the JVM's does; `+` alone or an empty
                // text fail in both.
                let parsed = match n {
                    "toInt" | "toIntOrNull" => i32::from_str_radix(text, radix as u32).ok().map(Value::Int),
                    _ => i64::from_str_radix(text, radix as u32).ok().map(Value::Long),
                };
                match parsed {
                    Some(v) => ok(v),
                    None if n.ends_with("OrNull") => ok(Value::Null),
                    None if radix == 10 => num_err(self),
                    None => Err(self.throw_new(ExcClass::NumberFormatException, &format!("For input string: \"{text}\" under radix {radix}"))),
                }
            }
            "toInt" => match text.trim().parse::<i32>() {
                Ok(v) if text.trim() == text => ok(Value::Int(v)),
                _ => num_err(self),
            },
            "toLong" => match text.parse::<i64>() {
                Ok(v) => ok(Value::Long(v)),
                _ => num_err(self),
            },
            "toDouble" => match crate::decimal::parse_f64(text) {
                Some(v) => ok(Value::Double(v)),
                _ => num_err(self),
            },
            "toIntOrNull" => ok(text.parse::<i32>().map(Value::Int).unwrap_or(Value::Null)),
            "toLongOrNull" => ok(text.parse::<i64>().map(Value::Long).unwrap_or(Value::Null)),
            "toDoubleOrNull" => ok(crate::decimal::parse_f64(text).map(Value::Double).unwrap_or(Value::Null)),
            "firstOrNull" if args.is_empty() => ok(chars.first().map(|c| Value::Char(*c)).unwrap_or(Value::Null)),
            "lastOrNull" if args.is_empty() => ok(chars.last().map(|c| Value::Char(*c)).unwrap_or(Value::Null)),
            "first" => chars.first().map(|c| ok(Value::Char(*c))).unwrap_or_else(|| Err(self.throw_new(ExcClass::NoSuchElementException, "Char sequence is empty."))),
            "last" => chars.last().map(|c| ok(Value::Char(*c))).unwrap_or_else(|| Err(self.throw_new(ExcClass::NoSuchElementException, "Char sequence is empty."))),
            "get" => Ok(Native::Value(self.get_index(Value::str(text), arg(0))?)),
            "plus" => ok(Value::str(&format!("{text}{}", s_arg(self, 0)))),
            "format" => ok(Value::str(&self.format_string(text, args)?)),
            "compareTo" => match arg(0) {
                Value::Str(other) => ok(Value::Int(compare_texts(text, &other, ignore_case_at(1)))),
                other => Err(self.no_member(&other, "compareTo")),
            },
            "toList" | "toCharArray" => {
                let v = chars.iter().map(|c| Value::Char(*c)).collect();
                let kind = if n == "toList" { ListKind::read_only(chars.len()) } else { ListKind::Array };
                Ok(Native::Value(self.new_list_of(v, kind)))
            }
            "toSet" => {
                let mut v: Vec<Value> = Vec::new();
                for c in chars {
                    if !v.contains(&Value::Char(c)) {
                        v.push(Value::Char(c));
                    }
                }
                ok(Value::Obj(self.heap.alloc(HeapObj::Set(v))))
            }
            // `removePrefix`/`removeSuffix` give the text unchanged when it does not start
            // (end) with the argument; `removeSurrounding` removes both or neither, and only
            // when they do not overlap.
            "removePrefix" | "removeSuffix" | "removeSurrounding" => {
                let prefix = s_arg(self, 0);
                let suffix = if n == "removeSurrounding" && args.len() > 1 { s_arg(self, 1) } else { prefix.clone() };
                let out = match n {
                    "removePrefix" => text.strip_prefix(prefix.as_str()).unwrap_or(text),
                    "removeSuffix" => text.strip_suffix(prefix.as_str()).unwrap_or(text),
                    _ if text.len() >= prefix.len() + suffix.len() && text.starts_with(prefix.as_str()) && text.ends_with(suffix.as_str()) => {
                        &text[prefix.len()..text.len() - suffix.len()]
                    }
                    _ => text,
                };
                ok(Value::str(out))
            }
            _ => Err(Fault::Stop(format!("String has no member '{n}'"))),
        }
    }

    /// `"%d items, %.2f s".format(…)`: Java's format specifiers `s S b B c C d x X o f e E`
    /// with the flags `-` (left-justify), `0` (pad with zeros after the sign), `,` (group
    /// thousands), `+` and ` ` (sign of non-negative numbers), `(` (negative numbers in
    /// parentheses) and `#` (radix prefix), a width and a precision. An argument of the wrong
    /// type, a missing argument and an unknown conversion throw as Java's Formatter does.
    pub(crate) fn format_string(&mut self, fmt: &str, args: &[Value]) -> Result<String, Fault> {
        let mut out = String::new();
        let mut it = fmt.chars().peekable();
        let mut next_arg = 0;
        let mut last_arg: Option<usize> = None;
        while let Some(c) = it.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = String::from('%');
            // `%2$s` names its argument by position (from 1); `%<s` takes the previous one.
            // Neither moves the position of the next ordinary specifier.
            let mut chosen: Option<usize> = None;
            let mut look = it.clone();
            let mut position = String::new();
            while let Some(&d) = look.peek().filter(|d| d.is_ascii_digit()) {
                position.push(d);
                look.next();
            }
            let at_dollar = look.peek() == Some(&'$');
            if let Some(p) = position.parse::<usize>().ok().filter(|&p| p > 0 && at_dollar) {
                look.next();
                it = look;
                chosen = Some(p - 1);
                spec.push_str(&position);
                spec.push('$');
            } else if it.peek() == Some(&'<') {
                it.next();
                chosen = Some(last_arg.unwrap_or(usize::MAX));
                spec.push('<');
            }
            let mut flags = String::new();
            while let Some(&flag) = it.peek().filter(|f| "-0,+ (#".contains(**f)) {
                flags.push(flag);
                it.next();
            }
            let flag = |f: char| flags.contains(f);
            spec.push_str(&flags);
            let mut width = String::new();
            while let Some(&d) = it.peek().filter(|d| d.is_ascii_digit()) {
                width.push(d);
                it.next();
            }
            spec.push_str(&width);
            let mut prec = None;
            if it.peek() == Some(&'.') {
                it.next();
                let mut digits = String::new();
                while let Some(&d) = it.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    it.next();
                }
                prec = digits.parse::<usize>().ok();
                if !digits.is_empty() && prec.is_none_or(|p| p > MAX_FORMAT_WIDTH) {
                    return Err(Fault::Stop(format!("a format precision over {MAX_FORMAT_WIDTH} is not supported in Coroutine Lab")));
                }
                spec.push('.');
                spec.push_str(&digits);
            }
            let Some(conv) = it.next() else {
                return Err(self.throw_new(ExcClass::UnknownFormatConversionException, "Conversion = '%'"));
            };
            spec.push(conv);
            if conv == '%' || conv == 'n' {
                out.push(if conv == '%' { '%' } else { '\n' });
                continue;
            }
            if !"sSbBcCdxXofeEgGhH".contains(conv) {
                return Err(self.throw_new(ExcClass::UnknownFormatConversionException, &format!("Conversion = '{conv}'")));
            }
            let index = chosen.unwrap_or(next_arg);
            let Some(a) = args.get(index).cloned() else {
                return Err(self.throw_new(ExcClass::MissingFormatArgumentException, &format!("Format specifier '{spec}'")));
            };
            if chosen.is_none() {
                next_arg += 1;
            }
            last_arg = Some(index);
            let lower = conv.to_ascii_lowercase();
            let number = "dxofeg".contains(lower);
            if !number && flags.chars().any(|f| "0,+ (".contains(f)) || "xo".contains(lower) && flags.chars().any(|f| ",+ (".contains(f)) {
                return Err(Fault::Stop(format!("the flags '{flags}' do not apply to %{conv} in {spec}")));
            }
            let wrong_type = |w: &mut World, a: &Value| {
                let class = w.jvm_class_name(a);
                Err(w.throw_new(ExcClass::IllegalFormatConversionException, &format!("{lower} != {class}")))
            };
            // A number is written as a sign, digits and a closing parenthesis, so that the
            // zero padding can go between the sign and the digits.
            let (mut sign, mut close, mut finite) = ("", "", false);
            let mut body: String;
            match (lower, &a) {
                (_, Value::Null) => body = (if lower == 'b' { "false" } else { "null" }).into(),
                ('s', _) => body = self.text_of(&a)?,
                ('b', _) => body = (if a == Value::Bool(false) { "false" } else { "true" }).into(),
                ('c', Value::Char(ch)) => body = ch.to_string(),
                ('c', Value::Int(code)) => match char::from_u32(*code as u32) {
                    Some(ch) => body = ch.to_string(),
                    None => return Err(Fault::Stop(format!("{code} is not a Unicode code point (Java throws IllegalFormatCodePointException)"))),
                },
                ('d' | 'x' | 'o', Value::Int(_) | Value::Long(_)) => {
                    let v = a.as_i64().unwrap_or(0);
                    // Hexadecimal and octal write the two's complement of the value's own width.
                    let bits = if let Value::Int(i) = a { i as u32 as u64 } else { v as u64 };
                    body = match lower {
                        'x' => format!("{}{bits:x}", if flag('#') { "0x" } else { "" }),
                        'o' => format!("{}{bits:o}", if flag('#') { "0" } else { "" }),
                        _ => v.unsigned_abs().to_string(),
                    };
                    finite = true;
                    if lower == 'd' {
                        sign = if v < 0 { "-" } else { "" };
                    }
                }
                // `%h`: the hash code in hexadecimal.
                ('h', _) => body = format!("{:x}", self.hash_code(&a)? as u32),
                ('f' | 'e' | 'g', Value::Double(x)) => {
                    let p = prec.unwrap_or(6);
                    let text = match lower {
                        'f' => crate::decimal::Dec(*x).fixed_half_up(p),
                        'e' => crate::decimal::Dec(*x).scientific_half_up(p),
                        // `%g` rounds to `p` significant digits (at least one), then writes the
                        // value as `%f` would when it is at least 10^-4 and under 10^p, with
                        // the digits left after the integer part; else as `%e` would.
                        _ => {
                            let p = p.max(1);
                            let scientific = crate::decimal::Dec(*x).scientific_half_up(p - 1);
                            let exponent = if *x == 0.0 || !x.is_finite() { 0 } else { scientific.rsplit_once('e').and_then(|(_, e)| e.parse::<i64>().ok()).unwrap_or(0) };
                            if (-4..p as i64).contains(&exponent) {
                                crate::decimal::Dec(*x).fixed_half_up((p as i64 - 1 - exponent) as usize)
                            } else {
                                scientific
                            }
                        }
                    };
                    body = text.trim_start_matches('-').to_string();
                    finite = x.is_finite();
                    sign = if text.starts_with('-') { "-" } else { "" };
                }
                _ => return wrong_type(self, &a),
            }
            if number && !matches!(a, Value::Null) && lower != 'x' && lower != 'o' {
                if flag(',') && finite && lower != 'e' {
                    body = group_thousands(&body);
                }
                // NaN has no sign; a negative number in parentheses loses its minus.
                let nan = matches!(a, Value::Double(x) if x.is_nan());
                if nan {
                    sign = "";
                } else if sign == "-" && flag('(') {
                    (sign, close) = ("(", ")");
                } else if sign.is_empty() && flag('+') {
                    sign = "+";
                } else if sign.is_empty() && flag(' ') {
                    sign = " ";
                }
            }
            if !number {
                if let Some(p) = prec {
                    body = body.chars().take(p).collect();
                }
            }
            let w = if width.is_empty() { 0 } else { width.parse::<usize>().unwrap_or(usize::MAX) };
            if w > MAX_FORMAT_WIDTH {
                return Err(Fault::Stop(format!("a format width over {MAX_FORMAT_WIDTH} is not supported in Coroutine Lab")));
            }
            let len = sign.len() + body.chars().count() + close.len();
            let fill = w.saturating_sub(len);
            let padded = if fill == 0 {
                format!("{sign}{body}{close}")
            } else if flag('-') {
                format!("{sign}{body}{close}{}", " ".repeat(fill))
            } else if flag('0') && finite {
                format!("{sign}{}{body}{close}", "0".repeat(fill))
            } else {
                // NaN and Infinity are padded with spaces even under the `0` flag, as Java does.
                format!("{}{sign}{body}{close}", " ".repeat(fill))
            };
            // An upper-case conversion writes its whole text in upper case (`NAN`, `TRUE`).
            out.push_str(&if conv.is_ascii_uppercase() { crate::case::uppercase(&padded) } else { padded });
        }
        Ok(out)
    }

    fn number_method(&mut self, recv: &Value, n: &str, args: &[Value]) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        match n {
            "toInt" => ok(match recv {
                Value::Double(d) => Value::Int(if d.is_nan() { 0 } else { *d as i32 }),
                Value::Char(c) => Value::Int(*c as i32),
                other => Value::Int(other.as_i64().unwrap_or(0) as i32),
            }),
            "toLong" => ok(match recv {
                Value::Double(d) => Value::Long(if d.is_nan() { 0 } else { *d as i64 }),
                other => Value::Long(other.as_i64().unwrap_or(0)),
            }),
            "toDouble" => ok(Value::Double(recv.as_f64().unwrap_or(0.0))),
            "toChar" => ok(Value::Char(char::from_u32(recv.as_i64().unwrap_or(0) as u32).unwrap_or('\u{fffd}'))),
            "code" => ok(Value::Int(recv.as_i64().unwrap_or(0) as i32)),
            "coerceAtLeast" => Ok(Native::Value(if self.compare(recv, &arg(0))?.is_lt() { arg(0) } else { recv.clone() })),
            "coerceAtMost" => Ok(Native::Value(if self.compare(recv, &arg(0))?.is_gt() { arg(0) } else { recv.clone() })),
            "coerceIn" => {
                let v = if self.compare(recv, &arg(0))?.is_lt() { arg(0) } else { recv.clone() };
                Ok(Native::Value(if self.compare(&v, &arg(1))?.is_gt() { arg(1) } else { v }))
            }
            "compareTo" => Ok(Native::Value(Value::Int(match self.compare_total(recv, &arg(0))? {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }))),
            "plus" | "minus" | "times" | "div" | "rem" | "mod" => {
                let op = match n {
                    "plus" => crate::bytecode::BinOp::Add,
                    "minus" => crate::bytecode::BinOp::Sub,
                    "times" => crate::bytecode::BinOp::Mul,
                    "div" => crate::bytecode::BinOp::Div,
                    _ => crate::bytecode::BinOp::Rem,
                };
                Ok(Native::Value(self.binary(op, recv.clone(), arg(0))?))
            }
            "until" | "downTo" | "rangeTo" | "to" => {
                let op = match n {
                    "until" => crate::bytecode::BinOp::Until,
                    "downTo" => crate::bytecode::BinOp::DownTo,
                    "rangeTo" => crate::bytecode::BinOp::RangeTo,
                    _ => crate::bytecode::BinOp::Pair,
                };
                Ok(Native::Value(self.binary(op, recv.clone(), arg(0))?))
            }
            // Bitwise complement; Byte and Short are Ints of their range here.
            "inv" => match recv {
                Value::Int(i) => ok(Value::Int(!i)),
                Value::Long(l) => ok(Value::Long(!l)),
                _ => Err(self.no_member(recv, n)),
            },
            "toByte" | "toShort" => {
                let whole = match recv {
                    Value::Double(d) => if d.is_nan() { 0 } else { *d as i32 as i64 },
                    other => other.as_i64().unwrap_or(0),
                };
                ok(Value::Int(if n == "toByte" { whole as i8 as i32 } else { whole as i16 as i32 }))
            }
            "inc" => Ok(Native::Value(self.binary(crate::bytecode::BinOp::Add, recv.clone(), Value::Int(1))?)),
            "dec" => Ok(Native::Value(self.binary(crate::bytecode::BinOp::Sub, recv.clone(), Value::Int(1))?)),
            "unaryMinus" => Ok(Native::Value(self.binary(crate::bytecode::BinOp::Sub, Value::Int(0), recv.clone())?)),
            "not" => ok(Value::Bool(!recv.as_bool().unwrap_or(false))),
            // `Math.round`: ties go towards positive infinity, the result saturates.
            "roundToInt" | "roundToLong" => {
                let d = recv.as_f64().unwrap_or(0.0);
                if d.is_nan() {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, "Cannot round NaN value."));
                }
                let r = java_round(d);
                ok(if n == "roundToInt" { Value::Int(r as i32) } else { Value::Long(r as i64) })
            }
            "pow" if matches!(recv, Value::Double(_)) => match java_pow(recv.as_f64().unwrap_or(0.0), arg(0).as_f64().unwrap_or(f64::NAN)) {
                Some(v) => ok(Value::Double(v)),
                None => Err(Fault::Stop(POW_FRACTION.into())),
            },
            // `Char.digitToInt()`: the value of a decimal digit (any Unicode digit, as
            // `Character.digit(c, 10)`), else IllegalArgumentException.
            "digitToInt" | "digitToIntOrNull" => {
                let Value::Char(c) = recv else { return Err(self.no_member(recv, n)) };
                match decimal_digit(*c) {
                    Some(d) => ok(Value::Int(d as i32)),
                    None if n == "digitToIntOrNull" => ok(Value::Null),
                    None => Err(self.throw_new(ExcClass::IllegalArgumentException, &format!("Char {c} is not a decimal digit"))),
                }
            }
            "isDigit" => ok(Value::Bool(matches!(recv, Value::Char(c) if c.is_ascii_digit()))),
            "isLetter" => ok(Value::Bool(matches!(recv, Value::Char(c) if c.is_alphabetic()))),
            "isLetterOrDigit" => ok(Value::Bool(matches!(recv, Value::Char(c) if c.is_alphabetic() || c.is_ascii_digit()))),
            "isUpperCase" => ok(Value::Bool(matches!(recv, Value::Char(c) if c.is_uppercase()))),
            "isLowerCase" => ok(Value::Bool(matches!(recv, Value::Char(c) if c.is_lowercase()))),
            "isWhitespace" => ok(Value::Bool(matches!(recv, Value::Char(c) if kotlin_is_whitespace(*c)))),
            // `Int.toString(radix)` and `Long.toString(radix)`: lower-case digits, a minus sign
            // before a negative value's magnitude.
            "toString" if matches!(recv, Value::Int(_) | Value::Long(_)) => {
                let radix = arg(0).as_i64().unwrap_or(10);
                if !(2..=36).contains(&radix) {
                    return Err(self.throw_new(ExcClass::IllegalArgumentException, &format!("radix {radix} was not in valid range 2..36")));
                }
                ok(Value::str(&to_radix_string(recv.as_i64().unwrap_or(0), radix as u32)))
            }
            "uppercaseChar" | "lowercaseChar" | "toUpperCase" | "toLowerCase" | "uppercase" | "lowercase" => match recv {
                Value::Char(c) => ok(match n {
                    // The older `toUpperCase()` of a Char is a Char too.
                    "uppercaseChar" | "toUpperCase" => Value::Char(crate::case::uppercase_char(*c)),
                    "lowercaseChar" | "toLowerCase" => Value::Char(crate::case::lowercase_char(*c)),
                    // `Char.uppercase()` is a String: 'ß'.uppercase() is "SS".
                    "uppercase" => Value::str(&crate::case::uppercase(c.encode_utf8(&mut [0; 4]))),
                    _ => Value::str(&crate::case::lowercase(c.encode_utf8(&mut [0; 4]))),
                }),
                _ => Err(self.no_member(recv, n)),
            },
            _ => Err(self.no_member(recv, n)),
        }
    }
}

/// `Math.round(x)` as a whole Double: the closest one, ties towards positive infinity (NaN
/// stays NaN; `as i64` then gives Java's 0 and saturation).
pub(crate) fn java_round(x: f64) -> f64 {
    let floor = x.floor();
    if x - floor >= 0.5 { floor + 1.0 } else { floor }
}

/// The message for `Math.pow` with an exponent that is not a whole number.
pub(crate) const POW_FRACTION: &str = "Math.pow and pow with an exponent that is not a whole number are not supported in Coroutine Lab";

/// `Math.pow(x, y)` for a whole (or infinite, or NaN) `y`, with Java's special cases; `None`
/// for a fractional `y`. The power is computed in double-double arithmetic (exact products
/// with `mul_add`) and rounded once, which gives the correctly rounded result the JVM gives,
/// the same in every build: no platform `pow` is involved.
pub(crate) fn java_pow(x: f64, y: f64) -> Option<f64> {
    if y == 0.0 {
        return Some(1.0);
    }
    if y.is_nan() || x.is_nan() {
        return Some(f64::NAN);
    }
    if y.is_infinite() {
        let a = x.abs();
        return Some(if a == 1.0 {
            f64::NAN
        } else if (a > 1.0) == (y > 0.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if y.fract() != 0.0 {
        return None;
    }
    let negative = y < 0.0;
    let n = y.abs();
    if n >= 18_446_744_073_709_551_616.0 {
        // Such an exponent is even: only the magnitude of x matters.
        let a = x.abs();
        return Some(if a == 1.0 {
            1.0
        } else if (a > 1.0) != negative {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let mut e = n as u64;
    // Double-double numbers (hi, lo) with hi = hi + lo rounded.
    let mul = |(ah, al): (f64, f64), (bh, bl): (f64, f64)| {
        let p = ah * bh;
        if !p.is_finite() || p == 0.0 {
            return (p, 0.0);
        }
        let err = ah.mul_add(bh, -p) + (ah * bl + al * bh);
        let s = p + err;
        (s, err - (s - p))
    };
    let mut result = (1.0, 0.0);
    let mut base = (x, 0.0);
    while e > 0 {
        if e & 1 == 1 {
            result = mul(result, base);
        }
        e >>= 1;
        if e > 0 {
            base = mul(base, base);
        }
    }
    let (h, l) = result;
    if !negative {
        return Some(h + l);
    }
    if !h.is_finite() || h == 0.0 {
        return Some(1.0 / h);
    }
    let q = 1.0 / h;
    let r = (-q).mul_add(h, 1.0) - q * l;
    Some(q + r / h)
}

/// The value of a decimal digit, as Java's `Character.digit(c, 10)` gives it for the ASCII
/// digits (the other Unicode decimal digits are not told apart, as in `isDigit`).
fn decimal_digit(c: char) -> Option<u32> {
    c.to_digit(10)
}

/// A whole number written in `radix` (2 to 36) with lower-case digits, as the JVM's
/// `Long.toString(value, radix)`.
#[inline(never)]
fn to_radix_string(value: i64, radix: u32) -> String {
    let mut magnitude = value.unsigned_abs();
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((magnitude % radix as u64) as u32, radix).unwrap_or('?'));
        magnitude /= radix as u64;
        if magnitude == 0 {
            break;
        }
    }
    if value < 0 {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Whether two chars are equal ignoring case, as Kotlin's `Char.equals(other, ignoreCase =
/// true)` decides: their upper cases are equal, or the lower cases of those.
fn chars_equal_ignoring_case(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    let (upper_a, upper_b) = (crate::case::uppercase_char(a), crate::case::uppercase_char(b));
    upper_a == upper_b || crate::case::lowercase_char(upper_a) == crate::case::lowercase_char(upper_b)
}

/// Whether `needle` occurs in `hay` at index `at` (false when it would run past the end).
fn region_matches(hay: &[char], at: usize, needle: &[char], ignore_case: bool) -> bool {
    match hay.get(at..at.saturating_add(needle.len())) {
        Some(region) => region.iter().zip(needle).all(|(&a, &b)| if ignore_case { chars_equal_ignoring_case(a, b) } else { a == b }),
        None => false,
    }
}

/// The first index at or after `start` where `needle` occurs; an empty needle is found at
/// `start` (or at the end when `start` is past it), as the JVM's `indexOf` does.
fn index_of(hay: &[char], needle: &[char], start: usize, ignore_case: bool) -> Option<usize> {
    (start.min(hay.len())..=hay.len()).find(|&i| region_matches(hay, i, needle, ignore_case))
}

/// The last index at or before `start` where `needle` occurs.
fn last_index_of(hay: &[char], needle: &[char], start: i64, ignore_case: bool) -> Option<usize> {
    let latest = hay.len().checked_sub(needle.len())?;
    if start < 0 {
        return None;
    }
    (0..=latest.min(start as usize)).rev().find(|&i| region_matches(hay, i, needle, ignore_case))
}

/// `replace(old, new, ignoreCase)` (every occurrence, or only the first with `first_only`).
/// An empty `old` matches before every char and at the end.
fn replace_matches(hay: &[char], old: &[char], new: &str, ignore_case: bool, first_only: bool) -> String {
    let mut out = String::new();
    let mut from = 0;
    while let Some(found) = index_of(hay, old, from, ignore_case) {
        out.extend(&hay[from..found]);
        out.push_str(new);
        from = found + old.len();
        if old.is_empty() {
            match hay.get(found) {
                Some(&c) => out.push(c),
                None => return out,
            }
            from += 1;
        }
        if first_only {
            break;
        }
    }
    out.extend(&hay[from.min(hay.len())..]);
    out
}

/// `split(vararg delimiters, ignoreCase, limit)`: at each position the first delimiter in the
/// list that matches there ends a part; an empty delimiter matches at every position, so
/// `"abc".split("")` is `[, a, b, c, ]`. A positive `limit` caps the number of parts, the last
/// one keeping the rest of the text.
#[inline(never)]
fn split_by(text: &[char], delimiters: &[Vec<char>], ignore_case: bool, limit: usize) -> Vec<String> {
    let find_any = |from: usize| (from..=text.len()).find_map(|i| delimiters.iter().find(|d| region_matches(text, i, d, ignore_case)).map(|d| (i, d.len())));
    let mut parts = Vec::new();
    let mut part_start = 0;
    let mut search_from = 0;
    loop {
        let last_allowed = limit > 0 && parts.len() + 1 >= limit;
        let found = if last_allowed || search_from > text.len() { None } else { find_any(search_from) };
        match found {
            Some((at, len)) => {
                parts.push(text[part_start..at].iter().collect());
                part_start = at + len;
                search_from = part_start + usize::from(len == 0);
            }
            None => {
                parts.push(text[part_start.min(text.len())..].iter().collect());
                return parts;
            }
        }
    }
}

/// `String.compareTo(other, ignoreCase)` as the JVM computes it: the difference of the first
/// UTF-16 units that differ (compared by their upper, then lower case when ignoring case),
/// else the difference of the lengths.
#[inline(never)]
fn compare_texts(a: &str, b: &str, ignore_case: bool) -> i32 {
    let (units_a, units_b): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    for (&x, &y) in units_a.iter().zip(&units_b) {
        if x == y {
            continue;
        }
        if !ignore_case {
            return x as i32 - y as i32;
        }
        // A lone surrogate has no case: it compares as it is.
        let case_of = |u: u16, f: fn(char) -> char| char::from_u32(u as u32).map(|c| f(c) as i32).unwrap_or(u as i32);
        let (upper_x, upper_y) = (case_of(x, crate::case::uppercase_char), case_of(y, crate::case::uppercase_char));
        if upper_x == upper_y {
            continue;
        }
        let lower = |u: i32| char::from_u32(u as u32).map(|c| crate::case::lowercase_char(c) as i32).unwrap_or(u);
        let (lower_x, lower_y) = (lower(upper_x), lower(upper_y));
        if lower_x != lower_y {
            return lower_x - lower_y;
        }
    }
    units_a.len() as i32 - units_b.len() as i32
}

/// Kotlin's `Char.isWhitespace()`: Java's `Character.isWhitespace` (the controls `\t`–`\r` and
/// `\u001C`–`\u001F`, and the space separators) or `Character.isSpaceChar` (which adds the
/// no-break spaces). Unlike Unicode's White_Space, `\u0085` is not whitespace.
fn kotlin_is_whitespace(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1C}'..='\u{1F}' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// The lines of a text as Kotlin's `lines()` gives them: split at `\r\n`, `\n` and `\r`, with
/// an empty last line after a final line break.
fn kotlin_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

/// `String.trimMargin(prefix)`: a blank first or last line is dropped; a line whose first
/// non-blank text is the prefix loses everything up to and including it; other lines stay.
#[inline(never)]
fn trim_margin(text: &str, prefix: &str) -> String {
    let lines = kotlin_lines(text);
    let last = lines.len() - 1;
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|&(i, line)| !((i == 0 || i == last) && line.trim().is_empty()))
        .map(|(_, &line)| {
            let content = line.trim_start();
            content.strip_prefix(prefix).filter(|_| !content.is_empty()).unwrap_or(line)
        })
        .collect();
    kept.join("\n")
}

/// `String.trimIndent()`.
fn trim_indent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let indent = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let mut out: Vec<String> = lines.iter().map(|l| if l.len() >= indent { l[indent..].to_string() } else { l.trim().to_string() }).collect();
    if out.first().is_some_and(|l| l.trim().is_empty()) {
        out.remove(0);
    }
    if out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}


/// The primitive class behind a wrapper class name (`java.lang.Integer` → `int`); other names
/// unchanged.
fn primitive_name(java: &str) -> &str {
    match java {
        "java.lang.Integer" => "int",
        "java.lang.Long" => "long",
        "java.lang.Double" => "double",
        "java.lang.Float" => "float",
        "java.lang.Boolean" => "boolean",
        "java.lang.Character" => "char",
        other => other,
    }
}

/// The wrapper class of a primitive class name (`int` → `java.lang.Integer`), for
/// `KClass.javaObjectType`; other names unchanged.
fn wrapper_name(java: &str) -> &str {
    match java {
        "int" => "java.lang.Integer",
        "long" => "java.lang.Long",
        "double" => "java.lang.Double",
        "float" => "java.lang.Float",
        "boolean" => "java.lang.Boolean",
        "char" => "java.lang.Character",
        other => other,
    }
}

/// The widest field and the longest precision `String.format` takes: wider ones would only
/// build enormous strings.
const MAX_FORMAT_WIDTH: usize = 10_000;

/// A number's text with a `,` between each group of three digits before the decimal point:
/// `-1234567.5` becomes `-1,234,567.5`.
#[inline(never)]
fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.split_at(if text.starts_with('-') { 1 } else { 0 });
    let (whole, fraction) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

/// The size of a Java hash table of `n` entries that had `size` buckets: it doubles while the
/// entries exceed three quarters of it (a `ConcurrentHashMap` also when they reach them).
fn table_size_for(n: usize, size: u32, concurrent: bool) -> u32 {
    let mut size = size.max(1);
    loop {
        let limit = u64::from(size) * 3 / 4;
        let full = if concurrent { n as u64 >= limit } else { n as u64 > limit };
        if !full || size >= 1 << 30 {
            return size;
        }
        size *= 2;
    }
}
