//! Node v20's event loop: the order of libuv's phases, Node's processTicksAndRejections (all
//! nextTicks, then all promise jobs), fs requests completing in the poll phase, and where a racing
//! timer lets `--explore` vary the order.
//!
//! The queues live in [`queues`] (and the timer lists in `timers.rs`); the shared loop core
//! (`core.rs`) sets up the engine and reports each callback. [`run`] drives the queues against
//! the JavaScript host of `host.rs`, reporting every step as an [`Event`]. Nothing here formats
//! output for a terminal.

pub(super) mod queues;

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Value};

use super::driver::{Core, Engine, Step, Stop};
use super::explore::{Decide, Explorable};
use super::host::{self, Js};
use super::io::{Arg, Completion};
use super::jobs::JobWatch;
use super::quickjs::{at_line, job_pending, run_job};
use super::timers::PhaseNext;
use super::{Event, Outcome, Phase, Queue, RunError, RunOptions, Stream};
use crate::error::code;
pub use queues::{Activity, DrainFrom, Sched};

/// The most I/O completions one poll phase takes (libuv's epoll batch).
const IO_BATCH: usize = 1024;

/// Bytes allocated between two runs of the cycle collector.
const GC_THRESHOLD: usize = 256 * 1024 * 1024;

struct Driver<'a, 'js, D> {
    core: Core<'a, 'js, Sched>,
    js: Js<'js>,
    decider: &'a mut D,
    iteration: u64,
    /// Timers (id, due) that were racing at the start of an earlier iteration.
    raced: HashSet<(u64, u64)>,
    /// The I/O completions of this poll phase (kept to reuse its allocation).
    io_batch: VecDeque<Completion>,
    /// The completions' method names seen so far, as JavaScript strings.
    io_events: Vec<(&'static str, Value<'js>)>,
    /// An empty immediate queue to swap in at each check phase (no allocation per iteration).
    spare: VecDeque<(u64, u32)>,
}

/// Node's loop, for the explorer.
pub struct NodeLoop;

impl Explorable for NodeLoop {
    fn run<D: Decide>(
        source: &str,
        opts: &RunOptions,
        sink: &mut dyn FnMut(&Event),
        decider: &mut D,
    ) -> Result<Outcome, RunError> {
        run(source, opts, sink, decider)
    }
}

/// Run a script under Node's loop. `decider` picks, where timing decides, whether a racing timer
/// had expired (explore); by default it never had.
pub fn run<D: Decide>(
    source: &str,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
    decider: &mut D,
) -> Result<Outcome, RunError> {
    let rejections = Rc::new(Cell::new(false));
    let flag = rejections.clone();
    let warn = Rc::new(Cell::new(false));
    let warn_flag = warn.clone();
    // QuickJS frees most garbage by reference counting; its cycle collector, run every few
    // MB by default, rescans every live object and dominated long promise chains.
    let engine = Engine::start(
        opts,
        Some(GC_THRESHOLD.min(opts.max_memory / 2)),
        Box::new(
            move |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
                // a late handler matters too: node announces it ('rejectionHandled')
                flag.set(true);
                if let Ok(track) = ctx.globals().get::<_, Function>("__mn_track") {
                    // node's hasRejectionToWarn, as the prelude's tracker leaves it
                    if let Ok(waiting) = track.call::<_, bool>((promise, reason, handled)) {
                        warn_flag.set(waiting);
                    }
                }
            },
        ),
    )?;
    let mut state = Sched::new(engine.run_state(opts.record || decider.active(), opts));
    state.rejections = rejections;
    state.warn = warn;
    state.io.refuse = decider.active();
    if let Some(link) = &opts.worker {
        // a worker thread: its I/O (with its ports) was made by its parent
        state.threads.attach(link, &mut state.io);
    }
    let sched = Rc::new(RefCell::new(state));
    engine.context.with(|ctx| {
        if sched.borrow().record {
            // SAFETY: the context is live for this closure, the runtime for the whole run.
            let watch = unsafe {
                JobWatch::locate(ctx.as_raw().as_ptr(), opts.filename.display().to_string())
            };
            sched.borrow_mut().jobs = watch;
        }
        let js = host::install(&ctx, source, opts, sched.clone(), engine.interrupt.clone())
            .map_err(|e| RunError::Engine(host::describe(&ctx, e)))?;
        let mut d = Driver {
            core: Core::new(ctx.clone(), sched.clone(), sink, &engine, opts),
            js,
            decider,
            iteration: 0,
            raced: HashSet::new(),
            io_batch: VecDeque::new(),
            io_events: Vec::new(),
            spare: VecDeque::new(),
        };
        let file = opts.filename.display().to_string();
        d.core.emit(Event::ScriptStart { file });
        let stop = d.run_all(source, opts);
        d.finish(stop);
        Ok::<(), RunError>(())
    })?;
    let outcome = sched.borrow_mut().outcome();
    let refused = sched.borrow().io.refused;
    // No worker thread outlives the loop that started it.
    let mut threads = std::mem::take(&mut sched.borrow_mut().threads);
    threads.stop_all();
    // What refers into the runtime goes before the runtime does.
    drop(sched);
    engine.end(opts);
    if let Some(kind) = refused {
        return Err(RunError::Unsupported(format!(
            "--explore explores the orders of a single process without I/O, and {} opens a {kind}; run it without --explore",
            opts.filename.display()
        )));
    }
    Ok(outcome)
}

impl<'js, D: Decide> Driver<'_, 'js, D> {
    fn run_all(&mut self, source: &str, opts: &RunOptions) -> Step {
        if opts.worker.is_some() {
            // a worker's script is compiled by lib/worker_threads.js: its syntax error, like
            // any of its uncaught errors, goes to the parent's 'error' event
            self.core
                .callback_start(0, Queue::Main, "worker script".into(), None, Activity::Main);
            let r = self.js.main.call::<_, ()>(());
            self.callback_end(0, r)?;
            self.drain(DrainFrom::Scope)?;
            return self.run_loop();
        }
        let main = match host::compile(&self.core.ctx, source, &opts.filename, true) {
            Ok(f) => f,
            Err(report) => {
                let mut s = self.core.state.borrow_mut();
                s.write(Stream::Stderr, report);
                s.fatal = Some(code::SCRIPT);
                drop(s);
                return Err(Stop::Fatal);
            }
        };
        self.core
            .callback_start(0, Queue::Main, "main script".into(), None, Activity::Main);
        let r = self.js.main.call::<_, ()>((main,));
        self.callback_end(0, r)?;
        self.drain(DrainFrom::Scope)?;
        self.run_loop()
    }

    /// The loop's iterations, after the main script, until nothing keeps it alive.
    fn run_loop(&mut self) -> Step {
        loop {
            self.core.flush();
            if !self.core.state.borrow().alive() {
                self.call_plain(&self.js.before_exit.clone())?;
                self.drain(DrainFrom::Scope)?;
                if !self.core.state.borrow().alive() {
                    break;
                }
            }
            self.iteration()?;
        }
        Ok(())
    }

    fn iteration(&mut self) -> Step {
        self.core.check_stop()?;
        self.iteration += 1;
        if self.core.state.borrow().io.real {
            // real handles: node's clock, and --timeout only for JavaScript that never yields
            self.core.state.borrow_mut().clock.go_real();
            self.core.renew_deadline();
        }
        let now = {
            let mut s = self.core.state.borrow_mut();
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
            self.core.check_deadline(Activity::Callback)?;
        }
        self.core.phase(Phase::Timers);
        loop {
            let next = {
                let mut s = self.core.state.borrow_mut();
                let now = s.clock.now();
                s.timers.pop_expired(now)
            };
            let Some(id) = next else { break };
            let (label, line) = {
                let s = self.core.state.borrow();
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
            let duration = self
                .core
                .state
                .borrow()
                .timers
                .get(id)
                .map_or(1.0, |e| e.duration);
            self.core
                .callback_start(id, Queue::Timers, label, Some(line), Activity::Callback);
            let r = self.js.run_timer.call::<_, ()>((id as f64,));
            self.core.state.borrow_mut().timers.retire(id);
            self.callback_end(id, r)?;
            let from = {
                let s = self.core.state.borrow();
                match s.timers.next_in_phase(s.clock.now(), duration) {
                    PhaseNext::SameList => DrainFrom::ListOnTimeout,
                    PhaseNext::OtherList => DrainFrom::ProcessTimers,
                    PhaseNext::Over => DrainFrom::Scope,
                }
            };
            self.drain(from)?;
        }
        self.core.phase(Phase::PendingCallbacks);
        self.core.phase(Phase::IdlePrepare);
        self.core.phase(Phase::Poll);
        self.poll()?;
        self.core.phase(Phase::Check);
        // this phase's immediates; the ones they queue wait for the next iteration
        let mut batch = std::mem::take(&mut self.spare);
        std::mem::swap(&mut batch, &mut self.core.state.borrow_mut().immediates);
        for i in 0..batch.len() {
            let (id, line) = batch[i];
            if !self.core.state.borrow_mut().take_immediate(id) {
                continue;
            }
            let label = if self.core.state.borrow().record {
                at_line("setImmediate", line)
            } else {
                String::new()
            };
            self.core
                .callback_start(id, Queue::Check, label, Some(line), Activity::Callback);
            let r = self.js.run_immediate.call::<_, ()>((id as f64,));
            self.callback_end(id, r)?;
            // processImmediate drains before each immediate after the first; after the last,
            // the callback scope does
            let more = {
                let s = self.core.state.borrow();
                batch.range(i + 1..).any(|&(id, _)| s.immediate_live(id))
            };
            self.drain(if more {
                DrainFrom::ProcessImmediate
            } else {
                DrainFrom::Scope
            })?;
        }
        batch.clear();
        self.spare = batch;
        self.core.phase(Phase::CloseCallbacks);
        // the handles closed so far; those their callbacks close wait for the next iteration
        let closing = self.core.state.borrow().io.closing.len();
        for _ in 0..closing {
            let Some(id) = self.core.state.borrow_mut().io.closing.pop_front() else {
                break;
            };
            self.run_io(
                Queue::Close,
                Completion {
                    handle: id,
                    event: "onclose",
                    arg: Arg::None,
                },
            )?;
            self.core.state.borrow_mut().io.closed(id);
        }
        Ok(())
    }

    /// A real handle's completion: `handle[event](arg)` in lib/io.js, then the queues drained.
    fn run_io(&mut self, queue: Queue, c: Completion) -> Step {
        self.core.check_stop()?;
        if !self.core.state.borrow().io.is_live(c.handle) {
            // its handle is gone: dropped unread (an accepted socket it carries closes)
            return Ok(());
        }
        let label = if self.core.state.borrow().record {
            let s = self.core.state.borrow();
            format!("{} {}", s.io.kind(c.handle), c.event)
        } else {
            String::new()
        };
        self.core
            .callback_start(c.handle, queue, label, None, Activity::Callback);
        let ctx = self.core.ctx.clone();
        let arg = match c.arg {
            Arg::None => Ok(Value::new_undefined(ctx.clone())),
            Arg::Num(n) => n.into_js(&ctx),
            Arg::Str(text) => text.into_js(&ctx),
            Arg::Bytes(bytes) => ArrayBuffer::new(ctx.clone(), bytes).map(ArrayBuffer::into_value),
            Arg::Make(make) => make(&ctx),
        };
        let event = self.event_name(c.event);
        let r = match arg {
            Ok(arg) => self.js.run_io.call::<_, ()>((c.handle as f64, event, arg)),
            Err(e) => Err(e),
        };
        self.callback_end(c.handle, r)?;
        self.drain(DrainFrom::Scope)
    }

    /// A completion's method name as a JavaScript string, made once per name (a busy server
    /// posts the same few names thousands of times a second).
    fn event_name(&mut self, event: &'static str) -> Value<'js> {
        if let Some((_, v)) = self.io_events.iter().find(|(e, _)| *e == event) {
            return v.clone();
        }
        let v = event
            .into_js(&self.core.ctx)
            .unwrap_or_else(|_| Value::new_undefined(self.core.ctx.clone()));
        self.io_events.push((event, v.clone()));
        v
    }

    /// Run `first` and the completions ready now (a batch of at most [`IO_BATCH`], taken
    /// before any runs); how many ran.
    fn run_ready_io(&mut self, first: Option<Completion>) -> Result<usize, Stop> {
        // the loop-thread runtime's ready I/O first (as libuv's epoll of this phase)
        self.core.state.borrow().io.drive();
        let mut batch = std::mem::take(&mut self.io_batch);
        batch.extend(first);
        {
            let s = self.core.state.borrow();
            while batch.len() < IO_BATCH {
                let Some(c) = s.io.try_next() else { break };
                batch.push_back(c);
            }
        }
        let n = batch.len();
        while let Some(c) = batch.pop_front() {
            if let Err(stop) = self.run_io(Queue::Poll, c) {
                batch.clear();
                self.io_batch = batch;
                return Err(stop);
            }
        }
        self.io_batch = batch;
        if n > 0 {
            // what these callbacks answered, handed to the loop-thread tasks now
            self.core.state.borrow().io.drive();
        }
        Ok(n)
    }

    fn poll(&mut self) -> Step {
        let epoch = {
            let mut s = self.core.state.borrow_mut();
            s.poll_epoch += 1;
            s.poll_epoch
        };
        let mut ran = 0usize;
        loop {
            let op = {
                let mut s = self.core.state.borrow_mut();
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
                self.core.state.borrow_mut().fs.push_back(op);
                continue;
            }
            let label = if self.core.state.borrow().record {
                format!("{} done", at_line(op.label, op.line))
            } else {
                String::new()
            };
            self.core
                .callback_start(op.id, Queue::Poll, label, Some(op.line), Activity::Callback);
            let r = self.js.run_callback.call::<_, ()>((op.id as f64,));
            self.callback_end(op.id, r)?;
            self.drain(DrainFrom::Scope)?;
        }
        // real I/O that is ready now, at most a batch (libuv's one epoll_wait); what becomes
        // ready while these run waits for the next iteration, as in libuv
        let ran_io = self.run_ready_io(None)?;
        ran += ran_io;
        let (block, real) = {
            let s = self.core.state.borrow();
            (ran == 0 && s.would_block() && s.alive(), s.io.real)
        };
        if block && real {
            // wait for I/O, or for the next timer
            let timeout = {
                let s = self.core.state.borrow();
                s.timers.next_expiry().map(|to| {
                    std::time::Duration::from_secs_f64((to - s.clock.precise()).max(0.0) / 1000.0)
                })
            };
            self.core.flush();
            let first = self.core.state.borrow().io.wait(timeout);
            self.core.state.borrow_mut().clock.update();
            // the time spent waiting is not the callbacks' to account for
            self.core.renew_deadline();
            if let Some(c) = first {
                self.run_ready_io(Some(c))?;
            }
            return Ok(());
        }
        let wait = {
            let s = self.core.state.borrow();
            if block {
                s.timers.next_expiry()
            } else {
                None
            }
        };
        if let Some(to) = wait {
            if let Err(due_in) = self.core.wait_until(to) {
                return Err(self.timed_out_waiting(due_in));
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
            let s = self.core.state.borrow();
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
            let mut s = self.core.state.borrow_mut();
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
            let s = self.core.state.borrow();
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
            self.core.state.borrow_mut().clock.jump_to(dues[choice - 1]);
        }
    }

    fn callback_end(&mut self, id: u64, r: rquickjs::Result<()>) -> Step {
        match self.core.callback_end(id, r) {
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
        let value = self.core.thrown(e)?;
        match self.js.uncaught.call::<_, bool>((value,)) {
            Ok(true) => Err(Stop::Fatal),
            Ok(false) => Ok(()),
            Err(rquickjs::Error::Exception) => {
                let _ = self.core.ctx.catch();
                if self.core.state.borrow().exit.is_some() {
                    Err(Stop::Exit)
                } else {
                    Err(Stop::Fatal)
                }
            }
            Err(_) => Err(Stop::Fatal),
        }
    }

    /// Drain the nextTick and microtask queues after a callback, as node does it (its C++
    /// `InternalCallbackScope::Close`, or `runNextTicks` between timers and immediates): with no
    /// tick scheduled (and, for runNextTicks, no rejection to warn about), the microtasks run
    /// alone first (V8's checkpoint); then, if ticks or rejections wait, processTicksAndRejections: all
    /// nextTicks, then all promise jobs, again while either has work, then unhandled rejections
    /// (node's default 'throw' mode) once the tick queue is empty. Output written by the script
    /// counts as a scheduled tick (its stream's afterWriteTick). Which of these runs a callback
    /// shows in its stack trace, so the drain says so in `Sched::drain` while it runs.
    fn drain(&mut self, from: DrainFrom) -> Step {
        let r = self.drain_queues(from);
        let mut s = self.core.state.borrow_mut();
        s.drain = None;
        s.out_tick = false;
        s.warn.set(false);
        r
    }

    /// A tick is scheduled (node's hasTickScheduled), or, with `warn`, a rejection waits.
    fn ticks_waiting(&self, warn: bool) -> bool {
        let s = self.core.state.borrow();
        s.out_tick || s.tick_wake || !s.ticks.is_empty() || (warn && s.warn.get())
    }

    fn drain_queues(&mut self, from: DrainFrom) -> Step {
        // the C++ scope checks for ticks only; runNextTicks for a waiting rejection too
        if !self.ticks_waiting(from != DrainFrom::Scope) {
            self.core.state.borrow_mut().drain = Some((from, false));
            self.run_microtasks()?;
            if !self.ticks_waiting(true) {
                return Ok(());
            }
        }
        self.core.state.borrow_mut().drain = Some((from, true));
        loop {
            self.core.state.borrow_mut().out_tick = false;
            self.run_ticks()?;
            self.run_microtasks()?;
            let ticks = {
                let s = self.core.state.borrow();
                s.out_tick || s.tick_wake || !s.ticks.is_empty()
            };
            if ticks {
                continue;
            }
            let rejected = self.core.state.borrow().rejections.replace(false);
            if rejected {
                match self.js.process_rejections.call::<_, bool>(()) {
                    Ok(_) => {}
                    Err(e) => self.exception(e)?,
                }
            }
            if self.core.state.borrow().fatal.is_some() {
                return Err(Stop::Fatal);
            }
            let more = {
                let s = self.core.state.borrow();
                !s.ticks.is_empty() || s.tick_wake
            } || job_pending(&self.core.ctx);
            if !more {
                return Ok(());
            }
        }
    }

    /// Every nextTick callback queued (those they queue too).
    fn run_ticks(&mut self) -> Step {
        // plain runs: the prelude drains its nextTick queue in one call
        while std::mem::take(&mut self.core.state.borrow_mut().tick_wake) {
            self.core.state.borrow_mut().activity = Activity::NextTicks;
            if let Err(e) = self.js.run_ticks.call::<_, ()>(()) {
                self.exception(e)?;
            }
        }
        if self.core.state.borrow().ticks.is_empty() {
            return Ok(());
        }
        self.core.state.borrow_mut().emit(Event::DrainStart {
            queue: Queue::NextTick,
        });
        let mut ran = 0u64;
        loop {
            let next = self.core.state.borrow_mut().ticks.pop_front();
            let Some((id, line)) = next else { break };
            ran += 1;
            if ran.is_multiple_of(1024) {
                self.core.check_deadline(Activity::NextTicks)?;
            }
            let label = if self.core.state.borrow().record {
                at_line("process.nextTick", line)
            } else {
                String::new()
            };
            self.core
                .callback_start(id, Queue::NextTick, label, Some(line), Activity::NextTicks);
            let r = self.js.run_tick.call::<_, ()>((id as f64,));
            self.callback_end(id, r)?;
        }
        self.core.state.borrow_mut().emit(Event::DrainEnd {
            queue: Queue::NextTick,
            ran,
        });
        Ok(())
    }

    /// Every promise job queued (those they queue too); stops the run at `process.exit` or a
    /// fatal error.
    fn run_microtasks(&mut self) -> Step {
        if job_pending(&self.core.ctx) {
            self.core.state.borrow_mut().emit(Event::DrainStart {
                queue: Queue::Microtask,
            });
            let record = self.core.state.borrow().record;
            let mut ran = 0u64;
            while job_pending(&self.core.ctx) {
                ran += 1;
                if ran.is_multiple_of(1024) {
                    self.core.check_deadline(Activity::Microtasks)?;
                }
                let mut id = ran;
                if record {
                    let (job_id, label, line) = {
                        let mut s = self.core.state.borrow_mut();
                        s.sync_jobs();
                        s.microtasks
                            .pop_front()
                            .unwrap_or_else(|| (ran, "promise job".into(), None))
                    };
                    id = job_id;
                    self.core.callback_start(
                        id,
                        Queue::Microtask,
                        label,
                        line,
                        Activity::Microtasks,
                    );
                    if let Some(w) = self.core.state.borrow_mut().jobs.as_mut() {
                        w.ran_one();
                    }
                } else {
                    self.core.state.borrow_mut().activity = Activity::Microtasks;
                }
                let r = run_job(&self.core.ctx);
                if record {
                    self.core.state.borrow_mut().emit(Event::CallbackEnd { id });
                }
                if let Err(e) = r {
                    self.exception(e)?;
                }
                let stop = {
                    let s = self.core.state.borrow();
                    s.exit.is_some() || s.fatal.is_some()
                };
                if stop {
                    return self.stop_now();
                }
            }
            self.core.state.borrow_mut().emit(Event::DrainEnd {
                queue: Queue::Microtask,
                ran,
            });
        }
        let stop = {
            let s = self.core.state.borrow();
            s.exit.is_some() || s.fatal.is_some()
        };
        if stop {
            return self.stop_now();
        }
        Ok(())
    }

    fn stop_now(&mut self) -> Step {
        let s = self.core.state.borrow();
        if s.exit.is_some() {
            Err(Stop::Exit)
        } else {
            Err(Stop::Fatal)
        }
    }

    /// The timeout came while the loop was idle, waiting (in real time) for its next timer.
    fn timed_out_waiting(&mut self, due_in_ms: f64) -> Stop {
        let secs = self.core.timeout_secs();
        let mut s = self.core.state.borrow_mut();
        let text = format!(
            "mini-node: interrupted after {secs} s: the loop was idle, still waiting for a timer due in {} ms when the timeout came. Raise the limit with --timeout SECS.\n",
            due_in_ms.max(0.0).round()
        );
        s.write(Stream::Stderr, text);
        s.exit = Some(code::TIMEOUT);
        Stop::Timeout
    }

    /// The end: exit listeners, the exit code, the Exit event.
    fn finish(&mut self, stop: Step) {
        let stop = self.core.ended(stop);
        self.core.set_interrupt(false);
        let (code, reason) = match stop {
            Ok(()) => {
                let code = match self.js.run_exit.call::<_, i32>((0,)) {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = self.exception(e);
                        self.core.state.borrow().exit.unwrap_or(code::SCRIPT)
                    }
                };
                (code, "the loop had nothing left to do".to_string())
            }
            Err(Stop::Exit) => {
                let c = self.core.state.borrow().exit.unwrap_or(0);
                (c, format!("process.exit({c})"))
            }
            Err(Stop::Fatal) => {
                let mut c = self.core.state.borrow().fatal.unwrap_or(code::SCRIPT);
                if self.core.state.borrow().exit.is_none() {
                    // 'exit' listeners may still change process.exitCode, as in node
                    match self.js.run_exit.call::<_, i32>((c,)) {
                        Ok(code) => c = code,
                        Err(_) => {
                            let _ = self.core.ctx.catch();
                            c = self.core.state.borrow().exit.unwrap_or(c);
                        }
                    }
                }
                (c, "uncaught exception".to_string())
            }
            Err(Stop::Timeout) => (code::TIMEOUT, "interrupted by --timeout".to_string()),
            Err(Stop::Terminated) => (code::SCRIPT, "worker.terminate()".to_string()),
            Err(Stop::OutOfMemory) => (
                code::OUT_OF_MEMORY,
                "out of memory (--max-memory)".to_string(),
            ),
        };
        self.core.exit(code, reason);
    }
}
