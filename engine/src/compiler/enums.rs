//! Enum classes: their entries, `values()`, `valueOf()`, `entries`, `enumValues<T>()`, the
//! imports of their entries, and the diagnostics of their misuse.
//!
//! An enum class compiles to an ordinary class whose constructor takes the entry's `name` and
//! `ordinal` before its own parameters, as `java.lang.Enum`'s constructor does, so that they
//! are its first two fields. Its entries live in a hidden object (`bytecode::EnumClass`'s
//! `holder`) whose initializer is the JVM's `<clinit>`: the first time the enum is used, it
//! creates the entries in declaration order (their `init` blocks run then, once), keeps them
//! in order in `$VALUES`, then initializes the companion, if any. A companion used first
//! starts with the holder, so the entries exist before the companion's own code runs, as on
//! the JVM, where both are initialized by the enum class's `<clinit>`.

use super::*;

/// What the compiler knows about an enum class.
#[derive(Debug, Clone)]
pub(super) struct EnumInfo {
    /// The hidden object holding the entries.
    holder: ClassId,
    /// The entries' names, in declaration order.
    entries: Vec<String>,
    /// The name the companion is declared under (`Color$Companion`), if there is one.
    companion: Option<String>,
}

/// The properties every entry has before its class's own, as `java.lang.Enum` declares them.
const ENUM_PROPERTIES: [(&str, &str); 2] = [("name", "String"), ("ordinal", "Int")];

/// The holder's field that keeps every entry, in order.
const VALUES: &str = "$VALUES";

/// The constructor parameters a class declares: an enum class's entries take their `name`
/// and `ordinal` before them.
pub(super) fn class_params(c: &ClassDecl) -> Vec<Param> {
    let mut params = Vec::new();
    if c.modifiers.has("enum") {
        let span = c.name.span;
        for (name, ty) in ENUM_PROPERTIES {
            params.push(Param {
                modifiers: Modifiers::default(),
                binding: ParamBinding::Val,
                is_vararg: false,
                name: Ident { name: name.into(), span },
                ty: Some(TypeRef { name: ty.into(), args: Vec::new(), nullable: false, is_suspend: false, receiver: None, span }),
                default: None,
                span,
            });
        }
    }
    params.extend(c.params.iter().cloned());
    params
}

/// The supertypes a class declares; those of an enum class are reported by `declare_enum`.
pub(super) fn class_supertypes(c: &ClassDecl) -> &[SuperType] {
    if c.modifiers.has("enum") {
        &[]
    } else {
        &c.supertypes
    }
}

impl Compiler<'_> {
    /// Declares the entries of an enum class, once the class and its companion are declared.
    #[inline(never)]
    pub(super) fn declare_enum(&mut self, c: &ClassDecl) {
        let Some(info) = self.classes.get(&c.name.name).cloned() else { return };
        if self.program.classes[info.id.0 as usize].span != c.span {
            // The name was declared twice; that was reported.
            return;
        }
        for m in ["data", "inner"] {
            if let Some(k) = c.modifiers.keywords.iter().find(|k| k.name == m) {
                self.error(k.span, format!("modifier '{m}' is incompatible with 'enum'"));
            }
        }
        for s in &c.supertypes {
            self.error_help(
                s.ty.span,
                format!("an enum class implementing an interface or extending a class is not supported in Coroutine Lab ('{}' in '{}')", s.ty.simple_name(), c.name.name),
                "declare the members in the enum class itself",
            );
        }
        // `name` and `ordinal` are `Enum`'s, and final.
        let mut own: Vec<Ident> = c.params.iter().filter(|p| p.binding != ParamBinding::Plain).map(|p| p.name.clone()).collect();
        for m in &c.members {
            if let Item::Property(p) = m {
                own.extend(pattern_names(&p.pattern));
            }
        }
        let clashes: Vec<Ident> = own.into_iter().filter(|id| ENUM_PROPERTIES.iter().any(|(n, _)| *n == id.name)).collect();
        for id in clashes {
            self.error(id.span, format!("'{}' hides member of supertype 'Enum': every enum entry already has its '{}'", id.name, id.name));
        }
        let mut entries: Vec<String> = Vec::new();
        for e in &c.entries {
            if entries.contains(&e.name.name) {
                self.error(e.name.span, format!("conflicting declarations: enum entry '{}' is declared twice", e.name.name));
            } else {
                entries.push(e.name.name.clone());
            }
        }
        // The holder is an object of its own; it is built from the class so that it has every
        // field a class has, then given its own.
        let holder = ClassId(self.program.classes.len() as u32);
        let init = self.new_function("<clinit>", format!("{}.<clinit>", c.name.name), c.span);
        let mut fields: Vec<Sym> = entries.iter().map(|e| self.sym(e)).collect();
        fields.push(self.sym(VALUES));
        let mut class = self.program.classes[info.id.0 as usize].clone();
        class.name = format!("{}$entries", c.name.name);
        class.is_object = true;
        class.is_data = false;
        class.field_defaults = vec![Value::Null; fields.len()];
        class.fields = fields;
        class.data_fields = Vec::new();
        class.supers = Vec::new();
        class.methods = Vec::new();
        class.getters = Vec::new();
        class.overrides = Vec::new();
        class.init = init;
        class.exception_base = None;
        class.init_by_outer = true;
        self.program.classes.push(class);
        self.program.enums.push(EnumClass { class: info.id, holder });
        self.enums.insert(c.name.name.clone(), EnumInfo { holder, entries, companion: info.companion.clone() });
    }

    /// Compiles the holder's initializer: the entries, in order, then the companion.
    #[inline(never)]
    pub(super) fn compile_enum(&mut self, c: &ClassDecl) {
        let (Some(e), Some(info)) = (self.enums.get(&c.name.name).cloned(), self.classes.get(&c.name.name).cloned()) else { return };
        if self.program.classes[info.id.0 as usize].span != c.span {
            // Another declaration of the name; only the first one was declared.
            return;
        }
        let init = self.program.classes[e.holder.0 as usize].init;
        let prev = self.current_class.replace(c.name.name.clone());
        self.push_fn(init, SuspendCtx::Plain, false, None);
        let this_slot = self.new_slot("this");
        let own = info.ctor.get(ENUM_PROPERTIES.len()..).unwrap_or_default().to_vec();
        let ctor = FunSig {
            func: FuncId(0),
            param_types: vec![None; own.len()],
            params: own,
            is_suspend: false,
            is_inline: false,
            receiver_is_scope: false,
            receiver_type: None,
            returns_kind: Kind::Unknown,
            vararg: c.params.iter().position(|p| p.is_vararg),
        };
        let mut done: Vec<&str> = Vec::new();
        for entry in &c.entries {
            if done.contains(&entry.name.name.as_str()) {
                continue;
            }
            let span = entry.span;
            let line = self.line(span);
            self.emit(Op::Stmt { line }, span);
            self.load_slot(this_slot, span);
            self.emit(Op::Push(Value::str(&entry.name.name)), span);
            self.emit(Op::Push(Value::Int(done.len() as i32)), span);
            self.user_call_args(&ctor, &entry.args, &entry.name, span);
            self.emit(Op::New { class: info.id, argc: info.ctor.len() as u32 }, span);
            let s = self.sym(&entry.name.name);
            self.emit(Op::SetField(s), span);
            done.push(&entry.name.name);
        }
        let span = c.name.span;
        self.load_slot(this_slot, span);
        for entry in &e.entries {
            self.load_slot(this_slot, span);
            let s = self.sym(entry);
            self.emit(Op::GetField { name: s, safe: false }, span);
        }
        self.emit(Op::MakeList(e.entries.len() as u32), span);
        let s = self.sym(VALUES);
        self.emit(Op::SetField(s), span);
        if let Some(companion) = e.companion.as_deref().and_then(|n| self.classes.get(n)).map(|ci| ci.id) {
            self.emit(Op::LoadObject(companion), span);
            self.emit(Op::Pop, span);
        }
        self.emit(Op::Push(Value::Unit), span);
        self.emit(Op::Return, span);
        self.pop_fn(1, true);
        self.current_class = prev;
    }

    /// At the start of a companion's initializer: the companion of an enum class first
    /// initializes the enum's entries.
    pub(super) fn enum_companion_prologue(&mut self, class_name: &str, span: Span) {
        let holder = self.enums.values().find(|e| e.companion.as_deref() == Some(class_name)).map(|e| e.holder);
        if let Some(holder) = holder {
            self.emit(Op::LoadObject(holder), span);
            self.emit(Op::Pop, span);
        }
    }

    /// The enum class a name stands for, unless a variable of that name hides it.
    fn enum_named(&self, name: &str) -> Option<EnumInfo> {
        let e = self.enums.get(name)?;
        let hidden = self.globals.contains_key(name) || self.fns.iter().any(|f| f.scopes.iter().flatten().any(|v| v.name == name) || f.captures.iter().any(|c| c.name == name));
        (!hidden).then(|| e.clone())
    }

    /// The enum class whose code (or whose companion's code, or a nested class's) is being
    /// compiled.
    fn enum_here(&self) -> Option<(String, EnumInfo)> {
        let mut class = self.current_class.as_deref()?;
        loop {
            if let Some(e) = self.enums.get(class) {
                return Some((class.to_string(), e.clone()));
            }
            class = class.rsplit_once('$')?.0;
        }
    }

    /// Whether the companion of an enum class has a property or method of that name.
    fn enum_companion_has(&self, e: &EnumInfo, name: &str) -> bool {
        let Some(c) = e.companion.as_deref().and_then(|n| self.classes.get(n)) else { return false };
        c.fields.iter().any(|(f, _)| f == name) || c.methods.get(name).is_some()
    }

    fn load_entry(&mut self, e: &EnumInfo, entry: &str, span: Span) {
        self.emit(Op::LoadObject(e.holder), span);
        let s = self.sym(entry);
        self.emit(Op::GetField { name: s, safe: false }, span);
    }

    /// Pushes a new array of the entries, as `values()` gives.
    fn load_values(&mut self, e: &EnumInfo, copy: &str, span: Span) {
        self.emit(Op::LoadObject(e.holder), span);
        let s = self.sym(VALUES);
        self.emit(Op::GetField { name: s, safe: false }, span);
        let s = self.sym(copy);
        self.emit(Op::CallMethod { name: s, argc: 0, safe: false }, span);
    }

    /// Reports a name that is no member of an enum class.
    fn enum_unresolved(&mut self, class: &str, e: &EnumInfo, name: &Ident) {
        let mut known: Vec<&str> = e.entries.iter().map(|s| s.as_str()).collect();
        known.extend(["entries", "values", "valueOf"]);
        let mut d = Diagnostic::error(name.span, format!("unresolved reference '{}'", name.name));
        if let Some(s) = crate::lang::suggest::did_you_mean(&name.name, known.iter().copied()) {
            d = d.with_help(format!("did you mean '{class}.{s}'?"));
        } else if !e.entries.is_empty() {
            d = d.with_help(format!("the entries of {class} are {}", e.entries.join(", ")));
        }
        self.diags.push(d);
    }

    /// `Color.RED` and `Color.entries`; an unknown entry is reported. Returns whether the
    /// expression was compiled (the companion's members are left to the caller).
    pub(super) fn enum_member(&mut self, receiver: &Expr, name: &Ident, span: Span) -> bool {
        let ExprKind::Name(class) = &receiver.kind else { return false };
        let Some(e) = self.enum_named(&class.name) else { return false };
        if e.entries.contains(&name.name) {
            self.load_entry(&e, &name.name, span);
            return true;
        }
        if name.name == "entries" && !self.enum_companion_has(&e, "entries") {
            self.load_values(&e, "toList", span);
            return true;
        }
        if self.enum_companion_has(&e, &name.name) || e.companion.as_deref().is_some_and(|c| c.strip_prefix(class.name.as_str()).and_then(|r| r.strip_prefix('$')) == Some(name.name.as_str())) {
            return false;
        }
        self.enum_unresolved(&class.name, &e, name);
        self.emit(Op::Push(Value::Unit), span);
        true
    }

    /// `Color.values()`, `Color.valueOf(text)`; another function is the companion's, or
    /// reported. Returns whether the call was compiled.
    pub(super) fn enum_method_call(&mut self, receiver: &Expr, name: &Ident, args: &[Arg], span: Span) -> bool {
        let ExprKind::Name(class) = &receiver.kind else { return false };
        let Some(e) = self.enum_named(&class.name) else { return false };
        self.enum_static_call(&class.name, &e, name, args, span)
    }

    fn enum_static_call(&mut self, class: &str, e: &EnumInfo, name: &Ident, args: &[Arg], span: Span) -> bool {
        if self.enum_companion_has(e, &name.name) {
            return false;
        }
        let params: &[(String, bool)] = match name.name.as_str() {
            "values" => &[],
            "valueOf" => &[("value".to_string(), false)],
            _ => {
                self.enum_unresolved(class, e, name);
                self.emit(Op::Push(Value::Unit), span);
                return true;
            }
        };
        let sig = FunSig {
            func: FuncId(0),
            params: params.to_vec(),
            param_types: vec![None; params.len()],
            is_suspend: false,
            is_inline: false,
            receiver_is_scope: false,
            receiver_type: None,
            returns_kind: Kind::Unknown,
            vararg: None,
        };
        if name.name == "values" {
            self.user_call_args(&sig, args, name, span);
            self.load_values(e, "toTypedArray", span);
        } else {
            self.emit(Op::LoadObject(e.holder), span);
            self.user_call_args(&sig, args, name, span);
            let s = self.sym("<valueOf>");
            self.emit(Op::CallMethod { name: s, argc: 1, safe: false }, span);
        }
        true
    }

    /// A call of a name: `values()` and `valueOf(…)` inside an enum class, and a call of an
    /// enum class's constructor, which only its entries make. Returns whether it was compiled.
    pub(super) fn enum_name_call(&mut self, id: &Ident, args: &[Arg], span: Span) -> bool {
        if let Some(e) = self.enum_named(&id.name) {
            let example = e.entries.first().map(|first| format!("use one of its entries, such as `{}.{first}`", id.name)).unwrap_or_else(|| "its entries are its only instances".into());
            self.error_help(id.span, "enum types cannot be instantiated", example);
            self.emit(Op::Push(Value::Unit), span);
            return true;
        }
        if matches!(id.name.as_str(), "values" | "valueOf") && !self.functions.contains_key(&id.name) {
            if let Some((class, e)) = self.enum_here() {
                return self.enum_static_call(&class, &e, id, args, span);
            }
        }
        false
    }

    /// `enumValues<Color>()` and `enumValueOf<Color>(text)`. Returns whether the call was
    /// compiled.
    pub(super) fn enum_generic_call(&mut self, callee: &Expr, type_args: &[TypeRef], args: &[Arg], span: Span) -> bool {
        let ExprKind::Name(id) = &callee.kind else { return false };
        let member = match id.name.as_str() {
            "enumValues" => "values",
            "enumValueOf" => "valueOf",
            _ => return false,
        };
        if self.functions.contains_key(&id.name) || self.find_var(&id.name).is_some() {
            return false;
        }
        let Some(ty) = type_args.first() else {
            self.error_help(id.span, format!("'{}' needs the enum class as its type argument", id.name), format!("write `{}<Color>(…)`", id.name));
            self.emit(Op::Push(Value::Unit), span);
            return true;
        };
        let Some(e) = self.enums.get(ty.simple_name()).cloned() else {
            self.error(ty.span, format!("'{}' is not an enum class", ty.simple_name()));
            self.emit(Op::Push(Value::Unit), span);
            return true;
        };
        let name = Ident { name: member.into(), span: id.span };
        let class = ty.simple_name().to_string();
        // `enumValues` calls the class's own `values()`, never its companion's.
        let e = EnumInfo { companion: None, ..e };
        self.enum_static_call(&class, &e, &name, args, span)
    }

    /// A bare name that is an entry (or `entries`) inside its enum class, or an imported entry
    /// (`import Color.RED`, `import Color.*`). Returns whether it was compiled.
    pub(super) fn enum_entry_by_name(&mut self, name: &str, span: Span) -> bool {
        if let Some((_, e)) = self.enum_here() {
            if e.entries.iter().any(|n| n == name) {
                self.load_entry(&e, name, span);
                return true;
            }
            if name == "entries" && !self.enum_companion_has(&e, name) {
                self.load_values(&e, "toList", span);
                return true;
            }
        }
        let imported = self.imports.iter().find_map(|path| {
            let (class, member) = path.split_once('.')?;
            let e = self.enums.get(class)?;
            ((member == name || member == "*") && e.entries.iter().any(|n| n == name)).then(|| e.clone())
        });
        match imported {
            Some(e) => {
                self.load_entry(&e, name, span);
                true
            }
            None => false,
        }
    }

    /// Reports an assignment to an entry's `name` or `ordinal`, which `Enum` sets, when the
    /// class that declares the property is an enum class. Returns whether it did.
    pub(super) fn enum_property_written(&mut self, class: &str, name: &Ident) -> bool {
        if !self.enums.contains_key(class) || !ENUM_PROPERTIES.iter().any(|(n, _)| *n == name.name) {
            return false;
        }
        self.error(name.span, format!("val cannot be reassigned: every enum entry's '{}' is fixed when it is created", name.name));
        true
    }

    /// The help for a bare name that is an entry of an enum class: it needs its class's name.
    pub(super) fn enum_entry_hint(&self, name: &str) -> Option<String> {
        let (class, _) = self.enums.iter().find(|(_, e)| e.entries.iter().any(|n| n == name))?;
        Some(format!("an enum entry is named with its class: `{class}.{name}`, or imported: `import {class}.{name}`"))
    }

    /// The enum class and entry an expression names: `Color.RED`, or `RED` inside the class
    /// or imported.
    pub(super) fn entry_named(&self, e: &Expr) -> Option<(String, String)> {
        match &e.kind {
            ExprKind::Member { receiver, name, safe: false } => {
                let ExprKind::Name(class) = &receiver.kind else { return None };
                let info = self.enum_named(&class.name)?;
                info.entries.contains(&name.name).then(|| (class.name.clone(), name.name.clone()))
            }
            ExprKind::Name(id) => {
                let hidden = self.fns.iter().any(|f| f.scopes.iter().flatten().any(|v| v.name == id.name) || f.captures.iter().any(|c| c.name == id.name));
                if hidden {
                    return None;
                }
                if let Some((class, info)) = self.enum_here() {
                    if info.entries.contains(&id.name) {
                        return Some((class, id.name.clone()));
                    }
                }
                self.imports.iter().find_map(|path| {
                    let (class, member) = path.split_once('.')?;
                    let info = self.enums.get(class)?;
                    ((member == id.name || member == "*") && info.entries.contains(&id.name)).then(|| (class.to_string(), id.name.clone()))
                })
            }
            _ => None,
        }
    }

    /// A `when` whose value is used and whose branches test entries of one enum class must
    /// cover them all or have an `else`, as Kotlin requires (see `check_when_value`; Kotlin
    /// 1.7 asks it of statements too, which needs the subject's type, not known here).
    #[inline(never)]
    pub(super) fn check_enum_when(&mut self, subject: Option<&WhenSubject>, branches: &[WhenBranch], span: Span) {
        if subject.is_none() || branches.iter().any(|b| b.conditions.is_empty()) {
            return;
        }
        let mut class: Option<String> = None;
        let mut covered: Vec<String> = Vec::new();
        for cond in branches.iter().flat_map(|b| &b.conditions) {
            let WhenCondition::Expr(e) = cond else { return };
            if matches!(e.kind, ExprKind::Null) {
                continue;
            }
            let Some((c, entry)) = self.entry_named(e) else { return };
            if class.as_ref().is_some_and(|k| *k != c) {
                return;
            }
            class = Some(c);
            covered.push(entry);
        }
        let Some(class) = class else { return };
        let Some(info) = self.enums.get(&class) else { return };
        let missing: Vec<String> = info.entries.iter().filter(|n| !covered.contains(n)).map(|n| format!("'{n}'")).collect();
        if missing.is_empty() {
            return;
        }
        let keyword = Span::new(span.start as usize, (span.start as usize + 4).min(span.end as usize));
        let branch = if missing.len() == 1 { "branch" } else { "branches" };
        // kotlinc's words.
        self.error(keyword, format!("'when' expression must be exhaustive, add necessary {} {branch} or 'else' branch instead", missing.join(", ")));
    }

    /// `import Color.RED` or `import Color.*` of an enum class the program declares.
    /// Returns whether the import was one.
    pub(super) fn enum_import(&mut self, imp: &Import) -> bool {
        let Some((class, member)) = imp.path.split_once('.') else { return false };
        let Some(e) = self.enums.get(class).cloned() else { return false };
        if member != "*" && !e.entries.iter().any(|n| n == member) && !matches!(member, "values" | "valueOf") {
            let span = imp.span;
            let name = Ident { name: member.to_string(), span };
            self.enum_unresolved(class, &e, &name);
        }
        true
    }
}
