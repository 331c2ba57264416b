//! The hidden `__cluster-worker` entry point: one cluster worker, the notes' `http.createServer`
//! answering `server is running` with `X-Worker-Id` and `X-Worker-Pid`.
//!
//! Kept small on purpose (a few MB resident): a single-threaded tokio runtime, hyper's HTTP/1 server
//! and the IPC channel on fd 3, nothing else. It never binds a port itself. Under `rr` the primary
//! hands it each accepted connection as a `NODE_HANDLE` message carrying the socket (SCM_RIGHTS);
//! under `none` it receives the primary's listening socket once and accepts on it, racing the other
//! workers. The channel's end-of-file (the primary disconnected or died) makes it finish the
//! responses being written (20 ms) and exit 0, like a Node worker.
//!
//! Test hooks (environment): `MINI_NODE_WORKER_CRASH_AFTER_MS` makes the worker exit with code 1
//! that long after it starts (to provoke the guard's crash-loop protection);
//! `MINI_NODE_WORKER_REFUSE=ID` makes worker ID refuse every handed connection (it goes to another).

use std::convert::Infallible;
use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderValue;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};

use super::ipc::{self, Incoming};
use super::spawn;

/// The environment variable carrying the worker's id, as in Node.
pub const ID_ENV: &str = "NODE_UNIQUE_ID";

/// The `cmd` of the cluster's own messages (Node's internal messages say `NODE_CLUSTER`).
pub const CLUSTER_CMD: &str = "NODE_CLUSTER";

/// Run the worker until its channel closes.
pub fn main() -> anyhow::Result<()> {
    spawn::die_with_parent();
    let id: u32 = std::env::var(ID_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "`__cluster-worker` is started by `mini-node demo cluster`, not by hand"
            )
        })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(run(id))
}

struct Counters {
    served: AtomicU64,
}

async fn run(id: u32) -> anyhow::Result<()> {
    let (mut reader, writer) = ipc::child_end()?;
    let writer = Arc::new(writer);
    let counters = Arc::new(Counters {
        served: AtomicU64::new(0),
    });
    writer
        .send(&json!({"cmd": CLUSTER_CMD, "act": "online"}))
        .await?;

    if let Some(ms) = std::env::var("MINI_NODE_WORKER_CRASH_AFTER_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            std::process::exit(1);
        });
    }
    let refuse = std::env::var("MINI_NODE_WORKER_REFUSE")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        == Some(id);

    // Report the served count about every 100 ms while it changes.
    {
        let writer = writer.clone();
        let counters = counters.clone();
        tokio::spawn(async move {
            let mut last = 0;
            let mut tick = tokio::time::interval(Duration::from_millis(100));
            loop {
                tick.tick().await;
                let now = counters.served.load(Ordering::Relaxed);
                if now != last {
                    last = now;
                    let msg = json!({"cmd": CLUSTER_CMD, "act": "served", "count": now});
                    if writer.send(&msg).await.is_err() {
                        break;
                    }
                }
            }
        });
    }

    let pid = std::process::id();
    let mut acceptor: Option<tokio::task::JoinHandle<()>> = None;
    while let Some(incoming) = reader.next().await {
        let (value, fd) = match incoming {
            Incoming::Message { value, fd } => (value, fd),
            Incoming::Malformed { reason } => {
                // Dropped, and reported to the primary.
                let msg = json!({"cmd": CLUSTER_CMD, "act": "error",
                    "message": format!("dropped a bad message from the primary: {reason}")});
                writer.send(&msg).await?;
                continue;
            }
        };
        if value.get("cmd").and_then(Value::as_str) != Some(CLUSTER_CMD)
            && value.get("cmd").and_then(Value::as_str) != Some(ipc::HANDLE_CMD)
        {
            // A user message (worker.send): answer it, as process.on('message') would.
            writer
                .send(&json!({"worker": id, "pid": pid, "got": value}))
                .await?;
            continue;
        }
        match value.get("act").and_then(Value::as_str) {
            Some("listen") => {
                // The old acceptor's copy of the listening socket is closed before the ack, so
                // once the primary hears `listening` no connection can reach the old way.
                if let Some(task) = acceptor.take() {
                    task.abort();
                    let _ = task.await;
                }
                if let Some(fd) = fd {
                    // Policy `none`: accept on the shared listening socket ourselves.
                    match listener_from(fd) {
                        Ok(listener) => {
                            let counters = counters.clone();
                            acceptor = Some(tokio::spawn(async move {
                                while let Ok((stream, _)) = listener.accept().await {
                                    serve(stream, id, pid, counters.clone());
                                }
                            }));
                        }
                        Err(err) => {
                            let msg = json!({"cmd": CLUSTER_CMD, "act": "error",
                                "message": format!("cannot use the listening socket: {err}")});
                            let _ = writer.send(&msg).await;
                            continue;
                        }
                    }
                }
                writer
                    .send(&json!({"cmd": CLUSTER_CMD, "act": "listening"}))
                    .await?;
            }
            Some("unlisten") => {
                if let Some(task) = acceptor.take() {
                    task.abort();
                    let _ = task.await;
                }
            }
            Some("newconn") => {
                let seq = value.get("seq").cloned().unwrap_or(Value::Null);
                let stream = match fd {
                    Some(fd) if !refuse => stream_from(fd).ok(),
                    _ => None,
                };
                let accepted = stream.is_some();
                if let Some(stream) = stream {
                    serve(stream, id, pid, counters.clone());
                }
                let ack = json!({"cmd": CLUSTER_CMD, "act": "accepted", "seq": seq, "accepted": accepted});
                writer.send(&ack).await?;
            }
            _ => {} // an internal message this worker does not know: ignored
        }
    }
    // Disconnected: stop accepting, let the requests in flight finish (briefly), leave.
    if let Some(task) = acceptor.take() {
        task.abort();
    }
    tokio::time::sleep(Duration::from_millis(20)).await;
    // The primary only closed its sending side: it still reads our final count.
    let count = counters.served.load(Ordering::Relaxed);
    let _ = writer
        .send(&json!({"cmd": CLUSTER_CMD, "act": "served", "count": count}))
        .await;
    std::process::exit(0);
}

fn listener_from(fd: OwnedFd) -> std::io::Result<tokio::net::TcpListener> {
    let listener = std::net::TcpListener::from(fd);
    listener.set_nonblocking(true)?;
    tokio::net::TcpListener::from_std(listener)
}

fn stream_from(fd: OwnedFd) -> std::io::Result<tokio::net::TcpStream> {
    let stream = std::net::TcpStream::from(fd);
    stream.set_nonblocking(true)?;
    let _ = stream.set_nodelay(true);
    tokio::net::TcpStream::from_std(stream)
}

fn serve(stream: tokio::net::TcpStream, id: u32, pid: u32, counters: Arc<Counters>) {
    let id_header = HeaderValue::from(id);
    let pid_header = HeaderValue::from(pid);
    tokio::spawn(async move {
        let service = hyper::service::service_fn(move |_req: Request<hyper::body::Incoming>| {
            let mut response = Response::new(Full::new(Bytes::from_static(b"server is running")));
            let headers = response.headers_mut();
            headers.insert("x-worker-id", id_header.clone());
            headers.insert("x-worker-pid", pid_header.clone());
            counters.served.fetch_add(1, Ordering::Relaxed);
            async move { Ok::<_, Infallible>(response) }
        });
        let _ = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service)
            .await;
    });
}
