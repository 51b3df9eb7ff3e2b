//! How values print, compare and combine: Kotlin's `toString()`, `==`, arithmetic and type
//! tests, matching the JVM's output.

use std::rc::Rc;

use crate::bytecode::{BinOp, TypeTest};
use crate::exception::ExcClass;
use crate::value::{format_double, ExceptionObj, HeapObj, JobId, ObjId, Range, RangeKind, Value};
use crate::vm::Fault;
use crate::world::{DispatcherKind, World};

impl World {
    /// `toString()` of a value, as Kotlin prints it.
    pub fn to_kstring(&self, v: &Value) -> String {
        self.to_kstring_depth(v, 0)
    }

    fn to_kstring_depth(&self, v: &Value, depth: u32) -> String {
        if depth > 50 {
            return "...".into();
        }
        match v {
            Value::Absent | Value::Unit => "kotlin.Unit".into(),
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Long(l) => l.to_string(),
            Value::Double(d) => format_double(*d),
            Value::Char(c) => c.to_string(),
            Value::Str(s) => s.to_string(),
            Value::Job(j) => self.job_to_string(*j),
            Value::Dispatcher(d) => self.dispatcher_name(*d),
            Value::Ctx(c) | Value::Scope(c) => {
                // Elements in the order they were added; the dispatcher (the
                // ContinuationInterceptor) last, where CombinedContext keeps it.
                let mut keys = c.keys();
                keys.sort_by_key(|k| *k == crate::value::CtxKey::Dispatcher);
                let mut parts = Vec::new();
                for k in keys {
                    parts.push(match k {
                        crate::value::CtxKey::Name => format!("CoroutineName({})", c.name.as_deref().unwrap_or_default()),
                        crate::value::CtxKey::ThreadLocal(o) => {
                            let value = c.thread_locals.iter().find(|(t, _)| *t == o).map(|(_, v)| self.to_kstring_depth(v, depth + 1)).unwrap_or_default();
                            format!("ThreadLocal(value={value}, threadLocal = {})", self.obj_to_string(o, depth + 1))
                        }
                        crate::value::CtxKey::Handler => format!("CoroutineExceptionHandler@{}", fake_hash(c.handler.map_or(0, |h| h.0 as u64) + 7)),
                        crate::value::CtxKey::Job => c.job.map(|j| self.job_to_string(j)).unwrap_or_default(),
                        crate::value::CtxKey::Dispatcher => c.dispatcher.map(|d| self.dispatcher_name(d)).unwrap_or_default(),
                    });
                }
                let is_single = parts.len() == 1;
                if matches!(v, Value::Scope(_)) {
                    return format!("CoroutineScope(coroutineContext=[{}])", parts.join(", "));
                }
                if is_single {
                    parts.pop().unwrap_or_default()
                } else if parts.is_empty() {
                    "EmptyCoroutineContext".into()
                } else {
                    format!("[{}]", parts.join(", "))
                }
            }
            Value::Range(r) => range_to_string(r),
            Value::Const(c) => self.const_to_string(*c),
            Value::Obj(o) => self.obj_to_string(*o, depth),
        }
    }

    #[inline(never)]
    fn const_to_string(&self, c: crate::builtins::Const) -> String {
        use crate::builtins::Const::*;
        match c {
            GlobalScope => "kotlinx.coroutines.GlobalScope@1b6d3586".into(),
            StartDefault => "DEFAULT".into(),
            StartLazy => "LAZY".into(),
            StartAtomic => "ATOMIC".into(),
            StartUndispatched => "UNDISPATCHED".into(),
            EmptyContext => "EmptyCoroutineContext".into(),
            KeyJob => "Key".into(),
            KeyName => "Key".into(),
            KeyHandler => "Key".into(),
            KeyDispatcher => "Key".into(),
            SystemOut => "java.io.PrintStream@4554617c".into(),
            SystemErr => "java.io.PrintStream@74a14482".into(),
            RandomDefault => "kotlin.random.Random$Default@1540e19d".into(),
            other => format!("{other:?}"),
        }
    }

    fn obj_to_string(&self, o: ObjId, depth: u32) -> String {
        // Inside a value being printed, an object's own toString() has run already.
        if let Some(text) = self.told_texts.get(&o) {
            return text.to_string();
        }
        match self.heap.get(o) {
            HeapObj::Cell(v) => self.to_kstring_depth(v, depth + 1),
            // A map's `keys`, `values` or `entries` show the map as it is now.
            HeapObj::List(_) | HeapObj::Set(_) if self.heap.map_view(o).is_some() => {
                let Some((map, part)) = self.heap.map_view(o) else { return String::new() };
                let HeapObj::Map(entries) = self.heap.get(map) else { return "[]".into() };
                let parts: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| match part {
                        crate::value::MapPart::Keys => self.to_kstring_depth(k, depth + 1),
                        crate::value::MapPart::Values => self.to_kstring_depth(v, depth + 1),
                        crate::value::MapPart::Entries => format!("{}={}", self.to_kstring_depth(k, depth + 1), self.to_kstring_depth(v, depth + 1)),
                    })
                    .collect();
                format!("[{}]", parts.join(", "))
            }
            HeapObj::List(items) | HeapObj::Set(items) => {
                let parts: Vec<String> = items.iter().map(|x| self.to_kstring_depth(x, depth + 1)).collect();
                format!("[{}]", parts.join(", "))
            }
            HeapObj::Map(entries) => {
                let parts: Vec<String> = entries.iter().map(|(k, v)| format!("{}={}", self.to_kstring_depth(k, depth + 1), self.to_kstring_depth(v, depth + 1))).collect();
                format!("{{{}}}", parts.join(", "))
            }
            HeapObj::Pair(a, b) if self.heap.is_indexed_value(o) => {
                format!("IndexedValue(index={}, value={})", self.to_kstring_depth(a, depth + 1), self.to_kstring_depth(b, depth + 1))
            }
            HeapObj::Pair(a, b) => format!("({}, {})", self.to_kstring_depth(a, depth + 1), self.to_kstring_depth(b, depth + 1)),
            HeapObj::Triple(t) => {
                let parts: Vec<String> = t.iter().map(|v| self.to_kstring_depth(v, depth + 1)).collect();
                format!("({})", parts.join(", "))
            }
            HeapObj::Entry(k, v) => format!("{}={}", self.to_kstring_depth(k, depth + 1), self.to_kstring_depth(v, depth + 1)),
            HeapObj::Instance { class, fields } => {
                if let Some(name) = self.enum_entry_name(*class, fields) {
                    return name;
                }
                let c = &self.program.classes[class.0 as usize];
                if c.is_data {
                    let parts: Vec<String> = c
                        .data_fields
                        .iter()
                        .map(|f| {
                            let idx = c.slot(*f).unwrap_or(0);
                            format!("{}={}", self.program.sym(*f), self.to_kstring_depth(&fields[idx], depth + 1))
                        })
                        .collect();
                    // A data class prints its simple name: `Ok(…)` for a nested `Result$Ok`.
                    format!("{}({})", c.name.rsplit('$').next().unwrap_or_default(), parts.join(", "))
                } else {
                    format!("{}@{}", c.name, fake_hash(o.0 as u64))
                }
            }
            HeapObj::Exception(e) => self.exception_text(e),
            HeapObj::Closure { .. } => "Function0<kotlin.Unit>".into(),
            HeapObj::Iter(_) | HeapObj::Comparing(_) => format!("java.util.Iterator@{}", fake_hash(o.0 as u64)),
            HeapObj::Result(Ok(v)) => format!("Success({})", self.to_kstring_depth(v, depth + 1)),
            HeapObj::Result(Err(e)) => format!("Failure({})", self.to_kstring_depth(e, depth + 1)),
            HeapObj::Mutex(m) => format!("Mutex@{}[isLocked={}]", fake_hash(o.0 as u64), m.owner.is_some()),
            HeapObj::Semaphore(_) => format!("kotlinx.coroutines.sync.SemaphoreImpl@{}", fake_hash(o.0 as u64)),
            HeapObj::Channel(c) => self.channel_text(o, c),
            HeapObj::ChannelResult(r) => self.channel_result_text(r),
            HeapObj::Atomic(v) => self.to_kstring_depth(v, depth + 1),
            HeapObj::ThreadLocal(_) => format!("java.lang.ThreadLocal@{}", fake_hash(o.0 as u64)),
            HeapObj::Plain => format!("java.lang.Object@{}", fake_hash(o.0 as u64)),
            HeapObj::StringBuilder(s) => s.clone(),
            HeapObj::Executor(d) => format!("java.util.concurrent.ThreadPoolExecutor@{}", fake_hash(d.0 as u64 + 31)),
            HeapObj::Thread(t) => format!("Thread[{},5,main]", self.threads[t.0 as usize].name),
            HeapObj::Random => "kotlin.random.Random".into(),
            // `Class.toString()`: primitive classes print their bare name. A KClass prints
            // so only without kotlin-reflect; printing one directly is a diagnostic (see
            // `World::unprintable`), this is for one inside a collection.
            HeapObj::Class(c) => {
                let primitive = matches!(&*c.java_name, "int" | "long" | "double" | "float" | "boolean" | "char" | "short" | "byte");
                let java = if primitive { c.java_name.to_string() } else { format!("class {}", c.java_name) };
                if c.kotlin { format!("{java} (Kotlin reflection is not available)") } else { java }
            }
        }
    }

    /// `Throwable.toString()`: `java.lang.IllegalStateException: message`.
    pub fn exception_text(&self, e: &ExceptionObj) -> String {
        let class_name = match &e.user_class {
            Some((c, _)) => self.program.classes[c.0 as usize].name.clone(),
            None => e.class.qualified_name().to_string(),
        };
        // A subclass's own `message` property is what Throwable.toString() reads.
        let own = e.user_class.as_ref().and_then(|(c, fields)| {
            let class = &self.program.classes[c.0 as usize];
            let i = class.fields.iter().rposition(|&f| self.program.sym(f) == "message")?;
            Some(fields.get(i)?.clone()).filter(|v| !v.is_null()).map(|v| Rc::<str>::from(self.to_kstring(&v)))
        });
        match (own.as_ref().or(e.message.as_ref()), e.job) {
            (Some(m), Some(j)) if e.class == ExcClass::JobCancellationException => format!("{class_name}: {m}; job={}", self.job_to_string(j)),
            (Some(m), _) => format!("{class_name}: {m}"),
            (None, _) => class_name,
        }
    }

    /// `toString()` of an exception value.
    pub fn exception_to_string(&self, v: &Value) -> String {
        match v {
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::Exception(e) => self.exception_text(e),
                _ => self.to_kstring(v),
            },
            _ => self.to_kstring(v),
        }
    }

    /// The exception object of a value.
    pub fn exception_obj(&self, v: &Value) -> Option<&ExceptionObj> {
        match v {
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::Exception(e) => Some(e),
                _ => None,
            },
            _ => None,
        }
    }

    /// The built-in class of an exception value.
    pub fn exception_class(&self, v: &Value) -> Option<ExcClass> {
        self.exception_obj(v).map(|e| e.class)
    }

    /// A new exception object, with the Kotlin frames of the running strand.
    pub fn new_exception(&mut self, class: ExcClass, message: Option<&str>, cause: Option<Value>) -> Value {
        let frames = self.current_frames();
        let o = self.heap.alloc(HeapObj::Exception(Box::new(ExceptionObj {
            class,
            user_class: None,
            message: message.map(Rc::from),
            cause,
            suppressed: Vec::new(),
            job: None,
            frames,
        })));
        Value::Obj(o)
    }

    /// `addSuppressed`.
    pub fn add_suppressed(&mut self, target: &Value, e: Value) {
        if let Value::Obj(o) = target {
            if let HeapObj::Exception(x) = self.heap.get_mut(*o) {
                x.suppressed.push(e);
            }
        }
    }

    /// The lines a JVM prints after `Exception in thread …`: `\tat` frames, the cause and
    /// suppressed exceptions.
    pub fn stack_trace_lines(&self, v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let Some(e) = self.exception_obj(v) else { return out };
        for f in &e.frames {
            out.push(format!("\tat {f}"));
        }
        for s in &e.suppressed {
            out.push(format!("\tSuppressed: {}", self.exception_to_string(s)));
        }
        if let Some(c) = &e.cause {
            out.push(format!("Caused by: {}", self.exception_to_string(c)));
        }
        out
    }

    /// The Kotlin frames of the running strand, innermost first, as a JVM stack trace names
    /// them.
    pub fn current_frames(&self) -> Vec<String> {
        let Some(s) = self.current_strand else { return Vec::new() };
        self.strand_frames(&self.strands[s.0 as usize].frames)
    }

    /// Stack frame lines for frames, innermost first.
    pub fn strand_frames(&self, frames: &[crate::strand::Frame]) -> Vec<String> {
        let file = &self.program.file_name;
        let mut out = Vec::new();
        for f in frames.iter().rev() {
            if let crate::strand::Frame::Code(c) = f {
                let func = self.program.func(c.func);
                let ip = (c.ip as usize).saturating_sub(1).min(func.spans.len().saturating_sub(1));
                let line = func.spans.get(ip).map(|s| self.line_of(s.start)).unwrap_or(0);
                out.push(format!("{}({}:{})", func.frame_name, file, line));
            }
        }
        out
    }

    /// The 1-based line of a byte offset of the program's source.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.program.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// `Job.toString()`: `StandaloneCoroutine{Active}@1b6d3586`, with the debug name when
    /// DebugProbes are installed.
    pub fn job_to_string(&self, j: JobId) -> String {
        let job = self.job(j);
        if j == JobId::NON_CANCELLABLE {
            return "NonCancellable".into();
        }
        let state = job.state().name();
        let prefix = if self.debug_probes && job.class.is_coroutine() && !job.class.is_scoped() {
            format!("\"{}#{}\":", job.ctx.name.as_deref().unwrap_or("coroutine"), job.debug_id)
        } else {
            String::new()
        };
        format!("{prefix}{}{{{state}}}@{}", job.class.class_name(), fake_hash(j.0 as u64 + 1000))
    }

    /// The name a dispatcher prints as.
    pub fn dispatcher_name(&self, d: crate::value::DispatcherId) -> String {
        let disp = &self.dispatchers[d.0 as usize];
        match disp.kind {
            DispatcherKind::EventLoop(_) => format!("BlockingEventLoop@{}", fake_hash(d.0 as u64 + 77)),
            DispatcherKind::Limited(_) if d.0 >= 5 => format!("{}.limitedParallelism({})", self.dispatcher_name(match disp.kind {
                DispatcherKind::Limited(p) => p,
                _ => d,
            }), disp.limit),
            _ => disp.name.clone(),
        }
    }

    /// The Kotlin type name of a value, for messages.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Absent | Value::Unit => "Unit".into(),
            Value::Null => "null".into(),
            Value::Bool(_) => "Boolean".into(),
            Value::Int(_) => "Int".into(),
            Value::Long(_) => "Long".into(),
            Value::Double(_) => "Double".into(),
            Value::Char(_) => "Char".into(),
            Value::Str(_) => "String".into(),
            Value::Job(j) => {
                let c = self.job(*j).class;
                if c.is_deferred() { "Deferred".into() } else { "Job".into() }
            }
            Value::Dispatcher(_) => "CoroutineDispatcher".into(),
            Value::Ctx(_) => "CoroutineContext".into(),
            Value::Scope(_) => "CoroutineScope".into(),
            Value::Range(_) => "IntRange".into(),
            Value::Const(c) => format!("{c:?}"),
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::Cell(_) => "Cell".into(),
                HeapObj::List(_) => "List".into(),
                HeapObj::Map(_) => "Map".into(),
                HeapObj::Set(_) => "Set".into(),
                HeapObj::Pair(..) => "Pair".into(),
                HeapObj::Triple(..) => "Triple".into(),
                HeapObj::Entry(..) => "Map.Entry".into(),
                HeapObj::Instance { class, .. } => self.program.classes[class.0 as usize].name.clone(),
                HeapObj::Exception(e) => match &e.user_class {
                    Some((c, _)) => self.program.classes[c.0 as usize].name.clone(),
                    None => e.class.simple_name().into(),
                },
                HeapObj::Closure { .. } => "Function".into(),
                HeapObj::Iter(_) | HeapObj::Comparing(_) => "Iterator".into(),
                HeapObj::Result(_) => "Result".into(),
                HeapObj::Mutex(_) => "Mutex".into(),
                HeapObj::Semaphore(_) => "Semaphore".into(),
                HeapObj::Channel(c) => if c.producer.is_some() { "ReceiveChannel".into() } else { "Channel".into() },
                HeapObj::ChannelResult(_) => "ChannelResult".into(),
                HeapObj::Atomic(_) => "AtomicInteger".into(),
                HeapObj::ThreadLocal(_) => "ThreadLocal".into(),
                HeapObj::Plain => "Any".into(),
                HeapObj::StringBuilder(_) => "StringBuilder".into(),
                HeapObj::Executor(_) => "ExecutorService".into(),
                HeapObj::Thread(_) => "Thread".into(),
                HeapObj::Random => "Random".into(),
                HeapObj::Class(c) => if c.kotlin { "KClass".into() } else { "Class".into() },
            },
        }
    }

    /// The JVM class name of a value, for ClassCastException messages.
    pub fn jvm_class_name(&self, v: &Value) -> String {
        match v {
            Value::Int(_) => "java.lang.Integer".into(),
            Value::Long(_) => "java.lang.Long".into(),
            Value::Double(_) => "java.lang.Double".into(),
            Value::Bool(_) => "java.lang.Boolean".into(),
            Value::Str(_) => "java.lang.String".into(),
            Value::Char(_) => "java.lang.Character".into(),
            other => self.type_name(other),
        }
    }

    /// The message of the `ClassCastException` a failed `as` throws, as the JVM (9 and
    /// later) writes it: both classes, and the module and class loader of each.
    #[inline(never)]
    pub fn class_cast_message(&self, v: &Value, t: &TypeTest) -> String {
        let from = match v {
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::List(_) => match self.heap.list_kind(*o) {
                    crate::value::ListKind::ArrayList => "java.util.ArrayList".to_string(),
                    crate::value::ListKind::Fixed => "java.util.Arrays$ArrayList".to_string(),
                    crate::value::ListKind::Singleton => "java.util.Collections$SingletonList".to_string(),
                    crate::value::ListKind::Empty => "kotlin.collections.EmptyList".to_string(),
                    crate::value::ListKind::Array => "[Ljava.lang.Object;".to_string(),
                },
                HeapObj::Map(_) => if self.heap.hash_table_size(*o).is_some() { "java.util.HashMap" } else { "java.util.LinkedHashMap" }.to_string(),
                HeapObj::Set(_) => if self.heap.hash_table_size(*o).is_some() { "java.util.HashSet" } else { "java.util.LinkedHashSet" }.to_string(),
                HeapObj::Pair(..) => "kotlin.Pair".to_string(),
                HeapObj::Triple(_) => "kotlin.Triple".to_string(),
                HeapObj::Exception(_) => self.exception_class(v).map(|c| c.qualified_name().to_string()).unwrap_or_else(|| self.jvm_class_name(v)),
                _ => self.jvm_class_name(v),
            },
            _ => self.jvm_class_name(v),
        };
        let to = match t {
            TypeTest::Builtin(s) => {
                let name = self.program.sym(*s);
                match ExcClass::from_name(name) {
                    Some(c) => c.qualified_name().to_string(),
                    None => match name {
                        "Boolean" => "java.lang.Boolean".to_string(),
                        "Char" => "java.lang.Character".to_string(),
                        "Number" => "java.lang.Number".to_string(),
                        "CharSequence" => "java.lang.CharSequence".to_string(),
                        "Comparable" => "java.lang.Comparable".to_string(),
                        "Iterable" => "java.lang.Iterable".to_string(),
                        "List" | "MutableList" => "java.util.List".to_string(),
                        "Map" | "MutableMap" => "java.util.Map".to_string(),
                        "Set" | "MutableSet" => "java.util.Set".to_string(),
                        "Collection" | "MutableCollection" => "java.util.Collection".to_string(),
                        "Job" | "Deferred" | "CoroutineScope" | "CoroutineDispatcher" => format!("kotlinx.coroutines.{name}"),
                        _ => self.type_test_name(t),
                    },
                }
            }
            _ => self.type_test_name(t),
        };
        let module = |class: &str| if class.starts_with("java.") || class.starts_with("[Ljava.") { "module java.base of loader 'bootstrap'" } else { "unnamed module of loader 'app'" };
        let (mf, mt) = (module(&from), module(&to));
        let whose = if mf == mt { format!("{from} and {to} are in {mf}") } else { format!("{from} is in {mf}; {to} is in {mt}") };
        format!("class {from} cannot be cast to class {to} ({whose})")
    }

    /// A type test's name, for messages.
    pub fn type_test_name(&self, t: &TypeTest) -> String {
        match t {
            TypeTest::Builtin(s) => match self.program.sym(*s) {
                "Int" => "java.lang.Integer".into(),
                "Long" => "java.lang.Long".into(),
                "String" => "java.lang.String".into(),
                "Double" => "java.lang.Double".into(),
                other => other.to_string(),
            },
            TypeTest::Class(c) => self.program.classes[c.0 as usize].name.clone(),
            TypeTest::Any => "kotlin.Any".into(),
            TypeTest::Nullable(inner) => self.type_test_name(inner),
        }
    }

    /// `value is T`.
    pub fn is_instance(&self, v: &Value, t: &TypeTest) -> bool {
        match t {
            TypeTest::Nullable(inner) => v.is_null() || self.is_instance(v, inner),
            _ if v.is_null() => false,
            TypeTest::Any => true,
            // A subclass is an instance of every class and interface above it.
            TypeTest::Class(c) => self.program_class_of(v).is_some_and(|k| k == *c || self.program.classes[k.0 as usize].supers.contains(c)),
            TypeTest::Builtin(s) => {
                let name = self.program.sym(*s);
                if let Some(ec) = ExcClass::from_name(name) {
                    return self.exception_class(v).is_some_and(|c| c.is_a(ec));
                }
                if matches!(name, "Comparable" | "Enum") && self.enum_entry(v).is_some() {
                    return true;
                }
                match (name, v) {
                    ("Int", Value::Int(_)) | ("Long", Value::Long(_)) | ("Double" | "Float", Value::Double(_)) => true,
                    ("Number", Value::Int(_) | Value::Long(_) | Value::Double(_)) => true,
                    ("Boolean", Value::Bool(_)) | ("Char", Value::Char(_)) => true,
                    ("String" | "CharSequence", Value::Str(_)) => true,
                    ("Unit", Value::Unit) => true,
                    ("Comparable", Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Str(_) | Value::Char(_)) => true,
                    ("Job", Value::Job(_)) => true,
                    ("Deferred" | "CompletableDeferred", Value::Job(j)) => self.job(*j).class.is_deferred(),
                    ("CoroutineScope", _) if self.is_scope_value(v) => true,
                    ("CoroutineContext", Value::Ctx(_) | Value::Job(_) | Value::Dispatcher(_)) => true,
                    ("CoroutineDispatcher", Value::Dispatcher(_)) => true,
                    // A context of one element is that element.
                    ("CoroutineExceptionHandler", Value::Ctx(c)) => c.keys() == [crate::value::CtxKey::Handler],
                    ("CoroutineName", Value::Ctx(c)) => c.keys() == [crate::value::CtxKey::Name],
                    ("->" | "Function0" | "Function1", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Closure { .. }),
                    ("List" | "MutableList" | "Collection" | "Iterable", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::List(_) | HeapObj::Set(_)),
                    ("Iterable" | "Collection", Value::Range(_)) => true,
                    ("Set" | "MutableSet", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Set(_)),
                    ("Map" | "MutableMap", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Map(_)),
                    ("Pair", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Pair(..)),
                    ("Triple", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Triple(..)),
                    ("Entry" | "Map.Entry" | "MutableEntry", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Entry(..)),
                    ("Result", Value::Obj(o)) => matches!(self.heap.get(*o), HeapObj::Result(_)),
                    _ => false,
                }
            }
        }
    }

    /// Equality of elements, as a collection, a pair or a data class compares them: with
    /// `equals()`, so two `Double`s are equal when their bits are (`0.0` is not `-0.0`, `NaN`
    /// is `NaN`). An `Int` and a `Long` of the same value are equal here, where the JVM's
    /// boxes differ: a program mixes them only where the engine could not tell a literal's
    /// type (`mapOf<String, Long>("k" to 1)`), which kotlinc would have made a Long.
    pub fn equals(&self, a: &Value, b: &Value) -> bool {
        self.equals_as(a, b, EqMode::Element)
    }

    /// Kotlin `==` between two values: numbers compare as numbers (`0.0 == -0.0`, `NaN` is not
    /// `NaN`), as they do between values of a number type; what they hold compares as
    /// elements do ([`World::equals`]).
    pub fn equals_operator(&self, a: &Value, b: &Value) -> bool {
        self.equals_as(a, b, EqMode::Operator)
    }

    /// An explicit call `a.equals(b)`: the JVM compares the boxed values, so an `Int` never
    /// equals a `Long` (`1.equals(1L)` is false), and two `Double`s are equal when their bits
    /// are (`0.0` is not `-0.0`, `NaN` is `NaN`), in collections and data classes too.
    pub fn equals_boxed(&self, a: &Value, b: &Value) -> bool {
        self.equals_as(a, b, EqMode::Boxed)
    }

    /// Equality in one of the three ways of [`EqMode`].
    fn equals_as(&self, a: &Value, b: &Value, mode: EqMode) -> bool {
        let boxed = mode.nested();
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Long(x), Value::Long(y)) => x == y,
            (Value::Int(_), Value::Long(_)) | (Value::Long(_), Value::Int(_)) if mode == EqMode::Boxed => false,
            (Value::Int(x), Value::Long(y)) | (Value::Long(y), Value::Int(x)) => *x as i64 == *y,
            (Value::Double(x), Value::Double(y)) if mode != EqMode::Operator => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            (Value::Double(x), Value::Double(y)) => x == y,
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::Obj(x), Value::Obj(y)) => {
                if x == y {
                    return true;
                }
                match (self.heap.get(*x), self.heap.get(*y)) {
                    (HeapObj::List(p), HeapObj::List(q)) => p.len() == q.len() && p.iter().zip(q).all(|(u, v)| self.equals_as(u, v, boxed)),
                    // Set equality ignores order: equal sizes and every element of one in the other.
                    // Sets built the same way are usually in the same order: that is checked first,
                    // and only sets that differ in order pay for a search per element.
                    (HeapObj::Set(p), HeapObj::Set(q)) => {
                        p.len() == q.len()
                            && (p.iter().zip(q).all(|(u, v)| self.equals_as(u, v, boxed)) || p.iter().all(|u| q.iter().any(|v| self.equals_as(u, v, boxed))))
                    }
                    (HeapObj::Pair(a1, b1), HeapObj::Pair(a2, b2)) | (HeapObj::Entry(a1, b1), HeapObj::Entry(a2, b2)) => self.equals_as(a1, a2, boxed) && self.equals_as(b1, b2, boxed),
                    (HeapObj::Triple(p), HeapObj::Triple(q)) => p.iter().zip(q.iter()).all(|(u, v)| self.equals_as(u, v, boxed)),
                    (HeapObj::Map(p), HeapObj::Map(q)) => {
                        p.len() == q.len() && p.iter().all(|(k, v)| q.iter().any(|(k2, v2)| self.equals_as(k, k2, boxed) && self.equals_as(v, v2, boxed)))
                    }
                    (HeapObj::Instance { class: c1, fields: f1 }, HeapObj::Instance { class: c2, fields: f2 }) => {
                        if self.own_method(a, "equals", 1).is_some() {
                            self.own_equals_met.set(Some(*c1));
                        }
                        // A data class compares the properties of its primary constructor only,
                        // not those of its body or of a superclass.
                        let class = &self.program.classes[c1.0 as usize];
                        c1 == c2
                            && class.is_data
                            && class.data_fields.iter().all(|f| match class.slot(*f) {
                                Some(i) => self.equals_as(&f1[i], &f2[i], boxed),
                                None => true,
                            })
                    }
                    (HeapObj::Result(r1), HeapObj::Result(r2)) => match (r1, r2) {
                        (Ok(u), Ok(v)) | (Err(u), Err(v)) => self.equals_as(u, v, boxed),
                        _ => false,
                    },
                    // A JVM class object is unique per class; KClass equality compares the
                    // wrapper classes, so `Int::class == (5 as Any)::class`.
                    (HeapObj::Class(c1), HeapObj::Class(c2)) if c1.kotlin && c2.kotlin => c1.kotlin_qualified_name() == c2.kotlin_qualified_name(),
                    (HeapObj::Class(c1), HeapObj::Class(c2)) => !c1.kotlin && !c2.kotlin && c1.java_name == c2.java_name,
                    _ => false,
                }
            }
            (Value::Ctx(x), Value::Ctx(y)) => x == y,
            (Value::Absent, Value::Absent) => true,
            _ => a == b,
        }
    }

    /// Kotlin's `hashCode()` of a value, as the JVM computes it: an `Int` is its own hash, a
    /// `Long` or `Double` folds its 64 bits into 32, a `Boolean` is 1231 or 1237, a `String`
    /// hashes its UTF-16 units; a list starts from 1 and a data class from its first
    /// property's hash, each next hash added after multiplying by 31; a set adds its elements'
    /// hashes, a map its entries' (key's hash xor value's). An object that has identity only
    /// keeps the hash of its text, as before: the engine has no identity hash codes.
    pub(crate) fn hash_code(&self, v: &Value) -> Result<i32, Fault> {
        self.hash_code_within(v, 0)
    }

    fn hash_code_within(&self, v: &Value, depth: usize) -> Result<i32, Fault> {
        // A collection that holds itself would recurse forever (the JVM overflows its stack).
        if depth > 64 {
            return Err(Fault::Stop("hashCode() of a collection nested more than 64 deep (or holding itself) is not supported".into()));
        }
        let inner = |x: &Value| -> Result<i32, Fault> {
            if self.own_method(x, "hashCode", 0).is_some() {
                return Err(Fault::Stop(format!(
                    "{} has its own hashCode(), which Coroutine Lab runs where it is called but not for the elements of a collection, pair or data class; combine the hashes yourself",
                    self.type_name(x)
                )));
            }
            self.hash_code_within(x, depth + 1)
        };
        let long_hash = |l: i64| (l ^ ((l as u64) >> 32) as i64) as i32;
        Ok(match v {
            Value::Null => 0,
            Value::Int(i) => *i,
            Value::Long(l) => long_hash(*l),
            // `Double.hashCode` hashes `doubleToLongBits`, which gives every NaN the same bits.
            Value::Double(d) => long_hash(if d.is_nan() { f64::NAN.to_bits() as i64 } else { d.to_bits() as i64 }),
            Value::Bool(b) => if *b { 1231 } else { 1237 },
            Value::Char(c) => *c as i32,
            Value::Str(s) => string_hash(s),
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::List(items) => items.iter().try_fold(1i32, |h, x| Ok::<_, Fault>(h.wrapping_mul(31).wrapping_add(inner(x)?)))?,
                HeapObj::Set(items) => items.iter().try_fold(0i32, |h, x| Ok::<_, Fault>(h.wrapping_add(inner(x)?)))?,
                HeapObj::Map(entries) => entries.iter().try_fold(0i32, |h, (k, x)| Ok::<_, Fault>(h.wrapping_add(inner(k)? ^ inner(x)?)))?,
                HeapObj::Pair(a, b) => inner(a)?.wrapping_mul(31).wrapping_add(inner(b)?),
                // As the data class computes it: (h(first) * 31 + h(second)) * 31 + h(third).
                HeapObj::Triple(t) => t.iter().try_fold(0i32, |h, x| Ok::<_, Fault>(h.wrapping_mul(31).wrapping_add(inner(x)?)))?,
                HeapObj::Entry(k, x) => inner(k)? ^ inner(x)?,
                HeapObj::Instance { class, fields } if self.program.classes[class.0 as usize].is_data => {
                    let c = &self.program.classes[class.0 as usize];
                    let mut h = 0i32;
                    for (i, f) in c.data_fields.iter().enumerate() {
                        let value = c.slot(*f).and_then(|idx| fields.get(idx)).unwrap_or(&Value::Null);
                        // The generated hashCode() of a data class takes 1 and 0 for a Boolean
                        // property, not Boolean.hashCode()'s 1231 and 1237.
                        let field_hash = match value {
                            Value::Bool(b) => i32::from(*b),
                            other => inner(other)?,
                        };
                        h = if i == 0 { field_hash } else { h.wrapping_mul(31).wrapping_add(field_hash) };
                    }
                    h
                }
                _ => string_hash(&self.to_kstring(v)),
            },
            _ => string_hash(&self.to_kstring(v)),
        })
    }

    /// Kotlin `compareTo`, for `<`, sorting and `maxOf`.
    pub fn compare(&self, a: &Value, b: &Value) -> Result<std::cmp::Ordering, Fault> {
        use std::cmp::Ordering;
        if let Some(by_ordinal) = self.enum_compare(a, b) {
            return by_ordinal;
        }
        Ok(match (a, b) {
            (Value::Int(_) | Value::Long(_) | Value::Char(_), Value::Int(_) | Value::Long(_) | Value::Char(_)) => {
                a.as_i64().unwrap_or(0).cmp(&b.as_i64().unwrap_or(0))
            }
            (Value::Double(_) | Value::Int(_) | Value::Long(_), Value::Double(_) | Value::Int(_) | Value::Long(_)) => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                x.partial_cmp(&y).unwrap_or(Ordering::Equal)
            }
            (Value::Str(x), Value::Str(y)) => {
                // Java compares UTF-16 code units.
                let xs: Vec<u16> = x.encode_utf16().collect();
                let ys: Vec<u16> = y.encode_utf16().collect();
                xs.cmp(&ys)
            }
            (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
            _ if self.own_method(a, "compareTo", 1).is_some() => {
                return Err(Fault::Stop(format!(
                    "{} has its own compareTo(), which Coroutine Lab runs for `<`, sorting, max(), maxOf() and coerceIn(), but not here; compare with `<` in code of your own",
                    self.type_name(a)
                )))
            }
            _ => return Err(Fault::Stop(format!("cannot compare {} with {}", self.type_name(a), self.type_name(b)))),
        })
    }

    /// `compareTo` as sorting and an explicit `compareTo` see it: Doubles in Java's total
    /// order (`Double.compare`: -0.0 before 0.0, NaN after everything), where `<` and `>`
    /// compare them as IEEE numbers.
    pub fn compare_total(&self, a: &Value, b: &Value) -> Result<std::cmp::Ordering, Fault> {
        use std::cmp::Ordering;
        if let (Value::Double(x), Value::Double(y)) = (a, b) {
            return Ok(match (x.is_nan(), y.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => x.total_cmp(y),
            });
        }
        self.compare(a, b)
    }

    /// A binary operator.
    pub fn binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Fault> {
        use BinOp::*;
        Ok(match op {
            Eq => Value::Bool(self.equals_operator(&a, &b)),
            NotEq => Value::Bool(!self.equals_operator(&a, &b)),
            Same => Value::Bool(match (&a, &b) {
                (Value::Obj(x), Value::Obj(y)) => x == y,
                _ => self.equals(&a, &b) && a == b,
            }),
            NotSame => Value::Bool(!match (&a, &b) {
                (Value::Obj(x), Value::Obj(y)) => x == y,
                _ => self.equals(&a, &b) && a == b,
            }),
            // Every comparison with NaN is false, as in IEEE arithmetic.
            Lt | Gt | LtEq | GtEq if [&a, &b].iter().any(|v| matches!(v, Value::Double(x) if x.is_nan())) => Value::Bool(false),
            Lt => Value::Bool(self.compare(&a, &b)?.is_lt()),
            Gt => Value::Bool(self.compare(&a, &b)?.is_gt()),
            LtEq => Value::Bool(self.compare(&a, &b)?.is_le()),
            GtEq => Value::Bool(self.compare(&a, &b)?.is_ge()),
            Add => match (&a, &b) {
                (Value::Str(x), _) => Value::Str(Rc::from(format!("{x}{}", self.text_of(&b)?))),
                // `String?.plus`: a null String joins as "null".
                (Value::Null, Value::Str(y)) => Value::Str(Rc::from(format!("null{y}"))),
                (Value::Ctx(_) | Value::Job(_) | Value::Dispatcher(_) | Value::Const(crate::builtins::Const::EmptyContext), _) => {
                    let x = self.to_context(&a)?;
                    let y = self.to_context(&b)?;
                    Value::Ctx(Rc::new(x.plus(&y)))
                }
                (Value::Char(c), Value::Int(i)) => Value::Char(char::from_u32((*c as i64 + *i as i64) as u32).unwrap_or('\u{fffd}')),
                (Value::Char(c), Value::Str(x)) => Value::Str(Rc::from(format!("{c}{x}"))),
                // `collection + element` or `collection + collection` (a list, a set or a
                // range adds its elements); a Set gives a Set, which keeps each element once.
                (Value::Obj(o), _) if matches!(self.heap.get(*o), HeapObj::List(_) | HeapObj::Set(_)) => {
                    let (mut items, is_set) = match self.heap.get(*o) {
                        HeapObj::List(v) => (v.clone(), false),
                        HeapObj::Set(v) => (v.clone(), true),
                        _ => unreachable!("checked above"),
                    };
                    let more: Vec<Value> = match &b {
                        Value::Obj(p) => match self.heap.get(*p) {
                            HeapObj::List(v) | HeapObj::Set(v) => v.clone(),
                            _ => vec![b.clone()],
                        },
                        Value::Range(r) if r.len() > 1_000_000 => return Err(Fault::Stop("adding a range of over a million elements to a collection is not supported in Coroutine Lab".into())),
                        Value::Range(r) => (0..r.len()).map(|i| r.element(r.first + i * r.step)).collect(),
                        _ => vec![b.clone()],
                    };
                    if is_set {
                        for x in more {
                            if !items.iter().any(|y| self.equals(y, &x)) {
                                items.push(x);
                            }
                        }
                        Value::Obj(self.heap.alloc(HeapObj::Set(items)))
                    } else {
                        items.extend(more);
                        self.new_list(items)
                    }
                }
                // `map + (k to v)`, `map + otherMap`, `map + listOfPairs`: a new map in the
                // receiver's order, a key already there keeping its place with the new value.
                (Value::Obj(o), Value::Obj(p)) if matches!(self.heap.get(*o), HeapObj::Map(_)) => {
                    let HeapObj::Map(mut entries) = self.heap.get(*o).clone() else { unreachable!("checked above") };
                    let Some(more) = self.entries_to_add(&b) else { return Err(Fault::Stop(format!("cannot apply '+' to Map and {}", self.type_name(&b)))) };
                    for (k, v) in more {
                        self.put_entry(&mut entries, k, v);
                    }
                    Value::Obj(self.heap.alloc(HeapObj::Map(entries)))
                }
                _ => self.arith(op, &a, &b)?,
            },
            Sub | Mul | Div | Rem => match (&a, &b) {
                // `map - key`: a new map without that key, in the receiver's order.
                (Value::Obj(o), _) if op == Sub && matches!(self.heap.get(*o), HeapObj::Map(_)) => {
                    let HeapObj::Map(mut entries) = self.heap.get(*o).clone() else { unreachable!("checked above") };
                    entries.retain(|(k, _)| !self.equals(k, &b));
                    Value::Obj(self.heap.alloc(HeapObj::Map(entries)))
                }
                // `list - x` drops the first element equal to x; `list - other` every element
                // that other holds. A Set gives a Set, anything else a List.
                (Value::Obj(o), _) if op == Sub && matches!(self.heap.get(*o), HeapObj::List(_) | HeapObj::Set(_)) => {
                    let (mut items, is_set) = match self.heap.get(*o) {
                        HeapObj::List(v) => (v.clone(), false),
                        HeapObj::Set(v) => (v.clone(), true),
                        _ => unreachable!("checked above"),
                    };
                    let others = match &b {
                        Value::Obj(p) => match self.heap.get(*p) {
                            HeapObj::List(v) | HeapObj::Set(v) => Some(v.clone()),
                            _ => None,
                        },
                        _ => None,
                    };
                    match others {
                        Some(others) => items.retain(|x| !others.iter().any(|y| self.equals(x, y))),
                        None => {
                            if let Some(i) = items.iter().position(|x| self.equals(x, &b)) {
                                items.remove(i);
                            }
                        }
                    }
                    if is_set {
                        Value::Obj(self.heap.alloc(HeapObj::Set(items)))
                    } else {
                        self.new_list(items)
                    }
                }
                (Value::Char(x), Value::Char(y)) if op == Sub => Value::Int(*x as i32 - *y as i32),
                (Value::Char(c), Value::Int(i)) if op == Sub => Value::Char(char::from_u32((*c as i64 - *i as i64) as u32).unwrap_or('\u{fffd}')),
                _ => self.arith(op, &a, &b)?,
            },
            RangeTo | Until | DownTo => {
                let kind = match (&a, &b) {
                    (Value::Char(_), _) => RangeKind::Char,
                    (Value::Long(_), _) | (_, Value::Long(_)) => RangeKind::Long,
                    _ => RangeKind::Int,
                };
                let (x, y) = match (a.as_i64(), b.as_i64()) {
                    (Some(x), Some(y)) => (x, y),
                    _ => return Err(Fault::Stop(format!("a range needs integers, found {} and {}", self.type_name(&a), self.type_name(&b)))),
                };
                let r = match op {
                    RangeTo => Range { first: x, last: y, step: 1, kind, progression: false },
                    Until => Range { first: x, last: y.saturating_sub(1), step: 1, kind, progression: false },
                    _ => Range { first: x, last: y, step: -1, kind, progression: true },
                };
                Value::Range(Rc::new(r))
            }
            Step => match (&a, b.as_i64()) {
                (Value::Range(r), Some(step)) => {
                    if step <= 0 {
                        let e = self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("Step must be positive, was: {step}.")), None);
                        return Err(Fault::Throw(e));
                    }
                    let step = if r.step < 0 { -step } else { step };
                    Value::Range(Rc::new(Range { step, progression: true, ..(**r).clone() }))
                }
                _ => return Err(Fault::Stop("`step` applies to a range".into())),
            },
            In => Value::Bool(self.contains(&b, &a)?),
            Pair => Value::Obj(self.heap.alloc(HeapObj::Pair(a, b))),
            And | Or | Xor | Shl | Shr | Ushr => match (&a, &b) {
                (Value::Bool(x), Value::Bool(y)) => Value::Bool(match op {
                    And => *x && *y,
                    Or => *x || *y,
                    _ => x ^ y,
                }),
                (Value::Int(x), Value::Int(y)) => Value::Int(match op {
                    And => x & y,
                    Or => x | y,
                    Xor => x ^ y,
                    Shl => x.wrapping_shl(*y as u32),
                    Shr => x.wrapping_shr(*y as u32),
                    _ => ((*x as u32).wrapping_shr(*y as u32)) as i32,
                }),
                _ => {
                    let (x, y) = (a.as_i64().unwrap_or(0), b.as_i64().unwrap_or(0));
                    Value::Long(match op {
                        And => x & y,
                        Or => x | y,
                        Xor => x ^ y,
                        Shl => x.wrapping_shl(y as u32),
                        Shr => x.wrapping_shr(y as u32),
                        _ => ((x as u64).wrapping_shr(y as u32)) as i64,
                    })
                }
            },
        })
    }

    fn arith(&mut self, op: BinOp, a: &Value, b: &Value) -> Result<Value, Fault> {
        use BinOp::*;
        let div_zero = |w: &mut World| {
            let e = w.new_exception(ExcClass::ArithmeticException, Some("/ by zero"), None);
            Err(Fault::Throw(e))
        };
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(Value::Int(match op {
                Add => x.wrapping_add(*y),
                Sub => x.wrapping_sub(*y),
                Mul => x.wrapping_mul(*y),
                Div => {
                    if *y == 0 {
                        return div_zero(self);
                    }
                    x.wrapping_div(*y)
                }
                Rem => {
                    if *y == 0 {
                        return div_zero(self);
                    }
                    x.wrapping_rem(*y)
                }
                _ => unreachable!("arithmetic operators only"),
            })),
            (Value::Int(_) | Value::Long(_), Value::Int(_) | Value::Long(_)) => {
                let (x, y) = (a.as_i64().unwrap_or(0), b.as_i64().unwrap_or(0));
                Ok(Value::Long(match op {
                    Add => x.wrapping_add(y),
                    Sub => x.wrapping_sub(y),
                    Mul => x.wrapping_mul(y),
                    Div => {
                        if y == 0 {
                            return div_zero(self);
                        }
                        x.wrapping_div(y)
                    }
                    Rem => {
                        if y == 0 {
                            return div_zero(self);
                        }
                        x.wrapping_rem(y)
                    }
                    _ => unreachable!("arithmetic operators only"),
                }))
            }
            (Value::Double(_) | Value::Int(_) | Value::Long(_), Value::Double(_) | Value::Int(_) | Value::Long(_)) => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                Ok(Value::Double(match op {
                    Add => x + y,
                    Sub => x - y,
                    Mul => x * y,
                    Div => x / y,
                    Rem => x % y,
                    _ => unreachable!("arithmetic operators only"),
                }))
            }
            _ => Err(Fault::Stop(format!("cannot apply '{}' to {} and {}", op_symbol(op), self.type_name(a), self.type_name(b)))),
        }
    }

    /// `x in collection`.
    pub fn contains(&self, collection: &Value, x: &Value) -> Result<bool, Fault> {
        Ok(match collection {
            Value::Range(r) => match x.as_i64() {
                Some(v) => {
                    let (lo, hi) = if r.step > 0 { (r.first, r.last) } else { (r.last, r.first) };
                    v >= lo && v <= hi && (v - r.first) % r.step == 0
                }
                None => false,
            },
            Value::Str(s) => match x {
                Value::Str(sub) => s.contains(&**sub),
                Value::Char(c) => s.contains(*c),
                _ => false,
            },
            Value::Obj(o) => match self.heap.get(*o) {
                HeapObj::List(items) | HeapObj::Set(items) => items.iter().any(|v| self.equals(v, x)),
                HeapObj::Map(entries) => entries.iter().any(|(k, _)| self.equals(k, x)),
                _ => return Err(Fault::Stop(format!("'in' is not defined for {}", self.type_name(collection)))),
            },
            _ => return Err(Fault::Stop(format!("'in' is not defined for {}", self.type_name(collection)))),
        })
    }

    /// A new list value.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(HeapObj::List(items)))
    }

    /// A new list backed by the JVM class `kind`.
    pub fn new_list_of(&mut self, items: Vec<Value>, kind: crate::value::ListKind) -> Value {
        let o = self.heap.alloc(HeapObj::List(items));
        self.heap.set_list_kind(o, kind);
        Value::Obj(o)
    }

    /// A new sorted list: `sorted()` gives `toList()` of 0 or 1 elements, otherwise the
    /// sorted array as a list.
    pub fn new_sorted_list(&mut self, items: Vec<Value>) -> Value {
        let kind = if items.len() < 2 { crate::value::ListKind::read_only(items.len()) } else { crate::value::ListKind::Fixed };
        self.new_list_of(items, kind)
    }
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Rem => "%",
        _ => "?",
    }
}

#[inline(never)]
fn range_to_string(r: &Range) -> String {
    let show = |v: i64| match r.kind {
        RangeKind::Char => char::from_u32(v as u32).map(|c| c.to_string()).unwrap_or_default(),
        _ => v.to_string(),
    };
    if !r.progression {
        format!("{}..{}", show(r.first), show(r.last))
    } else if r.step > 0 {
        format!("{}..{} step {}", show(r.first), show(r.last_element().unwrap_or(r.last)), r.step)
    } else {
        format!("{} downTo {} step {}", show(r.first), show(r.last_element().unwrap_or(r.last)), -r.step)
    }
}

/// A stable stand-in for a JVM identity hash code: the same object always prints the same
/// hex, and nothing depends on host addresses.
pub fn fake_hash(n: u64) -> String {
    let mut z = n.wrapping_add(0x1b6d_3586);
    z = (z ^ (z >> 16)).wrapping_mul(0x45d9f3b);
    z = (z ^ (z >> 16)).wrapping_mul(0x45d9f3b);
    format!("{:x}", (z ^ (z >> 16)) & 0x7fff_ffff)
}

/// `String.hashCode()`: over the UTF-16 units, each step multiplying by 31.
fn string_hash(text: &str) -> i32 {
    text.encode_utf16().fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(i32::from(unit)))
}

/// How two values are compared for equality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EqMode {
    /// `a == b` itself: Doubles compare as numbers.
    Operator,
    /// Elements of collections, pairs and data classes: Doubles compare by their bits, and
    /// an Int equals a Long of its value (see [`World::equals`]).
    Element,
    /// An explicit `equals()` call: the boxes compare, so an Int never equals a Long.
    Boxed,
}

impl EqMode {
    /// The mode for what two values hold: elements compare with `equals()`.
    fn nested(self) -> EqMode {
        match self {
            EqMode::Boxed => EqMode::Boxed,
            EqMode::Operator | EqMode::Element => EqMode::Element,
        }
    }
}
