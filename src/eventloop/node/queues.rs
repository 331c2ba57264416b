//! Node's queues: the timer lists, the immediate (check) queue, the nextTick queue, fs requests
//! on their way to the poll phase, and the bookkeeping of what keeps the loop alive. The host's
//! native functions fill them; the loop (`node.rs`) empties them in libuv's order.
//!
//! Plain Rust: nothing here runs JavaScript or decides the order of phases.

use std::cell::Cell;
use std::collections::VecDeque;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

use crate::eventloop::io::Io;
use crate::eventloop::quickjs::at_line;
use crate::eventloop::record::{LoopState, RunState};
use crate::eventloop::timers::{IdSet, Timers};
use crate::eventloop::worker::link::Threads;
use crate::eventloop::{Event, Queue};

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

/// Who runs a drain of the nextTick and microtask queues, as node's stack traces show it: a
/// callback scope closing (node's C++ `InternalCallbackScope`, after the main script, an fs or I/O
/// callback, the last timer or immediate of a phase), or `runNextTicks` before the next timer of
/// the same list (`listOnTimeout`), of another list (`processTimers`), or the next immediate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrainFrom {
    Scope = 0,
    ListOnTimeout = 1,
    ProcessTimers = 2,
    ProcessImmediate = 3,
}

/// What the loop is doing, to explain a timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Main,
    Callback,
    NextTicks,
    Microtasks,
}

/// Node's queues, shared with the native functions of the host; the run's shared state
/// ([`RunState`]: events, output, clock, exit) is reached through it.
pub struct Sched {
    run: RunState,
    pub timers: Timers,
    /// setImmediate queue: (id, line). Cancelled and unreferenced ones are rare, kept aside.
    pub immediates: VecDeque<(u64, u32)>,
    immediate_cancelled: IdSet<u64>,
    immediate_unrefed: IdSet<u64>,
    /// A promise was rejected without a handler since the last check.
    pub rejections: Rc<Cell<bool>>,
    /// Node's `hasRejectionToWarn`: a rejection without a handler is waiting for
    /// processPromiseRejections (set by the rejection tracker, cleared when a drain ends).
    pub warn: Rc<Cell<bool>>,
    /// The script wrote to stdout or stderr since the last drain: node's stream queued its
    /// `afterWriteTick`, so a tick is scheduled and the next drain is processTicksAndRejections.
    pub out_tick: bool,
    /// The drain running now: who runs it, and whether it has become processTicksAndRejections
    /// (else V8's microtask checkpoint or `runMicrotasks`). Stack traces name both.
    pub drain: Option<(DrainFrom, bool)>,
    pub immediate_refs: usize,
    pub ticks: VecDeque<(u64, u32)>,
    /// Plain runs: the prelude's own nextTick queue has work.
    pub tick_wake: bool,
    pub fs: VecDeque<FsOp>,
    pub poll_epoch: u64,
    pub activity: Activity,
    /// Real handles (servers, sockets, processes, workers) and their completions.
    pub io: Io,
    /// The worker threads this loop started, where its message ports send, and in a worker its
    /// link to the parent.
    pub threads: Threads,
}

impl Deref for Sched {
    type Target = RunState;
    fn deref(&self) -> &RunState {
        &self.run
    }
}

impl DerefMut for Sched {
    fn deref_mut(&mut self) -> &mut RunState {
        &mut self.run
    }
}

impl LoopState for Sched {
    type Activity = Activity;

    #[inline]
    fn callback_begins(&mut self, activity: Activity) {
        self.activity = activity;
    }

    fn activity(&self) -> Activity {
        self.activity
    }

    fn stalled(&self, activity: Activity, secs: f64) -> String {
        let (seen, since) = self.stamp.get();
        let busy = seen == self.callback_seq.get() && since.elapsed().as_secs_f64() >= secs * 0.5;
        match activity {
            Activity::NextTicks => "the nextTick queue never emptied: each process.nextTick callback queued another, and node drains that queue completely before anything else, so timers, I/O and setImmediate callbacks starved (use setImmediate to let the loop move on)".to_string(),
            Activity::Microtasks => "the microtask queue never emptied: each promise job or queueMicrotask callback queued another, and node drains microtasks completely after every callback, so timers, I/O and setImmediate callbacks starved (use setImmediate to let the loop move on)".to_string(),
            Activity::Main if busy => "the main script never finished (a busy loop?): while JavaScript runs, no callback can".to_string(),
            Activity::Callback if busy => format!(
                "a callback ({}) never returned (a busy loop?): while JavaScript runs, no other callback can",
                if self.current_label.is_empty() { "a timer, immediate or I/O callback" } else { self.current_label.as_str() }
            ),
            _ => "the event loop still had work to do (a setInterval never cleared, or callbacks that keep scheduling more)".to_string(),
        }
    }
}

impl Sched {
    pub fn new(run: RunState) -> Self {
        Sched {
            run,
            timers: Timers::default(),
            immediates: VecDeque::new(),
            immediate_cancelled: IdSet::default(),
            immediate_unrefed: IdSet::default(),
            rejections: Rc::new(Cell::new(false)),
            warn: Rc::new(Cell::new(false)),
            out_tick: false,
            drain: None,
            immediate_refs: 0,
            ticks: VecDeque::new(),
            tick_wake: false,
            fs: VecDeque::new(),
            poll_epoch: 0,
            activity: Activity::Main,
            io: Io::default(),
            threads: Threads::default(),
        }
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
    /// Is the immediate `id` still queued (not cleared)?
    pub fn immediate_live(&self, id: u64) -> bool {
        self.immediate_cancelled.is_empty() || !self.immediate_cancelled.contains(&id)
    }

    pub fn take_immediate(&mut self, id: u64) -> bool {
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

    /// libuv's `uv__loop_alive`: referenced timers, immediates or handles, requests in flight,
    /// or handles closing.
    pub fn alive(&self) -> bool {
        self.timers.refs > 0
            || self.immediate_refs > 0
            || !self.fs.is_empty()
            || self.io.refs() > 0
            || !self.io.closing.is_empty()
    }

    /// Would the poll phase wait (nothing to run without time passing)?
    pub fn would_block(&self) -> bool {
        self.immediate_refs == 0
            && self.immediates.is_empty()
            && self.fs.is_empty()
            && self.io.closing.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eventloop::clock::LoopClock;
    use crate::eventloop::{Clock, Stream};

    #[test]
    fn poll_epochs_and_liveness() {
        let mut s = Sched::new(RunState::new(true, LoopClock::new(Clock::Virtual)));
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
