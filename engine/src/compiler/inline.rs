//! Inline expansion of the Kotlin library functions that the Kotlin compiler inlines:
//! `repeat`, `run`, `with`, `synchronized`, `runCatching`, `measureTimeMillis`, `check`,
//! `require`, `List(n) { }`, `buildList`, `buildString`, and the collection, scope and lock
//! helpers called on a value (`forEach`, `map`, `filter`, `let`, `apply`, `withLock`, …).
//!
//! Expanded in place, their lambdas run in the enclosing function's frame: they may suspend,
//! and a plain `return` inside them returns from the enclosing function, as in Kotlin.

use super::*;

/// What a lambda argument expands to.
fn lambda_of(a: &Arg) -> Option<&Lambda> {
    match &a.value.kind {
        ExprKind::Lambda(l) => Some(l),
        _ => None,
    }
}

/// How many parameters a library function gives the function passed to it last, for the
/// lambda that stands for a function value or a reference (`xs.map(f)`, `xs.map(::f)`).
fn passed_arity(mname: &str, n_args: usize) -> Option<usize> {
    Some(match (mname, n_args) {
        ("forEachIndexed" | "mapIndexed" | "filterIndexed" | "mapIndexedNotNull" | "reduce", 1) | ("fold", 2) => 2,
        (
            "forEach" | "onEach" | "map" | "mapNotNull" | "filter" | "filterNot" | "count" | "sumOf" | "sumBy" | "any" | "all"
            | "none" | "first" | "firstOrNull" | "find" | "last" | "lastOrNull" | "maxOf" | "minOf" | "maxByOrNull"
            | "minByOrNull" | "maxBy" | "minBy" | "sortedBy" | "sortedByDescending" | "groupBy" | "associateWith"
            | "associateBy" | "flatMap" | "let" | "also" | "takeIf" | "takeUnless" | "partition" | "indexOfFirst" | "single"
            | "singleOrNull" | "associate" | "dropWhile" | "takeLastWhile" | "mapValues" | "mapKeys" | "filterKeys"
            | "filterValues" | "onSuccess" | "onFailure" | "mapCatching" | "recover" | "recoverCatching" | "takeWhile"
            | "distinctBy" | "indexOfLast" | "removeIf" | "sumByDouble" | "updateAndGet" | "getAndUpdate",
            1,
        ) => 1,
        ("computeIfAbsent", 2) => 1,
        ("merge", 3) | ("compute" | "computeIfPresent" | "foldRight", 2) => 2,
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// Leaves the element a search loop stored in `found`; when it found none (`found` still
    /// holds `Absent`), throws NoSuchElementException with `none`'s message, or leaves null
    /// when `none` is `None` (the `…OrNull` forms).
    fn found_or(&mut self, found: u32, none: Option<&str>, span: Span) {
        self.emit(Op::Load(found), span);
        self.emit(Op::Push(Value::Absent), span);
        self.emit(Op::Binary(BinOp::Same), span);
        let some = self.emit(Op::JumpIfFalse(0), span);
        match none {
            Some(message) => self.throw_new(ExcClass::NoSuchElementException, message, span),
            None => {
                self.emit(Op::Push(Value::Null), span);
            }
        }
        let j = self.emit(Op::Jump(0), span);
        let some_at = self.here();
        self.patch(some, some_at);
        self.emit(Op::Load(found), span);
        let done = self.here();
        self.patch(j, done);
    }

    /// Compiles an inlined lambda body with its parameters bound to the values in `values`
    /// (slots), and an optional receiver slot. Leaves the body's value on the stack.
    fn inline_lambda(&mut self, l: &Lambda, label: &str, values: &[u32], receiver: Option<(u32, RecvKind)>, span: Span) {
        self.push_scope();
        let depth = self.cur().cleanups.len();
        // A label written on the lambda replaces the function's name as its label.
        let own_label = l.label.as_ref().map_or(label, |own| own.name.as_str()).to_string();
        self.cur().inlines.push(InlineCtx { label: own_label.clone(), exits: Vec::new(), cleanup_depth: depth });
        if let Some((slot, kind)) = receiver {
            self.emit(Op::Load(slot), span);
            let own = self.new_slot("this");
            let op = self.emit(Op::Store(own), span);
            let name = self.declare_receiver(own, kind, span);
            self.receiver_labels.push((name.clone(), own_label.clone()));
            if let Some(v) = self.cur().scopes.last_mut().and_then(|s| s.iter_mut().find(|v| v.name == name)) {
                v.decl_op = Some(op);
            }
        }
        if l.params.is_empty() && !l.has_arrow {
            if let Some(&v) = values.first() {
                self.emit(Op::Load(v), span);
                let slot = self.new_slot("it");
                let op = self.emit(Op::Store(slot), span);
                self.declare_local("it", slot, false, Some(op), Kind::Unknown, span);
            }
        } else {
            if l.params.len() > values.len() {
                self.error(span, format!("'{label}' passes {} value(s) to its lambda, but the lambda declares {}", values.len(), l.params.len()));
            }
            for (p, &v) in l.params.iter().zip(values) {
                self.emit(Op::Load(v), span);
                self.bind_pattern(&p.pattern, false, span);
            }
        }
        self.block_value(&l.body);
        let ctx = self.cur().inlines.pop().expect("pushed above");
        let end = self.here();
        for j in ctx.exits {
            self.patch(j, end);
        }
        self.pop_scope();
    }

    /// Starts a loop over the iterable on top of the stack. Returns (iterator slot, element
    /// slot, loop top, exit jump to patch).
    fn inline_loop_start(&mut self, span: Span) -> (u32, u32, u32, usize) {
        self.emit(Op::IterStart, span);
        let it = self.temp(span);
        let top = self.here();
        let line = self.line(span);
        self.emit(Op::Stmt { line }, span);
        let exit = self.emit(Op::IterNext { slot: it, exit: 0 }, span);
        let elem = self.temp(span);
        (it, elem, top, exit)
    }

    /// Ends a loop begun by [`Compiler::inline_loop_start`]: back to its top, and its exit here.
    fn inline_loop_end(&mut self, top: u32, exit: usize, span: Span) {
        self.emit(Op::Jump(top), span);
        let end = self.here();
        self.patch(exit, end);
    }

    /// The loop of `fold` and `foldRight`: the initial value on the stack is the accumulator,
    /// which the lambda replaces for each element of the collection in slot `items`; it
    /// takes `(acc, x)` for `fold` (`acc_first`) and `(x, acc)` for `foldRight`.
    fn fold_over(&mut self, items: u32, l: &Lambda, mname: &str, acc_first: bool, span: Span) {
        let acc = self.temp(span);
        self.emit(Op::Load(items), span);
        let (_, elem, top, exit) = self.inline_loop_start(span);
        let values = if acc_first { [acc, elem] } else { [elem, acc] };
        self.inline_lambda(l, mname, &values, None, span);
        self.emit(Op::Store(acc), span);
        self.inline_loop_end(top, exit, span);
        self.emit(Op::Load(acc), span);
    }

    /// The end of `compute`, `computeIfPresent` and `merge`: stores the value in slot `v`
    /// under the key in slot `k` of the map in slot `m` and gives it; the jump `remove` (taken
    /// with a null value on the stack) removes the key instead and gives null. Returns where
    /// both ways end.
    fn put_or_remove(&mut self, m: u32, k: u32, v: u32, remove: usize, span: Span) -> u32 {
        self.emit(Op::Load(m), span);
        self.emit(Op::Load(k), span);
        self.emit(Op::Load(v), span);
        self.emit(Op::SetIndex, span);
        self.emit(Op::Load(v), span);
        let done = self.emit(Op::Jump(0), span);
        let remove_at = self.here();
        self.patch(remove, remove_at);
        self.emit(Op::Pop, span);
        self.emit(Op::Load(m), span);
        self.emit(Op::Load(k), span);
        self.call_method("remove", 1, span);
        self.emit(Op::Pop, span);
        self.emit(Op::Push(Value::Null), span);
        let end = self.here();
        self.patch(done, end);
        end
    }

    /// Adds the value in slot `value` to the list in slot `list`.
    fn append(&mut self, list: u32, value: u32, span: Span) {
        self.emit(Op::Load(list), span);
        self.emit(Op::Load(value), span);
        self.call_method("add", 1, span);
        self.emit(Op::Pop, span);
    }

    /// `for (i in 0 until count) body(i)`, with a statement marker per iteration.
    #[inline(never)]
    fn counting_loop(&mut self, count: &Expr, span: Span, body: impl FnOnce(&mut Self, u32)) {
        self.expr(count);
        let limit = self.temp(span);
        self.emit(Op::Push(Value::Int(0)), span);
        let i = self.temp(span);
        let top = self.here();
        let line = self.line(span);
        self.emit(Op::Stmt { line }, span);
        self.emit(Op::Load(i), span);
        self.emit(Op::Load(limit), span);
        self.emit(Op::Binary(BinOp::Lt), span);
        let exit = self.emit(Op::JumpIfFalse(0), span);
        body(self, i);
        self.increment(i, span);
        self.inline_loop_end(top, exit, span);
    }

    fn new_list(&mut self, span: Span) -> u32 {
        self.emit(Op::CallBuiltin { builtin: Builtin::MutableListOf, argc: 0 }, span);
        self.temp(span)
    }

    /// The two components of the pair or map entry in `slot`, each in a new slot.
    fn entry_parts(&mut self, slot: u32, span: Span) -> (u32, u32) {
        self.emit(Op::Load(slot), span);
        self.call_method("component1", 0, span);
        let first = self.temp(span);
        self.emit(Op::Load(slot), span);
        self.call_method("component2", 0, span);
        let second = self.temp(span);
        (first, second)
    }

    fn call_method(&mut self, name: &str, argc: u32, span: Span) {
        let s = self.sym(name);
        self.emit(Op::CallMethod { name: s, argc, safe: false }, span);
    }

    fn throw_new(&mut self, class: ExcClass, message: &str, span: Span) {
        self.emit(Op::Push(Value::str(message)), span);
        self.emit(Op::Push(Value::Absent), span);
        self.emit(Op::CallBuiltin { builtin: Builtin::NewException(class), argc: 2 }, span);
        self.emit(Op::Throw, span);
    }

    /// Expands a call of a free inline function; false when `name` is not one.
    pub(super) fn inline_intrinsic(&mut self, name: &str, id: &Ident, args: &[Arg], span: Span) -> bool {
        let lambda = args.last().and_then(lambda_of);
        match (name, lambda) {
            ("repeat", Some(l)) if args.len() == 2 => {
                self.counting_loop(&args[0].value, span, |c, i| {
                    c.inline_lambda(l, "repeat", &[i], None, span);
                    c.emit(Op::Pop, span);
                });
                self.emit(Op::Push(Value::Unit), span);
                true
            }
            ("run", Some(l)) if args.len() == 1 => {
                self.inline_lambda(l, "run", &[], None, span);
                true
            }
            ("with", Some(l)) if args.len() == 2 => {
                self.expr(&args[0].value);
                let r = self.temp(span);
                self.inline_lambda(l, "with", &[], Some((r, RecvKind::Dynamic)), span);
                true
            }
            ("synchronized", Some(l)) if args.len() == 2 => {
                self.expr(&args[0].value);
                self.emit(Op::MonitorEnter, span);
                let h = self.emit(Op::PushHandler(0), span);
                self.cur().cleanups.push(Cleanup::Monitor);
                self.cur().in_monitor += 1;
                self.inline_lambda(l, "synchronized", &[], None, span);
                self.cur().in_monitor -= 1;
                self.cur().cleanups.pop();
                self.emit(Op::PopHandler, span);
                self.emit(Op::MonitorExit, span);
                let j = self.emit(Op::Jump(0), span);
                let h_at = self.here();
                self.patch(h, h_at);
                self.emit(Op::MonitorExit, span);
                self.emit(Op::Throw, span);
                let end = self.here();
                self.patch(j, end);
                true
            }
            ("runCatching", Some(l)) if args.len() == 1 => {
                self.run_catching(l, "runCatching", &[], None, span);
                true
            }
            ("measureTimeMillis", Some(l)) if args.len() == 1 => {
                self.emit(Op::Clock, span);
                let t0 = self.temp(span);
                self.inline_lambda(l, "measureTimeMillis", &[], None, span);
                self.emit(Op::Pop, span);
                self.emit(Op::Clock, span);
                self.emit(Op::Load(t0), span);
                self.emit(Op::Binary(BinOp::Sub), span);
                true
            }
            ("check" | "require", _) if !args.is_empty() && args.len() <= 2 => {
                let (class, default) = if name == "check" { (ExcClass::IllegalStateException, "Check failed.") } else { (ExcClass::IllegalArgumentException, "Failed requirement.") };
                self.expr(&args[0].value);
                let ok = self.emit(Op::JumpIfTrue(0), span);
                match args.get(1).and_then(lambda_of) {
                    Some(l) => {
                        self.inline_lambda(l, name, &[], None, span);
                        self.emit(Op::ToStr, span);
                        self.emit(Op::Push(Value::Absent), span);
                        self.emit(Op::CallBuiltin { builtin: Builtin::NewException(class), argc: 2 }, span);
                        self.emit(Op::Throw, span);
                    }
                    None => self.throw_new(class, default, span),
                }
                let end = self.here();
                self.patch(ok, end);
                self.emit(Op::Push(Value::Unit), span);
                true
            }
            ("checkNotNull" | "requireNotNull", _) if !args.is_empty() && args.len() <= 2 => {
                let class = if name == "checkNotNull" { ExcClass::IllegalStateException } else { ExcClass::IllegalArgumentException };
                self.expr(&args[0].value);
                let ok = self.emit(Op::JumpIfNotNull(0), span);
                self.emit(Op::Pop, span);
                match args.get(1).and_then(lambda_of) {
                    Some(l) => {
                        self.inline_lambda(l, name, &[], None, span);
                        self.emit(Op::ToStr, span);
                        self.emit(Op::Push(Value::Absent), span);
                        self.emit(Op::CallBuiltin { builtin: Builtin::NewException(class), argc: 2 }, span);
                        self.emit(Op::Throw, span);
                    }
                    None => self.throw_new(class, "Required value was null.", span),
                }
                let end = self.here();
                self.patch(ok, end);
                true
            }
            // `IntArray(n)`: n zeros.
            ("IntArray", None) if args.len() == 1 => {
                let list = self.new_list(span);
                self.counting_loop(&args[0].value, span, |c, _| {
                    c.emit(Op::Load(list), span);
                    c.emit(Op::Push(Value::Int(0)), span);
                    c.call_method("add", 1, span);
                    c.emit(Op::Pop, span);
                });
                self.emit(Op::Load(list), span);
                self.call_method("toIntArray", 0, span);
                true
            }
            ("List" | "MutableList" | "Array" | "IntArray", Some(l)) if args.len() == 2 => {
                let list = self.new_list(span);
                self.counting_loop(&args[0].value, span, |c, i| {
                    c.emit(Op::Load(list), span);
                    c.inline_lambda(l, name, &[i], None, span);
                    c.call_method("add", 1, span);
                    c.emit(Op::Pop, span);
                });
                self.emit(Op::Load(list), span);
                if name == "Array" || name == "IntArray" {
                    // An array, not a list: a bad index throws ArrayIndexOutOfBoundsException.
                    self.call_method("toTypedArray", 0, span);
                }
                true
            }
            ("buildList", Some(l)) if args.len() == 1 => {
                let list = self.new_list(span);
                self.inline_lambda(l, "buildList", &[], Some((list, RecvKind::Dynamic)), span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(list), span);
                true
            }
            // A fresh StringBuilder is the lambda's receiver; the call gives its text.
            ("buildString", Some(l)) if args.len() == 1 => {
                self.emit(Op::CallBuiltin { builtin: Builtin::NewStringBuilder, argc: 0 }, span);
                let sb = self.temp(span);
                self.inline_lambda(l, "buildString", &[], Some((sb, RecvKind::Dynamic)), span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(sb), span);
                self.call_method("toString", 0, span);
                true
            }
            ("thread", Some(_)) => {
                self.error_help(id.span, "raw threads (`thread { }`) are not supported in Coroutine Lab", "use a dispatcher: launch(Dispatchers.Default) { }");
                self.emit(Op::Push(Value::Unit), span);
                true
            }
            _ => false,
        }
    }

    /// `xs.map(f)`, where `f` names a function value (a local, a parameter or a property), is
    /// `xs.map { f(it) }`, as `xs.map(::f)` is: a lambda with as many parameters as the
    /// library function passes. A name is read again for each element, which is the same as
    /// reading it once.
    fn passed_function_lambda(&mut self, mname: &str, args: &[Arg]) -> Option<Lambda> {
        let arg = args.last()?;
        if arg.name.is_some() || arg.spread {
            return None;
        }
        let arity = passed_arity(mname, args.len())?;
        let span = arg.value.span;
        match &arg.value.kind {
            ExprKind::CallableRef { receiver, name } => Some(self.callable_ref_lambda(receiver.as_deref(), name, Some(arity), span)),
            ExprKind::Name(name) => Some(self.callable_ref_lambda(None, name, Some(arity), span)),
            _ => None,
        }
    }

    /// Pushes whether the Result in `result` is a success.
    fn result_succeeded(&mut self, result: u32, span: Span) {
        self.emit(Op::Load(result), span);
        let s = self.sym("isSuccess");
        self.emit(Op::GetField { name: s, safe: false }, span);
    }

    fn run_catching(&mut self, l: &Lambda, mname: &str, params: &[u32], receiver: Option<u32>, span: Span) {
        let h = self.emit(Op::PushHandler(0), span);
        self.cur().cleanups.push(Cleanup::HandlerOnly);
        self.inline_lambda(l, mname, params, receiver.map(|r| (r, RecvKind::Dynamic)), span);
        self.cur().cleanups.pop();
        self.emit(Op::PopHandler, span);
        self.emit(Op::CallBuiltin { builtin: Builtin::ResultSuccess, argc: 1 }, span);
        let j = self.emit(Op::Jump(0), span);
        let h_at = self.here();
        self.patch(h, h_at);
        self.emit(Op::CallBuiltin { builtin: Builtin::ResultFailure, argc: 1 }, span);
        let end = self.here();
        self.patch(j, end);
    }

    /// Expands `receiver.name(args) { lambda }` for inline library methods; false when it
    /// is not one (it then compiles as a normal method call).
    pub(super) fn inline_method(&mut self, receiver: &Expr, name: &Ident, args: &[Arg], safe: bool, span: Span) -> bool {
        let mname = name.name.as_str();
        if matches!(mname, "sortBy" | "sortByDescending" | "sortWith" | "sortedWith") && args.len() == 1 {
            return self.inline_sort(receiver, mname, &args[0], safe, span);
        }
        // `xs.groupingBy { key }.eachCount()`: the groups of `groupBy { key }`, each replaced
        // by its size, so the keys keep the order they were first seen in.
        if mname == "eachCount" && args.is_empty() {
            if let ExprKind::Call { callee, args: inner, .. } = &receiver.kind {
                if let ExprKind::Member { receiver: source, name: by, safe: by_safe } = &callee.kind {
                    if by.name == "groupingBy" && inner.len() == 1 && lambda_of(&inner[0]).is_some() {
                        let group_by = Ident { name: "groupBy".into(), span: by.span };
                        self.inline_method(source, &group_by, inner, *by_safe, span);
                        let count = self.sym("<eachCount>");
                        self.emit(Op::CallMethod { name: count, argc: 0, safe: safe || *by_safe }, span);
                        return true;
                    }
                }
            }
        }
        if mname == "groupingBy" {
            self.error_help(name.span, "a Grouping is only counted in Coroutine Lab", "write `groupingBy { key }.eachCount()`, or `groupBy { key }` for the groups");
            self.emit(Op::Push(Value::Unit), span);
            return true;
        }
        let passed;
        let l = match args.last() {
            Some(a) => match lambda_of(a) {
                Some(l) => l,
                None => match self.passed_function_lambda(mname, args) {
                    Some(l) => {
                        passed = l;
                        &passed
                    }
                    None => return false,
                },
            },
            None => return false,
        };
        let n_args = args.len();
        let known = matches!(
            (mname, n_args),
            ("forEach" | "forEachIndexed" | "map" | "mapIndexed" | "mapNotNull" | "filter" | "filterNot" | "filterIndexed" | "count" | "sumOf"
                | "sumBy" | "any" | "all" | "none" | "first" | "firstOrNull" | "find" | "last" | "lastOrNull" | "maxOf" | "minOf"
                | "maxByOrNull" | "minByOrNull" | "maxBy" | "minBy" | "sortedBy" | "sortedByDescending" | "groupBy" | "associateWith"
                | "associateBy" | "flatMap" | "onEach" | "reduce" | "let" | "also" | "apply" | "run" | "takeIf" | "takeUnless"
                | "withLock" | "withPermit" | "onSuccess" | "onFailure" | "runCatching" | "partition" | "indexOfFirst"
                | "filterKeys" | "filterValues" | "mapValues" | "mapKeys" | "single" | "singleOrNull" | "associate"
                | "mapIndexedNotNull" | "zipWithNext" | "dropWhile" | "takeLastWhile" | "consumeEach" | "mapCatching"
                | "recover" | "recoverCatching" | "takeWhile" | "distinctBy" | "indexOfLast" | "removeIf" | "removeAll"
                | "retainAll" | "sumByDouble" | "ifEmpty" | "ifBlank" | "updateAndGet" | "getAndUpdate", 1)
                | ("computeIfAbsent", 2)
                | ("merge", 3)
                | ("compute" | "computeIfPresent" | "foldRight", 2)
                | ("groupBy" | "associateBy", 2)
                | ("fold" | "getOrPut" | "joinToString", _)
                | ("getOrElse", 1..=2)
                | ("chunked" | "windowed" | "zip", 2..=4)
        );
        if !known {
            return false;
        }
        // `chunked`, `windowed` and `zip` with a transform: the call without the lambda, then
        // the lambda mapped over its result. A named argument keeps the plain call.
        let with_transform = matches!(mname, "chunked" | "windowed" | "zip" | "zipWithNext");
        if with_transform && args[..n_args - 1].iter().any(|a| a.name.is_some() || a.spread) {
            return false;
        }
        if mname == "joinToString" {
            return self.inline_join_to_string(receiver, args, l, safe, span);
        }
        self.expr(receiver);
        let null_skip = if safe { Some(self.emit(Op::JumpIfNull(0), span)) } else { None };
        if matches!(mname, "withLock" | "withPermit" | "consumeEach") {
            self.check_suspend_allowed(name.span, mname);
        }
        if mname == "consumeEach" {
            self.check_imported(mname, name.span);
        }
        match mname {
            "forEach" | "onEach" => {
                let r = if mname == "onEach" {
                    self.emit(Op::Dup, span);
                    Some(self.temp(span))
                } else {
                    None
                };
                let (_, elem, top, exit) = self.inline_loop_start(span);
                // `map.forEach { k, v -> }` (Java's `Map.forEach`) passes key and value apart.
                if mname == "forEach" && l.params.len() == 2 {
                    let (key, value) = self.entry_parts(elem, span);
                    self.inline_lambda(l, mname, &[key, value], None, span);
                } else {
                    self.inline_lambda(l, mname, &[elem], None, span);
                }
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                match r {
                    Some(r) => self.emit(Op::Load(r), span),
                    None => self.emit(Op::Push(Value::Unit), span),
                };
            }
            "forEachIndexed" | "mapIndexed" | "filterIndexed" | "mapIndexedNotNull" => {
                let acc = if mname != "forEachIndexed" {
                    self.emit(Op::CallBuiltin { builtin: Builtin::MutableListOf, argc: 0 }, span);
                    let t = self.temp(span);
                    Some(t)
                } else {
                    None
                };
                self.emit(Op::Push(Value::Int(-1)), span);
                let idx = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.increment(idx, span);
                match (mname, acc) {
                    ("mapIndexed", Some(acc)) => {
                        self.emit(Op::Load(acc), span);
                        self.inline_lambda(l, mname, &[idx, elem], None, span);
                        self.call_method("add", 1, span);
                        self.emit(Op::Pop, span);
                    }
                    ("mapIndexedNotNull", Some(acc)) => {
                        self.inline_lambda(l, mname, &[idx, elem], None, span);
                        let v = self.temp(span);
                        self.emit(Op::Load(v), span);
                        let skip = self.emit(Op::JumpIfNull(0), span);
                        self.emit(Op::Pop, span);
                        self.emit(Op::Load(acc), span);
                        self.emit(Op::Load(v), span);
                        self.call_method("add", 1, span);
                        let s = self.here();
                        self.patch(skip, s);
                        self.emit(Op::Pop, span);
                    }
                    ("filterIndexed", Some(acc)) => {
                        self.inline_lambda(l, mname, &[idx, elem], None, span);
                        let skip = self.emit(Op::JumpIfFalse(0), span);
                        self.append(acc, elem, span);
                        let s = self.here();
                        self.patch(skip, s);
                    }
                    _ => {
                        self.inline_lambda(l, mname, &[idx, elem], None, span);
                        self.emit(Op::Pop, span);
                    }
                }
                self.inline_loop_end(top, exit, span);
                match acc {
                    Some(acc) => self.emit(Op::Load(acc), span),
                    None => self.emit(Op::Push(Value::Unit), span),
                };
            }
            "map" | "mapNotNull" | "flatMap" => {
                let it_val = self.temp(span);
                // `Result.map { }` runs the lambda over the success's value, as a list's `map`
                // runs it over each element: whether the receiver is a Result is known only
                // as the program runs, and the lambda is compiled once.
                let result = (mname == "map").then(|| {
                    self.emit(Op::Push(Value::Null), span);
                    let result = self.temp(span);
                    self.emit(Op::Load(it_val), span);
                    let result_test = TypeTest::Builtin(self.sym("Result"));
                    self.emit(Op::IsInstance(result_test), span);
                    let not_result = self.emit(Op::JumpIfFalse(0), span);
                    self.emit(Op::Load(it_val), span);
                    self.emit(Op::Store(result), span);
                    self.emit(Op::Load(it_val), span);
                    self.call_method(crate::methods::RESULT_VALUES, 0, span);
                    self.emit(Op::Store(it_val), span);
                    let list = self.here();
                    self.patch(not_result, list);
                    result
                });
                let acc = self.new_list(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                match mname {
                    "map" => {
                        let v = self.temp(span);
                        self.append(acc, v, span);
                    }
                    "mapNotNull" => {
                        let v = self.temp(span);
                        self.emit(Op::Load(v), span);
                        let skip = self.emit(Op::JumpIfNull(0), span);
                        self.emit(Op::Pop, span);
                        self.emit(Op::Load(acc), span);
                        self.emit(Op::Load(v), span);
                        self.call_method("add", 1, span);
                        let j = self.emit(Op::Jump(0), span);
                        let s = self.here();
                        self.patch(skip, s);
                        let e = self.here();
                        self.patch(j, e);
                        self.emit(Op::Pop, span);
                    }
                    _ => {
                        let v = self.temp(span);
                        self.emit(Op::Load(acc), span);
                        self.emit(Op::Load(v), span);
                        self.call_method("addAll", 1, span);
                        self.emit(Op::Pop, span);
                    }
                }
                self.inline_loop_end(top, exit, span);
                if let Some(result) = result {
                    self.emit(Op::Load(result), span);
                    let not_result = self.emit(Op::JumpIfNull(0), span);
                    self.emit(Op::Pop, span);
                    self.result_succeeded(result, span);
                    let failure = self.emit(Op::JumpIfFalse(0), span);
                    self.emit(Op::Load(acc), span);
                    self.call_method("first", 0, span);
                    self.emit(Op::CallBuiltin { builtin: Builtin::ResultSuccess, argc: 1 }, span);
                    let done = self.emit(Op::Jump(0), span);
                    let f = self.here();
                    self.patch(failure, f);
                    self.emit(Op::Load(result), span);
                    let done_too = self.emit(Op::Jump(0), span);
                    let list = self.here();
                    self.patch(not_result, list);
                    self.emit(Op::Pop, span);
                    self.emit(Op::Load(acc), span);
                    let end = self.here();
                    self.patch(done, end);
                    self.patch(done_too, end);
                } else {
                    self.emit(Op::Load(acc), span);
                }
            }
            // A failure goes through `mapCatching` and a success through `recover` as they
            // are; the lambda's value is the new success, and what it throws the new failure
            // in the catching forms.
            "mapCatching" | "recover" | "recoverCatching" => {
                let r = self.temp(span);
                self.result_succeeded(r, span);
                let on_success = mname == "mapCatching";
                let keep = self.emit(if on_success { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) }, span);
                self.emit(Op::Load(r), span);
                self.call_method(if on_success { "getOrThrow" } else { "exceptionOrNull" }, 0, span);
                let v = self.temp(span);
                if mname == "recover" {
                    self.inline_lambda(l, mname, &[v], None, span);
                    self.emit(Op::CallBuiltin { builtin: Builtin::ResultSuccess, argc: 1 }, span);
                } else {
                    self.run_catching(l, mname, &[v], None, span);
                }
                let done = self.emit(Op::Jump(0), span);
                let k = self.here();
                self.patch(keep, k);
                self.emit(Op::Load(r), span);
                let end = self.here();
                self.patch(done, end);
            }
            "filter" | "filterNot" | "partition" | "filterKeys" | "filterValues" => {
                let it_val = self.temp(span);
                let acc = self.new_list(span);
                let other = self.new_list(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                match mname {
                    "filterKeys" | "filterValues" => {
                        let (key, value) = self.entry_parts(elem, span);
                        self.inline_lambda(l, mname, &[if mname == "filterKeys" { key } else { value }], None, span);
                    }
                    _ => self.inline_lambda(l, mname, &[elem], None, span),
                }
                if mname == "filterNot" {
                    self.emit(Op::Not, span);
                }
                let skip = self.emit(Op::JumpIfFalse(0), span);
                self.append(acc, elem, span);
                self.emit(Op::Jump(top), span);
                let s = self.here();
                self.patch(skip, s);
                if mname == "partition" {
                    self.append(other, elem, span);
                }
                self.inline_loop_end(top, exit, span);
                let not_string = self.strings_again(it_val, &[acc, other], span);
                self.emit(Op::Load(acc), span);
                if mname == "partition" {
                    self.emit(Op::Load(other), span);
                    self.emit(Op::Binary(BinOp::Pair), span);
                }
                let done = self.emit(Op::Jump(0), span);
                let after = self.here();
                self.patch(not_string, after);
                self.emit(Op::Load(acc), span);
                if mname == "partition" {
                    self.emit(Op::Load(other), span);
                    self.emit(Op::Binary(BinOp::Pair), span);
                } else {
                    // Filtering a map gives a map of the entries kept; anything else, the list.
                    self.emit(Op::Load(it_val), span);
                    self.call_method("<filteredFrom>", 1, span);
                }
                let end = self.here();
                self.patch(done, end);
            }
            // Skips elements while the predicate holds, then keeps every one from the first
            // that fails it.
            "dropWhile" => {
                let it_val = self.temp(span);
                let acc = self.new_list(span);
                self.emit(Op::Push(Value::Bool(true)), span);
                let dropping = self.temp(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.emit(Op::Load(dropping), span);
                let keep = self.emit(Op::JumpIfFalse(0), span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let skip = self.emit(Op::JumpIfTrue(0), span);
                self.emit(Op::Push(Value::Bool(false)), span);
                self.emit(Op::Store(dropping), span);
                let keep_at = self.here();
                self.patch(keep, keep_at);
                self.append(acc, elem, span);
                let skip_at = self.here();
                self.patch(skip, skip_at);
                self.inline_loop_end(top, exit, span);
                let not_string = self.strings_again(it_val, &[acc], span);
                let after = self.here();
                self.patch(not_string, after);
                self.emit(Op::Load(acc), span);
            }
            "mapValues" | "mapKeys" => {
                let it_val = self.temp(span);
                self.emit(Op::CallBuiltin { builtin: Builtin::MapOf, argc: 0 }, span);
                let map = self.temp(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let v = self.temp(span);
                let (key, value) = self.entry_parts(elem, span);
                self.emit(Op::Load(map), span);
                if mname == "mapValues" {
                    self.emit(Op::Load(key), span);
                    self.emit(Op::Load(v), span);
                } else {
                    self.emit(Op::Load(v), span);
                    self.emit(Op::Load(value), span);
                }
                self.call_method("put", 2, span);
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(map), span);
            }
            "single" | "singleOrNull" => {
                self.emit(Op::Push(Value::Absent), span);
                let found = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let skip = self.emit(Op::JumpIfFalse(0), span);
                // A second match: `single` throws, `singleOrNull` gives null.
                self.emit(Op::Load(found), span);
                self.emit(Op::Push(Value::Absent), span);
                self.emit(Op::Binary(BinOp::Same), span);
                let second = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(elem), span);
                self.emit(Op::Store(found), span);
                let s = self.here();
                self.patch(skip, s);
                self.emit(Op::Jump(top), span);
                let second_at = self.here();
                self.patch(second, second_at);
                let two_found = if mname == "single" {
                    self.throw_new(ExcClass::IllegalArgumentException, "Collection contains more than one matching element.", span);
                    None
                } else {
                    self.emit(Op::Push(Value::Null), span);
                    Some(self.emit(Op::Jump(0), span))
                };
                let end = self.here();
                self.patch(exit, end);
                let none = (mname == "single").then_some("Collection contains no element matching the predicate.");
                self.found_or(found, none, span);
                let done = self.here();
                if let Some(two_found) = two_found {
                    self.patch(two_found, done);
                }
            }
            "chunked" | "windowed" | "zip" | "zipWithNext" => {
                for a in &args[..n_args - 1] {
                    self.expr(&a.value);
                }
                self.call_method(mname, n_args as u32 - 1, span);
                let acc = self.new_list(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                if mname == "zip" || mname == "zipWithNext" {
                    // The transform takes the two elements of each pair.
                    let (first, second) = self.entry_parts(elem, span);
                    self.inline_lambda(l, mname, &[first, second], None, span);
                } else {
                    self.inline_lambda(l, mname, &[elem], None, span);
                }
                let v = self.temp(span);
                self.append(acc, v, span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(acc), span);
            }
            "count" | "sumOf" | "sumBy" | "sumByDouble" => {
                let it_val = self.temp(span);
                self.emit(Op::Push(if mname == "sumByDouble" { Value::Double(0.0) } else { Value::Int(0) }), span);
                let acc = self.temp(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                if mname == "count" {
                    let skip = self.emit(Op::JumpIfFalse(0), span);
                    self.increment(acc, span);
                    let s = self.here();
                    self.patch(skip, s);
                } else {
                    self.emit(Op::Load(acc), span);
                    self.emit(Op::Swap, span);
                    self.emit(Op::Binary(BinOp::Add), span);
                    self.emit(Op::Store(acc), span);
                }
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(acc), span);
            }
            "any" | "all" | "none" => {
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                // any: stop at the first true; all: at the first false; none: at the first true.
                let stop = if mname == "all" { self.emit(Op::JumpIfFalse(0), span) } else { self.emit(Op::JumpIfTrue(0), span) };
                self.emit(Op::Jump(top), span);
                let stop_at = self.here();
                self.patch(stop, stop_at);
                self.emit(Op::Push(Value::Bool(mname == "any")), span);
                let j = self.emit(Op::Jump(0), span);
                let end = self.here();
                self.patch(exit, end);
                self.emit(Op::Push(Value::Bool(mname != "any")), span);
                let done = self.here();
                self.patch(j, done);
            }
            "first" | "firstOrNull" | "find" | "indexOfFirst" => {
                self.emit(Op::Push(Value::Int(-1)), span);
                let idx = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.increment(idx, span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let found = self.emit(Op::JumpIfTrue(0), span);
                self.emit(Op::Jump(top), span);
                let found_at = self.here();
                self.patch(found, found_at);
                self.emit(Op::Load(if mname == "indexOfFirst" { idx } else { elem }), span);
                let j = self.emit(Op::Jump(0), span);
                let end = self.here();
                self.patch(exit, end);
                match mname {
                    "first" => self.throw_new(ExcClass::NoSuchElementException, "Collection contains no element matching the predicate.", span),
                    "indexOfFirst" => {
                        self.emit(Op::Push(Value::Int(-1)), span);
                    }
                    _ => {
                        self.emit(Op::Push(Value::Null), span);
                    }
                }
                let done = self.here();
                self.patch(j, done);
            }
            "last" | "lastOrNull" => {
                self.emit(Op::Push(Value::Absent), span);
                let found = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let skip = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(elem), span);
                self.emit(Op::Store(found), span);
                let s = self.here();
                self.patch(skip, s);
                self.inline_loop_end(top, exit, span);
                let none = (mname == "last").then_some("List contains no element matching the predicate.");
                self.found_or(found, none, span);
            }
            "maxOf" | "minOf" | "maxByOrNull" | "minByOrNull" | "maxBy" | "minBy" => {
                let is_max = mname.starts_with("max");
                let by = mname.contains("By");
                self.emit(Op::Push(Value::Absent), span);
                let best_key = self.temp(span);
                self.emit(Op::Push(Value::Null), span);
                let best = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let key = self.temp(span);
                // Take the element when there is no best yet or its key beats the best, asked
                // as the library does, of the best: `maxValue < v` (`minValue > v`).
                self.emit(Op::Load(best_key), span);
                self.emit(Op::Push(Value::Absent), span);
                self.emit(Op::Binary(BinOp::Same), span);
                let take = self.emit(Op::JumpIfTrue(0), span);
                self.emit(Op::Load(best_key), span);
                self.emit(Op::Load(key), span);
                self.emit(Op::Binary(if is_max { BinOp::Lt } else { BinOp::Gt }), span);
                let skip = self.emit(Op::JumpIfFalse(0), span);
                let take_at = self.here();
                self.patch(take, take_at);
                self.emit(Op::Load(key), span);
                self.emit(Op::Store(best_key), span);
                self.emit(Op::Load(elem), span);
                self.emit(Op::Store(best), span);
                let s = self.here();
                self.patch(skip, s);
                self.inline_loop_end(top, exit, span);
                if by {
                    if mname.ends_with("OrNull") {
                        self.emit(Op::Load(best), span);
                    } else {
                        self.emit(Op::Load(best_key), span);
                        self.emit(Op::Push(Value::Absent), span);
                        self.emit(Op::Binary(BinOp::Same), span);
                        let ok = self.emit(Op::JumpIfFalse(0), span);
                        self.throw_new(ExcClass::NoSuchElementException, "Collection is empty.", span);
                        let ok_at = self.here();
                        self.patch(ok, ok_at);
                        self.emit(Op::Load(best), span);
                    }
                } else {
                    self.emit(Op::Load(best_key), span);
                    self.emit(Op::Push(Value::Absent), span);
                    self.emit(Op::Binary(BinOp::Same), span);
                    let ok = self.emit(Op::JumpIfFalse(0), span);
                    self.throw_new(ExcClass::NoSuchElementException, "Collection is empty.", span);
                    let ok_at = self.here();
                    self.patch(ok, ok_at);
                    self.emit(Op::Load(best_key), span);
                }
            }
            "sortedBy" | "sortedByDescending" => {
                let it_val = self.temp(span);
                let pairs = self.new_list(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.emit(Op::Load(pairs), span);
                self.inline_lambda(l, mname, &[elem], None, span);
                self.emit(Op::Load(elem), span);
                self.emit(Op::Binary(BinOp::Pair), span);
                self.call_method("add", 1, span);
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(pairs), span);
                self.emit(Op::Push(Value::Bool(mname == "sortedByDescending")), span);
                self.emit(Op::CallBuiltin { builtin: Builtin::SortByKeys, argc: 2 }, span);
            }
            // `groupBy(keySelector, valueTransform)`, `associateBy(…, …)`: each element's key
            // from the first lambda, what is stored from the second.
            "groupBy" | "associateBy" if n_args == 2 => {
                let it_val = self.temp(span);
                let Some(key_of) = lambda_of(&args[0]) else {
                    self.error(args[0].value.span, format!("{mname} with two arguments takes two lambdas: {mname}({{ key }}, {{ value }})"));
                    self.emit(Op::Push(Value::Unit), span);
                    return true;
                };
                self.emit(Op::CallBuiltin { builtin: Builtin::MapOf, argc: 0 }, span);
                let map = self.temp(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(key_of, mname, &[elem], None, span);
                let key = self.temp(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let value = self.temp(span);
                self.emit(Op::Load(map), span);
                self.emit(Op::Load(key), span);
                self.emit(Op::Load(value), span);
                self.call_method(if mname == "groupBy" { "<groupAdd>" } else { "put" }, 2, span);
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(map), span);
            }
            "groupBy" | "associateWith" | "associateBy" | "associate" => {
                let it_val = self.temp(span);
                self.emit(Op::CallBuiltin { builtin: Builtin::MapOf, argc: 0 }, span);
                let map = self.temp(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let v = self.temp(span);
                self.emit(Op::Load(map), span);
                match mname {
                    "groupBy" => {
                        self.emit(Op::Load(v), span);
                        self.emit(Op::Load(elem), span);
                        self.call_method("<groupAdd>", 2, span);
                    }
                    "associateWith" => {
                        self.emit(Op::Load(elem), span);
                        self.emit(Op::Load(v), span);
                        self.call_method("put", 2, span);
                    }
                    // The lambda gives a Pair: its first is the key, its second the value.
                    "associate" => {
                        self.emit(Op::Pop, span);
                        let (key, value) = self.entry_parts(v, span);
                        self.emit(Op::Load(map), span);
                        self.emit(Op::Load(key), span);
                        self.emit(Op::Load(value), span);
                        self.call_method("put", 2, span);
                    }
                    _ => {
                        self.emit(Op::Load(v), span);
                        self.emit(Op::Load(elem), span);
                        self.call_method("put", 2, span);
                    }
                }
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(map), span);
            }
            // `Result.fold(onSuccess, onFailure)`, told from a collection's `fold(initial) { }`
            // by its first argument: a lambda, or named.
            "fold" if n_args == 2 && (lambda_of(&args[0]).is_some() || args[0].name.is_some()) => {
                let on = |param: &str, at: usize| match args.iter().find(|a| a.name.as_ref().is_some_and(|n| n.name == param)) {
                    Some(a) => lambda_of(a),
                    None => args.get(at).filter(|a| a.name.is_none()).and_then(lambda_of),
                };
                let (Some(success), Some(failure)) = (on("onSuccess", 0), on("onFailure", 1)) else {
                    // The receiver stays as the value of a call that does not compile.
                    self.error(span, "Result.fold takes two lambdas: fold(onSuccess = { value -> … }, onFailure = { e -> … })");
                    return true;
                };
                let r = self.temp(span);
                self.result_succeeded(r, span);
                let fail = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(r), span);
                self.call_method("getOrNull", 0, span);
                let v = self.temp(span);
                self.inline_lambda(success, mname, &[v], None, span);
                self.result_failure_branch(r, fail, failure, mname, span);
            }
            "fold" => {
                let it_val = self.temp(span);
                match args.first().filter(|_| n_args == 2) {
                    Some(init) => self.expr(&init.value),
                    None => {
                        self.error(span, "fold takes an initial value and a lambda: fold(0) { acc, x -> … }");
                        self.emit(Op::Push(Value::Unit), span);
                    }
                }
                self.fold_over(it_val, l, mname, true, span);
            }
            "reduce" => {
                self.emit(Op::Push(Value::Absent), span);
                let acc = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.emit(Op::Load(acc), span);
                self.emit(Op::Push(Value::Absent), span);
                self.emit(Op::Binary(BinOp::Same), span);
                let not_first = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(elem), span);
                self.emit(Op::Store(acc), span);
                self.emit(Op::Jump(top), span);
                let nf = self.here();
                self.patch(not_first, nf);
                self.inline_lambda(l, mname, &[acc, elem], None, span);
                self.emit(Op::Store(acc), span);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(acc), span);
                self.emit(Op::Push(Value::Absent), span);
                self.emit(Op::Binary(BinOp::Same), span);
                let ok = self.emit(Op::JumpIfFalse(0), span);
                self.throw_new(ExcClass::UnsupportedOperationException, "Empty collection can't be reduced.", span);
                let ok_at = self.here();
                self.patch(ok, ok_at);
                self.emit(Op::Load(acc), span);
            }
            "let" | "also" | "takeIf" | "takeUnless" => {
                let r = self.temp(span);
                self.inline_lambda(l, mname, &[r], None, span);
                match mname {
                    "also" => {
                        self.emit(Op::Pop, span);
                        self.emit(Op::Load(r), span);
                    }
                    "takeIf" | "takeUnless" => {
                        let j = self.emit(if mname == "takeIf" { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) }, span);
                        self.emit(Op::Load(r), span);
                        let e = self.emit(Op::Jump(0), span);
                        let n = self.here();
                        self.patch(j, n);
                        self.emit(Op::Push(Value::Null), span);
                        let done = self.here();
                        self.patch(e, done);
                    }
                    _ => {}
                }
            }
            "apply" | "run" => {
                let r = self.temp(span);
                let kind = self.static_recv_kind(receiver);
                self.inline_lambda(l, mname, &[], Some((r, kind)), span);
                if mname == "apply" {
                    self.emit(Op::Pop, span);
                    self.emit(Op::Load(r), span);
                }
            }
            "runCatching" => {
                let r = self.temp(span);
                self.run_catching(l, "runCatching", &[], Some(r), span);
            }
            // `consume { for (e in this) action(e) }`: the channel is cancelled when the loop
            // ends, however it ends (with the failure as cause when the action throws).
            "consumeEach" => {
                let m = self.temp(span);
                let h = self.emit(Op::PushHandler(0), span);
                self.cur().cleanups.push(Cleanup::Consumed(m));
                self.emit(Op::Load(m), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                self.emit(Op::Pop, span);
                self.inline_loop_end(top, exit, span);
                self.cur().cleanups.pop();
                self.emit(Op::PopHandler, span);
                self.emit(Op::Load(m), span);
                self.call_method(crate::channel::CONSUMED, 0, span);
                self.emit(Op::Pop, span);
                self.emit(Op::Push(Value::Unit), span);
                let j = self.emit(Op::Jump(0), span);
                let h_at = self.here();
                self.patch(h, h_at);
                let e = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(e), span);
                self.call_method(crate::channel::CONSUMED, 1, span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(e), span);
                self.emit(Op::Throw, span);
                let end = self.here();
                self.patch(j, end);
            }
            "withLock" | "withPermit" => {
                let m = self.temp(span);
                let (enter, exit_name) = if mname == "withLock" { ("lock", "unlock") } else { ("acquire", "release") };
                self.emit(Op::Load(m), span);
                self.call_method(enter, 0, span);
                self.emit(Op::Pop, span);
                let h = self.emit(Op::PushHandler(0), span);
                self.cur().cleanups.push(if mname == "withLock" { Cleanup::Unlock(m) } else { Cleanup::Release(m) });
                self.inline_lambda(l, mname, &[], None, span);
                self.cur().cleanups.pop();
                self.emit(Op::PopHandler, span);
                let v = self.temp(span);
                self.emit(Op::Load(m), span);
                self.call_method(exit_name, 0, span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(v), span);
                let j = self.emit(Op::Jump(0), span);
                let h_at = self.here();
                self.patch(h, h_at);
                let e = self.temp(span);
                self.emit(Op::Load(m), span);
                self.call_method(exit_name, 0, span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(e), span);
                self.emit(Op::Throw, span);
                let end = self.here();
                self.patch(j, end);
            }
            "getOrPut" => {
                let m = self.temp(span);
                match args.first().filter(|_| n_args == 2) {
                    Some(k) => self.expr(&k.value),
                    None => {
                        self.error(span, "getOrPut takes a key and a lambda: getOrPut(key) { default }");
                        self.emit(Op::Push(Value::Unit), span);
                    }
                }
                let k = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.call_method("containsKey", 1, span);
                let compute = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let j = self.emit(Op::Jump(0), span);
                let c = self.here();
                self.patch(compute, c);
                self.inline_lambda(l, mname, &[], None, span);
                let v = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::Load(v), span);
                self.emit(Op::SetIndex, span);
                self.emit(Op::Load(v), span);
                let end = self.here();
                self.patch(j, end);
            }
            // `map.getOrElse(key) { default }` gives the default for a missing key or a null
            // value; `list.getOrElse(index) { i -> }` (and a String's) for an index out of
            // bounds. Which one is decided by the receiver when the call runs.
            "getOrElse" if n_args == 2 => {
                let r = self.temp(span);
                self.expr(&args[0].value);
                let k = self.temp(span);
                self.emit(Op::Load(r), span);
                let map_test = TypeTest::Builtin(self.sym("Map"));
                self.emit(Op::IsInstance(map_test), span);
                let not_map = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(r), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let found = self.emit(Op::JumpIfNotNull(0), span);
                self.emit(Op::Pop, span);
                let missing = self.emit(Op::Jump(0), span);
                let not_map_at = self.here();
                self.patch(not_map, not_map_at);
                self.emit(Op::Load(r), span);
                self.call_method("indices", 0, span);
                self.emit(Op::Load(k), span);
                self.call_method("contains", 1, span);
                let outside = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(r), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let inside = self.emit(Op::Jump(0), span);
                let default_at = self.here();
                self.patch(missing, default_at);
                self.patch(outside, default_at);
                self.inline_lambda(l, mname, &[k], None, span);
                let end = self.here();
                self.patch(found, end);
                self.patch(inside, end);
            }
            // Counts the elements from the end while the predicate holds, then takes that many
            // from the end: a String gives a String.
            "takeLastWhile" => {
                let it_val = self.temp(span);
                self.emit(Op::Push(Value::Int(0)), span);
                let count = self.temp(span);
                self.emit(Op::Load(it_val), span);
                self.call_method("reversed", 0, span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let stop = self.emit(Op::JumpIfFalse(0), span);
                self.increment(count, span);
                self.inline_loop_end(top, exit, span);
                let end = self.here();
                self.patch(stop, end);
                self.emit(Op::Load(it_val), span);
                self.emit(Op::Load(count), span);
                self.call_method("takeLast", 1, span);
            }
            "getOrElse" | "onSuccess" | "onFailure" => {
                let r = self.temp(span);
                self.result_succeeded(r, span);
                match mname {
                    "getOrElse" => {
                        let fail = self.emit(Op::JumpIfFalse(0), span);
                        self.emit(Op::Load(r), span);
                        self.call_method("getOrThrow", 0, span);
                        self.result_failure_branch(r, fail, l, mname, span);
                    }
                    _ => {
                        let skip = if mname == "onSuccess" { self.emit(Op::JumpIfFalse(0), span) } else { self.emit(Op::JumpIfTrue(0), span) };
                        self.emit(Op::Load(r), span);
                        self.call_method(if mname == "onSuccess" { "getOrNull" } else { "exceptionOrNull" }, 0, span);
                        let v = self.temp(span);
                        self.inline_lambda(l, mname, &[v], None, span);
                        self.emit(Op::Pop, span);
                        let s = self.here();
                        self.patch(skip, s);
                        self.emit(Op::Load(r), span);
                    }
                }
            }
            // `ifEmpty { }` / `ifBlank { }`: the lambda's value when the receiver is empty
            // (blank), else the receiver.
            "ifEmpty" | "ifBlank" => {
                let r = self.temp(span);
                self.emit(Op::Load(r), span);
                self.call_method(if mname == "ifEmpty" { "isEmpty" } else { "isBlank" }, 0, span);
                let keep = self.emit(Op::JumpIfFalse(0), span);
                self.inline_lambda(l, mname, &[], None, span);
                let done = self.emit(Op::Jump(0), span);
                let keep_at = self.here();
                self.patch(keep, keep_at);
                self.emit(Op::Load(r), span);
                let end = self.here();
                self.patch(done, end);
            }
            // Keeps elements while the predicate holds and stops at the first that fails it;
            // a String gives a String.
            "takeWhile" => {
                let it_val = self.temp(span);
                let acc = self.new_list(span);
                self.emit(Op::Load(it_val), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let stop = self.emit(Op::JumpIfFalse(0), span);
                self.append(acc, elem, span);
                self.inline_loop_end(top, exit, span);
                let end = self.here();
                self.patch(stop, end);
                let not_string = self.strings_again(it_val, &[acc], span);
                let after = self.here();
                self.patch(not_string, after);
                self.emit(Op::Load(acc), span);
            }
            // The first element of each key, in order.
            "distinctBy" => {
                let keys = self.new_list(span);
                let acc = self.new_list(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let key = self.temp(span);
                self.emit(Op::Load(keys), span);
                self.emit(Op::Load(key), span);
                self.call_method("contains", 1, span);
                let seen = self.emit(Op::JumpIfTrue(0), span);
                self.append(keys, key, span);
                self.append(acc, elem, span);
                let seen_at = self.here();
                self.patch(seen, seen_at);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(acc), span);
            }
            "indexOfLast" => {
                self.emit(Op::Push(Value::Int(-1)), span);
                let idx = self.temp(span);
                self.emit(Op::Push(Value::Int(-1)), span);
                let found = self.temp(span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.increment(idx, span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let skip = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(idx), span);
                self.emit(Op::Store(found), span);
                let s = self.here();
                self.patch(skip, s);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(found), span);
            }
            // `removeIf { }`, `removeAll { }`, `retainAll { }` on a mutable collection: the
            // predicate runs over every element, then the collection keeps those it chose;
            // the value is whether any was removed.
            "removeIf" | "removeAll" | "retainAll" => {
                let coll = self.temp(span);
                let kept = self.new_list(span);
                self.emit(Op::Load(coll), span);
                let (_, elem, top, exit) = self.inline_loop_start(span);
                self.inline_lambda(l, mname, &[elem], None, span);
                let drop = self.emit(if mname == "retainAll" { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) }, span);
                self.append(kept, elem, span);
                let drop_at = self.here();
                self.patch(drop, drop_at);
                self.inline_loop_end(top, exit, span);
                self.emit(Op::Load(coll), span);
                self.emit(Op::Load(kept), span);
                self.call_method("<keepOnly>", 1, span);
            }
            // `computeIfAbsent(key) { k -> value }`: the value stored under the key when it is
            // not null; else the lambda's value, stored unless it is null.
            "computeIfAbsent" => {
                let m = self.temp(span);
                self.expr(&args[0].value);
                let k = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let found = self.emit(Op::JumpIfNotNull(0), span);
                self.emit(Op::Pop, span);
                self.inline_lambda(l, mname, &[k], None, span);
                let v = self.temp(span);
                self.emit(Op::Load(v), span);
                let null = self.emit(Op::JumpIfNull(0), span);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::Load(v), span);
                self.emit(Op::SetIndex, span);
                self.emit(Op::Load(v), span);
                let end = self.here();
                self.patch(found, end);
                self.patch(null, end);
            }
            // `foldRight(initial) { x, acc -> }`: the elements from the last to the first.
            "foldRight" => {
                self.call_method("reversed", 0, span);
                let items = self.temp(span);
                self.expr(&args[0].value);
                self.fold_over(items, l, mname, false, span);
            }
            // `compute(key) { k, old -> }`: the lambda's value is stored, or the key removed
            // when it is null; `computeIfPresent` calls the lambda only for a key holding a
            // value, and is null otherwise. Both give the new value.
            "compute" | "computeIfPresent" => {
                let m = self.temp(span);
                self.expr(&args[0].value);
                let k = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let absent = (mname == "computeIfPresent").then(|| self.emit(Op::JumpIfNull(0), span));
                let old = self.temp(span);
                self.inline_lambda(l, mname, &[k, old], None, span);
                let v = self.temp(span);
                self.emit(Op::Load(v), span);
                let remove = self.emit(Op::JumpIfNull(0), span);
                self.emit(Op::Pop, span);
                let end = self.put_or_remove(m, k, v, remove, span);
                if let Some(absent) = absent {
                    self.patch(absent, end);
                }
            }
            // `merge(key, value) { old, new -> }`: stores the value when the key holds none
            // (or null); else the lambda's value, or removes the key when that is null.
            "merge" => {
                let m = self.temp(span);
                self.expr(&args[0].value);
                let k = self.temp(span);
                self.expr(&args[1].value);
                let given = self.temp(span);
                self.emit(Op::Load(m), span);
                self.emit(Op::Load(k), span);
                self.emit(Op::GetIndex, span);
                let old = self.temp(span);
                self.emit(Op::Load(old), span);
                let absent = self.emit(Op::JumpIfNull(0), span);
                self.emit(Op::Pop, span);
                self.inline_lambda(l, mname, &[old, given], None, span);
                let v = self.temp(span);
                self.emit(Op::Load(v), span);
                let remove = self.emit(Op::JumpIfNull(0), span);
                self.emit(Op::Pop, span);
                let put = self.emit(Op::Jump(0), span);
                let absent_at = self.here();
                self.patch(absent, absent_at);
                self.emit(Op::Pop, span);
                self.emit(Op::Load(given), span);
                self.emit(Op::Store(v), span);
                let put_at = self.here();
                self.patch(put, put_at);
                self.put_or_remove(m, k, v, remove, span);
            }
            // `updateAndGet { }` / `getAndUpdate { }` on an atomic: Java's loop of `get`, the
            // function, then `compareAndSet`, again from `get` when another thread changed
            // the value in between.
            "updateAndGet" | "getAndUpdate" => {
                let a = self.temp(span);
                let top = self.here();
                let line = self.line(span);
                self.emit(Op::Stmt { line }, span);
                self.emit(Op::Load(a), span);
                self.call_method("get", 0, span);
                let prev = self.temp(span);
                self.inline_lambda(l, mname, &[prev], None, span);
                let next = self.temp(span);
                self.emit(Op::Load(a), span);
                self.emit(Op::Load(prev), span);
                self.emit(Op::Load(next), span);
                self.call_method("compareAndSet", 2, span);
                let again = self.emit(Op::JumpIfFalse(0), span);
                self.emit(Op::Load(if mname == "updateAndGet" { next } else { prev }), span);
                let done = self.emit(Op::Jump(0), span);
                self.patch(again, top);
                let end = self.here();
                self.patch(done, end);
            }
            _ => unreachable!("`known` lists exactly the names handled here"),
        }
        if let Some(j) = null_skip {
            let end = self.here();
            self.patch(j, end);
        }
        true
    }

    /// `sortBy { }`, `sortByDescending { }`, `sortWith(c)` and `sortedWith(c)`, where `c` is
    /// written as `compareBy { }` (with several selectors, or `compareByDescending`), then
    /// `thenBy { }`/`thenByDescending { }`, or `naturalOrder()`/`reverseOrder()`: each element
    /// gets its keys from the selectors, inlined, and a stable sort compares the keys in turn.
    /// The in-place forms then put the sorted elements back into the list.
    #[inline(never)]
    fn inline_sort(&mut self, receiver: &Expr, mname: &str, arg: &Arg, safe: bool, span: Span) -> bool {
        let keys: Vec<(Option<&Lambda>, bool)> = match mname {
            "sortBy" | "sortByDescending" => match lambda_of(arg) {
                Some(l) => vec![(Some(l), mname == "sortByDescending")],
                None => return false,
            },
            _ => match comparator_keys(&arg.value) {
                Some(keys) => keys,
                None => {
                    self.error_help(
                        arg.value.span,
                        format!("'{mname}' takes a comparator written in place in Coroutine Lab"),
                        "write `compareBy { it.x }`, `compareByDescending { it.x }` (then `.thenBy { it.y }`), `naturalOrder()` or `reverseOrder()`",
                    );
                    self.emit(Op::Push(Value::Unit), span);
                    return true;
                }
            },
        };
        self.expr(receiver);
        let null_skip = if safe { Some(self.emit(Op::JumpIfNull(0), span)) } else { None };
        let list = self.temp(span);
        let pairs = self.new_list(span);
        self.emit(Op::Load(list), span);
        let (_, elem, top, exit) = self.inline_loop_start(span);
        self.emit(Op::Load(pairs), span);
        let key_of = |c: &mut Self, key: Option<&Lambda>| match key {
            Some(l) => c.inline_lambda(l, mname, &[elem], None, span),
            None => c.emit_load(elem, span),
        };
        if let [(key, _)] = keys[..] {
            key_of(self, key);
        } else {
            let ks = self.new_list(span);
            for &(key, _) in &keys {
                self.emit(Op::Load(ks), span);
                key_of(self, key);
                self.call_method("add", 1, span);
                self.emit(Op::Pop, span);
            }
            self.emit(Op::Load(ks), span);
        }
        self.emit(Op::Load(elem), span);
        self.emit(Op::Binary(BinOp::Pair), span);
        self.call_method("add", 1, span);
        self.emit(Op::Pop, span);
        self.inline_loop_end(top, exit, span);
        self.emit(Op::Load(pairs), span);
        // One key: descending or not; several: a list of their directions.
        if let [(_, descending)] = keys[..] {
            self.emit(Op::Push(Value::Bool(descending)), span);
        } else {
            let ds = self.new_list(span);
            for &(_, descending) in &keys {
                self.emit(Op::Load(ds), span);
                self.emit(Op::Push(Value::Bool(descending)), span);
                self.call_method("add", 1, span);
                self.emit(Op::Pop, span);
            }
            self.emit(Op::Load(ds), span);
        }
        self.emit(Op::CallBuiltin { builtin: Builtin::SortByKeys, argc: 2 }, span);
        if mname != "sortedWith" {
            let sorted = self.temp(span);
            self.emit(Op::Load(list), span);
            self.call_method("clear", 0, span);
            self.emit(Op::Pop, span);
            self.emit(Op::Load(list), span);
            self.emit(Op::Load(sorted), span);
            self.call_method("addAll", 1, span);
            self.emit(Op::Pop, span);
            self.emit(Op::Push(Value::Unit), span);
        }
        if let Some(j) = null_skip {
            let end = self.here();
            self.patch(j, end);
        }
        true
    }

    /// Ends the success branch of a `Result` (its value on the stack), and compiles the failure
    /// branch that `fail` jumps to: the lambda applied to the Result's exception.
    fn result_failure_branch(&mut self, result: u32, fail: usize, on_failure: &Lambda, mname: &str, span: Span) {
        let j = self.emit(Op::Jump(0), span);
        let f = self.here();
        self.patch(fail, f);
        self.emit(Op::Load(result), span);
        self.call_method("exceptionOrNull", 0, span);
        let e = self.temp(span);
        self.inline_lambda(on_failure, mname, &[e], None, span);
        let end = self.here();
        self.patch(j, end);
    }

    /// When the receiver in `it_val` is a String, makes each list of the chars kept in `lists`
    /// a String again; returns the jump taken when it is not one, for the caller to patch.
    fn strings_again(&mut self, it_val: u32, lists: &[u32], span: Span) -> usize {
        self.emit(Op::Load(it_val), span);
        let string_test = TypeTest::Builtin(self.sym("String"));
        self.emit(Op::IsInstance(string_test), span);
        let not_string = self.emit(Op::JumpIfFalse(0), span);
        for &list in lists {
            self.emit(Op::Load(list), span);
            self.emit(Op::Push(Value::str("")), span);
            self.call_method("joinToString", 1, span);
            self.emit(Op::Store(list), span);
        }
        not_string
    }

    fn emit_load(&mut self, slot: u32, span: Span) {
        self.emit(Op::Load(slot), span);
    }

    fn static_recv_kind(&mut self, receiver: &Expr) -> RecvKind {
        if let ExprKind::Call { callee, .. } = &receiver.kind {
            if let ExprKind::Name(id) = &callee.kind {
                if let Some(info) = self.classes.get(&id.name) {
                    if !info.is_object {
                        return RecvKind::Class(info.id);
                    }
                }
            }
        }
        RecvKind::Dynamic
    }

    #[inline(never)]
    fn inline_join_to_string(&mut self, receiver: &Expr, args: &[Arg], l: &Lambda, safe: bool, span: Span) -> bool {
        // `xs.joinToString(", ") { transform }` is `xs.map { transform }.joinToString(", ")`,
        // except that with a limit the transform runs only on the elements that are shown.
        self.expr(receiver);
        let null_skip = if safe { Some(self.emit(Op::JumpIfNull(0), span)) } else { None };
        let it_val = self.temp(span);
        // The other arguments are evaluated first, in the order they are written, as in Kotlin.
        let rest = &args[..args.len() - 1];
        let params = ["separator", "prefix", "postfix", "limit", "truncated"];
        let mut placed: [Option<u32>; 5] = [None; 5];
        let mut next = 0;
        for a in rest {
            let idx = match &a.name {
                Some(n) => params.iter().position(|p| *p == n.name),
                None => {
                    next += 1;
                    Some(next - 1)
                }
            };
            match idx {
                Some(i) if i < params.len() => {
                    self.expr(&a.value);
                    placed[i] = Some(self.temp(span));
                }
                _ => self.error(a.value.span, "joinToString takes separator, prefix, postfix, limit, truncated and transform"),
            }
        }
        let acc = self.new_list(span);
        let shown_count = placed[3].map(|_| {
            self.emit(Op::Push(Value::Int(0)), span);
            self.temp(span)
        });
        self.emit(Op::Load(it_val), span);
        let (_, elem, top, exit) = self.inline_loop_start(span);
        self.emit(Op::Load(acc), span);
        match (placed[3], shown_count) {
            (Some(limit), Some(count)) => {
                // Transform while `limit < 0 || count < limit`; past the limit a placeholder
                // is added instead, only so that joinToString sees there are more.
                self.emit(Op::Load(limit), span);
                self.emit(Op::Push(Value::Int(0)), span);
                self.emit(Op::Binary(BinOp::Lt), span);
                let unlimited = self.emit(Op::JumpIfTrue(0), span);
                self.emit(Op::Load(count), span);
                self.emit(Op::Load(limit), span);
                self.emit(Op::Binary(BinOp::Lt), span);
                let within = self.emit(Op::JumpIfTrue(0), span);
                self.emit(Op::Push(Value::Unit), span);
                let past_limit = self.emit(Op::Jump(0), span);
                let transform = self.here();
                self.patch(unlimited, transform);
                self.patch(within, transform);
                self.inline_lambda(l, "joinToString", &[elem], None, span);
                self.emit(Op::ToStr, span);
                let add = self.here();
                self.patch(past_limit, add);
                self.call_method("add", 1, span);
                self.emit(Op::Pop, span);
                self.increment(count, span);
            }
            _ => {
                self.inline_lambda(l, "joinToString", &[elem], None, span);
                self.emit(Op::ToStr, span);
                self.call_method("add", 1, span);
                self.emit(Op::Pop, span);
            }
        }
        self.inline_loop_end(top, exit, span);
        self.emit(Op::Load(acc), span);
        for p in placed {
            match p {
                Some(slot) => self.emit(Op::Load(slot), span),
                None => self.emit(Op::Push(Value::Absent), span),
            };
        }
        self.call_method("joinToString", params.len() as u32, span);
        if let Some(j) = null_skip {
            let end = self.here();
            self.patch(j, end);
        }
        true
    }
}

/// The sort keys of a comparator written in place, each a selector (none: the element itself)
/// and whether it sorts descending: `compareBy({ a }, { b })`, `compareByDescending { a }`,
/// each followed by `.thenBy { c }` or `.thenByDescending { c }`, `naturalOrder()` and
/// `reverseOrder()`. None for anything else.
fn comparator_keys(e: &Expr) -> Option<Vec<(Option<&Lambda>, bool)>> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return None };
    match &callee.kind {
        ExprKind::Name(id) => match (id.name.as_str(), args.len()) {
            ("naturalOrder", 0) => Some(vec![(None, false)]),
            ("reverseOrder", 0) => Some(vec![(None, true)]),
            ("compareBy" | "compareByDescending", 1..) => {
                let descending = id.name == "compareByDescending";
                args.iter().map(|a| lambda_of(a).filter(|_| a.name.is_none()).map(|l| (Some(l), descending))).collect()
            }
            _ => None,
        },
        ExprKind::Member { receiver, name, safe: false } if args.len() == 1 && matches!(name.name.as_str(), "thenBy" | "thenByDescending") => {
            let mut keys = comparator_keys(receiver)?;
            keys.push((Some(lambda_of(&args[0])?), name.name == "thenByDescending"));
            Some(keys)
        }
        _ => None,
    }
}
