//! Node v20's event loop: libuv's phases, Node's timer lists, the immediate queue, the nextTick
//! queue and the promise jobs (processTicksAndRejections), fs requests completing in the poll phase.
//!
//! The queues ([`Timers`], [`Sched`]) are plain Rust and need no JavaScript; [`run`] drives them
//! against the JavaScript host of `host.rs`, reporting every step as an [`Event`]. Nothing here
//! formats output for a terminal.

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::time::{Duration, Instant};

use rquickjs::{Context, Ctx, Function, Value};

use super::clock::LoopClock;
use super::explore::Decider;
use super::host::{self, Js};
use super::jobs::{Job, JobWatch};
use super::quickjs::{self, at_line, job_pending};
use super::{Event, Outcome, Phase, Queue, RunError, RunOptions, Stream};
use crate::error::code;

/// Hashes the loop's own integer keys (timer and immediate ids, list durations' bits): one
/// multiply per word instead of SipHash, which cost the 50k-timer run 6% of its time. The keys
/// come from the scheduler, never from an adversary.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// A total order on `f64` expiry times (they are never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ms(f64);
impl Eq for Ms {}
impl PartialOrd for Ms {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ms {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// One timer (setTimeout / setInterval).
#[derive(Debug, Clone)]
pub struct TimerEntry {
    pub duration: f64,
    /// Loop time when it was (re)inserted: node's `_idleStart`.
    pub start: f64,
    pub refed: bool,
    /// In a list, waiting to fire.
    pub active: bool,
    /// Bumped on every re-insertion, so stale list slots are skipped.
    generation: u32,
    pub kind: &'static str,
    pub line: u32,
}

impl TimerEntry {
    pub fn due(&self) -> f64 {
        self.start + self.duration
    }
}

/// A list of timers of one duration, in insertion order (node's `TimersList`).
#[derive(Debug)]
struct TimerList {
    expiry: f64,
    id: u64,
    items: VecDeque<(u64, u32)>,
}

/// Node's timers: one list per duration, lists ordered by (expiry, list id), and
/// `processTimers`/`listOnTimeout` semantics in [`Timers::pop_expired`].
#[derive(Debug, Default)]
pub struct Timers {
    lists: IdMap<u64, TimerList>,
    queue: BTreeSet<(Ms, u64, u64)>,
    entries: IdMap<u64, TimerEntry>,
    next_list_id: u64,
    /// Active timers that keep the loop alive.
    pub refs: usize,
}

impl Timers {
    /// `insert(timer, msecs, start)`: append to the list of its duration (creating the list).
    pub fn insert(
        &mut self,
        id: u64,
        duration: f64,
        now: f64,
        refed: bool,
        kind: &'static str,
        line: u32,
    ) {
        let key = duration.to_bits();
        let entry = self.entries.entry(id).or_insert(TimerEntry {
            duration,
            start: now,
            refed,
            active: false,
            generation: 0,
            kind,
            line,
        });
        if entry.active && entry.refed {
            self.refs -= 1;
        }
        entry.duration = duration;
        entry.start = now;
        entry.refed = refed;
        entry.active = true;
        entry.generation = entry.generation.wrapping_add(1);
        if refed {
            self.refs += 1;
        }
        let generation = entry.generation;
        let list = self.lists.entry(key).or_insert_with(|| {
            let id = self.next_list_id;
            self.next_list_id += 1;
            let expiry = now + duration;
            self.queue.insert((Ms(expiry), id, key));
            TimerList {
                expiry,
                id,
                items: VecDeque::new(),
            }
        });
        list.items.push_back((id, generation));
    }

    /// clearTimeout: the timer leaves its list and is forgotten.
    pub fn cancel(&mut self, id: u64) -> bool {
        match self.entries.remove(&id) {
            Some(e) => {
                if e.active && e.refed {
                    self.refs -= 1;
                }
                e.active
            }
            None => false,
        }
    }

    pub fn set_ref(&mut self, id: u64, refed: bool) {
        if let Some(e) = self.entries.get_mut(&id) {
            if e.active && e.refed != refed {
                if refed {
                    self.refs += 1;
                } else {
                    self.refs -= 1;
                }
            }
            e.refed = refed;
        }
    }

    pub fn is_active(&self, id: u64) -> bool {
        self.entries.get(&id).is_some_and(|e| e.active)
    }

    pub fn get(&self, id: u64) -> Option<&TimerEntry> {
        self.entries.get(&id)
    }

    /// Forget a timer that fired and was not re-inserted.
    pub fn retire(&mut self, id: u64) {
        if self.entries.get(&id).is_some_and(|e| !e.active) {
            self.entries.remove(&id);
        }
    }

    fn live_front(&mut self, key: u64) -> Option<u64> {
        let list = self.lists.get_mut(&key)?;
        while let Some(&(id, generation)) = list.items.front() {
            if self
                .entries
                .get(&id)
                .is_some_and(|e| e.active && e.generation == generation)
            {
                return Some(id);
            }
            list.items.pop_front();
        }
        None
    }

    /// The next timer to run in a timers phase at loop time `now`, removed from its list; `None`
    /// when the phase is over. A timer inserted during the phase has `start == now` and is not
    /// due (node's `diff < msecs` check), so it waits for the next phase.
    pub fn pop_expired(&mut self, now: f64) -> Option<u64> {
        loop {
            let &(Ms(expiry), list_id, key) = self.queue.first()?;
            if expiry > now {
                return None;
            }
            let Some(id) = self.live_front(key) else {
                self.queue.remove(&(Ms(expiry), list_id, key));
                self.lists.remove(&key);
                continue;
            };
            let entry = &self.entries[&id];
            if now - entry.start < entry.duration {
                let new_expiry = (entry.start + entry.duration).max(now + 1.0);
                self.queue.remove(&(Ms(expiry), list_id, key));
                let new_id = self.next_list_id;
                self.next_list_id += 1;
                let list = self.lists.get_mut(&key).expect("listed");
                list.expiry = new_expiry;
                list.id = new_id;
                self.queue.insert((Ms(new_expiry), new_id, key));
                continue;
            }
            self.lists.get_mut(&key).expect("listed").items.pop_front();
            let entry = self.entries.get_mut(&id).expect("entry");
            entry.active = false;
            if entry.refed {
                self.refs -= 1;
            }
            return Some(id);
        }
    }

    /// When the earliest list expires (what the poll phase would wait for).
    pub fn next_expiry(&self) -> Option<f64> {
        self.queue.first().map(|&(Ms(e), _, _)| e)
    }

    /// Active timers due within node's 1 ms granularity after `now`: whether they fire in the
    /// next timers phase depends on how much real time has passed.
    ///
    /// Only lists expiring by then can hold one, and along a list the dues only grow: this looks
    /// at the fronts of those lists, not at every timer.
    pub fn racing(&self, now: f64) -> Vec<(u64, f64)> {
        let mut v: Vec<(u64, f64)> = Vec::new();
        for &(Ms(expiry), _, key) in &self.queue {
            if expiry > now + 1.0 {
                break;
            }
            let Some(list) = self.lists.get(&key) else {
                continue;
            };
            for &(id, generation) in &list.items {
                let Some(e) = self.entries.get(&id) else {
                    continue;
                };
                if !e.active || e.generation != generation {
                    continue;
                }
                if e.due() > now + 1.0 {
                    break;
                }
                if e.due() > now {
                    v.push((id, e.due()));
                }
            }
        }
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// An fs request in flight: `trips` libuv round trips (open, fstat, read, close ...) left.
#[derive(Debug, Clone)]
pub struct FsOp {
    pub id: u64,
    pub trips: u32,
    /// The poll phase count when its current trip was submitted: it completes in a later poll.
    pub epoch: u64,
    pub label: &'static str,
    pub line: u32,
}

/// What the loop is doing, to explain a timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Main,
    Callback,
    NextTicks,
    Microtasks,
}

/// The scheduler's state, shared with the native functions of the host.
pub struct Sched {
    pub record: bool,
    pub events: Vec<Event>,
    pub output: Vec<(Stream, String)>,
    partial: [String; 2],
    pub clock: LoopClock,
    pub timers: Timers,
    /// setImmediate queue: (id, line). Cancelled and unreferenced ones are rare, kept aside.
    pub immediates: VecDeque<(u64, u32)>,
    immediate_cancelled: IdSet<u64>,
    immediate_unrefed: IdSet<u64>,
    /// A promise was rejected without a handler since the last check.
    pub rejections: Rc<Cell<bool>>,
    pub immediate_refs: usize,
    pub ticks: VecDeque<(u64, u32)>,
    /// Plain runs: the prelude's own nextTick queue has work.
    pub tick_wake: bool,
    pub fs: VecDeque<FsOp>,
    pub poll_epoch: u64,
    pub fatal: Option<i32>,
    pub exit: Option<i32>,
    pub activity: Activity,
    /// Counts callbacks started; the interrupt handler notes when it first saw each one run
    /// (`stamp`), which dates a busy callback without reading the clock for every callback.
    pub callback_seq: Rc<Cell<u64>>,
    pub stamp: Rc<Cell<(u64, Instant)>>,
    pub current_label: String,
    /// The engine's promise-job queue, read before each recorded event (recorded runs only).
    pub jobs: Option<JobWatch>,
    /// Promise jobs reported as queued and not yet run: (id, label, line), in queue order.
    pub microtasks: VecDeque<(u64, String, Option<u32>)>,
    next_microtask: u64,
    /// queueMicrotask's label for the job it is about to queue.
    pub microtask_label: Option<(String, Option<u32>)>,
    found: Vec<Job>,
}

impl Sched {
    pub fn new(record: bool, clock: LoopClock) -> Self {
        Sched {
            record,
            events: Vec::new(),
            output: Vec::new(),
            partial: [String::new(), String::new()],
            clock,
            timers: Timers::default(),
            immediates: VecDeque::new(),
            immediate_cancelled: IdSet::default(),
            immediate_unrefed: IdSet::default(),
            rejections: Rc::new(Cell::new(false)),
            immediate_refs: 0,
            ticks: VecDeque::new(),
            tick_wake: false,
            fs: VecDeque::new(),
            poll_epoch: 0,
            fatal: None,
            exit: None,
            activity: Activity::Main,
            callback_seq: Rc::new(Cell::new(0)),
            stamp: Rc::new(Cell::new((0, Instant::now()))),
            current_label: String::new(),
            jobs: None,
            microtasks: VecDeque::new(),
            next_microtask: 0,
            microtask_label: None,
            found: Vec::new(),
        }
    }

    pub fn emit(&mut self, e: Event) {
        if self.record {
            self.push_event(e);
        }
    }

    /// Record an event, after Enqueue events for the promise jobs queued since the last one.
    fn push_event(&mut self, e: Event) {
        self.sync_jobs();
        self.events.push(e);
    }

    /// Report the promise jobs the engine queued since the last look.
    pub fn sync_jobs(&mut self) {
        let Some(watch) = self.jobs.as_mut() else {
            return;
        };
        watch.take_new(&mut self.found);
        let mut found = std::mem::take(&mut self.found);
        for job in found.drain(..) {
            self.next_microtask += 1;
            let id = self.next_microtask;
            let (label, line) = match self.microtask_label.take() {
                Some(named) => named,
                None => (job.label, job.line),
            };
            self.events.push(Event::Enqueue {
                id,
                queue: Queue::Microtask,
                label: label.clone(),
                line,
                due_ms: None,
            });
            self.microtasks.push_back((id, label, line));
        }
        self.found = found;
    }

    /// Script output: always reported (the CLI prints it), and kept as lines for the Outcome.
    pub fn write(&mut self, stream: Stream, text: String) {
        quickjs::split_lines(&mut self.partial, &mut self.output, stream, &text);
        if self.record {
            self.sync_jobs();
        }
        self.events.push(Event::Output { stream, text });
    }

    fn flush_partial(&mut self) {
        quickjs::flush_partial(&mut self.partial, &mut self.output);
    }

    pub fn add_timer(
        &mut self,
        id: u64,
        ms: f64,
        line: u32,
        refed: bool,
        kind: Option<&'static str>,
    ) {
        // node's getLibuvNow() updates the loop time first (real time only moves in --realtime)
        self.clock.update();
        let now = self.clock.now();
        let reinsert = kind.is_none();
        let kind = kind
            .or_else(|| self.timers.get(id).map(|e| e.kind))
            .unwrap_or("setTimeout");
        let line = if reinsert {
            self.timers.get(id).map_or(line, |e| e.line)
        } else {
            line
        };
        // node's insert(): "Truncate so that accuracy of sub-millisecond timers is not assumed."
        let ms = ms.trunc();
        self.timers.insert(id, ms, now, refed, kind, line);
        if self.record {
            let label = at_line(kind, line);
            self.push_event(Event::Enqueue {
                id,
                queue: Queue::Timers,
                label,
                line: (line > 0).then_some(line),
                due_ms: Some(now + ms),
            });
        }
    }

    pub fn clear_timer(&mut self, id: u64) {
        if self.timers.cancel(id) {
            self.emit(Event::Cancel {
                id,
                queue: Queue::Timers,
            });
        }
    }

    pub fn add_immediate(&mut self, id: u64, line: u32) {
        self.immediates.push_back((id, line));
        self.immediate_refs += 1;
        if self.record {
            self.push_event(Event::Enqueue {
                id,
                queue: Queue::Check,
                label: at_line("setImmediate", line),
                line: (line > 0).then_some(line),
                due_ms: None,
            });
        }
    }

    /// clearImmediate of a pending immediate (the host only asks for pending ones).
    pub fn clear_immediate(&mut self, id: u64) {
        if self.immediate_cancelled.insert(id) {
            if !self.immediate_unrefed.remove(&id) {
                self.immediate_refs -= 1;
            }
            self.emit(Event::Cancel {
                id,
                queue: Queue::Check,
            });
        }
    }

    pub fn ref_immediate(&mut self, id: u64, refed: bool) {
        if refed {
            if self.immediate_unrefed.remove(&id) {
                self.immediate_refs += 1;
            }
        } else if self.immediate_unrefed.insert(id) {
            self.immediate_refs -= 1;
        }
    }

    /// An immediate leaves the queue to run; `false` if it was cancelled.
    fn take_immediate(&mut self, id: u64) -> bool {
        if !self.immediate_cancelled.is_empty() && self.immediate_cancelled.remove(&id) {
            return false;
        }
        if self.immediate_unrefed.is_empty() || !self.immediate_unrefed.remove(&id) {
            self.immediate_refs -= 1;
        }
        true
    }

    pub fn add_tick(&mut self, id: u64, line: u32) {
        self.ticks.push_back((id, line));
        if self.record {
            self.push_event(Event::Enqueue {
                id,
                queue: Queue::NextTick,
                label: at_line("process.nextTick", line),
                line: (line > 0).then_some(line),
                due_ms: None,
            });
        }
    }

    pub fn add_fs(&mut self, id: u64, label: &'static str, trips: u32, line: u32) {
        self.fs.push_back(FsOp {
            id,
            trips: trips.max(1),
            epoch: self.poll_epoch,
            label,
            line,
        });
        if self.record {
            self.push_event(Event::Enqueue {
                id,
                queue: Queue::Poll,
                label: at_line(label, line),
                line: (line > 0).then_some(line),
                due_ms: None,
            });
        }
    }

    /// libuv's `uv__loop_alive`: referenced timers or immediates, or requests in flight.
    pub fn alive(&self) -> bool {
        self.timers.refs > 0 || self.immediate_refs > 0 || !self.fs.is_empty()
    }

    /// Would the poll phase wait (nothing to run without time passing)?
    pub fn would_block(&self) -> bool {
        self.immediate_refs == 0 && self.immediates.is_empty() && self.fs.is_empty()
    }
}

/// Why the loop stopped early.
enum Stop {
    Exit,
    Fatal,
    Timeout,
    OutOfMemory,
}

type Step = Result<(), Stop>;

/// Bytes allocated between two runs of the cycle collector.
const GC_THRESHOLD: usize = 256 * 1024 * 1024;

struct Driver<'a, 'js> {
    ctx: Ctx<'js>,
    js: Js<'js>,
    sched: Rc<RefCell<Sched>>,
    sink: &'a mut dyn FnMut(&Event),
    deadline: Instant,
    timeout: Duration,
    interrupt: Rc<Cell<bool>>,
    decider: &'a mut Decider,
    iteration: u64,
    /// Timers (id, due) that were racing at the start of an earlier iteration.
    raced: HashSet<(u64, u64)>,
    /// An empty immediate queue to swap in at each check phase (no allocation per iteration).
    spare: VecDeque<(u64, u32)>,
}

/// Run a script under Node's loop. `decider` picks, where timing decides, whether a racing timer
/// had expired (explore); by default it never had.
pub fn run(
    source: &str,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
    decider: &mut Decider,
) -> Result<Outcome, RunError> {
    let runtime = quickjs::runtime(opts)?;
    // QuickJS frees most garbage by reference counting; its cycle collector, run every few
    // MB by default, rescans every live object and dominated long promise chains.
    runtime.set_gc_threshold(GC_THRESHOLD.min(opts.max_memory / 2));
    let deadline = Instant::now() + opts.timeout;
    let interrupt = Rc::new(Cell::new(false));
    let callback_seq = Rc::new(Cell::new(0u64));
    let stamp = Rc::new(Cell::new((0u64, Instant::now())));
    {
        let interrupt = interrupt.clone();
        let seq = callback_seq.clone();
        let stamp = stamp.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || {
            let now = Instant::now();
            let current = seq.get();
            if stamp.get().0 != current {
                stamp.set((current, now));
            }
            interrupt.get() || now >= deadline
        })));
    }
    let rejections = Rc::new(Cell::new(false));
    let flag = rejections.clone();
    runtime.set_host_promise_rejection_tracker(Some(Box::new(
        move |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
            if !handled {
                flag.set(true);
            }
            if let Ok(track) = ctx.globals().get::<_, Function>("__mn_track") {
                let _ = track.call::<_, ()>((promise, reason, handled));
            }
        },
    )));
    let context = Context::full(&runtime).map_err(|e| RunError::Engine(e.to_string()))?;
    let mut state = Sched::new(opts.record || decider.active(), LoopClock::new(opts.clock));
    state.rejections = rejections;
    state.callback_seq = callback_seq;
    state.stamp = stamp;
    let sched = Rc::new(RefCell::new(state));
    context.with(|ctx| {
        if sched.borrow().record {
            // SAFETY: the context is live for this closure, the runtime for the whole run.
            let watch = unsafe {
                JobWatch::locate(ctx.as_raw().as_ptr(), opts.filename.display().to_string())
            };
            sched.borrow_mut().jobs = watch;
        }
        let js = host::install(&ctx, source, opts, sched.clone(), interrupt.clone())
            .map_err(|e| RunError::Engine(host::describe(&ctx, e)))?;
        let mut d = Driver {
            ctx: ctx.clone(),
            js,
            sched: sched.clone(),
            sink,
            deadline,
            timeout: opts.timeout,
            interrupt: interrupt.clone(),
            decider,
            iteration: 0,
            raced: HashSet::new(),
            spare: VecDeque::new(),
        };
        let file = opts.filename.display().to_string();
        d.sched.borrow_mut().emit(Event::ScriptStart { file });
        let stop = d.run_all(source, opts);
        let code = d.finish(stop);
        Ok(code)
    })?;
    let mut s = sched.borrow_mut();
    s.flush_partial();
    let exit_code = s.exit.unwrap_or(0);
    Ok(Outcome {
        output: std::mem::take(&mut s.output),
        exit_code,
    })
}

impl<'js> Driver<'_, 'js> {
    fn flush(&mut self) {
        let events = std::mem::take(&mut self.sched.borrow_mut().events);
        quickjs::deliver(events, self.sink);
    }

    fn run_all(&mut self, source: &str, opts: &RunOptions) -> Step {
        let main = match host::compile(&self.ctx, source, &opts.filename, true) {
            Ok(f) => f,
            Err(report) => {
                let mut s = self.sched.borrow_mut();
                s.write(Stream::Stderr, report);
                s.fatal = Some(code::SCRIPT);
                drop(s);
                return Err(Stop::Fatal);
            }
        };
        self.callback_start(0, Queue::Main, "main script".into(), None, Activity::Main);
        let r = self.js.main.call::<_, ()>((main,));
        self.callback_end(0, r)?;
        self.drain()?;
        loop {
            self.flush();
            if !self.sched.borrow().alive() {
                self.call_plain(&self.js.before_exit.clone())?;
                self.drain()?;
                if !self.sched.borrow().alive() {
                    break;
                }
            }
            self.iteration()?;
        }
        Ok(())
    }

    fn iteration(&mut self) -> Step {
        self.iteration += 1;
        let now = {
            let mut s = self.sched.borrow_mut();
            s.clock.update();
            let now = s.clock.now();
            s.emit(Event::LoopIteration {
                iteration: self.iteration,
                at_ms: now,
            });
            now
        };
        self.decide_race(now);
        // callbacks are checked while they run (the interrupt handler); between them, a look at
        // the clock every few iterations is enough
        if self.iteration.is_multiple_of(16) {
            self.check_deadline(Activity::Callback)?;
        }
        self.phase(Phase::Timers);
        loop {
            let next = {
                let mut s = self.sched.borrow_mut();
                let now = s.clock.now();
                s.timers.pop_expired(now)
            };
            let Some(id) = next else { break };
            let (label, line) = {
                let s = self.sched.borrow();
                let e = s.timers.get(id);
                let line = e.map_or(0, |e| e.line);
                let kind = e.map_or("setTimeout", |e| e.kind);
                (
                    if s.record {
                        at_line(kind, line)
                    } else {
                        String::new()
                    },
                    line,
                )
            };
            self.callback_start(id, Queue::Timers, label, Some(line), Activity::Callback);
            let r = self.js.run_timer.call::<_, ()>((id as f64,));
            self.sched.borrow_mut().timers.retire(id);
            self.callback_end(id, r)?;
            self.drain()?;
        }
        self.phase(Phase::PendingCallbacks);
        self.phase(Phase::IdlePrepare);
        self.phase(Phase::Poll);
        self.poll()?;
        self.phase(Phase::Check);
        // this phase's immediates; the ones they queue wait for the next iteration
        let mut batch = std::mem::take(&mut self.spare);
        std::mem::swap(&mut batch, &mut self.sched.borrow_mut().immediates);
        for (id, line) in batch.drain(..) {
            if !self.sched.borrow_mut().take_immediate(id) {
                continue;
            }
            let label = if self.sched.borrow().record {
                at_line("setImmediate", line)
            } else {
                String::new()
            };
            self.callback_start(id, Queue::Check, label, Some(line), Activity::Callback);
            let r = self.js.run_immediate.call::<_, ()>((id as f64,));
            self.callback_end(id, r)?;
            self.drain()?;
        }
        self.spare = batch;
        self.phase(Phase::CloseCallbacks);
        Ok(())
    }

    fn poll(&mut self) -> Step {
        let epoch = {
            let mut s = self.sched.borrow_mut();
            s.poll_epoch += 1;
            s.poll_epoch
        };
        let mut ran = 0usize;
        loop {
            let op = {
                let mut s = self.sched.borrow_mut();
                match s.fs.front() {
                    Some(op) if op.epoch < epoch => s.fs.pop_front(),
                    _ => None,
                }
            };
            let Some(mut op) = op else { break };
            ran += 1;
            op.trips -= 1;
            if op.trips > 0 {
                op.epoch = epoch;
                self.sched.borrow_mut().fs.push_back(op);
                continue;
            }
            let label = if self.sched.borrow().record {
                format!("{} done", at_line(op.label, op.line))
            } else {
                String::new()
            };
            self.callback_start(op.id, Queue::Poll, label, Some(op.line), Activity::Callback);
            let r = self.js.run_callback.call::<_, ()>((op.id as f64,));
            self.callback_end(op.id, r)?;
            self.drain()?;
        }
        let wait = {
            let s = self.sched.borrow();
            if ran == 0 && s.would_block() && s.alive() {
                s.timers.next_expiry()
            } else {
                None
            }
        };
        if let Some(to) = wait {
            self.flush();
            let timeout_at = self.deadline;
            let mut s = self.sched.borrow_mut();
            let remaining = timeout_at.saturating_duration_since(Instant::now());
            let (from, to) = if s.clock.precise() + remaining.as_secs_f64() * 1000.0 < to
                && s.clock.mode() == super::Clock::Realtime
            {
                let due_in = to - s.clock.precise() - remaining.as_secs_f64() * 1000.0;
                drop(s);
                std::thread::sleep(remaining);
                return Err(self.timed_out_waiting(due_in));
            } else {
                s.clock.advance_to(to)
            };
            if to > from {
                s.emit(Event::ClockAdvance {
                    from_ms: from,
                    to_ms: to,
                });
            }
        }
        Ok(())
    }

    /// Explore: at the start of an iteration that would not block, real time may have passed.
    ///
    /// A racing timer gets one such chance not to have expired: node is seen to run it by the
    /// next iteration at the latest (an iteration with work takes its millisecond), so an
    /// iteration later the clock moves on to its expiry.
    fn decide_race(&mut self, now: f64) {
        let racing = {
            let s = self.sched.borrow();
            if s.would_block() {
                return;
            }
            s.timers.racing(now)
        };
        if racing.is_empty() {
            return;
        }
        let overdue = racing
            .iter()
            .filter(|(id, due)| self.raced.contains(&(*id, due.to_bits())))
            .map(|r| r.1)
            .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));
        if let Some(to) = overdue {
            let mut s = self.sched.borrow_mut();
            let from = s.clock.now();
            s.clock.jump_to(to);
            s.emit(Event::ClockAdvance {
                from_ms: from,
                to_ms: to,
            });
            return;
        }
        for (id, due) in &racing {
            self.raced.insert((*id, due.to_bits()));
        }
        if !self.decider.active() {
            return;
        }
        let mut dues: Vec<f64> = racing.iter().map(|r| r.1).collect();
        dues.dedup();
        let names = {
            let s = self.sched.borrow();
            racing
                .iter()
                .filter_map(|(id, _)| s.timers.get(*id))
                .map(|e| format!("the {} ({} ms)", at_line(e.kind, e.line), e.duration))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let it = self.iteration;
        let mut reasons = vec![format!(
            "{names} had not expired when loop iteration {it} began, so its timers phase skipped it"
        )];
        for due in &dues {
            reasons.push(format!(
                "{names} had expired by the timers phase of loop iteration {it} (more than {} ms had passed)",
                due - now
            ));
        }
        let choice = self.decider.choose(reasons);
        if choice > 0 {
            self.sched.borrow_mut().clock.jump_to(dues[choice - 1]);
        }
    }

    fn phase(&mut self, phase: Phase) {
        let mut s = self.sched.borrow_mut();
        if s.record {
            let at_ms = s.clock.now();
            s.push_event(Event::PhaseEnter { phase, at_ms });
        }
    }

    fn callback_start(
        &mut self,
        id: u64,
        queue: Queue,
        label: String,
        line: Option<u32>,
        activity: Activity,
    ) {
        let mut s = self.sched.borrow_mut();
        s.activity = activity;
        s.callback_seq.set(s.callback_seq.get() + 1);
        if s.record {
            s.current_label.clone_from(&label);
            s.push_event(Event::CallbackStart {
                id,
                queue,
                label,
                line: line.filter(|&l| l > 0),
            });
        }
    }

    fn callback_end(&mut self, id: u64, r: rquickjs::Result<()>) -> Step {
        self.sched.borrow_mut().emit(Event::CallbackEnd { id });
        match r {
            Ok(()) => Ok(()),
            Err(e) => self.exception(e),
        }
    }

    fn call_plain(&mut self, f: &Function<'js>) -> Step {
        let r = f.call::<_, ()>(());
        match r {
            Ok(()) => Ok(()),
            Err(e) => self.exception(e),
        }
    }

    /// A callback threw: process.exit, an interrupt, the heap limit, or an uncaught exception.
    fn exception(&mut self, e: rquickjs::Error) -> Step {
        let value = quickjs::thrown(&self.ctx, e);
        if self.sched.borrow().exit.is_some() {
            return Err(Stop::Exit);
        }
        if Instant::now() >= self.deadline {
            let activity = self.sched.borrow().activity;
            return Err(self.timed_out(activity));
        }
        if host::is_out_of_memory(&value) {
            return Err(self.out_of_memory());
        }
        if self.sched.borrow().fatal.is_some() {
            return Err(Stop::Fatal);
        }
        match self.js.uncaught.call::<_, bool>((value,)) {
            Ok(true) => Err(Stop::Fatal),
            Ok(false) => Ok(()),
            Err(rquickjs::Error::Exception) => {
                let _ = self.ctx.catch();
                if self.sched.borrow().exit.is_some() {
                    Err(Stop::Exit)
                } else {
                    Err(Stop::Fatal)
                }
            }
            Err(_) => Err(Stop::Fatal),
        }
    }

    fn check_deadline(&mut self, activity: Activity) -> Step {
        if Instant::now() >= self.deadline {
            return Err(self.timed_out(activity));
        }
        Ok(())
    }

    /// Node's processTicksAndRejections: all nextTicks, then all promise jobs, again while either
    /// has work; then unhandled rejections (node's default 'throw' mode).
    fn drain(&mut self) -> Step {
        loop {
            // plain runs: the prelude drains its nextTick queue in one call
            while std::mem::take(&mut self.sched.borrow_mut().tick_wake) {
                self.sched.borrow_mut().activity = Activity::NextTicks;
                if let Err(e) = self.js.run_ticks.call::<_, ()>(()) {
                    self.exception(e)?;
                }
            }
            if !self.sched.borrow().ticks.is_empty() {
                self.sched.borrow_mut().emit(Event::DrainStart {
                    queue: Queue::NextTick,
                });
                let mut ran = 0u64;
                loop {
                    let next = self.sched.borrow_mut().ticks.pop_front();
                    let Some((id, line)) = next else { break };
                    ran += 1;
                    if ran.is_multiple_of(1024) {
                        self.check_deadline(Activity::NextTicks)?;
                    }
                    let label = if self.sched.borrow().record {
                        at_line("process.nextTick", line)
                    } else {
                        String::new()
                    };
                    self.callback_start(
                        id,
                        Queue::NextTick,
                        label,
                        Some(line),
                        Activity::NextTicks,
                    );
                    let r = self.js.run_tick.call::<_, ()>((id as f64,));
                    self.callback_end(id, r)?;
                }
                self.sched.borrow_mut().emit(Event::DrainEnd {
                    queue: Queue::NextTick,
                    ran,
                });
            }
            if job_pending(&self.ctx) {
                self.sched.borrow_mut().emit(Event::DrainStart {
                    queue: Queue::Microtask,
                });
                let record = self.sched.borrow().record;
                let mut ran = 0u64;
                while job_pending(&self.ctx) {
                    ran += 1;
                    if ran.is_multiple_of(1024) {
                        self.check_deadline(Activity::Microtasks)?;
                    }
                    let mut id = ran;
                    if record {
                        let (job_id, label, line) = {
                            let mut s = self.sched.borrow_mut();
                            s.sync_jobs();
                            s.microtasks
                                .pop_front()
                                .unwrap_or_else(|| (ran, "promise job".into(), None))
                        };
                        id = job_id;
                        self.callback_start(
                            id,
                            Queue::Microtask,
                            label,
                            line,
                            Activity::Microtasks,
                        );
                        if let Some(w) = self.sched.borrow_mut().jobs.as_mut() {
                            w.ran_one();
                        }
                    } else {
                        self.sched.borrow_mut().activity = Activity::Microtasks;
                    }
                    let ok = self.ctx.execute_pending_job();
                    if record {
                        self.sched.borrow_mut().emit(Event::CallbackEnd { id });
                    }
                    if !ok {
                        let e = self.exception(rquickjs::Error::Exception);
                        e?;
                    }
                    let stop = {
                        let s = self.sched.borrow();
                        s.exit.is_some() || s.fatal.is_some()
                    };
                    if stop {
                        return self.stop_now();
                    }
                }
                self.sched.borrow_mut().emit(Event::DrainEnd {
                    queue: Queue::Microtask,
                    ran,
                });
            }
            let stop = {
                let s = self.sched.borrow();
                s.exit.is_some() || s.fatal.is_some()
            };
            if stop {
                return self.stop_now();
            }
            let rejected = self.sched.borrow().rejections.replace(false);
            if rejected {
                match self.js.process_rejections.call::<_, bool>(()) {
                    Ok(_) => {}
                    Err(e) => self.exception(e)?,
                }
            }
            if self.sched.borrow().fatal.is_some() {
                return Err(Stop::Fatal);
            }
            let more = {
                let s = self.sched.borrow();
                !s.ticks.is_empty() || s.tick_wake
            } || job_pending(&self.ctx);
            if !more {
                return Ok(());
            }
        }
    }

    fn stop_now(&mut self) -> Step {
        let s = self.sched.borrow();
        if s.exit.is_some() {
            Err(Stop::Exit)
        } else {
            Err(Stop::Fatal)
        }
    }

    fn timed_out(&mut self, activity: Activity) -> Stop {
        let secs = self.timeout.as_secs_f64();
        let mut s = self.sched.borrow_mut();
        let (seen, since) = s.stamp.get();
        let busy = seen == s.callback_seq.get() && since.elapsed().as_secs_f64() >= secs * 0.5;
        let what = match activity {
            Activity::NextTicks => "the nextTick queue never emptied: each process.nextTick callback queued another, and node drains that queue completely before anything else, so timers, I/O and setImmediate callbacks starved (use setImmediate to let the loop move on)".to_string(),
            Activity::Microtasks => "the microtask queue never emptied: each promise job or queueMicrotask callback queued another, and node drains microtasks completely after every callback, so timers, I/O and setImmediate callbacks starved (use setImmediate to let the loop move on)".to_string(),
            Activity::Main if busy => "the main script never finished (a busy loop?): while JavaScript runs, no callback can".to_string(),
            Activity::Callback if busy => format!(
                "a callback ({}) never returned (a busy loop?): while JavaScript runs, no other callback can",
                if s.current_label.is_empty() { "a timer, immediate or I/O callback" } else { s.current_label.as_str() }
            ),
            _ => "the event loop still had work to do (a setInterval never cleared, or callbacks that keep scheduling more)".to_string(),
        };
        s.write(Stream::Stderr, quickjs::interrupted(secs, &what));
        s.exit = Some(code::TIMEOUT);
        Stop::Timeout
    }

    /// The timeout came while the loop was idle, waiting (in real time) for its next timer.
    fn timed_out_waiting(&mut self, due_in_ms: f64) -> Stop {
        let secs = self.timeout.as_secs_f64();
        let mut s = self.sched.borrow_mut();
        let text = format!(
            "mini-node: interrupted after {secs} s: the loop was idle, still waiting for a timer due in {} ms when the timeout came. Raise the limit with --timeout SECS.\n",
            due_in_ms.max(0.0).round()
        );
        s.write(Stream::Stderr, text);
        s.exit = Some(code::TIMEOUT);
        Stop::Timeout
    }

    fn out_of_memory(&mut self) -> Stop {
        let mut s = self.sched.borrow_mut();
        s.write(Stream::Stderr, quickjs::OUT_OF_MEMORY.into());
        s.exit = Some(code::OUT_OF_MEMORY);
        Stop::OutOfMemory
    }

    /// The end: exit listeners, the exit code, the Exit event.
    fn finish(&mut self, stop: Step) -> i32 {
        self.interrupt.set(false);
        let (code, reason) = match stop {
            Ok(()) => {
                let code = match self.js.run_exit.call::<_, i32>((0,)) {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = self.exception(e);
                        self.sched.borrow().exit.unwrap_or(code::SCRIPT)
                    }
                };
                (code, "the loop had nothing left to do".to_string())
            }
            Err(Stop::Exit) => {
                let c = self.sched.borrow().exit.unwrap_or(0);
                (c, format!("process.exit({c})"))
            }
            Err(Stop::Fatal) => {
                let c = self.sched.borrow().fatal.unwrap_or(code::SCRIPT);
                if self.sched.borrow().exit.is_none() {
                    let _ = self.js.run_exit.call::<_, i32>((c,));
                    let _ = self.ctx.catch();
                }
                (c, "uncaught exception".to_string())
            }
            Err(Stop::Timeout) => (code::TIMEOUT, "interrupted by --timeout".to_string()),
            Err(Stop::OutOfMemory) => (
                code::OUT_OF_MEMORY,
                "out of memory (--max-memory)".to_string(),
            ),
        };
        let mut s = self.sched.borrow_mut();
        s.exit = Some(code);
        if s.record {
            s.sync_jobs();
        }
        s.events.push(Event::Exit { code, reason });
        drop(s);
        self.flush();
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain_phase(t: &mut Timers, now: f64) -> Vec<u64> {
        let mut out = Vec::new();
        while let Some(id) = t.pop_expired(now) {
            out.push(id);
        }
        out
    }

    #[test]
    fn lists_ordered_by_expiry_then_creation() {
        let mut t = Timers::default();
        t.insert(1, 10.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 5.0, 0.0, true, "setTimeout", 2);
        t.insert(3, 10.0, 0.0, true, "setTimeout", 3);
        t.insert(4, 1.0, 4.0, true, "setTimeout", 4);
        assert_eq!(t.next_expiry(), Some(5.0));
        // 2 (5 ms) and 4 (due 5) expire together: the 5 ms list was created first.
        assert_eq!(drain_phase(&mut t, 5.0), vec![2, 4]);
        assert_eq!(drain_phase(&mut t, 10.0), vec![1, 3]);
        assert_eq!(t.refs, 0);
        assert_eq!(t.next_expiry(), None);
    }

    #[test]
    fn timer_added_during_the_phase_waits_for_the_next() {
        let mut t = Timers::default();
        t.insert(1, 1.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 1.0, 0.0, true, "setTimeout", 2);
        assert_eq!(t.pop_expired(1.0), Some(1));
        // timer 1's callback schedules another 1 ms timer at loop time 1
        t.insert(3, 1.0, 1.0, true, "setTimeout", 3);
        assert_eq!(t.pop_expired(1.0), Some(2));
        assert_eq!(t.pop_expired(1.0), None);
        assert_eq!(t.next_expiry(), Some(2.0));
        assert_eq!(drain_phase(&mut t, 2.0), vec![3]);
    }

    #[test]
    fn cancel_refresh_and_refs() {
        let mut t = Timers::default();
        t.insert(1, 5.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 5.0, 0.0, true, "setTimeout", 2);
        assert_eq!(t.refs, 2);
        assert!(t.cancel(1));
        assert!(!t.cancel(1));
        t.set_ref(2, false);
        assert_eq!(t.refs, 0);
        // refresh: re-insert at a later start; the old slot is skipped
        t.insert(2, 5.0, 3.0, false, "setTimeout", 2);
        assert_eq!(drain_phase(&mut t, 5.0), Vec::<u64>::new());
        assert_eq!(drain_phase(&mut t, 8.0), vec![2]);
    }

    #[test]
    fn interval_reinsertion_after_firing() {
        let mut t = Timers::default();
        t.insert(7, 10.0, 0.0, true, "setInterval", 1);
        assert_eq!(t.pop_expired(10.0), Some(7));
        assert!(!t.is_active(7));
        t.insert(7, 10.0, 10.0, true, "setInterval", 1);
        assert!(t.is_active(7));
        assert_eq!(t.pop_expired(10.0), None);
        assert_eq!(t.pop_expired(20.0), Some(7));
        t.retire(7);
        assert!(t.get(7).is_none());
    }

    #[test]
    fn racing_timers_are_within_one_ms() {
        let mut t = Timers::default();
        t.insert(1, 1.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 2.0, 0.0, true, "setTimeout", 2);
        let r = t.racing(0.0);
        assert_eq!(r, vec![(1, 1.0)]);
    }

    #[test]
    fn poll_epochs_and_liveness() {
        let mut s = Sched::new(true, LoopClock::new(super::super::Clock::Virtual));
        assert!(!s.alive());
        s.add_fs(9, "fs.readFile", 4, 3);
        assert!(s.alive());
        assert!(!s.would_block());
        s.add_immediate(4, 2);
        s.clear_immediate(4);
        assert_eq!(s.immediate_refs, 0);
        s.write(Stream::Stdout, "a\nb".into());
        s.write(Stream::Stdout, "c\n".into());
        assert_eq!(
            s.output,
            vec![
                (Stream::Stdout, "a".to_string()),
                (Stream::Stdout, "bc".to_string())
            ]
        );
        assert!(matches!(
            s.events[0],
            Event::Enqueue {
                queue: Queue::Poll,
                ..
            }
        ));
    }
}
