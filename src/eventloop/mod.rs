//! The built-in scheduler: Node v20's event loop (and the browser's) driving a real JavaScript
//! engine (QuickJS, through rquickjs).
//!
//! The engine runs a script to completion under a [virtual or real clock](Clock) and reports every
//! step (loop iteration, phase entered, callback queued, callback run, queue drained, output line)
//! as a typed [`Event`] to a sink. Views (the CLI printer, the TUI, the tests) consume those events;
//! nothing here writes to a terminal.
//!
//! The pieces: `node.rs` and `browser.rs` are the two models' loop orders, over their queues
//! (`node/queues.rs`, `browser/page.rs`) and `timers.rs`; both drive the shared loop core
//! (`driver.rs`: engine set-up, callback start and end, deadline, time-out, out of memory) over
//! the shared run state (`record.rs`: events, output, clock). `host/` (with Node's library in
//! `lib/`) and `browser/bridge.rs` are the JavaScript sides' native bridges, `quickjs.rs` and
//! `jobs.rs` the engine plumbing, `clock.rs` the loop time. `explore.rs` varies timing decisions through its `Decide` and
//! `Explorable` traits, `compare.rs` lines up the two models' outputs, `replay.rs` folds events
//! into snapshots, `script.rs` reads and checks a script before it runs.

pub mod browser;
mod clock;
pub mod compare;
mod driver;
mod examples;
mod explore;
mod host;
mod io;
mod jobs;
mod node;
mod quickjs;
mod record;
pub mod replay;
pub mod script;
mod timers;
mod worker;

pub use examples::{examples, Example};

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Which event-loop model runs the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Model {
    Node,
    Browser,
}

/// How time passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Clock {
    /// When nothing is runnable, time jumps to the next timer: reproducible, and never waits.
    Virtual,
    /// Timers wait real time.
    Realtime,
}

/// The six phases of Node's loop, in libuv's order (and the browser model's steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Timers,
    PendingCallbacks,
    IdlePrepare,
    Poll,
    Check,
    CloseCallbacks,
    // Browser model steps.
    Task,
    MicrotaskCheckpoint,
    AnimationFrames,
    Render,
}

/// The queues a callback can wait in, ordered as a view lists them (the main script last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    Timers,
    /// Completed I/O (fs callbacks) waiting for the poll phase.
    Poll,
    /// setImmediate.
    Check,
    Close,
    NextTick,
    /// Promise reactions and queueMicrotask.
    Microtask,
    // Browser model.
    Task,
    AnimationFrame,
    /// The main script itself.
    Main,
}

impl Phase {
    /// The phase's name as every view prints it.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Timers => "timers",
            Phase::PendingCallbacks => "pending callbacks",
            Phase::IdlePrepare => "idle, prepare",
            Phase::Poll => "poll",
            Phase::Check => "check",
            Phase::CloseCallbacks => "close callbacks",
            Phase::Task => "task",
            Phase::MicrotaskCheckpoint => "microtask checkpoint",
            Phase::AnimationFrames => "animation frames",
            Phase::Render => "render (style, layout, paint)",
        }
    }
}

impl Queue {
    /// The queue's name in the text views (trace lines, panels).
    pub fn label(self) -> &'static str {
        match self {
            Queue::Main => "main",
            Queue::Timers => "timers",
            Queue::Poll => "poll (I/O)",
            Queue::Check => "check (immediates)",
            Queue::Close => "close",
            Queue::NextTick => "nextTick",
            Queue::Microtask => "microtasks",
            Queue::Task => "tasks",
            Queue::AnimationFrame => "animation frames",
        }
    }

    /// The queue's name where room is short (the TUI's one-line descriptions).
    pub fn short_label(self) -> &'static str {
        match self {
            Queue::Main => "main",
            Queue::Timers => "timers",
            Queue::Poll => "poll",
            Queue::Check => "check",
            Queue::Close => "close",
            Queue::NextTick => "nextTick",
            Queue::Microtask => "microtask",
            Queue::Task => "task",
            Queue::AnimationFrame => "rAF",
        }
    }
}

/// Where output went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One step of a run, in the order it happened. `at_ms` is the (virtual or real) loop time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The main script starts.
    ScriptStart { file: String },
    /// A new turn of the loop (1, 2, ...).
    LoopIteration { iteration: u64, at_ms: f64 },
    /// A phase (or browser step) is entered.
    PhaseEnter { phase: Phase, at_ms: f64 },
    /// A callback was queued. `label` says where it came from, e.g. "setTimeout at line 3".
    Enqueue {
        id: u64,
        queue: Queue,
        label: String,
        line: Option<u32>,
        due_ms: Option<f64>,
    },
    /// A queued callback was cancelled (clearTimeout, clearImmediate ...).
    Cancel { id: u64, queue: Queue },
    /// A callback starts running (on the call stack).
    CallbackStart {
        id: u64,
        queue: Queue,
        label: String,
        line: Option<u32>,
    },
    /// The callback returned (or threw).
    CallbackEnd { id: u64 },
    /// The nextTick queue or the microtask queue starts draining.
    DrainStart { queue: Queue },
    /// ... and is empty again; `ran` callbacks ran.
    DrainEnd { queue: Queue, ran: u64 },
    /// The virtual clock jumped (nothing was runnable), or real time was waited.
    ClockAdvance { from_ms: f64, to_ms: f64 },
    /// A line the script printed (console.log ... , process.stdout.write).
    Output { stream: Stream, text: String },
    /// A message crossed a channel between processes or threads: `process.send`, `child.send`,
    /// `worker.postMessage`, `parentPort.postMessage`, a cluster worker's `send`. `sent` is this
    /// side's direction; `peer` names the other side (`child 4242`, `parent 4241`, `worker 1`,
    /// `thread 1`); `payload` is the message as JSON (node's `json` serialization).
    Message {
        sent: bool,
        peer: String,
        payload: String,
    },
    /// The run is over.
    Exit { code: i32, reason: String },
}

/// What to run and how.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub model: Model,
    pub clock: Clock,
    /// The script's path: `__filename`, error locations, `process.argv[1]`.
    pub filename: PathBuf,
    /// `process.argv[2..]`.
    pub args: Vec<String>,
    /// Interrupt the script after this long (busy loops, endless nextTick chains).
    pub timeout: Duration,
    /// Heap limit of the JavaScript engine, in bytes.
    pub max_memory: usize,
    /// Report every step to the sink (`true`, the default). `false` reports only [`Event::Output`]
    /// and [`Event::Exit`], which lets `mini-node run` without `--trace` skip the bookkeeping
    /// (call-site lines, labels) on hot paths.
    pub record: bool,
    /// The process ends right after this run (`mini-node run`): the engine's heap is left to the
    /// operating system, as node leaves its heap at exit, instead of being freed object by object
    /// (about a sixth of a one-line script's start-to-end). `false` by default: a process that
    /// runs many scripts (the TUI, the tests, `--explore`) frees each one's. The output then
    /// reaches the sink only, as events: [`Outcome::output`] stays empty, so a server that
    /// prints for hours keeps no copy of it.
    pub last_run: bool,
    /// Set in a worker thread's loop (node's `worker_threads`): its link to the loop that
    /// started it. `None` in the main thread.
    pub worker: Option<worker::WorkerLink>,
    /// Where the events of this run's worker threads go, when the view traces them: called on
    /// each worker's thread with its `threadId`, it gives that thread's sink (or none). Worker
    /// threads inherit it, so theirs are traced too.
    pub thread_trace: Option<ThreadTrace>,
}

/// The maker of a worker thread's trace sink (see [`RunOptions::thread_trace`]).
#[derive(Clone)]
pub struct ThreadTrace(pub std::sync::Arc<dyn Fn(u64) -> Option<ThreadSink> + Send + Sync>);

/// A worker thread's trace sink.
pub type ThreadSink = Box<dyn FnMut(&Event) + Send>;

impl std::fmt::Debug for ThreadTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ThreadTrace")
    }
}

impl RunOptions {
    pub fn new(filename: impl Into<PathBuf>) -> Self {
        RunOptions {
            model: Model::Node,
            clock: Clock::Virtual,
            filename: filename.into(),
            args: Vec::new(),
            timeout: Duration::from_secs(10),
            max_memory: 512 * 1024 * 1024,
            record: true,
            last_run: false,
            worker: None,
            thread_trace: None,
        }
    }
}

/// The result of one run: the output as node would print it, and node's exit code.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub output: Vec<(Stream, String)>,
    pub exit_code: i32,
}

/// One possible order found by `--explore`.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// Why this order happens, e.g. "the 1 ms timer had expired by the first timers phase".
    pub reason: String,
    pub outcome: Outcome,
    /// Every event of this order's run, as [`run`] would report them (empty when
    /// `opts.record` is false): a view can replay any order, not only the default one.
    pub events: Vec<Event>,
}

/// Something that is not the script's fault stopped the run before it could start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The requested model is not available.
    #[error("{0}")]
    Unsupported(String),
    /// The JavaScript engine could not be set up.
    #[error("the JavaScript engine failed to start: {0}")]
    Engine(String),
}

/// Run `source` (the contents of `opts.filename`) to completion under `opts.model`, reporting every
/// step to `sink` in order. Syntax errors, uncaught exceptions, timeouts and the heap limit end
/// the run normally, as an [`Outcome`] with node's output and exit code.
pub fn run(
    source: &str,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
) -> Result<Outcome, RunError> {
    match opts.model {
        Model::Node => node::run(source, opts, sink, &mut explore::ClockDecides),
        Model::Browser => browser::run(source, opts, sink),
    }
}

/// Every distinct output order real Node can produce for `source`, each with the reason it
/// happens. A deterministic snippet gives exactly one [`Branch`].
pub fn explore(source: &str, opts: &RunOptions) -> Result<Vec<Branch>, RunError> {
    match opts.model {
        Model::Node => explore::explore::<node::NodeLoop>(source, opts),
        Model::Browser => browser::explore(source, opts),
    }
}
