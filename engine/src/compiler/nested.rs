//! Nested declarations: a class, data class, object, interface or enum class declared in the
//! body of a class, interface or object.
//!
//! kotlinc compiles each one to a class of its own, named `Outer$Inner`; a nested class
//! (not `inner`) holds no reference to an instance of its outer class, so it is a top-level
//! class under another name. Before compiling, this pass does the same: it lifts every
//! nested declaration to the top level under its JVM name and rewrites every name that
//! refers to one — `Inner` in the body of `Outer` (and of the declarations nested in it),
//! `Outer.Inner` anywhere — in types, constructor calls, `is`, `as`, `catch`, `::class` and
//! object references. The rest of the compiler then sees top-level classes; what prints a
//! class's name reads its `$` as the JVM does (`Outer$Inner@1b6d3586`, `Outer$Boom: …` in a
//! stack trace) except a data class's `toString`, which prints its simple name.
//!
//! A name outside the body of `Outer` is left as written: `Inner` alone is then an
//! unresolved reference, as kotlinc reports it. Declarations nested in a companion object
//! are not lifted; the compiler reports them.

use crate::lang::ast::*;
use crate::lang::Diagnostic;

/// A file whose nested declarations were lifted.
pub(super) struct Flat {
    /// The file, every class and object at the top level.
    pub(super) file: File,
    /// The JVM names of the nested declarations, longest first.
    pub(super) nested: Vec<String>,
}

impl Flat {
    /// Writes the nested classes' names in a diagnostic as Kotlin does: `Outer.Inner`.
    pub(super) fn show_names(&self, d: &mut Diagnostic) {
        for n in &self.nested {
            if d.message.contains(n.as_str()) {
                d.message = d.message.replace(n.as_str(), &n.replace('$', "."));
            }
            if let Some(h) = d.help.as_mut().filter(|h| h.contains(n.as_str())) {
                *h = h.replace(n.as_str(), &n.replace('$', "."));
            }
        }
    }
}

/// The file with its nested declarations lifted, or `None` when it declares none.
pub(super) fn flatten(file: &File) -> Option<Flat> {
    let mut known = Vec::new();
    for item in &file.items {
        collect(item, "", &mut known);
    }
    let mut nested: Vec<String> = known.iter().filter(|k| k.contains('$')).cloned().collect();
    if nested.is_empty() {
        return None;
    }
    nested.sort_by_key(|n| std::cmp::Reverse(n.len()));
    known.sort();
    let mut r = Resolver { known, scope: Vec::new(), imports: Vec::new() };
    // `import Outer.Inner` and `import Outer.*` name nested classes by their simple names
    // everywhere; `import Outer.Color.RED` imports an entry of a nested enum class.
    let mut imports = file.imports.clone();
    for imp in &mut imports {
        let segments: Vec<&str> = imp.path.split('.').collect();
        let class = (1..=segments.len()).rev().find_map(|n| Some((n, r.path(&segments[..n].join("."))?)));
        let (n, class) = match class {
            Some((n, class)) => (n, class),
            None if r.is_class(segments[0]) => (1, segments[0].to_string()),
            None => continue,
        };
        let rest = &segments[n..];
        if rest.is_empty() || rest == ["*"] {
            r.imports.push(if rest.is_empty() { class.clone() } else { format!("{class}$") });
        }
        imp.path = std::iter::once(class.as_str()).chain(rest.iter().copied()).collect::<Vec<_>>().join(".");
    }
    let mut items = Vec::with_capacity(r.known.len() + file.items.len());
    for item in &file.items {
        lift(item.clone(), "", &mut r, &mut items);
    }
    Some(Flat { file: File { package: file.package.clone(), imports, items }, nested })
}

/// The JVM name of a declaration `name` nested in `outer` (`""` at the top level).
fn joined(outer: &str, name: &str) -> String {
    if outer.is_empty() {
        name.to_string()
    } else {
        format!("{outer}${name}")
    }
}

/// The declarations nested in a body: classes and objects, companions excepted.
fn is_nested(item: &Item) -> bool {
    match item {
        Item::Class(_) => true,
        Item::Object(o) => !o.modifiers.has("companion"),
        _ => false,
    }
}

fn members_mut(item: &mut Item) -> Option<&mut Vec<Item>> {
    match item {
        Item::Class(c) => Some(&mut c.members),
        Item::Object(o) => Some(&mut o.members),
        _ => None,
    }
}

/// Lists the JVM names of the classes and objects an item declares, itself included.
fn collect(item: &Item, outer: &str, out: &mut Vec<String>) {
    let (name, members) = match item {
        Item::Class(c) => (&c.name, &c.members),
        Item::Object(o) => (&o.name, &o.members),
        _ => return,
    };
    let key = joined(outer, &name.name);
    for m in members.iter().filter(|m| is_nested(m)) {
        collect(m, &key, out);
    }
    out.push(key);
}

/// Adds an item to `out` with its names rewritten, then the declarations nested in it.
fn lift(mut item: Item, outer: &str, r: &mut Resolver, out: &mut Vec<Item>) {
    let key = match &mut item {
        Item::Class(c) => {
            c.name.name = joined(outer, &c.name.name);
            c.name.name.clone()
        }
        Item::Object(o) => {
            o.name.name = joined(outer, &o.name.name);
            o.name.name.clone()
        }
        _ => String::new(),
    };
    let nested: Vec<Item> = match members_mut(&mut item) {
        Some(members) => {
            let (nested, kept) = std::mem::take(members).into_iter().partition(is_nested);
            *members = kept;
            nested
        }
        None => Vec::new(),
    };
    // In a class's body, the names nested in it come first, then those nested in each class
    // around it.
    r.scope.clear();
    let mut scope = key.as_str();
    while !scope.is_empty() {
        r.scope.push(scope.to_string());
        scope = scope.rsplit_once('$').map_or("", |(o, _)| o);
    }
    r.item(&mut item);
    out.push(item);
    for n in nested {
        lift(n, &key, r, out);
    }
}

struct Resolver {
    /// The JVM names of every class and object of the file, sorted.
    known: Vec<String>,
    /// The classes whose bodies enclose the code being rewritten, innermost first.
    scope: Vec<String>,
    /// The nested classes imported by name (`Outer$Inner`) or with their siblings
    /// (`Outer$`, for `import Outer.*`).
    imports: Vec<String>,
}

impl Resolver {
    fn is_class(&self, name: &str) -> bool {
        self.known.binary_search_by(|k| k.as_str().cmp(name)).is_ok()
    }

    /// A simple name declared in a class around the code, or imported: its JVM name.
    fn simple(&self, name: &str) -> Option<String> {
        self.scope.iter().map(|s| format!("{s}${name}")).find(|k| self.is_class(k)).or_else(|| {
            self.imports.iter().find_map(|i| match i.strip_suffix('$') {
                Some(outer) => Some(format!("{outer}${name}")).filter(|k| self.is_class(k)),
                None => (i.rsplit('$').next() == Some(name)).then(|| i.clone()),
            })
        })
    }

    /// A written type, `Inner` or `Outer.Inner`: the JVM name of the nested class it names.
    fn path(&self, path: &str) -> Option<String> {
        let mut segments = path.split('.');
        let first = segments.next()?;
        let mut key = self.simple(first).or_else(|| self.is_class(first).then(|| first.to_string()))?;
        for s in segments {
            key = format!("{key}${s}");
            if !self.is_class(&key) {
                return None;
            }
        }
        key.contains('$').then_some(key)
    }

    fn ty(&self, t: &mut TypeRef) {
        if let Some(k) = self.path(&t.name) {
            t.name = k;
        }
        for a in &mut t.args {
            self.ty(a);
        }
        if let Some(r) = &mut t.receiver {
            self.ty(r);
        }
    }

    fn opt_ty(&self, t: &mut Option<TypeRef>) {
        if let Some(t) = t {
            self.ty(t);
        }
    }

    fn item(&self, item: &mut Item) {
        match item {
            Item::Fun(f) => self.fun(f),
            Item::Property(p) => self.property(p),
            Item::Object(o) => {
                self.supertypes(&mut o.supertypes);
                o.members.iter_mut().for_each(|m| self.item(m));
            }
            Item::Class(c) => {
                self.params(&mut c.params);
                self.supertypes(&mut c.supertypes);
                for e in &mut c.entries {
                    self.args(&mut e.args);
                }
                c.members.iter_mut().for_each(|m| self.item(m));
            }
        }
    }

    fn supertypes(&self, supertypes: &mut [SuperType]) {
        for s in supertypes {
            self.ty(&mut s.ty);
            if let Some(args) = &mut s.args {
                self.args(args);
            }
        }
    }

    fn params(&self, params: &mut [Param]) {
        for p in params {
            self.opt_ty(&mut p.ty);
            if let Some(d) = &mut p.default {
                self.expr(d);
            }
        }
    }

    fn args(&self, args: &mut [Arg]) {
        for a in args {
            self.expr(&mut a.value);
        }
    }

    fn fun(&self, f: &mut FunDecl) {
        self.opt_ty(&mut f.receiver);
        self.params(&mut f.params);
        self.opt_ty(&mut f.return_type);
        match &mut f.body {
            FunBody::Block(b) => self.block(b),
            FunBody::Expr(e) => self.expr(e),
            FunBody::None => {}
        }
    }

    fn property(&self, p: &mut PropertyDecl) {
        self.opt_ty(&mut p.ty);
        if let Some(e) = &mut p.init {
            self.expr(e);
        }
        if let Some(g) = &mut p.getter {
            self.fun(g);
        }
    }

    fn block(&self, b: &mut Block) {
        for s in &mut b.stmts {
            match s {
                Stmt::Expr(e) => self.expr(e),
                Stmt::Local(p) => self.property(p),
                Stmt::Fun(f) => self.fun(f),
                Stmt::Assign { target, value, .. } => {
                    self.expr(target);
                    self.expr(value);
                }
                Stmt::While { cond, body, .. } | Stmt::DoWhile { body, cond, .. } => {
                    self.expr(cond);
                    self.block(body);
                }
                Stmt::For { iterable, body, .. } => {
                    self.expr(iterable);
                    self.block(body);
                }
            }
        }
    }

    fn expr(&self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(id) => {
                if let Some(k) = self.simple(&id.name) {
                    id.name = k;
                }
            }
            ExprKind::Member { receiver, name, safe } => {
                self.expr(receiver);
                // `Outer.Inner`, once `Outer` is known to name a class.
                if let ExprKind::Name(outer) = &receiver.kind {
                    let key = format!("{}${}", outer.name, name.name);
                    if !*safe && self.is_class(&outer.name) && self.is_class(&key) {
                        e.kind = ExprKind::Name(Ident { name: key, span: e.span });
                    }
                }
            }
            ExprKind::Str(parts) => {
                for p in parts {
                    if let StrPart::Expr(x) = p {
                        self.expr(x);
                    }
                }
            }
            ExprKind::Unary { expr, .. } | ExprKind::Postfix { expr, .. } | ExprKind::NotNull(expr) | ExprKind::ClassRef(expr) | ExprKind::Throw(expr) => self.expr(expr),
            // `Outer.Inner::name`: the type before `::` is a nested class's.
            ExprKind::CallableRef { receiver: Some(receiver), .. } => self.expr(receiver),
            ExprKind::CallableRef { receiver: None, .. } => {}
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Infix { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::Is { expr, ty, .. } | ExprKind::As { expr, ty, .. } => {
                self.expr(expr);
                self.ty(ty);
            }
            ExprKind::Call { callee, type_args, args, .. } => {
                self.expr(callee);
                type_args.iter_mut().for_each(|t| self.ty(t));
                self.args(args);
            }
            ExprKind::Index { receiver, index } => {
                self.expr(receiver);
                self.expr(index);
            }
            ExprKind::Lambda(l) => {
                for p in &mut l.params {
                    self.opt_ty(&mut p.ty);
                }
                self.block(&mut l.body);
            }
            ExprKind::If { cond, then, els } => {
                self.expr(cond);
                self.expr(then);
                if let Some(x) = els {
                    self.expr(x);
                }
            }
            ExprKind::When { subject, branches } => {
                if let Some(s) = subject {
                    self.expr(&mut s.expr);
                }
                for b in branches {
                    for c in &mut b.conditions {
                        match c {
                            WhenCondition::Expr(x) | WhenCondition::In { expr: x, .. } => self.expr(x),
                            WhenCondition::Is { ty, .. } => self.ty(ty),
                        }
                    }
                    self.expr(&mut b.body);
                }
            }
            ExprKind::Try { body, catches, finally } => {
                self.block(body);
                for c in catches {
                    self.ty(&mut c.ty);
                    self.block(&mut c.body);
                }
                if let Some(f) = finally {
                    self.block(f);
                }
            }
            ExprKind::Block(b) => self.block(b),
            ExprKind::Return { value: Some(v), .. } => self.expr(v),
            ExprKind::Int(_)
            | ExprKind::Long(_)
            | ExprKind::Double(_)
            | ExprKind::Char(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::This
            | ExprKind::LabelledThis(_)
            | ExprKind::Super(_)
            | ExprKind::Return { value: None, .. }
            | ExprKind::Break(_)
            | ExprKind::Continue(_)
            | ExprKind::Error => {}
        }
    }
}
