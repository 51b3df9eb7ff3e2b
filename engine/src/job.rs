//! Jobs: the state machine of kotlinx.coroutines' `JobSupport`, ported to the simulated world.
//!
//! A job is a coroutine (`launch`, `async`, `runBlocking`), a scope coroutine
//! (`coroutineScope`, `withContext`, `withTimeout`) or a plain `Job()`. The functions here follow
//! `JobSupport` closely — `cancelImpl`, `makeCancelling`, `notifyCancelling`, `cancelParent`,
//! `tryMakeCompletingSlowPath`, `tryWaitForChild`, `continueCompleting`,
//! `finalizeFinishingState` — because the order in which they act is what a program observes.

use std::rc::Rc;

use crate::exception::ExcClass;
use crate::lang::Span;
use crate::strand::{Resume, StrandState, Wait};
use crate::trace::{CancelOrigin, EventKind};
use crate::value::{Context, JobId, ObjId, StrandId, Value};
use crate::world::World;

/// The class of a job, as its `toString()` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JobClass {
    /// `launch`
    Standalone,
    /// `launch(start = LAZY)`
    LazyStandalone,
    /// `async`
    Deferred,
    /// `async(start = LAZY)`
    LazyDeferred,
    /// `runBlocking`
    Blocking,
    /// `coroutineScope`
    Scope,
    /// `supervisorScope`
    Supervisor,
    /// `withContext` to another dispatcher
    Dispatched,
    /// `withContext` on the same dispatcher
    Undispatched,
    /// `withTimeout`
    Timeout,
    /// `withTimeoutOrNull`
    TimeoutOrNull,
    /// `Job()`
    JobImpl,
    /// `SupervisorJob()`
    SupervisorJobImpl,
    /// `CompletableDeferred()`
    CompletableDeferred,
    /// `NonCancellable`
    NonCancellable,
    /// `produce`
    Producer,
}

impl JobClass {
    /// The simple class name used by `toString()`.
    pub fn class_name(self) -> &'static str {
        match self {
            JobClass::Standalone => "StandaloneCoroutine",
            JobClass::LazyStandalone => "LazyStandaloneCoroutine",
            JobClass::Deferred => "DeferredCoroutine",
            JobClass::LazyDeferred => "LazyDeferredCoroutine",
            JobClass::Blocking => "BlockingCoroutine",
            JobClass::Scope => "ScopeCoroutine",
            JobClass::Supervisor => "SupervisorCoroutine",
            JobClass::Dispatched => "DispatchedCoroutine",
            JobClass::Undispatched => "UndispatchedCoroutine",
            JobClass::Timeout | JobClass::TimeoutOrNull => "TimeoutCoroutine",
            JobClass::JobImpl => "JobImpl",
            JobClass::SupervisorJobImpl => "SupervisorJobImpl",
            JobClass::CompletableDeferred => "CompletableDeferredImpl",
            JobClass::NonCancellable => "NonCancellable",
            JobClass::Producer => "ProducerCoroutine",
        }
    }

    /// The builder a learner wrote, for views: `launch`, `async`, `coroutineScope`, `Job()`, ….
    pub fn builder(self) -> &'static str {
        match self {
            JobClass::Standalone | JobClass::LazyStandalone => "launch",
            JobClass::Deferred | JobClass::LazyDeferred => "async",
            JobClass::Blocking => "runBlocking",
            JobClass::Scope => "coroutineScope",
            JobClass::Supervisor => "supervisorScope",
            JobClass::Dispatched | JobClass::Undispatched => "withContext",
            JobClass::Timeout => "withTimeout",
            JobClass::TimeoutOrNull => "withTimeoutOrNull",
            JobClass::JobImpl => "Job()",
            JobClass::SupervisorJobImpl => "SupervisorJob()",
            JobClass::CompletableDeferred => "CompletableDeferred()",
            JobClass::NonCancellable => "NonCancellable",
            JobClass::Producer => "produce",
        }
    }

    /// Coroutines that rethrow to their caller instead of failing their parent.
    pub fn is_scoped(self) -> bool {
        matches!(self, JobClass::Blocking | JobClass::Scope | JobClass::Supervisor | JobClass::Dispatched | JobClass::Undispatched | JobClass::Timeout | JobClass::TimeoutOrNull)
    }

    /// Jobs whose children fail on their own.
    pub fn is_supervisor(self) -> bool {
        matches!(self, JobClass::Supervisor | JobClass::SupervisorJobImpl)
    }

    /// Jobs with a body (coroutines), as opposed to `Job()` and `CompletableDeferred()`.
    pub fn is_coroutine(self) -> bool {
        !matches!(self, JobClass::JobImpl | JobClass::SupervisorJobImpl | JobClass::CompletableDeferred | JobClass::NonCancellable)
    }

    /// Jobs that hold a value for `await()`.
    pub fn is_deferred(self) -> bool {
        matches!(self, JobClass::Deferred | JobClass::LazyDeferred | JobClass::CompletableDeferred)
    }
}

/// The states of `Job.kt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JobState {
    /// Created with `start = LAZY`, not started.
    New,
    /// Running.
    Active,
    /// The body is done; waiting for children.
    Completing,
    /// Cancelled or failed; finishing the body and waiting for children.
    Cancelling,
    /// Final: cancelled or failed.
    Cancelled,
    /// Final: completed normally.
    Completed,
}

impl JobState {
    /// The name `toString()` uses.
    pub fn name(self) -> &'static str {
        match self {
            JobState::New => "New",
            JobState::Active => "Active",
            JobState::Completing => "Completing",
            JobState::Cancelling => "Cancelling",
            JobState::Cancelled => "Cancelled",
            JobState::Completed => "Completed",
        }
    }

    /// Cancelled or Completed.
    pub fn is_final(self) -> bool {
        matches!(self, JobState::Cancelled | JobState::Completed)
    }
}

/// Something registered on a job, invoked when it starts cancelling or completes.
#[derive(Debug, Clone, PartialEq)]
pub enum Handler {
    /// A strand suspended cancellably in this job, resumed with a CancellationException
    /// when this job starts cancelling.
    Suspended(StrandId),
    /// A strand waiting in `join`, `await`, `joinAll` or `awaitAll`, resumed on completion.
    Waiter(StrandId),
    /// A parent waiting for this child to complete (`ChildCompletion`).
    ParentWaiting(JobId),
    /// An `invokeOnCompletion { }` callback.
    Callback(ObjId),
}

/// A job.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its class.
    pub class: JobClass,
    /// Its parent, if it is attached to one.
    pub parent: Option<JobId>,
    /// Whether it is linked to the parent (as a child the parent waits for and cancels).
    pub linked: bool,
    /// The parent its context had but it is not linked to: an island (a `Job()` passed to
    /// `launch`) or a scope it was launched from.
    pub would_be_parent: Option<JobId>,
    /// Every child ever linked to it, in attachment order; the complete ones are skipped
    /// where only live children matter.
    pub children: Vec<JobId>,
    /// Children before this index are complete: where the search for a child to wait for
    /// starts.
    pub wait_cursor: usize,
    /// Handlers in registration order.
    pub handlers: Vec<Handler>,
    /// Started (false only for LAZY jobs not yet started).
    pub started: bool,
    /// `Finishing.isCompleting`: the body is done (or `complete()` was called).
    pub completing: bool,
    /// `Finishing.rootCause`: set once it is cancelling.
    pub root_cause: Option<Value>,
    /// Other exceptions collected while finishing.
    pub exceptions: Vec<Value>,
    /// The proposed result when the body finished: a value or an exception.
    pub proposed: Option<Result<Value, Value>>,
    /// Final state, once sealed.
    pub final_state: Option<Result<Value, Value>>,
    /// The child it is currently waiting for.
    pub waiting_child: Option<JobId>,
    /// The strand running its body.
    pub strand: Option<StrandId>,
    /// The strand waiting for this scope or runBlocking coroutine.
    pub scope_owner: Option<StrandId>,
    /// Its context (its own job included).
    pub ctx: Rc<Context>,
    /// The debug id: `coroutine#N`.
    pub debug_id: u32,
    /// Whether it handles child exceptions (JobImpl's `handlesException`).
    pub handles_exception: bool,
    /// Where it was created.
    pub span: Span,
    /// The strand that created it.
    pub creator: Option<StrandId>,
    /// Virtual time of creation and completion, in microseconds.
    pub created_at: u64,
    /// Virtual time it reached a final state.
    pub completed_at: Option<u64>,
    /// The exception it reported to a handler or as uncaught, if any.
    pub reported: Option<Value>,
    /// For timeouts: the milliseconds, for the exception message.
    pub timeout_ms: Option<i64>,
    /// For timeouts: the pending timer.
    pub timer: Option<(u64, u64)>,
    /// The start mode was ATOMIC.
    pub atomic: bool,
}

impl Job {
    /// A started job with no parent, child, handler or history yet.
    pub fn new(class: JobClass, ctx: Rc<Context>, span: Span) -> Job {
        Job {
            class,
            parent: None,
            linked: false,
            would_be_parent: None,
            children: Vec::new(),
            wait_cursor: 0,
            handlers: Vec::new(),
            started: true,
            completing: false,
            root_cause: None,
            exceptions: Vec::new(),
            proposed: None,
            final_state: None,
            waiting_child: None,
            strand: None,
            scope_owner: None,
            ctx,
            debug_id: 0,
            handles_exception: true,
            span,
            creator: None,
            created_at: 0,
            completed_at: None,
            reported: None,
            timeout_ms: None,
            timer: None,
            atomic: false,
        }
    }

    /// The state as `Job.kt` names it.
    pub fn state(&self) -> JobState {
        match &self.final_state {
            Some(Ok(_)) => JobState::Completed,
            Some(Err(_)) => JobState::Cancelled,
            None if self.root_cause.is_some() => JobState::Cancelling,
            None if self.completing => JobState::Completing,
            None if !self.started => JobState::New,
            None => JobState::Active,
        }
    }

    /// `isActive`
    pub fn is_active(&self) -> bool {
        matches!(self.state(), JobState::Active | JobState::Completing)
    }

    /// `isCompleted`
    pub fn is_completed(&self) -> bool {
        self.final_state.is_some()
    }

    /// `isCancelled`
    pub fn is_cancelled(&self) -> bool {
        matches!(self.final_state, Some(Err(_))) || self.root_cause.is_some()
    }
}

/// What a job is cancelled with (`cancelImpl`'s `cause: Any?`).
#[derive(Debug, Clone)]
pub enum Cause {
    /// An exception.
    Exception(Value),
    /// Its parent is cancelling: the cause is derived from the parent's state.
    Parent(JobId),
    /// No cause given: the default cancellation exception.
    Default,
}

/// How a job was created.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// Its class.
    pub class: JobClass,
    /// The context it inherits (its parent is this context's job).
    pub parent_ctx: Rc<Context>,
    /// Whether it starts in New (LAZY).
    pub lazy: bool,
    /// Where it was created.
    pub span: Span,
}

impl World {
    /// Creates a job and attaches it to the job of `parent_ctx`, as `AbstractCoroutine`'s
    /// `initParentJob` does. The job's context is the parent context with the job itself.
    pub fn new_job(&mut self, spec: NewJob) -> JobId {
        let id = JobId(self.jobs.len() as u32);
        let parent = spec.parent_ctx.job;
        let ctx = spec.parent_ctx.with_job(id);
        self.next_coroutine_id += u32::from(spec.class.is_coroutine() && !spec.class.is_scoped() || spec.class == JobClass::Blocking);
        let debug_id = self.next_coroutine_id;
        let handles_exception = match spec.class {
            JobClass::JobImpl | JobClass::SupervisorJobImpl => {
                // A Job() handles its children's exceptions only when an ancestor does.
                let mut p = parent.filter(|p| *p != JobId::NON_CANCELLABLE);
                let mut handles = false;
                while let Some(pj) = p {
                    let job = &self.jobs[pj.0 as usize];
                    if job.handles_exception {
                        handles = true;
                        break;
                    }
                    p = if job.linked { job.parent } else { None };
                }
                handles
            }
            _ => true,
        };
        let mut job = Job::new(spec.class, Rc::new(ctx), spec.span);
        job.parent = parent;
        job.started = !spec.lazy;
        job.debug_id = debug_id;
        job.handles_exception = handles_exception;
        job.creator = self.current_strand;
        job.created_at = self.now;
        self.jobs.push(job);
        self.live_jobs += u64::from(spec.class.is_coroutine());
        self.record(EventKind::JobCreated { job: id, parent, class: spec.class, name: self.jobs[id.0 as usize].ctx.name.as_deref().map(str::to_string) });
        if let Some(p) = parent {
            self.attach_child(p, id);
        }
        id
    }

    /// The job.
    pub fn job(&self, id: JobId) -> &Job {
        &self.jobs[id.0 as usize]
    }

    fn job_mut(&mut self, id: JobId) -> &mut Job {
        &mut self.jobs[id.0 as usize]
    }

    /// `parent.attachChild(child)`: links the child so the parent cancels it and waits for it.
    fn attach_child(&mut self, parent: JobId, child: JobId) {
        if parent == JobId::NON_CANCELLABLE {
            self.job_mut(child).would_be_parent = Some(parent);
            return;
        }
        self.start_job(parent);
        let p = self.job(parent);
        let final_ = p.is_completed();
        let cancelling = p.root_cause.is_some();
        let completing = p.completing;
        if final_ || (cancelling && completing) {
            // Too late to become a child: it is cancelled at once and nobody waits for it.
            self.job_mut(child).would_be_parent = Some(parent);
            self.cancel_impl(child, Cause::Parent(parent), CancelOrigin::Parent(parent));
            return;
        }
        let c = self.job_mut(child);
        c.linked = true;
        let p = self.job_mut(parent);
        p.children.push(child);
        if cancelling {
            self.cancel_impl(child, Cause::Parent(parent), CancelOrigin::Parent(parent));
        }
    }

    /// Starts a LAZY job: `start()`, and `join()`/`await()` on a New job.
    pub fn start_job(&mut self, id: JobId) -> bool {
        let j = self.job(id);
        if j.started || j.is_completed() {
            return false;
        }
        self.job_mut(id).started = true;
        self.record(EventKind::JobState { job: id, state: JobState::Active });
        if let Some(s) = self.job(id).strand {
            let atomic = self.job(id).atomic;
            self.dispatch(s, Resume::Start { atomic });
        }
        true
    }

    // ----- Cancellation -----

    /// `job.cancel(cause)` from a program.
    pub fn cancel_job(&mut self, id: JobId, cause: Option<Value>) {
        let cause = match cause {
            Some(c) => Cause::Exception(c),
            None => Cause::Default,
        };
        let origin = CancelOrigin::Explicit(self.current_strand.and_then(|s| self.strands[s.0 as usize].job));
        self.cancel_impl(id, cause, origin);
    }

    /// The exception a cause stands for (`createCauseException`).
    fn cause_exception(&mut self, id: JobId, cause: &Cause) -> Value {
        match cause {
            Cause::Exception(e) => e.clone(),
            Cause::Parent(p) => self.child_cancellation_cause(*p),
            Cause::Default => self.default_cancellation(id),
        }
    }

    /// `defaultCancellationException()`: "StandaloneCoroutine was cancelled" for coroutines,
    /// "Job was cancelled" for plain jobs.
    fn default_cancellation(&mut self, id: JobId) -> Value {
        let class = self.job(id).class;
        let msg = if class.is_coroutine() { format!("{} was cancelled", class.class_name()) } else { "Job was cancelled".to_string() };
        self.new_job_cancellation(&msg, None, id)
    }

    /// `getChildJobCancellationCause()`: what a child of a cancelling parent receives.
    pub fn child_cancellation_cause(&mut self, parent: JobId) -> Value {
        let p = self.job(parent);
        let root = match &p.final_state {
            Some(Err(e)) => Some(e.clone()),
            Some(Ok(_)) => None,
            None => p.root_cause.clone(),
        };
        if let Some(r) = &root {
            if self.is_cancellation(r) {
                return r.clone();
            }
        }
        let state = self.job(parent).state().name();
        self.new_job_cancellation(&format!("Parent job is {state}"), root, parent)
    }

    /// `getCancellationException()`: what `join`, `ensureActive` and suspension points in a
    /// cancelled coroutine throw.
    pub fn cancellation_exception(&mut self, id: JobId) -> Value {
        let j = self.job(id);
        let class = j.class;
        let root = match &j.final_state {
            Some(Err(e)) => Some(e.clone()),
            Some(Ok(_)) => None,
            None => j.root_cause.clone(),
        };
        let name = if class.is_coroutine() { class.class_name() } else { "Job" };
        match root {
            Some(r) if self.is_cancellation(&r) => r,
            Some(r) => {
                let msg = if self.job(id).is_completed() { format!("{name} was cancelled") } else { format!("{name} is cancelling") };
                self.new_job_cancellation(&msg, Some(r), id)
            }
            None => {
                let msg = format!("{name} has completed normally");
                self.new_job_cancellation(&msg, None, id)
            }
        }
    }

    /// True for CancellationException values.
    pub fn is_cancellation(&self, v: &Value) -> bool {
        self.exception_class(v).is_some_and(|c| c.is_cancellation())
    }

    /// `cancelImpl(cause)`: returns whether the cancellation was accepted.
    pub fn cancel_impl(&mut self, id: JobId, cause: Cause, origin: CancelOrigin) -> bool {
        if id == JobId::NON_CANCELLABLE {
            return false;
        }
        let class = self.job(id).class;
        // Jobs without a body complete when cancelled (`onCancelComplete`).
        if !class.is_coroutine() {
            let j = self.job(id);
            if j.is_completed() || j.completing {
                // Already completing: collect the exception like makeCancelling does.
            } else {
                let exc = self.cause_exception(id, &cause);
                self.record_cancel(id, &exc, origin);
                let r = self.try_make_completing(id, Err(exc));
                return !matches!(r, Completing::Already);
            }
        }
        self.make_cancelling(id, cause, origin)
    }

    fn record_cancel(&mut self, id: JobId, exc: &Value, origin: CancelOrigin) {
        let cause = self.exception_to_string(exc);
        self.record(EventKind::CancelRequested { job: id, cause, origin });
    }

    /// `makeCancelling`.
    fn make_cancelling(&mut self, id: JobId, cause: Cause, origin: CancelOrigin) -> bool {
        let j = self.job(id);
        if j.is_completed() {
            return false;
        }
        let started = j.started;
        if j.root_cause.is_some() || j.completing {
            // Already finishing: collect the exception.
            let was_cancelling = j.root_cause.is_some();
            let has_cause = !matches!(cause, Cause::Default);
            if has_cause || !was_cancelling {
                let exc = self.cause_exception(id, &cause);
                self.add_exception(id, exc.clone());
                if !was_cancelling {
                    self.record_cancel(id, &exc, origin);
                    self.record(EventKind::JobState { job: id, state: JobState::Cancelling });
                    self.notify_cancelling(id, exc);
                }
            }
            return true;
        }
        let exc = self.cause_exception(id, &cause);
        if !started {
            // A New job completes at once, cancelled, without running its body.
            self.record_cancel(id, &exc, origin);
            self.try_make_completing(id, Err(exc));
            return true;
        }
        self.record_cancel(id, &exc, origin);
        self.job_mut(id).root_cause = Some(exc.clone());
        self.record(EventKind::JobState { job: id, state: JobState::Cancelling });
        self.notify_cancelling(id, exc);
        true
    }

    /// `Finishing.addExceptionLocked`.
    fn add_exception(&mut self, id: JobId, exc: Value) {
        let j = self.job_mut(id);
        match &j.root_cause {
            None => j.root_cause = Some(exc),
            Some(r) if *r == exc => {}
            Some(_) => {
                if !j.exceptions.contains(&exc) {
                    j.exceptions.push(exc);
                }
            }
        }
    }

    /// `notifyCancelling`: cancel the children (in the order they were attached), then the
    /// suspended body, then tell the parent. kotlinx.coroutines notifies in registration
    /// order; a body's suspension registers after the children it launched before it.
    fn notify_cancelling(&mut self, id: JobId, cause: Value) {
        let start = self.job(id).wait_cursor;
        let children: Vec<JobId> = self.job(id).children[start..].to_vec();
        for c in children {
            if !self.job(c).is_completed() {
                self.cancel_impl(c, Cause::Parent(id), CancelOrigin::Parent(id));
            }
        }
        let handlers = self.job(id).handlers.clone();
        for h in handlers {
            if let Handler::Suspended(s) = h {
                self.cancel_suspended_strand(s, id);
            }
        }
        self.job_mut(id).handlers.retain(|h| !matches!(h, Handler::Suspended(_)));
        self.cancel_parent(id, &cause);
    }

    /// Resumes a strand suspended cancellably in job `id` with the job's cancellation
    /// exception.
    fn cancel_suspended_strand(&mut self, s: StrandId, id: JobId) {
        let st = &self.strands[s.0 as usize];
        if st.state != StrandState::Suspended || st.cancel_registered != Some(id) {
            return;
        }
        // An `await` on a failing deferred throws that deferred's exception
        // (AwaitContinuation.getContinuationCancellationCause).
        let awaited = match &self.strands[s.0 as usize].wait {
            Wait::Await(j) => {
                let jb = self.job(*j);
                match &jb.final_state {
                    Some(Err(e)) => Some(e.clone()),
                    Some(Ok(_)) => None,
                    None => jb.root_cause.clone(),
                }
            }
            _ => None,
        };
        let exc = match awaited {
            Some(e) => e,
            None => self.cancellation_exception(id),
        };
        self.abandon_wait(s);
        self.dispatch(s, Resume::Throw(exc));
    }

    /// `cancelParent`: returns true when the exception is handled by the parent (or is a
    /// cancellation, which needs no handling).
    fn cancel_parent(&mut self, id: JobId, cause: &Value) -> bool {
        let j = self.job(id);
        if j.class.is_scoped() {
            return true;
        }
        let is_cancellation = self.is_cancellation(cause);
        let parent = if j.linked { j.parent } else { None };
        let Some(parent) = parent else { return is_cancellation };
        self.child_cancelled(parent, id, cause) || is_cancellation
    }

    /// `childCancelled`: a child failed or was cancelled; returns whether the parent took
    /// the exception.
    fn child_cancelled(&mut self, parent: JobId, child: JobId, cause: &Value) -> bool {
        if self.is_cancellation(cause) {
            return true;
        }
        if self.job(parent).class.is_supervisor() {
            return false;
        }
        let accepted = self.cancel_impl(parent, Cause::Exception(cause.clone()), CancelOrigin::Child(child));
        accepted && self.job(parent).handles_exception
    }

    // ----- Completion -----

    /// The body of a coroutine finished with a value or an exception (`makeCompletingOnce`).
    pub fn body_finished(&mut self, id: JobId, result: Result<Value, Value>) -> Completing {
        if let Err(e) = &result {
            if !self.is_cancellation(e) {
                let text = self.exception_to_string(e);
                self.record(EventKind::Failed { job: id, exception: text });
            }
        }
        self.try_make_completing(id, result)
    }

    /// `Job.complete()` / `CompletableDeferred.complete(v)` / `completeExceptionally(e)`.
    pub fn complete_job(&mut self, id: JobId, result: Result<Value, Value>) -> bool {
        let j = self.job(id);
        if j.is_completed() || j.completing {
            return false;
        }
        !matches!(self.try_make_completing(id, result), Completing::Already)
    }

    /// `tryMakeCompletingSlowPath`.
    fn try_make_completing(&mut self, id: JobId, proposed: Result<Value, Value>) -> Completing {
        let j = self.job(id);
        if j.is_completed() || j.completing {
            return Completing::Already;
        }
        let was_cancelling = j.root_cause.is_some();
        self.job_mut(id).completing = true;
        self.job_mut(id).started = true;
        if let Err(e) = &proposed {
            self.add_exception(id, e.clone());
        }
        self.job_mut(id).proposed = Some(proposed);
        let state = self.job(id).state();
        self.record(EventKind::JobState { job: id, state });
        if !was_cancelling {
            if let Some(root) = self.job(id).root_cause.clone() {
                self.notify_cancelling(id, root);
            }
        }
        if self.wait_for_next_child(id, None) {
            return Completing::WaitingChildren;
        }
        Completing::Done(self.finalize(id))
    }

    /// `tryWaitForChild`: registers on the first incomplete child, in attachment order.
    /// Returns false when there is none left.
    fn wait_for_next_child(&mut self, id: JobId, _after: Option<JobId>) -> bool {
        let mut i = self.job(id).wait_cursor;
        let n = self.job(id).children.len();
        while i < n {
            let c = self.job(id).children[i];
            if !self.job(c).is_completed() {
                self.job_mut(c).handlers.push(Handler::ParentWaiting(id));
                let p = self.job_mut(id);
                p.waiting_child = Some(c);
                p.wait_cursor = i;
                return true;
            }
            i += 1;
        }
        let p = self.job_mut(id);
        p.wait_cursor = i;
        p.waiting_child = None;
        false
    }

    /// Children attached and not yet complete, in attachment order.
    pub fn live_children(&self, id: JobId) -> Vec<JobId> {
        let j = self.job(id);
        j.children[j.wait_cursor.min(j.children.len())..].iter().copied().filter(|c| !self.job(*c).is_completed()).collect()
    }

    /// `continueCompleting`: a child the parent waited for completed.
    fn continue_completing(&mut self, id: JobId, child: JobId) {
        if self.job(id).is_completed() {
            return;
        }
        if self.wait_for_next_child(id, Some(child)) {
            return;
        }
        let result = self.finalize(id);
        self.after_completion(id, result, true);
    }

    /// `finalizeFinishingState`: seals the exceptions, picks the final cause, reports an
    /// unhandled failure, enters the final state and notifies everything registered.
    fn finalize(&mut self, id: JobId) -> Result<Value, Value> {
        let j = self.job(id);
        let proposed = j.proposed.clone().unwrap_or(Ok(Value::Unit));
        let mut exceptions: Vec<Value> = Vec::new();
        if let Some(r) = &j.root_cause {
            exceptions.push(r.clone());
        }
        exceptions.extend(j.exceptions.iter().cloned());
        if let Err(p) = &proposed {
            if Some(p) != j.root_cause.as_ref() && !exceptions.contains(p) {
                exceptions.push(p.clone());
            }
        }
        let was_cancelling = j.root_cause.is_some();
        // getFinalRootCause: the first real exception, else the first cancellation.
        let final_cause = if exceptions.is_empty() {
            if was_cancelling { Some(self.default_cancellation(id)) } else { None }
        } else {
            let first_real = exceptions.iter().find(|e| !self.is_cancellation(e)).cloned();
            Some(first_real.unwrap_or_else(|| exceptions[0].clone()))
        };
        // addSuppressedExceptions: other distinct real exceptions.
        if let Some(root) = &final_cause {
            if exceptions.len() > 1 {
                let mut seen: Vec<Value> = Vec::new();
                for e in &exceptions {
                    if e != root && !self.is_cancellation(e) && !seen.contains(e) {
                        seen.push(e.clone());
                        self.add_suppressed(root, e.clone());
                    }
                }
            }
        }
        let final_state = match &final_cause {
            Some(e) => Err(e.clone()),
            None => proposed,
        };
        if let Err(e) = &final_state {
            let handled = self.cancel_parent(id, e) || self.handle_job_exception(id, e);
            let _ = handled;
        }
        let now = self.now;
        let j = self.job_mut(id);
        j.final_state = Some(final_state.clone());
        j.completed_at = Some(now);
        let state = j.state();
        let class = j.class;
        if class.is_coroutine() {
            self.live_jobs = self.live_jobs.saturating_sub(1);
        }
        self.record(EventKind::JobState { job: id, state });
        // Its timeout timer, if any, is no longer pending (see `World::timer_pending`).
        self.job_mut(id).timer = None;
        // A producer closes its channel (`onCompleted` / `onCancelled`) before anyone
        // waiting for the job hears of its completion.
        if class == JobClass::Producer {
            self.producer_completed(id, &final_state);
        }
        // completeStateFinalization: (the parent skips complete children) then notify.
        self.notify_completion(id);
        final_state
    }

    /// Invokes completion handlers in registration order.
    fn notify_completion(&mut self, id: JobId) {
        let handlers = std::mem::take(&mut self.job_mut(id).handlers);
        for h in handlers {
            match h {
                Handler::Waiter(s) => self.waiter_job_done(s, id),
                Handler::ParentWaiting(p) => self.continue_completing(p, id),
                Handler::Callback(closure) => {
                    let cause = match self.job(id).final_state.clone() {
                        Some(Err(e)) => e,
                        _ => Value::Null,
                    };
                    let ctx = self.job(id).ctx.clone();
                    self.run_handler_closure(closure, vec![cause], ctx, "invokeOnCompletion");
                }
                Handler::Suspended(_) => {}
            }
        }
    }

    /// `handleJobException`: launch reports an unhandled failure to the context's
    /// CoroutineExceptionHandler or, without one, as an uncaught exception of its thread.
    fn handle_job_exception(&mut self, id: JobId, exc: &Value) -> bool {
        if !matches!(self.job(id).class, JobClass::Standalone | JobClass::LazyStandalone) {
            return false;
        }
        self.job_mut(id).reported = Some(exc.clone());
        let ctx = self.job(id).ctx.clone();
        let text = self.exception_to_string(exc);
        self.record(EventKind::HandlerInvoked { job: id, exception: text.clone(), uncaught: ctx.handler.is_none() });
        match ctx.handler {
            Some(h) => {
                let ctx_value = Value::Ctx(ctx.clone());
                self.run_handler_closure(h, vec![ctx_value, exc.clone()], ctx, "CoroutineExceptionHandler");
            }
            None => {
                // kotlinx.coroutines 1.9 adds the coroutine's context to what it reports.
                let text = self.to_kstring(&Value::Ctx(ctx));
                let diagnostic = self.new_exception(crate::exception::ExcClass::DiagnosticCoroutineContextException, Some(&text), None);
                self.add_suppressed(exc, diagnostic);
                self.uncaught(exc)
            }
        }
        true
    }

    /// After a scoped coroutine completes: resume the strand that waits for it.
    /// `from_child` is set when the last child's completion finished it.
    pub fn after_completion(&mut self, id: JobId, result: Result<Value, Value>, from_child: bool) {
        let _ = result;
        let Some(owner) = self.job(id).scope_owner else { return };
        let class = self.job(id).class;
        if class == JobClass::Blocking {
            self.unpark_blocking(owner, id);
            return;
        }
        let st = &self.strands[owner.0 as usize];
        if st.state != StrandState::Suspended {
            return;
        }
        self.strands[owner.0 as usize].wait = Wait::None;
        // The caller continues in its own context (and on its own dispatcher).
        if let Some(crate::strand::Frame::Scope(sf)) = self.strands[owner.0 as usize].frames.last_mut() {
            if !sf.ctx_popped {
                sf.ctx_popped = true;
                self.strands[owner.0 as usize].ctx_stack.pop();
            }
        }
        let immediate = class == JobClass::Undispatched && !from_child;
        if immediate {
            self.resume_now(owner, Resume::ScopeDone);
        } else {
            self.dispatch(owner, Resume::ScopeDone);
        }
    }

    /// A job a strand waits for (join, await, joinAll, awaitAll) completed.
    fn waiter_job_done(&mut self, s: StrandId, id: JobId) {
        let st = &self.strands[s.0 as usize];
        if st.state != StrandState::Suspended {
            return;
        }
        let wait = st.wait.clone();
        let result = self.job(id).final_state.clone().unwrap_or(Ok(Value::Unit));
        match wait {
            Wait::Join(j) if j == id => {
                self.end_wait(s);
                self.dispatch(s, Resume::Value { value: Value::Unit, cancellable: true });
            }
            Wait::Await(j) if j == id => {
                self.end_wait(s);
                let resume = match result {
                    Ok(v) => Resume::Value { value: v, cancellable: true },
                    Err(e) => Resume::Throw(e),
                };
                self.dispatch(s, resume);
            }
            Wait::All { jobs, collect: true, .. } => {
                // awaitAll fails with the first deferred that fails, and otherwise returns
                // every value in order once all are done.
                if let Err(e) = result {
                    self.abandon_wait(s);
                    self.dispatch(s, Resume::Throw(e));
                    return;
                }
                if jobs.iter().all(|j| self.job(*j).is_completed()) {
                    let values: Vec<Value> = jobs.iter().map(|j| self.job(*j).final_state.clone().and_then(|r| r.ok()).unwrap_or(Value::Unit)).collect();
                    self.abandon_wait(s);
                    let v = self.new_list(values);
                    self.dispatch(s, Resume::Value { value: v, cancellable: true });
                }
            }
            Wait::All { mut jobs, values, collect: false } => {
                // joinAll joins one job after another.
                if jobs.first() != Some(&id) {
                    return;
                }
                jobs.remove(0);
                while jobs.first().is_some_and(|j| self.job(*j).is_completed()) {
                    jobs.remove(0);
                }
                match jobs.first() {
                    Some(&next) => {
                        self.job_mut(next).handlers.push(Handler::Waiter(s));
                        self.strands[s.0 as usize].wait = Wait::All { jobs, values, collect: false };
                    }
                    None => {
                        self.end_wait(s);
                        self.dispatch(s, Resume::Value { value: Value::Unit, cancellable: true });
                    }
                }
            }
            _ => {}
        }
    }

    /// Ends a cancellable wait: the strand no longer listens for its job's cancellation.
    pub fn end_wait(&mut self, s: StrandId) {
        if let Some(j) = self.strands[s.0 as usize].cancel_registered.take() {
            self.job_mut(j).handlers.retain(|h| *h != Handler::Suspended(s));
        }
        self.strands[s.0 as usize].wait = Wait::None;
    }

    /// Abandons whatever a cancelled strand waited for: timers, waiter registrations, lock
    /// queues.
    pub fn abandon_wait(&mut self, s: StrandId) {
        let wait = std::mem::replace(&mut self.strands[s.0 as usize].wait, Wait::None);
        self.strands[s.0 as usize].cancel_registered = None;
        // Its delay timer, if any, is no longer pending (see `World::timer_pending`).
        self.strands[s.0 as usize].timer = None;
        match wait {
            Wait::Join(j) | Wait::Await(j) => {
                self.job_mut(j).handlers.retain(|h| *h != Handler::Waiter(s));
            }
            Wait::All { jobs, .. } => {
                for j in jobs {
                    self.job_mut(j).handlers.retain(|h| *h != Handler::Waiter(s));
                }
            }
            Wait::Mutex(m) | Wait::Semaphore(m) => self.remove_lock_waiter(m, s),
            Wait::Send(c) | Wait::Receive(c) => self.remove_channel_waiter(c, s),
            _ => {}
        }
    }

    /// Suspends the running strand cancellably in its current job: a cancellation of that
    /// job resumes it with a CancellationException. Returns the exception to throw right
    /// away if the job is already cancelled.
    pub fn register_cancellable(&mut self, s: StrandId) -> Option<Value> {
        let job = self.current_ctx(s).job?;
        if job == JobId::NON_CANCELLABLE {
            return None;
        }
        let j = self.job(job);
        if !j.is_active() && j.started {
            return Some(self.cancellation_exception(job));
        }
        if j.is_completed() {
            return None;
        }
        self.job_mut(job).handlers.push(Handler::Suspended(s));
        self.strands[s.0 as usize].cancel_registered = Some(job);
        None
    }

    /// The JobCancellationException carried by a new exception object.
    pub fn new_job_cancellation(&mut self, message: &str, cause: Option<Value>, job: JobId) -> Value {
        let v = self.new_exception(ExcClass::JobCancellationException, Some(message), cause);
        if let Value::Obj(o) = &v {
            if let crate::value::HeapObj::Exception(e) = self.heap.get_mut(*o) {
                e.job = Some(job);
            }
        }
        v
    }
}

/// The outcome of `tryMakeCompleting`.
#[derive(Debug, Clone, PartialEq)]
pub enum Completing {
    /// It was already completing or complete.
    Already,
    /// It waits for children.
    WaitingChildren,
    /// It reached its final state.
    Done(Result<Value, Value>),
}
