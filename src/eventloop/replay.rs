//! Replaying a run's recorded events: what every queue holds, which phase is lit and what is on
//! the call stack after each event. Views (the paced demo, the TUI) step through a run with it,
//! forwards and backwards, without running any JavaScript again.

use std::collections::BTreeMap;

use super::{Event, Phase, Queue};

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
    pub phase: Option<Phase>,
    pub now_ms: f64,
    /// Callbacks waiting, per queue, in the order they will run (timers by due time).
    pub queues: BTreeMap<QueueKey, Vec<Waiting>>,
    /// Labels of the callbacks running (the call stack, outermost first).
    pub stack: Vec<String>,
    /// Queues being drained right now.
    pub draining: Vec<Queue>,
    pub finished: Option<i32>,
}

/// A queue usable as a map key (ordered as a view lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QueueKey {
    Timers,
    Poll,
    Check,
    Close,
    NextTick,
    Microtask,
    Other,
}

impl From<Queue> for QueueKey {
    fn from(q: Queue) -> Self {
        match q {
            Queue::Timers => QueueKey::Timers,
            Queue::Poll => QueueKey::Poll,
            Queue::Check => QueueKey::Check,
            Queue::Close => QueueKey::Close,
            Queue::NextTick => QueueKey::NextTick,
            Queue::Microtask => QueueKey::Microtask,
            _ => QueueKey::Other,
        }
    }
}

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
            Event::Enqueue { .. } => {
                let Some((queue, w)) = Waiting::queued(e) else {
                    return;
                };
                let list = self.queues.entry(queue.into()).or_default();
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
                if let Some(list) = self.queues.get_mut(&(*queue).into()) {
                    list.retain(|w| w.id != *id);
                }
            }
            Event::CallbackStart {
                id, queue, label, ..
            } => {
                if let Some(list) = self.queues.get_mut(&(*queue).into()) {
                    if let Some(pos) = list.iter().position(|w| w.id == *id) {
                        list.remove(pos);
                    } else if *queue == Queue::Microtask && !list.is_empty() {
                        // a job reported only when it ran (the browser model's queueMicrotask)
                        list.remove(0);
                    }
                }
                self.stack.push(label.clone());
            }
            Event::CallbackEnd { .. } => {
                self.stack.pop();
            }
            Event::DrainStart { queue } => self.draining.push(*queue),
            Event::DrainEnd { queue, .. } => {
                self.draining.retain(|q| q != queue);
                if *queue == Queue::Microtask {
                    self.queues.remove(&QueueKey::Microtask);
                }
            }
            Event::ClockAdvance { to_ms, .. } => self.now_ms = *to_ms,
            Event::Output { .. } => {}
            Event::Exit { code, .. } => {
                self.finished = Some(*code);
                self.stack.clear();
            }
        }
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
        let timers: Vec<u64> = s.queues[&QueueKey::Timers].iter().map(|w| w.id).collect();
        assert_eq!(timers, vec![2, 1]);
        let s = Snapshot::after(&events, 4);
        assert_eq!(s.queues[&QueueKey::Timers].len(), 1);
        assert_eq!(s.stack, vec!["setTimeout at line 2".to_string()]);
    }
}
