//! Built-in functions: printing, the coroutine builders and suspension points, constructors
//! of jobs, contexts, locks and exceptions, collections and the clock.

use std::rc::Rc;

use crate::builtins::{Builtin, CollectionClass, Const, MathKind, RandomKind};
use crate::exception::ExcClass;
use crate::job::{JobClass, NewJob};
use crate::lang::Span;
use crate::strand::{Frame, OnReturn, Resume, ScopeFrame, ScopeKind, Strand, StrandState, Wait};
use crate::value::{Context, DispatcherId, HeapObj, JobId, ListKind, MutexState, ObjId, SemaphoreState, StrandId, ThreadId, ThreadLocalState, Value};
use crate::vm::{Exec, Fault, NResult, Native};
use crate::world::{Block, Dispatcher, DispatcherKind, World, DEFAULT, IO, MAIN, UNCONFINED};

/// The fixed epoch of the virtual clock: `System.currentTimeMillis()` at virtual time 0
/// (2024-01-01T00:00:00Z).
pub const EPOCH_MS: i64 = 1_704_067_200_000;

/// An argument that was passed (not `Absent`).
pub(crate) fn present(v: &Value) -> Option<Value> {
    if matches!(v, Value::Absent) { None } else { Some(v.clone()) }
}

/// How a coroutine starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Queued on its dispatcher.
    Default,
    /// Not started until `start()`, `join()` or `await()`.
    Lazy,
    /// Queued, and runs even if cancelled before it starts.
    Atomic,
    /// Runs in the caller until its first suspension.
    Undispatched,
}

impl World {
    /// The value of a built-in constant.
    pub(crate) fn const_value(&mut self, c: Const) -> Value {
        match c {
            Const::DispatchersDefault => Value::Dispatcher(DEFAULT),
            Const::DispatchersIo => Value::Dispatcher(IO),
            Const::DispatchersMain => Value::Dispatcher(MAIN),
            Const::DispatchersUnconfined => Value::Dispatcher(UNCONFINED),
            Const::NonCancellable => Value::Job(JobId::NON_CANCELLABLE),
            Const::EmptyContext => Value::Ctx(Rc::new(Context::default())),
            Const::GlobalScope => Value::Scope(Rc::new(Context::default())),
            other => Value::Const(other),
        }
    }

    /// A context from a value: a context, a job, a dispatcher or nothing.
    pub(crate) fn to_context(&self, v: &Value) -> Result<Context, Fault> {
        Ok(match v {
            Value::Absent => Context::default(),
            Value::Ctx(c) => (**c).clone(),
            Value::Job(j) => Context { job: Some(*j), ..Context::default() },
            Value::Dispatcher(d) => Context { dispatcher: Some(*d), ..Context::default() },
            Value::Const(Const::EmptyContext) => Context::default(),
            other => return Err(Fault::Stop(format!("expected a coroutine context, found {}", self.type_name(other)))),
        })
    }

    fn start_mode(&self, v: &Value) -> Start {
        match v {
            Value::Const(Const::StartLazy) => Start::Lazy,
            Value::Const(Const::StartAtomic) => Start::Atomic,
            Value::Const(Const::StartUndispatched) => Start::Undispatched,
            _ => Start::Default,
        }
    }

    fn closure_of(&self, v: &Value, what: &str) -> Result<ObjId, Fault> {
        match v {
            Value::Obj(o) if matches!(self.heap.get(*o), HeapObj::Closure { .. }) => Ok(*o),
            _ => Err(Fault::Stop(format!("{what} needs a lambda, found {}", self.type_name(v)))),
        }
    }

    /// A new strand that will call `closure` (with `receiver` first when the lambda has one).
    pub(crate) fn new_strand(&mut self, job: Option<JobId>, closure: ObjId, receiver: Option<Value>, args: Vec<Value>, label: String, base_ctx: Rc<Context>) -> StrandId {
        let HeapObj::Closure { func, .. } = self.heap.get(closure).clone() else { unreachable!("checked by closure_of") };
        let f = self.program.func(func);
        let mut all = Vec::new();
        if f.has_receiver {
            all.push(receiver.unwrap_or(Value::Unit));
        }
        all.extend(args);
        let mut ex = Exec::default();
        let _ = self.push_frame(&mut ex, func, Some(closure), all, OnReturn::Push, Span::default());
        let id = StrandId(self.strands.len() as u32);
        self.strands.push(Strand {
            job,
            frames: ex.frames,
            stack: ex.stack,
            state: StrandState::Created,
            resume: None,
            thread: None,
            monitors: Vec::new(),
            wait: Wait::None,
            cancel_registered: None,
            base_ctx,
            timer: None,
            label,
            ctx_stack: Vec::new(),
            permits: Vec::new(),
            saved_tls: Vec::new(),
            bytes: 0,
        });
        id
    }

    /// Runs a handler closure (CoroutineExceptionHandler, invokeOnCompletion) to its end,
    /// right now, on the current thread — kotlinx.coroutines calls handlers synchronously,
    /// before the job's completion is announced to anyone waiting for it.
    pub(crate) fn run_handler_closure(&mut self, closure: ObjId, args: Vec<Value>, ctx: Rc<Context>, label: &str) {
        self.run_now(closure, None, args, ctx, label);
    }

    /// The text of an exception as `Throwable.toString()` makes it, running the class's own
    /// `toString()` or `message` getter to its end right now: for the lines printed by
    /// code outside the program (an uncaught exception's report, `printStackTrace`).
    pub(crate) fn throwable_text_now(&mut self, e: &Value) -> String {
        let Some((func, on_return)) = self.own_text(e) else { return self.exception_to_string(e) };
        let closure = self.heap.alloc(HeapObj::Closure { func, captures: Vec::new() });
        let ctx = Rc::new(Context::default());
        // A method's `this` is its receiver.
        let v = self.run_now(closure, Some(e.clone()), Vec::new(), ctx, "toString").unwrap_or(Value::Null);
        match on_return {
            OnReturn::ThrowableText(class) if v.is_null() => class.to_string(),
            OnReturn::ThrowableText(class) => format!("{class}: {}", self.to_kstring(&v)),
            _ => self.to_kstring(&v),
        }
    }

    /// Runs a closure to its end, right now, on the current thread, and gives its value.
    fn run_now(&mut self, closure: ObjId, receiver: Option<Value>, args: Vec<Value>, ctx: Rc<Context>, label: &str) -> Option<Value> {
        const MAX_NESTING: u32 = 32;
        const MAX_HANDLER_STEPS: u32 = 100_000;
        if self.handler_depth >= MAX_NESTING {
            let d = crate::lang::Diagnostic::error(Span::default(), "the run stopped: handlers triggered each other too deeply");
            self.finish(crate::world::Outcome::Stopped(d));
            return None;
        }
        let h = self.new_strand(None, closure, receiver, args, label.to_string(), ctx);
        let t = self.current_thread.unwrap_or(crate::world::MAIN_THREAD);
        let saved_strand = self.current_strand.replace(h);
        let saved_time = self.threads[t.0 as usize].time;
        self.handler_depth += 1;
        let st = &mut self.strands[h.0 as usize];
        st.state = StrandState::Running;
        st.thread = Some(t);
        let mut n = 0;
        while self.strands[h.0 as usize].state == StrandState::Running && self.outcome.is_none() {
            n += 1;
            if n > MAX_HANDLER_STEPS {
                let d = crate::lang::Diagnostic::error(Span::default(), format!("the run stopped: the {label} handler does not finish"));
                self.finish(crate::world::Outcome::Stopped(d));
                break;
            }
            self.exec_step(t, h);
        }
        let state = self.strands[h.0 as usize].state;
        if state != StrandState::Done && self.outcome.is_none() {
            let d = crate::lang::Diagnostic::error(Span::default(), format!("the run stopped: a {label} cannot suspend or block; it runs inside the failing coroutine's completion"));
            self.finish(crate::world::Outcome::Stopped(d));
        }
        self.handler_depth -= 1;
        self.threads[t.0 as usize].time = saved_time;
        self.current_strand = saved_strand;
        self.strands[h.0 as usize].stack.pop()
    }

    /// Reports an exception no one handled, as the JVM's default uncaught exception
    /// handler prints it.
    pub(crate) fn uncaught(&mut self, e: &Value) {
        let thread = self.current_thread.map(|t| self.threads[t.0 as usize].name.clone()).unwrap_or_else(|| "main".into());
        let text = self.throwable_text_now(e);
        self.print(&format!("Exception in thread \"{thread}\" {text}"), true, true);
        for line in self.stack_trace_lines(e) {
            self.print(&line, true, true);
        }
    }

    /// `launch` / `async` on a scope.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn start_coroutine(&mut self, t: ThreadId, s: StrandId, scope: Rc<Context>, ctx_arg: &Value, start: &Value, block: &Value, is_async: bool, span: Span) -> NResult {
        let extra = self.to_context(ctx_arg)?;
        let closure = self.closure_of(block, if is_async { "async" } else { "launch" })?;
        let mut parent_ctx = scope.plus(&extra);
        if parent_ctx.dispatcher.is_none() {
            parent_ctx.dispatcher = Some(DEFAULT);
        }
        let start = self.start_mode(start);
        let class = match (is_async, start == Start::Lazy) {
            (false, false) => JobClass::Standalone,
            (false, true) => JobClass::LazyStandalone,
            (true, false) => JobClass::Deferred,
            (true, true) => JobClass::LazyDeferred,
        };
        let job = self.new_job(NewJob { class, parent_ctx: Rc::new(parent_ctx), lazy: start == Start::Lazy, span });
        // A context job that is not the scope's own: the new coroutine is an island.
        if extra.job.is_some() && scope.job.is_some() && extra.job != scope.job {
            self.jobs[job.0 as usize].would_be_parent = scope.job;
        }
        let ctx = self.job(job).ctx.clone();
        let label = self.job_label(job);
        let strand = self.new_strand(Some(job), closure, Some(Value::Scope(ctx.clone())), Vec::new(), label, ctx);
        self.jobs[job.0 as usize].strand = Some(strand);
        self.jobs[job.0 as usize].atomic = matches!(start, Start::Atomic | Start::Undispatched);
        match start {
            Start::Lazy => {}
            Start::Default | Start::Atomic => {
                if self.job(job).is_completed() {
                    // Cancelled and finished before it could start (a completed parent).
                } else {
                    self.dispatch(strand, Resume::Start { atomic: start == Start::Atomic });
                }
            }
            Start::Undispatched => {
                // The caller pauses on this thread; the new coroutine runs now until it
                // suspends, then the caller continues.
                self.leave_thread(t, s);
                self.threads[t.0 as usize].paused.push(s);
                self.strands[s.0 as usize].state = StrandState::Paused;
                self.threads[t.0 as usize].current = Some(strand);
                let st = &mut self.strands[strand.0 as usize];
                st.state = StrandState::Running;
                st.thread = Some(t);
                st.resume = Some(Resume::Start { atomic: true });
                self.enter_thread(t, strand);
                return Ok(Native::Switch(Value::Job(job)));
            }
        }
        Ok(Native::Value(Value::Job(job)))
    }

    /// Enters a scope (`coroutineScope`, `supervisorScope`, `withContext`, `withTimeout`):
    /// a scope job around the block, which runs on the same strand.
    #[allow(clippy::too_many_arguments)]
    fn enter_scope(&mut self, s: StrandId, ex: &mut Exec, class: JobClass, kind: ScopeKind, parent_ctx: Context, block: &Value, span: Span) -> Result<JobId, Fault> {
        let closure = self.closure_of(block, class.builder())?;
        let job = self.new_job(NewJob { class, parent_ctx: Rc::new(parent_ctx), lazy: false, span });
        self.jobs[job.0 as usize].scope_owner = Some(s);
        self.jobs[job.0 as usize].strand = Some(s);
        let inner = self.job(job).ctx.clone();
        ex.frames.push(Frame::Scope(ScopeFrame { job, ctx: inner.clone(), kind, stack_height: ex.stack.len() as u32, suspended: false, ctx_popped: false, saved_tls: Vec::new() }));
        self.strands[s.0 as usize].ctx_stack.push(inner.clone());
        // A withContext that changes the context and stays on this thread sets its
        // thread-local elements at once (kotlinx.coroutines' `withCoroutineContext`).
        if class == JobClass::Undispatched {
            let saved = self.set_thread_locals(s, &inner);
            if let Some(Frame::Scope(sf)) = ex.frames.last_mut() {
                sf.saved_tls = saved;
            }
        }
        let HeapObj::Closure { func, .. } = self.heap.get(closure).clone() else { unreachable!("checked by closure_of") };
        let has_receiver = self.program.func(func).has_receiver;
        let args = if has_receiver { vec![Value::Scope(inner)] } else { Vec::new() };
        self.push_frame(ex, func, Some(closure), args, OnReturn::Push, span).map_err(Fault::Throw)?;
        Ok(job)
    }

    /// Suspends the running strand until a timer, cancellably.
    fn suspend_delay(&mut self, s: StrandId, ms: i64) -> NResult {
        if ms <= 0 {
            return Ok(Native::Value(Value::Unit));
        }
        self.reject_scheduled_delay(s, "delay")?;
        if let Some(e) = self.register_cancellable(s) {
            return Err(Fault::Throw(e));
        }
        if ms >= i64::MAX / 2000 {
            self.strands[s.0 as usize].wait = Wait::Forever;
            return Ok(Native::Suspend);
        }
        let until = self.now + ms as u64 * 1000;
        let key = self.add_timer(until, crate::world::Timer::Resume(s));
        self.strands[s.0 as usize].timer = Some(key);
        self.strands[s.0 as usize].wait = Wait::Delay { until };
        Ok(Native::Suspend)
    }

    /// A `delay` or `withTimeout` timer asked of a closed `newSingleThreadContext` /
    /// `newFixedThreadPoolContext` by a coroutine still running on it. Such a dispatcher
    /// schedules its timers on its own executor, which rejects them after `shutdown()`;
    /// kotlinx.coroutines 1.9 (`ExecutorCoroutineDispatcherBase.scheduleBlock`) then cancels
    /// the job (`cancelJobOnRejection`), so the delay throws right away, on the same thread.
    /// In a job that cannot be cancelled the timer falls back to `DefaultExecutor` and the
    /// resumption is rejected in turn, which the engine does not model: a diagnostic.
    fn reject_scheduled_delay(&mut self, s: StrandId, what: &str) -> Result<(), Fault> {
        let ctx = self.current_ctx(s);
        if !self.closed_scheduled(ctx.dispatcher) {
            return Ok(());
        }
        let d = ctx.dispatcher.expect("checked by closed_scheduled");
        match ctx.job {
            Some(j) if j != JobId::NON_CANCELLABLE => {
                let cause = self.rejected_execution(d);
                let exc = self.new_exception(ExcClass::CancellationException, Some("The task was rejected"), Some(cause));
                self.cancel_impl(j, crate::job::Cause::Exception(exc), crate::trace::CancelOrigin::Explicit(None));
                Ok(())
            }
            _ => Err(Fault::Stop(format!(
                "{what} on {}, closed, in a coroutine that cannot be cancelled is not modelled in Coroutine Lab: leave the dispatcher (withContext) before closing it",
                self.dispatcher_name(d)
            ))),
        }
    }

    /// `job.join()`.
    pub(crate) fn join(&mut self, s: StrandId, j: JobId) -> NResult {
        self.start_job(j);
        if self.job(j).is_completed() {
            // join() of a finished job still throws in a cancelled caller.
            if let Some(e) = self.pending_cancellation(s) {
                return Err(Fault::Throw(e));
            }
            return Ok(Native::Value(Value::Unit));
        }
        if let Some(e) = self.register_cancellable(s) {
            return Err(Fault::Throw(e));
        }
        self.jobs[j.0 as usize].handlers.push(crate::job::Handler::Waiter(s));
        self.strands[s.0 as usize].wait = Wait::Join(j);
        Ok(Native::Suspend)
    }

    /// `deferred.await()`.
    pub(crate) fn await_job(&mut self, s: StrandId, j: JobId) -> NResult {
        self.start_job(j);
        match self.job(j).final_state.clone() {
            Some(Ok(v)) => return Ok(Native::Value(v)),
            Some(Err(e)) => return Err(Fault::Throw(e)),
            None => {}
        }
        if let Some(e) = self.register_cancellable(s) {
            return Err(Fault::Throw(e));
        }
        self.jobs[j.0 as usize].handlers.push(crate::job::Handler::Waiter(s));
        self.strands[s.0 as usize].wait = Wait::Await(j);
        Ok(Native::Suspend)
    }

    /// `joinAll` (one job after another) and `awaitAll` (all at once; the first failure wins).
    pub(crate) fn wait_all(&mut self, s: StrandId, jobs: Vec<JobId>, collect: bool) -> NResult {
        for &j in &jobs {
            self.start_job(j);
        }
        if collect {
            if let Some(e) = jobs.iter().find_map(|j| match &self.job(*j).final_state {
                Some(Err(e)) => Some(e.clone()),
                _ => None,
            }) {
                return Err(Fault::Throw(e));
            }
            if jobs.iter().all(|j| self.job(*j).is_completed()) {
                let values: Vec<Value> = jobs.iter().map(|j| self.job(*j).final_state.clone().and_then(|r| r.ok()).unwrap_or(Value::Unit)).collect();
                return Ok(Native::Value(self.new_list(values)));
            }
            if let Some(e) = self.register_cancellable(s) {
                return Err(Fault::Throw(e));
            }
            for &j in &jobs {
                if !self.job(j).is_completed() {
                    self.jobs[j.0 as usize].handlers.push(crate::job::Handler::Waiter(s));
                }
            }
            self.strands[s.0 as usize].wait = Wait::All { jobs, values: Vec::new(), collect: true };
            return Ok(Native::Suspend);
        }
        let mut rest = jobs;
        while rest.first().is_some_and(|j| self.job(*j).is_completed()) {
            rest.remove(0);
        }
        if rest.is_empty() {
            if let Some(e) = self.pending_cancellation(s) {
                return Err(Fault::Throw(e));
            }
            return Ok(Native::Value(Value::Unit));
        }
        if let Some(e) = self.register_cancellable(s) {
            return Err(Fault::Throw(e));
        }
        self.jobs[rest[0].0 as usize].handlers.push(crate::job::Handler::Waiter(s));
        self.strands[s.0 as usize].wait = Wait::All { jobs: rest, values: Vec::new(), collect: false };
        Ok(Native::Suspend)
    }

    /// The jobs of a list (or varargs) of jobs.
    pub(crate) fn jobs_of(&self, args: &[Value]) -> Result<Vec<JobId>, Fault> {
        let mut out = Vec::new();
        let mut push = |v: &Value, w: &World| -> Result<(), Fault> {
            match v {
                Value::Job(j) => {
                    out.push(*j);
                    Ok(())
                }
                other => Err(Fault::Stop(format!("expected a Job or Deferred, found {}", w.type_name(other)))),
            }
        };
        for a in args {
            match a {
                Value::Obj(o) => match self.heap.get(*o) {
                    HeapObj::List(items) | HeapObj::Set(items) => {
                        for i in items.clone() {
                            push(&i, self)?;
                        }
                    }
                    _ => push(a, self)?,
                },
                _ => push(a, self)?,
            }
        }
        Ok(out)
    }

    /// A new dispatcher with its own pool of threads.
    pub(crate) fn new_pool(&mut self, name: String, prefix: String, max_threads: u32, scheduled: bool) -> DispatcherId {
        let id = DispatcherId(self.dispatchers.len() as u32);
        self.dispatchers.push(Dispatcher {
            kind: DispatcherKind::Pool,
            name,
            queue: Default::default(),
            threads: Vec::new(),
            max_threads,
            running: 0,
            limit: max_threads,
            closed: false,
            scheduled,
            thread_prefix: prefix,
        });
        id
    }

    /// `dispatcher.limitedParallelism(n)`.
    pub(crate) fn limited_view(&mut self, parent: DispatcherId, n: i64) -> Result<Value, Fault> {
        if n < 1 {
            let e = self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("Expected positive parallelism level, but got {n}")), None);
            return Err(Fault::Throw(e));
        }
        // Default with at least as many permits as cores is Default itself.
        if parent == DEFAULT && n >= self.dispatchers[DEFAULT.0 as usize].limit as i64 {
            return Ok(Value::Dispatcher(DEFAULT));
        }
        // A view of IO draws on the unlimited scheduler, not on IO's 64.
        let base = if parent == IO { crate::world::BLOCKING } else { parent };
        let id = DispatcherId(self.dispatchers.len() as u32);
        let name = format!("{}.limitedParallelism({n})", self.dispatcher_name(parent));
        self.dispatchers.push(Dispatcher {
            kind: DispatcherKind::Limited(base),
            name,
            queue: Default::default(),
            threads: Vec::new(),
            max_threads: 0,
            running: 0,
            limit: n.min(u32::MAX as i64) as u32,
            closed: false,
            scheduled: false,
            thread_prefix: String::new(),
        });
        Ok(Value::Dispatcher(id))
    }

    fn int_arg(&self, v: &Value, what: &str) -> Result<i64, Fault> {
        v.as_i64().ok_or_else(|| Fault::Stop(format!("{what} must be a number, found {}", self.type_name(v))))
    }

    fn opt(v: &Value) -> Option<&Value> {
        if matches!(v, Value::Absent) { None } else { Some(v) }
    }

    /// Calls a built-in function.
    pub(crate) fn call_builtin(&mut self, t: ThreadId, s: StrandId, ex: &mut Exec, b: Builtin, args: Vec<Value>, span: Span) -> NResult {
        use Builtin as B;
        let arg = |i: usize| crate::vm::arg_at(&args, i);
        let v = match b {
            B::Println | B::Print => {
                if let Some(msg) = Self::opt(&arg(0)).and_then(|v| self.unprintable(v)) {
                    return Err(Fault::Stop(msg));
                }
                let text = match Self::opt(&arg(0)) {
                    Some(v) => self.to_kstring(v),
                    None => String::new(),
                };
                self.print(&text, false, b == B::Println);
                Value::Unit
            }
            B::Delay => {
                let ms = self.int_arg(&arg(0), "delay time")?;
                return self.suspend_delay(s, ms);
            }
            B::Yield => {
                if let Some(e) = self.pending_cancellation(s) {
                    return Err(Fault::Throw(e));
                }
                self.strands[s.0 as usize].wait = Wait::Yield;
                self.dispatch(s, Resume::Value { value: Value::Unit, cancellable: true });
                return Ok(Native::Suspend);
            }
            B::RunBlocking => return self.run_blocking(t, s, &arg(0), &arg(1), span),
            B::CoroutineScope | B::SupervisorScope => {
                let class = if b == B::CoroutineScope { JobClass::Scope } else { JobClass::Supervisor };
                let kind = if b == B::CoroutineScope { ScopeKind::Plain } else { ScopeKind::Supervisor };
                let ctx = (*self.current_ctx(s)).clone();
                self.enter_scope(s, ex, class, kind, ctx, &arg(0), span)?;
                return Ok(Native::Pushed);
            }
            B::WithContext => {
                let old = self.current_ctx(s);
                let extra = self.to_context(&arg(0))?;
                let new = old.plus(&extra);
                // withContext checks the new context first: NonCancellable lets a cancelled
                // coroutine in.
                if let Some(j) = new.job {
                    if j != JobId::NON_CANCELLABLE && self.job(j).is_cancelled() {
                        let e = self.cancellation_exception(j);
                        return Err(Fault::Throw(e));
                    }
                }
                if new.dispatcher == old.dispatcher || extra.dispatcher.is_none() {
                    let class = if *old == new { JobClass::Scope } else { JobClass::Undispatched };
                    self.enter_scope(s, ex, class, ScopeKind::Plain, new, &arg(1), span)?;
                    return Ok(Native::Pushed);
                }
                self.enter_scope(s, ex, JobClass::Dispatched, ScopeKind::Dispatched, new, &arg(1), span)?;
                // The block starts when a thread of the new dispatcher takes it.
                self.dispatch(s, Resume::Start { atomic: false });
                return Ok(Native::Suspend);
            }
            B::WithTimeout | B::WithTimeoutOrNull => {
                let ms = self.int_arg(&arg(0), "timeout")?;
                let or_null = b == B::WithTimeoutOrNull;
                if ms <= 0 {
                    if or_null {
                        return Ok(Native::Value(Value::Null));
                    }
                    let e = self.new_exception(ExcClass::TimeoutCancellationException, Some("Timed out immediately"), None);
                    return Err(Fault::Throw(e));
                }
                let ctx = (*self.current_ctx(s)).clone();
                let kind = if or_null { ScopeKind::TimeoutOrNull } else { ScopeKind::Timeout };
                let class = if or_null { JobClass::TimeoutOrNull } else { JobClass::Timeout };
                let job = self.enter_scope(s, ex, class, kind, ctx, &arg(1), span)?;
                // On a closed single-thread context the timeout's own timer is rejected and
                // cancels the block's job; the block still starts (`withTimeout` enters it
                // undispatched) and its first suspension point throws.
                self.reject_scheduled_delay(s, "withTimeout")?;
                let key = self.add_timer(self.now + ms as u64 * 1000, crate::world::Timer::Timeout(job));
                self.jobs[job.0 as usize].timer = Some(key);
                self.jobs[job.0 as usize].timeout_ms = Some(ms);
                return Ok(Native::Pushed);
            }
            B::AwaitAll | B::JoinAll => {
                let jobs = self.jobs_of(&args)?;
                return self.wait_all(s, jobs, b == B::AwaitAll);
            }
            B::CurrentContext => Value::Ctx(self.current_ctx(s)),
            B::NewJob | B::NewSupervisorJob | B::NewCompletableDeferred => {
                let parent = match Self::opt(&arg(0)) {
                    Some(Value::Job(j)) => Some(*j),
                    Some(Value::Null) | None => None,
                    Some(other) => return Err(Fault::Stop(format!("a parent must be a Job, found {}", self.type_name(other)))),
                };
                let class = match b {
                    B::NewJob => JobClass::JobImpl,
                    B::NewSupervisorJob => JobClass::SupervisorJobImpl,
                    _ => JobClass::CompletableDeferred,
                };
                let j = self.new_job(NewJob { class, parent_ctx: Rc::new(Context { job: parent, ..Context::default() }), lazy: false, span });
                Value::Job(j)
            }
            B::NewCoroutineName => {
                let name = self.to_kstring(&arg(0));
                Value::Ctx(Rc::new(Context { name: Some(Rc::from(name)), ..Context::default() }))
            }
            B::NewExceptionHandler => {
                let c = self.closure_of(&arg(0), "CoroutineExceptionHandler")?;
                Value::Ctx(Rc::new(Context { handler: Some(c), ..Context::default() }))
            }
            B::NewScope => {
                let mut ctx = self.to_context(&arg(0))?;
                if ctx.job.is_none() {
                    let j = self.new_job(NewJob { class: JobClass::JobImpl, parent_ctx: Rc::new(Context::default()), lazy: false, span });
                    ctx = ctx.with_job(j);
                }
                Value::Scope(Rc::new(ctx))
            }
            B::MainScope => {
                let j = self.new_job(NewJob { class: JobClass::SupervisorJobImpl, parent_ctx: Rc::new(Context::default()), lazy: false, span });
                Value::Scope(Rc::new(Context { job: Some(j), dispatcher: Some(MAIN), ..Context::default() }))
            }
            B::NewMutex => {
                let locked = matches!(arg(0), Value::Bool(true));
                let o = self.heap.alloc(HeapObj::Mutex(MutexState { owner: if locked { Some(StrandId(u32::MAX)) } else { None }, waiters: Default::default() }));
                Value::Obj(o)
            }
            B::NewSemaphore => {
                let n = self.int_arg(&arg(0), "permits")?;
                let acquired = Self::opt(&arg(1)).and_then(|v| v.as_i64()).unwrap_or(0);
                let o = self.heap.alloc(HeapObj::Semaphore(SemaphoreState { permits: n - acquired, total: n, waiters: Default::default() }));
                Value::Obj(o)
            }
            B::NewAtomic => {
                let init = match Self::opt(&arg(0)) {
                    Some(v) => v.clone(),
                    None => Value::Int(0),
                };
                Value::Obj(self.heap.alloc(HeapObj::Atomic(init)))
            }
            B::NewThreadLocal => Value::Obj(self.heap.alloc(HeapObj::ThreadLocal(ThreadLocalState::default()))),
            B::ThreadLocalWithInitial => {
                let c = self.closure_of(&arg(0), "ThreadLocal.withInitial")?;
                Value::Obj(self.heap.alloc(HeapObj::ThreadLocal(ThreadLocalState { values: Vec::new(), initial: Some(c) })))
            }
            B::NewAny => Value::Obj(self.heap.alloc(HeapObj::Plain)),
            B::NewStringBuilder => {
                let text = Self::opt(&arg(0)).map(|v| self.to_kstring(v)).unwrap_or_default();
                Value::Obj(self.heap.alloc(HeapObj::StringBuilder(text)))
            }
            B::NewRandom => Value::Obj(self.heap.alloc(HeapObj::Random)),
            B::NewSingleThreadContext => {
                let name = self.to_kstring(&arg(0));
                let d = self.new_pool(name.clone(), name, 1, true);
                Value::Dispatcher(d)
            }
            B::NewFixedThreadPoolContext => {
                let n = self.int_arg(&arg(0), "nThreads")?.max(1) as u32;
                let name = self.to_kstring(&arg(1));
                let prefix = if n == 1 { name.clone() } else { format!("{name}-") };
                let d = self.new_pool(name, prefix, n, true);
                Value::Dispatcher(d)
            }
            B::NewFixedThreadPool | B::NewSingleThreadExecutor | B::NewCachedThreadPool => {
                let n = match b {
                    B::NewFixedThreadPool => self.int_arg(&arg(0), "nThreads")?,
                    B::NewSingleThreadExecutor => 1,
                    _ => i64::from(u32::MAX),
                };
                if n < 1 {
                    let e = self.new_exception(ExcClass::IllegalArgumentException, None, None);
                    return Err(Fault::Throw(e));
                }
                self.pool_counter += 1;
                let k = self.pool_counter;
                let d = self.new_pool(format!("pool-{k}"), format!("pool-{k}-thread-"), n.min(u32::MAX as i64) as u32, false);
                Value::Obj(self.heap.alloc(HeapObj::Executor(d)))
            }
            B::NewException(class) => {
                if !class.is_constructible() {
                    return Err(Fault::Stop(format!("{} cannot be created by a program", class.simple_name())));
                }
                let (message, cause) = match (Self::opt(&arg(0)), Self::opt(&arg(1))) {
                    (Some(m), c) if self.exception_class(m).is_some() && c.is_none() => (Some(self.exception_to_string(m)), Some(m.clone())),
                    (Some(Value::Null), c) => (None, c.cloned()),
                    (Some(m), c) => (Some(self.to_kstring(m)), c.filter(|v| !v.is_null()).cloned()),
                    (None, c) => (None, c.filter(|v| !v.is_null()).cloned()),
                };
                self.new_exception(class, message.as_deref(), cause)
            }
            B::Error => {
                let msg = self.to_kstring(&arg(0));
                let e = self.new_exception(ExcClass::IllegalStateException, Some(&msg), None);
                return Err(Fault::Throw(e));
            }
            B::Todo => {
                let msg = match Self::opt(&arg(0)) {
                    Some(r) => format!("An operation is not implemented: {}", self.to_kstring(r)),
                    None => "An operation is not implemented.".into(),
                };
                let e = self.new_exception(ExcClass::NotImplementedError, Some(&msg), None);
                return Err(Fault::Throw(e));
            }
            B::MutableListOf => self.new_list(args),
            // `listOf(a, b, …)` is `Arrays.asList`, `listOf(a)` a singleton, `listOf()` the empty list.
            B::ListOf => {
                let kind = if args.len() < 2 { ListKind::read_only(args.len()) } else { ListKind::Fixed };
                self.new_list_of(args, kind)
            }
            B::ArrayOf => self.new_list_of(args, ListKind::Array),
            // `listOfNotNull(x)` is `listOf(x)` or the empty list; with more arguments, an
            // ArrayList of those that are not null.
            B::ListOfNotNull => {
                let one = args.len() == 1;
                let kept: Vec<Value> = args.into_iter().filter(|v| !v.is_null()).collect();
                if one {
                    let kind = ListKind::read_only(kept.len());
                    self.new_list_of(kept, kind)
                } else {
                    self.new_list(kept)
                }
            }
            // The static form of `format.format(args…)`.
            B::StringFormat => match args.split_first() {
                Some((Value::Str(format), rest)) => Value::str(&self.format_string(format, rest)?),
                _ => return Err(Fault::Stop("String.format takes the format String first: String.format(\"%d\", x)".into())),
            },
            B::EmptyList => self.new_list_of(Vec::new(), ListKind::Empty),
            B::MapOf | B::HashMapOf | B::ConcurrentHashMapOf => {
                let mut entries: Vec<(Value, Value)> = Vec::new();
                for a in &args {
                    let Some((k, v)) = self.pair_of(a) else { return Err(Fault::Stop("mapOf takes pairs: mapOf(\"a\" to 1)".into())) };
                    self.put_entry(&mut entries, k, v);
                }
                // `HashMap()` starts with 16 buckets; Kotlin's `hashMapOf(pairs)` sizes it for
                // the pairs (`mapCapacity`), so that putting them one by one never resizes it:
                // they end in the order of their buckets, in insertion order within one.
                let table_size = if args.is_empty() { 16 } else { java_table_size_for(kotlin_map_capacity(args.len() as u32)) };
                if b == B::HashMapOf {
                    self.hash_table_order(&mut entries, |(k, _)| k, table_size, false);
                }
                let map = self.heap.alloc(HeapObj::Map(entries));
                if b == B::HashMapOf {
                    self.heap.set_hash_table_size(map, table_size);
                }
                if b == B::ConcurrentHashMapOf {
                    self.heap.set_hash_table_size(map, 16 | crate::value::CONCURRENT_MAP);
                }
                Value::Obj(map)
            }
            B::SetOf | B::HashSetOf => {
                let n = args.len() as u32;
                let set = self.heap.alloc(HeapObj::Set(Vec::new()));
                if b == B::HashSetOf {
                    // As `hashMapOf`: 16 buckets, or sized for the elements, then filled one by one.
                    let table_size = if n == 0 { 16 } else { java_table_size_for(kotlin_map_capacity(n)) };
                    self.heap.set_hash_table_size(set, table_size);
                }
                for a in args {
                    self.add_to_set(set, a);
                }
                Value::Obj(set)
            }
            B::NewCollection(class) => self.new_collection(class, present(&arg(0)))?,
            B::NewPair => Value::Obj(self.heap.alloc(HeapObj::Pair(arg(0), arg(1)))),
            B::NewTriple => Value::Obj(self.heap.alloc(HeapObj::Triple(Box::new([arg(0), arg(1), arg(2)])))),
            // `maxOf(a, b, c)` is `maxOf(a, maxOf(b, c))`.
            B::MaxOf | B::MinOf if present(&arg(2)).is_some() => {
                if args.iter().any(|v| self.has_compare_to(v)) {
                    return Err(Fault::Stop(format!("{} of three values whose class has its own compareTo is not supported in Coroutine Lab: nest two calls", if b == B::MaxOf { "maxOf" } else { "minOf" })));
                }
                let (a, c, d) = (arg(0), arg(1), arg(2));
                let max = b == B::MaxOf;
                let inner = if max == self.compare(&c, &d)?.is_ge() { c } else { d };
                if max == self.compare(&a, &inner)?.is_ge() { a } else { inner }
            }
            B::MaxOf | B::MinOf => {
                let (a, c) = (arg(0), arg(1));
                if let Some(r) = self.compare_max_of(ex, &a, &c, b == B::MaxOf) {
                    return r;
                }
                let ord = self.compare(&a, &c)?;
                if (b == B::MaxOf) == ord.is_ge() { a } else { c }
            }
            B::Abs => match arg(0) {
                Value::Int(i) => Value::Int(i.wrapping_abs()),
                Value::Long(l) => Value::Long(l.wrapping_abs()),
                Value::Double(d) => Value::Double(d.abs()),
                other => return Err(Fault::Stop(format!("abs needs a number, found {}", self.type_name(&other)))),
            },
            B::Sqrt => Value::Double(arg(0).as_f64().unwrap_or(f64::NAN).sqrt()),
            // Whole numbers: an Int result for two Ints, else a Long, as Java overloads them.
            B::MathFn(kind @ (MathKind::FloorMod | MathKind::FloorDiv)) => {
                let (a, b) = (arg(0), arg(1));
                let (Some(x), Some(y)) = (a.as_i64().filter(|_| !matches!(a, Value::Double(_))), b.as_i64().filter(|_| !matches!(b, Value::Double(_)))) else {
                    return Err(Fault::Stop(format!("Math.{} takes two whole numbers", if kind == MathKind::FloorMod { "floorMod" } else { "floorDiv" })));
                };
                if y == 0 {
                    return Err(Fault::Throw(self.new_exception(ExcClass::ArithmeticException, Some("/ by zero"), None)));
                }
                // As Java computes them: the quotient, one less when the signs differ and
                // the division is not exact; the remainder from that quotient.
                let ints = matches!((&a, &b), (Value::Int(_), Value::Int(_)));
                let quotient = x.wrapping_div(y);
                let floor = if x.wrapping_rem(y) != 0 && (x ^ y) < 0 { quotient - 1 } else { quotient };
                let v = if kind == MathKind::FloorMod { x.wrapping_sub(floor.wrapping_mul(y)) } else { floor };
                let v = if ints { v as i32 as i64 } else { v };
                if matches!((&a, &b), (Value::Int(_), Value::Int(_))) { Value::Int(v as i32) } else { Value::Long(v) }
            }
            B::MathFn(kind) => {
                let Some(x) = arg(0).as_f64() else {
                    return Err(Fault::Stop(format!("this function takes a number, found {}", self.type_name(&arg(0)))));
                };
                match kind {
                    MathKind::JavaRound => Value::Long(crate::methods::java_round(x) as i64),
                    MathKind::Round => Value::Double(x.round_ties_even()),
                    MathKind::Floor => Value::Double(x.floor()),
                    MathKind::Ceil => Value::Double(x.ceil()),
                    MathKind::FloorMod | MathKind::FloorDiv => unreachable!("served above"),
                    MathKind::Pow => match crate::methods::java_pow(x, arg(1).as_f64().unwrap_or(f64::NAN)) {
                        Some(v) => Value::Double(v),
                        None => return Err(Fault::Stop(crate::methods::POW_FRACTION.into())),
                    },
                }
            }
            B::CurrentTimeMillis => Value::Long(EPOCH_MS + (self.now / 1000) as i64),
            B::NanoTime => Value::Long(1_000_000_000 + (self.now * 1000) as i64),
            B::ThreadSleep => {
                let ms = self.int_arg(&arg(0), "sleep time")?;
                if ms < 0 {
                    let e = self.new_exception(ExcClass::IllegalArgumentException, Some("timeout value is negative"), None);
                    return Err(Fault::Throw(e));
                }
                if ms == 0 {
                    return Ok(Native::Value(Value::Unit));
                }
                let until = self.now + ms as u64 * 1000;
                self.threads[t.0 as usize].blocked = Some(Block::Sleep(until));
                self.strands[s.0 as usize].wait = Wait::Sleep { until };
                // Thread.sleep returns Unit when the thread wakes up.
                self.strands[s.0 as usize].resume = Some(Resume::Value { value: Value::Unit, cancellable: false });
                return Ok(Native::Block);
            }
            B::CurrentThread => {
                let o = match self.threads[t.0 as usize].object {
                    Some(o) => o,
                    None => {
                        let o = self.heap.alloc(HeapObj::Thread(t));
                        self.threads[t.0 as usize].object = Some(o);
                        o
                    }
                };
                Value::Obj(o)
            }
            B::DebugProbesInstall => {
                self.debug_probes = true;
                Value::Unit
            }
            B::DebugProbesUninstall => {
                self.debug_probes = false;
                Value::Unit
            }
            B::DebugProbesDump => {
                if !self.debug_probes {
                    let e = self.new_exception(ExcClass::IllegalStateException, Some("Debug probes are not installed"), None);
                    return Err(Fault::Throw(e));
                }
                let text = self.debug_dump(Some((s, &ex.frames)));
                let stderr = matches!(arg(0), Value::Const(Const::SystemErr));
                self.print(&text, stderr, false);
                Value::Unit
            }
            B::RandomNext(kind) => self.random(kind, &arg(0), &arg(1))?,
            B::ResultSuccess => Value::Obj(self.heap.alloc(HeapObj::Result(Ok(arg(0))))),
            B::ResultFailure => Value::Obj(self.heap.alloc(HeapObj::Result(Err(arg(0))))),
            B::SortByKeys => {
                let Value::Obj(o) = arg(0) else { return Err(Fault::Stop("sortedBy failed".into())) };
                // One key and whether it sorts descending, or (from a comparator with several
                // keys) a list of keys and a list of their directions, compared in turn.
                let directions: Vec<bool> = match arg(1) {
                    Value::Bool(d) => vec![d],
                    Value::Obj(d) => self.list_items(d).iter().map(|v| matches!(v, Value::Bool(true))).collect(),
                    _ => vec![false],
                };
                let keys_of = |k: &Value| -> Vec<Value> {
                    match k {
                        Value::Obj(ko) if directions.len() > 1 => self.list_items(*ko),
                        other => vec![other.clone()],
                    }
                };
                // The (keys, element) of each (key, element) pair the inlined loop made.
                let mut keyed: Vec<(Vec<Value>, Value)> = self
                    .list_items(o)
                    .iter()
                    .map(|p| match p {
                        Value::Obj(po) => match self.heap.get(*po) {
                            HeapObj::Pair(k, v) => (keys_of(k), v.clone()),
                            _ => (vec![Value::Null], Value::Null),
                        },
                        _ => (vec![Value::Null], Value::Null),
                    })
                    .collect();
                if let Some(r) = self.compare_sort_by(ex, &keyed, &directions) {
                    return r;
                }
                let mut err = None;
                crate::order::sort_by(&mut keyed, |a, c| {
                    for ((x, y), &desc) in a.0.iter().zip(&c.0).zip(&directions) {
                        let o = self.compare_nullable(x, y).unwrap_or_else(|e| {
                            err = Some(e);
                            std::cmp::Ordering::Equal
                        });
                        if o.is_ne() {
                            return if desc { o.reverse() } else { o };
                        }
                    }
                    std::cmp::Ordering::Equal
                });
                if let Some(e) = err {
                    return Err(e);
                }
                self.new_sorted_list(keyed.into_iter().map(|(_, v)| v).collect())
            }
            B::Repeat => return Err(Fault::Stop("repeat needs a lambda literal: repeat(n) { … }".into())),
            B::NewChannel => self.new_channel(&arg(0))?,
        };
        Ok(Native::Value(v))
    }

    /// Comparison where null sorts first, as `compareValues` does.
    pub(crate) fn compare_nullable(&self, a: &Value, b: &Value) -> Result<std::cmp::Ordering, Fault> {
        use std::cmp::Ordering;
        match (a.is_null(), b.is_null()) {
            (true, true) => Ok(Ordering::Equal),
            (true, false) => Ok(Ordering::Less),
            (false, true) => Ok(Ordering::Greater),
            _ => self.compare_total(a, b),
        }
    }

    #[inline(never)]
    fn random(&mut self, kind: RandomKind, a: &Value, b: &Value) -> Result<Value, Fault> {
        let (from, until) = match (Self::opt(a).and_then(|v| v.as_i64()), Self::opt(b).and_then(|v| v.as_i64())) {
            (Some(x), Some(y)) => (x, y),
            (Some(x), None) => (0, x),
            _ => (0, i64::from(i32::MAX)),
        };
        Ok(match kind {
            RandomKind::Double => Value::Double((self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64),
            RandomKind::Bool => Value::Bool(self.rng.next_u64() & 1 == 1),
            RandomKind::Int | RandomKind::Long => {
                if until <= from {
                    let e = self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("Random range is empty: [{from}, {until}).")), None);
                    return Err(Fault::Throw(e));
                }
                let v = from + self.rng.below((until - from) as u64) as i64;
                if kind == RandomKind::Int { Value::Int(v as i32) } else { Value::Long(v) }
            }
        })
    }

    /// `runBlocking`: runs a coroutine on an event loop of the calling thread and blocks
    /// the caller until it and its children are done.
    fn run_blocking(&mut self, t: ThreadId, s: StrandId, ctx_arg: &Value, block: &Value, span: Span) -> NResult {
        let closure = self.closure_of(block, "runBlocking")?;
        let mut ctx = self.to_context(ctx_arg)?;
        if ctx.dispatcher.is_none() {
            ctx.dispatcher = Some(self.event_loop_of(t));
        }
        let job = self.new_job(NewJob { class: JobClass::Blocking, parent_ctx: Rc::new(ctx), lazy: false, span });
        let jctx = self.job(job).ctx.clone();
        let label = self.job_label(job);
        let strand = self.new_strand(Some(job), closure, Some(Value::Scope(jctx.clone())), Vec::new(), label, jctx);
        self.jobs[job.0 as usize].strand = Some(strand);
        self.jobs[job.0 as usize].scope_owner = Some(s);
        self.dispatch(strand, Resume::Start { atomic: false });
        // The caller stays blocked on this thread, which serves the event loop meanwhile.
        self.leave_thread(t, s);
        self.threads[t.0 as usize].parked.push((s, job));
        self.threads[t.0 as usize].current = None;
        let st = &mut self.strands[s.0 as usize];
        st.state = StrandState::Blocked;
        st.wait = Wait::RunBlocking(job);
        let reason = self.wait_text(&Wait::RunBlocking(job));
        self.record(crate::trace::EventKind::Blocked { strand: s, reason });
        Ok(Native::Switch(Value::Absent))
    }

    /// The `DebugProbes.dumpCoroutines()` text: a header and, for every coroutine alive, its
    /// state and the frames where it is suspended, in creation order.
    pub fn debug_dump(&self, running: Option<(StrandId, &[Frame])>) -> String {
        let secs = self.now / 1_000_000;
        let (h, m, sec) = (secs / 3600, (secs / 60) % 60, secs % 60);
        let mut out = format!("Coroutines dump 2024/01/01 {:02}:{:02}:{:02}\n", h % 24, m, sec);
        for (i, job) in self.jobs.iter().enumerate() {
            if !job.class.is_coroutine() || job.class.is_scoped() && job.class != JobClass::Blocking || job.is_completed() {
                continue;
            }
            let j = JobId(i as u32);
            let Some(strand) = job.strand else { continue };
            let st = &self.strands[strand.0 as usize];
            let (state, frames) = if !job.started {
                ("CREATED", Vec::new())
            } else if Some(strand) == running.map(|r| r.0) {
                ("RUNNING", self.strand_frames(running.map(|r| r.1).unwrap_or(&[])))
            } else if st.state == StrandState::Running || st.state == StrandState::Blocked {
                ("RUNNING", self.strand_frames(&st.frames))
            } else {
                ("SUSPENDED", self.strand_frames(&st.frames))
            };
            let name = format!("\"{}#{}\":{}{{{}}}@{}", job.ctx.name.as_deref().unwrap_or("coroutine"), job.debug_id, job.class.class_name(), job.state().name(), crate::format::fake_hash(j.0 as u64 + 1000));
            out.push_str(&format!("\nCoroutine {name}, state: {state}\n"));
            // The frames are the program's own continuations: kotlinx.coroutines' suspending
            // functions (`delay`, `await`, `join`, `coroutineScope`, …) end in tail calls and
            // leave no frame of their own. The artificial creation frame stands in only for a
            // coroutine with no frame observed yet, its creation stack trace being empty since
            // `DebugProbes.enableCreationStackTraces` defaults to false (1.8).
            if frames.is_empty() {
                out.push_str("\tat _COROUTINE._CREATION._(CoroutineDebugging.kt)\n");
            }
            for f in frames {
                out.push_str(&format!("\tat {f}\n"));
            }
        }
        out
    }
}

/// Kotlin's `mapCapacity(expectedSize)`: the initial capacity `hashMapOf(pairs)` asks for, so
/// that the pairs fit without a resize.
impl World {
    /// A Java collection's constructor: `ArrayList()`, `HashSet(64)`, `HashMap(otherMap)`, ….
    /// An Int is an initial capacity, which a hash table rounds up to its table size; a
    /// collection or a map is copied, in its iteration order. A hash table sized for a copy
    /// holds it without resizing (`HashSet(c)` asks for `max(c.size / .75 + 1, 16)` buckets,
    /// `HashMap(m)` for `m.size / .75 + 1`).
    fn new_collection(&mut self, class: CollectionClass, initial: Option<Value>) -> Result<Value, Fault> {
        let is_map = matches!(class, CollectionClass::HashMap | CollectionClass::LinkedHashMap);
        let (items, entries, capacity): (Vec<Value>, Vec<(Value, Value)>, Option<u32>) = match &initial {
            None => (Vec::new(), Vec::new(), None),
            Some(Value::Int(n)) if *n >= 0 => (Vec::new(), Vec::new(), Some(*n as u32)),
            Some(Value::Int(n)) => return Err(Fault::Throw(self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("Illegal initial capacity: {n}")), None))),
            Some(Value::Obj(o)) => match self.heap.get(*o) {
                HeapObj::List(v) | HeapObj::Set(v) if !is_map => (v.clone(), Vec::new(), None),
                HeapObj::Map(e) if is_map => (Vec::new(), e.clone(), None),
                _ => return Err(Fault::Stop(format!("{} takes an initial capacity or a {} to copy, not {}", class.name(), if is_map { "map" } else { "collection" }, self.type_name(initial.as_ref().unwrap_or(&Value::Null))))),
            },
            Some(other) => return Err(Fault::Stop(format!("{} takes an initial capacity or a {} to copy, not {}", class.name(), if is_map { "map" } else { "collection" }, self.type_name(other)))),
        };
        let copied = initial.as_ref().is_some_and(|v| matches!(v, Value::Obj(_)));
        Ok(match class {
            CollectionClass::ArrayList => self.new_list(items),
            CollectionClass::LinkedHashSet | CollectionClass::HashSet => {
                let set = self.heap.alloc(HeapObj::Set(Vec::new()));
                if class == CollectionClass::HashSet {
                    let table = match capacity {
                        Some(c) => java_table_size_for(c),
                        None if copied => java_table_size_for(((items.len() as f32 / 0.75) as u32 + 1).max(16)),
                        None => 16,
                    };
                    self.heap.set_hash_table_size(set, table);
                }
                for x in items {
                    self.add_to_set(set, x);
                }
                Value::Obj(set)
            }
            CollectionClass::HashMap | CollectionClass::LinkedHashMap => {
                let map = self.heap.alloc(HeapObj::Map(Vec::new()));
                if class == CollectionClass::HashMap {
                    let table = match capacity {
                        Some(c) => java_table_size_for(c),
                        None if copied && !entries.is_empty() => java_table_size_for((entries.len() as f32 / 0.75 + 1.0) as u32),
                        None => 16,
                    };
                    self.heap.set_hash_table_size(map, table);
                }
                for (k, v) in entries {
                    self.set_index(Value::Obj(map), k, v)?;
                }
                Value::Obj(map)
            }
        })
    }
}

impl World {
    /// `toHashSet()`: a `HashSet` sized for the elements as Kotlin sizes it (`mapCapacity`),
    /// then filled in their order.
    pub(crate) fn hash_set_of(&mut self, items: Vec<Value>) -> NResult {
        let set = self.new_collection(CollectionClass::HashSet, Some(Value::Int(kotlin_map_capacity(items.len() as u32) as i32)))?;
        let Value::Obj(o) = set else { return Ok(Native::Value(set)) };
        for x in items {
            self.add_to_set(o, x);
        }
        Ok(Native::Value(set))
    }

    /// Adds an element to a set being built, unless it holds an equal one; a hash set keeps
    /// its table's order.
    fn add_to_set(&mut self, set: ObjId, x: Value) {
        let known = matches!(self.heap.get(set), HeapObj::Set(v) if v.iter().any(|y| self.equals(y, &x)));
        if !known {
            if let HeapObj::Set(v) = self.heap.get_mut(set) {
                v.push(x);
            }
            self.order_as_hash_set(set);
        }
    }
}

impl CollectionClass {
    /// The class's simple name.
    fn name(self) -> &'static str {
        match self {
            CollectionClass::ArrayList => "ArrayList",
            CollectionClass::HashSet => "HashSet",
            CollectionClass::LinkedHashSet => "LinkedHashSet",
            CollectionClass::HashMap => "HashMap",
            CollectionClass::LinkedHashMap => "LinkedHashMap",
        }
    }
}

fn kotlin_map_capacity(expected_size: u32) -> u32 {
    if expected_size < 3 {
        expected_size + 1
    } else if expected_size < 1 << 30 {
        expected_size + expected_size / 3
    } else {
        i32::MAX as u32
    }
}

/// Java's `HashMap.tableSizeFor`: the table size for an initial capacity, the next power of
/// two (at least 1).
fn java_table_size_for(capacity: u32) -> u32 {
    capacity.max(1).next_power_of_two().min(1 << 30)
}
