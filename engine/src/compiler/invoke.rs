//! Calls of a property that holds a function: `onEvent("x")` inside a class, `this.clock()`,
//! `obj.onEvent("x")`, `Registry.factory()`, a companion's or a top-level property. Kotlin
//! calls the value's `invoke`, and so does the engine: `Op::CallValue` on the value read, or,
//! where the receiver's class is known only when the program runs, `Op::CallMethod`, which
//! calls the value of a property of that name when the class has no such member function
//! (`World::call_method`). A member function of the same name comes first, as in Kotlin.
//! kotlinc's errors for a value that cannot be called so are reported here, in its words.

use super::*;

/// The type of property `name` of a class, declared or inherited: `Some(None)` when it has
/// the property but its type is not written (nor plainly inferred).
pub(super) fn property_type(info: &ClassInfo, name: &str) -> Option<Option<TypeRef>> {
    info.members.iter().find(|m| !m.is_fun && m.name == name).map(|m| m.ty.clone())
}

/// Whether a class declares or inherits a member function of this name.
pub(super) fn has_fun(info: &ClassInfo, name: &str) -> bool {
    info.members.iter().any(|m| m.is_fun && m.name == name)
}

impl Compiler<'_> {
    /// Calls the value of the property `id`, which `load` pushes, with `args`; `ty` is the
    /// property's type when known. When kotlinc would find the call inapplicable (a value
    /// of no function type, a nullable one, arguments that do not fit), nothing is
    /// compiled and its errors are returned: resolution goes on to the next candidate, as
    /// kotlinc's does (`delay(delay)` with a property `delay: Long` calls the function), and
    /// they are reported if none fits.
    #[inline(never)]
    pub(super) fn invoke_property(&mut self, id: &Ident, ty: Option<&TypeRef>, args: &[Arg], span: Span, load: impl FnOnce(&mut Self)) -> Result<(), Vec<Diagnostic>> {
        if let Some(ty) = ty {
            let errors = self.invoke_errors(id, ty, false, args, span);
            if !errors.is_empty() {
                return Err(errors);
            }
            if ty.is_suspend {
                self.check_suspend_allowed(id.span, "invoke");
            }
        }
        load(self);
        for a in args {
            self.arg_value(a, SuspendCtx::Unknown);
        }
        self.emit(Op::CallValue { argc: args.len() as u32 }, span);
        Ok(())
    }

    /// What kotlinc reports when a value of type `ty`, named `id`, is called with `args`:
    /// nothing when it may be. `safe` when it is read through `?.`: the value read is
    /// nullable then, so `obj?.f()` is refused as kotlinc refuses it (`obj?.f?.invoke()` is
    /// how it is written).
    pub(super) fn invoke_errors(&self, id: &Ident, ty: &TypeRef, safe: bool, args: &[Arg], span: Span) -> Vec<Diagnostic> {
        if ty.name != "->" {
            // An instance of a class of the program with an `invoke` operator is called so.
            let invoke = !ty.nullable && self.classes.get(ty.simple_name()).is_some_and(|c| c.methods.contains_key("invoke"));
            if invoke {
                return Vec::new();
            }
            let msg = format!("expression '{}' of type '{}' cannot be invoked as a function. The function 'invoke()' is not found", id.name, render_type(ty));
            return vec![Diagnostic::error(id.span, msg)];
        }
        if ty.nullable || safe {
            let ty = &TypeRef { nullable: true, ..ty.clone() };
            let msg = format!("reference has a nullable type '{}', use explicit '?.invoke()' to make a function-like call instead", render_type(ty));
            let help = if safe { format!("the value read through `?.` may be null: call it as `?.{}?.invoke(…)`", id.name) } else { format!("call it only when it is set: `{}?.invoke(…)`", id.name) };
            return vec![Diagnostic::error(id.span, msg).with_help(help)];
        }
        let named: Vec<Diagnostic> = args.iter().filter_map(|a| a.name.as_ref()).map(|n| Diagnostic::error(n.span, "named arguments are not allowed for function types")).collect();
        if !named.is_empty() {
            return named;
        }
        // A function type with a receiver may take it as its first argument or from an
        // implicit receiver: its arguments are not counted.
        let params: &[TypeRef] = ty.args.split_last().map_or(&[][..], |(_, p)| p);
        if ty.receiver.is_some() {
            return Vec::new();
        }
        if args.len() < params.len() {
            let close = Span { start: span.end.saturating_sub(1).max(span.start), end: span.end };
            return (args.len()..params.len()).map(|i| Diagnostic::error(close, format!("no value passed for parameter 'p{}'", i + 1))).collect();
        }
        if args.len() > params.len() {
            let ps: Vec<String> = params.iter().enumerate().map(|(i, p)| format!("p{}: {}", i + 1, render_type(p))).collect();
            let ret = ty.args.last().map_or_else(|| "Unit".to_string(), render_type);
            let (suspend, package, class) = if ty.is_suspend { ("suspend ", "kotlin.coroutines", "SuspendFunction") } else { ("", "kotlin", "Function") };
            let msg = format!("too many arguments for public abstract {suspend}operator fun invoke({}): {ret} defined in {package}.{class}{}", ps.join(", "), params.len());
            return vec![Diagnostic::error(args[params.len()].value.span, msg)];
        }
        Vec::new()
    }

    /// The class of a receiver the compiler knows: `this` in a class's code, an object (or a
    /// class's companion) by its name.
    pub(super) fn known_receiver_class(&mut self, receiver: &Expr) -> Option<ClassInfo> {
        match &receiver.kind {
            ExprKind::This => match self.receivers().first() {
                Some((_, RecvKind::Class(c))) => {
                    let name = self.program.classes[c.0 as usize].name.clone();
                    self.classes.get(&name).cloned()
                }
                _ => None,
            },
            ExprKind::Name(id) if !self.is_value(&id.name) => self.object_named(&id.name),
            _ => None,
        }
    }

    /// `obj.f(x)` where `f` is a property holding a function and no member function,
    /// extension or built-in method has its name. `known` is the receiver's class when the
    /// compiler knows it; otherwise every class of the program with a property of that name
    /// is a candidate, and the call is checked when they all give it one type. Returns
    /// whether the call was compiled.
    pub(super) fn property_method_call(&mut self, receiver: &Expr, name: &Ident, args: &[Arg], safe: bool, span: Span, known: Option<&ClassInfo>) -> bool {
        let mname = name.name.as_str();
        let types: Vec<Option<TypeRef>> = match known {
            Some(info) if has_fun(info, mname) => return false,
            Some(info) => property_type(info, mname).into_iter().collect(),
            None if self.user_methods.contains_key(mname) || self.extensions.contains_key(mname) || builtins::METHOD_NAMES.contains(&mname) => return false,
            None => self.classes.values().filter_map(|c| property_type(c, mname)).collect(),
        };
        let Some(first) = types.first() else { return false };
        let one_type = first.as_ref().filter(|t| types.iter().all(|o| o.as_ref().map(render_type) == Some(render_type(t)))).cloned();
        if let Some(ty) = &one_type {
            let errors = self.invoke_errors(name, ty, safe, args, span);
            if !errors.is_empty() {
                // An extension function of the name is the next candidate.
                if self.extensions.contains_key(mname) {
                    return false;
                }
                self.diags.extend(errors);
                self.emit(Op::Push(Value::Unit), span);
                return true;
            }
        }
        if types.iter().flatten().any(|t| t.name == "->" && t.is_suspend) {
            self.check_suspend_allowed(name.span, "invoke");
        }
        self.expr(receiver);
        for a in args {
            self.arg_value(a, SuspendCtx::Unknown);
        }
        let s = self.sym(mname);
        self.emit(Op::CallMethod { name: s, argc: args.len() as u32, safe }, span);
        true
    }
}
