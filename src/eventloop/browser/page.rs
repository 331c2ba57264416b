//! The page's queues: the task queue (timers, posted messages, clicks, rejection reports, by due
//! time then queueing order), the HTML timer initialisation steps with their nesting clamp, and
//! the animation-frame callbacks waiting for the next rendering opportunity.
//!
//! Plain Rust: the page's JavaScript (`browser.js`, through `bridge.rs`) fills these queues and
//! the loop (`browser.rs`) empties them; nothing here runs JavaScript or decides the loop's order.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::time::Instant;

use crate::eventloop::quickjs;
use crate::eventloop::record::{LoopState, RunState};
use crate::eventloop::timers::{html_delay, PageTimer};
use crate::eventloop::{Event, Queue};

/// Time between two rendering opportunities (a 60 Hz display).
pub const FRAME_MS: f64 = 1000.0 / 60.0;
/// When the first rendering opportunity comes, by default: half a frame after the page started.
/// Measured in headless Chromium, the first frame comes anywhere from right after the script to
/// about 11 ms later on an idle machine, and later still on a busy one (`--explore` tries up to
/// `FIRST_FRAME_LATEST`).
pub const FIRST_FRAME_MS: f64 = FRAME_MS / 2.0;
/// The latest `--explore` lets the first rendering opportunity come: two frames. Chromium on a
/// loaded 2-core machine was seen to run a 20 ms timer before the first animation frame.
pub const FIRST_FRAME_LATEST: f64 = 2.0 * FRAME_MS;
/// Where a task came from (its task source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Timer,
    Message,
    Click,
    Rejections,
}

/// A task waiting for its time, keyed in [`Page::queue`] by (due time, queueing order).
#[derive(Debug, Clone)]
pub struct Task {
    pub id: u64,
    pub source: Source,
}

/// What the page is doing, to explain a timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Script,
    Task,
    Microtasks,
    Frame,
}

/// The page's queues, shared with the native functions of the JavaScript side; the run's shared
/// state ([`RunState`]: events, output, clock) is reached through it.
pub struct Page {
    run: RunState,
    /// Tasks by (due time as f64 bits, sequence): non-negative f64s order like their bits.
    pub queue: BTreeMap<(u64, u64), Task>,
    seq: u64,
    pub labels: HashMap<u64, (String, u32)>,
    pub timers: HashMap<u64, PageTimer>,
    /// The nesting level of the timer task running now (0 outside timer callbacks).
    pub nesting: u32,
    /// Animation-frame callbacks requested for the next frame, in order.
    pub frames: Vec<(u64, u32)>,
    pub live_frames: HashSet<u64>,
    /// Something ran since the last rendering: the next opportunity renders.
    pub dirty: bool,
    pub activity: Activity,
    /// When the running callback started, to tell a busy callback from a busy loop.
    started: Instant,
    /// Due times of tasks within the first frames (where `--explore` places the first frame).
    pub early_dues: BTreeSet<u64>,
}

impl Deref for Page {
    type Target = RunState;
    fn deref(&self) -> &RunState {
        &self.run
    }
}

impl DerefMut for Page {
    fn deref_mut(&mut self) -> &mut RunState {
        &mut self.run
    }
}

impl LoopState for Page {
    type Activity = Activity;

    #[inline]
    fn callback_begins(&mut self, activity: Activity) {
        self.activity = activity;
        self.started = Instant::now();
    }

    fn activity(&self) -> Activity {
        self.activity
    }

    fn stalled(&self, activity: Activity, secs: f64) -> String {
        let busy = self.started.elapsed().as_secs_f64() >= secs * 0.5;
        match activity {
            Activity::Microtasks => "the microtask queue never emptied: each promise job or queueMicrotask callback queued another, and a browser drains microtasks completely after every task, so no other task ran and the page never rendered".to_string(),
            Activity::Script if busy => "the script never finished (a busy loop?): while JavaScript runs, no task runs and the page cannot render".to_string(),
            Activity::Task | Activity::Frame if busy => format!(
                "a callback ({}) never returned (a busy loop?): while JavaScript runs, no other task runs and the page cannot render",
                if self.current_label.is_empty() { "a task" } else { self.current_label.as_str() }
            ),
            _ => "the page still had work to do (a setInterval never cleared, a requestAnimationFrame loop, or tasks that keep queueing more); a page never ends by itself".to_string(),
        }
    }
}

impl Page {
    pub fn new(run: RunState) -> Self {
        Page {
            run,
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
            early_dues: BTreeSet::new(),
        }
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
    pub fn start_timer(&mut self, id: u64, delay: f64, repeat: bool, line: u32) {
        let delay = html_delay(delay, self.nesting);
        let due = self.clock.now() + delay;
        let slot = self.push(
            due,
            Task {
                id,
                source: Source::Timer,
            },
        );
        let info = PageTimer {
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

    pub fn clear_timer(&mut self, id: u64) {
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

    pub fn queue_task(&mut self, id: u64, kind: &str, delay: f64, line: u32) {
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

    pub fn request_frame(&mut self, id: u64, line: u32) {
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

    pub fn cancel_frame(&mut self, id: u64) {
        if self.live_frames.remove(&id) {
            self.frames.retain(|f| f.0 != id);
            self.emit(Event::Cancel {
                id,
                queue: Queue::AnimationFrame,
            });
        }
    }

    /// The due time and source of the task that runs next, if any.
    pub fn next_task(&self) -> Option<(f64, Source)> {
        self.queue
            .iter()
            .next()
            .map(|(&(bits, _), t)| (f64::from_bits(bits), t.source))
    }

    /// The due time of the oldest task, if any.
    pub fn next_due(&self) -> Option<f64> {
        self.queue
            .keys()
            .next()
            .map(|&(bits, _)| f64::from_bits(bits))
    }

    /// The runnable task that comes first: the earliest due, then the first queued.
    pub fn pop_due(&mut self, now: f64) -> Option<Task> {
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

    pub fn render_needed(&self) -> bool {
        !self.frames.is_empty() || self.dirty
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eventloop::clock::LoopClock;
    use crate::eventloop::{Clock, Stream};

    fn page() -> Page {
        Page::new(RunState::new(true, LoopClock::new(Clock::Virtual)))
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
