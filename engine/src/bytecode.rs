//! The executable form of a program: functions of stack-machine instructions.
//!
//! Every coroutine runs these instructions on its own frames and its own value stack, so a
//! coroutine can stop after any statement or at any suspension point without using the host
//! stack. `Op::Stmt` marks where a statement starts: a step of the simulation runs one
//! statement.

use crate::builtins::{Builtin, Const};
use crate::lang::Span;
use crate::value::Value;

/// Index of a function in [`Program::functions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuncId(pub u32);

/// Index of an interned name in [`Program::symbols`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(pub u32);

/// Index of a user class (or object) in [`Program::classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClassId(pub u32);

/// One instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Marks the start of a statement at `line`; a step ends before the next one.
    Stmt {
        /// 1-based source line.
        line: u32,
    },
    /// Marks a point inside a statement where other threads may run: between the read and
    /// the write of `counter++` on shared memory.
    Preempt,
    /// Pushes a constant.
    Push(Value),
    /// Pushes a built-in constant such as `Dispatchers.IO`.
    PushConst(Const),
    /// Pushes local slot `n` (relative to the frame base).
    Load(u32),
    /// Pops into local slot `n`.
    Store(u32),
    /// Pushes the value inside the cell held by local slot `n`.
    LoadCell(u32),
    /// Pops into the cell held by local slot `n`.
    StoreCell(u32),
    /// Pops a value and stores a new cell holding it into local slot `n`.
    NewCell(u32),
    /// Pushes the value of captured cell `n` of the running closure.
    LoadCapture(u32),
    /// Pops into captured cell `n` of the running closure.
    StoreCapture(u32),
    /// Pushes the cell (not its value) held by local slot `n`, to capture it.
    PushCellRef(u32),
    /// Pushes captured cell `n` itself, to capture it again in a nested closure.
    PushCaptureRef(u32),
    /// Pushes top-level property `n`, initializing it on first use.
    LoadGlobal(u32),
    /// Pops into top-level property `n`.
    StoreGlobal(u32),
    /// Pushes the singleton of object `class`, creating it on first use.
    LoadObject(ClassId),
    /// Pops a receiver and pushes its property `name`; `safe` gives null on a null receiver.
    GetField {
        /// The property.
        name: Sym,
        /// `?.`
        safe: bool,
    },
    /// Pops a value, then a receiver, and sets its property `name`.
    SetField(Sym),
    /// Pops a receiver and pushes whether its `lateinit` property `name` was set:
    /// `this::name.isInitialized`.
    FieldInitialized(Sym),
    /// Pushes whether the `lateinit` top-level property `n` was set: `::name.isInitialized`.
    GlobalInitialized(u32),
    /// Throws `UninitializedPropertyAccessException` when the value on top, read from the
    /// local `lateinit var` `name`, was never set.
    CheckLateinit(Sym),
    /// Pops a receiver and pushes the backing field in slot `n` of its class's fields, with no
    /// dispatch: `super.name` of a property the superclass stores.
    GetSlot(u32),
    /// Pops a value, then a receiver, and sets the backing field in slot `n`: a class's
    /// initializer writes its own field, not the one of a subclass that overrides the property.
    SetSlot(u32),
    /// Pops an index and a receiver and pushes `receiver[index]`.
    GetIndex,
    /// Pops a value, an index and a receiver and sets `receiver[index] = value`.
    SetIndex,
    /// Discards the top of the stack.
    Pop,
    /// Duplicates the top of the stack.
    Dup,
    /// Duplicates the value under the top of the stack onto the top.
    Over,
    /// Swaps the two top values.
    Swap,
    /// A binary operator on the two top values.
    Binary(BinOp),
    /// Negation.
    Neg,
    /// Boolean not.
    Not,
    /// Jumps to an instruction.
    Jump(u32),
    /// Pops a boolean and jumps when it is false.
    JumpIfFalse(u32),
    /// Pops a boolean and jumps when it is true.
    JumpIfTrue(u32),
    /// Jumps when the top is null, leaving it on the stack.
    JumpIfNull(u32),
    /// Jumps when the top is not null, leaving it on the stack.
    JumpIfNotNull(u32),
    /// Pops a value; throws NullPointerException when it is null, else pushes it back.
    NotNull,
    /// Pops a value and pushes whether it is an instance of the type.
    IsInstance(TypeTest),
    /// Pops a value and pushes it back when it is an instance of the type; otherwise pushes
    /// null (`safe`) or throws ClassCastException.
    Cast {
        /// The type.
        ty: TypeTest,
        /// `as?`
        safe: bool,
    },
    /// Pops `n` values and pushes the concatenation of their string forms.
    Concat(u32),
    /// Pops a value and pushes its string form.
    ToStr,
    /// Calls a user function with `argc` arguments from the stack.
    Call {
        /// The function.
        func: FuncId,
        /// Number of arguments (receiver included for extensions and methods).
        argc: u32,
    },
    /// Pops `argc` arguments and a function value below them, and calls it.
    CallValue {
        /// Number of arguments.
        argc: u32,
    },
    /// Calls a built-in function.
    CallBuiltin {
        /// Which one.
        builtin: Builtin,
        /// Number of arguments on the stack (absent ones are `Value::Absent`).
        argc: u32,
    },
    /// Calls method `name` on the receiver under the `argc` arguments.
    CallMethod {
        /// The method.
        name: Sym,
        /// Number of arguments, receiver excluded.
        argc: u32,
        /// `?.`: a null receiver gives null without a call.
        safe: bool,
    },
    /// Calls the member `name` that every value (or the built-in exception class a user class
    /// extends) has, skipping the program's own classes: `super.toString()` in a class whose
    /// superclasses declare no `toString()`.
    CallInherited {
        /// The member.
        name: Sym,
        /// Number of arguments, receiver excluded.
        argc: u32,
        /// A property read (`super.message`) rather than a call.
        property: bool,
    },
    /// Pops the captured cells and creates a closure of `func`.
    MakeClosure {
        /// The lambda or local function.
        func: FuncId,
        /// Number of captured cells on the stack.
        n_captures: u32,
    },
    /// Pops `argc` constructor arguments and creates an instance of a user class.
    New {
        /// The class.
        class: ClassId,
        /// Number of arguments.
        argc: u32,
    },
    /// Returns the top of the stack from the current function.
    Return,
    /// Pops an exception and throws it.
    Throw,
    /// Installs an exception handler at `target` for the current frame.
    PushHandler(u32),
    /// Removes the innermost handler of the current frame.
    PopHandler,
    /// Pops a value and pushes an iterator over it.
    IterStart,
    /// Advances the iterator held in local slot `slot`: pushes its next element, or jumps
    /// to `exit` when it is exhausted.
    IterNext {
        /// The local holding the iterator.
        slot: u32,
        /// Where to go after the last element.
        exit: u32,
    },
    /// Pops `n` values and pushes a list of them.
    MakeList(u32),
    /// Pops a pair and pushes component `n` (0 or 1) of the top value without popping it.
    Component(u32),
    /// Enters a `synchronized` block on the monitor on top of the stack (popped); may block
    /// the thread.
    MonitorEnter,
    /// Leaves the innermost `synchronized` block.
    MonitorExit,
    /// Pushes the virtual time in milliseconds (for `measureTimeMillis`).
    Clock,
    /// Does nothing; a placeholder the compiler may patch.
    Nop,
    /// Wraps the value of local slot `n` into a new cell (a parameter captured by a lambda).
    BoxLocal(u32),
    /// Jumps when local slot `slot` holds an argument, skipping its default value.
    SkipIfPresent {
        /// The parameter's slot.
        slot: u32,
        /// Where to go when the argument was passed.
        target: u32,
    },
    /// Reached only if a program with compile errors is run anyway.
    Unreachable,
}

/// Binary operators that work on values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `===`
    Same,
    /// `!==`
    NotSame,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    LtEq,
    /// `>=`
    GtEq,
    /// `..`
    RangeTo,
    /// `until` and `..<`
    Until,
    /// `downTo`
    DownTo,
    /// `step`
    Step,
    /// `in`
    In,
    /// `to`
    Pair,
    /// `and` (bitwise)
    And,
    /// `or` (bitwise)
    Or,
    /// `xor`
    Xor,
    /// `shl`
    Shl,
    /// `shr`
    Shr,
    /// `ushr`
    Ushr,
}

/// A type that `is`, `as` and `catch` test against.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeTest {
    /// A built-in type, by its simple name (`Int`, `String`, `IllegalStateException`, …).
    Builtin(Sym),
    /// A user class.
    Class(ClassId),
    /// Any value (`Any`, `Throwable` for catch-alls written as `Any`).
    Any,
    /// `T?` of another test.
    Nullable(Box<TypeTest>),
}

/// One compiled function, lambda or class initializer.
#[derive(Debug, Clone)]
pub struct Function {
    /// Its name for stack traces (`main`, `fetchData`, `main$lambda`).
    pub name: String,
    /// Name as the JVM would show it in a stack frame: `ExampleKt.main`.
    pub frame_name: String,
    /// Number of parameters (the receiver first, when it has one).
    pub n_params: u32,
    /// Number of local slots, parameters included.
    pub n_locals: u32,
    /// Whether it is a `suspend` function or a suspending lambda.
    pub is_suspend: bool,
    /// Whether it is a lambda.
    pub is_lambda: bool,
    /// Whether its first parameter is a receiver (`this`), as for the block of `launch`.
    pub has_receiver: bool,
    /// Number of captured cells it expects.
    pub n_captures: u32,
    /// The instructions.
    pub code: Vec<Op>,
    /// The source span of each instruction.
    pub spans: Vec<Span>,
    /// Local variable names by slot, for the locals view.
    pub local_names: Vec<String>,
    /// By slot, the instructions `[start, end)` where the local is in scope, so that the
    /// locals view leaves out a `catch` parameter inside its `try`, or a loop's variable
    /// after the loop.
    pub local_ranges: Vec<(u32, u32)>,
    /// Where it is declared.
    pub span: Span,
}

/// A user class or object.
#[derive(Debug, Clone)]
pub struct Class {
    /// Its name.
    pub name: String,
    /// `object` rather than `class`.
    pub is_object: bool,
    /// `data class`.
    pub is_data: bool,
    /// Field names: its superclass's first, then its own in declaration order, constructor
    /// properties first. A property it overrides with a value of its own has a field of its
    /// own after the superclass's of the same name (as on the JVM, both exist); reading or
    /// assigning the property by name finds the last, the most derived ([`Class::slot`]).
    pub fields: Vec<Sym>,
    /// Each field's value before its initializer runs, as the JVM's default for its type:
    /// `0` for an `Int`, `false` for a `Boolean`, null for an object or an unknown type.
    pub field_defaults: Vec<Value>,
    /// Constructor properties shown by a data class's `toString`.
    pub data_fields: Vec<Sym>,
    /// Methods by name: its own and those it inherits (the most derived of each name), so
    /// that a call by name on an instance dispatches on its runtime class.
    pub methods: Vec<(Sym, FuncId)>,
    /// Properties computed by a getter, its own or inherited: reading one calls the method of
    /// the same name (before any field of that name a superclass keeps).
    pub getters: Vec<Sym>,
    /// The methods declared with `override`, here or in a superclass: only those replace what
    /// every value has (`toString()`, `equals(other)`, `hashCode()`); an overload of the same
    /// name does not.
    pub overrides: Vec<Sym>,
    /// Every class and interface of the program it is a subtype of: `is`, `as` and `catch`
    /// accept an instance for each of them.
    pub supers: Vec<ClassId>,
    /// The initializer: takes the instance and constructor arguments, sets fields, runs
    /// `init` blocks.
    pub init: FuncId,
    /// The built-in exception class it extends, directly or through a superclass of the
    /// program (`Exception`, `RuntimeException`, …).
    pub exception_base: Option<Sym>,
    /// An object initialized by the `<clinit>` of the class it belongs to, whose name the JVM
    /// gives when it fails: a companion (`Config$Companion`), an enum's entries.
    pub init_by_outer: bool,
    /// It implements `CoroutineScope`, itself or through a supertype of the program:
    /// `launch`, `async`, `isActive`, … on an instance read its `coroutineContext` first.
    pub is_scope: bool,
    /// Where it is declared.
    pub span: Span,
}

impl Class {
    /// The field that reading or assigning property `name` of an instance uses: the most
    /// derived class's backing field of that name.
    pub fn slot(&self, name: Sym) -> Option<usize> {
        self.fields.iter().rposition(|f| *f == name)
    }
}

/// An enum class. Its entries are instances of `class` whose first two fields are `name`
/// and `ordinal`; they live in the fields of a hidden object, `holder`, whose initializer
/// creates them in declaration order the first time the enum is used (the JVM's
/// `<clinit>`), then keeps them all, in order, in its last field (`$VALUES`).
#[derive(Debug, Clone)]
pub struct EnumClass {
    /// The enum class.
    pub class: ClassId,
    /// The object holding the entries.
    pub holder: ClassId,
}

/// A top-level property.
#[derive(Debug, Clone)]
pub struct Global {
    /// Its name.
    pub name: String,
    /// `var` rather than `val`.
    pub mutable: bool,
    /// `@Volatile`: reads and writes are single steps that never race.
    pub volatile: bool,
    /// The function computing its initial value, run on first use.
    pub init: Option<FuncId>,
    /// Where it is declared.
    pub span: Span,
}

/// A compiled program.
#[derive(Debug, Clone, Default)]
pub struct Program {
    /// All functions; lambdas included.
    pub functions: Vec<Function>,
    /// User classes and objects.
    pub classes: Vec<Class>,
    /// The enum classes among them.
    pub enums: Vec<EnumClass>,
    /// Top-level properties.
    pub globals: Vec<Global>,
    /// Interned names.
    pub symbols: Vec<String>,
    /// The `main` function.
    pub main: Option<FuncId>,
    /// The `main` function takes `args: Array<String>`.
    pub main_takes_args: bool,
    /// The JVM class of the file's top-level functions, e.g. `MainKt`.
    pub file_class: String,
    /// The source file's name, as stack frames show it: `Main.kt`.
    pub file_name: String,
    /// Byte offsets where the source's lines start, for line numbers at run time.
    pub line_starts: Vec<u32>,
}

impl Program {
    /// The text of a symbol.
    pub fn sym(&self, s: Sym) -> &str {
        &self.symbols[s.0 as usize]
    }

    /// The symbol for `name`, if the program uses it.
    pub fn find_sym(&self, name: &str) -> Option<Sym> {
        self.symbols.iter().position(|s| s == name).map(|i| Sym(i as u32))
    }

    /// A function.
    pub fn func(&self, f: FuncId) -> &Function {
        &self.functions[f.0 as usize]
    }

    /// The enum class `class` is, if it is one.
    pub fn enum_class(&self, class: ClassId) -> Option<&EnumClass> {
        self.enums.iter().find(|e| e.class == class)
    }

    /// The enum class whose entries object `holder` is, if it is one.
    pub fn enum_holder(&self, holder: ClassId) -> Option<&EnumClass> {
        self.enums.iter().find(|e| e.holder == holder)
    }
}
