//! The trace: every step of a run, as events. It is the single source of truth: every view
//! of a run (job tree, thread lanes, console, metrics) is derived from it.

use std::fmt::Write as _;

use crate::job::{JobClass, JobState};
use crate::lang::Span;
use crate::value::{DispatcherId, JobId, ObjId, StrandId, ThreadId};

/// One event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The step during which it happened (0-based).
    pub step: u64,
    /// Virtual time in microseconds.
    pub time: u64,
    /// The thread that acted, if any.
    pub thread: Option<ThreadId>,
    /// The strand that was running, if any.
    pub strand: Option<StrandId>,
    /// What happened.
    pub kind: EventKind,
}

/// Where a cancellation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOrigin {
    /// The parent is cancelling: cancellation travels down.
    Parent(JobId),
    /// A child failed: failure travels up.
    Child(JobId),
    /// `cancel()` called by a coroutine (or by main).
    Explicit(Option<JobId>),
    /// A `withTimeout` expired.
    Timeout,
}

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    /// A job was created.
    JobCreated {
        /// The job.
        job: JobId,
        /// The job of its context (its parent, if linked).
        parent: Option<JobId>,
        /// Its class.
        class: JobClass,
        /// Its CoroutineName.
        name: Option<String>,
    },
    /// A job changed state.
    JobState {
        /// The job.
        job: JobId,
        /// The new state.
        state: JobState,
    },
    /// A job was asked to cancel.
    CancelRequested {
        /// The job.
        job: JobId,
        /// The cause, as `toString()` prints it.
        cause: String,
        /// Where the request came from.
        origin: CancelOrigin,
    },
    /// A coroutine's body threw a real (non-cancellation) exception.
    Failed {
        /// The job.
        job: JobId,
        /// The exception.
        exception: String,
    },
    /// An unhandled failure was reported to a CoroutineExceptionHandler or as uncaught.
    HandlerInvoked {
        /// The job.
        job: JobId,
        /// The exception.
        exception: String,
        /// No handler: printed as an uncaught exception of the thread.
        uncaught: bool,
    },
    /// A strand was put in a dispatcher's queue.
    Dispatched {
        /// The strand.
        strand: StrandId,
        /// The dispatcher.
        dispatcher: DispatcherId,
    },
    /// A thread took a strand to run.
    Started {
        /// The strand.
        strand: StrandId,
    },
    /// A statement ran.
    Statement {
        /// The strand.
        strand: StrandId,
        /// 1-based line.
        line: u32,
        /// The statement's span.
        span: Span,
    },
    /// A strand suspended and freed its thread.
    Suspended {
        /// The strand.
        strand: StrandId,
        /// Why, in words: `delay(100)`, `join`, ….
        reason: String,
    },
    /// A thread was blocked (`Thread.sleep`, a monitor, `runBlocking`).
    Blocked {
        /// The strand holding the thread.
        strand: StrandId,
        /// Why, in words.
        reason: String,
    },
    /// A blocked thread continued.
    Unblocked {
        /// The strand.
        strand: StrandId,
    },
    /// A strand finished.
    StrandDone {
        /// The strand.
        strand: StrandId,
    },
    /// A thread was created.
    ThreadCreated {
        /// The thread.
        thread: ThreadId,
        /// Its name.
        name: String,
    },
    /// A line was printed.
    Printed {
        /// The text, without the line break.
        text: String,
        /// Standard error rather than standard output.
        stderr: bool,
    },
    /// A lock (monitor, Mutex or Semaphore permit) was taken.
    LockAcquired {
        /// The lock object.
        lock: ObjId,
        /// The strand.
        strand: StrandId,
    },
    /// A strand waits for a lock.
    LockWaiting {
        /// The lock object.
        lock: ObjId,
        /// The strand.
        strand: StrandId,
    },
    /// A lock was released.
    LockReleased {
        /// The lock object.
        lock: ObjId,
        /// The strand.
        strand: StrandId,
    },
    /// A timer fired.
    TimerFired,
    /// What a thread is doing changed.
    ThreadState {
        /// The thread.
        thread: ThreadId,
        /// Now running (or blocked with) this strand; `None` when idle.
        strand: Option<StrandId>,
        /// Blocked, and why.
        blocked: Option<String>,
    },
    /// The number of tasks waiting in a dispatcher's queue changed.
    QueueDepth {
        /// The dispatcher.
        dispatcher: DispatcherId,
        /// Tasks waiting.
        depth: u32,
    },
    /// Live coroutines and their simulated memory changed.
    Metrics {
        /// Coroutines alive (created, not yet completed).
        live: u64,
        /// Simulated bytes held by live coroutines.
        bytes: u64,
    },
    /// The program ended.
    Ended {
        /// Exit code: 0 normal, 1 when main threw, 2 for a limit or a stuck program.
        exit_code: i32,
    },
}

impl EventKind {
    /// A short name for the kind, used in JSON traces.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::JobCreated { .. } => "job_created",
            EventKind::JobState { .. } => "job_state",
            EventKind::CancelRequested { .. } => "cancel_requested",
            EventKind::Failed { .. } => "failed",
            EventKind::HandlerInvoked { .. } => "handler_invoked",
            EventKind::Dispatched { .. } => "dispatched",
            EventKind::Started { .. } => "started",
            EventKind::Statement { .. } => "statement",
            EventKind::Suspended { .. } => "suspended",
            EventKind::Blocked { .. } => "blocked",
            EventKind::Unblocked { .. } => "unblocked",
            EventKind::StrandDone { .. } => "strand_done",
            EventKind::ThreadCreated { .. } => "thread_created",
            EventKind::Printed { .. } => "printed",
            EventKind::LockAcquired { .. } => "lock_acquired",
            EventKind::LockWaiting { .. } => "lock_waiting",
            EventKind::LockReleased { .. } => "lock_released",
            EventKind::TimerFired => "timer_fired",
            EventKind::ThreadState { .. } => "thread_state",
            EventKind::QueueDepth { .. } => "queue_depth",
            EventKind::Metrics { .. } => "metrics",
            EventKind::Ended { .. } => "ended",
        }
    }
}

/// The recorded events of a run.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    /// Events in order.
    pub events: Vec<Event>,
}

impl Trace {
    /// A 64-bit FNV-1a hash of the whole trace, to compare runs cheaply.
    pub fn hash(&self) -> u64 {
        let mut h = crate::fnv::START;
        let mut line = String::new();
        for e in &self.events {
            line.clear();
            let _ = write!(line, "{:?}", e);
            h = crate::fnv::fnv1a(h, line.as_bytes());
        }
        h
    }

    /// The trace as JSON lines: step, virtual time (ms, with µs decimals), thread, strand,
    /// event kind, span and details.
    pub fn to_json_lines(&self, thread_names: &[String]) -> String {
        let mut out = String::new();
        for e in &self.events {
            let _ = write!(out, "{{\"step\":{},\"time_ms\":{}.{:03}", e.step, e.time / 1000, e.time % 1000);
            if let Some(t) = e.thread {
                let name = thread_names.get(t.0 as usize).map(|s| s.as_str()).unwrap_or("?");
                let _ = write!(out, ",\"thread\":{}", json_str(name));
            }
            if let Some(s) = e.strand {
                let _ = write!(out, ",\"strand\":{}", s.0);
            }
            let _ = write!(out, ",\"event\":\"{}\"", e.kind.name());
            match &e.kind {
                EventKind::JobCreated { job, parent, class, name } => {
                    let _ = write!(out, ",\"job\":{},\"class\":\"{}\"", job.0, class.class_name());
                    if let Some(p) = parent {
                        let _ = write!(out, ",\"parent\":{}", p.0);
                    }
                    if let Some(n) = name {
                        let _ = write!(out, ",\"name\":{}", json_str(n));
                    }
                }
                EventKind::JobState { job, state } => {
                    let _ = write!(out, ",\"job\":{},\"state\":\"{}\"", job.0, state.name());
                }
                EventKind::CancelRequested { job, cause, origin } => {
                    let o = match origin {
                        CancelOrigin::Parent(p) => format!("\"parent {}\"", p.0),
                        CancelOrigin::Child(c) => format!("\"child {}\"", c.0),
                        CancelOrigin::Explicit(Some(j)) => format!("\"cancel() by job {}\"", j.0),
                        CancelOrigin::Explicit(None) => "\"cancel()\"".to_string(),
                        CancelOrigin::Timeout => "\"timeout\"".to_string(),
                    };
                    let _ = write!(out, ",\"job\":{},\"cause\":{},\"origin\":{}", job.0, json_str(cause), o);
                }
                EventKind::Failed { job, exception } => {
                    let _ = write!(out, ",\"job\":{},\"exception\":{}", job.0, json_str(exception));
                }
                EventKind::HandlerInvoked { job, exception, uncaught } => {
                    let _ = write!(out, ",\"job\":{},\"exception\":{},\"uncaught\":{}", job.0, json_str(exception), uncaught);
                }
                EventKind::Dispatched { strand, dispatcher } => {
                    let _ = write!(out, ",\"to_strand\":{},\"dispatcher\":{}", strand.0, dispatcher.0);
                }
                EventKind::Started { .. } | EventKind::StrandDone { .. } | EventKind::Unblocked { .. } | EventKind::TimerFired => {}
                EventKind::Statement { line, span, .. } => {
                    let _ = write!(out, ",\"line\":{},\"span\":[{},{}]", line, span.start, span.end);
                }
                EventKind::Suspended { reason, .. } | EventKind::Blocked { reason, .. } => {
                    let _ = write!(out, ",\"reason\":{}", json_str(reason));
                }
                EventKind::ThreadCreated { thread, name } => {
                    let _ = write!(out, ",\"new_thread\":{},\"name\":{}", thread.0, json_str(name));
                }
                EventKind::Printed { text, stderr } => {
                    let _ = write!(out, ",\"text\":{},\"stderr\":{}", json_str(text), stderr);
                }
                EventKind::LockAcquired { lock, .. } | EventKind::LockWaiting { lock, .. } | EventKind::LockReleased { lock, .. } => {
                    let _ = write!(out, ",\"lock\":{}", lock.0);
                }
                EventKind::ThreadState { thread, strand, blocked } => {
                    let _ = write!(out, ",\"of_thread\":{}", thread.0);
                    if let Some(s) = strand {
                        let _ = write!(out, ",\"running\":{}", s.0);
                    }
                    if let Some(b) = blocked {
                        let _ = write!(out, ",\"blocked\":{}", json_str(b));
                    }
                }
                EventKind::QueueDepth { dispatcher, depth } => {
                    let _ = write!(out, ",\"dispatcher\":{},\"depth\":{}", dispatcher.0, depth);
                }
                EventKind::Metrics { live, bytes } => {
                    let _ = write!(out, ",\"live\":{},\"bytes\":{}", live, bytes);
                }
                EventKind::Ended { exit_code } => {
                    let _ = write!(out, ",\"exit_code\":{}", exit_code);
                }
            }
            out.push_str("}\n");
        }
        out
    }
}

/// A JSON string literal.
#[inline(never)]
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
