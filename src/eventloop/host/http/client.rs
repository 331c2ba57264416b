//! The client half of lib/http.js's native side: `mn.httpRequest` sends a request with hyper's
//! http1 client, on an idle keep-alive connection the JavaScript agent names or on a new one,
//! and posts the response (`onresponse`, `ondata`, `onend`) or the failure (`onerror`) to the
//! request's handle; a streamed request body comes through `mn.httpBody`.
//!
//! It decides nothing about node's semantics (which headers, when a connection is free again):
//! lib/http_client.js does.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::Request;
use hyper_util::rt::TokioIo;
use rquickjs::{Array, Ctx, IntoJs, Value};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tokio::sync::Notify;

use super::super::super::io::{Arg, Io, Post};
use super::super::native::{native, Host};
use super::super::tcp::{chunk_bytes, connect_to, error_arg};
use super::{head_array, header_map, latin1, minor, Chunks, Out, Rx};

/// The client's idle keep-alive connections, by the number the JavaScript agent knows them by.
#[derive(Default)]
struct Clients {
    next: u64,
    idle: Arc<Mutex<HashMap<u64, SendRequest<Chunks>>>>,
}

/// A client request handle's Rust half: the body's channel while it is streamed.
struct ClientReq {
    tx: Option<UnboundedSender<Out>>,
    stop: Arc<Notify>,
}

impl Drop for ClientReq {
    fn drop(&mut self) {
        // req.destroy() / abort: the response stops coming
        self.stop.notify_one();
    }
}

/// `mn.httpRequest(id, conn, [host, port, method, path], headers, chunk, end)`: send a request
/// for handle `id` on idle connection `conn` (0: a new one); the number of the connection it
/// uses.
pub fn http_request<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |id: f64,
              conn: f64,
              target: Array<'js>,
              headers: Option<Array<'js>>,
              chunk: Value<'js>,
              end: bool| {
            let id = id as u64;
            let host: String = target.get(0).unwrap_or_default();
            let port: f64 = target.get(1).unwrap_or_default();
            let method: String = target.get(2).unwrap_or_default();
            let path: String = target.get(3).unwrap_or_default();
            let mut req = Request::new(());
            *req.method_mut() = method.parse().unwrap_or(hyper::Method::GET);
            *req.uri_mut() = path
                .parse()
                .unwrap_or_else(|_| hyper::Uri::from_static("/"));
            *req.headers_mut() = header_map(headers);
            let first = Bytes::from(chunk_bytes(&chunk));
            let (tx, rest) = if end {
                (None, None)
            } else {
                let (tx, rx) = unbounded_channel();
                (Some(tx), Some(Rx::Owned(rx)))
            };
            let (parts, ()) = req.into_parts();
            let req = Request::from_parts(
                parts,
                Chunks {
                    first: Some(first),
                    rest,
                    _answering: None,
                },
            );
            let mut sched = s.borrow_mut();
            let Ok(rt) = sched.io.runtime() else {
                return 0.0;
            };
            let post = sched.io.post();
            let clients = sched.io.module::<Clients>();
            let idle = clients.idle.clone();
            let reused = (conn > 0.0)
                .then(|| idle.lock().ok()?.remove(&(conn as u64)))
                .flatten()
                .filter(|s| !s.is_closed());
            let conn = if reused.is_some() {
                conn as u64
            } else {
                clients.next += 1;
                clients.next
            };
            let stop = Arc::new(Notify::new());
            let st = stop.clone();
            rt.spawn(async move {
                tokio::select! {
                    biased;
                    _ = st.notified() => {}
                    _ = client_request(id, conn, reused, host, port as u16, req, post, idle) => {}
                }
            });
            sched.io.attach(id, Box::new(ClientReq { tx, stop }));
            conn as f64
        },
    )
}

#[allow(clippy::too_many_arguments)]
async fn client_request(
    id: u64,
    conn: u64,
    reused: Option<SendRequest<Chunks>>,
    host: String,
    port: u16,
    req: Request<Chunks>,
    post: Post,
    idle: Arc<Mutex<HashMap<u64, SendRequest<Chunks>>>>,
) {
    use http_body_util::BodyExt;
    let mut sender = match reused {
        Some(s) => s,
        None => match open_connection(&host, port).await {
            Ok(s) => s,
            Err((errno, at)) => {
                post.send(id, "onerror", error_arg(errno, "connect", at));
                return;
            }
        },
    };
    if sender.ready().await.is_err() {
        post.send(id, "onerror", hang_up());
        return;
    }
    let res = match sender.send_request(req).await {
        Ok(r) => r,
        Err(_) => {
            post.send(id, "onerror", hang_up());
            return;
        }
    };
    let (parts, mut body) = res.into_parts();
    let keep = !parts
        .headers
        .get(hyper::header::CONNECTION)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"close"));
    post.send(
        id,
        "onresponse",
        Arg::Make(Box::new(move |ctx| {
            let reason = parts
                .extensions
                .get::<hyper::ext::ReasonPhrase>()
                .map(|r| latin1(r.as_bytes()))
                .or_else(|| parts.status.canonical_reason().map(str::to_string))
                .unwrap_or_default();
            let fixed = vec![
                f64::from(parts.status.as_u16()).into_js(ctx)?,
                reason.into_js(ctx)?,
                minor(parts.version).into_js(ctx)?,
                (conn as f64).into_js(ctx)?,
            ];
            head_array(ctx, fixed, &parts.headers)
        })),
    );
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(f) => {
                if let Ok(data) = f.into_data() {
                    if !data.is_empty() && !post.send(id, "ondata", Arg::Bytes(data.to_vec())) {
                        return;
                    }
                }
            }
            Err(_) => {
                post.send(id, "onerror", hang_up());
                return;
            }
        }
    }
    if keep {
        if let Ok(mut idle) = idle.lock() {
            idle.insert(conn, sender);
        }
    }
    post.send(id, "onend", Arg::None);
}

/// node's "socket hang up" (the connection ended before a whole response).
fn hang_up() -> Arg {
    error_arg(libc::ECONNRESET, "hangup", None)
}

/// A new client connection to `host:port`, its driver spawned.
async fn open_connection(
    host: &str,
    port: u16,
) -> Result<SendRequest<Chunks>, (i32, Option<std::net::SocketAddr>)> {
    let stream = connect_to(host, port).await?;
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(stream);
    let (sender, conn) = hyper::client::conn::http1::Builder::new()
        .title_case_headers(true)
        .handshake(io)
        .await
        .map_err(|_| (libc::ECONNRESET, None))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

/// More of client request `id`'s streamed body (the last if `end`); nothing if `id` is none.
pub(super) fn request_body(io: &mut Io, id: u64, bytes: Bytes, end: bool) {
    if let Some(r) = io.native::<ClientReq>(id) {
        if let Some(tx) = &r.tx {
            let _ = tx.send(if end {
                Out::End(bytes)
            } else {
                Out::Chunk(bytes)
            });
        }
        if end {
            r.tx = None;
        }
    }
}
