//! Channels: `Channel<T>(capacity)` and `produce { }`, with the semantics of
//! kotlinx.coroutines' `BufferedChannel` as a program observes them.
//!
//! A channel keeps its buffered elements, its suspended senders (each with its element) and
//! its suspended receivers, all first come, first served. An operation that finds its
//! counterpart waiting completes at once and resumes the counterpart through its dispatcher,
//! so on a single-threaded event loop the one that arrived second goes on running and the
//! one that waited runs when its turn in the queue comes, as on the JVM:
//!
//! - `send` hands its element to the first suspended receiver, or puts it in the buffer while
//!   there is room (a rendezvous channel has none), or suspends until a receiver takes it.
//! - `receive` takes the first buffered element (and moves the first suspended sender's
//!   element into the room it made), or the element of the first suspended sender, or
//!   suspends until one comes.
//! - `close()` lets what was sent before it be received — the buffer and the senders already
//!   suspended — and then every receive fails; the receivers waiting at the close fail at
//!   once. `cancel()` closes and drops the buffer, and the suspended senders fail.
//!
//! A `produce` coroutine is a job (`ProducerCoroutine`) and its channel is one heap object:
//! the block's receiver, and the `ReceiveChannel` the builder returns. Its channel closes
//! when the job completes, with the job's exception when it fails or is cancelled
//! (`onCompleted` / `onCancelled`); cancelling the channel cancels the job.
//!
//! Waiting in `send` or `receive` is cancellable: a cancelled strand leaves the queue
//! ([`World::remove_channel_waiter`]) and resumes with its CancellationException. An element
//! handed to a receiver whose job is cancelled before it runs again is lost, as
//! kotlinx.coroutines' prompt cancellation guarantee has it.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::exception::ExcClass;
use crate::job::{Cause, JobClass, NewJob};
use crate::lang::Span;
use crate::strand::{Frame, Resume, Wait};
use crate::trace::CancelOrigin;
use crate::value::{Context, HeapObj, JobId, ObjId, StrandId, ThreadId, Value};
use crate::vm::{Fault, NResult, Native};
use crate::world::{World, DEFAULT};

/// `Channel.RENDEZVOUS`
pub const RENDEZVOUS: i32 = 0;
/// `Channel.UNLIMITED`
pub const UNLIMITED: i32 = i32::MAX;
/// `Channel.CONFLATED`
pub const CONFLATED: i32 = -1;
/// `Channel.BUFFERED`
pub const BUFFERED: i32 = -2;
/// The capacity `Channel.BUFFERED` stands for (`kotlinx.coroutines.channels.defaultBuffer`).
pub const DEFAULT_BUFFER: u32 = 64;
/// The method a `consumeEach` loop calls on its channel when it ends: `cancel()`, or with
/// the failure of the loop's action as an argument, `cancel` with "consumer had failed".
pub const CONSUMED: &str = "<consumed>";

/// Why a channel is not printed: kotlinx.coroutines 1.9's `BufferedChannel.toString()` shows
/// its internal counters and cells, which the engine does not model.
pub const UNPRINTABLE: &str = "printing a Channel shows kotlinx.coroutines' internal state (its counters and cells), which Coroutine Lab does not model; print what you read from it, or isClosedForSend / isEmpty";

/// The message of `ClosedSendChannelException` and `ClosedReceiveChannelException` for a
/// channel closed without a cause.
const CLOSE_MESSAGE: &str = "Channel was closed";

/// How many elements a channel holds without a receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    /// None: a sender waits for a receiver.
    Rendezvous,
    /// Up to this many.
    Buffered(u32),
    /// Any number.
    Unlimited,
    /// One, the newest: a send replaces what is there.
    Conflated,
}

/// A channel's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelState {
    /// Its capacity.
    pub capacity: Capacity,
    /// Elements sent and not yet received, oldest first.
    pub buffer: VecDeque<Value>,
    /// Suspended senders with their elements, first come first served.
    pub senders: VecDeque<(StrandId, Value)>,
    /// Suspended receivers, first come first served.
    pub receivers: VecDeque<Receiver>,
    /// Closed for send: `Some(Null)` when closed without a cause, `Some(e)` with cause `e`.
    pub closed: Option<Value>,
    /// Cancelled (`cancel()`): nothing more can be received.
    pub cancelled: bool,
    /// The `produce` coroutine whose channel this is.
    pub producer: Option<JobId>,
}

/// A suspended receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Receiver {
    /// Its strand.
    pub strand: StrandId,
    /// What it receives.
    pub mode: ReceiveMode,
}

/// How a suspended receiver takes what comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiveMode {
    /// `receive()`: the element, or the close exception.
    Receive,
    /// `receiveCatching()`: a `ChannelResult`.
    Catching,
    /// A `for` loop's `hasNext()`: the element, or the loop's end, found by running the
    /// loop instruction at `ip` again.
    Iter {
        /// The loop instruction of its code frame.
        ip: u32,
    },
}

/// A `ChannelResult`.
#[derive(Debug, Clone, PartialEq)]
pub enum ChannelResult {
    /// Succeeded, with this value (`Unit` for a send).
    Value(Value),
    /// Failed: full for a send, empty for a receive.
    Failed,
    /// Closed, with the cause (`Null` without one).
    Closed(Value),
}

impl ChannelState {
    fn new(capacity: Capacity, producer: Option<JobId>) -> ChannelState {
        ChannelState { capacity, buffer: VecDeque::new(), senders: VecDeque::new(), receivers: VecDeque::new(), closed: None, cancelled: false, producer }
    }

    /// Whether a send can put its element in the buffer now.
    fn has_room(&self) -> bool {
        match self.capacity {
            Capacity::Rendezvous => false,
            Capacity::Buffered(n) => self.buffer.len() < n as usize,
            Capacity::Unlimited | Capacity::Conflated => true,
        }
    }

    /// `isClosedForReceive`: closed, and everything sent before received.
    pub fn is_closed_for_receive(&self) -> bool {
        self.closed.is_some() && self.buffer.is_empty() && self.senders.is_empty()
    }

    /// The close cause, `None` when open or closed without one.
    fn close_cause(&self) -> Option<Value> {
        self.closed.clone().filter(|c| !c.is_null())
    }
}

/// What an attempt to receive without suspending found.
enum Taken {
    Element(Value),
    Closed(Option<Value>),
    Empty,
}

impl World {
    /// The channel a value is, if it is one.
    pub(crate) fn as_channel(&self, v: &Value) -> Option<ObjId> {
        match v {
            Value::Obj(o) if matches!(self.heap.get(*o), HeapObj::Channel(_)) => Some(*o),
            _ => None,
        }
    }

    fn chan(&self, o: ObjId) -> &ChannelState {
        match self.heap.get(o) {
            HeapObj::Channel(c) => c,
            _ => unreachable!("called for channels"),
        }
    }

    fn chan_mut(&mut self, o: ObjId) -> &mut ChannelState {
        match self.heap.get_mut(o) {
            HeapObj::Channel(c) => c,
            _ => unreachable!("called for channels"),
        }
    }

    /// The capacity an argument asks for (`Channel(capacity)`, `produce(capacity = n)`).
    fn capacity_of(&mut self, v: &Value) -> Result<Capacity, Fault> {
        let n = match v {
            Value::Absent => return Ok(Capacity::Rendezvous),
            v => v.as_i64().ok_or_else(|| Fault::Stop(format!("a channel's capacity must be an Int, found {}", self.type_name(v))))?,
        };
        Ok(match n {
            0 => Capacity::Rendezvous,
            n if n == UNLIMITED as i64 => Capacity::Unlimited,
            n if n == CONFLATED as i64 => Capacity::Conflated,
            n if n == BUFFERED as i64 => Capacity::Buffered(DEFAULT_BUFFER),
            n if n > 0 => Capacity::Buffered(n.min(i64::from(u32::MAX)) as u32),
            n => {
                let e = self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("Invalid channel capacity: {n}, should be >=0")), None);
                return Err(Fault::Throw(e));
            }
        })
    }

    /// `Channel<T>(capacity)`.
    pub(crate) fn new_channel(&mut self, capacity: &Value) -> Result<Value, Fault> {
        let capacity = self.capacity_of(capacity)?;
        Ok(Value::Obj(self.heap.alloc(HeapObj::Channel(Box::new(ChannelState::new(capacity, None))))))
    }

    /// `scope.produce(context, capacity) { }`: a child coroutine sending to a new channel,
    /// which it returns.
    pub(crate) fn produce(&mut self, scope: Rc<Context>, ctx_arg: &Value, capacity: &Value, block: &Value, span: Span) -> NResult {
        let extra = self.to_context(ctx_arg)?;
        let closure = match block {
            Value::Obj(o) if matches!(self.heap.get(*o), HeapObj::Closure { .. }) => *o,
            other => return Err(Fault::Stop(format!("produce needs a lambda, found {}", self.type_name(other)))),
        };
        let capacity = self.capacity_of(capacity)?;
        let mut parent_ctx = scope.plus(&extra);
        if parent_ctx.dispatcher.is_none() {
            parent_ctx.dispatcher = Some(DEFAULT);
        }
        let job = self.new_job(NewJob { class: JobClass::Producer, parent_ctx: Rc::new(parent_ctx), lazy: false, span });
        // A context job that is not the scope's own: the new coroutine is an island.
        if extra.job.is_some() && scope.job.is_some() && extra.job != scope.job {
            self.jobs[job.0 as usize].would_be_parent = scope.job;
        }
        let ch = self.heap.alloc(HeapObj::Channel(Box::new(ChannelState::new(capacity, Some(job)))));
        // Jobs are created in id order, so the list stays sorted.
        self.producers.push((job, ch));
        let ctx = self.job(job).ctx.clone();
        let label = self.job_label(job);
        let strand = self.new_strand(Some(job), closure, Some(Value::Obj(ch)), Vec::new(), label, ctx);
        self.jobs[job.0 as usize].strand = Some(strand);
        if self.job(job).is_completed() {
            // Cancelled and finished before it could start (a completed parent): its
            // channel is closed already.
        } else {
            self.dispatch(strand, Resume::Start { atomic: false });
        }
        Ok(Native::Value(Value::Obj(ch)))
    }

    /// A `produce` coroutine reached its final state: `ProducerCoroutine.onCompleted` closes
    /// its channel, `onCancelled` closes it with the exception.
    pub(crate) fn producer_completed(&mut self, job: JobId, result: &Result<Value, Value>) {
        let Ok(i) = self.producers.binary_search_by_key(&job, |e| e.0) else { return };
        let ch = self.producers[i].1;
        let cause = match result {
            Ok(_) => Value::Null,
            Err(e) => e.clone(),
        };
        self.close_channel(ch, cause);
    }

    /// The exception a send to a closed channel throws.
    fn send_exception(&mut self, o: ObjId) -> Value {
        match self.chan(o).close_cause() {
            Some(c) => c,
            None => self.new_exception(ExcClass::ClosedSendChannelException, Some(CLOSE_MESSAGE), None),
        }
    }

    /// The exception a receive from a closed, drained channel throws.
    fn receive_exception(&mut self, cause: Option<Value>) -> Value {
        match cause {
            Some(c) => c,
            None => self.new_exception(ExcClass::ClosedReceiveChannelException, Some(CLOSE_MESSAGE), None),
        }
    }

    fn new_channel_result(&mut self, r: ChannelResult) -> Value {
        Value::Obj(self.heap.alloc(HeapObj::ChannelResult(r)))
    }

    /// Sends without suspending: to the first suspended receiver, or into the buffer.
    /// `Err` gives the element back when there is neither.
    fn offer_element(&mut self, o: ObjId, v: Value) -> Result<(), Value> {
        if let Some(r) = self.chan_mut(o).receivers.pop_front() {
            self.hand_to_receiver(r, v);
            return Ok(());
        }
        let c = self.chan_mut(o);
        if !c.has_room() {
            return Err(v);
        }
        if c.capacity == Capacity::Conflated {
            c.buffer.clear();
        }
        c.buffer.push_back(v);
        Ok(())
    }

    /// Resumes a suspended receiver with an element.
    fn hand_to_receiver(&mut self, r: Receiver, v: Value) {
        self.end_wait(r.strand);
        let value = match r.mode {
            ReceiveMode::Receive | ReceiveMode::Iter { .. } => v,
            ReceiveMode::Catching => self.new_channel_result(ChannelResult::Value(v)),
        };
        self.dispatch(r.strand, Resume::Value { value, cancellable: true });
    }

    /// Receives without suspending: the first buffered element (a suspended sender's element
    /// takes the room it leaves), else the element of the first suspended sender.
    fn take_element(&mut self, o: ObjId) -> Taken {
        let c = self.chan_mut(o);
        if let Some(v) = c.buffer.pop_front() {
            if let Some((w, next)) = c.senders.pop_front() {
                c.buffer.push_back(next);
                self.resume_sender(w);
            }
            return Taken::Element(v);
        }
        if let Some((w, v)) = c.senders.pop_front() {
            self.resume_sender(w);
            return Taken::Element(v);
        }
        if c.closed.is_some() {
            return Taken::Closed(c.close_cause());
        }
        Taken::Empty
    }

    fn resume_sender(&mut self, w: StrandId) {
        self.end_wait(w);
        self.dispatch(w, Resume::Value { value: Value::Unit, cancellable: true });
    }

    /// Suspends the running strand until another acts on the channel, cancellably. `Err`
    /// throws at once in a cancelled coroutine.
    fn suspend_on(&mut self, s: StrandId) -> Result<(), Fault> {
        if let Some(e) = self.register_cancellable(s) {
            return Err(Fault::Throw(e));
        }
        Ok(())
    }

    /// `send(element)`.
    #[inline(never)]
    fn channel_send(&mut self, s: StrandId, o: ObjId, v: Value) -> NResult {
        if self.chan(o).closed.is_some() {
            let e = self.send_exception(o);
            return Err(Fault::Throw(e));
        }
        let v = match self.offer_element(o, v) {
            Ok(()) => return Ok(Native::Value(Value::Unit)),
            Err(v) => v,
        };
        self.suspend_on(s)?;
        self.chan_mut(o).senders.push_back((s, v));
        self.strands[s.0 as usize].wait = Wait::Send(o);
        Ok(Native::Suspend)
    }

    /// `receive()` and `receiveCatching()`.
    fn channel_receive(&mut self, s: StrandId, o: ObjId, mode: ReceiveMode) -> NResult {
        match self.take_element(o) {
            Taken::Element(v) => {
                let v = if mode == ReceiveMode::Catching { self.new_channel_result(ChannelResult::Value(v)) } else { v };
                Ok(Native::Value(v))
            }
            Taken::Closed(cause) => {
                if mode == ReceiveMode::Catching {
                    return Ok(Native::Value(self.new_channel_result(ChannelResult::Closed(cause.unwrap_or(Value::Null)))));
                }
                let e = self.receive_exception(cause);
                Err(Fault::Throw(e))
            }
            Taken::Empty => {
                self.suspend_on(s)?;
                self.chan_mut(o).receivers.push_back(Receiver { strand: s, mode });
                self.strands[s.0 as usize].wait = Wait::Receive(o);
                Ok(Native::Suspend)
            }
        }
    }

    /// The next element of `for (x in channel)`: `Some(Value)` to go on, `None` when the
    /// channel is closed and drained, `Some(Suspend)` to wait. `ip` is the loop instruction;
    /// `in_suspend` tells whether the loop is in a suspend function or a lambda, where the
    /// loop's `hasNext()` may suspend (the compiler cannot tell a channel from a list).
    #[inline(never)]
    pub(crate) fn channel_iter_next(&mut self, s: StrandId, o: ObjId, ip: u32, in_suspend: bool) -> Result<Option<Native>, Fault> {
        if !in_suspend {
            return Err(Fault::Stop("suspend function 'hasNext' should be called only from a coroutine or another suspend function: a for loop over a channel suspends; mark the function with `suspend`, or run the loop inside runBlocking { } or launch { }".into()));
        }
        match self.take_element(o) {
            Taken::Element(v) => Ok(Some(Native::Value(v))),
            Taken::Closed(None) => Ok(None),
            Taken::Closed(Some(cause)) => Err(Fault::Throw(cause)),
            Taken::Empty => {
                self.suspend_on(s)?;
                self.chan_mut(o).receivers.push_back(Receiver { strand: s, mode: ReceiveMode::Iter { ip } });
                self.strands[s.0 as usize].wait = Wait::Receive(o);
                Ok(Some(Native::Suspend))
            }
        }
    }

    /// `close(cause)`: returns false when it was closed already. The receivers waiting now
    /// (there are some only when nothing is left to receive) fail at once.
    pub(crate) fn close_channel(&mut self, o: ObjId, cause: Value) -> bool {
        let c = self.chan_mut(o);
        if c.closed.is_some() {
            return false;
        }
        c.closed = Some(cause.clone());
        let waiting: Vec<Receiver> = c.receivers.drain(..).collect();
        let cause = if cause.is_null() { None } else { Some(cause) };
        for r in waiting {
            self.end_wait(r.strand);
            let resume = match r.mode {
                ReceiveMode::Receive => Resume::Throw(self.receive_exception(cause.clone())),
                ReceiveMode::Catching => {
                    let v = self.new_channel_result(ChannelResult::Closed(cause.clone().unwrap_or(Value::Null)));
                    Resume::Value { value: v, cancellable: true }
                }
                ReceiveMode::Iter { ip } => {
                    // The loop instruction runs again and finds the channel closed.
                    if let Some(Frame::Code(f)) = self.strands[r.strand.0 as usize].frames.last_mut() {
                        f.ip = ip;
                    }
                    Resume::ContinueCancellable
                }
            };
            self.dispatch(r.strand, resume);
        }
        true
    }

    /// `cancel(cause)` of a channel alone: closes it with the cause, drops what is buffered
    /// and fails the suspended senders with the close exception.
    fn cancel_channel(&mut self, o: ObjId, cause: Value) {
        self.close_channel(o, cause);
        let c = self.chan_mut(o);
        c.cancelled = true;
        c.buffer.clear();
        let senders: Vec<StrandId> = c.senders.drain(..).map(|(w, _)| w).collect();
        for w in senders {
            self.end_wait(w);
            let e = self.send_exception(o);
            self.dispatch(w, Resume::Throw(e));
        }
    }

    /// `cancel(cause)` from a program: a producer's channel cancels its coroutine too
    /// (`ChannelCoroutine.cancelInternal`).
    fn cancel_from_program(&mut self, o: ObjId, cause: Option<Value>) {
        match self.chan(o).producer {
            Some(job) => {
                let exc = match cause {
                    Some(c) => c,
                    None => self.new_job_cancellation("ProducerCoroutine was cancelled", None, job),
                };
                self.cancel_channel(o, exc.clone());
                let origin = CancelOrigin::Explicit(self.current_strand.and_then(|s| self.strands[s.0 as usize].job));
                self.cancel_impl(job, Cause::Exception(exc), origin);
            }
            None => {
                let exc = match cause {
                    Some(c) => c,
                    None => self.new_exception(ExcClass::CancellationException, Some("Channel was cancelled"), None),
                };
                self.cancel_channel(o, exc);
            }
        }
    }

    /// Removes a cancelled strand from a channel's queues.
    pub(crate) fn remove_channel_waiter(&mut self, o: ObjId, s: StrandId) {
        if let HeapObj::Channel(c) = self.heap.get_mut(o) {
            c.senders.retain(|(w, _)| *w != s);
            c.receivers.retain(|r| r.strand != s);
        }
    }

    /// Words for a strand waiting on a channel, for views.
    pub(crate) fn channel_wait_text(&self, o: ObjId, send: bool) -> String {
        let HeapObj::Channel(c) = self.heap.get(o) else { return if send { "Channel.send".into() } else { "Channel.receive".into() } };
        let whose = match c.producer {
            Some(j) => format!(" (channel of {})", self.job_label(j)),
            None => String::new(),
        };
        if send {
            match c.capacity {
                Capacity::Rendezvous => format!("Channel.send, waiting for a receiver{whose}"),
                Capacity::Buffered(n) => format!("Channel.send, buffer full ({n} of {n}){whose}"),
                Capacity::Unlimited | Capacity::Conflated => format!("Channel.send{whose}"),
            }
        } else {
            format!("Channel.receive, waiting for an element{whose}")
        }
    }

    /// `toString()` of a channel: a producer's is its coroutine's.
    pub(crate) fn channel_text(&self, o: ObjId, c: &ChannelState) -> String {
        match c.producer {
            Some(j) => self.to_kstring(&Value::Job(j)),
            None => format!("kotlinx.coroutines.channels.BufferedChannel@{}", crate::format::fake_hash(o.0 as u64)),
        }
    }

    /// `toString()` of a `ChannelResult`.
    pub(crate) fn channel_result_text(&self, r: &ChannelResult) -> String {
        match r {
            ChannelResult::Value(v) => format!("Value({})", self.to_kstring(v)),
            // `ChannelResult.toString()` names only a closed result; a failed one prints
            // its holder, the `Failed` marker, as a value.
            ChannelResult::Failed => "Value(Failed)".into(),
            ChannelResult::Closed(c) => format!("Closed({})", self.exception_to_string(c)),
        }
    }

    /// Members of a channel, and of a `produce` block's receiver (a scope too).
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    pub(crate) fn channel_method(&mut self, t: ThreadId, s: StrandId, o: ObjId, recv: &Value, n: &str, args: &[Value], span: Span) -> NResult {
        let arg = |i: usize| crate::vm::arg_at(args, i);
        let producer = self.chan(o).producer;
        if matches!(n, "send" | "trySend" | "offer") && matches!(arg(0), Value::Absent) {
            return Err(Fault::Stop(format!("no value passed for parameter 'element' of '{n}'")));
        }
        let v = match n {
            "send" => return self.channel_send(s, o, arg(0)),
            "receive" => return self.channel_receive(s, o, ReceiveMode::Receive),
            "receiveCatching" => return self.channel_receive(s, o, ReceiveMode::Catching),
            "trySend" | "offer" => {
                let r = if self.chan(o).closed.is_some() {
                    ChannelResult::Closed(self.send_exception(o))
                } else {
                    match self.offer_element(o, arg(0)) {
                        Ok(()) => ChannelResult::Value(Value::Unit),
                        Err(_) => ChannelResult::Failed,
                    }
                };
                match (n, r) {
                    ("offer", ChannelResult::Value(_)) => Value::Bool(true),
                    ("offer", ChannelResult::Failed) => Value::Bool(false),
                    ("offer", ChannelResult::Closed(e)) => return Err(Fault::Throw(e)),
                    (_, r) => self.new_channel_result(r),
                }
            }
            "tryReceive" | "poll" => {
                let r = match self.take_element(o) {
                    Taken::Element(v) => ChannelResult::Value(v),
                    Taken::Closed(cause) => ChannelResult::Closed(cause.unwrap_or(Value::Null)),
                    Taken::Empty => ChannelResult::Failed,
                };
                match (n, r) {
                    ("poll", ChannelResult::Value(v)) => v,
                    ("poll", ChannelResult::Failed) => Value::Null,
                    ("poll", ChannelResult::Closed(c)) if c.is_null() => Value::Null,
                    ("poll", ChannelResult::Closed(e)) => return Err(Fault::Throw(e)),
                    (_, r) => self.new_channel_result(r),
                }
            }
            "close" => {
                let cause = match arg(0) {
                    Value::Absent => Value::Null,
                    c => c,
                };
                Value::Bool(self.close_channel(o, cause))
            }
            "cancel" => {
                let cause = crate::natives::present(&arg(0)).filter(|c| !c.is_null());
                self.cancel_from_program(o, cause);
                Value::Unit
            }
            CONSUMED => {
                // `cancelConsumed(cause)`: a failure of the consumer becomes the cause.
                let cause = match crate::natives::present(&arg(0)) {
                    Some(e) if self.is_cancellation(&e) => Some(e),
                    Some(e) => Some(self.new_exception(ExcClass::CancellationException, Some("Channel was consumed, consumer had failed"), Some(e))),
                    None => None,
                };
                self.cancel_from_program(o, cause);
                Value::Unit
            }
            "isClosedForSend" => Value::Bool(self.chan(o).closed.is_some()),
            "isClosedForReceive" => Value::Bool(self.chan(o).is_closed_for_receive()),
            "isEmpty" => {
                let c = self.chan(o);
                Value::Bool(!c.is_closed_for_receive() && c.buffer.is_empty() && c.senders.is_empty())
            }
            "channel" if producer.is_some() => recv.clone(),
            // A producer's receiver is a scope, and its ReceiveChannel is a Job.
            _ => match producer {
                Some(job) => {
                    let ctx = self.job(job).ctx.clone();
                    return match n {
                        "launch" | "async" => self.start_coroutine(t, s, ctx, &arg(0), &arg(1), &arg(2), n == "async", span),
                        "produce" => self.produce(ctx, &arg(0), &arg(1), &arg(2), span),
                        "coroutineContext" => Ok(Native::Value(Value::Ctx(ctx))),
                        "isActive" => Ok(Native::Value(Value::Bool(self.job(job).is_active()))),
                        "ensureActive" => {
                            if !self.job(job).is_active() {
                                let e = self.cancellation_exception(job);
                                return Err(Fault::Throw(e));
                            }
                            Ok(Native::Value(Value::Unit))
                        }
                        _ => Err(Fault::Stop(format!("ReceiveChannel has no member '{n}'"))),
                    };
                }
                None => return Err(Fault::Stop(format!("Channel has no member '{n}'"))),
            },
        };
        Ok(Native::Value(v))
    }

    /// Members of a `ChannelResult`.
    #[inline(never)]
    pub(crate) fn channel_result_method(&mut self, o: ObjId, recv: &Value, n: &str) -> NResult {
        let HeapObj::ChannelResult(r) = self.heap.get(o).clone() else { unreachable!("called for channel results") };
        let v = match (n, r) {
            ("isSuccess", r) => Value::Bool(matches!(r, ChannelResult::Value(_))),
            ("isFailure", r) => Value::Bool(!matches!(r, ChannelResult::Value(_))),
            ("isClosed", r) => Value::Bool(matches!(r, ChannelResult::Closed(_))),
            ("getOrNull", ChannelResult::Value(v)) => v,
            ("getOrNull", _) => Value::Null,
            ("exceptionOrNull", ChannelResult::Closed(c)) => c,
            ("exceptionOrNull", _) => Value::Null,
            ("getOrThrow", ChannelResult::Value(v)) => v,
            ("getOrThrow", ChannelResult::Closed(c)) if !c.is_null() => return Err(Fault::Throw(c)),
            ("getOrThrow", _) => {
                let e = self.new_exception(ExcClass::IllegalStateException, Some("Trying to call 'getOrThrow' on a channel closed without a cause"), None);
                return Err(Fault::Throw(e));
            }
            _ => return Err(Fault::Stop(format!("{} has no member '{n}'", self.type_name(recv)))),
        };
        Ok(Native::Value(v))
    }
}

