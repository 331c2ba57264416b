//! The cluster: a primary, its workers on one shared port, and the process guard (the notes'
//! `cluster.fork`).
//!
//! The primary binds the port and forks N workers (this binary as `__cluster-worker`, each with a
//! Node-style id 1, 2, 3 ... never reused, in `NODE_UNIQUE_ID`). Worker lifecycle events are named
//! as Node names them: fork, online, listening, disconnect, exit. Two scheduling policies:
//!
//! - **rr** (Node's default on Linux): only the primary accepts; it hands each connection to the
//!   next listening worker in turn by sending the socket over that worker's IPC channel (SCM_RIGHTS).
//!   The worker answers `accepted: true|false`; a connection a worker could not take (refused, or
//!   its channel failed or closed first) goes to another worker.
//! - **none**: the primary sends its listening socket to every worker once, and the workers accept on
//!   it themselves; the kernel decides who gets each connection, which is rarely even.
//!
//! The guard re-forks a worker that exits unexpectedly, at once when it had been up for a while and
//! with a growing back-off when it keeps dying young ([`super::guard`]). One task (an actor) owns all
//! state; it emits [`ClusterEvent`]s and obeys [`ClusterCommand`]s, and prints nothing.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::guard::{GuardPolicy, SlotRecord};
use super::ipc::{self, Incoming};
use super::spawn::{self, Proc};
use super::worker::{CLUSTER_CMD, ID_ENV};
use super::{ClusterCommand, ClusterEvent, ExitStatus, Handle, SchedPolicy, Side};
use crate::cli::{ClusterArgs, Sched};

/// How to run the cluster.
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    pub host: String,
    /// 0 asks for an ephemeral port.
    pub port: u16,
    pub workers: usize,
    pub sched: SchedPolicy,
    /// The binary to re-execute as a worker (default: this very binary).
    pub program: Option<PathBuf>,
    /// The guard's crash-loop protection.
    pub guard: GuardPolicy,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            host: "127.0.0.1".into(),
            port: 9000,
            workers: default_workers(),
            sched: SchedPolicy::Rr,
            program: None,
            guard: GuardPolicy::default(),
        }
    }
}

/// One worker per CPU, as the notes do with `os.cpus().length`.
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// How long workers get to leave after the disconnect at shutdown before they are killed.
const GRACE: Duration = Duration::from_millis(1000);
/// Connections waiting while no worker is listening (all dead or backing off).
const BACKLOG: usize = 1024;

/// Start the cluster: bind (a port in use is an error naming `--port`), fork the workers.
pub async fn start(cfg: ClusterConfig) -> anyhow::Result<Handle<ClusterCommand, ClusterEvent>> {
    let std_listener = super::bind(&cfg.host, cfg.port)?;
    let shared_fd: OwnedFd = std_listener.try_clone()?.into();
    let listener = tokio::net::TcpListener::from_std(std_listener)?;
    let addr = listener.local_addr()?;
    let program = super::program_or_self(&cfg.program)?;
    let (events_tx, events) = mpsc::unbounded_channel();
    let (commands, commands_rx) = mpsc::unbounded_channel();
    let (internal_tx, internal_rx) = mpsc::unbounded_channel();
    let (sched_tx, sched_rx) = watch::channel(cfg.sched);

    let accept_tx = internal_tx.clone();
    let acceptor = tokio::spawn(accept_loop(listener, sched_rx, accept_tx));

    let mut primary = Primary {
        t0: Instant::now(),
        addr,
        program,
        guard: cfg.guard,
        sched: cfg.sched,
        sched_tx,
        shared_fd: Arc::new(shared_fd),
        events: events_tx,
        internal: internal_tx,
        workers: BTreeMap::new(),
        slots: BTreeMap::new(),
        next_id: 1,
        next_slot: 0,
        rr_last: 0,
        next_seq: 1,
        pending: HashMap::new(),
        backlog: VecDeque::new(),
        served: BTreeMap::new(),
        served_dirty: false,
        dealt: BTreeMap::new(),
        dealt_dirty: false,
        load: None,
        stopping: false,
        acceptor,
    };
    primary.emit(ClusterEvent::PrimaryStarted {
        pid: std::process::id(),
        addr: addr.to_string(),
        sched: cfg.sched,
        at: primary.at(),
    });
    for _ in 0..cfg.workers {
        let slot = primary.new_slot();
        primary.fork(slot, None).await;
    }
    tokio::spawn(primary.run(commands_rx, internal_rx));
    Ok(Handle {
        commands,
        events,
        addr,
    })
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    mut sched: watch::Receiver<SchedPolicy>,
    tx: mpsc::UnboundedSender<Internal>,
) {
    loop {
        if *sched.borrow_and_update() == SchedPolicy::None {
            // The workers accept; the primary leaves the listening socket to them.
            if sched.changed().await.is_err() {
                return;
            }
            continue;
        }
        tokio::select! {
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    if tx.send(Internal::Accepted(stream)).is_err() {
                        return;
                    }
                }
            }
            changed = sched.changed() => if changed.is_err() { return },
        }
    }
}

enum Internal {
    Accepted(tokio::net::TcpStream),
    Worker {
        id: u32,
        msg: WorkerMsg,
    },
    RespawnDue {
        slot: usize,
        replaces: Option<Replaced>,
    },
}

/// The worker a replacement stands for: its id, when its exit was seen, when it was killed.
type Replaced = (u32, Instant, Option<Instant>);

enum WorkerMsg {
    Online,
    Listening,
    Served(u64),
    Answer { seq: u64, accepted: bool },
    Error(String),
    Malformed(String),
    User(Value),
    SendFailed { seq: u64 },
    Disconnected,
    Exited(ExitStatus),
}

struct WorkerInfo {
    id: u32,
    slot: usize,
    proc: Proc,
    writer: Arc<ipc::Writer>,
    started: Instant,
    listening: bool,
    /// Disconnected on purpose (removed or shutting down): its exit is expected.
    expected: bool,
    killed_at: Option<Instant>,
    /// The worker this one replaces: its id, when its exit was seen, when it was killed.
    replaces: Option<Replaced>,
}

struct Slot {
    record: SlotRecord,
}

struct RunningLoad {
    task: JoinHandle<()>,
    counters: Arc<super::load::LoadCounters>,
    started: Instant,
}

struct PendingConn {
    stream: std::net::TcpStream,
    worker: u32,
    tried: Vec<u32>,
}

struct Primary {
    t0: Instant,
    addr: SocketAddr,
    program: PathBuf,
    guard: GuardPolicy,
    sched: SchedPolicy,
    sched_tx: watch::Sender<SchedPolicy>,
    shared_fd: Arc<OwnedFd>,
    events: mpsc::UnboundedSender<ClusterEvent>,
    internal: mpsc::UnboundedSender<Internal>,
    workers: BTreeMap<u32, WorkerInfo>,
    slots: BTreeMap<usize, Slot>,
    next_id: u32,
    next_slot: usize,
    rr_last: u32,
    next_seq: u64,
    pending: HashMap<u64, PendingConn>,
    backlog: VecDeque<(std::net::TcpStream, Vec<u32>)>,
    served: BTreeMap<u32, u64>,
    served_dirty: bool,
    dealt: BTreeMap<u32, u64>,
    dealt_dirty: bool,
    load: Option<RunningLoad>,
    stopping: bool,
    acceptor: JoinHandle<()>,
}

fn sched_name(sched: SchedPolicy) -> &'static str {
    match sched {
        SchedPolicy::Rr => "rr",
        SchedPolicy::None => "none",
    }
}

impl Primary {
    fn at(&self) -> Duration {
        self.t0.elapsed()
    }

    fn emit(&self, event: ClusterEvent) {
        let _ = self.events.send(event);
    }

    fn warn(&self, message: impl Into<String>) {
        self.emit(ClusterEvent::Warning {
            message: message.into(),
            at: self.at(),
        });
    }

    fn new_slot(&mut self) -> usize {
        let slot = self.next_slot;
        self.next_slot += 1;
        self.slots.insert(
            slot,
            Slot {
                record: SlotRecord::default(),
            },
        );
        slot
    }

    async fn run(
        mut self,
        mut commands: mpsc::UnboundedReceiver<ClusterCommand>,
        mut internal: mpsc::UnboundedReceiver<Internal>,
    ) {
        let mut served_tick = tokio::time::interval(Duration::from_millis(100));
        let mut memory_tick = tokio::time::interval(Duration::from_millis(1000));
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    Some(ClusterCommand::Shutdown) | None => break,
                    Some(command) => self.command(command).await,
                },
                Some(msg) = internal.recv() => self.internal(msg).await,
                _ = served_tick.tick() => self.report_served(),
                _ = memory_tick.tick() => self.report_memory(),
            }
        }
        self.shutdown(&mut internal).await;
    }

    /// Disconnect every worker, wait [`GRACE`], kill what is left, reap everything.
    async fn shutdown(&mut self, internal: &mut mpsc::UnboundedReceiver<Internal>) {
        self.stopping = true;
        self.acceptor.abort();
        self.stop_load();
        self.pending.clear();
        self.backlog.clear();
        for worker in self.workers.values_mut() {
            worker.expected = true;
            worker.listening = false;
            worker.writer.disconnect();
        }
        let grace = tokio::time::Instant::now() + GRACE;
        let mut killed = false;
        while !self.workers.is_empty() {
            tokio::select! {
                Some(msg) = internal.recv() => self.internal(msg).await,
                _ = tokio::time::sleep_until(grace), if !killed => {
                    killed = true;
                    for worker in self.workers.values() {
                        self.warn(format!("worker {} did not leave after the disconnect: SIGKILL", worker.id));
                        let _ = worker.proc.kill(libc::SIGKILL);
                    }
                }
            }
        }
        self.report_served();
    }

    async fn command(&mut self, command: ClusterCommand) {
        match command {
            ClusterCommand::Kill { id, signal } => match self.workers.get_mut(&id) {
                Some(worker) => {
                    worker.killed_at = Some(Instant::now());
                    let pid = worker.proc.pid;
                    match worker.proc.kill(signal) {
                        Ok(()) => self.emit(ClusterEvent::Killed {
                            id,
                            pid,
                            signal,
                            at: self.at(),
                        }),
                        Err(err) => self.warn(format!("cannot signal worker {id}: {err}")),
                    }
                }
                None => self.warn(format!("there is no live worker {id} to kill")),
            },
            ClusterCommand::AddWorker => {
                let slot = self.new_slot();
                self.fork(slot, None).await;
            }
            ClusterCommand::RemoveWorker => {
                if self.slots.len() <= 1 {
                    self.warn("the cluster keeps at least one worker");
                    return;
                }
                let Some((&slot, _)) = self.slots.iter().next_back() else {
                    return;
                };
                self.slots.remove(&slot);
                let ids: Vec<u32> = self
                    .workers
                    .values()
                    .filter(|w| w.slot == slot)
                    .map(|w| w.id)
                    .collect();
                for id in ids {
                    self.disconnect(id);
                }
            }
            ClusterCommand::Load(connections) => {
                self.stop_load();
                if let Some(connections) = connections {
                    let events = self.events.clone();
                    let t0 = self.t0;
                    let counters = Arc::new(super::load::LoadCounters::default());
                    let task = tokio::spawn(super::load::run(
                        self.addr,
                        connections,
                        counters.clone(),
                        move |requests, errors, per_second| {
                            let _ = events.send(ClusterEvent::Load {
                                requests,
                                errors,
                                per_second,
                                at: t0.elapsed(),
                            });
                        },
                    ));
                    self.load = Some(RunningLoad {
                        task,
                        counters,
                        started: Instant::now(),
                    });
                }
            }
            ClusterCommand::SetSched(sched) => {
                if sched == self.sched {
                    return;
                }
                self.sched = sched;
                let _ = self.sched_tx.send(sched);
                let ids: Vec<u32> = self
                    .workers
                    .values()
                    .filter(|w| w.listening)
                    .map(|w| w.id)
                    .collect();
                for id in ids {
                    self.send_listen(id);
                }
                self.emit(ClusterEvent::SchedChanged {
                    sched,
                    at: self.at(),
                });
            }
            ClusterCommand::Send { id, payload } => match self.workers.get(&id) {
                Some(worker) => {
                    let writer = worker.writer.clone();
                    let events = self.events.clone();
                    let t0 = self.t0;
                    tokio::spawn(async move {
                        let event = match writer.send(&payload).await {
                            Ok(()) => ClusterEvent::Message {
                                id,
                                from: Side::Parent,
                                payload,
                                at: t0.elapsed(),
                            },
                            Err(err) => ClusterEvent::Warning {
                                message: format!("cannot send to worker {id}: {err}"),
                                at: t0.elapsed(),
                            },
                        };
                        let _ = events.send(event);
                    });
                }
                None => self.warn(format!("there is no live worker {id} to send to")),
            },
            ClusterCommand::Shutdown => {}
        }
    }

    /// Stop the load generator and report its final totals (average rate over its run).
    fn stop_load(&mut self) {
        use std::sync::atomic::Ordering;
        if let Some(load) = self.load.take() {
            load.task.abort();
            let requests = load.counters.requests.load(Ordering::Relaxed);
            self.emit(ClusterEvent::Load {
                requests,
                errors: load.counters.errors.load(Ordering::Relaxed),
                per_second: requests as f64 / load.started.elapsed().as_secs_f64().max(1e-3),
                at: self.at(),
            });
        }
    }

    /// Node's `worker.disconnect()`: no new connections, close the channel; it exits by itself.
    fn disconnect(&mut self, id: u32) {
        if let Some(worker) = self.workers.get_mut(&id) {
            worker.expected = true;
            worker.listening = false;
            worker.writer.disconnect();
        }
        self.redispatch_pending_of(id);
    }

    async fn fork(&mut self, slot: usize, replaces: Option<Replaced>) {
        if self.stopping || !self.slots.contains_key(&slot) {
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        let env = [(ID_ENV, id.to_string())];
        let spawned = match spawn::spawn(&self.program, &["__cluster-worker"], &env).await {
            Ok(spawned) => spawned,
            Err(err) => {
                self.warn(format!(
                    "cannot fork worker {id} from {}: {err}; retrying in 1 s",
                    self.program.display()
                ));
                self.respawn_later(slot, Duration::from_secs(1), replaces);
                return;
            }
        };
        let proc = spawned.proc.clone();
        let (reader, writer) = match ipc::channel(spawned.channel) {
            Ok(halves) => halves,
            Err(err) => {
                self.warn(format!("worker {id}: no IPC channel ({err}); killing it"));
                let _ = proc.kill(libc::SIGKILL);
                proc.wait().await;
                self.respawn_later(slot, Duration::from_secs(1), replaces);
                return;
            }
        };
        self.emit(ClusterEvent::Fork {
            id,
            pid: proc.pid,
            at: self.at(),
        });
        tokio::spawn(watch_worker(
            id,
            reader,
            proc.clone(),
            self.internal.clone(),
        ));
        self.workers.insert(
            id,
            WorkerInfo {
                id,
                slot,
                proc,
                writer: Arc::new(writer),
                started: Instant::now(),
                listening: false,
                expected: false,
                killed_at: None,
                replaces,
            },
        );
    }

    fn respawn_later(&self, slot: usize, delay: Duration, replaces: Option<Replaced>) {
        let internal = self.internal.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let _ = internal.send(Internal::RespawnDue { slot, replaces });
        });
    }

    fn send_listen(&self, id: u32) {
        let Some(worker) = self.workers.get(&id) else {
            return;
        };
        let writer = worker.writer.clone();
        let internal = self.internal.clone();
        let sched = self.sched;
        let shared = self.shared_fd.clone();
        tokio::spawn(async move {
            let result = match sched {
                SchedPolicy::Rr => {
                    writer
                        .send(&json!({"cmd": CLUSTER_CMD, "act": "listen", "sched": "rr"}))
                        .await
                }
                SchedPolicy::None => {
                    let msg = json!({"cmd": ipc::HANDLE_CMD, "act": "listen", "sched": "none"});
                    writer.send_fd(&msg, shared.as_raw_fd()).await
                }
            };
            if let Err(err) = result {
                let _ = internal.send(Internal::Worker {
                    id,
                    msg: WorkerMsg::Error(format!("cannot tell it to listen: {err}")),
                });
            }
        });
    }

    async fn internal(&mut self, msg: Internal) {
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
                    decision: decision.reason.clone(),
                    delay: decision.delay,
                    at: self.at(),
                });
                let replaces = Some((id, Instant::now(), worker.killed_at));
                if decision.delay.is_zero() {
                    self.fork(worker.slot, replaces).await;
                } else {
                    self.respawn_later(worker.slot, decision.delay, replaces);
                }
            }
        }
    }

    fn redispatch_pending_of(&mut self, id: u32) {
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

    fn report_served(&mut self) {
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

    fn report_memory(&self) {
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
async fn watch_worker(
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

/// The hidden `__cluster-worker` entry point.
pub fn worker_main() -> anyhow::Result<()> {
    super::worker::main()
}

/// `mini-node demo cluster`: run the engine and print its events until Ctrl-C or `--duration`.
pub fn cli(args: ClusterArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(cli_async(args))
}

async fn cli_async(args: ClusterArgs) -> anyhow::Result<()> {
    use crate::print::process::ClusterPrinter;
    if args.workers == Some(0) {
        return Err(crate::error::Exit::new(
            crate::error::code::USAGE,
            "--workers must be at least 1",
        )
        .into());
    }
    if args.kill_every == Some(0) {
        return Err(crate::error::Exit::new(
            crate::error::code::USAGE,
            "--kill-every must be at least 1 (milliseconds)",
        )
        .into());
    }
    if args.load == Some(0) {
        return Err(crate::error::Exit::new(
            crate::error::code::USAGE,
            "--load must be at least 1 (connections)",
        )
        .into());
    }
    if let Some(d) = args.duration {
        if !(d.is_finite() && d > 0.0) {
            return Err(crate::error::Exit::new(
                crate::error::code::USAGE,
                "--duration must be a positive number of seconds",
            )
            .into());
        }
    }
    let sched = match args.sched {
        Some(Sched::None) => SchedPolicy::None,
        _ => SchedPolicy::Rr,
    };
    let cfg = ClusterConfig {
        host: args.host.clone(),
        port: args.port,
        workers: args.workers.unwrap_or_else(default_workers),
        sched,
        ..ClusterConfig::default()
    };
    let mut handle = start(cfg).await?;
    let mut printer = ClusterPrinter::new();
    let mut stop = super::StopSignals::new()?;
    // The load starts once every first worker listens, so that rr deals its connections to all.
    let mut load_pending = args.load;
    let mut listening = 0;
    let workers = args.workers.unwrap_or_else(default_workers);
    let far = tokio::time::Instant::now() + Duration::from_secs(100 * 365 * 24 * 3600);
    let end = args
        .duration
        .map(|d| tokio::time::Instant::now() + Duration::from_secs_f64(d))
        .unwrap_or(far);
    let panic_at = super::test_panic_after().map(|d| tokio::time::Instant::now() + d);
    let kill_every = args.kill_every.map(Duration::from_millis);
    let mut chaos = tokio::time::interval(kill_every.unwrap_or(Duration::from_secs(3600)));
    chaos.tick().await;
    let mut stopping = false;
    loop {
        tokio::select! {
            event = handle.events.recv() => match event {
                Some(event) => {
                    printer.print(&event);
                    if let ClusterEvent::Listening { .. } = event {
                        listening += 1;
                        if listening >= workers {
                            if let Some(connections) = load_pending.take() {
                                let _ = handle.commands.send(ClusterCommand::Load(Some(connections)));
                            }
                        }
                    }
                }
                None => break,
            },
            _ = chaos.tick(), if kill_every.is_some() && !stopping => {
                let live = printer.live_workers();
                if !live.is_empty() {
                    let id = live[fastrand::usize(..live.len())];
                    let _ = handle.commands.send(ClusterCommand::Kill { id, signal: libc::SIGKILL });
                }
            }
            _ = tokio::time::sleep_until(end), if !stopping => {
                printer.note(&format!("--duration {}s is over: disconnecting the workers", args.duration.unwrap_or_default()));
                stopping = true;
                let _ = handle.commands.send(ClusterCommand::Load(None));
                let _ = handle.commands.send(ClusterCommand::Shutdown);
            }
            signal = stop.recv(), if !stopping => {
                printer.note(&format!("{signal}: disconnecting the workers, then stopping"));
                stopping = true;
                let _ = handle.commands.send(ClusterCommand::Shutdown);
            }
            _ = tokio::time::sleep_until(panic_at.unwrap_or(far)), if panic_at.is_some() && !stopping => {
                panic!("MINI_NODE_TEST_PANIC_AFTER_MS: a deliberate panic in the primary");
            }
        }
    }
    printer.summary();
    Ok(())
}

/// The policy named by `--sched`, for messages.
pub fn policy_name(sched: SchedPolicy) -> &'static str {
    sched_name(sched)
}
