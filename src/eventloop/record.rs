//! What a run keeps, whichever loop model runs it: the recorded events (and the promise jobs the
//! engine queued between them), the script's output as lines, the loop clock, how the run ends,
//! and what the loop is running now (to explain a time-out).
//!
//! Each model's scheduler state (Node's `Sched`, the browser's `Page`) builds on a [`RunState`],
//! reaches its fields directly (`Deref`), and says what its loop is doing ([`LoopState`]). Nothing here decides when a callback runs, and
//! nothing writes to a terminal: events go to the view's sink through the loop core.

use std::cell::Cell;
use std::collections::VecDeque;
use std::ops::DerefMut;
use std::rc::Rc;
use std::time::Instant;

use super::clock::LoopClock;
use super::jobs::{Job, JobWatch};
use super::quickjs;
use super::{Event, Outcome, Queue, Stream};

/// The state every run has, under either model.
pub struct RunState {
    /// Report every step (`RunOptions::record`, or exploring); otherwise only output and exit.
    pub record: bool,
    /// Events not yet handed to the sink.
    pub events: Vec<Event>,
    /// The script's output as whole lines, for the [`Outcome`].
    pub output: Vec<(Stream, String)>,
    /// The unfinished last line of stdout and of stderr.
    partial: [String; 2],
    pub clock: LoopClock,
    /// The exit code, once the run decided it (process.exit, a time-out, the end).
    pub exit: Option<i32>,
    /// An uncaught exception (or a syntax error) ended the script, with this exit code.
    pub fatal: Option<i32>,
    /// Counts callbacks started; the interrupt handler notes when it first saw each one run
    /// (`stamp`), which dates a busy callback without reading the clock for every callback.
    pub callback_seq: Rc<Cell<u64>>,
    pub stamp: Rc<Cell<(u64, Instant)>>,
    /// The running callback's label (recorded runs only), for a time-out's message.
    pub current_label: String,
    /// The engine's promise-job queue, read before each recorded event (recorded runs only).
    pub jobs: Option<JobWatch>,
    /// Promise jobs reported as queued and not yet run: (id, label, line), in queue order.
    pub microtasks: VecDeque<(u64, String, Option<u32>)>,
    next_microtask: u64,
    /// queueMicrotask's label for the job it is about to queue.
    pub microtask_label: Option<(String, Option<u32>)>,
    found: Vec<Job>,
    /// Keep the output as lines for the [`Outcome`] (a run that ends the process needs only its
    /// events: a server may print for hours).
    pub keep_output: bool,
    /// The view's sink while the loop core lives (set and taken back by `driver::Core`), so that
    /// a native can hand over the output written so far before another process sees what this
    /// one does next: a process started, an IPC message sent.
    pub(super) sink: Option<*mut (dyn FnMut(&Event) + 'static)>,
}

impl RunState {
    pub fn new(record: bool, clock: LoopClock) -> Self {
        RunState {
            record,
            events: Vec::new(),
            output: Vec::new(),
            partial: [String::new(), String::new()],
            clock,
            exit: None,
            fatal: None,
            callback_seq: Rc::new(Cell::new(0)),
            stamp: Rc::new(Cell::new((0, Instant::now()))),
            current_label: String::new(),
            jobs: None,
            microtasks: VecDeque::new(),
            next_microtask: 0,
            microtask_label: None,
            found: Vec::new(),
            keep_output: true,
            sink: None,
        }
    }

    /// Hand the events recorded so far (the script's output first of all) to the view now, as
    /// node's synchronous writes to a pipe or file would have put them out already.
    pub fn flush_output(&mut self) {
        let Some(sink) = self.sink else { return };
        if self.events.is_empty() {
            return;
        }
        let events = std::mem::take(&mut self.events);
        // SAFETY: `driver::Core` sets the pointer for the run's borrow of the sink and takes it
        // back when it drops; natives run only while the core lives and never inside the sink.
        quickjs::deliver(events, unsafe { &mut *sink });
    }

    /// Record `e` if this run records steps.
    #[inline]
    pub fn emit(&mut self, e: Event) {
        if self.record {
            self.push_event(e);
        }
    }

    /// Record an event, after Enqueue events for the promise jobs queued since the last one.
    pub fn push_event(&mut self, e: Event) {
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
        if self.keep_output {
            quickjs::split_lines(&mut self.partial, &mut self.output, stream, &text);
        }
        if self.record {
            self.sync_jobs();
        }
        self.events.push(Event::Output { stream, text });
    }

    /// The run is over: its output as lines (the unfinished last ones too) and its exit code.
    pub fn outcome(&mut self) -> Outcome {
        quickjs::flush_partial(&mut self.partial, &mut self.output);
        Outcome {
            output: std::mem::take(&mut self.output),
            exit_code: self.exit.unwrap_or(0),
        }
    }
}

/// A model's scheduler state as the core sees it: the shared [`RunState`] and what the loop is
/// doing (the model's own activities, for the words of a time-out).
pub trait LoopState: DerefMut<Target = RunState> {
    type Activity: Copy;

    /// A callback starts, as part of `activity`.
    fn callback_begins(&mut self, activity: Self::Activity);

    /// What the loop is doing now.
    fn activity(&self) -> Self::Activity;

    /// What was going on when `--timeout` (`secs`) came during `activity`, for the stop message.
    fn stalled(&self, activity: Self::Activity, secs: f64) -> String;
}
