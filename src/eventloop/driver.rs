//! The loop core both models share: the engine's set-up (heap limit, interrupt handler, promise
//! rejection tracker), handing events to the sink, a callback's start and end, the deadline of
//! `--timeout`, the time-out and out-of-memory stops, waiting for the next timer, and the Exit
//! event.
//!
//! A model (`node.rs`, `browser.rs`) owns its queues and the order of its loop; it drives a
//! [`Core`] over its scheduler state (a [`LoopState`]) and decides itself what an uncaught
//! exception does. The core is generic over that state, so a callback's start and end cost what
//! they cost inside each model: no allocation, no dynamic call. Nothing here writes to a
//! terminal.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rquickjs::{Context, Ctx, Runtime, Value};

use super::clock::LoopClock;
use super::host;
use super::record::{LoopState, RunState};
use super::{quickjs, Clock, Event, Phase, Queue, RunError, RunOptions, Stream};
use crate::error::code;

/// Why the loop stopped early.
#[derive(Debug)]
pub enum Stop {
    /// process.exit.
    Exit,
    /// An uncaught exception (Node ends the process).
    Fatal,
    /// `--timeout` came.
    Timeout,
    /// The heap limit (`--max-memory`) was reached.
    OutOfMemory,
    /// A worker thread's `terminate()` (or the end of its parent) stopped it.
    Terminated,
}

impl<S: LoopState> Drop for Core<'_, '_, S> {
    fn drop(&mut self) {
        // The sink's borrow ends with the core: the state must not call it any more.
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.sink = None;
        }
    }
}

/// One step of a loop: it goes on, or the run stops.
pub type Step = Result<(), Stop>;

/// The engine of one run: a QuickJS runtime with the run's limits and a context in it.
pub struct Engine {
    pub context: Context,
    /// Kept alive for `context`, and dropped after it (fields drop in order).
    _runtime: Runtime,
    /// When `--timeout` stops the run.
    pub deadline: Rc<Cell<Instant>>,
    /// Set to stop the JavaScript running now (process.exit); the deadline stops it anyway.
    pub interrupt: Rc<Cell<bool>>,
    /// Set by the interrupt handler when the deadline stopped JavaScript.
    cut_short: Rc<Cell<bool>>,
    /// A worker thread's stop flag (`terminate()`, set from its parent's thread).
    stop: Option<Arc<AtomicBool>>,
    callback_seq: Rc<Cell<u64>>,
    stamp: Rc<Cell<(u64, Instant)>>,
}

impl Engine {
    /// The end of a run: the engine is freed, or, when the process ends right after it
    /// (`opts.last_run`), left to the operating system with the rest of the process's memory.
    pub fn end(self, opts: &RunOptions) {
        if opts.last_run {
            std::mem::forget(self);
        }
    }

    /// A runtime with the heap limit of `opts` (and, for long promise chains, a cycle-collector
    /// threshold), an interrupt handler for the deadline, `tracker` for promise rejections, and
    /// a full context.
    pub fn start(
        opts: &RunOptions,
        gc_threshold: Option<usize>,
        tracker: rquickjs::runtime::RejectionTracker,
    ) -> Result<Engine, RunError> {
        let runtime = quickjs::runtime(opts)?;
        if let Some(threshold) = gc_threshold {
            runtime.set_gc_threshold(threshold);
        }
        let deadline = Rc::new(Cell::new(Instant::now() + opts.timeout));
        let interrupt = Rc::new(Cell::new(false));
        let cut_short = Rc::new(Cell::new(false));
        let callback_seq = Rc::new(Cell::new(0u64));
        let stamp = Rc::new(Cell::new((0u64, Instant::now())));
        let stop = opts.worker.as_ref().map(|w| w.stop_flag());
        {
            let stop = stop.clone();
            let interrupt = interrupt.clone();
            let cut_short = cut_short.clone();
            let seq = callback_seq.clone();
            let stamp = stamp.clone();
            let deadline = deadline.clone();
            runtime.set_interrupt_handler(Some(Box::new(move || {
                let now = Instant::now();
                let current = seq.get();
                if stamp.get().0 != current {
                    stamp.set((current, now));
                }
                if interrupt.get() || stop.as_ref().is_some_and(|s| s.load(Ordering::Relaxed)) {
                    return true;
                }
                let expired = now >= deadline.get();
                if expired {
                    cut_short.set(true);
                }
                expired
            })));
        }
        runtime.set_host_promise_rejection_tracker(Some(tracker));
        let context = Context::full(&runtime).map_err(|e| RunError::Engine(e.to_string()))?;
        Ok(Engine {
            context,
            _runtime: runtime,
            deadline,
            interrupt,
            cut_short,
            stop,
            callback_seq,
            stamp,
        })
    }

    /// The shared run state for this engine: `record`ing or not, on a clock of `opts.clock`.
    pub fn run_state(&self, record: bool, opts: &RunOptions) -> RunState {
        let mut state = RunState::new(record, LoopClock::new(opts.clock));
        state.keep_output = !opts.last_run;
        state.callback_seq = self.callback_seq.clone();
        state.stamp = self.stamp.clone();
        state
    }
}

/// The shared half of a model's driver: the context, the scheduler state, the sink, the
/// deadline.
pub struct Core<'a, 'js, S: LoopState> {
    pub ctx: Ctx<'js>,
    pub state: Rc<RefCell<S>>,
    /// The view's sink, borrowed for the run (`'a`); the state holds the same pointer
    /// ([`RunState::flush_output`]), so both reach it through this one raw pointer.
    sink: *mut (dyn FnMut(&Event) + 'a),
    _sink: std::marker::PhantomData<&'a mut ()>,
    pub deadline: Rc<Cell<Instant>>,
    timeout: Duration,
    interrupt: Rc<Cell<bool>>,
    cut_short: Rc<Cell<bool>>,
    stop: Option<Arc<AtomicBool>>,
}

impl<'a, 'js, S: LoopState> Core<'a, 'js, S> {
    pub fn new(
        ctx: Ctx<'js>,
        state: Rc<RefCell<S>>,
        sink: &'a mut dyn FnMut(&Event),
        engine: &Engine,
        opts: &RunOptions,
    ) -> Self {
        let sink: *mut (dyn FnMut(&Event) + 'a) = sink;
        // SAFETY: only the lifetime bound is erased. The state keeps the pointer while this core
        // lives and `Drop` takes it back, so it is only called during the run, while `'a` holds;
        // no call is made through it while another is running (the sink runs no JavaScript).
        state.borrow_mut().sink = Some(unsafe {
            std::mem::transmute::<*mut (dyn FnMut(&Event) + 'a), *mut (dyn FnMut(&Event) + 'static)>(
                sink,
            )
        });
        Core {
            ctx,
            state,
            sink,
            _sink: std::marker::PhantomData,
            deadline: engine.deadline.clone(),
            timeout: opts.timeout,
            interrupt: engine.interrupt.clone(),
            cut_short: engine.cut_short.clone(),
            stop: engine.stop.clone(),
        }
    }

    /// Hand the events recorded so far to the view's sink.
    pub fn flush(&mut self) {
        let events = std::mem::take(&mut self.state.borrow_mut().events);
        // SAFETY: the sink is borrowed for `'a`, which this core does not outlive, and nothing
        // else calls it now (the state's copy is only used while JavaScript runs).
        quickjs::deliver(events, unsafe { &mut *self.sink });
    }

    /// Record `e` (recorded runs only).
    #[inline]
    pub fn emit(&self, e: Event) {
        self.state.borrow_mut().emit(e);
    }

    /// A phase (or browser step) is entered, at the loop time (recorded runs only).
    #[inline]
    pub fn phase(&self, phase: Phase) {
        let mut s = self.state.borrow_mut();
        if s.record {
            let at_ms = s.clock.now();
            s.push_event(Event::PhaseEnter { phase, at_ms });
        }
    }

    /// Has this worker thread been told to stop (`terminate()`, or its parent ended)?
    #[inline]
    pub fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    }

    /// Between callbacks: a worker thread told to stop stops now.
    #[inline]
    pub fn check_stop(&self) -> Step {
        if self.stopped() {
            return Err(Stop::Terminated);
        }
        Ok(())
    }

    /// Stop (or let run again) the JavaScript running now.
    pub fn set_interrupt(&self, on: bool) {
        self.interrupt.set(on);
    }

    /// A callback goes on the call stack.
    #[inline]
    pub fn callback_start(
        &self,
        id: u64,
        queue: Queue,
        label: String,
        line: Option<u32>,
        activity: S::Activity,
    ) {
        let mut s = self.state.borrow_mut();
        s.callback_begins(activity);
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

    /// The callback returned (`r`): what it threw goes back to the model.
    #[inline]
    pub fn callback_end(&self, id: u64, r: rquickjs::Result<()>) -> rquickjs::Result<()> {
        self.state.borrow_mut().emit(Event::CallbackEnd { id });
        r
    }

    /// What a failed call threw, unless it stops the run: process.exit, the deadline, the heap
    /// limit, or an exception that already ended the script. The model handles the rest.
    pub fn thrown(&mut self, e: rquickjs::Error) -> Result<Value<'js>, Stop> {
        let value = quickjs::thrown(&self.ctx, e);
        if self.stopped() {
            return Err(Stop::Terminated);
        }
        if self.state.borrow().exit.is_some() {
            return Err(Stop::Exit);
        }
        if self.cut_short() || Instant::now() >= self.deadline.get() {
            let activity = self.state.borrow().activity();
            return Err(self.timed_out(activity));
        }
        if host::is_out_of_memory(&value) {
            return Err(self.out_of_memory());
        }
        if self.state.borrow().fatal.is_some() {
            return Err(Stop::Fatal);
        }
        Ok(value)
    }

    /// Did the deadline stop JavaScript at some point? Its exception may not have reached the
    /// loop (a native caller that ignores a failed call, like the rejection tracker's), but the
    /// code it stopped did not finish, so the run cannot have ended normally.
    pub fn cut_short(&self) -> bool {
        self.cut_short.get()
    }

    /// How a run that ended as `stop` really ended: a run that came to its end (`Ok`), or stopped
    /// for an exception it could not report, after the deadline had stopped some JavaScript was
    /// stopped by `--timeout`, during what the loop was doing then.
    pub fn ended(&mut self, stop: Step) -> Step {
        let cut = self.cut_short()
            && match &stop {
                Ok(()) => true,
                Err(Stop::Fatal) => self.state.borrow().fatal.is_none(),
                Err(_) => false,
            };
        if cut {
            let activity = self.state.borrow().activity();
            return Err(self.timed_out(activity));
        }
        stop
    }

    /// Between callbacks: has `--timeout` come?
    pub fn check_deadline(&mut self, activity: S::Activity) -> Step {
        if Instant::now() >= self.deadline.get() {
            return Err(self.timed_out(activity));
        }
        Ok(())
    }

    /// `--timeout` came during `activity`: say what was going on, and stop.
    pub fn timed_out(&mut self, activity: S::Activity) -> Stop {
        let secs = self.timeout.as_secs_f64();
        let mut s = self.state.borrow_mut();
        let what = s.stalled(activity, secs);
        s.write(Stream::Stderr, quickjs::interrupted(secs, &what));
        s.exit = Some(code::TIMEOUT);
        Stop::Timeout
    }

    /// A fresh `--timeout` from now: with real handles open, the limit stops JavaScript that never
    /// yields, never a loop that waits for requests.
    pub fn renew_deadline(&self) {
        self.deadline.set(Instant::now() + self.timeout);
    }

    /// The seconds of `--timeout`.
    pub fn timeout_secs(&self) -> f64 {
        self.timeout.as_secs_f64()
    }

    /// The heap limit was reached.
    pub fn out_of_memory(&mut self) -> Stop {
        let mut s = self.state.borrow_mut();
        s.write(Stream::Stderr, quickjs::OUT_OF_MEMORY.into());
        s.exit = Some(code::OUT_OF_MEMORY);
        Stop::OutOfMemory
    }

    /// Nothing is runnable until loop time `to`: jump there (virtual clock) or wait (real
    /// time). When the deadline comes first, the wait ends at the deadline and `Err` says how far
    /// `to` still was, in ms.
    pub fn wait_until(&mut self, to: f64) -> Result<(), f64> {
        self.flush();
        let mut s = self.state.borrow_mut();
        if s.clock.mode() == Clock::Realtime {
            let remaining = self
                .deadline
                .get()
                .saturating_duration_since(Instant::now());
            let remaining_ms = remaining.as_secs_f64() * 1000.0;
            if s.clock.precise() + remaining_ms < to {
                let due_in = to - s.clock.precise() - remaining_ms;
                drop(s);
                std::thread::sleep(remaining);
                return Err(due_in);
            }
        }
        let (from, to) = s.clock.advance_to(to);
        if to > from {
            s.emit(Event::ClockAdvance {
                from_ms: from,
                to_ms: to,
            });
        }
        Ok(())
    }

    /// The end: the Exit event (always reported), handed to the sink with the rest.
    pub fn exit(&mut self, code: i32, reason: String) {
        let mut s = self.state.borrow_mut();
        s.exit = Some(code);
        if s.record {
            s.sync_jobs();
        }
        s.events.push(Event::Exit { code, reason });
        drop(s);
        self.flush();
    }
}
