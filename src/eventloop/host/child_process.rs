//! The native half of lib/child_process*.js: starting a child (its process handle and its
//! pipes, host/pipe.rs), signalling it, and `spawnSync`'s blocking run.
//!
//! HOW: the JavaScript opens each handle (`ioOpen('ChildProcess' | 'Pipe')`) and passes the ids
//! here. A process handle gets a task that waits on the child's pidfd, reaps it and posts
//! `onexit(code | signal name)`, after its pipes have read their end (or a moment has passed), so
//! that a child's last message and output come before its exit, as in node. Closing a handle
//! (`ioClose`) drops all of it.
//!
//! WHY: what this process wrote before it starts a child is flushed first, as node's synchronous
//! writes to a pipe would have put it out already. Nothing here decides when a callback runs.
//!
//! Shared with JavaScript: the event names above and the stdio entries (`['ignore']`,
//! `['fd', n]`, `['pipe', id]`, `['ipc', id]`) *Must* match child_process_internal.js.

use std::ffi::OsString;
use std::os::fd::{OwnedFd, RawFd};
use std::time::Duration;

use rquickjs::{Array, ArrayBuffer, Ctx, IntoJs, Object, Value};
use tokio::io::unix::AsyncFd;

use super::super::io::Arg;
use super::buffer::buffer_bytes;
use super::native::{native, Host};
use super::pipe::{open_pipe, Task};
use crate::process::command::{self, Ended, Slot, Spec, SyncLimits};

/// How long a child's exit waits for its pipes to read their end (a grandchild may hold them).
const PIPES_GRACE: Duration = Duration::from_millis(200);

/// A child process handle's Rust half.
struct ChildRes {
    pidfd: OwnedFd,
    _watch: Task,
}

/// `[errno, code]` for an OS error, as libuv names it (`[-2, 'ENOENT']`).
fn uv_error<'js>(ctx: &Ctx<'js>, errno: i32) -> rquickjs::Result<Value<'js>> {
    let code = format!("{:?}", nix::Error::from_raw(errno));
    vec![(-errno).into_js(ctx)?, code.into_js(ctx)?].into_js(ctx)
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
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
