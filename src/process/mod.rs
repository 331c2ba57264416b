//! Real OS processes, the way Node runs several: an IPC channel like Node's (a socketpair on a known
//! fd, newline-delimited JSON), the fork-per-request demo, and the cluster with its process guard.
//!
//! The same `mini-node` binary re-executes itself as the child (`__fork-child`) or the worker
//! (`__cluster-worker`). Each demo is an engine: it takes typed commands and emits typed events on
//! channels, so that the CLI printer and the TUI are only views, and offers the state those events
//! fold into ([`ClusterState`], [`ForkState`]). Each engine takes a plain config struct and a shutdown
//! future: Ctrl-C, `--duration` and the like belong to `commands`. Nothing here draws, colours,
//! parses arguments or words a message for a view.

pub mod cluster;
pub mod command;
pub mod fork;
pub mod guard;
pub mod ipc;
pub mod load;
pub mod spawn;
pub mod trace;
mod worker;

use std::time::Duration;

use serde::Serialize;

pub use cluster::{ClusterState, WorkerStatus};
pub use fork::{ChildStatus, ForkState};
pub use guard::Decision;

/// Which side of an IPC channel something came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Parent,
    Child,
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExitStatus {
    Code(i32),
    Signal(i32),
}

/// A signal's name as `kill -l` gives it (`SIGKILL`), or None for a number that names no signal:
/// the views choose how to show such a number.
pub fn signal_name(signal: i32) -> Option<&'static str> {
    nix::sys::signal::Signal::try_from(signal)
        .ok()
        .map(|s| s.as_str())
}

/// Events of the fork demo, in the order they happen. `at` is the time since the demo started.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ForkEvent {
    /// The parent's HTTP server listens.
    Listening {
        addr: String,
        parent_pid: u32,
        as_written: bool,
        at: Duration,
    },
    /// An HTTP request arrived (`request` numbers them 1, 2, ...).
    Request {
        request: u64,
        method: String,
        path: String,
        at: Duration,
    },
    /// A child process was forked (for a request, or directly when `request` is None).
    Forked {
        pid: u32,
        request: Option<u64>,
        at: Duration,
    },
    /// An IPC message crossed the channel.
    Message {
        pid: u32,
        from: Side,
        payload: serde_json::Value,
        at: Duration,
    },
    /// A child's channel closed from its side.
    Disconnect { pid: u32, at: Duration },
    /// A child exited (reaped).
    Exit {
        pid: u32,
        status: ExitStatus,
        at: Duration,
    },
    /// A child's stdio and channel are closed: Node's 'close', after 'exit'.
    Close { pid: u32, at: Duration },
    /// The parent answered a request.
    Response {
        request: u64,
        status: u16,
        body: String,
        latency: Duration,
        at: Duration,
    },
    /// Children alive right now (it grows under `--as-written`).
    LiveChildren { count: usize, at: Duration },
    /// Something went wrong but the demo goes on (malformed message, fork failed ...).
    Warning { message: String, at: Duration },
}

impl ForkEvent {
    /// When it happened, since the demo started.
    pub fn at(&self) -> Duration {
        match self {
            ForkEvent::Listening { at, .. }
            | ForkEvent::Request { at, .. }
            | ForkEvent::Forked { at, .. }
            | ForkEvent::Message { at, .. }
            | ForkEvent::Disconnect { at, .. }
            | ForkEvent::Exit { at, .. }
            | ForkEvent::Close { at, .. }
            | ForkEvent::Response { at, .. }
            | ForkEvent::LiveChildren { at, .. }
            | ForkEvent::Warning { at, .. } => *at,
        }
    }
}

/// What a view can ask of the fork demo.
#[derive(Debug, Clone, PartialEq)]
pub enum ForkCommand {
    /// Send `GET /get-data` to the demo's own server.
    Request,
    /// Fork a child directly and exchange one message with it.
    ForkChild,
    /// Switch between the fixed code and the notes' leaky version.
    SetAsWritten(bool),
    /// Stop: disconnect, wait briefly, kill what is left, reap everything.
    Shutdown,
    /// `childProcess.send(payload)` to a live child (the notes' child answers every message with
    /// `sum()`; a fixed child only lives until its first answer, a leaked one forever).
    Send {
        pid: u32,
        payload: serde_json::Value,
    },
}

/// The state of a cluster worker, as the TUI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerState {
    Starting,
    Online,
    Listening,
    Disconnected,
    Dead,
    /// The guard waits before re-forking (crash-loop protection).
    BackingOff,
}

/// Events of the cluster, named as Node names them (fork, online, listening, disconnect, exit).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ClusterEvent {
    PrimaryStarted {
        pid: u32,
        addr: String,
        sched: SchedPolicy,
        at: Duration,
    },
    /// Worker `id` was forked; `replaces` is the worker whose slot it takes (after the guard's
    /// decision), None for a new slot.
    Fork {
        id: u32,
        pid: u32,
        replaces: Option<u32>,
        at: Duration,
    },
    Online {
        id: u32,
        pid: u32,
        at: Duration,
    },
    Listening {
        id: u32,
        pid: u32,
        addr: String,
        at: Duration,
    },
    Disconnect {
        id: u32,
        pid: u32,
        at: Duration,
    },
    /// A worker exited; `expected` is false when the guard will replace it.
    Exit {
        id: u32,
        pid: u32,
        status: ExitStatus,
        expected: bool,
        at: Duration,
    },
    /// The guard's decision after worker `id` exited unexpectedly: re-fork now, or wait (crash loop).
    Guard {
        id: u32,
        decision: guard::Decision,
        at: Duration,
    },
    /// Requests served so far by each worker (id, count), sent about every 100 ms while they change.
    Served {
        counts: Vec<(u32, u64)>,
        at: Duration,
    },
    /// Resident memory of a worker, in bytes.
    Memory {
        id: u32,
        rss: u64,
        at: Duration,
    },
    /// The built-in load generator's figures.
    Load {
        requests: u64,
        errors: u64,
        per_second: f64,
        at: Duration,
    },
    Warning {
        message: String,
        at: Duration,
    },
    /// A view (or `--kill-every`) sent `signal` to worker `id`.
    Killed {
        id: u32,
        pid: u32,
        signal: i32,
        at: Duration,
    },
    /// The replacement `new_id` of worker `old_id` is listening: how long after the old one's exit
    /// was seen, and after it was killed (when it was killed through the engine).
    Respawned {
        old_id: u32,
        new_id: u32,
        since_exit: Duration,
        since_kill: Option<Duration>,
        at: Duration,
    },
    /// A user message between the primary and worker `id` (`worker.send` / `process.send`).
    Message {
        id: u32,
        from: Side,
        payload: serde_json::Value,
        at: Duration,
    },
    /// Connections the primary has handed to each worker so far (rr only), sent with `Served`.
    Connections {
        counts: Vec<(u32, u64)>,
        at: Duration,
    },
    /// The scheduling policy was switched while running.
    SchedChanged {
        sched: SchedPolicy,
        at: Duration,
    },
}

impl ClusterEvent {
    /// When it happened, since the cluster started.
    pub fn at(&self) -> Duration {
        match self {
            ClusterEvent::PrimaryStarted { at, .. }
            | ClusterEvent::Fork { at, .. }
            | ClusterEvent::Online { at, .. }
            | ClusterEvent::Listening { at, .. }
            | ClusterEvent::Disconnect { at, .. }
            | ClusterEvent::Exit { at, .. }
            | ClusterEvent::Guard { at, .. }
            | ClusterEvent::Served { at, .. }
            | ClusterEvent::Memory { at, .. }
            | ClusterEvent::Load { at, .. }
            | ClusterEvent::Warning { at, .. }
            | ClusterEvent::Killed { at, .. }
            | ClusterEvent::Respawned { at, .. }
            | ClusterEvent::Message { at, .. }
            | ClusterEvent::Connections { at, .. }
            | ClusterEvent::SchedChanged { at, .. } => *at,
        }
    }
}

/// Node's cluster scheduling policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SchedPolicy {
    /// Round-robin: only the primary accepts; each connection is passed to the next worker.
    Rr,
    /// Every worker accepts on the shared listening socket; the kernel decides.
    None,
}

impl SchedPolicy {
    /// Node's name for it (`NODE_CLUSTER_SCHED_POLICY`, `--sched`).
    pub fn name(self) -> &'static str {
        match self {
            SchedPolicy::Rr => "rr",
            SchedPolicy::None => "none",
        }
    }

    /// The policy named `name` (`rr` or `none`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "rr" => Some(SchedPolicy::Rr),
            "none" => Some(SchedPolicy::None),
            _ => None,
        }
    }

    /// The other one.
    pub fn toggled(self) -> Self {
        match self {
            SchedPolicy::Rr => SchedPolicy::None,
            SchedPolicy::None => SchedPolicy::Rr,
        }
    }
}

/// What a view can ask of the cluster.
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterCommand {
    /// Kill worker `id` with `signal` (e.g. libc::SIGKILL or SIGTERM).
    Kill {
        id: u32,
        signal: i32,
    },
    AddWorker,
    RemoveWorker,
    /// Start the built-in load generator with this many connections; `None` stops it.
    Load(Option<usize>),
    SetSched(SchedPolicy),
    /// `worker.send(payload)`: the worker answers `{"worker": id, "pid": pid, "got": payload}`.
    Send {
        id: u32,
        payload: serde_json::Value,
    },
    Shutdown,
}

/// A running demo as the views see it: commands in, events out, and the address its server
/// really listens on (port 0 asks for an ephemeral port). When the engine has stopped every
/// process it started, it drops its event sender: `events.recv()` returning `None` means "all gone".
pub struct Handle<C, E> {
    pub commands: tokio::sync::mpsc::UnboundedSender<C>,
    pub events: tokio::sync::mpsc::UnboundedReceiver<E>,
    pub addr: std::net::SocketAddr,
}

/// Bind `host:port` for a demo's server, turning "address in use" into a message that names the
/// port and the flag to change it.
pub(crate) fn bind(host: &str, port: u16) -> anyhow::Result<std::net::TcpListener> {
    use anyhow::Context;
    use std::net::ToSocketAddrs;
    let addr = (host, port)
        .to_socket_addrs()
        .with_context(|| format!("cannot resolve --host {host}"))?
        .next()
        .with_context(|| format!("--host {host} has no address"))?;
    match std::net::TcpListener::bind(addr) {
        Ok(listener) => {
            listener.set_nonblocking(true)?;
            Ok(listener)
        }
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => Err(anyhow::anyhow!(
            "port {port} on {host} is already in use: choose another with --port (e.g. --port 0 for any free port)"
        )),
        Err(err) => Err(anyhow::Error::new(err)
            .context(format!("cannot listen on {addr} (change it with --host / --port)"))),
    }
}

/// The program to re-execute as a child or worker: the given one, or this very binary.
pub(crate) fn program_or_self(
    program: &Option<std::path::PathBuf>,
) -> anyhow::Result<std::path::PathBuf> {
    use anyhow::Context;
    match program {
        Some(path) => Ok(path.clone()),
        None => std::env::current_exe().context("cannot find the mini-node binary to re-execute"),
    }
}

/// The hidden entry points (`__fork-child`, `__cluster-worker`) when `argv[1]` names one: run it
/// without building the whole command-line parser (a child is started for every request).
pub fn hidden_entry() -> Option<anyhow::Result<()>> {
    let first = std::env::args_os().nth(1)?;
    match first.to_str()? {
        "__fork-child" => Some(fork::child_main()),
        "__cluster-worker" => Some(cluster::worker_main()),
        _ => None,
    }
}
