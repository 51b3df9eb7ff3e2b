//! The world: all simulated state of one run — heap, jobs, strands, threads, dispatchers,
//! timers, the virtual clock and the seeded random generator — and `step()`, which advances
//! it by one statement or one runtime event.
//!
//! **Determinism.** The only source of choice is [`World::rng`], seeded from the run's
//! configuration; it breaks ties between threads that are ready at the same virtual time.
//! Nothing reads the host's clock, and every collection that is iterated is ordered.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::bytecode::{FuncId, Program};
use crate::job::Job;
use crate::lang::{Diagnostic, Span};
use crate::strand::{CodeFrame, Frame, OnReturn, Resume, Strand, StrandState, Wait};
use crate::trace::{Event, EventKind, Trace};
use crate::value::{Context, DispatcherId, Heap, JobId, ObjId, StrandId, ThreadId, Value};

/// Virtual time a statement takes on its thread, in microseconds. A busy loop therefore
/// advances the clock (1,000 statements take 1 ms), while `delay` frees the thread.
pub const STATEMENT_COST_US: u64 = 1;

/// Simulated bytes of a live coroutine before its frames: the job, its context and its
/// continuation objects, about what a suspended `StandaloneCoroutine` retains on a 64-bit JVM.
pub const COROUTINE_BASE_BYTES: u64 = 200;

/// Simulated bytes of one suspended frame (a continuation object's header and fields).
pub const FRAME_BYTES: u64 = 48;

/// Simulated bytes of one local variable or operand held by a suspended frame.
pub const SLOT_BYTES: u64 = 8;

/// Options of a run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Seed of the only random generator.
    pub seed: u64,
    /// Simulated CPU cores: `Dispatchers.Default` has this many workers (at least 2).
    pub cores: u32,
    /// Stop after this many steps.
    pub max_steps: u64,
    /// Stop when this many coroutines are alive at once.
    pub max_live_coroutines: u64,
    /// Deepest call stack before a StackOverflowError.
    pub max_call_depth: usize,
    /// Stop when the heap holds this many objects.
    pub max_heap_objects: usize,
    /// Stop when this much output was printed (bytes).
    pub max_output_bytes: usize,
    /// Record a statement event for every step (the page needs it; benchmarks may not).
    pub record_statements: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            cores: 4,
            max_steps: 10_000_000,
            max_live_coroutines: 1_000_000,
            max_call_depth: 10_000,
            max_heap_objects: 20_000_000,
            max_output_bytes: 16 << 20,
            record_statements: true,
        }
    }
}

/// A small, fast, seeded generator (SplitMix64): the world's only source of choice.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// What kind of dispatcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DispatcherKind {
    /// A thread's event loop (`runBlocking`, and `Dispatchers.Main` on the main thread).
    EventLoop(ThreadId),
    /// `Dispatchers.Default`: CPU tasks on the shared scheduler.
    Default,
    /// The scheduler's blocking side, under `Dispatchers.IO` and its views.
    Blocking,
    /// A `limitedParallelism` view (IO is one, over Blocking).
    Limited(DispatcherId),
    /// A fixed pool of its own threads (executors, `newSingleThreadContext`).
    Pool,
    /// `Dispatchers.Unconfined`.
    Unconfined,
    /// `Dispatchers.Main`: served by the main thread's event loop.
    Main,
}

/// A dispatcher and its queue.
#[derive(Debug, Clone)]
pub struct Dispatcher {
    /// Kind.
    pub kind: DispatcherKind,
    /// How it prints: `Dispatchers.Default`, `Dispatchers.IO`, ….
    pub name: String,
    /// Strands waiting for a thread (or for a permit, for views).
    pub queue: VecDeque<StrandId>,
    /// Its own threads (pools, and the scheduler's workers on Default).
    pub threads: Vec<ThreadId>,
    /// Most threads it may create.
    pub max_threads: u32,
    /// Tasks holding a permit (views) or CPU permits in use (Default).
    pub running: u32,
    /// Permits: the view's parallelism, or Default's cores.
    pub limit: u32,
    /// `close()` / `shutdown()` was called.
    pub closed: bool,
    /// Its executor is a `ScheduledThreadPoolExecutor` (`newSingleThreadContext`,
    /// `newFixedThreadPoolContext`), which also runs the dispatcher's `delay`s; an
    /// `Executors` pool is a plain `ThreadPoolExecutor`, whose `delay`s run on
    /// `DefaultExecutor`. It matters once the pool is closed (see `World::reject`).
    pub scheduled: bool,
    /// Prefix of its threads' names.
    pub thread_prefix: String,
}

/// Why a thread is blocked.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `Thread.sleep` until a time.
    Sleep(u64),
    /// Waiting for a monitor held by another thread.
    Monitor(ObjId),
}

/// A simulated thread.
#[derive(Debug, Clone)]
pub struct Thread {
    /// Its name, as `Thread.currentThread().name` gives it.
    pub name: String,
    /// The pool whose queue it serves.
    pub serves: Option<DispatcherId>,
    /// Its event loop, once it ran `runBlocking`.
    pub event_loop: Option<DispatcherId>,
    /// The strand it is running (or blocked with).
    pub current: Option<StrandId>,
    /// Strands paused on it, to continue when the current one lets go (innermost last).
    pub paused: Vec<StrandId>,
    /// Its unconfined event loop's queue: coroutines started or resumed unconfined while an
    /// unconfined one ran, in order; they run before the paused strands go on.
    pub unconfined: std::collections::VecDeque<StrandId>,
    /// Strands blocked in `runBlocking` on it, with the coroutine each waits for.
    pub parked: Vec<(StrandId, JobId)>,
    /// Virtual time of its next action.
    pub time: u64,
    /// Why it is blocked, if it is.
    pub blocked: Option<Block>,
    /// Holds one of Default's CPU permits for the task it runs.
    pub cpu_permit: bool,
    /// JVM daemon threads do not keep the program alive.
    pub daemon: bool,
    /// Its `java.lang.Thread` object, made by the first `Thread.currentThread()` on it:
    /// every later call gives the same object, so `===` and sets of threads work.
    pub object: Option<ObjId>,
}

/// A scheduled wake-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Timer {
    /// Resume a strand after `delay`.
    Resume(StrandId),
    /// Cancel a `withTimeout` coroutine.
    Timeout(JobId),
}

/// A monitor (`synchronized`): who holds it and who waits.
#[derive(Debug, Clone, Default)]
pub struct Monitor {
    /// The holding thread and strand.
    pub owner: Option<(ThreadId, StrandId)>,
    /// Re-entrant depth.
    pub depth: u32,
    /// Blocked threads, first come first served.
    pub waiters: VecDeque<(ThreadId, StrandId)>,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// `main` returned.
    Completed,
    /// An exception escaped `main`.
    MainThrew(String),
    /// A limit stopped the run, or it can never finish.
    Stopped(Diagnostic),
}

impl Outcome {
    /// The process exit code: 0, 1 or 2.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Completed => 0,
            Outcome::MainThrew(_) => 1,
            Outcome::Stopped(_) => 2,
        }
    }
}

/// A line of output.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputLine {
    /// The text without the line break.
    pub text: String,
    /// Printed to standard error.
    pub stderr: bool,
    /// The step that printed it.
    pub step: u64,
}

/// The whole simulated state.
#[derive(Debug, Clone)]
pub struct World {
    /// The program.
    pub program: Rc<Program>,
    /// Run options.
    pub config: Config,
    /// Objects.
    pub heap: Heap,
    /// Top-level properties.
    pub globals: Vec<Value>,
    /// `object` singletons, created on first use.
    pub objects: Vec<Option<ObjId>>,
    /// The objects whose initializer threw: the JVM refuses to use their class again.
    pub failed_objects: Vec<crate::bytecode::ClassId>,
    /// Jobs; index 0 is `NonCancellable`.
    pub jobs: Vec<Job>,
    /// Strands.
    pub strands: Vec<Strand>,
    /// Threads; index 0 is `main`.
    pub threads: Vec<Thread>,
    /// Dispatchers: Default, IO, Main, Unconfined, the blocking scheduler, then the
    /// program's own.
    pub dispatchers: Vec<Dispatcher>,
    /// Pending timers: a binary min-heap by (time, sequence). A cancelled timer stays until it
    /// reaches the top or the heap is purged; it is pending while its strand or job still holds
    /// its key (see [`World::timer_pending`]).
    pub timers: Vec<((u64, u64), Timer)>,
    timer_seq: u64,
    /// Monitors by lock object, sorted by it (a vector: one more map type would cost the page
    /// its own copy of the map code).
    pub monitors: Vec<(ObjId, Monitor)>,
    /// The channel of each `produce` coroutine, by job (jobs are created in id order).
    pub producers: Vec<(JobId, ObjId)>,
    /// The virtual clock, in microseconds.
    pub now: u64,
    /// The only source of choice.
    pub rng: Rng,
    /// What happened.
    pub trace: Trace,
    /// Printed lines.
    pub output: Vec<OutputLine>,
    /// Text printed with `print` not yet ended by a line break, per stream.
    pending_text: [String; 2],
    output_bytes: usize,
    /// Steps taken.
    pub steps: u64,
    /// The statement run last, by any strand: where a run stopped by the step limit was.
    pub last_statement: Span,
    /// How the run ended, once it did.
    pub outcome: Option<Outcome>,
    /// Warnings found while running (for example a pool left open).
    pub warnings: Vec<Diagnostic>,
    /// `DebugProbes.install()` was called.
    pub debug_probes: bool,
    /// The last coroutine debug id handed out.
    pub next_coroutine_id: u32,
    /// Coroutines alive.
    pub live_jobs: u64,
    /// Counter of `Executors` pools, for `pool-N-thread-M` names.
    pub pool_counter: u32,
    /// The strand running in the current step.
    pub current_strand: Option<StrandId>,
    /// The thread acting in the current step.
    pub current_thread: Option<ThreadId>,
    /// The main strand.
    pub main_strand: StrandId,
    /// Handler strands to run on the current thread as soon as this step ends.
    pub pending_immediate: Vec<StrandId>,
    /// How deeply handlers are running inside each other.
    pub handler_depth: u32,
    observed_threads: Vec<(Option<StrandId>, Option<String>)>,
    observed_queues: Vec<u32>,
    observed_metrics: (u64, u64),
    /// Simulated bytes of the frames of live coroutines' strands, kept up to date as strands
    /// suspend and finish.
    pub frame_bytes: u64,
    /// A class with its own `equals()` met by a built-in comparing values (`contains`,
    /// `setOf`, …), which cannot run it: the built-in's caller stops the run with a diagnostic
    /// instead of going on with the answer identity gave.
    pub(crate) own_equals_met: std::cell::Cell<Option<crate::bytecode::ClassId>>,
    /// Texts that objects' own `toString()`s gave, while a value holding them is printed:
    /// each is run as a call first, then the value's text is made with them (see `Op::ToStr`).
    pub(crate) told_texts: std::collections::BTreeMap<ObjId, Rc<str>>,
}

/// Well-known dispatchers.
pub const DEFAULT: DispatcherId = DispatcherId(0);
/// `Dispatchers.IO`.
pub const IO: DispatcherId = DispatcherId(1);
/// `Dispatchers.Main`.
pub const MAIN: DispatcherId = DispatcherId(2);
/// `Dispatchers.Unconfined`.
pub const UNCONFINED: DispatcherId = DispatcherId(3);
/// The scheduler's blocking side.
pub const BLOCKING: DispatcherId = DispatcherId(4);
/// The main thread.
pub const MAIN_THREAD: ThreadId = ThreadId(0);

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    /// Something happened.
    Progress,
    /// The run had already ended.
    Finished,
}

impl World {
    /// A world ready to run `program`'s `main` on the main thread at time 0.
    pub fn new(program: Rc<Program>, config: Config) -> World {
        let cores = config.cores.max(2);
        let dispatcher = |kind, name: &str, limit, prefix: &str, max_threads| Dispatcher {
            kind,
            name: name.to_string(),
            queue: VecDeque::new(),
            threads: Vec::new(),
            max_threads,
            running: 0,
            limit,
            closed: false,
            scheduled: false,
            thread_prefix: prefix.to_string(),
        };
        let dispatchers = vec![
            dispatcher(DispatcherKind::Default, "Dispatchers.Default", cores, "DefaultDispatcher-worker-", u32::MAX),
            dispatcher(DispatcherKind::Limited(BLOCKING), "Dispatchers.IO", 64.max(cores), "", 0),
            dispatcher(DispatcherKind::Main, "Dispatchers.Main", 1, "", 0),
            dispatcher(DispatcherKind::Unconfined, "Dispatchers.Unconfined", 0, "", 0),
            dispatcher(DispatcherKind::Blocking, "Dispatchers.IO", u32::MAX, "", 0),
        ];
        let main_thread = Thread {
            name: "main".into(),
            serves: None,
            event_loop: None,
            current: Some(StrandId(0)),
            paused: Vec::new(),
            parked: Vec::new(),
            time: 0,
            blocked: None,
            cpu_permit: false,
            daemon: false,
            object: None,
            unconfined: Default::default(),
        };
        let mut non_cancellable = Job::new(
            crate::job::JobClass::NonCancellable,
            Rc::new(Context { job: Some(JobId::NON_CANCELLABLE), ..Context::default() }),
            Span::default(),
        );
        non_cancellable.handles_exception = false;
        let n_globals = program.globals.len();
        let n_classes = program.classes.len();
        let mut world = World {
            rng: Rng::new(config.seed),
            config,
            heap: Heap::default(),
            globals: vec![Value::Absent; n_globals],
            objects: vec![None; n_classes],
            failed_objects: Vec::new(),
            jobs: vec![non_cancellable],
            strands: Vec::new(),
            threads: vec![main_thread],
            dispatchers,
            timers: Vec::new(),
            timer_seq: 0,
            monitors: Vec::new(),
            producers: Vec::new(),
            now: 0,
            trace: Trace::default(),
            output: Vec::new(),
            pending_text: [String::new(), String::new()],
            output_bytes: 0,
            steps: 0,
            last_statement: Span::default(),
            outcome: None,
            warnings: Vec::new(),
            debug_probes: false,
            next_coroutine_id: 0,
            live_jobs: 0,
            pool_counter: 0,
            current_strand: None,
            current_thread: None,
            main_strand: StrandId(0),
            pending_immediate: Vec::new(),
            handler_depth: 0,
            observed_threads: Vec::new(),
            observed_queues: Vec::new(),
            observed_metrics: (0, 0),
            frame_bytes: 0,
            own_equals_met: std::cell::Cell::new(None),
            told_texts: std::collections::BTreeMap::new(),
            program,
        };
        world.record(EventKind::ThreadCreated { thread: MAIN_THREAD, name: "main".into() });
        // The main strand runs the top-level initializers, then `main`.
        let mut frames = Vec::new();
        let mut stack = Vec::new();
        if let Some(main) = world.program.main {
            let f = world.program.func(main);
            let n_locals = f.n_locals as usize;
            if world.program.main_takes_args {
                let args = world.new_list(Vec::new());
                stack.push(args);
            }
            while stack.len() < n_locals {
                stack.push(Value::Unit);
            }
            frames.push(Frame::Code(CodeFrame { func: main, ip: 0, base: 0, closure: None, handlers: Vec::new(), on_return: OnReturn::Push }));
        }
        // Top-level properties are initialized before main, in declaration order (the file
        // class's static initializer); frames run innermost first, so push them reversed.
        let inits: Vec<(u32, FuncId)> = world.program.globals.iter().enumerate().filter_map(|(i, g)| g.init.map(|f| (i as u32, f))).collect();
        for (g, f) in inits.into_iter().rev() {
            let base = stack.len() as u32;
            let n_locals = world.program.func(f).n_locals as usize;
            for _ in 0..n_locals {
                stack.push(Value::Unit);
            }
            frames.push(Frame::Code(CodeFrame { func: f, ip: 0, base, closure: None, handlers: Vec::new(), on_return: OnReturn::StoreGlobal(g) }));
        }
        world.strands.push(Strand {
            job: None,
            frames,
            stack,
            state: StrandState::Running,
            resume: None,
            thread: Some(MAIN_THREAD),
            monitors: Vec::new(),
            wait: Wait::None,
            cancel_registered: None,
            base_ctx: Rc::new(Context::default()),
            timer: None,
            label: "main".into(),
            ctx_stack: Vec::new(),
            permits: Vec::new(),
            saved_tls: Vec::new(),
            bytes: 0,
        });
        world
    }

    /// A copy of the world without its trace, to resume the simulation from later.
    pub fn checkpoint(&mut self) -> World {
        let trace = std::mem::take(&mut self.trace);
        let copy = self.clone();
        self.trace = trace;
        copy
    }

    /// Records an event at the current step and time.
    pub fn record(&mut self, kind: EventKind) {
        self.trace.events.push(Event { step: self.steps, time: self.now, thread: self.current_thread, strand: self.current_strand, kind });
    }

    /// Prints text; a line break ends a line of output.
    pub fn print(&mut self, text: &str, stderr: bool, newline: bool) {
        let idx = usize::from(stderr);
        self.output_bytes += text.len() + usize::from(newline);
        let mut buf = std::mem::take(&mut self.pending_text[idx]);
        buf.push_str(text);
        if newline {
            buf.push('\n');
        }
        while let Some(pos) = buf.find('\n') {
            let line: String = buf[..pos].to_string();
            buf.drain(..=pos);
            self.record(EventKind::Printed { text: line.clone(), stderr });
            self.output.push(OutputLine { text: line, stderr, step: self.steps });
        }
        self.pending_text[idx] = buf;
    }

    /// Everything printed to standard output, as the JVM would print it.
    pub fn stdout(&self) -> String {
        let mut out = String::new();
        for l in self.output.iter().filter(|l| !l.stderr) {
            out.push_str(&l.text);
            out.push('\n');
        }
        out.push_str(&self.pending_text[0]);
        out
    }

    /// Everything printed to standard error.
    pub fn stderr(&self) -> String {
        let mut out = String::new();
        for l in self.output.iter().filter(|l| l.stderr) {
            out.push_str(&l.text);
            out.push('\n');
        }
        out.push_str(&self.pending_text[1]);
        out
    }

    /// Schedules a timer.
    pub fn add_timer(&mut self, at: u64, timer: Timer) -> (u64, u64) {
        self.timer_seq += 1;
        let key = (at, self.timer_seq);
        if self.timers.len() >= 64 && self.timers.len() == self.timers.capacity() {
            // Before the heap grows, drop the cancelled timers it still holds: it stays within
            // twice the pending ones.
            let mut heap = std::mem::take(&mut self.timers);
            heap.retain(|(k, t)| self.timer_pending(*k, t));
            for i in (0..heap.len() / 2).rev() {
                sift_down(&mut heap, i);
            }
            self.timers = heap;
        }
        self.timers.push((key, timer));
        let mut i = self.timers.len() - 1;
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.timers[i].0 >= self.timers[parent].0 {
                break;
            }
            self.timers.swap(i, parent);
            i = parent;
        }
        key
    }

    /// Whether a timer in the heap is still pending: its strand or job holds its key until it
    /// fires or is cancelled.
    fn timer_pending(&self, key: (u64, u64), timer: &Timer) -> bool {
        match timer {
            Timer::Resume(s) => self.strands[s.0 as usize].timer == Some(key),
            Timer::Timeout(j) => self.jobs[j.0 as usize].timer == Some(key),
        }
    }

    /// The earliest pending timer's key; cancelled timers on top are dropped.
    fn next_timer(&mut self) -> Option<(u64, u64)> {
        while let Some((key, timer)) = self.timers.first() {
            if self.timer_pending(*key, timer) {
                return Some(*key);
            }
            self.pop_timer();
        }
        None
    }

    /// Takes the earliest timer off the heap.
    fn pop_timer(&mut self) -> Timer {
        let (_, timer) = self.timers.swap_remove(0);
        sift_down(&mut self.timers, 0);
        timer
    }

    /// The context a strand runs in now: its innermost scope's, else its coroutine's.
    pub fn current_ctx(&self, s: StrandId) -> Rc<Context> {
        let st = &self.strands[s.0 as usize];
        if let Some(c) = st.ctx_stack.last() {
            return c.clone();
        }
        match st.job {
            Some(j) => self.jobs[j.0 as usize].ctx.clone(),
            None => st.base_ctx.clone(),
        }
    }

    /// Runs until the program ends or a limit stops it.
    pub fn run_to_end(&mut self) {
        while self.step() == StepResult::Progress {}
    }

    /// Runs until the virtual clock reaches `time_us` (or the program ends).
    pub fn run_until(&mut self, time_us: u64) {
        while self.outcome.is_none() && self.now < time_us {
            if self.step() == StepResult::Finished {
                break;
            }
        }
    }

    /// Ends the run.
    pub fn finish(&mut self, outcome: Outcome) {
        if self.outcome.is_some() {
            return;
        }
        // Output printed without a final line break still counts.
        for stderr in [false, true] {
            let idx = usize::from(stderr);
            if !self.pending_text[idx].is_empty() {
                let line = std::mem::take(&mut self.pending_text[idx]);
                self.record(EventKind::Printed { text: line.clone(), stderr });
                self.output.push(OutputLine { text: line, stderr, step: self.steps });
            }
        }
        if outcome == Outcome::Completed {
            // Pools of non-daemon threads keep a JVM alive after main returns.
            let open: Vec<String> = self.dispatchers.iter().filter(|d| d.kind == DispatcherKind::Pool && !d.scheduled && !d.closed && !d.threads.is_empty()).map(|d| d.name.clone()).collect();
            for name in open {
                self.warnings.push(Diagnostic::warning(
                    Span::default(),
                    format!("on the JVM this program would not exit: the threads of {name} are still alive; call close() (or shutdown()) when done"),
                ));
            }
        }
        let code = outcome.exit_code();
        self.current_thread = None;
        self.current_strand = None;
        self.record(EventKind::Ended { exit_code: code });
        self.outcome = Some(outcome);
    }

    /// Advances the world by one statement of one strand or one runtime event.
    ///
    /// Order matters: a timer due no later than the earliest thread action fires first, so a
    /// coroutine woken by `delay(100)` is queued before a thread that is free at 100 ms looks
    /// for work — as an event loop moves due delayed tasks into its queue before taking the
    /// next task. Threads ready at the same virtual time are chosen by the seeded generator.
    pub fn step(&mut self) -> StepResult {
        if self.outcome.is_some() {
            return StepResult::Finished;
        }
        if self.steps >= self.config.max_steps {
            let d = Diagnostic::error(
                self.last_statement,
                format!("the run stopped after {} steps: the program may loop forever", self.config.max_steps),
            )
            .with_help("look for a loop that never ends or a coroutine that never suspends");
            self.finish(Outcome::Stopped(d));
            return StepResult::Finished;
        }
        let next_thread = self.next_thread_action();
        let next_timer = self.next_timer();
        match (next_thread, next_timer) {
            (None, None) => {
                self.stuck();
                return StepResult::Finished;
            }
            (ref t, Some(key)) if t.as_ref().is_none_or(|(time, _)| key.0 <= *time) => {
                self.steps += 1;
                self.now = self.now.max(key.0);
                let timer = self.pop_timer();
                self.current_thread = None;
                self.current_strand = None;
                self.fire_timer(timer);
                self.flush_immediate();
            }
            (Some((time, n_ready)), _) => {
                self.steps += 1;
                self.now = self.now.max(time);
                let k = if n_ready == 1 { 0 } else { self.rng.below(n_ready as u64) as usize };
                let tid = self.nth_ready_thread(time, k);
                self.thread_action(tid);
                self.flush_immediate();
            }
            (None, Some(_)) => unreachable!("covered by the arm above"),
        }
        self.observe();
        self.check_limits();
        if self.outcome.is_some() { StepResult::Finished } else { StepResult::Progress }
    }

    /// Records what changed in the threads, the queues and the metrics during this step, so
    /// that views can be derived from the trace alone.
    fn observe(&mut self) {
        if !self.config.record_statements {
            return;
        }
        self.current_thread = None;
        for i in 0..self.threads.len() {
            let t = &self.threads[i];
            let blocked = match &t.blocked {
                Some(Block::Sleep(_)) => Some("Thread.sleep".to_string()),
                Some(Block::Monitor(_)) => Some("waiting for a synchronized lock".to_string()),
                None if !t.parked.is_empty() && t.current.is_none() => None,
                None => None,
            };
            let strand = t.current.or_else(|| if t.blocked.is_none() { None } else { t.current });
            let obs = (strand, blocked);
            if self.observed_threads.get(i) != Some(&obs) {
                if self.observed_threads.len() <= i {
                    self.observed_threads.resize(i + 1, (None, None));
                }
                self.observed_threads[i] = obs.clone();
                self.record(EventKind::ThreadState { thread: ThreadId(i as u32), strand: obs.0, blocked: obs.1 });
            }
        }
        for i in 0..self.dispatchers.len() {
            let depth = self.dispatchers[i].queue.len() as u32;
            if self.observed_queues.len() <= i {
                self.observed_queues.resize(i + 1, 0);
            }
            if self.observed_queues[i] != depth {
                self.observed_queues[i] = depth;
                self.record(EventKind::QueueDepth { dispatcher: DispatcherId(i as u32), depth });
            }
        }
        let bytes = self.live_bytes();
        if self.observed_metrics != (self.live_jobs, bytes) {
            self.observed_metrics = (self.live_jobs, bytes);
            self.record(EventKind::Metrics { live: self.live_jobs, bytes });
        }
    }

    /// Simulated memory held by live coroutines, in bytes: a fixed cost per coroutine (its
    /// job and continuation objects) plus its frames and their slots. See ARCHITECTURE.md.
    pub fn live_bytes(&self) -> u64 {
        self.live_jobs * COROUTINE_BASE_BYTES + self.frame_bytes
    }

    fn check_limits(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        let stop = if self.live_jobs > self.config.max_live_coroutines {
            Some(format!("the run stopped: more than {} coroutines were alive at once", self.config.max_live_coroutines))
        } else if self.heap.len() > self.config.max_heap_objects {
            Some(format!("the run stopped: the program created more than {} objects", self.config.max_heap_objects))
        } else if self.output_bytes > self.config.max_output_bytes {
            Some(format!("the run stopped: the program printed more than {} bytes", self.config.max_output_bytes))
        } else {
            None
        };
        if let Some(msg) = stop {
            self.finish(Outcome::Stopped(Diagnostic::error(Span::default(), msg)));
        }
    }

    /// Nothing can ever happen again while main has not returned.
    #[inline(never)]
    fn stuck(&mut self) {
        let main = &self.strands[self.main_strand.0 as usize];
        let what = match &main.wait {
            Wait::RunBlocking(j) => {
                let waiting: Vec<String> = self.describe_waiting(*j);
                format!("main waits in runBlocking for coroutines that can never resume: {}", waiting.join(", "))
            }
            Wait::Monitor(_) => "main waits for a lock that is never released (a deadlock)".to_string(),
            other => format!("main waits forever ({other:?})"),
        };
        let d = Diagnostic::error(Span::default(), format!("the program hangs: {what}"))
            .with_help("on the JVM it would never exit; look for a join/await on something that never completes, or a lock never released");
        self.finish(Outcome::Stopped(d));
    }

    #[inline(never)]
    fn describe_waiting(&self, root: JobId) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(j) = stack.pop() {
            let job = self.job(j);
            if job.is_completed() {
                continue;
            }
            if let Some(s) = job.strand {
                let st = &self.strands[s.0 as usize];
                if st.state == StrandState::Suspended {
                    out.push(format!("{} ({})", self.job_label(j), self.wait_text(&st.wait)));
                }
            }
            stack.extend(self.live_children(j).into_iter().rev());
        }
        if out.is_empty() {
            out.push(self.job_label(root));
        }
        out
    }

    /// Words for what a strand waits for.
    pub fn wait_text(&self, w: &Wait) -> String {
        match w {
            Wait::None => "running".into(),
            Wait::Delay { until } => format!("delay until {}", millis_text(*until)),
            Wait::Yield => "yield".into(),
            Wait::Join(j) => format!("join on {}", self.job_label(*j)),
            Wait::Await(j) => format!("await on {}", self.job_label(*j)),
            Wait::All { .. } => "awaitAll/joinAll".into(),
            Wait::ScopeChildren(j) => format!("{} waits for its children", self.job_label(*j)),
            Wait::RunBlocking(j) => format!("runBlocking waits for {}", self.job_label(*j)),
            Wait::Mutex(_) => "Mutex.lock".into(),
            Wait::Semaphore(_) => "Semaphore.acquire".into(),
            Wait::Send(o) => self.channel_wait_text(*o, true),
            Wait::Receive(o) => self.channel_wait_text(*o, false),
            Wait::Monitor(_) => "a synchronized lock".into(),
            Wait::Sleep { until } => format!("Thread.sleep until {}", millis_text(*until)),
            Wait::Dispatch => "a thread".into(),
            Wait::Forever => "forever".into(),
        }
    }

    /// A short name for a job in messages and views: its CoroutineName or builder and id.
    pub fn job_label(&self, j: JobId) -> String {
        let job = self.job(j);
        match &job.ctx.name {
            Some(n) if job.class.is_coroutine() && !job.class.is_scoped() => format!("\"{n}\""),
            _ if job.class.is_coroutine() => format!("{}#{}", job.class.builder(), j.0),
            _ => format!("{}#{}", job.class.builder().trim_end_matches("()"), j.0),
        }
    }

    /// The earliest time any thread can act, and how many threads can act then.
    fn next_thread_action(&self) -> Option<(u64, usize)> {
        let mut best: Option<(u64, usize)> = None;
        for (i, t) in self.threads.iter().enumerate() {
            let Some(time) = self.thread_ready_at(ThreadId(i as u32), t) else { continue };
            match &mut best {
                Some((bt, n)) if *bt == time => *n += 1,
                Some((bt, _)) if *bt < time => {}
                _ => best = Some((time, 1)),
            }
        }
        best
    }

    /// The `k`-th thread (in id order) that can act at `time`.
    fn nth_ready_thread(&self, time: u64, k: usize) -> ThreadId {
        let mut seen = 0;
        for (i, t) in self.threads.iter().enumerate() {
            if self.thread_ready_at(ThreadId(i as u32), t) == Some(time) {
                if seen == k {
                    return ThreadId(i as u32);
                }
                seen += 1;
            }
        }
        unreachable!("next_thread_action counted the ready threads")
    }

    /// When a thread can act next, if it can.
    fn thread_ready_at(&self, tid: ThreadId, t: &Thread) -> Option<u64> {
        match &t.blocked {
            Some(Block::Sleep(until)) => return Some(*until),
            Some(Block::Monitor(_)) => return None,
            None => {}
        }
        if let Some(s) = t.current {
            let st = &self.strands[s.0 as usize];
            return match st.state {
                StrandState::Running => Some(t.time.max(self.now)),
                _ => None,
            };
        }
        if !t.paused.is_empty() || !t.unconfined.is_empty() {
            return Some(t.time.max(self.now));
        }
        if let Some(&(_, job)) = t.parked.last() {
            if self.job(job).is_completed() {
                return Some(t.time.max(self.now));
            }
        }
        if self.task_for(tid, t).is_some() {
            return Some(t.time.max(self.now));
        }
        None
    }

    /// The dispatcher whose queue head this thread would take now.
    fn task_for(&self, _tid: ThreadId, t: &Thread) -> Option<DispatcherId> {
        if !t.parked.is_empty() || t.serves.is_none() {
            let el = t.event_loop?;
            return if self.dispatchers[el.0 as usize].queue.is_empty() { None } else { Some(el) };
        }
        let pool = t.serves?;
        if pool == DEFAULT {
            // Scheduler workers take CPU tasks while CPU permits last, then blocking tasks.
            let d = &self.dispatchers[DEFAULT.0 as usize];
            if !d.queue.is_empty() && d.running < d.limit {
                return Some(DEFAULT);
            }
            if !self.dispatchers[BLOCKING.0 as usize].queue.is_empty() {
                return Some(BLOCKING);
            }
            return None;
        }
        if self.dispatchers[pool.0 as usize].queue.is_empty() { None } else { Some(pool) }
    }

    /// Does one action of a thread: continue, unblock, or take a new task.
    fn thread_action(&mut self, tid: ThreadId) {
        self.current_thread = Some(tid);
        let t = &self.threads[tid.0 as usize];
        if let Some(Block::Sleep(_)) = t.blocked {
            let s = t.current.expect("a sleeping thread holds a strand");
            self.threads[tid.0 as usize].blocked = None;
            self.current_strand = Some(s);
            self.strands[s.0 as usize].state = StrandState::Running;
            self.strands[s.0 as usize].wait = Wait::None;
            self.threads[tid.0 as usize].time = self.now;
            self.record(EventKind::Unblocked { strand: s });
            return;
        }
        if let Some(s) = t.current {
            self.current_strand = Some(s);
            self.exec_step(tid, s);
            self.after_step(tid);
            return;
        }
        let next = match self.threads[tid.0 as usize].unconfined.pop_front() {
            Some(s) => Some(s),
            None => self.threads[tid.0 as usize].paused.pop(),
        };
        if let Some(s) = next {
            self.current_strand = Some(s);
            self.threads[tid.0 as usize].current = Some(s);
            self.strands[s.0 as usize].state = StrandState::Running;
            self.strands[s.0 as usize].thread = Some(tid);
            self.threads[tid.0 as usize].time = self.threads[tid.0 as usize].time.max(self.now);
            self.enter_thread(tid, s);
            self.record(EventKind::Started { strand: s });
            return;
        }
        if let Some(&(s, job)) = self.threads[tid.0 as usize].parked.last() {
            if self.job(job).is_completed() {
                self.threads[tid.0 as usize].parked.pop();
                self.current_strand = Some(s);
                self.threads[tid.0 as usize].current = Some(s);
                let st = &mut self.strands[s.0 as usize];
                st.state = StrandState::Running;
                st.wait = Wait::None;
                st.resume = Some(Resume::BlockingDone(job));
                self.threads[tid.0 as usize].time = self.threads[tid.0 as usize].time.max(self.now);
                self.enter_thread(tid, s);
                self.record(EventKind::Unblocked { strand: s });
                return;
            }
        }
        let t = &self.threads[tid.0 as usize];
        if let Some(d) = self.task_for(tid, t) {
            let s = self.dispatchers[d.0 as usize].queue.pop_front().expect("task_for saw a task");
            if d == DEFAULT {
                self.dispatchers[DEFAULT.0 as usize].running += 1;
                self.threads[tid.0 as usize].cpu_permit = true;
            }
            self.current_strand = Some(s);
            let th = &mut self.threads[tid.0 as usize];
            th.current = Some(s);
            th.time = th.time.max(self.now);
            let st = &mut self.strands[s.0 as usize];
            st.state = StrandState::Running;
            st.thread = Some(tid);
            self.enter_thread(tid, s);
            self.record(EventKind::Started { strand: s });
        }
    }

    /// After a strand's step: if it let go of the thread, release what it held.
    fn after_step(&mut self, tid: ThreadId) {
        let Some(s) = self.threads[tid.0 as usize].current else { return };
        let state = self.strands[s.0 as usize].state;
        match state {
            StrandState::Running | StrandState::Blocked => {}
            _ => self.release_thread(tid, s),
        }
    }

    /// A strand stopped running on a thread (suspended, queued elsewhere, or done): the
    /// thread becomes free and view permits are given back.
    pub fn release_thread(&mut self, tid: ThreadId, s: StrandId) {
        self.leave_thread(tid, s);
        let th = &mut self.threads[tid.0 as usize];
        if th.current == Some(s) {
            th.current = None;
        }
        if th.cpu_permit {
            th.cpu_permit = false;
            let d = &mut self.dispatchers[DEFAULT.0 as usize];
            d.running = d.running.saturating_sub(1);
        }
        // A strand that was queued again already swapped its permits (see `dispatch_to`).
        if self.strands[s.0 as usize].state != StrandState::Queued {
            let permits = std::mem::take(&mut self.strands[s.0 as usize].permits);
            for view in permits.into_iter().rev() {
                self.release_permit(view);
            }
        }
        if self.strands[s.0 as usize].thread == Some(tid) && self.strands[s.0 as usize].state != StrandState::Paused {
            self.strands[s.0 as usize].thread = None;
        }
    }

    fn release_permit(&mut self, view: DispatcherId) {
        let d = &mut self.dispatchers[view.0 as usize];
        d.running = d.running.saturating_sub(1);
        if let Some(next) = d.queue.pop_front() {
            d.running += 1;
            self.strands[next.0 as usize].permits.push(view);
            let DispatcherKind::Limited(parent) = self.dispatchers[view.0 as usize].kind else { return };
            self.enqueue_via(parent, next, true);
        }
    }

    /// Puts a strand in the queue of its current dispatcher, to receive `resume` when a
    /// thread runs it.
    pub fn dispatch(&mut self, s: StrandId, resume: Resume) {
        // Without a dispatcher (the code of `suspend fun main`) a continuation resumes in
        // the thread that resumes it, as with Unconfined.
        let d = self.current_ctx(s).dispatcher.unwrap_or(UNCONFINED);
        self.dispatch_to(s, d, resume);
    }

    /// Puts a strand in a given dispatcher's queue.
    pub fn dispatch_to(&mut self, s: StrandId, d: DispatcherId, resume: Resume) {
        // A strand dispatched again gives up the view permits of the run it leaves before it
        // asks for those of its next run.
        let permits = std::mem::take(&mut self.strands[s.0 as usize].permits);
        for view in permits.into_iter().rev() {
            self.release_permit(view);
        }
        let st = &mut self.strands[s.0 as usize];
        st.resume = Some(resume);
        st.state = StrandState::Queued;
        if st.wait == Wait::None {
            st.wait = Wait::Dispatch;
        }
        self.record(EventKind::Dispatched { strand: s, dispatcher: d });
        self.enqueue(d, s);
    }

    fn enqueue(&mut self, d: DispatcherId, s: StrandId) {
        self.enqueue_via(d, s, false);
    }

    /// `via_view`: a `limitedParallelism` view hands the task to `d`, with the view itself
    /// as the task's context (`LimitedDispatcher.dispatch`), so no job is in that context.
    fn enqueue_via(&mut self, d: DispatcherId, s: StrandId, via_view: bool) {
        match self.dispatchers[d.0 as usize].kind {
            DispatcherKind::Limited(parent) => {
                let v = &mut self.dispatchers[d.0 as usize];
                if v.running < v.limit {
                    v.running += 1;
                    self.strands[s.0 as usize].permits.push(d);
                    self.enqueue_via(parent, s, true);
                } else {
                    v.queue.push_back(s);
                }
            }
            DispatcherKind::Unconfined => {
                // No dispatch: it runs right away on the thread that resumed it (before that
                // thread's strand goes on), or, when a timer resumed it, on the thread that
                // fires timers, kotlinx.coroutines.DefaultExecutor.
                match self.current_thread {
                    Some(_) => {
                        self.strands[s.0 as usize].state = StrandState::Paused;
                        self.pending_immediate.push(s);
                    }
                    None => {
                        let t = self.default_executor();
                        self.strands[s.0 as usize].state = StrandState::Paused;
                        self.strands[s.0 as usize].thread = Some(t);
                        self.threads[t.0 as usize].paused.insert(0, s);
                    }
                }
            }
            DispatcherKind::Main => {
                let el = self.event_loop_of(crate::world::MAIN_THREAD);
                self.enqueue(el, s);
            }
            DispatcherKind::EventLoop(_) => {
                self.dispatchers[d.0 as usize].queue.push_back(s);
            }
            DispatcherKind::Default => {
                self.dispatchers[d.0 as usize].queue.push_back(s);
                self.ensure_worker(false);
            }
            DispatcherKind::Blocking => {
                self.dispatchers[d.0 as usize].queue.push_back(s);
                self.ensure_worker(true);
            }
            DispatcherKind::Pool if self.dispatchers[d.0 as usize].closed => self.reject(d, s, via_view),
            DispatcherKind::Pool => {
                // A ThreadPoolExecutor below its core size starts a thread for each task it is
                // given, with that task as the thread's first, even while other threads idle.
                // (A ScheduledThreadPoolExecutor, behind newSingleThreadContext and
                // newFixedThreadPoolContext, queues every task and starts a thread without one.)
                match self.ensure_pool_thread(d) {
                    Some(t) if !self.dispatchers[d.0 as usize].scheduled => self.threads[t.0 as usize].paused.push(s),
                    _ => self.dispatchers[d.0 as usize].queue.push_back(s),
                }
            }
        }
    }

    /// A task dispatched to a closed pool. The executor's `execute` throws
    /// RejectedExecutionException after `shutdown()`, and kotlinx.coroutines 1.9
    /// (`ExecutorCoroutineDispatcherImpl.dispatch`) catches it: it cancels the job of the
    /// task's context with `CancellationException("The task was rejected", e)`
    /// (`cancelJobOnRejection`) and hands the task to `Dispatchers.IO`, so that the coroutine
    /// can finish its cancellation there. The task then runs as any cancellable resumption
    /// does in a cancelled job (`DispatchedTask.run`): a coroutine that had not started never
    /// runs its body, a suspension point throws the CancellationException, and only an
    /// ATOMIC start or a resumption with an exception goes on as it was.
    #[inline(never)]
    fn reject(&mut self, d: DispatcherId, s: StrandId, via_view: bool) {
        let job = if via_view { None } else { self.current_ctx(s).job };
        if let Some(j) = job {
            let cause = self.rejected_execution(d);
            let exc = self.new_exception(crate::exception::ExcClass::CancellationException, Some("The task was rejected"), Some(cause));
            self.cancel_impl(j, crate::job::Cause::Exception(exc), crate::trace::CancelOrigin::Explicit(None));
            // Returning from a scope normally delivers the scope's value; now the job is
            // cancelled, the caller gets the CancellationException instead.
            if self.strands[s.0 as usize].resume == Some(Resume::ScopeDone) {
                self.strands[s.0 as usize].resume = Some(Resume::ScopeDoneCancellable);
            }
        }
        self.record(EventKind::Dispatched { strand: s, dispatcher: IO });
        self.enqueue_via(IO, s, false);
    }

    /// The RejectedExecutionException a closed pool's executor throws. The JDK's message
    /// (`AbortPolicy`) names the task and the executor by identity hash codes, which the
    /// engine stands in for as it does for every identity hash code.
    pub(crate) fn rejected_execution(&mut self, d: DispatcherId) -> Value {
        let class = if self.dispatchers[d.0 as usize].scheduled { "ScheduledThreadPoolExecutor" } else { "ThreadPoolExecutor" };
        let executor = format!("java.util.concurrent.{class}@{}", crate::format::fake_hash(d.0 as u64 + 31));
        let msg = format!("Task DispatchedContinuation[{executor}] rejected from {executor}");
        self.new_exception(crate::exception::ExcClass::RejectedExecutionException, Some(&msg), None)
    }

    /// Whether a dispatcher is a closed pool whose executor runs its own `delay`s.
    pub(crate) fn closed_scheduled(&self, d: Option<DispatcherId>) -> bool {
        d.is_some_and(|d| {
            let disp = &self.dispatchers[d.0 as usize];
            disp.kind == DispatcherKind::Pool && disp.closed && disp.scheduled
        })
    }

    /// The thread that fires timers outside event loops, created on first use.
    fn default_executor(&mut self) -> ThreadId {
        if let Some(i) = self.threads.iter().position(|t| t.name == "kotlinx.coroutines.DefaultExecutor") {
            return ThreadId(i as u32);
        }
        self.new_thread("kotlinx.coroutines.DefaultExecutor".into(), None, true)
    }

    /// The event loop of a thread, created on first use.
    pub fn event_loop_of(&mut self, t: ThreadId) -> DispatcherId {
        if let Some(el) = self.threads[t.0 as usize].event_loop {
            return el;
        }
        let id = DispatcherId(self.dispatchers.len() as u32);
        self.dispatchers.push(Dispatcher {
            kind: DispatcherKind::EventLoop(t),
            name: "BlockingEventLoop".into(),
            queue: VecDeque::new(),
            threads: vec![t],
            max_threads: 1,
            running: 0,
            limit: 1,
            closed: false,
            scheduled: false,
            thread_prefix: String::new(),
        });
        self.threads[t.0 as usize].event_loop = Some(id);
        id
    }

    /// Creates a scheduler worker when a task waits and no worker is free to take it.
    fn ensure_worker(&mut self, blocking: bool) {
        let workers = self.dispatchers[DEFAULT.0 as usize].threads.clone();
        let idle = workers.iter().filter(|&&t| {
            let th = &self.threads[t.0 as usize];
            th.current.is_none() && th.paused.is_empty() && th.unconfined.is_empty() && th.parked.is_empty() && th.blocked.is_none()
        }).count();
        let queued = self.dispatchers[DEFAULT.0 as usize].queue.len() + self.dispatchers[BLOCKING.0 as usize].queue.len();
        if idle >= queued {
            return;
        }
        if !blocking {
            // CPU work never needs more workers than CPU permits.
            let busy_cpu = self.dispatchers[DEFAULT.0 as usize].running as usize;
            let limit = self.dispatchers[DEFAULT.0 as usize].limit as usize;
            if busy_cpu + idle >= limit {
                return;
            }
        }
        let n = workers.len() + 1;
        let tid = self.new_thread(format!("DefaultDispatcher-worker-{n}"), Some(DEFAULT), true);
        self.dispatchers[DEFAULT.0 as usize].threads.push(tid);
    }

    /// Creates a pool thread when a task waits and the pool has room, as a
    /// ThreadPoolExecutor starts a new thread per task until it reaches its core size.
    fn ensure_pool_thread(&mut self, d: DispatcherId) -> Option<ThreadId> {
        let disp = &self.dispatchers[d.0 as usize];
        if (disp.threads.len() as u32) >= disp.max_threads {
            return None;
        }
        let n = disp.threads.len() + 1;
        let name = if disp.max_threads == 1 && !disp.thread_prefix.ends_with('-') { disp.thread_prefix.clone() } else { format!("{}{}", disp.thread_prefix, n) };
        // kotlinx.coroutines makes the threads of `newSingleThreadContext` and
        // `newFixedThreadPoolContext` daemons; an `Executors` pool's are not.
        let daemon = disp.scheduled;
        let tid = self.new_thread(name, Some(d), daemon);
        self.dispatchers[d.0 as usize].threads.push(tid);
        Some(tid)
    }

    /// Creates a thread.
    pub fn new_thread(&mut self, name: String, serves: Option<DispatcherId>, daemon: bool) -> ThreadId {
        let tid = ThreadId(self.threads.len() as u32);
        self.threads.push(Thread {
            name: name.clone(),
            serves,
            event_loop: None,
            current: None,
            paused: Vec::new(),
            parked: Vec::new(),
            time: self.now,
            blocked: None,
            cpu_permit: false,
            daemon,
            object: None,
            unconfined: Default::default(),
        });
        self.record(EventKind::ThreadCreated { thread: tid, name });
        tid
    }

    /// Resumes a strand right away on the current thread, before anything else it would do
    /// (a direct resume, without a dispatch).
    pub fn resume_now(&mut self, s: StrandId, resume: Resume) {
        let st = &mut self.strands[s.0 as usize];
        st.resume = Some(resume);
        match self.current_thread {
            Some(t) => {
                st.state = StrandState::Paused;
                st.thread = Some(t);
                self.threads[t.0 as usize].paused.insert(0, s);
            }
            None => self.dispatch_resume_keep(s),
        }
    }

    fn dispatch_resume_keep(&mut self, s: StrandId) {
        let d = self.current_ctx(s).dispatcher.unwrap_or(DEFAULT);
        self.strands[s.0 as usize].state = StrandState::Queued;
        self.enqueue(d, s);
    }

    /// A `runBlocking` coroutine finished: its caller's thread continues with the result.
    pub fn unpark_blocking(&mut self, _owner: StrandId, _job: JobId) {
        // The thread notices the completed job on its next action (see `thread_ready_at`).
    }

    /// Fires a timer.
    fn fire_timer(&mut self, timer: Timer) {
        self.record(EventKind::TimerFired);
        match timer {
            Timer::Resume(s) => {
                let st = &mut self.strands[s.0 as usize];
                st.timer = None;
                if st.state != StrandState::Suspended {
                    return;
                }
                self.end_wait(s);
                let d = self.current_ctx(s).dispatcher;
                if self.closed_scheduled(d) {
                    // A ScheduledThreadPoolExecutor still runs the delayed tasks scheduled
                    // before shutdown() (its default policy), and the dispatcher's delay
                    // resumes the coroutine right on the pool thread
                    // (`ResumeUndispatchedRunnable`): no rejection. (A delay that starts after
                    // close() is rejected at once: see `suspend_delay`.)
                    let d = d.expect("checked by closed_scheduled");
                    let st = &mut self.strands[s.0 as usize];
                    st.resume = Some(Resume::Value { value: Value::Unit, cancellable: true });
                    st.state = StrandState::Queued;
                    st.wait = Wait::Dispatch;
                    self.record(EventKind::Dispatched { strand: s, dispatcher: d });
                    self.dispatchers[d.0 as usize].queue.push_back(s);
                    self.ensure_pool_thread(d);
                    return;
                }
                self.dispatch(s, Resume::Value { value: Value::Unit, cancellable: true });
            }
            Timer::Timeout(j) => {
                if self.job(j).is_completed() {
                    return;
                }
                self.jobs[j.0 as usize].timer = None;
                let ms = self.job(j).timeout_ms.unwrap_or(0);
                let exc = self.new_exception(crate::exception::ExcClass::TimeoutCancellationException, Some(&format!("Timed out waiting for {ms} ms")), None);
                if let Value::Obj(o) = &exc {
                    if let crate::value::HeapObj::Exception(e) = self.heap.get_mut(*o) {
                        e.job = Some(j);
                    }
                }
                self.cancel_impl(j, crate::job::Cause::Exception(exc), crate::trace::CancelOrigin::Timeout);
            }
        }
    }

    /// Starts the handler strands a step asked for (CoroutineExceptionHandler,
    /// invokeOnCompletion): on the acting thread, before the strand that was running there
    /// continues, in the order they were asked for.
    fn flush_immediate(&mut self) {
        if self.pending_immediate.is_empty() {
            return;
        }
        let list = std::mem::take(&mut self.pending_immediate);
        match self.current_thread {
            Some(t) => {
                // A coroutine that runs unconfined is itself inside the thread's unconfined
                // event loop: the coroutines it resumes or starts unconfined wait in that loop's
                // queue until it suspends or ends (kotlinx.coroutines' `isUnconfinedLoopActive`),
                // instead of cutting in. Any other running coroutine pauses for them.
                let running = self.threads[t.0 as usize].current.filter(|c| self.strands[c.0 as usize].state == StrandState::Running);
                let in_unconfined_loop = running.is_some_and(|c| self.current_ctx(c).dispatcher.is_some_and(|d| self.dispatchers[d.0 as usize].kind == DispatcherKind::Unconfined));
                if let Some(c) = running.filter(|_| !in_unconfined_loop) {
                    self.leave_thread(t, c);
                    self.strands[c.0 as usize].state = StrandState::Paused;
                    self.threads[t.0 as usize].paused.push(c);
                    self.threads[t.0 as usize].current = None;
                }
                for h in list.iter().copied() {
                    self.strands[h.0 as usize].state = StrandState::Paused;
                    self.strands[h.0 as usize].thread = Some(t);
                }
                if in_unconfined_loop {
                    self.threads[t.0 as usize].unconfined.extend(list);
                } else {
                    self.threads[t.0 as usize].paused.extend(list.into_iter().rev());
                }
            }
            None => {
                for h in list {
                    let d = self.strands[h.0 as usize].base_ctx.dispatcher.unwrap_or(DEFAULT);
                    self.dispatch_to(h, d, Resume::Start { atomic: true });
                }
            }
        }
    }

    /// A strand starts running on a thread: its context's thread-local elements
    /// (`ThreadLocal.asContextElement`) take effect there, saving the thread's own values.
    pub fn enter_thread(&mut self, t: ThreadId, s: StrandId) {
        let ctx = self.current_ctx(s);
        let saved = self.apply_thread_locals(t, &ctx);
        self.strands[s.0 as usize].saved_tls.extend(saved);
    }

    /// Sets a context's thread-local elements on the thread running `s`, returning the values
    /// the thread had, to give back with [`World::restore_thread_locals`].
    pub fn set_thread_locals(&mut self, s: StrandId, ctx: &Context) -> Vec<(ObjId, Option<Value>)> {
        match self.current_thread.filter(|_| self.current_strand == Some(s)) {
            Some(t) => self.apply_thread_locals(t, ctx),
            None => Vec::new(),
        }
    }

    /// Gives the running thread back the thread-local values [`World::set_thread_locals`] saved.
    pub fn restore_thread_locals(&mut self, saved: Vec<(ObjId, Option<Value>)>) {
        if let Some(t) = self.current_thread {
            self.restore_thread_locals_on(t, saved);
        }
    }

    /// Sets a context's thread-local elements on a thread; returns the values it had.
    fn apply_thread_locals(&mut self, t: ThreadId, ctx: &Context) -> Vec<(ObjId, Option<Value>)> {
        let mut saved = Vec::new();
        for (tl, v) in &ctx.thread_locals {
            let old = match self.heap.get(*tl) {
                crate::value::HeapObj::ThreadLocal(st) => st.values.iter().find(|(th, _)| *th == t).map(|(_, v)| v.clone()),
                _ => None,
            };
            saved.push((*tl, old));
            self.thread_local_set(*tl, t, v.clone());
        }
        saved
    }

    /// Puts saved thread-local values back on a thread, the last saved first.
    fn restore_thread_locals_on(&mut self, t: ThreadId, saved: Vec<(ObjId, Option<Value>)>) {
        for (tl, old) in saved.into_iter().rev() {
            match old {
                Some(v) => self.thread_local_set(tl, t, v),
                None => {
                    if let crate::value::HeapObj::ThreadLocal(st) = self.heap.get_mut(tl) {
                        st.values.retain(|(th, _)| *th != t);
                    }
                }
            }
        }
    }

    /// A running strand's context changed without leaving its thread (a `withContext` on the
    /// same dispatcher starts or returns): the thread-local elements follow the new context
    /// at once, as kotlinx.coroutines' `withCoroutineContext` updates the thread context.
    pub fn reenter_thread(&mut self, s: StrandId) {
        if let (Some(t), Some(running)) = (self.current_thread, self.current_strand) {
            if running == s {
                self.leave_thread(t, s);
                self.enter_thread(t, s);
            }
        }
    }

    /// A strand stops running on a thread: the thread's own thread-local values come back.
    pub fn leave_thread(&mut self, t: ThreadId, s: StrandId) {
        let saved = std::mem::take(&mut self.strands[s.0 as usize].saved_tls);
        self.restore_thread_locals_on(t, saved);
    }

    /// Names of all threads by id, for traces.
    pub fn thread_names(&self) -> Vec<String> {
        self.threads.iter().map(|t| t.name.clone()).collect()
    }
}

/// Restores the min-heap order of `heap` below `i`.
fn sift_down(heap: &mut [((u64, u64), Timer)], mut i: usize) {
    loop {
        let left = 2 * i + 1;
        if left >= heap.len() {
            return;
        }
        let child = if left + 1 < heap.len() && heap[left + 1].0 < heap[left].0 { left + 1 } else { left };
        if heap[child].0 >= heap[i].0 {
            return;
        }
        heap.swap(i, child);
        i = child;
    }
}

/// A virtual time in microseconds as milliseconds, exactly: `100 ms`, `100.02 ms`. A delay
/// runs from the instant it is called, which the statements before it have moved past a
/// whole millisecond; rounding would name a time at which the coroutine is still asleep.
pub fn millis_text(us: u64) -> String {
    let (whole, part) = (us / 1000, us % 1000);
    if part == 0 {
        return format!("{whole} ms");
    }
    let fraction = format!("{part:03}");
    format!("{whole}.{} ms", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::millis_text;

    #[test]
    fn millis_text_keeps_the_fraction() {
        assert_eq!(millis_text(100_000), "100 ms");
        assert_eq!(millis_text(100_020), "100.02 ms");
        assert_eq!(millis_text(300_021), "300.021 ms");
        assert_eq!(millis_text(5), "0.005 ms");
    }
}
