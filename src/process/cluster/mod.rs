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
//! state; it emits [`ClusterEvent`]s and obeys [`ClusterCommand`]s until its shutdown future completes,
//! and prints nothing: `commands::demo_cluster` and the TUI are its views. [`ClusterState`] is what
//! those events fold into, the one fold every view reads.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::future::Future;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::guard::{GuardPolicy, SlotRecord};
use super::ipc;
use super::spawn::{self, Proc};
use super::worker::{CLUSTER_CMD, ID_ENV};
use super::{ClusterCommand, ClusterEvent, ExitStatus, Handle, SchedPolicy, Side};

mod state;
mod workers;

use workers::watch_worker;

pub use state::{ClusterState, WorkerStatus};

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

/// Start the cluster: bind (a port in use is an error naming `--port`), fork the workers, and run
/// until `shutdown` completes (or a view sends [`ClusterCommand::Shutdown`]): then disconnect the
/// workers, kill what is left after a grace period, reap them all and close the event channel.
/// `std::future::pending()` leaves the stop to the commands alone.
pub async fn start(
    cfg: ClusterConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Handle<ClusterCommand, ClusterEvent>> {
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
    tokio::spawn(primary.run(commands_rx, internal_rx, shutdown));
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
        shutdown: impl Future<Output = ()> + Send,
    ) {
        tokio::pin!(shutdown);
        let mut served_tick = tokio::time::interval(Duration::from_millis(100));
        let mut memory_tick = tokio::time::interval(Duration::from_millis(1000));
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    Some(ClusterCommand::Shutdown) | None => break,
                    Some(command) => self.command(command).await,
                },
                () = &mut shutdown => break,
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
            replaces: replaces.map(|(old, _, _)| old),
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
            let result =
                match sched {
                    SchedPolicy::Rr => writer
                        .send(&json!({"cmd": CLUSTER_CMD, "act": "listen", "sched": sched.name()}))
                        .await,
                    SchedPolicy::None => {
                        let msg =
                            json!({"cmd": ipc::HANDLE_CMD, "act": "listen", "sched": sched.name()});
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
}

/// The hidden `__cluster-worker` entry point.
pub fn worker_main() -> anyhow::Result<()> {
    super::worker::main()
}
