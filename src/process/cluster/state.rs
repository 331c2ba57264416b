//! What the cluster's events fold into: the primary, one entry per worker slot (state, pid, uptime,
//! requests, restarts, memory, connections, back-off), every worker's request count, the load's
//! figures and the replacement times. The one fold of [`ClusterEvent`]s: the CLI printer, the
//! `--kill-every` chaos and the Cluster tab all read this instead of keeping maps of their own.
//!
//! Pure data, no clock of its own and no processes: [`ClusterState::apply`] times things by the
//! event's `at`, [`ClusterState::apply_at`] by the caller's clock (the TUI's animation clock).
//! No words either: the views say what a state means.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use crate::process::{ClusterEvent, ExitStatus, SchedPolicy, WorkerState};

/// Seconds of per-second request history a worker keeps (twice the longest sparkline).
pub const RATE_HISTORY_SECONDS: u64 = 60;

/// One worker slot: the worker in it now (a replacement takes the slot of the one it replaces,
/// with a new id, as Node never reuses ids, and one more restart).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerStatus {
    pub id: u32,
    pub pid: u32,
    pub state: WorkerState,
    /// When it was forked (on the clock `apply_at` was given).
    pub since: Duration,
    /// Requests it served, as it reports them.
    pub served: u64,
    /// Replacements forked for this slot so far.
    pub restarts: u32,
    /// Resident memory, in bytes, once reported.
    pub rss: Option<u64>,
    /// Connections the primary handed to it (rr).
    pub connections: u64,
    /// When the guard's back-off ends, while it waits to re-fork.
    pub backoff_until: Option<Duration>,
    /// How it ended, once dead.
    pub last_exit: Option<ExitStatus>,
    /// Requests served in each whole second (`(second, count)`, oldest first, the last
    /// [`RATE_HISTORY_SECONDS`] kept): the data of a requests-per-second graph.
    pub per_second: VecDeque<(u64, u64)>,
}

impl WorkerStatus {
    fn forked(id: u32, pid: u32, now: Duration) -> Self {
        WorkerStatus {
            id,
            pid,
            state: WorkerState::Starting,
            since: now,
            served: 0,
            restarts: 0,
            rss: None,
            connections: 0,
            backoff_until: None,
            last_exit: None,
            per_second: VecDeque::new(),
        }
    }

    /// Whether its process is alive (not dead, not waiting to be replaced).
    pub fn alive(&self) -> bool {
        !matches!(self.state, WorkerState::Dead | WorkerState::BackingOff)
    }

    /// Requests served in each of the `n` whole seconds before `now`, oldest first.
    pub fn rates(&self, now: Duration, n: u64) -> Vec<u64> {
        let end = now.as_secs();
        (end.saturating_sub(n)..end)
            .map(|s| {
                self.per_second
                    .iter()
                    .find(|(k, _)| *k == s)
                    .map_or(0, |(_, c)| *c)
            })
            .collect()
    }
}

/// The built-in load generator's latest figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadFigures {
    pub requests: u64,
    pub errors: u64,
    pub per_second: f64,
}

/// Everything the cluster's events say, folded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterState {
    pub primary_pid: Option<u32>,
    /// The address the workers serve.
    pub addr: Option<String>,
    /// The scheduling policy in force (None before the primary started).
    pub sched: Option<SchedPolicy>,
    /// One entry per worker slot, in the order they were first forked; a worker removed on
    /// purpose (an expected exit) takes its slot away.
    pub workers: Vec<WorkerStatus>,
    /// Requests served by every worker so far, replaced ones included.
    pub served: BTreeMap<u32, u64>,
    /// Connections handed to every worker so far (rr), replaced ones included.
    pub connections: BTreeMap<u32, u64>,
    /// The last resident memory reported by every worker, in bytes.
    pub memory: BTreeMap<u32, u64>,
    pub load: Option<LoadFigures>,
    /// Kill (or, without one, exit) → replacement listening, for every replacement.
    pub respawns: Vec<Duration>,
    /// Workers that exited, expected or not.
    pub exits: usize,
    /// The engine has stopped every process (its event channel closed).
    pub stopped: bool,
}

impl ClusterState {
    pub fn new() -> Self {
        Self::default()
    }

    /// The worker `id`, if it holds a slot.
    pub fn worker(&self, id: u32) -> Option<&WorkerStatus> {
        self.workers.iter().find(|w| w.id == id)
    }

    fn worker_mut(&mut self, id: u32) -> Option<&mut WorkerStatus> {
        self.workers.iter_mut().find(|w| w.id == id)
    }

    /// Ids of the workers alive now, in slot order.
    pub fn live_workers(&self) -> Vec<u32> {
        self.workers
            .iter()
            .filter(|w| w.alive())
            .map(|w| w.id)
            .collect()
    }

    /// Fold `event`, timing it by its own `at`.
    pub fn apply(&mut self, event: &ClusterEvent) {
        self.apply_at(event, event.at());
    }

    /// Fold `event` as seen at `now` (forks, back-offs and request rates are timed by it).
    pub fn apply_at(&mut self, event: &ClusterEvent, now: Duration) {
        match event {
            ClusterEvent::PrimaryStarted {
                pid, addr, sched, ..
            } => {
                self.primary_pid = Some(*pid);
                self.addr = Some(addr.clone());
                self.sched = Some(*sched);
            }
            ClusterEvent::Fork {
                id, pid, replaces, ..
            } => {
                let fresh = WorkerStatus::forked(*id, *pid, now);
                let slot = replaces.and_then(|old| self.workers.iter().position(|w| w.id == old));
                match slot {
                    Some(i) => {
                        let restarts = self.workers[i].restarts + 1;
                        self.workers[i] = WorkerStatus { restarts, ..fresh };
                    }
                    None => self.workers.push(fresh),
                }
            }
            ClusterEvent::Online { id, .. } => self.set_state(*id, WorkerState::Online),
            ClusterEvent::Listening { id, .. } => self.set_state(*id, WorkerState::Listening),
            ClusterEvent::Disconnect { id, .. } => self.set_state(*id, WorkerState::Disconnected),
            ClusterEvent::Exit {
                id,
                status,
                expected,
                ..
            } => {
                self.exits += 1;
                if *expected {
                    // Removed on purpose: its slot goes.
                    self.workers.retain(|w| w.id != *id);
                } else if let Some(w) = self.worker_mut(*id) {
                    w.state = WorkerState::Dead;
                    w.last_exit = Some(*status);
                }
            }
            ClusterEvent::Guard { id, decision, .. } => {
                let delay = decision.delay();
                if let Some(w) = self.worker_mut(*id) {
                    if delay > Duration::ZERO {
                        w.state = WorkerState::BackingOff;
                        w.backoff_until = Some(now + delay);
                    }
                }
            }
            ClusterEvent::Served { counts, .. } => {
                let sec = now.as_secs();
                for &(id, count) in counts {
                    self.served.insert(id, count);
                    if let Some(w) = self.worker_mut(id) {
                        let delta = count.saturating_sub(w.served);
                        w.served = count;
                        match w.per_second.back_mut() {
                            Some((s, c)) if *s == sec => *c += delta,
                            _ => w.per_second.push_back((sec, delta)),
                        }
                        while w
                            .per_second
                            .front()
                            .is_some_and(|(s, _)| *s + RATE_HISTORY_SECONDS < sec)
                        {
                            w.per_second.pop_front();
                        }
                    }
                }
            }
            ClusterEvent::Memory { id, rss, .. } => {
                self.memory.insert(*id, *rss);
                if let Some(w) = self.worker_mut(*id) {
                    w.rss = Some(*rss);
                }
            }
            ClusterEvent::Load {
                requests,
                errors,
                per_second,
                ..
            } => {
                self.load = Some(LoadFigures {
                    requests: *requests,
                    errors: *errors,
                    per_second: *per_second,
                })
            }
            ClusterEvent::Connections { counts, .. } => {
                for &(id, n) in counts {
                    self.connections.insert(id, n);
                    if let Some(w) = self.worker_mut(id) {
                        w.connections = n;
                    }
                }
            }
            ClusterEvent::SchedChanged { sched, .. } => self.sched = Some(*sched),
            ClusterEvent::Respawned {
                since_exit,
                since_kill,
                ..
            } => self.respawns.push(since_kill.unwrap_or(*since_exit)),
            ClusterEvent::Warning { .. }
            | ClusterEvent::Killed { .. }
            | ClusterEvent::Message { .. } => {}
        }
    }

    /// The engine's event channel closed: every process it started is gone.
    pub fn stop(&mut self) {
        self.stopped = true;
        for w in &mut self.workers {
            if w.state != WorkerState::Dead {
                w.state = WorkerState::Dead;
                w.backoff_until = None;
            }
        }
    }

    fn set_state(&mut self, id: u32, state: WorkerState) {
        if let Some(w) = self.worker_mut(id) {
            w.state = state;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::guard::Decision;

    fn at(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn a_replacement_takes_the_slot_of_the_worker_it_replaces() {
        let mut s = ClusterState::new();
        for id in 1..=3 {
            s.apply(&ClusterEvent::Fork {
                id,
                pid: 100 + id,
                replaces: None,
                at: at(0),
            });
        }
        for id in [1, 3] {
            s.apply(&ClusterEvent::Exit {
                id,
                pid: 100 + id,
                status: ExitStatus::Signal(9),
                expected: false,
                at: at(10),
            });
        }
        s.apply(&ClusterEvent::Guard {
            id: 1,
            decision: Decision::Unstable {
                uptime: at(10),
                min_uptime: at(1000),
                in_a_row: 1,
                delay: at(400),
                capped: false,
            },
            at: at(10),
        });
        assert_eq!(s.worker(1).unwrap().state, WorkerState::BackingOff);
        assert_eq!(s.live_workers(), vec![2]);
        // Worker 3's replacement comes first: it takes worker 3's slot, not worker 1's.
        s.apply(&ClusterEvent::Fork {
            id: 4,
            pid: 104,
            replaces: Some(3),
            at: at(20),
        });
        let ids: Vec<u32> = s.workers.iter().map(|w| w.id).collect();
        assert_eq!(ids, [1, 2, 4]);
        assert_eq!(s.worker(4).unwrap().restarts, 1);
        assert_eq!(s.live_workers(), vec![2, 4]);
    }
}
