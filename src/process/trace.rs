//! One trace across processes: every mini-node process that a traced program starts (forked
//! children, cluster workers, and theirs) sends its events to the traced top process, over a
//! channel of mini-node's own, never the program's IPC channel.
//!
//! HOW: the top process binds a Unix socket in the abstract namespace (nothing on disk to clean
//! up) and names it in [`TRACE_ENV`], which children inherit with the rest of the environment.
//! A child that finds the variable connects ([`Forwarder::from_env`]) and writes each event as one
//! JSON line, tagged with its [`Origin`] (`pid`, `role`, and the cluster worker's id). The top
//! process's [`Collector`] reads each child's lines on a thread of its own and hands every event
//! to the view's callback as it comes.
//!
//! This module only moves events; what a view prints of them is the view's business.

use std::io::{self, BufRead, BufReader, Write};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr, UnixListener, UnixStream};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::eventloop::Event;

/// The environment variable naming the trace socket (an abstract Unix socket name).
pub const TRACE_ENV: &str = "MINI_NODE_TRACE";

/// What a process is to the program: the one started from the command line, a forked child, a
/// cluster worker, or a worker thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Main,
    Child,
    Worker,
    Thread,
}

/// Where an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub pid: u32,
    pub role: Role,
    /// The cluster worker's id (`cluster.worker.id`), or the worker thread's `threadId`
    /// (`worker_id` in JSON, beside the events' own `id`).
    #[serde(rename = "worker_id", skip_serializing_if = "Option::is_none", default)]
    pub id: Option<u32>,
}

impl Origin {
    /// This process, as its environment says it was started (node's `NODE_UNIQUE_ID` for a
    /// cluster worker, `NODE_CHANNEL_FD` for a forked child).
    pub fn this_process() -> Origin {
        let pid = std::process::id();
        if let Some(id) = std::env::var("NODE_UNIQUE_ID")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            return Origin {
                pid,
                role: Role::Worker,
                id: Some(id),
            };
        }
        let role = if std::env::var_os(super::ipc::CHANNEL_FD_ENV).is_some() {
            Role::Child
        } else {
            Role::Main
        };
        Origin {
            pid,
            role,
            id: None,
        }
    }
}

/// One line of the trace stream: the origin's fields beside the event's own.
#[derive(Serialize, Deserialize)]
struct Line {
    #[serde(flatten)]
    origin: Origin,
    #[serde(flatten)]
    event: Event,
}

/// The top process's end: accepts every traced process's connection.
pub struct Collector {
    name: String,
    /// Connections still open (processes still sending), to wait for at the end.
    open: Arc<(Mutex<usize>, Condvar)>,
}

impl Collector {
    /// Bind the trace socket and serve it on a thread; `on_event` gets each process's events in
    /// the order that process sent them. Children find the socket through [`Collector::env`].
    pub fn start(on_event: impl Fn(Origin, Event) + Send + Sync + 'static) -> io::Result<Self> {
        let name = format!(
            "mini-node-trace-{}-{}",
            std::process::id(),
            fastrand::u64(..)
        );
        let listener = UnixListener::bind_addr(&SocketAddr::from_abstract_name(&name)?)?;
        let on_event = Arc::new(on_event);
        let open = Arc::new((Mutex::new(0usize), Condvar::new()));
        let counted = open.clone();
        std::thread::Builder::new()
            .name("mini-node-trace".into())
            .spawn(move || {
                for stream in listener.incoming().flatten() {
                    let on_event = on_event.clone();
                    let counted = counted.clone();
                    *counted.0.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                    let _ = std::thread::Builder::new()
                        .name("mini-node-trace-reader".into())
                        .spawn(move || {
                            read_lines(stream, &*on_event);
                            let (count, ended) = &*counted;
                            *count.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
                            ended.notify_all();
                        });
                }
            })?;
        Ok(Collector { name, open })
    }

    /// Wait (at most `limit`) until every process that connected has sent its last event: the
    /// children of a program that ends have usually just ended too, and their last lines are
    /// still on their way.
    pub fn drain(&self, limit: Duration) {
        let (count, ended) = &*self.open;
        let deadline = Instant::now() + limit;
        let mut n = count.lock().unwrap_or_else(|e| e.into_inner());
        while *n > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            n = ended
                .wait_timeout(n, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// The variable and value that lead children here.
    pub fn env(&self) -> (&'static str, &str) {
        (TRACE_ENV, &self.name)
    }
}

fn read_lines(stream: UnixStream, on_event: &(dyn Fn(Origin, Event) + Send + Sync)) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { break };
        if let Ok(Line { origin, event }) = serde_json::from_str::<Line>(&line) {
            on_event(origin, event);
        }
    }
}

/// A traced child's end: sends its events to the top process.
pub struct Forwarder {
    stream: UnixStream,
    origin: Origin,
    buf: Vec<u8>,
}

impl Forwarder {
    /// Connect if this process was started by a traced program.
    pub fn from_env() -> Option<Forwarder> {
        let name = std::env::var(TRACE_ENV).ok()?;
        let addr = SocketAddr::from_abstract_name(name.as_bytes()).ok()?;
        let stream = UnixStream::connect_addr(&addr).ok()?;
        Some(Forwarder {
            stream,
            origin: Origin::this_process(),
            buf: Vec::with_capacity(256),
        })
    }

    /// A worker thread's connection: its events tagged `thread` with its `threadId`.
    pub fn for_thread(thread_id: u64) -> Option<Forwarder> {
        let mut f = Forwarder::from_env()?;
        f.origin = Origin {
            pid: std::process::id(),
            role: Role::Thread,
            id: Some(thread_id as u32),
        };
        Some(f)
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// Send one event; a top process that went away is ignored (the program goes on).
    pub fn send(&mut self, event: &Event) {
        self.buf.clear();
        let line = LineRef {
            origin: self.origin,
            event,
        };
        if serde_json::to_writer(&mut self.buf, &line).is_ok() {
            self.buf.push(b'\n');
            let _ = self.stream.write_all(&self.buf);
        }
    }
}

#[derive(Serialize)]
struct LineRef<'a> {
    #[serde(flatten)]
    origin: Origin,
    #[serde(flatten)]
    event: &'a Event,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn events_reach_the_collector_tagged_with_their_process() {
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let collector = Collector::start(move |origin, event| {
            let _ = tx.lock().unwrap().send((origin, event));
        })
        .expect("a trace socket");
        let addr = SocketAddr::from_abstract_name(collector.env().1.as_bytes()).unwrap();
        let mut f = Forwarder {
            stream: UnixStream::connect_addr(&addr).expect("connects"),
            origin: Origin {
                pid: 42,
                role: Role::Worker,
                id: Some(3),
            },
            buf: Vec::new(),
        };
        f.send(&Event::Exit {
            code: 0,
            reason: "done".into(),
        });
        let (origin, event) = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("an event");
        assert_eq!(origin.pid, 42);
        assert_eq!(origin.role, Role::Worker);
        assert_eq!(origin.id, Some(3));
        assert!(matches!(event, Event::Exit { code: 0, .. }));
    }
}
