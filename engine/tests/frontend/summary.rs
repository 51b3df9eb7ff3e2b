//! A compact, s-expression-like summary of a syntax tree, for golden files.
//!
//! Declarations and statements start lines; expressions stay on one line unless they hold a
//! block. `(call f (args) (lambda …))` keeps the trailing lambda outside the argument list, as
//! the source does. Spans are left out: the golden files are about shape, and the
//! diagnostics tests check positions.

use engine::lang::ast::*;
use std::fmt::Write as _;

/// The summary of a whole file.
pub fn file(f: &File) -> String {
    let mut p = Printer::default();
    if let Some(package) = &f.package {
        p.line(format!("(package {})", package.name));
    }
    for import in &f.imports {
        p.line(format!("(import {})", import.path));
    }
    for item in &f.items {
        p.item(item);
    }
    p.out
}

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    fn line(&mut self, text: String) {
        let _ = writeln!(self.out, "{}{}", "  ".repeat(self.indent), text);
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Fun(f) => self.fun(f),
            Item::Property(p) => {
                let text = property(p, self.indent);
                self.line(text);
            }
            Item::Object(o) => {
                let supers = supertypes(&o.supertypes, self.indent);
                self.line(format!("(object{} {}{}", modifiers(&o.modifiers), o.name.name, supers));
                self.members(&o.members);
            }
            Item::Class(c) => {
                let params = params(&c.params, self.indent);
                let supers = supertypes(&c.supertypes, self.indent);
                self.line(format!("(class{} {}{} ({}){}", modifiers(&c.modifiers), c.name.name, type_params(&c.type_params), params, supers));
                self.indent += 1;
                for e in &c.entries {
                    let args = args_text(&e.args, self.indent);
                    self.line(format!("(entry {}{})", e.name.name, if args.is_empty() { String::new() } else { format!(" {args}") }));
                }
                self.indent -= 1;
                self.members(&c.members);
            }
        }
    }

    /// Members of an object or class, indented, then the closing parenthesis.
    fn members(&mut self, members: &[Item]) {
        self.indent += 1;
        for m in members {
            self.item(m);
        }
        self.indent -= 1;
        self.close();
    }

    /// Appends `)` to the last line.
    fn close(&mut self) {
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out.push_str(")\n");
    }

    fn fun(&mut self, f: &FunDecl) {
        let receiver = f.receiver.as_ref().map(|r| format!("{}.", ty(r))).unwrap_or_default();
        let ret = f.return_type.as_ref().map(|t| format!(": {}", ty(t))).unwrap_or_default();
        let head = format!(
            "(fun{}{} {}{} ({}){}",
            modifiers(&f.modifiers),
            type_params(&f.type_params),
            receiver,
            f.name.name,
            params(&f.params, self.indent),
            ret
        );
        match &f.body {
            FunBody::Block(b) => {
                self.line(head);
                self.indent += 1;
                self.stmts(&b.stmts);
                self.indent -= 1;
                self.close();
            }
            FunBody::Expr(e) => {
                let body = expr(e, self.indent);
                self.line(format!("{head} = {body})"));
            }
            FunBody::None => self.line(format!("{head} <no body>)")),
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let i = self.indent;
        match s {
            Stmt::Expr(e) => self.line(expr(e, i)),
            Stmt::Local(p) => self.line(property(p, i)),
            Stmt::Fun(f) => self.fun(f),
            Stmt::Assign { target, op, value, .. } => {
                let op = match op {
                    AssignOp::Assign => "=",
                    AssignOp::Add => "+=",
                    AssignOp::Sub => "-=",
                    AssignOp::Mul => "*=",
                    AssignOp::Div => "/=",
                    AssignOp::Rem => "%=",
                };
                self.line(format!("({op} {} {})", expr(target, i), expr(value, i)));
            }
            Stmt::While { cond, body, label, .. } => self.line(format!("({}while {} {})", label_text(label), expr(cond, i), block("block", body, i))),
            Stmt::DoWhile { body, cond, label, .. } => self.line(format!("({}do {} while {})", label_text(label), block("block", body, i), expr(cond, i))),
            Stmt::For { pattern, iterable, body, label, .. } => {
                self.line(format!("({}for {} in {} {})", label_text(label), pattern_text(pattern), expr(iterable, i), block("block", body, i)))
            }
        }
    }
}

fn modifiers(m: &Modifiers) -> String {
    let mut out = String::new();
    for a in &m.annotations {
        let _ = write!(out, " @{}", a.name);
    }
    for k in &m.keywords {
        let _ = write!(out, " {}", k.name);
    }
    out
}

fn type_params(names: &[Ident]) -> String {
    if names.is_empty() {
        return String::new();
    }
    format!(" <{}>", names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", "))
}

fn params(params: &[Param], indent: usize) -> String {
    let list: Vec<String> = params
        .iter()
        .map(|p| {
            let binding = match p.binding {
                ParamBinding::Plain => "",
                ParamBinding::Val => "val ",
                ParamBinding::Var => "var ",
            };
            let vararg = if p.is_vararg { "vararg " } else { "" };
            let t = p.ty.as_ref().map(|t| format!(": {}", ty(t))).unwrap_or_default();
            let default = p.default.as_ref().map(|d| format!(" = {}", expr(d, indent))).unwrap_or_default();
            format!("{vararg}{binding}{}{t}{default}", p.name.name)
        })
        .collect();
    list.join(", ")
}

fn supertypes(supers: &[SuperType], indent: usize) -> String {
    if supers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = supers
        .iter()
        .map(|s| match &s.args {
            Some(args) => format!("{}({})", ty(&s.ty), args_text(args, indent)),
            None => ty(&s.ty),
        })
        .collect();
    format!(" : {}", list.join(", "))
}

fn property(p: &PropertyDecl, indent: usize) -> String {
    let keyword = if p.mutable { "var" } else { "val" };
    let t = p.ty.as_ref().map(|t| format!(": {}", ty(t))).unwrap_or_default();
    let init = p.init.as_ref().map(|e| format!(" {}", expr(e, indent))).unwrap_or_default();
    format!("({keyword}{} {}{t}{init})", modifiers(&p.modifiers), pattern_text(&p.pattern))
}

fn pattern_text(p: &Pattern) -> String {
    match p {
        Pattern::Name(n) => n.name.clone(),
        Pattern::Tuple(names) => format!("({})", names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")),
    }
}

/// A type as Kotlin writes it.
fn ty(t: &TypeRef) -> String {
    let mut out = String::new();
    if t.is_suspend {
        out.push_str("suspend ");
    }
    if t.name == "->" {
        if let Some(r) = &t.receiver {
            let _ = write!(out, "{}.", ty(r));
        }
        let (ret, ps) = t.args.split_last().map(|(r, ps)| (ty(r), ps)).unwrap_or_default();
        let _ = write!(out, "({}) -> {ret}", ps.iter().map(ty).collect::<Vec<_>>().join(", "));
        if t.nullable {
            out = format!("({out})?");
        }
        return out;
    }
    out.push_str(&t.name);
    if !t.args.is_empty() {
        let _ = write!(out, "<{}>", t.args.iter().map(ty).collect::<Vec<_>>().join(", "));
    }
    if t.nullable {
        out.push('?');
    }
    out
}

fn args_text(args: &[Arg], indent: usize) -> String {
    let list: Vec<String> = args
        .iter()
        .map(|a| {
            let name = a.name.as_ref().map(|n| format!("{}=", n.name)).unwrap_or_default();
            let spread = if a.spread { "*" } else { "" };
            format!("{name}{spread}{}", expr(&a.value, indent))
        })
        .collect();
    list.join(" ")
}

/// `(head stmt…)`: on one line when the block is one short line, otherwise one statement per
/// line, indented.
fn block(head: &str, b: &Block, indent: usize) -> String {
    let mut p = Printer { out: String::new(), indent: indent + 1 };
    p.stmts(&b.stmts);
    let body = p.out.trim_end().to_string();
    if body.is_empty() {
        return format!("({head})");
    }
    if b.stmts.len() == 1 && !body.contains('\n') && body.trim().len() <= 60 {
        return format!("({head} {})", body.trim());
    }
    format!("({head}\n{body})")
}

fn expr(e: &Expr, indent: usize) -> String {
    let x = |e: &Expr| expr(e, indent);
    match &e.kind {
        ExprKind::Int(v) => v.to_string(),
        ExprKind::Long(v) => format!("{v}L"),
        ExprKind::Double(v) => format!("{v:?}"),
        ExprKind::Char(c) => format!("{c:?}"),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Null => "null".into(),
        ExprKind::Str(parts) => {
            let list: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    StrPart::Text(t) => format!("{t:?}"),
                    StrPart::Expr(e) => format!("${}", x(e)),
                })
                .collect();
            if list.is_empty() {
                "(str)".into()
            } else {
                format!("(str {})", list.join(" "))
            }
        }
        ExprKind::Name(n) => n.name.clone(),
        ExprKind::This => "this".into(),
        ExprKind::LabelledThis(l) => format!("this@{}", l.name),
        ExprKind::Super(q) => match q {
            Some(q) => format!("super<{}>", q.name),
            None => "super".into(),
        },
        ExprKind::Unary { op, expr } => {
            let op = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Plus => "pos",
                UnaryOp::Not => "!",
                UnaryOp::Inc => "++pre",
                UnaryOp::Dec => "--pre",
            };
            format!("({op} {})", x(expr))
        }
        ExprKind::Postfix { op, expr } => {
            let op = if *op == UnaryOp::Inc { "post++" } else { "post--" };
            format!("({op} {})", x(expr))
        }
        ExprKind::Binary { op, lhs, rhs } => format!("({} {} {})", op.symbol(), x(lhs), x(rhs)),
        ExprKind::Infix { name, lhs, rhs } => format!("({} {} {})", name.name, x(lhs), x(rhs)),
        ExprKind::Is { expr, ty: t, negated } => format!("({} {} {})", if *negated { "!is" } else { "is" }, x(expr), ty(t)),
        ExprKind::As { expr, ty: t, safe } => format!("({} {} {})", if *safe { "as?" } else { "as" }, x(expr), ty(t)),
        ExprKind::NotNull(e) => format!("(!! {})", x(e)),
        ExprKind::ClassRef(e) => format!("(::class {})", x(e)),
        ExprKind::CallableRef { receiver: Some(r), name } => format!("(:: {} {})", x(r), name.name),
        ExprKind::CallableRef { receiver: None, name } => format!("(:: {})", name.name),
        ExprKind::Member { receiver, name, safe } => format!("({} {} {})", if *safe { "?." } else { "." }, x(receiver), name.name),
        ExprKind::Call { callee, type_args, args, trailing_lambda } => {
            let targs = if type_args.is_empty() {
                String::new()
            } else {
                format!("<{}>", type_args.iter().map(ty).collect::<Vec<_>>().join(", "))
            };
            let (inner, trailing) = match (trailing_lambda, args.split_last()) {
                (true, Some((last, rest))) => (rest, Some(x(&last.value))),
                _ => (args.as_slice(), None),
            };
            let mut out = format!("(call {}{targs} ({})", x(callee), args_text(inner, indent));
            if let Some(t) = trailing {
                let _ = write!(out, " {t}");
            }
            out.push(')');
            out
        }
        ExprKind::Index { receiver, index } => format!("(index {} {})", x(receiver), x(index)),
        ExprKind::Lambda(l) => {
            let ps: Vec<String> = l
                .params
                .iter()
                .map(|p| {
                    let t = p.ty.as_ref().map(|t| format!(": {}", ty(t))).unwrap_or_default();
                    format!("{}{t}", pattern_text(&p.pattern))
                })
                .collect();
            let head = if l.has_arrow { format!("lambda [{}]", ps.join(", ")) } else { "lambda".to_string() };
            block(&head, &l.body, indent)
        }
        ExprKind::If { cond, then, els } => match els {
            Some(els) => format!("(if {} {} {})", x(cond), x(then), x(els)),
            None => format!("(if {} {})", x(cond), x(then)),
        },
        ExprKind::When { subject, branches } => {
            let subject = match subject.as_deref() {
                Some(WhenSubject { binding: Some(b), expr }) => format!(" (val {} {})", b.name, x(expr)),
                Some(WhenSubject { binding: None, expr }) => format!(" {}", x(expr)),
                None => String::new(),
            };
            let pad = "  ".repeat(indent + 1);
            let mut out = format!("(when{subject}");
            for b in branches {
                let conds: Vec<String> = b
                    .conditions
                    .iter()
                    .map(|c| match c {
                        WhenCondition::Expr(e) => x(e),
                        WhenCondition::Is { ty: t, negated } => format!("({} {})", if *negated { "!is" } else { "is" }, ty(t)),
                        WhenCondition::In { expr, negated } => format!("({} {})", if *negated { "!in" } else { "in" }, x(expr)),
                    })
                    .collect();
                let conds = if conds.is_empty() { "else".to_string() } else { conds.join(" ") };
                let _ = write!(out, "\n{pad}({conds} -> {})", expr(&b.body, indent + 1));
            }
            out.push(')');
            out
        }
        ExprKind::Try { body, catches, finally } => {
            let mut out = format!("(try {}", block("block", body, indent));
            for c in catches {
                let _ = write!(out, " (catch {}: {} {})", c.name.name, ty(&c.ty), block("block", &c.body, indent));
            }
            if let Some(f) = finally {
                let _ = write!(out, " (finally {})", block("block", f, indent));
            }
            out.push(')');
            out
        }
        ExprKind::Block(b) => block("block", b, indent),
        ExprKind::Return { value, label } => {
            let label = label.as_ref().map(|l| format!("@{}", l.name)).unwrap_or_default();
            match value {
                Some(v) => format!("(return{label} {})", x(v)),
                None => format!("(return{label})"),
            }
        }
        ExprKind::Throw(v) => format!("(throw {})", x(v)),
        ExprKind::Break(label) => label.as_ref().map_or("break".into(), |l| format!("break@{}", l.name)),
        ExprKind::Continue(label) => label.as_ref().map_or("continue".into(), |l| format!("continue@{}", l.name)),
        ExprKind::Error => "<error>".into(),
    }
}

/// A loop's label as written before it (`outer@ `), or nothing.
fn label_text(label: &Option<engine::lang::ast::Ident>) -> String {
    label.as_ref().map(|l| format!("{}@ ", l.name)).unwrap_or_default()
}
