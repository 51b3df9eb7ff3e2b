//! Values of the simulated program and the heap that holds its objects.
//!
//! The heap is an arena indexed by [`ObjId`], so the whole state of a run is plain data:
//! it can be cloned for checkpoints and compared, and no host pointer is observable.

use std::rc::Rc;

use crate::bytecode::{ClassId, FuncId};
use crate::exception::ExcClass;

/// Index of an object in the [`Heap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjId(pub u32);

/// Index of a job (a coroutine, a scope or a `Job()`) in the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(pub u32);

impl JobId {
    /// `NonCancellable`: a job that is always active and never completes.
    pub const NON_CANCELLABLE: JobId = JobId(0);
}

/// Index of a dispatcher in the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DispatcherId(pub u32);

/// Index of a simulated thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ThreadId(pub u32);

/// Index of a strand: one running chain of frames (a coroutine's body, or a thread's plain code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StrandId(pub u32);

/// A value of the simulated program.
#[derive(Clone, PartialEq)]
pub enum Value {
    /// A missing argument, replaced by the parameter's default; or a `lateinit` property (a
    /// field, a top-level or a local `var`) not yet set, whose reads throw. Never visible to
    /// programs.
    Absent,
    /// `Unit`
    Unit,
    /// `null`
    Null,
    /// `Boolean`
    Bool(bool),
    /// `Int`
    Int(i32),
    /// `Long`
    Long(i64),
    /// `Double` (and `Float`)
    Double(f64),
    /// `Char`
    Char(char),
    /// `String`
    Str(Rc<str>),
    /// An object on the heap.
    Obj(ObjId),
    /// A job, deferred or scope coroutine.
    Job(JobId),
    /// A dispatcher.
    Dispatcher(DispatcherId),
    /// A coroutine context, or one element of it.
    Ctx(Rc<Context>),
    /// A `CoroutineScope`: the context it launches into.
    Scope(Rc<Context>),
    /// An integer progression: `1..10`, `0 until n`, `10 downTo 0 step 2`.
    Range(Rc<Range>),
    /// A built-in singleton or namespace such as `GlobalScope` or `CoroutineStart.LAZY`.
    Const(crate::builtins::Const),
}

/// As `#[derive(Debug)]` would print it; a `Double` is printed by [`crate::decimal::Dec`], as
/// `{:?}` prints an `f64`, so that the page carries no other float printing.
impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Double(f64);
        impl std::fmt::Debug for Double {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&crate::decimal::Dec(self.0).debug())
            }
        }
        match self {
            Value::Absent => f.write_str("Absent"),
            Value::Unit => f.write_str("Unit"),
            Value::Null => f.write_str("Null"),
            Value::Bool(v) => f.debug_tuple("Bool").field(v).finish(),
            Value::Int(v) => f.debug_tuple("Int").field(v).finish(),
            Value::Long(v) => f.debug_tuple("Long").field(v).finish(),
            Value::Double(v) => f.debug_tuple("Double").field(&Double(*v)).finish(),
            Value::Char(v) => f.debug_tuple("Char").field(v).finish(),
            Value::Str(v) => f.debug_tuple("Str").field(v).finish(),
            Value::Obj(v) => f.debug_tuple("Obj").field(v).finish(),
            Value::Job(v) => f.debug_tuple("Job").field(v).finish(),
            Value::Dispatcher(v) => f.debug_tuple("Dispatcher").field(v).finish(),
            Value::Ctx(v) => f.debug_tuple("Ctx").field(v).finish(),
            Value::Scope(v) => f.debug_tuple("Scope").field(v).finish(),
            Value::Range(v) => f.debug_tuple("Range").field(v).finish(),
            Value::Const(v) => f.debug_tuple("Const").field(v).finish(),
        }
    }
}

impl Value {
    /// A string value. Kept out of line: inlined, the allocation and copy would be repeated
    /// at each of the many call sites.
    #[inline(never)]
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The integer value of an Int or Long (Char gives its code).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i as i64),
            Value::Long(l) => Some(*l),
            Value::Char(c) => Some(*c as i64),
            _ => None,
        }
    }

    /// The numeric value of an Int, Long or Double.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Long(l) => Some(*l as f64),
            Value::Double(d) => Some(*d),
            _ => None,
        }
    }

    /// The boolean value, if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The heap object, if it is one.
    pub fn as_obj(&self) -> Option<ObjId> {
        match self {
            Value::Obj(o) => Some(*o),
            _ => None,
        }
    }
}

/// An integer progression.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// First value.
    pub first: i64,
    /// Last value reached (inclusive bound as written; iteration stops past it).
    pub last: i64,
    /// Step, negative for `downTo`.
    pub step: i64,
    /// Whether the elements are Int, Long or Char.
    pub kind: RangeKind,
    /// True for a progression made by `downTo`, `step` or `reversed()` (an `IntProgression`),
    /// which prints its step even when it is 1; false for a range made by `..` or `until` (an
    /// `IntRange`), which prints as `first..last`.
    pub progression: bool,
}

/// The element type of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    /// `Int`
    Int,
    /// `Long`
    Long,
    /// `Char`
    Char,
}

impl Range {
    /// The element value for an integer.
    pub fn element(&self, v: i64) -> Value {
        match self.kind {
            RangeKind::Int => Value::Int(v as i32),
            RangeKind::Long => Value::Long(v),
            RangeKind::Char => Value::Char(char::from_u32(v as u32).unwrap_or('\u{fffd}')),
        }
    }

    /// Number of elements.
    /// A `Long` range can hold more elements than an `i64` counts: the count saturates.
    pub fn len(&self) -> i64 {
        let span = |hi: i64, lo: i64, step: i64| ((hi as i128 - lo as i128) / step.unsigned_abs() as i128 + 1).min(i64::MAX as i128) as i64;
        if self.step > 0 {
            if self.last < self.first { 0 } else { span(self.last, self.first, self.step) }
        } else if self.step < 0 {
            if self.last > self.first { 0 } else { span(self.first, self.last, self.step) }
        } else {
            0
        }
    }

    /// True when it has no element.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The last element actually reached by stepping.
    pub fn last_element(&self) -> Option<i64> {
        let n = self.len();
        if n == 0 { None } else { Some(self.first + (n - 1) * self.step) }
    }
}

/// A coroutine context: the elements a coroutine runs with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Context {
    /// `Job` element.
    pub job: Option<JobId>,
    /// `ContinuationInterceptor` element.
    pub dispatcher: Option<DispatcherId>,
    /// `CoroutineName` element.
    pub name: Option<Rc<str>>,
    /// `CoroutineExceptionHandler` element: the handler closure.
    pub handler: Option<ObjId>,
    /// `ThreadLocal.asContextElement(value)` elements: thread-local object and value.
    pub thread_locals: Vec<(ObjId, Value)>,
    /// The order its elements were added in, as `CombinedContext` keeps it: `a + b` puts b's
    /// elements after a's, a replaced element moves to the end. Elements set without `plus`
    /// (a context of one element, a job given to a scope) come after these; see
    /// [`Context::keys`].
    pub order: Vec<CtxKey>,
}

/// The key of a context element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtxKey {
    /// `CoroutineName`.
    Name,
    /// A `ThreadLocal`'s element.
    ThreadLocal(ObjId),
    /// `CoroutineExceptionHandler`.
    Handler,
    /// `Job`.
    Job,
    /// `ContinuationInterceptor`.
    Dispatcher,
}

impl Context {
    /// `self + other`: elements of `other` replace those of `self` with the same key.
    pub fn plus(&self, other: &Context) -> Context {
        let mut out = self.clone();
        out.order = self.keys();
        for k in other.keys() {
            out.order.retain(|x| *x != k);
            out.order.push(k);
        }
        if other.job.is_some() {
            out.job = other.job;
        }
        if other.dispatcher.is_some() {
            out.dispatcher = other.dispatcher;
        }
        if other.name.is_some() {
            out.name = other.name.clone();
        }
        if other.handler.is_some() {
            out.handler = other.handler;
        }
        for (tl, v) in &other.thread_locals {
            out.thread_locals.retain(|(t, _)| t != tl);
            out.thread_locals.push((*tl, v.clone()));
        }
        out
    }

    /// The context with `job` as its Job, added last as `context + job` adds it.
    pub fn with_job(&self, job: JobId) -> Context {
        self.plus(&Context { job: Some(job), ..Context::default() })
    }

    /// The keys of its elements in the order they were added; those set without `plus`
    /// follow, name, thread locals, handler, job and dispatcher.
    pub fn keys(&self) -> Vec<CtxKey> {
        let present = |k: &CtxKey| match k {
            CtxKey::Name => self.name.is_some(),
            CtxKey::ThreadLocal(o) => self.thread_locals.iter().any(|(t, _)| t == o),
            CtxKey::Handler => self.handler.is_some(),
            CtxKey::Job => self.job.is_some(),
            CtxKey::Dispatcher => self.dispatcher.is_some(),
        };
        let mut keys: Vec<CtxKey> = Vec::new();
        let canonical = [CtxKey::Name].into_iter().chain(self.thread_locals.iter().map(|(t, _)| CtxKey::ThreadLocal(*t))).chain([CtxKey::Handler, CtxKey::Job, CtxKey::Dispatcher]);
        for k in self.order.iter().copied().chain(canonical) {
            if present(&k) && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// True when it holds no element.
    pub fn is_empty(&self) -> bool {
        self.job.is_none() && self.dispatcher.is_none() && self.name.is_none() && self.handler.is_none() && self.thread_locals.is_empty()
    }
}

/// An object on the heap.
#[derive(Debug, Clone, PartialEq)]
pub enum HeapObj {
    /// A captured variable shared between a function and its lambdas.
    Cell(Value),
    /// `List` / `MutableList`.
    List(Vec<Value>),
    /// `Map` / `MutableMap`, in insertion order.
    Map(Vec<(Value, Value)>),
    /// `Set` / `MutableSet`, in insertion order.
    Set(Vec<Value>),
    /// `Pair`.
    Pair(Value, Value),
    /// `Triple`, boxed so that it does not make every heap object larger.
    Triple(Box<[Value; 3]>),
    /// A `Map.Entry` met by iterating a map or reading its `entries`: it has `key` and
    /// `value`, destructures like a pair, and prints as `key=value`.
    Entry(Value, Value),
    /// An instance of a user class or object.
    Instance {
        /// Its class.
        class: ClassId,
        /// Field values in the class's field order.
        fields: Vec<Value>,
    },
    /// An exception.
    Exception(Box<ExceptionObj>),
    /// A lambda or local function with its captured cells.
    Closure {
        /// The code.
        func: FuncId,
        /// Captured cells, in the order the function expects them.
        captures: Vec<ObjId>,
    },
    /// An iterator used by `for` loops and inlined collection calls.
    Iter(IterState),
    /// A `Result` from `runCatching`.
    Result(Result<Value, Value>),
    /// A coroutine `Mutex`.
    Mutex(MutexState),
    /// A coroutine `Semaphore`.
    Semaphore(SemaphoreState),
    /// `AtomicInteger`, `AtomicLong`, `AtomicBoolean` or `AtomicReference`.
    Atomic(Value),
    /// A `ThreadLocal`.
    ThreadLocal(ThreadLocalState),
    /// `Any()`: an object used as a lock.
    Plain,
    /// A `StringBuilder`.
    StringBuilder(String),
    /// An `ExecutorService` backed by a dispatcher's threads.
    Executor(DispatcherId),
    /// A `Thread` object from `Thread.currentThread()`.
    Thread(ThreadId),
    /// A `Random` generator; it draws from the world's seeded generator.
    Random,
    /// A class object: `x.javaClass` (a `java.lang.Class`) or `x::class` (a `KClass`).
    Class(ClassObj),
    /// A `Channel`, or the channel of a `produce` coroutine.
    Channel(Box<crate::channel::ChannelState>),
    /// A `ChannelResult` from `trySend`, `tryReceive` or `receiveCatching`.
    ChannelResult(crate::channel::ChannelResult),
    /// A built-in that compares with a class's own `compareTo()`, between two calls of it.
    Comparing(Box<crate::comparing::Comparing>),
}

/// A class as a program sees it through `javaClass` or `::class`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassObj {
    /// The JVM name, as `Class.getName()` gives it: `java.lang.IllegalStateException`,
    /// `Foo` for a class of the default package, `int` for a primitive type.
    pub java_name: Rc<str>,
    /// True for a `KClass` (`::class`), false for a `java.lang.Class` (`javaClass`, `.java`).
    pub kotlin: bool,
    /// A `KClass` taken from a number, Boolean or Char value: Kotlin gives the primitive
    /// class (`int`) when the expression's static type is `Int` and the wrapper
    /// (`java.lang.Integer`) when it is `Int?` or `Any`, and the engine does not know static
    /// types, so only what is the same for both (`simpleName`, `qualifiedName`) is known.
    pub primitive_or_wrapper: bool,
}

impl ClassObj {
    /// `Class.getSimpleName()`: the name after the package and the classes it is nested in
    /// (`Inner` for `Outer$Inner`).
    pub fn java_simple_name(&self) -> &str {
        self.java_name.rsplit(['.', '$']).next().unwrap_or(&self.java_name)
    }

    /// The Kotlin name of a JVM class, as `KClass.qualifiedName` gives it without
    /// kotlin-reflect (`ClassReference.classFqNames`): the built-in types that Kotlin maps
    /// onto JVM classes have Kotlin names; every other class keeps its JVM name.
    pub fn kotlin_qualified_name(&self) -> &str {
        match &*self.java_name {
            "int" | "java.lang.Integer" => "kotlin.Int",
            "long" | "java.lang.Long" => "kotlin.Long",
            "double" | "java.lang.Double" => "kotlin.Double",
            "float" | "java.lang.Float" => "kotlin.Float",
            "boolean" | "java.lang.Boolean" => "kotlin.Boolean",
            "char" | "java.lang.Character" => "kotlin.Char",
            "java.lang.String" => "kotlin.String",
            "java.lang.Object" => "kotlin.Any",
            "java.lang.Throwable" => "kotlin.Throwable",
            "java.lang.Number" => "kotlin.Number",
            "kotlin.Unit" => "kotlin.Unit",
            other => other,
        }
    }

    /// `KClass.simpleName`: the last part of the Kotlin name (a nested class's JVM name,
    /// `Outer$Inner`, is `Outer.Inner` in Kotlin).
    pub fn kotlin_simple_name(&self) -> &str {
        let q = self.kotlin_qualified_name();
        q.rsplit(['.', '$']).next().unwrap_or(q)
    }
}

/// An exception object.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptionObj {
    /// Its built-in class, or the built-in class a user class extends.
    pub class: ExcClass,
    /// A user class extending a built-in exception, with its fields.
    pub user_class: Option<(ClassId, Vec<Value>)>,
    /// `message`
    pub message: Option<Rc<str>>,
    /// `cause`
    pub cause: Option<Value>,
    /// `suppressed`, in the order they were added.
    pub suppressed: Vec<Value>,
    /// For JobCancellationException: the job it names (printed with its state at print time).
    pub job: Option<JobId>,
    /// Kotlin frames where it was created, innermost first, as `Class.function(File.kt:line)`.
    pub frames: Vec<String>,
}

/// Iteration state.
#[derive(Debug, Clone, PartialEq)]
pub enum IterState {
    /// Over a snapshot of values (sets, maps as entries, strings as chars).
    Values {
        /// The values.
        items: Rc<[Value]>,
        /// Next index.
        next: usize,
        /// The set or map the snapshot was taken of, with its count of changes then: a Java
        /// `HashMap` or `HashSet` iterator is fail-fast. `None` for a string, and for a
        /// `ConcurrentHashMap`, whose iterators never fail.
        source: Option<(ObjId, u32)>,
        /// Which part of a map the values are (`keys`, `values`, entries), for `remove()`;
        /// `None` for a set.
        of: Option<MapPart>,
        /// `remove()` may remove the element `next()` gave last.
        removable: bool,
    },
    /// Over a list object, reading it live: `hasNext()` compares the position with the
    /// list's size now, as `ArrayList`'s iterator does.
    List {
        /// The list.
        list: ObjId,
        /// Next index.
        next: usize,
        /// The list's count of changes when the iteration began (or the iterator's own
        /// `remove()` last changed it).
        changes: u32,
        /// `remove()` may remove the element `next()` gave last.
        removable: bool,
    },
    /// Over a range.
    Range {
        /// The range.
        range: Rc<Range>,
        /// Next value.
        next: i64,
        /// Elements left.
        left: i64,
    },
}

/// A coroutine `Mutex`: who holds it and who waits, in FIFO order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MutexState {
    /// The holder's strand, when locked.
    pub owner: Option<StrandId>,
    /// Suspended lockers, first come first served.
    pub waiters: std::collections::VecDeque<StrandId>,
}

/// A coroutine `Semaphore`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SemaphoreState {
    /// Free permits.
    pub permits: i64,
    /// Total permits.
    pub total: i64,
    /// Suspended acquirers, first come first served.
    pub waiters: std::collections::VecDeque<StrandId>,
}

/// A `ThreadLocal`: one value per thread.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThreadLocalState {
    /// Values set per thread.
    pub values: Vec<(ThreadId, Value)>,
    /// `ThreadLocal.withInitial { … }` closure.
    pub initial: Option<ObjId>,
}

/// The arena of objects.
#[derive(Debug, Clone, Default)]
pub struct Heap {
    objects: Vec<HeapObj>,
    /// The table size of each map or set that is a Java hash table (`HashMap`, `HashSet`,
    /// `ConcurrentHashMap` with [`CONCURRENT_MAP`]), whose entries are kept in that table's
    /// iteration order, or [`SORTED_MAP`] for a `TreeMap`, whose entries are kept sorted by
    /// key; other maps and sets keep insertion order.
    hash_table_sizes: std::collections::BTreeMap<ObjId, u32>,
    /// The JVM class behind each list that is not a `java.util.ArrayList` (see [`ListKind`]).
    list_kinds: std::collections::BTreeMap<ObjId, ListKind>,
    /// The pairs that are `IndexedValue`s (`withIndex()`): `index` and `value`, printed as
    /// `IndexedValue(index=0, value=a)`.
    indexed_values: std::collections::BTreeSet<ObjId>,
    /// How many structural changes (an element added or removed, a clear, a sort) each
    /// collection has had, as a JVM collection's `modCount`: an iterator that finds it changed
    /// throws `ConcurrentModificationException`. Collections never changed are not listed.
    mod_counts: std::collections::BTreeMap<ObjId, u32>,
    /// The sets and lists that are a map's `keys`, `values` or `entries`: views of the map,
    /// which read it as it is now and remove from it.
    map_views: std::collections::BTreeMap<ObjId, (ObjId, MapPart)>,
}

/// Which part of a map a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapPart {
    /// `keys`, a set.
    Keys,
    /// `values`, a collection.
    Values,
    /// `entries`, a set of `Map.Entry`.
    Entries,
}

/// A flag on the table size of a map that is a `java.util.concurrent.ConcurrentHashMap`: it
/// iterates as a `HashMap` of its table size does, but doubles its table when its entries
/// reach three quarters of it, where a `HashMap` waits until they exceed them.
pub const CONCURRENT_MAP: u32 = 1 << 31;

/// The table size recorded for a map that is a `java.util.TreeMap` (`toSortedMap()`): its
/// entries are kept sorted by key instead (a real table size is at least 1).
pub const SORTED_MAP: u32 = 0;

/// The JVM class behind a list, which decides the exception a bad index throws. A list is a
/// `java.util.ArrayList` unless the heap records another kind for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// `java.util.ArrayList`: `mutableListOf`, `map`, `filter`, `toList()` of 2 or more, …
    ArrayList,
    /// An array (`arrayOf`, `IntArray`, `toTypedArray`).
    Array,
    /// `java.util.Arrays$ArrayList`, a list over an array: `listOf(a, b, …)`, `sorted()` of 2 or more.
    Fixed,
    /// `java.util.Collections$SingletonList`: `listOf(a)`, `toList()` of one element.
    Singleton,
    /// `kotlin.collections.EmptyList`: `listOf()`, `emptyList()`, `toList()` of nothing.
    Empty,
}

impl ListKind {
    /// The kind of a read-only list that the standard library shrinks by size
    /// (`toList`, `take`, `drop`, `distinct`): empty, singleton or an ArrayList.
    pub fn read_only(len: usize) -> ListKind {
        match len {
            0 => ListKind::Empty,
            1 => ListKind::Singleton,
            _ => ListKind::ArrayList,
        }
    }
}

impl Heap {
    /// Stores an object and returns its id.
    pub fn alloc(&mut self, obj: HeapObj) -> ObjId {
        self.objects.push(obj);
        ObjId(self.objects.len() as u32 - 1)
    }

    /// Records that a pair is an `IndexedValue`.
    pub fn mark_indexed_value(&mut self, id: ObjId) {
        self.indexed_values.insert(id);
    }

    /// Whether a pair is an `IndexedValue`.
    pub fn is_indexed_value(&self, id: ObjId) -> bool {
        self.indexed_values.contains(&id)
    }

    /// The table size of a map that iterates as a Java `HashMap`, if it is one.
    pub fn hash_table_size(&self, id: ObjId) -> Option<u32> {
        self.hash_table_sizes.get(&id).copied()
    }

    /// Records the table size of a map that iterates as a Java `HashMap`.
    pub fn set_hash_table_size(&mut self, id: ObjId, size: u32) {
        self.hash_table_sizes.insert(id, size);
    }

    /// Counts a structural change of a collection (see `mod_counts`).
    pub fn count_change(&mut self, id: ObjId) {
        let n = self.mod_counts.entry(id).or_insert(0);
        *n = n.wrapping_add(1);
    }

    /// The structural changes a collection has had.
    pub fn changes(&self, id: ObjId) -> u32 {
        self.mod_counts.get(&id).copied().unwrap_or(0)
    }

    /// Records that a collection is a view of a map.
    pub fn mark_map_view(&mut self, id: ObjId, map: ObjId, part: MapPart) {
        self.map_views.insert(id, (map, part));
    }

    /// The map a collection is a view of, and which part.
    pub fn map_view(&self, id: ObjId) -> Option<(ObjId, MapPart)> {
        if self.map_views.is_empty() {
            return None;
        }
        self.map_views.get(&id).copied()
    }

    /// The JVM class behind a list.
    pub fn list_kind(&self, id: ObjId) -> ListKind {
        self.list_kinds.get(&id).copied().unwrap_or(ListKind::ArrayList)
    }

    /// Records the JVM class behind a list.
    pub fn set_list_kind(&mut self, id: ObjId, kind: ListKind) {
        if kind == ListKind::ArrayList {
            self.list_kinds.remove(&id);
        } else {
            self.list_kinds.insert(id, kind);
        }
    }

    /// An object.
    pub fn get(&self, id: ObjId) -> &HeapObj {
        &self.objects[id.0 as usize]
    }

    /// An object, mutably.
    pub fn get_mut(&mut self, id: ObjId) -> &mut HeapObj {
        &mut self.objects[id.0 as usize]
    }

    /// Number of objects ever allocated.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// True when nothing was allocated.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

/// Formats a Double the way the JVM's `Double.toString` does.
#[inline(never)]
pub fn format_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let a = d.abs();
    if let Some((digits, exp)) = crate::decimal::Dec(d).java_subnormal_digits() {
        let digits: String = digits.iter().map(|&c| char::from(b'0' + c)).collect();
        let sign = if d < 0.0 { "-" } else { "" };
        let rest = if digits.len() > 1 { &digits[1..] } else { "0" };
        return format!("{sign}{}.{rest}E{}", &digits[..1], exp - 1);
    }
    if (1e-3..1e7).contains(&a) {
        let s = crate::decimal::Dec(d).debug();
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        // Scientific notation: `1.0E7`, `1.234E-5`.
        let s = format!("{:e}", crate::decimal::Dec(d));
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = if mantissa.contains('.') { mantissa.to_string() } else { format!("{mantissa}.0") };
        format!("{mantissa}E{exp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_like_the_jvm() {
        assert_eq!(format_double(1.0), "1.0");
        assert_eq!(format_double(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_double(1e7), "1.0E7");
        assert_eq!(format_double(1.5e-5), "1.5E-5");
        assert_eq!(format_double(123.456), "123.456");
        assert_eq!(format_double(-2.5), "-2.5");
        // Subnormals, as JDK 17 prints them.
        assert_eq!(format_double(f64::from_bits(1)), "4.9E-324");
        assert_eq!(format_double(-f64::from_bits(2)), "-1.0E-323");
        assert_eq!(format_double(f64::from_bits(32)), "1.58E-322");
        assert_eq!(format_double(f64::from_bits(12345678)), "6.0995754E-317");
        assert_eq!(format_double(f64::from_bits((1 << 52) - 1)), "2.225073858507201E-308");
    }

    #[test]
    fn values_debug_print_as_derived() {
        let v = vec![Value::Double(1.5), Value::Double(1e20), Value::Int(3), Value::Str("a\"b".into()), Value::Null, Value::Char('\n'), Value::Job(JobId(2))];
        assert_eq!(format!("{v:?}"), r#"[Double(1.5), Double(1e20), Int(3), Str("a\"b"), Null, Char('\n'), Job(JobId(2))]"#);
        assert_eq!(format!("{:#?}", Value::Double(-0.0)), "Double(\n    -0.0,\n)");
    }

    #[test]
    fn range_lengths() {
        let r = Range { first: 10, last: 0, step: -3, kind: RangeKind::Int, progression: true };
        assert_eq!(r.len(), 4);
        assert_eq!(r.last_element(), Some(1));
        let e = Range { first: 0, last: -1, step: 1, kind: RangeKind::Int, progression: false };
        assert!(e.is_empty());
    }
}
