//! The native half of lib/child_process.js: starting a child (its process handle and its pipes),
//! signalling it, the pipes between parent and child (stdio as raw bytes, the IPC channel as
//! newline-delimited JSON text with descriptors beside it), and `spawnSync`'s blocking run.
//!
//! HOW: the JavaScript opens each handle (`ioOpen('ChildProcess' | 'Pipe' | 'process.channel')`)
//! and passes the ids here. A process handle gets a task that waits on the child's pidfd, reaps
//! it and posts `onexit(code | signal name)`, after its pipes have read their end (or a moment has
//! passed), so that a child's last message and output come before its exit, as in node. A pipe
//! handle gets a reading task posting `ondata(Buffer)` / `onend()` (raw) or `onread([lines, fds,
//! buffering])` / `onread()` at the end (IPC: whole lines only, decoded as UTF-8, with the
//! descriptors SCM_RIGHTS brought). Writes are tried at once from the loop's thread; what the
//! socket cannot take now waits in a queue that a task empties, posting `onwritten([req,
//! errno])` for each request finished that way. Closing a handle (`ioClose`) drops all of it.
//!
//! WHY: node writes IPC messages synchronously when it can and reads them in the poll phase;
//! output written before a fork or a message is flushed first, as node's synchronous writes to a
//! pipe would have put it out already. Nothing here decides when a callback runs.
//!
//! Shared with JavaScript: the event names above *Must* match the methods in child_process.js.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nix::sys::socket::{
    recvmsg, sendmsg, shutdown, ControlMessage, ControlMessageOwned, MsgFlags, Shutdown, UnixAddr,
};
use rquickjs::function::Opt;
use rquickjs::{Array, ArrayBuffer, Ctx, IntoJs, Object, Value};
use tokio::io::unix::AsyncFd;

use super::super::io::{Arg, Post};
use super::buffer::buffer_bytes;
use super::native::{native, Host};
use crate::process::command::{self, Ended, Slot, Spec, SyncLimits};

/// How long a child's exit waits for its pipes to read their end (a grandchild may hold them).
const PIPES_GRACE: Duration = Duration::from_millis(200);

/// A task that stops when its handle closes.
struct Task(tokio::task::AbortHandle);

impl Drop for Task {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A child process handle's Rust half.
struct ChildRes {
    pidfd: OwnedFd,
    _watch: Task,
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

/// `[errno, code]` for an OS error, as libuv names it (`[-2, 'ENOENT']`).
fn uv_error<'js>(ctx: &Ctx<'js>, errno: i32) -> rquickjs::Result<Value<'js>> {
    let code = format!("{:?}", nix::Error::from_raw(errno));
    vec![(-errno).into_js(ctx)?, code.into_js(ctx)?].into_js(ctx)
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
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
fn open_pipe(
    h: &mut crate::eventloop::io::Io,
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

fn strings(v: &Value<'_>) -> Vec<OsString> {
    v.as_array()
        .map(|a| {
            a.iter::<String>()
                .filter_map(Result::ok)
                .map(OsString::from)
                .collect()
        })
        .unwrap_or_default()
}

/// One stdio entry from JavaScript: `['ignore']`, `['fd', n]`, `['pipe', id]`, `['ipc', id]`.
enum Want {
    Ignore,
    Fd(RawFd),
    Pipe(u64),
    Ipc(u64),
}

fn stdio_wants(v: &Value<'_>) -> Vec<Want> {
    let Some(a) = v.as_array() else {
        return Vec::new();
    };
    a.iter::<Array>()
        .filter_map(Result::ok)
        .map(|e| {
            let kind: String = e.get(0).unwrap_or_default();
            let n: f64 = e.get(1).unwrap_or(-1.0);
            match kind.as_str() {
                "fd" => Want::Fd(n as RawFd),
                "pipe" => Want::Pipe(n as u64),
                "ipc" => Want::Ipc(n as u64),
                _ => Want::Ignore,
            }
        })
        .collect()
}

/// `mn.execPath`: this binary, which a forked child runs by default.
pub fn exec_path<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "mini-node".into())
        .into_js(ctx)
}

/// `mn.cpSpawn(procId, { file, args, envPairs, cwd, stdio, detached })`: the child's pid, or
/// `[errno, code]`. Each `['pipe' | 'ipc', id]` entry's handle gets the parent's end.
pub fn cp_spawn<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |ctx: Ctx<'js>, proc_id: f64, o: Object<'js>| -> rquickjs::Result<Value<'js>> {
            let file: String = o.get("file")?;
            let argv: Value = o.get("args")?;
            let env: Value = o.get("envPairs")?;
            let cwd: Value = o.get("cwd")?;
            let stdio: Value = o.get("stdio")?;
            let detached: bool = o.get::<_, Option<bool>>("detached")?.unwrap_or(false);
            let wants = stdio_wants(&stdio);
            let mut slots = Vec::with_capacity(wants.len());
            let mut parents: Vec<(u64, OwnedFd, bool)> = Vec::new();
            for w in &wants {
                slots.push(match w {
                    Want::Ignore => Slot::Ignore,
                    Want::Fd(fd) => Slot::Fd(*fd),
                    Want::Pipe(id) | Want::Ipc(id) => match command::pipe_pair() {
                        Ok((parent, child)) => {
                            parents.push((*id, parent, matches!(w, Want::Ipc(_))));
                            Slot::Pipe(child)
                        }
                        Err(e) => return uv_error(&ctx, errno_of(&e)),
                    },
                });
            }
            let cwd = cwd
                .as_string()
                .and_then(|s| s.to_string().ok())
                .map(Into::into);
            let spec = Spec {
                file: file.into(),
                argv: strings(&argv),
                env: strings(&env),
                cwd,
                stdio: slots,
                detached,
            };
            let mut sched = s.borrow_mut();
            // what this process wrote so far is out before the child can write anything
            sched.flush_output();
            let started = command::start(spec);
            // The pipes open either way: when the child did not start, their child ends are
            // closed already and they read their end at once, as libuv's do.
            let io = &mut sched.io;
            let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<()>(1);
            for (id, parent, ipc) in parents {
                if let Err(e) = open_pipe(io, id, parent, ipc, Some(done_tx.clone())) {
                    return uv_error(&ctx, errno_of(&e));
                }
            }
            drop(done_tx);
            let pid = match started {
                Ok(pid) => pid,
                Err(e) => return uv_error(&ctx, errno_of(&e)),
            };
            let watch = (|| -> std::io::Result<(OwnedFd, tokio::task::JoinHandle<()>)> {
                let pidfd = command::pidfd(pid)?;
                let waitfd = pidfd.try_clone()?;
                let runtime = io.runtime()?;
                let post = io.post();
                let id = proc_id as u64;
                let task = runtime.spawn(async move {
                    let ended = wait_child(pid, waitfd).await;
                    let _ = tokio::time::timeout(PIPES_GRACE, async {
                        while done_rx.recv().await.is_some() {}
                    })
                    .await;
                    post.send(id, "onexit", exit_arg(ended));
                });
                Ok((pidfd, task))
            })();
            match watch {
                Ok((pidfd, task)) => io.attach(
                    proc_id as u64,
                    Box::new(ChildRes {
                        pidfd,
                        _watch: Task(task.abort_handle()),
                    }),
                ),
                Err(e) => {
                    // SAFETY: our own child, which we could not watch: ended and reaped now.
                    unsafe {
                        libc::kill(pid as libc::pid_t, libc::SIGKILL);
                        libc::waitpid(pid as libc::pid_t, std::ptr::null_mut(), 0);
                    }
                    return uv_error(&ctx, errno_of(&e));
                }
            }
            (pid as f64).into_js(&ctx)
        },
    )
}

/// Wait for the child behind `pidfd` to end, and reap it.
async fn wait_child(pid: u32, pidfd: OwnedFd) -> Ended {
    // SAFETY: the AsyncFd owns the pidfd and deregisters it before closing it.
    let afd = unsafe { AsyncFd::register(pidfd) }.ok();
    loop {
        if let Some(e) = command::try_reap(pid) {
            return e;
        }
        match &afd {
            Some(afd) => match afd.readable().await {
                Ok(mut g) => g.clear_ready(),
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            None => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// How the child ended, for `onexit`: its exit code (a number), or the signal's name.
fn exit_arg(ended: Ended) -> Arg {
    match ended {
        Ended::Code(c) => Arg::Num(f64::from(c)),
        Ended::Signal(sig) => Arg::Str(signal_name(sig)),
    }
}

fn signal_name(sig: i32) -> String {
    crate::process::signal_name(sig)
        .map(str::to_string)
        .unwrap_or_else(|| sig.to_string())
}

/// `mn.cpKill(procId, signal)`: 0, or a negative errno (`-ESRCH`: it has ended).
pub fn cp_kill<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, sig: i32| -> i32 {
        let mut sched = s.borrow_mut();
        sched.flush_output();
        let Some(child) = sched.io.native::<ChildRes>(id as u64) else {
            return -libc::ESRCH;
        };
        match command::signal(&child.pidfd, sig) {
            Ok(()) => 0,
            Err(e) => -errno_of(&e),
        }
    })
}

/// `mn.kill(pid, signal)`: process.kill: 0, or a negative errno.
pub fn kill<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, move |pid: f64, sig: i32| -> i32 {
        // SAFETY: kill(2) with integer arguments.
        if unsafe { libc::kill(pid as libc::pid_t, sig) } == 0 {
            0
        } else {
            -errno_of(&std::io::Error::last_os_error())
        }
    })
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
            Err(e) => -errno_of(&e),
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

/// `mn.cpSpawnSync({ file, args, envPairs, cwd, stdio, input, timeout, maxBuffer, killSignal })`:
/// `{ pid, status, signal, output, error }` as node's spawn_sync binding returns it (`error` a
/// negative errno; `output[i]` an ArrayBuffer for each piped slot).
pub fn cp_spawn_sync<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |ctx: Ctx<'js>, o: Object<'js>| -> rquickjs::Result<Value<'js>> {
            let file: String = o.get("file")?;
            let argv: Value = o.get("args")?;
            let env: Value = o.get("envPairs")?;
            let cwd: Value = o.get("cwd")?;
            let stdio: Value = o.get("stdio")?;
            let input: Value = o.get("input")?;
            let timeout: f64 = o.get::<_, Option<f64>>("timeout")?.unwrap_or(0.0);
            let max_buffer: f64 = o
                .get::<_, Option<f64>>("maxBuffer")?
                .unwrap_or(f64::INFINITY);
            let kill_signal: i32 = o
                .get::<_, Option<i32>>("killSignal")?
                .unwrap_or(libc::SIGTERM);
            let wants = stdio_wants(&stdio);
            let mut slots = Vec::new();
            let mut pipes = Vec::new();
            for w in &wants {
                match w {
                    Want::Pipe(_) | Want::Ipc(_) => match command::pipe_pair() {
                        Ok((parent, child)) => {
                            slots.push(Slot::Pipe(child));
                            pipes.push(Some(parent));
                        }
                        Err(e) => return sync_error(&ctx, errno_of(&e)),
                    },
                    Want::Fd(fd) => {
                        slots.push(Slot::Fd(*fd));
                        pipes.push(None);
                    }
                    Want::Ignore => {
                        slots.push(Slot::Ignore);
                        pipes.push(None);
                    }
                }
            }
            let spec = Spec {
                file: file.into(),
                argv: strings(&argv),
                env: strings(&env),
                cwd: cwd
                    .as_string()
                    .and_then(|s| s.to_string().ok())
                    .map(Into::into),
                stdio: slots,
                detached: false,
            };
            let limits = SyncLimits {
                input: ArrayBuffer::from_value(input)
                    .map(|b| buffer_bytes(&b))
                    .unwrap_or_default(),
                timeout: (timeout > 0.0).then(|| Duration::from_secs_f64(timeout / 1000.0)),
                max_buffer: (max_buffer.is_finite() && max_buffer >= 0.0)
                    .then_some(max_buffer as usize),
                kill_signal,
            };
            s.borrow_mut().flush_output();
            let r = match command::run_sync(spec, pipes, &limits) {
                Ok(r) => r,
                Err(e) => return sync_error(&ctx, errno_of(&e)),
            };
            let o = Object::new(ctx.clone())?;
            o.set("pid", r.pid)?;
            match r.ended {
                Ended::Code(c) => {
                    o.set("status", c)?;
                    o.set("signal", Value::new_null(ctx.clone()))?;
                }
                Ended::Signal(sig) => {
                    o.set("status", Value::new_null(ctx.clone()))?;
                    o.set("signal", signal_name(sig))?;
                }
            }
            let output = Array::new(ctx.clone())?;
            for (i, out) in r.output.into_iter().enumerate() {
                match out {
                    Some(bytes) => output.set(i, ArrayBuffer::new(ctx.clone(), bytes)?)?,
                    None => output.set(i, Value::new_null(ctx.clone()))?,
                }
            }
            o.set("output", output)?;
            if let Some(e) = r.error {
                o.set("error", -e)?;
            }
            Ok(o.into_value())
        },
    )
}

/// spawnSync's answer when the child could not start: `{ error, status: null, ... }`.
fn sync_error<'js>(ctx: &Ctx<'js>, errno: i32) -> rquickjs::Result<Value<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("error", -errno)?;
    o.set("status", Value::new_null(ctx.clone()))?;
    o.set("signal", Value::new_null(ctx.clone()))?;
    o.set("output", Value::new_null(ctx.clone()))?;
    o.set("pid", 0)?;
    Ok(o.into_value())
}

/// `mn.errname(errno)`: libuv's name of a (negative) errno, `'ENOENT'` for -2.
pub fn errname<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, move |ctx: Ctx<'js>, errno: i32| uv_error(&ctx, -errno))
}
