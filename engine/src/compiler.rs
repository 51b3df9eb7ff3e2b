//! The compiler: syntax tree to bytecode, with name resolution and the compile-time checks
//! a Kotlin compiler would make (unknown names, `val` reassigned, suspend calls outside a
//! coroutine, wrong argument counts, `await` on a `Job`).
//!
//! Collection helpers that Kotlin inlines (`repeat`, `forEach`, `map`, `synchronized`,
//! `withLock`, `runCatching`, …) are expanded into loops and handlers here, as the Kotlin
//! compiler does, so their lambdas may suspend and `return` from the enclosing function.


use crate::builtins::{self, Builtin, Const, Namespace, Resolved};
use crate::bytecode::*;
use crate::exception::ExcClass;
use crate::lang::ast::*;
use crate::lang::{Diagnostic, LineIndex, Span};
use crate::value::Value;

mod classes;
mod enums;
mod inline;
mod invoke;
mod names;
mod nested;

use classes::{render_type, visibility};
use names::Names;

/// A compiled program and the diagnostics found while compiling it.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The program; only runnable when `diagnostics` holds no error.
    pub program: Program,
    /// Compile-time diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// Compiles a parsed file. `file_name` gives the JVM class of top-level functions
/// (`Main.kt` → `MainKt`) for stack frames.
pub fn compile(file: &File, source: &str, file_name: &str) -> Compiled {
    let flat = nested::flatten(file);
    let file = flat.as_ref().map_or(file, |f| &f.file);
    let mut c = Compiler::new(source, file_name);
    c.declare(file);
    c.link_classes();
    c.compile_file(file);
    if let Some(flat) = &flat {
        c.diags.iter_mut().for_each(|d| flat.show_names(d));
    }
    Compiled { program: c.program, diagnostics: c.diags }
}

/// What the compiler knows statically about a value, for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unknown,
    /// A `Job` from `launch` or `Job()`: it has no `await`.
    Job,
    /// A `Deferred` from `async`.
    Deferred,
    /// A local `lateinit var`: each read checks that it was set.
    Lateinit,
    /// A collection, by its declared type (`List<Int>?`): what `orEmpty()` of null gives.
    Collection(Builtin),
}

/// The kind of a value declared with type `t`.
fn kind_of_type(t: &TypeRef) -> Kind {
    match t.simple_name() {
        "Job" => Kind::Job,
        "Deferred" => Kind::Deferred,
        "List" | "MutableList" | "Collection" | "Iterable" | "ArrayList" => Kind::Collection(Builtin::EmptyList),
        "Set" | "MutableSet" | "HashSet" | "LinkedHashSet" => Kind::Collection(Builtin::SetOf),
        "Map" | "MutableMap" | "HashMap" | "LinkedHashMap" => Kind::Collection(Builtin::MapOf),
        _ => Kind::Unknown,
    }
}

/// The kind of an implicit receiver (`this`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecvKind {
    /// A `CoroutineScope`: the block of `launch`, `coroutineScope`, … or an extension on it.
    Scope,
    /// An instance of a user class.
    Class(ClassId),
    /// The receiver of `apply`, `with` or `run`: its members are looked up at run time.
    Dynamic,
    /// The `ProducerScope` of a `produce { }` block: a scope and the channel it sends to.
    Producer,
}

/// Members of a `CoroutineScope` receiver that can be called or read without `this.`.
const SCOPE_MEMBERS: &[&str] = &["launch", "async", "produce", "cancel", "coroutineContext", "isActive", "ensureActive"];

/// Members of a `ProducerScope` beyond a scope's, called without `this.` in `produce { }`.
const PRODUCER_MEMBERS: &[&str] = &["send", "trySend", "offer", "close", "channel", "isClosedForSend"];

/// Methods whose lambda runs with a `CoroutineScope` receiver and may suspend.
const SCOPE_LAMBDA_METHODS: &[&str] = &["launch", "async", "produce"];

#[derive(Debug, Clone)]
struct LocalVar {
    name: String,
    slot: u32,
    mutable: bool,
    is_cell: bool,
    /// Index of the instruction that declares it (its first store), patched to `NewCell`
    /// when a lambda captures it.
    decl_op: Option<usize>,
    kind: Kind,
    recv: Option<RecvKind>,
    span: Span,
}

#[derive(Debug, Clone)]
struct Capture {
    name: String,
    /// Where the captured variable is declared.
    span: Span,
    /// Where the enclosing function finds it.
    source: CaptureSource,
    mutable: bool,
    kind: Kind,
    recv: Option<RecvKind>,
}

#[derive(Debug, Clone, Copy)]
enum CaptureSource {
    Local(u32),
    Capture(u32),
}

/// Cleanup that must run when control leaves a region early (`return`, `break`, `continue`).
#[derive(Debug, Clone)]
enum Cleanup {
    /// A `try` with a handler installed and maybe a `finally` block.
    Try { has_handler: bool, finally: Option<Block> },
    /// A `synchronized` block: pop its handler and exit the monitor.
    Monitor,
    /// A `withLock`: pop its handler and unlock the mutex in the slot.
    Unlock(u32),
    /// A `withPermit`: pop its handler and release the semaphore in the slot.
    Release(u32),
    /// A handler with no cleanup code (`runCatching`).
    HandlerOnly,
    /// A `consumeEach`: pop its handler and cancel the channel in the slot.
    Consumed(u32),
}

#[derive(Debug, Clone)]
struct LoopCtx {
    /// The loop's label (`outer@ for …`), which `break@outer` names.
    label: Option<String>,
    breaks: Vec<usize>,
    continues: Vec<usize>,
    cleanup_depth: usize,
    /// How many inlined lambdas enclose the loop: a `break` under more of them would jump
    /// out of a lambda.
    inline_depth: usize,
}

/// An inlined lambda being compiled, for `return@label`.
#[derive(Debug, Clone)]
struct InlineCtx {
    label: String,
    exits: Vec<usize>,
    cleanup_depth: usize,
}

/// How much a function may do: whether it may call suspend functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SuspendCtx {
    /// A suspend function or a suspending lambda.
    Suspend,
    /// A plain function: suspend calls are errors.
    Plain,
    /// A lambda whose caller is unknown: suspend calls are accepted.
    Unknown,
}

struct FnCtx {
    func: FuncId,
    code: Vec<Op>,
    spans: Vec<Span>,
    local_names: Vec<String>,
    local_ranges: Vec<(u32, u32)>,
    n_locals: u32,
    scopes: Vec<Vec<LocalVar>>,
    captures: Vec<Capture>,
    suspend: SuspendCtx,
    loops: Vec<LoopCtx>,
    inlines: Vec<InlineCtx>,
    cleanups: Vec<Cleanup>,
    /// `return` is allowed (named functions) or only `return@label` (lambdas).
    is_lambda: bool,
    /// The label of this lambda (the called function's name), for `return@label`.
    label: Option<String>,
    /// A lambda passed to an `inline` function, where Kotlin lets a plain `return` leave the
    /// function around it.
    passed_to_inline: bool,
    /// The name shown in stack frames.
    frame_name: String,
    /// Number of `synchronized` blocks entered lexically, to reject suspension inside.
    in_monitor: u32,
    /// Lambdas compiled inside it so far, per class-name prefix, to number them as the JVM
    /// does (`MainKt$main$1`, `MainKt$main$1$2`, `MainKt$main$1$deferred$1`).
    lambda_counts: Vec<(String, u32)>,
    /// The local `val` whose initializer is being compiled: its lambdas are named after it.
    initializing: Option<String>,
    /// The declared return type of a named function, to check the literals it returns.
    return_type: Option<TypeRef>,
}

/// Parameter `i` of a lambda the compiler writes in place of a function value, a reference or
/// `filterIsInstance<T>()`: `<arg0>`, which no program's name can be.
fn synthetic_param(i: usize, span: Span) -> Ident {
    Ident { name: format!("<arg{i}>"), span }
}

/// A lambda the compiler writes: `arity` parameters named by [`synthetic_param`], and `body`.
fn synthetic_lambda(arity: usize, body: Expr) -> Lambda {
    let span = body.span;
    Lambda {
        params: (0..arity).map(|i| LambdaParam { pattern: Pattern::Name(synthetic_param(i, span)), ty: None }).collect(),
        has_arrow: true,
        body: Block { stmts: vec![Stmt::Expr(body)], span },
        label: None,
    }
}

/// Members of built-in types that take one argument besides their receiver, so that a
/// reference such as `Int::plus` or `String::plus` takes two parameters.
const BUILTIN_BINARY_MEMBERS: &[&str] = &[
    "plus", "minus", "times", "div", "rem", "mod", "compareTo", "equals", "and", "or", "xor", "shl", "shr", "ushr", "rangeTo", "until", "downTo",
    "coerceAtLeast", "coerceAtMost", "contains", "startsWith", "endsWith", "repeat", "get", "to", "add", "remove", "indexOf", "take", "drop",
    "takeLast", "dropLast", "zip",
];

/// Properties of built-in types a reference such as `String::length` reads; any other member
/// it names is called.
const BUILTIN_PROPERTIES: &[&str] = &[
    "length", "size", "key", "value", "message", "cause", "name", "keys", "values", "entries", "indices", "lastIndex", "isActive",
    "isCompleted", "isCancelled", "ordinal", "localizedMessage",
];

#[derive(Debug, Clone)]
struct FunSig {
    func: FuncId,
    params: Vec<(String, bool)>,
    param_types: Vec<Option<TypeRef>>,
    is_suspend: bool,
    /// `inline`: a lambda passed to it runs as part of the caller, so it may call suspend
    /// functions where the caller may.
    is_inline: bool,
    receiver_is_scope: bool,
    /// An extension's receiver type, which a call tests at run time when other functions
    /// share the extension's name; `None` when any receiver fits (a type parameter `T`).
    receiver_type: Option<TypeRef>,
    returns_kind: Kind,
    /// The index of the `vararg` parameter, which collects the positional arguments from
    /// its position on into a list.
    vararg: Option<usize>,
}

#[derive(Debug, Clone)]
struct ClassInfo {
    id: ClassId,
    /// The name its companion object is declared under (`Config$Companion`), if it has one.
    companion: Option<String>,
    /// Its fields, inherited ones first (see `classes::link`), and whether each is a `var`.
    fields: Vec<(String, bool)>,
    /// Fields declared `private set`.
    private_set: Vec<String>,
    /// Each field's value before its initializer runs (`Class::field_defaults`).
    field_defaults: Vec<Value>,
    /// Its methods and getters, own and inherited, abstract ones included.
    methods: Names<FunSig>,
    ctor: Vec<(String, bool)>,
    /// The primary constructor's parameter types, where written.
    ctor_types: Vec<Option<TypeRef>>,
    is_object: bool,
    /// What kind of class it is, for inheritance and instantiation.
    kind: ClassKind,
    /// Where its name is written.
    name_span: Span,
    /// The supertypes as written, read once every class is declared.
    supertypes: Vec<SuperType>,
    /// The program's class it extends.
    superclass: Option<String>,
    /// The program's interfaces it implements directly.
    interfaces: Vec<String>,
    /// Every class and interface of the program above it.
    supers: Vec<String>,
    /// The members it declares itself.
    own: Vec<Member>,
    /// The members it declares or inherits: the most derived declaration of each name.
    members: Vec<Member>,
    /// Whether `classes::link` has flattened its hierarchy.
    linked: bool,
    /// It implements `CoroutineScope`, itself or through a supertype of the program.
    is_scope: bool,
}

/// What kind of class a declaration makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClassKind {
    /// A plain (or data) class: nothing may extend it.
    Final,
    /// `open class`.
    Open,
    /// `abstract class`.
    Abstract,
    /// `sealed class`: abstract, extended in its file.
    Sealed,
    /// `interface`.
    Interface,
    /// `object` (a companion included).
    Object,
}

/// A function or property of a class, as overriding sees it.
#[derive(Debug, Clone)]
struct Member {
    name: String,
    is_fun: bool,
    /// A `lateinit` property.
    is_lateinit: bool,
    /// A property computed by a getter.
    is_getter: bool,
    /// No body or value: `abstract`, or a function without a body in an interface.
    is_abstract: bool,
    /// May be overridden: `open`, `abstract`, an interface's, or an `override` not `final`.
    is_open: bool,
    /// `private`: the declaring class's own, invisible below it.
    is_private: bool,
    /// The `override` modifier, when it has one.
    override_kw: Option<Span>,
    /// The class or interface that declares it.
    owner: String,
    /// As kotlinc shows it: `public abstract suspend fun load(id: Int): User`.
    signature: String,
    /// A function's default values, which its overrides inherit.
    defaults: Vec<Option<Expr>>,
    /// A function's parameter types as written, to tell an override from an overload.
    param_types: Vec<String>,
    /// A `suspend` function.
    is_suspend: bool,
    /// Its type (a function's return type), written or plainly inferred; none when unknown.
    ty: Option<TypeRef>,
    /// Where its name is written.
    span: Span,
}

struct Compiler<'a> {
    _src: std::marker::PhantomData<&'a str>,
    index: LineIndex,
    program: Program,
    diags: Vec<Diagnostic>,
    /// The file's import paths, and the library names already reported as not imported.
    imports: Vec<String>,
    unimported: Vec<String>,
    /// Whether the warning about `Dispatchers.Main` was given.
    main_warned: bool,
    syms: Names<Sym>,
    functions: Names<Vec<FunSig>>,
    extensions: Names<Vec<FunSig>>,
    /// Set for one `method_call`: the receiver matched none of the extensions of that name, so
    /// the call goes to a member or a built-in (see `extension_dispatch`).
    members_only: bool,
    globals: Names<u32>,
    /// The types of top-level properties, written or plainly inferred.
    global_types: Names<TypeRef>,
    /// Classes whose constructor is private: only their own code may call it.
    private_constructors: Names<()>,
    /// The `const val`s of objects and companions whose value is a literal, by object and
    /// name: reading one reads the constant and does not initialize the object, as kotlinc
    /// inlines it.
    const_vals: std::collections::BTreeMap<(String, String), Value>,
    /// The labels that name each receiver (`this#3`), for `this@label`: the function a
    /// lambda is passed to or its own label, an extension function's name, a class's name.
    receiver_labels: Vec<(String, String)>,
    /// The names of the program's extension properties, read as calls of their getters.
    extension_properties: Vec<String>,
    /// Top-level properties computed by a getter (`val isDebug get() = …`, and a top-level
    /// `by lazy`): each read calls it.
    global_getters: Names<FunSig>,
    classes: Names<ClassInfo>,
    /// The enum classes, by name.
    enums: Names<enums::EnumInfo>,
    /// Names of methods defined by user classes and objects.
    user_methods: Names<()>,
    /// Names of methods a class declares more than once (overloads), whose calls are left
    /// to run time.
    overloaded_methods: Names<()>,
    fns: Vec<FnCtx>,
    /// The class or object whose members are being compiled.
    current_class: Option<String>,
    receiver_counter: u32,
    /// The label the next compiled lambda answers to (`return@launch`).
    pending_label: Option<String>,
    /// The next lambda compiled is passed to an `inline` function.
    pending_inline: bool,
    /// Whether the next compiled lambda, written without parameters, has an implicit `it`:
    /// known from the function it is passed to; `None` when unknown.
    pending_it: Option<bool>,
}

fn is_lambda_expr(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lambda(_))
}

impl<'a> Compiler<'a> {
    fn new(src: &'a str, file_name: &str) -> Self {
        let stem = file_name.rsplit('/').next().unwrap_or(file_name).trim_end_matches(".kt");
        let mut class: String = stem
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        if class.starts_with(|c: char| c.is_ascii_digit()) {
            class.insert(0, '_');
        }
        if let Some(first) = class.get(0..1) {
            let upper = crate::case::uppercase(first);
            class.replace_range(0..1, &upper);
        }
        let mut line_starts = vec![0u32];
        line_starts.extend(src.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        let base = file_name.rsplit('/').next().unwrap_or(file_name).to_string();
        let program = Program { file_class: format!("{class}Kt"), file_name: base, line_starts, ..Program::default() };
        Compiler {
            _src: std::marker::PhantomData,
            index: LineIndex::new(src),
            program,
            diags: Vec::new(),
            imports: Vec::new(),
            unimported: Vec::new(),
            main_warned: false,
            syms: Names::default(),
            functions: Names::default(),
            extensions: Names::default(),
            members_only: false,
            globals: Names::default(),
            global_types: Names::default(),
            global_getters: Names::default(),
            private_constructors: Names::default(),
            const_vals: std::collections::BTreeMap::new(),
            receiver_labels: Vec::new(),
            extension_properties: Vec::new(),
            classes: Names::default(),
            enums: Names::default(),
            user_methods: Names::default(),
            overloaded_methods: Names::default(),
            fns: Vec::new(),
            current_class: None,
            receiver_counter: 0,
            pending_label: None,
            pending_inline: false,
            pending_it: None,
        }
    }

    fn sym(&mut self, name: &str) -> Sym {
        if let Some(s) = self.syms.get(name) {
            return *s;
        }
        let s = Sym(self.program.symbols.len() as u32);
        self.program.symbols.push(name.to_string());
        self.syms.insert(name.to_string(), s);
        s
    }

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg));
    }

    fn error_help(&mut self, span: Span, msg: impl Into<String>, help: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg).with_help(help));
    }

    fn line(&self, span: Span) -> u32 {
        self.index.line(span.start)
    }

    fn new_function(&mut self, name: &str, frame_name: String, span: Span) -> FuncId {
        let id = FuncId(self.program.functions.len() as u32);
        self.program.functions.push(Function {
            name: name.to_string(),
            frame_name,
            n_params: 0,
            n_locals: 0,
            is_suspend: false,
            is_lambda: false,
            has_receiver: false,
            n_captures: 0,
            code: Vec::new(),
            spans: Vec::new(),
            local_names: Vec::new(),
            local_ranges: Vec::new(),
            span,
        });
        id
    }

    // ----- Declarations -----

    fn fun_sig(&mut self, f: &FunDecl, frame_name: String) -> FunSig {
        let func = self.new_function(&f.name.name, frame_name, f.span);
        let returns_kind = match &f.return_type {
            Some(t) if t.simple_name() == "Job" => Kind::Job,
            Some(t) if t.simple_name() == "Deferred" => Kind::Deferred,
            _ => match &f.body {
                FunBody::Expr(e) => self.kind_of(e),
                _ => Kind::Unknown,
            },
        };
        FunSig {
            func,
            params: f.params.iter().map(|p| (p.name.name.clone(), p.default.is_some())).collect(),
            param_types: f.params.iter().map(|p| p.ty.clone()).collect(),
            is_suspend: f.modifiers.is_suspend,
            is_inline: f.modifiers.has("inline"),
            receiver_is_scope: f.receiver.as_ref().is_some_and(|r| r.simple_name() == "CoroutineScope"),
            receiver_type: f.receiver.clone().filter(|r| !f.type_params.iter().any(|t| t.name == r.simple_name())),
            returns_kind,
            vararg: f.params.iter().position(|p| p.is_vararg),
        }
    }

    fn declare(&mut self, file: &File) {
        for item in &file.items {
            let modifiers = match item {
                Item::Fun(f) => Some((&f.modifiers, "top level function")),
                Item::Property(p) => Some((&p.modifiers, "top level property")),
                Item::Object(o) => Some((&o.modifiers, "object")),
                _ => None,
            };
            for (word, (m, what)) in ["abstract", "open", "sealed"].iter().flat_map(|w| modifiers.map(|m| (w, m))) {
                if let Some(k) = m.keywords.iter().find(|k| k.name == *word) {
                    self.error(k.span, format!("modifier '{word}' is not applicable to '{what}'"));
                }
            }
            match item {
                Item::Fun(f) => {
                    let frame = format!("{}.{}", self.program.file_class, f.name.name);
                    let sig = self.fun_sig(f, frame);
                    if f.receiver.is_some() {
                        self.extensions.or_default(&f.name.name).push(sig);
                        if f.is_property && !self.extension_properties.contains(&f.name.name) {
                            self.extension_properties.push(f.name.name.clone());
                        }
                    } else {
                        let list = self.functions.or_default(&f.name.name);
                        if list.iter().any(|s| s.params.len() == sig.params.len()) {
                            self.diags.push(Diagnostic::error(f.name.span, format!("conflicting overloads: function '{}' is declared twice", f.name.name)));
                        }
                        list.push(sig);
                    }
                }
                Item::Property(p) if p.getter.is_some() => {
                    let (Some(g), Pattern::Name(id)) = (&p.getter, &p.pattern) else { continue };
                    if self.globals.contains_key(&id.name) || self.global_getters.contains_key(&id.name) {
                        self.error(id.span, format!("conflicting declarations: '{}' is declared twice", id.name));
                        continue;
                    }
                    let frame = format!("{}.get{}", self.program.file_class, capitalized(&id.name));
                    let sig = self.fun_sig(g, frame);
                    self.global_getters.insert(id.name.clone(), sig);
                    if let Some(ty) = &p.ty {
                        self.global_types.insert(id.name.clone(), ty.clone());
                    }
                }
                Item::Property(p) => {
                    for id in pattern_names(&p.pattern) {
                        if self.globals.contains_key(&id.name) || self.global_getters.contains_key(&id.name) {
                            self.error(id.span, format!("conflicting declarations: '{}' is declared twice", id.name));
                            continue;
                        }
                        let idx = self.program.globals.len() as u32;
                        self.program.globals.push(Global {
                            name: id.name.clone(),
                            mutable: p.mutable,
                            volatile: p.modifiers.has_annotation("Volatile"),
                            init: None,
                            span: p.span,
                        });
                        self.globals.insert(id.name.clone(), idx);
                        let ty = p.ty.clone().or_else(|| {
                            let inferred = p.init.as_ref().and_then(|e| literal_type(e))?;
                            Some(TypeRef { name: inferred.to_string(), args: Vec::new(), nullable: false, is_suspend: false, receiver: None, span: id.span })
                        });
                        if let (Some(ty), Pattern::Name(_)) = (ty, &p.pattern) {
                            self.global_types.insert(id.name.clone(), ty);
                        }
                    }
                }
                Item::Object(o) => {
                    if o.modifiers.has("companion") {
                        self.error(o.name.span, "a companion object belongs inside a class");
                    }
                    self.declare_class(&o.name, &[], &o.members, true, false, &o.modifiers, &o.supertypes, o.span)
                }
                Item::Class(c) => {
                    let params = enums::class_params(c);
                    self.declare_class(&c.name, &params, &c.members, false, c.is_interface, &c.modifiers, enums::class_supertypes(c), c.span);
                    if c.private_constructor {
                        self.private_constructors.insert(c.name.name.clone(), ());
                    }
                    // The companion is an object of its own, named as the JVM names its class.
                    if let Some(o) = companion_of(&c.members) {
                        let name = Ident { name: format!("{}${}", c.name.name, o.name.name), span: o.name.span };
                        self.declare_class(&name, &[], &o.members, true, false, &o.modifiers, &o.supertypes, o.span);
                        if let Some(info) = self.classes.get_mut(&c.name.name) {
                            info.companion = Some(name.name);
                        }
                    }
                    if c.modifiers.has("enum") {
                        self.declare_enum(c);
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn declare_class(&mut self, name: &Ident, params: &[Param], members: &[Item], is_object: bool, is_interface: bool, modifiers: &Modifiers, supertypes: &[SuperType], span: Span) {
        if self.classes.contains_key(&name.name) || self.functions.contains_key(&name.name) {
            self.error(name.span, format!("conflicting declarations: '{}' is declared twice", name.name));
            return;
        }
        let kind = if is_object {
            ClassKind::Object
        } else if is_interface {
            ClassKind::Interface
        } else if modifiers.has("data") {
            ClassKind::Final
        } else if modifiers.has("sealed") {
            ClassKind::Sealed
        } else if modifiers.has("abstract") {
            ClassKind::Abstract
        } else if modifiers.has("open") {
            ClassKind::Open
        } else {
            ClassKind::Final
        };
        let may_be_abstract = matches!(kind, ClassKind::Abstract | ClassKind::Sealed | ClassKind::Interface);
        let id = ClassId(self.program.classes.len() as u32);
        let mut fields = Vec::new();
        let mut field_defaults = Vec::new();
        let mut data_fields = Vec::new();
        let mut ctor = Vec::new();
        let ctor_types: Vec<Option<TypeRef>> = params.iter().map(|p| p.ty.clone()).collect();
        let mut own = Vec::new();
        for p in params {
            ctor.push((p.name.name.clone(), p.default.is_some()));
            if p.binding != ParamBinding::Plain {
                fields.push((p.name.name.clone(), p.binding == ParamBinding::Var));
                field_defaults.push(jvm_default(p.ty.as_ref(), None, &[]));
                data_fields.push(p.name.name.clone());
                let keyword = if p.binding == ParamBinding::Var { "var" } else { "val" };
                let signature = format!("{}{}{keyword} {}: {}", visibility(&p.modifiers), open_kw(&p.modifiers, false), p.name.name, p.ty.as_ref().map(render_type).unwrap_or_default());
                let mut m = self.new_member(&name.name, &p.name, &p.modifiers, false, false, false, kind, signature, Vec::new());
                m.ty = p.ty.clone();
                own.push(m);
            }
        }
        let mut private_set = Vec::new();
        for m in members {
            if let Item::Property(p) = m {
                if let (true, true, Pattern::Name(id), Some(v)) = (is_object, p.modifiers.has("const"), &p.pattern, p.init.as_ref().and_then(constant_literal)) {
                    self.const_vals.insert((name.name.clone(), id.name.clone()), v);
                }
                self.check_lateinit(p);
                // An interface's property, and an `abstract` one, have no field.
                let is_abstract = p.modifiers.has("abstract") || (is_interface && p.getter.is_none());
                if is_interface && p.init.is_some() {
                    self.error(p.init.as_ref().map(|e| e.span).unwrap_or(p.span), "property initializers are not allowed in interfaces");
                }
                for id in pattern_names(&p.pattern) {
                    let keyword = if p.mutable { "var" } else { "val" };
                    let abstract_kw = if is_abstract { "abstract " } else { open_kw(&p.modifiers, is_interface) };
                    // The type: declared, or what kotlinc plainly infers from the initial value.
                    let ty = p.ty.clone().or_else(|| {
                        let inferred = p.init.as_ref().and_then(|e| inferred_type(e, params, 0))?;
                        Some(TypeRef { name: inferred.to_string(), args: Vec::new(), nullable: false, is_suspend: false, receiver: None, span: id.span })
                    });
                    let signature = format!("{}{abstract_kw}{keyword} {}: {}", visibility(&p.modifiers), id.name, ty.as_ref().map(render_type).unwrap_or_default());
                    let mut m = self.new_member(&name.name, &id, &p.modifiers, false, p.getter.is_some(), is_abstract, kind, signature, Vec::new());
                    m.ty = ty;
                    own.push(m);
                }
                if is_abstract {
                    if let Some(kw) = p.modifiers.keywords.iter().find(|k| k.name == "abstract") {
                        if let Some(init) = &p.init {
                            self.error(init.span, "property with initializer cannot be abstract");
                        } else if !may_be_abstract {
                            if let Some(id) = p.pattern.first() {
                                self.error(kw.span, format!("abstract property '{}' in non-abstract class '{}'", id.name, name.name));
                            }
                        }
                    }
                    continue;
                }
                if p.getter.is_some() {
                    continue;
                }
                for id in pattern_names(&p.pattern) {
                    fields.push((id.name.clone(), p.mutable));
                    field_defaults.push(if p.modifiers.has("lateinit") { Value::Absent } else { jvm_default(p.ty.as_ref(), p.init.as_ref(), params) });
                    if p.private_set {
                        private_set.push(id.name.clone());
                    }
                }
            }
        }
        let init = self.new_function("<init>", format!("{}.<init>", name.name), span);
        let mut methods = Names::default();
        let mut abstract_methods = Vec::new();
        let mut overrides = Vec::new();
        let mut getters = Vec::new();
        for m in members {
            match m {
                Item::Property(p) if p.getter.is_some() => {
                    let g = p.getter.as_deref().expect("checked");
                    if p.mutable {
                        self.error_help(p.span, "a `var` with a getter needs a setter, and setters with a body are not supported in Coroutine Lab", "declare it with `val`");
                    }
                    if let Some(init) = &p.init {
                        self.error_help(init.span, "a property with a getter has no initial value in Coroutine Lab (its backing `field` is not supported)", "compute the value in the getter, or drop the getter");
                    }
                    let frame = format!("{}.get{}", name.name, capitalized(&g.name.name));
                    let sig = self.fun_sig(g, frame);
                    getters.push(self.sym(&g.name.name));
                    methods.insert(g.name.name.clone(), sig);
                }
                Item::Fun(f) if f.name.name != "<init>" => {
                    let frame = format!("{}.{}", name.name, f.name.name);
                    let sig = self.fun_sig(f, frame);
                    let is_abstract = matches!(f.body, FunBody::None);
                    if let Some(kw) = f.modifiers.keywords.iter().find(|k| k.name == "abstract") {
                        if !matches!(f.body, FunBody::None) {
                            self.error(kw.span, format!("a function '{}' with body cannot be abstract", f.name.name));
                        } else if !may_be_abstract {
                            self.error(kw.span, format!("abstract function '{}' in non-abstract class '{}'", f.name.name, name.name));
                        }
                    }
                    if f.modifiers.has("override") {
                        overrides.push(self.sym(&f.name.name));
                    }
                    let abstract_kw = if is_abstract { "abstract " } else { open_kw(&f.modifiers, is_interface) };
                    let suspend_kw = if f.modifiers.is_suspend { "suspend " } else { "" };
                    let ps: Vec<String> = f.params.iter().map(|p| format!("{}: {}", p.name.name, p.ty.as_ref().map(render_type).unwrap_or_default())).collect();
                    // The return type: declared, Unit for a block, a literal's type for `= literal`.
                    let named = |t: &str| TypeRef { name: t.to_string(), args: Vec::new(), nullable: false, is_suspend: false, receiver: None, span: f.name.span };
                    let ret = match (&f.return_type, &f.body) {
                        (Some(t), _) => Some(t.clone()),
                        (None, FunBody::Expr(e)) => literal_type(e).map(named),
                        (None, _) => Some(named("Unit")),
                    };
                    let ret_text = ret.as_ref().map(|r| format!(": {}", render_type(r))).unwrap_or_default();
                    let signature = format!("{}{abstract_kw}{suspend_kw}fun {}({}){ret_text}", visibility(&f.modifiers), f.name.name, ps.join(", "));
                    let defaults = f.params.iter().map(|p| p.default.clone()).collect();
                    let mut m = self.new_member(&name.name, &f.name, &f.modifiers, true, false, is_abstract, kind, signature, defaults);
                    m.ty = ret;
                    m.param_types = f.params.iter().map(|p| p.ty.as_ref().map(render_type).unwrap_or_default()).collect();
                    own.push(m);
                    if is_abstract {
                        abstract_methods.push(f.name.name.clone());
                    }
                    self.user_methods.insert(f.name.name.clone(), ());
                    if methods.contains_key(&f.name.name) {
                        self.overloaded_methods.insert(f.name.name.clone(), ());
                    }
                    methods.insert(f.name.name.clone(), sig);
                }
                // Every companion of a class stops here, the first one silently: it must not
                // fall through to the arm below.
                #[allow(clippy::collapsible_match)]
                Item::Object(o) if o.modifiers.has("companion") && !is_object => {
                    if companion_of(members).is_some_and(|first| first.span != o.span) {
                        self.error(o.name.span, "a class may have only one companion object");
                    }
                }
                Item::Object(o) if o.modifiers.has("companion") => {
                    let span = o.modifiers.keywords.iter().find(|k| k.name == "companion").map_or(o.name.span, |k| k.span);
                    self.error(span, "modifier 'companion' is not applicable inside 'object'")
                }
                // The other nested declarations were lifted out (see `nested`), except those
                // of a companion.
                Item::Object(ObjectDecl { name: Ident { span, .. }, .. }) | Item::Class(ClassDecl { name: Ident { span, .. }, .. }) => {
                    self.error_help(*span, "a class or object nested in a companion object is not supported in Coroutine Lab", "nest it in the class itself")
                }
                _ => {}
            }
        }
        // In declaration order: kotlinc names the first abstract member left unimplemented.
        own.sort_by_key(|m| m.span.start);
        if is_interface && !params.is_empty() {
            self.error(name.span, "an interface may not have a constructor");
        }
        let exception_base = supertypes.iter().find_map(|s| {
            let n = s.ty.simple_name();
            ExcClass::from_name(n).map(|_| n.to_string())
        });
        let exception_base = exception_base.map(|n| self.sym(&n));
        let field_syms: Vec<Sym> = fields.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>().iter().map(|f| self.sym(f)).collect();
        let data_syms: Vec<Sym> = data_fields.iter().map(|f| self.sym(f)).collect();
        // Abstract methods have no code: a call finds the subclass's at run time.
        let method_syms: Vec<(Sym, FuncId)> = methods
            .iter()
            .filter(|(n, _)| !abstract_methods.contains(n))
            .map(|(n, s)| (n.clone(), s.func))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(n, f)| (self.sym(&n), f))
            .collect();
        self.program.classes.push(Class {
            name: name.name.clone(),
            is_object,
            is_data: modifiers.has("data"),
            fields: field_syms,
            field_defaults: field_defaults.clone(),
            data_fields: data_syms,
            methods: method_syms,
            getters,
            overrides,
            supers: Vec::new(),
            init,
            exception_base,
            init_by_outer: modifiers.has("companion"),
            is_scope: false,
            span,
        });
        self.classes.insert(
            name.name.clone(),
            ClassInfo {
                id,
                companion: None,
                fields,
                private_set,
                field_defaults,
                methods,
                ctor,
                ctor_types,
                is_object,
                kind,
                name_span: name.span,
                supertypes: supertypes.to_vec(),
                superclass: None,
                interfaces: Vec::new(),
                supers: Vec::new(),
                own,
                members: Vec::new(),
                linked: false,
                is_scope: false,
            },
        );
    }

    fn compile_file(&mut self, file: &File) {
        for imp in &file.imports {
            self.check_import(imp);
        }
        self.imports = file.imports.iter().map(|i| i.path.clone()).collect();
        for item in &file.items {
            match item {
                Item::Fun(f) => {
                    let sig = if f.receiver.is_some() {
                        self.extensions.get(&f.name.name).and_then(|v| v.iter().find(|s| self.program.func(s.func).span == f.span)).cloned()
                    } else {
                        self.functions.get(&f.name.name).and_then(|v| v.iter().find(|s| self.program.func(s.func).span == f.span)).cloned()
                    };
                    if let Some(sig) = sig {
                        let recv = if f.receiver.is_some() { Some(if sig.receiver_is_scope { RecvKind::Scope } else { RecvKind::Dynamic }) } else { None };
                        self.compile_fun(f, &sig, recv);
                    }
                    if f.name.name == "main" && f.receiver.is_none() {
                        self.check_main_returns_unit(f);
                        if let Some(sig) = self.functions.get("main").and_then(|v| v.first()) {
                            self.program.main = Some(sig.func);
                            self.program.main_takes_args = !f.params.is_empty();
                        }
                    }
                }
                Item::Property(p) => self.compile_global(p),
                Item::Object(o) => self.compile_class_body(&o.name.name, &[], &o.members, &o.supertypes),
                Item::Class(c) => {
                    self.compile_class_body(&c.name.name, &enums::class_params(c), &c.members, enums::class_supertypes(c));
                    if let Some(o) = companion_of(&c.members) {
                        self.compile_class_body(&format!("{}${}", c.name.name, o.name.name), &[], &o.members, &o.supertypes);
                    }
                    self.compile_enum(c);
                }
            }
        }
        if self.program.main.is_none() {
            let span = Span::new(0, 0);
            self.diags.push(
                Diagnostic::error(span, "the program has no main function").with_help("add `fun main() = runBlocking { … }`"),
            );
        }
    }

    /// `fun main() = runBlocking { …; launch { … } }` returns what the block's last expression
    /// gives (a `Job` here): kotlinc compiles it, but a `main` that does not return `Unit` is
    /// not a program's entry point, and the JVM finds nothing to run. Reported when the last
    /// expression's type is plain to see; `runBlocking<Unit>`, a declared `: Unit` or a block
    /// body make it `Unit`.
    fn check_main_returns_unit(&mut self, f: &FunDecl) {
        let FunBody::Expr(body) = &f.body else { return };
        if f.return_type.is_some() {
            return;
        }
        let ExprKind::Call { callee, type_args, args, .. } = &body.kind else { return };
        if !matches!(&callee.kind, ExprKind::Name(n) if n.name == "runBlocking") || !type_args.is_empty() {
            return;
        }
        let Some(ExprKind::Lambda(block)) = args.last().map(|a| &a.value.kind) else { return };
        let Some(Stmt::Expr(last)) = block.body.stmts.last() else { return };
        let ty = match self.kind_of(last) {
            Kind::Job => Some("Job"),
            Kind::Deferred => Some("Deferred"),
            _ => match &last.kind {
                ExprKind::Str(_) => Some("String"),
                _ => inferred_type(last, &[], 0),
            },
        };
        if let Some(ty) = ty {
            self.diags.push(
                Diagnostic::error(last.span, format!("this `runBlocking` returns {ty}, its last expression, so `main` returns {ty} and the JVM finds no `main` to run"))
                    .with_help("write `fun main() = runBlocking<Unit> { … }`, or end the block with a statement"),
            );
        }
    }

    /// The object a name stands for: an `object`, or the companion of a class.
    fn object_named(&self, name: &str) -> Option<ClassInfo> {
        let info = self.classes.get(name)?;
        if info.is_object {
            return Some(info.clone());
        }
        self.classes.get(info.companion.as_deref()?).cloned()
    }

    /// The objects whose members the code being compiled reads without naming them: the
    /// companion of its class, then, for a nested class, of each class around it (an object
    /// around it is one), innermost first.
    fn companions_here(&self) -> Vec<ClassInfo> {
        let mut out = Vec::new();
        let mut class = self.current_class.as_deref().unwrap_or_default();
        while let Some(info) = self.classes.get(class) {
            out.extend(info.companion.as_deref().and_then(|c| self.classes.get(c)).cloned());
            let Some((outer, _)) = class.rsplit_once('$') else { break };
            class = outer;
            out.extend(self.classes.get(class).filter(|o| o.is_object).cloned());
        }
        out
    }

    /// Calls a method of an object (or companion) by its signature.
    fn call_object_method(&mut self, object: &ClassInfo, sig: &FunSig, name: &Ident, args: &[Arg], span: Span) {
        if sig.is_suspend {
            self.check_suspend_allowed(name.span, &name.name);
        }
        self.emit(Op::LoadObject(object.id), name.span);
        self.user_call_args(sig, args, name, span);
        self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 + 1 }, span);
    }

    /// Reports a literal of the wrong type where a type is declared (`return "x"` from a
    /// function returning `Int`, `val n: Int = null`), as kotlinc does. Only literals are
    /// checked: the engine infers no other types.
    fn check_literal_type(&mut self, e: &Expr, ty: &TypeRef) {
        let literal = match &e.kind {
            ExprKind::Int(_) => "Int",
            ExprKind::Long(_) => "Long",
            ExprKind::Double(_) => "Double",
            ExprKind::Bool(_) => "Boolean",
            ExprKind::Char(_) => "Char",
            ExprKind::Str(_) => "String",
            ExprKind::Null => "Nothing?",
            _ => return,
        };
        let expected = ty.name.as_str();
        let fits = match (literal, expected) {
            (_, "->") => literal == "Nothing?" && ty.nullable,
            _ if !matches!(expected, "Int" | "Long" | "Short" | "Byte" | "Double" | "Boolean" | "Char" | "String" | "Unit") => true,
            ("Nothing?", _) => ty.nullable,
            ("Int", "Int" | "Long" | "Short" | "Byte") => true,
            (l, x) => l == x,
        };
        if fits {
            return;
        }
        // A function type is kept as `->`: it is named in words.
        let message = if expected == "->" && literal == "Nothing?" {
            "null can not be a value of a non-null function type".to_string()
        } else if expected == "->" {
            format!("type mismatch: inferred type is {literal} but a function type was expected")
        } else if literal == "Nothing?" {
            format!("null can not be a value of a non-null type {expected}")
        } else if matches!(literal, "Int" | "Long") && !matches!(expected, "Boolean" | "Char" | "String" | "Unit") {
            format!("the integer literal does not conform to the expected type {expected}{}", if ty.nullable { "?" } else { "" })
        } else {
            format!("type mismatch: inferred type is {literal} but {expected}{} was expected", if ty.nullable { "?" } else { "" })
        };
        self.error(e.span, message);
    }

    /// Reports a library name used without the import Kotlin needs for it (`runBlocking`
    /// without `import kotlinx.coroutines.*`), once per name.
    fn check_imported(&mut self, name: &str, span: Span) {
        let Some(package) = builtins::package_of(name) else { return };
        let imported = self.imports.iter().any(|p| p.strip_prefix(package).is_some_and(|rest| rest == ".*" || rest.strip_prefix('.') == Some(name)));
        if imported || self.unimported.iter().any(|n| n == name) {
            return;
        }
        self.unimported.push(name.to_string());
        self.error_help(span, format!("unresolved reference '{name}': it needs an import"), format!("add `import {package}.*` (or `import {package}.{name}`) at the top of the file"));
    }

    fn check_import(&mut self, imp: &Import) {
        // A class of the program, or its nested classes (`import Outer.*`).
        if self.enum_import(imp) || self.classes.contains_key(imp.path.strip_suffix(".*").unwrap_or(&imp.path)) {
            return;
        }
        let path = imp.path.as_str();
        let known_prefixes = [
            "kotlinx.coroutines",
            "kotlin.",
            "java.util.concurrent",
            "java.io.",
            "java.lang.",
            "java.util.",
            "kotlin.system",
        ];
        if path.starts_with("kotlinx.coroutines.flow") || path.starts_with("kotlinx.coroutines.selects") {
            let what = if path.contains("flow") { "Flows" } else { "select" };
            self.diags.push(Diagnostic::warning(imp.span, format!("{what} are not supported in Coroutine Lab; this import is ignored")));
            return;
        }
        if !known_prefixes.iter().any(|p| path.starts_with(p)) {
            self.diags.push(Diagnostic::warning(imp.span, format!("'{path}' is not part of what Coroutine Lab simulates; this import is ignored")));
        }
    }

    // ----- Functions -----

    fn push_fn(&mut self, func: FuncId, suspend: SuspendCtx, is_lambda: bool, label: Option<String>) {
        let frame_name = self.program.func(func).frame_name.clone();
        self.fns.push(FnCtx {
            func,
            code: Vec::new(),
            spans: Vec::new(),
            local_names: Vec::new(),
            local_ranges: Vec::new(),
            n_locals: 0,
            scopes: vec![Vec::new()],
            captures: Vec::new(),
            suspend,
            loops: Vec::new(),
            inlines: Vec::new(),
            cleanups: Vec::new(),
            is_lambda,
            passed_to_inline: std::mem::take(&mut self.pending_inline),
            label,
            frame_name,
            in_monitor: 0,
            lambda_counts: Vec::new(),
            initializing: None,
            return_type: None,
        });
    }

    fn pop_fn(&mut self, n_params: u32, has_receiver: bool) -> Vec<Capture> {
        let f = self.fns.pop().expect("a function is being compiled");
        let func = &mut self.program.functions[f.func.0 as usize];
        func.code = f.code;
        func.spans = f.spans;
        func.n_locals = f.n_locals;
        func.local_names = f.local_names;
        func.local_ranges = f.local_ranges;
        func.n_params = n_params;
        func.is_suspend = f.suspend == SuspendCtx::Suspend;
        func.is_lambda = f.is_lambda;
        func.has_receiver = has_receiver;
        func.n_captures = f.captures.len() as u32;
        f.captures
    }

    fn cur(&mut self) -> &mut FnCtx {
        self.fns.last_mut().expect("a function is being compiled")
    }

    fn emit(&mut self, op: Op, span: Span) -> usize {
        let f = self.cur();
        f.code.push(op);
        f.spans.push(span);
        f.code.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.cur().code.len() as u32
    }

    fn patch(&mut self, at: usize, target: u32) {
        let op = &mut self.cur().code[at];
        match op {
            Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) | Op::JumpIfNull(t) | Op::JumpIfNotNull(t) | Op::PushHandler(t) => *t = target,
            Op::IterNext { exit, .. } => *exit = target,
            Op::SkipIfPresent { target: t, .. } => *t = target,
            _ => unreachable!("patching a non-jump instruction"),
        }
    }

    fn new_slot(&mut self, name: &str) -> u32 {
        let f = self.cur();
        let slot = f.n_locals;
        f.n_locals += 1;
        f.local_names.push(name.to_string());
        // In scope everywhere until declared: parameters and receivers are never declared.
        f.local_ranges.push((0, u32::MAX));
        slot
    }

    /// Declares a local; the instruction at `decl_op` is its first store.
    fn declare_local(&mut self, name: &str, slot: u32, mutable: bool, decl_op: Option<usize>, kind: Kind, span: Span) {
        let here = self.here();
        // A declaration's store comes just before it is declared.
        let start = decl_op.map_or(here, |op| op as u32);
        if let Some(r) = self.cur().local_ranges.get_mut(slot as usize) {
            r.0 = start.min(here);
        }
        self.cur().scopes.last_mut().expect("a scope is open").push(LocalVar {
            name: name.to_string(),
            slot,
            mutable,
            is_cell: false,
            decl_op,
            kind,
            recv: None,
            span,
        });
    }

    fn declare_receiver(&mut self, slot: u32, kind: RecvKind, span: Span) -> String {
        self.receiver_counter += 1;
        let name = format!("this#{}", self.receiver_counter);
        self.cur().scopes.last_mut().expect("a scope is open").push(LocalVar {
            name: name.clone(),
            slot,
            mutable: false,
            is_cell: false,
            decl_op: None,
            kind: Kind::Unknown,
            recv: Some(kind),
            span,
        });
        name
    }

    fn push_scope(&mut self) {
        self.cur().scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        let here = self.here();
        let f = self.cur();
        for v in f.scopes.pop().unwrap_or_default() {
            if let Some(r) = f.local_ranges.get_mut(v.slot as usize) {
                r.1 = here;
            }
        }
    }

    fn compile_fun(&mut self, f: &FunDecl, sig: &FunSig, receiver: Option<RecvKind>) {
        let suspend = if f.modifiers.is_suspend { SuspendCtx::Suspend } else { SuspendCtx::Plain };
        self.push_fn(sig.func, suspend, false, None);
        let mut n_params = 0;
        if let Some(kind) = receiver {
            let slot = self.new_slot("this");
            let nop = self.emit(Op::Nop, f.span);
            let name = self.declare_receiver(slot, kind, f.span);
            // `this@Class` in a method, `this@name` in an extension function.
            let label = match kind {
                RecvKind::Class(c) => self.program.classes[c.0 as usize].name.rsplit('$').next().unwrap_or_default().to_string(),
                _ => f.name.name.clone(),
            };
            self.receiver_labels.push((name.clone(), label));
            self.mark_param_box(&name, nop);
            n_params += 1;
        }
        self.bind_params(&f.params, f.span);
        n_params += f.params.len() as u32;
        self.cur().return_type = f.return_type.clone();
        self.compile_fun_body(&f.body, f.name.span);
        self.pop_fn(n_params, receiver.is_some());
    }

    /// Records the placeholder instruction that boxes a parameter if a lambda captures it.
    fn mark_param_box(&mut self, name: &str, nop: usize) {
        if let Some(v) = self.cur().scopes.last_mut().and_then(|s| s.iter_mut().rev().find(|v| v.name == name)) {
            v.decl_op = Some(nop);
        }
    }

    fn bind_params(&mut self, params: &[Param], span: Span) {
        let mut slots = Vec::new();
        for p in params {
            let slot = self.new_slot(&p.name.name);
            let nop = self.emit(Op::Nop, p.span);
            let kind = p.ty.as_ref().map_or(Kind::Unknown, kind_of_type);
            self.declare_local(&p.name.name, slot, false, Some(nop), kind, p.name.span);
            slots.push(slot);
        }
        // Default values are computed in the callee when the caller passed nothing.
        for (p, slot) in params.iter().zip(slots) {
            if let Some(d) = &p.default {
                let skip = self.emit(Op::SkipIfPresent { slot, target: 0 }, d.span);
                self.expr_typed(d, p.ty.as_ref());
                self.store_slot(slot, d.span);
                let here = self.here();
                self.patch(skip, here);
            }
        }
        let _ = span;
    }

    fn compile_fun_body(&mut self, body: &FunBody, name_span: Span) {
        match body {
            FunBody::Block(b) => {
                self.check_block_returns(b);
                self.block_stmts(b);
                self.emit(Op::Push(Value::Unit), b.span.end_point());
                self.emit(Op::Return, b.span.end_point());
            }
            FunBody::Expr(e) => {
                if let Some(t) = self.cur().return_type.clone() {
                    self.check_literal_type(e, &t);
                }
                self.check_when_value(e);
                let line = self.line(e.span);
                self.emit(Op::Stmt { line }, e.span);
                let returns = self.cur().return_type.clone();
                self.expr_typed(e, returns.as_ref());
                self.emit(Op::Return, e.span);
            }
            FunBody::None => {
                self.emit(Op::Unreachable, name_span);
            }
        }
    }

    /// A function with a block body and a return type other than `Unit` must end in a
    /// `return` (or a `throw`), as kotlinc requires: the value of its last expression is not
    /// returned. Only endings that plainly fall off the end are reported (a declaration, an
    /// assignment, a plain expression, a call of a library function that returns); branches,
    /// loops, method calls, calls of the program's functions and calls with a lambda are left
    /// to run.
    fn check_block_returns(&mut self, b: &Block) {
        let Some(t) = self.cur().return_type.clone() else { return };
        if matches!(t.simple_name(), "Unit" | "Nothing") && !t.nullable {
            return;
        }
        let falls_off = match b.stmts.last() {
            None => true,
            Some(Stmt::Local(_) | Stmt::Assign { .. } | Stmt::Fun(_)) => true,
            Some(Stmt::While { .. } | Stmt::DoWhile { .. } | Stmt::For { .. }) => false,
            Some(Stmt::Expr(e)) => match &e.kind {
                ExprKind::Return { .. } | ExprKind::Throw(_) | ExprKind::If { .. } | ExprKind::When { .. } | ExprKind::Try { .. } => false,
                ExprKind::Call { callee, args, .. } => match &callee.kind {
                    _ if args.iter().any(|a| matches!(a.value.kind, ExprKind::Lambda(_))) => false,
                    // The program's own functions may return Nothing (`fail(…)`): left alone.
                    ExprKind::Name(n) => {
                        let own = self.functions.contains_key(&n.name) || self.find_var(&n.name).is_some() || self.classes.contains_key(&n.name);
                        !own && !matches!(n.name.as_str(), "error" | "TODO" | "exitProcess")
                    }
                    _ => false,
                },
                ExprKind::Lambda(_) | ExprKind::Error => false,
                _ => true,
            },
        };
        if falls_off {
            // At the closing brace, where kotlinc reports it.
            self.error_help(
                Span { start: b.span.end.saturating_sub(1), end: b.span.end },
                "a 'return' expression required in a function with a block body ('{...}')",
                "end it with `return …`, or write the function as `= expression`",
            );
        }
    }

    fn compile_global(&mut self, p: &PropertyDecl) {
        self.check_lateinit(p);
        if let Some(g) = &p.getter {
            if p.mutable {
                self.error(p.span, "a top-level `var` with a getter is not supported in Coroutine Lab");
            }
            if p.init.is_some() {
                self.error(p.span, "initializer is not allowed here because this property has no backing field");
            }
            if let Some(sig) = self.global_getters.get(&g.name.name).cloned() {
                self.compile_fun(g, &sig, None);
            }
            return;
        }
        let Some(init) = &p.init else {
            if !p.modifiers.has("lateinit") {
                self.error(p.span, "a top-level property needs an initial value");
            }
            return;
        };
        let names = pattern_names(&p.pattern);
        let Some(first) = names.first() else { return };
        let func = self.new_function(&format!("<init {}>", first.name), format!("{}.<clinit>", self.program.file_class), p.span);
        self.push_fn(func, SuspendCtx::Plain, false, None);
        let line = self.line(p.span);
        self.emit(Op::Stmt { line }, p.span);
        self.expr_typed(init, p.ty.as_ref());
        self.emit(Op::Return, p.span);
        self.pop_fn(0, false);
        if let Some(&g) = self.globals.get(&first.name) {
            self.program.globals[g as usize].init = Some(func);
        }
        if names.len() > 1 {
            self.error(p.span, "destructuring declarations at the top level are not supported in Coroutine Lab");
        }
    }

    /// Pops a value and a receiver and sets the backing field class `class` declares for
    /// property `name`: its own, even when a subclass overrides the property with another.
    fn init_field(&mut self, class: ClassId, name: &str, span: Span) {
        let s = self.sym(name);
        match self.program.classes[class.0 as usize].slot(s) {
            Some(i) => self.emit(Op::SetSlot(i as u32), span),
            None => self.emit(Op::SetField(s), span),
        };
    }

    fn compile_class_body(&mut self, class_name: &str, params: &[Param], members: &[Item], supertypes: &[SuperType]) {
        let Some(info) = self.classes.get(class_name).cloned() else { return };
        let class = self.program.classes[info.id.0 as usize].clone();
        let prev = self.current_class.replace(class_name.to_string());
        // The initializer: `this`, then the constructor parameters.
        self.push_fn(class.init, SuspendCtx::Plain, false, None);
        let this_slot = self.new_slot("this");
        let nop = self.emit(Op::Nop, class.span);
        let this_name = self.declare_receiver(this_slot, RecvKind::Class(info.id), class.span);
        self.receiver_labels.push((this_name.clone(), class_name.rsplit('$').next().unwrap_or_default().to_string()));
        self.mark_param_box(&this_name, nop);
        self.bind_params(params, class.span);
        self.enum_companion_prologue(class_name, class.span);
        // The superclass is initialised first, with the arguments its constructor is given
        // in the header (evaluated here, where the constructor's parameters are visible):
        // its properties and `init` blocks run before this class's, as on the JVM.
        if let Some(sup) = info.superclass.as_deref().and_then(|n| self.classes.get(n)).cloned() {
            let sup_name = self.program.classes[sup.id.0 as usize].name.clone();
            let sup_init = self.program.classes[sup.id.0 as usize].init;
            if let Some(st) = supertypes.iter().find(|s| s.ty.simple_name() == sup_name) {
                let args = st.args.clone().unwrap_or_default();
                let sig = FunSig {
                    func: sup_init,
                    params: sup.ctor.clone(),
                    param_types: sup.ctor_types.clone(),
                    is_suspend: false,
                    is_inline: false,
                    receiver_is_scope: false,
                    receiver_type: None,
                    returns_kind: Kind::Unknown,
                    vararg: None,
                };
                let line = self.line(st.ty.span);
                self.emit(Op::Stmt { line }, st.ty.span);
                self.load_slot(this_slot, st.ty.span);
                let callee = Ident { name: sup_name, span: st.ty.span };
                self.user_call_args(&sig, &args, &callee, st.ty.span);
                self.emit(Op::Call { func: sup_init, argc: sup.ctor.len() as u32 + 1 }, st.ty.span);
                self.emit(Op::Pop, st.ty.span);
            }
        }
        // A class extending an exception passes its message and cause to the base class.
        if let Some(st) = supertypes.iter().find(|s| ExcClass::from_name(s.ty.simple_name()).is_some()) {
            if let Some(args) = &st.args {
                self.load_slot(this_slot, st.ty.span);
                let n = args.len().min(2) as u32;
                for a in args.iter().take(2) {
                    self.expr(&a.value);
                }
                let s = self.sym("<super>");
                self.emit(Op::CallMethod { name: s, argc: n, safe: false }, st.ty.span);
                self.emit(Op::Pop, st.ty.span);
            }
        }
        for p in params {
            if p.binding != ParamBinding::Plain {
                self.load_slot(this_slot, p.span);
                let v = self.lookup_local(&p.name.name).expect("the parameter was just declared");
                self.load_var(&v, p.span);
                self.init_field(info.id, &p.name.name, p.span);
            }
        }
        // From here on, the name of a constructor parameter that declares a property names
        // the property, as in Kotlin: an `init` block reads it through its getter (an
        // override's, when a subclass overrides it) and assigns the `var`.
        for p in params.iter().filter(|p| p.binding != ParamBinding::Plain) {
            if let Some(f) = self.fns.last_mut() {
                for scope in f.scopes.iter_mut() {
                    for v in scope.iter_mut().filter(|v| v.name == p.name.name) {
                        v.name.clear();
                    }
                }
            }
        }
        for m in members {
            match m {
                Item::Property(p) if p.getter.is_some() => {}
                // Abstract properties, and an interface's, have no value of their own.
                Item::Property(p) if p.modifiers.has("abstract") || info.kind == ClassKind::Interface => {}
                Item::Property(p) => {
                    if let Some(init) = &p.init {
                        let line = self.line(p.span);
                        self.emit(Op::Stmt { line }, p.span);
                        let names = pattern_names(&p.pattern);
                        if let Some(first) = names.first() {
                            self.load_slot(this_slot, p.span);
                            self.expr_typed(init, p.ty.as_ref());
                            self.init_field(info.id, &first.name, p.span);
                        }
                    } else if !p.modifiers.has("lateinit") {
                        self.error(p.span, "a property needs an initial value");
                    }
                }
                Item::Fun(f) if f.name.name == "<init>" => {
                    if let FunBody::Block(b) = &f.body {
                        self.push_scope();
                        self.block_stmts(b);
                        self.pop_scope();
                    }
                }
                _ => {}
            }
        }
        self.emit(Op::Push(Value::Unit), class.span);
        self.emit(Op::Return, class.span);
        self.pop_fn(1 + params.len() as u32, true);
        for m in members {
            let f = match m {
                Item::Fun(f) if f.name.name != "<init>" => f,
                Item::Property(p) => match &p.getter {
                    Some(g) => &**g,
                    None => continue,
                },
                _ => continue,
            };
            if let Some(sig) = info.methods.get(&f.name.name).cloned() {
                if self.program.func(sig.func).span == f.span {
                    // An override computes the default values of the function it overrides.
                    let inherited = info.members.iter().find(|m| m.name == f.name.name && m.is_fun).map(|m| m.defaults.clone()).unwrap_or_default();
                    if f.params.iter().zip(&inherited).any(|(p, d)| p.default.is_none() && d.is_some()) {
                        let mut f = f.clone();
                        for (p, d) in f.params.iter_mut().zip(inherited) {
                            if p.default.is_none() {
                                p.default = d;
                            }
                        }
                        self.compile_fun(&f, &sig, Some(RecvKind::Class(info.id)));
                    } else {
                        self.compile_fun(f, &sig, Some(RecvKind::Class(info.id)));
                    }
                }
            }
        }
        self.current_class = prev;
    }

    // ----- Variables -----

    fn lookup_local(&self, name: &str) -> Option<LocalVar> {
        let f = self.fns.last()?;
        for scope in f.scopes.iter().rev() {
            if let Some(v) = scope.iter().rev().find(|v| v.name == name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Finds a variable visible from the current function: a local, or a capture (made
    /// on demand through every enclosing lambda).
    fn find_var(&mut self, name: &str) -> Option<VarRef> {
        let depth = self.fns.len();
        if depth == 0 {
            return None;
        }
        if let Some(v) = self.lookup_local(name) {
            return Some(VarRef::Local(v));
        }
        // Already captured?
        if let Some((i, c)) = self.fns[depth - 1].captures.iter().enumerate().find(|(_, c)| c.name == name) {
            return Some(VarRef::Capture { index: i as u32, mutable: c.mutable, kind: c.kind, span: c.span });
        }
        // Find the owner among enclosing functions.
        let mut owner = None;
        for k in (0..depth - 1).rev() {
            let f = &self.fns[k];
            let found = f.scopes.iter().rev().find_map(|s| s.iter().rev().find(|v| v.name == name)).cloned();
            if let Some(v) = found {
                owner = Some((k, CaptureSource::Local(v.slot), v.mutable, v.kind, v.recv, v.span));
                break;
            }
            if let Some((i, c)) = f.captures.iter().enumerate().find(|(_, c)| c.name == name) {
                owner = Some((k, CaptureSource::Capture(i as u32), c.mutable, c.kind, c.recv, c.span));
                break;
            }
        }
        let (k, source, mutable, kind, recv, decl_span) = owner?;
        if let CaptureSource::Local(slot) = source {
            self.make_cell(k, slot);
        }
        // Thread the capture through every function between the owner and here.
        let mut src = source;
        for j in k + 1..depth {
            let f = &mut self.fns[j];
            let idx = match f.captures.iter().position(|c| c.name == name) {
                Some(i) => i,
                None => {
                    f.captures.push(Capture { name: name.to_string(), span: decl_span, source: src, mutable, kind, recv });
                    f.captures.len() - 1
                }
            };
            src = CaptureSource::Capture(idx as u32);
        }
        let CaptureSource::Capture(index) = src else { unreachable!("captured through at least one lambda") };
        Some(VarRef::Capture { index, mutable, kind, span: decl_span })
    }

    /// Turns local `slot` of function `k` into a cell, rewriting the instructions already
    /// emitted for it.
    fn make_cell(&mut self, k: usize, slot: u32) {
        let f = &mut self.fns[k];
        let mut decl = None;
        for scope in f.scopes.iter_mut() {
            for v in scope.iter_mut() {
                if v.slot == slot {
                    if v.is_cell {
                        return;
                    }
                    v.is_cell = true;
                    decl = v.decl_op;
                }
            }
        }
        for (i, op) in f.code.iter_mut().enumerate() {
            match op {
                Op::Load(s) if *s == slot => *op = Op::LoadCell(slot),
                Op::Store(s) if *s == slot => {
                    *op = if Some(i) == decl { Op::NewCell(slot) } else { Op::StoreCell(slot) };
                }
                Op::Nop if Some(i) == decl => *op = Op::BoxLocal(slot),
                _ => {}
            }
        }
    }

    fn load_slot(&mut self, slot: u32, span: Span) {
        let is_cell = self.cur().scopes.iter().flatten().any(|v| v.slot == slot && v.is_cell);
        self.emit(if is_cell { Op::LoadCell(slot) } else { Op::Load(slot) }, span);
    }

    fn store_slot(&mut self, slot: u32, span: Span) {
        let is_cell = self.cur().scopes.iter().flatten().any(|v| v.slot == slot && v.is_cell);
        self.emit(if is_cell { Op::StoreCell(slot) } else { Op::Store(slot) }, span);
    }

    fn load_var(&mut self, v: &LocalVar, span: Span) {
        self.load_slot(v.slot, span);
    }

    fn load_ref(&mut self, r: &VarRef, span: Span) {
        match r {
            VarRef::Local(v) => self.load_var(v, span),
            VarRef::Capture { index, .. } => {
                self.emit(Op::LoadCapture(*index), span);
            }
        }
        // A local `lateinit var` read before it is set throws.
        let lateinit = match r {
            VarRef::Local(v) if v.kind == Kind::Lateinit => Some(v.name.clone()),
            VarRef::Capture { index, kind: Kind::Lateinit, .. } => self.cur().captures.get(*index as usize).map(|c| c.name.clone()),
            _ => None,
        };
        if let Some(name) = lateinit {
            let s = self.sym(&name);
            self.emit(Op::CheckLateinit(s), span);
        }
    }

    /// Pushes the value of a top-level property: its global, or what its getter computes.
    /// False when there is no top-level property of the name.
    fn load_top_level(&mut self, name: &str, span: Span) -> bool {
        if let Some(func) = self.global_getters.get(name).map(|sig| sig.func) {
            self.emit(Op::Call { func, argc: 0 }, span);
        } else if let Some(&g) = self.globals.get(name) {
            self.emit(Op::LoadGlobal(g), span);
        } else {
            return false;
        }
        true
    }

    /// Adds one to the Int in a local: the counters of the inlined library functions.
    fn increment(&mut self, slot: u32, span: Span) {
        self.emit(Op::Load(slot), span);
        self.emit(Op::Push(Value::Int(1)), span);
        self.emit(Op::Binary(BinOp::Add), span);
        self.emit(Op::Store(slot), span);
    }

    /// A fresh hidden local holding the top of the stack.
    fn temp(&mut self, span: Span) -> u32 {
        let slot = self.new_slot("");
        self.emit(Op::Store(slot), span);
        slot
    }

    /// The implicit receivers visible here, innermost first: how to load each and its kind.
    fn receivers(&mut self) -> Vec<(String, RecvKind)> {
        let mut out: Vec<(String, RecvKind)> = Vec::new();
        for f in self.fns.iter().rev() {
            for scope in f.scopes.iter().rev() {
                for v in scope.iter().rev() {
                    if let Some(k) = v.recv {
                        if !out.iter().any(|(n, _)| *n == v.name) {
                            out.push((v.name.clone(), k));
                        }
                    }
                }
            }
            for c in f.captures.iter() {
                if let Some(k) = c.recv {
                    if !out.iter().any(|(n, _)| *n == c.name) {
                        out.push((c.name.clone(), k));
                    }
                }
            }
        }
        // Receivers found through captures may be out of lexical order; those declared in
        // inner functions come first already, which is what implicit resolution needs.
        out
    }

    fn load_receiver(&mut self, name: &str, span: Span) {
        match self.find_var(name) {
            Some(r) => self.load_ref(&r, span),
            None => {
                self.emit(Op::Unreachable, span);
            }
        }
    }

    // ----- Statements -----

    fn stmt_marker(&mut self, span: Span) {
        let line = self.line(span);
        self.emit(Op::Stmt { line }, span);
    }

    /// Compiles a block's statements, leaving nothing on the stack.
    fn block_stmts(&mut self, b: &Block) {
        self.push_scope();
        for s in &b.stmts {
            self.stmt(s);
        }
        self.pop_scope();
    }

    /// Compiles a block whose last statement is its value (Unit otherwise).
    fn block_value(&mut self, b: &Block) {
        self.push_scope();
        let n = b.stmts.len();
        for (i, s) in b.stmts.iter().enumerate() {
            if i + 1 == n {
                if let Stmt::Expr(e) = s {
                    self.stmt_marker(e.span);
                    self.expr(e);
                    self.pop_scope();
                    return;
                }
            }
            self.stmt(s);
        }
        self.emit(Op::Push(Value::Unit), b.span.end_point());
        self.pop_scope();
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(e) => {
                self.stmt_marker(e.span);
                self.expr(e);
                self.emit(Op::Pop, e.span);
            }
            Stmt::Local(p) => {
                self.stmt_marker(p.span);
                self.local_decl(p);
            }
            Stmt::Fun(f) => self.local_fun(f),
            Stmt::Assign { target, op, value, span } => {
                self.stmt_marker(*span);
                self.assign(target, *op, value, *span);
            }
            Stmt::While { cond, body, label, span } => {
                let top = self.here();
                self.stmt_marker(cond.span);
                self.expr(cond);
                let exit = self.emit(Op::JumpIfFalse(0), *span);
                self.loop_body(body, label);
                self.emit(Op::Jump(top), *span);
                let end = self.here();
                self.patch(exit, end);
                self.finish_loop(end, top);
            }
            Stmt::DoWhile { body, cond, label, span } => {
                let top = self.here();
                // `continue` in a do-while goes to the condition.
                self.push_loop(label);
                self.push_scope();
                for st in &body.stmts {
                    self.stmt(st);
                }
                let cond_at = self.here();
                self.stmt_marker(cond.span);
                // The condition sees the body's variables.
                self.expr(cond);
                self.pop_scope();
                self.emit(Op::JumpIfTrue(top), *span);
                let end = self.here();
                let lp = self.cur().loops.pop().expect("loop pushed above");
                for b in lp.breaks {
                    self.patch(b, end);
                }
                for c in lp.continues {
                    self.patch(c, cond_at);
                }
            }
            Stmt::For { pattern, iterable, body, label, span } => {
                self.stmt_marker(iterable.span);
                self.expr(iterable);
                self.emit(Op::IterStart, iterable.span);
                let it = self.temp(iterable.span);
                let top = self.here();
                let line = self.line(*span);
                self.emit(Op::Stmt { line }, *span);
                let next = self.emit(Op::IterNext { slot: it, exit: 0 }, *span);
                self.push_scope();
                self.bind_pattern(pattern, false, *span);
                self.loop_body(body, label);
                self.pop_scope();
                self.emit(Op::Jump(top), *span);
                let end = self.here();
                self.patch(next, end);
                self.finish_loop(end, top);
            }
        }
    }

    /// Binds the value on top of the stack to a pattern as new locals.
    fn bind_pattern(&mut self, pattern: &Pattern, mutable: bool, span: Span) {
        match pattern {
            Pattern::Name(id) => {
                let slot = self.new_slot(&id.name);
                let op = self.emit(Op::Store(slot), span);
                if id.name != "_" {
                    self.declare_local(&id.name, slot, mutable, Some(op), Kind::Unknown, id.span);
                }
            }
            Pattern::Tuple(names) => {
                for (i, id) in names.iter().enumerate() {
                    if id.name == "_" {
                        continue;
                    }
                    self.emit(Op::Component(i as u32), id.span);
                    let slot = self.new_slot(&id.name);
                    let op = self.emit(Op::Store(slot), span);
                    self.declare_local(&id.name, slot, mutable, Some(op), Kind::Unknown, id.span);
                }
                self.emit(Op::Pop, span);
            }
        }
    }

    fn loop_body(&mut self, body: &Block, label: &Option<Ident>) {
        self.push_loop(label);
        self.block_stmts(body);
    }

    fn push_loop(&mut self, label: &Option<Ident>) {
        let label = label.as_ref().map(|l| l.name.clone());
        let f = self.cur();
        let (cleanup_depth, inline_depth) = (f.cleanups.len(), f.inlines.len());
        f.loops.push(LoopCtx { label, breaks: vec![], continues: vec![], cleanup_depth, inline_depth });
    }

    fn finish_loop(&mut self, end: u32, cont: u32) {
        let lp = self.cur().loops.pop().expect("loop pushed by loop_body");
        for b in lp.breaks {
            self.patch(b, end);
        }
        for c in lp.continues {
            self.patch(c, cont);
        }
    }

    /// What kotlinc refuses of a `lateinit` property: a `val`, an initializer, a nullable
    /// type or one of the primitive types.
    fn check_lateinit(&mut self, p: &PropertyDecl) {
        let Some(kw) = p.modifiers.keywords.iter().find(|k| k.name == "lateinit") else { return };
        let what = if !p.mutable {
            "allowed only on mutable properties"
        } else if p.init.is_some() {
            "not allowed on properties with initializer"
        } else if p.ty.as_ref().is_some_and(|t| t.nullable) {
            "not allowed on properties of nullable types"
        } else if p.ty.as_ref().is_some_and(|t| matches!(t.name.as_str(), "Int" | "Long" | "Double" | "Float" | "Boolean" | "Char" | "Short" | "Byte")) {
            "not allowed on properties of primitive types"
        } else {
            return;
        };
        self.error(kw.span, format!("'lateinit' modifier is {what}"));
    }

    fn local_decl(&mut self, p: &PropertyDecl) {
        self.check_lateinit(p);
        if let (Some(init), Some(t)) = (&p.init, &p.ty) {
            self.check_literal_type(init, t);
        }
        if let Some(init) = &p.init {
            self.check_when_value(init);
        }
        let kind = p.init.as_ref().map(|e| self.kind_of(e)).unwrap_or(Kind::Unknown);
        match &p.init {
            Some(init) => {
                // `val deferred = async { … }`: the JVM names the lambda's class after the
                // variable (`…$deferred$1`), as DebugProbes dumps and stack traces show.
                let name = match &p.pattern {
                    Pattern::Name(id) => Some(id.name.clone()),
                    _ => None,
                };
                let outer = std::mem::replace(&mut self.cur().initializing, name);
                self.expr_typed(init, p.ty.as_ref());
                self.cur().initializing = outer;
            }
            None => {
                self.emit(Op::Push(Value::Absent), p.span);
            }
        }
        match &p.pattern {
            Pattern::Name(id) => {
                let slot = self.new_slot(&id.name);
                let op = self.emit(Op::Store(slot), p.span);
                let kind = match &p.ty {
                    _ if p.modifiers.has("lateinit") => Kind::Lateinit,
                    Some(t) if kind_of_type(t) != Kind::Unknown => kind_of_type(t),
                    _ => kind,
                };
                self.declare_local(&id.name, slot, p.mutable || p.init.is_none(), Some(op), kind, id.span);
            }
            pattern => self.bind_pattern(pattern, p.mutable, p.span),
        }
    }

    #[inline(never)]
    fn local_fun(&mut self, f: &FunDecl) {
        // A local function is a closure stored in a local variable declared before its body,
        // so that it can call itself.
        self.stmt_marker(f.span);
        let slot = self.new_slot(&f.name.name);
        self.emit(Op::Push(Value::Unit), f.span);
        let decl = self.emit(Op::Store(slot), f.span);
        self.declare_local(&f.name.name, slot, false, Some(decl), Kind::Unknown, f.name.span);
        let frame_name = format!("{}.{}", self.cur().frame_name, f.name.name);
        let func = self.new_function(&f.name.name, frame_name, f.span);
        let suspend = if f.modifiers.is_suspend { SuspendCtx::Suspend } else { SuspendCtx::Plain };
        self.push_fn(func, suspend, false, None);
        self.bind_params(&f.params, f.span);
        self.compile_fun_body(&f.body, f.name.span);
        let caps = self.pop_fn(f.params.len() as u32, false);
        self.emit_closure(func, &caps, f.span);
        // The function refers to itself through the variable, so it must be a cell.
        let k = self.fns.len() - 1;
        self.make_cell(k, slot);
        self.emit(Op::StoreCell(slot), f.span);
    }

    fn emit_closure(&mut self, func: FuncId, caps: &[Capture], span: Span) {
        for c in caps {
            match c.source {
                CaptureSource::Local(slot) => self.emit(Op::PushCellRef(slot), span),
                CaptureSource::Capture(i) => self.emit(Op::PushCaptureRef(i), span),
            };
        }
        self.emit(Op::MakeClosure { func, n_captures: caps.len() as u32 }, span);
    }

    // ----- Assignment -----

    fn assign(&mut self, target: &Expr, op: AssignOp, value: &Expr, span: Span) {
        // `list += x` on a read-only variable or property is `list.plusAssign(x)`: it adds
        // to the mutable collection instead of assigning a new one.
        if matches!(op, AssignOp::Add | AssignOp::Sub) && self.is_read_only(target) {
            self.expr(target);
            self.expr(value);
            let name = if op == AssignOp::Add { "<plusAssign>" } else { "<minusAssign>" };
            let s = self.sym(name);
            self.emit(Op::CallMethod { name: s, argc: 1, safe: false }, span);
            self.emit(Op::Pop, span);
            return;
        }
        let bin = match op {
            AssignOp::Assign => None,
            AssignOp::Add => Some(BinOp::Add),
            AssignOp::Sub => Some(BinOp::Sub),
            AssignOp::Mul => Some(BinOp::Mul),
            AssignOp::Div => Some(BinOp::Div),
            AssignOp::Rem => Some(BinOp::Rem),
        };
        self.update(target, span, |c| {
            c.expr(value);
            if let Some(b) = bin {
                c.emit(Op::Binary(b), span);
            }
        }, bin.is_some(), false);
    }

    /// Writes `target` from a value computed by `compute`. When `read_first` is set, the
    /// current value of the target is pushed before `compute` runs (compound assignment,
    /// `++`). `keep` leaves a value on the stack: the new value, or the old one when
    /// `keep_old` is set by the caller through `compute`.
    #[inline(never)]
    fn update(&mut self, target: &Expr, span: Span, compute: impl FnOnce(&mut Self), read_first: bool, keep: bool) {
        match &target.kind {
            ExprKind::Name(id) => {
                let Some(place) = self.resolve_place(id, true) else { return };
                let shared = place.is_shared();
                if read_first {
                    self.load_place(&place, span);
                    if shared {
                        // Another thread may run between the read and the write.
                        self.emit(Op::Preempt, span);
                    }
                }
                compute(self);
                if keep {
                    self.emit(Op::Dup, span);
                }
                self.store_place(&place, span);
            }
            ExprKind::Member { receiver, name, .. } => {
                // Object members: `Counter.count += 1`.
                self.check_member_write(name);
                self.expr(receiver);
                let s = self.sym(&name.name);
                if read_first {
                    self.emit(Op::Dup, span);
                    self.emit(Op::GetField { name: s, safe: false }, span);
                    self.emit(Op::Preempt, span);
                }
                compute(self);
                if keep {
                    // Keep a copy under the receiver: swap so the store sees (receiver, value).
                    let t = self.temp(span);
                    self.emit(Op::Load(t), span);
                    self.emit(Op::SetField(s), span);
                    self.emit(Op::Load(t), span);
                } else {
                    self.emit(Op::SetField(s), span);
                }
            }
            ExprKind::Index { receiver, index } => {
                self.expr(receiver);
                let r = self.temp(span);
                self.expr(index);
                let i = self.temp(span);
                self.emit(Op::Load(r), span);
                self.emit(Op::Load(i), span);
                if read_first {
                    self.emit(Op::Load(r), span);
                    self.emit(Op::Load(i), span);
                    self.emit(Op::GetIndex, span);
                    self.emit(Op::Preempt, span);
                }
                compute(self);
                if keep {
                    let t = self.temp(span);
                    self.emit(Op::Load(t), span);
                    self.emit(Op::SetIndex, span);
                    self.emit(Op::Load(t), span);
                } else {
                    self.emit(Op::SetIndex, span);
                }
            }
            ExprKind::Error => {}
            _ => {
                self.error(target.span, "this expression cannot be assigned to");
            }
        }
    }

    /// Reports an assignment `x.name = …` that Kotlin refuses: every class with a property of
    /// that name declares it `val`, or gives it a `private set` and this code is outside them.
    /// The receiver's class is only known at run time, so a name that some class lets be
    /// assigned is accepted.
    fn check_member_write(&mut self, name: &Ident) {
        let mut declaring = Vec::new();
        for class in &self.program.classes {
            if let Some(info) = self.classes.get(&class.name) {
                if let Some((_, mutable)) = info.fields.iter().find(|(f, _)| *f == name.name) {
                    declaring.push((class.name.clone(), *mutable, info.private_set.contains(&name.name)));
                }
            }
        }
        let Some((first, ..)) = declaring.first().cloned() else {
            let sym = self.sym(&name.name);
            if let Some(class) = self.program.classes.iter().find(|c| c.getters.contains(&sym)) {
                let msg = format!("val cannot be reassigned: '{}' is computed by a getter in '{}'", name.name, class.name);
                self.error(name.span, msg);
            }
            return;
        };
        if declaring.iter().all(|(_, mutable, _)| !mutable) {
            if self.enum_property_written(&first, name) {
                return;
            }
            self.error_help(name.span, format!("val cannot be reassigned: '{}' is declared with val in '{first}'", name.name), format!("declare it with `var {}`", name.name));
            return;
        }
        // A class's companion (`Counter$Companion`) and the classes nested in it are inside it.
        let inside = self.current_class.as_deref().is_some_and(|c| declaring.iter().any(|(n, ..)| c == n || c.strip_prefix(n.as_str()).is_some_and(|r| r.starts_with('$'))));
        if !inside && declaring.iter().all(|(_, mutable, private)| !mutable || *private) {
            self.error_help(name.span, format!("cannot assign to '{}': its setter is private in '{first}'", name.name), format!("call a method of '{first}' that changes it"));
        }
    }

    /// Whether an assignment target is a `val` (local, top-level or property).
    fn is_read_only(&mut self, target: &Expr) -> bool {
        match &target.kind {
            ExprKind::Name(id) => {
                if let Some(r) = self.find_var(&id.name) {
                    return match r {
                        VarRef::Local(v) => !v.mutable,
                        VarRef::Capture { mutable, .. } => !mutable,
                    };
                }
                for (_, kind) in self.receivers() {
                    if let RecvKind::Class(c) = kind {
                        let name = self.program.classes[c.0 as usize].name.clone();
                        if let Some(info) = self.classes.get(&name) {
                            if let Some((_, m)) = info.fields.iter().find(|(f, _)| *f == id.name) {
                                return !m;
                            }
                        }
                    }
                }
                if let Some(&g) = self.globals.get(&id.name) {
                    return !self.program.globals[g as usize].mutable;
                }
                false
            }
            ExprKind::Member { name, .. } => {
                let fields: Vec<bool> = self.classes.values().flat_map(|c| c.fields.iter().filter(|(f, _)| *f == name.name).map(|(_, m)| *m)).collect();
                !fields.is_empty() && fields.iter().all(|m| !m)
            }
            _ => false,
        }
    }

    fn resolve_place(&mut self, id: &Ident, for_write: bool) -> Option<Place> {
        if let Some(r) = self.find_var(&id.name) {
            let (mutable, decl_span) = match &r {
                VarRef::Local(v) => (v.mutable, v.span),
                VarRef::Capture { mutable, span, .. } => (*mutable, *span),
            };
            if for_write && !mutable {
                self.diags.push(
                    Diagnostic::error(id.span, format!("val cannot be reassigned: '{}' is declared with val", id.name))
                        .with_help(format!("declare it with `var {}` at {}", id.name, self.index.line_col(decl_span.start))),
                );
            }
            return Some(Place::Var(r));
        }
        // Members of implicit receivers: a class's own fields.
        for (recv, kind) in self.receivers() {
            if let RecvKind::Class(c) = kind {
                let info = self.program.classes[c.0 as usize].clone();
                let s = self.sym(&id.name);
                // An abstract property (an interface's) is the implementing class's.
                let abstract_var = self.classes.get(&info.name).and_then(|ci| ci.members.iter().find(|m| m.name == id.name && !m.is_fun && m.is_abstract)).map(|m| m.signature.contains("var "));
                if info.fields.contains(&s) || abstract_var.is_some() {
                    let mutable = abstract_var.unwrap_or(false) || self.classes.get(&info.name).map(|ci| ci.fields.iter().any(|(f, m)| *f == id.name && *m)).unwrap_or(false);
                    if for_write && !mutable {
                        self.error(id.span, format!("val cannot be reassigned: '{}' is a read-only property", id.name));
                    }
                    return Some(Place::Field { recv, name: s });
                }
            }
        }
        for c in self.companions_here() {
            if let Some(&(_, mutable)) = c.fields.iter().find(|(f, _)| *f == id.name) {
                if for_write && !mutable {
                    self.error(id.span, format!("val cannot be reassigned: '{}' is a read-only property", id.name));
                }
                let name = self.sym(&id.name);
                return Some(Place::ObjectField { class: c.id, name });
            }
        }
        // The receiver of `with(x)`, `x.run { }`, `x.apply { }`, known at run time only: a
        // property some class of the program declares is its.
        if self.user_property_named(&id.name) {
            if let Some((recv, _)) = self.receivers().into_iter().find(|(_, k)| *k == RecvKind::Dynamic) {
                let name = self.sym(&id.name);
                return Some(Place::Field { recv, name });
            }
        }
        if self.global_getters.contains_key(&id.name) {
            if for_write {
                self.error(id.span, format!("val cannot be reassigned: '{}' is declared with val", id.name));
            } else {
                self.error(id.span, format!("'{}' is computed by its getter and has no value to change in place", id.name));
            }
            return None;
        }
        if let Some(&g) = self.globals.get(&id.name) {
            let (mutable, volatile) = (self.program.globals[g as usize].mutable, self.program.globals[g as usize].volatile);
            if for_write && !mutable {
                self.error(id.span, format!("val cannot be reassigned: '{}' is declared with val", id.name));
            }
            return Some(Place::Global(g, volatile));
        }
        self.unresolved(id.span, &id.name);
        None
    }

    fn load_place(&mut self, p: &Place, span: Span) {
        match p {
            Place::Var(r) => self.load_ref(r, span),
            Place::Field { recv, name, .. } => {
                let recv = recv.clone();
                self.load_receiver(&recv, span);
                self.emit(Op::GetField { name: *name, safe: false }, span);
            }
            Place::Global(g, _) => {
                self.emit(Op::LoadGlobal(*g), span);
            }
            Place::ObjectField { class, name } => {
                self.emit(Op::LoadObject(*class), span);
                self.emit(Op::GetField { name: *name, safe: false }, span);
            }
        }
    }

    fn store_place(&mut self, p: &Place, span: Span) {
        match p {
            Place::Var(VarRef::Local(v)) => {
                let v = v.clone();
                self.store_slot(v.slot, span);
            }
            Place::Var(VarRef::Capture { index, .. }) => {
                self.emit(Op::StoreCapture(*index), span);
            }
            Place::Field { recv, name, .. } => {
                let recv = recv.clone();
                let t = self.temp(span);
                self.load_receiver(&recv, span);
                self.emit(Op::Load(t), span);
                self.emit(Op::SetField(*name), span);
            }
            Place::Global(g, _) => {
                self.emit(Op::StoreGlobal(*g), span);
            }
            Place::ObjectField { class, name } => {
                let t = self.temp(span);
                self.emit(Op::LoadObject(*class), span);
                self.emit(Op::Load(t), span);
                self.emit(Op::SetField(*name), span);
            }
        }
    }

    // ----- Expressions -----

    fn kind_of(&self, e: &Expr) -> Kind {
        match &e.kind {
            ExprKind::Call { callee, .. } => match &callee.kind {
                ExprKind::Name(n) | ExprKind::Member { name: n, .. } => match n.name.as_str() {
                    "launch" | "Job" | "SupervisorJob" => Kind::Job,
                    "async" | "CompletableDeferred" => Kind::Deferred,
                    other => self.functions.get(other).and_then(|v| v.first()).map(|s| s.returns_kind).unwrap_or(Kind::Unknown),
                },
                _ => Kind::Unknown,
            },
            _ => Kind::Unknown,
        }
    }

    fn expr(&mut self, e: &Expr) {
        let span = e.span;
        match &e.kind {
            ExprKind::Int(v) => {
                let val = if let Ok(i) = i32::try_from(*v) { Value::Int(i) } else { Value::Long(*v) };
                self.emit(Op::Push(val), span);
            }
            ExprKind::Long(v) => {
                self.emit(Op::Push(Value::Long(*v)), span);
            }
            ExprKind::Double(v) => {
                self.emit(Op::Push(Value::Double(*v)), span);
            }
            ExprKind::Char(c) => {
                self.emit(Op::Push(Value::Char(*c)), span);
            }
            ExprKind::Bool(b) => {
                self.emit(Op::Push(Value::Bool(*b)), span);
            }
            ExprKind::Null => {
                self.emit(Op::Push(Value::Null), span);
            }
            ExprKind::Str(parts) => self.string(parts, span),
            ExprKind::Name(id) => self.name(id),
            ExprKind::Super(_) => {
                self.error(span, "'super' is not an expression, it can only be used on the left-hand side of a dot ('.')");
                self.emit(Op::Push(Value::Unit), span);
            }
            // `this@label`: the nearest receiver the label names.
            ExprKind::LabelledThis(label) => {
                let named = self.receivers().into_iter().find(|(name, _)| self.receiver_labels.iter().any(|(n, l)| n == name && *l == label.name));
                match named {
                    Some((name, _)) => self.load_receiver(&name, span),
                    None => {
                        self.error(label.span, format!("unresolved label: no receiver here is labelled '{}'", label.name));
                        self.emit(Op::Push(Value::Unit), span);
                    }
                }
            }
            ExprKind::This => match self.receivers().first().cloned() {
                Some((name, _)) => self.load_receiver(&name, span),
                None => {
                    self.error(span, "'this' is not defined here: there is no receiver");
                    self.emit(Op::Push(Value::Unit), span);
                }
            },
            ExprKind::Unary { op, expr } => match op {
                UnaryOp::Neg => {
                    self.expr(expr);
                    self.emit(Op::Neg, span);
                }
                UnaryOp::Plus => self.expr(expr),
                UnaryOp::Not => {
                    self.expr(expr);
                    self.emit(Op::Not, span);
                }
                UnaryOp::Inc | UnaryOp::Dec => {
                    let b = if *op == UnaryOp::Inc { BinOp::Add } else { BinOp::Sub };
                    self.update(expr, span, |c| {
                        c.emit(Op::Push(Value::Int(1)), span);
                        c.emit(Op::Binary(b), span);
                    }, true, true);
                }
            },
            ExprKind::Postfix { op, expr } => {
                let b = if *op == UnaryOp::Inc { BinOp::Add } else { BinOp::Sub };
                // The old value is the result: keep a copy in a temporary.
                let tmp = self.new_slot("");
                self.update(expr, span, |c| {
                    c.emit(Op::Dup, span);
                    c.emit(Op::Store(tmp), span);
                    c.emit(Op::Push(Value::Int(1)), span);
                    c.emit(Op::Binary(b), span);
                }, true, false);
                self.emit(Op::Load(tmp), span);
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, span),
            ExprKind::Infix { name, lhs, rhs } => {
                let op = match name.name.as_str() {
                    "to" => Some(BinOp::Pair),
                    "until" => Some(BinOp::Until),
                    "downTo" => Some(BinOp::DownTo),
                    "step" => Some(BinOp::Step),
                    "and" => Some(BinOp::And),
                    "or" => Some(BinOp::Or),
                    "xor" => Some(BinOp::Xor),
                    "shl" => Some(BinOp::Shl),
                    "shr" => Some(BinOp::Shr),
                    "ushr" => Some(BinOp::Ushr),
                    _ => None,
                };
                match op {
                    Some(op) => {
                        self.expr(lhs);
                        self.expr(rhs);
                        self.emit(Op::Binary(op), span);
                    }
                    None => {
                        // `a foo b` is `a.foo(b)`.
                        let arg = Arg { name: None, spread: false, value: (**rhs).clone() };
                        self.method_call(lhs, name, &[arg], false, span);
                    }
                }
            }
            ExprKind::Is { expr, ty, negated } => {
                self.expr(expr);
                let t = self.type_test(ty);
                self.emit(Op::IsInstance(t), span);
                if *negated {
                    self.emit(Op::Not, span);
                }
            }
            ExprKind::As { expr, ty, safe } => {
                self.expr(expr);
                let t = self.type_test(ty);
                self.emit(Op::Cast { ty: t, safe: *safe }, span);
            }
            ExprKind::NotNull(inner) => {
                self.expr(inner);
                self.emit(Op::NotNull, span);
            }
            ExprKind::Member { receiver, name, safe } => self.member(receiver, name, *safe, span),
            ExprKind::ClassRef(inner) => self.class_ref(inner, span),
            ExprKind::CallableRef { receiver, name } => {
                let lambda = self.callable_ref_lambda(receiver.as_deref(), name, None, span);
                self.expr(&Expr { kind: ExprKind::Lambda(lambda), span });
            }
            ExprKind::Call { callee, type_args, args, trailing_lambda } => self.call(callee, type_args, args, *trailing_lambda, span),
            ExprKind::Index { receiver, index } => {
                self.expr(receiver);
                self.expr(index);
                self.emit(Op::GetIndex, span);
            }
            ExprKind::Lambda(l) => self.closure(l, false, SuspendCtx::Unknown, None, span),
            ExprKind::If { cond, then, els } => {
                self.expr(cond);
                let jf = self.emit(Op::JumpIfFalse(0), span);
                self.branch(then);
                let jend = self.emit(Op::Jump(0), span);
                let else_at = self.here();
                self.patch(jf, else_at);
                match els {
                    Some(e) => self.branch(e),
                    None => {
                        self.emit(Op::Push(Value::Unit), span);
                    }
                }
                let end = self.here();
                self.patch(jend, end);
            }
            ExprKind::When { subject, branches } => self.when(subject.as_deref(), branches, span),
            ExprKind::Try { body, catches, finally } => self.try_expr(body, catches, finally.as_ref(), span),
            ExprKind::Block(b) => self.block_value(b),
            ExprKind::Return { value, label } => self.return_expr(value.as_deref(), label.as_ref(), span),
            ExprKind::Throw(v) => {
                self.expr(v);
                self.emit(Op::Throw, span);
            }
            ExprKind::Break(label) | ExprKind::Continue(label) => {
                let is_break = matches!(e.kind, ExprKind::Break(_));
                let what = if is_break { "break" } else { "continue" };
                // The loop it leaves: the innermost, or the one its label names.
                let loops = self.fns.last().map(|f| f.loops.as_slice()).unwrap_or_default();
                let found = match label {
                    None => loops.len().checked_sub(1),
                    Some(l) => loops.iter().rposition(|lp| lp.label.as_deref() == Some(l.name.as_str())),
                };
                let Some(at) = found else {
                    match label {
                        Some(l) => self.error(l.span, format!("there is no loop labelled '{}' around this '{what}@{}'", l.name, l.name)),
                        None => self.error(span, format!("'{what}' is only allowed inside a loop")),
                    }
                    self.emit(Op::Push(Value::Unit), span);
                    return;
                };
                let (depth, inline_depth) = (loops[at].cleanup_depth, loops[at].inline_depth);
                // A loop inside an inlined lambda may be left; a lambda inside the loop may not
                // (Kotlin 2.2 allows it, the Kotlin of the conformance suite does not).
                if self.cur().inlines.len() > inline_depth {
                    self.error(span, "'break' and 'continue' cannot cross a lambda in Coroutine Lab");
                }
                self.emit_cleanups(depth, span);
                let j = self.emit(Op::Jump(0), span);
                let lp = &mut self.cur().loops[at];
                if is_break {
                    lp.breaks.push(j);
                } else {
                    lp.continues.push(j);
                }
                // An expression always leaves a value; this one is never reached.
                self.emit(Op::Push(Value::Unit), span);
            }
            ExprKind::Error => {
                self.emit(Op::Unreachable, span);
                self.emit(Op::Push(Value::Unit), span);
            }
        }
    }

    fn branch(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Block(b) => self.block_value(b),
            _ => self.expr(e),
        }
    }

    fn string(&mut self, parts: &[StrPart], span: Span) {
        if parts.is_empty() {
            self.emit(Op::Push(Value::str("")), span);
            return;
        }
        for p in parts {
            match p {
                StrPart::Text(t) => {
                    self.emit(Op::Push(Value::str(t)), span);
                }
                // Each value becomes its text on its own, so that a class's own toString()
                // runs (as a call) before the parts are joined.
                StrPart::Expr(e) => {
                    self.expr(e);
                    self.emit(Op::ToStr, e.span);
                }
            }
        }
        if parts.len() > 1 {
            self.emit(Op::Concat(parts.len() as u32), span);
        }
    }

    fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span) {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                self.expr(lhs);
                self.emit(Op::Dup, span);
                let j = self.emit(if op == BinaryOp::And { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) }, span);
                self.emit(Op::Pop, span);
                self.expr(rhs);
                let end = self.here();
                self.patch(j, end);
            }
            BinaryOp::Elvis => {
                self.expr(lhs);
                let j = self.emit(Op::JumpIfNotNull(0), span);
                self.emit(Op::Pop, span);
                self.expr(rhs);
                let end = self.here();
                self.patch(j, end);
            }
            _ => {
                self.expr(lhs);
                self.expr(rhs);
                // `x == null` is an identity test in Kotlin: a class's own equals() is not
                // called for it.
                let against_null = [lhs, rhs].iter().any(|e| matches!(e.kind, ExprKind::Null));
                let b = match op {
                    BinaryOp::Eq if against_null => BinOp::Same,
                    BinaryOp::NotEq if against_null => BinOp::NotSame,
                    BinaryOp::Eq => BinOp::Eq,
                    BinaryOp::NotEq => BinOp::NotEq,
                    BinaryOp::Same => BinOp::Same,
                    BinaryOp::NotSame => BinOp::NotSame,
                    BinaryOp::Lt => BinOp::Lt,
                    BinaryOp::Gt => BinOp::Gt,
                    BinaryOp::LtEq => BinOp::LtEq,
                    BinaryOp::GtEq => BinOp::GtEq,
                    BinaryOp::In | BinaryOp::NotIn => BinOp::In,
                    BinaryOp::Range => BinOp::RangeTo,
                    BinaryOp::RangeUntil => BinOp::Until,
                    BinaryOp::Add => BinOp::Add,
                    BinaryOp::Sub => BinOp::Sub,
                    BinaryOp::Mul => BinOp::Mul,
                    BinaryOp::Div => BinOp::Div,
                    BinaryOp::Rem => BinOp::Rem,
                    BinaryOp::And | BinaryOp::Or | BinaryOp::Elvis => unreachable!("handled above"),
                };
                self.emit(Op::Binary(b), span);
                if op == BinaryOp::NotIn {
                    self.emit(Op::Not, span);
                }
            }
        }
    }

    fn type_test(&mut self, ty: &TypeRef) -> TypeTest {
        let name = ty.simple_name();
        let base = if let Some(info) = self.classes.get(name) {
            TypeTest::Class(info.id)
        } else if name == "Any" {
            TypeTest::Any
        } else {
            const KNOWN: &[&str] = &[
                "Int", "Long", "Double", "Float", "Boolean", "String", "Char", "Number", "List", "MutableList", "Map", "MutableMap",
                "Set", "MutableSet", "Collection", "Iterable", "Pair", "Triple", "Job", "Deferred", "CompletableDeferred", "CoroutineScope",
                "CoroutineContext", "CoroutineDispatcher", "Unit", "Nothing", "Throwable", "Function0", "Function1", "Array",
                "IntArray", "Result", "Comparable", "CharSequence", "Short", "Byte", "Enum", "CoroutineExceptionHandler", "CoroutineName", "->",
            ];
            if !KNOWN.contains(&name) && ExcClass::from_name(name).is_none() {
                let mut d = Diagnostic::error(ty.span, format!("unknown type '{name}'"));
                if let Some(help) = self.nested_hint(name) {
                    d = d.with_help(help);
                }
                self.diags.push(d);
            }
            let s = self.sym(name);
            TypeTest::Builtin(s)
        };
        if ty.nullable {
            TypeTest::Nullable(Box::new(base))
        } else {
            base
        }
    }

    /// A `when` whose value is used (a variable's initial value, an expression body, a
    /// `return`) must be exhaustive, as kotlinc checks: an `else`, every entry of an enum, every
    /// subclass of a sealed class, or `true` and `false`. Without one it would give `Unit`.
    /// A `when` used as a statement is not checked: its subject's type is not known here.
    fn check_when_value(&mut self, e: &Expr) {
        let ExprKind::When { subject, branches } = &e.kind else { return };
        if branches.iter().any(|b| b.conditions.is_empty()) {
            return;
        }
        let keyword = Span::new(e.span.start as usize, (e.span.start as usize + 4).min(e.span.end as usize));
        let Some(subject) = subject.as_deref() else {
            self.error(keyword, "'when' expression must be exhaustive, add necessary 'else' branch");
            return;
        };
        let conditions: Vec<&WhenCondition> = branches.iter().flat_map(|b| &b.conditions).collect();
        // Enum entries: the enum check names the missing ones.
        if conditions.iter().any(|c| matches!(c, WhenCondition::Expr(x) if self.entry_named(x).is_some())) {
            self.check_enum_when(Some(subject), branches, e.span);
            return;
        }
        let is_bool = |c: &&WhenCondition, b: bool| matches!(c, WhenCondition::Expr(Expr { kind: ExprKind::Bool(v), .. }) if *v == b);
        if conditions.iter().any(|c| is_bool(c, true)) && conditions.iter().any(|c| is_bool(c, false)) {
            return;
        }
        // Sealed classes: `is B` branches and objects compared by name.
        let mut covered: Vec<String> = Vec::new();
        for c in &conditions {
            match c {
                WhenCondition::Is { ty, negated: false } => covered.push(ty.simple_name().to_string()),
                WhenCondition::Expr(Expr { kind: ExprKind::Name(id), .. }) if self.classes.get(&id.name).is_some_and(|c| c.is_object) => covered.push(id.name.clone()),
                _ => {}
            }
        }
        let sealed = covered.iter().find_map(|n| {
            let info = self.classes.get(n)?;
            std::iter::once(n).chain(&info.supers).find(|s| self.classes.get(s.as_str()).is_some_and(|c| c.kind == ClassKind::Sealed)).cloned()
        });
        let missing = match &sealed {
            Some(root) => {
                let mut missing = Vec::new();
                self.sealed_missing(root, &covered, &mut missing);
                missing
            }
            None => Vec::new(),
        };
        if sealed.is_some() && missing.is_empty() {
            return;
        }
        let message = if missing.is_empty() {
            "'when' expression must be exhaustive, add necessary 'else' branch".to_string()
        } else {
            let branch = if missing.len() == 1 { "branch" } else { "branches" };
            format!("'when' expression must be exhaustive, add necessary {} {branch} or 'else' branch instead", missing.join(", "))
        };
        self.error(keyword, message);
    }

    /// The subclasses of a sealed class that `covered` leaves out, as the branches to add
    /// (`'is B'`, or `'C'` for an object): a sealed subclass is covered by its own
    /// subclasses.
    fn sealed_missing(&self, class: &str, covered: &[String], out: &mut Vec<String>) {
        if covered.iter().any(|c| c == class) {
            return;
        }
        let Some(info) = self.classes.get(class) else { return };
        if info.kind != ClassKind::Sealed {
            // kotlinc names a nested class by its simple name.
            let simple = class.rsplit('$').next().unwrap_or_default();
            out.push(if info.is_object { format!("'{simple}'") } else { format!("'is {simple}'") });
            return;
        }
        // In the order they are declared, as kotlinc lists them.
        let mut direct: Vec<(ClassId, String)> = self
            .classes
            .iter()
            .filter(|(_, c)| c.superclass.as_deref() == Some(class) || c.interfaces.iter().any(|i| i == class))
            .map(|(n, c)| (c.id, n.clone()))
            .collect();
        direct.sort_by_key(|d| d.0 .0);
        for (_, d) in direct {
            self.sealed_missing(&d, covered, out);
        }
    }

    fn when(&mut self, subject: Option<&WhenSubject>, branches: &[WhenBranch], span: Span) {
        self.push_scope();
        let subj = subject.map(|s| {
            self.expr(&s.expr);
            let slot = self.new_slot(s.binding.as_ref().map(|b| b.name.as_str()).unwrap_or(""));
            let op = self.emit(Op::Store(slot), s.expr.span);
            if let Some(b) = &s.binding {
                self.declare_local(&b.name, slot, false, Some(op), Kind::Unknown, b.span);
            }
            slot
        });
        let mut ends = Vec::new();
        let mut has_else = false;
        for br in branches {
            if br.conditions.is_empty() {
                has_else = true;
                self.branch(&br.body);
                ends.push(self.emit(Op::Jump(0), br.span));
                break;
            }
            let mut to_body = Vec::new();
            for cond in &br.conditions {
                match (cond, subj) {
                    (WhenCondition::Expr(e), Some(s)) => {
                        self.load_slot(s, e.span);
                        self.expr(e);
                        // `null ->` tests identity, as `x == null` does.
                        let op = if matches!(e.kind, ExprKind::Null) { BinOp::Same } else { BinOp::Eq };
                        self.emit(Op::Binary(op), e.span);
                    }
                    (WhenCondition::Expr(e), None) => self.expr(e),
                    (WhenCondition::Is { ty, negated }, s) => {
                        match s {
                            Some(s) => self.load_slot(s, ty.span),
                            None => {
                                self.error(ty.span, "'is' conditions need a subject: `when (x) { is T -> … }`");
                                self.emit(Op::Push(Value::Unit), ty.span);
                            }
                        }
                        let t = self.type_test(ty);
                        self.emit(Op::IsInstance(t), ty.span);
                        if *negated {
                            self.emit(Op::Not, ty.span);
                        }
                    }
                    (WhenCondition::In { expr, negated }, s) => {
                        match s {
                            Some(s) => self.load_slot(s, expr.span),
                            None => {
                                self.error(expr.span, "'in' conditions need a subject: `when (x) { in 1..5 -> … }`");
                                self.emit(Op::Push(Value::Unit), expr.span);
                            }
                        }
                        self.expr(expr);
                        self.emit(Op::Binary(BinOp::In), expr.span);
                        if *negated {
                            self.emit(Op::Not, expr.span);
                        }
                    }
                }
                to_body.push(self.emit(Op::JumpIfTrue(0), br.span));
            }
            let skip = self.emit(Op::Jump(0), br.span);
            let body_at = self.here();
            for j in to_body {
                self.patch(j, body_at);
            }
            self.branch(&br.body);
            ends.push(self.emit(Op::Jump(0), br.span));
            let next = self.here();
            self.patch(skip, next);
        }
        if !has_else {
            self.emit(Op::Push(Value::Unit), span);
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        self.pop_scope();
    }

    fn try_expr(&mut self, body: &Block, catches: &[Catch], finally: Option<&Block>, span: Span) {
        let h1 = self.emit(Op::PushHandler(0), span);
        self.cur().cleanups.push(Cleanup::Try { has_handler: true, finally: finally.cloned() });
        self.block_value(body);
        self.cur().cleanups.pop();
        self.emit(Op::PopHandler, span);
        if let Some(f) = finally {
            self.block_stmts(f);
        }
        let mut ends = vec![self.emit(Op::Jump(0), span)];
        let h1_at = self.here();
        self.patch(h1, h1_at);
        let h2 = if finally.is_some() {
            let h = self.emit(Op::PushHandler(0), span);
            self.cur().cleanups.push(Cleanup::Try { has_handler: true, finally: finally.cloned() });
            Some(h)
        } else {
            None
        };
        for c in catches {
            self.emit(Op::Dup, c.span);
            let t = self.type_test(&c.ty);
            self.emit(Op::IsInstance(t), c.span);
            let next = self.emit(Op::JumpIfFalse(0), c.span);
            self.push_scope();
            let slot = self.new_slot(&c.name.name);
            let op = self.emit(Op::Store(slot), c.span);
            self.declare_local(&c.name.name, slot, false, Some(op), Kind::Unknown, c.name.span);
            self.block_value(&c.body);
            self.pop_scope();
            if let Some(f) = finally {
                self.emit(Op::PopHandler, span);
                self.block_stmts(f);
            }
            ends.push(self.emit(Op::Jump(0), c.span));
            let n = self.here();
            self.patch(next, n);
        }
        if h2.is_some() {
            self.cur().cleanups.pop();
        }
        // No catch clause matched: run finally and rethrow.
        if let Some(f) = finally {
            self.emit(Op::PopHandler, span);
            let t = self.temp(span);
            self.block_stmts(f);
            self.emit(Op::Load(t), span);
        }
        self.emit(Op::Throw, span);
        if let (Some(h2), Some(f)) = (h2, finally) {
            // A catch body threw: run finally and rethrow that exception.
            let h2_at = self.here();
            self.patch(h2, h2_at);
            let t = self.temp(span);
            self.block_stmts(f);
            self.emit(Op::Load(t), span);
            self.emit(Op::Throw, span);
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
    }

    /// Emits the cleanup of every region entered since `depth` (innermost first), for an
    /// early exit. The regions stay registered: only this path leaves them.
    fn emit_cleanups(&mut self, depth: usize, span: Span) {
        let all = self.cur().cleanups.clone();
        for i in (depth..all.len()).rev() {
            // While emitting region i's cleanup, only the regions outside it are active.
            let saved = std::mem::take(&mut self.cur().cleanups);
            self.cur().cleanups = saved[..i].to_vec();
            match &all[i] {
                Cleanup::Try { has_handler, finally } => {
                    if *has_handler {
                        self.emit(Op::PopHandler, span);
                    }
                    if let Some(f) = finally {
                        self.block_stmts(f);
                    }
                }
                Cleanup::Monitor => {
                    self.emit(Op::PopHandler, span);
                    self.emit(Op::MonitorExit, span);
                }
                Cleanup::Unlock(slot) => {
                    self.emit(Op::PopHandler, span);
                    self.emit(Op::Load(*slot), span);
                    let s = self.sym("unlock");
                    self.emit(Op::CallMethod { name: s, argc: 0, safe: false }, span);
                    self.emit(Op::Pop, span);
                }
                Cleanup::Release(slot) => {
                    self.emit(Op::PopHandler, span);
                    self.emit(Op::Load(*slot), span);
                    let s = self.sym("release");
                    self.emit(Op::CallMethod { name: s, argc: 0, safe: false }, span);
                    self.emit(Op::Pop, span);
                }
                Cleanup::HandlerOnly => {
                    self.emit(Op::PopHandler, span);
                }
                Cleanup::Consumed(slot) => {
                    self.emit(Op::PopHandler, span);
                    self.emit(Op::Load(*slot), span);
                    let s = self.sym(crate::channel::CONSUMED);
                    self.emit(Op::CallMethod { name: s, argc: 0, safe: false }, span);
                    self.emit(Op::Pop, span);
                }
            }
            self.cur().cleanups = saved;
        }
    }

    fn return_expr(&mut self, value: Option<&Expr>, label: Option<&Ident>, span: Span) {
        if let (Some(v), None, Some(t)) = (value, label, self.cur().return_type.clone()) {
            self.check_literal_type(v, &t);
        }
        if let (Some(v), None) = (value, label) {
            self.check_when_value(v);
        }
        match value {
            Some(v) => {
                let returns = if label.is_none() { self.cur().return_type.clone() } else { None };
                self.expr_typed(v, returns.as_ref());
            }
            None => {
                self.emit(Op::Push(Value::Unit), span);
            }
        }
        if let Some(label) = label {
            // `return@forEach` leaves an inlined lambda; `return@launch` a real one.
            let inline_idx = self.cur().inlines.iter().rposition(|i| i.label == label.name);
            if let Some(i) = inline_idx {
                let depth = self.cur().inlines[i].cleanup_depth;
                self.emit_cleanups(depth, span);
                let j = self.emit(Op::Jump(0), span);
                self.cur().inlines[i].exits.push(j);
                return;
            }
            if self.cur().label.as_deref() == Some(label.name.as_str()) {
                self.emit_cleanups(0, span);
                self.emit(Op::Return, span);
                return;
            }
            self.error(label.span, format!("there is no lambda labelled '{}' around this return", label.name));
            return;
        }
        if self.cur().is_lambda {
            let hint = self.cur().label.clone().map(|l| format!("use `return@{l}` to leave the lambda")).unwrap_or_else(|| "a lambda's value is its last expression".into());
            let message = if self.cur().passed_to_inline {
                "a 'return' out of a lambda passed to an inline function is not supported in Coroutine Lab"
            } else {
                "'return' is not allowed here: it would return from the function around this lambda"
            };
            self.error_help(span, message, hint);
            return;
        }
        self.emit_cleanups(0, span);
        self.emit(Op::Return, span);
    }

    // ----- Names and members -----

    fn name(&mut self, id: &Ident) {
        let span = id.span;
        let name = id.name.as_str();
        if let Some(r) = self.find_var(name) {
            self.load_ref(&r, span);
            return;
        }
        // Members of implicit receivers.
        for (recv, kind) in self.receivers() {
            match kind {
                RecvKind::Class(c) => {
                    let s = self.sym(name);
                    let class = &self.program.classes[c.0 as usize];
                    // An exception class's own code reads the properties it inherits
                    // (`message`, `cause`, …) without `this.`.
                    let inherited = class.exception_base.is_some() && matches!(name, "message" | "cause" | "localizedMessage" | "stackTrace" | "suppressed");
                    let cname = class.name.clone();
                    // A class that implements CoroutineScope reads `isActive` of its own context.
                    let scope_member = class.is_scope && name == "isActive";
                    if class.fields.contains(&s) || class.getters.contains(&s) || inherited || scope_member || self.is_abstract_property(&cname, name) {
                        self.load_receiver(&recv, span);
                        self.emit(Op::GetField { name: s, safe: false }, span);
                        return;
                    }
                }
                RecvKind::Scope | RecvKind::Producer => {
                    if name == "coroutineContext" || name == "isActive" || kind == RecvKind::Producer && matches!(name, "channel" | "isClosedForSend") {
                        self.load_receiver(&recv, span);
                        let s = self.sym(name);
                        self.emit(Op::GetField { name: s, safe: false }, span);
                        return;
                    }
                }
                RecvKind::Dynamic => {}
            }
        }
        // Inside a class, its companion's properties without `Companion.`, before top-level ones.
        for c in self.companions_here() {
            let s = self.sym(name);
            if self.program.classes[c.id.0 as usize].fields.contains(&s) || self.program.classes[c.id.0 as usize].getters.contains(&s) {
                self.emit(Op::LoadObject(c.id), span);
                self.emit(Op::GetField { name: s, safe: false }, span);
                return;
            }
        }
        if self.enum_entry_by_name(name, span) {
            return;
        }
        if self.load_top_level(name, span) {
            return;
        }
        if let Some(object) = self.object_named(name) {
            self.emit(Op::LoadObject(object.id), span);
            return;
        }
        match name {
            "coroutineContext" => {
                self.check_suspend_allowed(span, "coroutineContext");
                self.emit(Op::CallBuiltin { builtin: Builtin::CurrentContext, argc: 0 }, span);
                return;
            }
            "Unit" => {
                self.emit(Op::Push(Value::Unit), span);
                return;
            }
            _ => {}
        }
        if let Some(k) = builtins::key_for_name(name) {
            self.emit(Op::PushConst(k), span);
            return;
        }
        match builtins::resolve_name(name) {
            Some(Resolved::Const(c)) => {
                self.check_imported(name, span);
                self.emit(Op::PushConst(c), span);
                return;
            }
            Some(Resolved::Namespace(Namespace::Random)) => {
                self.emit(Op::PushConst(Const::RandomDefault), span);
                return;
            }
            _ => {}
        }
        // An extension property of the implicit receiver: `label` is `this.label`.
        if self.extension_properties.iter().any(|p| p == name) && !self.receivers().is_empty() {
            let this = Expr { kind: ExprKind::This, span };
            self.method_call(&this, &Ident { name: name.to_string(), span }, &[], false, span);
            return;
        }
        // `apply`/`with`/`run` receivers resolve the rest at run time.
        if let Some((recv, _)) = self.receivers().into_iter().find(|(_, k)| *k == RecvKind::Dynamic) {
            self.load_receiver(&recv, span);
            let s = self.sym(name);
            self.emit(Op::GetField { name: s, safe: false }, span);
            return;
        }
        if name == "isActive" {
            self.error_help(span, "unresolved reference 'isActive': there is no CoroutineScope here", "use `coroutineContext.isActive` inside a suspend function");
        } else {
            self.unresolved(span, name);
        }
        self.emit(Op::Push(Value::Unit), span);
    }

    /// Reports an unknown name with a suggestion.
    fn unresolved(&mut self, span: Span, name: &str) {
        let mut candidates: Vec<String> = Vec::new();
        for f in self.fns.iter() {
            for s in &f.scopes {
                candidates.extend(s.iter().filter(|v| !v.name.starts_with("this#") && !v.name.is_empty()).map(|v| v.name.clone()));
            }
            candidates.extend(f.captures.iter().filter(|c| !c.name.starts_with("this#")).map(|c| c.name.clone()));
        }
        candidates.extend(self.functions.keys().cloned());
        candidates.extend(self.extensions.keys().cloned());
        candidates.extend(self.globals.keys().cloned());
        candidates.extend(self.classes.keys().cloned());
        candidates.extend(builtins::GLOBAL_NAMES.iter().map(|s| s.to_string()));
        let refs: Vec<&str> = candidates.iter().map(|s| s.as_str()).collect();
        let mut d = Diagnostic::error(span, format!("unresolved reference '{name}'"));
        if let Some(help) = self.enum_entry_hint(name).or_else(|| self.nested_hint(name)) {
            d = d.with_help(help);
        } else if let Some(s) = crate::lang::suggest::did_you_mean(name, refs.iter().copied()) {
            d = d.with_help(format!("did you mean '{s}'?"));
        }
        if matches!(name, "launch" | "async") {
            d = Diagnostic::error(span, format!("unresolved reference '{name}': {name} needs a CoroutineScope"))
                .with_help(format!("call it inside runBlocking {{ }} or coroutineScope {{ }}, or on a scope: `scope.{name} {{ }}`"));
        }
        self.diags.push(d);
    }

    /// The help for a name that is the simple name of a nested class, used outside the class
    /// it is declared in, or a member of the class around the nested class being compiled.
    fn nested_hint(&self, name: &str) -> Option<String> {
        let suffix = format!("${name}");
        if let Some(class) = self.classes.keys().find(|k| k.ends_with(&suffix)) {
            return Some(format!("a nested class is named with the class it is declared in: `{class}`"));
        }
        let here = self.current_class.as_deref()?;
        let (outer, _) = here.rsplit_once('$')?;
        let info = self.classes.get(outer).filter(|c| !c.is_object)?;
        let member = info.fields.iter().any(|(f, _)| f == name) || info.methods.get(name).is_some();
        member.then(|| format!("'{name}' belongs to an instance of {}, which a nested class does not have (inner classes are not supported in Coroutine Lab); pass what it needs to its constructor", outer))
    }

    fn member(&mut self, receiver: &Expr, name: &Ident, safe: bool, span: Span) {
        if let ExprKind::CallableRef { receiver: r, name: prop } = &receiver.kind {
            if name.name == "isInitialized" {
                self.is_initialized(r.as_deref(), prop, name.span, span);
                return;
            }
        }
        if let ExprKind::Super(q) = &receiver.kind {
            self.super_property(q.as_ref(), receiver.span, name, span);
            return;
        }
        // `Config.Companion`: a class's companion by its name.
        if let ExprKind::Name(class) = &receiver.kind {
            let companion = self.classes.get(&class.name).and_then(|c| c.companion.clone());
            let object = companion.filter(|c| c.strip_prefix(class.name.as_str()).and_then(|r| r.strip_prefix('$')) == Some(name.name.as_str()));
            if let Some(id) = object.and_then(|o| self.classes.get(&o)).map(|o| o.id) {
                self.emit(Op::LoadObject(id), span);
                return;
            }
        }
        if self.enum_member(receiver, name, span) || self.class_member_unresolved(receiver, name, span) {
            return;
        }
        // Namespace members: `Dispatchers.IO`, `Long.MAX_VALUE`, `CoroutineStart.LAZY`.
        if let ExprKind::Name(ns_id) = &receiver.kind {
            if self.is_shadowed(&ns_id.name).is_none() {
                if let Some(Resolved::Namespace(ns)) = builtins::resolve_name(&ns_id.name) {
                    self.check_imported(&ns_id.name, ns_id.span);
                    if ns == Namespace::Dispatchers && name.name == "Main" && !self.main_warned {
                        self.main_warned = true;
                        self.diags.push(
                            Diagnostic::warning(span, "Dispatchers.Main runs here on the thread of runBlocking, as Android's main thread would; a plain JVM has no Main dispatcher and throws IllegalStateException (\"Module with the Main dispatcher is missing\")")
                                .with_help("on Android, kotlinx-coroutines-android provides it; in a server, use Dispatchers.Default or IO"),
                        );
                    }
                    match builtins::resolve_member(ns, &name.name) {
                        Some(Resolved::Const(c)) => {
                            self.emit(Op::PushConst(c), span);
                        }
                        Some(Resolved::Int(v)) => {
                            self.emit(Op::Push(Value::Int(v as i32)), span);
                        }
                        Some(Resolved::Long(v)) => {
                            self.emit(Op::Push(Value::Long(v)), span);
                        }
                        Some(Resolved::Double(v)) => {
                            self.emit(Op::Push(Value::Double(v)), span);
                        }
                        Some(Resolved::Fn(_)) => {
                            self.error(name.span, format!("'{}.{}' is a function: call it with ()", ns_id.name, name.name));
                            self.emit(Op::Push(Value::Unit), span);
                        }
                        Some(Resolved::Namespace(_)) | None => {
                            self.unknown_member(ns, ns_id, name);
                            self.emit(Op::Push(Value::Unit), span);
                        }
                    }
                    return;
                }
            }
        }
        // `Config.LIMIT`, a `const val` of an object or a companion: its value, without
        // initializing the object.
        if let ExprKind::Name(object) = &receiver.kind {
            if !self.is_value(&object.name) {
                let class = self.classes.get(&object.name);
                let holder = if class.is_some_and(|c| c.is_object) { Some(object.name.clone()) } else { class.and_then(|c| c.companion.clone()) };
                if let Some(v) = holder.and_then(|h| self.const_vals.get(&(h, name.name.clone()))).cloned() {
                    self.emit(Op::Push(v), span);
                    return;
                }
            }
        }
        // `text.initial`, an extension property: a call of its getter. A class's own
        // property of that name keeps it (members win over extensions).
        if self.extension_properties.contains(&name.name) && !self.user_property_named(&name.name) {
            self.method_call(receiver, name, &[], safe, span);
            return;
        }
        self.expr(receiver);
        self.check_member_name(&name.name, name.span, receiver);
        self.check_property_read(&name.name, name.span);
        let s = self.sym(&name.name);
        self.emit(Op::GetField { name: s, safe }, span);
    }

    /// `Outer.name` where `Outer` is a class of the program with no companion (nor an
    /// object or enum class) and `name` no class nested in it: kotlinc reports the name.
    /// Returns whether it was reported.
    fn class_member_unresolved(&mut self, receiver: &Expr, name: &Ident, span: Span) -> bool {
        let ExprKind::Name(class) = &receiver.kind else { return false };
        if !self.classes.contains_key(&class.name) || self.object_named(&class.name).is_some() || self.enums.contains_key(&class.name) || self.is_value(&class.name) {
            return false;
        }
        let prefix = format!("{}$", class.name);
        let nested: Vec<&str> = self.classes.keys().filter_map(|k| k.strip_prefix(prefix.as_str())).filter(|k| !k.contains('$')).collect();
        let mut d = Diagnostic::error(name.span, format!("unresolved reference '{}'", name.name));
        if let Some(s) = crate::lang::suggest::did_you_mean(&name.name, nested.iter().copied()) {
            d = d.with_help(format!("did you mean '{}.{s}'?", class.name));
        }
        self.diags.push(d);
        self.emit(Op::Push(Value::Unit), span);
        true
    }

    /// Whether a name is a variable or a top-level property, which hides a class's name.
    fn is_value(&mut self, name: &str) -> bool {
        self.find_var(name).is_some() || self.globals.contains_key(name)
    }

    /// A built-in function read as a property (`threadLocal.set`) is a mistake kotlinc
    /// reports; running it would call the function with its arguments missing.
    fn check_property_read(&mut self, name: &str, span: Span) {
        if !builtins::CALL_ONLY_METHODS.contains(&name) {
            return;
        }
        if !self.user_property_named(name) {
            self.error_help(span, format!("function invocation '{name}(...)' expected"), format!("call it: `{name}(…)`"));
        }
    }

    /// Whether a class of the program has a property of this name: a field, a getter, or an
    /// abstract one.
    fn user_property_named(&self, name: &str) -> bool {
        self.program.classes.iter().any(|c| c.fields.iter().chain(&c.getters).any(|f| self.program.sym(*f) == name))
            || self.classes.values().any(|c| c.members.iter().any(|m| !m.is_fun && m.name == name))
    }

    /// An expression whose type is declared: a callable reference where a function type is
    /// expected takes as many parameters as that type (`val f: (Int, Int) -> Int = Int::plus`).
    fn expr_typed(&mut self, e: &Expr, ty: Option<&TypeRef>) {
        // An Int expression where a Long is expected (`val total: Long = 0`, an argument, a
        // default, a returned value) is a Long, as kotlinc types the literal: later arithmetic
        // on it must not wrap at 32 bits.
        if ty.is_some_and(|t| t.name == "Long") && inferred_type(e, &[], 0) == Some("Int") {
            match &e.kind {
                ExprKind::Int(v) => {
                    self.emit(Op::Push(Value::Long(*v)), e.span);
                }
                _ => {
                    self.expr(e);
                    let s = self.sym("toLong");
                    self.emit(Op::CallMethod { name: s, argc: 0, safe: false }, e.span);
                }
            }
            return;
        }
        if let (ExprKind::CallableRef { receiver, name }, Some(t)) = (&e.kind, ty) {
            if t.name == "->" {
                let arity = t.args.len().saturating_sub(1) + usize::from(t.receiver.is_some());
                let lambda = self.callable_ref_lambda(receiver.as_deref(), name, Some(arity), e.span);
                self.expr(&Expr { kind: ExprKind::Lambda(lambda), span: e.span });
                return;
            }
        }
        self.expr(e)
    }

    /// The lambda a callable reference stands for: `::f` is `{ a, b -> f(a, b) }`, a bound
    /// `x::f` is `{ a -> x.f(a) }`, `Type::f` is `{ t, a -> t.f(a) }`, and a property is read
    /// instead of called (`String::length` is `{ t -> t.length }`). `arity` is how many
    /// parameters the function it is passed to gives it; otherwise the referenced function's
    /// own count.
    pub(super) fn callable_ref_lambda(&mut self, receiver: Option<&Expr>, name: &Ident, arity: Option<usize>, span: Span) -> Lambda {
        // A name before `::` that is no value is a type: its member is called on the first
        // parameter.
        let type_name = match receiver.map(|r| &r.kind) {
            Some(ExprKind::Name(id)) if !self.is_value_name(&id.name) => Some(id.name.as_str()),
            _ => None,
        };
        let method_params = receiver.and_then(|_| self.classes.values().find_map(|c| c.methods.get(&name.name))).map(|sig| sig.params.len());
        let arity = arity.unwrap_or_else(|| match (receiver, type_name) {
            (None, _) => self.functions.get(&name.name).and_then(|f| f.first()).map_or(1, |f| f.params.len()),
            (Some(_), Some(t)) => {
                1 + match self.classes.get(t) {
                    Some(c) => c.methods.get(&name.name).map(|sig| sig.params.len()).unwrap_or(0),
                    None => usize::from(BUILTIN_BINARY_MEMBERS.contains(&name.name.as_str())),
                }
            }
            (Some(_), None) => method_params.unwrap_or_else(|| usize::from(BUILTIN_BINARY_MEMBERS.contains(&name.name.as_str()) && !self.user_property_named(&name.name))),
        });
        let param = |i: usize| Expr { kind: ExprKind::Name(synthetic_param(i, span)), span };
        let (target, first_arg) = match (receiver, type_name) {
            (None, _) => (None, 0),
            (Some(_), Some(_)) => (Some(param(0)), 1),
            (Some(r), None) => (Some(r.clone()), 0),
        };
        let is_property = match type_name {
            Some(t) => match self.classes.get(t) {
                Some(c) => c.members.iter().any(|m| !m.is_fun && m.name == name.name),
                None => BUILTIN_PROPERTIES.contains(&name.name.as_str()) || (matches!(t, "Pair" | "Triple") && matches!(name.name.as_str(), "first" | "second" | "third")),
            },
            None => target.is_some() && self.user_property_named(&name.name) && method_params.is_none(),
        };
        let body = match target {
            Some(t) if is_property && arity == first_arg => Expr { kind: ExprKind::Member { receiver: Box::new(t), name: name.clone(), safe: false }, span },
            target => {
                let callee = match target {
                    Some(t) => Expr { kind: ExprKind::Member { receiver: Box::new(t), name: name.clone(), safe: false }, span },
                    None => Expr { kind: ExprKind::Name(name.clone()), span: name.span },
                };
                let args = (first_arg..arity.max(first_arg)).map(|i| Arg { name: None, spread: false, value: param(i) }).collect();
                Expr { kind: ExprKind::Call { callee: Box::new(callee), type_args: Vec::new(), args, trailing_lambda: false }, span }
            }
        };
        synthetic_lambda(arity, body)
    }

    /// `::x.isInitialized`, `this::x.isInitialized`: whether a `lateinit` property was set.
    /// As kotlinc, only for a `lateinit` property whose backing field is in reach: a top-level
    /// one, or one the enclosing class (or a class it is nested in) declares.
    #[inline(never)]
    fn is_initialized(&mut self, receiver: Option<&Expr>, prop: &Ident, at: Span, span: Span) {
        let not_lateinit = "this declaration can only be called on a reference to a lateinit property";
        let class = self.current_class.clone();
        let own = class.as_deref().and_then(|c| self.classes.get(c)).and_then(|c| c.members.iter().find(|m| !m.is_fun && m.name == prop.name)).cloned();
        let member = match receiver {
            // `x::p`: the property of that name, the enclosing class's first.
            Some(_) => own.or_else(|| self.classes.values().flat_map(|c| c.own.iter()).find(|m| !m.is_fun && m.name == prop.name).cloned()),
            None if self.find_var(&prop.name).is_some() => {
                self.error(prop.span, "unsupported [References to variables aren't supported yet]");
                self.emit(Op::Push(Value::Bool(false)), span);
                return;
            }
            None => own,
        };
        if let Some(m) = member {
            if !m.is_lateinit {
                self.error(at, not_lateinit);
            } else if !class.as_deref().is_some_and(|c| c == m.owner || c.strip_prefix(m.owner.as_str()).is_some_and(|r| r.starts_with('$'))) {
                self.error(at, format!("backing field of '{}' is not accessible at this point", m.signature.trim_start_matches("public ")));
            }
            let this = Expr { kind: ExprKind::This, span: prop.span };
            self.expr(receiver.unwrap_or(&this));
            let s = self.sym(&prop.name);
            self.emit(Op::FieldInitialized(s), span);
            return;
        }
        match self.globals.get(&prop.name).copied().filter(|_| receiver.is_none()) {
            // A top-level property without an initializer is `lateinit`.
            Some(g) if self.program.globals[g as usize].init.is_none() => {
                self.emit(Op::GlobalInitialized(g), span);
            }
            Some(_) => {
                self.error(at, not_lateinit);
                self.emit(Op::Push(Value::Bool(false)), span);
            }
            None => {
                self.error(prop.span, format!("unresolved reference '{}'", prop.name));
                self.emit(Op::Push(Value::Bool(false)), span);
            }
        }
    }

    /// Whether a name is a value here (a local, a top-level property or an object), rather
    /// than only a type.
    fn is_value_name(&mut self, name: &str) -> bool {
        self.find_var(name).is_some() || self.globals.contains_key(name) || self.classes.get(name).is_some_and(|c| c.is_object)
    }

    /// `x::class`. A name that is no value but a type (`IllegalStateException::class`,
    /// `Foo::class` for a class) is a class literal; anything else is evaluated and its
    /// runtime class taken, as Kotlin's bound class references do.
    #[inline(never)]
    fn class_ref(&mut self, inner: &Expr, span: Span) {
        if let ExprKind::Name(id) = &inner.kind {
            if !self.is_value_name(&id.name) {
                let java: Option<String> = match self.classes.get(&id.name) {
                    Some(_) => Some(id.name.clone()),
                    None => match id.name.as_str() {
                        "String" => Some("java.lang.String".into()),
                        "Int" => Some("int".into()),
                        "Long" => Some("long".into()),
                        "Double" => Some("double".into()),
                        "Boolean" => Some("boolean".into()),
                        "Char" => Some("char".into()),
                        "Any" => Some("java.lang.Object".into()),
                        name => crate::exception::ExcClass::from_name(name).filter(|c| c.simple_name() == name).map(|c| c.qualified_name().to_string()),
                    },
                };
                match java {
                    Some(java) => {
                        // The runtime builds the class object from its JVM name.
                        self.emit(Op::Push(Value::str(&java)), span);
                        let s = self.sym("<class literal>");
                        self.emit(Op::GetField { name: s, safe: false }, span);
                    }
                    None => {
                        self.error(id.span, format!("unresolved reference '{}': `::class` needs a value or a class Coroutine Lab knows", id.name));
                        self.emit(Op::Push(Value::Unit), span);
                    }
                }
                return;
            }
        }
        self.expr(inner);
        let s = self.sym("<class>");
        self.emit(Op::GetField { name: s, safe: false }, span);
    }

    fn unknown_member(&mut self, ns: Namespace, ns_id: &Ident, name: &Ident) {
        let members = builtins::namespace_members(ns);
        let mut d = Diagnostic::error(name.span, format!("unresolved reference '{}.{}'", ns_id.name, name.name));
        if let Some(s) = crate::lang::suggest::did_you_mean(&name.name, members.iter().copied()) {
            d = d.with_help(format!("did you mean '{}.{s}'?", ns_id.name));
        } else if !members.is_empty() {
            d = d.with_help(format!("{} has: {}", ns_id.name, members.join(", ")));
        }
        self.diags.push(d);
    }

    /// What a name means when it is declared by the program (shadowing built-ins).
    fn is_shadowed(&mut self, name: &str) -> Option<()> {
        if self.lookup_local(name).is_some() || self.globals.contains_key(name) || self.classes.contains_key(name) || self.functions.contains_key(name) {
            return Some(());
        }
        if self.fns.iter().any(|f| f.scopes.iter().flatten().any(|v| v.name == name) || f.captures.iter().any(|c| c.name == name)) {
            return Some(());
        }
        None
    }

    /// Checks that a member name exists on some type, and that `await` is not called on a
    /// value known to be a Job.
    fn check_member_name(&mut self, name: &str, span: Span, receiver: &Expr) {
        if name == "await" {
            if let ExprKind::Name(id) = &receiver.kind {
                let kind = match self.find_var(&id.name) {
                    Some(VarRef::Local(v)) => v.kind,
                    Some(VarRef::Capture { kind, .. }) => kind,
                    None => Kind::Unknown,
                };
                if kind == Kind::Job {
                    self.error_help(
                        span,
                        format!("unresolved reference 'await': '{}' is a Job, which carries no result", id.name),
                        "start it with async { } to get a Deferred you can await, or call join() to wait for it",
                    );
                    return;
                }
            }
        }
        // `invoke` is what every function value has (and a class's own operator).
        if builtins::METHOD_NAMES.contains(&name) || self.user_methods.contains_key(name) || self.extensions.contains_key(name) || matches!(name, "<super>" | "invoke") {
            return;
        }
        if name == "toFloat" {
            self.error_help(span, "Float values are not supported in Coroutine Lab", "use toDouble()");
            return;
        }
        let fields_known = self.user_property_named(name) || self.classes.values().any(|c| c.members.iter().any(|m| m.name == name));
        if fields_known {
            return;
        }
        let mut candidates: Vec<&str> = builtins::METHOD_NAMES.to_vec();
        let user: Vec<String> = self.user_methods.keys().cloned().collect();
        candidates.extend(user.iter().map(|s| s.as_str()));
        let mut d = Diagnostic::error(span, format!("unresolved reference '{name}'"));
        if let Some(s) = crate::lang::suggest::did_you_mean(name, candidates.iter().copied()) {
            d = d.with_help(format!("did you mean '{s}'?"));
        }
        self.diags.push(d);
    }

    fn check_suspend_allowed(&mut self, span: Span, what: &str) {
        let Some(f) = self.fns.last() else { return };
        if f.in_monitor > 0 {
            self.error_help(
                span,
                format!("the '{what}' suspension point is inside a critical section"),
                "a coroutine cannot suspend while it holds a synchronized lock; use a Mutex and withLock { } instead",
            );
            return;
        }
        if f.suspend == SuspendCtx::Plain {
            let fname = self.program.func(f.func).name.clone();
            self.error_help(
                span,
                format!("suspend function '{what}' should be called only from a coroutine or another suspend function"),
                if fname.starts_with('<') { "call it inside runBlocking { } or launch { }".to_string() } else { format!("mark '{fname}' with `suspend`, or call it inside runBlocking {{ }} or launch {{ }}") },
            );
        }
    }

    // ----- Calls -----

    fn call(&mut self, callee: &Expr, type_args: &[TypeRef], args: &[Arg], trailing: bool, span: Span) {
        let _ = trailing;
        if self.enum_generic_call(callee, type_args, args, span) {
            return;
        }
        // `(g.greet)("x")`: a parenthesized name is a value, whose `invoke` is called, even
        // where a function of the name exists. (The parser keeps no parentheses; the
        // callee's span reaches past the name.)
        let parenthesized = match &callee.kind {
            ExprKind::Name(id) => callee.span.end > id.span.end,
            ExprKind::Member { name, .. } => callee.span.end > name.span.end,
            _ => false,
        };
        match &callee.kind {
            _ if parenthesized => {
                self.expr(callee);
                for a in args {
                    self.arg_value(a, SuspendCtx::Unknown);
                }
                self.emit(Op::CallValue { argc: args.len() as u32 }, span);
            }
            ExprKind::Name(id) => self.name_call(id, args, span),
            // `xs.filterIsInstance<T>()` is `xs.filter { it is T }`.
            ExprKind::Member { receiver, name, safe } if name.name == "filterIsInstance" && type_args.len() == 1 && args.is_empty() => {
                let it = Expr { kind: ExprKind::Name(synthetic_param(0, span)), span };
                let test = ExprKind::Is { expr: Box::new(it), ty: type_args[0].clone(), negated: false };
                let lambda = synthetic_lambda(1, Expr { kind: test, span });
                let filter = Ident { name: "filter".into(), span: name.span };
                let arg = Arg { name: None, spread: false, value: Expr { kind: ExprKind::Lambda(lambda), span } };
                self.method_call(receiver, &filter, &[arg], *safe, span);
            }
            ExprKind::Member { receiver, name, safe } => self.method_call(receiver, name, args, *safe, span),
            _ => {
                self.expr(callee);
                for a in args {
                    self.arg_value(a, SuspendCtx::Unknown);
                }
                self.emit(Op::CallValue { argc: args.len() as u32 }, span);
            }
        }
    }

    /// Compiles an argument; a lambda becomes a closure.
    fn arg_value(&mut self, a: &Arg, suspend: SuspendCtx) {
        if a.spread {
            self.error(a.value.span, "the spread operator '*' is not supported in Coroutine Lab");
        }
        match &a.value.kind {
            ExprKind::Lambda(l) => self.closure(l, false, suspend, None, a.value.span),
            _ => self.expr(&a.value),
        }
    }

    fn name_call(&mut self, id: &Ident, args: &[Arg], span: Span) {
        let name = id.name.as_str();
        // What kotlinc reports of the first property of the name whose value cannot be
        // called so, when no later candidate fits either.
        let mut inapplicable: Option<Vec<Diagnostic>> = None;
        // A local holding a function.
        if let Some(r) = self.find_var(name) {
            self.load_ref(&r, id.span);
            for a in args {
                self.arg_value(a, SuspendCtx::Unknown);
            }
            self.emit(Op::CallValue { argc: args.len() as u32 }, span);
            return;
        }
        // Members of implicit receivers: class methods, and `launch`/`async` on scopes.
        let receivers = self.receivers();
        for (at, (recv, kind)) in receivers.iter().cloned().enumerate() {
            match kind {
                RecvKind::Class(c) => {
                    let cname = self.program.classes[c.0 as usize].name.clone();
                    // The name's symbol, if it has one yet: a field or getter of that name has.
                    let s = self.syms.get(name).copied();
                    // A property computed by a getter is no function, though its getter is
                    // kept among the methods.
                    let getter = s.is_some_and(|s| self.program.classes[c.0 as usize].getters.contains(&s)) && !self.classes.get(&cname).is_some_and(|ci| invoke::has_fun(ci, name));
                    if let Some(sig) = self.classes.get(&cname).and_then(|ci| ci.methods.get(name)).filter(|_| !getter).cloned() {
                        self.load_receiver(&recv, id.span);
                        self.user_call_args(&sig, args, id, span);
                        if sig.is_suspend {
                            self.check_suspend_allowed(id.span, name);
                        }
                        // An open method that a subclass overrides, or an abstract one, is
                        // found on the receiver's runtime class.
                        if self.dispatches(&cname, name) {
                            let s = self.sym(name);
                            self.emit(Op::CallMethod { name: s, argc: sig.params.len() as u32, safe: false }, span);
                        } else {
                            let argc = sig.params.len() as u32 + 1;
                            self.emit(Op::Call { func: sig.func, argc }, span);
                        }
                        return;
                    }
                    // `launch`, `async`, … in a class that implements CoroutineScope: `this.launch`.
                    if self.program.classes[c.0 as usize].is_scope && SCOPE_MEMBERS.contains(&name) && !self.functions.contains_key(name) {
                        self.scope_member_call(&recv, id, args, span);
                        return;
                    }
                    // What every value has, on `this`: the class's own or the built-in one.
                    if matches!((name, args.len()), ("toString" | "hashCode", 0) | ("equals", 1)) {
                        self.load_receiver(&recv, id.span);
                        for a in args {
                            self.arg_value(a, SuspendCtx::Unknown);
                        }
                        let s = self.sym(name);
                        self.emit(Op::CallMethod { name: s, argc: args.len() as u32, safe: false }, span);
                        return;
                    }
                    // A property holding a function: `onEvent(x)` is `this.onEvent.invoke(x)`.
                    let class = &self.program.classes[c.0 as usize];
                    let stored = s.is_some_and(|s| class.fields.contains(&s) || class.getters.contains(&s));
                    if stored || self.is_abstract_property(&cname, name) {
                        let ty = self.classes.get(&cname).and_then(|ci| invoke::property_type(ci, name)).flatten();
                        match self.invoke_property(id, ty.as_ref(), args, span, |c| {
                            c.load_receiver(&recv, id.span);
                            let s = c.sym(name);
                            c.emit(Op::GetField { name: s, safe: false }, id.span);
                        }) {
                            Ok(()) => return,
                            Err(errors) => {
                                inapplicable.get_or_insert(errors);
                            }
                        }
                    }
                }
                RecvKind::Scope | RecvKind::Producer => {
                    let member = SCOPE_MEMBERS.contains(&name) || kind == RecvKind::Producer && PRODUCER_MEMBERS.contains(&name);
                    if member && !self.functions.contains_key(name) {
                        self.scope_member_call(&recv, id, args, span);
                        return;
                    }
                }
                // `with(scope) { launch { } }`, `scope.run { }`, `scope.apply { }`: the
                // receiver of the block is the nearest, so `launch` starts a child of `scope`
                // when it is a CoroutineScope (a Job's `cancel()` cancels the Job). Its type is
                // known only at run time; when it is neither, the next receiver that is a
                // scope serves, as Kotlin would resolve it.
                RecvKind::Dynamic if matches!(name, "launch" | "async" | "produce" | "cancel") && !self.functions.contains_key(name) => {
                    let outer = receivers[at + 1..].iter().find(|(_, k)| match k {
                        RecvKind::Scope | RecvKind::Producer => true,
                        RecvKind::Class(c) => self.program.classes[c.0 as usize].is_scope,
                        RecvKind::Dynamic => false,
                    });
                    let Some((outer, _)) = outer.cloned() else { continue };
                    self.load_receiver(&recv, id.span);
                    self.emit(Op::Dup, span);
                    let scope = self.sym("CoroutineScope");
                    self.emit(Op::IsInstance(TypeTest::Builtin(scope)), span);
                    let mut chosen = vec![self.emit(Op::JumpIfTrue(0), span)];
                    if name == "cancel" {
                        self.emit(Op::Dup, span);
                        let job = self.sym("Job");
                        self.emit(Op::IsInstance(TypeTest::Builtin(job)), span);
                        chosen.push(self.emit(Op::JumpIfTrue(0), span));
                    }
                    self.emit(Op::Pop, span);
                    self.load_receiver(&outer, id.span);
                    let end = self.here();
                    for j in chosen {
                        self.patch(j, end);
                    }
                    self.scope_member_call_on_stack(id, args, span);
                    return;
                }
                RecvKind::Dynamic => {}
            }
        }
        for c in self.companions_here() {
            let s = self.syms.get(name).copied();
            let class = &self.program.classes[c.id.0 as usize];
            let getter = s.is_some_and(|s| class.getters.contains(&s)) && !invoke::has_fun(&c, name);
            if let Some(sig) = c.methods.get(name).filter(|_| !getter).cloned() {
                self.call_object_method(&c, &sig, id, args, span);
                return;
            }
            // The companion's property holding a function.
            if let Some(s) = s.filter(|s| class.fields.contains(s) || class.getters.contains(s)) {
                let ty = invoke::property_type(&c, name).flatten();
                match self.invoke_property(id, ty.as_ref(), args, span, |this| {
                    this.emit(Op::LoadObject(c.id), id.span);
                    this.emit(Op::GetField { name: s, safe: false }, id.span);
                }) {
                    Ok(()) => return,
                    Err(errors) => {
                        inapplicable.get_or_insert(errors);
                    }
                }
            }
        }
        if self.enum_name_call(id, args, span) {
            return;
        }
        if let Some(sigs) = self.functions.get(name).cloned() {
            let fitting = sigs.iter().find(|s| s.params.len() == args.len() && lambdas_fit(s, args));
            // `run { … }` still means the standard `run` beside a user's `fun run(x: Int)`:
            // a lambda cannot be passed where the user's function takes a value.
            if fitting.is_none() && args.iter().any(|a| matches!(a.value.kind, ExprKind::Lambda(_))) && self.inline_intrinsic(name, id, args, span) {
                return;
            }
            let sig = fitting.or_else(|| sigs.iter().find(|s| s.params.len() == args.len())).or_else(|| sigs.first()).cloned().expect("non-empty overloads");
            if sig.is_suspend {
                self.check_suspend_allowed(id.span, name);
            }
            self.user_call_args(&sig, args, id, span);
            self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 }, span);
            return;
        }
        if let Some(info) = self.classes.get(name).cloned() {
            if info.is_object {
                self.error(id.span, format!("'{name}' is an object: use it without ()"));
                self.emit(Op::Push(Value::Unit), span);
                return;
            }
            let not_instantiable = match info.kind {
                ClassKind::Abstract => Some("cannot create an instance of an abstract class".to_string()),
                ClassKind::Sealed => Some("sealed types cannot be instantiated".to_string()),
                ClassKind::Interface => Some(format!("interface {name} does not have constructors")),
                _ => None,
            };
            if let Some(msg) = not_instantiable {
                self.error(id.span, msg);
                self.emit(Op::Push(Value::Unit), span);
                return;
            }
            let sig = FunSig {
                func: FuncId(0),
                params: info.ctor.clone(),
                param_types: info.ctor_types.clone(),
                is_suspend: false,
                is_inline: false,
                receiver_is_scope: false,
                receiver_type: None,
                returns_kind: Kind::Unknown,
                vararg: None,
            };
            // A private constructor is the class's own: its members and its companion's.
            let own_code = self.current_class.as_deref().is_some_and(|c| c == name || c.strip_prefix(name).is_some_and(|r| r.starts_with('$')));
            if self.private_constructors.contains_key(name) && !own_code {
                self.error(id.span, format!("cannot access '<init>': it is private in '{name}'"));
            }
            self.user_call_args(&sig, args, id, span);
            self.emit(Op::New { class: info.id, argc: info.ctor.len() as u32 }, span);
            return;
        }
        // A top-level property holding a function: `handler(3)` is `handler.invoke(3)`.
        if self.globals.contains_key(name) || self.global_getters.contains_key(name) {
            let ty = self.global_types.get(name).cloned();
            match self.invoke_property(id, ty.as_ref(), args, span, |c| {
                c.load_top_level(name, id.span);
            }) {
                Ok(()) => return,
                Err(errors) => {
                    inapplicable.get_or_insert(errors);
                }
            }
        }
        // Extension functions on an implicit receiver: `middle(kind)` inside a scope.
        if let Some(sig) = self.extensions.get(name).and_then(|v| v.first()).cloned() {
            let recv = self.receivers().into_iter().find(|(_, k)| !sig.receiver_is_scope || self.is_scope_receiver(*k));
            match recv {
                Some((recv, _)) => {
                    if sig.is_suspend {
                        self.check_suspend_allowed(id.span, name);
                    }
                    self.load_receiver(&recv, id.span);
                    self.user_call_args(&sig, args, id, span);
                    self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 + 1 }, span);
                }
                None => {
                    self.error_help(id.span, format!("'{name}' is an extension function and needs a receiver"), format!("call it on a scope: `scope.{name}(…)`, or inside coroutineScope {{ }}"));
                    self.emit(Op::Push(Value::Unit), span);
                }
            }
            return;
        }
        if self.inline_intrinsic(name, id, args, span) {
            return;
        }
        match builtins::resolve_name(name) {
            Some(Resolved::Fn(b)) => {
                self.check_imported(name, id.span);
                self.builtin_call(b, id, args, span)
            }
            Some(Resolved::Namespace(ns)) if builtins::namespace_constructor(ns).is_some() => {
                self.check_imported(name, id.span);
                let b = builtins::namespace_constructor(ns).expect("checked by the guard");
                self.builtin_call(b, id, args, span)
            }
            Some(Resolved::Const(_)) | Some(Resolved::Namespace(_)) => {
                self.error(id.span, format!("'{name}' is not a function"));
                self.emit(Op::Push(Value::Unit), span);
            }
            _ => {
                if let Some((recv, _)) = self.receivers().into_iter().find(|(_, k)| *k == RecvKind::Dynamic) {
                    // `map { … }` in an extension of List means `this.map { … }`, and the
                    // collection helpers that take a lambda only exist inlined.
                    let this = Expr { kind: ExprKind::Name(Ident { name: recv.clone(), span: id.span }), span: id.span };
                    if !self.user_methods.contains_key(name) && self.inline_method(&this, id, args, false, span) {
                        return;
                    }
                    self.load_receiver(&recv, id.span);
                    self.method_args(name, args, span);
                    let s = self.sym(name);
                    let argc = self.placed_arg_count(name, args);
                    self.emit(Op::CallMethod { name: s, argc, safe: false }, span);
                    return;
                }
                if let Some(errors) = inapplicable {
                    self.diags.extend(errors);
                } else if matches!(name, "compareBy" | "compareByDescending" | "naturalOrder" | "reverseOrder") {
                    self.error_help(id.span, "comparators are written in place in Coroutine Lab, not kept as values", format!("pass it straight to a sort: `xs.sortedWith({name}(…))`"));
                } else {
                    self.unresolved(id.span, name);
                }
                self.emit(Op::Push(Value::Unit), span);
            }
        }
    }

    /// Pushes arguments for a user function or constructor in parameter order; missing
    /// ones with a default are passed as `Absent`.
    fn user_call_args(&mut self, sig: &FunSig, args: &[Arg], id: &Ident, span: Span) {
        let n = sig.params.len();
        let mut placed: Vec<Option<&Arg>> = vec![None; n];
        let mut next = 0;
        let mut ok = true;
        let mut var_args: Vec<&Arg> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if a.name.is_none() && Some(next) == sig.vararg {
                var_args.push(a);
                continue;
            }
            let idx = match &a.name {
                Some(nm) => match sig.params.iter().position(|(p, _)| *p == nm.name) {
                    Some(i) => i,
                    None => {
                        self.error(nm.span, format!("'{}' has no parameter named '{}'", id.name, nm.name));
                        ok = false;
                        continue;
                    }
                },
                None => {
                    // A trailing lambda goes to the last parameter.
                    if i + 1 == args.len() && is_lambda_expr(&a.value) && next < n && placed[n - 1].is_none() && next != n - 1 && args.iter().filter(|x| x.name.is_none()).count() < n {
                        n - 1
                    } else {
                        let i = next;
                        next += 1;
                        i
                    }
                }
            };
            if idx >= n {
                self.error(a.value.span, format!("too many arguments for '{}': it takes {}", id.name, n));
                ok = false;
                continue;
            }
            placed[idx] = Some(a);
        }
        for (i, p) in placed.iter().enumerate() {
            if Some(i) == sig.vararg && p.is_none() {
                // `*list` alone passes the list; otherwise the values make a new one.
                match var_args.as_slice() {
                    [one] if one.spread => self.expr(&one.value),
                    _ => {
                        for a in &var_args {
                            if a.spread {
                                self.error(a.value.span, "a spread argument must be the only vararg value in Coroutine Lab");
                            }
                            self.expr(&a.value);
                        }
                        self.emit(Op::MakeList(var_args.len() as u32), span);
                    }
                }
                continue;
            }
            match p {
                Some(a) => {
                    let suspend = match sig.param_types.get(i).and_then(|t| t.as_ref()) {
                        Some(t) if t.is_suspend => SuspendCtx::Suspend,
                        Some(t) if t.name == "->" && sig.is_inline => self.cur().suspend,
                        Some(t) if t.name == "->" => SuspendCtx::Plain,
                        _ => SuspendCtx::Unknown,
                    };
                    let with_receiver = sig.param_types.get(i).and_then(|t| t.as_ref()).and_then(|t| t.receiver.as_ref()).map(|r| {
                        if r.simple_name() == "CoroutineScope" { RecvKind::Scope } else { RecvKind::Dynamic }
                    });
                    match &a.value.kind {
                        ExprKind::Lambda(l) => {
                            self.pending_label = Some(id.name.clone());
                            self.pending_inline = sig.is_inline;
                            self.pending_it = sig.param_types.get(i).and_then(|t| t.as_ref()).filter(|t| t.name == "->").map(|t| t.args.len() == 2);
                            self.closure(l, with_receiver.is_some(), suspend, with_receiver, a.value.span)
                        }
                        _ => self.expr_typed(&a.value, sig.param_types.get(i).and_then(|t| t.as_ref())),
                    }
                }
                None => {
                    if !sig.params[i].1 && ok {
                        self.error(span, format!("no value passed for parameter '{}' of '{}'", sig.params[i].0, id.name));
                    }
                    self.emit(Op::Push(Value::Absent), span);
                }
            }
        }
    }

    fn placed_arg_count(&self, name: &str, args: &[Arg]) -> u32 {
        match builtins::method_params(name) {
            Some(params) if args.iter().any(|a| a.name.is_some()) || SCOPE_LAMBDA_METHODS.contains(&name) || self.leading_vararg(name) => params.len() as u32,
            _ => args.len() as u32,
        }
    }

    /// True when the built-in method `name` takes a leading vararg and no method of the
    /// program's own shares its name (whose parameters would then be unknown here).
    fn leading_vararg(&self, name: &str) -> bool {
        builtins::method_has_leading_vararg(name) && !self.user_methods.contains_key(name) && !self.extensions.contains_key(name)
    }

    /// Pushes method arguments; named ones are placed by the method's known parameters.
    /// Whether an implicit receiver is a `CoroutineScope`: a builder's block, an extension
    /// on `CoroutineScope`, an instance of a class that implements it.
    fn is_scope_receiver(&self, k: RecvKind) -> bool {
        match k {
            RecvKind::Scope | RecvKind::Producer => true,
            RecvKind::Class(c) => self.program.classes[c.0 as usize].is_scope,
            RecvKind::Dynamic => false,
        }
    }

    /// A member of an implicit `CoroutineScope` (or `ProducerScope`) receiver called
    /// without `this.`: `launch { }`, `send(x)`.
    fn scope_member_call(&mut self, recv: &str, id: &Ident, args: &[Arg], span: Span) {
        let name = id.name.as_str();
        if name == "send" {
            self.check_suspend_allowed(id.span, name);
        }
        if name == "produce" {
            self.check_imported(name, id.span);
        }
        self.load_receiver(recv, id.span);
        self.scope_member_call_on_stack(id, args, span);
    }

    /// The call of a scope's member on the receiver already on the stack.
    fn scope_member_call_on_stack(&mut self, id: &Ident, args: &[Arg], span: Span) {
        let name = id.name.as_str();
        self.method_args(name, args, span);
        let s = self.sym(name);
        let argc = self.placed_arg_count(name, args);
        self.emit(Op::CallMethod { name: s, argc, safe: false }, span);
    }

    fn method_args(&mut self, name: &str, args: &[Arg], span: Span) {
        let suspend_lambda = SCOPE_LAMBDA_METHODS.contains(&name);
        let params = builtins::method_params(name);
        let has_named = args.iter().any(|a| a.name.is_some());
        let leading_vararg = self.leading_vararg(name);
        if let (Some(params), true) = (params, has_named || suspend_lambda || leading_vararg) {
            let n = params.len();
            let mut placed: Vec<Option<&Arg>> = vec![None; n];
            let mut next = 0;
            // The positional values of a leading vararg, passed together as one list.
            let mut var_values: Vec<&Arg> = Vec::new();
            for (i, a) in args.iter().enumerate() {
                if leading_vararg && a.name.is_none() {
                    var_values.push(a);
                    continue;
                }
                let idx = match &a.name {
                    Some(nm) => match params.iter().position(|p| *p == nm.name) {
                        Some(i) => i,
                        None => {
                            self.error(nm.span, format!("'{name}' has no parameter named '{}'", nm.name));
                            continue;
                        }
                    },
                    None if i + 1 == args.len() && is_lambda_expr(&a.value) => n - 1,
                    None => {
                        let i = next;
                        next += 1;
                        i
                    }
                };
                if idx >= n {
                    self.error(a.value.span, format!("too many arguments for '{name}'"));
                    continue;
                }
                placed[idx] = Some(a);
            }
            for (i, p) in placed.into_iter().enumerate() {
                if leading_vararg && i == 0 {
                    if p.is_some() {
                        self.error(span, format!("the values of '{}' of '{name}' are passed by position", params[0]));
                    }
                    for a in &var_values {
                        self.arg_value(a, SuspendCtx::Unknown);
                    }
                    self.emit(Op::MakeList(var_values.len() as u32), span);
                    continue;
                }
                match p {
                    Some(a) => match &a.value.kind {
                        ExprKind::Lambda(l) if suspend_lambda => {
                            self.pending_label = Some(name.to_string());
                            self.pending_it = Some(false);
                            let recv = if name == "produce" { RecvKind::Producer } else { RecvKind::Scope };
                            self.closure(l, true, SuspendCtx::Suspend, Some(recv), a.value.span)
                        }
                        _ => self.arg_value(a, SuspendCtx::Unknown),
                    },
                    None => {
                        self.emit(Op::Push(Value::Absent), span);
                    }
                }
            }
            return;
        }
        for a in args {
            let suspend = if name == "invokeOnCompletion" { SuspendCtx::Plain } else { SuspendCtx::Unknown };
            if is_lambda_expr(&a.value) {
                self.pending_label = Some(name.to_string());
                if name == "invokeOnCompletion" {
                    self.pending_it = Some(true);
                }
            }
            self.arg_value(a, suspend);
        }
    }

    fn method_call(&mut self, receiver: &Expr, name: &Ident, args: &[Arg], safe: bool, span: Span) {
        let mname = name.name.as_str();
        let members_only = std::mem::take(&mut self.members_only);
        if let ExprKind::Super(q) = &receiver.kind {
            self.super_call(q.as_ref(), receiver.span, name, args, span);
            return;
        }
        if self.enum_method_call(receiver, name, args, span) {
            return;
        }
        // `x.toString()` is the text a template gives: a class's own toString() runs, on the
        // value or on what it holds.
        if mname == "toString" && args.is_empty() && !safe && !members_only {
            self.expr(receiver);
            self.emit(Op::ToStr, span);
            return;
        }
        // `xs.orEmpty()` of a variable declared as a collection: an empty one of its kind
        // when it holds null (a String's is "").
        if let (ExprKind::Name(var), "orEmpty", true) = (&receiver.kind, mname, args.is_empty()) {
            let kind = match self.find_var(&var.name) {
                Some(VarRef::Local(v)) => v.kind,
                Some(VarRef::Capture { kind, .. }) => kind,
                None => Kind::Unknown,
            };
            if let Kind::Collection(empty) = kind {
                self.expr(receiver);
                let present = self.emit(Op::JumpIfNotNull(0), span);
                self.emit(Op::Pop, span);
                self.emit(Op::CallBuiltin { builtin: empty, argc: 0 }, span);
                let end = self.here();
                self.patch(present, end);
                return;
            }
        }
        // `Namespace.function(…)`: `Thread.sleep(100)`, `System.currentTimeMillis()`.
        if let ExprKind::Name(ns_id) = &receiver.kind {
            if self.is_shadowed(&ns_id.name).is_none() {
                if let Some(Resolved::Namespace(ns)) = builtins::resolve_name(&ns_id.name) {
                    self.check_imported(&ns_id.name, ns_id.span);
                    match builtins::resolve_member(ns, mname) {
                        Some(Resolved::Fn(b)) => self.builtin_call(b, name, args, span),
                        Some(_) => {
                            self.error(name.span, format!("'{}.{}' is not a function", ns_id.name, mname));
                            self.emit(Op::Push(Value::Unit), span);
                        }
                        None => {
                            self.unknown_member(ns, ns_id, name);
                            self.emit(Op::Push(Value::Unit), span);
                        }
                    }
                    return;
                }
                // `Counter.increment()` on a user object, or on a class's companion.
                if let Some(info) = self.object_named(&ns_id.name) {
                    if let Some(sig) = info.methods.get(mname).cloned() {
                        self.call_object_method(&info, &sig, name, args, span);
                        return;
                    }
                }
            }
        }
        if self.class_member_unresolved(receiver, name, span) {
            return;
        }
        // `this.clock()`, `Registry.factory()`: a property holding a function, of a class
        // the compiler knows.
        let known = self.known_receiver_class(receiver);
        if let Some(info) = &known {
            if self.property_method_call(receiver, name, args, safe, span, Some(info)) {
                return;
            }
        }
        // `copy(name = …)` of a data class: arguments travel with their names, since the
        // receiver's class is only known at run time.
        if mname == "copy" && !self.user_methods.contains_key(mname) && self.program.classes.iter().any(|c| c.is_data) {
            self.expr(receiver);
            for a in args {
                let n = a.name.as_ref().map(|n| n.name.clone()).unwrap_or_default();
                self.emit(Op::Push(Value::str(&n)), a.value.span);
                self.arg_value(a, SuspendCtx::Unknown);
            }
            let s = self.sym("<copy>");
            self.emit(Op::CallMethod { name: s, argc: 2 * args.len() as u32, safe }, span);
            return;
        }
        let is_extension = self.extensions.contains_key(mname) && !members_only;
        // Inlined collection and scope helpers.
        if !self.user_methods.contains_key(mname) && !is_extension && self.inline_method(receiver, name, args, safe, span) {
            return;
        }
        // Extension functions: `scope.worker()`; `x.describe()` when another extension, a
        // member or a built-in is also named `describe`, by the receiver's class.
        if is_extension && self.extension_dispatch(receiver, name, args, safe, span) {
            return;
        }
        if let Some(sig) = self.extensions.get(mname).and_then(|v| v.first()).cloned().filter(|_| is_extension) {
            if !self.user_methods.contains_key(mname) {
                if sig.is_suspend {
                    self.check_suspend_allowed(name.span, mname);
                }
                self.expr(receiver);
                self.user_call_args(&sig, args, name, span);
                self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 + 1 }, span);
                return;
            }
        }
        // A method only the program's classes declare, with one parameter list in all of
        // them (an open method and its overrides): its arguments are placed by name and its
        // default values left to the callee, whichever class the receiver has at run time.
        if !builtins::METHOD_NAMES.contains(&mname) && !is_extension {
            if let Some(sig) = self.user_method_sig(mname) {
                self.expr(receiver);
                if sig.is_suspend {
                    self.check_suspend_allowed(name.span, mname);
                }
                self.user_call_args(&sig, args, name, span);
                let s = self.sym(mname);
                self.emit(Op::CallMethod { name: s, argc: sig.params.len() as u32, safe }, span);
                return;
            }
        }
        // `obj.onEvent(x)`: a property holding a function, found on the receiver's class
        // when the program runs.
        if known.is_none() && self.property_method_call(receiver, name, args, safe, span, None) {
            return;
        }
        self.expr(receiver);
        self.check_member_name(mname, name.span, receiver);
        if args.len() < builtins::min_method_args(mname) && !self.user_methods.contains_key(mname) {
            self.error(span, format!("no value passed for a parameter of '{mname}'"));
        }
        if matches!(mname, "join" | "await" | "cancelAndJoin" | "lock" | "acquire" | "awaitAll" | "joinAll") {
            self.check_suspend_allowed(name.span, mname);
        }
        if matches!(mname, "send" | "receive" | "receiveCatching") && !self.user_methods.contains_key(mname) {
            self.check_suspend_allowed(name.span, mname);
        }
        if mname == "produce" {
            self.check_imported(mname, name.span);
        }
        self.method_args(mname, args, span);
        let argc = self.placed_arg_count(mname, args);
        let s = self.sym(mname);
        self.emit(Op::CallMethod { name: s, argc, safe }, span);
    }

    /// `receiver.name(args)` where `name` is an extension that shares its name with another
    /// extension, a member of one of the program's classes or a built-in method. Kotlin picks
    /// one from the receiver's type: a member over an extension, then the extension with the
    /// most specific receiver type, then a library function. The engine tests the receiver's
    /// class at run time, most specific extension first, and falls back to the member or
    /// built-in call. Returns false for a name only one extension has, called as before.
    #[inline(never)]
    fn extension_dispatch(&mut self, receiver: &Expr, name: &Ident, args: &[Arg], safe: bool, span: Span) -> bool {
        let mname = name.name.as_str();
        let all = self.extensions.get(mname).cloned().unwrap_or_default();
        let shared = all.len() > 1 || builtins::METHOD_NAMES.contains(&mname) || self.user_methods.contains_key(mname);
        if !shared {
            return false;
        }
        // A member of the receiver's class hides an extension on that class.
        let mut candidates: Vec<(usize, FunSig)> = all
            .into_iter()
            .filter(|sig| {
                let Some(info) = sig.receiver_type.as_ref().and_then(|t| self.classes.get(t.simple_name())) else { return true };
                !info.members.iter().any(|m| m.is_fun && m.name == mname)
            })
            .map(|sig| (self.receiver_specificity(sig.receiver_type.as_ref()), sig))
            .collect();
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        self.expr(receiver);
        let on_null = safe.then(|| self.emit(Op::JumpIfNull(0), span));
        let slot = self.temp(span);
        let store = self.here() as usize - 1;
        let hidden = format!("<receiver{slot}>");
        let kind = self.kind_of(receiver);
        self.declare_local(&hidden, slot, false, Some(store), kind, span);
        let mut ends = Vec::new();
        let mut catch_all = false;
        for (_, sig) in &candidates {
            let next = match &sig.receiver_type {
                Some(ty) => {
                    self.emit(Op::Load(slot), span);
                    let t = self.type_test(ty);
                    self.emit(Op::IsInstance(t), span);
                    Some(self.emit(Op::JumpIfFalse(0), span))
                }
                None => None,
            };
            if sig.is_suspend {
                self.check_suspend_allowed(name.span, mname);
            }
            self.emit(Op::Load(slot), span);
            self.user_call_args(sig, args, name, span);
            self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 + 1 }, span);
            ends.push(self.emit(Op::Jump(0), span));
            match next {
                Some(at) => {
                    let here = self.here();
                    self.patch(at, here);
                }
                None => {
                    catch_all = true;
                    break;
                }
            }
        }
        if !catch_all {
            self.members_only = true;
            let recv = Expr { kind: ExprKind::Name(Ident { name: hidden, span: receiver.span }), span: receiver.span };
            self.method_call(&recv, name, args, false, span);
            self.members_only = false;
        }
        let here = self.here();
        for at in ends.into_iter().chain(on_null) {
            self.patch(at, here);
        }
        true
    }

    /// How specific an extension's receiver type is: a class of the program below its
    /// supertypes, then the library's concrete types, its abstract ones, `Any`, and last a
    /// type parameter, which fits every receiver. A nullable type comes after its non-null one.
    #[inline(never)]
    fn receiver_specificity(&self, ty: Option<&TypeRef>) -> usize {
        let Some(ty) = ty else { return 0 };
        let name = ty.simple_name();
        let rank = match self.classes.get(name) {
            Some(info) => 1000 + 2 * info.supers.len(),
            None => match name {
                "Any" => 200,
                "Number" | "Comparable" | "CharSequence" | "Iterable" | "Collection" | "CoroutineScope" | "CoroutineContext" => 400,
                n if n.starts_with("Mutable") => 700,
                _ => 600,
            },
        };
        rank - usize::from(ty.nullable)
    }

    /// The parameters of method `name` when the program's classes that declare it all give
    /// it the same ones (names, in order).
    fn user_method_sig(&self, name: &str) -> Option<FunSig> {
        if self.overloaded_methods.contains_key(name) {
            return None;
        }
        let mut sigs = self.classes.values().filter_map(|c| c.methods.get(name).filter(|_| !c.members.iter().any(|m| m.name == name && !m.is_fun)));
        let first = sigs.next()?.clone();
        let same = |s: &FunSig| s.params.iter().map(|p| &p.0).eq(first.params.iter().map(|p| &p.0)) && s.vararg == first.vararg;
        if !sigs.all(same) {
            return None;
        }
        Some(first)
    }

    fn builtin_call(&mut self, b: Builtin, id: &Ident, args: &[Arg], span: Span) {
        if builtins::is_suspending(b) {
            self.check_suspend_allowed(id.span, &id.name);
        }
        if b == Builtin::ThreadSleep {
            // Blocking is allowed anywhere; inside synchronized it holds the lock too.
        }
        if builtins::is_variadic(b) {
            for a in args {
                if a.name.is_some() {
                    self.error(a.value.span, format!("'{}' takes its arguments by position", id.name));
                }
                self.arg_value(a, SuspendCtx::Unknown);
            }
            self.emit(Op::CallBuiltin { builtin: b, argc: args.len() as u32 }, span);
            return;
        }
        let (params, required) = builtins::params(b);
        let n = params.len();
        let mut placed: Vec<Option<&Arg>> = vec![None; n];
        let mut next = 0;
        let n_positional = args.iter().filter(|a| a.name.is_none()).count();
        for (i, a) in args.iter().enumerate() {
            let idx = match &a.name {
                Some(nm) => match params.iter().position(|p| *p == nm.name) {
                    Some(i) => i,
                    None => {
                        self.error(nm.span, format!("'{}' has no parameter named '{}'", id.name, nm.name));
                        continue;
                    }
                },
                None if i + 1 == args.len() && is_lambda_expr(&a.value) && n > 0 && n_positional <= n => n - 1,
                None => {
                    let i = next;
                    next += 1;
                    i
                }
            };
            if idx >= n || placed[idx].is_some() {
                let what = if n == 0 { "no arguments".to_string() } else if n == 1 { "1 argument".to_string() } else { format!("at most {n} arguments") };
                self.error(a.value.span, format!("too many arguments for '{}': it takes {what}", id.name));
                continue;
            }
            placed[idx] = Some(a);
        }
        for (i, p) in params.iter().enumerate().take(required) {
            // runBlocking's context is optional; its block is not.
            let optional = b == Builtin::RunBlocking && i == 0;
            if placed[i].is_none() && !optional {
                self.error_help(span, format!("no value passed for parameter '{p}' of '{}'", id.name), format!("{} takes ({})", id.name, params.join(", ")));
            }
        }
        let scope_lambda = builtins::takes_scope_lambda(b);
        for (i, p) in placed.iter().enumerate() {
            match p {
                Some(a) => match &a.value.kind {
                    ExprKind::Lambda(l) if scope_lambda && i + 1 == n => {
                        self.pending_label = Some(id.name.clone());
                        self.pending_it = Some(false);
                        self.closure(l, true, SuspendCtx::Suspend, Some(RecvKind::Scope), a.value.span);
                    }
                    ExprKind::Lambda(l) if b == Builtin::NewExceptionHandler || b == Builtin::ThreadLocalWithInitial => {
                        self.closure(l, false, SuspendCtx::Plain, None, a.value.span)
                    }
                    _ => {
                        self.arg_value(a, SuspendCtx::Unknown);
                        // println(x) prints x.toString(): a class's own toString() runs as a
                        // call first.
                        if matches!(b, Builtin::Println | Builtin::Print) {
                            self.emit(Op::ToStr, a.value.span);
                        }
                    }
                },
                None => {
                    self.emit(Op::Push(Value::Absent), span);
                }
            }
        }
        self.emit(Op::CallBuiltin { builtin: b, argc: n as u32 }, span);
    }

    /// Compiles a lambda into a closure value.
    fn closure(&mut self, l: &Lambda, with_receiver: bool, suspend: SuspendCtx, recv: Option<RecvKind>, span: Span) {
        self.closure_labelled(l, with_receiver, suspend, recv, span, None)
    }

    fn closure_labelled(&mut self, l: &Lambda, with_receiver: bool, suspend: SuspendCtx, recv: Option<RecvKind>, span: Span, label: Option<String>) {
        // The JVM names a lambda's class after its enclosing function (`MainKt$main$1`) or
        // enclosing lambda (`MainKt$main$1$1`); its frame is `invokeSuspend` (or `invoke`).
        let parent_frame = self.fns.last().map(|f| f.frame_name.clone()).unwrap_or_else(|| format!("{}.<clinit>", self.program.file_class));
        let (class, method) = parent_frame.rsplit_once('.').unwrap_or((parent_frame.as_str(), "invoke"));
        let mut prefix = if method.starts_with("invoke") { class.to_string() } else { format!("{class}${method}") };
        if let Some(name) = self.fns.last().and_then(|f| f.initializing.as_ref()) {
            prefix = format!("{prefix}${name}");
        }
        // Numbered per prefix: the unnamed lambdas of a function count apart from those of
        // each of its variables.
        let k = match self.fns.last_mut() {
            Some(f) => match f.lambda_counts.iter_mut().find(|(p, _)| *p == prefix) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    f.lambda_counts.push((prefix.clone(), 1));
                    1
                }
            },
            None => 1,
        };
        let class = format!("{prefix}${k}");
        let method = if suspend == SuspendCtx::Suspend { "invokeSuspend" } else { "invoke" };
        let func = self.new_function("lambda", format!("{class}.{method}"), span);
        // A lambda inherits the suspend context of a surrounding suspend lambda only when
        // it is itself suspending; plain lambdas in suspend functions cannot suspend.
        // A label written on the lambda replaces the name of the function it is passed to.
        let pending = self.pending_label.take();
        let label = l.label.as_ref().map(|own| own.name.clone()).or(label).or(pending);
        let receiver_label = label.clone();
        self.push_fn(func, suspend, true, label);
        let mut n_params = 0;
        if with_receiver {
            let slot = self.new_slot("this");
            let nop = self.emit(Op::Nop, span);
            let name = self.declare_receiver(slot, recv.unwrap_or(RecvKind::Dynamic), span);
            if let Some(l) = receiver_label {
                self.receiver_labels.push((name.clone(), l));
            }
            self.mark_param_box(&name, nop);
            n_params += 1;
        }
        // `it` exists when the expected function type has one parameter; when the type is
        // unknown, when no outer `it` would be shadowed.
        let implicit_it = match self.pending_it.take() {
            Some(known) => known,
            None => !self.fns.iter().any(|f| f.scopes.iter().flatten().any(|v| v.name == "it") || f.captures.iter().any(|c| c.name == "it")),
        };
        if l.params.is_empty() && !l.has_arrow && implicit_it {
            let slot = self.new_slot("it");
            let nop = self.emit(Op::Nop, span);
            self.declare_local("it", slot, false, Some(nop), Kind::Unknown, span);
            n_params += 1;
        } else if !l.params.is_empty() || l.has_arrow {
            let mut destructure = Vec::new();
            for p in &l.params {
                match &p.pattern {
                    Pattern::Name(id) => {
                        let slot = self.new_slot(&id.name);
                        let nop = self.emit(Op::Nop, id.span);
                        if id.name != "_" {
                            self.declare_local(&id.name, slot, false, Some(nop), Kind::Unknown, id.span);
                        }
                    }
                    Pattern::Tuple(_) => {
                        let slot = self.new_slot("");
                        destructure.push((slot, p.pattern.clone()));
                    }
                }
                n_params += 1;
            }
            for (slot, pattern) in destructure {
                self.emit(Op::Load(slot), span);
                self.bind_pattern(&pattern, false, span);
            }
        }
        self.block_value(&l.body);
        self.emit(Op::Return, l.body.span.end_point());
        let caps = self.pop_fn(n_params, with_receiver);
        self.emit_closure(func, &caps, span);
    }
}

/// A variable reference resolved in the current function.
#[derive(Debug, Clone)]
enum VarRef {
    Local(LocalVar),
    Capture { index: u32, mutable: bool, kind: Kind, span: Span },
}

/// Something that can be assigned.
#[derive(Debug, Clone)]
enum Place {
    Var(VarRef),
    Field { recv: String, name: Sym },
    /// A property of an object: a class's companion, read without its name.
    ObjectField { class: ClassId, name: Sym },
    Global(u32, bool),
}

impl Place {
    /// Shared memory: other coroutines on other threads may see it.
    fn is_shared(&self) -> bool {
        match self {
            Place::Var(VarRef::Local(v)) => v.is_cell,
            Place::Var(VarRef::Capture { .. }) => true,
            Place::Field { .. } | Place::ObjectField { .. } => true,
            Place::Global(_, volatile) => !volatile,
        }
    }
}

fn pattern_names(p: &Pattern) -> Vec<Ident> {
    match p {
        Pattern::Name(id) => vec![id.clone()],
        Pattern::Tuple(v) => v.clone(),
    }
}

/// Whether a user function can take the lambdas of a call: a lambda fits a parameter of a
/// function type, of `Any` or of a type parameter, not one of a concrete type such as `Int`.
fn lambdas_fit(sig: &FunSig, args: &[Arg]) -> bool {
    args.iter().enumerate().all(|(i, a)| {
        if !matches!(a.value.kind, ExprKind::Lambda(_)) {
            return true;
        }
        let at = match &a.name {
            Some(n) => sig.params.iter().position(|(p, _)| *p == n.name),
            None => Some(i),
        };
        match at.and_then(|k| sig.param_types.get(k)).and_then(|t| t.as_ref()) {
            Some(t) => t.name == "->" || t.name == "Any" || t.name.len() == 1,
            None => true,
        }
    })
}

/// The value a field of a declared type (or with a literal initializer) holds before its
/// initializer runs, as on the JVM: zero for numbers, false, or null.
fn jvm_default(ty: Option<&TypeRef>, init: Option<&Expr>, params: &[Param]) -> Value {
    let name = match (ty, init) {
        (Some(t), _) if t.nullable => return Value::Null,
        (Some(t), _) => t.simple_name(),
        (None, Some(e)) => inferred_type(e, params, 0).unwrap_or(""),
        (None, None) => "",
    };
    match name {
        "Int" | "Short" | "Byte" => Value::Int(0),
        "Long" => Value::Long(0),
        "Double" | "Float" => Value::Double(0.0),
        "Boolean" => Value::Bool(false),
        "Char" => Value::Char('\0'),
        _ => Value::Null,
    }
}

/// `open ` in a member's signature as kotlinc shows it: declared open, an interface's, or an
/// override that is not final.
fn open_kw(m: &Modifiers, in_interface: bool) -> &'static str {
    let open = in_interface || m.has("open") || (m.has("override") && !m.has("final"));
    if open && !m.has("private") {
        "open "
    } else {
        ""
    }
}

/// The primitive type kotlinc infers for a property's initial value, where it is plain to
/// see: a literal, arithmetic and comparisons of such values, a constructor parameter of a
/// declared type. A property's field holds the JVM's default of its type (`0`, `false`)
/// until its initializer runs.
fn inferred_type<'p>(e: &Expr, params: &'p [Param], depth: u32) -> Option<&'p str> {
    use BinaryOp::*;
    if depth > 16 {
        return None;
    }
    let rank = |t: &str| ["Int", "Long", "Double"].iter().position(|x| *x == t);
    match &e.kind {
        ExprKind::Unary { op: UnaryOp::Not, .. } => Some("Boolean"),
        ExprKind::Unary { op: UnaryOp::Neg | UnaryOp::Plus, expr } => inferred_type(expr, params, depth + 1).filter(|t| rank(t).is_some()),
        ExprKind::Binary { op: Or | And | Eq | NotEq | Same | NotSame | Lt | Gt | LtEq | GtEq | In | NotIn, .. } => Some("Boolean"),
        ExprKind::Binary { op: Add | Sub | Mul | Div | Rem, lhs, rhs } => {
            let (a, b) = (inferred_type(lhs, params, depth + 1)?, inferred_type(rhs, params, depth + 1)?);
            let (ra, rb) = (rank(a)?, rank(b)?);
            Some(if ra >= rb { a } else { b })
        }
        ExprKind::Is { .. } => Some("Boolean"),
        ExprKind::Name(id) => params.iter().find(|p| p.name.name == id.name).and_then(|p| p.ty.as_ref()).filter(|t| !t.nullable).map(|t| t.simple_name()),
        _ => literal_type(e),
    }
}

/// The type of a literal, as kotlinc infers a function's return type from `= literal`.
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Int(v) if i32::try_from(*v).is_ok() => "Int",
        ExprKind::Int(_) | ExprKind::Long(_) => "Long",
        ExprKind::Double(_) => "Double",
        ExprKind::Char(_) => "Char",
        ExprKind::Bool(_) => "Boolean",
        ExprKind::Str(_) => "String",
        _ => return None,
    })
}

/// `doubled` → `Doubled`, for the JVM name of a getter (`getDoubled`).
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// The companion object among a class's members.
fn companion_of(members: &[Item]) -> Option<&ObjectDecl> {
    members.iter().find_map(|m| match m {
        Item::Object(o) if o.modifiers.has("companion") => Some(o),
        _ => None,
    })
}

/// The value of a `const val`'s initializer when it is a literal (a negative number
/// included): what kotlinc inlines where the constant is read.
fn constant_literal(e: &Expr) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Int(i) => i32::try_from(*i).map(Value::Int).unwrap_or(Value::Long(*i)),
        ExprKind::Long(l) => Value::Long(*l),
        ExprKind::Double(d) => Value::Double(*d),
        ExprKind::Char(c) => Value::Char(*c),
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::Str(parts) => match parts.as_slice() {
            [] => Value::str(""),
            [StrPart::Text(t)] => Value::str(t),
            _ => return None,
        },
        ExprKind::Unary { op: UnaryOp::Neg, expr } => match constant_literal(expr)? {
            Value::Int(i) => Value::Int(i.wrapping_neg()),
            Value::Long(l) => Value::Long(l.wrapping_neg()),
            Value::Double(d) => Value::Double(-d),
            _ => return None,
        },
        _ => return None,
    })
}
