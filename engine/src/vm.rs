//! The interpreter: runs one statement of one strand. A strand's frames and stack are taken
//! out of the world while it runs, so built-in functions can change the world (start
//! coroutines, resume others) and the running strand (push frames, suspend) side by side.

use std::rc::Rc;

use crate::bytecode::{BinOp, ClassId, FuncId, Op};
use crate::exception::ExcClass;
use crate::job::{Completing, JobClass};
use crate::lang::{Diagnostic, Span};
use crate::strand::{CodeFrame, Frame, OnReturn, Resume, ScopeKind, StrandState, Wait};
use crate::trace::EventKind;
use crate::value::{HeapObj, IterState, MapPart, ObjId, StrandId, ThreadId, Value};
use crate::world::{Block, Outcome, World, STATEMENT_COST_US};

/// A running strand's frames and stack, checked out of the world.
#[derive(Debug, Default)]
pub struct Exec {
    /// Frames, innermost last.
    pub frames: Vec<Frame>,
    /// Locals and operands.
    pub stack: Vec<Value>,
}

/// Why a built-in did not return a value.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Throw this exception in the program.
    Throw(Value),
    /// Stop the run: the program did something the engine cannot simulate.
    Stop(String),
}

/// What a built-in did.
#[derive(Debug, Clone)]
pub enum Native {
    /// Returned a value.
    Value(Value),
    /// Suspended the strand; the value comes with its resumption.
    Suspend,
    /// Blocked the thread; the strand continues when the thread is unblocked.
    Block,
    /// Pushed frames to run, whose result becomes the call's value; or, for an operation
    /// that leaves nothing (`a[i] = v`, entering a monitor), pushed nothing.
    Pushed,
    /// Paused the strand for another one on the same thread (UNDISPATCHED start): the
    /// value is pushed and the step ends.
    Switch(Value),
}

/// Result of a built-in.
pub type NResult = Result<Native, Fault>;

/// Argument `i` of a built-in call, or `Absent` when it was not passed. One out-of-line copy
/// serves every built-in and method.
#[inline(never)]
pub(crate) fn arg_at(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Absent)
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// The next statement starts: the step is over.
    EndStep,
    /// The strand let go of the thread (suspended, queued, done).
    Leave,
    /// The thread is blocked.
    Block,
}

/// Most instructions a single step may run before it ends anyway, as a guard.
const MAX_OPS_PER_STEP: u32 = 100_000;

impl World {
    /// Runs one statement of strand `s` on thread `t`.
    pub(crate) fn exec_step(&mut self, t: ThreadId, s: StrandId) {
        let st = &mut self.strands[s.0 as usize];
        let mut ex = Exec { frames: std::mem::take(&mut st.frames), stack: std::mem::take(&mut st.stack) };
        let resume = st.resume.take();
        let flow = match resume {
            Some(r) => match self.deliver(s, &mut ex, r) {
                Ok(()) => self.run_ops(t, s, &mut ex),
                Err(flow) => flow,
            },
            None => self.run_ops(t, s, &mut ex),
        };
        let st = &mut self.strands[s.0 as usize];
        let bytes = if st.state == StrandState::Done || st.job.is_none() {
            0
        } else {
            ex.frames.len() as u64 * crate::world::FRAME_BYTES + ex.stack.len() as u64 * crate::world::SLOT_BYTES
        };
        let old_bytes = std::mem::replace(&mut st.bytes, bytes);
        if st.state != StrandState::Done {
            st.frames = ex.frames;
            st.stack = ex.stack;
        }
        self.frame_bytes = self.frame_bytes + bytes - old_bytes;
        let th = &mut self.threads[t.0 as usize];
        th.time = self.now + STATEMENT_COST_US;
        if flow == Flow::Block {
            if let Some(Block::Sleep(until)) = th.blocked {
                th.time = until;
            }
        }
    }

    /// Delivers what a strand was resumed with. `Err` ends the step at once.
    fn deliver(&mut self, s: StrandId, ex: &mut Exec, r: Resume) -> Result<(), Flow> {
        self.strands[s.0 as usize].wait = Wait::None;
        match r {
            Resume::Start { atomic } => {
                // The job of the context it starts in: the coroutine's own, or the scope's
                // for a `withContext` block that waited for its dispatcher.
                let job = self.current_ctx(s).job.or(self.strands[s.0 as usize].job);
                if let Some(j) = job {
                    let jb = self.job(j);
                    if !jb.is_active() && !atomic {
                        // Cancelled before it started: the body never runs.
                        let exc = self.cancellation_exception(j);
                        return self.throw(s, ex, exc).map(|_| ());
                    }
                }
                Ok(())
            }
            Resume::Value { value, cancellable } => {
                if cancellable {
                    if let Some(exc) = self.pending_cancellation(s) {
                        return self.throw(s, ex, exc).map(|_| ());
                    }
                }
                ex.stack.push(value);
                Ok(())
            }
            Resume::Throw(e) => self.throw(s, ex, e).map(|_| ()),
            Resume::Continue => Ok(()),
            Resume::ContinueCancellable => match self.pending_cancellation(s) {
                Some(exc) => self.throw(s, ex, exc).map(|_| ()),
                None => Ok(()),
            },
            Resume::ScopeDone => self.finish_scope(s, ex),
            Resume::ScopeDoneCancellable => match self.pending_cancellation(s) {
                Some(exc) => self.finish_scope_cancelled(s, ex, exc),
                None => self.finish_scope(s, ex),
            },
            Resume::BlockingDone(job) => match self.job(job).final_state.clone() {
                Some(Ok(v)) => {
                    ex.stack.push(v);
                    Ok(())
                }
                Some(Err(e)) => self.throw(s, ex, e).map(|_| ()),
                None => Ok(()),
            },
        }
    }

    /// The exception a cancellable resumption throws when the strand's job was cancelled
    /// while it waited in a queue.
    pub(crate) fn pending_cancellation(&mut self, s: StrandId) -> Option<Value> {
        let j = self.current_ctx(s).job?;
        if j == crate::value::JobId::NON_CANCELLABLE {
            return None;
        }
        let job = self.job(j);
        if job.started && !job.is_active() && !job.is_completed() || job.is_cancelled() {
            Some(self.cancellation_exception(j))
        } else {
            None
        }
    }

    /// Runs instructions until the next statement, a suspension, a block or the end.
    fn run_ops(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec) -> Flow {
        let program = self.program.clone();
        let mut executed = false;
        let mut n_ops = 0u32;
        loop {
            n_ops += 1;
            if n_ops > MAX_OPS_PER_STEP {
                return Flow::EndStep;
            }
            let Some(Frame::Code(frame)) = ex.frames.last_mut() else {
                // A scope frame on top means the strand waits; nothing to run.
                return Flow::Leave;
            };
            let func = &program.functions[frame.func.0 as usize];
            let ip = frame.ip as usize;
            let Some(op) = func.code.get(ip) else {
                // Falling off the end returns Unit.
                ex.stack.push(Value::Unit);
                match self.do_return(s, ex) {
                    Ok(()) => continue,
                    Err(f) => return f,
                }
            };
            let span = func.spans[ip];
            let base = frame.base as usize;
            frame.ip += 1;
            match op {
                Op::Stmt { line } => {
                    if executed {
                        frame.ip -= 1;
                        return Flow::EndStep;
                    }
                    executed = true;
                    self.last_statement = span;
                    if self.config.record_statements {
                        self.record(EventKind::Statement { strand: s, line: *line, span });
                    }
                    continue;
                }
                _ => executed = true,
            }
            let result: Result<(), Flow> = match op {
                Op::Stmt { .. } => unreachable!("handled above"),
                Op::Nop => Ok(()),
                Op::Preempt => return Flow::EndStep,
                Op::Push(v) => {
                    ex.stack.push(v.clone());
                    Ok(())
                }
                Op::PushConst(c) => {
                    let v = self.const_value(*c);
                    ex.stack.push(v);
                    Ok(())
                }
                Op::Load(n) => {
                    let v = ex.stack[base + *n as usize].clone();
                    ex.stack.push(v);
                    Ok(())
                }
                Op::Store(n) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    ex.stack[base + *n as usize] = v;
                    Ok(())
                }
                Op::LoadCell(n) => {
                    let v = match &ex.stack[base + *n as usize] {
                        Value::Obj(c) => match self.heap.get(*c) {
                            HeapObj::Cell(v) => v.clone(),
                            _ => Value::Unit,
                        },
                        other => other.clone(),
                    };
                    ex.stack.push(v);
                    Ok(())
                }
                Op::StoreCell(n) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    match &ex.stack[base + *n as usize] {
                        Value::Obj(c) if matches!(self.heap.get(*c), HeapObj::Cell(_)) => {
                            *self.heap.get_mut(*c) = HeapObj::Cell(v);
                        }
                        _ => {
                            let c = self.heap.alloc(HeapObj::Cell(v));
                            ex.stack[base + *n as usize] = Value::Obj(c);
                        }
                    }
                    Ok(())
                }
                Op::NewCell(n) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let c = self.heap.alloc(HeapObj::Cell(v));
                    ex.stack[base + *n as usize] = Value::Obj(c);
                    Ok(())
                }
                Op::BoxLocal(n) => {
                    let v = ex.stack[base + *n as usize].clone();
                    let c = self.heap.alloc(HeapObj::Cell(v));
                    ex.stack[base + *n as usize] = Value::Obj(c);
                    Ok(())
                }
                Op::LoadCapture(i) => {
                    let cell = self.capture_cell(ex, *i);
                    let v = match self.heap.get(cell) {
                        HeapObj::Cell(v) => v.clone(),
                        _ => Value::Unit,
                    };
                    ex.stack.push(v);
                    Ok(())
                }
                Op::StoreCapture(i) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let cell = self.capture_cell(ex, *i);
                    *self.heap.get_mut(cell) = HeapObj::Cell(v);
                    Ok(())
                }
                Op::PushCellRef(n) => {
                    let v = ex.stack[base + *n as usize].clone();
                    ex.stack.push(v);
                    Ok(())
                }
                Op::PushCaptureRef(i) => {
                    let cell = self.capture_cell(ex, *i);
                    ex.stack.push(Value::Obj(cell));
                    Ok(())
                }
                Op::LoadGlobal(g) => {
                    let v = self.globals[*g as usize].clone();
                    if v == Value::Absent {
                        let name = program.globals[*g as usize].name.clone();
                        let exc = self.new_exception(ExcClass::UninitializedPropertyAccessException, Some(&format!("lateinit property {name} has not been initialized")), None);
                        self.throw(s, ex, exc)
                    } else {
                        ex.stack.push(v);
                        Ok(())
                    }
                }
                Op::StoreGlobal(g) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    self.globals[*g as usize] = v;
                    Ok(())
                }
                Op::LoadObject(c) if self.failed_objects.contains(c) => {
                    // The JVM names the class whose `<clinit>` failed: a companion's or an enum's
                    // entries' is their class's (a nested object's is its own, `Outer$Inner`).
                    let class = &program.classes[c.0 as usize];
                    let name = if class.init_by_outer { class.name.rsplit_once('$').map_or("", |(o, _)| o) } else { &class.name }.to_string();
                    let exc = self.new_exception(ExcClass::NoClassDefFoundError, Some(&format!("Could not initialize class {name}")), None);
                    self.throw(s, ex, exc)
                }
                Op::LoadObject(c) => {
                    let c = *c;
                    match self.objects[c.0 as usize] {
                        Some(o) => {
                            ex.stack.push(Value::Obj(o));
                            Ok(())
                        }
                        None => {
                            let v = self.new_instance(c);
                            let Value::Obj(o) = v else { unreachable!("an instance is a heap object") };
                            self.objects[c.0 as usize] = Some(o);
                            let init = program.classes[c.0 as usize].init;
                            match self.push_frame(ex, init, None, vec![Value::Obj(o)], OnReturn::PushInstead(Value::Obj(o)), span) {
                                Ok(()) => Ok(()),
                                Err(e) => self.throw(s, ex, e),
                            }
                        }
                    }
                }
                Op::GetField { name, safe } => {
                    let recv = ex.stack.pop().expect("stack underflow");
                    if *safe && recv.is_null() {
                        ex.stack.push(Value::Null);
                        Ok(())
                    } else {
                        let r = self.get_field(s, ex, recv, *name, span);
                        self.apply_native(t, s, ex, r, span)
                    }
                }
                Op::SetField(name) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let recv = ex.stack.pop().expect("stack underflow");
                    match self.set_field(recv, *name, v) {
                        Ok(()) => Ok(()),
                        Err(f) => self.fault(s, ex, f, span),
                    }
                }
                Op::FieldInitialized(name) => {
                    let recv = ex.stack.pop().expect("stack underflow");
                    let program = self.program.clone();
                    let slot = self.program_class_of(&recv).and_then(|c| program.classes[c.0 as usize].slot(*name));
                    match slot.and_then(|i| self.slots_mut(&recv).and_then(|f| f.get(i).cloned())) {
                        Some(v) => {
                            ex.stack.push(Value::Bool(!matches!(v, Value::Absent)));
                            Ok(())
                        }
                        None => {
                            let msg = format!("{} has no property '{}'", self.type_name(&recv), program.sym(*name));
                            self.fault(s, ex, Fault::Stop(msg), span)
                        }
                    }
                }
                Op::CheckLateinit(name) => {
                    if matches!(ex.stack.last(), Some(Value::Absent)) {
                        ex.stack.pop();
                        let name = self.program.sym(*name).to_string();
                        let f = self.lateinit_unset(&name);
                        self.fault(s, ex, f, span)
                    } else {
                        Ok(())
                    }
                }
                Op::GlobalInitialized(g) => {
                    let set = !matches!(self.globals[*g as usize], Value::Absent);
                    ex.stack.push(Value::Bool(set));
                    Ok(())
                }
                Op::GetSlot(i) => {
                    let recv = ex.stack.pop().expect("stack underflow");
                    match self.slots_mut(&recv).and_then(|f| f.get(*i as usize).cloned()) {
                        // A `lateinit` property not yet set.
                        Some(Value::Absent) => {
                            let name = self.slot_name(&recv, *i as usize);
                            let f = self.lateinit_unset(&name);
                            self.fault(s, ex, f, span)
                        }
                        Some(v) => {
                            ex.stack.push(v);
                            Ok(())
                        }
                        None => self.fault(s, ex, Fault::Stop(format!("{} has no field {i}", self.type_name(&recv))), span),
                    }
                }
                Op::SetSlot(i) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let recv = ex.stack.pop().expect("stack underflow");
                    match self.slots_mut(&recv).and_then(|f| f.get_mut(*i as usize)) {
                        Some(slot) => {
                            *slot = v;
                            Ok(())
                        }
                        None => self.fault(s, ex, Fault::Stop(format!("{} has no field {i}", self.type_name(&recv))), span),
                    }
                }
                Op::GetIndex => {
                    let idx = ex.stack.pop().expect("stack underflow");
                    let recv = ex.stack.pop().expect("stack underflow");
                    let r = match self.operator_call(ex, &recv, "get", std::slice::from_ref(&idx), OnReturn::Push, span) {
                        Some(r) => r,
                        None => self.get_index(recv, idx).map(Native::Value),
                    };
                    self.apply_native(t, s, ex, r, span)
                }
                Op::SetIndex => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let idx = ex.stack.pop().expect("stack underflow");
                    let recv = ex.stack.pop().expect("stack underflow");
                    let r = match self.operator_call(ex, &recv, "set", &[idx.clone(), v.clone()], OnReturn::Discard, span) {
                        Some(r) => r,
                        None => self.set_index(recv, idx, v).map(|()| Native::Pushed),
                    };
                    self.apply_native(t, s, ex, r, span)
                }
                Op::Pop => {
                    ex.stack.pop();
                    Ok(())
                }
                Op::Dup => {
                    let v = ex.stack.last().expect("stack underflow").clone();
                    ex.stack.push(v);
                    Ok(())
                }
                Op::Over => {
                    let v = ex.stack[ex.stack.len() - 2].clone();
                    ex.stack.push(v);
                    Ok(())
                }
                Op::Swap => {
                    let n = ex.stack.len();
                    ex.stack.swap(n - 1, n - 2);
                    Ok(())
                }
                Op::Binary(b) => {
                    let rhs = ex.stack.pop().expect("stack underflow");
                    let lhs = ex.stack.pop().expect("stack underflow");
                    // An operator is a call of the method a class of the program declares for
                    // it: `a == b` is `a.equals(b)` (its own, overriding Any's), `a < b` is
                    // `a.compareTo(b) < 0`, `a + b` is `a.plus(b)`, `x in c` is `c.contains(x)`.
                    let (name, recv, arg, on_return) = match b {
                        BinOp::Eq => ("equals", &lhs, &rhs, OnReturn::Push),
                        BinOp::NotEq => ("equals", &lhs, &rhs, OnReturn::PushNot),
                        BinOp::Lt | BinOp::LtEq | BinOp::Gt | BinOp::GtEq => ("compareTo", &lhs, &rhs, OnReturn::PushCompared(*b)),
                        BinOp::Add => ("plus", &lhs, &rhs, OnReturn::Push),
                        BinOp::Sub => ("minus", &lhs, &rhs, OnReturn::Push),
                        BinOp::Mul => ("times", &lhs, &rhs, OnReturn::Push),
                        BinOp::Div => ("div", &lhs, &rhs, OnReturn::Push),
                        BinOp::Rem => ("rem", &lhs, &rhs, OnReturn::Push),
                        BinOp::In => ("contains", &rhs, &lhs, OnReturn::Push),
                        _ => ("", &lhs, &rhs, OnReturn::Push),
                    };
                    // Only an instance of a program's class has operator functions; the
                    // built-in types go straight to `binary`.
                    let declared = !name.is_empty()
                        && self.program_class_of(recv).is_some()
                        && (name != "equals" || self.own_method(&lhs, "equals", 1).is_some());
                    let by_operator = if declared { self.operator_call(ex, recv, name, std::slice::from_ref(arg), on_return, span) } else { None };
                    match by_operator {
                        Some(r) => self.apply_native(t, s, ex, r, span),
                        // `scope + context`: a scope of the scope's context and that context.
                        None if *b == BinOp::Add && self.is_scope_value(&lhs) => {
                            let r = self.call_method_named(t, s, ex, lhs, "plus", vec![rhs], span, false);
                            self.apply_native(t, s, ex, r, span)
                        }
                        None => {
                            let r = self.binary(*b, lhs, rhs).map(Native::Value);
                            self.apply_native(t, s, ex, r, span)
                        }
                    }
                }
                Op::Neg => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let r = match v {
                        Value::Int(i) => Ok(Native::Value(Value::Int(i.wrapping_neg()))),
                        Value::Long(i) => Ok(Native::Value(Value::Long(i.wrapping_neg()))),
                        Value::Double(d) => Ok(Native::Value(Value::Double(-d))),
                        // `-a` is `a.unaryMinus()` for a class that declares the operator.
                        other => match self.operator_call(ex, &other, "unaryMinus", &[], OnReturn::Push, span) {
                            Some(r) => r,
                            None => Err(Fault::Stop(format!("cannot negate {}", self.type_name(&other)))),
                        },
                    };
                    self.apply_native(t, s, ex, r, span)
                }
                Op::Not => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let r = match v {
                        Value::Bool(b) => Ok(Native::Value(Value::Bool(!b))),
                        other => Err(Fault::Stop(format!("'!' needs a Boolean, found {}", self.type_name(&other)))),
                    };
                    self.apply_native(t, s, ex, r, span)
                }
                Op::Jump(target) => {
                    self.jump(ex, *target);
                    Ok(())
                }
                Op::JumpIfFalse(target) | Op::JumpIfTrue(target) => {
                    let want = matches!(op, Op::JumpIfTrue(_));
                    let v = ex.stack.pop().expect("stack underflow");
                    match v {
                        Value::Bool(b) => {
                            if b == want {
                                self.jump(ex, *target);
                            }
                            Ok(())
                        }
                        other => {
                            let msg = format!("a condition must be a Boolean, found {}", self.type_name(&other));
                            self.fault(s, ex, Fault::Stop(msg), span)
                        }
                    }
                }
                Op::JumpIfNull(target) => {
                    if ex.stack.last().is_some_and(|v| v.is_null()) {
                        self.jump(ex, *target);
                    }
                    Ok(())
                }
                Op::JumpIfNotNull(target) => {
                    if ex.stack.last().is_some_and(|v| !v.is_null()) {
                        self.jump(ex, *target);
                    }
                    Ok(())
                }
                Op::SkipIfPresent { slot, target } => {
                    if ex.stack[base + *slot as usize] != Value::Absent {
                        self.jump(ex, *target);
                    }
                    Ok(())
                }
                Op::NotNull => {
                    if ex.stack.last().is_some_and(|v| v.is_null()) {
                        ex.stack.pop();
                        let exc = self.new_exception(ExcClass::NullPointerException, None, None);
                        self.throw(s, ex, exc)
                    } else {
                        Ok(())
                    }
                }
                Op::IsInstance(tt) => {
                    let v = ex.stack.pop().expect("stack underflow");
                    let b = self.is_instance(&v, tt);
                    ex.stack.push(Value::Bool(b));
                    Ok(())
                }
                Op::Cast { ty, safe } => {
                    let v = ex.stack.pop().expect("stack underflow");
                    if self.is_instance(&v, ty) {
                        ex.stack.push(v);
                        Ok(())
                    } else if *safe {
                        ex.stack.push(Value::Null);
                        Ok(())
                    } else {
                        let msg = self.class_cast_message(&v, ty);
                        let exc = self.new_exception(ExcClass::ClassCastException, Some(&msg), None);
                        self.throw(s, ex, exc)
                    }
                }
                Op::Concat(n) => {
                    let start = ex.stack.len() - *n as usize;
                    let parts: Vec<Value> = ex.stack.drain(start..).collect();
                    if let Some(msg) = parts.iter().find_map(|p| self.unprintable(p)) {
                        self.fault(s, ex, Fault::Stop(msg), span)
                    } else {
                        let mut out = String::new();
                        for p in &parts {
                            out.push_str(&self.to_kstring(p));
                        }
                        ex.stack.push(Value::Str(Rc::from(out)));
                        Ok(())
                    }
                }
                Op::ToStr => {
                    let v = ex.stack.pop().expect("stack underflow");
                    if let Some((f, on_return)) = self.own_text(&v) {
                        // The class's own toString() (or message): its result takes the value's place.
                        match self.push_frame(ex, f, None, vec![v], on_return, span) {
                            Ok(()) => Ok(()),
                            Err(e) => self.throw(s, ex, e),
                        }
                    } else {
                        self.text_of_parts(s, ex, v, span)
                    }
                }
                Op::Call { func, argc } => {
                    let start = ex.stack.len() - *argc as usize;
                    let args: Vec<Value> = ex.stack.drain(start..).collect();
                    match self.push_frame(ex, *func, None, args, OnReturn::Push, span) {
                        Ok(()) => Ok(()),
                        Err(e) => self.throw(s, ex, e),
                    }
                }
                Op::CallValue { argc } => {
                    let start = ex.stack.len() - *argc as usize;
                    let args: Vec<Value> = ex.stack.drain(start..).collect();
                    let f = ex.stack.pop().expect("stack underflow");
                    let r = self.call_value(s, ex, f, args, span);
                    self.apply_native(t, s, ex, r, span)
                }
                Op::CallBuiltin { builtin, argc } => {
                    let start = ex.stack.len() - *argc as usize;
                    let args: Vec<Value> = ex.stack.drain(start..).collect();
                    let r = self.call_builtin(t, s, ex, *builtin, args, span);
                    self.apply_native(t, s, ex, r, span)
                }
                Op::CallMethod { name, argc, safe } => {
                    let start = ex.stack.len() - *argc as usize;
                    let args: Vec<Value> = ex.stack.drain(start..).collect();
                    let recv = ex.stack.pop().expect("stack underflow");
                    if *safe && recv.is_null() {
                        ex.stack.push(Value::Null);
                        Ok(())
                    } else {
                        let r = self.call_method(t, s, ex, recv, *name, args, span);
                        self.apply_native(t, s, ex, r, span)
                    }
                }
                Op::CallInherited { name, argc, property } => {
                    let start = ex.stack.len() - *argc as usize;
                    let args: Vec<Value> = ex.stack.drain(start..).collect();
                    let recv = ex.stack.pop().expect("stack underflow");
                    let n = program.sym(*name).to_string();
                    let r = self.call_method_named(t, s, ex, recv, &n, args, span, *property);
                    self.apply_native(t, s, ex, r, span)
                }
                Op::MakeClosure { func, n_captures } => {
                    let start = ex.stack.len() - *n_captures as usize;
                    let caps: Vec<ObjId> = ex.stack.drain(start..).map(|v| v.as_obj().expect("captures are cells")).collect();
                    let o = self.heap.alloc(HeapObj::Closure { func: *func, captures: caps });
                    ex.stack.push(Value::Obj(o));
                    Ok(())
                }
                Op::New { class, argc } => {
                    let start = ex.stack.len() - *argc as usize;
                    let mut args: Vec<Value> = ex.stack.drain(start..).collect();
                    let obj = self.new_instance(*class);
                    args.insert(0, obj.clone());
                    let init = program.classes[class.0 as usize].init;
                    match self.push_frame(ex, init, None, args, OnReturn::PushInstead(obj), span) {
                        Ok(()) => Ok(()),
                        Err(e) => self.throw(s, ex, e),
                    }
                }
                Op::Return => self.do_return(s, ex),
                Op::Throw => {
                    let e = ex.stack.pop().expect("stack underflow");
                    if self.exception_class(&e).is_none() {
                        let msg = format!("only exceptions can be thrown, found {}", self.type_name(&e));
                        self.fault(s, ex, Fault::Stop(msg), span)
                    } else {
                        self.throw(s, ex, e)
                    }
                }
                Op::PushHandler(target) => {
                    let h = ex.stack.len() as u32;
                    if let Some(Frame::Code(f)) = ex.frames.last_mut() {
                        f.handlers.push((*target, h));
                    }
                    Ok(())
                }
                Op::PopHandler => {
                    if let Some(Frame::Code(f)) = ex.frames.last_mut() {
                        f.handlers.pop();
                    }
                    Ok(())
                }
                Op::IterStart => {
                    let v = ex.stack.pop().expect("stack underflow");
                    match self.make_iterator(v) {
                        Ok(it) => {
                            ex.stack.push(it);
                            Ok(())
                        }
                        Err(f) => self.fault(s, ex, f, span),
                    }
                }
                Op::IterNext { slot, exit } => {
                    let it = ex.stack[base + *slot as usize].clone();
                    if let Some(ch) = self.as_channel(&it) {
                        // `for (x in channel)`: may suspend until an element or the close.
                        let at = ip as u32;
                        let r = self.channel_iter_next(s, ch, at, func.is_suspend || func.is_lambda);
                        match r {
                            Ok(Some(Native::Value(v))) => {
                                ex.stack.push(v);
                                Ok(())
                            }
                            Ok(None) => {
                                self.jump(ex, *exit);
                                Ok(())
                            }
                            Ok(Some(other)) => self.apply_native(t, s, ex, Ok(other), span),
                            Err(f) => self.fault(s, ex, f, span),
                        }
                    } else {
                        match self.iter_next(&it) {
                            Ok(Some(v)) => {
                                ex.stack.push(v);
                                Ok(())
                            }
                            Ok(None) => {
                                self.jump(ex, *exit);
                                Ok(())
                            }
                            Err(f) => self.fault(s, ex, f, span),
                        }
                    }
                }
                Op::MakeList(n) => {
                    let start = ex.stack.len() - *n as usize;
                    let items: Vec<Value> = ex.stack.drain(start..).collect();
                    let l = self.new_list(items);
                    ex.stack.push(l);
                    Ok(())
                }
                Op::Component(n) => {
                    let v = ex.stack.last().expect("stack underflow").clone();
                    match self.component(&v, *n) {
                        Ok(c) => {
                            ex.stack.push(c);
                            Ok(())
                        }
                        Err(f) => self.fault(s, ex, f, span),
                    }
                }
                Op::MonitorEnter => {
                    let lock = ex.stack.pop().expect("stack underflow");
                    let r = self.monitor_enter(t, s, lock);
                    self.apply_native(t, s, ex, r, span)
                }
                Op::MonitorExit => {
                    self.monitor_exit(t, s);
                    Ok(())
                }
                Op::Clock => {
                    ex.stack.push(Value::Long((self.now / 1000) as i64));
                    Ok(())
                }
                Op::Unreachable => {
                    let msg = "this part of the program has a compile error".to_string();
                    self.fault(s, ex, Fault::Stop(msg), span)
                }
            };
            if let Err(flow) = result {
                return flow;
            }
            if self.outcome.is_some() {
                return Flow::Leave;
            }
        }
    }

    fn jump(&mut self, ex: &mut Exec, target: u32) {
        if let Some(Frame::Code(f)) = ex.frames.last_mut() {
            f.ip = target;
        }
    }

    /// A new instance of a user class with its fields unset: an exception object when the
    /// class extends a built-in exception class (directly or through its superclasses).
    pub(crate) fn new_instance(&mut self, class: ClassId) -> Value {
        let program = self.program.clone();
        let cls = &program.classes[class.0 as usize];
        let fields = cls.field_defaults.clone();
        match cls.exception_base {
            Some(base_sym) => {
                let base = ExcClass::from_name(program.sym(base_sym)).unwrap_or(ExcClass::Exception);
                let v = self.new_exception(base, None, None);
                if let Value::Obj(o) = &v {
                    if let HeapObj::Exception(e) = self.heap.get_mut(*o) {
                        e.user_class = Some((class, fields));
                    }
                }
                v
            }
            None => Value::Obj(self.heap.alloc(HeapObj::Instance { class, fields })),
        }
    }

    fn capture_cell(&self, ex: &Exec, i: u32) -> ObjId {
        let Some(Frame::Code(f)) = ex.frames.last() else { unreachable!("captures are read by code") };
        let closure = f.closure.expect("a function with captures runs as a closure");
        match self.heap.get(closure) {
            HeapObj::Closure { captures, .. } => captures[i as usize],
            _ => unreachable!("closures hold their captures"),
        }
    }

    /// Applies a built-in's result to the running strand.
    fn apply_native(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec, r: NResult, span: Span) -> Result<(), Flow> {
        if let Some(class) = self.own_equals_met.take() {
            let name = self.program.classes[class.0 as usize].name.clone();
            let msg = format!("{name} has its own equals(), which Coroutine Lab runs for == and != but not inside built-ins that compare values (contains, indexOf, setOf, distinct, map keys, …), which would compare by identity instead; compare with == in a loop of your own");
            return self.fault(s, ex, Fault::Stop(msg), span);
        }
        match r {
            Ok(Native::Value(v)) => {
                // A built-in gives back a missing argument it kept (`list.set(0)` stores none;
                // kotlinc refuses such a call, the engine only must not lose its stack).
                ex.stack.push(if matches!(v, Value::Absent) { Value::Unit } else { v });
                Ok(())
            }
            Ok(Native::Pushed) => Ok(()),
            Ok(Native::Suspend) => {
                let st = &mut self.strands[s.0 as usize];
                if st.state == StrandState::Running {
                    st.state = StrandState::Suspended;
                }
                // Leaving a scope after this takes a dispatch.
                for f in ex.frames.iter_mut() {
                    if let Frame::Scope(sf) = f {
                        sf.suspended = true;
                    }
                }
                let reason = {
                    let w = self.strands[s.0 as usize].wait.clone();
                    self.wait_text(&w)
                };
                if self.strands[s.0 as usize].state != StrandState::Running {
                    self.record(EventKind::Suspended { strand: s, reason });
                }
                let _ = t;
                Err(Flow::Leave)
            }
            Ok(Native::Block) => {
                let st = &mut self.strands[s.0 as usize];
                st.state = StrandState::Blocked;
                let reason = {
                    let w = self.strands[s.0 as usize].wait.clone();
                    self.wait_text(&w)
                };
                self.record(EventKind::Blocked { strand: s, reason });
                Err(Flow::Block)
            }
            Ok(Native::Switch(v)) => {
                if !matches!(v, Value::Absent) {
                    ex.stack.push(v);
                }
                Err(Flow::Leave)
            }
            Err(f) => self.fault(s, ex, f, span),
        }
    }

    /// Handles a fault: throws the exception, or stops the run with a diagnostic.
    pub(crate) fn fault(&mut self, s: StrandId, ex: &mut Exec, f: Fault, span: Span) -> Result<(), Flow> {
        match f {
            Fault::Throw(e) => self.throw(s, ex, e),
            Fault::Stop(msg) => {
                self.finish(Outcome::Stopped(Diagnostic::error(span, msg)));
                Err(Flow::Leave)
            }
        }
    }

    /// Pushes a frame for `func` with its arguments; missing parameters are `Absent` and
    /// extra locals `Unit`.
    pub(crate) fn push_frame(&mut self, ex: &mut Exec, func: FuncId, closure: Option<ObjId>, args: Vec<Value>, on_return: OnReturn, span: Span) -> Result<(), Value> {
        let depth = ex.frames.iter().filter(|f| matches!(f, Frame::Code(_))).count();
        if depth >= self.config.max_call_depth {
            let _ = span;
            return Err(self.new_exception(ExcClass::StackOverflowError, None, None));
        }
        let f = self.program.func(func);
        let n_params = f.n_params as usize;
        let n_locals = f.n_locals as usize;
        let base = ex.stack.len() as u32;
        let mut args = args;
        args.truncate(n_params);
        while args.len() < n_params {
            args.push(if f.is_lambda { Value::Unit } else { Value::Absent });
        }
        ex.stack.extend(args);
        while ex.stack.len() < base as usize + n_locals {
            ex.stack.push(Value::Unit);
        }
        ex.frames.push(Frame::Code(CodeFrame { func, ip: 0, base, closure, handlers: Vec::new(), on_return }));
        Ok(())
    }

    /// Calls a function value: a closure, with its receiver first when it has one.
    pub(crate) fn call_value(&mut self, _s: StrandId, ex: &mut Exec, f: Value, args: Vec<Value>, span: Span) -> NResult {
        // `a(x)` is `a.invoke(x)` for a class that declares the operator.
        if let Some(r) = self.operator_call(ex, &f, "invoke", &args, OnReturn::Push, span) {
            return r;
        }
        match &f {
            Value::Obj(o) => match self.heap.get(*o).clone() {
                HeapObj::Closure { func, .. } => {
                    self.push_frame(ex, func, Some(*o), args, OnReturn::Push, span).map_err(Fault::Throw)?;
                    Ok(Native::Pushed)
                }
                _ => Err(Fault::Stop(format!("{} is not a function", self.type_name(&f)))),
            },
            _ => Err(Fault::Stop(format!("{} is not a function", self.type_name(&f)))),
        }
    }

    /// `Op::ToStr` of a value with no `toString()` of its own: the own `toString()` of each
    /// element that has one runs first, as a call after which the instruction runs again;
    /// then the value's text is made with the texts they gave.
    fn text_of_parts(&mut self, s: StrandId, ex: &mut Exec, v: Value, span: Span) -> Result<(), Flow> {
        let parts = self.told_parts(&v);
        if let Some(&(x, f)) = parts.iter().find(|(x, _)| !self.told_texts.contains_key(x)) {
            ex.stack.push(v);
            match self.push_frame(ex, f, None, vec![Value::Obj(x)], OnReturn::KeepText(x), span) {
                Ok(()) => Ok(()),
                Err(e) => {
                    ex.stack.pop();
                    self.throw(s, ex, e)
                }
            }
        } else if let Some(msg) = self.unprintable(&v) {
            self.fault(s, ex, Fault::Stop(msg), span)
        } else {
            let text = self.to_kstring(&v);
            // The texts serve this printing only: the objects may change before the next one.
            for (x, _) in parts {
                self.told_texts.remove(&x);
            }
            ex.stack.push(Value::Str(Rc::from(text)));
            Ok(())
        }
    }

    /// Returns from the innermost code frame with the value on top of the stack.
    fn do_return(&mut self, s: StrandId, ex: &mut Exec) -> Result<(), Flow> {
        let v = ex.stack.pop().expect("a return value");
        let Some(Frame::Code(f)) = ex.frames.pop() else { unreachable!("returning from code") };
        ex.stack.truncate(f.base as usize);
        match f.on_return {
            OnReturn::Push => ex.stack.push(v),
            OnReturn::PushInstead(o) => ex.stack.push(o),
            OnReturn::PushNot => ex.stack.push(Value::Bool(!v.as_bool().unwrap_or(false))),
            OnReturn::Discard => {}
            OnReturn::PushCompared(op) => {
                let c = v.as_i64().unwrap_or(0);
                ex.stack.push(Value::Bool(match op {
                    BinOp::Lt => c < 0,
                    BinOp::LtEq => c <= 0,
                    BinOp::Gt => c > 0,
                    _ => c >= 0,
                }));
            }
            OnReturn::Compared(o) => match self.compare_resume(ex, o, Some(v)) {
                Ok(Native::Value(v)) => ex.stack.push(v),
                Ok(_) => return Ok(()),
                Err(f) => {
                    let span = self.last_statement;
                    return self.fault(s, ex, f, span);
                }
            },
            OnReturn::ThrowableText(class) => {
                let text = if v.is_null() { class.to_string() } else { format!("{class}: {}", self.to_kstring(&v)) };
                ex.stack.push(Value::str(&text));
            }
            OnReturn::KeepText(o) => {
                let text = self.to_kstring(&v);
                self.told_texts.insert(o, Rc::from(text));
                if let Some(Frame::Code(caller)) = ex.frames.last_mut() {
                    caller.ip -= 1;
                }
            }
            OnReturn::Invoke { argc, span } => {
                let at = ex.stack.len() - argc as usize;
                let args: Vec<Value> = ex.stack.drain(at..).collect();
                match self.call_value(s, ex, v, args, span) {
                    Ok(Native::Value(r)) => ex.stack.push(r),
                    Ok(_) => return Ok(()),
                    Err(f) => return self.fault(s, ex, f, span),
                }
            }
            OnReturn::ScopeReceiver { under, span } => {
                let ctx = match self.scope_context(&v) {
                    Ok(ctx) => ctx,
                    Err(fault) => return self.fault(s, ex, fault, span),
                };
                let at = ex.stack.len() - under as usize;
                ex.stack.insert(at, Value::Scope(std::rc::Rc::new(ctx)));
                if let Some(Frame::Code(caller)) = ex.frames.last_mut() {
                    caller.ip -= 1;
                }
            }
            OnReturn::StoreGlobal(g) => {
                self.globals[g as usize] = v;
                if ex.frames.is_empty() {
                    return self.strand_finished(s, ex, Ok(Value::Unit));
                }
                return Ok(());
            }
        }
        match ex.frames.last() {
            None => {
                let v = ex.stack.pop().unwrap_or(Value::Unit);
                self.strand_finished(s, ex, Ok(v))
            }
            Some(Frame::Scope(_)) => {
                let v = ex.stack.pop().unwrap_or(Value::Unit);
                self.scope_block_done(s, ex, Ok(v))
            }
            Some(Frame::Code(_)) => Ok(()),
        }
    }

    /// Throws an exception in the strand: unwinds to the innermost handler, through scope
    /// frames, or ends the strand.
    pub(crate) fn throw(&mut self, s: StrandId, ex: &mut Exec, mut e: Value) -> Result<(), Flow> {
        // A toString() that throws ends the printing that asked for it: the texts kept for
        // that printing would go stale (see `Op::ToStr`); one still under way elsewhere asks
        // again.
        self.told_texts.clear();
        // An exception made while this strand's frames were checked out has no stack trace
        // yet: it gets the frames of the place it is thrown from.
        if let Value::Obj(o) = &e {
            if matches!(self.heap.get(*o), HeapObj::Exception(x) if x.frames.is_empty()) && !ex.frames.is_empty() {
                let frames = self.strand_frames(&ex.frames);
                if let HeapObj::Exception(x) = self.heap.get_mut(*o) {
                    x.frames = frames;
                }
            }
        }
        loop {
            match ex.frames.last_mut() {
                None => return self.strand_finished(s, ex, Err(e)),
                Some(Frame::Code(f)) => {
                    if let Some((target, height)) = f.handlers.pop() {
                        ex.stack.truncate(height as usize);
                        ex.stack.push(e);
                        f.ip = target;
                        return Ok(());
                    }
                    let base = f.base as usize;
                    let object = match &f.on_return {
                        OnReturn::PushInstead(Value::Obj(o)) => Some((f.func, *o)),
                        _ => None,
                    };
                    ex.frames.pop();
                    ex.stack.truncate(base);
                    if let Some((func, o)) = object {
                        e = self.object_init_failed(func, o, e);
                    }
                }
                Some(Frame::Scope(_)) => return self.scope_block_done(s, ex, Err(e)),
            }
        }
    }

    /// An exception left the initializer `func` of the instance `o`. When that is an object's
    /// (an `object`, a companion, an enum class's entries), it failed as a JVM class's
    /// `<clinit>` fails: the object cannot be used again (`LoadObject` throws
    /// NoClassDefFoundError), and an exception that is no Error reaches the code that used it
    /// wrapped in an ExceptionInInitializerError.
    fn object_init_failed(&mut self, func: FuncId, o: ObjId, e: Value) -> Value {
        let Some(c) = self.objects.iter().position(|x| *x == Some(o)) else { return e };
        if self.program.classes[c].init != func {
            return e;
        }
        self.failed_objects.push(crate::bytecode::ClassId(c as u32));
        if self.exception_class(&e).is_some_and(|k| k.is_a(ExcClass::Error)) {
            return e;
        }
        self.new_exception(ExcClass::ExceptionInInitializerError, None, Some(e))
    }

    /// The block of a scope frame ended with a value or an exception.
    fn scope_block_done(&mut self, s: StrandId, ex: &mut Exec, result: Result<Value, Value>) -> Result<(), Flow> {
        let Some(Frame::Scope(sf)) = ex.frames.last() else { unreachable!("a scope frame is on top") };
        let job = sf.job;
        let suspended = sf.suspended;
        let kind = sf.kind;
        self.jobs[job.0 as usize].scope_owner = Some(s);
        // A timeout block that never suspended keeps its value even when its time ran out
        // meanwhile (a blocking call cannot be interrupted): kotlinx.coroutines'
        // `undispatchedResult` ignores the block's own timeout then.
        let unsuspended_result = match kind {
            ScopeKind::Timeout | ScopeKind::TimeoutOrNull if !suspended => Some(result.clone()),
            _ => None,
        };
        match self.body_finished(job, result) {
            Completing::WaitingChildren => {
                self.strands[s.0 as usize].wait = Wait::ScopeChildren(job);
                self.strands[s.0 as usize].state = StrandState::Suspended;
                for f in ex.frames.iter_mut() {
                    if let Frame::Scope(sf) = f {
                        sf.suspended = true;
                    }
                }
                let reason = self.wait_text(&Wait::ScopeChildren(job));
                self.record(EventKind::Suspended { strand: s, reason });
                Err(Flow::Leave)
            }
            Completing::Done(_) | Completing::Already => {
                let class = self.job(job).class;
                let needs_dispatch = kind == ScopeKind::Dispatched || (suspended && class != JobClass::Undispatched);
                let timed_out = matches!(&self.job(job).final_state, Some(Err(e)) if self.is_own_timeout(e, job));
                if needs_dispatch {
                    // Resume the caller through its dispatcher, as `afterCompletion` does.
                    self.pop_scope_ctx(s, ex);
                    self.dispatch(s, Resume::ScopeDone);
                    self.record(EventKind::Suspended { strand: s, reason: "returning from the scope".into() });
                    Err(Flow::Leave)
                } else if let Some(block_result) = unsuspended_result.filter(|_| timed_out) {
                    self.pop_scope_ctx(s, ex);
                    let Some(Frame::Scope(sf)) = ex.frames.pop() else { unreachable!("a scope frame is on top") };
                    ex.stack.truncate(sf.stack_height as usize);
                    match block_result {
                        Ok(v) => {
                            ex.stack.push(v);
                            self.after_value(s, ex)
                        }
                        // The block's own exception; withTimeoutOrNull still turns its own
                        // timeout into null.
                        Err(e) if kind == ScopeKind::TimeoutOrNull && self.is_own_timeout(&e, job) => {
                            ex.stack.push(Value::Null);
                            self.after_value(s, ex)
                        }
                        Err(e) => self.throw(s, ex, e),
                    }
                } else {
                    self.finish_scope(s, ex)
                }
            }
        }
    }

    /// Pops the scope's context from the strand, so that it runs in the caller's context.
    pub(crate) fn pop_scope_ctx(&mut self, s: StrandId, ex: &mut Exec) {
        if let Some(Frame::Scope(sf)) = ex.frames.last_mut() {
            if !sf.ctx_popped {
                sf.ctx_popped = true;
                self.strands[s.0 as usize].ctx_stack.pop();
                // A withContext that set thread-local elements gives the thread its values
                // back: those it had on entry, or, after a suspension (which may have moved
                // the coroutine), those of the coroutine's own context.
                if self.job(sf.job).class == crate::job::JobClass::Undispatched {
                    let saved = std::mem::take(&mut sf.saved_tls);
                    if sf.suspended {
                        self.reenter_thread(s);
                    } else {
                        self.restore_thread_locals(saved);
                    }
                }
            }
        }
    }

    /// Leaves a finished scope frame: returns its value or throws its exception.
    fn finish_scope(&mut self, s: StrandId, ex: &mut Exec) -> Result<(), Flow> {
        self.pop_scope_ctx(s, ex);
        let Some(Frame::Scope(sf)) = ex.frames.pop() else { unreachable!("a scope frame is on top") };
        ex.stack.truncate(sf.stack_height as usize);
        let result = self.job(sf.job).final_state.clone().unwrap_or(Ok(Value::Unit));
        match result {
            Ok(v) => {
                ex.stack.push(v);
                self.after_value(s, ex)
            }
            Err(e) => {
                // withTimeoutOrNull gives null for its own timeout.
                if sf.kind == ScopeKind::TimeoutOrNull && self.is_own_timeout(&e, sf.job) {
                    ex.stack.push(Value::Null);
                    return self.after_value(s, ex);
                }
                self.throw(s, ex, e)
            }
        }
    }

    /// Leaves a scope frame whose caller was cancelled before it could resume: the scope's
    /// exception still wins, but a value is replaced by the caller's CancellationException.
    fn finish_scope_cancelled(&mut self, s: StrandId, ex: &mut Exec, exc: Value) -> Result<(), Flow> {
        let Some(Frame::Scope(sf)) = ex.frames.last() else { unreachable!("a scope frame is on top") };
        if let Some(Err(_)) = self.job(sf.job).final_state {
            return self.finish_scope(s, ex);
        }
        self.pop_scope_ctx(s, ex);
        let Some(Frame::Scope(sf)) = ex.frames.pop() else { unreachable!("a scope frame is on top") };
        ex.stack.truncate(sf.stack_height as usize);
        self.throw(s, ex, exc)
    }

    /// A value was produced for the frame on top (after a scope): if that is another
    /// scope frame or nothing, keep unwinding.
    fn after_value(&mut self, s: StrandId, ex: &mut Exec) -> Result<(), Flow> {
        match ex.frames.last() {
            Some(Frame::Code(_)) => Ok(()),
            Some(Frame::Scope(_)) => {
                let v = ex.stack.pop().unwrap_or(Value::Unit);
                self.scope_block_done(s, ex, Ok(v))
            }
            None => {
                let v = ex.stack.pop().unwrap_or(Value::Unit);
                self.strand_finished(s, ex, Ok(v))
            }
        }
    }

    fn is_own_timeout(&self, e: &Value, job: crate::value::JobId) -> bool {
        if let Value::Obj(o) = e {
            if let HeapObj::Exception(x) = self.heap.get(*o) {
                return x.class == ExcClass::TimeoutCancellationException && x.job == Some(job);
            }
        }
        false
    }

    /// The strand's last frame ended.
    fn strand_finished(&mut self, s: StrandId, ex: &mut Exec, result: Result<Value, Value>) -> Result<(), Flow> {
        ex.frames.clear();
        ex.stack.clear();
        let st = &mut self.strands[s.0 as usize];
        st.state = StrandState::Done;
        st.frames.clear();
        st.stack.clear();
        let job = st.job;
        let is_main = s == self.main_strand;
        let label = st.label.clone();
        self.record(EventKind::StrandDone { strand: s });
        // Monitors still held are released (they belong to finished code).
        while !self.strands[s.0 as usize].monitors.is_empty() {
            if let Some(t) = self.current_thread {
                self.monitor_exit(t, s);
            } else {
                break;
            }
        }
        if is_main {
            match result {
                Ok(_) => self.finish(Outcome::Completed),
                Err(e) => {
                    let text = self.throwable_text_now(&e);
                    self.print(&format!("Exception in thread \"main\" {text}"), true, true);
                    for line in self.stack_trace_lines(&e) {
                        self.print(&line, true, true);
                    }
                    self.finish(Outcome::MainThrew(text));
                }
            }
            return Err(Flow::Leave);
        }
        match job {
            Some(j) => {
                if let Some(r) = self.body_result_for_job(j, result) {
                    self.body_finished(j, r);
                }
            }
            None => match result {
                // A handler (invokeOnCompletion, CoroutineExceptionHandler) threw.
                Err(e) => {
                    let _ = label;
                    self.uncaught(&e);
                }
                // What `run_now` gives back.
                Ok(v) => self.strands[s.0 as usize].stack.push(v),
            },
        }
        Err(Flow::Leave)
    }

    /// For a coroutine body: the result to complete its job with.
    fn body_result_for_job(&mut self, j: crate::value::JobId, result: Result<Value, Value>) -> Option<Result<Value, Value>> {
        if self.job(j).is_completed() {
            return None;
        }
        Some(result)
    }

    /// Creates an iterator value.
    pub(crate) fn make_iterator(&mut self, v: Value) -> Result<Value, Fault> {
        let state = match &v {
            Value::Range(r) => IterState::Range { range: r.clone(), next: r.first, left: r.len() },
            Value::Str(text) => IterState::Values { items: text.chars().map(Value::Char).collect::<Vec<_>>().into(), next: 0, source: None, of: None, removable: false },
            Value::Obj(o) => {
                // A map's `keys`, `values` or `entries` iterate the map as it is now, and fail
                // when the map changes.
                let view = self.heap.map_view(*o);
                if view.is_some() {
                    self.refresh_map_view(*o);
                }
                let (walked, of) = match view {
                    Some((map, part)) => (map, Some(part)),
                    None => (*o, matches!(self.heap.get(*o), HeapObj::Map(_)).then_some(MapPart::Entries)),
                };
                // A `ConcurrentHashMap`'s iterator is weakly consistent: it never fails.
                let fail_fast = self.heap.hash_table_size(walked).is_none_or(|t| t & crate::value::CONCURRENT_MAP == 0);
                let source = Some((walked, if fail_fast { self.heap.changes(walked) } else { WEAKLY_CONSISTENT }));
                match self.heap.get(*o) {
                    HeapObj::List(_) => IterState::List { list: *o, next: 0, changes: self.heap.changes(*o), removable: false },
                    HeapObj::Set(items) => IterState::Values { items: items.clone().into(), next: 0, source, of, removable: false },
                    HeapObj::Map(entries) => {
                        let entries = entries.clone();
                        let entries: Vec<Value> = entries.into_iter().map(|(k, v)| Value::Obj(self.heap.alloc(HeapObj::Entry(k, v)))).collect();
                        IterState::Values { items: entries.into(), next: 0, source, of, removable: false }
                    }
                    HeapObj::Iter(_) | HeapObj::Channel(_) => return Ok(v),
                    _ => return Err(Fault::Stop(format!("{} cannot be iterated", self.type_name(&v)))),
                }
            }
            _ => return Err(Fault::Stop(format!("{} cannot be iterated", self.type_name(&v)))),
        };
        Ok(Value::Obj(self.heap.alloc(HeapObj::Iter(state))))
    }

    /// The next element of an iteration, or `None` at its end. A Java collection's iterator
    /// is fail-fast: `next()` throws `ConcurrentModificationException` once the collection
    /// was changed by anything but the iterator since the iteration began. Whether there is a
    /// next element is decided first, as `hasNext()` decides it: a list compares the position
    /// with its size now (so removing the second-to-last element ends the loop quietly); a
    /// `HashMap` or `HashSet` looks at the successor it found when it returned the current
    /// element, which is the next one in the snapshot.
    pub(crate) fn iter_next(&mut self, it: &Value) -> Result<Option<Value>, Fault> {
        let Value::Obj(o) = it else { return Err(Fault::Stop("not an iterator".into())) };
        let o = *o;
        let changed_since = |heap: &crate::value::Heap, source: Option<(ObjId, u32)>| source.is_some_and(|(c, n)| n != WEAKLY_CONSISTENT && heap.changes(c) != n);
        let next = match self.heap.get(o) {
            HeapObj::Iter(IterState::Values { items, next, source, .. }) => {
                let Some(v) = items.get(*next).cloned() else { return Ok(None) };
                if changed_since(&self.heap, *source) {
                    return Err(Fault::Throw(self.new_exception(ExcClass::ConcurrentModificationException, None, None)));
                }
                v
            }
            HeapObj::Iter(IterState::Range { range, next, left }) => {
                if *left <= 0 {
                    return Ok(None);
                }
                range.element(*next)
            }
            HeapObj::Iter(IterState::List { list, next, changes, .. }) => {
                let (list, idx) = (*list, *next);
                let HeapObj::List(items) = self.heap.get(list) else { return Ok(None) };
                if idx == items.len() {
                    return Ok(None);
                }
                if changed_since(&self.heap, Some((list, *changes))) {
                    return Err(Fault::Throw(self.new_exception(ExcClass::ConcurrentModificationException, None, None)));
                }
                match items.get(idx) {
                    Some(v) => v.clone(),
                    None => return Ok(None),
                }
            }
            _ => return Err(Fault::Stop("not an iterator".into())),
        };
        match self.heap.get_mut(o) {
            HeapObj::Iter(IterState::Values { next, removable, .. } | IterState::List { next, removable, .. }) => {
                *next += 1;
                *removable = true;
            }
            HeapObj::Iter(IterState::Range { range, next, left }) => {
                *next += range.step;
                *left -= 1;
            }
            _ => {}
        }
        Ok(Some(next))
    }
}

impl World {
    /// `hasNext()`, `next()` and `remove()` of an iterator from `iterator()`.
    #[inline(never)]
    pub(crate) fn iterator_method(&mut self, it: &Value, n: &str) -> NResult {
        let Value::Obj(o) = it else { return Err(Fault::Stop("not an iterator".into())) };
        let o = *o;
        match n {
            "hasNext" => {
                let more = match self.heap.get(o) {
                    HeapObj::Iter(IterState::Values { items, next, .. }) => *next < items.len(),
                    HeapObj::Iter(IterState::Range { left, .. }) => *left > 0,
                    HeapObj::Iter(IterState::List { list, next, .. }) => matches!(self.heap.get(*list), HeapObj::List(items) if *next != items.len()),
                    _ => false,
                };
                Ok(Native::Value(Value::Bool(more)))
            }
            "next" => match self.iter_next(it)? {
                Some(v) => Ok(Native::Value(v)),
                None => Err(Fault::Throw(self.new_exception(ExcClass::NoSuchElementException, None, None))),
            },
            "remove" => self.iterator_remove(o),
            _ => Err(self.no_member(it, n)),
        }
    }

    /// `iterator.remove()`: removes from the collection the element `next()` gave last, which
    /// the iterator's own checks then expect; twice in a row, or before `next()`, it throws
    /// `IllegalStateException`.
    #[inline(never)]
    fn iterator_remove(&mut self, o: ObjId) -> NResult {
        let illegal = |w: &mut World| Err(Fault::Throw(w.new_exception(ExcClass::IllegalStateException, None, None)));
        match self.heap.get(o).clone() {
            HeapObj::Iter(IterState::List { list, next, removable, .. }) => {
                if !removable {
                    return illegal(self);
                }
                if let HeapObj::List(items) = self.heap.get_mut(list) {
                    if next >= 1 && next - 1 < items.len() {
                        items.remove(next - 1);
                    }
                }
                self.heap.count_change(list);
                let now = self.heap.changes(list);
                if let HeapObj::Iter(IterState::List { next, changes, removable, .. }) = self.heap.get_mut(o) {
                    *next -= 1;
                    *changes = now;
                    *removable = false;
                }
            }
            HeapObj::Iter(IterState::Values { items, next, source: Some((source, _)), of, removable }) => {
                if !removable {
                    return illegal(self);
                }
                let item = items[next - 1].clone();
                match (self.heap.get(source).clone(), of) {
                    (HeapObj::Set(v), _) => {
                        let kept: Vec<Value> = v.into_iter().filter(|x| !self.equals(x, &item)).collect();
                        *self.heap.get_mut(source) = HeapObj::Set(kept);
                    }
                    (HeapObj::Map(entries), Some(part)) => {
                        let key = match (part, &item) {
                            (MapPart::Entries, Value::Obj(e)) => match self.heap.get(*e) {
                                HeapObj::Entry(k, _) => Some(k.clone()),
                                _ => None,
                            },
                            (MapPart::Keys, k) => Some(k.clone()),
                            (_, v) => entries.iter().find(|(_, x)| self.equals(x, v)).map(|(k, _)| k.clone()),
                        };
                        let kept: Vec<(Value, Value)> = entries.into_iter().filter(|(k, _)| !key.as_ref().is_some_and(|key| self.equals(k, key))).collect();
                        *self.heap.get_mut(source) = HeapObj::Map(kept);
                    }
                    _ => return Err(Fault::Stop("this iterator cannot remove".into())),
                }
                self.heap.count_change(source);
                let now = self.heap.changes(source);
                if let HeapObj::Iter(IterState::Values { source: Some((_, changes)), removable, .. }) = self.heap.get_mut(o) {
                    if *changes != WEAKLY_CONSISTENT {
                        *changes = now;
                    }
                    *removable = false;
                }
            }
            _ => return Err(Fault::Throw(self.new_exception(ExcClass::UnsupportedOperationException, Some("remove"), None))),
        }
        Ok(Native::Value(Value::Unit))
    }
}

/// The count of changes recorded for an iteration that never fails (a `ConcurrentHashMap`'s
/// weakly consistent iterator), where the source is still kept for `remove()`.
const WEAKLY_CONSISTENT: u32 = u32::MAX;
