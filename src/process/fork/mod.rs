//! The fork demo: an HTTP server that forks a child per request (the notes' `child_process.fork`).
//!
//! `GET /get-data` forks a real child (this binary as `__fork-child`), sends it `"start..."` over the
//! IPC channel, the child computes the notes' `sum()` (0 + 1 + ... + 9999 = 49995000) and sends it
//! back, and the parent answers `data: 49995000`; any other path is a 404. The fixed child exits
//! after answering. With `as_written` the child behaves as the notes' `child.js`: it keeps listening
//! for messages and never exits, so one process leaks per request, and the parent's `close` handler
//! (which the notes use to `res.end('error')`) fires only when such a child is finally stopped, on a
//! response that has already ended: the engine reports that second `res.end` as a warning.
//!
//! The engine emits [`ForkEvent`]s in Node's order (message, disconnect, exit, close) and takes
//! [`ForkCommand`]s until its shutdown future completes; it prints nothing (`commands::demo_fork`
//! and the TUI are its views). [`ForkState`] is what those events fold into.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Full};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use super::ipc::{self, Incoming};
use super::spawn::{self, Proc};
use super::{ForkCommand, ForkEvent, Handle, Side};

mod state;

pub use state::{ChildState, ChildStatus, ForkState};

/// The notes' `sum()`: 0 + 1 + ... + 9999.
pub fn sum() -> u64 {
    (0..10000u64).sum()
}

/// The message the parent sends to start a child's work, as in the notes.
pub const START: &str = "start...";

/// How to run the fork demo.
#[derive(Debug, Clone)]
pub struct ForkConfig {
    pub host: String,
    /// 0 asks for an ephemeral port.
    pub port: u16,
    /// Run the notes' leaky version.
    pub as_written: bool,
    /// The binary to re-execute as the child (default: this very binary).
    pub program: Option<PathBuf>,
}

impl Default for ForkConfig {
    fn default() -> Self {
        ForkConfig {
            host: "127.0.0.1".into(),
            port: 8000,
            as_written: false,
            program: None,
        }
    }
}

/// How long a request waits for its child's answer before answering `error`.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long children get to leave after the disconnect before they are killed.
const GRACE: Duration = Duration::from_millis(500);

struct Shared {
    events: mpsc::UnboundedSender<ForkEvent>,
    t0: Instant,
    program: PathBuf,
    as_written: AtomicBool,
    requests: AtomicU64,
    stopping: AtomicBool,
    children: Mutex<HashMap<u32, LiveChild>>,
    child_tasks: Mutex<Vec<JoinHandle<()>>>,
}

struct LiveChild {
    proc: Proc,
    writer: Arc<ipc::Writer>,
}

impl Shared {
    fn at(&self) -> Duration {
        self.t0.elapsed()
    }

    fn emit(&self, event: ForkEvent) {
        let _ = self.events.send(event);
    }

    fn warn(&self, message: impl Into<String>) {
        self.emit(ForkEvent::Warning {
            message: message.into(),
            at: self.at(),
        });
    }

    fn live_count(&self) -> usize {
        self.children.lock().map(|c| c.len()).unwrap_or(0)
    }

    fn emit_live(&self) {
        self.emit(ForkEvent::LiveChildren {
            count: self.live_count(),
            at: self.at(),
        });
    }
}

/// Start the fork demo: bind the server (a port in use is an error naming `--port`), then serve
/// until `shutdown` completes (or a view sends [`ForkCommand::Shutdown`]): then disconnect the
/// children, kill what is left after a grace period, reap them all and close the event channel.
/// `std::future::pending()` leaves the stop to the commands alone.
pub async fn start(
    cfg: ForkConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Handle<ForkCommand, ForkEvent>> {
    let listener = super::bind(&cfg.host, cfg.port)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let addr = listener.local_addr()?;
    let (events_tx, events) = mpsc::unbounded_channel();
    let (commands, mut commands_rx) = mpsc::unbounded_channel();
    let shared = Arc::new(Shared {
        events: events_tx,
        t0: Instant::now(),
        program: super::program_or_self(&cfg.program)?,
        as_written: AtomicBool::new(cfg.as_written),
        requests: AtomicU64::new(0),
        stopping: AtomicBool::new(false),
        children: Mutex::new(HashMap::new()),
        child_tasks: Mutex::new(Vec::new()),
    });
    shared.emit(ForkEvent::Listening {
        addr: addr.to_string(),
        parent_pid: std::process::id(),
        as_written: cfg.as_written,
        at: shared.at(),
    });

    tokio::spawn(async move {
        let mut conns = tokio::task::JoinSet::new();
        let mut clients = tokio::task::JoinSet::new();
        let mut stop = std::pin::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut stop => break,
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let _ = stream.set_nodelay(true);
                    let shared = shared.clone();
                    conns.spawn(serve_connection(shared, stream));
                }
                command = commands_rx.recv() => match command {
                    Some(ForkCommand::Request) => {
                        let shared = shared.clone();
                        clients.spawn(async move {
                            if let Err(err) = request_self(addr, "/get-data").await {
                                shared.warn(format!("the request to {addr}/get-data failed: {err}"));
                            }
                        });
                    }
                    Some(ForkCommand::ForkChild) => {
                        let shared = shared.clone();
                        clients.spawn(async move {
                            if let Err(err) = fork_child(&shared, None).await {
                                shared.warn(format!("fork failed: {err:#}"));
                            }
                        });
                    }
                    Some(ForkCommand::Send { pid, payload }) => {
                        let writer = shared
                            .children
                            .lock()
                            .ok()
                            .and_then(|c| c.get(&pid).map(|l| l.writer.clone()));
                        match writer {
                            Some(writer) => {
                                let shared = shared.clone();
                                clients.spawn(async move {
                                    match writer.send(&payload).await {
                                        Ok(()) => shared.emit(ForkEvent::Message {
                                            pid,
                                            from: Side::Parent,
                                            payload,
                                            at: shared.at(),
                                        }),
                                        Err(err) => shared.warn(format!("cannot send to child {pid}: {err}")),
                                    }
                                });
                            }
                            None => shared.warn(format!("there is no live child {pid} to send to")),
                        }
                    }
                    Some(ForkCommand::SetAsWritten(on)) => {
                        shared.as_written.store(on, Ordering::SeqCst);
                    }
                    Some(ForkCommand::Shutdown) | None => break,
                },
                Some(_) = conns.join_next(), if !conns.is_empty() => {}
                Some(_) = clients.join_next(), if !clients.is_empty() => {}
            }
        }
        drop(listener);
        stop_all(&shared).await;
        conns.abort_all();
        while conns.join_next().await.is_some() {}
        clients.abort_all();
        while clients.join_next().await.is_some() {}
        // The last sender goes with `shared`: the views see the channel close.
    });
    Ok(Handle {
        commands,
        events,
        addr,
    })
}

/// Disconnect every child, give them [`GRACE`] to leave, kill the rest, reap them all.
async fn stop_all(shared: &Arc<Shared>) {
    shared.stopping.store(true, Ordering::SeqCst);
    let live: Vec<(Proc, Arc<ipc::Writer>)> = shared
        .children
        .lock()
        .map(|c| {
            c.values()
                .map(|l| (l.proc.clone(), l.writer.clone()))
                .collect()
        })
        .unwrap_or_default();
    for (_, writer) in &live {
        writer.disconnect();
    }
    let tasks: Vec<JoinHandle<()>> = shared
        .child_tasks
        .lock()
        .map(|mut t| std::mem::take(&mut *t))
        .unwrap_or_default();
    let mut pending = futures::future::join_all(tasks);
    if tokio::time::timeout(GRACE, &mut pending).await.is_err() {
        let left: Vec<Proc> = shared
            .children
            .lock()
            .map(|c| c.values().map(|l| l.proc.clone()).collect())
            .unwrap_or_default();
        for proc in &left {
            shared.warn(format!(
                "child {} did not leave after the disconnect: SIGKILL",
                proc.pid
            ));
            let _ = proc.kill(libc::SIGKILL);
        }
        pending.await;
    }
}

async fn serve_connection(shared: Arc<Shared>, stream: tokio::net::TcpStream) {
    let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
        let shared = shared.clone();
        async move { Ok::<_, Infallible>(handle_request(shared, req).await) }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

async fn handle_request(
    shared: Arc<Shared>,
    req: Request<hyper::body::Incoming>,
) -> Response<Full<Bytes>> {
    let started = Instant::now();
    let request = shared.requests.fetch_add(1, Ordering::SeqCst) + 1;
    let path = req.uri().path().to_string();
    shared.emit(ForkEvent::Request {
        request,
        method: req.method().to_string(),
        path: path.clone(),
        at: shared.at(),
    });
    let (status, body) = if path == "/get-data" {
        match fork_child(&shared, Some(request)).await {
            Ok((pid, answer)) => match tokio::time::timeout(ANSWER_TIMEOUT, answer).await {
                Ok(Ok(data)) => (StatusCode::OK, format!("data: {}", js_string(&data))),
                Ok(Err(_)) => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error".to_string(), // the child closed without answering: the 'close' handler
                ),
                Err(_) => {
                    shared.warn(format!(
                        "child {pid} did not answer within {} s: SIGKILL",
                        ANSWER_TIMEOUT.as_secs()
                    ));
                    let proc = shared
                        .children
                        .lock()
                        .ok()
                        .and_then(|c| c.get(&pid).map(|l| l.proc.clone()));
                    if let Some(proc) = proc {
                        let _ = proc.kill(libc::SIGKILL);
                    }
                    (
                        StatusCode::GATEWAY_TIMEOUT,
                        "error: the child did not answer in time".to_string(),
                    )
                }
            },
            Err(err) => {
                shared.warn(format!("fork failed: {err:#}"));
                (StatusCode::INTERNAL_SERVER_ERROR, "error".to_string())
            }
        }
    } else {
        (StatusCode::NOT_FOUND, "not found".to_string())
    };
    shared.emit(ForkEvent::Response {
        request,
        status: status.as_u16(),
        body: body.clone(),
        latency: started.elapsed(),
        at: shared.at(),
    });
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response
}

/// How JavaScript's `'data: ' + data` shows a message: strings bare, everything else as JSON.
fn js_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Fork one child, send it `start...`, and return the receiver of its first answer. The child's
/// task reports its messages, disconnect, exit and close, and reaps it.
async fn fork_child(
    shared: &Arc<Shared>,
    request: Option<u64>,
) -> anyhow::Result<(u32, oneshot::Receiver<Value>)> {
    if shared.stopping.load(Ordering::SeqCst) {
        anyhow::bail!("the demo is shutting down");
    }
    let as_written = shared.as_written.load(Ordering::SeqCst);
    let fork_at = shared.at();
    let env = [(
        "MINI_NODE_AS_WRITTEN",
        if as_written { "1" } else { "0" }.to_string(),
    )];
    let spawned = spawn::spawn(&shared.program, &["__fork-child"], &env)
        .await
        .map_err(|e| {
            anyhow::anyhow!("cannot start {} as a child: {e}", shared.program.display())
        })?;
    let proc = spawned.proc.clone();
    let pid = proc.pid;
    let (mut reader, writer) = ipc::channel(spawned.channel)?;
    let writer = Arc::new(writer);
    if let Ok(mut children) = shared.children.lock() {
        children.insert(
            pid,
            LiveChild {
                proc: proc.clone(),
                writer: writer.clone(),
            },
        );
    }
    shared.emit(ForkEvent::Forked {
        pid,
        request,
        at: fork_at,
    });
    shared.emit_live();

    let (answer_tx, answer_rx) = oneshot::channel();
    let task_shared = shared.clone();
    let task = tokio::spawn(async move {
        let shared = task_shared;
        let mut answer_tx = Some(answer_tx);
        let mut answered = false;
        while let Some(incoming) = reader.next().await {
            match incoming {
                Incoming::Message { value, .. } => {
                    shared.emit(ForkEvent::Message {
                        pid,
                        from: Side::Child,
                        payload: value.clone(),
                        at: shared.at(),
                    });
                    if let Some(tx) = answer_tx.take() {
                        answered = tx.send(value).is_ok();
                    }
                }
                Incoming::Malformed { reason } => {
                    shared.warn(format!("child {pid}: {reason}"));
                }
            }
        }
        shared.emit(ForkEvent::Disconnect {
            pid,
            at: shared.at(),
        });
        let status = proc.wait().await;
        if let Ok(mut children) = shared.children.lock() {
            children.remove(&pid);
        }
        shared.emit(ForkEvent::Exit {
            pid,
            status,
            at: shared.at(),
        });
        shared.emit(ForkEvent::Close {
            pid,
            at: shared.at(),
        });
        if as_written && answered {
            shared.warn(format!(
                "child {pid} 'close': the notes' handler runs childProcess.kill() on a dead child and \
                 res.end('error') on request {}'s response, which already ended with the data \
                 (ERR_STREAM_WRITE_AFTER_END, ignored): the fixed version answers once and the child exits itself",
                request.map(|r| r.to_string()).unwrap_or_else(|| "-".into())
            ));
        }
        shared.emit_live();
    });
    if let Ok(mut tasks) = shared.child_tasks.lock() {
        tasks.retain(|t| !t.is_finished());
        tasks.push(task);
    }
    let start = json!(START);
    if let Err(err) = writer.send(&start).await {
        shared.warn(format!("cannot send to child {pid}: {err}"));
    } else {
        shared.emit(ForkEvent::Message {
            pid,
            from: Side::Parent,
            payload: start,
            at: shared.at(),
        });
    }
    Ok((pid, answer_rx))
}

/// `GET path` on the demo's own server, on a fresh connection.
async fn request_self(addr: SocketAddr, path: &str) -> anyhow::Result<(u16, String)> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let req = Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::<Bytes>::new())?;
    let res = sender.send_request(req).await?;
    let status = res.status().as_u16();
    let body = res.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// The hidden `__fork-child` entry point: the notes' `child.js`. No async runtime: read a message
/// from fd 3, answer `sum()`, exit (or, as written, keep answering until the channel closes).
pub fn child_main() -> anyhow::Result<()> {
    use std::io::{BufRead, Write};
    spawn::die_with_parent();
    let Some(channel) = ipc::child_end_blocking() else {
        anyhow::bail!("`__fork-child` is started by `mini-node demo fork`, not by hand");
    };
    let as_written = std::env::var("MINI_NODE_AS_WRITTEN").is_ok_and(|v| v == "1");
    let mut writer = channel.try_clone()?;
    let reader = std::io::BufReader::new(channel);
    for line in reader.split(b'\n') {
        let Ok(line) = line else { break };
        if serde_json::from_slice::<Value>(&line).is_err() {
            continue; // malformed: dropped, as the parent does
        }
        // process.on('message', () => process.send(sum()))
        let mut answer = serde_json::to_vec(&json!(sum()))?;
        answer.push(b'\n');
        if writer.write_all(&answer).is_err() {
            break;
        }
        if !as_written {
            // The fix: the child leaves once it has answered.
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_sum() {
        assert_eq!(sum(), 49_995_000);
    }

    #[test]
    fn data_is_shown_as_javascript_concatenates_it() {
        assert_eq!(js_string(&json!(49995000)), "49995000");
        assert_eq!(js_string(&json!("x")), "x");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_port_in_use_names_the_port_and_the_flag() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let cfg = ForkConfig {
            port,
            ..ForkConfig::default()
        };
        let err = start(cfg, std::future::pending())
            .await
            .err()
            .expect("must fail")
            .to_string();
        assert!(
            err.contains(&port.to_string()) && err.contains("--port"),
            "{err}"
        );
    }
}
