//! The names the engine knows without a declaration: built-in functions, constants and
//! namespaces, with the parameter names used to place named arguments.

use crate::exception::ExcClass;

/// A built-in function, called by name (`println`) or through a namespace (`Thread.sleep`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `println(x)`
    Println,
    /// `print(x)`
    Print,
    /// `delay(ms)`
    Delay,
    /// `yield()`
    Yield,
    /// `runBlocking(context) { }`
    RunBlocking,
    /// `coroutineScope { }`
    CoroutineScope,
    /// `supervisorScope { }`
    SupervisorScope,
    /// `withContext(context) { }`
    WithContext,
    /// `withTimeout(ms) { }`
    WithTimeout,
    /// `withTimeoutOrNull(ms) { }`
    WithTimeoutOrNull,
    /// `awaitAll(d1, d2, …)`
    AwaitAll,
    /// `joinAll(j1, j2, …)`
    JoinAll,
    /// `currentCoroutineContext()` and the `coroutineContext` property of suspend functions.
    CurrentContext,
    /// `Job(parent)`
    NewJob,
    /// `SupervisorJob(parent)`
    NewSupervisorJob,
    /// `CompletableDeferred<T>(parent)`
    NewCompletableDeferred,
    /// `CoroutineName(name)`
    NewCoroutineName,
    /// `CoroutineExceptionHandler { context, exception -> }`
    NewExceptionHandler,
    /// `CoroutineScope(context)`
    NewScope,
    /// `MainScope()`
    MainScope,
    /// `Mutex(locked)`
    NewMutex,
    /// `Semaphore(permits)`
    NewSemaphore,
    /// `AtomicInteger(v)`, `AtomicLong(v)`, `AtomicBoolean(v)`, `AtomicReference(v)`
    NewAtomic,
    /// `ThreadLocal<T>()`
    NewThreadLocal,
    /// `ThreadLocal.withInitial { }`
    ThreadLocalWithInitial,
    /// `Any()`
    NewAny,
    /// `StringBuilder(text)`
    NewStringBuilder,
    /// `Random(seed)`, `Random.Default`
    NewRandom,
    /// `newSingleThreadContext(name)`
    NewSingleThreadContext,
    /// `newFixedThreadPoolContext(n, name)`
    NewFixedThreadPoolContext,
    /// `Executors.newFixedThreadPool(n)`
    NewFixedThreadPool,
    /// `Executors.newSingleThreadExecutor()`
    NewSingleThreadExecutor,
    /// `Executors.newCachedThreadPool()`
    NewCachedThreadPool,
    /// An exception constructor: `IllegalStateException(message, cause)`.
    NewException(ExcClass),
    /// `error(message)`
    Error,
    /// `TODO(reason)`
    Todo,
    /// `listOf(…)`
    ListOf,
    /// `listOfNotNull(…)`
    ListOfNotNull,
    /// `mutableListOf(…)`, `arrayListOf(…)`, `ArrayList()`
    MutableListOf,
    /// `emptyList()`
    EmptyList,
    /// `mapOf(…)`, `mutableMapOf(…)`, `linkedMapOf`: entries in insertion order
    MapOf,
    /// `hashMapOf(…)`, `HashMap()`: entries in a Java `HashMap`'s iteration order
    HashMapOf,
    /// `ConcurrentHashMap()`: entries in its table's iteration order, as a `HashMap`'s
    ConcurrentHashMapOf,
    /// `setOf(…)`, `mutableSetOf(…)`
    SetOf,
    /// `hashSetOf(…)`, `HashSet()`: elements in a Java `HashSet`'s iteration order
    HashSetOf,
    /// A Java collection's constructor: `ArrayList(…)`, `HashSet(…)`, `HashMap(…)`, …, with
    /// nothing, an initial capacity or a collection to copy.
    NewCollection(CollectionClass),
    /// `Pair(a, b)`
    NewPair,
    /// `Triple(a, b, c)`
    NewTriple,
    /// `arrayOf(…)`, `intArrayOf(…)`
    ArrayOf,
    /// `String.format(format, args…)`
    StringFormat,
    /// `maxOf(a, b)`
    MaxOf,
    /// `minOf(a, b)`
    MinOf,
    /// `abs(x)`
    Abs,
    /// `sqrt(x)`
    Sqrt,
    /// `System.currentTimeMillis()`
    CurrentTimeMillis,
    /// `System.nanoTime()`
    NanoTime,
    /// `Thread.sleep(ms)`
    ThreadSleep,
    /// `Thread.currentThread()`
    CurrentThread,
    /// `DebugProbes.install()`
    DebugProbesInstall,
    /// `DebugProbes.uninstall()`
    DebugProbesUninstall,
    /// `DebugProbes.dumpCoroutines(out)`
    DebugProbesDump,
    /// `Math.random()`, `Random.nextInt(…)` and friends on the default generator.
    RandomNext(RandomKind),
    /// `Math.round(x)`, `Math.floor(x)`, `Math.pow(x, y)`, `kotlin.math.round(x)`, …
    MathFn(MathKind),
    /// `Result.success(v)`, used by inlined `runCatching`.
    ResultSuccess,
    /// `Result.failure(e)`, used by inlined `runCatching`.
    ResultFailure,
    /// Sorts a list of (key, element) pairs by key and returns the elements; used by
    /// inlined `sortedBy`.
    SortByKeys,
    /// `repeat(n)` as a plain call (a non-literal action).
    Repeat,
    /// `Channel<T>(capacity)`
    NewChannel,
}

/// The Java collection classes a program can construct by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CollectionClass {
    /// `java.util.ArrayList`
    ArrayList,
    /// `java.util.HashSet`
    HashSet,
    /// `java.util.LinkedHashSet`
    LinkedHashSet,
    /// `java.util.HashMap`
    HashMap,
    /// `java.util.LinkedHashMap`
    LinkedHashMap,
}

/// Which function of `java.lang.Math` or `kotlin.math` on Doubles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MathKind {
    /// `Math.round(x)`: the closest Long, ties towards positive infinity.
    JavaRound,
    /// `kotlin.math.round(x)`: the closest whole Double, ties to the even one.
    Round,
    /// `Math.floor(x)`, `floor(x)`
    Floor,
    /// `Math.ceil(x)`, `ceil(x)`
    Ceil,
    /// `Math.pow(x, y)`
    Pow,
    /// `Math.floorMod(a, b)`: the remainder with the sign of `b`.
    FloorMod,
    /// `Math.floorDiv(a, b)`: the quotient rounded towards negative infinity.
    FloorDiv,
}

/// Which random draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RandomKind {
    /// `Math.random()`, `Random.nextDouble()`
    Double,
    /// `Random.nextInt(until)` / `nextInt(from, until)`
    Int,
    /// `Random.nextLong(until)` / `nextLong(from, until)`
    Long,
    /// `Random.nextBoolean()`
    Bool,
}

/// A built-in constant, singleton or namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Const {
    /// `GlobalScope`
    GlobalScope,
    /// `Dispatchers.Default`
    DispatchersDefault,
    /// `Dispatchers.IO`
    DispatchersIo,
    /// `Dispatchers.Main`
    DispatchersMain,
    /// `Dispatchers.Unconfined`
    DispatchersUnconfined,
    /// `NonCancellable`
    NonCancellable,
    /// `EmptyCoroutineContext`
    EmptyContext,
    /// `CoroutineStart.DEFAULT`
    StartDefault,
    /// `CoroutineStart.LAZY`
    StartLazy,
    /// `CoroutineStart.ATOMIC`
    StartAtomic,
    /// `CoroutineStart.UNDISPATCHED`
    StartUndispatched,
    /// The `Job` key: `coroutineContext[Job]`.
    KeyJob,
    /// The `CoroutineName` key.
    KeyName,
    /// The `CoroutineExceptionHandler` key.
    KeyHandler,
    /// The `ContinuationInterceptor` / `CoroutineDispatcher` key.
    KeyDispatcher,
    /// `System.out`
    SystemOut,
    /// `System.err`
    SystemErr,
    /// `Random` / `Random.Default`
    RandomDefault,
}

/// A namespace such as `Dispatchers` or `Thread`: only its members can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// `Dispatchers`
    Dispatchers,
    /// `CoroutineStart`
    CoroutineStart,
    /// `System`
    System,
    /// `Thread`
    Thread,
    /// `Executors`
    Executors,
    /// `DebugProbes`
    DebugProbes,
    /// `Long`
    Long,
    /// `Int`
    Int,
    /// `Double`
    Double,
    /// `Math`
    Math,
    /// `Random`
    Random,
    /// `ThreadLocal`
    ThreadLocal,
    /// `Result`
    Result,
    /// `TimeUnit`
    TimeUnit,
    /// `String`
    String,
    /// `Channel`: its constants, and `Channel<T>(capacity)` itself.
    Channel,
}

/// What a name or a `Namespace.member` means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolved {
    /// A function.
    Fn(Builtin),
    /// A constant.
    Const(Const),
    /// A plain value (`Long.MAX_VALUE`).
    Int(i64),
    /// A `Long` value.
    Long(i64),
    /// A `Double` value.
    Double(f64),
    /// A namespace.
    Namespace(Namespace),
}

/// The meaning of a bare name, if it is built in.
pub fn resolve_name(name: &str) -> Option<Resolved> {
    use Builtin as B;
    use Resolved::*;
    if let Some(class) = ExcClass::from_name(name) {
        // Only the exact spellings are names; `from_name` also accepts aliases.
        if class.simple_name() == name || name == "KotlinNullPointerException" {
            return Some(Fn(B::NewException(class)));
        }
    }
    Some(match name {
        "println" => Fn(B::Println),
        "print" => Fn(B::Print),
        "delay" => Fn(B::Delay),
        "yield" => Fn(B::Yield),
        "runBlocking" => Fn(B::RunBlocking),
        "coroutineScope" => Fn(B::CoroutineScope),
        "supervisorScope" => Fn(B::SupervisorScope),
        "withContext" => Fn(B::WithContext),
        "withTimeout" => Fn(B::WithTimeout),
        "withTimeoutOrNull" => Fn(B::WithTimeoutOrNull),
        "awaitAll" => Fn(B::AwaitAll),
        "joinAll" => Fn(B::JoinAll),
        "currentCoroutineContext" => Fn(B::CurrentContext),
        "Job" => Fn(B::NewJob),
        "SupervisorJob" => Fn(B::NewSupervisorJob),
        "CompletableDeferred" => Fn(B::NewCompletableDeferred),
        "CoroutineName" => Fn(B::NewCoroutineName),
        "CoroutineExceptionHandler" => Fn(B::NewExceptionHandler),
        "CoroutineScope" => Fn(B::NewScope),
        "MainScope" => Fn(B::MainScope),
        "Mutex" => Fn(B::NewMutex),
        "Semaphore" => Fn(B::NewSemaphore),
        "AtomicInteger" | "AtomicLong" | "AtomicBoolean" | "AtomicReference" => Fn(B::NewAtomic),
        "ThreadLocal" => Fn(B::NewThreadLocal),
        "Any" => Fn(B::NewAny),
        "StringBuilder" => Fn(B::NewStringBuilder),
        "newSingleThreadContext" => Fn(B::NewSingleThreadContext),
        "newFixedThreadPoolContext" => Fn(B::NewFixedThreadPoolContext),
        "error" => Fn(B::Error),
        "TODO" => Fn(B::Todo),
        "listOf" => Fn(B::ListOf),
        "mutableListOf" | "arrayListOf" => Fn(B::MutableListOf),
        "ArrayList" => Fn(B::NewCollection(CollectionClass::ArrayList)),
        "HashSet" => Fn(B::NewCollection(CollectionClass::HashSet)),
        "LinkedHashSet" => Fn(B::NewCollection(CollectionClass::LinkedHashSet)),
        "HashMap" => Fn(B::NewCollection(CollectionClass::HashMap)),
        "LinkedHashMap" => Fn(B::NewCollection(CollectionClass::LinkedHashMap)),
        "emptyList" => Fn(B::EmptyList),
        "mapOf" | "mutableMapOf" | "linkedMapOf" | "emptyMap" => Fn(B::MapOf),
        "ConcurrentHashMap" => Fn(B::ConcurrentHashMapOf),
        "hashMapOf" => Fn(B::HashMapOf),
        "setOf" | "mutableSetOf" | "emptySet" => Fn(B::SetOf),
        "hashSetOf" => Fn(B::HashSetOf),
        "Pair" => Fn(B::NewPair),
        "Triple" => Fn(B::NewTriple),
        "arrayOf" | "intArrayOf" | "longArrayOf" => Fn(B::ArrayOf),
        "maxOf" => Fn(B::MaxOf),
        "minOf" => Fn(B::MinOf),
        "abs" => Fn(B::Abs),
        "sqrt" => Fn(B::Sqrt),
        "max" => Fn(B::MaxOf),
        "min" => Fn(B::MinOf),
        "round" => Fn(B::MathFn(MathKind::Round)),
        "floor" => Fn(B::MathFn(MathKind::Floor)),
        "ceil" => Fn(B::MathFn(MathKind::Ceil)),
        "listOfNotNull" => Fn(B::ListOfNotNull),
        "repeat" => Fn(B::Repeat),
        "GlobalScope" => Const(self::Const::GlobalScope),
        "NonCancellable" => Const(self::Const::NonCancellable),
        "EmptyCoroutineContext" => Const(self::Const::EmptyContext),
        "ContinuationInterceptor" | "CoroutineDispatcher" => Const(self::Const::KeyDispatcher),
        "Dispatchers" => Namespace(self::Namespace::Dispatchers),
        "CoroutineStart" => Namespace(self::Namespace::CoroutineStart),
        "System" => Namespace(self::Namespace::System),
        "Thread" => Namespace(self::Namespace::Thread),
        "Executors" => Namespace(self::Namespace::Executors),
        "DebugProbes" => Namespace(self::Namespace::DebugProbes),
        "Long" => Namespace(self::Namespace::Long),
        "Int" => Namespace(self::Namespace::Int),
        "Double" => Namespace(self::Namespace::Double),
        "Math" => Namespace(self::Namespace::Math),
        "String" => Namespace(self::Namespace::String),
        "Random" => Namespace(self::Namespace::Random),
        "Result" => Namespace(self::Namespace::Result),
        "TimeUnit" => Namespace(self::Namespace::TimeUnit),
        "Channel" => Namespace(self::Namespace::Channel),
        _ => return None,
    })
}

/// The package a library name must be imported from, for the names Kotlin does not import
/// by default (`kotlin.*`, `kotlin.collections.*`, `java.lang.*`, … are).
pub fn package_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "delay" | "yield" | "runBlocking" | "coroutineScope" | "supervisorScope" | "withContext" | "withTimeout" | "withTimeoutOrNull"
        | "awaitAll" | "joinAll" | "currentCoroutineContext" | "Job" | "SupervisorJob" | "CompletableDeferred" | "CoroutineName"
        | "CoroutineExceptionHandler" | "CoroutineScope" | "MainScope" | "newSingleThreadContext" | "newFixedThreadPoolContext"
        | "GlobalScope" | "NonCancellable" | "Dispatchers" | "CoroutineStart" => "kotlinx.coroutines",
        "Mutex" | "Semaphore" => "kotlinx.coroutines.sync",
        "Channel" | "produce" | "consumeEach" => "kotlinx.coroutines.channels",
        "DebugProbes" => "kotlinx.coroutines.debug",
        "EmptyCoroutineContext" | "ContinuationInterceptor" => "kotlin.coroutines",
        "Executors" | "ConcurrentHashMap" | "TimeUnit" => "java.util.concurrent",
        "AtomicInteger" | "AtomicLong" | "AtomicBoolean" | "AtomicReference" => "java.util.concurrent.atomic",
        "abs" | "sqrt" | "max" | "min" | "round" | "floor" | "ceil" => "kotlin.math",
        "Random" => "kotlin.random",
        _ => return None,
    })
}

/// The meaning of `Namespace.member`.
pub fn resolve_member(ns: Namespace, member: &str) -> Option<Resolved> {
    use self::Namespace as N;
    use Builtin as B;
    use Resolved::*;
    Some(match (ns, member) {
        (N::Dispatchers, "Default") => Const(self::Const::DispatchersDefault),
        (N::Dispatchers, "IO") => Const(self::Const::DispatchersIo),
        (N::Dispatchers, "Main") => Const(self::Const::DispatchersMain),
        (N::Dispatchers, "Unconfined") => Const(self::Const::DispatchersUnconfined),
        (N::CoroutineStart, "DEFAULT") => Const(self::Const::StartDefault),
        (N::CoroutineStart, "LAZY") => Const(self::Const::StartLazy),
        (N::CoroutineStart, "ATOMIC") => Const(self::Const::StartAtomic),
        (N::CoroutineStart, "UNDISPATCHED") => Const(self::Const::StartUndispatched),
        (N::System, "currentTimeMillis") => Fn(B::CurrentTimeMillis),
        (N::System, "nanoTime") => Fn(B::NanoTime),
        (N::System, "out") => Const(self::Const::SystemOut),
        (N::System, "err") => Const(self::Const::SystemErr),
        (N::Thread, "sleep") => Fn(B::ThreadSleep),
        (N::Thread, "currentThread") => Fn(B::CurrentThread),
        (N::Executors, "newFixedThreadPool") => Fn(B::NewFixedThreadPool),
        (N::Executors, "newSingleThreadExecutor") => Fn(B::NewSingleThreadExecutor),
        (N::Executors, "newCachedThreadPool") => Fn(B::NewCachedThreadPool),
        (N::DebugProbes, "install") => Fn(B::DebugProbesInstall),
        (N::DebugProbes, "uninstall") => Fn(B::DebugProbesUninstall),
        (N::DebugProbes, "dumpCoroutines") => Fn(B::DebugProbesDump),
        (N::Long, "MAX_VALUE") => Long(i64::MAX),
        (N::Long, "MIN_VALUE") => Long(i64::MIN),
        (N::Int, "MAX_VALUE") => Int(i32::MAX as i64),
        (N::Int, "MIN_VALUE") => Int(i32::MIN as i64),
        (N::Double, "MAX_VALUE") => Double(f64::MAX),
        (N::Double, "MIN_VALUE") => Double(f64::from_bits(1)),
        (N::Double, "NaN") => Double(f64::NAN),
        (N::Double, "POSITIVE_INFINITY") => Double(f64::INFINITY),
        (N::Double, "NEGATIVE_INFINITY") => Double(f64::NEG_INFINITY),
        (N::Math, "random") => Fn(B::RandomNext(RandomKind::Double)),
        (N::Math, "abs") => Fn(B::Abs),
        (N::Math, "sqrt") => Fn(B::Sqrt),
        (N::Math, "max") => Fn(B::MaxOf),
        (N::Math, "min") => Fn(B::MinOf),
        (N::Math, "round") => Fn(B::MathFn(MathKind::JavaRound)),
        (N::Math, "floor") => Fn(B::MathFn(MathKind::Floor)),
        (N::Math, "ceil") => Fn(B::MathFn(MathKind::Ceil)),
        (N::Math, "pow") => Fn(B::MathFn(MathKind::Pow)),
        (N::Math, "floorMod") => Fn(B::MathFn(MathKind::FloorMod)),
        (N::Math, "floorDiv") => Fn(B::MathFn(MathKind::FloorDiv)),
        (N::Math, "PI") => Double(std::f64::consts::PI),
        (N::Math, "E") => Double(std::f64::consts::E),
        (N::Random, "nextInt") => Fn(B::RandomNext(RandomKind::Int)),
        (N::Random, "nextLong") => Fn(B::RandomNext(RandomKind::Long)),
        (N::Random, "nextDouble") => Fn(B::RandomNext(RandomKind::Double)),
        (N::Random, "nextBoolean") => Fn(B::RandomNext(RandomKind::Bool)),
        (N::Random, "Default") => Const(self::Const::RandomDefault),
        (N::ThreadLocal, "withInitial") => Fn(B::ThreadLocalWithInitial),
        (N::Result, "success") => Fn(B::ResultSuccess),
        (N::Result, "failure") => Fn(B::ResultFailure),
        (N::String, "format") => Fn(B::StringFormat),
        (N::Channel, "RENDEZVOUS") => Int(crate::channel::RENDEZVOUS as i64),
        (N::Channel, "UNLIMITED") => Int(crate::channel::UNLIMITED as i64),
        (N::Channel, "CONFLATED") => Int(crate::channel::CONFLATED as i64),
        (N::Channel, "BUFFERED") => Int(crate::channel::BUFFERED as i64),
        _ => return None,
    })
}

/// The members of a namespace, for "did you mean" suggestions.
#[inline(never)]
pub fn namespace_members(ns: Namespace) -> &'static [&'static str] {
    use self::Namespace as N;
    match ns {
        N::Dispatchers => &["Default", "IO", "Main", "Unconfined"],
        N::CoroutineStart => &["DEFAULT", "LAZY", "ATOMIC", "UNDISPATCHED"],
        N::System => &["currentTimeMillis", "nanoTime", "out", "err"],
        N::Thread => &["sleep", "currentThread"],
        N::Executors => &["newFixedThreadPool", "newSingleThreadExecutor", "newCachedThreadPool"],
        N::DebugProbes => &["install", "uninstall", "dumpCoroutines"],
        N::Long | N::Int => &["MAX_VALUE", "MIN_VALUE"],
        N::Double => &["MAX_VALUE", "MIN_VALUE", "NaN", "POSITIVE_INFINITY", "NEGATIVE_INFINITY"],
        N::Math => &["random", "abs", "sqrt", "max", "min", "round", "floor", "ceil", "pow"],
        N::Random => &["nextInt", "nextLong", "nextDouble", "nextBoolean", "Default"],
        N::ThreadLocal => &["withInitial"],
        N::Result => &["success", "failure"],
        N::String => &["format"],
        N::TimeUnit => &[],
        N::Channel => &["RENDEZVOUS", "UNLIMITED", "CONFLATED", "BUFFERED"],
    }
}

/// The function a namespace name stands for when it is called: `Channel<Int>(capacity)`.
pub fn namespace_constructor(ns: Namespace) -> Option<Builtin> {
    match ns {
        Namespace::Channel => Some(Builtin::NewChannel),
        _ => None,
    }
}

/// The key a `Job`, `CoroutineName`, … name stands for when used as a value
/// (`coroutineContext[Job]`).
pub fn key_for_name(name: &str) -> Option<Const> {
    Some(match name {
        "Job" => Const::KeyJob,
        "CoroutineName" => Const::KeyName,
        "CoroutineExceptionHandler" => Const::KeyHandler,
        "ContinuationInterceptor" | "CoroutineDispatcher" => Const::KeyDispatcher,
        _ => return None,
    })
}

/// Every built-in name a program can write without a receiver, for suggestions.
pub const GLOBAL_NAMES: &[&str] = &[
    "println", "print", "delay", "yield", "runBlocking", "coroutineScope", "supervisorScope", "withContext", "withTimeout",
    "withTimeoutOrNull", "awaitAll", "joinAll", "currentCoroutineContext", "coroutineContext", "Job", "SupervisorJob",
    "CompletableDeferred", "CoroutineName", "CoroutineExceptionHandler", "CoroutineScope", "MainScope", "Mutex", "Semaphore",
    "Channel", "AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference", "ThreadLocal", "Any", "StringBuilder",
    "newSingleThreadContext", "newFixedThreadPoolContext", "error", "TODO", "listOf", "mutableListOf", "arrayListOf", "emptyList",
    "mapOf", "mutableMapOf", "setOf", "mutableSetOf", "Pair", "Triple", "arrayOf", "maxOf", "minOf", "abs", "sqrt", "repeat", "listOfNotNull", "GlobalScope",
    "NonCancellable", "EmptyCoroutineContext", "Dispatchers", "CoroutineStart", "System", "Thread", "Executors", "DebugProbes",
    "Long", "Int", "Double", "Math", "Random", "Result", "run", "with", "synchronized", "runCatching", "measureTimeMillis",
    "check", "require", "checkNotNull", "requireNotNull", "List", "MutableList", "buildList", "buildString", "launch", "async",
    "Exception", "RuntimeException", "IllegalStateException", "IllegalArgumentException", "ArithmeticException",
    "IOException", "CancellationException", "NullPointerException", "UnsupportedOperationException",
];

/// Built-in functions that suspend: calling them outside a coroutine is an error.
pub fn is_suspending(b: Builtin) -> bool {
    use Builtin::*;
    matches!(b, Delay | Yield | CoroutineScope | SupervisorScope | WithContext | WithTimeout | WithTimeoutOrNull | AwaitAll | JoinAll | CurrentContext)
}

/// Built-in functions whose lambda argument runs with a `CoroutineScope` receiver.
pub fn takes_scope_lambda(b: Builtin) -> bool {
    use Builtin::*;
    matches!(b, RunBlocking | CoroutineScope | SupervisorScope | WithContext | WithTimeout | WithTimeoutOrNull)
}

/// Parameter names of a built-in function, to place named arguments, and how many are
/// required. A trailing lambda goes to the last parameter.
pub fn params(b: Builtin) -> (&'static [&'static str], usize) {
    use Builtin::*;
    match b {
        Println | Print => (&["message"], 0),
        Delay => (&["timeMillis"], 1),
        Yield | CurrentContext | NewAny | EmptyList | MainScope | NewSingleThreadExecutor | NewCachedThreadPool | DebugProbesInstall
        | DebugProbesUninstall | CurrentTimeMillis | NanoTime | CurrentThread | NewThreadLocal => (&[], 0),
        RunBlocking => (&["context", "block"], 2),
        CoroutineScope | SupervisorScope => (&["block"], 1),
        WithContext => (&["context", "block"], 2),
        WithTimeout | WithTimeoutOrNull => (&["timeMillis", "block"], 2),
        NewJob | NewSupervisorJob | NewCompletableDeferred => (&["parent"], 0),
        NewCoroutineName => (&["name"], 1),
        NewExceptionHandler => (&["handler"], 1),
        NewScope => (&["context"], 1),
        NewMutex => (&["locked"], 0),
        NewChannel => (&["capacity"], 0),
        NewSemaphore => (&["permits", "acquiredPermits"], 1),
        NewAtomic => (&["initialValue"], 0),
        ThreadLocalWithInitial => (&["supplier"], 1),
        NewStringBuilder => (&["text"], 0),
        NewRandom => (&["seed"], 0),
        NewSingleThreadContext => (&["name"], 1),
        NewFixedThreadPoolContext => (&["nThreads", "name"], 2),
        NewFixedThreadPool => (&["nThreads"], 1),
        NewException(_) => (&["message", "cause"], 0),
        Error => (&["message"], 1),
        Todo => (&["reason"], 0),
        NewCollection(_) => (&["initial"], 0),
        NewPair => (&["first", "second"], 2),
        NewTriple => (&["first", "second", "third"], 3),
        MaxOf | MinOf => (&["a", "b", "c"], 2),
        Abs | Sqrt => (&["x"], 1),
        MathFn(MathKind::Pow | MathKind::FloorMod | MathKind::FloorDiv) => (&["a", "b"], 2),
        MathFn(_) => (&["x"], 1),
        ThreadSleep => (&["millis"], 1),
        DebugProbesDump => (&["out"], 0),
        RandomNext(_) => (&["from", "until"], 0),
        ResultSuccess | ResultFailure => (&["value"], 1),
        SortByKeys => (&["pairs", "descending"], 2),
        Repeat => (&["times", "action"], 2),
        // Variadic functions take their arguments as a list.
        AwaitAll | JoinAll | ListOf | ListOfNotNull | MutableListOf | MapOf | HashMapOf | ConcurrentHashMapOf | SetOf | HashSetOf | ArrayOf | StringFormat => (&[], 0),
    }
}

/// True for functions that take any number of arguments.
pub fn is_variadic(b: Builtin) -> bool {
    use Builtin::*;
    matches!(b, AwaitAll | JoinAll | ListOf | ListOfNotNull | MutableListOf | MapOf | HashMapOf | ConcurrentHashMapOf | SetOf | HashSetOf | ArrayOf | StringFormat)
}

/// Parameter names of well-known methods, to place named arguments in method calls.
pub fn method_params(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "launch" | "async" => &["context", "start", "block"],
        "joinToString" => &["separator", "prefix", "postfix", "limit", "truncated", "transform"],
        "cancel" => &["cause"],
        "limitedParallelism" => &["parallelism"],
        "padStart" | "padEnd" => &["length", "padChar"],
        "split" => &["delimiters", "ignoreCase", "limit"],
        "substring" => &["startIndex", "endIndex"],
        "replace" | "replaceFirst" => &["oldValue", "newValue", "ignoreCase"],
        // `startsWith(prefix, ignoreCase)` and `startsWith(prefix, startIndex, ignoreCase)`
        // are overloads; a positional Boolean second argument is told apart when the call runs.
        "startsWith" => &["prefix", "startIndex", "ignoreCase"],
        "endsWith" => &["suffix", "ignoreCase"],
        "indexOf" | "lastIndexOf" => &["string", "startIndex", "ignoreCase"],
        "contains" => &["other", "ignoreCase"],
        "equals" | "compareTo" => &["other", "ignoreCase"],
        "trimMargin" => &["marginPrefix"],
        "toInt" | "toLong" | "toIntOrNull" | "toLongOrNull" | "toString" => &["radix"],
        "substringBefore" | "substringAfter" | "substringBeforeLast" | "substringAfterLast" => &["delimiter", "missingDelimiterValue"],
        "coerceIn" => &["minimumValue", "maximumValue"],
        "asContextElement" => &["value"],
        "windowed" => &["size", "step", "partialWindows"],
        "produce" => &["context", "capacity", "block"],
        _ => return None,
    })
}

/// True for methods whose first parameter is a vararg (`split(vararg delimiters, ignoreCase,
/// limit)`): their positional arguments are passed together as one list, and the parameters
/// after it can only be named.
pub fn method_has_leading_vararg(name: &str) -> bool {
    name == "split"
}

/// Built-in methods that take at least one argument on every type that has them and are
/// nobody's property: reading one without parentheses (`threadLocal.set`) is kotlinc's
/// "function invocation expected", not a call with its arguments missing.
pub const CALL_ONLY_METHODS: &[&str] = &[
    "set", "add", "addAll", "removeAt", "removeIf", "contains", "containsKey", "containsValue", "put", "getOrPut", "indexOf",
    "lastIndexOf", "map", "mapIndexed", "mapNotNull", "mapIndexedNotNull", "filter", "filterNot", "filterKeys", "filterValues",
    "mapValues", "mapKeys", "forEach", "forEachIndexed", "find", "sortedBy", "sortedByDescending", "sortBy", "sortByDescending",
    "sortWith", "sortedWith", "take", "drop", "takeLast", "dropLast", "zip", "subList", "chunked", "windowed", "groupBy",
    "groupingBy", "flatMap", "onEach", "reduce", "associateWith", "associateBy", "associate", "partition", "sumOf", "sumByDouble",
    "dropWhile", "takeLastWhile", "elementAt", "getOrElse", "getOrDefault", "onSuccess", "onFailure", "fold", "startsWith", "endsWith",
    "substring", "replace", "replaceFirst", "repeat", "padStart", "padEnd", "coerceAtLeast", "coerceAtMost", "coerceIn", "rem",
    "compareTo", "equals", "insert", "setLength", "deleteCharAt", "let", "also", "apply", "takeIf", "takeUnless", "times", "div",
    "minus", "and", "or", "xor", "shl", "shr", "ushr", "substringBefore", "substringAfter", "substringBeforeLast",
    "substringAfterLast", "getAndSet", "compareAndSet", "addAndGet", "getAndAdd", "updateAndGet", "completeExceptionally",
    "invokeOnCompletion", "withLock", "withPermit", "limitedParallelism", "addSuppressed", "ifEmpty", "ifBlank", "fill",
    "send", "trySend", "offer", "removePrefix", "removeSuffix", "removeSurrounding", "getValue", "slice", "putIfAbsent", "putAll",
    "union", "intersect", "subtract", "containsAll", "removeAll", "retainAll", "pow", "computeIfAbsent", "merge", "takeWhile",
    "distinctBy", "indexOfLast", "getAndUpdate",
];

/// The fewest arguments a call of a built-in method takes on any type that has it: 1 for
/// [`CALL_ONLY_METHODS`], more for those that store a pair (`put(key, value)`), 0 for the rest.
/// A call with fewer is kotlinc's "no value passed for parameter".
pub fn min_method_args(name: &str) -> usize {
    match name {
        "put" | "getOrPut" | "compareAndSet" | "insert" | "fold" | "replace" | "replaceFirst" | "subList" | "putIfAbsent" | "computeIfAbsent" => 2,
        "merge" => 3,
        _ if CALL_ONLY_METHODS.contains(&name) => 1,
        _ => 0,
    }
}

/// Names of methods the engine implements on some built-in type, for suggestions and to
/// tell a misspelled method from a real one before running.
pub const METHOD_NAMES: &[&str] = &[
    // Jobs, deferreds, scopes, contexts, dispatchers.
    "launch", "async", "join", "await", "cancel", "cancelAndJoin", "start", "isActive", "isCompleted", "isCancelled", "children",
    "complete", "completeExceptionally", "getCompleted", "invokeOnCompletion", "cancelChildren", "coroutineContext", "ensureActive",
    "job", "plus", "get", "limitedParallelism", "close", "asCoroutineDispatcher", "shutdown", "shutdownNow", "awaitAll", "joinAll",
    "name", "isLocked", "lock", "unlock", "tryLock", "withLock", "acquire", "release", "tryAcquire", "withPermit", "availablePermits",
    "incrementAndGet", "getAndIncrement", "decrementAndGet", "getAndDecrement", "addAndGet", "getAndAdd", "compareAndSet", "set",
    "getAndSet", "updateAndGet", "asContextElement", "remove", "parent", "key", "value",
    // Channels.
    "send", "receive", "trySend", "tryReceive", "receiveCatching", "offer", "poll", "isClosedForSend", "isClosedForReceive",
    "isClosed", "consumeEach", "produce", "channel",
    // Exceptions.
    "message", "cause", "suppressed", "printStackTrace", "stackTraceToString", "addSuppressed", "localizedMessage",
    // Results.
    "getOrNull", "getOrThrow", "getOrElse", "getOrDefault", "isSuccess", "isFailure", "exceptionOrNull", "onSuccess", "onFailure", "fold",
    // Collections.
    "size", "add", "addAll", "removeAt", "removeIf", "clear", "contains", "containsKey", "containsValue", "isEmpty", "isNotEmpty", "first", "last",
    "firstOrNull", "lastOrNull", "indexOf", "sum", "sumOf", "count", "map", "mapIndexed", "mapNotNull", "filter", "filterNot",
    "forEach", "forEachIndexed", "any", "all", "none", "find", "joinToString", "sorted", "sortedBy", "sortedByDescending",
    "sortedDescending", "sort", "sortDescending", "sortBy", "sortByDescending", "sortWith", "sortedWith", "reversed", "take", "drop", "takeLast", "dropLast", "distinct", "toList", "toMutableList", "toSet", "toMutableSet", "max", "min",
    "maxOrNull", "minOrNull", "maxOf", "minOf", "average", "withIndex", "zip", "getOrNull", "subList", "shuffled", "chunked",
    "groupBy", "flatMap", "onEach", "reduce", "keys", "values", "entries", "put", "getOrPut", "indices", "lastIndex", "step",
    "toTypedArray", "toCharArray", "toIntArray", "associateWith", "associateBy", "partition", "sumByDouble", "random", "single", "fill",
    "singleOrNull", "windowed", "filterKeys", "filterValues", "mapValues", "mapKeys", "toPair", "filterNotNull", "flatten",
    "associate", "zipWithNext", "mapIndexedNotNull", "dropWhile", "groupingBy", "eachCount", "takeLastWhile", "elementAt", "asList", "contentToString",
    // Strings and numbers.
    "length", "uppercase", "lowercase", "toUpperCase", "toLowerCase", "trim", "split", "startsWith", "endsWith", "substring",
    "replace", "repeat", "padStart", "padEnd", "toInt", "toIntOrNull", "toLong", "toLongOrNull", "toDouble", "toDoubleOrNull",
    "isBlank", "isNotBlank", "lines", "format", "toString", "toChar", "code", "coerceAtLeast", "coerceAtMost", "coerceIn",
    "rem", "compareTo", "equals", "hashCode", "append", "appendLine", "appendln", "insert", "reverse", "setLength", "deleteCharAt", "setCharAt", "delete", "let", "also", "apply", "run", "takeIf", "takeUnless",
    "component1", "component2", "component3", "first", "second", "third", "index", "trimIndent", "trimMargin", "nextInt", "nextLong", "nextDouble", "nextBoolean",
    "times", "div", "minus", "inc", "dec", "unaryMinus", "isDaemon", "id", "not", "and", "or", "xor", "shl", "shr", "ushr",
    "roundToInt", "roundToLong", "ifEmpty", "orEmpty", "isNullOrEmpty", "isNullOrBlank", "ifBlank",
    "uppercaseChar", "lowercaseChar", "isDigit", "isLetter", "isUpperCase", "isLowerCase", "isWhitespace", "isLetterOrDigit",
    "lastIndexOf", "substringBefore", "substringAfter", "substringBeforeLast", "substringAfterLast", "trimStart", "trimEnd",
    "replaceFirst", "removePrefix", "removeSuffix", "removeSurrounding", "pow", "digitToInt", "digitToIntOrNull",
    // Library additions on collections and maps.
    "getValue", "toMap", "toMutableMap", "toSortedMap", "slice", "putIfAbsent", "putAll", "union", "intersect", "subtract",
    "containsAll", "removeAll", "retainAll", "computeIfAbsent", "merge", "takeWhile", "distinctBy", "indexOfLast", "getAndUpdate",
    "removeFirst", "removeLast", "foldRight", "compute", "computeIfPresent", "toHashSet", "inv", "toByte", "toShort", "rangeTo",
    "capitalize", "decapitalize", "iterator", "listIterator", "hasNext", "next",
    // Classes: `x.javaClass`, `x::class`.
    "javaClass", "simpleName", "qualifiedName", "java", "kotlin", "canonicalName", "javaObjectType", "getSimpleName", "getName", "typeName",
];
