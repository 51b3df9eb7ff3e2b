//! Locks: JVM monitors (`synchronized`), which block the thread, and the coroutine `Mutex`
//! and `Semaphore`, which suspend the coroutine and free the thread. Waiters are served
//! first come, first served.

use crate::exception::ExcClass;
use crate::strand::{Resume, StrandState, Wait};
use crate::trace::EventKind;
use crate::value::{HeapObj, ObjId, StrandId, ThreadId, Value};
use crate::vm::{Fault, NResult, Native};
use crate::world::{Block, Monitor, World};

impl World {
    /// Enters a monitor (leaving nothing on the stack); blocks the thread while another thread
    /// holds it.
    pub(crate) fn monitor_enter(&mut self, t: ThreadId, s: StrandId, lock: Value) -> NResult {
        let Value::Obj(o) = lock else {
            return Err(Fault::Stop(format!("synchronized needs an object to lock on, found {}", self.type_name(&lock))));
        };
        let i = match self.monitors.binary_search_by_key(&o, |e| e.0) {
            Ok(i) => i,
            Err(i) => {
                self.monitors.insert(i, (o, Monitor::default()));
                i
            }
        };
        let m = &mut self.monitors[i].1;
        match m.owner {
            None => {
                m.owner = Some((t, s));
                m.depth = 1;
            }
            Some((owner, _)) if owner == t => m.depth += 1,
            Some(_) => {
                m.waiters.push_back((t, s));
                self.threads[t.0 as usize].blocked = Some(Block::Monitor(o));
                self.strands[s.0 as usize].wait = Wait::Monitor(o);
                self.record(EventKind::LockWaiting { lock: o, strand: s });
                return Ok(Native::Block);
            }
        }
        self.strands[s.0 as usize].monitors.push(o);
        self.record(EventKind::LockAcquired { lock: o, strand: s });
        Ok(Native::Pushed)
    }

    /// Leaves the innermost monitor the strand holds; hands it to the first waiting thread.
    pub(crate) fn monitor_exit(&mut self, _t: ThreadId, s: StrandId) {
        let Some(o) = self.strands[s.0 as usize].monitors.pop() else { return };
        let Ok(i) = self.monitors.binary_search_by_key(&o, |e| e.0) else { return };
        let m = &mut self.monitors[i].1;
        if m.depth > 1 {
            m.depth -= 1;
            return;
        }
        m.owner = None;
        m.depth = 0;
        let next = m.waiters.pop_front();
        self.record(EventKind::LockReleased { lock: o, strand: s });
        if let Some((wt, ws)) = next {
            let m = &mut self.monitors[i].1;
            m.owner = Some((wt, ws));
            m.depth = 1;
            self.strands[ws.0 as usize].monitors.push(o);
            let th = &mut self.threads[wt.0 as usize];
            th.blocked = None;
            th.time = th.time.max(self.now);
            let st = &mut self.strands[ws.0 as usize];
            st.state = StrandState::Running;
            st.wait = Wait::None;
            self.record(EventKind::LockAcquired { lock: o, strand: ws });
        }
    }

    /// Methods of a coroutine `Mutex`.
    pub(crate) fn mutex_method(&mut self, s: StrandId, o: ObjId, n: &str, args: &[Value]) -> NResult {
        let HeapObj::Mutex(m) = self.heap.get(o).clone() else { unreachable!("called for mutexes") };
        let _ = args;
        match n {
            "isLocked" => Ok(Native::Value(Value::Bool(m.owner.is_some()))),
            "holdsLock" => Ok(Native::Value(Value::Bool(m.owner == Some(s)))),
            "tryLock" => {
                if m.owner.is_some() {
                    return Ok(Native::Value(Value::Bool(false)));
                }
                self.set_mutex_owner(o, Some(s));
                self.record(EventKind::LockAcquired { lock: o, strand: s });
                Ok(Native::Value(Value::Bool(true)))
            }
            "lock" => {
                if m.owner.is_none() {
                    if let Some(e) = self.pending_cancellation(s) {
                        return Err(Fault::Throw(e));
                    }
                    self.set_mutex_owner(o, Some(s));
                    self.record(EventKind::LockAcquired { lock: o, strand: s });
                    return Ok(Native::Value(Value::Unit));
                }
                if let Some(e) = self.register_cancellable(s) {
                    return Err(Fault::Throw(e));
                }
                if let HeapObj::Mutex(m) = self.heap.get_mut(o) {
                    m.waiters.push_back(s);
                }
                self.strands[s.0 as usize].wait = Wait::Mutex(o);
                self.record(EventKind::LockWaiting { lock: o, strand: s });
                Ok(Native::Suspend)
            }
            "unlock" => {
                if m.owner.is_none() {
                    let e = self.new_exception(ExcClass::IllegalStateException, Some("This mutex is not locked"), None);
                    return Err(Fault::Throw(e));
                }
                self.record(EventKind::LockReleased { lock: o, strand: s });
                // The permit goes straight to the first waiter, which is dispatched.
                let next = if let HeapObj::Mutex(m) = self.heap.get_mut(o) { m.waiters.pop_front() } else { None };
                self.set_mutex_owner(o, next);
                if let Some(w) = next {
                    self.end_wait(w);
                    self.record(EventKind::LockAcquired { lock: o, strand: w });
                    self.dispatch(w, Resume::Value { value: Value::Unit, cancellable: false });
                }
                Ok(Native::Value(Value::Unit))
            }
            _ => Err(Fault::Stop(format!("Mutex has no member '{n}'"))),
        }
    }

    fn set_mutex_owner(&mut self, o: ObjId, owner: Option<StrandId>) {
        if let HeapObj::Mutex(m) = self.heap.get_mut(o) {
            m.owner = owner;
        }
    }

    /// Methods of a coroutine `Semaphore`.
    #[inline(never)]
    pub(crate) fn semaphore_method(&mut self, s: StrandId, o: ObjId, n: &str) -> NResult {
        let HeapObj::Semaphore(sem) = self.heap.get(o).clone() else { unreachable!("called for semaphores") };
        match n {
            "availablePermits" => Ok(Native::Value(Value::Int(sem.permits.max(0) as i32))),
            "tryAcquire" => {
                if sem.permits > 0 {
                    self.add_permits(o, -1);
                    return Ok(Native::Value(Value::Bool(true)));
                }
                Ok(Native::Value(Value::Bool(false)))
            }
            "acquire" => {
                if sem.permits > 0 {
                    if let Some(e) = self.pending_cancellation(s) {
                        return Err(Fault::Throw(e));
                    }
                    self.add_permits(o, -1);
                    self.record(EventKind::LockAcquired { lock: o, strand: s });
                    return Ok(Native::Value(Value::Unit));
                }
                if let Some(e) = self.register_cancellable(s) {
                    return Err(Fault::Throw(e));
                }
                if let HeapObj::Semaphore(m) = self.heap.get_mut(o) {
                    m.waiters.push_back(s);
                }
                self.strands[s.0 as usize].wait = Wait::Semaphore(o);
                self.record(EventKind::LockWaiting { lock: o, strand: s });
                Ok(Native::Suspend)
            }
            "release" => {
                if sem.permits >= sem.total && sem.waiters.is_empty() {
                    let e = self.new_exception(ExcClass::IllegalStateException, Some("The number of released permits cannot be greater than 1"), None);
                    return Err(Fault::Throw(e));
                }
                self.record(EventKind::LockReleased { lock: o, strand: s });
                let next = if let HeapObj::Semaphore(m) = self.heap.get_mut(o) { m.waiters.pop_front() } else { None };
                match next {
                    Some(w) => {
                        self.end_wait(w);
                        self.record(EventKind::LockAcquired { lock: o, strand: w });
                        self.dispatch(w, Resume::Value { value: Value::Unit, cancellable: false });
                    }
                    None => self.add_permits(o, 1),
                }
                Ok(Native::Value(Value::Unit))
            }
            _ => Err(Fault::Stop(format!("Semaphore has no member '{n}'"))),
        }
    }

    fn add_permits(&mut self, o: ObjId, d: i64) {
        if let HeapObj::Semaphore(m) = self.heap.get_mut(o) {
            m.permits += d;
        }
    }

    /// Removes a cancelled strand from a lock's queue.
    pub(crate) fn remove_lock_waiter(&mut self, o: ObjId, s: StrandId) {
        match self.heap.get_mut(o) {
            HeapObj::Mutex(m) => m.waiters.retain(|w| *w != s),
            HeapObj::Semaphore(m) => m.waiters.retain(|w| *w != s),
            _ => {}
        }
    }
}
