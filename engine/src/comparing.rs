//! Built-ins that compare elements with a class's own `compareTo()`: `sorted()` and its
//! relatives, `max()`/`min()`, `maxOf`/`minOf`, `coerceIn` and its relatives, and `sortedBy` or
//! `sortedWith(compareBy { })` over keys that have one. The `compareTo()` is the program's
//! code: it may print or throw, and the page steps through it. So such a built-in is a state
//! machine kept on the heap ([`Comparing`]): it asks for one comparison at a time, the VM runs
//! the call in a frame of its own, and the returning frame (`OnReturn::Compared`) hands the
//! result back here to go on. The comparisons are the ones the JVM makes, in its order, with
//! the same receiver: `Arrays.sort` is TimSort, which for fewer than 32 elements finds the
//! first run (`countRunAndMakeAscending`) and then sorts by binary insertion (`binarySort`);
//! for 32 or more, the runs are found and extended to `minRun` as TimSort does, then merged
//! by a plain stable merge, without TimSort's galloping (the same result, other comparisons).

use std::cmp::Ordering;

use crate::strand::OnReturn;
use crate::value::{HeapObj, ObjId, Value};
use crate::vm::{Exec, Fault, NResult, Native};
use crate::world::World;

/// A built-in between two comparisons.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparing {
    job: Job,
    /// The elements (for `coerceIn`: the value, the minimum and the maximum).
    elems: Vec<Value>,
    /// Each element's keys (`sortedBy`, `compareBy`); none: elements compare themselves.
    keys: Vec<Vec<Value>>,
    /// For each key, whether its comparison swaps the arguments (`compareByDescending`,
    /// `reverseOrder()`: `b.compareTo(a)`).
    swap: Vec<bool>,
    /// Keys compare as `compareValues` does: the same object is equal without a call, null
    /// comes first.
    values: bool,
    /// The elements being compared, and the key being compared.
    pair: (usize, usize),
    key: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Job {
    /// Sorting into a new list, or the list sorted in place.
    Sort(Sort, Option<ObjId>),
    /// The best so far and the next candidate: `max()` keeps `max < e` (`min()`: `min > e`).
    Best { max: bool, best: usize, at: usize },
    /// `coerceIn(min, max)`: how far it got, and the answer (`usize::MAX`: an empty range).
    Coerce { stage: u8, best: usize },
}

/// TimSort's steps, resumable after each comparison, over the indices of the elements.
#[derive(Debug, Clone, PartialEq)]
struct Sort {
    a: Vec<usize>,
    min_run: usize,
    pc: Pc,
    /// The run being found: `[lo, hi)`, descending.
    lo: usize,
    hi: usize,
    descending: bool,
    /// Binary insertion of `a[start]` into `[lo, start)`, searching `[left, right)`, up to `end`.
    start: usize,
    left: usize,
    right: usize,
    end: usize,
    /// Where the runs start and end; the runs being merged (`m`, `m + 1`), their cursors.
    bounds: Vec<usize>,
    m: usize,
    i: usize,
    j: usize,
    out: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pc {
    Run,
    First,
    Grow,
    Insert,
    Merge,
}

impl Sort {
    fn new(n: usize) -> Sort {
        // `minRunLength`: the whole array below 32 (MIN_MERGE), else between 16 and 32.
        let (mut k, mut r) = (n, 0);
        while k >= 32 {
            r |= k & 1;
            k >>= 1;
        }
        let min_run = if n < 32 { n } else { k + r };
        Sort { a: (0..n).collect(), min_run, pc: Pc::Run, lo: 0, hi: 0, descending: false, start: 0, left: 0, right: 0, end: 0, bounds: vec![0], m: 0, i: 0, j: 0, out: Vec::new() }
    }

    /// Takes the answer to the comparison asked last (`compare(x, y) < 0`), and runs to the
    /// next comparison `(x, y)`, or to the end.
    #[inline(never)]
    fn advance(&mut self, last: Option<Ordering>) -> Option<(usize, usize)> {
        let n = self.a.len();
        if let Some(o) = last {
            let lt = o.is_lt();
            match self.pc {
                Pc::First => {
                    self.descending = lt;
                    self.hi = self.lo + 2;
                    self.pc = Pc::Grow;
                }
                // A descending run goes on while `a[hi] < a[hi - 1]`, an ascending one while not.
                Pc::Grow if lt == self.descending => self.hi += 1,
                Pc::Grow => self.end_run(),
                Pc::Insert => {
                    let mid = (self.left + self.right) / 2;
                    if lt {
                        self.right = mid;
                    } else {
                        self.left = mid + 1;
                    }
                }
                Pc::Merge => {
                    let k = if lt { &mut self.j } else { &mut self.i };
                    self.out.push(self.a[*k]);
                    *k += 1;
                }
                Pc::Run => {}
            }
        }
        loop {
            match self.pc {
                Pc::Run if self.lo >= n => {
                    self.pc = Pc::Merge;
                    self.m = 0;
                    self.merge_pair();
                }
                Pc::Run if self.lo + 1 == n => {
                    (self.hi, self.descending) = (n, false);
                    self.end_run();
                }
                Pc::Run => self.pc = Pc::First,
                Pc::First => return Some((self.a[self.lo + 1], self.a[self.lo])),
                Pc::Grow if self.hi < n => return Some((self.a[self.hi], self.a[self.hi - 1])),
                Pc::Grow => self.end_run(),
                Pc::Insert if self.start >= self.end => {
                    self.bounds.push(self.end);
                    self.lo = self.end;
                    self.pc = Pc::Run;
                }
                Pc::Insert if self.left < self.right => return Some((self.a[self.start], self.a[(self.left + self.right) / 2])),
                Pc::Insert => {
                    self.a[self.left..=self.start].rotate_right(1);
                    self.start += 1;
                    (self.left, self.right) = (self.lo, self.start);
                }
                Pc::Merge => {
                    if self.bounds.len() <= 2 {
                        return None;
                    }
                    let (base, mid, hi) = (self.bounds[self.m], self.bounds[self.m + 1], self.bounds[self.m + 2]);
                    if self.i < mid && self.j < hi {
                        return Some((self.a[self.j], self.a[self.i]));
                    }
                    self.out.extend_from_slice(&self.a[self.i..mid]);
                    self.out.extend_from_slice(&self.a[self.j..hi]);
                    self.a[base..hi].copy_from_slice(&self.out);
                    self.bounds.remove(self.m + 1);
                    self.m += 1;
                    if self.m + 2 >= self.bounds.len() {
                        self.m = 0;
                    }
                    self.merge_pair();
                }
            }
        }
    }

    /// A run `[lo, hi)` was found: made ascending, then extended to `minRun` elements (or the
    /// end) by binary insertion.
    fn end_run(&mut self) {
        if self.descending {
            self.a[self.lo..self.hi].reverse();
        }
        self.end = (self.lo + self.min_run).min(self.a.len()).max(self.hi);
        (self.start, self.left, self.right, self.pc) = (self.hi, self.lo, self.hi, Pc::Insert);
    }

    fn merge_pair(&mut self) {
        self.out.clear();
        if self.bounds.len() > 2 {
            (self.i, self.j) = (self.bounds[self.m], self.bounds[self.m + 1]);
        }
    }
}

impl Comparing {
    fn new(job: Job, elems: Vec<Value>) -> Comparing {
        Comparing { job, elems, keys: Vec::new(), swap: vec![false], values: false, pair: (0, 0), key: 0 }
    }

    /// The next two elements to compare, given the answer for the last two.
    fn next(&mut self, last: Option<Ordering>) -> Option<(usize, usize)> {
        match &mut self.job {
            Job::Sort(s, _) => s.advance(last),
            Job::Best { max, best, at } => {
                if let Some(o) = last {
                    if o == if *max { Ordering::Less } else { Ordering::Greater } {
                        *best = *at;
                    }
                    *at += 1;
                }
                (*at < self.elems.len()).then_some((*best, *at))
            }
            // `if (min > max) throw …; if (this < min) return min; if (this > max) return max`.
            Job::Coerce { stage, best } => {
                *stage += 1;
                match (*stage, last) {
                    (1, _) => return Some((1, 2)),
                    (2, Some(Ordering::Greater)) => *best = usize::MAX,
                    (2, _) => return Some((0, 1)),
                    (3, Some(Ordering::Less)) => *best = 1,
                    (3, _) => return Some((0, 2)),
                    (_, Some(Ordering::Greater)) => *best = 2,
                    _ => {}
                }
                None
            }
        }
    }

    /// The receiver and the argument of the comparison of the current key.
    fn operands(&self) -> (Value, Value) {
        let (x, y) = self.pair;
        let of = |i: usize| if self.keys.is_empty() { self.elems[i].clone() } else { self.keys[i][self.key].clone() };
        if self.swap[self.key] {
            (of(y), of(x))
        } else {
            (of(x), of(y))
        }
    }
}

impl World {
    /// Whether a value is an instance of a class of the program that declares `compareTo`.
    pub(crate) fn has_compare_to(&self, v: &Value) -> bool {
        let Value::Obj(o) = v else { return false };
        let HeapObj::Instance { class, .. } = self.heap.get(*o) else { return false };
        let program = &self.program;
        program.classes[class.0 as usize].methods.iter().any(|(m, f)| program.sym(*m) == "compareTo" && program.functions[f.0 as usize].n_params == 2)
    }

    /// `sorted()`, `sortedDescending()`, `sort()`, `sortDescending()`, `max()`, `min()` of a
    /// collection whose elements declare `compareTo`, and `coerceIn`, `coerceAtLeast` and
    /// `coerceAtMost` of such a value. `None` for everything else.
    pub(crate) fn compare_method(&mut self, ex: &mut Exec, recv: &Value, n: &str, args: &[Value]) -> Option<NResult> {
        let (job, elems) = match n {
            "coerceAtLeast" | "coerceAtMost" | "coerceIn" if self.has_compare_to(recv) => {
                let mut elems = vec![recv.clone()];
                elems.extend(args.iter().filter(|v| !v.is_null() && !matches!(v, Value::Absent)).cloned());
                let job = match (n, args.len(), elems.len()) {
                    ("coerceIn", _, 3) => Job::Coerce { stage: 0, best: 0 },
                    // A bound of `coerceIn` that is null does not bound.
                    (_, 2, _) => Job::Best { max: !args[0].is_null(), best: 0, at: 1 },
                    _ => Job::Best { max: n == "coerceAtLeast", best: 0, at: 1 },
                };
                (job, elems)
            }
            "sorted" | "sortedDescending" | "sort" | "sortDescending" | "max" | "min" | "maxOrNull" | "minOrNull" => {
                let Value::Obj(o) = recv else { return None };
                let (HeapObj::List(items) | HeapObj::Set(items)) = self.heap.get(*o) else { return None };
                if !items.iter().any(|v| self.has_compare_to(v)) {
                    return None;
                }
                let job = match n.strip_prefix("sort") {
                    Some(rest) => Job::Sort(Sort::new(items.len()), (!rest.starts_with("ed")).then_some(*o)),
                    None => Job::Best { max: n.starts_with("max"), best: 0, at: 1 },
                };
                (job, items.clone())
            }
            _ => return None,
        };
        let mut c = Comparing::new(job, elems);
        // `sortedDescending()` is `sortedWith(reverseOrder())`: `b.compareTo(a)`.
        c.swap[0] = n.ends_with("Descending");
        Some(self.start_comparing(ex, c))
    }

    /// `maxOf(a, b)` and `minOf(a, b)` of values that declare `compareTo`: `if (a >= b) a else
    /// b` and `if (a <= b) a else b`.
    pub(crate) fn compare_max_of(&mut self, ex: &mut Exec, a: &Value, b: &Value, max: bool) -> Option<NResult> {
        self.has_compare_to(a).then(|| self.start_comparing(ex, Comparing::new(Job::Best { max, best: 0, at: 1 }, vec![a.clone(), b.clone()])))
    }

    /// `sortedBy`, `sortedWith(compareBy { })` and the rest over keys that declare
    /// `compareTo`: each element with its keys and, per key, whether it sorts descending.
    pub(crate) fn compare_sort_by(&mut self, ex: &mut Exec, keyed: &[(Vec<Value>, Value)], descending: &[bool]) -> Option<NResult> {
        if !keyed.iter().any(|(k, _)| k.iter().any(|v| self.has_compare_to(v))) {
            return None;
        }
        let (keys, elems): (Vec<_>, Vec<_>) = keyed.iter().cloned().unzip();
        let c = Comparing { keys, swap: descending.to_vec(), values: true, ..Comparing::new(Job::Sort(Sort::new(elems.len()), None), elems) };
        Some(self.start_comparing(ex, c))
    }

    fn start_comparing(&mut self, ex: &mut Exec, c: Comparing) -> NResult {
        let o = self.heap.alloc(HeapObj::Comparing(Box::new(c)));
        self.compare_resume(ex, o, None)
    }

    /// Goes on with the built-in `o` after its `compareTo()` call returned `returned` (none at
    /// the start): compares natively what needs no call, and pushes the frame of the next call
    /// of the program's `compareTo()`, or gives the built-in's value.
    pub(crate) fn compare_resume(&mut self, ex: &mut Exec, o: ObjId, returned: Option<Value>) -> NResult {
        let HeapObj::Comparing(mut c) = std::mem::replace(self.heap.get_mut(o), HeapObj::Plain) else { return Err(Fault::Stop("a comparison lost its state".into())) };
        let mut answer = returned.map(|v| v.as_i64().unwrap_or(0).cmp(&0));
        if answer.is_none() {
            match c.next(None) {
                Some(p) => c.pair = p,
                None => return self.compare_done(*c),
            }
        }
        loop {
            if let Some(a) = answer.take() {
                // Equal on this key: the next key decides (`compareBy(a, b)`, `thenBy`).
                if a.is_eq() && c.key + 1 < c.swap.len() {
                    c.key += 1;
                } else {
                    match c.next(Some(a)) {
                        Some(p) => (c.pair, c.key) = (p, 0),
                        None => return self.compare_done(*c),
                    }
                }
            }
            let (x, y) = c.operands();
            let same = matches!((&x, &y), (Value::Obj(p), Value::Obj(q)) if p == q);
            if c.values && (same || x.is_null() || y.is_null()) {
                answer = Some(if same { Ordering::Equal } else { self.compare_nullable(&x, &y)? });
                continue;
            }
            if self.has_compare_to(&x) {
                // A list sorted in place is the array being sorted: what compareTo() sees in
                // it, or what a handler of its exception finds, is the sort's state so far.
                if let (Job::Sort(s, Some(list)), true) = (&c.job, c.elems.len() < 32) {
                    if let HeapObj::List(v) = self.heap.get_mut(*list) {
                        *v = s.a.iter().map(|&i| c.elems[i].clone()).collect();
                    }
                }
                let span = self.last_statement;
                let r = self.operator_call(ex, &x, "compareTo", std::slice::from_ref(&y), OnReturn::Compared(o), span);
                *self.heap.get_mut(o) = HeapObj::Comparing(c);
                return r.unwrap_or(Ok(Native::Pushed));
            }
            answer = Some(if c.values { self.compare_nullable(&x, &y)? } else { self.compare_total(&x, &y)? });
        }
    }

    fn compare_done(&mut self, c: Comparing) -> NResult {
        let pick = |i: usize| c.elems[i].clone();
        let v = match c.job {
            Job::Sort(s, None) => self.new_sorted_list(s.a.into_iter().map(pick).collect()),
            Job::Sort(s, Some(list)) => {
                if let HeapObj::List(v) = self.heap.get_mut(list) {
                    *v = s.a.into_iter().map(pick).collect();
                }
                // `ArrayList.sort` counts as a structural change: it fails open iterators.
                self.heap.count_change(list);
                Value::Unit
            }
            Job::Coerce { best: usize::MAX, .. } => {
                let msg = format!("Cannot coerce value to an empty range: maximum {} is less than minimum {}.", self.to_kstring(&c.elems[2]), self.to_kstring(&c.elems[1]));
                return Err(Fault::Throw(self.new_exception(crate::exception::ExcClass::IllegalArgumentException, Some(&msg), None)));
            }
            Job::Best { best, .. } | Job::Coerce { best, .. } => pick(best),
        };
        Ok(Native::Value(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Java's `countRunAndMakeAscending` and `binarySort`, logging each `compareTo(x, y)`.
    fn jdk_small(a: &mut [(u32, usize)], log: &mut Vec<(usize, usize)>) {
        let mut lt = |x: (u32, usize), y: (u32, usize)| {
            log.push((x.1, y.1));
            x.0 < y.0
        };
        let hi = a.len();
        if hi < 2 {
            return;
        }
        let mut run = 2;
        if lt(a[1], a[0]) {
            while run < hi && lt(a[run], a[run - 1]) {
                run += 1;
            }
            a[..run].reverse();
        } else {
            while run < hi && !lt(a[run], a[run - 1]) {
                run += 1;
            }
        }
        for start in run..hi {
            let (mut left, mut right) = (0, start);
            while left < right {
                let mid = (left + right) / 2;
                if lt(a[start], a[mid]) {
                    right = mid;
                } else {
                    left = mid + 1;
                }
            }
            a[left..=start].rotate_right(1);
        }
    }

    #[test]
    fn sorts_as_timsort_does() {
        let mut seed = 11u64;
        for n in (0..40).chain([64, 65, 100, 257, 1000]) {
            for range in [3u64, 1000] {
                let items: Vec<(u32, usize)> = (0..n)
                    .map(|i| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        (((seed >> 33) % range) as u32, i)
                    })
                    .collect();
                let mut sort = Sort::new(n);
                let mut log = Vec::new();
                let mut next = sort.advance(None);
                while let Some((x, y)) = next {
                    log.push((x, y));
                    next = sort.advance(Some(items[x].0.cmp(&items[y].0)));
                }
                let ours: Vec<(u32, usize)> = sort.a.iter().map(|&i| items[i]).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|x| x.0);
                assert_eq!(ours, expected, "{n} items");
                if n < 32 {
                    let mut jdk = items.clone();
                    let mut jdk_log = Vec::new();
                    jdk_small(&mut jdk, &mut jdk_log);
                    assert_eq!(log, jdk_log, "{n} items");
                }
            }
        }
    }
}
