//! What the fork demo's events fold into: the parent, the children not yet closed (state, request,
//! fork time), the counts of requests, answers and live children, and the figures of a run
//! (latencies, children's lifetimes). The one fold of [`ForkEvent`]s: the CLI printer and its
//! summary and the Fork tab read this instead of counting for themselves.
//!
//! Pure data with no clock of its own: times are the events' `at`. No words: the views say what a
//! state means.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::process::{ExitStatus, ForkEvent};

/// Where a child is in Node's order of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildState {
    Running,
    /// Its IPC channel closed.
    Disconnected,
    /// It exited and was reaped.
    Exited(ExitStatus),
}

/// One child process, from its fork to its `close`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildStatus {
    pub pid: u32,
    /// The request it was forked for (None: forked directly).
    pub request: Option<u64>,
    pub forked_at: Duration,
    pub state: ChildState,
}

/// Everything the fork demo's events say, folded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ForkState {
    pub addr: Option<String>,
    pub parent_pid: Option<u32>,
    /// The children forked and not yet closed, by pid.
    pub children: BTreeMap<u32, ChildStatus>,
    /// Requests received.
    pub requests: u64,
    /// Requests answered, and how many of them with 200.
    pub responses: u64,
    pub ok: u64,
    /// Children forked so far.
    pub forked: u64,
    /// Children alive, as the engine last counted them.
    pub live: usize,
    /// How long each answer took.
    pub latencies: Vec<Duration>,
    /// How long each reaped child lived (fork → answer → exit).
    pub lifetimes: Vec<Duration>,
}

impl ForkState {
    pub fn new() -> Self {
        Self::default()
    }

    /// Fold `event`.
    pub fn apply(&mut self, event: &ForkEvent) {
        match event {
            ForkEvent::Listening {
                addr, parent_pid, ..
            } => {
                self.addr = Some(addr.clone());
                self.parent_pid = Some(*parent_pid);
            }
            ForkEvent::Request { .. } => self.requests += 1,
            ForkEvent::Forked { pid, request, at } => {
                self.forked += 1;
                self.children.insert(
                    *pid,
                    ChildStatus {
                        pid: *pid,
                        request: *request,
                        forked_at: *at,
                        state: ChildState::Running,
                    },
                );
            }
            ForkEvent::Disconnect { pid, .. } => {
                if let Some(c) = self.children.get_mut(pid) {
                    c.state = ChildState::Disconnected;
                }
            }
            ForkEvent::Exit { pid, status, at } => {
                if let Some(c) = self.children.get_mut(pid) {
                    c.state = ChildState::Exited(*status);
                    self.lifetimes.push(at.saturating_sub(c.forked_at));
                }
            }
            ForkEvent::Close { pid, .. } => {
                self.children.remove(pid);
            }
            ForkEvent::Response {
                status, latency, ..
            } => {
                self.responses += 1;
                self.latencies.push(*latency);
                if *status == 200 {
                    self.ok += 1;
                }
            }
            ForkEvent::LiveChildren { count, .. } => self.live = *count,
            ForkEvent::Message { .. } | ForkEvent::Warning { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_lives_from_its_fork_to_its_close() {
        let mut s = ForkState::new();
        let ms = Duration::from_millis;
        s.apply(&ForkEvent::Forked {
            pid: 7,
            request: Some(1),
            at: ms(10),
        });
        s.apply(&ForkEvent::Disconnect { pid: 7, at: ms(30) });
        assert_eq!(s.children[&7].state, ChildState::Disconnected);
        s.apply(&ForkEvent::Exit {
            pid: 7,
            status: ExitStatus::Code(0),
            at: ms(40),
        });
        assert_eq!(s.lifetimes, [ms(30)]);
        s.apply(&ForkEvent::Close { pid: 7, at: ms(41) });
        assert!(s.children.is_empty());
        assert_eq!(s.forked, 1);
    }
}
