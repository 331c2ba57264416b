//! What the cluster's primary does with its workers' messages: the lifecycle (online, listening,
//! disconnect, exit), the guard's decision after an unexpected exit, round-robin dispatch of
//! connections, and the periodic `Served` / `Connections` / `Memory` reports; plus the task that
//! reads one worker's channel. Part of the primary actor in `cluster/mod.rs`; it emits events and
//! draws nothing.

use std::os::fd::AsRawFd;
use std::time::Instant;

use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::{Internal, PendingConn, Primary, WorkerMsg, BACKLOG};
use crate::process::ipc::{self, Incoming};
use crate::process::spawn::Proc;
use crate::process::worker::CLUSTER_CMD;
use crate::process::{ClusterEvent, Side};

impl Primary {
    pub(super) async fn internal(&mut self, msg: Internal) {
        match msg {
            Internal::Accepted(stream) => {
                let _ = stream.set_nodelay(true);
                if let Ok(stream) = stream.into_std() {
                    self.dispatch(stream, Vec::new());
                }
            }
            Internal::RespawnDue { slot, replaces } => {
                self.fork(slot, replaces).await;
            }
            Internal::Worker { id, msg } => self.worker_msg(id, msg).await,
        }
    }

    async fn worker_msg(&mut self, id: u32, msg: WorkerMsg) {
        let at = self.at();
        match msg {
            WorkerMsg::Online => {
                if let Some(worker) = self.workers.get(&id) {
                    let pid = worker.proc.pid;
                    self.emit(ClusterEvent::Online { id, pid, at });
                    if !worker.expected {
                        self.send_listen(id);
                    }
                }
            }
            WorkerMsg::Listening => {
                let Some(worker) = self.workers.get_mut(&id) else {
                    return;
                };
                if worker.expected {
                    return;
                }
                worker.listening = true;
                let pid = worker.proc.pid;
                let replaces = worker.replaces.take();
                self.emit(ClusterEvent::Listening {
                    id,
                    pid,
                    addr: self.addr.to_string(),
                    at,
                });
                if let Some((old_id, exit_seen, killed)) = replaces {
                    self.emit(ClusterEvent::Respawned {
                        old_id,
                        new_id: id,
                        since_exit: exit_seen.elapsed(),
                        since_kill: killed.map(|k| k.elapsed()),
                        at,
                    });
                }
                while let Some((stream, tried)) = self.backlog.pop_front() {
                    self.dispatch(stream, tried);
                }
            }
            WorkerMsg::Served(count) => {
                self.served.insert(id, count);
                self.served_dirty = true;
            }
            WorkerMsg::Answer { seq, accepted } => {
                if let Some(pending) = self.pending.remove(&seq) {
                    if !accepted {
                        let mut tried = pending.tried;
                        tried.push(pending.worker);
                        self.dispatch(pending.stream, tried);
                    }
                    // Accepted: the worker has its own copy; ours closes here.
                    if accepted {
                        *self.dealt.entry(id).or_insert(0) += 1;
                        self.dealt_dirty = true;
                    }
                }
            }
            WorkerMsg::SendFailed { seq } => {
                if let Some(pending) = self.pending.remove(&seq) {
                    let mut tried = pending.tried;
                    tried.push(pending.worker);
                    self.dispatch(pending.stream, tried);
                }
            }
            WorkerMsg::Error(message) => self.warn(format!("worker {id}: {message}")),
            WorkerMsg::User(payload) => self.emit(ClusterEvent::Message {
                id,
                from: Side::Child,
                payload,
                at,
            }),
            WorkerMsg::Malformed(reason) => {
                self.warn(format!("worker {id} sent a bad message: {reason}"))
            }
            WorkerMsg::Disconnected => {
                if let Some(worker) = self.workers.get_mut(&id) {
                    worker.listening = false;
                    let pid = worker.proc.pid;
                    self.emit(ClusterEvent::Disconnect { id, pid, at });
                }
                self.redispatch_pending_of(id);
            }
            WorkerMsg::Exited(status) => {
                let Some(worker) = self.workers.remove(&id) else {
                    return;
                };
                self.redispatch_pending_of(id);
                let expected = worker.expected || self.stopping;
                let guarded = !expected && self.slots.contains_key(&worker.slot);
                self.emit(ClusterEvent::Exit {
                    id,
                    pid: worker.proc.pid,
                    status,
                    expected: !guarded,
                    at,
                });
                if !guarded {
                    return;
                }
                let uptime = worker.started.elapsed();
                let Some(slot) = self.slots.get_mut(&worker.slot) else {
                    return;
                };
                let decision = self.guard.decide(&mut slot.record, uptime);
                self.emit(ClusterEvent::Guard {
                    id,
                    decision,
                    at: self.at(),
                });
                let replaces = Some((id, Instant::now(), worker.killed_at));
                if decision.delay().is_zero() {
                    self.fork(worker.slot, replaces).await;
                } else {
                    self.respawn_later(worker.slot, decision.delay(), replaces);
                }
            }
        }
    }

    pub(super) fn redispatch_pending_of(&mut self, id: u32) {
        let seqs: Vec<u64> = self
            .pending
            .iter()
            .filter(|(_, p)| p.worker == id)
            .map(|(s, _)| *s)
            .collect();
        for seq in seqs {
            if let Some(pending) = self.pending.remove(&seq) {
                let mut tried = pending.tried;
                tried.push(pending.worker);
                self.dispatch(pending.stream, tried);
            }
        }
    }

    /// Round-robin: hand `stream` to the next listening worker after the last one used, skipping
    /// the ones that already could not take it.
    fn dispatch(&mut self, stream: std::net::TcpStream, tried: Vec<u32>) {
        if self.stopping {
            return;
        }
        let candidates: Vec<u32> = self
            .workers
            .values()
            .filter(|w| w.listening && !tried.contains(&w.id))
            .map(|w| w.id)
            .collect();
        let Some(&id) = candidates
            .iter()
            .find(|&&id| id > self.rr_last)
            .or_else(|| candidates.first())
        else {
            let any_listening = self.workers.values().any(|w| w.listening);
            if any_listening {
                self.warn("no worker could take a connection: it was closed");
            } else if self.backlog.len() < BACKLOG {
                // Nobody listens right now (all dead or backing off): the connection waits.
                self.backlog.push_back((stream, Vec::new()));
            } else {
                self.warn("too many connections waiting for a worker: one was closed");
            }
            return;
        };
        self.rr_last = id;
        let seq = self.next_seq;
        self.next_seq += 1;
        let Some(worker) = self.workers.get(&id) else {
            return;
        };
        // The sending task gets its own copy of the socket; ours waits for the worker's answer.
        let copy = match stream.try_clone() {
            Ok(copy) => copy,
            Err(err) => {
                self.warn(format!(
                    "cannot hand a connection over ({err}): it was closed"
                ));
                return;
            }
        };
        let writer = worker.writer.clone();
        let internal = self.internal.clone();
        self.pending.insert(
            seq,
            PendingConn {
                stream,
                worker: id,
                tried,
            },
        );
        tokio::spawn(async move {
            let msg = json!({"cmd": ipc::HANDLE_CMD, "act": "newconn", "seq": seq});
            if writer.send_fd(&msg, copy.as_raw_fd()).await.is_err() {
                let _ = internal.send(Internal::Worker {
                    id,
                    msg: WorkerMsg::SendFailed { seq },
                });
            }
        });
    }

    pub(super) fn report_served(&mut self) {
        if self.dealt_dirty {
            self.dealt_dirty = false;
            while self.dealt.len() > 64 {
                let Some((&oldest, _)) = self.dealt.iter().next() else {
                    break;
                };
                self.dealt.remove(&oldest);
            }
            self.emit(ClusterEvent::Connections {
                counts: self.dealt.iter().map(|(&id, &n)| (id, n)).collect(),
                at: self.at(),
            });
        }
        if !self.served_dirty {
            return;
        }
        self.served_dirty = false;
        while self.served.len() > 64 {
            let Some((&oldest, _)) = self.served.iter().next() else {
                break;
            };
            self.served.remove(&oldest);
        }
        self.emit(ClusterEvent::Served {
            counts: self.served.iter().map(|(&id, &n)| (id, n)).collect(),
            at: self.at(),
        });
    }

    pub(super) fn report_memory(&self) {
        for worker in self.workers.values() {
            if let Some(rss) = worker.proc.rss() {
                self.emit(ClusterEvent::Memory {
                    id: worker.id,
                    rss,
                    at: self.at(),
                });
            }
        }
    }
}

/// Read a worker's channel until it closes, then wait for the worker and reap it: the events
/// come out in Node's order (messages, disconnect, exit).
pub(super) async fn watch_worker(
    id: u32,
    mut reader: ipc::Reader,
    proc: Proc,
    internal: mpsc::UnboundedSender<Internal>,
) {
    let send = |msg| {
        let _ = internal.send(Internal::Worker { id, msg });
    };
    while let Some(incoming) = reader.next().await {
        match incoming {
            Incoming::Message { value, .. } => {
                if value.get("cmd").and_then(Value::as_str) != Some(CLUSTER_CMD) {
                    send(WorkerMsg::User(value)); // process.send() in the worker
                    continue;
                }
                match value.get("act").and_then(Value::as_str) {
                    Some("online") => send(WorkerMsg::Online),
                    Some("listening") => send(WorkerMsg::Listening),
                    Some("served") => {
                        send(WorkerMsg::Served(
                            value.get("count").and_then(Value::as_u64).unwrap_or(0),
                        ));
                    }
                    Some("accepted") => send(WorkerMsg::Answer {
                        seq: value.get("seq").and_then(Value::as_u64).unwrap_or(0),
                        accepted: value
                            .get("accepted")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                    }),
                    Some("error") => send(WorkerMsg::Error(
                        value
                            .get("message")
                            .and_then(Value::as_str)
                            .unwrap_or("an error")
                            .to_string(),
                    )),
                    _ => send(WorkerMsg::Malformed(format!("unknown message {value}"))),
                }
            }
            Incoming::Malformed { reason } => send(WorkerMsg::Malformed(reason)),
        }
    }
    send(WorkerMsg::Disconnected);
    let status = proc.wait().await;
    send(WorkerMsg::Exited(status));
}
