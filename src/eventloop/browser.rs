//! The browser's event loop: the HTML standard's processing model driving the same embedded
//! JavaScript engine as Node's model, with a page's globals instead of Node's.
//!
//! One turn: run the oldest runnable task (a timer that came due, a posted message, a simulated
//! click, a report of unhandled rejections), then a microtask checkpoint (every promise job and
//! `queueMicrotask` callback, including the ones they queue); when a rendering opportunity has
//! come (every [`FRAME_MS`] of loop time), the rendering steps: the animation-frame callbacks
//! requested before the frame began, each followed by a microtask checkpoint, then style, layout
//! and paint. Timers follow the standard's nesting rule (a timer created while a timer task of
//! nesting level above 5 runs, its microtask checkpoint included, waits at least 4 ms). A port
//! delivers its messages one per task. An uncaught exception is reported as the console shows it
//! (`Uncaught Error: …`) and the loop goes on, as a page does.
//!
//! The JavaScript side (`browser.js`, through `browser/bridge.rs`) only hands requests to the
//! page's queues (`browser/page.rs`); this module keeps the loop's order, decides when each
//! callback runs and reports every step as an [`Event`], through the shared loop core
//! (`driver.rs`). `--explore` varies the one thing a page does not control: where the first
//! rendering opportunity falls. Nothing here writes to a terminal.

mod bridge;
mod page;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use rquickjs::{Ctx, Function, Persistent, Value};

use super::driver::{Core, Engine, Step, Stop};
use super::host;
use super::quickjs;
use super::{Branch, Clock, Event, Outcome, Phase, Queue, RunError, RunOptions, Stream};
use crate::error::code;
use bridge::Js;
use page::{Activity, Page, Source, FIRST_FRAME_LATEST};
pub use page::{FIRST_FRAME_MS, FRAME_MS};

/// Most runs one exploration makes.
const MAX_EXPLORE_RUNS: usize = 24;

struct Driver<'a, 'js> {
    core: Core<'a, 'js, Page>,
    js: Js<'js>,
    /// Loop time of the next rendering opportunity.
    next_frame: f64,
    first_frame: f64,
    iteration: u64,
}

/// Run `source` as a page's classic script under the browser's event loop.
pub fn run(
    source: &str,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
) -> Result<Outcome, RunError> {
    run_with(source, opts, sink, FIRST_FRAME_MS).map(|(o, _)| o)
}

/// The run, with the first rendering opportunity at `first_frame` ms; also returns the due times
/// of the tasks queued within the first two frames.
fn run_with(
    source: &str,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
    first_frame: f64,
) -> Result<(Outcome, Vec<f64>), RunError> {
    // The page's rejection tracker, kept out of the page's globals.
    let tracker: Rc<RefCell<Option<Persistent<Function<'static>>>>> = Rc::new(RefCell::new(None));
    let saved = tracker.clone();
    let engine = Engine::start(
        opts,
        None,
        Box::new(
            move |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
                let saved = saved.borrow().clone();
                if let Some(track) = saved.and_then(|t| t.restore(&ctx).ok()) {
                    let _ = track.call::<_, ()>((promise, reason, handled));
                }
            },
        ),
    )?;
    let page = Rc::new(RefCell::new(Page::new(engine.run_state(opts.record, opts))));
    engine.context.with(|ctx| {
        let js = bridge::install(&ctx, source, opts, page.clone())
            .map_err(|e| RunError::Engine(host::describe(&ctx, e)))?;
        *tracker.borrow_mut() = Some(Persistent::save(&ctx, js.track_rejection.clone()));
        let mut d = Driver {
            core: Core::new(ctx.clone(), page.clone(), sink, &engine, opts),
            js,
            next_frame: first_frame,
            first_frame,
            iteration: 0,
        };
        let file = opts.filename.display().to_string();
        d.core.emit(Event::ScriptStart { file: file.clone() });
        d.run_all(source, &file);
        d.core.set_interrupt(true);
        // Every reference into the runtime goes before the runtime does.
        tracker.borrow_mut().take();
        Ok::<(), RunError>(())
    })?;
    let (outcome, dues) = {
        let mut p = page.borrow_mut();
        let dues = p.early_dues.iter().map(|&b| f64::from_bits(b)).collect();
        (p.outcome(), dues)
    };
    // What refers into the runtime goes before the runtime does.
    drop(page);
    engine.end(opts);
    Ok((outcome, dues))
}

impl<'js> Driver<'_, 'js> {
    /// The whole page: the script, then the loop until nothing is left; then the Exit event.
    fn run_all(&mut self, source: &str, file: &str) {
        // A run whose JavaScript the deadline stopped ended by --timeout, whatever the loop saw.
        let ran = match self.script_and_loop(source, file) {
            Ok(Some(code)) => Ok(Some(code)),
            other => self.core.ended(other.map(|_| ())).map(|()| None),
        };
        let (code, reason) = match ran {
            Ok(Some(code)) => (code, "the script has a syntax error".to_string()),
            Ok(None) => (
                code::OK,
                "nothing left to do: no task, timer or animation frame is waiting".to_string(),
            ),
            Err(Stop::Timeout) => (code::TIMEOUT, "interrupted by --timeout".to_string()),
            Err(Stop::OutOfMemory) => (
                code::OUT_OF_MEMORY,
                "out of memory (--max-memory)".to_string(),
            ),
            // A page has no process.exit, and an uncaught exception does not end it.
            Err(Stop::Exit | Stop::Fatal | Stop::Terminated) => {
                (code::SCRIPT, "the page stopped".to_string())
            }
        };
        self.core.exit(code, reason);
    }

    fn script_and_loop(&mut self, source: &str, file: &str) -> Result<Option<i32>, Stop> {
        let compiled = match bridge::compile(&self.core.ctx, source, file) {
            Ok(f) => f,
            Err(report) => {
                self.core.state.borrow_mut().write(Stream::Stderr, report);
                return Ok(Some(code::SCRIPT));
            }
        };
        self.iteration += 1;
        self.begin_task();
        self.core
            .callback_start(0, Queue::Main, "main script".into(), None, Activity::Script);
        let r = bridge::eval_compiled(&self.core.ctx, &compiled);
        self.end(0, r)?;
        self.checkpoint()?;
        self.core.state.borrow_mut().dirty = true;
        self.run_loop()?;
        Ok(None)
    }

    fn begin_task(&mut self) {
        let mut p = self.core.state.borrow_mut();
        let at_ms = p.clock.now();
        p.emit(Event::LoopIteration {
            iteration: self.iteration,
            at_ms,
        });
        p.emit(Event::PhaseEnter {
            phase: Phase::Task,
            at_ms,
        });
    }

    /// The event loop: a task, a checkpoint, a rendering opportunity; time passes when idle.
    fn run_loop(&mut self) -> Step {
        loop {
            self.core.flush();
            self.core.check_deadline(Activity::Task)?;
            let now = {
                let mut p = self.core.state.borrow_mut();
                p.clock.update();
                p.clock.now()
            };
            let (due, frame_ready) = {
                let p = self.core.state.borrow();
                let due = p.next_task().filter(|&(d, _)| d <= now);
                (due, p.render_needed() && self.next_frame <= now)
            };
            // A frame whose time came before the oldest runnable task renders first.
            if frame_ready && due.is_none_or(|(d, _)| self.next_frame < d) {
                self.update_rendering()?;
                continue;
            }
            if due.is_some() {
                self.run_task(now)?;
                continue;
            }
            let next = {
                let p = self.core.state.borrow();
                let frame = p.render_needed().then_some(self.next_frame);
                match (p.next_due(), frame) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            };
            let Some(to) = next else { return Ok(()) };
            self.wait_until(to)?;
        }
    }

    fn wait_until(&mut self, to: f64) -> Step {
        match self.core.wait_until(to) {
            Ok(()) => Ok(()),
            Err(_) => Err(self.core.timed_out(Activity::Task)),
        }
    }

    fn run_task(&mut self, now: f64) -> Step {
        let Some(task) = self.core.state.borrow_mut().pop_due(now) else {
            return Ok(());
        };
        self.iteration += 1;
        self.begin_task();
        match task.source {
            Source::Timer => {
                let (label, line, nesting) = {
                    let p = self.core.state.borrow();
                    let Some(t) = p.timers.get(&task.id) else {
                        return Ok(());
                    };
                    (quickjs::at_line(t.kind(), t.line), t.line, t.nesting)
                };
                self.core.state.borrow_mut().nesting = nesting;
                self.core
                    .callback_start(task.id, Queue::Timers, label, Some(line), Activity::Task);
                let r = self.js.run_timer.call::<_, ()>((task.id as f64,));
                self.end(task.id, r)?;
                // setInterval: the timer initialisation steps again, from inside its own task.
                let mut p = self.core.state.borrow_mut();
                let again = p.timers.get(&task.id).filter(|t| t.repeat).cloned();
                match again {
                    Some(t) => p.start_timer(task.id, t.delay, true, t.line),
                    None => {
                        p.timers.remove(&task.id);
                    }
                }
            }
            source => {
                let (label, line) = self
                    .core
                    .state
                    .borrow_mut()
                    .labels
                    .remove(&task.id)
                    .unwrap_or_else(|| match source {
                        Source::Click => ("click".into(), 0),
                        Source::Rejections => ("report unhandled rejections".into(), 0),
                        _ => ("message".into(), 0),
                    });
                self.core
                    .callback_start(task.id, Queue::Task, label, Some(line), Activity::Task);
                let r = self.js.run_task.call::<_, ()>((task.id as f64,));
                self.end(task.id, r)?;
            }
        }
        // The checkpoint is still part of the task: a timer its microtasks create is nested.
        self.checkpoint()?;
        let mut p = self.core.state.borrow_mut();
        p.nesting = 0;
        p.dirty = true;
        Ok(())
    }

    /// The rendering steps: animation-frame callbacks (each with its checkpoint), then style,
    /// layout and paint.
    fn update_rendering(&mut self) -> Step {
        let now = self.core.state.borrow().clock.now();
        // The next opportunity: the first frame boundary after now.
        let k = ((now - self.first_frame) / FRAME_MS).floor() + 1.0;
        self.next_frame = self.first_frame + k.max(1.0) * FRAME_MS;
        let batch = {
            let mut p = self.core.state.borrow_mut();
            p.dirty = false;
            std::mem::take(&mut p.frames)
        };
        if !batch.is_empty() {
            self.core.state.borrow_mut().emit(Event::PhaseEnter {
                phase: Phase::AnimationFrames,
                at_ms: now,
            });
            let timestamp = self.core.state.borrow().clock.precise();
            for (id, line) in batch {
                if !self.core.state.borrow_mut().live_frames.remove(&id) {
                    continue; // cancelled by an earlier callback of this frame
                }
                let label = quickjs::at_line("requestAnimationFrame", line);
                self.core.callback_start(
                    id,
                    Queue::AnimationFrame,
                    label,
                    Some(line),
                    Activity::Frame,
                );
                let r = self.js.run_frame.call::<_, ()>((id as f64, timestamp));
                self.end(id, r)?;
                self.checkpoint()?;
            }
        }
        self.core.state.borrow_mut().emit(Event::PhaseEnter {
            phase: Phase::Render,
            at_ms: now,
        });
        Ok(())
    }

    fn end(&mut self, id: u64, r: rquickjs::Result<()>) -> Step {
        match self.core.callback_end(id, r) {
            Ok(()) => Ok(()),
            Err(e) => self.exception(e),
        }
    }

    /// A callback threw: an interrupt, the heap limit, or an uncaught exception (reported; the
    /// page goes on).
    fn exception(&mut self, e: rquickjs::Error) -> Step {
        let value = self.core.thrown(e)?;
        if let Err(e) = self.js.report.call::<_, ()>((value,)) {
            let _ = self.core.ctx.catch();
            if Instant::now() >= self.core.deadline.get() {
                return Err(self.core.timed_out(Activity::Task));
            }
            let text = format!("Uncaught (mini-node could not describe the error: {e})\n");
            self.core.state.borrow_mut().write(Stream::Stderr, text);
        }
        Ok(())
    }

    /// A microtask checkpoint: every promise job and queueMicrotask callback, including those
    /// they queue; then unhandled rejections get their report task.
    fn checkpoint(&mut self) -> Step {
        if quickjs::job_pending(&self.core.ctx) {
            let now = self.core.state.borrow().clock.now();
            {
                let mut p = self.core.state.borrow_mut();
                p.emit(Event::PhaseEnter {
                    phase: Phase::MicrotaskCheckpoint,
                    at_ms: now,
                });
                p.emit(Event::DrainStart {
                    queue: Queue::Microtask,
                });
            }
            let record = self.core.state.borrow().record;
            let mut ran = 0u64;
            while quickjs::job_pending(&self.core.ctx) {
                ran += 1;
                if ran.is_multiple_of(64) {
                    self.core.check_deadline(Activity::Microtasks)?;
                }
                if record {
                    self.core.callback_start(
                        ran,
                        Queue::Microtask,
                        "promise job".into(),
                        None,
                        Activity::Microtasks,
                    );
                } else {
                    self.core.state.borrow_mut().activity = Activity::Microtasks;
                }
                let r = quickjs::run_job(&self.core.ctx);
                if record {
                    self.core
                        .state
                        .borrow_mut()
                        .emit(Event::CallbackEnd { id: ran });
                }
                if let Err(e) = r {
                    self.exception(e)?;
                }
            }
            // A job stopped by the deadline ends the chain it was part of: say what it was.
            self.core.check_deadline(Activity::Microtasks)?;
            self.core.state.borrow_mut().emit(Event::DrainEnd {
                queue: Queue::Microtask,
                ran,
            });
        }
        if let Err(e) = self.js.after_checkpoint.call::<_, ()>(()) {
            self.exception(e)?;
        }
        Ok(())
    }
}

/// Every distinct output a browser can print for `source`. What differs between runs of a real
/// page is where the first rendering opportunity falls among the page's tasks: in Chromium it
/// comes anywhere from right after the script to about 12 ms later. So the page is run with the
/// first frame right after the script, just before and just after each task due in that window,
/// and at the window's end.
pub fn explore(source: &str, opts: &RunOptions) -> Result<Vec<Branch>, RunError> {
    let mut opts = opts.clone();
    opts.clock = Clock::Virtual;
    let keep = opts.record;
    opts.record = false;
    let (first, dues) = run_with(source, &opts, &mut |_| {}, FIRST_FRAME_MS)?;
    // A frame a little before a task's due time renders before it (see `run_loop`).
    let mut candidates: Vec<(f64, String)> = vec![(
        -0.25,
        "the first rendering opportunity came right after the script (0 ms), before any task"
            .to_string(),
    )];
    for d in dues.iter().copied().filter(|&d| d > 0.0) {
        candidates.push((
            d - 0.5,
            format!(
                "the first rendering opportunity came at {} ms, just before the task due at {d} ms",
                d - 0.5
            ),
        ));
        candidates.push((
            d,
            format!("the first rendering opportunity came at {d} ms, just after the task due then"),
        ));
    }
    candidates.push((
        FIRST_FRAME_LATEST,
        format!("the first rendering opportunity came late, {FIRST_FRAME_LATEST} ms after the page started"),
    ));
    let default_reason = format!(
        "the first rendering opportunity came half a frame ({FIRST_FRAME_MS:.1} ms) after the page started"
    );
    let mut found = vec![(FIRST_FRAME_MS, default_reason, first)];
    for (offset, reason) in candidates.into_iter().take(MAX_EXPLORE_RUNS) {
        let (outcome, _) = run_with(source, &opts, &mut |_| {}, offset)?;
        if found.iter().all(|f| f.2 != outcome) {
            found.push((offset, reason, outcome));
        }
    }
    // each order's events, from a recorded run with its first frame where that order's was
    let mut recorded = opts.clone();
    recorded.record = true;
    let mut branches = Vec::new();
    for (offset, reason, outcome) in found {
        let mut events = Vec::new();
        if keep {
            run_with(source, &recorded, &mut |e| events.push(e.clone()), offset)?;
        }
        branches.push(Branch {
            reason,
            outcome,
            events,
        });
    }
    if branches.len() == 1 {
        branches[0].reason =
            "deterministic: wherever the frames fall, the page prints this".to_string();
    }
    Ok(branches)
}
