//! The native half of lib/net.js: TCP listeners and sockets served by the loop's I/O runtime
//! (`Io::runtime`), their completions posted back for the poll phase.
//!
//! HOW: a listener accepts in a task of the background runtime (`Io::runtime`, so that closing
//! it can wait for its fd to be closed) and posts each accepted connection as a raw fd
//! (`onconnection(fd)`); the JavaScript decides what it becomes (a net.Socket through
//! `mn.tcpAdopt`, an HTTP connection through `mn.httpServe`, or an fd handed to another process).
//! A socket is one task on the loop-thread runtime (`Io::spawn_local`: it reads and writes when
//! the loop polls, as libuv's sockets) that reads (`ondata(Buffer)`, `onend`,
//! `onerror([errno, code, syscall])`) and writes what `mn.tcpWrite` / `mn.tcpShutdown` queue, in
//! order (`onshutdown` once the writing side is shut). Each handle's Rust half ([`Listener`], [`Socket`]) lives in the
//! handle table (`Io::attach`) and is dropped when the JavaScript closes the handle: a listener
//! stops listening at once; a socket stops reading, flushes what was queued, and closes.
//! Failures come back as libuv's `[errno, code, syscall, description]` (errno negative, as node's).
//!
//! It never runs JavaScript and never decides when a callback runs; `node.rs`'s poll phase does.

use std::io;
use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, ToSocketAddrs};
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::sync::{Arc, OnceLock};

use rquickjs::{Array, Ctx, IntoJs, Value};
use socket2::{Domain, SockRef, Socket as RawSocket, Type};
use tokio::io::Interest;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Notify;

use super::super::io::{Arg, Io, Post};
use super::native::{native, Host};
use super::tcp::{chunk_bytes, connect_to, errno_of, error_arg, error_array, stream_from_fd};

/// A listening handle's Rust half: how to stop its accept task, which owns the listener.
struct Listener {
    /// The listening fd, open while this lives (the task closes it only once stopped).
    fd: RawFd,
    stop: Arc<Notify>,
    /// Disconnected once the task has ended and closed the listener.
    ended: std::sync::mpsc::Receiver<()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        // As node's close: the fd is closed when this returns (a connect that follows is
        // refused, and a process sharing the socket keeps listening on its own fd).
        self.stop.notify_one();
        let _ = self.ended.recv_timeout(std::time::Duration::from_secs(1));
    }
}

/// What a socket's writing side is asked to do, in order.
enum WriteCmd {
    Data(Vec<u8>),
    /// Shut the writing side (FIN) once everything before it is written.
    Shutdown,
}

/// A connected (or connecting) socket handle's Rust half.
pub(super) struct Socket {
    /// The stream, once connected: shared with its task, so its fd stays valid while the
    /// handle is open.
    stream: Arc<OnceLock<Arc<TcpStream>>>,
    tx: UnboundedSender<WriteCmd>,
    stop: Arc<Notify>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        // The reader stops; the writer finishes what was queued (its channel is closed now).
        self.stop.notify_one();
    }
}

// ---------------------------------------------------------------- listening

/// Where `host` (empty: every interface) and `port` resolve to, first choice first.
fn listen_addrs(host: &str, port: u16) -> io::Result<Vec<SocketAddr>> {
    if host.is_empty() {
        return Ok(vec![
            SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), port),
            SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port),
        ]);
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let first = (host, port).to_socket_addrs()?.next();
    first
        .map(|a| vec![a])
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EADDRNOTAVAIL))
}

/// A listening socket on `host` (empty: every interface) and `port`, not yet accepted on (the
/// cluster's shared handle sends it to its workers as it is).
pub(super) fn bind(host: &str, port: u16, backlog: i32) -> io::Result<std::net::TcpListener> {
    let addrs = listen_addrs(host, port)?;
    let mut last = io::Error::from_raw_os_error(libc::EADDRNOTAVAIL);
    for (i, addr) in addrs.iter().enumerate() {
        match bind_listener(*addr, backlog) {
            Ok(l) => return Ok(l),
            // no IPv6 here: every interface means IPv4's
            Err(e) if i == 0 && errno_of(&e) == libc::EAFNOSUPPORT => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// A listening socket at `addr` (reuse-address set, as libuv's; `::` takes IPv4 too).
fn bind_listener(addr: SocketAddr, backlog: i32) -> io::Result<std::net::TcpListener> {
    let socket = RawSocket::new(Domain::for_address(addr), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    if addr.is_ipv6() && addr.ip().is_unspecified() {
        socket.set_only_v6(false)?;
    }
    socket.bind(&addr.into())?;
    socket.listen(backlog)?;
    socket.set_nonblocking(true)?;
    socket.set_cloexec(true)?;
    Ok(socket.into())
}

/// Accept on `listener` for handle `id` until the handle closes: each connection posted as its fd.
fn spawn_accept(
    rt: &tokio::runtime::Handle,
    std: std::net::TcpListener,
    id: u64,
    post: Post,
) -> io::Result<Listener> {
    let _entered = rt.enter();
    let listener = TcpListener::from_std(std)?;
    let fd = listener.as_raw_fd();
    let stop = Arc::new(Notify::new());
    let (done, ended) = std::sync::mpsc::channel::<()>();
    let s = stop.clone();
    rt.spawn(async move {
        // (dropped in reverse order: the listener first, then `done` says so)
        let done = done;
        let listener = listener;
        loop {
            tokio::select! {
                biased;
                _ = s.notified() => break,
                r = listener.accept() => match r {
                    Ok((stream, _)) => {
                        let Ok(std) = stream.into_std() else { continue };
                        let fd = std::os::fd::IntoRawFd::into_raw_fd(std);
                        if !post.send(id, "onconnection", OwnedArgFd(fd).into_arg()) {
                            break;
                        }
                    }
                    Err(e) => match errno_of(&e) {
                        // not listening any more: wait to be stopped
                        libc::EINVAL | libc::EBADF => {
                            s.notified().await;
                            break;
                        }
                        // out of fds and the like: as libuv, try again a little later
                        _ => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
                    },
                },
            }
        }
        drop(listener);
        drop(done);
    });
    Ok(Listener { fd, stop, ended })
}

/// An fd travelling to JavaScript as a number: closed if the completion is dropped unread.
struct OwnedArgFd(RawFd);

impl OwnedArgFd {
    fn into_arg(self) -> Arg {
        Arg::Make(Box::new(move |ctx| {
            let fd = self.0;
            std::mem::forget(self);
            f64::from(fd).into_js(ctx)
        }))
    }
}

impl Drop for OwnedArgFd {
    fn drop(&mut self) {
        // SAFETY: the fd was never handed over (its completion was dropped).
        unsafe { libc::close(self.0) };
    }
}

/// `mn.tcpListen(id, host, port, backlog)`: listen for handle `id` (host '', null or undefined:
/// every interface; backlog 511 unless given); the bound port, or
/// `[errno, code, syscall, description]`. Accepted connections arrive as `onconnection(fd)`.
pub fn tcp_listen<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |ctx: Ctx<'js>, id: f64, host: Option<String>, port: f64, backlog: Option<f64>| {
            let id = id as u64;
            let port = port as u16;
            let host = host.unwrap_or_default();
            let backlog = match backlog {
                Some(b) if b > 0.0 => b as i32,
                _ => 511,
            };
            let std = match bind(&host, port, backlog) {
                Ok(l) => l,
                Err(e) => return error_array(&ctx, errno_of(&e), "listen", &[]),
            };
            let port = std.local_addr().map(|a| a.port()).unwrap_or(port);
            let mut sched = s.borrow_mut();
            let started = sched
                .io
                .runtime()
                .and_then(|rt| spawn_accept(&rt, std, id, sched.io.post()));
            match started {
                Ok(l) => {
                    sched.io.attach(id, Box::new(l));
                    f64::from(port).into_js(&ctx)
                }
                Err(e) => error_array(&ctx, errno_of(&e), "listen", &[]),
            }
        },
    )
}

/// `mn.tcpListenFd(id, fd)`: accept for handle `id` on an fd already listening (received from
/// another process); `undefined`, or the error array.
pub fn tcp_listen_fd<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |ctx: Ctx<'js>, id: f64, fd: f64| {
        let fd = fd as RawFd;
        if fd < 0 {
            return error_array(&ctx, libc::EBADF, "listen", &[]);
        }
        // SAFETY: the caller hands over an fd it owns.
        let std = unsafe { std::net::TcpListener::from_raw_fd(fd) };
        // A node primary's shared handle comes bound but not listening (node's worker calls
        // listen on it); listening again on a listening socket changes nothing but its backlog.
        // SAFETY: listen(2) on the fd now owned by `std`.
        if unsafe { libc::listen(std.as_raw_fd(), 511) } < 0 {
            return error_array(&ctx, errno_of(&io::Error::last_os_error()), "listen", &[]);
        }
        if let Err(e) = std.set_nonblocking(true) {
            return error_array(&ctx, errno_of(&e), "listen", &[]);
        }
        let mut sched = s.borrow_mut();
        let started = sched
            .io
            .runtime()
            .and_then(|rt| spawn_accept(&rt, std, id as u64, sched.io.post()));
        match started {
            Ok(l) => {
                sched.io.attach(id as u64, Box::new(l));
                Ok(Value::new_undefined(ctx))
            }
            Err(e) => error_array(&ctx, errno_of(&e), "listen", &[]),
        }
    })
}

// ---------------------------------------------------------------- sockets

/// Where a socket's stream comes from.
enum Source {
    Fd(TcpStream),
    Ready(Arc<TcpStream>),
    Connect(String, u16),
}

/// Start socket handle `id`: its one task connects (if asked), then reads and writes until the
/// handle closes and what was queued is written.
fn start_socket(io: &mut Io, id: u64, source: Source) -> io::Result<Socket> {
    let post = io.post();
    let (tx, rx) = unbounded_channel();
    let stop = Arc::new(Notify::new());
    let slot: Arc<OnceLock<Arc<TcpStream>>> = Arc::new(OnceLock::new());
    let source = match source {
        Source::Fd(s) => {
            // known at once: its addresses can be asked for before the task runs
            let s = Arc::new(s);
            let _ = slot.set(s.clone());
            Source::Ready(s)
        }
        other => other,
    };
    let (st, sl) = (stop.clone(), slot.clone());
    io.spawn_local(async move {
        let stream = match source {
            Source::Ready(s) => s,
            Source::Fd(s) => Arc::new(s),
            Source::Connect(host, port) => match connect_to(&host, port).await {
                Ok(s) => {
                    let s = Arc::new(s);
                    let _ = sl.set(s.clone());
                    post.send(id, "onconnect", Arg::None);
                    s
                }
                Err((errno, at)) => {
                    post.send(id, "onconnecterror", error_arg(errno, "connect", at));
                    return;
                }
            },
        };
        let _ = sl.set(stream.clone());
        tokio::join!(
            read_loop(stream.clone(), id, post.clone(), st),
            write_loop(stream, rx, id, post)
        );
    })?;
    Ok(Socket {
        stream: slot,
        tx,
        stop,
    })
}

async fn read_loop(stream: Arc<TcpStream>, id: u64, post: Post, stop: Arc<Notify>) {
    let mut buf = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    loop {
        tokio::select! {
            biased;
            _ = stop.notified() => return,
            r = stream.readable() => if let Err(e) = r {
                post.send(id, "onerror", error_arg(errno_of(&e), "read", None));
                return;
            },
        }
        match stream.try_io(Interest::READABLE, || {
            SockRef::from(&*stream).recv(&mut buf)
        }) {
            Ok(0) => {
                post.send(id, "onend", Arg::None);
                return;
            }
            Ok(n) => {
                // SAFETY: recv initialised the first n bytes.
                let bytes: Vec<u8> = buf[..n]
                    .iter()
                    .map(|b| unsafe { b.assume_init() })
                    .collect();
                if !post.send(id, "ondata", Arg::Bytes(bytes)) {
                    return;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => {
                post.send(id, "onerror", error_arg(errno_of(&e), "read", None));
                return;
            }
        }
    }
}

async fn write_loop(
    stream: Arc<TcpStream>,
    mut rx: UnboundedReceiver<WriteCmd>,
    id: u64,
    post: Post,
) {
    let mut failed = false;
    while let Some(cmd) = rx.recv().await {
        if failed {
            continue;
        }
        match cmd {
            WriteCmd::Data(bytes) => {
                if let Err(e) = write_all(&stream, &bytes).await {
                    failed = true;
                    post.send(id, "onerror", error_arg(errno_of(&e), "write", None));
                }
            }
            WriteCmd::Shutdown => match SockRef::from(&*stream).shutdown(Shutdown::Write) {
                Ok(()) => {
                    post.send(id, "onshutdown", Arg::None);
                }
                Err(e) if errno_of(&e) == libc::ENOTCONN => {
                    post.send(id, "onshutdown", Arg::None);
                }
                Err(e) => {
                    failed = true;
                    post.send(id, "onerror", error_arg(errno_of(&e), "shutdown", None));
                }
            },
        }
    }
}

async fn write_all(stream: &TcpStream, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.writable().await?;
        match stream.try_write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `mn.tcpAdopt(id, fd)`: connected socket `fd` becomes socket handle `id`; reading starts
/// (`ondata`, `onend`, `onerror`). `undefined`, or the error array.
pub fn tcp_adopt<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |ctx: Ctx<'js>, id: f64, fd: f64| {
        let mut sched = s.borrow_mut();
        let io = &mut sched.io;
        let started = io
            .local()
            .and_then(|rt| {
                let _entered = rt.enter();
                stream_from_fd(fd as RawFd)
            })
            .and_then(|stream| start_socket(io, id as u64, Source::Fd(stream)));
        match started {
            Ok(socket) => {
                io.attach(id as u64, Box::new(socket));
                Ok(Value::new_undefined(ctx))
            }
            Err(e) => error_array(&ctx, errno_of(&e), "open", &[]),
        }
    })
}

/// `mn.tcpConnect(id, host, port)`: connect socket handle `id`; `onconnect`, or
/// `onconnecterror([errno, code, 'connect', description, address, port])`. Writes may be queued
/// at once.
pub fn tcp_connect<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, host: String, port: f64| {
        let io = &mut s.borrow_mut().io;
        if let Ok(socket) = start_socket(io, id as u64, Source::Connect(host, port as u16)) {
            io.attach(id as u64, Box::new(socket));
        }
    })
}

/// `mn.tcpWrite(id, chunk)`: queue a string (utf8) or Buffer for socket `id`; the bytes queued.
pub fn tcp_write<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, chunk: Value<'js>| {
        let bytes = chunk_bytes(&chunk);
        let n = bytes.len() as f64;
        if let Some(sock) = s.borrow_mut().io.native::<Socket>(id as u64) {
            let _ = sock.tx.send(WriteCmd::Data(bytes));
        }
        n
    })
}

/// `mn.tcpShutdown(id)`: shut socket `id`'s writing side once the queued bytes are written;
/// `onshutdown` follows.
pub fn tcp_shutdown<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| {
        if let Some(sock) = s.borrow_mut().io.native::<Socket>(id as u64) {
            let _ = sock.tx.send(WriteCmd::Shutdown);
        }
    })
}

/// `f` of the fd of handle `id` (a listener, a socket or an HTTP connection), while it is open:
/// the fd stays open while `f` runs.
fn with_handle_fd<R>(
    io: &mut super::super::io::Io,
    id: u64,
    f: impl FnOnce(RawFd) -> R,
) -> Option<R> {
    if let Some(l) = io.native::<Listener>(id) {
        return Some(f(l.fd));
    }
    if let Some(s) = io.native::<Socket>(id) {
        return s.stream.get().map(|s| f(s.as_raw_fd()));
    }
    // another module's connection (an HTTP server's), lent through the loop
    io.with_fd(id, f)
}

/// `mn.tcpDupFd(id)`: a duplicate of handle `id`'s fd (to send to another process), or -1.
pub fn tcp_dup_fd<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| {
        let mut sched = s.borrow_mut();
        // (closing ours later never stops the copy's listening: a listener is closed, not shut
        // down)
        // SAFETY: fcntl on an fd the handle keeps open while it runs.
        with_handle_fd(&mut sched.io, id as u64, |fd| unsafe {
            libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0)
        })
        .map_or(-1.0, f64::from)
    })
}

/// `mn.fdClose(fd)`: close an fd the JavaScript received but will not use.
pub fn fd_close<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, move |fd: f64| {
        if fd >= 0.0 {
            // SAFETY: the JavaScript owned this fd and gives it up.
            unsafe { libc::close(fd as RawFd) };
        }
    })
}

/// `mn.tcpAddress(id, peer)`: `[address, family, port]` of handle `id`'s own end (or its
/// peer's), or `undefined`.
pub fn tcp_address<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |ctx: Ctx<'js>, id: f64, peer: bool| {
        let addr = with_handle_fd(&mut s.borrow_mut().io, id as u64, |fd| {
            // SAFETY: the handle keeps the fd open while this runs.
            let sock = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
            let r = if peer {
                SockRef::from(&sock).peer_addr()
            } else {
                SockRef::from(&sock).local_addr()
            };
            r.ok().and_then(|a| a.as_socket())
        })
        .flatten();
        match addr {
            None => Ok::<_, rquickjs::Error>(Value::new_undefined(ctx)),
            Some(a) => {
                let arr = Array::new(ctx.clone())?;
                arr.set(0, a.ip().to_string())?;
                arr.set(1, if a.is_ipv4() { "IPv4" } else { "IPv6" })?;
                arr.set(2, a.port())?;
                Ok(arr.into_value())
            }
        }
    })
}

/// `mn.tcpOption(id, name, on)`: `noDelay` or `keepAlive` on socket `id` (ignored when closed).
pub fn tcp_option<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, name: String, on: bool| {
        with_handle_fd(&mut s.borrow_mut().io, id as u64, |fd| {
            // SAFETY: the handle keeps the fd open while this runs.
            let sock = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
            let sock = SockRef::from(&sock);
            let _ = match name.as_str() {
                "noDelay" => sock.set_tcp_nodelay(on),
                "keepAlive" => sock.set_keepalive(on),
                _ => Ok(()),
            };
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_interface_is_ipv6_first_then_ipv4() {
        let a = listen_addrs("", 80).expect("addresses");
        assert_eq!(a[0].to_string(), "[::]:80");
        assert_eq!(a[1].to_string(), "0.0.0.0:80");
        let b = listen_addrs("127.0.0.1", 0).expect("addresses");
        assert_eq!(b, vec!["127.0.0.1:0".parse().expect("an address")]);
    }
}
