//! Strands: one chain of frames with its own value stack. A coroutine's body runs on a
//! strand; so does a thread's plain code (`main`). A strand moves between threads and queues,
//! and can stop after any statement or at any suspension point.

use std::rc::Rc;

use crate::bytecode::FuncId;
use crate::value::{Context, JobId, ObjId, ThreadId, Value};

/// A strand's frames, stack and scheduling state.
#[derive(Debug, Clone)]
pub struct Strand {
    /// The coroutine whose body this strand runs; `None` for plain thread code.
    pub job: Option<JobId>,
    /// Call frames, innermost last.
    pub frames: Vec<Frame>,
    /// Locals and operands of all frames.
    pub stack: Vec<Value>,
    /// Where it is in its life.
    pub state: StrandState,
    /// What it receives when it runs next.
    pub resume: Option<Resume>,
    /// The thread it is running or blocked on.
    pub thread: Option<ThreadId>,
    /// Monitors (`synchronized` locks) it holds, innermost last.
    pub monitors: Vec<ObjId>,
    /// What it waits for while suspended or blocked.
    pub wait: Wait,
    /// The job on whose cancellation it is registered while suspended cancellably.
    pub cancel_registered: Option<JobId>,
    /// The base context when it runs no coroutine (handlers run in their coroutine's context).
    pub base_ctx: Rc<Context>,
    /// The pending `delay` timer, removed if the strand is cancelled first.
    pub timer: Option<(u64, u64)>,
    /// A label for views: `main`, the coroutine's name, or the handler it runs.
    pub label: String,
    /// Contexts of the scopes it is inside, innermost last (mirrors its scope frames).
    pub ctx_stack: Vec<Rc<Context>>,
    /// Limited-parallelism views whose permits it holds while on a thread.
    pub permits: Vec<crate::value::DispatcherId>,
    /// Thread-local values it replaced on its thread, restored when it leaves.
    pub saved_tls: Vec<(ObjId, Option<Value>)>,
    /// Simulated bytes of its frames, counted in the world's total while it lives.
    pub bytes: u64,
}

/// A strand's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrandState {
    /// Created, not yet started (a LAZY coroutine, or one waiting for its first dispatch).
    Created,
    /// In a dispatcher's queue.
    Queued,
    /// On a thread, running.
    Running,
    /// Paused on its thread while another strand runs inline (UNDISPATCHED start, handlers).
    Paused,
    /// Suspended, waiting to be resumed.
    Suspended,
    /// Holding its thread while it waits (`Thread.sleep`, a monitor, `runBlocking`).
    Blocked,
    /// Finished.
    Done,
}

/// What a strand waits for.
#[derive(Debug, Clone, PartialEq)]
pub enum Wait {
    /// Nothing.
    None,
    /// `delay` until a time.
    Delay {
        /// Wake-up time in microseconds.
        until: u64,
    },
    /// `yield()`.
    Yield,
    /// `join()` on a job.
    Join(JobId),
    /// `await()` on a deferred.
    Await(JobId),
    /// `awaitAll`/`joinAll`: the jobs left, in order.
    All {
        /// Remaining jobs.
        jobs: Vec<JobId>,
        /// Values collected so far (for awaitAll).
        values: Vec<Value>,
        /// Whether values are collected.
        collect: bool,
    },
    /// A scope waiting for its children.
    ScopeChildren(JobId),
    /// `runBlocking` waiting for its coroutine.
    RunBlocking(JobId),
    /// `Mutex.lock()`.
    Mutex(ObjId),
    /// `Semaphore.acquire()`.
    Semaphore(ObjId),
    /// `Channel.send()` waiting for room or a receiver.
    Send(ObjId),
    /// `Channel.receive()` (or a `for` loop over a channel) waiting for an element.
    Receive(ObjId),
    /// A monitor held by another thread.
    Monitor(ObjId),
    /// `Thread.sleep` until a time.
    Sleep {
        /// Wake-up time in microseconds.
        until: u64,
    },
    /// A dispatch to another dispatcher (`withContext`).
    Dispatch,
    /// Suspended forever (`delay(Long.MAX_VALUE)`, `awaitCancellation()`).
    Forever,
}

/// What a resumed strand receives.
#[derive(Debug, Clone, PartialEq)]
pub enum Resume {
    /// Start the body (first dispatch); `atomic` starts it even if cancelled.
    Start {
        /// CoroutineStart.ATOMIC
        atomic: bool,
    },
    /// A value returned by the suspension point. `cancellable` resumptions throw instead
    /// when the coroutine was cancelled before it ran again.
    Value {
        /// The value.
        value: Value,
        /// Checked against cancellation when it runs.
        cancellable: bool,
    },
    /// An exception thrown at the suspension point.
    Throw(Value),
    /// Continue where it left off (after a dispatch to another thread, or unblocking).
    Continue,
    /// As `Continue`, for a suspension point resumed cancellably without a value (a `for`
    /// loop over a channel that was closed): it throws instead when the coroutine was
    /// cancelled before it ran again.
    ContinueCancellable,
    /// A scope frame's job finished: return its result or throw its exception.
    ScopeDone,
    /// As `ScopeDone`, for a caller whose job was cancelled while the resumption waited
    /// (a closed pool rejected it): a value result becomes the job's CancellationException,
    /// as a cancellable resumption checks the job before it runs (`DispatchedTask.run`).
    ScopeDoneCancellable,
    /// The coroutine of a `runBlocking` call finished: return its result or throw.
    BlockingDone(JobId),
}

/// One frame.
#[derive(Debug, Clone)]
pub enum Frame {
    /// Running compiled code.
    Code(CodeFrame),
    /// A scope (`coroutineScope`, `withContext`, `withTimeout`, …) around the frames above it.
    Scope(ScopeFrame),
}

/// A frame running a function.
#[derive(Debug, Clone)]
pub struct CodeFrame {
    /// The function.
    pub func: FuncId,
    /// Next instruction.
    pub ip: u32,
    /// Index in the strand's stack of local slot 0.
    pub base: u32,
    /// The running closure, for captures.
    pub closure: Option<ObjId>,
    /// Installed exception handlers: target and stack height.
    pub handlers: Vec<(u32, u32)>,
    /// What happens to the returned value.
    pub on_return: OnReturn,
}

/// What a returning frame does with its value.
#[derive(Debug, Clone, PartialEq)]
pub enum OnReturn {
    /// Push it for the caller.
    Push,
    /// Push this value instead (constructors push the new instance).
    PushInstead(Value),
    /// Store it into a top-level property and push nothing.
    StoreGlobal(u32),
    /// Push its negation: `a != b` through a class's own `equals()`.
    PushNot,
    /// Push nothing: `a[i] = v` through a class's own `set()` leaves no value.
    Discard,
    /// Push whether the comparison holds for the returned `compareTo()` value against zero:
    /// `a < b` through a class's own `compareTo()`.
    PushCompared(crate::bytecode::BinOp),
    /// Push the text `Throwable.toString()` makes of it, the message an exception class's
    /// own `message` getter gave: `MyError: text`, or the class name alone for null.
    ThrowableText(std::rc::Rc<str>),
    /// Keep it as the text of this object, which a value being printed holds, and run the
    /// `ToStr` that called it again: it goes on to the next such object, or prints the value.
    KeepText(crate::value::ObjId),
    /// Hand it to the built-in that called a class's own `compareTo()` (`sorted()`, `max()`,
    /// `coerceIn`, …), which goes on from where it was.
    Compared(crate::value::ObjId),
    /// It is the value of a property of function type read by its getter for `obj.f(x)`:
    /// call it with the `argc` arguments that wait under the getter's frame.
    Invoke {
        /// How many arguments wait.
        argc: u32,
        /// The call's span.
        span: crate::lang::Span,
    },
    /// It is the `coroutineContext` of the receiver of the caller's instruction (a class that
    /// implements `CoroutineScope` computes it), which sits under `under` arguments: replace
    /// the receiver by the scope it makes and run that instruction again.
    ScopeReceiver {
        /// How many arguments of the instruction are above its receiver.
        under: u32,
        /// The instruction's span, for a context that is not one.
        span: crate::lang::Span,
    },
}

/// A scope frame: the job of the scope and how to leave it.
#[derive(Debug, Clone)]
pub struct ScopeFrame {
    /// The scope's job.
    pub job: JobId,
    /// The context inside the scope.
    pub ctx: Rc<Context>,
    /// What kind of scope.
    pub kind: ScopeKind,
    /// The stack height when the scope was entered.
    pub stack_height: u32,
    /// The strand suspended while inside this scope: leaving it then takes a dispatch.
    pub suspended: bool,
    /// The scope's context was already popped from the strand's context stack.
    pub ctx_popped: bool,
    /// A `withContext` that changed the context set its thread-local elements on entry:
    /// the values the thread had then, given back when it returns without having suspended.
    pub saved_tls: Vec<(crate::value::ObjId, Option<crate::value::Value>)>,
}

/// Kinds of scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// `coroutineScope` and `withContext` on the same dispatcher.
    Plain,
    /// `supervisorScope`.
    Supervisor,
    /// `withContext` to another dispatcher: leaving it dispatches back.
    Dispatched,
    /// `withTimeout`.
    Timeout,
    /// `withTimeoutOrNull`.
    TimeoutOrNull,
}
