//! Token kinds. The token stream is also the page's syntax-highlighting API.

use super::span::Span;

/// One token: a kind and the bytes it covers. Literal values are read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of tokens of the Kotlin subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    // Names and literals.
    /// An identifier, including soft keywords such as `suspend` or `import`.
    Ident,
    /// A back-quoted identifier such as `` `my name` ``.
    QuotedIdent,
    /// An integer literal: `42`, `1_000`, `0xFF`.
    Int,
    /// A long literal: `42L`.
    Long,
    /// A floating-point literal: `1.5`, `2e3`, `1.0f`.
    Double,
    /// A character literal: `'a'`, `'\n'`.
    Char,

    // Strings are split so that templates can hold whole expressions.
    /// The opening `"` or `"""` of a string.
    StrStart,
    /// Literal text inside a string, escapes included.
    StrText,
    /// `$name` inside a string.
    StrDollarIdent,
    /// `${` opening an expression inside a string.
    StrExprStart,
    /// `}` closing an expression inside a string.
    StrExprEnd,
    /// The closing `"` or `"""` of a string.
    StrEnd,

    // Hard keywords.
    /// `as`
    As,
    /// `break`
    Break,
    /// `class`
    Class,
    /// `continue`
    Continue,
    /// `do`
    Do,
    /// `else`
    Else,
    /// `false`
    False,
    /// `for`
    For,
    /// `fun`
    Fun,
    /// `if`
    If,
    /// `in`
    In,
    /// `interface`
    Interface,
    /// `is`
    Is,
    /// `null`
    Null,
    /// `object`
    Object,
    /// `package`
    Package,
    /// `return`
    Return,
    /// `super`
    Super,
    /// `this`
    This,
    /// `throw`
    Throw,
    /// `true`
    True,
    /// `try`
    Try,
    /// `typealias`
    Typealias,
    /// `val`
    Val,
    /// `var`
    Var,
    /// `when`
    When,
    /// `while`
    While,

    // One- and two-character punctuation.
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `;`
    Semi,
    /// `:`
    Colon,
    /// `::`
    ColonColon,
    /// `?`
    Question,
    /// `?.`
    SafeDot,
    /// `?:`
    Elvis,
    /// `!!`
    BangBang,
    /// `->`
    Arrow,
    /// `@`
    At,
    /// `=`
    Eq,
    /// `+=`
    PlusEq,
    /// `-=`
    MinusEq,
    /// `*=`
    StarEq,
    /// `/=`
    SlashEq,
    /// `%=`
    PercentEq,
    /// `++`
    PlusPlus,
    /// `--`
    MinusMinus,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `%`
    Percent,
    /// `==`
    EqEq,
    /// `!=`
    NotEq,
    /// `===`
    EqEqEq,
    /// `!==`
    NotEqEq,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    LtEq,
    /// `>=`
    GtEq,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    /// `!`
    Bang,
    /// `..`
    DotDot,
    /// `..<`
    DotDotLt,

    // Trivia the parser mostly skips.
    /// A line break; significant, as it can end a statement.
    Newline,
    /// `// ...`
    LineComment,
    /// `/* ... */`
    BlockComment,
    /// `/** ... */`
    DocComment,
    /// A character that starts no token.
    Unknown,
    /// The end of the input.
    Eof,
}

/// How the page colours a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Keywords, hard and soft.
    Keyword,
    /// Names of functions, variables and types.
    Name,
    /// Names that start with an upper-case letter (types, objects).
    Type,
    /// Numbers, `true`, `false` and `null`.
    Literal,
    /// String text and quotes.
    String,
    /// `$x` and `${` `}` inside strings.
    Interpolation,
    /// Comments.
    Comment,
    /// Operators and punctuation.
    Punctuation,
    /// Characters that start no token.
    Error,
    /// White space and line breaks.
    Plain,
}

/// Soft keywords: identifiers that act as keywords in some places.
pub const SOFT_KEYWORDS: &[&str] = &[
    "import", "suspend", "private", "public", "internal", "protected", "override", "open", "data",
    "const", "lateinit", "inline", "abstract", "final", "sealed", "enum", "companion", "by", "get",
    "set", "vararg", "operator", "infix", "tailrec", "external", "reified", "crossinline",
    "noinline", "annotation", "inner", "out", "init", "constructor", "where", "catch", "finally",
];

impl TokenKind {
    /// The hard keyword spelled `text`, if it is one.
    pub fn keyword(text: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match text {
            "as" => As,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "do" => Do,
            "else" => Else,
            "false" => False,
            "for" => For,
            "fun" => Fun,
            "if" => If,
            "in" => In,
            "interface" => Interface,
            "is" => Is,
            "null" => Null,
            "object" => Object,
            "package" => Package,
            "return" => Return,
            "super" => Super,
            "this" => This,
            "throw" => Throw,
            "true" => True,
            "try" => Try,
            "typealias" => Typealias,
            "val" => Val,
            "var" => Var,
            "when" => When,
            "while" => While,
            _ => return None,
        })
    }

    /// True for comments and line breaks.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokenKind::LineComment | TokenKind::BlockComment | TokenKind::DocComment)
    }

    /// How a human names this kind of token in a message.
    pub fn describe(self) -> &'static str {
        use TokenKind::*;
        match self {
            Ident | QuotedIdent => "a name",
            Int | Long | Double => "a number",
            Char => "a character literal",
            StrStart => "a string",
            StrText | StrDollarIdent | StrExprStart | StrExprEnd | StrEnd => "string text",
            As => "'as'",
            Break => "'break'",
            Class => "'class'",
            Continue => "'continue'",
            Do => "'do'",
            Else => "'else'",
            False => "'false'",
            For => "'for'",
            Fun => "'fun'",
            If => "'if'",
            In => "'in'",
            Interface => "'interface'",
            Is => "'is'",
            Null => "'null'",
            Object => "'object'",
            Package => "'package'",
            Return => "'return'",
            Super => "'super'",
            This => "'this'",
            Throw => "'throw'",
            True => "'true'",
            Try => "'try'",
            Typealias => "'typealias'",
            Val => "'val'",
            Var => "'var'",
            When => "'when'",
            While => "'while'",
            LParen => "'('",
            RParen => "')'",
            LBrace => "'{'",
            RBrace => "'}'",
            LBracket => "'['",
            RBracket => "']'",
            Comma => "','",
            Dot => "'.'",
            Semi => "';'",
            Colon => "':'",
            ColonColon => "'::'",
            Question => "'?'",
            SafeDot => "'?.'",
            Elvis => "'?:'",
            BangBang => "'!!'",
            Arrow => "'->'",
            At => "'@'",
            Eq => "'='",
            PlusEq => "'+='",
            MinusEq => "'-='",
            StarEq => "'*='",
            SlashEq => "'/='",
            PercentEq => "'%='",
            PlusPlus => "'++'",
            MinusMinus => "'--'",
            Plus => "'+'",
            Minus => "'-'",
            Star => "'*'",
            Slash => "'/'",
            Percent => "'%'",
            EqEq => "'=='",
            NotEq => "'!='",
            EqEqEq => "'==='",
            NotEqEq => "'!=='",
            Lt => "'<'",
            Gt => "'>'",
            LtEq => "'<='",
            GtEq => "'>='",
            AndAnd => "'&&'",
            OrOr => "'||'",
            Bang => "'!'",
            DotDot => "'..'",
            DotDotLt => "'..<'",
            Newline => "a line break",
            LineComment | BlockComment | DocComment => "a comment",
            Unknown => "an unexpected character",
            Eof => "the end of the file",
        }
    }

    /// How the page colours this kind of token; `text` is the token's text.
    pub fn highlight(self, text: &str) -> Highlight {
        use TokenKind::*;
        match self {
            Ident => {
                if SOFT_KEYWORDS.contains(&text) {
                    Highlight::Keyword
                } else if text.starts_with(|c: char| c.is_ascii_uppercase()) {
                    Highlight::Type
                } else {
                    Highlight::Name
                }
            }
            QuotedIdent => Highlight::Name,
            Int | Long | Double | Char | True | False | Null => Highlight::Literal,
            StrStart | StrText | StrEnd => Highlight::String,
            StrDollarIdent | StrExprStart | StrExprEnd => Highlight::Interpolation,
            As | Break | Class | Continue | Do | Else | For | Fun | If | In | Interface | Is
            | Object | Package | Return | Super | This | Throw | Try | Typealias | Val | Var
            | When | While => Highlight::Keyword,
            LineComment | BlockComment | DocComment => Highlight::Comment,
            Unknown => Highlight::Error,
            Newline | Eof => Highlight::Plain,
            _ => Highlight::Punctuation,
        }
    }
}
