//! A worker thread (node's `new Worker(...)`): a real OS thread running its own QuickJS runtime
//! under its own Node loop (`node::run`), linked to the loop that started it by [`link`].
//!
//! HOW: the parent's bridge (`host/worker_threads.rs`) makes the [`WorkerLink`] and calls
//! [`spawn`]; the thread reads the worker's file (node reads it in the worker too: a missing file
//! is the worker's MODULE_NOT_FOUND, reported to the parent as an 'error'), runs the loop with the
//! link in its `RunOptions`, and ends by posting the exit code to the parent's `Worker` handle.
//! What the worker's engine itself writes (a time-out, the heap limit) goes to the parent's
//! streams; its script's output goes through the link's stdio (`link.rs`).
//!
//! It must not touch the parent's loop except through the link's posts: the two loops share no
//! JavaScript value and no lock held across a call.

pub mod link;

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use super::explore::ClockDecides;
use super::{node, Event, RunOptions, Stream};
pub use link::{next_thread_id, Birth, WorkerLink};

/// A worker thread's stack: QuickJS may use 4 MB of it (`quickjs::runtime`), plus the host's own
/// frames. Only the pages a worker touches are resident.
const STACK: usize = 8 << 20;

/// What to run in the worker, and the limits it inherits from its parent's run.
pub struct Spec {
    /// The worker's file (absolute), or with `eval` its code.
    pub filename: String,
    pub eval: bool,
    /// `process.argv[2..]` (node's `options.argv`).
    pub args: Vec<String>,
    pub timeout: Duration,
    pub max_memory: usize,
    /// The parent's view traces its threads: this one's events go there too.
    pub trace: Option<super::ThreadTrace>,
}

/// Start worker `link` running `spec` on a new thread.
pub fn spawn(link: WorkerLink, spec: Spec) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name(format!("mini-node-worker-{}", link.thread_id()))
        .stack_size(STACK)
        .spawn(move || run(&link, spec))
}

/// The worker's whole life, on its thread.
fn run(link: &WorkerLink, spec: Spec) {
    if link.stopped() {
        // terminated before it ran
        link.exited(0);
        return;
    }
    let (filename, source) = if spec.eval {
        ("[worker eval]".to_string(), spec.filename)
    } else {
        match std::fs::read_to_string(&spec.filename) {
            Ok(text) => (spec.filename, text),
            Err(_) => {
                link.set_missing();
                (spec.filename, String::new())
            }
        }
    };
    let mut opts = RunOptions::new(PathBuf::from(filename));
    opts.clock = super::Clock::Realtime;
    opts.args = spec.args;
    opts.timeout = spec.timeout;
    opts.max_memory = spec.max_memory;
    opts.worker = Some(link.clone());
    let mut traced = spec
        .trace
        .as_ref()
        .and_then(|make| (make.0)(link.thread_id()));
    opts.record = traced.is_some();
    opts.thread_trace = spec.trace;
    // only the engine's own words come here (a time-out, the heap limit): named after the worker
    let mut sink = |e: &Event| {
        if let Some(trace) = traced.as_mut() {
            trace(e);
        }
        if let Event::Output { stream, text } = e {
            let n = if *stream == Stream::Stderr { 2 } else { 1 };
            let text = match text.strip_prefix("mini-node: ") {
                Some(rest) => format!("mini-node: worker {}: {rest}", link.thread_id()),
                None => text.clone(),
            };
            link.engine_output(n, text);
        }
    };
    // whatever happens, the parent hears of the end (its Worker keeps it alive until then)
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        node::run(&source, &opts, &mut sink, &mut ClockDecides)
    }));
    let code = match ran {
        Ok(Ok(outcome)) => outcome.exit_code,
        Ok(Err(e)) => {
            link.engine_output(2, format!("mini-node: worker {}: {e}\n", link.thread_id()));
            1
        }
        Err(_) => {
            link.engine_output(
                2,
                format!(
                    "mini-node: worker {}: the worker's engine failed (a bug in mini-node); it ended with code 1\n",
                    link.thread_id()
                ),
            );
            1
        }
    };
    link.exited(code);
}
