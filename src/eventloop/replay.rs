//! Replaying a run's recorded events: what every queue holds, which phase is lit, what is on the
//! call stack (and the line each frame is at), what the console shows and how the run ended,
//! after each event. Every view (the paced demo, the TUI's Event Loop tab, the tests) steps
//! through a run with this one fold, forwards and backwards, without running any JavaScript
//! again. An engine file: it knows no terminal and draws nothing.

use std::collections::BTreeMap;

use super::{Event, Phase, Queue, Stream};

/// One queued callback as a view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub id: u64,
    pub label: String,
    pub due_ms: Option<f64>,
}

impl Waiting {
    /// The callback an [`Event::Enqueue`] puts in a queue, with that queue.
    pub fn queued(e: &Event) -> Option<(Queue, Waiting)> {
        match e {
            Event::Enqueue {
                id,
                queue,
                label,
                due_ms,
                ..
            } => Some((
                *queue,
                Waiting {
                    id: *id,
                    label: label.clone(),
                    due_ms: *due_ms,
                },
            )),
            _ => None,
        }
    }
}

/// The state of the loop after some prefix of a run's events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub iteration: u64,
    /// The phase entered last (it stays set after the exit; see [`Snapshot::lit`]).
    pub phase: Option<Phase>,
    pub now_ms: f64,
    /// Callbacks waiting, per queue, in the order they will run (timers by due time).
    pub queues: BTreeMap<Queue, Vec<Waiting>>,
    /// Labels of the callbacks running (the call stack, outermost first).
    pub stack: Vec<String>,
    /// The source line each callback on the stack has reached (where it started, then the
    /// line of the last thing it queued), outermost first.
    pub stack_lines: Vec<Option<u32>>,
    /// Queues being drained right now.
    pub draining: Vec<Queue>,
    /// The console so far, one entry per printed line.
    pub output: Vec<(Stream, String)>,
    /// How the run ended (code and reason), once it has.
    pub exit: Option<(i32, String)>,
}

/// The browser model's queues, whose callbacks leave them by id whatever queue the start or the
/// cancel names.
const BROWSER_KEYS: [Queue; 2] = [Queue::Task, Queue::AnimationFrame];

impl Snapshot {
    /// Apply one event.
    pub fn apply(&mut self, e: &Event) {
        match e {
            Event::ScriptStart { .. } => {}
            Event::LoopIteration { iteration, at_ms } => {
                self.iteration = *iteration;
                self.now_ms = *at_ms;
            }
            Event::PhaseEnter { phase, at_ms } => {
                self.phase = Some(*phase);
                self.now_ms = *at_ms;
            }
            Event::Enqueue { line, .. } => {
                // The running callback has reached the line that queued something.
                if let (Some(l), Some(top)) = (line, self.stack_lines.last_mut()) {
                    *top = Some(*l);
                }
                let Some((queue, w)) = Waiting::queued(e) else {
                    return;
                };
                let list = self.queues.entry(queue).or_default();
                // a re-inserted timer (setInterval, refresh) moves
                if queue == Queue::Timers {
                    list.retain(|x| x.id != w.id);
                }
                if queue == Queue::Timers {
                    let due = w.due_ms.unwrap_or(0.0);
                    let pos = list
                        .iter()
                        .position(|x| x.due_ms.unwrap_or(0.0) > due)
                        .unwrap_or(list.len());
                    list.insert(pos, w);
                } else {
                    list.push(w);
                }
            }
            Event::Cancel { id, queue } => {
                if let Some(list) = self.queues.get_mut(queue) {
                    list.retain(|w| w.id != *id);
                }
                self.leave_browser_queues(*id);
            }
            Event::CallbackStart {
                id,
                queue,
                label,
                line,
            } => {
                if let Some(list) = self.queues.get_mut(queue) {
                    if let Some(pos) = list.iter().position(|w| w.id == *id) {
                        list.remove(pos);
                    } else if *queue == Queue::Microtask && !list.is_empty() {
                        // a job reported only when it ran (the browser model's queueMicrotask)
                        list.remove(0);
                    }
                }
                self.leave_browser_queues(*id);
                self.stack.push(label.clone());
                self.stack_lines.push(*line);
            }
            Event::CallbackEnd { .. } => {
                self.stack.pop();
                self.stack_lines.pop();
            }
            Event::DrainStart { queue } => self.draining.push(*queue),
            Event::DrainEnd { queue, .. } => {
                self.draining.retain(|q| q != queue);
                if *queue == Queue::Microtask {
                    self.queues.remove(&Queue::Microtask);
                }
            }
            Event::ClockAdvance { to_ms, .. } => self.now_ms = *to_ms,
            Event::Message { .. } => {}
            Event::Output { stream, text } => {
                // One entry per line, as a console shows it.
                let text = text.strip_suffix('\n').unwrap_or(text);
                for line in text.split('\n') {
                    self.output.push((*stream, line.to_string()));
                }
            }
            Event::Exit { code, reason } => {
                self.exit = Some((*code, reason.clone()));
                self.stack.clear();
                self.stack_lines.clear();
            }
        }
    }

    /// A callback of the browser's task or animation-frame queue left it (it started, or was
    /// cancelled).
    fn leave_browser_queues(&mut self, id: u64) {
        for key in BROWSER_KEYS {
            if let Some(list) = self.queues.get_mut(&key) {
                list.retain(|w| w.id != id);
            }
        }
    }

    /// The callbacks waiting in `q`, in the order they will run.
    pub fn waiting(&self, q: Queue) -> &[Waiting] {
        self.queues.get(&q).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The exit code once the run has ended.
    pub fn finished(&self) -> Option<i32> {
        self.exit.as_ref().map(|(code, _)| *code)
    }

    /// The phase to light: the one entered last, none once the run has exited.
    pub fn lit(&self) -> Option<Phase> {
        self.phase.filter(|_| self.exit.is_none())
    }

    /// The queue being drained right now (the innermost drain).
    pub fn drained(&self) -> Option<Queue> {
        self.draining.last().copied()
    }

    /// The line the running callback has reached.
    pub fn line(&self) -> Option<u32> {
        self.stack_lines.last().copied().flatten()
    }

    /// The state after the first `n` events of a run.
    pub fn after(events: &[Event], n: usize) -> Snapshot {
        let mut s = Snapshot::default();
        for e in events.iter().take(n) {
            s.apply(e);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queues_fill_and_drain() {
        let events = vec![
            Event::Enqueue {
                id: 1,
                queue: Queue::Timers,
                label: "setTimeout at line 1".into(),
                line: Some(1),
                due_ms: Some(5.0),
            },
            Event::Enqueue {
                id: 2,
                queue: Queue::Timers,
                label: "setTimeout at line 2".into(),
                line: Some(2),
                due_ms: Some(1.0),
            },
            Event::Enqueue {
                id: 3,
                queue: Queue::Check,
                label: "setImmediate at line 3".into(),
                line: Some(3),
                due_ms: None,
            },
            Event::CallbackStart {
                id: 2,
                queue: Queue::Timers,
                label: "setTimeout at line 2".into(),
                line: Some(2),
            },
        ];
        let s = Snapshot::after(&events, 3);
        let timers: Vec<u64> = s.queues[&Queue::Timers].iter().map(|w| w.id).collect();
        assert_eq!(timers, vec![2, 1]);
        let s = Snapshot::after(&events, 4);
        assert_eq!(s.queues[&Queue::Timers].len(), 1);
        assert_eq!(s.stack, vec!["setTimeout at line 2".to_string()]);
    }

    #[test]
    fn browser_queues_console_lines_stack_lines_and_exit() {
        let enqueue = |id, queue, line| Event::Enqueue {
            id,
            queue,
            label: format!("job {id}"),
            line: Some(line),
            due_ms: None,
        };
        let events = vec![
            Event::CallbackStart {
                id: 0,
                queue: Queue::Main,
                label: "main script".into(),
                line: Some(1),
            },
            enqueue(1, Queue::Task, 2),
            enqueue(2, Queue::AnimationFrame, 3),
            enqueue(3, Queue::Task, 4),
            Event::Output {
                stream: Stream::Stdout,
                text: "a\nb\n".into(),
            },
            Event::CallbackEnd { id: 0 },
            Event::PhaseEnter {
                phase: Phase::Task,
                at_ms: 0.0,
            },
            // A task reported under another queue still leaves the task queue.
            Event::CallbackStart {
                id: 1,
                queue: Queue::Timers,
                label: "job 1".into(),
                line: Some(2),
            },
            Event::Cancel {
                id: 2,
                queue: Queue::Timers,
            },
            Event::Exit {
                code: 0,
                reason: "done".into(),
            },
        ];
        let s = Snapshot::after(&events, 4);
        assert_eq!(s.waiting(Queue::Task).len(), 2);
        assert_eq!(s.waiting(Queue::AnimationFrame).len(), 1);
        // The main script has reached the line of the last thing it queued.
        assert_eq!(s.line(), Some(4));
        let s = Snapshot::after(&events, 5);
        assert_eq!(
            s.output,
            vec![(Stream::Stdout, "a".into()), (Stream::Stdout, "b".into())]
        );
        let s = Snapshot::after(&events, 9);
        assert_eq!(s.lit(), Some(Phase::Task));
        let ids: Vec<u64> = s.waiting(Queue::Task).iter().map(|w| w.id).collect();
        assert_eq!(ids, vec![3]);
        assert!(s.waiting(Queue::AnimationFrame).is_empty());
        assert_eq!(s.line(), Some(2));
        let s = Snapshot::after(&events, events.len());
        assert_eq!(s.exit, Some((0, "done".into())));
        assert_eq!(s.finished(), Some(0));
        assert_eq!((s.lit(), s.line()), (None, None));
    }
}
