//! The syntax tree of the Kotlin subset. Every node carries the span of its source text.
//!
//! The tree is untyped: Kotlin's types are read (so programs stay valid Kotlin) and kept for
//! diagnostics, but values are checked at run time.

use super::span::Span;

/// A name and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    /// The name, without back-quotes.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// A whole source file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    /// `package` line, if any.
    pub package: Option<Ident>,
    /// `import` lines, in order.
    pub imports: Vec<Import>,
    /// Top-level declarations, in order.
    pub items: Vec<Item>,
}

/// `import a.b.c` or `import a.b.*`.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The dotted path, with `*` as its last segment for star imports.
    pub path: String,
    /// The whole line.
    pub span: Span,
}

/// A declaration at the top level or inside an object or class.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `fun` or `suspend fun`.
    Fun(FunDecl),
    /// `val` or `var`.
    Property(PropertyDecl),
    /// `object X { … }`.
    Object(ObjectDecl),
    /// `class X(…) { … }`.
    Class(ClassDecl),
}

impl Item {
    /// The span of the whole declaration.
    pub fn span(&self) -> Span {
        match self {
            Item::Fun(f) => f.span,
            Item::Property(p) => p.span,
            Item::Object(o) => o.span,
            Item::Class(c) => c.span,
        }
    }
}

/// Modifiers and annotations written before a declaration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Modifiers {
    /// Annotation names without `@`, e.g. `Volatile`.
    pub annotations: Vec<Ident>,
    /// `suspend`
    pub is_suspend: bool,
    /// `private`, `override`, `open`, `data`, `const`, … kept by name.
    pub keywords: Vec<Ident>,
}

impl Modifiers {
    /// True when the keyword modifier `name` is present.
    pub fn has(&self, name: &str) -> bool {
        self.keywords.iter().any(|k| k.name == name)
    }

    /// True when the annotation `@name` is present.
    pub fn has_annotation(&self, name: &str) -> bool {
        self.annotations.iter().any(|a| a.name == name)
    }
}

/// A function declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct FunDecl {
    /// Modifiers, `suspend` among them.
    pub modifiers: Modifiers,
    /// Type parameters `<T>`, by name.
    pub type_params: Vec<Ident>,
    /// The receiver type of an extension function: `CoroutineScope` in `fun CoroutineScope.f()`.
    pub receiver: Option<TypeRef>,
    /// The function's name.
    pub name: Ident,
    /// Value parameters.
    pub params: Vec<Param>,
    /// Declared return type.
    pub return_type: Option<TypeRef>,
    /// The body: a block, `= expression`, or none (an error in this subset).
    pub body: FunBody,
    /// The getter of an extension property (`val String.initial: Char get() = this[0]`),
    /// read without parentheses: `name.initial`.
    pub is_property: bool,
    /// The whole declaration.
    pub span: Span,
}

/// The body of a function.
#[derive(Debug, Clone, PartialEq)]
pub enum FunBody {
    /// `{ … }`
    Block(Block),
    /// `= expression`
    Expr(Expr),
    /// No body.
    None,
}

/// A value parameter of a function or constructor.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Modifiers of a constructor property (`override`, `private`, …).
    pub modifiers: Modifiers,
    /// For constructor parameters: `val`, `var` or neither.
    pub binding: ParamBinding,
    /// `vararg`
    pub is_vararg: bool,
    /// The parameter's name.
    pub name: Ident,
    /// Its declared type.
    pub ty: Option<TypeRef>,
    /// Its default value.
    pub default: Option<Expr>,
    /// The whole parameter.
    pub span: Span,
}

/// Whether a constructor parameter is also a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamBinding {
    /// A plain parameter.
    Plain,
    /// `val x: T`: a read-only property.
    Val,
    /// `var x: T`: a mutable property.
    Var,
}

/// A `val` or `var` declaration, at the top level, in an object or class, or local.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyDecl {
    /// Modifiers and annotations (`@Volatile`, `private`, `const`, …).
    pub modifiers: Modifiers,
    /// `var` rather than `val`.
    pub mutable: bool,
    /// The name, or names for a destructuring declaration `val (a, b) = …`.
    pub pattern: Pattern,
    /// Declared type.
    pub ty: Option<TypeRef>,
    /// The initial value.
    pub init: Option<Expr>,
    /// A custom getter (`val size: Int get() = items.size`), as the function that computes
    /// the value: it has the property's name and no parameters.
    pub getter: Option<Box<FunDecl>>,
    /// `private set` (or `protected set`): only the class's own code may assign it.
    pub private_set: bool,
    /// `by lazy { … }`: the lambda that computes the value on the first read. The parser
    /// turns a lazy property of a class, an object or the file into a getter and two private
    /// properties; a local one is reported, and nothing reads it.
    pub lazy: Option<Lambda>,
    /// The whole declaration.
    pub span: Span,
}

/// What a declaration or lambda parameter binds.
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    /// One name.
    Name(Ident),
    /// `(a, b)`; `_` entries are skipped.
    Tuple(Vec<Ident>),
}

impl Pattern {
    /// The first name bound (the only one for `Name`).
    pub fn first(&self) -> Option<&Ident> {
        match self {
            Pattern::Name(n) => Some(n),
            Pattern::Tuple(v) => v.first(),
        }
    }
}

/// `object Name { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectDecl {
    /// Modifiers.
    pub modifiers: Modifiers,
    /// The object's name.
    pub name: Ident,
    /// Supertypes: a class it extends (with its constructor arguments) and interfaces.
    pub supertypes: Vec<SuperType>,
    /// Members: functions and properties.
    pub members: Vec<Item>,
    /// The whole declaration.
    pub span: Span,
}

/// `class Name(params) : Super(args) { … }`, or `interface Name : Super { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDecl {
    /// Modifiers (`data`, `open`, `abstract`, `sealed`, …).
    pub modifiers: Modifiers,
    /// `interface` rather than `class`.
    pub is_interface: bool,
    /// The class name.
    pub name: Ident,
    /// Type parameters.
    pub type_params: Vec<Ident>,
    /// Primary constructor parameters.
    pub params: Vec<Param>,
    /// `class Token private constructor(…)`: only the class's own code (its companion
    /// included) may call the constructor.
    pub private_constructor: bool,
    /// Supertypes with their constructor arguments: `Exception(message)`.
    pub supertypes: Vec<SuperType>,
    /// Members; `init { }` blocks are kept as `InitBlock` functions named `<init>`.
    pub members: Vec<Item>,
    /// The entries of an `enum class`, in declaration order; empty for other classes.
    pub entries: Vec<EnumEntry>,
    /// The whole declaration.
    pub span: Span,
}

/// An entry of an enum class: `RED`, or `LOW(1)` with its constructor arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumEntry {
    /// The entry's name.
    pub name: Ident,
    /// Arguments to the enum class's constructor.
    pub args: Vec<Arg>,
    /// The whole entry.
    pub span: Span,
}

/// A supertype in a class header.
#[derive(Debug, Clone, PartialEq)]
pub struct SuperType {
    /// The type.
    pub ty: TypeRef,
    /// Constructor arguments, when it is a class being extended.
    pub args: Option<Vec<Arg>>,
}

/// A written type, kept for diagnostics and for `is`, `as` and `catch`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeRef {
    /// The type's name with its dots, e.g. `java.io.IOException` or `Int`; for a function
    /// type it is `->`.
    pub name: String,
    /// Type arguments; for a function type, its parameter types then its return type.
    pub args: Vec<TypeRef>,
    /// `T?`
    pub nullable: bool,
    /// A function type with `suspend`.
    pub is_suspend: bool,
    /// The receiver of a function type such as `CoroutineScope.() -> Unit`.
    pub receiver: Option<Box<TypeRef>>,
    /// Where it is written.
    pub span: Span,
}

impl TypeRef {
    /// The last segment of the name: `IOException` for `java.io.IOException`.
    pub fn simple_name(&self) -> &str {
        self.name.rsplit('.').next().unwrap_or(&self.name)
    }
}

/// `{ statements }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The statements in order; the last one may be the block's value.
    pub stmts: Vec<Stmt>,
    /// From `{` to `}`.
    pub span: Span,
}

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// An expression used as a statement.
    Expr(Expr),
    /// A local `val` or `var`.
    Local(PropertyDecl),
    /// A local function.
    Fun(FunDecl),
    /// `target = value`, `target += value`, ….
    Assign {
        /// A name, a member access or an index.
        target: Expr,
        /// Which assignment.
        op: AssignOp,
        /// The assigned value.
        value: Expr,
        /// The whole statement.
        span: Span,
    },
    /// `while (cond) body`.
    While {
        /// The condition.
        cond: Expr,
        /// The body.
        body: Block,
        /// `name@` before the loop, which `break@name` and `continue@name` leave.
        label: Option<Ident>,
        /// The whole loop.
        span: Span,
    },
    /// `do body while (cond)`.
    DoWhile {
        /// The body.
        body: Block,
        /// The condition.
        cond: Expr,
        /// `name@` before the loop.
        label: Option<Ident>,
        /// The whole loop.
        span: Span,
    },
    /// `for (pattern in iterable) body`.
    For {
        /// The loop variable or `(a, b)`.
        pattern: Pattern,
        /// What is iterated.
        iterable: Expr,
        /// The body.
        body: Block,
        /// `name@` before the loop.
        label: Option<Ident>,
        /// The whole loop.
        span: Span,
    },
}

impl Stmt {
    /// The span of the whole statement.
    pub fn span(&self) -> Span {
        match self {
            Stmt::Expr(e) => e.span,
            Stmt::Local(p) => p.span,
            Stmt::Fun(f) => f.span,
            Stmt::Assign { span, .. } | Stmt::While { span, .. } | Stmt::DoWhile { span, .. } | Stmt::For { span, .. } => *span,
        }
    }
}

/// Assignment operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// `/=`
    Div,
    /// `%=`
    Rem,
}

/// An expression and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `42`, `1_000`
    Int(i64),
    /// `42L`
    Long(i64),
    /// `1.5`
    Double(f64),
    /// `'a'`
    Char(char),
    /// `true` / `false`
    Bool(bool),
    /// `null`
    Null,
    /// A string, possibly with templates.
    Str(Vec<StrPart>),
    /// A name: a local, a parameter, a property, a function or an object.
    Name(Ident),
    /// `this`
    This,
    /// `this@label`: the receiver of the lambda, extension function or class the label names.
    LabelledThis(Ident),
    /// `super`, or `super<Name>` naming the supertype; only valid before `.`.
    Super(Option<Ident>),
    /// A prefix operator: `-x`, `!x`, `++x`, `--x`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        expr: Box<Expr>,
    },
    /// A postfix `x++` or `x--`.
    Postfix {
        /// `++` or `--`.
        op: UnaryOp,
        /// The operand.
        expr: Box<Expr>,
    },
    /// A binary operator, including `..`, `?:`, `&&` and infix calls such as `to` or `until`.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `a infixName b` for infix functions other than the built-in operators.
    Infix {
        /// The function name: `to`, `until`, `downTo`, `step`, `and`, ….
        name: Ident,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `x is T` / `x !is T`.
    Is {
        /// The tested value.
        expr: Box<Expr>,
        /// The type.
        ty: TypeRef,
        /// `!is`
        negated: bool,
    },
    /// `x as T` / `x as? T`.
    As {
        /// The cast value.
        expr: Box<Expr>,
        /// The type.
        ty: TypeRef,
        /// `as?`
        safe: bool,
    },
    /// `x!!`
    NotNull(Box<Expr>),
    /// `x::class`: the Kotlin class (`KClass`) of a value, or of a type when `x` names one
    /// (`IllegalStateException::class`).
    ClassRef(Box<Expr>),
    /// `::name`, `receiver::name` or `Type::name`: a reference to a function or a property,
    /// which compiles as the lambda that calls or reads it.
    CallableRef {
        /// What is before `::`: none, a value (a bound reference) or a type.
        receiver: Option<Box<Expr>>,
        /// The function or property.
        name: Ident,
    },
    /// `receiver.name` or `receiver?.name`.
    Member {
        /// The receiver.
        receiver: Box<Expr>,
        /// The member name.
        name: Ident,
        /// `?.`
        safe: bool,
    },
    /// `callee(args) { trailing lambda }`, where callee is usually a name or a member access.
    Call {
        /// What is called.
        callee: Box<Expr>,
        /// Explicit type arguments: `async<Int>`.
        type_args: Vec<TypeRef>,
        /// Arguments inside the parentheses, and a trailing lambda last when present.
        args: Vec<Arg>,
        /// True when the last argument is a trailing lambda written after `)`.
        trailing_lambda: bool,
    },
    /// `receiver[index]`.
    Index {
        /// The indexed value.
        receiver: Box<Expr>,
        /// The index (several for maps of pairs are not supported).
        index: Box<Expr>,
    },
    /// `{ params -> body }`.
    Lambda(Lambda),
    /// `if (cond) a else b`.
    If {
        /// The condition.
        cond: Box<Expr>,
        /// The `then` branch.
        then: Box<Expr>,
        /// The `else` branch.
        els: Option<Box<Expr>>,
    },
    /// `when (subject) { branches }`.
    When {
        /// The subject, possibly `val x = …`.
        subject: Option<Box<WhenSubject>>,
        /// The branches in order; `else` has no conditions.
        branches: Vec<WhenBranch>,
    },
    /// `try { } catch (e: T) { } finally { }`.
    Try {
        /// The protected block.
        body: Block,
        /// Catch clauses in order.
        catches: Vec<Catch>,
        /// The finally block.
        finally: Option<Block>,
    },
    /// A block used as an expression: the branch of `if`, `when` or `try`.
    Block(Block),
    /// `return` or `return value`; `return@label` keeps its label.
    Return {
        /// The returned value.
        value: Option<Box<Expr>>,
        /// `@label` after `return`.
        label: Option<Ident>,
    },
    /// `throw value`.
    Throw(Box<Expr>),
    /// `break`, or `break@name` naming the loop it leaves.
    Break(Option<Ident>),
    /// `continue`, or `continue@name`.
    Continue(Option<Ident>),
    /// `object : Type { … }` and other constructs that parse but are outside the subset;
    /// the parser has already reported them.
    Error,
}

/// A piece of a string literal.
#[derive(Debug, Clone, PartialEq)]
pub enum StrPart {
    /// Literal text with escapes already decoded.
    Text(String),
    /// `$name` or `${ expression }`.
    Expr(Expr),
}

/// A call argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// `name =` for named arguments.
    pub name: Option<Ident>,
    /// `*` spread.
    pub spread: bool,
    /// The value.
    pub value: Expr,
}

/// A lambda literal.
#[derive(Debug, Clone, PartialEq)]
pub struct Lambda {
    /// Declared parameters; empty means none declared (`it` may be used).
    pub params: Vec<LambdaParam>,
    /// True when `->` was written, even with no parameters.
    pub has_arrow: bool,
    /// The body; its last statement is the lambda's value.
    pub body: Block,
    /// `name@` written before it: `return@name` returns from it (instead of the name of the
    /// function it is passed to).
    pub label: Option<Ident>,
}

/// A lambda parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct LambdaParam {
    /// A name, `_`, or `(a, b)`.
    pub pattern: Pattern,
    /// Its declared type.
    pub ty: Option<TypeRef>,
}

/// The subject of `when`.
#[derive(Debug, Clone, PartialEq)]
pub struct WhenSubject {
    /// `val name =` before the subject expression.
    pub binding: Option<Ident>,
    /// The subject.
    pub expr: Expr,
}

/// One branch of `when`.
#[derive(Debug, Clone, PartialEq)]
pub struct WhenBranch {
    /// The conditions separated by commas; empty for `else`.
    pub conditions: Vec<WhenCondition>,
    /// The branch's value: an expression or a block.
    pub body: Expr,
    /// The whole branch.
    pub span: Span,
}

/// A condition of a `when` branch.
#[derive(Debug, Clone, PartialEq)]
pub enum WhenCondition {
    /// A value compared with the subject, or a boolean without a subject.
    Expr(Expr),
    /// `is T` / `!is T`.
    Is {
        /// The type.
        ty: TypeRef,
        /// `!is`
        negated: bool,
    },
    /// `in range` / `!in range`.
    In {
        /// The range or collection.
        expr: Expr,
        /// `!in`
        negated: bool,
    },
}

/// `catch (name: Type) { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Catch {
    /// The bound name.
    pub name: Ident,
    /// The caught type.
    pub ty: TypeRef,
    /// The handler.
    pub body: Block,
    /// The whole clause.
    pub span: Span,
}

/// Prefix and postfix operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-`
    Neg,
    /// `+`
    Plus,
    /// `!`
    Not,
    /// `++`
    Inc,
    /// `--`
    Dec,
}

/// Binary operators, in the order of their precedence groups (loosest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `||`
    Or,
    /// `&&`
    And,
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
    /// `in`
    In,
    /// `!in`
    NotIn,
    /// `?:`
    Elvis,
    /// `..`
    Range,
    /// `..<`
    RangeUntil,
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
}

impl BinaryOp {
    /// The operator as written.
    #[inline(never)]
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Or => "||",
            And => "&&",
            Eq => "==",
            NotEq => "!=",
            Same => "===",
            NotSame => "!==",
            Lt => "<",
            Gt => ">",
            LtEq => "<=",
            GtEq => ">=",
            In => "in",
            NotIn => "!in",
            Elvis => "?:",
            Range => "..",
            RangeUntil => "..<",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
        }
    }
}
