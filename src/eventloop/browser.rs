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
//! The JavaScript side (`browser.js`) only hands requests to the [`Page`] state here; this module
//! decides when each callback runs and reports every step as an [`Event`]. `--explore` varies the
//! one thing a page does not control: where the first rendering opportunity falls. Nothing here
//! writes to a terminal.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ffi::CString;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rquickjs::{Context, Ctx, Function, Object, Persistent, Value};

use super::clock::LoopClock;
use super::host;
use super::quickjs;
use super::{Branch, Clock, Event, Outcome, Phase, Queue, RunError, RunOptions, Stream};
use crate::error::code;

/// The Node-and-browser comparison lives in [`super::compare`]; views reach it here too.
pub use super::compare::{compare, Comparison, LineMark};

/// Time between two rendering opportunities (a 60 Hz display).
pub const FRAME_MS: f64 = 1000.0 / 60.0;
/// When the first rendering opportunity comes, by default: half a frame after the page started.
/// Measured in headless Chromium, the first frame comes anywhere from right after the script to
/// about 11 ms later on an idle machine, and later still on a busy one (`--explore` tries up to
/// [`FIRST_FRAME_LATEST`]).
pub const FIRST_FRAME_MS: f64 = FRAME_MS / 2.0;
/// The latest `--explore` lets the first rendering opportunity come: two frames. Chromium on a
/// loaded 2-core machine was seen to run a 20 ms timer before the first animation frame.
const FIRST_FRAME_LATEST: f64 = 2.0 * FRAME_MS;
/// Above this timer nesting level, a delay below [`CLAMP_MS`] is raised to it.
const CLAMP_LEVEL: u32 = 5;
const CLAMP_MS: f64 = 4.0;
const PRELUDE: &str = include_str!("browser.js");
const PRELUDE_FILE: &str = "mini-node:browser";
/// Most runs one exploration makes.
const MAX_EXPLORE_RUNS: usize = 24;

/// Where a task came from (its task source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Timer,
    Message,
    Click,
    Rejections,
}

/// A task waiting for its time, keyed in [`Page::queue`] by (due time, queueing order).
#[derive(Debug, Clone)]
struct Task {
    id: u64,
    source: Source,
}

/// A live setTimeout / setInterval.
#[derive(Debug, Clone)]
struct TimerInfo {
    delay: f64,
    repeat: bool,
    /// The timer nesting level of the task that will run it.
    nesting: u32,
    line: u32,
    /// Its place in the queue while it waits.
    slot: Option<(u64, u64)>,
}

impl TimerInfo {
    fn kind(&self) -> &'static str {
        if self.repeat {
            "setInterval"
        } else {
            "setTimeout"
        }
    }
}

/// What the page is doing, to explain a timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Activity {
    Script,
    Task,
    Microtasks,
    Frame,
}

/// The page's scheduler state, shared with the native functions of the JavaScript side.
struct Page {
    record: bool,
    events: Vec<Event>,
    output: Vec<(Stream, String)>,
    partial: [String; 2],
    clock: LoopClock,
    /// Tasks by (due time as f64 bits, sequence): non-negative f64s order like their bits.
    queue: BTreeMap<(u64, u64), Task>,
    seq: u64,
    labels: HashMap<u64, (String, u32)>,
    timers: HashMap<u64, TimerInfo>,
    /// The nesting level of the timer task running now (0 outside timer callbacks).
    nesting: u32,
    /// Animation-frame callbacks requested for the next frame, in order.
    frames: Vec<(u64, u32)>,
    live_frames: HashSet<u64>,
    /// Something ran since the last rendering: the next opportunity renders.
    dirty: bool,
    activity: Activity,
    started: Instant,
    current: String,
    /// Due times of tasks within the first frames (where `--explore` places the first frame).
    early_dues: BTreeSet<u64>,
}

impl Page {
    fn new(record: bool, clock: LoopClock) -> Self {
        Page {
            record,
            events: Vec::new(),
            output: Vec::new(),
            partial: [String::new(), String::new()],
            clock,
            queue: BTreeMap::new(),
            seq: 0,
            labels: HashMap::new(),
            timers: HashMap::new(),
            nesting: 0,
            frames: Vec::new(),
            live_frames: HashSet::new(),
            dirty: false,
            activity: Activity::Script,
            started: Instant::now(),
            current: String::new(),
            early_dues: BTreeSet::new(),
        }
    }

    fn emit(&mut self, e: Event) {
        if self.record {
            self.events.push(e);
        }
    }

    /// Console output: always reported (the CLI prints it), and kept as lines for the Outcome.
    fn write(&mut self, stream: Stream, text: String) {
        quickjs::split_lines(&mut self.partial, &mut self.output, stream, &text);
        self.events.push(Event::Output { stream, text });
    }

    fn flush_partial(&mut self) {
        quickjs::flush_partial(&mut self.partial, &mut self.output);
    }

    fn push(&mut self, due: f64, task: Task) -> (u64, u64) {
        self.seq += 1;
        let key = (due.max(0.0).to_bits(), self.seq);
        if due <= FIRST_FRAME_LATEST {
            self.early_dues.insert(due.to_bits());
        }
        self.queue.insert(key, task);
        key
    }

    /// The timer initialisation steps: the nesting level, the 4 ms clamp, the task's due time.
    fn start_timer(&mut self, id: u64, delay: f64, repeat: bool, line: u32) {
        let mut delay = if delay.is_finite() {
            delay.max(0.0)
        } else {
            0.0
        };
        if self.nesting > CLAMP_LEVEL && delay < CLAMP_MS {
            delay = CLAMP_MS;
        }
        let due = self.clock.now() + delay;
        let slot = self.push(
            due,
            Task {
                id,
                source: Source::Timer,
            },
        );
        let info = TimerInfo {
            delay,
            repeat,
            nesting: self.nesting + 1,
            line,
            slot: Some(slot),
        };
        let kind = info.kind();
        self.timers.insert(id, info);
        if self.record {
            self.events.push(Event::Enqueue {
                id,
                queue: Queue::Timers,
                label: quickjs::at_line(kind, line),
                line: (line > 0).then_some(line),
                due_ms: Some(due),
            });
        }
    }

    fn clear_timer(&mut self, id: u64) {
        if let Some(info) = self.timers.remove(&id) {
            if let Some(slot) = info.slot {
                self.queue.remove(&slot);
            }
            self.emit(Event::Cancel {
                id,
                queue: Queue::Timers,
            });
        }
    }

    fn queue_task(&mut self, id: u64, kind: &str, delay: f64, line: u32) {
        let (source, what) = match kind {
            "click" => (Source::Click, "click (__click"),
            "rejections" => (Source::Rejections, "report unhandled rejections"),
            _ => (Source::Message, "message (postMessage"),
        };
        let due = self.clock.now()
            + if delay.is_finite() {
                delay.max(0.0)
            } else {
                0.0
            };
        self.push(due, Task { id, source });
        if self.record {
            let label = match source {
                Source::Rejections => what.to_string(),
                _ if line > 0 => format!("{what} at line {line})"),
                _ => format!("{what})"),
            };
            self.labels.insert(id, (label.clone(), line));
            self.events.push(Event::Enqueue {
                id,
                queue: Queue::Task,
                label,
                line: (line > 0).then_some(line),
                due_ms: (delay > 0.0).then_some(due),
            });
        }
    }

    fn request_frame(&mut self, id: u64, line: u32) {
        self.frames.push((id, line));
        self.live_frames.insert(id);
        if self.record {
            self.events.push(Event::Enqueue {
                id,
                queue: Queue::AnimationFrame,
                label: quickjs::at_line("requestAnimationFrame", line),
                line: (line > 0).then_some(line),
                due_ms: None,
            });
        }
    }

    fn cancel_frame(&mut self, id: u64) {
        if self.live_frames.remove(&id) {
            self.frames.retain(|f| f.0 != id);
            self.emit(Event::Cancel {
                id,
                queue: Queue::AnimationFrame,
            });
        }
    }

    /// The due time and source of the task that runs next, if any.
    fn next_task(&self) -> Option<(f64, Source)> {
        self.queue
            .iter()
            .next()
            .map(|(&(bits, _), t)| (f64::from_bits(bits), t.source))
    }

    /// The due time of the oldest task, if any.
    fn next_due(&self) -> Option<f64> {
        self.queue
            .keys()
            .next()
            .map(|&(bits, _)| f64::from_bits(bits))
    }

    /// The runnable task that comes first: the earliest due, then the first queued.
    fn pop_due(&mut self, now: f64) -> Option<Task> {
        let key = *self.queue.keys().next()?;
        if f64::from_bits(key.0) > now {
            return None;
        }
        let task = self.queue.remove(&key)?;
        if task.source == Source::Timer {
            if let Some(t) = self.timers.get_mut(&task.id) {
                t.slot = None;
            }
        }
        Some(task)
    }

    fn render_needed(&self) -> bool {
        !self.frames.is_empty() || self.dirty
    }
}

/// The JavaScript side's entry points the loop calls.
struct Js<'js> {
    run_timer: Function<'js>,
    run_frame: Function<'js>,
    run_task: Function<'js>,
    report: Function<'js>,
    after_checkpoint: Function<'js>,
    track_rejection: Function<'js>,
}

/// Build the page's globals in `ctx`: the native bridge, then `browser.js`.
fn install<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    opts: &RunOptions,
    page: Rc<RefCell<Page>>,
) -> rquickjs::Result<Js<'js>> {
    let mn = Object::new(ctx.clone())?;
    mn.set("filename", opts.filename.display().to_string())?;
    mn.set("prelude", PRELUDE_FILE)?;
    mn.set("source", source)?;
    mn.set("record", page.borrow().record)?;
    let p = page.clone();
    mn.set(
        "write",
        quickjs::write_fn(ctx, move |stream, text| p.borrow_mut().write(stream, text))?,
    )?;
    let p = page.clone();
    mn.set(
        "now",
        Function::new(ctx.clone(), move || p.borrow_mut().clock.read())?,
    )?;
    let p = page.clone();
    mn.set(
        "timerStart",
        Function::new(
            ctx.clone(),
            move |id: f64, delay: f64, repeat: bool, line: u32| {
                p.borrow_mut().start_timer(id as u64, delay, repeat, line)
            },
        )?,
    )?;
    let p = page.clone();
    mn.set(
        "timerClear",
        Function::new(ctx.clone(), move |id: f64| {
            p.borrow_mut().clear_timer(id as u64)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "rafRequest",
        Function::new(ctx.clone(), move |id: f64, line: u32| {
            p.borrow_mut().request_frame(id as u64, line)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "rafCancel",
        Function::new(ctx.clone(), move |id: f64| {
            p.borrow_mut().cancel_frame(id as u64)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "task",
        Function::new(
            ctx.clone(),
            move |id: f64, kind: String, delay: f64, line: u32| {
                p.borrow_mut().queue_task(id as u64, &kind, delay, line)
            },
        )?,
    )?;
    let p = page.clone();
    mn.set(
        "microtask",
        Function::new(ctx.clone(), move |line: u32| {
            p.borrow_mut().emit(Event::Enqueue {
                id: 0,
                queue: Queue::Microtask,
                label: quickjs::at_line("queueMicrotask", line),
                line: (line > 0).then_some(line),
                due_ms: None,
            })
        })?,
    )?;
    // An object that only inherits from Promise answers 0: the console shows it as <pending>.
    mn.set("promiseState", quickjs::promise_state(ctx, 0)?)?;

    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o.filename = Some(PRELUDE_FILE.into());
    let prelude: Function = ctx.eval_with_options(PRELUDE, o)?;
    let handles: Object = prelude.call((mn, ctx.globals()))?;
    Ok(Js {
        track_rejection: handles.get("trackRejection")?,
        run_timer: handles.get("runTimer")?,
        run_frame: handles.get("runFrame")?,
        run_task: handles.get("runTask")?,
        report: handles.get("reportException")?,
        after_checkpoint: handles.get("afterCheckpoint")?,
    })
}

/// Compile a classic script (global code, sloppy mode) without running it. A syntax error comes
/// back as the console reports it, with the line and a caret.
fn compile<'js>(ctx: &Ctx<'js>, source: &str, file: &str) -> Result<Value<'js>, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (Ok(src), Ok(name)) = (CString::new(source), CString::new(file)) else {
        return Err(format!(
            "Uncaught SyntaxError: Invalid or unexpected token (at {file}: a NUL character)\n"
        ));
    };
    let flags =
        (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: both strings are NUL-terminated and outlive the call; the result is a new reference
    // (or the exception marker, whose exception is taken with `catch`).
    unsafe {
        let v = rquickjs::qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            src.as_ptr(),
            source.len() as _,
            name.as_ptr(),
            flags,
        );
        if rquickjs::qjs::JS_IsException(v) {
            let e = ctx.catch();
            return Err(syntax_report(&e, source, file));
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

fn syntax_report(e: &Value<'_>, source: &str, file: &str) -> String {
    let (message, stack) = match e.as_object() {
        Some(o) => (
            o.get::<_, String>("message").unwrap_or_default(),
            o.get::<_, String>("stack").unwrap_or_default(),
        ),
        None => ("invalid script".to_string(), String::new()),
    };
    let (line, col) = host::location_in(&stack, file).unwrap_or((1, 1));
    let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let short = std::path::Path::new(file)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    format!(
        "Uncaught SyntaxError: {} (at {short}:{line}:{col})\n    {text}\n    {}^\n",
        host::v8_message(&message),
        " ".repeat(col.saturating_sub(1))
    )
}

/// Run the compiled script (a bytecode function from [`compile`]).
fn eval_compiled<'js>(ctx: &Ctx<'js>, f: &Value<'js>) -> rquickjs::Result<()> {
    // SAFETY: JS_EvalFunction consumes the reference we duplicate for it; its result is a new
    // reference that we free (or the exception marker).
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let r = rquickjs::qjs::JS_EvalFunction(raw, rquickjs::qjs::JS_DupValue(raw, f.as_raw()));
        if rquickjs::qjs::JS_IsException(r) {
            return Err(rquickjs::Error::Exception);
        }
        rquickjs::qjs::JS_FreeValue(raw, r);
    }
    Ok(())
}

/// Why the loop stopped early.
enum Stop {
    Timeout,
    OutOfMemory,
}

type Step = Result<(), Stop>;

struct Driver<'a, 'js> {
    ctx: Ctx<'js>,
    js: Js<'js>,
    page: Rc<RefCell<Page>>,
    sink: &'a mut dyn FnMut(&Event),
    deadline: Instant,
    timeout: Duration,
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
    let runtime = quickjs::runtime(opts)?;
    let deadline = Instant::now() + opts.timeout;
    let stopped = Rc::new(Cell::new(false));
    {
        let stopped = stopped.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || {
            stopped.get() || Instant::now() >= deadline
        })));
    }
    // The page's rejection tracker, kept out of the page's globals.
    let tracker: Rc<RefCell<Option<Persistent<Function<'static>>>>> = Rc::new(RefCell::new(None));
    {
        let tracker = tracker.clone();
        runtime.set_host_promise_rejection_tracker(Some(Box::new(
            move |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
                let saved = tracker.borrow().clone();
                if let Some(track) = saved.and_then(|t| t.restore(&ctx).ok()) {
                    let _ = track.call::<_, ()>((promise, reason, handled));
                }
            },
        )));
    }
    let context = Context::full(&runtime).map_err(|e| RunError::Engine(e.to_string()))?;
    let page = Rc::new(RefCell::new(Page::new(
        opts.record,
        LoopClock::new(opts.clock),
    )));
    let code = context.with(|ctx| {
        let js = install(&ctx, source, opts, page.clone())
            .map_err(|e| RunError::Engine(host::describe(&ctx, e)))?;
        *tracker.borrow_mut() = Some(Persistent::save(&ctx, js.track_rejection.clone()));
        let mut d = Driver {
            ctx: ctx.clone(),
            js,
            page: page.clone(),
            sink,
            deadline,
            timeout: opts.timeout,
            next_frame: first_frame,
            first_frame,
            iteration: 0,
        };
        let file = opts.filename.display().to_string();
        d.page
            .borrow_mut()
            .emit(Event::ScriptStart { file: file.clone() });
        let code = d.run_all(source, &file);
        stopped.set(true);
        // Every reference into the runtime goes before the runtime does.
        tracker.borrow_mut().take();
        Ok::<i32, RunError>(code)
    })?;
    let mut p = page.borrow_mut();
    p.flush_partial();
    let dues = p.early_dues.iter().map(|&b| f64::from_bits(b)).collect();
    Ok((
        Outcome {
            output: std::mem::take(&mut p.output),
            exit_code: code,
        },
        dues,
    ))
}

impl<'js> Driver<'_, 'js> {
    fn flush(&mut self) {
        let events = std::mem::take(&mut self.page.borrow_mut().events);
        quickjs::deliver(events, self.sink);
    }

    /// The whole page: the script, then the loop until nothing is left; the exit code.
    fn run_all(&mut self, source: &str, file: &str) -> i32 {
        let (code, reason) = match self.script_and_loop(source, file) {
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
        };
        self.page
            .borrow_mut()
            .events
            .push(Event::Exit { code, reason });
        self.flush();
        code
    }

    fn script_and_loop(&mut self, source: &str, file: &str) -> Result<Option<i32>, Stop> {
        let compiled = match compile(&self.ctx, source, file) {
            Ok(f) => f,
            Err(report) => {
                self.page.borrow_mut().write(Stream::Stderr, report);
                return Ok(Some(code::SCRIPT));
            }
        };
        self.iteration += 1;
        self.begin_task();
        self.start(0, Queue::Main, "main script".into(), None, Activity::Script);
        let r = eval_compiled(&self.ctx, &compiled);
        self.end(0, r)?;
        self.checkpoint()?;
        self.page.borrow_mut().dirty = true;
        self.run_loop()?;
        Ok(None)
    }

    fn begin_task(&mut self) {
        let mut p = self.page.borrow_mut();
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
            self.flush();
            self.check_deadline(Activity::Task)?;
            let now = {
                let mut p = self.page.borrow_mut();
                p.clock.update();
                p.clock.now()
            };
            let (due, frame_ready) = {
                let p = self.page.borrow();
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
                let p = self.page.borrow();
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
        self.flush();
        let mut p = self.page.borrow_mut();
        if p.clock.mode() == Clock::Realtime {
            let remaining = self.deadline.saturating_duration_since(Instant::now());
            if p.clock.precise() + remaining.as_secs_f64() * 1000.0 < to {
                drop(p);
                std::thread::sleep(remaining);
                return Err(self.timed_out(Activity::Task));
            }
        }
        let (from, to) = p.clock.advance_to(to);
        if to > from {
            p.emit(Event::ClockAdvance {
                from_ms: from,
                to_ms: to,
            });
        }
        Ok(())
    }

    fn run_task(&mut self, now: f64) -> Step {
        let Some(task) = self.page.borrow_mut().pop_due(now) else {
            return Ok(());
        };
        self.iteration += 1;
        self.begin_task();
        match task.source {
            Source::Timer => {
                let (label, line, nesting) = {
                    let p = self.page.borrow();
                    let Some(t) = p.timers.get(&task.id) else {
                        return Ok(());
                    };
                    (quickjs::at_line(t.kind(), t.line), t.line, t.nesting)
                };
                self.page.borrow_mut().nesting = nesting;
                self.start(task.id, Queue::Timers, label, Some(line), Activity::Task);
                let r = self.js.run_timer.call::<_, ()>((task.id as f64,));
                self.end(task.id, r)?;
                // setInterval: the timer initialisation steps again, from inside its own task.
                let mut p = self.page.borrow_mut();
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
                    .page
                    .borrow_mut()
                    .labels
                    .remove(&task.id)
                    .unwrap_or_else(|| match source {
                        Source::Click => ("click".into(), 0),
                        Source::Rejections => ("report unhandled rejections".into(), 0),
                        _ => ("message".into(), 0),
                    });
                self.start(task.id, Queue::Task, label, Some(line), Activity::Task);
                let r = self.js.run_task.call::<_, ()>((task.id as f64,));
                self.end(task.id, r)?;
            }
        }
        // The checkpoint is still part of the task: a timer its microtasks create is nested.
        self.checkpoint()?;
        let mut p = self.page.borrow_mut();
        p.nesting = 0;
        p.dirty = true;
        Ok(())
    }

    /// The rendering steps: animation-frame callbacks (each with its checkpoint), then style,
    /// layout and paint.
    fn update_rendering(&mut self) -> Step {
        let now = self.page.borrow().clock.now();
        // The next opportunity: the first frame boundary after now.
        let k = ((now - self.first_frame) / FRAME_MS).floor() + 1.0;
        self.next_frame = self.first_frame + k.max(1.0) * FRAME_MS;
        let batch = {
            let mut p = self.page.borrow_mut();
            p.dirty = false;
            std::mem::take(&mut p.frames)
        };
        if !batch.is_empty() {
            self.page.borrow_mut().emit(Event::PhaseEnter {
                phase: Phase::AnimationFrames,
                at_ms: now,
            });
            let timestamp = self.page.borrow().clock.precise();
            for (id, line) in batch {
                if !self.page.borrow_mut().live_frames.remove(&id) {
                    continue; // cancelled by an earlier callback of this frame
                }
                let label = quickjs::at_line("requestAnimationFrame", line);
                self.start(
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
        self.page.borrow_mut().emit(Event::PhaseEnter {
            phase: Phase::Render,
            at_ms: now,
        });
        Ok(())
    }

    fn start(
        &mut self,
        id: u64,
        queue: Queue,
        label: String,
        line: Option<u32>,
        activity: Activity,
    ) {
        let mut p = self.page.borrow_mut();
        p.activity = activity;
        p.started = Instant::now();
        if p.record {
            p.current.clone_from(&label);
            p.events.push(Event::CallbackStart {
                id,
                queue,
                label,
                line: line.filter(|&l| l > 0),
            });
        }
    }

    fn end(&mut self, id: u64, r: rquickjs::Result<()>) -> Step {
        self.page.borrow_mut().emit(Event::CallbackEnd { id });
        match r {
            Ok(()) => Ok(()),
            Err(e) => self.exception(e),
        }
    }

    /// A callback threw: an interrupt, the heap limit, or an uncaught exception (reported; the
    /// page goes on).
    fn exception(&mut self, e: rquickjs::Error) -> Step {
        let value = quickjs::thrown(&self.ctx, e);
        if Instant::now() >= self.deadline {
            let activity = self.page.borrow().activity;
            return Err(self.timed_out(activity));
        }
        if host::is_out_of_memory(&value) {
            return Err(self.out_of_memory());
        }
        if let Err(e) = self.js.report.call::<_, ()>((value,)) {
            let _ = self.ctx.catch();
            if Instant::now() >= self.deadline {
                return Err(self.timed_out(Activity::Task));
            }
            let text = format!("Uncaught (mini-node could not describe the error: {e})\n");
            self.page.borrow_mut().write(Stream::Stderr, text);
        }
        Ok(())
    }

    fn check_deadline(&mut self, activity: Activity) -> Step {
        if Instant::now() >= self.deadline {
            return Err(self.timed_out(activity));
        }
        Ok(())
    }

    /// A microtask checkpoint: every promise job and queueMicrotask callback, including those
    /// they queue; then unhandled rejections get their report task.
    fn checkpoint(&mut self) -> Step {
        if quickjs::job_pending(&self.ctx) {
            let now = self.page.borrow().clock.now();
            {
                let mut p = self.page.borrow_mut();
                p.emit(Event::PhaseEnter {
                    phase: Phase::MicrotaskCheckpoint,
                    at_ms: now,
                });
                p.emit(Event::DrainStart {
                    queue: Queue::Microtask,
                });
            }
            let record = self.page.borrow().record;
            let mut ran = 0u64;
            while quickjs::job_pending(&self.ctx) {
                ran += 1;
                if ran.is_multiple_of(64) {
                    self.check_deadline(Activity::Microtasks)?;
                }
                if record {
                    self.start(
                        ran,
                        Queue::Microtask,
                        "promise job".into(),
                        None,
                        Activity::Microtasks,
                    );
                } else {
                    self.page.borrow_mut().activity = Activity::Microtasks;
                }
                let ok = self.ctx.execute_pending_job();
                if record {
                    self.page.borrow_mut().emit(Event::CallbackEnd { id: ran });
                }
                if !ok {
                    self.exception(rquickjs::Error::Exception)?;
                }
            }
            // A job stopped by the deadline ends the chain it was part of: say what it was.
            self.check_deadline(Activity::Microtasks)?;
            self.page.borrow_mut().emit(Event::DrainEnd {
                queue: Queue::Microtask,
                ran,
            });
        }
        if let Err(e) = self.js.after_checkpoint.call::<_, ()>(()) {
            self.exception(e)?;
        }
        Ok(())
    }

    fn timed_out(&mut self, activity: Activity) -> Stop {
        let secs = self.timeout.as_secs_f64();
        let mut p = self.page.borrow_mut();
        let busy = p.started.elapsed().as_secs_f64() >= secs * 0.5;
        let what = match activity {
            Activity::Microtasks => "the microtask queue never emptied: each promise job or queueMicrotask callback queued another, and a browser drains microtasks completely after every task, so no other task ran and the page never rendered".to_string(),
            Activity::Script if busy => "the script never finished (a busy loop?): while JavaScript runs, no task runs and the page cannot render".to_string(),
            Activity::Task | Activity::Frame if busy => format!(
                "a callback ({}) never returned (a busy loop?): while JavaScript runs, no other task runs and the page cannot render",
                if p.current.is_empty() { "a task" } else { p.current.as_str() }
            ),
            _ => "the page still had work to do (a setInterval never cleared, a requestAnimationFrame loop, or tasks that keep queueing more); a page never ends by itself".to_string(),
        };
        p.write(Stream::Stderr, quickjs::interrupted(secs, &what));
        Stop::Timeout
    }

    fn out_of_memory(&mut self) -> Stop {
        self.page
            .borrow_mut()
            .write(Stream::Stderr, quickjs::OUT_OF_MEMORY.into());
        Stop::OutOfMemory
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

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Page {
        Page::new(true, LoopClock::new(Clock::Virtual))
    }

    #[test]
    fn tasks_run_by_due_time_then_queueing_order() {
        let mut p = page();
        p.start_timer(1, 10.0, false, 1);
        p.queue_task(2, "message", 0.0, 2);
        p.start_timer(3, 0.0, false, 3);
        p.queue_task(4, "message", 0.0, 4);
        let order: Vec<u64> = std::iter::from_fn(|| p.pop_due(10.0).map(|t| t.id)).collect();
        assert_eq!(order, vec![2, 3, 4, 1]);
    }

    #[test]
    fn nested_timers_are_clamped_from_the_sixth_level() {
        let mut p = page();
        // A timer created while a timer task of nesting level 5 runs keeps its 0 ms ...
        p.nesting = 5;
        p.start_timer(1, 0.0, false, 1);
        assert_eq!(p.next_due(), Some(0.0));
        assert_eq!(p.timers[&1].nesting, 6);
        // ... one created from level 6 waits at least 4 ms, and a longer delay is kept.
        p.nesting = 6;
        p.start_timer(2, 1.0, false, 1);
        p.start_timer(3, 10.0, false, 1);
        let _ = p.pop_due(0.0);
        assert_eq!(p.next_due(), Some(4.0));
        assert_eq!(p.timers[&3].delay, 10.0);
    }

    #[test]
    fn cleared_timers_and_cancelled_frames_leave_their_queues() {
        let mut p = page();
        p.start_timer(1, 5.0, true, 1);
        p.clear_timer(1);
        assert!(p.queue.is_empty());
        p.request_frame(7, 2);
        assert!(p.render_needed());
        p.cancel_frame(7);
        assert!(!p.render_needed());
        assert!(matches!(
            p.events.last(),
            Some(Event::Cancel {
                queue: Queue::AnimationFrame,
                ..
            })
        ));
    }

    #[test]
    fn output_is_split_into_lines_per_stream() {
        let mut p = page();
        p.write(Stream::Stdout, "a\nb".into());
        p.write(Stream::Stderr, "Uncaught Error: x\n".into());
        p.write(Stream::Stdout, "c\n".into());
        assert_eq!(
            p.output,
            vec![
                (Stream::Stdout, "a".to_string()),
                (Stream::Stderr, "Uncaught Error: x".to_string()),
                (Stream::Stdout, "bc".to_string()),
            ]
        );
    }
}
