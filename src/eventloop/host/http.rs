//! The native half of lib/http.js: HTTP/1.1 parsed and written by hyper, on the loop's I/O
//! runtime: the server side here (each accepted connection), the client side in `http/client.rs`.
//!
//! HOW: `mn.httpServe(id, fd)` serves connection `fd` with hyper's http1 server (keep-alive;
//! an idle connection closes after node's keepAliveTimeout, 5 s). Each request is ONE
//! completion, `onrequest([method, url, minor version, has body, name, value, ...])` (names
//! lowercased by hyper); a body follows as `onbody(Buffer)`s and `onbodyend`. The JavaScript
//! answers through `mn.httpRespond(id, status, reason, headers, chunk, end)` (then
//! `mn.httpBody(id, chunk, end)` for a streamed body), put in the connection's mailbox where
//! the waiting request takes it. Headers are a flat `[name, value, ...]` in order (a `Date`
//! without a value gets the current date, cached for the second), or the number of keep-alive
//! seconds for node's default head ([`default_head`]). Names are written title-cased
//! (`Content-Type`), the case node's defaults use. When hyper ends the connection (the client
//! closed, a malformed request answered with 400) it posts `onhangup(reason)`; closing the
//! handle ends the connection once what was answered is written.
//!
//! It never runs JavaScript and decides nothing about node's semantics (which headers,
//! keep-alive or not): lib/http.js does.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io;
use std::mem::ManuallyDrop;
use std::os::fd::{AsRawFd, RawFd};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::task::{ready, Context, Poll};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use futures::task::AtomicWaker;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Request, Response, StatusCode, Version};
use hyper_util::rt::TokioIo;
use rquickjs::{Array, Ctx, IntoJs, Value};
use tokio::net::TcpStream;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::sync::Notify;

use super::super::io::{Arg, FdSource, Io, Post};
use super::native::{native, Host};
use super::tcp::{chunk_bytes, errno_of, error_arg, stream_from_fd};

mod client;
pub use client::http_request;

/// node's `server.keepAliveTimeout`: an idle keep-alive connection is closed after it.
const KEEP_ALIVE: Duration = Duration::from_secs(5);
/// How often a connection looks whether it has been idle that long.
const IDLE_LOOK: Duration = Duration::from_secs(1);

/// What the JavaScript sends a waiting request (server) or a request's body (client).
pub(super) enum Out {
    Head(Box<Response<()>>, Bytes, bool),
    Chunk(Bytes),
    End(Bytes),
}

/// A served connection handle's Rust half.
pub(super) struct Conn {
    mailbox: Arc<Mailbox>,
    stop: Arc<Notify>,
}

/// A served connection's responses, in order: the JavaScript puts them, hyper's task takes
/// them (a response's head, then its body's chunks).
#[derive(Default)]
pub(super) struct Mailbox {
    queue: Mutex<VecDeque<Out>>,
    waker: AtomicWaker,
    /// The handle closed: nothing more will come.
    closed: AtomicBool,
}

impl Mailbox {
    /// From the loop's thread: the connection's task runs when the loop next drives its
    /// runtime.
    fn put(&self, io: &Io, out: Out) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(out);
        if let Some(w) = self.waker.take() {
            io.wake_later(w);
        }
    }

    fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.waker.wake();
    }

    fn take(&self) -> Option<Out> {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
    }

    /// The next message; `None` once the handle closed and the queue is empty.
    fn poll_recv(&self, cx: &mut Context<'_>) -> Poll<Option<Out>> {
        if let Some(out) = self.take() {
            return Poll::Ready(Some(out));
        }
        self.waker.register(cx.waker());
        // (again: a message may have come between the look and the registration)
        if let Some(out) = self.take() {
            return Poll::Ready(Some(out));
        }
        if self.closed.load(Ordering::Acquire) {
            return Poll::Ready(None);
        }
        Poll::Pending
    }
}

/// A served connection's stream, owned by hyper's task (tokio's own reads and writes, which
/// skip the read that would only say "nothing more"), whose fd the handle may still use: it is
/// closed under `gate`'s write lock, which sets the gate to "closed" first.
struct GatedStream {
    inner: ManuallyDrop<TcpStream>,
    gate: Arc<RwLock<bool>>,
}

impl Drop for GatedStream {
    fn drop(&mut self) {
        let mut closed = self.gate.write().unwrap_or_else(|e| e.into_inner());
        *closed = true;
        // SAFETY: dropped once, here, and never used again.
        unsafe { ManuallyDrop::drop(&mut self.inner) };
    }
}

impl tokio::io::AsyncRead for GatedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.inner).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for GatedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut *self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut *self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.inner).poll_shutdown(cx)
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        // closing the handle ends the connection (node's socket.destroy()), once what was
        // already answered is written
        self.mailbox.close();
        self.stop.notify_one();
    }
}

/// An HTTP connection's fd as lent to other modules (net's `tcpDupFd`, addresses): open while
/// its gate says so.
struct ConnFd {
    fd: RawFd,
    gate: Arc<RwLock<bool>>,
}

impl FdSource for ConnFd {
    fn with_fd(&self, f: &mut dyn FnMut(RawFd)) {
        let closed = self.gate.read().unwrap_or_else(|e| e.into_inner());
        if !*closed {
            f(self.fd);
        }
    }
}

// ---------------------------------------------------------------- bodies

/// Where a streamed body's next chunks come from.
pub(super) enum Rx {
    /// A served response's: the connection's mailbox.
    Shared(Arc<Mailbox>),
    /// A client request's own channel.
    Owned(UnboundedReceiver<Out>),
}

/// A body given whole (`first` only) or in chunks as the JavaScript writes them.
pub(super) struct Chunks {
    pub(super) first: Option<Bytes>,
    pub(super) rest: Option<Rx>,
    /// A served response counts as being answered while its body lives.
    pub(super) _answering: Option<Answering>,
}

impl Body for Chunks {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = &mut *self;
        if let Some(b) = this.first.take() {
            if !b.is_empty() {
                return Poll::Ready(Some(Ok(Frame::data(b))));
            }
        }
        loop {
            let next = match this.rest.as_mut() {
                None => return Poll::Ready(None),
                Some(Rx::Shared(mailbox)) => ready!(mailbox.poll_recv(cx)),
                Some(Rx::Owned(rx)) => ready!(rx.poll_recv(cx)),
            };
            match next {
                Some(Out::Chunk(b)) if b.is_empty() => continue,
                Some(Out::Chunk(b)) => return Poll::Ready(Some(Ok(Frame::data(b)))),
                Some(Out::End(b)) => {
                    this.rest = None;
                    return Poll::Ready((!b.is_empty()).then(|| Ok(Frame::data(b))));
                }
                Some(Out::Head(..)) | None => {
                    this.rest = None;
                    return Poll::Ready(Some(Err(io::Error::other("the body was abandoned"))));
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.rest.is_none() && self.first.as_ref().is_none_or(Bytes::is_empty)
    }

    fn size_hint(&self) -> SizeHint {
        match self.rest {
            None => SizeHint::with_exact(self.first.as_ref().map_or(0, |b| b.len() as u64)),
            Some(_) => SizeHint::default(),
        }
    }
}

// ---------------------------------------------------------------- headers

/// The current date as HTTP writes it, formatted once a second.
fn http_date() -> HeaderValue {
    thread_local! {
        static CACHE: RefCell<(u64, Option<HeaderValue>)> = const { RefCell::new((0, None)) };
    }
    let now = SystemTime::now();
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 != secs || c.1.is_none() {
            let text = httpdate::fmt_http_date(now);
            *c = (secs, HeaderValue::from_str(&text).ok());
        }
        c.1.clone().unwrap_or(HeaderValue::from_static(""))
    })
}

/// Headers from the JavaScript's flat `[name, value, ...]`, in order; a `Date` without a value
/// gets the current date. Values are latin1 (as node's), names checked by the JavaScript.
pub(super) fn header_map(arr: Option<Array<'_>>) -> HeaderMap {
    let mut map = HeaderMap::new();
    let Some(arr) = arr else { return map };
    let n = arr.len();
    let mut i = 0;
    while i + 1 < n {
        let name: Option<String> = arr.get(i).ok();
        let value: Value = arr
            .get(i + 1)
            .unwrap_or_else(|_| Value::new_undefined(arr.ctx().clone()));
        i += 2;
        let Some(name) = name else { continue };
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            continue;
        };
        let value = if value.is_undefined() && name == hyper::header::DATE {
            http_date()
        } else {
            let text = value
                .as_string()
                .and_then(|s| s.to_string().ok())
                .unwrap_or_default();
            let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
            match HeaderValue::from_bytes(&bytes) {
                Ok(v) => v,
                Err(_) => continue,
            }
        };
        map.append(name, value);
    }
    map
}

/// node's head for a whole body with nothing set (lib/http.js sends it as the number of
/// keep-alive seconds, `HTTP_DEFAULT_HEAD`): Date, Connection: keep-alive, Keep-Alive:
/// timeout=N, Content-Length.
fn default_head(keep_alive_secs: u32, body_len: usize) -> HeaderMap {
    let mut map = HeaderMap::with_capacity(4);
    map.append(hyper::header::DATE, http_date());
    map.append(
        hyper::header::CONNECTION,
        HeaderValue::from_static("keep-alive"),
    );
    let timeout = if keep_alive_secs == 5 {
        HeaderValue::from_static("timeout=5")
    } else {
        HeaderValue::from_str(&format!("timeout={keep_alive_secs}"))
            .unwrap_or(HeaderValue::from_static("timeout=5"))
    };
    map.append(HeaderName::from_static("keep-alive"), timeout);
    map.append(hyper::header::CONTENT_LENGTH, HeaderValue::from(body_len));
    map
}

/// A header value as node reads it (latin1).
pub(super) fn latin1(v: &[u8]) -> String {
    v.iter().map(|&b| b as char).collect()
}

/// `[...fixed, name, value, ...]` as a JavaScript array.
pub(super) fn head_array<'js>(
    ctx: &Ctx<'js>,
    fixed: Vec<Value<'js>>,
    headers: &HeaderMap,
) -> rquickjs::Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    let mut i = 0;
    for v in fixed {
        a.set(i, v)?;
        i += 1;
    }
    for (name, value) in headers {
        a.set(i, name.as_str())?;
        a.set(i + 1, latin1(value.as_bytes()))?;
        i += 2;
    }
    Ok(a.into_value())
}

pub(super) fn minor(v: Version) -> f64 {
    if v == Version::HTTP_10 {
        0.0
    } else {
        1.0
    }
}

/// node's llhttp code for a request hyper could not parse.
fn parse_code(e: &hyper::Error) -> &'static str {
    let text = e.to_string();
    if text.contains("method") {
        "HPE_INVALID_METHOD"
    } else if text.contains("version") {
        "HPE_INVALID_VERSION"
    } else if text.contains("URI") || text.contains("uri") {
        "HPE_INVALID_URL"
    } else if text.contains("too large") {
        "HPE_HEADER_OVERFLOW"
    } else {
        "HPE_INVALID_HEADER_TOKEN"
    }
}

// ---------------------------------------------------------------- server

/// Read a request's body for connection `id`: `onbody(Buffer)`s, then `onbodyend`.
async fn read_body(mut body: Incoming, id: u64, post: Post) {
    use http_body_util::BodyExt;
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(f) => {
                if let Ok(data) = f.into_data() {
                    if !data.is_empty() && !post.send(id, "onbody", Arg::Bytes(data.to_vec())) {
                        return;
                    }
                }
            }
            Err(_) => return,
        }
    }
    post.send(id, "onbodyend", Arg::None);
}

/// `mn.httpServe(id, fd)`: serve connection `fd` as HTTP connection handle `id`. `undefined`, or
/// `[errno, code, syscall, description]`.
pub fn http_serve<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |ctx: Ctx<'js>, id: f64, fd: f64| {
        let id = id as u64;
        let mut sched = s.borrow_mut();
        let rt = match sched.io.local() {
            Ok(rt) => rt,
            Err(e) => return net_error(&ctx, &e),
        };
        let stream = {
            let _entered = rt.enter();
            stream_from_fd(fd as i32)
        };
        let stream = match stream {
            Ok(s) => {
                // as node's HTTP server sockets (noDelay: true)
                let _ = s.set_nodelay(true);
                s
            }
            Err(e) => return net_error(&ctx, &e),
        };
        let fd = stream.as_raw_fd();
        let gate = Arc::new(RwLock::new(false));
        let stream = GatedStream {
            inner: ManuallyDrop::new(stream),
            gate: gate.clone(),
        };
        let mailbox = Arc::new(Mailbox::default());
        let stop = Arc::new(Notify::new());
        let post = sched.io.post();
        let task = serve(stream, id, post, mailbox.clone(), stop.clone());
        if let Err(e) = sched.io.spawn_local(task) {
            return net_error(&ctx, &e);
        }
        sched.io.set_fd_source(id, Arc::new(ConnFd { fd, gate }));
        sched.io.attach(id, Box::new(Conn { mailbox, stop }));
        Ok(Value::new_undefined(ctx))
    })
}

fn net_error<'js>(ctx: &Ctx<'js>, e: &io::Error) -> rquickjs::Result<Value<'js>> {
    match error_arg(errno_of(e), "open", None) {
        Arg::Make(make) => make(ctx),
        _ => Ok(Value::new_undefined(ctx.clone())),
    }
}

/// How busy a served connection is, for its keep-alive watch: requests begun, and whether one
/// is still being answered.
#[derive(Default)]
struct Activity {
    begun: AtomicU64,
    answering: AtomicUsize,
}

/// Counts a response as being answered until it is dropped (written, or abandoned).
pub(super) struct Answering(Arc<Activity>);

impl Answering {
    fn new(activity: &Arc<Activity>) -> Answering {
        activity.begun.fetch_add(1, Ordering::Relaxed);
        activity.answering.fetch_add(1, Ordering::Relaxed);
        Answering(activity.clone())
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.answering.fetch_sub(1, Ordering::Relaxed);
    }
}

async fn serve(stream: GatedStream, id: u64, post: Post, mailbox: Arc<Mailbox>, stop: Arc<Notify>) {
    let p = post.clone();
    let activity = Arc::new(Activity::default());
    let a = activity.clone();
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let post = p.clone();
        let mailbox = mailbox.clone();
        let answering = Answering::new(&a);
        async move {
            let (parts, body) = req.into_parts();
            let has_body = !body.is_end_stream();
            post.send(
                id,
                "onrequest",
                Arg::Make(Box::new(move |ctx| {
                    let fixed = vec![
                        parts.method.as_str().into_js(ctx)?,
                        // the request target as sent: a path (and query), or an absolute URL
                        match (parts.uri.scheme(), parts.uri.path_and_query()) {
                            (None, Some(p)) => p.as_str().into_js(ctx)?,
                            _ => parts.uri.to_string().into_js(ctx)?,
                        },
                        minor(parts.version).into_js(ctx)?,
                        has_body.into_js(ctx)?,
                    ];
                    head_array(ctx, fixed, &parts.headers)
                })),
            );
            if has_body {
                tokio::spawn(read_body(body, id, post));
            }
            match std::future::poll_fn(|cx| mailbox.poll_recv(cx)).await {
                Some(Out::Head(head, first, end)) => {
                    let rest = (!end).then_some(Rx::Shared(mailbox));
                    let body = Chunks {
                        first: Some(first),
                        rest,
                        _answering: Some(answering),
                    };
                    let (parts, ()) = head.into_parts();
                    Ok(Response::from_parts(parts, body))
                }
                _ => Err(io::Error::other("the request was abandoned")),
            }
        }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .title_case_headers(true)
        .auto_date_header(false)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    // node's keepAliveTimeout: a connection idle that long is closed. Looked at once a second
    // (a timer set per request would cost the loop a wake-up per request).
    let mut watch = tokio::time::interval_at(tokio::time::Instant::now() + IDLE_LOOK, IDLE_LOOK);
    watch.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let (mut seen, mut idle) = (0, Duration::ZERO);
    let r = loop {
        tokio::select! {
            biased;
            _ = stop.notified() => {
                // the handle closed: what was answered is written, then the connection closes
                conn.as_mut().graceful_shutdown();
                let _ = conn.await;
                return;
            }
            r = conn.as_mut() => break r,
            _ = watch.tick() => {
                let begun = activity.begun.load(Ordering::Relaxed);
                if begun != seen || activity.answering.load(Ordering::Relaxed) > 0 {
                    (seen, idle) = (begun, Duration::ZERO);
                } else {
                    idle += IDLE_LOOK;
                    if idle >= KEEP_ALIVE {
                        conn.as_mut().graceful_shutdown();
                    }
                }
            }
        }
    };
    let why = match r {
        Ok(()) => Arg::None,
        Err(e) if e.is_parse() || e.is_parse_status() => Arg::Str(parse_code(&e).to_string()),
        Err(e) if e.is_timeout() => Arg::Str("timeout".into()),
        Err(_) => Arg::Str("ECONNRESET".into()),
    };
    post.send(id, "onhangup", why);
}

/// `mn.httpRespond(id, status, reason, headers, chunk, end)`: the response head for connection
/// `id`'s waiting request, with its body's first chunk (a string or Buffer), whole if `end`.
pub fn http_respond<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |id: f64,
              status: f64,
              reason: Option<String>,
              headers: Value<'js>,
              chunk: Value<'js>,
              end: bool| {
            let mut res = Response::new(());
            *res.status_mut() = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
            if let Some(reason) = reason {
                if Some(reason.as_str()) != res.status().canonical_reason() {
                    if let Ok(r) = hyper::ext::ReasonPhrase::try_from(reason.into_bytes()) {
                        res.extensions_mut().insert(r);
                    }
                }
            }
            let first = Bytes::from(chunk_bytes(&chunk));
            *res.headers_mut() = match headers.as_number() {
                Some(secs) => default_head(secs as u32, first.len()),
                None => header_map(headers.into_array()),
            };
            let mut sched = s.borrow_mut();
            if let Some(c) = sched.io.native::<Conn>(id as u64) {
                let mailbox = c.mailbox.clone();
                mailbox.put(&sched.io, Out::Head(Box::new(res), first, end));
            }
        },
    )
}

/// `mn.httpBody(id, chunk, end)`: more of connection `id`'s response body, or of client request
/// `id`'s body (the last if `end`).
pub fn http_body<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, chunk: Value<'js>, end: bool| {
        let bytes = Bytes::from(chunk_bytes(&chunk));
        let mut sched = s.borrow_mut();
        if let Some(c) = sched.io.native::<Conn>(id as u64) {
            let mailbox = c.mailbox.clone();
            let out = if end {
                Out::End(bytes)
            } else {
                Out::Chunk(bytes)
            };
            mailbox.put(&sched.io, out);
        } else {
            client::request_body(&mut sched.io, id as u64, bytes, end);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_http_s_format() {
        let d = http_date();
        let text = d.to_str().expect("ascii");
        assert!(text.ends_with(" GMT"), "{text}");
        assert_eq!(text.len(), 29, "{text}");
    }

    #[test]
    fn header_values_are_latin1() {
        assert_eq!(latin1(&[0x68, 0xe9]), "hé");
    }
}
