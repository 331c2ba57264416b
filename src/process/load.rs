//! The cluster's built-in load generator: `connections` keep-alive HTTP/1 clients (hyper) sending
//! `GET /` in a loop to the cluster's port, counting answers and errors. Each client closes its
//! connection and opens a new one after [`REQUESTS_PER_CONNECTION`] answers, and at once after an
//! error (its worker was killed): under `rr` the primary deals every new connection to the next
//! worker, so connections keep being spread over all workers, a replacement included (a
//! keep-alive connection would otherwise stay on its first worker for ever). Every request is
//! counted once: `requests` are answers received, `errors` failed requests or connects. It reports through a callback every 500 ms (and the
//! owner reads the final totals from the shared counters when it stops it); the
//! per-worker spread comes from the workers' own counts (`Served`).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper_util::rt::TokioIo;

/// How many requests a client sends on one connection before it opens a new one.
pub const REQUESTS_PER_CONNECTION: u32 = 50;

/// Totals so far.
#[derive(Default)]
pub struct LoadCounters {
    pub requests: AtomicU64,
    pub errors: AtomicU64,
}

/// Run `connections` clients against `addr` until the task is aborted, counting into `counters`;
/// call `report(requests, errors, per_second)` every 500 ms.
pub async fn run(
    addr: SocketAddr,
    connections: usize,
    counters: Arc<LoadCounters>,
    mut report: impl FnMut(u64, u64, f64) + Send + 'static,
) {
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..connections.max(1) {
        clients.spawn(client(addr, counters.clone()));
    }
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    tick.tick().await;
    let mut last = (Instant::now(), 0u64);
    loop {
        tick.tick().await;
        let requests = counters.requests.load(Ordering::Relaxed);
        let errors = counters.errors.load(Ordering::Relaxed);
        let elapsed = last.0.elapsed().as_secs_f64().max(1e-3);
        report(requests, errors, (requests - last.1) as f64 / elapsed);
        last = (Instant::now(), requests);
    }
}

async fn client(addr: SocketAddr, counters: Arc<LoadCounters>) {
    loop {
        let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
            counters.errors.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, conn)) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
        else {
            counters.errors.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        let conn = tokio::spawn(conn);
        for _ in 0..REQUESTS_PER_CONNECTION {
            let req = Request::get("/")
                .header(hyper::header::HOST, addr.to_string())
                .body(Empty::<Bytes>::new())
                .expect("a valid request");
            let ok = match sender.send_request(req).await {
                Ok(res) => res.into_body().collect().await.is_ok(),
                Err(_) => false,
            };
            if ok {
                counters.requests.fetch_add(1, Ordering::Relaxed);
            } else {
                counters.errors.fetch_add(1, Ordering::Relaxed);
                break;
            }
        }
        conn.abort();
    }
}
