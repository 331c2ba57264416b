//! The Cluster tab's engine events: each [`ClusterEvent`] folded into the tab's
//! [`ClusterState`](crate::process::ClusterState) and told in the event log, in the UI's language
//! (the guard's decision worded here from its numbers). It draws nothing and sends no command.

use std::time::Duration;

use crate::cli::Lang;
use crate::process::{ClusterEvent, Decision, Side};
use crate::tui::messages::Message;
use crate::tui::widgets::exit_status::{signal_name, status_text};
use crate::tui::widgets::log::Kind;

use super::ClusterTab;

/// The guard's decision for worker `id`, in the tab's words.
fn decision_text(id: u32, decision: &Decision, lang: Lang) -> String {
    let secs = |d: Duration| d.as_secs_f64();
    match *decision {
        Decision::Stable { uptime, reset } => Message::GuardStable {
            id: &id,
            uptime: secs(uptime),
            reset,
        }
        .t(lang),
        Decision::Unstable {
            uptime,
            in_a_row,
            delay,
            ..
        } => Message::GuardUnstable {
            id: &id,
            uptime: secs(uptime),
            delay: secs(delay),
            in_a_row,
        }
        .t(lang),
    }
}

impl ClusterTab {
    pub fn on_event(&mut self, ev: ClusterEvent, now: Duration) {
        let lang = self.lang;
        // The box a fork replaces, while it is still there to name.
        let replaced = match &ev {
            ClusterEvent::Fork { replaces, .. } => {
                replaces.filter(|old| self.state.worker(*old).is_some())
            }
            _ => None,
        };
        self.state.apply_at(&ev, now);
        match ev {
            ClusterEvent::PrimaryStarted {
                pid, addr, sched, ..
            } => {
                self.run.up();
                self.log.push(
                    now,
                    Kind::Good,
                    Message::PrimaryStarted {
                        pid: &pid,
                        addr: &addr,
                        sched: &sched.name(),
                    }
                    .t(lang),
                );
                self.sched = sched;
            }
            ClusterEvent::Fork { id, pid, .. } => {
                let text = match &replaced {
                    Some(old) => Message::WorkerReplaces {
                        id: &id,
                        pid: &pid,
                        old,
                    },
                    None => Message::WorkerForked { id: &id, pid: &pid },
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ClusterEvent::Online { id, .. } => {
                self.log
                    .push(now, Kind::Info, Message::WorkerOnline { id: &id }.t(lang));
            }
            ClusterEvent::Listening { id, addr, .. } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::WorkerListening {
                        id: &id,
                        addr: &addr,
                    }
                    .t(lang),
                );
            }
            ClusterEvent::Disconnect { id, .. } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::WorkerDisconnect { id: &id }.t(lang),
                );
            }
            ClusterEvent::Exit {
                id,
                status,
                expected,
                ..
            } => {
                if expected {
                    // Removed on purpose: its box went.
                    self.selected = self
                        .selected
                        .min(self.state.workers.len().saturating_sub(1));
                    self.log.push(
                        now,
                        Kind::Info,
                        Message::WorkerRemoved {
                            id: &id,
                            status: &status_text(status, lang),
                        }
                        .t(lang),
                    );
                } else {
                    // The notes' process guard prints exactly this.
                    self.log.push(
                        now,
                        Kind::Bad,
                        format!("{id} exit. ({})", status_text(status, lang)),
                    );
                }
            }
            ClusterEvent::Guard { id, decision, .. } => {
                let kind = if decision.delay() > Duration::ZERO {
                    Kind::Warn
                } else {
                    Kind::Info
                };
                self.log.push(
                    now,
                    kind,
                    Message::Guard {
                        decision: &decision_text(id, &decision, lang),
                    }
                    .t(lang),
                );
            }
            ClusterEvent::Served { .. }
            | ClusterEvent::Memory { .. }
            | ClusterEvent::Load { .. }
            | ClusterEvent::Connections { .. } => {}
            ClusterEvent::Warning { message, .. } => self.log.push(now, Kind::Warn, message),
            ClusterEvent::Killed {
                id, pid, signal, ..
            } => self.log.push(
                now,
                Kind::Warn,
                Message::Kill {
                    signal: &signal_name(signal),
                    pid: &pid,
                    id: &id,
                }
                .t(lang),
            ),
            ClusterEvent::Respawned {
                old_id,
                new_id,
                since_exit,
                since_kill,
                ..
            } => {
                let text = Message::Respawned {
                    new: &new_id,
                    old: &old_id,
                    exit_ms: since_exit.as_secs_f64() * 1000.0,
                    kill_ms: since_kill.map(|k| k.as_secs_f64() * 1000.0),
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ClusterEvent::Message {
                id, from, payload, ..
            } => {
                let text = match from {
                    Side::Parent => Message::PrimaryToWorker {
                        id: &id,
                        payload: &payload,
                    },
                    Side::Child => Message::WorkerToPrimary {
                        id: &id,
                        payload: &payload,
                    },
                }
                .t(lang);
                self.log.push(now, Kind::Message, text);
            }
            ClusterEvent::SchedChanged { sched, .. } => {
                self.sched = sched;
                self.log.push(
                    now,
                    Kind::Info,
                    Message::SchedNow {
                        sched: &sched.name(),
                    }
                    .t(lang),
                );
            }
        }
    }
}
