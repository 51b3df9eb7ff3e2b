//! Class hierarchies: `open`, `abstract` and `sealed` classes, interfaces, and the objects
//! and classes that extend them.
//!
//! Once every class is declared, `link_classes` reads each one's supertypes and flattens its
//! hierarchy into it, superclasses first: a class's fields start with its superclass's, and
//! its methods and getters are its own and the ones it inherits, the most derived of each
//! name. The engine already reads fields and calls methods by name on the runtime object, so
//! a call on an instance dispatches on its runtime class with no other machinery. Each
//! method is compiled once, in the class that declares it, with that class's view of the
//! names around it. Here too are the checks kotlinc makes of a hierarchy: what may be
//! extended, what must be overridden and how.

use super::*;

/// The members every value has, which any class may override.
const ANY_MEMBERS: &[&str] = &["toString", "equals", "hashCode"];

/// The visibility kotlinc shows in a member's signature.
pub(super) fn visibility(m: &Modifiers) -> &'static str {
    for v in ["private", "protected", "internal"] {
        if m.has(v) {
            return match v {
                "private" => "private ",
                "protected" => "protected ",
                _ => "internal ",
            };
        }
    }
    "public "
}

/// A written type as kotlinc prints it: `List<String>?`, `suspend (Int) -> Unit`.
pub(super) fn render_type(t: &TypeRef) -> String {
    let mut out = String::new();
    if t.name == "->" {
        if t.is_suspend {
            out.push_str("suspend ");
        }
        if let Some(r) = &t.receiver {
            out.push_str(&render_type(r));
            out.push('.');
        }
        let (ret, params) = t.args.split_last().map(|(r, p)| (render_type(r), p)).unwrap_or_else(|| ("Unit".into(), &[]));
        let params: Vec<String> = params.iter().map(render_type).collect();
        out.push_str(&format!("({}) -> {ret}", params.join(", ")));
        if t.nullable {
            out = format!("({out})?");
        }
        return out;
    }
    out.push_str(&t.name);
    if !t.args.is_empty() {
        let args: Vec<String> = t.args.iter().map(render_type).collect();
        out.push_str(&format!("<{}>", args.join(", ")));
    }
    if t.nullable {
        out.push('?');
    }
    out
}

/// A `var` property: its signature, as kotlinc shows it, reads `var name: Type`.
fn is_var(m: &Member) -> bool {
    !m.is_fun && m.signature.contains(&format!("var {}:", m.name))
}

/// Deepest chain of classes the program may declare: linking costs the square of it.
const MAX_HIERARCHY_DEPTH: usize = 64;

impl<'a> Compiler<'a> {
    /// A member a class declares.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new_member(&self, owner: &str, name: &Ident, m: &Modifiers, is_fun: bool, is_getter: bool, is_abstract: bool, kind: ClassKind, signature: String, defaults: Vec<Option<Expr>>) -> Member {
        let override_kw = m.keywords.iter().find(|k| k.name == "override").map(|k| k.span);
        let is_open = !m.has("private")
            && (kind == ClassKind::Interface || is_abstract || m.has("open") || m.has("abstract") || (override_kw.is_some() && !m.has("final")));
        Member { name: name.name.clone(), is_fun, is_lateinit: m.has("lateinit"), is_getter, is_abstract, is_open, is_private: m.has("private"), override_kw, owner: owner.to_string(), signature, defaults, param_types: Vec::new(), is_suspend: m.is_suspend, ty: None, span: name.span }
    }

    /// Reads every class's supertypes and flattens its hierarchy into it, in declaration
    /// order, each superclass before the classes that extend it.
    pub(super) fn link_classes(&mut self) {
        let names: Vec<String> = self.program.classes.iter().map(|c| c.name.clone()).collect();
        // Linking follows each class up its hierarchy, and each class holds what is above it:
        // a deep chain would cost stack and memory by the square of its depth.
        for n in &names {
            if self.depth_above(n) > MAX_HIERARCHY_DEPTH {
                let span = self.classes.get(n).map(|c| c.name_span).unwrap_or_default();
                self.error(span, format!("class hierarchies deeper than {MAX_HIERARCHY_DEPTH} levels are not supported in Coroutine Lab"));
                return;
            }
        }
        for n in &names {
            let mut stack = Vec::new();
            self.link(n, &mut stack);
        }
        for n in &names {
            self.check_override_types(n);
        }
    }

    /// kotlinc's checks of an override's type against the member it overrides: a function's
    /// return type and a `val`'s type must be subtypes of the overridden one's, a `var`'s the
    /// same type. Only what is plain is reported: a type parameter, or a type the engine does
    /// not know, is given the benefit of the doubt.
    fn check_override_types(&mut self, name: &str) {
        let Some(info) = self.classes.get(name) else { return };
        let above: Vec<String> = info.superclass.iter().chain(&info.interfaces).cloned().collect();
        let mut errors = Vec::new();
        for m in info.own.iter().filter(|m| m.override_kw.is_some()) {
            let Some(ty) = &m.ty else { continue };
            let inherited = above.iter().filter_map(|a| self.classes.get(a)).find_map(|a| a.members.iter().find(|x| x.name == m.name && x.is_fun == m.is_fun));
            let Some(base) = inherited else { continue };
            let Some(base_ty) = &base.ty else { continue };
            let what = format!("{} defined in {}", base.signature, base.owner);
            let msg = if m.is_fun {
                (self.type_fits(ty, base_ty) == Some(false)).then(|| format!("return type of '{}' is not a subtype of the return type of the overridden member '{what}'", m.name))
            } else if is_var(base) && is_var(m) {
                (self.type_fits(ty, base_ty) == Some(false) || self.type_fits(base_ty, ty) == Some(false))
                    .then(|| format!("type of '{}' doesn't match the type of the overridden var-property '{what}'", m.name))
            } else {
                (self.type_fits(ty, base_ty) == Some(false)).then(|| format!("type of '{}' is not a subtype of the overridden property '{what}'", m.name))
            };
            if let Some(msg) = msg {
                errors.push((ty.span, msg));
            }
        }
        for (span, msg) in errors {
            self.error(span, msg);
        }
    }

    /// Whether a value of type `sub` is a `sup`: `None` when it is not plain (type parameters,
    /// type arguments, types the engine does not know).
    fn type_fits(&self, sub: &TypeRef, sup: &TypeRef) -> Option<bool> {
        /// Built-in types no class of the program can extend, with the built-in supertypes
        /// they have besides `Any`.
        const FINAL_BUILTINS: &[(&str, &[&str])] = &[
            ("Int", &["Number", "Comparable"]),
            ("Long", &["Number", "Comparable"]),
            ("Double", &["Number", "Comparable"]),
            ("Float", &["Number", "Comparable"]),
            ("Short", &["Number", "Comparable"]),
            ("Byte", &["Number", "Comparable"]),
            ("Char", &["Comparable"]),
            ("Boolean", &["Comparable"]),
            ("String", &["Comparable", "CharSequence"]),
            ("Unit", &[]),
        ];
        let (a, b) = (sub.simple_name(), sup.simple_name());
        if a == "Nothing" && (!sub.nullable || sup.nullable) {
            return Some(true);
        }
        let known = |n: &str| FINAL_BUILTINS.iter().any(|(f, _)| *f == n) || ExcClass::from_name(n).is_some() || self.is_program_class(n) || matches!(n, "Any" | "Number");
        if !known(a) || !known(b) || sub.name == "->" || sup.name == "->" {
            return None;
        }
        if sub.nullable && !sup.nullable {
            return Some(false);
        }
        if !sub.args.is_empty() || !sup.args.is_empty() {
            return (a == b && sub.args.iter().map(render_type).eq(sup.args.iter().map(render_type))).then_some(true);
        }
        if a == b || b == "Any" {
            return Some(true);
        }
        if let Some((_, supers)) = FINAL_BUILTINS.iter().find(|(f, _)| *f == a) {
            return Some(supers.contains(&b));
        }
        if FINAL_BUILTINS.iter().any(|(f, _)| *f == b) {
            return Some(false);
        }
        match (ExcClass::from_name(a), ExcClass::from_name(b)) {
            (Some(x), Some(y)) => return Some(x.is_a(y)),
            (Some(_), None) => return Some(false),
            _ => {}
        }
        let info = self.classes.get(a)?;
        if info.supers.iter().any(|s| s == b) {
            return Some(true);
        }
        // A class of the program that extends a built-in exception class.
        let base = self.program.classes[info.id.0 as usize].exception_base.map(|s| self.program.sym(s).to_string());
        match (base.as_deref().and_then(ExcClass::from_name), ExcClass::from_name(b)) {
            (Some(x), Some(y)) => Some(x.is_a(y)),
            _ => Some(false),
        }
    }

    /// Whether a supertype's name is a class or interface of the program (a nested one is
    /// named `Outer$Inner`; a companion's name, `C$Companion`, is never written as one).
    fn is_program_class(&self, name: &str) -> bool {
        self.classes.get(name).is_some()
    }

    /// How many classes of the program stand above `name` along its first supertypes, counted
    /// up to one more than [`MAX_HIERARCHY_DEPTH`]; a cycle stops the count (`link` reports it).
    fn depth_above(&self, name: &str) -> usize {
        let mut seen: Vec<&str> = vec![name];
        for depth in 0..=MAX_HIERARCHY_DEPTH {
            let Some(info) = self.classes.get(seen[depth]) else { return depth };
            let Some(up) = info.supertypes.iter().map(|st| st.ty.simple_name()).find(|s| self.is_program_class(s)) else {
                return depth;
            };
            if seen.contains(&up) {
                return depth;
            }
            seen.push(up);
        }
        MAX_HIERARCHY_DEPTH + 1
    }

    /// Whether one of these classes of the program extends a built-in type (an exception
    /// class, `Runnable`, `Comparable`), whose members a subclass further down may override.
    fn inherits_builtin(&self, supers: &[String]) -> bool {
        supers.iter().filter_map(|a| self.classes.get(a)).any(|c| c.supertypes.iter().any(|st| !self.is_program_class(st.ty.simple_name())))
    }

    fn link(&mut self, name: &str, stack: &mut Vec<String>) {
        let Some(info) = self.classes.get(name).cloned() else { return };
        if info.linked || stack.iter().any(|s| s == name) {
            return;
        }
        stack.push(name.to_string());
        let mut superclass: Option<String> = None;
        let mut a_class_seen = false;
        let mut interfaces: Vec<String> = Vec::new();
        let mut builtin_super = false;
        let mut is_scope = false;
        for st in &info.supertypes {
            let n = st.ty.simple_name();
            let user = self.is_program_class(n);
            if !user {
                builtin_super = true;
                if n == "CoroutineScope" {
                    if st.args.is_some() {
                        self.error(st.ty.span, "this class does not have a constructor");
                    }
                    is_scope = true;
                } else if ExcClass::from_name(n).is_some() {
                    if info.kind == ClassKind::Interface {
                        self.error(st.ty.span, "an interface cannot inherit from a class");
                    } else if a_class_seen {
                        self.error(st.ty.span, "only one class may appear in a supertype list");
                    }
                    a_class_seen = true;
                } else if !matches!(n, "Any" | "Runnable" | "Comparable" | "Cloneable") {
                    self.error(
                        st.ty.span,
                        format!("extending '{n}' is not supported in Coroutine Lab; a class may extend a class or interface of the program, CoroutineScope, or a built-in exception class"),
                    );
                }
                continue;
            }
            if stack.iter().any(|s| s == n) {
                self.error(st.ty.span, "there's a cycle in the inheritance hierarchy for this type");
                continue;
            }
            self.link(n, stack);
            let Some(sup) = self.classes.get(n).cloned() else { continue };
            if sup.kind == ClassKind::Interface {
                if st.args.is_some() {
                    self.error(st.ty.span, "this class does not have a constructor");
                }
                if !interfaces.iter().any(|i| i == n) {
                    interfaces.push(n.to_string());
                }
                continue;
            }
            if info.kind == ClassKind::Interface {
                self.error(st.ty.span, "an interface cannot inherit from a class");
                continue;
            }
            if a_class_seen {
                self.error(st.ty.span, "only one class may appear in a supertype list");
                continue;
            }
            a_class_seen = true;
            if matches!(sup.kind, ClassKind::Final | ClassKind::Object) {
                self.error(st.ty.span, "this type is final, so it cannot be inherited from");
                continue;
            }
            if st.args.is_none() {
                self.error(st.ty.span, "this type has a constructor, and thus must be initialized here");
            }
            superclass = Some(n.to_string());
        }
        stack.pop();

        // What it inherits: its superclass's members, then its interfaces' in order.
        let mut fields: Vec<(String, bool)> = Vec::new();
        let mut field_defaults: Vec<Value> = Vec::new();
        let mut private_set: Vec<String> = Vec::new();
        let mut methods: Names<FunSig> = Names::default();
        let mut members: Vec<Member> = Vec::new();
        let mut supers: Vec<String> = Vec::new();
        let mut exception_base = None;
        if let Some(p) = superclass.as_deref().and_then(|p| self.classes.get(p)).cloned() {
            fields = p.fields.clone();
            field_defaults = p.field_defaults.clone();
            private_set = p.private_set.clone();
            methods = p.methods.clone();
            members = p.members.clone();
            supers = p.supers.clone();
            supers.push(superclass.clone().expect("checked"));
            exception_base = self.program.classes[p.id.0 as usize].exception_base;
            is_scope |= p.is_scope;
        }
        // `CoroutineScope` declares one member, the context its builders start from.
        if is_scope && !members.iter().any(|m| m.name == "coroutineContext") {
            members.push(Member {
                name: "coroutineContext".into(),
                is_fun: false,
                is_lateinit: false,
                is_getter: false,
                is_abstract: true,
                is_open: true,
                is_private: false,
                override_kw: None,
                owner: "kotlinx.coroutines.CoroutineScope".into(),
                signature: "public abstract val coroutineContext: CoroutineContext".into(),
                defaults: Vec::new(),
                param_types: Vec::new(),
                is_suspend: false,
                ty: None,
                span: info.name_span,
            });
        }
        // Members that two interfaces both implement, which the class must then override.
        let mut conflicts: Vec<Member> = Vec::new();
        for i in &interfaces {
            let Some(ii) = self.classes.get(i).cloned() else { continue };
            is_scope |= ii.is_scope;
            for a in ii.supers.iter().chain(std::iter::once(i)) {
                if !supers.contains(a) {
                    supers.push(a.clone());
                }
            }
            for m in &ii.members {
                match members.iter().position(|x| x.name == m.name) {
                    None => {
                        members.push(m.clone());
                        if let Some(sig) = ii.methods.get(&m.name) {
                            methods.insert(m.name.clone(), sig.clone());
                        }
                    }
                    Some(k) => {
                        let present = &members[k];
                        if present.owner == m.owner {
                            continue;
                        }
                        if present.is_abstract && !m.is_abstract {
                            members[k] = m.clone();
                            if let Some(sig) = ii.methods.get(&m.name) {
                                methods.insert(m.name.clone(), sig.clone());
                            }
                        } else if !present.is_abstract && !m.is_abstract && self.classes.get(&present.owner).is_some_and(|o| o.kind == ClassKind::Interface) {
                            conflicts.push(present.clone());
                        }
                    }
                }
            }
        }

        // A data class writes its own toString(), equals() and hashCode() over those a
        // superclass overrides, unless they are final there.
        if self.program.classes[info.id.0 as usize].is_data {
            for any in ANY_MEMBERS {
                if members.iter().any(|m| m.name == *any && m.is_open) {
                    members.retain(|m| m.name != *any);
                    methods.remove(any);
                }
            }
        }

        // Its own members override what it inherits.
        for m in &info.own {
            let mut m = m.clone();
            match members.iter().position(|x| x.name == m.name) {
                // Two of its own (overloads): the table keeps the last, as it always has.
                Some(k) if members[k].owner == name => members[k] = m.clone(),
                // A superclass's private member is not seen here: this one is another. The
                // engine keeps one property of a name per object, though.
                Some(k) if members[k].is_private => {
                    if !(m.is_fun && members[k].is_fun) {
                        let msg = format!(
                            "a member named like the private property '{}' of '{}' is not supported in Coroutine Lab (an object keeps one property of a name)",
                            m.name, members[k].owner
                        );
                        self.error_help(m.span, msg, "rename one of them");
                    }
                    members[k] = m.clone();
                }
                // Another parameter list makes an overload, which a class's table of methods by
                // name cannot hold beside the inherited function.
                // (With `override`, the same number of parameters is enough: a type parameter
                // of the supertype is written as the type it stands for here.)
                Some(k)
                    if m.is_fun
                        && members[k].is_fun
                        && (m.param_types.len() != members[k].param_types.len() || (m.override_kw.is_none() && m.param_types != members[k].param_types)) =>
                {
                    let msg = format!("overloading '{}' of '{}' with other parameters is not supported in Coroutine Lab", m.name, members[k].owner);
                    self.error_help(m.span, msg, "give the function another name");
                    members[k] = m.clone();
                }
                Some(k) => {
                    let inherited = members[k].clone();
                    match m.override_kw {
                        // A suspend function and a plain one of the same parameters are two
                        // different functions to kotlinc: the override overrides nothing.
                        Some(kw) if m.is_fun && inherited.is_fun && m.is_suspend != inherited.is_suspend => {
                            self.error(kw, format!("'{}' overrides nothing: '{}' in '{}' is {}a suspend function", m.name, m.name, inherited.owner, if inherited.is_suspend { "" } else { "not " }))
                        }
                        Some(kw) if is_var(&inherited) && !is_var(&m) && !m.is_fun => {
                            self.error(kw, format!("var-property '{}' of '{}' cannot be overridden by a val-property", m.name, inherited.owner))
                        }
                        None => self.error(m.span, format!("'{}' hides member of supertype '{}' and needs 'override' modifier", m.name, inherited.owner.rsplit('.').next().unwrap_or_default())),
                        Some(kw) if !inherited.is_open => self.error(kw, format!("'{}' in '{}' is final and cannot be overridden", m.name, inherited.owner)),
                        Some(_) => {}
                    }
                    // An override takes the default values of the function it overrides.
                    if m.is_fun && inherited.is_fun {
                        let n = m.defaults.len().max(inherited.defaults.len());
                        m.defaults.resize(n, None);
                        for (own, base) in m.defaults.iter_mut().zip(&inherited.defaults) {
                            if own.is_none() {
                                own.clone_from(base);
                            }
                        }
                    }
                    members[k] = m.clone();
                }
                None => {
                    // (An enum class's supertypes are reported where it is declared.)
                    if let Some(kw) = m.override_kw {
                        if !builtin_super && !self.inherits_builtin(&supers) && !ANY_MEMBERS.contains(&m.name.as_str()) && !self.enums.contains_key(name) {
                            self.error(kw, format!("'{}' overrides nothing", m.name));
                        }
                    }
                    members.push(m.clone());
                }
            }
            conflicts.retain(|c| c.name != m.name);
            if let Some(sig) = info.methods.get(&m.name) {
                let mut sig = sig.clone();
                for (p, d) in sig.params.iter_mut().zip(&m.defaults) {
                    p.1 |= d.is_some();
                }
                methods.insert(m.name.clone(), sig);
            } else {
                methods.remove(&m.name);
            }
        }
        // A property it declares with a value of its own has its own field, after the one a
        // superclass keeps for the property it overrides: the superclass's initializer
        // writes its own, and reads the property through the override, as on the JVM.
        for ((f, mutable), default) in info.fields.iter().zip(&info.field_defaults) {
            for slot in fields.iter_mut().filter(|(x, _)| x == f) {
                slot.1 = *mutable;
            }
            fields.push((f.clone(), *mutable));
            field_defaults.push(default.clone());
        }
        for f in &info.private_set {
            if !private_set.contains(f) {
                private_set.push(f.clone());
            }
        }

        if !matches!(info.kind, ClassKind::Abstract | ClassKind::Sealed | ClassKind::Interface) {
            let what = if info.kind == ClassKind::Object { "object" } else { "class" };
            // (An abstract member of its own was reported where it is declared.)
            if let Some(m) = members.iter().find(|m| m.is_abstract && m.owner != name) {
                let msg = format!("{what} '{name}' is not abstract and does not implement abstract member {} defined in {}", m.signature, m.owner);
                self.error(info.name_span, msg);
            }
        }
        if info.kind != ClassKind::Interface {
            if let Some(c) = conflicts.first() {
                let what = if info.kind == ClassKind::Object { "object" } else { "class" };
                let msg = format!("{what} '{name}' must override {} defined in {} because it inherits multiple interface methods of it", c.signature, c.owner);
                self.error(info.name_span, msg);
            }
        }

        // The runtime class of a class with supertypes of the program holds them flattened.
        if superclass.is_some() || !interfaces.is_empty() {
            let field_syms: Vec<Sym> = fields.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>().iter().map(|f| self.sym(f)).collect();
            let getter_names: Vec<String> = members.iter().filter(|m| m.is_getter && !m.is_abstract).map(|m| m.name.clone()).collect();
            let getters: Vec<Sym> = getter_names.iter().map(|g| self.sym(g)).collect();
            let callable: Vec<(String, FuncId)> = members
                .iter()
                .filter(|m| (m.is_fun || m.is_getter) && !m.is_abstract)
                .filter_map(|m| methods.get(&m.name).map(|s| (m.name.clone(), s.func)))
                .collect();
            let method_syms: Vec<(Sym, FuncId)> = callable.iter().map(|(n, f)| (self.sym(n), *f)).collect();
            let override_names: Vec<String> = members.iter().filter(|m| m.is_fun && m.override_kw.is_some()).map(|m| m.name.clone()).collect();
            let overrides: Vec<Sym> = override_names.iter().map(|n| self.sym(n)).collect();
            let super_ids: Vec<ClassId> = supers.iter().filter_map(|s| self.classes.get(s).map(|c| c.id)).collect();
            let class = &mut self.program.classes[info.id.0 as usize];
            class.fields = field_syms;
            class.field_defaults = field_defaults.clone();
            class.getters = getters;
            class.methods = method_syms;
            class.overrides = overrides;
            class.supers = super_ids;
            if class.exception_base.is_none() {
                class.exception_base = exception_base;
            }
        }
        self.program.classes[info.id.0 as usize].is_scope = is_scope;
        if let Some(ci) = self.classes.get_mut(name) {
            ci.is_scope = is_scope;
            ci.fields = fields;
            ci.field_defaults = field_defaults;
            ci.private_set = private_set;
            ci.methods = methods;
            ci.members = members;
            ci.superclass = superclass;
            ci.interfaces = interfaces;
            ci.supers = supers;
            ci.linked = true;
        }
    }

    /// Whether a call of method `name` from the code of class `class` must find the method
    /// on the receiver's runtime class: it is abstract, or a class below overrides it.
    /// Other calls go straight to the one function there is.
    pub(super) fn dispatches(&self, class: &str, name: &str) -> bool {
        let Some(info) = self.classes.get(class) else { return false };
        let Some(m) = info.members.iter().find(|m| m.name == name) else { return false };
        if m.is_private {
            return false;
        }
        if m.is_abstract {
            return true;
        }
        let func = info.methods.get(name).map(|s| s.func);
        self.classes.values().any(|other| other.supers.iter().any(|s| s == class) && other.methods.get(name).map(|s| s.func) != func)
    }

    /// Whether `name` is a property of class `class` declared without a value (abstract, or
    /// an interface's): reading it reads the runtime class's.
    pub(super) fn is_abstract_property(&self, class: &str, name: &str) -> bool {
        self.classes.get(class).is_some_and(|c| c.members.iter().any(|m| m.name == name && !m.is_fun && m.is_abstract))
    }

    /// The class whose members `super` names inside the code being compiled, and the
    /// receiver that holds `this`; reports what kotlinc reports when there is none.
    fn super_target(&mut self, qualifier: Option<&Ident>, span: Span) -> Option<(Vec<String>, String)> {
        let recv = self.receivers().into_iter().find_map(|(n, k)| match k {
            RecvKind::Class(c) => Some((n, c)),
            _ => None,
        });
        let Some((recv, class)) = recv else {
            self.error(span, "no supertypes are accessible in this context");
            return None;
        };
        let cname = self.program.classes[class.0 as usize].name.clone();
        let info = self.classes.get(&cname).cloned()?;
        let direct: Vec<String> = info.superclass.iter().chain(&info.interfaces).cloned().collect();
        match qualifier {
            Some(q) => {
                if direct.contains(&q.name) || (q.name == "Any" && info.superclass.is_none()) {
                    Some((vec![q.name.clone()], recv))
                } else {
                    self.error(q.span, "not an immediate supertype");
                    None
                }
            }
            None => Some((direct, recv)),
        }
    }

    /// `super.name(args)`: the superclass's (or an interface's) own method, called without
    /// dispatch; what every value has when no supertype of the program declares it.
    #[inline(never)]
    pub(super) fn super_call(&mut self, qualifier: Option<&Ident>, super_span: Span, name: &Ident, args: &[Arg], span: Span) {
        let Some((targets, recv)) = self.super_target(qualifier, super_span) else {
            self.emit(Op::Push(Value::Unit), span);
            return;
        };
        for t in &targets {
            let Some(info) = self.classes.get(t).cloned() else { continue };
            let Some(m) = info.members.iter().find(|m| m.name == name.name && m.is_fun) else { continue };
            if m.is_abstract {
                continue;
            }
            let Some(sig) = info.methods.get(&name.name).cloned() else { continue };
            if sig.is_suspend {
                self.check_suspend_allowed(name.span, &name.name);
            }
            self.load_receiver(&recv, name.span);
            self.user_call_args(&sig, args, name, span);
            self.emit(Op::Call { func: sig.func, argc: sig.params.len() as u32 + 1 }, span);
            return;
        }
        let is_abstract = targets.iter().any(|t| self.classes.get(t).is_some_and(|i| i.members.iter().any(|m| m.name == name.name && m.is_fun && m.is_abstract)));
        if is_abstract {
            self.error(name.span, "abstract member cannot be accessed directly");
            self.emit(Op::Push(Value::Unit), span);
            return;
        }
        if ANY_MEMBERS.contains(&name.name.as_str()) || self.extends_exception(&recv) {
            self.load_receiver(&recv, name.span);
            for a in args {
                self.arg_value(a, SuspendCtx::Unknown);
            }
            let s = self.sym(&name.name);
            self.emit(Op::CallInherited { name: s, argc: args.len() as u32, property: false }, span);
            return;
        }
        self.unresolved(name.span, &name.name);
        self.emit(Op::Push(Value::Unit), span);
    }

    /// `super.name`: the superclass's (or an interface's) getter, or the field it keeps.
    #[inline(never)]
    pub(super) fn super_property(&mut self, qualifier: Option<&Ident>, super_span: Span, name: &Ident, span: Span) {
        let Some((targets, recv)) = self.super_target(qualifier, super_span) else {
            self.emit(Op::Push(Value::Unit), span);
            return;
        };
        for t in &targets {
            let Some(info) = self.classes.get(t).cloned() else { continue };
            let Some(m) = info.members.iter().find(|m| m.name == name.name && !m.is_fun) else { continue };
            if m.is_abstract {
                self.error(name.span, "abstract member cannot be accessed directly");
                self.emit(Op::Push(Value::Unit), span);
                return;
            }
            self.load_receiver(&recv, name.span);
            match info.methods.get(&name.name).filter(|_| m.is_getter).cloned() {
                Some(sig) => {
                    self.emit(Op::Call { func: sig.func, argc: 1 }, span);
                }
                // The field that class keeps, with no dispatch: a subclass may keep another.
                None => {
                    let s = self.sym(&name.name);
                    match self.program.classes[info.id.0 as usize].slot(s) {
                        Some(i) => self.emit(Op::GetSlot(i as u32), span),
                        None => self.emit(Op::GetField { name: s, safe: false }, span),
                    };
                }
            }
            return;
        }
        if self.extends_exception(&recv) {
            self.load_receiver(&recv, name.span);
            let s = self.sym(&name.name);
            self.emit(Op::CallInherited { name: s, argc: 0, property: true }, span);
            return;
        }
        self.unresolved(name.span, &name.name);
        self.emit(Op::Push(Value::Unit), span);
    }

    /// Whether the class of receiver `recv` extends a built-in exception class.
    fn extends_exception(&mut self, recv: &str) -> bool {
        let class = self.receivers().into_iter().find(|(n, _)| n == recv).and_then(|(_, k)| match k {
            RecvKind::Class(c) => Some(c),
            _ => None,
        });
        class.is_some_and(|c| self.program.classes[c.0 as usize].exception_base.is_some())
    }
}
