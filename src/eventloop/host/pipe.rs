//! Pipes between this process and its children, the native half of child_process_internal.js's
//! `CpPipe`: a piped stdio slot (raw bytes) or an IPC channel (newline-delimited JSON text, with
//! descriptors beside it), both Unix sockets.
//!
//! HOW: a pipe handle gets a reading task on the loop's I/O runtime, posting `ondata(Buffer)` /
//! `onend()` (raw) or `onread([lines, fds, buffering])` / `onread()` at the end (IPC: whole lines
//! only, decoded as UTF-8, with the descriptors SCM_RIGHTS brought). Writes are tried at once from
//! the loop's thread; what the socket cannot take now waits in a queue that a task empties,
//! posting `onwritten([req, errno])` for each request finished that way. Closing the handle
//! (`ioClose`) shuts the socket down (the other side reads its end at once) and stops both tasks.
//!
//! WHY: node writes IPC messages synchronously when it can and reads them in the poll phase.
//! This file moves bytes and descriptors; it knows neither messages nor processes.
//!
//! Shared with JavaScript: the event names above *Must* match `CpPipe`'s methods.

use std::collections::VecDeque;
use std::io::{IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Mutex};

use nix::sys::socket::{
    recvmsg, sendmsg, shutdown, ControlMessage, ControlMessageOwned, MsgFlags, Shutdown, UnixAddr,
};
use rquickjs::function::Opt;
use rquickjs::{Array, ArrayBuffer, Ctx, IntoJs, Value};
use tokio::io::unix::AsyncFd;

use super::super::io::{Arg, Io, Post};
use super::buffer::buffer_bytes;
use super::native::{native, Host};
use crate::process::command;

/// A task that stops when its handle closes.
pub(super) struct Task(pub(super) tokio::task::AbortHandle);

impl Drop for Task {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A pipe handle's Rust half: the descriptor, its reader, its write queue.
struct PipeRes {
    fd: Arc<AsyncFd<OwnedFd>>,
    writes: Arc<Writes>,
    _reader: Task,
}

impl Drop for PipeRes {
    fn drop(&mut self) {
        // The other side reads its end now, whatever task still holds the descriptor.
        let _ = shutdown(self.fd.get_ref().as_raw_fd(), Shutdown::Both);
        if let Ok(mut t) = self.writes.task.lock() {
            if let Some(t) = t.take() {
                t.abort();
            }
        }
    }
}

/// A write the socket could not take at once.
struct Pending {
    bytes: Vec<u8>,
    at: usize,
    /// A descriptor still to go with the first byte (our own copy).
    fd: Option<OwnedFd>,
    req: Option<f64>,
}

/// A pipe's writes, in order: tried at once from the loop's thread while nothing waits, queued
/// for a task otherwise.
struct Writes {
    fd: Arc<AsyncFd<OwnedFd>>,
    queue: Mutex<VecDeque<Pending>>,
    task: Mutex<Option<tokio::task::AbortHandle>>,
    runtime: tokio::runtime::Handle,
    post: Post,
    handle: u64,
}

/// `sendmsg` of `bytes` with `fd` beside them: bytes taken, or the OS error.
fn send_some(sock: RawFd, bytes: &[u8], fd: Option<RawFd>) -> Result<usize, nix::Error> {
    let iov = [IoSlice::new(bytes)];
    let fds;
    let cmsgs: Vec<ControlMessage> = match fd {
        Some(f) => {
            fds = [f];
            vec![ControlMessage::ScmRights(&fds)]
        }
        None => Vec::new(),
    };
    loop {
        match sendmsg::<UnixAddr>(sock, &iov, &cmsgs, MsgFlags::MSG_NOSIGNAL, None) {
            Err(nix::Error::EINTR) => continue,
            other => return other,
        }
    }
}

impl Writes {
    /// Write now if nothing waits; queue the rest. `Ok(true)`: written at once; `Ok(false)`:
    /// queued (`onwritten` comes later); `Err(errno)`: failed.
    fn write(
        self: &Arc<Self>,
        bytes: Vec<u8>,
        fd: Option<RawFd>,
        req: Option<f64>,
    ) -> Result<bool, i32> {
        let mut queue = self.queue.lock().map_err(|_| libc::EIO)?;
        let mut at = 0;
        let mut fd_sent = fd.is_none();
        if queue.is_empty() {
            match send_some(self.fd.get_ref().as_raw_fd(), &bytes, fd) {
                Ok(n) => {
                    at = n;
                    fd_sent = true;
                    if n == bytes.len() {
                        return Ok(true);
                    }
                }
                Err(nix::Error::EAGAIN) => {}
                Err(e) => return Err(e as i32),
            }
        }
        let fd = if fd_sent {
            None
        } else {
            // SAFETY: duplicating the caller's open descriptor; the copy is ours.
            let copy = unsafe { libc::fcntl(fd.unwrap_or(-1), libc::F_DUPFD_CLOEXEC, 0) };
            if copy < 0 {
                return Err(std::io::Error::last_os_error()
                    .raw_os_error()
                    .unwrap_or(libc::EBADF));
            }
            // SAFETY: fcntl returned a new descriptor.
            Some(unsafe { OwnedFd::from_raw_fd(copy) })
        };
        let start = queue.is_empty();
        queue.push_back(Pending { bytes, at, fd, req });
        drop(queue);
        if start {
            let me = self.clone();
            let task = self.runtime.spawn(async move { me.drain().await });
            if let Ok(mut t) = self.task.lock() {
                *t = Some(task.abort_handle());
            }
        }
        Ok(false)
    }

    /// Empty the queue as the socket takes it.
    async fn drain(self: Arc<Self>) {
        loop {
            let Ok(mut guard) = self.fd.writable().await else {
                return;
            };
            loop {
                let mut queue = match self.queue.lock() {
                    Ok(q) => q,
                    Err(_) => return,
                };
                let Some(p) = queue.front_mut() else { return };
                let fd = p.fd.as_ref().map(|f| f.as_raw_fd());
                match send_some(self.fd.get_ref().as_raw_fd(), &p.bytes[p.at..], fd) {
                    Ok(n) => {
                        p.at += n;
                        p.fd = None;
                        if p.at == p.bytes.len() {
                            let done = queue.pop_front().expect("the front is there");
                            drop(queue);
                            if let Some(req) = done.req {
                                self.post.send(self.handle, "onwritten", written(req, 0));
                            }
                        }
                    }
                    Err(nix::Error::EAGAIN) => {
                        guard.clear_ready();
                        break;
                    }
                    Err(e) => {
                        // the other side is gone: every waiting write fails with it
                        let failed: Vec<Pending> = queue.drain(..).collect();
                        drop(queue);
                        for p in failed {
                            if let Some(req) = p.req {
                                self.post
                                    .send(self.handle, "onwritten", written(req, e as i32));
                            }
                        }
                        return;
                    }
                }
            }
        }
    }
}

fn written(req: f64, errno: i32) -> Arg {
    Arg::Make(Box::new(move |ctx| vec![req, -(errno as f64)].into_js(ctx)))
}

/// The reading task of a pipe: raw bytes, or the IPC channel's lines and descriptors.
async fn read_pipe(
    fd: Arc<AsyncFd<OwnedFd>>,
    post: Post,
    handle: u64,
    ipc: bool,
    _done: Option<tokio::sync::mpsc::Sender<()>>,
) {
    let mut chunk = vec![0u8; 64 * 1024];
    let mut line: Vec<u8> = Vec::new();
    loop {
        let Ok(mut guard) = fd.readable().await else {
            post.send(handle, if ipc { "onread" } else { "onend" }, Arg::None);
            return;
        };
        let got = guard.try_io(|afd| {
            let mut cmsg = nix::cmsg_space!([RawFd; 8]);
            let mut iov = [IoSliceMut::new(&mut chunk)];
            let msg = recvmsg::<UnixAddr>(
                afd.as_raw_fd(),
                &mut iov,
                ipc.then_some(&mut cmsg),
                MsgFlags::MSG_CMSG_CLOEXEC,
            )
            .map_err(std::io::Error::from)?;
            let mut fds = Vec::new();
            if let Ok(cmsgs) = msg.cmsgs() {
                for c in cmsgs {
                    if let ControlMessageOwned::ScmRights(received) = c {
                        fds.extend(received);
                    }
                }
            }
            Ok((msg.bytes, fds))
        });
        let (n, fds) = match got {
            Err(_would_block) => continue,
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Ok(Err(_)) => (0, Vec::new()),
            Ok(Ok(r)) => r,
        };
        if n == 0 {
            for f in fds {
                // SAFETY: received descriptors nobody else owns: closing them.
                unsafe { libc::close(f) };
            }
            post.send(handle, if ipc { "onread" } else { "onend" }, Arg::None);
            return;
        }
        let bytes = &chunk[..n];
        if !ipc {
            if !post.send(handle, "ondata", Arg::Bytes(bytes.to_vec())) {
                return;
            }
            continue;
        }
        line.extend_from_slice(bytes);
        let lines: Vec<String> = match line.iter().rposition(|&b| b == b'\n') {
            Some(end) => {
                let whole: Vec<u8> = line.drain(..=end).collect();
                whole[..whole.len() - 1]
                    .split(|&b| b == b'\n')
                    .map(|l| String::from_utf8_lossy(l).into_owned())
                    .collect()
            }
            None => Vec::new(),
        };
        if lines.is_empty() && fds.is_empty() {
            continue;
        }
        let buffering = !line.is_empty();
        let fds: Vec<f64> = fds.into_iter().map(f64::from).collect();
        let arg = Arg::Make(Box::new(move |ctx| {
            let a = Array::new(ctx.clone())?;
            a.set(0, lines)?;
            a.set(1, fds)?;
            a.set(2, buffering)?;
            Ok(a.into_value())
        }));
        if !post.send(handle, "onread", arg) {
            return;
        }
    }
}

/// Open a pipe handle's Rust half on `fd` (the parent's end, or a child's channel on fd 3).
pub(super) fn open_pipe(
    h: &mut Io,
    id: u64,
    fd: OwnedFd,
    ipc: bool,
    done: Option<tokio::sync::mpsc::Sender<()>>,
) -> std::io::Result<()> {
    command::set_nonblocking(fd.as_raw_fd())?;
    let runtime = h.runtime()?;
    let post = h.post();
    let afd = {
        let _in = runtime.enter();
        // SAFETY: the AsyncFd owns the descriptor and deregisters it before closing it.
        Arc::new(unsafe { AsyncFd::register(fd) }?)
    };
    let reader = runtime.spawn(read_pipe(afd.clone(), post.clone(), id, ipc, done));
    let writes = Arc::new(Writes {
        fd: afd.clone(),
        queue: Mutex::new(VecDeque::new()),
        task: Mutex::new(None),
        runtime,
        post,
        handle: id,
    });
    h.attach(
        id,
        Box::new(PipeRes {
            fd: afd,
            writes,
            _reader: Task(reader.abort_handle()),
        }),
    );
    Ok(())
}

/// `mn.pipeOpen(id, fd)`: the child's IPC channel (fd `NODE_CHANNEL_FD`) as an IPC pipe handle;
/// 0 or a negative errno.
pub fn pipe_open<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, fd: i32| -> i32 {
        // SAFETY: fcntl on a descriptor number the parent handed us; -1 if it is not open.
        if unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) } < 0 {
            return -libc::EBADF;
        }
        // SAFETY: the parent gave us this descriptor as our channel; we take it once.
        let owned = unsafe { OwnedFd::from_raw_fd(fd) };
        match open_pipe(&mut s.borrow_mut().io, id as u64, owned, true, None) {
            Ok(()) => 0,
            Err(e) => -e.raw_os_error().unwrap_or(libc::EIO),
        }
    })
}

/// `mn.pipeWrite(id, data, fd, req)`: `data` (a string, or an ArrayBuffer) with descriptor `fd`
/// beside it (-1: none). 0: written now; 1: queued (`onwritten([req, errno])` follows); a
/// negative errno: failed.
pub fn pipe_write<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |id: f64, data: Value<'js>, fd: Opt<f64>, req: Opt<f64>| -> i32 {
            let bytes = if let Some(text) = data.as_string() {
                text.to_string().unwrap_or_default().into_bytes()
            } else if let Some(buf) = ArrayBuffer::from_value(data.clone()) {
                buffer_bytes(&buf)
            } else {
                return -libc::EINVAL;
            };
            let fd = fd.0.filter(|f| *f >= 0.0).map(|f| f as RawFd);
            let mut sched = s.borrow_mut();
            sched.flush_output();
            let Some(pipe) = sched.io.native::<PipeRes>(id as u64) else {
                return -libc::EBADF;
            };
            match pipe.writes.clone().write(bytes, fd, req.0) {
                Ok(true) => 0,
                Ok(false) => 1,
                Err(e) => -e,
            }
        },
    )
}

/// `mn.pipeShutdown(id)`: no more writes (the other side reads its end).
pub fn pipe_shutdown<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| {
        let mut sched = s.borrow_mut();
        sched.flush_output();
        if let Some(pipe) = sched.io.native::<PipeRes>(id as u64) {
            let _ = shutdown(pipe.fd.get_ref().as_raw_fd(), Shutdown::Write);
        }
    })
}
